"""The structuring baselines give the library's verdict on hostile input, cell by cell.

``tests/test_benchmark_baselines.py`` breaks one rule at a time on purpose;
this file feeds each field of a valid ``Proposal`` and ``KurApplication``
wire the hostile corpus of the robustness suite (``tests/_robustness.py``:
every Unicode space, dash, format and control character between an
identifier's groups, every decimal digit family, size and exponent bombs,
JSON values of the wrong type) and the boundaries of the number policy and
the day range, then asks the library, the pydantic baseline and the msgspec
baseline for their outcome. All three must accept with the same output, or
all three refuse: a baseline that takes what the library refuses checks
less than the library (and is cheaper for it), one that refuses what the
library takes checks more. Either way the benchmark's ratio would compare
unequal work.

Only wire-format (JSON) values are fed: already-built objects (``Nik``,
``date``, ``Decimal``) are a documented difference (benchmarks/README.md).
"""

from __future__ import annotations

import copy
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import _data

import _baseline_sides as sides
import _robustness as hostile

Wire = dict[str, Any]
Path_ = tuple[str | int, ...]

PROPOSAL = _data.valid_proposal_wires(1)[0]
APPLICATION = _data.kur_application_wires(1)[0]
#: A second valid NIK (another person), a KK, an NPWP of each form, an NIB.
OTHER_NIK = hostile.NIKS[1]
KK = hostile.KK
NPWP_LEGACY = "012345674123000"
NPWP_NIK = "1801041508850003"
NIB = "0220000451127"


def _json_values() -> tuple[object, ...]:
    """The robustness suite's Python bombs that a JSON document can carry."""
    out: list[object] = []
    for value in hostile.python_bombs():
        try:
            json.dumps(value, allow_nan=True)
        except (TypeError, ValueError, RecursionError):
            continue
        out.append(value)
    return (*out, 1.5, 12.0, -0.0, [], {}, ["x"])


JSON_VALUES = _json_values()


def _in_family(text: str, zero: str) -> str:
    """``text`` with its ASCII digits written in the family whose zero is ``zero``."""
    return "".join(hostile.in_family(ch, zero) if "0" <= ch <= "9" else ch for ch in text)


def _grouped(text: str, cuts: tuple[int, ...], sep: str) -> str:
    parts, start = [], 0
    for cut in (*cuts, len(text)):
        parts.append(text[start:cut])
        start = cut
    return sep.join(parts)


def identifier_texts(plain: str, cuts: tuple[int, ...]) -> tuple[str, ...]:
    """``plain`` cut at ``cuts`` by every separator, in every digit family, padded, bombed."""
    out = [_grouped(plain, cuts, sep) for sep in hostile.separators()]
    out += [_grouped(plain, cuts, sep * 2) for sep in (" ", "-", ".", "\u00a0")]
    out += [_in_family(plain, zero) for zero in hostile.digit_zeros()]
    # The 64-character limit on raw identifier text, padded either side of it.
    out += [plain + " " * (64 - len(plain)), plain + " " * (65 - len(plain))]
    out += [" " * (64 - len(plain)) + plain, plain.center(65)]
    out += [plain[:-1], plain + "0", plain * 2, "+" + plain, plain + "\n", "\ufeff" + plain]
    out += [plain[:2] + "x" + plain[3:], plain[:-1] + "\u00b2", plain[:-1] + "\u2167"]
    return (*out, *hostile.TEXT_BOMBS)


def texts() -> tuple[object, ...]:
    """Free text: blank in every way, at and past 500 characters, surrogates, bombs."""
    out: list[object] = list(hostile.separators())
    out += [sep + "x" + sep for sep in (" ", "\t", "\u3000", "\u200b", "\ufeff", "\x00")]
    out += ["x" * 500, "x" * 501, "é" * 500, "e\u0301" * 250, "\U0001f600" * 501, " " * 499 + "x"]
    out += ["\ud800", "x\udfff", "Jl. Kartini 5"]
    return (*out, *hostile.TEXT_BOMBS, *JSON_VALUES)


def amounts() -> tuple[object, ...]:
    """Money: the number policy's bounds (10**15, 64 characters, -0, two places) and junk."""
    ceiling = 10**15
    out: list[object] = [
        str(ceiling), f"{ceiling}.00", f"{ceiling}.01", str(ceiling + 1), ceiling, ceiling + 1,
        "-0", "-0.00", "0", "0.00", "0.01", "0.001", "0.10", "1.5", "1.", ".5", "+1", "1_000",
        "1,000", "1.000,00", "Rp 1.000", "1e3", "1E+2", "0x10", "0" * 63 + "1", "0" * 64 + "1",
        "1" + "0" * 15, "1" + "0" * 16, -1, 0, 1, 1500000,
    ]  # fmt: skip
    out += [_in_family("1500000", zero) for zero in hostile.digit_zeros()]
    out += [f"1{sep}500{sep}000" for sep in (" ", ".", "\u00a0", "\u202f", "\t")]
    out += [f"{sep}1500000" for sep in (" ", "\u00a0", "\ufeff")]
    return (*out, *hostile.TEXT_BOMBS, *JSON_VALUES)


def days() -> tuple[object, ...]:
    """ISO days at the ends of the library's range (1900-01-01 to 9899-12-31), non-days, junk."""
    out: list[object] = [
        "1899-12-31", "1900-01-01", "9899-12-31", "9900-01-01", "0001-01-01", "0000-01-01",
        "2024-02-29", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "2024-1-02", "2024-01-02T00:00", "2024-01-02 ", " 2024-01-02", "20240102",
        "+2024-01-02", "10000-01-01", "2024/01/02", "2024-W01-1", "2024-002",
    ]  # fmt: skip
    out += [_in_family("2024-01-02", zero) for zero in hostile.digit_zeros()]
    out += [f"2024{sep}01{sep}02" for sep in ("\u2010", "\u2011", "\u2212", "\u2013", ".")]
    return (*out, *hostile.TEXT_BOMBS, *JSON_VALUES)


def counts(bounds: tuple[int, ...]) -> tuple[object, ...]:
    """Whole numbers either side of each bound, the policy's 10**15, and wrong types."""
    out: list[object] = []
    for bound in (*bounds, 10**15):
        out += [bound - 1, bound, bound + 1]
    out += [str(bounds[0]), float(bounds[0]), True, False, -0.0]
    return (*out, *JSON_VALUES)


FLAGS = (True, False, 0, 1, 1.0, "true", "false", "ya", "", None, [], {})


def choices(valid: tuple[str, ...]) -> tuple[object, ...]:
    first = valid[0]
    return (*valid, first.upper(), f" {first}", f"{first} ", first.replace("_", " "), "", None, 1)


def _set(wire: Wire, path: Path_, value: object) -> Wire:
    out = copy.deepcopy(wire)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def _drop(wire: Wire, path: Path_) -> Wire:
    out = copy.deepcopy(wire)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


def _region_cuts(code: str) -> tuple[str, tuple[int, ...]]:
    plain = code.replace(".", "")
    return plain, tuple(range(2, len(plain), 2))


def _structure(wire: Wire, prefix: Path_ = ()) -> Iterator[tuple[str, Wire]]:
    """Each key dropped and an unknown key added, at every depth of ``wire``."""
    target: Any = wire
    for key in prefix:
        target = target[key]
    for key, value in target.items():
        yield f"{'.'.join(map(str, (*prefix, key)))} dropped", _drop(wire, (*prefix, key))
        if isinstance(value, dict):
            yield from _structure(wire, (*prefix, key))
    yield (
        f"unknown key in {'.'.join(map(str, prefix)) or '$'}",
        _set(wire, (*prefix, "colour"), "red"),
    )


def _cells(wire: Wire, path: Path_, values: tuple[object, ...]) -> Iterator[tuple[str, Wire]]:
    for value in values:
        shown = repr(value) if not isinstance(value, int) or abs(value) < 10**20 else "huge int"
        yield f"{'.'.join(map(str, path))} = {shown[:80]}", _set(wire, path, value)


#: Regencies in the shipped table (18.01, 18.71, 11.01) and absent from it: the table
#: refuses a NIK's or a region code's unknown regency; a KK's region part is shape only.
REGENCIES = ("1801", "1871", "1101", "1820", "1181", "1869", "1899", "1870", "1800", "9901")


def _with_regency(text: str, regency: str) -> str:
    return regency + text[4:]


def proposal_cases() -> dict[str, Callable[[], Iterator[tuple[str, Wire]]]]:
    w = PROPOSAL
    region, region_cuts = _region_cuts(w["proposer"]["region"])
    proposer_types = (w["proposer"]["type"], "dinas_provinsi", "koperasi_berbadan_hukum")
    return {
        "nik": lambda: _cells(w, ("nik",), identifier_texts(w["nik"], (4, 8, 12))),
        "nik other forms": lambda: _cells(w, ("nik",), hostile.nik_texts()),
        "regencies": lambda: (
            case
            for key, text in (("nik", w["nik"]), ("kk", KK))
            for case in _cells(w, (key,), tuple(_with_regency(text, r) for r in REGENCIES))
        ),
        "kk": lambda: _cells(w, ("kk",), identifier_texts(KK, (4, 8, 12))),
        "phone": lambda: _cells(w, ("phone",), identifier_texts(w["phone"], (4, 8))),
        "phone +62": lambda: _cells(w, ("phone",), identifier_texts("+6281234567890", (3, 6))),
        "kbli": lambda: _cells(w, ("kbli",), identifier_texts(w["kbli"], (2,))),
        "proposer region": lambda: _cells(
            w, ("proposer", "region"), identifier_texts(region, region_cuts)
        ),
        "proposer type": lambda: _cells(w, ("proposer", "type"), choices(proposer_types)),
        "texts": lambda: (
            case
            for key in ("name", "ktp_address", "business_address", "line_of_business")
            for case in _cells(w, (key,), texts())
        ),
        "flags": lambda: (
            case
            for key in ("has_sku", "has_kur", "has_other_bank_credit", "citizen")
            for case in _cells(w, (key,), FLAGS)
        ),
        "occupation": lambda: _cells(w, ("occupation",), choices(("pedagang", "asn", "tni"))),
        "previous years": lambda: _cells(
            w,
            ("previous_bpum_years",),
            (
                *tuple([y] for y in counts((1900, 9999))),
                [2020, 2020],
                [2020, 2021],
                [],
                None,
                "2020",
                [[2020]],
            ),
        ),
        "structure": lambda: _structure(w),
    }


def application_cases() -> dict[str, Callable[[], Iterator[tuple[str, Wire]]]]:
    w = APPLICATION
    credit = {"kind": "kur", "plafond": "5000000", "outstanding": "1000", "scheme": "mikro"}
    with_credit = _set(w, ("existing_credits",), [credit])
    pmi = {**w, "scheme": "pmi", "contract_months": 24}
    region, region_cuts = _region_cuts(w["business"]["region"])
    money_fields = (("plafond",), ("business", "capital"), ("business", "net_assets"))
    return {
        "borrower nik": lambda: _cells(
            w, ("borrower_nik",), identifier_texts(w["borrower_nik"], (6, 12))
        ),
        "owner nik": lambda: _cells(
            w, ("business", "owner_nik"), (*hostile.nik_texts(), OTHER_NIK)
        ),
        "npwp legacy": lambda: _cells(
            w, ("npwp",), identifier_texts(NPWP_LEGACY, (2, 5, 8, 9, 12))
        ),
        "npwp nik": lambda: _cells(w, ("npwp",), identifier_texts(NPWP_NIK, (4, 8, 12))),
        "nib": lambda: _cells(w, ("business", "nib"), identifier_texts(NIB, (4, 8))),
        "kbli": lambda: _cells(
            w, ("business", "kbli"), identifier_texts(w["business"]["kbli"], (2,))
        ),
        "region": lambda: _cells(w, ("business", "region"), identifier_texts(region, region_cuts)),
        "regencies": lambda: (
            case
            for path, text in (
                (("borrower_nik",), w["borrower_nik"]),
                (("npwp",), NPWP_NIK),
                (("business", "region"), "18.71.01"),
            )
            for case in _cells(
                w, path, tuple(_with_regency(text.replace(".", ""), r) for r in REGENCIES)
            )
        ),
        "village region": lambda: _cells(
            w, ("business", "region"), identifier_texts("1871011001", (2, 4, 6))
        ),
        "money": lambda: (case for path in money_fields for case in _cells(w, path, amounts())),
        "sales": lambda: _cells(w, ("business", "annual_sales"), amounts()),
        "credit amounts": lambda: (
            case
            for key in ("plafond", "outstanding")
            for case in _cells(with_credit, ("existing_credits", 0, key), amounts())
        ),
        "days": lambda: (
            case
            for path in (("akad_date",), ("business", "started_on"))
            for case in _cells(w, path, days())
        ),
        "counts": lambda: (
            case
            for path, bounds in (
                (("tenor_months",), (1, 600)),
                (("access",), (1, 1000)),
                (("business", "workers"), (1,)),
            )
            for case in _cells(w, path, counts(bounds))
        ),
        "contract months": lambda: _cells(pmi, ("contract_months",), counts((1, 600))),
        "business name": lambda: _cells(w, ("business", "name"), texts()),
        "choices": lambda: (
            case
            for path, valid in (
                (("scheme",), ("super_mikro", "mikro", "kecil", "khusus")),
                (("purpose",), ("modal_kerja", "investasi")),
                (("sector",), ("perdagangan", "jasa")),
            )
            for case in _cells(w, path, choices(valid))
        ),
        "credit fields": lambda: (
            case
            for path, values in (
                (("kind",), choices(("kur", "kpr"))),
                (("collectibility",), choices(("lancar", "macet"))),
                (("scheme",), (*choices(("mikro",)), None)),
                (("closed",), FLAGS),
                (("same_lender",), FLAGS),
            )
            for case in _cells(with_credit, ("existing_credits", 0, *path), values)
        ),
        "closed credits": lambda: _cells(
            with_credit,
            ("existing_credits", 0),
            tuple(
                {"kind": "kpr", "plafond": "5", "outstanding": owed, "closed": True}
                for owed in ("0", "0.00", "-0", "0.01", 0, "")
            ),
        ),
        "flags": lambda: (
            case
            for key in ("had_training", "extended", "exempt_38a", "disaster_area")
            for case in _cells(w, (key,), FLAGS)
        ),
        "structure": lambda: _structure(with_credit),
    }


PROPOSAL_CASES = proposal_cases()
APPLICATION_CASES = application_cases()


def _disagreements(kind: str, cases: Iterator[tuple[str, Wire]]) -> list[str]:
    found = []
    for label, wire in cases:
        differs = sides.disagreement(kind, wire)
        if differs is not None:
            found.append(f"{label}: {differs}")
    return found


def test_the_corpus_starts_from_records_all_three_accept() -> None:
    for kind, wire in (("proposal", PROPOSAL), ("kur", APPLICATION)):
        assert sides.disagreement(kind, wire) is None
        assert sides.verdicts(kind, wire)[0] != sides.REFUSED


def test_the_comparison_sees_a_baseline_that_checks_less(monkeypatch: pytest.MonkeyPatch) -> None:
    # The baselines before this test: no ceiling on an amount. The corpus must catch it.
    import _baseline_checks  # noqa: PLC0415 - benchmarks/, on the path

    assert _disagreements("kur", APPLICATION_CASES["money"]()) == []
    monkeypatch.setattr(_baseline_checks, "MAX_MAGNITUDE", 10**30)
    found = _disagreements("kur", APPLICATION_CASES["money"]())
    assert "plafond = '1000000000000001': library refused, pydantic accepted" in "\n".join(found)


@pytest.mark.parametrize("name", sorted(PROPOSAL_CASES))
def test_proposal_baselines_agree_on_hostile_cells(name: str) -> None:
    assert _disagreements("proposal", PROPOSAL_CASES[name]()) == []


@pytest.mark.parametrize("name", sorted(APPLICATION_CASES))
def test_application_baselines_agree_on_hostile_cells(name: str) -> None:
    assert _disagreements("kur", APPLICATION_CASES[name]()) == []


# --- drawn cells ----------------------------------------------------------------

#: Characters an identifier, amount or day cell is made of, and what goes wrong in them.
_ALPHABET = (
    "0123456789" + "0123456789" + ".-+ eE/:_,"
    + "\t\n\u00a0\u202f\u2009\u3000\u200b\ufeff\u2010\u2011\u2013\u2212"
    + "\u0660\u0661\uff10\uff11\u0966\u00b2x"
)  # fmt: skip
_FIELDS: dict[str, tuple[Path_, ...]] = {
    "proposal": (("nik",), ("kk",), ("phone",), ("kbli",), ("proposer", "region")),
    "kur": (
        ("borrower_nik",), ("npwp",), ("plafond",), ("akad_date",), ("business", "owner_nik"),
        ("business", "nib"), ("business", "kbli"), ("business", "region"),
        ("business", "capital"), ("business", "started_on"),
    ),
}  # fmt: skip


def test_drawn_cells_agree() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    def around(valid: object) -> Any:
        # Valid text with a few characters changed, inserted or cut, or text from scratch.
        text = st.text(alphabet=_ALPHABET, max_size=70)
        if not isinstance(valid, str):
            return text
        edits = st.lists(
            st.tuples(st.integers(0, len(valid)), st.integers(0, 2), text.map(lambda t: t[:3])),
            max_size=3,
        )

        def edit(changes: list[tuple[int, int, str]]) -> str:
            out = valid
            for at, cut, put in changes:
                out = out[:at] + put + out[at + cut :]
            return out

        return st.one_of(edits.map(edit), text)

    def value_at(wire: Wire, path: Path_) -> object:
        target: Any = wire
        for key in path:
            target = target[key]
        return target

    valid_npwp = st.sampled_from((NPWP_LEGACY, "01.234.567.4-123.000", NPWP_NIK))
    cases = st.one_of(
        *(
            st.tuples(st.just(kind), st.just(path), around(value_at(wire, path)))
            for kind, wire in (("proposal", PROPOSAL), ("kur", APPLICATION))
            for path in _FIELDS[kind]
            if path != ("npwp",)
        ),
        st.tuples(st.just("kur"), st.just(("npwp",)), valid_npwp.flatmap(around)),
    )

    @hypothesis.settings(
        max_examples=int(os.environ.get("BASELINE_EXAMPLES", "300")), deadline=None, database=None
    )
    @hypothesis.given(case=cases)
    def check(case: tuple[str, Path_, str]) -> None:
        kind, path, cell = case
        wire = _set(PROPOSAL if kind == "proposal" else APPLICATION, path, cell)
        assert sides.disagreement(kind, wire) is None, (path, cell)

    check()
