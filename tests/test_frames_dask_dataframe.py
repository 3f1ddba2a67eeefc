"""Columnar screening and status on Dask DataFrames: pandas partitions, one-process results.

A two-worker ``LocalCluster`` (threads, to keep the test short) runs each
partition through polars; the computed Dask DataFrame must equal the
single-process columnar result and the per-record engine row for row,
duplicates whose first record sits in another partition included, each row
on its proposal's index.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import test_frames_dask  # noqa: E402
from koperasi_id import bpum  # noqa: E402
from koperasi_id.cooperatives import ACTIVITY_STATUS_RULES  # noqa: E402
from koperasi_id.errors import NoRuleInForceError, RuleInputError  # noqa: E402
from koperasi_id.frames import (  # noqa: E402
    BPUM_RESULT_COLUMNS,
    COOPERATIVE_STATUS_COLUMNS,
    cooperative_status,
    screen_bpum,
)
from koperasi_id.frames.dask import (  # noqa: E402
    cooperative_status_dataframe,
    screen_bpum_dataframe,
)
from test_frames_bpum import SAMPLE, frame_of, mutated, per_record, read_sample  # noqa: E402
from test_frames_cooperatives import per_record as per_record_status  # noqa: E402

REGISTRY = SAMPLE.parent / "koperasi_lampung.csv"
AS_OF = date(2024, 6, 30)
# The two-worker cluster and the sample table of the bag route's tests.
client = test_frames_dask.client
table = test_frames_dask.table


def first_lines(ddf: Any, start: int) -> list[int]:
    """The first line of each row's partition."""
    sizes = ddf.map_partitions(len).compute(scheduler="sync").tolist()
    out: list[int] = []
    for size in sizes:
        out += [start + len(out)] * size
    return out


def test_partitions_on_two_workers_equal_one_process(client: Any, table: Any) -> None:
    source = table.to_pandas()
    ddf = dd.from_pandas(source, npartitions=4)
    out = screen_bpum_dataframe(ddf, year=2021, start=2)
    assert out.npartitions == 4
    assert out.divisions == ddf.divisions
    assert list(out.columns) == list(BPUM_RESULT_COLUMNS)
    got = out.compute()
    assert len(client.scheduler_info()["workers"]) == 2
    assert isinstance(got, pd.DataFrame)
    assert got.index.equals(source.index)
    assert str(got["duplikat_baris"].dtype) == "int64[pyarrow]"
    frame = pl.from_pandas(got)
    assert frame.schema == screen_bpum(table.head(0), year=2021).schema
    assert frame.rows() == screen_bpum(table, year=2021, start=2).rows()
    # Some duplicates point at a record in an earlier partition, and screened
    # alone the partitions would have missed them.
    firsts = pl.Series(first_lines(ddf, 2))
    across = frame.filter(pl.col("duplikat_baris") < firsts)
    assert across.height > 10
    alone = sum(
        (
            screen_bpum(pl.from_pandas(part.compute(scheduler="sync")), year=2021)["hasil"]
            == "ganda"
        ).sum()
        for part in ddf.to_delayed()
    )
    assert (frame["hasil"] == "ganda").sum() > alone


def test_read_csv_partitions_equal_the_per_record_engine(client: Any, tmp_path: Path) -> None:
    rows = mutated(read_sample()[:3_000], seed=19, rate=0.3)
    # The file holds text: no missing cell, and no NUL (which no CSV reader agrees on).
    rows = [{k: ("" if v is None else v.replace("\x00", "x")) for k, v in r.items()} for r in rows]
    path = tmp_path / "usulan.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ddf = dd.read_csv(path, dtype=str, keep_default_na=False, blocksize=100_000)
    assert ddf.npartitions >= 4
    got = screen_bpum_dataframe(ddf, year=2021, start=2).compute()
    with path.open(encoding="utf-8", newline="") as handle:
        as_read = frame_of(list(csv.DictReader(handle)))
    want = per_record(as_read, year=2021, start=2)
    assert [tuple(r) for r in pl.from_pandas(got).rows()] == want
    firsts = first_lines(ddf, 2)
    dup = BPUM_RESULT_COLUMNS.index("duplikat_baris")
    assert any(
        r[dup] is not None and r[dup] < first for r, first in zip(want, firsts, strict=True)
    ), "no duplicate across partitions: the test proves less than it says"
    assert {"ganda", "tidak_valid", "layak"} <= {r[2] for r in want}


def test_junk_and_duplicates_equal_the_per_record_engine(client: Any) -> None:
    frame = frame_of(mutated(read_sample()[:1_200], seed=21, rate=0.3))
    ddf = dd.from_pandas(frame.to_pandas(), npartitions=5)
    got = pl.from_pandas(screen_bpum_dataframe(ddf, year=2020, start=7).compute())
    assert [tuple(r) for r in got.rows()] == per_record(frame, year=2020, start=7)
    assert {"ganda", "tidak_valid", "layak"} <= set(got["hasil"].to_list())


def test_one_partition_and_an_empty_one(table: Any) -> None:
    head = table.head(300)
    one = screen_bpum_dataframe(dd.from_pandas(head.to_pandas(), npartitions=1), year=2021)
    assert pl.from_pandas(one.compute(scheduler="sync")).rows() == (
        screen_bpum(head, year=2021).rows()
    )
    ddf = dd.from_pandas(head.to_pandas(), npartitions=3)
    assert ddf.divisions == (0, 100, 200, 299)
    later = ddf.map_partitions(lambda p: p[p.index >= 100])  # the first one left empty
    assert later.map_partitions(len).compute(scheduler="sync").tolist() == [0, 100, 100]
    got = screen_bpum_dataframe(later, year=2021, start=2).compute(scheduler="sync")
    assert got.index.tolist() == list(range(100, 300))
    assert pl.from_pandas(got).rows() == screen_bpum(head.slice(100), year=2021, start=2).rows()


def test_wrong_input_and_unknown_year_fail_at_once(table: Any) -> None:
    ddf = dd.from_pandas(table.head(10).to_pandas(), npartitions=1)
    with pytest.raises(NoRuleInForceError) as info:
        screen_bpum_dataframe(ddf, year=2019)
    assert info.value.table == "bpum.programme"
    for wrong in (table, table.to_pandas(), ddf["nik"]):
        with pytest.raises(RuleInputError, match="frame is a Dask DataFrame, not"):
            screen_bpum_dataframe(wrong, year=2021)
        with pytest.raises(RuleInputError, match="frame is a Dask DataFrame, not"):
            cooperative_status_dataframe(wrong, as_of=AS_OF)
    assert bpum.programme(2021).year == 2021


def test_cooperative_status_on_two_workers_equals_per_record(client: Any) -> None:
    # The first 1,500 rows hold an invalid one (line 102): the per-record side is slow.
    registry = pl.read_csv(REGISTRY, infer_schema=False, n_rows=1_500)
    source = registry.to_pandas()
    ddf = dd.from_pandas(source, npartitions=3)
    out = cooperative_status_dataframe(ddf, as_of=AS_OF, start=2)
    assert out.npartitions == 3
    assert list(out.columns) == list(COOPERATIVE_STATUS_COLUMNS)
    got = out.compute()
    assert got.index.equals(source.index)
    frame = pl.from_pandas(got)
    assert frame.rows() == cooperative_status(registry, as_of=AS_OF, start=2).rows()
    assert [tuple(r) for r in frame.rows()] == per_record_status(registry, as_of=AS_OF, start=2)
    assert {"aktif", "tidak_aktif", "tidak_valid"} <= set(frame["status"].to_list())


def test_cooperative_status_before_the_first_rule_fails_at_once() -> None:
    ddf = dd.from_pandas(
        pl.read_csv(REGISTRY, infer_schema=False, n_rows=5).to_pandas(), npartitions=1
    )
    day_before = ACTIVITY_STATUS_RULES.regimes[0].valid_from.toordinal() - 1
    with pytest.raises(NoRuleInForceError) as info:
        cooperative_status_dataframe(ddf, as_of=date.fromordinal(day_before))
    assert info.value.table == "cooperatives.activity_status"
