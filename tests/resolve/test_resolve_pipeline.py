"""End to end: the demo articles through the real per-article stages, then the resolver."""

from __future__ import annotations

import datetime as dt

import pytest

from truce.pipeline import ExtractFailure, Resources, extract_many
from truce.resolve import Resolver


@pytest.fixture(scope="module")
def resolved():
    from truce.demo import demo_articles

    resources = Resources.load()
    extractions = list(extract_many(demo_articles(), resources=resources))
    assert not [e for e in extractions if isinstance(e, ExtractFailure)]
    resolver = Resolver()
    outcome = resolver.add(extractions)
    return resolver, outcome


def _incident(resolver, *, plover, day, place_part):
    found = [
        i for i in resolver.incidents
        if i.plover_type == plover and i.date is not None and i.date.start == i.date.end == day
        and i.location is not None and place_part in (i.location.name or "")
    ]
    assert len(found) == 1, [(i.id, i.location and i.location.name) for i in found]
    return found[0]


@pytest.mark.slow
def test_demo_origins_through_the_pipeline(resolved):
    _, outcome = resolved
    origin = {link.article_id: link.origin_id for link in outcome.articles}
    assert origin["000"] == origin["001"]
    assert len({origin[k] for k in ("000", "002", "003", "004")}) == 4


@pytest.mark.slow
def test_demo_beirut_strike_three_articles_two_origins(resolved):
    resolver, _ = resolved
    inc = _incident(resolver, plover="ASSAULT", day=dt.date(2025, 11, 23), place_part="Beirut")
    assert sorted(set(inc.article_ids)) == ["000", "001", "003"]
    assert inc.independent_sources == 2


@pytest.mark.slow
def test_demo_naqoura_meeting_and_ain_al_hilweh_strike_are_one_incident_each(resolved):
    resolver, _ = resolved
    meeting = _incident(resolver, plover="CONSULT", day=dt.date(2025, 12, 3), place_part="Naqoura")
    assert {"002", "003"} <= set(meeting.article_ids)
    strike = _incident(resolver, plover="ASSAULT", day=dt.date(2025, 11, 19), place_part="Hilweh")
    assert sorted(set(strike.article_ids)) == ["000", "001"]


@pytest.mark.slow
def test_demo_no_incident_mixes_2024_with_2025_and_none_is_empty(resolved):
    resolver, _ = resolved
    for inc in resolver.incidents:
        assert inc.mention_ids and inc.article_ids
        articles = set(inc.article_ids)
        assert articles <= {"004"} or "004" not in articles, inc.id


@pytest.mark.slow
def test_demo_tabatabai_reports_join_the_23_november_strike_and_no_loose_assault_is_corroborated(resolved):
    resolver, _ = resolved
    strike = _incident(resolver, plover="ASSAULT", day=dt.date(2025, 11, 23), place_part="Beirut")
    for inc in resolver.incidents:
        naming = [c for c in inc.claims if c.field == "report" and "Tabatabai" in c.quote]
        assert not naming or inc.id == strike.id, (inc.id, [c.quote[:60] for c in naming])
        # "the recent Israeli air strikes in Lebanon" (000) is a series, not a second Beirut strike
        # corroborated by 003's "days after Israel assassinated ... Tabatabai"
        if inc.plover_type == "ASSAULT" and inc.independent_sources >= 2:
            assert inc.date is not None and inc.date.precision == "day", inc.id
    assert "Hezbollah" not in {a.name for a in strike.actors if a.role == "actor"}
