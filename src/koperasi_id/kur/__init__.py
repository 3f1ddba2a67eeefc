"""KUR (Kredit Usaha Rakyat): schemes, rates, tenors, eligibility, subsidy, schedules.

Every rule is a dated :class:`~koperasi_id.law.Timeline` in :class:`KurRules`
(the library's reading is :data:`DEFAULT_RULES`); every function takes the
akad date as ``as_of`` and an optional ``rules=`` to apply law the library
does not know yet. Rates are percent per year, *efektif* (declining balance).

>>> from datetime import date
>>> from decimal import Decimal
>>> scheme_for(Decimal(75_000_000), as_of=date(2024, 5, 1))
<Scheme.MICRO: 'mikro'>
>>> rate(Scheme.MICRO, as_of=date(2024, 5, 1), access=2)
Decimal('7')
>>> subsidy(Scheme.MICRO, as_of=date(2024, 5, 1), access=2)
Decimal('9')
>>> max_tenor_months(Scheme.SMALL, Purpose.WORKING_CAPITAL, as_of=date(2024, 5, 1))
48
>>> s = schedule(Decimal(50_000_000), rate(Scheme.MICRO, as_of=date(2024, 5, 1)), 36,
...              start=date(2024, 5, 1))
>>> s.instalments[0].payment, s.total_principal
(Decimal('1521097'), Decimal('50000000'))
"""

from typing import TYPE_CHECKING

from koperasi_id import _hypothesis_plugin
from koperasi_id._lazy import lazy_exports

if TYPE_CHECKING:
    from koperasi_id.kur._eligibility import KurAssessment, assess, originate
    from koperasi_id.kur._entities import ExistingCredit, KurApplication, KurLoan
    from koperasi_id.kur._rates import (
        RateDecision,
        access_limit,
        additional_collateral_allowed,
        max_tenor_months,
        npwp_required,
        omzet_ceiling,
        plafond_band,
        rate,
        rate_decision,
        scheme_for,
        subsidy,
        total_rate,
    )
    from koperasi_id.kur._relief import (
        RateComponents,
        borrower_rate,
        rate_components,
        relief_regime,
        schedule,
    )
    from koperasi_id.kur._rules import (
        COLLATERAL_100JT_FROM,
        DEFAULT_RULES,
        KMK_317_FROM,
        KUR_RELAUNCH,
        PERMENKO_1_2026_FROM,
        PERMENKO_12_2025_FROM,
        SUPER_MICRO_FROM,
        TIERED_REGIME_FROM,
        AccessLimit,
        BusinessAgeRule,
        CollateralRule,
        DisasterRate,
        ExistingCreditRule,
        KurRules,
        NpwpRule,
        PandemicRelief,
        PlafondBand,
        ReliefBasis,
        TenorLimit,
    )
    from koperasi_id.kur._schedule import (
        Instalment,
        Method,
        RateConvention,
        Schedule,
        annuity_payment,
        flat_rate_equivalent,
        monthly_rate,
    )
    from koperasi_id.kur._schemes import Collectibility, CreditKind, Purpose, Scheme, Sector
    from koperasi_id.kur._table import ASSESSMENT_COLUMNS, assessment_row
    from koperasi_id.money import Rounding

__all__ = [
    "ASSESSMENT_COLUMNS",
    "COLLATERAL_100JT_FROM",
    "DEFAULT_RULES",
    "KMK_317_FROM",
    "KUR_RELAUNCH",
    "PERMENKO_1_2026_FROM",
    "PERMENKO_12_2025_FROM",
    "SUPER_MICRO_FROM",
    "TIERED_REGIME_FROM",
    "AccessLimit",
    "BusinessAgeRule",
    "CollateralRule",
    "Collectibility",
    "CreditKind",
    "DisasterRate",
    "ExistingCredit",
    "ExistingCreditRule",
    "Instalment",
    "KurApplication",
    "KurAssessment",
    "KurLoan",
    "KurRules",
    "Method",
    "NpwpRule",
    "PandemicRelief",
    "PlafondBand",
    "Purpose",
    "RateComponents",
    "RateConvention",
    "RateDecision",
    "ReliefBasis",
    "Rounding",
    "Schedule",
    "Scheme",
    "Sector",
    "TenorLimit",
    "access_limit",
    "additional_collateral_allowed",
    "annuity_payment",
    "assess",
    "assessment_row",
    "borrower_rate",
    "flat_rate_equivalent",
    "max_tenor_months",
    "monthly_rate",
    "npwp_required",
    "omzet_ceiling",
    "originate",
    "plafond_band",
    "rate",
    "rate_components",
    "rate_decision",
    "relief_regime",
    "schedule",
    "scheme_for",
    "subsidy",
    "total_rate",
]

#: Where each public name lives; it is imported from there on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.kur._eligibility": (
        "KurAssessment",
        "assess",
        "originate",
    ),
    "koperasi_id.kur._entities": (
        "ExistingCredit",
        "KurApplication",
        "KurLoan",
    ),
    "koperasi_id.kur._rates": (
        "RateDecision",
        "access_limit",
        "additional_collateral_allowed",
        "max_tenor_months",
        "npwp_required",
        "omzet_ceiling",
        "plafond_band",
        "rate",
        "rate_decision",
        "scheme_for",
        "subsidy",
        "total_rate",
    ),
    "koperasi_id.kur._relief": (
        "RateComponents",
        "borrower_rate",
        "rate_components",
        "relief_regime",
        "schedule",
    ),
    "koperasi_id.kur._rules": (
        "COLLATERAL_100JT_FROM",
        "DEFAULT_RULES",
        "KMK_317_FROM",
        "KUR_RELAUNCH",
        "PERMENKO_1_2026_FROM",
        "PERMENKO_12_2025_FROM",
        "SUPER_MICRO_FROM",
        "TIERED_REGIME_FROM",
        "AccessLimit",
        "BusinessAgeRule",
        "CollateralRule",
        "DisasterRate",
        "ExistingCreditRule",
        "KurRules",
        "NpwpRule",
        "PandemicRelief",
        "PlafondBand",
        "ReliefBasis",
        "TenorLimit",
    ),
    "koperasi_id.kur._table": ("ASSESSMENT_COLUMNS", "assessment_row"),
    "koperasi_id.kur._schedule": (
        "Instalment",
        "Method",
        "RateConvention",
        "Schedule",
        "annuity_payment",
        "flat_rate_equivalent",
        "monthly_rate",
    ),
    "koperasi_id.kur._schemes": (
        "Collectibility",
        "CreditKind",
        "Purpose",
        "Scheme",
        "Sector",
    ),
    "koperasi_id.money": ("Rounding",),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
