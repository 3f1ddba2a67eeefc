"""The README's main job and the CLI page's output, recounted from the CSV without the library.

The shown tables were printed by the command once; a wrong rule would print
wrong numbers and the pinned-output tests would happily pin them. Here the
sample registry is read with plain :mod:`csv` and every cooperative is judged
by an activity rule written again from the regulation text, then the recount
is compared with the tables in ``README.md`` and ``docs/guide/cli.md``.

The rule, typed from its sources (docs/rules/cooperative-activity.md):

- the RAT of a fiscal year is due at most 6 months after the year closes
  (UU 25/1992 Pasal 26 ayat (2)); a fiscal year counts once that deadline has
  passed;
- aktif: at least one RAT held and reported in the last 3 due fiscal years
  (Kemenkop ODS definition; Permenkop 19/2015 as applied: inactive after
  failing to hold the RAT 3 times in a row);
- a cooperative with fewer than 3 due fiscal years since its deed cannot have
  missed 3 RATs, so it is not inactive by that rule.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "examples" / "data" / "koperasi_lampung.csv"
AS_OF = date(2021, 10, 12)
WINDOW = 3  # fiscal years (Kemenkop ODS; Permenkop 19/2015 "3 kali berturut-turut")
RAT_MONTHS = 6  # UU 25/1992 Pasal 26 ayat (2)

# Kemendagri names of Lampung's regencies and cities, typed by hand.
REGENCIES = {
    "18.01": "Kabupaten Lampung Selatan",
    "18.02": "Kabupaten Lampung Tengah",
    "18.03": "Kabupaten Lampung Utara",
    "18.04": "Kabupaten Lampung Barat",
    "18.05": "Kabupaten Tulang Bawang",
    "18.06": "Kabupaten Tanggamus",
    "18.07": "Kabupaten Lampung Timur",
    "18.08": "Kabupaten Way Kanan",
    "18.09": "Kabupaten Pesawaran",
    "18.10": "Kabupaten Pringsewu",
    "18.11": "Kabupaten Mesuji",
    "18.12": "Kabupaten Tulang Bawang Barat",
    "18.13": "Kabupaten Pesisir Barat",
    "18.71": "Kota Bandar Lampung",
    "18.72": "Kota Metro",
}
KINDS = {
    "simpan_pinjam": "Koperasi Simpan Pinjam",
    "konsumen": "Koperasi Konsumen",
    "produsen": "Koperasi Produsen",
    "pemasaran": "Koperasi Pemasaran",
    "jasa": "Koperasi Jasa",
}


def _valid(row: dict[str, str]) -> bool:
    """The three planted faults: a bad date, an unknown kind, a member count in words."""
    try:
        date.fromisoformat(row["deed_approved_on"])
        int(row["member_count"])
    except ValueError:
        return False
    return row["kind"] in KINDS


def _active(row: dict[str, str]) -> bool:
    assert row["fiscal_year_end"] == "12-31"  # the sample uses calendar years only
    # Latest fiscal year whose RAT deadline (30 June of the next year) is before AS_OF.
    latest_due = AS_OF.year - 1 if date(AS_OF.year, RAT_MONTHS, 30) < AS_OF else AS_OF.year - 2
    first_year = date.fromisoformat(row["deed_approved_on"]).year
    window = range(max(latest_due - WINDOW + 1, first_year), latest_due + 1)
    if len(window) < WINDOW:
        return True  # too young to have missed 3 RATs in a row
    for i in range(4):
        year = row.get(f"rat_records[{i}].fiscal_year", "")
        held = row.get(f"rat_records[{i}].held_on", "")
        if not year or not held:
            continue
        if (
            int(year) in window
            and date.fromisoformat(held) <= AS_OF
            and row[f"rat_records[{i}].reported"] == "true"
        ):
            return True
    return False


def _recount(key: str, names: dict[str, str]) -> dict[str, tuple[int, int, int]]:
    registered: Counter[str] = Counter()
    active: Counter[str] = Counter()
    with REGISTRY.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if not _valid(row):
                continue
            # A district code (the planted 18.71.99) counts under its regency or city.
            group = names.get(row[key][:5] if key == "region" else row[key], row[key])
            registered[group] += 1
            active[group] += _active(row)
    return {g: (n, active[g], n - active[g]) for g, n in registered.items()}


_ROW = re.compile(r"^(\S.*?)\s{2,}(\d+)\s+(\d+)\s+(\d+)\s+(\d+\.\d\d)$")


def _shown_table(text: str, command: str) -> dict[str, tuple[int, int, int, str]]:
    block = text.split(command, 1)[1].split("```", 2)
    # README: the command's block ends, the output is the next block; cli.md: same block.
    body = block[0] if "terdaftar" in block[0] else block[2]
    rows = {}
    for line in body.splitlines():
        match = _ROW.match(line)
        if match:
            name, reg, act, inact, pct = match.groups()
            rows[name] = (int(reg), int(act), int(inact), pct)
    assert "Jumlah" in rows, body
    return rows


def _check(
    shown: dict[str, tuple[int, int, int, str]], recount: dict[str, tuple[int, int, int]]
) -> None:
    total = shown.pop("Jumlah")
    assert {name: row[:3] for name, row in shown.items()} == recount
    reg = sum(r[0] for r in recount.values())
    act = sum(r[1] for r in recount.values())
    assert total[:3] == (reg, act, reg - act)
    assert total[3] == f"{100 * act / reg:.2f}"
    for name, (n, a, _, pct) in shown.items():
        assert pct == f"{100 * a / n:.2f}", name


def test_readme_main_job_output_matches_an_independent_recount() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "--as-of 2021-10-12 --by region"
    _check(_shown_table(text, command), _recount("region", REGENCIES))
    assert "5600 baris: 5597 terdaftar" in text


def test_cli_page_output_matches_an_independent_recount() -> None:
    text = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    command = "--as-of 2021-10-12 --by kind"
    _check(_shown_table(text, command), _recount("kind", KINDS))


def test_young_cooperatives_without_rats_count_active() -> None:
    # The generator draws about half the cooperatives as holding RATs; of the rest,
    # those founded in 2019 have only the due fiscal years 2019 and 2020 by
    # 2021-10-12, so they cannot have missed 3 RATs: active by the rule above.
    young_without_rats = 0
    with REGISTRY.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if (
                _valid(row)
                and row["deed_approved_on"] >= "2019"
                and not row["rat_records[0].fiscal_year"]
            ):
                young_without_rats += 1
                assert _active(row)
    assert young_without_rats == 68
