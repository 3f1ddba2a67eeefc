"""``koperasi_id.frames`` loads each engine on first use; every public name still resolves."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys

import pytest

pytest.importorskip("polars")

from test_lazy_imports import _type_checking_imports

PACKAGE = "koperasi_id.frames"


def test_the_lazy_table_matches_what_type_checkers_see() -> None:
    module = importlib.import_module(PACKAGE)
    exports = module._EXPORTS
    assert {k: tuple(sorted(v)) for k, v in exports.items()} == {
        k: tuple(sorted(v)) for k, v in _type_checking_imports(PACKAGE).items()
    }
    assert sorted(name for names in exports.values() for name in names) == sorted(module.__all__)


def test_every_public_name_resolves_to_its_module() -> None:
    module = importlib.import_module(PACKAGE)
    for source, names in module._EXPORTS.items():
        for name in names:
            assert getattr(module, name) is getattr(importlib.import_module(source), name)
    assert set(module.__all__) <= set(dir(module))
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        module.not_a_name  # noqa: B018


def test_a_bpum_job_loads_no_other_engine() -> None:
    code = (
        "import sys; from koperasi_id.frames import screen_bpum_csv, write_bpum_csv\n"
        "print(sorted(m for m in sys.modules if m.startswith('koperasi_id.frames.')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = ast.literal_eval(out)
    assert "koperasi_id.frames._bpum_api" in loaded
    others = ("_cooperatives", "_kur", "_msme")
    assert [m for m in loaded if m.removeprefix(PACKAGE + ".").startswith(others)] == []
