"""Run every founding and governance rule that applies to one cooperative on a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from koperasi_id.cooperatives._activity import latest_due_fiscal_year
from koperasi_id.cooperatives._founding import check_founders
from koperasi_id.cooperatives._governance import (
    check_board_terms,
    check_organs,
    check_rat,
)
from koperasi_id.cooperatives._law import CooperativeDecision
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.cooperatives._programmes import (
    MERAH_PUTIH_RULES,
    check_merah_putih,
    check_multi_stakeholder,
)
from koperasi_id.errors import RuleInputError

__all__ = ["governance_review"]


def _latest_rat_due(
    cooperative: Cooperative, *, as_of: date, articles_deadline: int | None = None
) -> int | None:
    """The latest fiscal year whose RAT deadline has passed by ``as_of``, or ``None``.

    >>> from koperasi_id.cooperatives import CooperativeForm, CooperativeKind, MembershipArea
    >>> from koperasi_id.identifiers import NomorBadanHukum
    >>> from koperasi_id.regions import RegionCode
    >>> c = Cooperative(name="Koperasi Jasa Contoh",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("AHU-0000001.AH.01.26.TAHUN 2021"),),
    ...     deed_approved_on=date(2021, 3, 1), form=CooperativeForm.PRIMARY,
    ...     kind=CooperativeKind.SERVICES, region=RegionCode.parse("18.71"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=9)
    >>> _latest_rat_due(c, as_of=date(2024, 6, 30)), _latest_rat_due(c, as_of=date(2024, 7, 1))
    (2022, 2023)
    >>> _latest_rat_due(c, as_of=date(2022, 6, 30)) is None
    True
    """
    year = latest_due_fiscal_year(
        cooperative.fiscal_year_end, as_of=as_of, articles_deadline=articles_deadline
    )
    return year if year >= cooperative.first_fiscal_year else None


def governance_review(
    cooperative: Cooperative,
    *,
    as_of: date,
    articles_deadline: int | None = None,
) -> tuple[CooperativeDecision[Any], ...]:
    """Every founding and governance decision that applies on ``as_of``.

    Founders (R3, when recorded, judged on the founding date), organs (R4),
    board terms (R11), the RAT of the latest fiscal year whose deadline has
    passed (R7), Multi Pihak (R5, when flagged) and Merah Putih (R6, when
    flagged and the programme rules are in force). Use the shipped timelines;
    call the single rules to pass your own.

    >>> from koperasi_id.cooperatives import CooperativeForm, CooperativeKind, MembershipArea
    >>> from koperasi_id.identifiers import NomorBadanHukum
    >>> from koperasi_id.regions import RegionCode
    >>> c = Cooperative(name="Koperasi Jasa Contoh",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("AHU-0000001.AH.01.26.TAHUN 2021"),),
    ...     deed_approved_on=date(2021, 3, 1), form=CooperativeForm.PRIMARY,
    ...     kind=CooperativeKind.SERVICES, region=RegionCode.parse("18.71"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=9)
    >>> [(d.rule, d.passed) for d in governance_review(c, as_of=date(2024, 7, 1))]
    [('R4', False), ('R11', True), ('R7', False)]
    """
    if as_of < cooperative.deed_approved_on:
        raise RuleInputError(
            f"as_of {as_of} is before the deed was approved ({cooperative.deed_approved_on})"
        )
    decisions: list[CooperativeDecision[Any]] = []
    if cooperative.founders:
        decisions.append(
            check_founders(cooperative.form, cooperative.founders, as_of=cooperative.founding_date)
        )
    decisions.append(check_organs(cooperative, as_of=as_of))
    decisions.append(check_board_terms(cooperative, as_of=as_of))
    year = _latest_rat_due(cooperative, as_of=as_of, articles_deadline=articles_deadline)
    if year is not None:
        decisions.append(
            check_rat(cooperative, year, as_of=as_of, articles_deadline=articles_deadline)
        )
    if cooperative.multi_stakeholder:
        decisions.append(check_multi_stakeholder(cooperative, as_of=as_of))
    if cooperative.merah_putih and MERAH_PUTIH_RULES.find(as_of) is not None:
        decisions.append(check_merah_putih(cooperative, as_of=as_of))
    return tuple(decisions)
