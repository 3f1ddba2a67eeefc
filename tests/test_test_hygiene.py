"""Tests of the tests: every ``pytest.raises`` on the library's errors checks *which* error.

A test that only checks the type of a library error passes for the wrong
reason as readily as for the right one: any ``ValidationError`` will do, the
one about another field included. The rule, checked on the source of every
``tests/test_*.py`` (issue 20, item 5):

* The expected type is resolved through the module's imports; the rule covers
  every subclass of :class:`koperasi_id.errors.KoperasiIdError` (a name that
  cannot be resolved statically, such as a parametrized ``error``, is skipped).
* ``pytest.raises(KoperasiIdError)`` itself is refused: name the specific type.
* ``pytest.raises`` is used as a context manager (the callable form gives no
  place to look at the error).
* ``ValidationError``: the block binds ``as NAME`` and the test reads
  ``NAME.value.codes`` or ``NAME.value.problems`` (whose items carry ``code``).
* ``NoRuleInForceError``: the block binds ``as NAME`` and the test reads
  ``NAME.value.table``, the rule id, which is this error's code.
* Every other library error (``RuleInputError``, ``TransitionError``,
  ``InputError``, ``OutputError``, ``SchemaError``, ``UnknownRuleError``)
  carries no code, so its message is what identifies it: ``match=`` is given,
  or the block binds ``as NAME`` and the test reads ``NAME.value``.

"Reads" means the name appears in the same test function outside the ``with``
item that binds it.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from koperasi_id.errors import KoperasiIdError, NoRuleInForceError, ValidationError

TESTS = Path(__file__).resolve().parent


def _imports(tree: ast.Module) -> dict[str, object]:
    """Names bound by the module's ``koperasi_id`` imports, resolved to their objects."""
    names: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("koperasi_id"):
            module = importlib.import_module(node.module or "")
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
                else:
                    sub = importlib.import_module(f"{node.module}.{alias.name}")
                    names[alias.asname or alias.name] = sub
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("koperasi_id"):
                    if alias.asname:
                        names[alias.asname] = importlib.import_module(alias.name)
                    else:
                        names["koperasi_id"] = importlib.import_module("koperasi_id")
    return names


def _resolve(node: ast.expr, names: dict[str, object]) -> object | None:
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, names)
        return getattr(base, node.attr, None) if base is not None else None
    return None


def _our_error(node: ast.expr, names: dict[str, object]) -> type[KoperasiIdError] | None:
    candidates = node.elts if isinstance(node, ast.Tuple) else [node]
    for candidate in candidates:
        obj = _resolve(candidate, names)
        if isinstance(obj, type) and issubclass(obj, KoperasiIdError):
            return obj
    return None


def _is_raises(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "raises"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "pytest"
        and bool(node.args)
    )


def _reads(func: ast.AST, name: str, bound: ast.expr) -> Iterator[tuple[str, ...]]:
    """Each read of ``name`` in ``func`` as its attribute chain (``("value", "codes")``)."""
    parents = {child: parent for parent in ast.walk(func) for child in ast.iter_child_nodes(parent)}
    for node in ast.walk(func):
        if node is bound or not (isinstance(node, ast.Name) and node.id == name):
            continue
        if not isinstance(node.ctx, ast.Load):
            continue
        chain: list[str] = []
        parent = parents.get(node)
        while isinstance(parent, ast.Attribute):
            chain.append(parent.attr)
            parent = parents.get(parent)
        yield tuple(chain)


def violations(source: str, filename: str = "<test>") -> list[str]:
    """Every ``pytest.raises`` on a library error in ``source`` that breaks the rule above."""
    tree = ast.parse(source, filename)
    names = _imports(tree)
    found: list[str] = []
    in_with: set[int] = set()
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.With | ast.AsyncWith):
                continue
            for item in node.items:
                call = item.context_expr
                if not _is_raises(call):
                    continue
                assert isinstance(call, ast.Call)
                in_with.add(id(call))
                error = _our_error(call.args[0], names)
                if error is None:
                    continue
                where = f"{filename}:{call.lineno}: pytest.raises({error.__name__})"
                if error is KoperasiIdError:
                    found.append(f"{where}: name the specific error type")
                    continue
                var = item.optional_vars
                name = var.id if isinstance(var, ast.Name) else None
                reads = list(_reads(func, name, var)) if name and var is not None else []
                if issubclass(error, ValidationError):
                    if not any(r[:2] in {("value", "codes"), ("value", "problems")} for r in reads):
                        found.append(f"{where}: read .value.codes or .value.problems")
                elif issubclass(error, NoRuleInForceError):
                    if ("value", "table") not in {r[:2] for r in reads}:
                        found.append(f"{where}: read .value.table (the rule id)")
                elif not any(k.arg == "match" for k in call.keywords) and not any(
                    r[:1] == ("value",) for r in reads
                ):
                    found.append(f"{where}: give match= or read .value")
    for node in ast.walk(tree):
        if _is_raises(node) and id(node) not in in_with:
            assert isinstance(node, ast.Call)
            error = _our_error(node.args[0], names)
            if error is not None:
                found.append(
                    f"{filename}:{node.lineno}: pytest.raises({error.__name__}) "
                    "outside a with statement: nothing looks at the error"
                )
    return found


@pytest.mark.parametrize("path", sorted(TESTS.glob("test_*.py")), ids=lambda p: p.name)
def test_raises_on_our_errors_checks_which_error(path: Path) -> None:
    try:
        found = violations(path.read_text(encoding="utf-8"), path.name)
    except ImportError:
        # The file imports a module of an optional extra (polars, Hypothesis)
        # missing here, as in CI's minimum-versions run; the full run checks it.
        pytest.skip(f"{path.name} needs an optional extra that is not installed")
    assert found == []


# --- the check itself can fail --------------------------------------------------------

_HEADER = """
import pytest
from koperasi_id.errors import (
    KoperasiIdError, NoRuleInForceError, RuleInputError, TransitionError, ValidationError,
)
from koperasi_id import errors
"""


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (
            "    with pytest.raises(ValidationError):\n        f()\n",
            "pytest.raises(ValidationError): read .value.codes or .value.problems",
        ),
        (
            "    with pytest.raises(ValidationError) as e:\n        f()\n"
            "    assert e.value.paths == ('$.nik',)\n",
            "pytest.raises(ValidationError): read .value.codes or .value.problems",
        ),
        (
            "    with pytest.raises(errors.ValidationError, match='nik'):\n        f()\n",
            "pytest.raises(ValidationError): read .value.codes or .value.problems",
        ),
        (
            "    with pytest.raises(NoRuleInForceError, match='2019'):\n        f()\n",
            "pytest.raises(NoRuleInForceError): read .value.table (the rule id)",
        ),
        (
            "    with pytest.raises(RuleInputError):\n        f()\n",
            "pytest.raises(RuleInputError): give match= or read .value",
        ),
        (
            "    with pytest.raises(TransitionError) as e:\n        f()\n",
            "pytest.raises(TransitionError): give match= or read .value",
        ),
        (
            "    with pytest.raises(KoperasiIdError, match='x'):\n        f()\n",
            "pytest.raises(KoperasiIdError): name the specific error type",
        ),
        (
            "    pytest.raises(ValidationError, f)\n",
            "pytest.raises(ValidationError) outside a with statement: nothing looks at the error",
        ),
    ],
)
def test_the_check_finds_an_unchecked_error(body: str, complaint: str) -> None:
    found = violations(f"{_HEADER}\ndef test_x():\n{body}")
    assert len(found) == 1
    assert found[0].endswith(complaint)


@pytest.mark.parametrize(
    "body",
    [
        "    with pytest.raises(ValidationError) as e:\n        f()\n"
        "    assert e.value.codes == ('nik.length',)\n",
        "    with pytest.raises(ValidationError) as e:\n        f()\n"
        "    assert e.value.problems[0].code == 'nik.length'\n",
        "    with pytest.raises(NoRuleInForceError) as e:\n        f()\n"
        "    assert e.value.table == 'kur.rate'\n",
        "    with pytest.raises(RuleInputError, match='^pass capital='):\n        f()\n",
        "    with pytest.raises(TransitionError) as e:\n        f()\n"
        "    assert e.value.allowed == ()\n",
        "    with pytest.raises(ValueError):\n        f()\n",  # not a library error
    ],
)
def test_the_check_accepts_a_checked_error(body: str) -> None:
    assert violations(f"{_HEADER}\ndef test_x():\n{body}") == []
