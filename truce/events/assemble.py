"""Assemble events: triggers -> candidate events -> merged incidents with roles, counts, types and status.

Order of work for one article:
1. triggers in every sentence (``triggers.find_triggers``);
2. roles and modality per trigger (``roles``, ``modality``);
3. outcome triggers ("killed", "wounded", "died") merge into the richer violent event of the same
   sentence or, when they open the next sentence without an agent of their own, of the previous one:
   "An IED exploded in X. Two civilians were killed." is one event with two deaths;
4. the article's non-cumulative count claims go to the event they belong to (same sentence, nearest
   violent event; several claims about different victims add up);
5. ACLED type from the trigger, cues, victims and counts (``acled.classify_acled``);
6. date and place from the time and place stages; historical status from the date;
7. salience: title and lead first, main clauses before subordinate ones, material events before talk.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from truce.annotate import doc_text
from truce.events.acled import CUE_CLASSES as _ALL_CUE_CLASSES
from truce.events.acled import SENTENCE_CLASSES, SentenceCues, classify_acled, sentence_cues
from truce.events.lexicon import Lexicon
from truce.events.modality import modality_cues, read_modality
from truce.events.roles import event_actors
from truce.events.triggers import LIGHT_VERBS, OUTCOME_LEMMAS, Trigger, demand_clause, find_triggers
from truce.records import ActorMention, Article, Attribution, CountClaim, EventActor

log = logging.getLogger(__name__)

__all__ = ["Candidate", "candidates", "assign_counts", "merge_outcomes", "sum_counts", "salience"]

# Material conflict first, verbal cooperation last: a tie-breaker for the main event.
_CATEGORY_WEIGHT = {
    "ASSAULT": 1.0, "PROTEST": 0.9, "COERCE": 0.75, "MOBILIZE": 0.6, "AGREE": 0.65, "CONSULT": 0.65,
    "RETREAT": 0.6, "THREATEN": 0.5, "SANCTION": 0.5, "AID": 0.5, "CONCEDE": 0.5, "REJECT": 0.45,
    "ACCUSE": 0.45, "REQUEST": 0.45, "COOPERATE": 0.4, "SUPPORT": 0.35,
}  # fmt: skip
_MODALITY_WEIGHT = {
    "asserted": 1.0, "claimed": 0.9, "historical": 0.4, "planned": 0.5, "denied": 0.4, "negated": 0.2,
    "threatened": 0.45, "hypothetical": 0.3,
}  # fmt: skip
_MAX_SENTENCE_TOKENS_FOR_ROLES = 400
_COUNT_LOOKBACK_SENTENCES = 3
# Triggers that say the victim died: with one victim named and no figure, the toll is one.
_DEATH_LEMMAS = frozenset("kill murder assassinate behead lynch execute".split())
_SINGULAR_DETS = frozenset("a an the his her their its one".split())


def implied_single_death(t, modality: str) -> CountClaim | None:
    """"gunmen killed a teacher", "a man was shot dead", "burnt him to death": one person killed.

    ``t`` is the trigger token of an event (or of an outcome merged into it).
    """
    lemma = t.lemma_.lower()
    dies = lemma in _DEATH_LEMMAS or any(ch.lower_ == "dead" for ch in t.children) or any(
        ch.dep_ == "prep" and ch.lower_ == "to" and any(g.lower_ == "death" for g in ch.children)
        for ch in t.children
    )
    if not dies or modality not in ("asserted", "claimed"):
        return None
    if any(ch.lower_ in ("nearly", "almost") and ch.dep_ == "advmod" for ch in t.children):
        return None  # "villagers nearly lynch a pastor"
    victims = [ch for ch in t.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not victims and t.head.i != t.i and t.head.lemma_ == "be":
        # "A motorcyclist was on Saturday shot dead": the parser hangs the participle on "was"
        victims = [ch for ch in t.head.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if len(victims) != 1:
        return None
    v = victims[0]
    if v.tag_ not in ("NN", "NNP") or any(ch.dep_ in ("conj", "nummod") for ch in v.children):
        return None
    if not any(ch.dep_ in ("det", "poss") and ch.lower_ in _SINGULAR_DETS for ch in v.children) and v.tag_ != "NNP":
        return None
    doc = t.doc
    start = min(t.idx, v.idx)
    end = max(t.idx + len(t), v.idx + len(v))
    return CountClaim(kind="killed", low=1, best=1, high=1, text=doc_text(doc)[start:end], start=start, end=end,
                      victims=v.lemma_.lower(), reporter=None)  # fmt: skip


@dataclass
class Candidate:
    """An event in the making: everything but its id, date, place and final salience."""

    trigger: Trigger
    sent_index: int
    sentence: object  # spaCy Span (never leaves this module's caller)
    token: object
    actors: list[EventActor] = field(default_factory=list)
    modality: str = "asserted"
    modality_reason: str = ""
    killed: list[CountClaim] = field(default_factory=list)
    injured: list[CountClaim] = field(default_factory=list)
    merged: list[Trigger] = field(default_factory=list)
    acled_type: str | None = None
    acled_sub: str | None = None
    acled_rule: str = ""
    attribution: Attribution | None = None
    is_root: bool = False
    background: bool = False  # inside "after ...", "since ...", "amid ...": context for another event
    governed: bool = False  # the object of another kind of event ("condemned the strike"): see mark_governed

    @property
    def lemma(self) -> str:
        return self.token.lemma_.lower()

    @property
    def outcome_only(self) -> bool:
        return self.trigger.plover == "ASSAULT" and self.lemma in OUTCOME_LEMMAS


def _clause_root(token, report_verbs: frozenset[str] = frozenset()):
    """True when the trigger heads its sentence's main clause (or is a noun right under it)."""
    if token.dep_ == "ROOT":
        return True
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.dep_ == "ROOT":
        return True
    if token.dep_ == "conj" and head.dep_ == "ROOT":
        return True
    if token.dep_ in ("xcomp",) and head.dep_ == "ROOT":
        return True
    if token.dep_ == "ccomp" and head.dep_ == "ROOT" and head.lemma_.lower() in report_verbs:
        return True  # "Japan said it had halted aid": what was said is the sentence's news
    return False


_BACKGROUND_MARKERS = frozenset("after before since following amid despite until prior during because".split())


# Words whose object is an event talked about, not reported: "protest the killing of", "condemned the
# raid", "demanding justice for the death of".
_EMBEDDING_HEADS = frozenset(
    "protest demonstrate march rally demand condemn denounce decry criticize criticise mourn investigate "
    "probe avenge blame accuse picket demonstration procession justice strike petition sue complain "
    "complaint allegation".split()
)


# Verbs whose object is an event to be stopped, not one reported ("end the fighting", "prevent attacks").
_PREVENTION_VERBS = frozenset("end stop halt prevent forestall avert curb contain deter combat thwart".split())


def _in_background(token, max_steps: int = 7) -> bool:
    """True when the trigger sits in a clause or phrase that dates or explains another event."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _PREVENTION_VERBS:
        return True  # "efforts to end the fighting", "to forestall more violence": talked about
    if token.dep_ == "relcl" and token.head.dep_ in ("nsubj", "nsubjpass"):
        return True  # "a man who killed his wife was seized by a mob": it says who the subject is
    cur = token
    for step in range(max_steps):
        if step > 0 and cur.lemma_.lower() in _EMBEDDING_HEADS and cur.i != token.i:
            return True
        if cur.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in cur.children):
            return True  # "lifted a curfew in Montenegro, where 28 people have been killed in riots"
        for child in cur.children:
            if child.dep_ == "mark" and child.lower_ in _BACKGROUND_MARKERS:
                return True
        if cur.dep_ in ("prep",) and cur.lower_ in _BACKGROUND_MARKERS:
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


def candidates(doc, article: Article, actors: list[ActorMention], lexicon: Lexicon) -> list[Candidate]:
    """Every trigger in the article with its roles and modality."""
    cues = modality_cues(lexicon)
    actors_sorted = sorted(actors, key=lambda m: (m.start, m.end))
    out: list[Candidate] = []
    for s_index, sent in enumerate(doc.sents):
        for trig in find_triggers(doc, lexicon, sent):
            token = doc[trig.token]
            cand = Candidate(trigger=trig, sent_index=s_index, sentence=sent, token=token)
            if len(sent) <= _MAX_SENTENCE_TOKENS_FOR_ROLES:
                demand = demand_clause(token, cues.report) if trig.rule.startswith("demand:") else None
                cand.actors = event_actors(token, actors_sorted, article.text, demand)
                # a demand's status is its speaker's ("said X must ..." is asserted; the modal is the demand)
                said = token.head if demand is not None else token
                cand.modality, cand.modality_reason = read_modality(
                    said, cues, trigger_is_threat=trig.plover == "THREATEN"
                )
                cand.is_root = _clause_root(said, cues.report)
                cand.background = _in_background(token)
            out.append(cand)
    return out


def _chain(token, max_steps: int) -> list:
    out = [token]
    cur = token
    for _ in range(max_steps):
        if cur.head == cur or cur.dep_ in ("relcl", "ccomp", "parataxis"):
            break
        cur = cur.head
        out.append(cur)
    return out


def _connected(a, b, max_steps: int = 4) -> bool:
    """True when tokens ``a`` and ``b`` belong to one clause complex (their head chains meet)."""
    chain_a = {t.i for t in _chain(a, max_steps)}
    return any(t.i in chain_a for t in _chain(b, max_steps))


def _governs(head, token, max_steps: int = 3) -> bool:
    """True when ``token`` sits below ``head`` in the parse (its object, or inside its object)."""
    cur = token
    for _ in range(max_steps):
        if cur.head == cur:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _specificity(c: Candidate) -> float:
    entry = c.trigger.entry
    score = entry.weight
    if c.outcome_only:
        score -= 1.0
    if entry.acled not in (None, "*"):
        score += 0.3
    if c.trigger.mode:
        score += 0.1
    return score


def _relative_clause(token, max_steps: int = 4):
    """The head of the relative clause ``token`` sits in ("a man who had killed his father"), or None."""
    cur = token
    for _ in range(max_steps):
        if cur.dep_ == "relcl":
            # a person's deed ("who had killed"), not the event's own outcome ("an attack which killed")
            who = any(ch.lower_ in ("who", "whom", "whose") for ch in cur.subtree if ch.i < cur.i)
            return cur if who else None
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _outside(token, clause) -> bool:
    return not (clause.left_edge.i <= token.i <= clause.right_edge.i)


_AGENT_PRONOUNS = frozenset(("they", "he", "she", "it"))  # stand for an agent named before


def _own_actor(c: Candidate) -> bool:
    """Whether an outcome names an agent of its own; "They killed two civilians" after "bandits raided the
    village" repeats the raiders, so a pronoun does not count."""
    return any(a.role == "actor" and a.text.lower() not in _AGENT_PRONOUNS for a in c.actors)


def _other_agent(outcome: Candidate, event: Candidate) -> bool:
    """The outcome names an armed agent (forces, an armed group) and the event names none, or none of
    the same group. A crowd or an unknown kind of agent does not count: a headline's "3 civilians
    killed during UPDF raid" parses the victims as the agent."""
    def agents(c: Candidate, armed: bool) -> set[str]:
        return {(a.actor_id or a.text).lower() for a in c.actors
                if a.role == "actor" and a.text.lower() not in _AGENT_PRONOUNS
                and (not armed or a.acled_inter in (1, 2, 3, 4, 8))}
    own = agents(outcome, armed=True)
    return bool(own) and not own & agents(event, armed=False)


def merge_outcomes(cands: list[Candidate]) -> list[Candidate]:
    """Fold outcome triggers ("killed", "wounded") into the violent event they report the toll of."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sent_index, []).append(c)
    absorbed: set[int] = set()
    host_of: dict[int, Candidate] = {}  # an absorbed outcome -> the event it was folded into
    for s_index in sorted(by_sentence):
        group = by_sentence[s_index]
        violent = [c for c in group if c.trigger.plover == "ASSAULT" and not c.outcome_only]
        for c in group:
            if c.trigger.plover != "ASSAULT" or id(c) in absorbed:
                continue
            if c.outcome_only:
                hosts = [v for v in violent if v.modality == c.modality or c.modality == "asserted"]
                clause = _relative_clause(c.token)
                if clause is not None:
                    # "a mob attacked a man who had killed his father": what the victim had done
                    hosts = [v for v in hosts if not _outside(v.token, clause)]
                host = None
                # an outcome with an agent of its own that the event lacks is another act: "one was
                # killed in police firing as violence escalated" (the police killed, not the violence)
                linked = [v for v in hosts if _connected(v.token, c.token) and not _other_agent(c, v)]
                if linked:
                    host = max(linked, key=_specificity)
                elif hosts and not _own_actor(c):
                    host = min(hosts, key=lambda v: abs(v.token.i - c.token.i))
                if host is None:
                    prev = by_sentence.get(s_index - 1, [])
                    # an outcome already folded into an event stands for that event ("Clashes ... 2
                    # police killed. 3 raiders injured.")
                    prev_violent = [host_of.get(id(p), p) for p in prev if p.trigger.plover == "ASSAULT"]
                    prev_violent = [p for p in prev_violent if id(p) not in absorbed]
                    if prev_violent and not violent and not _own_actor(c):
                        host = max(prev_violent, key=_specificity)
                if host is not None:
                    host.merged.append(c.trigger)
                    host.actors.extend(a for a in c.actors if a.role == "recipient")
                    absorbed.add(id(c))
                    host_of[id(c)] = host
            elif c.trigger.entry.weight < 0.65:
                # weak violent words ("hit", "engage", "rocket") beside a strong one are the same event
                strong = [v for v in violent if v is not c and (v.trigger.entry.weight >= 0.9 and _connected(
                    v.token, c.token) or _governs(v.token, c.token))]  # or its object: "fired rockets at"
                # a weapon that is stopped ("shot down a missile", "intercepted rockets", "seized mortar
                # rounds") is the object of that event, not an attack of its own
                stopped = [v for v in group if v.trigger.plover == "COERCE" and v.trigger.mode == "seize"
                           and _governs(v.token, c.token)]  # fmt: skip
                if stopped or strong:
                    (stopped or strong)[0].merged.append(c.trigger)
                    absorbed.add(id(c))
    # "Ethnic militias burn homes and attack civilians", "Gunmen attack and burn a bus": burning or looting
    # in the same clause complex as an assault is part of it (ACLED codes the attack)
    for group in by_sentence.values():
        assaults = [v for v in group if v.trigger.plover == "ASSAULT" and not v.outcome_only and id(v) not in absorbed
                    and v.modality in ("asserted", "claimed") and not v.background]  # fmt: skip
        for c in group:
            if c.trigger.plover != "COERCE" or c.trigger.mode != "destroy" or id(c) in absorbed:
                continue
            linked = [v for v in assaults if _connected(v.token, c.token)]
            if linked:
                host = max(linked, key=_specificity)
                host.merged.append(c.trigger)
                host.actors.extend(a for a in c.actors if a.role == "actor" and not any(
                    h.role == "actor" for h in host.actors))
                absorbed.add(id(c))
    # "Gunmen attacked herders in X. Five herders were killed in the attack.": "the attack" with no
    # actor of its own repeats the previous sentence's violent event, and brings its toll along
    for s_index in sorted(by_sentence):
        prev = [p for p in by_sentence.get(s_index - 1, []) if p.trigger.plover == "ASSAULT"
                and not p.outcome_only and id(p) not in absorbed]  # fmt: skip
        if not prev:
            continue
        for c in by_sentence[s_index]:
            if id(c) in absorbed or c.trigger.plover != "ASSAULT" or c.outcome_only or not _anaphoric_noun(c):
                continue
            host = max(prev, key=_specificity)
            host.merged.append(c.trigger)
            host.merged.extend(c.merged)
            host.actors.extend(a for a in c.actors if a.role == "recipient")
            absorbed.add(id(c))
    return [c for c in cands if id(c) not in absorbed]


_TALK_HOST_MODALITIES = ("asserted", "claimed", "historical")


def merge_talk_references(cands: list[Candidate]) -> list[Candidate]:
    """Fold later mentions of talks into the meeting they refer to.

    News about a meeting names it again and again ("the talks focused on ...", "a source close to the
    negotiations", "amid these discussions", "in talks with"): a CONSULT noun with no actor of its own
    and no verb making it happen ("held talks", "launched negotiations") refers back to the article's
    first reported meeting and becomes part of that event (``merged``, so its words stay as evidence)
    instead of a new event. A mention with its own actor or light verb, a verb ("met"), or a planned or
    hypothetical one ("agreed to reconvene", "hopes the talks could") stays an event of its own.
    """
    host: Candidate | None = None
    absorbed: set[int] = set()
    for c in sorted(cands, key=lambda c: c.trigger.start):
        if c.trigger.plover != "CONSULT":
            continue
        if host is None:
            if c.modality in _TALK_HOST_MODALITIES:
                host = c
            continue
        t = c.token
        if t.pos_ not in ("NOUN", "PROPN") or c.modality != host.modality and c.modality not in _TALK_HOST_MODALITIES:
            continue
        if _own_actor(c) or (t.dep_ in ("dobj", "attr", "nsubjpass") and t.head.lemma_.lower() in LIGHT_VERBS):
            continue
        host.merged.append(c.trigger)
        absorbed.add(id(c))
    return [c for c in cands if id(c) not in absorbed]


def _anaphoric_noun(c: Candidate) -> bool:
    """A violent noun that refers back: "the attack", "the clash", "this raid", with no actor named."""
    t = c.token
    if t.pos_ != "NOUN" or any(a.role == "actor" for a in c.actors):
        return False
    dets = [ch for ch in t.children if ch.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return False
    return not any(ch.dep_ in ("amod", "compound", "poss", "acl", "relcl", "nmod") for ch in t.children)


def sum_counts(claims: list[CountClaim]) -> CountClaim | None:
    """One claim for an event: several claims about different victims add up; repeats do not."""
    if not claims:
        return None
    if len(claims) == 1:
        return claims[0]
    claims = sorted(claims, key=lambda c: c.start)
    # distinct victim groups add up ("3 soldiers and 5 militants"); a later restatement does not
    groups: dict[str, CountClaim] = {}
    for c in claims:
        key = (c.victims or "people").lower()
        if key in groups and (groups[key].best or 0) >= (c.best or 0):
            continue
        groups[key] = c
    parts = list(groups.values())
    if len(parts) == 1:
        return parts[0]
    if "people" in groups and len(parts) > 1:
        total_people = groups["people"].best or 0
        rest = sum((p.best or 0) for k, p in groups.items() if k != "people")
        if total_people >= rest:  # "5 people, including 3 soldiers": the total is given
            return groups["people"]

    def add(attr: str) -> int | None:
        values = [getattr(p, attr) for p in parts]
        if all(v is None for v in values):
            return None
        return sum(v or 0 for v in values)

    first, last = parts[0], parts[-1]
    return CountClaim(
        kind=first.kind, low=add("low"), best=add("best"), high=add("high"),
        text=" + ".join(p.text for p in parts), start=min(p.start for p in parts),
        end=max(p.end for p in parts), victims="; ".join(sorted({p.victims or "people" for p in parts})),
        reporter=first.reporter or last.reporter, cumulative=False,
    )  # fmt: skip


# A coder's note stating the figure it settled on: "Fatalities coded as 0 (VoJ reported 5)",
# "Total fatalities coded as 22", "Fatalities split across 3 events (4)". It overrides the figures the
# text reports, for the main violent event.
_CODED_FATALITIES = re.compile(
    r"\b(?:total\s+)?fatalit(?:y|ies)\s+(?:are\s+|were\s+|have\s+been\s+)?"
    r"(?:coded\s+as\s+(\d+)|split\s+(?:over|across|between)\s+\d+\s+(?:\w+\s+){0,2}\((\d+)\))",
    re.I,
)


def coded_fatalities(text: str) -> CountClaim | None:
    """The figure a coder's note says was coded ("Fatalities coded as 3"), as a count claim."""
    m = _CODED_FATALITIES.search(text)
    if not m:
        return None
    value = int(m.group(1) or m.group(2))
    return CountClaim(kind="killed", low=value, best=value, high=value, text=m.group(0),
                      start=m.start(), end=m.end(), victims="people", reporter="coder's note")  # fmt: skip


def _parenthesised(text: str, start: int) -> bool:
    """True when offset ``start`` lies inside (...) in its sentence: an alternative figure."""
    opened = text.rfind("(", max(0, start - 200), start)
    if opened < 0:
        return False
    closed = text.rfind(")", opened, start)
    return closed < 0


def assign_counts(cands: list[Candidate], counts: list[CountClaim], sentence_bounds: list[tuple[int, int]]) -> None:
    """Give each non-cumulative count claim to the event it belongs to."""
    if not cands:
        return
    text = doc_text(cands[0].sentence.doc)
    starts = [b[0] for b in sentence_bounds]

    def sent_of(offset: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sent_index, []).append(c)
    for claim in counts:
        if claim.background and not claim.cumulative:
            # the deaths that prompted another event ("rioted after two were killed") belong to the
            # background event built on the same word, never to the event they prompted
            # (one that took in the main clause's outcome reports that toll instead: "five were killed two
            # days after the militia executed 20 others")
            own = [c for c in by_sentence.get(sent_of(claim.start), []) if c.background and not c.merged
                   and claim.start <= c.trigger.start < claim.end and c.trigger.plover == "ASSAULT"]
            if own and (claim.best is not None or claim.low is not None):
                (own[0].killed if claim.kind == "killed" else own[0].injured).append(claim)
            continue
        if claim.cumulative or claim.best is None and claim.low is None:
            continue
        if _CODED_FATALITIES.search(claim.text) or _parenthesised(text, claim.start):
            continue
        if "fatalit" in claim.text.lower() and "report" in text[max(0, claim.start - 40) : claim.start].lower():
            continue  # "VoJ reported 5 fatalities": a party's figure restated in a note
        s = sent_of(claim.start)
        pool = [c for c in by_sentence.get(s, []) if c.trigger.plover in ("ASSAULT", "PROTEST", "COERCE")]
        back = 1
        while not pool and back <= _COUNT_LOOKBACK_SENTENCES and s - back >= 0:
            # a toll in a later sentence with no event of its own ("Two deaths were reported.", "The
            # death toll rose to 5.") belongs to the nearest violent or protest event before it
            pool = [c for c in by_sentence.get(s - back, [])
                    if c.trigger.plover in ("ASSAULT", "PROTEST") and c.modality in ("asserted", "claimed")]
            back += 1
        if not pool:
            continue
        # the event whose own word the claim is built on ("forces killed 6 militants": "killed"), then
        # a main-clause violent event before a background one ("in retaliation to Taliban attacks")
        verbs = _KILL_CUES if claim.kind == "killed" else _INJURE_CUES
        own = [c for c in pool if claim.start <= c.trigger.start < claim.end and c.lemma in verbs]
        # "A man who killed his wife was seized by a mob and killed": the main clause's word
        own.sort(key=lambda c: c.background)
        host = own[0] if own else min(pool, key=lambda c: (
            c.trigger.plover != "ASSAULT", c.modality not in ("asserted", "claimed"), c.background,
            c.outcome_only, abs(c.token.idx - claim.start)))  # fmt: skip
        span = host.sentence.doc.char_span(claim.start, claim.end, alignment_mode="expand")
        clause = _relative_clause(span.root) if span is not None and len(span) else None
        if clause is not None and _outside(host.token, clause):
            continue  # "lynched two robbers, who were accused of killing three people"
        (host.killed if claim.kind == "killed" else host.injured).append(claim)


# Verbs a killed or injured count is built on ("forces killed 6 militants"): the event of that verb
# takes the count.
_KILL_CUES = frozenset(
    "kill murder slay execute massacre lynch behead decapitate assassinate slaughter die shoot gun burn stab hack".split()
)  # the last ones kill "to death": the counts stage has already told that a claim is a death
_INJURE_CUES = frozenset("injure wound hurt maim shoot stab".split())
_WEAPONS = ("weapon_ied", "weapon_grenade", "weapon_suicide", "weapon_shelling", "weapon_air")
_CUE_WINDOW_SENTENCES = 2  # the trigger's sentence and the next two ("... Police dispersed them.")
_CUE_WINDOW_CHARS = 1500


def classify(
    cands: list[Candidate], lexicon: Lexicon, mentions: Sequence[ActorMention] = (),
    place_spans: Sequence[tuple[int, int]] = (),
) -> None:
    """Set each candidate's ACLED type from its trigger, actors, counts and the cues around it.

    ``place_spans``: the character spans the place stage found, so an object that is one is a place.

    ``mentions`` (the article's actor mentions) add two sentence cues: a named non-state armed group
    (inter 2-4: "Mungiki sect", "Al Shabaab") is ``armed_group``, and an ethnic or religious group the
    parser names (NORP: "Borana and Somalis clashed") is ``communal``.
    """
    if not cands:
        return
    sents = list(cands[0].sentence.doc.sents)
    cache: dict[int, object] = {}
    for c in cands:
        cues = cache.get(c.sent_index)
        if cues is None:
            # the sentence before may describe the same crowd ("Police lobbed tear gas to disperse
            # youths. The youths were protesting ...")
            window = sents[max(0, c.sent_index - 1) : c.sent_index + 1 + _CUE_WINDOW_SENTENCES]
            words = " ".join(s.text.lower() for s in window)[:_CUE_WINDOW_CHARS]
            lemmas = " ".join(t.lemma_.lower() for s in window for t in s)[:_CUE_WINDOW_CHARS]
            window_classes = [k for k in _ALL_CUE_CLASSES if k not in SENTENCE_CLASSES]
            cues = sentence_cues(words, lemmas, lexicon, window_classes)
            own = sents[c.sent_index]
            own_cues = sentence_cues(own.text.lower()[:_CUE_WINDOW_CHARS],
                                     " ".join(t.lemma_.lower() for t in own)[:_CUE_WINDOW_CHARS],
                                     lexicon, SENTENCE_CLASSES)  # fmt: skip
            cues.present.update(own_cues.present)
            for m in mentions:
                if own.start_char <= m.start < own.end_char and m.acled_inter in (2, 3, 4) and m.actor_id \
                        and not m.actor_id.startswith("*-"):
                    cues.present.setdefault("armed_group", m.start)
            for ent in own.ents:
                if ent.label_ == "NORP":
                    cues.present.setdefault("communal", ent.start_char)
            cache[c.sent_index] = cues
        cues = _with_weapon_of_previous_sentence(c, cues, cands, sents, lexicon)
        objects = [a.text for a in c.actors if a.role == "recipient"]
        objects += [ch.text for ch in c.token.children if ch.dep_ in ("dobj",)]
        lemma = c.lemma
        # "a roadside bomb struck a convoy": the weapon is the grammatical agent, so the event is an
        # explosion whatever else the sentence says about the convoy
        agents = [a.text for a in c.actors if a.role == "actor"]
        agents += [" ".join(t.text for t in ch.subtree) for ch in c.token.children if ch.dep_ == "nsubj"]
        weapon_agent = any(lexicon.cue_regex(k).search(a.lower()) for a in agents for k in _WEAPONS)
        place_object = _object_names_a_place(c.token, place_spans)
        c.acled_type, c.acled_sub, c.acled_rule = classify_acled(
            c.trigger.plover, c.trigger.mode, c.trigger.entry.acled, c.trigger.entry.sub, lemma, cues,
            c.actors, c.killed + c.injured, objects, lexicon.cue_regex("civilian"), weapon_agent, place_object,
        )  # fmt: skip


# a proper name right after the verb, followed by its district and province in brackets, as reports and
# ACLED notes place a town ("captured Chinshwehaw (Laukkaing, Shan-North)")
_NAME_WITH_CONTAINER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*\([A-Z][^()]{1,60}\)")


def _object_names_a_place(trigger, place_spans: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the trigger's object is a place: one the place stage found, a name the parser calls a
    place, or a name followed by a bracketed container (the parser often takes the bracket for the
    object)."""
    for ch in trigger.children:
        if ch.dep_ != "dobj":
            continue
        if ch.ent_type_ in ("GPE", "LOC", "FAC") or any(a <= ch.idx < b for a, b in place_spans):
            return True
    doc = trigger.doc
    return bool(_NAME_WITH_CONTAINER.match(doc.text, trigger.idx + len(trigger.text)))


_WEAPON_CLASSES = _WEAPONS + ("weapon_chemical",)


def _with_weapon_of_previous_sentence(c: Candidate, cues, cands: list[Candidate], sents, lexicon: Lexicon):
    """A bare outcome ("At least 81 people were killed") in a sentence that names no weapon takes the
    weapon of the sentence before when that sentence tells the attack without an event word of its
    own ("A suicide bomber drove a truck into a checkpoint.")."""
    if not c.outcome_only or c.sent_index == 0 or any(k in cues for k in _WEAPON_CLASSES):
        return cues
    if any(o.sent_index == c.sent_index - 1 for o in cands):
        return cues
    prev = sents[c.sent_index - 1]
    before = sentence_cues(prev.text.lower(), " ".join(t.lemma_.lower() for t in prev), lexicon, _WEAPON_CLASSES)
    if not before.present:
        return cues
    return SentenceCues({**cues.present, **before.present})


_GOVERNED_STEPS = 4
# events that happen in the world: reported as the object of a reaction ("condemned the strike",
# "investigating the killing", "accused of bombing") they stay the news, as ACLED codes them
_MATERIAL = frozenset(("ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"))
# ... unless what governs them says they did not or should not happen: asked, refused, threatened;
# or ends them: a curfew lifted, a strike called off (CONCEDE with the act as its object)
_IRREALIS_HOSTS = frozenset(("REQUEST", "REJECT", "THREATEN"))
_TOPIC_DEPS = frozenset(("dobj", "pobj", "prep", "xcomp", "ccomp", "pcomp", "attr", "oprd", "compound"))


def mark_governed(cands: list[Candidate]) -> None:
    """Mark events that are what another kind of event is about: "welcomed the agreement", "called on
    Israel to halt its strikes", "refused to withdraw". The governing event is then the sentence's
    news (PLOVER codes the verb); the governed one stays an event, only lower in salience. A
    violent, protest or coercive act that a reaction is about ("condemned the strike") stays the
    news unless the reaction asks for, refuses or threatens it. Events of the same category
    ("opened fire, killing 3") are one story and are left alone."""
    by_token: dict[int, Candidate] = {}
    for c in cands:
        by_token.setdefault(c.token.i, c)
        # a nominal trigger's light verb stands for it: "staged a sit-in", "carried out a raid"
        if c.token.pos_ in ("NOUN", "PROPN") and c.token.dep_ in ("dobj", "attr"):
            by_token.setdefault(c.token.head.i, c)
    for c in cands:
        cur = c.token
        for _ in range(_GOVERNED_STEPS):
            # only what an event is about: its object or complement, not a clause beside it
            # ("blockaded the road to protest ...": the protest is the frame, not the topic)
            if cur.head == cur or cur.dep_ not in _TOPIC_DEPS:
                break
            cur = cur.head
            host = by_token.get(cur.i)
            if host is not None and host is not c:
                ended = host.trigger.plover == "CONCEDE" and c.token.dep_ == "dobj" and c.token.head.i == host.token.i
                if host.trigger.plover != c.trigger.plover and host.sent_index == c.sent_index and (
                        host.trigger.plover in _IRREALIS_HOSTS or c.trigger.plover not in _MATERIAL or ended):
                    c.governed = True
                break


def _took_in_main_outcome(c: Candidate) -> bool:
    """A background event that took in a main-clause outcome stands for it ("five were killed two
    days after the militia executed 20 others"); one whose outcomes are background too does not
    ("reimposed blockades following the shooting deaths")."""
    doc = c.token.doc
    inside = {t.i for t in c.token.subtree}  # what hangs below the event shares its background
    return any(t.token not in inside and not _in_background(doc[t.token]) for t in c.merged)


def salience(c: Candidate, n_sentences: int, title_end: int) -> float:
    """A score in [0, 1]: the first sentence and the title weigh most, then main clauses, then type."""
    position = 1.0 / (1.0 + c.sent_index)
    if c.sentence.start_char < title_end:
        position = min(1.0, position + 0.5)
    score = 0.35 * position
    if c.background and not _took_in_main_outcome(c):
        score -= 0.15
    score += 0.15 * (1.0 if c.is_root else 0.3)
    score += 0.15 * _CATEGORY_WEIGHT.get(c.trigger.plover, 0.4)
    score += 0.1 * c.trigger.entry.weight
    score += 0.25 * _MODALITY_WEIGHT.get(c.modality, 0.5)
    if c.governed:
        score -= 0.15
    if c.killed or c.injured:
        score += 0.05
    if c.acled_type is None:
        score -= 0.05
    return max(0.0, min(1.0, score))


def is_historical(event_end: dt.date | None, published: dt.date | None, days: int = 28) -> bool:
    return bool(event_end and published and event_end < published - dt.timedelta(days=days))
