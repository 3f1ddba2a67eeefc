"""The KUR limits as dated data: plafond bands, tenors, collateral, outstanding cap, omzet."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from koperasi_id.kur._rule_sources import (
    _JT,
    _KUR_2020,
    _KUR_2021,
    _ONE_DAY,
    _P1_2022,
    _P1_2023,
    _P1_2026,
    _P8_2019,
    END_2020,
    END_2021,
    LOW,
    MEDIUM,
    START_2020,
    START_2021,
    START_2022,
    RuleDays,
    _regime,
    pandemic_years,
    pedoman_periods,
)
from koperasi_id.kur._rule_values import (
    CollateralRule,
    PlafondBand,
    TenorLimit,
    _frozen_map,
)
from koperasi_id.kur._schemes import Scheme
from koperasi_id.law import Citation, Confidence, Timeline
from koperasi_id.msme import KUR_2026_OMZET


# Everything below builds DEFAULT_RULES when the module is imported, before mutmut
# switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes its legal
# numbers and dates instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
def _bands(
    micro_ceiling: int,
    pmi_ceiling: int,
    pmi_confidence: Confidence,
    *,
    super_micro: bool = True,
    special: bool = True,
    confidence: Confidence = Confidence.HIGH,
    special_confidence: Confidence | None = None,
) -> Mapping[Scheme, PlafondBand]:
    """The plafond bands of one regime; a scheme that did not exist is absent.

    ``confidence`` is that of the regular bands (docs/rules/kur.md, "Schemes by
    year"); KUR khusus takes ``special_confidence`` when given.
    """
    zero, ten, top = Decimal(0), 10 * _JT, 500 * _JT
    micro = micro_ceiling * _JT
    bands = {
        Scheme.MICRO: PlafondBand(ten if super_micro else zero, micro, confidence),
        Scheme.SMALL: PlafondBand(micro, top, confidence),
        Scheme.MIGRANT_WORKER: PlafondBand(zero, pmi_ceiling * _JT, pmi_confidence),
    }
    if super_micro:
        bands[Scheme.SUPER_MICRO] = PlafondBand(zero, ten, confidence)
    if special:
        bands[Scheme.SPECIAL] = PlafondBand(zero, top, special_confidence or confidence)
    return _frozen_map(bands)


def _only(
    table: Mapping[Scheme, TenorLimit], *, special: bool, super_micro: bool
) -> Mapping[Scheme, TenorLimit]:
    """``table`` without the schemes that did not exist yet (no rule in force for them)."""
    absent = {Scheme.SPECIAL} if not special else set()
    if not super_micro:
        absent.add(Scheme.SUPER_MICRO)
    return _frozen_map({scheme: limit for scheme, limit in table.items() if scheme not in absent})


def build_ceilings(days: RuleDays) -> Timeline[Mapping[Scheme, PlafondBand]]:
    """The ``kur.ceiling`` timeline, its boundaries from ``days``."""
    ceilings: Timeline[Mapping[Scheme, PlafondBand]] = Timeline(
        "kur.ceiling",
        [
            *(
                _regime(
                    period.name,
                    period.start,
                    period.end,
                    Citation(
                        period.instrument,
                        note="mikro ≤ Rp25 jt, kecil Rp25–500 jt, TKI ≤ Rp25 jt"
                        if period.special
                        else "mikro ≤ Rp25 jt, ritel Rp25–500 jt, TKI ≤ Rp25 jt",
                    ),
                    _bands(
                        25,
                        25,
                        MEDIUM,
                        super_micro=False,
                        special=period.special,
                        confidence=MEDIUM,
                        special_confidence=LOW,
                    ),
                    MEDIUM,
                    "KUR khusus ≤ Rp500 jt from 2018 is LOW."
                    if period.special
                    else "detik 17 Jun 2015 (mikro ≤ Rp25 jt); KUR ritel (here `kecil`) above "
                    "it to Rp500 jt; the 2015–2017 Permenko texts were not seen.",
                )
                for period in pedoman_periods(days)
                if period.start < START_2020
            ),
            _regime(
                "kur-2020",
                START_2020,
                days.before_super_micro,
                Citation(_P8_2019, note="mikro ≤ Rp50 jt, kecil Rp50–500 jt; no super mikro yet"),
                _bands(50, 25, LOW, super_micro=False, confidence=MEDIUM),
                MEDIUM,
                "Mikro up to Rp50 jt before Permenko 15/2020 (issue 14; okezone 7 Sep 2020).",
            ),
            _regime(
                "kur-2020-super-mikro",
                days.super_micro_from,
                END_2020,
                Citation(
                    _KUR_2020, note="super mikro ≤ Rp10 jt, mikro Rp10–50 jt (okezone 7 Sep 2020)"
                ),
                _bands(50, 25, LOW, confidence=MEDIUM),
                MEDIUM,
                "First day is the parameter super_micro_from (LOW); PMI Rp25 jt (LOW).",
            ),
            _regime(
                "kur-2021",
                START_2021,
                END_2021,
                Citation(_KUR_2021, note="plafon mikro Rp10–50 jt (databoks 2021)"),
                _bands(50, 25, LOW, confidence=MEDIUM),
                MEDIUM,
                "Mikro above Rp10 jt to Rp50 jt, Kecil above Rp50 jt; PMI Rp25 jt (LOW).",
            ),
            *(
                _regime(
                    name,
                    start,
                    end,
                    Citation(_P1_2022, note=amended),
                    _bands(100, 100, MEDIUM),
                    note="Mikro from Rp10-50 jt to Rp10-100 jt for 2022: Komite Kebijakan "
                    "29 Dec 2021 (kompas via kontan 30 Dec 2021), Permenko 1/2022, CNBC 4 Sep "
                    "2023 (HIGH); the first day, 1 Jan 2022, is MEDIUM. "
                    "PMI Rp100 jt from Permenko 1/2022 ('peningkatan plafon PMI'): MEDIUM. "
                    "Unchanged by the amendments; the citation names those in force at the akad.",
                )
                # One regime per amendment, so that a 2022 akad never cites the 2023 one.
                for name, start, end, amended in (
                    ("permenko-1-2022", START_2022, days.end_pre_tier, None),
                    (
                        "permenko-1-2023",
                        days.tiered_from,
                        days.p12_2025 - _ONE_DAY,
                        "as amended by Permenko 1/2023",
                    ),
                    (
                        "permenko-12-2025",
                        days.p12_2025,
                        days.end_2025,
                        "as amended by Permenko 1/2023 and 12/2025",
                    ),
                )
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="ceilings assumed unchanged (open question 3)"),
                _bands(100, 100, MEDIUM, confidence=MEDIUM),
                MEDIUM,
            ),
        ],
    )
    return ceilings


def build_tenors(days: RuleDays) -> Timeline[Mapping[Scheme, TenorLimit]]:
    """The ``kur.tenor`` timeline, its boundaries from ``days``."""

    def tenor_table(confidence_small: Confidence) -> Mapping[Scheme, TenorLimit]:
        return _frozen_map(
            {
                Scheme.SUPER_MICRO: TenorLimit(36, 60, 48, 84, MEDIUM),
                Scheme.MICRO: TenorLimit(36, 60, 48, 84),
                Scheme.SMALL: TenorLimit(48, 60, 60, 84, confidence_small),
                Scheme.SPECIAL: TenorLimit(48, 60, 60, 84, LOW),
                Scheme.MIGRANT_WORKER: TenorLimit(36, None, None, None, MEDIUM),
            }
        )

    # Every pre-2020 limit is the 2020 one assumed (docs/rules/kur.md: LOW), whatever
    # the 2020 source's confidence in it.
    pre_2020_tenors = _frozen_map(
        {scheme: attrs.evolve(limit, confidence=LOW) for scheme, limit in tenor_table(LOW).items()}
    )
    return Timeline(
        "kur.tenor",
        [
            *(
                _regime(
                    period.name,
                    period.start,
                    period.end,
                    Citation(
                        period.instrument,
                        note="assumed as in 2020: KMK 3 y, KI 5 y, extended 4 y / 7 y",
                    ),
                    _only(pre_2020_tenors, special=period.special, super_micro=False),
                    LOW,
                    "The 2015–2019 tenor articles were not seen; the 2020 limits are assumed.",
                )
                for period in pedoman_periods(days)
                if period.start < START_2020
            ),
            *pandemic_years(
                days,
                tenor_table(MEDIUM),
                "2020 summary of the KUR rules",
                before_super_micro=_only(tenor_table(MEDIUM), special=True, super_micro=False),
            ),
            _regime(
                "permenko-1-2022",
                START_2022,
                days.end_pre_tier,
                Citation(_P1_2022, note="tenors as restated in Permenko 1/2023 Pasal 22, 26, 35"),
                tenor_table(Confidence.HIGH),
                note="super mikro and PMI tenors MEDIUM; khusus extension LOW (as kecil)",
            ),
            _regime(
                "permenko-1-2023",
                days.tiered_from,
                days.end_2025,
                Citation(
                    _P1_2023, "Pasal 22, Pasal 26, Pasal 35", note="as amending Permenko 1/2022"
                ),
                tenor_table(Confidence.HIGH),
                note="super mikro and PMI tenors MEDIUM; khusus extension LOW (as kecil)",
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="tenors assumed unchanged (open question 3)"),
                tenor_table(Confidence.HIGH),
                MEDIUM,
            ),
        ],
    )


def build_collateral(days: RuleDays) -> Timeline[CollateralRule]:
    """The ``kur.collateral`` timeline, its boundaries from ``days``."""
    no_collateral_50jt, no_collateral_100jt = CollateralRule(50 * _JT), CollateralRule(100 * _JT)
    collateral_regimes = [
        *(
            _regime(
                period.name,
                period.start,
                min(period.end, days.collateral_100jt_from - _ONE_DAY),
                Citation(period.instrument, note="no agunan tambahan up to Rp50 jt"),
                no_collateral_50jt,
                MEDIUM,
            )
            for period in pedoman_periods(days)
            if START_2020 <= period.start < days.collateral_100jt_from
        ),
    ]
    if days.collateral_100jt_from <= END_2021:
        collateral_regimes.append(
            _regime(
                "kur-2021-100jt",
                days.collateral_100jt_from,
                END_2021,
                Citation(_KUR_2021, note="Rp100 jt after the June 2021 decision (medcom)"),
                no_collateral_100jt,
                MEDIUM,
                "First day is the parameter collateral_100jt_from (MEDIUM).",
            )
        )
    collateral_regimes += [
        _regime(
            "permenko-1-2022",
            START_2022,
            days.end_pre_tier,
            Citation(_P1_2022, note="no agunan tambahan up to Rp100 jt"),
            no_collateral_100jt,
        ),
        _regime(
            "permenko-1-2023",
            days.tiered_from,
            None,
            Citation(_P1_2023, "Pasal 14 ayat (3)", note="Rp100 jt since the June 2021 decision"),
            no_collateral_100jt,
        ),
    ]
    return Timeline("kur.collateral", collateral_regimes)


def build_outstanding_cap(days: RuleDays) -> Timeline[Decimal]:
    """The ``kur.outstanding_cap`` timeline, its boundaries from ``days``."""
    return Timeline(
        "kur.outstanding_cap",
        [
            _regime(
                "permenko-1-2023",
                days.tiered_from,
                days.end_2025,
                Citation(_P1_2023, "Pasal 24 ayat (1)"),
                100 * _JT,
            ),
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="assumed unchanged"),
                100 * _JT,
                MEDIUM,
            ),
        ],
    )


def build_omzet(days: RuleDays) -> Timeline[Decimal]:
    """The ``kur.omzet`` timeline, its boundaries from ``days``."""
    return Timeline(
        "kur.omzet",
        [
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, "Pasal 3 ayat (3)", note="omzet ≤ Rp4,8 M; DDTC, ortax"),
                # The ceiling is stated once, in msme's Pasal 36 sector-criteria example.
                KUR_2026_OMZET.ceilings.regimes[0].value,
                # The day decides whether the test applies at all: MEDIUM, as msme's regime.
                MEDIUM,
                "Content HIGH; first day (parameter permenko_1_2026_from) MEDIUM.",
            )
        ],
    )
