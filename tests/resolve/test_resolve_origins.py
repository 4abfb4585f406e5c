"""Origins and stories on the real demo texts, and the bad-input cases (docs/resolve.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.resolve.builders import day, synthetic

from truce.records import Extraction
from truce.resolve import Resolver


def _links(resolver: Resolver, articles):
    out = resolver.add([Extraction(a) for a in articles])
    return {link.article_id: link for link in out.articles}


def test_demo_origins_000_and_001_share_one_the_others_have_their_own(demo_articles):
    links = _links(Resolver(), [demo_articles[k] for k in sorted(demo_articles)])
    assert links["001"].origin_id == links["000"].origin_id == "o:000"
    assert links["001"].origin_reason == "rewrite"
    others = {links[k].origin_id for k in ("002", "003", "004")}
    assert others == {"o:002", "o:003", "o:004"}


def test_demo_origins_do_not_depend_on_order(demo_articles):
    links = _links(Resolver(), [demo_articles[k] for k in ("004", "003", "001", "002", "000")])
    assert links["000"].origin_id == links["001"].origin_id == "o:001"
    assert len({links[k].origin_id for k in ("001", "002", "003", "004")}) == 4


def test_demo_stories_002_and_003_together_004_apart(demo_articles):
    links = _links(Resolver(), [demo_articles[k] for k in sorted(demo_articles)])
    assert links["002"].story_id == links["003"].story_id
    assert links["000"].story_id == links["001"].story_id  # one origin, one story
    assert links["004"].story_id not in {links[k].story_id for k in ("000", "001", "002", "003")}


def test_story_joins_incrementally_and_respects_time(demo_articles):
    resolver = Resolver()
    first = _links(resolver, [demo_articles["002"]])
    later = _links(resolver, [demo_articles["003"]])
    assert later["003"].story_id == first["002"].story_id
    assert resolver.link("002").story_id == "s:002"  # nothing earlier was reclustered
    # 002's report published a year later is about another meeting: a new story, same words or not
    a = demo_articles["002"]
    moved = dataclasses.replace(a, id="002-next-year", published=a.published + dt.timedelta(days=365))
    fresh = Resolver()
    _links(fresh, [demo_articles["003"]])
    far = _links(fresh, [moved])
    assert far["002-next-year"].story_id == "s:002-next-year"


def test_identical_text_from_two_outlets_is_one_origin_two_articles(demo_articles, clock):
    text = "Israeli strikes hit Tyre on Tuesday, killing 2 people, the health ministry said."
    a = synthetic("wire-a", [text], outlet="Outlet A")
    a.event(text, "strikes", "ASSAULT", None, date=day(2025, 11, 18), place="Tyre", actors=["Israel"])
    b = synthetic("wire-b", [text], outlet="Outlet B")
    b.event(text, "strikes", "ASSAULT", None, date=day(2025, 11, 18), place="Tyre", actors=["Israel"])
    resolver = Resolver(clock=clock)
    out = resolver.add([a.extraction(), b.extraction()])
    la, lb = out.articles
    assert lb.origin_id == la.origin_id and lb.origin_reason == "same text" and lb.duplicate_of is None
    (inc,) = resolver.incidents
    assert inc.article_ids == ["wire-a", "wire-b"] and inc.independent_sources == 1
    assert inc.corroboration == "single source"


def test_reingested_under_new_url_is_a_duplicate_not_counted_again(demo_articles, clock):
    text = "Israeli strikes hit Tyre on Tuesday, killing 2 people, the health ministry said."
    a = synthetic("first", [text], url="https://news.example.com/a?id=1")
    a.event(text, "strikes", "ASSAULT", None, date=day(2025, 11, 18), place="Tyre", actors=["Israel"])
    b = synthetic("again", [text], url="https://www.news.example.com/amp/a")
    b.event(text, "strikes", "ASSAULT", None, date=day(2025, 11, 18), place="Tyre", actors=["Israel"])
    resolver = Resolver(clock=clock)
    resolver.add([a.extraction()])
    out = resolver.add([b.extraction()])
    (link,) = out.articles
    assert link.duplicate_of == "first" and link.origin_reason == "re-ingested"
    assert [s.reason for s in out.set_aside] == ["duplicate article"]
    (inc,) = resolver.incidents
    assert inc.article_ids == ["first"]


def test_light_edit_is_a_near_copy(demo_articles):
    a = demo_articles["002"]
    edited = a.text.replace("significant", "major").replace("Traditionally,", "Historically,")
    edited = edited.rsplit(".", 2)[0] + "."  # the last sentence cut, as wire copies often are
    copy = dataclasses.replace(a, id="002-copy", text=edited, content_hash="", outlet="Other")
    copy.__post_init__()
    links = _links(Resolver(), [a, copy])
    assert links["002-copy"].origin_id == "o:002" and links["002-copy"].origin_reason == "near copy"


def test_article_without_date_gets_origin_and_story(demo_articles):
    undated = dataclasses.replace(demo_articles["001"], id="001-undated", published=None,
                                  published_source="unknown")
    undated.text = undated.text + "\nCorrection appended."
    undated.content_hash = ""
    undated.__post_init__()
    links = _links(Resolver(), [demo_articles["000"], undated])
    assert links["001-undated"].origin_id == "o:000"
