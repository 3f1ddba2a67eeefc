"""Whether a cooperative is aktif, as a yes or no for counting a registry (issue 18).

:func:`~koperasi_id.cooperatives._activity.assess` works out the whole
window (the due fiscal years, those counted, those missed) for the
decision's findings. A registry count only needs the answer, which
:func:`active_on` gives by the same reading (R21) with no tuple built: a
young cooperative is aktif without looking at its RATs, and the first RAT
in the window that counts settles it. The tests compare the two on drawn
cooperatives.
"""

from __future__ import annotations

from datetime import date

from koperasi_id.cooperatives._model import Cooperative

__all__ = ["active_on", "counts", "window_start"]


def window_start(cooperative: Cooperative, latest_due: int, window_years: int) -> int:
    """The first fiscal year of the window: never before the cooperative's first (R21)."""
    first = latest_due - window_years + 1
    # The first fiscal year is the deed's year or the next: only a window
    # starting no later than the deed's year can start later than planned.
    if first <= cooperative.deed_approved_on.year:
        return max(first, cooperative.first_fiscal_year)
    return first


def counts(held_on: date | None, reported: bool, as_of: date, unreported_missed: bool) -> bool:
    """Whether a RAT counts on ``as_of``: held by then, and reported unless that is waived."""
    return held_on is not None and held_on <= as_of and (reported or not unreported_missed)


def active_on(
    cooperative: Cooperative,
    as_of: date,
    latest_due: int,
    window_years: int,
    unreported_counts_as_missed: bool,
) -> bool:
    """``assess(...).status is ActivityStatus.ACTIVE`` for a cooperative not dissolved on ``as_of``.

    The same reading as :func:`~koperasi_id.cooperatives._activity.assess`,
    through the same :func:`window_start` and :func:`counts`, without the
    tuples it keeps for its findings.

    ``latest_due`` is the latest fiscal year due on ``as_of``
    (:func:`~koperasi_id.cooperatives.latest_due_fiscal_year`).

    >>> from koperasi_id.cooperatives import (
    ...     CooperativeForm, CooperativeKind, MembershipArea, RatRecord)
    >>> from koperasi_id.identifiers import NomorBadanHukum
    >>> from koperasi_id.regions import RegionCode
    >>> coop = Cooperative(
    ...     name="Koperasi Produsen Kopi Lampung Barat",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("1234/BH/XVIII/2018"),),
    ...     deed_approved_on=date(2018, 2, 1), form=CooperativeForm.PRIMARY,
    ...     kind=CooperativeKind.PRODUCER, region=RegionCode.parse("18.04"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=40,
    ...     rat_records=(RatRecord(fiscal_year=2020, held_on=date(2021, 5, 8), reported=True),),
    ... )
    >>> active_on(coop, date(2024, 6, 30), latest_due=2022, window_years=3,
    ...     unreported_counts_as_missed=True)
    True
    >>> active_on(coop, date(2024, 7, 1), 2023, 3, True)  # a year later, three RATs missed
    False
    """
    # The window and what counts are assess()'s own (window_start, counts).
    first = window_start(cooperative, latest_due, window_years)
    if latest_due - first + 1 < window_years:
        return True  # fewer due fiscal years than the window: a young cooperative
    for rat in cooperative.rat_records:  # the first RAT that counts settles it
        if rat.fiscal_year >= first and counts(
            rat.held_on, rat.reported, as_of, unreported_counts_as_missed
        ):
            return True
    return False
