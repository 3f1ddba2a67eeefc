"""Screening on Dask: identical, row for row, to the single-process screen."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")

from koperasi_id import batch, bpum  # noqa: E402
from koperasi_id.batch.dask import MIN_BLOCKSIZE, partition_blocksize, screen_file  # noqa: E402
from koperasi_id.errors import NoRuleInForceError, RuleInputError  # noqa: E402
from koperasi_id.serialization import to_dict  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"
#: Small blocks: the sample file (about 1.9 MB) splits into about ten partitions.
BLOCK = 200_000


def single_process_rows(path: Path, start: int = 2) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            to_dict(r) for r in bpum.screen_rows(csv.DictReader(handle), year=2021, start=start)
        ]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # ":0", not None: None means Dask's fixed dashboard port 8787, which a second
    # test worker (or anything else on the machine) may hold already.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The sample file as JSON Lines wire records (only rows that convert)."""
    records = []
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                records.append(bpum.proposal_from_row(row))
            except ValueError:
                continue
    path = tmp_path_factory.mktemp("dask") / "usulan.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, records


def test_csv_on_a_local_cluster_equals_single_process(client: Any) -> None:
    bag = screen_file(SAMPLE, year=2021, blocksize=BLOCK, start=2)
    assert bag.npartitions >= 5
    got = bag.compute()
    expected = single_process_rows(SAMPLE)
    assert len(got) == len(expected) == 10_500
    assert got == expected
    # Duplicates whose first record sits in another partition were found too.
    per_block = 10_500 // bag.npartitions
    assert any(
        r["duplicate_of"] is not None and r["index"] - r["duplicate_of"] > per_block for r in got
    )
    assert {r["outcome"] for r in got} == {"layak", "tidak_layak", "tidak_valid", "ganda"}


def test_jsonl_on_a_local_cluster_equals_single_process(
    client: Any, jsonl: tuple[Path, list[dict[str, Any]]]
) -> None:
    path, records = jsonl
    bag = screen_file(path, year=2021, blocksize=BLOCK)
    assert bag.npartitions >= 5
    expected = [to_dict(r) for r in bpum.screen(records, year=2021)]
    assert bag.compute() == expected
    assert sum(r["outcome"] == "ganda" for r in expected) > 100


def test_each_partition_alone_would_miss_cross_partition_duplicates() -> None:
    """The second pass matters: screening blocks independently gives fewer duplicates."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    halves = [rows[:5_250], rows[5_250:]]
    independent = sum(
        r["outcome"] == "ganda"
        for half in halves
        for r in batch.screen_rows(half, header=header, year=2021)
    )
    together = screen_file(SAMPLE, year=2021, blocksize=BLOCK).compute(scheduler="sync")
    assert sum(r["outcome"] == "ganda" for r in together) > independent


def test_blank_lines_bad_json_and_2020(tmp_path: Path) -> None:
    base = {
        "nik": "1871010101900001",
        "name": "Siti",
        "ktp_address": "Jl. Kartini 5",
        "line_of_business": "warung",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    lines = [json.dumps(base), "", "{not json", json.dumps(base), "[1]", json.dumps(base)]
    path = tmp_path / "x.ndjson"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = screen_file(path, year=2020, blocksize=40, start=1).compute(scheduler="sync")
    assert [r["outcome"] for r in got] == ["layak", "tidak_valid", "ganda", "tidak_valid", "ganda"]
    assert [r["duplicate_of"] for r in got] == [None, None, 1, None, 1]
    assert got[1]["failed_codes"] == ["json"]


def test_options_and_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fmt is 'csv' or 'jsonl'"):
        screen_file(SAMPLE, year=2021, fmt="xlsx")
    with pytest.raises(NoRuleInForceError, match="2019") as info:
        screen_file(SAMPLE, year=2019)
    assert info.value.table == "bpum.programme"
    head = SAMPLE.read_text(encoding="utf-8").splitlines()[:50]
    path = tmp_path / "x.txt"
    path.write_text("\n".join(head) + "\n", encoding="utf-8")
    got = screen_file(path, year=2021, fmt="csv", blocksize=2_000).compute(scheduler="sync")
    with path.open(encoding="utf-8", newline="") as handle:
        expected = [to_dict(r) for r in bpum.screen_rows(csv.DictReader(handle), year=2021)]
    assert got == expected


def test_semicolons_bom_and_crlf_as_the_command_line_reads_them(tmp_path: Path) -> None:
    head = SAMPLE.read_text(encoding="utf-8").splitlines()[:400]
    rows = list(csv.reader(head))
    path = tmp_path / "usulan.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    got = screen_file(path, year=2021, blocksize=5_000, start=2).compute(scheduler="sync")
    from koperasi_id._io import open_records  # noqa: PLC0415

    with open_records(path) as reader:
        assert reader.delimiter == ";"
        expected = [
            to_dict(r)
            for r in bpum.screen_rows((dict(rec.data) for rec in reader), year=2021, start=2)
        ]
    assert len(got) == len(expected) == 399
    assert got == expected
    assert sum(r["outcome"] == "layak" for r in got) > 100


def test_jsonl_with_a_bom_as_the_command_line_reads_it(
    tmp_path: Path, jsonl: tuple[Path, list[dict[str, Any]]]
) -> None:
    source, records = jsonl
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    got = screen_file(path, year=2021, blocksize=BLOCK).compute(scheduler="sync")
    assert got == [to_dict(r) for r in bpum.screen(records, year=2021)]


def test_a_stray_quote_costs_one_row_as_on_the_command_line(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:120]
    for at in (10, 70):  # in two different blocks
        lines[at] = lines[at].replace(",", ',"', 1)
    path = tmp_path / "usulan.csv"
    path.write_text("".join(lines), encoding="utf-8")
    got = screen_file(path, year=2021, blocksize=4_000, start=2).compute(scheduler="sync")
    from koperasi_id._io import open_records  # noqa: PLC0415
    from koperasi_id.errors import ValidationError  # noqa: PLC0415

    with open_records(path) as reader:
        structured = [
            ValidationError(r.problems) if r.problems else bpum.structure_row(r.data)
            for r in reader
        ]
    expected = [to_dict(r) for r in bpum.screen_structured(structured, year=2021, start=2)]
    assert len(got) == len(expected) == 119
    assert [r["index"] for r in got if r["failed_codes"] == ["csv.quote"]] == [11, 71]
    assert got == expected


def test_partition_blocksize_gives_two_blocks_per_worker() -> None:
    size = 20_000_000
    for workers in (1, 2, 3, 8):
        block = partition_blocksize(size, workers)
        assert size // block == 2 * workers  # dask makes size // blocksize blocks
    assert partition_blocksize(MIN_BLOCKSIZE * 4, 2) == MIN_BLOCKSIZE
    assert partition_blocksize(MIN_BLOCKSIZE * 4 + 4, 2) == MIN_BLOCKSIZE + 1
    assert partition_blocksize(MIN_BLOCKSIZE * 4 - 4, 2) == MIN_BLOCKSIZE
    assert partition_blocksize(10, 4) == MIN_BLOCKSIZE
    assert partition_blocksize(1_000, 2, floor=1) == 250
    with pytest.raises(RuleInputError, match="workers must be a whole number of at least 1"):
        partition_blocksize(1_000, 0)
    with pytest.raises(RuleInputError, match="size must be"):
        partition_blocksize(1.5, 2)  # type: ignore[arg-type]


def test_a_20_mb_file_on_two_workers_gets_two_partitions_each(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(lines[0])
        while handle.tell() < 20_000_000:
            handle.writelines(lines[1:])
    assert screen_file(path, year=2021, workers=2).npartitions >= 4
    assert screen_file(path, year=2021, workers=1).npartitions >= 2
    # The default of Dask (64 MiB) would make it one partition.
    assert screen_file(path, year=2021, blocksize="64MiB").npartitions == 1


def test_default_partitions_follow_the_client_and_keep_the_result(client: Any) -> None:
    # The module's cluster has two single-thread workers; the sample is about 1.9 MB.
    bag = screen_file(SAMPLE, year=2021, start=2)
    assert bag.npartitions >= 4
    assert bag.compute() == single_process_rows(SAMPLE)
