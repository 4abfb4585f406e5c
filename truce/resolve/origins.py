"""Origins: which articles derive from one original (same text, near copies, rewrites).

Decided in order (docs/resolve.md): same content hash; MinHash LSH over 3-word shingles for wire
copies and light edits; sentence alignment with the most similar recent articles for rewrites.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlparse

import numpy as np
from datasketch import MinHash, MinHashLSH

from truce.records import Article
from truce.resolve._text import pack_u32, unpack_u32, word_shingles
from truce.resolve.rewrites import SentenceFeatures, alignment, article_features
from truce.resolve.state import ArticleLink

log = logging.getLogger(__name__)

__all__ = ["OriginIndex", "OriginDecision", "outlet_key", "minhash_of", "ArticlePrint", "article_print"]

NUM_PERM = 64
SCHEME = "affine32"  # fixed, so saved signatures stay comparable across datasketch versions
LSH_THRESHOLD = 0.5
COPY_JACCARD = 0.5
REWRITE_WINDOW_DAYS = 7
REWRITE_MIN_ALIGNED = 3
REWRITE_MIN_SHARE = 0.2
REWRITE_CANDIDATES = 10


def outlet_key(article: Article) -> str | None:
    """The outlet's name folded, else the URL's host without ``www.``, else None."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip().lower()
    if article.url:
        host = urlparse(article.url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return None


@lru_cache(maxsize=1)
def _permutations():
    # datasketch draws the permutations anew for every MinHash; they depend only on the seed.
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def minhash_of(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    shingles = word_shingles(text, 3)
    if shingles:
        mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


@dataclass(slots=True)
class ArticlePrint:
    """Everything the resolver computes from an article's text alone, once: its informative
    sentences' features, its content-stem counts, its MinHash signature, and their packed forms (as
    saved in ``ArticleLink``). It depends on nothing but the text, so the extraction workers can
    compute it (``article_print``) and hand it to ``Resolver.add``; it pickles."""

    content_hash: str
    sentences: list[SentenceFeatures] | None  # None after a pickle round trip: see ``features``
    terms: dict[int, int]
    minhash: np.ndarray  # the NUM_PERM hash values (uint32: the affine32 scheme)
    packed_minhash: str
    packed_sentences: list[str]
    packed_terms: str

    def features(self) -> list[SentenceFeatures]:
        """The sentences' features (rebuilt from their packed form if the print was pickled)."""
        if self.sentences is None:
            self.sentences = [SentenceFeatures.unpack(s) for s in self.packed_sentences]
        return self.sentences

    def __reduce__(self):
        # Sent from the extraction workers without the sentence features' sets, most of its pickled
        # size and of the resolving process's time to unpickle it: only a rewrite candidate needs
        # them, and they are rebuilt from the packed form then (``features``).
        return (_print_from_packed,
                (self.content_hash, self.terms, self.packed_minhash, self.packed_sentences, self.packed_terms))


def _print_from_packed(content_hash: str, terms: dict[int, int], packed_minhash: str,
                       packed_sentences: list[str], packed_terms: str) -> ArticlePrint:
    return ArticlePrint(content_hash, None, terms, unpack_u32(packed_minhash).astype(np.uint32),
                        packed_minhash, packed_sentences, packed_terms)


def _pack_terms(terms: dict[int, int]) -> str:
    keys = sorted(terms)
    return f"{pack_u32(keys)} {pack_u32([terms[k] for k in keys])}"


def article_print(article: Article) -> ArticlePrint:
    """The per-article text work of ``Resolver.add`` (see ``ArticlePrint``)."""
    sentences, terms = article_features(article.text)
    mh = minhash_of(article.text)
    return ArticlePrint(
        content_hash=article.content_hash,
        sentences=sentences,
        terms=terms,
        minhash=mh.hashvalues,
        packed_minhash=pack_u32(mh.hashvalues),
        packed_sentences=[f.pack() for f in sentences],
        packed_terms=_pack_terms(terms),
    )


def minhash_with(hashvalues: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=hashvalues,
                   permutations=_permutations())


@dataclass(slots=True)
class OriginDecision:
    origin_id: str
    reason: str  # "new", "same text", "re-ingested", "near copy", "rewrite"
    duplicate_of: str | None = None
    matched: str | None = None  # the article it was matched with


def within_days(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    """True when either date is unknown (no evidence against) or they are ``days`` apart at most."""
    if a is None or b is None:
        return True
    return abs((a - b).days) <= days


class _Bands:
    """MinHash LSH banding, as datasketch's ``MinHashLSH`` does it (the same bands and rows for
    the threshold, so the same candidates), over plain hash values: a signature is cut into ``b``
    bands of ``r`` values, and two signatures are candidates when a band is equal. Kept here
    because the resolver already holds the hash values as an array: building a ``MinHash`` object
    for every article, and hashing each band twice (insert, then query), cost more than the rest of
    the origin decision. Candidates come back in the order they were inserted (deterministic,
    unlike a set)."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        reference = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.ranges = list(reference.hashranges)
        self.tables: list[dict[bytes, list[str]]] = [{} for _ in self.ranges]
        self.order: dict[str, int] = {}

    def _keys(self, hashvalues: np.ndarray) -> list[bytes]:
        return [hashvalues[a:b].tobytes() for a, b in self.ranges]

    def insert(self, key: str, hashvalues: np.ndarray) -> None:
        self.order[key] = len(self.order)
        for table, band in zip(self.tables, self._keys(hashvalues)):
            bucket = table.get(band)
            if bucket is None:
                table[band] = [key]
            else:
                bucket.append(key)

    def query(self, hashvalues: np.ndarray) -> list[str]:
        found: set[str] = set()
        for table, band in zip(self.tables, self._keys(hashvalues)):
            bucket = table.get(band)
            if bucket:
                found.update(bucket)
        return sorted(found, key=self.order.__getitem__)


def _hashvalues(packed: str) -> np.ndarray:
    return unpack_u32(packed).astype(np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity estimated from two signatures (as ``MinHash.jaccard``)."""
    return np.count_nonzero(a == b) / float(len(a))


class OriginIndex:
    """The known articles' hashes and MinHash signatures, for origin decisions."""

    def __init__(self) -> None:
        self.by_hash: dict[str, ArticleLink] = {}
        self.lsh = _Bands(LSH_THRESHOLD, NUM_PERM)

    def add(self, link: ArticleLink, hashvalues: np.ndarray | None = None) -> None:
        """Index ``link``; ``hashvalues`` are its MinHash values when at hand (else unpacked)."""
        self.by_hash.setdefault(link.content_hash, link)
        if link.duplicate_of is None and link.minhash and link.article_id not in self.lsh.order:
            if hashvalues is None:
                hashvalues = _hashvalues(link.minhash)
            self.lsh.insert(link.article_id, np.asarray(hashvalues, dtype=np.uint64))

    def decide(
        self,
        article: Article,
        hashvalues: np.ndarray,
        sentences: list[SentenceFeatures],
        candidates: list[tuple[ArticleLink, list[SentenceFeatures]]],
        links: dict[str, ArticleLink],
    ) -> OriginDecision:
        """Decide the origin of ``article`` against the known articles.

        ``candidates`` are the most similar earlier articles (from the term index) with their
        sentence features; ``links`` maps every known article id to its link.
        """
        same = self.by_hash.get(article.content_hash)
        if same is not None:
            first = links.get(same.duplicate_of or same.article_id, same)
            mine, theirs = outlet_key(article), same.outlet_key
            if mine is None or theirs is None or mine == theirs:
                return OriginDecision(first.origin_id, "re-ingested", first.article_id, first.article_id)
            return OriginDecision(first.origin_id, "same text", None, first.article_id)
        best_id, best_j = None, 0.0
        hashvalues = np.asarray(hashvalues, dtype=np.uint64)
        for other_id in self.lsh.query(hashvalues):
            j = jaccard(hashvalues, _hashvalues(links[other_id].minhash))
            if j > best_j:
                best_id, best_j = other_id, j
        if best_id is not None and best_j >= COPY_JACCARD:
            return OriginDecision(links[best_id].origin_id, "near copy", None, best_id)
        best_link, best_share = None, 0.0
        for link, other in candidates:
            if not within_days(article.published, link.published, REWRITE_WINDOW_DAYS):
                continue
            al = alignment(sentences, other)
            if min(al.aligned_a, al.aligned_b) >= REWRITE_MIN_ALIGNED and al.share >= REWRITE_MIN_SHARE:
                if al.share > best_share:
                    best_link, best_share = link, al.share
        if best_link is not None:
            log.debug("%s rewrites %s (%.2f aligned)", article.id, best_link.article_id, best_share)
            return OriginDecision(best_link.origin_id, "rewrite", None, best_link.article_id)
        return OriginDecision(f"o:{article.id}", "new")
