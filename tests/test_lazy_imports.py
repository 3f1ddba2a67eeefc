"""Domain packages load their modules on first use, and every public name still resolves."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGES = (
    "koperasi_id.bpum",
    "koperasi_id.cooperatives",
    "koperasi_id.identifiers",
    "koperasi_id.kur",
    "koperasi_id.msme",
)


def _type_checking_imports(package: str) -> dict[str, tuple[str, ...]]:
    path = Path(importlib.import_module(package).__file__ or "")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for inner in node.body:
                assert isinstance(inner, ast.ImportFrom)
                assert inner.module is not None
                found[inner.module] = tuple(alias.name for alias in inner.names)
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_the_lazy_table_matches_what_type_checkers_see(package: str) -> None:
    module = importlib.import_module(package)
    exports = module._EXPORTS
    assert {k: tuple(sorted(v)) for k, v in exports.items()} == {
        k: tuple(sorted(v)) for k, v in _type_checking_imports(package).items()
    }
    assert sorted(name for names in exports.values() for name in names) == sorted(module.__all__)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_name_resolves_to_its_module(package: str) -> None:
    module = importlib.import_module(package)
    for source, names in module._EXPORTS.items():
        for name in names:
            assert getattr(module, name) is getattr(importlib.import_module(source), name)
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        module.not_a_name  # noqa: B018


def test_importing_a_package_loads_none_of_its_modules() -> None:
    code = (
        "import sys, koperasi_id, " + ", ".join(PACKAGES) + "\n"
        "print(sorted(m for m in sys.modules if m.startswith('koperasi_id.') and '._' in m))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # Only foundations (koperasi_id._lazy, the Hypothesis hook...) may load, no
    # module of a domain package.
    loaded = ast.literal_eval(out)
    assert "koperasi_id._lazy" in loaded
    assert [m for m in loaded if m.startswith(tuple(p + "." for p in PACKAGES))] == []


def test_one_enum_loads_only_its_module() -> None:
    code = (
        "import sys; from koperasi_id import kur; kur.Scheme\n"
        "print('koperasi_id.kur._rules' in sys.modules, 'koperasi_id.kur._schemes' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True"]
