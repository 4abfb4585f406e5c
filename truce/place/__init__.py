"""The place stage: find place names, resolve them against the gazetteer, locate events.

Public surface:
    load_gazetteer(extra_files=()) -> Gazetteer
    find_places(doc, article, gazetteer) -> list[PlaceMention]
    resolve_place(text, gazetteer, *, context=(), containers=(), kind=None) -> PlaceMention
    resolve_spans(article, spans, gazetteer) -> list[PlaceMention]
    locate_event(doc, article, trigger, places) -> PlaceMention | None
    locate_event_with_basis(doc, article, trigger, places) -> (PlaceMention | None, basis | None)

See docs/place.md for the method and its measured accuracy.
"""

from __future__ import annotations

from collections import Counter

import logging
from collections.abc import Sequence
from pathlib import Path

from truce.place import _detect, _locate, _resolve
from truce.place._normalise import fold_key
from truce.place.gazetteer import Gazetteer
from truce.place.gazetteer import load as _load
from truce.records import Article, PlaceMention

log = logging.getLogger(__name__)

__all__ = [
    "Gazetteer",
    "load_gazetteer",
    "find_places",
    "resolve_place",
    "resolve_spans",
    "locate_event",
    "locate_event_with_basis",
]

_ANCHOR_CONFIDENCE = 0.55
_APPROX_ANCHOR_CONFIDENCE = 0.0  # any of the article's towns resolved in the county's state ...
_APPROX_FAR_KM = 80  # ... when its own point is this far from them
_SOFT_COUNTRY_SHARE = 0.8  # an ambiguous name's candidates this much in one country ...
_SOFT_COUNTRY_WEIGHT = 1.0
_FOCUS_WEIGHT = 1.0  # a watched country weighs as one confident place the article names there
_SHARED_REGION_WEIGHT = 1.0  # a region where several other names could lie (_add_shared_regions)


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """GeoNames cities500, countries and the bundled supplement (+ ``extra_files``), from a cache.

    The first call on a machine builds the index (about 20 s) and caches it under ``$TRUCE_CACHE``
    or ``~/.cache/truce``; later calls read the cache. A bad row in an extra file raises
    ``DataFileError`` naming the file and line.
    """
    return _load([Path(p) for p in extra_files])


def _approximate_points(
    gaz: Gazetteer, results: list[_resolve.Resolution]
) -> dict[int, tuple[float, float]]:
    """A place known only by an approximate point (a US county: the state's point, or a town of the
    same name that need not lie in it) is put at the median of the article's towns in the same
    region when that point is far from them: a local paper's towns lie in and around its county."""
    out: dict[int, tuple[float, float]] = {}
    for i, r in enumerate(results):
        if r.row is None or gaz.sources[r.row] != "us_counties":
            continue
        region = (gaz.ccs[r.row], gaz.admin1[r.row])
        pts = [
            (gaz.lats[o.row], gaz.lons[o.row])
            for o in results
            if o.row is not None
            and o.confidence >= _APPROX_ANCHOR_CONFIDENCE
            and gaz.pops[o.row] >= 0
            and gaz.features[o.row].startswith("PPL")
            and (gaz.ccs[o.row], gaz.admin1[o.row]) == region
        ]
        if pts:
            lats = sorted(p[0] for p in pts)
            lons = sorted(p[1] for p in pts)
            mid = (lats[len(lats) // 2], lons[len(lons) // 2])
            own = (gaz.lats[r.row], gaz.lons[r.row])
            if gaz.pops[r.row] == -1 or _resolve.haversine_km(*own, *mid) > _APPROX_FAR_KM:
                out[i] = mid
    return out


def _fall_back_on_containers(
    gaz: Gazetteer, containers: list[list[str]], results: list[_resolve.Resolution], names: Sequence[str] = ()
) -> dict[int, _resolve.Resolution]:
    """A name the gazetteer lacks but the text places ("Sherzad district, Nangarhar") is placed at
    its container, with the container's (coarser) precision and half the confidence. A container
    the text names as a place of its own (``names``, in the order of ``results``) keeps the
    reading it got there."""
    out: dict[int, _resolve.Resolution] = {}
    ctx = _context_from(gaz, results)
    as_named = {n: r for n, r in zip(names, results) if r.row is not None}
    for i, (cont, r) in enumerate(zip(containers, results)):
        if r.row is not None or not cont:
            continue
        for c in cont:
            cr = as_named.get(c) or _resolve.resolve_name(gaz, c, ctx)
            if cr.row is not None:
                out[i] = _resolve.Resolution(
                    cr.row, cr.score, round(cr.confidence * 0.5, 3), cr.level, []
                )
                break
    return out


def _mention(
    gaz: Gazetteer,
    text: str,
    start: int,
    end: int,
    res: _resolve.Resolution,
    source: str,
    near: bool,
    point: tuple[float, float] | None = None,
) -> PlaceMention:
    if res.row is None:
        return PlaceMention(text=text, start=start, end=end, confidence=0.0, source=source)
    p = gaz.place(res.row)
    lat, lon = point or (p.lat, p.lon)
    prec, geo = _resolve.precision_for(p.feature, near)
    alts = [
        {
            "name": gaz.names[r],
            "geonameid": gaz.gids[r] or None,
            "lat": gaz.lats[r],
            "lon": gaz.lons[r],
            "country_code": gaz.ccs[r],
            "admin1": gaz.admin1[r] or None,
            "feature": gaz.features[r],
            "probability": round(pr, 3),
        }
        for r, pr in res.alternatives
    ]
    return PlaceMention(
        text=text,
        start=start,
        end=end,
        name=p.name,
        geonameid=p.geonameid,
        lat=round(lat, 5),
        lon=round(lon, 5),
        country_code=p.country_code,
        admin1=p.admin1 or None,
        admin2=p.admin2 or None,
        feature=p.feature,
        precision=prec,
        geo_precision=geo,
        confidence=res.confidence,
        source=source,
        alternatives=alts if res.confidence < 0.9 else [],
    )


def _context_from(
    gaz: Gazetteer,
    results: list[_resolve.Resolution],
    skip: int | set[int] | None = None,
    alone: list[_resolve.Resolution] | None = None,
) -> _resolve.Context:
    """The article's context from its resolved names: a confident name adds its country, region
    and point. With ``alone`` (the names resolved without context), an ambiguous name whose
    readings nearly all lie in one country ("Henry County", "Gainesville": US, every one of them)
    still adds that country. Only the context-free readings count for that, so that an article's
    guessed country cannot feed on itself ("Russia" must not become Russia, Ohio)."""
    skips = {skip} if isinstance(skip, int) else (skip or set())
    ctx = _resolve.Context()
    for i, r in enumerate(results):
        if i in skips or r.row is None:
            continue
        if r.confidence >= _ANCHOR_CONFIDENCE:
            ctx.add(gaz, r.row, r.confidence)
            continue
        if alone is None or alone[i].row is None:
            continue
        r = alone[i]
        mass: dict[str, float] = {}
        for row, p in [(r.row, r.confidence), *r.alternatives]:
            mass[gaz.ccs[row]] = mass.get(gaz.ccs[row], 0.0) + p
        total = sum(mass.values())
        cc, top = max(mass.items(), key=lambda kv: kv[1])
        if total > 0 and top / total >= _SOFT_COUNTRY_SHARE:
            ctx.countries[cc] += _SOFT_COUNTRY_WEIGHT * top / total
    return ctx


def same_first(same: dict[str, set[int]]) -> list[int]:
    """The first index of each group of mentions of the same name."""
    return [min(ix) for ix in same.values()]


def _add_shared_regions(
    ctx: _resolve.Context, regions: dict[str, set[tuple[str, str]]], key: str
) -> None:
    """First-order regions where several of the article's other names could lie: "Athens",
    "Clarke County" and "Walton County" all have a reading in Georgia (US), so Georgia is where a
    local paper's article most likely is, even when each name alone is ambiguous. With two or more
    other names a region needs the support of two of them; its weight is the share supporting it."""
    others = [regs for k, regs in regions.items() if k != key and regs]
    if not others:
        return
    support: Counter = Counter()
    for regs in others:
        support.update(regs)
    need = 2 if len(others) >= 2 else 1
    for reg, n in support.items():
        if n >= need:
            ctx.admin1[reg] += _SHARED_REGION_WEIGHT * n / len(others)


def _add_shared_counties(
    ctx: _resolve.Context, counties: dict[str, tuple[set, set]], key: str
) -> None:
    """Counties that tie a name to the article's other names: "Athens" beside "Henderson County"
    is the Athens in Henderson County, Texas, and that county is the Henderson County in which
    one of the other names lies. A county named in the article counts for the towns; a county
    that other names' towns lie in counts for the county."""
    for k, (divisions, containing) in counties.items():
        if k != key:
            ctx.counties |= divisions
    own_divisions = counties.get(key, (set(), set()))[0]
    if own_divisions:
        for k, (_, containing) in counties.items():
            if k != key:
                ctx.counties |= own_divisions & containing


def _focus_context(focus: Sequence[str]) -> _resolve.Context:
    ctx = _resolve.Context(focus=frozenset(focus))
    for cc in focus:
        ctx.countries[cc] += _FOCUS_WEIGHT
    return ctx


def _resolve_all(
    gaz: Gazetteer,
    names: list[str],
    containers: list[list[str]],
    kinds: list[str | None],
    focus: Sequence[str] = (),
) -> list[_resolve.Resolution]:
    """Resolve every name of an article, twice: alone (or in the theatre's countries only),
    then in the context of the others."""
    start = _focus_context(focus) if focus else None
    results = [
        _resolve.resolve_name(gaz, n, start, containers=c, kind=k, fuzzy=False)
        for n, c, k in zip(names, containers, kinds)
    ]
    keys = [fold_key(n) for n in names]
    same: dict[str, set[int]] = {}
    for i, k in enumerate(keys):
        same.setdefault(k, set()).add(i)
    alone = results
    regions = {keys[i]: _resolve.name_regions(gaz, names[i]) for i in same_first(same)}
    counties = {keys[i]: _resolve.name_counties(gaz, names[i]) for i in same_first(same)}
    for _ in range(2):
        new = []
        by_key: dict[str, _resolve.Context] = {}
        for i, (n, c, k) in enumerate(zip(names, containers, kinds)):
            ctx = by_key.get(keys[i])
            if ctx is None:
                # a name is not its own evidence: every mention of the same name is left out
                ctx = by_key[keys[i]] = _context_from(gaz, results, same[keys[i]], alone)
                ctx.focus = frozenset(focus)
                for cc in focus:
                    ctx.countries[cc] += _FOCUS_WEIGHT
                _add_shared_regions(ctx, regions, keys[i])
                _add_shared_counties(ctx, counties, keys[i])
            new.append(_resolve.resolve_name(gaz, n, ctx, containers=c, kind=k))
        results = new
    return results


def find_places(
    doc, article: Article, gazetteer: Gazetteer, focus: Sequence[str] = ()
) -> list[PlaceMention]:
    """Detect place names in a parsed article and resolve each one in the article's context.

    ``focus``: ISO2 codes of the countries the user monitors (a theatre's countries). They weigh
    like places the article itself names there, so a short report that names only "Lamu" or
    "Garissa" lands in Kenya when Kenya is watched; a place named elsewhere still wins on its
    own evidence."""
    focus = tuple(focus)

    def resolve(cands: list[_detect.Candidate]) -> list[_resolve.Resolution]:
        texts, containers = [c.text for c in cands], [c.containers for c in cands]
        return _resolve_all(gazetteer, texts, containers, [c.kind for c in cands], focus)

    cands = _detect.detect(doc, gazetteer, set(focus) or None)
    first = resolve(cands)
    countries = {
        gazetteer.ccs[r.row]
        for r in first
        if r.row is not None and r.confidence >= _ANCHOR_CONFIDENCE
    }
    # a second look, now that the article's countries are known, for names the gazetteer matcher
    # keeps only in those countries
    if countries - set(focus):
        more = _detect.detect(doc, gazetteer, countries | set(focus))
        if len(more) > len(cands):
            cands = more
            first = resolve(cands)
    points = _approximate_points(gazetteer, first)
    fallback = _fall_back_on_containers(gazetteer, [c.containers for c in cands], first, [c.text for c in cands])
    out = []
    for i, (c, r) in enumerate(zip(cands, first)):
        if i in fallback:
            m = _mention(gazetteer, c.text, c.start, c.end, fallback[i], c.source, True)
            out.append(m)
            continue
        if r.row is None and c.source not in ("ner", "pattern"):
            continue  # an unknown name is kept only when NER or a settlement cue says it is a place
        out.append(_mention(gazetteer, c.text, c.start, c.end, r, c.source, c.near, points.get(i)))
    return out


def resolve_spans(
    article: Article,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    focus: Sequence[str] = (),
) -> list[PlaceMention]:
    """Resolve given (gold) spans of an article together, each in the context of the others
    (and of the watched countries, ``focus``, as in ``find_places``)."""
    text = article.text
    names = [text[s:e] for s, e in spans]
    containers: list[list[str]] = []
    for _, e in spans:
        after = text[e : e + 90]
        m = _detect._PAREN_RE.match(after)
        cont: list[str] = []
        if m:
            cont = [p.strip() for p in m.group(1).split(",") if p.strip()[:1].isupper()]
        else:
            m = _detect._COMMA_RE.match(after)
            if m:
                nxt = next(((a, b) for a, b in spans if a == e + m.end()), None)
                if nxt:
                    cont = [text[nxt[0] : nxt[1]]]
        containers.append(cont)
    near = [bool(_detect._NEAR_RE.search(text[max(0, s - 40) : s])) for s, _ in spans]
    results = _resolve_all(gazetteer, names, containers, [None] * len(names), tuple(focus))
    points = _approximate_points(gazetteer, results)
    for i, r in _fall_back_on_containers(gazetteer, containers, results, names).items():
        results[i] = r
        near[i] = True
    return [
        _mention(gazetteer, n, s, e, r, "given", nr, points.get(i))
        for i, (n, (s, e), r, nr) in enumerate(zip(names, spans, results, near))
    ]


def resolve_place(
    text: str,
    gazetteer: Gazetteer,
    *,
    context: Sequence[str] = (),
    containers: Sequence[str] = (),
    kind: str | None = None,
) -> PlaceMention:
    """Resolve one place name, optionally with other place names of the same text as context."""
    ctx_res = (
        _resolve_all(gazetteer, list(context), [[] for _ in context], [None] * len(context))
        if context
        else []
    )
    ctx = _context_from(gazetteer, ctx_res)
    res = _resolve.resolve_name(gazetteer, text, ctx, containers=containers, kind=kind)
    return _mention(gazetteer, text, 0, len(text), res, "given", False)


def locate_event(
    doc, article: Article, trigger: tuple[int, int], places: list[PlaceMention]
) -> PlaceMention | None:
    """The place where the event triggered at ``trigger`` (character offsets) happened, or None.

    Only a place the text gives for the event: attached to it in its sentence, or, when the
    sentence names no place, from the sentences before. See ``locate_event_with_basis``."""
    place, basis = _locate.locate(doc, trigger, places)
    return place if basis in ("stated", "context") else None


def locate_event_with_basis(
    doc, article: Article, trigger: tuple[int, int], places: list[PlaceMention]
) -> tuple[PlaceMention | None, str | None]:
    """The event's place and how the text supports it: "stated" (attached to the event in its
    sentence), "context" (the sentence names no place: the last of the two sentences before) or
    "mentioned" (a guess: named in the event's sentence without being attached to it, or the
    first later in its paragraph), or ``(None, None)``. An attached place the gazetteer could not
    resolve gives way to the resolved place the text says it lies in ("the Chalbi Boys High School
    in Marsabit": Marsabit), so that the event has coordinates."""
    return _locate.locate(doc, trigger, places, want_point=True)
