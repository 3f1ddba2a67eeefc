"""Junk fed to every ``is_valid`` and ``parse``: never raises anything but
ValidationError, and ``is_valid`` answers False (python-stdnum's robustness test)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import (
    Kbli,
    Nib,
    Nik,
    Nitku,
    NomorBadanHukum,
    NomorIndukKoperasi,
    NomorKk,
    Npwp,
)
from koperasi_id.regions import RegionCode

TYPES = [Nik, NomorKk, Npwp, Nitku, Nib, Kbli, NomorIndukKoperasi, NomorBadanHukum, RegionCode]

JUNK = [
    None,
    "",
    " ",
    "\u00a0",
    "...---",
    "😀",
    "1871😀010101900001",
    "1" * 10_000,
    "AHU-" + "0" * 10_000,
    "/BH/" * 2_500,
    "9" * 65,
    b"1871010101900001",
    bytearray(b"0012345674123000"),
    0,
    -1,
    1871010101900001,  # a valid NIK, but as an int
    12345674123000,
    True,
    1.0,
    float("nan"),
    1.8710101019e15,
    Decimal("1871010101900001"),
    [],
    ["1871010101900001"],
    ("1871010101900001",),
    {"nik": "1871010101900001"},
    object(),
    "１８７１０１０１０１９０００１",  # full-width digits
    "١٨٧١٠١٠١٠١٩٠٠٠٠١",  # Arabic-Indic digits
    "18\x0071010101900001",
    "18/71/01/01/01/90/0001",
]


def _junk_id(junk: object) -> str:
    # A bare object's repr carries its address, which differs between pytest-xdist
    # workers; every worker must collect the same test ids.
    return "object()" if type(junk) is object else repr(junk)[:30]


@pytest.mark.parametrize("cls", TYPES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("junk", JUNK, ids=_junk_id)
def test_junk_is_never_valid(cls, junk):
    assert cls.is_valid(junk) is False


@pytest.mark.parametrize("cls", TYPES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("junk", JUNK, ids=_junk_id)
def test_junk_parse_raises_only_validation_error_with_codes(cls, junk):
    with pytest.raises(ValidationError) as info:
        cls.parse(junk)
    assert all(code.count(".") >= 1 for code in info.value.codes)
    assert "1871010101900001" not in str(info.value)


@pytest.mark.parametrize("cls", TYPES, ids=lambda c: c.__name__)
def test_long_input_message_is_short(cls):
    with pytest.raises(ValidationError) as info:
        cls.parse("7" * 10_000)
    assert len(str(info.value)) < 300
    assert info.value.codes == (LONG_INPUT_CODES[cls.__name__],)


#: What each parser says of 10,000 digits (a region code is checked for its shape first).
LONG_INPUT_CODES = {
    "Nik": "nik.length",
    "NomorKk": "kk.length",
    "Npwp": "npwp.length",
    "Nitku": "nitku.length",
    "Nib": "nib.length",
    "Kbli": "kbli.length",
    "NomorIndukKoperasi": "nik_koperasi.length",
    "NomorBadanHukum": "nomor_badan_hukum.length",
    "RegionCode": "region.syntax",
}


# A NIK typed into the wrong field or column (synthetic numbers): no message may
# carry it, whatever the separators, while short junk is still shown.
NIK_IN_THE_WRONG_FIELD = [
    "1871010101900001",
    "1871010101900001x",
    "1871 0101 0190 0001 x",
    "18.7101.010190.0001-A",
    "AHU-1871010101900001",
    "AHU-0001234.AH.01.26.TAHUN 1871010101900001",
    "1871010101900001/BH/XVIII/2010 x",
    "64141 1871010101900001",
]


#: The bare 16 digits are a well-formed number of these types too (same length and shape).
ACCEPTS_THE_BARE_NIK = {Nik, NomorKk, Npwp, NomorIndukKoperasi}
#: The problem codes of each type start with this.
CODE_PREFIX = {
    Nik: "nik.",
    NomorKk: "kk.",
    Npwp: "npwp.",
    Nitku: "nitku.",
    Nib: "nib.",
    Kbli: "kbli.",
    NomorIndukKoperasi: "nik_koperasi.",
    NomorBadanHukum: "nomor_badan_hukum.",
    RegionCode: "region.",
}


@pytest.mark.parametrize("cls", TYPES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("raw", NIK_IN_THE_WRONG_FIELD)
def test_a_nik_in_the_wrong_field_is_never_echoed(cls, raw):
    if raw == NIK_IN_THE_WRONG_FIELD[0] and cls in ACCEPTS_THE_BARE_NIK:
        parsed = cls.parse(raw)
        # A NIK koperasi is not a person's number and shows whole; the others mask.
        assert (raw in repr(parsed)) is (cls is NomorIndukKoperasi)
        return
    with pytest.raises(ValidationError) as info:
        cls.parse(raw)
    assert info.value.codes[0].startswith(CODE_PREFIX[cls])
    err = info.value
    for text in [str(err), *map(str, err.args), *(p.message for p in err.problems)]:
        assert "1871010101900001" not in "".join(ch for ch in text if ch.isdigit())


@pytest.mark.parametrize(
    ("cls", "raw", "shown", "code"),
    [
        (RegionCode, "18.7x", "'18.7x'", "region.syntax"),
        (NomorBadanHukum, "12/XY/2001", "'12/XY/2001'", "nomor_badan_hukum.format"),
    ],
)
def test_short_junk_is_still_shown(cls, raw, shown, code):
    with pytest.raises(ValidationError, match=shown) as info:
        cls.parse(raw)
    assert info.value.codes == (code,)
