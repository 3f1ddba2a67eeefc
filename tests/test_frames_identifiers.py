"""Identifier validation columns give, row for row, what each identifier's own parser says."""

from __future__ import annotations

from typing import Any

import pytest

from _hypothesis_optional import HAVE_HYPOTHESIS, given, settings, st

pl = pytest.importorskip("polars")

from koperasi_id.errors import RuleInputError  # noqa: E402
from koperasi_id.frames import IDENTIFIER_KINDS, identifier_cells, identifier_columns  # noqa: E402
from test_frames_bpum import JUNK  # noqa: E402

if HAVE_HYPOTHESIS:
    from koperasi_id import strategies as ks

    VALID: dict[str, Any] = {
        "nik": ks.niks(),
        "kk": ks.nomor_kks(),
        "npwp": ks.npwps(),
        "nib": ks.nibs(),
        "kbli": ks.kblis(),
        "region": ks.region_codes(),
    }
else:  # pragma: no cover - the property test is skipped
    VALID = dict.fromkeys(IDENTIFIER_KINDS, st.none())
HOSTILE = [*JUNK, "91.01", "18.71", "9101021708750001", "47111", "1234567890123", "x" * 300]


def assert_rows(frame: Any, columns: dict[str, str]) -> Any:
    out = identifier_columns(frame, columns)
    assert out.columns[: frame.width] == frame.columns
    for column, kind in columns.items():
        got = out.select(f"{column}_valid", f"{column}_kode", f"{column}_masked").rows()
        want = [identifier_cells(kind, v) for v in frame[column].to_list()]
        assert [tuple(g) for g in got] == [(v, c, m) for v, c, m in want]
    return out


def test_junk_and_hostile_cells_of_every_kind() -> None:
    frame = pl.DataFrame(dict.fromkeys(IDENTIFIER_KINDS, HOSTILE))
    out = assert_rows(frame, {kind: kind for kind in IDENTIFIER_KINDS})
    assert out.height == len(HOSTILE)
    assert out["region_valid"].any()
    assert not out["nik_valid"].all()
    masked = [m for m in out["nik_masked"].to_list() if m]
    assert all("******" in m for m in masked)


def test_an_unknown_kind_or_column_is_refused() -> None:
    frame = pl.DataFrame({"nik": ["1"]})
    with pytest.raises(RuleInputError, match="unknown identifier kind"):
        identifier_columns(frame, {"nik": "passport"})
    with pytest.raises(RuleInputError, match="no column"):
        identifier_columns(frame, {"npwp": "npwp"})


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_columns_agree_with_the_parsers(data: Any) -> None:
    cells: dict[str, list[Any]] = {}
    for kind, strategy in VALID.items():
        valid = strategy.map(str)
        junk = st.sampled_from(HOSTILE) | st.text(max_size=24)
        cells[kind] = data.draw(st.lists(valid | junk, min_size=1, max_size=12).map(list))
    size = min(len(v) for v in cells.values())
    frame = pl.DataFrame(
        {k: v[:size] for k, v in cells.items()}, schema=dict.fromkeys(cells, pl.String)
    )
    assert_rows(frame, {kind: kind for kind in IDENTIFIER_KINDS})
