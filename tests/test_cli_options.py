"""Options every subcommand shares: ``--lang``, amounts as people type them."""

from __future__ import annotations

import argparse
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from koperasi_id.cli import build_parser

Run = Callable[..., subprocess.CompletedProcess[str]]

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"
PROPOSALS = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"
KUR = ("kur", "simulate", "--plafond", "10000000", "--months", "12", "--akad", "2024-05-01")


def _leaf_parsers() -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found[prefix.strip()] = parser
        for action in subs:
            for name, child in action.choices.items():
                walk(child, f"{prefix} {name}")

    walk(build_parser(), "")
    return found


def test_every_subcommand_has_lang_id_by_default() -> None:
    leaves = _leaf_parsers()
    assert set(leaves) == {
        "cooperatives status",
        "bpum screen",
        "kur simulate",
        "msme classify",
        "validate",
        "law list",
        "law show",
        "law diff",
        "law export",
        "schema",
    }
    for name, parser in leaves.items():
        lang = next(a for a in parser._actions if "--lang" in a.option_strings)
        assert list(lang.choices or ()) == ["id", "en"], name
        assert lang.default == "id", name


def test_every_subcommand_that_applies_rules_takes_a_rules_file() -> None:
    leaves = _leaf_parsers()
    with_rules = {
        name
        for name, parser in leaves.items()
        if any("--rules" in a.option_strings for a in parser._actions)
    }
    # validate only structures records and schema only describes them: no dated rule.
    assert with_rules == set(leaves) - {"validate", "schema"}


def test_an_unknown_language_is_a_usage_error(cli: Run) -> None:
    result = cli(*KUR, "--lang", "fr")
    assert result.returncode == 2
    assert "invalid choice: 'fr'" in result.stderr


def test_kur_simulate_speaks_indonesian_by_default_and_english_when_asked(cli: Run) -> None:
    indonesian = cli(*KUR).stdout
    english = cli(*KUR, "--lang", "en").stdout
    assert "12 bulan, bunga 3% per tahun" in indonesian
    assert "Pemeriksaan:" in indonesian
    assert "Checks:" not in indonesian
    assert "12 months, rate 3% per year" in english
    assert "Checks:" in english
    # the same figures in both
    assert [line.split()[-1] for line in indonesian.splitlines()[3:15]] == [
        line.split()[-1] for line in english.splitlines()[3:15]
    ]


def test_cooperatives_status_in_english_has_the_same_counts(cli: Run) -> None:
    args = ("cooperatives", "status", REGISTRY, "--as-of", "2021-10-12", "--by", "kind")
    indonesian = cli(*args).stdout.splitlines()
    english = cli(*args, "--lang", "en").stdout.splitlines()
    assert english[0] == "Cooperatives on 2021-10-12 (RAT window 3 fiscal years)"
    assert english[1].split() == ["registered", "active", "inactive", "%", "active"]
    assert indonesian[-4].split()[1:] == english[-4].split()[1:]  # the total line
    assert english[-4].startswith("Total ")
    assert english[-1].startswith("Basis: ")
    assert "5597 registered, 2942 active (52.56%)" in english[-2]


def test_bpum_summary_and_msme_findings_follow_the_language(cli: Run) -> None:
    screen = cli("bpum", "screen", PROPOSALS, "--year", "2021", "--format", "jsonl", "--lang", "en")
    assert "BPUM 2021: 10500 records" in screen.stderr
    assert "total aid of the eligible" in screen.stderr
    classify = ("msme", "classify", "--capital", "1", "--as-of", "2024-05-01")
    assert "Modal usaha Rp1: Usaha Mikro" in cli(*classify).stdout
    assert "Business capital Rp1: micro business" in cli(*classify, "--lang", "en").stdout


@pytest.mark.parametrize("typed", ["Rp50.000.000,00", "50000000", "Rp50.000.000"])
def test_amounts_read_as_people_type_them(cli: Run, typed: str) -> None:
    result = cli("kur", "simulate", "--plafond", typed, "--months", "12", "--akad", "2024-05-01")
    assert result.returncode == 0, result.stderr
    assert "plafond Rp50.000.000," in result.stdout


def test_dotted_thousands_without_rp_are_an_amount(cli: Run) -> None:
    result = cli(*KUR[:2], "--plafond", "50.000.000", "--months", "12", "--akad", "2024-05-01")
    assert result.returncode == 0, result.stderr
    assert "plafond Rp50.000.000," in result.stdout
