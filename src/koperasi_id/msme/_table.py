"""The size decision of each business of a file, as the cells of one output row.

``koperasi-id msme classify FILE`` and the columnar engine
(:mod:`koperasi_id.frames`) both write these rows; this module is the one
place that turns a :class:`SizeDecision` (or why there is none) into cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from koperasi_id._values import mask
from koperasi_id.errors import RuleInputError, ValidationError
from koperasi_id.law import Timeline
from koperasi_id.msme._business import Business
from koperasi_id.msme._classify import SizeDecision, classify_business
from koperasi_id.msme._criteria import ConflictPolicy, Purpose, SizeCriteria
from koperasi_id.msme._size import BusinessSize

__all__ = [
    "CLASSIFICATION_COLUMNS",
    "CLASSIFIED",
    "INVALID",
    "UNDECIDED",
    "UNDECIDED_CODE",
    "ClassificationSummary",
    "classification_row",
]

#: The columns of ``koperasi-id msme classify FILE``, in order.
CLASSIFICATION_COLUMNS: tuple[str, ...] = (
    "line",
    "nik",
    "hasil",
    "ukuran",
    "kriteria",
    "konflik",
    "kode_alasan",
    "alasan",
    "alasan_en",
)
#: ``hasil`` of a business whose size was decided.
CLASSIFIED = "diklasifikasi"
#: ``hasil`` of a row that is not a valid business record.
INVALID = "tidak_valid"
#: ``hasil`` of a valid business the rule in force cannot classify (no usable figure).
UNDECIDED = "tidak_dapat_ditentukan"
#: The reason code of an undecided row (the rule in force asks for a figure the row lacks).
UNDECIDED_CODE = "msme.size.undecided"
_OUTCOMES = (CLASSIFIED, INVALID, UNDECIDED)


def decision_cells(decision: SizeDecision) -> dict[str, Any]:
    """The cells of a decided row, without ``line`` and ``nik``."""
    return {
        "hasil": CLASSIFIED,
        "ukuran": decision.size.value,
        "kriteria": decision.criterion.value,
        "konflik": decision.conflict,
        "kode_alasan": [f.code for f in decision.findings],
        "alasan": [f.message_id for f in decision.findings],
        "alasan_en": [f.message_en for f in decision.findings],
    }


def undecided_cells(error: RuleInputError) -> dict[str, Any]:
    """The cells of a valid business that the rule in force cannot classify."""
    text = mask(str(error))
    return {
        "hasil": UNDECIDED,
        "ukuran": None,
        "kriteria": None,
        "konflik": None,
        "kode_alasan": [UNDECIDED_CODE],
        "alasan": [f"Ukuran usaha tidak dapat ditentukan: {text}"],
        "alasan_en": [f"The size cannot be decided: {text}"],
    }


def classification_row(
    line: int,
    business: Business | ValidationError,
    *,
    as_of: date,
    purpose: Purpose | None = None,
    policy: ConflictPolicy = ConflictPolicy.BY_PURPOSE,
    rules: Timeline[SizeCriteria] | None = None,
) -> dict[str, Any]:
    """One output row: the decision on ``business`` (or why there is none), at ``line``.

    ``business`` is what a file row made (a :class:`Business` or the
    :class:`~koperasi_id.errors.ValidationError` of an invalid row). Cells:
    :data:`CLASSIFICATION_COLUMNS`; ``nik`` is masked, reasons come as
    finding codes with Indonesian and English texts.

    >>> from decimal import Decimal
    >>> from koperasi_id.identifiers import Nik
    >>> b = Business(name="Warung", owner_nik=Nik.parse("1871014101900002"),
    ...              started_on=date(2019, 3, 1), capital=Decimal("250000000"))
    >>> row = classification_row(2, b, as_of=date(2024, 1, 1))
    >>> row["nik"], row["hasil"], row["ukuran"], row["kriteria"], row["konflik"]
    ('187101******0002', 'diklasifikasi', 'mikro', 'modal_usaha', False)
    >>> classification_row(3, b, as_of=date(2020, 1, 1))["kode_alasan"]
    ['msme.size.undecided']
    """
    if isinstance(business, ValidationError):
        problems = business.problems
        return {
            "line": line,
            "nik": None,
            "hasil": INVALID,
            "ukuran": None,
            "kriteria": None,
            "konflik": None,
            "kode_alasan": list(dict.fromkeys(p.code for p in problems)),
            "alasan": [p.describe("id") for p in problems],
            "alasan_en": [p.describe("en") for p in problems],
        }
    try:
        decision = classify_business(
            business, as_of=as_of, purpose=purpose, policy=policy, rules=rules
        )
    except RuleInputError as err:
        cells = undecided_cells(err)
    else:
        cells = decision_cells(decision)
    return {"line": line, "nik": business.owner_nik.masked(), **cells}


def _zero_outcomes() -> dict[str, int]:
    return dict.fromkeys(_OUTCOMES, 0)


def _zero_sizes() -> dict[str, int]:
    return {s.value: 0 for s in BusinessSize}


@attrs.define(kw_only=True)
class ClassificationSummary:
    """Running totals of a file's classification: outcomes, sizes, conflicts, reasons.

    >>> from koperasi_id.serialization import to_dict
    >>> s = ClassificationSummary(as_of=date(2024, 1, 1))
    >>> s.add({"hasil": "diklasifikasi", "ukuran": "mikro", "konflik": True,
    ...        "kode_alasan": ["msme.size.basis", "msme.size.conflict"]})
    >>> to_dict(s)["by_size"], s.conflicts
    ({'mikro': 1, 'kecil': 0, 'menengah': 0, 'besar': 0}, 1)
    """

    as_of: date
    total: int = 0
    by_outcome: dict[str, int] = attrs.field(factory=_zero_outcomes)
    by_size: dict[str, int] = attrs.field(factory=_zero_sizes)
    conflicts: int = 0
    by_reason: dict[str, int] = attrs.field(factory=dict)

    def add(self, row: Mapping[str, Any]) -> None:
        """Count one output row (a :func:`classification_row` result)."""
        self.add_counts(
            outcome=row["hasil"],
            size=row.get("ukuran"),
            conflict=bool(row.get("konflik")),
            codes=row["kode_alasan"],
        )

    def add_counts(
        self,
        *,
        outcome: str,
        size: str | None,
        conflict: bool,
        codes: Any,
        count: int = 1,
    ) -> None:
        """Count ``count`` rows alike (the columnar engine counts groups)."""
        self.total += count
        self.by_outcome[outcome] = self.by_outcome.get(outcome, 0) + count
        if size:
            self.by_size[size] = self.by_size.get(size, 0) + count
        if conflict:
            self.conflicts += count
        for code in codes:
            self.by_reason[code] = self.by_reason.get(code, 0) + count
