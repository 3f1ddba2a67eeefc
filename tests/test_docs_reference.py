"""Every public module has an API reference page, and every public table is on it.

A module is public when no part of its dotted name starts with ``_``. Adding
one without a page under ``docs/reference/`` fails here, and the nit-picky
docs build (``-W``) then fails on any reference to a name the page misses.
"""

from __future__ import annotations

import importlib
import inspect
import re
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
REFERENCE = ROOT / "docs" / "reference"

#: Public modules documented elsewhere, and where.
ELSEWHERE = {
    # The root re-exports the foundations, documented at law, decisions, errors.
    "koperasi_id": ROOT / "docs" / "index.md",
    # The command line is documented as commands, not as Python.
    "koperasi_id.cli": ROOT / "docs" / "guide" / "cli.md",
}


def _public_modules() -> list[str]:
    names = []
    for path in sorted((SRC / "koperasi_id").rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if any(part.startswith("_") for part in parts):
            continue
        names.append(".".join(parts))
    return names


PUBLIC = _public_modules()


def _documented_modules() -> set[str]:
    text = "\n".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))
    return set(re.findall(r"^\.\. automodule:: (\S+)$", text, re.MULTILINE))


def _documented_elsewhere(module: str) -> Path | None:
    for name, page in ELSEWHERE.items():
        if module == name or (name != "koperasi_id" and module.startswith(name + ".")):
            return page
    return None


def test_the_walk_finds_the_public_modules() -> None:
    assert {"koperasi_id.kur", "koperasi_id.law", "koperasi_id.batch.dask"} <= set(PUBLIC)
    assert not [name for name in PUBLIC if "._" in name]


@pytest.mark.parametrize("module", PUBLIC)
def test_every_public_module_has_a_reference_page(module: str) -> None:
    elsewhere = _documented_elsewhere(module)
    if elsewhere is not None:
        assert elsewhere.is_file()
        return
    assert module in _documented_modules(), (
        f"add docs/reference/{module.removeprefix('koperasi_id.')}.md"
    )


@pytest.mark.parametrize("module", [m for m in PUBLIC if _documented_elsewhere(m) is None])
def test_every_exported_table_of_a_package_is_on_its_page(module: str) -> None:
    # autodoc documents a package's classes and functions from __all__ but not
    # the data it re-exports from private modules: those need `autodata`.
    try:
        imported = importlib.import_module(module)
    except ImportError as error:  # an optional extra (hypothesis, dask) is missing
        pytest.skip(str(error))
    source = Path(imported.__file__ or "").read_text(encoding="utf-8")
    pages = "\n".join(page.read_text(encoding="utf-8") for page in REFERENCE.glob("*.md"))
    missing = [
        name
        for name in getattr(imported, "__all__", [])
        if not (
            inspect.isclass(value := getattr(imported, name))
            or inspect.isroutine(value)
            or isinstance(value, types.ModuleType)
        )
        and not re.search(rf"^{name}\s*[:=]", source, re.MULTILINE)
        and f".. autodata:: {module}.{name}\n" not in pages + "\n"
    ]
    assert not missing, f"add `.. autodata::` lines for {missing} to the page of {module}"
