"""Print a pip constraints file that pins every runtime dependency to its floor.

CI installs the package with these constraints in a separate environment and
runs the tests there, so a floor in ``pyproject.toml`` that no longer works
fails the build instead of a user's install. Every runtime dependency must
declare a ``>=`` floor; one without is an error, because nothing would test it.

Usage: ``python scripts/min_constraints.py [pyproject.toml] > constraints.txt``
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

# name, optional extras, then the specifier list (environment markers stripped).
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")
_FLOOR = re.compile(r">=\s*([0-9][A-Za-z0-9.+!-]*)")


def floors(pyproject: Path) -> list[str]:
    """``name==floor`` for each of ``[project].dependencies``."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project.get("dependencies", []):
        match = _REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"cannot parse the dependency {requirement!r}")
        name, specifiers = match.groups()
        floor = _FLOOR.search(specifiers)
        if floor is None:
            raise SystemExit(f"the dependency {requirement!r} declares no >= floor")
        pins.append(f"{name}=={floor.group(1)}")
    return pins


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "pyproject.toml"
    print("\n".join(floors(path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
