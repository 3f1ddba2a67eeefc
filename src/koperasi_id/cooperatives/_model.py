"""The cooperative entity and the invariants that need all of it.

Format checks live in the value types (``Nik``, ``NomorBadanHukum``,
``RegionCode``, :class:`YearEnd`) and each part's own checks in
:mod:`koperasi_id.cooperatives._parts`; the cross-field invariants here raise
:class:`~koperasi_id.errors.ValidationError` at the offending field's path, so
``from_dict`` reports ``$.rat_records[2].held_on`` and direct construction or
``attrs.evolve`` are protected alike. Compliance with dated rules (founder
minimums, RAT deadlines, term lengths) is *not* an invariant: a cooperative may
be out of compliance, and the rule functions say so with findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import ClassVar

import attrs

from koperasi_id._numbers import MAX_MAGNITUDE
from koperasi_id._values import mask
from koperasi_id.cooperatives._enums import (
    BusinessMode,
    CooperativeForm,
    CooperativeKind,
    LegalStatus,
    MembershipArea,
    Organ,
    Principle,
)

# frames/_cooperatives.py reads the name limit here; the alias marks the re-export.
from koperasi_id.cooperatives._parts import (
    DECEMBER_31,
    BoardTerm,
    BusinessActivity,
    Founder,
    RatRecord,
    YearEnd,
    _non_blank,
)
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Nib, NomorBadanHukum, NomorIndukKoperasi
from koperasi_id.regions import RegionCode

__all__ = ["Cooperative"]


@attrs.frozen(kw_only=True)
class Cooperative:
    """A cooperative (koperasi) as a registry holds it.

    Identifiers are kept apart (R25): ``legal_entity_numbers`` is the history of
    AHU/SK legal-entity numbers (oldest first, the last is current),
    ``nomor_induk`` the ODS Nomor Induk Koperasi, ``nib`` the OSS business
    number. ``region`` is the domicile, at least regency/city level.

    Invariants (each a ValidationError at its path): founders match the form
    (persons for primer, cooperatives for sekunder) and are not repeated;
    founding (``founded_on``) is not after deed approval; RAT records have
    unique fiscal years, none held before the deed was approved nor before its
    fiscal year ended, and no record for a fiscal year that ended before the
    deed; business-activity years are unique; ``dissolved_on`` is set exactly
    when ``legal_status`` is ``dibubarkan``.

    >>> coop = Cooperative(
    ...     name="Koperasi Konsumen Sejahtera",
    ...     legal_entity_numbers=(NomorBadanHukum.parse("AHU-0001234.AH.01.26.TAHUN 2021"),),
    ...     deed_approved_on=date(2021, 3, 1),
    ...     form=CooperativeForm.PRIMARY, kind=CooperativeKind.CONSUMER,
    ...     region=RegionCode.parse("18.71"),
    ...     membership_area=MembershipArea.WITHIN_REGENCY, member_count=25,
    ...     rat_records=(RatRecord(fiscal_year=2021, held_on=date(2021, 12, 1), reported=True),),
    ... )
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 1 problem: $.rat_records[0].held_on: the RAT for fiscal year 2021 was held on 2021-12-01, before that year ended on 2021-12-31 [cooperative.rat_before_year_end]
    """

    name: str = attrs.field(validator=_non_blank)
    legal_entity_numbers: tuple[NomorBadanHukum, ...]
    deed_approved_on: date
    form: CooperativeForm
    kind: CooperativeKind
    region: RegionCode
    membership_area: MembershipArea
    member_count: int
    mode: BusinessMode = BusinessMode.SINGLE_BUSINESS
    principle: Principle = Principle.CONVENTIONAL
    nomor_induk: NomorIndukKoperasi | None = None
    nib: Nib | None = None
    founded_on: date | None = None
    founders: tuple[Founder, ...] = ()
    fiscal_year_end: YearEnd = DECEMBER_31
    board_terms: tuple[BoardTerm, ...] = ()
    rat_records: tuple[RatRecord, ...] = ()
    business_activities: tuple[BusinessActivity, ...] = ()
    multi_stakeholder: bool = False
    stakeholder_groups: tuple[str, ...] = ()
    merah_putih: bool = False
    legal_status: LegalStatus = LegalStatus.LEGAL_ENTITY
    dissolved_on: date | None = None

    #: Rules beyond the JSON Schema (koperasi_id.schema), by problem code.
    __cross_field_rules__: ClassVar[Mapping[str, str]] = MappingProxyType(
        {
            "cooperative.name_blank": "the name is not blank",
            "cooperative.name_length": "the name has at most 300 characters",
            "cooperative.legal_entity_number_missing": "legal_entity_numbers holds at least one number",
            "cooperative.legal_entity_number_repeated": "no legal-entity number is repeated",
            "cooperative.region_too_coarse": "region is at least a regency/city code",
            "cooperative.member_count_negative": "member_count is not negative",
            "cooperative.founded_after_deed": "founded_on is not after deed_approved_on",
            "cooperative.stakeholder_groups_without_multi_pihak": "stakeholder_groups only when multi_stakeholder",
            "cooperative.founder_form_mismatch": "founders are persons for a primer, cooperatives for a sekunder cooperative",
            "cooperative.founder_repeated": "no founder is listed twice",
            "cooperative.rat_year_repeated": "one RAT record per fiscal year",
            "cooperative.rat_year_before_deed": "no RAT record for a fiscal year that ended before the deed",
            "cooperative.rat_before_deed": "no RAT held before deed_approved_on",
            "cooperative.rat_before_year_end": "no RAT held before its fiscal year ended",
            "cooperative.activity_year_repeated": "one business-activity record per fiscal year",
            "cooperative.activity_year_before_deed": "no business activity for a fiscal year that ended before the deed",
            "cooperative.dissolved_on_missing": "dissolved_on is set when legal_status is dibubarkan",
            "cooperative.dissolved_on_without_dissolution": "dissolved_on is null unless legal_status is dibubarkan",
            "cooperative.dissolved_before_deed": "dissolved_on is not before deed_approved_on",
        }
    )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        self._check_identity(problems)
        # Most registry rows list no founders or activities and are not dissolved.
        if self.founders:
            self._check_founders(problems)
        self._check_rats(problems)
        self._check_activities(problems)
        if self.dissolved_on is not None or self.legal_status is LegalStatus.DISSOLVED:
            self._check_status(problems)
        if problems:
            raise ValidationError(problems)

    # --- invariants ---------------------------------------------------------

    def _check_identity(self, problems: list[Problem]) -> None:
        if not self.legal_entity_numbers:
            problems.append(
                Problem(
                    path="$.legal_entity_numbers",
                    code="cooperative.legal_entity_number_missing",
                    message="a cooperative has at least one legal-entity number",
                    message_id="koperasi memiliki paling sedikit satu nomor badan hukum",
                )
            )
        elif len(numbers := self.legal_entity_numbers) > 1 and len(set(numbers)) != len(numbers):
            seen: set[NomorBadanHukum] = set()
            for i, number in enumerate(self.legal_entity_numbers):
                if number in seen:
                    problems.append(
                        Problem(
                            path=f"$.legal_entity_numbers[{i}]",
                            code="cooperative.legal_entity_number_repeated",
                            message=f"legal-entity number {number} appears twice",
                            message_id=f"nomor badan hukum {number} muncul dua kali",
                        )
                    )
                seen.add(number)
        if self.region.regency_code is None:
            problems.append(
                Problem(
                    path="$.region",
                    code="cooperative.region_too_coarse",
                    message=f"the domicile must be a regency/city or finer, not province "
                    f"{self.region}",
                    message_id=f"domisili harus kabupaten/kota atau lebih rinci, bukan provinsi "
                    f"{self.region}",
                )
            )
        if self.member_count < 0:
            problems.append(
                Problem(
                    path="$.member_count",
                    code="cooperative.member_count_negative",
                    message="member_count cannot be negative",
                    message_id="member_count tidak boleh negatif",
                )
            )
        elif self.member_count > MAX_MAGNITUDE:  # the number policy; to_json could not write it
            problems.append(
                Problem(
                    path="$.member_count",
                    code="number.too_large",
                    message=f"member_count is at most {MAX_MAGNITUDE:,} (the number policy)",
                    message_id=f"member_count paling banyak {MAX_MAGNITUDE:,} (kebijakan angka)",
                )
            )
        if self.founded_on is not None and self.founded_on > self.deed_approved_on:
            problems.append(
                Problem(
                    path="$.founded_on",
                    code="cooperative.founded_after_deed",
                    message=f"founded on {self.founded_on}, after the deed was approved on "
                    f"{self.deed_approved_on}",
                    message_id=f"didirikan pada {self.founded_on}, sesudah akta disahkan pada "
                    f"{self.deed_approved_on}",
                )
            )
        if not self.multi_stakeholder and self.stakeholder_groups:
            problems.append(
                Problem(
                    path="$.stakeholder_groups",
                    code="cooperative.stakeholder_groups_without_multi_pihak",
                    message="stakeholder groups belong to a multi pihak cooperative only",
                    message_id="kelompok pemangku kepentingan hanya ada pada koperasi multi pihak",
                )
            )

    def _check_founders(self, problems: list[Problem]) -> None:
        want_person = self.form is CooperativeForm.PRIMARY
        seen: set[str] = set()
        for i, founder in enumerate(self.founders):
            if founder.is_person != want_person:
                problems.append(
                    Problem(
                        path=f"$.founders[{i}]",
                        code="cooperative.founder_form_mismatch",
                        message=(
                            "a primary cooperative is founded by persons (nik), not cooperatives"
                            if want_person
                            else "a secondary cooperative is founded by cooperatives "
                            "(legal_entity_number), not persons"
                        ),
                        message_id=(
                            "koperasi primer didirikan oleh orang (nik), bukan oleh koperasi"
                            if want_person
                            else "koperasi sekunder didirikan oleh koperasi "
                            "(legal_entity_number), bukan oleh orang"
                        ),
                    )
                )
            key = founder.identity
            if key in seen:
                problems.append(
                    Problem(
                        path=f"$.founders[{i}]",
                        code="cooperative.founder_repeated",
                        message=f"founder {mask(founder.name, limit=40, quote=True)} is listed twice",
                        message_id=f"pendiri {mask(founder.name, limit=40, quote=True)} tercatat dua kali",
                    )
                )
            seen.add(key)

    def _check_fiscal_years(
        self,
        problems: list[Problem],
        years: Iterable[int],
        first_year: int,
        *,
        field: str,
        code: str,
        what: str,
        what_id: str,
    ) -> None:
        """One record per fiscal year, none for a year that ended before the deed."""
        seen: set[int] = set()
        for i, year in enumerate(years):
            if year in seen:
                problems.append(
                    Problem(
                        path=f"$.{field}[{i}].fiscal_year",
                        code=f"cooperative.{code}_year_repeated",
                        message=f"fiscal year {year} has more than one {what} record",
                        message_id=f"tahun buku {year} memiliki lebih dari satu catatan {what_id}",
                    )
                )
            seen.add(year)
            if year < first_year:
                problems.append(
                    Problem(
                        path=f"$.{field}[{i}].fiscal_year",
                        code=f"cooperative.{code}_year_before_deed",
                        message=f"fiscal year {year} ended before the deed was approved on "
                        f"{self.deed_approved_on}",
                        message_id=f"tahun buku {year} berakhir sebelum akta disahkan pada "
                        f"{self.deed_approved_on}",
                    )
                )

    def _check_rats(self, problems: list[Problem]) -> None:
        if not self.rat_records:
            return
        deed = self.deed_approved_on
        first_year = self.first_fiscal_year
        years = [r.fiscal_year for r in self.rat_records]
        if len(set(years)) != len(years) or min(years) < first_year:  # else nothing to say
            self._check_fiscal_years(
                problems,
                years,
                first_year,
                field="rat_records",
                code="rat",
                what="RAT",
                what_id="RAT",
            )
        for i, rat in enumerate(self.rat_records):
            held = rat.held_on
            if held is None:
                continue
            year = rat.fiscal_year
            if held < deed:
                problems.append(
                    Problem(
                        path=f"$.rat_records[{i}].held_on",
                        code="cooperative.rat_before_deed",
                        message=f"the RAT for {year} was held on {held}, before the deed was "
                        f"approved on {deed}",
                        message_id=f"RAT tahun {year} diselenggarakan pada {held}, sebelum akta "
                        f"disahkan pada {deed}",
                    )
                )
            elif (  # a meeting in a later calendar year than the fiscal year's end is after it
                year >= first_year
                and held.year <= year
                and held <= (end := self.fiscal_year_end.in_year(year))
            ):
                problems.append(
                    Problem(
                        path=f"$.rat_records[{i}].held_on",
                        code="cooperative.rat_before_year_end",
                        message=f"the RAT for fiscal year {year} was held on {held}, before "
                        f"that year ended on {end}",
                        message_id=f"RAT tahun buku {year} diselenggarakan pada {held}, sebelum "
                        f"tahun itu berakhir pada {end}",
                    )
                )

    def _check_activities(self, problems: list[Problem]) -> None:
        if not self.business_activities:
            return  # most registry rows: no first fiscal year to work out
        self._check_fiscal_years(
            problems,
            (a.fiscal_year for a in self.business_activities),
            self.first_fiscal_year,
            field="business_activities",
            code="activity",
            what="business-activity",
            what_id="kegiatan usaha",
        )

    def _check_status(self, problems: list[Problem]) -> None:
        dissolved = self.legal_status is LegalStatus.DISSOLVED
        if dissolved and self.dissolved_on is None:
            problems.append(
                Problem(
                    path="$.dissolved_on",
                    code="cooperative.dissolved_on_missing",
                    message="a dissolved cooperative needs the date of its SK pembubaran",
                    message_id="koperasi yang dibubarkan memerlukan tanggal SK pembubarannya",
                )
            )
        elif not dissolved and self.dissolved_on is not None:
            problems.append(
                Problem(
                    path="$.dissolved_on",
                    code="cooperative.dissolved_on_without_dissolution",
                    message="dissolved_on is set but legal_status is berbadan_hukum",
                    message_id="dissolved_on diisi tetapi legal_status berbadan_hukum",
                )
            )
        elif self.dissolved_on is not None and self.dissolved_on < self.deed_approved_on:
            problems.append(
                Problem(
                    path="$.dissolved_on",
                    code="cooperative.dissolved_before_deed",
                    message=f"dissolved on {self.dissolved_on}, before the deed was approved",
                    message_id=f"dibubarkan pada {self.dissolved_on}, sebelum akta disahkan",
                )
            )

    # --- conveniences -------------------------------------------------------

    @property
    def legal_entity_number(self) -> NomorBadanHukum:
        """The current (latest) legal-entity number."""
        return self.legal_entity_numbers[-1]

    @property
    def is_sharia(self) -> bool:
        """Runs on sharia principles (needs a DPS, R4)."""
        return self.principle is Principle.SHARIA

    @property
    def founding_date(self) -> date:
        """The founding meeting date if known, else the deed approval date."""
        return self.founded_on if self.founded_on is not None else self.deed_approved_on

    @property
    def first_fiscal_year(self) -> int:
        """The first fiscal year: the one running when the deed was approved."""
        deed = self.deed_approved_on
        end = self.fiscal_year_end
        return deed.year if deed <= end.in_year(deed.year) else deed.year + 1

    def fiscal_year_end_date(self, fiscal_year: int) -> date:
        """The last day of ``fiscal_year`` (the year it ends in)."""
        return self.fiscal_year_end.in_year(fiscal_year)

    def rat_for(self, fiscal_year: int) -> RatRecord | None:
        """The RAT record of ``fiscal_year``, or ``None``."""
        for rat in self.rat_records:
            if rat.fiscal_year == fiscal_year:
                return rat
        return None

    def activity_for(self, fiscal_year: int) -> BusinessActivity | None:
        """The business-activity record of ``fiscal_year``, or ``None``."""
        for activity in self.business_activities:
            if activity.fiscal_year == fiscal_year:
                return activity
        return None

    def board_terms_on(self, day: date, organ: Organ | None = None) -> tuple[BoardTerm, ...]:
        """The terms running on ``day`` (of ``organ``, if given)."""
        return tuple(
            t for t in self.board_terms if t.covers(day) and (organ is None or t.organ is organ)
        )
