"""Roles: who acted (actor, the agent or subject) and who was acted on (recipient, the object or target).

Roles come from the dependency parse around the trigger: the active subject or the passive ``by``
agent is the actor, the object, the passive subject or the target of "on/against/at" is the recipient.
A noun trigger takes its actor from a possessive or adjective ("Israel's strike", "Israeli strike")
or from the light verb that governs it ("the IDF carried out an airstrike"). Each role phrase is then
matched to the actor mentions found by the actors stage; a phrase with no mention keeps its own text.
"""

from __future__ import annotations

from truce.actors.finder import HARM_VERBS, VIOLENCE_NOUNS, is_reduced_passive
from truce.events.counts import DIE_VERBS
from truce.events.triggers import LIGHT_VERBS, OUTCOME_LEMMAS
from truce.records import ActorMention, EventActor

__all__ = ["role_phrases", "event_actors"]

_SUBJ = ("nsubj", "csubj")
_PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
_TARGET_PREPS = ("on", "against", "at", "upon", "targeting", "target", "into")
_CLAUSE_LINKS = ("advcl", "conj", "xcomp", "ccomp", "pcomp", "acl")
_MAX_PHRASE_TOKENS = 12


# "killed in police firing", "died in an Israeli air strike", "wounded by army shelling": the violence
# named after the preposition carries the perpetrator.
_CAUSE_PREPS = frozenset(("in", "during", "by", "from", "after"))
_FORCE_WORDS = frozenset(
    "police army military troops troop soldier soldiers security paramilitary navy gendarmerie".split()
)


def _agent_of_violence(verb) -> list:
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _CAUSE_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ == "pcomp" and noun.lemma_.lower() in _FIRING_VERBS:
                # "in police firing" parsed as a clause: "police" is the subject of "firing"
                subjects = [c for c in noun.children if c.dep_ == "nsubj"]
                if subjects:
                    return subjects
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _FORCE_WORDS and (any(
                    c.dep_ == "acl" and c.lemma_.lower() in ("fire", "shoot", "shell") for c in noun.children)
                    or noun.i + 1 < len(noun.doc) and noun.nbor(1).lower_ in ("firing", "fire", "shooting")):
                # "in police firing" read as "police" with the participle "firing", or with "firing"
                # hung elsewhere in the clause
                return [noun]
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in VIOLENCE_NOUNS:
                continue
            for c in noun.children:
                if c.dep_ == "poss" and c.pos_ != "PRON":
                    return [c]
                if c.dep_ in ("compound", "amod", "nmod") and (
                        c.ent_type_ in ("NORP", "ORG", "GPE") or c.lemma_.lower() in _FORCE_WORDS):
                    return [c]
                if c.dep_ == "prep" and c.lower_ == "by":
                    return [p for p in c.children if p.dep_ == "pobj"]
    return []


_FIRING_VERBS = frozenset(("fire", "shoot", "shell", "bomb", "open"))
# what is fired: "fired about 40 rounds killing two persons" - the rounds do not kill, the shooters do
_MUNITIONS = frozenset("round rounds shot shots bullet bullets shell shells rocket rockets missile missiles "
                       "mortar mortars grenade grenades volley volleys".split())  # fmt: skip
_WHEN_MARKS = frozenset(("when", "as", "after", "while"))


def _resorted_to_fire(verb) -> bool:
    """"the police resorted to firing": the firing is the object of "resort to"."""
    return verb.lemma_.lower() == "resort" and any(
        p.lemma_.lower() in ("fire", "firing", "shooting") for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children if p.dep_ in ("pobj", "pcomp"))


def _shooter_in_when_clause(verb) -> list:
    """"one person was killed when the police fired 15 rounds": the subject of a firing clause
    attached to a harm verb that names no perpetrator of its own."""
    # the clause may hang on a coordinated harm verb: "one was killed and six injured when the police fired"
    # (or on the participle of a coordinated noun: "killed and six others [injured] when ...")
    conj = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    verbs = [verb] + conj + [a for c in conj for a in c.children if a.dep_ == "acl" and a.lemma_.lower() in HARM_VERBS]
    for clause in (c for v in verbs for c in v.children):
        if clause.dep_ != "advcl" or not (clause.lemma_.lower() in _FIRING_VERBS or _resorted_to_fire(clause)):
            continue
        if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN_MARKS for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in _SUBJ and (
            c.lemma_.lower() in _FORCE_WORDS | _ARMED_WORDS or c.ent_type_ in ("ORG", "NORP", "GPE"))]
        if subjects:  # an armed subject only: "when people fired live shots" names nobody
            return subjects
    return []


_ARMED_WORDS = frozenset("gunman gunmen militant attacker assailant rebel fighter terrorist bandit insurgent".split())


def _phrase(token) -> tuple[int, int]:
    """The character span of a noun phrase headed by ``token``, without relative clauses."""
    left, right = token.i, token.i
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "appos", "prep", "punct", "cc", "conj", "advcl"):
            continue
        sub = list(child.subtree)
        if abs(sub[0].i - token.i) > _MAX_PHRASE_TOKENS or abs(sub[-1].i - token.i) > _MAX_PHRASE_TOKENS:
            continue
        left, right = min(left, sub[0].i), max(right, sub[-1].i)
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right])


def _with_conjuncts(token) -> list:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(child)
    return out


# verbs whose object is a means, not someone who acts: "used tear gas to disperse the protesters",
# "fired shots to scare them" - the subject does the second act
_INSTRUMENT_VERBS = frozenset(("use", "employ", "utilise", "utilize", "fire", "lob", "throw", "hurl", "shoot"))


def _subject_of(verb, depth: int = 0):
    """The subject of ``verb``, borrowed from the governing clause for "..., killing 3" and conjuncts."""
    for child in verb.children:
        if child.dep_ in _SUBJ:
            return child, "active"
        if child.dep_ in _PASSIVE_SUBJ:
            return child, "passive"
    if verb.dep_ == "xcomp" and verb.head != verb and verb.head.lemma_.lower() not in _INSTRUMENT_VERBS:
        # object control: "requires Hezbollah to withdraw", "asked the government to arrest him" -
        # the one asked acts
        obj = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            return obj, "active"
    if depth < 3 and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head != verb:
        return _subject_of(verb.head, depth + 1)
    return None, None


def role_phrases(trigger_token, demand=None) -> list[tuple[str, object]]:
    """(role, head token) pairs for the event whose trigger is ``trigger_token``; ``demand`` is the
    (speaker, addressee) of a reported "X must ..." (``truce.events.triggers.demand_clause``)."""
    t = trigger_token
    out: list[tuple[str, object]] = []
    if demand is not None:  # "Russia said Sudan must return ...": Russia asks, Sudan is asked
        speaker, addressee = demand
        return [("actor", s) for s in _with_conjuncts(speaker)] + [
            ("recipient", a) for a in _with_conjuncts(addressee)]
    if t.pos_ == "VERB" or (t.pos_ not in ("NOUN", "PROPN") and t.dep_ == "ROOT"):
        subj, voice = _subject_of(t)
        if subj is not None:
            if subj.like_num and t.lemma_.lower() in OUTCOME_LEMMAS or t.lemma_.lower() in DIE_VERBS:
                voice = "passive"  # headline style "10 killed": the number is the victims; who dies is one
            elif voice == "active" and subj.head.i == t.i and is_reduced_passive(t):
                voice = "passive"  # "Woman killed on her farm by unknown group", "2 police killed"
            out += [("recipient" if voice == "passive" else "actor", s) for s in _with_conjuncts(subj)]
        elif t.dep_ == "acl" and t.head.lemma_.lower() in _MUNITIONS and t.head.head != t.head:
            # "fired about 40 rounds killing two persons": whoever fired them killed
            shooter, voice = _subject_of(t.head.head)
            if shooter is not None and voice == "active":
                out += [("actor", s) for s in _with_conjuncts(shooter)]
        elif t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
            # a participle hanging on its noun: "30 IS militants surrendered" (the parser's reading),
            # "a man killed by police" (the noun is the victim of a harm verb or of a "by" agent), "a
            # gang killing 5" (a present participle: the noun acts)
            harm = (t.lemma_.lower() in HARM_VERBS | DIE_VERBS and t.tag_ != "VBG") or any(
                c.dep_ == "agent" for c in t.children)
            out.append(("recipient" if harm else "actor", t.head))
        for child in t.children:
            if child.dep_ == "agent":
                out += [("actor", p) for c in child.children if c.dep_ == "pobj" for p in _with_conjuncts(c)]
            elif child.dep_ in ("dobj", "dative"):
                out += [("recipient", o) for o in _with_conjuncts(child)]
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                # "on 06 October" is a date, not a target
                out += [("recipient", p) for p in child.children if p.dep_ == "pobj"
                        and p.ent_type_ not in ("DATE", "TIME")]  # fmt: skip
            elif child.dep_ == "prep" and child.lower_ == "with" and t.lemma_ in ("clash", "fight", "meet"):
                out += [("recipient", p) for p in child.children if p.dep_ == "pobj"]
        if not any(r == "actor" for r, _ in out):
            out += [("actor", a) for a in _agent_of_violence(t) or _shooter_in_when_clause(t)]
    else:  # noun trigger
        pronoun_poss = []
        for child in t.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":
                pronoun_poss.append(child)  # "their talks": the light verb's subject is better
            elif child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
                out.append(("actor", child))  # "Hezbollah's attack", not "last year's demonstrations"
            elif child.dep_ in ("amod", "compound") and (
                    child.ent_type_ in ("NORP", "GPE", "ORG") or child.lemma_.lower() in _FORCE_WORDS):
                # "Israeli strike", "police firing"; but "the Nabatieh drone attack" names a place:
                # the modifier acts only when the actors stage found an actor there
                out.append((_KNOWN_ACTOR, child))
            elif child.dep_ == "prep" and child.lower_ == "by":
                out += [("actor", p) for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                out += [("recipient", p) for p in child.children if p.dep_ == "pobj"]
            elif child.dep_ == "prep" and child.lower_ in ("with", "between"):
                out += [("recipient", p) for c in [child] for p in c.children if p.dep_ == "pobj"]
            elif child.dep_ == "nsubj" and t.dep_ == "ROOT":
                # a headline verb the parser took for a noun: "Police exchange fire with raiders"
                out.append(("actor", child))
            elif child.dep_ == "dobj":
                # ... whose object is still its object: "Attackers shoot KDF soldier"
                out += [("recipient", o) for o in _with_conjuncts(child)]
            elif child.dep_ == "acl" and child.lemma_ in ("target", "hit", "kill"):
                out += [("recipient", o) for o in child.children if o.dep_ == "dobj"]
        if t.dep_ == "ROOT" and not any(r == "actor" for r, _ in out):
            # a sequence trigger's first word may hold the subject ("Police exchange fire", "exchange"
            # parsed as a compound with its own subject)
            out += [("actor", g) for c in t.children if c.dep_ == "compound" for g in c.children
                    if g.dep_ == "nsubj"]  # fmt: skip
        head = t.head
        if t.dep_ in ("dobj", "attr") and head.lemma_.lower() in LIGHT_VERBS and not any(r == "actor" for r, _ in out):
            subj, voice = _subject_of(head)
            if subj is not None and voice == "active":
                out += [("actor", s) for s in _with_conjuncts(subj)]
            for child in head.children:
                if child.dep_ == "agent":
                    out += [("actor", p) for p in child.children if p.dep_ == "pobj"]
        elif t.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB":
            # "an airstrike killed three people": the verb's object is the recipient
            out += [("recipient", o) for o in head.children if o.dep_ == "dobj"]
        if pronoun_poss and not any(r == "actor" for r, _ in out):
            out += [("actor", p) for p in pronoun_poss]
    return out


_KNOWN_ACTOR = "actor if known"  # a role_phrases role: an actor only where an actor mention covers the word


def _mention_for(head, actors_sorted: list[ActorMention]) -> ActorMention | None:
    """The actor mention inside the phrase headed by ``head`` (the one covering the head word first)."""
    start, end = _phrase(head)
    best = None
    for m in actors_sorted:
        if m.start >= end:
            break
        if m.end <= start:
            continue
        if m.start <= head.idx < m.end:
            return m
        if best is None:
            best = m
    return best


def event_actors(trigger_token, actors_sorted: list[ActorMention], text: str, demand=None) -> list[EventActor]:
    """The event's actors and recipients, matched to actor mentions where the phrase holds one
    (``demand``: see ``role_phrases``)."""
    out: list[EventActor] = []
    seen: set[tuple[int, int, str]] = set()
    for role, head in role_phrases(trigger_token, demand):
        if head.pos_ == "PRON" and head.lower_ in ("it", "this", "that", "which", "who"):
            mention = next((m for m in actors_sorted if m.start == head.idx), None)
            if mention is None:
                continue
        elif role == _KNOWN_ACTOR:
            mention = next((m for m in actors_sorted if m.start <= head.idx < m.end
                            and (m.actor_id or m.acled_inter is not None)), None)  # fmt: skip
            if mention is None:
                continue
            role = "actor"
        else:
            mention = _mention_for(head, actors_sorted)
        if mention is not None:
            ea = EventActor(
                text=mention.text, name=mention.name, country=mention.country,
                acled_inter=mention.acled_inter, role=role, start=mention.start, end=mention.end,
                actor_id=mention.actor_id,
            )  # fmt: skip
        else:
            start, end = _phrase(head)
            ea = EventActor(text=text[start:end], name=None, country=None, acled_inter=None,
                            role=role, start=start, end=end)  # fmt: skip
        key = (ea.start, ea.end, ea.role)
        if key not in seen:
            seen.add(key)
            out.append(ea)
    return out
