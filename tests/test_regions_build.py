"""scripts/build_regions.py on small inputs: parsing the SQL dumps and pairing retired codes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_regions.py"


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_regions", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_parse_sql_reads_both_quote_styles_and_escapes(build):
    text = """
    INSERT INTO wilayah (kode, nama) VALUES
    ('11','Aceh'),
    ('12.04.28','Ma''u'),
    ("33.24.16","Wonotenggang"),
    ('92.03', 'KAB. FAK  FAK'),
    ('11.01.01.2001','Keude Bakongan'),
    ('1x.01','junk'), ('11.0','short');
    """
    assert build.parse_sql(text) == {
        "12.04.28": "Ma'u",
        "33.24.16": "Wonotenggang",
        "92.03": "KAB. FAK FAK",
    }


def test_parse_sql_of_nothing(build):
    assert build.parse_sql("") == {}
    assert build.parse_sql("DROP TABLE wilayah; -- ('18.71'") == {}


def test_retired_rows_pair_by_name_and_kind(build):
    current = {
        "96.01": "Kabupaten Sorong",
        "96.71": "Kota Sorong",
        "96.01.01": "Makbon",
        "96.71.02": "Sorong Timur",
        "93.01": "Kabupaten Merauke",
    }
    archives = {
        "2020": {"92.01": "KAB. SORONG", "92.01.01": "Makbon", "92.71": "KOTA SORONG"},
        "2022": {"92.71.01": "Sorong Timur", "92.09": "KAB. TAMBRAUW", "92.09.01": "Fef"},
    }
    rows = build.retired_rows(current, archives)
    assert rows == [
        ["92.01", "Kabupaten Sorong", "tidak_berlaku", "96.01", "UU 29/2022", "H"],
        ["92.09", "Kabupaten Tambrauw", "tidak_berlaku", "", "", "M"],  # no successor named
        ["92.71", "Kota Sorong", "tidak_berlaku", "96.71", "UU 29/2022", "H"],
        ["92.01.01", "Makbon", "tidak_berlaku", "96.01.01", "UU 29/2022", "H"],
        ["92.09.01", "Fef", "tidak_berlaku", "", "", "M"],
        # renumbered inside the successor: found by name
        ["92.71.01", "Sorong Timur", "tidak_berlaku", "96.71.02", "UU 29/2022", "H"],
    ]


def test_kaltara_rows_need_their_successor(build):
    current = {
        "65.01": "Kabupaten Bulungan",
        "65.02": "Kabupaten Malinau",
        "65.03": "Kabupaten Nunukan",
        "65.04": "Kabupaten Tana Tidung",
        "65.71": "Kota Tarakan",
    }
    rows = {r[0]: r[3] for r in build.kaltara_rows(current)}
    assert rows == {
        "64.04": "65.01",
        "64.05": "65.03",
        "64.06": "65.02",
        "64.10": "65.04",
        "64.73": "65.71",
    }
    with pytest.raises(ValueError, match=r"64\.73 Kota Tarakan"):
        build.kaltara_rows({k: v for k, v in current.items() if k != "65.71"})
