"""``koperasi-id law`` shows a --rules file's texts through the mask in every format.

The table and the CSV masked the names, notes and citations a rules file
brought; ``--format json`` (list, show, diff, export) printed them raw: a
bidirectional override reached the terminal, and the control characters came
out as JSON escapes of the characters themselves, not as the mask shows them.
A run of 12 digits or more is refused in a rules file already; runs of 10 and
11 digits are accepted, and the mask shows them as they are in every format.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from koperasi_id import law
from koperasi_id.cli import main

ESC = "\x1b[2J"
TEN = "1234567890"
ELEVEN = "10000000000"  # under the 12 digits a NIK-like run needs: shown as it is
RULES = (
    '[[regimes]]\nrule = "kur.rate"\naction = "replace"\n'
    f'name = "Reformasi\\u001b[2J {TEN}"\nvalid_from = 2027-01-01\n'
    'unit = "percent_per_year"\nconfidence = "M"\n'
    f'note = "batas {ELEVEN}\\r\\nforged"\n'
    f'citation = {{ instrument = "PP\\u202e {TEN}", '
    f'article = "Pasal 1 ayat {ELEVEN}", note = "catatan\\u0007" }}\n'
    'patch = { mikro = ["5"] }\n'
)
COMMANDS = [
    ["law", "list", "--as-of", "2027-03-01"],
    ["law", "show", "kur.rate"],
    ["law", "diff", "2026-12-31", "2027-01-01"],
]


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    path = tmp_path / "reform.toml"
    path.write_text(RULES, encoding="utf-8")
    return path


def _out(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[1])
def test_a_rules_file_text_reaches_no_format_unmasked(
    command: list[str], fmt: str, rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out([*command, "--rules", str(rules), "--format", fmt], capsys)
    assert not [c for c in ("\x1b", "\r", "\u202e", "\x07") if c in out]
    # Nor JSON's escapes of the raw characters: the mask shows them as \x1b, \x07.
    assert "\\u001b" not in out
    assert "\\u0007" not in out
    assert TEN in out
    assert ELEVEN in out  # a run under 12 digits is no identifier: unchanged


def test_the_json_shows_each_text_as_mask_shows_it(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _out([*COMMANDS[0], "--rules", str(rules), "--format", "json"], capsys)
    (found,) = [r for r in json.loads(out) if r["id"] == "kur.rate"]
    regime = found["regime"]
    assert regime["name"] == f"Reformasi\\x1b[2J {TEN}"
    assert regime["note"] == f"batas {ELEVEN}\\r\\nforged"
    assert regime["citation"] == {
        "instrument": f"PP\\u202e {TEN}",
        "article": f"Pasal 1 ayat {ELEVEN}",
        "note": "catatan\\x07",
    }
    # The CSV shows the same texts.
    csv_out = _out([*COMMANDS[0], "--rules", str(rules), "--format", "csv"], capsys)
    (row,) = [r for r in csv.DictReader(io.StringIO(csv_out)) if r["id"] == "kur.rate"]
    assert (row["regime"], row["instrument"], row["article"]) == (
        regime["name"],
        regime["citation"]["instrument"],
        regime["citation"]["article"],
    )


def test_export_masks_a_rules_file_and_leaves_the_shipped_register_as_it_is(
    rules: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = json.loads(_out(["law", "export"], capsys))
    assert shipped == json.loads(json.dumps(law.register_document()))
    reformed = _out(["law", "export", "--rules", str(rules)], capsys)
    assert not [c for c in ("\x1b", "\r", "\u202e", "\x07") if c in reformed]
    (rule,) = [r for r in json.loads(reformed)["rules"] if r["id"] == "kur.rate"]
    assert rule["regimes"][-1]["name"] == f"Reformasi\\x1b[2J {TEN}"
    # Every other rule is the shipped one.
    others = [r for r in json.loads(reformed)["rules"] if r["id"] != "kur.rate"]
    assert others == [r for r in shipped["rules"] if r["id"] != "kur.rate"]
