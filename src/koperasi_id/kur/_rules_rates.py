"""The KUR rates as dated data: the borrower rate, the lender's total rate, the disaster caps."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

import attrs

from koperasi_id.kur._rule_sources import (
    _JT,
    _KMK_317,
    _KMK_372,
    _KMK_1355,
    _KMK_2020,
    _KMK_2021,
    _KMK_2022,
    _ONE_DAY,
    _P1_2022,
    _P1_2023,
    _P1_2026,
    _PMK_146,
    END_2020,
    END_2021,
    LOW,
    MEDIUM,
    START_2020,
    START_2021,
    START_2022,
    RuleDays,
    _d,
    _regime,
    pedoman_periods,
)
from koperasi_id.kur._rule_values import (
    DisasterRate,
    PlafondBand,
    RateTable,
    TotalRateTable,
    _frozen_map,
)
from koperasi_id.kur._rules_limits import build_ceilings
from koperasi_id.kur._schemes import Scheme
from koperasi_id.law import Citation, Confidence, Regime, Timeline


# Everything below builds DEFAULT_RULES when the module is imported, before mutmut
# switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes its legal
# numbers and dates instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
def _flat_rates(percent: str, super_micro: str | None, *, special: bool = True) -> RateTable:
    """One rate for every scheme in force; ``super_micro=None``: no super mikro yet."""
    table: dict[Scheme, tuple[Decimal, ...]] = {
        scheme: (_d(percent),) for scheme in Scheme if scheme is not Scheme.SUPER_MICRO
    }
    if not special:
        del table[Scheme.SPECIAL]
    if super_micro is not None:
        table[Scheme.SUPER_MICRO] = (_d(super_micro),)
    return _frozen_map(table)


def _totals(micro: str, small: str, pmi: str, super_micro: str | None = None) -> TotalRateTable:
    """Total rates (borrower + regular subsidy) of the schemes whose subsidy is known."""
    table: dict[Scheme, tuple[tuple[Decimal | None, Decimal], ...]] = {
        Scheme.MICRO: ((None, _d(micro)),),
        Scheme.SMALL: ((None, _d(small)),),
        Scheme.MIGRANT_WORKER: ((None, _d(pmi)),),
    }
    if super_micro is not None:
        table[Scheme.SUPER_MICRO] = ((None, _d(super_micro)),)
    return _frozen_map(table)


def build_rates(days: RuleDays) -> Timeline[RateTable]:
    """The ``kur.rate`` timeline, its boundaries from ``days``."""
    tiers = (_d(6), _d(7), _d(8), _d(9))
    tiered_table: RateTable = {
        Scheme.SUPER_MICRO: (_d(3),),
        Scheme.MICRO: tiers,
        Scheme.SMALL: tiers,
        Scheme.SPECIAL: (_d(6),),
        Scheme.MIGRANT_WORKER: (_d(6),),
    }
    # The borrower rate of each Pedoman period (pedoman_periods): percent, the
    # citation's note, the regime's confidence and note. A period with super
    # mikro gives it the same rate; one without KUR khusus leaves it out.
    pre_2022 = {
        "kur-2015": (
            "12",
            "12 % efektif (from 22 %); kontan and kompas 26 Jun 2015",
            MEDIUM,
            "Rate HIGH (kontan, kompas, liputan6 21 Jan 2020); first day MEDIUM "
            "(parameter kur_relaunch).",
        ),
        "kur-2016": ("9", "9 % from 1 Jan 2016 (liputan6 28 Dec 2015)", Confidence.HIGH, None),
        "kur-2017": ("9", "9 % (CNN Indonesia 8 Dec 2017: 'turun dari 9 persen')", MEDIUM, None),
        **dict.fromkeys(
            ("permenko-11-2017", "permenko-6-2019"),
            (
                "7",
                "7 % (CNN 8 Dec 2017; okezone 18 Jan 2018; liputan6 21 Jan 2020)",
                Confidence.HIGH,
                "KUR khusus at 7 % from 2018 is LOW.",
            ),
        ),
        "kur-2020": (
            "6",
            "6 % efektif from 1 Jan 2020 (liputan6 21 Jan 2020)",
            Confidence.HIGH,
            None,
        ),
        "kur-2020-super-mikro": (
            "6",
            "6 % for every scheme, super mikro too (okezone 7 Sep 2020)",
            MEDIUM,
            "Borrowers paid 0 % in 2020 through the pandemic relief (kur.pandemic_relief), "
            "not through the scheme rate. First day: parameter super_micro_from (LOW).",
        ),
        "kur-2021": ("6", "6 % efektif for every scheme", MEDIUM, None),
    }
    rate_regimes = [
        *(
            _regime(
                period.name,
                period.start,
                period.end,
                Citation(period.instrument, note=note),
                _flat_rates(
                    percent, percent if period.super_micro else None, special=period.special
                ),
                confidence,
                regime_note,
            )
            for period in pedoman_periods(days)
            for percent, note, confidence, regime_note in (pre_2022[period.name],)
        ),
        _regime(
            "permenko-1-2022",
            START_2022,
            days.end_pre_tier,
            Citation(_P1_2022, note="6 % efektif for every scheme"),
            _flat_rates("6", "6"),
        ),
        _regime(
            "permenko-1-2023",
            days.tiered_from,
            days.tiered_end,
            Citation(_P1_2023, "Pasal 18 ayat (2), Pasal 22 ayat (2), Pasal 26 ayat (2), Pasal 35"),
            tiered_table,
            note="start date is the parameter tiered_from (MEDIUM)",
        ),
    ]
    if days.flat_rate_2026:
        rate_regimes.append(
            _regime(
                "permenko-1-2026",
                days.p1_2026,
                None,
                Citation(_P1_2026, note="flat 6 % announced by the Minister of UMKM, 18 Nov 2025"),
                _flat_rates("6", "3"),
                MEDIUM,
                "Flat 6 % for every access (news, not the text); super mikro 3 % unverified.",
            )
        )
    return Timeline("kur.rate", rate_regimes)


#: The pre-KMK 317/2023 regimes whose KUR khusus points no source gives.
_SPECIAL_UNKNOWN = (
    "kmk-372-2017",
    "kmk-372-2017-2020",
    "kmk-436-2020",
    "kmk-96-2021",
    "kmk-91-2022",
)


def _special_by_band(
    regime: Regime[TotalRateTable], ceilings: Timeline[Mapping[Scheme, PlafondBand]]
) -> Regime[TotalRateTable]:
    """``regime`` with KUR khusus paid as the regular scheme whose band holds the akad.

    The derivation, not a source: KMK 317/2023 pays khusus 12 / 10 / 5.5 points
    for akad up to Rp10 jt / Rp100 jt / above, which are the 2022 super mikro,
    mikro and kecil totals (18 / 16 / 11.5) on the 6 % rate, banded by those
    schemes' ceilings. Read back, that gives every earlier regime a khusus
    table; the ceilings come from ``kur.ceiling`` on the regime's first day.
    """
    # The ceilings do not move inside these regimes (tests/test_kur_special_subsidy.py
    # checks both ends against kur.ceiling).
    bands = ceilings.value_at(regime.valid_from)
    totals = regime.value
    rows: list[tuple[Decimal | None, Decimal]] = [
        (bands[scheme].ceiling, totals[scheme][0][1])
        for scheme in (Scheme.SUPER_MICRO, Scheme.MICRO)
        if scheme in totals
    ]
    rows.append((None, totals[Scheme.SMALL][0][1]))
    note = (
        "KUR khusus by plafond band, derived from KMK 317/2023's khusus bands "
        "(KurRules.build(special_subsidy_by_band=True), LOW; no source gives these points)."
    )
    return attrs.evolve(
        regime,
        value=_frozen_map({**totals, Scheme.SPECIAL: tuple(rows)}),
        confidence=LOW,
        note=note if regime.note is None else f"{regime.note} {note}",
    )


def build_subsidy(days: RuleDays) -> Timeline[TotalRateTable]:
    """The ``kur.subsidy`` timeline, its boundaries from ``days``.

    With ``days.special_subsidy_by_band`` the regimes before KMK 317/2023 also
    answer for KUR khusus, by plafond band (LOW, see :func:`_special_by_band`).
    """
    regimes = _subsidy_regimes(days)
    if days.special_subsidy_by_band:
        ceilings = build_ceilings(days)
        regimes = [
            _special_by_band(r, ceilings) if r.name in _SPECIAL_UNKNOWN else r for r in regimes
        ]
    return Timeline("kur.subsidy", regimes)


def _subsidy_regimes(days: RuleDays) -> list[Regime[TotalRateTable]]:
    total_rates: TotalRateTable = {
        Scheme.SUPER_MICRO: ((None, _d(18)),),
        Scheme.MICRO: ((None, _d(16)),),
        Scheme.SMALL: ((None, _d("11.5")),),
        Scheme.SPECIAL: ((10 * _JT, _d(18)), (100 * _JT, _d(16)), (None, _d("11.5"))),
        Scheme.MIGRANT_WORKER: ((None, _d("19.5")),),
    }
    return [
        _regime(
            "pmk-146-2015",
            days.relaunch,
            date(2015, 12, 31),
            Citation(_PMK_146, note="subsidy mikro 7, ritel 3, TKI 12 points on 12 %"),
            _totals("19", "15", "24"),
            note="Set 30 Jul 2015 (kontan; tribunnews 7 Aug 2015, citing setkab).",
        ),
        _regime(
            "kmk-1355-2015",
            date(2016, 1, 1),
            date(2016, 12, 31),
            Citation(
                _KMK_1355,
                note="mikro 10 points on 9 % (total 19); ritel and TKI not found",
            ),
            # Only the scheme whose points two sources agree on: asking for
            # ritel (kecil) or TKI in 2016 is no rule in force.
            _frozen_map({Scheme.MICRO: ((None, _d(19)),)}),
            MEDIUM,
            "Mikro: the bank received 19 %, 9 paid by the debtor and 10 subsidised "
            "(Komite KUR secretary, republika 24 May 2016; BRI, detik 25 Oct 2016): the "
            "value is HIGH. The KMK's table was not seen (studylibid shows its first page "
            "only), so the instrument is MEDIUM; ritel and TKI 2016 points not found.",
        ),
        _regime(
            "kur-2017",
            date(2017, 1, 1),
            date(2017, 12, 31),
            Citation("KMK besaran subsidi bunga KUR 2017", note="number not seen"),
            _totals("18.5", "13.5", "21"),
            MEDIUM,
            "Totals received by the bank in 2017 (CNN Indonesia 8 Dec 2017): subsidy "
            "mikro 9.5, ritel 4.5, TKI 12 points on 9 %.",
        ),
        _regime(
            "kmk-372-2017",
            date(2018, 1, 1),
            date(2019, 12, 31),
            Citation(_KMK_372, note="subsidy mikro 10.5, kecil 5.5, TKI 14 points on 7 %"),
            _totals("17.5", "12.5", "21"),
            MEDIUM,
            "CNN Indonesia 8 Dec 2017 (Kemenko deputy): totals 17.5 / 12.5 / 21; TKI 14 "
            "points also tempo.co 21 Mar 2018 (Menteri Koperasi dan UKM). KMK 317/2023 "
            "revokes KMK 372/2017, which fits it being the 2018 decision.",
        ),
        _regime(
            "kmk-372-2017-2020",
            START_2020,
            days.before_super_micro,
            Citation(_KMK_372, note="subsidy mikro 10.5, kecil 5.5, TKI 14 points on 6 %"),
            _totals("16.5", "11.5", "20"),
            MEDIUM,
            "liputan6 21 Jan 2020 (Kemenko deputy). The KMK texts were not seen.",
        ),
        *(
            _regime(
                name,
                start,
                end,
                Citation(
                    instrument,
                    note="mikro 10.5, kecil 5.5, TKI/PMI 14, super mikro 13 points on 6 %",
                ),
                _totals("16.5", "11.5", "20", super_micro="19"),
                MEDIUM,
                "Super mikro 13 points: okezone 7 Sep 2020. 2021: the Kemenko deputy "
                "gave super mikro 13 (of 19), mikro 10.5, kecil 5.5, TKI 14 (kompas via "
                "nusabali, 23 Jun 2021). The amending KMKs were not seen. KUR khusus: no "
                "source (opt-in special_subsidy_by_band). The pandemic extra subsidy is "
                "its own component (kur.pandemic_relief).",
            )
            for name, start, end, instrument in (
                ("kmk-436-2020", days.super_micro_from, END_2020, _KMK_2020),
                ("kmk-96-2021", START_2021, END_2021, _KMK_2021),
            )
        ),
        _regime(
            "kmk-91-2022",
            START_2022,
            min(days.end_pre_tier, days.kmk_317_from - _ONE_DAY),
            Citation(
                _KMK_2022,
                note="super mikro 12, mikro 10, kecil 5.5, PMI 13.5 points on 6 %",
            ),
            _totals("16", "11.5", "19.5", super_micro="18"),
            MEDIUM,
            "Komite Kebijakan decision of 29 Dec 2021 (kompas via kontan 30 Dec 2021): "
            "2022 subsidy cut by 1 point for super mikro and 0.5 for mikro and PMI; the "
            "totals equal KMK 317/2023's first-access totals. tempo (13 Jul 2022) "
            "quotes a 16.5 % mikro total (13.5 subsidised on a 3 % borrower rate): the "
            "official decision is preferred.",
        ),
        _regime(
            "kmk-317-2023",
            days.kmk_317_from,
            days.end_2025,
            Citation(
                _KMK_317,
                "Diktum",
                note="set 1 Sep 2023; for akad signed from 27 Jan 2023",
            ),
            total_rates,
            note="Subsidy + borrower rate = total received by the lender. The KMK applies "
            "to agreements signed from 27 Jan 2023 (bisnis.com 4 Sep 2023, quoting it); "
            "first day: parameter kmk_317_from. Ends with the 2025 tiers; 2026 subsidy "
            "rates unknown (open question 3).",
        ),
    ]


def build_disaster_rates(_days: RuleDays) -> Timeline[DisasterRate]:
    """The ``kur.disaster_rate`` timeline (its dates are its own, whatever ``days``)."""
    provinces = frozenset({"11", "12", "13"})  # Aceh, Sumatera Utara, Sumatera Barat
    disaster_citation = Citation(
        "Kebijakan KUR wilayah bencana", note="Menko Perekonomian, Dec 2025 / 9 Jan 2026"
    )
    return Timeline(
        "kur.disaster_rate",
        [
            _regime(
                "bencana-2026",
                date(2026, 1, 1),
                date(2026, 12, 31),
                disaster_citation,
                DisasterRate(_d(0), provinces),
                MEDIUM,
            ),
            _regime(
                "bencana-2027",
                date(2027, 1, 1),
                date(2027, 12, 31),
                disaster_citation,
                DisasterRate(_d(3), provinces),
                MEDIUM,
            ),
            _regime(
                "bencana-2028",
                date(2028, 1, 1),
                None,
                disaster_citation,
                DisasterRate(_d(6), provinces),
                MEDIUM,
            ),
        ],
    )
