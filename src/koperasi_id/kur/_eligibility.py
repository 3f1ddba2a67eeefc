"""``assess``: every KUR check on an application, passed or failed, with its article."""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta

from koperasi_id._values import mask
from koperasi_id.decisions import Decision, Finding, Severity
from koperasi_id.errors import Problem, RuleInputError, ValidationError
from koperasi_id.kur._entities import ExistingCredit, KurApplication, KurLoan
from koperasi_id.kur._rates import access_limit, max_tenor_months, plafond_band, rate_decision
from koperasi_id.kur._rules import DEFAULT_RULES, ExistingCreditRule, KurRules
from koperasi_id.kur._schedule import Method
from koperasi_id.kur._schemes import Collectibility, CreditKind, Purpose, Scheme
from koperasi_id.law import Citation, RegimeRef
from koperasi_id.money import format_rupiah

__all__ = ["KurAssessment", "assess", "originate"]

_PURPOSE_EN = {Purpose.WORKING_CAPITAL: "working capital", Purpose.INVESTMENT: "investment"}
_UNKNOWN = Citation("Pedoman Pelaksanaan KUR", note="no rule encoded for this date")


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


@functools.lru_cache(maxsize=4096)
def _rp(amount: Decimal) -> str:
    # Most amounts shown are the same few ceilings; the text depends only on the
    # value (amounts here are validated, at most two decimals).
    # Amounts in findings are often the applicant's own: masked like any input
    # (a 12+ digit amount may be a NIK typed into the wrong field).
    return mask(format_rupiah(amount))


def _f(  # noqa: PLR0917 - findings read best positionally
    code: str,
    passed: bool,
    message_id: str,
    message_en: str,
    citation: Citation,
    severity: Severity = Severity.ERROR,
    **details: str,
) -> Finding:
    return Finding(
        code=code,
        passed=passed,
        message_id=message_id,
        message_en=message_en,
        citation=citation,
        severity=severity,
        details=details,
    )


def _unknown(code: str, what_id: str, what_en: str, as_of: date) -> Finding:
    return _f(
        code,
        False,
        f"Aturan {what_id} untuk tanggal {as_of.isoformat()} tidak dikenal pustaka; periksa manual.",
        f"No {what_en} rule is known for {as_of.isoformat()}; check it by hand.",
        _UNKNOWN,
        Severity.WARNING,
    )


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
    >>> from koperasi_id.kur import Sector
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


def _scheme_ceiling(app: KurApplication, kur: KurRules, refs: list[RegimeRef]) -> Finding:
    regime = kur.ceilings.at(app.akad_date)
    refs.append(regime.ref)
    band = plafond_band(app.scheme, as_of=app.akad_date, rules=kur)  # scheme not yet: raises
    ok = band.admits(app.plafond)
    span = f"{_rp(band.floor)} < plafon ≤ {_rp(band.ceiling)}"
    span_en = f"{_rp(band.floor)} < plafond ≤ {_rp(band.ceiling)}"
    if ok:
        mid = f"Plafon {_rp(app.plafond)} sesuai {app.scheme.label} ({span})."
        men = f"Plafond {_rp(app.plafond)} fits {app.scheme.label} ({span_en})."
    else:
        mid = f"Plafon {_rp(app.plafond)} di luar batas {app.scheme.label} ({span})."
        men = f"Plafond {_rp(app.plafond)} is outside {app.scheme.label} ({span_en})."
    return _f(
        "kur.scheme_ceiling",
        ok,
        mid,
        men,
        regime.citation,
        floor=str(band.floor),
        ceiling=str(band.ceiling),
        confidence=band.confidence.value,
    )


def _tenor(app: KurApplication, kur: KurRules) -> tuple[Finding, int | None]:
    as_of = app.akad_date
    regime = kur.tenors.find(as_of)
    if regime is None:
        return _unknown("kur.tenor", "jangka waktu", "tenor", as_of), None
    try:
        limit = max_tenor_months(
            app.scheme, app.purpose, as_of=as_of, extended=app.extended, rules=kur
        )
    except RuleInputError as err:
        return (
            _f(
                "kur.tenor",
                False,
                f"{app.scheme.label} tidak mengenal {app.purpose.label}"
                + (" dengan perpanjangan." if app.extended else "."),
                str(err) + ".",
                regime.citation,
            ),
            None,
        )
    if app.contract_months is not None:
        limit = min(limit, app.contract_months)
    ok = app.tenor_months <= limit
    return (
        _f(
            "kur.tenor",
            ok,
            f"Jangka waktu {app.tenor_months} bulan; maksimum {limit} bulan untuk "
            f"{app.purpose.label} {app.scheme.label}.",
            f"Tenor {app.tenor_months} months; at most {limit} months for {app.scheme.label} "
            f"{_PURPOSE_EN[app.purpose]}.",
            regime.citation,
            tenor=str(app.tenor_months),
            max=str(limit),
            extended=str(app.extended).lower(),
            confidence=regime.value[app.scheme].confidence.value,
        ),
        limit,
    )


def _business_age(
    app: KurApplication, kur: KurRules, exempt: bool, refs: list[RegimeRef]
) -> Finding:
    as_of = app.akad_date
    regime = kur.business_age.find(as_of)
    if regime is None:
        return _unknown("kur.business_age", "lama usaha", "business-age", as_of)
    refs.append(regime.ref)
    rule = regime.value
    citation = regime.citation
    months = rule.months[app.scheme]
    basis = "standard"
    if exempt:
        months, basis = None, "pasal_38a"
    elif (
        months is not None
        and app.scheme in rule.waivable
        and (app.mentored or app.group_member or app.family_business)
    ):
        months, basis = 0, "waived"
    elif months is not None and app.scheme is Scheme.MICRO and (app.had_training or app.mentored):
        shortcut = kur.training_shortcut.find(as_of)
        if shortcut is not None and shortcut.value < months:
            months, basis, citation = shortcut.value, "training", shortcut.citation
            refs.append(shortcut.ref)
    started = app.business.started_on
    if months is None:
        return _f(
            "kur.business_age",
            True,
            f"Tidak ada syarat lama usaha untuk {app.scheme.label} (dasar: {basis}).",
            f"No minimum business age applies to {app.scheme.label} (basis: {basis}).",
            citation,
            basis=basis,
        )
    earliest = started + relativedelta(months=months)
    ok = earliest <= as_of
    return _f(
        "kur.business_age",
        ok,
        f"Usaha dimulai {started.isoformat()}; minimal {months} bulan sebelum akad "
        f"(paling cepat {earliest.isoformat()}).",
        f"Business started {started.isoformat()}; at least {months} months before akad "
        f"(earliest {earliest.isoformat()}).",
        citation,
        months=str(months),
        earliest=earliest.isoformat(),
        basis=basis,
    )


def _credit_problems(
    index: int, credit: ExistingCredit, rule: ExistingCreditRule, scheme: Scheme, exempt: bool
) -> list[str]:
    out: list[str] = []
    where = f"[{index}] {credit.kind.value}"
    consumer_ok = (
        rule.consumer_productive_cap is not None and credit.plafond <= rule.consumer_productive_cap
    )
    if not credit.closed:
        allowed = credit.kind in rule.concurrent or (
            credit.kind is CreditKind.CONSUMER_RECORDED_PRODUCTIVE and consumer_ok
        )
        if not allowed:
            out.append(f"{where}: may not run alongside KUR")
        elif credit.kind is CreditKind.KUR and not credit.same_lender:
            out.append(f"{where}: KUR at another lender")
        elif credit.collectibility is not Collectibility.CURRENT:
            out.append(f"{where}: kolektibilitas {credit.collectibility.value}, not lancar")
    if scheme in rule.history_schemes and not exempt:
        commercial = credit.kind is CreditKind.COMMERCIAL_PRODUCTIVE
        if credit.kind is CreditKind.ULTRA_MICRO and rule.ultra_micro_cap is not None:
            commercial = credit.plafond > rule.ultra_micro_cap
        if credit.kind is CreditKind.CONSUMER_RECORDED_PRODUCTIVE:
            commercial = not consumer_ok
        if commercial:
            out.append(f"{where}: commercial productive credit (history rule)")
    return out


def _existing_credit(
    app: KurApplication, kur: KurRules, exempt: bool, refs: list[RegimeRef]
) -> Finding:
    as_of = app.akad_date
    regime = kur.existing_credit.find(as_of)
    if regime is None:
        return _unknown("kur.existing_credit", "kredit lain", "existing-credit", as_of)
    refs.append(regime.ref)
    problems = [
        p
        for i, credit in enumerate(app.existing_credits)
        for p in _credit_problems(i, credit, regime.value, app.scheme, exempt)
    ]
    if problems:
        return _f(
            "kur.existing_credit",
            False,
            f"Kredit yang ada tidak memenuhi syarat ({len(problems)} masalah).",
            "Existing credit fails the rules: " + "; ".join(problems) + ".",
            regime.citation,
            problems="; ".join(problems),
        )
    return _f(
        "kur.existing_credit",
        True,
        f"Kredit yang ada ({len(app.existing_credits)}) memenuhi syarat.",
        f"Existing credit ({len(app.existing_credits)}) meets the rules.",
        regime.citation,
        history_rule=str(app.scheme in regime.value.history_schemes and not exempt).lower(),
    )


def _outstanding_cap(app: KurApplication, kur: KurRules, refs: list[RegimeRef]) -> Finding:
    as_of = app.akad_date
    regime = kur.outstanding_cap.find(as_of)
    if app.scheme is not Scheme.MICRO:
        return _f(
            "kur.outstanding_cap",
            True,
            f"Batas total baki debet hanya untuk KUR Mikro, bukan {app.scheme.label}.",
            f"The outstanding cap applies to KUR Mikro only, not {app.scheme.label}.",
            regime.citation if regime is not None else _UNKNOWN,
            Severity.INFO,
        )
    if regime is None:
        return _unknown("kur.outstanding_cap", "batas baki debet", "outstanding-cap", as_of)
    refs.append(regime.ref)
    held = sum(
        (
            c.outstanding
            for c in app.existing_credits
            if c.kind is CreditKind.KUR and c.scheme is Scheme.MICRO and not c.closed
        ),
        Decimal(0),
    )
    total = held + app.plafond
    ok = total <= regime.value
    return _f(
        "kur.outstanding_cap",
        ok,
        f"Baki debet KUR Mikro {_rp(held)} + plafon baru {_rp(app.plafond)} = {_rp(total)}; "
        f"maksimum {_rp(regime.value)}.",
        f"KUR Mikro outstanding {_rp(held)} + new {_rp(app.plafond)} = {_rp(total)}; "
        f"cap {_rp(regime.value)}.",
        regime.citation,
        total=str(total),
        cap=str(regime.value),
    )


def _omzet(app: KurApplication, kur: KurRules, refs: list[RegimeRef]) -> Finding:
    as_of = app.akad_date
    regime = kur.omzet.find(as_of)
    if regime is None:
        first = kur.omzet.regimes[0]
        return _f(
            "kur.omzet",
            True,
            f"Uji omzet berlaku sejak {first.valid_from.isoformat()}; tidak berlaku untuk akad ini.",
            f"The omzet test applies from {first.valid_from.isoformat()}; not to this akad.",
            first.citation,
            Severity.INFO,
        )
    refs.append(regime.ref)
    sales = app.business.annual_sales
    if sales is None:
        return _f(
            "kur.omzet",
            False,
            "Omzet tahunan usaha tidak diisi; uji omzet tidak dapat dilakukan.",
            "The business's annual sales (omzet) are missing; the omzet test cannot be made.",
            regime.citation,
            ceiling=str(regime.value),
        )
    ok = sales <= regime.value
    return _f(
        "kur.omzet",
        ok,
        f"Omzet {_rp(sales)}; maksimum {_rp(regime.value)}.",
        f"Omzet {_rp(sales)}; at most {_rp(regime.value)}.",
        regime.citation,
        omzet=str(sales),
        ceiling=str(regime.value),
    )


def _disaster(app: KurApplication, kur: KurRules) -> Finding:
    as_of = app.akad_date
    regime = kur.disaster_rates.find(as_of)
    if regime is None:
        first = kur.disaster_rates.regimes[0]
        return _f(
            "kur.disaster_area",
            True,
            "Tidak ada kebijakan KUR wilayah bencana pada tanggal akad.",
            "No disaster-area KUR policy is in force on the akad date.",
            first.citation,
            Severity.INFO,
        )
    region = app.business.region
    if region is None:
        return _f(
            "kur.disaster_area",
            False,
            "Wilayah usaha tidak diisi; status wilayah bencana tidak dapat diperiksa.",
            "The business region is missing; the disaster-area claim cannot be checked.",
            regime.citation,
            Severity.WARNING,
        )
    province = region.province_code
    ok = province in regime.value.province_codes
    return _f(
        "kur.disaster_area",
        ok,
        f"Provinsi {province} " + ("termasuk" if ok else "tidak termasuk") + " wilayah bencana.",
        f"Province {province} is " + ("" if ok else "not ") + "a disaster area.",
        regime.citation,
        province=province,
    )


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
