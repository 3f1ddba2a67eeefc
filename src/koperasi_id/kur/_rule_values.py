"""The shapes of the KUR rules' values: plafond bands, tenor limits, reliefs...

Each :class:`~koperasi_id.law.Regime` of :class:`~koperasi_id.kur.KurRules`
holds one of these (or a mapping of them by scheme); the regimes themselves are
built in the ``_rules_*`` modules, one per concern.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from koperasi_id.kur._schemes import Collectibility, CreditKind, Scheme
from koperasi_id.law import Confidence

__all__ = [
    "AccessLimit",
    "BusinessAgeRule",
    "CollateralRule",
    "DisasterRate",
    "ExistingCreditRule",
    "NpwpRule",
    "PandemicRelief",
    "PlafondBand",
    "RateTable",
    "ReliefBasis",
    "TenorLimit",
    "TotalRateTable",
]


def _frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(value))


# ---------------------------------------------------------------- value shapes


@attrs.frozen
class PlafondBand:
    """The plafond range of a scheme: ``floor < plafond <= ceiling``.

    >>> PlafondBand(Decimal(10_000_000), Decimal(100_000_000)).admits(Decimal(10_000_001))
    True
    """

    floor: Decimal
    ceiling: Decimal
    confidence: Confidence = Confidence.HIGH

    def admits(self, plafond: Decimal) -> bool:
        """Whether ``plafond`` lies in the band."""
        return self.floor < plafond <= self.ceiling


@attrs.frozen
class TenorLimit:
    """Maximum tenors in months; ``None`` where the scheme has no such credit."""

    working_capital: int | None
    investment: int | None
    working_capital_extended: int | None
    investment_extended: int | None
    confidence: Confidence = Confidence.HIGH


@attrs.frozen
class CollateralRule:
    """Up to ``ceiling`` no additional collateral (agunan tambahan) may be asked."""

    ceiling: Decimal
    no_collateral_schemes: frozenset[Scheme] = frozenset({Scheme.MIGRANT_WORKER})


@attrs.frozen
class NpwpRule:
    """NPWP needed for ``always`` schemes, and for ``above_threshold`` ones above it."""

    threshold: Decimal
    always: frozenset[Scheme]
    above_threshold: frozenset[Scheme]


@attrs.frozen
class BusinessAgeRule:
    """Minimum months a business must have run before the akad date.

    ``months`` per scheme (``None``: no minimum); ``waivable`` schemes drop the
    minimum when the applicant is mentored, in a business group or has a family
    member running a business (super mikro).
    """

    months: Mapping[Scheme, int | None] = attrs.field(converter=_frozen_map)
    waivable: frozenset[Scheme] = frozenset()


@attrs.frozen
class AccessLimit:
    """Most KUR agreements of one scheme a borrower may have, by sector group."""

    primary_production: int | None
    other: int | None


@attrs.frozen
class ExistingCreditRule:
    """What other credit an applicant may hold or have held.

    ``concurrent``: kinds that may run alongside KUR when *lancar*.
    ``history_schemes``: schemes under the "never had commercial productive
    credit" rule (empty before 2023). ``ultra_micro_cap``: the largest
    ultra-micro credit that does not count as commercial (``None``: any amount).
    ``consumer_productive_cap``: consumer credit flagged productive in SLIK up
    to this plafond does not count (``None``: the exception does not exist).
    """

    concurrent: frozenset[CreditKind]
    history_schemes: frozenset[Scheme] = frozenset()
    ultra_micro_cap: Decimal | None = None
    consumer_productive_cap: Decimal | None = None


@attrs.frozen
class DisasterRate:
    """The borrower-rate cap for new KUR in the named provinces."""

    rate: Decimal
    province_codes: frozenset[str]


class ReliefBasis(enum.Enum):
    """Which day of an instalment period decides whether a relief applies to it.

    The pandemic relief was granted on *payments* ("pembebasan pembayaran
    angsuran bunga", Permenko Perekonomian 6/2020 Pasal 6 ayat (1) huruf a,
    "mulai berlaku 1 April 2020"), so by default the instalment **due** on a
    day inside the window gets it (``DUE_DATE``). ``PERIOD_START`` gives it to
    the instalment whose interest period *starts* inside the window instead
    (MEDIUM: no text says which; the windows all start on the 1st and end on
    the last day of a month, so only loans whose periods straddle a month
    boundary differ).
    """

    DUE_DATE = "tanggal_jatuh_tempo"
    PERIOD_START = "awal_periode"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        if self is ReliefBasis.DUE_DATE:
            return "Menurut tanggal jatuh tempo angsuran"
        return "Menurut awal periode bunga"


@attrs.frozen
class PandemicRelief:
    """An extra interest subsidy paid by the state for instalment periods.

    ``extra_subsidy`` percentage points come off the agreed rate (never below
    zero) for instalments of loans whose debtor is in one of the
    ``collectibility`` grades, of a scheme in ``schemes``, signed on or before
    ``akad_until`` (``None``: any akad date). It is a relief on the *period*,
    not a new agreement rate: ``kur.rate`` still answers the akad-date rate.
    """

    extra_subsidy: Decimal
    collectibility: frozenset[Collectibility] = frozenset(
        {Collectibility.CURRENT, Collectibility.SPECIAL_MENTION}
    )
    schemes: frozenset[Scheme] = frozenset(Scheme)
    akad_until: date | None = None

    def covers(self, scheme: Scheme, akad_date: date, collectibility: Collectibility) -> bool:
        """Whether a loan with these facts gets the relief."""
        return (
            scheme in self.schemes
            and collectibility in self.collectibility
            and (self.akad_until is None or akad_date <= self.akad_until)
        )


RateTable = Mapping[Scheme, tuple[Decimal, ...]]
#: Per scheme: ((plafond ceiling or None, total rate), ...), ascending.
TotalRateTable = Mapping[Scheme, tuple[tuple[Decimal | None, Decimal], ...]]
