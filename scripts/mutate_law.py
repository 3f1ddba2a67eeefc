"""Change each legal number in a rule module, one at a time, and report the ones no test notices.

The law is data in this library (every threshold, rate, ceiling, tenor, amount and
deadline is a literal inside a ``Regime``), and mutation tools such as mutmut 3 only
mutate function bodies, so a wrong number at module level would slip past them.
This script does the law's part: for every number literal in the files given
(an ``int``, a numeric string such as ``"16.5"`` passed to ``Decimal``/``_d``, or a
whole ``date(y, m, d)`` call) it writes a copy of the source tree with that one
literal changed, runs the chosen tests against the copy, and lists the changes
that failed no test.

Each literal is changed the smallest way that still changes the law: an integer
``n`` becomes ``n + 1``, a numeric string gets one more unit in its last digit
(``"2.5"`` -> ``"2.6"``), a date moves one day later. The tests run against a
temporary copy of ``src/``; the working tree is never written.

Run the independent oracle tests only (the point is that a test which does not
read the library's tables catches the change)::

    python scripts/mutate_law.py src/koperasi_id/msme/_criteria.py \
        --tests tests/test_oracles_msme.py

Exit status 0 when every change was caught, 1 when some survived.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class Mutation:
    """One literal and its replacement, located by line and columns."""

    path: Path
    line: int
    col: int
    end_line: int
    end_col: int
    old: str
    new: str

    def describe(self) -> str:
        rel = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{rel}:{self.line}: {self.old} -> {self.new}"


def _functions_to_skip(tree: ast.Module, keep: set[str]) -> list[tuple[int, int]]:
    """The line spans of the functions whose literals are logic, not law.

    Law lives at module level (``Regime(...)`` constants) and in the builder
    functions named in ``keep``; every other function's numbers (indexes,
    ``value < 0`` checks) belong to the logic mutation tool (mutmut).
    """
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name not in keep:
            spans.append((node.lineno, node.end_lineno or node.lineno))
    return spans


def _docstring_nodes(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _bump_string(text: str) -> str:
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return str(value + Decimal(1).scaleb(exponent))


def find_mutations(path: Path, functions: set[str]) -> list[Mutation]:
    """Every legal-number literal in ``path`` with its replacement.

    Literals at module level and in class bodies count, and those inside the
    functions named in ``functions`` (builders that assemble the regimes).
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    skipped = _functions_to_skip(tree, functions)
    subscripts = {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
    docstrings = _docstring_nodes(tree)
    in_dates: set[int] = set()
    found: list[Mutation] = []

    def skip(node: ast.AST) -> bool:
        line = getattr(node, "lineno", 0)
        return any(start <= line <= end for start, end in skipped)

    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "date"
            and len(node.args) == 3
            and all(isinstance(a, ast.Constant) and type(a.value) is int for a in node.args)
        ):
            in_dates.update(id(a) for a in node.args)
            if skip(node):
                continue
            y, m, d = (a.value for a in node.args)  # type: ignore[attr-defined]
            moved = date(y, m, d) + timedelta(days=1)
            found.append(
                Mutation(
                    path,
                    node.lineno,
                    node.col_offset,
                    node.end_lineno or node.lineno,
                    node.end_col_offset or 0,
                    f"date({y}, {m}, {d})",
                    f"date({moved.year}, {moved.month}, {moved.day})",
                )
            )
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in in_dates or skip(node):
            continue
        if id(node) in docstrings or id(node) in subscripts:
            continue
        segment = ast.get_source_segment(source, node) or ""
        if type(node.value) is int:
            new = str(node.value + 1)
        elif isinstance(node.value, str) and _NUMERIC.match(node.value):
            new = repr(_bump_string(node.value))
        else:
            continue
        found.append(
            Mutation(
                path,
                node.lineno,
                node.col_offset,
                node.end_lineno or node.lineno,
                node.end_col_offset or 0,
                segment,
                new,
            )
        )
    return sorted(found, key=lambda m: (m.line, m.col))


def apply(source: str, mutation: Mutation) -> str:
    """``source`` with the one literal replaced."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    raw = source.encode("utf-8")
    start = offsets[mutation.line - 1] + mutation.col
    end = offsets[mutation.end_line - 1] + mutation.end_col
    return (raw[:start] + mutation.new.encode("utf-8") + raw[end:]).decode("utf-8")


def _outcome(returncode: int) -> str:
    if returncode == 0:
        return "survived"
    # 1: a test failed; 2: collection failed (an import crash still means the change was seen).
    return "killed" if returncode in {1, 2} else "error"


def run_tests(src_copy: Path, tests: list[str], timeout: float) -> str:
    """``'killed'``, ``'survived'``, ``'timeout'`` or ``'error'`` for one mutant."""
    if hasattr(os, "fork"):
        return _run_forked(src_copy, tests, timeout)
    env = dict(os.environ, PYTHONPATH=str(src_copy), PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return _outcome(done.returncode)


def _run_forked(src_copy: Path, tests: list[str], timeout: float) -> str:
    # pytest and the third-party libraries are imported once, here; each child
    # imports koperasi_id afresh from the mutated copy (it was never imported here).
    import pytest  # noqa: PLC0415 - only the forking runner needs it

    pid = os.fork()
    if pid == 0:  # the child
        sys.path.insert(0, str(src_copy))
        os.chdir(ROOT)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", *tests])
        os._exit(int(code))
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return _outcome(os.waitstatus_to_exitcode(status))
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="+", type=Path, help="rule modules under src/")
    parser.add_argument("--tests", nargs="+", required=True, help="test files to run")
    parser.add_argument(
        "--function",
        action="append",
        default=[],
        help="also change the literals inside this function (a builder of regimes)",
    )
    parser.add_argument("--every", type=int, default=1, help="try every Nth mutation only")
    parser.add_argument(
        "--start", type=int, default=1, help="begin at the Nth mutation (resume a stopped run)"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per mutant")
    parser.add_argument("--list", action="store_true", help="list the mutations and stop")
    args = parser.parse_args(argv)

    mutations = [m for f in args.files for m in find_mutations(f.resolve(), set(args.function))][
        :: args.every
    ][args.start - 1 :]
    if args.list:
        for m in mutations:
            print(m.describe())
        print(f"{len(mutations)} mutations")
        return 0

    survivors: list[Mutation] = []
    counts = {"killed": 0, "survived": 0, "timeout": 0, "error": 0}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutate_law_") as tmp:
        src_copy = Path(tmp) / "src"
        shutil.copytree(ROOT / "src", src_copy, ignore=shutil.ignore_patterns("__pycache__"))
        for n, mutation in enumerate(mutations, 1):
            target = src_copy / mutation.path.relative_to(ROOT / "src")
            original = target.read_text(encoding="utf-8")
            target.write_text(apply(original, mutation), encoding="utf-8")
            try:
                outcome = run_tests(src_copy, args.tests, args.timeout)
            finally:
                target.write_text(original, encoding="utf-8")
            counts[outcome] += 1
            if outcome != "killed":
                survivors.append(mutation)
            print(f"[{n}/{len(mutations)}] {outcome:8} {mutation.describe()}", flush=True)
    total = len(mutations)
    killed = counts["killed"]
    share = 100 * killed / total if total else 100.0
    print(
        f"\n{killed}/{total} killed ({share:.1f} %), {counts['survived']} survived, "
        f"{counts['timeout']} timed out, {counts['error']} errors, "
        f"{time.monotonic() - started:.0f} s"
    )
    for mutation in survivors:
        print(f"NOT CAUGHT: {mutation.describe()}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
