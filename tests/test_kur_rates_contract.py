"""The KUR rate functions' contract: the finding they write, the rules they honour, their errors.

A mutation run of ``kur/_rates.py`` showed the numbers were checked but not
the ``kur.rate`` finding (details, citation, regimes), not that a caller's
``rules=`` reaches every function, and not the error texts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.kur import (
    DEFAULT_RULES,
    KurRules,
    Purpose,
    RateConvention,
    Scheme,
    Sector,
    access_limit,
    additional_collateral_allowed,
    annuity_payment,
    flat_rate_equivalent,
    max_tenor_months,
    npwp_required,
    omzet_ceiling,
    plafond_band,
    rate,
    rate_decision,
    schedule,
    scheme_for,
    subsidy,
    total_rate,
)
from koperasi_id.law import Citation, Regime, Timeline

D = Decimal
P1_2023 = (
    "Permenko Perekonomian 1/2023 Pasal 18 ayat (2), Pasal 22 ayat (2), Pasal 26 ayat (2), Pasal 35"
)


@pytest.mark.parametrize(
    ("scheme", "kwargs", "expected"),
    [
        (
            Scheme.MICRO,
            {"as_of": date(2024, 5, 1), "access": 2},
            (D(7), 2, True, ["permenko-1-2023"], P1_2023,
             "Suku bunga KUR Mikro akses ke-2: 7% efektif per tahun.",
             "KUR Mikro rate for access 2: 7% effective per year.",
             {"scheme": "mikro", "access": "2", "tier": "2", "rate": "7",
              "regime": "permenko-1-2023"}),
        ),
        (
            Scheme.SMALL,
            {"as_of": date(2025, 6, 1), "access": 3, "exempt_38a": True},
            (D(6), 3, False, ["permenko-1-2023", "permenko-12-2025"], P1_2023,
             "Suku bunga KUR Kecil akses ke-3: 6% efektif per tahun.",
             "KUR Kecil rate for access 3: 6% effective per year.",
             {"scheme": "kecil", "access": "3", "tier": "1", "rate": "6",
              "regime": "permenko-1-2023"}),
        ),
        (
            Scheme.MICRO,
            {"as_of": date(2026, 2, 1), "disaster_area": True},
            (D(0), 1, False, ["permenko-1-2026", "bencana-2026"],
             "Kebijakan KUR wilayah bencana (Menko Perekonomian, Dec 2025 / 9 Jan 2026)",
             "Suku bunga KUR Mikro akses ke-1: 0% efektif per tahun.",
             "KUR Mikro rate for access 1: 0% effective per year.",
             {"scheme": "mikro", "access": "1", "tier": "1", "rate": "0",
              "regime": "permenko-1-2026", "disaster_rate": "0"}),
        ),
        (
            # Super mikro has one rate: no tier applies (and the defaults are access 1,
            # no disaster area).
            Scheme.SUPER_MICRO,
            {"as_of": date(2024, 5, 1)},
            (D(3), 1, False, ["permenko-1-2023"], P1_2023,
             "Suku bunga KUR Super Mikro akses ke-1: 3% efektif per tahun.",
             "KUR Super Mikro rate for access 1: 3% effective per year.",
             {"scheme": "super_mikro", "access": "1", "tier": "1", "rate": "3",
              "regime": "permenko-1-2023"}),
        ),
    ],
)  # fmt: skip
def test_rate_decision_finding(
    scheme: Scheme, kwargs: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    d = rate_decision(scheme, **kwargs)
    (finding,) = d.findings
    assert finding.code == "kur.rate"
    assert finding.passed is True
    assert d.as_of == kwargs["as_of"]
    assert d.scheme is scheme
    shown = (
        d.outcome,
        d.access,
        d.tier_applied,
        [r.name for r in d.regimes],
        str(finding.citation),
        finding.message_id,
        finding.message_en,
        dict(finding.details),
    )
    assert shown == expected


def test_defaults_are_first_access_outside_disaster_areas() -> None:
    on = date(2026, 2, 1)
    assert rate(Scheme.MICRO, as_of=on) == D(6)
    assert subsidy(Scheme.MICRO, as_of=date(2024, 5, 1)) == D(10)


def _late(timeline: Timeline[Any]) -> Timeline[Any]:
    """The same law, but in force only from 2031: asking in 2024 finds no rule."""
    last = timeline.regimes[-1]
    return Timeline(timeline.name, [attrs.evolve(last, valid_from=date(2031, 1, 1), valid_to=None)])


LATE: KurRules = attrs.evolve(
    DEFAULT_RULES,
    **{
        field.name: _late(getattr(DEFAULT_RULES, field.name))
        for field in attrs.fields(KurRules)
        if isinstance(getattr(DEFAULT_RULES, field.name), Timeline)
    },
)
ON = date(2024, 5, 1)
CALLS = {
    "scheme_for": lambda r: scheme_for(D(50_000_000), as_of=ON, rules=r),
    "plafond_band": lambda r: plafond_band(Scheme.MICRO, as_of=ON, rules=r),
    "rate_decision": lambda r: rate_decision(Scheme.MICRO, as_of=ON, rules=r),
    "rate": lambda r: rate(Scheme.MICRO, as_of=ON, rules=r),
    "total_rate": lambda r: total_rate(Scheme.MICRO, as_of=ON, rules=r),
    "subsidy": lambda r: subsidy(Scheme.MICRO, as_of=ON, rules=r),
    "max_tenor_months": lambda r: max_tenor_months(
        Scheme.MICRO, Purpose.WORKING_CAPITAL, as_of=ON, rules=r
    ),
    "collateral": lambda r: additional_collateral_allowed(Scheme.MICRO, 1, as_of=ON, rules=r),
    "npwp_required": lambda r: npwp_required(Scheme.MICRO, 1, as_of=ON, rules=r),
    "access_limit": lambda r: access_limit(Scheme.MICRO, Sector.TRADE, as_of=ON, rules=r),
    "omzet_ceiling": lambda r: omzet_ceiling(as_of=date(2026, 1, 1), rules=r),
}


#: The table each function of CALLS looks up first (named by NoRuleInForceError.table).
TABLES = {
    "scheme_for": "kur.ceiling",
    "plafond_band": "kur.ceiling",
    "rate_decision": "kur.rate",
    "rate": "kur.rate",
    "total_rate": "kur.subsidy",
    "subsidy": "kur.subsidy",
    "max_tenor_months": "kur.tenor",
    "collateral": "kur.collateral",
    "npwp_required": "kur.npwp",
    "access_limit": "kur.access_limit",
    "omzet_ceiling": "kur.omzet",
}


@pytest.mark.parametrize("name", list(CALLS))
def test_every_function_applies_the_callers_rules(name: str) -> None:
    CALLS[name](None)  # the shipped rules answer
    with pytest.raises(NoRuleInForceError) as caught:
        CALLS[name](LATE)
    assert caught.value.table == TABLES[name]


def test_error_texts() -> None:
    with pytest.raises(
        ValidationError, match=r"a plafond is a Decimal amount, got str \[kur\.plafond_type\]"
    ) as caught:
        scheme_for("50000000", as_of=ON)  # type: ignore[arg-type]
    assert caught.value.codes == ("kur.plafond_type",)
    with pytest.raises(
        ValidationError, match=r"must be above zero, got 0 \[kur\.plafond_not_positive\]"
    ) as caught:
        scheme_for(0, as_of=ON)
    assert caught.value.codes == ("kur.plafond_not_positive",)
    with pytest.raises(ValidationError, match=r"counts from 1, got '0' \[kur\.access\]") as caught:
        rate(Scheme.MICRO, as_of=ON, access=0)
    assert caught.value.codes == ("kur.access",)
    # The same path as the "too large" problem of the same argument.
    assert caught.value.problems[0].path == "$.access"
    with pytest.raises(
        ValidationError,
        match=r"^1 problem: \$: Rp500\.000\.001 is above every KUR ceiling \(Rp500\.000\.000\) "
        r"on 2024-05-01 \[kur\.not_kur\]$",
    ) as caught:
        scheme_for(500_000_001, as_of=ON)
    assert caught.value.codes == ("kur.not_kur",)
    with pytest.raises(
        NoRuleInForceError,
        match=r"^no kur\.ceiling\[super_mikro\] rule in force on 2020-08-30; the regime in "
        r"force then knows only kecil, khusus, mikro, pmi$",
    ) as caught:
        plafond_band(Scheme.SUPER_MICRO, as_of=date(2020, 8, 30))
    assert caught.value.table == "kur.ceiling[super_mikro]"
    with pytest.raises(
        NoRuleInForceError, match=r"^no kur\.tenor\[super_mikro\] rule in force on 2019-06-01;"
    ) as caught:
        max_tenor_months(Scheme.SUPER_MICRO, Purpose.INVESTMENT, as_of=date(2019, 6, 1))
    assert caught.value.table == "kur.tenor[super_mikro]"
    with pytest.raises(
        RuleInputError,
        match=r"^KUR Penempatan PMI has no extended Kredit Modal Kerja \(KMK\) tenor rule on 2024-05-01$",
    ):
        max_tenor_months(Scheme.MIGRANT_WORKER, Purpose.WORKING_CAPITAL, as_of=ON, extended=True)
    with pytest.raises(
        RuleInputError,
        match=r"^KUR Penempatan PMI has no Kredit Investasi \(KI\) tenor rule on 2024-05-01$",
    ):
        max_tenor_months(Scheme.MIGRANT_WORKER, Purpose.INVESTMENT, as_of=ON)


def test_schedule_conventions_defaults_and_errors() -> None:
    # The convention reaches the formula (compounding gives a lower monthly rate).
    effective = RateConvention.EFFECTIVE_ANNUAL
    assert round(annuity_payment(D(12_000_000), D(12), 12, rate_convention=effective), 2) == D(
        "1062744.81"
    )
    assert round(flat_rate_equivalent(D(12_000_000), D(12), 12, rate_convention=effective), 4) == D(
        "6.2745"
    )
    # Defaults: no grace period, whole rupiah.
    first = schedule(D(10_000_000), D(6), 12, start=date(2024, 5, 1)).instalments[0]
    assert (first.payment, first.principal, first.interest) == (D(860664), D(810664), D(50000))
    with pytest.raises(ValidationError) as caught:
        annuity_payment(D(1), D(1), 0)
    (problem,) = caught.value.problems
    assert (problem.path, problem.code, problem.message) == (
        "$.months",
        "schedule.months_range",
        "months must be 1–600, got 0",
    )


# --- what a mutation run of kur/_rates.py found untested (December 2026) ----------------


def _with(rules: KurRules, field: str, start: date, value: Any) -> KurRules:
    """``rules`` with a caller's regime for one table from ``start`` on."""
    timeline: Timeline[Any] = getattr(rules, field)
    regime = Regime(name="caller", valid_from=start, citation=Citation("Caller"), value=value)
    return attrs.evolve(rules, **{field: timeline.overridden(regime)})


def test_defaults_are_no_disaster_area_in_2026_too() -> None:
    on = date(2026, 2, 1)  # the 2026 disaster policy is in force
    assert rate_decision(Scheme.MICRO, as_of=on).outcome == D(6)
    # No subsidy is known for 2026: a caller's total rate of 16 % (as in 2023-2025).
    rules = _with(DEFAULT_RULES, "total_rates", date(2026, 1, 1), {Scheme.MICRO: ((None, D(16)),)})
    assert subsidy(Scheme.MICRO, as_of=on, rules=rules) == D(10)
    # The flag reaches the borrower rate: at 0 % the subsidy is the whole total.
    assert subsidy(Scheme.MICRO, as_of=on, disaster_area=True, rules=rules) == D(16)


def test_subsidy_takes_the_borrower_rate_from_the_callers_rules() -> None:
    # Tiering from September 2023: the second access still pays 6 % in August.
    late = KurRules.build(tiered_from=date(2023, 9, 1))
    assert subsidy(Scheme.MICRO, as_of=date(2023, 8, 31), access=2, rules=late) == D(10)
    assert subsidy(Scheme.MICRO, as_of=date(2023, 8, 31), access=2) == D(9)


def test_access_errors() -> None:
    with pytest.raises(ValidationError) as caught:
        rate(Scheme.MICRO, as_of=ON, access="x" * 60)  # type: ignore[arg-type]
    assert caught.value.codes == ("kur.access",)
    assert caught.value.problems[0].message == (
        f"the access number counts from 1, got '{'x' * 40}'\u2026"
    )
    with pytest.raises(ValidationError) as caught:
        rate(Scheme.MICRO, as_of=ON, access=10**16)
    assert (caught.value.codes, caught.value.paths) == (("number.too_large",), ("$.access",))


def test_rate_decision_names_a_junk_date() -> None:
    with pytest.raises(ValidationError) as caught:
        rate_decision(Scheme.MICRO, as_of="2024-05-01")  # type: ignore[arg-type]
    assert (caught.value.codes, caught.value.paths) == (("type.date",), ("$.as_of",))
    assert caught.value.problems[0].message.startswith("as_of must be a datetime.date, got str")


def test_an_exemption_from_a_single_rate_cites_no_exemption() -> None:
    # Super mikro has one rate: Pasal 38A changes nothing, so it is not cited.
    d = rate_decision(Scheme.SUPER_MICRO, as_of=date(2025, 6, 1), access=2, exempt_38a=True)
    assert (d.outcome, [r.name for r in d.regimes], d.tier_applied) == (
        D(3),
        ["permenko-1-2023"],
        False,
    )


def test_two_tiers_are_tiers() -> None:
    rules = _with(DEFAULT_RULES, "rates", date(2025, 1, 1), {Scheme.MICRO: (D(6), D(7))})
    second = rate_decision(Scheme.MICRO, as_of=date(2025, 6, 1), access=2, rules=rules)
    assert (second.outcome, second.tier_applied) == (D(7), True)
    exempt = rate_decision(
        Scheme.MICRO, as_of=date(2025, 6, 1), access=2, exempt_38a=True, rules=rules
    )
    assert (exempt.outcome, exempt.tier_applied) == (D(6), False)
    assert [r.name for r in exempt.regimes] == ["caller", "permenko-12-2025"]


def test_a_disaster_rate_equal_to_the_scheme_rate_is_not_cited() -> None:
    # From 2028 the disaster policy's rate is 6 %, the same as the flat 2026 rate.
    d = rate_decision(Scheme.MICRO, as_of=date(2028, 6, 1), disaster_area=True)
    assert d.outcome == D(6)
    assert [r.name for r in d.regimes] == ["permenko-1-2026"]
    assert "disaster_rate" not in d.finding("kur.rate").details
    assert d.finding("kur.rate").citation.instrument == "Permenko Perekonomian 1/2026"


def test_total_rate_by_plafond_in_a_callers_table() -> None:
    two_bands = {Scheme.MICRO: ((D(50_000_000), D(17)), (None, D(16)))}
    rules = _with(DEFAULT_RULES, "total_rates", date(2025, 1, 1), two_bands)
    on = date(2025, 6, 1)
    with pytest.raises(RuleInputError, match=r"^the KUR Mikro subsidy depends on the plafond"):
        total_rate(Scheme.MICRO, as_of=on, rules=rules)
    assert total_rate(Scheme.MICRO, as_of=on, plafond=50_000_000, rules=rules) == D(17)
    assert total_rate(Scheme.MICRO, as_of=on, plafond=50_000_001, rules=rules) == D(16)
    closed = {Scheme.MICRO: ((D(50_000_000), D(17)),)}
    rules = _with(DEFAULT_RULES, "total_rates", date(2025, 1, 1), closed)
    with pytest.raises(RuleInputError) as caught:
        total_rate(Scheme.MICRO, as_of=on, plafond=60_000_000, rules=rules)
    assert str(caught.value) == (
        "the kur.subsidy table in force on 2025-06-01 has no band for a KUR Mikro plafond of "
        "Rp60.000.000; its last band must be open (ceiling None)"
    )
