"""Merged field checks of the KUR and MSME entities report what each field's own check did.

``KurApplication``, ``Business`` and ``ExistingCredit`` check runs of fields
in one validator (with the common case inline) instead of one validator per
field. The oracle here is the old arrangement, rebuilt from the fields' own
checks: every check in field order on an instance whose fields are set
without any, then ``__attrs_post_init__``. Each field draws from good values,
the values at every bound (both sides) and junk; the constructor must accept
exactly what the oracle accepts, and refuse the rest with the same first
problem (code, path, both messages).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest

from _hypothesis_optional import given, settings, st
from koperasi_id._days import FIRST_DAY, LAST_DAY
from koperasi_id._numbers import MAX_MAGNITUDE
from koperasi_id.errors import ValidationError
from koperasi_id.identifiers import Nik, Npwp
from koperasi_id.kur import (
    Collectibility,
    CreditKind,
    ExistingCredit,
    KurApplication,
    Purpose,
    Scheme,
    Sector,
)
from koperasi_id.kur import _entities as kur_entities
from koperasi_id.money import non_negative_rupiah, optional_non_negative_rupiah
from koperasi_id.msme import Business
from koperasi_id.msme import _business as msme_business
from koperasi_id.msme._workforce import check_workers
from koperasi_id.schema import json_schema

Check = Callable[[Any, Any, Any], None]

NIK = Nik.parse("1871010101900001")
NPWP = Npwp.parse("01.234.567.4-123.000")  # synthetic
BUSINESS = Business(name="Usaha Sari", owner_nik=NIK, started_on=date(2019, 3, 1))


def _optional(check: Check) -> Check:
    def run(instance: object, attribute: object, value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    return run


def _workers(instance: object, attribute: object, value: object) -> None:
    if value is not None:
        check_workers(value)


_positive = attrs.validators.and_(non_negative_rupiah, kur_entities._above_zero)

#: Each class's checks before the merge, one per field, in field order.
ORACLE_CHECKS: dict[type, Sequence[tuple[str, Check]]] = {
    KurApplication: (
        ("borrower_nik", kur_entities._instance(Nik, "kur.nik_type")),
        ("npwp", kur_entities._optional_instance(Npwp, "kur.npwp_type")),
        ("business", kur_entities._instance(Business, "kur.business_type")),
        ("scheme", kur_entities._instance(Scheme, "kur.scheme_type")),
        ("plafond", _positive),
        ("tenor_months", kur_entities._whole(1)),
        ("purpose", kur_entities._instance(Purpose, "kur.purpose_type")),
        ("sector", kur_entities._instance(Sector, "kur.sector_type")),
        ("akad_date", kur_entities._date),
        ("access", kur_entities._whole(1, 1000)),
        ("contract_months", kur_entities._optional_whole(1)),
    ),
    Business: (
        ("name", msme_business._non_blank_name),
        ("owner_nik", msme_business._nik),
        ("started_on", msme_business._started_on),
        ("capital", _optional(non_negative_rupiah)),
        ("net_assets", _optional(non_negative_rupiah)),
        ("annual_sales", _optional(non_negative_rupiah)),
        ("workers", _workers),
    ),
    ExistingCredit: (
        ("kind", kur_entities._instance(CreditKind, "kur.credit_kind")),
        ("plafond", non_negative_rupiah),
        ("outstanding", non_negative_rupiah),
        ("collectibility", kur_entities._instance(Collectibility, "kur.collectibility")),
        ("scheme", kur_entities._optional_instance(Scheme, "kur.scheme_type")),
    ),
}

AMOUNTS = [
    Decimal(50_000_000),
    Decimal(0),
    Decimal("0.00"),
    Decimal("-0"),
    Decimal(1),
    Decimal("1.50"),
    Decimal("1E+3"),
    Decimal(MAX_MAGNITUDE),
    Decimal(MAX_MAGNITUDE + 1),
    Decimal(-1),
    Decimal("NaN"),
    Decimal("1.234"),
    1000,
    "1000",
]
WHOLES = [12, 0, 1, 2, 599, 600, 601, 999, 1000, 1001, -1, True, 1.0, "12", MAX_MAGNITUDE]
DAYS = [
    date(2024, 5, 2),
    FIRST_DAY,
    LAST_DAY,
    date(FIRST_DAY.year - 1, 12, 31),
    date(LAST_DAY.year + 1, 1, 1),
    datetime(2024, 5, 2),
    "2024-05-02",
]
JUNK = [None, "x", 7, NIK]

#: Values each field draws from: a good one first, the bounds, junk last.
POOLS: dict[type, Mapping[str, Sequence[Any]]] = {
    KurApplication: {
        "borrower_nik": [NIK, "1871010101900001", None],
        "npwp": [None, NPWP, "012345678901000"],
        "business": [BUSINESS, {"name": "x"}],
        "scheme": [Scheme.MICRO, Scheme.MIGRANT_WORKER, "mikro"],
        "plafond": AMOUNTS,
        "tenor_months": WHOLES,
        "purpose": [Purpose.WORKING_CAPITAL, "modal_kerja"],
        "sector": [Sector.TRADE, "perdagangan", None],
        "akad_date": DAYS,
        "access": WHOLES,
        "contract_months": [None, *WHOLES],
    },
    Business: {
        "name": ["Usaha Sari", " ", "", 7, None],
        "owner_nik": [NIK, "1871010101900001"],
        "started_on": DAYS,
        "capital": [None, *AMOUNTS],
        "net_assets": [None, *AMOUNTS],
        "annual_sales": [None, *AMOUNTS],
        "workers": [None, 1, 0, -1, True, 1.0, MAX_MAGNITUDE, MAX_MAGNITUDE + 1, 10**5000],
    },
    ExistingCredit: {
        "kind": [CreditKind.KUR, CreditKind.MORTGAGE, "kur"],
        "plafond": AMOUNTS,
        "outstanding": AMOUNTS,
        "collectibility": [Collectibility.CURRENT, "lancar", *JUNK],
        "scheme": [None, Scheme.MICRO, "mikro", *JUNK],
    },
}


def _problem(exc: Exception) -> Any:
    if isinstance(exc, ValidationError):
        return [(p.path, p.code, p.message, p.message_id) for p in exc.problems]
    return (type(exc).__name__, str(exc))


def _made(cls: type, values: Mapping[str, Any]) -> Any:
    try:
        return ("entity", cls(**values))
    except Exception as exc:  # noqa: BLE001 - compared with the oracle's
        return ("refused", _problem(exc))


def _oracle(cls: type, values: Mapping[str, Any]) -> Any:
    instance = object.__new__(cls)
    fields = attrs.fields(cls)
    for field in fields:
        object.__setattr__(instance, field.name, values.get(field.name, field.default))
    try:
        for name, check in ORACLE_CHECKS[cls]:
            check(instance, getattr(fields, name), getattr(instance, name))
        post_init = getattr(cls, "__attrs_post_init__", None)
        if post_init is not None:
            post_init(instance)
    except Exception as exc:  # noqa: BLE001 - compared with the constructor's
        return ("refused", _problem(exc))
    return ("entity", instance)


def _agree(cls: type, values: Mapping[str, Any]) -> tuple[str, Any]:
    made, oracle = _made(cls, values), _oracle(cls, values)
    assert made[0] == oracle[0], (values, made, oracle)
    if made[0] == "refused":
        assert made[1] == oracle[1], values
    return made


GOOD: dict[type, dict[str, Any]] = {
    cls: {name: pool[0] for name, pool in pools.items()} for cls, pools in POOLS.items()
}


@pytest.mark.parametrize("cls", list(POOLS))
def test_every_value_of_every_field_alone_gives_the_oracles_outcome(cls: type) -> None:
    outcomes = set()
    for name, pool in POOLS[cls].items():
        for value in pool:
            outcomes.add(_agree(cls, {**GOOD[cls], name: value})[0])
    assert outcomes == {"entity", "refused"}


@pytest.mark.parametrize("cls", list(POOLS))
def test_two_bad_fields_report_the_first_in_field_order(cls: type) -> None:
    # Every pair of fields, each with its pool's last value (a bad one): the
    # merged checks must keep the order in which the fields' own checks ran.
    names = list(POOLS[cls])
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            values = {**GOOD[cls], first: POOLS[cls][first][-1], second: POOLS[cls][second][-1]}
            _agree(cls, values)


@pytest.mark.parametrize(
    ("values", "code", "path"),
    [
        (
            {"borrower_nik": "1871010101900001", "plafond": Decimal(0)},
            "kur.nik_type",
            "$.borrower_nik",
        ),
        ({"scheme": "mikro", "plafond": Decimal(0)}, "kur.scheme_type", "$.scheme"),
        ({"plafond": Decimal("0.00"), "tenor_months": 0}, "kur.plafond_not_positive", "$.plafond"),
        ({"tenor_months": 601}, "kur.range", "$.tenor_months"),
        ({"tenor_months": True}, "kur.type_int", "$.tenor_months"),
        ({"sector": None, "access": 1001}, "kur.sector_type", "$.sector"),
        ({"akad_date": date(LAST_DAY.year + 1, 1, 1)}, "date.range", "$.akad_date"),
        ({"access": 1001}, "kur.range", "$.access"),
        ({"contract_months": 0}, "kur.range", "$.contract_months"),
        ({"contract_months": 12}, "kur.contract_months", "$.contract_months"),
    ],
)
def test_an_application_names_the_field_its_own_check_named(
    values: dict[str, Any], code: str, path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        KurApplication(**{**GOOD[KurApplication], **values})
    assert [(p.code, p.path) for p in caught.value.problems] == [(code, path)]


def test_the_bounds_of_the_merged_checks_are_accepted() -> None:
    last = {"tenor_months": 600, "access": 1000, "akad_date": LAST_DAY}
    first = {"tenor_months": 1, "access": 1, "akad_date": FIRST_DAY, "plafond": Decimal(1)}
    pmi = {"scheme": Scheme.MIGRANT_WORKER, "contract_months": 600}
    for values in (last, first, pmi, {**pmi, "contract_months": 1}):
        assert isinstance(KurApplication(**{**GOOD[KurApplication], **values}), KurApplication)
    assert Business(**{**GOOD[Business], "workers": MAX_MAGNITUDE}).workers == MAX_MAGNITUDE
    with pytest.raises(ValidationError) as caught:
        Business(**{**GOOD[Business], "workers": MAX_MAGNITUDE + 1})
    assert caught.value.problems[0].code == "number.too_large"


def test_a_business_checks_name_then_owner_then_start() -> None:
    for values, code in (
        ({"name": " ", "owner_nik": "1871010101900001"}, "msme.name_empty"),
        ({"owner_nik": "1871010101900001", "started_on": "2019-03-01"}, "msme.owner_nik_type"),
        ({"started_on": datetime(2019, 3, 1)}, "msme.date_type"),
    ):
        with pytest.raises(ValidationError) as caught:
            Business(**{**GOOD[Business], **values})
        assert caught.value.problems[0].code == code


def test_the_plafond_keeps_its_money_schema_and_its_links() -> None:
    # koperasi_id.schema reads money.py's validator from the field's links.
    validator = attrs.fields(KurApplication).plafond.validator
    assert validator._validators == (non_negative_rupiah, kur_entities._above_zero)  # type: ignore[union-attr]
    assert json_schema(KurApplication)["properties"]["plafond"]["pattern"]


@given(
    value=st.decimals(allow_nan=True, allow_infinity=True)
    | st.integers().map(Decimal)
    | st.integers(min_value=-(10**20), max_value=10**20).map(lambda n: Decimal(n).scaleb(-2))
)
@settings(max_examples=300, deadline=None)
def test_drawn_amounts_meet_the_same_verdict(value: Decimal) -> None:
    plafond = attrs.fields(KurApplication).plafond
    capital = attrs.fields(Business).capital
    for merged, separate, attribute in (
        (kur_entities._positive_rupiah, _positive, plafond),
        (optional_non_negative_rupiah, _optional(non_negative_rupiah), capital),
    ):
        verdicts = []
        for check in (merged, separate):
            try:
                check(None, attribute, value)
                verdicts.append(None)
            except Exception as exc:  # noqa: BLE001 - compared below
                verdicts.append(_problem(exc))
        assert verdicts[0] == verdicts[1], value


@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_drawn_field_values_meet_the_same_outcome(data: Any) -> None:
    cls = data.draw(st.sampled_from(list(POOLS)))
    values = {name: data.draw(st.sampled_from(pool)) for name, pool in POOLS[cls].items()}
    _agree(cls, values)
