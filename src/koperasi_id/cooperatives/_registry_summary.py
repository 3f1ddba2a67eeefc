"""The result of counting a registry: totals on a day and breakdowns that add up.

:class:`RegistrySummary` checks on construction that its counts add up (rows,
statuses, every breakdown's groups), so a summary read back with
:func:`~koperasi_id.serialization.from_dict` is as sound as one counted by
:class:`~koperasi_id.cooperatives.RegistryCounter`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from koperasi_id import _html, serialization
from koperasi_id.cooperatives._enums import ActivityStatus
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import RegimeRef

__all__ = ["Breakdown", "GroupCount", "RegistrySummary"]


@attrs.frozen(kw_only=True)
class GroupCount:
    """One group of a breakdown: a kind, a form, a regency...

    ``key`` is the wire value (``"simpan_pinjam"``, ``"18.71"``), ``label``
    its Indonesian display name.
    """

    key: str
    label: str
    registered: int
    active: int
    inactive: int
    active_percent: Decimal | None


@attrs.frozen(kw_only=True)
class Breakdown:
    """The registered cooperatives split along one :data:`~koperasi_id.cooperatives.Dimension`."""

    dimension: str
    groups: tuple[GroupCount, ...]

    def group(self, key: str) -> GroupCount:
        """The group with ``key``; :class:`KeyError` if there is none."""
        for g in self.groups:
            if g.key == key:
                return g
        raise KeyError(key)


@attrs.frozen(kw_only=True)
class RegistrySummary:
    """Counts of a registry on ``as_of``; every total adds up (checked on construction).

    ``rows`` is everything fed in; ``invalid`` the rows that failed
    validation; ``not_yet_established`` cooperatives whose deed was approved
    after ``as_of``; ``dissolved`` those dissolved on or before it;
    ``registered`` the rest, split into ``active`` and ``inactive``.
    """

    as_of: date
    window_years: int
    unreported_counts_as_missed: bool
    percent_places: int
    rows: int
    invalid: int
    not_yet_established: int
    dissolved: int
    registered: int
    active: int
    inactive: int
    active_percent: Decimal | None
    breakdowns: tuple[Breakdown, ...] = ()
    regime: RegimeRef

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "registry.rows_do_not_add_up": "rows = invalid + not_yet_established + dissolved + registered",
            "registry.status_does_not_add_up": "registered = active + inactive",
            "registry.groups_do_not_add_up": "the groups of every breakdown sum to the registered, active and inactive totals",
            "registry.negative": "no count is negative",
        }
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        parts = self.invalid + self.not_yet_established + self.dissolved + self.registered
        if parts != self.rows:
            problems.append(
                Problem(
                    path="$.rows",
                    code="registry.rows_do_not_add_up",
                    message=f"rows {self.rows} != invalid + not_yet_established + dissolved + "
                    f"registered ({parts})",
                    message_id=f"rows {self.rows} != invalid + not_yet_established + dissolved + "
                    f"registered ({parts})",
                )
            )
        if self.active + self.inactive != self.registered:
            problems.append(
                Problem(
                    path="$.registered",
                    code="registry.status_does_not_add_up",
                    message=f"registered {self.registered} != active {self.active} + inactive "
                    f"{self.inactive}",
                    message_id=f"registered {self.registered} != active {self.active} + inactive "
                    f"{self.inactive}",
                )
            )
        for i, breakdown in enumerate(self.breakdowns):
            sums = (
                sum(g.registered for g in breakdown.groups),
                sum(g.active for g in breakdown.groups),
                sum(g.inactive for g in breakdown.groups),
            )
            if sums != (self.registered, self.active, self.inactive):
                problems.append(
                    Problem(
                        path=f"$.breakdowns[{i}].groups",
                        code="registry.groups_do_not_add_up",
                        message=f"the {breakdown.dimension} groups sum to "
                        f"{sums} (registered, active, inactive), not the totals",
                        message_id=f"jumlah kelompok {breakdown.dimension} adalah "
                        f"{sums} (registered, active, inactive), bukan totalnya",
                    )
                )
        counts = (
            self.rows,
            self.invalid,
            self.not_yet_established,
            self.dissolved,
            self.active,
            self.inactive,
        )
        if min(counts) < 0:
            problems.append(
                Problem(
                    path="$",
                    code="registry.negative",
                    message="counts cannot be negative",
                    message_id="hitungan tidak boleh negatif",
                )
            )
        if problems:
            raise ValidationError(problems)

    @property
    def by_status(self) -> dict[str, int]:
        """Registered cooperatives by activity status value (``aktif``, ``tidak_aktif``)."""
        return {
            ActivityStatus.ACTIVE.value: self.active,
            ActivityStatus.INACTIVE.value: self.inactive,
        }

    def breakdown(self, dimension: str) -> Breakdown:
        """The breakdown along ``dimension``; :class:`KeyError` if it was not asked for."""
        for b in self.breakdowns:
            if b.dimension == dimension:
                return b
        raise KeyError(dimension)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: dates ISO, percentages decimal strings.

        Shorthand for :func:`koperasi_id.serialization.to_dict`, so
        :func:`~koperasi_id.serialization.from_dict` reads it back.
        """
        data: dict[str, Any] = serialization.to_dict(self)
        return data

    def to_json(self, *, indent: int | None = None) -> str:
        """:meth:`to_dict` as JSON text (non-ASCII kept)."""
        return serialization.to_json(self, indent=indent)

    def _repr_html_(self) -> str:
        """The totals and every breakdown with the rule's citation, for notebooks."""
        totals = _html.table(
            f"Koperasi per {self.as_of.isoformat()} (RAT {self.window_years} tahun buku)",
            (
                "baris",
                "tidak valid",
                "belum berdiri",
                "dibubarkan",
                "terdaftar",
                "aktif",
                "tidak aktif",
                "% aktif",
            ),
            [
                (
                    self.rows,
                    self.invalid,
                    self.not_yet_established,
                    self.dissolved,
                    self.registered,
                    self.active,
                    self.inactive,
                    self.active_percent or "-",
                )
            ],
            notes=[f"Dasar: {self.regime.citation} (keyakinan {self.regime.confidence.label})"],
        )
        parts = [totals]
        for breakdown in self.breakdowns:
            parts.append(
                _html.table(
                    f"per {breakdown.dimension}",
                    ("kode", "nama", "terdaftar", "aktif", "tidak aktif", "% aktif"),
                    [
                        (
                            g.key,
                            g.label,
                            g.registered,
                            g.active,
                            g.inactive,
                            g.active_percent or "-",
                        )
                        for g in breakdown.groups
                    ],
                    limit=50,
                )
            )
        return "".join(parts)

    def table(self, dimension: str) -> str:
        """A plain-text table of one breakdown, with a total line, for reports.

        Columns: the group's label, registered, active, inactive, % active; groups
        in the breakdown's order (enum order, region and province codes sorted).
        """
        rows = [
            (g.key, g.label, g.registered, g.active, g.inactive, g.active_percent)
            for g in self.breakdown(dimension).groups
        ]
        rows.append(
            ("", "Jumlah", self.registered, self.active, self.inactive, self.active_percent)
        )
        width = max(len(r[1]) for r in rows)
        lines = [f"{'':<{width}}  {'terdaftar':>9}  {'aktif':>7}  {'tidak':>7}  {'% aktif':>7}"]
        for _, label, reg, act, inact, pct in rows:
            shown = "-" if pct is None else str(pct)
            lines.append(f"{label:<{width}}  {reg:>9}  {act:>7}  {inact:>7}  {shown:>7}")
        return "\n".join(lines)
