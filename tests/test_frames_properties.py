"""Property tests: on any records the strategies and junk make, the two engines agree.

Records are valid proposals from :mod:`koperasi_id.strategies` (eligible and
failing each criterion), written as CSV rows, then damaged: bad NIKs, blank
and spaced cells, hostile text, duplicates of earlier NIKs. For each budget
year (the day before and the first day of a regime are 31 Dec 2020 and
1 Jan 2021, budget years 2020 and 2021) and each reading of the 2021
credit rule, every row must get the same outcome, amount, codes, messages,
masked NIK, line and ``duplicate_of`` from both engines.
"""

from __future__ import annotations

from typing import Any

import pytest

pl = pytest.importorskip("polars")
pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id import bpum  # noqa: E402
from koperasi_id.frames import BpumScreener  # noqa: E402
from koperasi_id.strategies import bpum_proposals  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402

_COLUMNS = list(bpum.PROPOSAL_COLUMNS)


@st.composite
def damaged_rows(draw: st.DrawFn, year: int) -> list[dict[str, Any]]:
    proposals = draw(st.lists(bpum_proposals(year=year), min_size=1, max_size=25))
    rows: list[dict[str, Any]] = [bpum.proposal_to_row(p) for p in proposals]
    for row in rows:
        kind = draw(st.sampled_from(["none", "none", "junk", "text", "space", "blank", "dup"]))
        column = draw(st.sampled_from(_COLUMNS))
        if kind == "junk":
            row[column] = draw(st.sampled_from(JUNK))
        elif kind == "text":
            row[column] = draw(st.text(max_size=20))
        elif kind == "space":
            row[column] = f" {row[column]} "
        elif kind == "blank":
            row[column] = ""
        elif kind == "dup":
            row["nik"] = draw(st.sampled_from(rows))["nik"]
    return rows


def _per_record(frame: Any, **options: Any) -> list[tuple[Any, ...]]:
    return [
        (r.index, r.nik, r.outcome.value, str(r.amount), list(r.failed_codes), list(r.messages),
         list(r.messages_en), r.duplicate_of)
        for r in bpum.screen_rows(frame.iter_rows(named=True), **options)
    ]  # fmt: skip


@pytest.mark.parametrize("year", [2020, 2021])
@pytest.mark.parametrize("rule", list(bpum.OtherBankCreditRule))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engines_agree_row_for_row(year: int, rule: bpum.OtherBankCreditRule, data: Any) -> None:
    rows = data.draw(damaged_rows(year))
    frame = pl.DataFrame(
        {c: [r.get(c) for r in rows] for c in _COLUMNS}, schema=dict.fromkeys(_COLUMNS, pl.String)
    )
    options = {"year": year, "other_bank_credit_rule": rule}
    want = _per_record(frame, **options)
    split = data.draw(st.integers(min_value=1, max_value=max(1, frame.height)))
    with BpumScreener(**options) as screener:
        parts = [
            screener.screen(frame.slice(i, split), start=i) for i in range(0, frame.height, split)
        ]
    got = [tuple(r) for part in parts for r in part.rows()]
    assert got == want
    assert screener.run.columnar + screener.run.per_record == frame.height
