"""The law register: complete, cited, dated consistently, and answering questions."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import koperasi_id
from koperasi_id import law
from koperasi_id._register import _changes_of
from koperasi_id._register_docs import PAGE, render_every_rule
from koperasi_id._register_export import in_force_document, wire_value
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline

ROOT = Path(__file__).resolve().parents[1]
# Modules that need an optional extra; they define no law.
# Modules (and their submodules) that need an optional extra.
_OPTIONAL = {
    "koperasi_id.batch.dask": "dask",
    "koperasi_id.frames": "polars",
    "koperasi_id.strategies": "hypothesis",
}


def _public_modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(koperasi_id.__path__, "koperasi_id."):
        if info.name.endswith(".__main__"):
            continue  # running it is the command line, not a definition
        needs = next(
            (
                extra
                for name, extra in _OPTIONAL.items()
                if info.name == name or info.name.startswith(name + ".")
            ),
            None,
        )
        if needs is not None and importlib.util.find_spec(needs) is None:
            continue
        yield importlib.import_module(info.name)


def _timelines_in(value: object, depth: int = 0) -> Iterator[Timeline[Any]]:
    if isinstance(value, Timeline):
        yield value
    elif depth < 2 and attrs.has(type(value)) and not isinstance(value, type):
        for field in attrs.fields(type(value)):
            yield from _timelines_in(getattr(value, field.name, None), depth + 1)
    elif depth < 2 and isinstance(value, dict | tuple | list):
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            yield from _timelines_in(item, depth + 1)


def _shipped_timelines() -> dict[int, tuple[str, Timeline[Any]]]:
    found: dict[int, tuple[str, Timeline[Any]]] = {}
    for module in _public_modules():
        for attr, value in vars(module).items():
            for timeline in _timelines_in(value):
                found.setdefault(id(timeline), (f"{module.__name__}.{attr}", timeline))
    return found


def test_every_timeline_reachable_from_the_package_is_registered() -> None:
    shipped = _shipped_timelines()
    assert len(shipped) >= 33
    missing = [
        where
        for where, timeline in shipped.values()
        if law.history(timeline.name).timeline is not timeline
    ]
    assert missing == []


def test_the_domain_module_list_alone_registers_everything() -> None:
    # A fresh interpreter: only the register's own imports have run.
    script = (
        "from koperasi_id import law\n"
        "print('\\n'.join(e.info.id for e in law.registered_rules()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    assert sorted(out) == sorted({t.name for _, t in _shipped_timelines().values()})


def test_rule_ids_are_unique_dotted_and_prefixed_by_their_module() -> None:
    for entry in law.registered_rules():
        assert entry.info.id == entry.timeline.name
        assert entry.info.module.startswith("koperasi_id.")
        assert entry.info.id.split(".")[0] == entry.info.module.split(".")[1]


def test_registering_an_id_from_a_second_module_is_refused() -> None:
    clash = Timeline(
        "kur.rate",
        [Regime(name="x", valid_from=date(2020, 1, 1), citation=Citation("X 1/2020"), value=1)],
    )
    with pytest.raises(ValueError, match=r"registered by koperasi_id\.kur already"):
        law.register(
            clash,
            description_id="x",
            description_en="x",
            unit=law.Unit.COUNT,
            module="koperasi_id.msme._x",
            value_type=int,
        )
    assert law.history("kur.rate").timeline is not clash


def test_every_regime_has_a_citation_and_a_confidence() -> None:
    for entry in law.registered_rules():
        for regime in entry.regimes:
            assert isinstance(regime.citation, Citation), (entry.info.id, regime.name)
            assert regime.citation.instrument.strip(), (entry.info.id, regime.name)
            assert isinstance(regime.confidence, Confidence), (entry.info.id, regime.name)


# A year is a 4-digit 19xx/20xx word: "PP 7/2021", "Perdep KUKM 06/Per/Dep.6/IV/2016",
# "KMK besaran subsidi bunga KUR 2017".
_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})\b")
#: Instruments whose text carries no year to compare with.
NO_YEAR = {
    "Kemenkop ODS": "an administrative database practice, not a dated instrument",
    "Kebijakan KUR wilayah bencana": "a ministerial policy announced Dec 2025 / Jan 2026, no number",
    "Keputusan Komite Kebijakan Pembiayaan bagi UMKM (tambahan subsidi bunga KUR)": (
        "committee decisions cited by name; their dates are in each regime's note"
    ),
}
#: Regimes knowingly dated before their instrument, with the reason.
DATED_BEFORE_INSTRUMENT = {
    ("cooperatives.dissolution_grounds", "pp-17-1994-pasal-3"): (
        "PP 17/1994 implements UU 25/1992 Pasal 47; its own enactment date was not "
        "verified, so the regime starts with the statute (docs/rules/cooperative-dissolution.md)"
    ),
}


def instrument_years(instrument: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(instrument)]


@pytest.mark.parametrize(
    ("instrument", "years"),
    [
        ("PP 7/2021", [2021]),
        ("Permenko 15/2020", [2020]),
        ("Permenko Perekonomian 8/2019 jo. 15/2020 jo. 2/2021", [2019, 2020, 2021]),
        ("Perdep KUKM 06/Per/Dep.6/IV/2016", [2016]),
        ("KMK besaran subsidi bunga KUR 2017", [2017]),
        ("Kemenkop ODS", []),
    ],
)
def test_instrument_years_are_read_from_the_number(instrument: str, years: list[int]) -> None:
    assert instrument_years(instrument) == years


def test_no_regime_cites_an_instrument_dated_after_its_start() -> None:
    violations, yearless = set(), set()
    for entry in law.registered_rules():
        for regime in entry.regimes:
            years = instrument_years(regime.citation.instrument)
            if not years:
                yearless.add(regime.citation.instrument)
            elif max(years) > regime.valid_from.year:
                violations.add((entry.info.id, regime.name))
            # The article may name a second instrument ("Pasal 44; PP 9/1995"): it
            # must be in force from the regime's first day too.
            if max(instrument_years(regime.citation.article or ""), default=0) > (
                regime.valid_from.year
            ):
                violations.add((entry.info.id, regime.name))
    # Both lists must stay exact: a fixed regime or a new yearless instrument shows here.
    assert yearless == set(NO_YEAR)
    assert violations == set(DATED_BEFORE_INSTRUMENT)


# ---------------------------------------------------------------- queries


def test_in_force_answers_for_the_issue_date() -> None:
    found = {r.rule.id: r.regime for r in law.in_force(date(2021, 10, 12))}
    assert found["bpum.programme"].name == "bpum-2021"
    assert found["msme.size_criteria"].citation.instrument == "PP 7/2021"
    assert found["kur.rate"].name == "kur-2021"
    # Rules with no regime on that day are left out, not invented.
    assert "cooperatives.ksp_startup_capital" not in found
    assert "kur.omzet" not in found


def test_in_force_on_the_day_before_and_first_day_of_a_regime() -> None:
    def size(day: date) -> str:
        return next(r.regime.name for r in law.in_force(day) if r.rule.id == "msme.size_criteria")

    assert size(date(2021, 2, 1)) != size(date(2021, 2, 2)) == "pp-7-2021"


def test_in_force_wire_form_is_plain() -> None:
    rows = {row["id"]: row for row in in_force_document(date(2024, 5, 1))}
    rate = rows["kur.rate"]
    assert rate["unit"] == "percent_per_year"
    assert rate["regime"]["valid_from"] == "2023-01-01"
    assert rate["regime"]["value"]["mikro"] == ["6", "7", "8", "9"]
    json.dumps(rows)  # nothing but JSON types


def test_changes_between_two_dates() -> None:
    found = law.changes(date(2022, 1, 1), date(2024, 1, 1))
    by_rule = {(c.rule.id, c.on): c for c in found}
    rate = by_rule["kur.rate", date(2023, 1, 1)]
    assert (rate.old and rate.old.name, rate.new and rate.new.name) == (
        "permenko-1-2022",
        "permenko-1-2023",
    )
    # A rule that starts from nothing has no old value.
    assert by_rule["cooperatives.ksp_startup_capital", date(2023, 6, 1)].old is None
    # A regime starting on from_date itself is not a change "in between".
    assert all(c.on > date(2022, 1, 1) for c in found)
    assert [c.on for c in found] == sorted(c.on for c in found)


def test_changes_includes_the_last_day_and_rejects_reversed_dates() -> None:
    assert any(c.on == date(2023, 6, 1) for c in law.changes(date(2023, 5, 31), date(2023, 6, 1)))
    assert not any(
        c.on == date(2023, 6, 1) for c in law.changes(date(2023, 6, 1), date(2023, 6, 30))
    )
    with pytest.raises(RuleInputError, match="before from_date"):
        law.changes(date(2024, 1, 1), date(2022, 1, 1))


def test_a_lapse_without_successor_is_a_change_with_no_new_value() -> None:
    entry = law.history("bpum.programme")
    ends = [c for c in _changes_of(entry, entry.timeline) if c.new is None]
    assert [(c.on, c.old and c.old.name) for c in ends] == [(date(2022, 1, 1), "bpum-2021")]


def test_history_lists_every_regime_and_refuses_unknown_ids_masked() -> None:
    assert [r.name for r in law.history("bpum.programme").regimes] == ["bpum-2020", "bpum-2021"]
    with pytest.raises(law.UnknownRuleError) as caught:
        law.history("kur.3201234567890123")
    assert "3201234567890123" not in str(caught.value)


# ---------------------------------------------------------------- export


def test_the_register_document_matches_its_published_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(json.dumps(law.register_document()))
    jsonschema.validate(document, law.register_schema())
    ids = [rule["id"] for rule in document["rules"]]
    assert ids == sorted(ids)
    assert len(ids) == len(law.registered_rules())


def test_a_document_that_breaks_the_schema_is_refused() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    document = json.loads(json.dumps(law.register_document()))
    document["rules"][0]["regimes"][0]["confidence"] = "X"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, law.register_schema())


def test_the_committed_schema_is_what_the_library_generates() -> None:
    committed = json.loads((ROOT / "docs" / "law-register.schema.json").read_text("utf-8"))
    assert committed == law.register_schema(), "run: python -m koperasi_id._register_docs docs"


def test_wire_values_are_plain() -> None:
    assert wire_value(Decimal("0.10")) == "0.10"
    assert wire_value(frozenset({"b", "a"})) == ["a", "b"]
    assert wire_value(date(2021, 2, 2)) == "2021-02-02"
    capital = law.history("cooperatives.ksp_startup_capital").regimes[0].value
    assert wire_value(capital)["minimums"]["primer/dalam_kabupaten_kota"] == "500000000"


def test_the_every_rule_page_is_what_the_register_makes() -> None:
    committed = (ROOT / "docs" / PAGE).read_text("utf-8")
    assert committed == render_every_rule(), "run: python -m koperasi_id._register_docs docs"


def test_the_every_rule_page_has_one_table_per_module_and_a_row_per_regime() -> None:
    page = render_every_rule()
    modules = {entry.info.module for entry in law.registered_rules()}
    assert {line[4:-1] for line in page.splitlines() if line.startswith("## ")} == modules
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line]
    regimes = sum(len(entry.regimes) for entry in law.registered_rules())
    assert len(rows) == regimes + len(modules)  # plus one header row per table
