"""BPS statistical size classes by number of workers (not a legal classification)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

import attrs

from koperasi_id._numbers import check_whole
from koperasi_id.decisions import Decision, Finding, Severity
from koperasi_id.errors import ValidationError
from koperasi_id.law import Citation, Confidence

__all__ = [
    "BPS_WORKFORCE_BANDS",
    "WorkforceBands",
    "WorkforceClass",
    "WorkforceDecision",
    "classify_workforce",
]


class WorkforceClass(enum.Enum):
    """BPS industry size class by workforce. Statistical, not legal.

    BPS names the third class *sedang* (not *menengah*), which is why this is a
    separate enum from :class:`~koperasi_id.msme.BusinessSize`.
    """

    #: 1-4 workers (formerly called industri rumah tangga).
    MICRO = "mikro"
    #: 5-19 workers.
    SMALL = "kecil"
    #: 20-99 workers.
    MEDIUM = "sedang"
    #: 100 workers or more.
    LARGE = "besar"

    @property
    def label(self) -> str:
        """Indonesian display label."""
        return _LABELS[self]


_LABELS = {
    WorkforceClass.MICRO: "Industri Mikro",
    WorkforceClass.SMALL: "Industri Kecil",
    WorkforceClass.MEDIUM: "Industri Sedang",
    WorkforceClass.LARGE: "Industri Besar",
}


@attrs.frozen(kw_only=True)
class WorkforceBands:
    """Inclusive upper worker counts of the first three classes, with their source."""

    micro_max: int
    small_max: int
    medium_max: int
    citation: Citation
    confidence: Confidence = Confidence.HIGH
    #: What the bands are valid for; shown in every explanation.
    scope: str = "statistical classification (manufacturing), not a legal size class"

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {"msme.workforce_bands_order": "1 <= micro_max < small_max < medium_max"}
    )

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.micro_max < self.small_max < self.medium_max:
            raise ValidationError.single(
                "msme.workforce_bands_order",
                "worker bands must rise from at least 1: 1 <= micro_max < small_max < medium_max",
                message_id="batas tenaga kerja harus naik mulai dari 1: "
                "1 <= micro_max < small_max < medium_max",
                path="$.micro_max",
            )

    def class_of(self, workers: int) -> WorkforceClass:
        """The class of a positive worker count."""
        if workers <= self.micro_max:
            return WorkforceClass.MICRO
        if workers <= self.small_max:
            return WorkforceClass.SMALL
        if workers <= self.medium_max:
            return WorkforceClass.MEDIUM
        return WorkforceClass.LARGE


#: The BPS bands, 1-4 micro, 5-19 small, 20-99 medium (sedang), 100+ large; workers
#: include the owner and unpaid family workers. Confirmed for manufacturing only.
BPS_WORKFORCE_BANDS = WorkforceBands(
    micro_max=4,
    small_max=19,
    medium_max=99,
    citation=Citation(
        "BPS, konsep Industri Mikro dan Kecil",
        note="Survei IMK, STPIM/IBS, Sensus Ekonomi; statistik, bukan kriteria hukum",
    ),
)

_RANGE_EN = {
    WorkforceClass.MICRO: "1-{micro}",
    WorkforceClass.SMALL: "{micro1}-{small}",
    WorkforceClass.MEDIUM: "{small1}-{medium}",
    WorkforceClass.LARGE: "{medium1} or more",
}


@attrs.frozen(kw_only=True)
class WorkforceDecision(Decision[WorkforceClass]):
    """A BPS workforce class; ``statistical`` is always true, ``legal`` false."""

    workers: int
    scope: str

    @property
    def workforce_class(self) -> WorkforceClass:
        """The class (the same as ``outcome``)."""
        return self.outcome

    @property
    def statistical(self) -> bool:
        """Always true, because BPS classes are for statistics."""
        return True

    @property
    def legal(self) -> bool:
        """Always false; the legal size comes from :func:`~koperasi_id.msme.classify`."""
        return False


def check_workers(workers: object) -> None:
    """Refuse a worker count that is not a whole number of at least one (``$.workers``)."""
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise ValidationError.single(
            "msme.workers_type",
            f"workers is a whole number (int), got {type(workers).__name__}",
            message_id=f"workers harus bilangan bulat (int), bukan {type(workers).__name__}",
            path="$.workers",
        )
    # The number policy, both ways: -10**5000 could not even be printed below.
    check_whole(workers, path="$.workers")
    if workers < 1:
        raise ValidationError.single(
            "msme.workers_not_positive",
            f"a business has at least one worker (the owner counts), got {workers}",
            message_id=f"usaha memiliki paling sedikit satu tenaga kerja (pemilik dihitung), diisi {workers}",
            path="$.workers",
        )


def classify_workforce(
    workers: int, *, bands: WorkforceBands = BPS_WORKFORCE_BANDS
) -> WorkforceDecision:
    """The BPS statistical class of a business with ``workers`` people working in it.

    Count the owner and unpaid family workers. This is a *statistical*
    classification for manufacturing surveys, not the legal size of
    UU 20/2008 or PP 7/2021.

    >>> d = classify_workforce(4)
    >>> d.outcome.value, d.statistical, d.legal
    ('mikro', True, False)
    >>> [classify_workforce(n).outcome.value for n in (5, 19, 20, 99, 100)]
    ['kecil', 'kecil', 'sedang', 'sedang', 'besar']
    >>> classify_workforce(0)
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.workers: a business has at least one worker (the owner counts), got 0 [msme.workers_not_positive]
    """
    check_workers(workers)
    found = bands.class_of(workers)
    span = _RANGE_EN[found].format(
        micro=bands.micro_max,
        micro1=bands.micro_max + 1,
        small=bands.small_max,
        small1=bands.small_max + 1,
        medium=bands.medium_max,
        medium1=bands.medium_max + 1,
    )
    span_id = span.replace(" or more", " atau lebih")
    finding = Finding(
        code="msme.workforce.class",
        passed=True,
        severity=Severity.INFO,
        message_id=(
            f"{workers} tenaga kerja: {found.label} ({span_id} orang); klasifikasi "
            "statistik BPS, bukan kriteria hukum."
        ),
        message_en=(
            f"{workers} workers: {found.value} ({span} people); a BPS statistical "
            "class, not a legal size."
        ),
        citation=bands.citation,
        details={"workers": str(workers), "class": found.value},
    )
    return WorkforceDecision(outcome=found, findings=(finding,), workers=workers, scope=bands.scope)
