"""The days a rule can be asked about: one bound, checked in one place.

Every rule takes its day (``as_of``, a start, a due date) through
:func:`check_day`, which :meth:`koperasi_id.law.Timeline.find` calls for the
``as_of`` of every regime lookup. A day must be a :class:`datetime.date` (not a
``datetime``) from :data:`FIRST_DAY` to :data:`LAST_DAY`.

Why these bounds: rules derive later and earlier days from the one they are
given (a RAT six months after the fiscal year, a dissolution timeline over
years, a KUR schedule over its tenor, the fiscal year before). ``datetime.date``
ends on 9999-12-31 and starts on 0001-01-01, so a day near either end makes
that arithmetic raise a bare ``ValueError``/``OverflowError``. A century of
headroom either side is far more than any deadline the law sets, and no
Indonesian cooperative or KUR law is older than 1900.

A day a rule derives and returns may pass LAST_DAY (``rat_deadline(9899)`` is
9900-06-30). One that a result carries on the wire (an instalment's due date, a :class:`~koperasi_id.cooperatives.Deadline`,
a RAT decision's deadline) is checked with :func:`derived_day`: the wire reads
days within the bounds only (``from_dict``), so a result holding a later day
could be written out but never read back.

>>> check_day(date(2024, 6, 30), "as_of")
datetime.date(2024, 6, 30)
>>> check_day(date(9999, 12, 31), "as_of")
Traceback (most recent call last):
...
koperasi_id.errors.RuleInputError: as_of must be from 1900-01-01 to 9899-12-31, got 9999-12-31 ...
"""

from __future__ import annotations

from datetime import date, datetime

from koperasi_id.errors import RuleInputError

__all__ = ["FIRST_DAY", "LAST_DAY", "MAX_MONTHS", "check_day", "check_year", "derived_day"]

#: The earliest day a rule is asked about.
FIRST_DAY = date(1900, 1, 1)
#: The latest day a rule is asked about: a century before ``date.max``, so
#: every deadline derived from it still fits in the calendar.
LAST_DAY = date(9899, 12, 31)
#: The longest period a rule adds to a day: the century of headroom above.
MAX_MONTHS = 1200


def check_day(value: object, name: str) -> date:
    """``value`` if it is a ``date`` (not a ``datetime``) within the bounds; else RuleInputError.

    Subclasses of ``date`` (a test clock's fake date) are days too; ``True``
    (an ``int``) is not.
    """
    if type(value) is not date and (isinstance(value, datetime) or not isinstance(value, date)):
        raise RuleInputError(
            f"{name} must be a datetime.date, got {type(value).__name__}"
            + (" (pass its .date())" if isinstance(value, datetime) else "")
        )
    if not FIRST_DAY <= value <= LAST_DAY:
        raise RuleInputError(
            f"{name} must be from {FIRST_DAY} to {LAST_DAY}, got {value.isoformat()} "
            "(days near the ends of the calendar leave no room for the deadlines "
            "rules derive from them)"
        )
    return value


def check_year(value: int, name: str) -> int:
    """``value`` if it is a year of a day within the bounds; else RuleInputError.

    >>> check_year(10_000, "fiscal_year")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.RuleInputError: fiscal_year must be from 1900 to 9899, got a year outside them
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleInputError(f"{name} must be an int, got {type(value).__name__}")
    if not FIRST_DAY.year <= value <= LAST_DAY.year:
        # Not echoed: a 5,000-digit int cannot even be printed.
        raise RuleInputError(
            f"{name} must be from {FIRST_DAY.year} to {LAST_DAY.year}, got a year outside them"
        )
    return value


def derived_day(value: date, what: str) -> date:
    """``value``, a day a rule derived for its answer, if within the bounds; else RuleInputError.

    >>> derived_day(date(9900, 6, 30), "the RAT deadline of fiscal year 9899")
    Traceback (most recent call last):
    ...
    koperasi_id.errors.RuleInputError: the RAT deadline of fiscal year 9899 would fall on 9900-06-30, after 9899-12-31, ...
    """
    if FIRST_DAY <= value <= LAST_DAY:
        return value
    raise RuleInputError(
        f"{what} would fall on {value.isoformat()}, "
        f"{'after ' + LAST_DAY.isoformat() if value > LAST_DAY else 'before ' + FIRST_DAY.isoformat()}"
        f", outside the days an answer can hold ({FIRST_DAY} to {LAST_DAY}, the days the "
        "wire reads back); ask about a day further from the end of the calendar"
    )
