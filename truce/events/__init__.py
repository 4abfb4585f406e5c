"""The events stage: triggers, PLOVER and ACLED types, roles, counts, attribution, modality, salience.

Public surface:
    load_lexicon(extra_files=()) -> Lexicon
    find_events(doc, article, times, places, actors, lexicon, registry=None) -> tuple[list[EventMention], list[CountClaim]]

How it works is described in docs/events.md; the trigger lexicon and cue lists are
``truce/data/triggers.tsv`` and ``truce/data/event_cues.tsv``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from truce import place as place_stage
from truce import time as time_stage
from truce.annotate import doc_text
from truce.events import assemble
from truce.events.acled import _looks_armed
from truce.events.lexicon import ACLED_TYPES, PLOVER_CATEGORIES, Lexicon, load_lexicon
from truce.events.modality import modality_cues, threat_over
from truce.records import (
    ActorMention,
    Article,
    EventActor,
    Attribution,
    CountClaim,
    EventMention,
    PlaceMention,
    TimeExpression,
)

log = logging.getLogger(__name__)

__all__ = ["load_lexicon", "find_events", "code_events", "Lexicon", "PLOVER_CATEGORIES", "ACLED_TYPES"]


def _find_counts(doc, article: Article, actors: list[ActorMention]) -> list[CountClaim]:
    from truce.events.counts import find_counts

    return find_counts(doc, article, actors)


def _find_attributions(doc, article: Article, actors: list[ActorMention]) -> list[Attribution]:
    from truce.actors import find_attributions

    return find_attributions(doc, article, actors)


_INTENT_TO_AGREE = frozenset(("CONSULT", "AID", "RETREAT", "CONCEDE", "SUPPORT", "COOPERATE"))
# ... and an announced coercive act is a threat ("said they would blockade Paris", "will extend the
# curfew", "will boycott the elections unless ..."): PLOVER codes the announcement as THREATEN.
# Announced sanctions stay SANCTION, as PLOVER codes them ("will impose sanctions")
_INTENT_TO_THREATEN = frozenset(("PROTEST", "COERCE"))
# Words that offer the act below them ("offered to negotiate", "is willing to withdraw", "ready to host").
_OFFER_WORDS = frozenset("offer willing ready prepared volunteer".split())


def _offered(token) -> bool:
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in _OFFER_WORDS:
        return False
    governing = [head, head.head] if head.dep_ == "acomp" else [head]  # "is not ready to ..."
    return not any(c.dep_ == "neg" for g in governing for c in g.children)


def _attribution_for(cand: assemble.Candidate, attributions: list[Attribution]) -> Attribution | None:
    s0, s1 = cand.sentence.start_char, cand.sentence.end_char
    inside = [a for a in attributions if s0 <= a.start < s1]
    if not inside:
        return None
    return min(inside, key=lambda a: abs(a.start - cand.trigger.start))


def code_events(
    doc,
    article: Article,
    actors: Sequence[ActorMention],
    counts: Sequence[CountClaim],
    attributions: Sequence[Attribution],
    lexicon: Lexicon,
    places: Sequence[PlaceMention] = (),
) -> list[assemble.Candidate]:
    """Triggers, roles, modality, counts and types, before dating and placing (the testable core).

    ``places`` (the place stage's mentions) tell which objects are places ("rebels seize Kidal")."""
    cands = assemble.candidates(doc, article, list(actors), lexicon)
    if not cands:
        cands = _crowd_fallback(doc, actors, lexicon)
    cands = assemble.merge_outcomes(cands)
    cands = assemble.merge_talk_references(cands)
    assemble.mark_governed(cands)
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    assemble.assign_counts(cands, list(counts), bounds)
    doc_ = cands[0].sentence.doc if cands else None
    for c in cands:
        if c.killed or c.trigger.plover != "ASSAULT":
            continue
        for token in [c.token] + [doc_[t.token] for t in c.merged]:
            implied = assemble.implied_single_death(token, c.modality)
            if implied is not None:
                c.killed.append(implied)
                break
    assemble.classify(cands, lexicon, list(actors), [(p.start, p.end) for p in places])
    if lexicon.acled_model is not None:
        _apply_model(cands, lexicon.acled_model)
    for c in cands:
        _crowd_inter(c)
    _apply_note_label(doc, article.text, cands, lexicon)
    coded = assemble.coded_fatalities(article.text)
    if coded is not None:
        violent = [c for c in cands if c.trigger.plover == "ASSAULT" and c.modality in ("asserted", "claimed")]
        if violent:
            main = max(violent, key=lambda c: assemble.salience(c, 1, 0))
            main.killed = [coded]
    cands = _threats_of_force(cands, modality_cues(lexicon))
    for c in cands:
        # PLOVER codes a promise of a cooperative act as AGREE ("will provide aid", "will visit")
        if c.trigger.plover in _INTENT_TO_AGREE and (
                c.modality == "planned" and c.modality_reason.startswith("auxiliary") or _offered(c.token)):
            c.trigger.mode = c.trigger.plover.lower()
            c.trigger.plover = "AGREE"
        elif c.trigger.plover in ("AGREE", "CONCEDE") and (c.modality == "negated" or (
                c.modality == "hypothetical" and c.modality_reason.startswith("'fail"))):
            # an agreement or concession refused, or not reached, is a rejection ("will not accept any
            # more refugees", "would not meet their demands", "failed to reach agreement"): PLOVER codes
            # the refusal, which did happen
            c.trigger.plover, c.trigger.mode = "REJECT", None
            c.modality, c.modality_reason = "asserted", f"refused: {c.modality_reason}"
            c.acled_type = c.acled_sub = None  # no agreement was made: ACLED codes nothing
        elif c.trigger.plover in _INTENT_TO_THREATEN and c.trigger.mode != "arrest" and (
                c.modality in ("planned", "hypothetical") and c.modality_reason.startswith(("auxiliary", "modal"))):
            c.trigger.mode = c.trigger.plover.lower()
            c.trigger.plover = "THREATEN"
        c.attribution = _attribution_for(c, list(attributions))
        if c.attribution is not None and c.attribution.party and c.modality == "asserted":
            c.modality, c.modality_reason = "claimed", f"attributed to {c.attribution.text!r}"
    return cands


def _threats_of_force(cands: list[assemble.Candidate], cues) -> list[assemble.Candidate]:
    """PLOVER codes a threat of force as THREATEN, not as the force it threatens ("vowed to fight on",
    "may be forced to resume the war"); ACLED codes no event for it. When the threat word is itself an
    event ("threatened to attack"), the force folds into it as its mode."""
    by_token = {c.token.i: c for c in cands}
    dropped: set[int] = set()
    for c in cands:
        if c.trigger.plover != "ASSAULT" or c.modality != "threatened":
            continue
        word = threat_over(c.token, cues)
        if word is None:
            continue
        host = by_token.get(word.i)
        if host is not None and host.trigger.plover == "THREATEN":
            host.trigger.mode = "violence"
            host.merged.append(c.trigger)
            dropped.add(id(c))
            continue
        c.trigger.plover, c.trigger.mode = "THREATEN", "violence"
        c.acled_type = c.acled_sub = None
        c.acled_rule += "; threatened force"
    return [c for c in cands if id(c) not in dropped]


_NOTE_LABEL = re.compile(r"\s*([A-Z][A-Za-z/ -]{2,40}?)\s*:\s")


def _apply_note_label(doc, text: str, cands: list[assemble.Candidate], lexicon: Lexicon) -> None:
    """An ACLED note that opens with its coder's label ("Property destruction: ...", "Movement of
    forces: ...", ``truce/data/acled_note_labels.tsv``) is coded as the label says: the main event
    takes the label's ACLED type, or the label itself becomes the event when the note has none."""
    m = _NOTE_LABEL.match(text)
    entry = lexicon.note_labels.get(m.group(1).strip().lower()) if m else None
    if entry is None:
        return
    rule = f"acled:note-label {m.group(1).strip()!r}"
    # the label's own word ("Arrests:", "Looting:") names the event the note tells; it is not one more
    # event, and never the main one (it has no actor, place or date of its own)
    cands[:] = [c for c in cands if not m.start(1) <= c.trigger.start < m.end(1)]
    asserted = [c for c in cands if c.modality in ("asserted", "claimed")]
    if asserted:
        main = max(asserted, key=lambda c: assemble.salience(c, 1, 0))
        main.acled_type, main.acled_sub, main.acled_rule = entry.acled, entry.sub, rule
        return
    from truce.events.triggers import Trigger

    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or not len(span):
        return
    head = span.root
    trig = Trigger(head.i, m.start(1), m.end(1), entry, entry.plover, entry.mode, f"lexicon:{entry.trigger}/label")
    cand = assemble.Candidate(trigger=trig, sent_index=0, sentence=head.sent, token=head)
    cand.acled_type, cand.acled_sub, cand.acled_rule, cand.is_root = entry.acled, entry.sub, rule, True
    cands.insert(0, cand)


_CROWD_TRIGGERS = {"protesters": "protest", "rioters": "riot"}


def _crowd_fallback(doc, actors: Sequence[ActorMention], lexicon: Lexicon) -> list[assemble.Candidate]:
    """An article with no event word that names a crowd of protesters or rioters ("Protesters claim the
    army harasses civilians", "Sudanese protesters push for a referendum") reports their protest or
    riot: the crowd's noun is the trigger (rule ``fallback:crowd``) and the crowd its actor."""
    from truce.events.triggers import Trigger

    for m in actors:
        category = (m.actor_id or "").split("-", 1)[-1].split(":", 1)[0]
        lemma = _CROWD_TRIGGERS.get(category)
        entries = lexicon.single.get(lemma or "", ())
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if not entries or span is None or not len(span):
            continue
        entry, head = entries[0], span.root
        trig = Trigger(head.i, m.start, m.end, entry, entry.plover, entry.mode, "fallback:crowd")
        sent_index = next(i for i, s in enumerate(doc.sents) if s.start <= head.i < s.end)
        cand = assemble.Candidate(trigger=trig, sent_index=sent_index, sentence=head.sent, token=head)
        cand.actors = [EventActor(text=m.text, name=m.name, country=m.country, acled_inter=m.acled_inter,
                                  role="actor", start=m.start, end=m.end, actor_id=m.actor_id)]  # fmt: skip
        cand.is_root = True
        return [cand]
    return []


def _apply_model(cands: list[assemble.Candidate], model) -> None:
    """Let the ACLED sub-type model overrule the rules where it is confident."""
    from truce.events.acled_model import SUB_TO_TYPE, event_features

    if not cands:
        return
    sents = list(cands[0].sentence.doc.sents)
    for c in cands:
        if c.acled_type is None:
            continue
        sub, p = model.predict(event_features(c, sents))
        if p >= model.min_confidence and sub != c.acled_sub:
            c.acled_rule += f"; model {sub!r} p={p:.2f} over {c.acled_sub!r}"
            c.acled_type, c.acled_sub = SUB_TO_TYPE[sub], sub


def _crowd_inter(c: assemble.Candidate) -> None:
    """ACLED codes the crowd of a protest as protesters (inter 6) and of a riot as rioters (5).

    An actor of a Protests or Riots event that the actors stage left without an ``inter`` code and that
    is not a pronoun gets the crowd's code; named state forces or armed groups keep theirs.
    """
    code = {"Protests": 6, "Riots": 5}.get(c.acled_type or "")
    if code is None:
        return
    state_acts = any(a.role == "actor" and a.acled_inter in (1, 8) for a in c.actors)
    for a in c.actors:
        # the crowd is the actor, or, when the police act on it ("used tear gas to disperse
        # striking staff"), the recipient
        crowd_role = a.role == "actor" or (a.role == "recipient" and state_acts)
        # civilians (inter 7) that the police disperse in a protest are its crowd
        coded = a.acled_inter is not None and not (a.role == "recipient" and a.acled_inter == 7)
        if not crowd_role or coded or _looks_armed(a.text):
            continue
        if a.text.lower() not in ("he", "she", "they", "it", "we", "him", "her", "them"):
            a.acled_inter = code


_default_registry = None


def _registry(given=None):
    """The actor registry the pipeline loaded (with the user's --actors files); for callers that
    pass none, the bundled one, loaded once per process."""
    global _default_registry
    if given is not None:
        return given
    if _default_registry is None:
        from truce.actors import load_registry

        _default_registry = load_registry()
    return _default_registry


def _article_country(places: list[PlaceMention]) -> str | None:
    """The country most of the article's places lie in (alpha-2), or None."""
    tally: dict[str, int] = {}
    for p in places:
        if p.country_code:
            tally[p.country_code] = tally.get(p.country_code, 0) + 1
    return max(tally, key=lambda k: (tally[k], k)) if tally else None


_GOVERNMENT_REGAINS = "Government regains territory"
_NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
_TERRITORY_SUBS = frozenset((_GOVERNMENT_REGAINS, _NON_STATE_OVERTAKES))


def _territory_taken_by(sub: str, event_actors: list, location: PlaceMention | None, registry=None) -> str:
    """Which of ACLED's two territory sub-types fits who took the place and where it lies.

    ACLED's codebook: a government "regains" territory in its own country; anyone else who takes a
    place by force, a foreign state's army included, "overtakes" it. So "Russian forces took
    control of Avdiivka" (Ukraine) overtakes, "Afghan forces recaptured the district" regains, and
    "rebels retook the town" overtakes whatever the verb suggests.
    """
    takers = [a for a in event_actors if a.role == "actor"]
    state = [a for a in takers if a.acled_inter == 1]
    if state:
        reg = _registry(registry)
        country = reg.country(location.country_code) if location and location.country_code else None
        if country is None:
            return sub
        # "Rwandan and Mozambican forces": the country's own army among several takes its place back
        own = any(a.country == country.iso3 or country.iso3 in {reg.country_of_word(w) for w in a.text.split()}
                  for a in state)
        return _GOVERNMENT_REGAINS if own else _NON_STATE_OVERTAKES
    if any(a.acled_inter in (2, 3, 4) for a in takers):
        return _NON_STATE_OVERTAKES
    return sub


def _default_countries(event_actors: list, country_code: str | None, registry=None) -> None:
    """Generic actors with no country ("police", "gunmen", "protesters") take the event's country.

    ACLED names such an actor after the country where the event happened ("Police Forces of Kenya",
    "Unidentified Armed Group (Kenya)"); ``truce.actors.country_default`` does the naming.
    """
    if not country_code:
        return
    from truce.actors import country_default

    reg = _registry(registry)
    for ea in event_actors:
        # the people an event hits are the place's: "three people" killed in Nabatieh are civilians of
        # Lebanon even in an article that names Israel more often, unless their own words say whose
        if (ea.actor_id or "").endswith("-civilians") and ea.actor_id[:1] != "*" and ea.role == "recipient" \
                and not any(reg.country_of_word(w) for w in re.findall(r"[\w'’-]+", ea.text)):
            place_country = reg.country(country_code)
            if place_country is not None and place_country.iso3 != ea.country:
                ea.country, ea.actor_id = None, "*-civilians"
        if ea.country is None and ea.actor_id and not ea.actor_id.startswith("*-") and ea.acled_inter in (2, 3):
            # a transnational armed group with no home country in the registry ("Islamic State"):
            # ACLED names its branch after the country it acts in ("Islamic State (Afghanistan)")
            country = _registry(registry).country(country_code)
            ea.country = country.iso3 if country is not None else None
            continue
        if ea.country is not None or not (ea.actor_id or "").startswith("*-"):
            continue
        m = ActorMention(text=ea.text, start=ea.start, end=ea.end, name=ea.name, actor_id=ea.actor_id,
                         acled_inter=ea.acled_inter)  # fmt: skip
        country_default([m], country_code, _registry(registry))
        ea.country, ea.name, ea.actor_id = m.country, m.name, m.actor_id
        if ea.acled_inter is None:
            ea.acled_inter = m.acled_inter


_VIOLENT_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))
_CROWD = {"Protests": ("protesters", 6), "Riots": ("rioters", 5)}


def _generic(
    category: str, text: str, start: int, end: int, role: str = "actor", registry=None, label: str | None = None
) -> EventActor:
    cat = _registry(registry).nouns.get(category)
    return EventActor(text=text, name=cat.name_for(None, label) if cat else None, country=None,
                      acled_inter=cat.inter if cat else None, role=role, start=start, end=end,
                      actor_id=f"*-{category}" + (f":{label.lower()}" if label else ""))  # fmt: skip


def _settle_actor(c: assemble.Candidate, actors: list[ActorMention], registry=None) -> None:
    """ACLED's actor 1: the crowd of a protest or riot, the armed side of a violent event.

    * In a Protests event the crowd is protesters (inter 6), in a Riots event rioters (5): a generic
      crowd actor of the other kind is recoded, and when no actor is named the trigger itself ("held a
      demonstration", "rioted") stands for the crowd.
    * A violent event with no actor of known kind ("1 soldier was killed during clashes with Taliban
      militants", "hit a Taliban-planted IED") takes the named non-state armed group (inter 2-4) of its
      sentence as the actor.
    """
    main = next((a for a in c.actors if a.role == "actor"), None)
    crowd = _CROWD.get(c.acled_type or "")
    if crowd is not None:
        category, inter = crowd
        if main is not None and (main.actor_id or "").split("-", 1)[-1] in ("protesters", "rioters") and (
            main.acled_inter != inter
        ):
            cat = _registry(registry).nouns.get(category)
            country = _registry(registry).country(main.country) if main.country else None
            prefix = (main.actor_id or "*-").split("-", 1)[0]
            main.actor_id, main.acled_inter = f"{prefix}-{category}", inter
            main.name = cat.name_for(country) if cat else main.name
        elif main is None or (main.acled_inter is None and main.text.lower() in ("he", "she", "they", "it", "we")):
            if main is not None:
                main.role = "other"
            text = doc_text(c.sentence.doc)[c.trigger.start : c.trigger.end]
            c.actors.insert(0, _generic(category, text, c.trigger.start, c.trigger.end, registry=registry))
        return
    if c.acled_type not in _VIOLENT_TYPES:
        return
    if main is not None and main.acled_inter == 7 and _UNKNOWN_CIVILIANS.search(main.text):
        # "unidentified youths", "armed youths", "people believed to be from the Maasai community"
        # who attack are an armed group or a community's militia, not civilians
        _unknown_perpetrator(c, main, registry, force=True)
        return
    if main is not None and main.acled_inter is not None:
        return
    s0, s1 = c.sentence.start_char, c.sentence.end_char
    in_sentence = [m for m in actors if s0 <= m.start < s1 and m.acled_inter in (2, 3, 4) and m.actor_id]
    # a named group ("clashes with Taliban militants", "a Taliban-planted IED"); failing that, with no
    # actor at all, a generic one that is not the event's victim ("raiders", "gunmen")
    generic = [m for m in in_sentence if m.actor_id.startswith("*-")
               and not any(a.start == m.start and a.role == "recipient" for a in c.actors)]  # fmt: skip
    armed = [m for m in in_sentence if not m.actor_id.startswith("*-")] or (generic if main is None else [])
    if armed:
        m = armed[0]
        if main is not None:
            main.role = "other"
        c.actors.insert(0, EventActor(text=m.text, name=m.name, country=m.country, acled_inter=m.acled_inter,
                                      role="actor", start=m.start, end=m.end, actor_id=m.actor_id))  # fmt: skip
        return
    sent = c.sentence
    near0 = sent.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    if main is None and any(m.acled_inter in (1, 2, 3, 4) and near0 <= m.start < s1 for m in actors
                            if not any(a.start == m.start for a in c.actors)):
        return  # armed actors named around it: one of them may well be this one's, so leave it open
    _unknown_perpetrator(c, main, registry)


# Words of an actor phrase that name no one in particular: "an unknown group", "a device", "they".
_UNNAMED = re.compile(
    r"\b(?:unknown|unidentified|group|another|device|ied|bomb|explosive|mine|landmine|grenade|they|he|she|"
    r"it|someone|somebody|assailants?|attackers?)\b", re.I)
_COMMUNITY = re.compile(r"\b(?:ethnic|tribe|tribes|tribal|clan|clans|sub-clan|community|communities)\b", re.I)


_UNKNOWN_CIVILIANS = re.compile(r"\b(?:unidentified|unknown|armed|believed|suspected)\b", re.I)


def _unknown_perpetrator(c: assemble.Candidate, main: EventActor | None, registry=None, force: bool = False) -> None:
    """ACLED's convention for a violent event whose perpetrator the text does not name: an
    "Unidentified Armed Group" (inter 3), or a community's militia (inter 4) when the actor phrase names
    an ethnic group ("Orma ethnic group attacks", "Maasai spear a man"). The generic actor points at the
    words that stand for it (the actor phrase, or the trigger when there is none)."""
    doc = c.sentence.doc
    category, label = None, None
    if main is not None:
        span = doc.char_span(main.start, main.end, alignment_mode="expand")
        norp = [t for t in span if t.ent_type_ == "NORP"] if span is not None else []
        if any(_registry(registry).country_of_word(t.text) for t in norp):
            return  # "Israeli", "Kenyan": a state's people or forces, not a community's militia
        if norp or _COMMUNITY.search(main.text):
            label = norp[0].text if norp else None
            category = "identity"
        elif _UNNAMED.search(main.text) or force:
            category = "armed"
        else:
            return  # a named person or body of unknown kind keeps its words
        main.role = "other"
        start, end, text = main.start, main.end, main.text
    else:
        category = "armed"
        start, end = c.trigger.start, c.trigger.end
        text = doc_text(doc)[start:end]
    actor = _generic(category, text, start, end, registry=registry, label=label)
    c.actors.insert(0, actor)


_TOLL_FAMILY = frozenset(("ASSAULT", "PROTEST", "COERCE"))
# Words above a violent event that make it the reason for the main one ("rioting in response to the
# deaths of several people during the violence").
_MOTIVE_WORDS = frozenset("response retaliation revenge reprisal after following protest".split())
_TOLL_SENTENCES = 2  # the main event's sentence and the two after it
# Words that make a later violent event another incident, not the main one's toll ("A similar attack
# took place at Kaben, which killed one man", "an earlier raid").
_OTHER_INCIDENT = frozenset("similar another separate separately earlier previous last recent other".split())


def _another_incident(c: assemble.Candidate) -> bool:
    """Whether the violent event is said to be another one: "a similar attack", "another raid", "an
    earlier clash" (the word on the trigger or just before it, or on the sentence's subject when the
    trigger is a verb: "Another gang attacked ..."). "stones and other objects" elsewhere in the
    sentence says nothing of the event."""
    doc = c.sentence.doc
    near = list(c.token.children) + list(doc[max(c.sentence.start, c.token.i - 3) : c.token.i])
    if c.token.pos_ == "VERB":
        near += [t for ch in c.token.children if ch.dep_ in ("nsubj", "nsubjpass") for t in ch.subtree]
    return any(t.lower_ in _OTHER_INCIDENT for t in near)


def _setting_of_toll(c: assemble.Candidate) -> bool:
    """ "killed ... during a gunbattle": the fighting the toll happened in, not an earlier event that
    the main one answers ("rioted in response to deaths during the violence", "after one died in")."""
    if not (c.token.dep_ == "pobj" and c.token.head.lower_ in ("during", "in")):
        return False
    return not any(h.lower_ in _MOTIVE_WORDS or any(m.dep_ == "mark" and m.lower_ in _MOTIVE_WORDS for m in h.children)
                   for h in _heads(c.token, 5))  # fmt: skip


def _borrow_toll(cands: list[assemble.Candidate], n_sent: int, title_end: int) -> None:
    """The main event takes the toll the next sentences report when it has none of its own.

    An article or note reports one incident and then its outcome in other words: "Riots broke out in
    Kisumu. Police shot one dead as they intervened.", "Ethiopian raiders attacked Turbi. One killed and
    one abducted." When the main (most salient) event is violent or a protest, asserted, and has no
    killed count, the first asserted violent event of its sentence or the two after it that has one lends
    its count claims (which keep pointing at their own words). A background clause or a sentence about
    "a similar" or "another" attack is another incident and lends nothing.
    """
    if len(cands) < 2:
        return
    main = max(cands, key=lambda c: (assemble.salience(c, n_sent, title_end), -c.trigger.start))
    if main.killed or main.modality not in ("asserted", "claimed") or main.trigger.plover not in _TOLL_FAMILY:
        return
    if main.acled_type is None:
        return
    for c in sorted(cands, key=lambda c: c.trigger.start):
        lender = c.trigger.plover == "ASSAULT" or (c.trigger.plover, c.trigger.mode) == ("COERCE", "destroy")
        if c is main or not c.killed or not lender or (c.background and not _setting_of_toll(c)):
            continue
        if c.modality not in ("asserted", "claimed") or not (0 <= c.sent_index - main.sent_index <= _TOLL_SENTENCES):
            continue
        if c.sent_index == main.sent_index and c.trigger.start < main.trigger.start:
            continue
        clause = assemble._relative_clause(c.token)
        if clause is not None and assemble._outside(main.token, clause):
            continue  # "beat up a man who had just killed his mother": what the victim had done
        if any(h.lemma_.lower() in ("suspect", "accuse", "allege") for h in _heads(c.token, 3)):
            continue  # "men suspected to have killed a driver": what someone is accused of
        if c.token.dep_ in ("amod", "compound"):
            continue  # "the funeral of a murdered businessman": a description, not the incident
        if _another_incident(c):
            continue
        main.killed = list(c.killed)
        if not main.injured:
            main.injured = list(c.injured)
        main.acled_rule += f"; toll from {doc_text(c.sentence.doc)[c.trigger.start:c.trigger.end]!r}"
        return


# Words before a violent event that make it the arrest's reason, not its setting ("arrested after an
# earlier clash", "in connection with the recent bombing", "over an alleged attack", "on charges of
# inciting violence").
_BEFORE_LEAD = re.compile(r"\b(?:after|following|over|for|in connection with|linked to|planning|plotting|suspected of|"
                          r"earlier|recent|charges? of|charged with|accused of|suspicion of|incit\w*)\b[^.]*$", re.I)
_MAIN_OVER_ARRESTS = frozenset(("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots",
                                "Protests"))


def _arrests_are_part_of_violence(events: list[EventMention]) -> None:
    """ACLED codes arrests as their own event only when they are not part of another one: when the main
    event is an arrest and the article reports violence or a protest as it happens (asserted or
    claimed), that event leads ("Ten people were arrested as youths engaged police in running battles",
    "a policeman has been apprehended after shooting dead a politician")."""
    if len(events) < 2 or events[0].acled_sub_event_type != "Arrests" or "note-label" in (events[0].trigger_rule or ""):
        return
    main = events[0]
    lead = next((e for e in events[1:] if e.acled_event_type in _MAIN_OVER_ARRESTS and e.modality == "asserted"
                 and e.sentence_start == main.sentence_start and "background" not in (e.trigger_rule or "")
                 and not _BEFORE_LEAD.search(main.sentence[max(0, e.trigger_start - main.sentence_start - 40):
                                                           e.trigger_start - main.sentence_start])),
                None)  # fmt: skip
    if lead is None:
        return
    events.remove(lead)
    lead.salience = max(lead.salience, events[0].salience)
    lead.trigger_rule = (lead.trigger_rule or "") + "; main over the arrest"
    events.insert(0, lead)


def _heads(token, n: int) -> list:
    out, cur = [], token
    for _ in range(n):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def _title_end(article: Article) -> int:
    if article.title and article.text.lstrip().startswith(article.title.strip()):
        return article.text.find(article.title.strip()) + len(article.title.strip())
    return 0


def find_events(
    doc,
    article: Article,
    times: list[TimeExpression],
    places: list[PlaceMention],
    actors: list[ActorMention],
    lexicon: Lexicon,
    registry=None,
) -> tuple[list[EventMention], list[CountClaim]]:
    """Every event in the article, main event first, and every count claim (cumulative ones too).

    ``registry`` is the actor registry the actors stage used (default: the bundled one); it names
    generic actors ("police", "gunmen") by country."""
    counts = _find_counts(doc, article, actors)
    attributions = _find_attributions(doc, article, actors)
    cands = code_events(doc, article, actors, counts, attributions, lexicon, places)
    n_sent = max(1, len(list(doc.sents)))
    title_end = _title_end(article)
    article_country = _article_country(places)
    _borrow_toll(cands, n_sent, title_end)
    events: list[EventMention] = []
    for c in cands:
        span = (c.trigger.start, c.trigger.end)
        date = time_stage.date_event(doc, article, span, times)
        location, location_basis = place_stage.locate_event_with_basis(doc, article, span, places)
        _settle_actor(c, actors, registry)
        _default_countries(
            c.actors, (location.country_code if location else None) or article_country, registry
        )
        if c.acled_type == "Battles" and c.acled_sub in _TERRITORY_SUBS:
            c.acled_sub = _territory_taken_by(c.acled_sub, c.actors, location, registry)
        modality = c.modality
        if modality in ("asserted", "claimed") and assemble.is_historical(date.end if date else None, article.published):
            modality = "historical"
        c.modality = modality
        sent = c.sentence
        events.append(
            EventMention(
                id="",
                article_id=article.id,
                plover_type=c.trigger.plover,
                plover_mode=c.trigger.mode,
                acled_event_type=c.acled_type,
                acled_sub_event_type=c.acled_sub,
                trigger_start=c.trigger.start,
                trigger_end=c.trigger.end,
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                sentence=sent.text,
                date=date,
                location=location,
                actors=c.actors,
                fatalities=assemble.sum_counts(c.killed),
                injured=assemble.sum_counts(c.injured),
                attribution=c.attribution,
                modality=modality,
                salience=assemble.salience(c, n_sent, title_end),
                confidence=round(0.5 + 0.5 * c.trigger.entry.weight, 3),
                trigger_rule=f"{c.trigger.rule}; {c.acled_rule}"
                + (f"; modality {c.modality_reason}" if c.modality_reason else ""),
                location_basis=location_basis,
            )
        )
    events.sort(key=lambda e: (-e.salience, e.trigger_start))
    _arrests_are_part_of_violence(events)
    for n, e in enumerate(events, start=1):
        e.id = f"{article.id}:e{n}"
    return events, counts
