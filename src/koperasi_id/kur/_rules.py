"""The KUR law as dated data: every threshold, rate and limit in a Timeline.

:class:`KurRules` bundles one :class:`~koperasi_id.law.Timeline` per rule.
:data:`DEFAULT_RULES` is the library's reading of the domain note;
:meth:`KurRules.build` rebuilds it with different choices for the dates the
note could not pin down, and ``attrs.evolve(rules, rates=...)`` swaps in a
caller's own timeline for any single rule.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from koperasi_id.errors import RuleInputError
from koperasi_id.kur._schemes import Collectibility, CreditKind, Scheme
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.msme import KUR_2026_OMZET

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
    "ReliefBasis",
    "TenorLimit",
]

T = TypeVar("T")
_ONE_DAY = timedelta(days=1)
_JT = Decimal(1_000_000)

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
    ) -> KurRules:
        """The library's KUR law with the uncertain dates and choices as parameters.

        ``flat_rate_2026=False`` keeps the 2023 tiers and access limits after
        Permenko 1/2026 (the reading of the one conflicting 2026 source).
        ``kur_relaunch`` is the first day of the 2015 KUR, ``super_micro_from``
        the first day of super mikro (Permenko 15/2020), ``relief_basis`` which
        day of an instalment period decides the pandemic relief.

        >>> late = KurRules.build(tiered_from=date(2023, 9, 1))
        >>> late.rates.at(date(2023, 8, 31)).name
        'permenko-1-2022'
        """
        if not (
            date(2022, 1, 1) < tiered_from <= permenko_12_2025_from < permenko_1_2026_from
            and date(2021, 1, 1) < collateral_100jt_from <= date(2022, 1, 1)
            and date(2015, 1, 1) <= kur_relaunch <= date(2015, 12, 31)
            and date(2020, 1, 1) < super_micro_from <= date(2020, 12, 31)
            and date(2023, 1, 1) <= kmk_317_from < permenko_1_2026_from
        ):
            raise RuleInputError(
                "dates must satisfy 2022-01-01 < tiered_from <= permenko_12_2025_from "
                "< permenko_1_2026_from, 2021-01-01 < collateral_100jt_from <= 2022-01-01, "
                "kur_relaunch in 2015, 2020-01-01 < super_micro_from <= 2020-12-31 and "
                "2023-01-01 <= kmk_317_from < permenko_1_2026_from"
            )
        if not isinstance(relief_basis, ReliefBasis):
            raise ValueError(f"relief_basis is a ReliefBasis, not {type(relief_basis).__name__}")
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
        )


# ---------------------------------------------------------------- citations

_KUR_2015 = "Permenko Perekonomian 6/2015 jo. 8/2015"
_KUR_2016 = "Permenko Perekonomian 8/2015 jo. 13/2015"
_KUR_2017 = "Pedoman Pelaksanaan KUR 2017 (Permenko Perekonomian; number not seen)"
_KUR_2018 = "Permenko Perekonomian 11/2017 jo. 8/2018"
_KUR_2019 = "Permenko Perekonomian 11/2017 jo. 8/2018 jo. 6/2019"
_P8_2019 = "Permenko Perekonomian 8/2019"
_KUR_2020 = "Permenko Perekonomian 8/2019 jo. 15/2020"
_KUR_2021 = "Permenko Perekonomian 8/2019 jo. 15/2020 jo. 2/2021"
_P1_2022 = "Permenko Perekonomian 1/2022"
_P1_2023 = "Permenko Perekonomian 1/2023"
_P12_2025 = "Permenko Perekonomian 12/2025"
_P1_2026 = "Permenko Perekonomian 1/2026"
_KMK_317 = "KMK 317/2023"
_PMK_146 = "PMK 146/PMK.05/2015"
_KMK_1355 = "KMK 1355/KMK.05/2015 (Besaran Subsidi Bunga KUR)"
_KMK_372 = "KMK 372/2017"
_KMK_2020 = "KMK 372/2017 jo. KMK 436/2020"
_KMK_2021 = "KMK 372/2017 jo. KMK 436/2020 jo. KMK 96/2021"
_KMK_2022 = "KMK 372/2017 jo. KMK 436/2020 jo. KMK 96/2021 jo. KMK 91/2022"
_RELIEF_2020 = "Permenko Perekonomian 6/2020 jo. 8/2020 jo. 16/2020"
_RELIEF_DECISION = "Keputusan Komite Kebijakan Pembiayaan bagi UMKM (tambahan subsidi bunga KUR)"


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
    micro_ceiling: int,
    pmi_ceiling: int,
    pmi_confidence: Confidence,
    *,
    super_micro: bool = True,
    special: bool = True,
    confidence: Confidence = Confidence.HIGH,
) -> Mapping[Scheme, PlafondBand]:
    """The plafond bands of one regime; a scheme that did not exist is absent."""
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
        bands[Scheme.SPECIAL] = PlafondBand(zero, top, confidence)
    return _frozen_map(bands)


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
) -> KurRules:
    start_2020, end_2020 = date(2020, 1, 1), date(2020, 12, 31)
    before_super_micro = super_micro_from - _ONE_DAY
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
            _regime(
                "kur-2015",
                relaunch,
                date(2017, 12, 31),
                Citation(_KUR_2015, note="mikro ≤ Rp25 jt, ritel Rp25–500 jt, TKI ≤ Rp25 jt"),
                _bands(25, 25, medium, super_micro=False, special=False, confidence=medium),
                medium,
                "detik 17 Jun 2015 (mikro ≤ Rp25 jt); KUR ritel (here `kecil`) above it to "
                "Rp500 jt; the 2015–2017 Permenko texts were not seen.",
            ),
            *(
                _regime(
                    name,
                    date(year, 1, 1),
                    date(year, 12, 31),
                    Citation(instrument, note="mikro ≤ Rp25 jt, kecil Rp25–500 jt, TKI ≤ Rp25 jt"),
                    _bands(25, 25, medium, super_micro=False, confidence=medium),
                    medium,
                    "KUR khusus ≤ Rp500 jt from 2018 is LOW.",
                )
                for name, year, instrument in (
                    ("permenko-11-2017", 2018, _KUR_2018),
                    ("permenko-6-2019", 2019, _KUR_2019),
                )
            ),
            _regime(
                "kur-2020",
                start_2020,
                before_super_micro,
                Citation(_P8_2019, note="mikro ≤ Rp50 jt, kecil Rp50–500 jt; no super mikro yet"),
                _bands(50, 25, low, super_micro=False, confidence=medium),
                medium,
                "Mikro up to Rp50 jt before Permenko 15/2020 (issue 14; okezone 7 Sep 2020).",
            ),
            _regime(
                "kur-2020-super-mikro",
                super_micro_from,
                end_2020,
                Citation(
                    _KUR_2020, note="super mikro ≤ Rp10 jt, mikro Rp10–50 jt (okezone 7 Sep 2020)"
                ),
                _bands(50, 25, low),
                medium,
                "First day is the parameter super_micro_from (LOW); PMI Rp25 jt (LOW).",
            ),
            _regime(
                "kur-2021",
                start_2021,
                end_2021,
                Citation(_KUR_2021, note="plafon mikro Rp10–50 jt (databoks 2021)"),
                _bands(50, 25, low),
                medium,
                "Mikro above Rp10 jt to Rp50 jt, Kecil above Rp50 jt; PMI Rp25 jt (LOW).",
            ),
            _regime(
                "permenko-1-2022",
                start_2022,
                end_2025,
                Citation(_P1_2022, note="as amended by Permenko 1/2023 and 12/2025"),
                _bands(100, 100, medium),
                note="Mikro from Rp10-50 jt to Rp10-100 jt for 2022: Komite Kebijakan "
                "29 Dec 2021 (kompas via kontan 30 Dec 2021), Permenko 1/2022, CNBC 4 Sep "
                "2023 (HIGH); the first day, 1 Jan 2022, is MEDIUM. "
                "PMI Rp100 jt from Permenko 1/2022 ('peningkatan plafon PMI'): MEDIUM.",
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
            "kur-2015",
            relaunch,
            date(2015, 12, 31),
            Citation(_KUR_2015, note="12 % efektif (from 22 %); kontan and kompas 26 Jun 2015"),
            _flat_rates("12", None, special=False),
            medium,
            "Rate HIGH (kontan, kompas, liputan6 21 Jan 2020); first day MEDIUM "
            "(parameter kur_relaunch).",
        ),
        _regime(
            "kur-2016",
            date(2016, 1, 1),
            date(2016, 12, 31),
            Citation(_KUR_2016, note="9 % from 1 Jan 2016 (liputan6 28 Dec 2015)"),
            _flat_rates("9", None, special=False),
        ),
        _regime(
            "kur-2017",
            date(2017, 1, 1),
            date(2017, 12, 31),
            Citation(_KUR_2017, note="9 % (CNN Indonesia 8 Dec 2017: 'turun dari 9 persen')"),
            _flat_rates("9", None, special=False),
            medium,
        ),
        *(
            _regime(
                name,
                date(year, 1, 1),
                date(year, 12, 31),
                Citation(
                    instrument,
                    note="7 % (CNN 8 Dec 2017; okezone 18 Jan 2018; liputan6 21 Jan 2020)",
                ),
                _flat_rates("7", None),
                note="KUR khusus at 7 % from 2018 is LOW.",
            )
            for name, year, instrument in (
                ("permenko-11-2017", 2018, _KUR_2018),
                ("permenko-6-2019", 2019, _KUR_2019),
            )
        ),
        _regime(
            "kur-2020",
            start_2020,
            before_super_micro,
            Citation(_P8_2019, note="6 % efektif from 1 Jan 2020 (liputan6 21 Jan 2020)"),
            _flat_rates("6", None),
        ),
        _regime(
            "kur-2020-super-mikro",
            super_micro_from,
            end_2020,
            Citation(_KUR_2020, note="6 % for every scheme, super mikro too (okezone 7 Sep 2020)"),
            _flat_rates("6", "6"),
            medium,
            "Borrowers paid 0 % in 2020 through the pandemic relief (kur.pandemic_relief), "
            "not through the scheme rate. First day: parameter super_micro_from (LOW).",
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

    pre_2020_tenors = _frozen_map(
        {
            scheme: limit
            for scheme, limit in tenor_table(low).items()
            if scheme is not Scheme.SUPER_MICRO
        }
    )
    tenors = Timeline(
        "kur.tenor",
        [
            _regime(
                "kur-2015",
                relaunch,
                date(2019, 12, 31),
                Citation(_KUR_2015, note="assumed as in 2020: KMK 3 y, KI 5 y, extended 4 y / 7 y"),
                pre_2020_tenors,
                low,
                "The 2015–2019 tenor articles were not seen; the 2020 limits are assumed.",
            ),
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
                "pmk-146-2015",
                relaunch,
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
                medium,
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
                medium,
                "Totals received by the bank in 2017 (CNN Indonesia 8 Dec 2017): subsidy "
                "mikro 9.5, ritel 4.5, TKI 12 points on 9 %.",
            ),
            _regime(
                "kmk-372-2017",
                date(2018, 1, 1),
                date(2019, 12, 31),
                Citation(_KMK_372, note="subsidy mikro 10.5, kecil 5.5, TKI 14 points on 7 %"),
                _totals("17.5", "12.5", "21"),
                medium,
                "CNN Indonesia 8 Dec 2017 (Kemenko deputy): totals 17.5 / 12.5 / 21. "
                "KMK 317/2023 revokes KMK 372/2017, which fits it being the 2018 decision.",
            ),
            _regime(
                "kmk-372-2017-2020",
                start_2020,
                before_super_micro,
                Citation(_KMK_372, note="subsidy mikro 10.5, kecil 5.5, TKI 14 points on 6 %"),
                _totals("16.5", "11.5", "20"),
                medium,
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
                    medium,
                    "Super mikro 13 points: okezone 7 Sep 2020. The amending KMKs were not "
                    "seen; 2021 values assumed as 2020. KUR khusus is not encoded. The "
                    "pandemic extra subsidy is its own component (kur.pandemic_relief).",
                )
                for name, start, end, instrument in (
                    ("kmk-436-2020", super_micro_from, end_2020, _KMK_2020),
                    ("kmk-96-2021", start_2021, end_2021, _KMK_2021),
                )
            ),
            _regime(
                "kmk-91-2022",
                start_2022,
                min(end_pre_tier, kmk_317_from - _ONE_DAY),
                Citation(
                    _KMK_2022,
                    note="super mikro 12, mikro 10, kecil 5.5, PMI 13.5 points on 6 %",
                ),
                _totals("16", "11.5", "19.5", super_micro="18"),
                medium,
                "Komite Kebijakan decision of 29 Dec 2021 (kompas via kontan 30 Dec 2021): "
                "2022 subsidy cut by 1 point for super mikro and 0.5 for mikro and PMI; the "
                "totals equal KMK 317/2023's first-access totals. tempo (13 Jul 2022) "
                "quotes a 16.5 % mikro total (13.5 subsidised on a 3 % borrower rate): the "
                "official decision is preferred.",
            ),
            _regime(
                "kmk-317-2023",
                kmk_317_from,
                end_2025,
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
        ],
    )

    eligible = frozenset({Collectibility.CURRENT, Collectibility.SPECIAL_MENTION})
    relief = Timeline(
        "kur.pandemic_relief",
        [
            _regime(
                "relief-2020",
                date(2020, 4, 1),
                end_2020,
                Citation(
                    _RELIEF_2020,
                    "Pasal 6 ayat (1) huruf a; Pasal 5A",
                    note="tambahan subsidi bunga 6 % to 31 Dec 2020",
                ),
                PandemicRelief(extra_subsidy=_d(6), collectibility=eligible, akad_until=end_2020),
                medium,
                "Window from 1 Apr 2020 (Permenko 6/2020 Pasal 6 ayat (1) huruf a, quoted by "
                "kontan); first enacted as 6 % for 3 months then 3 % for 3 months (Permenko "
                "8/2020), extended to 6 % until Dec 2020 (Permenko 16/2020; liputan6 and DDTC "
                "13 Aug 2020, okezone 7 Sep 2020): the final reading is encoded. Old and new "
                "KUR, collectibility 1 or 2 (as of 29 Feb 2020 for old KUR), akad until 31 Dec "
                "2020. The 6 points come off the agreed rate, never below 0 (MEDIUM for "
                "pre-2020 loans at 7 %).",
            ),
            _regime(
                "relief-2021-h1",
                start_2021,
                date(2021, 6, 30),
                Citation(_RELIEF_DECISION, note="3 % for 6 months from Jan 2021"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                medium,
                "Menko Perekonomian 29 Dec 2020 (tribunnews, jpnn). Conditions assumed as in "
                "2020 (collectibility 1–2); akad date not restricted.",
            ),
            _regime(
                "relief-2021-h2",
                date(2021, 7, 1),
                end_2021,
                Citation(_RELIEF_DECISION, note="3 % from 1 Jul 2021 to 31 Dec 2021"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                medium,
                "bisnis.com 5 May 2021; nusabali 23 Jun 2021 (as quoted in issue 14).",
            ),
            _regime(
                "relief-2022-h1",
                start_2022,
                date(2022, 6, 30),
                Citation(_RELIEF_DECISION, note="3 % until 30 Jun 2022"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                medium,
                "voi.id 8 Mar 2022: the earlier decision ran 'hanya sampai 30 Juni 2022'.",
            ),
            _regime(
                "relief-2022-h2",
                date(2022, 7, 1),
                date(2022, 12, 31),
                Citation(_RELIEF_DECISION, note="3 % extended Jul–Dec 2022"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                note="bisnis.com and suaramerdeka 7 Mar 2022 ('Juli sampai Desember 2022'), "
                "tempo 13 Jul 2022 (ends Dec 2022). Collectibility condition assumed (MEDIUM).",
            ),
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
        relief=relief,
        relief_basis=relief_basis,
    )


#: The library's reading of the KUR law (see ``docs/rules/kur.md``).
DEFAULT_RULES = KurRules.build()

# The shipped timelines enter the register here, beside the rule set that holds them.
register(
    DEFAULT_RULES.ceilings,  # kur.ceiling
    description_id="rentang plafon tiap skema KUR",
    description_en="plafond band of each KUR scheme",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=Mapping[Scheme, PlafondBand],
    aliases=("kur.plafond",),
)
register(
    DEFAULT_RULES.rates,  # kur.rate
    description_id="suku bunga KUR tiap skema menurut akses ke berapa",
    description_en="KUR borrower rate of each scheme by access number",
    unit=Unit.PERCENT_PER_YEAR,
    module=__name__,
    value_type=RateTable,
    aliases=("kur.rate.tiers",),
)
register(
    DEFAULT_RULES.tenors,  # kur.tenor
    description_id="jangka waktu paling lama tiap skema dan jenis kredit",
    description_en="longest tenor of each scheme and credit kind",
    unit=Unit.MONTHS,
    module=__name__,
    value_type=Mapping[Scheme, TenorLimit],
)
register(
    DEFAULT_RULES.collateral,  # kur.collateral
    description_id="plafon paling tinggi tanpa agunan tambahan",
    description_en="highest plafond for which no additional collateral may be asked",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=CollateralRule,
)
register(
    DEFAULT_RULES.npwp,  # kur.npwp
    description_id="kapan penerima KUR wajib memiliki NPWP",
    description_en="when a KUR borrower must have an NPWP",
    unit=Unit.TABLE,
    module=__name__,
    value_type=NpwpRule,
)
register(
    DEFAULT_RULES.business_age,  # kur.business_age
    description_id="lama usaha paling singkat sebelum akad",
    description_en="shortest time a business must have run before the akad",
    unit=Unit.MONTHS,
    module=__name__,
    value_type=BusinessAgeRule,
)
register(
    DEFAULT_RULES.training_shortcut,  # kur.training_shortcut
    description_id="lama usaha KUR mikro setelah pelatihan atau pendampingan",
    description_en="business age enough for KUR mikro after training or mentoring",
    unit=Unit.MONTHS,
    module=__name__,
    value_type=int,
)
register(
    DEFAULT_RULES.access_limits,  # kur.access_limit
    description_id="jumlah akses KUR paling banyak tiap skema",
    description_en="most KUR agreements of one scheme a borrower may have",
    unit=Unit.COUNT,
    module=__name__,
    value_type=Mapping[Scheme, AccessLimit],
)
register(
    DEFAULT_RULES.existing_credit,  # kur.existing_credit
    description_id="kredit lain yang boleh dimiliki atau pernah dimiliki pemohon",
    description_en="other credit an applicant may hold or have held",
    unit=Unit.TABLE,
    module=__name__,
    value_type=ExistingCreditRule,
)
register(
    DEFAULT_RULES.outstanding_cap,  # kur.outstanding_cap
    description_id="batas baki debet KUR mikro untuk akses berulang",
    description_en="outstanding KUR cap for a repeat borrower",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=Decimal,
)
register(
    DEFAULT_RULES.total_rates,  # kur.subsidy
    description_id="suku bunga total yang diterima penyalur (bunga + subsidi)",
    description_en="total rate the lender receives (borrower rate plus subsidy)",
    unit=Unit.PERCENT_PER_YEAR,
    module=__name__,
    value_type=TotalRateTable,
    aliases=("kur.total_rates",),
)
register(
    DEFAULT_RULES.omzet,  # kur.omzet
    description_id="omzet tahunan paling tinggi penerima KUR",
    description_en="highest annual sales of a KUR borrower",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=Decimal,
)
register(
    DEFAULT_RULES.disaster_rates,  # kur.disaster_rate
    description_id="suku bunga KUR di provinsi terdampak bencana",
    description_en="KUR rate cap in disaster-struck provinces",
    unit=Unit.PERCENT_PER_YEAR,
    module=__name__,
    value_type=DisasterRate,
)
register(
    DEFAULT_RULES.exemption_38a,  # kur.exemption_38a
    description_id="syarat yang dikecualikan Pasal 38A (ultra mikro)",
    description_en="tests waived by Pasal 38A (ultra-micro)",
    unit=Unit.CODES,
    module=__name__,
    value_type=frozenset[str],
)
register(
    DEFAULT_RULES.relief,  # kur.pandemic_relief
    description_id="tambahan subsidi bunga KUR masa pandemi atas angsuran",
    description_en="extra pandemic interest subsidy on KUR instalments",
    unit=Unit.PERCENT_PER_YEAR,
    module=__name__,
    value_type=PandemicRelief,
)
