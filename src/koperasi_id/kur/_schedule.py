"""Instalment schedules: annuity, flat and bullet, with explicit rounding.

**Rate convention.** KUR rates are "X % efektif per tahun". Indonesian banking
reads *efektif* as interest on the declining balance with a monthly rate of
annual / 12 (:attr:`RateConvention.NOMINAL_MONTHLY`, the default). The
compounding reading, a monthly rate ``(1 + annual)^(1/12) - 1``, is
:attr:`RateConvention.EFFECTIVE_ANNUAL` (domain note, open question 8). The
convention turns the annual rate into the monthly rate for every method.

**Rounding.** Interest and principal of each instalment are rounded to
``places`` (0: whole rupiah) with the named :class:`~koperasi_id.money.Rounding`;
the last instalment takes whatever principal is left, so the principal repaid
always equals the plafond exactly.

**A rate that changes mid-loan.** ``rate_for`` gives the annual rate of each
instalment period (the pandemic interest relief of 2020–2022 is one such
change). An annuity is then **re-amortised** whenever the rate changes: the
balance left is spread over the months left at the new rate, P·r / (1 −
(1 + r)^−n) with P the balance and n the instalments still to pay. This is how
Indonesian banks recompute a floating-rate annuity when its rate moves (a KPR
after its fixed period: "cicilan dihitung berdasarkan nilai pinjaman yang
tersisa", idea.grid.id; Bank Sumut's KPR simulation recomputes the instalment
on the remaining principal at month 13). The tenor never changes.
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id import _html
from koperasi_id._days import derived_day
from koperasi_id._numbers import computes
from koperasi_id._values import mask
from koperasi_id.kur._args import day, member
from koperasi_id.kur._schedule_inputs import (
    _HUNDRED,
    _bad,
    _months,
    _principal,
    _rate_percent,
)
from koperasi_id.money import Rounding, format_rupiah, round_rupiah

__all__ = [
    "Instalment",
    "Method",
    "RateConvention",
    "Schedule",
    "annuity_payment",
    "flat_rate_equivalent",
    "monthly_rate",
    "schedule",
]

_CONTEXT = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN)
_TWELVE = Decimal(12)


class Method(enum.Enum):
    """How the credit is repaid."""

    #: Equal payments; interest on the declining balance (the KUR default).
    ANNUITY = "anuitas"
    #: Equal principal; interest on the original principal every month.
    FLAT = "flat"
    #: Principal and interest in one payment at maturity (KUR super mikro).
    BULLET = "sekaligus"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return {
            "anuitas": "Anuitas",
            "flat": "Flat",
            "sekaligus": "Sekaligus pada jatuh tempo",
        }[self.value]


class RateConvention(enum.Enum):
    """How an annual rate becomes a monthly one."""

    #: monthly = annual / 12 (Indonesian "efektif", declining balance).
    NOMINAL_MONTHLY = "nominal_bulanan"
    #: monthly = (1 + annual)^(1/12) − 1 (an effective annual rate, compounding).
    EFFECTIVE_ANNUAL = "efektif_tahunan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        if self is RateConvention.NOMINAL_MONTHLY:
            return "Bunga tahunan / 12 atas saldo menurun"
        return "Suku bunga efektif tahunan (majemuk)"


@computes
def monthly_rate(
    annual_rate: Decimal | int,
    rate_convention: RateConvention = RateConvention.NOMINAL_MONTHLY,
) -> Decimal:
    """The monthly rate as a fraction, from an annual rate in percent.

    >>> monthly_rate(Decimal(6))
    Decimal('0.005')
    >>> round(monthly_rate(Decimal(6), RateConvention.EFFECTIVE_ANNUAL), 8)
    Decimal('0.00486755')
    """
    convention = member(rate_convention, RateConvention, "rate_convention")
    fraction = _CONTEXT.divide(_rate_percent(annual_rate), _HUNDRED)
    if convention is RateConvention.NOMINAL_MONTHLY:
        return _CONTEXT.divide(fraction, _TWELVE)
    root = _CONTEXT.power(_CONTEXT.add(1, fraction), _CONTEXT.divide(1, _TWELVE))
    return _CONTEXT.subtract(root, 1)


def _annuity(principal: Decimal, rate: Decimal, months: int) -> Decimal:
    if rate == 0:
        return _CONTEXT.divide(principal, months)
    discount = _CONTEXT.power(_CONTEXT.add(1, rate), -months)
    return _CONTEXT.divide(_CONTEXT.multiply(principal, rate), _CONTEXT.subtract(1, discount))


@computes
def annuity_payment(
    principal: Decimal | int,
    annual_rate: Decimal | int,
    months: int,
    *,
    rate_convention: RateConvention = RateConvention.NOMINAL_MONTHLY,
) -> Decimal:
    """The exact (unrounded) annuity instalment P·r / (1 − (1 + r)^−n).

    >>> round(annuity_payment(Decimal(10_000_000), Decimal(3), 12), 2)
    Decimal('846936.99')
    """
    p = _principal(principal)
    n = _months(months, "months", 1)
    return _annuity(p, monthly_rate(annual_rate, rate_convention), n)


@computes
def flat_rate_equivalent(
    principal: Decimal | int,
    annual_rate: Decimal | int,
    months: int,
    *,
    rate_convention: RateConvention = RateConvention.NOMINAL_MONTHLY,
) -> Decimal:
    """The flat rate (percent per year) whose instalment equals the annuity's.

    (instalment·n − P) / (P·n/12), unrounded.

    >>> round(flat_rate_equivalent(Decimal(50_000_000), Decimal(6), 36), 4)
    Decimal('3.1730')
    """
    p = _principal(principal)
    payment = annuity_payment(p, annual_rate, months, rate_convention=rate_convention)
    interest = _CONTEXT.subtract(_CONTEXT.multiply(payment, months), p)
    per_year = _CONTEXT.divide(_CONTEXT.multiply(p, months), _TWELVE)
    return _CONTEXT.multiply(_CONTEXT.divide(interest, per_year), _HUNDRED)


@attrs.frozen(kw_only=True)
class Instalment:
    """One row of a schedule; ``balance`` is what is left after this payment."""

    number: int
    due_date: date
    principal: Decimal
    interest: Decimal
    payment: Decimal
    balance: Decimal


@attrs.frozen(kw_only=True)
class Schedule:
    """A repayment schedule and the inputs that made it."""

    principal: Decimal
    annual_rate: Decimal
    months: int
    method: Method
    grace_months: int
    rounding: Rounding
    rate_convention: RateConvention
    places: int
    instalments: tuple[Instalment, ...]
    #: The annual rate (percent) charged for each month of the tenor, in order;
    #: for an annuity or flat credit month *k* is instalment *k*'s period.
    period_rates: tuple[Decimal, ...] = ()

    #: Written by ``to_dict`` and checked by ``from_dict`` (koperasi_id.serialization).
    __wire_derived__: ClassVar[tuple[str, ...]] = (
        "total_principal",
        "total_interest",
        "total_payment",
        "flat_rate_equivalent",
    )
    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "derived.mismatch": "total_principal, total_interest and total_payment are the sums "
            "of the instalments; flat_rate_equivalent follows from the total interest, the "
            "principal and the months",
        }
    )

    def _repr_html_(self) -> str:
        """The instalments (the first 24 shown), totals and flat-rate equivalent, for notebooks."""
        rows = [
            (
                i.number,
                i.due_date.isoformat(),
                format_rupiah(i.principal),
                format_rupiah(i.interest),
                format_rupiah(i.payment),
                format_rupiah(i.balance),
            )
            for i in self.instalments
        ]
        return _html.table(
            f"{self.method.label}: {format_rupiah(self.principal)}, {self.months} bulan, "
            f"{self.annual_rate}% per tahun",
            ("no", "jatuh tempo", "pokok", "bunga", "angsuran", "sisa pokok"),
            rows,
            limit=24,
            notes=[
                f"Total: pokok {format_rupiah(self.total_principal)}, bunga "
                f"{format_rupiah(self.total_interest)}, angsuran "
                f"{format_rupiah(self.total_payment)}",
                f"Setara bunga flat: {round(self.flat_rate_equivalent, 2)}% per tahun",
            ],
        )

    @property
    @computes
    def total_principal(self) -> Decimal:
        """Sum of the principal parts; always equal to :attr:`principal`."""
        return sum((i.principal for i in self.instalments), Decimal(0))

    @property
    @computes
    def total_interest(self) -> Decimal:
        """Sum of the interest parts."""
        return sum((i.interest for i in self.instalments), Decimal(0))

    @property
    @computes
    def total_payment(self) -> Decimal:
        """Everything the borrower pays."""
        return sum((i.payment for i in self.instalments), Decimal(0))

    @property
    @computes
    def flat_rate_equivalent(self) -> Decimal:
        """The flat rate (percent per year) with the same total interest over the tenor."""
        per_year = _CONTEXT.divide(_CONTEXT.multiply(self.principal, self.months), _TWELVE)
        return _CONTEXT.multiply(_CONTEXT.divide(self.total_interest, per_year), _HUNDRED)


@computes
def schedule(
    principal: Decimal | int,
    annual_rate: Decimal | int,
    months: int,
    *,
    start: date | None = None,
    first_due: date | None = None,
    method: Method = Method.ANNUITY,
    grace_months: int = 0,
    rounding: Rounding = Rounding.HALF_UP,
    rate_convention: RateConvention = RateConvention.NOMINAL_MONTHLY,
    places: int = 0,
    rate_for: Callable[[date, date], Decimal] | None = None,
) -> Schedule:
    """The repayment schedule of ``principal`` at ``annual_rate`` percent over ``months``.

    Give either ``start`` (the akad date; instalment *k* falls due *k* months
    later) or ``first_due`` (instalment *k* falls due *k − 1* months after it).
    Dates are computed from that anchor with :class:`dateutil.relativedelta.relativedelta`,
    so a loan signed on 31 January falls due on 28/29 February, then 31 March.
    During ``grace_months`` only interest is paid. A ``BULLET`` credit has one
    instalment at maturity with simple interest for the whole tenor.

    ``rate_for(period_start, due_date)`` (optional) returns the annual rate
    in percent charged for one instalment period; ``annual_rate`` is then the
    agreed rate recorded on the schedule. An annuity is re-amortised over the
    months left whenever the rate changes (see the module docstring).

    >>> s = schedule(Decimal(10_000_000), Decimal(3), 12, start=date(2024, 1, 31))
    >>> [str(i.due_date) for i in s.instalments[:3]]
    ['2024-02-29', '2024-03-31', '2024-04-30']
    >>> s.instalments[0].payment, s.total_interest
    (Decimal('846937'), Decimal('163244'))
    >>> flat = schedule(Decimal(50_000_000), Decimal(6), 12, start=date(2024, 1, 31),
    ...                 method=Method.FLAT)
    >>> flat.instalments[0].principal, flat.instalments[-1].principal, flat.total_principal
    (Decimal('4166667'), Decimal('4166663'), Decimal('50000000'))
    """
    p = _principal(principal)
    percent = _rate_percent(annual_rate)
    n = _months(months, "months", 1)
    g = _months(grace_months, "grace_months", 0)
    if g >= n:
        raise _bad(
            "grace_months",
            "grace_too_long",
            f"grace ({g}) must be shorter than the tenor ({n})",
            f"masa tenggang ({g}) harus lebih pendek dari jangka waktu ({n})",
        )
    if isinstance(places, bool) or places not in (0, 1, 2):
        raise _bad(
            "places",
            "places",
            f"places is 0, 1 or 2, got {mask(places, limit=40, quote=True)}",
            f"places bernilai 0, 1 atau 2, diisi {mask(places, limit=40, quote=True)}",
        )
    if (start is None) == (first_due is None):
        raise _bad(
            "start",
            "anchor",
            "give exactly one of start (akad date) or first_due",
            "isi tepat satu dari start (tanggal akad) atau first_due",
        )
    if start is not None:
        start = day(start, "start")
    if first_due is not None:
        first_due = day(first_due, "first_due")
    method = member(method, Method, "method")
    rounding = member(rounding, Rounding, "rounding")
    if method is Method.BULLET and g:
        raise _bad(
            "grace_months",
            "bullet_grace",
            "a bullet credit has no grace period",
            "kredit bullet tidak memiliki masa tenggang",
        )

    def due(k: int) -> date:
        if start is not None:
            return start + relativedelta(months=k)
        assert first_due is not None
        return first_due + relativedelta(months=k - 1)

    # The last due date is the latest day of the schedule (a bullet's too).
    derived_day(
        due(n) if method is not Method.BULLET or start is not None else due(1),
        "the last instalment",
    )

    def rnd(value: Decimal) -> Decimal:
        return round_rupiah(value, rounding, places=places)

    def percent_at(k: int) -> Decimal:
        # Period k runs from due(k - 1) (the akad date for k = 1) to due(k).
        return percent if rate_for is None else _rate_percent(rate_for(due(k - 1), due(k)))

    rows: list[Instalment] = []
    percents: list[Decimal] = []
    if method is Method.BULLET:
        # Simple interest month by month, so a rate relief shows in its months.
        percents.extend(percent_at(k) for k in range(1, n + 1))
        monthly = [monthly_rate(x, rate_convention) for x in percents]
        interest = rnd(_CONTEXT.multiply(p, sum(monthly, Decimal(0))))
        when = start + relativedelta(months=n) if start is not None else due(1)
        rows.append(
            Instalment(
                number=1,
                due_date=when,
                principal=p,
                interest=interest,
                payment=p + interest,
                balance=Decimal(0),
            )
        )
    else:
        amortising = n - g
        level = rnd(_CONTEXT.divide(p, amortising))
        balance = p
        level_rate: Decimal | None = None
        for k in range(1, n + 1):
            rate_k = percent_at(k)
            percents.append(rate_k)
            m = monthly_rate(rate_k, rate_convention)
            if method is Method.ANNUITY:
                if k > g and rate_k != level_rate:
                    # First amortising month, or the rate moved: re-amortise
                    # what is left over the months left.
                    level = rnd(_annuity(balance, m, n - k + 1))
                    level_rate = rate_k
                interest = rnd(_CONTEXT.multiply(balance, m))
                part = level - interest
            else:
                interest = rnd(_CONTEXT.multiply(p, m))
                part = level
            if k <= g:
                part = Decimal(0)
            elif k == n:
                part = balance
            else:
                # Rounding up can pay a tiny loan off early; never overpay.
                part = min(max(part, Decimal(0)), balance)
            balance -= part
            rows.append(
                Instalment(
                    number=k,
                    due_date=due(k),
                    principal=part,
                    interest=interest,
                    payment=part + interest,
                    balance=balance,
                )
            )
    return Schedule(
        principal=p,
        annual_rate=percent,
        months=n,
        method=method,
        grace_months=g,
        rounding=rounding,
        rate_convention=rate_convention,
        places=places,
        instalments=tuple(rows),
        period_rates=tuple(percents),
    )
