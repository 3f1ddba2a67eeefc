"""Personal data (UU 27/2022) and errors that survive the trip (issue 13, classes 3 and 5).

The one masking function, :func:`koperasi_id._values.mask`, against every
separator the identifier parsers accept and every Unicode digit family; then
one regression test per *kind of site* that used to echo input (unknown keys
and columns, header warnings, yes/no cells, year-end values, range messages);
then pickling of every public exception, discovered, not listed.
"""

from __future__ import annotations

import csv
import pickle
import re
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from _robustness import (
    KK,
    NIKS,
    assert_masked,
    digit_zeros,
    in_family,
    leaked,
    nik_texts,
    public_errors,
    separators,
)
from koperasi_id import bpum, cooperatives, kur, rows
from koperasi_id._io import InputError, open_records
from koperasi_id._values import SEPARATOR_CHARS, SEPARATORS, has_long_digit_run, mask
from koperasi_id.errors import (
    KoperasiIdError,
    NoRuleInForceError,
    Problem,
    RuleInputError,
    TransitionError,
    ValidationError,
)
from koperasi_id.identifiers import Nik, mask_nik
from koperasi_id.serialization import from_dict

NIK = NIKS[0]

# --- mask() --------------------------------------------------------------------


def test_mask_keeps_region_and_serial_and_drops_separators() -> None:
    assert mask(f"NIK {NIK}.") == "NIK 187101******0001."
    assert mask("1871 0101 0190 0001") == "187101******0001"
    assert mask(int(NIK)) == "187101******0001"


def test_mask_leaves_short_runs_dates_and_words_alone() -> None:
    text = "tenor 60 bulan, 2024-05-01, Rp50.000.000, 12-31, kode 18.71.01.2001"
    assert mask(text) == text  # 11 digits or fewer in every run


@pytest.mark.parametrize("sep", separators(), ids=lambda s: f"U+{ord(s):04X}")
def test_mask_masks_a_nik_with_every_space_dash_format_and_control_character(sep: str) -> None:
    text = "got " + sep.join(NIK[i : i + 4] for i in range(0, 16, 4)) + " here"
    masked = mask(text)
    assert "187101" in masked
    assert "0001" in masked
    assert "*" in masked
    assert not leaked(masked)


@pytest.mark.parametrize("zero", digit_zeros(), ids=lambda z: unicodedata.name(z, f"{ord(z):x}"))
def test_mask_masks_a_nik_in_every_unicode_digit_family(zero: str) -> None:
    masked = mask(f"x {in_family(KK, zero)} y")
    assert "*" * 6 in masked
    assert not leaked(masked)


def test_every_separator_the_parsers_accept_is_masked() -> None:
    # The parsers' class is SEPARATORS; the mask is built from the same constant.
    accepted = [chr(cp) for cp in range(0x3000 + 1) if SEPARATORS.fullmatch(chr(cp))]
    assert "\t" in accepted
    assert "\u2013" in accepted
    assert "\u00a0" in accepted
    for sep in accepted:
        nik = sep.join(NIK[i : i + 4] for i in range(0, 16, 4))
        assert Nik.parse(nik).digits == NIK  # the parser takes it ...
        assert mask(nik) == "187101******0001"  # ... and the mask hides it
    assert "\\s" in SEPARATOR_CHARS


def test_mask_masks_before_cutting_so_no_fragment_stays_readable() -> None:
    text = "x" * 30 + NIK
    assert mask(text, limit=36) == "x" * 30 + "187101…"
    assert mask(text, limit=36, quote=True) == repr("x" * 30 + "187101") + "…"


def test_mask_shows_hostile_python_values_boundedly() -> None:
    deep: list[object] = []
    node = deep
    for _ in range(10_000):
        node.append([])
        node = node[0]  # type: ignore[assignment]
    assert len(mask(deep)) < 100  # bounded repr: no RecursionError
    assert "bits" in mask(10**5000)  # past the 4300-digit str() limit
    assert mask(Decimal("NaN" + NIK)) == "NaN187101******0001"  # a NaN payload is input too


def test_mask_is_linear_on_adversarial_text() -> None:
    # Alternating digits and separators with no 12-digit run: each start used to
    # rescan; the possessive pattern scans once. Output size proves the work done.
    text = "1 " * 11 + "x" + ("1" + "\u2013" * 1000) * 11 + "x"
    assert mask(text * 50) == text * 50
    assert mask("1-" * 50_000).count("*") == 50_000 - 10


def test_mask_is_idempotent() -> None:
    for text in nik_texts(every=False):
        once = mask(text)
        assert mask(once) == once


def test_has_long_digit_run_agrees_with_mask() -> None:
    for text in [*nik_texts(every=False), "12-31", "Rp1.000.000"]:
        assert has_long_digit_run(text) == (mask(text) != text)


def test_mask_nik_strips_the_parsers_separators() -> None:
    assert mask_nik("1871\u20130101\u20130190\u20130001") == "187101******0001"
    assert mask_nik("1871\t0101\t0190\t0001") == "187101******0001"


# --- every kind of site that echoed input --------------------------------------


@attrs.frozen(kw_only=True)
class _Small:
    name: str = "x"
    count: int = 0


@pytest.mark.parametrize("key", nik_texts(every=False))
def test_unknown_key_is_masked_in_path_and_message(key: str) -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Small, {key: 1})
    assert info.value.codes == ("unknown_field",)
    assert_masked(info.value.paths[0], "path")
    assert_masked(str(info.value), "message")
    assert info.value.paths[0].startswith("$.")
    assert "*" in info.value.paths[0]


def test_unknown_keys_of_mixed_types_are_all_reported() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Small, {int(NIK): 1, "b": 2})
    assert sorted(info.value.paths) == ["$.187101******0001", "$.b"]
    assert set(info.value.codes) == {"unknown_field"}


def test_a_nik_as_a_float_in_an_int_field_is_masked() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(_Small, {"count": float(NIK)})
    assert info.value.codes == ("type.int",)
    assert_masked(str(info.value), "message")


def test_unknown_column_of_a_flat_row_is_masked() -> None:
    with pytest.raises(ValidationError) as info:
        rows.structure(cooperatives.Cooperative, {f"rat_records[0].{NIK}": "1", NIK: "x"})
    assert "unknown_column" in info.value.codes
    for p in info.value.problems:
        assert_masked(p.path, "path")
        assert_masked(p.message, "message")


def test_a_huge_list_index_in_a_column_name_is_an_unknown_column() -> None:
    column = f"rat_records[{'9' * 5000}].fiscal_year"
    with pytest.raises(ValidationError) as info:
        rows.structure(cooperatives.Cooperative, {"name": "K", column: "2020"})
    assert "unknown_column" in info.value.codes


def test_unknown_bpum_column_and_yes_no_cell_are_masked() -> None:
    err = bpum.structure_row({f"\u2013{NIK}": "x", "punya_kur": f"ya {KK}"})
    assert isinstance(err, ValidationError)
    assert {"row.unknown_column", "row.bool"} <= set(err.codes)
    for p in err.problems:
        assert_masked(p.path, "path")
        assert_masked(p.message, "message")


def test_year_end_value_is_masked() -> None:
    with pytest.raises(ValidationError) as info:
        cooperatives.YearEnd.parse(f"{NIK[:8]}\t{NIK[8:]}")
    assert info.value.codes == ("year_end.syntax",)
    assert_masked(str(info.value), "message")


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: cooperatives.YearEnd.of(int(NIK), 1), "year_end.month"),
        (lambda: kur.schedule(Decimal(1000), Decimal(5), int(NIK)), "schedule.months_range"),
        (lambda: kur.schedule(Decimal(1000), Decimal(NIK), 12), "schedule.too_large"),
        (
            lambda: kur.rate(kur.Scheme.MICRO, as_of=date(2024, 1, 1), access=-int(NIK)),
            "kur.access",
        ),
    ],
    ids=["year_end_month", "kur_tenor", "kur_rate", "kur_access"],
)
def test_range_messages_mask_the_value(call: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        call()  # type: ignore[operator]
    assert info.value.codes == (code,)
    assert_masked(str(info.value), "message")


def test_kur_loan_fields_mask_the_value() -> None:
    base = {
        "kind": "kur",
        "scheme": "kur_mikro",
        "plafond": "10000000",
        "outstanding": "0",
        "tenor_months": 12,
        "started_on": "2024-01-01",
        "closed": False,
    }
    loan_fields = {f.name for f in attrs.fields(kur.ExistingCredit)}
    data = {k: v for k, v in base.items() if k in loan_fields}
    for field, value in (("outstanding", NIK), ("tenor_months", int(NIK))):
        if field not in loan_fields:
            continue
        with pytest.raises(ValidationError) as info:
            from_dict(kur.ExistingCredit, {**data, field: value, "closed": True})
        assert info.value.codes == ("number.too_large", "enum")
        assert_masked(str(info.value), "message")


def test_fiscal_year_range_message_is_masked() -> None:
    with pytest.raises(ValidationError) as info:
        cooperatives.RatRecord(fiscal_year=int(NIK), held_on=date(2021, 5, 8), reported=True)
    assert info.value.codes == ("cooperative.fiscal_year_range",)
    assert_masked(str(info.value), "message")


def test_rule_argument_messages_are_masked() -> None:
    with pytest.raises(RuleInputError) as info:
        bpum.programme(int(NIK))
    assert "budget year" in str(info.value)
    assert_masked(str(info.value), "message")


def test_single_column_header_warning_quotes_the_header_through_the_mask(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("nik|nama|alamat\nx|y|z\n", encoding="utf-8")
    with open_records(path) as reader:
        assert reader.warnings == [
            "the header has a single column ('nik|nama|alamat'); "
            "the delimiter must be ',', ';' or tab"
        ]


# (A tab would be taken for the file's delimiter and split the name into cells.)
@pytest.mark.parametrize("name", [t for t in nik_texts(every=False) if "\t" not in t])
def test_a_header_holding_a_nik_is_refused_without_echoing_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["name", name, "x|y"], ["K", "a", "b"]])
    with pytest.raises(InputError) as info:
        open_records(path)
    assert "header" in str(info.value)
    assert_masked(str(info.value), "error")


def test_no_f_string_in_src_echoes_a_raw_value_unmasked() -> None:
    # A guard for new code: a message interpolating a likely input variable
    # with !r (the old idiom) must go through mask() instead.
    src = Path(__file__).parents[1] / "src" / "koperasi_id"
    # (strategies/ generates test data from a programmer's arguments: not input)
    pattern = re.compile(
        r"\{(raw|value|text|column|key|rate|access|year|months|amount)(\[[^]]*\])?!r"
    )
    offenders = [
        f"{path.relative_to(src)}:{n}"
        for path in src.rglob("*.py")
        if path.parent.name != "strategies"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


# --- pickling every public exception ---------------------------------------------

_SAMPLES: dict[type[BaseException], list[BaseException]] = {
    ValidationError: [
        ValidationError.single(
            "nik.serial_zero", "serial is 0000", message_id="nomor urut 0000", path="$.nik"
        ),
        ValidationError(
            [
                Problem(code="a", message="x", message_id="x-id"),
                Problem(path="$.b", code="b", message="y", message_id="y-id"),
            ]
        ),
    ],
    NoRuleInForceError: [
        NoRuleInForceError(
            "kur.rate", date(2019, 1, 1), covered=((date(2020, 1, 1), None),), hint="pass rules="
        )
    ],
    TransitionError: [
        TransitionError("cannot apply cair to a ditolak proposal", allowed=("ajukan", "tolak")),
        TransitionError("cannot apply cair to a ditutup proposal"),
    ],
}


def _instances(cls: type[BaseException]) -> list[BaseException]:
    if cls in _SAMPLES:
        return _SAMPLES[cls]
    # Every other library error takes a message, like KoperasiIdError itself.
    return [cls("a message about 187101******0001")]


@pytest.mark.parametrize("cls", public_errors(), ids=lambda c: c.__qualname__)
def test_every_public_exception_round_trips_through_pickle(cls: type[BaseException]) -> None:
    assert issubclass(cls, KoperasiIdError)
    for err in _instances(cls):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err)
        assert str(back) == str(err)
        assert back.args == err.args
        assert vars(back) == vars(err)
        if isinstance(err, ValidationError):
            assert isinstance(back, ValidationError)
            assert back.problems == err.problems


def test_the_exception_walk_finds_the_known_errors() -> None:
    names = {c.__name__ for c in public_errors()}
    assert {"ValidationError", "TransitionError", "NoRuleInForceError", "InputError"} <= names


def test_a_pickled_transition_error_keeps_its_message() -> None:
    err = TransitionError("cannot apply cair", allowed=("ajukan",))
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == "cannot apply cair (allowed: ajukan)"
    assert back.allowed == ("ajukan",)


def test_mask_masks_strings_inside_containers_before_repr_escapes_them() -> None:
    shown = mask(["1871\t0101\t0190\t0001"])
    assert shown == "['187101******0001']"


def test_an_input_amount_shaped_like_a_nik_is_refused_without_echoing_it() -> None:
    # A NIK as rupiah (1.8 * 10**15) is above the number policy's ceiling of
    # 10**15, as it is in JSON, CSV and the CLI: refused, not put in a decision.
    with pytest.raises(ValidationError) as info:
        cooperatives.check_startup_capital(
            form=cooperatives.CooperativeForm.PRIMARY,
            membership_area=cooperatives.MembershipArea.WITHIN_REGENCY,
            capital=Decimal(NIK),
            as_of=date(2024, 6, 1),
        )
    assert [(p.path, p.code) for p in info.value.problems] == [("$.capital", "money.too_large")]
    assert_masked(str(info.value), "error")


def test_mask_leaves_decree_numbers_alone() -> None:
    # A library citation is no NIK, and the CLI masks whole messages that hold one.
    text = "region 18.99 is not in the region table (Kepmendagri 300.2.2-2430/2025)"
    assert mask(text) == text
