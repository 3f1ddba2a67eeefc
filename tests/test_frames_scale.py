"""The columnar engine at scale: its CSV reader and writer, and the two-pass duplicate check.

The reader must give the cells ``csv.DictReader`` gives (the per-record
engine reads files that way), whichever of its two paths a block takes; the
writer must write the bytes the command line's ``csv`` writer writes; and
counting NIKs first (in flat memory, spilled to disk past a size) must not
change a single result.
"""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("polars")

from koperasi_id import bpum  # noqa: E402
from koperasi_id._io import FileFormat  # noqa: E402
from koperasi_id._output import RecordWriter  # noqa: E402
from koperasi_id.errors import RuleInputError, ValidationError  # noqa: E402
from koperasi_id.frames import (  # noqa: E402
    BpumScreener,
    _csv,
    repeated_niks,
    screen_bpum,
    screen_bpum_csv,
    write_bpum_csv,
)
from koperasi_id.identifiers import Nik  # noqa: E402
from test_frames_bpum import JUNK, SAMPLE, frame_of, mutated, read_sample  # noqa: E402

HEADER = "nik,nama,alamat_ktp\n"
#: Lines that have each broken a CSV reader: quotes (one spanning lines), CR
#: and CRLF, blank lines, too many and too few cells, NUL, a lone quote.
ODD_LINES = [
    '1871010101900001,"Siti, Aminah",Jl. Kartini 5\n',
    '1871010101900002,"Budi\nSantoso",Jl. Mawar 1\n',
    "1871010101900003,Ani,Jl. Melati 2\r\n",
    "\n",
    "1871010101900004,Dewi,Jl. Anggrek 3,extra,cells\n",
    "1871010101900005,Rina\n",
    "1871010101900006,Nu\x00l,Jl. Nol\n",
    '1871010101900007,a"b,Jl. Kutip\n',
    "\r\n",
    "1871010101900008,Eko,Jl. CR\rlanjut\n",
    ",,\n",
    "  ,  ,  \n",
]
PLAIN_LINES = [f"18710101019{i:05d},Nama {i},Jl. Biasa {i}\n" for i in range(40)]


def dict_reader(path: Path) -> list[dict[Any, Any]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def batches_as_dicts(path: Path, batch_size: int) -> list[dict[Any, Any]]:
    out: list[dict[Any, Any]] = []
    for frame, ragged in _csv.csv_batches(path, batch_size):
        for i, row in enumerate(frame.iter_rows(named=True)):
            out.append(ragged.get(i, row))
    return out


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("batch_size", [1, 2, 3, 7, 50])
def test_reader_gives_the_cells_dictreader_gives(tmp_path: Path, batch_size: int) -> None:
    rng = random.Random(batch_size)
    lines = PLAIN_LINES + ODD_LINES + PLAIN_LINES[:10]
    for seed in range(3):
        rng.seed(seed)
        body = lines[:]
        rng.shuffle(body)
        path = write(tmp_path / f"odd{seed}.csv", HEADER + "".join(body))
        assert batches_as_dicts(path, batch_size) == dict_reader(path)


@pytest.mark.parametrize(
    "text",
    [
        "",
        HEADER,
        HEADER.rstrip("\n"),
        "\ufeff" + HEADER + "".join(PLAIN_LINES[:5]),
        "nik,nik,nama\n1,2,3\n4,5\n",  # a repeated name: the last cell wins
        "nik\n1871010101900001\n\n1871010101900002\n",  # one column
        '"nik",nama\n1,2\n',  # a quoted header
        "\n" + HEADER + "".join(PLAIN_LINES[:3]),  # a blank first line
        HEADER + "".join(PLAIN_LINES[:3]).rstrip("\n"),  # no final newline
        HEADER + '1871010101900001,"an open quote\n' + "".join(PLAIN_LINES[:3]),
    ],
)
def test_reader_on_odd_files(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "odd.csv", text)
    for batch_size in (1, 2, 100):
        assert batches_as_dicts(path, batch_size) == dict_reader(path)
    # And screened as the per-record engine screens what DictReader reads.
    want = [
        (r.index, r.nik, r.outcome.value, list(r.failed_codes), list(r.messages),
         list(r.messages_en), r.duplicate_of)
        for r in bpum.screen_rows(dict_reader(path), year=2021, start=2)
    ]  # fmt: skip
    got = [
        (r[0], r[1], r[2], r[4], r[5], r[6], r[7])
        for part in screen_bpum_csv(path, year=2021, batch_size=2)
        for r in part.rows()
    ]
    assert got == want


def test_invalid_utf8_fails_as_the_csv_module_fails(tmp_path: Path) -> None:
    for body in (b"1871010101900001,Siti\xff,Jl\n", b'1,"\xff",2\n'):
        path = tmp_path / "bad.csv"
        path.write_bytes(HEADER.encode() + b"".join(x.encode() for x in PLAIN_LINES) + body)
        with pytest.raises(UnicodeDecodeError):
            dict_reader(path)
        with pytest.raises(UnicodeDecodeError):
            batches_as_dicts(path, 4)


def test_nik_cells_cover_every_nik_the_reader_sees(tmp_path: Path) -> None:
    path = write(tmp_path / "odd.csv", HEADER + "".join(PLAIN_LINES + ODD_LINES))
    for batch_size in (1, 3, 100):
        cells = pl.concat(list(_csv.csv_nik_cells(path, batch_size))).drop_nulls().to_list()
        want = [r["nik"] for r in dict_reader(path) if r["nik"] is not None]
        assert Counter(cells) == Counter(want)
    no_nik = write(tmp_path / "x.csv", "nama,alamat\na,b\n")
    with pytest.raises(LookupError):
        list(_csv.csv_nik_cells(no_nik, 10))


def test_nik_keys_of_one_valid_nik_are_one_key() -> None:
    cells = [c for c in JUNK if isinstance(c, str)] + ["1871 0101 0190 0001", "1871.0101.0190.0001"]
    keys = _csv.nik_keys(pl.Series(cells, dtype=pl.String)).to_list()
    for cell in cells:
        try:
            digits = Nik.parse(cell).digits
        except ValidationError:
            continue
        assert int(digits) in keys
    assert keys.count(1871010101900001) == 4  # spaced, dashed, blank-separated, dotted


@pytest.mark.parametrize("spill_from", [7, 1 << 20])
def test_repeated_keys_in_memory_and_spilled(
    monkeypatch: pytest.MonkeyPatch, spill_from: int
) -> None:
    monkeypatch.setattr(_csv, "SPILL_FROM", spill_from)
    rng = random.Random(spill_from)
    parts = [[rng.randrange(1, 400) for _ in range(rng.randrange(0, 30))] for _ in range(40)]
    got = _csv.repeated_keys(pl.Series(p, dtype=pl.Int64) for p in parts)
    counted = Counter(k for p in parts for k in p)
    assert sorted(got.to_list()) == sorted(k for k, n in counted.items() if n > 1)
    assert _csv.repeated_keys([]).len() == 0


def test_repeated_niks_finds_a_nik_written_two_ways() -> None:
    got = repeated_niks(
        [pl.Series(["1871010101900001", "x", None]), pl.Series(["1871-0101-0190-0001"])]
    )
    assert got.to_list() == [1871010101900001]


def test_file_screen_with_a_spilled_count_equals_per_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_csv, "SPILL_FROM", 50)
    rows = mutated(read_sample()[:600], seed=11, rate=0.2)
    for i in range(0, 600, 37):  # the same NIK far apart, written with dashes
        nik = rows[i]["nik"] or ""
        if len(nik) == 16:
            rows[i + 20 if i + 20 < 600 else 0]["nik"] = (
                f"{nik[:4]}-{nik[4:8]}-{nik[8:12]}-{nik[12:]}"
            )
    path = tmp_path / "usulan.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    with path.open(encoding="utf-8", newline="") as f:
        want = [
            (r.index, r.nik, r.outcome.value, str(r.amount), list(r.failed_codes),
             list(r.messages), list(r.messages_en), r.duplicate_of)
            for r in bpum.screen_rows(csv.DictReader(f), year=2021, start=2)
        ]  # fmt: skip
    runs: list[Any] = []
    got = pl.concat(list(screen_bpum_csv(path, year=2021, batch_size=45, run=runs)))
    assert [tuple(r) for r in got.rows()] == want
    assert sum(w[2] == "ganda" for w in want) > 20
    assert runs[0].summary.total == 600


def test_a_repeated_superset_changes_nothing() -> None:
    rows = mutated(read_sample()[:800], seed=3)
    frame = frame_of(rows)
    plain = []
    with BpumScreener(year=2021) as screener:
        for i in range(0, 800, 90):
            plain.append(screener.screen(frame.slice(i, 90), start=i))
    counted = []
    with BpumScreener(year=2021, repeated=repeated_niks([frame["nik"]])) as screener:
        for i in range(0, 800, 90):
            counted.append(screener.screen(frame.slice(i, 90), start=i))
    assert pl.concat(counted).rows() == pl.concat(plain).rows()
    assert screen_bpum(frame, year=2021, batch_size=90).rows() == pl.concat(plain).rows()
    # The index held only the repeated NIKs, not every one.
    assert len(screener._seen) < frame.height // 4


def test_an_empty_repeated_set_would_miss_duplicates() -> None:
    """The filter is real: told that no NIK repeats, the screener finds no duplicate."""
    frame = frame_of(read_sample()[:2_000])
    with BpumScreener(year=2021, repeated=pl.Series([], dtype=pl.Int64)) as screener:
        blind = screener.screen(frame)
    assert "ganda" not in blind["hasil"].to_list()
    assert "ganda" in screen_bpum(frame, year=2021)["hasil"].to_list()


def test_keys_column_is_the_nik_of_each_valid_record() -> None:
    rows = mutated(read_sample()[:300], seed=8)
    with BpumScreener(year=2021) as screener:
        out = screener.screen(frame_of(rows), keys=True)
    assert out.columns[-1] == "nik_key"
    for row, (hasil, key) in zip(rows, out.select("hasil", "nik_key").rows(), strict=True):
        if hasil == "tidak_valid":
            assert key is None
        else:
            assert key == int(Nik.parse(row["nik"].strip()).digits)


def _record_writer_bytes(frame: Any) -> str:
    buffer = io.StringIO()
    writer = RecordWriter(buffer, FileFormat.CSV, columns=list(bpum.SCREENING_COLUMNS))
    for row in frame.iter_rows(named=True):
        row["nik"] = row["nik"] or ""
        writer.write(row)
    return buffer.getvalue()


@pytest.mark.parametrize("odd", ["", "a,b", 'a"b', "a\nb", "a\rb", " a ", "=1+2", "é|x", "\x00"])
def test_writer_writes_the_bytes_of_the_command_line_writer(odd: str) -> None:
    frame = pl.DataFrame(
        {
            "line": [2, 3, 4],
            "nik": [None, odd, "187101******0001"],
            "hasil": ["tidak_valid", "layak", odd],
            "jumlah_bantuan": ["0", "1200000", "0"],
            "kode_alasan": [[], ["a", odd], [odd]],
            "alasan": [[odd], [], ["x, y", "z"]],
            "duplikat_baris": [None, 2, None],
        },
        schema=dict(zip(bpum.SCREENING_COLUMNS, _SCHEMA_TYPES, strict=True)),
    )
    buffer = io.StringIO()
    assert write_bpum_csv([frame, frame.clear(), frame], buffer) == 6
    assert buffer.getvalue() == _record_writer_bytes(pl.concat([frame, frame]))


_SCHEMA_TYPES = [
    pl.Int64,
    pl.String,
    pl.String,
    pl.String,
    pl.List(pl.String),
    pl.List(pl.String),
    pl.Int64,
]


def test_sample_file_written_as_the_rows_engine_writes_it(tmp_path: Path) -> None:
    buffer = io.StringIO()
    write_bpum_csv(screen_bpum_csv(SAMPLE, year=2021, batch_size=3_000), buffer)
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        want = io.StringIO()
        writer = RecordWriter(want, FileFormat.CSV, columns=list(bpum.SCREENING_COLUMNS))
        for r in bpum.screen_rows(csv.DictReader(f), year=2021, start=2):
            writer.write(
                {
                    "line": r.index,
                    "nik": r.nik or "",
                    "hasil": r.outcome.value,
                    "jumlah_bantuan": str(r.amount),
                    "kode_alasan": list(r.failed_codes),
                    "alasan": list(r.messages),
                    "duplikat_baris": r.duplicate_of,
                }
            )
    assert buffer.getvalue() == want.getvalue()


def test_the_writer_refuses_what_is_not_a_result_frame() -> None:
    with pytest.raises(RuleInputError, match=r"^out is a text stream, not str$"):
        write_bpum_csv([], "1871010101900001")  # type: ignore[arg-type]
    with pytest.raises(RuleInputError, match=r"^parts are polars DataFrames, not dict$"):
        write_bpum_csv([{"nik": "x"}], io.StringIO())  # type: ignore[list-item]
    with pytest.raises(RuleInputError, match=r"one lacks \d+ of their columns") as caught:
        write_bpum_csv([pl.DataFrame({"nik": ["1871010101900001"]})], io.StringIO())
    assert "1871010101900001" not in str(caught.value)
