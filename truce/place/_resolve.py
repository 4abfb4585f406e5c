"""Resolving a place name to a gazetteer entry by spelling, prominence and the article's context.

Candidates come from three key levels (``_normalise``): the plain key of a place's main name, the
plain key of an alternate name, the fold key (variant spellings), and, only when those find nothing,
a bounded fuzzy match restricted to the countries the article is about and the curated supplement.
Each candidate gets a score: how well the name matched, population, feature (countries and states
outrank villages of the same name), the article's countries and first-order regions, distance to the
other places resolved in the article, an explicit container ("X (Bint Jbeil, Al Nabatieh)",
"X, Lebanon") and a kind word ("camp", "river"). Confidence is the top candidate's share of the
softmax over scores; alternatives are kept when the choice is close.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from truce.place._admin import bare_name, read_kind_words
from truce.place._normalise import fold_key, plain_key
from truce.place.gazetteer import Gazetteer

__all__ = [
    "name_regions",
    "Context", "Resolution", "resolve_name", "clean_name", "precision_for", "haversine_km"]

_NAME_SCORE = (1.0, 0.75, 0.45, 0.1)  # primary name, alternate name, folded key, fuzzy
_ALT_PENALTY = 1.0
_COUNTRY = ("PCLI", "PCLS")
_DEMONYM_RE = re.compile(r"(?:an|ese|ish|i|ch|ic)s?$")  # Canadian, Lebanese, Polish, Iraqi, French
W_DEMONYM = 1.0
# weights of the context evidence (tuned by hand on LGL and TR-News, see docs/place.md)
W_POP = 0.15  # per power of ten of population
W_COUNTRY = 2.0  # times the share of the article's resolved places in the candidate's country
W_ADMIN1 = 0.8  # times the share in the candidate's first-order region
W_NEAR = 0.7  # another resolved place within 30 km (less within 100 and 300 km)
W_COUNTY = 1.2  # a town in a second-order division the article names, or that division itself
# a small place abroad is dropped in an article about one country (see _drop_strays)
STRAY_MIN_WEIGHT = 2.0  # the article's resolved places weigh at least this much ...
STRAY_SHARE = 0.7  # ... and this share of them lies in one country ...
STRAY_MAX_POP = 20000  # ... and the place abroad has fewer inhabitants than this
FUZZY_CUTOFF = 87  # rapidfuzz ratio (0-100) on fold keys
_FEATURE_BONUS = {
    "CONT": 2.0,
    "PCLI": 2.0,
    "PCLS": 1.2,
    "ADM1": 1.6,
    "PPLC": 1.4,
    "ADM2": 0.4,
    "RGN": 0.5,
    "STM": 0.2,
}

# Kind words around a name, and the features they point to.
KIND_FEATURES = {
    "camp": {"CAMP"},
    "refugee camp": {"CAMP"},
    "river": {"STM"},
    "district": {"ADM2"},
    "caza": {"ADM2"},
    "governorate": {"ADM1"},
    "province": {"ADM1", "ADM2"},
    "state": {"ADM1"},
    "region": {"ADM1", "RGN"},
    "county": {"ADM2", "ADM1"},  # US counties are ADM2; Kenyan counties ADM1
    "parish": {"ADM2"},
    "town": {"PPL", "PPLC", "PPLA"},
    "village": {"PPL"},
    "city": {"PPL", "PPLC", "PPLA"},
    "suburb": {"QTR"},
    "suburbs": {"QTR"},
    "neighbourhood": {"QTR"},
    "neighborhood": {"QTR"},
    "quarter": {"QTR"},
    "area": {"RGN", "QTR"},
    "border": {"BORDER"},
    "crossing": {"BORDER"},
    "airport": {"AIRP"},
    "port": {"PRT"},
    "kibbutz": {"PPL"},
    "moshav": {"PPL"},
}
_KIND_RE = re.compile(
    r"\s+(refugee camp|camp|river|district|caza|governorate|province|region|town|village|city|county|"
    r"suburbs?|neighbou?rhood|quarter|area|crossing|kibbutz|moshav)$",
    re.I,
)
_LEAD_RE = re.compile(r"^(the|town of|city of|village of|camp of|area of)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


def clean_name(text: str) -> tuple[str, str | None]:
    """Strip "the", possessives and a trailing kind word; returns (name, kind word or None)."""
    s = " ".join(text.split())
    s = _POSSESSIVE.sub("", s)
    kind = None
    m = _KIND_RE.search(s)
    if m and len(s) > len(m.group(0)) + 1:
        kind = m.group(1).lower()
        s = s[: m.start()]
    s = _LEAD_RE.sub("", s)
    return s.strip(" ,.;:"), kind


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def precision_for(feature: str, near: bool) -> tuple[int, int]:
    """UCDP ``where_prec`` (1-7) and ACLED ``geo_precision`` (1-3) for a feature."""
    if feature in ("PCLI", "PCLS", "CONT"):
        return 6, 3
    if feature == "ADM1":
        return 4, 3
    if feature == "ADM2":
        return 3, 2
    if feature in ("STM", "BORDER", "RGN", "MT"):
        return 5, 3
    if near:
        return 2, 2
    return 1, 1


@dataclass
class Context:
    """What the article says about where it is: its countries, regions and resolved places."""

    countries: Counter = field(default_factory=Counter)  # ISO2 -> weight
    admin1: Counter = field(default_factory=Counter)  # (ISO2, admin1) -> weight
    points: list[tuple[float, float, float]] = field(default_factory=list)  # lat, lon, weight
    # (ISO2, admin1, fold key of admin2) of second-order divisions the article's other names
    # could be, or could lie in (see ``name_counties``)
    counties: set[tuple[str, str, str]] = field(default_factory=set)
    focus: frozenset[str] = frozenset()  # the countries the user watches (find_places(focus=...))

    def add(self, gaz: Gazetteer, row: int, weight: float = 1.0) -> None:
        cc = gaz.ccs[row]
        self.countries[cc] += weight
        feat = gaz.features[row]
        if feat not in ("PCLI", "PCLS"):
            if gaz.admin1[row]:
                self.admin1[(cc, gaz.admin1[row])] += weight
            if feat not in ("ADM1", "RGN", "STM", "BORDER"):
                self.points.append((gaz.lats[row], gaz.lons[row], weight))

    def without(self, gaz: Gazetteer, row: int, weight: float) -> Context:
        """A copy with one place's contribution taken out."""
        other = Context(
            Counter(self.countries),
            Counter(self.admin1),
            list(self.points),
            set(self.counties),
            self.focus,
        )
        cc = gaz.ccs[row]
        other.countries[cc] -= weight
        if other.countries[cc] <= 1e-9:
            del other.countries[cc]
        feat = gaz.features[row]
        if feat not in ("PCLI", "PCLS"):
            key = (cc, gaz.admin1[row])
            if gaz.admin1[row] and key in other.admin1:
                other.admin1[key] -= weight
                if other.admin1[key] <= 1e-9:
                    del other.admin1[key]
            pt = (gaz.lats[row], gaz.lons[row], weight)
            if pt in other.points:
                other.points.remove(pt)
        return other

    def top_countries(self, n: int = 3) -> list[str]:
        return [cc for cc, _ in self.countries.most_common(n)]


@dataclass
class Resolution:
    row: int | None
    score: float
    confidence: float
    level: int
    alternatives: list[tuple[int, float]]  # (row, probability), best first, the chosen one excluded


def _candidates(gaz: Gazetteer, name: str) -> dict[int, int]:
    """row -> best name level (0 primary, 1 alternate, 2 folded)."""
    out: dict[int, int] = {}
    pk = plain_key(name)
    for row in gaz.plain_rows(pk):
        out[row] = 0 if plain_key(gaz.names[row]) == pk else 1
    # Variant spellings only compete with exact names when they are curated (the project's files
    # and the user's): "Beirut" must not become Bierutów in Poland because both fold to "bairut",
    # nor Lamu the Maldives' Laamu atoll or Nyeri the Congo's Niari region, which the divisions
    # lists bring in.
    exact = bool(out)
    for row in gaz.folded_rows(fold_key(name)):
        if not exact or not gaz.sources[row].startswith(("geonames", "us_counties")):
            out.setdefault(row, 2)
    return out


def name_regions(gaz: Gazetteer, name: str) -> set[tuple[str, str]]:
    """(country, first-order region) of every place that bears ``name`` as its main name (or a
    curated name); empty for a name with more than 60 such places."""
    name = clean_name(name)[0] if not gaz.plain_rows(plain_key(name)) else name
    pk = plain_key(name)
    rows = [
        r
        for r in gaz.plain_rows(pk)
        if gaz.sources[r] != "geonames" or plain_key(gaz.names[r]) == pk
    ]
    if len(rows) > 60:
        return set()
    return {
        (gaz.ccs[r], gaz.admin1[r])
        for r in rows
        if gaz.admin1[r] and gaz.features[r] not in ("PCLI", "PCLS")
    }


def _foreign_hamlet(gaz: Gazetteer, row: int, ctx: Context, level: int) -> bool:
    """In a theatre the user watches, a small town outside it, or any place abroad that bears the
    name only as an alternate or variant spelling, is a worse reading than "a place the gazetteer
    lacks" when nothing else the article names lies in its country: in a report on Kenya,
    "Eastleigh" and "Marti" are a Nairobi quarter and a Samburu village, not towns in England and
    Cuba, and "Karen" is the Nairobi suburb, not Myanmar's Kayin State (once called Karen). The name
    is then left unresolved (or placed at its stated container). Without a watched theatre the rule
    does not apply: on general news it loses more than it wins (LGL and TR-News both drop)."""
    if not ctx.focus or gaz.ccs[row] in ctx.focus or gaz.features[row] in ("PCLI", "PCLS", "CONT"):
        return False
    if ctx.countries.get(gaz.ccs[row], 0.0) > 0:
        return False
    if level >= 1:
        return True
    return gaz.features[row] == "PPL" and gaz.sources[row] == "geonames" and gaz.pops[row] < 100_000


def name_counties(gaz: Gazetteer, name: str) -> tuple[set, set]:
    """Second-order divisions tied to ``name``: those it may be (an "X County" reading), and
    those its town readings lie in, each as (ISO2, admin1, fold key of admin2). Empty for a name
    with more than 60 readings."""
    pk = plain_key(name)
    rows = gaz.plain_rows(pk)
    if len(rows) > 60:
        return set(), set()
    divisions, containing = set(), set()
    for r in rows:
        if not gaz.admin2[r]:
            continue
        key = (gaz.ccs[r], gaz.admin1[r], fold_key(gaz.admin2[r]))
        if gaz.features[r] == "ADM2":
            divisions.add(key)
        elif gaz.features[r] in ("PPL", "PPLC") and plain_key(gaz.names[r]) == pk:
            containing.add(key)
    return divisions, containing


_fuzzy_cache: dict[tuple[int, str], tuple[list[str], list[list[int]]]] = {}
_cc_arrays: dict[int, np.ndarray] = {}


def _fuzzy_pool(gaz: Gazetteer, cc: str) -> tuple[list[str], list[list[int]]]:
    """Fold keys of the main names of one country's places ("*": every curated name) -> rows."""
    key = (id(gaz), cc)
    pool = _fuzzy_cache.get(key)
    if pool is None:
        rows_by_key: dict[str, list[int]] = {}
        if cc == "*":
            for fk in gaz.supplement_keys:
                rows = gaz.folded_rows(fk)
                if rows:
                    rows_by_key[fk] = list(rows)
        else:
            ccs = gaz.cc_array if gaz.cc_array is not None else _cc_arrays.get(id(gaz))
            if ccs is None:
                ccs = _cc_arrays[id(gaz)] = np.array(list(gaz.ccs))
            for r in np.flatnonzero(ccs == cc).tolist():
                fk = fold_key(gaz.names[r])
                if len(fk) >= 4:
                    rows_by_key.setdefault(fk, []).append(r)
        pool = (list(rows_by_key), list(rows_by_key.values()))
        if len(_fuzzy_cache) > 64:
            _fuzzy_cache.clear()
        _fuzzy_cache[key] = pool
    return pool


def _fuzzy(gaz: Gazetteer, name: str, countries: Sequence[str]) -> dict[int, int]:
    fk = fold_key(name)
    if len(fk) < 5:
        return {}
    out: dict[int, int] = {}
    for cc in (*countries, "*"):
        keys, rows = _fuzzy_pool(gaz, cc)
        if not keys:
            continue
        hit = process.extractOne(fk, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        # a variant spelling keeps its first letter ("Kfar Kilaa"); "Harwinton" is not "Harrington"
        if hit and hit[0][:1] == fk[:1] and abs(len(hit[0]) - len(fk)) <= 2:
            for r in rows[hit[2]]:
                out.setdefault(r, 3)
    return out


def _part_candidates(gaz: Gazetteer, name: str, countries: set[str]) -> dict[int, int]:
    """For a name the gazetteer lacks, the longest run of its words that names a prominent place:
    "Greater Toronto Area" -> Toronto, "Southern California" -> California, "Vancouver Art
    Gallery" -> Vancouver. Only towns of 10,000+, capitals, first-order divisions and countries."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            sub = " ".join(words[start : start + size])
            if not sub[:1].isupper() or len(sub) < 4:
                continue
            key = plain_key(sub)
            rows = {
                r: 2
                for r in gaz.plain_rows(key)
                if (gaz.pops[r] >= 10000 or gaz.features[r] in ("PCLI", "ADM1", "PPLC"))
                and plain_key(gaz.names[r]) == key
                and (not countries or gaz.ccs[r] in countries)  # the article's countries only
            }
            if rows:
                return rows
    return {}


def _drop_strays(gaz: Gazetteer, cands: dict[int, int], ctx: Context) -> dict[int, int]:
    """In an article firmly about one country, a village or small town of a country the article
    never mentions is a stray reading: "Nawa" in "Nawa-e Barakzayi district, Helmand" is not Nawa
    in Syria, and "Manda" in Sangin district is not Manda in Tanzania. Such a name is more likely a
    local place the gazetteer lacks, so its stray readings are dropped (a stated container can
    then place it). A town abroad that only lists the name among its alternate names ("Manda" for
    Handa, Japan) is a stray whatever its size."""
    total = sum(ctx.countries.values())
    if total < STRAY_MIN_WEIGHT:
        return cands
    dominant, weight = ctx.countries.most_common(1)[0]
    if weight / total < STRAY_SHARE:
        return cands
    return {
        r: lv
        for r, lv in cands.items()
        if not (
            gaz.ccs[r] != dominant
            and ctx.countries.get(gaz.ccs[r], 0.0) <= 0.0
            and gaz.features[r].startswith("PPL")
            and gaz.features[r] not in ("PPLC", "PPLA")
            and (gaz.pops[r] < STRAY_MAX_POP or lv > 0)  # small, or known by another name
            and gaz.sources[r] == "geonames"
        )
    }


def _elsewhere_than_container(
    gaz: Gazetteer, cands: dict[int, int], container_rows: list[set[int]], ctx: Context | None = None
) -> bool:
    """Every reading of the name lies outside the one country its stated container can be in.

    Only a container whose every reading is in one country counts (or in one of the countries the
    article is about: "Farah" is a town in Afghanistan and in India), and never for a name that is
    itself a country or first-level division: "Toronto, Vancouver" and "Virginia, Maryland" are
    lists, not containment, and stay as they are.
    """
    if any(gaz.features[r] in ("PCLI", "PCLS", "ADM1", "CONT") for r in cands):
        return False
    # a capital or a city is more often listed beside its container's namesake than inside it
    # ("Moscow, Kiev, Minsk and Riga"): the article's countries narrow a container only for the rest
    minor = not any(gaz.features[r] in ("PPLC", "PPLA") or gaz.pops[r] >= 100_000 for r in cands)
    for rows in container_rows:
        countries = {gaz.ccs[r] for r in rows}
        if len(countries) > 1 and minor and ctx is not None and ctx.countries:
            countries = {cc for cc in countries if ctx.countries.get(cc, 0.0) > 0} or countries
        if len(countries) == 1 and not any(gaz.ccs[r] in countries for r in cands):
            return True
        # "Muqur district, Badghis": a stated province that every reading of the name lies outside
        # (Muqur in Ghazni) says the gazetteer lacks this one, as a stated country does
        provinces = {(gaz.ccs[r], gaz.admin1[r]) for r in rows}
        if len(provinces) == 1 and all(p for _, p in provinces) and any(gaz.features[r] == "ADM1" for r in rows) \
                and not any((gaz.ccs[r], gaz.admin1[r]) in provinces for r in cands):
            return True
    return False


@functools.lru_cache(maxsize=8192)
def _admin_keys(admin1: str, admin2: str) -> frozenset[str]:
    """The keys a stated container may match a place's divisions by: their names as the gazetteer
    has them, without a trailing kind word, and bare ("Niger State" answers to "(Rafi, Niger)")."""
    words = read_kind_words()
    keys = {fold_key(admin1), fold_key(admin2)}
    for a in (admin1, admin2):
        if a:
            keys |= {fold_key(clean_name(a)[0]), fold_key(bare_name(a, words))}
    return frozenset(keys)


def resolve_name(
    gaz: Gazetteer,
    text: str,
    ctx: Context | None = None,
    *,
    containers: Sequence[str] = (),
    kind: str | None = None,
    fuzzy: bool = True,
) -> Resolution:
    """Pick the gazetteer entry ``text`` most likely names, given the article context."""
    name, kind_word = clean_name(text)
    cands = _candidates(gaz, text)
    if cands:
        name = text
    else:
        kind = kind or kind_word
        cands = _candidates(gaz, name)
    ctx = ctx or Context()
    if not cands and fuzzy:
        cands = _fuzzy(gaz, name, ctx.top_countries())
    part = False
    if not cands and fuzzy and not containers:  # a stated container is better evidence
        cands = _part_candidates(gaz, name, set(ctx.countries))
        part = bool(cands)
    if not cands:
        return Resolution(None, 0.0, 0.0, -1, [])
    cands = _drop_strays(gaz, cands, ctx)
    if not cands:
        return Resolution(None, 0.0, 0.0, -1, [])
    container_rows = [set(_candidates(gaz, clean_name(c)[0])) for c in containers if c.strip()]
    container_keys = [fold_key(clean_name(c)[0]) for c in containers if c.strip()]
    total_country = sum(ctx.countries.values()) or 1.0
    total_admin = sum(ctx.admin1.values()) or 1.0
    kinds = KIND_FEATURES.get(kind or "", set())
    scored: list[tuple[float, int, int]] = []
    inside_container = False  # some reading lies in (or by) the container the text states
    # when some place bears the name as its main name, places that only list it among their
    # alternate names (old, foreign or mistaken names) are weaker candidates
    has_primary = any(level == 0 for level in cands.values())
    primary_pop = max((max(gaz.pops[r], 0) for r, lv in cands.items() if lv == 0), default=0)
    for row, level in cands.items():
        feat = gaz.features[row]
        cc = gaz.ccs[row]
        s = _NAME_SCORE[level]
        # a country's other names are mostly its demonyms and short forms ("Canadian", "U.K."),
        # which name the country far more often than a town called so (Canadian, Texas)
        if has_primary and level > 0 and gaz.sources[row] == "geonames" and feat not in _COUNTRY:
            ratio = (primary_pop + 1) / (max(gaz.pops[row], 0) + 1)
            s -= _ALT_PENALTY + (min(1.5, 0.4 * math.log10(ratio)) if ratio > 10 else 0.0)
        if feat in _COUNTRY and level == 1 and _DEMONYM_RE.search(name):
            s += W_DEMONYM  # "Canadian" is the country's adjective, rarely Canadian, Texas
        s += W_POP * math.log10(max(gaz.pops[row], 0) + 1)
        s += _FEATURE_BONUS.get(feat, 0.0)
        if gaz.sources[row] != "geonames":
            s += 0.3
        if ctx.countries:
            share = ctx.countries.get(cc, 0.0) / total_country
            s += W_COUNTRY * share + (0.3 if share > 0 else -0.3)
        if ctx.admin1 and gaz.admin1[row]:
            share = ctx.admin1.get((cc, gaz.admin1[row]), 0.0) / total_admin
            s += W_ADMIN1 * share + (0.3 if share > 0 else 0.0)
        if ctx.points and feat not in ("PCLI", "PCLS"):
            lat, lon = gaz.lats[row], gaz.lons[row]
            best = min(haversine_km(lat, lon, a, b) for a, b, _ in ctx.points[-40:])
            s += (
                W_NEAR
                if best < 30
                else W_NEAR * 0.65
                if best < 100
                else W_NEAR * 0.3
                if best < 300
                else 0.0
            )
        if ctx.counties and gaz.admin2[row]:
            if (cc, gaz.admin1[row], fold_key(gaz.admin2[row])) in ctx.counties:
                s += W_COUNTY
        if kinds:
            s += 0.8 if feat in kinds else -0.2
        for keys, rows in zip(container_keys, container_rows):
            admin_keys = _admin_keys(gaz.admin1[row], gaz.admin2[row])
            country_row = gaz.country_rows.get(cc)
            if keys in admin_keys or (country_row is not None and country_row in rows):
                s += 2.5
                inside_container = True
            elif rows and any(
                haversine_km(gaz.lats[row], gaz.lons[row], gaz.lats[r], gaz.lons[r]) < 40
                for r in list(rows)[:20]
            ):
                s += 1.5
                inside_container = True
        scored.append((s, row, level))
    if not inside_container and _elsewhere_than_container(gaz, cands, container_rows, ctx):
        # "the village of Moura, Mopti": the text says in which country the place is, and no
        # reading of the name lies in it (Moura in Portugal does not), so the gazetteer lacks it;
        # the caller places it at its container rather than at a namesake abroad
        return Resolution(None, 0.0, 0.0, -1, [])
    scored.sort(reverse=True)
    if _foreign_hamlet(gaz, scored[0][1], ctx, scored[0][2]):
        return Resolution(None, 0.0, 0.0, -1, [])
    top = scored[0][0]
    weights = [math.exp(2.0 * (s - top)) for s, _, _ in scored[:20]]
    z = sum(weights)
    probs = [w / z for w in weights]
    s, row, level = scored[0]
    conf = probs[0] * (1.0 if level < 2 else 0.85 if level == 2 else 0.6) * (0.5 if part else 1.0)
    alts = [(r, p) for (_, r, _), p in zip(scored[1:6], probs[1:6]) if p >= 0.05]
    return Resolution(row, s, round(conf, 3), level, alts)
