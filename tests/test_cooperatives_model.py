"""The Cooperative entity, its parts and enumerations: invariants, paths, wire format."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from koperasi_id import cooperatives as coop
from koperasi_id.cooperatives import (
    BoardMember,
    BoardPosition,
    BoardTerm,
    BusinessActivity,
    BusinessMode,
    CapitalCategory,
    CapitalSource,
    Cooperative,
    CooperativeForm,
    CooperativeKind,
    Founder,
    LegalStatus,
    Organ,
    RatRecord,
    YearEnd,
)
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik, NomorBadanHukum
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

NIK_A = "1871010101900001"
NIK_B = "1871014101900002"
AHU = "AHU-0001234.AH.01.26.TAHUN 2021"


def base(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Koperasi Konsumen Sejahtera",
        "legal_entity_numbers": [AHU],
        "deed_approved_on": "2021-03-01",
        "form": "primer",
        "kind": "konsumen",
        "region": "18.71",
        "membership_area": "dalam_kabupaten_kota",
        "member_count": 25,
    }
    data.update(changes)
    return data


def build(**changes: Any) -> Cooperative:
    return from_dict(Cooperative, base(**changes))


def problems(**changes: Any) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        build(**changes)
    return [(p.path, p.code) for p in info.value.problems]


# --- enumerations ----------------------------------------------------------


ENUMS = [
    coop.ActivityStatus,
    coop.BoardPosition,
    coop.BusinessMode,
    coop.CapitalCategory,
    coop.CapitalSource,
    coop.CooperativeForm,
    coop.CooperativeKind,
    coop.HealthGrade,
    coop.LawVersion,
    coop.LegalStatus,
    coop.LoopType,
    coop.MembershipArea,
    coop.Organ,
    coop.Principle,
    coop.RatTiming,
    coop.Regulator,
    coop.RuleBasis,
    coop.SupervisoryLevel,
]


@pytest.mark.parametrize("enum_cls", ENUMS)
def test_every_member_has_a_label_and_a_snake_case_value(enum_cls: type[enum.Enum]) -> None:
    for member in enum_cls:
        assert isinstance(member.label, str)
        assert member.label.strip()
        assert member.value == member.value.lower()
        assert " " not in member.value


def test_official_values() -> None:
    assert [k.value for k in CooperativeKind] == [
        "simpan_pinjam",
        "konsumen",
        "produsen",
        "pemasaran",
        "jasa",
    ]
    assert [f.value for f in CooperativeForm] == ["primer", "sekunder"]
    assert [m.value for m in BusinessMode] == ["tunggal_usaha", "serba_usaha"]
    assert [s.value for s in LegalStatus] == ["berbadan_hukum", "dibubarkan"]
    assert [s.value for s in coop.ActivityStatus] == ["aktif", "tidak_aktif"]
    assert [p.value for p in coop.Principle] == ["konvensional", "syariah"]


@pytest.mark.parametrize(
    "text", ["KSU", "ksu", "Koperasi Serba Usaha", "serba_usaha", "  Serba   Usaha "]
)
def test_ksu_is_a_business_mode_not_a_kind(text: str) -> None:
    assert BusinessMode.from_common_name(text) is BusinessMode.MULTI_BUSINESS
    assert "serba_usaha" not in {k.value for k in CooperativeKind}


def test_single_business_common_name_and_junk() -> None:
    assert BusinessMode.from_common_name("Tunggal Usaha") is BusinessMode.SINGLE_BUSINESS
    with pytest.raises(ValueError, match="names no business mode"):
        BusinessMode.from_common_name("simpan pinjam")


def test_capital_sources_fall_in_the_three_categories_of_r12() -> None:
    own = {s.value for s in CapitalSource if s.category is CapitalCategory.OWN}
    borrowed = {s.value for s in CapitalSource if s.category is CapitalCategory.BORROWED}
    assert own == {"simpanan_pokok", "simpanan_wajib", "dana_cadangan", "hibah"}
    assert borrowed == {
        "anggota",
        "koperasi_lain",
        "bank_lembaga_keuangan",
        "obligasi_surat_utang",
        "sumber_lain_yang_sah",
    }
    assert CapitalSource.EQUITY_PARTICIPATION.category is CapitalCategory.EQUITY_PARTICIPATION
    assert "simpanan sukarela" in CapitalSource.MEMBER_LOANS.label


# --- YearEnd -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"), [("12-31", "12-31"), ("--06-30", "06-30"), (" 03-31 ", "03-31")]
)
def test_year_end_parses(raw: str, expected: str) -> None:
    assert str(YearEnd.parse(raw)) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (1231, "year_end.type"),
        (None, "year_end.type"),
        ("12/31", "year_end.syntax"),
        ("1231", "year_end.syntax"),
        ("12-3", "year_end.syntax"),
        ("١٢-٣١", "year_end.syntax"),
        ("", "year_end.syntax"),
        ("13-01", "year_end.month"),
        ("00-10", "year_end.month"),
        ("02-29", "year_end.day"),
        ("04-31", "year_end.day"),
        ("12-00", "year_end.day"),
    ],
)
def test_year_end_junk(raw: object, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        YearEnd.parse(raw)
    assert info.value.codes == (code,)
    assert not YearEnd.is_valid(raw)


def test_year_end_month_end() -> None:
    assert YearEnd.parse("02-28").is_month_end
    assert YearEnd.parse("02-28").in_year(2023) == date(2023, 2, 28)
    assert YearEnd.parse("02-28").in_year(2024) == date(2024, 2, 29)
    assert YearEnd.parse("06-30").is_month_end
    assert not YearEnd.parse("06-29").is_month_end


# --- parts -----------------------------------------------------------------


def test_founder_needs_exactly_one_identity() -> None:
    with pytest.raises(ValidationError) as info:
        Founder(name="X", nik=Nik.parse(NIK_A), legal_entity_number=NomorBadanHukum.parse(AHU))
    assert info.value.codes == ("founder.identity",)
    assert Founder(name="KSP A", legal_entity_number=NomorBadanHukum.parse(AHU)).is_person is False


def test_founder_repr_masks_the_nik() -> None:
    text = repr(Founder(name="Siti", nik=Nik.parse(NIK_A)))
    assert NIK_A not in text
    assert "187101******0001" in text


def test_blank_names_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Founder(name="  ", nik=Nik.parse(NIK_A))
    assert info.value.codes == ("cooperative.name_blank",)
    assert info.value.paths == ("$.name",)
    assert problems(name="x" * 301) == [("$.name", "cooperative.name_length")]


def test_rat_not_held_cannot_be_reported() -> None:
    with pytest.raises(ValidationError) as info:
        RatRecord(fiscal_year=2022, held_on=None, reported=True)
    assert info.value.codes == ("rat.reported_not_held",)
    assert info.value.paths == ("$.reported",)
    missed = RatRecord(fiscal_year=2022, held_on=None)
    assert not missed.held
    assert not missed.counts


@pytest.mark.parametrize("year", [1900, 9898])
def test_fiscal_year_range_edges_are_accepted(year: int) -> None:
    assert RatRecord(fiscal_year=year, held_on=None).fiscal_year == year


@pytest.mark.parametrize("year", [1899, 9899, 9998, 9999])
def test_fiscal_year_range(year: int) -> None:
    with pytest.raises(ValidationError) as info:
        RatRecord(fiscal_year=year, held_on=None)
    assert info.value.codes == ("cooperative.fiscal_year_range",)


def test_business_activity_turnover() -> None:
    assert BusinessActivity(fiscal_year=2022, has_real_business=False, turnover=Decimal(0))
    with pytest.raises(ValidationError) as info:
        BusinessActivity(fiscal_year=2022, has_real_business=False, turnover=Decimal(1))
    assert info.value.codes == ("activity.turnover_without_business",)
    assert info.value.paths == ("$.has_real_business",)
    with pytest.raises(ValidationError) as info:
        BusinessActivity(fiscal_year=2022, has_real_business=True, turnover=Decimal(-1))
    assert info.value.codes == ("money.negative",)
    assert info.value.paths == ("$.turnover",)


def member(nik: str = NIK_A, **kw: Any) -> BoardMember:
    return BoardMember(nik=Nik.parse(nik), name="Ani", **kw)


def test_board_term_invariants() -> None:
    with pytest.raises(ValidationError) as info:
        BoardTerm(
            organ=Organ.MEMBERS_MEETING,
            started_on=date(2022, 1, 1),
            ends_on=date(2022, 1, 1),
            members=(member(), member()),
        )
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("$.organ", "board_term.organ"),
        ("$.ends_on", "board_term.order"),
        ("$.members[1].nik", "board_term.duplicate_member"),
    ]
    assert NIK_A not in str(info.value)


def test_board_term_chair_and_cover() -> None:
    term = BoardTerm(
        organ=Organ.BOARD,
        started_on=date(2022, 1, 1),
        ends_on=date(2026, 12, 31),
        members=(member(), member(NIK_B, position=BoardPosition.CHAIR)),
    )
    assert term.chair is not None
    assert str(term.chair.nik) == NIK_B
    assert term.covers(date(2022, 1, 1))
    assert term.covers(date(2026, 12, 31))
    assert not term.covers(date(2027, 1, 1))
    assert attrs.evolve(term, members=()).chair is None


# --- Cooperative invariants ---------------------------------------------------


def test_minimal_cooperative_and_defaults() -> None:
    c = build()
    assert c.mode is BusinessMode.SINGLE_BUSINESS
    assert str(c.fiscal_year_end) == "12-31"
    assert c.legal_status is LegalStatus.LEGAL_ENTITY
    assert str(c.legal_entity_number) == AHU
    assert c.founding_date == date(2021, 3, 1)
    assert c.first_fiscal_year == 2021
    assert not c.is_sharia


def test_identifier_history_keeps_the_latest_as_current() -> None:
    newer = "AHU-0000099.AH.01.26.TAHUN 2023"
    c = build(legal_entity_numbers=[AHU, newer])
    assert str(c.legal_entity_number) == newer
    assert problems(legal_entity_numbers=[]) == [
        ("$.legal_entity_numbers", "cooperative.legal_entity_number_missing")
    ]
    assert problems(legal_entity_numbers=[AHU, newer, AHU]) == [
        ("$.legal_entity_numbers[2]", "cooperative.legal_entity_number_repeated")
    ]


def test_region_must_be_regency_or_finer() -> None:
    assert problems(region="18") == [("$.region", "cooperative.region_too_coarse")]
    assert build(region="18.71.01").region.regency_code == "18.71"


def test_member_count_not_negative() -> None:
    assert problems(member_count=-1) == [("$.member_count", "cooperative.member_count_negative")]


def test_member_count_within_the_number_policy_in_python_calls() -> None:
    # The wire bounds ints in its hook; a Python caller meets the same bound here,
    # so to_json never meets an int it cannot write.
    coop = build()
    assert attrs.evolve(coop, member_count=10**15).member_count == 10**15
    for huge in (10**15 + 1, 10**5000):
        with pytest.raises(ValidationError) as info:
            attrs.evolve(coop, member_count=huge)
        assert [(p.path, p.code) for p in info.value.problems] == [
            ("$.member_count", "number.too_large")
        ]


def test_founded_after_deed() -> None:
    assert problems(founded_on="2021-03-02") == [("$.founded_on", "cooperative.founded_after_deed")]
    assert build(founded_on="2021-03-01").founding_date == date(2021, 3, 1)
    assert build(founded_on="2020-12-01").founding_date == date(2020, 12, 1)


def test_stakeholder_groups_only_for_multi_pihak() -> None:
    assert problems(stakeholder_groups=["petani"]) == [
        ("$.stakeholder_groups", "cooperative.stakeholder_groups_without_multi_pihak")
    ]


def test_sekunder_founders_are_cooperatives() -> None:
    person = {"name": "Siti", "nik": NIK_A, "legal_entity_number": None}
    coop_founder = {"name": "KSP A", "nik": None, "legal_entity_number": AHU}
    assert problems(form="sekunder", founders=[coop_founder, person]) == [
        ("$.founders[1]", "cooperative.founder_form_mismatch")
    ]
    assert problems(form="primer", founders=[coop_founder]) == [
        ("$.founders[0]", "cooperative.founder_form_mismatch")
    ]
    assert problems(founders=[person, dict(person, name="Siti lagi")]) == [
        ("$.founders[1]", "cooperative.founder_repeated")
    ]


def test_founder_identity_error_has_its_path() -> None:
    assert problems(founders=[{"name": "X"}]) == [("$.founders[0]", "founder.identity")]


def rat(year: int, held: str | None, reported: bool = False) -> dict[str, Any]:
    return {"fiscal_year": year, "held_on": held, "reported": reported}


def test_no_rat_before_the_deed() -> None:
    # the deed date itself is fine when the fiscal year ended just before
    c = build(deed_approved_on="2021-12-31", rat_records=[rat(2021, "2022-01-01", True)])
    assert c.rat_for(2021) is not None
    assert problems(rat_records=[rat(2020, "2021-02-28")]) == [
        ("$.rat_records[0].fiscal_year", "cooperative.rat_year_before_deed"),
        ("$.rat_records[0].held_on", "cooperative.rat_before_deed"),
    ]


def test_rat_must_follow_its_year_end() -> None:
    assert problems(rat_records=[rat(2021, "2021-12-31")]) == [
        ("$.rat_records[0].held_on", "cooperative.rat_before_year_end")
    ]
    assert build(rat_records=[rat(2021, "2022-01-01")]).rat_for(2021) is not None


def test_rat_fiscal_years_unique() -> None:
    assert problems(rat_records=[rat(2022, "2023-03-01"), rat(2022, None)]) == [
        ("$.rat_records[1].fiscal_year", "cooperative.rat_year_repeated")
    ]


def test_fiscal_year_end_shifts_the_first_year() -> None:
    c = build(fiscal_year_end="06-30", deed_approved_on="2021-07-01")
    assert c.first_fiscal_year == 2022
    assert c.fiscal_year_end_date(2022) == date(2022, 6, 30)
    assert problems(
        fiscal_year_end="06-30", deed_approved_on="2021-07-01", rat_records=[rat(2021, None)]
    ) == [("$.rat_records[0].fiscal_year", "cooperative.rat_year_before_deed")]


def test_business_activities() -> None:
    act = {"fiscal_year": 2022, "has_real_business": True, "turnover": "1000000"}
    c = build(business_activities=[act])
    found = c.activity_for(2022)
    assert found is not None
    assert found.turnover == Decimal(1_000_000)
    assert c.activity_for(2023) is None
    assert problems(business_activities=[act, act]) == [
        ("$.business_activities[1].fiscal_year", "cooperative.activity_year_repeated")
    ]
    assert problems(business_activities=[dict(act, fiscal_year=2020)]) == [
        ("$.business_activities[0].fiscal_year", "cooperative.activity_year_before_deed")
    ]
    assert problems(business_activities=[dict(act, turnover=1.5)])[0] == (
        "$.business_activities[0].turnover",
        "type.float",
    )


def test_dissolution_fields_agree_with_legal_status() -> None:
    assert problems(legal_status="dibubarkan") == [
        ("$.dissolved_on", "cooperative.dissolved_on_missing")
    ]
    assert problems(dissolved_on="2023-01-01") == [
        ("$.dissolved_on", "cooperative.dissolved_on_without_dissolution")
    ]
    assert problems(legal_status="dibubarkan", dissolved_on="2020-01-01") == [
        ("$.dissolved_on", "cooperative.dissolved_before_deed")
    ]
    assert build(legal_status="dibubarkan", dissolved_on="2023-01-01").dissolved_on


def test_every_problem_reported_at_once() -> None:
    found = problems(
        member_count=-3, region="18", founded_on="2022-01-01", rat_records=[rat(2021, "2021-06-01")]
    )
    assert {p for p, _ in found} == {
        "$.member_count",
        "$.region",
        "$.founded_on",
        "$.rat_records[0].held_on",
    }


def test_direct_construction_and_evolve_are_protected() -> None:
    c = build()
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(c, member_count=-1)
    assert caught.value.codes == ("cooperative.member_count_negative",)
    with pytest.raises(ValidationError) as info:
        attrs.evolve(
            c, rat_records=(RatRecord(fiscal_year=2021, held_on=date(2021, 1, 5), reported=True),)
        )
    assert info.value.codes == ("cooperative.rat_before_deed",)
    assert info.value.paths == ("$.rat_records[0].held_on",)


def test_board_terms_on() -> None:
    term = {
        "organ": "pengurus",
        "started_on": "2021-03-01",
        "ends_on": "2026-02-28",
        "members": [],
    }
    c = build(board_terms=[term, dict(term, organ="pengawas")])
    assert len(c.board_terms_on(date(2021, 3, 1))) == 2
    assert len(c.board_terms_on(date(2021, 3, 1), Organ.BOARD)) == 1
    assert c.board_terms_on(date(2026, 3, 1)) == ()


# --- wire format ---------------------------------------------------------------


def full() -> dict[str, Any]:
    return base(
        form="primer",
        kind="simpan_pinjam",
        mode="serba_usaha",
        principle="syariah",
        nomor_induk="1871050020001234",
        nib="0220000451127",
        founded_on="2021-01-15",
        founders=[{"name": "Siti", "nik": NIK_A, "legal_entity_number": None}],
        fiscal_year_end="12-31",
        board_terms=[
            {
                "organ": "pengawas",
                "started_on": "2021-01-15",
                "ends_on": "2026-01-14",
                "members": [
                    {
                        "nik": NIK_B,
                        "name": "Budi",
                        "position": "ketua",
                        "is_member": True,
                        "family_card": "1871010101200003",
                        "village_head": False,
                    }
                ],
            }
        ],
        rat_records=[rat(2021, "2022-03-01", True), rat(2022, None)],
        business_activities=[
            {"fiscal_year": 2021, "has_real_business": True, "turnover": "150000000.50"}
        ],
        multi_stakeholder=True,
        stakeholder_groups=["petani", "pedagang"],
        merah_putih=False,
        legal_status="berbadan_hukum",
        dissolved_on=None,
    )


def test_full_round_trip_dict_and_json() -> None:
    data = full()
    c = from_dict(Cooperative, data)
    assert to_dict(c) == data
    assert from_json(Cooperative, to_json(c)) == c
    assert NIK_A not in repr(c)


def test_unknown_and_wrongly_typed_fields_have_paths() -> None:
    with pytest.raises(ValidationError) as info:
        from_dict(
            Cooperative,
            base(member_count="25", colour="red", kind="serba_usaha", deed_approved_on="1/3/2021"),
        )
    assert info.value.codes == ("type.date", "enum", "type.int", "unknown_field")
    assert set(info.value.paths) == {
        "$.member_count",
        "$.colour",
        "$.kind",
        "$.deed_approved_on",
    }


def test_nested_invariant_paths_from_dict() -> None:
    data = full()
    data["board_terms"][0]["ends_on"] = "2020-01-01"
    data["rat_records"][1]["reported"] = True
    with pytest.raises(ValidationError) as info:
        from_dict(Cooperative, data)
    assert info.value.codes == ("board_term.order", "rat.reported_not_held")
    assert set(info.value.paths) == {"$.board_terms[0].ends_on", "$.rat_records[1].reported"}


@pytest.mark.parametrize(
    ("junk", "code"),
    [
        (None, "type.object"),
        (7, "type.object"),
        ("koperasi", "type.object"),
        ([], "type.object"),
        ([base()], "type.object"),
        ({"name": None}, "type.str"),
        ({**base(), "region": 1871}, "region.type"),
    ],
)
def test_junk_is_a_validation_error(junk: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(Cooperative, junk)
    assert caught.value.codes[0] == code


def test_region_code_kept_as_region() -> None:
    assert build(region="1871").region == RegionCode.parse("18.71")
