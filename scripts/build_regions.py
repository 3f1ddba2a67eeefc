"""Build the shipped Kemendagri region tables from a transcription of the decree.

Usage (from the repository root)::

    python scripts/build_regions.py /path/to/cahyadsn-wilayah.git [--commit SHA]

The argument is a git directory (a clone or a bare mirror) of
https://github.com/cahyadsn/wilayah, MIT, "Copyright (c) 2017-2025 Cahya DSN".
The script reads, at the pinned commit:

- ``db/wilayah.sql``: Kepmendagri 300.2.2-2430/2025 (the repository README
  names this decree for the file), the current list;
- ``db/archive/wilayah_{2016,2018,2020,2022,2023}.sql``: the earlier lists
  (Permendagri 56/2015, 137/2017, 72/2019, 58/2021 with Kepmendagri
  050-145/2022, Kepmendagri 100.1.1-6117/2022), from which the codes retired
  since 2016 are taken.

Only facts are copied: codes and names. It writes two CSV files under
``src/koperasi_id/_data/``: regencies/cities (current and retired) and
districts (current and retired), each with a ``#`` header naming the source,
the commit, the file and the decree. A retired code's successor is the
current code with the same name under the regency that took it over; where
no name matches, the successor is left empty (unknown).

The Kalimantan Utara codes retired in 2012-13 predate every archive; they are
the hand-typed rows in :data:`KALTARA_2012` below, with their source.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
from pathlib import Path

DEFAULT_COMMIT = "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7"
SOURCE_REPO = "https://github.com/cahyadsn/wilayah"
DECREE = "Kepmendagri 300.2.2-2430/2025"
CURRENT_FILE = "db/wilayah.sql"
ARCHIVES = {
    "2016": "Permendagri 56/2015",
    "2018": "Permendagri 137/2017",
    "2020": "Permendagri 72/2019 (Kepmendagri 146.1-4717/2020)",
    "2022": "Permendagri 58/2021 (Kepmendagri 050-145/2022)",
    "2023": "Kepmendagri 100.1.1-6117/2022",
}
#: The law that moved a retired regency, by the successor's province.
SPLIT_LAWS = {
    "65": "UU 20/2012",
    "93": "UU 14/2022",
    "94": "UU 15/2022",
    "95": "UU 16/2022",
    "96": "UU 29/2022",
}
#: Kalimantan Timur codes that Kalimantan Utara (UU 20/2012) took over, before
#: every archive. Source: the order of formation (Bulungan an original
#: regency; UU 47/1999 formed "Kabupaten Nunukan, Kabupaten Malinau, ..." in
#: that order; Tana Tidung UU 34/2007) and one 2016 list that still carried
#: the 64.xx rows next to the 65.xx ones (64.04 Bulungan, 64.05 Nunukan,
#: 64.06 Malinau, 64.10 Tana Tidung, 64.73 Tarakan). One weak source:
#: confidence L. Successors are the 2025 codes with the same name.
KALTARA_2012 = {
    "64.04": "Kabupaten Bulungan",
    "64.05": "Kabupaten Nunukan",
    "64.06": "Kabupaten Malinau",
    "64.10": "Kabupaten Tana Tidung",
    "64.73": "Kota Tarakan",
}

_ROW = re.compile(
    r"""\(\s*(['"])(\d\d(?:\.\d\d){1,2})\1\s*,\s*(['"])((?:(?!\3).|\3\3|\\.)*)\3\s*\)"""
)
HEADER = ["code", "name", "status", "successor", "retired_by", "confidence"]


def _git_show(git_dir: Path, commit: str, path: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(git_dir), "show", f"{commit}:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8")


def parse_sql(text: str) -> dict[str, str]:
    """Regency and district rows (``kode`` -> ``nama``) of a cahyadsn dump."""
    rows: dict[str, str] = {}
    for match in _ROW.finditer(text):
        quote, raw = match.group(3), match.group(4)
        name = raw.replace(quote * 2, quote).replace("\\" + quote, quote)
        rows[match.group(2)] = " ".join(name.split())
    return rows


def _key(name: str) -> str:
    text = name.upper()
    text = re.sub(r"^(KAB\.?|KABUPATEN|KOTA|KOTA ADM\.?|KOTA ADMINISTRASI)\s+", "", text)
    return re.sub(r"[^A-Z0-9]", "", text)


def _display_regency(name: str) -> str:
    text = re.sub(r"^KAB\.?\s+", "Kabupaten ", name.strip())
    text = re.sub(r"^KOTA\s+", "Kota ", text)
    head, _, rest = text.partition(" ")
    return f"{head} {rest.title()}" if rest.isupper() else text


def retired_rows(current: dict[str, str], archives: dict[str, dict[str, str]]) -> list[list[str]]:
    """Codes in an archive but not in the current list, with successors by name."""
    newest: dict[str, str] = {}
    for year in sorted(archives):
        newest.update(archives[year])
    gone = sorted(code for code in newest if code not in current)
    regency_successor: dict[str, str] = {}
    rows: list[list[str]] = []
    by_key = {}
    for code, name in current.items():
        if len(code) == 5:
            by_key.setdefault(_key(name), []).append(code)
    for code in (c for c in gone if len(c) == 5):
        matches = [
            c
            for c in by_key.get(_key(newest[code]), [])
            if c[:2] in SPLIT_LAWS and (c[3] >= "7") == (code[3] >= "7")  # kota stays kota
        ]
        successor = matches[0] if len(matches) == 1 else ""
        regency_successor[code] = successor
        name = current[successor] if successor else _display_regency(newest[code])
        law = SPLIT_LAWS.get(successor[:2], "") if successor else ""
        rows.append([code, name, "tidak_berlaku", successor, law, "H" if successor else "M"])
    for code in (c for c in gone if len(c) == 8):
        parent = regency_successor.get(code[:5], "")
        successor = ""
        if parent:
            same = f"{parent}{code[5:]}"
            if _key(current.get(same, "")) == _key(newest[code]):
                successor = same
            else:
                found = [
                    c
                    for c, n in current.items()
                    if len(c) == 8 and c.startswith(parent) and _key(n) == _key(newest[code])
                ]
                successor = found[0] if len(found) == 1 else ""
        law = SPLIT_LAWS.get(parent[:2], "") if parent else ""
        name = current[successor] if successor else newest[code]
        rows.append([code, name, "tidak_berlaku", successor, law, "H" if successor else "M"])
    return rows


def kaltara_rows(current: dict[str, str]) -> list[list[str]]:
    rows = []
    for code, name in KALTARA_2012.items():
        successors = [c for c, n in current.items() if c[:3] == "65." and n == name]
        if len(successors) != 1:
            raise ValueError(f"{code} {name}: no single successor in 65.xx ({successors})")
        rows.append([code, name, "tidak_berlaku", successors[0], "UU 20/2012", "L"])
    return rows


def _csv(header_lines: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    for line in header_lines:
        out.write(f"# {line}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        cells = list(row)
        while cells and cells[-1] == "":  # trailing empty cells are the defaults
            cells.pop()
        writer.writerow(cells)
    return out.getvalue()


def build(git_dir: Path, commit: str, out_dir: Path) -> tuple[int, int]:
    current = parse_sql(_git_show(git_dir, commit, CURRENT_FILE))
    archives = {
        year: parse_sql(_git_show(git_dir, commit, f"db/archive/wilayah_{year}.sql"))
        for year in ARCHIVES
    }
    retired = retired_rows(current, archives)
    regencies = [[c, n] for c, n in current.items() if len(c) == 5]
    regencies += [r for r in retired if len(r[0]) == 5] + kaltara_rows(current)
    districts = [[c, n] for c, n in current.items() if len(c) == 8]
    districts += [r for r in retired if len(r[0]) == 8]
    regencies.sort(key=lambda r: r[0])
    districts.sort(key=lambda r: r[0])
    common = [
        f"Kode wilayah Kemendagri, {DECREE} (perubahan atas Kepmendagri 300.2.2-2138/2025).",
        f"Transcription: {SOURCE_REPO} (MIT, Copyright (c) 2017-2025 Cahya DSN),",
        f"commit {commit}, file {CURRENT_FILE};",
        "retired codes: db/archive/wilayah_{2016,2018,2020,2022,2023}.sql at the same commit",
        "(" + "; ".join(f"{y}: {d}" for y, d in ARCHIVES.items()) + ").",
        "Source of the data: Kementerian Dalam Negeri. Only codes and names are copied.",
        "Built by scripts/build_regions.py; do not edit by hand.",
    ]
    current_regencies = sum(1 for r in regencies if len(r) == 2)
    current_districts = sum(1 for r in districts if len(r) == 2)
    (out_dir / "regions_kemendagri.csv").write_text(
        _csv(
            [
                *common,
                f"Regencies/cities: {current_regencies} current, "
                f"{len(regencies) - current_regencies} retired. Kalimantan Utara 2012 "
                "rows (64.xx, confidence L) are typed in the script.",
            ],
            regencies,
        ),
        encoding="utf-8",
    )
    (out_dir / "regions_kemendagri_kecamatan.csv").write_text(
        _csv(
            [
                *common,
                f"Districts (kecamatan): {current_districts} current, "
                f"{len(districts) - current_districts} retired.",
            ],
            districts,
        ),
        encoding="utf-8",
    )
    return len(regencies), len(districts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("git_dir", type=Path, help="git directory of cahyadsn/wilayah")
    parser.add_argument("--commit", default=DEFAULT_COMMIT)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "src" / "koperasi_id" / "_data",
    )
    args = parser.parse_args(argv)
    regencies, districts = build(args.git_dir, args.commit, args.out)
    print(f"wrote {regencies} regency rows and {districts} district rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
