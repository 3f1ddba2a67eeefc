"""Classify a business under the law in force on two dates (UU 20/2008 vs PP 7/2021)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from koperasi_id import msme
from koperasi_id.identifiers import Nik
from koperasi_id.serialization import from_json, to_json

warung = msme.Business(
    name="Warung Makan Bu Siti",
    owner_nik=Nik.parse("1871014101900002"),  # synthetic
    started_on=date(2015, 3, 1),
    capital=Decimal("600000000"),
    net_assets=Decimal("600000000"),
    annual_sales=Decimal("2100000000"),
    workers=6,
)

# Before 2021-02-02 the UU 20/2008 criteria apply (net assets or sales) ...
before = msme.classify(as_of=date(2021, 2, 1), net_assets=warung.net_assets)
# ... from that day PP 7/2021 (capital for registration, sales for support programmes).
after = msme.classify_business(warung, as_of=date(2021, 2, 2), purpose=msme.Purpose.SUPPORT)

for decision in (before, after):
    print(decision.explain("en"))
    print()

print(
    "BPS workforce class (statistical, not legal):",
    msme.classify_workforce(warung.workers or 1).outcome.label,
)
print(
    "UMK for OSS/NIB registration:",
    msme.is_umk_for_oss(warung.capital or Decimal(0), as_of=date(2024, 1, 1)),
)

# Entities travel as JSON and come back equal.
assert from_json(msme.Business, to_json(warung)) == warung
