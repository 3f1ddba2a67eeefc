"""Nomor Induk Koperasi (§4.1) and Nomor Badan Hukum (§4.2). All numbers are SYNTHETIC."""

from __future__ import annotations

from datetime import date

import pytest

from _hypothesis_optional import assume, given, settings, st
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import BadanHukumForm, NomorBadanHukum, NomorIndukKoperasi
from koperasi_id.identifiers._cooperative import _MAX_TEXT
from koperasi_id.regions import RegionTable


def codes(cls, raw, **options):
    with pytest.raises(ValidationError) as info:
        cls.parse(raw, **options)
    return info.value.codes


# --- Nomor Induk Koperasi ------------------------------------------------------------


def test_nik_koperasi_examples():
    strict = NomorIndukKoperasi.parse("1871050020001234")
    assert str(strict) == strict.display() == "1871050020001234"
    assert strict.regency_code == "18.71"
    assert strict.warnings == ()
    assert codes(NomorIndukKoperasi, "187105002000123") == ("nik_koperasi.length",)
    assert NomorIndukKoperasi.parse("187105002000123", lenient=True).digits == "187105002000123"
    # Decision: N1 applies, so the dotted example passes strict once stripped.
    assert str(NomorIndukKoperasi.parse("18.7105.002.0001234")) == "1871050020001234"


def test_nik_koperasi_separators_stripped():
    assert str(NomorIndukKoperasi.parse("18.7105.0020.001234")) == "1871050020001234"


@pytest.mark.parametrize(("length", "ok"), [(9, False), (10, True), (20, True), (21, False)])
def test_nik_koperasi_lenient_range_edges(length, ok):
    raw = "1871" + "1" * (length - 4)
    assert NomorIndukKoperasi.is_valid(raw) is (length == 16)
    assert NomorIndukKoperasi.is_valid(raw) is (length == 16)
    if ok:
        assert NomorIndukKoperasi.parse(raw, lenient=True).digits == raw
    else:
        assert codes(NomorIndukKoperasi, raw, lenient=True) == ("nik_koperasi.length",)


@pytest.mark.parametrize(
    ("raw", "warning"),
    [
        ("3374000000001234", None),  # Kota Semarang: province not covered by the shipped table
        ("9901000000001234", "nik_koperasi.region_unknown"),  # province 99
        ("1870000000001234", "nik_koperasi.region_unknown"),  # regency 70
        ("1899000000001234", "nik_koperasi.region_unknown"),  # not a Lampung regency
        ("9101000000001234", "nik_koperasi.historical_region_code"),  # Merauke before 2022
    ],
)
def test_nik_koperasi_region_prefix_is_only_a_warning(raw, warning):
    value = NomorIndukKoperasi.parse(raw)
    assert [w.code for w in value.warnings] == ([warning] if warning else [])


def test_nik_koperasi_with_caller_table(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("code,name\n33.74,Kota Semarang\n")
    table = RegionTable.from_csv(path)
    assert NomorIndukKoperasi.parse("3374000000001234", regions=table).warnings == ()
    assert [
        w.code for w in NomorIndukKoperasi.parse("3375000000001234", regions=table).warnings
    ] == ["nik_koperasi.region_unknown"]


def test_nik_koperasi_constructor_and_repr():
    value = NomorIndukKoperasi("1871050020001234")
    assert repr(value) == "NomorIndukKoperasi('1871050020001234')"


# --- Nomor Badan Hukum: AHU ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical", "year"),
    [
        ("AHU-0001234.AH.01.26.TAHUN 2021", "AHU-0001234.AH.01.26.TAHUN 2021", 2021),
        ("AHU-0012345.AH.01.26.Tahun 2024", "AHU-0012345.AH.01.26.TAHUN 2024", 2024),
        ("ahu-0000007.ah.01.26.tahun-2020", "AHU-0000007.AH.01.26.TAHUN 2020", 2020),
        ("  AHU-0007557.AH.01.26.Tahun   2020 ", "AHU-0007557.AH.01.26.TAHUN 2020", 2020),
        ("AHU-0000001.AH.01.26.TAHUN 2019", "AHU-0000001.AH.01.26.TAHUN 2019", 2019),
    ],
)
def test_ahu_valid(raw, canonical, year):
    value = NomorBadanHukum.parse(raw)
    assert str(value) == canonical
    assert value.form is BadanHukumForm.AHU
    assert value.year == year
    assert value.raw == raw
    assert value.segment == "01.26"
    assert NomorBadanHukum.parse(str(value)) == value


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("AHU-0001234.AH.01.26.TAHUN 2015", "nomor_badan_hukum.year_before_ahu"),
        ("AHU-0001234.AH.01.26.TAHUN 2018", "nomor_badan_hukum.year_before_ahu"),
        ("AHU0001234.AH.01.26.TAHUN 2021", "nomor_badan_hukum.ahu_format"),
        ("AHU-001234.AH.01.26.TAHUN 2021", "nomor_badan_hukum.ahu_format"),
        ("AHU-0001234.AH.01.26.TAHUN2021", "nomor_badan_hukum.ahu_format"),
        ("AHU-0001234.AH.01.01.TAHUN 2021", "nomor_badan_hukum.ahu_segment"),
        ("0001234/AH.01.26/2021", "nomor_badan_hukum.format"),
    ],
)
def test_ahu_invalid_strict(raw, code):
    assert codes(NomorBadanHukum, raw) == (code,)


def test_ahu_lenient():
    short = NomorBadanHukum.parse("AHU-1234.AH.01.26.TAHUN2021", lenient=True)
    assert str(short) == "AHU-1234.AH.01.26.TAHUN 2021"
    assert short.sequence == "1234"
    early = NomorBadanHukum.parse("AHU-0001234.AH.01.01.TAHUN 2015", lenient=True)
    assert [w.code for w in early.warnings] == [
        "nomor_badan_hukum.ahu_segment",
        "nomor_badan_hukum.year_before_ahu",
    ]
    assert codes(NomorBadanHukum, "AHU-123.AH.01.26.TAHUN 2021", lenient=True) == (
        "nomor_badan_hukum.ahu_format",
    )


def test_ahu_reference_year():
    raw = "AHU-0001234.AH.01.26.TAHUN 2027"
    assert NomorBadanHukum.is_valid(raw)  # no reference, no upper bound
    assert codes(NomorBadanHukum, raw, reference=date(2026, 11, 27)) == (
        "nomor_badan_hukum.year_future",
    )
    assert NomorBadanHukum.parse(raw, reference=date(2027, 1, 1)).year == 2027


def test_ahu_segments_parameter():
    value = NomorBadanHukum.parse(
        "AHU-0001234.AH.01.27.TAHUN 2021", ahu_segments=("01.26", "01.27")
    )
    assert value.segment == "01.27"


# --- Nomor Badan Hukum: legacy -----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        ("123/BH/XVII/1996", 1996),
        ("No. 1234/BH/XIV/1998", 1998),
        ("518/BH/KWK.11/III/1997", 1997),
        ("12/bh/pad/1945", 1945),
        ("99/BH/XII/2019", 2019),
    ],
)
def test_legacy_valid(raw, year):
    value = NomorBadanHukum.parse(raw)
    assert value.form is BadanHukumForm.LEGACY
    assert value.year == year
    assert value.sequence is None
    assert value.segment is None
    assert str(value) == raw
    assert NomorBadanHukum(raw) == value


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("123/BH/XVII/1944", "nomor_badan_hukum.legacy_year"),
        ("123/BH/XVII/2020", "nomor_badan_hukum.legacy_year"),
        ("123/BH/XVII", "nomor_badan_hukum.legacy_format"),
        ("/BH/1996", "nomor_badan_hukum.legacy_format"),
        ("123/BH/ XVII/1996", "nomor_badan_hukum.legacy_format"),
        ("   ", "nomor_badan_hukum.empty"),
        ("x" * 121, "nomor_badan_hukum.length"),
        (b"AHU", "nomor_badan_hukum.type"),
    ],
)
def test_legacy_invalid(raw, code):
    assert codes(NomorBadanHukum, raw) == (code,)


def test_form_labels_and_whitespace():
    assert BadanHukumForm.AHU.label == "Nomor AHU"
    assert "BH" in BadanHukumForm.LEGACY.label
    value = NomorBadanHukum.parse("No.\u00a01234/BH/XIV/1998")
    assert str(value) == "No. 1234/BH/XIV/1998"
    assert repr(value) == "NomorBadanHukum('No. 1234/BH/XIV/1998')"


# The whitespace rule B1 as it was written before the shortcut for text with no run to fold.
def _folded_before(raw: str) -> str:
    import re  # noqa: PLC0415 - only this reference needs it

    return re.sub(r"\s+", " ", raw.replace("\u00a0", " ")).strip()


_B1_PIECES = ["12", "/BH/", "X", "/", "2010", "AHU-0001234.AH.01.26.TAHUN", "2021", "ahu", ".", "-"]
_B1_SPACES = [
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u3000",
    "\u2007",
    "\u2028",
    "\x1c",
    "\x85",
    "\u200b",
]


def _b1_outcome(text: str) -> object:
    try:
        return NomorBadanHukum.parse(text).text
    except ValidationError as err:
        return [(p.code, p.message) for p in err.problems]


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(_B1_PIECES + _B1_SPACES) | st.text(max_size=3), max_size=8))
def test_whitespace_folding_is_b1_as_before(parts: list[str]) -> None:
    raw = "".join(parts)
    assume(len(raw) <= _MAX_TEXT)  # a longer text is refused before any folding, as before
    # The same number, or the same problems, as the text folded the old way.
    assert _b1_outcome(raw) == _b1_outcome(_folded_before(raw))
