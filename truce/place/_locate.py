"""Which of the places in a sentence is where an event happened.

The place where an event happened is usually the object of a locative preposition (in, at, on, near,
outside ...) that hangs off the event's trigger or off the trigger's own phrase ("an air strike on a
building in Haret Hreik"), or a noun modifier of the trigger ("the Beirut strike"). A place reached
through "from" (the attackers' origin), "to/toward" said of a person's journey, or owned by a person
("a resident of Khiam") is mentioned, not located. Among the places that qualify the finest and
closest to the trigger wins; a country rarely beats a town in the same phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from truce.annotate import doc_text, in_dateline
from truce.place._detect import ADMIN_UNIT_NOUNS, BRACKETED_NAMES_RE, PLACE_KIND_NOUNS
from truce.records import PlaceMention

__all__ = ["locate"]

_LOCATIVE = {
    "in",
    "at",
    "on",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "along",
    "within",
    "throughout",
    "into",
    "over",
    "off",
    "by",
    "between",
    "against",
    "targeting",
    "towards",
    "toward",
    "onto",
    "upon",
    "beside",
    "behind",
    "past",
    "through",
    "via",
    "nearby",
    "including",
}
_ORIGIN = {"from", "of"}
_FEATURE_RANK = {
    "PCLI": 3.0,
    "PCLS": 3.0,
    "ADM1": 1.6,
    "RGN": 1.6,
    "BORDER": 1.4,
    "STM": 1.4,
    "MT": 1.4,
    "ADM2": 0.8,
}
_PLACE_NOUNS = PLACE_KIND_NOUNS | ADMIN_UNIT_NOUNS | frozenset(
    (
        # the place that modifies a site is where the site is ("a West Bank settlement")
        "settlement",
        "outpost",
        "base",
        "checkpoint",
        "hospital",
        "school",
        "market",
        "mosque",
        "church",
        "airport",
        "port",
        "highway",
        "road",
        "bridge",
        "building",
        "compound",
        "prison",
        "station",
        "square",
        "stadium",
        "hotel",
        "embassy",
        "consulate",
        "headquarters",
        "office",
        "offices",
        "plant",
        "factory",
        "towns",
        "villages",
        "cities",
        "outskirts",
        "capital",
        "streets",
        "street",
        "junction",
        "crossroad",
        "crossroads",
        "intersection",
        "roundabout",
        "crossing",
        "centre",
        "center",
    )
)
# "killed when forces repulsed an attack in X": a when-clause tells the same event
_SAME_EVENT_MARKS = {"when", "after", "while", "before", "until", "once"}
# below this the sentence's places are "mentioned, not located". Chosen on all 10,182 labelled
# sentences of event_location: 0.4 → -0.2 moved the 9,686 non-adjudicated ones 0.650 → 0.652 and
# the 496 adjudicated ones 0.646 → 0.668 (a place attached through another verb of the same
# sentence is more often where the event was than not)
_MIN_SCORE = -0.2
# a place of the sentence scored above this, though below _MIN_SCORE, is the event's "mentioned"
# place when none is attached: on the 6,218 ACLED development notes, main events placed within
# ACLED's distance 0.294 → 0.305 (-1.0: 0.302, -3.0: 0.306 with more far-fetched guesses)
_MIN_GUESS_SCORE = -2.0
_PERSONISH = {
    "resident",
    "residents",
    "native",
    "natives",
    "citizen",
    "citizens",
    "official",
    "officials",
    "governor",
    "mayor",
    "minister",
    "president",
    "ambassador",
    "envoy",
    "people",
    "man",
    "woman",
    "embassy",
    "government",
    "army",
    "forces",
    "troops",
    "military",
    "police",
    "authorities",
    "ministry",
    "delegation",
    "representative",
    "leader",
    "leaders",
    "spokesman",
    "spokesperson",
    "soldiers",
    "aircraft",
    "jets",
    "planes",
    "warplanes",
    "navy",
    "squad",
    "unit",
    "units",
    "newspaper",
    "women",
    "men",
    "boy",
    "girl",
    "team",
    "champion",
    "company",
    "firm",
}


# people of a town or village, who usually act where they live ("Migori residents protested")
_LOCAL_PEOPLE = {
    "resident",
    "residents",
    "villagers",
    "locals",
    "inhabitants",
    "traders",
    "farmers",
    "youths",
    "students",
    "people",
    "workers",
    "teachers",
    "drivers",
    "fishermen",
    "herders",
    "squatters",
    "parents",
}


def _demonym_use(doc, p: PlaceMention) -> bool:
    """A country named by its adjective before a noun ("an Afghan convoy", "Kenyan police")."""
    if p.feature not in ("PCLI", "PCLS") or not p.name:
        return False
    words = p.text.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    if not words or " ".join(words).lower() == p.name.lower():
        return False
    nxt = doc.char_span(p.end, doc[-1].idx + len(doc[-1].text), alignment_mode="expand")
    follow = next((t for t in nxt if not t.is_space), None) if nxt is not None else None
    return follow is not None and follow.is_alpha and follow.text.islower()


def _token_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    return span.root, span


_AGENT_FEATURES = frozenset(("PCLI", "PCLS", "PPLC", "ADM1"))


def _named_as_itself(p: PlaceMention) -> bool:
    """The text is the place's own name ("Nabatieh"), not a demonym of it ("Israeli"): the tagger
    calls some town names adjectives ("4 dead in Nabatieh drone attack")."""
    text, name = p.text.lower().strip(), (p.name or "").lower()
    return bool(name) and name.startswith(text) and not text.endswith(("i", "ian", "ese", "ish"))


def _after_locative(tok) -> bool:
    """``tok`` is the object of "in/at/near ..." ("in Culiacan", "near Hodeidah port"): a place,
    whatever NER's label (it takes many towns for nationalities)."""
    if tok.dep_ == "compound" and tok.head.lower_ in _PLACE_NOUNS:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE


_NEARNESS = frozenset(("close", "near", "nearby", "adjacent", "next", "opposite"))


def _path_score(place_tok, trigger_tok, place_span) -> float:
    """How directly the place is attached to the trigger in the dependency tree."""
    # walk up from the place's root, at most nine steps, noting the prepositions passed
    tok = place_tok
    preps: list[str] = []
    steps = 0
    trig_ancestors = {t.i for t in trigger_tok.ancestors}
    other_clause = 0.0
    while True:
        if tok.i == trigger_tok.i:
            break
        if steps >= 9:
            return -1.0  # the trigger is not within nine steps above the place
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative"):
            # "launched by Russia": the agent's "by" names who, not where
            preps.append("by:agent" if tok.head.dep_ == "agent" else tok.head.lower_)
        if tok.head.i == tok.i:
            return -1.0  # reached the root without meeting the trigger
        tok = tok.head
        steps += 1
        if (
            tok.pos_ == "VERB"
            and tok.i != trigger_tok.i
            and tok.i not in trig_ancestors
            and tok.dep_ not in ("prep", "pcomp", "acl", "amod")  # "following attacks on X"
            and not any(c.dep_ == "mark" and c.lower_ in _SAME_EVENT_MARKS for c in tok.children)
        ):
            other_clause = -1.0  # "... as leaders gathered in Istanbul": another verb's place
        if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acomp") and tok.i != trigger_tok.i and steps > 1 \
                and tok.lower_ not in _NEARNESS:
            # "struck a commander responsible for rocket launches towards northern Israel": a place
            # inside what describes a person or thing is that description's, not the event's
            other_clause = min(other_clause, -1.6)
        if tok.i in trig_ancestors and tok.i != trigger_tok.i:
            # the place hangs off something above the trigger (the clause's verb): weaker
            score = 0.6 - 0.1 * steps
            return score + _prep_bonus(preps) + other_clause
    score = 2.0 - 0.15 * steps
    bonus = _prep_bonus(preps)
    if not preps and place_tok.dep_ == "dobj" and place_tok.head.i == trigger_tok.i and (
            trigger_tok.lemma_.lower() in _PLACE_TAKING_VERBS):
        bonus = 1.0  # "captured Lubumbashi", "shelled Nikopol": the object is where it happened
    return score + bonus + other_clause


# verbs whose direct object is a place when it is one
_PLACE_TAKING_VERBS = frozenset(("capture", "recapture", "liberate", "seize", "overrun", "take", "retake",
                                 "storm", "shell", "bomb", "bombard", "raid", "attack", "hit", "strike",
                                 "besiege", "enter", "invade", "occupy", "pound", "target"))  # fmt: skip


def _prep_bonus(preps: list[str]) -> float:
    if not preps:
        return 0.3  # compound / appositive: "the Beirut strike", "Tyre: a strike ..."
    first = preps[0]
    if first in _LOCATIVE:
        return 1.0
    if first == "from":
        return -1.2
    if any(p in _LOCATIVE for p in preps[1:3]):
        return 0.7  # "in the bombardment of X", "on the outskirts of X"
    if first in _ORIGIN:
        return -0.3
    if first in ("to", "for", "with", "about", "against"):
        return -0.6
    return 0.0


_CONTAINER_GAP = re.compile(
    r"\s*(?:(?:sub-?county|district|province|county|governorate|region|state|area|village|township"
    r"|territory|zone|commune|department|municipality|oblast|raion|woreda|tehsil|upazila|lga)\s*)?,\s*$",
    re.IGNORECASE,
)


# "Lubumbashi in Shaba province", "the village of Abu Allaj in western Raqqa", "Umm al-Fahm junction
# in northern Israel": a place, maybe a site word, then "in" and the larger place it lies in
_IN_CONTAINER_GAP = re.compile(
    r"\s+(?:(?:[a-z-]+\s+){0,2}in|(?:area|village|ward|location|division|part|sector|suburb|quarter)\s+of)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+|mineral-rich\s+|rural\s+)?$",
    re.IGNORECASE,
)


# what lies between a place and a name inside the bracket that follows it
_INSIDE_BRACKET_GAP = re.compile(r"\s*\(\s*(?:[A-Z][^(),\n]{0,40},\s*){0,2}")


def _states_container(text: str, p: PlaceMention, places: Sequence[PlaceMention]) -> bool:
    """``p`` follows another place and a comma: "Shindand district, Herat", "Marti, Samburu" name
    where the first place lies; the first is where the event happened. So does a larger place after
    "in" ("Lubumbashi in Shaba province") when it is coarser than the first or the first has no point."""
    for q in places:
        if q is p or not (q.end < p.start and p.start - q.end <= 40):
            continue
        gap = text[q.end : p.start]
        if p.start - q.end <= 25 and _CONTAINER_GAP.fullmatch(gap):
            return True
        if _INSIDE_BRACKET_GAP.fullmatch(gap):  # "Bakhmut (Bakhmutskyi, Donetsk)": the bracket contains
            return True
        if _IN_CONTAINER_GAP.fullmatch(gap) and (q.lat is None or _coarser(p, q)):
            return True
    return False


def _coarser(p: PlaceMention, q: PlaceMention) -> bool:
    if _FEATURE_RANK.get(p.feature or "", 0.0) > _FEATURE_RANK.get(q.feature or "", 0.0):
        return True
    # a town in a region: the region names the town's first-order division
    return bool(p.admin1 and p.admin1 == q.admin1 and p.country_code == q.country_code
                and (p.feature or "").startswith("ADM"))


def locate(
    doc, trigger: tuple[int, int], places: Sequence[PlaceMention], *, want_point: bool = False
) -> tuple[PlaceMention | None, str | None]:
    """The place where the event whose trigger spans ``trigger`` happened, and how the text says so.

    The basis is "stated" (the place is attached to the event in its sentence), "context" (the
    sentence names no place; the last of the two sentences before), "mentioned" (a guess: the
    likeliest place the sentence names without attaching it to the event, or, when it names none
    and the sentences before none either, the first later in its paragraph) or None with no place.

    ``want_point``: an attached place the gazetteer could not resolve gives way to the resolved
    place the text says it lies in ("the Chalbi Boys High School in Marsabit", "Enoosaen Village in
    Transmara, Narok County"), so that the event has coordinates."""
    if not places:
        return None, None
    t_tok, _ = _token_at(doc, trigger[0], trigger[1])
    if t_tok is None:
        return None, None
    sent = t_tok.sent
    s0, s1 = sent.start_char, sent.end_char
    text = doc_text(doc)
    places = [p for p in places if not in_dateline(doc, p.start)]  # where the report was filed
    in_sent = [p for p in places if s0 <= p.start < s1]
    best: tuple[float, PlaceMention] | None = None
    guess: tuple[float, PlaceMention] | None = None
    roots = {}
    for p in in_sent:
        p_tok, _ = _token_at(doc, p.start, p.end)
        if p_tok is not None:
            roots[p_tok.i] = p
    for p in in_sent:
        p_tok, p_span = _token_at(doc, p.start, p.end)
        if (
            p_tok is None
            or (p_tok.ent_type_ == "NORP" and p.feature in ("PCLI", "PCLS") and not _after_locative(p_tok))
            or (p_tok.pos_ == "ADJ" and not _named_as_itself(p))
            or _demonym_use(doc, p)
        ):
            continue  # "Israeli", "Lebanese", "an Afghan convoy": an adjective names who, not where
        score = _path_score(p_tok, t_tok, p_span)
        # a place that only situates another place ("Sadr City in eastern Baghdad", "Jdeideh near
        # Jenin") gives way to it: the finer place is where the event happened
        if any(a.i in roots and a.i != p_tok.i for a in list(p_tok.ancestors)[:4]):
            score -= 0.6
        # owner of a person noun: "a resident of Khiam", "the Iranian ambassador"
        head = p_tok.head
        if p_tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _PERSONISH and not (
                head.head.lower_ in _LOCAL_PEOPLE and head.head.dep_ in ("nsubj", "nsubjpass")):
            score -= 1.0  # ... but "residents of Kisii protested": local people act where they live
        while head.dep_ == "compound" and head.head != head and head.i != t_tok.i:
            head = head.head  # "the Nabatieh drone attack": a modifier of the trigger's own compound
        if p_tok.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and head.i != t_tok.i and not (
                BRACKETED_NAMES_RE.match(text, p.end)):  # "in Bakhmut (Bakhmutskyi, Donetsk)": the
            # parser hangs the name on its bracket; a name its containers follow modifies nothing
            # "U.S. forces", "Mexico's army", "Caracas' newspaper": the place describes a noun
            # other than the event; "Khanasir town", "Aleppo province" are still places, and a
            # possessive of a thing ("Syria's conflict", "Venezuela's oil installations") often
            # is where it happens
            if head.lower_ in _LOCAL_PEOPLE and p.feature not in ("PCLI", "PCLS") and head.dep_ in (
                    "nsubj", "nsubjpass", "ROOT"):
                pass  # "Migori residents protested": local people act where they live (not "the
                # hiring of Baringo county drivers", who are what the protest is about)
            elif head.lower_ in _PERSONISH or (
                p_tok.dep_ != "poss" and head.lower_ not in _PLACE_NOUNS
            ):
                score -= 1.5
            elif p_tok.dep_ == "poss" and head.lower_ not in _PLACE_NOUNS:
                score -= 0.4
        if _states_container(text, p, in_sent):
            score -= 0.8
        if p_tok.dep_ == "nsubj" and p.feature in _AGENT_FEATURES:
            score -= 1.5  # "Moscow said it had hit military targets": a capital or country that acts is an actor
        if p.lat is None:
            score -= 1.2
        score -= _FEATURE_RANK.get(p.feature or "", 0.0) * 0.5
        score -= abs(p_tok.i - t_tok.i) * 0.03
        score += 0.3 * p.confidence
        if best is None or score > best[0]:
            best = (score, p)
        if _usable_guess(p, p_tok) and (guess is None or score > guess[0]):
            guess = (score, p)
    if best is not None and best[0] > _MIN_SCORE:
        if best[1].lat is None and want_point:
            return _resolved_container(text, best[1], in_sent) or best[1], "stated"
        return best[1], "stated"
    if in_sent:
        # the sentence names places but attaches none to this event ("Police shot a Nakuru matatu
        # driver", "a protest at the ODM Busia nominations"): the likeliest is still a better
        # answer than none, and the basis says it is a guess
        if guess is not None and guess[0] > _MIN_GUESS_SCORE:
            return guess[1], "mentioned"
        return None, None
    # no place in the sentence: the last resolved place in the two sentences before, if any ...
    around = [p for p in places if p.lat is not None and (p.feature or "") not in ("PCLI", "PCLS")]
    earlier = [p for p in around if p.end <= s0 and s0 - p.end < 400]
    if earlier:
        return earlier[-1], "context"
    # ... else, as a guess, the first in the rest of its paragraph ("Gunmen stopped a police car.
    # Police fired back and killed two of them in Limuru."), which as often tells another event
    # ("... Similar clashes took place in Darayya")
    later = [p for p in around if p.start >= s1 and p.start - s1 < 300 and "\n" not in text[trigger[1] : p.start]]
    if later:
        return later[0], "mentioned"
    return None, None


def _resolved_container(text: str, place: PlaceMention, in_sent: Sequence[PlaceMention]) -> PlaceMention | None:
    """The nearest resolved place that the text says ``place`` lies in, through a chain of
    unresolved ones ("Napeitom Village in Turkana East, Turkana"), or None."""
    inner = place
    for _ in range(3):
        outer = next((q for q in in_sent if q.start > inner.end and _states_container(text, q, [inner])), None)
        if outer is None:
            return None
        if outer.lat is not None:
            return outer
        inner = outer
    return None


def _usable_guess(p: PlaceMention, p_tok) -> bool:
    """A place of the sentence that may stand for the event's when none is attached to it: resolved,
    finer than a country, not where someone came from ("pastoralists from Lagdera") and not a
    capital that acts ("Moscow said it had hit military targets")."""
    return (
        p.lat is not None
        and (p.feature or "") not in ("PCLI", "PCLS")
        and not (p_tok.dep_ == "pobj" and p_tok.head.lower_ == "from")
        and not (p_tok.dep_ == "nsubj" and p.feature in _AGENT_FEATURES)
    )
