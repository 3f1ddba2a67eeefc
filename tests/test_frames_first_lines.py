"""The columnar duplicate index: the first line of every NIK, exactly, across batches.

``FirstLines`` answers a batch's NIKs at once (sorted runs behind a Bloom
filter, then the per-record engine's on-disk index past a size). Whatever
path a key takes, the answer must be the one a plain dict gives reading the
rows one by one: straddling batch boundaries, first against later rows in a
batch, false "maybe"s of the filter, merged runs and the overflow. Then the
screener and ``screen_bpum_csv`` (one pass over the file, or two) against the
per-record engine, duplicates across batches and odd rows included.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from koperasi_id import bpum  # noqa: E402
from koperasi_id.frames import BpumScreener, _bpum_api, _first_lines, screen_bpum_csv  # noqa: E402
from koperasi_id.frames._first_lines import FirstLines  # noqa: E402
from test_frames_bpum import frame_of, mutated, per_record, read_sample  # noqa: E402


def batch(keys: list[int], first_line: int, order: list[int] | None = None) -> Any:
    """Rows of one batch: ``pos`` 0.., lines from ``first_line``; optionally shuffled rows."""
    rows = {"pos": list(range(len(keys))), "key": keys}
    frame = pl.DataFrame(rows, schema={"pos": pl.UInt32, "key": pl.Int64}).with_columns(
        line=pl.col("pos").cast(pl.Int64) + first_line
    )
    return frame if order is None else frame[order]


def reference(batches: list[list[int]]) -> list[dict[int, int]]:
    """pos → earlier line of each duplicate, batch by batch, by a dict read row by row."""
    seen: dict[int, int] = {}
    line, out = 0, []
    for keys in batches:
        found = {}
        for pos, key in enumerate(keys):
            earlier = seen.setdefault(key, line + pos)
            if earlier != line + pos:
                found[pos] = earlier
        out.append(found)
        line += len(keys)
    return out


def answers(index: FirstLines, batches: list[list[int]]) -> list[dict[int, int]]:
    out, line = [], 0
    for keys in batches:
        got = index.duplicates(batch(keys, line))
        assert got.columns == ["pos", "earlier"]
        out.append(dict(got.rows()))
        line += len(keys)
    return out


def random_stream(seed: int, batches: int, size: int, span: int) -> list[list[int]]:
    rng = random.Random(seed)
    base = 1871010101900000
    return [
        [base + rng.randrange(span) for _ in range(rng.randrange(size))] for _ in range(batches)
    ]


def test_a_duplicate_straddling_batches_points_at_the_first_batch() -> None:
    index = FirstLines()
    first = index.duplicates(batch([11, 12, 13], 2))
    assert first.height == 0
    assert index.duplicates(batch([14, 15], 5)).height == 0
    # Line 7 repeats line 3's key, line 9 line 2's; line 8 is new.
    assert index.duplicates(batch([12, 16, 11], 7)).sort("pos").rows() == [(0, 3), (2, 2)]
    index.close()


def test_within_a_batch_the_first_row_is_the_smallest_pos() -> None:
    index = FirstLines()
    # Rows handed over out of order: pos 0 (line 10) is still the first of key 5.
    got = index.duplicates(batch([5, 6, 5, 5], 10, order=[3, 1, 2, 0]))
    assert sorted(got.rows()) == [(2, 10), (3, 10)]
    # Next batch: both keys known, each pointing at its first line.
    assert sorted(index.duplicates(batch([6, 5], 20)).rows()) == [(0, 11), (1, 10)]
    index.close()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("limit", [None, 0, 37])
def test_random_streams_match_a_dict_read_row_by_row(seed: int, limit: int | None) -> None:
    # Many small batches over few keys: duplicates within and across batches,
    # runs merged several times; a limit sends keys to the on-disk index.
    stream = random_stream(seed, batches=90, size=25, span=400)
    index = FirstLines(limit=limit)
    assert answers(index, stream) == reference(stream)
    if limit is not None:
        assert len(index) <= limit
    index.close()


def test_false_maybes_of_a_tiny_filter_still_give_exact_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Eight bits: nearly every new key is a "maybe" and is looked up in the runs.
    monkeypatch.setattr(_first_lines, "_FILTER_BITS", 8)
    stream = random_stream(5, batches=40, size=30, span=10_000)
    index = FirstLines()
    assert answers(index, stream) == reference(stream)
    assert index._filter.len() == 8
    index.close()


def test_runs_are_merged_so_lookups_stay_few() -> None:
    index = FirstLines()
    keys = iter(range(1, 10**6))
    stream = [[next(keys) for _ in range(10)] for _ in range(64)]
    answers(index, stream)
    # 64 batches of new keys: merged four by four into one run of each level.
    assert [len(run) for run, _ in index._runs] == [640]
    assert len(index) == 640
    index.close()


def test_a_key_held_in_a_run_is_not_given_to_the_overflow() -> None:
    index = FirstLines(limit=3)
    index.duplicates(batch([1, 2, 3], 2))  # fills the runs
    got = index.duplicates(batch([4, 1, 4, 5], 5))  # 4 and 5 overflow
    assert sorted(got.rows()) == [(1, 2), (2, 5)]
    assert sorted(index.duplicates(batch([5, 3, 4], 9)).rows()) == [(0, 8), (1, 4), (2, 5)]
    assert len(index) == 3
    index.close()


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)


def _per_record_file(path: Path) -> list[tuple[Any, ...]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            (r.index, r.nik, r.outcome.value, str(r.amount), list(r.failed_codes),
             list(r.messages), list(r.messages_en), r.duplicate_of)
            for r in bpum.screen_rows(csv.DictReader(f), year=2021, start=2)
        ]  # fmt: skip


def _repeats_across_batches(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of earlier NIKs, some written oddly (the per-record engine's rows)."""
    for i in range(0, len(rows) - 40, 23):
        nik = rows[i]["nik"] or ""
        if len(nik) != 16:
            continue
        odd = i % 3 == 0
        # A spaced or dashed NIK is read by the per-record engine, a plain one
        # column-wise: a first occurrence of either kind meets a later one of
        # the other, in a later batch.
        rows[i + 40]["nik"] = f" {nik[:4]}-{nik[4:8]}-{nik[8:12]}-{nik[12:]}" if odd else nik
        if odd:
            rows[i + 17]["nik"] = nik
    return rows


@pytest.mark.parametrize("two_passes", [False, True])
def test_file_screen_in_one_or_two_passes_equals_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, two_passes: bool
) -> None:
    rows = _repeats_across_batches(mutated(read_sample()[:500], seed=4, rate=0.2))
    path = tmp_path / "usulan.csv"
    _write(path, rows)
    want = _per_record_file(path)
    counted: list[int] = []
    first_pass = _bpum_api._repeated_in_file

    def spy(*args: Any) -> Any:
        counted.append(1)
        return first_pass(*args)

    monkeypatch.setattr(_bpum_api, "_repeated_in_file", spy)
    if two_passes:  # a file "too long" for the one-pass index
        monkeypatch.setattr(_bpum_api, "IN_MEMORY_KEYS", 10)
    runs: list[Any] = []
    got = pl.concat(list(screen_bpum_csv(path, year=2021, batch_size=30, run=runs)))
    assert [tuple(r) for r in got.rows()] == want
    assert counted == ([1] if two_passes else [])
    assert sum(w[2] == "ganda" for w in want) > 15
    assert runs[0].per_record > 0
    assert runs[0].columnar > 0


def test_screener_past_the_index_limit_equals_per_record(monkeypatch: pytest.MonkeyPatch) -> None:
    # Past 50 NIKs the runs stop growing: later NIKs go to the on-disk index,
    # and a later duplicate of either kind still points at its first line.
    monkeypatch.setattr(_first_lines, "IN_MEMORY_KEYS", 50)
    rows = _repeats_across_batches(mutated(read_sample()[:400], seed=9, rate=0.2))
    frame = frame_of(rows)
    want = per_record(frame, year=2021, start=2)
    with BpumScreener(year=2021) as screener:
        parts = [screener.screen(frame.slice(i, 33), start=2 + i) for i in range(0, 400, 33)]
        assert len(screener._seen) <= 50
        assert screener._seen._overflow is not None
    assert [tuple(r) for r in pl.concat(parts).rows()] == want
    assert sum(w[2] == "ganda" for w in want) > 10
