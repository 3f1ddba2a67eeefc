"""Identifier validation columns: whether each cell is a valid NIK, KK, NPWP, NIB, KBLI or region.

Each distinct value of a column is parsed once by the identifier's own
``parse`` (the checks of :mod:`koperasi_id.identifiers` and
:mod:`koperasi_id.regions`) and the answer is joined back, so a column of a
million NIKs costs one parse per distinct NIK and no check is written twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.identifiers import Kbli, Nib, Nik, NomorKk, Npwp
from koperasi_id.regions import RegionCode

__all__ = ["IDENTIFIER_KINDS", "identifier_cells", "identifier_columns"]

#: The kinds :func:`identifier_columns` checks, by name, and the class whose ``parse`` decides.
IDENTIFIER_KINDS: Mapping[str, Any] = {
    "nik": Nik,
    "kk": NomorKk,
    "npwp": Npwp,
    "nib": Nib,
    "kbli": Kbli,
    "region": RegionCode,
}


def _kind(kind: object) -> Any:
    try:
        return IDENTIFIER_KINDS[kind]  # type: ignore[index]
    except (KeyError, TypeError):
        raise RuleInputError(
            f"unknown identifier kind {mask(kind, limit=40, quote=True)}; "
            f"choose one of {', '.join(IDENTIFIER_KINDS)}"
        ) from None


def identifier_cells(kind: str, value: object) -> tuple[bool, list[str], str | None]:
    """The per-record answer for one cell: (valid, codes, masked form).

    ``codes`` are the problem codes of an invalid value, or the warning codes
    (a retired region code...) of a valid one; the masked form of a NIK or KK
    keeps 6 + 4 digits, of other identifiers it is their text through the
    masking function; None when the value is invalid.

    >>> identifier_cells("nik", "1871010101900001")
    (True, [], '187101******0001')
    >>> identifier_cells("npwp", "12")[:2]
    (False, ['npwp.length'])
    """
    cls = _kind(kind)
    try:
        parsed = cls.parse(value)
    except ValidationError as err:
        return False, list(dict.fromkeys(p.code for p in err.problems)), None
    masked = parsed.masked() if hasattr(parsed, "masked") else mask(str(parsed))
    return True, list(dict.fromkeys(w.code for w in parsed.warnings)), masked


def identifier_columns(frame: pl.DataFrame, columns: Mapping[str, str]) -> pl.DataFrame:
    """``frame`` with three columns more for each ``column: kind`` of ``columns``.

    For a column ``c``: ``c_valid`` (Boolean), ``c_kode`` (the codes of
    :func:`identifier_cells`) and ``c_masked``, where ``c`` is the column's
    name masked as every message masks input (a name holding a NIK is not
    repeated). Row for row they equal
    :func:`identifier_cells` of the cell; the cells are read as text.

    >>> df = pl.DataFrame({"nik": ["1871010101900001", "12345", None], "kbli": ["47111"] * 3})
    >>> out = identifier_columns(df, {"nik": "nik", "kbli": "kbli"})
    >>> out.select("nik_valid", "nik_kode", "nik_masked", "kbli_valid").rows()[:2]
    [(True, [], '187101******0001', True), (False, ['nik.length'], None, True)]
    """
    out = frame
    for column, kind in columns.items():
        _kind(kind)
        if column not in frame.columns:
            raise RuleInputError(f"no column {mask(column, limit=60, quote=True)} in the frame")
        values = frame.get_column(column).cast(pl.String)
        distinct = values.unique(maintain_order=True).to_list()
        answers = [identifier_cells(kind, v) for v in distinct]
        # A column name is input (a headerless file names columns by its first
        # row, maybe a NIK): the new columns are named after it masked.
        name = mask(column)
        lookup = pl.DataFrame(
            {
                "_value": pl.Series(distinct, dtype=pl.String),
                f"{name}_valid": pl.Series([a[0] for a in answers], dtype=pl.Boolean),
                f"{name}_kode": pl.Series([a[1] for a in answers], dtype=pl.List(pl.String)),
                f"{name}_masked": pl.Series([a[2] for a in answers], dtype=pl.String),
            }
        )
        keyed = out.with_columns(values.alias("_value"))
        out = keyed.join(
            lookup, on="_value", how="left", nulls_equal=True, maintain_order="left"
        ).drop("_value")
    return out
