"""find_events through the whole per-article pipeline: the demo articles, counts, ids and bad input."""

import datetime as dt
import time

import pytest

pytestmark = pytest.mark.slow


def _events(extraction, plover=None):
    return [e for e in extraction.events if plover is None or e.plover_type == plover]


@pytest.fixture(scope="module")
def demo(demo_articles, resources):
    from truce.pipeline import extract_article

    return {aid: extract_article(a, resources) for aid, a in demo_articles.items()}


def test_every_event_points_at_its_words(demo):
    for x in demo.values():
        text = x.article.text
        for n, e in enumerate(x.events, start=1):
            assert e.id == f"{x.article.id}:e{n}"
            assert e.sentence == text[e.sentence_start : e.sentence_end]
            assert e.sentence_start <= e.trigger_start < e.trigger_end <= e.sentence_end
            assert e.trigger_rule
        saliences = [e.salience for e in x.events]
        assert saliences == sorted(saliences, reverse=True)


def test_ain_al_hilweh_strike_night_of_19_november(demo):
    hits = [e for x in (demo["000"], demo["001"]) for e in _events(x, "ASSAULT")
            if "hilweh" in e.sentence.lower()]  # fmt: skip
    assert hits
    for e in hits:
        assert e.date.start == dt.date(2025, 11, 19)
        assert e.acled_sub_event_type == "Air/drone strike"
        assert e.modality in ("asserted", "claimed")


def test_beirut_strike_23_november(demo):
    hits = [e for e in _events(demo["001"], "ASSAULT") if "November 23" in e.sentence]
    assert hits and all(e.date.start == dt.date(2025, 11, 23) for e in hits)
    assert any(e.acled_event_type == "Explosions/Remote violence" for e in hits)


def test_tabatabai_killed_by_israel(demo):
    kills = [e for e in _events(demo["003"], "ASSAULT")
             if any(a.role == "recipient" and "Tabatabai" in a.text for a in e.actors)]  # fmt: skip
    assert kills
    assert any(a.role == "actor" and a.country == "ISR" for e in kills for a in e.actors)


def test_naqoura_talks_are_the_main_event(demo):
    for aid in ("002", "003"):
        main = demo[aid].events[0]
        assert main.plover_type == "CONSULT", (aid, main)
        # dated "Wednesday" in 003; only by its report in 002's headline (an interval ending on the 3rd)
        assert main.date.start <= dt.date(2025, 12, 3) <= main.date.end


def test_hochstein_mcgurk_meetings_october_2024(demo):
    consult = _events(demo["004"], "CONSULT")
    assert demo["004"].events[0].plover_type == "CONSULT"
    assert any(("Hochstein" in e.sentence or "Jerusalem" in e.sentence) and e.date.start.year == 2024
               and e.date.start.month == 10 for e in consult)  # fmt: skip


def test_hezbollah_supporters_protest(demo):
    protests = [e for e in _events(demo["003"], "PROTEST") if "supporters" in e.sentence]
    assert protests and protests[0].acled_event_type == "Protests"


def test_no_assault_from_threat_or_potential(demo):
    for x in demo.values():
        for e in _events(x, "ASSAULT"):
            assert "resume the war" not in e.sentence or e.modality != "asserted"
            assert "potential for escalation" not in e.sentence or e.modality != "asserted"
    assert any("resume the war" in e.sentence for e in _events(demo["003"], "THREATEN"))


def test_fatalities_go_to_their_event_and_add_up(extract):
    x = extract("On 5 March 2020, 3 soldiers and 5 militants were killed during clashes in Alishing "
                "district, Laghman. Separately, 2 civilians were injured.", dt.date(2020, 3, 6))
    main = x.events[0]
    assert (main.acled_event_type, main.fatalities.best) == ("Battles", 8)


def test_coders_note_overrides_reported_figures(extract):
    x = extract("On 5 March 2020, 5 commandos were killed and 2 were wounded during clashes with Taliban "
                "militants in Alishing district, Laghman. Fatalities coded as 0 (VoJ reported 5 fatalities).",
                dt.date(2020, 3, 6))  # fmt: skip
    assert x.events[0].fatalities.best == 0


def test_cumulative_toll_is_kept_but_not_assigned(extract):
    x = extract("Since the outbreak of the conflict, over 2,800 people have died. On Tuesday an Israeli "
                "airstrike killed 3 people in Tyre.")  # fmt: skip
    strike = next(e for e in x.events if e.acled_sub_event_type == "Air/drone strike")
    assert strike.fatalities is not None and strike.fatalities.best == 3
    assert all(e.fatalities is None or e.fatalities.best != 2800 for e in x.events)


def test_no_casualties_is_not_an_attack(extract):
    x = extract("No casualties were reported.")
    assert not [e for e in x.events if e.plover_type == "ASSAULT" and e.modality == "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strike on Beirut suburb",  # headline, no verb
        "ISRAELI STRIKE | BEIRUT | 3 DEAD\nHEZBOLLAH | ROCKETS | 0\nUNIFIL | PATROL | 1 INJURED",  # table
        "",
        "..., ;;; ---",
    ],
)
def test_awkward_input_does_not_crash(extract, text):
    extract(text)


def test_two_thousand_word_sentence_runs_in_bounded_time(extract):
    words = ("the army shelled the village and militants attacked a checkpoint while residents "
             "protested and police arrested them").split()  # fmt: skip
    text = " ".join(words[i % len(words)] for i in range(2000)) + "."
    started = time.perf_counter()
    x = extract(text)
    assert time.perf_counter() - started < 30
    assert x.events


def test_muc_all_caps_wire_copy(extract, eval_dir):
    raw = (eval_dir / "muc4_tst3" / "tst3-muc4").read_text(encoding="latin-1")
    stories = [s for s in raw.split("TST3-MUC4-") if s.strip()][:3]
    for story in stories:
        started = time.perf_counter()
        x = extract(story[:6000], dt.date(1990, 1, 1))
        assert time.perf_counter() - started < 30
        assert any(e.plover_type == "ASSAULT" for e in x.events) or not x.events


def test_headline_toll_in_next_sentence_joins_the_clash(extract):
    x = extract("Police clash with raiders near the border. 10 killed.", dt.date(2009, 5, 2))
    main = x.events[0]
    assert main.plover_type == "ASSAULT" and main.fatalities is not None and main.fatalities.best == 10


def test_one_named_victim_killed_is_one_death(extract):
    x = extract("Gunmen shot dead a teacher in Garissa town on Monday.", dt.date(2019, 6, 4))
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 1
    assert x.events[0].acled_sub_event_type == "Attack"


def test_the_attack_in_the_next_sentence_brings_its_toll(extract):
    x = extract("Unidentified armed men attacked herders in Sabareh, Marsabit County, Kenya. "
                "Five herders killed in the attack.")  # fmt: skip
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 5


def test_day_of_month_is_not_a_toll(extract):
    x = extract("25 Aug. Five people were killed in an attack carried out by gunmen in Forole, Kenya.")
    assert x.events[0].fatalities.best == 5


def test_deaths_that_prompted_a_riot_are_not_its_toll(extract):
    x = extract("Residents of Kisumu, Kenya, rioted and burned tyres after two men were killed by a driver.")
    main = x.events[0]
    assert main.acled_event_type == "Riots"
    assert main.fatalities is None or main.fatalities.best == 0


def test_acled_actor1_of_a_protest_is_the_crowd_with_the_event_country(extract):
    x = extract("On 3 May 2019, a demonstration was held in Nairobi, Kenya, against the new taxes.")
    main = x.events[0]
    actor = next(a for a in main.actors if a.role == "actor")
    assert (actor.acled_inter, actor.country) == (6, "KEN")


def test_violent_event_without_agent_takes_the_named_armed_group(extract):
    x = extract("On 20 March 2020, 1 soldier was killed during clashes with Taliban militants in Sherzad "
                "district, Nangarhar.")  # fmt: skip
    actor = next(a for a in x.events[0].actors if a.role == "actor")
    assert (actor.name, actor.acled_inter) == ("Taliban", 2)


def test_what_the_victim_had_done_is_not_the_toll(extract):
    x = extract("On 10 November 2019, residents of Lukume village in Kakamega, Kenya, beat up a man who had "
                "just killed his mother.")  # fmt: skip
    assert x.events[0].fatalities is None or x.events[0].fatalities.best == 0
    y = extract("Al Shabaab claimed an attack on a bus in Wajir, Kenya, which killed 11 passengers.")
    assert y.events[0].fatalities.best == 11


def test_they_killed_in_the_next_sentence_is_the_raid_toll(extract):
    x = extract("On October 11th, bandits raided the village of Chemisto in Sigor, Kenya. "
                "They killed two civilians, including a child.")  # fmt: skip
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 2


def test_later_mentions_of_the_talks_are_one_event(extract):
    x = extract("Lebanese and Israeli diplomats met on Wednesday in Naqoura. The talks focused on economic "
                "cooperation. A source close to the negotiations said the discussions were constructive.")  # fmt: skip
    consult = [e for e in x.events if e.plover_type == "CONSULT"]
    assert len(consult) == 1
    assert x.article.text[consult[0].trigger_start : consult[0].trigger_end] == "met"


def test_demo_talks_do_not_flood_the_events(demo):
    consult = sum(1 for x in demo.values() for e in x.events if e.plover_type == "CONSULT")
    assert consult <= 25


def test_riots_shot_one_dead_is_the_riot_toll(extract):
    x = extract("On 12 March 2018, riots broke out in Kisumu. Police shot one dead as they intervened.")
    assert x.events[0].acled_event_type == "Riots"
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 1


def test_headline_participle_subject_is_the_victim(extract):
    x = extract("Woman killed on her farm by unknown group in Baringo, Kenya.")
    main = x.events[0]
    assert main.acled_sub_event_type == "Attack"
    assert not any(a.role == "actor" and a.text == "Woman" for a in main.actors)


def test_officials_attacked_are_civilians(extract):
    x = extract("Three Nyumba Kumi officials were assassinated by gunmen in Diani, Kwale County, Kenya.")
    assert x.events[0].acled_event_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text, sub",
    [
        # the codebook: road-blocking with barricades, burning tyres or other material is violent ...
        ("Residents of Salgaa blocked the Nakuru-Eldoret highway with boulders to protest against the governor.",
         "Violent demonstration"),
        ("Youths barricaded the Kisumu-Busia road and burnt tyres, protesting the arrest of a trader.",
         "Violent demonstration"),
        # ... a crowd that blocks a road with itself or its vehicles protests peacefully
        ("Residents of Salgaa blocked the Nakuru-Eldoret highway to protest against the governor.", "Peaceful protest"),
        ("Traders held a peaceful protest in Nakuru against new market fees.", "Peaceful protest"),
    ],
)
def test_road_blocking_is_violent_when_made_with_barricades_or_burning(extract, text, sub):
    assert extract(text).events[0].acled_sub_event_type == sub


def test_unknown_perpetrator_is_an_unidentified_armed_group(extract):
    x = extract("On 3 May 2019, an IED exploded in Dadaab refugee camp in Garissa, Kenya.")
    actor = next(a for a in x.events[0].actors if a.role == "actor")
    assert (actor.acled_inter, actor.name) == (3, "Unidentified Armed Group (Kenya)")
    y = extract("On 3 May 2019, two refugees were shot dead by another group in Kakuma, Kenya.")
    actor = next(a for a in y.events[0].actors if a.role == "actor")
    assert actor.acled_inter == 3 and actor.text == "another group"


def test_crowd_noun_without_event_word_is_their_protest(extract):
    x = extract("Sudanese protesters push for a referendum to be held in January as scheduled.")
    assert x.events and x.events[0].plover_type == "PROTEST"
    assert x.events[0].trigger_rule.startswith("fallback:crowd")


def test_police_against_raiders_is_a_battle(extract):
    x = extract("On 4 May 2012, police pursued Borana raiders near Moyale, Kenya, and shot dead five of them.")
    assert x.events[0].acled_event_type == "Battles"


def test_an_attack_police_answer_with_force_is_a_battle(extract):
    x = extract("On 4 May 2012, five knife-wielding men attacked a polling station in Galole, Kenya. Police "
                "opened fire, killing two of the attackers.")  # fmt: skip
    assert x.events[0].acled_event_type == "Battles"


def test_the_month_march_is_no_protest(extract):
    x = extract("On 6 March 2020, 3 Taliban militants were killed during clashes with Afghan forces in Herat.")
    assert all(e.plover_type != "PROTEST" for e in x.events)
    assert x.events[0].acled_event_type == "Battles"


def test_acled_note_label_states_the_type(extract):
    x = extract("Movement of forces: OLF rebels sighted in Kenya.")
    assert (x.events[0].acled_event_type, x.events[0].acled_sub_event_type) == (
        "Strategic developments", "Change to group/activity")
    assert "note-label" in x.events[0].trigger_rule
    y = extract("Property destruction: Al Shabaab militants destroyed a communications mast in Wajir, Kenya.")
    assert y.events[0].acled_sub_event_type == "Looting/property destruction"
    assert y.article.text[y.events[0].trigger_start : y.events[0].trigger_end] == "destroyed"
    # a label that is itself an event word names the note's event; it is not one more
    z = extract("Arrests: 20 May. A suspected al Shabaab facilitator is arrested in Nairobi.", dt.date(2019, 5, 21))
    assert [z.article.text[e.trigger_start : e.trigger_end] for e in z.events] == ["arrested"]
    assert z.events[0].location is not None and z.events[0].location.name == "Nairobi"


def test_soldiers_taken_in_an_attack_are_a_battle(extract):
    x = extract("On 4 March 2020, 3 soldiers were killed and 6 were taken as hostages following an attack by "
                "Taliban militants on a check point in Urozgan.")  # fmt: skip
    assert x.events[0].acled_event_type == "Battles"


def test_rpg_fire_is_shelling(extract):
    x = extract("On 9 March 2020, Taliban militants shot an RPG at an Afghan military tank in Helmand.")
    assert x.events[0].acled_sub_event_type == "Shelling/artillery/missile attack"


def test_toll_reported_beside_burning_joins_the_main_attack(extract):
    x = extract("Raiders attacked a village near Moyale, Kenya. They set fire to huts and killed three herders.",
                dt.date(2018, 3, 2))  # fmt: skip
    main = x.events[0]
    assert main.plover_type == "ASSAULT" and main.fatalities is not None and main.fatalities.best == 3


def test_reported_must_clause_is_the_speakers_demand(extract):
    x = extract("The mediators said on Friday that the militia must hand over its heavy weapons.", dt.date(2021, 4, 3))
    main = x.events[0]
    assert (main.plover_type, main.plover_mode, main.modality) == ("REQUEST", "yield", "asserted")
    roles = {a.role: a.text for a in main.actors}
    assert roles["actor"] == "The mediators" and "militia" in roles["recipient"]


@pytest.mark.parametrize("text", [
    "The minister said the police should have acted sooner.",  # a reproach, not a demand
    "The rebels said they must defend their villages.",  # a pronoun may be the speaker itself
    "The army warned it would strike should the militia continue to rearm.",  # a condition
])  # fmt: skip
def test_not_a_demand(extract, text):
    assert all(e.plover_type != "REQUEST" for e in extract(text, dt.date(2021, 4, 3)).events)


@pytest.mark.parametrize("text, actor", [
    ("Two men were killed in police firing in the old city.", "Police Forces"),
    ("A shepherd died in an Israeli air strike near the border.", "Military Forces of Israel"),
])  # fmt: skip
def test_perpetrator_named_in_the_violence_that_killed(extract, text, actor):
    main = extract(text, dt.date(2024, 3, 1)).events[0]
    actors = [a for a in main.actors if a.role == "actor"]
    assert actors and (actors[0].name or "").startswith(actor), main.actors


def test_who_dies_is_the_victim(extract):
    main = extract("A fisherman died after gunmen opened fire on his boat.", dt.date(2024, 3, 1)).events
    died = [e for e in main if any(a.role == "recipient" and "fisherman" in a.text for a in e.actors)]
    assert died and not any(a.role == "actor" and "fisherman" in a.text for e in main for a in e.actors)


@pytest.mark.parametrize("text", [
    "Police shot in the air to quell traders who marched on the county offices in protest at new levies.",
    "A teachers' protest in the capital was met with a heavy police presence.",
])  # fmt: skip
def test_protest_met_by_police_is_a_protest_with_intervention(extract, text):
    main = extract(text, dt.date(2019, 5, 2)).events[0]
    assert main.acled_sub_event_type == "Protest with intervention", main.acled_sub_event_type


def test_other_objects_do_not_make_another_incident(extract):
    x = extract("Youths threw stones and other objects at police in the market while police fired on the "
                "crowd. Three killed.", dt.date(2019, 12, 17))  # fmt: skip
    main = x.events[0]
    assert main.fatalities is not None and main.fatalities.best == 3


def test_a_similar_attack_keeps_its_own_toll(extract):
    x = extract("Bandits raided a village in Turkana, injuring two herders. A similar attack took place "
                "in a nearby village, which killed one man.", dt.date(2019, 12, 17))  # fmt: skip
    assert x.events[0].fatalities is None or not x.events[0].fatalities.best


def test_a_toll_during_the_fighting_joins_the_main_attack(extract):
    x = extract("Militants attacked a police post near the border. One of the attackers was killed during a "
                "gunbattle that lasted two hours.", dt.date(2019, 12, 17))  # fmt: skip
    assert x.events[0].fatalities is not None and x.events[0].fatalities.best == 1


def test_deaths_that_prompted_a_riot_during_other_violence_stay_background(extract):
    x = extract("People rioted in response to the deaths of several people during ongoing ethnic violence. "
                "Police intervened.", dt.date(2008, 1, 5))  # fmt: skip
    assert x.events[0].fatalities is None or not x.events[0].fatalities.best


def test_a_killing_an_act_answers_keeps_its_own_toll(extract):
    # the flight is no event, so the killing it followed leads, with its ten dead
    x = extract("More than 3,000 families have fled their homes at the border following the killing of ten "
                "fishermen by Ethiopian militia.", dt.date(2011, 5, 2))  # fmt: skip
    assert x.events[0].plover_type == "ASSAULT" and x.events[0].fatalities.best == 10


def test_an_earlier_killing_told_in_the_background_does_not_lend_its_toll(extract):
    x = extract("Five more people have been killed by suspected bandits, two days after the militia executed "
                "20 other villagers.", dt.date(2011, 5, 2))  # fmt: skip
    assert x.events[0].fatalities.best == 5
    x = extract("Residents protested the killing of a driver by police.", dt.date(2011, 5, 2))
    assert x.events[0].plover_type == "PROTEST" and not (x.events[0].fatalities and x.events[0].fatalities.best)


def test_a_deadly_clash_between_unnamed_groups_is_a_battle(extract):
    x = extract("On December 14th, clashes erupted in three villages near the river. One elderly man was "
                "killed, and up to eight people were injured.", dt.date(2019, 12, 16))  # fmt: skip
    assert (x.events[0].acled_event_type, x.events[0].acled_sub_event_type) == ("Battles", "Armed clash")
    x = extract("Two groups of students clashed for three days over a choice of music. Five were injured.",
                dt.date(2019, 12, 16))
    assert (x.events[0].acled_event_type, x.events[0].acled_sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize("text", ["Police respond to raiders attack; kill 16 of them.",
                                  "Police pursue raiders; kill many."])
def test_raiders_that_police_answer_with_force_fight_a_battle(extract, text):
    x = extract(text, dt.date(2008, 12, 22))
    assert (x.events[0].acled_event_type, x.events[0].acled_sub_event_type) == ("Battles", "Armed clash")


def test_a_killing_by_forces_is_not_folded_into_violence_it_happened_in(extract):
    # the police killed; "violence" names no agent, so the killing keeps its own
    x = extract("One person was killed in police firing and two others were injured as violence escalated "
                "in the old city.", dt.date(2002, 3, 5))  # fmt: skip
    killing = next(e for e in x.events if x.article.text[e.trigger_start : e.trigger_end] == "killed")
    assert any(a.role == "actor" and a.acled_inter == 1 for a in killing.actors)
    assert killing.fatalities is not None and killing.fatalities.best == 1


def test_a_date_is_not_the_object_of_a_pair_trigger_and_protestant_is_no_protest(extract):
    x = extract("07 March: Unidentified armed group stopped a police car and started firing at them. The police "
                "fired back and killed two of them.", dt.date(2019, 3, 8))  # fmt: skip
    assert x.events[0].acled_event_type == "Battles"
    y = extract("The government outlawed the largest Protestant extremist organization.", dt.date(2019, 3, 8))
    assert all(e.acled_event_type != "Protests" for e in y.events)


def test_victims_named_by_no_country_word_are_civilians_of_the_place(extract):
    text = ("Israel said Israeli jets hit Hezbollah targets, and Israeli officials defended the raid. "
            "An Israeli air strike on a car in the southern Lebanese town of Nabatieh killed three people.")
    x = extract(text)
    strike = next(e for e in x.events if e.location is not None and e.location.text == "Nabatieh")
    victims = [a for a in strike.actors if a.role == "recipient" and a.text == "people"]
    assert victims and all(a.country == "LBN" and a.name == "Civilians (Lebanon)" for a in victims)
