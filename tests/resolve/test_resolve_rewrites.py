"""The lexical sentence-rewrite detector and article alignment."""

from __future__ import annotations

import pytest

from truce.resolve import alignment, article_fingerprint, is_paraphrase, sentence_similarity
from truce.resolve.rewrites import ALIGN_THRESHOLD


def test_rewording_scores_above_an_unrelated_sentence():
    a = "Just days later, on November 23, the IDF announced another strike in Beirut, the capital of Lebanon."
    b = "Just days later, on November 23, the IDF announced another airstrike in Beirut, the capital of Lebanon."
    c = "The Russian Ambassador to Lebanon issued a stark warning about the explosive situation."
    assert sentence_similarity(a, b) > 0.8
    assert is_paraphrase(a, b) and not is_paraphrase(a, c)
    assert sentence_similarity(a, a) == pytest.approx(1.0)


def test_different_numbers_lower_the_score():
    a = "Hezbollah fired 5 rockets at northern Israel on Tuesday, the army said."
    b = "Hezbollah fired 6 rockets at northern Israel on Tuesday, the army said."
    assert sentence_similarity(a, b) < sentence_similarity(a, a) - 0.1


def test_demo_alignment_000_001_versus_other_pairs(demo_articles):
    fp = {k: article_fingerprint(a.text) for k, a in demo_articles.items()}
    rewrite = alignment(fp["000"], fp["001"], ALIGN_THRESHOLD)
    assert rewrite.aligned_a >= 5 and rewrite.share >= 0.25
    for x, y in [("000", "002"), ("000", "003"), ("001", "003"), ("002", "003"), ("002", "004")]:
        assert alignment(fp[x], fp[y], ALIGN_THRESHOLD).share < 0.1, (x, y)


@pytest.mark.eval
def test_msrp_slice_beats_the_majority_baseline(eval_dir):
    from truce.eval.rewrites import evaluate_rewrites

    report = evaluate_rewrites(eval_dir / "msrp_train", limit=600)
    assert report.all_pairs.accuracy >= 0.68
    assert report.all_pairs.accuracy > report.majority_baseline + 0.03
    assert report.all_pairs.f1 >= 0.75


def test_msrp_reader_rejects_a_file_that_is_not_msrp(tmp_path):
    from truce.errors import InputError
    from truce.eval.rewrites import read_msrp

    bad = tmp_path / "msr_paraphrase_train.txt"
    bad.write_text("id\ttext\n1\thello\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an MSRP file"):
        read_msrp(tmp_path)
    with pytest.raises(InputError, match="no MSRP file"):
        read_msrp(tmp_path / "missing")
