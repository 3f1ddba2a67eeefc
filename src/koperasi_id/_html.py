"""Small HTML tables for notebooks (``_repr_html_``): decisions, schedules, registry summaries.

Every piece of text is escaped, and first masked: a message may quote a
value from the input, and a NIK must not reach a notebook's saved output.

>>> cell("<b>1871010101900001</b>")
'<td>&lt;b&gt;187101******0001&lt;/b&gt;</td>'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from koperasi_id._values import mask

__all__ = ["cell", "table", "text"]

_STYLE = "border-collapse:collapse;text-align:left"


def text(value: object) -> str:
    """``value`` as HTML text: masked, then escaped."""
    return html.escape(mask(str(value)))


def cell(value: object, *, tag: str = "td") -> str:
    """One table cell holding ``value``."""
    return f"<{tag}>{text(value)}</{tag}>"


def table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    limit: int | None = None,
    notes: Iterable[str] = (),
) -> str:
    """A captioned table; with ``limit``, rows past it are summarised in one line."""
    parts = [f'<table style="{_STYLE}">', f"<caption>{text(caption)}</caption>"]
    parts.append("<thead><tr>" + "".join(cell(h, tag="th") for h in head) + "</tr></thead>")
    parts.append("<tbody>")
    hidden = 0
    for index, row in enumerate(rows):
        if limit is not None and index >= limit:
            hidden += 1
            continue
        parts.append("<tr>" + "".join(cell(v) for v in row) + "</tr>")
    if hidden:
        parts.append(f'<tr><td colspan="{len(head)}">… {hidden} more</td></tr>')
    parts.append("</tbody></table>")
    parts.extend(f"<p>{text(note)}</p>" for note in notes)
    return "".join(parts)
