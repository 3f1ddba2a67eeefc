"""An outside audit of the lowest layer: identifiers, regions, masking, numbers.

One test (or one parametrised family) per defect class the audit found, each
failing before its fix: a district list read lazily while another thread asks
(strict checks passed an unknown district, and the table remembered it);
input reaching messages unmasked (a ``Decimal`` NaN's payload, a caller's
region table, the repr of bytes or of an object, a lone surrogate); amounts
Python cannot print or round; constructors and reference days that skipped
the checks; a region file that raised Python's own errors; over-long input
scanned before it was refused. All NIKs are synthetic.
"""

from __future__ import annotations

import collections
import csv
import re
import threading
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from _robustness import assert_masked
from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.regions import Region, RegionCode, RegionStatus, RegionTable
from koperasi_id.regions import _table as regions_table

NIK = "1871010101900001"  # synthetic

# --- the lazy district list and threads ------------------------------------------


def _table_with_pending_districts(during_load: Callable[[RegionTable], None]) -> RegionTable:
    """A strict-by-regency table like the shipped one: districts pending until first asked."""
    table = RegionTable(
        [Region(code=RegionCode.parse("18.71"), name="Kota Bandar Lampung")],
        source="test",
        strict_regencies=True,
    )

    def read_districts() -> list[list[str]]:
        during_load(table)
        return [["18.71.01", "Teluk Betung Barat"]]

    table._pending = read_districts
    return table


class _AskDuringLoad:
    """While the district list loads, ask ``question`` from another thread.

    Without the lock the other thread answers at once, from half a table; with
    it, the thread waits for the load (the join below times out) and answers
    after it. Either way ``finish`` waits for the answer.
    """

    def __init__(self, question: Callable[[], object]) -> None:
        self.question = question
        self.answers: list[object] = []
        self.thread: threading.Thread | None = None

    def __call__(self, _: RegionTable) -> None:
        self.thread = threading.Thread(target=self._ask)
        self.thread.start()
        self.thread.join(timeout=0.2)

    def _ask(self) -> None:
        try:
            self.answers.append(self.question())
        except ValidationError as err:
            self.answers.append(err.codes)

    def finish(self) -> list[object]:
        assert self.thread is not None
        self.thread.join()
        return self.answers


def test_a_district_asked_about_while_the_list_loads_waits_for_the_whole_list() -> None:
    during = _AskDuringLoad(lambda: table.status("18.71.02"))
    table = _table_with_pending_districts(during)
    assert table.status("18.71.01") is RegionStatus.CURRENT
    assert during.finish() == [RegionStatus.UNKNOWN]
    assert table.status("18.71.02") is RegionStatus.UNKNOWN


def test_strict_nik_check_during_the_load_refuses_an_unknown_district_and_forgets_nothing() -> None:
    unknown_district = "1871020101900001"  # synthetic; 18.71.02 is not in the table

    def strict() -> object:
        return Nik.parse(unknown_district, regions=table, strict_region=True)

    during = _AskDuringLoad(strict)
    table = _table_with_pending_districts(during)
    Nik.parse(NIK, regions=table)  # the first district question starts the load
    assert during.finish() == [("nik.region_unknown",)]
    with pytest.raises(ValidationError) as info:
        strict()
    assert info.value.codes == ("nik.region_unknown",)


def test_a_failed_district_read_is_tried_again_not_taken_for_an_empty_list() -> None:
    calls: list[int] = []

    def during_load(_: RegionTable) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("disk hiccup")

    table = _table_with_pending_districts(during_load)
    with pytest.raises(OSError, match="disk hiccup"):
        table.status("18.71.01")
    assert table.status("18.71.01") is RegionStatus.CURRENT
    assert table.status("18.71.02") is RegionStatus.UNKNOWN


# --- input that reached messages unmasked ----------------------------------------


def _all_text(err: BaseException) -> str:
    import traceback  # noqa: PLC0415 - only this helper needs it

    problems = getattr(err, "problems", ())
    parts = ["".join(traceback.format_exception(err)), repr(err)]
    parts += [f"{p.path} {p.message} {p.message_id}" for p in problems]
    return "\n".join(parts)


@pytest.mark.parametrize("payload", ["NaN", "-NaN", "sNaN", "-sNaN"])
@pytest.mark.parametrize(
    "call",
    [
        "money.parse_rupiah",
        "money.non_negative_rupiah",
        "numbers.check_decimal",
        "serialization.from_dict",
    ],
)
def test_the_digits_a_nan_carries_are_masked(payload: str, call: str) -> None:
    import attrs  # noqa: PLC0415

    from koperasi_id import money  # noqa: PLC0415
    from koperasi_id._numbers import check_decimal  # noqa: PLC0415
    from koperasi_id.serialization import from_dict  # noqa: PLC0415

    @attrs.frozen
    class Saving:
        amount: Decimal = attrs.field(validator=money.non_negative_rupiah)

    value = Decimal(payload + NIK)
    calls: dict[str, Callable[[], object]] = {
        "money.parse_rupiah": lambda: money.parse_rupiah(value),
        "money.non_negative_rupiah": lambda: Saving(amount=value),
        "numbers.check_decimal": lambda: check_decimal(value, places=4, code="number"),
        "serialization.from_dict": lambda: from_dict(Saving, {"amount": value}),
    }
    with pytest.raises(ValidationError) as info:
        calls[call]()
    assert info.value.codes[0].endswith(("not_finite", "type.decimal"))
    assert_masked(_all_text(info.value), call)


def test_a_callers_region_table_reaches_messages_masked(tmp_path: Path) -> None:
    # The file name and the region names are the caller's input, like a cell.
    folder = tmp_path / f"wilayah {NIK}"
    folder.mkdir()
    path = folder / "wilayah.csv"
    path.write_text(
        "code,name,status,successor\n"
        f"18.71,Kota {NIK},tidak_berlaku,18.72\n"
        "18.72,Kota Baru,,\n18.72.01,Teluk,,\n",
        encoding="utf-8",
    )
    table = RegionTable.from_csv(path)
    assert_masked(repr(table), "repr")
    retired = Nik.parse("1871010101900001", regions=table)  # synthetic, retired 18.71
    assert [p.code for p in retired.warnings] == ["nik.historical_region_code"]
    assert_masked(" ".join(p.message + p.message_id for p in retired.warnings), "warning")
    with pytest.raises(ValidationError) as info:
        Nik.parse("1872020101900001", regions=table)  # synthetic; 18.72.02 unknown
    assert info.value.codes == ("nik.region_unknown",)
    assert_masked(_all_text(info.value), "error")
    with pytest.raises(ValidationError) as info:
        RegionCode.parse("18.72.02", regions=table)
    assert info.value.codes == ("region.region_unknown",)
    assert_masked(_all_text(info.value), "error")


# --- amounts too large to print ----------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [
        Decimal("1E+999999999"),  # quantize() needed a billion digits: InvalidOperation
        Decimal("-1E+999999999999999999"),  # past decimal.MAX_PREC: ValueError
        Decimal("9" * 4301),
        Decimal("1E+4300"),
    ],
    ids=["1E+999999999", "-1E+MAX_EMAX", "4301-nines", "1E+4300"],
)
@pytest.mark.parametrize("call", ["format_rupiah", "round_rupiah"])
def test_an_amount_past_what_can_be_printed_is_refused_with_the_librarys_error(
    amount: Decimal, call: str
) -> None:
    from koperasi_id import money  # noqa: PLC0415

    with pytest.raises(ValidationError) as info:
        getattr(money, call)(amount)
    assert info.value.codes == ("money.too_large",)


def test_the_largest_printable_amount_prints_and_rounds_exactly() -> None:
    from koperasi_id.money import MAX_PRINTED_DIGITS, format_rupiah, round_rupiah  # noqa: PLC0415

    largest = Decimal("9" * MAX_PRINTED_DIGITS + ".5")
    assert round_rupiah(largest) == Decimal("1" + "0" * MAX_PRINTED_DIGITS)
    assert (
        format_rupiah(largest, places=1)
        == "Rp" + format(int("9" * MAX_PRINTED_DIGITS), ",").replace(",", ".") + ",5"
    )


# --- mask() on values that are not strings -------------------------------------------


@attrs.frozen
class _Holder:
    text: str


class _Text(str):
    """A str subclass: reprlib shows it with repr(), not as a string."""


def _nik_digits_shown(text: str) -> bool:
    # The mask shows 6 digits of a NIK together (its region), then stars: seven
    # of its digits in a row (star or digit only between them) show more.
    visible = re.sub(r"[^\d*]", "", text)
    return any(NIK[i : i + 7] in visible for i in range(len(NIK) - 6))


@pytest.mark.parametrize(
    "value",
    [
        b"1871\t0101\t0190\t0001",
        bytearray(b"1871\n0101\n0190\n0001"),
        [b"1871\r0101\r0190\r0001"],
        b"1871\xa00101\xa00190\xa00001",
        _Holder("1871\t0101\u200b0190\u00a00001"),
        collections.OrderedDict(nik="1871\t0101\t0190\t0001"),
        [_Text("1871\t0101\t0190\t0001")],
    ],
    ids=[
        "bytes-tab",
        "bytearray-newline",
        "bytes-in-list",
        "bytes-nbsp",
        "object",
        "ordered",
        "str-subclass",
    ],
)
def test_mask_sees_the_separators_a_repr_escapes(value: object) -> None:
    shown = mask(value)
    assert_masked(shown, "mask")
    assert not _nik_digits_shown(shown), shown


@pytest.mark.parametrize("pad", range(40))
@pytest.mark.parametrize("kind", ["object", "bytes"])
def test_mask_masks_an_object_before_reprlib_cuts_it(pad: int, kind: str) -> None:
    # reprlib keeps the two ends of a long repr: a NIK across the cut left its
    # first ten digits (region and birth date) on one side, too few to mask.
    text = "x" * pad + NIK + "y" * 70
    value = _Holder(text) if kind == "object" else text.encode()
    shown = mask(value)
    assert "..." in shown
    assert not _nik_digits_shown(shown), shown


def test_the_hex_digits_of_an_escape_are_not_digits_of_the_number() -> None:
    # "\x18" followed by "71...": the escape separates, its hex digits are no NIK digits.
    assert mask(_Holder("\x1871\xa00101\u200b0190\U000e00010001")) == (
        "_Holder(text='\\x18710101****0001')"
    )
    assert mask(_Holder("\x18710101")) == "_Holder(text='\\x18710101')"


# --- constructors validate like parse ------------------------------------------------


@pytest.mark.parametrize(
    ("national", "code"),
    [
        ("SECRET123", "phone.characters"),
        ("0812345678", "phone.national"),  # the trunk 0 belongs to the display form
        ("812-3456-7890", "phone.national"),  # separators belong to what people type
        ("12345678", "phone.prefix"),
        ("8123", "phone.length"),
        (81234567890, "phone.type"),
    ],
)
def test_a_phone_number_built_directly_is_checked_like_a_parsed_one(
    national: object, code: str
) -> None:
    from koperasi_id.bpum import PhoneNumber  # noqa: PLC0415

    with pytest.raises(ValidationError) as info:
        PhoneNumber(national)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


@pytest.mark.parametrize("text", ["0812-3456-7890", "(0721) 123456", "+62 21 5550 1234"])
def test_a_phone_number_built_from_its_national_digits_equals_the_parsed_one(text: str) -> None:
    from koperasi_id.bpum import PhoneNumber  # noqa: PLC0415

    parsed = PhoneNumber.parse(text)
    assert PhoneNumber(parsed.national) == parsed
    assert PhoneNumber.parse(str(parsed)) == parsed


# --- reference days ------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference",
    [datetime(2026, 1, 1, 12, 0), date(1, 1, 1), date(9999, 12, 31)],
    ids=["datetime", "date.min", "date.max"],
)
@pytest.mark.parametrize("call", ["Nik.parse", "Nik.birth_date", "NomorBadanHukum.parse"])
def test_a_reference_day_follows_the_day_policy(reference: date, call: str) -> None:
    # A datetime failed the comparison with a bare TypeError; every other day a
    # rule is asked about goes through the one check (koperasi_id._days).
    from koperasi_id.identifiers import NomorBadanHukum  # noqa: PLC0415

    calls: dict[str, Callable[[], object]] = {
        "Nik.parse": lambda: Nik.parse(NIK, reference=reference),
        "Nik.birth_date": lambda: Nik.parse(NIK).birth_date(reference=reference),
        "NomorBadanHukum.parse": lambda: NomorBadanHukum.parse(
            "AHU-0000007.AH.01.26.TAHUN 2020", reference=reference
        ),
    }
    with pytest.raises(RuleInputError, match="reference must be"):
        calls[call]()


def test_a_reference_day_at_the_policy_bounds_is_taken() -> None:
    nik = Nik.parse("1871010101000001")  # synthetic; 1 Jan 1900 or 2000
    assert nik.birth_date(reference=date(1900, 1, 1)) == date(1900, 1, 1)
    assert nik.birth_date(reference=date(9899, 12, 31)) == date(2000, 1, 1)
    assert Nik.parse("1871010101000001", reference=date(1900, 1, 1)).warnings == ()


# --- a caller's region file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"code,name\n18.71,Kota \xff\xfe\n", "region.encoding"),  # Latin-1, not UTF-8
        (b'code,name\n18.71,"' + b"x" * 200_000 + b'"\n', "region.csv"),  # past csv's cell limit
    ],
    ids=["not-utf8", "huge-cell"],
)
def test_a_region_file_that_cannot_be_read_is_a_validation_error(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "wilayah.csv"
    path.write_bytes(content)
    # csv's cell limit is process-wide, and the record reader raises it: the
    # default is restored here so the csv module's own refusal is what is tested.
    raised = csv.field_size_limit(131_072)
    try:
        with pytest.raises(ValidationError) as info:
            RegionTable.from_csv(path)
    finally:
        csv.field_size_limit(raised)
    assert info.value.codes == (code,)


@pytest.mark.parametrize("column", ["name", "retired_by"])
def test_a_region_cell_past_the_length_limit_is_refused_whatever_csv_allows(
    tmp_path: Path, column: str
) -> None:
    path = tmp_path / "wilayah.csv"
    limit = regions_table.MAX_CELL_LENGTH
    ok, long = "K" * limit, "K" * (limit + 1)
    path.write_text(f"code,name,retired_by\n18.71,{ok},{ok}\n", encoding="utf-8")
    shown = RegionTable.from_csv(path).get("18.71")
    assert shown is not None
    assert (shown.name, str(shown.retired_by)) == (ok, ok)
    cells = {"name": ok, "retired_by": ok} | {column: long}
    path.write_text(
        f"code,name,retired_by\n18.71,{cells['name']},{cells['retired_by']}\n", encoding="utf-8"
    )
    raised = csv.field_size_limit(10 * limit)
    try:
        with pytest.raises(ValidationError) as info:
            RegionTable.from_csv(path)
    finally:
        csv.field_size_limit(raised)
    assert [(p.path, p.code) for p in info.value.problems] == [
        (f"$[0].{column}", "region.too_long")
    ]


def test_region_rows_holding_no_text_are_problems_at_their_columns() -> None:
    rows = [
        {"code": 1871, "name": "Kota"},
        {"code": "18.71", "name": ["Kota"], "status": 1, "confidence": 2.0},
    ]
    with pytest.raises(ValidationError) as info:
        RegionTable.from_rows(rows)  # type: ignore[arg-type]
    found = [(p.path, p.code) for p in info.value.problems]
    assert ("$[0].code", "region.type") in found
    assert ("$[1].name", "region.type") in found
    assert ("$[1].status", "region.type") in found
    assert ("$[1].confidence", "region.type") in found
    assert len(found) == 4  # one problem per cell, none for the default a bad cell stands for


# --- over-long input is refused unread ---------------------------------------------------


def _must_not_run(*_: object, **__: object) -> None:
    raise AssertionError("over-long input was scanned")


@pytest.mark.parametrize(
    ("parse", "patched", "code"),
    [
        ("Nib", "koperasi_id.identifiers._common.has_long_digit_run", "nib.length"),
        (
            "NomorIndukKoperasi",
            "koperasi_id.identifiers._common.has_long_digit_run",
            "nik_koperasi.length",
        ),
        ("Kbli", "koperasi_id.identifiers._business.mask", "kbli.length"),
        ("RegionCode", "koperasi_id.regions._scheme.mask", "region.syntax"),
    ],
)
@pytest.mark.parametrize("unit", ["1", "1 ", "1@", "@1 ", "a"])
def test_over_long_input_is_refused_before_it_is_scanned(
    monkeypatch: pytest.MonkeyPatch, parse: str, patched: str, unit: str, code: str
) -> None:
    # Not a timing test: the outcome is that the scan (the mask's, or the NIK
    # test that decides whether to echo) never runs on text past the limit.
    import koperasi_id.identifiers as identifiers  # noqa: PLC0415
    from koperasi_id import regions  # noqa: PLC0415

    cls = getattr(identifiers, parse, None) or getattr(regions, parse)
    monkeypatch.setattr(patched, _must_not_run)
    with pytest.raises(ValidationError) as info:
        cls.parse(unit * 50_000)
    assert info.value.codes == (code,)


# --- lone surrogates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["\ud800", "x\udcff", "1871\udcff0101\udcff0190\udcff0001"],
    ids=["alone", "after-a-letter", "between-nik-digits"],
)
def test_an_unknown_key_holding_a_lone_surrogate_gives_a_printable_error(key: str) -> None:
    # A JSON "\ud800" or a file name os.fsdecode() could not decode: the path
    # (mask() without quotes) carried the surrogate, and printing it raised.
    from koperasi_id.serialization import from_dict  # noqa: PLC0415

    @attrs.frozen
    class Row:
        x: int = 0

    with pytest.raises(ValidationError) as info:
        from_dict(Row, {key: 1})
    assert info.value.codes == ("unknown_field",)
    text = _all_text(info.value)
    text.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
    assert_masked(text, "error")


def test_mask_shows_a_lone_surrogate_as_its_escape_and_joins_digits_across_one() -> None:
    assert mask("a\ud800b") == "a\\ud800b"
    assert mask("a\ud800b", quote=True) == "'a\\ud800b'"
    assert mask("1871\udcff0101\udcff0190\udcff0001") == "187101******0001"


# --- parts of a valid value ------------------------------------------------------------------


def test_the_nik_of_an_npwp_checked_against_a_callers_table_is_that_nik() -> None:
    # 18.16 is in the caller's table only: Npwp.nik parsed the digits again
    # against the shipped table and raised for a value that had been accepted.
    from koperasi_id.identifiers import Nitku, Npwp  # noqa: PLC0415

    table = RegionTable.from_rows(
        [{"code": "18.16", "name": "Kabupaten Baru"}, {"code": "18.16.01", "name": "Baru"}],
        strict=False,
    )
    npwp = Npwp.parse("1816010101900001", regions=table)  # synthetic
    assert npwp.nik == Nik.parse("1816010101900001", regions=table)
    assert Nitku.parse("1816010101900001000001", regions=table).npwp.nik == npwp.nik
    retired = Npwp.parse("9101021708750001")  # synthetic; Merauke before 2022
    assert retired.nik is not None
    assert [p.code for p in retired.nik.warnings] == ["nik.historical_region_code"]


def test_the_region_of_a_nik_accepted_against_a_callers_table_is_given_with_a_warning() -> None:
    # Nik.region parsed the district again against the shipped table, where
    # an unknown regency is an error: a property of a valid NIK raised.
    table = RegionTable.from_rows(
        [{"code": "18.16", "name": "Kabupaten Baru"}, {"code": "18.16.01", "name": "Baru"}],
        strict=False,
    )
    region = Nik.parse("1816010101900001", regions=table).region  # synthetic
    assert str(region) == "18.16.01"
    assert [p.code for p in region.warnings] == ["region.region_unknown"]
    assert Nik.parse(NIK).region == RegionCode.parse("18.71.01")
    assert Nik.parse(NIK).region.warnings == ()
    merauke = Nik.parse("9101021708750001").region  # synthetic; retired in 2022
    assert [p.code for p in merauke.warnings] == ["region.historical_region_code"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1871010101900001, "187101******0001"),
        (None, "None"),
        (b"1871\t0101\t0190\t0001", "b'187101******0001'"),
        (10**5000, "<a whole number of 16610 bits>"),
    ],
    ids=["int", "none", "bytes", "huge-int"],
)
def test_mask_nik_works_on_anything_as_documented(value: object, shown: str) -> None:
    # "Works on anything, valid or not": it raised TypeError on what is not a str.
    from koperasi_id.identifiers import mask_nik  # noqa: PLC0415

    assert mask_nik(value) == shown


def test_a_phone_number_in_a_str_subclass_is_text_like_every_identifier() -> None:
    # numpy.str_ (a pandas cell) is a str: every identifier took it, the
    # phone number refused it as "not a string, got str_".
    from koperasi_id.bpum import PhoneNumber  # noqa: PLC0415

    parsed = PhoneNumber.parse(_Text("0812-3456-7890"))
    assert parsed == PhoneNumber.parse("0812-3456-7890")
    assert type(parsed.national) is str
    assert type(Nik.parse(_Text(NIK)).digits) is str
