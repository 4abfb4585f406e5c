"""The TimeML reader and the scorer behind `truce eval times`."""

import datetime as dt

import pytest

from truce.errors import InputError
from truce.eval.times import canonical_value, evaluate_times, load_tempeval, load_timeml, score_document
from truce.records import TimeExpression

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> in Nairobi &amp; Dar es Salaam, <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> after the talks.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path):
    path = tmp_path / "AQUAINT" / "X1.tml"
    path.parent.mkdir()
    path.write_text(TML, encoding="utf-8")
    return path


def test_reader_strips_tags_and_keeps_offsets(tml):
    doc = load_timeml(tml)
    assert doc.dct == dt.date(1998, 8, 7) and doc.subset == "AQUAINT"
    assert "&amp;" not in doc.text and "<" not in doc.text
    assert [(g.text, g.value) for g in doc.gold] == [("Friday", "1998-08-07"), ("two weeks", "P2W")]
    for g in doc.gold:
        assert doc.text[g.start : g.end] == g.text


def _te(text, start, value, type_="DATE"):
    return TimeExpression(text, start, start + len(text), type_, value, None, "day")


def test_scores_strict_relaxed_and_value(tml):
    doc = load_timeml(tml)
    friday = doc.gold[0]
    predicted = [
        _te("Friday in", friday.start, "1998-08-07"),  # relaxed match, right value
        _te("Nairobi", doc.text.index("Nairobi"), "1998"),  # spurious
    ]
    s = score_document(doc, predicted).as_dict()
    assert s["strict_p"] == 0 and s["relaxed_p"] == 0.5 and s["relaxed_r"] == 0.5
    assert s["value_accuracy"] == 1.0 and s["value_p"] == 0.5 and s["value_r"] == 0.5


def test_canonical_value_folds_notation_only():
    assert canonical_value("2000-W7") == canonical_value("2000-W07")
    assert canonical_value("1949-XX") == "1949" and canonical_value("199X") == "199"
    assert canonical_value("1998-10-23") != canonical_value("1998-10")


def test_missing_files_are_reported(tmp_path):
    with pytest.raises(InputError):
        load_tempeval(tmp_path)


def test_end_to_end_on_the_hand_made_document(tml, nlp):
    scores = evaluate_times([load_timeml(tml)], nlp)
    s = scores["all"].as_dict()
    assert s["relaxed_r"] == 1.0 and s["value_f1"] == 1.0


@pytest.mark.eval
@pytest.mark.slow
def test_floor_on_a_slice_of_tempeval(eval_dir, nlp):
    docs = load_tempeval(eval_dir / "tempeval3", limit=25)
    s = evaluate_times(docs, nlp)["all"].as_dict()
    assert s["relaxed_f1"] > 0.85
    assert s["value_f1"] > 0.65


def test_acled_dates_from_a_hand_made_export(tmp_path, nlp):
    from truce.eval.times import evaluate_acled_dates

    path = tmp_path / "acled.csv"
    path.write_text(
        "event_date,notes\n"
        '"21 March 2020","On 21 March 2020, 12 Taliban militants were killed in Dawlat Abad district."\n'
        "09-10-17,\"On 09 October, NASA held demonstrations in Kakamega.\"\n"
        "26-01-08,Gang of about 1000 attacked houses.\n",
        encoding="utf-8",
    )
    report = evaluate_acled_dates(tmp_path, nlp)
    counts = report["acled.csv"]
    assert counts["notes"] == 3
    # the undated note is "reported": on the publication day or the day before, which is no exact day
    assert counts["exact"] == 2 and counts["by_precision"]["reported"] == [1, 0]
