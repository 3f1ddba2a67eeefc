"""Property tests: on any businesses the strategies and junk make, the two MSME engines agree.

Records are valid businesses from :mod:`koperasi_id.strategies` (every size,
figures of both regimes), written as CSV rows, then damaged: junk and random
text in any cell, spaced and blank cells, figures moved to the ceilings of a
regime. On each regime's first day and the day before it, for every purpose
and policy, every row must get the same cells from both engines.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

pl = pytest.importorskip("polars")
pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id import msme, rows  # noqa: E402
from koperasi_id.errors import ValidationError  # noqa: E402
from koperasi_id.frames import MsmeClassifier, classify_msme  # noqa: E402
from koperasi_id.serialization import to_dict  # noqa: E402
from koperasi_id.strategies import businesses  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402
from test_frames_msme import frame_of, per_record  # noqa: E402

COLUMNS = rows.columns(msme.Business)
DAYS = [r.valid_from + timedelta(days=d) for r in msme.SIZE_CRITERIA for d in (-1, 0)][1:]
CEILINGS = sorted(
    {
        str(int(c) + d)
        for r in msme.SIZE_CRITERIA
        for b in r.value.bands
        for c in (b.micro_max, b.small_max, b.medium_max)
        for d in (-1, 0, 1)
    }
)


@st.composite
def damaged_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    found = draw(st.lists(businesses(), min_size=1, max_size=20))
    out: list[dict[str, Any]] = []
    for business in found:
        row = dict.fromkeys(COLUMNS, "") | rows.flatten(to_dict(business))
        kind = draw(st.sampled_from(["none", "none", "junk", "text", "space", "blank", "edge"]))
        column = draw(st.sampled_from(COLUMNS))
        if kind == "junk":
            row[column] = draw(st.sampled_from(JUNK))
        elif kind == "text":
            row[column] = draw(st.text(max_size=20))
        elif kind == "space":
            row[column] = f" {row[column]} "
        elif kind == "blank":
            row[column] = ""
        elif kind == "edge":
            row[draw(st.sampled_from(["capital", "net_assets", "annual_sales"]))] = draw(
                st.sampled_from(CEILINGS)
            )
        out.append(row)
    return out


@pytest.mark.parametrize("as_of", DAYS, ids=str)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engines_agree_row_for_row(as_of: date, data: Any) -> None:
    records = data.draw(damaged_rows())
    frame = frame_of(records)
    purpose = data.draw(st.sampled_from([None, *msme.Purpose]))
    policy = data.draw(st.sampled_from(list(msme.ConflictPolicy)))
    options = {"as_of": as_of, "purpose": purpose, "policy": policy}
    want = per_record(frame, start=2, **options)
    size = data.draw(st.integers(min_value=1, max_value=frame.height))
    got = classify_msme(frame, start=2, batch_size=size, **options)
    assert got.rows(named=True) == want


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_validation_agrees_with_structuring(data: Any) -> None:
    frame = frame_of(data.draw(damaged_rows()))
    want = [
        (i, err.problems)
        for i, err in enumerate(r if isinstance(r, Exception) else None for r in _structured(frame))
        if err is not None
    ]
    checker = MsmeClassifier(as_of=date(2024, 1, 1))
    got = checker.check(frame, lines=range(frame.height))
    assert [(line, err.problems) for line, err in got] == want


def _structured(frame: Any) -> list[Any]:
    out: list[Any] = []
    for row in frame.iter_rows(named=True):
        try:
            out.append(rows.structure(msme.Business, row))
        except ValidationError as err:
            out.append(err)
    return out
