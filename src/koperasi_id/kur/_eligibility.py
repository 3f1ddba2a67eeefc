"""``assess``: every KUR check on an application, passed or failed, with its article."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from koperasi_id._numbers import computes
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.kur._checks import (
    _business_age,
    _disaster,
    _existing_credit,
    _f,
    _omzet,
    _outstanding_cap,
    _rp,
    _scheme_ceiling,
    _tenor,
    _unknown,
)
from koperasi_id.kur._entities import KurApplication, KurLoan
from koperasi_id.kur._rates import access_limit, rate_decision
from koperasi_id.kur._rules import DEFAULT_RULES, KurRules
from koperasi_id.kur._schedule import Method
from koperasi_id.kur._schemes import Scheme
from koperasi_id.law import RegimeRef

__all__ = ["KurAssessment", "assess", "originate"]


@attrs.frozen(kw_only=True)
class KurAssessment(Decision[bool]):
    """The outcome of :func:`assess` (``outcome``: eligible) with the terms found."""

    scheme: Scheme
    rate: Decimal
    subsidy: Decimal | None = None
    max_tenor_months: int | None = None
    additional_collateral_allowed: bool | None = None
    npwp_required: bool | None = None
    access_limit: int | None = None


@computes
def assess(application: KurApplication, *, rules: KurRules | None = None) -> KurAssessment:
    """Judge ``application`` under the KUR rules in force on its akad date.

    One finding per check, passed or failed: ``kur.scheme_ceiling``,
    ``kur.rate``, ``kur.tenor``, ``kur.collateral``, ``kur.npwp_required``,
    ``kur.business_age``, ``kur.existing_credit``, ``kur.outstanding_cap``,
    ``kur.access_limit``, ``kur.omzet`` (and ``kur.exemption_38a`` /
    ``kur.disaster_area`` when those are claimed). A check whose rule the
    library does not know for the date is a failed ``WARNING`` finding, which
    does not decide the outcome. Raises
    :class:`~koperasi_id.errors.NoRuleInForceError` if no KUR ceilings or rates
    are known for the date at all, or if the scheme did not exist yet (super mikro
    before Permenko 15/2020).

    >>> from koperasi_id.identifiers import Nik
    >>> from koperasi_id.kur import Purpose, Sector
    >>> from koperasi_id.msme import Business
    >>> nik = Nik.parse("1871014101900002")
    >>> warung = Business(name="Warung Bu Sari", owner_nik=nik, started_on=date(2022, 3, 1),
    ...                   annual_sales=Decimal("600000000"))
    >>> app = KurApplication(borrower_nik=nik, business=warung, scheme=Scheme.MICRO,
    ...                      plafond=Decimal(60_000_000), tenor_months=36,
    ...                      purpose=Purpose.WORKING_CAPITAL, sector=Sector.TRADE,
    ...                      akad_date=date(2024, 5, 1), access=2)
    >>> result = assess(app)
    >>> result.passed, result.failed_codes, result.rate, result.subsidy
    (False, ('kur.npwp_required',), Decimal('7'), Decimal('9'))
    >>> print(result.finding("kur.npwp_required").message("en"))
    An NPWP is required for KUR Mikro with a plafond of Rp60.000.000; none was given.
    """
    kur = DEFAULT_RULES if rules is None else rules
    app = application
    as_of = app.akad_date
    findings: list[Finding] = []
    refs: list[RegimeRef] = []

    # Pasal 38A: an explicit claim, checked first because it changes other checks.
    exempt: frozenset[str] = frozenset()
    if app.exempt_38a:
        exemption = kur.exemption_38a.find(as_of)
        if exemption is None:
            first = kur.exemption_38a.regimes[0]
            findings.append(
                _f(
                    "kur.exemption_38a",
                    False,
                    f"Pengecualian Pasal 38A belum berlaku pada {as_of.isoformat()}.",
                    f"The Pasal 38A exemption is not in force on {as_of.isoformat()}.",
                    first.citation,
                )
            )
        else:
            exempt = exemption.value
            refs.append(exemption.ref)
            findings.append(
                _f(
                    "kur.exemption_38a",
                    True,
                    "Pemohon dikecualikan berdasarkan Pasal 38A.",
                    "The applicant is exempted under Pasal 38A.",
                    exemption.citation,
                    exempts=", ".join(sorted(exemption.value)),
                )
            )

    findings.append(_scheme_ceiling(app, kur, refs))

    decision = rate_decision(
        app.scheme,
        as_of=as_of,
        access=app.access,
        exempt_38a="rate_tier" in exempt,
        disaster_area=app.disaster_area,
        rules=kur,
    )
    borrower_rate = decision.outcome
    refs.extend(r for r in decision.regimes if r not in refs)
    rate_finding = decision.findings[0]
    subsidy_value: Decimal | None = None
    totals = kur.total_rates.find(as_of)
    # A pre-2023 subsidy table may not know the scheme (KUR khusus): no subsidy shown.
    bands = None if totals is None else totals.value.get(app.scheme)
    if totals is not None and bands is not None:
        total = next(t for ceiling, t in bands if ceiling is None or app.plafond <= ceiling)
        subsidy_value = total - borrower_rate
        refs.append(totals.ref)
        rate_finding = attrs.evolve(
            rate_finding,
            details={**rate_finding.details, "subsidy": str(subsidy_value), "total": str(total)},
        )
    findings.append(rate_finding)

    tenor_finding, tenor_limit = _tenor(app, kur)
    findings.append(tenor_finding)

    collateral = kur.collateral.find(as_of)
    collateral_allowed: bool | None = None
    if collateral is None:
        findings.append(_unknown("kur.collateral", "agunan", "collateral", as_of))
    else:
        refs.append(collateral.ref)
        rule = collateral.value
        collateral_allowed = (
            app.scheme not in rule.no_collateral_schemes and app.plafond > rule.ceiling
        )
        ok = collateral_allowed or not app.additional_collateral
        if app.scheme in rule.no_collateral_schemes:
            why_id, why_en = (
                f"{app.scheme.label} tanpa agunan",
                f"{app.scheme.label} takes no collateral",
            )
        elif collateral_allowed:
            why_id = (
                f"plafon di atas {_rp(rule.ceiling)}: agunan tambahan sesuai kebijakan penyalur"
            )
            why_en = f"plafond above {_rp(rule.ceiling)}: additional collateral at the lender's discretion"
        else:
            why_id = f"plafon s.d. {_rp(rule.ceiling)}: agunan tambahan tidak boleh diminta"
            why_en = f"plafond up to {_rp(rule.ceiling)}: no additional collateral may be asked"
        findings.append(
            _f(
                "kur.collateral",
                ok,
                why_id[0].upper() + why_id[1:] + ("." if ok else "; penyalur memintanya."),
                why_en[0].upper() + why_en[1:] + ("." if ok else "; the lender asks for it."),
                collateral.citation,
                allowed=str(collateral_allowed).lower(),
                requested=str(app.additional_collateral).lower(),
            )
        )

    npwp_rule = kur.npwp.find(as_of)
    needs_npwp: bool | None = None
    if npwp_rule is None:
        findings.append(_unknown("kur.npwp_required", "NPWP", "NPWP", as_of))
    else:
        refs.append(npwp_rule.ref)
        rule_n = npwp_rule.value
        needs_npwp = app.scheme in rule_n.always or (
            app.scheme in rule_n.above_threshold and app.plafond > rule_n.threshold
        )
        ok = not needs_npwp or app.npwp is not None
        if needs_npwp:
            mid, men = "NPWP wajib", "An NPWP is required"
        else:
            mid, men = "NPWP tidak wajib", "No NPWP is required"
        mid += f" untuk {app.scheme.label} dengan plafon {_rp(app.plafond)}"
        men += f" for {app.scheme.label} with a plafond of {_rp(app.plafond)}"
        findings.append(
            _f(
                "kur.npwp_required",
                ok,
                mid + ("." if ok else "; NPWP tidak ada."),
                men + ("." if ok else "; none was given."),
                npwp_rule.citation,
                required=str(needs_npwp).lower(),
                threshold=str(rule_n.threshold),
            )
        )

    findings.append(_business_age(app, kur, "business_age" in exempt, refs))
    findings.append(_existing_credit(app, kur, "credit_history" in exempt, refs))
    findings.append(_outstanding_cap(app, kur, refs))

    limit: int | None = None
    limits = kur.access_limits.find(as_of)
    if limits is None:
        findings.append(_unknown("kur.access_limit", "batas akses", "access-limit", as_of))
    else:
        refs.append(limits.ref)
        limit = access_limit(
            app.scheme, app.sector, as_of=as_of, exempt_38a="access_limit" in exempt, rules=kur
        )
        ok = limit is None or app.access <= limit
        if limit is None:
            mid = f"Tidak ada batas akses berulang untuk {app.scheme.label}."
            men = f"No repeat-access limit applies to {app.scheme.label}."
        else:
            mid = (
                f"Akses ke-{app.access} {app.scheme.label} sektor {app.sector.label}: "
                f"batas {limit} kali."
            )
            men = f"Access {app.access} to {app.scheme.label}, sector {app.sector.value}: limit {limit}."
        findings.append(
            _f(
                "kur.access_limit",
                ok,
                mid,
                men,
                limits.citation,
                access=str(app.access),
                limit="none" if limit is None else str(limit),
            )
        )

    findings.append(_omzet(app, kur, refs))
    if app.disaster_area:
        findings.append(_disaster(app, kur))

    passed = not any(f.is_failure for f in findings)
    return KurAssessment(
        outcome=passed,
        as_of=as_of,
        findings=tuple(findings),
        regimes=tuple(dict.fromkeys(refs)),
        scheme=app.scheme,
        rate=borrower_rate,
        subsidy=subsidy_value,
        max_tenor_months=tenor_limit,
        additional_collateral_allowed=collateral_allowed,
        npwp_required=needs_npwp,
        access_limit=limit,
    )


@computes
def originate(
    application: KurApplication,
    *,
    method: Method = Method.ANNUITY,
    grace_months: int = 0,
    first_due: date | None = None,
    rules: KurRules | None = None,
) -> KurLoan:
    """The :class:`KurLoan` an eligible application becomes, at the rate in force.

    Raises :class:`~koperasi_id.errors.ValidationError` listing every failed
    check (codes ``kur.*``) if the application is not eligible.
    """
    result = assess(application, rules=rules)
    if not result.passed:
        raise ValidationError(
            Problem(path="$", code=f.code, message=f.message_en, message_id=f.message_id)
            for f in result.failures
        )
    return KurLoan(
        borrower_nik=application.borrower_nik,
        scheme=application.scheme,
        purpose=application.purpose,
        plafond=application.plafond,
        annual_rate=result.rate,
        tenor_months=application.tenor_months,
        akad_date=application.akad_date,
        method=method,
        grace_months=grace_months,
        first_due=first_due,
    )
