"""``koperasi-id law`` and ``--rules FILE`` on the commands that apply rules."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from koperasi_id import law

Run = Callable[..., subprocess.CompletedProcess[str]]
ROOT = Path(__file__).resolve().parents[1]
KUR_2027 = ROOT / "examples" / "overrides" / "kur_2027.toml"
BPUM_STRICT = ROOT / "examples" / "overrides" / "bpum_2021_strict.toml"


def test_list_as_of_a_day_in_three_formats(cli: Run) -> None:
    table = cli("law", "list", "--as-of", "2021-10-12", "--lang", "en")
    assert table.returncode == 0, table.stderr
    header, *rows = table.stdout.splitlines()
    assert header.split()[:2] == ["rule", "value"]
    size = next(r for r in rows if r.startswith("msme.size_criteria "))
    assert "2021-02-02" in size
    assert "PP 7/2021 Pasal 35" in size
    as_json = json.loads(cli("law", "list", "--as-of", "2021-10-12", "--format", "json").stdout)
    assert [r["id"] for r in as_json] == [
        r.rule.id for r in law.in_force(__import__("datetime").date(2021, 10, 12))
    ]
    as_csv = list(
        csv.DictReader(
            io.StringIO(cli("law", "list", "--as-of", "2021-10-12", "--format", "csv").stdout)
        )
    )
    rate = next(r for r in as_csv if r["id"] == "kur.rate")
    assert (rate["regime"], rate["valid_from"], rate["confidence"]) == (
        "kur-2021",
        "2021-01-01",
        "M",
    )


def test_show_a_rule_and_refuse_an_unknown_one(cli: Run) -> None:
    shown = cli("law", "show", "kur.rate", "--format", "json")
    [record] = json.loads(shown.stdout)
    assert [r["name"] for r in record["regimes"]] == [
        r.name for r in law.history("kur.rate").regimes
    ]
    unknown = cli("law", "show", "kur.3201234567890123")
    assert unknown.returncode == 2
    assert "3201234567890123" not in unknown.stderr
    assert "koperasi-id law list shows the ids" in unknown.stderr


def test_show_by_alias_says_the_canonical_id(cli: Run, tmp_path: Path) -> None:
    table = cli("law", "show", "kur.rate.tiers", "--lang", "en")
    assert table.returncode == 0, table.stderr
    first, second = table.stdout.splitlines()[:2]
    assert first == "kur.rate.tiers is an alias of kur.rate"
    assert second.startswith("kur.rate (percent_per_year, koperasi_id.kur): ")
    [record] = json.loads(cli("law", "show", "msme.size_bands", "--format", "json").stdout)
    assert (record["id"], record["aliases"]) == ("msme.size_criteria", ["msme.size_bands"])
    # The canonical id itself gets no alias line.
    assert cli("law", "show", "kur.rate").stdout.startswith("kur.rate (")
    # A reform file naming the alias changes what `law show` prints for the rule.
    reform = tmp_path / "alias.toml"
    reform.write_text(
        KUR_2027.read_text("utf-8").replace('rule = "kur.rate"', 'rule = "kur.rate.tiers"'),
        "utf-8",
    )
    assert 'rule = "kur.rate.tiers"' in reform.read_text("utf-8")
    [changed] = json.loads(
        cli("law", "show", "kur.rate.tiers", "--format", "json", "--rules", str(reform)).stdout
    )
    assert changed["regimes"][-1]["name"] == "permenko-contoh-2027"


def test_diff_lists_the_changes_between_two_days(cli: Run) -> None:
    out = cli("law", "diff", "2022-01-01", "2024-01-01", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    rate = next(r for r in rows if r["id"] == "kur.rate")
    assert (rate["on"], rate["old_regime"], rate["new_regime"]) == (
        "2023-01-01",
        "permenko-1-2022",
        "permenko-1-2023",
    )
    assert json.loads(rate["new_value"])["mikro"] == ["6", "7", "8", "9"]
    backwards = cli("law", "diff", "2024-01-01", "2022-01-01")
    assert backwards.returncode == 2


def test_export_and_schema(cli: Run) -> None:
    document = json.loads(cli("law", "export").stdout)
    assert document == json.loads(json.dumps(law.register_document()))
    schema = json.loads(cli("law", "export", "--schema").stdout)
    assert schema == law.register_schema()


def test_rules_file_changes_the_listing_and_the_kur_simulation(cli: Run) -> None:
    listed = cli("law", "list", "--as-of", "2027-03-01", "--format", "json", "--rules", KUR_2027)
    rate = next(r for r in json.loads(listed.stdout) if r["id"] == "kur.rate")
    assert rate["regime"]["name"] == "permenko-contoh-2027"
    args = ("kur", "simulate", "--plafond", "50000000", "--months", "12", "--akad", "2027-03-01")
    shipped = cli(*args, "--lang", "en").stdout.splitlines()[0]
    reformed = cli(*args, "--lang", "en", "--rules", KUR_2027).stdout.splitlines()[0]
    assert "rate 6% per year" in shipped
    assert "rate 5% per year" in reformed


def test_rules_file_changes_the_bpum_screen(cli: Run, tmp_path: Path) -> None:
    source = ROOT / "examples" / "data" / "bpum_usulan_2021.csv"
    plain = cli("bpum", "screen", source, "--year", "2021", "--format", "csv")
    strict = cli(
        "bpum", "screen", source, "--year", "2021", "--format", "csv", "--rules", BPUM_STRICT
    )
    assert plain.returncode == strict.returncode == 0, strict.stderr
    assert plain.stdout != strict.stdout
    assert "bpum.other_bank_credit" in strict.stdout


def test_a_bad_rules_file_is_a_usage_error_with_paths(cli: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[regimes]]\nrule = "kur.rate"\nunit = "rupiah"\n', "utf-8")
    done = cli("msme", "classify", "--capital", "1", "--as-of", "2024-01-01", "--rules", bad)
    assert done.returncode == 2
    assert "$.regimes[0].unit" in done.stderr
    assert "[overrides.unit]" in done.stderr


def test_rules_file_reaches_msme_classify_and_cooperatives_status(cli: Run, tmp_path: Path) -> None:
    reform = tmp_path / "r.toml"
    reform.write_text(
        "[[regimes]]\n"
        'rule = "msme.size_criteria"\naction = "replace"\nname = "contoh"\n'
        'valid_from = 2024-01-01\nunit = "table"\nconfidence = "L"\n'
        'citation = { instrument = "PP (contoh) 1/2024" }\n'
        "[regimes.patch]\nbands = []\n",
        "utf-8",
    )
    done = cli("msme", "classify", "--capital", "1", "--as-of", "2024-01-01", "--rules", reform)
    # An empty band table is not a valid size criteria: the problem shows its path.
    assert done.returncode == 2
    assert "$.regimes[0].patch" in done.stderr
    window = tmp_path / "window.toml"
    window.write_text(
        "[[regimes]]\n"
        'rule = "cooperatives.activity_status"\naction = "replace"\nname = "provinsi"\n'
        'valid_from = 2020-01-01\nunit = "table"\nconfidence = "M"\n'
        'citation = { instrument = "Pergub (contoh) 1/2020" }\n'
        "patch = { window_years = 1 }\n",
        "utf-8",
    )
    registry = ROOT / "examples" / "data" / "koperasi_lampung.csv"
    args = ("cooperatives", "status", registry, "--as-of", "2024-01-01", "--json")
    shipped = json.loads(cli(*args).stdout)
    provincial = json.loads(cli(*args, "--rules", window).stdout)
    assert (provincial["registered"], provincial["window_years"]) == (shipped["registered"], 1)
    assert provincial["active"] < shipped["active"]  # fewer RATs fall in one year
