"""The BPUM disbursement lifecycle (R-BPUM-4) and the withdrawal deadline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from _hypothesis_optional import given, st
from koperasi_id.bpum import (
    DEFAULT_WITHDRAWAL_MONTHS,
    TERMINAL_STATUSES,
    TRANSITIONS,
    WITHDRAWAL_PERIOD,
    DisbursementRecord,
    Event,
    Status,
    advance,
    allowed_events,
    due_for_return,
    transition,
    withdrawal_deadline,
)
from koperasi_id.errors import RuleInputError, TransitionError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.law import Confidence
from koperasi_id.serialization import from_dict, to_dict

NIK = Nik.parse("1871010101900001")


def test_status_values_are_the_official_terms() -> None:
    assert [s.value for s in Status] == [
        "diusulkan",
        "ditolak_cleansing",
        "tidak_lolos",
        "tervalidasi",
        "ditetapkan",
        "dana_di_rekening",
        "dicairkan",
        "dikembalikan_ke_kas_negara",
    ]
    assert all(s.label for s in Status)
    assert all(e.label for e in Event)


def test_the_table_of_r_bpum_4() -> None:
    s, e = Status, Event
    assert TRANSITIONS == {
        (s.PROPOSED, e.CLEANSING_FAILED): s.REJECTED_IN_CLEANSING,
        (s.PROPOSED, e.VERIFICATION_FAILED): s.NOT_PASSED,
        (s.PROPOSED, e.VERIFICATION_PASSED): s.VALIDATED,
        (s.VALIDATED, e.DECREE_ISSUED): s.DECREED,
        (s.DECREED, e.FUNDS_CREDITED): s.CREDITED,
        (s.CREDITED, e.FUNDS_WITHDRAWN): s.WITHDRAWN,
        (s.CREDITED, e.DEADLINE_PASSED): s.RETURNED_TO_TREASURY,
        (s.CREDITED, e.IDENTITY_MISMATCH): s.RETURNED_TO_TREASURY,
    }
    for (status, event), after in TRANSITIONS.items():
        assert transition(status, event) is after


def test_terminal_statuses() -> None:
    assert frozenset(
        {Status.REJECTED_IN_CLEANSING, Status.NOT_PASSED, Status.WITHDRAWN,
         Status.RETURNED_TO_TREASURY}
    ) == TERMINAL_STATUSES  # fmt: skip
    assert Status.WITHDRAWN.is_terminal
    assert not Status.CREDITED.is_terminal


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("event", list(Event))
def test_illegal_transitions_name_the_allowed_events(status: Status, event: Event) -> None:
    if (status, event) in TRANSITIONS:
        # A legal step: it happens, and no error is raised.
        assert transition(status, event) is TRANSITIONS[status, event]
        return
    with pytest.raises(TransitionError) as info:
        transition(status, event)
    assert info.value.allowed == tuple(e.value for e in allowed_events(status))
    assert event.value in str(info.value)
    if status.is_terminal:
        assert "terminal" in str(info.value)
    else:
        assert "allowed:" in str(info.value)


def _all_paths(
    status: Status, path: tuple[Event, ...] = ()
) -> list[tuple[Status, tuple[Event, ...]]]:
    events = allowed_events(status)
    if not events:
        return [(status, path)]
    out = []
    for event in events:
        out.extend(_all_paths(transition(status, event), (*path, event)))
    return out


def test_every_allowed_path_from_proposal_ends_in_a_terminal_state() -> None:
    paths = _all_paths(Status.PROPOSED)
    assert len(paths) == 5
    assert {end for end, _ in paths} == TERMINAL_STATUSES
    assert max(len(p) for _, p in paths) == 4


@given(st.sampled_from(Status), st.lists(st.sampled_from(Event), max_size=12))
def test_random_walks_end_terminal_and_never_leave_one(start: Status, choices: list[Event]) -> None:
    status = start
    steps = 0
    for choice in choices:
        if status.is_terminal:
            with pytest.raises(TransitionError, match=r"the state is terminal\)$") as caught:
                transition(status, choice)
            assert caught.value.allowed == ()
            continue
        events = allowed_events(status)
        event = choice if choice in events else events[len(choices) % len(events)]
        status = transition(status, event)
        steps += 1
        assert steps <= 4  # the graph has no cycles
    while not status.is_terminal:
        status = transition(status, allowed_events(status)[0])
    assert status in TERMINAL_STATUSES


# --- withdrawal deadline ------------------------------------------------------


def test_withdrawal_period_is_a_labelled_low_confidence_default() -> None:
    assert DEFAULT_WITHDRAWAL_MONTHS == 3
    assert WITHDRAWAL_PERIOD.value == 3
    assert WITHDRAWAL_PERIOD.confidence is Confidence.LOW
    assert "Sampang" in WITHDRAWAL_PERIOD.citation.instrument


@pytest.mark.parametrize(
    ("credited", "months", "deadline"),
    [
        (date(2021, 5, 17), 3, date(2021, 8, 17)),
        (date(2020, 11, 30), 3, date(2021, 2, 28)),
        (date(2019, 11, 30), 3, date(2020, 2, 29)),  # leap year
        (date(2020, 12, 31), 3, date(2021, 3, 31)),
        (date(2021, 10, 31), 3, date(2022, 1, 31)),
        (date(2020, 8, 31), 1, date(2020, 9, 30)),
        (date(2020, 11, 30), 6, date(2021, 5, 30)),
    ],
)
def test_withdrawal_deadline(credited: date, months: int, deadline: date) -> None:
    assert withdrawal_deadline(credited, months=months) == deadline


@pytest.mark.parametrize("months", [0, -1, True, 1.5, "3"])
def test_withdrawal_months_must_be_positive_whole(months: object) -> None:
    with pytest.raises(RuleInputError, match="months"):
        withdrawal_deadline(date(2021, 1, 1), months=months)  # type: ignore[arg-type]
    with pytest.raises(
        RuleInputError, match=r"^months must be a whole number from 1 to 1200, got "
    ):
        due_for_return([], as_of=date(2021, 1, 1), months=months)  # type: ignore[arg-type]


def _credited(on: date) -> DisbursementRecord:
    return DisbursementRecord(nik=NIK, year=2021, status=Status.CREDITED, credited_on=on)


def test_due_for_return_boundary() -> None:
    record = _credited(date(2021, 5, 17))
    assert list(due_for_return([record], as_of=date(2021, 8, 17))) == []
    assert list(due_for_return([record], as_of=date(2021, 8, 18))) == [record]
    assert list(due_for_return([record], as_of=date(2021, 9, 17), months=4)) == []
    assert list(due_for_return([record], as_of=date(2021, 9, 18), months=4)) == [record]


def test_only_credited_records_are_due() -> None:
    on = date(2021, 1, 4)
    records = [
        _credited(on),
        DisbursementRecord(nik=NIK, year=2021, status=Status.WITHDRAWN, credited_on=on),
        DisbursementRecord(nik=NIK, year=2021, status=Status.RETURNED_TO_TREASURY, credited_on=on),
        DisbursementRecord(nik=NIK, year=2021, status=Status.DECREED),
        DisbursementRecord(nik=NIK, year=2021),
    ]
    assert list(due_for_return(records, as_of=date(2022, 1, 1))) == records[:1]


@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2021, 12, 31)),
    st.integers(0, 400),
    st.integers(1, 12),
)
def test_due_exactly_after_the_deadline(credited: date, days: int, months: int) -> None:
    as_of = credited + timedelta(days=days)
    due = list(due_for_return([_credited(credited)], as_of=as_of, months=months))
    deadline = withdrawal_deadline(credited, months=months)
    assert bool(due) == (as_of > deadline)
    assert deadline > credited


# --- records ----------------------------------------------------------------------


def test_record_needs_credit_date_exactly_when_credited() -> None:
    with pytest.raises(ValidationError) as info:
        DisbursementRecord(nik=NIK, year=2021, status=Status.CREDITED)
    assert info.value.paths == ("$.credited_on",)
    assert info.value.codes == ("bpum.credited_on_missing",)
    with pytest.raises(ValidationError) as info:
        DisbursementRecord(nik=NIK, year=2021, credited_on=date(2021, 1, 1))
    assert info.value.codes == ("bpum.credited_on_early",)


def test_advance_through_the_flow() -> None:
    record = DisbursementRecord(nik=NIK, year=2021)
    record = advance(record, Event.VERIFICATION_PASSED)
    record = advance(record, Event.DECREE_ISSUED)
    with pytest.raises(RuleInputError, match="on="):
        advance(record, Event.FUNDS_CREDITED)
    record = advance(record, Event.FUNDS_CREDITED, on=date(2021, 6, 1))
    assert record.credited_on == date(2021, 6, 1)
    done = advance(record, Event.FUNDS_WITHDRAWN)
    assert done.status is Status.WITHDRAWN
    assert done.credited_on == date(2021, 6, 1)
    with pytest.raises(TransitionError, match=r"^cannot apply batas_waktu_lewat to a dicairkan "):
        advance(done, Event.DEADLINE_PASSED)


def test_record_round_trip_and_masking() -> None:
    record = _credited(date(2021, 6, 1))
    data = to_dict(record)
    assert data == {
        "nik": "1871010101900001",
        "year": 2021,
        "status": "dana_di_rekening",
        "credited_on": "2021-06-01",
    }
    assert from_dict(DisbursementRecord, data) == record
    assert "1871010101900001" not in repr(record)
    with pytest.raises(ValidationError) as info:
        from_dict(DisbursementRecord, {**data, "status": "dicairkan_sebagian"})
    assert info.value.codes == ("enum",)
    assert info.value.paths == ("$.status",)
