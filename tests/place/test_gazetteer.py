import time

import pytest

from truce.errors import DataFileError
from truce.place import load_gazetteer, resolve_place
from truce.place.gazetteer import cache_path, read_supplement

HEADER = "name\talternate_names\tlat\tlon\tcountry\tfeature\tadmin1\tadmin2\tgeonameid\tpopulation\tadmin1_code\n"


def _write(tmp_path, rows: str):
    p = tmp_path / "extra.tsv"
    p.write_text("# my places\n" + HEADER + rows, encoding="utf-8")
    return p


def test_latitude_out_of_range_is_rejected_with_its_line(tmp_path):
    p = _write(tmp_path, "Good Place\t\t33.1\t35.2\tLB\tPPL\nBad Place\t\t200\t35.2\tLB\tPPL\n")
    with pytest.raises(DataFileError) as e:
        read_supplement(p)
    assert e.value.line == 4
    assert "latitude" in str(e.value) and "extra.tsv:4" in str(e.value)


def test_missing_coordinates_are_rejected_with_its_line(tmp_path):
    p = _write(tmp_path, "No Coords\t\t\t\tLB\tPPL\n")
    with pytest.raises(DataFileError) as e:
        read_supplement(p)
    assert e.value.line == 3
    assert "missing latitude" in str(e.value)


@pytest.mark.parametrize(
    "row,needle",
    [
        ("X\t\t33\t35\tLebanon\tPPL\n", "alpha-2"),
        ("X\t\tnorth\t35\tLB\tPPL\n", "not a number"),
        ("X\t\t33\t35\tLB\t\n", "feature"),
        ("X\t\t33\t35\n", "columns"),
        ("X\t\t33\t35\tLB\tPPL\t\t\tabc\n", "geonameid"),
    ],
)
def test_other_bad_rows(tmp_path, row, needle):
    with pytest.raises(DataFileError, match=needle):
        read_supplement(_write(tmp_path, row))


def test_bad_extra_file_fails_load(tmp_path):
    with pytest.raises(DataFileError):
        load_gazetteer([_write(tmp_path, "Bad\t\t91\t35\tLB\tPPL\n")])


def test_user_file_adds_a_place(gaz, tmp_path):
    p = _write(
        tmp_path,
        "Wadi Zibqin\tZibqin valley|Wadi Zebqin\t33.19\t35.27\tLB\tVAL\tSouth Governorate\tTyre District\n",
    )
    g = load_gazetteer([p])
    m = resolve_place("Wadi Zebqin", g)
    assert m.country_code == "LB" and m.admin2 == "Tyre District"
    assert abs(m.lat - 33.19) < 1e-6
    # the session gazetteer is untouched
    assert resolve_place("Wadi Zebqin", gaz).name != "Wadi Zibqin"


def test_cache_exists_and_warm_load_is_fast(gaz):
    assert cache_path().exists()
    t = time.perf_counter()
    g = load_gazetteer()
    assert len(g) == len(gaz) > 230_000
    assert time.perf_counter() - t < 3.0  # about 0.5 s; generous for a busy CI machine


def test_bundled_supplement_is_valid():
    from truce.place.gazetteer import _supplement_path

    rows = read_supplement(_supplement_path())
    assert len(rows) > 250


def test_stale_caches_go_but_another_process_tmp_file_stays(tmp_path):
    from truce.place.gazetteer import _drop_stale_caches

    current = tmp_path / "gazetteer-new.npz"
    stale = tmp_path / "gazetteer-old.npz"
    other_writer = tmp_path / "gazetteer-new.tmp4242.npz"
    for p in (current, stale, other_writer):
        p.write_bytes(b"x")
    _drop_stale_caches(current)
    assert current.exists() and other_writer.exists() and not stale.exists()
