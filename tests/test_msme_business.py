"""The Business entity: validation, serialization, classification."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.identifiers import Kbli, Nib, Nik
from koperasi_id.msme import (
    Business,
    BusinessSize,
    ConflictPolicy,
    Criterion,
    Purpose,
    classify_business,
)
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

NIK = "1871014101900002"


def _business(**changes: Any) -> Business:
    fields: dict[str, Any] = {
        "name": "Warung Bu Sari",
        "owner_nik": Nik.parse(NIK),
        "started_on": date(2019, 3, 1),
    }
    fields.update(changes)
    return Business(**fields)


def _full() -> Business:
    return _business(
        region=RegionCode.parse("18.71"),
        nib=Nib.parse("9120001234567"),
        kbli=Kbli.parse("56102"),
        capital=Decimal("250000000.50"),
        net_assets=Decimal("40000000"),
        annual_sales=Decimal("900000000"),
        workers=3,
    )


def test_minimal_business() -> None:
    b = _business()
    assert (b.capital, b.net_assets, b.annual_sales, b.workers) == (None, None, None, None)
    assert (b.region, b.nib, b.kbli) == (None, None, None)


def test_repr_masks_the_nik() -> None:
    assert NIK not in repr(_full())
    assert "187101******0002" in repr(_full())


@pytest.mark.parametrize("business", [_business(), _full()], ids=["minimal", "full"])
def test_round_trips(business: Business) -> None:
    data = to_dict(business)
    assert data["owner_nik"] == NIK
    assert from_dict(Business, data) == business
    assert from_json(Business, to_json(business)) == business


def test_wire_form() -> None:
    data = to_dict(_full())
    assert data["capital"] == "250000000.50"
    assert data["started_on"] == "2019-03-01"
    assert data["workers"] == 3


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "", "msme.name_empty"),
        ("name", "   ", "msme.name_empty"),
        ("name", 5, "msme.name_type"),
        ("capital", Decimal(-1), "money.negative"),
        ("net_assets", Decimal("-0.01"), "money.negative"),
        ("annual_sales", Decimal("NaN"), "money.not_finite"),
        ("capital", 1.5, "money.type"),
        ("annual_sales", Decimal("1.001"), "money.too_many_decimals"),
        ("workers", 0, "msme.workers_not_positive"),
        ("workers", -3, "msme.workers_not_positive"),
        ("workers", 10**15 + 1, "number.too_large"),
        pytest.param("workers", 10**5000, "number.too_large", id="workers-5000-digits"),
        ("capital", Decimal(10**15 + 1), "money.too_large"),
        ("capital", Decimal("-0"), "money.negative_zero"),
        ("workers", True, "msme.workers_type"),
        ("workers", 2.0, "msme.workers_type"),
        ("owner_nik", NIK, "msme.owner_nik_type"),
        ("started_on", "2019-03-01", "msme.date_type"),
        ("started_on", datetime(2019, 3, 1, 8), "msme.date_type"),
    ],
)
def test_invalid_fields_name_their_path(field: str, value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _business(**{field: value})
    assert caught.value.codes == (code,)
    assert caught.value.paths == (f"$.{field}",)
    assert NIK not in str(caught.value)


def test_evolve_is_validated_too() -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(_full(), capital=Decimal(-5))
    assert caught.value.codes == ("money.negative",)


@pytest.mark.parametrize(
    ("change", "path", "code"),
    [
        ({"capital": 1.5}, "$.capital", "type.float"),
        ({"capital": "-1"}, "$.capital", "money.negative"),
        ({"workers": "3"}, "$.workers", "type.int"),
        ({"workers": 0}, "$.workers", "msme.workers_not_positive"),
        ({"owner_nik": "123"}, "$.owner_nik", "nik.length"),
        ({"started_on": "2019-02-30"}, "$.started_on", "type.date"),
        ({"name": ""}, "$.name", "msme.name_empty"),
        ({"region": "99.99.99.99.99"}, "$.region", "region.syntax"),
    ],
)
def test_junk_on_the_wire_names_the_field(change: dict[str, object], path: str, code: str) -> None:
    data = to_dict(_full()) | change
    with pytest.raises(ValidationError) as caught:
        from_dict(Business, data)
    assert caught.value.paths == (path,)
    assert caught.value.codes == (code,)


def test_unknown_and_missing_keys_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        from_dict(Business, to_dict(_full()) | {"omzet": "1"})
    assert caught.value.codes == ("unknown_field",)
    data = to_dict(_full())
    del data["owner_nik"]
    with pytest.raises(ValidationError) as caught:
        from_dict(Business, data)
    assert caught.value.codes == ("missing",)


# -- classify_business ---------------------------------------------------------------


def test_classify_business_uses_the_figures_of_the_regime_in_force() -> None:
    b = _full()
    old = classify_business(b, as_of=date(2021, 2, 1))
    assert old.regime.name == "uu-20-2008"
    assert old.sizes == {
        Criterion.NET_ASSETS: BusinessSize.MICRO,
        Criterion.ANNUAL_SALES: BusinessSize.SMALL,
    }
    new = classify_business(b, as_of=date(2021, 2, 2), purpose=Purpose.REGISTRATION)
    assert new.regime.name == "pp-7-2021"
    assert (new.size, new.criterion) == (BusinessSize.MICRO, Criterion.CAPITAL)
    assert new.net_assets_size is None


def test_classify_business_passes_its_start_date() -> None:
    b = _business(capital=Decimal(1), started_on=date(2020, 1, 1))
    with pytest.raises(RuleInputError, match="started before 2021-02-02"):
        classify_business(b, as_of=date(2024, 1, 1), purpose=Purpose.SUPPORT)
    b2 = attrs.evolve(b, started_on=date(2022, 1, 1))
    assert classify_business(b2, as_of=date(2024, 1, 1), purpose=Purpose.SUPPORT).size is (
        BusinessSize.MICRO
    )


def test_classify_business_without_usable_figures() -> None:
    with pytest.raises(RuleInputError, match=r"it holds only capital"):
        classify_business(_business(capital=Decimal(1)), as_of=date(2020, 1, 1))
    with pytest.raises(RuleInputError, match=r"set capital or annual_sales$"):
        classify_business(_business(workers=2), as_of=date(2024, 1, 1))


def test_classify_business_refuses_junk() -> None:
    with pytest.raises(ValidationError, match="expected a Business") as caught:
        classify_business({"name": "x"}, as_of=date(2024, 1, 1))  # type: ignore[arg-type]
    assert caught.value.codes == ("type.object",)
    with pytest.raises(ValidationError) as caught:
        classify_business(_full(), as_of="2024-01-01")  # type: ignore[arg-type]
    assert caught.value.codes == ("type.date",)
    with pytest.raises(NoRuleInForceError) as caught:
        classify_business(_full(), as_of=date(2000, 1, 1))
    assert caught.value.table == "msme.size_criteria"


# --- what a mutation run of msme/_classify.py found untested (December 2026) -----------


def _sales_only_from_2030() -> Any:
    from koperasi_id.law import Citation, Confidence, Regime, Timeline  # noqa: PLC0415
    from koperasi_id.msme import SizeBands, SizeCriteria  # noqa: PLC0415

    bands = SizeBands(
        criterion=Criterion.ANNUAL_SALES,
        micro_max=Decimal(10),
        small_max=Decimal(20),
        medium_max=Decimal(30),
        citation=Citation("Perpres 99/2030", "Pasal 1"),
    )
    return Timeline(
        "custom",
        [
            Regime(
                name="perpres-99-2030",
                valid_from=date(2030, 1, 1),
                citation=Citation("Perpres 99/2030"),
                confidence=Confidence.LOW,
                value=SizeCriteria(bands=(bands,)),
            )
        ],
    )


def test_classify_business_passes_the_callers_rules_and_choices_on() -> None:
    rules = _sales_only_from_2030()
    sales = _business(annual_sales=Decimal(15))
    assert classify_business(sales, as_of=date(2030, 1, 1), rules=rules).size is BusinessSize.SMALL
    both = _business(capital=Decimal(800_000_000), annual_sales=Decimal(3_000_000_000))
    assert classify_business(both, as_of=date(2024, 5, 1)).size is BusinessSize.MICRO
    higher = classify_business(both, as_of=date(2024, 5, 1), policy=ConflictPolicy.HIGHER)
    assert higher.size is BusinessSize.SMALL
    with pytest.raises(RuleInputError) as caught:
        classify_business(both, as_of=date(2024, 5, 1), excludes_land_and_buildings=False)
    assert str(caught.value) == (
        "business capital must exclude the land and buildings of the business premises "
        "('tidak termasuk tanah dan bangunan tempat usaha', PP 7/2021 Pasal 35 ayat (3)); "
        "subtract their value and pass excludes_land_and_buildings=True"
    )


def test_classify_business_names_what_the_business_holds() -> None:
    held = _business(capital=Decimal(1), net_assets=Decimal(2))
    with pytest.raises(RuleInputError) as caught:
        classify_business(held, as_of=date(2030, 1, 1), rules=_sales_only_from_2030())
    assert str(caught.value) == (
        "the business has no figure the rule in force on 2030-01-01 uses: set annual_sales "
        "(it holds only capital, net_assets)"
    )


def test_classify_business_junk() -> None:
    with pytest.raises(ValidationError) as caught:
        classify_business(_business(annual_sales=Decimal(1)), as_of="2024-05-01")  # type: ignore[arg-type]
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.as_of", "type.date")]
    with pytest.raises(ValidationError) as caught:
        classify_business(1, as_of=date(2024, 5, 1))  # type: ignore[arg-type]
    assert [(p.path, p.code, p.message) for p in caught.value.problems] == [
        ("$", "type.object", "expected a Business, got int")
    ]
