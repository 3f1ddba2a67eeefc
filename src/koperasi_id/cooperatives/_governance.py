"""Meetings and board: the RAT deadline (R7), organs (R4), board terms (R11)."""

from __future__ import annotations

import calendar
from datetime import date

from dateutil.relativedelta import relativedelta

from koperasi_id.cooperatives._law import UU_25_1992, UU_25_1992_FROM, checked
from koperasi_id.cooperatives._model import DECEMBER_31, YearEnd
from koperasi_id.law import Citation, Confidence, Regime, Timeline

__all__ = ["RAT_DEADLINE", "rat_deadline"]

#: Months after the fiscal year closes by which the RAT approving the board's
#: accountability must be held. The regime is chosen by the fiscal year-end date.
RAT_DEADLINE: Timeline[int] = Timeline(
    "cooperatives.rat_deadline_months",
    [
        Regime(
            name="uu-25-1992-pasal-26",
            valid_from=UU_25_1992_FROM,
            citation=Citation(UU_25_1992, "Pasal 26 ayat (2)"),
            confidence=Confidence.HIGH,
            value=6,
            note="paling lambat 6 bulan setelah tahun buku lampau",
        )
    ],
)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months``; a month-end stays a month-end (30 Jun + 6 → 31 Dec).

    >>> add_months(date(2024, 6, 30), 6), add_months(date(2023, 12, 31), 6)
    (datetime.date(2024, 12, 31), datetime.date(2024, 6, 30))
    >>> add_months(date(2024, 3, 15), 6)
    datetime.date(2024, 9, 15)
    """
    moved = day + relativedelta(months=months)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return moved.replace(day=calendar.monthrange(moved.year, moved.month)[1])
    return moved


def rat_deadline(
    fiscal_year: int,
    *,
    fiscal_year_end: YearEnd = DECEMBER_31,
    articles_deadline: int | None = None,
    timeline: Timeline[int] = RAT_DEADLINE,
) -> date:
    """Last day to hold the RAT for ``fiscal_year`` (the year in which it ends) (R7).

    The statute allows 6 months after the year closes (UU 25/1992 Pasal 26
    ayat (2)); ``articles_deadline`` is a stricter limit in months from the
    articles (AD/ART) and applies only when shorter. A fiscal year ending on a
    month-end gives a month-end deadline.

    >>> rat_deadline(2023)
    datetime.date(2024, 6, 30)
    >>> rat_deadline(2023, articles_deadline=3)
    datetime.date(2024, 3, 31)
    >>> rat_deadline(2024, fiscal_year_end=YearEnd.parse("06-30"))
    datetime.date(2024, 12, 31)
    """
    if articles_deadline is not None and (
        isinstance(articles_deadline, bool)
        or not isinstance(articles_deadline, int)
        or articles_deadline < 1
    ):
        raise ValueError(
            f"articles_deadline is a whole number of months >= 1, not {articles_deadline!r}"
        )
    year_end = fiscal_year_end.in_year(fiscal_year)
    months: int = checked(timeline, year_end).value
    if articles_deadline is not None:
        months = min(months, articles_deadline)
    return add_months(year_end, months)
