"""NPWP and NITKU rules P1-P6 (domain note §2). All numbers are SYNTHETIC."""

from __future__ import annotations

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik, Nitku, Npwp, NpwpKind, luhn_check_digit


def codes(cls, raw, **options):
    with pytest.raises(ValidationError) as info:
        cls.parse(raw, **options)
    return info.value.codes


# --- §2.3 examples ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "canonical", "kind"),
    [
        ("01.234.567.4-123.000", "0012345674123000", NpwpKind.LEGACY),
        ("02.765.432.6-456.000", "0027654326456000", NpwpKind.LEGACY),
        ("03.111.111.5-011.001", "0031111115011001", NpwpKind.LEGACY),  # branch 1
        ("0012345674123000", "0012345674123000", NpwpKind.LEGACY),
        ("1801041508850003", "1801041508850003", NpwpKind.NIK),
        ("991234568001000", "0991234568001000", NpwpKind.LEGACY),  # type 99: no whitelist
    ],
)
def test_valid_examples(raw, canonical, kind):
    npwp = Npwp.parse(raw)
    assert str(npwp) == canonical
    assert npwp.npwp_kind is kind
    assert npwp.warnings == ()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("01.234.567.5-123.000", "npwp.checksum"),  # P2
        ("0012345675123000", "npwp.checksum"),  # P3
        ("1801041508850000", "nik.serial_zero"),  # P4: NIK rules, serial 0000
        ("12345678901234", "npwp.length"),  # P1: 14 digits
        ("01.234.567.4-123.00A", "npwp.characters"),
    ],
)
def test_invalid_examples(raw, code):
    assert codes(Npwp, raw) == (code,)


def test_stdnum_examples():
    assert Npwp.is_valid("01.312.166.0-091.000")
    assert not Npwp.is_valid("01.451.869.7-054.000")


def test_luhn_worked_example():
    assert luhn_check_digit("01234567") == "4"
    assert luhn_check_digit("12345678") == "2"  # techscales blog example


def test_nik_npwp_is_never_luhn_checked():
    # The NIK's 9th digit is part of the birth date; a Luhn check would reject it.
    raw = "1871010101900001"
    assert luhn_check_digit(raw[:8]) != raw[8]
    assert Npwp.is_valid(raw)


def test_lenient_downgrades_checksum_only():
    npwp = Npwp.parse("01.234.567.5-123.000", lenient=True)
    assert [w.code for w in npwp.warnings] == ["npwp.checksum"]
    assert str(npwp) == "0012345675123000"
    assert codes(Npwp, "1801041508850000", lenient=True) == ("nik.serial_zero",)
    assert codes(Npwp, "12345678901234", lenient=True) == ("npwp.length",)


def test_legacy_parts_and_display():
    npwp = Npwp.parse("03.111.111.5-011.001")
    assert npwp.legacy_digits == "031111115011001"
    assert npwp.tax_office_code == "011"
    assert npwp.branch_code == "001"
    assert npwp.display() == "03.111.111.5-011.001"
    assert npwp.nik is None
    assert repr(npwp) == "Npwp('0031111115011001')"
    assert npwp.npwp_kind.label == "NPWP 15 digit (awalan 0)"


def test_nik_npwp_parts_and_masking():
    raw = "1801041508850003"
    npwp = Npwp.parse(raw)
    assert npwp.nik == Nik.parse(raw)
    assert npwp.legacy_digits is None
    assert npwp.tax_office_code is None
    assert npwp.branch_code is None
    assert npwp.display() == raw
    assert raw not in repr(npwp)
    assert npwp.npwp_kind.label == "NIK sebagai NPWP"


def test_fifteen_and_zero_sixteen_are_equal():
    assert Npwp.parse("012345674123000") == Npwp.parse("0012345674123000")
    assert Npwp("01.234.567.4-123.000") == Npwp.parse("0012345674123000")


def test_nik_npwp_historical_region_warning():
    npwp = Npwp.parse("9101021708750001")
    assert [w.code for w in npwp.warnings] == ["nik.historical_region_code"]


def test_error_messages_never_show_a_nik():
    raw = "18010415088500A3"
    with pytest.raises(ValidationError) as info:
        Npwp.parse(raw)
    assert info.value.codes == ("npwp.characters",)
    assert raw[:10] not in str(info.value)


# --- NITKU -------------------------------------------------------------------------


def test_nitku_examples():
    head = Nitku.parse("0012345674123000000000")
    branch = Nitku.parse("0012345674123000000001")
    assert head.is_head_office
    assert not branch.is_head_office
    assert branch.place_number == "000001"
    assert branch.npwp == Npwp.parse("01.234.567.4-123.000")
    assert str(branch) == "0012345674123000000001"
    assert repr(branch) == "Nitku('0012345674123000000001')"
    assert Nitku("0012345674123000000001") == branch


def test_nitku_invalid():
    assert codes(Nitku, "001234567412300000000") == ("nitku.length",)
    assert codes(Nitku, "0012345675123000000000") == ("npwp.checksum",)
    assert codes(Nitku, "1801041508850000000000") == ("nik.serial_zero",)


def test_nitku_lenient_and_nik_based():
    lenient = Nitku.parse("0012345675123000000000", lenient=True)
    assert [w.code for w in lenient.warnings] == ["npwp.checksum"]
    assert lenient.npwp.warnings == lenient.warnings
    nik_based = Nitku.parse("1801041508850003000002")
    assert "1801041508850003" not in repr(nik_based)
    assert repr(nik_based) == "Nitku('180104******0003000002')"
