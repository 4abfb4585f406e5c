"""Trigger detection: find the words that report an event, from the lexicon and a few dependency rules.

A trigger is a verb ("struck", "killed"), a noun ("airstrike", "talks") or a phrase ("open fire",
"pull out", "held talks"). Light verbs ("launched a strike", "carried out an airstrike", "staged a
protest") are handled by the roles step: the noun is the trigger and the verb lends it a subject.
Everything here is linear in the number of tokens, so very long sentences cost no more per word.
"""

from __future__ import annotations

from dataclasses import dataclass

from truce.events.lexicon import Lexicon, TriggerEntry

__all__ = ["Trigger", "find_triggers", "demand_clause", "LIGHT_VERBS", "OUTCOME_LEMMAS"]

# Verbs that lend their subject to an event noun: "carried out an airstrike", "held talks".
LIGHT_VERBS = frozenset(
    "carry conduct launch stage mount hold make take wage unleash execute perform begin start "
    "continue resume organize organise lead stage join hold escalate intensify step renew "
    "undertake commit claim order announce".split()
)

# Triggers that only report an outcome (someone died); they merge into a richer violent event nearby.
OUTCOME_LEMMAS = frozenset("kill killing injure wound die perish succumb death dead".split())

# Objects that make a verb trigger non-eventive ("released a statement", "hit a record").
_NON_EVENT_OBJECTS = frozenset(
    "statement report video footage figure data image photo list detail name result record "
    "note letter book song album film".split()
)
# Reactions, which a statement or a report can draw ("welcomed the statement", "condemned the video").
_REACTIONS = frozenset(("SUPPORT", "ACCUSE", "REJECT"))
# What is executed without anyone being killed.
_EXECUTED_THINGS = frozenset(
    "plan order operation mission strike airstrike attack raid warrant contract policy programme program "
    "project deal agreement move manoeuvre maneuver trade transaction command decision strategy".split()
)
_STRIKE_LABOUR = frozenset(
    "worker teacher doctor nurse lecturer staff employee union driver general hunger labour labor "
    "industrial national nationwide sit student trader miner operator official".split()
)
_STRIKE_MILITARY = frozenset(
    "air drone missile rocket military israeli precision targeted retaliatory preemptive "
    "pre-emptive deadly overnight".split()
)
_NOUN_POS = ("NOUN", "PROPN")
_FILING_VERBS = frozenset("lodge file register deliver submit send".split())

# Nouns that name a state of affairs more often than an event ("the ceasefire", "disarmament",
# "cooperation"): they are events only when a verb makes them happen ("reached a ceasefire", "signed an
# agreement", "announced sanctions") or when they are the lexicon's stronger entries.
_STATE_NOUNS = frozenset("ceasefire truce deal agreement accord".split())
_WEAK_NOUN_WEIGHT = 0.5
_SUPPORT_VERBS = frozenset(
    "reach sign agree broker announce conclude seal strike approve accept secure finalize finalise "
    "negotiate impose issue express voice draw face receive deliver send provide lift declare break "
    "violate extend ratify adopt endorse back welcome reject breach propose implement launch open "
    "begin start hold resume conduct carry make take stage mount wage order call demand lodge file give".split()
)


# A reported "X must/should do Y" is the speaker's demand of X: "Russia said Sudan must return the
# helicopter", "Lebanon insists Israel should withdraw". The content verb becomes a REQUEST, of mode
# "yield" when what is asked is to give something up (withdraw, disarm, release, lift, stop...).
_DEMAND_MODALS = frozenset(("must", "should"))
_YIELD_PLOVER = frozenset(("RETREAT", "CONCEDE"))
_YIELD_LEMMAS = frozenset(
    "withdraw disarm release return free hand lift stop end cease halt drop leave pull surrender "
    "abandon dismantle evacuate remove".split()
)


def demand_clause(token, report_verbs: frozenset[str]):
    """(speaker, addressee) tokens when ``token`` heads a clause "X must/should V" that one of
    ``report_verbs`` (the lexicon's ``report_verb`` cues: "said", "insisted") reports, else None.

    Only a named or described addressee counts: a pronoun may be the speaker itself ("Iran said it must
    respond" is a resolve, not a demand)."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "ccomp":
        return None
    auxes = [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]
    if not any(a in _DEMAND_MODALS for a in auxes) or "have" in auxes:
        return None  # "should have acted", "must have known": a reproach or a guess, not a demand
    head = token.head
    if _lemma(head) not in report_verbs:
        return None
    speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    addressee = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if speaker is None or addressee is None or addressee.pos_ == "PRON":
        return None
    if any(c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS and c.i < addressee.i for c in token.children):
        return None  # "should Hezbollah continue rearming": a condition, not a demand
    return speaker, addressee


@dataclass(slots=True)
class Trigger:
    """A candidate event word with the lexicon entry that fired (which may be overridden in context)."""

    token: int  # index of the head token in the Doc
    start: int  # character span of the trigger words
    end: int
    entry: TriggerEntry
    plover: str
    mode: str | None
    rule: str


def _strike_verb_reading(token) -> str | None:
    """For the verb "strike": "labour" when workers strike ("striking doctors", "teachers struck")."""
    if token.dep_ == "amod" or token.lower_ == "striking" and token.head.pos_ in _NOUN_POS:
        return "labour" if _lemma(token.head) in _STRIKE_LABOUR or token.head.lemma_ in (
            "doctor", "nurse", "worker", "teacher", "lecturer", "employee", "driver", "staff") else None
    if any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return None  # "struck a convoy", "was struck by a missile"
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ in ("conj", "xcomp", "dobj") and token.head.pos_ in ("VERB", "NOUN"):
        # "workers strike, protest for a raise", "health workers stage strike": the head's subject
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if subjects and any(_lemma(_through_of(s)) in _STRIKE_LABOUR for s in subjects):
        return "labour"
    return None


_GROUP_WORDS = frozenset("group groups team crowd number hundreds dozens thousands scores section".split())


def _through_of(token):
    """The people a group word stands for: "a group of workers" -> workers."""
    if _lemma(token) in _GROUP_WORDS or token.lower_ in _GROUP_WORDS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return obj
    return token


def _verb_tagged_as_noun(token, entry: TriggerEntry) -> bool:
    """Headlines and terse notes get verbs tagged as nouns ("MRC kidnaps IEBC official"): accept a
    strong verb entry on a bare noun (no determiner, possessive or adjective of its own)."""
    if entry.pos != "V" or entry.weight < 0.8 or token.pos_ not in _NOUN_POS:
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "nummod") for c in token.children)


def _pos_ok(entry: TriggerEntry, pos: str) -> bool:
    if pos == "VERB":
        return "V" in entry.pos
    if pos in _NOUN_POS:
        return "N" in entry.pos
    return False


def _lemma(token) -> str:
    return token.lemma_.lower()


def _upper_lemmas(token) -> list[str]:
    """Lemma guesses for an all-caps word, which the tagger cannot lemmatise ("KILLED" -> "kill")."""
    w = token.lower_
    out = [w]
    for suffix, repl in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", ""), ("d", "")):  # fmt: skip
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix)] + repl)
    if len(w) > 4 and w[-3] == w[-4] and w.endswith("ed"):  # "STABBED" -> "stab"
        out.append(w[:-3])
    return out


_TYPO_MIN_LENGTH = 6
_TYPO_MIN_WEIGHT = 0.7


def _one_slip(word: str, form: str) -> bool:
    """``word`` is ``form`` with two neighbouring letters swapped, one letter left out or one added
    ("attakced", "demonstated", "killled"); a letter replaced is not a slip here, since real words
    differ so from trigger forms ("attacker", "looter")."""
    if len(word) == len(form):
        diff = [i for i in range(len(word)) if word[i] != form[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == form[diff[1]] and word[diff[1]] == form[diff[0]]
    short, long_ = (word, form) if len(word) < len(form) else (form, word)
    if len(long_) - len(short) != 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _misspelt_trigger(token, lexicon: Lexicon) -> str | None:
    """The lemma of the strong trigger a misspelt word stands for, or None. ACLED notes and wire copy
    carry slips ("Raiders attakced several houses", "traders demonstated"); the first three letters
    must be right, and the word must not itself be a trigger form."""
    word = token.lower_
    if len(word) < _TYPO_MIN_LENGTH or not word.isalpha() or not word.endswith(("ed", "ing")):
        return None  # only verb forms: a plural or other word one letter off is too often real ("injuries")
    near = lexicon.verb_forms(_TYPO_MIN_WEIGHT, _TYPO_MIN_LENGTH).get(word[:3], {})
    if word in near:
        return None
    return next((lemma for form, lemma in near.items() if _one_slip(word, form)), None)


def _strike_reading(token) -> str | None:
    """For the noun "strike": "labour", "military" or None when unclear."""
    words = {_lemma(c) for c in token.children}
    if token.i > 0:
        words.add(_lemma(token.doc[token.i - 1]))
    if token.head != token and _lemma(token.head) in ("go", "call", "declare", "end", "call off"):
        return "labour"
    if words & _STRIKE_LABOUR:
        return "labour"
    if any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        return "military"  # "a strike on Beirut"
    if token.dep_ == "dobj" and _lemma(token.head) in ("stage", "hold", "begin", "start") and any(
        c.dep_ == "nsubj" and _lemma(_through_of(c)) in _STRIKE_LABOUR for c in token.head.children
    ):
        return "labour"  # "health workers stage strike"
    if words & _STRIKE_MILITARY:
        return "military"
    if token.dep_ == "pobj" and token.head.lower_ == "on" and _lemma(token.head.head) in (
        "go", "be", "remain", "stay", "continue", "come", "call"
    ):
        return "labour"  # "went on strike"
    return None


def _governed(token) -> bool:
    """True when a verb makes the noun ``token`` happen: its object, passive subject or "X took effect"."""
    head = token.head
    if head == token:
        return False
    if head.pos_ == "VERB" and _lemma(head) in _SUPPORT_VERBS and token.dep_ in ("dobj", "nsubjpass", "attr"):
        return True
    if token.dep_ == "nsubj" and _lemma(head) in ("take", "come", "enter", "collapse", "hold", "break"):
        return True
    return False


def _skip(token, entry: TriggerEntry) -> bool:
    """Readings of a lexicon word that are not events."""
    lemma = _lemma(token)
    if token.ent_type_ in ("DATE", "TIME") or (token.text == "March" and token.i > 0 and (
            token.doc[token.i - 1].like_num or token.doc[token.i - 1].lower_ in ("in", "on", "of", "early", "late", "mid"))):
        return True  # "On 6 March 2020", "in March": the month, not a march
    if token.pos_ in _NOUN_POS and "V" not in entry.pos or token.pos_ in _NOUN_POS and entry.pos == "VN":
        if (lemma in _STATE_NOUNS or entry.weight < _WEAK_NOUN_WEIGHT) and not _governed(token):
            return True
    if token.pos_ == "VERB" and entry.plover not in _REACTIONS:
        objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
        if objects and all(_lemma(o) in _NON_EVENT_OBJECTS for o in objects):
            return True  # ... but "welcomed the statement", "rejected the report" react to them
    if lemma == "attack" and any(_lemma(c) == "heart" for c in token.children):
        return True
    if lemma in ("wound", "injure", "dead") and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True  # "evacuated the wounded": the people an earlier event hurt, not an event
    if lemma == "decline" and not any(c.dep_ == "xcomp" and _lemma(c) not in _NO_COMMENT for c in token.children):
        return True  # "declined to resign" refuses; "declined to comment", "prices declined" do not
    if lemma == "arrest" and any(_lemma(c) in ("cardiac", "heart", "respiratory") for c in token.children):
        return True  # "suffered a cardiac arrest"
    if lemma == "apprehend" and any(c.dep_ == "dobj" and _lemma(c) in _FEARED_THINGS for c in token.children):
        return True  # "apprehending trouble", "apprehended cross-voting": fearing, not arresting
    if lemma == "execute" and not any(c.dep_ in ("dobj", "nsubjpass") and _lemma(c) not in _EXECUTED_THINGS
                                      for c in token.children):
        return True  # "executed a plan", "executed an airstrike": carried out; "executed 15 farmers" killed
    if lemma == "target" and token.dep_ in ("amod", "compound", "acomp"):
        return True  # "targeted activities", "targeted sanctions": a kind of thing, not an attack
    if lemma in ("death", "dead") and token.head.lemma_ in ("sentence", "threat", "toll"):
        return True
    if lemma in ("kill", "injure") and _accidental(token):
        return True  # "part of the school collapsed, killing eight children": no one attacked
    if token.dep_ == "compound" and token.pos_ in _NOUN_POS and _lemma(token.head) in _KIND_OF_THING:
        return True  # "the arrest warrant", "attack helicopters", "the arrest rate": a kind of thing
    return False


# What kills or injures without anyone attacking: a collapse, a crash, a flood.
_ACCIDENT_VERBS = frozenset("collapse crash capsize derail overturn sink cave".split())
_ACCIDENT_NOUNS = frozenset("accident crash collapse flood floods flooding landslide lightning storm "
                            "earthquake stampede disease cholera outbreak".split())


def _accidental(token) -> bool:
    """The killing is an accident's: its subject, or the verb it follows, is a collapse, crash,
    flood ... ("the building collapsed, killing eight", "floods killed 20")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.dep_ in ("advcl", "xcomp", "conj") and token.head.pos_ == "VERB":
        if _lemma(token.head) in _ACCIDENT_VERBS:
            return True
        subjects += [c for c in token.head.children if c.dep_ == "nsubj"]
    return any(_lemma(c) in _ACCIDENT_NOUNS for c in subjects)


# what a source declines to do without refusing anything that matters: "declined to comment"
_NO_COMMENT = frozenset(("comment", "say", "elaborate", "confirm", "disclose", "discuss", "name", "give", "provide",
                         "specify", "answer", "respond", "speak", "identify", "reveal", "detail"))  # fmt: skip
# what one fears rather than arrests: "the administration is apprehending trouble"
_FEARED_THINGS = frozenset(("trouble", "violence", "danger", "threat", "attack", "clash", "unrest", "tension",
                            "problem", "crisis", "risk", "loss", "defeat", "backlash", "retaliation", "reprisal",
                            "alienation", "cross", "voting", "disturbance", "breakdown", "outbreak"))  # fmt: skip
# nouns that an event noun before them only classifies ("arrest warrant", "attack helicopter")
_KIND_OF_THING = frozenset(("warrant", "rate", "helicopter", "aircraft", "dog",
                            "squad", "record", "certificate", "figure", "statistic", "ship", "submarine",
                            "vehicle", "capability", "capabilities"))  # fmt: skip


def _fires_crowd_control(token, lexicon: Lexicon) -> bool:
    """The verb's object is a crowd-control means (cue class ``crowd_control``: tear gas, water cannon,
    rubber bullets), so "fired" or "shot" it at people disperses them rather than shooting them."""
    objects = [" ".join(t.lower_ for t in c.subtree) for c in token.children if c.dep_ == "dobj"]
    return any(lexicon.cue_regex("crowd_control").search(o) for o in objects)


# what may complete a head+dependent pair from the next word when the parse separates them
_PARTICLE_POS = frozenset({"ADJ", "ADV", "ADP", "PART"})


def find_triggers(doc, lexicon: Lexicon, sentence) -> list[Trigger]:
    """Every trigger in one sentence (a spaCy ``Span``), in text order, one per head token."""
    found: dict[int, Trigger] = {}
    tokens = list(sentence)
    for k, token in enumerate(tokens):
        lemma = _lemma(token)
        pos = token.pos_
        if token.is_upper and len(token) > 2 and pos in ("PROPN", "NOUN", "VERB", "ADJ", "X"):
            # all-caps wire copy: guess the lemma and accept either part of speech
            lemma = next((w for w in _upper_lemmas(token) if w in lexicon.single), lemma)
            entries = lexicon.single.get(lemma, ())
            if entries:
                entry = entries[0]
                found[token.i] = Trigger(
                    token.i, token.idx, token.idx + len(token), entry, entry.plover, entry.mode,
                    entry.rule + ":caps",
                )  # fmt: skip
            continue
        if pos not in ("VERB", "NOUN", "PROPN") and not (pos == "ADJ" and lemma in lexicon.sequences):
            continue  # (a sequence may start with a word the tagger calls an adjective: "tear gas")
        # lemma sequences ("air strike", "hunger strike"): the last word is the head
        for words, entry in lexicon.sequences.get(lemma, ()):
            n = len(words)
            if k + n > len(tokens):
                continue
            window = tokens[k : k + n]
            if tuple(_lemma(t) for t in window) == words and _pos_ok(entry, window[-1].pos_):
                head = window[-1]
                found[head.i] = Trigger(
                    head.i, window[0].idx, head.idx + len(head), entry, entry.plover, entry.mode,
                    entry.rule,
                )  # fmt: skip
        if pos == "ADJ":
            continue
        # head+dependent pairs ("open+fire", "pull+out", "strike+drone")
        for dep, entry in lexicon.pairs.get(lemma, ()):
            if not _pos_ok(entry, pos) or token.i in found:
                continue
            match = next((c for c in token.children if _lemma(c) == dep and c.ent_type_ not in ("DATE", "TIME")), None)
            if match is None:  # "took to the streets", "set on fire": through a preposition
                match = next((g for c in token.children if c.dep_ in ("prep", "prt")
                              for g in c.children if _lemma(g) == dep), None)  # fmt: skip
            if match is None:  # "gave the Ivory Coast 5.1 million dollars of aid": the object's "of"
                match = next((h for c in token.children if c.dep_ == "dobj" for g in c.children
                              if g.dep_ == "prep" and g.lower_ == "of" for h in g.children
                              if h.dep_ == "pobj" and _lemma(h) == dep), None)  # fmt: skip
            if match is None and not any(c.dep_ == "dobj" for c in token.children):
                # an object shared by coordinated verbs: "intercepted and destroyed 12 drones"
                match = next((g for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                              for g in c.children if g.dep_ == "dobj" and _lemma(g) == dep), None)  # fmt: skip
            if match is None and k + 1 < len(tokens) and _lemma(tokens[k + 1]) == dep and tokens[k + 1].pos_ in _PARTICLE_POS:
                # "was on Wednesday shot dead": the parser hung "dead" elsewhere, but it follows the verb
                match = tokens[k + 1]
            if match is not None and entry.plover == "ASSAULT" and _fires_crowd_control(token, lexicon):
                continue  # "fired tear gas at the crowd": the dispersal, not a shooting
            if match is not None:
                lo, hi = min(token.i, match.i), max(token.i, match.i)
                start = doc[lo].idx
                end = doc[hi].idx + len(doc[hi])
                if hi - lo > 4:  # far apart: point at the head only
                    start, end = token.idx, token.idx + len(token)
                found[token.i] = Trigger(token.i, start, end, entry, entry.plover, entry.mode, entry.rule)
        if token.i in found:
            continue
        entries = lexicon.single.get(lemma, ())
        if not entries:  # the tagger's lemma may be wrong ("raped" -> "rap"): try the word's own stem
            guess = next((w for w in _upper_lemmas(token) if w in lexicon.single), None)
            typo = None if guess is not None else _misspelt_trigger(token, lexicon)
            if guess is not None or typo is not None:
                lemma = guess or typo
                entries = lexicon.single[lemma]
        for entry in entries:
            if not (_pos_ok(entry, pos) or _verb_tagged_as_noun(token, entry)) or _skip(token, entry):
                continue
            trig = Trigger(
                token.i, token.idx, token.idx + len(token), entry, entry.plover, entry.mode, entry.rule
            )
            if lemma == "strike":
                reading = _strike_reading(token) if pos in _NOUN_POS else _strike_verb_reading(token)
                if reading == "labour":
                    trig.plover, trig.mode, trig.rule = "PROTEST", "strike", entry.rule + ":labour"
            elif lemma == "protest" and pos in _NOUN_POS and _lemma(token.head) in _FILING_VERBS:
                # "Serbia lodged an official protest with Albania": a diplomatic complaint
                trig.plover, trig.mode, trig.rule = "ACCUSE", "disapprove", entry.rule + ":lodged"
            found[token.i] = trig
            break
    request = next(iter(lexicon.single.get("demand", ())), None)
    if request is not None:
        report_verbs = lexicon.cue_words("report_verb")
        for token in tokens:
            if demand_clause(token, report_verbs) is None:
                continue
            before = found.get(token.i)
            yields = (before is not None and before.plover in _YIELD_PLOVER) or _lemma(token) in _YIELD_LEMMAS
            modal = next(c for c in token.children if c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS)
            found[token.i] = Trigger(
                token.i, modal.idx, token.idx + len(token), request, "REQUEST", "yield" if yields else None,
                f"demand:{modal.lower_}" + (f" ({before.rule})" if before else ""),
            )  # fmt: skip
    return [found[i] for i in sorted(found)]
