"""Finding actor mentions in a parsed article and resolving them to the registry.

Four passes, each leaving alone what an earlier pass took:

1. registry aliases ("Hizbollah", "the Iran-backed group", "Israeli warplanes");
2. generic actor nouns with an optional country word ("Kenyan police" -> Police Forces of Kenya,
   "gunmen" -> Unidentified Armed Group, "39 Israeli civilians" -> Civilians (Israel));
3. named entities: countries become their state actor, other persons and organisations are kept
   unresolved with their NER label;
4. anaphora: "the group", "the militia", "it", "they", "he" point at the nearest compatible actor
   before them (``antecedent``) and take its identity.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from truce.actors.registry import ActorEntry, ActorRegistry, NounCategory, normalise
from truce.annotate import doc_text
from truce.records import ActorMention, Article

log = logging.getLogger(__name__)


# A country right after one of these words is a place, not an actor ("strikes in Lebanon").
_LOCATIVE = {
    "in", "inside", "into", "across", "throughout", "within", "near", "around", "toward",
    "towards", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "entire", "across",
}
_BORDER_NOUNS = {"border", "borders", "frontier", "soil", "territory", "side", "coast", "airspace"}
_SUPPORTERS = {"supporters", "loyalists", "sympathizers", "sympathisers", "partisans", "followers"}

_ANAPHORS = {
    # phrase (lower-case tokens) -> compatible antecedent types
    ("the", "group"): {"group"},
    ("the", "militia"): {"group"},
    ("the", "movement"): {"group"},
    ("the", "organisation"): {"group", "org"},
    ("the", "organization"): {"group", "org"},
    ("the", "faction"): {"group"},
    ("the", "party"): {"group"},
    ("the", "militant", "group"): {"group"},
    ("the", "armed", "group"): {"group"},
    ("the", "militants"): {"group"},
    ("the", "insurgents"): {"group"},
    ("the", "rebels"): {"group"},
    ("the", "military"): {"military"},
    ("the", "army"): {"military"},
}
_PRONOUNS = {
    "he": {"person"},
    "him": {"person"},
    "his": {"person"},
    "she": {"person"},
    "her": {"person"},
    "it": {"org", "group"},
    "its": {"org", "group"},
    "they": {"group", "org", "plural"},
    "them": {"group", "org", "plural"},
    "their": {"group", "org", "plural"},
}
_ANAPHOR_WINDOW_SENTS = 3
# Capitalised modifiers that are not communities ("Armed cattle raiders", "Unknown gunmen").
_NOT_ETHNIC = {
    "armed", "unknown", "unidentified", "suspected", "alleged", "angry", "local", "rival", "cattle",
    "heavily", "masked", "several", "two", "three", "some", "many", "other", "more", "the", "islamist",
}


@dataclass
class _Found:
    mention: ActorMention
    type: str  # org | person | group | plural
    sector: str | None = None


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _from_entry(entry: ActorEntry, text: str, start: int, end: int) -> ActorMention:
    return ActorMention(
        text=text,
        start=start,
        end=end,
        name=entry.name,
        actor_id=entry.id,
        country=entry.country,
        acled_inter=entry.inter,
        sector=entry.sector,
        parent=entry.parent,
        party=entry.party,
    )


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _prev_words(text: str, start: int, n: int = 2) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w']+", text[max(0, start - 40) : start])][-n:]


def _is_place_use(text: str, start: int, end: int) -> bool:
    """A country name used as a place: "in southern Lebanon", "the Lebanese border"."""
    prev = _prev_words(text, start)
    if prev and (prev[-1] in _LOCATIVE or (len(prev) == 2 and prev[0] in _LOCATIVE)):
        return True
    following = re.match(r"[\s\-]*([\w-]+)?\s*([\w]+)?", text[end : end + 40])
    nxt = [w.lower() for w in (following.groups() if following else ()) if w]
    return bool(nxt) and (nxt[0] in _BORDER_NOUNS or (len(nxt) > 1 and nxt[1] in _BORDER_NOUNS))


def registry_mentions(text: str, registry: ActorRegistry, all_caps: bool) -> list[_Found]:
    found = []
    for start, end, actor_id in registry.match_aliases(text, all_caps=all_caps):
        entry = registry.actors[actor_id]
        if actor_id.endswith("-state") and _is_place_use(text, start, end):
            continue
        mention = _from_entry(entry, text[start:end], start, end)
        typ = entry.type
        tail = re.match(r"[\s'’s]*(\w+)", text[end : end + 30])
        if tail and tail.group(1).lower() in _SUPPORTERS and entry.type != "person":
            end = end + tail.end()
            mention = ActorMention(
                text=text[start:end],
                start=start,
                end=end,
                name=f"{entry.name} supporters",
                actor_id=f"{entry.id}:supporters",
                country=entry.country,
                acled_inter=6,
                sector="supporters",
                parent=entry.id,
                party=entry.party,
            )
            typ = "plural"
        found.append(_Found(mention, typ, entry.sector))
    return found


def _country_in(tokens, registry: ActorRegistry) -> tuple[str | None, int | None]:
    """The first country word among ``tokens`` (name, alias or demonym): (iso3, token index)."""
    for tok in tokens:
        iso3 = registry.country_of_word(tok.text)
        if iso3:
            return iso3, tok.i
        # two-token demonyms and names: "South Sudanese", "New Zealand", "Sri Lankan"
        if tok.i + 1 < len(tok.doc):
            iso3 = registry.country_of_word(tok.text + " " + tok.doc[tok.i + 1].text)
            if iso3:
                return iso3, tok.i
    return None, None


# Nouns of violence whose modifier names the perpetrator ("police firing", "army shelling", "an
# Israeli air strike"); the events stage reads them too ("killed in police firing").
VIOLENCE_NOUNS = frozenset(
    "firing fire shooting gunfire strike airstrike attack raid shelling bombing bombardment crossfire "
    "clash explosion blast operation crackdown ambush assault offensive action "
    # the weapon a state fires: "a Russian missile hit", "an Israeli drone struck"
    "missile rocket drone shell mortar artillery warplane jet".split()
)


def generic_mentions(doc, registry: ActorRegistry, taken: list[tuple[int, int]]) -> list[_Found]:
    """Generic actor nouns ("police", "gunmen", "civilians") with their country word, if any."""
    found: list[_Found] = []
    n_max = registry.max_noun_len
    i = len(doc) - 1
    while i >= 0:
        tok = doc[i]
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound",) and tok.head.i > i and (
                tok.head.lemma_.lower() not in VIOLENCE_NOUNS):
            i -= 1  # "police station" is no actor; "police firing", "army shelling" name who fired
            continue
        match: tuple[int, NounCategory] | None = None
        for n in range(min(n_max, i + 1), 0, -1):
            words = [t.lower_ for t in doc[i - n + 1 : i + 1]]
            cat = registry.noun_category(words)
            if cat is None and n == 1:
                cat = registry.noun_category([tok.lemma_.lower()])
            if cat is not None:
                match = (i - n + 1, cat)
                break
        if match is None:
            i -= 1
            continue
        first, cat = match
        head = tok
        # Left modifiers inside the noun phrase: "Kenyan", "Syrian regime", "Lebanon 's".
        left = [t for t in doc[head.left_edge.i : first] if t.i >= head.left_edge.i]
        iso3, country_tok = _country_in(left, registry)
        if iso3 is None:
            for child in head.rights:
                if child.lower_ == "of":
                    iso3, country_tok = _country_in(list(child.subtree), registry)
        if _after_group(doc, first, taken, registry):
            i = first - 1  # "Al Shabaab forces", "Taliban commanders": members of the named group
            continue
        label = None
        if cat.category == "armed" and _ethnic_label(left, registry):
            # "Turkana attackers", "Pokot raiders": an identity militia, named for its community
            cat = registry.nouns.get("identity", cat)
        if cat.category == "identity":
            ethnic = _ethnic_label(left, registry)
            explicit = any(t.lower_ in ("ethnic", "clan", "communal", "tribal") for t in doc[first : i + 1])
            if ethnic is None and iso3 is None and not explicit:
                cat = registry.nouns.get("armed", cat)  # "armed cattle raiders": whose? unknown
            elif ethnic is not None:  # "Pokot raiders" -> Pokot Ethnic Militia
                label = ethnic.text
                country_tok = ethnic.i if country_tok is None else min(country_tok, ethnic.i)
            # "Ethiopian raiders" -> Unidentified Ethnic Militia (Ethiopia)
        start_tok = country_tok if country_tok is not None and country_tok < first else first
        # Keep adjectives between the country word and the noun ("Kenyan security forces").
        start = doc[start_tok].idx
        end = head.idx + len(head.text)
        if _overlaps(taken, start, end):
            i = first - 1
            continue
        country = registry.country(iso3)
        entry_id = f"{iso3 or '*'}-{cat.category}"
        entry = registry.get(entry_id) if iso3 else None
        if entry is not None and entry.sector == cat.sector:
            mention = _from_entry(entry, doc_text(doc)[start:end], start, end)
        else:
            mention = ActorMention(
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                name=cat.name_for(country, label),
                actor_id=entry_id if label is None else f"{entry_id}:{label.lower()}",
                country=iso3,
                acled_inter=cat.inter,
                sector=cat.sector,
                parent=f"{iso3}-state" if iso3 and cat.inter == 1 else None,
                party=cat.party,
            )
        plural = head.tag_ in ("NNS", "NNPS") or cat.type == "group"
        found.append(_Found(mention, "plural" if plural and cat.type != "org" else cat.type, cat.sector))
        i = start_tok - 1 if start_tok < first else first - 1
    found.reverse()
    return found


def _ethnic_label(left, registry: ActorRegistry):
    names = [
        t for t in left
        if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.text[:1].isupper() and not t.text.isupper()
        and not registry.country_of_word(t.text) and t.dep_ in ("compound", "amod", "nmod")
        and t.lower_ not in _NOT_ETHNIC
    ]
    return names[-1] if names else None


def _after_group(doc, first: int, taken: list[tuple[int, int]], registry: ActorRegistry) -> bool:
    if first == 0:
        return False
    prev = doc[first - 1]
    if prev.text in ("'s", "’s"):
        return False
    end = prev.idx + len(prev.text)
    return any(e == end for _, e in taken)


def _state_forces(registry: ActorRegistry, iso3: str, text: str, start: int, end: int) -> _Found:
    """A country's armed forces, from its registry entry when it has one ("ISR-military": the IDF)."""
    entry = registry.get(f"{iso3}-military")
    if entry is not None:
        return _Found(_from_entry(entry, text, start, end), "org", entry.sector)
    cat = registry.nouns["military"]
    mention = ActorMention(
        text=text, start=start, end=end, name=cat.name_for(registry.country(iso3)),
        actor_id=f"{iso3}-military", country=iso3, acled_inter=cat.inter, sector=cat.sector,
        parent=f"{iso3}-state", party=cat.party,
    )  # fmt: skip
    return _Found(mention, "org", cat.sector)


def entity_mentions(doc, registry: ActorRegistry, taken: list[tuple[int, int]]) -> list[_Found]:
    """Named entities not yet taken: countries as state actors, others kept with their NER label."""
    found = []
    text = doc_text(doc)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        start, end = ent.start_char, ent.end_char
        if _overlaps(taken, start, end):
            continue
        label_text = re.sub(r"^(the|The)\s+", "", ent.text)
        start += len(ent.text) - len(label_text)
        iso3 = registry.country_of_word(label_text)
        if ent.label_ in ("GPE", "NORP"):
            # Only countries act; cities are places. A bare demonym is an attribute, not an actor,
            # except before a noun of violence: "an Israeli air strike" was struck by Israel's forces.
            if iso3 and ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound", "nmod") and (
                    ent.root.head.lemma_.lower() in VIOLENCE_NOUNS):
                found.append(_state_forces(registry, iso3, label_text, start, end))
                continue
            if not iso3 or ent.label_ == "NORP" or _is_place_use(text, start, end):
                continue
            entry = registry.get(f"{iso3}-state")
            country = registry.country(iso3)
            if entry is not None:
                mention = _from_entry(entry, label_text, start, end)
            else:
                mention = ActorMention(
                    text=label_text,
                    start=start,
                    end=end,
                    name=country.name if country else label_text,
                    actor_id=f"{iso3}-state",
                    country=iso3,
                    acled_inter=1,
                    sector="government",
                )
            mention.ner_label = ent.label_
            found.append(_Found(mention, "org", "government"))
            continue
        mention = ActorMention(text=label_text, start=start, end=end, ner_label=ent.label_)
        found.append(_Found(mention, "person" if ent.label_ == "PERSON" else "org"))
    return found


def _sentence_index(doc) -> list[int]:
    """Start offsets of sentences, for the anaphora window."""
    try:
        return [s.start_char for s in doc.sents]
    except ValueError:  # a Doc without sentence boundaries
        return [0]


def anaphor_mentions(doc, found: list[_Found], taken: list[tuple[int, int]]) -> list[_Found]:
    """Resolve "the group", "it", "they", "he" to the nearest compatible actor before them."""
    import bisect

    sent_starts = _sentence_index(doc)
    ordered = sorted(found, key=lambda f: f.mention.start)
    starts = [f.mention.start for f in ordered]
    out: list[_Found] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        phrase_len, types = 0, None
        for n in (3, 2):
            key = tuple(t.lower_ for t in doc[i : i + n])
            if len(key) == n and key in _ANAPHORS:  # near the end a slice is shorter than n
                phrase_len, types = n, _ANAPHORS[key]
                break
        if types is None and tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
            if tok.lower_ == "it" and not _it_refers(tok):
                i += 1
                continue
            phrase_len, types = 1, _PRONOUNS[tok.lower_]
        if types is None:
            i += 1
            continue
        start = tok.idx
        last = doc[i + phrase_len - 1]
        end = last.idx + len(last.text)
        if _overlaps(taken, start, end):
            i += phrase_len
            continue
        sent_no = bisect.bisect_right(sent_starts, start) - 1
        floor = sent_starts[max(0, sent_no - _ANAPHOR_WINDOW_SENTS)]
        k = bisect.bisect_left(starts, start) - 1
        antecedent = None
        while k >= 0 and ordered[k].mention.start >= floor:
            cand = ordered[k]
            if _compatible(cand, types) and cand.mention.end <= start:
                antecedent = cand
                break
            k -= 1
        if antecedent is not None:
            ref = antecedent.mention
            mention = ActorMention(
                text=doc_text(doc)[start:end],
                start=start,
                end=end,
                name=ref.name,
                actor_id=ref.actor_id,
                country=ref.country,
                acled_inter=ref.acled_inter,
                sector=ref.sector,
                parent=ref.parent,
                ner_label=ref.ner_label,
                antecedent=ref.antecedent if ref.antecedent is not None else ref.start,
                party=ref.party,
            )
            item = _Found(mention, antecedent.type, antecedent.sector)
            out.append(item)
            pos = bisect.bisect_left(starts, start)
            ordered.insert(pos, item)
            starts.insert(pos, start)
        i += phrase_len
    return out


def _compatible(cand: _Found, types: set[str]) -> bool:
    if cand.sector == "media":  # "told Axios they are frustrated": they are not Axios
        return False
    if "military" in types:
        return cand.sector == "military"
    if cand.type in types:
        # "they" for a plural noun phrase of people, not for a lone civilian
        return not (cand.type == "plural" and cand.sector == "civilians" and "group" in types
                    and "plural" not in types)
    return False


def _it_refers(tok) -> bool:
    """Whether "it" refers to something: not "it is important to", "it was reported that"."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    if head.lemma_ in ("be", "seem", "appear", "remain", "take", "become"):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > head.i for c in head.children) and tok.dep_ == "nsubjpass":
        return False
    return True


def find_actors(doc, article: Article, registry: ActorRegistry) -> list[ActorMention]:
    """Every actor mention in the article, in text order."""
    text = doc_text(doc)
    all_caps = is_all_caps(text)
    found = registry_mentions(text, registry, all_caps)
    taken = [(f.mention.start, f.mention.end) for f in found]
    generic = generic_mentions(doc, registry, taken)
    found += generic
    taken += [(f.mention.start, f.mention.end) for f in generic]
    entities = entity_mentions(doc, registry, taken)
    found += entities
    taken += [(f.mention.start, f.mention.end) for f in entities]
    collective = _collective_mentions(doc, found, registry, taken)
    if collective:
        found = [f for f in found if not any(
            c.mention.start < f.mention.end and f.mention.start < c.mention.end for c in collective
        )] + collective
    _by_action(doc, found, registry)
    _inherit_country(doc, found, registry)
    _sentence_country(doc, found, registry, all_caps)
    home = _document_country(doc, registry, all_caps)
    if home:
        # a government or army with no country word stays unknown: in an article about two states
        # "the health ministry" may be either's
        country_default(
            [f.mention for f in found if f.sector not in ("government", "military")], home, registry
        )
    found += anaphor_mentions(doc, found, taken)
    found.sort(key=lambda f: (f.mention.start, f.mention.end))
    log.debug("article %s: %d actor mentions", article.id, len(found))
    return [f.mention for f in found]


_INHERIT_SECTORS = {"military", "police", "government"}

# What people do decides how ACLED names them: residents who protest are protesters, residents who
# beat or burn are rioters (codebook: inter 6 and 5).
_PROTEST_VERBS = {
    "protest", "demonstrate", "march", "rally", "picket", "petition", "boycott", "strike", "block",
    "barricade", "gather", "chant", "sit", "converge", "match", "parade", "walk",
}
_PROTEST_NOUNS = {"protest", "protests", "demonstration", "demonstrations", "rally", "march", "sit-in", "strike", "vigil"}
_RIOT_VERBS = {
    "riot", "attack", "beat", "lynch", "torch", "burn", "loot", "stone", "destroy", "clash", "storm",
    "vandalise", "vandalize", "set", "raze", "chop", "assault", "hack", "invade", "smash", "damage",
    "kill", "maim", "injure", "wound", "throw", "pelt", "engage", "fight",
}
_COLLECTIVE_HEADS = {
    "members", "member", "groups", "group", "hundreds", "thousands", "dozens", "scores", "band",
    "crowd", "crowds", "gang",
}  # not "supporters": "supporters of the MP" are a crowd, not the MP (ACLED codes them as such)


def _head_token(doc, mention: ActorMention):
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governing_verb(tok):
    """The verb a subject acts through: "residents ... protested", "residents of X and Y blocked"."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.head, tok.dep_ == "nsubj" and not is_reduced_passive(tok.head)
    return None, False


# Verbs that need a victim: used without an object, their subject is the victim ("Woman killed on her
# farm by unknown group", "one man seriously injured", "2 police killed" - headline and note style).
HARM_VERBS = frozenset(
    "kill murder slay execute massacre lynch behead assassinate slaughter hack stab shoot gun injure "
    "wound maim hurt attack abduct kidnap rape defile torture beat assault ambush burn lynch strangle "
    "club stone axe machete spear arrest detain".split()
)


def is_reduced_passive(verb) -> bool:
    """True when a harm verb's grammatical subject is its victim: a passive without "was" ("Woman
    killed by unknown group", "One man hacked to death", "one man seriously injured", "2 police
    killed"). The parser tags such verbs as active; the signs are a "by" agent, or no object and no
    "have" auxiliary on a verb that needs a victim."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in HARM_VERBS:
        return False
    children = list(verb.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        return False  # a regular passive: the parser already knows
    if any(c.dep_ == "agent" for c in children):
        return True
    if any(c.dep_ in ("dobj", "dative", "attr", "oprd") or (c.dep_ in ("ccomp", "xcomp") and c.i > verb.i)
           for c in children):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "will", "would", "can", "could", "may", "might",
                                                    "shall", "should", "must", "do", "to")
           for c in children):
        return False
    if any(c.dep_ == "prt" for c in children) and verb.lemma_.lower() not in ("gun",):
        return False
    # "gunmen attacked at night" keeps its actor unless the verb form says participle or outcome
    return verb.tag_ == "VBN" or verb.lemma_.lower() in ("kill", "injure", "wound", "hurt", "maim", "murder",
                                                         "behead", "lynch", "hack", "stab", "slay", "kidnap",
                                                         "abduct", "rape", "defile", "torture")


def _by_action(doc, found: list[_Found], registry: ActorRegistry) -> None:
    protesters, rioters = registry.nouns.get("protesters"), registry.nouns.get("rioters")
    if protesters is None or rioters is None:
        return
    for f in found:
        m = f.mention
        if f.sector != "civilians" or not (m.actor_id or "").split(":")[0].endswith("-civilians"):
            continue
        head = _head_token(doc, m)
        if head is None:
            continue
        verb, active = _governing_verb(head)
        if verb is None or not active:
            continue
        lemma = verb.lemma_.lower()
        objects = {c.lower_ for c in verb.children if c.dep_ in ("dobj", "attr")}
        if lemma in _PROTEST_VERBS or (lemma in ("hold", "stage", "organise", "organize", "hold")
                                       and objects & _PROTEST_NOUNS):
            cat = protesters
        elif lemma in _RIOT_VERBS or any(c.lower_ == "violently" for c in verb.children):
            cat, label = _violent_group(doc, head, m, registry)
            cat = cat or rioters
            country = registry.country(m.country)
            m.name = cat.name_for(country, label)
            m.actor_id = f"{m.country or '*'}-{cat.category}" + (f":{label.lower()}" if label else "")
            m.acled_inter, m.sector, m.party = cat.inter, cat.sector, cat.party
            f.sector = cat.sector
            continue
        else:
            continue
        country = registry.country(m.country)
        m.name = cat.name_for(country)
        m.actor_id = f"{m.country or '*'}-{cat.category}"
        m.acled_inter, m.sector, m.party = cat.inter, cat.sector, cat.party
        f.sector = cat.sector


# Who commits violence decides ACLED's actor kind (codebook): a spontaneous crowd is rioters (mob
# violence), but herders and pastoralists, or any group named for its community ("Kalenjin youths"), are
# an identity militia; party supporters are a political militia; "three men", "a group of men", "an
# unidentified man" are an unidentified armed group.
_IDENTITY_NOUNS = frozenset("herder herders herdsman herdsmen pastoralist pastoralists".split())
# Inhabitants and trades named after a place ("Nairobi residents", "Kolongolo village community",
# "boda boda riders") are a crowd, not a community's militia.
_CROWD_HEADS = frozenset(
    "resident villager community local inhabitant rider operator trader student supporter people "
    "crowd member worker driver vendor".split()
)
_ARMED_MEN = re.compile(r"\b(?:men|group of men|unidentified man|unknown man|individuals)\b", re.I)


def _violent_group(doc, head, m: ActorMention, registry: ActorRegistry):
    """(category, ethnic label) for civilians who commit violence, or (None, None) for a crowd."""
    left = [t for t in doc[head.left_edge.i : head.i]]
    words = {t.lower_ for t in doc[head.left_edge.i : head.i + 1]}
    if words & {"angry", "irate", "enraged", "furious", "mob"}:
        return None, None
    crowd = head.lemma_.lower() in _CROWD_HEADS
    ethnic = _ethnic_label(left, registry) if not crowd else None
    if ethnic is not None and ethnic.ent_type_ in ("GPE", "LOC", "FAC"):
        ethnic = None
    if ethnic is not None or words & _IDENTITY_NOUNS:
        return registry.nouns.get("identity"), ethnic.text if ethnic is not None else None
    if _ARMED_MEN.search(m.text):
        return registry.nouns.get("armed"), None
    return None, None


def _collective_mentions(doc, found: list[_Found], registry: ActorRegistry,
                         taken: list[tuple[int, int]]) -> list[_Found]:
    """ "members of the Maasai community", "groups of armed men", "hundreds of residents": the
    collective noun stands for the actor named inside it."""
    out: list[_Found] = []
    spans = sorted(found, key=lambda f: f.mention.start)
    for tok in doc:
        if tok.lower_ not in _COLLECTIVE_HEADS or tok.pos_ not in ("NOUN", "NUM"):
            continue
        if any(f.mention.start <= tok.idx < f.mention.end and f.mention.name for f in spans):
            continue
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            continue
        inner = next((f for f in spans if f.mention.start <= pobj.idx < f.mention.end), None)
        if inner is None:
            continue
        start = tok.left_edge.idx if tok.left_edge.i >= tok.i - 2 else tok.idx
        end = inner.mention.end
        ref = inner.mention
        mention = ActorMention(
            text=doc_text(doc)[start:end], start=start, end=end, name=ref.name,
            actor_id=ref.actor_id, country=ref.country, acled_inter=ref.acled_inter,
            sector=ref.sector, parent=ref.parent, ner_label=ref.ner_label, party=ref.party,
        )  # fmt: skip
        out.append(_Found(mention, "plural" if inner.type != "org" else inner.type, inner.sector))
    return out


def _sentence_country(doc, found: list[_Found], registry: ActorRegistry, all_caps: bool) -> None:
    """A generic actor takes the one country its sentence names ("On the Lebanese side, the health
    ministry reports ..."); with two countries in the sentence it stays open."""
    import bisect

    pending = [f for f in found if f.mention.country is None and (f.mention.actor_id or "").startswith("*-")]
    if not pending:
        return
    sent_starts = _sentence_index(doc)
    sent_ends = sent_starts[1:] + [len(doc_text(doc))]
    words = registry.match_countries(doc_text(doc), all_caps=all_caps)
    for f in pending:
        k = bisect.bisect_right(sent_starts, f.mention.start) - 1
        lo, hi = sent_starts[k], sent_ends[k]
        countries = {iso3 for s, _, iso3 in words if lo <= s < hi}
        if len(countries) == 1:
            country_default([f.mention], countries.pop(), registry)


_PLACE_WORDS = {
    "town", "county", "district", "village", "city", "area", "sub-county", "constituency",
    "province", "region", "estate", "camp", "market", "ward",
}


def _document_country(doc, registry: ActorRegistry, all_caps: bool) -> str | None:
    """The country an article is about: the most named one among its countries, demonyms and towns.

    Generic actors with no country word ("police", "gunmen", "residents") are named after it, as
    ACLED names them after the country where the event happens.
    """
    from collections import Counter

    votes: Counter[str] = Counter()
    for _, _, iso3 in registry.match_countries(doc_text(doc), all_caps=all_caps):
        votes[iso3] += 1
    for ent in doc.ents:
        placelike = ent.label_ in ("GPE", "LOC", "FAC")
        if not placelike and ent.label_ in ("PERSON", "ORG", "NORP"):
            # the tagger often takes a small town for a person: "in Garissa town", "at Kakuma"
            after = doc[ent.end].lower_ if ent.end < len(doc) else ""
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            placelike = after in _PLACE_WORDS or before in ("in", "at", "near", "from", "outside")
        if placelike:
            iso3 = registry.country_of_place(ent.text)
            if iso3:
                votes[iso3] += 1
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2) + [(None, 0)]
    return top if not rest or rest[0][1] < n else None


def _inherit_country(doc, found: list[_Found], registry: ActorRegistry) -> None:
    """"61 soldiers" in a sentence about the IDF are Israeli: a generic state actor with no country
    takes the country of a state actor of the same sector named in the same sentence."""
    import bisect

    sent_starts = _sentence_index(doc)

    def sent_of(pos: int) -> int:
        return bisect.bisect_right(sent_starts, pos) - 1

    for f in found:
        m = f.mention
        if m.country or not (m.actor_id or "").startswith("*-") or f.sector not in _INHERIT_SECTORS:
            continue
        same = [
            g.mention for g in found
            if g.mention.country and g.sector == f.sector and g is not f
            and sent_of(g.mention.start) == sent_of(m.start)
        ]
        countries = {g.country for g in same}
        if len(countries) == 1:
            country_default([m], countries.pop(), registry)


def country_default(mentions: list[ActorMention], iso3: str, registry: ActorRegistry) -> None:
    """Give generic actors with no country ("police", "gunmen") the event's country, in place.

    ``iso3`` may also be an alpha-2 code, as ``PlaceMention.country_code`` gives it.

    The events stage calls this with the country of an event's location: ACLED names an
    unidentified armed group after the country where it acts.
    """
    country = registry.country(iso3)
    if country is None:
        return
    iso3 = country.iso3  # an alpha-2 code ("KE", a place's country_code) works too
    for m in mentions:
        if m.country is not None or not m.actor_id or not m.actor_id.startswith("*-"):
            continue
        category, _, label = m.actor_id[2:].partition(":")
        cat = registry.nouns.get(category)
        if cat is None:
            continue
        m.country = iso3
        m.actor_id = f"{iso3}-{m.actor_id[2:]}"
        entry = registry.get(f"{iso3}-{category}")
        if entry is not None and not label and entry.sector == cat.sector:
            m.name, m.acled_inter, m.parent = entry.name, entry.inter, entry.parent
        else:
            m.name = cat.name_for(country, label.title() if label else None)
            if cat.inter == 1:
                m.parent = f"{iso3}-state"


def normalised(text: str) -> str:  # re-exported helper for attribution and counts
    return normalise(text)
