"""The trigger lexicon and the cue lists, loaded once from documented TSV files in ``truce/data``.

``triggers.tsv`` maps a trigger (a lemma, a head+dependent pair or a lemma sequence) to a PLOVER
category and mode and an ACLED event type and sub-type; ``event_cues.tsv`` lists the words that decide
ACLED sub-types (weapons, victims, protest intervention ...) and modality. Both formats are described in
the files' header comments and in docs/events.md.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from truce.errors import DataFileError

log = logging.getLogger(__name__)

__all__ = ["Lexicon", "TriggerEntry", "load_lexicon", "PLOVER_CATEGORIES", "ACLED_TYPES"]

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}  # fmt: skip

_TRIGGER_COLUMNS = ("trigger", "pos", "plover", "mode", "acled", "sub", "weight")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row. ``acled``/``sub`` are None (no ACLED type) or "*" (decided from context)."""

    trigger: str
    pos: str  # "V", "N" or "VN"
    plover: str
    mode: str | None
    acled: str | None
    sub: str | None
    weight: float
    source: str  # "file:line", for audit

    @property
    def rule(self) -> str:
        return f"lexicon:{self.trigger}/{self.pos}"


_GAP = "..."
_GAP_PATTERN = r"(?:\s+[\w'-]+){0,3}"


def _phrase_pattern(phrase: str) -> str:
    """A cue phrase as a regex body: words separated by spaces, ``word*`` matches any ending, and a
    ``...`` word stands for up to three other words ("block ... road*" matches "blocked the main road",
    "blocked Kitui road")."""
    out = []
    for n, word in enumerate(phrase.split()):
        if word == _GAP:
            out.append(_GAP_PATTERN)
            continue
        piece = re.escape(word[:-1]) + r"[\w-]*" if word.endswith("*") else re.escape(word)
        out.append(("" if n == 0 else r"\s+") + piece)
    return "".join(out)


@dataclass
class Lexicon:
    """Triggers indexed for matching, and cue phrases by class."""

    single: dict[str, list[TriggerEntry]] = field(default_factory=dict)  # lemma -> entries
    pairs: dict[str, list[tuple[str, TriggerEntry]]] = field(default_factory=dict)  # head -> (dep, e)
    sequences: dict[str, list[tuple[tuple[str, ...], TriggerEntry]]] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)  # class -> phrases
    acled_model: object | None = None  # truce.events.acled_model.AcledModel, when its file exists
    note_labels: dict[str, TriggerEntry] = field(default_factory=dict)  # "property destruction" -> entry
    _cue_res: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    _verb_forms: dict[tuple[float, int], dict[str, dict[str, str]]] = field(default_factory=dict, repr=False)

    def add(self, entry: TriggerEntry) -> None:
        self._verb_forms.clear()  # derived from the entries: rebuilt when next asked for
        if "+" in entry.trigger:
            head, dep = entry.trigger.split("+", 1)
            bucket = self.pairs.setdefault(head, [])
            bucket[:] = [(d, e) for d, e in bucket if not (d == dep and e.pos == entry.pos)]
            bucket.append((dep, entry))
        elif " " in entry.trigger:
            words = tuple(entry.trigger.split())
            bucket = self.sequences.setdefault(words[0], [])
            bucket[:] = [(w, e) for w, e in bucket if not (w == words and e.pos == entry.pos)]
            bucket.append((words, entry))
        else:
            bucket = self.single.setdefault(entry.trigger, [])
            bucket[:] = [e for e in bucket if e.pos != entry.pos]
            bucket.append(entry)

    def verb_forms(self, min_weight: float = 0.7, min_length: int = 6) -> dict[str, dict[str, str]]:
        """The "-ed" and "-ing" forms of the single-word triggers of at least ``min_weight``, by their
        first three letters (form -> lemma): what a misspelt event verb is matched against. Built once
        per lexicon and arguments."""
        forms = self._verb_forms.get((min_weight, min_length))
        if forms is None:
            forms = {}
            for lemma, entries in self.single.items():
                if not lemma.isalpha() or max(e.weight for e in entries) < min_weight:
                    continue
                stem = lemma[:-1] if lemma.endswith("e") else lemma
                for form in (stem + "ed", stem + "ing"):
                    if len(form) >= min_length:
                        forms.setdefault(form[:3], {})[form] = lemma
            self._verb_forms[(min_weight, min_length)] = forms
        return forms

    def cue_words(self, cls: str) -> frozenset[str]:
        """The phrases of one cue class as a set (for single-lemma classes such as modality)."""
        return frozenset(self.cues.get(cls, ()))

    def cue_regex(self, cls: str) -> re.Pattern[str]:
        """One compiled pattern matching any phrase of ``cls`` as whole words."""
        pattern = self._cue_res.get(cls)
        if pattern is None:
            parts = []
            for phrase in sorted(self.cues.get(cls, ()), key=len, reverse=True):
                # a phrase that ends in a mark ("[size=") is followed by a word: no end boundary
                end = r"(?![\w-])" if phrase[-1].isalnum() or phrase[-1] in "*." else ""
                parts.append(_phrase_pattern(phrase) + end)
            body = "|".join(parts) or r"(?!x)x"
            pattern = re.compile(r"(?<![\w-])(?:" + body + r")")
            self._cue_res[cls] = pattern
        return pattern

    def __len__(self) -> int:
        return (
            sum(len(v) for v in self.single.values())
            + sum(len(v) for v in self.pairs.values())
            + sum(len(v) for v in self.sequences.values())
        )


def _data_file(name: str) -> Path:
    return Path(str(resources.files("truce") / "data" / name))


def _read_rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(str(path), None, f"cannot read lexicon file ({e}); check the path") from e
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append((number, line.rstrip("\n").split("\t")))
    return rows


def _none(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _parse_trigger_file(path: Path, lexicon: Lexicon) -> None:
    rows = _read_rows(path)
    if rows and rows[0][1][0].strip() == "trigger":
        rows = rows[1:]
    for number, cols in rows:
        if len(cols) != len(_TRIGGER_COLUMNS):
            raise DataFileError(
                str(path), number,
                f"expected {len(_TRIGGER_COLUMNS)} tab-separated columns "
                f"({', '.join(_TRIGGER_COLUMNS)}), found {len(cols)}",
            )  # fmt: skip
        trigger, pos, plover, mode, acled, sub, weight = (c.strip() for c in cols)
        if pos not in ("V", "N", "VN"):
            raise DataFileError(str(path), number, f"pos must be V, N or VN, not {pos!r}")
        if plover not in PLOVER_CATEGORIES:
            raise DataFileError(
                str(path), number, f"unknown PLOVER category {plover!r}; use one of {PLOVER_CATEGORIES}"
            )
        acled_v, sub_v = _none(acled), _none(sub)
        if acled_v not in (None, "*") and acled_v not in ACLED_TYPES:
            raise DataFileError(str(path), number, f"unknown ACLED event type {acled_v!r}")
        if sub_v not in (None, "*"):
            allowed = ACLED_TYPES.get(acled_v or "", ()) if acled_v != "*" else ()
            if acled_v == "*" or sub_v not in allowed:
                raise DataFileError(
                    str(path), number, f"ACLED sub-event type {sub_v!r} does not belong to {acled_v!r}"
                )
        try:
            w = float(weight)
        except ValueError as e:
            raise DataFileError(str(path), number, f"weight must be a number, not {weight!r}") from e
        lexicon.add(
            TriggerEntry(
                trigger=trigger.lower(), pos=pos, plover=plover, mode=_none(mode), acled=acled_v,
                sub=sub_v, weight=w, source=f"{path.name}:{number}",
            )
        )  # fmt: skip


def _parse_cue_file(path: Path, lexicon: Lexicon) -> None:
    rows = _read_rows(path)
    if rows and rows[0][1][0].strip() == "class":
        rows = rows[1:]
    for number, cols in rows:
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise DataFileError(str(path), number, "expected two tab-separated columns: class, phrase")
        lexicon.cues.setdefault(cols[0].strip(), []).append(cols[1].strip().lower())


def _parse_note_labels(path: Path, lexicon: Lexicon) -> None:
    """ACLED's note labels ("Property destruction: ...") with the type each one states."""
    rows = _read_rows(path)
    if rows and rows[0][1][0].strip() == "label":
        rows = rows[1:]
    for number, cols in rows:
        if len(cols) != 5:
            raise DataFileError(str(path), number, "expected 5 tab-separated columns: label plover mode acled sub")
        label, plover, mode, acled_v, sub_v = (c.strip() for c in cols)
        if plover not in PLOVER_CATEGORIES:
            raise DataFileError(str(path), number, f"unknown PLOVER category {plover!r}")
        if sub_v not in ACLED_TYPES.get(acled_v, ()):
            raise DataFileError(str(path), number, f"ACLED sub-event type {sub_v!r} does not belong to {acled_v!r}")
        lexicon.note_labels[label.lower()] = TriggerEntry(
            trigger=label.lower(), pos="N", plover=plover, mode=_none(mode), acled=acled_v, sub=sub_v,
            weight=0.9, source=f"{path.name}:{number}",
        )  # fmt: skip


def load_lexicon(extra_files: Sequence[Path] = (), *, model: bool = True) -> Lexicon:
    """Load the bundled trigger lexicon and cue lists, then each extra file in order.

    An extra file is read as a trigger file when its header starts with ``trigger`` and as a cue file
    when it starts with ``class``. With ``model`` (the default) the ACLED sub-type model
    ``truce/data/acled_model.json`` is loaded too when it exists (see ``truce.events.acled_model``).
    """
    lexicon = Lexicon()
    if model:
        from truce.events.acled_model import load_acled_model

        lexicon.acled_model = load_acled_model(_data_file("acled_model.json"))
    _parse_trigger_file(_data_file("triggers.tsv"), lexicon)
    _parse_cue_file(_data_file("event_cues.tsv"), lexicon)
    _parse_note_labels(_data_file("acled_note_labels.tsv"), lexicon)
    for path in extra_files:
        path = Path(path)
        rows = _read_rows(path)
        if rows and rows[0][1][0].strip() == "class":
            _parse_cue_file(path, lexicon)
        else:
            _parse_trigger_file(path, lexicon)
    log.debug("loaded %d triggers and %d cue classes", len(lexicon), len(lexicon.cues))
    return lexicon
