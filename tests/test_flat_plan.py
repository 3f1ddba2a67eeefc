"""The column plan (koperasi_id._flat) reads a row as reading its columns one by one did.

The reference below is ``rows._unflatten`` as it was before the plan (one
column at a time, every column classified on every row). Both read the same
rows: real headers with junk cells, unknown and misfitting columns, renumbered
list items, nested objects; the wire dicts (with their key order), the
problems (in order) and the renumbering map must be equal.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from typing import Any

import pytest

from koperasi_id._flat import (
    _cell,
    _column_parts,
    _fields,
    _Kind,
    _null_when_empty,
    _row_items,
    unflatten_row,
)
from koperasi_id._values import mask
from koperasi_id.cooperatives import Cooperative
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.kur import KurApplication
from koperasi_id.rows import columns, structure


def _unflatten(
    cls: type,
    items: Iterable[tuple[str, str | None]],
    prefix: str,
    problems: list[Problem],
    *,
    compact_prefix: str,
    positions: dict[str, str] | None,
) -> dict[str, Any]:
    shapes = _fields(cls)
    data: dict[str, Any] = {}
    nested: dict[str, list[tuple[str, str | None]]] = {}
    indexed: dict[str, dict[int, list[tuple[str, str | None]]]] = {}
    for column, raw in items:
        parts = _column_parts(column) if column else None
        name = parts[0] if parts else None
        shape = shapes.get(name) if name else None
        if parts is None or name is None or shape is None:
            if raw not in (None, ""):
                shown = mask(prefix + column)  # a column name is input too: it may be a NIK
                problems.append(
                    Problem(
                        path=f"$.{shown}",
                        code="unknown_column",
                        message=f"column {mask(shown, limit=60)} is not a field of {cls.__name__}; "
                        f"known: {', '.join(shapes)}",
                        message_id=f"kolom {mask(shown, limit=60)} bukan kolom {cls.__name__}; "
                        f"yang dikenal: {', '.join(shapes)}",
                    )
                )
            continue
        index, rest = parts[1], parts[2]
        if shape.kind is _Kind.OBJECT and rest is not None and index is None:
            nested.setdefault(name, []).append((rest, raw))
        elif shape.kind is _Kind.OBJECT_LIST and rest is not None and index is not None:
            indexed.setdefault(name, {}).setdefault(int(index), []).append((rest, raw))
        elif index is None and rest is None:
            text = (raw or "").strip()
            if text:
                try:
                    data[name] = _cell(shape, text)
                except ValidationError as err:
                    problems.extend(err.under(f"$.{prefix}{name}").problems)
            elif raw is not None and name in _null_when_empty(cls):
                data[name] = None
        elif raw not in (None, ""):
            shown = mask(prefix + column)
            problems.append(
                Problem(
                    path=f"$.{shown}",
                    code="unknown_column",
                    message=f"column {mask(shown, limit=60)} does not fit field {name!r} "
                    f"of {cls.__name__}",
                    message_id=f"kolom {mask(shown, limit=60)} tidak cocok dengan kolom {name!r} "
                    f"pada {cls.__name__}",
                )
            )
    for name, sub in nested.items():
        if any(v not in (None, "") for _, v in sub):
            data[name] = _unflatten(
                shapes[name].target,
                sub,
                f"{prefix}{name}.",
                problems,
                compact_prefix=f"{compact_prefix}{name}.",
                positions=positions,
            )
    for name, by_index in indexed.items():
        target = shapes[name].target
        kept: list[dict[str, Any]] = []
        for i in sorted(by_index):
            if not any(v not in (None, "") for _, v in by_index[i]):
                continue
            column = f"{prefix}{name}[{i}]"
            compact = f"{compact_prefix}{name}[{len(kept)}]"
            if positions is not None and column != compact:
                positions[f"$.{compact}"] = f"$.{column}"
            kept.append(
                _unflatten(
                    target,
                    by_index[i],
                    f"{column}.",
                    problems,
                    compact_prefix=f"{compact}.",
                    positions=positions,
                )
            )
        data[name] = kept
    return data


_JUNK_CELLS = (
    "",
    None,
    " ",
    "  \t",
    "12",
    "0",
    "-5",
    "007",
    "12.5",
    "x",
    "ya",
    "Tidak",
    "TRUE",
    "t",
    "2024-03-09",
    "2024-02-30",
    "1.000",
    "Rp 1.000.000,00",
    "6.125",
    "9" * 30,
    "a|b",
    "|",
    "1871010101900001",
    "primer",
    "18.71",
    "12-31",
    "berbadan_hukum",
)
_JUNK_COLUMNS = (
    "",
    " ",
    "unknown",
    " name ",
    "NAME",
    "name.sub",
    "rat_records",
    "rat_records[1]",
    "rat_records[x].held_on",
    "rat_records[0000001].fiscal_year",
    "rat_records[7].nope",
    "rat_records[2].fiscal_year.x",
    "business",
    "business.nope",
    "business.name.x",
    "existing_credits[0]",
    "existing_credits[03].kind",
    "1871010101900001",
    "a[1].b",
    "rat_records[1234567].held_on",
    "legal_entity_numbers[0]",
)


def _header(cls: type, rng: random.Random) -> tuple[Any, ...]:
    names: list[Any] = columns(cls, list_items=rng.randint(0, 4))
    picked = [c for c in names if rng.random() < 0.8]
    picked += rng.sample(_JUNK_COLUMNS, rng.randint(0, 4))
    if rng.random() < 0.1:
        picked.append(rng.choice([None, 7]))  # DictReader's extra cells; a caller's own key
    rng.shuffle(picked)
    return tuple(dict.fromkeys(picked))  # a header names a column once


def _cells(header: tuple[Any, ...], rng: random.Random, valid: dict[str, str]) -> dict[Any, Any]:
    row: dict[Any, Any] = {}
    for column in header:
        row[column] = valid.get(column, "") if rng.random() < 0.5 else rng.choice(_JUNK_CELLS)
        if rng.random() < 0.01:
            row[column] = rng.choice([1, ["x"], b"x"])  # not a cell's text
    return row


def _ordered(value: object) -> str:
    # The key order of the wire dicts counts too.
    return json.dumps(value, default=repr)


@pytest.mark.parametrize("cls", [Cooperative, KurApplication])
def test_the_plan_reads_every_row_as_the_column_by_column_reference(cls: type) -> None:
    rng = random.Random(f"{cls.__name__}-flat")
    valid = {
        "name": "Koperasi Maju",
        "legal_entity_numbers": "1/BH/X/2015",
        "deed_approved_on": "2015-01-24",
        "member_count": "25",
        "rat_records[0].fiscal_year": "2020",
        "rat_records[1].reported": "ya",
        "business.name": "Warung",
        "existing_credits[0].plafond": "1.000.000",
        "plafond": "5000000",
    }
    seen = {"problems": 0, "renumbered": 0, "nested": 0, "not text": 0}
    for _ in range(60):
        header = _header(cls, rng)
        for _ in range(20):
            row = _cells(header, rng, valid)
            want_problems: list[Problem] = []
            want_positions: dict[str, str] = {}
            want = _unflatten(
                cls,
                _row_items(row, want_problems),
                "",
                want_problems,
                compact_prefix="",
                positions=want_positions,
            )
            got_problems: list[Problem] = []
            got_positions: dict[str, str] = {}
            got = unflatten_row(cls, row, got_problems, got_positions)
            assert _ordered(got) == _ordered(want)
            assert got_problems == want_problems
            assert list(got_positions.items()) == list(want_positions.items())
            assert unflatten_row(cls, row, [], None) == want
            seen["problems"] += bool(want_problems)
            seen["not text"] += any(
                not isinstance(k, str) or not isinstance(v, str | None) for k, v in row.items()
            )
            seen["renumbered"] += bool(want_positions)
            seen["nested"] += any(isinstance(v, dict | list) for v in want.values())
    # The draw reaches every branch (a test that cannot fail is a defect).
    assert min(seen.values()) > 20, seen


def test_a_reused_header_with_other_cells_reads_each_row_afresh() -> None:
    # The plan is per header; the cells (and so the renumbering) are per row.
    header = ("name", "rat_records[0].fiscal_year", "rat_records[2].fiscal_year", "oops")
    first, second = [], []  # type: ignore[var-annotated]
    positions: dict[str, str] = {}
    assert unflatten_row(
        Cooperative, dict(zip(header, ("A", "", "2021", "x"), strict=True)), first, positions
    ) == {"name": "A", "rat_records": [{"fiscal_year": 2021}]}
    assert positions == {"$.rat_records[0]": "$.rat_records[2]"}
    assert [p.code for p in first] == ["unknown_column"]
    positions = {}
    assert unflatten_row(
        Cooperative, dict(zip(header, ("B", "2020", "2021", ""), strict=True)), second, positions
    ) == {"name": "B", "rat_records": [{"fiscal_year": 2020}, {"fiscal_year": 2021}]}
    assert positions == {"$.rat_records[1]": "$.rat_records[2]"}
    assert second == []


def test_a_bad_cell_in_a_renumbered_item_is_reported_under_its_own_column() -> None:
    row = {"name": "KSP", "rat_records[3].fiscal_year": "2020x", "rat_records[5].reported": "t"}
    with pytest.raises(ValidationError) as caught:
        structure(Cooperative, row)
    paths = {p.path: p.code for p in caught.value.problems}
    assert paths["$.rat_records[3].fiscal_year"] == "type.int"
    assert paths["$.rat_records[5].reported"] == "type.bool"
