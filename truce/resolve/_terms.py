"""An inverted index of articles' content stems, for finding the most similar earlier articles.

Scores are TF-IDF cosines with the document frequencies of the articles seen so far. Candidate
generation walks only the postings of the query's rarer terms (and only their most recent
entries), so a query costs about the same whatever the size of the collection.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable

__all__ = ["TermIndex"]

MAX_POSTINGS_SCANNED = 4000  # most recent entries of one term's postings looked at per query
COMMON_SHARE = 0.3  # terms in more than this share of articles (once there are 20) are skipped


class TermIndex:
    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.postings: dict[str, list[str]] = defaultdict(list)
        self.docs: dict[str, dict[str, int]] = {}

    def __len__(self) -> int:
        return len(self.docs)

    def add(self, doc_id: str, terms: dict[str, int]) -> None:
        if doc_id in self.docs:
            return
        self.docs[doc_id] = terms
        for term in terms:
            self.df[term] += 1
            self.postings[term].append(doc_id)

    def _idf(self, term: str) -> float:
        return math.log((len(self.docs) + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _vector(self, terms: dict[str, int]) -> dict[str, float]:
        return {t: (1.0 + math.log(c)) * self._idf(t) for t, c in terms.items() if c > 0}

    def cosine(self, a: dict[str, int], b: dict[str, int]) -> float:
        va, vb = self._vector(a), self._vector(b)
        dot = sum(w * vb[t] for t, w in va.items() if t in vb)
        na = math.sqrt(sum(w * w for w in va.values()))
        nb = math.sqrt(sum(w * w for w in vb.values()))
        return dot / (na * nb) if na and nb else 0.0

    def similar(
        self,
        terms: dict[str, int],
        k: int = 10,
        allowed: Callable[[str], bool] | None = None,
    ) -> list[tuple[str, float]]:
        """The ``k`` most similar indexed articles (cosine, best first) passing ``allowed``."""
        n = len(self.docs)
        if not n or not terms:
            return []
        common = COMMON_SHARE * n if n >= 20 else n + 1
        scores: Counter[str] = Counter()
        for term, count in terms.items():
            df = self.df.get(term, 0)
            if not df or df > common:
                continue
            weight = self._idf(term) ** 2 * (1.0 + math.log(count))
            for doc_id in self.postings[term][-MAX_POSTINGS_SCANNED:]:
                scores[doc_id] += weight
        ranked = []
        for doc_id, _ in scores.most_common(k * 4):
            if allowed is not None and not allowed(doc_id):
                continue
            ranked.append((doc_id, self.cosine(terms, self.docs[doc_id])))
        ranked.sort(key=lambda p: -p[1])
        return ranked[:k]
