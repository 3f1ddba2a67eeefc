"""koperasi_id.batch: plain-data batch functions equal the streaming API, record for record."""

from __future__ import annotations

import csv
import json
import pickle
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest

from koperasi_id import batch, bpum
from koperasi_id.errors import ValidationError
from koperasi_id.kur import KurApplication
from koperasi_id.msme import Business
from koperasi_id.serialization import to_dict

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "bpum_usulan_2021.csv"
NIK = "1871010101900001"
KK = "1871010101100001"


def wire(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "nik": NIK,
        "kk": KK,
        "name": "Siti",
        "ktp_address": "Jl. Kartini 5",
        "line_of_business": "warung",
        "phone": "081234567890",
        "occupation": "pedagang",
        "has_kur": False,
        "has_other_bank_credit": False,
        "proposer": {"type": "dinas_kabupaten_kota", "region": "18.71"},
    }
    return {**base, **over}


def sample_rows(n: int) -> tuple[list[str], list[list[str]]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, list(islice(reader, n))


MIXED: list[object] = [
    wire(),
    wire(nik="1871011507850003", occupation="asn"),
    wire(),  # duplicate of 0
    wire(nik="12345"),
    wire(kk=None),  # 2021 requires KK: invalid, and not a duplicate
    "not an object",
    ValidationError.single("json", "not valid JSON", message_id="bukan JSON yang sah"),
    wire(nik="1871014101900002", unknown=1),
]


@pytest.mark.parametrize("year", [2020, 2021])
def test_screen_records_equals_screen(year: int) -> None:
    expected = [to_dict(r) for r in bpum.screen(MIXED[:6] + MIXED[7:], year=year, start=5)]
    got = batch.screen_records(MIXED[:6] + MIXED[7:], year=year, start=5)
    assert got == expected
    assert [r["outcome"] for r in got][:3] == ["layak", "tidak_layak", "ganda"]


def test_screen_records_takes_errors_as_invalid_records() -> None:
    got = batch.screen_records(MIXED, year=2021)
    assert got[6]["outcome"] == "tidak_valid"
    assert got[6]["failed_codes"] == ["json"]
    assert got[7]["failed_codes"] == ["unknown_field"]


def test_screen_records_lenient_and_credit_rule_pass_through() -> None:
    got = batch.screen_records(
        [wire(unknown=1, has_other_bank_credit=True)],
        year=2021,
        lenient=True,
        other_bank_credit_rule=bpum.OtherBankCreditRule.REGULATION_TEXT,
    )
    expected = bpum.screen([wire(unknown=1, has_other_bank_credit=True)], year=2021, lenient=True)
    assert got == [to_dict(r) for r in expected]
    assert got[0]["outcome"] != "tidak_valid"


def test_results_are_plain_json_ready_data() -> None:
    got = batch.screen_records(MIXED, year=2021)
    assert json.loads(json.dumps(got)) == got
    assert pickle.loads(pickle.dumps(got)) == got


def test_indices_renumber_records_and_their_duplicates() -> None:
    got = batch.screen_records([wire(), wire(), wire()], year=2021, indices=[7, 3, 11])
    assert [(r["index"], r["duplicate_of"]) for r in got] == [(7, None), (3, 7), (11, 7)]
    with pytest.raises(ValueError, match="2 indices for 3 records"):
        batch.screen_records([wire(), wire(), wire()], year=2021, indices=[1, 2])


def test_screen_rows_equals_screen_rows_on_the_sample_file() -> None:
    header, rows = sample_rows(1500)
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        expected = [
            to_dict(r)
            for r in bpum.screen_rows(islice(csv.DictReader(handle), 1500), year=2021, start=2)
        ]
    got = batch.screen_rows(rows, header=header, year=2021, start=2)
    assert got == expected
    outcomes = {r["outcome"] for r in got}
    assert outcomes == {"layak", "tidak_layak", "tidak_valid", "ganda"}


def test_screen_rows_short_and_long_rows_read_like_dictreader() -> None:
    header, rows = sample_rows(3)
    odd = [rows[0][:-3], [*rows[1], "extra"], rows[2]]
    text = ",".join(header) + "\n" + "\n".join(",".join(r) for r in odd) + "\n"
    expected = [to_dict(r) for r in bpum.screen_rows(csv.DictReader(text.splitlines()), year=2021)]
    got = batch.screen_rows(odd, header=header, year=2021)
    assert got == expected
    assert "row.extra_cells" in got[1]["failed_codes"]


def test_validate_records_reports_each_record() -> None:
    good = {"name": "Warung", "owner_nik": NIK, "started_on": "2019-03-01"}
    out = batch.validate_records(Business, [good, {**good, "workers": 0}, 3], start=1)
    assert [(r["index"], r["valid"]) for r in out] == [(1, True), (2, False), (3, False)]
    assert out[1]["problems"][0]["path"] == "$.workers"
    assert out[2]["problems"][0]["code"] == "type.object"
    assert NIK not in json.dumps(batch.validate_records(KurApplication, [{"borrower_nik": NIK}]))


def test_read_jsonl_lines() -> None:
    records = list(batch.read_jsonl_lines(['{"a": 1.5}', "", "  \n", "[1]", "{x"]))
    assert len(records) == 3
    assert str(records[0]["a"]) == "1.5"  # type: ignore[index]
    assert [e.codes for e in records[1:]] == [("type.object",), ("json",)]  # type: ignore[union-attr]


def test_read_csv_lines_keeps_quoted_commas_and_skips_blank_lines() -> None:
    assert list(batch.read_csv_lines(['a,"b, c"\n', "\n", "d\n"])) == [["a", "b, c"], ["d"]]


def test_nik_keys_only_for_valid_results_and_any_header_spelling() -> None:
    records = [wire(), wire(), wire(nik="x")]
    results = batch.screen_records(records, year=2021)
    assert batch.nik_keys(results, records) == [NIK, NIK, None]
    header = ["\ufeff NIK ", "nama"]
    fake = [{"outcome": "layak"}, {"outcome": "layak"}, {"outcome": "tidak_valid"}]
    rows = [[" 1871 0101 0190 0001 ", "Siti"], [], [NIK, "x"]]
    assert batch.nik_keys(fake, rows, header=header) == [NIK, None, None]
    assert batch.nik_keys(fake[:1], [[NIK]], header=["nama"]) == [None]
    assert batch.nik_keys(fake[:1], ["junk"]) == [None]


def test_as_duplicate_matches_the_single_process_duplicate() -> None:
    expected = batch.screen_records([wire(), wire(nik="1871011507850003"), wire()], year=2021)
    got = batch.as_duplicate(wire(), index=2, first=0, year=2021)
    assert got == expected[2]
    header, rows = sample_rows(1)
    row_dup = batch.as_duplicate(rows[0], index=9, first=4, year=2021, header=header)
    assert (row_dup["outcome"], row_dup["index"], row_dup["duplicate_of"]) == ("ganda", 9, 4)
    assert "ke-4" in row_dup["messages"][0]
    with pytest.raises(ValueError, match="not a valid proposal"):
        batch.as_duplicate(wire(nik="1"), index=2, first=0, year=2021)


def _chunk(args: tuple[list[object], int]) -> list[dict[str, Any]]:
    records, start = args
    return batch.screen_records(records, year=2021, start=start)


def test_runs_in_worker_processes_without_shipping_a_converter() -> None:
    chunks = [(MIXED[:4], 0), (MIXED[4:], 4)]
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        got = [r for part in pool.map(_chunk, chunks) for r in part]
    assert got == batch.screen_records(MIXED[:4], year=2021) + batch.screen_records(
        MIXED[4:], year=2021, start=4
    )


def test_read_jsonl_lines_skips_a_byte_order_mark() -> None:
    assert list(batch.read_jsonl_lines(['\ufeff{"a": 1}\n'])) == [{"a": 1}]
