"""Kemendagri administrative region codes (kode wilayah).

The data follows **Kepmendagri 300.2.2-2430/2025** (amending Kepmendagri
300.2.2-2138/2025: 38 provinces, 514 regencies and cities), under the coding
rules of **Permendagri 58/2021** (Kode, Data Wilayah Administrasi Pemerintahan,
dan Pulau). These are the codes inside every NIK. They are *not* the BPS
statistics codes: the two systems differ for about a third of the regencies
(Kemendagri 18.01 is Lampung Selatan, BPS 1801 is Lampung Barat), and a NIK
must never be read with a BPS table.

Code scheme (:class:`RegionCode`)::

    PP             province          11 .. 96 (38 codes, :data:`PROVINCES`)
    PP.KK          regency or city   kabupaten 01-69, kota 71-99
    PP.KK.CC       district          01-99 (kecamatan)
    PP.KK.CC.NNNN  village           1xxx kelurahan, 2xxx desa, 3xxx desa adat

Codes are retired, never reused. When a province is split the moved regencies
get new codes and the old ones fall out of the list, but every NIK issued
under the old code keeps it for life. A :class:`RegionTable` therefore knows
current *and* retired codes; a retired code is valid with a warning.

The shipped table (:func:`default_region_table`) is national: the 38
provinces, the 514 regencies and cities and the 7,285 districts of the
decree, plus the codes retired since 2016 (the 2022 Papua split: 26
regencies, 594 districts) and by the 2012 Kalimantan Utara split (five
regencies, Confidence LOW). It is built by ``scripts/build_regions.py`` from
the cahyadsn/wilayah transcription; each data file's header names the
commit. Districts are read on first use. An unknown regency is an error, an
unknown district a warning (an error in strict mode).

>>> code = RegionCode.parse("18.71")
>>> code.province_code, code.regency_code, code.is_city
('18', '18.71', True)
>>> lookup("18.71").name
'Kota Bandar Lampung'
>>> province("18").iso_3166_2
'ID-LA'
>>> old = lookup("91.01")
>>> old.status, str(old.successor), str(old.retired_by)
(<RegionStatus.RETIRED: 'tidak_berlaku'>, '93.01', 'UU 14/2022 (Pembentukan Provinsi Papua Selatan)')
"""

from __future__ import annotations

from koperasi_id import _hypothesis_plugin
from koperasi_id.regions._scheme import (
    CODE_RULES,
    DECREE,
    PROVINCE_CODES,
    PROVINCES,
    Province,
    RegionCode,
    RegionLevel,
    RegionStatus,
    province,
    regency_range_ok,
)
from koperasi_id.regions._shipped import (
    DISTRICT_FILE,
    REGENCY_FILE,
    default_region_table,
    lookup,
    shipped_rows,
)
from koperasi_id.regions._table import Region, RegionTable

__all__ = [
    "CODE_RULES",
    "DECREE",
    "DISTRICT_FILE",
    "PROVINCES",
    "PROVINCE_CODES",
    "REGENCY_FILE",
    "Province",
    "Region",
    "RegionCode",
    "RegionLevel",
    "RegionStatus",
    "RegionTable",
    "default_region_table",
    "lookup",
    "province",
    "regency_range_ok",
    "shipped_rows",
]

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
