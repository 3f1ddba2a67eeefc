"""The masking rule at the entry points the per-field sweeps do not reach.

Nothing from input (a value, a key, a column name, a file name) reaches a
message, path, warning or output cell except through
:func:`koperasi_id._values.mask`. Here: reform files (every place of the
shipped example documents, and the parsers' own error texts), the record
writer, the polars engines' result cells, and the chain of exceptions a
traceback prints. The marker is a synthetic NIK.
"""

from __future__ import annotations

import copy
import importlib.util
import inspect
import io
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from _robustness import (
    NIKS,
    assert_masked,
    entity_samples,
    leaked,
    outcome,
    public_callables,
    texts_of,
)
from koperasi_id import bpum, cooperatives, kur, law, msme, rows
from koperasi_id._overrides import parse_overrides
from koperasi_id.errors import KoperasiIdError, ValidationError
from koperasi_id.regions import RegionTable
from koperasi_id.rows import InputError
from koperasi_id.serialization import to_dict

NIK = NIKS[0]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "overrides"
#: A NIK the way a reform file may hold it: text, a number, in a list, as a key.
MARKERS: tuple[object, ...] = (NIK, int(NIK), f"{NIK[:8]} {NIK[8:]}", [NIK], {NIK: NIK})


def _error_text(err: BaseException) -> str:
    return "\n".join(text for _, text in texts_of(err))


# --- reform files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # tomllib quotes a repeated key: "Cannot declare ('<key>',) twice"
        ("table.toml", f'["{NIK}"]\n["{NIK}"]\n'),
        ("key.toml", f'"{NIK}" = 1\n"{NIK}" = 2\n'),
        # Python's parsers: a bare ValueError past 4,300 digits, and recursion
        ("long.toml", "regimes = " + "1" * 5000),
        ("long.json", '{"regimes": [' + "1" * 5000 + "]}"),
        ("deep.toml", "regimes = " + "[" * 50_000 + "]" * 50_000),
        ("deep.json", "[" * 50_000 + "]" * 50_000),
        ("exponent.json", '{"regimes": [1e999999999]}'),
    ],
)
def test_an_unreadable_reform_file_is_a_syntax_problem_that_quotes_nothing(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(path)
    assert caught.value.codes == ("overrides.syntax",)
    assert_masked(_error_text(caught.value), "reform file error")
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_a_regime_text_holding_a_nik_is_refused_and_shown_masked() -> None:
    regime = {**_example_regimes()[0], "name": f"Reform {NIK}"}
    with pytest.raises(ValidationError) as caught:
        parse_overrides({"regimes": [regime]})
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.regimes[0].name", "overrides.text")
    ]
    assert "187101******0001" in caught.value.problems[0].message


def test_a_toml_syntax_problem_says_where_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(f'["{NIK}"]\n["{NIK}"]\n', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(path)
    (problem,) = caught.value.problems
    assert problem.message == "the rules file cannot be read as TOML: at line 2, column 20"
    assert (
        problem.message_id
        == "berkas aturan tidak dapat dibaca sebagai TOML: pada baris 2, kolom 20"
    )


def _places(node: object, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield at
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _places(value, (*at, i))


def _example_regimes() -> list[dict[str, Any]]:
    found = [
        regime
        for path in sorted(EXAMPLES.glob("*.toml"))
        for regime in tomllib.loads(path.read_text(encoding="utf-8"))["regimes"]
    ]
    assert found, f"no example reform files in {EXAMPLES}"
    return found


def _documents(regime: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for place in _places(regime):
        for marker in MARKERS:
            if place:  # the marker as the value at this place
                doc = copy.deepcopy(regime)
                node: Any = doc
                for step in place[:-1]:
                    node = node[step]
                node[place[-1]] = marker
                yield doc
        doc = copy.deepcopy(regime)
        node = doc
        for step in place:
            node = node[step]
        if isinstance(node, dict):  # the marker as an unknown key at this place
            node[NIK] = 1
            yield doc


@pytest.mark.parametrize("regime", _example_regimes(), ids=lambda r: str(r["rule"]))
def test_a_nik_anywhere_in_a_reform_document_is_masked(regime: dict[str, Any]) -> None:
    for toml in (False, True):
        for doc in _documents(regime):
            try:
                found = parse_overrides({"regimes": [doc]}, toml=toml)
            except ValidationError as err:
                assert_masked(_error_text(err), f"parse_overrides of {doc!r:.200}")
                continue
            # Taken: its name, citation and value are shown by every decision under it.
            shown = repr([list(timeline) for timeline in found.timelines.values()])
            assert_masked(shown, f"regimes read from {doc!r:.200}")


# --- the record writer -------------------------------------------------------------


def test_a_file_name_holding_a_nik_is_masked_when_it_cannot_be_written(tmp_path: Path) -> None:
    for target in (tmp_path / "missing" / f"{NIK}.csv", f"{tmp_path}/{NIK}\x00.csv"):
        with pytest.raises(InputError) as caught:
            rows.write_records(target, [{"a": "1"}])
        assert "cannot write the file" in str(caught.value)
        assert_masked(_error_text(caught.value), "write_records error")


def test_a_column_the_header_lacks_is_named_masked() -> None:
    with pytest.raises(ValueError, match="columns the header lacks") as caught:
        rows.write_records(io.StringIO(), [{"a": "1"}, {f"x {NIK}": "2"}], format="csv")
    assert "187101******0001" in str(caught.value)
    assert_masked(str(caught.value), "write_records error")


def _screen_file(path: Path) -> object:
    from koperasi_id.batch.dask import screen_file  # noqa: PLC0415 - needs the dask extra

    return screen_file(path, year=2021)


def _screen_bpum_csv(path: Path) -> object:
    from koperasi_id.frames import screen_bpum_csv  # noqa: PLC0415 - needs the polars extra

    return list(screen_bpum_csv(path, year=2021))


#: Every entry point that opens a file by name: the extra it needs, the file
#: name it is given (under the missing directory) and the error it must raise
#: (with its problem code where it is a ValidationError).
FILE_READERS: dict[
    str, tuple[str | None, str, Callable[[Path], object], type[Exception], str | None]
] = {
    "regions.RegionTable.from_csv": (
        None,
        f"{NIK}.csv",
        RegionTable.from_csv,
        ValidationError,
        "region.file",
    ),
    "rows.read_records": (
        None,
        f"{NIK}.csv",
        lambda path: list(rows.read_records(path)),
        InputError,
        None,
    ),
    "rows.write_records": (
        None,
        f"{NIK}.csv",
        lambda path: rows.write_records(path, []),
        InputError,
        None,
    ),
    "law.load_overrides": (
        None,
        f"{NIK}.toml",
        law.load_overrides,
        ValidationError,
        "overrides.unreadable",
    ),
    "batch.dask.screen_file": ("dask", f"{NIK}.csv", _screen_file, InputError, None),
    "frames.screen_bpum_csv": ("polars", f"{NIK}.csv", _screen_bpum_csv, InputError, None),
}


def test_every_entry_point_that_opens_a_file_by_name_is_swept() -> None:
    # Discovered: a public callable whose first parameter takes a path.
    takes_a_path = set()
    for qualname, fn in public_callables():
        params = list(inspect.signature(fn).parameters.values())
        if params and "Path" in str(params[0].annotation) and not qualname.endswith("from_path"):
            takes_a_path.add(qualname.removeprefix("koperasi_id."))
    installed = {
        name
        for name, (extra, *_) in FILE_READERS.items()
        if extra is None or importlib.util.find_spec(extra) is not None
    }
    assert takes_a_path == installed


@pytest.mark.parametrize("reader", sorted(FILE_READERS))
def test_a_file_that_cannot_be_opened_is_named_masked(tmp_path: Path, reader: str) -> None:
    extra, name, read, error, code = FILE_READERS[reader]
    if extra is not None:
        pytest.importorskip(extra)
    with pytest.raises(error) as caught:  # the directory is missing too
        read(tmp_path / NIK / name)
    if isinstance(caught.value, ValidationError):
        assert caught.value.codes == (code,)
    assert_masked(_error_text(caught.value), f"{reader} error")
    err = caught.value  # no OSError chained: its text names the path whole
    assert err.__cause__ is None
    assert err.__suppress_context__ or err.__context__ is None


def test_dask_screening_of_a_header_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    (tmp_path / "bad.csv").write_bytes(b"nik,\xff\n")
    with pytest.raises(InputError, match="not UTF-8"):
        _screen_file(tmp_path / "bad.csv")


# --- the polars engines -------------------------------------------------------------

if importlib.util.find_spec("polars") is not None:
    from koperasi_id import frames

    #: The entity whose flat row each engine reads, and how to call it.
    ENGINES: dict[str, tuple[type, Callable[..., Any]]] = {
        "assess_kur": (kur.KurApplication, frames.assess_kur),
        "classify_msme": (
            msme.Business,
            lambda frame: frames.classify_msme(frame, as_of=date(2024, 6, 1)),
        ),
        "cooperative_status": (
            cooperatives.Cooperative,
            lambda frame: frames.cooperative_status(frame, as_of=date(2024, 6, 1)),
        ),
        "summarize_registry": (
            cooperatives.Cooperative,
            lambda frame: frames.summarize_registry(frame, as_of=date(2024, 6, 1)),
        ),
        "screen_bpum": (bpum.Proposal, lambda frame: frames.screen_bpum(frame, year=2021)),
        "identifier_columns": (
            msme.Business,
            lambda frame: frames.identifier_columns(frame, {"owner_nik": "nik", NIK: "nik"}),
        ),
    }
else:  # pragma: no cover - the minimal environment has no polars
    ENGINES = {}

CELLS = (NIK, f"x{NIK}", f"{NIK[:4]}-{NIK[4:8]}-{NIK[8:12]}-{NIK[12:]}", f"2020|{NIK}", f"{NIK}.5")


def _row_of(cls: type) -> dict[str, str]:
    sample = entity_samples()[cls]
    flat = bpum.proposal_to_row(sample) if cls is bpum.Proposal else rows.flatten(to_dict(sample))
    return {k: "" if v is None else str(v) for k, v in flat.items()}


def test_every_frame_engine_is_swept() -> None:
    pytest.importorskip("polars")
    takes_a_frame = {
        name
        for name in frames.__all__
        if inspect.isfunction(fn := getattr(frames, name))
        and next(iter(inspect.signature(fn).parameters)) == "frame"
    }
    assert takes_a_frame == set(ENGINES)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_frame_engines_mask_a_nik_in_every_cell_and_column_name(engine: str) -> None:
    pl = pytest.importorskip("polars")
    cls, run = ENGINES[engine]
    base = _row_of(cls)
    columns = [*base, NIK, f"x.{NIK}"]
    records = [{c: base.get(c, "") for c in columns}]
    records += [{**records[0], column: cell} for column in columns for cell in CELLS]
    frame = pl.DataFrame(
        {c: [r[c] for r in records] for c in columns}, schema=dict.fromkeys(columns, pl.String)
    )
    out = outcome(run, engine, frame=frame)
    if isinstance(out, KoperasiIdError):
        return  # checked by outcome()
    if not isinstance(out, pl.DataFrame):  # a run's summary (counts by kind, form, region)
        assert_masked(repr(out), f"{engine} result")
        return
    produced = [c for c in out.columns if c not in frame.columns]
    for column in produced:
        assert_masked(column, f"{engine} column name")
        for cell in out.get_column(column).to_list():
            shown = "|".join(map(str, cell)) if isinstance(cell, list) else str(cell)
            assert_masked(shown, f"{engine} cell {column}")


# --- tests of the check ---------------------------------------------------------------


def _chained(*, hide: bool) -> ValidationError:
    try:
        int(f"x{NIK}")
    except ValueError as inner:
        err = ValidationError.single("x", "a problem", message_id="sebuah masalah")
        err.__cause__, err.__suppress_context__ = (None, True) if hide else (inner, False)
        return err
    raise AssertionError("int() took the text")


def test_the_check_reads_the_chain_a_traceback_prints() -> None:
    assert leaked(_error_text(_chained(hide=False)))  # int() quotes the text it refused
    assert not leaked(_error_text(_chained(hide=True)))  # as after "from None"
