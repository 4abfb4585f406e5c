import datetime as dt

import pytest

from truce.records import (
    Article,
    EventActor,
    EventDate,
    EventMention,
    Incident,
    IncidentClaim,
    Interval,
    PlaceMention,
    Revision,
    content_hash,
    from_jsonable,
    to_jsonable,
)


def test_content_hash_ignores_whitespace_and_unicode_composition():
    a = "Caf\u00e9 strike\nin  Beirut"
    b = "Cafe\u0301 strike in Beirut "
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash("Cafe strike in Beirut")


def test_article_gets_its_hash_and_evidence():
    article = Article(id="x", text="Israeli jets struck Tyre.")
    assert article.content_hash == content_hash(article.text)
    ev = article.evidence(20, 24)
    assert ev.text == "Tyre" and ev.article_id == "x"


@pytest.mark.parametrize(
    "a,b,expected",
    [
        ((dt.date(2025, 11, 19), dt.date(2025, 11, 19)), (dt.date(2025, 11, 19), dt.date(2025, 11, 30)), True),
        ((dt.date(2025, 11, 19), dt.date(2025, 11, 19)), (dt.date(2025, 11, 23), dt.date(2025, 11, 23)), False),
        ((None, dt.date(2025, 1, 1)), (dt.date(2024, 12, 31), None), True),
        ((None, None), (dt.date(2024, 10, 1), dt.date(2024, 10, 31)), True),
    ],
)
def test_interval_overlap(a, b, expected):
    assert Interval(*a).overlaps(Interval(*b)) is expected
    assert Interval(*b).overlaps(Interval(*a)) is expected


def test_incident_round_trips_through_json():
    place = PlaceMention("Beirut", 10, 16, name="Beirut", geonameid=276781, lat=33.89, lon=35.49, country_code="LB")
    incident = Incident(
        id="inc-1",
        plover_type="ASSAULT",
        plover_mode="aerial",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date=EventDate(dt.date(2025, 11, 23), dt.date(2025, 11, 23), "day", "November 23", (3, 14)),
        location=place,
        actors=[EventActor("the IDF", "Israel Defense Forces", "ISR", 8, "actor", 0, 7)],
        fatalities={"low": 1, "best": 5, "high": 5},
        mention_ids=["000:e1", "001:e2"],
        article_ids=["000", "001"],
        origin_ids=["o1", "o1"],
        claims=[IncidentClaim("fatalities", 5, "000", "o1", "killed five", 1, 12, "the health ministry")],
        history=[Revision("fatalities", None, {"best": 5}, "000", dt.datetime(2025, 12, 4, 10, 0))],
    )
    data = to_jsonable(incident)
    assert data["date"]["start"] == "2025-11-23"
    back = from_jsonable(Incident, data)
    assert back == incident
    assert back.independent_sources == 1


def test_article_takes_published_as_iso_text_or_datetime():
    assert Article(id="a", text="x", published="2025-11-20").published == dt.date(2025, 11, 20)
    assert Article(id="a", text="x", published="2025-11-20T08:15:00+02:00").published == dt.date(2025, 11, 20)
    assert Article(id="a", text="x", published=dt.datetime(2025, 11, 20, 23, 0)).published == dt.date(2025, 11, 20)


@pytest.mark.parametrize("bad", ["20 November", "2025-02-30", 20251120])
def test_article_rejects_a_published_value_that_is_not_a_date(bad):
    with pytest.raises(ValueError, match="Article.published"):
        Article(id="a", text="x", published=bad)
