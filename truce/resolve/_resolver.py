"""The ``Resolver``: origins, stories and incidents for new extractions, incrementally."""

from __future__ import annotations

import gc
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping

from truce.records import Extraction, Incident, Revision
from truce.resolve import aggregate
from truce.resolve._terms import TermIndex
from truce.resolve._text import unpack_u32
from truce.resolve.incidents import (
    NEVER_MERGED,
    IncidentIndex,
    Match,
    _Profile,
    compatibility,
    mention_interval,
    mention_profile,
    new_incident,
)
from truce.resolve.origins import (
    REWRITE_WINDOW_DAYS,
    ArticlePrint,
    OriginIndex,
    article_print,
    outlet_key,
    within_days,
)
from truce.resolve.rewrites import SentenceFeatures
from truce.resolve.state import ArticleLink, ResolveOutcome, ResolverState, SetAside, Story
from truce.resolve.stories import StoryIndex

log = logging.getLogger(__name__)

__all__ = ["Resolver"]

SIMILAR_ARTICLES = 10
REWRITE_MIN_COSINE = 0.25  # demo: 000 ↔ 001 0.41; unrelated pairs about the same events 0.19–0.25


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _features(link: ArticleLink) -> list[SentenceFeatures]:
    return [SentenceFeatures.unpack(s) for s in link.sentences]


def _unpack_terms(text: str) -> dict[int, int]:
    if not text:
        return {}
    keys, counts = text.split(" ")
    return {int(k): int(c) for k, c in zip(unpack_u32(keys), unpack_u32(counts))}


class Resolver:
    """Resolves extractions into origins, stories and incidents, continuing from a saved state.

    ``Resolver(prior)`` rebuilds its indexes from ``prior`` (a ``ResolverState`` from the store, or
    None to start empty); ``add(extractions)`` places new articles and their event mentions and
    returns what changed; ``state()`` gives everything to persist. See docs/resolve.md.
    """

    def __init__(self, prior: ResolverState | None = None, *,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self._clock = clock or _utcnow
        self._links: dict[str, ArticleLink] = {}
        self._origins = OriginIndex()
        self._terms = TermIndex()
        self._stories = StoryIndex()
        self._incidents = IncidentIndex()
        self._article_incidents: dict[str, list[str]] = {}
        if prior is not None:
            self._load(prior)

    # --- state ------------------------------------------------------------------------------

    def _load(self, prior: ResolverState) -> None:
        for link in prior.articles:
            self._remember(link)
        for story in prior.stories:
            self._stories.add_story(story)
        # An incident merged into another is recorded in the survivor's history; a store that kept
        # the merged one anyway must not bring it back as a duplicate.
        merged = {r.new for inc in prior.incidents for r in inc.history if r.field == "merged"}
        for incident in prior.incidents:
            if incident.id in merged:
                log.warning("incident %s was merged into another; ignored", incident.id)
                continue
            profile = self._incidents.profile_from_incident(incident)
            self._incidents.register(profile)
            for c in incident.claims:
                if c.field == "report":
                    self._incidents.note_names(c.quote)
            for article_id in incident.article_ids:
                self._article_incidents.setdefault(article_id, []).append(incident.id)

    def _remember(self, link: ArticleLink, terms: dict[int, int] | None = None, hashvalues=None) -> None:
        self._links[link.article_id] = link
        self._origins.add(link, hashvalues)
        if link.duplicate_of is None:
            if terms is None:
                terms = _unpack_terms(link.terms)
            self._terms.add(link.article_id, terms, link.published)

    def state(self) -> ResolverState:
        """Everything to persist (the records are the resolver's own: copy before mutating)."""
        return ResolverState(
            articles=list(self._links.values()),
            stories=list(self._stories.stories.values()),
            incidents=[p.incident for p in self._incidents.profiles.values()],
        )

    @property
    def incidents(self) -> list[Incident]:
        return [p.incident for p in self._incidents.profiles.values()]

    def link(self, article_id: str) -> ArticleLink | None:
        return self._links.get(article_id)

    # --- adding -----------------------------------------------------------------------------

    def add(self, extractions: Iterable[Extraction],
            prints: Mapping[str, ArticlePrint] | None = None) -> ResolveOutcome:
        """Place each article (origin, story) and each of its event mentions (incident).

        ``prints`` (article id → ``article_print(article)``) may carry the per-article text work
        done elsewhere (in the extraction workers); an article without one, or whose print was
        made from another text, is fingerprinted here. The outcome is the same either way."""
        # The batch allocates many small long-lived records; the cyclic collector would rescan the
        # whole (growing) state again and again. It is paused for the batch, and restored after.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._add(extractions, prints or {})
        finally:
            if was_enabled:
                gc.enable()

    def _add(self, extractions: Iterable[Extraction], prints: Mapping[str, ArticlePrint]) -> ResolveOutcome:
        outcome = ResolveOutcome()
        created: dict[str, Incident] = {}
        updated: dict[str, Incident] = {}
        stories: dict[str, Story] = {}
        for extraction in extractions:
            article = extraction.article
            if article.id in self._links:
                log.info("article %s already resolved; ignored", article.id)
                outcome.articles.append(self._links[article.id])
                continue
            link = self._place_article(extraction, prints.get(article.id))
            outcome.articles.append(link)
            stories[link.story_id] = self._stories.stories[link.story_id]
            if link.duplicate_of is not None:
                for m in extraction.events:
                    outcome.set_aside.append(SetAside(m.id, article.id, "duplicate article"))
                continue
            self._place_mentions(extraction, link, outcome, created, updated)
        outcome.created = list(created.values())
        outcome.updated = [inc for iid, inc in updated.items() if iid not in created]
        outcome.stories_changed = list(stories.values())
        return outcome

    def _place_article(self, extraction: Extraction, fp: ArticlePrint | None) -> ArticleLink:
        article = extraction.article
        if fp is None or fp.content_hash != article.content_hash:
            fp = article_print(article)
        terms = fp.terms
        similar = self._terms.similar(terms, k=SIMILAR_ARTICLES, published=article.published)
        # Rewrites share much of their vocabulary: align only with articles similar enough.
        candidates = [
            (self._links[a], _features(self._links[a]))
            for a, cosine in similar
            if cosine >= REWRITE_MIN_COSINE
            and within_days(article.published, self._links[a].published, REWRITE_WINDOW_DAYS)
        ]
        # (the sentence features are only read when aligning with a candidate)
        sentences = fp.features() if candidates else []
        decision = self._origins.decide(article, fp.minhash, sentences, candidates, self._links)
        if decision.matched is not None:
            story_id = self._links[decision.matched].story_id
        else:
            story_of = {a: self._links[a].story_id for a, _ in similar}
            story_id = self._stories.choose(article.published, similar, story_of)
        story = self._stories.place(story_id, article.id, article.published)
        link = ArticleLink(
            article_id=article.id,
            content_hash=article.content_hash,
            origin_id=decision.origin_id,
            story_id=story.id,
            published=article.published,
            outlet_key=outlet_key(article),
            url=article.url,
            duplicate_of=decision.duplicate_of,
            origin_reason=decision.reason,
            minhash=fp.packed_minhash,
            sentences=list(fp.packed_sentences),
            terms=fp.packed_terms,
        )
        self._remember(link, terms, fp.minhash)
        return link

    def _place_mentions(self, extraction: Extraction, link: ArticleLink, outcome: ResolveOutcome,
                        created: dict[str, Incident], updated: dict[str, Incident]) -> None:
        article = extraction.article
        touched: dict[str, dict] = {}  # incident id → snapshot before this article ({} if new)
        mine = self._article_incidents.setdefault(article.id, [])
        now = self._clock()
        # (sentence start, sentence) → ids of its mentions placed (the text too, so that records
        # made without offsets, all at 0, do not make every mention of an article one sentence's)
        by_sentence: dict[tuple[int, str], list[str]] = {}
        for m in extraction.events:
            if m.modality in NEVER_MERGED:
                outcome.set_aside.append(SetAside(m.id, article.id, f"modality {m.modality}"))
                continue
            interval = mention_interval(m, article.published)
            q = mention_profile(m, interval)
            self._incidents.count_names(q.names)
            sentence_key = (m.sentence_start, m.sentence)
            siblings = by_sentence.get(sentence_key)
            same_sentence = {outcome.mention_incident[s] for s in siblings} if siblings else frozenset()
            found = self._incidents.matches(m, q, mine, same_sentence)
            if not found and m.modality == "denied":
                outcome.set_aside.append(SetAside(m.id, article.id, "denied, no incident"))
                continue
            waived = False
            if not found:
                incident = new_incident(m, interval)
                profile = self._incidents.profile_from_incident(incident)
                profile.generic = q.generic
                self._incidents.register(profile)
                created[incident.id] = incident
                touched[incident.id] = {}
            else:
                profile = self._bridge(found, article.id, outcome, created, updated, touched, now)
                incident = profile.incident
                waived = found[0].actors_waived and profile is found[0].profile
                if incident.id not in touched:
                    touched[incident.id] = aggregate.snapshot(incident)
                updated[incident.id] = incident
            self._incidents.absorb(profile, q, m.date, actors=not waived)
            # A mention that joined as a reference back despite naming other perpetrators keeps
            # them in its claims (audit, discrepancies), not in the incident's actors.
            self._incidents.add_actors(
                incident, [a for a in m.actors if a.role != "actor"] if waived else m.actors)
            incident.mention_ids.append(m.id)
            if article.id not in incident.article_ids:
                incident.article_ids.append(article.id)
            if m.modality != "denied" and link.origin_id not in incident.origin_ids:
                incident.origin_ids.append(link.origin_id)
            incident.claims.extend(aggregate.mention_claims(m, link.origin_id, generic=q.generic))
            if incident.id not in mine:
                mine.append(incident.id)
            outcome.mention_incident[m.id] = incident.id
            by_sentence.setdefault(sentence_key, []).append(m.id)
        for incident_id, before in touched.items():
            incident = self._incidents.profiles[incident_id].incident
            aggregate.recompute(incident)
            if not before:
                if not any(r.field == "created" for r in incident.history):
                    self._revise(incident, Revision("created", None, incident.id, article.id, now), outcome)
                continue
            after = aggregate.snapshot(incident)
            for field, old in before.items():
                if after[field] != old:
                    rev = Revision(field, aggregate.copy_value(old), aggregate.copy_value(after[field]),
                                   article.id, now)
                    self._revise(incident, rev, outcome)

    @staticmethod
    def _revise(incident: Incident, rev: Revision, outcome: ResolveOutcome) -> None:
        incident.history.append(rev)
        outcome.revisions.append((incident.id, rev))

    def _bridge(self, found: list[Match], article_id: str, outcome: ResolveOutcome,
                created: dict[str, Incident], updated: dict[str, Incident],
                touched: dict[str, dict], now: dt.datetime) -> _Profile:
        """The incident a mention joins. When it matches several incidents that are compatible with
        each other, they are one event reported differently: merge them into the oldest."""
        group = [found[0].profile]
        if group[0].generic:
            return group[0]  # a series reference is never merged with anything
        for match in found[1:]:
            if match.profile.generic:
                continue
            if all(compatibility(g, match.profile) is not None for g in group):
                group.append(match.profile)
        if len(group) == 1:
            return group[0]
        group.sort(key=lambda p: p.seq)
        survivor = group[0]
        keep = survivor.incident
        if keep.id not in touched:
            touched[keep.id] = aggregate.snapshot(keep)
        for other in group[1:]:
            gone = other.incident
            self._incidents.absorb(survivor, other, gone.date)
            self._incidents.add_actors(keep, gone.actors)
            for attr in ("mention_ids", "article_ids", "origin_ids"):
                mine = getattr(keep, attr)
                mine.extend(x for x in getattr(gone, attr) if x not in mine)
            keep.claims.extend(gone.claims)
            self._revise(keep, Revision("merged", None, gone.id, article_id, now), outcome)
            self._incidents.forget(gone.id)
            for aid in gone.article_ids:
                ids = self._article_incidents.get(aid, [])
                self._article_incidents[aid] = list(dict.fromkeys(keep.id if i == gone.id else i for i in ids))
            for mid in gone.mention_ids:
                if outcome.mention_incident.get(mid) == gone.id:
                    outcome.mention_incident[mid] = keep.id
            for old, new in outcome.merged.items():
                if new == gone.id:
                    outcome.merged[old] = keep.id
            if gone.id in created:
                del created[gone.id]
            else:
                outcome.merged[gone.id] = keep.id
            updated.pop(gone.id, None)
            touched.pop(gone.id, None)
            log.debug("incident %s merged into %s", gone.id, keep.id)
        return survivor
