"""Attribution: who says so ("according to the IDF", "the health ministry reported").

``find_attributions(doc, article, actors)`` returns one ``Attribution`` per source phrase, with the
span of the phrase. The events stage assigns an attribution to an event by sentence or clause.

Three patterns, read off the dependency parse:

- "according to X", "citing X", "X cited by Y" -> X;
- the subject of a reporting verb with a reported clause or object ("X said that ...",
  "... , X said", "X told AFP", "the Israeli military reported 1,200 targeted activities",
  "X estimates that", "reports from X suggest");
- "X claimed responsibility" -> X.

``name`` is the canonical name of the actor the phrase names (from ``actors``), else None (an
anonymous "source close to the talks"); ``party`` is that actor's registry flag: a party to the
conflict, whose statements are claims rather than independent reports.
"""

from __future__ import annotations

import logging
import re

from truce.annotate import doc_text
from truce.records import ActorMention, Article, Attribution

log = logging.getLogger(__name__)


__all__ = ["find_attributions"]

_REPORT_VERBS = {
    "say", "report", "tell", "state", "announce", "confirm", "claim", "add", "estimate", "allege",
    "deny", "insist", "warn", "note", "indicate", "disclose", "reveal", "acknowledge", "assert",
    "declare", "suggest", "inform", "explain", "describe", "accuse", "publish", "broadcast",
    "tweet", "post", "write", "frame", "stress", "emphasize", "emphasise", "affirm", "maintain",
    "contend", "argue", "reiterate", "quote", "cite", "show", "testify", "admit", "vow", "threaten",
}
# Verbs that report with a plain object ("the military reported 1,200 activities").
_OBJECT_REPORTERS = {"report", "confirm", "announce", "estimate", "claim", "deny", "record", "cite"}
_SKIP_SUBJECTS = {"it", "which", "that", "this", "who"}
_SOURCE_NOUNS = {
    "source", "official", "report", "witness", "resident", "ministry", "spokesman", "spokesperson",
    "statement", "media", "agency", "police", "army", "military", "authority", "medic", "doctor",
    "hospital", "diplomat", "observer", "monitor", "activist", "journalist", "correspondent",
}
_TRAILING_REPORT = re.compile(
    r"^\s*(?:\([^)]{1,30}\)\s*)?(?:reports?|reported|said|says|stated|states|estimates?|estimated"
    r"|announced|announces|confirmed|confirms|claimed|claims|told|added|noted|warned|denied|denies)\b"
)


def _covered(tok, actors: list[ActorMention]) -> bool:
    return any(a.start <= tok.idx < a.end for a in actors)


def _phrase(head) -> tuple[int, int]:
    """Character span of a noun phrase, cut before a comma-delimited appendage."""
    toks = sorted(head.subtree, key=lambda t: t.i)
    start_i, end_i = toks[0].i, toks[-1].i
    for t in toks:
        if t.i > head.i and t.text in (",", "(", "\u2014", "--", ";"):
            end_i = t.i - 1
            break
    doc = head.doc
    while end_i > start_i and doc[end_i].is_punct:
        end_i -= 1
    return doc[start_i].idx, doc[end_i].idx + len(doc[end_i].text)


def _actor_for(head, start: int, end: int, actors: list[ActorMention]) -> ActorMention | None:
    inside = [a for a in actors if a.start >= start and a.end <= end]
    for a in inside:
        if a.start <= head.idx < a.end:
            return a
    # "reports from the Wall Street Journal", "a source cited by LBCI TV": the named body inside
    named = [a for a in inside if a.name]
    return named[-1] if named else (inside[0] if inside else None)


def _is_reporting(verb) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in _REPORT_VERBS:
        return False
    deps = {c.dep_ for c in verb.children}
    if deps & {"ccomp", "parataxis"} or verb.dep_ in ("parataxis",):
        return True
    if lemma == "tell" and "dobj" in deps:
        return True
    if lemma == "claim" and any(c.lemma_ in ("responsibility", "credit") for c in verb.children):
        return True
    if lemma in _OBJECT_REPORTERS and "dobj" in deps:
        return True
    # "..., the ministry said." where the clause is the head: said is ccomp-less but follows a comma
    return verb.dep_ in ("ccomp", "advcl") and verb.head.i < verb.i and lemma in ("say", "add", "tell")


def find_attributions(doc, article: Article, actors: list[ActorMention]) -> list[Attribution]:
    """Every source phrase in the article ("according to X", "X said"), in text order."""
    found: dict[tuple[int, int], Attribution] = {}
    for tok in doc:
        heads = []
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            heads = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        elif tok.lemma_ == "cite" and tok.tag_ == "VBG":
            # "citing officials" is a source; "citing the growing tensions" is a reason
            heads = [
                c for c in tok.children
                if c.dep_ == "dobj" and (c.lemma_.lower() in _SOURCE_NOUNS or _covered(c, actors))
            ]
        elif tok.pos_ in ("VERB", "AUX") and _is_reporting(tok):
            heads = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _SKIP_SUBJECTS]
        for head in heads:
            start, end = _phrase(head)
            if end <= start:
                continue
            actor = _actor_for(head, start, end, actors)
            found[(start, end)] = Attribution(
                text=doc_text(doc)[start:end],
                name=(actor.name or actor.text) if actor is not None else None,
                start=start,
                end=end,
                party=bool(actor.party) if actor is not None else False,
            )
    # Parser misses ("The IDF report that ...", with "report" read as a noun): an actor directly
    # followed by a reporting verb is a source.
    text = doc_text(doc)
    for actor in actors:
        if actor.antecedent is not None and actor.text.lower() in ("it", "which"):
            continue
        if not _TRAILING_REPORT.match(text[actor.end : actor.end + 60]):
            continue
        if any(s <= actor.start < e for s, e in found):
            continue
        start = actor.start
        before = text[max(0, start - 4) : start]
        if before.lower() == "the ":
            start -= 4
        found[(start, actor.end)] = Attribution(
            text=text[start : actor.end],
            name=actor.name or actor.text,
            start=start,
            end=actor.end,
            party=bool(actor.party),
        )
    out = sorted(found.values(), key=lambda a: a.start)
    log.debug("article %s: %d attributions", article.id, len(out))
    return out
