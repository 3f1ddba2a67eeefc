"""Differential fuzzing: ``RowScreening``'s fast path against the general path, on hostile cells.

Each drawn row starts from a valid one and has a few cells rewritten the ways
hostile files write them: wrapped in other whitespace (NBSP, ideographic
space, a BOM, a zero-width space), digits in other scripts (full-width,
Arabic-Indic), leading zeros, ``+62`` phones, year lists with other
separators, booleans in other cases, other values of the same column; under headers in another order, with
columns left out or an unknown one added. Both
paths screen the same rows, and every output cell and the summary must agree
(``_both`` compares them).
"""

from __future__ import annotations

from typing import Any

from _hypothesis_optional import given, settings, st
from koperasi_id.bpum import OtherBankCreditRule
from test_bpum_rowscreen import RULES, _both, _row

_SPACES = [" ", "  ", "\t", "\u00a0", "\u3000", "\u2007", "\u200b", "\ufeff", "\n", "\x1c", ""]
_DIGITS = {
    "fullwidth": str.maketrans("0123456789", "０１２３４５６７８９"),
    "arabic-indic": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "devanagari": str.maketrans("0123456789", "०१२३४५६७८९"),
}
# Other values each column is written with, valid or not.
_VALUES: dict[str, list[str]] = {
    "nik": ["1871010101900001", "1871010101900002", "01871010101900001", "1871-0101-0190-0001",
            "1871010101900001.0", "1.871010101900001e15", "1871014101900001", "3171010101900001"],
    "kk": ["1871010101100001", "01871010101100001", "1871010101100001 ", "0000000000000000"],
    "nama": ["Siti", "siti", "SITI", "Ṣiti", "S\u0307iti", "x" * 500, "x" * 501, "\u200b"],
    "alamat_ktp": ["Jl. Kartini 5", "JL. KARTINI 5", "Jl.  Kartini 5", "Jl. Kartini ５"],
    "alamat_usaha": ["", "Jl. Kartini 5", "jl kartini 5", "Pasar Bawah", " Jl. Kartini 5"],
    "ada_sku": ["ya", "YA", "Ya", "tidak", "Tidak ", "TIDAK", "true", "1", "0", "y", "yes", ""],
    "bidang_usaha": ["warung", "WARUNG", "x" * 500],
    "kbli": ["47111", "047111", "4711", "47111.0", "47111@kbli_2015", "47111@kbli_2020", "99999"],
    "telepon": ["081234567890", "+6281234567890", "6281234567890", "+62 812-3456-7890",
                "0812 3456 7890", "(0721) 123456", "+62(0)81234567890", "0081234567890",
                "0812345678901234", "08123"],
    "pekerjaan": ["pedagang", "Pedagang", "PEDAGANG", "nelayan", "asn", "tni", "pegawai_bumn"],
    "punya_kur": ["ya", "tidak", "YA", "Tidak ", "TIDAK", "True", "false", "0", ""],
    "punya_kredit_bank_lain": ["ya", "tidak", "Ya", "TIDAK", "1", "no", ""],
    "tahun_bpum_sebelumnya": ["", "2020", "2021", "2020|2020", "2020 | 2021", "2020|2021",
                              "２０２０", "2020,2021", "2020;2021", "02020", "2020|", "|2020",
                              "2020||2021", "2019", "1899", "2020.0"],
    "jenis_pengusul": ["dinas_kabupaten_kota", "DINAS_KABUPATEN_KOTA", "dinas_provinsi", "bank",
                       "kementerian", "dinas kabupaten kota"],
    "wilayah_pengusul": ["18.71", "18", "18.71.01", "1871", "18.7", "018.71", "91.01", "18.71 "],
    "wni": ["ya", "tidak", "YA", "Tidak ", "", "wni", "1"],
}  # fmt: skip


_OPTIONAL = ["kk", "alamat_usaha", "ada_sku", "kbli", "tahun_bpum_sebelumnya", "wni", "nama"]


@st.composite
def _cell(draw: Any, column: str) -> str:
    value = draw(st.sampled_from(_VALUES[column]))
    how = draw(st.sampled_from(["as is", "spaced", "digits", "case", "inner", "junk"]))
    if how == "spaced":
        value = draw(st.sampled_from(_SPACES)) + value + draw(st.sampled_from(_SPACES))
    elif how == "digits":
        value = value.translate(_DIGITS[draw(st.sampled_from(sorted(_DIGITS)))])
    elif how == "case":
        value = draw(st.sampled_from([str.upper, str.lower, str.title, str.swapcase]))(value)
    elif how == "inner" and value:
        at = draw(st.integers(0, len(value)))
        value = value[:at] + draw(st.sampled_from([*_SPACES, "|", ".", "-", "0"])) + value[at:]
    elif how == "junk":
        value = draw(st.text(max_size=6))
    return value


@st.composite
def _rows(draw: Any) -> list[dict[str, str]]:
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        columns = draw(st.lists(st.sampled_from(sorted(_VALUES)), max_size=4, unique=True))
        rows.append(_row(**{c: draw(_cell(c)) for c in columns}))
    if draw(st.booleans()):  # a repeat, whose NIK the index has seen
        rows.append(dict(draw(st.sampled_from(rows))))
    # The header: columns in another order, optional ones left out, an unknown one added.
    order = draw(st.permutations(list(rows[0])))
    dropped = draw(st.sets(st.sampled_from(_OPTIONAL)))
    extra = draw(st.sampled_from([None, "warna", "NIK", "_id"]))
    header = [c for c in order if c not in dropped] + ([extra] if extra else [])
    return [{c: row.get(c, "biru") for c in header} for row in rows]


@settings(max_examples=250, deadline=None)
@given(rows=_rows(), year=st.sampled_from([2020, 2021]), rule=st.sampled_from(RULES))
def test_hostile_cells_give_the_same_results(
    rows: list[dict[str, str]], year: int, rule: OtherBankCreditRule
) -> None:
    _both(rows, year=year, rule=rule)
    _both(rows, year=year, rule=rule, lenient=True)
