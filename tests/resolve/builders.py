"""Builders of hand-made extractions mirroring the demo articles, for the resolver tests.

The event, time and place stages are built elsewhere; these records are what they should give for
the events the demo articles report (sentences quoted from the articles, offsets found in the text).
"""

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
    PlaceMention,
)

D = dt.date
FIXED_NOW = dt.datetime(2025, 12, 5, 12, 0, tzinfo=dt.timezone.utc)

PLACES = {
    "Ain al-Hilweh": dict(lat=33.5436, lon=35.3836, country_code="LB", admin1="South", admin2="Saida",
                          feature="CAMP", precision=1, geonameid=None),
    "Beirut": dict(lat=33.8938, lon=35.5018, country_code="LB", admin1="Beirut", admin2=None,
                   feature="PPLC", precision=1, geonameid=276781),
    "Beirut's southern suburbs": dict(lat=33.852, lon=35.511, country_code="LB", admin1="Mount Lebanon",
                                      admin2="Baabda", feature="PPLX", precision=2, geonameid=None),
    "Naqoura": dict(lat=33.1181, lon=35.1394, country_code="LB", admin1="South", admin2="Tyre",
                    feature="PPL", precision=1, geonameid=268064),
    "Tyre": dict(lat=33.2705, lon=35.2038, country_code="LB", admin1="South", admin2="Tyre",
                 feature="PPLA", precision=1, geonameid=267008),
    "Nabatieh": dict(lat=33.3772, lon=35.4836, country_code="LB", admin1="Nabatieh", admin2="Nabatieh",
                     feature="PPLA", precision=1, geonameid=268743),
    "Jerusalem": dict(lat=31.769, lon=35.2163, country_code="IL", admin1="Jerusalem", admin2=None,
                      feature="PPLC", precision=1, geonameid=281184),
    "Lebanon": dict(lat=33.8333, lon=35.8333, country_code="LB", admin1=None, admin2=None,
                    feature="PCLI", precision=6, geonameid=272103),
    "South Governorate": dict(lat=33.27, lon=35.37, country_code="LB", admin1="South", admin2=None,
                              feature="ADM1", precision=4, geonameid=None),
}

ACTORS = {
    "IDF": dict(name="Israel Defense Forces", country="ISR", acled_inter=1, actor_id="ISR-IDF"),
    "Israel": dict(name="Israel", country="ISR", acled_inter=1, actor_id="ISR"),
    "Hezbollah": dict(name="Hezbollah", country="LBN", acled_inter=2, actor_id="LBN-HZB"),
    "Hamas": dict(name="Hamas", country="PSE", acled_inter=2, actor_id="PSE-HMS"),
    "Lebanon": dict(name="Lebanon", country="LBN", acled_inter=1, actor_id="LBN"),
}


def _find(text: str, phrase: str, after: int = 0) -> int:
    i = text.find(phrase, after)
    if i < 0:
        raise AssertionError(f"{phrase!r} not in the text")
    return i


class Builder:
    """Builds an article and its mentions; ``sentence`` must occur in the article text."""

    def __init__(self, article: Article):
        self.article = article
        self.events: list[EventMention] = []

    def event(self, sentence: str, trigger: str, plover: str, mode: str | None = None, *,
              date: tuple[dt.date | None, dt.date | None, str] | None = None, date_text: str | None = None,
              place: str | None = None, place_text: str | None = None,
              actors: list[str] = (), targets: list[str] = (), killed: int | None = None,
              injured: int | None = None, source: str | None = None, party: bool = False,
              modality: str = "asserted") -> EventMention:
        text = self.article.text
        s0 = _find(text, sentence)
        s1 = s0 + len(sentence)
        t0 = _find(text, trigger, s0)
        ev_date = None
        if date is not None:
            span = None
            if date_text:
                d0 = _find(text, date_text, s0)
                span = (d0, d0 + len(date_text))
            ev_date = EventDate(date[0], date[1], date[2], date_text, span)
        loc = None
        if place is not None:
            ptext = place_text or place
            p0 = _find(text, ptext, s0)
            loc = PlaceMention(text=ptext, start=p0, end=p0 + len(ptext), name=place,
                               confidence=0.9, **PLACES[place])
        evactors = []
        for role, names in (("actor", actors), ("recipient", targets)):
            for name in names:
                a0 = _find(text, name, s0) if name in text[s0:s1] else s0
                info = ACTORS.get(name, dict(name=None, country=None, acled_inter=None, actor_id=None))
                evactors.append(EventActor(text=name, role=role, start=a0, end=a0 + len(name), **info))
        counts = {}
        for kind, n in (("killed", killed), ("injured", injured)):
            if n is not None:
                counts[kind] = CountClaim(kind, n, n, n, str(n), s0, s0 + 1)
        attribution = None
        if source is not None:
            a0 = _find(text, source, s0) if source in text[s0:s1] else s0
            attribution = Attribution(source, ACTORS.get(source, {}).get("name", source), a0,
                                      a0 + len(source), party)
        m = EventMention(
            id=f"{self.article.id}:e{len(self.events) + 1}", article_id=self.article.id,
            plover_type=plover, plover_mode=mode, acled_event_type=None, acled_sub_event_type=None,
            trigger_start=t0, trigger_end=t0 + len(trigger), sentence_start=s0, sentence_end=s1,
            sentence=sentence, date=ev_date, location=loc, actors=evactors,
            fatalities=counts.get("killed"), injured=counts.get("injured"),
            attribution=attribution, modality=modality,
        )
        self.events.append(m)
        return m

    def extraction(self) -> Extraction:
        return Extraction(article=self.article, events=list(self.events))


def demo_extractions(articles: dict[str, Article]) -> dict[str, Extraction]:
    """What a good pipeline gives for the demo articles' main events (by hand)."""
    nov19 = (D(2025, 11, 19), D(2025, 11, 19), "day")
    nov23 = (D(2025, 11, 23), D(2025, 11, 23), "day")
    dec3 = (D(2025, 12, 3), D(2025, 12, 3), "day")
    out = {}

    b = Builder(articles["000"])
    b.event("On the night of November 19, Israeli forces launched a strike on a Hamas training camp "
            "in the Ayn al-Hilweh refugee camp, a densely populated area in southern Lebanon.",
            "strike", "ASSAULT", "aerial", date=nov19, date_text="the night of November 19",
            place="Ain al-Hilweh", place_text="Ayn al-Hilweh", actors=["Israel"],
            targets=["a Hamas training camp"])
    b.event("Just days later, on November 23, the IDF announced another strike in Beirut, the capital "
            "of Lebanon.", "strike", "ASSAULT", "aerial", date=nov23, date_text="November 23",
            place="Beirut", actors=["IDF"], source="IDF", party=True)
    b.event("Lebanon has hailed the outcomes of recent negotiations with Israel in Ras En Nakura as "
            "‘excellent,’ according to LBCI TV channel, which cited unnamed sources close to the talks.",
            "negotiations", "CONSULT", None, date=(D(2025, 11, 20), D(2025, 12, 4), "reported"),
            place="Naqoura", place_text="Ras En Nakura", actors=["Lebanon", "Israel"])
    out["000"] = b.extraction()

    b = Builder(articles["001"])
    b.event("On the night of November 19, the Israeli Defense Forces (IDF) conducted an airstrike "
            "targeting what it described as ‘radical elements’ operating on a Hamas training camp in "
            "the Ain al-Hilweh area of southern Lebanon.", "airstrike", "ASSAULT", "aerial",
            date=nov19, date_text="the night of November 19", place="Ain al-Hilweh",
            actors=["IDF"], targets=["radical elements"])
    b.event("Just days later, on November 23, the IDF announced another airstrike in Beirut, the "
            "capital of Lebanon.", "airstrike", "ASSAULT", "aerial", date=nov23,
            date_text="November 23", place="Beirut", actors=["IDF"], source="IDF", party=True)
    out["001"] = b.extraction()

    b = Builder(articles["002"])
    b.event("In a significant diplomatic breakthrough for the Middle East, civilian representatives "
            "from Lebanon and Israel held their first direct talks in decades on Wednesday, "
            "December 3, 2025.", "talks", "CONSULT", None, date=dec3,
            date_text="Wednesday, December 3, 2025", place=None, actors=["Lebanon", "Israel"])
    b.event("This landmark meeting, hosted at the United Nations peacekeeping force's headquarters in "
            "Naqura, southern Lebanon, near the Israeli border, marks a crucial development in the "
            "year-old ceasefire monitoring mechanism.", "meeting", "CONSULT", None,
            date=(D(2025, 11, 19), D(2025, 12, 3), "reported"), place="Naqoura", place_text="Naqura",
            actors=[])
    out["002"] = b.extraction()

    b = Builder(articles["003"])
    b.event("Lebanese and Israeli diplomats met on Wednesday in the border town of Naqoura, marking "
            "their first direct and public engagement in over three decades.", "met", "CONSULT", None,
            date=dec3, date_text="Wednesday", place="Naqoura", actors=["Lebanon", "Israel"])
    b.event("The meeting, facilitated by the United States, comes just days after Israel assassinated "
            "senior Hezbollah commander Haytham Ali Tabatabai in an airstrike on Beirut’s southern "
            "suburbs.", "airstrike", "ASSAULT", "aerial",
            date=(D(2025, 11, 20), D(2025, 12, 4), "reported"), place="Beirut's southern suburbs",
            place_text="Beirut’s southern suburbs", actors=["Israel"],
            targets=["Haytham Ali Tabatabai"])
    b.event("The Nov. 23 strike was the first on Beirut in five months.", "strike", "ASSAULT", None,
            date=nov23, date_text="Nov. 23", place="Beirut")
    b.event("Israel has warned the White House that it may be “forced to resume the war” should "
            "Hezbollah continue rearming at its current pace.", "resume the war", "ASSAULT", None,
            date=(D(2025, 11, 20), D(2025, 12, 4), "reported"), actors=["Israel"],
            modality="threatened")
    b.event("While the idea of such a zone remains speculative, sources said both sides agreed to "
            "reconvene before the new year, bringing forward proposals focused on economic recovery "
            "and confidence-building.", "reconvene", "CONSULT", None,
            date=(D(2025, 12, 4), D(2025, 12, 31), "month"), modality="planned")
    out["003"] = b.extraction()

    b = Builder(articles["004"])
    b.event("Hochstein and McGurk engaged with Prime Minister Benjamin Netanyahu, Strategic Affairs "
            "Minister Ron Dermer, Defense Minister Yoav Gallant, as well as directors of Israel’s "
            "intelligence agencies, including Shin Bet and Mossad.", "engaged", "CONSULT", None,
            date=(D(2024, 10, 17), D(2024, 10, 31), "reported"), place="Jerusalem", place_text="Israel",
            actors=["Israel"])
    b.event("The conflict escalated sharply over the past five weeks, culminating in an Israeli ground "
            "operation in southern Lebanon, which commenced on September 30, shortly after the death of "
            "Hezbollah leader Hassan Nasrallah in an Israeli airstrike.", "ground operation", "ASSAULT",
            "ground", date=(D(2024, 9, 30), D(2024, 9, 30), "day"), date_text="September 30",
            place="South Governorate", place_text="southern Lebanon", actors=["Israel"])
    out["004"] = b.extraction()
    return out


def place(name: str, **over) -> PlaceMention:
    info = dict(PLACES[name])
    info.update(over)
    return PlaceMention(text=name, start=0, end=len(name), name=name, confidence=0.9, **info)


def synthetic(article_id: str, sentences: list[str], published: dt.date | None = D(2025, 11, 25),
              outlet: str | None = None, url: str | None = None) -> Builder:
    """An article made of ``sentences`` (distinct wording per test, so origins stay separate)."""
    return Builder(Article(id=article_id, text=" ".join(sentences), published=published,
                           outlet=outlet, url=url))


def day(y: int, m: int, d: int) -> tuple[dt.date, dt.date, str]:
    return (D(y, m, d), D(y, m, d), "day")
