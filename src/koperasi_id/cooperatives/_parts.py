"""The parts of a cooperative: its fiscal year-end, founders, board terms and yearly records.

Each part checks its own fields (a blank name, a term that ends before it
starts, an RAT reported but not held) and raises
:class:`~koperasi_id.errors.ValidationError` at the offending field's path;
the checks that need the whole cooperative (a RAT before the deed) are
:class:`~koperasi_id.cooperatives.Cooperative`'s.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar, Self

import attrs

from koperasi_id._days import FIRST_DAY, LAST_DAY, check_year
from koperasi_id._values import ValueType, mask
from koperasi_id.cooperatives._enums import BoardPosition, Organ
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Nik, NomorBadanHukum, NomorKk
from koperasi_id.money import optional_non_negative_rupiah

__all__ = [
    "BoardMember",
    "BoardTerm",
    "BusinessActivity",
    "Founder",
    "RatRecord",
    "YearEnd",
]

# The years of the rules' day bound (koperasi_id._days), for the quick range test.
_FIRST_YEAR = FIRST_DAY.year
_LAST_YEAR = LAST_DAY.year

_MAX_NAME = 300


@attrs.frozen(order=True)
class YearEnd(ValueType):
    """The last day of a fiscal year as month and day; canonical ``"MM-DD"``.

    ``"02-28"`` stands for the last day of February, so it is 29 February in a
    leap year; ``"02-29"`` itself is refused, giving each year-end one spelling.

    >>> YearEnd.parse("12-31").in_year(2024)
    datetime.date(2024, 12, 31)
    >>> str(YearEnd.parse("--06-30"))
    '06-30'
    >>> YearEnd.is_valid("02-29")
    False
    >>> YearEnd.parse("02-28").in_year(2024)
    datetime.date(2024, 2, 29)
    """

    kind = "year_end"
    json_schema = MappingProxyType(
        {"pattern": "^[0-9]{2}-[0-9]{2}$", "examples": ["12-31", "06-30"]}
    )
    month: int
    day: int

    @classmethod
    def parse(cls, raw: object) -> Self:
        if not isinstance(raw, str):
            raise ValidationError.single(
                "year_end.type",
                f"expected a month-day string 'MM-DD', got {type(raw).__name__}",
                message_id=f"harus teks bulan-hari 'MM-DD', bukan {type(raw).__name__}",
            )
        text = raw.strip().removeprefix("--")
        month_text, sep, day_text = text.partition("-")
        if not (
            sep
            and len(month_text) == 2
            and len(day_text) == 2
            and month_text.isascii()
            and day_text.isascii()
            and month_text.isdigit()
            and day_text.isdigit()
        ):
            raise ValidationError.single(
                "year_end.syntax",
                f"expected a month-day like '12-31', got {mask(raw, limit=24, quote=True)}",
                message_id=f"harus bulan-hari seperti '12-31', diisi {mask(raw, limit=24, quote=True)}",
            )
        return cls.of(int(month_text), int(day_text))

    @classmethod
    def of(cls, month: int, day: int) -> Self:
        """Build from numbers, checking the day exists in every year."""
        # Ints only: a Decimal('sNaN') would make the range checks raise.
        for name, value in (("month", month), ("day", day)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError.single(
                    f"year_end.{name}",
                    f"{name} is an int, not {type(value).__name__}",
                    message_id=f"{name} harus berupa int, bukan {type(value).__name__}",
                )
        if not 1 <= month <= 12:
            raise ValidationError.single(
                "year_end.month",
                f"month {mask(month, limit=40)} is not 1-12",
                message_id=f"bulan {mask(month, limit=40)} bukan 1-12",
            )
        last = 28 if month == 2 else calendar.monthrange(2001, month)[1]
        if not 1 <= day <= last:
            raise ValidationError.single(
                "year_end.day",
                f"day {mask(day, limit=40)} does not exist in month {month} of every year",
                message_id=f"hari {mask(day, limit=40)} tidak ada pada bulan {month} di setiap tahun",
            )
        return cls(month, day)

    def in_year(self, year: int) -> date:
        """The year-end date in calendar ``year`` (end of February is leap-aware).

        ``year`` is within the day bounds of every rule (1900..9899): the
        deadlines derived from a year-end must fit in the calendar.
        """
        if type(year) is not int or not _FIRST_YEAR <= year <= _LAST_YEAR:
            check_year(year, "year")  # raises; an in-range int (every record's) skips the call
        if self.month == 2 and self.day == 28 and calendar.isleap(year):
            return date(year, 2, 29)
        return date(year, self.month, self.day)

    @property
    def is_month_end(self) -> bool:
        """Whether the fiscal year ends on the last day of a month (28 Feb counts)."""
        return self.day == (28 if self.month == 2 else calendar.monthrange(2001, self.month)[1])

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


DECEMBER_31 = YearEnd(12, 31)


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise ValidationError.single(
            f"cooperative.{attribute.name}_blank",
            f"{attribute.name} must not be blank",
            message_id=f"{attribute.name} wajib diisi",
            path=f"$.{attribute.name}",
        )
    if len(value) > _MAX_NAME:
        raise ValidationError.single(
            f"cooperative.{attribute.name}_length",
            f"{attribute.name} is longer than {_MAX_NAME} characters",
            message_id=f"{attribute.name} lebih panjang dari {_MAX_NAME} karakter",
            path=f"$.{attribute.name}",
        )


#: The fiscal years a record may name: the year-end and the RAT deadline (in
#: the following year at the latest) must both be days the library reads, so
#: the last one is the year before LAST_DAY's. A wider range let a record in
#: that reached the rules and raised RuleInputError there instead of a problem.
FISCAL_YEARS = range(FIRST_DAY.year, LAST_DAY.year)


def _fiscal_year_number(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value not in FISCAL_YEARS:
        span = f"{FISCAL_YEARS[0]}-{FISCAL_YEARS[-1]}"
        raise ValidationError.single(
            "cooperative.fiscal_year_range",
            f"fiscal year {mask(value, limit=40)} is outside {span}",
            message_id=f"tahun buku {mask(value, limit=40)} di luar {span}",
            path=f"$.{attribute.name}",
        )


@attrs.frozen(kw_only=True)
class Founder:
    """A founder: a natural person (by NIK) or a cooperative (by legal-entity number).

    Exactly one of ``nik`` and ``legal_entity_number`` is set. A primary
    cooperative is founded by persons, a secondary one by cooperatives (R3).

    >>> Founder(name="Siti", nik=Nik.parse("1871014101900002"))
    Founder(name='Siti', nik=Nik('187101******0002'), legal_entity_number=None)
    >>> Founder(name="KSP Maju").is_person
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $: a founder is identified by exactly one of nik (a person) or legal_entity_number (a cooperative) [founder.identity]
    """

    name: str = attrs.field(validator=_non_blank)
    nik: Nik | None = None
    legal_entity_number: NomorBadanHukum | None = None

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "founder.identity": "exactly one of nik (a person) and legal_entity_number (a cooperative) is set",
            "cooperative.name_blank": "the name is not blank",
            "cooperative.name_length": "the name has at most 300 characters",
        }
    )

    def __attrs_post_init__(self) -> None:
        if (self.nik is None) == (self.legal_entity_number is None):
            raise ValidationError.single(
                "founder.identity",
                "a founder is identified by exactly one of nik (a person) or "
                "legal_entity_number (a cooperative)",
                message_id="pendiri dikenali dengan tepat satu dari nik (orang) atau "
                "legal_entity_number (koperasi)",
            )

    @property
    def is_person(self) -> bool:
        """A natural person (identified by NIK)."""
        return self.nik is not None

    @property
    def identity(self) -> str:
        """A key for duplicate checks (never shown: it may hold a NIK)."""
        return f"nik:{self.nik}" if self.nik is not None else f"bh:{self.legal_entity_number}"


@attrs.frozen(kw_only=True)
class BoardMember:
    """A person holding a seat in an organ during one :class:`BoardTerm`.

    ``is_member``: the person is a member of the cooperative (or, for a
    secondary cooperative, represents a member cooperative), as UU 25/1992
    Pasal 29-30 and 38 require (R11). ``family_card`` (Nomor KK) lets the
    Merah Putih rule find family ties (R6). ``village_head``: the person is the
    sitting kepala desa.
    """

    nik: Nik
    name: str = attrs.field(validator=_non_blank)
    position: BoardPosition = BoardPosition.MEMBER
    is_member: bool = True
    family_card: NomorKk | None = None
    village_head: bool = False

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "cooperative.name_blank": "the name is not blank",
            "cooperative.name_length": "the name has at most 300 characters",
        }
    )


@attrs.frozen(kw_only=True)
class BoardTerm:
    """One term (masa jabatan) of the pengurus, pengawas or DPS.

    ``ends_on`` is the last day of the term, after ``started_on``. The length
    limit (5 years, R11) is a rule, not an invariant.
    """

    organ: Organ
    started_on: date
    ends_on: date
    members: tuple[BoardMember, ...] = ()

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "board_term.organ": "organ is not rapat_anggota (the members' meeting has no term)",
            "board_term.order": "ends_on is after started_on",
            "board_term.duplicate_member": "no NIK sits twice in one term",
        }
    )

    def __attrs_post_init__(self) -> None:
        problems = []
        if self.organ is Organ.MEMBERS_MEETING:
            problems.append(
                Problem(
                    path="$.organ",
                    code="board_term.organ",
                    message="the members' meeting has no term; use pengurus, pengawas or "
                    "dewan_pengawas_syariah",
                    message_id="rapat anggota tidak memiliki masa jabatan; gunakan pengurus, pengawas atau "
                    "dewan_pengawas_syariah",
                )
            )
        if self.ends_on <= self.started_on:
            problems.append(
                Problem(
                    path="$.ends_on",
                    code="board_term.order",
                    message=f"the term ends ({self.ends_on}) on or before it starts "
                    f"({self.started_on})",
                    message_id=f"masa jabatan berakhir ({self.ends_on}) pada atau sebelum dimulai "
                    f"({self.started_on})",
                )
            )
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            key = str(member.nik)
            if key in seen:
                problems.append(
                    Problem(
                        path=f"$.members[{i}].nik",
                        code="board_term.duplicate_member",
                        message=f"{member.nik.masked()} sits twice in the same term",
                        message_id=f"{member.nik.masked()} tercatat dua kali dalam masa jabatan yang sama",
                    )
                )
            seen.add(key)
        if problems:
            raise ValidationError(problems)

    def covers(self, day: date) -> bool:
        """Whether the term runs on ``day`` (both ends inclusive)."""
        return self.started_on <= day <= self.ends_on

    @property
    def chair(self) -> BoardMember | None:
        """The member holding :attr:`BoardPosition.CHAIR`, if any."""
        for member in self.members:
            if member.position is BoardPosition.CHAIR:
                return member
        return None


@attrs.frozen(kw_only=True)
class RatRecord:
    """The annual members' meeting (RAT) for one fiscal year.

    ``fiscal_year`` is the calendar year in which that fiscal year *ends*.
    ``held_on`` is ``None`` for a missed meeting; ``reported`` says whether the
    RAT report reached the cooperative office (ODS). A meeting that was not
    held cannot have been reported.

    >>> RatRecord(fiscal_year=2023, held_on=date(2024, 3, 9), reported=True).counts
    True
    >>> RatRecord(fiscal_year=2023, held_on=date(2024, 3, 9), reported=False).counts
    False
    """

    fiscal_year: int = attrs.field(validator=_fiscal_year_number)
    held_on: date | None
    reported: bool = False

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "cooperative.fiscal_year_range": "fiscal_year is 1900-9898",
            "rat.reported_not_held": "reported is false when held_on is null",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.held_on is None and self.reported:
            raise ValidationError.single(
                "rat.reported_not_held",
                "an RAT that was not held cannot have been reported",
                message_id="RAT yang tidak diselenggarakan tidak mungkin telah dilaporkan",
                path="$.reported",
            )

    @property
    def held(self) -> bool:
        """Whether the meeting took place."""
        return self.held_on is not None

    @property
    def counts(self) -> bool:
        """Held *and* reported: what the ODS counts for activity status (R21)."""
        return self.held_on is not None and self.reported


@attrs.frozen(kw_only=True)
class BusinessActivity:
    """Whether a cooperative ran real business (kegiatan usaha nyata) in a fiscal year.

    ``turnover`` (volume usaha, rupiah) is optional; a positive turnover means
    real business, so it cannot sit with ``has_real_business=False``.
    """

    fiscal_year: int = attrs.field(validator=_fiscal_year_number)
    has_real_business: bool
    turnover: Decimal | None = attrs.field(default=None, validator=optional_non_negative_rupiah)

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "cooperative.fiscal_year_range": "fiscal_year is 1900-9898",
            "activity.turnover_without_business": "a positive turnover needs has_real_business",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.turnover is not None and self.turnover > 0 and not self.has_real_business:
            raise ValidationError.single(
                "activity.turnover_without_business",
                "a positive turnover means the cooperative ran real business",
                message_id="omzet di atas nol berarti koperasi menjalankan usaha nyata",
                path="$.has_real_business",
            )
