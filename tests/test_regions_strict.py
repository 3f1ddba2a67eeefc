"""Region checks at each level, default and strict, and the lazy district list (issue 14).

Default (the shipped national table): an unknown province or regency is an error, an
unknown district a warning. Strict (``Nik.parse(strict_region=True)``,
``RegionCode.parse(strict=True)``): an unknown district is an error too. A retired
code is a warning in both. All NIKs here are synthetic.
"""

from __future__ import annotations

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik, Npwp
from koperasi_id.regions import (
    Region,
    RegionCode,
    RegionStatus,
    RegionTable,
    default_region_table,
)

BORN = "0101900001"  # DDMMYY + serial: 1 Jan 1990, serial 0001

# (district part PPKKCC, default outcome, strict outcome); an outcome is ("error"|"warning", code)
# or None for a clean parse.
CASES = [
    ("187101", None, None),  # Teluk Betung Barat, Kota Bandar Lampung
    ("187120", None, None),  # the last of Bandar Lampung's 20 districts
    ("187121", ("warning", "nik.region_unknown"), ("error", "nik.region_unknown")),
    ("180104", None, None),  # Natar: Lampung Selatan's districts start at 04
    ("180101", ("warning", "nik.region_unknown"), ("error", "nik.region_unknown")),
    ("187201", None, None),  # Kota Metro, 5 districts
    ("187206", ("warning", "nik.region_unknown"), ("error", "nik.region_unknown")),
    ("187301", ("error", "nik.region_unknown"), ("error", "nik.region_unknown")),  # no 18.73
    ("181401", ("error", "nik.region_unknown"), ("error", "nik.region_unknown")),  # no 18.14
    ("990101", ("error", "nik.province_unknown"), ("error", "nik.province_unknown")),
    (
        "910102",
        ("warning", "nik.historical_region_code"),
        ("warning", "nik.historical_region_code"),
    ),
    (
        "640401",
        ("warning", "nik.historical_region_code"),
        ("warning", "nik.historical_region_code"),
    ),
    ("650101", None, None),  # Tanjung Palas, Kabupaten Bulungan
    ("930101", None, None),
]


def _outcome(raw: str, **options: bool) -> tuple[str, str] | None:
    try:
        nik = Nik.parse(raw, **options)
    except ValidationError as err:
        return ("error", *err.codes)  # type: ignore[return-value]
    if not nik.warnings:
        return None
    assert len(nik.warnings) == 1
    return ("warning", nik.warnings[0].code)


@pytest.mark.parametrize(("district", "default", "strict"), CASES)
def test_nik_region_check_at_each_level(district, default, strict):
    raw = district + BORN
    assert _outcome(raw) == default
    assert _outcome(raw, strict_region=True) == strict


@pytest.mark.parametrize(("district", "default", "strict"), CASES)
def test_region_code_follows_the_same_rule(district, default, strict):
    if district.startswith("99"):
        return  # a province outside the 38 is a scheme error, not a look-up
    dotted = f"{district[:2]}.{district[2:4]}.{district[4:]}"

    def outcome(**options: bool) -> tuple[str, str] | None:
        try:
            code = RegionCode.parse(dotted, **options)
        except ValidationError as err:
            return ("error", err.codes[0].replace("region.", "nik."))
        return (
            ("warning", code.warnings[0].code.replace("region.", "nik.")) if code.warnings else None
        )

    assert outcome() == default
    assert outcome(strict=True) == strict


def test_npwp_that_is_a_nik_uses_the_default_region_rule():
    assert [w.code for w in Npwp.parse("1871210101900001").warnings] == ["nik.region_unknown"]
    with pytest.raises(ValidationError) as info:
        Npwp.parse("1873010101900001")
    assert info.value.codes == ("nik.region_unknown",)


def test_a_strict_table_makes_every_level_an_error(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("code,name\n18.71,Kota Bandar Lampung\n18.71.01,Teluk Betung Barat\n")
    strict = RegionTable.from_csv(path)
    with pytest.raises(ValidationError) as info:
        Nik.parse("1871020101900001", regions=strict)  # strict_region not needed
    assert info.value.codes == ("nik.region_unknown",)


def test_a_lenient_caller_table_keeps_unknown_regencies_as_warnings(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("code,name\n18.71,Kota Bandar Lampung\n")
    lenient = RegionTable.from_csv(path, strict=False)
    assert not lenient.strict_regencies
    nik = Nik.parse("1801010101900001", regions=lenient)
    assert [w.code for w in nik.warnings] == ["nik.region_unknown"]
    # strict_region covers districts only; 18.71.xx is not covered by this table.
    assert Nik.parse("1871990101900001", regions=lenient, strict_region=True).warnings == ()


def test_shipped_table_flags():
    table = default_region_table()
    assert (table.strict, table.strict_regencies) == (False, True)
    merged = table.merged(RegionTable([], source="x"))
    assert merged.strict_regencies
    assert not table.merged(RegionTable([], source="x"), strict=False).strict_regencies


# --- the district list is read on first use ------------------------------------------


def _counting_table() -> tuple[RegionTable, list[int]]:
    calls: list[int] = []

    def districts() -> list[Region]:
        calls.append(1)
        return [Region(code=RegionCode.parse("18.71.01", regions=RegionTable([])), name="D")]

    regency = Region(code=RegionCode.parse("18.71", regions=RegionTable([])), name="Kota")
    table = RegionTable([regency], source="t", strict_regencies=True, districts=districts)
    return table, calls


def test_regency_questions_do_not_read_districts():
    table, calls = _counting_table()
    assert table.status("18.71") is RegionStatus.CURRENT
    assert table.status("18.72") is RegionStatus.UNKNOWN
    assert [r.code.code for r in table.children("18")] == ["18.71"]
    assert "18.71" in table
    assert table.get("18") is not None
    assert calls == []


@pytest.mark.parametrize(
    "ask",
    [
        lambda t: t.get("18.71.01"),
        lambda t: t.status("18.71.02"),
        lambda t: t.children("18.71"),
        lambda t: "18.71.01" in t,
        lambda t: t.covers("18.71.01"),
        len,
        list,
        lambda t: t.retired(),
    ],
)
def test_district_questions_read_districts_once(ask):
    table, calls = _counting_table()
    ask(table)
    ask(table)
    assert calls == [1]
    assert table.status("18.71.01") is RegionStatus.CURRENT
    assert table.status("18.71.02") is RegionStatus.UNKNOWN
    assert calls == [1]
