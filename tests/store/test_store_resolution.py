"""Persisting resolution (docs/resolve.md): the real Resolver's outcomes saved and its state
rebuilt from the store; incidents, revisions, origins and stories read back and filtered."""

from __future__ import annotations

import datetime as dt

import pytest

from truce.errors import StoreError
from truce.records import (
    Discrepancy,
    EventDate,
    Incident,
    IncidentClaim,
    Revision,
    to_jsonable,
)
from truce.resolve import ArticleLink, ResolveOutcome, Resolver, ResolverState, SetAside, Story
from truce.store import Store

from tests.store.store_records import KIRYAT, TYRE, article, extraction, mention

D = dt.date
UTC = dt.timezone.utc


def _clock() -> dt.datetime:
    return dt.datetime(2025, 11, 20, 12, tzinfo=UTC)


def _by_id(records: list) -> list:
    key = lambda r: getattr(r, "id", None) or getattr(r, "article_id")  # noqa: E731
    return [to_jsonable(r) for r in sorted(records, key=key)]


def _same_state(a: ResolverState, b: ResolverState) -> None:
    assert [to_jsonable(x) for x in a.articles] == [to_jsonable(x) for x in b.articles]
    assert _by_id(a.stories) == _by_id(b.stories)
    assert _by_id(a.incidents) == _by_id(b.incidents)


@pytest.mark.slow
def test_real_resolver_state_survives_the_store_across_runs(store: Store) -> None:
    day = D(2025, 11, 18)
    a = article(18)
    b = article(19, text="Another outlet: an Israeli strike near Tyre killed 2 people on Tuesday.")
    c = article(20, text="Third report: Israeli drone strike on a car near Tyre killed 2, officials said.")
    first = [extraction(a, [mention(a, 0, day=day)]), extraction(b, [mention(b, 0, day=day)])]
    store.save_extractions(first)

    run1 = Resolver(store.resolver_state(), clock=_clock)
    store.save_resolution(run1.add(first))
    _same_state(store.resolver_state(), run1.state())

    # a later run starts from the stored state and only adds the new article
    later = [extraction(c, [mention(c, 0, day=day)])]
    store.save_extractions(later)
    run2 = Resolver(store.resolver_state(), clock=_clock)
    outcome = run2.add(later)
    store.save_resolution(outcome)
    _same_state(store.resolver_state(), run2.state())

    (incident,) = store.incidents()
    assert sorted(incident.article_ids) == ["a18", "a19", "a20"]
    assert incident.claims, "claims must be kept: the resolver needs them to update an incident"
    assert [r.field for r in incident.history] == [r.field for r in run2.state().incidents[0].history]
    assert len(store.revisions(incident.id)) == len(incident.history)
    assert {e.id for e in store.events(incident_id=incident.id)} == {"a18:e0", "a19:e0", "a20:e0"}
    linked = {s.article.id: s.origin_id for s in store.stored_articles()}
    assert all(linked[x] for x in ("a18", "a19", "a20"))
    assert store.stats().incidents == 1 and store.stats().stories == len(run2.state().stories)


def _incident(iid: str, day: D, place, corroboration: str, articles: list[str], origins: list[str]) -> Incident:
    claim = IncidentClaim("fatalities", {"low": 2, "best": 2, "high": 2}, articles[0], origins[0],
                          "killed 2 people", 45, 60, "officials")
    other = IncidentClaim("fatalities", {"low": 3, "best": 3, "high": 3}, articles[-1], origins[-1],
                          "killed 3 people", 45, 60, "IDF")
    return Incident(
        id=iid, plover_type="ASSAULT", plover_mode="aerial",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        date=EventDate(day, day, "day", "Tuesday"), location=place,
        fatalities={"low": 2, "best": 2, "high": 3}, mention_ids=[f"{a}:e0" for a in articles],
        article_ids=articles, origin_ids=origins, claims=[claim, other],
        discrepancies=[Discrepancy("fatalities", [claim, other])], corroboration=corroboration,
        history=[Revision("created", None, {"date": day.isoformat()}, articles[0], _clock())],
    )  # fmt: skip


def test_hand_built_outcome_filters_origins_stories_and_updates(store: Store) -> None:
    arts = [article(n) for n in (10, 11, 12)]
    store.save_extractions([extraction(x) for x in arts])
    links = [
        ArticleLink("a10", arts[0].content_hash, "o:a10", "s:a10", D(2025, 11, 10), minhash=[1, 2, 3]),
        ArticleLink("a11", arts[1].content_hash, "o:a10", "s:a10", D(2025, 11, 11), origin_reason="rewrite"),
        ArticleLink("a12", arts[2].content_hash, "o:a12", "s:a12", D(2025, 11, 12), terms={"123": 2}),
    ]
    tyre = _incident("i:a10:e0", D(2025, 11, 10), TYRE, "corroborated", ["a10", "a11", "a12"],
                     ["o:a10", "o:a10", "o:a12"])
    north = _incident("i:a12:e0", D(2025, 11, 12), KIRYAT, "single source", ["a12"], ["o:a12"])
    north.mention_ids = []
    outcome = ResolveOutcome(
        articles=links,
        created=[tyre, north],
        revisions=[(tyre.id, tyre.history[0]), (north.id, north.history[0])],
        mention_incident={"a10:e0": tyre.id, "a11:e0": tyre.id},
        set_aside=[SetAside("a12:e0", "a12", "modality threatened")],
        stories_changed=[Story("s:a10", ["a10", "a11"], D(2025, 11, 10), D(2025, 11, 11)),
                         Story("s:a12", ["a12"], D(2025, 11, 12), D(2025, 11, 12))],
    )  # fmt: skip
    store.save_resolution(outcome)

    ids = lambda incidents: [i.id for i in incidents]  # noqa: E731
    assert ids(store.incidents()) == ["i:a10:e0", "i:a12:e0"]
    assert ids(store.incidents(country="il")) == ["i:a12:e0"]
    assert ids(store.incidents(min_sources=2)) == ["i:a10:e0"]
    assert ids(store.incidents(corroboration="single source")) == ["i:a12:e0"]
    assert ids(store.incidents(since=D(2025, 11, 11), type="assault")) == ["i:a12:e0"]
    assert ids(store.incidents(until=D(2025, 11, 10), limit=5)) == ["i:a10:e0"]
    assert ids(store.incidents(limit=1, offset=1)) == ["i:a12:e0"]

    back = store.incident(tyre.id)
    assert to_jsonable(back) == to_jsonable(tyre)
    assert back.discrepancies[0].claims[1].value["best"] == 3 and back.independent_sources == 2
    assert store.incident("i:none") is None

    assert [(o.id, o.article_ids) for o in store.origins()] == [("o:a10", ["a10", "a11"]), ("o:a12", ["a12"])]
    assert store.origins()[0].first_published == D(2025, 11, 10)
    assert [s.id for s in store.stories()] == ["s:a10", "s:a12"]
    assert store.resolver_state().articles[0].minhash == [1, 2, 3]
    (info,) = store.stored_articles(ids=["a11"])
    assert (info.origin_id, info.story_id) == ("o:a10", "s:a10")

    # a later batch updates an incident: the row changes, revisions are appended
    tyre.corroboration = "contested"
    change = Revision("corroboration", "corroborated", "contested", "a12", _clock())
    tyre.history.append(change)
    store.save_resolution(ResolveOutcome(updated=[tyre], revisions=[(tyre.id, change)]))
    assert ids(store.incidents(corroboration="contested")) == ["i:a10:e0"]
    assert [r.field for r in store.incident(tyre.id).history] == ["created", "corroboration"]
    assert [(i, r.field) for i, r in store.revisions()] == [
        ("i:a10:e0", "created"), ("i:a12:e0", "created"), ("i:a10:e0", "corroboration")
    ]
    assert store.stats().incidents_by_corroboration == {"contested": 1, "single source": 1}

    # the whole state can also be replaced at once
    state = store.resolver_state()
    state.incidents = [north]
    store.save_resolver_state(state)
    assert ids(store.incidents()) == ["i:a12:e0"]
    assert store.events(incident_id=tyre.id) == []
    assert len(store.origins()) == 2


def test_save_batch_keeps_extraction_and_resolution_together(store: Store) -> None:
    a, b = article(10), article(11)
    store.add_articles([a, b])
    link = ArticleLink("a10", a.content_hash, "o:a10", "s:a10", D(2025, 11, 10))
    incident = _incident("i:a10:e0", D(2025, 11, 10), TYRE, "single source", ["a10"], ["o:a10"])
    good = ResolveOutcome(articles=[link], created=[incident], mention_incident={"a10:e0": incident.id})
    assert store.save_batch([extraction(a)], good) == 1
    assert [e.id for e in store.events(incident_id=incident.id)] == ["a10:e0"]

    # the resolution part fails (an unknown incident in a revision): the extraction is not kept
    bad = ResolveOutcome(revisions=[("i:missing", incident.history[0])])
    with pytest.raises(StoreError, match="nothing from this batch was saved"):
        store.save_batch([extraction(b)], bad)
    assert [x.id for x in store.pending_articles()] == ["a11"]
    assert store.events(article_id="a11") == []
