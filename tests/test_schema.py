"""The generated JSON Schema and the converter agree, in both directions.

- every wire dict the strategies draw (entities, and the decisions and
  results computed from them) validates against its schema;
- damaged documents (a required key dropped, an unknown key added, a value of
  a type the schema does not allow, a string that breaks its pattern) are
  invalid for the schema *and* refused by ``from_dict``;
- a document the schema accepts but ``from_dict`` refuses is refused only for
  rules the schema lists in its ``description`` (``__cross_field_rules__``) or
  for a value type's own checks (codes ``<kind>.*``); documents drawn from the
  schema itself (drawn by a small generator from the schema) check this too.

Example counts: 40 per type for the strategy-drawn properties (15 for
cooperatives, 10 for the registry summary, 30 for schedules: they draw whole
histories), 20 for schema-drawn documents and for documents with schema-drawn
values (12 values replaced, one at a time, per document).
"""

from __future__ import annotations

import copy
import enum
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import pytest

# Its property tests draw from koperasi_id.strategies and its example tests need
# jsonschema (the test extra): without hypothesis, the whole module skips.
pytest.importorskip("hypothesis")
import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koperasi_id import bpum, cooperatives, kur, msme, regions
from koperasi_id._values import ValueType
from koperasi_id.decisions import Finding
from koperasi_id.errors import KoperasiIdError, Problem, ValidationError
from koperasi_id.law import Citation, RegimeRef, RuleInfo, Timeline, history, registered_rules
from koperasi_id.schema import (
    SchemaError,
    components,
    cross_field_rules,
    json_schema,
    public_types,
    schema_key,
)
from koperasi_id.serialization import from_dict, to_dict
from koperasi_id.strategies import (
    TYPE_STRATEGIES,
    bpum_proposals,
    businesses,
    kur_applications,
    kur_loans,
    savings_loan_profiles,
)
from koperasi_id.strategies import cooperatives as cooperative_objects

# A test dependency only (the "test" extra); the library never imports it.
jsonschema = pytest.importorskip("jsonschema")

AS_OF = date(2025, 1, 1)

#: Decisions and results, drawn by running the rules on drawn entities.
RESULTS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    kur.Schedule: lambda: kur_loans().map(lambda loan: loan.schedule()),
    kur.KurAssessment: lambda: kur_applications().map(kur.assess),
    bpum.BpumAssessment: lambda: bpum_proposals(year=2021).map(lambda p: bpum.assess(p, year=2021)),
    msme.SizeDecision: lambda: businesses(as_of=AS_OF).map(
        lambda b: msme.classify_business(b, as_of=AS_OF)
    ),
    cooperatives.ActivityDecision: lambda: cooperative_objects(as_of=AS_OF).map(
        lambda c: cooperatives.activity_status(c, as_of=AS_OF)
    ),
    cooperatives.RegistrySummary: lambda: st.lists(
        cooperative_objects(as_of=AS_OF), max_size=3
    ).map(lambda cs: cooperatives.summarize(cs, as_of=AS_OF)),
}


def _answers(inputs: st.SearchStrategy[Any], rule: Callable[[Any], Any]) -> st.SearchStrategy[Any]:
    """What ``rule`` answers for drawn inputs; inputs it refuses (no regime in force) are skipped."""

    def answer(value: Any) -> Any:
        try:
            return rule(value)
        except KoperasiIdError:
            return None

    return inputs.map(answer).filter(lambda found: found is not None)


def _found_in(value: Any, cls: type, out: list[Any] | None = None) -> list[Any]:
    """Every instance of ``cls`` inside ``value`` (fields, tuples, dicts, timelines)."""
    out = [] if out is None else out
    if isinstance(value, cls):
        out.append(value)
    if isinstance(value, Timeline):
        for regime in value.regimes:
            _found_in(regime.value, cls, out)
            _found_in(regime.ref, cls, out)
    elif attrs.has(type(value)) and not isinstance(value, type | ValueType):
        for field in attrs.fields(type(value)):
            _found_in(getattr(value, field.name), cls, out)
    elif isinstance(value, tuple | list | frozenset):
        for item in value:
            _found_in(item, cls, out)
    elif isinstance(value, Mapping):
        for item in value.values():
            _found_in(item, cls, out)
    return out


def _parts(parents: st.SearchStrategy[Any], cls: type) -> st.SearchStrategy[Any]:
    return parents.map(lambda v: _found_in(v, cls)).filter(bool).flatmap(st.sampled_from)


#: The law as shipped: every rule value its public timelines hold.
LAW = st.sampled_from(
    [
        getattr(module, name)
        for module in (bpum, cooperatives, kur, msme)
        for name in module.__all__
        if isinstance(getattr(module, name), Timeline | kur.KurRules)
    ]
)
DAYS = st.dates(date(2008, 1, 1), date(2030, 12, 31))


def _days_of(rule_id: str) -> st.SearchStrategy[date]:
    """Days from the rule's first regime: drawn days before it are all refused,
    and a rule that starts late (2026) would leave too few draws to test."""
    return st.dates(history(rule_id).regimes[0].valid_from, date(2030, 12, 31))


SAMPLE_DAYS = st.sampled_from([date(2016, 1, 1), date(2021, 6, 1), AS_OF, date(2026, 6, 1)])
COOPERATIVES = functools.partial(cooperative_objects, as_of=AS_OF)
RESULTS.update(
    {
        kur.RateDecision: lambda: _answers(
            st.tuples(st.sampled_from(list(kur.Scheme)), DAYS),
            lambda t: kur.rate_decision(t[0], as_of=t[1]),
        ),
        kur.RateComponents: lambda: _answers(
            kur_loans(),
            lambda loan: kur.rate_components(
                loan.scheme, akad_date=loan.akad_date, period_start=loan.akad_date
            ),
        ),
        msme.OssScaleDecision: lambda: _answers(
            st.tuples(st.decimals(0, 10**13, places=2), _days_of("msme.oss_scale")),
            lambda t: msme.oss_scale(t[0], as_of=t[1]),
        ),
        msme.SectorDecision: lambda: _answers(
            st.tuples(st.decimals(0, 10**13, places=2), _days_of("msme.sector.kur_omzet")),
            lambda t: msme.KUR_2026_OMZET.check(t[0], as_of=t[1]),
        ),
        msme.WorkforceDecision: lambda: st.integers(1, 10**6).map(msme.classify_workforce),
        msme.ClassificationSummary: lambda: businesses(as_of=AS_OF).map(
            lambda b: _summary_of(msme.classification_row(1, b, as_of=AS_OF))
        ),
        cooperatives.HealthDecision: lambda: _answers(
            st.tuples(st.decimals(0, 100, places=2), _days_of("cooperatives.health_scale")),
            lambda t: cooperatives.health_grade(t[0], as_of=t[1]),
        ),
        cooperatives.SupervisionDecision: lambda: _answers(
            st.tuples(
                st.sampled_from(list(cooperatives.MembershipArea)),
                _days_of("cooperatives.supervision"),
            ),
            lambda t: cooperatives.supervising_level(t[0], as_of=t[1]),
        ),
        cooperatives.SavingsLoanDecision: lambda: _answers(
            st.tuples(
                savings_loan_profiles(), st.sampled_from(list(cooperatives.MembershipArea)), DAYS
            ),
            lambda t: cooperatives.savings_loan_regulator(t[0], membership_area=t[1], as_of=t[2]),
        ),
        cooperatives.CapitalDecision: lambda: _answers(
            st.tuples(
                st.sampled_from(list(cooperatives.CooperativeForm)),
                st.sampled_from(list(cooperatives.MembershipArea)),
                st.decimals(0, 10**11, places=2),
                DAYS,
            ),
            lambda t: cooperatives.check_startup_capital(
                form=t[0], membership_area=t[1], capital=t[2], as_of=t[3]
            ),
        ),
        cooperatives.RatDecision: lambda: _answers(
            st.tuples(COOPERATIVES(), st.integers(2015, 2024)),
            lambda t: cooperatives.check_rat(t[0], t[1], as_of=AS_OF),
        ),
        cooperatives.DissolutionGroundsDecision: lambda: _answers(
            COOPERATIVES(), lambda c: cooperatives.dissolution_grounds(c, as_of=AS_OF)
        ),
        cooperatives.DissolutionTimeline: lambda: _answers(
            st.tuples(DAYS, st.integers(0, 400), st.booleans()),
            lambda t: cooperatives.dissolution_timeline(
                t[0],
                objection_received_on=t[0] + timedelta(days=t[1]) if t[2] else None,
                creditors_notified_on=t[0] + timedelta(days=t[1]) if not t[2] else None,
            ),
        ),
        bpum.ScreeningResult: lambda: st.lists(
            bpum_proposals(year=2021), min_size=1, max_size=3
        ).flatmap(lambda ps: st.sampled_from(list(bpum.screen(ps, year=2021)))),
        bpum.ScreeningSummary: lambda: st.lists(bpum_proposals(year=2021), max_size=3).map(
            _screening_summary
        ),
    }
)
#: Law data: the rule values the shipped timelines hold, and the registered rules.
LAW_DATA: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    cls: functools.partial(_parts, LAW, cls)
    for cls in (
        bpum.Programme,
        bpum.ProposalWindow,
        cooperatives.ActivityRule,
        cooperatives.DissolutionGroundRule,
        cooperatives.DissolutionPeriod,
        cooperatives.DissolutionPeriods,
        cooperatives.FounderMinimums,
        cooperatives.HealthScale,
        cooperatives.LoopRules,
        cooperatives.MerahPutihRules,
        cooperatives.MultiStakeholderRules,
        cooperatives.StartupCapitalRules,
        kur.AccessLimit,
        kur.PlafondBand,
        kur.TenorLimit,
        msme.OssScaleRule,
        msme.PurposeRule,
        msme.SizeBands,
        msme.SizeCriteria,
        msme.WorkforceBands,
        Citation,
        RegimeRef,
    )
}
LAW_DATA[msme.WorkforceBands] = lambda: st.just(msme.BPS_WORKFORCE_BANDS)
LAW_DATA[RuleInfo] = lambda: st.sampled_from([rule.info for rule in registered_rules()])
LAW_DATA[regions.Province] = lambda: st.sampled_from(regions.PROVINCES)
LAW_DATA[regions.Region] = lambda: st.sampled_from(
    [r for r in map(regions.lookup, ("11", "1101", "3171", "317101")) if r is not None]
)
#: Parts of results: drawn inside the result that holds them.
PARTS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Finding: lambda: _parts(RESULTS[kur.KurAssessment](), Finding),
    kur.Instalment: lambda: _parts(RESULTS[kur.Schedule](), kur.Instalment),
    cooperatives.Deadline: lambda: _parts(
        RESULTS[cooperatives.DissolutionTimeline](), cooperatives.Deadline
    ),
    cooperatives.Breakdown: lambda: _parts(
        RESULTS[cooperatives.RegistrySummary](), cooperatives.Breakdown
    ),
    cooperatives.GroupCount: lambda: _parts(
        RESULTS[cooperatives.RegistrySummary](), cooperatives.GroupCount
    ),
    Problem: lambda: st.sampled_from(_junk_problems()),
}


def _summary_of(row: dict[str, Any]) -> msme.ClassificationSummary:
    summary = msme.ClassificationSummary(as_of=AS_OF)
    summary.add(row)
    return summary


def _screening_summary(proposals: list[Any]) -> bpum.ScreeningSummary:
    summary = bpum.ScreeningSummary(year=2021)
    for result in bpum.screen(proposals, year=2021):
        summary.add(result)
    return summary


@functools.cache
def _junk_problems() -> tuple[Problem, ...]:
    try:
        from_dict(msme.Business, {"name": 7, "owner_nik": "x", "extra": 1})
    except ValidationError as err:
        return err.problems
    raise AssertionError("junk was accepted")


STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    **TYPE_STRATEGIES,
    **RESULTS,
    **LAW_DATA,
    **PARTS,
}
TYPES = sorted(STRATEGIES, key=schema_key)
SLOW = {cooperatives.Cooperative: 15, cooperatives.RegistrySummary: 10, kur.Schedule: 30}
EXAMPLES = 40
#: Documents drawn from the schema: mostly refused early by a value type's checks.
DRAWN = 20
KEYS = {schema_key(t): t for t in public_types()}


def _validator(schema: dict[str, Any]) -> Any:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@functools.cache
def _explained(cls: type) -> tuple[frozenset[str], tuple[str, ...]]:
    """Problem codes the schema of ``cls`` lists, and the value types' code prefixes.

    A value type checks more than its pattern (a NIK's birth date, an NPWP's
    checksum); its codes start with its ``kind`` or with the kind of the
    identifier it embeds (an NPWP16 or a NITKU is built on a NIK).
    """
    schema = json_schema(cls)
    reachable = [cls, *(KEYS[k] for k in schema.get("$defs", {}))]
    codes = frozenset(code for t in reachable for code in cross_field_rules(t))
    prefixes = tuple(
        f"{t.kind}." for t in KEYS.values() if isinstance(t, type) and issubclass(t, ValueType)
    )
    return codes, prefixes


# --- the schema itself -------------------------------------------------------


def test_every_public_type_has_a_valid_draft_2020_12_schema() -> None:
    types = public_types()
    assert set(STRATEGIES) <= set(types)
    for cls in types:
        jsonschema.Draft202012Validator.check_schema(json_schema(cls))


def test_components_hold_every_public_type_with_component_refs() -> None:
    schemas = components()["schemas"]
    assert {schema_key(t) for t in public_types()} <= set(schemas)
    text = repr(schemas)
    assert "#/$defs/" not in text
    assert "'#/components/schemas/cooperatives.RatRecord'" in text


def test_a_type_with_no_wire_form_is_refused() -> None:
    with pytest.raises(SchemaError, match=r"has no wire form$"):
        json_schema(kur.KurRules)
    with pytest.raises(SchemaError, match="expected a class, got a list"):
        json_schema([[1]])  # type: ignore[arg-type]
    assert kur.KurRules not in public_types()


def test_objects_are_closed_and_required_fields_are_the_ones_without_defaults() -> None:
    schema = json_schema(cooperatives.RatRecord)
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["fiscal_year", "held_on"]
    assert schema["properties"]["held_on"]["anyOf"][1] == {"type": "null"}
    assert schema["properties"]["held_on"]["anyOf"][0]["format"] == "date"
    assert "rat.reported_not_held" in schema["description"]


def test_nested_lists_refer_to_defs() -> None:
    schema = json_schema(cooperatives.Cooperative)
    assert schema["properties"]["rat_records"]["items"] == {
        "$ref": "#/$defs/cooperatives.RatRecord"
    }
    assert schema["$defs"]["cooperatives.RatRecord"]["additionalProperties"] is False


def test_enums_carry_wire_values_and_both_labels() -> None:
    schema = json_schema(kur.Scheme)
    assert schema["enum"] == [s.value for s in kur.Scheme]
    micro = next(c for c in schema["oneOf"] if c["const"] == kur.Scheme.MICRO.value)
    assert micro["title"] == kur.Scheme.MICRO.label
    assert micro["description"] == "micro"


def test_money_bounds_come_from_the_money_module() -> None:
    money_schema = json_schema(msme.Business)["properties"]["capital"]["anyOf"][0]
    check = _validator(money_schema)
    assert check.is_valid("1234567.89")
    assert check.is_valid(250)
    assert not check.is_valid("1.234")  # three places
    assert not check.is_valid("-1")
    assert not check.is_valid(-1)
    assert not check.is_valid("1e3")


@pytest.mark.parametrize(
    ("cls", "field"),
    [
        (kur.KurApplication, "plafond"),
        (kur.KurLoan, "plafond"),
        (kur.ExistingCredit, "outstanding"),
        (cooperatives.SavingsLoanProfile, "bank_funding"),
    ],
)
def test_amounts_checked_as_rupiah_have_the_money_schema(cls: type, field: str) -> None:
    # A plafond's validator chains money.py's check with "above zero".
    prop = json_schema(cls)["properties"][field]
    assert (
        prop["pattern"]
        == json_schema(msme.Business)["properties"]["capital"]["anyOf"][0]["pattern"]
    )
    assert not _validator(prop).is_valid("1.234")


def test_same_class_names_in_two_modules_do_not_collide() -> None:
    assert schema_key(kur.Purpose) != schema_key(msme.Purpose)
    both = components([kur.Purpose, msme.Purpose])["schemas"]
    assert {"kur.Purpose", "msme.Purpose"} <= set(both)


def test_schedule_totals_are_read_only_properties() -> None:
    props = json_schema(kur.Schedule)["properties"]
    for name in ("total_principal", "total_interest", "total_payment", "flat_rate_equivalent"):
        assert props[name]["readOnly"] is True


# --- wire dicts validate -----------------------------------------------------


def _draws(cls: type) -> Any:
    return settings(
        max_examples=SLOW.get(cls, EXAMPLES),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@pytest.mark.parametrize("cls", TYPES, ids=schema_key)
def test_every_wire_dict_validates_and_round_trips(cls: type) -> None:
    check = _validator(json_schema(cls))

    @_draws(cls)
    @given(STRATEGIES[cls]())
    def run(value: Any) -> None:
        wire = to_dict(value)
        errors = [e.message for e in check.iter_errors(wire)]
        assert not errors
        assert from_dict(cls, wire) == value

    run()


# --- damaged documents are refused by both -----------------------------------


def _resolve(root: dict[str, Any], node: dict[str, Any], value: Any) -> dict[str, Any]:
    while True:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            node = next(n for n in node["anyOf"] if n != {"type": "null"})
            if value is None:
                return {"type": "null"}
        else:
            return node


def _nodes(
    root: dict[str, Any], node: dict[str, Any], value: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], Any, dict[str, Any]]]:
    """Every (path, value, schema there) of a document; the schema as written, refs and all."""
    yield path, value, node
    node = _resolve(root, node, value)
    if isinstance(value, dict) and "properties" in node:
        for key, item in value.items():
            yield from _nodes(root, node["properties"][key], item, (*path, key))
    elif isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            yield from _nodes(root, node["items"], item, (*path, index))


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    out = copy.deepcopy(doc)
    target = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        doc = doc[step]
    return doc


#: Values of every JSON type; a float with a fraction is never an integer.
WRONG = [True, 7, 1.5, "x", [], {}, None]


@st.composite
def _damaged(draw: st.DrawFn, cls: type, schema: dict[str, Any]) -> tuple[str, Any, str]:
    wire = to_dict(draw(STRATEGIES[cls]()))
    nodes = list(_nodes(schema, schema, wire))
    path, value, node = draw(st.sampled_from(nodes))
    objects = [
        (p, v, n)
        for p, v, n in ((p, v, _resolve(schema, n, v)) for p, v, n in nodes)
        if isinstance(v, dict) and "properties" in n
    ]
    action = draw(st.sampled_from(["drop", "add", "type", "pattern"]))
    if action == "drop" and objects:
        p, v, n = draw(st.sampled_from(objects))
        present = [k for k in n["required"] if k in v]
        if present:
            key = draw(st.sampled_from(present))
            return "missing", _set(wire, p, {k: x for k, x in v.items() if k != key}), key
    if action == "add" and objects:
        p, v, _ = draw(st.sampled_from(objects))
        key = draw(st.sampled_from(["extra", "catatan", "Name", "nik "]))
        return "unknown_field", _set(wire, p, {**v, key: "x"}), key
    pattern = _resolve(schema, node, value).get("pattern")
    if action == "pattern" and isinstance(value, str) and pattern:
        return "pattern", _set(wire, path, value + "\u2603"), ""
    check = _validator({**node, "$defs": schema.get("$defs", {})})
    wrong = [w for w in WRONG if not check.is_valid(w)]
    if wrong:
        return "type", _set(wire, path, draw(st.sampled_from(wrong))), ""
    return "none", wire, ""


@pytest.mark.parametrize("cls", TYPES, ids=schema_key)
def test_documents_the_schema_refuses_are_refused_by_from_dict(cls: type) -> None:
    schema = json_schema(cls)
    check = _validator(schema)

    @_draws(cls)
    @given(_damaged(cls, schema))
    def run(damage: tuple[str, Any, str]) -> None:
        kind, doc, key = damage
        if kind == "none":
            return
        assert not check.is_valid(doc), kind
        with pytest.raises(ValidationError) as refused:
            from_dict(cls, doc)
        codes = {p.code for p in refused.value.problems}
        if kind == "missing":
            assert "missing" in codes
            assert any(p.path.endswith(f".{key}") for p in refused.value.problems)
        elif kind == "unknown_field":
            assert "unknown_field" in codes

    run()


def _accepted_or_explained(cls: type, doc: Any) -> None:
    codes, prefixes = _explained(cls)
    try:
        accepted = from_dict(cls, doc)
    except ValidationError as refused:
        unexplained = [
            (p.code, p.path)
            for p in refused.problems
            if p.code not in codes and not p.code.startswith(prefixes)
        ]
        assert not unexplained, f"refused for rules the schema does not list: {unexplained}"
    else:
        assert isinstance(accepted, cls)


@pytest.mark.parametrize("cls", TYPES, ids=schema_key)
def test_schema_valid_edits_are_accepted_or_refused_for_a_listed_rule(cls: type) -> None:
    """Swap one value for another the schema allows there (taken from another draw)."""
    schema = json_schema(cls)
    check = _validator(schema)

    @_draws(cls)
    @given(STRATEGIES[cls](), STRATEGIES[cls](), st.data())
    def run(first: Any, second: Any, data: st.DataObject) -> None:
        a, b = to_dict(first), to_dict(second)
        paths = [p for p, _, _ in _nodes(schema, schema, a) if p]
        if not paths:
            return
        path = data.draw(st.sampled_from(paths))
        try:
            donor = _at(b, path)
        except (KeyError, IndexError, TypeError):
            return
        doc = _set(a, path, donor)
        if check.is_valid(doc):
            _accepted_or_explained(cls, doc)

    run()


# --- documents drawn from the schema itself ----------------------------------
# hypothesis-jsonschema does not run with current Hypothesis; this draws from
# the keywords the generator emits (and fails loudly on any other).


def _from_schema(root: dict[str, Any], node: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "$ref" in node:
        key = node["$ref"].rsplit("/", 1)[1]
        return st.deferred(lambda: _from_schema(root, root["$defs"][key]))
    if "anyOf" in node:
        return st.one_of([_from_schema(root, n) for n in node["anyOf"]])
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kinds = node.get("type")
    if kinds == "object" and "properties" in node:
        props = node["properties"]
        required = {k: _from_schema(root, props[k]) for k in node["required"]}
        optional = {
            k: _from_schema(root, v)
            for k, v in props.items()
            if k not in required and not v.get("readOnly")
        }
        return st.fixed_dictionaries(required, optional=optional)
    if kinds == "object":
        names = node.get("propertyNames", {}).get("enum")
        return st.dictionaries(
            st.text(max_size=5) if names is None else st.sampled_from(names),
            _from_schema(root, node["additionalProperties"]),
        )
    if kinds == "array":
        least = node.get("minItems", 0)
        return st.lists(_from_schema(root, node["items"]), min_size=least, max_size=least + 2)
    if kinds == "null":
        return st.none()
    if kinds == "boolean":
        return st.booleans()
    if kinds == "integer":
        # Around zero (counts, months) and around the years fields hold, within the bounds.
        low = max(node["minimum"], node.get("exclusiveMinimum", node["minimum"] - 1) + 1)
        high = min(node["maximum"], node.get("exclusiveMaximum", node["maximum"] + 1) - 1)
        return (st.integers(-2, 2) | st.integers(1890, 2110) | st.integers(-5, 10_000)).filter(
            lambda n: low <= n <= high
        )
    if node.get("format") == "date":
        # Any calendar day the schema's own pattern admits (it bounds the years).
        return st.dates().map(date.isoformat).filter(lambda t: re.search(node["pattern"], t))
    strings = (
        st.from_regex(node["pattern"], fullmatch=True)
        if "pattern" in node
        else st.text(min_size=node.get("minLength", 0), max_size=12)
    )
    if kinds == "string":
        return strings
    if kinds == ["string", "integer"]:
        return strings | st.integers(node.get("minimum", -(10**12)), 10**12)
    if node == {}:
        return st.none()
    raise AssertionError(f"no strategy for {node}")


@pytest.mark.parametrize("cls", TYPES, ids=schema_key)
def test_one_value_drawn_from_the_schema_is_accepted_or_refused_for_a_listed_rule(
    cls: type,
) -> None:
    """A valid document with one value replaced by any the schema allows there (12 per draw).

    The rest stays valid, so structuring gets as far as the field validators
    and the cross-field checks, which a wholly drawn document rarely reaches.
    """
    schema = json_schema(cls)
    check = _validator(schema)

    @settings(max_examples=DRAWN, suppress_health_check=list(HealthCheck))
    @given(STRATEGIES[cls](), st.data())
    def run(value: Any, data: st.DataObject) -> None:
        wire = to_dict(value)
        nodes = list(_nodes(schema, schema, wire))
        picked = data.draw(
            st.lists(st.sampled_from(range(len(nodes))), min_size=1, max_size=12, unique=True)
        )
        for index in picked:  # each in turn: a small entity's every value
            path, _, node = nodes[index]
            doc = _set(wire, path, data.draw(_from_schema(schema, node)))
            assert check.is_valid(doc)
            _accepted_or_explained(cls, doc)

    run()


@pytest.mark.parametrize("cls", TYPES, ids=schema_key)
def test_documents_drawn_from_the_schema_are_accepted_or_refused_for_a_listed_rule(
    cls: type,
) -> None:
    schema = json_schema(cls)
    check = _validator(schema)

    @settings(max_examples=DRAWN, suppress_health_check=list(HealthCheck))
    @given(_from_schema(schema, schema))
    def run(doc: Any) -> None:
        assert check.is_valid(doc)
        _accepted_or_explained(cls, doc)

    run()


def test_every_listed_rule_names_a_code_and_says_what_it_checks() -> None:
    for cls in public_types():
        for code, text in cross_field_rules(cls).items():
            assert "." in code, (cls, code)
            assert " " not in code, (cls, code)
            assert len(text) > 10, (cls, code)


def test_a_listed_rule_is_really_refused() -> None:
    # Founder: the schema cannot say "exactly one of nik and legal_entity_number".
    doc = {"name": "Siti"}
    assert _validator(json_schema(cooperatives.Founder)).is_valid(doc)
    with pytest.raises(ValidationError) as refused:
        from_dict(cooperatives.Founder, doc)
    assert [p.code for p in refused.value.problems] == ["founder.identity"]
    assert "founder.identity" in json_schema(cooperatives.Founder)["description"]


def test_every_public_type_with_a_wire_form_is_drawn_here() -> None:
    # A type no strategy draws escapes every property above (a rule value's
    # cross-field check once raised a bare ValueError through from_dict).
    drawn = {
        cls for cls in public_types() if not (isinstance(cls, type) and issubclass(cls, enum.Enum))
    }
    assert drawn - set(STRATEGIES) == set()


def test_attrs_classes_in_results_are_all_public() -> None:
    # Every nested type of a result has its own key, so components() can hold it.
    for cls in RESULTS:
        for key in json_schema(cls).get("$defs", {}):
            assert key in KEYS, key


def test_rule_values_and_results_refuse_contradictions_with_a_listed_problem() -> None:
    # These escaped from_dict bare (an AssertionError, a ValueError) before.
    parts = to_dict(
        kur.rate_components(
            kur.Scheme.MICRO, akad_date=date(2024, 5, 1), period_start=date(2024, 5, 1)
        )
    )
    info = to_dict(registered_rules()[0].info)
    for cls, doc, code in [
        (kur.RateComponents, {**parts, "total_rate": "99"}, "kur.rate_components_sum"),
        (RuleInfo, {**info, "id": "Not An Id"}, "rule.id"),
        (RuleInfo, {**info, "aliases": [info["id"]]}, "rule.aliases"),
    ]:
        assert _validator(json_schema(cls)).is_valid(doc)
        with pytest.raises(ValidationError) as refused:
            from_dict(cls, doc)
        assert [p.code for p in refused.value.problems] == [code]
        assert code in cross_field_rules(cls)
