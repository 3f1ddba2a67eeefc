"""Hypothesis is optional: the library names the extra, and only property tests skip without it.

These tests run in every environment, CI's minimal one (no hypothesis) included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

_BLOCK_HYPOTHESIS = "import sys\nsys.modules['hypothesis'] = None\n"


def _fresh(
    code: str, *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env=env,
    )


def test_importing_the_strategies_without_hypothesis_names_the_extra() -> None:
    result = _fresh(
        _BLOCK_HYPOTHESIS + "import koperasi_id, koperasi_id.kur\n"
        "try:\n"
        "    import koperasi_id.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'koperasi-id[hypothesis]'" in result.stdout


def test_without_hypothesis_only_the_property_tests_of_a_module_skip(tmp_path: Path) -> None:
    (tmp_path / "test_mixed.py").write_text(
        "from _hypothesis_optional import given, st\n"
        "POSITIVE = st.integers(min_value=1).map(abs) | st.none()\n"
        "@st.composite\n"
        "def pairs(draw):\n"
        "    return draw(POSITIVE), draw(POSITIVE)\n"
        "def test_example():\n"
        "    assert 1 + 1 == 2\n"
        "@given(pairs())\n"
        "def test_property(pair):\n"
        "    raise AssertionError('a property test ran without hypothesis')\n",
        encoding="utf-8",
    )
    result = _fresh(
        _BLOCK_HYPOTHESIS + f"sys.path.insert(0, {str(TESTS)!r})\n"
        "import pytest\n"
        "raise SystemExit(pytest.main(['-q', '-rs', '-p', 'no:cacheprovider', 'test_mixed.py']))\n",
        cwd=tmp_path,
        # Entry-point plugins (hypothesis' own among them) would import hypothesis.
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 skipped" in result.stdout
    assert "needs hypothesis" in result.stdout
