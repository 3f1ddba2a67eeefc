"""Size criteria as dated law: UU 20/2008 Pasal 6 and PP 7/2021 Pasal 35."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from koperasi_id._values import mask
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Confidence, Regime, Timeline, Unit, register
from koperasi_id.msme._size import BusinessSize

__all__ = [
    "PP_7_2021_IN_FORCE",
    "SIZE_CRITERIA",
    "ConflictPolicy",
    "Criterion",
    "Purpose",
    "PurposeRule",
    "SizeBands",
    "SizeCriteria",
]

#: The day PP 7/2021 was enacted and took effect (published on JDIH portals
#: around 16 Feb 2021, which is why some press gives that date).
PP_7_2021_IN_FORCE = date(2021, 2, 2)


class Criterion(enum.Enum):
    """A figure a business's size can be judged on."""

    #: Modal usaha, excluding the land and buildings of the premises (PP 7/2021).
    CAPITAL = "modal_usaha"
    #: Kekayaan bersih, excluding land and buildings (UU 20/2008 Pasal 6).
    NET_ASSETS = "kekayaan_bersih"
    #: Hasil penjualan tahunan (omzet), in both regimes.
    ANNUAL_SALES = "hasil_penjualan_tahunan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _CRITERION_LABELS[self][0]

    @property
    def label_en(self) -> str:
        """English display label, for English explanations."""
        return _CRITERION_LABELS[self][1]

    @property
    def argument(self) -> str:
        """The keyword argument of :func:`~koperasi_id.msme.classify` that carries it."""
        return _CRITERION_LABELS[self][2]

    @property
    def excludes_land_and_buildings(self) -> bool:
        """Whether the figure must leave out the land and buildings of the premises."""
        return self is not Criterion.ANNUAL_SALES


_CRITERION_LABELS = {
    Criterion.CAPITAL: ("Modal usaha", "business capital", "capital"),
    Criterion.NET_ASSETS: ("Kekayaan bersih", "net assets", "net_assets"),
    Criterion.ANNUAL_SALES: ("Hasil penjualan tahunan", "annual sales", "annual_sales"),
}


class Purpose(enum.Enum):
    """Why the size is asked (PP 7/2021 Pasal 35 assigns each criterion a purpose)."""

    #: Setting up or registering the business; decided by capital (Pasal 35 ayat (2)).
    REGISTRATION = "pendaftaran"
    #: Ease of doing business, protection and empowerment (KUR, BPUM and other
    #: support programmes); decided by annual sales (Pasal 35 ayat (4) and (6)).
    SUPPORT = "pemberdayaan"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _PURPOSE_LABELS[self]


_PURPOSE_LABELS = {
    Purpose.REGISTRATION: "Pendirian atau pendaftaran kegiatan usaha",
    Purpose.SUPPORT: "Pemberian kemudahan, pelindungan, dan pemberdayaan",
}


class ConflictPolicy(enum.Enum):
    """What to do when two figures put the business in different classes.

    The law has no tie-break (R-MSME-5); the default follows the purpose rules
    of PP 7/2021 Pasal 35 and, where they say nothing, the lower class.
    """

    #: The purpose decides (PP 7/2021 Pasal 35 ayat (2), (4), (6)); with no
    #: purpose rule, the lower class, since "atau" means one criterion is enough.
    BY_PURPOSE = "menurut_tujuan"
    #: The larger of the classes.
    HIGHER = "lebih_tinggi"
    #: The smaller of the classes.
    LOWER = "lebih_rendah"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _POLICY_LABELS[self]


_POLICY_LABELS = {
    ConflictPolicy.BY_PURPOSE: "Menurut tujuan penggunaan kriteria",
    ConflictPolicy.HIGHER: "Kelas yang lebih tinggi",
    ConflictPolicy.LOWER: "Kelas yang lebih rendah",
}


def _ceiling_amount(instance: SizeBands, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    # A ValidationError at the field's path: bands come from the wire
    # (from_dict, an overrides file) as well as from Python.
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        shown = mask(value, limit=40, quote=True)
        raise ValidationError.single(
            "msme.band_ceiling",
            f"{attribute.name} must be a finite non-negative Decimal, got {shown}",
            message_id=f"{attribute.name} harus Decimal hingga yang tidak negatif, diisi {shown}",
            path=f"$.{attribute.name}",
        )


@attrs.frozen(kw_only=True)
class SizeBands:
    """The three inclusive ceilings of one criterion.

    An amount up to and including ``micro_max`` is micro; above it up to and
    including ``small_max`` small; up to and including ``medium_max`` medium;
    anything above is large.

    >>> from koperasi_id.law import Citation
    >>> bands = SizeBands(criterion=Criterion.CAPITAL, micro_max=Decimal(1), small_max=Decimal(5),
    ...                   medium_max=Decimal(10), citation=Citation("X"))
    >>> [bands.size_of(Decimal(n)).value for n in (0, 1, 2, 5, 6, 10, 11)]
    ['mikro', 'mikro', 'kecil', 'kecil', 'menengah', 'menengah', 'besar']
    """

    criterion: Criterion
    micro_max: Decimal = attrs.field(validator=_ceiling_amount)
    small_max: Decimal = attrs.field(validator=_ceiling_amount)
    medium_max: Decimal = attrs.field(validator=_ceiling_amount)
    citation: Citation

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "msme.bands_order": "micro_max < small_max < medium_max",
            "msme.band_ceiling": "every ceiling is a finite Decimal, not negative",
        }
    )

    def __attrs_post_init__(self) -> None:
        if not self.micro_max < self.small_max < self.medium_max:
            # The ceilings are not echoed: they may come from any document.
            raise ValidationError.single(
                "msme.bands_order",
                f"{self.criterion.value} ceilings must rise: micro_max < small_max < medium_max",
                message_id=f"batas {self.criterion.value} harus naik: "
                "micro_max < small_max < medium_max",
                path="$.small_max",
            )

    def size_of(self, amount: Decimal) -> BusinessSize:
        """The class of ``amount`` (ceilings inclusive)."""
        if amount <= self.micro_max:
            return BusinessSize.MICRO
        if amount <= self.small_max:
            return BusinessSize.SMALL
        if amount <= self.medium_max:
            return BusinessSize.MEDIUM
        return BusinessSize.LARGE

    def ceiling(self, size: BusinessSize) -> Decimal | None:
        """The inclusive ceiling of ``size``; ``None`` for large (no ceiling)."""
        if size is BusinessSize.MICRO:
            return self.micro_max
        if size is BusinessSize.SMALL:
            return self.small_max
        if size is BusinessSize.MEDIUM:
            return self.medium_max
        return None

    def floor(self, size: BusinessSize) -> Decimal | None:
        """The ceiling below ``size`` (amounts must exceed it); ``None`` for micro."""
        if size is BusinessSize.MICRO:
            return None
        return self.ceiling(_BELOW[size])


_BELOW = {
    BusinessSize.SMALL: BusinessSize.MICRO,
    BusinessSize.MEDIUM: BusinessSize.SMALL,
    BusinessSize.LARGE: BusinessSize.MEDIUM,
}


@attrs.frozen(kw_only=True)
class PurposeRule:
    """Which criterion a regime assigns to a purpose.

    ``required`` means the purpose can be answered only with that criterion;
    ``required_if_started_before`` makes it required only for businesses that
    started before that day (PP 7/2021 Pasal 35 ayat (6)).
    """

    purpose: Purpose
    criterion: Criterion
    citation: Citation
    required: bool = False
    required_if_started_before: date | None = None
    required_citation: Citation | None = None


@attrs.frozen(kw_only=True)
class SizeCriteria:
    """The size criteria of one regime: bands per criterion and purpose rules.

    ``bands`` lists the criteria in the order the regime names them; the first
    is the regime's primary criterion (used to name the basis when several
    figures agree and no purpose decides).
    """

    bands: tuple[SizeBands, ...] = attrs.field(validator=attrs.validators.min_len(1))
    purpose_rules: tuple[PurposeRule, ...] = ()

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "msme.bands_duplicate": "each criterion has at most one set of bands",
            "msme.purpose_criterion": "a purpose rule names a criterion that has bands",
        }
    )

    def __attrs_post_init__(self) -> None:
        seen = [b.criterion for b in self.bands]
        if len(set(seen)) != len(seen):
            raise ValidationError.single(
                "msme.bands_duplicate",
                "each criterion may have only one set of bands",
                message_id="setiap kriteria hanya boleh memiliki satu set batas",
                path="$.bands",
            )
        for index, rule in enumerate(self.purpose_rules):
            if rule.criterion not in seen:
                raise ValidationError.single(
                    "msme.purpose_criterion",
                    f"purpose {rule.purpose.value} uses {rule.criterion.value}, "
                    "which has no bands in this regime",
                    message_id=f"tujuan {rule.purpose.value} memakai {rule.criterion.value}, "
                    "yang tidak memiliki batas dalam rezim ini",
                    path=f"$.purpose_rules[{index}].criterion",
                )

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria this regime uses, primary first."""
        return tuple(b.criterion for b in self.bands)

    def bands_for(self, criterion: Criterion) -> SizeBands | None:
        """The bands of ``criterion``, or ``None`` if the regime does not use it."""
        for b in self.bands:
            if b.criterion is criterion:
                return b
        return None

    def rule_for(self, purpose: Purpose | None) -> PurposeRule | None:
        """The regime's rule for ``purpose``, if it has one."""
        for rule in self.purpose_rules:
            if rule.purpose is purpose:
                return rule
        return None


_UU = "UU 20/2008"
_PP = "PP 7/2021"
_JUTA = Decimal(1_000_000)
_MILIAR = Decimal(1_000_000_000)

UU_20_2008 = Regime(
    name="uu-20-2008",
    valid_from=date(2008, 7, 4),
    valid_to=date(2021, 2, 1),
    citation=Citation(_UU, "Pasal 6"),
    confidence=Confidence.HIGH,
    value=SizeCriteria(
        bands=(
            SizeBands(
                criterion=Criterion.NET_ASSETS,
                micro_max=50 * _JUTA,
                small_max=500 * _JUTA,
                medium_max=10 * _MILIAR,
                citation=Citation(_UU, "Pasal 6 ayat (1)-(3) huruf a"),
            ),
            SizeBands(
                criterion=Criterion.ANNUAL_SALES,
                micro_max=300 * _JUTA,
                small_max=Decimal(2_500_000_000),
                medium_max=50 * _MILIAR,
                citation=Citation(_UU, "Pasal 6 ayat (1)-(3) huruf b"),
            ),
        ),
    ),
    note=(
        "Net assets or annual sales. Kept for every date before 2021-02-02: UU 11/2020 "
        "(Cipta Kerja) Pasal 87 angka 1 replaced the numbers on 2 Nov 2020 but delegated "
        "them to a PP, and the old numbers stayed in practical use until PP 7/2021. "
        "Start date (enactment 4 Jul 2008) not confirmed from a primary source."
    ),
)

PP_7_2021 = Regime(
    name="pp-7-2021",
    valid_from=PP_7_2021_IN_FORCE,
    citation=Citation(_PP, "Pasal 35"),
    confidence=Confidence.HIGH,
    value=SizeCriteria(
        bands=(
            SizeBands(
                criterion=Criterion.CAPITAL,
                micro_max=1 * _MILIAR,
                small_max=5 * _MILIAR,
                medium_max=10 * _MILIAR,
                citation=Citation(_PP, "Pasal 35 ayat (3)"),
            ),
            SizeBands(
                criterion=Criterion.ANNUAL_SALES,
                micro_max=2 * _MILIAR,
                small_max=15 * _MILIAR,
                medium_max=50 * _MILIAR,
                citation=Citation(_PP, "Pasal 35 ayat (5)"),
            ),
        ),
        purpose_rules=(
            PurposeRule(
                purpose=Purpose.REGISTRATION,
                criterion=Criterion.CAPITAL,
                citation=Citation(_PP, "Pasal 35 ayat (2)"),
                required=True,
            ),
            PurposeRule(
                purpose=Purpose.SUPPORT,
                criterion=Criterion.ANNUAL_SALES,
                citation=Citation(_PP, "Pasal 35 ayat (4)"),
                required_if_started_before=PP_7_2021_IN_FORCE,
                required_citation=Citation(_PP, "Pasal 35 ayat (6)"),
            ),
        ),
    ),
    note=(
        "Capital (modal usaha, excluding land and buildings) or annual sales; capital at "
        "registration, sales for support programmes and mandatory for businesses that "
        "predate the PP. Effective date: enacted and in force 2 Feb 2021 (Medium-High)."
    ),
)

#: The size criteria in force on each date, UU 20/2008 up to 2021-02-01 and
#: PP 7/2021 from 2021-02-02. Pass your own Timeline (``rules=``) to apply a
#: Perpres or PP that adjusts the numbers.
SIZE_CRITERIA: Timeline[SizeCriteria] = Timeline(
    "msme.size_criteria", [UU_20_2008, PP_7_2021], contiguous=True
)
register(
    SIZE_CRITERIA,
    description_id="kriteria usaha mikro, kecil dan menengah (kekayaan bersih atau modal, hasil penjualan)",
    description_en="micro, small and medium size criteria (net assets or capital, annual sales)",
    unit=Unit.TABLE,
    module=__name__,
    value_type=SizeCriteria,
    aliases=("msme.size_bands",),
)
