"""Kemendagri region codes and tables (domain note §5)."""

from __future__ import annotations

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.law import Confidence
from koperasi_id.regions import (
    CODE_RULES,
    DECREE,
    PROVINCE_CODES,
    PROVINCES,
    Region,
    RegionCode,
    RegionLevel,
    RegionStatus,
    RegionTable,
    default_region_table,
    lookup,
    province,
)

# --- §5.3 provinces --------------------------------------------------------------------


def test_thirty_eight_provinces_with_decree_totals():
    assert len(PROVINCES) == 38
    assert len({p.iso_3166_2 for p in PROVINCES}) == 38
    assert sum(p.regencies for p in PROVINCES) == 416
    assert sum(p.cities for p in PROVINCES) == 98
    assert {p.code for p in PROVINCES} == PROVINCE_CODES
    assert [p.code for p in PROVINCES] == sorted(p.code for p in PROVINCES)


@pytest.mark.parametrize(
    ("code", "name", "iso"),
    [
        ("11", "Aceh", "ID-AC"),
        ("18", "Lampung", "ID-LA"),
        ("31", "Daerah Khusus Ibukota Jakarta", "ID-JK"),
        ("65", "Kalimantan Utara", "ID-KU"),
        ("91", "Papua", "ID-PA"),
        ("92", "Papua Barat", "ID-PB"),
        ("93", "Papua Selatan", "ID-PS"),
        ("94", "Papua Tengah", "ID-PT"),
        ("95", "Papua Pegunungan", "ID-PE"),  # iso-codes' "Pengunungan" typo not copied
        ("96", "Papua Barat Daya", "ID-PD"),
    ],
)
def test_province_lookup(code, name, iso):
    found = province(code)
    assert found is not None
    assert (found.name, found.iso_3166_2) == (name, iso)


def test_province_extras():
    assert province("99") is None
    assert province("91").bps_code == "94"  # the trap: BPS 94 is Kemendagri Papua 91
    assert province("94").bps_code is None
    assert province("93").formed_by.instrument == "UU 14/2022"
    assert province("65").formed_by.instrument == "UU 20/2012"
    assert "Daerah Khusus Jakarta" in province("31").aliases
    assert DECREE.instrument == "Kepmendagri 300.2.2-2430/2025"
    assert CODE_RULES.instrument == "Permendagri 58/2021"


# --- §5.5 Lampung ------------------------------------------------------------------------

LAMPUNG = {
    "18.01": "Kabupaten Lampung Selatan",
    "18.02": "Kabupaten Lampung Tengah",
    "18.03": "Kabupaten Lampung Utara",
    "18.04": "Kabupaten Lampung Barat",
    "18.05": "Kabupaten Tulang Bawang",
    "18.06": "Kabupaten Tanggamus",
    "18.07": "Kabupaten Lampung Timur",
    "18.08": "Kabupaten Way Kanan",
    "18.09": "Kabupaten Pesawaran",
    "18.10": "Kabupaten Pringsewu",
    "18.11": "Kabupaten Mesuji",
    "18.12": "Kabupaten Tulang Bawang Barat",
    "18.13": "Kabupaten Pesisir Barat",
    "18.71": "Kota Bandar Lampung",
    "18.72": "Kota Metro",
}


def test_lampung_worked_example():
    table = default_region_table()
    children = table.children("18")
    assert {str(r.code): r.name for r in children} == LAMPUNG
    assert sum(1 for r in children if r.code.is_city) == province("18").cities
    assert sum(1 for r in children if not r.code.is_city) == province("18").regencies
    assert table.status("18.14") is RegionStatus.UNKNOWN
    assert table.status("18.73") is RegionStatus.UNKNOWN


def test_shipped_regency_counts_match_the_decree_everywhere():
    table = default_region_table()
    for code in PROVINCE_CODES:
        children = table.children(code)
        p = province(code)
        assert len(children) == p.regencies + p.cities, code


def test_jakarta_kemendagri_order_not_bps():
    assert lookup("31.71").name.endswith("Jakarta Pusat")
    assert lookup("31.74").name.endswith("Jakarta Selatan")


# --- §5.2 retired codes --------------------------------------------------------------------


def test_papua_split_retired_twenty_six_codes():
    retired = [
        r
        for r in default_region_table().retired()
        if r.code.province_code in {"91", "92"} and r.level is RegionLevel.REGENCY
    ]
    assert len(retired) == 26
    for region in retired:
        successor = lookup(region.successor)
        assert successor is not None
        assert successor.status is RegionStatus.CURRENT
        assert successor.name == region.name
        assert region.confidence is Confidence.HIGH
        assert region.retired_by.instrument in {
            "UU 14/2022",
            "UU 15/2022",
            "UU 16/2022",
            "UU 29/2022",
        }


def test_merauke_and_sorong():
    merauke = lookup("91.01")
    assert merauke.status is RegionStatus.RETIRED
    assert str(merauke.successor) == "93.01"
    assert merauke.confidence is Confidence.HIGH
    assert str(lookup("92.01").successor) == "96.01"
    assert lookup("92.01").retired_by.note == "Pembentukan Provinsi Papua Barat Daya"


def test_kaltara_retired_codes_are_low_confidence():
    for code in ("64.04", "64.05", "64.06", "64.10", "64.73"):
        region = lookup(code)
        assert region.status is RegionStatus.RETIRED
        assert region.confidence is Confidence.LOW
        assert region.successor.province_code == "65"
        assert lookup(region.successor).name == region.name


# Issue 14: the seed table had the BPS names (6501 Malinau, 6502 Bulungan, 6503 Tana
# Tidung, 6504 Nunukan; BPS spells 9101 "Fakfak") on Kemendagri codes, and 91.25/91.26
# swapped. Kemendagri per cahyadsn/wilayah (2025 and every archive since 2016) and
# kodewilayah/permendagri-72-2019 (the 2019 decree) agree on the names below.
@pytest.mark.parametrize(
    ("code", "name", "successor"),
    [
        ("65.01", "Kabupaten Bulungan", None),
        ("65.02", "Kabupaten Malinau", None),
        ("65.03", "Kabupaten Nunukan", None),
        ("65.04", "Kabupaten Tana Tidung", None),
        ("64.04", "Kabupaten Bulungan", "65.01"),
        ("64.05", "Kabupaten Nunukan", "65.03"),
        ("64.06", "Kabupaten Malinau", "65.02"),
        ("64.10", "Kabupaten Tana Tidung", "65.04"),
        ("91.25", "Kabupaten Puncak", "94.05"),
        ("91.26", "Kabupaten Dogiyai", "94.06"),
        ("92.03", "Kabupaten Fak Fak", None),
    ],
)
def test_issue_14_swapped_names_fixed(code, name, successor):
    region = lookup(code)
    assert region.name == name
    assert (str(region.successor) if region.successor else None) == successor


# --- RegionCode -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical", "level"),
    [
        ("18", "18", RegionLevel.PROVINCE),
        ("18.71", "18.71", RegionLevel.REGENCY),
        ("1871", "18.71", RegionLevel.REGENCY),
        (" 18.71.01 ", "18.71.01", RegionLevel.DISTRICT),
        ("187101", "18.71.01", RegionLevel.DISTRICT),
        ("18.71.01.1001", "18.71.01.1001", RegionLevel.VILLAGE),
        ("1871012001", "18.71.01.2001", RegionLevel.VILLAGE),
        ("91.03.01.3001", "91.03.01.3001", RegionLevel.VILLAGE),
    ],
)
def test_region_code_valid(raw, canonical, level):
    code = RegionCode.parse(raw)
    assert str(code) == canonical
    assert code.level is level
    assert RegionCode(canonical) == code


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("99", "region.province_unknown"),
        ("18.00", "region.regency_range"),
        ("18.70", "region.regency_range"),
        ("18.71.00", "region.district_zero"),
        ("18.71.01.0001", "region.village_kind"),
        ("18.71.01.4001", "region.village_kind"),
        ("18.7", "region.syntax"),
        ("187", "region.syntax"),
        ("18-71", "region.syntax"),
        ("1871010", "region.syntax"),
        (1871, "region.type"),
    ],
)
def test_region_code_invalid(raw, error):
    with pytest.raises(ValidationError) as info:
        RegionCode.parse(raw)
    assert info.value.codes == (error,)


def test_region_code_parts():
    code = RegionCode.parse("18.71.01.1001")
    assert code.province_code == "18"
    assert code.regency_code == "18.71"
    assert code.district_code == "18.71.01"
    assert code.is_city is True
    assert code.compact == "1871011001"
    assert code.province.name == "Lampung"
    assert code.parent == RegionCode.parse("18.71.01")
    assert code.parent.parent.parent == RegionCode.parse("18")
    assert RegionCode.parse("18").parent is None
    assert RegionCode.parse("18").regency_code is None
    assert RegionCode.parse("18").district_code is None
    assert RegionCode.parse("18").is_city is None
    assert RegionCode.parse("18.01").is_city is False
    assert repr(code) == "RegionCode('18.71.01.1001')"
    assert RegionLevel.DISTRICT.label == "Kecamatan"


def test_region_code_warnings():
    assert [w.code for w in RegionCode.parse("91.01").warnings] == ["region.historical_region_code"]
    assert [w.code for w in RegionCode.parse("91.01.02").warnings] == [
        "region.historical_region_code"  # once, not again for the district
    ]
    assert [w.code for w in RegionCode.parse("18.71.99").warnings] == ["region.region_unknown"]
    assert RegionCode.parse("18.71.01").warnings == ()
    assert RegionCode.parse("91.01") == RegionCode.parse("9101")  # warnings are not identity


@pytest.mark.parametrize("raw", ["18.99", "33.99", "65.05", "64.12.01"])
def test_region_code_unknown_regency_is_an_error(raw):
    with pytest.raises(ValidationError) as info:
        RegionCode.parse(raw)
    assert info.value.codes == ("region.region_unknown",)


def test_region_code_strict_makes_unknown_district_an_error():
    assert RegionCode.parse("18.71.20", strict=True).warnings == ()
    with pytest.raises(ValidationError) as info:
        RegionCode.parse("18.71.21", strict=True)
    assert info.value.codes == ("region.region_unknown",)
    assert [w.code for w in RegionCode.parse("18.71.21").warnings] == ["region.region_unknown"]


def test_region_status_labels():
    assert RegionStatus.RETIRED.label.startswith("tidak berlaku")
    assert {s.value for s in RegionStatus} == {
        "berlaku",
        "tidak_berlaku",
        "tidak_dikenal",
        "tidak_tercakup",
    }


# --- tables from CSV ------------------------------------------------------------------------


def test_from_csv_makes_checks_strict(tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text(
        "code,name\n33.01,Kabupaten Cilacap\n3302,Kabupaten Banyumas\n33.01.01,Dayeuhluhur\n",
        encoding="utf-8",
    )
    table = RegionTable.from_csv(path)
    assert table.strict
    assert table.status("33.02") is RegionStatus.CURRENT
    assert table.status("33.03") is RegionStatus.UNKNOWN
    assert table.status("33.01.02") is RegionStatus.UNKNOWN
    assert table.status("33.02.01") is RegionStatus.NOT_COVERED
    assert table.status("91.01") is RegionStatus.RETIRED  # shipped retired codes merged
    assert RegionCode.parse("33.01.01", regions=table).warnings == ()
    with pytest.raises(ValidationError) as info:
        RegionCode.parse("33.03", regions=table)
    assert info.value.codes == ("region.region_unknown",)
    assert "33.01" in table
    assert "33.99" not in table
    assert 3301 not in table
    assert table.get("33.01").name == "Kabupaten Cilacap"
    assert "strict=True" in repr(table)
    assert len(table) == 38 + 3 + len(default_region_table().retired())
    assert table.status("91.01.02") is RegionStatus.RETIRED  # retired districts too


def test_from_csv_without_shipped_retired(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("code,name\n91.03,Kabupaten Jayapura\n")
    table = RegionTable.from_csv(path, with_shipped_retired=False, strict=False)
    assert table.status("91.01") is RegionStatus.UNKNOWN
    assert not table.strict


def test_from_csv_all_columns_and_bom(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text(
        "\ufeffcode,name,status,successor,retired_by,confidence\n"
        "91.01,Kabupaten Merauke,tidak_berlaku,93.01,UU 14/2022,H\n"
        "93.01,Kabupaten Merauke,berlaku,,,M\n"
        "99.99.99,X,berlaku,,Keputusan lain,L\n".replace("99.99.99", "93.01.01"),
        encoding="utf-8",
    )
    table = RegionTable.from_csv(path, with_shipped_retired=False)
    merauke = table.get("91.01")
    assert merauke.retired_by.note == "Pembentukan Provinsi Papua Selatan"
    assert table.get("93.01").confidence is Confidence.MEDIUM
    assert table.get("93.01.01").retired_by.instrument == "Keputusan lain"
    assert table.get("93.01.01").level is RegionLevel.DISTRICT


def test_from_csv_reports_every_bad_row(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "code,name,status,successor,confidence\n"
        "18.71,Kota Bandar Lampung,berlaku,,H\n"
        "18.70,Nowhere,berlaku,,H\n"
        "18.72,,dihapus,18.00,X\n"
    )
    with pytest.raises(ValidationError) as info:
        RegionTable.from_csv(path)
    assert set(zip(info.value.paths, info.value.codes, strict=True)) == {
        ("$[1].code", "region.regency_range"),
        ("$[2].name", "region.name"),
        ("$[2].status", "region.status"),
        ("$[2].successor", "region.regency_range"),
        ("$[2].confidence", "region.confidence"),
    }


def test_merged_tables():
    extra = RegionTable(
        [Region(code=RegionCode.parse("33.01"), name="Kabupaten Cilacap")], source="extra"
    )
    merged = default_region_table().merged(extra)
    assert merged.status("33.01") is RegionStatus.CURRENT
    assert merged.status("18.71") is RegionStatus.CURRENT
    assert not merged.strict
    assert merged.merged(extra, strict=True).strict


def test_children_with_retired_and_iteration():
    table = default_region_table()
    assert len(table.children("91")) == 9
    assert len(table.children("91", retired=True)) == 29
    assert table.children("18.71.01.1001") == ()
    assert [r.code.code for r in table][:3] == ["11", "11.01", "11.01.01"]
    assert lookup("18.71", regions=table).name == "Kota Bandar Lampung"
    assert lookup("33.01").name == "Kabupaten Cilacap"
    assert lookup("33.99") is None


def test_provinces_are_always_covered():
    table = RegionTable([], source="empty")
    assert table.covers("33")
    assert table.status("33") is RegionStatus.CURRENT
    assert not table.covers("33.01")
    assert table.status("33.01") is RegionStatus.NOT_COVERED
