"""Every Problem speaks Indonesian and English (issue 17, item 8).

A ``Problem`` carries ``message_id`` (Indonesian) beside ``message`` (English),
as a ``Finding`` does. The walk below drives the junk corpora of the robustness
suite through every parser, the converter, the flat-row and BPUM-row readers,
the file readers, the batch line readers and the reform-file checker; every
problem met must say what is wrong in Indonesian, in other words than the
English, and neither text may show the NIKs of the corpus.
``_robustness.outcome`` makes the same checks in every robustness test.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import test_robustness_parsers as parsers_suite
from _robustness import (
    NIKS,
    TEXT_BOMBS,
    assert_bilingual,
    assert_masked,
    entity_types,
    nik_texts,
    outcome,
    problems_of,
    python_bombs,
)
from koperasi_id import bpum, cli, rows
from koperasi_id._io import open_records
from koperasi_id._overrides import parse_overrides
from koperasi_id._values import mask
from koperasi_id.batch import read_csv_lines, read_jsonl_lines, validate_records
from koperasi_id.decisions import Finding
from koperasi_id.errors import Problem, ValidationError, in_language
from koperasi_id.law import Citation
from koperasi_id.serialization import from_dict, from_json, to_dict

JUNK: tuple[object, ...] = (*python_bombs(), *TEXT_BOMBS, *nik_texts(every=False))
#: A sample of it for every field of every entity (the converter's own suite takes it all).
FIELD_JUNK: tuple[object, ...] = (
    *python_bombs()[::2],
    *TEXT_BOMBS[::4],
    *nik_texts(every=False)[::3],
)


def _walk(tmp_path: Path) -> Iterator[tuple[str, Problem]]:
    """``(where, problem)`` for every problem the junk corpus provokes."""
    for name, fn, param in parsers_suite.PARSERS:
        for value in JUNK:
            for p in problems_of(outcome(fn, name, **{param: value})):
                yield name, p
    for cls in entity_types():
        for value in JUNK[:12]:
            for p in problems_of(outcome(from_dict, "from_dict", cls=cls, data=value)):
                yield f"from_dict({cls.__name__})", p
        for field in attrs.fields(cls):
            for value in FIELD_JUNK:
                data = {field.name: value, NIKS[0]: 1}
                for p in problems_of(outcome(from_dict, "from_dict", cls=cls, data=data)):
                    yield f"from_dict({cls.__name__}.{field.name})", p
        for text in ("[1]", "{", '{"a": 1e5}', '{"a": -0}', "[" * 200):
            for p in problems_of(outcome(from_json, "from_json", cls=cls, text=text)):
                yield f"from_json({cls.__name__})", p
    for cls in entity_types():
        for value in nik_texts(every=False):
            row = {f.name: value for f in attrs.fields(cls)} | {value: "x", "a[b": "1"}
            for p in problems_of(outcome(rows.structure, "rows.structure", cls=cls, row=row)):
                yield f"rows.structure({cls.__name__})", p
    for value in JUNK:
        if isinstance(value, str):
            row = dict.fromkeys(bpum.PROPOSAL_COLUMNS, value) | {value: value}
            for p in problems_of(outcome(bpum.structure_row, "bpum.structure_row", row=row)):
                yield "bpum.structure_row", p
    for data in (*JUNK[:12], {"regimes": [{}]}, {"regimes": [dict.fromkeys("abc", NIKS[0])]}):
        for p in problems_of(outcome(parse_overrides, "parse_overrides", data=data)):
            yield "parse_overrides", p
    lines = ["[1]\n", "{\n", "[" * 100_000 + "\n", "x" * 2_000_000 + "\n", f'"{NIKS[0]}"\n']
    for item in read_jsonl_lines(lines):
        for p in problems_of(item):
            yield "read_jsonl_lines", p
    for item in read_csv_lines(["a,b\n", '1,"x\n', "2,3\n", "y" * 2_000_000 + "\n"]):
        for p in problems_of(item):
            yield "read_csv_lines", p
    files = {
        "rows.csv": b'name,nik\nx,"1\n'
        + f"a,b,c,{NIKS[0]}\n".encode()
        + b"\xff\xfe,\x00\n"
        + b"z" * 2_000_000
        + b"\n",
        "rows.jsonl": b'[1]\n{"a": 1E+2}\n\xff\n' + b"[" * 200 + b"\n",
        "rows.json": b'[1, {"a": -0}, {"b": 1}]',
    }
    for name, body in files.items():
        path = tmp_path / name
        path.write_bytes(body)
        with open_records(path) as reader:
            for record in reader:
                for p in record.problems:
                    yield f"open_records({name})", p


def test_every_problem_of_the_junk_walk_is_bilingual_and_masked(tmp_path: Path) -> None:
    seen: dict[str, int] = {}
    for where, problem in _walk(tmp_path):
        assert_bilingual(problem, where)
        for text in (problem.message, problem.message_id, problem.describe("id"), problem.path):
            assert_masked(text, where)
        seen[problem.code] = seen.get(problem.code, 0) + 1
    # The walk reaches every layer: value types, numbers, money, the converter,
    # flat rows, BPUM rows, files, JSON, batch lines and reform files.
    expected = {
        "nik.length", "nik.characters", "kk.length", "npwp.length", "phone.characters",
        "region.syntax", "money.syntax", "money.type", "type.str", "type.date", "type.decimal",
        "type.float", "type.int", "type.bool", "type.list", "type.object", "enum", "missing",
        "unknown_field", "unknown_column", "row.unknown_column", "row.missing_column",
        "json.number", "json.depth", "json", "csv.quote", "line.too_long", "encoding",
        "row.extra_cells", "cell.too_long", "overrides.type", "overrides.missing",
        "overrides.unknown_key", "year_end.syntax",
    }  # fmt: skip
    assert expected <= set(seen), sorted(expected - set(seen))
    assert len(seen) >= 60, sorted(seen)


# --- Problem and ValidationError --------------------------------------------------

P = Problem(
    path="$.nik",
    code="nik.length",
    message="a NIK has 16 digits, got 8",
    message_id="NIK harus 16 digit, diisi 8 digit",
)


def test_text_gives_indonesian_by_default_and_english_on_request() -> None:
    assert P.text() == "NIK harus 16 digit, diisi 8 digit"
    assert P.text("id") == P.message_id
    assert P.text("en") == "a NIK has 16 digits, got 8" == P.message == P.message_en
    assert P.describe() == "$.nik: NIK harus 16 digit, diisi 8 digit [nik.length]"
    assert P.describe("en") == str(P) == "$.nik: a NIK has 16 digits, got 8 [nik.length]"


@pytest.mark.parametrize("lang", ["fr", "ID", "", "in", NIKS[0], None])
def test_any_other_language_is_refused_and_not_echoed(lang: object) -> None:
    for pick in (P.text, P.describe, ValidationError([P]).text):
        with pytest.raises(ValueError, match="language must be 'id' or 'en'") as caught:
            pick(lang)  # type: ignore[arg-type]
        assert_masked(str(caught.value), "the refusal")
        assert mask(lang, limit=40, quote=True) in str(caught.value)


def test_finding_and_problem_refuse_a_language_in_the_same_words() -> None:
    finding = Finding(
        code="x", passed=True, message_id="ya", message_en="yes", citation=Citation("UU 1/2000")
    )
    with pytest.raises(ValueError, match="not 'fr'") as by_finding:
        finding.message("fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not 'fr'") as by_problem:
        P.text("fr")  # type: ignore[arg-type]
    assert str(by_finding.value) == str(by_problem.value)
    assert in_language("id", "ya", "yes") == "ya"


def test_message_id_is_required() -> None:
    with pytest.raises(TypeError, match="message_id"):
        Problem(code="x", message="y")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="message_id"):
        ValidationError.single("x", "y")  # type: ignore[call-arg]


def test_under_keeps_both_texts() -> None:
    moved = ValidationError([P]).under("$.members[2]").problems[0]
    assert moved.path == "$.members[2].nik"
    assert (moved.message, moved.message_id) == (P.message, P.message_id)
    assert P.under("$.owner") == attrs.evolve(P, path="$.owner.nik")


def test_a_pickled_validation_error_keeps_both_texts() -> None:
    err = ValidationError(
        [P, Problem(code="kk.length", message="a KK number has 16 digits", message_id="nomor KK")]
    )
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is ValidationError
    assert again.problems == err.problems
    assert [p.message_id for p in again.problems] == [
        "NIK harus 16 digit, diisi 8 digit",
        "nomor KK",
    ]
    assert again.text() == err.text()
    assert str(again) == str(err)


def test_the_error_text_is_in_the_language_asked_and_str_stays_english() -> None:
    err = ValidationError([P, P.under("$.owner")])
    assert err.text().startswith("2 masalah: $.nik: NIK harus 16 digit")
    assert err.text("en") == str(err)
    assert str(err).startswith("2 problems: $.nik: a NIK has 16 digits, got 8 [nik.length]")


def test_a_problem_serialises_with_both_texts_and_reads_back() -> None:
    body = to_dict(P)
    assert body == {
        "path": "$.nik",
        "code": "nik.length",
        "message": "a NIK has 16 digits, got 8",
        "message_id": "NIK harus 16 digit, diisi 8 digit",
    }
    assert from_dict(Problem, body) == P
    with pytest.raises(ValidationError) as caught:
        from_dict(Problem, {"code": "x", "message": "y"})
    assert caught.value.codes == ("missing",)
    assert caught.value.paths == ("$.message_id",)


def test_batch_results_carry_both_texts() -> None:
    (result,) = validate_records(bpum.Proposal, [{"nik": NIKS[0][:8]}])
    nik = next(p for p in result["problems"] if p["path"] == "$.nik")
    assert nik["message"] == "a NIK has 16 digits, got 8"
    assert nik["message_id"] == "NIK harus 16 digit, diisi 8 digit"


# --- the command line ---------------------------------------------------------------


def _business_file(tmp_path: Path) -> Path:
    path = tmp_path / "usaha.jsonl"
    path.write_text(
        json.dumps({"name": "Warung", "owner_nik": NIKS[0][:8], "started_on": "2019-03-01"}) + "\n",
        encoding="utf-8",
    )
    return path


def _main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_validate_prints_problems_in_indonesian_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _business_file(tmp_path)
    code, out, _ = _main(["validate", "--type", "business", str(path)], capsys)
    assert code == 0
    assert out == "baris 1: $.owner_nik: NIK harus 16 digit, diisi 8 digit [nik.length]\n"
    code, out, _ = _main(["validate", "--type", "business", str(path), "--lang", "en"], capsys)
    assert out == "line 1: $.owner_nik: a NIK has 16 digits, got 8 [nik.length]\n"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_validate_jsonl_carries_both_texts_whatever_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = _business_file(tmp_path)
    args = ["validate", "--type", "business", str(path), "--format", "jsonl", "--lang", lang]
    code, out, _ = _main(args, capsys)
    assert code == 0
    assert json.loads(out) == {
        "line": 1,
        "path": "$.owner_nik",
        "code": "nik.length",
        "message": "a NIK has 16 digits, got 8",
        "message_id": "NIK harus 16 digit, diisi 8 digit",
    }


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            [],
            "koperasi-id: error: 1 masalah: $.grace_months: masa tenggang (6) harus lebih pendek "
            "dari jangka waktu (6) [schedule.grace_too_long]\n",
        ),
        (
            ["--lang", "en"],
            "koperasi-id: error: 1 problem: $.grace_months: grace (6) must be shorter than the "
            "tenor (6) [schedule.grace_too_long]\n",
        ),
    ],
)
def test_a_bad_input_error_is_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: list[str], expected: str
) -> None:
    args = ["kur", "simulate", "--plafond", "1000000", "--months", "6", "--akad", "2024-05-01"]
    code, out, err = _main([*args, "--grace", "6", *lang], capsys)
    assert code == 2
    assert out == ""
    assert err == expected


@pytest.mark.parametrize(("lang", "word"), [("id", "harus berupa tabel"), ("en", "a table")])
def test_a_rules_file_with_problems_is_reported_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, word: str
) -> None:
    rules = tmp_path / "reform.json"
    rules.write_text('{"regimes": [1]}', encoding="utf-8")
    args = ["law", "list", "--as-of", "2024-05-01", "--rules", str(rules), "--lang", lang]
    code, _, err = _main(args, capsys)
    assert code == 2
    assert f"$.regimes[0]: {'harus berupa tabel' if lang == 'id' else 'expected a table'}" in err
    assert word in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "koperasi-id: baris 2: $.legal_entity_numbers: kolom wajib tidak ada [missing]"),
        ("en", "koperasi-id: line 2: $.legal_entity_numbers: required field is missing [missing]"),
    ],
)
def test_cooperatives_status_shows_invalid_records_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    path = tmp_path / "koperasi.csv"
    path.write_text(
        "name,deed_approved_on,form,kind,region,membership_area,member_count\n"
        "KSP Maju,2019-01-01,primer,konsumen,18.71,dalam_kabupaten_kota,30\n",
        encoding="utf-8",
    )
    args = ["cooperatives", "status", str(path), "--as-of", "2024-01-01", "--lang", lang]
    code, _, err = _main(args, capsys)
    assert code == 0
    assert expected in err.splitlines()
