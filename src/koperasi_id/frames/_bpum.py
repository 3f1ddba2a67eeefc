"""BPUM screening over polars tables: the decisions of ``screen_rows``, column by column.

How the columnar engine stays the per-record engine (why it can be trusted):

- A row's *decision* (outcome, reason codes, messages, amount) depends only on
  its low-cardinality cells (occupation, yes/no answers, proposer, region,
  previous years, KBLI) plus two facts: whether it has a KK number and whether
  the business is at the KTP address. Each distinct combination is decided
  once by the per-record engine itself, on a synthetic record, and joined back.
- The high-cardinality cells (NIK, KK, phone, names and addresses) only have to
  be *valid*. NIK and KK are checked per part (region, birth date, serial),
  each distinct part once by :meth:`Nik.parse` / :meth:`NomorKk.parse`; the
  phone by :meth:`PhoneNumber.parse` on the distinct values; free text by its
  length limit, when no cell edge could be stripped.
- A row that any of this cannot vouch for (odd spacing, non-ASCII edges, an
  invalid value, an unknown column) is screened by the per-record engine, and
  counted as such. Duplicate NIKs are found column-wise within a batch and
  through the per-record engine's own first-seen index across batches.

So no threshold, list or rate is restated here: a ``rules=`` timeline reaches
both paths the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import polars as pl

from koperasi_id import bpum
from koperasi_id._limits import MAX_CELL_CHARS
from koperasi_id.bpum._proposal import MAX_TEXT_LENGTH, _address_key
from koperasi_id.bpum._rows import _normal_column
from koperasi_id.bpum._screening import Structured, _FirstSeen, duplicate_message
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Nik, NomorKk
from koperasi_id.law import Timeline
from koperasi_id.regions import RegionCode

__all__ = ["BPUM_RESULT_COLUMNS", "BpumScreener", "FrameRun"]

#: The columns of a result frame, as ``koperasi-id bpum screen`` writes them.
BPUM_RESULT_COLUMNS: tuple[str, ...] = bpum.SCREENING_COLUMNS
_SCHEMA: dict[str, Any] = {
    "line": pl.Int64,
    "nik": pl.String,
    "hasil": pl.String,
    "jumlah_bantuan": pl.String,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
    "duplikat_baris": pl.Int64,
}
_FAST_SCHEMA: dict[str, Any] = {
    "pos": pl.UInt32,
    "nik": pl.String,
    "hasil": pl.String,
    "jumlah_bantuan": pl.String,
    "kode_alasan": pl.List(pl.String),
    "alasan": pl.List(pl.String),
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
#: Distinct values each memo keeps before it starts afresh (bounded memory).
_MEMO_LIMIT = 1 << 18

_K = TypeVar("_K")
_V = TypeVar("_V")


@attrs.define(kw_only=True)
class FrameRun:
    """What a columnar run did: the summary, and how many rows took which path.

    ``per_record`` rows were screened by the per-record engine because the
    vectorised checks could not vouch for them (invalid or oddly written
    values, unknown columns); ``columnar`` rows were decided column-wise.
    """

    summary: bpum.ScreeningSummary
    columnar: int = 0
    per_record: int = 0


@attrs.frozen
class _Decided:
    hasil: str
    codes: tuple[str, ...]
    messages: tuple[str, ...]
    amount: str
    warnings: tuple[Problem, ...]


def _bounded(cell: pl.Expr) -> pl.Expr:
    """Whether both edges of ``cell`` are printable ASCII other than a space.

    Such edges are never removed by Python's ``str.strip()``, so the cell is
    the value the per-record engine reads.
    """
    first, last = cell.str.head(1), cell.str.tail(1)
    return (first >= "!") & (first <= "~") & (last >= "!") & (last <= "~")


def _memo(cache: dict[_K, _V], key: _K, compute: Callable[[_K], _V]) -> _V:
    try:
        return cache[key]
    except KeyError:
        pass
    value = compute(key)
    if len(cache) < _MEMO_LIMIT:  # past it, values are computed each time: memory stays bounded
        cache[key] = value
    return value


class BpumScreener:
    """Screens successive batches of one proposal file; NIK duplicates span batches.

    Use one screener per file (or per stream of batches) and call
    :meth:`screen` on each batch in order; ``run`` (a :class:`FrameRun`) holds the running
    summary. ``warnings_of`` (optional) collects the value warnings of each
    valid record, as the command line reports them: they are then in
    ``warnings`` after each :meth:`screen`, as ``(line, problems)``.

    ``repeated`` (optional) lists, as numbers, every NIK that may occur more
    than once in the whole stream (a superset, such as
    :func:`~koperasi_id.frames.repeated_niks` of its NIK column): only those
    enter the duplicate index, which then stays small. Without it every NIK does.
    """

    def __init__(
        self,
        *,
        year: int,
        other_bank_credit_rule: bpum.OtherBankCreditRule = bpum.OtherBankCreditRule.REGULATION_TEXT,
        rules: Timeline[bpum.Programme] = bpum.PROGRAMMES,
        lenient: bool = False,
        summary: bpum.ScreeningSummary | None = None,
        warnings_of: Callable[[object], Sequence[Problem]] | None = None,
        repeated: pl.Series | None = None,
    ) -> None:
        self._options: dict[str, Any] = {
            "year": year,
            "other_bank_credit_rule": other_bank_credit_rule,
            "rules": rules,
        }
        bpum.screen_numbered((), **self._options)  # checks the year and rule now
        self._year = year
        self._lenient = lenient
        self._warnings_of = warnings_of
        self.run = FrameRun(summary=summary or bpum.ScreeningSummary(year=year))
        self.warnings: list[tuple[int, tuple[Problem, ...]]] = []
        self._seen = _FirstSeen()
        # Sorted once: each batch then looks its keys up by binary search, at a
        # cost that does not grow with the number of repeated NIKs.
        self._repeated = (
            None if repeated is None else repeated.cast(pl.Int64).drop_nulls().unique().sort()
        )
        self._regions: dict[str, tuple[Problem, ...] | None] = {}
        self._dates: dict[str, bool] = {}
        self._serials: dict[str, bool] = {}
        self._kk_regions: dict[str, bool] = {}
        self._kblis: dict[str, tuple[Problem, ...] | None] = {}
        self._phones: dict[str, bool] = {}
        self._addresses: dict[str, str] = {}
        self._verdicts: dict[int, pl.DataFrame] = {}
        self._places: dict[tuple[str, str], tuple[Problem, ...] | None] = {}
        self._place_of: dict[str, str] = {}  # proposer type -> a region valid with it
        self._decided: dict[tuple[str, ...], _Decided | None] = {}

    def close(self) -> None:
        """Release the duplicate index (a temporary file past a national size)."""
        self._seen.close()

    def __enter__(self) -> BpumScreener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the per-record engine, one record at a time --------------------------

    def _single(self, line: int, structured: Structured) -> bpum.ScreeningResult:
        return next(iter(bpum.screen_numbered([(line, structured)], **self._options)))

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

    def _decide(self, key: tuple[str, ...]) -> _Decided | None:
        row = {**_TEMPLATE, **dict(zip(_DECIDING, key, strict=False))}
        row["wilayah_pengusul"] = self._place_of[row["jenis_pengusul"]]
        row["kk"] = _T_KK if key[-2] == "1" else ""
        row["alamat_usaha"] = "" if key[-1] == "1" else _T_ELSEWHERE
        structured = bpum.structure_row(row, lenient=self._lenient)
        if isinstance(structured, ValidationError):
            return None
        result = self._single(0, structured)
        if result.outcome is bpum.ScreeningOutcome.INVALID:
            return None
        return _Decided(
            hasil=result.outcome.value,
            codes=result.failed_codes,
            messages=result.messages,
            amount=str(result.amount),
            warnings=(),
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

    def _known(
        self, values: pl.Series, cache: dict[str, Any], check: Callable[[str], Any]
    ) -> pl.Series:
        """Which ``values`` pass ``check``, each distinct value checked once per run.

        The verdicts are also kept as a polars table, so a batch asks Python
        only about the values no earlier batch had.
        """
        distinct = values.unique().drop_nulls()
        table = self._verdicts.get(id(cache))
        fresh = (
            distinct
            if table is None
            else distinct.filter(~distinct.is_in(table["value"].implode()))
        )
        found = [_memo(cache, v, check) for v in fresh]
        new = pl.DataFrame(
            {"value": fresh, "ok": pl.Series([bool(o) or o == () for o in found], dtype=pl.Boolean)}
        )
        both = new if table is None else pl.concat([table, new])
        if both.height <= _MEMO_LIMIT:  # past it, new values are asked again: memory stays bounded
            self._verdicts[id(cache)] = both
        return values.is_in(both.filter(pl.col("ok"))["value"].implode())

    # --- one batch ----------------------------------------------------------------

    def _columns(self, frame: pl.DataFrame) -> dict[str, str] | None:
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

    def _fast(self, frame: pl.DataFrame, plan: dict[str, str], skip: pl.Series) -> pl.DataFrame:
        """The rows the vectorised checks decide: pos, nik digits and the decision."""
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
            return pl.DataFrame(schema=_FAST_SCHEMA)
        region = w["nik"].str.slice(0, 6)
        ok = self._known(region, self._regions, self._region)
        ok &= self._known(
            w["nik"].str.slice(6, 6), self._dates, lambda d: self._nik_ok(_T_NIK[:6] + d + "0001")
        )
        ok &= self._known(
            w["nik"].str.slice(12, 4), self._serials, lambda s: self._nik_ok(_T_NIK[:12] + s)
        )
        given = w["kk"] != ""
        kk_region = w["kk"].str.slice(0, 6)
        ok &= ~given | self._known(
            kk_region, self._kk_regions, lambda k: self._kk_ok(k + _T_KK[6:])
        )
        # A phone written as plain digits is valid or not by its prefix up to
        # the first national digit ("+62" or "0062" or "62" or a trunk 0, an
        # optional "(0)", then that digit) and by its length; the digits after
        # are only counted. So a stand-in with those digits set to 5 is parsed
        # once per (prefix, length); anything else is parsed as written.
        tel = w["telepon"]
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
        plain = tel.str.contains(_PLAIN_PHONE)
        tel = pl.select(pl.when(plain).then(stand_in).otherwise(tel)).to_series()
        ok &= self._known(tel, self._phones, self._phone_ok)
        w = w.filter(ok).drop("telepon")
        # Two addresses are the same when their comparison keys are (same_address
        # is that test): each distinct address is keyed once, then rows compare keys.
        away = w.filter(
            (pl.col("alamat_usaha") != "") & (pl.col("alamat_usaha") != pl.col("alamat_ktp"))
        ).select("alamat_ktp", "alamat_usaha")
        texts = pl.concat([away["alamat_ktp"], away["alamat_usaha"]]).unique()
        keyed = pl.DataFrame(
            {
                "text": texts,
                "key": pl.Series(
                    [_memo(self._addresses, t, _address_key) for t in texts], dtype=pl.String
                ),
            }
        )
        pairs = (
            away.unique()
            .join(keyed.rename({"text": "alamat_ktp", "key": "_k"}), on="alamat_ktp")
            .join(keyed.rename({"text": "alamat_usaha", "key": "_u"}), on="alamat_usaha")
            .select("alamat_ktp", "alamat_usaha", _same=pl.col("_k") == pl.col("_u"))
        )
        w = w.join(pairs, on=["alamat_ktp", "alamat_usaha"], how="left", maintain_order="left")
        w = w.with_columns(
            _kk_given=pl.when(pl.col("kk") != "").then(pl.lit("1")).otherwise(pl.lit("0")),
            _at_ktp=pl.when(
                (pl.col("alamat_usaha") == "")
                | (pl.col("alamat_usaha") == pl.col("alamat_ktp"))
                | pl.col("_same").fill_null(False)
            )
            .then(pl.lit("1"))
            .otherwise(pl.lit("0")),
        ).drop("alamat_ktp", "alamat_usaha", "_same", "kk")
        # Values checked one part at a time: structure problems are per cell,
        # the one cross-cell rule (proposer type and region depth) is one part.
        places = w.select(_PLACE).unique(maintain_order=True)
        place_ok = []
        for kind, region in places.iter_rows():
            found = _memo(self._places, (kind, region), self._place_ok)
            if found is not None:
                self._place_of.setdefault(kind, region)
            place_ok.append(found is not None)
        places = places.filter(pl.Series(place_ok, dtype=pl.Boolean))
        w = w.join(places, on=list(_PLACE), how="semi", maintain_order="left")
        w = w.filter(self._known(w["kbli"], self._kblis, self._kbli_ok))
        combos = w.select(_KEYS).unique(maintain_order=True)
        decided = [_memo(self._decided, key, self._decide) for key in combos.iter_rows()]
        combos = combos.with_columns(
            _ok=pl.Series([d is not None for d in decided], dtype=pl.Boolean),
            hasil=pl.Series([d.hasil if d else "" for d in decided], dtype=pl.String),
            kode_alasan=pl.Series(
                [list(d.codes) if d else [] for d in decided], dtype=pl.List(pl.String)
            ),
            alasan=pl.Series(
                [list(d.messages) if d else [] for d in decided], dtype=pl.List(pl.String)
            ),
            jumlah_bantuan=pl.Series([d.amount if d else "0" for d in decided], dtype=pl.String),
        )
        w = w.join(combos, on=list(_KEYS), how="left", maintain_order="left").filter(pl.col("_ok"))
        if self._warnings_of is not None:
            self._fast_warnings(w)
        return w.select("pos", "nik", "hasil", "jumlah_bantuan", "kode_alasan", "alasan")

    def _fast_warnings(self, w: pl.DataFrame) -> None:
        """The value warnings of fast rows, in the order the fields come: NIK, KBLI, region."""

        def noisy(cache: Mapping[Any, tuple[Problem, ...] | None]) -> list[Any]:
            return [k for k, found in cache.items() if found]

        regions, kblis = noisy(self._regions), noisy(self._kblis)
        places = noisy(self._places)
        if not (regions or kblis or places):
            return
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
            region_found = _memo(self._regions, nik[:6], self._region)
            kbli_found = _memo(self._kblis, kbli, self._kbli_ok)
            place_found = _memo(self._places, (kind, region), self._place_ok)
            self._pending[pos] = (region_found or ()) + (kbli_found or ()) + (place_found or ())

    def screen(
        self,
        frame: pl.DataFrame,
        *,
        lines: Sequence[int] | pl.Series | None = None,
        start: int = 0,
        errors: Mapping[int, Structured] | None = None,
        keys: bool = False,
    ) -> pl.DataFrame:
        """Screen one batch; returns one result row per input row, in order.

        ``lines`` numbers the rows (a file's line numbers); by default they
        count from ``start``. ``errors`` maps a row position to what a file
        reader already made of that row (a ValidationError): such rows are
        taken as they are. ``keys`` adds a column ``nik_key``: the NIK of
        each valid record as a number (null for an invalid one), the key of
        the duplicate check, for a caller that joins batches screened apart.
        """
        n = frame.height
        line = (
            pl.Series("line", lines, dtype=pl.Int64)
            if lines is not None
            else pl.int_range(start, start + n, dtype=pl.Int64, eager=True).alias("line")
        )
        forced = dict(errors or {})
        self._pending: dict[int, tuple[Problem, ...]] = {}
        self.warnings = []
        plan = self._columns(frame) if n else None
        skip = pl.Series([False] * n, dtype=pl.Boolean)
        if forced:
            skip = skip.scatter(list(forced), True)
        fast = pl.DataFrame(schema=_FAST_SCHEMA) if plan is None else self._fast(frame, plan, skip)
        fast = fast.with_columns(line=line.gather(fast["pos"]))
        slow_pos = (
            pl.Series("pos", range(n), dtype=pl.UInt32)
            .filter(~pl.Series(range(n)).is_in(fast["pos"].cast(pl.Int64).implode()))
            .to_list()
        )
        slow = self._per_record(frame, slow_pos, line, forced)
        return self._assemble(fast, slow, line, with_keys=keys)

    def _per_record(
        self,
        frame: pl.DataFrame,
        positions: list[int],
        line: pl.Series,
        forced: dict[int, Structured],
    ) -> list[tuple[int, bpum.ScreeningResult, int | None]]:
        """(pos, result, NIK as a number when the record is valid) by the per-record engine."""
        out = []
        rows = frame[positions].iter_rows(named=True) if positions else iter(())
        lines = line.gather(positions).to_list() if positions else []
        for pos, number, row in zip(positions, lines, rows, strict=True):
            structured = forced.get(pos)
            if structured is None:
                structured = bpum.structure_row(row, lenient=self._lenient)
            result = self._single(number, structured)
            key = None
            if isinstance(structured, bpum.Proposal):
                if result.outcome is not bpum.ScreeningOutcome.INVALID:
                    key = int(str(structured.nik))
                if self._warnings_of is not None:
                    found = tuple(self._warnings_of(structured))
                    if found:
                        self._pending[pos] = found
            out.append((pos, result, key))
        self.run.per_record += len(out)
        return out

    def _assemble(
        self,
        fast: pl.DataFrame,
        slow: list[tuple[int, bpum.ScreeningResult, int | None]],
        line: pl.Series,
        *,
        with_keys: bool = False,
    ) -> pl.DataFrame:
        self.run.columnar += fast.height
        keys = pl.concat(
            [
                fast.select("pos", key=pl.col("nik").cast(pl.Int64)),
                pl.DataFrame(
                    {"pos": [p for p, _, _ in slow], "key": [k for _, _, k in slow]},
                    schema={"pos": pl.UInt32, "key": pl.Int64},
                ),
            ]
        ).sort("pos")
        keys = keys.drop_nulls("key")
        every_key = keys
        if self._repeated is not None:
            # A NIK seen once in the whole stream is no duplicate: it need not be indexed.
            keys = keys.filter(_member(keys["key"], self._repeated))
        keys = keys.with_columns(line=line.gather(keys["pos"]))
        firsts = keys.group_by("key", maintain_order=True).agg(pl.col("line").first())
        seen = self._seen
        earlier = [seen.setdefault(k, n) for k, n in firsts.iter_rows()]
        firsts = firsts.with_columns(earlier=pl.Series(earlier, dtype=pl.Int64))
        dups = (
            keys.join(firsts.select("key", "earlier"), on="key", how="left")
            .filter(pl.col("earlier") != pl.col("line"))
            .select("pos", "earlier")
        )
        year = self._year
        # Duplicates: one row per record, built column-wise (a message each).
        slow_masked = pl.DataFrame(
            {"pos": [p for p, _, _ in slow], "masked": [r.nik or "" for _, r, _ in slow]},
            schema={"pos": pl.UInt32, "masked": pl.String},
        )
        twins = (
            dups.with_columns(line=line.gather(dups["pos"]))
            .join(fast.select("pos", "nik"), on="pos", how="left")
            .join(slow_masked, on="pos", how="left")
            .select(
                "pos",
                "line",
                nik=pl.when(pl.col("nik").is_not_null())
                .then(
                    pl.col("nik").str.slice(0, 6) + pl.lit("******") + pl.col("nik").str.slice(12)
                )
                .otherwise(pl.col("masked")),
                earlier="earlier",
            )
        )
        messages = [
            duplicate_message(m, e, year) for m, e in twins.select("nik", "earlier").iter_rows()
        ]
        twins = twins.select(
            "pos",
            "line",
            "nik",
            hasil=pl.lit(bpum.ScreeningOutcome.DUPLICATE.value),
            jumlah_bantuan=pl.lit("0"),
            kode_alasan=pl.lit([bpum.DUPLICATE_CODE], dtype=pl.List(pl.String)),
            alasan=pl.concat_list(pl.lit(pl.Series(messages, dtype=pl.String))),
            duplikat_baris="earlier",
        )
        twin_pos = set(dups["pos"].to_list())
        single = [(p, r) for p, r, _ in slow if p not in twin_pos]
        others = pl.DataFrame(
            {
                "pos": [p for p, _ in single],
                "line": [r.index for _, r in single],
                "nik": [r.nik for _, r in single],
                "hasil": [r.outcome.value for _, r in single],
                "jumlah_bantuan": [str(r.amount) for _, r in single],
                "kode_alasan": _string_lists([r.failed_codes for _, r in single]),
                "alasan": _string_lists([r.messages for _, r in single]),
                "duplikat_baris": [r.duplicate_of for _, r in single],
            },
            schema={"pos": pl.UInt32, **_SCHEMA},
        )
        decided = fast.filter(~pl.col("pos").is_in(dups["pos"].implode())).select(
            "pos",
            "line",
            nik=pl.col("nik").str.slice(0, 6) + pl.lit("******") + pl.col("nik").str.slice(12),
            hasil="hasil",
            jumlah_bantuan="jumlah_bantuan",
            kode_alasan="kode_alasan",
            alasan="alasan",
            duplikat_baris=pl.lit(None, dtype=pl.Int64),
        )
        out = pl.concat([decided, others, twins]).sort("pos")
        if self._pending:
            self.warnings = [
                (n, self._pending[p])
                for p, n in out.select("pos", "line").iter_rows()
                if p in self._pending
            ]
        self._count(out)
        if with_keys:
            out = out.join(
                every_key.rename({"key": "nik_key"}), on="pos", how="left", maintain_order="left"
            )
        return out.drop("pos")

    def _count(self, out: pl.DataFrame) -> None:
        summary = self.run.summary
        summary.total += out.height
        for hasil, count in out.group_by("hasil", maintain_order=True).len().iter_rows():
            summary.by_outcome[hasil] = summary.by_outcome.get(hasil, 0) + count
        reasons = (
            out.select("kode_alasan")
            .explode("kode_alasan")
            .drop_nulls()
            .group_by("kode_alasan", maintain_order=True)
            .len()
        )
        for code, count in reasons.iter_rows():
            summary.by_reason[code] = summary.by_reason.get(code, 0) + count
        eligible = out.filter(pl.col("hasil") == bpum.ScreeningOutcome.ELIGIBLE.value)
        for amount, count in eligible.group_by("jumlah_bantuan").len().iter_rows():
            summary.eligible_amount += Decimal(amount) * count


def _member(values: pl.Series, ordered: pl.Series) -> pl.Series:
    """Which ``values`` are in the sorted, distinct ``ordered`` (by binary search)."""
    if ordered.len() == 0:
        return pl.Series([False] * values.len(), dtype=pl.Boolean)
    at = ordered.search_sorted(values).clip(0, ordered.len() - 1)
    return ordered.gather(at) == values


def _string_lists(values: Sequence[Sequence[str]]) -> pl.Series:
    """Lists of strings as one polars column, without a Python object per list.

    (Building a list column from Python lists costs tens of microseconds a row.)
    """
    lengths = pl.Series([len(v) for v in values], dtype=pl.UInt32)
    flat = pl.Series([x for v in values for x in v], dtype=pl.String)
    rows = pl.int_range(0, len(values), dtype=pl.UInt32, eager=True).repeat_by(lengths).explode()
    grouped = (
        pl.DataFrame({"row": rows.drop_nulls(), "v": flat})
        .group_by("row", maintain_order=True)
        .agg("v")
    )
    every = pl.DataFrame({"row": pl.int_range(0, len(values), dtype=pl.UInt32, eager=True)})
    joined = every.join(grouped, on="row", how="left", maintain_order="left")
    return joined.select(pl.col("v").fill_null(pl.lit([], dtype=pl.List(pl.String))))["v"]
