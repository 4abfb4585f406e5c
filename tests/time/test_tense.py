"""The tense of the verb a time expression hangs on."""

import pytest

from truce.time.tense import tense_at


@pytest.mark.parametrize(
    "text, expression, tense",
    [
        ("The envoys met on Thursday.", "Thursday", "past"),
        ("The envoys will meet on Thursday.", "Thursday", "future"),
        ("The envoys are scheduled to meet on Thursday.", "Thursday", "future"),
        ("Both sides agreed to reconvene before the new year.", "the new year", "future"),
        ("Talks resume on January 7.", "January 7", "present"),
        ("Meissner gave no reason for the Jan. 14 deadline.", "Jan. 14", "future"),
        ("The dividend is payable Dec. 15.", "Dec. 15", "future"),
        ("He has been held since October.", "October", "past"),
    ],
)
def test_tense(nlp, text, expression, tense):
    start = text.index(expression)
    assert tense_at(nlp(text), start, start + len(expression)) == tense
