"""``cooperatives status --engine``: the same bytes whichever engine runs.

Standard output (the table, ``--json``, ``--csv``, ``--lang en``), standard
error (the first invalid records, value warnings, the invalid count) and the
exit code, on the sample registry, on a damaged copy of it (blank, ragged,
non-UTF-8 and multi-line records, retired region codes, a byte-order mark)
and on the hostile registry of the robustness suite. ``cooperatives status``
writes no result file and no separate summary file: its summary *is* the
output.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from koperasi_id import rows
from koperasi_id.cli.validate import entity_type
from koperasi_id.cooperatives import Cooperative
from koperasi_id.errors import ValidationError
from koperasi_id.rows import columns
from koperasi_id.serialization import to_dict
from test_robustness_files import CELLS, HOSTILE_COLUMNS

Run = Callable[..., subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("polars") is None, reason="polars not installed"
)


def _sample(count: int) -> list[dict[str, str]]:
    with REGISTRY.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))[:count]


def _both(cli: Run, source: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    seen = []
    for engine in ("rows", "columns"):
        result = cli("cooperatives", "status", source, "--engine", engine, *extra)
        seen.append((result.returncode, result.stdout, result.stderr))
    assert seen[0] == seen[1]
    return result


@pytest.mark.parametrize(
    "extra",
    [
        ("--as-of", "2024-06-30"),
        ("--as-of", "2024-07-01", "--json", "--by", "province"),
        ("--as-of", "2021-12-31", "--csv", "--by", "kind", "--window-years", "2"),
        ("--as-of", "2024-06-30", "--lang", "en", "--show-invalid", "1"),
    ],
)
def test_sample_registry_same_output_from_both_engines(cli: Run, extra: tuple[str, ...]) -> None:
    result = _both(cli, REGISTRY, *extra)
    assert result.returncode == 0
    assert result.stdout
    assert "region_unknown" in result.stderr  # a warning, reported by both


def _damaged(path: Path) -> Path:
    lines = REGISTRY.read_bytes().splitlines(keepends=True)
    header, body = lines[0], lines[1:300]
    bad = [
        b"\n",  # a blank line
        body[5].rstrip(b"\n") + b",extra,cells\n",  # more cells than columns
        b",".join(body[6].split(b",")[:5]) + b"\n",  # fewer cells
        body[7].replace(b"Koperasi", b"Koperasi\xff\xfe", 1),  # not UTF-8
        body[8].replace(b"Koperasi", b'"Koperasi ""Baru""\nUnit 2"', 1),  # a cell over two lines
        body[9].replace(b",18.", b",91.", 1),  # a retired province code
        body[10].replace(b"Koperasi", b"  Koperasi", 1),  # a leading space
        body[11].replace(b"Koperasi", b'=HYPERLINK("x")', 1),
        body[12].replace(b"\n", b"\r\n"),
        body[1],  # the same cooperative twice
    ]
    path.write_bytes(
        b"\xef\xbb\xbf" + header + b"".join(body[:5]) + b"".join(bad) + b"".join(body[13:])
    )
    return path


@pytest.mark.parametrize("lenient", [False, True])
def test_damaged_registry_same_output_and_warnings(cli: Run, tmp_path: Path, lenient: bool) -> None:
    source = _damaged(tmp_path / "damaged.csv")
    extra = ["--lenient"] if lenient else []
    result = _both(cli, source, "--as-of", "2024-06-30", *extra)
    assert result.returncode == 0
    assert "tidak valid" in result.stderr
    _both(cli, source, "--as-of", "2024-06-30", "--json", "--lang", "en", *extra)


def test_robustness_suite_hostile_registry_same_output(cli: Run, tmp_path: Path) -> None:
    """The hostile registry of the robustness suite (issue 13), through both engines."""
    header = [*columns(entity_type("cooperative")), *HOSTILE_COLUMNS]
    source = tmp_path / "hostile.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([value] * len(header) for value in CELLS)
        writer.writerows([row.get(c, "") for c in header] for row in _sample(50))
    for lenient in ([], ["--lenient"]):
        result = _both(cli, source, "--as-of", "2024-06-01", "--json", *lenient)
        assert result.returncode == 0


def test_json_lines_registry_same_output(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "registry.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for row in _sample(200):
            try:
                out.write(json.dumps(to_dict(rows.structure(Cooperative, row))) + "\n")
            except ValidationError:
                out.write(json.dumps({"name": row["name"]}) + "\n")
        out.write("{not json\n")
    result = _both(cli, source, "--as-of", "2024-06-30")
    assert result.returncode == 0


def test_bpum_screen_of_json_lines_same_output_from_both_engines(cli: Run, tmp_path: Path) -> None:
    # Regression: with no flat record in a batch the columnar engine built a
    # frame of no columns, whose height polars refuses.
    source = tmp_path / "usulan.jsonl"
    source.write_text('{"nik": "1871010101900001"}\n{"name": 1}\n[]\n', encoding="utf-8")
    seen = []
    for engine in ("rows", "columns"):
        result = cli("bpum", "screen", source, "--year", "2021", "--engine", engine)
        seen.append((result.returncode, result.stdout, result.stderr))
    assert seen[0] == seen[1]
    assert seen[0][1].count("tidak_valid") == 3
