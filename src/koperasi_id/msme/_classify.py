"""Classify a business by the size criteria in force on a date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from koperasi_id._numbers import computes
from koperasi_id._values import mask
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import Problem, RuleInputError, ValidationError
from koperasi_id.law import Regime, RegimeRef, Timeline
from koperasi_id.money import parse_rupiah
from koperasi_id.msme._business import Business, _check_date
from koperasi_id.msme._classify_findings import (
    _choose,
    _conflict_finding,
    _criterion_finding,
    _require_purpose_figure,
)
from koperasi_id.msme._criteria import (
    SIZE_CRITERIA,
    ConflictPolicy,
    Criterion,
    Purpose,
    SizeCriteria,
)
from koperasi_id.msme._size import BusinessSize

__all__ = ["SizeDecision", "classify", "classify_business"]

# The figure that plays the same role in the other regime: suggested first when
# a caller passes one the regime in force does not use.
_COUNTERPART = {
    Criterion.CAPITAL: Criterion.NET_ASSETS,
    Criterion.NET_ASSETS: Criterion.CAPITAL,
}


@attrs.frozen(kw_only=True)
class SizeDecision(Decision[BusinessSize]):
    """The size of a business on a date, with the figure that decided it.

    ``outcome`` (also :attr:`size`) is the class; ``criterion`` the figure it
    rests on; ``conflict`` is true when the figures given point to different
    classes (each one's class is in ``capital_size``, ``net_assets_size`` and
    ``annual_sales_size``; ``None`` for a figure not given).
    """

    criterion: Criterion
    conflict: bool = False
    purpose: Purpose | None = None
    policy: ConflictPolicy = ConflictPolicy.BY_PURPOSE
    capital_size: BusinessSize | None = None
    net_assets_size: BusinessSize | None = None
    annual_sales_size: BusinessSize | None = None

    @property
    def size(self) -> BusinessSize:
        """The business's class (the same as ``outcome``)."""
        return self.outcome

    @property
    def sizes(self) -> dict[Criterion, BusinessSize]:
        """The class each given figure points to."""
        found = {
            Criterion.CAPITAL: self.capital_size,
            Criterion.NET_ASSETS: self.net_assets_size,
            Criterion.ANNUAL_SALES: self.annual_sales_size,
        }
        return {c: s for c, s in found.items() if s is not None}

    @property
    def regime(self) -> RegimeRef:
        """The regime (law) the classification applied."""
        return self.regimes[0]


def _amount(criterion: Criterion, raw: object, problems: list[Problem]) -> Decimal | None:
    if raw is None:
        return None
    path = f"$.{criterion.argument}"
    if isinstance(raw, str):
        problems.append(
            Problem(
                path=path,
                code="money.type",
                message="Python calls take a Decimal or int, not text; read what a person "
                "typed with koperasi_id.money.parse_amount_text first",
                message_id="pemanggilan Python menerima Decimal atau int, bukan teks; baca yang diketik "
                "orang dengan koperasi_id.money.parse_amount_text terlebih dahulu",
            )
        )
        return None
    try:
        value = parse_rupiah(raw)
    except ValidationError as err:
        problems.extend(err.under(path).problems)
        return None
    if value < 0:
        problems.append(
            Problem(
                path=path,
                code="money.negative",
                message=f"{criterion.label_en} must not be negative, got {mask(value, limit=40)}",
                message_id=f"{criterion.label} tidak boleh negatif, diisi {mask(value, limit=40)}",
            )
        )
        return None
    return value


def _arguments(criteria: tuple[Criterion, ...]) -> str:
    return " or ".join(f"{c.argument}= ({c.label.lower()})" for c in criteria)


def _unused_error(
    criterion: Criterion,
    regime: Regime[SizeCriteria],
    timeline: Timeline[SizeCriteria],
    as_of: date,
) -> RuleInputError:
    used = regime.value.criteria
    elsewhere = [r for r in timeline if r.value.bands_for(criterion) is not None]
    where = ""
    if elsewhere:
        spans = ", ".join(
            f"{r.citation.instrument} from {r.valid_from.isoformat()}"
            + (f" to {r.valid_to.isoformat()}" if r.valid_to else "")
            for r in elsewhere
        )
        where = f" (it is used under {spans})"
    counterpart = _COUNTERPART.get(criterion)
    preferred = [c for c in used if c is counterpart]
    suggestion = _arguments((*preferred, *(c for c in used if c is not counterpart)))
    return RuleInputError(
        f"{criterion.label_en} ({criterion.value}) is not a criterion of {regime.citation}, "
        f"the rule in force on {as_of.isoformat()}{where}; pass {suggestion} instead"
    )


def _validate_choice(purpose: object, policy: object) -> None:
    problems = []
    if purpose is not None and not isinstance(purpose, Purpose):
        problems.append(
            Problem(
                path="$.purpose",
                code="enum",
                message="purpose must be a Purpose or None",
                message_id="purpose harus berupa Purpose atau None",
            )
        )
    if not isinstance(policy, ConflictPolicy):
        problems.append(
            Problem(
                path="$.policy",
                code="enum",
                message="policy must be a ConflictPolicy",
                message_id="policy harus berupa ConflictPolicy",
            )
        )
    if problems:
        raise ValidationError(problems)


@computes
def classify(
    *,
    as_of: date,
    capital: Decimal | int | None = None,
    net_assets: Decimal | int | None = None,
    annual_sales: Decimal | int | None = None,
    purpose: Purpose | None = None,
    started_on: date | None = None,
    policy: ConflictPolicy = ConflictPolicy.BY_PURPOSE,
    rules: Timeline[SizeCriteria] | None = None,
    excludes_land_and_buildings: bool = True,
) -> SizeDecision:
    """The size of a business on ``as_of``, by the law in force that day.

    Pass the figures you hold: ``capital`` (modal usaha, PP 7/2021, from
    2021-02-02), ``net_assets`` (kekayaan bersih, UU 20/2008, before
    2021-02-02) and/or ``annual_sales`` (both regimes). ``capital`` and
    ``net_assets`` must leave out the land and buildings of the business
    premises; ``excludes_land_and_buildings=False`` is refused.

    ``purpose`` says why you ask (PP 7/2021 Pasal 35): registration decides by
    capital, support programmes by sales (and require sales for a business
    that ``started_on`` before 2021-02-02). When two figures disagree the
    decision says so (``conflict``) and ``policy`` picks the class; the default
    lets the purpose decide and, where no purpose rule applies, takes the lower
    class (meeting one criterion is enough: the law joins them with "atau").

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> d = classify(as_of=date(2024, 5, 1), capital=Decimal("1000000000"))
    >>> d.size, d.criterion.value, str(d.regime.citation)
    (<BusinessSize.MICRO: 'mikro'>, 'modal_usaha', 'PP 7/2021 Pasal 35')
    >>> classify(as_of=date(2024, 5, 1), capital=1_000_000_001).size.label
    'Usaha Kecil'
    >>> d = classify(as_of=date(2024, 5, 1), capital=Decimal("800000000"),
    ...              annual_sales=Decimal("3000000000"), purpose=Purpose.SUPPORT)
    >>> d.size.value, d.criterion.value, d.conflict, d.capital_size.value
    ('kecil', 'hasil_penjualan_tahunan', True, 'mikro')
    >>> classify(as_of=date(2020, 6, 1), capital=Decimal("40000000"))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.RuleInputError: business capital (modal_usaha) is not a criterion of UU 20/2008 Pasal 6, the rule in force on 2020-06-01 (it is used under PP 7/2021 from 2021-02-02); pass net_assets= (kekayaan bersih) or annual_sales= (hasil penjualan tahunan) instead
    """
    _check_date("as_of", as_of)
    if started_on is not None:
        _check_date("started_on", started_on)
    _validate_choice(purpose, policy)
    problems: list[Problem] = []
    figures = {
        Criterion.CAPITAL: _amount(Criterion.CAPITAL, capital, problems),
        Criterion.NET_ASSETS: _amount(Criterion.NET_ASSETS, net_assets, problems),
        Criterion.ANNUAL_SALES: _amount(Criterion.ANNUAL_SALES, annual_sales, problems),
    }
    if problems:
        raise ValidationError(problems)
    timeline = SIZE_CRITERIA if rules is None else rules
    regime = timeline.at(as_of)
    criteria = regime.value
    given = {c: v for c, v in figures.items() if v is not None}
    if not given:
        raise RuleInputError(
            f"no figure to classify by: {regime.citation} is in force on "
            f"{as_of.isoformat()}; pass {_arguments(criteria.criteria)}"
        )
    for criterion in given:
        if criteria.bands_for(criterion) is None:
            raise _unused_error(criterion, regime, timeline, as_of)
    if excludes_land_and_buildings is not True:
        for bands in criteria.bands:
            if bands.criterion in given and bands.criterion.excludes_land_and_buildings:
                raise RuleInputError(
                    f"{bands.criterion.label_en} must exclude the land and buildings of the "
                    f"business premises ('tidak termasuk tanah dan bangunan tempat usaha', "
                    f"{bands.citation}); subtract their value and pass "
                    "excludes_land_and_buildings=True"
                )
    rule = criteria.rule_for(purpose)
    findings: list[Finding] = []
    if rule is not None:
        _require_purpose_figure(rule, given, started_on, findings)

    ordered = [b for b in criteria.bands if b.criterion in given]
    sizes = {b.criterion: b.size_of(given[b.criterion]) for b in ordered}
    findings.extend(_criterion_finding(b, given[b.criterion], sizes[b.criterion]) for b in ordered)
    conflict = len(set(sizes.values())) > 1
    basis, basis_finding = _choose(
        sizes, rule=rule, policy=policy, conflict=conflict, regime=regime, started_on=started_on
    )
    findings.append(basis_finding)
    if conflict:
        findings.append(_conflict_finding(sizes, basis, policy, regime))
    return SizeDecision(
        outcome=sizes[basis],
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        criterion=basis,
        conflict=conflict,
        purpose=purpose,
        policy=policy,
        capital_size=sizes.get(Criterion.CAPITAL),
        net_assets_size=sizes.get(Criterion.NET_ASSETS),
        annual_sales_size=sizes.get(Criterion.ANNUAL_SALES),
    )


@computes
def classify_business(
    business: Business,
    *,
    as_of: date,
    purpose: Purpose | None = None,
    policy: ConflictPolicy = ConflictPolicy.BY_PURPOSE,
    rules: Timeline[SizeCriteria] | None = None,
    excludes_land_and_buildings: bool = True,
) -> SizeDecision:
    """Classify ``business`` on ``as_of`` with the figures the law in force uses.

    Figures the regime in force does not use are left out (a business record
    may hold both capital and net assets for different dates); its start date
    feeds PP 7/2021 Pasal 35 ayat (6).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from koperasi_id.identifiers import Nik
    >>> b = Business(name="CV Maju", owner_nik=Nik.parse("1871010101900001"),
    ...              started_on=date(2019, 1, 10), net_assets=Decimal("40000000"),
    ...              capital=Decimal("900000000"), annual_sales=Decimal("2500000000"))
    >>> d = classify_business(b, as_of=date(2020, 6, 1))
    >>> d.size.value, d.conflict, d.net_assets_size.value, d.annual_sales_size.value
    ('mikro', True, 'mikro', 'kecil')
    >>> classify_business(b, as_of=date(2024, 6, 1), purpose=Purpose.SUPPORT).size.value
    'kecil'
    >>> classify_business(b, as_of=date(2024, 6, 1), purpose=Purpose.REGISTRATION).size.value
    'mikro'
    """
    if not isinstance(business, Business):
        raise ValidationError.single(
            "type.object",
            f"expected a Business, got {type(business).__name__}",
            message_id=f"harus berupa Business, bukan {type(business).__name__}",
        )
    _check_date("as_of", as_of)
    timeline = SIZE_CRITERIA if rules is None else rules
    used = timeline.at(as_of).value.criteria
    figures: dict[str, Decimal | None] = {
        c.argument: getattr(business, c.argument) for c in Criterion if c in used
    }
    if all(v is None for v in figures.values()):
        held = [c.argument for c in Criterion if getattr(business, c.argument) is not None]
        raise RuleInputError(
            f"the business has no figure the rule in force on {as_of.isoformat()} uses: "
            f"set {' or '.join(figures)}" + (f" (it holds only {', '.join(held)})" if held else "")
        )
    return classify(
        as_of=as_of,
        purpose=purpose,
        started_on=business.started_on,
        policy=policy,
        rules=rules,
        excludes_land_and_buildings=excludes_land_and_buildings,
        **figures,
    )
