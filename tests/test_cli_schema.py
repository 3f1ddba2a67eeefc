"""``koperasi-id schema``: the generated schema on the command line."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from koperasi_id.cli import main
from koperasi_id.kur import Schedule
from koperasi_id.msme import Business
from koperasi_id.schema import components, json_schema


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_a_record_type_by_its_validate_name() -> None:
    code, out, _ = _run("schema", "business")
    assert code == 0
    assert json.loads(out) == json_schema(Business)


def test_any_public_type_by_its_schema_key() -> None:
    code, out, _ = _run("schema", "kur.Schedule")
    assert code == 0
    assert json.loads(out) == json_schema(Schedule)


def test_openapi_components() -> None:
    code, out, _ = _run("schema", "--openapi")
    assert code == 0
    assert json.loads(out) == {"components": components()}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("schema", "nope"), "invalid choice: 'nope'"),
        (("schema",), "name a TYPE"),
        (("schema", "--lang", "id"), "sebutkan TYPE"),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = _run(*args, *(("--lang", "en") if "--lang" not in args else ()))
    assert code == 2
    assert out == ""
    assert message in err
