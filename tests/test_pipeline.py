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
