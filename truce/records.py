"""Typed records that flow between the pipeline's stages.

Every stage takes records in and gives records out; nothing passes a bare dict between stages. Each
extracted value carries the character span of the words that support it (``start``/``end`` into
``Article.text``), so a reader can always go back to the text.

The records are plain dataclasses so they pickle cheaply (worker processes, Ray) and hold no spaCy
objects: a ``Doc`` lives only inside a worker while one article is processed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Article",
    "Evidence",
    "Interval",
    "TimeExpression",
    "PlaceMention",
    "ActorMention",
    "CountClaim",
    "EventDate",
    "EventActor",
    "Attribution",
    "EventMention",
    "Extraction",
    "IncidentClaim",
    "Discrepancy",
    "Revision",
    "Incident",
    "content_hash",
    "to_jsonable",
    "from_jsonable",
]

# How the publication date of an article was learned. "unknown" is never silently replaced by today.
PublishedSource = Literal["metadata", "dateline", "default", "unknown"]

# Time precision, finest first. "reported" marks an event dated only by its article's publication date.
TimePrecision = Literal[
    "day", "week", "month", "quarter", "season", "year", "decade", "century", "reported", "unknown"
]

Modality = Literal[
    "asserted",  # stated as fact by the article's voice
    "claimed",  # stated by a party to the conflict (the attribution says who)
    "denied",  # a party says it did not happen
    "negated",  # "no casualties were reported"
    "threatened",  # threats, warnings, conditionals ("may be forced to resume the war")
    "planned",  # future or scheduled ("agreed to reconvene before the new year")
    "hypothetical",  # "could", "would", "if"
    "historical",  # background events with their own past date
]


def content_hash(text: str) -> str:
    """The article key: a SHA-256 of the NFC-normalised text with whitespace runs collapsed.

    Copies that differ only in line breaks or Unicode composition hash the same, so ingesting an
    article twice (from a file and again from a feed) stores it once.
    """
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words in an article that support a value: article id, character span and the quoted text."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """One news report, as ingested. ``text`` is the body the offsets of every mention point into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    language: str = "en"
    source: str | None = None  # where it was read from: a path, "path:line" or a URL
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        self.published = _as_date(self.published)

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(self.id, start, end, self.text[start:end])


def _as_date(value: object) -> dt.date | None:
    """An ``Article.published`` given as a date, a datetime or an ISO string, as a date.

    Callers of the Python API often hold the date as text; accepting ISO here saves them a
    conversion, and anything else fails now, with the value, rather than deep inside a stage.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise ValueError(f"Article.published must be a date or an ISO date string, not {value!r}")


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval of days. ``None`` on either side means open (unknown or unbounded)."""

    start: dt.date | None
    end: dt.date | None

    def overlaps(self, other: Interval) -> bool:
        lo_a, hi_a = self.start or dt.date.min, self.end or dt.date.max
        lo_b, hi_b = other.start or dt.date.min, other.end or dt.date.max
        return lo_a <= hi_b and lo_b <= hi_a


@dataclass(slots=True)
class TimeExpression:
    """A time expression found in an article and normalised against its publication date.

    ``value`` is a TIMEX3-style value ("2025-11-19", "2025-W47", "P5W", "XXXX-XX-XX" when unknown).
    ``reason`` explains an "unknown" precision or any other doubt ("no publication date", "February 30").
    """

    text: str
    start: int
    end: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    interval: Interval | None
    precision: TimePrecision
    deadline: bool = False  # "by year-end": the interval's end is a deadline, not an occurrence
    open_ended: bool = False  # "since October 8, 2023": open towards the publication date
    anchor: str | None = None  # what it was resolved against: "published", "previous:<start>", ...
    reason: str | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place named in an article and resolved to a gazetteer entry (or left unresolved).

    ``precision`` is UCDP's ``where_prec`` (1 exact place ... 6 country); ``geo_precision`` is ACLED's (1-3).
    An unresolved or ambiguous name keeps its text, a low ``confidence`` and its ``alternatives``.
    """

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None  # ISO 3166 alpha-2, as GeoNames gives it
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # GeoNames feature code (PPL, PPLC, ADM1, STM, ...) or "CAMP", "BORDER"
    precision: int | None = None
    geo_precision: int | None = None
    confidence: float = 0.0
    source: str = "ner"  # "ner", "gazetteer", "pattern", "given" (gold span)
    alternatives: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ActorMention:
    """A mention of an actor, resolved to the registry when possible.

    Unknown actors keep their text and spaCy NER label with ``actor_id`` None. ``antecedent`` holds
    the start offset of the mention a pronoun or "the group" was resolved to.
    """

    text: str
    start: int
    end: int
    name: str | None = None  # canonical name from the registry
    actor_id: str | None = None
    country: str | None = None  # ISO 3166 alpha-3
    acled_inter: int | None = None  # ACLED inter code 1-8
    sector: str | None = None  # PLOVER sector ("military", "government", "rebel", ...)
    parent: str | None = None
    ner_label: str | None = None
    antecedent: int | None = None
    party: bool = False  # a party to the conflict (registry flag): its statements are claims


@dataclass(slots=True)
class CountClaim:
    """A number of people killed or injured, as an article states it.

    ``cumulative`` marks tolls about a period ("since the outbreak ... over 2,800 have died"): they are
    kept as claims about that period and never assigned to a single strike.
    """

    kind: Literal["killed", "injured"]
    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    victims: str | None = None  # "civilians", "fighters", "soldiers", "people", ...
    reporter: str | None = None  # who reported the figure
    cumulative: bool = False
    # the deaths that prompted the event, not deaths in it ("protested after a man was killed")
    background: bool = False


@dataclass(slots=True)
class EventDate:
    start: dt.date | None
    end: dt.date | None
    precision: TimePrecision
    text: str | None = None  # the governing time expression, or None when only the publication date
    span: tuple[int, int] | None = None


@dataclass(slots=True)
class EventActor:
    text: str
    name: str | None
    country: str | None
    acled_inter: int | None
    role: Literal["actor", "recipient", "other"]
    start: int
    end: int
    actor_id: str | None = None


@dataclass(slots=True)
class Attribution:
    """Who says so: "according to the IDF", "the health ministry reported"."""

    text: str
    name: str | None
    start: int
    end: int
    party: bool = False  # the source is a party to the conflict


@dataclass(slots=True)
class EventMention:
    """One event as one article reports it."""

    id: str  # "<article id>:e<n>", stable for the same text and pipeline version
    article_id: str
    plover_type: str
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    sentence: str
    date: EventDate | None = None
    location: PlaceMention | None = None
    actors: list[EventActor] = field(default_factory=list)
    fatalities: CountClaim | None = None
    injured: CountClaim | None = None
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    salience: float = 0.0
    confidence: float = 0.0
    trigger_rule: str | None = None  # which lexicon entry or pattern fired, for audit
    # how the text supports ``location``: "stated" (attached to the event in its sentence),
    # "context" (from a sentence before one that names no place), "mentioned" (a guess: named in
    # the sentence but not attached, or later in the paragraph); None without a location
    location_basis: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything the per-article stages found in one article."""

    article: Article
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    counts: list[CountClaim] = field(default_factory=list)  # every count claim, cumulative ones too


@dataclass(slots=True)
class IncidentClaim:
    """One article's value for one field of an incident, with its quote."""

    field: str  # "fatalities", "injured", "target", "date", "place", ...
    value: Any
    article_id: str
    origin_id: str | None
    quote: str
    start: int
    end: int
    source: str | None = None  # who said it (attribution)


@dataclass(slots=True)
class Discrepancy:
    field: str
    claims: list[IncidentClaim]


@dataclass(slots=True)
class Revision:
    field: str
    old: Any
    new: Any
    article_id: str
    at: dt.datetime


Corroboration = Literal[
    "single source", "claimed by a party", "contested", "corroborated", "officially confirmed"
]


@dataclass(slots=True)
class Incident:
    """An event resolved across articles: every report of it attached, sources counted by origin."""

    id: str
    plover_type: str
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: EventDate | None
    location: PlaceMention | None
    actors: list[EventActor] = field(default_factory=list)
    fatalities: dict[str, int | None] | None = None  # {"low","best","high"}
    injured: dict[str, int | None] | None = None
    mention_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    origin_ids: list[str] = field(default_factory=list)
    claims: list[IncidentClaim] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    corroboration: Corroboration = "single source"
    history: list[Revision] = field(default_factory=list)

    @property
    def independent_sources(self) -> int:
        return len(set(self.origin_ids))

    @property
    def location_guessed(self) -> bool:
        """Every report places the incident only by a guess (its mentions' ``location_basis`` is
        "mentioned"): the place is named near the event, but no text attaches it."""
        bases = [c.value.get("basis") for c in self.claims if c.field == "place"]
        return bool(bases) and all(b == "mentioned" for b in bases)


def to_jsonable(value: Any) -> Any:
    """Turn records (and dates, tuples) into JSON-ready values, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def from_jsonable(cls: type, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from what ``to_jsonable`` produced (store rows, JSON lines)."""
    import types
    import typing

    def build(tp: Any, value: Any) -> Any:
        if value is None:
            return None
        origin = typing.get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            for arg in args:
                try:
                    return build(arg, value)
                except (TypeError, ValueError, KeyError):
                    continue
            return value
        if origin is list:
            (item,) = typing.get_args(tp) or (Any,)
            return [build(item, v) for v in value]
        if origin is tuple:
            return tuple(value)
        if origin is dict or origin is Literal or tp is Any:
            return value
        if tp is dt.datetime:
            return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        if tp is dt.date:
            if isinstance(value, str):
                return dt.date.fromisoformat(value[:10])
            return value
        if dataclasses.is_dataclass(tp):
            if not isinstance(value, dict):
                raise TypeError(f"expected an object for {tp.__name__}")
            hints = typing.get_type_hints(tp)
            kwargs = {
                f.name: build(hints[f.name], value[f.name])
                for f in dataclasses.fields(tp)
                if f.name in value
            }
            return tp(**kwargs)
        return value

    return build(cls, data)
