"""The pandemic relief on KUR instalments (2020-2022), as dated data."""

from __future__ import annotations

from datetime import date

from koperasi_id.kur._rule_sources import (
    _RELIEF_2020,
    _RELIEF_DECISION,
    END_2020,
    END_2021,
    MEDIUM,
    START_2021,
    START_2022,
    RuleDays,
    _d,
    _regime,
)
from koperasi_id.kur._rule_values import (
    PandemicRelief,
)
from koperasi_id.kur._schemes import Collectibility
from koperasi_id.law import Citation, Timeline


# Everything below builds DEFAULT_RULES when the module is imported, before mutmut
# switches a mutant on, so mutmut skips it; scripts/mutate_law.py changes its legal
# numbers and dates instead (docs/guide/testing.md, "Mutation score").
# pragma: no mutate block
def build_relief(_days: RuleDays) -> Timeline[PandemicRelief]:
    """The ``kur.pandemic_relief`` timeline (its dates are its own, whatever ``days``)."""
    eligible = frozenset({Collectibility.CURRENT, Collectibility.SPECIAL_MENTION})
    return Timeline(
        "kur.pandemic_relief",
        [
            _regime(
                "relief-2020",
                date(2020, 4, 1),
                END_2020,
                Citation(
                    _RELIEF_2020,
                    "Pasal 6 ayat (1) huruf a; Pasal 5A",
                    note="tambahan subsidi bunga 6 % to 31 Dec 2020",
                ),
                PandemicRelief(extra_subsidy=_d(6), collectibility=eligible, akad_until=END_2020),
                MEDIUM,
                "Window from 1 Apr 2020 (Permenko 6/2020 Pasal 6 ayat (1) huruf a, quoted by "
                "kontan); first enacted as 6 % for 3 months then 3 % for 3 months (Permenko "
                "8/2020, Pasal 5A: liputan6 13 Aug 2020, sindonews 14 Aug 2020), extended to 6 % "
                "until Dec 2020 (Permenko 16/2020; liputan6 and DDTC "
                "13 Aug 2020, okezone 7 Sep 2020): the final reading is encoded. Old and new "
                "KUR, collectibility 1 or 2 (as of 29 Feb 2020 for old KUR), akad until 31 Dec "
                "2020. The 6 points come off the agreed rate, never below 0 (MEDIUM for "
                "pre-2020 loans at 7 %).",
            ),
            _regime(
                "relief-2021-h1",
                START_2021,
                date(2021, 6, 30),
                Citation(_RELIEF_DECISION, note="3 % for 6 months from Jan 2021"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                MEDIUM,
                "Menko Perekonomian 29 Dec 2020 (tribunnews, jpnn). Conditions assumed as in "
                "2020 (collectibility 1–2); akad date not restricted.",
            ),
            _regime(
                "relief-2021-h2",
                date(2021, 7, 1),
                END_2021,
                Citation(_RELIEF_DECISION, note="3 % from 1 Jul 2021 to 31 Dec 2021"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                MEDIUM,
                "bisnis.com 5 May 2021; nusabali 23 Jun 2021 (as quoted in issue 14).",
            ),
            _regime(
                "relief-2022-h1",
                START_2022,
                date(2022, 6, 30),
                Citation(_RELIEF_DECISION, note="3 % until 30 Jun 2022"),
                PandemicRelief(extra_subsidy=_d(3), collectibility=eligible),
                MEDIUM,
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
