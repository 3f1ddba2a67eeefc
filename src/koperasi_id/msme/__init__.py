"""MSME (UMKM) size classification under the law in force on a date.

Two regimes decide a business's legal size (:class:`BusinessSize`):

- **UU 20/2008 Pasal 6**, for dates up to 2021-02-01: net assets (kekayaan
  bersih) or annual sales (hasil penjualan tahunan);
- **PP 7/2021 Pasal 35**, from 2021-02-02: business capital (modal usaha) or
  annual sales, each assigned to a :class:`Purpose`.

>>> from datetime import date
>>> from decimal import Decimal
>>> classify(as_of=date(2021, 2, 1), net_assets=Decimal("50000001")).size.label
'Usaha Kecil'
>>> classify(as_of=date(2021, 2, 2), capital=Decimal("50000001")).size.label
'Usaha Mikro'
>>> classify_workforce(12).outcome.label
'Industri Kecil'
>>> is_umk_for_oss(Decimal("5000000000"), as_of=date(2024, 1, 1))
True
"""

from typing import TYPE_CHECKING

from koperasi_id import _hypothesis_plugin
from koperasi_id._lazy import lazy_exports

if TYPE_CHECKING:
    from koperasi_id.msme._business import Business
    from koperasi_id.msme._classify import SizeDecision, classify, classify_business
    from koperasi_id.msme._criteria import (
        PP_7_2021_IN_FORCE,
        SIZE_CRITERIA,
        ConflictPolicy,
        Criterion,
        Purpose,
        PurposeRule,
        SizeBands,
        SizeCriteria,
    )
    from koperasi_id.msme._oss import (
        OSS_SCALE,
        OssScaleDecision,
        OssScaleRule,
        is_umk_for_oss,
        oss_scale,
    )
    from koperasi_id.msme._sector import (
        KUR_2026_OMZET,
        AnnualSalesCeiling,
        SectorCriteria,
        SectorDecision,
    )
    from koperasi_id.msme._size import BusinessSize
    from koperasi_id.msme._table import (
        CLASSIFICATION_COLUMNS,
        ClassificationSummary,
        classification_row,
    )
    from koperasi_id.msme._workforce import (
        BPS_WORKFORCE_BANDS,
        WorkforceBands,
        WorkforceClass,
        WorkforceDecision,
        classify_workforce,
    )

__all__ = [
    "BPS_WORKFORCE_BANDS",
    "CLASSIFICATION_COLUMNS",
    "KUR_2026_OMZET",
    "OSS_SCALE",
    "PP_7_2021_IN_FORCE",
    "SIZE_CRITERIA",
    "AnnualSalesCeiling",
    "Business",
    "BusinessSize",
    "ClassificationSummary",
    "ConflictPolicy",
    "Criterion",
    "OssScaleDecision",
    "OssScaleRule",
    "Purpose",
    "PurposeRule",
    "SectorCriteria",
    "SectorDecision",
    "SizeBands",
    "SizeCriteria",
    "SizeDecision",
    "WorkforceBands",
    "WorkforceClass",
    "WorkforceDecision",
    "classification_row",
    "classify",
    "classify_business",
    "classify_workforce",
    "is_umk_for_oss",
    "oss_scale",
]

#: Where each public name lives; it is imported from there on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.msme._business": ("Business",),
    "koperasi_id.msme._classify": (
        "SizeDecision",
        "classify",
        "classify_business",
    ),
    "koperasi_id.msme._criteria": (
        "PP_7_2021_IN_FORCE",
        "SIZE_CRITERIA",
        "ConflictPolicy",
        "Criterion",
        "Purpose",
        "PurposeRule",
        "SizeBands",
        "SizeCriteria",
    ),
    "koperasi_id.msme._oss": (
        "OSS_SCALE",
        "OssScaleDecision",
        "OssScaleRule",
        "is_umk_for_oss",
        "oss_scale",
    ),
    "koperasi_id.msme._sector": (
        "KUR_2026_OMZET",
        "AnnualSalesCeiling",
        "SectorCriteria",
        "SectorDecision",
    ),
    "koperasi_id.msme._size": ("BusinessSize",),
    "koperasi_id.msme._table": (
        "CLASSIFICATION_COLUMNS",
        "ClassificationSummary",
        "classification_row",
    ),
    "koperasi_id.msme._workforce": (
        "BPS_WORKFORCE_BANDS",
        "WorkforceBands",
        "WorkforceClass",
        "WorkforceDecision",
        "classify_workforce",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
