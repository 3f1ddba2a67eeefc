"""Health grade (predikat kesehatan) from an assessment score (R24)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

import attrs

from koperasi_id._numbers import DECIMAL_PLACES, check_decimal, computes
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import HealthGrade, RuleBasis
from koperasi_id.cooperatives._law import CooperativeDecision, checked
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = ["HEALTH_SCALES", "HealthDecision", "HealthScale", "health_grade"]

_HUNDRED = Decimal(100)


def _cutoff_order(instance: HealthScale, attribute: object, value: Decimal) -> None:
    if not (
        Decimal(0)
        < instance.under_supervision_from
        < instance.fairly_healthy_from
        < instance.healthy_from
        <= _HUNDRED
    ):
        raise ValidationError.single(
            "cooperatives.health_scale_order",
            "health scale cut-offs must rise strictly: 0 < under_supervision_from < "
            "fairly_healthy_from < healthy_from <= 100",
            message_id="batas skala kesehatan harus naik tegas: 0 < under_supervision_from < "
            "fairly_healthy_from < healthy_from <= 100",
        )


def _cutoff(value: Decimal | int) -> Decimal:
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    raise ValidationError.single(
        "cooperatives.health_scale_cutoff",
        f"a cut-off is an int or a finite Decimal, not {mask(value, limit=40, quote=True)}",
        message_id=f"batas harus int atau Decimal hingga, bukan {mask(value, limit=40, quote=True)}",
    )


@attrs.frozen(kw_only=True)
class HealthScale:
    """A versioned score scale: each grade starts at its cut-off (inclusive).

    Below ``under_supervision_from`` the grade is *dalam pengawasan khusus*.
    Cut-offs are ints or Decimals.

    >>> HealthScale(version="contoh", healthy_from=76, fairly_healthy_from=51,
    ...             under_supervision_from=26).grade(Decimal("75.5")).value
    'cukup_sehat'
    """

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "cooperatives.health_scale_order": "0 < under_supervision_from < "
            "fairly_healthy_from < healthy_from <= 100"
        }
    )

    version: str = attrs.field(validator=attrs.validators.min_len(1))
    healthy_from: Decimal = attrs.field(converter=_cutoff)
    fairly_healthy_from: Decimal = attrs.field(converter=_cutoff)
    under_supervision_from: Decimal = attrs.field(converter=_cutoff, validator=_cutoff_order)

    def grade(self, score: Decimal) -> HealthGrade:
        """The grade of ``score`` on this scale."""
        if score >= self.healthy_from:
            return HealthGrade.HEALTHY
        if score >= self.fairly_healthy_from:
            return HealthGrade.FAIRLY_HEALTHY
        if score >= self.under_supervision_from:
            return HealthGrade.UNDER_SUPERVISION
        return HealthGrade.UNDER_SPECIAL_SUPERVISION


PERDEP_06_2016 = HealthScale(
    version="perdep-06-2016",
    healthy_from=Decimal(80),
    fairly_healthy_from=Decimal(66),
    under_supervision_from=Decimal(51),
)
#: Permenkop 9/2020 keeps the four labels; its final-score cut-offs were not
#: found, so the Perdep 06/2016 cut-offs are carried over (confidence L).
PERMENKOP_9_2020 = attrs.evolve(PERDEP_06_2016, version="permenkop-9-2020")

HEALTH_SCALES: Timeline[HealthScale] = Timeline(
    "cooperatives.health_scale",
    [
        Regime(
            name="perdep-06-2016",
            valid_from=date(2016, 4, 19),
            valid_to=date(2020, 10, 13),
            citation=Citation(
                "Perdep KUKM 06/Per/Dep.6/IV/2016", note="penilaian kesehatan KSP/USP"
            ),
            confidence=Confidence.MEDIUM,
            value=PERDEP_06_2016,
            note="labels H; which side of each cut-off a boundary score falls on is M",
        ),
        Regime(
            name="permenkop-9-2020",
            valid_from=date(2020, 10, 14),
            citation=Citation(
                "Permenkop UKM 9/2020", note="Pengawasan Koperasi; Juknis Deputi 15/2021"
            ),
            confidence=Confidence.LOW,
            value=PERMENKOP_9_2020,
            note="cut-offs unconfirmed: carried over from Perdep 06/2016; pass scale= to override",
        ),
    ],
    contiguous=True,
)
register(
    HEALTH_SCALES,
    description_id="skala penilaian kesehatan koperasi simpan pinjam",
    description_en="health-rating scale of savings-and-loan cooperatives",
    unit=Unit.TABLE,
    module=__name__,
    value_type=HealthScale,
)


@attrs.frozen(kw_only=True)
class HealthDecision(CooperativeDecision[HealthGrade]):
    """A health grade tagged with the scale version that produced it."""

    score: Decimal
    scale_version: str


def _score(raw: object) -> Decimal:
    if type(raw) is int:
        return Decimal(raw)
    if type(raw) is float:
        if not math.isfinite(raw):
            raise ValidationError.single(
                "health.score",
                f"score must be finite, not {raw}",
                message_id=f"skor harus bilangan hingga, bukan {raw}",
            )
        return Decimal(repr(raw))
    if isinstance(raw, Decimal) and raw.is_finite():
        return raw
    raise ValidationError.single(
        "health.score",
        f"score must be a number from 0 to 100, not {type(raw).__name__}",
        message_id=f"skor harus angka dari 0 sampai 100, bukan {type(raw).__name__}",
    )


@computes
def health_grade(
    score: Decimal | int | float,
    *,
    as_of: date,
    scale: HealthScale | None = None,
    rules: Timeline[HealthScale] = HEALTH_SCALES,
) -> HealthDecision:
    """The health grade of a final assessment ``score`` in [0, 100] (R24).

    The scale in force on ``as_of`` is used unless ``scale`` is given; the
    decision records its ``scale_version``. Under Permenkop 9/2020 the shipped
    cut-offs are the Perdep 06/2016 ones (unconfirmed), flagged by a warning.

    >>> health_grade(80, as_of=date(2019, 1, 1)).outcome.label
    'Sehat'
    >>> d = health_grade(Decimal("79.99"), as_of=date(2019, 1, 1))
    >>> d.outcome.value, d.scale_version
    ('cukup_sehat', 'perdep-06-2016')
    """
    # The number policy of a score (at most four places, no -0): the decision
    # carries it on the wire, which reads no other (a float's repr has 17 digits).
    value = check_decimal(_score(score), places=DECIMAL_PLACES, code="health")
    if not Decimal(0) <= value <= _HUNDRED:
        raise ValidationError.single(
            "health.score_range",
            f"score {mask(value, limit=40)} is outside 0-100",
            message_id=f"skor {mask(value, limit=40)} di luar 0-100",
        )
    regime = checked(rules, as_of)
    used: HealthScale = regime.value if scale is None else scale
    grade = used.grade(value)
    citation = regime.citation if scale is None else Citation(used.version, note="caller's scale")
    findings = [
        Finding(
            code="cooperatives.health_grade",
            passed=True,
            severity=Severity.INFO,
            message_id=f"Skor {value} → {grade.label} (skala {used.version}: sehat ≥ "
            f"{used.healthy_from}, cukup sehat ≥ {used.fairly_healthy_from}, dalam pengawasan ≥ "
            f"{used.under_supervision_from}).",
            message_en=f"Score {value} → {grade.value} (scale {used.version}: healthy ≥ "
            f"{used.healthy_from}, fairly healthy ≥ {used.fairly_healthy_from}, under "
            f"supervision ≥ {used.under_supervision_from}).",
            citation=citation,
            details={"scale": used.version},
        )
    ]
    if scale is None and regime.confidence is Confidence.LOW:
        findings.append(
            Finding(
                code="cooperatives.health_scale_unconfirmed",
                passed=False,
                severity=Severity.WARNING,
                message_id="Batas skor menurut Permenkop 9/2020 belum terkonfirmasi; dipakai "
                "batas Perdep 06/2016.",
                message_en="The Permenkop 9/2020 cut-offs are unconfirmed; the Perdep 06/2016 "
                "cut-offs are used.",
                citation=regime.citation,
            )
        )
    return HealthDecision(
        outcome=grade,
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R24",
        basis=RuleBasis.REGULATION,
        score=value,
        scale_version=used.version,
    )
