"""Mutation score of the rule modules with mutmut 3, one module at a time.

Not part of CI's every run (it takes minutes per module). Install the extra
first (``pip install -e '.[mutation]'``), then::

    python scripts/mutation.py                      # every module below
    python scripts/mutation.py msme-criteria kur-rates --budget 900

For each module the script copies ``src/``, ``tests/``, ``examples/data/`` (the
sample CSVs some tests read) and ``pyproject.toml`` to
``.mutation/<module>/``, writes a ``setup.cfg`` that points mutmut at that
module and at the module's own tests only (so a run stays fast), runs
``mutmut run`` with ``--max-children`` (default 1: the machine is shared) and
prints the killed share (counted as described below). A module whose run
exceeds ``--budget`` seconds is stopped; its score then covers the mutants
tried so far (mutmut tries them in file order) and is marked ``partial``.
List the survivors of one module with
``cd .mutation/<module> && mutmut results``.

``--only PATTERN`` (repeatable) runs only the mutants whose names match the
fnmatch pattern, for example every mutant of one function
(``'koperasi_id.kur._rules.xǁKurRulesǁbuild*'``) or a fixed one-in-ten sample
(``'*__mutmut_*7'``); the score then counts those mutants only. The counts are
read from mutmut's own result files: killed over every mutant checked
(survived, no covering test, timeout and suspicious count as not killed).

mutmut mutates function bodies only; the legal numbers (module-level
``Regime`` constants) are changed by ``scripts/mutate_law.py``.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"

#: module -> (files to mutate, the tests that concern them)
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "msme-criteria": (
        ["src/koperasi_id/msme/_criteria.py"],
        [
            "tests/test_msme_classify.py",
            "tests/test_msme_explanations.py",
            "tests/test_oracles_msme.py",
        ],
    ),
    "msme-classify": (
        ["src/koperasi_id/msme/_classify.py", "src/koperasi_id/msme/_classify_findings.py"],
        [
            "tests/test_msme_classify.py",
            "tests/test_msme_business.py",
            "tests/test_msme_explanations.py",
            "tests/test_oracles_msme.py",
        ],
    ),
    "kur-rates": (
        ["src/koperasi_id/kur/_rates.py"],
        [
            "tests/test_kur_rules.py",
            "tests/test_kur_history.py",
            "tests/test_kur_rates_contract.py",
            "tests/test_oracles_kur.py",
        ],
    ),
    "kur-rules": (
        [
            "src/koperasi_id/kur/_rules.py",
            "src/koperasi_id/kur/_rule_sources.py",
            "src/koperasi_id/kur/_rules_limits.py",
            "src/koperasi_id/kur/_rules_rates.py",
            "src/koperasi_id/kur/_rules_eligibility.py",
            "src/koperasi_id/kur/_rules_relief.py",
            "src/koperasi_id/kur/_rule_values.py",
        ],
        [
            "tests/test_kur_rules.py",
            "tests/test_kur_history.py",
            "tests/test_kur_rates_contract.py",
            "tests/test_oracles_kur.py",
            "tests/test_oracles_kur_history.py",
            "tests/test_kur_relief.py",
            "tests/test_kur_build_ranges.py",
            "tests/test_kur_special_subsidy.py",
        ],
    ),
    "kur-schedule": (
        ["src/koperasi_id/kur/_schedule.py", "src/koperasi_id/kur/_schedule_inputs.py"],
        [
            "tests/test_kur_schedule.py",
            "tests/test_kur_rates_contract.py",
            "tests/test_oracles_kur.py",
        ],
    ),
    "bpum-eligibility": (
        ["src/koperasi_id/bpum/_eligibility.py"],
        [
            "tests/test_bpum_eligibility.py",
            "tests/test_bpum_screening.py",
            "tests/test_oracles_bpum.py",
            "tests/test_pinned_findings.py",
        ],
    ),
    "cooperatives-activity": (
        [
            "src/koperasi_id/cooperatives/_activity.py",
            "src/koperasi_id/cooperatives/_activity_findings.py",
            "src/koperasi_id/cooperatives/_active.py",
        ],
        [
            "tests/test_cooperatives_activity.py",
            "tests/test_cooperatives_registry_rows.py",
            "tests/test_oracles_cooperatives.py",
            "tests/test_pinned_findings.py",
        ],
    ),
    "cooperatives-founding": (
        ["src/koperasi_id/cooperatives/_founding.py"],
        [
            "tests/test_cooperatives_rules.py",
            "tests/test_oracles_cooperatives.py",
            "tests/test_pinned_findings.py",
        ],
    ),
}


def _setup_cfg(paths: list[str], tests: list[str]) -> str:
    def lines(items: list[str]) -> str:
        return "".join(f"\n    {item}" for item in items)

    return (
        "[mutmut]\n"
        "source_paths =\n    src\n"
        f"only_mutate ={lines(paths)}\n"
        f"pytest_add_cli_args_test_selection ={lines(tests)}\n"
        "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -q\n"
        # Some tests (the BPUM screening ones) read the sample CSVs.
        "also_copy =\n    examples/data\n"
    )


def _counts(work: Path, only: list[str]) -> dict[str, int]:
    """Mutants by status, from mutmut's result files (only those matching ``only``)."""
    from mutmut.stats import status_by_exit_code  # noqa: PLC0415 - the extra is optional

    counts: dict[str, int] = {}
    for meta in (work / "mutants").rglob("*.meta"):
        results = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for key, exit_code in results.items():
            if only and not any(fnmatch.fnmatch(key, pattern) for pattern in only):
                continue
            status = status_by_exit_code[exit_code]
            counts[status] = counts.get(status, 0) + 1
    return counts


def run_module(
    name: str, *, budget: float, children: int, only: list[str] | None = None
) -> dict[str, object]:
    """Run mutmut on one module; its counts and whether the run finished."""
    paths, tests = MODULES[name]
    work = WORK / name
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "tests", work / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "examples" / "data", work / "examples" / "data")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (work / "setup.cfg").write_text(_setup_cfg(paths, tests), encoding="utf-8")
    mutmut = [sys.executable, "-m", "mutmut"]
    # Property tests draw 50 examples (the ``dev`` profile), derandomized (``CI``), so
    # that a mutant is killed or not the same way every run.
    env = {**os.environ, "HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "dev")}
    env["CI"] = "1"
    started = time.monotonic()
    finished = True
    try:
        subprocess.run(
            [*mutmut, "run", "--max-children", str(children), *(only or [])],
            cwd=work,
            env=env,
            timeout=budget,
            check=False,
            stdout=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        finished = False
    stats: dict[str, object] = dict(_counts(work, only or []))
    stats["finished"] = finished
    stats["seconds"] = round(time.monotonic() - started)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", choices=[*MODULES, []], default=list(MODULES))
    parser.add_argument("--budget", type=float, default=600.0, help="seconds per module")
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument(
        "--only", action="append", default=[], metavar="PATTERN", help="mutant names (fnmatch)"
    )
    args = parser.parse_args(argv)
    worst = 100.0
    for name in args.modules or list(MODULES):
        stats = run_module(name, budget=args.budget, children=args.max_children, only=args.only)
        counts = {k: int(str(v)) for k, v in stats.items() if k not in {"finished", "seconds"}}
        killed = counts.get("killed", 0) + counts.get("caught by type check", 0)
        tried = sum(v for k, v in counts.items() if k != "not checked")
        total = sum(counts.values())
        share = 100 * killed / tried if tried else 0.0
        worst = min(worst, share)
        note = "" if stats["finished"] else f" (partial: {tried} of {total} tried)"
        print(
            f"{name}: {killed}/{tried} killed = {share:.1f} %{note}, "
            f"{counts.get('survived', 0)} survived, {counts.get('no tests', 0)} without a test, "
            f"{stats['seconds']} s",
            flush=True,
        )
    return 0 if worst >= 90 else 1


if __name__ == "__main__":
    sys.exit(main())
