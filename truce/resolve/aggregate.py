"""Per-incident figures recomputed from its claims: casualties, discrepancies, corroboration.

Every mention placed in an incident leaves ``IncidentClaim``s (one ``report`` claim per mention,
plus ``date``, ``place``, ``actor``, ``target``, ``fatalities``, ``injured`` when it has them). All
aggregate fields are functions of the claims, so an incident reloaded from the store can be
updated exactly as if it had never left memory.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from truce.records import Discrepancy, EventMention, Incident, IncidentClaim
from truce.resolve._text import content_stems, fold

__all__ = [
    "mention_claims",
    "casualties",
    "discrepancies",
    "corroboration",
    "snapshot",
    "recompute",
]


def _claim(field: str, value: Any, m: EventMention, origin_id: str | None, quote: str,
           start: int, end: int, source: str | None) -> IncidentClaim:
    return IncidentClaim(field, value, m.article_id, origin_id, quote, start, end, source)


def mention_claims(m: EventMention, origin_id: str | None, generic: bool = False) -> list[IncidentClaim]:
    """The claims one mention contributes to its incident; ``generic``: the mention refers to a
    series of events ("recent strikes"), recorded on its report claim as ``"generic": true``."""
    source = (m.attribution.name or m.attribution.text) if m.attribution else None
    party = bool(m.attribution and m.attribution.party)
    report = {"mention_id": m.id, "modality": m.modality, "plover_type": m.plover_type,
              "plover_mode": m.plover_mode, "party": party}
    if generic:  # (only then: the records of other mentions stay as they were)
        report["generic"] = True
    claims = [_claim("report", report, m, origin_id, m.sentence, m.sentence_start, m.sentence_end, source)]
    if m.date is not None and m.date.text:
        start, end = m.date.span or (m.sentence_start, m.sentence_end)
        claims.append(_claim(
            "date",
            {"start": m.date.start.isoformat() if m.date.start else None,
             "end": m.date.end.isoformat() if m.date.end else None, "precision": m.date.precision},
            m, origin_id, m.date.text, start, end, source,
        ))
    if m.location is not None:
        loc = m.location
        claims.append(_claim(
            "place",
            {"name": loc.name or loc.text, "geonameid": loc.geonameid, "precision": loc.precision,
             "lat": loc.lat, "lon": loc.lon, "country_code": loc.country_code,
             "basis": m.location_basis},
            m, origin_id, loc.text, loc.start, loc.end, source,
        ))
    for actor in m.actors:
        if actor.role not in ("actor", "recipient"):
            continue
        field = "actor" if actor.role == "actor" else "target"
        claims.append(_claim(
            field,
            {"text": actor.text, "name": actor.name, "actor_id": actor.actor_id, "country": actor.country},
            m, origin_id, actor.text, actor.start, actor.end, source,
        ))
    for kind, count in (("fatalities", m.fatalities), ("injured", m.injured)):
        if count is None or count.cumulative:
            continue
        claims.append(_claim(
            kind, {"low": count.low, "best": count.best, "high": count.high, "victims": count.victims},
            m, origin_id, count.text, count.start, count.end, count.reporter or source,
        ))
    return claims


def _figure(value: dict[str, Any]) -> int | None:
    for key in ("best", "low", "high"):
        if value.get(key) is not None:
            return int(value[key])
    return None


def casualties(claims: list[IncidentClaim], field: str) -> dict[str, int | None] | None:
    """UCDP-style {low, best, high}: low the smallest low, high the largest high, best the lower
    median of the per-origin figures (each origin's largest)."""
    mine = [c for c in claims if c.field == field and _figure(c.value) is not None]
    if not mine:
        return None
    per_origin: dict[str, int] = {}
    for c in mine:
        key = c.origin_id or c.article_id
        per_origin[key] = max(per_origin.get(key, 0), _figure(c.value) or 0)
    values = sorted(per_origin.values())
    best = values[(len(values) - 1) // 2]
    lows = [c.value["low"] if c.value.get("low") is not None else _figure(c.value) for c in mine]
    highs = [c.value["high"] if c.value.get("high") is not None else _figure(c.value) for c in mine]
    return {"low": min(lows), "best": best, "high": max(highs)}


def _actor_key(value: dict[str, Any]) -> str:
    return value.get("actor_id") or fold(value.get("name") or value.get("text") or "")


def _words(value: dict[str, Any]) -> set[str]:
    return set(content_stems(value.get("name") or value.get("text") or ""))


def _article_groups(claims: list[IncidentClaim], field: str) -> dict[str, list[IncidentClaim]]:
    # Wording differs between articles, even rewrites of one origin ("a Hamas training camp" in one,
    # "radical elements" in its rewrite): disagreement is looked for between articles.
    groups: dict[str, list[IncidentClaim]] = defaultdict(list)
    for c in claims:
        if c.field == field:
            groups[c.article_id].append(c)
    return groups


def _perpetrator_key(value: dict[str, Any]) -> str:
    # "the IDF" and "Israel" are the same side: perpetrators disagree only across countries.
    return value.get("country") or _actor_key(value)


def _disjoint_groups(groups: dict[str, list[IncidentClaim]], by_words: bool) -> list[IncidentClaim]:
    """Claims of articles whose values share nothing with another article's values."""
    keyed = {}
    for origin, cs in groups.items():
        keys: set[str] = set()
        for c in cs:
            keys |= _words(c.value) if by_words else {_perpetrator_key(c.value)}
        keys.discard("")
        if keys:
            keyed[origin] = keys
    origins = sorted(keyed)
    conflicting: set[str] = set()
    for i, a in enumerate(origins):
        for b in origins[i + 1:]:
            if not (keyed[a] & keyed[b]):
                conflicting |= {a, b}
    return [c for o in sorted(conflicting) for c in groups[o]]


# Who was hit is a fact sources can contradict; the other party of a meeting or statement is
# worded too loosely across reports ("Israeli officials", "the Israeli delegation") to compare.
TARGET_DISCREPANCY_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})


def discrepancies(claims: list[IncidentClaim], plover_type: str | None = None) -> list[Discrepancy]:
    out = []
    for field in ("fatalities", "injured"):
        firsts: dict[int, IncidentClaim] = {}
        for c in claims:
            if c.field == field and _figure(c.value) is not None:
                firsts.setdefault(_figure(c.value), c)  # type: ignore[arg-type]
        if len(firsts) > 1:
            out.append(Discrepancy(field, [firsts[k] for k in sorted(firsts)]))
    if len({c.article_id for c in claims if c.field in ("target", "actor")}) < 2:
        return out  # who and what can only disagree between articles
    target = []
    if plover_type is None or plover_type in TARGET_DISCREPANCY_TYPES:
        target = _disjoint_groups(_article_groups(claims, "target"), by_words=True)
    if target:
        out.append(Discrepancy("target", target))
    resolved = [c for c in claims if c.field == "actor" and (c.value.get("actor_id") or c.value.get("name"))]
    actor = _disjoint_groups(_article_groups(resolved, "actor"), by_words=False)
    if actor:
        out.append(Discrepancy("actor", actor))
    return out


def _names_match(source: str, actor: dict[str, Any]) -> bool:
    src = fold(source).strip()
    for key in ("name", "text", "actor_id"):
        val = actor.get(key)
        if val and (fold(val).strip() == src):
            return True
    a = set(content_stems(source))
    b = set(content_stems(actor.get("name") or "")) | set(content_stems(actor.get("text") or ""))
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def corroboration(incident: Incident, found: list[Discrepancy]) -> str:
    """The analyst's grade; the first rule that applies wins (docs/resolve.md)."""
    reports = [c for c in incident.claims if c.field == "report"]
    actors = [c for c in incident.claims if c.field == "actor"]
    return _corroboration(incident, reports, actors, found)


def _corroboration(incident: Incident, reports: list[IncidentClaim], actor_claims: list[IncidentClaim],
                   found: list[Discrepancy]) -> str:
    asserted = [c for c in reports if c.value.get("modality") != "denied"]
    actors = [c.value for c in actor_claims]
    for c in asserted:
        if c.value.get("party") and c.source and any(_names_match(c.source, a) for a in actors):
            return "officially confirmed"
    if len(asserted) < len(reports) or any(d.field in ("actor", "target") for d in found):
        return "contested"
    if asserted and all(c.value.get("party") for c in asserted):
        return "claimed by a party"
    if len(set(incident.origin_ids)) >= 2:
        return "corroborated"
    return "single source"


def copy_value(value: Any) -> Any:
    """A copy of a snapshot value (``copy.deepcopy`` for what ``snapshot`` makes: None, scalars,
    flat dicts and lists of scalars), without deepcopy's generic machinery."""
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value


def snapshot(incident: Incident) -> dict[str, Any]:
    """The fields whose changes are recorded as revisions, in comparable form."""
    d = incident.date
    loc = incident.location
    return {
        "date": None if d is None else {
            "start": d.start.isoformat() if d.start else None,
            "end": d.end.isoformat() if d.end else None, "precision": d.precision},
        "place": None if loc is None else (loc.name or loc.text),
        "actors": sorted({f"{a.role}:{a.name or a.text}" for a in incident.actors}),
        "fatalities": incident.fatalities,
        "injured": incident.injured,
        "articles": len(incident.article_ids),
        "origins": len(set(incident.origin_ids)),
        "corroboration": incident.corroboration,
        "discrepancies": sorted(d.field for d in incident.discrepancies),
    }


_GROUPED = ("report", "fatalities", "injured", "target", "actor")


def recompute(incident: Incident) -> None:
    """Set the claim-derived fields of ``incident`` from its claims."""
    # One pass sorts the claims by field (each field's claims keep their order); every function
    # below only looks at claims of its own fields, so it gets the same answer from its fields'
    # claims as from all of them, without scanning the whole list again.
    by: dict[str, list[IncidentClaim]] = {f: [] for f in _GROUPED}
    for c in incident.claims:
        group = by.get(c.field)
        if group is not None:
            group.append(c)
    incident.fatalities = casualties(by["fatalities"], "fatalities")
    incident.injured = casualties(by["injured"], "injured")
    incident.discrepancies = discrepancies(
        by["fatalities"] + by["injured"] + by["target"] + by["actor"], incident.plover_type)
    incident.corroboration = _corroboration(  # type: ignore[assignment]
        incident, by["report"], by["actor"], incident.discrepancies)
