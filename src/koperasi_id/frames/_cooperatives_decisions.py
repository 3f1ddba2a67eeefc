"""The decisions of columnar cooperative status: status, legal status, reasons, the tally.

The rows the cell checks (:mod:`koperasi_id.frames._cooperatives_checks`) vouch
for are decided column-wise by the rule's own functions, once per distinct
value: the latest due fiscal year, whether a RAT counts, the findings of
:func:`~koperasi_id.cooperatives.activity_status` (see
:mod:`koperasi_id.frames._cooperatives` for why the result is the per-record
engine's).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import polars as pl

from koperasi_id.cooperatives import (
    ActivityRule,
    Cooperative,
    LegalStatus,
    RatRecord,
    RegistryCounter,
    YearEnd,
    activity_status,
)
from koperasi_id.cooperatives._active import counts
from koperasi_id.cooperatives._activity import latest_due_fiscal_year
from koperasi_id.frames._columns import memo, reason_series
from koperasi_id.frames._cooperatives_checks import _TEMPLATE_ENTITY
from koperasi_id.law import Timeline

__all__ = ["COOPERATIVE_STATUS_COLUMNS", "INVALID_STATUS", "NOT_YET_ESTABLISHED"]

#: The columns of a status frame: the line, ``status`` (``aktif``,
#: ``tidak_aktif``, :data:`NOT_YET_ESTABLISHED` or :data:`INVALID_STATUS`), the
#: legal status (``berbadan_hukum``, ``dibubarkan``; empty when not
#: established or invalid), the finding codes (or problem codes) and their
#: messages in Indonesian and English.
COOPERATIVE_STATUS_COLUMNS: tuple[str, ...] = (
    "line",
    "status",
    "status_hukum",
    "kode_alasan",
    "alasan",
    "alasan_en",
)
#: ``status`` of a cooperative whose deed was approved after ``as_of``.
NOT_YET_ESTABLISHED = "belum_berdiri"
#: ``status`` of a row that is not a valid cooperative (its problems are the reasons).
INVALID_STATUS = "tidak_valid"

_SCHEMA: dict[str, Any] = {
    "pos": pl.UInt32,
    "status": pl.String,
    "status_hukum": pl.String,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
    "alasan_en": pl.List(pl.String),
}


_STATUS_SCHEMA: dict[str, Any] = {
    k: v for k, v in _SCHEMA.items() if k in ("pos", "status", "status_hukum")
}


class _CooperativeDecisions:
    """Decides the rows the checks passed; :class:`~koperasi_id.frames.CooperativeCounter` runs it."""

    _as_of: date
    _window: int
    _unreported: bool
    _rules: Timeline[ActivityRule] | None
    _deadline_rules: Timeline[int] | None
    _counter: RegistryCounter
    _counts: dict[tuple[date | None, bool], bool]
    _reasons: dict[tuple[Any, ...], tuple[Any, ...]]

    def _status_of(self, coop: Cooperative) -> tuple[Any, ...]:
        """(status, legal status, codes, Indonesian and English messages) of a valid cooperative."""
        if coop.deed_approved_on > self._as_of:
            return (NOT_YET_ESTABLISHED, None, (), (), ())
        decision = activity_status(
            coop,
            as_of=self._as_of,
            window_years=self._window,
            unreported_counts_as_missed=self._unreported,
            rules=self._rules,
            deadline_rules=self._deadline_rules,
        )
        return (
            decision.status.value,
            decision.legal_status.value,
            decision.codes,
            tuple(f.message_id for f in decision.findings),
            tuple(f.message_en for f in decision.findings),
        )

    def _decide(self, w: pl.DataFrame, items: list[int]) -> pl.DataFrame:
        """Status and legal status column-wise, by the rule's own functions per distinct value."""
        as_of = self._as_of
        w = w.with_columns(
            _not_yet=pl.col("_deed") > pl.lit(as_of),
        ).with_columns(
            _gone=~pl.col("_not_yet")
            & pl.col("_dissolved").is_not_null()
            & (pl.col("_dissolved") <= pl.lit(as_of)),
        )
        latest = self._counter._latest_due
        year_ends = w.filter(~pl.col("_not_yet"))["_fye"].unique(maintain_order=True).to_list()
        for text in year_ends:
            year_end = YearEnd.parse(text)
            if year_end not in latest:  # raises as RegistryCounter.add would, rule by rule
                latest[year_end] = latest_due_fiscal_year(
                    year_end, as_of=as_of, deadline_rules=self._counter._deadlines
                )
        due = pl.DataFrame(
            {"_fye": year_ends, "_latest": [latest[YearEnd.parse(t)] for t in year_ends]},
            schema={"_fye": pl.String, "_latest": pl.Int64},
        )
        w = w.join(due, on="_fye", how="left", maintain_order="left")
        window = self._window
        w = w.with_columns(
            _from=pl.max_horizontal(pl.col("_latest") - window + 1, pl.col("_first"))
        )
        counted = []
        for i in items:
            pairs = w.select(f"_held{i}", f"_reported{i}").unique()
            w = w.join(
                pairs.with_columns(
                    pl.Series(
                        f"_counts{i}",
                        [
                            memo(self._counts, (h, bool(r)), self._count_rat)
                            for h, r in pairs.iter_rows()
                        ],
                        dtype=pl.Boolean,
                    )
                ),
                on=[f"_held{i}", f"_reported{i}"],
                how="left",
                nulls_equal=True,
                maintain_order="left",
            )
            counted.append(
                pl.col(f"_present{i}")
                & (pl.col(f"_fy{i}") >= pl.col("_from"))
                & pl.col(f"_counts{i}")
            )
        young = (pl.col("_latest") - pl.col("_from") + 1).clip(lower_bound=0) < window
        active = pl.any_horizontal(*counted, young) if counted else young
        return w.with_columns(
            _active=active,
            status=pl.when(pl.col("_not_yet"))
            .then(pl.lit(NOT_YET_ESTABLISHED))
            .when(pl.col("_gone") | ~active)
            .then(pl.lit("tidak_aktif"))
            .otherwise(pl.lit("aktif")),
            status_hukum=pl.when(pl.col("_not_yet"))
            .then(pl.lit(None, dtype=pl.String))
            .when(pl.col("_gone"))
            .then(pl.lit(LegalStatus.DISSOLVED.value))
            .otherwise(pl.lit(LegalStatus.LEGAL_ENTITY.value)),
        )

    def _count_rat(self, pair: tuple[date | None, bool]) -> bool:
        return counts(pair[0], pair[1], self._as_of, self._unreported)

    def _tally(self, w: pl.DataFrame, dims: tuple[str, ...]) -> None:
        registered = w.filter(~pl.col("_not_yet") & ~pl.col("_gone"))
        active = int(registered["_active"].sum())
        groups: dict[str, dict[str, tuple[int, int]]] = {}
        for d in dims:
            by = registered.group_by(f"_key_{d}").agg(
                a=pl.col("_active").sum(), i=(~pl.col("_active")).sum()
            )
            groups[d] = {k: (int(a), int(i)) for k, a, i in by.iter_rows()}
        self._counter._add_counted(
            not_yet_established=int(w["_not_yet"].sum()),
            dissolved=int(w["_gone"].sum()),
            groups=groups,
            active=active,
            inactive=registered.height - active,
        )

    def _with_reasons(self, w: pl.DataFrame, items: list[int]) -> pl.DataFrame:
        """Finding codes and messages by :func:`activity_status`, once per distinct decision input."""
        columns = ["_deed", "_fye", "_legal", "_dissolved"]
        for i in items:
            columns += [f"_present{i}", f"_fy{i}", f"_held{i}", f"_reported{i}"]
        keys = w.select(columns).unique(maintain_order=True)
        found = [memo(self._reasons, k, self._reason_of) for k in keys.iter_rows()]
        keys = keys.with_columns(
            reason_series("kode_alasan", [f[0] for f in found]),
            reason_series("alasan", [f[1] for f in found]),
            reason_series("alasan_en", [f[2] for f in found]),
        )
        w = w.join(keys, on=columns, how="left", nulls_equal=True, maintain_order="left")
        return w.select(*_SCHEMA)

    def _reason_of(self, key: tuple[Any, ...]) -> tuple[Any, ...]:
        deed, year_end, legal, dissolved = key[:4]
        rats = tuple(
            RatRecord(fiscal_year=key[k + 1], held_on=key[k + 2], reported=key[k + 3])
            for k in range(4, len(key), 4)
            if key[k]
        )
        coop = attrs.evolve(
            _TEMPLATE_ENTITY,
            deed_approved_on=deed,
            fiscal_year_end=YearEnd.parse(year_end),
            legal_status=LegalStatus(legal),
            dissolved_on=dissolved,
            rat_records=rats,
        )
        return self._status_of(coop)[2:]
