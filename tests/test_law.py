"""Regimes and timelines: the date-effective core every rule stands on."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from _hypothesis_optional import given, st
from koperasi_id.errors import NoRuleInForceError, RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, RegimeRef, Timeline

C = Citation("PP 7/2021", "Pasal 35")
DAY = timedelta(days=1)


def regime(name: str, start: date, end: date | None, value: int = 0) -> Regime[int]:
    return Regime(name=name, valid_from=start, valid_to=end, citation=C, value=value)


OLD = regime("uu-20-2008", date(2008, 7, 4), date(2021, 2, 1), 1)
NEW = regime("pp-7-2021", date(2021, 2, 2), None, 2)
TABLE = Timeline("msme", [NEW, OLD], contiguous=True)


def test_at_picks_by_date_on_every_edge() -> None:
    assert TABLE.at(date(2008, 7, 4)) is OLD
    assert TABLE.at(date(2021, 2, 1)) is OLD
    assert TABLE.at(date(2021, 2, 2)) is NEW
    assert TABLE.at(date(9899, 12, 31)) is NEW
    assert TABLE.value_at(date(2015, 1, 1)) == 1


def test_before_first_regime_raises_with_coverage() -> None:
    with pytest.raises(NoRuleInForceError) as info:
        TABLE.at(date(2008, 7, 3))
    assert info.value.table == "msme"
    err = info.value
    assert isinstance(err, ValueError)
    assert err.table == "msme"
    assert err.as_of == date(2008, 7, 3)
    assert "2008-07-04..2021-02-01" in str(err)
    assert "2021-02-02..open" in str(err)


def test_gap_and_after_closed_end_raise() -> None:
    t = Timeline(
        "bpum",
        [
            regime("2020", date(2020, 1, 1), date(2020, 12, 31)),
            regime("2021", date(2021, 3, 1), date(2021, 12, 31)),
        ],
    )
    assert t.find(date(2021, 1, 15)) is None
    assert t.find(date(2022, 1, 1)) is None
    with pytest.raises(NoRuleInForceError) as caught:
        t.at(date(2021, 2, 28))
    assert caught.value.table == "bpum"
    assert t.at(date(2021, 3, 1)).name == "2021"


def test_overlap_rejected_with_names() -> None:
    with pytest.raises(ValueError, match=r"'a'.*overlaps 'b'"):
        Timeline(
            "t",
            [regime("a", date(2020, 1, 1), date(2020, 6, 1)), regime("b", date(2020, 6, 1), None)],
        )
    with pytest.raises(ValueError, match="overlaps"):
        Timeline("t", [regime("a", date(2020, 1, 1), None), regime("b", date(2021, 1, 1), None)])


def test_contiguous_rejects_gap() -> None:
    with pytest.raises(ValueError, match="gap"):
        Timeline(
            "t",
            [regime("a", date(2020, 1, 1), date(2020, 1, 1)), regime("b", date(2020, 1, 3), None)],
            contiguous=True,
        )


def test_empty_and_inverted_rejected() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Timeline("t", [])
    with pytest.raises(ValueError, match="before valid_from"):
        regime("bad", date(2020, 1, 2), date(2020, 1, 1))


@pytest.mark.parametrize("bad", [datetime(2021, 2, 2, 9, 0), "2021-02-02", 20210202, None])
def test_as_of_must_be_a_date(bad: object) -> None:
    with pytest.raises(RuleInputError, match=r"as_of must be a datetime\.date") as info:
        TABLE.at(bad)  # type: ignore[arg-type]
    assert ("pass its .date()" in str(info.value)) == isinstance(bad, datetime)


def test_extended_adds_and_keeps_original() -> None:
    closed = Timeline("t", [regime("a", date(2020, 1, 1), date(2020, 12, 31))])
    longer = closed.extended(regime("b", date(2021, 1, 1), None, 5))
    assert len(closed) == 1
    assert len(longer) == 2
    assert longer.value_at(date(2030, 1, 1)) == 5
    with pytest.raises(ValueError, match="overlaps"):
        closed.extended(regime("c", date(2020, 6, 1), None))


def test_overridden_clips_around_new_regime() -> None:
    patched = TABLE.overridden(regime("patch", date(2010, 1, 1), date(2010, 12, 31), 9))
    assert [r.name for r in patched] == ["uu-20-2008", "patch", "uu-20-2008", "pp-7-2021"]
    assert patched.at(date(2009, 12, 31)).value == 1
    assert patched.at(date(2010, 1, 1)).value == 9
    assert patched.at(date(2010, 12, 31)).value == 9
    assert patched.at(date(2011, 1, 1)).value == 1
    assert TABLE.at(date(2010, 6, 1)).value == 1  # the shipped table is untouched


def test_overridden_open_ended_replaces_the_future() -> None:
    patched = TABLE.overridden(regime("2026", date(2026, 1, 1), None, 7))
    assert patched.at(date(2025, 12, 31)).name == "pp-7-2021"
    assert patched.at(date(2026, 1, 1)).value == 7
    assert patched.regimes[-2].valid_to == date(2025, 12, 31)


def test_derived_timelines_keep_the_no_gap_promise() -> None:
    assert TABLE.overridden(regime("patch", date(2010, 1, 1), date(2010, 12, 31))).contiguous
    closed = Timeline("t", [regime("a", date(2020, 1, 1), date(2020, 12, 31))], contiguous=True)
    assert closed.extended(regime("b", date(2021, 1, 1), None)).contiguous
    with pytest.raises(ValueError, match="gap"):
        closed.extended(regime("c", date(2021, 1, 2), None))
    with pytest.raises(ValueError, match="gap"):
        TABLE.overridden(regime("early", date(2000, 1, 1), date(2000, 12, 31)))
    assert (
        not Timeline("t", [regime("a", date(2020, 1, 1), None)])
        .overridden(regime("b", date(2021, 1, 1), None))
        .contiguous
    )


def test_overridden_swallows_covered_regime() -> None:
    patched = TABLE.overridden(regime("all", date(2000, 1, 1), None, 3))
    assert [r.name for r in patched] == ["all"]


def test_regime_ref_and_covers() -> None:
    ref = NEW.ref
    assert isinstance(ref, RegimeRef)
    assert (ref.name, ref.valid_from, ref.valid_to, ref.citation) == (
        "pp-7-2021",
        date(2021, 2, 2),
        None,
        C,
    )
    assert ref.confidence is Confidence.HIGH
    assert OLD.covers(date(2021, 2, 1))
    assert not OLD.covers(date(2021, 2, 2))
    assert not NEW.covers(date(2021, 2, 1))


def test_citation_text_and_confidence_labels() -> None:
    assert (
        str(Citation("UU 25/1992", "Pasal 6 ayat (1)", note="as amended"))
        == "UU 25/1992 Pasal 6 ayat (1) (as amended)"
    )
    assert [c.label for c in Confidence] == ["tinggi", "sedang", "rendah"]
    with pytest.raises(ValueError, match="instrument"):
        Citation("")


def test_repr_names_regimes() -> None:
    assert repr(TABLE) == "Timeline('msme', [uu-20-2008, pp-7-2021])"
    assert TABLE.spans == ((date(2008, 7, 4), date(2021, 2, 1)), (date(2021, 2, 2), None))


@st.composite
def contiguous_timelines(draw: st.DrawFn) -> tuple[Timeline[int], list[date]]:
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
    lengths = draw(st.lists(st.integers(min_value=1, max_value=4000), min_size=1, max_size=6))
    open_end = draw(st.booleans())
    regimes, starts = [], []
    for i, length in enumerate(lengths):
        end = start + timedelta(days=length - 1)
        last = i == len(lengths) - 1
        regimes.append(regime(f"r{i}", start, None if (last and open_end) else end, i))
        starts.append(start)
        start = end + DAY
    return Timeline("gen", draw(st.permutations(regimes)), contiguous=True), starts


@given(contiguous_timelines(), st.data())
def test_every_day_in_span_has_exactly_the_right_regime(
    generated: tuple[Timeline[int], list[date]], data: st.DataObject
) -> None:
    table, starts = generated
    for i, start in enumerate(starts):
        assert table.at(start).value == i  # first day
        if i:
            assert table.at(start - DAY).value == i - 1  # last day of the one before
    first, last = table.regimes[0], table.regimes[-1]
    with pytest.raises(NoRuleInForceError) as caught:
        table.at(first.valid_from - DAY)
    assert caught.value.table == "gen"
    if last.valid_to is not None:
        assert table.at(last.valid_to).value == len(starts) - 1
        with pytest.raises(NoRuleInForceError) as caught:
            table.at(last.valid_to + DAY)
        assert caught.value.table == "gen"
    day = data.draw(
        st.dates(min_value=first.valid_from, max_value=last.valid_to or date(2100, 1, 1))
    )
    found = table.at(day)
    assert found.covers(day)
    assert sum(r.covers(day) for r in table) == 1


@given(
    contiguous_timelines(),
    st.dates(min_value=date(1980, 1, 1), max_value=date(2050, 1, 1)),
    st.integers(0, 3000),
)
def test_override_wins_exactly_on_its_span(
    generated: tuple[Timeline[int], list[date]], start: date, length: int
) -> None:
    contiguous, _ = generated
    # A patch may lie apart from the table, leaving a gap a contiguous table refuses.
    table = Timeline(contiguous.name, contiguous.regimes)
    patch = regime("patch", start, start + timedelta(days=length), -1)
    patched = table.overridden(patch)
    for day in (
        start - DAY,
        start,
        start + timedelta(days=length),
        start + timedelta(days=length + 1),
    ):
        if patch.covers(day):
            assert patched.at(day) is patch
        else:
            before, after = table.find(day), patched.find(day)
            assert (before is None) == (after is None)
            assert getattr(before, "value", None) == getattr(after, "value", None)


class _FakeDate(date):
    """What a test clock (freezegun and the like) hands out: a date subclass."""


def test_a_date_subclass_is_a_day() -> None:
    assert TABLE.at(_FakeDate(2021, 2, 2)).name == "pp-7-2021"
    assert TABLE.at(_FakeDate(2021, 2, 1)).name == "uu-20-2008"
