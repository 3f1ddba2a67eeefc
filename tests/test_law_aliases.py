"""Rule aliases: every lookup takes them, listings show the canonical id, none collide."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from koperasi_id import _register, kur, law
from koperasi_id._overrides import parse_overrides
from koperasi_id._register_docs import render_every_rule
from koperasi_id._register_export import register_document, register_schema
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Regime, Timeline

#: The ids the issue names, and the rules they must reach.
ISSUE_IDS = {
    "kur.rate.tiers": "kur.rate",
    "msme.size_bands": "msme.size_criteria",
    "cooperatives.founder_minimums": "cooperatives.founder_minimums",
}


def _timeline(name: str) -> Timeline[int]:
    return Timeline(
        name,
        [Regime(name="x", valid_from=date(2020, 1, 1), citation=Citation("X 1/2020"), value=1)],
    )


def _register_one(name: str, *aliases: str, module: str = "koperasi_id.msme._x") -> None:
    law.register(
        _timeline(name),
        description_id="x",
        description_en="x",
        unit=law.Unit.COUNT,
        module=module,
        value_type=int,
        aliases=aliases,
    )


@pytest.fixture
def scratch_register(monkeypatch: pytest.MonkeyPatch) -> None:
    # Registration tests write to copies, so the shipped register stays as it was.
    law.registered_rules()
    monkeypatch.setattr(_register, "_ENTRIES", dict(_register._ENTRIES))
    monkeypatch.setattr(_register, "_ALIASES", dict(_register._ALIASES))


@pytest.mark.parametrize(("asked", "canonical"), ISSUE_IDS.items())
def test_the_issues_ids_reach_their_rules(asked: str, canonical: str) -> None:
    assert law.history(asked).info.id == canonical
    assert law.history(asked) is law.history(canonical)
    assert law.canonical_id(asked) == canonical


def test_no_alias_is_an_id_and_every_alias_reaches_its_rule() -> None:
    entries = law.registered_rules()
    ids = {entry.info.id for entry in entries}
    aliases = [alias for entry in entries for alias in entry.info.aliases]
    assert len(aliases) == len(set(aliases)) >= 4
    assert ids.isdisjoint(aliases)
    for entry in entries:
        for alias in entry.info.aliases:
            assert law.history(alias) is entry


def test_listings_and_exports_show_the_canonical_id() -> None:
    listed = {found.rule.id for found in law.in_force(date(2024, 5, 1))}
    assert "kur.rate" in listed
    assert "kur.rate.tiers" not in listed
    rules = {rule["id"]: rule for rule in register_document()["rules"]}
    assert "kur.rate.tiers" not in rules
    assert rules["kur.rate"]["aliases"] == ["kur.rate.tiers"]
    assert rules["kur.omzet"]["aliases"] == []
    changed = {c.rule.id for c in law.changes(date(2022, 1, 1), date(2024, 1, 1))}
    assert "kur.rate" in changed
    assert changed.isdisjoint(ISSUE_IDS.keys() - ISSUE_IDS.values())


def test_the_export_with_aliases_meets_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(register_document(), register_schema())
    broken = register_document()
    broken["rules"][0]["aliases"] = ["Not An Id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, register_schema())


def test_the_every_rule_page_names_the_aliases() -> None:
    page = render_every_rule()
    assert "`kur.rate` (also `kur.rate.tiers`) (percent_per_year)" in page
    assert "`msme.size_criteria` (also `msme.size_bands`) (table)" in page


def test_an_unknown_id_is_still_refused() -> None:
    with pytest.raises(law.UnknownRuleError, match=r"^no rule 'kur\.rate\.tier' in the register"):
        law.history("kur.rate.tier")
    with pytest.raises(law.UnknownRuleError, match=r"^no rule 'msme\.size' in the register"):
        law.canonical_id("msme.size")


# ---------------------------------------------------------------- reform files


def _reform(rule: str, **over: Any) -> dict[str, Any]:
    return {
        "regimes": [
            {
                "rule": rule,
                "action": "replace",
                "name": "contoh-2027",
                "valid_from": "2027-01-01",
                "unit": "percent_per_year",
                "confidence": "M",
                "citation": {"instrument": "Permenko (contoh) 1/2027"},
                "patch": {"mikro": ["5"]},
                **over,
            }
        ]
    }


def test_a_reform_file_may_name_a_rule_by_its_alias() -> None:
    reform = parse_overrides(_reform("kur.rate.tiers"))
    assert reform.rule_ids == ("kur.rate",)
    assert reform.timeline("kur.rate.tiers") is reform.timeline("kur.rate")
    rules = reform.kur_rules()
    assert kur.rate(kur.Scheme.MICRO, as_of=date(2027, 3, 1), access=1, rules=rules) == Decimal(5)


def test_an_alias_and_its_id_in_one_file_are_one_rule() -> None:
    document = _reform("kur.rate.tiers")
    document["regimes"].append({**_reform("kur.rate")["regimes"][0], "name": "again"})
    with pytest.raises(ValidationError) as caught:
        parse_overrides(document)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.regimes[1].valid_from", "overrides.overlap")
    ]


def test_an_overrides_lookup_by_alias_of_an_untouched_rule_is_the_shipped_timeline() -> None:
    reform = parse_overrides(_reform("kur.rate"))
    assert reform.timeline("msme.size_bands") is law.history("msme.size_criteria").timeline


def test_overrides_built_in_python_key_their_timelines_by_canonical_id() -> None:
    copy = Timeline("kur.rate", list(law.history("kur.rate").timeline))
    reform = law.Overrides(timelines={"kur.rate.tiers": copy})
    assert reform.rule_ids == ("kur.rate",)
    assert reform.timeline("kur.rate") is copy
    # apply() finds the rule set's timeline by its registered name.
    assert reform.kur_rules().rates is copy
    assert kur.DEFAULT_RULES.rates is not copy


def test_overrides_built_in_python_refuse_a_rule_given_by_id_and_alias() -> None:
    shipped = law.history("kur.rate").timeline
    with pytest.raises(ValidationError) as caught:
        law.Overrides(timelines={"kur.rate": shipped, "kur.rate.tiers": shipped})
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.timelines", "overrides.duplicate")
    ]


def test_overrides_built_in_python_refuse_an_unknown_rule_id() -> None:
    with pytest.raises(ValidationError) as caught:
        law.Overrides(timelines={"no.such_rule": law.history("kur.rate").timeline})
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.timelines", "overrides.unknown_rule")
    ]


# ---------------------------------------------------------------- registration


@pytest.mark.usefixtures("scratch_register")
def test_an_alias_may_not_be_another_rules_id() -> None:
    with pytest.raises(ValueError, match=re.escape("'kur.rate' of x.new is a rule id already")):
        _register_one("x.new", "kur.rate")
    with pytest.raises(law.UnknownRuleError, match=r"^no rule 'x\.new' in the register"):
        law.history("x.new")  # nothing was registered


@pytest.mark.usefixtures("scratch_register")
def test_an_alias_may_not_be_another_rules_alias() -> None:
    with pytest.raises(ValueError, match=re.escape("is an alias of kur.rate")):
        _register_one("x.new", "kur.rate.tiers")
    assert law.history("kur.rate.tiers").info.id == "kur.rate"


@pytest.mark.usefixtures("scratch_register")
def test_an_id_may_not_be_another_rules_alias() -> None:
    with pytest.raises(ValueError, match=re.escape("is an alias of msme.size_criteria already")):
        _register_one("msme.size_bands")
    assert law.history("msme.size_bands").info.id == "msme.size_criteria"


@pytest.mark.usefixtures("scratch_register")
def test_a_later_id_may_not_take_an_earlier_alias() -> None:
    _register_one("x.first", "x.shared")
    with pytest.raises(ValueError, match=re.escape("is an alias of x.first already")):
        _register_one("x.shared", module="koperasi_id.kur._y")


@pytest.mark.usefixtures("scratch_register")
@pytest.mark.parametrize("aliases", [("x.new",), ("x.a", "x.a"), ("Not.valid",), ("nodots",)])
def test_an_alias_repeating_an_id_or_badly_formed_is_refused(aliases: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match=r"repeat an id|not a dotted lower-case name"):
        _register_one("x.new", *aliases)


@pytest.mark.usefixtures("scratch_register")
def test_registering_again_from_the_same_module_replaces_the_aliases() -> None:
    _register_one("x.new", "x.old_name")
    _register_one("x.new", "x.new_name")
    assert law.history("x.new_name").info.id == "x.new"
    with pytest.raises(law.UnknownRuleError, match=r"^no rule 'x\.old_name' in the register"):
        law.history("x.old_name")
