"""Questions to the KUR law on a date: scheme, rate, subsidy, tenor, collateral, NPWP."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import NamedTuple, TypeVar

import attrs

from koperasi_id._numbers import check_whole, computes
from koperasi_id._values import mask
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import NoRuleInForceError, RuleInputError, ValidationError
from koperasi_id.kur._args import day, member
from koperasi_id.kur._rules import DEFAULT_RULES, DisasterRate, KurRules, PlafondBand, RateTable
from koperasi_id.kur._schemes import Purpose, Scheme, Sector
from koperasi_id.law import Regime, RegimeRef
from koperasi_id.money import format_rupiah, parse_rupiah

__all__ = [
    "RateDecision",
    "access_limit",
    "additional_collateral_allowed",
    "max_tenor_months",
    "npwp_required",
    "omzet_ceiling",
    "plafond_band",
    "rate",
    "rate_decision",
    "scheme_for",
    "subsidy",
    "total_rate",
]

_BY_AMOUNT = (Scheme.SUPER_MICRO, Scheme.MICRO, Scheme.SMALL)
V = TypeVar("V")


def _of_scheme(table: Mapping[Scheme, V], scheme: Scheme, table_name: str, as_of: date) -> V:
    """``table[scheme]``; a scheme the regime does not know is no rule in force.

    Super mikro began in 2020, KUR khusus in 2018; a pre-2023 subsidy is known
    only for some schemes. Asking about them earlier is the same situation as
    asking before the relaunch, so the same error answers it.
    """
    try:
        return table[scheme]
    except KeyError:
        known = ", ".join(sorted(s.value for s in table))
        raise NoRuleInForceError(
            f"{table_name}[{scheme.value}]",
            as_of,
            hint=f"the regime in force then knows only {known}",
        ) from None


def _rules(rules: KurRules | None) -> KurRules:
    return DEFAULT_RULES if rules is None else rules


def _plafond(plafond: object) -> Decimal:
    if isinstance(plafond, bool) or not isinstance(plafond, Decimal | int):
        raise ValidationError.single(
            "kur.plafond_type",
            f"a plafond is a Decimal amount, got {type(plafond).__name__}",
            message_id=f"plafon harus jumlah Decimal, bukan {type(plafond).__name__}",
        )
    value = parse_rupiah(plafond)  # finite, at most two decimals
    if value <= 0:
        raise ValidationError.single(
            "kur.plafond_not_positive",
            f"a KUR plafond must be above zero, got {plafond}",
            message_id=f"plafon KUR harus lebih dari nol, diisi {plafond}",
        )
    return value


def _access(access: object) -> int:
    if isinstance(access, bool) or not isinstance(access, int) or access < 1:
        raise ValidationError.single(
            "kur.access",
            f"the access number counts from 1, got {mask(access, limit=40, quote=True)}",
            message_id=f"nomor akses dihitung dari 1, diisi {mask(access, limit=40, quote=True)}",
            path="$.access",
        )
    return check_whole(access, path="$.access")


def _exemption(kur: KurRules, as_of: date) -> frozenset[str]:
    """What Pasal 38A exempts from on ``as_of``; an explicit claim before it exists is an error."""
    exemption = kur.exemption_38a.find(as_of)
    if exemption is None:
        first = kur.exemption_38a.regimes[0]
        raise RuleInputError(
            f"the Pasal 38A exemption ({first.citation.instrument}) is not in force on "
            f"{as_of.isoformat()} (from {first.valid_from.isoformat()}); pass exempt_38a=False"
        )
    return exemption.value


@computes
def scheme_for(plafond: Decimal | int, *, as_of: date, rules: KurRules | None = None) -> Scheme:
    """The general KUR scheme whose plafond band holds ``plafond`` (R-KUR-1).

    Only super mikro, mikro and kecil are chosen by amount; khusus and PMI are
    programmes a borrower joins, checked with :func:`plafond_band`.

    >>> from decimal import Decimal
    >>> scheme_for(Decimal(10_000_000), as_of=date(2024, 5, 1)).value
    'super_mikro'
    >>> scheme_for(Decimal(100_000_000), as_of=date(2024, 5, 1)).value
    'mikro'
    >>> scheme_for(Decimal(60_000_000), as_of=date(2021, 5, 1)).value
    'kecil'
    >>> scheme_for(Decimal(500_000_001), as_of=date(2024, 5, 1))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: Rp500.000.001 is above every KUR ceiling (Rp500.000.000) on 2024-05-01 [kur.not_kur]
    """
    amount = _plafond(plafond)
    bands = _rules(rules).ceilings.value_at(day(as_of, "as_of"))
    for scheme in _BY_AMOUNT:
        if scheme in bands and bands[scheme].admits(amount):
            return scheme
    top = max(band.ceiling for band in bands.values())
    raise ValidationError.single(
        "kur.not_kur",
        f"{mask(format_rupiah(amount))} is above every KUR ceiling ({format_rupiah(top)}) on "
        f"{as_of.isoformat()}",
        message_id=f"{mask(format_rupiah(amount))} melebihi setiap plafon tertinggi KUR ({format_rupiah(top)}) pada "
        f"{as_of.isoformat()}",
    )


def plafond_band(scheme: Scheme, *, as_of: date, rules: KurRules | None = None) -> PlafondBand:
    """The plafond band of ``scheme``: ``floor < plafond <= ceiling``.

    >>> band = plafond_band(Scheme.MICRO, as_of=date(2021, 12, 31))
    >>> band.floor, band.ceiling
    (Decimal('10000000'), Decimal('50000000'))
    >>> plafond_band(Scheme.MICRO, as_of=date(2019, 6, 1)).ceiling
    Decimal('25000000')
    >>> plafond_band(Scheme.SUPER_MICRO, as_of=date(2020, 8, 30))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.NoRuleInForceError: no kur.ceiling[super_mikro] rule in force on 2020-08-30; the regime in force then knows only kecil, khusus, mikro, pmi
    """
    scheme = member(scheme, Scheme, "scheme")
    as_of = day(as_of, "as_of")
    timeline = _rules(rules).ceilings
    return _of_scheme(timeline.value_at(as_of), scheme, timeline.name, as_of)


@attrs.frozen(kw_only=True)
class RateDecision(Decision[Decimal]):
    """The borrower rate (percent per year, ``outcome``) and how it was found."""

    scheme: Scheme
    access: int
    tier_applied: bool


@computes
def rate_decision(
    scheme: Scheme,
    *,
    as_of: date,
    access: int = 1,
    exempt_38a: bool = False,
    disaster_area: bool = False,
    rules: KurRules | None = None,
) -> RateDecision:
    """The borrower rate with its regimes and a ``kur.rate`` finding (R-KUR-2).

    ``access`` is the number of this KUR agreement *within the scheme*
    (1-based). ``exempt_38a`` claims the Permenko 12/2025 Pasal 38A exemption
    from tiering; it is an error on a date before Pasal 38A. ``disaster_area``
    says the business is in a province under the 2026 disaster policy; where
    that policy is in force it caps the rate, elsewhere it changes nothing.

    >>> d = rate_decision(Scheme.MICRO, as_of=date(2024, 5, 1), access=2)
    >>> d.outcome, d.finding("kur.rate").details["tier"]
    (Decimal('7'), '2')
    >>> rate_decision(Scheme.MICRO, as_of=date(2024, 5, 1), access=2, exempt_38a=True).outcome
    Traceback (most recent call last):
    ...
    koperasi_id.errors.RuleInputError: the Pasal 38A exemption (Permenko Perekonomian 12/2025) is not in force on 2024-05-01 ...
    """
    scheme = member(scheme, Scheme, "scheme")
    as_of = day(as_of, "as_of")
    kur = _rules(rules)
    k = _access(access)
    found = _borrower_rate(
        kur, scheme, as_of, k, exempt_38a=exempt_38a, disaster_area=disaster_area
    )
    regime, tiers, value = found.regime, found.tiers, found.value
    refs: list[RegimeRef] = [regime.ref]
    if found.exempt and len(tiers) > 1:
        refs.append(kur.exemption_38a.at(as_of).ref)
    citation = regime.citation
    details = {
        "scheme": scheme.value,
        "access": str(k),
        "tier": str(found.tier),
        "rate": str(value),
        "regime": regime.name,
    }
    if found.override is not None:
        citation = found.override.citation
        refs.append(found.override.ref)
        details["disaster_rate"] = str(value)
    finding = Finding(
        code="kur.rate",
        passed=True,
        message_id=f"Suku bunga {scheme.label} akses ke-{k}: {value}% efektif per tahun.",
        message_en=f"{scheme.label} rate for access {k}: {value}% effective per year.",
        citation=citation,
        details=details,
    )
    return RateDecision(
        outcome=value,
        as_of=as_of,
        findings=(finding,),
        regimes=tuple(refs),
        scheme=scheme,
        access=k,
        tier_applied=len(tiers) > 1 and not found.exempt,
    )


class _RateParts(NamedTuple):
    regime: Regime[RateTable]
    tiers: tuple[Decimal, ...]
    tier: int
    exempt: bool
    override: Regime[DisasterRate] | None
    value: Decimal


def _borrower_rate(
    kur: KurRules, scheme: Scheme, as_of: date, k: int, *, exempt_38a: bool, disaster_area: bool
) -> _RateParts:
    """The rate and how it was found; :func:`rate` needs only the value, so no Finding."""
    regime = kur.rates.at(as_of)
    tiers = _of_scheme(regime.value, scheme, kur.rates.name, as_of)
    exempt = exempt_38a and "rate_tier" in _exemption(kur, as_of)
    tier = 1 if exempt else min(k, len(tiers))
    value = tiers[tier - 1]
    override = kur.disaster_rates.find(as_of) if disaster_area else None
    if override is not None and override.value.rate < value:
        value = override.value.rate
    else:
        override = None
    return _RateParts(regime, tiers, tier, exempt, override, value)


@computes
def rate(
    scheme: Scheme,
    *,
    as_of: date,
    access: int = 1,
    exempt_38a: bool = False,
    disaster_area: bool = False,
    rules: KurRules | None = None,
) -> Decimal:
    """The borrower rate in percent per year, *efektif* (R-KUR-2).

    >>> [str(rate(Scheme.MICRO, as_of=date(2024, 5, 1), access=k)) for k in (1, 2, 3, 4, 5)]
    ['6', '7', '8', '9', '9']
    >>> rate(Scheme.MICRO, as_of=date(2015, 7, 1)), rate(Scheme.MICRO, as_of=date(2019, 12, 31))
    (Decimal('12'), Decimal('7'))
    >>> rate(Scheme.SUPER_MICRO, as_of=date(2020, 12, 31))
    Decimal('6')
    >>> rate(Scheme.MICRO, as_of=date(2026, 3, 1), access=3)
    Decimal('6')
    >>> rate(Scheme.MICRO, as_of=date(2026, 3, 1), disaster_area=True)
    Decimal('0')
    """
    scheme = member(scheme, Scheme, "scheme")
    as_of = day(as_of, "as_of")
    found = _borrower_rate(
        _rules(rules),
        scheme,
        as_of,
        _access(access),
        exempt_38a=exempt_38a,
        disaster_area=disaster_area,
    )
    return found.value


@computes
def total_rate(
    scheme: Scheme,
    *,
    as_of: date,
    plafond: Decimal | int | None = None,
    rules: KurRules | None = None,
) -> Decimal:
    """What the lender receives, percent per year: borrower rate + subsidy (KMK 317/2023).

    KUR khusus depends on the plafond (≤ Rp10 jt, ≤ Rp100 jt, above).

    >>> total_rate(Scheme.SPECIAL, as_of=date(2024, 5, 1), plafond=100_000_000)
    Decimal('16')
    >>> total_rate(Scheme.MICRO, as_of=date(2020, 5, 1))
    Decimal('16.5')
    """
    scheme = member(scheme, Scheme, "scheme")
    as_of = day(as_of, "as_of")
    timeline = _rules(rules).total_rates
    bands = _of_scheme(timeline.value_at(as_of), scheme, timeline.name, as_of)
    if len(bands) > 1 and plafond is None:
        raise RuleInputError(f"the {scheme.label} subsidy depends on the plafond; pass plafond=")
    amount = None if plafond is None else _plafond(plafond)
    for ceiling, total in bands:
        if ceiling is None or amount is None or amount <= ceiling:
            return total
    # The shipped tables end with an open band; a caller's table may not. (Without a
    # plafond the first band has answered.)
    assert amount is not None
    raise RuleInputError(
        f"the {timeline.name} table in force on {as_of.isoformat()} has no band for a "
        f"{scheme.label} plafond of {mask(format_rupiah(amount))}; its last band must be open "
        "(ceiling None)"
    )


@computes
def subsidy(
    scheme: Scheme,
    *,
    as_of: date,
    access: int = 1,
    plafond: Decimal | int | None = None,
    exempt_38a: bool = False,
    disaster_area: bool = False,
    rules: KurRules | None = None,
) -> Decimal:
    """The interest subsidy in percentage points per year (R-KUR-11).

    Always ``total_rate(...) - rate(...)``, so the borrower rate and the
    subsidy add up to the scheme's total whatever the access number or
    exemption.

    >>> [str(subsidy(Scheme.MICRO, as_of=date(2024, 5, 1), access=k)) for k in (1, 2, 3, 4)]
    ['10', '9', '8', '7']
    >>> subsidy(Scheme.SMALL, as_of=date(2024, 5, 1), access=4)
    Decimal('2.5')
    >>> subsidy(Scheme.MICRO, as_of=date(2023, 1, 26))
    Traceback (most recent call last):
    ...
    koperasi_id.errors.NoRuleInForceError: no kur.subsidy rule in force on 2023-01-26 ...
    """
    total = total_rate(scheme, as_of=as_of, plafond=plafond, rules=rules)
    borrower = rate(
        scheme,
        as_of=as_of,
        access=access,
        exempt_38a=exempt_38a,
        disaster_area=disaster_area,
        rules=rules,
    )
    return total - borrower


def max_tenor_months(
    scheme: Scheme,
    purpose: Purpose,
    *,
    as_of: date,
    extended: bool = False,
    rules: KurRules | None = None,
) -> int:
    """The longest tenor in months, counted from the original akad date (R-KUR-4).

    ``extended`` is for extension, suplesi (top-up) or restructuring.

    >>> max_tenor_months(Scheme.MICRO, Purpose.WORKING_CAPITAL, as_of=date(2024, 5, 1))
    36
    >>> max_tenor_months(Scheme.MICRO, Purpose.INVESTMENT, as_of=date(2024, 5, 1), extended=True)
    84
    """
    scheme = member(scheme, Scheme, "scheme")
    purpose = member(purpose, Purpose, "purpose")
    as_of = day(as_of, "as_of")
    timeline = _rules(rules).tenors
    limit = _of_scheme(timeline.value_at(as_of), scheme, timeline.name, as_of)
    if purpose is Purpose.WORKING_CAPITAL:
        months = limit.working_capital_extended if extended else limit.working_capital
    else:
        months = limit.investment_extended if extended else limit.investment
    if months is None:
        what = "extended " if extended else ""
        raise RuleInputError(
            f"{scheme.label} has no {what}{purpose.label} tenor rule on {as_of.isoformat()}"
        )
    return months


def additional_collateral_allowed(
    scheme: Scheme, plafond: Decimal | int, *, as_of: date, rules: KurRules | None = None
) -> bool:
    """Whether the lender may ask for agunan tambahan (R-KUR-5).

    >>> additional_collateral_allowed(Scheme.MICRO, 100_000_000, as_of=date(2024, 5, 1))
    False
    >>> additional_collateral_allowed(Scheme.SMALL, 100_000_001, as_of=date(2024, 5, 1))
    True
    """
    scheme = member(scheme, Scheme, "scheme")
    amount = _plafond(plafond)
    rule = _rules(rules).collateral.value_at(day(as_of, "as_of"))
    return scheme not in rule.no_collateral_schemes and amount > rule.ceiling


def npwp_required(
    scheme: Scheme, plafond: Decimal | int, *, as_of: date, rules: KurRules | None = None
) -> bool:
    """Whether the borrower needs an NPWP (R-KUR-6).

    >>> npwp_required(Scheme.MICRO, 50_000_000, as_of=date(2024, 5, 1))
    False
    >>> npwp_required(Scheme.MICRO, 50_000_001, as_of=date(2024, 5, 1))
    True
    """
    scheme = member(scheme, Scheme, "scheme")
    amount = _plafond(plafond)
    rule = _rules(rules).npwp.value_at(day(as_of, "as_of"))
    return scheme in rule.always or (scheme in rule.above_threshold and amount > rule.threshold)


def access_limit(
    scheme: Scheme,
    sector: Sector,
    *,
    as_of: date,
    exempt_38a: bool = False,
    rules: KurRules | None = None,
) -> int | None:
    """The most agreements of ``scheme`` a borrower may have; ``None``: no limit (R-KUR-3).

    >>> access_limit(Scheme.MICRO, Sector.LIVESTOCK, as_of=date(2024, 5, 1))
    4
    >>> access_limit(Scheme.MICRO, Sector.TRADE, as_of=date(2024, 5, 1))
    2
    >>> access_limit(Scheme.MICRO, Sector.TRADE, as_of=date(2026, 1, 1)) is None
    True
    """
    scheme = member(scheme, Scheme, "scheme")
    sector = member(sector, Sector, "sector")
    as_of = day(as_of, "as_of")
    kur = _rules(rules)
    limits = kur.access_limits.value_at(as_of)
    if exempt_38a and "access_limit" in _exemption(kur, as_of):
        return None
    limit = limits.get(scheme)
    if limit is None:
        return None
    return limit.primary_production if sector.is_primary_production else limit.other


def omzet_ceiling(*, as_of: date, rules: KurRules | None = None) -> Decimal:
    """The largest omzet that still counts as micro or small for KUR (R-KUR-9).

    >>> omzet_ceiling(as_of=date(2026, 1, 1))
    Decimal('4800000000')
    """
    return _rules(rules).omzet.value_at(day(as_of, "as_of"))
