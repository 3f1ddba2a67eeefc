"""Sector criteria (PP 7/2021 Pasal 36): a ministry's own test of MSME status."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Protocol, runtime_checkable

import attrs

from koperasi_id._numbers import computes
from koperasi_id._values import mask
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import Problem, RuleInputError, ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.money import format_rupiah
from koperasi_id.msme._business import Business, _check_date
from koperasi_id.msme._classify import _amount
from koperasi_id.msme._criteria import Criterion

__all__ = ["KUR_2026_OMZET", "AnnualSalesCeiling", "SectorCriteria", "SectorDecision"]


@attrs.frozen(kw_only=True)
class SectorDecision(Decision[bool]):
    """Whether a business meets a sector's own criteria (``outcome``)."""

    criteria_code: str


@runtime_checkable
class SectorCriteria(Protocol):
    """What a ministry's own size criteria implement (PP 7/2021 Pasal 36).

    Pasal 36 lets ministries and agencies use other criteria for their own
    purposes (omzet, net assets, investment value, workers, ...). Implement
    ``code`` (a stable dotted string) and ``assess``, returning a
    :class:`~koperasi_id.decisions.Decision` whose ``outcome`` says whether the
    business meets the criteria and whose findings cite the sector rule.
    :class:`AnnualSalesCeiling` is the shipped implementation.
    """

    @property
    def code(self) -> str:
        """Stable finding code of the criteria, e.g. ``"msme.sector.kur_omzet"``."""
        ...

    def assess(self, business: Business, *, as_of: date) -> Decision[bool]:
        """Whether ``business`` meets the criteria on ``as_of``."""
        ...


@attrs.frozen(kw_only=True)
class AnnualSalesCeiling:
    """A sector test of the form "annual sales (omzet) at most X", X dated.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> KUR_2026_OMZET.check(Decimal("4800000000"), as_of=date(2026, 3, 1)).outcome
    True
    >>> KUR_2026_OMZET.check(Decimal("4800000001"), as_of=date(2026, 3, 1)).outcome
    False
    >>> isinstance(KUR_2026_OMZET, SectorCriteria)
    True
    """

    code: str = attrs.field(validator=attrs.validators.min_len(1))
    #: What passing means, in Indonesian and English, for the messages.
    meaning_id: str
    meaning_en: str
    ceilings: Timeline[Decimal]

    @computes
    def check(self, annual_sales: Decimal | int, *, as_of: date) -> SectorDecision:
        """Whether ``annual_sales`` is within the ceiling in force on ``as_of``."""
        problems: list[Problem] = []
        amount = _amount(Criterion.ANNUAL_SALES, annual_sales, problems)
        if problems:
            raise ValidationError(problems)
        if amount is None:
            raise RuleInputError(f"{self.code} needs annual_sales (omzet); got None")
        regime = self.ceilings.at(_check_date("as_of", as_of))
        ceiling = regime.value
        within = amount <= ceiling
        shown, limit = mask(format_rupiah(amount)), format_rupiah(ceiling)
        finding = Finding(
            code=self.code,
            passed=within,
            message_id=(
                f"Omzet {shown} {'paling banyak' if within else 'melebihi'} {limit}: "
                f"{'memenuhi' if within else 'tidak memenuhi'} {self.meaning_id}."
            ),
            message_en=(
                f"Annual sales {shown} {'at most' if within else 'above'} {limit}: "
                f"{'meets' if within else 'does not meet'} {self.meaning_en}."
            ),
            citation=regime.citation,
            details={"amount": str(amount), "ceiling": str(ceiling)},
        )
        return SectorDecision(
            outcome=within,
            as_of=as_of,
            findings=(finding,),
            regimes=(regime.ref,),
            criteria_code=self.code,
        )

    def assess(self, business: Business, *, as_of: date) -> SectorDecision:
        """:meth:`check` on the business's ``annual_sales``."""
        if business.annual_sales is None:
            raise RuleInputError(
                f"{self.code} judges annual sales (omzet): set the business's annual_sales"
            )
        return self.check(business.annual_sales, as_of=as_of)


#: The KUR scale test from 2026 (Permenko Perekonomian 1/2026 Pasal 3 ayat (3)).
#: Micro and small status means omzet of the previous year, or the estimate for
#: the current year, of at most Rp4,800,000,000 (R-KUR-9). Medium confidence on
#: the start date (set on 5 Jan 2026, policy "from 1 Jan 2026"); the library
#: starts it on 2026-01-01.
KUR_2026_OMZET = AnnualSalesCeiling(
    code="msme.sector.kur_omzet",
    meaning_id="skala usaha mikro dan kecil untuk KUR",
    meaning_en="the micro-and-small scale test for KUR",
    ceilings=Timeline(
        "msme.sector.kur_omzet",
        [
            Regime(
                name="permenko-1-2026",
                valid_from=date(2026, 1, 1),
                citation=Citation("Permenko Perekonomian 1/2026", "Pasal 3 ayat (3)"),
                confidence=Confidence.MEDIUM,
                value=Decimal(4_800_000_000),
                note="Set 5 Jan 2026; policy applies from 1 Jan 2026.",
            )
        ],
    ),
)
register(
    KUR_2026_OMZET.ceilings,
    description_id="omzet tahunan paling tinggi usaha mikro dan kecil untuk KUR",
    description_en="highest annual sales of a micro or small business for KUR",
    unit=Unit.RUPIAH,
    module=__name__,
    value_type=Decimal,
)
