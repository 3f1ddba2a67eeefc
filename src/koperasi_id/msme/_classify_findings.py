"""The findings of :func:`~koperasi_id.msme.classify`: each figure's class, the basis chosen, a conflict.

``classify`` checks the figures and finds each one's class; this module says
which figure decides (the purpose rule of PP 7/2021 Pasal 35, or the
caller's policy when the figures disagree) and words every finding in both
languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from koperasi_id._values import mask
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Regime
from koperasi_id.money import format_rupiah
from koperasi_id.msme._criteria import (
    ConflictPolicy,
    Criterion,
    PurposeRule,
    SizeBands,
    SizeCriteria,
)
from koperasi_id.msme._size import BusinessSize

_SIZE_EN = {
    BusinessSize.MICRO: "micro business",
    BusinessSize.SMALL: "small business",
    BusinessSize.MEDIUM: "medium business",
    BusinessSize.LARGE: "large business",
}


def _band_text(bands: SizeBands, size: BusinessSize, lang: str) -> str:
    ceiling = bands.ceiling(size)
    floor = bands.floor(size)
    english = lang == "en"
    if floor is None:
        assert ceiling is not None  # micro always has a ceiling
        return f"{'at most' if english else 'paling banyak'} {format_rupiah(ceiling)}"
    if ceiling is None:
        return f"{'above' if english else 'lebih dari'} {format_rupiah(floor)}"
    if english:
        return f"above {format_rupiah(floor)}, at most {format_rupiah(ceiling)}"
    return f"lebih dari {format_rupiah(floor)} sampai dengan {format_rupiah(ceiling)}"


def _criterion_finding(bands: SizeBands, amount: Decimal, size: BusinessSize) -> Finding:
    crit = bands.criterion
    shown = mask(format_rupiah(amount))  # the business's own figure: input
    return Finding(
        code=f"msme.size.{crit.value}",
        passed=True,
        severity=Severity.INFO,
        message_id=f"{crit.label} {shown}: {size.label} ({_band_text(bands, size, 'id')}).",
        message_en=(
            f"{crit.label_en.capitalize()} {shown}: {_SIZE_EN[size]} "
            f"({_band_text(bands, size, 'en')})."
        ),
        citation=bands.citation,
        details={"criterion": crit.value, "amount": str(amount), "size": size.value},
    )


def _require_purpose_figure(
    rule: PurposeRule,
    given: Mapping[Criterion, Decimal],
    started_on: date | None,
    findings: list[Finding],
) -> None:
    if rule.criterion in given:
        return
    crit = rule.criterion
    cutoff = rule.required_if_started_before
    if rule.required:
        raise RuleInputError(
            f"{rule.purpose.label.lower()} ({rule.purpose.value}) is decided by "
            f"{crit.label_en} under {rule.citation}; pass {crit.argument}="
        )
    if cutoff is None:
        return
    if started_on is not None and started_on < cutoff:
        raise RuleInputError(
            f"a business that started before {cutoff.isoformat()} (started "
            f"{started_on.isoformat()}) is judged for {rule.purpose.label.lower()} "
            f"({rule.purpose.value}) by {crit.label_en} under "
            f"{rule.required_citation or rule.citation}; pass {crit.argument}="
        )
    if started_on is None:
        findings.append(
            Finding(
                code="msme.size.start_date_unknown",
                passed=False,
                severity=Severity.WARNING,
                message_id=(
                    f"Tanggal mulai usaha tidak diketahui: jika usaha berjalan sebelum "
                    f"{cutoff.isoformat()}, {crit.label.lower()} wajib dipakai."
                ),
                message_en=(
                    f"Start date unknown: if the business started before {cutoff.isoformat()}, "
                    f"{crit.label_en} must be used."
                ),
                citation=rule.required_citation or rule.citation,
            )
        )


def _choose(
    sizes: Mapping[Criterion, BusinessSize],
    *,
    rule: PurposeRule | None,
    policy: ConflictPolicy,
    conflict: bool,
    regime: Regime[SizeCriteria],
    started_on: date | None,
) -> tuple[Criterion, Finding]:
    first = next(iter(sizes))
    if policy is ConflictPolicy.BY_PURPOSE and rule is not None and rule.criterion in sizes:
        crit = rule.criterion
        mandatory = rule.required or (
            rule.required_if_started_before is not None
            and started_on is not None
            and started_on < rule.required_if_started_before
        )
        citation = (
            rule.required_citation
            if mandatory and rule.required_citation is not None
            else rule.citation
        )
        return crit, Finding(
            code="msme.size.basis",
            passed=True,
            severity=Severity.INFO,
            message_id=(
                f"Untuk {rule.purpose.label.lower()}, ukuran usaha ditentukan oleh "
                f"{crit.label.lower()}."
            ),
            message_en=f"For {rule.purpose.value}, the size is decided by {crit.label_en}.",
            citation=citation,
            details={"criterion": crit.value, "reason": "purpose"},
        )
    if not conflict:
        crit = first
        reason = "only_figure" if len(sizes) == 1 else "figures_agree"
        text_id = (
            f"Ukuran usaha ditentukan oleh {crit.label.lower()}."
            if len(sizes) == 1
            else "Semua kriteria yang diberikan menunjukkan kelas yang sama."
        )
        text_en = (
            f"The size is decided by {crit.label_en}."
            if len(sizes) == 1
            else "Every figure given points to the same class."
        )
    else:
        higher = policy is ConflictPolicy.HIGHER
        pick = max if higher else min
        crit = pick(sizes, key=lambda c: sizes[c].rank)
        if policy is ConflictPolicy.BY_PURPOSE:
            # No purpose rule decides. The regulation joins the criteria with
            # "atau": meeting one class's criterion is enough, so the business
            # is in the lower class.
            reason = "no_purpose_rule"
            text_id = (
                "Kriteria menunjukkan kelas berbeda dan tidak ada aturan tujuan yang "
                "menentukan; kriteria digabung dengan 'atau', sehingga dipakai kelas yang "
                f"lebih rendah, menurut {crit.label.lower()}."
            )
            text_en = (
                "The figures disagree and no purpose rule decides; the criteria are joined "
                f"by 'atau' (or), so the lower class is taken, by {crit.label_en}."
            )
        else:
            reason = "higher" if higher else "lower"
            text_id = (
                f"Kriteria menunjukkan kelas berbeda; dipakai kelas yang "
                f"{'lebih tinggi' if higher else 'lebih rendah'}, menurut {crit.label.lower()}."
            )
            text_en = f"The figures disagree; the {reason} class is taken, by {crit.label_en}."
    return crit, Finding(
        code="msme.size.basis",
        passed=True,
        severity=Severity.INFO,
        message_id=text_id,
        message_en=text_en,
        citation=regime.citation,
        details={"criterion": crit.value, "reason": reason},
    )


def _conflict_finding(
    sizes: Mapping[Criterion, BusinessSize],
    basis: Criterion,
    policy: ConflictPolicy,
    regime: Regime[SizeCriteria],
) -> Finding:
    listed_id = ", ".join(f"{c.label.lower()}: {s.label}" for c, s in sizes.items())
    listed_en = ", ".join(f"{c.label_en}: {_SIZE_EN[s]}" for c, s in sizes.items())
    return Finding(
        code="msme.size.conflict",
        passed=False,
        severity=Severity.WARNING,
        message_id=(
            f"Kriteria tidak sejalan ({listed_id}); peraturan tidak mengatur pilihannya. "
            f"Kebijakan '{policy.label}' memakai {basis.label.lower()}."
        ),
        message_en=(
            f"The figures disagree ({listed_en}); the regulation has no tie-break. "
            f"Policy '{policy.value}' uses {basis.label_en}."
        ),
        citation=regime.citation,
        details={c.value: s.value for c, s in sizes.items()},
    )
