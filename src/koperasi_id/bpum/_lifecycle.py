"""From proposal to money in hand or back to the treasury (R-BPUM-4)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import ClassVar, Protocol, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id._days import MAX_MONTHS, check_day
from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError, TransitionError, ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.law import Citation, Confidence, Regime

__all__ = [
    "DEFAULT_WITHDRAWAL_MONTHS",
    "TERMINAL_STATUSES",
    "TRANSITIONS",
    "WITHDRAWAL_PERIOD",
    "DisbursementRecord",
    "Event",
    "Status",
    "advance",
    "allowed_events",
    "due_for_return",
    "transition",
    "withdrawal_deadline",
]


class Status(enum.Enum):
    """Where a proposal stands. Derived from the published flow; no official code list exists."""

    PROPOSED = "diusulkan"
    REJECTED_IN_CLEANSING = "ditolak_cleansing"
    NOT_PASSED = "tidak_lolos"
    VALIDATED = "tervalidasi"
    DECREED = "ditetapkan"
    CREDITED = "dana_di_rekening"
    WITHDRAWN = "dicairkan"
    RETURNED_TO_TREASURY = "dikembalikan_ke_kas_negara"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _STATUS_LABELS[self]

    @property
    def is_terminal(self) -> bool:
        """No event leaves this status."""
        return self in TERMINAL_STATUSES


_STATUS_LABELS = {
    Status.PROPOSED: "Diusulkan",
    Status.REJECTED_IN_CLEANSING: "Ditolak pada cleansing data",
    Status.NOT_PASSED: "Tidak lolos verifikasi (SIKP/SLIK)",
    Status.VALIDATED: "Tervalidasi",
    Status.DECREED: "Ditetapkan dengan SK KPA",
    Status.CREDITED: "Dana di rekening penerima",
    Status.WITHDRAWN: "Dana dicairkan",
    Status.RETURNED_TO_TREASURY: "Dikembalikan ke kas negara",
}


class Event(enum.Enum):
    """What happens to a proposal."""

    CLEANSING_FAILED = "gagal_cleansing"
    VERIFICATION_FAILED = "gagal_verifikasi"
    VERIFICATION_PASSED = "lolos_verifikasi"
    DECREE_ISSUED = "sk_terbit"
    FUNDS_CREDITED = "dana_masuk_rekening"
    FUNDS_WITHDRAWN = "dana_dicairkan"
    DEADLINE_PASSED = "batas_waktu_lewat"
    IDENTITY_MISMATCH = "identitas_tidak_sesuai"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _EVENT_LABELS[self]


_EVENT_LABELS = {
    Event.CLEANSING_FAILED: "Gagal cleansing (data ganda atau format salah)",
    Event.VERIFICATION_FAILED: "Gagal verifikasi SIKP/SLIK (misalnya sedang menerima kredit)",
    Event.VERIFICATION_PASSED: "Lolos verifikasi dan validasi",
    Event.DECREE_ISSUED: "SK penetapan penerima terbit",
    Event.FUNDS_CREDITED: "Bank penyalur mengkreditkan dana ke rekening",
    Event.FUNDS_WITHDRAWN: "KYC lolos, SPTJM ditandatangani, dana dicairkan",
    Event.DEADLINE_PASSED: "Batas waktu pencairan terlewati",
    Event.IDENTITY_MISMATCH: "Identitas tidak sesuai saat pencairan",
}

#: Every allowed step: (status, event) → next status.
TRANSITIONS: dict[tuple[Status, Event], Status] = {
    (Status.PROPOSED, Event.CLEANSING_FAILED): Status.REJECTED_IN_CLEANSING,
    (Status.PROPOSED, Event.VERIFICATION_FAILED): Status.NOT_PASSED,
    (Status.PROPOSED, Event.VERIFICATION_PASSED): Status.VALIDATED,
    (Status.VALIDATED, Event.DECREE_ISSUED): Status.DECREED,
    (Status.DECREED, Event.FUNDS_CREDITED): Status.CREDITED,
    (Status.CREDITED, Event.FUNDS_WITHDRAWN): Status.WITHDRAWN,
    (Status.CREDITED, Event.DEADLINE_PASSED): Status.RETURNED_TO_TREASURY,
    (Status.CREDITED, Event.IDENTITY_MISMATCH): Status.RETURNED_TO_TREASURY,
}

_ALLOWED: dict[Status, tuple[Event, ...]] = {
    status: tuple(e for (s, e) in TRANSITIONS if s is status) for status in Status
}

#: Statuses no event leaves: the two rejections and the two ends of the money.
TERMINAL_STATUSES: frozenset[Status] = frozenset(s for s, events in _ALLOWED.items() if not events)


def allowed_events(status: Status) -> tuple[Event, ...]:
    """The events allowed from ``status`` (empty for a terminal one).

    >>> [e.value for e in allowed_events(Status.CREDITED)]
    ['dana_dicairkan', 'batas_waktu_lewat', 'identitas_tidak_sesuai']
    """
    return _ALLOWED[status]


def transition(status: Status, event: Event) -> Status:
    """The status after ``event``; :class:`~koperasi_id.errors.TransitionError` naming the allowed events.

    >>> transition(Status.PROPOSED, Event.VERIFICATION_PASSED)
    <Status.VALIDATED: 'tervalidasi'>
    >>> transition(Status.VALIDATED, Event.FUNDS_CREDITED)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.TransitionError: cannot apply dana_masuk_rekening to a tervalidasi proposal (allowed: sk_terbit)
    >>> transition(Status.WITHDRAWN, Event.DEADLINE_PASSED)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.TransitionError: cannot apply batas_waktu_lewat to a dicairkan proposal (no transition is allowed: the state is terminal)
    """
    after = TRANSITIONS.get((status, event))
    if after is None:
        raise TransitionError(
            f"cannot apply {event.value} to a {status.value} proposal",
            allowed=[e.value for e in _ALLOWED[status]],
        )
    return after


#: Months a recipient has to withdraw credited aid before it goes back to the
#: treasury. LOW confidence: only a district office's statement (Sampang, 2021)
#: was found; the regulation's own limit is an open question.
DEFAULT_WITHDRAWAL_MONTHS = 3

WITHDRAWAL_PERIOD: Regime[int] = Regime(
    name="bpum-withdrawal-period",
    valid_from=date(2020, 1, 1),
    valid_to=date(2021, 12, 31),
    citation=Citation(
        "Dinas Koperasi dan UKM Kabupaten Sampang (2021)",
        note="dana hangus bila tidak dicairkan dalam 3 bulan; batas dalam peraturan tidak ditemukan",
    ),
    confidence=Confidence.LOW,
    value=DEFAULT_WITHDRAWAL_MONTHS,
)


def withdrawal_deadline(credited_on: date, *, months: int = DEFAULT_WITHDRAWAL_MONTHS) -> date:
    """The last day the recipient may withdraw aid credited on ``credited_on``.

    Calendar months, clamped to the month's end (dateutil): funds credited on
    30 November may be withdrawn until 28 (or 29) February. The default of
    three months is :data:`WITHDRAWAL_PERIOD`, LOW confidence: pass ``months``
    when your office applies another limit.

    >>> withdrawal_deadline(date(2021, 5, 17))
    datetime.date(2021, 8, 17)
    >>> withdrawal_deadline(date(2020, 11, 30))
    datetime.date(2021, 2, 28)
    >>> withdrawal_deadline(date(2020, 11, 30), months=6)
    datetime.date(2021, 5, 30)
    """
    _check_months(months)
    return check_day(credited_on, "credited_on") + relativedelta(months=months)


def _check_months(months: int) -> None:
    if type(months) is not int or not 1 <= months <= MAX_MONTHS:
        raise RuleInputError(
            f"months must be a whole number from 1 to {MAX_MONTHS}, got {mask(months, limit=40, quote=True)}"
        )


_HAS_CREDIT_DATE = frozenset({Status.CREDITED, Status.WITHDRAWN, Status.RETURNED_TO_TREASURY})


@attrs.frozen(kw_only=True)
class DisbursementRecord:
    """One proposal's place in the flow; ``credited_on`` is set once money is in the account.

    >>> from koperasi_id.identifiers import Nik
    >>> r = DisbursementRecord(nik=Nik.parse("1871010101900001"), year=2021, status=Status.DECREED)
    >>> r = advance(r, Event.FUNDS_CREDITED, on=date(2021, 5, 17))
    >>> r.status.value, r.credited_on
    ('dana_di_rekening', datetime.date(2021, 5, 17))
    """

    nik: Nik
    year: int
    status: Status = Status.PROPOSED
    credited_on: date | None = None

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "bpum.credited_on_missing": "credited_on is set once the funds are credited (and after)",
            "bpum.credited_on_early": "credited_on is null before the funds are credited",
        }
    )

    def __attrs_post_init__(self) -> None:
        needs_date = self.status in _HAS_CREDIT_DATE
        if needs_date and self.credited_on is None:
            raise ValidationError.single(
                "bpum.credited_on_missing",
                f"a {self.status.value} record needs the date the funds were credited",
                message_id=f"catatan berstatus {self.status.value} memerlukan tanggal dana diterima",
                path="$.credited_on",
            )
        if not needs_date and self.credited_on is not None:
            raise ValidationError.single(
                "bpum.credited_on_early",
                f"a {self.status.value} record has no funds credited yet",
                message_id=f"catatan berstatus {self.status.value} belum memiliki dana yang diterima",
                path="$.credited_on",
            )


def advance(
    record: DisbursementRecord, event: Event, *, on: date | None = None
) -> DisbursementRecord:
    """``record`` after ``event``; crediting needs ``on``, the crediting date."""
    after = transition(record.status, event)
    if event is Event.FUNDS_CREDITED:
        if on is None:
            raise RuleInputError("crediting needs on=, the date the funds reached the account")
        return attrs.evolve(record, status=after, credited_on=on)
    return attrs.evolve(record, status=after)


class _Credited(Protocol):
    @property
    def status(self) -> Status: ...

    @property
    def credited_on(self) -> date | None: ...


R = TypeVar("R", bound=_Credited)


def due_for_return(
    records: Iterable[R], *, as_of: date, months: int = DEFAULT_WITHDRAWAL_MONTHS
) -> Iterator[R]:
    """The credited, unwithdrawn records whose deadline passed before ``as_of``.

    Streams: any iterable of objects with ``status`` and ``credited_on``
    (such as :class:`DisbursementRecord`). A record is due the day after its
    :func:`withdrawal_deadline`.

    >>> from koperasi_id.identifiers import Nik
    >>> r = DisbursementRecord(nik=Nik.parse("1871010101900001"), year=2021,
    ...                        status=Status.CREDITED, credited_on=date(2021, 5, 17))
    >>> len(list(due_for_return([r], as_of=date(2021, 8, 17)))), len(list(due_for_return([r], as_of=date(2021, 8, 18))))
    (0, 1)
    """
    _check_months(months)
    return _due(records, as_of, months)


def _due(records: Iterable[R], as_of: date, months: int) -> Iterator[R]:
    for record in records:
        if record.status is not Status.CREDITED or record.credited_on is None:
            continue
        if as_of > withdrawal_deadline(record.credited_on, months=months):
            yield record
