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
from test_bpum_rowscreen_fuzz import _rows
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
