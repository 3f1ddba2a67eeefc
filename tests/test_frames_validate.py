"""``validate --engine columns`` for cooperatives, KUR applications and BPUM proposals.

The columnar engine must print what ``--engine rows`` prints, byte for byte:
the same problems (codes, both languages, paths, masking), the same warnings
and the same counts on standard error, the same exit code. Checked on the
sample data, on hostile files (the robustness suite's cells and column
names, ragged and non-UTF-8 rows, JSON Lines), on junk put into valid rows,
and on valid and invalid records from :mod:`koperasi_id.strategies`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from _hypothesis_optional import given, settings, st  # noqa: E402
from _robustness import NIKS, assert_masked  # noqa: E402
from koperasi_id import bpum, rows  # noqa: E402
from koperasi_id.cli import main  # noqa: E402
from koperasi_id.cli._common import value_warnings  # noqa: E402
from koperasi_id.cli.validate import entity_type  # noqa: E402
from koperasi_id.errors import ValidationError  # noqa: E402
from koperasi_id.frames._validity import validity_checker  # noqa: E402
from koperasi_id.kur import KurApplication  # noqa: E402
from koperasi_id.serialization import to_dict  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402
from test_frames_cooperatives import COOP_JUNK  # noqa: E402
from test_frames_kur import ROW  # noqa: E402
from test_robustness_files import BPUM_ROW, CELLS, HOSTILE_COLUMNS  # noqa: E402

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
TYPES = ("cooperative", "kur-application", "bpum-proposal")

#: A valid KUR application as CSV cells: the KUR frames tests' row, with every kind of cell.
KUR_ROW = {
    **ROW,
    "npwp": "01.234.567.4-123.000",
    "business.region": "18.71",
    "business.kbli": "47111",
    "business.nib": "0220000451127",
    "business.capital": "50000000",
    "business.workers": "3",
    "existing_credits[0].kind": "konsumtif_rumah_tangga",
    "existing_credits[0].plafond": "5000000",
    "existing_credits[0].outstanding": "100000",
    "contract_months": "",
    "had_training": "false",
}
#: Cells the KUR checks have a rule about, beyond the junk of every reader.
KUR_JUNK: tuple[str | None, ...] = (
    *JUNK,
    "0",
    "-1",
    "601",
    "1000",
    "1001",
    "12.5",
    "1e3",
    "10000000000000",
    "pmi",
    "super_mikro",
    "kecil",
    "kur",
    "true",
    "lunas",
    "2024-02-30",
    "1899-12-31",
    "9899-12-31",
    "91.01",  # a retired region code: valid, with a warning
    "18.71.99",  # an unknown one
    "9101021708750001",  # a NIK of a retired region
)


def validate(path: Path, kind: str, engine: str, capsys: Any, *extra: str) -> tuple[int, str, str]:
    code = main(["validate", "--type", kind, str(path), "--engine", engine, *extra])
    out, err = capsys.readouterr()
    return code, out, err


def same_from_both(path: Path, kind: str, capsys: Any, *extra: str) -> tuple[int, str, str]:
    """Run both engines; their exit codes, standard output and standard error must be equal."""
    by_rows = validate(path, kind, "rows", capsys, *extra)
    by_columns = validate(path, kind, "columns", capsys, *extra)
    assert by_columns == by_rows
    assert "Traceback" not in by_rows[2]
    return by_rows


def write_rows(path: Path, records: Sequence[Mapping[str, Any]]) -> Path:
    """A CSV of ``records`` (their columns in first-seen order; None written as empty)."""
    columns = list(dict.fromkeys(c for r in records for c in r))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return path


# --- the sample data ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name"),
    [("bpum-proposal", "bpum_usulan_2021.csv"), ("cooperative", "koperasi_lampung.csv")],
)
@pytest.mark.parametrize("extra", [(), ("--format", "jsonl", "--lang", "en"), ("--lenient",)])
def test_sample_data_same_bytes(kind: str, name: str, extra: tuple[str, ...], capsys: Any) -> None:
    code, out, err = same_from_both(EXAMPLES / name, kind, capsys, *extra)
    assert code == 0
    assert out  # the samples hold invalid records on purpose
    # The registry sample has a value with a warning (an unknown region).
    assert ("warning" in err) == (kind == "cooperative")


def test_sample_proposals_as_json_lines_same_bytes(tmp_path: Path, capsys: Any) -> None:
    with (EXAMPLES / "bpum_usulan_2021.csv").open(encoding="utf-8") as f:
        wires = [bpum.proposal_from_row(r) for r in list(csv.DictReader(f))[:300]]
    source = tmp_path / "usulan.jsonl"
    source.write_text("".join(json.dumps(w) + "\n" for w in wires), encoding="utf-8")
    code, _, err = same_from_both(source, "bpum-proposal", capsys, "--format", "jsonl")
    assert code == 0
    assert err.startswith("300 ")


def test_kur_rows_with_junk_same_bytes(tmp_path: Path, capsys: Any) -> None:
    records: list[dict[str, Any]] = [dict(KUR_ROW) for _ in range(5)]
    for column in KUR_ROW:
        records += [{**KUR_ROW, column: value} for value in KUR_JUNK]
    records.append({**KUR_ROW, "scheme": "pmi", "contract_months": "24"})
    source = write_rows(tmp_path / "kur.csv", records)
    for extra in [(), ("--lang", "en", "--format", "jsonl"), ("--lenient",)]:
        code, out, err = same_from_both(source, "kur-application", capsys, *extra)
        assert code == 0
        assert "kur.contract_months" in out  # a cross-field rule, per record
        assert "nik.length" in out
        assert "region" in err  # the retired region's warning, counted alike
    # Valid rows stay valid: the first five records give no line.
    assert not any(line.startswith(("baris 2:", "baris 6:")) for line in out.splitlines())


def test_cooperative_rows_with_junk_same_bytes(tmp_path: Path, capsys: Any) -> None:
    with (EXAMPLES / "koperasi_lampung.csv").open(encoding="utf-8") as f:
        base = list(csv.DictReader(f))[:3]
    records: list[dict[str, Any]] = list(base)
    for column in base[0]:
        records += [{**base[0], column: value} for value in COOP_JUNK]
    records.append({**base[1], "rat_records[1].fiscal_year": base[1]["rat_records[0].fiscal_year"]})
    source = write_rows(tmp_path / "koperasi.csv", records)
    code, out, _ = same_from_both(source, "cooperative", capsys, "--format", "jsonl")
    assert code == 0
    codes = {json.loads(line)["code"] for line in out.splitlines()}
    assert "cooperative.rat_year_repeated" in codes  # crosses cell groups: per record


def test_bpum_rows_with_junk_same_bytes(tmp_path: Path, capsys: Any) -> None:
    records: list[dict[str, Any]] = [dict(BPUM_ROW)]
    for column in BPUM_ROW:
        records += [{**BPUM_ROW, column: value} for value in JUNK]
    # Valid, with warnings: a NIK and a proposer of a retired region code.
    records += [{**BPUM_ROW, "nik": "9101021708750001"}] * 2
    records.append({**BPUM_ROW, "wilayah_pengusul": "91.01"})
    source = write_rows(tmp_path / "usulan.csv", records)
    code, out, err = same_from_both(source, "bpum-proposal", capsys, "--lang", "en")
    assert code == 0
    assert "nik.length" in out
    assert "line 2:" not in out
    assert "nik.historical_region_code: 2 records (lines 696, 697)" in err
    assert "region.historical_region_code: 1 record (line 698)" in err


# --- the columnar path is taken ------------------------------------------------------


def _checked(kind: str, records: Sequence[Mapping[str, Any]]) -> tuple[Any, Any, Any]:
    """The column-wise check of one batch: invalid lines, warned lines, and the counts."""
    columns = list(dict.fromkeys(c for r in records for c in r))
    frame = pl.DataFrame(
        [[r.get(c, "") for c in columns] for r in records],
        schema=dict.fromkeys(columns, pl.String),
        orient="row",
    )
    checker = validity_checker(kind, lenient=False, warnings_of=value_warnings)
    try:
        lines = list(range(2, len(records) + 2))
        invalid, warned = checker.check(frame, lines=lines, taken={})
        return [n for n, _ in invalid], [n for n, _ in warned], checker.counts()
    finally:
        checker.close()


@pytest.mark.parametrize(
    ("kind", "valid", "warned", "broken", "counts"),
    [
        # A KUR row with a warning is structured on its own, for its warnings.
        (
            "kur-application",
            KUR_ROW,
            {"business.region": "91.01"},
            {"business.workers": "0"},
            (4, 2),
        ),
        # BPUM screening collects the warnings of its rows column-wise.
        ("bpum-proposal", BPUM_ROW, {"nik": "9101021708750001"}, {"telepon": "12"}, (5, 1)),
    ],
)
def test_valid_rows_are_vouched_for_column_wise(
    kind: str,
    valid: dict[str, str],
    warned: dict[str, str],
    broken: dict[str, str],
    counts: tuple[int, int],
) -> None:
    records = [valid] * 4 + [{**valid, **warned}, {**valid, **broken}]
    invalid, warnings, found = _checked(kind, records)
    assert invalid == [7]
    assert warnings == [6]
    # The plain valid rows never reach the per-record converter.
    assert found == counts


def test_a_column_named_with_spaces_is_judged_as_the_record_reader_reads_it() -> None:
    # The per-record converter strips column names: " scheme" is scheme there and
    # meets contract_months, which a KUR scheme other than pmi must not carry.
    row = {**KUR_ROW, "scheme": "pmi", "contract_months": "12", " scheme": "mikro"}
    with pytest.raises(ValidationError) as caught:
        rows.structure(KurApplication, row)
    assert "kur.contract_months" in caught.value.codes
    invalid, _warned, found = _checked("kur-application", [row])
    assert invalid == [2]
    assert found == (0, 1)  # the frame went per record


def test_sample_registry_rows_are_vouched_for_column_wise() -> None:
    with (EXAMPLES / "koperasi_lampung.csv").open(encoding="utf-8") as f:
        records = list(csv.DictReader(f))[:500]
    invalid, _, (columnar, per_record) = _checked("cooperative", records)
    assert columnar + per_record == 500
    assert columnar > 400
    assert len(invalid) <= per_record


# --- hostile files ---------------------------------------------------------------


def _hostile_csv(path: Path, kind: str) -> Path:
    """The robustness suite's file of hostile cells and columns, with broken records after."""
    header = list(BPUM_ROW) if kind == "bpum-proposal" else rows.columns(entity_type(kind))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*header, *HOSTILE_COLUMNS])
        writer.writerows([value] * (len(header) + len(HOSTILE_COLUMNS)) for value in CELLS)
    with path.open("ab") as f:
        f.write(b"\n")  # a blank line
        f.write(b"\xff\xfe" + NIKS[0].encode() + b"," * len(header) + b"\n")  # not UTF-8
        f.write(NIKS[0].encode() + b",x\n")  # too few cells
        f.write(b'"' + NIKS[1].encode() + b"\n")  # an unclosed quote
    return path


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("extra", [("--format", "jsonl"), ("--lenient", "--lang", "en")])
def test_hostile_file_same_bytes(
    kind: str, extra: tuple[str, ...], tmp_path: Path, capsys: Any
) -> None:
    source = _hostile_csv(tmp_path / "in.csv", kind)
    code, out, err = same_from_both(source, kind, capsys, *extra)
    assert code == 0
    assert out
    assert_masked(out, "validate output")
    assert_masked(err, "validate errors")


@pytest.mark.parametrize("kind", TYPES)
def test_hostile_json_lines_same_bytes(kind: str, tmp_path: Path, capsys: Any) -> None:
    source = tmp_path / "in.jsonl"
    lines = [json.dumps({**BPUM_ROW, "x": 1}), json.dumps(KUR_ROW)]
    lines += [json.dumps(v) for v in CELLS[:20]]  # not objects
    lines += ["[" * 10_000 + "]" * 10_000, "{" + NIKS[0]]  # nesting bomb, broken JSON
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = same_from_both(source, kind, capsys, "--format", "jsonl")
    assert code == 0
    assert_masked(out + err, "validate of JSON Lines")
    assert len({json.loads(line)["line"] for line in out.splitlines()}) == len(lines)


def test_a_file_without_a_required_column_same_bytes(tmp_path: Path, capsys: Any) -> None:
    without = {k: v for k, v in KUR_ROW.items() if k != "scheme"}
    source = write_rows(tmp_path / "kur.csv", [without, {**without, "plafond": "x"}])
    code, out, _ = same_from_both(source, "kur-application", capsys)
    assert code == 0
    assert "$.scheme" in out


# --- generated records -------------------------------------------------------------


def _cells(kind: str, entity: Any) -> dict[str, Any]:
    if kind == "bpum-proposal":
        return dict(bpum.proposal_to_row(entity))
    return dict(rows.flatten(to_dict(entity)))


def _strategy(kind: str) -> Any:
    from koperasi_id import strategies  # noqa: PLC0415 - needs hypothesis

    if kind == "cooperative":
        return strategies.cooperatives()
    if kind == "kur-application":
        return strategies.kur_applications()
    return strategies.bpum_proposals()


def _damaged(kind: str) -> Any:
    junk = {"cooperative": COOP_JUNK, "kur-application": KUR_JUNK, "bpum-proposal": JUNK}[kind]

    @st.composite
    def records(draw: Any) -> list[dict[str, Any]]:
        made = [_cells(kind, e) for e in draw(st.lists(_strategy(kind), min_size=1, max_size=8))]
        columns = list(dict.fromkeys(c for r in made for c in r))
        for row in made:
            damage = draw(st.sampled_from(["none", "none", "junk", "text", "space", "blank"]))
            column = draw(st.sampled_from(columns))
            if damage == "junk":
                row[column] = draw(st.sampled_from(junk))
            elif damage == "text":
                row[column] = draw(st.text(max_size=12).filter(lambda t: "\r" not in t))
            elif damage == "space" and row.get(column):
                row[column] = f" {row[column]}"
            elif damage == "blank":
                row[column] = ""
        return made

    return records()


@pytest.mark.parametrize("kind", TYPES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_generated_records_same_bytes(kind: str, data: Any, tmp_path_factory: Any) -> None:
    records = data.draw(_damaged(kind))
    source = write_rows(tmp_path_factory.mktemp("gen") / "in.csv", records)
    results = []
    for engine in ("rows", "columns"):
        out = source.with_suffix(f".{engine}.jsonl")
        argv = ["validate", "--type", kind, str(source), "--engine", engine, "--format", "jsonl"]
        err = io.StringIO()
        with redirect_stderr(err):
            code = main([*argv, "--out", str(out)])
        results.append((code, out.read_bytes() if out.exists() else b"", err.getvalue()))
    assert results[0] == results[1]
    assert results[0][0] in (0, 1)


@pytest.mark.parametrize("kind", TYPES)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_generated_valid_records_report_nothing(
    kind: str, data: Any, tmp_path_factory: Any
) -> None:
    made = data.draw(st.lists(_strategy(kind), min_size=1, max_size=8))
    source = write_rows(tmp_path_factory.mktemp("ok") / "in.csv", [_cells(kind, e) for e in made])
    out = source.with_suffix(".jsonl")
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(["validate", "--type", kind, str(source), "--engine", "columns",
                     "--format", "jsonl", "--out", str(out)])  # fmt: skip
    assert code == 0
    assert out.read_text(encoding="utf-8") == ""
    assert f"{len(made)} records, {len(made)} valid, 0 invalid" in err.getvalue() or (
        f"{len(made)} rekaman, {len(made)} valid, 0 tidak valid" in err.getvalue()
    )
