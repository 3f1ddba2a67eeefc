"""Registry summary: the figures a provincial cooperative office reports.

One pass over any iterable of cooperatives (a list, a generator reading a
CSV, a database cursor): each cooperative is classified and counted, never
kept, so a registry of any size runs in constant memory. The result is a
:class:`RegistrySummary` of counts that add up:

- ``rows = invalid + not_yet_established + dissolved + registered``;
- ``registered = active + inactive``;
- in every breakdown, the groups' ``registered``, ``active`` and
  ``inactive`` sum to the totals.

*Registered* means a legal entity on ``as_of``: deed approved on or before
it and not dissolved by then. Activity status follows
:func:`~koperasi_id.cooperatives.activity_status` (R21). Shares are
percentages of registered cooperatives, as :class:`~decimal.Decimal`
rounded half-up to ``percent_places`` (2) places; ``None`` when a group has
no registered cooperative.

The summary's types are :mod:`koperasi_id.cooperatives._registry_summary`'s,
re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from koperasi_id._numbers import MAX_MAGNITUDE, computes
from koperasi_id._values import mask
from koperasi_id.cooperatives._active import active_on
from koperasi_id.cooperatives._activity import (
    ActivityRule,
    check_window_years,
    latest_due_fiscal_year,
    resolve_rule,
)
from koperasi_id.cooperatives._dimensions import DEFAULT_BREAKDOWNS, DIMENSIONS, Dimension
from koperasi_id.cooperatives._enums import (
    ActivityStatus,
    BusinessMode,
    CooperativeForm,
    CooperativeKind,
    Principle,
)
from koperasi_id.cooperatives._governance import RAT_DEADLINE
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.cooperatives._parts import YearEnd
from koperasi_id.cooperatives._registry_summary import Breakdown, GroupCount, RegistrySummary
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Timeline
from koperasi_id.regions import lookup, province

__all__ = [
    "Breakdown",
    "GroupCount",
    "RegistryCounter",
    "RegistrySummary",
    "summarize",
]


_HUNDRED = Decimal(100)


def _region_key(coop: Cooperative) -> str:
    code = coop.region.regency_code
    return code if code is not None else coop.region.province_code


_KEYS: dict[str, Callable[[Cooperative], str]] = {
    "region": _region_key,
    "province": lambda c: c.region.province_code,
    "kind": lambda c: c.kind.value,
    "form": lambda c: c.form.value,
    "mode": lambda c: c.mode.value,
    "principle": lambda c: c.principle.value,
}
# Enum dimensions list every member, zero or not, in declaration order.
_ENUM_LABELS: dict[str, dict[str, str]] = {
    "kind": {m.value: m.label for m in CooperativeKind},
    "form": {m.value: m.label for m in CooperativeForm},
    "mode": {m.value: m.label for m in BusinessMode},
    "principle": {m.value: m.label for m in Principle},
}


def _region_label(code: str) -> str:
    found = lookup(code)
    return found.name if found is not None else code


def _province_label(code: str) -> str:
    found = province(code)
    return found.name if found is not None else code


@computes
def percent(part: int, whole: int, places: int = 2) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded half-up; ``None`` if ``whole`` is 0.

    >>> percent(2800, 5600), percent(1, 3), percent(2, 3, places=1), percent(0, 0)
    (Decimal('50.00'), Decimal('33.33'), Decimal('66.7'), None)
    """
    if whole == 0:
        return None
    return (Decimal(part) * _HUNDRED / Decimal(whole)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )


def _check_dimensions(by: str | Iterable[str]) -> tuple[Dimension, ...]:
    wanted = (by,) if isinstance(by, str) else tuple(by)
    problems = [
        Problem(
            path=f"$.by[{i}]",
            code="registry.unknown_dimension",
            message=f"cannot break a registry down by {mask(name, limit=40, quote=True)}; use one of "
            + ", ".join(DIMENSIONS),
            message_id=f"registri tidak dapat dirinci menurut {mask(name, limit=40, quote=True)}; gunakan salah satu dari "
            + ", ".join(DIMENSIONS),
        )
        for i, name in enumerate(wanted)
        if name not in _KEYS
    ]
    if problems:
        raise ValidationError(problems)
    seen: dict[Dimension, None] = {}
    for name in wanted:
        seen.setdefault(cast(Dimension, name))
    return tuple(seen)


# --- counting ---------------------------------------------------------------


class RegistryCounter:
    """Counts cooperatives one at a time; :meth:`summary` gives the result.

    Use it when the rows come from a file and some fail validation::

        counter = RegistryCounter(as_of=date(2025, 12, 31), by="region")
        for row in rows:
            try:
                counter.add(from_dict(Cooperative, row))
            except ValidationError:
                counter.add_invalid()
        summary = counter.summary()

    Parameters are those of :func:`summarize`.
    """

    def __init__(
        self,
        *,
        as_of: date,
        by: Dimension | str | Iterable[str] = DEFAULT_BREAKDOWNS,
        window_years: int | None = None,
        unreported_counts_as_missed: bool | None = None,
        percent_places: int = 2,
        rules: Timeline[ActivityRule] | None = None,
        deadline_rules: Timeline[int] | None = None,
    ) -> None:
        if type(percent_places) is not int or not 0 <= percent_places <= 6:
            raise ValidationError.single(
                "registry.percent_places",
                f"percent_places is a whole number from 0 to 6, not {mask(percent_places, limit=40, quote=True)}",
                message_id=f"percent_places harus bilangan bulat dari 0 sampai 6, bukan {mask(percent_places, limit=40, quote=True)}",
                path="$.percent_places",
            )
        self._dimensions = _check_dimensions(by)
        regime, window, unreported = resolve_rule(
            as_of=as_of,
            window_years=window_years,
            unreported_counts_as_missed=unreported_counts_as_missed,
            rules=rules,
        )
        self._as_of = as_of
        self._regime = regime
        self._window_years = check_window_years(window)
        self._unreported = unreported
        self._places = percent_places
        self._deadlines = RAT_DEADLINE if deadline_rules is None else deadline_rules
        self._latest_due: dict[YearEnd, int] = {}
        self._last_end: YearEnd | None = None
        self._last_due = 0
        # dimension -> group key -> [active, inactive]
        self._groups: dict[str, dict[str, list[int]]] = {d: {} for d in self._dimensions}
        self._keys = [(self._groups[d], _KEYS[d]) for d in self._dimensions]
        self._invalid = 0
        self._not_yet = 0
        self._dissolved = 0
        self._active = 0
        self._inactive = 0

    def add(self, cooperative: Cooperative) -> ActivityStatus | None:
        """Count one cooperative; its status, or ``None`` if it is not registered on the date."""
        as_of = self._as_of
        if cooperative.deed_approved_on > as_of:
            self._not_yet += 1
            return None
        year_end = cooperative.fiscal_year_end
        # The same object as the last record's, as a file's records share it:
        # no hash of it (a Python call) on every record.
        if year_end is self._last_end:
            latest_due = self._last_due
        else:
            known = self._latest_due.get(year_end)
            if known is None:
                known = latest_due_fiscal_year(
                    year_end, as_of=as_of, deadline_rules=self._deadlines
                )
                self._latest_due[year_end] = known
            latest_due = self._last_due = known
            self._last_end = year_end
        dissolved_on = cooperative.dissolved_on
        if dissolved_on is not None and dissolved_on <= as_of:
            self._dissolved += 1  # as assess() has it: the RAT record is not examined
            return None
        # assess()'s status without its window tuples (the tests compare the two).
        if active_on(cooperative, as_of, latest_due, self._window_years, self._unreported):
            slot, status = 0, ActivityStatus.ACTIVE
            self._active += 1
        else:
            slot, status = 1, ActivityStatus.INACTIVE
            self._inactive += 1
        for groups, key_of in self._keys:
            key = key_of(cooperative)
            counts = groups.get(key)
            if counts is None:
                counts = groups[key] = [0, 0]
            counts[slot] += 1
        return status

    def _add_counted(
        self,
        *,
        not_yet_established: int,
        dissolved: int,
        groups: Mapping[str, Mapping[str, tuple[int, int]]],
        active: int,
        inactive: int,
    ) -> None:
        """Add counts made column-wise (:mod:`koperasi_id.frames`) from the same decisions.

        ``groups`` maps each breakdown dimension to ``key -> (active, inactive)``.
        """
        self._not_yet += not_yet_established
        self._dissolved += dissolved
        self._active += active
        self._inactive += inactive
        for dimension, by_key in groups.items():
            mine = self._groups[dimension]
            for key, (act, inact) in by_key.items():
                counts = mine.setdefault(key, [0, 0])
                counts[0] += act
                counts[1] += inact

    def add_all(self, cooperatives: Iterable[Cooperative]) -> None:
        """Count every cooperative of an iterable (consumed once)."""
        add = self.add
        for cooperative in cooperatives:
            add(cooperative)

    def add_invalid(self, count: int = 1) -> None:
        """Count ``count`` rows that failed validation (they are in ``rows``, not in groups)."""
        # Bounded by the number policy: the summary writes the count on the wire,
        # which reads no larger one (10**30 was counted, then to_dict refused it).
        if type(count) is not int or not 0 <= count <= MAX_MAGNITUDE:
            huge = type(count) is int and abs(count) > MAX_MAGNITUDE
            shown = "a number beyond that" if huge else mask(count, limit=40, quote=True)
            raise ValidationError.single(
                "registry.invalid_count",
                f"the number of invalid rows is a whole number from 0 to {MAX_MAGNITUDE}, not {shown}",
                message_id=f"jumlah baris tidak sah harus bilangan bulat dari 0 sampai {MAX_MAGNITUDE}, bukan {shown}",
                path="$.invalid",
            )
        self._invalid += count

    def summary(self) -> RegistrySummary:
        """The counts so far (the counter can keep counting afterwards)."""
        registered = self._active + self._inactive
        return RegistrySummary(
            as_of=self._as_of,
            window_years=self._window_years,
            unreported_counts_as_missed=self._unreported,
            percent_places=self._places,
            rows=self._invalid + self._not_yet + self._dissolved + registered,
            invalid=self._invalid,
            not_yet_established=self._not_yet,
            dissolved=self._dissolved,
            registered=registered,
            active=self._active,
            inactive=self._inactive,
            active_percent=percent(self._active, registered, self._places),
            breakdowns=tuple(self._breakdown(d) for d in self._dimensions),
            regime=self._regime.ref,
        )

    def _breakdown(self, dimension: str) -> Breakdown:
        counts: Mapping[str, list[int]] = self._groups[dimension]
        labels = _ENUM_LABELS.get(dimension)
        if labels is not None:
            keys: Iterable[str] = labels  # every member, in declaration order
            label_of: Callable[[str], str] = labels.__getitem__
        else:
            keys = sorted(counts)
            label_of = _region_label if dimension == "region" else _province_label
        groups = []
        for key in keys:
            active, inactive = counts.get(key, (0, 0))
            groups.append(
                GroupCount(
                    key=key,
                    label=label_of(key),
                    registered=active + inactive,
                    active=active,
                    inactive=inactive,
                    active_percent=percent(active, active + inactive, self._places),
                )
            )
        return Breakdown(dimension=dimension, groups=tuple(groups))


@computes
def summarize(
    cooperatives: Iterable[Cooperative],
    *,
    as_of: date,
    by: Dimension | str | Iterable[str] = DEFAULT_BREAKDOWNS,
    window_years: int | None = None,
    unreported_counts_as_missed: bool | None = None,
    invalid: int = 0,
    percent_places: int = 2,
    rules: Timeline[ActivityRule] | None = None,
    deadline_rules: Timeline[int] | None = None,
) -> RegistrySummary:
    """Count a registry on ``as_of``: by activity status and along each ``by`` dimension.

    ``cooperatives`` is consumed once and nothing is kept. ``by`` is one
    dimension or several (``"region"``, ``"province"``, ``"kind"``,
    ``"form"``, ``"mode"``, ``"principle"``; default kind, form and region).
    ``window_years`` and ``unreported_counts_as_missed`` are those of
    :func:`~koperasi_id.cooperatives.activity_status` (default: the regime's,
    3 and True). ``invalid`` adds rows the caller could not validate, so
    ``rows`` is the size of the input file. Percentages are rounded half-up
    to ``percent_places``.

    >>> s = summarize([], as_of=date(2025, 12, 31), invalid=2)
    >>> s.rows, s.invalid, s.registered, s.active_percent
    (2, 2, 0, None)
    """
    counter = RegistryCounter(
        as_of=as_of,
        by=by,
        window_years=window_years,
        unreported_counts_as_missed=unreported_counts_as_missed,
        percent_places=percent_places,
        rules=rules,
        deadline_rules=deadline_rules,
    )
    counter.add_all(cooperatives)
    counter.add_invalid(invalid)
    return counter.summary()
