"""No benchmark baseline runs koperasi_id code, unless it says it is the library itself.

The project's rule: a baseline must be independent; never import koperasi_id
in the code a figure is compared against (v0.1 claimed a speed-up against
twins that called the library's own parsers). The list of baselines is not
kept here: every ``benchmarks/bench_*.py`` declares ``BASELINES``
(``_harness.Baseline``), and this test reads each one found on disk. An
independent baseline's modules (with every benchmarks/ module they import),
its ``python -c`` programs and its functions (their source and every global
they use, followed into other functions) may not reach the library by an
import, ``importlib.import_module``/``__import__``/``find_spec`` of its name,
a dynamic import, pickled objects, or the ``koperasi-id`` command. Reading
a shipped data table (a ``.csv`` path) is not running library code.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

LIBRARY = ("koperasi_id", "koperasi-id")
#: Calls that import a module named by their first argument.
IMPORTERS = frozenset({"import_module", "__import__", "find_spec", "run_module", "reload"})
#: Modules that rebuild Python objects from bytes (the objects could be the library's).
UNPICKLERS = frozenset({"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle"})


def _names_library(text: str) -> bool:
    return any(name in text for name in LIBRARY)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _imports(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """(module, line) of every import statement in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield node.module or "", node.lineno


def library_uses(tree: ast.AST) -> Iterator[str]:
    """Every way ``tree`` reaches the library (empty when it never does)."""
    for module, line in _imports(tree):
        root = module.split(".")[0]
        if root == "koperasi_id":
            yield f"imports {module} (line {line})"
        if root in UNPICKLERS:
            yield f"imports {module}, which rebuilds objects (line {line})"
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in IMPORTERS and node.args:
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    yield f"{name}() of a computed name (line {node.lineno})"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings or not _names_library(node.value):
                continue
            if node.value.endswith(".csv"):
                continue  # a shipped data table, read as data
            yield f"names the library in {node.value[:60]!r} (line {node.lineno})"


def module_uses(name: str, seen: set[str] | None = None) -> Iterator[str]:
    """``library_uses`` of benchmarks/``name``.py and every benchmarks/ module it imports."""
    seen = set() if seen is None else seen
    if name in seen:
        return
    seen.add(name)
    path = BENCH / f"{name}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for use in library_uses(tree):
        yield f"{path.name}: {use}"
    for module, _ in _imports(tree):
        if (BENCH / f"{module}.py").is_file():
            yield from module_uses(module, seen)


def _from_library(value: object) -> bool:
    if isinstance(value, types.ModuleType):
        return value.__name__.split(".")[0] == "koperasi_id"
    owner = getattr(value, "__module__", None) or type(value).__module__
    return isinstance(owner, str) and owner.split(".")[0] == "koperasi_id"


def _code_names(code: types.CodeType) -> Iterator[str]:
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_names(const)


def function_uses(fn: Callable[..., object], seen: set[int] | None = None) -> Iterator[str]:
    """The library in ``fn``'s source, its globals, its closure, and the functions they name."""
    seen = set() if seen is None else seen
    if id(fn) in seen:
        return
    seen.add(id(fn))
    where = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', fn)}"
    if _from_library(fn):
        yield f"{where} is the library's own"
        return
    code = getattr(fn, "__code__", None)
    if code is None:
        return
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    for use in library_uses(tree):
        yield f"{where}: {use}"
    scope = getattr(fn, "__globals__", {})
    cells = [c.cell_contents for c in getattr(fn, "__closure__", None) or ()]
    values = [scope[n] for n in _code_names(code) if n in scope] + cells
    for value in values:
        if _from_library(value):
            yield f"{where} uses {value!r:.60} from the library"
        elif inspect.isfunction(value):
            yield from function_uses(value, seen)
        elif (
            isinstance(value, types.ModuleType)
            and Path(getattr(value, "__file__", "") or "").parent == BENCH
        ):
            yield from module_uses(value.__name__)


def _bench_modules() -> list[str]:
    return sorted(p.stem for p in BENCH.glob("bench_*.py"))


def _baselines() -> list[tuple[str, object]]:
    found = []
    for name in _bench_modules():
        module = importlib.import_module(name)
        declared = getattr(module, "BASELINES", None)
        found.extend((name, baseline) for baseline in declared or ())
    return found


def test_every_benchmark_declares_its_baselines() -> None:
    from _harness import Baseline  # noqa: PLC0415 - benchmarks/, on the path

    names = _bench_modules()
    assert len(names) >= 10, names  # the glob found the benchmarks
    run_py = ast.parse((BENCH / "run.py").read_text(encoding="utf-8"))
    run_imports = {
        alias.name
        for node in ast.walk(run_py)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert {m for m in run_imports if m.startswith("bench_")} <= set(
        names
    )  # run.py's registry is among the files checked
    for name in names:
        declared = getattr(importlib.import_module(name), "BASELINES", None)
        assert declared, f"{name}.py declares no BASELINES"
        assert all(isinstance(b, Baseline) for b in declared), name


@pytest.mark.parametrize(
    ("bench", "label"),
    [(bench, b.label) for bench, b in _baselines() if b.independent],  # type: ignore[attr-defined]
)
def test_an_independent_baseline_runs_no_library_code(bench: str, label: str) -> None:
    (baseline,) = [b for name, b in _baselines() if name == bench and b.label == label]  # type: ignore[attr-defined]
    assert baseline.modules or baseline.code or baseline.functions, "nothing to check"
    uses: list[str] = []
    for module in baseline.modules:
        uses.extend(module_uses(module))
    for program in baseline.code:
        uses.extend(library_uses(ast.parse(program)))
    for fn in baseline.functions:
        uses.extend(function_uses(fn))
    assert uses == []


def test_the_self_referential_baselines_say_so() -> None:
    # The scan finds the library in the one baseline that is known to call it.
    (selfref,) = [b for _, b in _baselines() if b.label == "self-referential pydantic"]  # type: ignore[attr-defined]
    assert not selfref.independent
    assert any("imports koperasi_id" in use for use in module_uses("_pydantic_selfref"))


@pytest.mark.parametrize(
    "source",
    [
        "import koperasi_id",
        "from koperasi_id.identifiers import Nik",
        "import importlib\nimportlib.import_module('koperasi_id.bpum')",
        "__import__('koperasi_id')",
        "import importlib\nname = 'x'\nimportlib.import_module(name)",
        "import pickle\npickle.loads(b'')",
        "import subprocess, sys\nsubprocess.run([sys.executable, '-m', 'koperasi_id'])",
        "import subprocess\nsubprocess.run(['koperasi-id', 'bpum', 'screen'])",
        "CODE = 'import koperasi_id.bpum'",
    ],
)
def test_the_scan_finds_every_way_in(source: str) -> None:
    assert list(library_uses(ast.parse(source)))


def test_the_scan_follows_globals_into_the_library() -> None:
    from koperasi_id import kur  # noqa: PLC0415

    def enum_keys() -> object:
        return {kur.Scheme.MICRO: 1}

    def calls_it() -> object:
        return enum_keys()

    assert any("from the library" in use for use in function_uses(calls_it))
    assert list(library_uses(ast.parse('"""A docstring naming koperasi_id."""'))) == []
    assert list(library_uses(ast.parse("TABLE = 'src/koperasi_id/_data/regions.csv'"))) == []


def test_the_region_floor_finds_the_rows_the_table_finds() -> None:
    # bench_regions times RegionTable.status against dict.get on {code: name}: on
    # the benchmark's codes (canonical text, known and unknown) both must find the
    # same rows. (The floor reads canonical codes only; status also reads others.)
    import bench_regions  # noqa: PLC0415 - benchmarks/, on the path

    from koperasi_id.regions import RegionStatus, default_region_table  # noqa: PLC0415

    table = default_region_table()
    plain = {str(r.code.code): str(r.name) for r in table}
    codes = sorted(set(bench_regions._codes(2_000)) | {"18.71.99", "18.99", "99.01", "18.70"})
    assert {"18.71.99", "18.99"} <= set(codes)
    for code in codes:
        found = table.status(code) in (RegionStatus.CURRENT, RegionStatus.RETIRED)
        assert found == (plain.get(code) is not None), code


def _plain_json(value: object) -> bool:
    if type(value) is dict:
        return all(type(k) is str and _plain_json(v) for k, v in value.items())
    if type(value) is list:
        return all(_plain_json(v) for v in value)
    return value is None or type(value) in (str, int, bool, float)


def test_the_structuring_inputs_are_plain_json() -> None:
    # The wires are made with the library's row reader (proposals) and the sample
    # generator; what the baselines receive must be plain JSON values (no enum
    # member, value object or str subclass a baseline could take unchecked).
    import _data  # noqa: PLC0415 - benchmarks/, on the path

    from koperasi_id.kur import Scheme  # noqa: PLC0415

    for wires in (_data.valid_proposal_wires(50), _data.kur_application_wires(50)):
        assert all(_plain_json(wire) for wire in wires)
    assert not _plain_json({"scheme": Scheme.MICRO})
