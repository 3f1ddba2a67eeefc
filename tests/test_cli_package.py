"""The command's package: one module per subcommand, nothing heavy imported to declare them."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import koperasi_id
import koperasi_id.cli

# What declaring the parser may load: the package root and the CLI's own modules.
# Only modules the code itself loads count: under coverage (CI measures these
# subprocesses too) the interpreter starts with coverage's own sqlite3 loaded.
_PROBE = """
import json, sys
already = set(sys.modules)
{code}
loaded = sorted(
    m for m in set(sys.modules) - already
    if m.startswith(("koperasi_id", "attr", "cattrs", "dateutil")) or m == "sqlite3"
)
print(json.dumps(loaded))
"""


def _loaded_after(code: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(code=code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return list(json.loads(done.stdout))


def test_the_command_list_names_every_subcommand_module() -> None:
    modules = {
        m.name for m in pkgutil.iter_modules(koperasi_id.cli.__path__) if not m.name.startswith("_")
    }
    assert set(koperasi_id.cli.COMMANDS) == modules


def test_declaring_every_subcommand_imports_no_domain_module() -> None:
    loaded = _loaded_after("from koperasi_id.cli import build_parser; build_parser()")
    cli_modules = {f"koperasi_id.cli.{name}" for name in koperasi_id.cli.COMMANDS}
    assert (
        set(loaded) == {"koperasi_id", "koperasi_id.cli", "koperasi_id.cli._common"} | cli_modules
    )


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"]])
def test_help_loads_no_domain_module_nor_sqlite(args: list[str]) -> None:
    code = (
        "import contextlib, io\n"
        "from koperasi_id.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({args!r})"
    )
    loaded = _loaded_after(code)
    assert not [m for m in loaded if not m.startswith("koperasi_id.cli") and m != "koperasi_id"]


@pytest.mark.parametrize(
    "args",
    [["cooperatives", "status", "--help"], ["law", "list", "--help"], ["validate", "--help"]],
)
def test_light_subcommand_help_loads_no_attrs(args: list[str]) -> None:
    # The lazy loader enters the library's decimal context: importing it from
    # the number policy once pulled attrs (and the masking function) into
    # `cooperatives status --help`, 45 ms of its start-up.
    code = (
        "import contextlib, io\n"
        "from koperasi_id.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({args!r})"
    )
    loaded = _loaded_after(code)
    assert [m for m in loaded if m.startswith(("attr", "cattrs", "dateutil"))] == []
    assert "koperasi_id._numbers" not in loaded


def test_import_koperasi_id_loads_nothing_until_a_name_is_used() -> None:
    assert _loaded_after("import koperasi_id") == ["koperasi_id"]
    loaded = _loaded_after("from koperasi_id import Problem")
    assert "koperasi_id.errors" in loaded
    assert "koperasi_id.law" not in loaded


def test_root_names_are_the_modules_own() -> None:
    from koperasi_id import Problem, Timeline, kur  # noqa: PLC0415 - what users write
    from koperasi_id.errors import Problem as ErrorsProblem  # noqa: PLC0415
    from koperasi_id.law import Timeline as LawTimeline  # noqa: PLC0415

    assert Problem is ErrorsProblem
    assert Timeline is LawTimeline
    assert kur.__name__ == "koperasi_id.kur"
    assert set(koperasi_id.__all__) <= set(dir(koperasi_id))
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = koperasi_id.nonesuch  # type: ignore[attr-defined]


def test_lazy_choices_still_refuse_and_list_the_valid_values() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "koperasi_id", "kur", "simulate", "--plafond", "1", "--months",
         "1", "--akad", "2024-05-01", "--scheme", "nope"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "invalid choice: 'nope' (choose from 'super_mikro', 'mikro'" in done.stderr
