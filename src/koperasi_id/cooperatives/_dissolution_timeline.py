"""Government dissolution: its timeline (R23), the statutory periods counted from the notice.

The grounds (R22) are in :mod:`koperasi_id.cooperatives._dissolution`. The
timeline counts calendar months with :mod:`dateutil`: the same day of the
month, or the month's last day when it has no such day.
"""

from __future__ import annotations

from datetime import date

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id._days import check_day, derived_day
from koperasi_id.cooperatives._law import UU_25_1992_FROM, checked
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Confidence, Regime, RegimeRef, Timeline, Unit, register

__all__ = [
    "DISSOLUTION_PERIODS",
    "Deadline",
    "DissolutionPeriod",
    "DissolutionPeriods",
    "DissolutionTimeline",
    "dissolution_timeline",
]


@attrs.frozen(kw_only=True)
class DissolutionPeriod:
    """One statutory period of the dissolution procedure, in calendar months."""

    months: int = attrs.field(validator=attrs.validators.ge(1))
    citation: Citation
    confidence: Confidence


@attrs.frozen(kw_only=True)
class DissolutionPeriods:
    """The four periods of a government dissolution (the value of a regime)."""

    #: The government decides within this many months of the notice.
    decision: DissolutionPeriod
    #: The cooperative may object within this many months of the notice.
    objection: DissolutionPeriod
    #: The government rules on an objection within this many months of receiving it.
    objection_ruling: DissolutionPeriod
    #: Creditors file their claims within this many months of being notified.
    creditor_claims: DissolutionPeriod


#: R23 periods. One regime since UU 25/1992; Art. 47(2)-(4) is HIGH confidence,
#: the creditors' 3 months (Art. 49) MEDIUM, so the regime as a whole is MEDIUM.
DISSOLUTION_PERIODS: Timeline[DissolutionPeriods] = Timeline(
    "cooperatives.dissolution_periods",
    [
        Regime(
            name="uu-25-1992-pasal-47-49",
            valid_from=UU_25_1992_FROM,
            citation=Citation("UU 25/1992", "Pasal 47 ayat (2)-(4) dan Pasal 49"),
            confidence=Confidence.MEDIUM,
            value=DissolutionPeriods(
                decision=DissolutionPeriod(
                    months=4,
                    citation=Citation("UU 25/1992", "Pasal 47 ayat (2)-(4)"),
                    confidence=Confidence.HIGH,
                ),
                objection=DissolutionPeriod(
                    months=2,
                    citation=Citation("UU 25/1992", "Pasal 47 ayat (2)-(4)"),
                    confidence=Confidence.HIGH,
                ),
                objection_ruling=DissolutionPeriod(
                    months=1,
                    citation=Citation("UU 25/1992", "Pasal 47 ayat (2)-(4)"),
                    confidence=Confidence.HIGH,
                ),
                creditor_claims=DissolutionPeriod(
                    months=3,
                    citation=Citation("UU 25/1992", "Pasal 49"),
                    confidence=Confidence.MEDIUM,
                ),
            ),
            note="periods counted in calendar months with dateutil.relativedelta: "
            "same day of the month, clipped to the month's last day",
        )
    ],
)
register(
    DISSOLUTION_PERIODS,
    description_id="jangka waktu pembubaran: keputusan, keberatan, tagihan kreditur",
    description_en="dissolution periods: decision, objection, creditor claims",
    unit=Unit.MONTHS,
    module=__name__,
    value_type=DissolutionPeriods,
)


@attrs.frozen(kw_only=True)
class Deadline:
    """A last day: ``months`` calendar months after ``counted_from``."""

    code: str
    counted_from: date
    months: int
    due_on: date
    citation: Citation
    confidence: Confidence

    def is_met_by(self, day: date) -> bool:
        """Whether an act on ``day`` is in time (the due day itself is in time)."""
        return self.counted_from <= day <= self.due_on


def _deadline(code: str, start: date, period: DissolutionPeriod) -> Deadline:
    return Deadline(
        code=code,
        counted_from=start,
        months=period.months,
        due_on=derived_day(
            check_day(start, "counted_from") + relativedelta(months=period.months),
            f"the deadline {code}",
        ),
        citation=period.citation,
        confidence=period.confidence,
    )


@attrs.frozen(kw_only=True)
class DissolutionTimeline:
    """The dates of a government dissolution, counted from the notice (R23).

    ``objection_ruling`` exists only when an objection was received in time;
    ``creditor_claims`` only when the date creditors were notified is known.
    """

    notice_on: date
    decision: Deadline
    objection: Deadline
    objection_received_on: date | None
    objection_in_time: bool | None
    objection_ruling: Deadline | None
    creditors_notified_on: date | None
    creditor_claims: Deadline | None
    regime: RegimeRef

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Every deadline that applies, in the order the procedure runs."""
        found = (self.objection, self.objection_ruling, self.decision, self.creditor_claims)
        return tuple(d for d in found if d is not None)


def dissolution_timeline(
    notice_on: date,
    *,
    objection_received_on: date | None = None,
    creditors_notified_on: date | None = None,
    rules: Timeline[DissolutionPeriods] | None = None,
) -> DissolutionTimeline:
    """The statutory dates of a government dissolution (R23).

    ``notice_on`` is the day the cooperative *received* the notice of the
    plan to dissolve it; the law in force on that day applies. Months are
    calendar months: the same day of the month, or the month's last day when
    it has no such day (31 October + 4 months = 28 or 29 February).

    >>> t = dissolution_timeline(date(2024, 10, 31))
    >>> t.objection.due_on, t.decision.due_on
    (datetime.date(2024, 12, 31), datetime.date(2025, 2, 28))
    >>> t = dissolution_timeline(date(2024, 10, 31), objection_received_on=date(2024, 12, 31))
    >>> t.objection_in_time, t.objection_ruling.due_on
    (True, datetime.date(2025, 1, 31))
    """
    regime: Regime[DissolutionPeriods] = checked(
        DISSOLUTION_PERIODS if rules is None else rules, notice_on
    )
    periods = regime.value
    objection = _deadline("cooperatives.dissolution.objection_due", notice_on, periods.objection)
    in_time: bool | None = None
    ruling: Deadline | None = None
    if objection_received_on is not None:
        if objection_received_on < notice_on:
            raise ValidationError.single(
                "cooperatives.dissolution.objection_before_notice",
                f"the objection ({objection_received_on}) cannot precede the notice ({notice_on})",
                message_id=f"keberatan ({objection_received_on}) tidak boleh mendahului pemberitahuan ({notice_on})",
                path="$.objection_received_on",
            )
        in_time = objection.is_met_by(objection_received_on)
        if in_time:
            ruling = _deadline(
                "cooperatives.dissolution.objection_ruling_due",
                objection_received_on,
                periods.objection_ruling,
            )
    claims: Deadline | None = None
    if creditors_notified_on is not None:
        if creditors_notified_on < notice_on:
            raise ValidationError.single(
                "cooperatives.dissolution.creditors_before_notice",
                f"creditors are notified of a dissolution ({creditors_notified_on}), "
                f"which cannot precede its notice ({notice_on})",
                message_id=f"kreditur diberi tahu tentang pembubaran ({creditors_notified_on}), "
                f"yang tidak boleh mendahului pemberitahuannya ({notice_on})",
                path="$.creditors_notified_on",
            )
        claims = _deadline(
            "cooperatives.dissolution.creditor_claims_due",
            creditors_notified_on,
            periods.creditor_claims,
        )
    return DissolutionTimeline(
        notice_on=notice_on,
        decision=_deadline("cooperatives.dissolution.decision_due", notice_on, periods.decision),
        objection=objection,
        objection_received_on=objection_received_on,
        objection_in_time=in_time,
        objection_ruling=ruling,
        creditors_notified_on=creditors_notified_on,
        creditor_claims=claims,
        regime=regime.ref,
    )
