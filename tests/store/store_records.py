"""Hand-built records for the store tests."""

from __future__ import annotations

import datetime as dt

from truce.records import (
    Article,
    Attribution,
    CountClaim,
    EventActor,
    EventDate,
    EventMention,
    Extraction,
    Interval,
    PlaceMention,
    TimeExpression,
)

TYRE = PlaceMention(
    text="Tyre", start=40, end=44, name="Tyre", geonameid=267008, lat=33.27, lon=35.2,
    country_code="LB", admin1="South Governorate", feature="PPLA", precision=1, confidence=0.9,
    alternatives=[{"geonameid": 1, "name": "Tyre (other)"}],
)  # fmt: skip
KIRYAT = PlaceMention(text="Kiryat Shmona", start=0, end=13, name="Kiryat Shmona", lat=33.2, lon=35.57,
                      country_code="IL", precision=1)


def article(n: int, text: str | None = None, **kw: object) -> Article:
    body = text or f"Report {n}: an Israeli strike near Tyre killed {n} people, officials said."
    return Article(id=f"a{n}", text=body, source=f"in/{n}.txt", published=dt.date(2025, 11, n), **kw)


def mention(
    art: Article,
    n: int = 0,
    plover: str = "ASSAULT",
    day: dt.date | None | str = "published",
    place: PlaceMention | None = TYRE,
    modality: str = "asserted",
) -> EventMention:
    if day == "published":
        day = art.published
    return EventMention(
        id=f"{art.id}:e{n}", article_id=art.id, plover_type=plover, plover_mode="aerial",
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        trigger_start=22, trigger_end=28, sentence_start=0, sentence_end=len(art.text),
        sentence=art.text, date=EventDate(day, day, "day", "Tuesday", (30, 37)) if day else None,
        location=place,
        actors=[EventActor("Israeli", "Israel Defense Forces", "ISR", 1, "actor", 13, 20, "idf")],
        fatalities=CountClaim("killed", 2, 2, 2, "killed 2 people", 45, 60, "people", "officials"),
        attribution=Attribution("officials said", "officials", 62, 76),
        modality=modality, salience=0.9 - n / 10, confidence=0.8, trigger_rule="strike",
    )  # fmt: skip


def extraction(art: Article, mentions: list[EventMention] | None = None) -> Extraction:
    return Extraction(
        article=art,
        times=[TimeExpression("Tuesday", 30, 37, "DATE", "2025-11-18",
                              Interval(dt.date(2025, 11, 18), dt.date(2025, 11, 18)), "day",
                              anchor="published")],
        places=[TYRE],
        counts=[CountClaim("killed", 2, 2, 2, "killed 2 people", 45, 60)],
        events=mentions if mentions is not None else [mention(art)],
    )  # fmt: skip
