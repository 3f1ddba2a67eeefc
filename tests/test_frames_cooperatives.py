"""Columnar cooperative status gives, row for row, what the per-record path gives.

The oracle here is written from the public per-record API only
(``rows.structure``, ``activity_status``, ``RegistryCounter``): each row's
status, legal status, finding codes and Indonesian and English messages, and
the registry summary, must be equal. Inputs: the sample registry, junk in
every column, rows that break the invariants crossing cell groups, odd
headers, batches, ``rules=`` and ``deadline_rules=`` overrides on the day
before and the first day of their regimes. Property tests (Hypothesis
records) are in ``test_frames_cooperatives_properties.py``.
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

pl = pytest.importorskip("polars")

from koperasi_id import cooperatives, rows  # noqa: E402
from koperasi_id.cooperatives import (  # noqa: E402
    ACTIVITY_STATUS_RULES,
    RAT_DEADLINE,
    ActivityRule,
    Cooperative,
    RegistryCounter,
    activity_status,
)
from koperasi_id.errors import NoRuleInForceError, ValidationError  # noqa: E402
from koperasi_id.frames import (  # noqa: E402
    COOPERATIVE_STATUS_COLUMNS,
    CooperativeCounter,
    cooperative_status,
    summarize_registry,
)
from koperasi_id.law import Citation, Confidence, Regime  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402

SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "koperasi_lampung.csv"
AS_OF = date(2024, 6, 30)

#: Cells that have broken readers of dates, years, flags and codes before.
COOP_JUNK: tuple[str | None, ...] = (
    *JUNK,
    "2020-02-30",
    "2020-2-3",
    " 2020-01-01",
    "2020-01-01 ",
    "1899-12-31",
    "9900-01-01",
    "1900-01-01",
    "1899",
    "1900",
    "9999",
    "2020.0",
    "+2020",
    "02-29",
    "02-28",
    "--06-30",
    "06-31",
    "ya",
    "YES",
    "0",
    "dibubarkan",
    "18",
    "18.71.99",
    "91.01",
    "-1",
    "1" * 30,
    "1/BH/X/1999|1/BH/X/1999",
    "1/BH/X/1999|2/BH/X/1999",
)

_TWO_YEARS = Regime(
    name="hypothetical-2021",
    valid_from=date(2021, 1, 1),
    citation=Citation("Permenkop 99/2020", "Pasal 5"),
    confidence=Confidence.LOW,
    value=ActivityRule(window_years=2, unreported_counts_as_missed=False),
)
TWO_YEARS = ACTIVITY_STATUS_RULES.overridden(_TWO_YEARS)
THREE_MONTHS = RAT_DEADLINE.overridden(
    attrs.evolve(RAT_DEADLINE.regimes[0], name="ad-3-months", valid_from=date(2020, 1, 1), value=3)
)


def read_sample(limit: int | None = None) -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        found = list(csv.DictReader(f))
    return found[:limit] if limit else found


def frame_of(records: list[dict[str, Any]]) -> Any:
    columns = list(dict.fromkeys(c for r in records for c in r))
    return pl.DataFrame(
        {c: [r.get(c) for r in records] for c in columns},
        schema=dict.fromkeys(columns, pl.String),
    )


def per_record(frame: Any, *, as_of: date, start: int = 0, **options: Any) -> list[tuple[Any, ...]]:
    """The per-record path, row by row, from the public API."""
    lenient = options.pop("lenient", False)
    frame = frame.with_columns(pl.all().cast(pl.String))  # numbers read as the text of a file
    out: list[tuple[Any, ...]] = []
    for line, row in enumerate(frame.iter_rows(named=True), start):
        try:
            coop = rows.structure(Cooperative, row, lenient=lenient)
        except ValidationError as err:
            problems = err.problems
            out.append(
                (
                    line,
                    "tidak_valid",
                    None,
                    [p.code for p in problems],
                    [p.describe("id") for p in problems],
                    [p.describe("en") for p in problems],
                )
            )
            continue
        if coop.deed_approved_on > as_of:
            out.append((line, "belum_berdiri", None, [], [], []))
            continue
        d = activity_status(coop, as_of=as_of, **options)
        out.append(
            (
                line,
                d.status.value,
                d.legal_status.value,
                list(d.codes),
                [f.message_id for f in d.findings],
                [f.message_en for f in d.findings],
            )
        )
    return out


def oracle_summary(frame: Any, *, as_of: date, **options: Any) -> Any:
    lenient = options.pop("lenient", False)
    counter = RegistryCounter(as_of=as_of, **options)
    for row in frame.with_columns(pl.all().cast(pl.String)).iter_rows(named=True):
        try:
            counter.add(rows.structure(Cooperative, row, lenient=lenient))
        except ValidationError:
            counter.add_invalid()
    return counter.summary()


def _comparable(got: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    # Every row, invalid ones included, is compared cell for cell.
    return [tuple(r) for r in got]


def assert_same(frame: Any, *, as_of: date = AS_OF, **options: Any) -> Any:
    want = per_record(frame, as_of=as_of, **dict(options))
    got = cooperative_status(frame, as_of=as_of, **options)
    assert got.columns == list(COOPERATIVE_STATUS_COLUMNS)
    assert _comparable([tuple(r) for r in got.rows()]) == want
    summary_options = {k: v for k, v in options.items() if k != "lenient"}
    run = summarize_registry(frame, as_of=as_of, lenient=options.get("lenient", False),
                             by=cooperatives.DIMENSIONS, **summary_options)  # fmt: skip
    assert run.summary == oracle_summary(
        frame, as_of=as_of, by=cooperatives.DIMENSIONS, **dict(options)
    )
    assert run.columnar + run.per_record == frame.height
    return got, run


@pytest.mark.parametrize("as_of", [date(2024, 6, 30), date(2024, 7, 1), date(2019, 1, 1)])
def test_sample_registry_row_for_row_and_summary(as_of: date) -> None:
    # 30 June / 1 July: the day a fiscal year falls due (the window moves).
    got, run = assert_same(frame_of(read_sample(3_000)), as_of=as_of)
    assert run.columnar > 2_900  # the fast path decides the sample, not the fallback
    assert {"tidak_aktif", "tidak_valid"} <= set(got["status"])
    if as_of == date(2024, 6, 30):
        assert "aktif" in set(got["status"])


def test_invalid_rows_give_problem_reasons_in_both_languages() -> None:
    got, _ = assert_same(frame_of(read_sample()))
    bad = got.filter(pl.col("status") == "tidak_valid")
    assert bad.height == 3
    for codes, ids, ens in bad.select("kode_alasan", "alasan", "alasan_en").rows():
        assert len(codes) == len(ids) == len(ens) >= 1
        assert all(
            t.startswith("$.") and t.endswith(f"[{c}]") for t, c in zip(ids, codes, strict=True)
        )
        assert all(
            t.startswith("$.") and t.endswith(f"[{c}]") for t, c in zip(ens, codes, strict=True)
        )
        assert ids != ens


def test_every_junk_value_in_every_column() -> None:
    base = read_sample(4)
    records = [dict(r) for r in base]
    for column in base[0]:
        for value in COOP_JUNK:
            records.append({**base[len(records) % 4], column: value})
    got, run = assert_same(frame_of(records))
    assert run.per_record > 0
    assert got.height == 4 + len(base[0]) * len(COOP_JUNK)


def _shifted(row: dict[str, str], column: str, days: int) -> dict[str, str]:
    day = date.fromisoformat(row[column]) + timedelta(days=days)
    return {**row, column: day.isoformat()}


def test_rows_that_break_cross_group_invariants_go_to_the_record_engine() -> None:
    base = [r for r in read_sample(200) if r["rat_records[1].held_on"]][:5]
    records = []
    for r in base:
        records += [
            {**r, "rat_records[1].fiscal_year": r["rat_records[0].fiscal_year"]},  # year twice
            {**r, "deed_approved_on": r["rat_records[0].held_on"]},  # a RAT before the deed?
            _shifted(r, "rat_records[0].held_on", -400),  # held before its year ended
            {**r, "deed_approved_on": "2019-06-01"},  # RATs for years before the first
            {**r, "legal_status": "dibubarkan"},  # no dissolution date
            {**r, "legal_status": "dibubarkan", "dissolved_on": "1900-01-01"},  # before the deed
            {**r, "legal_status": "dibubarkan", "dissolved_on": "2022-01-01"},
            {**r, "legal_status": "dibubarkan", "dissolved_on": "2030-01-01"},  # after as_of
            {**r, "founded_on": "2099-01-01"},  # founded after the deed
            {**r, "founded_on": r["deed_approved_on"]},
            {**r, "rat_records[0].held_on": "", "rat_records[0].reported": "true"},
            {**r, "rat_records[0].held_on": "", "rat_records[0].reported": "false"},
            {**r, "rat_records[2].fiscal_year": "", "rat_records[2].held_on": "",
             "rat_records[2].reported": ""},  # an empty item group is left out
            {**{k: ("" if k.startswith("rat_records") else v) for k, v in r.items()},
             "deed_approved_on": "2025-01-01"},  # not yet established on as_of
        ]  # fmt: skip
    got, run = assert_same(frame_of(records))
    assert {"tidak_valid", "belum_berdiri", "tidak_aktif"} <= set(got["status"])
    assert "dibubarkan" in set(got["status_hukum"])
    assert run.columnar > 0
    assert run.per_record > 0


def test_odd_headers_and_column_kinds() -> None:
    sample = read_sample(30)
    spaced = [{(" name" if k == "name" else k): v for k, v in r.items()} for r in sample]
    assert_same(frame_of(spaced))
    renumbered = [
        {k.replace("rat_records[1]", "rat_records[01]"): v for k, v in r.items()} for r in sample
    ]
    assert_same(frame_of(renumbered))
    extra = [{**r, "warna": "biru" if i % 2 else ""} for i, r in enumerate(sample)]
    assert_same(frame_of(extra))
    assert_same(frame_of(extra), lenient=True)
    founders = [
        {**r, "founders[0].name": "Siti" if i % 3 == 0 else ""} for i, r in enumerate(sample)
    ]
    assert_same(frame_of(founders))
    missing = [{k: v for k, v in r.items() if k not in ("mode", "fiscal_year_end")} for r in sample]
    assert_same(frame_of(missing))
    no_name = [{k: v for k, v in r.items() if k != "name"} for r in sample]
    assert_same(frame_of(no_name))
    only_years = [{k: v for k, v in r.items() if "held_on" not in k} for r in sample]
    assert_same(frame_of(only_years))
    numbers = frame_of(sample).with_columns(pl.col("member_count").cast(pl.Int64, strict=False))
    assert_same(numbers)
    nulls = frame_of([{**r, "principle": None, "rat_records[3].held_on": None} for r in sample])
    assert_same(nulls)
    assert_same(frame_of([{"name": r["name"]} for r in sample]))  # no deed, no RAT columns
    assert_same(frame_of([{"warna": "biru" if i % 2 else ""} for i in range(5)]))


@pytest.mark.parametrize(
    "as_of",
    [
        _TWO_YEARS.valid_from - timedelta(days=1),
        _TWO_YEARS.valid_from,
        THREE_MONTHS.regimes[1].valid_from - timedelta(days=1),
        date(2020, 4, 1),
        date(2021, 3, 31),
        date(2021, 4, 1),
    ],
)
def test_rules_and_deadline_overrides_on_their_first_day_and_the_day_before(as_of: date) -> None:
    records = [dict(r) for r in read_sample(400)]
    rng = random.Random(7)
    for r in records:  # some RATs unreported: the 2021 rule counts them, the default does not
        if rng.random() < 0.3 and r["rat_records[3].held_on"]:
            r["rat_records[3].reported"] = "false"
    frame = frame_of(records)
    assert_same(frame, as_of=as_of, rules=TWO_YEARS)
    assert_same(frame, as_of=as_of, deadline_rules=THREE_MONTHS)
    assert_same(frame, as_of=as_of, window_years=1, unreported_counts_as_missed=False)


def test_override_changes_the_columnar_answer_as_it_changes_the_per_record_one() -> None:
    frame = frame_of(read_sample(400))
    default = cooperative_status(frame, as_of=date(2021, 7, 1))["status"].to_list()
    two = cooperative_status(frame, as_of=date(2021, 7, 1), rules=TWO_YEARS)["status"].to_list()
    assert default != two


@pytest.mark.parametrize(
    "as_of",
    [ACTIVITY_STATUS_RULES.regimes[0].valid_from - timedelta(days=1),
     ACTIVITY_STATUS_RULES.regimes[0].valid_from],
)  # fmt: skip
def test_first_regime_day_and_the_day_before_fail_alike(as_of: date) -> None:
    # Before UU 25/1992 there is no rule; on its first day the fiscal years
    # that fell due before it have no RAT deadline in force either.
    frame = frame_of([{**r, "deed_approved_on": "1980-01-01"} for r in read_sample(5)])
    with pytest.raises(NoRuleInForceError) as per_record_error:
        per_record(frame, as_of=as_of)
    # Before the first regime the activity rule itself is missing; on its first day
    # the RAT deadline of the years that fell due before it.
    assert per_record_error.value.table == (
        "cooperatives.activity_status"
        if as_of < ACTIVITY_STATUS_RULES.regimes[0].valid_from
        else "cooperatives.rat_deadline_months"
    )
    with pytest.raises(type(per_record_error.value)) as columnar_error:
        cooperative_status(frame, as_of=as_of)
    assert str(columnar_error.value) == str(per_record_error.value)
    with pytest.raises(type(per_record_error.value)):
        summarize_registry(frame, as_of=as_of)


@pytest.mark.parametrize(("year", "valid"), [("9898", True), ("9899", False), ("9998", False)])
def test_a_fiscal_year_at_the_calendar_bound_is_decided_alike(year: str, valid: bool) -> None:
    # The last fiscal year whose year-end and RAT deadline are days the library
    # reads is 9898; a later one is a row problem in both engines (it once
    # raised RuleInputError from deep in the rules instead).
    row = {
        **read_sample(1)[0],
        "rat_records[0].fiscal_year": year,
        "rat_records[0].held_on": "9899-03-01",
    }
    got, _ = assert_same(frame_of([row]), as_of=date(9899, 12, 31))
    status, codes = got.row(0)[1], got.row(0)[3]
    assert (status != "tidak_valid") is valid
    assert ("cooperative.fiscal_year_range" in codes) is not valid


def test_batches_add_up_to_the_whole() -> None:
    frame = frame_of(read_sample(900))
    want = oracle_summary(frame, as_of=AS_OF)
    counter = CooperativeCounter(as_of=AS_OF)
    parts = [counter.count(frame.slice(i, 128), start=i, reasons=False) for i in range(0, 900, 128)]
    assert counter.summary() == want
    assert counter.columnar + counter.per_record == 900
    assert pl.concat(parts).columns == ["line", "status", "status_hukum"]
    whole = cooperative_status(frame, as_of=AS_OF, batch_size=100)
    assert whole["status"].to_list() == pl.concat(parts)["status"].to_list()


def test_lazy_and_pandas_inputs() -> None:
    frame = frame_of(read_sample(120))
    want = cooperative_status(frame, as_of=AS_OF).rows()
    assert cooperative_status(frame.lazy(), as_of=AS_OF, batch_size=50).rows() == want
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")  # polars.from_pandas converts through Arrow
    assert cooperative_status(frame.to_pandas(), as_of=AS_OF).rows() == want


def test_an_empty_frame_gives_an_empty_result() -> None:
    empty = frame_of(read_sample(1)).clear()
    assert cooperative_status(empty, as_of=AS_OF).columns == list(COOPERATIVE_STATUS_COLUMNS)
    assert cooperative_status(empty, as_of=AS_OF).height == 0
    assert summarize_registry(empty, as_of=AS_OF).summary.rows == 0


def test_warnings_send_rows_to_the_record_engine_when_collected() -> None:
    sample = read_sample(20)
    records = [{**r, "region": "18.71.99"} if i % 4 == 0 else r for i, r in enumerate(sample)]
    frame = frame_of(records)
    quiet = CooperativeCounter(as_of=AS_OF)
    quiet.count(frame)
    noisy = CooperativeCounter(as_of=AS_OF, warnings_of=lambda c: c.region.warnings)
    noisy.count(frame)
    assert noisy.per_record == quiet.per_record + 5
    assert [line for line, _ in noisy.records] == sorted(line for line, _ in noisy.records)
    assert noisy.summary() == quiet.summary()


def test_arguments_are_checked_like_the_per_record_ones() -> None:
    frame = frame_of(read_sample(3))
    with pytest.raises(ValidationError) as err:
        summarize_registry(frame, as_of=AS_OF, by="colour")
    assert err.value.problems[0].code == "registry.unknown_dimension"
    with pytest.raises(ValidationError) as err:
        cooperative_status(frame, as_of=AS_OF, window_years=0)
    assert err.value.problems[0].code == "cooperatives.activity.window_years"
    with pytest.raises(TypeError):
        cooperative_status([{"name": "x"}], as_of=AS_OF)  # type: ignore[arg-type]
