"""The OSS-RBA view of scale: UMK or not, from the capital declared at registration."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from koperasi_id._numbers import computes
from koperasi_id._values import mask
from koperasi_id.decisions import Decision, Finding, Severity
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.money import format_rupiah
from koperasi_id.msme._business import _check_date
from koperasi_id.msme._classify import classify
from koperasi_id.msme._criteria import PP_7_2021_IN_FORCE, Purpose, SizeCriteria
from koperasi_id.msme._size import BusinessSize

__all__ = ["OSS_SCALE", "OssScaleDecision", "OssScaleRule", "is_umk_for_oss", "oss_scale"]


@attrs.frozen(kw_only=True)
class OssScaleRule:
    """How OSS tells UMK from non-UMK: capital up to and including a ceiling."""

    umk_capital_ceiling: Decimal


_CEILING = OssScaleRule(umk_capital_ceiling=Decimal(5_000_000_000))

#: The licensing basis of the NIB scale. OSS applies PP 7/2021 Pasal 35 ayat (3)
#: to the declared capital; UMK means capital of at most Rp5,000,000,000
#: (excluding land and buildings). Medium confidence (secondary sources only),
#: and PP 28/2025 is assumed to keep the same scale rule.
OSS_SCALE: Timeline[OssScaleRule] = Timeline(
    "msme.oss_scale",
    [
        Regime(
            name="pp-5-2021",
            valid_from=PP_7_2021_IN_FORCE,
            valid_to=date(2025, 6, 4),
            citation=Citation("PP 5/2021", note="with PP 7/2021 Pasal 35 ayat (3)"),
            confidence=Confidence.MEDIUM,
            value=_CEILING,
        ),
        Regime(
            name="pp-28-2025",
            valid_from=date(2025, 6, 5),
            citation=Citation("PP 28/2025", note="with PP 7/2021 Pasal 35 ayat (3)"),
            confidence=Confidence.MEDIUM,
            value=_CEILING,
            note="Assumed to keep PP 5/2021's scale rule; not checked against the text.",
        ),
    ],
    contiguous=True,
)
register(
    OSS_SCALE,
    description_id="dasar skala usaha NIB di OSS (modal usaha)",
    description_en="basis of the NIB business scale in OSS (business capital)",
    unit=Unit.TABLE,
    module=__name__,
    value_type=OssScaleRule,
)


@attrs.frozen(kw_only=True)
class OssScaleDecision(Decision[bool]):
    """Whether OSS treats the business as UMK (``outcome``), and its scale."""

    size: BusinessSize
    capital: Decimal
    umk_capital_ceiling: Decimal

    @property
    def is_umk(self) -> bool:
        """True for micro and small (UMK), false for medium and large."""
        return self.outcome


@computes
def oss_scale(
    capital: Decimal | int,
    *,
    as_of: date,
    excludes_land_and_buildings: bool = True,
    rules: Timeline[OssScaleRule] | None = None,
    size_rules: Timeline[SizeCriteria] | None = None,
) -> OssScaleDecision:
    """The scale OSS records on a NIB for ``capital`` declared at registration.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> d = oss_scale(Decimal("5000000001"), as_of=date(2024, 1, 1))
    >>> d.is_umk, d.size.value
    (False, 'menengah')
    """
    timeline = OSS_SCALE if rules is None else rules
    regime = timeline.at(_check_date("as_of", as_of))
    sized = classify(
        as_of=as_of,
        capital=capital,
        purpose=Purpose.REGISTRATION,
        rules=size_rules,
        excludes_land_and_buildings=excludes_land_and_buildings,
    )
    ceiling = regime.value.umk_capital_ceiling
    # classify has validated and normalised the amount; read it back from there.
    amount = Decimal(sized.finding("msme.size.modal_usaha").details["amount"])
    umk = amount <= ceiling
    verdict_id = "UMK" if umk else "non-UMK"
    finding = Finding(
        code="msme.oss.umk",
        passed=umk,
        severity=Severity.INFO,
        message_id=(
            f"Modal usaha {mask(format_rupiah(amount))} "
            f"{'paling banyak' if umk else 'melebihi'} {format_rupiah(ceiling)}: {verdict_id}."
        ),
        message_en=(
            f"Business capital {mask(format_rupiah(amount))} is "
            f"{'at most' if umk else 'above'} {format_rupiah(ceiling)}: "
            f"{'UMK' if umk else 'not UMK'}."
        ),
        citation=regime.citation,
        details={"amount": str(amount), "ceiling": str(ceiling)},
    )
    return OssScaleDecision(
        outcome=umk,
        as_of=as_of,
        findings=(*sized.findings, finding),
        regimes=(*sized.regimes, regime.ref),
        size=sized.size,
        capital=amount,
        umk_capital_ceiling=ceiling,
    )


@computes
def is_umk_for_oss(
    capital: Decimal | int,
    *,
    as_of: date,
    excludes_land_and_buildings: bool = True,
    rules: Timeline[OssScaleRule] | None = None,
    size_rules: Timeline[SizeCriteria] | None = None,
) -> bool:
    """Whether ``capital`` makes a business UMK (micro or small) in OSS.

    The shortcut for ``oss_scale(...).is_umk``; use :func:`oss_scale` to keep
    the reasons.

    >>> from datetime import date
    >>> is_umk_for_oss(5_000_000_000, as_of=date(2025, 6, 5))
    True
    >>> is_umk_for_oss(5_000_000_001, as_of=date(2025, 6, 5))
    False
    """
    return oss_scale(
        capital,
        as_of=as_of,
        excludes_land_and_buildings=excludes_land_and_buildings,
        rules=rules,
        size_rules=size_rules,
    ).is_umk
