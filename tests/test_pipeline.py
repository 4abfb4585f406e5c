"""The pipeline's runners: failures stay per article, and a bad resource stops the run clearly."""

from __future__ import annotations

import pytest

from truce.errors import DataFileError, ResourceLoadError
from truce.pipeline import ExtractFailure, Extractor, ResourceConfig, Resources, extract_many
from truce.records import Article


@pytest.fixture
def bad_lexicon(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("this is not a lexicon row\n")
    return path


def test_bad_knowledge_file_names_its_line(bad_lexicon):
    with pytest.raises(DataFileError, match=r"bad\.tsv:1"):
        Resources.load(ResourceConfig(lexicon_files=(str(bad_lexicon),)))


@pytest.mark.slow
def test_worker_that_cannot_load_resources_stops_the_run_instead_of_hanging(bad_lexicon):
    articles = [Article(id=str(i), text="Israeli jets struck Tyre on Monday.") for i in range(3)]
    config = ResourceConfig(lexicon_files=(str(bad_lexicon),))
    with pytest.raises(ResourceLoadError, match="bad.tsv:1"):
        list(extract_many(articles, config, workers=2))


def test_one_failing_article_does_not_stop_the_batch(demo_articles):
    resources = Resources.load()
    good = demo_articles["002"]
    too_long = Article(id="long", text="Israeli jets struck Tyre. " * 90_000)
    with Extractor(resources=resources) as extractor:
        results = list(extractor.extract([too_long, good]))
    assert isinstance(results[0], ExtractFailure) and "long" == results[0].article.id
    assert not isinstance(results[1], ExtractFailure) and results[1].events


def test_watched_countries_reach_the_place_stage():
    from dataclasses import replace

    from truce.pipeline import extract_article

    article = Article(id="g", text="Two women are killed by unknown gunmen on Garissa.")
    plain = Resources.load()
    watched = replace(plain, config=ResourceConfig(focus_countries=("KE",)))
    assert not extract_article(article, plain).places
    (place,) = extract_article(article, watched).places
    assert place.country_code == "KE"


def test_a_blank_line_ends_a_sentence(nlp):
    doc = nlp("Russian missile strike on Kharkiv apartment block kills 7\n\nKYIV, May 8 (Wire A) - A Russian "
              "missile hit an apartment block in Kharkiv overnight, killing seven people.")
    assert [s.text.strip() for s in doc.sents][0] == "Russian missile strike on Kharkiv apartment block kills 7"


def _reports(*items):
    """Articles (id, outlet, published, text), extracted and resolved: (extractions, incidents)."""
    import datetime as dt

    from truce.pipeline import ResourceConfig, extract_many
    from truce.records import Article
    from truce.resolve import Resolver

    articles = [Article(id=i, outlet=o, published=dt.date.fromisoformat(p), text=t) for i, o, p, t in items]
    extractions = list(extract_many(articles, ResourceConfig(), workers=1))
    resolver = Resolver()
    resolver.add(extractions)
    return extractions, resolver.incidents


def test_two_reports_of_one_overnight_strike_are_one_incident():
    x, incidents = _reports(
        ("a", "Wire A", "2025-05-08",
         "Russian missile strike on Kharkiv apartment block kills 7\n\nKYIV, May 8 (Wire A) - A Russian missile "
         "hit an apartment block in the northeastern city of Kharkiv overnight, killing seven people, regional "
         "governor Oleh Syniehubov said on Thursday."),
        ("b", "Paper D", "2025-05-08",
         "Seven dead after missile hits Kharkiv\n\nA missile struck a residential building in Kharkiv early on "
         "Thursday, killing at least six people, Ukrainian officials said. Moscow said it had hit military targets."),
    )
    strike = next(e for e in x[0].events if "hit an apartment block" in e.sentence)
    assert any(a.role == "actor" and a.actor_id == "RUS-military" for a in strike.actors)
    assert all(e.location is None or e.location.text != "Moscow" for e in x[1].events)
    kharkiv = [i for i in incidents if i.location is not None and i.location.name == "Kharkiv"]
    assert len(kharkiv) == 1 and sorted(kharkiv[0].article_ids) == ["a", "b"]


def test_a_dateline_is_a_sentence_of_its_own(nlp):
    doc = nlp("Police fire tear gas in Nairobi\n\nNAIROBI, June 25 (Wire A) - Kenyan police fired tear gas on "
              "Wednesday at protesters.")
    assert [s.text.strip() for s in doc.sents][-1] == "Kenyan police fired tear gas on Wednesday at protesters."
    doc = nlp("Police said on Monday - a day after the attack - that five were held.")
    assert len(list(doc.sents)) == 1


def test_a_strike_reported_twice_and_shelling_nearby_are_two_incidents():
    _, incidents = _reports(
        ("a", "Wire A", "2025-03-22",
         "Israeli strike kills three in south Lebanon despite truce\n\nBEIRUT, March 22 (Wire A) - An Israeli "
         "air strike on a car in the southern Lebanese town of Nabatieh killed three people on Saturday, "
         "Lebanon's health ministry said."),
        ("b", "Paper C", "2025-03-23",
         "Lebanon: 4 dead in Nabatieh drone attack\n\nFour people were killed on Saturday when an Israeli "
         "drone targeted a vehicle in Nabatieh, the National News Agency reported."),
        ("c", "Wire B", "2025-03-22",
         "BEIRUT, March 22 (Wire B) - Israel responded with artillery fire on several villages in south "
         "Lebanon, including Kfar Kila."),
    )
    nabatieh = [i for i in incidents if i.location is not None and i.location.name == "Nabatieh"
                and i.plover_type == "ASSAULT"]
    assert len(nabatieh) == 1 and sorted(nabatieh[0].article_ids) == ["a", "b"]
    assert (nabatieh[0].fatalities["low"], nabatieh[0].fatalities["high"]) == (3, 4)
