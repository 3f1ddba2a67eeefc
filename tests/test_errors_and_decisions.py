"""The exception tree and the explained-decision types."""

from __future__ import annotations

import pickle
from datetime import date

import attrs
import pytest

from koperasi_id import (
    Citation,
    Decision,
    Finding,
    KoperasiIdError,
    NoRuleInForceError,
    Problem,
    RuleInputError,
    Severity,
    TransitionError,
    ValidationError,
)
from koperasi_id.errors import join_path
from koperasi_id.law import Confidence, Regime

CITE = Citation("Permenko 1/2023", "Pasal 12")


def test_every_error_is_a_value_error_and_ours() -> None:
    for err in (
        ValidationError.single("x", "y", message_id="y-id"),
        NoRuleInForceError("t", date(2020, 1, 1)),
        RuleInputError("use net_assets"),
        TransitionError("no", allowed=["a"]),
    ):
        assert isinstance(err, KoperasiIdError)
        assert isinstance(err, ValueError)


def test_validation_error_keeps_every_problem_and_pickles() -> None:
    err = ValidationError(
        [
            Problem(path="$.a", code="c1", message="m1", message_id="p1"),
            Problem(path="$.b[2]", code="c2", message="m2", message_id="p2"),
        ]
    )
    assert err.codes == ("c1", "c2")
    assert err.paths == ("$.a", "$.b[2]")
    assert str(err) == "2 problems: $.a: m1 [c1]; $.b[2]: m2 [c2]"
    again = pickle.loads(pickle.dumps(err))
    assert again.problems == err.problems
    assert err.under("$.members[3]").paths == ("$.members[3].a", "$.members[3].b[2]")


def test_validation_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError([])


@pytest.mark.parametrize(
    ("prefix", "path", "joined"),
    [("$.x", "$", "$.x"), ("$.x", "$[0]", "$.x[0]"), ("$", "$.y", "$.y"), ("$.x", "y", "$.x.y")],
)
def test_join_path(prefix: str, path: str, joined: str) -> None:
    assert join_path(prefix, path) == joined


def test_no_rule_error_pickles_and_names_hint() -> None:
    err = NoRuleInForceError(
        "kur.rate", date(2019, 1, 1), covered=[(date(2020, 1, 1), None)], hint="pass rules="
    )
    assert str(err).endswith("; pass rules=")
    again = pickle.loads(pickle.dumps(err))
    assert (again.table, again.as_of, str(again)) == (err.table, err.as_of, str(err))


def test_transition_error_names_allowed_or_terminal() -> None:
    assert "allowed: tetapkan, tolak" in str(
        TransitionError("cannot cair", allowed=["tetapkan", "tolak"])
    )
    terminal = TransitionError("dicairkan is final")
    assert "terminal" in str(terminal)
    assert terminal.allowed == ()


def _finding(code: str, passed: bool, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        code=code,
        passed=passed,
        severity=severity,
        citation=CITE,
        message_id=f"id {code}",
        message_en=f"en {code}",
    )


def test_decision_outcome_helpers() -> None:
    regime = Regime(
        name="r",
        valid_from=date(2023, 1, 1),
        citation=Citation("KMK 317/2023"),
        confidence=Confidence.MEDIUM,
        value=1,
    )
    d = Decision(
        outcome="x",
        as_of=date(2024, 1, 1),
        findings=(
            _finding("a", True),
            _finding("b", False),
            _finding("c", False, Severity.WARNING),
        ),
        regimes=(regime.ref,),
    )
    assert not d.passed
    assert d.failed_codes == ("b",)
    assert [f.code for f in d.warnings] == ["c"]
    assert d.codes == ("a", "b", "c")
    assert d.citations == (Citation("KMK 317/2023"), CITE)
    assert d.finding("c").severity is Severity.WARNING
    with pytest.raises(KeyError):
        d.finding("zzz")
    text = d.explain("id")
    assert text.splitlines()[0] == "Hasil: x (per 2024-01-01)"
    assert "[FAIL] b: id b" in text
    assert "[warn] c: id c" in text
    assert "en a" in d.explain("en")


def test_warnings_do_not_fail_a_decision() -> None:
    d = Decision(
        outcome=True,
        findings=(_finding("w", False, Severity.WARNING), _finding("i", False, Severity.INFO)),
    )
    assert d.passed
    assert d.explain("en").startswith("Outcome: True\n")


def test_finding_language_and_labels() -> None:
    f = _finding("a", True)
    assert f.message() == "id a"
    with pytest.raises(ValueError, match="language"):
        f.message("fr")  # type: ignore[arg-type]
    assert Severity.WARNING.label == "Peringatan"
    with pytest.raises(ValueError, match="code"):
        Finding(code="", passed=True, citation=CITE, message_id="", message_en="")


def test_finding_details_are_copied_and_not_hashed() -> None:
    details = {"rate": "6"}
    f = Finding(code="a", passed=True, citation=CITE, message_id="", message_en="", details=details)
    details["rate"] = "7"
    assert f.details == {"rate": "6"}
    assert hash(f) == hash(attrs_evolve_details(f))


def attrs_evolve_details(f: Finding) -> Finding:
    return attrs.evolve(f, details={"other": "x"})


def test_enum_outcome_is_shown_by_value() -> None:
    assert Decision(outcome=Severity.INFO).explain().startswith("Hasil: informasi")


def test_explain_refuses_an_unknown_language_even_without_findings() -> None:
    with pytest.raises(ValueError, match="'id' or 'en'"):
        Decision(outcome=True).explain("fr")  # type: ignore[arg-type]
