"""The project's own promises: CI runs the README's test command, verbatim."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import koperasi_id

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:bash|sh)\n(.+?)\n```", section)


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = _readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_readme_taste_runs_as_written() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## A taste", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 5


def test_the_version_lives_only_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert "version" in pyproject["project"]["dynamic"]
    source = ROOT / pyproject["tool"]["hatch"]["version"]["path"]
    assert f'__version__ = "{koperasi_id.__version__}"' in source.read_text(encoding="utf-8")


def test_the_project_links_its_source_and_issues() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert {"Source", "Issues", "Documentation", "Changelog"} <= set(urls)
    assert urls["Issues"].startswith(urls["Source"])


def test_changelog_has_an_unreleased_section() -> None:
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_sample_data_is_what_its_script_makes(tmp_path: Path) -> None:
    # The sample files are promised deterministic (fixed seed): regenerating
    # them must give the committed bytes, so they never drift from the script.
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "make_sample_data.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in ("koperasi_lampung.csv", "bpum_usulan_2021.csv"):
        committed = (ROOT / "examples" / "data" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"regenerate examples/data/{name}"


def test_readme_main_job_output_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from koperasi_id.cli import main  # noqa: PLC0415 - the CLI imports every domain

    monkeypatch.chdir(ROOT)  # the README's command runs from the clone's root
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Two commands", 1)[1]
    command = _readme_commands()[0].split("koperasi-id ", 1)[1].split()
    shown = section.split("```text\n", 1)[1].split("```", 1)[0]
    assert main(command) == 0
    printed = capsys.readouterr().out
    checker = doctest.OutputChecker()
    assert checker.check_output(shown, printed, doctest.ELLIPSIS), printed


def test_min_constraints_pin_every_runtime_dependency_to_its_floor(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["attrs>=24.3", "python-dateutil[x] >= 2.7 ; os_name != \'z\'"]\n',
        encoding="utf-8",
    )
    script = ROOT / "scripts" / "min_constraints.py"
    done = subprocess.run(
        [sys.executable, str(script), str(pyproject)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["attrs==24.3", "python-dateutil==2.7"]


def test_min_constraints_refuse_a_dependency_without_a_floor(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["attrs<30"]\n', encoding="utf-8")
    script = ROOT / "scripts" / "min_constraints.py"
    done = subprocess.run(
        [sys.executable, str(script), str(pyproject)], check=False, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "declares no >= floor" in done.stderr


def _coverage_report_settings() -> dict[str, Any]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    report: dict[str, Any] = pyproject["tool"]["coverage"]["report"]
    return report


def test_coverage_has_a_floor() -> None:
    assert _coverage_report_settings()["fail_under"] >= 98


@pytest.mark.parametrize(
    ("line", "excluded"),
    [
        ("    ...", True),
        ("        ...  ", True),
        ("def names(self) -> tuple[str, ...]:", False),
        ("    values: tuple[Decimal, ...] = ()", False),
        ('    """Wait... no."""', False),
    ],
)
def test_coverage_excludes_only_bare_ellipsis_bodies(line: str, excluded: bool) -> None:
    # coverage.py searches every exclusion regex in each line (multi-line mode).
    patterns = _coverage_report_settings()["exclude_also"]
    assert any(re.search(p, line, re.MULTILINE) for p in patterns) is excluded
