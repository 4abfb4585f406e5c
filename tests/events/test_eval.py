"""The evaluation harnesses: small slices of the development data and the scoring helpers."""

import datetime as dt

import pytest

from truce.eval.acled import actor_country, macro_f1, row_article


def test_actor_country_reads_acled_actor_names():
    assert actor_country("Police Forces of Kenya (2013-)") == "KEN"
    assert actor_country("Rioters (Kenya)") == "KEN"
    assert actor_country("Military Forces of Afghanistan (2014-)") == "AFG"
    assert actor_country("Taliban") is None


def test_macro_f1_averages_over_gold_classes():
    assert macro_f1([("a", "a"), ("b", "b")]) == 1.0
    assert macro_f1([("a", "a"), ("b", "a")]) == pytest.approx((2 / 3 + 0) / 2)


@pytest.mark.slow
def test_acled_slice_scores_above_a_floor(eval_dir, resources):
    from truce.eval.acled import evaluate_acled

    report = evaluate_acled(eval_dir / "acled_dev", limit=25, resources=resources)
    overall = report["overall"]
    assert overall["rows"] == 50 and overall["failed"] == 0
    assert overall["event_type_accuracy"] >= 0.6
    assert overall["fatalities_exact"] >= 0.6
    assert set(report["files"]) == {"acled_2019_kenya_carol0128.csv", "acled_2020_afghanistan_dkoban.csv"}


def test_acled_rows_become_articles_published_the_next_day(eval_dir):
    from truce.eval.acled import load_acled

    rows = load_acled(eval_dir / "acled_dev" / "acled_2020_afghanistan_dkoban.csv")
    article = row_article(rows[0])
    assert article.published == rows[0].event_date + dt.timedelta(days=1)
    assert article.text == rows[0].notes


def test_plover_gold_categories_are_mapped_to_plover_2021(eval_dir):
    from truce.eval.plover import load_gsr
    from truce.events import PLOVER_CATEGORIES

    items = load_gsr(eval_dir / "plover_gsr")
    assert len(items) > 300
    assert {cat for _, _, cat in items} <= set(PLOVER_CATEGORIES)


@pytest.mark.slow
def test_plover_slice(eval_dir, resources):
    from truce.eval.plover import evaluate_plover

    report = evaluate_plover(eval_dir / "plover_gsr", limit=40, resources=resources)
    assert report["sentences"] == 40 and report["failed"] == 0
    assert report["any_event_accuracy"] >= 0.4


def test_india_labels_from_events(extract):
    text = "police shot dead two rioters in the old city on friday, and arrested 40 people."
    x = extract(text, dt.date(2002, 3, 2))
    from truce.eval.india import predict_labels

    assert predict_labels(x.events, text) == {"KILL", "ARREST"}
    quiet = "the minister said the situation was under control."
    assert predict_labels(extract(quiet).events, quiet) == set()


def test_a_month_dated_event_scores_on_the_day_the_acled_export_writes():
    from truce.eval.acled import AcledRow, score_rows
    from truce.records import EventDate, EventMention, Extraction

    text = "Clashes between two clans in August left one dead."
    row = AcledRow(file="f.csv", line=2, event_id="X1", event_date=dt.date(2018, 8, 15), event_type="Battles",
                   sub_event_type="Armed clash", actor1="", inter1=None, country="Kenya", iso3="404",
                   latitude=None, longitude=None, geo_precision=None, fatalities=1, notes=text)  # fmt: skip
    event = EventMention(id="x:e1", article_id="x", plover_type="ASSAULT", plover_mode=None,
                         acled_event_type="Battles", acled_sub_event_type="Armed clash", trigger_start=0,
                         trigger_end=7, sentence_start=0, sentence_end=len(text), sentence=text,
                         date=EventDate(dt.date(2018, 8, 1), dt.date(2018, 8, 31), "month", "August"))  # fmt: skip
    report = score_rows([row], [Extraction(article=row_article(row), events=[event])])["overall"]
    assert report["date_exact"] == 0.0  # the interval starts on the 1st
    assert report["date_exported_day"] == 1.0  # ACLED codes a month's events on its 15th


def test_india_kill_needs_the_police_as_the_killer(extract):
    from truce.eval.india import predict_labels

    for text in ("one person was killed when the police fired 15 rounds in santrampur.",
                 "two persons have been killed in police firing as mobs torched several shops.",
                 "however, the police in self-defence fired about 40 rounds killing two persons.",
                 "one person was killed and six others injured on tuesday night when the police fired to "
                 "disperse mobs pelting stones.",
                 "one person was killed in police firing and two others were injured as violence escalated.",
                 "three persons died here when the police resorted to firing to disperse an irate mob.",
                 "a 19-year-old youth perished in police firing on tuesday."):
        assert "KILL" in predict_labels(extract(text, dt.date(2002, 3, 2)).events, text), text
    # the police are named, but a mob killed
    text = "a mob killed two men near the police station on friday."
    assert "KILL" not in predict_labels(extract(text, dt.date(2002, 3, 2)).events, text)
