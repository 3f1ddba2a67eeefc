"""Independent oracles for the cooperative rules (UU 25/1992 as amended, PP 17/1994).

Founder minimums, the RAT deadline, the activity window, the board term, the
idle years that ground a dissolution and the dissolution periods, each typed
by hand from the article on its row. No row reads ``FOUNDER_MINIMUMS``,
``RAT_DEADLINE``, ``ACTIVITY_STATUS_RULES``, ``BOARD_TERM_LIMIT``,
``DISSOLUTION_PERIODS`` or a strategy for its expected value.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from koperasi_id.cooperatives import (
    Cooperative,
    CooperativeForm,
    LawVersion,
    MembershipArea,
    Principle,
    SupervisoryLevel,
    activity_status,
    check_board_terms,
    check_founders,
    dissolution_grounds,
    dissolution_timeline,
    founder_minimum,
    governing_law,
    rat_deadline,
    required_organs,
    supervising_level,
)
from koperasi_id.errors import NoRuleInForceError
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
