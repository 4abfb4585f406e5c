"""Counts: how many people were killed or injured, as the article states it.

``find_counts(doc, article, actors)`` returns one ``CountClaim`` per stated figure. The rules, and the
conventions for vague numbers, are documented in ``docs/actors.md`` ("Counts"). In short:

- a figure is tied to a casualty word through the parse: the subject of "were killed"/"died", the
  object of "killed", the noun in "the deaths of 39 civilians", the number in "3 dead", "the death toll
  rose to 20"; coordinated victims add up ("a man and his son were killed" = 2);
- modifiers give the interval: "at least 5" = {5, 5, None}, "more than 2,000" = {2000, 2000, None}
  (ACLED records the stated figure), "up to 7" = {None, 7, 7}, "5 to 7" = {5, 5, 7} (the low end is
  the best guess, as ACLED codes ranges), "about 60" = {None, 60, None};
- vague words follow ACLED's conventions: several/a few/some = 3, dozens = 12, tens = 10,
  scores = 20, hundreds = 100, thousands = 1000, many/an unknown number/numerous = 10;
- "casualties" alone is ambiguous (killed or wounded) and gives no claim; "no casualties",
  "no fatalities", "no one was killed" give a claim of 0 (``best == 0``);
- a toll about a period ("since the outbreak", "so far", "in the ongoing fighting", "during the
  ceasefire", or a present perfect driven by "hostilities"/"confrontations") is ``cumulative``;
- an ACLED note's own coding remark ("Fatalities coded as 0 (VoJ reported 3 fatalities)") gives a
  claim with ``reporter="ACLED"``; the figure it quotes from a party keeps that party as reporter.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from truce.actors.finder import is_reduced_passive
from truce.annotate import doc_text
from truce.records import ActorMention, Article, CountClaim

log = logging.getLogger(__name__)


__all__ = ["find_counts", "parse_quantity", "Quantity", "DIE_VERBS"]

# --- numbers --------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "both": 2, "couple": 2,
    "pair": 2, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# ACLED's conventions for vague figures (see the module docstring and docs/actors.md).
_VAGUE = {
    "several": 3, "few": 3, "some": 3, "handful": 3, "dozens": 12, "tens": 10, "scores": 20,
    "hundreds": 100, "thousands": 1000, "many": 10, "numerous": 10, "multiple": 3,
    "unknown": 10, "unspecified": 10, "undisclosed": 10, "untold": 10,
}
_WORD_NUM = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_NUM_RE = re.compile(
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s*(?:million|thousand|hundred|m|k)\b)?"
    rf"|(?:(?:{_WORD_NUM})(?:[\s-]+(?:and\s+)?(?:{_WORD_NUM}))*)\b",
    re.I,
)
_MOD_LOW = ("at least", "no fewer than", "no less than", "a minimum of", "a total of at least")
_MOD_ABOVE = ("more than", "over", "upwards of", "in excess of", "above", "exceeding", "over a")
_MOD_HIGH = ("nearly", "almost", "just under", "up to", "as many as", "at most", "no more than", "less than", "fewer than", "under")
_MOD_ABOUT = (
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "nearly",
    "close to", "around a", "approx", "circa", "an approximate", "just over",
)
_RANGE_RE = re.compile(r"^\s*(?:to|-|–|—|or|and)\s*", re.I)


@dataclass(frozen=True)
class Quantity:
    low: int | None
    best: int | None
    high: int | None
    vague: bool = False


def _word_number(text: str) -> int | None:
    """ "two hundred and fifty" -> 250, "2,800" -> 2800, "1.5 million" -> 1500000."""
    t = text.lower().replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand|hundred|m|k)?", t)
    if m:
        value = float(m.group(1))
        scale = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "hundred": 100}.get(
            m.group(2) or "", 1
        )
        return int(round(value * scale))
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", t):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_quantity(text: str) -> Quantity | None:
    """Read a stated figure with its modifier: "at least 12" -> Quantity(12, 12, None)."""
    t = " ".join(text.lower().replace("\u2013", "-").split())
    t = re.sub(r"^(?:the|a total of|total of|a|an)\s+(?=\w)", "", t) if not re.fullmatch(
        r"an?", t
    ) else t
    t = re.sub(r"^between\s+", "", t)
    vague_m = re.fullmatch(r"(?:a\s+)?(?:very\s+)?(\w+)(?:\s+of)?(?:\s+(?:more|other|others))?", t)
    if vague_m and vague_m.group(1) in _VAGUE:
        v = _VAGUE[vague_m.group(1)]
        return Quantity(v, v, None, vague=True)
    if t.startswith("an unknown number") or t.startswith("unknown number"):
        return Quantity(None, _VAGUE["unknown"], None, vague=True)
    mod = None
    for group, words in (("low", _MOD_LOW), ("above", _MOD_ABOVE), ("high", _MOD_HIGH),
                         ("about", _MOD_ABOUT)):
        for w in sorted(words, key=len, reverse=True):
            if t.startswith(w + " "):
                mod, t = group, t[len(w) + 1 :]
                break
        if mod:
            break
    m = _NUM_RE.match(t)
    if not m:
        if t in ("dozen", "a dozen"):
            return Quantity(12, 12, 12)
        return None
    first = _word_number(m.group(0))
    if first is None:
        return None
    rest = t[m.end() :]
    if re.match(r"\s*[/:.]\d", rest):
        return None  # "21/12", "10:30", "3.5.2019": a date or time, not a count
    second = None
    rm = _RANGE_RE.match(rest)
    if rm:
        m2 = _NUM_RE.match(rest[rm.end() :])
        if m2:
            second = _word_number(m2.group(0))
    if second is not None and second > first:
        return Quantity(first, first, second)
    if mod == "low":
        return Quantity(first, first, None)
    if mod == "above":
        return Quantity(first, first, None)
    if mod == "high":
        return Quantity(None, first, first)
    if mod == "about":
        return Quantity(None, first, None)
    return Quantity(first, first, first)


# --- casualty words -------------------------------------------------------------------------

_KILL_VERBS = {
    "kill", "murder", "slay", "execute", "massacre", "lynch", "behead", "decapitate", "assassinate", "slaughter",
    "eliminate", "neutralize", "neutralise",
}  # "stab", "hack", "shoot" kill only "to death" / "dead" (see _cue_kind)
DIE_VERBS = {"die", "perish", "succumb"}
# Verbs that, with "dead" and no object, say their subject died ("One officer reported dead").
_STATUS_VERBS = {"report", "find", "confirm", "fear", "believe", "presume", "declare", "pronounce"}
# Verbs whose object, in "lynched and burned three men", is also the first verb's victim.
_HARM_VERBS = {
    "burn", "beat", "stab", "hack", "shoot", "torture", "mutilate", "attack", "behead", "strangle",
    "stone", "rape", "abduct", "kidnap", "dismember",
}  # not "injure": "killing and injuring an unknown number" does not say how many died
_INJURE_VERBS = {"injure", "wound", "hurt", "maim"}
_KILL_NOUNS = {
    "death", "deaths", "fatality", "fatalities", "toll", "killing", "killings", "dead", "body",
    "bodies", "elimination", "eliminations",
}
_INJURE_NOUNS = {"injury", "injuries", "wounded", "injured"}
# Singular nouns that are not one person ("the crowd was injured" says nothing about how many).
_NOT_PERSONS = {
    "crowd", "group", "number", "family", "mob", "population", "community", "number", "unit",
    "convoy", "team", "force", "police", "army", "military", "staff", "personnel", "majority",
    "rest", "herd", "livestock", "cattle", "property", "house", "home", "vehicle", "car",
    "building", "people", "dozen", "score", "hundred", "thousand", "lot", "part", "half",
}
_NEGATIVE_SUBJECTS = {"no one", "nobody", "none", "no-one"}
_CUMULATIVE_RE = re.compile(
    r"\b(?:since\b|so far\b|to date\b|in total\b|a total of\b|altogether\b|overall\b|throughout\b"
    r"|cumulative|ongoing (?:fighting|war|conflict|hostilities|campaign|offensive)"
    r"|during the (?:\w+ )?(?:war|conflict|ceasefire|truce|period|year|month|campaign|hostilities)"
    r"|over the (?:past|last)\b|in (?:the )?recent (?:weeks|months|years)|so far this year"
    r"|(?:in|within) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)\b"
    r"|(?:recent|current) escalation|of the war\b|of the conflict\b|in the war\b|in the conflict\b)",
    re.I,
)
_PERIOD_CAUSES = {
    "hostilities", "hostility", "confrontations", "confrontation", "skirmishes", "skirmish",
    "operations", "fighting", "war", "conflict", "escalation", "campaign", "offensive", "violence",
    "unrest", "crisis", "exchanges", "insurgency", "bombardment", "bombardments",
}
_VICTIMS = {
    "civilians": {
        "civilian", "resident", "villager", "citizen", "man", "woman", "child", "boy", "girl",
        "student", "pupil", "teacher", "farmer", "herder", "trader", "worker", "journalist",
        "driver", "passenger", "worshipper", "refugee", "family", "infant", "baby", "teenager",
        "bystander", "pedestrian", "elder", "motorist", "nurse", "doctor", "paramedic", "patient",
        "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "victim",
        "shopkeeper", "fisherman", "miner", "scholar", "cleric", "imam", "pastor", "priest",
    },
    "soldiers": {
        "soldier", "troop", "serviceman", "reservist", "officer", "commando", "personnel",
        "policeman", "police", "guard", "trooper", "marine", "paratrooper", "sergeant", "cop",
        "gendarme", "ranger", "recruit", "commander",
    },
    "fighters": {
        "militant", "fighter", "insurgent", "rebel", "terrorist", "gunman", "attacker",
        "assailant", "operative", "jihadist", "militiaman", "bandit", "raider", "member",
        "suspect", "bomber", "combatant", "extremist",
    },
    "people": {"people", "person", "individual", "life", "casualty"},
}


def _victim_kind(token) -> str | None:
    lemma = token.lemma_.lower()
    for kind, words in _VICTIMS.items():
        if lemma in words or token.lower_ in words:
            return kind
    return None


# --- finding the figure for a casualty word -------------------------------------------------


@dataclass
class _Figure:
    quantity: Quantity
    start: int  # character span of the figure and its victims
    end: int
    victims: str | None
    anaphoric: bool = False  # "he was killed", "the three were shot dead", a named victim


_DEFINITE = {"the", "this", "these", "those", "that"}


def _is_anaphoric(head) -> bool:
    """Victims already introduced: a pronoun, a definite phrase, a person's name."""
    if head.lower_ in ("he", "she", "him", "her", "they", "them"):
        return True
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return True
    if any(c.lower_ == "both" for c in head.lefts):
        return True  # "both men": two already introduced
    if head.pos_ == "NUM":
        return any(c.lower_ in _DEFINITE for c in head.lefts) or (
            head.i > 0 and head.doc[head.i - 1].lower_ in _DEFINITE
        )
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.lefts)


def _span_text_quantity(tokens) -> Quantity | None:
    if not tokens:
        return None
    doc = tokens[0].doc
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    return parse_quantity(text)


def _number_tokens(num) -> list:
    """The tokens of a figure: "at least 12", "5 to 7", "more than 2,000", "two hundred"."""
    keep = {"quantmod", "advmod", "compound", "nummod", "prep", "pobj", "cc", "conj", "nmod", "amod"}
    toks = [num]
    for child in num.children:
        if child.dep_ in keep and abs(child.i - num.i) <= 3:
            if child.lower_.rstrip(".") in _MONTHS and child.text[0].isupper():
                continue  # "25 Aug. Five people": the date is not part of the figure
            toks.extend(t for t in child.subtree if abs(t.i - num.i) <= 3)
    toks = sorted(set(toks), key=lambda t: t.i)
    lo, hi = toks[0].i, toks[-1].i
    return list(num.doc[lo : hi + 1])


def _figure_of(head) -> _Figure | None:
    """How many people the noun phrase headed by ``head`` counts, with its span."""
    total: Quantity | None = None
    start, end = head.idx, head.idx + len(head.text)
    parts = [head] + [c for c in head.conjuncts if c != head and _counts_apart(c)]
    victims = None
    for part in parts:
        q, lo_tok = _quantity_of_part(part)
        if q is None:
            if part == head:
                return None
            continue
        victims = victims or _victim_kind(part) or _victim_of_num(part)
        total = q if total is None else _add(total, q)
        start = min(start, lo_tok.idx)
        end = max(end, part.idx + len(part.text))
    if total is None:
        return None
    return _Figure(total, start, end, victims, anaphoric=len(parts) == 1 and _is_anaphoric(head))


def _counts_apart(conj) -> bool:
    """Whether a conjunct is another victim: "a man and his son" (2), not "scholar and teacher" (1)."""
    if conj.like_num or conj.pos_ == "NUM":
        # "6 seriously injured and 1 killed": a number with its own casualty verb is another claim
        return not any(c.dep_ in ("acl", "relcl", "amod") and _cue_kind(c) for c in conj.children)
    if conj.pos_ == "PRON":
        return conj.lower_ in ("he", "she", "him", "her")
    if conj.pos_ not in ("NOUN", "PROPN"):
        return False
    if conj.pos_ == "NOUN" and _victim_kind(conj) is None:
        return False  # "the death of one and several houses destroyed"
    return any(c.dep_ in ("det", "poss", "nummod") or c.like_num for c in conj.lefts) or conj.pos_ == "PROPN"


def _victim_of_num(num) -> str | None:
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _victim_kind(pobj)
    return None


def _add(a: Quantity, b: Quantity) -> Quantity:
    def plus(x, y):
        return None if x is None or y is None else x + y

    return Quantity(plus(a.low, b.low), plus(a.best, b.best), plus(a.high, b.high), a.vague or b.vague)


def _quantity_of_part(tok):
    """(Quantity, first token) for one conjunct of a victim phrase, or (None, None)."""
    low = tok.lower_
    if tok.like_num or tok.pos_ == "NUM":
        toks = _number_tokens(tok)
        q = _span_text_quantity(toks) or parse_quantity(tok.text)
        if q is not None:
            return q, toks[0] if _span_text_quantity(toks) else tok
    if low in _VAGUE or (low == "number" and any(c.lower_ in ("unknown", "unspecified", "undisclosed") for c in tok.children)):
        if low == "number":
            return Quantity(None, _VAGUE["unknown"], None, vague=True), tok.left_edge
        return Quantity(_VAGUE[low], _VAGUE[low], None, vague=True), tok
    if tok.lemma_.lower() in _ANIMALS or tok.lower_ in _ANIMALS:
        return None, None  # "over 100 camels have been killed"
    for child in tok.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "det", "quantmod") and child.like_num):
            if _is_day_of_month(child) or child.lower_.rstrip(".") in _MONTHS:
                continue  # "12 Mar. 4 villagers": the date is not the figure
            toks = _number_tokens(child)
            q = _span_text_quantity(toks)
            if q is not None:
                return q, toks[0]
            q = parse_quantity(child.text)  # "At last five" (sic): the number alone
            if q is not None:
                return q, child
        if child.dep_ in ("amod", "det") and child.lower_ in _VAGUE:
            v = _VAGUE[child.lower_]
            return Quantity(v, v, None, vague=True), child
        if child.dep_ == "quantmod" and child.lower_ == "dozen":
            return Quantity(12, 12, 12), child
    both = next((c for c in tok.lefts if c.dep_ in ("det", "predet") and c.lower_ == "both"), None)
    if both is not None:
        return Quantity(2, 2, 2), both  # "both men were killed"
    num = _number_before(tok)
    if num is not None:
        q = parse_quantity(num.text)
        if q is not None:
            return q, num
    if low in ("he", "she", "him", "her"):
        return Quantity(1, 1, 1), tok
    # the tagger reads a bare person word of a headline as an adjective ("gunmen kill civilian", "kills
    # elder"): as an object or subject it is still one person
    kind = _victim_kind(tok)
    bare_person = tok.tag_ in ("JJ", "JJR") and tok.dep_ in ("dobj", "nsubjpass", "nsubj", "ROOT") and kind is not None
    if (tok.tag_ in ("NN", "NNP") or bare_person) and kind != "people" and tok.lemma_ not in _NOT_PERSONS:
        # "a man was killed", "the driver died", "Unknown gunmen kill Mungiki sect spokesman",
        # "James Orengo was killed": one person
        first = tok.left_edge if tok.left_edge.i < tok.i else tok
        if not any(c.lower_ in ("no", "every", "each", "any", "all") for c in tok.lefts):
            return Quantity(1, 1, 1), first
    return None, None


_AGE_WORDS = frozenset(("old", "yr", "yrs", "year", "years", "aged", "month", "months"))
_NAME_PARTS = frozenset(("compound", "amod", "nmod", "appos", "punct"))


def _number_before(noun):
    """A figure written just before a noun phrase the parse did not tie to it: "01 Oct. 7 people killed"
    (7 hangs on the date), "Two Kenya Defence Forces (KDF) soldiers" (Two counts the Forces). Only a plain
    number, never a date's day or a year, and only across the phrase's own modifiers."""
    doc = noun.doc
    j, depth = noun.i - 1, 0
    while j >= 0 and noun.i - j <= 8 and not doc[j + 1].is_sent_start:
        t = doc[j]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and not (t.dep_ in _NAME_PARTS and t.pos_ in ("PROPN", "ADJ", "NOUN", "VERB")):
            break
        j -= 1
    if j < 0 or depth != 0 or doc[j + 1].is_sent_start:
        return None  # nothing before the phrase in its sentence, or an unclosed parenthesis
    t = doc[j]
    if not (t.like_num or t.pos_ == "NUM"):
        return None  # a number the parse ties to the noun counts too: some tolls have no other path
    if t.text.isdigit() and len(t.text) == 4 or _is_day_of_month(t) or t.head.pos_ in ("VERB", "AUX"):
        return None
    if any(w.lower_ in _AGE_WORDS for w in doc[j + 1 : noun.i]):
        return None  # "a 5 yr old child": an age
    if j + 1 < len(doc) and doc[j + 1].lower_.rstrip(".") in _MONTHS:
        return None
    return t


def _negated_subject(tok) -> bool:
    text = " ".join(t.lower_ for t in tok.subtree)
    return text in _NEGATIVE_SUBJECTS or any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children)


def _victim_heads(cue) -> list:
    """The noun phrase(s) a casualty verb or adjective counts."""
    if _headline_verb_on_its_object(cue):
        return [cue.head]
    # the first object, where there are two: "killing all eight of them: six foreign staff, their guide
    # and their driver" (the parser makes the breakdown after the colon a second object)
    deps = {c.dep_: c for c in reversed(list(cue.children)) if c.dep_ == "dobj"}
    deps.update({c.dep_: c for c in cue.children if c.dep_ != "dobj"})
    lemma = cue.lemma_.lower()
    if "nsubjpass" in deps:
        return [deps["nsubjpass"]]
    if "nsubj" in deps and "dobj" not in deps and lemma in _STATUS_VERBS and any(
            c.lower_ == "dead" for c in cue.children):
        return [deps["nsubj"]]  # headline style: "One officer reported dead", "3 found dead"
    if lemma not in DIE_VERBS and "dobj" not in deps:
        # "a mob lynched and burned three men": the object of the next harm verb is shared
        for conj in (c for c in cue.children if c.dep_ == "conj" and c.lemma_.lower() in _HARM_VERBS):
            obj = next((c for c in conj.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return [obj]
    prev = cue.doc[cue.i - 1] if cue.i > 0 and not cue.is_sent_start else None
    if prev is not None and prev.like_num and cue.tag_ in ("VBN", "JJ"):
        return [prev]  # headline style: "4 killed by armed men", "3 dead"
    if "nsubj" in deps and "dobj" not in deps and is_reduced_passive(cue):
        return [deps["nsubj"]]  # "Four police and one reservist killed, two police missing"
    if cue.tag_ == "VBN" and "nsubj" in deps and "dobj" not in deps and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children
    ):
        return [deps["nsubj"]]  # headline style: "1 Somali killed", "One man hacked to death"
    if lemma in DIE_VERBS or (lemma == "lose" and any(c.lemma_ in ("life", "live") for c in cue.children)):
        if "nsubj" in deps:
            if deps["nsubj"].lower_ in ("who", "that", "which") and cue.dep_ == "relcl":
                return [cue.head]
            return [deps["nsubj"]]
    if "dobj" in deps and lemma not in DIE_VERBS:
        return [deps["dobj"]]
    down = next((c for c in cue.children if c.lower_ == "down" and c.dep_ in ("advmod", "prep")), None)
    if down is not None:  # "guns down two officers", parsed as a preposition and its object
        objects = [o for o in down.children if o.dep_ == "pobj"]
        if objects:
            return objects
    nums = [c for c in cue.rights if c.like_num and c.dep_ in ("nummod", "npadvmod", "attr", "oprd")]
    if nums and lemma not in DIE_VERBS:
        return [nums[0]]  # "Degodia clan attacks Garre civilians and kills 4"
    subj = deps.get("nsubj")
    if subj is not None and subj.lower_ in ("who", "that", "which") and cue.dep_ == "relcl":
        return [cue.head]  # "one gang member, who died later in hospital"
    if subj is not None and (lemma in _KILL_VERBS or lemma in _INJURE_VERBS) and cue.dep_ == "ROOT" \
            and not any(c.dep_ in ("aux", "ccomp", "xcomp", "prep") and c.lemma_ == "have" for c in cue.children):
        # "Seven MRC members and two police officers killed": a headline, kill has no object
        if not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
            return [subj]
    if cue.dep_ in ("acl", "amod", "relcl") and cue.head.pos_ in ("NOUN", "NUM", "PROPN", "PRON"):
        return [cue.head]
    if "nsubj" in deps and cue.pos_ == "ADJ":
        return [deps["nsubj"]]
    own_num = [c for c in cue.lefts if c.like_num and c.dep_ in ("npadvmod", "nummod", "nsubj")]
    if own_num:  # "... and 15 more injured"
        return [own_num[-1]]
    if cue.dep_ == "conj" and any(c.dep_ == "auxpass" for c in cue.children):
        return []  # a passive with its own (missing) subject: "... and 3 officers were killed"
    if cue.dep_ == "conj" and cue.head.pos_ in ("VERB", "ADJ"):
        # "were killed and wounded": the subject is shared
        return _victim_heads(cue.head) if cue.head != cue else []
    if cue.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl") and cue.head.pos_ in ("VERB", "AUX"):
        # "leaving 3 people dead", "were confirmed dead", "are feared dead"
        verb = cue.head
        vdeps = {c.dep_: c for c in verb.children}
        for dep in ("dobj", "nsubjpass", "nsubj"):
            if dep in vdeps:
                return [vdeps[dep]]
    if "nsubj" in deps and cue.pos_ == "ADJ":
        return [deps["nsubj"]]
    return []


_KILL_TYPO = re.compile(r"^kil+i?e?d$|^kil+ing$|^kil+s$")


def _headline_verb_on_its_object(tok) -> bool:
    """A headline's killing verb the tagger made a modifier of its object ("Residents lynch man
    accused of stealing": "lynch" a compound of "man")."""
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.lemma_.lower() in _KILL_VERBS and \
        tok.head.i == tok.i + 1 and _victim_kind(tok.head) is not None and \
        tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("NNS", "NNP", "NNPS")  # its subject: not "a murder suspect"


def _cue_kind(tok) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if _KILL_TYPO.match(low) and lemma != "kill" and low not in ("killing", "kills"):
        return "killed"  # misspelt and mis-tagged: "17 killied including 8 children" (sic)
    if lemma == "gun" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "down" for c in tok.children):
        return "killed"  # "a preacher is gunned down", "militia guns down two officers"
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP", "VB"):
        if lemma in _KILL_VERBS or lemma in DIE_VERBS:
            return "killed"
        if lemma in _INJURE_VERBS:
            return "injured"
        if lemma == "lose" and any(c.lemma_ in ("life", "live") for c in tok.children):
            return "killed"
        if tok.pos_ == "VERB":
            if any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "dobj", "advcl")
                   for c in tok.children) or any(
                c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children) for c in tok.children
            ) or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead"
                  and tok.doc[tok.i + 1].head.i > tok.i + 1):
                # "was shot dead - motivations are unknown": the parser hung "dead" on a later word
                return "killed"
    if _headline_verb_on_its_object(tok):
        return "killed"
    if low == "dead" and tok.pos_ in ("ADJ", "NOUN"):
        return "killed"
    if low in ("injured", "wounded", "hurt") and tok.pos_ in ("ADJ", "NOUN"):
        return "injured"
    if tok.pos_ in ("NOUN", "PROPN"):
        if low in _KILL_NOUNS or lemma in _KILL_NOUNS:
            return "killed"
        if low in _INJURE_NOUNS or lemma in _INJURE_NOUNS:
            return "injured"
        if lemma in ("casualty", "casualties"):
            return "casualties"
    return None


_MONTHS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december".split()
)


def _is_day_of_month(tok) -> bool:
    """A day number beside a month name is a date: "25 Aug. Five people were killed", "On Oct 3, 4
    people ..." ("01 Oct. 7 people killed": 01 is the day, 7 the figure)."""
    if not tok.text.isdigit() or not 1 <= int(tok.text) <= 31:
        return False
    doc = tok.doc

    def month(j: int) -> bool:
        if not 0 <= j < len(doc):
            return False
        word = doc[j].lower_.rstrip(".")
        return word in _MONTHS and (word != "may" or doc[j].text[0].isupper())

    if month(tok.i + 1):
        return True
    if month(tok.i - 1):
        before = doc[tok.i - 2] if tok.i >= 2 else None
        return not (before is not None and before.text.isdigit() and int(before.text) <= 31)
    return False


def _noun_cue_figure(cue) -> _Figure | None:
    """ "3 deaths", "the deaths of 39 civilians", "the death toll rose to 20", "no fatalities"."""
    for child in cue.children:
        if child.dep_ in ("nummod",) or (child.dep_ in ("amod", "compound") and child.like_num):
            if _is_day_of_month(child):
                continue
            toks = _number_tokens(child)
            q = _span_text_quantity(toks)
            if q is not None:
                return _Figure(q, toks[0].idx, cue.idx + len(cue.text), None)
        if child.dep_ in ("amod", "det") and child.lower_ in _VAGUE:
            v = _VAGUE[child.lower_]
            return _Figure(Quantity(v, v, None, True), child.idx, cue.idx + len(cue.text), None)
    preps = [c for c in cue.children if c.dep_ == "prep"]
    doc = cue.doc
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) and not doc[cue.i + 1].is_sent_start else None
    if nxt is not None and nxt.dep_ == "prep" and nxt not in preps:
        preps.append(nxt)  # "injuries to several residents" with "to" attached to the verb
    for child in preps:
        if child.lower_ in ("of", "to", "among"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    fig = _figure_of(pobj)
                    if fig is not None:
                        fig.start = min(fig.start, cue.idx)
                        return fig
    if cue.lemma_.lower() == "toll" and (
            cue.dep_ == "nsubj" and cue.head.lemma_.lower() in _TOLL_VERBS
            or cue.dep_ == "nsubjpass" and cue.head.lemma_.lower() in _TOLL_VERBS | _TOLL_REVISIONS):
        # "The death toll in an attack on Sunday by ... has risen to 11": the figure the verb reaches;
        # "the death toll was raised to six", "was revised from 1 to 4": the figure it was brought to
        verb = cue.head
        figures = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")
                   for p in c.children if p.dep_ == "pobj" and (p.like_num or p.pos_ == "NUM")]
        figures += [c for c in verb.children if c.dep_ in ("dobj", "attr") and (c.like_num or c.pos_ == "NUM")]
        if figures:
            toks = _number_tokens(figures[0])
            q = _span_text_quantity(toks)
            if q is not None:
                return _Figure(q, cue.idx, toks[-1].idx + len(toks[-1].text), None)
    if cue.lemma_.lower() == "toll" or cue.lower_ in ("fatalities", "deaths"):
        # "the death toll rose to 20", "toll stands at 12": the first figure after the word
        for tok in cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 8)]:
            if tok.is_sent_start or (tok.lower_ not in _TOLL_LINKS and not tok.like_num):
                break
            if tok.like_num and tok.pos_ == "NUM":
                toks = _number_tokens(tok)
                q = _span_text_quantity(toks)
                if q is not None:
                    return _Figure(q, cue.idx, toks[-1].idx + len(toks[-1].text), None)
    return None


_TOLL_VERBS = frozenset("rise climb reach stand hit jump increase pass mount grow".split())
_TOLL_REVISIONS = frozenset("raise revise put update lift".split())
# Words between "death toll" and its figure: "rose to", "stood at", "has climbed to", ":".
_TOLL_LINKS = {
    "to", "at", "of", "rose", "rises", "risen", "stands", "stood", "reached", "reaches", "climbed",
    "climbs", "is", "was", "has", "had", "have", "now", "increased", "jumped", "hit", "passed", ":",
    "=", "-", "officially", "at least", "least", "more", "than", "over", "about", "around",
    "nearly", "some", "total", "totals", "up", "by",
}


def _is_negated_noun(cue) -> bool:
    return any(c.lower_ in ("no", "zero") and c.dep_ in ("det", "nummod", "amod") for c in cue.children)


_CUMULATIVE_WINDOW = 25  # tokens either side of the casualty word: its clause, not a whole run-on


def _cumulative(sent, cue) -> bool:
    doc = cue.doc
    lo = max(sent.start, cue.i - _CUMULATIVE_WINDOW)
    hi = min(sent.end, cue.i + _CUMULATIVE_WINDOW)
    window = doc[lo:hi]
    if _CUMULATIVE_RE.search(window.text):
        return True
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    for _ in range(3):
        if any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ")
               for c in verb.children):
            if _increment(window):
                return False  # "four more people have been killed in the conflict": the latest deaths
            return any(
                (t.lemma_.lower() in _PERIOD_CAUSES or t.lower_ in _PERIOD_CAUSES)
                and t.tag_ in ("NNS", "NN")
                and not _one_outbreak(t)
                for t in window
            )
        if verb.head == verb:
            break
        verb = verb.head
    return False


_OUTBREAK_WORDS = {"fresh", "renewed", "new", "latest", "overnight", "weekend"}


def _one_outbreak(cause) -> bool:
    """A fighting word that names one outbreak, not a period: "have died following inter-tribal
    conflict", "have been killed in fresh violence"."""
    if cause.dep_ in ("pobj", "dobj") and cause.head.lower_ in ("following", "after"):
        return True
    return any(c.lower_ in _OUTBREAK_WORDS for c in cause.children)


def _increment(window) -> bool:
    """A figure that adds to earlier deaths ("four more people", "two other soldiers") reports new ones."""
    return any(t.lower_ in ("more", "other", "further", "additional") and t.i > 0 and t.nbor(-1).like_num
               for t in window)


_SEPARATE_RE = re.compile(r"\bcoded\s+(?:sep[ae]rately|se[pa]+rately|in\s+(?:a\s+)?sep[ae]rate)", re.I)
# A death that motivates the event rather than happening in it: "protest the killing of a driver".
_MOTIVE_VERBS = {
    "protest", "avenge", "revenge", "mourn", "condemn", "demand", "investigate", "denounce",
    "commemorate", "decry", "blame",
}
_MOTIVE_PREPS = {"over", "against", "after", "following", "for", "to", "about"}
_IRREALIS = {"attempt", "try", "plan", "threaten", "seek", "intend", "vow", "plot", "want"}


_CLAIM_VERBS = {"claim", "say", "report", "confirm", "admit", "allege"}


# Verbs that answer an earlier violent event named after "over" ("arrested over an attack that killed 4").
_REACTION_VERBS = {"arrest", "detain", "charge", "protest", "demonstrate", "riot", "sue", "convict", "sentence"}
_BACKGROUND_MARKS = {"after", "before", "until", "once"}
_ANIMALS = {
    "camel", "cattle", "cow", "goat", "sheep", "livestock", "animal", "donkey", "chicken", "dog",
    "head", "bull", "ox", "oxen", "horse", "pig", "elephant", "lion", "bird", "fish",
}


def _answered_by(prep) -> bool:
    """Whether a preposition introduces what its governor answers: "in connection with" anything, or
    "over" after an arrest, a charge or a protest."""
    governor = prep.head
    if prep.lower_ == "with":
        return governor.lower_ == "connection"
    return prep.lower_ == "over" and governor.pos_ == "VERB" and governor.lemma_.lower() in _REACTION_VERBS


def _in_background_clause(cue) -> bool:
    """A casualty word inside an "after ..." clause: what led to the event ("riots erupted after a man
    was killed", "protesters gathered after two were found dead")."""
    t = cue
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children):
            return t.dep_ in ("advcl", "prep", "pcomp", "pobj") or t.head.lower_ in _BACKGROUND_MARKS
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("after", "following", "before"):
            return True
        if t.dep_ == "pobj" and _answered_by(t.head):
            return True  # "arrested over / in connection with an attack which killed four": its reason
        if t.dep_ not in ("conj", "xcomp", "acomp", "oprd", "pobj", "pcomp", "prep", "amod", "nsubjpass", "dobj",
                          "auxpass", "relcl"):
            return False
        t = t.head
    return False


def _not_a_report(cue) -> bool:
    """Casualty words that state no casualties of this event: attempts, motives, "killed or wounded"."""
    if any(c.dep_ == "cc" and c.lower_ == "or" for c in cue.children) or (
        cue.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in cue.head.children)
    ):
        return True  # "killed or wounded": which one is unknown
    head = cue.head
    if cue.dep_ == "xcomp" and head.lemma_.lower() in _IRREALIS:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in cue.children):
        return True  # "a mob nearly lynched a pastor"
    if cue.pos_ == "VERB" and cue.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in cue.children
    ) and not (cue.dep_ == "xcomp" and head.lemma_.lower() in _CLAIM_VERBS):
        return True  # "to lynch two women": a purpose, not a result ("claim to have killed" is a claim)
    if cue.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.lower_ in ("could", "would", "may", "might", "will", "shall", "should", "can")
        for c in cue.children
    ):
        return True  # "could kill thousands"
    return False


def _is_motive(cue) -> bool:
    """A killing named as what another act answers ("protest the killing of a driver", "fled following
    the killing of ten fishermen"): it happened, but it is the background of that act."""
    if cue.pos_ == "NOUN" and cue.tag_ == "NN":
        if cue.dep_ == "dobj" and cue.head.lemma_.lower() in _MOTIVE_VERBS:
            return True
        if cue.dep_ == "pobj" and cue.head.lower_ in _MOTIVE_PREPS:
            return True
    return False


# what a person is accused of is no casualty of the event being reported ("police shot dead a man
# accused of killing three people", "the victim was suspected of killing two officers last month")
_ALLEGATION_HEADS = {
    "accuse", "suspect", "convict", "charge", "wanted", "arrest", "jail", "sentence", "indict", "prosecute",
    "acquit", "try", "detain", "guilty",
}


def _is_allegation(cue) -> bool:
    """A killing someone is accused, suspected, charged or convicted of: it is what the person is
    said to have done before, not what this event cost. "Claimed responsibility for killing" is a claim
    of the event itself and stays."""
    if cue.dep_ == "pcomp" and cue.head.lower_ in ("of", "for", "with", "over"):
        governor = cue.head.head
        return governor.lemma_.lower() in _ALLEGATION_HEADS or governor.lower_ in _ALLEGATION_HEADS
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ("suspect", "accuse") and cue.head.dep_ in ("acl", "relcl"):
        return True  # "the man suspected to have shot dead an area chief"
    return False


_ACLED_CODED_RE = re.compile(
    r"\bfatalit(?:y|ies)\s+(?:were\s+|are\s+|have\s+been\s+)?"
    r"(?:coded\s+as\s+(\d+)|split\s+(?:over|across|between)\s+\d+\s+(?:\w+\s+){0,2}\((\d+)\))"
    r"|\bFATALITI?[EI]?S\s*[:=]\s*(\d+)\b",
    re.I,
)


def _sentence_claims(sent, reporters, anaphoric: set) -> list[CountClaim]:
    doc = sent.doc
    claims: list[CountClaim] = []
    for m in _ACLED_CODED_RE.finditer(sent.text):
        n = int(m.group(1) or m.group(2) or m.group(3))
        start = sent.start_char + m.start()
        claims.append(CountClaim("killed", n, n, n, doc_text(doc)[start : start + len(m.group(0))],
                                 start, start + len(m.group(0)), None, "ACLED", False))
    coded = {(c.start, c.end) for c in claims}
    sep = _SEPARATE_RE.search(sent.text)
    opened = sent.text.rfind("(", 0, sep.start()) if sep else -1
    own_figures = opened > sent.text.rfind(")", 0, sep.start()) if sep else False
    own_figures = own_figures and bool(_NUM_RE.search(sent.text[opened + 1 : sep.start()]))
    if sep and not own_figures:
        # "2 killed (coded separately)": counted in another record. Inside parentheses of its own
        # ("2 police killed (and 3 civilians - coded separately)") it concerns only what they hold,
        # which is not counted anyway (a parenthesised figure).
        return claims
    counted: set[tuple[str, int]] = set()
    for tok in sent:
        kind = _cue_kind(tok)
        if kind is None or _not_a_report(tok):
            continue
        if any(c.lower_ in ("nearly", "almost") and c.dep_ == "advmod" for c in tok.children):
            continue  # "nearly lynched", "almost killed": nobody died
        if kind == "casualties":
            if _is_negated_noun(tok):
                for k in ("killed", "injured"):
                    claims.append(_claim(k, Quantity(0, 0, 0), tok.left_edge.idx,
                                         tok.idx + len(tok.text), None, sent, tok, reporters))
            continue
        noun_cue = tok.pos_ in ("NOUN", "PROPN") and not _headline_verb_on_its_object(tok)
        if noun_cue or (tok.lower_ in ("dead", "injured", "wounded")
                        and tok.dep_ not in ("acomp", "oprd", "xcomp", "ccomp", "amod", "conj")
                        and tok.pos_ != "VERB"):
            if _is_negated_noun(tok):
                claims.append(_claim(kind, Quantity(0, 0, 0), tok.left_edge.idx,
                                     tok.idx + len(tok.text), None, sent, tok, reporters))
                continue
            fig = _noun_cue_figure(tok)
            if fig is not None:
                claims.append(_claim(kind, fig.quantity, min(fig.start, tok.idx),
                                     max(fig.end, tok.idx + len(tok.text)), fig.victims, sent, tok,
                                     reporters))
                continue
            if not (tok.lower_ in ("dead", "injured", "wounded") and (
                    tok.dep_ == "amod" or any(c.dep_ == "nsubj" for c in tok.children))):
                continue  # "One soldier dead." still counts its subject
        before = len(claims)
        for head in _victim_heads(tok):
            if (kind, head.i) in counted:
                continue
            counted.add((kind, head.i))
            if _negated_subject(head):
                claims.append(_claim(kind, Quantity(0, 0, 0), head.left_edge.idx,
                                     tok.idx + len(tok.text), None, sent, tok, reporters))
                continue
            fig = _figure_of(head)
            if fig is None:
                continue
            claims.append(_claim(kind, fig.quantity, min(fig.start, tok.idx),
                                 max(fig.end, tok.idx + len(tok.text)), fig.victims, sent, tok,
                                 reporters))
            if fig.anaphoric:
                anaphoric.add((kind, claims[-1].start, claims[-1].end))
        if len(claims) == before and tok.pos_ in ("VERB", "ADJ", "NOUN"):
            fig = _adjacent_figure(tok)
            if fig is not None and not any(
                c.kind == kind and c.start < fig.end and fig.start < c.end for c in claims
            ):
                claims.append(_claim(kind, fig.quantity, min(fig.start, tok.idx),
                                     max(fig.end, tok.idx + len(tok.text)), fig.victims, sent, tok,
                                     reporters))
    # one claim per (kind, figure): "were killed ... dead" must not count twice
    out, seen = [], set(coded)
    for c in claims:
        key = (c.kind, c.start, c.end)
        if key in seen and c.reporter != "ACLED":
            continue
        seen.add(key)
        out.append(c)
    return _drop_nested(out)


_NON_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_SKIP_BETWEEN = {"reportedly", "also", "allegedly", "later", "all", "both", "dead", "seriously",
                 "critically", "fatally", "slightly", "severely", "been", "being"}


def _adjacent_figure(cue) -> _Figure | None:
    """Fallback when the parse links no victim: explicit numbers in the noun phrase right before a
    passive ("three police officers and one raider were killed") or right after an active verb
    ("shot dead two suspects"). Only written numbers count here, never a bare singular noun."""
    doc = cue.doc
    passive = cue.tag_ in ("VBN", "JJ") or any(c.dep_ == "auxpass" for c in cue.children)
    sides = ("left", "right") if passive else ("right", "left")
    for side in sides:
        step = -1 if side == "left" else 1
        j = cue.i + step
        skipped = 0
        while 0 <= j < len(doc) and skipped < 4 and (
            doc[j].pos_ in ("AUX", "ADV", "PART") or doc[j].lower_ in _SKIP_BETWEEN
        ) and not (side == "right" and doc[j].is_sent_start):
            j += step
            skipped += 1
        window = []
        while 0 <= j < len(doc) and len(window) < 10:
            t = doc[j]
            if side == "right" and t.is_sent_start:
                break
            if t.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "DET", "CCONJ") and t.text != "," and not (
                    t.is_upper and len(t.text) > 1 and t.is_alpha):  # "5 IS militants": an acronym
                break
            window.append(t)
            if side == "left" and t.is_sent_start:
                break
            j += step
        nums = [t for t in window if (t.like_num or t.pos_ == "NUM") and t.ent_type_ not in _NON_COUNT_ENTS]
        if not nums or any(t.lemma_.lower() in _ANIMALS or t.lower_ in _ANIMALS for t in window):
            continue
        total = None
        for n in nums:
            noun = n.head if n.dep_ == "nummod" else n
            if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i != cue.i and noun.head.pos_ == "VERB":
                continue  # "shot dead and seven police seriously injured": another verb's subject
            q = parse_quantity(n.text)
            if q is None:
                continue
            total = q if total is None else _add(total, q)
        if total is None:
            continue
        lo, hi = min(t.i for t in window), max(t.i for t in window)
        victims = next((v for t in window if (v := _victim_kind(t))), None)
        return _Figure(total, doc[lo].idx, doc[hi].idx + len(doc[hi].text), victims)
    return None


def _drop_nested(claims: list[CountClaim]) -> list[CountClaim]:
    """Keep one claim when two of the same kind cover the same figure."""
    keep = []
    for c in claims:
        if any(o is not c and o.kind == c.kind and o.start <= c.start and c.end <= o.end
               and (o.start, o.end) != (c.start, c.end) and o.best == c.best for o in claims):
            continue
        keep.append(c)
    return keep


def _claim(kind, q: Quantity, start, end, victims, sent, cue, reporters) -> CountClaim:
    claim = _make_claim(kind, q, start, end, victims, sent, cue, reporters)
    claim.background = _in_background_clause(cue) or _is_motive(cue) or _is_allegation(cue)
    return claim


def _make_claim(kind, q: Quantity, start, end, victims, sent, cue, reporters) -> CountClaim:
    doc = sent.doc
    # the source nearest before the figure in its sentence ("the IDF stated ..., though local sources
    # reported ... injuries"), else the one after it ("... were killed, the ministry said")
    same = [(a_start, text) for (s_start, s_end, a_start, text) in reporters if s_start <= start < s_end]
    before = [r for r in same if r[0] <= start]
    after = [r for r in same if r[0] > start]
    reporter = max(before)[1] if before else (min(after)[1] if after else None)
    return CountClaim(
        kind=kind,
        low=q.low,
        best=q.best,
        high=q.high,
        text=doc_text(doc)[start:end],
        start=start,
        end=end,
        victims=victims,
        reporter=reporter,
        # a period toll counts many people; one named death in such a sentence is a single event
        cumulative=(q.best is None or q.best > 1 or q.vague) and _cumulative(sent, cue),
    )


_RESTATEMENT_CHARS = 400  # a restatement follows its figure closely ("... Robert Barasa was shot dead")


def _drop_repeats(claims: list[CountClaim], anaphoric: set) -> list[CountClaim]:
    """Drop restatements: "the two dead" after "Two deaths", "he was killed" or "Robert Barasa was
    shot dead" after "gunmen shot dead a businessman" — victims already counted by an earlier claim."""
    out: list[CountClaim] = []
    for c in claims:
        earlier = [
            o for o in out
            if o.kind == c.kind and o.end <= c.start and not o.background and not o.cumulative
            and c.start - o.end <= _RESTATEMENT_CHARS
        ]
        if re.match(r"(?i)the\s", c.text) and any(o.best == c.best for o in earlier):
            continue
        if (c.kind, c.start, c.end) in anaphoric and any(
            (o.best or 0) >= (c.best or 0) for o in earlier
        ):
            continue
        out.append(c)
    return out


_GENERIC_NAMES = {
    "Government", "Military Forces", "Police Forces", "Civilians", "Protesters", "Rioters",
    "Unidentified Armed Group", "Unidentified Militia",
}


def find_counts(doc, article: Article, actors: list[ActorMention]) -> list[CountClaim]:
    """Every figure of people killed or injured in the article, in text order."""
    from truce.actors import find_attributions

    reporters = []
    try:
        sents = list(doc.sents)
    except ValueError:
        sents = [doc[:]]
    for att in find_attributions(doc, article, actors):
        for s in sents:
            if s.start_char <= att.start < s.end_char:
                generic = att.name is None or att.name in _GENERIC_NAMES
                reporters.append((s.start_char, s.end_char, att.start, att.text if generic else att.name))
    claims: list[CountClaim] = []
    anaphoric: set[tuple[str, int, int]] = set()
    for sent in sents:
        claims += _sentence_claims(sent, reporters, anaphoric)
    claims.sort(key=lambda c: (c.start, c.kind))
    claims = _drop_repeats(claims, anaphoric)
    log.debug("article %s: %d count claims", article.id, len(claims))
    return claims
