"""Deterministic benchmark inputs, built with the sample-data generator's functions."""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))

import make_sample_data as sample  # noqa: E402

from koperasi_id._names import FAMILY_NAMES  # noqa: E402
from koperasi_id.bpum import PROPOSAL_COLUMNS, proposal_from_row  # noqa: E402

SEED = 20211012
#: Rows per generator chunk: each chunk has its own duplicates and malformed rows.
CHUNK = 10_000


def proposal_rows(count: int, seed: int = SEED) -> Iterator[dict[str, str]]:
    """``count`` BPUM 2021 CSV rows, in chunks of the sample generator (same mix)."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        size = min(CHUNK, count - made)
        if size < 1_000:  # make_proposals samples 250 twins and 60 malformed rows
            rows = [sample._proposal_row(rng, made + i) for i in range(size)]
        else:
            rows = sample.make_proposals(rng, size)
        yield from rows
        made += size


def valid_proposal_wires(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """Wire-format dicts of well-formed proposals (every one structures)."""
    rng = random.Random(seed)
    return [proposal_from_row(sample._proposal_row(rng, i)) for i in range(count)]


def write_proposal_csv(path: Path, count: int) -> Path:
    """Write a ``count``-row BPUM 2021 proposal CSV (streamed, constant memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(PROPOSAL_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(proposal_rows(count))
    return path


_SCHEMES = (
    ("super_mikro", 1, 10_000_000),
    ("mikro", 10_000_001, 100_000_000),
    ("kecil", 100_000_001, 500_000_000),
)
_PURPOSES = ("modal_kerja", "investasi")
_SECTORS = ("perdagangan", "pertanian", "industri_pengolahan", "jasa")


def kur_application_wires(count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """Wire-format dicts of KUR applications (every one structures)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        region = rng.choice(list(sample.LAMPUNG))
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
        nik = sample.synthetic_nik(
            rng, region, born=born, female=rng.random() < 0.5, serial=i % 9999 + 1
        )
        scheme, low, high = rng.choice(_SCHEMES)
        plafond = rng.randrange(low // 1_000_000 + 1, high // 1_000_000 + 1) * 1_000_000
        credits = []
        if rng.random() < 0.3:
            credits.append(
                {
                    "kind": "konsumtif_rumah_tangga",
                    "plafond": str(rng.randrange(1, 50) * 1_000_000),
                    "outstanding": str(rng.randrange(0, 1_000_000)),
                    "collectibility": "lancar",
                    "closed": False,
                    "same_lender": False,
                    "scheme": None,
                }
            )
        out.append(
            {
                "borrower_nik": nik,
                "npwp": None,
                "business": {
                    "name": f"Usaha {rng.choice(FAMILY_NAMES)} {i}",
                    "owner_nik": nik,
                    "started_on": (
                        date(2015, 1, 1) + timedelta(days=rng.randrange(0, 2500))
                    ).isoformat(),
                    "region": region,
                    "nib": None,
                    "kbli": rng.choice(sample.BUSINESSES)[1],
                    "capital": str(rng.randrange(5, 500) * 1_000_000),
                    "net_assets": None,
                    "annual_sales": str(rng.randrange(10, 2000) * 1_000_000),
                    "workers": rng.randint(1, 20),
                },
                "scheme": scheme,
                "plafond": str(plafond),
                "tenor_months": rng.choice((12, 24, 36)),
                "purpose": rng.choice(_PURPOSES),
                "sector": rng.choice(_SECTORS),
                "akad_date": (date(2024, 1, 2) + timedelta(days=rng.randrange(0, 700))).isoformat(),
                "access": rng.randint(1, 3),
                "existing_credits": credits,
                "had_training": False,
                "mentored": False,
                "group_member": False,
                "family_business": False,
                "extended": False,
                "additional_collateral": False,
                "exempt_38a": False,
                "disaster_area": False,
                "contract_months": None,
            }
        )
    return out
