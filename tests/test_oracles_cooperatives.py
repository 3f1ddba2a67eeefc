"""Independent oracles for the cooperative rules (UU 25/1992 as amended, PP 17/1994).

Founder minimums, the RAT deadline, the activity window, the board term, the
idle years that ground a dissolution and the dissolution periods, each typed
by hand from the article on its row. No row reads ``FOUNDER_MINIMUMS``,
``RAT_DEADLINE``, ``ACTIVITY_STATUS_RULES``, ``BOARD_TERM_LIMIT``,
``DISSOLUTION_PERIODS`` or a strategy for its expected value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from koperasi_id.cooperatives import (
    Cooperative,
    CooperativeForm,
    LawVersion,
    LoopType,
    MembershipArea,
    Principle,
    SavingsLoanProfile,
    SupervisoryLevel,
    activity_status,
    check_board_terms,
    check_founders,
    check_merah_putih,
    check_multi_stakeholder,
    check_related_party_lending,
    check_startup_capital,
    dissolution_grounds,
    dissolution_timeline,
    founder_minimum,
    governing_law,
    health_grade,
    rat_deadline,
    required_organs,
    savings_loan_regulator,
    supervising_level,
)
from koperasi_id.errors import NoRuleInForceError, ValidationError
from koperasi_id.serialization import from_dict

PRIMARY, SECONDARY = CooperativeForm.PRIMARY, CooperativeForm.SECONDARY

# (founding date, form, minimum founders, citation)
FOUNDER_ORACLE = [
    (date(1992, 10, 21), PRIMARY, 20, "UU 25/1992 Pasal 6 ayat (1): paling sedikit 20 orang"),
    (date(2020, 11, 1), PRIMARY, 20, "UU 25/1992 Pasal 6 ayat (1)"),
    (date(2020, 11, 2), PRIMARY, 9, "UU 11/2020 Pasal 86 amending Pasal 6: 9 orang"),
    (date(2024, 1, 1), PRIMARY, 9, "UU 6/2023 (Cipta Kerja) Pasal 6 UU 25/1992"),
    (date(2020, 11, 1), SECONDARY, 3, "UU 25/1992 Pasal 6 ayat (2): 3 koperasi"),
    (date(2020, 11, 2), SECONDARY, 3, "UU 11/2020 Pasal 86: 3 koperasi"),
]


@pytest.mark.parametrize(("as_of", "form", "expected", "citation"), FOUNDER_ORACLE)
def test_founder_minimum_oracle(
    as_of: date, form: CooperativeForm, expected: int, citation: str
) -> None:
    assert founder_minimum(form, as_of=as_of) == expected, citation
    assert check_founders(form, expected, as_of=as_of).outcome
    assert not check_founders(form, expected - 1, as_of=as_of).outcome


# UU 25/1992 Pasal 26 ayat (2): the RAT "paling lambat 6 bulan setelah tahun buku lampau".
@pytest.mark.parametrize(
    ("fiscal_year", "expected"),
    [(1993, date(1994, 6, 30)), (2020, date(2021, 6, 30)), (2023, date(2024, 6, 30))],
)
def test_rat_deadline_oracle(fiscal_year: int, expected: date) -> None:
    assert rat_deadline(fiscal_year) == expected


def _coop(**changes: Any) -> Cooperative:
    wire: dict[str, Any] = {
        "name": "Koperasi Konsumen Sejahtera 1",
        "legal_entity_numbers": ["1/BH/X/2010"],
        "deed_approved_on": "2010-03-01",
        "form": "primer",
        "kind": "konsumen",
        "region": "18.71",
        "membership_area": "dalam_kabupaten_kota",
        "member_count": 40,
        "rat_records": [],
        **changes,
    }
    return from_dict(Cooperative, wire)


def _rat(year: int, held: str) -> dict[str, Any]:
    return {"fiscal_year": year, "held_on": held, "reported": True}


def test_activity_window_oracle() -> None:
    # Kemenkop ODS: aktif with at least one RAT held and reported in the last 3 fiscal
    # years whose deadline (UU 25/1992 Pasal 26 ayat (2), 30 June) has passed.
    coop = _coop(rat_records=[_rat(2020, "2021-05-08")])
    # On 2024-06-30 fiscal year 2023 is not yet due: its deadline is that very day.
    assert activity_status(coop, as_of=date(2024, 6, 30)).window == (2020, 2021, 2022)
    assert activity_status(coop, as_of=date(2024, 6, 30)).status.value == "aktif"
    decision = activity_status(coop, as_of=date(2024, 7, 1))
    assert decision.window == (2021, 2022, 2023)
    assert decision.status.value == "tidak_aktif"


def test_young_cooperative_oracle() -> None:
    # Permenkop 19/2015 as applied (Bangli): inactive after 3 missed RATs in a row;
    # founded 2019, on 2021-10-12 only 2019 and 2020 are due: not inactive.
    young = _coop(deed_approved_on="2019-05-01", legal_entity_numbers=["1/BH/X/2019"])
    assert activity_status(young, as_of=date(2021, 10, 12)).status.value == "aktif"
    # From 1 July 2022 three fiscal years (2019-2021) are due and none had a RAT.
    assert activity_status(young, as_of=date(2022, 6, 30)).status.value == "aktif"
    assert activity_status(young, as_of=date(2022, 7, 1)).status.value == "tidak_aktif"


def test_board_term_oracle() -> None:
    # UU 25/1992 Pasal 29 ayat (2): "masa jabatan pengurus paling lama 5 (lima) tahun".
    def term(ends_on: str) -> dict[str, Any]:
        return {"organ": "pengurus", "started_on": "2015-05-01", "ends_on": ends_on}

    as_of = date(2016, 1, 1)
    assert check_board_terms(_coop(board_terms=[term("2020-05-01")]), as_of=as_of).outcome
    assert not check_board_terms(_coop(board_terms=[term("2020-05-02")]), as_of=as_of).outcome


def test_idle_years_oracle() -> None:
    # PP 17/1994 Pasal 3 ayat (1) huruf d: no real business for 2 years in a row.
    def activity(year: int, real: bool) -> dict[str, Any]:
        return {"fiscal_year": year, "has_real_business": real}

    one = _coop(business_activities=[activity(2016, True), activity(2017, False)])
    assert dissolution_grounds(one, as_of=date(2019, 1, 1)).grounds == ()
    two = _coop(
        business_activities=[activity(2016, True), activity(2017, False), activity(2018, False)]
    )
    assert dissolution_grounds(two, as_of=date(2019, 1, 1)).idle_fiscal_years == (2017, 2018)


def test_dissolution_periods_oracle() -> None:
    # UU 25/1992 Pasal 47 ayat (2)-(4): objection within 2 months of the notice, the
    # decision within 4 months, a ruling on the objection within 1 month of receiving it;
    # Pasal 49: creditors' claims within 3 months of being notified.
    notice = date(2024, 3, 15)
    t = dissolution_timeline(
        notice, objection_received_on=date(2024, 4, 1), creditors_notified_on=date(2024, 6, 1)
    )
    assert t.objection.due_on == date(2024, 5, 15)
    assert t.decision.due_on == date(2024, 7, 15)
    assert t.objection_ruling is not None
    assert t.objection_ruling.due_on == date(2024, 5, 1)
    assert t.creditor_claims is not None
    assert t.creditor_claims.due_on == date(2024, 9, 1)


def test_governing_law_oracle() -> None:
    # UU 25/1992 from its enactment (21 Oct 1992); UU 11/2020 Pasal 86 from its
    # promulgation (2 Nov 2020); UU 4/2023 (P2SK) Pasal 202 from 12 Jan 2023.
    # UU 17/2012 never counts: annulled in full by Putusan MK 28/PUU-XI/2013.
    with pytest.raises(NoRuleInForceError) as caught:
        governing_law(as_of=date(1992, 10, 20))
    assert caught.value.table == "cooperatives.governing_law"
    assert governing_law(as_of=date(1992, 10, 21)) is LawVersion.ORIGINAL
    assert governing_law(as_of=date(2013, 6, 1)) is LawVersion.ORIGINAL
    assert governing_law(as_of=date(2020, 11, 1)) is LawVersion.ORIGINAL
    assert governing_law(as_of=date(2020, 11, 2)) is LawVersion.CIPTA_KERJA
    assert governing_law(as_of=date(2023, 1, 11)) is LawVersion.CIPTA_KERJA
    assert governing_law(as_of=date(2023, 1, 12)) is LawVersion.CIPTA_KERJA_P2SK


def test_sharia_supervisory_board_from_cipta_kerja() -> None:
    # UU 11/2020 Pasal 86 inserts Pasal 44A: a sharia cooperative must have a Dewan
    # Pengawas Syariah, from 2 Nov 2020.
    assert len(required_organs(Principle.SHARIA, as_of=date(2020, 11, 1))) == 3
    assert len(required_organs(Principle.SHARIA, as_of=date(2020, 11, 2))) == 4


def test_supervising_level_oracle() -> None:
    # Permenkop UKM 9/2020 (Pengawasan Koperasi, 14 Oct 2020): across provinces the
    # ministry, across regencies the province, within one regency the regency/city.
    as_of = date(2020, 10, 14)
    assert supervising_level(MembershipArea.ACROSS_PROVINCES, as_of=as_of).outcome is (
        SupervisoryLevel.CENTRAL
    )
    assert supervising_level(MembershipArea.ACROSS_REGENCIES, as_of=as_of).outcome is (
        SupervisoryLevel.PROVINCE
    )
    assert supervising_level(MembershipArea.WITHIN_REGENCY, as_of=as_of).outcome is (
        SupervisoryLevel.REGENCY_CITY
    )
    with pytest.raises(NoRuleInForceError) as caught:
        supervising_level(MembershipArea.WITHIN_REGENCY, as_of=date(2020, 10, 13))
    assert caught.value.table == "cooperatives.supervision"


# (score, grade) at every cut-off of R24, typed from Perdep KUKM 06/Per/Dep.6/IV/2016:
# "80 <= X <= 100 Sehat; 66 <= X < 80 Cukup Sehat; 51 <= X < 66 Dalam Pengawasan;
# X < 51 Dalam Pengawasan Khusus"; the score is in [0, 100].
HEALTH_ORACLE = [
    (Decimal(100), "sehat"),
    (Decimal(80), "sehat"),
    (Decimal("79.99"), "cukup_sehat"),
    (Decimal(66), "cukup_sehat"),
    (Decimal("65.99"), "dalam_pengawasan"),
    (Decimal(51), "dalam_pengawasan"),
    (Decimal("50.99"), "dalam_pengawasan_khusus"),
    (Decimal(0), "dalam_pengawasan_khusus"),
]


@pytest.mark.parametrize(("score", "grade"), HEALTH_ORACLE)
def test_health_grade_oracle(score: Decimal, grade: str) -> None:
    # Perdep 06/2016 is dated 19 Apr 2016; Permenkop UKM 9/2020 (adopted 14 Oct 2020)
    # keeps its four labels, its own cut-offs unconfirmed (the library carries these).
    for as_of in (date(2016, 4, 19), date(2020, 10, 13), date(2020, 10, 14)):
        assert health_grade(score, as_of=as_of).outcome.value == grade


def test_health_scales_in_force() -> None:
    assert health_grade(80, as_of=date(2020, 10, 13)).scale_version == "perdep-06-2016"
    assert health_grade(80, as_of=date(2020, 10, 14)).scale_version == "permenkop-9-2020"
    with pytest.raises(NoRuleInForceError) as caught:
        health_grade(80, as_of=date(2016, 4, 18))
    assert caught.value.table == "cooperatives.health_scale"
    with pytest.raises(ValidationError) as refused:
        health_grade(Decimal("100.01"), as_of=date(2019, 1, 1))
    assert refused.value.codes == ("health.score_range",)


def test_multi_stakeholder_oracle() -> None:
    # Permenkop UKM 8/2021 (adopted 21 Oct 2021): at least 2 "Kelompok Pihak Anggota";
    # the name carries "Multi Pihak".
    two = _coop(
        name="Koperasi Produsen Multi Pihak Kopi Lampung",
        multi_stakeholder=True,
        stakeholder_groups=["petani", "pengolah"],
    )
    assert check_multi_stakeholder(two, as_of=date(2021, 10, 21)).outcome is True
    one = _coop(
        name="Koperasi Produsen Multi Pihak Kopi Lampung",
        multi_stakeholder=True,
        stakeholder_groups=["petani"],
    )
    assert check_multi_stakeholder(one, as_of=date(2021, 10, 21)).failed_codes == (
        "cooperatives.multi_pihak_groups",
    )
    assert check_multi_stakeholder(two, as_of=date(2021, 10, 20)).failed_codes == (
        "cooperatives.multi_pihak_recognised",
    )


def test_merah_putih_from_the_circular() -> None:
    # SE Menkop 1/2025 (18 Mar 2025) on forming Koperasi Desa/Kelurahan Merah Putih.
    c = _coop(
        name="Koperasi Desa Merah Putih Bentangan",
        merah_putih=True,
        deed_approved_on="2025-03-01",
    )
    assert check_merah_putih(c, as_of=date(2025, 3, 18)).regimes[0].valid_from == date(2025, 3, 18)
    with pytest.raises(NoRuleInForceError) as caught:
        check_merah_putih(c, as_of=date(2025, 3, 17))
    assert caught.value.table == "cooperatives.merah_putih"


def test_ksp_startup_capital_from_permenkop_8_2023() -> None:
    # Permenkop UKM 8/2023 took effect in mid-2023, its day not found: the library's
    # documented parameter (Confidence LOW) is 1 June 2023. Primary KSP within one
    # regency: at least Rp500.000.000.
    kwargs: dict[str, Any] = {
        "form": PRIMARY,
        "membership_area": MembershipArea.WITHIN_REGENCY,
    }
    assert check_startup_capital(
        capital=Decimal(500_000_000), as_of=date(2023, 6, 1), **kwargs
    ).outcome
    with pytest.raises(NoRuleInForceError) as caught:
        check_startup_capital(capital=Decimal(500_000_000), as_of=date(2023, 5, 31), **kwargs)
    assert caught.value.table == "cooperatives.ksp_startup_capital"


def test_open_loop_bank_funding_cap_from_p2sk() -> None:
    # UU 4/2023 (P2SK) Pasal 202 (Pasal 44B ayat (2) UU 25/1992), in force 12 Jan 2023:
    # bank funding above the ministry's limit makes a KSP open loop; SE Menkop 7/2023
    # sets the limit at 40% of the unit's total assets. Before P2SK there is no split.
    def loop(funding: int, as_of: date) -> LoopType | None:
        profile = SavingsLoanProfile(
            bank_funding=Decimal(funding), unit_assets=Decimal(1_000_000_000)
        )
        return savings_loan_regulator(
            profile, membership_area=MembershipArea.WITHIN_REGENCY, as_of=as_of
        ).loop

    assert loop(400_000_000, date(2023, 1, 12)) is LoopType.CLOSED
    assert loop(400_000_001, date(2023, 1, 12)) is LoopType.OPEN
    assert loop(400_000_001, date(2023, 1, 11)) is None


# (form, membership area, minimum start-up capital): Permenkop UKM 8/2023 (modal usaha
# awal KSP/KSPPS): primary Rp500 jt / Rp1 M / Rp2 M, secondary Rp750 jt / Rp1,5 M / Rp3 M.
STARTUP_CAPITAL_ORACLE = [
    (PRIMARY, MembershipArea.WITHIN_REGENCY, 500_000_000),
    (PRIMARY, MembershipArea.ACROSS_REGENCIES, 1_000_000_000),
    (PRIMARY, MembershipArea.ACROSS_PROVINCES, 2_000_000_000),
    (SECONDARY, MembershipArea.WITHIN_REGENCY, 750_000_000),
    (SECONDARY, MembershipArea.ACROSS_REGENCIES, 1_500_000_000),
    (SECONDARY, MembershipArea.ACROSS_PROVINCES, 3_000_000_000),
]


@pytest.mark.parametrize(("form", "area", "minimum"), STARTUP_CAPITAL_ORACLE)
def test_startup_capital_oracle(form: CooperativeForm, area: MembershipArea, minimum: int) -> None:
    def ok(amount: int) -> bool:
        return check_startup_capital(
            form=form, membership_area=area, capital=Decimal(amount), as_of=date(2024, 1, 1)
        ).outcome

    assert ok(minimum)
    assert not ok(minimum - 1)


def test_startup_capital_single_source_shares() -> None:
    # Permenkop UKM 8/2023: one member provides at most 20% of a primary's start-up
    # capital; one member KSP/KSPPS at most 50% of a secondary's.
    def ok(form: CooperativeForm, largest: int) -> bool:
        return check_startup_capital(
            form=form,
            membership_area=MembershipArea.WITHIN_REGENCY,
            capital=Decimal(4_000_000_000),
            largest_contribution=Decimal(largest),
            as_of=date(2024, 1, 1),
        ).outcome

    assert ok(PRIMARY, 800_000_000)
    assert not ok(PRIMARY, 800_000_001)
    assert ok(SECONDARY, 2_000_000_000)
    assert not ok(SECONDARY, 2_000_000_001)


def test_related_party_lending_cap() -> None:
    # Permenkop UKM 8/2023 (BMPP): loans to related parties at most 10% of own capital.
    def ok(loans: int) -> bool:
        return check_related_party_lending(
            related_party_loans=Decimal(loans),
            own_capital=Decimal(1_000_000_000),
            as_of=date(2024, 1, 1),
        ).outcome

    assert ok(100_000_000)
    assert not ok(100_000_001)
