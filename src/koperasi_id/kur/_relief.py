"""What a borrower actually paid for an instalment period: the pandemic relief.

:func:`~koperasi_id.kur.rate` answers the scheme rate of the **akad date**. In
2020–2022 the state paid an extra interest subsidy (*tambahan subsidi bunga
KUR*) on top of the regular one, for instalment periods of new **and existing**
loans, so borrowers paid less than their agreed rate while it ran:

- 1 Apr – 31 Dec 2020: 6 points (Permenko Perekonomian 6/2020 jo. 8/2020 jo.
  16/2020), so a 6 % loan paid 0 %;
- 2021 and 2022: 3 points, in half-year decisions, so a 6 % loan paid 3 %.

:func:`borrower_rate` answers the rate charged for one instalment period,
:func:`rate_components` splits it into its parts, and :func:`schedule` (with
``scheme=``) and :meth:`KurLoan.schedule <koperasi_id.kur.KurLoan.schedule>`
build the instalments actually owed, re-amortising the annuity whenever the
rate changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id._numbers import computes
from koperasi_id.errors import ValidationError
from koperasi_id.kur import _schedule
from koperasi_id.kur._args import day, member
from koperasi_id.kur._rates import rate, total_rate
from koperasi_id.kur._rules import DEFAULT_RULES, KurRules, PandemicRelief, ReliefBasis
from koperasi_id.kur._schedule import Method, RateConvention, Schedule
from koperasi_id.kur._schedule_inputs import _rate_percent
from koperasi_id.kur._schemes import Collectibility, Scheme
from koperasi_id.law import Regime, RegimeRef
from koperasi_id.money import Rounding

__all__ = ["RateComponents", "borrower_rate", "rate_components", "relief_regime", "schedule"]

_ZERO = Decimal(0)


def _period(period_start: object, due_date: object) -> tuple[date, date]:
    start = day(period_start, "period_start")
    due = start + relativedelta(months=1) if due_date is None else day(due_date, "due_date")
    if due <= start:
        raise ValidationError.single(
            "kur.period_order",
            f"an instalment falls due after its period starts ({start.isoformat()}), "
            f"got {due.isoformat()}",
            message_id=f"angsuran jatuh tempo sesudah periodenya dimulai ({start.isoformat()}), "
            f"diisi {due.isoformat()}",
            path="$.due_date",
        )
    return start, due


def relief_regime(
    scheme: Scheme,
    *,
    akad_date: date,
    period_start: date,
    due_date: date | None = None,
    collectibility: Collectibility = Collectibility.CURRENT,
    rules: KurRules | None = None,
) -> Regime[PandemicRelief] | None:
    """The pandemic relief that applies to one instalment period, or ``None``.

    ``due_date`` defaults to one month after ``period_start``. Which of the two
    days decides is ``rules.relief_basis`` (by default the due date: the
    relief was granted on instalment *payments*).

    >>> relief_regime(Scheme.MICRO, akad_date=date(2019, 7, 15),
    ...               period_start=date(2020, 3, 15)).name
    'relief-2020'
    >>> relief_regime(Scheme.MICRO, akad_date=date(2019, 7, 15),
    ...               period_start=date(2020, 3, 15),
    ...               collectibility=Collectibility.SUBSTANDARD) is None
    True
    """
    scheme = member(scheme, Scheme, "scheme")
    akad = day(akad_date, "akad_date")
    collectibility = member(collectibility, Collectibility, "collectibility")
    start, due = _period(period_start, due_date)
    kur = DEFAULT_RULES if rules is None else rules
    decisive = due if kur.relief_basis is ReliefBasis.DUE_DATE else start
    found = kur.relief.find(decisive)
    if found is None or not found.value.covers(scheme, akad, collectibility):
        return None
    return found


@computes
def borrower_rate(
    scheme: Scheme,
    *,
    akad_date: date,
    period_start: date,
    due_date: date | None = None,
    access: int = 1,
    agreed_rate: Decimal | None = None,
    collectibility: Collectibility = Collectibility.CURRENT,
    exempt_38a: bool = False,
    disaster_area: bool = False,
    rules: KurRules | None = None,
) -> Decimal:
    """The rate (percent per year) a borrower was charged for one instalment period.

    The agreed rate is ``agreed_rate`` or, when omitted, :func:`rate` on the
    akad date. A pandemic relief in force for the period (see
    :func:`relief_regime`) takes its extra subsidy off it, never below zero;
    otherwise the agreed rate is charged.

    >>> akad = date(2020, 2, 10)
    >>> [str(borrower_rate(Scheme.MICRO, akad_date=akad, period_start=date(y, m, 10)))
    ...  for y, m in ((2020, 2), (2020, 3), (2020, 12), (2021, 6), (2022, 11), (2022, 12))]
    ['6', '0', '3', '3', '3', '6']
    >>> borrower_rate(Scheme.MICRO, akad_date=date(2019, 7, 15), period_start=date(2020, 5, 15))
    Decimal('1')
    """
    scheme = member(scheme, Scheme, "scheme")
    akad = day(akad_date, "akad_date")
    if agreed_rate is None:
        agreed = rate(
            scheme,
            as_of=akad,
            access=access,
            exempt_38a=exempt_38a,
            disaster_area=disaster_area,
            rules=rules,
        )
    else:
        agreed = _rate_percent(agreed_rate)  # 0–100, finite
    relief = relief_regime(
        scheme,
        akad_date=akad,
        period_start=period_start,
        due_date=due_date,
        collectibility=collectibility,
        rules=rules,
    )
    if relief is None:
        return agreed
    return max(agreed - relief.value.extra_subsidy, _ZERO)


@attrs.frozen(kw_only=True)
class RateComponents:
    """The rate of one instalment period, in percentage points per year.

    ``borrower_rate + relief_subsidy + regular_subsidy == total_rate``: the
    lender receives the akad-date total (KMK subsidy table), paid by the
    borrower, the pandemic extra subsidy and the regular subsidy.
    """

    scheme_rate: Decimal
    borrower_rate: Decimal
    relief_subsidy: Decimal
    regular_subsidy: Decimal
    total_rate: Decimal
    relief: RegimeRef | None

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "kur.rate_components_sum": "borrower_rate + relief_subsidy + regular_subsidy "
            "== total_rate"
        }
    )

    @computes
    def __attrs_post_init__(self) -> None:
        # Guarded by construction in rate_components, but a document read with
        # from_dict is not: refused like any other bad input (an assert would
        # escape from_dict bare, and vanish under python -O).
        parts = self.borrower_rate + self.relief_subsidy + self.regular_subsidy
        if parts != self.total_rate:
            raise ValidationError.single(
                "kur.rate_components_sum",
                "borrower_rate + relief_subsidy + regular_subsidy must equal total_rate",
                message_id="borrower_rate + relief_subsidy + regular_subsidy harus sama dengan "
                "total_rate",
                path="$.total_rate",
            )


@computes
def rate_components(
    scheme: Scheme,
    *,
    akad_date: date,
    period_start: date,
    due_date: date | None = None,
    access: int = 1,
    plafond: Decimal | int | None = None,
    collectibility: Collectibility = Collectibility.CURRENT,
    rules: KurRules | None = None,
) -> RateComponents:
    """The borrower rate, the pandemic relief and the regular subsidy of one period.

    The regular subsidy is the one of the akad date (subsidy rates follow the
    agreement), so ``total_rate`` is the akad-date total of :func:`total_rate`.

    >>> c = rate_components(Scheme.MICRO, akad_date=date(2020, 2, 10),
    ...                     period_start=date(2020, 6, 10))
    >>> c.borrower_rate, c.relief_subsidy, c.regular_subsidy, c.total_rate
    (Decimal('0'), Decimal('6'), Decimal('10.5'), Decimal('16.5'))
    >>> c.relief.name
    'relief-2020'
    """
    scheme = member(scheme, Scheme, "scheme")
    akad = day(akad_date, "akad_date")
    agreed = rate(scheme, as_of=akad, access=access, rules=rules)
    total = total_rate(scheme, as_of=akad, plafond=plafond, rules=rules)
    relief = relief_regime(
        scheme,
        akad_date=akad,
        period_start=period_start,
        due_date=due_date,
        collectibility=collectibility,
        rules=rules,
    )
    charged = agreed if relief is None else max(agreed - relief.value.extra_subsidy, _ZERO)
    return RateComponents(
        scheme_rate=agreed,
        borrower_rate=charged,
        relief_subsidy=agreed - charged,
        regular_subsidy=total - agreed,
        total_rate=total,
        relief=None if relief is None else relief.ref,
    )


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
    scheme: Scheme | None = None,
    akad_date: date | None = None,
    collectibility: Collectibility = Collectibility.CURRENT,
    rules: KurRules | None = None,
) -> Schedule:
    """The repayment schedule; with ``scheme=``, the instalments actually owed.

    Without ``scheme`` every period is charged ``annual_rate`` (see
    :func:`koperasi_id.kur._schedule.schedule`). With it, ``annual_rate`` is
    the agreed rate and each period is charged :func:`borrower_rate` for the
    loan signed on ``akad_date`` (default: ``start``): the pandemic relief
    where it was in force, the agreed rate before and after it, the annuity
    re-amortised over the months left at each change.

    >>> s = schedule(Decimal(12_000_000), Decimal(6), 12, start=date(2020, 1, 20),
    ...              scheme=Scheme.MICRO)
    >>> [str(r) for r in s.period_rates[:4]]
    ['6', '6', '0', '0']
    >>> s.instalments[1].payment, s.instalments[2].payment, s.instalments[2].interest
    (Decimal('1032797'), Decimal('1004954'), Decimal('0'))
    """
    rate_for: Callable[[date, date], Decimal] | None = None
    if scheme is not None:
        rate_for = _owed_rates(
            member(scheme, Scheme, "scheme"), start, akad_date, annual_rate, collectibility, rules
        )
    return _schedule.schedule(
        principal,
        annual_rate,
        months,
        start=start,
        first_due=first_due,
        method=method,
        grace_months=grace_months,
        rounding=rounding,
        rate_convention=rate_convention,
        places=places,
        rate_for=rate_for,
    )


def _owed_rates(  # noqa: PLR0917 - private helper of schedule
    scheme: Scheme,
    start: date | None,
    akad_date: date | None,
    annual_rate: Decimal | int,
    collectibility: Collectibility,
    rules: KurRules | None,
) -> Callable[[date, date], Decimal]:
    """The rate of each period of a loan of ``scheme`` signed on the akad date."""
    akad = akad_date if akad_date is not None else start
    if akad is None:
        raise ValidationError.single(
            "kur.akad_required",
            "the instalments owed depend on the akad date: pass start= or akad_date=",
            message_id="angsuran terutang bergantung pada tanggal akad: berikan start= atau akad_date=",
            path="$.akad_date",
        )
    akad = day(akad, "akad_date")

    def rate_for(period_start: date, due_date: date) -> Decimal:
        return borrower_rate(
            scheme,
            akad_date=akad,
            period_start=period_start,
            due_date=due_date,
            agreed_rate=Decimal(annual_rate),
            collectibility=collectibility,
            rules=rules,
        )

    return rate_for
