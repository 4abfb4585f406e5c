"""The tense of the verb that governs a time expression, read from the spaCy parse.

"on Thursday" means last Thursday in "the envoys met on Thursday" and next Thursday in "the envoys
will meet on Thursday". We climb from the expression's head to the nearest verb and read its
auxiliaries ("will", "'ll", "shall", "going to"), its tag (VBD past) and, for an infinitive, the verb
it depends on ("expected to meet", "agreed to reconvene", "plans to ...").
"""

from __future__ import annotations

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
_FUTURE_HEADS = {
    "expect", "schedule", "plan", "set", "due", "go", "intend", "hope", "aim", "agree", "vow", "promise",
    "threaten", "decide", "prepare", "seek", "want", "propose", "pledge", "poise", "slate", "announce",
    # verbs of asking and ordering: "subpoenaed him to testify on Feb. 10", "ordered them to leave by Friday"
    "order", "ask", "invite", "summon", "subpoena", "urge", "require", "instruct", "direct", "call",
    "ready", "likely",  # "would be ready to leave as soon as Tuesday"
}
# nouns whose infinitive looks ahead: "an agreement to acquire the bank in January",
# "a programme to pay down the loan by February", "plans to hold elections in March"
_FUTURE_NOUNS = {
    "agreement", "plan", "deal", "program", "programme", "bid", "offer", "proposal", "decision", "intention",
    "pledge", "promise", "commitment", "order", "deadline", "invitation", "request", "call", "ultimatum",
    "timetable", "schedule", "accord", "attempt", "effort", "move", "readiness", "willingness",
}
_PLAN_VERBS = {"schedule", "slate", "plan", "due", "expect", "reschedule", "postpone"}
_FUTURE_WORDS = {"payable", "effective", "due", "upcoming", "slated", "scheduled", "expires", "expiring",
                 "deadline", "forthcoming"}
# verbs that put something off: the day they put it off to lies ahead of the report, whatever their tense
_POSTPONE_VERBS = {"postpone", "delay", "defer", "adjourn", "extend", "reschedule", "recess", "suspend", "push",
                   "move", "put"}
_MODALS = {"would", "could", "might", "may", "should", "must", "can"}


def _governing_verb(span):
    """The verb a time expression hangs on directly (through prepositions only), or None when it
    modifies a noun first ("the Jan. 14 deadline", "a report on Thursday"): a noun's date need
    not share the tense of the clause around it."""
    t = span.root
    if t.dep_ == "poss" or any(c.dep_ == "case" and c.lower_ in ("'s", "’s", "'") for c in t.children):
        return None  # "after Thursday's ruling": a possessive date names a thing, whatever the clause
    for _ in range(6):
        if t.head == t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t not in span:
            # a noun's date: only a future clause carries over ("will command a mission in December")
            verb = _verb_of(t)
            if verb is not None and tense_of(verb) in ("future", "modal"):
                return verb  # "would be paid on a date in January": a modal looks ahead too
            return None
    return None


def _verb_of(token):
    """The nearest verb or auxiliary at or above ``token`` (at most five steps up)."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            return t
        if t.head == t:
            break
        t = t.head
    return None


def tense_of(verb, depth: int = 0) -> str | None:
    """"future", "past", "present", "modal" or None for one verb token."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in aux) or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if words & _MODALS:
        if words & {"have", "'ve"} or ("would" not in words and (any(a.tag_ == "VBN" for a in aux)
                                                                 or verb.tag_ == "VBN")):
            return "past"  # "would have met", "could not be located" ("would be paid" looks ahead)
        return "modal"
    if verb.lemma_ in _PLAN_VERBS:
        # "talks are scheduled for Thursday" is ahead; "a service planned for Saturday was
        # cancelled" may be either side of publication: leave it to the nearest date
        if verb.tag_ == "VBD" or words & {"had", "was", "were"}:
            return None
        if verb.tag_ == "VBN" and not words and verb.dep_ in ("acl", "amod") and verb.head != verb:
            # a reduced relative ("a service planned for Saturday ...") takes its look from the
            # clause of the noun it describes: ahead only when that clause looks ahead
            outer = _verb_of(verb.head)
            if outer is not None and depth < 4 and tense_of(outer, depth + 1) in ("future", "modal"):
                return "future"
            return None
        return "future"  # "is scheduled for", "has scheduled a news conference Thursday"
    if verb.tag_ == "VB" or (verb.tag_ == "VBG" and not aux):
        # infinitive or bare participle: inherit from the verb it complements
        head = verb.head
        to_infinitive = verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        if head != verb and to_infinitive and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _FUTURE_NOUNS:
            return "future"  # "an agreement to acquire the bank in January"
        if head != verb and to_infinitive and head.lemma_ == "be" and verb.dep_ == "xcomp":
            return "future"  # "is to resume trading on Tuesday"
        if head != verb and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.lower_ in ("with", "without") \
                and head.head != head and head.head.pos_ in ("VERB", "AUX") and depth < 4:
            # "would leave on Monday, with the third departing from August 6": the absolute clause
            # shares the tense of the clause it hangs on
            return tense_of(head.head, depth + 1)
        if head != verb and head.pos_ in ("VERB", "AUX", "ADJ"):
            if head.lemma_ in _PLAN_VERBS and verb.tag_ == "VB" and _past_plan(head):
                return None  # "had been scheduled to expire Friday": the plan may have passed or changed
            if head.lemma_ in _FUTURE_HEADS and verb.tag_ == "VB":  # "agreed to reconvene"
                return "future"
            if depth >= 4 or head.pos_ not in ("VERB", "AUX"):
                return None
            return tense_of(head, depth + 1)
        return None
    if verb.dep_ == "advcl" and depth < 4 and (ahead := _clause_ahead(verb, depth)):
        return ahead  # "said it would buy as soon as trading opened Monday": the sequence of tenses
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    if verb.tag_ == "VBN":
        if words & {"has", "have", "had", "was", "were", "been"}:
            return "past"
        if words & {"is", "are", "am", "'s", "'re", "be", "being"}:
            return "present"
        return "past" if verb.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl") else None
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}):
        return "present"
    return None


# subordinators of time and condition: a clause they open happens when the clause above it does
_TIME_MARKS = {"when", "once", "until", "till", "before", "after", "as", "if", "unless", "whenever"}


def _clause_ahead(verb, depth: int) -> str | None:
    """"future" for an adverbial clause of time or condition under a clause that looks ahead: under
    "would" whatever its own (back-shifted) tense ("would buy the stock as soon as trading opened
    Monday"), under "will" when it is not itself past ("will decide when the board meets Tuesday")."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < verb.i}
    if not marks & _TIME_MARKS:
        return None
    outer = _verb_of(verb.head) if verb.head != verb else None
    if outer is None or outer == verb:
        return None
    outer_tense = tense_of(outer, depth + 1)
    if outer_tense == "modal":
        return "future"  # reported speech back-shifts both clauses: "would buy ... as soon as trading opened"
    own_past = verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))
    # under "will" a past tense is a real past ("will remain even after a court refused Thursday"),
    # under a future told in the past it is back-shifted ("were likely to buy as soon as trading opened")
    if outer_tense != "future":
        return None
    return "future" if not own_past or _told_in_past(outer) else None


def _told_in_past(verb) -> bool:
    """The verb's future is framed by a past tense ("were likely to buy", "planned to leave"), not by
    "will"."""
    t = verb
    for _ in range(3):
        aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in aux):
            return False
        if t.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
            return True
        if t.head == t:
            break
        t = t.head
    return False


def _past_plan(head) -> bool:
    """A plan verb or adjective in the past perfect: "had been scheduled", "had been due" (a plan
    overtaken by events; "planned to leave on Thursday" still looks ahead)."""
    words = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if head.pos_ == "ADJ" and head.head != head and head.head.lemma_ == "be":
        words |= {c.lower_ for c in head.head.children if c.dep_ in ("aux", "auxpass")}
    return "had" in words or "'d" in words


def tense_at(doc, start: int, end: int) -> str | None:
    """The tense governing the time expression at characters ``start``-``end`` of ``doc``."""
    if not doc.has_annotation("DEP"):
        return None  # a Doc without a parse (spacy.blank): no tense to read
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    for _ in range(6):
        if node.lower_ in _FUTURE_WORDS and node not in span:
            return "future"  # "payable Dec. 15", "effective June 1", "due by Friday"
        if node.lower_ in ("until", "till", "to") and node not in span and node.head.lemma_ in _POSTPONE_VERBS:
            return "future"  # "postponed until Tuesday morning any action": put off to a day ahead
        if node.head == node or node.pos_ in ("VERB", "AUX"):
            break
        node = node.head
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else _governing_verb(span)
    if verb is None:
        return None
    tense = tense_of(verb)
    if tense == "modal":
        return "future"
    return tense
