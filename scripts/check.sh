#!/usr/bin/env bash
# The whole test suite, as CI runs it. Run it inside the project's virtual
# environment (the README's test command creates one and installs `.[dev]`).
# Every step runs even if an earlier one fails; the exit code is non-zero if
# any step failed, and the failed steps are listed at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
step() {
  local name=$1
  shift
  printf '\n=== %s\n' "$name"
  if ! "$@"; then
    failed+=("$name")
  fi
}

examples() {
  local script rc=0
  for script in examples/*.py; do
    [ -e "$script" ] || continue
    case "$(basename "$script")" in _*) continue ;; esac
    printf -- '--- %s\n' "$script"
    python "$script" >/dev/null || { echo "FAILED: $script"; rc=1; }
  done
  return $rc
}

# The library must import and its tests must pass with the *declared minimum*
# version of every runtime dependency and without the optional `hypothesis`
# extra: a second, minimal environment proves both (property tests skip there).
# A floor in pyproject.toml that lies fails here.
minimum_versions_without_hypothesis() {
  local env=.venv-min constraints=.venv-min/constraints.txt
  [ -x "$env/bin/python" ] || python -m venv "$env" || return 1
  python scripts/min_constraints.py >"$constraints" || return 1
  "$env/bin/python" -m pip install -q --disable-pip-version-check -c "$constraints" \
    . pytest pytest-xdist || return 1
  # Same version number, new code: make pip replace a copy left by an earlier run.
  "$env/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps . || return 1
  if "$env/bin/python" -c "import hypothesis" 2>/dev/null; then
    echo "hypothesis leaked into the minimal environment"; return 1
  fi
  "$env/bin/python" -m pip freeze --disable-pip-version-check | grep -iE '^(attrs|cattrs|python-dateutil)=='
  "$env/bin/python" -c "import koperasi_id, koperasi_id.law, koperasi_id.money, koperasi_id.serialization, koperasi_id.decisions, koperasi_id.errors" || return 1
  # From tests/ so that the installed package, not src/, is what gets imported.
  (cd tests && "../$env/bin/python" -m pytest -q -p no:cacheprovider -n 2 -W error \
    -o addopts="" -o testpaths="" -o xfail_strict=true --rootdir=. .)
}

step "ruff format" ruff format --check src tests docs examples benchmarks scripts
step "ruff check" ruff check src tests docs examples benchmarks scripts
step "mypy --strict" mypy --strict src
# On every core (pytest-xdist; coverage is combined across the workers). A
# Markdown page's examples build on each other, so each file stays on one worker.
step "pytest (tests, doctests, docs examples, coverage)" \
  python -m pytest -q -p no:cacheprovider -n auto --dist loadfile --cov --cov-branch --cov-report=term
step "docs build (warnings are errors)" \
  sphinx-build -q -W --keep-going -b html docs docs/_build/html
step "examples" examples
step "benchmarks (quick; ratios are printed, never asserted)" python benchmarks/run.py --quick
step "minimum dependency versions, without hypothesis" minimum_versions_without_hypothesis

if [ ${#failed[@]} -ne 0 ]; then
  printf '\nFAILED steps: %s\n' "${failed[*]}"
  exit 1
fi
printf '\nAll checks passed.\n'
