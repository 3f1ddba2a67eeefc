"""Make the bundled synthetic sample files in ``examples/data/`` (fixed seed).

- ``koperasi_lampung.csv``: a Lampung-sized cooperative registry, about 5,600
  cooperatives over Lampung's 15 regencies and cities, about half of them
  holding their RATs, plus three malformed rows and one unknown district code.
  A cooperative that holds no RAT is inactive on 2021-10-12 only once it is
  old enough to have missed three in a row: the 68 founded in 2019 have only
  two due fiscal years and count as active (docs/rules/cooperative-activity.md),
  so 2,942 of the 5,597 valid rows are active;
- ``bpum_usulan_2021.csv``: 10,500 BPUM 2021 proposals with repeated NIKs,
  excluded occupations, KUR holders and malformed rows.

Everything is synthetic: NIKs are constructed to be well formed but belong to
nobody; names are drawn from common Indonesian given names. The same seed
gives the same bytes, so the files are reproducible:

    python examples/make_sample_data.py            # rewrite examples/data/
    python examples/make_sample_data.py --out DIR  # write elsewhere
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from koperasi_id._names import FAMILY_NAMES, GIVEN_NAMES  # shared with the strategies
from koperasi_id.bpum import PROPOSAL_COLUMNS
from koperasi_id.cooperatives import Cooperative
from koperasi_id.regions import default_region_table
from koperasi_id.rows import flatten
from koperasi_id.serialization import from_dict, to_dict

SEED = 20211012
HERE = Path(__file__).resolve().parent

# Lampung (18): 13 regencies and 2 cities by their Kemendagri codes (not BPS's,
# which number them differently), weighted roughly by population.
LAMPUNG = {
    "18.01": 10,  # Kabupaten Lampung Selatan
    "18.02": 12,  # Kabupaten Lampung Tengah
    "18.03": 6,  # Kabupaten Lampung Utara
    "18.04": 3,  # Kabupaten Lampung Barat
    "18.05": 4,  # Kabupaten Tulang Bawang
    "18.06": 5,  # Kabupaten Tanggamus
    "18.07": 10,  # Kabupaten Lampung Timur
    "18.08": 4,  # Kabupaten Way Kanan
    "18.09": 4,  # Kabupaten Pesawaran
    "18.10": 4,  # Kabupaten Pringsewu
    "18.11": 2,  # Kabupaten Mesuji
    "18.12": 3,  # Kabupaten Tulang Bawang Barat
    "18.13": 2,  # Kabupaten Pesisir Barat
    "18.71": 10,  # Kota Bandar Lampung
    "18.72": 2,  # Kota Metro
}

COOP_WORDS = [
    "Maju Bersama",
    "Sejahtera",
    "Makmur",
    "Karya Mandiri",
    "Tani Jaya",
    "Bina Usaha",
    "Sumber Rejeki",
    "Harapan Baru",
    "Mitra Usaha",
    "Sinar Lampung",
    "Tunas Muda",
    "Berkah",
    "Gotong Royong",
    "Nelayan Sejahtera",
    "Kopi Lestari",
    "Lada Hitam",
    "Serba Guna",
    "Amanah",
    "Al-Ikhlas",
    "Pelita",
    "Bahari",
    "Sawit Jaya",
    "Wanita Mandiri",
    "Pegawai Negeri",
]
KIND_PREFIX = {
    "simpan_pinjam": "KSP",
    "konsumen": "Koperasi Konsumen",
    "produsen": "Koperasi Produsen",
    "pemasaran": "Koperasi Pemasaran",
    "jasa": "Koperasi Jasa",
}
KINDS = (("simpan_pinjam", 30), ("konsumen", 25), ("produsen", 25), ("pemasaran", 10), ("jasa", 10))
BUSINESSES = (
    ("warung sembako", "47111"),
    ("jahit pakaian", "14111"),
    ("kopi bubuk", "10761"),
    ("keripik pisang", "10794"),
    ("bengkel motor", "45405"),
    ("pangkas rambut", "96111"),
    ("budidaya ikan", "03221"),
    ("kue basah", "10710"),
    ("pedagang sayur", "47211"),
    ("laundry", "96200"),
)
AS_OF = date(2021, 10, 12)


def synthetic_nik(rng: random.Random, region: str, *, born: date, female: bool, serial: int) -> str:
    """A well-formed, synthetic NIK: Lampung district code, birth date, serial."""
    # One of the regency's first nine districts in the shipped table (Lampung
    # Selatan's start at 04, Kota Metro has five), so no sample NIK carries an
    # unknown district.
    districts = [r.code.compact for r in default_region_table().children(region)][:9]
    district = districts[(rng.randint(1, 9) - 1) % len(districts)]
    day = born.day + (40 if female else 0)
    return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


def person_name(rng: random.Random) -> str:
    """A plausible Indonesian name."""
    if rng.random() < 0.3:
        return rng.choice(GIVEN_NAMES)
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"


def _weighted(rng: random.Random, table: Iterable[tuple[str, int]]) -> str:
    items = list(table)
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]


def _cooperative(rng: random.Random, number: int) -> dict[str, Any]:
    region = _weighted(rng, LAMPUNG.items())
    kind = _weighted(rng, KINDS)
    deed = date(1985, 1, 1) + timedelta(
        days=rng.randrange(0, (date(2019, 12, 31) - date(1985, 1, 1)).days)
    )
    if deed.year >= 2019:  # AHU numbers since Permenkumham 14/2019
        numbers = [f"AHU-{number:07d}.AH.01.26.TAHUN {deed.year}"]
    else:
        numbers = [f"{number}/BH/X/{deed.year}"]
    # Whether the cooperative holds its RATs; not the same as "aktif": one that
    # holds none is inactive only when old enough to have missed 3 in a row.
    holds_rats = rng.random() < 0.5
    rats = []
    if holds_rats:
        # Held and reported within six months of each year's end, for the last years.
        for year in range(max(deed.year, 2016), 2021):
            held = date(year + 1, rng.randint(1, 5), rng.randint(1, 28))
            rats.append({"fiscal_year": year, "held_on": held.isoformat(), "reported": True})
    elif deed.year < 2014 and rng.random() < 0.5:
        # Stopped holding RATs years ago.
        last = rng.randint(max(deed.year, 2008), 2015)
        rats.append(
            {"fiscal_year": last, "held_on": date(last + 1, 3, 15).isoformat(), "reported": True}
        )
    name = f"{KIND_PREFIX[kind]} {rng.choice(COOP_WORDS)} {number}"
    return {
        "name": name,
        "legal_entity_numbers": numbers,
        "deed_approved_on": deed.isoformat(),
        "form": "sekunder" if rng.random() < 0.02 else "primer",
        "kind": kind,
        "region": region,
        "membership_area": "dalam_kabupaten_kota"
        if rng.random() < 0.95
        else "lintas_kabupaten_kota",
        "member_count": rng.randint(9, 2500) if holds_rats else rng.randint(0, 120),
        "mode": "serba_usaha" if rng.random() < 0.25 else "tunggal_usaha",
        "principle": "syariah" if rng.random() < 0.08 else "konvensional",
        "rat_records": rats[-4:],
    }


def make_registry(rng: random.Random, count: int = 5_600) -> list[dict[str, str]]:
    """Flat CSV rows of a registry; the few malformed rows say what is wrong."""
    rows: list[dict[str, str]] = []
    for number in range(1, count + 1):
        data = _cooperative(rng, number)
        coop = from_dict(Cooperative, data)  # every generated record must be valid
        rows.append(flatten(to_dict(coop)))
    # Malformed rows, as real registries have them (kept: they are reported, not dropped).
    rows[100]["deed_approved_on"] = "31/02/2001"
    # No such district (Bandar Lampung has 20): valid with a warning, counted under
    # 18.71. An unknown regency would be an error since the national table (issue 14).
    rows[2000]["region"] = "18.71.99"
    rows[3000]["kind"] = "KSU"
    rows[4000]["member_count"] = "dua puluh"
    return rows


def _proposal_row(rng: random.Random, serial: int) -> dict[str, str]:
    region = _weighted(rng, LAMPUNG.items())
    female = rng.random() < 0.55
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 52))
    nik = synthetic_nik(rng, region, born=born, female=female, serial=serial % 9999 + 1)
    kk = synthetic_nik(
        rng,
        region,
        born=date(2010, 1, 1) + timedelta(days=rng.randrange(0, 3650)),
        female=False,
        serial=rng.randint(1, 9999),
    )
    business, kbli = rng.choice(BUSINESSES)
    occupation = rng.choices(
        [
            "wiraswasta",
            "pedagang",
            "petani",
            "nelayan",
            "buruh",
            "mengurus_rumah_tangga",
            "asn",
            "tni",
            "polri",
            "pegawai_bumn",
            "pegawai_bumd",
        ],
        weights=[40, 30, 10, 5, 5, 5, 2, 1, 1, 0.5, 0.5],
    )[0]
    address = f"Jl. {rng.choice(FAMILY_NAMES)} No. {rng.randint(1, 200)}"
    return {
        "nik": nik,
        "kk": kk,
        "nama": person_name(rng),
        "alamat_ktp": address,
        "alamat_usaha": address if rng.random() < 0.7 else f"Pasar {rng.choice(FAMILY_NAMES)}",
        "ada_sku": "ya" if rng.random() < 0.8 else "tidak",
        "bidang_usaha": business,
        "kbli": kbli if rng.random() < 0.6 else "",
        "telepon": f"08{rng.choice('1257')}{rng.randint(10**8, 10**9 - 1)}",
        "pekerjaan": occupation,
        "punya_kur": "ya" if rng.random() < 0.08 else "tidak",
        "punya_kredit_bank_lain": "ya" if rng.random() < 0.15 else "tidak",
        "tahun_bpum_sebelumnya": "2020" if rng.random() < 0.2 else "",
        "jenis_pengusul": "dinas_kabupaten_kota",
        "wilayah_pengusul": region,
        "wni": "ya",
    }


def make_proposals(rng: random.Random, count: int = 10_500) -> list[dict[str, str]]:
    """Flat CSV rows of BPUM 2021 proposals, with duplicates and malformed rows."""
    rows = [_proposal_row(rng, i) for i in range(count)]
    for i in rng.sample(range(200, count), 250):  # the same person proposed twice
        twin = rows[rng.randrange(0, i)]
        rows[i] = {**rows[i], "nik": twin["nik"], "kk": twin["kk"], "nama": twin["nama"]}
    malformed = rng.sample(range(count), 60)
    for n, i in enumerate(malformed):
        row = rows[i]
        match n % 6:
            case 0:
                row["nik"] = row["nik"][:15]  # a digit lost in data entry
            case 1:
                row["kk"] = ""  # 2021 requires the family card number
            case 2:
                row["telepon"] = "0812"
            case 3:
                row["punya_kur"] = "mungkin"
            case 4:
                row["nik"] = row["nik"][:12] + "0000"  # serial 0000 is never issued
            case _:
                row["pekerjaan"] = "astronot"
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], columns: Iterable[str] | None = None) -> None:
    """Write rows under one header (the union of their columns, in first-seen order)."""
    if columns is None:  # every column some row fills, in first-seen order
        columns = dict.fromkeys(k for row in rows for k, v in row.items() if v != "")
    header = list(columns)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=header, lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    """Write both sample files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "data", help="output folder")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    write_csv(args.out / "koperasi_lampung.csv", make_registry(rng))
    write_csv(args.out / "bpum_usulan_2021.csv", make_proposals(rng), PROPOSAL_COLUMNS)
    print(f"wrote {args.out / 'koperasi_lampung.csv'} and {args.out / 'bpum_usulan_2021.csv'}")


if __name__ == "__main__":
    main()
