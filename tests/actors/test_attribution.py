import pytest

from truce.actors import find_actors, find_attributions, load_registry
from truce.records import Article


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def attributions(nlp, registry, text):
    article = Article(id="t", text=text)
    doc = nlp(text)
    return find_attributions(doc, article, find_actors(doc, article, registry))


@pytest.mark.parametrize(
    "text, source, name, party",
    [
        ("Two fighters were killed, according to the IDF.", "the IDF", "Military Forces of Israel", True),
        ("The Lebanese health ministry reported that five people died.", "The Lebanese health ministry",
         "Ministry of Public Health (Lebanon)", False),
        ("A source close to the talks told AFP that progress was made.", "A source close to the talks", None, False),
        ("Hezbollah claimed responsibility for the attack.", "Hezbollah", "Hezbollah", True),
        ("Local sources reported heavy shelling overnight.", "Local sources", None, False),
    ],
)
def test_source_phrases(nlp, registry, text, source, name, party):
    found = attributions(nlp, registry, text)
    match = [a for a in found if a.text == source]
    assert match, found
    a = match[0]
    assert a.name == name and a.party is party
    assert text[a.start : a.end] == source


def test_citing_a_reason_is_not_a_source(nlp, registry):
    text = "Citing the growing tensions between the two countries, the envoy urged restraint."
    assert not [a for a in attributions(nlp, registry, text) if "tensions" in a.text]
