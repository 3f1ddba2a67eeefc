"""The checks :func:`~koperasi_id.kur.assess` runs that stand alone: one finding each, with its article.

Each takes the application and the rules and returns its finding (adding the
regimes it read to ``refs``); ``assess`` decides the order, the exemptions
and the outcome.
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from koperasi_id._values import mask
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError
from koperasi_id.kur._entities import ExistingCredit, KurApplication
from koperasi_id.kur._rates import max_tenor_months, plafond_band
from koperasi_id.kur._rules import ExistingCreditRule, KurRules
from koperasi_id.kur._schemes import Collectibility, CreditKind, Purpose, Scheme
from koperasi_id.law import Citation, RegimeRef
from koperasi_id.money import format_rupiah

_PURPOSE_EN = {Purpose.WORKING_CAPITAL: "working capital", Purpose.INVESTMENT: "investment"}
_UNKNOWN = Citation("Pedoman Pelaksanaan KUR", note="no rule encoded for this date")


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
