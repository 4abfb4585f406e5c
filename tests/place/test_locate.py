import pytest

from truce.place import find_places, locate_event
from truce.records import Article


def _locate(nlp, gaz, text, trigger):
    a = Article(id="t", text=text)
    doc = nlp(text)
    places = find_places(doc, a, gaz)
    s = text.index(trigger)
    return locate_event(doc, a, (s, s + len(trigger)), places)


@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        (
            "An Israeli drone strike killed two people in Bint Jbeil on Tuesday.",
            "killed",
            "Bint Jbeil",
        ),
        (
            "Israeli jets struck a building in Haret Hreik, in Beirut's southern suburbs.",
            "struck",
            "Haret Hreik",
        ),
        ("Rockets fired from southern Lebanon hit Kiryat Shmona.", "hit", "Kiryat Shmona"),
        ("Gunmen from Tripoli attacked a checkpoint near Khiam.", "attacked", "Khiam"),
        ("The Beirut strike killed a senior commander.", "strike", "Beirut"),
    ],
)
def test_event_location(nlp, gaz, text, trigger, expected):
    loc = _locate(nlp, gaz, text, trigger)
    assert loc is not None and loc.text == expected, loc


def test_place_that_describes_someone_is_not_the_location(nlp, gaz):
    loc = _locate(nlp, gaz, "U.S. forces captured four suspects on Thursday.", "captured")
    assert loc is None


def test_no_places_no_location(nlp, gaz):
    assert _locate(nlp, gaz, "Two people were killed on Tuesday.", "killed") is None


def test_a_place_after_a_comma_is_the_container_not_the_event_place(nlp, gaz):
    from truce.place import find_places, locate_event
    from truce.records import Article

    text = (
        "On 10 March 2020, Taliban militants attacked an Afghan military tank, injuring 2 "
        "soldiers, in Hamam of Shindand district, Herat."
    )
    doc = nlp(text)
    article = Article(id="t", text=text)
    places = find_places(doc, article, gaz)
    start = text.index("attacked")
    loc = locate_event(doc, article, (start, start + len("attacked")), places)
    assert loc is not None and loc.text == "Shindand", loc
