"""Region tables from a caller's rows or CSV file: cell checks and row parsing (private).

:meth:`RegionTable.from_rows <koperasi_id.regions.RegionTable.from_rows>` and
:meth:`RegionTable.from_csv <koperasi_id.regions.RegionTable.from_csv>` delegate here,
so a program that only asks the shipped table never loads the reader.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping

from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Citation
from koperasi_id.regions._scheme import _SPLITS, RegionCode, RegionStatus
from koperasi_id.regions._table import (
    _CONFIDENCE_BY_LETTER,
    MAX_CELL_LENGTH,
    Region,
    RegionTable,
)


def table_from_rows(
    cls: type[RegionTable], rows: Iterable[Mapping[str, str]], *, source: str, strict: bool
) -> RegionTable:
    """The body of :meth:`RegionTable.from_rows`: every row parsed, every problem at ``$[n]``."""
    regions: list[Region] = []
    problems: list[Problem] = []
    for index, row in enumerate(rows):
        try:
            regions.append(_region_from_row(row))
        except ValidationError as err:
            problems.extend(err.under(f"$[{index}]").problems)
    if problems:
        raise ValidationError(problems)
    return cls(regions, source=source, strict=strict)


def table_from_csv(
    cls: type[RegionTable],
    path: str | os.PathLike[str],
    *,
    strict: bool,
    with_shipped_retired: bool,
    encoding: str,
) -> RegionTable:
    """The body of :meth:`RegionTable.from_csv` (the format and the errors are documented there)."""
    try:
        handle = open(path, newline="", encoding=encoding)  # noqa: SIM115 - closed below
    except (OSError, ValueError) as err:  # ValueError: a NUL in the name
        # Python's error names the path, which may hold a NIK: masked, and
        # without the chained original.
        shown = mask(os.fsdecode(path), limit=200, quote=True)
        why = err.strerror if isinstance(err, OSError) else "not a usable file name"
        raise ValidationError.single(
            "region.file",
            f"the region file {shown} cannot be opened ({why})",
            message_id=f"berkas wilayah {shown} tidak dapat dibuka ({why})",
        ) from None
    with handle:
        try:
            table = cls.from_rows(csv.DictReader(handle), source=os.fspath(path), strict=strict)
        except UnicodeDecodeError:
            raise ValidationError.single(
                "region.encoding",
                f"the region file is not {mask(encoding, limit=40)} text",
                message_id=f"berkas wilayah bukan teks {mask(encoding, limit=40)}",
            ) from None
        except csv.Error:
            # csv's own message may quote the file: not repeated.
            raise ValidationError.single(
                "region.csv",
                "the region file is not a CSV file this reader can read "
                f"(a cell longer than {csv.field_size_limit()} characters, say)",
                message_id="berkas wilayah bukan berkas CSV yang dapat dibaca "
                f"(misalnya sel yang lebih panjang dari {csv.field_size_limit()} karakter)",
            ) from None
    if with_shipped_retired:
        # Only a merged table needs the shipped one (which builds its district
        # list on first use): imported here, when asked for.
        from koperasi_id.regions._shipped import default_region_table  # noqa: PLC0415

        table = RegionTable(
            [*default_region_table().retired(), *table._all()],
            source=table.source,
            strict=strict,
        )
    return table


def _cell(row: Mapping[str, object], key: str, default: str, problems: list[Problem]) -> str | None:
    """The stripped text of a column (``default`` when absent or empty).

    A row from pandas or JSON may hold a number or a list where the CSV
    reader gives text: a problem at the column's path (and ``None``), not an
    AttributeError. So is a cell past :data:`MAX_CELL_LENGTH`, whatever
    limit the csv module was left with.
    """
    value = row.get(key) or default
    if isinstance(value, str):
        if len(value) <= MAX_CELL_LENGTH:
            return value.strip()
        problems.append(
            Problem(
                path=f"$.{key}",
                code="region.too_long",
                message=f"the {key} column is longer than {MAX_CELL_LENGTH} characters",
                message_id=f"kolom {key} lebih panjang dari {MAX_CELL_LENGTH} karakter",
            )
        )
        return None
    problems.append(
        Problem(
            path=f"$.{key}",
            code="region.type",
            message=f"the {key} column holds text, not {type(value).__name__}",
            message_id=f"kolom {key} harus berupa teks, bukan {type(value).__name__}",
        )
    )
    return None


def _region_from_row(row: Mapping[str, str]) -> Region:
    problems: list[Problem] = []
    code = name = None
    code_text = _cell(row, "code", "", problems)
    try:
        code = None if code_text is None else RegionCode.parse(code_text, regions=_EMPTY_TABLE)
    except ValidationError as err:
        problems.extend(p.under("$.code") for p in err.problems)
    name = _cell(row, "name", "", problems)
    if name == "":
        problems.append(
            Problem(
                path="$.name",
                code="region.name",
                message="name is empty",
                message_id="nama wajib diisi",
            )
        )
    status_text = _cell(row, "status", "berlaku", problems)
    try:
        status = RegionStatus.CURRENT if status_text is None else RegionStatus(status_text)
    except ValueError:
        status = RegionStatus.CURRENT
        problems.append(
            Problem(
                path="$.status",
                code="region.status",
                message=f"status must be 'berlaku' or 'tidak_berlaku', got {mask(status_text, limit=20, quote=True)}",
                message_id=f"status harus 'berlaku' atau 'tidak_berlaku', diisi {mask(status_text, limit=20, quote=True)}",
            )
        )
    successor = None
    successor_text = _cell(row, "successor", "", problems)
    if successor_text:
        try:
            successor = RegionCode.parse(successor_text, regions=_EMPTY_TABLE)
        except ValidationError as err:
            problems.extend(p.under("$.successor") for p in err.problems)
    confidence_text = _cell(row, "confidence", "H", problems)
    confidence = _CONFIDENCE_BY_LETTER.get(confidence_text or "H")
    if confidence_text is not None and confidence is None:
        problems.append(
            Problem(
                path="$.confidence",
                code="region.confidence",
                message="use H, M or L",
                message_id="gunakan H, M atau L",
            )
        )
    retired_text = _cell(row, "retired_by", "", problems)
    if problems:
        raise ValidationError(problems)
    assert code is not None
    assert name is not None
    assert confidence is not None
    retired_by = _SPLITS.get(retired_text, Citation(retired_text)) if retired_text else None
    return Region(
        code=code,
        name=name,
        status=status,
        successor=successor,
        retired_by=retired_by,
        confidence=confidence,
    )


_EMPTY_TABLE = RegionTable((), source="none")
