from pathlib import Path

import pytest

from truce.actors import load_registry
from truce.errors import DataFileError


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_bundled_registry_has_theatre_and_countries(registry):
    hz = registry.get("HZB")
    assert hz is not None and hz.inter == 3 and hz.country == "LBN" and hz.party
    assert registry.get("ISR-military").name == "Military Forces of Israel"
    assert registry.get("UNIFIL").inter == 8
    assert len(registry.countries) > 190


@pytest.mark.parametrize(
    "word, iso3",
    [("Kenyan", "KEN"), ("Afghan", "AFG"), ("Syrian", "SYR"), ("Kenya's", "KEN"), ("Burkinabe", "BFA"),
     ("Congolese", "COD"), ("Lebanese", "LBN"), ("Martian", None)],
)
def test_country_of_word(registry, word, iso3):
    assert registry.country_of_word(word) == iso3


def test_aliases_match_spellings_and_epithets(registry):
    text = "Hizbollah and the Shi’ite militia met the Iran-backed group; Hezbullah's men left."
    ids = [actor for _, _, actor in registry.match_aliases(text)]
    assert ids == ["HZB", "HZB", "HZB", "HZB"]


def test_acronyms_are_case_sensitive(registry):
    # "us" and "is" are words; "US" and "IS" are actors
    assert registry.match_aliases("Tell us what it is.") == []
    ids = [a for _, _, a in registry.match_aliases("US forces hit IS militants.")]
    assert ids == ["USA-military", "IS"]


def test_extra_file_overrides_and_adds(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "id\tname\taliases\tinter\tsector\tcountry\tparent\tparty\ttype\n"
        "XYZ\tXyz Brigade\tXyz fighters|the Brigade\t2\trebel\tMLI\t\t1\tgroup\n",
        encoding="utf-8",
    )
    registry = load_registry([extra])
    assert registry.get("XYZ").country == "MLI"
    assert [a for _, _, a in registry.match_aliases("Xyz fighters attacked.")] == ["XYZ"]


@pytest.mark.parametrize(
    "row, message",
    [
        ("X\tX\t\tnine\trebel\t\t\t1\tgroup", "inter"),
        ("X\tX\t\t9\trebel\t\t\t1\tgroup", "outside"),
        ("X\tX\t\t2\trebel\tMALI\t\t1\tgroup", "alpha-3"),
        ("X\tX\t\t2\trebel\t\t\tyes\tgroup", "party"),
        ("X\tX\t\t2\trebel\t\t\t1\tthing", "type"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row, message):
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "# comment\nid\tname\taliases\tinter\tsector\tcountry\tparent\tparty\ttype\n" + row + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as err:
        load_registry([bad])
    assert "bad.tsv:3" in str(err.value) and message in str(err.value)


def test_unknown_header_is_refused(tmp_path: Path):
    bad = tmp_path / "odd.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown header"):
        load_registry([bad])
