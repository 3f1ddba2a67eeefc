"""Property tests for MSME classification and the Business entity."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

hypothesis = pytest.importorskip("hypothesis")

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from koperasi_id.errors import RuleInputError  # noqa: E402
from koperasi_id.identifiers import Kbli, Nib, Nik  # noqa: E402
from koperasi_id.msme import (  # noqa: E402
    PP_7_2021_IN_FORCE,
    SIZE_CRITERIA,
    Business,
    BusinessSize,
    ConflictPolicy,
    Criterion,
    Purpose,
    classify,
    classify_business,
    classify_workforce,
    is_umk_for_oss,
)
from koperasi_id.regions import RegionCode  # noqa: E402
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json  # noqa: E402

FIRST_DAY = date(2008, 7, 4)
UU_DATES = st.dates(min_value=FIRST_DAY, max_value=date(2021, 2, 1))
PP_DATES = st.dates(min_value=PP_7_2021_IN_FORCE, max_value=date(2100, 12, 31))
ANY_DATE = st.dates(min_value=FIRST_DAY, max_value=date(2100, 12, 31))

# Amounts cluster around the ceilings so boundaries are hit often.
_CEILINGS = sorted(
    {
        ceiling
        for regime in SIZE_CRITERIA
        for bands in regime.value.bands
        for ceiling in (bands.micro_max, bands.small_max, bands.medium_max)
    }
)
amounts = st.one_of(
    st.integers(min_value=0, max_value=10**14).map(Decimal),
    st.decimals(min_value=0, max_value=Decimal("1e14"), places=2, allow_nan=False),
    st.builds(
        lambda c, d: max(Decimal(0), c + d),
        st.sampled_from(_CEILINGS),
        st.integers(min_value=-2, max_value=2).map(Decimal),
    ),
)
policies = st.sampled_from(ConflictPolicy)
purposes = st.none() | st.sampled_from(Purpose)


def _used(as_of: date) -> tuple[Criterion, ...]:
    return SIZE_CRITERIA.at(as_of).value.criteria


@given(as_of=ANY_DATE, a=amounts, b=amounts, data=st.data())
def test_size_is_monotone_in_each_figure(
    as_of: date, a: Decimal, b: Decimal, data: st.DataObject
) -> None:
    criterion = data.draw(st.sampled_from(_used(as_of)))
    low, high = sorted((a, b))
    small = classify(as_of=as_of, **{criterion.argument: low}).size
    large = classify(as_of=as_of, **{criterion.argument: high}).size
    assert small <= large


@given(as_of=ANY_DATE, a=amounts, b=amounts, bump=amounts, policy=policies, purpose=purposes)
def test_size_is_monotone_with_two_figures(
    as_of: date,
    a: Decimal,
    b: Decimal,
    bump: Decimal,
    policy: ConflictPolicy,
    purpose: Purpose | None,
) -> None:
    first, second = _used(as_of)
    base = {first.argument: a, second.argument: b}
    raised = {first.argument: a + bump, second.argument: b}
    kwargs = {
        "as_of": as_of,
        "policy": policy,
        "purpose": purpose,
        "started_on": PP_7_2021_IN_FORCE,
    }
    assert classify(**base, **kwargs).size <= classify(**raised, **kwargs).size


@given(as_of=ANY_DATE, amount=amounts)
def test_every_date_picks_the_right_regime(as_of: date, amount: Decimal) -> None:
    d = classify(as_of=as_of, annual_sales=amount)
    expected = "pp-7-2021" if as_of >= PP_7_2021_IN_FORCE else "uu-20-2008"
    assert d.regime.name == expected
    assert d.regime.valid_from <= as_of
    assert d.regime.valid_to is None or as_of <= d.regime.valid_to


@given(
    as_of=ANY_DATE,
    figures=st.fixed_dictionaries({}, optional=dict.fromkeys(Criterion, amounts)),
    policy=policies,
    purpose=purposes,
    started_on=st.none() | ANY_DATE,
)
def test_classify_always_cites_its_law_or_says_what_to_pass(
    as_of: date,
    figures: dict[Criterion, Decimal],
    policy: ConflictPolicy,
    purpose: Purpose | None,
    started_on: date | None,
) -> None:
    kwargs = {c.argument: v for c, v in figures.items()}
    try:
        d = classify(as_of=as_of, policy=policy, purpose=purpose, started_on=started_on, **kwargs)
    except RuleInputError as err:
        refused: RuleInputError | None = err
    else:
        refused = None
    if refused is not None:
        # Refusals always say what to pass instead.
        assert "pass " in str(refused)
        return
    assert d.citations
    assert all(f.citation.instrument for f in d.findings)
    assert d.regimes
    assert d.criterion in figures
    assert d.size is d.sizes[d.criterion]
    assert d.conflict == (len(set(d.sizes.values())) > 1)
    if d.conflict:
        assert "msme.size.conflict" in d.codes
    assert min(d.sizes.values()) <= d.size <= max(d.sizes.values())


@given(as_of=PP_DATES, a=amounts, b=amounts)
def test_higher_and_lower_policies_bracket_the_default(as_of: date, a: Decimal, b: Decimal) -> None:
    args = {"as_of": as_of, "capital": a, "annual_sales": b}
    low = classify(policy=ConflictPolicy.LOWER, **args).size
    high = classify(policy=ConflictPolicy.HIGHER, **args).size
    for purpose in (None, *Purpose):
        assert low <= classify(purpose=purpose, started_on=as_of, **args).size <= high


@given(as_of=PP_DATES, capital=amounts)
def test_oss_umk_is_micro_or_small(as_of: date, capital: Decimal) -> None:
    size = classify(as_of=as_of, capital=capital).size
    assert is_umk_for_oss(capital, as_of=as_of) == size.is_umk


@given(workers=st.integers(min_value=1, max_value=10**6), extra=st.integers(0, 1000))
def test_workforce_is_monotone(workers: int, extra: int) -> None:
    order = ["mikro", "kecil", "sedang", "besar"]
    before = order.index(classify_workforce(workers).outcome.value)
    after = order.index(classify_workforce(workers + extra).outcome.value)
    assert before <= after


# -- Business round-trips -------------------------------------------------------------


@st.composite
def niks(draw: st.DrawFn) -> Nik:
    regency = draw(st.sampled_from(["1871", "1872", "1801", "1813"]))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    month = draw(st.integers(1, 12))
    year = draw(st.integers(0, 99))
    serial = draw(st.integers(1, 9999))
    return Nik.parse(f"{regency}01{day:02d}{month:02d}{year:02d}{serial:04d}")


optional_amounts = st.none() | amounts
# Real KBLI 2020 codes: maize farming, bakery, minimarket retail, restaurant, food stall.
KBLI_CODES = ["01111", "10710", "47111", "56101", "56102"]
names = st.text(min_size=1, max_size=40).filter(str.strip)
businesses = st.builds(
    Business,
    name=names,
    owner_nik=niks(),
    started_on=st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    region=st.none() | st.sampled_from(["18", "18.71", "18.01", "18.72"]).map(RegionCode.parse),
    nib=st.none() | st.from_regex(r"[0-9]{13}", fullmatch=True).filter(Nib.is_valid).map(Nib.parse),
    kbli=st.none() | st.sampled_from(KBLI_CODES).map(Kbli.parse),
    capital=optional_amounts,
    net_assets=optional_amounts,
    annual_sales=optional_amounts,
    workers=st.none() | st.integers(min_value=1, max_value=10**6),
)


@given(businesses)
def test_business_round_trips_through_dict_and_json(business: Business) -> None:
    assert from_dict(Business, to_dict(business)) == business
    assert from_json(Business, to_json(business)) == business
    assert str(business.owner_nik) not in repr(business)


@given(businesses, ANY_DATE, purposes)
def test_classify_business_agrees_with_classify(
    business: Business, as_of: date, purpose: Purpose | None
) -> None:
    figures = {c.argument: getattr(business, c.argument) for c in _used(as_of)}
    try:
        expected = classify(as_of=as_of, purpose=purpose, started_on=business.started_on, **figures)
    except RuleInputError as err:
        refused = str(err)
    else:
        refused = ""
    if refused:
        with pytest.raises(RuleInputError) as caught:
            classify_business(business, as_of=as_of, purpose=purpose)
        # The same refusal, or (no figure at all) the one that names the business's figures.
        assert str(caught.value) == refused or (
            refused.startswith("no figure to classify by")
            and str(caught.value).startswith(
                f"the business has no figure the rule in force on {as_of.isoformat()} uses: "
            )
        )
        return
    assert classify_business(business, as_of=as_of, purpose=purpose) == expected
    assert isinstance(expected.size, BusinessSize)
