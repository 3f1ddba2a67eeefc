"""NIB (§3) and KBLI (§7) rules. All NIBs are SYNTHETIC."""

from __future__ import annotations

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import (
    COOPERATIVE_FINANCE_KBLI,
    KBLI_2020_DIVISIONS,
    Kbli,
    KbliVersion,
    Nib,
)


def codes(cls, raw, **options):
    with pytest.raises(ValidationError) as info:
        cls.parse(raw, **options)
    return info.value.codes


# --- NIB ---------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["9120000000017", "0220000451127", "1203220000001"])
def test_nib_valid(raw):
    nib = Nib.parse(raw)
    assert str(nib) == nib.display() == raw
    assert Nib(raw) == nib


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("912000000001", "nib.length"),
        ("91200000000170", "nib.length"),
        ("91200000O0017", "nib.characters"),
        (220000451127, "nib.type"),  # an int has lost the leading zero
    ],
)
def test_nib_invalid(raw, code):
    assert codes(Nib, raw) == (code,)


def test_nib_keeps_leading_zero_and_strips_separators():
    assert str(Nib.parse("0220 0004 51127")) == "0220000451127"


# --- KBLI --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "section"),
    [("01111", "A"), ("47111", "G"), ("56102", "I"), ("64141", "K"), ("10792", "C")],
)
def test_kbli_valid_examples(raw, section):
    code = Kbli.parse(raw)
    assert code.section == section
    assert code.version is KbliVersion.KBLI_2020
    assert str(code) == raw


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("4711", "kbli.length"),  # K1
        ("92000", "kbli.division_unknown"),  # K2: division 92 absent
        ("00000", "kbli.division_unknown"),
        ("4711A", "kbli.characters"),
    ],
)
def test_kbli_invalid_examples(raw, code):
    assert codes(Kbli, raw) == (code,)


def test_kbli_pre_2020_code_needs_a_list():
    # 62010 passes K1/K2; only K3 with the caller's list catches it.
    assert Kbli.is_valid("62010")
    known = {"62011", "62019", "62090"}
    assert codes(Kbli, "62010", known_codes=known) == ("kbli.not_in_list",)
    assert Kbli.parse("62019", known_codes=known).code == "62019"


def test_kbli_section_table_edges():
    expected = {
        "01": "A", "03": "A", "05": "B", "09": "B", "10": "C", "33": "C", "35": "D",
        "36": "E", "39": "E", "41": "F", "43": "F", "45": "G", "47": "G", "49": "H",
        "53": "H", "55": "I", "56": "I", "58": "J", "63": "J", "64": "K", "66": "K",
        "68": "L", "69": "M", "75": "M", "77": "N", "82": "N", "84": "O", "85": "P",
        "86": "Q", "88": "Q", "90": "R", "91": "R", "93": "R", "94": "S", "96": "S",
        "97": "T", "98": "T", "99": "U",
    }  # fmt: skip
    for division, letter in expected.items():
        assert Kbli.parse(division + "000").section == letter
    for absent in ("00", "04", "34", "40", "44", "48", "54", "57", "67", "76", "83", "89", "92"):
        assert not Kbli.is_valid(absent + "000"), absent
    assert len(set(KBLI_2020_DIVISIONS.values())) == 21
    assert len(KBLI_2020_DIVISIONS) == 87  # the OSS list's 87 divisions


def test_kbli_section_check_k4():
    assert Kbli.parse("64141", section="k").section == "K"
    assert codes(Kbli, "64141", section="G") == ("kbli.section_mismatch",)


def test_kbli_parts_and_display():
    code = Kbli.parse("47111")
    assert (code.division, code.group, code.class_code) == ("47", "471", "4711")
    assert code.display() == "47111 (KBLI 2020, kategori G)"
    assert repr(code) == "Kbli('47111')"
    assert Kbli("47111") == code


def test_kbli_versions_are_not_interchangeable():
    old = Kbli.parse("62010", version=KbliVersion.KBLI_2015)
    assert old != Kbli.parse("62010")
    assert str(old) == "62010@kbli_2015"
    assert Kbli.parse(str(old)) == old
    assert old.section is None  # no 2015 division table shipped
    assert old.display() == "62010 (KBLI 2015)"
    assert Kbli.parse("92000", version=KbliVersion.KBLI_2025).code == "92000"
    assert Kbli("62010", KbliVersion.KBLI_2015) == old
    assert KbliVersion.KBLI_2020.citation.instrument == "Peraturan BPS 2/2020"


def test_kbli_version_suffix_errors():
    assert codes(Kbli, "47111@kbli_1999") == ("kbli.version",)
    assert codes(Kbli, "47111@kbli_2015", version=KbliVersion.KBLI_2020) == ("kbli.version",)
    assert Kbli.parse("47111@kbli_2015", version=KbliVersion.KBLI_2015).code == "47111"


def test_cooperative_finance_codes_are_valid_kbli():
    for code in COOPERATIVE_FINANCE_KBLI:
        assert Kbli.parse(code).section == "K"
