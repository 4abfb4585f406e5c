"""The on-disk form of the gazetteer index: a handful of flat arrays, read with no per-entry work.

Loading 600,000 dictionary keys as Python objects takes seconds; reading a few NumPy arrays takes
milliseconds. Every text column is one UTF-8 blob plus an offsets array, decoded on access; each key
index is a sorted blob of keys, searched by bisection, pointing into a flat array of rows. Columns
accept appended rows and overrides, so user gazetteer files load on top of the cached index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np

__all__ = ["TextColumn", "NumberColumn", "KeyIndex", "pack_texts", "pack_index"]


def pack_texts(values: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    encoded = [v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    return np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets


class TextColumn:
    """A column of strings: packed base rows (read-only) plus appended and overridden rows."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray):
        self._blob = blob.tobytes() if isinstance(blob, np.ndarray) else blob
        self._offsets = offsets
        self._n = len(offsets) - 1
        self._extra: list[str] = []
        self._over: dict[int, str] = {}

    def __len__(self) -> int:
        return self._n + len(self._extra)

    def __getitem__(self, i: int) -> str:
        if i >= self._n:
            return self._extra[i - self._n]
        if i < 0:
            return self[len(self) + i]
        v = self._over.get(i)
        if v is not None:
            return v
        return self._blob[self._offsets[i] : self._offsets[i + 1]].decode("utf-8")

    def __setitem__(self, i: int, value: str) -> None:
        if i >= self._n:
            self._extra[i - self._n] = value
        else:
            self._over[i] = value

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def append(self, value: str) -> None:
        self._extra.append(value)


class NumberColumn:
    """A numeric column backed by a NumPy array, with appended rows and overrides."""

    def __init__(self, values: np.ndarray):
        self._a = values
        self._n = len(values)
        self._extra: list = []
        self._over: dict[int, float] = {}

    def __len__(self) -> int:
        return self._n + len(self._extra)

    def __getitem__(self, i: int):
        if i >= self._n:
            return self._extra[i - self._n]
        v = self._over.get(i)
        if v is not None:
            return v
        return self._a[i].item()

    def __setitem__(self, i: int, value) -> None:
        if i >= self._n:
            self._extra[i - self._n] = value
        else:
            self._over[i] = value

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def append(self, value) -> None:
        self._extra.append(value)

    def array(self) -> np.ndarray:
        base = self._a.copy()
        for i, v in self._over.items():
            base[i] = v
        return (
            np.concatenate([base, np.asarray(self._extra, dtype=base.dtype)])
            if self._extra
            else base
        )


def pack_index(index: dict[str, int | tuple[int, ...]]) -> dict[str, np.ndarray]:
    keys = sorted(index)
    blob, offsets = pack_texts(keys)
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    rows: list[int] = []
    for i, k in enumerate(keys):
        v = index[k]
        if isinstance(v, int):
            rows.append(v)
        else:
            rows.extend(v)
        starts[i + 1] = len(rows)
    return {
        "blob": blob,
        "offsets": offsets,
        "starts": starts,
        "rows": np.asarray(rows, dtype=np.int32),
    }


class KeyIndex:
    """Sorted keys -> rows, searched by bisection; keys added after loading go to a small dict."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, starts: np.ndarray, rows: np.ndarray):
        self._blob = blob.tobytes() if isinstance(blob, np.ndarray) else blob
        self._offsets = offsets
        self._starts = starts
        self._rows = rows
        self._n = len(offsets) - 1
        self._extra: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return self._n + len(self._extra)

    def _key(self, i: int) -> bytes:
        return self._blob[self._offsets[i] : self._offsets[i + 1]]

    def _find(self, key: bytes) -> int:
        lo, hi = 0, self._n
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < self._n and self._key(lo) == key else -1

    def get(self, key: str) -> tuple[int, ...]:
        i = self._find(key.encode("utf-8"))
        base = tuple(self._rows[self._starts[i] : self._starts[i + 1]].tolist()) if i >= 0 else ()
        extra = self._extra.get(key)
        if extra:
            return base + tuple(r for r in extra if r not in base)
        return base

    def __contains__(self, key: str) -> bool:
        return bool(self.get(key))

    def add(self, key: str, row: int) -> None:
        rows = self._extra.get(key, ())
        if row not in rows:
            self._extra[key] = (*rows, row)

    def keys(self) -> Iterable[str]:
        for i in range(self._n):
            yield self._key(i).decode("utf-8")
        yield from self._extra
