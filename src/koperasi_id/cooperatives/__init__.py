"""Cooperatives (koperasi): the entity, its kinds and forms, and the rules of UU 25/1992.

UU 25/1992 on Perkoperasian, as amended by UU 11/2020 (Cipta Kerja, now UU
6/2023) and UU 4/2023 (P2SK), is the only statute applied. UU 17/2012 was
annulled in full by the Constitutional Court (decision 28/PUU-XI/2013, 28 May
2014) and none of its rules is ever used (R1).

>>> CooperativeKind("simpan_pinjam").label
'Koperasi Simpan Pinjam'
>>> BusinessMode.from_common_name("KSU").value
'serba_usaha'
"""

from koperasi_id.cooperatives._enums import (
    ActivityStatus,
    BoardPosition,
    BusinessMode,
    CapitalCategory,
    CapitalSource,
    CooperativeForm,
    CooperativeKind,
    HealthGrade,
    LegalStatus,
    LoopType,
    MembershipArea,
    Organ,
    Principle,
    Regulator,
    RuleBasis,
    SupervisoryLevel,
)
from koperasi_id.cooperatives._governance import RAT_DEADLINE, rat_deadline
from koperasi_id.cooperatives._model import (
    BoardMember,
    BoardTerm,
    BusinessActivity,
    Cooperative,
    Founder,
    RatRecord,
    YearEnd,
)

__all__ = [
    "RAT_DEADLINE",
    "ActivityStatus",
    "BoardMember",
    "BoardPosition",
    "BoardTerm",
    "BusinessActivity",
    "BusinessMode",
    "CapitalCategory",
    "CapitalSource",
    "Cooperative",
    "CooperativeForm",
    "CooperativeKind",
    "Founder",
    "HealthGrade",
    "LegalStatus",
    "LoopType",
    "MembershipArea",
    "Organ",
    "Principle",
    "RatRecord",
    "Regulator",
    "RuleBasis",
    "SupervisoryLevel",
    "YearEnd",
    "rat_deadline",
]
