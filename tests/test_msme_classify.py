"""MSME size classification: thresholds, regimes, purposes, policies, junk."""

from __future__ import annotations

import traceback
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from koperasi_id.decisions import Severity
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline
from koperasi_id.msme import (
    PP_7_2021_IN_FORCE,
    SIZE_CRITERIA,
    BusinessSize,
    ConflictPolicy,
    Criterion,
    Purpose,
    PurposeRule,
    SizeBands,
    SizeCriteria,
    SizeDecision,
    classify,
)
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

MICRO, SMALL, MEDIUM, LARGE = (
    BusinessSize.MICRO,
    BusinessSize.SMALL,
    BusinessSize.MEDIUM,
    BusinessSize.LARGE,
)
UU_DAY = date(2021, 2, 1)  # last day of UU 20/2008 numbers
PP_DAY = date(2021, 2, 2)  # first day of PP 7/2021
LATER = date(2024, 5, 1)


# -- R-MSME-1: UU 20/2008 -------------------------------------------------------------

UU_NET_ASSETS = [
    (0, MICRO),
    (50_000_000, MICRO),
    (50_000_001, SMALL),
    (500_000_000, SMALL),
    (500_000_001, MEDIUM),
    (10_000_000_000, MEDIUM),
    (10_000_000_001, LARGE),
]
UU_SALES = [
    (0, MICRO),
    (300_000_000, MICRO),
    (300_000_001, SMALL),
    (2_500_000_000, SMALL),
    (2_500_000_001, MEDIUM),
    (50_000_000_000, MEDIUM),
    (50_000_000_001, LARGE),
]


@pytest.mark.parametrize(("amount", "size"), UU_NET_ASSETS)
@pytest.mark.parametrize("as_of", [date(2008, 7, 4), date(2015, 1, 1), UU_DAY])
def test_uu_net_assets_boundaries(amount: int, size: BusinessSize, as_of: date) -> None:
    d = classify(as_of=as_of, net_assets=Decimal(amount))
    assert d.size is size
    assert d.criterion is Criterion.NET_ASSETS
    assert d.regime.name == "uu-20-2008"
    assert d.net_assets_size is size
    assert d.capital_size is None
    assert not d.conflict


@pytest.mark.parametrize(("amount", "size"), UU_SALES)
def test_uu_sales_boundaries(amount: int, size: BusinessSize) -> None:
    d = classify(as_of=UU_DAY, annual_sales=amount)
    assert d.size is size
    assert d.criterion is Criterion.ANNUAL_SALES
    assert d.finding("msme.size.hasil_penjualan_tahunan").citation == Citation(
        "UU 20/2008", "Pasal 6 ayat (1)-(3) huruf b"
    )


def test_uu_sen_just_over_a_ceiling_is_the_next_class() -> None:
    assert classify(as_of=UU_DAY, net_assets=Decimal("50000000.01")).size is SMALL
    assert classify(as_of=UU_DAY, net_assets=Decimal("50000000.00")).size is MICRO


# -- R-MSME-2 and R-MSME-3: PP 7/2021 ----------------------------------------------

PP_CAPITAL = [
    (0, MICRO),
    (1_000_000_000, MICRO),
    (1_000_000_001, SMALL),
    (5_000_000_000, SMALL),
    (5_000_000_001, MEDIUM),
    (10_000_000_000, MEDIUM),
    (10_000_000_001, LARGE),
]
PP_SALES = [
    (0, MICRO),
    (2_000_000_000, MICRO),
    (2_000_000_001, SMALL),
    (15_000_000_000, SMALL),
    (15_000_000_001, MEDIUM),
    (50_000_000_000, MEDIUM),
    (50_000_000_001, LARGE),
]


@pytest.mark.parametrize(("amount", "size"), PP_CAPITAL)
@pytest.mark.parametrize("as_of", [PP_DAY, LATER, date(2099, 12, 31)])
def test_pp_capital_boundaries(amount: int, size: BusinessSize, as_of: date) -> None:
    d = classify(as_of=as_of, capital=Decimal(amount))
    assert d.size is size
    assert d.criterion is Criterion.CAPITAL
    assert d.regime.name == "pp-7-2021"
    assert d.finding("msme.size.modal_usaha").citation == Citation("PP 7/2021", "Pasal 35 ayat (3)")


@pytest.mark.parametrize(("amount", "size"), PP_SALES)
def test_pp_sales_boundaries(amount: int, size: BusinessSize) -> None:
    d = classify(as_of=PP_DAY, annual_sales=Decimal(amount))
    assert d.size is size
    assert d.criterion is Criterion.ANNUAL_SALES
    assert d.finding("msme.size.hasil_penjualan_tahunan").citation == Citation(
        "PP 7/2021", "Pasal 35 ayat (5)"
    )


def test_regime_switch_on_2021_02_02() -> None:
    # Rp300,000,001 of sales is small under UU 20/2008 and micro under PP 7/2021.
    before = classify(as_of=UU_DAY, annual_sales=300_000_001)
    after = classify(as_of=PP_DAY, annual_sales=300_000_001)
    assert (before.size, before.regime.name) == (SMALL, "uu-20-2008")
    assert (after.size, after.regime.name) == (MICRO, "pp-7-2021")
    assert before.regime.valid_to == UU_DAY
    assert after.regime.valid_from == PP_DAY == PP_7_2021_IN_FORCE


def test_before_every_regime_is_no_rule_in_force() -> None:
    with pytest.raises(NoRuleInForceError, match="2008-07-03") as caught:
        classify(as_of=date(2008, 7, 3), net_assets=1)
    assert caught.value.table == "msme.size_criteria"


# -- criteria the regime does not use --------------------------------------------------


def test_capital_before_pp_tells_the_caller_to_pass_net_assets() -> None:
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=UU_DAY, capital=Decimal("40000000"))
    message = str(caught.value)
    assert "not a criterion of UU 20/2008 Pasal 6" in message
    assert "2021-02-01" in message
    assert "PP 7/2021 from 2021-02-02" in message
    assert message.index("net_assets=") < message.index("annual_sales=")


def test_net_assets_after_pp_tells_the_caller_to_pass_capital() -> None:
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=PP_DAY, net_assets=1, annual_sales=1)
    message = str(caught.value)
    assert "net assets (kekayaan_bersih) is not a criterion of PP 7/2021 Pasal 35" in message
    assert "UU 20/2008 from 2008-07-04 to 2021-02-01" in message
    assert message.index("capital=") < message.index("annual_sales=")


def test_unused_criterion_in_a_custom_timeline_names_no_other_regime() -> None:
    sales_only = _custom_timeline(
        SizeCriteria(bands=(_bands(Criterion.ANNUAL_SALES, 1, 2, 3),)),
    )
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=LATER, capital=1, rules=sales_only)
    assert str(caught.value) == (
        "business capital (modal_usaha) is not a criterion of Perpres 99/2030, the rule in "
        "force on 2024-05-01; pass annual_sales= (hasil penjualan tahunan) instead"
    )


def _perpres(number: str, start: date, end: date | None, *bands: SizeBands) -> Regime[SizeCriteria]:
    return Regime(
        name=f"perpres-{number}",
        valid_from=start,
        valid_to=end,
        citation=Citation(f"Perpres {number}"),
        confidence=Confidence.LOW,
        value=SizeCriteria(bands=bands),
    )


def test_unused_criterion_names_every_regime_that_uses_it() -> None:
    capital = _bands(Criterion.CAPITAL, 1, 2, 3)
    rules = Timeline(
        "custom",
        [
            _perpres("1/2030", date(2030, 1, 1), date(2030, 12, 31), capital),
            _perpres("2/2031", date(2031, 1, 1), date(2031, 12, 31), capital),
            _perpres(
                "3/2032",
                date(2032, 1, 1),
                None,
                _bands(Criterion.ANNUAL_SALES, 1, 2, 3),
                _bands(Criterion.NET_ASSETS, 1, 2, 3),
            ),
        ],
    )
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=date(2032, 1, 1), capital=1, rules=rules)
    # Both earlier regimes, joined by ", "; the counterpart (net assets) offered first.
    assert str(caught.value) == (
        "business capital (modal_usaha) is not a criterion of Perpres 3/2032, the rule in "
        "force on 2032-01-01 (it is used under Perpres 1/2030 from 2030-01-01 to 2030-12-31, "
        "Perpres 2/2031 from 2031-01-01 to 2031-12-31); pass net_assets= (kekayaan bersih) "
        "or annual_sales= (hasil penjualan tahunan) instead"
    )


def test_unused_criterion_offers_its_counterpart_first_whatever_the_band_order() -> None:
    sales_then_capital = _custom_timeline(
        SizeCriteria(
            bands=(_bands(Criterion.ANNUAL_SALES, 1, 2, 3), _bands(Criterion.CAPITAL, 1, 2, 3))
        ),
    )
    with pytest.raises(RuleInputError) as caught:
        classify(as_of=LATER, net_assets=1, rules=sales_then_capital)
    assert str(caught.value).endswith(
        "; pass capital= (modal usaha) or annual_sales= (hasil penjualan tahunan) instead"
    )


@pytest.mark.parametrize("as_of", [UU_DAY, PP_DAY])
def test_nothing_given(as_of: date) -> None:
    with pytest.raises(RuleInputError, match="no figure to classify by"):
        classify(as_of=as_of)


# -- land and buildings ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "figure", "citation"),
    [
        (PP_DAY, "capital", "PP 7/2021 Pasal 35 ayat (3)"),
        (UU_DAY, "net_assets", "UU 20/2008 Pasal 6 ayat (1)-(3) huruf a"),
    ],
)
def test_land_and_buildings_included_is_refused(as_of: date, figure: str, citation: str) -> None:
    with pytest.raises(RuleInputError, match="exclude the land and buildings") as caught:
        classify(as_of=as_of, excludes_land_and_buildings=False, **{figure: 1})
    assert citation in str(caught.value)


def test_land_and_buildings_flag_does_not_matter_for_sales() -> None:
    d = classify(as_of=PP_DAY, annual_sales=1, excludes_land_and_buildings=False)
    assert d.size is MICRO


# -- purposes (R-MSME-4) ---------------------------------------------------------------


def test_registration_decides_by_capital() -> None:
    d = classify(
        as_of=LATER,
        capital=Decimal("6000000000"),
        annual_sales=Decimal("1000000"),
        purpose=Purpose.REGISTRATION,
    )
    assert (d.size, d.criterion, d.conflict) == (MEDIUM, Criterion.CAPITAL, True)
    assert d.annual_sales_size is MICRO
    basis = d.finding("msme.size.basis")
    assert basis.citation == Citation("PP 7/2021", "Pasal 35 ayat (2)")
    assert basis.details["reason"] == "purpose"


def test_registration_without_capital_is_refused() -> None:
    with pytest.raises(RuleInputError, match=r"Pasal 35 ayat \(2\); pass capital="):
        classify(as_of=LATER, annual_sales=1, purpose=Purpose.REGISTRATION)


def test_support_decides_by_sales() -> None:
    d = classify(
        as_of=LATER,
        capital=Decimal("100000000"),
        annual_sales=Decimal("20000000000"),
        purpose=Purpose.SUPPORT,
        started_on=date(2022, 1, 1),
    )
    assert (d.size, d.criterion, d.conflict) == (MEDIUM, Criterion.ANNUAL_SALES, True)
    assert d.finding("msme.size.basis").citation == Citation("PP 7/2021", "Pasal 35 ayat (4)")


def test_support_for_business_before_pp_cites_ayat_6() -> None:
    d = classify(
        as_of=LATER,
        annual_sales=Decimal("20000000000"),
        purpose=Purpose.SUPPORT,
        started_on=date(2021, 2, 1),
    )
    assert d.finding("msme.size.basis").citation == Citation("PP 7/2021", "Pasal 35 ayat (6)")


def test_support_for_business_before_pp_requires_sales() -> None:
    with pytest.raises(RuleInputError, match=r"started before 2021-02-02 \(started 2021-02-01\)"):
        classify(as_of=LATER, capital=1, purpose=Purpose.SUPPORT, started_on=date(2021, 2, 1))


def test_support_for_business_from_pp_day_may_use_capital() -> None:
    d = classify(as_of=LATER, capital=1, purpose=Purpose.SUPPORT, started_on=PP_DAY)
    assert (d.size, d.criterion) == (MICRO, Criterion.CAPITAL)
    assert "msme.size.start_date_unknown" not in d.codes


def test_support_with_capital_and_unknown_start_warns() -> None:
    d = classify(as_of=LATER, capital=1, purpose=Purpose.SUPPORT)
    assert d.size is MICRO
    warning = d.finding("msme.size.start_date_unknown")
    assert warning.severity is Severity.WARNING
    assert warning.citation == Citation("PP 7/2021", "Pasal 35 ayat (6)")
    assert d.passed
    assert d.warnings == (warning,)


def test_purpose_has_no_rule_under_uu_20_2008() -> None:
    d = classify(as_of=UU_DAY, net_assets=1, annual_sales=300_000_001, purpose=Purpose.REGISTRATION)
    assert (d.size, d.criterion) == (MICRO, Criterion.NET_ASSETS)
    assert d.finding("msme.size.basis").details["reason"] == "no_purpose_rule"


# -- conflicts and policies (R-MSME-5) -------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "size", "criterion", "reason"),
    [
        (ConflictPolicy.BY_PURPOSE, MICRO, Criterion.CAPITAL, "no_purpose_rule"),
        (ConflictPolicy.LOWER, MICRO, Criterion.CAPITAL, "lower"),
        (ConflictPolicy.HIGHER, LARGE, Criterion.ANNUAL_SALES, "higher"),
    ],
)
def test_conflict_policies_without_purpose(
    policy: ConflictPolicy, size: BusinessSize, criterion: Criterion, reason: str
) -> None:
    d = classify(as_of=LATER, capital=1, annual_sales=50_000_000_001, policy=policy)
    assert (d.size, d.criterion, d.conflict, d.policy) == (size, criterion, True, policy)
    assert d.sizes == {Criterion.CAPITAL: MICRO, Criterion.ANNUAL_SALES: LARGE}
    assert d.finding("msme.size.basis").details["reason"] == reason
    conflict = d.finding("msme.size.conflict")
    assert conflict.severity is Severity.WARNING
    assert not conflict.passed
    assert conflict.details == {"modal_usaha": "mikro", "hasil_penjualan_tahunan": "besar"}
    assert d.passed  # a conflict is a warning, not a failure


def test_policy_overrides_purpose_in_a_conflict() -> None:
    d = classify(
        as_of=LATER,
        capital=1,
        annual_sales=50_000_000_001,
        purpose=Purpose.REGISTRATION,
        policy=ConflictPolicy.HIGHER,
    )
    assert (d.size, d.criterion) == (LARGE, Criterion.ANNUAL_SALES)


def test_agreeing_figures_are_no_conflict() -> None:
    d = classify(as_of=LATER, capital=1_000_000_001, annual_sales=2_000_000_001)
    assert (d.size, d.criterion, d.conflict) == (SMALL, Criterion.CAPITAL, False)
    assert "msme.size.conflict" not in d.codes
    assert d.finding("msme.size.basis").details["reason"] == "figures_agree"


def test_explanations_in_both_languages() -> None:
    d = classify(as_of=UU_DAY, net_assets=40_000_000, annual_sales=1_000_000_000)
    indonesian = d.explain("id")
    assert indonesian.startswith("Hasil: mikro (per 2021-02-01)")
    assert "lebih dari Rp300.000.000 sampai dengan Rp2.500.000.000" in indonesian
    assert "[warn] msme.size.conflict" in indonesian
    english = d.explain("en")
    assert "Net assets Rp40.000.000: micro business (at most Rp50.000.000)." in english
    large = classify(as_of=LATER, capital=10_000_000_001)
    assert "lebih dari Rp10.000.000.000)" in large.explain("id")
    assert "(above Rp10.000.000.000)" in large.explain("en")


def test_decision_shape() -> None:
    d = classify(as_of=LATER, capital=Decimal("5"))
    assert isinstance(d, SizeDecision)
    assert d.outcome is d.size
    assert d.as_of == LATER
    assert d.regimes == (SIZE_CRITERIA.at(LATER).ref,)
    assert d.regime.confidence is Confidence.HIGH
    assert d.citations[0] == Citation("PP 7/2021", "Pasal 35")
    assert d.purpose is None
    assert d.finding("msme.size.modal_usaha").details == {
        "criterion": "modal_usaha",
        "amount": "5",
        "size": "mikro",
    }


# -- custom rules (a future Perpres adjusting the numbers) -----------------------------


def _bands(criterion: Criterion, a: int, b: int, c: int) -> SizeBands:
    return SizeBands(
        criterion=criterion,
        micro_max=Decimal(a),
        small_max=Decimal(b),
        medium_max=Decimal(c),
        citation=Citation("Perpres 99/2030", "Pasal 1"),
    )


def _custom_timeline(criteria: SizeCriteria) -> Timeline[SizeCriteria]:
    return Timeline(
        "custom",
        [
            Regime(
                name="perpres-99-2030",
                valid_from=date(2020, 1, 1),
                citation=Citation("Perpres 99/2030"),
                confidence=Confidence.LOW,
                value=criteria,
            )
        ],
    )


def test_caller_timeline_applies_new_numbers() -> None:
    doubled = SizeCriteria(
        bands=(
            _bands(Criterion.CAPITAL, 2_000_000_000, 10_000_000_000, 20_000_000_000),
            _bands(Criterion.ANNUAL_SALES, 4_000_000_000, 30_000_000_000, 100_000_000_000),
        )
    )
    rules = SIZE_CRITERIA.overridden(
        Regime(
            name="perpres-99-2030",
            valid_from=date(2030, 1, 1),
            citation=Citation("Perpres 99/2030"),
            confidence=Confidence.LOW,
            value=doubled,
        )
    )
    assert classify(as_of=date(2029, 12, 31), capital=1_500_000_000, rules=rules).size is SMALL
    new = classify(as_of=date(2030, 1, 1), capital=1_500_000_000, rules=rules)
    assert (new.size, new.regime.name, new.regime.confidence) == (
        MICRO,
        "perpres-99-2030",
        Confidence.LOW,
    )


def test_size_criteria_invariants() -> None:
    # ValidationErrors with a code and a path: bands also come from the wire
    # (from_dict, overrides files), where a bare ValueError was not caught.
    for bands in ((5, 5, 10), (1, 5, 5)):
        with pytest.raises(ValidationError) as caught:
            _bands(Criterion.CAPITAL, *bands)
        assert caught.value.codes == ("msme.bands_order",)
    # A zero ceiling is a legal (if odd) Perpres: non-negative, not positive.
    assert _bands(Criterion.CAPITAL, 0, 5, 10).size_of(Decimal(0)) is MICRO
    with pytest.raises(ValidationError) as caught:
        _bands(Criterion.CAPITAL, -1, 5, 10)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.micro_max", "msme.band_ceiling")
    ]
    with pytest.raises(ValidationError, match="non-negative Decimal") as caught:
        SizeBands(
            criterion=Criterion.CAPITAL,
            micro_max=1,  # type: ignore[arg-type]
            small_max=Decimal(2),
            medium_max=Decimal(3),
            citation=Citation("X"),
        )
    assert caught.value.codes == ("msme.band_ceiling",)
    # The value is masked, quoted and cut at 40 characters (it may come from a config file).
    with pytest.raises(ValidationError) as caught:
        SizeBands(
            criterion=Criterion.CAPITAL,
            micro_max="x" * 60,  # type: ignore[arg-type]
            small_max=Decimal(2),
            medium_max=Decimal(3),
            citation=Citation("X"),
        )
    assert caught.value.problems[0].message == (
        f"micro_max must be a finite non-negative Decimal, got '{'x' * 40}'\u2026"
    )
    with pytest.raises(ValidationError) as caught:
        SizeCriteria(bands=(_bands(Criterion.CAPITAL, 1, 2, 3),) * 2)
    assert caught.value.codes == ("msme.bands_duplicate",)
    with pytest.raises(ValidationError) as caught:
        SizeCriteria(
            bands=(_bands(Criterion.CAPITAL, 1, 2, 3),),
            purpose_rules=(
                PurposeRule(
                    purpose=Purpose.SUPPORT,
                    criterion=Criterion.ANNUAL_SALES,
                    citation=Citation("X"),
                ),
            ),
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.purpose_rules[0].criterion", "msme.purpose_criterion")
    ]
    with pytest.raises(ValueError, match="must be >= 1"):
        SizeCriteria(bands=())


def test_bands_from_the_wire_are_refused_with_a_path_never_a_bare_value_error() -> None:
    wire = to_dict(SIZE_CRITERIA.regimes[-1].value)
    cases = [
        ((0, "micro_max"), "-1", "$.bands[0].micro_max", "msme.band_ceiling"),
        ((0, "small_max"), "1", "$.bands[0].small_max", "msme.bands_order"),
        # 15 digits (a NIK-like run): never echoed, the ceilings are not in the message.
        ((0, "micro_max"), "187101010190000", "$.bands[0].small_max", "msme.bands_order"),
    ]
    for (index, field), value, path, code in cases:
        bands = list(wire["bands"])
        bands[index] = {**bands[index], field: value}
        with pytest.raises(ValidationError) as caught:
            from_dict(SizeCriteria, {**wire, "bands": bands})
        assert [(p.path, p.code) for p in caught.value.problems] == [(path, code)]
        assert "187101010190000" not in "".join(traceback.format_exception(caught.value))
    with pytest.raises(ValidationError) as caught:
        from_dict(SizeCriteria, {**wire, "bands": [wire["bands"][0]] * 2})
    assert caught.value.codes == ("msme.bands_duplicate",)


def test_bands_ceiling_and_floor() -> None:
    bands = SIZE_CRITERIA.at(LATER).value.bands_for(Criterion.CAPITAL)
    assert bands is not None
    assert [bands.ceiling(s) for s in BusinessSize] == [
        Decimal(1_000_000_000),
        Decimal(5_000_000_000),
        Decimal(10_000_000_000),
        None,
    ]
    assert [bands.floor(s) for s in BusinessSize] == [
        None,
        Decimal(1_000_000_000),
        Decimal(5_000_000_000),
        Decimal(10_000_000_000),
    ]
    assert SIZE_CRITERIA.at(UU_DAY).value.bands_for(Criterion.CAPITAL) is None
    assert SIZE_CRITERIA.at(UU_DAY).value.rule_for(Purpose.SUPPORT) is None


# -- junk --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (-1, "money.negative"),
        (Decimal("-0.01"), "money.negative"),
        (1.5, "money.float"),
        (True, "money.bool"),
        ("1000", "money.type"),
        ([1], "money.type"),
        (Decimal("NaN"), "money.not_finite"),
        (Decimal("Infinity"), "money.not_finite"),
        (Decimal("1.001"), "money.too_many_decimals"),
    ],
)
def test_junk_amounts(raw: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=LATER, capital=raw)  # type: ignore[arg-type]
    assert caught.value.codes == (code,)
    assert caught.value.paths == ("$.capital",)


def test_text_is_refused_with_the_function_that_reads_it() -> None:
    # Issue 17 item 7: Python calls stay strict, and the message says what to do.
    with pytest.raises(ValidationError, match="parse_amount_text") as caught:
        classify(as_of=LATER, capital="Rp800.000.000")  # type: ignore[arg-type]
    assert caught.value.codes == ("money.type",)


@pytest.mark.parametrize(
    ("raw", "code"),
    [(Decimal("-0"), "money.negative_zero"), (10**15 + 1, "money.too_large")],
)
def test_amounts_beyond_the_number_policy(raw: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=LATER, capital=raw)  # type: ignore[arg-type]
    assert caught.value.codes == (code,)
    assert classify(as_of=LATER, capital=10**15).size is not None


def test_every_junk_amount_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=LATER, capital=-1, annual_sales=0.5)  # type: ignore[arg-type]
    assert caught.value.paths == ("$.capital", "$.annual_sales")
    assert caught.value.codes == ("money.negative", "money.float")


def test_negative_net_assets_are_reported_at_their_path() -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=UU_DAY, net_assets=-1, annual_sales=-2)
    assert [(p.path, p.code, p.message) for p in caught.value.problems] == [
        ("$.net_assets", "money.negative", "net assets must not be negative, got -1"),
        ("$.annual_sales", "money.negative", "annual sales must not be negative, got -2"),
    ]


@pytest.mark.parametrize("as_of", ["2024-01-01", datetime(2024, 1, 1), None, 20240101])
def test_junk_as_of(as_of: object) -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=as_of, capital=1)  # type: ignore[arg-type]
    assert caught.value.paths == ("$.as_of",)
    assert caught.value.codes == ("type.date",)


def test_junk_started_on_purpose_and_policy() -> None:
    with pytest.raises(ValidationError) as caught:
        classify(as_of=LATER, capital=1, started_on="2020-01-01")  # type: ignore[arg-type]
    assert caught.value.paths == ("$.started_on",)
    assert caught.value.codes == ("type.date",)
    with pytest.raises(ValidationError) as caught:
        classify(as_of=LATER, capital=1, purpose="pendaftaran", policy="higher")  # type: ignore[arg-type]
    assert caught.value.paths == ("$.purpose", "$.policy")
    assert caught.value.codes == ("enum", "enum")


def test_every_day_around_the_switch() -> None:
    for offset in range(-3, 4):
        day = PP_DAY + timedelta(days=offset)
        name = classify(as_of=day, annual_sales=1).regime.name
        assert name == ("pp-7-2021" if day >= PP_DAY else "uu-20-2008")


# -- BusinessSize and enum labels ---------------------------------------------------------


def test_business_size_values_labels_and_order() -> None:
    assert [s.value for s in BusinessSize] == ["mikro", "kecil", "menengah", "besar"]
    assert [s.label for s in BusinessSize] == [
        "Usaha Mikro",
        "Usaha Kecil",
        "Usaha Menengah",
        "Usaha Besar",
    ]
    assert [s.rank for s in BusinessSize] == [0, 1, 2, 3]
    assert sorted([LARGE, MICRO, MEDIUM, SMALL]) == [MICRO, SMALL, MEDIUM, LARGE]
    assert MICRO < SMALL <= SMALL < MEDIUM < LARGE
    assert LARGE > MEDIUM >= MEDIUM > MICRO
    assert max(SMALL, MEDIUM) is MEDIUM
    assert [s.is_umkm for s in BusinessSize] == [True, True, True, False]
    assert [s.is_umk for s in BusinessSize] == [True, True, False, False]


@pytest.mark.parametrize("op", ["__lt__", "__le__", "__gt__", "__ge__"])
def test_business_size_does_not_compare_with_other_things(op: str) -> None:
    assert getattr(MICRO, op)("mikro") is NotImplemented
    with pytest.raises(TypeError):
        _ = MICRO < 1  # type: ignore[operator]


def test_other_enum_values_and_labels() -> None:
    assert [c.value for c in Criterion] == [
        "modal_usaha",
        "kekayaan_bersih",
        "hasil_penjualan_tahunan",
    ]
    assert Criterion.CAPITAL.label == "Modal usaha"
    assert [p.value for p in Purpose] == ["pendaftaran", "pemberdayaan"]
    assert Purpose.SUPPORT.label == "Pemberian kemudahan, pelindungan, dan pemberdayaan"
    assert [p.value for p in ConflictPolicy] == ["menurut_tujuan", "lebih_tinggi", "lebih_rendah"]
    assert all(p.label for p in ConflictPolicy)


def test_optional_purpose_rule_without_cutoff_is_only_a_preference() -> None:
    criteria = SizeCriteria(
        bands=(_bands(Criterion.CAPITAL, 1, 2, 3), _bands(Criterion.ANNUAL_SALES, 1, 2, 3)),
        purpose_rules=(
            PurposeRule(
                purpose=Purpose.SUPPORT,
                criterion=Criterion.ANNUAL_SALES,
                citation=Citation("Perpres 99/2030", "Pasal 2"),
            ),
        ),
    )
    rules = _custom_timeline(criteria)
    d = classify(as_of=LATER, capital=2, purpose=Purpose.SUPPORT, rules=rules)
    assert (d.size, d.criterion) == (SMALL, Criterion.CAPITAL)
    assert "msme.size.start_date_unknown" not in d.codes
    both = classify(as_of=LATER, capital=2, annual_sales=4, purpose=Purpose.SUPPORT, rules=rules)
    assert (both.size, both.criterion) == (LARGE, Criterion.ANNUAL_SALES)
    assert both.finding("msme.size.basis").citation == Citation("Perpres 99/2030", "Pasal 2")


def test_size_decision_round_trips_through_json() -> None:
    d = classify(as_of=LATER, capital=1, annual_sales=50_000_000_001, purpose=Purpose.SUPPORT)
    data = to_dict(d)
    assert data["outcome"] == "besar"
    assert data["criterion"] == "hasil_penjualan_tahunan"
    assert data["capital_size"] == "mikro"
    assert data["purpose"] == "pemberdayaan"
    back = from_json(SizeDecision, to_json(d))
    assert back == d
    assert back.finding("msme.size.conflict").details == d.finding("msme.size.conflict").details
