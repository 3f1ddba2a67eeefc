"""Who may borrow KUR, as dated data: NPWP, business age, access limits, other credit, Pasal 38A."""

from __future__ import annotations

from collections.abc import Mapping

from koperasi_id.kur._rule_sources import (
    _JT,
    _ONE_DAY,
    _P1_2022,
    _P1_2023,
    _P1_2026,
    _P12_2025,
    LOW,
    MEDIUM,
    START_2022,
    RuleDays,
    _regime,
    pandemic_years,
)
from koperasi_id.kur._rule_values import (
    AccessLimit,
    BusinessAgeRule,
    ExistingCreditRule,
    NpwpRule,
    _frozen_map,
)
from koperasi_id.kur._schemes import CreditKind, Scheme
from koperasi_id.law import Citation, Timeline


# Everything below builds DEFAULT_RULES when the module is imported, before mutmut
# switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes its legal
# numbers and dates instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
def build_npwp(days: RuleDays) -> Timeline[NpwpRule]:
    """The ``kur.npwp`` timeline, its boundaries from ``days``."""
    npwp_rule = NpwpRule(
        threshold=50 * _JT,
        always=frozenset({Scheme.SMALL}),
        above_threshold=frozenset({Scheme.MICRO, Scheme.SPECIAL, Scheme.MIGRANT_WORKER}),
    )
    return Timeline(
        "kur.npwp",
        [
            _regime(
                "permenko-1-2022",
                START_2022,
                days.end_2025,
                Citation(_P1_2022, note="as amended; NPWP above Rp50 jt and for all KUR kecil"),
                npwp_rule,
                MEDIUM,
                "Seen in 2023–24 sources only; assumed to hold since Permenko 1/2022.",
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="ortax.org; DDTC 2 Feb 2026"),
                npwp_rule,
            ),
        ],
    )


def build_business_age(days: RuleDays) -> Timeline[BusinessAgeRule]:
    """The ``kur.business_age`` timeline, its boundaries from ``days``."""
    age_rule = BusinessAgeRule(
        months={
            Scheme.SUPER_MICRO: 6,
            Scheme.MICRO: 6,
            Scheme.SMALL: 6,
            Scheme.SPECIAL: 6,
            Scheme.MIGRANT_WORKER: None,
        },
        waivable=frozenset({Scheme.SUPER_MICRO}),
    )
    return Timeline(
        "kur.business_age",
        [
            _regime(
                "permenko-1-2022",
                START_2022,
                days.end_2025,
                Citation(
                    _P1_2022,
                    note="6 months (kur.jogjaprov FAQ); restated for khusus in Permenko 12/2025 Pasal 36 ayat (2)",
                ),
                age_rule,
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="assumed unchanged"),
                age_rule,
                MEDIUM,
            ),
        ],
    )


def build_training_shortcut(_days: RuleDays) -> Timeline[int]:
    """The ``kur.training_shortcut`` timeline (its dates are its own, whatever ``days``)."""
    return Timeline(
        "kur.training_shortcut",
        [
            _regime(
                "kur-mikro-3-bulan",
                START_2022,
                None,
                Citation(
                    _P1_2022,
                    note="as amended; 3 months for mikro after training or mentoring (disway.id 2023)",
                ),
                3,
                MEDIUM,
            )
        ],
    )


def build_access_limits(days: RuleDays) -> Timeline[Mapping[Scheme, AccessLimit]]:
    """The ``kur.access_limit`` timeline, its boundaries from ``days``."""
    limits_2023: Mapping[Scheme, AccessLimit] = _frozen_map(
        {Scheme.MICRO: AccessLimit(primary_production=4, other=2)}
    )
    no_limits: Mapping[Scheme, AccessLimit] = _frozen_map({})
    access_regimes = [
        *pandemic_years(days, no_limits, "no repeat-access limit before Permenko 1/2023"),
        _regime(
            "permenko-1-2022",
            START_2022,
            days.end_pre_tier,
            Citation(_P1_2022, note="no repeat-access limit before Permenko 1/2023"),
            no_limits,
            MEDIUM,
        ),
        _regime(
            "permenko-1-2023",
            days.tiered_from,
            days.tiered_end,
            Citation(_P1_2023, "Pasal 24 ayat (4) dan (4a)"),
            limits_2023,
            note="kecil limits (Pasal 26 ayat (2)) not known: not encoded",
        ),
    ]
    if days.flat_rate_2026:
        access_regimes.append(
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="access limits abolished, Minister of UMKM 18 Nov 2025"),
                no_limits,
                MEDIUM,
            )
        )
    return Timeline("kur.access_limit", access_regimes)


def build_existing_credit(days: RuleDays) -> Timeline[ExistingCreditRule]:
    """The ``kur.existing_credit`` timeline, its boundaries from ``days``."""
    concurrent = frozenset(
        {
            CreditKind.KUR,
            CreditKind.MORTGAGE,
            CreditKind.PRODUCTIVE_MOTORCYCLE,
            CreditKind.PENSION_DECREE,
            CreditKind.CREDIT_CARD,
            CreditKind.WAREHOUSE_RECEIPT,
            CreditKind.HOUSEHOLD_CONSUMER,
        }
    )
    history = frozenset({Scheme.SUPER_MICRO, Scheme.MICRO, Scheme.SMALL, Scheme.SPECIAL})
    after_12_2025 = ExistingCreditRule(
        concurrent=concurrent,
        history_schemes=history,
        ultra_micro_cap=20 * _JT,
        consumer_productive_cap=500 * _JT,
    )
    return Timeline(
        "kur.existing_credit",
        [
            _regime(
                "permenko-1-2022",
                START_2022,
                days.end_pre_tier,
                Citation(_P1_2022, note="only current credit of the allowed kinds"),
                ExistingCreditRule(concurrent=concurrent),
            ),
            _regime(
                "permenko-1-2023",
                days.tiered_from,
                days.p12_2025 - _ONE_DAY,
                Citation(
                    _P1_2023, "Pasal 19 ayat (3) huruf c, 23 ayat (4a), 27 ayat (3a), 36 ayat (3a)"
                ),
                ExistingCreditRule(concurrent=concurrent, history_schemes=history),
            ),
            _regime(
                "permenko-12-2025",
                days.p12_2025,
                days.end_2025,
                Citation(_P12_2025, "Pasal 36 ayat (3a), (3b) dan (4)"),
                after_12_2025,
                LOW,
                "Content HIGH; first day (parameter permenko_12_2025_from) LOW.",
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="assumed to keep the 12/2025 rules"),
                after_12_2025,
                MEDIUM,
            ),
        ],
    )


def build_exemption_38a(days: RuleDays) -> Timeline[frozenset[str]]:
    """The ``kur.exemption_38a`` timeline, its boundaries from ``days``."""
    return Timeline(
        "kur.exemption_38a",
        [
            _regime(
                "permenko-12-2025",
                days.p12_2025,
                None,
                Citation(_P12_2025, "Pasal 38A"),
                frozenset({"rate_tier", "access_limit", "credit_history", "business_age"}),
                LOW,
                "Content HIGH; first day LOW; kept under Permenko 1/2026 (MEDIUM).",
            )
        ],
    )
