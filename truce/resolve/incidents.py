"""Incident matching: which incident (if any) an event mention reports, with blocking.

Each incident keeps a small working profile (its date interval, finest place, actor keys, name
words) and is indexed under blocking keys (PLOVER type × week × grid cell / admin1 / country / day).
A mention is compared only with the incidents under its own keys and with the incidents its own
article already reports, so the work per mention is bounded and the total grows about linearly.
The rules are in docs/resolve.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from truce.records import EventActor, EventDate, EventMention, Incident, PlaceMention
from truce.resolve._geo import grid_cell, is_precise, place_match, place_precision
from truce.resolve._text import fold, stem

__all__ = ["IncidentIndex", "mention_interval", "is_generic", "MERGE_SCORE", "FACTUAL", "NEVER_MERGED"]

MERGE_SCORE = 3.0
REPORTED_DAYS = 14  # a date known only as "on or before publication" covers these days
MAX_MERGE_DAYS = 62  # wider intervals never merge
MAX_WEEKS = MAX_MERGE_DAYS // 7 + 1
MAX_CANDIDATES = 400  # per blocking key, the most recent incidents looked at
FACTUAL = frozenset({"asserted", "claimed", "historical"})
NEVER_MERGED = frozenset({"negated", "threatened", "planned", "hypothetical"})
_NAME = re.compile(r"(?<![\w'’])([A-Z][\w'’-]{3,})")
_PRECISION_RANK = {p: i for i, p in enumerate(
    ["day", "week", "month", "quarter", "season", "year", "decade", "century", "reported", "unknown"])}


def mention_interval(m: EventMention, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days the mention's event may have happened on; None when nothing is known."""
    d = m.date
    if d is None or d.precision == "reported":
        end = (d.end or d.start) if d is not None else None
        end = end or published
        if end is None:
            return None
        return (end - dt.timedelta(days=REPORTED_DAYS), end)
    if d.precision == "unknown" or (d.start is None and d.end is None):
        return None
    start = d.start or (d.end - dt.timedelta(days=MAX_MERGE_DAYS + 1))  # type: ignore[operator]
    end = d.end or (d.start + dt.timedelta(days=MAX_MERGE_DAYS + 1))  # type: ignore[operator]
    return (start, end) if start <= end else (end, start)


# "lexicon:air strike/N; acled:…" → the lexicon entry's words ("air strike", "raid+air") and pos.
_LEXICON_ENTRY = re.compile(r"lexicon:([^/;]+)/([A-Z]+)")


def _trigger_words(m: EventMention) -> list[str]:
    cut = m.trigger_start - m.sentence_start
    return re.findall(r"[\w'’-]+", fold(m.sentence[max(0, cut):max(0, m.trigger_end - m.sentence_start)]))


def _is_plural_of(word: str, lemma: str) -> bool:
    return word != lemma and (word in (lemma + "s", lemma + "es")
                              or (lemma.endswith("y") and word == lemma[:-1] + "ies"))


def plural_trigger(m: EventMention) -> bool:
    """Whether the trigger is a count noun in the plural ("air strikes", "raids", "negotiations").

    With the event stage's lexicon entry (``trigger_rule``), a noun entry whose word the trigger
    writes in the plural (a plural-only entry such as "talks" is not); without one, a word ending
    in "s" (not "ss", "us", "is") of five letters or more."""
    words = _trigger_words(m)
    if not words:
        return False
    entry = _LEXICON_ENTRY.search(m.trigger_rule) if m.trigger_rule else None
    if entry is not None:
        if "N" not in entry.group(2):
            return False
        lemmas = re.split(r"[+ ]", fold(entry.group(1)))
        return any(_is_plural_of(w, lemma) for w in words for lemma in lemmas if lemma)
    w = words[-1]
    return len(w) >= 5 and w.endswith("s") and not w.endswith(("ss", "us", "is"))


def is_generic(m: EventMention) -> bool:
    """A reference to a series of events, not to one incident: a plural trigger with neither a
    day-precise date nor a precise place ("the recent Israeli air strikes in Lebanon", "air raids
    have intensified", "escalating its strikes"). docs/resolve.md, "Series references"."""
    if m.date is not None and m.date.precision == "day":
        return False
    if is_precise(evidenced_location(m)):
        return False
    return plural_trigger(m)


def evidenced_location(m: EventMention) -> PlaceMention | None:
    """The mention's place when the text gives it for the event. A place only named in the
    event's sentence (``location_basis`` "mentioned") is shown on the incident, but neither joins
    reports nor keeps them apart: a guess is not evidence that two reports tell different events."""
    return None if m.location_basis == "mentioned" else m.location


def _actor_keys(actors: list[EventActor], role: str) -> set[str]:
    keys = set()
    for a in actors:
        if a.role == role:
            if a.actor_id:
                keys.add(a.actor_id)
            if a.name:
                keys.add(fold(a.name))
    return keys


def _actor_words(actors: list[EventActor], role: str) -> set[str]:
    out: set[str] = set()
    for a in actors:
        if a.role == role:
            out |= {stem(w) for w in re.findall(r"\w+", fold(a.name or a.text)) if len(w) > 3}
    return out


def _name_words(sentence: str) -> set[str]:
    # Capitalised words that are not the sentence's first word: names of people, places, units.
    out = set()
    for match in _NAME.finditer(sentence):
        if match.start() == 0:
            continue
        out.add(stem(fold(match.group(1))))
    return out


@dataclass(slots=True)
class _Profile:
    """What matching needs to know about one incident, or about one mention before it is placed."""

    incident: Incident | None
    plover_type: str
    plover_mode: str | None
    interval: tuple[dt.date, dt.date] | None
    precision: str
    place: PlaceMention | None
    actor_keys: set[str] = field(default_factory=set)
    actor_countries: set[str] = field(default_factory=set)
    target_words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    figures: set[int] = field(default_factory=set)
    seq: int = 0
    # A mention that refers to a series ("recent air strikes"), or an incident founded by one: it
    # corroborates no other article's report and is never merged by bridging (``is_generic``).
    generic: bool = False
    # The blocking buckets this incident was last indexed under, and the (interval, place) they
    # were computed from: re-indexing after an update that changed neither (most of them) walks
    # these lists instead of rebuilding the keys (``IncidentIndex._index``).
    indexed_as: tuple | None = None
    buckets: list[list[str]] | None = None

    @property
    def vague(self) -> bool:
        return self.interval is None or (self.interval[1] - self.interval[0]).days > MAX_MERGE_DAYS


def mention_profile(m: EventMention, interval: tuple[dt.date, dt.date] | None) -> _Profile:
    p = _Profile(None, m.plover_type, m.plover_mode, interval,
                 m.date.precision if m.date is not None else "reported", evidenced_location(m))
    p.actor_keys = _actor_keys(m.actors, "actor")
    p.actor_countries = {a.country for a in m.actors if a.role == "actor" and a.country}
    p.target_words = _actor_words(m.actors, "recipient")
    p.names = _name_words(m.sentence)
    p.generic = is_generic(m)
    if m.fatalities is not None and m.fatalities.best is not None and not m.fatalities.cumulative:
        p.figures.add(m.fatalities.best)
    return p


# ASSAULT modes that name the weapon: reports of one event may say "air strike" or "drone strike",
# rarely "air strike" and "shelling"
_WEAPON_FAMILY = {"aerial": "air", "drone": "air", "shelling": "artillery", "firearms": "guns"}


def compatibility(a: _Profile, b: _Profile, actors: bool = True) -> float | None:
    """Evidence points (date, place, actors, targets, figures) that two profiles are one event;
    None when they cannot be (docs/resolve.md, "Compatibility"). ``actors=False``: perpetrators
    that disagree are no veto (a mention that refers back to an incident of its own article)."""
    if a.plover_type != b.plover_type:
        return None
    # Modes describe how, and reports of one event differ on it ("talks" vs "a US-mediated
    # meeting", "strike" vs "airstrike"): a shared mode is evidence, a different one no veto.
    points = 0.5 if a.plover_mode is not None and a.plover_mode == b.plover_mode else 0.0
    fa, fb = _WEAPON_FAMILY.get(a.plover_mode or ""), _WEAPON_FAMILY.get(b.plover_mode or "")
    if fa and fb and fa != fb:
        # ... but an air strike and artillery fire, or gunfire and an air strike, are two events
        # even when they hit nearby towns on the same day ("air strike" and "drone strike" are not)
        return None
    ia, ib = a.interval, b.interval
    if ia is not None and ib is not None:
        a0, a1 = ia
        b0, b1 = ib
        if (a0 if a0 > b0 else b0) > (a1 if a1 < b1 else b1):
            return None
        if a0 == a1 and b0 == b1:  # both single days, and they overlap: the same day
            points += 2.0
        elif (a1 - a0).days <= 7 and (b1 - b0).days <= 7:
            points += 1.0
        else:
            points += 0.5
    pm = place_match(a.place, b.place)
    if pm is None:
        return None
    points += pm
    if a.actor_keys and b.actor_keys:
        shared = len(a.actor_keys & b.actor_keys)
        if shared:
            points += min(2.0, float(shared))
        elif a.actor_countries and b.actor_countries:
            if not (a.actor_countries & b.actor_countries):
                if actors:
                    return None
            else:
                points += 0.5
    elif a.actor_countries & b.actor_countries:
        points += 0.5
    if a.target_words & b.target_words:
        points += 1.0
    if a.figures & b.figures:
        points += 1.0
    return points


@dataclass(slots=True)
class Match:
    profile: _Profile
    score: float
    # True when the mention's perpetrators disagree with the incident's and it joins only as a
    # reference back within its article: its perpetrators are not added to the incident.
    actors_waived: bool = False


def _weeks(interval: tuple[dt.date, dt.date]) -> range:
    return range(interval[0].toordinal() // 7, interval[1].toordinal() // 7 + 1)


DAY_SLOTS_MAX = 15  # an interval this long or shorter is indexed by day, a longer one by week


# Time slots are ints, so that the blocking dictionaries hash no tuples of tuples: a day is its
# ordinal (positive), a week ``w`` (ordinal // 7) is ``-1 - w`` (negative), so the two never clash.


@functools.lru_cache(maxsize=4096)
def _slots_of(a: int, b: int) -> tuple[int, ...]:
    if b - a < DAY_SLOTS_MAX:
        return tuple(range(a, b + 1))
    return tuple(-1 - w for w in range(a // 7, b // 7 + 1))


def _slots(interval: tuple[dt.date, dt.date]) -> tuple[int, ...]:
    """The time slots an incident is indexed under: its days when short, else its weeks."""
    return _slots_of(interval[0].toordinal(), interval[1].toordinal())


@functools.lru_cache(maxsize=4096)
def _lookup_slots_of(a: int, b: int) -> tuple[int, ...]:
    return tuple(range(a, b + 1)) + tuple(-1 - w for w in range(a // 7, b // 7 + 1))


def _lookup_slots(interval: tuple[dt.date, dt.date]) -> tuple[int, ...]:
    """The slots a mention looks in: every day of its interval and every week (for the incidents
    indexed by week)."""
    return _lookup_slots_of(interval[0].toordinal(), interval[1].toordinal())


def _single_day(interval: tuple[dt.date, dt.date] | None) -> dt.date | None:
    return interval[0] if interval is not None and interval[0] == interval[1] else None


_ANAPHORIC = re.compile(
    r"\b(?:the|this|that|these|those|its|the same)\s+"
    r"(?:(?!(?:of|in|on|at|to|for|by|from|with|and|or)\b)[\w.’'-]+\s+){0,3}$",
    re.I,
)
_ANOTHER = re.compile(r"\b(?:another|a second|a third|a new|a further|further|separate|other|more)\s+(?:[\w.’'-]+\s+){0,2}$", re.I)


ANAPHORIC_POINTS = 2.5  # a reference back within the article: "the strike", or the same sentence


def _trigger_prefix(m: EventMention) -> str:
    cut = max(0, m.trigger_start - m.sentence_start)
    return m.sentence[max(0, cut - 40):cut]


def same_article_points(m: EventMention) -> float | None:
    """Within one article: a definite or demonstrative trigger ("the strike", "this meeting") refers
    back (+2.5, the article bonus included); "another strike" never does (None); else +1.5."""
    prefix = _trigger_prefix(m)
    if _ANOTHER.search(prefix):
        return None
    return ANAPHORIC_POINTS if _ANAPHORIC.search(prefix) else 1.5


class IncidentIndex:
    """Profiles and blocking keys of every incident, for finding the one a mention reports."""

    def __init__(self) -> None:
        self.profiles: dict[str, _Profile] = {}
        self.blocks: dict[tuple, dict[int, list[str]]] = {}  # place key → time slot → ids
        self.name_df: Counter[str] = Counter()
        self._seq = 0
        # (type, cell) → the slot dictionaries of the cell and its 8 neighbours that exist; a
        # precise mention looks in all 9, most of them empty. Dropped for the 9 cells around a cell
        # whose key appears (``_index``), so it is always what the 9 lookups would find.
        self._near: dict[tuple, list[dict[int, list[str]]]] = {}

    # --- profiles --------------------------------------------------------------------------

    def profile_from_incident(self, incident: Incident) -> _Profile:
        """Rebuild a profile from a stored incident (its date, place, actors and claims)."""
        d = incident.date
        interval = None
        if d is not None and d.start is not None and d.end is not None:
            interval = (d.start, d.end)
        p = _Profile(incident, incident.plover_type, incident.plover_mode, interval,
                     d.precision if d else "unknown", None if incident.location_guessed else incident.location)
        p.actor_keys = _actor_keys(incident.actors, "actor")
        p.actor_countries = {a.country for a in incident.actors if a.role == "actor" and a.country}
        p.target_words = _actor_words(incident.actors, "recipient")
        first = True
        for c in incident.claims:
            if c.field == "report":
                if first:  # an incident founded by a series reference stays one
                    p.generic = bool(c.value.get("generic"))
                    first = False
                p.names |= _name_words(c.quote)
            elif c.field == "fatalities" and c.value.get("best") is not None:
                p.figures.add(int(c.value["best"]))
        return p

    def register(self, profile: _Profile) -> None:
        assert profile.incident is not None
        self._seq += 1
        profile.seq = self._seq
        self.profiles[profile.incident.id] = profile
        self._index(profile)

    def forget(self, incident_id: str) -> None:
        # Its blocking entries stay; ``candidates`` skips ids that are no longer profiles.
        self.profiles.pop(incident_id, None)

    def _keys(self, p: _Profile) -> list[tuple[tuple, tuple[int, ...]]]:
        """Blocking keys, as (place key, time slots) pairs: the index is two-level (``blocks``:
        place key → slot → incident ids) so that a lookup first finds the few place keys that
        exist and only then walks their slots. Precise incidents: grid cell and admin1 ("adm");
        incidents placed only in an admin unit: "admc". Single-day incidents also under their day,
        per country and overall; those placed only in a country, or nowhere (country ""), under
        "dayc" too: they can only be found by an exact day. Time slots: ``_slots``."""
        if p.vague:
            return []
        t = p.plover_type
        keys: list[tuple[tuple, tuple[int, ...]]] = []
        place = p.place
        country = (place.country_code if place is not None else None) or ""
        precise = is_precise(place)
        admin1 = place.admin1 if place is not None and place_precision(place) <= 4 else None
        slots = _slots(p.interval)  # type: ignore[arg-type]
        if precise:
            keys.append((("cell", t, grid_cell(place)), slots))  # type: ignore[arg-type]
            if admin1:
                keys.append((("adm", t, country, admin1), slots))
        elif admin1:
            keys.append((("admc", t, country, admin1), slots))
        day = _single_day(p.interval)
        if day is not None:
            d = (day.toordinal(),)
            keys.append((("day", t, country), d))
            keys.append((("day", t, "*"), d))
            if not precise and not admin1:
                keys.append((("dayc", t, country), d))
        return keys

    def _index(self, p: _Profile) -> None:
        # Keys are only ever added: an incident's interval only narrows and its place only gets
        # finer, so a stale key just yields a candidate that the full check then rejects. The id is
        # appended again (unless it is already last) each time the incident changes, which keeps it
        # among a busy bucket's most recent entries (``MAX_CANDIDATES``).
        incident_id = p.incident.id  # type: ignore[union-attr]
        buckets = p.buckets
        if buckets is not None and p.indexed_as is not None and p.indexed_as[0] == p.interval \
                and p.indexed_as[1] is p.place:
            for bucket in buckets:  # the same keys as last time: no need to rebuild them
                if bucket[-1] != incident_id:
                    bucket.append(incident_id)
            return
        buckets = []
        blocks = self.blocks
        for key, slots in self._keys(p):
            inner = blocks.get(key)
            if inner is None:
                inner = blocks[key] = {}
                if key[0] == "cell":
                    ci, cj = key[2]
                    for di in (-1, 0, 1):
                        for dj in (-1, 0, 1):
                            self._near.pop((key[1], (ci + di, cj + dj)), None)
            for slot in slots:
                bucket = inner.get(slot)
                if bucket is None:
                    bucket = inner[slot] = [incident_id]
                elif bucket[-1] != incident_id:
                    bucket.append(incident_id)
                buckets.append(bucket)
        p.buckets = buckets
        p.indexed_as = (p.interval, p.place)

    # --- candidates ------------------------------------------------------------------------

    def _near_cells(self, t: str, cell: tuple[int, int]) -> list[dict[int, list[str]]]:
        found = self._near.get((t, cell))
        if found is None:
            blocks, (ci, cj) = self.blocks, cell
            found = []
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    inner = blocks.get(("cell", t, (ci + di, cj + dj)))
                    if inner is not None:
                        found.append(inner)
            self._near[(t, cell)] = found
        return found

    def _lookups(self, q: _Profile) -> list[tuple[dict[int, list[str]], tuple[int, ...]]]:
        """The existing slot dictionaries a mention looks in, each with the slots to look at."""
        t = q.plover_type
        place = q.place
        interval = q.interval
        assert interval is not None
        blocks = self.blocks
        keys: list[tuple[tuple, tuple[int, ...]]] = []
        slots = _lookup_slots(interval)
        country = (place.country_code if place is not None else None) or ""
        admin1 = place.admin1 if place is not None and place_precision(place) <= 4 else None
        day = _single_day(interval)
        d = (day.toordinal(),) if day is not None else ()
        out = []
        if place is not None and is_precise(place):
            out = [(inner, slots) for inner in self._near_cells(t, grid_cell(place))]
            if admin1:
                keys.append((("admc", t, country, admin1), slots))
            if d:
                keys.append((("dayc", t, country), d))
                keys.append((("dayc", t, ""), d))
        elif admin1:
            keys.append((("adm", t, country, admin1), slots))
            keys.append((("admc", t, country, admin1), slots))
            if d:
                keys.append((("dayc", t, country), d))
                keys.append((("dayc", t, ""), d))
        elif country:
            if d:
                keys.append((("day", t, country), d))
                keys.append((("dayc", t, ""), d))
        elif d:
            keys.append((("day", t, "*"), d))
        for key, key_slots in keys:
            inner = blocks.get(key)
            if inner is not None:
                out.append((inner, key_slots))
        return out

    def candidates(self, q: _Profile, same_article: list[str]) -> list[_Profile]:
        """The profiles to compare ``q`` with, in no particular order (``matches`` ranks them by
        score and age, a total order): its article's incidents and the most recent entries of
        every bucket under its keys. Ids are gathered with C-level set updates, as the busiest
        buckets (one type on one day, anywhere) hold hundreds of entries."""
        profiles = self.profiles
        ids: set[str] = set(same_article)
        if not (q.vague or len(_weeks(q.interval)) > MAX_WEEKS):  # type: ignore[arg-type]
            update = ids.update
            for inner, slots in self._lookups(q):
                inner_get = inner.get
                for slot in slots:
                    bucket = inner_get(slot)
                    if bucket is not None:
                        update(bucket[-MAX_CANDIDATES:] if len(bucket) > MAX_CANDIDATES else bucket)
        get = profiles.get
        return [p for p in map(get, ids) if p is not None]

    # --- scoring ---------------------------------------------------------------------------

    def _rare_names(self, a: set[str], b: set[str]) -> float:
        limit = max(3, 0.01 * len(self.profiles))
        rare = [w for w in a & b if self.name_df[w] <= limit]
        return min(1.0, 0.5 * len(rare))

    def matches(self, m: EventMention, q: _Profile, same_article: list[str],
                same_sentence: frozenset[str] | set[str] = frozenset()) -> list[Match]:
        """Every incident the mention may report (score ≥ MERGE_SCORE), best first.

        ``same_article``: the incidents the mention's article already reports; ``same_sentence``:
        those among them that hold a mention of the same sentence (docs/resolve.md, "Within one
        article")."""
        same = set(same_article)
        bonus: float | None = -1.0  # the same-article points, read from the text when first needed
        found = []
        t = q.plover_type
        names = q.names
        generic = q.generic
        sibling = definite = False
        for p in self.candidates(q, same_article):
            if p.plover_type != t:
                continue  # (``compatibility`` would say None; most same-article candidates)
            iid = p.incident.id  # type: ignore[union-attr]
            in_article = iid in same
            if in_article:
                if bonus == -1.0:
                    bonus = same_article_points(m)
                if bonus is None:
                    continue
                sibling = iid in same_sentence
                if p.generic != generic and not sibling:
                    continue  # a series and one incident mix only within a sentence
                definite = bonus >= ANAPHORIC_POINTS  # type: ignore[operator]
            elif q.interval is None or p.interval is None:
                continue  # an undated mention or incident merges only within its own article
            elif generic or p.generic:
                continue  # a series reference corroborates no other article's incident
            waived = False
            points = compatibility(p, q)
            if points is None:
                # A reference back within the article (a second trigger of the same sentence, or
                # a definite one: "the strike") placed where the incident is (a province or finer:
                # a country says too little), whose parsed perpetrator differs: the parse, not the
                # event, disagrees.
                if not (in_article and (sibling or definite) and q.place is not None
                        and place_precision(q.place) <= 4
                        and (place_match(p.place, q.place) or 0.0) >= 1.0):
                    continue
                points = compatibility(p, q, actors=False)
                if points is None:
                    continue
                waived = True
            if names and not names.isdisjoint(p.names):
                points += self._rare_names(p.names, names)
            if in_article:
                points += ANAPHORIC_POINTS if sibling else bonus  # type: ignore[operator]
            if points >= MERGE_SCORE:
                found.append(Match(p, points, waived))
        found.sort(key=lambda mt: (-mt.score, -mt.profile.seq))
        return found

    # --- updating a profile ----------------------------------------------------------------

    def absorb(self, p: _Profile, q: _Profile, date: EventDate | None, actors: bool = True) -> None:
        """Narrow ``p``'s date, refine its place and add the actors of ``q`` (a mention or an
        incident that joined it); ``date`` is the joining record's own date, for its wording.
        ``actors=False``: ``q``'s perpetrators are not added (``Match.actors_waived``)."""
        inc = p.incident
        assert inc is not None
        if q.interval is not None:
            if p.interval is None:
                p.interval = q.interval
            else:
                p.interval = (max(p.interval[0], q.interval[0]), min(p.interval[1], q.interval[1]))
            finer = _PRECISION_RANK.get(q.precision, 9) < _PRECISION_RANK.get(p.precision, 9)
            if finer or inc.date is None:
                p.precision = q.precision
            source = date if (finer or inc.date is None) and date is not None else inc.date
            inc.date = EventDate(p.interval[0], p.interval[1], p.precision,  # type: ignore[arg-type]
                                 source.text if source else None, source.span if source else None)
        if q.place is not None:
            if p.place is None or place_precision(q.place) < place_precision(p.place):
                p.place = q.place
                inc.location = q.place
        if p.plover_mode is None and q.plover_mode is not None:
            p.plover_mode = inc.plover_mode = q.plover_mode
        if actors:
            p.actor_keys |= q.actor_keys
            p.actor_countries |= q.actor_countries
        p.target_words |= q.target_words
        p.names |= q.names
        p.figures |= q.figures
        self._index(p)

    def add_actors(self, incident: Incident, actors: list[EventActor]) -> None:
        known = {(a.role, a.actor_id or fold(a.name or a.text)) for a in incident.actors}
        for a in actors:
            key = (a.role, a.actor_id or fold(a.name or a.text))
            if key not in known:
                known.add(key)
                incident.actors.append(a)

    def note_names(self, sentence: str) -> set[str]:
        names = _name_words(sentence)
        self.count_names(names)
        return names

    def count_names(self, names: set[str]) -> None:
        """Count the reports naming each word, so shared *rare* names can count as evidence."""
        for w in names:
            self.name_df[w] += 1


def new_incident(m: EventMention, interval: tuple[dt.date, dt.date] | None) -> Incident:
    date = None
    if interval is not None:
        precision = m.date.precision if m.date is not None else "reported"
        text = m.date.text if m.date is not None else None
        span = m.date.span if m.date is not None else None
        date = EventDate(interval[0], interval[1], precision, text, span)
    elif m.date is not None:
        date = m.date
    return Incident(
        id=f"i:{m.id}",
        plover_type=m.plover_type,
        plover_mode=m.plover_mode,
        acled_event_type=m.acled_event_type,
        acled_sub_event_type=m.acled_sub_event_type,
        date=date,
        location=m.location,
        actors=[],
    )
