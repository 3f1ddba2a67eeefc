"""How many cooperatives of the sample Lampung registry are active on 2021-10-12?"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from koperasi_id import cooperatives
from koperasi_id.errors import ValidationError
from koperasi_id.rows import unflatten
from koperasi_id.serialization import from_dict

SAMPLE = Path(__file__).parent / "data" / "koperasi_lampung.csv"

counter = cooperatives.RegistryCounter(as_of=date(2021, 10, 12), by=("region", "kind"))
with SAMPLE.open(encoding="utf-8", newline="") as handle:
    for row in csv.DictReader(handle):
        try:
            coop = from_dict(cooperatives.Cooperative, unflatten(cooperatives.Cooperative, row))
        except ValidationError:
            counter.add_invalid()  # counted, never dropped
            continue
        counter.add(coop)

summary = counter.summary()
print(summary.table("region"))
print()
print(summary.table("kind"))
print(
    f"\n{summary.active} of {summary.registered} active ({summary.active_percent}%), {summary.invalid} invalid rows"
)
