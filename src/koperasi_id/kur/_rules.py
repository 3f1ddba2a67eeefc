"""The KUR law as dated data: every threshold, rate and limit in a Timeline.

:class:`KurRules` bundles one :class:`~koperasi_id.law.Timeline` per rule.
:data:`DEFAULT_RULES` is the library's reading of the domain note;
:meth:`KurRules.build` rebuilds it with different choices for the dates the
note could not pin down, and ``attrs.evolve(rules, rates=...)`` swaps in a
caller's own timeline for any single rule.

The regimes are built by concern, each in its own module: ``_rules_rates``
(borrower rate, lender's total rate, disaster caps), ``_rules_limits``
(plafond bands, tenors, collateral, outstanding cap, omzet),
``_rules_eligibility`` (NPWP, business age, access limits, other credit,
Pasal 38A) and ``_rules_relief`` (the pandemic relief); the value shapes are
in ``_rule_values``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from koperasi_id._numbers import computes
from koperasi_id.errors import RuleInputError
from koperasi_id.kur._rule_sources import RuleDays
from koperasi_id.kur._rule_values import (
    AccessLimit,
    BusinessAgeRule,
    CollateralRule,
    DisasterRate,
    ExistingCreditRule,
    NpwpRule,
    PandemicRelief,
    PlafondBand,
    RateTable,
    ReliefBasis,
    TenorLimit,
    TotalRateTable,
)
from koperasi_id.kur._rules_eligibility import (
    build_access_limits,
    build_business_age,
    build_exemption_38a,
    build_existing_credit,
    build_npwp,
    build_training_shortcut,
)
from koperasi_id.kur._rules_limits import (
    build_ceilings,
    build_collateral,
    build_omzet,
    build_outstanding_cap,
    build_tenors,
)
from koperasi_id.kur._rules_rates import build_disaster_rates, build_rates, build_subsidy
from koperasi_id.kur._rules_relief import build_relief
from koperasi_id.kur._schemes import Scheme
from koperasi_id.law import Timeline, Unit, register

__all__ = [
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
    "RateTable",
    "ReliefBasis",
    "TenorLimit",
    "TotalRateTable",
]

#: First akad date of KUR as relaunched in 2015 (12 % efektif, Permenko
#: Perekonomian 6/2015, then 8/2015). MEDIUM: the Coordinating Minister and the
#: head of BNP2TKI announced the 12 % rate "effective 1 July 2015" (kontan,
#: kompas, 26 Jun 2015); banks disbursed from August–September 2015. Before
#: this day every KUR rule raises NoRuleInForceError.
KUR_RELAUNCH = date(2015, 7, 1)
#: First akad date of KUR super mikro (≤ Rp10 jt) and of the Rp10–50 jt mikro
#: band (Permenko Perekonomian 15/2020). LOW on the day: detik (13 Aug 2020)
#: reports the scheme "mulai berlaku akhir Agustus 2020" and okezone (7 Sep
#: 2020) reports the Permenko as issued; the instrument's own date was not seen.
SUPER_MICRO_FROM = date(2020, 8, 31)
#: First akad date of the Permenko 1/2023 regime (tiered rates, access limits,
#: super mikro 3 %). MEDIUM: the Permenko was published about Feb–Mar 2023 and
#: KMK 317/2023 (set 1 Sep 2023) pays its subsidy for akad from 27 Jan 2023
#: (KMK_317_FROM); the Komite Kebijakan KUR decided on 28 Nov 2022 that the
#: 2023 terms apply to KUR 2023, so the library applies them to every 2023
#: agreement.
TIERED_REGIME_FROM = date(2023, 1, 1)
#: First akad date on which the no-additional-collateral ceiling is Rp100 jt
#: (MEDIUM: presidential decision reported on 15 Jun 2021; day not found).
COLLATERAL_100JT_FROM = date(2021, 7, 1)
#: First akad date under KMK 317/2023's subsidy table. HIGH: the KMK, set on
#: 1 Sep 2023, applies to "penyaluran KUR yang akad kredit/pembiayaannya
#: ditandatangani mulai tanggal 27 Januari 2023" (bisnis.com, 4 Sep 2023).
KMK_317_FROM = date(2023, 1, 27)
#: First day of Permenko 12/2025 (Pasal 38A, Rp20 jt ultra-micro cap). LOW:
#: the enactment date was not found; the earliest date consistent with the
#: instrument's year is used so that an explicit Pasal 38A claim is honoured.
PERMENKO_12_2025_FROM = date(2025, 1, 1)
#: First akad date under Permenko 1/2026 (set 5 Jan 2026; the policy is
#: announced "from 1 January 2026"). MEDIUM.
PERMENKO_1_2026_FROM = date(2026, 1, 1)


# ---------------------------------------------------------------- the bundle


@attrs.frozen(kw_only=True)
class KurRules:
    """Every KUR rule as a dated :class:`~koperasi_id.law.Timeline`.

    >>> DEFAULT_RULES.rates.at(date(2024, 5, 1)).citation.instrument
    'Permenko Perekonomian 1/2023'
    >>> [r.name for r in DEFAULT_RULES.rates][:5]
    ['kur-2015', 'kur-2016', 'kur-2017', 'permenko-11-2017', 'permenko-6-2019']
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
    relief: Timeline[PandemicRelief]
    #: Which day of an instalment period decides the relief (MEDIUM parameter).
    relief_basis: ReliefBasis = ReliefBasis.DUE_DATE

    @classmethod
    @computes
    def build(
        cls,
        *,
        tiered_from: date = TIERED_REGIME_FROM,
        collateral_100jt_from: date = COLLATERAL_100JT_FROM,
        permenko_12_2025_from: date = PERMENKO_12_2025_FROM,
        permenko_1_2026_from: date = PERMENKO_1_2026_FROM,
        flat_rate_2026: bool = True,
        kur_relaunch: date = KUR_RELAUNCH,
        super_micro_from: date = SUPER_MICRO_FROM,
        relief_basis: ReliefBasis = ReliefBasis.DUE_DATE,
        kmk_317_from: date = KMK_317_FROM,
        special_subsidy_by_band: bool = False,
    ) -> KurRules:
        """The library's KUR law with the uncertain dates and choices as parameters.

        ``flat_rate_2026=False`` keeps the 2023 tiers and access limits after
        Permenko 1/2026 (the reading of the one conflicting 2026 source).
        ``kur_relaunch`` is the first day of the 2015 KUR, ``super_micro_from``
        the first day of super mikro (Permenko 15/2020), ``relief_basis`` which
        day of an instalment period decides the pandemic relief.
        ``special_subsidy_by_band=True`` answers the KUR khusus subsidy before
        KMK 317/2023 (2018 to 26 Jan 2023), which no source gives, as the
        points of the regular scheme whose plafond band holds the akad amount
        (LOW; the default leaves it "no rule in force", see docs/rules/kur.md).

        >>> late = KurRules.build(tiered_from=date(2023, 9, 1))
        >>> late.rates.at(date(2023, 8, 31)).name
        'permenko-1-2022'
        """
        # tiered_from < permenko_12_2025_from: the Permenko 1/2023 credit rule is in force
        # at least one day before Permenko 12/2025 amends it (an empty regime cannot be built).
        if not (
            date(2022, 1, 1) < tiered_from < permenko_12_2025_from < permenko_1_2026_from
            and date(2021, 1, 1) < collateral_100jt_from <= date(2022, 1, 1)
            and date(2015, 1, 1) <= kur_relaunch <= date(2015, 12, 31)
            and date(2020, 1, 1) < super_micro_from <= date(2020, 12, 31)
            and date(2023, 1, 1) <= kmk_317_from < permenko_1_2026_from
        ):
            raise RuleInputError(
                "dates must satisfy 2022-01-01 < tiered_from < permenko_12_2025_from "
                "< permenko_1_2026_from, 2021-01-01 < collateral_100jt_from <= 2022-01-01, "
                "kur_relaunch in 2015, 2020-01-01 < super_micro_from <= 2020-12-31 and "
                "2023-01-01 <= kmk_317_from < permenko_1_2026_from"
            )
        if not isinstance(relief_basis, ReliefBasis):
            raise ValueError(f"relief_basis is a ReliefBasis, not {type(relief_basis).__name__}")
        if not isinstance(special_subsidy_by_band, bool):
            raise ValueError(
                f"special_subsidy_by_band is a bool, not {type(special_subsidy_by_band).__name__}"
            )
        return _build(
            tiered_from=tiered_from,
            collateral_100jt_from=collateral_100jt_from,
            p12_2025=permenko_12_2025_from,
            p1_2026=permenko_1_2026_from,
            flat_rate_2026=flat_rate_2026,
            relaunch=kur_relaunch,
            super_micro_from=super_micro_from,
            relief_basis=relief_basis,
            kmk_317_from=kmk_317_from,
            special_subsidy_by_band=special_subsidy_by_band,
        )


# Everything below builds and registers DEFAULT_RULES when the module is imported,
# before mutmut switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes
# the legal numbers and dates of the builders instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
def _build(
    *,
    tiered_from: date,
    collateral_100jt_from: date,
    p12_2025: date,
    p1_2026: date,
    flat_rate_2026: bool,
    relaunch: date,
    super_micro_from: date,
    relief_basis: ReliefBasis,
    kmk_317_from: date,
    special_subsidy_by_band: bool,
) -> KurRules:
    days = RuleDays(
        tiered_from=tiered_from,
        collateral_100jt_from=collateral_100jt_from,
        p12_2025=p12_2025,
        p1_2026=p1_2026,
        flat_rate_2026=flat_rate_2026,
        relaunch=relaunch,
        super_micro_from=super_micro_from,
        kmk_317_from=kmk_317_from,
        special_subsidy_by_band=special_subsidy_by_band,
    )
    return KurRules(
        ceilings=build_ceilings(days),
        rates=build_rates(days),
        tenors=build_tenors(days),
        collateral=build_collateral(days),
        npwp=build_npwp(days),
        business_age=build_business_age(days),
        training_shortcut=build_training_shortcut(days),
        access_limits=build_access_limits(days),
        existing_credit=build_existing_credit(days),
        outstanding_cap=build_outstanding_cap(days),
        total_rates=build_subsidy(days),
        omzet=build_omzet(days),
        disaster_rates=build_disaster_rates(days),
        exemption_38a=build_exemption_38a(days),
        relief=build_relief(days),
        relief_basis=relief_basis,
    )


#: The library's reading of the KUR law (see ``docs/rules/kur.md``).
DEFAULT_RULES = KurRules.build()

#: How each shipped timeline enters the register: the field of
#: :class:`KurRules` that holds it (its rule id is the timeline's name), its
#: unit, the type of its values, its Indonesian and English descriptions and
#: its aliases.
_REGISTERED: tuple[tuple[str, Unit, Any, str, str, tuple[str, ...]], ...] = (
    # kur.ceiling
    (
        "ceilings",
        Unit.RUPIAH,
        Mapping[Scheme, PlafondBand],
        "rentang plafon tiap skema KUR",
        "plafond band of each KUR scheme",
        ("kur.plafond",),
    ),
    # kur.rate
    (
        "rates",
        Unit.PERCENT_PER_YEAR,
        RateTable,
        "suku bunga KUR tiap skema menurut akses ke berapa",
        "KUR borrower rate of each scheme by access number",
        ("kur.rate.tiers",),
    ),
    # kur.tenor
    (
        "tenors",
        Unit.MONTHS,
        Mapping[Scheme, TenorLimit],
        "jangka waktu paling lama tiap skema dan jenis kredit",
        "longest tenor of each scheme and credit kind",
        (),
    ),
    # kur.collateral
    (
        "collateral",
        Unit.RUPIAH,
        CollateralRule,
        "plafon paling tinggi tanpa agunan tambahan",
        "highest plafond for which no additional collateral may be asked",
        (),
    ),
    # kur.npwp
    (
        "npwp",
        Unit.TABLE,
        NpwpRule,
        "kapan penerima KUR wajib memiliki NPWP",
        "when a KUR borrower must have an NPWP",
        (),
    ),
    # kur.business_age
    (
        "business_age",
        Unit.MONTHS,
        BusinessAgeRule,
        "lama usaha paling singkat sebelum akad",
        "shortest time a business must have run before the akad",
        (),
    ),
    # kur.training_shortcut
    (
        "training_shortcut",
        Unit.MONTHS,
        int,
        "lama usaha KUR mikro setelah pelatihan atau pendampingan",
        "business age enough for KUR mikro after training or mentoring",
        (),
    ),
    # kur.access_limit
    (
        "access_limits",
        Unit.COUNT,
        Mapping[Scheme, AccessLimit],
        "jumlah akses KUR paling banyak tiap skema",
        "most KUR agreements of one scheme a borrower may have",
        (),
    ),
    # kur.existing_credit
    (
        "existing_credit",
        Unit.TABLE,
        ExistingCreditRule,
        "kredit lain yang boleh dimiliki atau pernah dimiliki pemohon",
        "other credit an applicant may hold or have held",
        (),
    ),
    # kur.outstanding_cap
    (
        "outstanding_cap",
        Unit.RUPIAH,
        Decimal,
        "batas baki debet KUR mikro untuk akses berulang",
        "outstanding KUR cap for a repeat borrower",
        (),
    ),
    # kur.subsidy
    (
        "total_rates",
        Unit.PERCENT_PER_YEAR,
        TotalRateTable,
        "suku bunga total yang diterima penyalur (bunga + subsidi)",
        "total rate the lender receives (borrower rate plus subsidy)",
        ("kur.total_rates",),
    ),
    # kur.omzet
    (
        "omzet",
        Unit.RUPIAH,
        Decimal,
        "omzet tahunan paling tinggi penerima KUR",
        "highest annual sales of a KUR borrower",
        (),
    ),
    # kur.disaster_rate
    (
        "disaster_rates",
        Unit.PERCENT_PER_YEAR,
        DisasterRate,
        "suku bunga KUR di provinsi terdampak bencana",
        "KUR rate cap in disaster-struck provinces",
        (),
    ),
    # kur.exemption_38a
    (
        "exemption_38a",
        Unit.CODES,
        frozenset[str],
        "syarat yang dikecualikan Pasal 38A (ultra mikro)",
        "tests waived by Pasal 38A (ultra-micro)",
        (),
    ),
    # kur.pandemic_relief
    (
        "relief",
        Unit.PERCENT_PER_YEAR,
        PandemicRelief,
        "tambahan subsidi bunga KUR masa pandemi atas angsuran",
        "extra pandemic interest subsidy on KUR instalments",
        (),
    ),
)


def _register_shipped() -> None:
    # The shipped timelines enter the register here, beside the rule set that holds them.
    for field, unit, value_type, description_id, description_en, aliases in _REGISTERED:
        register(
            getattr(DEFAULT_RULES, field),
            description_id=description_id,
            description_en=description_en,
            unit=unit,
            module=__name__,
            value_type=value_type,
            aliases=aliases,
        )


_register_shipped()
