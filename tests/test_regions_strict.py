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
    DISTRICT_FILE,
    REGENCY_FILE,
    RegionCode,
    RegionStatus,
    RegionTable,
    default_region_table,
)
from koperasi_id.regions import _shipped as regions_module

BORN = "0101900001"  # DDMMYY + serial: 1 Jan 1990, serial 0001

# (district part PPKKCC, default outcome, strict outcome); an outcome is ("error"|"warning", code)
# or None for a clean parse.
CASES = [
    ("187101", None, None),  # Kedaton, Kota Bandar Lampung
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


@pytest.fixture
def fresh_table(monkeypatch):
    """A freshly built shipped table, counting how often each data file is read."""
    reads: list[str] = []
    real = regions_module._cells

    def counting(name: str) -> list[list[str]]:
        reads.append(name)
        return real(name)

    monkeypatch.setattr(regions_module, "_cells", counting)
    default_region_table.cache_clear()
    yield default_region_table(), reads
    default_region_table.cache_clear()


def test_regency_questions_do_not_read_districts(fresh_table):
    table, reads = fresh_table
    assert reads == [REGENCY_FILE]
    assert table.status("18.71") is RegionStatus.CURRENT
    assert table.status("18.99") is RegionStatus.UNKNOWN
    assert len(table.children("18")) == 15
    assert "18.71" in table
    assert table.get("18") is not None
    with pytest.raises(ValidationError) as caught:
        RegionCode.parse("18.99")
    assert caught.value.codes == ("region.region_unknown",)
    assert RegionCode.parse("18.71").warnings == ()
    assert reads == [REGENCY_FILE]


@pytest.mark.parametrize(
    "ask",
    [
        lambda t: t.get("18.71.01"),
        lambda t: t.status("18.71.99"),
        lambda t: t.children("18.71"),
        lambda t: "18.71.01" in t,
        lambda t: t.covers("18.71.01"),
        len,
        list,
        lambda t: t.retired(),
        lambda t: Nik.parse("1871014101900002"),  # synthetic
    ],
)
def test_district_questions_read_districts_once(fresh_table, ask):
    table, reads = fresh_table
    ask(table)
    ask(table)
    assert reads == [REGENCY_FILE, DISTRICT_FILE]
    assert table.get("18.71.01").name == "Kedaton"
    assert table.status("18.71.99") is RegionStatus.UNKNOWN
    assert len(table.children("18.71")) == 20
    assert reads == [REGENCY_FILE, DISTRICT_FILE]
