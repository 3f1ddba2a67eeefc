"""Property tests: on any registry the strategies and junk make, both engines agree.

Records are valid cooperatives from :mod:`koperasi_id.strategies` (active and
inactive ones, dissolved ones among them), flattened to CSV rows, mostly onto
the columns of a registry export (founders and board terms left out, so the
fast path runs; sometimes kept, so the fallback runs), then damaged: junk
cells, spaced and blank cells, a RAT moved before the deed or repeated, a
deed moved after ``as_of``. For each date that matters (the day before and
the first day of an override regime of the activity rule and of the RAT
deadline; the day a fiscal year falls due and the day before) every row must
get the same status, legal status, finding codes and Indonesian and English
messages, and the registry summary must be equal.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

pl = pytest.importorskip("polars")
pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id import cooperatives, rows  # noqa: E402
from koperasi_id.errors import KoperasiIdError  # noqa: E402
from koperasi_id.frames import cooperative_status, summarize_registry  # noqa: E402
from koperasi_id.serialization import to_dict  # noqa: E402
from koperasi_id.strategies import cooperatives as cooperative_records  # noqa: E402
from test_frames_cooperatives import (  # noqa: E402
    COOP_JUNK,
    THREE_MONTHS,
    TWO_YEARS,
    _comparable,
    oracle_summary,
    per_record,
)

_SKIPPED = ("founders", "board_terms", "business_activities", "stakeholder_groups")
DATES = (
    TWO_YEARS.regimes[1].valid_from - timedelta(days=1),
    TWO_YEARS.regimes[1].valid_from,
    THREE_MONTHS.regimes[1].valid_from - timedelta(days=1),
    THREE_MONTHS.regimes[1].valid_from,
    date(2023, 6, 30),
    date(2023, 7, 1),
)


@st.composite
def registry_rows(draw: st.DrawFn, as_of: date) -> list[dict[str, Any]]:
    made = draw(st.lists(cooperative_records(as_of=as_of), min_size=1, max_size=12))
    full = draw(st.booleans()) and draw(st.booleans())  # a quarter keep every column
    out: list[dict[str, Any]] = []
    for coop in made:
        row = rows.flatten(to_dict(coop))
        if not full:
            row = {k: v for k, v in row.items() if not k.startswith(_SKIPPED)}
        out.append(row)
    columns = sorted({c for r in out for c in r})
    for row in out:
        kind = draw(st.sampled_from(["none", "none", "none", "junk", "text", "space", "blank",
                                     "early", "repeat", "late"]))  # fmt: skip
        column = draw(st.sampled_from(columns))
        if kind == "junk":
            row[column] = draw(st.sampled_from(COOP_JUNK))
        elif kind == "text":
            row[column] = draw(st.text(max_size=12))
        elif kind == "space" and row.get(column):
            row[column] = f" {row[column]} "
        elif kind == "blank":
            row[column] = ""
        elif kind == "early" and row.get("rat_records[0].held_on"):
            row["rat_records[0].held_on"] = row["deed_approved_on"]
        elif kind == "repeat" and row.get("rat_records[1].fiscal_year"):
            row["rat_records[1].fiscal_year"] = row["rat_records[0].fiscal_year"]
        elif kind == "late":
            row["deed_approved_on"] = (as_of + timedelta(days=1)).isoformat()
    return out


def _frame(records: list[dict[str, Any]]) -> Any:
    columns = sorted({c for r in records for c in r})
    return pl.DataFrame(
        {c: [r.get(c, "") for r in records] for c in columns},
        schema=dict.fromkeys(columns, pl.String),
    )


def _both(frame: Any, as_of: date, **options: Any) -> None:
    try:
        want = per_record(frame, as_of=as_of, **dict(options))
    except KoperasiIdError as err:  # the per-record path refused: so must the columnar one
        with pytest.raises(type(err)):
            cooperative_status(frame, as_of=as_of, **options)
        return
    got = cooperative_status(frame, as_of=as_of, **options)
    assert _comparable([tuple(r) for r in got.rows()]) == want
    run = summarize_registry(frame, as_of=as_of, by=cooperatives.DIMENSIONS, **options)
    assert run.summary == oracle_summary(frame, as_of=as_of, by=cooperatives.DIMENSIONS, **options)
    assert run.columnar + run.per_record == frame.height


@pytest.mark.parametrize("as_of", DATES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engines_agree_row_for_row(as_of: date, data: Any) -> None:
    frame = _frame(data.draw(registry_rows(as_of)))
    _both(frame, as_of)
    _both(frame, as_of, rules=TWO_YEARS)
    _both(frame, as_of, deadline_rules=THREE_MONTHS)
