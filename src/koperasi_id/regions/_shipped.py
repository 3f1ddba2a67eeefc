"""The shipped national region table: its data files, read on first use, and :func:`lookup`.

Regencies and cities are split into cells when the table is first asked for,
districts when a district code is first asked about; a row becomes a
:class:`~koperasi_id.regions.Region` only then. Reading a caller's own CSV
file (:meth:`~koperasi_id.regions.RegionTable.from_csv`) is in ``_table``.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

from koperasi_id.regions._scheme import DECREE, RegionCode
from koperasi_id.regions._table import Region, RegionTable, _region_from_cells

__all__ = [
    "DISTRICT_FILE",
    "REGENCY_FILE",
    "default_region_table",
    "lookup",
    "shipped_rows",
]

#: The shipped data files (built by scripts/build_regions.py; see their ``#`` headers).
REGENCY_FILE = "_data/regions_kemendagri.csv"
_COLUMNS = ["code", "name", "status", "successor", "retired_by", "confidence"]
DISTRICT_FILE = "_data/regions_kemendagri_kecamatan.csv"


def shipped_rows(name: str) -> list[dict[str, str]]:
    """The data rows of a shipped CSV file as mappings (``#`` header lines skipped)."""
    text = resources.files("koperasi_id").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _cells(name: str) -> list[list[str]]:
    # The shipped files are checked row by row by the tests (from_rows); at
    # run time they are split into cells only, and a row becomes a Region when
    # it is first asked for, which keeps the first district look-up cheap.
    text = resources.files("koperasi_id").joinpath(name).read_text(encoding="utf-8")
    reader = csv.reader(line for line in text.splitlines() if line and line[0] != "#")
    if next(reader) != _COLUMNS:
        raise ValueError(f"{name}: unexpected header")
    return list(reader)


@functools.cache
def default_region_table() -> RegionTable:
    """The shipped national table; see the module docstring.

    Regencies and cities are read on the first call, districts on the first
    question about a district code. An unknown regency is an error
    (:attr:`RegionTable.strict_regencies`), an unknown district a warning.
    """
    table = RegionTable(
        [_region_from_cells(cells) for cells in _cells(REGENCY_FILE)],
        source=DECREE.instrument,
        strict=False,
        strict_regencies=True,
    )
    table._pending = functools.partial(_cells, DISTRICT_FILE)
    return table


def lookup(code: str | RegionCode, *, regions: RegionTable | None = None) -> Region | None:
    """The row for a dotted code in ``regions`` (default: the shipped table), or ``None``.

    >>> lookup("31.71").name
    'Kota Administrasi Jakarta Pusat'
    """
    return (default_region_table() if regions is None else regions).get(code)
