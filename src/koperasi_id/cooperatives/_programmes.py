"""Multi-stakeholder cooperatives (R5) and the Merah Putih village cooperatives (R6)."""

from __future__ import annotations

import re
from datetime import date

import attrs

from koperasi_id._days import check_day
from koperasi_id.cooperatives._enums import Organ, RuleBasis
from koperasi_id.cooperatives._law import (
    CooperativeDecision,
    bool_argument,
    checked,
    checked_or_none,
)
from koperasi_id.cooperatives._model import Cooperative
from koperasi_id.decisions import Finding, Severity
from koperasi_id.errors import RuleInputError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register

__all__ = [
    "MERAH_PUTIH_RULES",
    "MULTI_STAKEHOLDER_RULES",
    "MerahPutihRules",
    "MultiStakeholderRules",
    "check_merah_putih",
    "check_multi_stakeholder",
]

_PERMENKOP_8_2021 = "Permenkop UKM 8/2021"
_SE_1_2025 = "SE Menkop 1/2025"


@attrs.frozen(kw_only=True)
class MultiStakeholderRules:
    """Koperasi Multi Pihak: minimum member-stakeholder groups and the name phrase."""

    minimum_groups: int = 2
    name_phrase: str = "Multi Pihak"


#: Permenkop UKM 8/2021 on Koperasi Multi Pihak, adopted 21 Oct 2021.
MULTI_STAKEHOLDER_RULES: Timeline[MultiStakeholderRules] = Timeline(
    "cooperatives.multi_stakeholder",
    [
        Regime(
            name="permenkop-8-2021",
            valid_from=date(2021, 10, 21),
            citation=Citation(_PERMENKOP_8_2021, note="Koperasi Multi Pihak"),
            confidence=Confidence.HIGH,
            value=MultiStakeholderRules(),
        )
    ],
)
register(
    MULTI_STAKEHOLDER_RULES,
    description_id="aturan koperasi multi pihak",
    description_en="rules for multi-stakeholder cooperatives",
    unit=Unit.TABLE,
    module=__name__,
    value_type=MultiStakeholderRules,
)


@attrs.frozen(kw_only=True)
class MerahPutihRules:
    """KDKMP programme rules from the formation circular."""

    #: Whether the village head must chair the pengawas of a *kelurahan*
    #: cooperative too. The circular speaks of villages (desa); a kelurahan has
    #: a lurah (a civil servant), so by default the rule is not applied there.
    village_head_chairs_kelurahan: bool = False


#: SE Menkop 1/2025 (18 Mar 2025) on forming Koperasi Desa/Kelurahan Merah
#: Putih, issued under Inpres 9/2025. A programme rule, not statute.
MERAH_PUTIH_RULES: Timeline[MerahPutihRules] = Timeline(
    "cooperatives.merah_putih",
    [
        Regime(
            name="se-menkop-1-2025",
            valid_from=date(2025, 3, 18),
            citation=Citation(_SE_1_2025, note="aturan program Inpres 9/2025, bukan undang-undang"),
            confidence=Confidence.HIGH,
            value=MerahPutihRules(),
            note="one outlet dates the circular 8 Mar 2025; 18 Mar 2025 is the majority reading",
        )
    ],
)
register(
    MERAH_PUTIH_RULES,
    description_id="aturan pembentukan Koperasi Desa/Kelurahan Merah Putih",
    description_en="rules for forming Merah Putih village cooperatives",
    unit=Unit.TABLE,
    module=__name__,
    value_type=MerahPutihRules,
)

_SPACES = re.compile(r"\s+")
_MERAH_PUTIH_NAME = re.compile(r"koperasi (desa|kelurahan) merah putih \S.*")


def _normalised(name: str) -> str:
    return _SPACES.sub(" ", name).strip().lower()


def check_multi_stakeholder(
    cooperative: Cooperative,
    *,
    as_of: date,
    rules: Timeline[MultiStakeholderRules] = MULTI_STAKEHOLDER_RULES,
) -> CooperativeDecision[bool]:
    """Check a cooperative flagged ``multi_stakeholder`` (Koperasi Multi Pihak, R5).

    A multi pihak cooperative needs at least 2 member-stakeholder groups
    (``stakeholder_groups``), "Multi Pihak" in its name, and a date on or after
    21 Oct 2021. A cooperative not so flagged gets a passing decision with one
    informational finding.
    """
    check_day(as_of, "as_of")
    citation = Citation(_PERMENKOP_8_2021, note="Koperasi Multi Pihak")
    if not cooperative.multi_stakeholder:
        info = Finding(
            code="cooperatives.multi_pihak_not_applicable",
            passed=True,
            severity=Severity.INFO,
            message_id="Koperasi tidak berbentuk multi pihak; aturan tidak berlaku.",
            message_en="Not a multi-stakeholder cooperative; the rule does not apply.",
            citation=citation,
        )
        return CooperativeDecision(
            outcome=True, as_of=as_of, findings=(info,), rule="R5", basis=RuleBasis.REGULATION
        )
    regime = checked_or_none(rules, as_of)
    if regime is None:
        first = rules.regimes[0]
        finding = Finding(
            code="cooperatives.multi_pihak_recognised",
            passed=False,
            message_id=f"Koperasi multi pihak baru dikenal sejak {first.valid_from.isoformat()}.",
            message_en=f"Multi-stakeholder cooperatives exist only from "
            f"{first.valid_from.isoformat()}.",
            citation=first.citation,
        )
        return CooperativeDecision(
            outcome=False, as_of=as_of, findings=(finding,), rule="R5", basis=RuleBasis.REGULATION
        )
    spec: MultiStakeholderRules = regime.value
    groups = {_normalised(g) for g in cooperative.stakeholder_groups if g.strip()}
    has_phrase = _normalised(spec.name_phrase) in _normalised(cooperative.name)
    findings = (
        Finding(
            code="cooperatives.multi_pihak_groups",
            passed=len(groups) >= spec.minimum_groups,
            message_id=f"{len(groups)} kelompok pihak anggota; minimum {spec.minimum_groups}.",
            message_en=f"{len(groups)} member-stakeholder groups; at least "
            f"{spec.minimum_groups} required.",
            citation=regime.citation,
            details={"groups": str(len(groups))},
        ),
        Finding(
            code="cooperatives.multi_pihak_name",
            passed=has_phrase,
            message_id=f"Nama koperasi {'memuat' if has_phrase else 'tidak memuat'} frasa "
            f"{spec.name_phrase!r}.",
            message_en=f"The name {'contains' if has_phrase else 'lacks'} the phrase "
            f"{spec.name_phrase!r}.",
            citation=regime.citation,
        ),
    )
    decision = CooperativeDecision(
        outcome=True,
        as_of=as_of,
        findings=findings,
        regimes=(regime.ref,),
        rule="R5",
        basis=RuleBasis.REGULATION,
    )
    return attrs.evolve(decision, outcome=decision.passed)


def check_merah_putih(
    cooperative: Cooperative,
    *,
    as_of: date,
    village_head_chairs_kelurahan: bool | None = None,
    rules: Timeline[MerahPutihRules] = MERAH_PUTIH_RULES,
) -> CooperativeDecision[bool]:
    """Check the programme rules of a Koperasi Desa/Kelurahan Merah Putih (R6).

    Checks the name ("Koperasi Desa Merah Putih X" or "Koperasi Kelurahan Merah
    Putih X"), that the village head chairs the pengawas (villages only, unless
    ``village_head_chairs_kelurahan``), and that no pengurus shares a family
    card (Nomor KK) with a pengawas, on the terms running on ``as_of``. These
    are **programme rules** from SE Menkop 1/2025 (``basis=program``), not
    statute. Raises :class:`~koperasi_id.errors.RuleInputError` for a cooperative not flagged
    ``merah_putih``.
    """
    if not cooperative.merah_putih:
        raise RuleInputError(
            "check_merah_putih applies to cooperatives flagged merah_putih=True only"
        )
    if village_head_chairs_kelurahan is not None:
        bool_argument(village_head_chairs_kelurahan, "village_head_chairs_kelurahan")
    regime = checked(rules, as_of)
    spec: MerahPutihRules = regime.value
    if village_head_chairs_kelurahan is None:
        village_head_chairs_kelurahan = spec.village_head_chairs_kelurahan
    citation = regime.citation
    name_match = _MERAH_PUTIH_NAME.fullmatch(_normalised(cooperative.name))
    is_kelurahan = name_match is not None and name_match.group(1) == "kelurahan"
    findings = [
        Finding(
            code="cooperatives.merah_putih_name",
            passed=name_match is not None,
            message_id="Nama wajib berbentuk 'Koperasi Desa Merah Putih [nama desa]' atau "
            "'Koperasi Kelurahan Merah Putih [nama kelurahan]'.",
            message_en="The name must read 'Koperasi Desa Merah Putih <village>' or "
            "'Koperasi Kelurahan Merah Putih <ward>'.",
            citation=citation,
        )
    ]
    supervisors = cooperative.board_terms_on(as_of, Organ.SUPERVISORS)
    if not is_kelurahan or village_head_chairs_kelurahan:
        chairs = [t.chair for t in supervisors]
        ok = any(c is not None and c.village_head for c in chairs)
        findings.append(
            Finding(
                code="cooperatives.merah_putih_village_head_chairs_pengawas",
                passed=ok,
                message_id="Kepala desa karena jabatannya menjadi ketua pengawas."
                + ("" if ok else " Tidak ada masa jabatan pengawas dengan ketua kepala desa."),
                message_en="The village head chairs the pengawas ex officio."
                + ("" if ok else " No running pengawas term is chaired by the village head."),
                citation=citation,
            )
        )
    board = cooperative.board_terms_on(as_of, Organ.BOARD)
    board_people = [m for t in board for m in t.members]
    supervisor_people = [m for t in supervisors for m in t.members]
    supervisor_cards = {m.family_card for m in supervisor_people if m.family_card is not None}
    related = sorted({m.nik.masked() for m in board_people if m.family_card in supervisor_cards})
    unknown = sum(1 for m in (*board_people, *supervisor_people) if m.family_card is None)
    findings.append(
        Finding(
            code="cooperatives.merah_putih_no_family_ties",
            passed=not related,
            message_id="Pengurus dan pengawas tidak boleh memiliki hubungan keluarga."
            + (f" Satu KK dengan pengawas: {', '.join(related)}." if related else ""),
            message_en="No pengurus may be family of a pengawas."
            + (f" Sharing a family card with a pengawas: {', '.join(related)}." if related else ""),
            citation=citation,
            details={"related": ",".join(related)},
        )
    )
    if unknown:
        findings.append(
            Finding(
                code="cooperatives.merah_putih_family_cards_missing",
                passed=False,
                severity=Severity.WARNING,
                message_id=f"{unknown} pengurus/pengawas tanpa nomor KK; hubungan keluarga tidak "
                "dapat diperiksa sepenuhnya.",
                message_en=f"{unknown} board/supervisory members have no family card number; "
                "family ties cannot be fully checked.",
                citation=citation,
            )
        )
    decision = CooperativeDecision(
        outcome=True,
        as_of=as_of,
        findings=tuple(findings),
        regimes=(regime.ref,),
        rule="R6",
        basis=RuleBasis.PROGRAMME,
    )
    return attrs.evolve(decision, outcome=decision.passed)
