"""Hand-written field checks shared by the independent pydantic and msgspec baselines.

Written from the documentation (docs/identifiers/*.md, docs/guide/*.md), not
from the library's code, and never importing ``koperasi_id`` (a test reads
this file's imports): the baselines must do their own identifier work, or a
comparison with them measures nothing. Each check takes the raw wire value
and returns the canonical wire string, or raises ``ValueError`` (which both
pydantic and msgspec turn into a validation error).

What is checked, and what is not, is listed in benchmarks/README.md
("Independent baselines").
"""

from __future__ import annotations

import csv
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

#: The 38 Kemendagri province codes (docs/identifiers/regions.md).
# The enums' wire values, typed from the docs (never read from the library).
Occupation = Literal[
    "wiraswasta", "pedagang", "petani", "nelayan", "buruh", "karyawan_swasta",
    "mengurus_rumah_tangga", "pelajar_mahasiswa", "pensiunan", "belum_tidak_bekerja",
    "lainnya", "asn", "tni", "polri", "pegawai_bumn", "pegawai_bumd",
]  # fmt: skip
ProposerType = Literal[
    "dinas_provinsi", "dinas_kabupaten_kota", "koperasi_berbadan_hukum",
    "kementerian_lembaga", "bank_perusahaan_pembiayaan", "blu_dana_bergulir",
]  # fmt: skip
Scheme = Literal["super_mikro", "mikro", "kecil", "khusus", "pmi"]
Purpose = Literal["modal_kerja", "investasi"]
Sector = Literal[
    "pertanian", "perkebunan", "perikanan", "peternakan", "industri_pengolahan",
    "konstruksi", "jasa_produksi", "perdagangan", "jasa",
]  # fmt: skip
CreditKind = Literal[
    "kur", "kpr", "kendaraan_bermotor_produktif", "sk_pensiun", "kartu_kredit",
    "resi_gudang", "konsumtif_rumah_tangga", "konsumtif_tercatat_produktif", "ultra_mikro",
    "pinjaman_daring", "program_pemerintah", "produktif_komersial",
]  # fmt: skip
Collectibility = Literal["lancar", "dalam_perhatian_khusus", "kurang_lancar", "diragukan", "macet"]

PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ]
)
#: KBLI 2020 divisions (golongan pokok), docs/identifiers/kbli.md.
KBLI_DIVISIONS = frozenset(
    [
        "01",
        "02",
        "03",
        "05",
        "06",
        "07",
        "08",
        "09",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "20",
        "21",
        "22",
        "23",
        "24",
        "25",
        "26",
        "27",
        "28",
        "29",
        "30",
        "31",
        "32",
        "33",
        "35",
        "36",
        "37",
        "38",
        "39",
        "41",
        "42",
        "43",
        "45",
        "46",
        "47",
        "49",
        "50",
        "51",
        "52",
        "53",
        "55",
        "56",
        "58",
        "59",
        "60",
        "61",
        "62",
        "63",
        "64",
        "65",
        "66",
        "68",
        "69",
        "70",
        "71",
        "72",
        "73",
        "74",
        "75",
        "77",
        "78",
        "79",
        "80",
        "81",
        "82",
        "84",
        "85",
        "86",
        "87",
        "88",
        "90",
        "91",
        "93",
        "94",
        "95",
        "96",
        "97",
        "98",
        "99",
    ]
)


def _regencies() -> frozenset[str]:
    # The published Kemendagri table the library ships, read as data with csv (no
    # library code runs): every regency code in it, retired ones included. The
    # shipped table is strict on regencies (docs/identifiers/regions.md): a NIK,
    # KK or region code naming a regency missing from it is refused.
    table = Path(__file__).resolve().parent.parent / "src/koperasi_id/_data/regions_kemendagri.csv"
    with table.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(line for line in f if not line.startswith("#"))
        return frozenset(row[0] for row in rows if len(row[0]) == 5 and row[0][2] == ".")


REGENCIES = _regencies()
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_ID_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-\u2010-\u2014]+")
_DIGITS = re.compile(r"[0-9]+")
_PHONE_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-\u2010-\u2014()/]+")
_PHONE = re.compile(r"\+?[0-9]+")
_REGION = re.compile(r"([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{2})(?:\.([0-9]{4}))?)?)?")
_MONEY = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The number policy (docs/guide/limits.md, "Numbers"): every amount and whole
#: number within 10**15 either side of zero, number text at most 64 characters.
MAX_MAGNITUDE = 10**15
MAX_TEXT = 64
#: Every day the library takes is from 1900-01-01 to 9899-12-31 (docs/guide/limits.md, "Days").
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9899, 12, 31)


def digits(raw: Any, length: int | None = None) -> str:
    """An identifier's digits: a string, separators stripped, ASCII digits only."""
    if type(raw) is not str or len(raw) > 64:
        raise ValueError("expected an identifier string")
    compact = _ID_SEPARATORS.sub("", raw)
    if not _DIGITS.fullmatch(compact):
        raise ValueError("only digits")
    if length is not None and len(compact) != length:
        raise ValueError(f"expected {length} digits")
    return compact


def _region_ok(pp: str, kk: str, cc: str, *, table: bool = True) -> bool:
    # A KK's region part is checked for its shape only; a NIK's regency against the table.
    regency = f"{pp}.{kk}" in REGENCIES if table else kk not in ("00", "70")
    return pp in PROVINCES and regency and cc != "00"


def nik_digits(d: str) -> str:
    """Rules S1-S7 of docs/identifiers/nik.md on 16 digits."""
    if not _region_ok(d[0:2], d[2:4], d[4:6]) or d[12:] == "0000":
        raise ValueError("not a NIK")
    day, month, yy = int(d[6:8]), int(d[8:10]), int(d[10:12])
    if day > 40:
        day -= 40
    if not 1 <= day <= 31 or not 1 <= month <= 12 or day > _DAYS[month - 1]:
        raise ValueError("not a NIK birth date")
    if month == 2 and day == 29 and yy % 4:
        raise ValueError("not a NIK birth date")
    return d


def nik(raw: Any) -> str:
    return nik_digits(digits(raw, 16))


def kk(raw: Any) -> str:
    d = digits(raw, 16)
    if not _region_ok(d[0:2], d[2:4], d[4:6], table=False):
        raise ValueError("not a KK number")
    return d


def nib(raw: Any) -> str:
    return digits(raw, 13)


def npwp(raw: Any) -> str:
    d = digits(raw)
    if len(d) == 15:
        d = "0" + d
    elif len(d) != 16:
        raise ValueError("an NPWP has 15 or 16 digits")
    if d[0] != "0":
        return nik_digits(d)
    total = 0
    for i, ch in enumerate(reversed(d[1:9])):  # Luhn over digits 1-8 of the 15
        v = ord(ch) - 48
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    if str((10 - total % 10) % 10) != d[9]:
        raise ValueError("NPWP check digit")
    return d


def kbli(raw: Any) -> str:
    if type(raw) is str and "@" in raw:
        raise ValueError("only KBLI 2020 codes in the baseline")
    d = digits(raw, 5)
    if d[:2] not in KBLI_DIVISIONS:
        raise ValueError("not a KBLI 2020 division")
    return d


def region(raw: Any) -> str:
    if type(raw) is not str or len(raw) > 64:
        raise ValueError("expected a region code string")
    text = raw.strip()
    match = _REGION.fullmatch(text) if len(text) <= 13 else None
    if match is not None:
        pp, kk_, cc, village = match.groups()
    elif text.isascii() and text.isdigit() and len(text) in (2, 4, 6, 10):
        pp, kk_, cc, village = text[:2], text[2:4] or None, text[4:6] or None, text[6:10] or None
    else:
        raise ValueError("not a region code")
    if (
        pp not in PROVINCES
        or (kk_ is not None and f"{pp}.{kk_}" not in REGENCIES)
        or cc == "00"
        or (village is not None and village[0] not in "123")
    ):
        raise ValueError("not a region code")
    return ".".join(p for p in (pp, kk_, cc, village) if p is not None)


def phone(raw: Any) -> str:
    """Canonical ``+62`` form (docs/guide/bpum.md, phone numbers)."""
    if type(raw) is not str or len(raw) > 32:
        raise ValueError("expected a phone string")
    c = _PHONE_SEPARATORS.sub("", raw)
    if not c or not _PHONE.fullmatch(c):
        raise ValueError("phone characters")
    if c[0] == "+":
        if not c.startswith("+62"):
            raise ValueError("not +62")
        n = c[3:]
    elif c.startswith("0062"):
        n = c[4:]
    elif c.startswith("62"):
        n = c[2:]
    elif c[0] == "0":
        n = c[1:]
    elif c[0] == "8":
        n = c
    else:
        raise ValueError("phone prefix")
    if n.startswith("0"):
        n = n[1:]
    if not n or n[0] in "01":
        raise ValueError("phone prefix")
    if not (9 <= len(n) <= 12 if n[0] == "8" else 8 <= len(n) <= 11):
        raise ValueError("phone length")
    return "+62" + n


def money(raw: Any, *, positive: bool = False) -> Decimal:
    """A plain decimal string or an int; finite, not negative (nor ``-0``), at most two places.

    Within the number policy: at most 10**15, text at most 64 characters.
    """
    if type(raw) is str:
        if len(raw) > MAX_TEXT or not _MONEY.fullmatch(raw):
            raise ValueError("expected a decimal string")
        value = Decimal(raw)
    elif type(raw) is int:
        value = Decimal(raw)
    elif type(raw) is Decimal and raw.is_finite():
        value = raw
    else:
        raise ValueError("expected an amount")
    if value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValueError("at most two decimal places")
    if value.is_signed() or value > MAX_MAGNITUDE or (positive and value == 0):
        raise ValueError("amount out of range")
    return value


def money_text(value: Decimal) -> str:
    text = str(value)
    return text if "E" not in text else f"{value:f}"


def iso_date(raw: Any) -> str:
    """ISO text of a day in the library's range; the calendar check is the framework's."""
    if type(raw) is not str or not _ISO_DATE.fullmatch(raw) or not "1900" <= raw[:4] <= "9899":
        raise ValueError("expected YYYY-MM-DD from 1900 to 9899")
    return raw


def day_in_range(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError("a day from 1900-01-01 to 9899-12-31")
    return value
