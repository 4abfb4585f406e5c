"""Finding place names in a parsed article: spaCy NER plus a phrase matcher and patterns.

spaCy's small English model misses many Middle-Eastern place names, so NER spans (GPE, LOC, FAC,
and NORP adjectives that name a country) are joined by:

* a phrase matcher over the curated supplement's names, in any of their spellings (longest match
  wins, so "Aita ech Chaab" beats NER's "Aita");
* a phrase matcher over the whole gazetteer for capitalised word sequences that NER left alone,
  kept only when the candidate lies in a country the article is already about;
* patterns: a container after a name, "X (Bint Jbeil, Al Nabatieh)" or "X, Lebanon", and a
  "near / outskirts of / north of X" cue that lowers the precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from truce.annotate import doc_text
from truce.place._normalise import ARTICLES, fold_key, plain_key
from truce.place.gazetteer import Gazetteer

__all__ = ["Candidate", "detect"]

_LABELS = {"GPE", "LOC", "FAC"}
_MAX_WORDS = 7
_NEAR_RE = re.compile(
    r"(?:\bnear|\boutskirts of|\bclose to|\bvicinity of|\bnorth of|\bsouth of|\beast of|\bwest of|"
    r"\bnortheast of|\bnorthwest of|\bsoutheast of|\bsouthwest of|\baround|\bkm from|\bkilometres from|"
    r"\bkilometers from|\bmiles from|\bedge of)\s+(?:the\s+)?(?:town of\s+|city of\s+|village of\s+)?$",
    re.I,
)
_PAREN_RE = re.compile(r"\s*\(([^()\n]{2,80})\)")
_COMMA_RE = re.compile(r",\s+")
# Words that are place names somewhere but, capitalised at a sentence start or in a title, are
# usually not places in news: never matched by the gazetteer phrase matcher alone.
_CONNECTORS = {
    "of",
    "de",
    "la",
    "le",
    "du",
    "del",
    "al",
    "el",
    "ash",
    "ech",
    "en",
    "ad",
    "es",
    "as",
    "ar",
    "az",
    "bin",
    "bint",
    "abu",
    "umm",
    "ibn",
    "-",
    "e",
    "i",
    "ye",
    "wa",
    "va",
}  # last: Persian ezafe, "and"


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    source: str  # "ner", "gazetteer", "pattern"
    near: bool = False
    containers: list[str] = field(default_factory=list)
    kind: str | None = None
    label: str | None = None


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and (
        t[0].isupper() or t.lower() in ARTICLES or t.lower() in _CONNECTORS or t in ("'s",)
    )


_NOT_PLACE_ENTS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "LAW",
    "WORK_OF_ART",
}
_CUE_BEFORE = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "from",
    "towards",
    "toward",
    "around",
    "across",
}
# nouns that name a kind of place: "Khiam town", "the village of X", "Aleppo province"
PLACE_KIND_NOUNS = frozenset(
    (
        "town",
        "city",
        "village",
        "province",
        "district",
        "governorate",
        "region",
        "area",
        "camp",
        "countryside",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "suburbs",
        "county",
        "valley",
        "border",
        "crossing",
        "municipality",
    )
)
# administrative units of many countries ("Kani township", "Beni territory", "Gondar zone")
ADMIN_UNIT_NOUNS = frozenset(("township", "territory", "zone", "commune", "oblast", "raion", "woreda",
                               "tehsil", "upazila", "lga", "department", "subdistrict", "sub-district",
                               "locality", "parish", "canton", "governorate", "emirate"))  # fmt: skip
_CUE_AFTER = PLACE_KIND_NOUNS | ADMIN_UNIT_NOUNS | {"river", "refugee", "prefecture", "state"}
# "Kani township, Sagaing": the unit word sits between a place and its container
_UNIT_BEFORE_COMMA_RE = re.compile(
    r"\s+(?:" + "|".join(sorted(PLACE_KIND_NOUNS | ADMIN_UNIT_NOUNS)) + r")(?=,)", re.I
)


def _name_word(tok) -> bool:
    """A capitalised proper-noun word that continues a name (not the first word of a sentence)."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ == "PROPN" and not tok.is_sent_start


# words after a name that say its people or sites are meant: "Narok residents", "Mandera police
# post", "Msambweni polling station", "Kisii University students"
_CUE_AFTER_SITE = {
    "residents",
    "villagers",
    "police",
    "polling",
    "station",
    "market",
    "university",
    "hospital",
    "sub-county",
    "constituency",
    "ward",
    "estate",
}
# "residents of Kainuk", "the University of Nairobi", "the people of X", "the towns of X and Y",
# "west of X", "took control of X"
_CUE_OF = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "control",
    "residents",
    "people",
    "villagers",
    "university",
    "outskirts",
    "town",
    "city",
    "village",
    "towns",
    "cities",
    "villages",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "district",
    "province",
    "region",
    "governorate",
    "camp",
}
# words between a locative preposition and a name that keep the preposition's cue
_SIDES = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "rural",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "downtown",
    "neighbouring",
    "neighboring",
    "nearby",
}
# "the village of Sharifah", "the towns of Khan Touman, Aleis and Alzorba": names a place the
# gazetteer may lack; kept (with no coordinates unless a container places them)
_SETTLEMENT_OF_RE = re.compile(
    r"\b(?:the\s+)?(?:town|towns|village|villages|city|cities|hamlet|neighbou?rhood|suburb|"
    r"district|camp|locality|localities)\s+of\s+$",
    re.I,
)


# "(Bint Jbeil, Nabatieh)": two or three capitalised names in brackets, as ACLED and wire copy place a
# name in its district and province
_CONTAINER_PARENS_RE = re.compile(r"\(\s*[A-Z][^(),\n]{0,40}(?:,\s*[A-Z][^(),\n]{0,40}){1,2}\)")


def _container_parens(span) -> bool:
    """The span is followed by, or sits inside, a bracketed list of containers: "Avdiivka (Pokrovsk,
    Donetsk)", "... (Al Hudaydah, Al Hudaydah)"."""
    text = doc_text(span.doc)
    s, e = span.start_char, span.end_char
    if _CONTAINER_PARENS_RE.match(text, e + (1 if text[e : e + 1] == " " else 0)):
        return True
    open_at = text.rfind("(", max(0, s - 45), s)
    if open_at < 0 or ")" in text[open_at:s]:
        return False
    m = _CONTAINER_PARENS_RE.match(text, open_at)
    return bool(m) and m.end() >= e and open_at > 0 and text[open_at - 2 : open_at].strip()[-1:].isalpha()


# one to three capitalised names in brackets after a place: its district, province, country
BRACKETED_NAMES_RE = re.compile(r" ?\(\s*[A-Z][A-Za-z' -]{2,40}(?:,\s*[A-Z][A-Za-z' -]{2,40}){0,2}\)")


def _bracketed_container_follows(span, gaz: Gazetteer) -> bool:
    """A bracket of one to three capitalised names, the first a gazetteer name, follows the span:
    "Voi (Taita Taveta)", ACLED's and wire copy's way of saying where a place lies (not "(AFP)")."""
    m = BRACKETED_NAMES_RE.match(doc_text(span.doc), span.end_char)
    if not m:
        return False
    first = m.group(0).strip()[1:-1].split(",")[0].strip()
    return bool(gaz.plain_rows(plain_key(first)))


def _local_people_follow(span) -> bool:
    """People of a place follow the span: "Voi residents", "Ijo villagers"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("residents", "villagers", "townspeople", "locals")


_KIND_OF_RE = re.compile(
    r"\b(town|city|village|camp|district|province|governorate|region|county|river|neighbou?rhood|suburb)"
    r"\s+of\s+$", re.I)


def _place_cue(span) -> bool:
    """A word around the span that says it names a place: "in X", "the town of X", "X province",
    "X residents", "residents of X", "X (District, Province)"."""
    if _container_parens(span):
        return True
    doc = span.doc
    i = span.start
    while i > 0 and doc[i - 1].lower_ in _SIDES:
        i -= 1  # "in western Palmyra", "in southern rural Aleppo"
    before = doc[i - 1].lower_ if i > 0 else ""
    before2 = doc[i - 2].lower_ if i > 1 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if before in _CUE_BEFORE or after in _CUE_AFTER or after in _CUE_AFTER_SITE:
        return True
    if before == "," and (before2 in _CUE_AFTER or before2 in ("center", "centre")):
        return True  # "in Ghoryan district, Herat": the container of a place
    return before == "of" and (before2 in _CUE_AFTER or before2 in _CUE_OF)


# what is shelled, bombed or captured is a place more often than the organisation NER takes it for
# ("Russian forces shelled Nikopol", "a missile strike on Kharkiv")
_ATTACK_VERBS = frozenset(("shell", "bomb", "bombard", "pound", "capture", "recapture", "overrun", "storm",
                           "besiege", "retake", "liberate", "encircle"))  # fmt: skip
_ATTACK_NOUNS = frozenset(("strike", "strikes", "airstrike", "airstrikes", "attack", "attacks", "raid", "raids",
                           "assault", "offensive", "bombardment", "shelling", "bombing"))  # fmt: skip


def _attacked_place(span) -> bool:
    """The span is the object of shelling, bombing or capture, or follows "strike(s)/attack(s) on"."""
    doc, i = span.doc, span.start
    if i == 0:
        return False
    before = doc[i - 1]
    if before.lemma_.lower() in _ATTACK_VERBS and span.root.dep_ == "dobj":
        return True
    return before.lower_ in ("on", "of") and i > 1 and doc[i - 2].lower_ in _ATTACK_NOUNS


def _clean_edges(span) -> bool:
    """A candidate span starts and ends on a word, has no sentence punctuation or line break inside,
    and does not end on an article or connector ("Ras EnNakoura as a" is not a name)."""
    first, last = span[0], span[-1]
    if first.is_punct or last.is_punct or first.is_space or last.is_space:
        return False
    if len(span) > 1 and last.lower_ in _CONNECTORS | ARTICLES | {"a", "an", "the", "and", "or"}:
        return False
    return not any(t.is_space or (t.is_punct and t.text not in ("-", "'", "’")) for t in span)


_TITLES = {
    "minister",
    "president",
    "prime",
    "general",
    "colonel",
    "sheikh",
    "king",
    "queen",
    "prince",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "saint",
    "lieutenant",
    "captain",
    "major",
    "sergeant",
    "secretary",
    "ambassador",
    "envoy",
    "senator",
    "governor",
    "mayor",
    "chief",
    "commander",
}


def _modifier_word(tok) -> bool:
    """A capitalised word beside a place name that does not continue the name: an acronym, a
    title or a date ("ODM Busia Governor nominations", "Nyeri KMTC students", "in Corsica
    Thursday")."""
    t = tok.text
    return (
        (len(t) > 1 and t.isupper() and t.isalpha())
        or tok.lower_ in _TITLES
        or tok.ent_type_ in ("DATE", "TIME")
    )


def _town_taken_for_name(span, rows, gaz: Gazetteer, article_countries: set[str]) -> bool:
    """NER takes a lone town name in a short report for a person or an organisation ("gunmen on
    Garissa", "NASA's stronghold Kisii"): a one-word entity that is the main name of a town of
    20,000+ in a country the article is about, with no title or first name before it, is the
    town."""
    if len(span) != 1 or not article_countries:
        return False
    tok = span[0]
    if tok.ent_iob_ != "B" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I"):
        return False  # part of a longer name ("Garissa Mohamed")
    if tok.i > 0 and (tok.doc[tok.i - 1].lower_ in _TITLES or _name_word(tok.doc[tok.i - 1])):
        return False
    pk = plain_key(tok.text)
    return any(
        gaz.ccs[r] in article_countries
        and gaz.pops[r] >= 20000
        and plain_key(gaz.names[r]) == pk
        for r in rows
    )


def _settlement_names(doc) -> list[tuple[int, int]]:
    """Character spans of the capitalised names after "the town(s)/village(s)/... of", with the
    rest of their list ("X, Y and Z")."""
    out: list[tuple[int, int]] = []
    text = doc_text(doc)
    toks = list(doc)
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not (tok.text[:1].isupper() and tok.pos_ == "PROPN") or not _SETTLEMENT_OF_RE.search(
            text[max(0, tok.idx - 40) : tok.idx]
        ):
            i += 1
            continue
        while i < n and toks[i].text[:1].isupper() and toks[i].pos_ == "PROPN":
            j = i
            while (
                j + 1 < n
                and j - i < 3
                and _capitalised(toks[j + 1])
                and toks[j + 1].is_alpha
                and toks[j + 1].lower_ not in _CUE_AFTER_SITE | _CUE_AFTER | _TITLES
            ):
                j += 1
            while j > i and toks[j].lower_ in _CONNECTORS | ARTICLES:
                j -= 1
            out.append((toks[i].idx, toks[j].idx + len(toks[j].text)))
            i = j + 1
            # the list goes on: ", Y", " and Y", ", and Y"
            k = i
            while k < n and toks[k].text in (",", "and", "or"):
                k += 1
            if k == i or k >= n:
                break
            i = k
        i += 1
    return out


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def detect(doc, gaz: Gazetteer, article_countries: set[str] | None = None) -> list[Candidate]:
    """Place-name spans in ``doc`` (character offsets), longest first where they compete."""
    text = doc_text(doc)
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    ents = [e for e in doc.ents if e.label_ in _LABELS or e.label_ == "NORP"]
    ent_spans = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    # an entity that opens a bracket it does not close is the tagger's mistake ("Lianga (Surigao del
    # Sur" as a work of art): its words are judged as if it were not there
    broken = [e for e in doc.ents if e.text.count("(") != e.text.count(")")]
    broken_tokens = {t.i for e in broken for t in e}
    person_org = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW") and e not in broken
    ]

    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]

    # 1. curated names, any capitalisation pattern, longest first
    toks = list(doc)
    n = len(toks)
    i = 0
    starts = gaz.supplement_starts
    while i < n:
        hit = None
        if toks[i].is_punct or toks[i].is_space or plain_key(toks[i].text) not in starts:
            i += 1
            continue
        for k in range(min(_MAX_WORDS, n - i), 0, -1):
            span = doc[i : i + k]
            if not _clean_edges(span):
                continue
            key = fold_key(span.text)
            if (
                key in gaz.supplement_keys
                and span[0].text[0].isupper()
                or (k > 1 and key in gaz.supplement_keys and any(t.text[0].isupper() for t in span))
            ):
                hit = span
                break
        # a curated name beats NER's guess that it is a person ("Chaab", "Kiryat Shmona", "Khiam"),
        # but a single word inside a longer person's name stays the person's
        if hit is not None and (
            len(hit) > 1
            or _place_cue(hit)
            or not any(
                a < hit.end_char and hit.start_char < b and (a, b) != (hit.start_char, hit.end_char)
                for a, b in person_org
            )
        ):
            found.append(Candidate(hit.start_char, hit.end_char, hit.text, "gazetteer"))
            taken.append((hit.start_char, hit.end_char))
            i = hit.end
        else:
            i += 1

    # 2. NER spans not already covered
    for e in ents:
        s, t = e.start_char, e.end_char
        if _overlaps(taken, s, t):
            continue
        if e.label_ == "NORP":
            rows = gaz.plain_rows(plain_key(e.text))
            if not any(gaz.features[r] in ("PCLI", "PCLS") for r in rows):
                continue
        found.append(Candidate(s, t, e.text, "ner", label=e.label_))
        taken.append((s, t))

    # 3. gazetteer phrase matcher for capitalised proper-noun sequences NER left alone (or took
    #    for a person or organisation): kept with a place cue around them ("in X", "X province"),
    #    or when X lies in a country the article is about, or when X is a sizeable town.
    article_countries = article_countries or set()
    lower_words = {t.text for t in toks if t.text.islower()}
    i = 0
    while i < n:
        tok = toks[i]
        if (
            not tok.text[:1].isupper()
            or tok.is_stop
            or (tok.ent_type_ in _NOT_PLACE_ENTS and tok.i not in broken_tokens)
            or (i > 0 and _name_word(toks[i - 1]) and not _modifier_word(toks[i - 1]))
        ):
            i += 1  # not a capitalised word, or the middle of a longer name ("Dawlat Abad")
            continue
        hit = None
        for k in range(min(4, n - i), 0, -1):
            span = doc[i : i + k]
            if not _clean_edges(span) or not all(_capitalised(t) for t in span):
                continue
            if any(t.lower_ in _TITLES for t in span):
                continue
            if span[0].pos_ != "PROPN" and not (span[0].pos_ in ("NOUN", "ADJ", "ADV", "X") and _place_cue(span)):
                # a capitalised common word, unless a cue says it is a place ("Eldoret residents"); the
                # tagger also takes unknown names for adverbs ("shelled Bakhmut (Bakhmutskyi, Donetsk)")
                continue
            # a longer name may swallow NER's pieces of it ("Dawlat" + "Abad" -> "Dawlat Abad")
            if any(
                a < span.end_char
                and span.start_char < b
                and not (span.start_char <= a and b <= span.end_char)
                for a, b in taken
            ):
                continue
            if span.end < n and _name_word(toks[span.end]) and not _modifier_word(toks[span.end]):
                continue  # the name goes on: only the whole of it may match
            cue = _place_cue(span)
            if len(fold_key(span.text)) < 4 and not (cue and (
                    _bracketed_container_follows(span, gaz) or _local_people_follow(span))):
                continue  # short names are mostly words ("May", "Ali"), unless placed: "at Voi (Taita
                # Taveta)", "Voi residents"
            rows = [r for r in gaz.plain_rows(plain_key(span.text)) if gaz.features[r] != "PCLI"]
            if not rows and cue and len(span) > 1:  # a variant spelling, said to be a place
                rows = [
                    r for r in gaz.folded_rows(fold_key(span.text)) if gaz.features[r] != "PCLI"
                ]
            if not rows:
                continue
            in_person_org = _overlaps(person_org, span.start_char, span.end_char)
            if in_person_org and not cue and not _town_taken_for_name(span, rows, gaz, article_countries) \
                    and not (_attacked_place(span) and not _overlaps(persons, span.start_char, span.end_char)):
                continue
            # a word the same text also uses in lower case ("Police ... police officers") is a word
            big = (
                max(gaz.pops[r] for r in rows) >= 20000
                and not span[0].is_sent_start
                and not (len(span) == 1 and span[0].lower_ in lower_words)
            )
            if cue or big or any(gaz.ccs[r] in article_countries for r in rows):
                hit = span
                break
        if hit is not None:
            found = [c for c in found if not (c.start < hit.end_char and hit.start_char < c.end)]
            taken = [(a, b) for a, b in taken if not (hit.start_char <= a and b <= hit.end_char)]
            found.append(Candidate(hit.start_char, hit.end_char, hit.text, "gazetteer"))
            taken.append((hit.start_char, hit.end_char))
            i = hit.end
        else:
            i += 1

    # 4. names a settlement cue introduces, whether or not the gazetteer knows them: "the village
    #    of Sharifah", "the towns of Khan Touman, Aleis and Alzorba"
    for start, end in _settlement_names(doc):
        if not _overlaps(taken, start, end):
            found.append(Candidate(start, end, text[start:end], "pattern"))
            taken.append((start, end))

    found.sort(key=lambda c: c.start)
    # patterns: cue words before, containers after
    by_start = {c.start: c for c in found}
    inner_of: dict[int, Candidate] = {}  # a container's id -> the place it contains through "of"
    for c in found:
        before = text[max(0, c.start - 40) : c.start]
        if _NEAR_RE.search(before):
            c.near = True
        kind = _KIND_OF_RE.search(before)
        if kind and c.kind is None:
            c.kind = kind.group(1).lower()  # "the southern Lebanese town of Nabatieh": a town
        after = text[c.end : c.end + 90]
        m = _PAREN_RE.match(after)
        if m:
            parts = [p.strip() for p in m.group(1).split(",") if p.strip()]
            if all(p[:1].isupper() for p in parts):
                c.containers.extend(parts)
        else:
            unit = _UNIT_BEFORE_COMMA_RE.match(after)
            skip = unit.end() if unit else 0
            m = _COMMA_RE.match(after, skip)
            if m:
                nxt = by_start.get(c.end + m.end())
                # in "the towns of X, Y and Z" the comma lists places, it does not contain them
                if nxt is not None and "pattern" not in (c.source, nxt.source):
                    c.containers.append(nxt.text)
            elif m := _PART_OF_RE.match(after):
                nxt = by_start.get(c.end + m.end())
                if nxt is not None:
                    c.containers.append(nxt.text)  # "the Kalan area of Farah city"
                    inner_of[id(nxt)] = c
                elif (u := _UNKNOWN_UNIT_RE.match(after, m.end())) and (nxt := by_start.get(c.end + u.end())):
                    # "the Rabat area of Tarnak Wa Jaldak (Shahr-e-Safa) district, Zabul": a district the
                    # gazetteer lacks, then the province that contains both
                    c.containers.append(nxt.text)
        if (c.start, c.end) in ent_spans and ent_spans[(c.start, c.end)] == "FAC":
            c.kind = c.kind or None
        c.containers = [_COMPASS_PART_RE.sub("", p) for p in c.containers]
    # a chain: what contains the container contains the place ("X area of Y district, Zabul")
    for c in found:
        inner = inner_of.get(id(c))
        if inner is not None:
            inner.containers.extend(p for p in c.containers if p not in inner.containers)
    # "Shan-North", "Bago-East": ACLED's halves of a divided province; the compass word is no place
    return [c for c in found if not _compass_half(text, c)]


def _compass_half(text: str, c: Candidate) -> bool:
    """``c`` is the compass word after a name and a hyphen ("Shan-North"), not part of a compound
    direction ("North-West", Cameroon's region)."""
    if c.text.lower() not in _COMPASS_WORDS or text[c.start - 1 : c.start] != "-":
        return False
    before = re.search(r"([A-Za-z]+)-$", text[max(0, c.start - 20) : c.start])
    return before is not None and before.group(1).lower() not in _COMPASS_WORDS


# "X area of Y", "X village of Y", "X of Y district": Y contains X
_PART_OF_RE = re.compile(
    r"['’]?\s+(?:(?:area|village|locality|part|section|quarter|neighbou?rhood|outskirts|vicinity)\s+)?of\s+(?:the\s+)?"
)
# a capitalised name the gazetteer lacks, maybe its other name in brackets, a unit word and a comma
_UNKNOWN_UNIT_RE = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:district|province|county|sub-?county|region|governorate|municipality|city|town|village)?\s*,\s*"
)
_COMPASS_WORDS = frozenset(("north", "south", "east", "west", "central"))
_COMPASS_PART_RE = re.compile(r"(?<!North)(?<!South)(?<!East)(?<!West)-(?:North|South|East|West|Central)$")
