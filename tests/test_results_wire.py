"""Results on the wire and in notebooks: schedule totals, decisions' HTML tables.

The round trip of every result type (Schedule, KurAssessment, BpumAssessment,
ActivityDecision, SizeDecision, RegistrySummary) is a property in
``test_schema.py``, drawn from the strategies; here are the exact outcomes.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from koperasi_id import cooperatives, kur, msme
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation
from koperasi_id.serialization import from_dict, from_json, to_dict, to_json

PLAN = kur.schedule(Decimal(50_000_000), Decimal(6), 3, start=date(2024, 5, 1))


def test_a_schedule_writes_its_totals_and_flat_rate_equivalent() -> None:
    wire = json.loads(to_json(PLAN))
    assert wire["total_principal"] == "50000000"
    assert wire["total_interest"] == str(PLAN.total_interest)
    assert wire["total_payment"] == str(PLAN.total_payment)
    # At the number policy's four places, so that it reads back.
    assert Decimal(wire["flat_rate_equivalent"]) == round(PLAN.flat_rate_equivalent, 4)
    assert from_json(kur.Schedule, to_json(PLAN)) == PLAN


def test_a_schedule_without_totals_is_still_read() -> None:
    wire = {
        k: v
        for k, v in to_dict(PLAN).items()
        if k not in {"total_principal", "total_interest", "total_payment", "flat_rate_equivalent"}
    }
    assert from_dict(kur.Schedule, wire) == PLAN


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("total_interest", "1", "derived.mismatch"),
        ("total_payment", "0", "derived.mismatch"),
        ("flat_rate_equivalent", "4", "derived.mismatch"),
        ("total_principal", 1.5, "type.float"),
        ("total_principal", "12x", "type.decimal"),
    ],
)
def test_totals_that_contradict_the_instalments_are_refused(
    field: str, value: object, code: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        from_dict(kur.Schedule, {**to_dict(PLAN), field: value})
    assert [(p.path, p.code) for p in refused.value.problems] == [(f"$.{field}", code)]


def test_a_zero_principal_schedule_cannot_claim_a_flat_rate() -> None:
    wire = {**to_dict(PLAN), "principal": "0", "flat_rate_equivalent": "0"}
    with pytest.raises(ValidationError) as refused:
        from_dict(kur.Schedule, wire)
    assert [p.code for p in refused.value.problems] == ["derived.mismatch"]


def test_decision_html_escapes_and_masks_every_text() -> None:
    nik = "1871010101900001"  # synthetic
    finding = Finding(
        code="demo.nik",
        passed=False,
        message_id=f"NIK <script>{nik}</script> ditolak",
        message_en="refused & noted",
        citation=Citation("PP <7>/2021", "Pasal 1"),
    )
    page = Decision(outcome=False, as_of=date(2024, 5, 1), findings=(finding,))._repr_html_()
    assert nik not in page
    assert "187101******0001" in page
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "refused &amp; noted" in page
    assert "<td>GAGAL</td><td>demo.nik</td>" in page
    assert "PP &lt;7&gt;/2021 Pasal 1" in page
    assert "Decision: False per 2024-05-01" in page


def test_size_decision_html_lists_findings_and_the_law() -> None:
    decision = msme.classify(as_of=date(2024, 1, 1), capital=Decimal(5_000_000))
    page = decision._repr_html_()
    for f in decision.findings:
        assert f"<td>{f.code}</td>" in page
    assert "Dasar hukum: PP 7/2021" in page
    assert page.startswith("<table")


def test_schedule_html_shows_totals_and_cuts_long_tables() -> None:
    long_plan = kur.schedule(Decimal(50_000_000), Decimal(6), 60, start=date(2024, 5, 1))
    page = long_plan._repr_html_()
    assert page.count("<tr><td>") == 24
    assert "… 36 more" in page
    assert "Setara bunga flat: " in page
    assert "Total: pokok Rp50.000.000" in page


def test_registry_summary_html_has_totals_and_breakdowns() -> None:
    summary = cooperatives.summarize([], as_of=date(2024, 1, 1))
    page = summary._repr_html_()
    assert "Koperasi per 2024-01-01" in page
    assert page.count("<table") == 1 + len(summary.breakdowns)
    assert f"Dasar: {summary.regime.citation}" in page


@pytest.mark.parametrize(
    ("details", "path", "code"),
    [
        (True, "$.details", "type.object"),
        ([], "$.details", "type.object"),
        ({"catatan": 1}, "$.details.catatan", "type.str"),
        ({"1871010101900001": 1}, "$.details.187101******0001", "type.str"),
    ],
)
def test_finding_details_that_are_not_an_object_of_strings_are_refused(
    details: object, path: str, code: str
) -> None:
    # Found by the schema properties: cattrs' mapping hook called .items() on a bool.
    wire = {
        "code": "demo.x",
        "passed": True,
        "message_id": "x",
        "message_en": "x",
        "citation": {"instrument": "PP 7/2021"},
        "details": details,
    }
    with pytest.raises(ValidationError) as refused:
        from_dict(Finding, wire)
    assert [(p.path, p.code) for p in refused.value.problems] == [(path, code)]
