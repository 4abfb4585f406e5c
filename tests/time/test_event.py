"""Dating an event from its trigger."""

import datetime as dt

from truce.records import Article
from truce.time import date_event, find_times


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _date(nlp, text, trigger_word, published=d("2025-12-04"), nth=0):
    a = Article(id="t", text=text, published=published)
    doc = nlp(text)
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger_word, start + 1)
    return date_event(doc, a, (start, start + len(trigger_word)), find_times(doc, a))


def test_governing_expression_wins_over_a_nearer_one(nlp):
    text = "On 12 Oct 2018, students protested the killing of a student on 7 Oct."
    ed = _date(nlp, text, "protested", published=d("2018-10-13"))
    assert ed.start == d("2018-10-12") and ed.precision == "day" and ed.text == "12 Oct 2018"


def test_attachment_through_the_trigger_noun(nlp):
    text = "Officials condemned the Nov. 23 strike on Beirut."
    ed = _date(nlp, text, "strike")
    assert ed.start == d("2025-11-23")


def test_weekday_in_the_same_clause(nlp):
    text = "Lebanese and Israeli diplomats met on Wednesday in the border town of Naqoura."
    ed = _date(nlp, text, "met")
    assert ed.start == ed.end == d("2025-12-03")


def test_paragraph_reference_date(nlp):
    text = "On November 19, Israeli forces struck a camp in Ain al-Hilweh. Residents reported explosions."
    ed = _date(nlp, text, "reported")
    assert ed.start == d("2025-11-19") and ed.text == "November 19"


def test_no_date_falls_back_to_publication_as_reported(nlp):
    text = "Israeli jets struck a house in Tyre, killing two people."
    ed = _date(nlp, text, "struck")
    # reported that day: it happened on the publication day or the day before
    assert (ed.start, ed.end, ed.precision, ed.text) == (d("2025-12-03"), d("2025-12-04"), "reported", None)


def test_no_publication_date_is_unknown(nlp):
    text = "Israeli jets struck a house in Tyre."
    ed = _date(nlp, text, "struck", published=None)
    assert ed.precision == "unknown" and ed.start is None


def test_deadlines_do_not_date_an_event(nlp):
    text = "The army must dismantle the sites by year-end."
    ed = _date(nlp, text, "dismantle")
    assert ed.precision == "reported"


def test_on_or_before_dates_the_event_on_that_day(nlp):
    text = "On or before October 8th, residents of Siana ward protested over grazing rights."
    ed = _date(nlp, text, "protested", published=d("2018-10-09"))
    assert ed.start == ed.end == d("2018-10-08")


def test_demo_article_strike_dates(nlp, demo_articles):
    a = demo_articles["000"]
    doc = nlp(a.text)
    times = find_times(doc, a)
    i = a.text.index("launched a strike")
    ed = date_event(doc, a, (i, i + len("launched")), times)
    assert ed.start == d("2025-11-19")
    j = a.text.index("announced another strike")
    ed = date_event(doc, a, (j, j + len("announced")), times)
    assert ed.start == d("2025-11-23")


def test_a_date_of_another_clause_does_not_date_the_event(nlp):
    text = "Supporters lit bonfires as they demanded the removal of officials accused of bungling the August 8 polls."
    ed = _date(nlp, text, "lit", published=d("2017-10-03"))
    assert ed.precision == "reported"


def test_a_clock_time_alone_does_not_date_the_event(nlp):
    text = "A student was shot dead by suspected cattle rustlers at 8am."
    ed = _date(nlp, text, "shot", published=d("2017-06-25"))
    assert ed.precision == "reported"


def test_a_named_date_wins_over_one_counted_from_it(nlp):
    text = "On 3 May 2024, villagers blocked the highway after a driver was killed the day before."
    ed = _date(nlp, text, "blocked", published=d("2024-05-04"))
    assert ed.start == d("2024-05-03")
    text = "14 March. Traders burned tyres in protest after a trader was shot the previous day."
    ed = _date(nlp, text, "burned", published=d("2024-03-15"))
    assert ed.start == d("2024-03-14")


def test_a_four_digit_count_is_not_a_year(nlp):
    text = "More than 2000 residents fled the fighting, while 1500 people crossed the border."
    a = Article(id="t", text=text, published=d("2024-05-04"))
    assert find_times(nlp(text), a) == []


def test_an_event_named_after_after_precedes_the_reference_date(nlp):
    text = (
        "Lebanese and Israeli diplomats met on Wednesday in Naqoura. The meeting comes just days "
        "after Israel assassinated a senior commander in an airstrike on Beirut."
    )
    ed = _date(nlp, text, "assassinated")
    assert ed.end == d("2025-12-02") and ed.start < d("2025-12-02") and ed.precision == "month"
    # the meeting itself keeps its day
    assert _date(nlp, text, "meeting").start == d("2025-12-03")


def test_an_attack_named_after_following_in_its_own_dated_sentence_keeps_the_date(nlp):
    # the killing is the attack's outcome: the attack happened on the sentence's date
    text = "On 19 March 2020, 3 policemen were killed following an attack by militants on a check point."
    ed = _date(nlp, text, "attack", published=d("2020-03-20"))
    assert ed.start == ed.end == d("2020-03-19") and ed.precision == "day"


def test_a_clash_whose_outcome_is_the_sentence_is_not_moved_before_the_reference(nlp):
    text = "23 June. One dead and several injured after two groups of herders clashed over pasture land."
    ed = _date(nlp, text, "clashed", published=d("2018-06-24"))
    assert ed.start == ed.end == d("2018-06-23")


def test_a_counted_gap_before_after_moves_the_event_by_it(nlp):
    text = "On 20 March 2020, villagers protested two days after an attack on the market."
    ed = _date(nlp, text, "attack", published=d("2020-03-21"))
    assert ed.start == ed.end == d("2020-03-18") and ed.precision == "day"


def test_a_date_on_the_clause_that_holds_the_trigger_governs_it(nlp):
    text = "On or before October 22nd, teachers gathered in Mbita to protest the murder of a colleague on October 13th."
    ed = _date(nlp, text, "protest", published=d("2018-10-23"))
    assert ed.start == d("2018-10-22")


def test_a_date_of_the_protested_event_does_not_date_the_protest(nlp):
    text = "Youngsters gathered to protest against the arrests of three people for Saturday's events."
    ed = _date(nlp, text, "protest", published=d("2018-01-15"))
    assert ed.precision == "reported"


def test_a_year_naming_a_thing_does_not_date_the_event(nlp):
    text = ("Two are killed including a former aspirant in the 2017 General Election when unidentified "
            "gunmen attacked Ukunda.")
    ed = _date(nlp, text, "attacked", published=d("2018-04-04"))
    assert ed.precision == "reported"
    text = "Kenyans take to streets ahead of the 2007 elections; police violently disperse protesters."
    assert _date(nlp, text, "disperse", published=d("2006-12-06")).precision == "reported"


def test_a_month_naming_a_bombing_and_a_tenure_label_date_nothing(nlp):
    text = "Two men suspected of the March 2012 Machakos bus station bombing are abducted along with two others."
    assert _date(nlp, text, "abducted", published=d("2012-06-27")).precision == "reported"
    text = "Recruitment: Police Forces of Kenya (2002-) will recruit 3,500 police officers."
    a = Article(id="t", text=text, published=d("2012-06-15"))
    assert find_times(nlp(text), a) == []


def test_earlier_in_the_day_with_no_day_named_dates_no_event(nlp):
    text = "3 Luo were killed to avenge the murder of 6 Kikuyu earlier in the day."
    article = Article(id="t", text=text, published=dt.date(2008, 1, 1))
    doc = nlp(text)
    times = find_times(doc, article)
    assert times[0].text == "earlier in the day" and times[0].reason
    start = text.index("killed")
    when = date_event(doc, article, (start, start + 6), times)
    assert when.precision == "reported" and when.start == dt.date(2007, 12, 31)


def test_a_dateline_dates_the_report_not_the_headline_event(nlp):
    text = ("Drone strike on market kills at least 30\n"
            "KHARTOUM, June 14 (Wire A) - A drone strike on a market killed at least 30 people on Friday.")
    headline = _date(nlp, text, "strike", published=d("2025-06-14"))
    assert headline.precision == "reported" and headline.start <= d("2025-06-13") <= headline.end
    lead = _date(nlp, text, "killed", published=d("2025-06-14"))
    assert lead.start == lead.end == d("2025-06-13")
    # with no date of its own, an event of the dateline's paragraph still takes the dateline's day
    text = "BEIRUT, Dec. 3 (Wire A) - Israeli jets struck a house in Tyre."
    assert _date(nlp, text, "struck").start == d("2025-12-03")


def test_a_date_of_the_triggers_own_clause_beats_a_more_precise_one_above(nlp):
    text = ("An Israeli air strike killed three people on Saturday, the ministry said, the latest in a "
            "string of attacks since a ceasefire took effect in November.")
    ed = _date(nlp, text, "ceasefire", published=d("2025-03-22"))
    assert (ed.start, ed.precision) == (d("2024-11-01"), "month")
    assert _date(nlp, text, "killed", published=d("2025-03-22")).start == d("2025-03-22")


def test_a_date_named_outright_beats_a_time_read_from_it(nlp):
    # "overnight" is read from 5 June (the night of 4-5 June); the note dates the raid 5 June
    text = "On 5 June 2021, militants raided Solhan overnight, shooting residents and burning homes."
    ed = _date(nlp, text, "raided", published=d("2021-06-06"))
    assert ed.start == d("2021-06-05") and ed.text == "5 June 2021"


def test_a_date_after_an_event_noun_object_is_that_events_even_when_hung_on_the_verb(nlp):
    # the parser attaches "on 7 Oct." to "protested"; after the object "the killing ..." it is the killing's day
    text = ("On 12 Oct 2018, students from the Mombasa branch of the University of Nairobi protested the killing "
            "of a UoN student and another man by a mob on 7 Oct.")
    assert _date(nlp, text, "protested", published=d("2018-10-13")).start == d("2018-10-12")
    text = ("On or before October 22nd, teachers gathered in Mbita (Homa Bay) to protest the murder of a collegue "
            "on October 13th, and the failure of police to arrest any suspects.")
    assert _date(nlp, text, "protest", published=d("2018-10-23")).start == d("2018-10-22")


def test_a_date_past_a_following_clause_with_its_own_verb_is_that_clauses(nlp):
    text = "13 March. Residents of Scheme estate protest over insecurity after a child had gone missing several days earlier."
    ed = _date(nlp, text, "protest", published=d("2018-03-14"))
    assert (ed.start, ed.precision) == (d("2018-03-13"), "day")


def test_a_year_naming_a_thing_yields_to_the_notes_header_date(nlp):
    text = ("03 April. Two are killed including a former Ukunda Ward aspirant in the 2017 General Election and two "
            "others injured when unidentified gunmen attacked Ukunda.")
    ed = _date(nlp, text, "attacked", published=d("2018-04-04"))
    assert (ed.start, ed.precision) == (d("2018-04-03"), "day")
