"""Answers that explain themselves: findings and decisions.

A rule function never returns a bare ``True`` or a number. It returns a
:class:`Decision`: the outcome, the regimes (laws) it applied, and one
:class:`Finding` per check, each with a stable machine code, a message in
Indonesian and English, and the article that requires it.

>>> from datetime import date
>>> from koperasi_id.law import Citation
>>> ok = Finding(code="demo.age", passed=True, citation=Citation("Permenko 1/2023", "Pasal 12"),
...              message_id="Usaha telah berjalan 6 bulan.",
...              message_en="The business has run for 6 months.")
>>> bad = Finding(code="demo.npwp", passed=False, citation=Citation("Permenko 1/2023", "Pasal 14"),
...               message_id="NPWP wajib untuk plafon di atas Rp50.000.000.",
...               message_en="An NPWP is required above Rp50,000,000.")
>>> d = Decision(outcome=False, as_of=date(2024, 5, 1), findings=(ok, bad))
>>> d.passed, d.failed_codes
(False, ('demo.npwp',))
>>> print(d.explain("en"))
Outcome: False (as of 2024-05-01)
  [ok]   demo.age: The business has run for 6 months. — Permenko 1/2023 Pasal 12
  [FAIL] demo.npwp: An NPWP is required above Rp50,000,000. — Permenko 1/2023 Pasal 14
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Generic, TypeVar

import attrs

from koperasi_id import _html
from koperasi_id._values import mask
from koperasi_id.errors import Language, in_language
from koperasi_id.law import Citation, RegimeRef

__all__ = ["Decision", "Finding", "Severity"]

T = TypeVar("T")


class Severity(enum.Enum):
    """How much a failed finding matters. Only ``ERROR`` failures decide an outcome."""

    ERROR = "galat"
    WARNING = "peringatan"
    INFO = "informasi"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return {"galat": "Galat", "peringatan": "Peringatan", "informasi": "Informasi"}[self.value]


def _frozen_details(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@attrs.frozen(kw_only=True)
class Finding:
    """One check a rule made, passed or not, with its legal basis."""

    code: str = attrs.field(validator=attrs.validators.min_len(1))
    passed: bool
    message_id: str
    message_en: str
    citation: Citation
    severity: Severity = Severity.ERROR
    details: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_details, eq=False, hash=False
    )

    def message(self, lang: Language = "id") -> str:
        """The message in ``"id"`` (Indonesian, the default) or ``"en"``."""
        return in_language(lang, self.message_id, self.message_en)

    @property
    def is_failure(self) -> bool:
        """A failed check that decides the outcome (severity ``ERROR``)."""
        return not self.passed and self.severity is Severity.ERROR


@attrs.frozen(kw_only=True)
class Decision(Generic[T]):
    """An outcome with its reasons.

    Domain modules subclass it to add typed fields (a size, a rate, a status);
    the explanation machinery stays here.
    """

    outcome: T
    as_of: date | None = None
    findings: tuple[Finding, ...] = ()
    regimes: tuple[RegimeRef, ...] = ()

    @property
    def passed(self) -> bool:
        """True when no ``ERROR``-severity finding failed."""
        return not any(f.is_failure for f in self.findings)

    @property
    def failures(self) -> tuple[Finding, ...]:
        """The findings that failed with severity ``ERROR``."""
        return tuple(f for f in self.findings if f.is_failure)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Failed findings of severity ``WARNING``."""
        return tuple(f for f in self.findings if not f.passed and f.severity is Severity.WARNING)

    @property
    def failed_codes(self) -> tuple[str, ...]:
        """Codes of :attr:`failures`, in order."""
        return tuple(f.code for f in self.failures)

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes of every finding, in order."""
        return tuple(f.code for f in self.findings)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation behind the decision: regimes first, then findings."""
        seen: dict[Citation, None] = {}
        for ref in self.regimes:
            seen.setdefault(ref.citation)
        for f in self.findings:
            seen.setdefault(f.citation)
        return tuple(seen)

    def finding(self, code: str) -> Finding:
        """The finding with ``code``; :class:`KeyError` if the rule made no such check."""
        for f in self.findings:
            if f.code == code:
                return f
        raise KeyError(code)

    def _repr_html_(self) -> str:
        """A table of the findings and the law applied, for notebooks.

        >>> from koperasi_id.law import Citation
        >>> d = Decision(outcome=True, findings=(Finding(code="demo.ok", passed=True,
        ...     message_id="<ok>", message_en="ok", citation=Citation("PP 7/2021")),))
        >>> "<td>demo.ok</td><td>&lt;ok&gt;</td>" in d._repr_html_()
        True
        """
        when = f" per {self.as_of.isoformat()}" if self.as_of else ""
        rows = [
            (
                "ok" if f.passed else ("GAGAL" if f.is_failure else f.severity.label),
                f.code,
                f.message_id,
                f.message_en,
                str(f.citation),
            )
            for f in self.findings
        ]
        notes = [
            f"Dasar hukum: {r.citation} ({r.name}, {r.valid_from.isoformat()}.."
            f"{r.valid_to.isoformat() if r.valid_to else ''}, keyakinan {r.confidence.label})"
            for r in self.regimes
        ]
        return _html.table(
            f"{type(self).__name__}: {_show(self.outcome)}{when}",
            ("", "kode", "pesan", "message", "dasar"),
            rows,
            notes=notes,
        )

    def explain(self, lang: Language = "id") -> str:
        """A plain-text explanation, one line per finding."""
        if lang not in ("id", "en"):
            raise ValueError(
                f"language must be 'id' or 'en', not {mask(lang, limit=40, quote=True)}"
            )
        when = (
            f" ({'per' if lang == 'id' else 'as of'} {self.as_of.isoformat()})"
            if self.as_of
            else ""
        )
        head = "Hasil" if lang == "id" else "Outcome"
        lines = [f"{head}: {_show(self.outcome)}{when}"]
        for f in self.findings:
            mark = "[ok]  " if f.passed else ("[FAIL]" if f.is_failure else "[warn]")
            lines.append(f"  {mark} {f.code}: {f.message(lang)} — {f.citation}")
        return "\n".join(lines)


def _show(outcome: object) -> str:
    if isinstance(outcome, enum.Enum):
        return str(outcome.value)
    return str(outcome)
