"""The shipped national table against the decree's own totals and a second, independent list.

Two published sources, neither of them the file the table is built from row by row:

- **Counts per province** (kabupaten, kota, kecamatan): the recapitulation of
  Kepmendagri 300.2.2-2430/2025 (Lampiran), as tabulated in the README of
  github.com/cahyadsn/wilayah at commit b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7,
  section "Data Kepmendagri No 300.2.2-2430 Tahun 2025" (columns kab, kota, kec). The
  table is typed here; the build script never reads it.
- **A sample of 170 rows** (two regencies/cities and three districts per province, by a
  fixed rule: the first kabupaten, the first kota or else the last kabupaten, the first
  district of each and the last district of the second) from Permendagri 72/2019 as
  scraped from the decree's PDF by github.com/kodewilayah/permendagri-72-2019 (CC0 1.0),
  file ``dist/base.csv`` at commit 85102750760cf60d5a03cbba8663afac5ced4ec2 (15 Jun 2021).
  A different decree and a different transcriber: names are compared after dropping
  case, punctuation and the "KAB."/"KOTA" prefixes.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

from koperasi_id.regions import (
    DISTRICT_FILE,
    PROVINCES,
    REGENCY_FILE,
    RegionLevel,
    RegionStatus,
    RegionTable,
    default_region_table,
    shipped_rows,
)

# province: (kabupaten, kota, kecamatan), Kepmendagri 300.2.2-2430/2025, rekapitulasi.
DECREE_TOTALS = {
    "11": (18, 5, 290),
    "12": (25, 8, 455),
    "13": (12, 7, 179),
    "14": (10, 2, 172),
    "15": (9, 2, 144),
    "16": (13, 4, 241),
    "17": (9, 1, 129),
    "18": (13, 2, 229),
    "19": (6, 1, 47),
    "21": (5, 2, 80),
    "31": (1, 5, 44),
    "32": (18, 9, 627),
    "33": (29, 6, 576),
    "34": (4, 1, 78),
    "35": (29, 9, 666),
    "36": (4, 4, 155),
    "51": (8, 1, 57),
    "52": (8, 2, 117),
    "53": (21, 1, 315),
    "61": (12, 2, 174),
    "62": (13, 1, 136),
    "63": (11, 2, 156),
    "64": (7, 3, 105),
    "65": (4, 1, 55),
    "71": (11, 4, 171),
    "72": (12, 1, 177),
    "73": (21, 3, 313),
    "74": (15, 2, 221),
    "75": (5, 1, 77),
    "76": (6, 0, 69),
    "81": (9, 2, 119),
    "82": (8, 2, 118),
    "91": (8, 1, 105),
    "92": (7, 0, 91),
    "93": (4, 0, 82),
    "94": (8, 0, 131),
    "95": (8, 0, 252),
    "96": (5, 1, 132),
}
DECREE_GRAND_TOTAL = (416, 98, 7285)  # the recapitulation's "TOTAL" row


def _current(table: RegionTable, parent: str) -> list[str]:
    return [r.code.code for r in table.children(parent)]


def test_the_typed_totals_add_up_to_the_decree_total():
    sums = tuple(sum(t[i] for t in DECREE_TOTALS.values()) for i in range(3))
    assert sums == DECREE_GRAND_TOTAL
    assert set(DECREE_TOTALS) == {p.code for p in PROVINCES}


@pytest.mark.parametrize("province", sorted(DECREE_TOTALS))
def test_counts_per_province_match_the_decree(province):
    table = default_region_table()
    regencies = _current(table, province)
    kabupaten = [c for c in regencies if c[3] < "7"]
    kota = [c for c in regencies if c[3] >= "7"]
    districts = [d for r in regencies for d in _current(table, r)]
    assert (len(kabupaten), len(kota), len(districts)) == DECREE_TOTALS[province]
    p = next(p for p in PROVINCES if p.code == province)
    assert (p.regencies, p.cities) == DECREE_TOTALS[province][:2]


def test_national_totals():
    table = default_region_table()
    rows = list(table)
    current = [r for r in rows if r.status is RegionStatus.CURRENT]
    by_level = {level: sum(1 for r in current if r.level is level) for level in RegionLevel}
    assert by_level[RegionLevel.PROVINCE] == 38
    assert by_level[RegionLevel.REGENCY] == 416 + 98
    assert by_level[RegionLevel.DISTRICT] == 7285
    retired = [r for r in rows if r.status is RegionStatus.RETIRED]
    # 26 Papua regencies and their 594 districts (2022), five Kalimantan Utara codes (2012).
    assert sum(1 for r in retired if r.level is RegionLevel.REGENCY) == 31
    assert sum(1 for r in retired if r.level is RegionLevel.DISTRICT) == 594


# Permendagri 72/2019 (kodewilayah/permendagri-72-2019, dist/base.csv @ 8510275): code, name.
PERMENDAGRI_72_2019 = [
    ("11.01", "KAB. ACEH SELATAN"),
    ("11.01.01", "Bakongan"),
    ("11.71", "KOTA BANDA ACEH"),
    ("11.71.01", "Baiturrahman"),
    ("11.71.09", "Ulee Kareng"),
    ("12.01", "KAB. TAPANULI TENGAH"),
    ("12.01.01", "Barus"),
    ("12.71", "KOTA MEDAN"),
    ("12.71.01", "Medan Kota"),
    ("12.71.21", "Medan Selayang"),
    ("13.01", "KAB. PESISIR SELATAN"),
    ("13.01.01", "Pancung Soal"),
    ("13.71", "KOTA PADANG"),
    ("13.71.01", "Padang Selatan"),
    ("13.71.11", "Koto Tangah"),
    ("14.01", "KAB. KAMPAR"),
    ("14.01.01", "Bangkinang Kota"),
    ("14.71", "KOTA PEKANBARU"),
    ("14.71.01", "Sukajadi"),
    ("14.71.12", "Rumbai Pesisir"),
    ("15.01", "KAB. KERINCI"),
    ("15.01.01", "Gunung Raya"),
    ("15.71", "KOTA JAMBI"),
    ("15.71.01", "Telanaipura"),
    ("15.71.11", "Paal Merah"),
    ("16.01", "KAB. OGAN KOMERING ULU"),
    ("16.01.07", "Sosoh Buay Rayap"),
    ("16.71", "KOTA PALEMBANG"),
    ("16.71.01", "Ilir Barat II"),
    ("16.71.18", "Ilir Timur Tiga"),
    ("17.01", "KAB. BENGKULU SELATAN"),
    ("17.01.01", "Kedurang"),
    ("17.71", "KOTA BENGKULU"),
    ("17.71.01", "Selebar"),
    ("17.71.09", "Singaran Pati"),
    ("18.01", "KAB. LAMPUNG SELATAN"),
    ("18.01.04", "Natar"),
    ("18.71", "KOTA BANDAR LAMPUNG"),
    ("18.71.01", "Kedaton"),
    ("18.71.20", "Bumi Waras"),
    ("19.01", "KAB. BANGKA"),
    ("19.01.01", "Sungailiat"),
    ("19.71", "KOTA PANGKAL PINANG"),
    ("19.71.01", "Bukitintan"),
    ("19.71.07", "Girimaya"),
    ("21.01", "KAB. BINTAN"),
    ("21.01.04", "Gunung Kijang"),
    ("21.71", "KOTA BATAM"),
    ("21.71.01", "Belakang Padang"),
    ("21.71.12", "Batu Aji"),
    ("31.01", "KAB. ADM. KEP. SERIBU"),
    ("31.01.01", "Kepulauan Seribu Utara"),
    ("31.71", "KOTA ADM. JAKARTA PUSAT"),
    ("31.71.01", "Gambir"),
    ("31.71.08", "Johar Baru"),
    ("32.01", "KAB. BOGOR"),
    ("32.01.01", "Cibinong"),
    ("32.71", "KOTA BOGOR"),
    ("32.71.01", "Bogor Selatan"),
    ("32.71.06", "Tanah Sareal"),
    ("33.01", "KAB. CILACAP"),
    ("33.01.01", "Kedungreja"),
    ("33.71", "KOTA MAGELANG"),
    ("33.71.01", "Magelang Selatan"),
    ("33.71.03", "Magelang Tengah"),
    ("34.01", "KAB. KULON PROGO"),
    ("34.01.01", "Temon"),
    ("34.71", "KOTA YOGYAKARTA"),
    ("34.71.01", "Tegalrejo"),
    ("34.71.14", "Kotagede"),
    ("35.01", "KAB. PACITAN"),
    ("35.01.01", "Donorojo"),
    ("35.71", "KOTA KEDIRI"),
    ("35.71.01", "Mojoroto"),
    ("35.71.03", "Pesantren"),
    ("36.01", "KAB. PANDEGLANG"),
    ("36.01.01", "Sumur"),
    ("36.71", "KOTA TANGERANG"),
    ("36.71.01", "Tangerang"),
    ("36.71.13", "Larangan"),
    ("51.01", "KAB. JEMBRANA"),
    ("51.01.01", "Negara"),
    ("51.71", "KOTA DENPASAR"),
    ("51.71.01", "Denpasar Selatan"),
    ("51.71.04", "Denpasar Utara"),
    ("52.01", "KAB. LOMBOK BARAT"),
    ("52.01.01", "Gerung"),
    ("52.71", "KOTA MATARAM"),
    ("52.71.01", "Ampenan"),
    ("52.71.06", "Sandubaya"),
    ("53.01", "KAB. KUPANG"),
    ("53.01.04", "Semau"),
    ("53.71", "KOTA KUPANG"),
    ("53.71.01", "Alak"),
    ("53.71.06", "Kota Lama"),
    ("61.01", "KAB. SAMBAS"),
    ("61.01.01", "Sambas"),
    ("61.71", "KOTA PONTIANAK"),
    ("61.71.01", "Pontianak Selatan"),
    ("61.71.06", "Pontianak Tenggara"),
    ("62.01", "KAB. KOTAWARINGIN BARAT"),
    ("62.01.01", "Kumai"),
    ("62.71", "KOTA PALANGKARAYA"),
    ("62.71.01", "Pahandut"),
    ("62.71.05", "Rakumpit"),
    ("63.01", "KAB. TANAH LAUT"),
    ("63.01.01", "Takisung"),
    ("63.71", "KOTA BANJARMASIN"),
    ("63.71.01", "Banjarmasin Selatan"),
    ("63.71.05", "Banjarmasin Tengah"),
    ("64.01", "KAB. PASER"),
    ("64.01.01", "Batu Sopang"),
    ("64.71", "KOTA BALIKPAPAN"),
    ("64.71.01", "Balikpapan Timur"),
    ("64.71.06", "Balikpapan Kota"),
    ("65.01", "KAB. BULUNGAN"),
    ("65.01.01", "Tanjung Palas"),
    ("65.71", "KOTA TARAKAN"),
    ("65.71.01", "Tarakan Barat"),
    ("65.71.04", "Tarakan Utara"),
    ("71.01", "KAB. BOLAANG MONGONDOW"),
    ("71.01.05", "Sang Tombolang"),
    ("71.71", "KOTA MANADO"),
    ("71.71.01", "Bunaken"),
    ("71.71.11", "Paal Dua"),
    ("72.01", "KAB. BANGGAI"),
    ("72.01.01", "Batui"),
    ("72.71", "KOTA PALU"),
    ("72.71.01", "Palu Timur"),
    ("72.71.08", "Mantikulore"),
    ("73.01", "KAB. KEPULAUAN SELAYAR"),
    ("73.01.01", "Benteng"),
    ("73.71", "KOTA MAKASSAR"),
    ("73.71.01", "Mariso"),
    ("73.71.15", "Kepulauan Sangkarrang"),
    ("74.01", "KAB. KOLAKA"),
    ("74.01.01", "Wundulako"),
    ("74.71", "KOTA KENDARI"),
    ("74.71.01", "Mandonga"),
    ("74.71.10", "Kambu"),
    ("75.01", "KAB. GORONTALO"),
    ("75.01.01", "Limboto"),
    ("75.71", "KOTA GORONTALO"),
    ("75.71.01", "Kota Barat"),
    ("75.71.09", "Hulonthalangi"),
    ("76.01", "KAB. PASANGKAYU"),
    ("76.01.01", "Bambalamotu"),
    ("76.06", "KAB. MAMUJU TENGAH"),
    ("76.06.01", "Tobadak"),
    ("76.06.05", "Karossa"),
    ("81.01", "KAB. MALUKU TENGAH"),
    ("81.01.01", "Amahai"),
    ("81.71", "KOTA AMBON"),
    ("81.71.01", "Nusaniwe"),
    ("81.71.05", "Leitimur Selatan"),
    ("82.01", "KAB. HALMAHERA BARAT"),
    ("82.01.01", "Jailolo"),
    ("82.71", "KOTA TERNATE"),
    ("82.71.01", "Pulau Ternate"),
    ("82.71.08", "Ternate Barat"),
    ("91.01", "KAB. MERAUKE"),
    ("91.01.01", "Merauke"),
    ("91.71", "KOTA JAYAPURA"),
    ("91.71.01", "Jayapura Utara"),
    ("91.71.05", "Heram"),
    ("92.01", "KAB. SORONG"),
    ("92.01.01", "Makbon"),
    ("92.71", "KOTA SORONG"),
    ("92.71.01", "Sorong"),
    ("92.71.10", "Maladum Mes"),
]
# Districts whose name differs between the 2019 decree and the 2025 one for the same
# code: checked to carry the 2025 name.
CHANGED_SINCE_2019 = {
    "14.71.12": "Rumbai",  # 2019: Rumbai Pesisir
    "16.71.01": "Ilir Barat Dua",  # 2019: Ilir Barat II
}


def _key(name: str) -> str:
    text = re.sub(r"^(KAB\.?|KABUPATEN|KOTA)\s+", "", name.upper())
    # The 2019 list abbreviates "Administrasi" and "Kepulauan" in DKI Jakarta.
    text = text.replace("ADM.", "ADMINISTRASI").replace("KEP.", "KEPULAUAN")
    return re.sub(r"[^A-Z0-9]", "", text)


def test_the_sample_spans_every_2019_province():
    assert len(PERMENDAGRI_72_2019) >= 150
    assert len({code[:2] for code, _ in PERMENDAGRI_72_2019}) == 34  # 2019 had 34 provinces
    assert sum(1 for code, _ in PERMENDAGRI_72_2019 if len(code) == 5) == 68
    assert sum(1 for code, _ in PERMENDAGRI_72_2019 if len(code) == 8) == 102


@pytest.mark.parametrize(("code", "name_2019"), PERMENDAGRI_72_2019)
def test_rows_agree_with_permendagri_72_2019(code, name_2019):
    region = default_region_table().get(code)
    assert region is not None, code
    if code in CHANGED_SINCE_2019:
        assert region.name == CHANGED_SINCE_2019[code]
    else:
        assert _key(region.name) == _key(name_2019)


# --- the shipped files themselves ----------------------------------------------------


@pytest.mark.parametrize("name", [REGENCY_FILE, DISTRICT_FILE])
def test_shipped_files_pass_full_validation_and_name_their_source(name):
    rows = shipped_rows(name)
    table = RegionTable.from_rows(rows, source=name)  # every row through RegionCode.parse
    assert len(table) == 38 + len(rows)  # no duplicate code
    head = resources.files("koperasi_id").joinpath(name).read_text(encoding="utf-8")[:900]
    assert "Kepmendagri 300.2.2-2430/2025" in head
    assert "github.com/cahyadsn/wilayah" in head
    assert "b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7" in head
    assert "db/wilayah.sql" in head


def test_every_row_hangs_under_a_known_parent_and_successors_are_current():
    table = default_region_table()
    for region in table:
        if region.level is RegionLevel.PROVINCE:
            continue
        assert table.get(region.code.parent) is not None, region.code
        if region.status is RegionStatus.CURRENT:
            assert table.get(region.code.parent).status is RegionStatus.CURRENT
            assert region.successor is None
            assert region.retired_by is None
        elif region.successor is not None:
            successor = table.get(region.successor)
            assert successor.status is RegionStatus.CURRENT, region.code
            assert successor.level is region.level
            assert region.retired_by is not None


def test_kota_stays_kota_across_the_split():
    table = default_region_table()
    for region in table.retired():
        if region.successor is not None:
            assert region.code.is_city == region.successor.is_city, region.code
