"""Evaluations on small slices of the development data, with floors well below the full figures."""

import pytest

from truce.eval.places import evaluate_resolution, read_event_locations, read_lgl, read_trnews


@pytest.mark.slow
def test_trnews_slice_resolution_floor(eval_dir, gaz):
    scores = evaluate_resolution(read_trnews(eval_dir / "tr_news"), gaz, limit=30)
    assert scores["toponyms"] > 200
    assert scores["acc_161km"] >= 0.75


@pytest.mark.slow
def test_lgl_slice_resolution_floor(eval_dir, gaz):
    scores = evaluate_resolution(read_lgl(eval_dir / "lgl"), gaz, limit=60)
    assert scores["toponyms"] > 300
    assert scores["acc_161km"] >= 0.65


def test_readers(eval_dir):
    arts = read_trnews(eval_dir / "tr_news")
    assert len(arts) == 118
    # offsets repaired where TR-News is off by a character or two
    bad = [t for a in arts for t in a.toponyms if a.text[t.start : t.end] != t.phrase]
    assert len(bad) < 20
    items = read_event_locations(eval_dir / "event_location")
    assert sum(i.adjudicated for i in items) > 450
