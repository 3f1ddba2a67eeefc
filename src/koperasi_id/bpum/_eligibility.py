"""Whether one proposal qualifies for BPUM in a budget year (R-BPUM-2, R-BPUM-6)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from koperasi_id._numbers import computes
from koperasi_id.bpum._kinds import Occupation, ProposerType
from koperasi_id.bpum._programmes import (
    PROGRAMMES,
    Criterion,
    OtherBankCreditRule,
    Programme,
    checked_credit_rule,
    programme_regime,
)
from koperasi_id.bpum._proposal import Proposal, same_address
from koperasi_id.decisions import Decision, Finding
from koperasi_id.errors import Problem
from koperasi_id.law import Confidence, Timeline

__all__ = ["BpumAssessment", "assess"]

_ZERO = Decimal(0)


@attrs.frozen(kw_only=True)
class BpumAssessment(Decision[bool]):
    """The answer for one proposal and budget year.

    ``outcome`` is ``True`` when the applicant is eligible. ``problems`` lists
    the record requirements of that year the proposal does not meet (a 2021
    proposal without its KK number): such a proposal is *invalid*, not just
    ineligible, and :func:`~koperasi_id.bpum.screen` reports it so.
    ``amount`` is the aid payable: the programme amount when eligible, else 0.
    """

    year: int
    amount: Decimal
    problems: tuple[Problem, ...] = ()

    @property
    def eligible(self) -> bool:
        """Same as ``outcome``."""
        return self.outcome

    @property
    def valid(self) -> bool:
        """Whether the proposal meets the record requirements of its year."""
        return not self.problems


_Check = Callable[[Proposal, Programme, OtherBankCreditRule], tuple[bool, str, str]]


def _kk_required(p: Proposal, prog: Programme, _: OtherBankCreditRule) -> tuple[bool, str, str]:
    if p.kk is not None:
        return True, "Nomor KK tercantum.", "The family card (KK) number is given."
    return (
        False,
        f"Usulan BPUM {prog.year} wajib memuat nomor Kartu Keluarga (KK).",
        f"A {prog.year} BPUM proposal must include the family card (KK) number.",
    )


def _citizenship(p: Proposal, _: Programme, __: OtherBankCreditRule) -> tuple[bool, str, str]:
    if p.citizen:
        return True, "Pemohon Warga Negara Indonesia.", "The applicant is an Indonesian citizen."
    return (
        False,
        "BPUM hanya untuk Warga Negara Indonesia.",
        "BPUM is only for Indonesian citizens.",
    )


def _identity(p: Proposal, prog: Programme, _: OtherBankCreditRule) -> tuple[bool, str, str]:
    doc = prog.identity_document
    return (
        True,
        f"Pemohon memiliki {doc} ({p.nik.masked()}).",
        f"The applicant has an {doc} ({p.nik.masked()}).",
    )


def _proposer(p: Proposal, prog: Programme, _: OtherBankCreditRule) -> tuple[bool, str, str]:
    kind = p.proposer.type
    if kind in prog.allowed_proposers:
        return (
            True,
            f"Diusulkan oleh {kind.label} ({p.proposer.region}), yang menerangkan usaha mikro.",
            f"Proposed by a {kind.value} ({p.proposer.region}), attesting a micro business.",
        )
    allowed = ", ".join(t.value for t in prog.allowed_proposers)
    return (
        False,
        f"{kind.label} bukan pengusul BPUM {prog.year}; pengusul yang sah: {allowed}.",
        f"A {kind.value} cannot propose for BPUM {prog.year}; allowed proposers: {allowed}.",
    )


def _occupation(p: Proposal, prog: Programme, _: OtherBankCreditRule) -> tuple[bool, str, str]:
    job = p.occupation
    if job in prog.excluded_occupations:
        return (
            False,
            f"Pekerjaan {job.label} dikecualikan dari BPUM.",
            f"Occupation {job.value} is excluded from BPUM.",
        )
    return (
        True,
        f"Pekerjaan {job.label} tidak dikecualikan.",
        f"Occupation {job.value} is not excluded.",
    )


def _kur(p: Proposal, _: Programme, __: OtherBankCreditRule) -> tuple[bool, str, str]:
    if p.has_kur:
        return (
            False,
            "Pemohon sedang menerima KUR.",
            "The applicant is currently receiving KUR.",
        )
    return True, "Pemohon tidak sedang menerima KUR.", "The applicant has no current KUR."


def _credit_excludes(prog: Programme, rule: OtherBankCreditRule) -> bool:
    """Whether current non-KUR bank credit excludes from ``prog`` under ``rule``."""
    return prog.other_bank_credit_excludes or rule is OtherBankCreditRule.ANY_BANK_CREDIT_EXCLUDES


def _other_credit(p: Proposal, prog: Programme, rule: OtherBankCreditRule) -> tuple[bool, str, str]:
    excludes = _credit_excludes(prog, rule)
    if not p.has_other_bank_credit:
        return (
            True,
            "Pemohon tidak sedang menerima kredit/pembiayaan bank lain.",
            "The applicant has no other current bank credit.",
        )
    if excludes:
        return (
            False,
            f"Pemohon sedang menerima kredit/pembiayaan perbankan; BPUM {prog.year} "
            "hanya untuk yang tidak sedang menerimanya.",
            f"The applicant has current bank credit, which excludes from BPUM {prog.year}.",
        )
    return (
        True,
        f"Kredit bank selain KUR tidak menggugurkan BPUM {prog.year} menurut teks peraturan.",
        f"Non-KUR bank credit does not exclude from BPUM {prog.year} per the regulation text.",
    )


def _sku(p: Proposal, _: Programme, __: OtherBankCreditRule) -> tuple[bool, str, str]:
    if p.business_at_ktp_address:
        return (
            True,
            "Usaha berada di alamat KTP; SKU tidak diperlukan.",
            "The business is at the KTP address; no SKU needed.",
        )
    if p.has_sku:
        return (
            True,
            "Alamat usaha berbeda dengan KTP dan SKU dilampirkan.",
            "The business address differs from the KTP and an SKU is attached.",
        )
    return (
        False,
        "Alamat usaha berbeda dengan alamat KTP tetapi Surat Keterangan Usaha (SKU) "
        "tidak dilampirkan.",
        "The business address differs from the KTP address but no business certificate "
        "(SKU) is attached.",
    )


def _previous(p: Proposal, prog: Programme, _: OtherBankCreditRule) -> tuple[bool, str, str]:
    barred = [y for y in p.previous_bpum_years if y not in prog.allowed_previous_years]
    if not barred:
        shown = ", ".join(str(y) for y in p.previous_bpum_years)
        return (
            True,
            f"Riwayat BPUM ({shown or 'belum pernah'}) tidak menghalangi.",
            f"Previous BPUM ({shown or 'none'}) does not bar this grant.",
        )
    shown = ", ".join(str(y) for y in barred)
    if prog.year in barred:
        return (
            False,
            f"Pemohon sudah menerima BPUM tahun anggaran {prog.year} (satu NIK satu BPUM).",
            f"The applicant already received BPUM in budget year {prog.year} (one per NIK).",
        )
    return (
        False,
        f"Penerima BPUM tahun {shown} tidak dapat menerima BPUM {prog.year}.",
        f"A recipient of BPUM {shown} cannot receive BPUM {prog.year}.",
    )


_CHECKS: dict[Criterion, _Check] = {
    Criterion.KK_REQUIRED: _kk_required,
    Criterion.CITIZENSHIP: _citizenship,
    Criterion.IDENTITY: _identity,
    Criterion.PROPOSER: _proposer,
    Criterion.OCCUPATION: _occupation,
    Criterion.KUR: _kur,
    Criterion.OTHER_BANK_CREDIT: _other_credit,
    Criterion.SKU: _sku,
    Criterion.PREVIOUS_BPUM: _previous,
}
#: Checks of the record itself: failing one makes the proposal invalid.
RECORD_CRITERIA = {Criterion.KK_REQUIRED: "$.kk"}


_CREDIT_DETAILS = {
    rule: {"rule": rule.value, "confidence": Confidence.MEDIUM.value}
    for rule in OtherBankCreditRule
}
_NO_DETAILS: dict[str, str] = {}


def record_problems(proposal: Proposal, prog: Programme) -> tuple[Problem, ...]:
    """The record requirements of ``prog``'s year that ``proposal`` misses."""
    out = []
    for criterion, path in RECORD_CRITERIA.items():
        if criterion in prog.criteria and not _PASSES[criterion](proposal, prog):
            ok, message_id, message_en = _CHECKS[criterion](
                proposal, prog, OtherBankCreditRule.REGULATION_TEXT
            )
            if not ok:
                out.append(
                    Problem(
                        path=path, code=criterion.code, message=message_en, message_id=message_id
                    )
                )
    return tuple(out)


_Passes = Callable[[Proposal, Programme], bool]


def _always(p: Proposal, prog: Programme) -> bool:
    return True


# Cheap tests that a check passes, so screening builds no message for it (most
# records pass most checks). Each is sufficient, never necessary: when one
# says False the full check decides (tests/test_bpum_eligibility.py proves
# that True here always means the check passes, and that every criterion has one).
_PASSES: dict[Criterion, _Passes] = {
    Criterion.KK_REQUIRED: lambda p, prog: p.kk is not None,
    Criterion.CITIZENSHIP: lambda p, prog: p.citizen,
    Criterion.IDENTITY: _always,
    Criterion.PROPOSER: lambda p, prog: p.proposer.type in prog.allowed_proposers,
    Criterion.OCCUPATION: lambda p, prog: p.occupation not in prog.excluded_occupations,
    Criterion.KUR: lambda p, prog: not p.has_kur,
    Criterion.OTHER_BANK_CREDIT: lambda p, prog: not p.has_other_bank_credit,
    Criterion.SKU: lambda p, prog: p.business_address is None or p.has_sku,
    Criterion.PREVIOUS_BPUM: lambda p, prog: not p.previous_bpum_years,
}

Plan = tuple[tuple[_Check, str, _Passes], ...]


def plan(prog: Programme) -> Plan:
    """The checks of ``prog`` with their codes, resolved once per screening run."""
    return tuple(
        (_CHECKS[criterion], criterion.code, _PASSES[criterion]) for criterion in prog.criteria
    )


def failures(
    proposal: Proposal, prog: Programme, rule: OtherBankCreditRule, checks: Plan
) -> list[tuple[str, str, str]]:
    """``(code, Indonesian message, English message)`` of each failed check; the screening fast path."""
    out = []
    for check, code, passes in checks:
        if passes(proposal, prog):
            continue
        ok, message_id, message_en = check(proposal, prog, rule)
        if not ok:
            out.append((code, message_id, message_en))
    return out


@attrs.frozen(kw_only=True)
class CellPasses:
    """What a valid record must hold to pass every check of a programme, read from its data.

    Built once per screening run by :func:`cell_passes`, so that the
    per-record fast path of screening (``bpum._rowscreen``) decides an
    eligible record with a few set look-ups, from the parsed cells, without a
    :class:`Proposal` or a message. :func:`passes_all` is the test itself;
    the property tests prove it agrees with :func:`failures` on every record.
    The record requirement (``kk_required``) is the caller's: a record that
    misses it is invalid, not ineligible.
    """

    kk_required: bool
    citizens_only: bool
    #: The values (``.value``) of the proposer types and occupations that pass:
    #: strings, since an enum's hash is a Python call.
    proposers: frozenset[str]
    occupations: frozenset[str]
    kur_excludes: bool
    credit_excludes: bool
    sku_checked: bool
    previous_years: frozenset[int] | None  # None: any earlier grant passes


# The criteria cell_passes knows; a programme with another one gets no fast path.
_CELL_CRITERIA = frozenset(_CHECKS)


def cell_passes(prog: Programme, rule: OtherBankCreditRule) -> CellPasses | None:
    """The pass sets of ``prog`` under ``rule``, or ``None`` if a criterion is not known here."""
    criteria = prog.criteria
    if not criteria.keys() <= _CELL_CRITERIA:
        return None
    excluded = frozenset(prog.excluded_occupations)
    return CellPasses(
        kk_required=Criterion.KK_REQUIRED in criteria,
        citizens_only=Criterion.CITIZENSHIP in criteria,
        proposers=frozenset(
            t.value
            for t in ProposerType
            if Criterion.PROPOSER not in criteria or t in prog.allowed_proposers
        ),
        occupations=frozenset(
            o.value for o in Occupation if Criterion.OCCUPATION not in criteria or o not in excluded
        ),
        kur_excludes=Criterion.KUR in criteria,
        credit_excludes=Criterion.OTHER_BANK_CREDIT in criteria and _credit_excludes(prog, rule),
        sku_checked=Criterion.SKU in criteria,
        previous_years=frozenset(prog.allowed_previous_years)
        if Criterion.PREVIOUS_BPUM in criteria
        else None,
    )


def passes_all(
    cp: CellPasses,
    *,
    citizen: bool,
    proposer: str,
    occupation: str,
    has_kur: bool,
    has_other_bank_credit: bool,
    business_address: str | None,
    ktp_address: str,
    has_sku: bool,
    previous_years: tuple[int, ...],
) -> bool:
    """Whether a valid record with these values passes every check but ``kk_required``.

    ``proposer`` and ``occupation`` are the enum values (``"pedagang"``).

    The same verdict as an empty :func:`failures` (each line is the pass
    condition of one check above), without building a message.
    """
    return (
        (citizen or not cp.citizens_only)
        and proposer in cp.proposers
        and occupation in cp.occupations
        and not (has_kur and cp.kur_excludes)
        and not (has_other_bank_credit and cp.credit_excludes)
        and (
            not cp.sku_checked
            or business_address is None
            or has_sku
            or same_address(business_address, ktp_address)
        )
        and (
            cp.previous_years is None
            or not previous_years
            or cp.previous_years.issuperset(previous_years)
        )
    )


@computes
def assess(
    proposal: Proposal,
    *,
    year: int,
    other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[Programme] = PROGRAMMES,
) -> BpumAssessment:
    """Check ``proposal`` against every criterion of the ``year`` programme.

    One finding per criterion of that year, in a fixed order, each citing its
    article. ``other_bank_credit_rule`` settles the 2021 conflict between the
    regulation text (the default: only KUR excludes) and the press (any bank
    credit excludes); its finding records the reading used. ``rules``
    lets a caller apply a programme the library does not ship.

    >>> from koperasi_id.serialization import from_dict
    >>> p = from_dict(Proposal, {
    ...     "nik": "1871010101900001", "kk": "1871010101100001", "name": "Siti Aminah",
    ...     "ktp_address": "Jl. Kartini 5", "line_of_business": "warung makan",
    ...     "phone": "081234567890", "occupation": "pedagang", "has_kur": False,
    ...     "has_other_bank_credit": True,
    ...     "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"}})
    >>> a = assess(p, year=2021)
    >>> a.eligible, a.amount
    (True, Decimal('1200000'))
    >>> print(a.finding("bpum.other_bank_credit").citation)
    Permenkop UKM 2/2021 Pasal 4 ayat (2) (hanya KUR yang disebut)
    >>> assess(p, year=2020).failed_codes
    ('bpum.other_bank_credit',)
    >>> assess(p, year=2021,
    ...        other_bank_credit_rule=OtherBankCreditRule.ANY_BANK_CREDIT_EXCLUDES).eligible
    False
    """
    other_bank_credit_rule = checked_credit_rule(other_bank_credit_rule)
    regime = programme_regime(year, rules=rules)
    prog = regime.value
    findings = []
    problems = []
    eligible = True
    for criterion, citation in prog.criteria.items():
        ok, message_id, message_en = _CHECKS[criterion](proposal, prog, other_bank_credit_rule)
        findings.append(
            Finding(
                code=criterion.code,
                passed=ok,
                message_id=message_id,
                message_en=message_en,
                citation=citation,
                details=_CREDIT_DETAILS[other_bank_credit_rule]
                if criterion is Criterion.OTHER_BANK_CREDIT
                else _NO_DETAILS,
            )
        )
        if not ok:
            eligible = False
            path = RECORD_CRITERIA.get(criterion)
            if path is not None:
                problems.append(
                    Problem(
                        path=path, code=criterion.code, message=message_en, message_id=message_id
                    )
                )
    return BpumAssessment(
        outcome=eligible,
        findings=tuple(findings),
        regimes=(regime.ref,),
        year=year,
        amount=prog.amount if eligible else _ZERO,
        problems=tuple(problems),
    )
