"""What the KUR rule builders share: the instruments cited, the regime helper, the days.

:class:`RuleDays` carries the dates :meth:`~koperasi_id.kur.KurRules.build`
takes as parameters (the ones the domain note could not pin down) and the
days derived from them; every ``build_*`` function of the ``_rules_*``
modules reads its boundaries from it, so one choice moves every rule at once.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

import attrs

from koperasi_id.law import Citation, Confidence, Regime

__all__ = ["LOW", "MEDIUM", "PedomanPeriod", "RuleDays", "pandemic_years", "pedoman_periods"]

T = TypeVar("T")
_ONE_DAY = timedelta(days=1)
_JT = Decimal(1_000_000)
MEDIUM, LOW = Confidence.MEDIUM, Confidence.LOW
START_2020, END_2020 = date(2020, 1, 1), date(2020, 12, 31)
START_2021, END_2021 = date(2021, 1, 1), date(2021, 12, 31)
START_2022 = date(2022, 1, 1)


@attrs.frozen(kw_only=True)
class RuleDays:
    """The build parameters' days, and the days that follow from them."""

    tiered_from: date
    collateral_100jt_from: date
    p12_2025: date
    p1_2026: date
    flat_rate_2026: bool
    relaunch: date
    super_micro_from: date
    kmk_317_from: date
    #: Opt-in LOW reading: KUR khusus before KMK 317/2023 subsidised as the
    #: regular scheme whose plafond band holds its akad amount.
    special_subsidy_by_band: bool = False

    @property
    def before_super_micro(self) -> date:
        """The last day before super mikro."""
        return self.super_micro_from - _ONE_DAY

    @property
    def end_pre_tier(self) -> date:
        """The last day before the 2023 tiers."""
        return self.tiered_from - _ONE_DAY

    @property
    def end_2025(self) -> date:
        """The last day before Permenko 1/2026."""
        return self.p1_2026 - _ONE_DAY

    @property
    def tiered_end(self) -> date | None:
        """The last day of the 2023 tiers (``None``: kept after 2025)."""
        return self.end_2025 if self.flat_rate_2026 else None


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


# Everything below builds DEFAULT_RULES when the module is imported, before mutmut
# switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes its legal
# numbers and dates instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
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


@attrs.frozen(kw_only=True)
class PedomanPeriod:
    """The span of akad dates one Pedoman Pelaksanaan KUR (as amended) governed.

    Every KUR rule before Permenko 1/2022 cites the Pedoman of its akad date, so
    its regimes split where these periods do (a 2020 akad before super mikro
    never cites Permenko 15/2020, a 2017 akad never the 2015 text).
    """

    name: str
    start: date
    end: date
    instrument: str
    #: Whether KUR khusus and super mikro existed on these akad dates.
    special: bool
    super_micro: bool


def pedoman_periods(days: RuleDays) -> tuple[PedomanPeriod, ...]:
    """The Pedoman periods from the relaunch to the last day before Permenko 1/2022."""
    # (name, first day, last day, instrument, KUR khusus exists, super mikro exists)
    table = (
        ("kur-2015", days.relaunch, date(2015, 12, 31), _KUR_2015, False, False),
        ("kur-2016", date(2016, 1, 1), date(2016, 12, 31), _KUR_2016, False, False),
        ("kur-2017", date(2017, 1, 1), date(2017, 12, 31), _KUR_2017, False, False),
        ("permenko-11-2017", date(2018, 1, 1), date(2018, 12, 31), _KUR_2018, True, False),
        ("permenko-6-2019", date(2019, 1, 1), date(2019, 12, 31), _KUR_2019, True, False),
        ("kur-2020", START_2020, days.before_super_micro, _P8_2019, True, False),
        ("kur-2020-super-mikro", days.super_micro_from, END_2020, _KUR_2020, True, True),
        ("kur-2021", START_2021, END_2021, _KUR_2021, True, True),
    )
    return tuple(
        PedomanPeriod(
            name=name,
            start=start,
            end=end,
            instrument=instrument,
            special=special,
            super_micro=super_micro,
        )
        for name, start, end, instrument, special, super_micro in table
    )


def pandemic_years(
    days: RuleDays,
    value: T,
    note: str,
    *,
    before_super_micro: T | None = None,
    regime_note: str | None = None,
) -> list[Regime[T]]:
    """One regime per Pedoman period of 2020–2021, so that no akad cites a later amendment.

    ``before_super_micro`` is the value before Permenko 15/2020 (default ``value``).
    """
    return [
        _regime(
            period.name,
            period.start,
            period.end,
            Citation(period.instrument, note=note),
            value if period.super_micro or before_super_micro is None else before_super_micro,
            MEDIUM,
            regime_note,
        )
        for period in pedoman_periods(days)
        if period.start >= START_2020
    ]
