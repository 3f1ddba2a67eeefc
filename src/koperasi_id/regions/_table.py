"""Region tables: rows and look-ups (private).

The shipped national table is built in ``_shipped``; a caller's rows or CSV
file are read in ``_loading``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import attrs

from koperasi_id._values import mask
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.law import Citation, Confidence
from koperasi_id.regions._scheme import (
    _PARENT_CUT,
    _SPLITS,
    PROVINCES,
    RegionCode,
    RegionLevel,
    RegionStatus,
    _new,
)


@attrs.frozen(kw_only=True)
class Region:
    """One row of a region table: a code, its name, and whether it is still used.

    A retired row names its ``successor`` code where there is one and the law
    that ``retired_by`` it (the split). ``confidence`` says how sure the data is
    (the Kalimantan Utara codes retired in 2012-13 are an inference).
    """

    code: RegionCode
    name: str
    status: RegionStatus = RegionStatus.CURRENT
    successor: RegionCode | None = None
    retired_by: Citation | None = None
    confidence: Confidence = Confidence.HIGH

    @property
    def level(self) -> RegionLevel:
        """The row's administrative level."""
        return self.code.level


def _code_text(code: object) -> str:
    # str() of any object would do, until it is a deeply nested list
    # (RecursionError) or a 5,000-digit int (ValueError): check the type first.
    if isinstance(code, str | RegionCode):
        return str(code)
    raise ValidationError.single(
        "region.type",
        f"a region code is a str or a RegionCode, not {type(code).__name__}",
        message_id=f"kode wilayah harus str atau RegionCode, bukan {type(code).__name__}",
    )


# Held while a table reads its pending district rows. A question asked from
# another thread meanwhile must wait for the whole list: answered from half a
# list (or none) it would call an unknown district "not covered", and the
# table would remember that answer for good. One lock for every table keeps
# tables free of unpicklable state; only the first district question waits.
_LOAD_LOCK = threading.Lock()

# How much of a region name or a table's source a message shows.
_MAX_SHOWN = 120

#: The longest cell a region row takes. The longest name in the decree is
#: under 50 characters; a cell past this is not a name or an instrument (and
#: would be carried into every NIK warning that names the region).
MAX_CELL_LENGTH = 200

#: Codes whose answers a table remembers (:meth:`RegionTable.found`); about
#: the number of districts, so a national file stays in memory.
FOUND_MEMO_SIZE = 16_384


class RegionTable:
    """Current and retired region codes, with the regions each list covers.

    A table *covers* the children of a region when it holds at least one
    current child of it: a table with one Lampung regency is taken to hold
    all of Lampung's regencies. For a covered region an absent code is
    :attr:`RegionStatus.UNKNOWN`; otherwise :attr:`RegionStatus.NOT_COVERED`.

    What an unknown code is in a NIK or region check: an error at every level
    when ``strict`` (the default of :meth:`from_csv`); an error at regency
    level only when ``strict_regencies`` (the shipped national table: an
    unknown district stays a warning unless the caller asks for strict
    district checks); otherwise a warning.

    The shipped table reads its district list once, on the first question
    that needs it: a caller who never looks below regency level never reads it.

    >>> from koperasi_id.regions import default_region_table
    >>> table = default_region_table()
    >>> table.status("18.71"), table.status("18.99"), table.status("18.71.99")
    (<RegionStatus.CURRENT: 'berlaku'>, <RegionStatus.UNKNOWN: 'tidak_dikenal'>, <RegionStatus.UNKNOWN: 'tidak_dikenal'>)
    >>> [r.name for r in table.children("18")][-2:]
    ['Kota Bandar Lampung', 'Kota Metro']
    """

    __slots__ = (
        "_by_code",
        "_children",
        "_covered",
        "_found_memo",
        "_pending",
        "_quiet",
        "source",
        "strict",
        "strict_regencies",
    )

    def __init__(
        self,
        regions: Iterable[Region],
        *,
        source: str = "",
        strict: bool = False,
        strict_regencies: bool | None = None,
    ) -> None:
        # A value is a Region, or the trusted CSV cells of one (code, name[, status,
        # successor, retired_by, confidence]) turned into a Region when first asked for.
        self._by_code: dict[str, Region | Sequence[str]] = {}
        self._children: dict[str, list[str]] = {}
        self._covered: set[str] = set()
        for p in PROVINCES:
            self._add(Region(code=_new(RegionCode, p.code, ()), name=p.name))
        self._add_all(regions)
        # The shipped table's district list, read on the first question that needs it.
        self._pending: Callable[[], list[list[str]]] | None = None
        self._found_memo: dict[tuple[str, str, str], tuple[tuple[int, Problem], ...]] = {}
        self._quiet: set[str] = set()
        self.source = source
        self.strict = strict
        self.strict_regencies = strict if strict_regencies is None else strict_regencies

    def _add(self, row: Region | Sequence[str]) -> str | None:
        """Add one row; the parent whose list of children grew, if one did."""
        if isinstance(row, Region):
            code, current = row.code.code, row.status is RegionStatus.CURRENT
        else:
            code, current = row[0], len(row) < 3 or row[2] in ("", RegionStatus.CURRENT.value)
        grown = None
        if code not in self._by_code and len(code) > 2:
            grown = code[: _PARENT_CUT[len(code)]]
            self._children.setdefault(grown, []).append(code)
        self._by_code[code] = row
        if current and len(code) > 2:
            self._covered.add(code[: _PARENT_CUT[len(code)]])
        return grown

    def _region(self, code: str) -> Region | None:
        row = self._by_code.get(code)
        if row is None or type(row) is Region:
            return row
        region = _region_from_cells(row)  # type: ignore[arg-type]
        self._by_code[code] = region
        return region

    def _all(self) -> list[Region]:
        self._load()
        return [r for r in map(self._region, sorted(self._by_code)) if r is not None]

    def _add_all(self, regions: Iterable[Region | Sequence[str]]) -> None:
        grown = {self._add(region) for region in regions}
        grown.discard(None)
        # A sorted copy replaces each list that grew: sorting in place would
        # show another thread an empty list while the sort runs.
        for parent in grown:
            assert parent is not None
            self._children[parent] = sorted(self._children[parent])

    def _load(self, length: int | None = None) -> None:
        """Read the pending district rows if a code of ``length`` (None: any) may need them.

        ``_pending`` is cleared only once every row is in, and under the lock:
        a thread that finds it cleared finds the whole list.
        """
        if self._pending is not None and (length is None or length >= 8):
            with _LOAD_LOCK:
                pending = self._pending
                if pending is not None:
                    self._add_all(pending())
                    self._pending = None

    def __len__(self) -> int:
        self._load()
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._all())

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str | RegionCode):
            return False
        text = str(code)
        self._load(len(text))
        return text in self._by_code

    def __repr__(self) -> str:
        return (
            f"RegionTable({len(self)} codes, source={mask(self.source, limit=_MAX_SHOWN, quote=True)}, strict={self.strict}, "
            f"strict_regencies={self.strict_regencies})"
        )

    def get(self, code: str | RegionCode) -> Region | None:
        """The row for a dotted code, or ``None``."""
        text = code if type(code) is str else _code_text(code)
        if self._pending is not None and len(text) >= 8:
            self._load()
        row = self._by_code.get(text)
        if row is None or type(row) is Region:
            return row  # the hot path: one dict look-up, no call
        return self._region(text)

    def covers(self, code: str | RegionCode) -> bool:
        """Whether the table lists the siblings of ``code`` (so absence means unknown)."""
        text = code if type(code) is str else _code_text(code)
        if len(text) == 2:
            return True
        if self._pending is not None and len(text) >= 8:
            self._load()
        return text[: _PARENT_CUT.get(len(text), 0)] in self._covered

    def status(self, code: str | RegionCode) -> RegionStatus:
        """Current, retired, unknown, or not covered by this table."""
        text = code if type(code) is str else _code_text(code)
        region = self.get(text)
        if region is not None:
            return region.status
        return RegionStatus.UNKNOWN if self.covers(text) else RegionStatus.NOT_COVERED

    def children(self, code: str | RegionCode, *, retired: bool = False) -> tuple[Region, ...]:
        """The rows one level below ``code`` (current only unless ``retired``), in code order."""
        parent = str(code)
        self._load(len(parent) + 3)
        rows = [self._region(c) for c in self._children.get(parent, ())]
        return tuple(
            r for r in rows if r is not None and (retired or r.status is RegionStatus.CURRENT)
        )

    def retired(self) -> tuple[Region, ...]:
        """Every retired row, in code order."""
        return tuple(r for r in self if r.status is RegionStatus.RETIRED)

    def problems(self, code: str, *, prefix: str) -> list[Problem]:
        """Problems with a structurally valid dotted regency/district code.

        A retired code gives ``<prefix>.historical_region_code`` (always a
        warning: a NIK keeps the code it was issued under); a code absent from
        a covered list gives ``<prefix>.region_unknown``. :meth:`check` sorts
        them into errors and warnings.
        """
        return [problem for _, problem in self._memo_found(code, prefix)]

    def check(
        self, code: str, *, prefix: str, strict_districts: bool = False
    ) -> tuple[list[Problem], list[Problem]]:
        """(errors, warnings) for a structurally valid dotted regency/district code.

        An unknown regency is an error when the table is :attr:`strict` or
        :attr:`strict_regencies`; an unknown district when the table is
        :attr:`strict` or the caller passes ``strict_districts``. A retired
        code is always a warning.

        >>> from koperasi_id.regions import default_region_table
        >>> table = default_region_table()
        >>> [p.code for p in table.check("18.71.99", prefix="nik")[1]]
        ['nik.region_unknown']
        >>> [p.code for p in table.check("18.71.99", prefix="nik", strict_districts=True)[0]]
        ['nik.region_unknown']
        >>> [p.code for p in table.check("18.99.01", prefix="nik")[0]]
        ['nik.region_unknown']
        """
        errors: list[Problem] = []
        warnings: list[Problem] = []
        for level_length, problem in self._memo_found(code, prefix):
            unknown = problem.code == f"{prefix}.region_unknown"
            strict_here = self.strict or (
                self.strict_regencies if level_length == 5 else strict_districts
            )
            (errors if unknown and strict_here else warnings).append(problem)
        return errors, warnings

    def _memo_found(self, code: str, prefix: str) -> tuple[tuple[int, Problem], ...]:
        """What :meth:`check` sorts: (code length, problem) for each level, usually none.

        Remembered per code: a file repeats its districts (every NIK asks about
        one), the rows never change once read, and problems are immutable.
        The memory is bounded (:data:`FOUND_MEMO_SIZE` codes, then forgotten).
        """
        key = (code, prefix, self.source)  # the source is part of the message
        memo = self._found_memo
        hit = memo.get(key)
        if hit is None:
            if len(memo) >= FOUND_MEMO_SIZE:
                memo.clear()
            hit = memo[key] = tuple(self._found(code, prefix))
        return hit

    def _quiet_district(self, digits: str) -> bool:
        """Whether the district of six compact digits (``187101``) raises no problem at all.

        The NIK check's common case, remembered per code (bounded like
        :meth:`_memo_found`): no problem means no message, so neither the
        prefix nor the source matters, and the rows never change once read.
        """
        quiet = self._quiet
        if digits in quiet:
            return True
        if next(self._found(f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}", "region"), None):
            return False
        if len(quiet) >= FOUND_MEMO_SIZE:
            quiet.clear()
        quiet.add(digits)
        return True

    def _found(self, code: str, prefix: str) -> Iterator[tuple[int, Problem]]:
        retired_above = False
        for cut in (5, 8):
            if len(code) < cut:
                return
            part = code[:cut]
            region = self.get(part)
            if region is not None:
                # One warning per code: the districts of a retired regency are retired too.
                if region.status is RegionStatus.RETIRED and not retired_above:
                    retired_above = True
                    successor = f", now {region.successor}" if region.successor else ""
                    successor_id = f", kini {region.successor}" if region.successor else ""
                    # The name comes from the caller's file: input, so masked.
                    name = mask(region.name, limit=_MAX_SHOWN)
                    yield (
                        cut,
                        Problem(
                            code=f"{prefix}.historical_region_code",
                            message=f"region {part} ({name}) is a retired code"
                            f"{successor}; still valid for numbers issued before",
                            message_id=f"wilayah {part} ({name}) adalah kode yang sudah tidak berlaku"
                            f"{successor_id}; tetap sah untuk nomor yang terbit sebelumnya",
                        ),
                    )
                continue
            if self.covers(part):
                # The source names the caller's file (or what they passed): masked.
                source = mask(self.source, limit=_MAX_SHOWN)
                yield (
                    cut,
                    Problem(
                        code=f"{prefix}.region_unknown",
                        message=f"region {part} is not in the region table ({source})",
                        message_id=f"wilayah {part} tidak ada dalam tabel wilayah ({source})",
                    ),
                )
            return

    def merged(self, other: RegionTable, *, strict: bool | None = None) -> RegionTable:
        """A new table with ``other``'s rows added (``other`` wins on the same code)."""
        return RegionTable(
            [*self._all(), *other._all()],
            source=f"{self.source} + {other.source}",
            strict=self.strict if strict is None else strict,
            strict_regencies=self.strict_regencies if strict is None else strict,
        )

    @classmethod
    def from_rows(
        cls, rows: Iterable[Mapping[str, str]], *, source: str = "rows", strict: bool = True
    ) -> RegionTable:
        """Build a table from mappings with the CSV columns (see :meth:`from_csv`)."""
        # Reading rows is its own module (_loading), loaded with the first
        # caller's table: it builds tables from this class.
        from koperasi_id.regions._loading import table_from_rows  # noqa: PLC0415

        return table_from_rows(cls, rows, source=source, strict=strict)

    @classmethod
    def from_csv(
        cls,
        path: str | os.PathLike[str],
        *,
        strict: bool = True,
        with_shipped_retired: bool = True,
        encoding: str = "utf-8-sig",
    ) -> RegionTable:
        """Load a region list from a CSV file; region checks against it are strict.

        Format: a header row, then one row per code. Required columns ``code``
        (dotted ``18.71.01`` or compact ``187101``) and ``name``. Optional
        columns: ``status`` (``berlaku``, the default, or ``tidak_berlaku``),
        ``successor`` (the new code of a retired one), ``retired_by`` (the
        instrument, e.g. ``UU 14/2022``) and ``confidence`` (``H``, ``M`` or
        ``L``; default ``H``). cahyadsn/wilayah's ``kode,nama`` export works
        after renaming the header to ``code,name``.

        A current list alone would reject every NIK issued under a code
        retired by a split, so the shipped retired codes are merged in unless
        ``with_shipped_retired=False``. Errors name the row as ``$[n]`` (the
        first data row is ``$[0]``); a file that cannot be opened
        (``region.file``, its path masked), is not text in ``encoding``
        (``region.encoding``) or not CSV (``region.csv``) is a ValidationError
        too.
        """
        from koperasi_id.regions._loading import table_from_csv  # noqa: PLC0415

        return table_from_csv(
            cls, path, strict=strict, with_shipped_retired=with_shipped_retired, encoding=encoding
        )


_CONFIDENCE_BY_LETTER = {c.value: c for c in Confidence}


def _region_from_cells(cells: Sequence[str]) -> Region:
    if len(cells) == 2:  # a current row: every other column takes its default
        return Region(code=_new(RegionCode, cells[0], ()), name=cells[1])
    code, name, status, successor, retired_by, confidence = (*cells, "", "", "", "")[:6]
    return Region(
        code=_new(RegionCode, code, ()),
        name=name,
        status=RegionStatus(status or RegionStatus.CURRENT.value),
        successor=_new(RegionCode, successor, ()) if successor else None,
        retired_by=_SPLITS.get(retired_by, Citation(retired_by)) if retired_by else None,
        confidence=_CONFIDENCE_BY_LETTER[confidence or "H"],
    )
