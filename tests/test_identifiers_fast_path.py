"""The identifiers' quick paths (plain ASCII digits) give the full check's verdict.

A NIK, KK number or phone number written as plain digits is checked with
set look-ups and no ``Problem``; the same digits with a separator inside go
through the full rules. Both must agree on every input: the same value, or
the same problems (codes, messages, paths).
"""

from __future__ import annotations

import random

import pytest

from koperasi_id.bpum import PhoneNumber
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Nik, NomorKk
from koperasi_id.identifiers import _nik as nik_module
from koperasi_id.regions import RegionTable, _table, default_region_table

Outcome = tuple[str, tuple[Problem, ...]] | tuple[Problem, ...]


def _outcome(parse: object, raw: str) -> Outcome:
    try:
        value = parse(raw)  # type: ignore[operator]
    except ValidationError as err:
        return tuple(err.problems)
    return (str(value), tuple(getattr(value, "warnings", ())))


def _spaced(raw: str) -> str:
    # The same digits, but not plain: the full rules run (a space is a separator).
    return f"{raw[:4]} {raw[4:]}"


def _agree(parse: object, raw: str) -> None:
    assert _outcome(parse, raw) == _outcome(parse, _spaced(raw)), raw


def test_every_province_and_regency_part() -> None:
    for pk in range(10_000):
        _agree(Nik.parse, f"{pk:04d}010101900001")
        _agree(NomorKk.parse, f"{pk:04d}010101900001")


def test_every_day_and_month_in_leap_and_common_years() -> None:
    for ddmm in range(10_000):
        for yy in ("00", "01", "04", "96", "99"):
            _agree(Nik.parse, f"187101{ddmm:04d}{yy}0001")


def test_district_and_serial_parts() -> None:
    for cc in ("00", "01", "99", "17"):
        for serial in ("0000", "0001", "9999"):
            _agree(Nik.parse, f"1871{cc}010190{serial}")
            _agree(NomorKk.parse, f"1871{cc}010110{serial}")


def test_region_warnings_and_errors_are_the_same_every_time() -> None:
    # Retired (Merauke before 2022), unknown district, unknown regency: asked
    # twice, so the second answer comes from the table's memory.
    for raw in ("9101021708750001", "1871991708750001", "1899011708750001"):
        first = _outcome(Nik.parse, raw)
        assert first == _outcome(Nik.parse, raw) == _outcome(Nik.parse, _spaced(raw))
    retired = Nik.parse("9101021708750001")
    assert [p.code for p in retired.warnings] == ["nik.historical_region_code"]
    assert Nik.parse("1871010101900001").warnings == ()


def test_the_quick_path_honours_the_table_and_its_strictness() -> None:
    raw = "1871991708750001"  # district 18.71.99 does not exist
    with pytest.raises(ValidationError) as err:
        Nik.parse(raw, strict_region=True)
    assert [p.code for p in err.value.problems] == ["nik.region_unknown"]
    table = RegionTable([], source="empty", strict=True)  # covers no regency: nothing unknown
    assert Nik.parse(raw, regions=table).warnings == ()
    assert Nik.parse(raw).warnings[0].code == "nik.region_unknown"


def test_a_bounded_memory_forgets_and_still_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_table, "FOUND_MEMO_SIZE", 3)
    table = RegionTable(list(default_region_table()), source="copy", strict_regencies=True)
    codes = ["187101", "187102", "187103", "187104", "187199", "187101"]
    for code in codes * 2:
        raw = f"{code}1708750001"
        assert _outcome(lambda r: Nik.parse(r, regions=table), raw) == _outcome(
            lambda r: Nik.parse(r, regions=table), _spaced(raw)
        )
    assert len(table._quiet) <= 3
    assert len(table._found_memo) <= 3


def test_junk_never_takes_the_quick_path() -> None:
    arabic_indic = "".join(chr(0x0660 + int(d)) for d in "1871010101900001")

    class Text(str):
        pass

    for raw, code in (
        (arabic_indic, "nik.characters"),
        ("187101010190001", "nik.length"),
        ("18710101019000011", "nik.length"),
        ("", "nik.empty"),
    ):
        assert not nik_module._plain_nik(raw)
        with pytest.raises(ValidationError) as caught:
            Nik.parse(raw)
        assert caught.value.codes == (code,)
    assert not nik_module._plain_nik("1871010101900001\n")  # a separator: the full rules
    assert str(Nik.parse("1871010101900001\n")) == "1871010101900001"
    assert not nik_module._plain_nik(Text("1871010101900001"))
    assert str(Nik.parse(Text("1871010101900001"))) == "1871010101900001"
    with pytest.raises(ValidationError) as err:
        NomorKk.parse(arabic_indic)
    assert err.value.problems[0].code.startswith("kk.")


def test_a_subclass_keeps_its_class() -> None:
    class MyNik(Nik):
        pass

    class MyKk(NomorKk):
        pass

    assert type(MyNik.parse("1871010101900001")) is MyNik
    assert type(MyKk.parse("1871010101100001")) is MyKk


def test_phone_numbers_of_plain_digits() -> None:
    rng = random.Random(18)
    raws = ["", "0", "08", "62", "0062"]
    for _ in range(4_000):
        length = rng.randrange(1, 16)
        head = rng.choice(["0", "08", "62", "0062", "8", "1", "9", "021", "00"])
        raws.append((head + "".join(rng.choice("0123456789") for _ in range(length)))[:30])
    for raw in raws:
        if raw:
            _agree(PhoneNumber.parse, raw)
    assert str(PhoneNumber.parse("081234567890")) == "+6281234567890"
    with pytest.raises(ValidationError) as err:
        PhoneNumber.parse("")
    assert err.value.problems[0].code == "phone.empty"
