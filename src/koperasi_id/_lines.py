"""Bounded, numbered physical lines and the CSV record splitter over them (private).

Python's :mod:`csv` reader, given a file, reads on across line ends for as
long as a quoted cell stays open: one stray ``"`` swallows every record up to
the next quote, or to the end of the file. Here the reader is fed one
numbered line at a time, and a line asked for *inside* an open quote is
inspected first: when it reads as a row of its own, when the record would
pass :data:`~koperasi_id._limits.MAX_RECORD_CHARS`, or at the end of the
file, the quote is taken as unclosed. The record that opened it ends on its
own lines, and every line after them is read again as records, so that each
keeps its line number and its output row. Work stays linear: a line read
again is read on its own, never as a continuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from koperasi_id import _limits

if TYPE_CHECKING:
    from koperasi_id.errors import Language

__all__ = [
    "CsvLines",
    "LongLine",
    "NumberedLines",
    "Unclosed",
    "first_record",
    "json_too_deep",
    "unclosed_quote_message",
]


class LongLine(Exception):  # noqa: N818 - a signal between the feed and its reader, not an error
    """The next line is longer than the line limit; its text was skipped."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class Unclosed(Exception):  # noqa: N818 - a signal, as above
    """The quoted cell of the current record does not close before a row, the limit or the end."""


def unclosed_quote_message(more: bool, lang: Language = "en") -> str:
    """The ``csv.quote`` problem text; ``more`` when lines after it were read again."""
    if lang == "id":
        return (
            "tanda kutip membuka sel pada baris ini dan tidak ditutup sebelum "
            + (
                "baris-baris sesudahnya, yang dibaca sebagai rekaman tersendiri"
                if more
                else "baris berikutnya"
            )
            + "; periksa tanda kutip pada baris ini"
        )
    return (
        "a quote opens a cell on this line and does not close before "
        + ("the lines after it, which are read as records of their own" if more else "the next row")
        + "; check the quotes on this line"
    )


class NumberedLines:
    """The lines of ``text`` with their numbers; a line over the limit comes back as ``None``.

    A line longer than ``limit`` characters (line end not counted) is
    skipped in chunks, never held whole in memory.

    >>> import io
    >>> list(NumberedLines(io.StringIO("ab\\r\\n" + "x" * 9 + "\\ncd"), first=1, limit=5))
    [(1, 'ab\\r\\n'), (2, None), (3, 'cd')]
    """

    def __init__(self, text: TextIO, *, first: int, limit: int | None = None) -> None:
        self._readline = text.readline
        self._number = first
        self._limit = _limits.MAX_LINE_CHARS if limit is None else limit
        # Two characters of slack keep a line exactly at the limit plus "\r\n" whole.
        self._read_size = self._limit + 2
        self._cr_cut = False  # a skipped line ended on "\r" whose "\n" may still follow

    def __iter__(self) -> Iterator[tuple[int, str | None]]:
        return self

    def __next__(self) -> tuple[int, str | None]:
        line = self._readline(self._read_size)
        if self._cr_cut:
            self._cr_cut = False
            if line == "\n":
                line = self._readline(self._read_size)
        if not line:
            raise StopIteration
        number = self._number
        self._number += 1
        if len(line) <= self._limit or len(line.rstrip("\r\n")) <= self._limit:
            return number, line
        while not line.endswith(("\n", "\r")):
            line = self._readline(self._limit)
            if not line:
                break
        self._cr_cut = line.endswith("\r")
        return number, None


class CsvLines:
    """The iterator :func:`csv.reader` reads: one numbered line per call, checked first.

    ``record`` holds the numbered lines handed out for the record being
    read; the caller takes them with :meth:`take` once the reader returns
    the record, or once the reader stops with :class:`Unclosed`,
    :class:`LongLine` or :class:`csv.Error`.
    """

    def __init__(
        self, lines: Iterator[tuple[int, str | None]], *, delimiter: str, width: int | None
    ) -> None:
        self._lines = lines
        self._back: list[tuple[int, str | None, bool]] = []  # a stack: last in, read first
        self._delimiter = delimiter
        self._quote_or_delimiter = re.compile(f'["{re.escape(delimiter)}]')
        self._row_delimiters = 2
        self._width: int | None = None
        if width is not None:
            self.expect_width(width)
        self.record: list[tuple[int, str]] = []
        self.chars = 0
        self._alone = False  # the record started on a line read again: it may not continue
        # Where the CSV rules stand after the record's lines scanned so far (a
        # continuation line needs it): delimiters outside quotes, inside a quoted
        # cell, at the start of a cell. Each line is scanned once.
        self._scanned = 0
        self._state = (0, False, True)

    def __iter__(self) -> Iterator[str]:
        return self

    def expect_width(self, width: int) -> None:
        """Rows have ``width`` cells (a reader without a header learns it from the first row)."""
        # A multi-line address does not hold a line with (nearly) a row's worth of delimiters.
        self._row_delimiters = max(width - 1, 2)
        self._width = width

    def __next__(self) -> str:
        if self._back:
            number, line, alone = self._back.pop()
        else:
            try:
                number, line = next(self._lines)
            except StopIteration:
                if self.record:  # the end of the file inside the record's open quote
                    raise Unclosed from None
                raise
            alone = False
        if self.record:  # the reader asks for more: the record's quoted cell is still open
            if (
                self._alone
                or line is None
                or self.chars + len(line) > _limits.MAX_RECORD_CHARS
                or (
                    line.count(self._delimiter) >= self._row_delimiters
                    and not self._completes_record(line)
                )
            ):
                self._back.append((number, line, alone))
                raise Unclosed
        else:
            if line is None:
                raise LongLine(number)
            self._alone = alone
            self.chars = 0
            self._scanned = 0
            self._state = (0, False, True)
        self.record.append((number, line))
        self.chars += len(line)
        return line

    def _completes_record(self, line: str) -> bool:
        """Whether ``line`` closes the open quoted cell and ends the record at the header's width.

        A line with a row's worth of delimiters is, as a rule, a row of its
        own; but when the cell with a line break is the first of its row, the
        rest of the row follows the break. That line closes the quote where
        its cell ends (before a delimiter or the line end: ``Toko "Maju"``
        closes nothing) and leaves the record no more cells than columns.
        """
        if self._width is None or not self._closes_a_cell(line):
            return False
        for _, earlier in self.record[self._scanned :]:
            self._state = self._scan(earlier, *self._state)
        self._scanned = len(self.record)
        # Within the header's width, whether the record ends on this line or
        # a later cell opens here and runs on (it is checked again then).
        delimiters, _, _ = self._scan(line, *self._state)
        return delimiters <= self._width - 1

    def _closes_a_cell(self, line: str) -> bool:
        # The line starts inside the open quoted cell: its first quote that is
        # not a doubled one closes that cell, and must end it.
        at = line.find('"')
        while at >= 0 and line.startswith('"', at + 1):
            at = line.find('"', at + 2)
        return at >= 0 and (at + 1 == len(line) or line[at + 1] in (self._delimiter, "\r", "\n"))

    def _scan(
        self, line: str, delimiters: int, inside: bool, at_start: bool
    ) -> tuple[int, bool, bool]:
        # csv's own rules, for quotes and delimiters only: a quote opens a cell
        # only at its start, "" inside a quoted cell is a quote, any other quote
        # there closes it. Linear in the line.
        escaped_at = -1
        for found in self._quote_or_delimiter.finditer(line):
            at = found.start()
            if at == escaped_at:
                continue
            if found.group() != '"':
                if not inside:
                    delimiters += 1
                    at_start = True
                continue
            if inside:
                if line.startswith('"', at + 1):
                    escaped_at = at + 1
                else:
                    inside, at_start = False, False
            elif at_start and (at == 0 or line[at - 1] == self._delimiter):
                inside = True
            else:
                at_start = False
        return delimiters, inside, at_start

    def next_line(self) -> tuple[int, str | None, bool]:
        """The next numbered line, taken outside the reader; the flag says it is read again.

        For a caller that splits a line without a quote itself (a record
        of its own) and hands any other back with :meth:`push` for the reader.
        ``StopIteration`` at the end of the lines.
        """
        if self._back:
            return self._back.pop()
        number, line = next(self._lines)
        return number, line, False

    def push(self, number: int, line: str | None, again: bool) -> None:
        """Put back a line from :meth:`next_line`: the reader reads it next."""
        self._back.append((number, line, again))

    def take(self) -> list[tuple[int, str]]:
        """The lines of the record just read (or abandoned); the next record starts afresh."""
        record, self.record = self.record, []
        return record

    def read_again(self, lines: list[tuple[int, str]]) -> None:
        """Put ``lines`` back to be read next, each as a record on its own."""
        self._back.extend((number, line, True) for number, line in reversed(lines))


def first_record(
    first: tuple[int, str], lines: Iterator[tuple[int, str | None]], *, limit: int | None = None
) -> tuple[int, str]:
    """The whole first CSV record (a header) from its first line on: its last line's number, its text.

    A quoted cell may hold line breaks (Excel wraps a long column name so),
    and the record goes on over the ``lines`` that follow until its quotes
    close at a line end, under the CSV rules for the delimiter :mod:`koperasi_id._io`
    detects (the commonest of ``,`` ``;`` tab so far). :class:`LongLine` when
    a line is past the line limit, :class:`Unclosed` when a quote does not
    close before the end of the lines or ``limit`` characters (the line
    limit: a header is one line's worth of text, whatever its breaks).

    >>> first_record((1, 'nik,"Nama\\n'), iter([(2, 'Lengkap",kk\\n'), (3, "1,2,3\\n")]))
    (2, 'nik,"Nama\\nLengkap",kk\\n')
    """
    limit = _limits.MAX_LINE_CHARS if limit is None else limit
    number, line = first
    scanners = {d: CsvLines(iter(()), delimiter=d, width=None) for d in (",", ";", "\t")}
    states = dict.fromkeys(scanners, (0, False, True))
    counts = dict.fromkeys(scanners, 0)
    taken = [line]
    chars = len(line)
    while True:
        for delimiter, scanner in scanners.items():
            states[delimiter] = scanner._scan(line, *states[delimiter])
            counts[delimiter] += line.count(delimiter)
        # The commonest delimiter, "," on a tie or without one: detect_delimiter's choice.
        if not states[max(scanners, key=counts.__getitem__)][1]:
            return number, "".join(taken)
        try:
            number, more = next(lines)
        except StopIteration:
            raise Unclosed from None
        if more is None:
            raise LongLine(number)
        chars += len(more)
        if chars > limit:
            raise Unclosed
        line = more
        taken.append(line)


# A JSON string (closed or not: an unclosed one runs to the end, so the scan
# never backtracks), or one bracket.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_OPENERS = str.maketrans("[{]}", "(())")


def json_too_deep(text: str, limit: int | None = None) -> bool:
    """Whether the JSON ``text`` nests arrays and objects deeper than ``limit``.

    Linear in ``text``: brackets inside strings do not count, and text with
    fewer brackets than the limit is passed at once.

    >>> json_too_deep('{"a": [1, {"b": "[[[["}]}', limit=3), json_too_deep("[[[1]]]", limit=2)
    (False, True)
    """
    limit = _limits.MAX_JSON_DEPTH if limit is None else limit
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)).translate(_OPENERS)
    depth = 0
    # Runs of openers and closers, not single characters: a bomb is one long run.
    for run in re.finditer(r"\(+|\)+", brackets):
        size = run.end() - run.start()
        if run.group()[0] == "(":
            depth += size
            if depth > limit:
                return True
        else:
            depth = max(depth - size, 0)
    return False
