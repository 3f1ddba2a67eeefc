"""Differential fuzzing: ``bpum screen --engine rows`` and ``--engine columns``, byte for byte.

Small files drawn as the record-batch fuzz draws them (the sample's rows,
rows with hostile bytes, blank and ragged lines, odd header lines), screened
with small column batches so that plain blocks and blocks the record reader
reads alternate: the exit code, standard output, standard error and the
summary file must be the same bytes with either engine.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from _hypothesis_optional import given, settings, st

pytest.importorskip("polars")

from koperasi_id.cli import bpum as cli_bpum
from koperasi_id.cli import main
from test_bpum_rowscreen_fuzz import _VALUES, _cell, _rows
from test_frames_csv_records import PROPOSALS
from test_frames_csv_records_fuzz import _files


def _screen(path: Path, engine: str, options: list[str]) -> tuple[int, str, str, bytes]:
    summary = path.with_name(f"{engine}.json")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(
            ["bpum", "screen", str(path), "--engine", engine, "--summary-json", str(summary),
             *options]
        )  # fmt: skip
    return code, out.getvalue(), err.getvalue(), summary.read_bytes() if summary.exists() else b""


@settings(max_examples=25, deadline=None)
@given(
    body=_files(),
    batch=st.integers(1, 40),
    year=st.sampled_from(["2020", "2021"]),
    lenient=st.booleans(),
)
def test_drawn_files_give_the_same_bytes_with_either_engine(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, batch: int, year: str, lenient: bool
) -> None:
    path = tmp_path_factory.mktemp("cli") / "usulan.csv"
    path.write_bytes(body)
    options = ["--year", year, *(["--lenient"] if lenient else [])]
    with mock.patch.object(cli_bpum, "COLUMN_BATCH", batch):
        rows: Any = _screen(path, "rows", options)
        columns: Any = _screen(path, "columns", options)
    assert columns == rows


@settings(max_examples=40, deadline=None)
@given(rows=_rows(), year=st.sampled_from(["2020", "2021"]), lenient=st.booleans())
def test_hostile_cells_give_the_same_bytes_with_either_engine(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]], year: str, lenient: bool
) -> None:
    # The cells the fast row path is fuzzed with: the columnar screening reads them too.
    path = tmp_path_factory.mktemp("cli") / "usulan.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(rows[0]))
        writer.writerows(list(row.values()) for row in rows)
    options = ["--year", year, *(["--lenient"] if lenient else [])]
    assert _screen(path, "columns", options) == _screen(path, "rows", options)


_SAMPLE_ROWS = list(csv.DictReader(io.StringIO(PROPOSALS.read_text(encoding="utf-8"))))


@st.composite
def _sample_with_hostile_cells(draw: Any) -> list[dict[str, str]]:
    start = draw(st.integers(0, len(_SAMPLE_ROWS) - 60))
    rows = [dict(r) for r in _SAMPLE_ROWS[start : start + draw(st.integers(5, 60))]]
    for _ in range(draw(st.integers(1, 20))):
        column = draw(st.sampled_from(sorted(_VALUES)))
        draw(st.sampled_from(rows))[column] = draw(_cell(column))
    for _ in range(draw(st.integers(0, 5))):  # repeats, for the duplicate index
        rows.insert(draw(st.integers(0, len(rows))), dict(draw(st.sampled_from(rows))))
    return rows


@settings(max_examples=20, deadline=None)
@given(
    rows=_sample_with_hostile_cells(),
    batch=st.integers(1, 30),
    year=st.sampled_from(["2020", "2021"]),
    lenient=st.booleans(),
)
def test_sample_rows_with_hostile_cells_give_the_same_bytes_with_either_engine(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[dict[str, str]],
    batch: int,
    year: str,
    lenient: bool,
) -> None:
    # Plain blocks of many rows, screened column-wise, with hostile cells among them.
    path = tmp_path_factory.mktemp("cli") / "usulan.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(rows[0]))
        writer.writerows(list(row.values()) for row in rows)
    options = ["--year", year, *(["--lenient"] if lenient else [])]
    with mock.patch.object(cli_bpum, "COLUMN_BATCH", batch):
        assert _screen(path, "columns", options) == _screen(path, "rows", options)
