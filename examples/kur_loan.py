"""Assess a KUR Mikro application and print the instalment schedule of the loan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from koperasi_id import kur, msme
from koperasi_id.identifiers import Nik
from koperasi_id.money import format_rupiah

business = msme.Business(
    name="Keripik Pisang Mbak Rina",
    owner_nik=Nik.parse("1871014101900002"),  # synthetic
    started_on=date(2022, 6, 1),
    annual_sales=Decimal("300000000"),
)
application = kur.KurApplication(
    borrower_nik=business.owner_nik,
    business=business,
    scheme=kur.Scheme.MICRO,
    plafond=Decimal("50000000"),
    tenor_months=24,
    purpose=kur.Purpose.WORKING_CAPITAL,
    sector=kur.Sector.MANUFACTURING,
    akad_date=date(2024, 5, 1),
    access=2,
)

assessment = kur.assess(application)
print(assessment.explain("id"))
print()

rate = kur.rate(application.scheme, as_of=application.akad_date, access=application.access)
plan = kur.schedule(
    application.plafond, rate, application.tenor_months, start=application.akad_date
)
print(f"Rate {rate}% per year; first instalment {format_rupiah(plan.instalments[0].payment)}")
print(
    f"Total interest {format_rupiah(plan.total_interest)}; principal repaid {format_rupiah(plan.total_principal)}"
)
assert plan.total_principal == application.plafond
