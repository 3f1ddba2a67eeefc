"""Independent oracles for BPUM (Permenkop UKM 6/2020, Permenkop UKM 2/2021).

Amounts, years, deadlines and the eligibility rules that carry a number are
typed by hand from the instrument on each row; no row reads ``PROGRAMMES`` or a
strategy to get its expected value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from koperasi_id.bpum import (
    DEFAULT_WITHDRAWAL_MONTHS,
    WITHDRAWAL_PERIOD,
    Proposal,
    amount,
    assess,
    programme,
    programme_regime,
    programme_years,
    withdrawal_deadline,
)
from koperasi_id.errors import NoRuleInForceError
from koperasi_id.serialization import from_dict

# (budget year, amount per recipient, citation)
AMOUNT_ORACLE = [
    (2020, Decimal(2_400_000), "Permenkop UKM 6/2020 Pasal 3 ayat (1): Rp2.400.000"),
    (2021, Decimal(1_200_000), "Permenkop UKM 2/2021 Pasal 3 ayat (1): Rp1.200.000"),
]


@pytest.mark.parametrize(("year", "expected", "citation"), AMOUNT_ORACLE)
def test_amount_oracle(year: int, expected: Decimal, citation: str) -> None:
    assert amount(year) == expected, citation


def test_only_2020_and_2021_had_bpum() -> None:
    # bisnis.com 14 Mar 2022: no BPUM in 2022 (BT-PKLWN instead, another programme).
    assert programme_years() == (2020, 2021)
    with pytest.raises(NoRuleInForceError) as caught:
        amount(2022)
    assert caught.value.table == "bpum.programme"
    with pytest.raises(NoRuleInForceError) as caught:
        amount(2019)
    assert caught.value.table == "bpum.programme"


# (year, first day proposals were taken, last day, source)
WINDOW_ORACLE = [
    (2020, date(2020, 7, 28), date(2020, 12, 31), "aspek.id: first batch dated 28 Jul 2020"),
    (2021, date(2021, 3, 17), date(2021, 8, 31), "Tempo: signed 17 Mar 2021; closed 31 Aug"),
]


@pytest.mark.parametrize(("year", "opens", "closes", "source"), WINDOW_ORACLE)
def test_proposal_window_oracle(year: int, opens: date, closes: date, source: str) -> None:
    window = programme(year).window
    assert (window.opens, window.closes) == (opens, closes), source
    assert window.contains(opens)
    assert window.contains(closes)
    assert not window.contains(date.fromordinal(opens.toordinal() - 1))
    assert not window.contains(date.fromordinal(closes.toordinal() + 1))


def test_2020_launch_day() -> None:
    # Launched by the President on 24 Aug 2020 (Permenkop UKM 6/2020 programme).
    assert programme(2020).launched == date(2020, 8, 24)


def test_withdrawal_deadline_is_three_months() -> None:
    # Dinas Koperasi dan UKM Sampang (2021): funds lapse 3 months after crediting (LOW).
    assert DEFAULT_WITHDRAWAL_MONTHS == 3
    assert withdrawal_deadline(date(2021, 5, 17)) == date(2021, 8, 17)
    assert withdrawal_deadline(date(2020, 11, 30)) == date(2021, 2, 28)


def _proposal(**changes: Any) -> Proposal:
    wire = {
        "nik": "1871010101900001",
        "kk": "1871010101100001",
        "name": "Siti Aminah",
        "ktp_address": "Jl. Kartini 5",
        "line_of_business": "warung makan",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
        **changes,
    }
    return from_dict(Proposal, wire)


def test_previous_recipients_oracle() -> None:
    # Permenkop UKM 2/2021 Pasal 4 ayat (1): a 2020 recipient may receive again in
    # 2021; one BPUM per NIK per budget year.
    assert assess(_proposal(previous_bpum_years=[2020]), year=2021).eligible
    assert not assess(_proposal(previous_bpum_years=[2021]), year=2021).eligible
    assert not assess(_proposal(previous_bpum_years=[2020]), year=2020).eligible


def test_credit_oracle() -> None:
    # Permenkop UKM 6/2020: no bank credit nor KUR; 2/2021 Pasal 4 ayat (2): no KUR only.
    assert not assess(_proposal(has_other_bank_credit=True), year=2020).eligible
    assert assess(_proposal(has_other_bank_credit=True), year=2021).eligible
    assert not assess(_proposal(has_kur=True), year=2021).eligible
    assert assess(_proposal(), year=2021).amount == Decimal(1_200_000)
    assert assess(_proposal(), year=2020).amount == Decimal(2_400_000)


@pytest.mark.parametrize("year", [2020, 2021])
def test_programme_regimes_span_the_budget_year(year: int) -> None:
    # UU 17/2003 Pasal 4: the tahun anggaran runs from 1 January to 31 December; each
    # BPUM programme is one budget year (Permenkop UKM 6/2020, 2/2021 Pasal 3 ayat (1)).
    regime = programme_regime(year)
    assert (regime.valid_from, regime.valid_to) == (date(year, 1, 1), date(year, 12, 31))


def test_withdrawal_period_spans_both_programmes() -> None:
    # The Sampang statement (3 months, LOW) concerns BPUM 2020 and 2021 funds alike.
    assert (WITHDRAWAL_PERIOD.valid_from, WITHDRAWAL_PERIOD.valid_to) == (
        date(2020, 1, 1),
        date(2021, 12, 31),
    )
    assert WITHDRAWAL_PERIOD.value == 3
