"""Reform files: checked strictly, and they change what the rules decide."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from koperasi_id import bpum, kur, law
from koperasi_id._overrides import parse_overrides
from koperasi_id._register_export import wire_value
from koperasi_id.cooperatives import CooperativeForm, MembershipArea
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik
from koperasi_id.msme import Business
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "overrides"
KUR_2027 = EXAMPLES / "kur_2027.toml"
BPUM_STRICT = EXAMPLES / "bpum_2021_strict.toml"
NIK = Nik.parse("1871010101900001")


def regime(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "rule": "cooperatives.rat_deadline_months",
        "action": "replace",
        "name": "internal",
        "valid_from": "2025-01-01",
        "unit": "months",
        "confidence": "H",
        "citation": {"instrument": "Kebijakan Internal 1/2025"},
        "value": 4,
    }
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def problems(*regimes: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        parse_overrides({"regimes": list(regimes)})
    return [(p.path, p.code) for p in caught.value.problems]


# ---------------------------------------------------------------- the worked examples


def kur_application(akad: date) -> kur.KurApplication:
    business = Business(
        name="Warung Bu Sari",
        owner_nik=NIK,
        started_on=date(2020, 3, 1),
        region=RegionCode.parse("18.71"),
        annual_sales=Decimal(600_000_000),
    )
    return kur.KurApplication(
        borrower_nik=NIK,
        business=business,
        scheme=kur.Scheme.MICRO,
        plafond=Decimal(75_000_000),
        tenor_months=36,
        purpose=kur.Purpose.WORKING_CAPITAL,
        sector=kur.Sector.TRADE,
        akad_date=akad,
        additional_collateral=True,
    )


def test_a_kur_assessment_with_and_without_the_2027_reform() -> None:
    reform = law.load_overrides(KUR_2027)
    app = kur_application(date(2027, 3, 1))
    shipped, reformed = kur.assess(app), kur.assess(app, rules=reform.kur_rules())
    assert (shipped.rate, reformed.rate) == (Decimal(6), Decimal(5))
    # The bank's internal ceiling (Rp50 jt) lets it ask collateral on Rp75 jt.
    assert not shipped.finding("kur.collateral").passed
    assert reformed.finding("kur.collateral").passed
    assert "permenko-contoh-2027" in {r.name for r in reformed.regimes}


def test_the_reform_leaves_earlier_dates_alone() -> None:
    rules = law.load_overrides(KUR_2027).kur_rules()
    app = kur_application(date(2026, 12, 31))
    shipped, reformed = kur.assess(app), kur.assess(app, rules=rules)
    assert (reformed.outcome, reformed.rate) == (shipped.outcome, shipped.rate) == (False, 6)
    assert [f.passed for f in reformed.findings] == [f.passed for f in shipped.findings]
    # The 2026 regime still applies, now ending the day before the reform.
    assert [r.name for r in reformed.regimes] == [r.name for r in shipped.regimes]


def test_a_bpum_screen_with_and_without_the_stricter_reading() -> None:
    record = {
        "nik": "1871010101900001",
        "kk": "1871010101100001",
        "name": "Siti Aminah",
        "ktp_address": "Jl. Kartini No. 5",
        "line_of_business": "warung makan",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": True,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    strict = law.load_overrides(BPUM_STRICT).timeline("bpum.programme")
    [shipped] = bpum.screen([record], year=2021)
    [reformed] = bpum.screen([record], year=2021, rules=strict)
    assert shipped.outcome is bpum.ScreeningOutcome.ELIGIBLE
    assert reformed.outcome is not bpum.ScreeningOutcome.ELIGIBLE
    assert reformed.failed_codes == ("bpum.other_bank_credit",)
    # 2020 is outside the file's span: its programme is the shipped one.
    assert strict.at(date(2020, 6, 1)) is bpum.PROGRAMMES.at(date(2020, 6, 1))


def test_a_json_file_reads_like_a_toml_one(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"regimes": [regime(value=3)]}), "utf-8")
    timeline = law.load_overrides(path).timeline("cooperatives.rat_deadline_months")
    assert timeline.value_at(date(2024, 12, 31)) == 6
    assert timeline.value_at(date(2025, 1, 1)) == 3


def test_apply_swaps_only_the_changed_timelines() -> None:
    reform = law.load_overrides(KUR_2027)
    rules = reform.kur_rules()
    assert rules.tenors is kur.DEFAULT_RULES.tenors
    assert rules.rates is reform.timelines["kur.rate"]
    assert parse_overrides({"regimes": [regime()]}).kur_rules() is kur.DEFAULT_RULES


def test_in_force_and_changes_follow_the_overrides() -> None:
    reform = law.load_overrides(KUR_2027)
    found = {r.rule.id: r.regime.name for r in law.in_force(date(2027, 3, 1), overrides=reform)}
    assert found["kur.rate"] == "permenko-contoh-2027"
    moved = [c.rule.id for c in law.changes(date(2026, 6, 1), date(2027, 1, 1), overrides=reform)]
    assert "kur.rate" in moved
    assert "kur.rate" not in [c.rule.id for c in law.changes(date(2026, 6, 1), date(2027, 1, 1))]


# ---------------------------------------------------------------- strict checks


def test_every_shipped_value_reads_back_from_its_wire_form() -> None:
    # What makes any rule overridable from a file (tests/test_law_overrides_roundtrip.py
    # goes on through real JSON and TOML files); tuple-keyed tables included.
    for entry in law.registered_rules():
        for shipped in entry.regimes:
            back = from_dict(entry.value_type, wire_value(shipped.value))
            assert back == shipped.value, (entry.info.id, shipped.name)


def test_the_tuple_keyed_capital_table_is_overridable() -> None:
    capital = wire_value(law.history("cooperatives.ksp_startup_capital").regimes[0].value)
    capital["minimums"]["primer/dalam_kabupaten_kota"] = "600000000"
    reform = parse_overrides(
        {
            "regimes": [
                regime(
                    rule="cooperatives.ksp_startup_capital",
                    valid_from="2024-01-01",
                    unit="rupiah",
                    value=capital,
                )
            ]
        }
    )
    value = reform.timeline("cooperatives.ksp_startup_capital").value_at(date(2024, 1, 1))
    assert value.minimums[CooperativeForm.PRIMARY, MembershipArea.WITHIN_REGENCY] == Decimal(
        600_000_000
    )


def test_unknown_rule_ids_are_problems_and_masked() -> None:
    found = problems(regime(rule="kur.3201234567890123"))
    assert ("$.regimes[0].rule", "overrides.unknown_rule") in found
    with pytest.raises(ValidationError) as caught:
        parse_overrides({"regimes": [regime(rule="kur.3201234567890123")]})
    assert caught.value.codes == ("overrides.unknown_rule",)
    assert "3201234567890123" not in str(caught.value)


def test_the_unit_must_be_the_rules() -> None:
    assert problems(regime(unit="rupiah")) == [("$.regimes[0].unit", "overrides.unit")]
    assert problems(regime(unit="furlongs")) == [("$.regimes[0].unit", "overrides.unit")]


def test_a_citation_is_required() -> None:
    assert problems(regime(citation=None)) == [
        ("$.regimes[0].citation", "overrides.citation_missing")
    ]
    assert problems(regime(citation={"article": "Pasal 1"})) == [
        ("$.regimes[0].citation.instrument", "overrides.citation_missing")
    ]


def test_a_value_of_the_wrong_shape_is_a_problem_at_its_path() -> None:
    found = problems(
        regime(
            rule="kur.rate",
            unit="percent_per_year",
            valid_from="2027-01-01",
            value={"mikro": [0.5], "bukan_skema": ["6"]},
        )
    )
    assert found
    assert all(path.startswith("$.regimes[0].value") for path, _ in found)
    assert problems(regime(value="4")) == [("$.regimes[0].value", "type.int")]


def test_a_value_its_type_refuses_is_a_problem_not_a_crash() -> None:
    found = problems(
        regime(
            rule="msme.size_criteria",
            valid_from="2024-01-01",
            unit="table",
            value=None,
            patch={"bands": []},
        )
    )
    # from_dict now recognises attrs' bare-message min_len error: the problem
    # names the field (bands) instead of the whole patch.
    assert found == [("$.regimes[0].patch.bands", "invalid")]


def test_overlaps_within_the_file_and_with_the_shipped_law() -> None:
    twice = problems(regime(), regime(name="again", valid_from="2025-06-01"))
    assert twice == [("$.regimes[1].valid_from", "overrides.overlap")]
    added = problems(regime(action="add"))
    assert added == [("$.regimes[0].valid_from", "overrides.overlap")]


def test_adding_a_year_after_a_closed_timeline() -> None:
    value = wire_value(bpum.PROGRAMMES.at(date(2021, 6, 1)).value)
    value.update(year=2022, amount="600000")
    added = regime(
        rule="bpum.programme",
        action="add",
        name="bpum-2022",
        valid_from="2022-01-01",
        valid_to="2022-12-31",
        unit="table",
        value=value,
    )
    timeline = parse_overrides({"regimes": [added]}).timeline("bpum.programme")
    assert bpum.amount(2022, rules=timeline) == Decimal(600_000)
    assert bpum.amount(2021, rules=timeline) == Decimal(1_200_000)


def test_a_patch_needs_a_shipped_regime_on_its_first_day() -> None:
    found = problems(
        regime(
            rule="bpum.programme",
            action="add",
            valid_from="2022-01-01",
            unit="table",
            value=None,
            patch={"amount": "600000"},
        )
    )
    assert found == [("$.regimes[0].patch", "overrides.patch_base")]


@pytest.mark.parametrize(
    ("over", "expected"),
    [
        ({"valid_from": "1 Januari 2025"}, ("$.regimes[0].valid_from", "overrides.date")),
        ({"valid_to": "2024-01-01"}, ("$.regimes[0].valid_to", "overrides.span")),
        ({"confidence": "high"}, ("$.regimes[0].confidence", "overrides.confidence")),
        ({"action": "merge"}, ("$.regimes[0].action", "overrides.action")),
        ({"patch": {}}, ("$.regimes[0].value", "overrides.value_and_patch")),
        ({"value": None}, ("$.regimes[0].value", "overrides.missing")),
        ({"name": None}, ("$.regimes[0].name", "overrides.missing")),
        ({"colour": "red"}, ("$.regimes[0].colour", "overrides.unknown_key")),
    ],
)
def test_junk_regimes(over: dict[str, Any], expected: tuple[str, str]) -> None:
    assert expected in problems(regime(**over))


@pytest.mark.parametrize("document", [None, [], {"regimes": []}, {"regimes": [1]}, {"rules": []}])
def test_junk_documents(document: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_overrides(document)
    assert {c.split(".")[0] for c in caught.value.codes} == {"overrides"}


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("r.toml", "[[regimes]\nrule = ", "overrides.syntax"),
        ("r.json", "{", "overrides.syntax"),
        ("r.yaml", "regimes: []", "overrides.format"),
        ("r.toml", b"\xff\xfe", "overrides.syntax"),
    ],
)
def test_junk_files(tmp_path: Path, name: str, text: str | bytes, code: str) -> None:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(path)
    assert caught.value.codes == (code,)


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        law.load_overrides(tmp_path / "none.toml")
    assert caught.value.codes == ("overrides.unreadable",)


# ------------------------------------------------- the first day of a regime (audit)


def _rate_patch(valid_from: object) -> dict[str, Any]:
    return regime(
        rule="kur.rate",
        unit="percent_per_year",
        valid_from=valid_from,
        value=None,
        patch={"mikro": ["5"]},
    )


@pytest.mark.parametrize("valid_from", ["0001-01-01", "1899-12-31", "9900-01-01", date.max])
def test_a_regime_starting_outside_the_day_bounds_is_a_problem_at_its_path(
    valid_from: object,
) -> None:
    # A patch is taken from the regime in force on valid_from: the look-up
    # raised RuleInputError from inside instead of a problem in the document.
    assert problems(_rate_patch(valid_from)) == [("$.regimes[0].valid_from", "overrides.date")]
    assert problems(regime(valid_from=valid_from)) == [
        ("$.regimes[0].valid_from", "overrides.date")
    ]


def test_a_regime_starting_on_a_bound_of_the_days_is_taken() -> None:
    assert parse_overrides({"regimes": [_rate_patch("9899-12-31")]}).rule_ids == ("kur.rate",)
    first = parse_overrides({"regimes": [regime(valid_from="1900-01-01")]})
    assert first.rule_ids == ("cooperatives.rat_deadline_months",)
