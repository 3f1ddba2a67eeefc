"""The law-mutation script finds the legal numbers it promises to change."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutate_law", ROOT / "scripts" / "mutate_law.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate_law"] = module
    spec.loader.exec_module(module)
    return module


def test_the_small_business_capital_ceiling_is_a_mutation() -> None:
    script = _script()
    path = ROOT / "src" / "koperasi_id" / "msme" / "_criteria.py"
    mutations = script.find_mutations(path, set())
    source = path.read_text(encoding="utf-8")
    five = [m for m in mutations if m.old == "5" and m.new == "6"]
    assert len(five) == 1  # PP 7/2021 Pasal 35 ayat (3): small up to Rp5 M of capital
    mutated = script.apply(source, five[0])
    assert "small_max=6 * _MILIAR" in mutated
    assert "small_max=5 * _MILIAR" not in mutated
    # The enactment date of PP 7/2021 moves by one day; logic literals are left alone.
    assert any(m.old == "date(2021, 2, 2)" and m.new == "date(2021, 2, 3)" for m in mutations)
    # A comparison inside a method is logic (mutmut's share), not law.
    logic_line = next(
        n for n, line in enumerate(source.splitlines(), 1) if "if amount <= self.micro_max" in line
    )
    assert all(m.line != logic_line for m in mutations)
    assert not any(m.old == "0" for m in mutations)  # `value < 0` in a validator


def test_numeric_strings_and_skipped_functions(tmp_path: Path) -> None:
    script = _script()
    module = tmp_path / "rules.py"
    module.write_text(
        '"""Doc 12."""\n'
        'RATE = _d("16.5")\n'
        'def _build():\n    return [_d("2.5"), 7]\n'
        "def helper(x):\n    return x[0] + 1\n",
        encoding="utf-8",
    )
    found = {(m.old, m.new) for m in script.find_mutations(module, {"_build"})}
    assert found == {('"16.5"', "'16.6'"), ('"2.5"', "'2.6'"), ("7", "8")}
