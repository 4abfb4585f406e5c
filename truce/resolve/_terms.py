"""An inverted index of articles' content stems, for finding the most similar earlier articles.

Scores are TF-IDF cosines. Each article's vector is weighted with the document frequencies known
when it was added and then frozen (as incremental topic tracking does), and kept as two small numpy
arrays (sorted term hashes, unit-length weights). Postings are kept per week of publication; a
query walks the postings of its own rarest terms in the weeks around its date (the most recent
entries only), so a query costs about the same whatever the size of the collection.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable
from itertools import chain
from operator import itemgetter

import numpy as np

__all__ = ["TermIndex"]

MAX_POSTINGS_SCANNED = 2000  # most recent entries of one (week, term) postings list per query
COMMON_SHARE = 0.3  # terms in more than this share of articles (once there are 20) are skipped
QUERY_TERMS = 10  # a query looks up this many of its rarest terms
WEEK_SPAN = 1  # a dated query looks at its own week and this many weeks either side (and undated)
RERANK = 2  # exact cosines are computed for k × RERANK candidates
MIN_SHARED = 2  # candidates share at least this many of the query's rare terms


_TF_CACHED = 64
_TF = [0.0] + [1.0 + math.log(c) for c in range(1, _TF_CACHED)]  # the same floats ``_unit`` computed


def _week(published: dt.date | None) -> int | None:
    return None if published is None else published.toordinal() // 7


class TermIndex:
    def __init__(self) -> None:
        self.df: Counter[int] = Counter()
        self.postings: dict[int, dict[int | None, list[str]]] = {}  # term → week → doc ids
        self.docs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.weeks: set[int] = set()

    def __len__(self) -> int:
        return len(self.docs)

    def _idf(self, term: int) -> float:
        return math.log((len(self.docs) + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _unit(self, terms: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        if not terms:
            return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.float32)
        keys = sorted(terms)
        ids = np.fromiter(keys, dtype=np.uint32, count=len(keys))
        # the same arithmetic as ``_idf``, inlined (this runs for every article added and queried)
        n1, df, log = len(self.docs) + 1, self.df.get, math.log
        tf = _TF
        w = np.array([(tf[c] if (c := terms[t]) < _TF_CACHED else 1.0 + log(c))
                      * (log(n1 / (df(t, 0) + 1)) + 1.0) for t in keys], dtype=np.float32)
        norm = float(np.sqrt((w * w).sum()))
        return ids, (w / norm if norm else w)

    def add(self, doc_id: str, terms: dict[int, int], published: dt.date | None = None) -> None:
        if doc_id in self.docs:
            return
        self.df.update(iter(terms))  # one more document for each of its terms
        self.docs[doc_id] = self._unit(terms)
        week = _week(published)
        if week is not None:
            self.weeks.add(week)
        postings = self.postings
        for term in terms:
            inner = postings.get(term)
            if inner is None:
                postings[term] = {week: [doc_id]}
            else:
                bucket = inner.get(week)
                if bucket is None:
                    inner[week] = [doc_id]
                else:
                    bucket.append(doc_id)

    @staticmethod
    def _dot(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
        ids_a, w_a = a
        ids_b, w_b = b
        if not len(ids_a) or not len(ids_b):
            return 0.0
        idx = np.searchsorted(ids_a, ids_b)
        idx[idx >= len(ids_a)] = 0
        hit = ids_a[idx] == ids_b
        return float((w_a[idx[hit]] * w_b[hit]).sum())

    def cosine(self, a: dict[int, int], b: dict[int, int]) -> float:
        return self._dot(self._unit(a), self._unit(b))

    def similar(
        self,
        terms: dict[int, int],
        k: int = 10,
        allowed: Callable[[str], bool] | None = None,
        published: dt.date | None = None,
    ) -> list[tuple[str, float]]:
        """The ``k`` most similar indexed articles (cosine, best first) passing ``allowed``.

        A dated query looks at the articles published within about ``WEEK_SPAN`` weeks of it and at
        undated ones; an undated query looks at every week.
        """
        n = len(self.docs)
        if not n or not terms:
            return []
        common = COMMON_SHARE * n if n >= 20 else n + 1
        week = _week(published)
        if week is None:
            weeks: list[int | None] = [*sorted(self.weeks), None]
        else:
            weeks = [week + d for d in range(-WEEK_SPAN, WEEK_SPAN + 1)] + [None]
        df = self.df
        rare = sorted((t for t in terms if 0 < df.get(t, 0) <= common), key=df.__getitem__)
        # The postings are gathered first and counted in one call (in the same order as one
        # ``update`` per list, so ties rank the same): one C-level count instead of dozens.
        parts: list[list[str]] = []
        postings = self.postings.get
        for term in rare[:QUERY_TERMS]:
            inner = postings(term)
            if inner is None:
                continue
            for w in weeks:
                bucket = inner.get(w)
                if bucket:
                    parts.append(bucket[-MAX_POSTINGS_SCANNED:] if len(bucket) > MAX_POSTINGS_SCANNED else bucket)
        scores: Counter[str] = Counter(chain.from_iterable(parts))
        # ``sorted`` (stable, reverse keeps ties in insertion order) ranks exactly as
        # ``most_common`` (heapq.nlargest) does, in C instead of a Python loop over every item.
        top = sorted(scores.items(), key=itemgetter(1), reverse=True)[: k * RERANK]
        ranked = []
        query = None  # the query's vector, made only when some article is worth comparing
        for doc_id, shared in top:
            if shared < min(MIN_SHARED, len(rare)):
                break
            if allowed is not None and not allowed(doc_id):
                continue
            if query is None:
                query = self._unit(terms)
            ranked.append((doc_id, self._dot(query, self.docs[doc_id])))
        ranked.sort(key=lambda p: -p[1])
        return ranked[:k]
