"""Batch screening of BPUM proposals (R-BPUM-3), its summary and the CSV row format."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import given, st
from koperasi_id import bpum
from koperasi_id._values import mask
from koperasi_id.bpum import (
    DUPLICATE_CODE,
    PROPOSAL_COLUMNS,
    REQUIRED_COLUMNS,
    OtherBankCreditRule,
    Proposal,
    ScreeningOutcome,
    ScreeningResult,
    ScreeningSummary,
    amount,
    assess,
    proposal_from_row,
    proposal_to_row,
    screen,
    screen_numbered,
    screen_rows,
    screen_structured,
)
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json
from test_bpum_proposal import proposal_wires  # the local proposal strategy

NIKS = ["1871010101900001", "1871014101900002", "1871011507850003", "1871015203880004"]
KK = "1871010101100001"


def wire(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "nik": NIKS[0],
        "kk": KK,
        "name": "Siti Aminah",
        "ktp_address": "Jl. Kartini No. 5",
        "line_of_business": "warung makan",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


O = ScreeningOutcome  # noqa: E741 - short alias keeps outcome lists readable


# --- screen ----------------------------------------------------------------------


def test_worked_batch() -> None:
    records: list[object] = [
        wire(),
        wire(nik=NIKS[1], has_kur=True),
        wire(nik=NIKS[2], kk=None),
        wire(),  # same NIK as the first: duplicate
        wire(nik="123"),
        from_dict(Proposal, wire(nik=NIKS[3], has_other_bank_credit=True)),
        "not a record",
    ]
    results = list(screen(records, year=2021))
    assert [r.outcome for r in results] == [
        O.ELIGIBLE,
        O.INELIGIBLE,
        O.INVALID,
        O.DUPLICATE,
        O.INVALID,
        O.ELIGIBLE,
        O.INVALID,
    ]
    assert [r.index for r in results] == list(range(7))
    assert results[0].amount == Decimal("1200000")
    assert results[1].failed_codes == ("bpum.has_kur",)
    assert results[1].messages == ("Pemohon sedang menerima KUR.",)
    assert results[1].amount == 0
    assert [(p.path, p.code) for p in results[2].problems] == [("$.kk", "bpum.kk_required")]
    assert results[2].nik == "187101******0003"
    assert results[3].duplicate_of == 0
    assert results[3].failed_codes == (DUPLICATE_CODE,)
    assert "ke-0" in results[3].messages[0]
    assert results[4].failed_codes == ("nik.length",)
    assert results[4].nik is None
    assert results[4].messages == ("Data tidak valid pada nik: NIK tidak valid [nik.length].",)
    assert results[6].failed_codes == ("type.object",)
    assert results[6].messages == ("Data tidak valid pada baris: jenis data salah [type.object].",)


def test_invalid_messages_fall_back_to_a_generic_indonesian_text() -> None:
    errors = [ValidationError.single("vendor.odd", "odd", message_id="aneh", path="$.x"), wire()]
    results = list(screen_structured(errors, year=2021))
    assert results[0].messages == ("Data tidak valid pada x: tidak valid [vendor.odd].",)
    assert results[1].outcome is O.INVALID  # the engine does not structure raw dicts
    assert "use screen()" in results[1].problems[0].message


def test_same_file_in_2020_uses_2020_rules() -> None:
    records = [wire(kk=None), wire(nik=NIKS[1], has_other_bank_credit=True)]
    results = list(screen(records, year=2020))
    assert [r.outcome for r in results] == [O.ELIGIBLE, O.INELIGIBLE]
    assert results[0].amount == Decimal("2400000")
    assert results[1].failed_codes == ("bpum.other_bank_credit",)


def test_credit_rule_is_passed_through() -> None:
    record = [wire(has_other_bank_credit=True)]
    assert next(screen(record, year=2021)).outcome is O.ELIGIBLE
    strict = OtherBankCreditRule.ANY_BANK_CREDIT_EXCLUDES
    assert next(screen(record, year=2021, other_bank_credit_rule=strict)).outcome is O.INELIGIBLE


def test_invalid_first_record_does_not_make_the_next_a_duplicate() -> None:
    results = list(screen([wire(kk=None), wire(), wire()], year=2021))
    assert [r.outcome for r in results] == [O.INVALID, O.ELIGIBLE, O.DUPLICATE]
    assert results[2].duplicate_of == 1


def test_ineligible_first_proposal_still_makes_later_ones_duplicates() -> None:
    results = list(screen([wire(has_kur=True), wire()], year=2021))
    assert [r.outcome for r in results] == [O.INELIGIBLE, O.DUPLICATE]


def test_start_numbers_records() -> None:
    results = list(screen([wire(), wire()], year=2021, start=2))
    assert [r.index for r in results] == [2, 3]
    assert results[1].duplicate_of == 2


def test_unknown_year_raises_before_reading() -> None:
    def records() -> Iterator[dict[str, Any]]:
        raise AssertionError("must not be read")
        yield {}  # pragma: no cover

    with pytest.raises(NoRuleInForceError, match="2020, 2021") as caught:
        screen(records(), year=2022)
    assert caught.value.table == "bpum.programme"


def test_credit_rule_must_be_the_enum_and_is_checked_before_reading() -> None:
    def never() -> Iterator[object]:
        raise AssertionError("read")
        yield

    with pytest.raises(RuleInputError, match="OtherBankCreditRule"):
        screen(never(), year=2021, other_bank_credit_rule="semua_kredit_bank")  # type: ignore[arg-type]


def test_lenient_ignores_unknown_keys() -> None:
    record = [wire(warna="biru")]
    assert next(screen(record, year=2021)).failed_codes == ("unknown_field",)
    assert next(screen(record, year=2021, lenient=True)).outcome is O.ELIGIBLE


def test_screen_is_lazy_and_streams_an_endless_source() -> None:
    pulled = 0

    def endless() -> Iterator[dict[str, Any]]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield wire(nik=NIKS[i % len(NIKS)])

    results = screen(endless(), year=2021)
    first = list(itertools.islice(results, 10))
    assert pulled == 10
    assert [r.outcome for r in first] == [O.ELIGIBLE] * 4 + [O.DUPLICATE] * 6


def test_messages_never_show_a_full_nik() -> None:
    records = [wire(), wire(), wire(nik=NIKS[1], occupation="polri"), wire(nik=NIKS[2], kk=None)]
    for r in screen(records, year=2021):
        text = to_json(r)
        assert all(nik not in text for nik in NIKS)


# --- property tests -------------------------------------------------------------


def _record() -> st.SearchStrategy[object]:
    valid = st.builds(
        wire,
        nik=st.sampled_from(NIKS),
        kk=st.sampled_from([KK, None]),
        occupation=st.sampled_from(["pedagang", "asn", "petani"]),
        has_kur=st.booleans(),
        has_other_bank_credit=st.booleans(),
    )
    junk = st.one_of(
        st.builds(wire, nik=st.sampled_from(["", "123", "18710101019000x1"])),
        st.builds(wire, phone=st.just("12")),
        st.none(),
        st.integers(),
        st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    )
    return st.one_of(valid, valid, junk)


@given(st.lists(_record(), max_size=30), st.sampled_from([2020, 2021]), st.integers(0, 5))
def test_one_result_per_input_in_order(records: list[object], year: int, start: int) -> None:
    results = list(screen(records, year=year, start=start))
    assert len(results) == len(records)
    assert [r.index for r in results] == list(range(start, start + len(records)))


@given(st.lists(_record(), max_size=30), st.sampled_from([2020, 2021]))
def test_duplicates_are_valid_inputs_minus_distinct_niks(records: list[object], year: int) -> None:
    results = list(screen(records, year=year))
    valid_niks = [
        str(Nik.parse(rec["nik"]))  # type: ignore[index]
        for rec, r in zip(records, results, strict=True)
        if r.outcome is not O.INVALID
    ]
    duplicates = sum(r.outcome is O.DUPLICATE for r in results)
    assert duplicates == len(valid_niks) - len(set(valid_niks))
    for r in results:
        if r.outcome is O.DUPLICATE:
            assert r.duplicate_of is not None
            assert r.duplicate_of < r.index
            assert results[r.duplicate_of].nik == r.nik
        assert (r.amount > 0) == (r.outcome is O.ELIGIBLE)
        assert (not r.failed_codes) == (r.outcome is O.ELIGIBLE)


@given(
    st.lists(_record(), max_size=20),
    st.sampled_from([2020, 2021]),
    st.sampled_from(OtherBankCreditRule),
)
def test_screening_agrees_with_assess(
    records: list[object], year: int, rule: OtherBankCreditRule
) -> None:
    for record, result in zip(
        records, screen(records, year=year, other_bank_credit_rule=rule), strict=True
    ):
        if result.outcome in (O.ELIGIBLE, O.INELIGIBLE):
            decision = assess(from_dict(Proposal, record), year=year, other_bank_credit_rule=rule)
            assert result.failed_codes == decision.failed_codes
            assert result.messages == tuple(f.message_id for f in decision.failures)
            assert result.amount == decision.amount
        elif result.outcome is O.INVALID and isinstance(record, dict):
            assert not _valid_for(record, year)


def _valid_for(record: dict[str, Any], year: int) -> bool:
    try:
        proposal = from_dict(Proposal, record)
    except ValidationError:
        return False
    return assess(proposal, year=year).valid


@given(st.lists(_record(), max_size=30), st.sampled_from([2020, 2021]))
def test_summary_adds_up(records: list[object], year: int) -> None:
    summary = ScreeningSummary(year=year)
    results = list(summary.track(screen(records, year=year)))
    assert summary.total == len(results) == sum(summary.by_outcome.values())
    assert summary.eligible_amount == amount(year) * summary.eligible
    assert summary.duplicates == sum(r.outcome is O.DUPLICATE for r in results)
    assert summary.eligible + summary.ineligible + summary.invalid + summary.duplicates == len(
        results
    )
    assert sum(summary.by_reason.values()) == sum(len(r.failed_codes) for r in results)
    assert from_dict(ScreeningSummary, to_dict(summary)) == summary
    assert from_json(ScreeningSummary, to_json(summary)) == summary
    for r in results:
        assert from_dict(ScreeningResult, to_dict(r)) == r
    half = len(records) // 2
    first, second = ScreeningSummary(year=year), ScreeningSummary(year=year)
    for r in screen(records[:half], year=year):
        first.add(r)
    for r in screen(records[half:], year=year):
        second.add(r)
    merged = first.merged(second)
    assert merged.total == summary.total
    assert merged.by_outcome[O.INVALID.value] == summary.invalid


# --- summary ------------------------------------------------------------------


def test_summary_wire_format() -> None:
    summary = ScreeningSummary(year=2021)
    for r in screen([wire(), wire(), wire(nik=NIKS[1], occupation="asn", has_kur=True)], year=2021):
        summary.add(r)
    assert to_dict(summary) == {
        "year": 2021,
        "total": 3,
        "by_outcome": {"layak": 1, "tidak_layak": 1, "tidak_valid": 0, "ganda": 1},
        "by_reason": {
            "bpum.duplicate_nik": 1,
            "bpum.occupation_excluded": 1,
            "bpum.has_kur": 1,
        },
        "eligible_amount": "1200000",
    }


def test_merging_other_years_is_refused() -> None:
    with pytest.raises(RuleInputError, match="2020"):
        ScreeningSummary(year=2021).merged(ScreeningSummary(year=2020))


def test_outcome_labels() -> None:
    assert {o.label for o in O} == {"Layak", "Tidak layak", "Data tidak valid", "NIK ganda"}


# --- rows ---------------------------------------------------------------------


def row(**over: str | None) -> dict[str, Any]:
    base: dict[str, Any] = {
        "nik": NIKS[0],
        "kk": KK,
        "nama": "Siti Aminah",
        "alamat_ktp": "Jl. Kartini No. 5",
        "alamat_usaha": "",
        "ada_sku": "",
        "bidang_usaha": "warung makan",
        "kbli": "",
        "telepon": "0812-3456-7890",
        "pekerjaan": "pedagang",
        "punya_kur": "tidak",
        "punya_kredit_bank_lain": "tidak",
        "tahun_bpum_sebelumnya": "",
        "jenis_pengusul": "dinas_kabupaten_kota",
        "wilayah_pengusul": "18.71",
        "wni": "",
    }
    base.update(over)
    return base


def test_columns_are_documented_names() -> None:
    assert PROPOSAL_COLUMNS[:4] == ("nik", "kk", "nama", "alamat_ktp")
    assert len(PROPOSAL_COLUMNS) == 16
    assert set(PROPOSAL_COLUMNS) > REQUIRED_COLUMNS
    assert "kk" not in REQUIRED_COLUMNS
    assert set(row()) == set(PROPOSAL_COLUMNS)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("ya", True), ("YA", True), ("True", True), (" true ", True), ("tidak", False),
     ("Tidak", False), ("FALSE", False), ("false", False)],
)  # fmt: skip
def test_boolean_cells(cell: str, value: bool) -> None:
    assert proposal_from_row(row(punya_kur=cell))["has_kur"] is value


@pytest.mark.parametrize("cell", ["y", "t", "1", "0", "yes", "no", "benar", "-"])
def test_junk_boolean_cells(cell: str) -> None:
    with pytest.raises(ValidationError) as info:
        proposal_from_row(row(punya_kur=cell))
    assert info.value.paths == ("$.punya_kur",)
    assert info.value.codes == ("row.bool",)


def test_empty_required_boolean_is_a_problem_optional_is_default() -> None:
    with pytest.raises(ValidationError) as info:
        proposal_from_row(row(punya_kur=""))
    assert info.value.codes == ("row.bool",)
    assert "has_sku" not in proposal_from_row(row(ada_sku=""))


@pytest.mark.parametrize(
    ("cell", "years"),
    [("", None), ("2020", [2020]), ("2020|2021", [2020, 2021]), (" 2020 | 2021 ", [2020, 2021])],
)
def test_year_cells(cell: str, years: list[int] | None) -> None:
    got = proposal_from_row(row(tahun_bpum_sebelumnya=cell)).get("previous_bpum_years")
    assert got == years


@pytest.mark.parametrize("cell", ["2020|", "20x0", "2020,2021", "20201", "２０２０", "|"])
def test_junk_year_cells(cell: str) -> None:
    with pytest.raises(ValidationError) as info:
        proposal_from_row(row(tahun_bpum_sebelumnya=cell))
    assert info.value.codes == ("row.years",)
    assert info.value.paths == ("$.tahun_bpum_sebelumnya",)


def test_unknown_missing_and_extra_columns() -> None:
    bad = row(warna="biru")
    del bad["telepon"]
    del bad["nama"]
    bad[None] = ["extra", "cells"]  # what csv.DictReader does with a long row
    with pytest.raises(ValidationError) as info:
        proposal_from_row(bad)
    assert set(zip(info.value.paths, info.value.codes, strict=True)) == {
        ("$", "row.extra_cells"),
        ("$.warna", "row.unknown_column"),
        ("$.nama", "row.missing_column"),
        ("$.telepon", "row.missing_column"),
    }


def test_column_names_are_forgiving_about_case_and_bom() -> None:
    data = {("\ufeffNIK" if k == "nik" else f" {k.upper()} "): v for k, v in row().items()}
    assert proposal_from_row(data)["nik"] == NIKS[0]


def test_short_row_and_non_text_cells() -> None:
    assert "kk" not in proposal_from_row(row(kk=None))
    with pytest.raises(ValidationError) as info:
        proposal_from_row({**row(), "nama": 5})
    assert info.value.codes == ("type.str",)


def test_optional_columns_may_be_absent() -> None:
    minimal = {k: v for k, v in row().items() if k in REQUIRED_COLUMNS}
    p = from_dict(Proposal, proposal_from_row(minimal))
    assert p.kk is None
    assert p.citizen


def test_row_values_go_to_the_right_fields() -> None:
    data = proposal_from_row(
        row(alamat_usaha="Pasar Bambu Kuning", ada_sku="ya", kbli="56102", wni="tidak")
    )
    p = from_dict(Proposal, data)
    assert p.business_address == "Pasar Bambu Kuning"
    assert p.has_sku
    assert not p.citizen
    assert str(p.proposer.region) == "18.71"
    assert proposal_to_row(p)["kbli"] == "56102"


_CELL = st.text(alphabet=st.sampled_from("abcXYZ019 .|-"), max_size=12)


@given(
    st.dictionaries(st.sampled_from(PROPOSAL_COLUMNS), _CELL, max_size=16),
    st.dictionaries(st.text(max_size=8), _CELL, max_size=3),
)
def test_junk_rows_become_invalid_results_not_crashes(
    known: dict[str, str], unknown: dict[str, str]
) -> None:
    rows = [{**unknown, **known}, row()]
    results = list(bpum.screen_rows(rows, year=2021, start=2))
    assert [r.index for r in results] == [2, 3]
    assert results[1].outcome in (O.ELIGIBLE, O.DUPLICATE)
    if results[0].outcome is O.INVALID:
        assert results[0].problems
        allowed = {"$", *(f"$.{c}" for c in PROPOSAL_COLUMNS)}
        # A column name is input: paths show it through the masking function.
        allowed |= {"$." + mask(k.strip().lstrip("\ufeff").strip().lower()) for k in unknown}
        for p in results[0].problems:
            assert p.path in allowed


def test_screen_rows_reports_column_paths_once() -> None:
    rows = [
        row(wilayah_pengusul="18", telepon="12", punya_kur="mungkin"),
        row(tahun_bpum_sebelumnya="2020|2020"),
        row(warna="biru"),
        row(nik=NIKS[1], kk=""),
    ]
    results = list(screen_rows(rows, year=2021))
    assert [(p.path, p.code) for p in results[0].problems] == [
        ("$.punya_kur", "row.bool"),
        ("$.telepon", "phone.prefix"),
        ("$.wilayah_pengusul", "bpum.proposer_region"),
    ]
    assert [(p.path, p.code) for p in results[1].problems] == [
        ("$.tahun_bpum_sebelumnya", "bpum.year_repeated")
    ]
    assert results[2].failed_codes == ("row.unknown_column",)
    assert [(p.path, p.code) for p in results[3].problems] == [("$.kk", "bpum.kk_required")]
    lenient = list(screen_rows([row(warna="biru")], year=2021, lenient=True))
    assert lenient[0].outcome is O.ELIGIBLE


def test_screen_rows_from_a_csv_file() -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PROPOSAL_COLUMNS)
    writer.writeheader()
    writer.writerow(row())
    writer.writerow(row(nik=NIKS[1], punya_kredit_bank_lain="ya"))
    writer.writerow(row())
    buffer.seek(0)
    results = list(screen_rows(csv.DictReader(buffer), year=2020, start=2))
    assert [(r.index, r.outcome) for r in results] == [
        (2, O.ELIGIBLE),
        (3, O.INELIGIBLE),
        (4, O.DUPLICATE),
    ]


@given(st.data())
def test_row_round_trip(data: st.DataObject) -> None:
    p = from_dict(Proposal, data.draw(proposal_wires()))
    out = proposal_to_row(p)
    assert tuple(out) == PROPOSAL_COLUMNS
    assert from_dict(Proposal, proposal_from_row(out)) == p


@given(
    st.dictionaries(
        st.one_of(st.sampled_from(PROPOSAL_COLUMNS), st.text(max_size=6), st.none()),
        st.one_of(_CELL, st.none(), st.integers(), st.lists(st.text(max_size=3), max_size=2)),
        max_size=20,
    )
)
def test_proposal_from_row_returns_a_dict_or_a_validation_error(row_: dict[Any, Any]) -> None:
    problems: tuple[Any, ...] = ()
    data: dict[str, Any] | None = None
    try:
        data = proposal_from_row(row_)
    except ValidationError as err:
        problems = err.problems
    if data is None:
        assert problems
        assert all(p.path.startswith("$") for p in problems)
    else:
        assert {k.strip().lstrip("\ufeff").strip().lower() for k in row_} >= REQUIRED_COLUMNS


@given(
    st.lists(st.integers(min_value=1, max_value=10**16 - 1), max_size=3000),
    st.sampled_from([5, 2000, 1 << 17]),
)
def test_first_seen_index_behaves_like_a_dict(keys: list[int], limit: int) -> None:
    from koperasi_id.bpum._screening import _FirstSeen  # noqa: PLC0415 - private helper

    compact, reference = _FirstSeen(limit=limit), {}
    try:
        for number, key in enumerate(keys * 2):  # every key twice: the second is a repeat
            assert compact.setdefault(key, number) == reference.setdefault(key, number)
    finally:
        compact.close()


def test_first_seen_index_survives_clustered_keys() -> None:
    from koperasi_id.bpum._screening import _FirstSeen  # noqa: PLC0415 - private helper

    # Synthetic NIKs that all end in serial 0001: only the higher digits differ.
    keys = [1871010101000001 + 10_000 * i for i in range(5000)]
    index = _FirstSeen()
    assert [index.setdefault(k, n) for n, k in enumerate(keys)] == list(range(5000))
    assert [index.setdefault(k, -1) for k in keys] == list(range(5000))


def test_screen_numbered_uses_the_callers_numbers() -> None:
    from koperasi_id.bpum import screen_numbered  # noqa: PLC0415

    first = from_dict(Proposal, wire())
    results = list(screen_numbered([(12, first), (40, first)], year=2021))
    assert [r.index for r in results] == [12, 40]
    assert results[1].duplicate_of == 12
    assert "data ke-12" in results[1].messages[0]


def test_spilling_the_nik_index_to_disk_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    import pathlib  # noqa: PLC0415

    import koperasi_id.bpum._screening as screening  # noqa: PLC0415

    sample = pathlib.Path(__file__).parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"
    with sample.open(encoding="utf-8", newline="") as handle:
        rows = list(itertools.islice(csv.DictReader(handle), 3000))
    in_memory = list(screen_rows(rows, year=2021))
    monkeypatch.setattr(screening, "IN_MEMORY_NIKS", 10)
    spilled = list(screen_rows(rows, year=2021))
    assert spilled == in_memory
    assert sum(r.outcome is ScreeningOutcome.DUPLICATE for r in spilled) > 10


def test_read_problems_have_indonesian_reasons() -> None:
    from koperasi_id.errors import Problem  # noqa: PLC0415

    codes = [
        "encoding",
        "csv",
        "csv.quote",
        "json",
        "json.depth",
        "row.extra_cells",
        "cell.too_long",
        "line.too_long",
    ]
    errors = [
        (n, ValidationError([Problem(code=c, message="x", message_id="x-id")]))
        for n, c in enumerate(codes)
    ]
    for result in screen_numbered(errors, year=2021):
        assert ": tidak valid [" not in result.messages[0], result.messages[0]


def test_english_reasons_pair_the_indonesian_ones() -> None:
    """``messages_en``: one English reason per Indonesian one, from the same finding or problem."""
    sample = Path(__file__).parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"
    with sample.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:2_000]
    results = list(bpum.screen_rows(rows, year=2021, start=2))
    kinds = set()
    for row, result in zip(rows, results, strict=True):
        assert len(result.messages_en) == len(result.messages)
        kinds.add(result.outcome.value)
        if result.outcome.value == "tidak_valid":
            assert all(m.startswith("Invalid data at ") for m in result.messages_en)
            assert [m.rsplit("[", 1)[1] for m in result.messages_en] == [
                f"{p.code}]." for p in result.problems
            ]
        elif result.outcome.value == "ganda":
            assert f"in record {result.duplicate_of} " in result.messages_en[0]
        elif result.outcome.value == "tidak_layak":
            decision = bpum.assess(bpum.structure_row(row), year=2021)
            failed = {f.code: f.message_en for f in decision.findings if not f.passed}
            assert list(result.messages_en) == [failed[c] for c in result.failed_codes]
        else:
            assert result.messages_en == ()
    assert kinds == {"layak", "tidak_layak", "tidak_valid", "ganda"}
