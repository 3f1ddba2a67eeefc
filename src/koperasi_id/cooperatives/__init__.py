"""Cooperatives (koperasi): the entity, its kinds and forms, and the rules of UU 25/1992.

UU 25/1992 on Perkoperasian, as amended by UU 11/2020 (Cipta Kerja, now UU
6/2023) and UU 4/2023 (P2SK), is the only statute applied. UU 17/2012 was
annulled in full by the Constitutional Court (decision 28/PUU-XI/2013, 28 May
2014) and none of its rules is ever used (R1).

Every rule is a pure function taking ``as_of`` and returning a
:class:`CooperativeDecision` (outcome, findings with citations, the regimes
used, the rule id and its basis). Each law value sits in a public
:class:`~koperasi_id.law.Timeline` that callers may extend or override.

>>> from datetime import date
>>> CooperativeKind("simpan_pinjam").label
'Koperasi Simpan Pinjam'
>>> BusinessMode.from_common_name("KSU").value
'serba_usaha'
>>> founder_minimum(CooperativeForm.PRIMARY, as_of=date(2020, 11, 2))
9
>>> rat_deadline(2024)
datetime.date(2025, 6, 30)
"""

from typing import TYPE_CHECKING

from koperasi_id import _hypothesis_plugin
from koperasi_id._lazy import lazy_exports

if TYPE_CHECKING:
    from koperasi_id.cooperatives._activity import (
        ACTIVITY_STATUS_RULES,
        ActivityDecision,
        ActivityRule,
        activity_status,
        latest_due_fiscal_year,
    )
    from koperasi_id.cooperatives._dimensions import DEFAULT_BREAKDOWNS, DIMENSIONS, Dimension
    from koperasi_id.cooperatives._dissolution import (
        DISSOLUTION_GROUNDS_RULES,
        DissolutionGround,
        DissolutionGroundRule,
        DissolutionGroundsDecision,
        dissolution_grounds,
    )
    from koperasi_id.cooperatives._dissolution_timeline import (
        DISSOLUTION_PERIODS,
        Deadline,
        DissolutionPeriod,
        DissolutionPeriods,
        DissolutionTimeline,
        dissolution_timeline,
    )
    from koperasi_id.cooperatives._enums import (
        ActivityStatus,
        BoardPosition,
        BusinessMode,
        CapitalCategory,
        CapitalSource,
        CooperativeForm,
        CooperativeKind,
        HealthGrade,
        LawVersion,
        LegalStatus,
        LoopType,
        MembershipArea,
        Organ,
        Principle,
        RatTiming,
        Regulator,
        RuleBasis,
        SupervisoryLevel,
    )
    from koperasi_id.cooperatives._founding import (
        FOUNDER_MINIMUMS,
        FounderMinimums,
        check_founders,
        founder_minimum,
    )
    from koperasi_id.cooperatives._governance import (
        BOARD_TERM_LIMIT,
        ORGAN_REQUIREMENTS,
        RAT_DEADLINE,
        OrganRequirements,
        RatDecision,
        check_board_terms,
        check_organs,
        check_rat,
        rat_deadline,
        required_organs,
    )
    from koperasi_id.cooperatives._health import (
        HEALTH_SCALES,
        HealthDecision,
        HealthScale,
        health_grade,
    )
    from koperasi_id.cooperatives._law import (
        GOVERNING_LAW,
        CooperativeDecision,
        cites_annulled_statute,
        governing_law,
    )
    from koperasi_id.cooperatives._model import Cooperative
    from koperasi_id.cooperatives._parts import (
        BoardMember,
        BoardTerm,
        BusinessActivity,
        Founder,
        RatRecord,
        YearEnd,
    )
    from koperasi_id.cooperatives._programmes import (
        MERAH_PUTIH_RULES,
        MULTI_STAKEHOLDER_RULES,
        MerahPutihRules,
        MultiStakeholderRules,
        check_merah_putih,
        check_multi_stakeholder,
    )
    from koperasi_id.cooperatives._registry import RegistryCounter, summarize
    from koperasi_id.cooperatives._registry_summary import (
        Breakdown,
        GroupCount,
        RegistrySummary,
    )
    from koperasi_id.cooperatives._review import governance_review
    from koperasi_id.cooperatives._savings_loan import (
        LOOP_RULES,
        LoopRules,
        SavingsLoanDecision,
        SavingsLoanProfile,
        savings_loan_regulator,
    )
    from koperasi_id.cooperatives._savings_loan_capital import (
        RELATED_PARTY_LENDING,
        STARTUP_CAPITAL,
        CapitalDecision,
        StartupCapitalRules,
        check_related_party_lending,
        check_startup_capital,
    )
    from koperasi_id.cooperatives._supervision import (
        SUPERVISION,
        SupervisionDecision,
        supervising_level,
    )

__all__ = [
    "BOARD_TERM_LIMIT",
    "FOUNDER_MINIMUMS",
    "GOVERNING_LAW",
    "HEALTH_SCALES",
    "LOOP_RULES",
    "MERAH_PUTIH_RULES",
    "MULTI_STAKEHOLDER_RULES",
    "ORGAN_REQUIREMENTS",
    "RAT_DEADLINE",
    "RELATED_PARTY_LENDING",
    "STARTUP_CAPITAL",
    "SUPERVISION",
    "ActivityStatus",
    "BoardMember",
    "BoardPosition",
    "BoardTerm",
    "BusinessActivity",
    "BusinessMode",
    "CapitalCategory",
    "CapitalDecision",
    "CapitalSource",
    "Cooperative",
    "CooperativeDecision",
    "CooperativeForm",
    "CooperativeKind",
    "Founder",
    "FounderMinimums",
    "HealthDecision",
    "HealthGrade",
    "HealthScale",
    "LawVersion",
    "LegalStatus",
    "LoopRules",
    "LoopType",
    "MembershipArea",
    "MerahPutihRules",
    "MultiStakeholderRules",
    "Organ",
    "OrganRequirements",
    "Principle",
    "RatDecision",
    "RatRecord",
    "RatTiming",
    "Regulator",
    "RuleBasis",
    "SavingsLoanDecision",
    "SavingsLoanProfile",
    "StartupCapitalRules",
    "SupervisionDecision",
    "SupervisoryLevel",
    "YearEnd",
    "check_board_terms",
    "check_founders",
    "check_merah_putih",
    "check_multi_stakeholder",
    "check_organs",
    "check_rat",
    "check_related_party_lending",
    "check_startup_capital",
    "cites_annulled_statute",
    "founder_minimum",
    "governance_review",
    "governing_law",
    "health_grade",
    "rat_deadline",
    "required_organs",
    "savings_loan_regulator",
    "supervising_level",
]

__all__ += [
    "ACTIVITY_STATUS_RULES",
    "DEFAULT_BREAKDOWNS",
    "DIMENSIONS",
    "DISSOLUTION_GROUNDS_RULES",
    "DISSOLUTION_PERIODS",
    "ActivityDecision",
    "ActivityRule",
    "Breakdown",
    "Deadline",
    "Dimension",
    "DissolutionGround",
    "DissolutionGroundRule",
    "DissolutionGroundsDecision",
    "DissolutionPeriod",
    "DissolutionPeriods",
    "DissolutionTimeline",
    "GroupCount",
    "RegistryCounter",
    "RegistrySummary",
    "activity_status",
    "dissolution_grounds",
    "dissolution_timeline",
    "latest_due_fiscal_year",
    "summarize",
]

#: Where each public name lives; it is imported from there on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.cooperatives._enums": (
        "ActivityStatus",
        "BoardPosition",
        "BusinessMode",
        "CapitalCategory",
        "CapitalSource",
        "CooperativeForm",
        "CooperativeKind",
        "HealthGrade",
        "LawVersion",
        "LegalStatus",
        "LoopType",
        "MembershipArea",
        "Organ",
        "Principle",
        "RatTiming",
        "Regulator",
        "RuleBasis",
        "SupervisoryLevel",
    ),
    "koperasi_id.cooperatives._founding": (
        "FOUNDER_MINIMUMS",
        "FounderMinimums",
        "check_founders",
        "founder_minimum",
    ),
    "koperasi_id.cooperatives._governance": (
        "BOARD_TERM_LIMIT",
        "ORGAN_REQUIREMENTS",
        "RAT_DEADLINE",
        "OrganRequirements",
        "RatDecision",
        "check_board_terms",
        "check_organs",
        "check_rat",
        "rat_deadline",
        "required_organs",
    ),
    "koperasi_id.cooperatives._health": (
        "HEALTH_SCALES",
        "HealthDecision",
        "HealthScale",
        "health_grade",
    ),
    "koperasi_id.cooperatives._law": (
        "GOVERNING_LAW",
        "CooperativeDecision",
        "cites_annulled_statute",
        "governing_law",
    ),
    "koperasi_id.cooperatives._model": ("Cooperative",),
    "koperasi_id.cooperatives._parts": (
        "BoardMember",
        "BoardTerm",
        "BusinessActivity",
        "Founder",
        "RatRecord",
        "YearEnd",
    ),
    "koperasi_id.cooperatives._programmes": (
        "MERAH_PUTIH_RULES",
        "MULTI_STAKEHOLDER_RULES",
        "MerahPutihRules",
        "MultiStakeholderRules",
        "check_merah_putih",
        "check_multi_stakeholder",
    ),
    "koperasi_id.cooperatives._review": ("governance_review",),
    "koperasi_id.cooperatives._savings_loan": (
        "LOOP_RULES",
        "LoopRules",
        "SavingsLoanDecision",
        "SavingsLoanProfile",
        "savings_loan_regulator",
    ),
    "koperasi_id.cooperatives._savings_loan_capital": (
        "RELATED_PARTY_LENDING",
        "STARTUP_CAPITAL",
        "CapitalDecision",
        "StartupCapitalRules",
        "check_related_party_lending",
        "check_startup_capital",
    ),
    "koperasi_id.cooperatives._supervision": (
        "SUPERVISION",
        "SupervisionDecision",
        "supervising_level",
    ),
    "koperasi_id.cooperatives._activity": (
        "ACTIVITY_STATUS_RULES",
        "ActivityDecision",
        "ActivityRule",
        "activity_status",
        "latest_due_fiscal_year",
    ),
    "koperasi_id.cooperatives._dissolution": (
        "DISSOLUTION_GROUNDS_RULES",
        "DissolutionGround",
        "DissolutionGroundRule",
        "DissolutionGroundsDecision",
        "dissolution_grounds",
    ),
    "koperasi_id.cooperatives._dissolution_timeline": (
        "DISSOLUTION_PERIODS",
        "Deadline",
        "DissolutionPeriod",
        "DissolutionPeriods",
        "DissolutionTimeline",
        "dissolution_timeline",
    ),
    "koperasi_id.cooperatives._dimensions": (
        "DEFAULT_BREAKDOWNS",
        "DIMENSIONS",
        "Dimension",
    ),
    "koperasi_id.cooperatives._registry": ("RegistryCounter", "summarize"),
    "koperasi_id.cooperatives._registry_summary": (
        "Breakdown",
        "GroupCount",
        "RegistrySummary",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
