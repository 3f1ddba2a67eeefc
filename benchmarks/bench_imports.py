"""What installing koperasi_id costs every ``import hypothesis`` (the entry-point plugin).

Hypothesis runs the ``hypothesis`` entry points of every installed package at
the end of its own import, in every test suite of the environment. Each line
times a fresh interpreter running the candidate, interleaved with the baseline
``HYPOTHESIS_NO_PLUGINS=1 python -c "import hypothesis"`` (no entry point
runs), and prints the medians, the overhead and the ratio:

- ``import hypothesis``: with the plugin as shipped (registers lazily);
- ``... + eager registration``: the plugin as it was before, which imported
  every module defining a registered type (``register_type_strategies()``).

Then, for both, the koperasi_id modules loaded and the own import time
``python -X importtime`` gives them. (``import koperasi_id``
against ``python -c pass`` is in the ``startup`` suite.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

from _harness import Baseline, interleaved

EAGER = (
    "import hypothesis\n"
    "from koperasi_id._hypothesis_plugin import register_type_strategies\n"
    "register_type_strategies()\n"
)

BASELINES = (
    Baseline(
        'HYPOTHESIS_NO_PLUGINS=1 python -c "import hypothesis"', True, code=("import hypothesis",)
    ),
)

CANDIDATES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("import hypothesis", "import hypothesis", {}),
    ("... + eager registration (before)", EAGER, {"HYPOTHESIS_NO_PLUGINS": "1"}),
)


def _child(code: str, extra_env: dict[str, str]) -> Callable[[], None]:
    env = {**os.environ, **extra_env}

    def run() -> None:
        subprocess.run([sys.executable, "-c", code], env=env, check=True)

    return run


def importtime(code: str) -> tuple[int, int, float]:
    """koperasi_id modules loaded by ``code``; those ``-X importtime`` lists; their own ms.

    ``-X importtime`` logs only imports made by ``import`` statements, not by
    ``importlib.import_module`` (which is how Hypothesis loads an entry point),
    so the loaded modules are counted from ``sys.modules`` as well.
    """
    probe = code + "\nimport sys\nprint(sum(m.startswith('koperasi_id') for m in sys.modules))\n"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
    )
    listed, self_us = 0, 0
    for line in done.stderr.splitlines():
        # "import time:  self [us] | cumulative | imported package"
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[2].strip().startswith("koperasi_id"):
            listed += 1
            self_us += int(parts[0])
    return int(done.stdout.split()[-1]), listed, self_us / 1000


def run(rounds: int) -> None:
    """Print one line per candidate and the importtime counts."""
    baseline = _child("import hypothesis", {"HYPOTHESIS_NO_PLUGINS": "1"})
    for name, code, env in CANDIDATES:
        c = interleaved(name, _child(code, env), baseline, rounds=rounds, items=1)
        print(
            f"imports {name:34} {c.candidate * 1000:7.1f} ms  without plugins "
            f"{c.baseline * 1000:7.1f} ms  overhead {(c.candidate - c.baseline) * 1000:6.1f} ms  "
            f"ratio {c.ratio:5.2f}  (median of {c.rounds} A/B rounds)",
            flush=True,
        )
    for name, code, _ in CANDIDATES:
        loaded, listed, self_ms = importtime(code)
        print(
            f"imports {name:34} loads {loaded:3} koperasi_id modules; -X importtime lists "
            f"{listed:3}, {self_ms:6.1f} ms of their own import time",
            flush=True,
        )


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
