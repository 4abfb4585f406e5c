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
        # an infinitive under a noun of intent looks ahead
        ("The bank announced an agreement to buy the insurer in January.", "January", "future"),
        ("The cut is part of a programme to repay the loan by February.", "February", "future"),
        # an infinitive under a verb of asking or ordering looks ahead
        ("The court ordered the minister to appear on March 3.", "March 3", "future"),
        # "is to" + infinitive is a plan
        ("The port is to reopen to ships on Tuesday.", "Tuesday", "future"),
        # a modal carries over to a date inside a noun phrase; "would have" is past
        ("The aid would be paid on a date in January.", "January", "future"),
        ("The convoy would have arrived on Friday.", "Friday", "past"),
        # a plan told in the past perfect may lie on either side of publication; in the simple past
        # it still looks ahead
        ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", None),
        ("The team planned to leave the capital on Thursday.", "Thursday", "future"),
        ("The vote is due to take place on Thursday.", "Thursday", "future"),
        # "could not be found" reports the past
        ("The envoy could not be reached on Wednesday.", "Wednesday", "past"),
        # a clause of time under reported "would" is back-shifted; under "will" a past is a past
        ("The bank said it would buy shares as soon as trading opened Monday.", "Monday", "future"),
        ("Investors were likely to sell as soon as the market opened Monday.", "Monday", "future"),
        ("The boy will stay even after a court refused on Thursday to hear the case.", "Thursday", "past"),
        ("The council will decide when the board meets on Tuesday.", "Tuesday", "future"),
        # what is put off is put off to a day ahead, whatever the verb's tense
        ("Officials postponed until Tuesday any decision on the permit.", "Tuesday", "future"),
        ("The hearing was adjourned until Friday.", "Friday", "future"),
        ("The protest continued until Friday.", "Friday", "past"),
        # a reduced relative's plan takes the look of the clause around it
        ("A memorial service planned for Saturday was cancelled after the leak.", "Saturday", None),
        ("A memorial service planned for Saturday will be held in the chapel.", "Saturday", "future"),
    ],
)
def test_tense(nlp, text, expression, tense):
    start = text.index(expression)
    assert tense_at(nlp(text), start, start + len(expression)) == tense


def test_a_possessive_date_keeps_no_tense_from_the_clause(nlp):
    text = "The minister asked the families to end the protest after Thursday's ruling."
    start = text.index("Thursday")
    assert tense_at(nlp(text), start, start + len("Thursday")) is None


def test_an_absolute_clause_shares_the_tense_of_its_clause(nlp):
    text = "Two flights would leave on Monday, with the third departing each Thursday from August 6."
    start = text.index("August 6")
    assert tense_at(nlp(text), start, start + 8) == "future"
