"""Citations, law versions and the decision type shared by the cooperative rules.

UU 17/2012 is never applied (R1): the governing-law timeline has no regime for
it, and every rule refuses a caller's regime that cites it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Generic, TypeVar

import attrs

from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import LawVersion, RuleBasis
from koperasi_id.decisions import Decision
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "CIPTA_KERJA_FROM",
    "GOVERNING_LAW",
    "P2SK_FROM",
    "UU_25_1992_FROM",
    "CooperativeDecision",
    "cites_annulled_statute",
    "governing_law",
    "reject_annulled",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

#: UU 25/1992 on Perkoperasian, enacted 21 Oct 1992 (LN 1992 No. 116).
UU_25_1992_FROM = date(1992, 10, 21)
#: UU 11/2020 (Cipta Kerja) promulgated; its Pasal 86 amends UU 25/1992.
#: Confidence M: the promulgation date is not confirmed in a primary source.
CIPTA_KERJA_FROM = date(2020, 11, 2)
#: UU 4/2023 (P2SK) in force; confidence M (12 Jan 2023 not seen in the text).
P2SK_FROM = date(2023, 1, 12)

UU_25_1992 = "UU 25/1992"
# The instrument is the one in force on the regime's first day; its successor
# (Perppu 2/2022, then UU 6/2023, same Pasal 86 text) is named in the note.
CIPTA_KERJA = "UU 11/2020 Pasal 86"
CIPTA_KERJA_NOW = "kini UU 6/2023"
P2SK = "UU 4/2023 (P2SK)"
MK_ANNULMENT = "Putusan MK 28/PUU-XI/2013"

GOVERNING_LAW: Timeline[LawVersion] = Timeline(
    "cooperatives.governing_law",
    [
        Regime(
            name="uu-25-1992",
            valid_from=UU_25_1992_FROM,
            valid_to=date(2020, 11, 1),
            citation=Citation(
                UU_25_1992,
                note="UU 17/2012 (30 Oct 2012) was annulled in full by MK 28/PUU-XI/2013 "
                "on 28 May 2014; UU 25/1992 governs throughout",
            ),
            confidence=Confidence.HIGH,
            value=LawVersion.ORIGINAL,
        ),
        Regime(
            name="uu-11-2020-pasal-86",
            valid_from=CIPTA_KERJA_FROM,
            valid_to=date(2023, 1, 11),
            citation=Citation(
                CIPTA_KERJA, note=f"{CIPTA_KERJA_NOW}; amends Pasal 6, 21, 22, 43; inserts 44A"
            ),
            confidence=Confidence.MEDIUM,
            value=LawVersion.CIPTA_KERJA,
            note="start date (promulgation 2 Nov 2020) is M confidence",
        ),
        Regime(
            name="uu-4-2023-p2sk",
            valid_from=P2SK_FROM,
            citation=Citation(P2SK, "Pasal 202", note="savings-and-loan: open/closed loop"),
            confidence=Confidence.MEDIUM,
            value=LawVersion.CIPTA_KERJA_P2SK,
            note="start date (12 Jan 2023) is M confidence",
        ),
    ],
    contiguous=True,
)
register(
    GOVERNING_LAW,
    description_id="versi undang-undang perkoperasian yang berlaku",
    description_en="the version of the cooperatives statute in force",
    unit=Unit.CODES,
    module=__name__,
    value_type=LawVersion,
)

# "UU 17/2012", "UU No. 17 Tahun 2012", "Undang-Undang Nomor 17 Tahun 2012" ...
_ANNULLED = re.compile(
    r"\b(?:uu|undang[- ]undang)\b\D{0,20}\b17\s*(?:/|\btahun\b)\s*2012\b", re.IGNORECASE
)


def governing_law(*, as_of: date, rules: Timeline[LawVersion] = GOVERNING_LAW) -> LawVersion:
    """The version of UU 25/1992 in force on ``as_of`` (R2); never UU 17/2012 (R1).

    >>> governing_law(as_of=date(2013, 6, 1))
    <LawVersion.ORIGINAL: 'uu_25_1992'>
    >>> governing_law(as_of=date(2020, 11, 2)).label
    'UU 25/1992 sebagaimana diubah UU Cipta Kerja'
    """
    version: LawVersion = checked(rules, as_of).value
    return version


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


def reject_annulled(regimes: Iterable[Regime[Any]]) -> None:
    """Refuse a regime that rests on UU 17/2012 (R1) with :class:`~koperasi_id.errors.RuleInputError`."""
    for regime in regimes:
        if cites_annulled_statute(regime.citation):
            raise RuleInputError(
                f"regime {regime.name!r} cites {regime.citation}: UU 17/2012 was annulled in full "
                f"by the Constitutional Court ({MK_ANNULMENT}, 28 May 2014) and never applies; "
                "UU 25/1992 as amended governs"
            )


def checked(timeline: Timeline[Any], as_of: date) -> Regime[Any]:
    """The regime in force on ``as_of``, refusing UU 17/2012."""
    regime = timeline.at(as_of)
    reject_annulled((regime,))
    return regime


def checked_or_none(timeline: Timeline[Any], as_of: date) -> Regime[Any] | None:
    """Like :func:`checked`, but ``None`` when no regime covers ``as_of``."""
    regime = timeline.find(as_of)
    if regime is not None:
        reject_annulled((regime,))
    return regime


def enum_argument(value: object, cls: type[E], name: str) -> E:
    """``value`` if it is a member of ``cls``; a :class:`~koperasi_id.errors.RuleInputError` naming the members.

    A wire value (``"syariah"``) is refused, not guessed at: compared with the
    members it would silently answer for another case.
    """
    if isinstance(value, cls):
        return value
    members = ", ".join(f"{cls.__name__}.{m.name}" for m in cls)
    raise RuleInputError(
        f"{name} is one of {members}, not {mask(value, limit=40, quote=True)}; "
        f"{cls.__name__}(value) turns a wire "
        "value into one"
    )


def bool_argument(value: object, name: str) -> None:
    """Refuse a non-bool flag: ``"false"`` from a form is truthy and would mean True."""
    if type(value) is not bool:
        raise RuleInputError(f"{name} is True or False, not {mask(value, limit=40, quote=True)}")


@attrs.frozen(kw_only=True)
class CooperativeDecision(Decision[T], Generic[T]):
    """A decision of a cooperative rule: which rule (``"R7"``) and on what basis.

    ``basis`` tells statute from ministerial regulation from programme rules
    (the Merah Putih circular is a programme rule, not law).
    """

    rule: str
    basis: RuleBasis = RuleBasis.STATUTE
