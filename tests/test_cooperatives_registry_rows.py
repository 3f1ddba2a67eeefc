"""The fast path of ``cooperatives status --engine rows`` gives what the general path gives.

``RegistryRows.entity`` builds the Cooperative of a plain valid registry row
straight from its cells and answers ``None`` for any other row, which then
takes the general path (``rows.structure``). These tests read the same rows
both ways: the bundled sample registry, every fixed junk cell, drawn rows
with hostile cells (whitespace of other scripts, digits of other scripts,
case, boundary dates and numbers, text junk) under drawn headers (reordered,
columns left out, unknown or misnamed ones added, a name repeated), and the
command itself with the fast path switched off. Whenever the fast path
answers, the general path must give an equal entity (same repr, same wire
data, same raw texts) with no value warnings; ``RegistryCounter`` must count
as ``assess`` decides.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from _hypothesis_optional import assume, given, settings, st
from koperasi_id import rows as flat_rows
from koperasi_id.cli import main
from koperasi_id.cli._common import value_warnings
from koperasi_id.cooperatives import (
    ActivityStatus,
    Cooperative,
    RegistryCounter,
    _registry_rows,
    latest_due_fiscal_year,
)
from koperasi_id.cooperatives._active import active_on
from koperasi_id.cooperatives._activity import assess
from koperasi_id.cooperatives._registry_rows import RegistryRows
from koperasi_id.errors import ValidationError
from koperasi_id.serialization import to_dict
from test_bpum_rowscreen_fuzz import _DIGITS, _SPACES  # the same hostile spellings

REGISTRY = Path(__file__).resolve().parent.parent / "examples" / "data" / "koperasi_lampung.csv"


def _sample_rows() -> list[dict[str, str]]:
    with REGISTRY.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


SAMPLE = _sample_rows()
#: A valid row with two RAT records and two empty RAT groups.
ROW = next(r for r in SAMPLE if r["rat_records[1].fiscal_year"] and not r["rat_records[2].held_on"])


def _general(row: Mapping[str, Any], lenient: bool) -> Cooperative | ValidationError:
    try:
        return flat_rows.structure(Cooperative, row, lenient=lenient)
    except ValidationError as err:
        return err


def _both(
    rows: Iterable[Mapping[str, Any]], header: Sequence[Any] | None = None, *, lenient: bool = False
) -> int:
    """Read ``rows`` both ways; how many the fast path answered (each equal to the general one)."""
    rows = list(rows)
    fast = RegistryRows(list(rows[0]) if header is None else header)
    answered = 0
    for row in rows:
        got = fast.entity(row)
        if list(row) == list(fast_header := rows[0] if header is None else header):
            # The same row as the reader's cells in header order: the same answer.
            by_cells = fast.cells(list(row.values()))
            assert repr(by_cells) == repr(got), fast_header
        if got is None:
            continue
        answered += 1
        expected = _general(row, lenient)
        assert isinstance(expected, Cooperative), (row, expected)
        assert got == expected
        assert repr(got) == repr(expected)  # also tells 1 from True, a str from a subclass
        assert json.dumps(to_dict(got)) == json.dumps(to_dict(expected))
        assert [n.raw for n in got.legal_entity_numbers] == [
            n.raw for n in expected.legal_entity_numbers
        ]
        # The command counts the warnings of what the general path structures;
        # a row the fast path answers must have none to count.
        assert value_warnings(expected) == []
    return answered


# --- the sample registry and fixed junk ---------------------------------------


def test_the_sample_registry_takes_the_fast_path_and_agrees() -> None:
    answered = _both(SAMPLE)
    # Every row but the planted ones (3 invalid, 1 with a warning): a fast path
    # that stopped answering would fail here, not only run slower.
    assert answered == len(SAMPLE) - 4


def test_a_header_of_known_columns_is_read_fast() -> None:
    assert RegistryRows(list(ROW)).fast
    assert not RegistryRows(list(ROW), fast=False).fast
    assert RegistryRows(list(ROW), fast=False).entity(ROW) is None


# One cell each: values the general path refuses, warns about or reads differently.
JUNK: dict[str, list[str]] = {
    "name": ["", "   ", "x" * 300, "x" * 301, " Koperasi Maju ", "\u200b", "\u3000KSP\u3000"],
    "legal_entity_numbers": [
        "",
        "12/BH/X/2010|13/BH/X/2011",
        "12/BH/X/2010|12/BH/X/2010",
        "12/BH/X/2010|",
        "|12/BH/X/2010",
        "12/BH/X/2010 | 13/BH/X/2011",
        "AHU-0001234.AH.01.26.TAHUN 2021",
        "ahu-0001234.ah.01.26.tahun-2021",
        "AHU-0001234.AH.01.26.TAHUN 2015",
        "AHU-1234.AH.01.26.TAHUN2021",
        "12/BH/X/2025",
        "12  /BH/X/2010",
        "12\t/BH/X/2010",
        "12/BH/X/2010\u00a0",
        "12\u3000/BH/X/2010",
        "x",
    ],
    "deed_approved_on": [
        "",
        "1900-01-01",
        "1899-12-31",
        "9899-12-31",
        "2010-02-29",
        "2012-02-29",
        "2010-5-1",
        "01/05/2010",
        "２０１０-05-01",
        "2030-01-01",
        "2020-06-01",
        " 2010-05-01 ",
    ],
    "form": ["", "sekunder", "PRIMER", "primary", " primer"],
    "kind": ["", "simpan_pinjam", "KSU", "ksp", "Konsumen"],
    "region": ["", "18", "18.71.99", "18.71.01", "1871", "99.99", "18.7", "18.71 ", "１８.71"],
    "membership_area": ["", "lintas_kabupaten_kota", "x"],
    "member_count": [
        "",
        "0",
        "007",
        "-1",
        "-0",
        "1e3",
        "25.0",
        "999999999999999",
        "1000000000000000",
        "٣",
        "２５",
        " 25 ",
        "2 5",
    ],
    "mode": ["", "serba_usaha", "KSU", "Tunggal_usaha"],
    "principle": ["", "syariah", "Syariah"],
    "fiscal_year_end": ["", "06-30", "02-28", "02-29", "--12-31", "13-01", "12/31", "１２-31"],
    "multi_stakeholder": ["", "true", "FALSE", "ya", "t", "2", "Tidak"],
    "merah_putih": ["", "TRUE", "no", "y", "f"],
    "legal_status": ["", "dibubarkan", "bubar"],
    "rat_records[0].fiscal_year": ["", " ", "1899", "9899", "1990", "２０１７", "2017.0", "-2017"],
    "rat_records[0].held_on": ["", " ", "2017-12-31", "2017-13-01", "1980-01-01"],
    "rat_records[0].reported": ["", " ", "false", "ya", "maybe", "TRUE"],
    "rat_records[1].fiscal_year": ["", "2017", "2022"],
    "rat_records[2].fiscal_year": ["2019", " "],
    "rat_records[2].held_on": ["2020-03-01", "2020-03-01 "],
    "rat_records[2].reported": ["true", "ya"],
}


@pytest.mark.parametrize(
    ("column", "value"), [(c, v) for c, values in JUNK.items() for v in values]
)
@pytest.mark.parametrize("lenient", [False, True])
def test_each_junk_cell_gives_the_same_answer(column: str, value: str, lenient: bool) -> None:
    _both([{**ROW, column: value}], lenient=lenient)


def test_optional_columns_are_read_as_the_general_path_reads_them() -> None:
    extra = {
        "nomor_induk": ["", "1871050020001234", "187105002000123", "x"],
        "nib": ["", "0220000451127", "022000045112", "x"],
        "founded_on": ["", "1980-01-01", "2030-01-01", "x"],
        "dissolved_on": ["", "2021-01-01", "1980-01-01", "x"],
        "legal_status": ["berbadan_hukum", "dibubarkan", ""],
    }
    rows = [
        {**ROW, **dict.fromkeys(extra, ""), column: value}
        for column, values in extra.items()
        for value in values
    ]
    rows.append({**ROW, "dissolved_on": "2021-01-01", "legal_status": "dibubarkan"})
    assert _both(rows) >= 5


def test_rows_that_are_not_plain_text_take_the_general_path() -> None:
    fast = RegistryRows(list(ROW))
    short = {**ROW, "region": None}  # a short row: the reader pads it with None
    assert fast.entity(short) is None
    assert fast.entity({**ROW, "member_count": 25}) is None
    assert fast.entity({**ROW, "region": ["18.71"]}) is None
    assert fast.entity({**ROW, "warna": "biru"}) is None  # a column the plan does not read
    assert fast.entity({k: v for k, v in ROW.items() if k != "mode"}) is None


class _Text(str):
    """A cell of a str subclass: read as the text it holds, both ways."""


def test_a_str_subclass_cell_is_read_as_its_text() -> None:
    for column in ROW:
        assert _both([{**ROW, column: _Text(ROW[column])}]) == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda h: [*h, "warna"],  # an unknown column
        lambda h: [*h, "rat_records[4].fiscal_year"],  # an incomplete RAT group
        lambda h: [c.replace("[0]", "[00]") for c in h],  # an index written another way
        lambda h: [c if c != "name" else " name" for c in h],  # a name with spaces
        lambda h: [c for c in h if c != "member_count"],  # a required column left out
        lambda h: [*h, "founders"],  # a field the fast path does not read
        lambda h: [*h, "name"],  # a name twice
        lambda h: [*h, 7],  # not text
    ],
)
def test_a_header_the_fast_path_does_not_read_leaves_every_row_to_the_general_one(
    change: Any,
) -> None:
    header = change(list(ROW))
    assert not RegistryRows(header).fast
    # The reader's rows under that header (a repeated name keeps its last cell).
    rows = [dict(zip(header, [*row.values(), "x"], strict=False)) for row in SAMPLE[:20]]
    assert _both(rows, header) == 0


def test_a_reordered_header_with_optional_columns_left_out_is_read_fast() -> None:
    order = [*reversed(list(ROW))]
    kept = [c for c in order if c not in {"mode", "merah_putih", "fiscal_year_end"}]
    rows = [{c: row[c] for c in kept} for row in SAMPLE[:200]]
    assert _both(rows) >= 195


# --- drawn rows with hostile cells --------------------------------------------

_OPTIONAL = ["mode", "principle", "fiscal_year_end", "multi_stakeholder", "merah_putih"]


@st.composite
def _cell(draw: Any, column: str, value: str) -> str:
    value = draw(st.sampled_from([value, *JUNK.get(column, [])]))
    how = draw(st.sampled_from(["as is", "spaced", "digits", "case", "inner", "junk", "empty"]))
    if how == "spaced":
        value = draw(st.sampled_from(_SPACES)) + value + draw(st.sampled_from(_SPACES))
    elif how == "digits":
        value = value.translate(_DIGITS[draw(st.sampled_from(sorted(_DIGITS)))])
    elif how == "case":
        value = draw(st.sampled_from([str.upper, str.lower, str.title, str.swapcase]))(value)
    elif how == "inner" and value:
        at = draw(st.integers(0, len(value)))
        value = value[:at] + draw(st.sampled_from([*_SPACES, "|", ".", "-", "0"])) + value[at:]
    elif how == "junk":
        value = draw(st.text(max_size=6))
    elif how == "empty":
        value = ""
    return value


@st.composite
def _rows(draw: Any) -> tuple[list[Any], list[dict[Any, Any]]]:
    base = draw(st.lists(st.sampled_from(SAMPLE), min_size=1, max_size=5))
    rows = []
    for row in base:
        changed = draw(st.lists(st.sampled_from(sorted(row)), max_size=4, unique=True))
        rows.append({**row, **{c: draw(_cell(c, row[c])) for c in changed}})
    header: list[Any] = draw(st.permutations(list(rows[0])))
    dropped = draw(st.sets(st.sampled_from(_OPTIONAL)))
    header = [c for c in header if c not in dropped]
    extra = draw(st.sampled_from([None, "warna", "name", "rat_records[9].held_on", " kind"]))
    if extra is not None:
        header.append(extra)
    # As the file reader gives them: one dict per row over the header (a
    # repeated column keeps its last cell).
    return header, [
        dict(zip(header, [row.get(c, "biru") for c in header], strict=True)) for row in rows
    ]


@settings(max_examples=300, deadline=None)
@given(drawn=_rows(), lenient=st.booleans())
def test_drawn_rows_with_hostile_cells_give_the_same_answer(
    drawn: tuple[list[Any], list[dict[Any, Any]]], lenient: bool
) -> None:
    header, rows = drawn
    _both(rows, header, lenient=lenient)


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.sampled_from(SAMPLE), min_size=1, max_size=20))
def test_drawn_valid_rows_are_answered_by_the_fast_path(rows: list[dict[str, str]]) -> None:
    planted = sum(1 for r in rows if _warned(r))  # invalid, or valid with a warning
    assert _both(rows) == len(rows) - planted


def _warned(row: Mapping[str, str]) -> bool:
    found = _general(row, False)
    return not isinstance(found, Cooperative) or bool(value_warnings(found))


# --- counting ------------------------------------------------------------------


def _assess(coop: Cooperative, as_of: date, latest: int, window: int, unreported: bool) -> Any:
    return assess(
        coop,
        as_of=as_of,
        latest_due=latest,
        window_years=window,
        unreported_counts_as_missed=unreported,
    )


@settings(max_examples=200, deadline=None)
@given(
    row=st.sampled_from(SAMPLE),
    as_of=st.dates(date(1995, 1, 1), date(2035, 12, 31)),
    window=st.integers(1, 10),
    unreported=st.booleans(),
    reported=st.booleans(),
    year_end=st.sampled_from(["12-31", "06-30", "03-31", "09-30", "02-28"]),
    deed=st.none() | st.dates(date(2010, 1, 1), date(2016, 12, 31)),
)
def test_active_on_is_assess_status(
    row: dict[str, str],
    as_of: date,
    window: int,
    unreported: bool,
    reported: bool,
    year_end: str,
    deed: date | None,
) -> None:
    # Other year-ends and deed dates: the first fiscal year may be the deed's next one.
    changed = {"rat_records[0].reported": "true" if reported else "false"}
    changed["fiscal_year_end"] = year_end
    if deed is not None:
        changed["deed_approved_on"] = deed.isoformat()
    coop = _general({**row, **changed}, False)
    assume(isinstance(coop, Cooperative))
    assert isinstance(coop, Cooperative)
    latest = latest_due_fiscal_year(coop.fiscal_year_end, as_of=as_of)
    found = _assess(coop, as_of, latest, window, unreported)
    if found.dissolved:
        return
    assert active_on(coop, as_of, latest, window, unreported) is (
        found.status is ActivityStatus.ACTIVE
    )


@pytest.mark.parametrize(
    ("year_end", "deed"),
    [
        ("12-31", "2019-03-05"),
        ("06-30", "2018-06-30"),
        ("06-30", "2018-07-01"),
        ("03-31", "2019-01-02"),
    ],
)
def test_active_on_at_the_window_s_edges(year_end: str, deed: str) -> None:
    coop = _general({**ROW, "fiscal_year_end": year_end, "deed_approved_on": deed}, False)
    assert isinstance(coop, Cooperative)
    years = [r.fiscal_year for r in coop.rat_records]
    for latest in range(min(years) - 2, max(years) + 8):
        for window in (1, 2, 3, 10):
            for unreported in (False, True):
                as_of = date(latest + 1, 7, 1)
                found = _assess(coop, as_of, latest, window, unreported)
                expected = found.status is ActivityStatus.ACTIVE
                assert active_on(coop, as_of, latest, window, unreported) is expected


def test_the_counter_counts_as_before() -> None:
    """The counts of every date's summary are those of assess(), record by record."""
    coops = [c for c in (_general(r, False) for r in SAMPLE[:800]) if isinstance(c, Cooperative)]
    for as_of in (date(2000, 1, 1), date(2018, 6, 30), date(2021, 10, 12), date(2026, 1, 1)):
        counter = RegistryCounter(as_of=as_of, by=("region", "kind"))
        statuses = [counter.add(c) for c in coops]
        expected = []
        for c in coops:
            if c.deed_approved_on > as_of:
                expected.append(None)
                continue
            latest = latest_due_fiscal_year(c.fiscal_year_end, as_of=as_of)
            found = _assess(c, as_of, latest, 3, True)
            expected.append(None if found.dissolved else found.status)
        assert statuses == expected
        summary = counter.summary()
        assert summary.active == expected.count(ActivityStatus.ACTIVE)
        assert summary.inactive == expected.count(ActivityStatus.INACTIVE)


# --- the command ----------------------------------------------------------------


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _registry_with_junk(tmp_path: Path) -> Path:
    """300 sample rows, then one row for each junk cell, then a short row."""
    path = tmp_path / "koperasi.csv"
    rows = [*SAMPLE[:300]]
    for i, (column, value) in enumerate((c, v) for c, vs in JUNK.items() for v in vs):
        rows.append({**SAMPLE[300 + i], column: value})
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(ROW))
        writer.writeheader()
        writer.writerows(rows)
        f.write("Koperasi Pendek,1/BH/X/2001\n")  # a short row
    return path


@pytest.mark.parametrize("form", [["--csv"], ["--json"], [], ["--lang", "en"], ["--lenient"]])
def test_the_command_prints_the_same_bytes_without_the_fast_path(
    form: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _registry_with_junk(tmp_path)
    argv = ["cooperatives", "status", str(path), "--as-of", "2021-10-12", "--engine", "rows"]
    fast = _run([*argv, *form], capsys)
    with monkeypatch.context() as m:
        m.setattr(_registry_rows, "_plan", lambda header: None)  # no header is read fast
        general = _run([*argv, *form], capsys)
    assert fast == general
    assert RegistryRows(list(ROW)).fast  # the patch is gone: the first run was the fast one
    assert "baris" in fast[2] or "line" in fast[2]  # the junk rows are reported


@pytest.mark.parametrize("form", [[], ["--format", "jsonl"], ["--lang", "en"], ["--lenient"]])
def test_validate_reports_the_same_bytes_without_the_fast_path(
    form: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _registry_with_junk(tmp_path)
    argv = ["validate", "--type", "cooperative", str(path), "--engine", "rows", *form]
    answered: list[bool] = []
    with monkeypatch.context() as m:
        real = _registry_rows._readers

        def counted(*args: Any) -> Any:
            entity, cells = real(*args)

            def counted_cells(row: Any) -> Any:
                found = cells(row)
                answered.append(found is not None)
                return found

            return entity, counted_cells

        m.setattr(_registry_rows, "_readers", counted)
        fast = _run(argv, capsys)
    with monkeypatch.context() as m:
        m.setattr(_registry_rows, "_plan", lambda header: None)  # no header is read fast
        general = _run(argv, capsys)
    assert fast == general
    assert sum(answered) >= 290  # the sample rows were confirmed from their cells
    assert not all(answered)  # and the junk ones were not
    assert "baris" in fast[1] or "line" in fast[1]  # the junk rows are reported
