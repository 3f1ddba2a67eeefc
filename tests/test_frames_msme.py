"""Columnar MSME classification gives the per-record rows, row for row and cell for cell."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from koperasi_id import msme, rows
from koperasi_id.errors import NoRuleInForceError, ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline

pl = pytest.importorskip("polars")

from koperasi_id.frames import MsmeClassifier, MsmeRun, classify_msme  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402

COLUMNS = rows.columns(msme.Business)
BASE = {
    "name": "Warung Bu Sari",
    "owner_nik": "1871014101900002",
    "started_on": "2019-03-01",
    "region": "",
    "nib": "",
    "kbli": "",
    "capital": "",
    "net_assets": "",
    "annual_sales": "",
    "workers": "",
}
#: Each regime's first day and the day before it (UU 20/2008 and PP 7/2021).
DAYS = [r.valid_from + timedelta(days=d) for r in msme.SIZE_CRITERIA for d in (-1, 0)] + [
    date(2024, 6, 1)
]


def per_record(frame: Any, *, start: int = 0, **options: Any) -> list[dict[str, Any]]:
    out = []
    for i, row in enumerate(frame.iter_rows(named=True)):
        try:
            business: Any = rows.structure(
                msme.Business, row, lenient=options.get("lenient", False)
            )
        except ValidationError as err:
            business = err
        kwargs = {k: v for k, v in options.items() if k != "lenient"}
        out.append(msme.classification_row(start + i, business, **kwargs))
    return out


def frame_of(records: list[dict[str, Any]]) -> Any:
    names = list(dict.fromkeys(k for r in records for k in r))
    return pl.DataFrame(
        {c: [r.get(c) for r in records] for c in names},
        schema=dict.fromkeys(names, pl.String),
    )


def assert_same(frame: Any, *, batch_size: int = 100_000, **options: Any) -> MsmeRun:
    run = MsmeRun(summary=msme.ClassificationSummary(as_of=options["as_of"]))
    got = classify_msme(frame, start=2, batch_size=batch_size, run=run, **options)
    assert got.columns == list(msme.CLASSIFICATION_COLUMNS)
    assert got.rows(named=True) == per_record(frame, start=2, **options)
    assert run.columnar + run.per_record == frame.height
    return run


def boundary_rows(
    regimes: Timeline[msme.SizeCriteria] = msme.SIZE_CRITERIA,
) -> list[dict[str, Any]]:
    """Every ceiling of every regime, one below, at and one above, alone and in pairs."""
    amounts = {"0"}
    for regime in regimes:
        for bands in regime.value.bands:
            for ceiling in (bands.micro_max, bands.small_max, bands.medium_max):
                whole = int(ceiling)
                amounts |= {str(whole - 1), str(whole), str(whole + 1)}
    out = []
    ordered = sorted(amounts, key=int)
    for i, (a, b) in enumerate(itertools.product(ordered, repeat=2)):
        started = ["2019-03-01", "2021-02-01", "2021-02-02", "2022-01-01"][i % 4]
        first, second = (
            ("capital", "net_assets", "annual_sales")[i % 3],
            (
                "annual_sales",
                "capital",
                "net_assets",
            )[i % 3],
        )
        out.append({**BASE, "started_on": started, first: a, second: b})
        if i % 5 == 0:
            out.append({**BASE, "started_on": started, first: a})
    return out


@pytest.mark.parametrize("as_of", DAYS[1:], ids=str)
@pytest.mark.parametrize("purpose", [None, *msme.Purpose])
def test_every_ceiling_on_every_regime_edge(as_of: date, purpose: msme.Purpose | None) -> None:
    frame = frame_of(boundary_rows())
    for policy in msme.ConflictPolicy:
        run = assert_same(frame, as_of=as_of, purpose=purpose, policy=policy)
        assert run.columnar > 0
    sizes = set(classify_msme(frame, as_of=as_of)["ukuran"].drop_nulls().to_list())
    assert sizes == {s.value for s in msme.BusinessSize}


def test_the_day_before_the_first_regime_is_refused_by_both_engines() -> None:
    day = DAYS[0]
    with pytest.raises(NoRuleInForceError) as caught:
        msme.classify(as_of=day, annual_sales=Decimal(1))
    assert caught.value.table == "msme.size_criteria"
    with pytest.raises(NoRuleInForceError) as caught:
        MsmeClassifier(as_of=day)
    assert caught.value.table == "msme.size_criteria"


def test_junk_in_every_column() -> None:
    records = [BASE | {"capital": "5", "annual_sales": "7"}]
    for column in COLUMNS:
        for value in JUNK:
            records.append({**BASE, "capital": "5", "annual_sales": "7", column: value})
    frame = frame_of(records)
    for as_of in DAYS[1:]:
        run = assert_same(frame, as_of=as_of, purpose=msme.Purpose.SUPPORT)
        assert run.per_record > 0
        assert run.columnar > 0


def test_batches_keep_lines_and_the_summary_counts_every_row() -> None:
    frame = frame_of(boundary_rows())
    run = MsmeRun(summary=msme.ClassificationSummary(as_of=date(2024, 6, 1)))
    whole = classify_msme(frame, as_of=date(2024, 6, 1), start=2, run=run)
    parts = classify_msme(frame, as_of=date(2024, 6, 1), start=2, batch_size=7)
    assert parts.rows() == whole.rows()
    summary = run.summary
    assert summary.total == frame.height
    assert sum(summary.by_outcome.values()) == frame.height
    assert summary.conflicts == whole["konflik"].sum()


def test_a_rules_override_is_read_not_the_shipped_numbers() -> None:
    shipped = msme.SIZE_CRITERIA.at(date(2024, 1, 1))
    bands = shipped.value.bands
    # Ceilings that are not whole rupiah, and lower than the law's.
    cheaper = tuple(
        msme.SizeBands(
            criterion=b.criterion,
            micro_max=Decimal("1000.5"),
            small_max=Decimal("2000.25"),
            medium_max=Decimal("3000.75"),
            citation=Citation("Perpres X/2026", "Pasal 1"),
        )
        for b in bands
    )
    reform = Timeline(
        "msme.size_criteria",
        [
            Regime(
                name="reform",
                valid_from=date(2020, 1, 1),
                citation=Citation("Perpres X/2026", "Pasal 1"),
                confidence=Confidence.LOW,
                value=msme.SizeCriteria(bands=cheaper, purpose_rules=shipped.value.purpose_rules),
            )
        ],
    )
    records = [
        {**BASE, "capital": str(n), "annual_sales": str(m)}
        for n in (1000, 1001, 2000, 2001, 3000, 3001)
        for m in (0, 2500, 9999)
    ]
    frame = frame_of(records)
    run = assert_same(frame, as_of=date(2024, 1, 1), rules=reform)
    assert run.columnar == frame.height
    registration = msme.Purpose.REGISTRATION
    assert_same(frame, as_of=date(2024, 1, 1), rules=reform, purpose=registration)
    got = classify_msme(frame, as_of=date(2024, 1, 1), rules=reform, purpose=registration)
    # capital 1001 > 1000.5: small under the reform, micro by law
    assert got["ukuran"][3] == "kecil"


def test_unknown_columns_and_other_types_go_per_record() -> None:
    frame = frame_of([{**BASE, "capital": "5", "extra": "x"}])
    assert assert_same(frame, as_of=date(2024, 1, 1)).per_record == 1
    assert assert_same(frame, as_of=date(2024, 1, 1), lenient=True).per_record == 1
    typed = pl.DataFrame(
        {"name": ["a"], "owner_nik": ["1871010101900001"], "started_on": [date(2019, 1, 1)],
         "capital": [5]}
    )  # fmt: skip
    got = classify_msme(typed, as_of=date(2024, 1, 1))
    assert got["hasil"].to_list() == ["diklasifikasi"]
    with pytest.raises(TypeError):
        classify_msme(pl.DataFrame({"name": [["a"]]}), as_of=date(2024, 1, 1))


def test_a_lazy_frame_and_an_empty_frame() -> None:
    frame = frame_of(boundary_rows()[:40])
    lazy = classify_msme(frame.lazy(), as_of=date(2024, 1, 1), batch_size=9)
    assert lazy.rows() == classify_msme(frame, as_of=date(2024, 1, 1)).rows()
    empty = classify_msme(frame.clear(), as_of=date(2024, 1, 1))
    assert empty.height == 0
    assert empty.columns == list(msme.CLASSIFICATION_COLUMNS)


def test_large_figures_are_masked_alike() -> None:
    # 12 digits and more are masked in the reasons: such rows go per record.
    frame = frame_of([{**BASE, "capital": "123456789012", "annual_sales": "99999999999"}])
    run = assert_same(frame, as_of=date(2024, 1, 1))
    assert run.per_record == 1
    assert "Rp123456**9012:" in classify_msme(frame, as_of=date(2024, 1, 1))["alasan"][0][0]


def test_null_optional_cells_read_as_empty_ones() -> None:
    # polars' read_csv gives null for an empty cell: such rows stay columnar.
    frame = frame_of([{**BASE, "capital": "5", "annual_sales": "7"}] * 3).with_columns(
        net_assets=pl.lit(None, dtype=pl.String), region=pl.lit(None, dtype=pl.String)
    )
    run = assert_same(frame, as_of=date(2024, 1, 1))
    assert run.columnar == 3
    blank_name = frame.with_columns(name=pl.lit(None, dtype=pl.String))
    assert assert_same(blank_name, as_of=date(2024, 1, 1)).per_record == 3
