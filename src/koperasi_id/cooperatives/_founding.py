"""Founding: minimum number and kind of founders by date (R3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import cast

import attrs

from koperasi_id._numbers import check_whole
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import CooperativeForm
from koperasi_id.cooperatives._law import (
    CIPTA_KERJA,
    CIPTA_KERJA_FROM,
    CIPTA_KERJA_NOW,
    UU_25_1992,
    UU_25_1992_FROM,
    CooperativeDecision,
    checked,
    enum_argument,
)
from koperasi_id.cooperatives._parts import Founder
from koperasi_id.decisions import Finding
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = ["FOUNDER_MINIMUMS", "FounderMinimums", "check_founders", "founder_minimum"]


@attrs.frozen(kw_only=True)
class FounderMinimums:
    """Minimum founders: persons for a primary, cooperatives for a secondary cooperative."""

    persons: int
    cooperatives: int

    def for_form(self, form: CooperativeForm) -> int:
        """The minimum for ``form``."""
        return self.persons if form is CooperativeForm.PRIMARY else self.cooperatives


#: PP 7/2021, which restates the Cipta Kerja founder minimum, took effect on 2 Feb 2021
#: (the day msme's size criteria change too).
_PP_7_2021_FROM = date(2021, 2, 2)

#: UU 25/1992 Pasal 6: 20 persons / 3 cooperatives; from UU 11/2020 (Cipta Kerja)
#: Pasal 86: 9 persons / 3 cooperatives. The regime is chosen by the founding date.
FOUNDER_MINIMUMS: Timeline[FounderMinimums] = Timeline(
    "cooperatives.founder_minimums",
    [
        Regime(
            name="uu-25-1992-pasal-6",
            valid_from=UU_25_1992_FROM,
            valid_to=date(2020, 11, 1),
            citation=Citation(UU_25_1992, "Pasal 6 ayat (1)-(2)"),
            confidence=Confidence.HIGH,
            value=FounderMinimums(persons=20, cooperatives=3),
        ),
        # The statute sets the 9; PP 7/2021 restates it from its own first day, so a
        # founding before that day cites the statute alone.
        Regime(
            name="uu-11-2020-pasal-86",
            valid_from=CIPTA_KERJA_FROM,
            valid_to=_PP_7_2021_FROM - timedelta(days=1),
            citation=Citation(CIPTA_KERJA, "mengubah Pasal 6 UU 25/1992", CIPTA_KERJA_NOW),
            confidence=Confidence.MEDIUM,
            value=FounderMinimums(persons=9, cooperatives=3),
            note="the figure 9 is H; the start date 2020-11-02 (promulgation) is M",
        ),
        Regime(
            name="uu-11-2020-pasal-86-pasal-6",
            valid_from=_PP_7_2021_FROM,
            citation=Citation(
                CIPTA_KERJA, "mengubah Pasal 6 UU 25/1992; PP 7/2021", CIPTA_KERJA_NOW
            ),
            confidence=Confidence.MEDIUM,
            value=FounderMinimums(persons=9, cooperatives=3),
            note="the figure 9 is H (UU 11/2020; restated by PP 7/2021, in force from "
            "2021-02-02, Kemenkop via tempo); tagged M as the Cipta Kerja regime before it",
        ),
    ],
    contiguous=True,
)
register(
    FOUNDER_MINIMUMS,
    description_id="jumlah pendiri paling sedikit koperasi primer dan sekunder",
    description_en="fewest founders of a primary and of a secondary cooperative",
    unit=Unit.COUNT,
    module=__name__,
    value_type=FounderMinimums,
)


def founder_minimum(
    form: CooperativeForm,
    *,
    as_of: date,
    rules: Timeline[FounderMinimums] = FOUNDER_MINIMUMS,
) -> int:
    """The minimum number of founders for ``form`` on the founding date ``as_of``.

    >>> founder_minimum(CooperativeForm.PRIMARY, as_of=date(2020, 11, 1))
    20
    >>> founder_minimum(CooperativeForm.PRIMARY, as_of=date(2020, 11, 2))
    9
    >>> founder_minimum(CooperativeForm.SECONDARY, as_of=date(2020, 11, 2))
    3
    """
    form = enum_argument(form, CooperativeForm, "form")
    minimums: FounderMinimums = checked(rules, as_of).value
    return minimums.for_form(form)


def check_founders(
    form: CooperativeForm,
    founders: Sequence[Founder] | int,
    *,
    as_of: date,
    rules: Timeline[FounderMinimums] = FOUNDER_MINIMUMS,
) -> CooperativeDecision[bool]:
    """Check the founders of a cooperative founded on ``as_of`` (R3).

    ``founders`` is the list of :class:`Founder` or, when only the number is
    known, an ``int`` (then the kind of founder cannot be checked). For a
    :class:`Cooperative` ``c``: ``check_founders(c.form, c.founders,
    as_of=c.founding_date)``.

    >>> d = check_founders(CooperativeForm.PRIMARY, 9, as_of=date(2020, 11, 1))
    >>> d.outcome, d.failed_codes
    (False, ('cooperatives.founders_minimum',))
    >>> check_founders(CooperativeForm.PRIMARY, 9, as_of=date(2020, 11, 2)).outcome
    True
    """
    if isinstance(founders, bool) or (isinstance(founders, int) and founders < 0):
        raise RuleInputError(
            f"founders is a list of Founder or a count >= 0, not {mask(founders, limit=40, quote=True)}"
        )
    if isinstance(founders, int):
        check_whole(founders, path="$.founders")
    elif not isinstance(founders, Sequence) or not all(
        isinstance(f, Founder) for f in cast("Sequence[object]", founders)
    ):
        # Text is a Sequence too: its characters would reach f.is_person.
        raise RuleInputError(
            "founders is a list of Founder or a count >= 0, "
            f"not {mask(founders, limit=40, quote=True)}"
        )
    form = enum_argument(form, CooperativeForm, "form")
    regime = checked(rules, as_of)
    minimum: int = regime.value.for_form(form)
    count = founders if isinstance(founders, int) else len(founders)
    primary = form is CooperativeForm.PRIMARY
    what_id, what_en = ("orang", "persons") if primary else ("koperasi", "cooperatives")
    findings = [
        Finding(
            code="cooperatives.founders_minimum",
            passed=count >= minimum,
            message_id=f"Pendiri {count} {what_id}; minimum {minimum} {what_id} untuk "
            f"{form.label} yang didirikan pada {as_of.isoformat()}.",
            message_en=f"{count} founding {what_en}; a {form.value} cooperative founded on "
            f"{as_of.isoformat()} needs at least {minimum}.",
            citation=regime.citation,
            details={"count": str(count), "minimum": str(minimum), "regime": regime.name},
        )
    ]
    if not isinstance(founders, int):
        wrong = [i for i, f in enumerate(founders) if f.is_person != primary]
        findings.append(
            Finding(
                code="cooperatives.founders_kind",
                passed=not wrong,
                message_id=(
                    "Koperasi primer didirikan oleh orang-seorang."
                    if primary
                    else "Koperasi sekunder didirikan oleh badan hukum koperasi."
                )
                + (f" Pendiri tidak sesuai pada urutan {wrong}." if wrong else ""),
                message_en=(
                    "A primary cooperative is founded by natural persons."
                    if primary
                    else "A secondary cooperative is founded by cooperative legal entities."
                )
                + (f" Founders at positions {wrong} do not qualify." if wrong else ""),
                citation=Citation(UU_25_1992, "Pasal 1 angka 3-4, Pasal 6"),
                details={"positions": ",".join(map(str, wrong))},
            )
        )
    decision = CooperativeDecision(
        outcome=True, as_of=as_of, findings=tuple(findings), regimes=(regime.ref,), rule="R3"
    )
    return attrs.evolve(decision, outcome=decision.passed)
