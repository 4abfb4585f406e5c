from pathlib import Path

import pytest

from truce.errors import DataFileError
from truce.events import ACLED_TYPES, PLOVER_CATEGORIES, load_lexicon


def test_bundled_lexicon_covers_every_plover_category(lexicon):
    entries = [e for es in lexicon.single.values() for e in es]
    entries += [e for ps in lexicon.pairs.values() for _, e in ps]
    entries += [e for ss in lexicon.sequences.values() for _, e in ss]
    assert {e.plover for e in entries} == set(PLOVER_CATEGORIES)
    assert len(PLOVER_CATEGORIES) == 16


def test_bundled_lexicon_types_are_valid_acled(lexicon):
    for entries in lexicon.single.values():
        for e in entries:
            if e.acled not in (None, "*"):
                assert e.acled in ACLED_TYPES
                assert e.sub == "*" or e.sub in ACLED_TYPES[e.acled]


def test_extra_file_adds_and_replaces_triggers(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "trigger\tpos\tplover\tmode\tacled\tsub\tweight\n"
        "shell\tV\tASSAULT\tshelling\tExplosions/Remote violence\tShelling/artillery/missile attack\t0.5\n"
        "kettle\tV\tCOERCE\t-\tProtests\tProtest with intervention\t0.7\n",
        encoding="utf-8",
    )
    lex = load_lexicon([extra], model=False)
    assert lex.single["kettle"][0].acled == "Protests"
    shell = [e for e in lex.single["shell"] if e.pos == "V"]
    assert len(shell) == 1 and shell[0].weight == 0.5


@pytest.mark.parametrize(
    "row, message",
    [
        ("kill\tV\tMURDER\t-\t-\t-\t1\n", "unknown PLOVER category"),
        ("kill\tX\tASSAULT\t-\t-\t-\t1\n", "pos must be"),
        ("kill\tV\tASSAULT\t-\tBattles\tGrenade\t1\n", "does not belong"),
        ("kill\tV\tASSAULT\t-\t-\t-\n", "expected 7"),
        ("kill\tV\tASSAULT\t-\t-\t-\theavy\n", "weight must be a number"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, message: str):
    bad = tmp_path / "bad.tsv"
    bad.write_text("trigger\tpos\tplover\tmode\tacled\tsub\tweight\n# comment\n" + row, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_lexicon([bad], model=False)
    assert "bad.tsv:3" in str(info.value)


def test_cue_regex_matches_whole_words_and_prefixes(lexicon):
    rx = lexicon.cue_regex("protest")
    assert rx.search("demonstrators gathered")
    assert rx.search("they held a protest")
    assert not rx.search("the rallye car")  # "rally" is a whole word only


def test_a_cue_that_ends_in_a_mark_matches_before_a_word():
    from truce.events.lexicon import Lexicon

    rx = Lexicon(cues={"crowd": ["[size=", "crowd*"]}).cue_regex("crowd")
    assert rx.search("[size=no report]") and rx.search("the crowds left")
    assert not rx.search("overcrowded")


def test_note_labels_load_with_valid_types(lexicon):
    from truce.events.lexicon import ACLED_TYPES

    assert "property destruction" in lexicon.note_labels
    for entry in lexicon.note_labels.values():
        assert entry.sub in ACLED_TYPES[entry.acled]


def test_verb_forms_follow_triggers_added_later():
    from truce.events.lexicon import TriggerEntry

    lexicon = load_lexicon()
    assert "barricaded" not in lexicon.verb_forms().get("bar", {})
    lexicon.add(TriggerEntry("barricade", "V", "PROTEST", None, "Riots", "*", 0.8, "test"))
    assert lexicon.verb_forms()["bar"]["barricaded"] == "barricade"
