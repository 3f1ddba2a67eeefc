"""Generated documentation of the register: the "Every rule" page and the JSON Schema.

``docs/conf.py`` calls :func:`write` when a docs build starts, so the page is
always made from the register; the committed copies let the docs be read on
the forge, and a test fails when they are stale. Regenerate by hand with
``python -m koperasi_id._register_docs``.
"""

from __future__ import annotations

import json
import sys
from itertools import groupby
from pathlib import Path

from koperasi_id._register import registered_rules
from koperasi_id._register_export import register_schema, wire_value

__all__ = ["PAGE", "SCHEMA", "render_every_rule", "render_schema", "write"]

#: Where the generated files live, relative to the docs directory.
PAGE = Path("rules") / "every-rule.md"
SCHEMA = Path("law-register.schema.json")

_VALUE_WIDTH = 160


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _value(value: object, rule_id: str) -> str:
    text = json.dumps(wire_value(value), ensure_ascii=False, separators=(", ", ": "))
    if len(text) > _VALUE_WIDTH:
        text = text[:_VALUE_WIDTH].rstrip() + " …"
        return f"`{_cell(text)}` (full: `koperasi-id law show {rule_id}`)"
    return f"`{_cell(text)}`"


def render_every_rule() -> str:
    """The Markdown page: one table per module, one row per regime."""
    lines = [
        "# Every rule",
        "",
        "<!-- Generated from the law register by koperasi_id._register_docs; do not edit. -->",
        "",
        "Every dated rule the library applies, made from the law register when the",
        "docs are built. Each row is one regime: its value (in the wire form of",
        "{doc}`../guide/serialization`), the first and last day it is in force (an",
        "empty *to* means still in force), the instrument and article, and the",
        "confidence (H, M, L) of the domain notes. `koperasi-id law list --as-of DAY`",
        "and `koperasi-id law diff FROM TO` ask the same register from the command",
        "line; {doc}`../guide/overrides` shows how to run the rules with other values.",
        "",
    ]
    rules = registered_rules()
    for module, entries in groupby(
        sorted(rules, key=lambda e: (e.info.module, e.info.id)), key=lambda e: e.info.module
    ):
        lines += [f"## `{module}`", ""]
        lines += [
            "| Rule | Value | From | To | Instrument and article | Confidence |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for entry in entries:
            info = entry.info
            for i, regime in enumerate(entry.regimes):
                also = "".join(f" (also `{alias}`)" for alias in info.aliases)
                rule = (
                    f"`{info.id}`{also} ({info.unit.value}): {_cell(info.description_en)}"
                    if i == 0
                    else "″"
                )
                cited = regime.citation
                source = (
                    cited.instrument
                    if cited.article is None
                    else (f"{cited.instrument} {cited.article}")
                )
                lines.append(
                    f"| {rule} | {_value(regime.value, info.id)} | "
                    f"{regime.valid_from.isoformat()} | "
                    f"{'' if regime.valid_to is None else regime.valid_to.isoformat()} | "
                    f"{_cell(source)} | {regime.confidence.value} |"
                )
        lines.append("")
    return "\n".join(lines)


def render_schema() -> str:
    """The register's JSON Schema as committed text."""
    return json.dumps(register_schema(), indent=2, ensure_ascii=False) + "\n"


def write(docs_dir: Path) -> list[Path]:
    """Write the page and the schema under ``docs_dir`` where they changed."""
    written = []
    for relative, text in ((PAGE, render_every_rule()), (SCHEMA, render_schema())):
        target = docs_dir / relative
        if not target.exists() or target.read_text("utf-8") != text:
            target.write_text(text, "utf-8")
            written.append(target)
    return written


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(path)
