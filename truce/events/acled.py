"""ACLED event type and sub-event type for one event, from its trigger, its sentence, actors and counts.

ACLED's type depends on more than the verb: a killing is a *Battle* when both sides are armed, *Violence
against civilians* when the victims are civilians; a protest becomes *Protest with intervention* when
police disperse it, a *Violent demonstration* (Riots) when protesters throw stones, *Mob violence* when a
mob attacks someone. The rules follow ACLED's codebook definitions; the words they look for are cue lists
in ``truce/data/event_cues.tsv``. Each decision returns the name of the rule that fired, for audit.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from truce.events.lexicon import Lexicon
from truce.records import CountClaim, EventActor

__all__ = ["SentenceCues", "sentence_cues", "classify_acled", "acled_actor_pair"]

_ARMED_INTER = (1, 2, 3, 4, 8)
CUE_CLASSES = (
    "weapon_air", "weapon_shelling", "weapon_ied", "weapon_grenade", "weapon_suicide",
    "weapon_chemical", "disrupt", "protest", "riot_violent", "intervention", "mob", "clash",
    "territory_nonstate", "territory_gov", "armed", "armed_group", "communal", "peaceful",
    "turned_violent", "stones", "state_response", "nonstate_armed", "clash_frame", "clash_sides", "armed_post",
    "territory_handover",
)  # fmt: skip
_PROTESTER_WORDS = ("protest", "demonstrat", "picket", "marcher", "rioter", "striking", "strikers")
_VICTIM_ARMED = ("soldier", "troop", "police", "officer", "militant", "fighter", "insurgent", "rebel",
                 "militia", "security", "guard", "ranger", "commander", "personnel", "gunm", "army",
                 "military", "taliban", "shabaab", "terrorist", "bandit", "combatant", "jihadist",
                 "reservist", "recruit", "forces", "raider", "rustler", "gang", "thug", "robber",
                 "criminal", "attacker", "assailant", "warrior", "armed", "arbaki", "peshmerga", "janjaweed",
                 "idf", "hezbollah", "hamas", "houthi", "wagner", "isis", "isil", "daesh", "qaeda",
                 "boko haram", "sniper", "commando", "paramilitar", "gendarme", "marine", "cadet")  # fmt: skip
# Perpetrators who are not an organised armed group: their violence is mob violence in ACLED's terms.
_MOB_PERPETRATORS = ("mob", "youth", "supporter", "resident", "villager", "voter", "student", "crowd",
                     "locals", "member of the public", "members of the public", "angry", "irate",
                     "people", "community", "communities", "rioter", "relatives", "family", "traders",
                     "group of men", "worshippers", "clan", "faction", "camp", "churchgoer",
                     "congregant", "delegate", "prisoner", "inmate", "fans", "operator", "riders")  # fmt: skip
_PLACE_WORDS = ("district", "village", "town", "city", "base", "checkpoint", "check point", "area",
                "territory", "post", "outpost", "hill", "camp", "center", "centre", "headquarters",
                "province", "county", "region", "border", "bridge", "road", "airport", "port")  # fmt: skip


_PRONOUNS = frozenset("him her them it he she they us me one".split())


@dataclass(slots=True)
class SentenceCues:
    """Which cue classes a stretch of text matches, and where (character offset of the first match)."""

    present: dict[str, int] = field(default_factory=dict)

    def __contains__(self, cls: str) -> bool:
        return cls in self.present


# Classes read from the trigger's own sentence; the others from a window of following sentences too
# ("Protesters blocked the road. Police dispersed them with tear gas.").
SENTENCE_CLASSES = frozenset(
    ("weapon_air", "weapon_shelling", "weapon_ied", "weapon_grenade", "weapon_suicide", "weapon_chemical",
     "armed", "armed_group", "territory_nonstate", "territory_gov", "stones")
)  # fmt: skip


def sentence_cues(words: str, lemmas: str, lexicon: Lexicon, classes=CUE_CLASSES) -> SentenceCues:
    """Match ACLED cue classes against lower-cased words and lemmas of a sentence (or a window)."""
    cues = SentenceCues()
    for cls in classes:
        rx = lexicon.cue_regex(cls)
        m = rx.search(words) or rx.search(lemmas)
        if m:
            cues.present[cls] = m.start()
    return cues


def _looks_armed(text: str) -> bool:
    t = text.lower()
    return any(w in t for w in _VICTIM_ARMED)


def _looks_protester(text: str) -> bool:
    t = text.lower()
    return any(w in t for w in _PROTESTER_WORDS)


def _looks_police(text: str) -> bool:
    t = text.lower()
    return any(w in t for w in ("police", "officer", "security", "askari", "gsu", "warder", "soldier", "troop",
                                "army", "military", "forces", "guard", "constable", "cop"))  # fmt: skip


def _state_acts(actors: list[EventActor], unnamed: bool = False) -> bool:
    """Whether the event's named perpetrators are all state forces (inter 1, or police and soldiers by
    name); ``unnamed`` answers when none is named."""
    perps = [a for a in actors if a.role == "actor" and a.text.lower() not in _PRONOUNS]
    return all(a.acled_inter == 1 or _looks_police(a.text) for a in perps) if perps else unnamed


def _looks_mob(text: str) -> bool:
    t = text.lower()
    return any(w in t for w in _MOB_PERPETRATORS) and not _looks_armed(t)


def _victims(actors: list[EventActor], counts: list[CountClaim], civilian_rx=None) -> tuple[bool, bool, bool]:
    """(armed, civilian, protesters) among the event's recipients and its counted victims.

    A recipient counts as civilian when its ``inter`` code is 7 or its words are civilian ones
    ("a farmer", "villagers", "a bus"); a recipient of unknown kind ("an attack") counts as neither.
    """
    armed = civilian = protesters = False
    for a in actors:
        if a.role != "recipient" or a.text.lower() in _PRONOUNS:
            continue
        if re.search(r"\b(?:unarmed|off-duty|off duty|retired|former)\b", a.text, re.I) or _category(a) in _CIVILIAN_CATEGORIES:
            # ACLED: officials, and officers off duty, are civilians; only forces acting as such fight
            civilian = True
        elif a.acled_inter in _ARMED_INTER and a.acled_inter != 8:
            armed = True
        elif a.acled_inter == 6 or _looks_protester(a.text):
            protesters = True
        elif a.acled_inter == 7:
            civilian = True
        elif _looks_armed(a.text):
            armed = True
        elif civilian_rx is None or civilian_rx.search(a.text.lower()):
            civilian = True
    for c in counts:
        # the victims' words only: "four unarmed herdsmen were killed by an armed militia" names the
        # perpetrator after "by", and "unarmed" victims are civilians
        words = re.split(r"\bby\b", c.text, maxsplit=1)[0]
        v = (c.victims or "") + " " + words
        if re.search(r"\b(?:unarmed|off-duty|off duty|retired|former)\b", v, re.I):
            civilian = True
        elif _looks_protester(v):
            protesters = True
        elif c.victims in ("soldiers", "fighters", "militants", "police", "security forces", "combatants"):
            armed = True
        elif _looks_armed(v):
            armed = True
        elif c.victims:
            civilian = True
    return armed, civilian, protesters


# Actor categories (the part of an actor id after the country: "KEN-government", "*-government") whose
# members ACLED counts as civilians when they are attacked: officials are not armed forces.
_CIVILIAN_CATEGORIES = frozenset(("government", "civilians"))


def _category(a: EventActor) -> str:
    return (a.actor_id or "").split("-", 1)[-1].split(":", 1)[0]


def _perpetrator_inter(actors: list[EventActor]) -> set[int]:
    return {a.acled_inter for a in actors if a.role == "actor" and a.acled_inter is not None}


def _explosion_sub(cues: SentenceCues, default: str | None) -> str:
    for cls, sub in (
        ("weapon_suicide", "Suicide bomb"),
        ("weapon_chemical", "Chemical weapon"),
        ("weapon_air", "Air/drone strike"),
        ("weapon_grenade", "Grenade"),
        ("weapon_shelling", "Shelling/artillery/missile attack"),
        ("weapon_ied", "Remote explosive/landmine/IED"),
    ):
        if cls in cues:
            return sub
    return default or "Remote explosive/landmine/IED"


# Words that name a clash itself. A clash that a report calls peaceful ("No reports of protester
# violence") leaves a protest with intervention (an injury or a burning does not); and clash words
# around a trigger that is not one of these only frame it ("kill 2 civilians in ethnic clash").
_CLASH_LEMMAS = frozenset(("clash", "engage", "confront", "confrontation", "fight", "fighting", "scuffle", "battle",
                           "skirmish", "shootout", "exchange"))


def _protest_type(cues: SentenceCues, violent_outcome: bool, protesters_hit: bool) -> tuple[str, str, str]:
    if "riot_violent" in cues and ("peaceful" not in cues or "turned_violent" in cues):
        # a report that calls the protest peaceful ("peaceful celebrations", "no reports of violence or
        # clashes") outweighs words of violence around it
        return "Riots", "Violent demonstration", "acled:protest+violent"
    if protesters_hit and violent_outcome:
        return "Protests", "Excessive force against protesters", "acled:protest+force"
    if "intervention" in cues:
        return "Protests", "Protest with intervention", "acled:protest+intervention"
    return "Protests", "Peaceful protest", "acled:protest"


def classify_acled(
    plover: str,
    mode: str | None,
    entry_acled: str | None,
    entry_sub: str | None,
    lemma: str,
    cues: SentenceCues,
    actors: list[EventActor],
    counts: list[CountClaim],
    object_texts: list[str],
    civilian_rx=None,
    weapon_agent: bool = False,
    place_object: bool = False,
) -> tuple[str | None, str | None, str]:
    """(event_type, sub_event_type, rule) for one event. ``None`` types mean ACLED would not code it.

    ``weapon_agent``: the event's agent is itself a weapon ("a roadside bomb struck a convoy").
    ``place_object``: the event's object is a place by its form (a place name, or a name followed by
    its district in brackets: "captured Chinshwehaw (Laukkaing, Shan-North)").
    """
    armed_v, civil_v, protest_v = _victims(actors, counts, civilian_rx)
    perp = _perpetrator_inter(actors)
    harmed = any((c.best or c.low or 0) > 0 for c in counts) or lemma in ("kill", "injure", "wound", "shoot")
    # force against protesters is excessive when someone is killed or hurt, not when police "shot at" them
    hurt = any((c.best or c.low or 0) > 0 for c in counts) or lemma in ("kill", "injure", "wound")
    weapon_trigger = entry_acled == "Explosions/Remote violence"
    clash = "clash" in cues or ("armed_post" in cues and not (civil_v and not armed_v and _state_acts(actors)))
    protest_event = plover == "PROTEST" and mode not in ("riot",)

    # Protests and riots ----------------------------------------------------------------------
    if protest_event or (plover == "PROTEST" and mode == "riot"):
        if mode == "riot" and entry_acled == "Riots":
            return "Riots", entry_sub or "Violent demonstration", "acled:riot"
        if "mob" in cues and "protest" not in cues:
            return "Riots", "Mob violence", "acled:mob"
        return _protest_type(cues, hurt, protest_v or "protest" in cues)
    if 6 in perp or 5 in perp:
        if plover in ("ASSAULT", "COERCE") and "protest" in cues and 5 not in perp:
            if (plover == "ASSAULT" and not ("peaceful" in cues and lemma in _CLASH_LEMMAS)) or mode == "destroy":
                # the demonstrators themselves hurt people or destroy property ("protesters burn
                # the home of a suspect", "demonstrators robbed civilians and injured police"):
                # the codebook's violent demonstration, whatever words of calm surround it
                return "Riots", "Violent demonstration", "acled:protesters-violent-act"
            return _protest_type(cues, hurt, protest_v)
        if 5 in perp and "protest" in cues and "mob" not in cues and plover in ("ASSAULT", "COERCE"):
            # demonstrators engaged in violence: "students set fire to dormitories in protest"
            return "Riots", "Violent demonstration", "acled:rioters-protesting"
        shooting = mode == "firearms" and lemma in ("shoot", "open", "fire", "gun")
        if ("mob" in cues or 5 in perp) and not (shooting and "protest" not in cues and "mob" not in cues):
            # ... but youths who open fire without a crowd's cue are an armed group ("armed youths
            # stormed the camp and opened fire on displaced people")
            return "Riots", "Mob violence", "acled:rioters"
    if plover in ("ASSAULT", "COERCE") and "protest" in cues and (protest_v or mode == "arrest"):
        etype, sub, rule = _protest_type(cues, hurt, protest_v)
        if mode == "arrest" and sub == "Peaceful protest":  # arrests made at a protest intervene in it
            return "Protests", "Protest with intervention", "acled:protest+arrest"
        return etype, sub, rule
    if plover == "ASSAULT" and "protest" in cues and mode not in ("abduct", "sexual"):
        # force used in the middle of a protest (police firing, people shot) is part of that protest:
        # a violent demonstration if the crowd was violent, excessive force if it was not
        # no perpetrator named: the police
        if _state_acts(actors, unnamed=True) and not any(c in cues for c in ("weapon_ied", "weapon_grenade", "weapon_suicide", "weapon_air")):
            return _protest_type(cues, hurt, True)

    # Strategic developments and territory ---------------------------------------------------
    if plover == "COERCE":
        if entry_acled == "Protests":  # police dispersing a crowd
            if "riot_violent" in cues:  # "dispersed youths who blocked roads and hurled stones"
                return "Riots", "Violent demonstration", "acled:dispersal+violent"
            if "protest" in cues or protest_v:
                return _protest_type(cues, hurt, protest_v)
            return "Protests", "Protest with intervention", "acled:dispersal"
        if mode == "arrest":
            return "Strategic developments", "Arrests", "acled:arrest"
        if mode == "destroy":
            if "mob" in cues:
                return "Riots", "Mob violence", "acled:mob-destroy"
            if "protest" in cues:
                return "Riots", "Violent demonstration", "acled:protest-destroy"
            if harmed and (armed_v or civil_v):
                return "Violence against civilians", "Attack", "acled:destroy+harm"
            return "Strategic developments", "Looting/property destruction", "acled:destroy"
        if mode == "seize":
            seized_place = lemma == "seize" and (place_object or any(any(w in o.lower().split() for w in _PLACE_WORDS)
                                                                     for o in object_texts))  # "seized the town of Mahas"
            if "territory_nonstate" in cues or "territory_gov" in cues or seized_place:
                sub = "Government regains territory" if (1 in perp or "territory_gov" in cues) else (
                    "Non-state actor overtakes territory")
                return "Battles", sub, "acled:seize-territory"
            return "Strategic developments", "Disrupted weapons use", "acled:seize"
        if entry_acled not in (None, "*"):
            return entry_acled, entry_sub if entry_sub != "*" else "Other", "acled:lexicon"
        return None, None, "acled:none"
    if plover != "ASSAULT":
        if entry_acled in (None, "*") and plover in ("REQUEST", "ACCUSE", "REJECT") and "protest" in cues:
            # a crowd's demand voiced at a demonstration is the demonstration ("farmers gathered ...,
            # demanding that a factory be built")
            return _protest_type(cues, hurt, protest_v)
        if entry_acled in (None, "*"):
            return None, None, "acled:none"
        return entry_acled, entry_sub if entry_sub not in (None, "*") else "Other", "acled:lexicon"

    # Violence -------------------------------------------------------------------------------
    if mode == "sexual":
        return "Violence against civilians", "Sexual violence", "acled:sexual"
    if mode == "abduct":
        if armed_v and not civil_v:
            # soldiers or police taken in an attack are combatants captured in a battle, not civilians
            # abducted (ACLED's abduction sub-type is violence against civilians)
            return "Battles", "Armed clash", "acled:abduct-combatants"
        if any(c.kind == "killed" and (c.best or c.low or 0) > 0 for c in counts):
            # ACLED codes an abduction whose victim is killed as an attack with its fatalities
            return "Violence against civilians", "Attack", "acled:abduct+killed"
        return "Violence against civilians", "Abduction/forced disappearance", "acled:abduct"
    if lemma in ("capture", "overrun", "overtake", "recapture", "retake", "seize", "take"):
        is_place = place_object or any(any(w in o.lower() for w in _PLACE_WORDS) for o in object_texts) or (
            lemma != "capture")
        if is_place:
            if "territory_handover" in cues:
                return "Strategic developments", "Non-violent transfer of territory", "acled:handover"
            if lemma in ("recapture", "retake") or "territory_gov" in cues or 1 in perp:
                return "Battles", "Government regains territory", "acled:territory-gov"
            return "Battles", "Non-state actor overtakes territory", "acled:territory-nonstate"
        return "Strategic developments", "Arrests", "acled:capture-person"
    if entry_sub not in (None, "*") and entry_acled not in (None, "*") and weapon_trigger:
        if "disrupt" in cues and not harmed:
            return "Strategic developments", "Disrupted weapons use", "acled:disrupted"
        return entry_acled, entry_sub, "acled:weapon-trigger"
    if lemma == "strike" and not any(c in cues for c in ("weapon_ied", "weapon_grenade", "weapon_suicide")):
        military = any(a.acled_inter in (1, 8) for a in actors if a.role == "actor") or any(
            w in t.lower() for t in [a.text for a in actors if a.role == "actor"]
            for w in ("military", "army", "air force", "forces", "jets", "warplane", "drone", "idf"))
        if military or "weapon_air" in cues:
            return "Explosions/Remote violence", _explosion_sub(cues, "Air/drone strike"), "acled:military-strike"
    weapon_cue = any(c in cues for c in ("weapon_air", "weapon_shelling", "weapon_ied", "weapon_grenade",
                                         "weapon_suicide", "weapon_chemical"))  # fmt: skip
    if weapon_trigger or (weapon_cue and (not clash or weapon_agent
                                          or lemma in ("kill", "die", "injure", "wound"))):
        if "disrupt" in cues and not harmed:
            return "Strategic developments", "Disrupted weapons use", "acled:disrupted"
        if weapon_trigger or weapon_cue:
            return "Explosions/Remote violence", _explosion_sub(cues, entry_sub if entry_sub != "*" else None), (
                "acled:explosion")
    if entry_acled == "Riots":
        return "Riots", entry_sub or "Mob violence", "acled:lexicon-riot"
    if "stones" in cues and not (perp & {1, 2, 3, 4, 8}):
        # a crowd throwing stones riots (codebook): a violent demonstration when it protests
        if "protest" in cues:
            return "Riots", "Violent demonstration", "acled:stones-protest"
        return "Riots", "Mob violence", "acled:stones"
    if "mob" in cues and not armed_v:
        return "Riots", "Mob violence", "acled:mob"
    perp_texts = [a.text for a in actors if a.role == "actor" and a.text.lower() not in _PRONOUNS]
    perp_armed = any(a.acled_inter in (1, 2, 3, 4, 8) for a in actors if a.role == "actor") or any(
        _looks_armed(t) for t in perp_texts)
    unnamed = any(re.search(r"\b(?:unidentified|unknown|suspected|believed)\b", t, re.I) for t in perp_texts)
    if perp_texts and not perp_armed and not unnamed and mode != "firearms" and all(_looks_mob(t) for t in perp_texts):
        # a crowd's violence is mob violence; "unidentified youths", or a crowd that shoots, is an
        # armed group whose name the text does not give
        if "communal" in cues and "protest" not in cues and "stones" not in cues and lemma in (
                "clash", "fight", "fighting", "battle"):
            return "Battles", "Armed clash", "acled:communal-clash"  # "Maasai and Kikuyu ethnic groups clash"
        if "protest" in cues:
            return "Riots", "Violent demonstration", "acled:protesters-violent"
        return "Riots", "Mob violence", "acled:mob-perpetrator"
    if lemma in ("clash", "fight", "fighting", "battle", "skirmish", "confrontation") and "armed_group" not in cues:
        # no militia, soldiers or gunmen named: a clash between crowds, or between a crowd and police
        group_texts = perp_texts + [a.text for a in actors if a.role == "recipient"] + object_texts
        if not group_texts or any(_looks_mob(t) for t in group_texts):
            if "communal" in cues and "protest" not in cues:
                return "Battles", "Armed clash", "acled:communal-clash"
            if "protest" not in cues and any(c.kind == "killed" and (c.best or c.low or 0) > 0 for c in counts):
                # groups that kill each other in a clash fight as (communal) militias, not as a mob:
                # "clashes erupted in X ... one man was killed", "Beneficiaries clashed with squatters ..."
                return "Battles", "Armed clash", "acled:deadly-clash"
            if "protest" in cues:
                return "Riots", "Violent demonstration", "acled:protest-clash"
            return "Riots", "Mob violence", "acled:unarmed-clash"
    if entry_acled == "Battles" and entry_sub not in (None, "*"):
        if civil_v and not armed_v and lemma not in ("clash", "fight", "fighting", "battle"):
            return "Violence against civilians", "Attack", "acled:ambush-civilians"
        return entry_acled, entry_sub, "acled:battle-trigger"
    if armed_v and perp_texts and not perp_armed and all(_looks_mob(t) for t in perp_texts):
        return "Riots", "Mob violence", "acled:mob-on-armed"
    perps = [a for a in actors if a.role == "actor" and a.text.lower() not in _PRONOUNS]
    state_perp = bool(perps) and all(_looks_police(a.text) for a in perps)
    nonstate_armed = bool(perps) and not state_perp and any(
        a.acled_inter in (2, 3, 4) or (a.acled_inter is None and _looks_armed(a.text)) for a in perps)
    if state_perp and not civil_v and "nonstate_armed" in cues:
        # state forces shooting at raiders, militants, gunmen: a battle (both sides organised and armed)
        return "Battles", "Armed clash", "acled:state-vs-armed-group"
    # the group may be named only in the sentence ("Police pursue raiders; kill many"), not as the actor
    named_group = not perps and "nonstate_armed" in cues and not civil_v
    if (nonstate_armed or named_group) and "state_response" in cues:
        # an armed group's attack that police or soldiers answer with force ("... police opened fire,
        # killing two of the attackers")
        return "Battles", "Armed clash", "acled:state-response"
    if armed_v or (clash and not (civil_v and lemma not in _CLASH_LEMMAS and "clash_frame" in cues
                                         and "clash_sides" not in cues)):
        # a clash named in the sentence is the event's kind, unless the event is an act against
        # civilians that the clash only frames ("gunmen attack and kill 2 civilians in ethnic clash");
        # a clash that names its two sides is the event ("killed in clashes between X and Y")
        return "Battles", "Armed clash", "acled:armed-victims" if armed_v else "acled:clash"
    return "Violence against civilians", "Attack", "acled:civilian-victims" if civil_v else "acled:default-attack"


def acled_actor_pair(event_type: str | None, actors: list[EventActor]) -> tuple[EventActor | None, EventActor | None]:
    """ACLED's actor1 and actor2 for an event: the first actor and the first recipient, except that
    ACLED names the crowd first in protests and riots ("Protesters (Kenya)", then "Police Forces of
    Kenya"): when state forces act on a crowd ("police used tear gas to disperse protesters"), the
    crowd is actor1. The event's own roles stay as the text tells them."""
    first = next((a for a in actors if a.role == "actor"), None)
    second = next((a for a in actors if a.role == "recipient"), None)
    if event_type in ("Protests", "Riots") and first is not None and first.acled_inter in (1, 8):
        crowd = next((a for a in actors if a.role == "recipient" and a.acled_inter in (5, 6)), None)
        if crowd is not None:
            return crowd, first
    return first, second
