"""The vectorised checks of columnar BPUM screening: which rows they decide, and how.

A row's decision depends only on its low-cardinality cells and two facts (a
KK number given; the business at the KTP address): each distinct combination
is decided once by the per-record engine, on the synthetic :data:`TEMPLATE`
record with those cells. The other cells only have to be valid: each distinct
part or value is checked once by the library's own parser. A row these checks
cannot vouch for is left to the per-record engine (see
:class:`~koperasi_id.frames.BpumScreener`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import polars as pl

from koperasi_id import bpum
from koperasi_id._limits import MAX_CELL_CHARS
from koperasi_id.bpum._proposal import MAX_TEXT_LENGTH, _address_key
from koperasi_id.bpum._rows import _normal_column
from koperasi_id.bpum._screening import Structured
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.frames._bpum_results import RESULT_SCHEMA
from koperasi_id.frames._columns import MEMO_LIMIT, memo
from koperasi_id.identifiers import Nik, NomorKk
from koperasi_id.regions import RegionCode

__all__ = ["FAST_SCHEMA", "FastChecks", "screen_one"]

#: The rows the checks decide: position in the batch, NIK digits and the decision.
FAST_SCHEMA: dict[str, Any] = {
    "pos": pl.UInt32,
    **{c: t for c, t in RESULT_SCHEMA.items() if c not in ("line", "duplikat_baris")},
}

# Synthetic, valid stand-ins for the cells a decision does not read (the doctests' values).
_T_NIK = "1871010101900001"
_T_KK = "1871010101100001"
_T_PHONE = "081234567890"
_T_TEXT = "a"
_T_ELSEWHERE = "b"  # a business address that is not the KTP address
#: The template record every check varies one part of, as CSV cells.
_TEMPLATE = bpum.proposal_to_row(
    bpum.Proposal(
        nik=Nik(_T_NIK),
        kk=NomorKk(_T_KK),
        name=_T_TEXT,
        ktp_address=_T_TEXT,
        line_of_business=_T_TEXT,
        phone=bpum.PhoneNumber.parse(_T_PHONE),
        occupation=bpum.Occupation.TRADER,
        has_kur=False,
        has_other_bank_credit=False,
        proposer=bpum.Proposer(
            type=bpum.ProposerType.DISTRICT_OFFICE, region=RegionCode.parse("18.71")
        ),
    )
)

_TEXT = ("nama", "alamat_ktp", "bidang_usaha")
_UNREAD = ("nama", "bidang_usaha")
#: Cells a decision reads (with two facts: a KK given, the business at the KTP address).
_DECIDING = (
    "ada_sku",
    "pekerjaan",
    "punya_kur",
    "punya_kredit_bank_lain",
    "tahun_bpum_sebelumnya",
    "wni",
    "jenis_pengusul",
)
_KEYS = (*_DECIDING, "_kk_given", "_at_ktp")
_PLACE = ("jenis_pengusul", "wilayah_pengusul")
_SIXTEEN_DIGITS = r"^[0-9]{16}$"
_PLAIN_PHONE = r"^\+?[0-9]{7,}$"
_UNASKED = object()  # no verdict in a memo yet


@attrs.frozen
class _Decided:
    hasil: str
    codes: tuple[str, ...]
    messages: tuple[str, ...]
    messages_en: tuple[str, ...]
    amount: str


def _decision_table(decisions: list[_Decided]) -> pl.DataFrame:
    """The decisions as result columns, keyed by their number ``_d`` (their place)."""
    return pl.DataFrame(
        {
            "_d": range(len(decisions)),
            "hasil": [d.hasil for d in decisions],
            "kode_alasan": [list(d.codes) for d in decisions],
            "alasan": [list(d.messages) for d in decisions],
            "alasan_en": [list(d.messages_en) for d in decisions],
            "jumlah_bantuan": [d.amount for d in decisions],
        },
        schema={
            "_d": pl.UInt32,
            "hasil": pl.String,
            "kode_alasan": pl.List(pl.String),
            "alasan": pl.List(pl.String),
            "alasan_en": pl.List(pl.String),
            "jumlah_bantuan": pl.String,
        },
    )


def _passes(found: Any) -> bool:
    """Whether a part check's memoised answer is a pass (a truthy value or no problems)."""
    return bool(found) or found == ()


def _bounded(cell: pl.Expr) -> pl.Expr:
    """Whether both edges of ``cell`` are printable ASCII other than a space.

    Such edges are never removed by Python's ``str.strip()``, so the cell is
    the value the per-record engine reads.
    """
    first, last = cell.str.head(1), cell.str.tail(1)
    return (first >= "!") & (first <= "~") & (last >= "!") & (last <= "~")


def screen_one(
    line: int, structured: Structured, options: Mapping[str, Any]
) -> bpum.ScreeningResult:
    """The per-record engine's result for one record (no duplicate check across calls)."""
    return next(iter(bpum.screen_numbered([(line, structured)], **options)))


class FastChecks:
    """The checks and their memories for one stream of batches.

    Each distinct value, part or combination is asked of the library once per
    stream (up to :data:`~koperasi_id.frames._columns.MEMO_LIMIT` of each).
    """

    def __init__(
        self,
        *,
        options: Mapping[str, Any],
        lenient: bool,
        warnings_of: Callable[[object], Sequence[Problem]] | None,
    ) -> None:
        self._options = options
        self._lenient = lenient
        self._warnings_of = warnings_of
        self._regions: dict[str, tuple[Problem, ...] | None] = {}
        self._dates: dict[str, bool] = {}
        self._serials: dict[str, bool] = {}
        self._kk_regions: dict[str, bool] = {}
        self._kblis: dict[str, tuple[Problem, ...] | None] = {}
        self._phones: dict[str, bool] = {}
        self._addresses: dict[str, str] = {}
        self._places: dict[tuple[str, str], tuple[Problem, ...] | None] = {}
        self._place_of: dict[str, str] = {}  # proposer type -> a region valid with it
        # Per part of _passing: the values checked so far, and those that failed.
        self._asked: dict[str, pl.Series] = {}
        self._failed: dict[str, list[str]] = {}
        self._decided: dict[tuple[str, ...], int | None] = {}  # combination -> decision
        self._decision_of: dict[_Decided, int] = {}
        self._decisions = _decision_table([])

    # --- the per-record engine on the template record ---------------------------

    def _cells_ok(self, cells: dict[str, str]) -> tuple[Problem, ...] | None:
        """None if the template with ``cells`` does not structure; else its value warnings."""
        structured = bpum.structure_row({**_TEMPLATE, **cells}, lenient=self._lenient)
        if isinstance(structured, ValidationError):
            return None
        return tuple(self._warnings_of(structured)) if self._warnings_of else ()

    def _kbli_ok(self, kbli: str) -> tuple[Problem, ...] | None:
        return self._cells_ok({"kbli": kbli})

    def _place_ok(self, place: tuple[str, str]) -> tuple[Problem, ...] | None:
        return self._cells_ok({"jenis_pengusul": place[0], "wilayah_pengusul": place[1]})

    def _decision_id(self, key: tuple[str, ...]) -> int | None:
        """The number of the decision of a combination (in ``_decisions``), or None."""
        decided = self._decide(key)
        if decided is None:
            return None
        found = self._decision_of.get(decided)
        if found is None:
            found = self._decision_of[decided] = len(self._decision_of)
            self._decisions = _decision_table(list(self._decision_of))
        return found

    def _decide(self, key: tuple[str, ...]) -> _Decided | None:
        row = {**_TEMPLATE, **dict(zip(_DECIDING, key, strict=False))}
        row["wilayah_pengusul"] = self._place_of[row["jenis_pengusul"]]
        row["kk"] = _T_KK if key[-2] == "1" else ""
        row["alamat_usaha"] = "" if key[-1] == "1" else _T_ELSEWHERE
        structured = bpum.structure_row(row, lenient=self._lenient)
        if isinstance(structured, ValidationError):
            return None
        result = screen_one(0, structured, self._options)
        if result.outcome is bpum.ScreeningOutcome.INVALID:
            return None
        return _Decided(
            hasil=result.outcome.value,
            codes=result.failed_codes,
            messages=result.messages,
            messages_en=result.messages_en,
            amount=str(result.amount),
        )

    # --- value checks on distinct values --------------------------------------

    @staticmethod
    def _region(part: str) -> tuple[Problem, ...] | None:
        try:
            return Nik.parse(part + _T_NIK[6:]).warnings
        except ValidationError:
            return None

    @staticmethod
    def _nik_ok(nik: str) -> bool:
        try:
            Nik.parse(nik)
        except ValidationError:
            return False
        return True

    @staticmethod
    def _kk_ok(kk: str) -> bool:
        try:
            NomorKk.parse(kk)
        except ValidationError:
            return False
        return True

    @staticmethod
    def _phone_ok(raw: str) -> bool:
        try:
            bpum.PhoneNumber.parse(raw.strip())
        except ValidationError:
            return False
        return True

    def _passing(
        self, w: pl.DataFrame, checks: Mapping[str, tuple[dict[str, Any], Callable[[str], Any]]]
    ) -> pl.Expr:
        """Whether each row's parts (columns of ``w``) pass their checks; a null part passes.

        Each distinct value is checked once per run (its verdict kept in the
        check's memo). One query gives every part's distinct values in the
        batch; those asked before are dropped column-wise (against the part's
        ``_asked`` column), so Python sees only the new ones. Rows are then
        tested against the values that failed so far: those kept with the
        asked ones (at most :data:`MEMO_LIMIT` or so), and this batch's others.
        """
        distinct = w.select(pl.col(name).drop_nulls().unique().implode() for name in checks)
        passing = []
        for name, (cache, check) in checks.items():
            values: pl.Series = distinct[name][0]
            asked = self._asked.get(name)
            new = values if asked is None else values.filter(~values.is_in(asked.implode()))
            failed = self._failed.setdefault(name, [])
            failing = [value for value in new if not _passes(memo(cache, value, check))]
            if asked is None or asked.len() < MEMO_LIMIT:
                self._asked[name] = new if asked is None else asked.append(new)
                failed.extend(failing)
                failing = []
            # Past the limit a value is asked again in every batch that holds it, and
            # kept for this batch only: the values kept stay as few as those asked.
            if failed or failing:
                excluded = pl.Series([*failed, *failing], dtype=pl.String).implode()
                passing.append(~pl.col(name).is_in(excluded))
        # A null part (not is_in anything) passes, as ~null would not.
        return pl.all_horizontal(p.fill_null(True) for p in passing) if passing else pl.lit(True)

    # --- one batch ----------------------------------------------------------------

    def columns(self, frame: pl.DataFrame) -> dict[str, str] | None:
        """Canonical column → the frame's column, or None when no row can take the fast path."""
        plan: dict[str, str] = {}
        for name, dtype in frame.schema.items():
            if dtype not in (pl.String, pl.Null):
                return None
            column = _normal_column(name)
            if column in plan:
                return None
            if column not in bpum.PROPOSAL_COLUMNS:
                if self._lenient:
                    continue
                return None
            plan[column] = name
        if not plan.keys() >= bpum.REQUIRED_COLUMNS:
            return None
        return plan

    def decide(
        self, frame: pl.DataFrame, plan: dict[str, str], skip: pl.Series
    ) -> tuple[pl.DataFrame, dict[int, tuple[Problem, ...]]]:
        """The rows the checks decide (:data:`FAST_SCHEMA`), and their value warnings by pos.

        ``plan`` is that of :meth:`columns`; rows where ``skip`` is true are left out.
        """
        cells = {
            c: pl.col(plan[c]).cast(pl.String).fill_null("") if c in plan else pl.lit("")
            for c in bpum.PROPOSAL_COLUMNS
        }
        # Bytes bound characters from above, so a cell short in bytes is short;
        # a long one in bytes goes to the per-record engine, which measures it.
        short = pl.all_horizontal([cells[c].str.len_bytes() <= MAX_CELL_CHARS for c in plan])
        text_ok = [
            _bounded(cells[c]) & (cells[c].str.len_bytes() <= MAX_TEXT_LENGTH) for c in _TEXT
        ]
        usaha = cells["alamat_usaha"]
        usaha_ok = (usaha == "") | (_bounded(usaha) & (usaha.str.len_bytes() <= MAX_TEXT_LENGTH))
        nik, kk = cells["nik"], cells["kk"]
        w = (
            frame.select(
                # Free text is only checked, never read again: it is not carried.
                *(cells[c].alias(c) for c in bpum.PROPOSAL_COLUMNS if c not in _UNREAD),
                ok=short
                & pl.all_horizontal(text_ok)
                & usaha_ok
                & nik.str.contains(_SIXTEEN_DIGITS)
                & ((kk == "") | kk.str.contains(_SIXTEEN_DIGITS)),
            )
            .with_row_index("pos")
            .filter(pl.col("ok") & ~skip)
            .drop("ok")
        )
        if w.height == 0:
            return pl.DataFrame(schema=FAST_SCHEMA), {}
        # A phone written as plain digits is valid or not by its prefix up to
        # the first national digit ("+62" or "0062" or "62" or a trunk 0, an
        # optional "(0)", then that digit) and by its length; the digits after
        # are only counted. So a stand-in with those digits set to 5 is parsed
        # once per (prefix, length); anything else is parsed as written.
        tel = pl.col("telepon")
        keep = (
            pl.when(tel.str.starts_with("+"))
            .then(5)
            .when(tel.str.starts_with("0062"))
            .then(6)
            .when(tel.str.starts_with("62"))
            .then(4)
            .when(tel.str.starts_with("0"))
            .then(3)
            .otherwise(1)
        )
        stand_in = tel.str.slice(0, keep).str.pad_end(tel.str.len_chars(), "5")
        nik_part = pl.col("nik").str.slice
        # Each part a check reads (null: nothing to check), its memo and its check.
        parts: dict[str, tuple[pl.Expr, dict[str, Any], Callable[[str], Any]]] = {
            "_region": (nik_part(0, 6), self._regions, self._region),
            "_date": (
                nik_part(6, 6),
                self._dates,
                lambda d: self._nik_ok(_T_NIK[:6] + d + "0001"),
            ),
            "_serial": (nik_part(12, 4), self._serials, lambda s: self._nik_ok(_T_NIK[:12] + s)),
            "_kk_region": (
                pl.when(pl.col("kk") != "").then(pl.col("kk").str.slice(0, 6)),
                self._kk_regions,
                lambda k: self._kk_ok(k + _T_KK[6:]),
            ),
            "_tel": (
                pl.when(tel.str.contains(_PLAIN_PHONE)).then(stand_in).otherwise(tel),
                self._phones,
                self._phone_ok,
            ),
            "_kbli": (pl.col("kbli"), self._kblis, self._kbli_ok),
        }
        w = w.with_columns(**{name: expr for name, (expr, _, _) in parts.items()})
        w = w.filter(self._passing(w, {name: (c, f) for name, (_, c, f) in parts.items()}))
        w = w.drop("telepon", *parts)
        # Two addresses are the same when their comparison keys are (same_address
        # is that test): each distinct address is keyed once, then the rows whose
        # addresses differ as written compare keys, in Python (a few thousand
        # dict look-ups a batch cost less than the joins that did it column-wise).
        business, home = w["alamat_usaha"], w["alamat_ktp"]
        at_ktp = (business == "") | (business == home)
        away = (~at_ktp).arg_true()
        keys = self._addresses

        def key_of(text: str) -> str:
            found = keys.get(text)
            return memo(keys, text, _address_key) if found is None else found

        same = [
            key_of(a) == key_of(b)
            for a, b in zip(
                home.gather(away).to_list(), business.gather(away).to_list(), strict=True
            )
        ]
        at_ktp = at_ktp.scatter(away, pl.Series(same, dtype=pl.Boolean))
        w = w.with_columns(
            _kk_given=pl.when(pl.col("kk") != "").then(pl.lit("1")).otherwise(pl.lit("0")),
            _at_ktp=pl.when(at_ktp).then(pl.lit("1")).otherwise(pl.lit("0")),
        ).drop("alamat_ktp", "alamat_usaha", "kk")
        # Values checked one part at a time: structure problems are per cell,
        # the one cross-cell rule (proposer type and region depth) is one part.
        places = w.select(_PLACE).unique(maintain_order=True)
        place_ok = []
        for kind, region in places.iter_rows():
            found = memo(self._places, (kind, region), self._place_ok)
            if found is not None:
                self._place_of.setdefault(kind, region)
            place_ok.append(found is not None)
        places = places.filter(pl.Series(place_ok, dtype=pl.Boolean))
        w = w.join(places, on=list(_PLACE), how="semi", maintain_order="left")
        # Each combination gets the number of its decision (a few dozen in a
        # file): the rows carry that number, and the decisions' list columns
        # come from one small table, not from a Python list per combination.
        combos = w.select(_KEYS).unique()
        ids = [memo(self._decided, key, self._decision_id) for key in combos.iter_rows()]
        combos = combos.with_columns(_d=pl.Series(ids, dtype=pl.UInt32))
        w = (
            w.join(combos, on=list(_KEYS), how="inner")
            .drop_nulls("_d")
            .join(self._decisions, on="_d", how="left")
        )
        warned = {} if self._warnings_of is None else self._warnings(w)
        return w.select(*FAST_SCHEMA), warned

    def _warnings(self, w: pl.DataFrame) -> dict[int, tuple[Problem, ...]]:
        """The value warnings of fast rows, in the order the fields come: NIK, KBLI, region."""

        def noisy(cache: Mapping[Any, tuple[Problem, ...] | None]) -> list[Any]:
            return [k for k, found in cache.items() if found]

        regions, kblis = noisy(self._regions), noisy(self._kblis)
        places = noisy(self._places)
        if not (regions or kblis or places):
            return {}
        found: dict[int, tuple[Problem, ...]] = {}
        flagged = w.filter(
            pl.col("nik").str.slice(0, 6).is_in(pl.Series(regions, dtype=pl.String).implode())
            | pl.col("kbli").is_in(pl.Series(kblis, dtype=pl.String).implode())
            | pl.concat_str(_PLACE, separator="\x00").is_in(
                pl.Series(["\x00".join(p) for p in places], dtype=pl.String).implode()
            )
        )
        for pos, nik, kbli, kind, region in flagged.select(
            "pos", "nik", "kbli", *_PLACE
        ).iter_rows():
            region_found = memo(self._regions, nik[:6], self._region)
            kbli_found = memo(self._kblis, kbli, self._kbli_ok)
            place_found = memo(self._places, (kind, region), self._place_ok)
            found[pos] = (region_found or ()) + (kbli_found or ()) + (place_found or ())
        return found
