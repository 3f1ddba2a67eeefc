"""Invariants of the borrower rate, its components and the schedules owed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id.kur import (  # noqa: E402
    DEFAULT_RULES,
    Collectibility,
    Scheme,
    borrower_rate,
    rate,
    rate_components,
    schedule,
)

D = Decimal
akads = st.dates(date(2015, 7, 1), date(2022, 12, 31))
offsets = st.integers(0, 60)


@given(
    scheme=st.sampled_from(list(Scheme)),
    akad=akads,
    months=offsets,
    grade=st.sampled_from(list(Collectibility)),
)
def test_components_add_up_to_the_total(
    scheme: Scheme, akad: date, months: int, grade: Collectibility
) -> None:
    found = DEFAULT_RULES.total_rates.find(akad)
    assume(
        found is not None and scheme in found.value and scheme in DEFAULT_RULES.rates.value_at(akad)
    )
    assume(scheme is not Scheme.SPECIAL)  # khusus subsidies are banded by plafond
    period = date(
        akad.year + (akad.month - 1 + months) // 12, (akad.month - 1 + months) % 12 + 1, 1
    )
    c = rate_components(scheme, akad_date=akad, period_start=period, collectibility=grade)
    assert c.borrower_rate + c.relief_subsidy + c.regular_subsidy == c.total_rate
    assert D(0) <= c.borrower_rate <= c.scheme_rate == rate(scheme, as_of=akad)
    assert c.relief_subsidy >= 0
    if c.relief is None:
        assert c.borrower_rate == c.scheme_rate
    if grade.grade > 2:
        assert c.borrower_rate == c.scheme_rate


@given(
    principal=st.integers(1_000_000, 500_000_000),
    agreed=st.sampled_from([D(6), D(7), D(9), D(12)]),
    months=st.integers(2, 84),
    akad=st.dates(date(2018, 1, 1), date(2023, 6, 30)),
)
def test_owed_schedule_repays_the_plafond_and_never_costs_more(
    principal: int, agreed: Decimal, months: int, akad: date
) -> None:
    owed = schedule(D(principal), agreed, months, start=akad, scheme=Scheme.MICRO)
    plain = schedule(D(principal), agreed, months, start=akad)
    assert owed.total_principal == D(principal)
    assert owed.instalments[-1].balance == 0
    # The relief only lowers rates; rounding can move a rupiah per row at most.
    assert owed.total_interest <= plain.total_interest + months
    previous_due = akad
    for row, charged in zip(owed.instalments, owed.period_rates, strict=True):
        assert charged == borrower_rate(
            Scheme.MICRO,
            akad_date=akad,
            period_start=previous_due,
            due_date=row.due_date,
            agreed_rate=agreed,
        )
        previous_due = row.due_date
