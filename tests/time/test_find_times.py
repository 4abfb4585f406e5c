"""Detection and normalisation over whole articles: the demo corpus and hand-made texts."""

import datetime as dt

import pytest

from truce.records import Article
from truce.time import find_times


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


@pytest.fixture(scope="module")
def demo_times(nlp, demo_articles):
    return {aid: find_times(nlp(a.text), a) for aid, a in demo_articles.items()}


def _find(times, text):
    hits = [t for t in times if text in t.text]
    assert hits, f"{text!r} not found among {[t.text for t in times]}"
    return hits[0]


def test_night_of_november_19(demo_times):
    t = _find(demo_times["000"], "November 19")
    assert t.text == "the night of November 19"
    assert t.interval.start == t.interval.end == d("2025-11-19")


def test_days_later_on_november_23(demo_times):
    later = _find(demo_times["000"], "days later")
    assert later.interval.start > d("2025-11-19") and later.anchor == "previous:2025-11-19"
    t = _find(demo_times["000"], "November 23")
    assert t.value == "2025-11-23"


def test_full_date_with_weekday(demo_times):
    t = _find(demo_times["002"], "Wednesday, December 3, 2025")
    assert t.value == "2025-12-03" and t.precision == "day"


def test_on_wednesday_in_a_thursday_article_is_the_day_before(demo_times):
    t = _find(demo_times["003"], "Wednesday")
    assert t.value == "2025-12-03"


def test_by_year_end_is_a_deadline(demo_times):
    t = _find(demo_times["002"], "year-end")
    assert t.deadline and t.interval.end == d("2025-12-31")


def test_since_october_8_2023_is_open_to_publication(demo_times):
    t = _find(demo_times["004"], "October 8, 2023")
    assert t.open_ended and t.interval.start == d("2023-10-08") and t.interval.end == d("2024-10-31")


def test_past_five_weeks(demo_times):
    t = _find(demo_times["004"], "five weeks")
    assert t.value == "P5W" and t.interval.end == d("2024-10-31") and t.interval.start == d("2024-09-26")


def test_sixty_day_truce(demo_times):
    t = _find(demo_times["004"], "60-day")
    assert (t.type, t.value) == ("DURATION", "P60D")


def test_last_years_ceasefire(demo_times):
    t = _find(demo_times["003"], "last year")
    assert t.value == "2024" and t.precision == "year"


def test_year_old_ceasefire(demo_times):
    t = _find(demo_times["002"], "year-old")
    assert t.value == "P1Y" and t.interval.end == d("2025-12-03")


def test_before_the_new_year(demo_times):
    t = _find(demo_times["003"], "new year")
    assert t.deadline and t.interval.end == d("2025-12-31")


def test_on_thursday_in_a_thursday_article_is_that_day(demo_times):
    t = _find(demo_times["004"], "Thursday")
    assert t.value == "2024-10-31"


def test_resolution_numbers_are_not_years(demo_times):
    assert not [t for t in demo_times["004"] if t.text == "1701"]


def test_spans_point_into_the_text(demo_times, demo_articles):
    for aid, times in demo_times.items():
        text = demo_articles[aid].text
        for t in times:
            assert text[t.start : t.end] == t.text


def test_future_tense_moves_a_weekday_forward(nlp):
    text = "The envoys met on Thursday. They will meet again on Thursday, officials said."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    values = [t.value for t in find_times(nlp(text), a) if "Thursday" in t.text]
    assert values == ["2025-12-04", "2025-12-11"]


def test_scheduled_month_day_takes_the_next_year(nlp):
    text = "Talks will resume on January 7. Fighting broke out on December 20."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    got = {t.text: t.value for t in find_times(nlp(text), a)}
    assert got["January 7"] == "2026-01-07"
    assert got["December 20"] == "2024-12-20"


def test_narrative_year_follows_an_explicit_date(nlp):
    text = "The war began on October 8, 2023. On October 10, Israel shelled the border."
    a = Article(id="t", text=text, published=d("2024-10-31"))
    got = {t.text: t.value for t in find_times(nlp(text), a)}
    assert got["October 10"] == "2023-10-10"


def test_clock_time_joined_with_its_day(nlp):
    text = "The strike hit at 10 p.m. Wednesday, residents said."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    (t,) = [t for t in find_times(nlp(text), a) if "p.m." in t.text]
    assert (t.type, t.value) == ("TIME", "2025-12-03T22:00")


def test_ages_are_not_durations(nlp):
    text = "A 6-year-old boy was killed; the 52-year-old mayor said the year-old truce held."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    texts = [t.text for t in find_times(nlp(text), a)]
    assert texts == ["year-old"]


@pytest.mark.parametrize(
    "text",
    [
        "They met on February 30 to discuss the 45th of May.",
        "Scholars wrote about the year 3500 and the year 0950.",
        "وقعت الغارة يوم الأربعاء ٣ ديسمبر ٢٠٢٥.",
        "空袭发生在2025年12月3日星期三。",
        "",
    ],
)
def test_bad_input_never_crashes(nlp, text):
    a = Article(id="t", text=text, published=d("2025-12-04"))
    for t in find_times(nlp(text), a):
        if t.precision == "unknown":
            assert t.reason


def test_nonsense_dates_kept_with_reason(nlp):
    text = "They met on February 30 to discuss the 45th of May."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    times = find_times(nlp(text), a)
    assert {t.text for t in times} >= {"February 30", "the 45th of May"}
    assert all(t.precision == "unknown" and t.reason for t in times)


def test_missing_publication_date(nlp):
    text = "On Wednesday, a strike hit Tyre. On December 3, 2025, another followed."
    a = Article(id="t", text=text, published=None)
    got = {t.text: t for t in find_times(nlp(text), a)}
    assert got["Wednesday"].precision == "unknown" and "publication date" in got["Wednesday"].reason
    assert got["December 3, 2025"].value == "2025-12-03"


def test_a_year_earlier_takes_the_quarter_in_view(nlp):
    text = "Third-quarter profit rose to $5 million from $3 million a year earlier."
    a = Article(id="t", text=text, published=d("1989-10-27"))
    got = {t.text: t.value for t in find_times(nlp(text), a)}
    assert got["Third-quarter"] == "1989-Q3" and got["a year earlier"] == "1988-Q3"
    plain = "The ceasefire was signed a year earlier."
    got = {t.text: t.value for t in find_times(nlp(plain), Article(id="u", text=plain, published=d("1989-10-27")))}
    assert got["a year earlier"] == "1988"


def test_a_doc_without_a_parse_still_works():
    import spacy

    from truce.time import date_event

    text = "On Wednesday, jets struck Tyre. The strike came days after talks."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    doc = spacy.blank("en")(text)
    times = find_times(doc, a)
    assert [t.value for t in times if t.text == "Wednesday"] == ["2025-12-03"]
    i = text.index("struck")
    assert date_event(doc, a, (i, i + 6), times).start == d("2025-12-03")


def test_narrative_month_and_year_follow_the_last_dated_expression(nlp):
    text = ("The militia first crossed the border in 2019. Later that year it seized two towns. "
            "The siege began in March 2021. The following month the town fell.")
    a = Article(id="t", text=text, published=d("2025-12-04"))
    got = {t.text: t.value for t in find_times(nlp(text), a)}
    assert got["that year"] == "2019"
    assert got["The following month"] == "2021-04"


def test_a_relative_day_with_no_date_before_it_is_flagged(nlp):
    text = "The day after gunmen attacked the convoy, the army sealed the road."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    (t,) = [t for t in find_times(nlp(text), a) if "day after" in t.text]
    assert t.reason is not None and "relative to an event" in t.reason


def test_bare_next_year_is_counted_from_publication(nlp):
    text = "Sales fell in 2019. The company expects a recovery next year."
    a = Article(id="t", text=text, published=d("2025-12-04"))
    got = {t.text: t.value for t in find_times(nlp(text), a)}
    assert got["next year"] == "2026"


def _texts(nlp, text, published=d("1989-10-26")):
    a = Article(id="t", text=text, published=published)
    return {t.text: t for t in find_times(nlp(text), a)}


def test_periods_named_by_their_end(nlp):
    found = _texts(nlp, "For the year ended Aug. 31, net rose. For the quarter ended July 31, sales fell.")
    assert found["the year"].value == "P1Y" and found["the year"].type == "DURATION"
    assert found["the quarter"].value == "1989-Q2"


def test_the_year_earlier_period_is_the_quarter_in_view(nlp):
    text = ("Du Pont reported third-quarter profit of $547 million. " + "Sales rose strongly. " * 20 +
            "In the year-earlier period, the company earned $461 million.")
    assert _texts(nlp, text)["the year-earlier period"].value == "1988-Q3"


def test_current_as_an_adjective_is_a_present_reference(nlp):
    found = _texts(nlp, "The company blamed current market conditions and its current account deficit.")
    assert [t.value for t in found.values()] == ["PRESENT_REF"]


def test_not_times_ordinals_fractions_and_titles(nlp):
    text = ('It will be a second betrayal. Iraq imports about three-quarters of its food. '
            'Baker, speaking on ABC News\' "This Week," said so. He spoke on CBS\'s "60 Minutes." '
            'He waited a second before answering.')
    assert list(_texts(nlp, text, d("2000-04-17"))) == ["a second"]


def test_week_of_and_day_month_figures_in_field_notes(nlp):
    found = _texts(nlp, "Week of 16 July. Students protest. Youths blocked the road on the evening of 03/07.",
                   d("2018-07-20"))
    assert found["Week of 16 July"].value == "2018-W29"
    assert found["the evening of 03/07"].value == "2018-07-03TEV"
    assert _texts(nlp, "He won 3/4 of the seats.", d("2018-07-20")) == {}


def test_a_weekday_set_and_the_date_it_starts_from_are_two_expressions(nlp):
    found = _texts(nlp, "Two flights will leave on Monday, with the third departing each Thursday from August 6.",
                   d("1998-02-13"))
    assert found["each Thursday"].value == "XXXX-WXX-4" and "August 6" in found


def test_following_as_a_preposition_stays_out_of_a_duration(nlp):
    found = _texts(nlp, "Ten people are killed following two days of clashes. In the following two days, "
                        "prices rose.", d("2014-12-18"))
    assert found["two days"].interval is None
    assert found["the following two days"].interval.start == d("2014-12-18")


def test_a_guess_anchors_nothing_after_it(nlp):
    found = _texts(nlp, "Muslims demonstrated against the 6pm-6am curfew.", d("2014-10-18"))
    assert found["6am"].reason and found["6pm"].reason


def test_days_earlier_with_no_date_before_is_relative_to_an_event(nlp):
    found = _texts(nlp, "Two men were attacked in hospital; the same men were attacked 2 days earlier in town.",
                   d("2008-11-28"))
    assert found["2 days earlier"].reason


def test_a_part_of_the_day_alone_belongs_to_the_news_day_of_an_earlier_paragraph(nlp):
    text = ("Shares closed lower Friday in Tokyo.\n\nDealers placed heavy orders in the morning, and shares "
            "were depressed by overnight losses in New York.")
    found = _texts(nlp, text, d("1989-10-30"))
    assert found["Friday"].value == "1989-10-27"
    assert found["the morning"].value == "1989-10-27TMO"
    assert found["overnight"].value == "1989-10-26TNI"


def test_a_backstory_day_in_an_earlier_paragraph_does_not_take_overnight(nlp):
    text = "The embassy bombings, on Aug. 7, killed 247 people.\n\nThe sites struck overnight were camps."
    assert _texts(nlp, text, d("1998-08-21"))["overnight"].value == "1998-08-20TNI"


def test_a_day_said_again_by_an_event_is_the_same_day(nlp):
    found = _texts(nlp, "Eight trading days after Oct. 12, the day before the stock market plunge, the index "
                        "was lower.", d("1989-10-30"))
    assert found["the day before"].value == "1989-10-12"


def test_the_day_before_a_named_day_is_one_expression(nlp):
    found = _texts(nlp, "The day before last Tuesday's hearing, he went to court.", d("2000-02-24"))
    assert found["The day before last Tuesday"].value == "2000-02-21"


def test_today_and_tomorrow_in_general_are_not_dates(nlp):
    text = ("The case is for today's youth what the blockade was. Many of today's personal computers use "
            "the chip. I would have chosen the people of tomorrow. Today's vote was close; as of today the "
            "offer stands.")
    found = _texts(nlp, text, d("2000-01-07"))
    assert [t.text for t in found.values()] == ["Today", "today"]


def test_most_recently_leaves_the_date_alone(nlp):
    found = _texts(nlp, "Three doctors were killed, most recently last October.", d("1999-02-06"))
    assert list(found) == ["last October"]


def test_an_age_of_a_truce_is_a_duration_and_a_childs_is_not(nlp):
    found = _texts(nlp, "The bombing threatened the IRA's 8-month-old truce. A 6-year-old boy was hurt.",
                   d("1998-03-22"))
    assert found["8-month-old"].value == "P8M" and not any("6-year" in k for k in found)


def test_the_nth_day_of_an_event_said_in_the_present_is_today(nlp):
    found = _texts(nlp, "In Saudi Arabia, today is the eighth day of the operation. It was the third day of "
                        "talks.", d("1990-08-15"))
    assert found["the eighth day"].value == "1990-08-15" and "the third day" not in found


def test_a_month_and_year_labelling_a_thing_sets_no_year_for_later_days(nlp):
    text = ("He accepted a treaty he had rejected after the August 1988 cease-fire of the war. Iran condemned "
            "the invasion of Kuwait on Aug. 2.")
    found = _texts(nlp, text, d("1990-08-15"))
    assert found["Aug. 2"].value == "1990-08-02"
    found = _texts(nlp, "In August 1988, the war ended. On Aug. 20, the troops left.", d("1990-08-15"))
    assert found["Aug. 20"].value == "1988-08-20"


def test_the_quarter_in_view_lasts_through_the_report_until_another_period(nlp):
    filler = "The company cited higher costs and weak demand in its main markets. " * 8
    text = ("Savin reported a third-quarter net loss. " + filler + "Revenue fell from $93 million a year "
            "earlier. Net for the nine months was $254 million, up from $163 million a year earlier.")
    times = find_times(nlp(text), Article(id="t", text=text, published=d("1989-11-02")))
    earlier = [t.value for t in times if t.text == "a year earlier"]
    assert earlier == ["1988-Q3", "1988"]


def test_a_period_named_by_its_year_alone_is_that_year(nlp):
    found = _texts(nlp, "The company had a loss of $195 million in the 1988 period.", d("1989-11-02"))
    assert found["the 1988 period"].value == "1988"


def test_vague_references_and_trading_days(nlp):
    text = ("The king would travel at this crucial moment. The group will raise money at a later date. "
            "We'll have to live without it for a while. Eight trading days after Oct. 12, the index fell. "
            "There were no one-time gains in the latest period.")
    found = _texts(nlp, text, d("1989-11-02"))
    assert found["this crucial moment"].value == "PRESENT_REF"
    assert found["a later date"].value == "FUTURE_REF"
    assert found["a while"].value == "PXX"
    assert found["Eight trading days"].value == "P8D"
    assert found["the latest period"].value == "1989-Q3"


def test_the_reports_quarter_stays_in_view_past_a_quarter_named_in_passing(nlp):
    text = ("Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second quarter, the "
            "company cited its consumer businesses. The comparison was helped by charges taken in the "
            "year-earlier period.")
    assert _texts(nlp, text, d("1989-11-01"))["the year-earlier period"].value == "1988-Q3"


def test_a_plural_part_of_day_makes_both_coordinated_weekdays_recurring(nlp):
    found = _texts(nlp, "Flights will leave on Monday and Tuesday nights. He left on Monday and returned on "
                        "Tuesday.", d("1998-02-13"))
    assert found["Tuesday nights"].value == "XXXX-WXX-2TNI"
    first = [t for t in find_times(nlp("Flights will leave on Monday and Tuesday nights."),
                                    Article(id="t", text="Flights will leave on Monday and Tuesday nights.",
                                            published=d("1998-02-13"))) if t.text == "Monday"]
    assert first[0].value == "XXXX-WXX-1TNI" and first[0].type == "SET"
    assert found["Tuesday"].value == "1998-02-10"


def test_years_later_count_from_the_narratives_year(nlp):
    found = _texts(nlp, "In 2014 they were taken to Syria. A few years later they were found.", d("2019-01-22"))
    assert found["A few years later"].value == "2016"
    found = _texts(nlp, "In 2014 they were taken to Syria. Three years later they came home.", d("2019-01-22"))
    assert found["Three years later"].value == "2017"


def test_a_year_earlier_in_a_report_stays_a_year_before_publication(nlp):
    found = _texts(nlp, "In 1988, the company lost money. Revenue rose from $5 million a year earlier.",
                   d("1989-10-26"))
    assert found["a year earlier"].value == "1988"


def test_the_day_after_an_event_anchors_nothing(nlp):
    text = ("On Tuesday, the family travelled to Erbil. Kidnapped the day after his third birthday, the boys "
            "spent years there. On Monday the army entered the town. It left the day after.")
    times = find_times(nlp(text), Article(id="t", text=text, published=d("2019-01-22")))
    after = [t for t in times if t.text == "the day after"]
    assert after[0].reason and after[1].reason is None and after[1].value == "2019-01-22"


def test_nine_eleven_is_an_event_not_a_day_and_month(nlp):
    assert _texts(nlp, "The phrase was first used shortly after 9/11.", d("2019-02-10")) == {}


def test_midnight_is_a_clock_time_and_may_of_a_wish_no_month(nlp):
    found = _texts(nlp, "On Tuesday calm prevailed since midnight. “May God damn them all,” he said. In May he left.",
                   d("2018-02-28"))
    assert found["midnight"].value == "2018-02-27T24:00"
    assert [k for k in found if k.startswith("May")] == ["May"] and found["May"].value == "2017-05"


def test_may_the_person_seasons_and_holidays_describing_things(nlp):
    text = ("The letter calls on May to engage with Turkey. May said she would. The 23-year-old had a winter "
            "coat. He died in the Berlin Christmas market attack. Talks will resume in May.")
    found = _texts(nlp, text, d("2017-08-24"))
    assert list(found) == ["May"] and found["May"].value == "2018-05"


def test_the_nth_week_of_a_month(nlp):
    found = _texts(nlp, "Bombings in late July and the first week of August killed 62 people.", d("2017-08-11"))
    assert found["the first week of August"].value == "2017-W31"


def test_a_narrative_count_in_the_past_that_lands_after_publication_dates_nothing(nlp):
    text = "On November 28 she decided to come. Two weeks later, she found out he was in Syria."
    found = _texts(nlp, text, d("2017-12-05"))
    assert found["Two weeks later"].reason


def test_a_few_hours_later_is_the_same_day(nlp):
    found = _texts(nlp, "On Monday they were stopped. A few hours later they were released. Three days later "
                        "they left.", d("2017-11-30"))
    later = found["A few hours later"]
    assert later.interval.start == later.interval.end == d("2017-11-27")
    # TimeML writes the length, with "later" as its signal; the interval is the day it lands on
    assert later.value == "PTXH" and later.type == "DURATION"
    assert found["Three days later"].value == "P3D" and found["Three days later"].interval.start == d("2017-11-30")


def test_a_month_as_a_surname_is_no_time(nlp):
    text = ("The prime minister, Theresa May, spoke to Trump. Mrs May said so. May is expected to speak again. "
            "In May Israel struck the port. Guitarist Brian May played.")
    found = _texts(nlp, text, d("2018-04-12"))
    assert list(found) == ["May"] and found["May"].start == text.index("In May") + 3


def test_next_year_counts_from_the_report_and_until_looks_ahead(nlp):
    text = ("The new year begins on January 1. The bill keeps the government funded until February. He attacked "
            "the one who will take office next year. They must now watch the Americans march away.")
    found = _texts(nlp, text, d("2018-12-19"))
    assert found["next year"].value == "2019"
    assert found["February"].value == "2019-02"
    assert "march" not in found


def test_a_citations_date_has_no_tense(nlp):
    text = "A correspondent argued that it must remain so (Letters, 19 April). However, he misses the point."
    assert _texts(nlp, text, d("2018-04-23"))["19 April"].value == "2018-04-19"


def test_programme_titles_and_high_noon_are_no_times(nlp):
    text = ('Baker said on ABC-TV\'s "This Week With David Brinkley" that talks would go on. '
            '"For the people of Poland, high noon comes today," he said. They met at noon.')
    found = _texts(nlp, text, d("1999-03-12"))
    assert "This Week" not in found and list(found).count("noon") == 1
    assert found["noon"].start == text.index("at noon") + 3


def test_the_narrative_goes_on_from_the_day_a_later_count_lands_on(nlp):
    found = _texts(nlp, "On Monday the talks opened. Two days later the envoys left. The next day they returned.",
                   d("2017-11-30"))
    assert found["Two days later"].value == "P2D" and found["Two days later"].interval.start == d("2017-11-29")
    assert found["The next day"].value == "2017-11-30"


def test_rates_of_growth_and_minutes_apart_are_no_times(nlp):
    text = ("Sales should rise 8.5% annually. The plant would produce about 10,000 units annually. The "
            "festival is held here annually. The two bombings happened only minutes apart.")
    found = _texts(nlp, text, d("1989-10-26"))
    assert list(found) == ["annually"] and found["annually"].start == text.index("here annually") + 5


def test_the_year_of_the_first_months_of_the_year(nlp):
    found = _texts(nlp, "Net income fell through the first nine months of the year.", d("1989-10-30"))
    assert found["the first nine months"].value == "P9M" and found["the year"].value == "1989"


def test_the_year_earlier_period_after_the_nine_months_is_that_length(nlp):
    text = ("Net for the nine months rose to $254 million. In the year-earlier period, the company had net of "
            "$77 million. Net for the year-earlier nine months included a gain.")
    found = _texts(nlp, text, d("1989-10-27"))
    assert found["the year-earlier period"].value == "P9M"
    assert found["the year-earlier nine months"].value == "P9M"


@pytest.mark.parametrize("text, span", [
    ("The 60-day truce expires on January 26.", "60-day"),
    ("A three-week offensive ended in March.", "three-week"),
    ("The year-old ceasefire is fragile.", "year-old"),
])
def test_an_adjectival_duration_leaves_its_article_to_the_noun(nlp, text, span):
    times = find_times(nlp(text), Article(id="t", text=text, published=d("2025-11-20")))
    assert span in [t.text for t in times]


def test_the_article_of_a_period_stays(nlp):
    text = "The past five weeks were calm."
    times = find_times(nlp(text), Article(id="t", text=text, published=d("2025-11-20")))
    assert [t.text for t in times] == ["The past five weeks"]


@pytest.mark.parametrize(
    "text, words, value",
    [
        ('On 3 December 2019, it was reported that "last week" a boy was killed in Tiaty.', "last week", "2019-W48"),
        ("On 25 November 2019, local sources reported that two months ago militiamen killed two men.",
         "two months ago", "2019-09"),
        # no dated report: "last week" counts from the article's own day
        ('A boy was killed in Tiaty "last week", residents said on Monday.', "last week", "2019-W49"),
    ],
)
def test_deictic_words_in_a_dated_report_count_from_the_reports_day(nlp, text, words, value):
    article = Article(id="t", text=text, published=d("2019-12-10"))
    te = next(t for t in find_times(nlp(text), article) if t.text == words)
    assert te.value == value
