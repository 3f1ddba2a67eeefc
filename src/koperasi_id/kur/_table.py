"""The assessment of each KUR application of a table, as the cells of one output row.

The per-record answer that :func:`koperasi_id.frames.assess_kur` gives
column-wise: scheme, rate, subsidy, longest tenor and every check that did
not pass, with its Indonesian and English text.
"""

from __future__ import annotations

from typing import Any

from koperasi_id._values import mask
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.kur._eligibility import assess
from koperasi_id.kur._entities import KurApplication
from koperasi_id.kur._rules import KurRules

__all__ = ["ASSESSMENT_COLUMNS", "assessment_row"]

#: The columns of an assessment row, in order.
ASSESSMENT_COLUMNS: tuple[str, ...] = (
    "line",
    "nik",
    "hasil",
    "skema",
    "bunga",
    "subsidi",
    "tenor_maks",
    "kode_alasan",
    "alasan",
    "alasan_en",
)
#: ``hasil`` values: every ERROR check passed, one failed, the row is not a valid
#: application, or no KUR rule covers its akad date.
ELIGIBLE, INELIGIBLE, INVALID, UNDECIDED = (
    "layak",
    "tidak_layak",
    "tidak_valid",
    "tidak_dapat_dinilai",
)
#: The reason code of a row no rule in force can assess.
UNDECIDED_CODE = "kur.no_rule"
_EMPTY: dict[str, Any] = {
    "skema": None,
    "bunga": None,
    "subsidi": None,
    "tenor_maks": None,
}


def assessment_row(
    line: int,
    application: KurApplication | ValidationError,
    *,
    rules: KurRules | None = None,
) -> dict[str, Any]:
    """One output row: the assessment of ``application`` (or why there is none), at ``line``.

    ``kode_alasan``, ``alasan`` and ``alasan_en`` list every finding that did
    not pass (failures and warnings), in the order :func:`assess` gives them.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from koperasi_id.identifiers import Nik
    >>> from koperasi_id.kur import Purpose, Scheme, Sector
    >>> from koperasi_id.msme import Business
    >>> nik = Nik.parse("1871014101900002")
    >>> warung = Business(name="Warung", owner_nik=nik, started_on=date(2022, 3, 1),
    ...                   annual_sales=Decimal("600000000"))
    >>> app = KurApplication(borrower_nik=nik, business=warung, scheme=Scheme.MICRO,
    ...                      plafond=Decimal(60_000_000), tenor_months=36,
    ...                      purpose=Purpose.WORKING_CAPITAL, sector=Sector.TRADE,
    ...                      akad_date=date(2024, 5, 1), access=2)
    >>> row = assessment_row(2, app)
    >>> row["hasil"], row["skema"], row["bunga"], row["subsidi"], row["kode_alasan"]
    ('tidak_layak', 'mikro', '7', '9', ['kur.npwp_required'])
    """
    if isinstance(application, ValidationError):
        problems = application.problems
        return {
            "line": line,
            "nik": None,
            "hasil": INVALID,
            **_EMPTY,
            "kode_alasan": list(dict.fromkeys(p.code for p in problems)),
            "alasan": [p.describe("id") for p in problems],
            "alasan_en": [p.describe("en") for p in problems],
        }
    nik = application.borrower_nik.masked()
    try:
        result = assess(application, rules=rules)
    except (NoRuleInForceError, RuleInputError) as err:
        text = mask(str(err))
        return {
            "line": line,
            "nik": nik,
            "hasil": UNDECIDED,
            **_EMPTY,
            "kode_alasan": [UNDECIDED_CODE],
            "alasan": [f"Tidak dapat dinilai: {text}"],
            "alasan_en": [f"Cannot be assessed: {text}"],
        }
    open_ = [f for f in result.findings if not f.passed]
    return {
        "line": line,
        "nik": nik,
        "hasil": ELIGIBLE if result.passed else INELIGIBLE,
        "skema": result.scheme.value,
        "bunga": str(result.rate),
        "subsidi": None if result.subsidy is None else str(result.subsidy),
        "tenor_maks": result.max_tenor_months,
        "kode_alasan": [f.code for f in open_],
        "alasan": [f.message_id for f in open_],
        "alasan_en": [f.message_en for f in open_],
    }
