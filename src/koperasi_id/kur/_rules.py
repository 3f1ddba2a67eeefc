"""The KUR law as dated data: every threshold, rate and limit in a Timeline.

:class:`KurRules` bundles one :class:`~koperasi_id.law.Timeline` per rule.
:data:`DEFAULT_RULES` is the library's reading of the domain note;
:meth:`KurRules.build` rebuilds it with different choices for the dates the
note could not pin down, and ``attrs.evolve(rules, rates=...)`` swaps in a
caller's own timeline for any single rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from koperasi_id.kur._schemes import CreditKind, Scheme
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.msme import KUR_2026_OMZET

__all__ = [
    "COLLATERAL_100JT_FROM",
    "DEFAULT_RULES",
    "PERMENKO_1_2026_FROM",
    "PERMENKO_12_2025_FROM",
    "TIERED_REGIME_FROM",
    "AccessLimit",
    "BusinessAgeRule",
    "CollateralRule",
    "DisasterRate",
    "ExistingCreditRule",
    "KurRules",
    "NpwpRule",
    "PlafondBand",
    "TenorLimit",
]

T = TypeVar("T")
_ONE_DAY = timedelta(days=1)
_JT = Decimal(1_000_000)

#: First akad date of the Permenko 1/2023 regime (tiered rates, access limits,
#: super mikro 3 %). MEDIUM: the Permenko was published about Feb–Mar 2023 and
#: KMK 317/2023 pays subsidy only from 2023-09-01; the Komite Kebijakan KUR
#: decided on 28 Nov 2022 that the 2023 terms apply to KUR 2023, so the
#: library applies them to every 2023 agreement.
TIERED_REGIME_FROM = date(2023, 1, 1)
#: First akad date on which the no-additional-collateral ceiling is Rp100 jt
#: (MEDIUM: presidential decision reported on 15 Jun 2021; day not found).
COLLATERAL_100JT_FROM = date(2021, 7, 1)
#: First day of Permenko 12/2025 (Pasal 38A, Rp20 jt ultra-micro cap). LOW:
#: the enactment date was not found; the earliest date consistent with the
#: instrument's year is used so that an explicit Pasal 38A claim is honoured.
PERMENKO_12_2025_FROM = date(2025, 1, 1)
#: First akad date under Permenko 1/2026 (set 5 Jan 2026; the policy is
#: announced "from 1 January 2026"). MEDIUM.
PERMENKO_1_2026_FROM = date(2026, 1, 1)


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


RateTable = Mapping[Scheme, tuple[Decimal, ...]]
#: Per scheme: ((plafond ceiling or None, total rate), ...), ascending.
TotalRateTable = Mapping[Scheme, tuple[tuple[Decimal | None, Decimal], ...]]


# ---------------------------------------------------------------- the bundle


@attrs.frozen(kw_only=True)
class KurRules:
    """Every KUR rule as a dated :class:`~koperasi_id.law.Timeline`.

    >>> DEFAULT_RULES.rates.at(date(2024, 5, 1)).citation.instrument
    'Permenko Perekonomian 1/2023'
    >>> [r.name for r in DEFAULT_RULES.rates]
    ['kur-2020', 'kur-2021', 'permenko-1-2022', 'permenko-1-2023', 'permenko-1-2026']
    """

    ceilings: Timeline[Mapping[Scheme, PlafondBand]]
    rates: Timeline[RateTable]
    tenors: Timeline[Mapping[Scheme, TenorLimit]]
    collateral: Timeline[CollateralRule]
    npwp: Timeline[NpwpRule]
    business_age: Timeline[BusinessAgeRule]
    training_shortcut: Timeline[int]
    access_limits: Timeline[Mapping[Scheme, AccessLimit]]
    existing_credit: Timeline[ExistingCreditRule]
    outstanding_cap: Timeline[Decimal]
    total_rates: Timeline[TotalRateTable]
    omzet: Timeline[Decimal]
    disaster_rates: Timeline[DisasterRate]
    exemption_38a: Timeline[frozenset[str]]

    @classmethod
    def build(
        cls,
        *,
        tiered_from: date = TIERED_REGIME_FROM,
        collateral_100jt_from: date = COLLATERAL_100JT_FROM,
        permenko_12_2025_from: date = PERMENKO_12_2025_FROM,
        permenko_1_2026_from: date = PERMENKO_1_2026_FROM,
        flat_rate_2026: bool = True,
    ) -> KurRules:
        """The library's KUR law with the uncertain dates and choices as parameters.

        ``flat_rate_2026=False`` keeps the 2023 tiers and access limits after
        Permenko 1/2026 (the reading of the one conflicting 2026 source).

        >>> late = KurRules.build(tiered_from=date(2023, 9, 1))
        >>> late.rates.at(date(2023, 8, 31)).name
        'permenko-1-2022'
        """
        if not (
            date(2022, 1, 1) < tiered_from <= permenko_12_2025_from < permenko_1_2026_from
            and date(2021, 1, 1) < collateral_100jt_from <= date(2022, 1, 1)
        ):
            raise ValueError(
                "dates must satisfy 2022-01-01 < tiered_from <= permenko_12_2025_from "
                "< permenko_1_2026_from and 2021-01-01 < collateral_100jt_from <= 2022-01-01"
            )
        return _build(
            tiered_from=tiered_from,
            collateral_100jt_from=collateral_100jt_from,
            p12_2025=permenko_12_2025_from,
            p1_2026=permenko_1_2026_from,
            flat_rate_2026=flat_rate_2026,
        )


# ---------------------------------------------------------------- citations

_KUR_2020 = "Permenko Perekonomian 8/2019 jo. 15/2020"
_KUR_2021 = "Permenko Perekonomian 8/2019 jo. 15/2020 jo. 2/2021"
_P1_2022 = "Permenko Perekonomian 1/2022"
_P1_2023 = "Permenko Perekonomian 1/2023"
_P12_2025 = "Permenko Perekonomian 12/2025"
_P1_2026 = "Permenko Perekonomian 1/2026"
_KMK_317 = "KMK 317/2023"


def _regime(  # noqa: PLR0917 - the regimes below read as a table
    name: str,
    start: date,
    end: date | None,
    citation: Citation,
    value: T,
    confidence: Confidence = Confidence.HIGH,
    note: str | None = None,
) -> Regime[T]:
    return Regime(
        name=name,
        valid_from=start,
        valid_to=end,
        citation=citation,
        confidence=confidence,
        value=value,
        note=note,
    )


def _d(value: int | str) -> Decimal:
    return Decimal(value)


def _bands(
    micro_ceiling: int, pmi_ceiling: int, pmi_confidence: Confidence
) -> Mapping[Scheme, PlafondBand]:
    zero, ten, top = Decimal(0), 10 * _JT, 500 * _JT
    micro = micro_ceiling * _JT
    return _frozen_map(
        {
            Scheme.SUPER_MICRO: PlafondBand(zero, ten),
            Scheme.MICRO: PlafondBand(ten, micro),
            Scheme.SMALL: PlafondBand(micro, top),
            Scheme.SPECIAL: PlafondBand(zero, top),
            Scheme.MIGRANT_WORKER: PlafondBand(zero, pmi_ceiling * _JT, pmi_confidence),
        }
    )


def _flat_rates(percent: str, super_micro: str) -> RateTable:
    table: dict[Scheme, tuple[Decimal, ...]] = {scheme: (_d(percent),) for scheme in Scheme}
    table[Scheme.SUPER_MICRO] = (_d(super_micro),)
    return _frozen_map(table)


def _build(
    *,
    tiered_from: date,
    collateral_100jt_from: date,
    p12_2025: date,
    p1_2026: date,
    flat_rate_2026: bool,
) -> KurRules:
    start_2020, end_2020 = date(2020, 1, 1), date(2020, 12, 31)
    start_2021, end_2021 = date(2021, 1, 1), date(2021, 12, 31)
    start_2022 = date(2022, 1, 1)
    end_pre_tier = tiered_from - _ONE_DAY
    end_2025 = p1_2026 - _ONE_DAY
    medium, low = Confidence.MEDIUM, Confidence.LOW

    def pandemic_years(value: T, note: str, regime_note: str | None = None) -> list[Regime[T]]:
        # One regime per year so that a 2020 akad never cites the 2021 amendment.
        return [
            _regime(
                "kur-2020",
                start_2020,
                end_2020,
                Citation(_KUR_2020, note=note),
                value,
                medium,
                regime_note,
            ),
            _regime(
                "kur-2021",
                start_2021,
                end_2021,
                Citation(_KUR_2021, note=note),
                value,
                medium,
                regime_note,
            ),
        ]

    ceilings: Timeline[Mapping[Scheme, PlafondBand]] = Timeline(
        "kur.ceiling",
        [
            *pandemic_years(
                _bands(50, 25, low),
                "plafon mikro Rp10–50 jt (okezone 7 Sep 2020, databoks 2021)",
                "Mikro above Rp10 jt to Rp50 jt, Kecil above Rp50 jt; PMI Rp25 jt (LOW).",
            ),
            _regime(
                "permenko-1-2022",
                start_2022,
                end_2025,
                Citation(_P1_2022, note="as amended by Permenko 1/2023 and 12/2025"),
                _bands(100, 100, medium),
                note="PMI Rp100 jt from Permenko 1/2022 ('peningkatan plafon PMI'): MEDIUM.",
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="ceilings assumed unchanged (open question 3)"),
                _bands(100, 100, medium),
                medium,
            ),
        ],
    )

    tiers = (_d(6), _d(7), _d(8), _d(9))
    tiered_table: RateTable = {
        Scheme.SUPER_MICRO: (_d(3),),
        Scheme.MICRO: tiers,
        Scheme.SMALL: tiers,
        Scheme.SPECIAL: (_d(6),),
        Scheme.MIGRANT_WORKER: (_d(6),),
    }
    tiered_end = end_2025 if flat_rate_2026 else None
    rate_regimes = [
        _regime(
            "kur-2020",
            start_2020,
            end_2020,
            Citation(_KUR_2020, note="6 % efektif; super mikro 0 % until 31 Dec 2020"),
            _flat_rates("6", "0"),
            medium,
        ),
        _regime(
            "kur-2021",
            start_2021,
            end_2021,
            Citation(_KUR_2021, note="6 % efektif for every scheme"),
            _flat_rates("6", "6"),
            medium,
        ),
        _regime(
            "permenko-1-2022",
            start_2022,
            end_pre_tier,
            Citation(_P1_2022, note="6 % efektif for every scheme"),
            _flat_rates("6", "6"),
        ),
        _regime(
            "permenko-1-2023",
            tiered_from,
            tiered_end,
            Citation(_P1_2023, "Pasal 18 ayat (2), Pasal 22 ayat (2), Pasal 26 ayat (2), Pasal 35"),
            tiered_table,
            note="start date is the parameter tiered_from (MEDIUM)",
        ),
    ]
    if flat_rate_2026:
        rate_regimes.append(
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="flat 6 % announced by the Minister of UMKM, 18 Nov 2025"),
                _flat_rates("6", "3"),
                medium,
                "Flat 6 % for every access (news, not the text); super mikro 3 % unverified.",
            )
        )
    rates = Timeline("kur.rate", rate_regimes)

    def tenor_table(confidence_small: Confidence) -> Mapping[Scheme, TenorLimit]:
        return _frozen_map(
            {
                Scheme.SUPER_MICRO: TenorLimit(36, 60, 48, 84, medium),
                Scheme.MICRO: TenorLimit(36, 60, 48, 84),
                Scheme.SMALL: TenorLimit(48, 60, 60, 84, confidence_small),
                Scheme.SPECIAL: TenorLimit(48, 60, 60, 84, low),
                Scheme.MIGRANT_WORKER: TenorLimit(36, None, None, None, medium),
            }
        )

    tenors = Timeline(
        "kur.tenor",
        [
            *pandemic_years(tenor_table(medium), "2020 summary of the KUR rules"),
            _regime(
                "permenko-1-2022",
                start_2022,
                end_pre_tier,
                Citation(_P1_2022, note="tenors as restated in Permenko 1/2023 Pasal 22, 26, 35"),
                tenor_table(Confidence.HIGH),
                note="super mikro and PMI tenors MEDIUM; khusus extension LOW (as kecil)",
            ),
            _regime(
                "permenko-1-2023",
                tiered_from,
                end_2025,
                Citation(
                    _P1_2023, "Pasal 22, Pasal 26, Pasal 35", note="as amending Permenko 1/2022"
                ),
                tenor_table(Confidence.HIGH),
                note="super mikro and PMI tenors MEDIUM; khusus extension LOW (as kecil)",
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="tenors assumed unchanged (open question 3)"),
                tenor_table(Confidence.HIGH),
                medium,
            ),
        ],
    )

    no_collateral_50jt, no_collateral_100jt = CollateralRule(50 * _JT), CollateralRule(100 * _JT)
    collateral_regimes = [
        _regime(
            "kur-2020",
            start_2020,
            end_2020,
            Citation(_KUR_2020, note="no agunan tambahan up to Rp50 jt"),
            no_collateral_50jt,
            medium,
        ),
        _regime(
            "kur-2021",
            start_2021,
            collateral_100jt_from - _ONE_DAY,
            Citation(_KUR_2021, note="no agunan tambahan up to Rp50 jt"),
            no_collateral_50jt,
            medium,
        ),
    ]
    if collateral_100jt_from <= end_2021:
        collateral_regimes.append(
            _regime(
                "kur-2021-100jt",
                collateral_100jt_from,
                end_2021,
                Citation(_KUR_2021, note="Rp100 jt after the June 2021 decision (medcom)"),
                no_collateral_100jt,
                medium,
                "First day is the parameter collateral_100jt_from (MEDIUM).",
            )
        )
    collateral_regimes += [
        _regime(
            "permenko-1-2022",
            start_2022,
            end_pre_tier,
            Citation(_P1_2022, note="no agunan tambahan up to Rp100 jt"),
            no_collateral_100jt,
        ),
        _regime(
            "permenko-1-2023",
            tiered_from,
            None,
            Citation(_P1_2023, "Pasal 14 ayat (3)", note="Rp100 jt since the June 2021 decision"),
            no_collateral_100jt,
        ),
    ]
    collateral = Timeline("kur.collateral", collateral_regimes)

    npwp_rule = NpwpRule(
        threshold=50 * _JT,
        always=frozenset({Scheme.SMALL}),
        above_threshold=frozenset({Scheme.MICRO, Scheme.SPECIAL, Scheme.MIGRANT_WORKER}),
    )
    npwp = Timeline(
        "kur.npwp",
        [
            _regime(
                "permenko-1-2022",
                start_2022,
                end_2025,
                Citation(_P1_2022, note="as amended; NPWP above Rp50 jt and for all KUR kecil"),
                npwp_rule,
                medium,
                "Seen in 2023–24 sources only; assumed to hold since Permenko 1/2022.",
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="ortax.org; DDTC 2 Feb 2026"),
                npwp_rule,
            ),
        ],
    )

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
    business_age = Timeline(
        "kur.business_age",
        [
            _regime(
                "permenko-1-2022",
                start_2022,
                end_2025,
                Citation(
                    _P1_2022,
                    note="6 months (kur.jogjaprov FAQ); restated for khusus in Permenko 12/2025 Pasal 36 ayat (2)",
                ),
                age_rule,
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="assumed unchanged"),
                age_rule,
                medium,
            ),
        ],
    )
    training_shortcut = Timeline(
        "kur.training_shortcut",
        [
            _regime(
                "kur-mikro-3-bulan",
                start_2022,
                None,
                Citation(
                    _P1_2022,
                    note="as amended; 3 months for mikro after training or mentoring (disway.id 2023)",
                ),
                3,
                medium,
            )
        ],
    )

    limits_2023: Mapping[Scheme, AccessLimit] = _frozen_map(
        {Scheme.MICRO: AccessLimit(primary_production=4, other=2)}
    )
    no_limits: Mapping[Scheme, AccessLimit] = _frozen_map({})
    access_regimes = [
        *pandemic_years(no_limits, "no repeat-access limit before Permenko 1/2023"),
        _regime(
            "permenko-1-2022",
            start_2022,
            end_pre_tier,
            Citation(_P1_2022, note="no repeat-access limit before Permenko 1/2023"),
            no_limits,
            medium,
        ),
        _regime(
            "permenko-1-2023",
            tiered_from,
            tiered_end,
            Citation(_P1_2023, "Pasal 24 ayat (4) dan (4a)"),
            limits_2023,
            note="kecil limits (Pasal 26 ayat (2)) not known: not encoded",
        ),
    ]
    if flat_rate_2026:
        access_regimes.append(
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="access limits abolished, Minister of UMKM 18 Nov 2025"),
                no_limits,
                medium,
            )
        )
    access_limits = Timeline("kur.access_limit", access_regimes)

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
    existing_credit = Timeline(
        "kur.existing_credit",
        [
            _regime(
                "permenko-1-2022",
                start_2022,
                end_pre_tier,
                Citation(_P1_2022, note="only current credit of the allowed kinds"),
                ExistingCreditRule(concurrent=concurrent),
            ),
            _regime(
                "permenko-1-2023",
                tiered_from,
                p12_2025 - _ONE_DAY,
                Citation(
                    _P1_2023, "Pasal 19 ayat (3) huruf c, 23 ayat (4a), 27 ayat (3a), 36 ayat (3a)"
                ),
                ExistingCreditRule(concurrent=concurrent, history_schemes=history),
            ),
            _regime(
                "permenko-12-2025",
                p12_2025,
                end_2025,
                Citation(_P12_2025, "Pasal 36 ayat (3a), (3b) dan (4)"),
                after_12_2025,
                low,
                "Content HIGH; first day (parameter permenko_12_2025_from) LOW.",
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="assumed to keep the 12/2025 rules"),
                after_12_2025,
                medium,
            ),
        ],
    )

    outstanding_cap = Timeline(
        "kur.outstanding_cap",
        [
            _regime(
                "permenko-1-2023",
                tiered_from,
                end_2025,
                Citation(_P1_2023, "Pasal 24 ayat (1)"),
                100 * _JT,
            ),
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, note="assumed unchanged"),
                100 * _JT,
                medium,
            ),
        ],
    )

    total_rates: TotalRateTable = {
        Scheme.SUPER_MICRO: ((None, _d(18)),),
        Scheme.MICRO: ((None, _d(16)),),
        Scheme.SMALL: ((None, _d("11.5")),),
        Scheme.SPECIAL: ((10 * _JT, _d(18)), (100 * _JT, _d(16)), (None, _d("11.5"))),
        Scheme.MIGRANT_WORKER: ((None, _d("19.5")),),
    }
    subsidy = Timeline(
        "kur.subsidy",
        [
            _regime(
                "kmk-317-2023",
                date(2023, 9, 1),
                end_2025,
                Citation(_KMK_317, note="subsidy + borrower rate = total received by the lender"),
                total_rates,
                note="Ends with the 2025 tiers; 2026 subsidy rates unknown (open question 3).",
            )
        ],
    )

    omzet = Timeline(
        "kur.omzet",
        [
            _regime(
                "permenko-1-2026",
                p1_2026,
                None,
                Citation(_P1_2026, "Pasal 3 ayat (3)", note="omzet ≤ Rp4,8 M; DDTC, ortax"),
                # The ceiling is stated once, in msme's Pasal 36 sector-criteria example.
                KUR_2026_OMZET.ceilings.regimes[0].value,
                note="Content HIGH; first day (parameter permenko_1_2026_from) MEDIUM.",
            )
        ],
    )

    provinces = frozenset({"11", "12", "13"})  # Aceh, Sumatera Utara, Sumatera Barat
    disaster_citation = Citation(
        "Kebijakan KUR wilayah bencana", note="Menko Perekonomian, Dec 2025 / 9 Jan 2026"
    )
    disaster_rates = Timeline(
        "kur.disaster_rate",
        [
            _regime(
                "bencana-2026",
                date(2026, 1, 1),
                date(2026, 12, 31),
                disaster_citation,
                DisasterRate(_d(0), provinces),
                medium,
            ),
            _regime(
                "bencana-2027",
                date(2027, 1, 1),
                date(2027, 12, 31),
                disaster_citation,
                DisasterRate(_d(3), provinces),
                medium,
            ),
            _regime(
                "bencana-2028",
                date(2028, 1, 1),
                None,
                disaster_citation,
                DisasterRate(_d(6), provinces),
                medium,
            ),
        ],
    )

    exemption_38a = Timeline(
        "kur.exemption_38a",
        [
            _regime(
                "permenko-12-2025",
                p12_2025,
                None,
                Citation(_P12_2025, "Pasal 38A"),
                frozenset({"rate_tier", "access_limit", "credit_history", "business_age"}),
                low,
                "Content HIGH; first day LOW; kept under Permenko 1/2026 (MEDIUM).",
            )
        ],
    )

    return KurRules(
        ceilings=ceilings,
        rates=rates,
        tenors=tenors,
        collateral=collateral,
        npwp=npwp,
        business_age=business_age,
        training_shortcut=training_shortcut,
        access_limits=access_limits,
        existing_credit=existing_credit,
        outstanding_cap=outstanding_cap,
        total_rates=subsidy,
        omzet=omzet,
        disaster_rates=disaster_rates,
        exemption_38a=exemption_38a,
    )


#: The library's reading of the KUR law (see ``docs/rules/kur.md``).
DEFAULT_RULES = KurRules.build()
