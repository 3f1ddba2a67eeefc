"""Screen the bundled BPUM 2021 proposal sample and print the summary."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from koperasi_id import bpum
from koperasi_id.money import format_rupiah

SAMPLE = Path(__file__).parent / "data" / "bpum_usulan_2021.csv"

summary = bpum.ScreeningSummary(year=2021)
with SAMPLE.open(encoding="utf-8", newline="") as handle:
    # start=2: the first record is on line 2, under the header.
    results = bpum.screen_rows(csv.DictReader(handle), year=2021, start=2)
    for result in itertools.islice(results, 2_000):
        summary.add(result)
        if result.outcome is bpum.ScreeningOutcome.INELIGIBLE and summary.total <= 20:
            print(f"line {result.index} ({result.nik}): {'; '.join(result.messages)}")

print()
print(f"{summary.total} proposals screened")
for outcome, count in summary.by_outcome.items():
    print(f"  {outcome:12} {count}")
print(f"Aid for the eligible: {format_rupiah(summary.eligible_amount)}")
