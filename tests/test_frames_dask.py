"""Columnar screening on Dask: partitions of polars frames give the single-process result.

A two-worker ``LocalCluster`` (threads, to keep the test short) screens the
sample file cut into partitions; the concatenated results must equal
``screen_bpum`` of the whole table row for row, duplicates whose first record
sits in another partition included.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pl = pytest.importorskip("polars")
bags = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from dask import delayed  # noqa: E402

from koperasi_id import bpum  # noqa: E402
from koperasi_id.errors import NoRuleInForceError  # noqa: E402
from koperasi_id.frames import screen_bpum  # noqa: E402
from koperasi_id.frames.dask import screen_bpum_partitions  # noqa: E402
from test_frames_bpum import SAMPLE, frame_of, mutated, read_sample  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # ":0", not None: None means Dask's fixed dashboard port 8787, which a second
    # test worker (or anything else on the machine) may hold already.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def table() -> Any:
    return pl.read_csv(SAMPLE, infer_schema=False)


def slices(frame: Any, size: int) -> list[Any]:
    return [frame.slice(i, size) for i in range(0, frame.height, size)]


def test_partitions_on_two_workers_equal_one_process(client: Any, table: Any) -> None:
    parts = bags.from_sequence(slices(table, 2_700), npartitions=4)
    assert parts.npartitions == 4
    got = pl.concat(screen_bpum_partitions(parts, year=2021, start=2).compute())
    want = screen_bpum(table, year=2021, start=2)
    assert got.rows() == want.rows()
    assert len(client.scheduler_info()["workers"]) == 2
    # Some duplicates point at a record in an earlier partition.
    firsts = [2 + 2_700 * (i // 2_700) for i in range(table.height)]
    dup = got.with_columns(first=pl.Series(firsts)).filter(
        pl.col("duplikat_baris") < pl.col("first")
    )
    assert dup.height > 10


def test_each_partition_alone_misses_duplicates_across_them(table: Any) -> None:
    alone = sum(
        (screen_bpum(part, year=2021)["hasil"] == "ganda").sum() for part in slices(table, 2_700)
    )
    parts = bags.from_sequence(slices(table, 2_700), npartitions=4)
    together = pl.concat(screen_bpum_partitions(parts, year=2021).compute(scheduler="sync"))
    assert (together["hasil"] == "ganda").sum() > alone


def test_delayed_frames_of_junk_and_duplicates(client: Any) -> None:
    rows = mutated(read_sample()[:1_200], seed=21, rate=0.3)
    frame = frame_of(rows)
    pieces = [delayed(part) for part in slices(frame, 250)]
    got = pl.concat(screen_bpum_partitions(pieces, year=2020, start=7).compute())
    assert got.rows() == screen_bpum(frame, year=2020, start=7).rows()
    assert {"ganda", "tidak_valid", "layak"} <= set(got["hasil"].to_list())


def test_a_bag_with_several_frames_in_a_partition(table: Any) -> None:
    head = table.slice(0, 1_000)
    parts = bags.from_sequence(slices(head, 100), npartitions=3)
    got = pl.concat(screen_bpum_partitions(parts, year=2021).compute(scheduler="sync"))
    assert got.rows() == screen_bpum(head, year=2021).rows()


def test_unknown_year_fails_at_once_and_non_frames_on_compute(table: Any) -> None:
    parts = bags.from_sequence([table.slice(0, 10)], npartitions=1)
    with pytest.raises(NoRuleInForceError) as info:
        screen_bpum_partitions(parts, year=2019)
    assert info.value.table == "bpum.programme"
    wrong = bags.from_sequence([{"nik": "1871010101900001"}], npartitions=1)
    with pytest.raises(TypeError, match="expected polars DataFrames as items, got dict"):
        screen_bpum_partitions(wrong, year=2021).compute(scheduler="sync")
    assert bpum.programme(2021).year == 2021
