"""Columnar KUR assessment gives the per-record rows, row for row and cell for cell.

Applications from :func:`koperasi_id.strategies.kur_applications` (eligible and
failing each check) are written as CSV rows, moved to each KUR regime's first
day and the day before it, and damaged with junk, random text, spaced and
blank cells; both engines must give every row the same cells.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest

from _hypothesis_optional import given, settings, st
from koperasi_id import kur, rows
from koperasi_id.errors import ValidationError
from koperasi_id.law import Timeline
from koperasi_id.serialization import to_dict

pl = pytest.importorskip("polars")

from koperasi_id.frames import KurRun, assess_kur  # noqa: E402
from koperasi_id.strategies import kur_applications  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402

COLUMNS = rows.columns(kur.KurApplication)
#: Each KUR regime's first day and the day before it.
EDGES = sorted(
    {
        r.valid_from + timedelta(days=d)
        for f in attrs.fields(kur.KurRules)
        if isinstance(getattr(kur.DEFAULT_RULES, f.name), Timeline)
        for r in getattr(kur.DEFAULT_RULES, f.name)
        for d in (-1, 0)
    }
)
ROW = {
    "borrower_nik": "1871014101900002",
    "npwp": "",
    "business.name": "Warung",
    "business.owner_nik": "1871014101900002",
    "business.started_on": "2022-03-01",
    "business.annual_sales": "600000000",
    "scheme": "mikro",
    "plafond": "60000000",
    "tenor_months": "36",
    "purpose": "modal_kerja",
    "sector": "perdagangan",
    "akad_date": "2024-05-01",
    "access": "2",
}


def per_record(frame: Any, *, start: int = 0, **options: Any) -> list[dict[str, Any]]:
    out = []
    for i, row in enumerate(frame.iter_rows(named=True)):
        try:
            app: Any = rows.structure(kur.KurApplication, row)
        except ValidationError as err:
            app = err
        out.append(kur.assessment_row(start + i, app, **options))
    return out


def frame_of(records: list[dict[str, Any]]) -> Any:
    names = list(dict.fromkeys(k for r in records for k in r))
    return pl.DataFrame(
        {c: [r.get(c) for r in records] for c in names}, schema=dict.fromkeys(names, pl.String)
    )


def assert_same(frame: Any, *, batch_size: int = 100_000, **options: Any) -> KurRun:
    run = KurRun()
    got = assess_kur(frame, start=2, batch_size=batch_size, run=run, **options)
    assert got.columns == list(kur.ASSESSMENT_COLUMNS)
    assert got.rows(named=True) == per_record(frame, start=2, **options)
    assert run.columnar + run.per_record == frame.height
    return run


def test_every_regime_edge_and_junk_in_every_column() -> None:
    records = [{**ROW, "akad_date": day.isoformat()} for day in EDGES]
    records += [{**ROW, "npwp": "01.234.567.4-123.000", "akad_date": d.isoformat()} for d in EDGES]
    for column in ROW:
        records += [{**ROW, column: value} for value in JUNK]
    frame = frame_of(records)
    run = assert_same(frame)
    assert run.columnar > len(EDGES)
    assert run.per_record > 0
    outcomes = set(assess_kur(frame)["hasil"].to_list())
    assert {"layak", "tidak_layak", "tidak_valid", "tidak_dapat_dinilai"} <= outcomes


def test_batches_and_a_lazy_frame_agree() -> None:
    frame = frame_of([{**ROW, "plafond": str(10_000_000 * k)} for k in range(1, 60)])
    whole = assess_kur(frame)
    assert assess_kur(frame.lazy(), batch_size=7).rows() == whole.rows()
    assert set(whole["skema"].to_list()) == {"mikro"}


def test_rules_are_checked() -> None:
    with pytest.raises(TypeError):
        assess_kur(frame_of([ROW]), rules="kur")  # type: ignore[arg-type]


@st.composite
def damaged_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    apps = draw(st.lists(kur_applications(), min_size=1, max_size=12))
    out = []
    for app in apps:
        row = dict.fromkeys(COLUMNS, "") | rows.flatten(to_dict(app))
        kind = draw(st.sampled_from(["none", "none", "edge", "edge", "junk", "text", "blank"]))
        column = draw(st.sampled_from(sorted(row)))
        if kind == "edge":
            row["akad_date"] = draw(st.sampled_from(EDGES)).isoformat()
        elif kind == "junk":
            row[column] = draw(st.sampled_from(JUNK))
        elif kind == "text":
            row[column] = draw(st.text(max_size=16))
        elif kind == "blank":
            row[column] = ""
        out.append(row)
    return out


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_engines_agree_row_for_row(data: Any) -> None:
    frame = frame_of(data.draw(damaged_rows()))
    size = data.draw(st.integers(min_value=1, max_value=frame.height))
    assert_same(frame, batch_size=size)
