"""Citations and dates shared by the cooperative rules, and the UU 17/2012 guard (R1)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Regime, Timeline

#: UU 25/1992 on Perkoperasian, enacted 21 Oct 1992 (LN 1992 No. 116).
UU_25_1992_FROM = date(1992, 10, 21)
#: UU 11/2020 (Cipta Kerja) promulgated; its Pasal 86 amends UU 25/1992.
#: Confidence M: the promulgation date is not confirmed in a primary source.
CIPTA_KERJA_FROM = date(2020, 11, 2)
#: UU 4/2023 (P2SK) in force; confidence M (12 Jan 2023 not seen in the text).
P2SK_FROM = date(2023, 1, 12)

UU_25_1992 = "UU 25/1992"
UU_25_1992_AMENDED = "UU 25/1992 s.t.d.d. UU 6/2023"
CIPTA_KERJA = "UU 11/2020 Pasal 86 (kini UU 6/2023)"

# "UU 17/2012", "UU No. 17 Tahun 2012", "Undang-Undang Nomor 17 Tahun 2012" ...
_ANNULLED = re.compile(
    r"\b(?:uu|undang[- ]undang)\b\D{0,20}\b17\s*(?:/|\btahun\b)\s*2012\b", re.IGNORECASE
)


def cites_annulled_statute(citation: Citation) -> bool:
    """Whether ``citation`` names UU 17/2012, annulled in full by MK 28/PUU-XI/2013.

    >>> cites_annulled_statute(Citation("UU 17/2012", "Pasal 33"))
    True
    >>> cites_annulled_statute(Citation("Undang-Undang Nomor 17 Tahun 2012"))
    True
    >>> cites_annulled_statute(Citation("UU 25/1992", "Pasal 26"))
    False
    """
    text = f"{citation.instrument} {citation.article or ''}"
    return _ANNULLED.search(text) is not None


def reject_annulled(regimes: Iterable[Regime[Any]] | Timeline[Any]) -> None:
    """Refuse a caller's regime that rests on UU 17/2012 (R1)."""
    for regime in regimes:
        if cites_annulled_statute(regime.citation):
            raise RuleInputError(
                f"regime {regime.name!r} cites {regime.citation}: UU 17/2012 was annulled in full "
                "by the Constitutional Court (28/PUU-XI/2013, 28 May 2014) and never applies; "
                "UU 25/1992 as amended governs"
            )


def checked(timeline: Timeline[Any], as_of: date) -> Regime[Any]:
    """The regime in force on ``as_of``, refusing UU 17/2012."""
    regime = timeline.at(as_of)
    reject_annulled((regime,))
    return regime
