"""Article-level context: regions shared by ambiguous names, soft country evidence, stray readings
abroad, capitals, demonyms and approximate county points."""

from truce.place import find_places, locate_event, resolve_place, resolve_spans
from truce.records import Article


def _spans(text, names):
    out, pos = [], 0
    for n in names:
        s = text.index(n, pos)
        out.append((s, s + len(n)))
        pos = s + len(n)
    return out


def test_region_shared_by_ambiguous_names_decides(gaz):
    # every name alone is ambiguous; Georgia (US) is where all three can lie
    text = (
        "Deputies from Clarke County and Walton County searched a farm outside Athens after the "
        "storm, Clarke County officials said."
    )
    names = ["Clarke County", "Walton County", "Athens", "Clarke County"]
    got = resolve_spans(Article(id="t", text=text), _spans(text, names), gaz)
    athens = got[2]
    assert athens.country_code == "US" and athens.admin1 == "Georgia", athens
    assert got[1].admin1 == "Georgia", got[1]


def test_county_is_placed_among_the_articles_towns(gaz):
    text = "Butler County deputies patrolled Middletown, Hamilton and Fairfield in Ohio on Sunday."
    names = ["Butler County", "Middletown", "Hamilton", "Fairfield", "Ohio"]
    got = resolve_spans(Article(id="t", text=text), _spans(text, names), gaz)
    county = got[0]
    assert county.admin1 == "Ohio"
    # the county lies in south-western Ohio, near its towns, not at the state's centre
    assert county.lat < 39.8 and county.lon < -84.0, county


def test_only_the_real_capital_is_a_capital(gaz):
    rows = [r for r in gaz.plain_rows("washington") if gaz.features[r] == "PPLC"]
    assert len(rows) == 1 and gaz.admin1[rows[0]] in ("Washington, D.C.", "District of Columbia")
    m = resolve_place("Washington", gaz, context=["Texas", "Austin"])
    assert abs(m.lat - 38.9) < 0.2 and abs(m.lon + 77.04) < 0.2, m


def test_a_demonym_names_the_country_not_a_town(gaz):
    m = resolve_place("Canadian", gaz, context=["Illinois", "Chicago"])
    assert m.feature == "PCLI" and m.country_code == "CA", m


def test_stray_village_abroad_is_not_taken_in_an_article_about_one_country(gaz):
    text = (
        "Afghan forces clashed with Taliban militants in Manda of Sangin district, Helmand, "
        "and near Lashkar Gah and Kandahar."
    )
    names = ["Afghan", "Manda", "Helmand", "Lashkar Gah", "Kandahar"]
    got = resolve_spans(Article(id="t", text=text), _spans(text, names), gaz)
    manda = got[1]
    assert manda.country_code in (None, "AF"), manda


def test_residents_cue_a_place_and_act_where_they_live(nlp, gaz):
    text = "Narok residents protested over insecurity in Kenya on Monday."
    a = Article(id="t", text=text)
    doc = nlp(text)
    places = find_places(doc, a, gaz)
    assert any(p.text == "Narok" and p.country_code == "KE" for p in places), places
    s = text.index("protested")
    loc = locate_event(doc, a, (s, s + len("protested")), places)
    assert loc is not None and loc.text == "Narok", loc


def test_country_adjective_before_a_noun_is_not_the_event_location(nlp, gaz):
    text = "Taliban militants attacked an Afghan military convoy, killing three soldiers."
    a = Article(id="t", text=text)
    doc = nlp(text)
    places = find_places(doc, a, gaz)
    s = text.index("attacked")
    loc = locate_event(doc, a, (s, s + len("attacked")), places)
    assert loc is None or "Afghan" not in loc.text, loc
