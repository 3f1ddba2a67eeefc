"""Founding, governance, savings-and-loan and health rules: one section per rule id."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest

from koperasi_id import cooperatives as coop
from koperasi_id.cooperatives import (
    FOUNDER_MINIMUMS,
    HEALTH_SCALES,
    LOOP_RULES,
    RAT_DEADLINE,
    BoardMember,
    BoardPosition,
    BoardTerm,
    Cooperative,
    CooperativeForm,
    Founder,
    HealthDecision,
    HealthGrade,
    HealthScale,
    LawVersion,
    LoopType,
    MembershipArea,
    Organ,
    Principle,
    RatRecord,
    RatTiming,
    Regulator,
    RuleBasis,
    SavingsLoanProfile,
    SupervisoryLevel,
    YearEnd,
    check_board_terms,
    check_founders,
    check_merah_putih,
    check_multi_stakeholder,
    check_organs,
    check_rat,
    check_related_party_lending,
    check_startup_capital,
    cites_annulled_statute,
    founder_minimum,
    governing_law,
    health_grade,
    rat_deadline,
    required_organs,
    savings_loan_regulator,
    supervising_level,
)
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import Nik, NomorBadanHukum, NomorKk
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.serialization import from_dict, from_json, to_json

NIKS = ["1871010101900001", "1871014101900002", "1871011507850003", "1871015203880004"]
AHU = "AHU-0001234.AH.01.26.TAHUN 2021"
DAY = date(2024, 7, 1)


def make(**changes: Any) -> Cooperative:
    data: dict[str, Any] = {
        "name": "Koperasi Produsen Tani Makmur",
        "legal_entity_numbers": [AHU],
        "deed_approved_on": "2021-03-01",
        "form": "primer",
        "kind": "produsen",
        "region": "18.71",
        "membership_area": "dalam_kabupaten_kota",
        "member_count": 40,
    }
    data.update(changes)
    return from_dict(Cooperative, data)


def person(i: int) -> Founder:
    return Founder(name=f"Pendiri {i}", nik=Nik.parse(f"18710101019{i:05d}"[:16]))


def people(n: int) -> list[Founder]:
    # distinct valid NIKs: born 1 Jan 1990, serials 0001..n
    return [Founder(name=f"P{i}", nik=Nik.parse(f"187101010190{i:04d}")) for i in range(1, n + 1)]


def cooperatives(n: int) -> list[Founder]:
    return [
        Founder(
            name=f"KSP {i}",
            legal_entity_number=NomorBadanHukum.parse(f"AHU-{i:07d}.AH.01.26.TAHUN 2020"),
        )
        for i in range(1, n + 1)
    ]


def seat(nik: str, **kw: Any) -> BoardMember:
    return BoardMember(nik=Nik.parse(nik), name="Anggota", **kw)


def term(organ: Organ, start: date, end: date, *members: BoardMember) -> BoardTerm:
    return BoardTerm(organ=organ, started_on=start, ends_on=end, members=members)


# --- R1 / R2: the statute ------------------------------------------------------------


def _public_timelines() -> list[Timeline[Any]]:
    return [getattr(coop, n) for n in coop.__all__ if isinstance(getattr(coop, n), Timeline)]


def test_r1_no_shipped_regime_cites_uu_17_2012() -> None:
    timelines = _public_timelines()
    assert len(timelines) >= 10
    for timeline in timelines:
        for regime in timeline:
            assert not cites_annulled_statute(regime.citation), regime.name
            assert "17/2012" not in f"{regime.citation.instrument} {regime.citation.article}"


def _walk(value: object) -> list[object]:
    if attrs.has(type(value)):
        return [v for f in attrs.fields(type(value)) for v in _walk(getattr(value, f.name))]
    if isinstance(value, dict):
        return [v for item in value.items() for v in _walk(item)]
    if isinstance(value, tuple | list | frozenset | set):
        return [v for item in value for v in _walk(item)]
    return [value]


def test_r1_the_uu_17_2012_three_quarter_quorum_is_absent() -> None:
    values = [v for t in _public_timelines() for r in t for v in _walk(r.value)]
    numbers = [v for v in values if isinstance(v, int | Decimal | Fraction | float)]
    assert numbers  # the walk does reach the law values
    assert not any(not isinstance(v, bool) and Fraction(str(v)) == Fraction(3, 4) for v in numbers)
    assert not [n for n in coop.__all__ if "quorum" in n.lower()]


@pytest.mark.parametrize(
    "instrument",
    ["UU 17/2012", "Undang-Undang Nomor 17 Tahun 2012", "uu no. 17 tahun 2012", "UU No.17/2012"],
)
def test_r1_a_callers_uu_17_2012_regime_is_refused(instrument: str) -> None:
    annulled = Regime(
        name="uu-17-2012-pasal-6",
        valid_from=date(2012, 10, 30),
        citation=Citation(instrument, "Pasal 6"),
        value=coop.FounderMinimums(persons=20, cooperatives=3),
    )
    with pytest.raises(RuleInputError, match="annulled"):
        check_founders(
            CooperativeForm.PRIMARY,
            25,
            as_of=date(2013, 1, 1),
            rules=FOUNDER_MINIMUMS.overridden(annulled),
        )
    with pytest.raises(
        RuleInputError, match=r"^regime 'uu-17-2012-pasal-6' cites .*annulled in full"
    ):
        founder_minimum(
            CooperativeForm.PRIMARY,
            as_of=date(2013, 1, 1),
            rules=FOUNDER_MINIMUMS.overridden(annulled),
        )


def test_r1_uu_25_1992_governs_while_uu_17_2012_was_formally_in_force() -> None:
    for day in (date(2012, 10, 30), date(2013, 6, 1), date(2014, 5, 27), date(2014, 5, 28)):
        assert governing_law(as_of=day) is LawVersion.ORIGINAL
    assert founder_minimum(CooperativeForm.PRIMARY, as_of=date(2013, 6, 1)) == 20
    assert not cites_annulled_statute(Citation("UU 25/1992", "Pasal 17"))
    assert not cites_annulled_statute(Citation("PP 17/1994", note="2012"))


def test_r2_law_version_boundaries() -> None:
    assert governing_law(as_of=date(2020, 11, 1)) is LawVersion.ORIGINAL
    assert governing_law(as_of=date(2020, 11, 2)) is LawVersion.CIPTA_KERJA
    assert governing_law(as_of=date(2023, 1, 11)) is LawVersion.CIPTA_KERJA
    assert governing_law(as_of=date(2023, 1, 12)) is LawVersion.CIPTA_KERJA_P2SK
    with pytest.raises(NoRuleInForceError) as caught:
        governing_law(as_of=date(1992, 10, 20))
    assert caught.value.table == "cooperatives.governing_law"
    assert governing_law(as_of=date(1992, 10, 21)) is LawVersion.ORIGINAL


# --- R3: founders ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "count", "passed"),
    [
        (date(2020, 11, 1), 19, False),
        (date(2020, 11, 1), 20, True),
        (date(2020, 11, 1), 9, False),
        (date(2020, 11, 2), 9, True),
        (date(2020, 11, 2), 8, False),
        (date(2021, 2, 1), 9, True),
        (date(2021, 2, 2), 9, True),
        (date(2021, 2, 2), 8, False),
        (date(1992, 10, 21), 20, True),
    ],
)
def test_r3_primary_minimum_by_date(as_of: date, count: int, passed: bool) -> None:
    d = check_founders(CooperativeForm.PRIMARY, people(count), as_of=as_of)
    assert d.outcome is passed
    assert d.rule == "R3"
    assert d.finding("cooperatives.founders_minimum").passed is passed
    assert d.finding("cooperatives.founders_kind").passed
    # From 2 Feb 2021 the citation adds PP 7/2021, which restates the 9 (same value).
    assert d.regimes[0].name == (
        "uu-25-1992-pasal-6"
        if as_of < date(2020, 11, 2)
        else "uu-11-2020-pasal-86"
        if as_of < date(2021, 2, 2)
        else "uu-11-2020-pasal-86-pasal-6"
    )


def test_r3_regime_confidences() -> None:
    assert FOUNDER_MINIMUMS.at(date(2020, 11, 1)).confidence is Confidence.HIGH
    assert FOUNDER_MINIMUMS.at(date(2020, 11, 2)).confidence is Confidence.MEDIUM


@pytest.mark.parametrize("as_of", [date(2020, 11, 1), date(2020, 11, 2)])
def test_r3_secondary_needs_three_cooperatives(as_of: date) -> None:
    assert check_founders(CooperativeForm.SECONDARY, cooperatives(3), as_of=as_of).outcome
    two = check_founders(CooperativeForm.SECONDARY, cooperatives(2), as_of=as_of)
    assert two.failed_codes == ("cooperatives.founders_minimum",)


def test_r3_founder_kind() -> None:
    mixed = [*cooperatives(3), *people(1)]
    d = check_founders(CooperativeForm.SECONDARY, mixed, as_of=DAY)
    assert d.failed_codes == ("cooperatives.founders_kind",)
    assert d.finding("cooperatives.founders_kind").details["positions"] == "3"
    d = check_founders(CooperativeForm.PRIMARY, [*people(9), *cooperatives(1)], as_of=DAY)
    assert d.failed_codes == ("cooperatives.founders_kind",)


def test_r3_count_only_and_junk() -> None:
    d = check_founders(CooperativeForm.PRIMARY, 9, as_of=DAY)
    assert d.codes == ("cooperatives.founders_minimum",)
    for junk in (-1, True):
        with pytest.raises(RuleInputError, match="count"):
            check_founders(CooperativeForm.PRIMARY, junk, as_of=DAY)
    with pytest.raises(NoRuleInForceError) as caught:
        check_founders(CooperativeForm.PRIMARY, 20, as_of=date(1990, 1, 1))
    assert caught.value.table == "cooperatives.founder_minimums"


def test_r3_from_a_cooperative_entity() -> None:
    c = make(
        founded_on="2020-11-01",
        deed_approved_on="2021-03-01",
        founders=[
            {"name": f.name, "nik": str(f.nik), "legal_entity_number": None} for f in people(9)
        ],
    )
    d = check_founders(c.form, c.founders, as_of=c.founding_date)
    assert not d.outcome
    assert "20" in d.finding("cooperatives.founders_minimum").message_en
    for f in d.findings:
        assert "1871010101900001" not in f.message_id + f.message_en


# --- R4: organs -----------------------------------------------------------------


def test_r4_required_organs() -> None:
    assert Organ.SHARIA_SUPERVISORY_BOARD not in required_organs(
        Principle.SHARIA, as_of=date(2020, 11, 1)
    )
    assert Organ.SHARIA_SUPERVISORY_BOARD in required_organs(
        Principle.SHARIA, as_of=date(2020, 11, 2)
    )
    assert Organ.SHARIA_SUPERVISORY_BOARD not in required_organs(
        Principle.CONVENTIONAL, as_of=date(2020, 11, 2)
    )


def _organ_terms(*organs: Organ) -> list[dict[str, Any]]:
    return [
        {"organ": o.value, "started_on": "2019-01-01", "ends_on": "2023-12-31", "members": []}
        for o in organs
    ]


def test_r4_sharia_cooperative_without_dps() -> None:
    c = make(
        principle="syariah",
        deed_approved_on="2019-01-01",
        board_terms=_organ_terms(Organ.BOARD, Organ.SUPERVISORS),
    )
    before = check_organs(c, as_of=date(2020, 11, 1))
    assert before.outcome
    assert "cooperatives.organ_dewan_pengawas_syariah" not in before.codes
    after = check_organs(c, as_of=date(2020, 11, 2))
    assert after.failed_codes == ("cooperatives.organ_dewan_pengawas_syariah",)
    assert after.rule == "R4"
    with_dps = attrs.evolve(
        c,
        board_terms=(
            *c.board_terms,
            term(Organ.SHARIA_SUPERVISORY_BOARD, date(2020, 1, 1), date(2024, 12, 31)),
        ),
    )
    assert check_organs(with_dps, as_of=date(2020, 11, 2)).outcome


def test_r4_missing_board_and_members() -> None:
    c = make(member_count=0, board_terms=_organ_terms(Organ.SUPERVISORS))
    d = check_organs(c, as_of=date(2022, 1, 1))
    assert d.failed_codes == ("cooperatives.organ_rapat_anggota", "cooperatives.organ_pengurus")
    # terms that have ended do not count
    assert "cooperatives.organ_pengawas" in check_organs(c, as_of=date(2024, 1, 1)).failed_codes
    with pytest.raises(
        RuleInputError, match=r"^as_of 2021-02-28 is before the deed was approved \(2021-03-01\)$"
    ):
        check_organs(c, as_of=date(2021, 2, 28))


# --- R5: multi pihak --------------------------------------------------------------


def test_r5_multi_stakeholder() -> None:
    ok = make(
        name="Koperasi Produsen Multi Pihak Kopi Lampung",
        multi_stakeholder=True,
        stakeholder_groups=["petani", "pengolah"],
    )
    d = check_multi_stakeholder(ok, as_of=date(2021, 10, 21))
    assert d.outcome
    assert d.rule == "R5"
    assert d.basis is RuleBasis.REGULATION
    before = check_multi_stakeholder(ok, as_of=date(2021, 10, 20))
    assert before.failed_codes == ("cooperatives.multi_pihak_recognised",)
    bad = attrs.evolve(ok, name="Koperasi Produsen Kopi", stakeholder_groups=("petani", " Petani"))
    assert check_multi_stakeholder(bad, as_of=DAY).failed_codes == (
        "cooperatives.multi_pihak_groups",
        "cooperatives.multi_pihak_name",
    )


def test_r5_not_applicable() -> None:
    d = check_multi_stakeholder(make(), as_of=date(2000, 1, 1))
    assert d.outcome
    assert d.codes == ("cooperatives.multi_pihak_not_applicable",)


# --- R6: Merah Putih ---------------------------------------------------------------


KK_1 = "1871010101200003"
KK_2 = "1871010101200004"


def kdmp(name: str, supervisors: list[BoardMember], board: list[BoardMember]) -> Cooperative:
    c = make(name=name, merah_putih=True, deed_approved_on="2025-06-01")
    start, end = date(2025, 6, 1), date(2030, 5, 31)
    return attrs.evolve(
        c,
        board_terms=(
            term(Organ.SUPERVISORS, start, end, *supervisors),
            term(Organ.BOARD, start, end, *board),
        ),
    )


def test_r6_compliant_village_cooperative_is_a_programme_rule() -> None:
    c = kdmp(
        "Koperasi Desa Merah Putih Bentangan",
        [
            seat(
                NIKS[0],
                position=BoardPosition.CHAIR,
                village_head=True,
                family_card=NomorKk.parse(KK_1),
            )
        ],
        [seat(NIKS[1], position=BoardPosition.CHAIR, family_card=NomorKk.parse(KK_2))],
    )
    d = check_merah_putih(c, as_of=date(2025, 7, 21))
    assert d.outcome
    assert d.rule == "R6"
    assert d.basis is RuleBasis.PROGRAMME
    assert d.regimes[0].citation.instrument == "SE Menkop 1/2025"
    assert "bukan undang-undang" in str(d.regimes[0].citation)


def test_r6_failures() -> None:
    c = kdmp(
        "Koperasi Merah Putih Bentangan",
        [seat(NIKS[0], position=BoardPosition.CHAIR, family_card=NomorKk.parse(KK_1))],
        [seat(NIKS[1], family_card=NomorKk.parse(KK_1)), seat(NIKS[2])],
    )
    d = check_merah_putih(c, as_of=date(2025, 7, 21))
    assert d.failed_codes == (
        "cooperatives.merah_putih_name",
        "cooperatives.merah_putih_village_head_chairs_pengawas",
        "cooperatives.merah_putih_no_family_ties",
    )
    assert [w.code for w in d.warnings] == ["cooperatives.merah_putih_family_cards_missing"]
    text = d.explain("en")
    assert "187101******0002" in text
    assert NIKS[1] not in text


def test_r6_village_head_rule_for_kelurahan_is_a_parameter() -> None:
    c = kdmp(
        "Koperasi Kelurahan Merah Putih Kedaton",
        [seat(NIKS[0], position=BoardPosition.CHAIR, family_card=NomorKk.parse(KK_1))],
        [seat(NIKS[1], family_card=NomorKk.parse(KK_2))],
    )
    assert check_merah_putih(c, as_of=date(2025, 8, 1)).outcome
    strict = check_merah_putih(c, as_of=date(2025, 8, 1), village_head_chairs_kelurahan=True)
    assert strict.failed_codes == ("cooperatives.merah_putih_village_head_chairs_pengawas",)


def test_r6_dates_and_applicability() -> None:
    c = kdmp("Koperasi Desa Merah Putih Bentangan", [], [])
    with pytest.raises(NoRuleInForceError) as caught:
        check_merah_putih(c, as_of=date(2025, 3, 17))
    assert caught.value.table == "cooperatives.merah_putih"
    assert check_merah_putih(c, as_of=date(2025, 3, 18)).regimes
    with pytest.raises(RuleInputError, match="merah_putih"):
        check_merah_putih(make(), as_of=DAY)


# --- R7: RAT deadline -------------------------------------------------------------


def test_r7_deadline_default_and_articles() -> None:
    assert rat_deadline(2023) == date(2024, 6, 30)
    assert rat_deadline(2023, articles_deadline=6) == date(2024, 6, 30)
    assert rat_deadline(2023, articles_deadline=5) == date(2024, 5, 31)
    assert rat_deadline(2023, articles_deadline=24) == date(2024, 6, 30)
    assert rat_deadline(2024, fiscal_year_end=YearEnd.parse("09-30")) == date(2025, 3, 31)
    assert rat_deadline(2023, fiscal_year_end=YearEnd.parse("08-31")) == date(2024, 2, 29)
    assert rat_deadline(2024, fiscal_year_end=YearEnd.parse("03-15")) == date(2024, 9, 15)
    # a "02-28" year-end is a month-end one in leap years too
    feb = YearEnd.parse("02-28")
    assert rat_deadline(2024, fiscal_year_end=feb) == date(2024, 8, 31)
    assert rat_deadline(2023, fiscal_year_end=feb) == date(2023, 8, 31)


@pytest.mark.parametrize("junk", [0, -1, True, 2.5, "6"])
def test_r7_articles_deadline_junk(junk: object) -> None:
    with pytest.raises(RuleInputError, match="articles_deadline"):
        rat_deadline(2023, articles_deadline=junk)  # type: ignore[arg-type]
    with pytest.raises(RuleInputError, match="articles_deadline"):
        check_rat(make(), 2023, as_of=DAY, articles_deadline=junk)  # type: ignore[arg-type]


def test_r7_no_rule_before_uu_25_1992() -> None:
    with pytest.raises(NoRuleInForceError) as caught:
        rat_deadline(1991)
    assert caught.value.table == "cooperatives.rat_deadline_months"


def _with_rat(held: str | None, reported: bool = True) -> Cooperative:
    return make(rat_records=[{"fiscal_year": 2023, "held_on": held, "reported": reported}])


def test_r7_deadline_day_and_day_after() -> None:
    on_time = check_rat(_with_rat("2024-06-30"), 2023, as_of=DAY)
    assert on_time.outcome is RatTiming.ON_TIME
    assert on_time.passed
    assert on_time.deadline == date(2024, 6, 30)
    assert on_time.rule == "R7"
    late = check_rat(_with_rat("2024-07-01"), 2023, as_of=DAY)
    assert late.outcome is RatTiming.LATE
    assert late.failed_codes == ("cooperatives.rat_deadline",)


def test_r7_not_held() -> None:
    c = make()
    due = check_rat(c, 2023, as_of=date(2024, 6, 30))
    assert due.outcome is RatTiming.NOT_YET_DUE
    assert due.passed
    missed = check_rat(c, 2023, as_of=date(2024, 7, 1))
    assert missed.outcome is RatTiming.MISSED
    assert not missed.passed
    recorded_missed = check_rat(_with_rat(None, reported=False), 2023, as_of=date(2024, 7, 1))
    assert recorded_missed.outcome is RatTiming.MISSED


def test_r7_future_meeting_is_not_yet_known() -> None:
    c = _with_rat("2024-05-01")
    assert check_rat(c, 2023, as_of=date(2024, 4, 30)).outcome is RatTiming.NOT_YET_DUE
    assert check_rat(c, 2023, as_of=date(2024, 5, 1)).outcome is RatTiming.ON_TIME


def test_r7_stricter_articles_and_reporting_warning() -> None:
    c = _with_rat("2024-04-15", reported=False)
    strict = check_rat(c, 2023, as_of=DAY, articles_deadline=3)
    assert strict.outcome is RatTiming.LATE
    assert strict.deadline == date(2024, 3, 31)
    assert strict.finding("cooperatives.rat_deadline").citation.instrument == "AD/ART"
    assert [w.code for w in strict.warnings] == ["cooperatives.rat_reported"]
    lenient = check_rat(c, 2023, as_of=DAY, articles_deadline=12)
    assert lenient.outcome is RatTiming.ON_TIME
    assert lenient.finding("cooperatives.rat_deadline").citation.instrument == "UU 25/1992"


def test_r7_fiscal_year_before_the_deed() -> None:
    with pytest.raises(RuleInputError, match="first fiscal year is 2021"):
        check_rat(make(), 2020, as_of=DAY)


def test_r7_callers_timeline() -> None:
    shorter = RAT_DEADLINE.overridden(
        Regime(
            name="uu-baru",
            valid_from=date(2027, 1, 1),
            citation=Citation("UU X/2027"),
            value=4,
        )
    )
    assert rat_deadline(2027, rules=shorter) == date(2028, 4, 30)
    assert rat_deadline(2026, rules=shorter) == date(2027, 6, 30)


# --- R11: board terms ------------------------------------------------------------


def test_r11_five_year_limit_boundary() -> None:
    start = date(2021, 3, 1)
    ok = attrs.evolve(make(), board_terms=(term(Organ.BOARD, start, date(2026, 3, 1)),))
    assert check_board_terms(ok, as_of=DAY).outcome
    too_long = attrs.evolve(make(), board_terms=(term(Organ.BOARD, start, date(2026, 3, 2)),))
    d = check_board_terms(too_long, as_of=DAY)
    assert d.failed_codes == ("cooperatives.board_term_length",)
    assert d.rule == "R11"
    # a term not yet begun is not judged
    assert check_board_terms(too_long, as_of=date(2021, 2, 28)).outcome


def test_r11_pengawas_terms_only_when_asked() -> None:
    long_supervisors = attrs.evolve(
        make(), board_terms=(term(Organ.SUPERVISORS, date(2021, 3, 1), date(2027, 3, 1)),)
    )
    assert check_board_terms(long_supervisors, as_of=DAY).outcome
    assert not check_board_terms(
        long_supervisors, as_of=DAY, organs=(Organ.BOARD, Organ.SUPERVISORS)
    ).outcome


def test_r11_board_members_must_be_members() -> None:
    c = attrs.evolve(
        make(),
        board_terms=(
            term(Organ.BOARD, date(2021, 3, 1), date(2026, 2, 28), seat(NIKS[0], is_member=False)),
        ),
    )
    d = check_board_terms(c, as_of=DAY)
    assert d.failed_codes == ("cooperatives.board_members_are_members",)
    assert NIKS[0] not in d.explain()
    # once the term has ended it no longer matters
    assert check_board_terms(c, as_of=date(2026, 3, 1)).outcome


# --- R16: open or closed loop ----------------------------------------------------


def regulator(profile: SavingsLoanProfile, **kw: Any) -> coop.SavingsLoanDecision:
    kw.setdefault("membership_area", MembershipArea.WITHIN_REGENCY)
    kw.setdefault("as_of", date(2024, 1, 1))
    return savings_loan_regulator(profile, **kw)


def test_r16_closed_loop_by_area() -> None:
    for area, office in [
        (MembershipArea.WITHIN_REGENCY, Regulator.REGENCY_CITY_OFFICE),
        (MembershipArea.ACROSS_REGENCIES, Regulator.PROVINCIAL_OFFICE),
        (MembershipArea.ACROSS_PROVINCES, Regulator.COOPERATIVE_MINISTRY),
    ]:
        d = regulator(SavingsLoanProfile(), membership_area=area)
        assert d.loop is LoopType.CLOSED
        assert d.outcome is office
        assert d.rule == "R16"


@pytest.mark.parametrize(
    "flag",
    [
        "collects_from_non_members",
        "collects_from_prospective_members",
        "collects_from_other_cooperatives_members",
        "lends_to_non_members",
        "lends_to_prospective_members",
        "lends_to_other_cooperatives_members",
        "other_financial_services",
    ],
)
def test_r16_any_criterion_makes_it_open_loop(flag: str) -> None:
    d = regulator(SavingsLoanProfile(**{flag: True}))
    assert d.loop is LoopType.OPEN
    assert d.outcome is Regulator.OJK
    assert d.passed  # classification, not a compliance failure


def test_r16_bank_funding_threshold_boundary() -> None:
    at_cap = SavingsLoanProfile(
        bank_funding=Decimal(400_000_000), unit_assets=Decimal(1_000_000_000)
    )
    above = attrs.evolve(at_cap, bank_funding=Decimal(400_000_001))
    assert regulator(at_cap).loop is LoopType.CLOSED
    assert regulator(above).loop is LoopType.OPEN
    # the 40% threshold is configurable
    assert regulator(above, bank_funding_cap=Decimal("0.5")).loop is LoopType.CLOSED
    assert regulator(at_cap, bank_funding_cap=Decimal("0.3")).loop is LoopType.OPEN
    with pytest.raises(RuleInputError, match="bank_funding_cap"):
        regulator(at_cap, bank_funding_cap=Decimal("1.5"))


@pytest.mark.parametrize("cap", [0.3, "0.3", Decimal("NaN"), Decimal("Infinity"), True])
def test_r16_bank_funding_cap_must_be_an_exact_fraction(cap: object) -> None:
    # A float 0.3 is 0.29999999999999998..., so funding of exactly 30% would
    # wrongly count as above the cap: only Decimal (or int 0/1) is accepted.
    profile = SavingsLoanProfile(
        bank_funding=Decimal(300_000_000), unit_assets=Decimal(1_000_000_000)
    )
    with pytest.raises(RuleInputError, match="bank_funding_cap"):
        regulator(profile, bank_funding_cap=cap)


def test_r16_bank_funding_cap_accepts_whole_numbers() -> None:
    profile = SavingsLoanProfile(bank_funding=Decimal(1), unit_assets=Decimal(1))
    assert regulator(profile, bank_funding_cap=1).loop is LoopType.CLOSED
    assert regulator(profile, bank_funding_cap=0).loop is LoopType.OPEN


def test_r16_threshold_is_medium_confidence() -> None:
    assert LOOP_RULES.at(date(2023, 1, 12)).confidence is Confidence.MEDIUM


def test_r16_before_p2sk_there_is_no_loop() -> None:
    profile = SavingsLoanProfile(lends_to_non_members=True)
    before = regulator(profile, as_of=date(2023, 1, 11))
    assert before.loop is None
    assert before.outcome is Regulator.REGENCY_CITY_OFFICE
    assert regulator(profile, as_of=date(2023, 1, 12)).loop is LoopType.OPEN


def test_r16_profile_junk() -> None:
    with pytest.raises(ValidationError) as info:
        SavingsLoanProfile(bank_funding=Decimal(1))
    assert info.value.codes == ("savings_loan.assets_missing",)
    assert info.value.paths == ("$.unit_assets",)
    with pytest.raises(ValidationError) as caught:
        SavingsLoanProfile(bank_funding=Decimal(-1), unit_assets=Decimal(5))
    assert caught.value.codes == ("money.negative",)
    with pytest.raises(ValidationError) as caught:
        from_dict(SavingsLoanProfile, {"bank_funding": 0.4, "unit_assets": "1"})
    assert caught.value.codes == ("type.float",)


# --- R17: supervising level ------------------------------------------------------


def test_r17_level_and_region() -> None:
    for area, level, region in [
        ("dalam_kabupaten_kota", SupervisoryLevel.REGENCY_CITY, "18.71"),
        ("lintas_kabupaten_kota", SupervisoryLevel.PROVINCE, "18"),
        ("lintas_provinsi", SupervisoryLevel.CENTRAL, None),
    ]:
        d = supervising_level(make(membership_area=area, region="18.71.01"), as_of=DAY)
        assert d.outcome is level
        assert d.region == region
        assert d.rule == "R17"
    assert supervising_level(MembershipArea.WITHIN_REGENCY, as_of=DAY).region is None


def test_r17_regime_dates() -> None:
    with pytest.raises(NoRuleInForceError) as caught:
        supervising_level(MembershipArea.WITHIN_REGENCY, as_of=date(2020, 10, 13))
    assert caught.value.table == "cooperatives.supervision"
    assert supervising_level(MembershipArea.WITHIN_REGENCY, as_of=date(2020, 10, 14)).regimes


# --- R18: start-up capital -------------------------------------------------------

CAPITAL_TABLE = [
    (CooperativeForm.PRIMARY, MembershipArea.WITHIN_REGENCY, 500_000_000),
    (CooperativeForm.PRIMARY, MembershipArea.ACROSS_REGENCIES, 1_000_000_000),
    (CooperativeForm.PRIMARY, MembershipArea.ACROSS_PROVINCES, 2_000_000_000),
    (CooperativeForm.SECONDARY, MembershipArea.WITHIN_REGENCY, 750_000_000),
    (CooperativeForm.SECONDARY, MembershipArea.ACROSS_REGENCIES, 1_500_000_000),
    (CooperativeForm.SECONDARY, MembershipArea.ACROSS_PROVINCES, 3_000_000_000),
]


@pytest.mark.parametrize(("form", "area", "minimum"), CAPITAL_TABLE)
def test_r18_minimum_plus_minus_one_rupiah(
    form: CooperativeForm, area: MembershipArea, minimum: int
) -> None:
    def check(amount: int) -> bool:
        d = check_startup_capital(
            form=form, membership_area=area, capital=Decimal(amount), as_of=date(2024, 1, 1)
        )
        assert d.minimum == minimum
        assert d.rule == "R18"
        return d.outcome

    assert check(minimum)
    assert not check(minimum - 1)
    assert check(minimum + 1)


def test_r18_single_source_caps() -> None:
    base: dict[str, Any] = {
        "membership_area": MembershipArea.WITHIN_REGENCY,
        "as_of": date(2024, 1, 1),
    }
    primary = {**base, "form": CooperativeForm.PRIMARY, "capital": Decimal(1_000_000_000)}
    assert check_startup_capital(**primary, largest_contribution=Decimal(200_000_000)).outcome
    d = check_startup_capital(**primary, largest_contribution=Decimal(200_000_001))
    assert d.failed_codes == ("cooperatives.startup_capital_single_source",)
    secondary = {**base, "form": CooperativeForm.SECONDARY, "capital": Decimal(1_000_000_000)}
    assert check_startup_capital(**secondary, largest_contribution=Decimal(500_000_000)).outcome
    assert not check_startup_capital(**secondary, largest_contribution=Decimal(500_000_001)).outcome


@pytest.mark.parametrize(
    ("capital", "largest", "code"),
    [
        (1.0, None, "money.type"),
        (Decimal(-1), None, "money.negative"),
        (Decimal("NaN"), None, "money.type"),
        ("5", None, "money.type"),
        (Decimal("5.001"), None, "money.too_many_decimals"),
        (Decimal(5), Decimal(6), "capital.contribution_above_total"),
    ],
)
def test_r18_junk(capital: object, largest: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_startup_capital(
            form=CooperativeForm.PRIMARY,
            membership_area=MembershipArea.WITHIN_REGENCY,
            capital=capital,  # type: ignore[arg-type]
            largest_contribution=largest,  # type: ignore[arg-type]
            as_of=date(2024, 1, 1),
        )
    assert caught.value.codes == (code,)


def test_r18_accepts_int_and_has_dates() -> None:
    d = check_startup_capital(
        form=CooperativeForm.PRIMARY,
        membership_area=MembershipArea.WITHIN_REGENCY,
        capital=500_000_000,  # type: ignore[arg-type]
        as_of=date(2023, 6, 1),
    )
    assert d.outcome
    with pytest.raises(NoRuleInForceError) as caught:
        check_startup_capital(
            form=CooperativeForm.PRIMARY,
            membership_area=MembershipArea.WITHIN_REGENCY,
            capital=Decimal(500_000_000),
            as_of=date(2023, 5, 31),
        )
    assert caught.value.table == "cooperatives.ksp_startup_capital"


# --- R19: related-party lending --------------------------------------------------


def test_r19_cap_boundary_and_approval() -> None:
    own = Decimal(1_000_000_000)
    at = check_related_party_lending(
        related_party_loans=Decimal(100_000_000), own_capital=own, as_of=DAY
    )
    assert at.outcome
    assert at.rule == "R19"
    over = check_related_party_lending(
        related_party_loans=Decimal(100_000_001), own_capital=own, as_of=DAY
    )
    assert over.failed_codes == ("cooperatives.related_party_lending_cap",)
    unapproved = check_related_party_lending(
        related_party_loans=Decimal(1),
        own_capital=own,
        approved_by_board_and_supervisors=False,
        as_of=DAY,
    )
    assert unapproved.failed_codes == ("cooperatives.related_party_lending_approval",)


def test_r19_negative_own_capital_allows_nothing() -> None:
    d = check_related_party_lending(
        related_party_loans=Decimal(1), own_capital=Decimal(-5), as_of=DAY
    )
    assert not d.outcome
    assert check_related_party_lending(
        related_party_loans=Decimal(0), own_capital=Decimal(-5), as_of=DAY
    ).outcome
    with pytest.raises(ValidationError) as caught:
        check_related_party_lending(
            related_party_loans=Decimal(-1), own_capital=Decimal(5), as_of=DAY
        )
    assert caught.value.codes == ("money.negative",)
    with pytest.raises(ValidationError) as caught:
        check_related_party_lending(
            related_party_loans=Decimal(1),
            own_capital=0.5,  # type: ignore[arg-type]
            as_of=DAY,
        )
    assert caught.value.codes == ("money.type",)


# --- R24: health grade -----------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (Decimal(100), HealthGrade.HEALTHY),
        (Decimal(80), HealthGrade.HEALTHY),
        (Decimal("79.99"), HealthGrade.FAIRLY_HEALTHY),
        (Decimal(66), HealthGrade.FAIRLY_HEALTHY),
        (Decimal("65.99"), HealthGrade.UNDER_SUPERVISION),
        (Decimal(51), HealthGrade.UNDER_SUPERVISION),
        (Decimal("50.99"), HealthGrade.UNDER_SPECIAL_SUPERVISION),
        (Decimal(0), HealthGrade.UNDER_SPECIAL_SUPERVISION),
    ],
)
def test_r24_boundaries(score: Decimal, grade: HealthGrade) -> None:
    d = health_grade(score, as_of=date(2019, 1, 1))
    assert d.outcome is grade
    assert d.scale_version == "perdep-06-2016"
    assert d.rule == "R24"
    assert not d.warnings


def test_r24_scale_version_is_tagged_and_2020_cutoffs_flagged() -> None:
    before = health_grade(70, as_of=date(2020, 10, 13))
    after = health_grade(70, as_of=date(2020, 10, 14))
    assert before.scale_version == "perdep-06-2016"
    assert after.scale_version == "permenkop-9-2020"
    assert [w.code for w in after.warnings] == ["cooperatives.health_scale_unconfirmed"]
    assert HEALTH_SCALES.at(date(2020, 10, 14)).confidence is Confidence.LOW
    with pytest.raises(NoRuleInForceError) as caught:
        health_grade(70, as_of=date(2016, 4, 18))
    assert caught.value.table == "cooperatives.health_scale"


def test_r24_callers_scale() -> None:
    juknis = HealthScale(
        version="juknis-15-2021-daerah",
        healthy_from=Decimal(76),
        fairly_healthy_from=Decimal(51),
        under_supervision_from=Decimal(26),
    )
    d = health_grade(Decimal(76), as_of=DAY, scale=juknis)
    assert d.outcome is HealthGrade.HEALTHY
    assert d.scale_version == "juknis-15-2021-daerah"
    assert not d.warnings
    with pytest.raises(ValidationError, match="rise strictly") as err:
        HealthScale(
            version="x",
            healthy_from=Decimal(50),
            fairly_healthy_from=Decimal(60),
            under_supervision_from=Decimal(10),
        )
    assert err.value.codes == ("cooperatives.health_scale_order",)


def test_r24_float_scores_and_junk() -> None:
    assert health_grade(79.99, as_of=DAY).outcome is HealthGrade.FAIRLY_HEALTHY
    assert health_grade(80.0, as_of=DAY).score == Decimal("80.0")
    for junk in (-0.01, 100.01, Decimal(-1), 101):
        with pytest.raises(ValidationError, match="outside") as caught:
            health_grade(junk, as_of=DAY)
        assert caught.value.codes == ("health.score_range",)
    for junk in (float("nan"), float("inf"), Decimal("NaN"), "80", None, True):
        with pytest.raises(ValidationError) as caught:
            health_grade(junk, as_of=DAY)  # type: ignore[arg-type]
        assert caught.value.codes == ("health.score",)
    # The number policy: the decision carries the score on the wire, which
    # reads at most four places and no -0 (these were accepted and then the
    # decision could not be read back).
    for junk, code in (
        (Decimal("79.99999"), "health.too_many_decimals"),
        (200 / 3, "health.too_many_decimals"),
        (1e-300, "health.too_many_decimals"),
        (Decimal("-0"), "health.negative_zero"),
        (-0.0, "health.negative_zero"),
    ):
        with pytest.raises(ValidationError) as caught:
            health_grade(junk, as_of=DAY)
        assert caught.value.codes == (code,)
    edge = health_grade(Decimal("79.9999"), as_of=DAY)
    assert from_json(HealthDecision, to_json(edge)) == edge


# --- decisions ------------------------------------------------------------------


def test_every_rule_decision_explains_itself_in_both_languages() -> None:
    c = make(rat_records=[{"fiscal_year": 2023, "held_on": "2024-07-01", "reported": True}])
    decisions = [
        check_founders(CooperativeForm.PRIMARY, 5, as_of=DAY),
        check_rat(c, 2023, as_of=DAY),
        check_board_terms(c, as_of=DAY),
        supervising_level(c, as_of=DAY),
        health_grade(50, as_of=DAY),
        regulator(SavingsLoanProfile()),
    ]
    for d in decisions:
        assert d.explain("id").startswith("Hasil")
        assert d.explain("en").startswith("Outcome")
        assert d.citations
        assert d.rule.startswith("R")
        assert d.basis in RuleBasis


def test_rat_record_counts_helper_matches_check_rat() -> None:
    rec = RatRecord(fiscal_year=2023, held_on=date(2024, 3, 1), reported=True)
    assert rec.counts
    c = attrs.evolve(make(), rat_records=(rec,))
    assert check_rat(c, 2023, as_of=DAY).outcome is RatTiming.ON_TIME
    assert attrs.evolve(c, fiscal_year_end=YearEnd.of(6, 30)).first_fiscal_year == 2021


# --- governance_review ----------------------------------------------------------


def test_governance_review_runs_what_applies() -> None:
    c = make(
        name="Koperasi Produsen Multi Pihak Kopi",
        founded_on="2021-01-10",
        founders=[
            {"name": f.name, "nik": str(f.nik), "legal_entity_number": None} for f in people(9)
        ],
        multi_stakeholder=True,
        stakeholder_groups=["petani", "pengolah"],
        merah_putih=True,
        rat_records=[{"fiscal_year": 2023, "held_on": "2024-05-04", "reported": True}],
    )
    rules = [d.rule for d in coop.governance_review(c, as_of=date(2024, 7, 1))]
    assert rules == ["R3", "R4", "R11", "R7", "R5"]  # Merah Putih rules not yet in force
    later = coop.governance_review(c, as_of=date(2025, 7, 1))
    assert [d.rule for d in later][-1] == "R6"
    rat_decision = next(d for d in later if d.rule == "R7")
    assert isinstance(rat_decision, coop.RatDecision)
    assert rat_decision.fiscal_year == 2024
    early = coop.governance_review(c, as_of=date(2022, 6, 30))
    assert "R7" not in [d.rule for d in early]
    with pytest.raises(
        RuleInputError, match=r"^as_of 2021-02-28 is before the deed was approved \(2021-03-01\)$"
    ):
        coop.governance_review(c, as_of=date(2021, 2, 28))


def test_governance_review_articles_deadline() -> None:
    c = make()
    strict = coop.governance_review(c, as_of=date(2024, 4, 1), articles_deadline=3)
    rat_decision = next(d for d in strict if d.rule == "R7")
    assert isinstance(rat_decision, coop.RatDecision)
    assert rat_decision.fiscal_year == 2023
    assert rat_decision.outcome is RatTiming.MISSED


def test_health_scale_cutoffs_accept_int_and_refuse_floats() -> None:
    scale = HealthScale(
        version="v", healthy_from=80, fairly_healthy_from=66, under_supervision_from=51
    )
    assert scale.healthy_from == Decimal(80)
    with pytest.raises(ValidationError, match="cut-off") as err:
        HealthScale(
            version="v",
            healthy_from=80.0,  # type: ignore[arg-type]
            fairly_healthy_from=66,
            under_supervision_from=51,
        )
    assert err.value.codes == ("cooperatives.health_scale_cutoff",)
    with pytest.raises(ValueError, match=r"(?i)length"):
        HealthScale(version="", healthy_from=80, fairly_healthy_from=66, under_supervision_from=51)


# --- arguments: wire values and truthy text are refused, never guessed at ------------


def _wire_value_calls() -> list[tuple[str, Any]]:
    c = make()
    kdmp_coop = make(name="Koperasi Desa Merah Putih Bentangan", merah_putih=True)
    area = MembershipArea.WITHIN_REGENCY
    return [
        ("Principle", lambda: required_organs("syariah", as_of=DAY)),
        ("CooperativeForm", lambda: check_founders("primer", 9, as_of=DAY)),
        ("CooperativeForm", lambda: founder_minimum("sekunder", as_of=DAY)),
        ("MembershipArea", lambda: supervising_level("lintas_provinsi", as_of=DAY)),
        (
            "CooperativeForm",
            lambda: check_startup_capital(
                form="primer", membership_area=area, capital=Decimal(1), as_of=DAY
            ),
        ),
        (
            "MembershipArea",
            lambda: check_startup_capital(
                form=CooperativeForm.PRIMARY,
                membership_area="dalam_kabupaten_kota",
                capital=Decimal(1),
                as_of=DAY,
            ),
        ),
        (
            "MembershipArea",
            lambda: savings_loan_regulator(
                SavingsLoanProfile(), membership_area="dalam_kabupaten_kota", as_of=DAY
            ),
        ),
        (
            "violates_law_or_articles",
            lambda: coop.dissolution_grounds(c, as_of=DAY, violates_law_or_articles="false"),
        ),
        (
            "survival_not_expected",
            lambda: coop.dissolution_grounds(c, as_of=DAY, survival_not_expected=1),
        ),
        (
            "unrecorded_year_counts_as_idle",
            lambda: coop.dissolution_grounds(c, as_of=DAY, unrecorded_year_counts_as_idle="no"),
        ),
        (
            "first_years_only",
            lambda: coop.dissolution_grounds(c, as_of=DAY, first_years_only="yes"),
        ),
        (
            "approved_by_board_and_supervisors",
            lambda: check_related_party_lending(
                related_party_loans=Decimal(1),
                own_capital=Decimal(100),
                approved_by_board_and_supervisors="false",
                as_of=DAY,
            ),
        ),
        (
            "village_head_chairs_kelurahan",
            lambda: check_merah_putih(
                kdmp_coop, as_of=date(2025, 8, 1), village_head_chairs_kelurahan="false"
            ),
        ),
    ]


@pytest.mark.parametrize(("named", "call"), _wire_value_calls())
def test_wire_values_and_truthy_text_are_refused(named: str, call: Any) -> None:
    # Before: required_organs("syariah") left out the DPS, dissolution_grounds(...,
    # violates_law_or_articles="false") met the ground, an approval of "false"
    # passed, and the others failed with AttributeError or KeyError.
    with pytest.raises(RuleInputError, match=named):
        call()


def test_founder_count_errors_are_reported_whole() -> None:
    with pytest.raises(RuleInputError) as caught:
        check_founders(CooperativeForm.PRIMARY, -(10**50), as_of=date(2024, 1, 1))
    assert str(caught.value) == (
        f"founders is a list of Founder or a count >= 0, not '-100000{'*' * 33}'\u2026"
    )
    with pytest.raises(ValidationError) as too_many:
        check_founders(CooperativeForm.PRIMARY, 10**16, as_of=date(2024, 1, 1))
    assert (too_many.value.codes, too_many.value.paths) == (
        ("number.too_large",),
        ("$.founders",),
    )


@pytest.mark.parametrize(
    "founders",
    ["1871010101900001", b"founders", [1, 2], ("x",), {"a": 1}, 2.5],
    ids=["nik-text", "bytes", "ints", "text-items", "dict", "float"],
)
def test_r3_founders_that_are_neither_founders_nor_a_count_are_refused(founders: Any) -> None:
    # Text is a Sequence: it once reached Founder.is_person as characters and
    # raised AttributeError instead of a library error.
    with pytest.raises(
        RuleInputError, match=r"^founders is a list of Founder or a count"
    ) as caught:
        check_founders(CooperativeForm.PRIMARY, founders, as_of=date(2020, 11, 2))
    assert "1871010101900001" not in str(caught.value)
