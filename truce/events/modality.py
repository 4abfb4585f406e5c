"""Modality: did the event happen, as the article tells it?

The status is read from the words that govern the trigger: its auxiliaries ("may", "will"), negation
("did not", "no casualties"), and the verbs and nouns above it ("warned that it may be forced to resume",
"denied carrying out", "agreed to reconvene", "the potential for escalation", "allegedly killed").
The cue words are single lemmas in ``truce/data/event_cues.tsv`` (classes threat_verb,
hypothetical_aux, future_aux, planned_verb, hypothetical_word, denial_verb, claim_verb).
"Historical" is decided later, from the event's date (see ``truce.events.assemble``).
"""

from __future__ import annotations

from dataclasses import dataclass

from truce.events.lexicon import Lexicon
from truce.events.triggers import LIGHT_VERBS

__all__ = ["ModalityCues", "modality_cues", "read_modality", "threat_over"]

_MAX_DEPTH = 5
_NEGATIVE_SUBJECTS = frozenset(("nobody", "none", "no one", "noone", "nothing"))
_CLAIM_ADVERBS = frozenset(("allegedly", "purportedly", "supposedly"))
_PLANNED_ADJ = frozenset(("planned", "upcoming", "proposed", "future", "scheduled", "next", "expected"))


@dataclass(frozen=True, slots=True)
class ModalityCues:
    threat: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    planned: frozenset[str]
    hypothetical: frozenset[str]
    denial: frozenset[str]
    claim: frozenset[str]
    report: frozenset[str] = frozenset()  # verbs that report speech ("said", "insisted", "warned")
    request: frozenset[str] = frozenset()  # verbs that ask for an act ("demanded the arrest of")


def modality_cues(lexicon: Lexicon) -> ModalityCues:
    return ModalityCues(
        threat=lexicon.cue_words("threat_verb"),
        hypothetical_aux=lexicon.cue_words("hypothetical_aux"),
        future_aux=lexicon.cue_words("future_aux"),
        planned=lexicon.cue_words("planned_verb"),
        hypothetical=lexicon.cue_words("hypothetical_word"),
        denial=lexicon.cue_words("denial_verb"),
        claim=lexicon.cue_words("claim_verb"),
        report=lexicon.cue_words("report_verb"),
        request=lexicon.cue_words("request_verb"),
    )


def _negated(token) -> bool:
    for child in token.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in _NEGATIVE_SUBJECTS:
                return True
            if any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                return True
    return False


def _local(token, cues: ModalityCues) -> tuple[str, str] | None:
    """The status the trigger's own dependents give it."""
    if _negated(token):
        return "negated", f"negation on '{token.text}'"
    for child in token.children:
        c = child.lemma_.lower()
        if child.dep_ in ("aux", "auxpass"):
            if c in cues.future_aux:
                return "planned", f"auxiliary '{child.text}'"
            if c in cues.hypothetical_aux:
                return "hypothetical", f"modal '{child.text}'"
        if child.dep_ == "mark" and c in ("if", "unless"):
            return "hypothetical", f"condition '{child.text}'"
        if child.dep_ == "advmod" and c in _CLAIM_ADVERBS:
            return "claimed", f"'{child.text}'"
        if child.dep_ == "amod" and c in cues.hypothetical:
            return "hypothetical", f"'{child.text} {token.text}'"
        if child.dep_ == "amod" and c in _PLANNED_ADJ:
            return "planned", f"'{child.text} {token.text}'"
    return None


# verbs that carry a noun event's tense, mood and negation: "may launch an offensive", "will be put
# under house arrest", "did not stage a protest" (not "may condemn the attack": that one happened)
_CARRIER_VERBS = frozenset(LIGHT_VERBS | {"put", "place", "face", "court", "effect", "impose", "reimpose", "extend",
                                          "tighten", "declare"})


def _carrier_local(token, cues: ModalityCues) -> tuple[str, str] | None:
    """The status a noun trigger takes from the light verb that carries it, or a verb from the first
    of two coordinated verbs that share its auxiliaries ("will order a lathi charge or arrest us")."""
    head = token.head
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("under", "into"):
            head = head.head  # "put under arrest", "taken into custody"
        elif token.dep_ not in ("dobj", "attr", "nsubjpass"):
            return None
        if head == token or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in _CARRIER_VERBS:
            return None
        return _local(head, cues)
    if token.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in token.children):
        return _local(head, cues)
    return None


_WALK_DEPS = frozenset(
    "xcomp ccomp pobj prep dobj advcl acl pcomp conj nsubj nsubjpass attr oprd compound".split()
)


def _governing(token, cues: ModalityCues) -> tuple[str, str] | None:
    """The status the words above the trigger give it ("warned that ...", "agreed to ...")."""
    current = token
    modal_seen: str | None = None
    conjuncts_only = True  # every step so far joined coordinated words: "demanded a ban and the arrest of"
    for _ in range(_MAX_DEPTH):
        if current.dep_ in ("ROOT", "relcl") or current.head == current:
            break
        dep = current.dep_
        head = current.head
        h = head.lemma_.lower()
        if dep not in _WALK_DEPS:
            break
        if dep == "advcl" and current.tag_ == "VBG" and current.i > 0 and current.nbor(-1).text == ",":
            # ", killing 22 people" reports what the sentence's main event did, wherever the parser
            # hangs it ("opened fire on residents trying to return ..., killing 22"): "trying" above
            # it does not make the deaths hypothetical
            break
        if dep == "conj":
            current = head
            continue
        first_step = conjuncts_only  # the act itself (or one coordinated with it), not what it is about
        if h in cues.denial:
            return "denied", f"'{head.text}'"
        if h in cues.threat:
            return "threatened", f"'{head.text}'"
        if h in cues.claim and (dep in ("ccomp", "xcomp", "pcomp", "dobj") or dep == "prep" and current.lower_ == "of"):
            # ... and what someone is "accused of" or "suspected of" doing
            return "claimed", f"'{head.text}'"
        if h in cues.hypothetical and dep in ("pobj", "prep", "xcomp", "pcomp", "dobj", "acl", "compound") and not (
                dep == "prep" and head.pos_ in ("VERB", "AUX") and current.lower_ not in ("to", "into", "of", "for")
        ) and not _result_led_to(head):
            # a verb's adjunct is outside its doubt ("eight are feared dead after militia attacked the
            # town": the attack happened); its complement is not ("could lead to clashes")
            return "hypothetical", f"'{head.text}'"
        if h in cues.request and dep in ("xcomp", "ccomp", "dobj") and first_step:
            # what is asked for has not happened: "demanded the arrest of", "urged Israel to withdraw";
            # only the act itself, not what it is about ("demanded a probe into the police firing")
            return "hypothetical", f"requested: '{head.text}'"
        if h in cues.planned and dep in ("xcomp", "ccomp", "pobj", "prep", "acl", "pcomp") and not _because_of(head):
            return "planned", f"'{head.text}'"
        if h in _PLANNING_VERBS and dep == "dobj" and first_step:
            return "planned", f"'{head.text}'"  # "preparing a major offensive", "planned an attack"
        if dep == "xcomp" and (_negated(head) or head.lemma_.lower() in ("unable", "refuse", "decline") or (
                head.lemma_.lower() == "able" and head.dep_ == "acomp" and _negated(head.head))):
            return "negated", f"negation on '{head.text}'"  # "were unable to", "have not been able to"
        for child in head.children:
            if child.dep_ in ("aux", "auxpass") and dep in ("xcomp", "ccomp"):
                c = child.lemma_.lower()
                if c in cues.hypothetical_aux and modal_seen is None:
                    modal_seen = child.text
                if c in cues.future_aux and dep == "xcomp":
                    return "planned", f"auxiliary '{child.text}'"
        if dep == "ccomp":
            break  # a reported clause keeps its own status: "X said the army killed ..."
        current = head
        conjuncts_only = False
    if modal_seen:
        return "hypothetical", f"modal '{modal_seen}'"
    return None


# verbs whose object is an act still to come (not "set fire", "agreed a ceasefire": those happen)
_PLANNING_VERBS = frozenset(("plan", "prepare", "schedule", "propose", "intend", "plot"))


def _because_of(head) -> bool:
    """"due to police firing" gives a cause; "due to meet on Friday" a plan."""
    return head.lower_ == "due" and any(c.lower_ == "to" and c.dep_ in ("pcomp", "prep") for c in head.children)


def _result_led_to(head) -> bool:
    """'led to' / 'leading to' with no modal states what followed ("acts of violence, leading to clashes
    with the police"); "could lead to clashes" does not."""
    return head.lemma_.lower() == "lead" and head.tag_ in ("VBD", "VBZ", "VBG", "VBN") and not any(
        c.dep_ == "aux" and c.lower_ in _IRREALIS_AUX for c in head.children) and head.dep_ != "xcomp"


def read_modality(trigger_token, cues: ModalityCues, trigger_is_threat: bool = False) -> tuple[str, str]:
    """(modality, reason) for the event whose trigger is ``trigger_token``.

    A threat or denial above the trigger wins over its own modal ("warned it would strike" is a
    threat); otherwise the trigger's own auxiliaries and negation decide, then the governing words.
    """
    local = _local(trigger_token, cues) or _carrier_local(trigger_token, cues)
    if local and local[0] == "negated":
        return local
    if trigger_is_threat:
        return local or ("asserted", "threat trigger")
    governing = _governing(trigger_token, cues)
    if governing and governing[0] in ("threatened", "denied"):
        return governing
    return local or governing or ("asserted", "")


_IRREALIS_AUX = frozenset(("to", "will", "would", "could", "may", "might", "shall", "'ll", "can"))
_CLAUSE_LINKS = frozenset(("xcomp", "ccomp", "conj", "oprd", "advcl"))


def threat_over(trigger_token, cues: ModalityCues):
    """The threat word above the trigger that makes it something threatened, not something reported
    (None when there is none):
    "vowed to fight", "warned it would strike", "may be forced to resume the war", "the threat of war";
    not "warned that the fighting had displaced thousands" (a report) nor "vowed to retaliate for the
    killing" (what happened)."""
    t = trigger_token
    if t.pos_ in ("NOUN", "PROPN"):
        if t.dep_ == "pobj" and t.head.head.lemma_.lower() in cues.threat and _threatens(t.head.head):
            return t.head.head  # "the threat of war"
        if t.dep_ != "dobj":
            return None
        if t.head.lemma_.lower() in cues.threat and _threatens(t.head):
            return t.head  # "threatened war"
        t = t.head  # "resume the war": the verb's clause decides
    if not (t.dep_ == "xcomp" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _IRREALIS_AUX for c in t.children)):
        return None  # the trigger's own clause must be unreal: an infinitive or a modal
    current = t
    for _ in range(_MAX_DEPTH):
        head = current.head
        if head == current or current.dep_ not in _CLAUSE_LINKS:
            return None
        if head.lemma_.lower() in cues.threat:
            return head if _threatens(head) else None
        current = head
    return None


# Threat words that are not speech acts: "forced police to open fire" happened; "may be forced to resume
# the war" is a threat only because "forced" is itself unreal.
_CAUSATIVE_THREAT_WORDS = frozenset(("force", "risk"))


def _threatens(word) -> bool:
    if word.lemma_.lower() not in _CAUSATIVE_THREAT_WORDS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _IRREALIS_AUX - {"to"} for c in word.children)
