"""Triggers, roles, modality and ACLED types from the event rules alone (no other stage involved)."""

import pytest


def _main(cands):
    from truce.events import assemble

    assert cands, "no event found"
    return max(cands, key=lambda c: assemble.salience(c, 1, 0))


def _types(cands):
    return [(c.trigger.plover, c.modality) for c in cands]


def test_light_verb_airstrike_with_outcome_is_one_event(code):
    cands = code("Israeli warplanes carried out an airstrike on the town, killing 3 people.")
    assault = [c for c in cands if c.trigger.plover == "ASSAULT"]
    assert len(assault) == 1
    c = assault[0]
    assert (c.trigger.mode, c.acled_type, c.acled_sub) == ("aerial", "Explosions/Remote violence", "Air/drone strike")
    assert any(a.role == "actor" and "warplanes" in a.text for a in c.actors)
    assert any(a.role == "recipient" and "town" in a.text for a in c.actors)
    assert [t.entry.trigger for t in c.merged] == ["kill"]


def test_held_talks_borrows_the_light_verbs_subject(code):
    c = _main(code("Lebanon and Israel held their first direct civilian talks in decades."))
    assert c.trigger.plover == "CONSULT"
    assert {a.text for a in c.actors if a.role == "actor"} >= {"Lebanon", "Israel"}


def test_several_events_in_one_sentence(code):
    cands = code("Police arrested five protesters after they stoned a police station, and the governor "
                 "condemned the violence.")
    plovers = {c.trigger.plover for c in cands}
    assert {"COERCE", "ASSAULT", "ACCUSE"} <= plovers


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on strike over unpaid salaries.",
        "A group of workers strike, protest for a salary increase near the city hall.",
        "Health workers stage strike and march to protest payment delays.",
    ],
)
def test_labour_strike_is_a_protest(code, text):
    c = _main(code(text))
    assert (c.trigger.plover, c.acled_type, c.acled_sub) == ("PROTEST", "Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text, sub",
    [
        # a headline verb the parser takes for a noun keeps its object: a soldier shot is a battle
        ("Unknown attackers from South Sudan shoot KDF soldier", "Armed clash"),
        # a clash that only frames an act against civilians leaves it an attack ...
        ("Tanzanian gunmen attack and kill 2 Kenyan civilians in ethnic clash.", "Attack"),
        ("Raiders kill civilians in revenge attacks, four days of clashes.", "Attack"),
        # ... a clash that names its two sides is the event
        ("Thirty people were killed in night clashes between Al Shabaab and a pro-government militia.",
         "Armed clash"),
    ],
)  # fmt: skip
def test_a_clash_that_frames_violence_against_civilians(extract, text, sub):
    main = extract(text).events[0]
    assert main.acled_sub_event_type == sub, main.trigger_rule


@pytest.mark.parametrize(
    "text, sub",
    [
        # the demonstrators themselves hurt or destroy: a violent demonstration
        ("Protesters burn the home of a man suspected of rape after he is released on bond.", "Violent demonstration"),
        ("Demonstrators paralyzed traffic, robbed civilians and injured police officers on the highway.",
         "Violent demonstration"),
        # ... a crowd that only blocks a road, or a clash its report calls peaceful, does not
        ("Residents blocked the main road in protest of pothole problems.", "Peaceful protest"),
        # ... confronting the police, or protesters armed with sticks, do
        ("A group of youths blocked a section of Juja Road to protest the death of a woman. There were reports "
         "of protestor confrontations with police, who eventually used tear gas.", "Violent demonstration"),
        # police who intervene, or threaten the marchers, make a protest with intervention
        ("Operators block roads to protest against a council officer; police intervene without incident.",
         "Protest with intervention"),
        ("University dons tried to hold a peaceful demonstration in Nairobi, but were threatened by the police, "
         "who confiscated their megaphones and blocked the road so that the march could not pass.",
         "Protest with intervention"),
    ],
)  # fmt: skip
def test_protesters_acts_decide_whether_a_demonstration_is_violent(extract, text, sub):
    main = extract(text).events[0]  # the actors stage tells demonstrators apart from armed men
    assert main.acled_sub_event_type == sub, main.trigger_rule


def test_all_caps_wire_copy_still_finds_triggers(code):
    cands = code("GUERRILLAS KILLED FIVE PEASANTS IN THE TOWN OF SAN MIGUEL YESTERDAY.")
    assert any(c.trigger.plover == "ASSAULT" for c in cands)


def test_ceasefire_mentioned_in_passing_is_not_an_event(code):
    assert not [c for c in code("Despite the ceasefire, tensions remain high.") if c.trigger.plover == "AGREE"]
    assert [c for c in code("The two sides reached a ceasefire on Sunday.") if c.trigger.plover == "AGREE"]


@pytest.mark.parametrize(
    "text, word, plover",
    [
        ("Raiders attakced several houses in the village.", "attakced", "ASSAULT"),
        ("Traders demonstated against the demolition of their stalls.", "demonstated", "PROTEST"),
        ("One man was shot and killled by a candidate.", "killled", "ASSAULT"),
    ],
)
def test_a_misspelt_event_verb_is_still_its_trigger(code, text, word, plover):
    assert any(c.trigger.plover == plover and text[c.trigger.start : c.trigger.end] == word for c in code(text))


@pytest.mark.parametrize("text", ["Some of the members suffered injuries when police responded.",
                                  "The attacker was seen near the market.", "The looter fled."])
def test_real_words_near_a_trigger_are_not_slips(code, text):
    assert not [c for c in code(text) if c.trigger.plover in ("ASSAULT", "PROTEST")]


def test_declining_to_comment_is_no_event(code):
    assert not [c for c in code("The spokesman declined to comment on the raid.") if c.trigger.plover == "REJECT"]


def test_the_wounded_are_people_not_an_event(code):
    cands = code("U.N. helicopters evacuated the wounded from the besieged town on Friday.")
    assert [c.trigger.plover for c in cands] == ["AID"]


@pytest.mark.parametrize("text", ["Dr Dalal had suffered a cardiac arrest a fortnight back.",
                                  "The administration is apprehending trouble at the rally."])
def test_not_an_arrest(code, text):
    assert not [c for c in code(text) if c.trigger.mode == "arrest"]


@pytest.mark.parametrize(
    "text, plover, modality",
    [
        ("Israel has warned the White House that it may be forced to resume the war.", "THREATEN", "asserted"),
        ("Hezbollah denied that it fired rockets at northern Israel.", "ASSAULT", "denied"),
        ("Sources said both sides agreed to reconvene before the new year.", "CONSULT", "planned"),
        ("The army did not attack the village.", "ASSAULT", "negated"),
        ("If the talks fail, Israel would strike Beirut.", "ASSAULT", "hypothetical"),
        ("The delegations will meet in Geneva next week.", "AGREE", "planned"),  # PLOVER: intent = AGREE
        ("A man who had allegedly killed his neighbour was arrested.", "ASSAULT", "claimed"),
        ("Israel threatened to bomb Beirut.", "THREATEN", "asserted"),  # PLOVER: a threat of force
        ("The militia vowed to fight on until the last village is retaken.", "THREATEN", "asserted"),
        # what is asked for has not happened; what the request is about may have
        ("The party demanded the arrest of the killers.", "COERCE", "hypothetical"),
        ("The UN urged Israel to withdraw from Lebanon.", "RETREAT", "hypothetical"),
        ("The party demanded a probe into the police firing in which one man was killed.", "ASSAULT", "asserted"),
        # doubt over the deaths is not doubt over the attack told after them
        ("Eight people are feared dead after armed militia carried out an attack on the town.", "ASSAULT", "asserted"),
        ("Residents fear an attack by the militia.", "ASSAULT", "hypothetical"),
        ("Gangs burned homes of rival groups, leading to clashes with the police.", "ASSAULT", "asserted"),
        ("The dispute could lead to clashes with the police.", "ASSAULT", "hypothetical"),
        # a light verb carries its noun's mood and negation; a reaction does not
        ("Israel may launch an offensive in Lebanon.", "ASSAULT", "hypothetical"),
        ("The leaders may be put under house arrest.", "COERCE", "hypothetical"),
        ("The rebels did not stage an attack on Monday.", "ASSAULT", "negated"),
        ("They will order a lathi charge or arrest us.", "COERCE", "planned"),
        ("Hezbollah may condemn the attack.", "ASSAULT", "asserted"),
        ("The police have not been able to arrest the named kidnappers.", "COERCE", "negated"),
        ("The police were unable to arrest them in time.", "COERCE", "negated"),
        ("The leaders are likely to be arrested on Friday.", "COERCE", "planned"),
        ("Macedonia is preparing a major offensive against the rebels.", "ASSAULT", "planned"),
        # what is refused or declined did not happen; the refusal did
        ("Pakistan has refused to deploy peacekeepers in Iraq.", "MOBILIZE", "negated"),
        ("The vice-president has declined to resign despite growing pressure.", "REJECT", "asserted"),
        ("The U.S. said it would not meet the hostage-takers' demands.", "REJECT", "asserted"),
        # an announced coercive measure is a threat, whatever verb carries it
        ("The president announced that he will extend the night-time curfew in Abidjan.", "THREATEN", "planned"),
        # what someone is suspected or accused of is alleged
        ("Police arrested two men suspected of killing a trader.", "ASSAULT", "claimed"),
        ("The gang set fire to the houses.", "COERCE", "asserted"),
        # what is asked for, even second in a list of demands
        ("Demanding an immediate ban on the group and the arrest of its leaders, he said it must go.", "COERCE",
         "hypothetical"),
        # "due to" gives a cause, "due to meet" a plan
        ("Sixty of the people who died due to police firing were from the majority community.", "ASSAULT",
         "asserted"),
        ("The envoys are due to meet on Friday.", "CONSULT", "planned"),
    ],
)
def test_modality(code, text, plover, modality):
    assert (plover, modality) in _types(code(text)), _types(code(text))


def test_no_assault_from_threats_or_potential(code):
    for text in (
        "Israel has warned the White House that it may be forced to resume the war should Hezbollah "
        "continue rearming at its current pace.",
        "The talks occurred against the backdrop of recent Israeli military actions in Lebanon, which have "
        "raised concerns about the potential for escalation.",
    ):
        assert not [c for c in code(text) if c.trigger.plover == "ASSAULT" and c.modality == "asserted"]


@pytest.mark.parametrize(
    "text, acled_type, sub",
    [
        ("Police fired tear gas to disperse protesters demanding better roads in Kisumu.",
         "Protests", "Protest with intervention"),
        ("Residents protested peacefully over a land dispute in Nakuru.", "Protests", "Peaceful protest"),
        ("Protesters pelted police with stones and burned tyres on the highway.", "Riots", "Violent demonstration"),
        ("A mob lynched a suspected thief in the village.", "Riots", "Mob violence"),
        ("Gunmen shot dead two farmers in the village.", "Violence against civilians", "Attack"),
        ("Soldiers clashed with militants near the border.", "Battles", "Armed clash"),
        ("A roadside bomb exploded near a police vehicle.", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"),
        ("Security forces defused an explosive device planted on the road.", "Strategic developments",
         "Disrupted weapons use"),
        ("Gunmen abducted three aid workers.", "Violence against civilians", "Abduction/forced disappearance"),
        ("A suicide bomber blew himself up at a checkpoint.", "Explosions/Remote violence", "Suicide bomb"),
        ("The army shelled the village overnight.", "Explosions/Remote violence",
         "Shelling/artillery/missile attack"),
        ("Militants captured the district centre after heavy fighting.", "Battles",
         "Non-state actor overtakes territory"),
        ("Police arrested twelve people in Mombasa.", "Strategic developments", "Arrests"),
        ("Two communities clashed over grazing land, using sticks and stones.", "Riots", "Mob violence"),
        ("A drone strike hit a car on the highway.", "Explosions/Remote violence", "Air/drone strike"),
        ("Attackers hurled a grenade into a bar.", "Explosions/Remote violence", "Grenade"),
    ],
)  # fmt: skip
def test_acled_types(code, text, acled_type, sub):
    c = _main(code(text))
    assert (c.acled_type, c.acled_sub) == (acled_type, sub), c.acled_rule


@pytest.mark.parametrize(
    "text, plover",
    [
        ("The government halted all aid to the northern province on Monday.", "SANCTION"),
        ("The European Union gave the country 5 million dollars of aid for farming projects.", "AID"),
        ("The agency reduced food supplies to the camp because rice was being diverted.", "SANCTION"),
        ("Thousands of Kurds sought refuge in Germany last month.", "REQUEST"),
        ("The navies of the two countries launched ten days of war games in the gulf.", "COOPERATE"),
        ("The high court opened a hearing into the legality of the interrogation methods.", "ACCUSE"),
        ("The newspaper violated a ban imposed by the general.", "REJECT"),
        ("Police prevented the demonstration staged by students at the university.", "COERCE"),
        ("The government outlawed the largest Protestant extremist organization.", "COERCE"),
        ("Hackers defaced nearly 3,000 Danish web sites over the past month.", "COERCE"),
        # CAMEO 164-166, PLOVER SANCTION: negotiations halted, inspectors expelled
        ("The government suspended negotiations with the rebels on Monday.", "SANCTION"),
        ("North Korea expelled inspectors of the atomic agency from its nuclear facilities.", "SANCTION"),
        ("Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam.", "AID"),
        ("The army handed over the town to the police.", "RETREAT"),
        ("U.N. helicopters evacuated the wounded from the besieged town on Friday.", "AID"),
        # an agreement refused or not reached is a rejection
        ("Syria says it will not accept any more refugees.", "REJECT"),
        ("The two sides failed to reach agreement on the future of the offices.", "REJECT"),
        ("Ankara recalled its ambassador from Vienna.", "SANCTION"),
        ("The ministry expelled three diplomats accused of spying.", "SANCTION"),
        ("Kenya extradited two suspects to Uganda.", "COOPERATE"),
        ("The two agencies shared intelligence on the smuggling network.", "COOPERATE"),
        ("The foreign ministry summoned the French ambassador on Tuesday.", "ACCUSE"),
        ("The council cancelled restrictions on public gatherings.", "CONCEDE"),
    ],
)
def test_diplomatic_penalties_cooperation_and_protests(code, text, plover):
    assert plover in [p for p, _ in _types(code(text))], _types(code(text))


def test_violence_to_be_stopped_is_background(code):
    cands = code("The government said it had suspended aid to the region in an effort to end the fighting there.")
    fighting = [c for c in cands if c.trigger.plover == "ASSAULT"]
    assert fighting and all(c.background for c in fighting)
    cands = code("The fighting ended on Tuesday after elders intervened.")
    assert any(c.trigger.plover == "ASSAULT" and not c.background for c in cands)


@pytest.mark.parametrize(
    "text, plover",
    [
        ("The foreign ministry lodged a formal protest with the embassy over the incursion.", "ACCUSE"),
        ("Lebanon filed a complaint with the Security Council.", "ACCUSE"),
        ("The rebels dismissed an appeal by the president to lay down their arms.", "REJECT"),
        ("The governor reneged on his promise to hold a referendum.", "REJECT"),
        ("Thousands of students staged a protest outside parliament.", "PROTEST"),
    ],
)
def test_formal_complaints_and_rejections(code, text, plover):
    types = [p for p, _ in _types(code(text))]
    assert plover in types and ("PROTEST" not in types or plover == "PROTEST"), types


def test_threat_of_force_is_one_threaten_event(code):
    cands = code("Israel threatened to bomb Beirut.")
    assert [(c.trigger.plover, c.trigger.mode) for c in cands] == [("THREATEN", "violence")]


@pytest.mark.parametrize("text", [
    "The UN warned that the fighting had displaced thousands of people.",  # a report, not a threat
    "Hezbollah vowed to retaliate for the killing of its commander.",  # the killing happened
])  # fmt: skip
def test_reported_violence_under_a_threat_word_stays_assault(code, text):
    assert "ASSAULT" in [c.trigger.plover for c in code(text)]


@pytest.mark.parametrize("text, mode", [
    ("The president offered to negotiate with the rebel leaders.", "consult"),
    ("The government said it is willing to withdraw its troops from the border.", "retreat"),
])  # fmt: skip
def test_an_offer_is_agree(code, text, mode):
    assert ("AGREE", mode) in [(c.trigger.plover, c.trigger.mode) for c in code(text)]


def test_a_refused_offer_is_not_agree(code):
    cands = code("The army is not ready to withdraw from the hills.")
    assert "AGREE" not in [c.trigger.plover for c in cands]


@pytest.mark.parametrize("text, plover, present", [
    ("Militants executed four hostages at dawn.", "ASSAULT", True),
    ("The army executed its plan to retake the valley.", "ASSAULT", False),  # carried out, not killed
    ("Gunmen continue to hold hostages in the hotel.", "ASSAULT", True),
    ("Raiders stole 200 cattle from the village.", "ASSAULT", True),
    ("Supporters held demos in three towns.", "PROTEST", True),
])  # fmt: skip
def test_more_event_words(code, text, plover, present):
    cands = code(text)
    hit = any(c.trigger.plover == plover and c.modality == "asserted" and c.lemma in ("execute", "hold", "steal", "demo")
              for c in cands)  # fmt: skip
    assert hit == present, _types(cands)


@pytest.mark.parametrize("text", [
    "The army reinforced its positions along the border overnight.",
    "Troops were put on high alert after the rocket fire.",
    "The government strengthened its forces in the north.",
])  # fmt: skip
def test_reinforcement_and_alerts_are_mobilize(code, text):
    assert "MOBILIZE" in [c.trigger.plover for c in code(text)], _types(code(text))


@pytest.mark.parametrize(
    "text, plover",
    [
        ("Netanyahu spoke by phone with Trump about the hostage deal.", "CONSULT"),
        ("Washington expressed support for the Lebanese army's disarmament plan.", "SUPPORT"),
        ("The government apologised for the minister's remarks.", "CONCEDE"),
        ("Saudi Arabia pledged $500 million in reconstruction aid to Lebanon.", "AID"),
        ("The EU sent humanitarian assistance to Gaza.", "AID"),
        ("Israel called up 60,000 reservists.", "MOBILIZE"),
        ("Residents staged a sit-in outside the parliament to demand compensation.", "PROTEST"),
        # what an event is about ranks below it when it is asked for, refused or not material
        ("The UN chief called on Israel to halt its strikes on Lebanon.", "REQUEST"),
        ("Israel refused to withdraw from the five hilltop positions.", "REJECT"),
        ("The UN Security Council welcomed the ceasefire agreement.", "SUPPORT"),
        # ... or ended: a curfew lifted, a strike called off
        ("Serbia lifted a night curfew in the province on Wednesday.", "CONCEDE"),
        ("The union announced that it has called off a four-day strike.", "CONCEDE"),
        ("The European Community gave the Ivory Coast aid for agricultural projects.", "AID"),
        # ... but a strike that a reaction is about stays the news, as ACLED codes it
        ("Lebanon condemned the Israeli strike on Beirut.", "ASSAULT"),
        ("Police are investigating the killing of a reporter at her house in Nairobi.", "ASSAULT"),
    ],
)
def test_main_event_of_reported_reactions(code, text, plover):
    assert _main(code(text)).trigger.plover == plover, _types(code(text))


def test_an_event_noun_that_classifies_a_thing_is_not_an_event(code):
    assert "COERCE" not in [p for p, _ in _types(code("The court issued an arrest warrant for him."))]
    assert [p for p, _ in _types(code("Israeli attack helicopters struck a car."))] == ["ASSAULT"]


def test_taken_into_custody_is_an_arrest(code):
    c = _main(code("Over 30 activists were taken into custody in Ahmedabad."))
    assert (c.trigger.plover, c.trigger.mode) == ("COERCE", "arrest")


def test_the_one_asked_or_required_is_the_actor_of_the_act(code):
    c = next(c for c in code("The truce requires Hezbollah to withdraw its fighters from the south.")
             if c.trigger.plover == "RETREAT")
    assert c.modality == "hypothetical"
    assert [a.text for a in c.actors if a.role == "actor"] == ["Hezbollah"]


def test_a_date_is_no_actor_and_a_proposed_act_is_planned(code):
    c = next(c for c in code("They marked the anniversary of last year's deadly demonstrations.")
             if c.trigger.plover == "PROTEST")
    assert not [a for a in c.actors if a.role == "actor" and "year" in a.text]
    c = next(c for c in code("Lebanon responded to a US proposal for disarming Hezbollah.")
             if c.trigger.plover == "RETREAT")
    assert c.modality == "planned"


@pytest.mark.parametrize("text", [
    "Radical French farmers said on Friday they would blockade Paris from Monday night.",
    "The party has said it will boycott the elections unless the president steps down.",
])
def test_an_announced_coercive_act_is_a_threat(code, text):
    assert _main(code(text)).trigger.plover == "THREATEN", _types(code(text))


def test_announced_sanctions_stay_sanctions(code):
    assert "SANCTION" in [p for p, _ in _types(code("Washington said it would impose sanctions on the militia."))]


@pytest.mark.parametrize(
    "text, plover",
    [
        # what explains or situates the main act is background, even when it is violence
        ("Israel Friday reimposed blockades in the West Bank following the shooting deaths of two Israelis "
         "a day earlier, a military spokesman announced.", "COERCE"),
        ("Serbia lifted a night curfew in Montenegro where 28 people have been killed in ethnic riots this "
         "year.", "CONCEDE"),
        # the toll below a background event is background too
        ("Lebanon complained to the United Nations on Tuesday over two Israeli air raids last Friday in which "
         "it said 20 people were killed or wounded.", "ACCUSE"),
    ],
)  # fmt: skip
def test_background_violence_does_not_take_the_main_event(extract, text, plover):
    assert extract(text).events[0].plover_type == plover


def test_a_reaction_to_a_statement_is_an_event_but_issuing_one_is_not(code):
    cands = code("The German government today welcomed the president's latest policy statement.")
    assert [c.trigger.plover for c in cands] == ["SUPPORT"]
    assert not code("The ministry released a statement on Monday.")


@pytest.mark.parametrize(
    "text",
    ["A few days before, a part of the school collapsed killing eight children.", "Floods killed 20 people in the north."],
)
def test_an_accident_that_kills_is_no_attack(code, text):
    assert not [c for c in code(text) if c.trigger.plover == "ASSAULT"]


@pytest.mark.parametrize(
    "text, sub",
    [
        # state forces holding a checkpoint who harm a civilian there attack; militants who attack it fight
        ("Soldiers shot and killed a civilian at a checkpoint near the town.", "Attack"),
        ("Militants attacked a police checkpoint, killing two officers.", "Armed clash"),
        # a captured name with its district in brackets is a place, a person's age in brackets is not
        ("Rebels captured Chinshwehaw (Laukkaing, Shan-North) after heavy fighting.",
         "Non-state actor overtakes territory"),
        ("Police captured Abdi Hassan (30) in the town.", "Arrests"),
        # the charge behind an arrest is no event of its own
        ("Police arrested an opposition leader in Kampala on charges of inciting violence.", "Arrests"),
        # rioters who protest riot in a violent demonstration
        ("Rioters looted shops and set fire to a mall in Durban during protests over the jailing of Zuma.",
         "Violent demonstration"),
        # a bare toll takes the weapon of the sentence before, which has no event word of its own
        ("An Al Shabaab suicide bomber drove an explosives-laden truck into a checkpoint in Mogadishu. At least 81 "
         "people were killed.", "Suicide bomb"),
        ("A roadside bomb went off as an army truck passed through the town. Three soldiers were wounded.",
         "Remote explosive/landmine/IED"),
        ("Russian forces hit a Ukrainian armoured vehicle with a Lancet loitering munition near Kurakhove.",
         "Air/drone strike"),
        ("Regime aircraft dropped barrel bombs containing chlorine on Douma.", "Chemical weapon"),
        # the country's own army among several regains its town; a place handed over is no battle
        ("Rwandan and Mozambican forces retook the port town of Mocimboa da Praia (Mocimboa da Praia, Cabo "
         "Delgado) from Islamic State militants.", "Government regains territory"),
        ("Syrian regime troops entered Manbij and took over positions handed over by the SDF, without any "
         "fighting.", "Non-violent transfer of territory"),
        ("Garment workers formed a human chain in Dhaka to demand the new minimum wage.", "Peaceful protest"),
        # youths who open fire on civilians, with no crowd's cue, are an armed group, not a mob
        ("Armed youths stormed the UN protection site in Bor and opened fire on displaced people sheltering "
         "there, killing at least 47 civilians.", "Attack"),
        ("The bodies of two men were dumped in a river outside Juba.", "Attack"),
        ("A gang of armed men charged at police officers with machetes in Kitale.", "Armed clash"),
        ("One aid worker got a gunshot wound to the leg in Bentiu.", "Attack"),
        # an eviction with no violence or protest named is a strategic development
        ("Municipal authorities evicted about 400 families from an informal settlement in Harare.", "Other"),
    ],
)
def test_main_event_sub_type_found_on_notes_from_other_theatres(extract, text, sub):
    assert extract(text).events[0].acled_sub_event_type == sub


def test_shot_dead_is_found_when_the_parser_splits_it(extract):
    # a time phrase between the auxiliary and the verb makes the tagger read "shot" as a noun and hang
    # "dead" on the auxiliary; the pair is completed from the next word
    main = extract("A suspected militant was on Wednesday morning shot dead by police in Garissa.").events[0]
    assert (main.plover_type, main.plover_mode) == ("ASSAULT", "firearms")


def test_tear_gas_fired_at_a_crowd_disperses_it(extract):
    main = extract("Supporters gathered in Harare in defiance of a police ban. Police fired tear gas and water "
                   "cannon at the crowd.").events[0]
    assert (main.plover_type, main.acled_sub_event_type) == ("COERCE", "Protest with intervention")


def test_a_total_before_a_colon_is_the_toll_not_its_breakdown(extract):
    text = ("Gunmen on motorbikes attacked a group of aid workers from an NGO visiting the reserve near Koure, "
            "killing all eight of them: six foreign staff, their guide and their driver.")
    assert extract(text).events[0].fatalities.best == 8


def test_police_who_use_tear_gas_act_and_acled_names_the_crowd_first(extract):
    from truce.events.acled import acled_actor_pair

    main = extract("Police used tear gas to disperse striking nurses in Nairobi.").events[0]
    assert main.acled_sub_event_type == "Protest with intervention"
    # as the text tells it, the police act (tear gas is their means, not an actor) ...
    assert [a.text for a in main.actors if a.role == "actor"] == ["Police"]
    # ... and ACLED's actor1 is the crowd, actor2 the police
    actor1, actor2 = acled_actor_pair(main.acled_event_type, main.actors)
    assert (actor1.acled_inter, actor2.text) == (6, "Police")


def test_a_town_the_place_stage_found_is_what_is_seized(extract):
    result = extract("Tuareg rebels seize Kidal after clashes with army; 3 soldiers killed.")
    seize = next(e for e in result.events if e.plover_type == "COERCE")
    assert seize.acled_sub_event_type == "Non-state actor overtakes territory"
