"""Helpers the columnar jobs share: distinct-value checks, line numbers, reason columns.

The columnar engines decide rows column-wise but never restate a rule: a
value is checked by the library's own parser, once per *distinct* value
(:func:`known`, :func:`memo`), and a decision is made by the per-record engine
once per distinct combination of the cells it reads. These are the pieces
that do not depend on the job (BPUM screening, cooperative status, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import polars as pl

from koperasi_id.errors import Problem

__all__ = [
    "BOUNDED",
    "MEMO_LIMIT",
    "add_reason_counts",
    "known",
    "line_numbers",
    "memo",
    "problem_reasons",
    "reason_series",
]

# An edge Python's str.strip() would never remove: printable ASCII, not a space.
BOUNDED = r"^[!-~](?s:.*[!-~])?$"
#: Distinct values each memo keeps before it starts afresh (bounded memory).
MEMO_LIMIT = 1 << 18

_K = TypeVar("_K")
_V = TypeVar("_V")


def memo(cache: dict[_K, _V], key: _K, compute: Callable[[_K], _V]) -> _V:
    """``compute(key)``, kept in ``cache`` until it holds :data:`MEMO_LIMIT` values."""
    try:
        return cache[key]
    except KeyError:
        pass
    value = compute(key)
    if len(cache) < MEMO_LIMIT:  # past it, values are computed each time: memory stays bounded
        cache[key] = value
    return value


def known(
    values: pl.Series, cache: dict[Any, Any] | None, check: Callable[[Any], Any]
) -> pl.Series:
    """Which ``values`` pass ``check``, each distinct value checked once.

    ``check`` answers a truthy value (or ``()``, "valid, no warnings") for a
    valid value, ``None``/``False`` for an invalid one.
    """
    distinct = values.unique()
    if cache is None:
        ok = [check(v) for v in distinct]
    else:
        ok = [memo(cache, v, check) for v in distinct]
    good = distinct.filter(pl.Series([bool(o) or o == () for o in ok], dtype=pl.Boolean))
    return values.is_in(good.implode())


def reason_series(name: str, reasons: Sequence[Sequence[str] | None]) -> pl.Series:
    """A list-of-text column (codes or messages) from per-row tuples; None reads as empty."""
    return pl.Series(name, [list(r) if r else [] for r in reasons], dtype=pl.List(pl.String))


def problem_reasons(
    problems: Sequence[Problem],
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Codes, Indonesian and English reasons of a row that is not valid, one per problem.

    Each reason is :meth:`Problem.describe <koperasi_id.errors.Problem.describe>`
    in that language (``path: message [code]``, input masked).

    >>> problem_reasons([Problem(path="$.member_count", code="missing", message="required",
    ...                          message_id="wajib diisi")])
    (('missing',), ('$.member_count: wajib diisi [missing]',), ('$.member_count: required [missing]',))
    """
    codes = tuple(p.code for p in problems)
    return (
        codes,
        tuple(p.describe("id") for p in problems),
        tuple(p.describe("en") for p in problems),
    )


def line_numbers(lines: Sequence[int] | pl.Series | None, *, start: int, height: int) -> pl.Series:
    """The ``line`` column: the given numbers, or ``start``, ``start + 1``, ..."""
    if lines is not None:
        return pl.Series("line", lines, dtype=pl.Int64)
    return pl.int_range(start, start + height, dtype=pl.Int64, eager=True).alias("line")


def add_reason_counts(by_reason: dict[str, int], out: pl.DataFrame) -> None:
    """Add each reason code of ``out``'s ``kode_alasan`` lists to ``by_reason``, in first-seen order.

    >>> by_reason = {"a": 1}
    >>> add_reason_counts(by_reason, pl.DataFrame({"kode_alasan": [["a", "b"], None, ["b"]]}))
    >>> by_reason
    {'a': 2, 'b': 2}
    """
    reasons = (
        out.select("kode_alasan")
        .explode("kode_alasan")
        .drop_nulls()
        .group_by("kode_alasan", maintain_order=True)
        .len()
    )
    for code, count in reasons.iter_rows():
        by_reason[code] = by_reason.get(code, 0) + count
