"""The columnar BPUM screen gives, row for row, what the per-record screen gives.

Deterministic differential tests: the sample file, junk mutations of it, odd
headers, duplicates across batches, and ``rules=`` overrides. The property
tests (Hypothesis records) are in ``test_frames_properties.py``.
"""

from __future__ import annotations

import csv
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

pl = pytest.importorskip("polars")

from koperasi_id import bpum  # noqa: E402
from koperasi_id.errors import NoRuleInForceError  # noqa: E402
from koperasi_id.frames import (  # noqa: E402
    BPUM_RESULT_COLUMNS,
    BpumScreener,
    screen_bpum,
    screen_bpum_csv,
)
from koperasi_id.law import Regime, Timeline  # noqa: E402
from koperasi_id.serialization import to_dict  # noqa: E402

SAMPLE = Path(__file__).parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"

#: Cells that have broken readers before: bad NIKs, spacing, case, hostile text.
JUNK: tuple[str | None, ...] = (
    None,
    "",
    " ",
    "  1871010101900001 ",
    "1871-0101-0190-0001",
    "1871010101900000",
    "0071010101900001",
    "1871010132900001",
    "1871010129010001",
    "1871010129000001",
    "12345",
    "187101010190000X",
    "١٨٧١٠١٠١٠١٩٠٠٠٠١",
    "1871010101900001" * 2,
    "\x00",
    "\ufeffSiti",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "Ña\u00a0",
    "\u2003Siti",
    "a" * 501,
    "a" * 500,
    "YA",
    "Tidak",
    "mungkin",
    "2020|2020",
    "2020|",
    "2020|2021",
    "2021",
    "ASN",
    "asn",
    "  pedagang  ",
    "tni",
    "dinas_provinsi",
    "koperasi_berbadan_hukum",
    "18",
    "18.71",
    "99.99",
    "18.71.01",
    "0812",
    "+62 812 3456 7890",
    "+65 6123 4567",
    "+6208123456789",
    "+62812345678",
    "+6281234567890123",
    "00628123456789",
    "0062081234567",
    "6281234567890",
    "62021123456",
    "0021123456",
    "00812345678",
    "8123456789",
    "81234567",
    "0112345678",
    "07211234567",
    "0721123456789",
    "081234567890123",
    "+620",
    "47111",
    "4711X",
    "1871010101100001",
    "Jl. Kartini 5",
    "JL KARTINI 5",
)


def read_sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def frame_of(rows: list[dict[str, Any]]) -> Any:
    columns = list(rows[0])
    return pl.DataFrame(
        {c: [r.get(c) for r in rows] for c in columns}, schema=dict.fromkeys(columns, pl.String)
    )


def per_record(frame: Any, **options: Any) -> list[tuple[Any, ...]]:
    start = options.pop("start", 0)
    return [
        (
            r.index,
            r.nik,
            r.outcome.value,
            str(r.amount),
            list(r.failed_codes),
            list(r.messages),
            list(r.messages_en),
            r.duplicate_of,
        )
        for r in bpum.screen_rows(frame.iter_rows(named=True), start=start, **options)
    ]


def assert_same(frame: Any, **options: Any) -> Any:
    want = per_record(frame, **options)
    got = screen_bpum(frame, **options)
    assert got.columns == list(BPUM_RESULT_COLUMNS)
    rows = got.rows()
    assert len(rows) == len(want)
    for mine, theirs in zip(rows, want, strict=True):
        assert tuple(mine) == theirs
    return got


def mutated(rows: list[dict[str, str]], seed: int, rate: float = 0.3) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for row in rows:
        new: dict[str, Any] = dict(row)
        if rng.random() < rate:
            new[rng.choice(list(new))] = rng.choice(JUNK)
        if out and rng.random() < 0.1:  # a duplicate NIK of an earlier row
            new["nik"] = rng.choice(out)["nik"]
        out.append(new)
    return out


@pytest.mark.parametrize("year", [2020, 2021])
def test_sample_file_same_decisions_both_budget_years(year: int) -> None:
    frame = frame_of(read_sample())
    got = assert_same(frame, year=year, start=2)
    outcomes = set(got["hasil"].to_list())
    assert {"layak", "tidak_layak"} <= outcomes


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("year", [2020, 2021])
def test_junk_mutations_same_decisions(seed: int, year: int) -> None:
    rows = mutated(read_sample()[:400], seed)
    got = assert_same(frame_of(rows), year=year)
    assert set(got["hasil"].to_list()) == {"layak", "tidak_layak", "tidak_valid", "ganda"}


@pytest.mark.parametrize(
    "rule",
    [bpum.OtherBankCreditRule.REGULATION_TEXT, bpum.OtherBankCreditRule.ANY_BANK_CREDIT_EXCLUDES],
)
def test_other_bank_credit_reading_reaches_both_engines(rule: bpum.OtherBankCreditRule) -> None:
    rows = read_sample()[:300]
    for row in rows[::2]:
        row["punya_kredit_bank_lain"] = "ya"
    assert_same(frame_of(rows), year=2021, other_bank_credit_rule=rule)


def test_rules_override_reaches_the_columnar_engine() -> None:
    """A custom timeline (other amount, list and credit rule) is read, not restated."""
    regime = bpum.programme_regime(2021)
    custom = attrs.evolve(
        regime.value,
        amount=Decimal("999000"),
        excluded_occupations=(bpum.Occupation.TRADER,),
        other_bank_credit_excludes=True,
    )
    rules = Timeline("custom", [attrs.evolve(regime, value=custom)])
    rows = mutated(read_sample()[:300], seed=11, rate=0.1)
    for row in rows[:40]:
        row["pekerjaan"] = "pedagang"
    got = assert_same(frame_of(rows), year=2021, rules=rules)
    assert "999000" in got["jumlah_bantuan"].to_list()
    with pytest.raises(NoRuleInForceError) as caught:
        screen_bpum(frame_of(rows), year=2020, rules=rules)
    assert caught.value.table == "custom"


@pytest.mark.parametrize("year", [2019, 2022])
def test_years_outside_every_regime_are_refused_by_both(year: int) -> None:
    frame = frame_of(read_sample()[:3])
    with pytest.raises(NoRuleInForceError) as caught:
        list(bpum.screen_rows(frame.iter_rows(named=True), year=year))
    assert caught.value.table == "bpum.programme"
    with pytest.raises(NoRuleInForceError) as caught:
        screen_bpum(frame, year=year)
    assert caught.value.table == "bpum.programme"


def test_duplicates_found_across_batches() -> None:
    rows = read_sample()[:50]
    rows = rows + [dict(r) for r in rows[:10]]
    frame = frame_of(rows)
    want = per_record(frame, year=2021, start=2)
    with BpumScreener(year=2021) as screener:
        parts = [screener.screen(frame.slice(i, 7), start=2 + i) for i in range(0, frame.height, 7)]
    got = pl.concat(parts).rows()
    assert [tuple(r) for r in got] == want
    assert screener.run.summary.duplicates == 10
    assert screener.run.columnar + screener.run.per_record == 60


@pytest.mark.parametrize("seed", range(3))
def test_verdicts_and_decisions_kept_from_earlier_batches(seed: int) -> None:
    # In batches of 7 most values and decision combinations were met in an
    # earlier batch: they are answered from what the screener kept, invalid
    # ones included, and must still give the per-record results.
    frame = frame_of(mutated(read_sample()[:300], seed))
    want = per_record(frame, year=2021)
    got = screen_bpum(frame, year=2021, batch_size=7)
    assert [tuple(r) for r in got.rows()] == want
    assert set(got["hasil"].to_list()) == {"layak", "tidak_layak", "tidak_valid", "ganda"}


def test_odd_headers_and_column_kinds_fall_back_to_the_record_engine() -> None:
    rows = [
        {("\ufeffNIK " if k == "nik" else k.upper()): v for k, v in r.items()}
        for r in read_sample()[:30]
    ]
    assert_same(frame_of(rows), year=2021)
    extra = [{**r, "warna": "biru"} for r in read_sample()[:20]]
    assert_same(frame_of(extra), year=2021)
    assert_same(frame_of(extra), year=2021, lenient=True)
    missing = [{k: v for k, v in r.items() if k != "telepon"} for r in read_sample()[:20]]
    assert_same(frame_of(missing), year=2021)
    numbers = frame_of(read_sample()[:20]).with_columns(pl.col("kbli").cast(pl.Int64, strict=False))
    assert_same(numbers, year=2021)


def test_summary_equals_the_per_record_summary_and_counts_the_paths() -> None:
    rows = mutated(read_sample()[:500], seed=3)
    frame = frame_of(rows)
    want = bpum.ScreeningSummary(year=2021)
    for result in bpum.screen_rows(frame.iter_rows(named=True), year=2021):
        want.add(result)
    with BpumScreener(year=2021) as screener:
        screener.screen(frame)
    assert to_dict(screener.run.summary) == to_dict(want)
    assert screener.run.per_record > 0
    assert screener.run.columnar > screener.run.per_record


def test_lazy_and_pandas_inputs() -> None:
    frame = frame_of(read_sample()[:120])
    want = per_record(frame, year=2021)
    assert [tuple(r) for r in screen_bpum(frame.lazy(), year=2021, batch_size=50).rows()] == want
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")  # polars.from_pandas converts through Arrow
    assert isinstance(frame.to_pandas(), pd.DataFrame)
    assert [tuple(r) for r in screen_bpum(frame.to_pandas(), year=2021).rows()] == want


def test_csv_scan_in_batches_matches_per_record(tmp_path: Path) -> None:
    rows = mutated(read_sample()[:300], seed=5, rate=0.1)
    path = tmp_path / "usulan.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in rows)
    with path.open(encoding="utf-8", newline="") as f:
        want = [
            (r.index, r.outcome.value, list(r.failed_codes), list(r.messages),
             list(r.messages_en), r.duplicate_of)
            for r in bpum.screen_rows(csv.DictReader(f), year=2021, start=2)
        ]  # fmt: skip
    got = pl.concat(list(screen_bpum_csv(path, year=2021, batch_size=64)))
    columns = ("line", "hasil", "kode_alasan", "alasan", "alasan_en", "duplikat_baris")
    assert got.select(columns).rows() == [tuple(w) for w in want]


def test_an_empty_frame_gives_an_empty_result() -> None:
    empty = frame_of(read_sample()[:1]).clear()
    assert screen_bpum(empty, year=2021).height == 0


def test_regime_of_each_year_is_the_one_read() -> None:
    # Day before / first day of the 2021 regime: budget years 2020 and 2021 differ.
    frame = frame_of(read_sample()[:200])
    amounts = {y: set(screen_bpum(frame, year=y)["jumlah_bantuan"].to_list()) for y in (2020, 2021)}
    assert str(bpum.amount(2020)) in amounts[2020]
    assert str(bpum.amount(2021)) in amounts[2021]
    assert isinstance(bpum.PROGRAMMES, Timeline)
    assert all(isinstance(r, Regime) for r in bpum.PROGRAMMES)


def test_a_batch_where_no_row_passes_the_cheap_checks() -> None:
    # Regression: the fast path once returned a frame without decision columns here.
    rows = [{**r, "nik": f" {r['nik']} "} for r in read_sample()[:5]]
    assert_same(frame_of(rows), year=2021)


@pytest.mark.parametrize("year", [2020, 2021])
def test_every_junk_value_in_every_column(year: int) -> None:
    base = read_sample()[:3]
    rows = [dict(r) for r in base]
    for column in base[0]:
        for value in JUNK:
            rows.append({**base[len(rows) % 3], column: value})
    got = assert_same(frame_of(rows), year=year)
    assert got.height == 3 + len(base[0]) * len(JUNK)


def test_csv_file_with_ragged_rows_matches_per_record(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:60]
    lines[3] = lines[3].rstrip("\n") + ",extra\n"
    lines[4] = ",".join(lines[4].split(",")[:4]) + "\n"
    lines[5] = lines[5].replace("Jl.", '"Jl.\nRT 02"', 1)
    path = tmp_path / "ragged.csv"
    path.write_text("".join(lines), encoding="utf-8")
    with path.open(encoding="utf-8", newline="") as f:
        want = [
            (r.index, r.nik, r.outcome.value, str(r.amount), list(r.failed_codes),
             list(r.messages), list(r.messages_en), r.duplicate_of)
            for r in bpum.screen_rows(csv.DictReader(f), year=2021, start=2)
        ]  # fmt: skip
    got = pl.concat(list(screen_bpum_csv(path, year=2021, batch_size=16)))
    assert [tuple(r) for r in got.rows()] == want
    assert {"tidak_valid", "layak"} <= set(got["hasil"].to_list())


def test_english_reasons_sit_next_to_the_indonesian_ones_row_for_row() -> None:
    rows = mutated(read_sample()[:300], seed=7)
    rows += [dict(r) for r in rows[:5]]  # duplicates, decided column-wise
    frame = frame_of(rows)
    got = screen_bpum(frame, year=2021, start=2)
    assert got.columns[5:7] == ["alasan", "alasan_en"]
    want = {r.index: r for r in bpum.screen_rows(frame.iter_rows(named=True), year=2021, start=2)}
    for line, hasil, alasan, alasan_en in got.select("line", "hasil", "alasan", "alasan_en").rows():
        assert alasan_en == list(want[line].messages_en)
        assert len(alasan_en) == len(alasan)
        assert (hasil == "layak") == (alasan_en == [])
    twins = got.filter(pl.col("hasil") == "ganda")
    nik, earlier, reason = twins.select("nik", "duplikat_baris", "alasan_en").row(0)
    assert reason == [
        f"NIK {nik} was already proposed in record {earlier} for budget year 2021; "
        "one NIK receives one BPUM a year."
    ]


def test_english_reasons_of_duplicates_across_batches() -> None:
    rows = read_sample()[:20]
    frame = frame_of(rows + [dict(r) for r in rows[:3]])
    want = per_record(frame, year=2020, start=2)
    with BpumScreener(year=2020) as screener:
        parts = [screener.screen(frame.slice(i, 6), start=2 + i) for i in range(0, frame.height, 6)]
    got = pl.concat(parts)
    assert [tuple(r) for r in got.rows()] == want
    assert got.filter(pl.col("hasil") == "ganda")["alasan_en"].list.len().to_list() == [1, 1, 1]


def test_business_address_written_otherwise_is_still_the_ktp_address() -> None:
    """Without an SKU, the business must be at the KTP address (``same_address``).

    The same address in other case, punctuation and spacing is at the KTP
    address; another address is not. Batches of 5 mix both kinds, and the
    second time an address is met its key is the one kept from before.
    """
    rows = []
    for i, row in enumerate(read_sample()[:60]):
        new = dict(row, ada_sku="tidak")
        ktp = new["alamat_ktp"]
        if i % 3 == 0:
            new["alamat_usaha"] = ktp.upper().replace(".", " ,")  # the same, written otherwise
        elif i % 3 == 1:
            new["alamat_usaha"] = ktp + " Blok B"  # another address
        rows.append(new)
    frame = frame_of(rows)
    want = per_record(frame, year=2021)
    got = screen_bpum(frame, year=2021, batch_size=5)
    assert [tuple(r) for r in got.rows()] == want
    sku = f"bpum.{bpum.Criterion.SKU.value}"
    fails = [sku in w[4] for w in want]
    # The other address without an SKU fails the check, the same one written otherwise does not.
    assert all(fails[i] for i, w in enumerate(want) if i % 3 == 1 and w[2] != "tidak_valid")
    assert not any(fails[i] for i in range(0, len(want), 3))
    assert sum(fails) > 10


def test_values_that_failed_are_kept_only_as_far_as_the_memo_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A part value that fails is kept for later batches only while the run still keeps values.

    Every row has its own junk telephone (not a plain number, so each is a
    distinct part value that fails): past the memo limit the failed values
    kept must stop growing with the stream (they did: every one was kept, and
    every batch tested its rows against all of them), and the results stay
    the per-record engine's.
    """
    from koperasi_id.frames import _bpum_checks  # noqa: PLC0415

    monkeypatch.setattr(_bpum_checks, "MEMO_LIMIT", 50)
    rows = [dict(row, telepon=f"0812-{i:04d}x") for i, row in enumerate(read_sample()[:600])]
    frame = frame_of(rows)
    want = per_record(frame, year=2021, start=2)
    with BpumScreener(year=2021) as screener:
        parts = [screener.screen(frame.slice(i, 30), start=2 + i) for i in range(0, 600, 30)]
        kept = screener._checks._failed["_tel"]
    assert [tuple(r) for r in pl.concat(parts).rows()] == want
    assert sum("phone.characters" in w[4] for w in want) > 500  # the junk phones fail
    assert len(kept) <= 50 + 30  # the limit, and at most the batch that passed it
