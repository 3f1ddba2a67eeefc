"""The size limits of everything the library reads from a file (private module).

They live in the bottom layer so that the file readers (``_io``, ``batch``)
and the domain row formats (``bpum``) check the same numbers. Each limit
turns into a problem for the one record that passes it, never an abort; the
guide page "Limits and personal data" lists them with their reasons.
"""

from __future__ import annotations

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_JSON_DEPTH",
    "MAX_LINE_CHARS",
    "MAX_RECORD_CHARS",
    "SHOWN_NAME_CHARS",
]

#: Longest CSV cell, in characters. Twice Excel's own cell limit (32,767), so
#: nothing a spreadsheet saves is refused; a longer cell is junk, and it never
#: reaches a value parser.
MAX_CELL_CHARS = 65_536
#: Longest physical line (CSV or JSON Lines), in characters: 16 cells at the
#: cell limit. The rest of a longer line is skipped without being held in memory.
MAX_LINE_CHARS = 1_048_576
#: Longest CSV record (a quoted cell may span lines), in characters.
MAX_RECORD_CHARS = 1_048_576
#: Most columns a CSV header may have: Excel's column limit (XFD).
MAX_COLUMNS = 16_384
#: Deepest nesting of one JSON record. The library's deepest entity nests
#: four levels; Python's own parser recurses once per level, so a bound far
#: under the interpreter's recursion limit keeps a ``[[[[...`` line a problem
#: of its record instead of a RecursionError.
MAX_JSON_DEPTH = 64
#: Most characters of a column name a problem's path shows (then ``…``). A
#: header name may be a cell long; shown whole in every row's problems, one
#: long name would multiply the report by the rows. Field paths are far shorter.
SHOWN_NAME_CHARS = 80
