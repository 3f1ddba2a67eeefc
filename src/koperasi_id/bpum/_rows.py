"""The flat CSV row format of a BPUM proposal file (one applicant per row)."""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, cast

import attrs

from koperasi_id._limits import MAX_CELL_CHARS, SHOWN_NAME_CHARS
from koperasi_id._structure_problems import EXTRA_CELLS, not_a_row
from koperasi_id._values import mask
from koperasi_id.bpum._phone import PhoneNumber
from koperasi_id.bpum._programmes import PROGRAMMES, OtherBankCreditRule, Programme
from koperasi_id.bpum._proposal import Occupation, Proposal, Proposer, ProposerType
from koperasi_id.bpum._screening import ScreeningResult, Structured, screen_structured
from koperasi_id.errors import Problem, ValidationError
from koperasi_id.identifiers import Kbli, Nik, NomorKk
from koperasi_id.law import Timeline
from koperasi_id.regions import RegionCode
from koperasi_id.serialization import from_dict

__all__ = [
    "PROPOSAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "proposal_from_row",
    "proposal_to_row",
    "screen_rows",
    "structure_row",
]


class _Kind(enum.Enum):
    TEXT = "text"
    BOOL = "bool"
    YEARS = "years"


# column -> (wire path inside Proposal, kind, required)
_COLUMNS: dict[str, tuple[tuple[str, ...], _Kind, bool]] = {
    "nik": (("nik",), _Kind.TEXT, True),
    "kk": (("kk",), _Kind.TEXT, False),
    "nama": (("name",), _Kind.TEXT, True),
    "alamat_ktp": (("ktp_address",), _Kind.TEXT, True),
    "alamat_usaha": (("business_address",), _Kind.TEXT, False),
    "ada_sku": (("has_sku",), _Kind.BOOL, False),
    "bidang_usaha": (("line_of_business",), _Kind.TEXT, True),
    "kbli": (("kbli",), _Kind.TEXT, False),
    "telepon": (("phone",), _Kind.TEXT, True),
    "pekerjaan": (("occupation",), _Kind.TEXT, True),
    "punya_kur": (("has_kur",), _Kind.BOOL, True),
    "punya_kredit_bank_lain": (("has_other_bank_credit",), _Kind.BOOL, True),
    "tahun_bpum_sebelumnya": (("previous_bpum_years",), _Kind.YEARS, False),
    "jenis_pengusul": (("proposer", "type"), _Kind.TEXT, True),
    "wilayah_pengusul": (("proposer", "region"), _Kind.TEXT, True),
    "wni": (("citizen",), _Kind.BOOL, False),
}

#: Every column of the row format, in file order.
PROPOSAL_COLUMNS: tuple[str, ...] = tuple(_COLUMNS)
#: The columns a file must have (their cells may still be checked as empty).
REQUIRED_COLUMNS: frozenset[str] = frozenset(c for c, (_, _, req) in _COLUMNS.items() if req)

_TRUE = frozenset({"ya", "true"})
_FALSE = frozenset({"tidak", "false"})
_WIRE_TO_COLUMN = {".".join(path): column for column, (path, _, _) in _COLUMNS.items()}
_PATH_ENDS = (".", "[")


def _column_key(key: object) -> str | None:
    if not isinstance(key, str):
        return None
    return _normal_column(key)


@functools.lru_cache(maxsize=256)  # a file has one header: the same few keys on every row
def _normal_column(key: str) -> str:
    return key.strip().lstrip("\ufeff").strip().lower()


def _put(out: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    target = out
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _parse_years(text: str) -> list[int] | None:
    years = []
    for raw in text.split("|"):
        part = raw.strip()
        if len(part) != 4 or not part.isascii() or not part.isdigit():
            return None
        years.append(int(part))
    return years


_Entry = tuple[str, tuple[str, ...], str | None, _Kind, bool]


@functools.lru_cache(maxsize=64)  # a file has one header: every row has the same keys
def _row_plan(keys: tuple[Any, ...]) -> tuple[tuple[_Entry | Problem, ...], tuple[Problem, ...]]:
    """Per key of a row: its column spec or the problem of the key; then the missing columns.

    Worked out once per header instead of once per row; the problems are
    immutable, so every row with this header shares them.
    """
    entries: list[_Entry | Problem] = []
    present: set[str] = set()
    for raw_key in keys:
        column = _column_key(raw_key)
        if column is None:
            entries.append(EXTRA_CELLS)
            continue
        spec = _COLUMNS.get(column)
        if spec is None:
            entries.append(
                Problem(
                    path=f"$.{mask(column, limit=SHOWN_NAME_CHARS)}",  # input: it may be a NIK
                    code="row.unknown_column",
                    message=f"unknown column {mask(column, limit=40, quote=True)}; known columns: "
                    + ", ".join(PROPOSAL_COLUMNS),
                    message_id=f"kolom {mask(column, limit=40, quote=True)} tidak dikenal; kolom yang dikenal: "
                    + ", ".join(PROPOSAL_COLUMNS),
                )
            )
            continue
        present.add(column)
        wire_path, kind, required = spec
        flat = wire_path[0] if len(wire_path) == 1 else None
        entries.append((column, wire_path, flat, kind, required))
    missing = tuple(
        Problem(
            path=f"$.{column}",
            code="row.missing_column",
            message="required column is missing",
            message_id="kolom wajib tidak ada",
        )
        for column in sorted(REQUIRED_COLUMNS - present)
    )
    return tuple(entries), missing


def _convert(row: Mapping[Any, Any]) -> tuple[dict[str, Any], list[Problem]]:
    entries, missing = _row_plan(tuple(row))
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for entry, raw_value in zip(entries, row.values(), strict=True):
        if isinstance(entry, Problem):
            # An unknown column counts where the row fills it, as for every
            # other record type: a header of many unknown columns would
            # otherwise give each short row a problem per column.
            if entry.code != "row.unknown_column" or raw_value not in (None, ""):
                problems.append(entry)
            continue
        column, wire_path, flat, kind, required = entry
        if isinstance(raw_value, str):
            if len(raw_value) > MAX_CELL_CHARS:
                # Rows may come from any reader (pandas, Dask): the limit is checked here too.
                problems.append(
                    Problem(
                        path=f"$.{column}",
                        code="cell.too_long",
                        message=f"the cell is longer than {MAX_CELL_CHARS:,} characters",
                        message_id=f"isi sel lebih panjang dari {MAX_CELL_CHARS:,} karakter",
                    )
                )
                continue
            value = raw_value.strip()
        elif raw_value is None:
            value = ""
        else:
            problems.append(
                Problem(
                    path=f"$.{column}",
                    code="type.str",
                    message="a CSV cell must be text",
                    message_id="sel CSV harus berupa teks",
                )
            )
            continue
        if not value and not required:
            continue
        if kind is _Kind.TEXT:
            if flat is not None:
                out[flat] = value
            else:
                _put(out, wire_path, value)
        elif kind is _Kind.BOOL:
            lowered = value.lower()
            if lowered in _TRUE:
                _put(out, wire_path, True)
            elif lowered in _FALSE:
                _put(out, wire_path, False)
            else:
                problems.append(
                    Problem(
                        path=f"$.{column}",
                        code="row.bool",
                        message="expected ya, tidak, true or false, got "
                        + mask(value, limit=20, quote=True),
                        message_id="harus ya, tidak, true atau false, diisi "
                        + mask(value, limit=20, quote=True),
                    )
                )
        else:
            years = _parse_years(value)
            if years is None:
                problems.append(
                    Problem(
                        path=f"$.{column}",
                        code="row.years",
                        message="expected four-digit years separated by '|', such as 2020|2021",
                        message_id="harus tahun empat digit yang dipisahkan '|', seperti 2020|2021",
                    )
                )
            else:
                _put(out, wire_path, years)
    problems.extend(missing)
    return out, problems


def proposal_from_row(row: Mapping[str, str]) -> dict[str, Any]:
    """Turn one CSV row (column name → cell) into a wire-format dict for ``from_dict``.

    Cells are stripped; an empty optional cell is left out (its default
    applies); booleans are ``ya``/``tidak``/``true``/``false`` in any case;
    previous BPUM years are separated by ``|``. Column names are matched
    ignoring case, surrounding spaces and a UTF-8 byte-order mark. Unknown or
    missing columns, bad booleans and bad years raise one ValidationError
    whose paths name the *columns* (``$.punya_kur``). The values themselves
    (NIK, phone, ...) are checked by ``from_dict``.

    >>> row = {"nik": "1871010101900001", "nama": "Siti", "alamat_ktp": "Jl. Kartini 5",
    ...        "bidang_usaha": "warung", "telepon": "0812 3456 7890", "pekerjaan": "pedagang",
    ...        "punya_kur": "tidak", "punya_kredit_bank_lain": "Ya",
    ...        "tahun_bpum_sebelumnya": "2020", "jenis_pengusul": "dinas_kabupaten_kota",
    ...        "wilayah_pengusul": "18.71", "kk": ""}
    >>> wire = proposal_from_row(row)
    >>> wire["has_other_bank_credit"], wire["previous_bpum_years"], wire["proposer"]
    (True, [2020], {'type': 'dinas_kabupaten_kota', 'region': '18.71'})
    >>> proposal_from_row({**row, "punya_kur": "mungkin", "warna": "biru"})
    Traceback (most recent call last):
    ...
    koperasi_id.errors.ValidationError: 2 problems: $.punya_kur: expected ya, tidak, true or false, got 'mungkin' [row.bool]; $.warna: unknown column 'warna'; ...
    """
    if not isinstance(cast(object, row), Mapping):  # callers' rows are unchecked input
        raise not_a_row(row)
    out, problems = _convert(row)
    if problems:
        problems.sort(key=lambda p: p.path)
        raise ValidationError(problems)
    return out


def _bool_cell(value: bool) -> str:
    return "ya" if value else "tidak"


def proposal_to_row(proposal: Proposal) -> dict[str, str]:
    """The CSV row of ``proposal`` (every column, empty cells for absent values).

    >>> from koperasi_id.serialization import from_dict
    >>> row = {"nik": "1871010101900001", "nama": "Siti", "alamat_ktp": "Jl. Kartini 5",
    ...        "bidang_usaha": "warung", "telepon": "0812 3456 7890", "pekerjaan": "pedagang",
    ...        "punya_kur": "tidak", "punya_kredit_bank_lain": "ya",
    ...        "jenis_pengusul": "dinas_kabupaten_kota", "wilayah_pengusul": "18.71"}
    >>> out = proposal_to_row(from_dict(Proposal, proposal_from_row(row)))
    >>> out["telepon"], out["punya_kredit_bank_lain"], out["kk"], out["wni"]
    ('+6281234567890', 'ya', '', 'ya')
    """
    p = proposal
    return {
        "nik": str(p.nik),
        "kk": "" if p.kk is None else str(p.kk),
        "nama": p.name,
        "alamat_ktp": p.ktp_address,
        "alamat_usaha": p.business_address or "",
        "ada_sku": _bool_cell(p.has_sku),
        "bidang_usaha": p.line_of_business,
        "kbli": "" if p.kbli is None else str(p.kbli),
        "telepon": str(p.phone),
        "pekerjaan": p.occupation.value,
        "punya_kur": _bool_cell(p.has_kur),
        "punya_kredit_bank_lain": _bool_cell(p.has_other_bank_credit),
        "tahun_bpum_sebelumnya": "|".join(str(y) for y in p.previous_bpum_years),
        "jenis_pengusul": p.proposer.type.value,
        "wilayah_pengusul": str(p.proposer.region),
        "wni": _bool_cell(p.citizen),
    }


def _column_path(path: str) -> str:
    """``$.proposer.type`` → ``$.jenis_pengusul``; ``$.previous_bpum_years[1]`` → its column."""
    rest = path[2:]
    for wire, column in _WIRE_TO_COLUMN.items():
        if rest == wire or (rest.startswith(wire) and rest[len(wire)] in _PATH_ENDS):
            return f"$.{column}"
    return path


_OCCUPATIONS = {o.value: o for o in Occupation}
_PROPOSER_TYPES = {t.value: t for t in ProposerType}
_BOOLS = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
# A file repeats its proposers' regions and its KBLI codes; value types are
# immutable and ``parse`` is pure (the converter caches them the same way).
_region = functools.lru_cache(maxsize=4096)(RegionCode.parse)
_kbli = functools.lru_cache(maxsize=4096)(Kbli.parse)


@functools.lru_cache(maxsize=4096)
def _proposer(kind: str, region: str) -> Proposer:
    """The proposer of two stripped cells (a file repeats its few proposers)."""
    return Proposer(type=_PROPOSER_TYPES[kind], region=_region(region))


@functools.lru_cache(maxsize=64)  # a file has one header: every row has the same keys
def _direct_plan(keys: tuple[Any, ...], lenient: bool) -> Callable[[Any], tuple[Any, ...]]:
    """A getter of a row's cells in :data:`PROPOSAL_COLUMNS` order, for a clean header.

    A header with a problem (an unknown column unless ``lenient``, extra
    cells, a missing required column, two keys for one column) gets a getter
    that raises ``KeyError``: ``_convert`` reports the problem. An absent
    optional column reads as empty.
    """
    entries, missing = _row_plan(keys)
    key_of: dict[str, Any] = {}
    for key, entry in zip(keys, entries, strict=True):
        if isinstance(entry, Problem):
            if lenient and entry.code == "row.unknown_column":
                continue
            return _refuse
        if entry[0] in key_of:
            return _refuse
        key_of[entry[0]] = key
    if missing:
        return _refuse
    present = [column for column in PROPOSAL_COLUMNS if column in key_of]
    cells = operator.itemgetter(*(key_of[column] for column in present))
    if len(present) == len(PROPOSAL_COLUMNS):
        return cells
    at = {column: i for i, column in enumerate(present)}
    order = [at.get(column) for column in PROPOSAL_COLUMNS]

    def padded(row: Any) -> tuple[Any, ...]:
        found = cells(row)
        return tuple("" if i is None else found[i] for i in order)

    return padded


def _refuse(row: Any) -> tuple[Any, ...]:
    raise KeyError("the header needs the full conversion")


def _direct(row: Mapping[Any, Any], lenient: bool = False) -> Proposal:
    """The proposal of a CSV row, built as ``from_dict`` builds it, in one pass.

    Straight from the cells to the value types' ``parse`` and the entity
    constructors, without the wire dict, for the common case: a clean header
    and cells that are text within the length limit. Anything else (a bad
    header, a ``None`` or non-text cell, an empty required cell, an unknown
    enum value, a bad identifier) raises, and the caller falls back to
    ``_convert`` and ``from_dict``, which report every problem with its path;
    a valid row gives an equal entity either way (property tests compare them).
    """
    cells = _direct_plan(tuple(row), lenient)(row)
    if len("".join(cells)) > MAX_CELL_CHARS:  # a TypeError for a cell that is not text
        raise ValueError("a cell may be too long")
    (nik, kk, name, ktp_address, business_address, has_sku, line_of_business, kbli, phone,
     occupation, has_kur, other_credit, years, proposer_type, proposer_region, citizen) = map(
        str.strip, cells
    )  # fmt: skip
    if not (nik and name and ktp_address and line_of_business and phone and proposer_region):
        raise ValueError("an empty required cell")  # the converter names it
    return Proposal(
        nik=Nik.parse(nik),
        kk=NomorKk.parse(kk) if kk else None,
        name=name,
        ktp_address=ktp_address,
        business_address=business_address or None,
        has_sku=_BOOLS[has_sku.lower()] if has_sku else False,
        line_of_business=line_of_business,
        kbli=_kbli(kbli) if kbli else None,
        phone=PhoneNumber.parse(phone),
        occupation=_OCCUPATIONS[occupation],
        has_kur=_BOOLS[has_kur.lower()],
        has_other_bank_credit=_BOOLS[other_credit.lower()],
        previous_bpum_years=_years(years) if years else (),
        proposer=Proposer(type=_PROPOSER_TYPES[proposer_type], region=_region(proposer_region)),
        citizen=_BOOLS[citizen.lower()] if citizen else True,
    )


def _years(text: str) -> tuple[int, ...]:
    years = _parse_years(text)
    if years is None:
        raise ValueError("not a list of years")
    return tuple(years)


def structure_row(row: Mapping[Any, Any], *, lenient: bool = False) -> Structured:
    """One CSV row as a :class:`Proposal`, or a ValidationError whose paths are columns.

    The building block of :func:`screen_rows`, public for callers with their
    own file reading (the command line reports line numbers this way).
    ``lenient`` ignores unknown columns.

    >>> structure_row({"nik": "123"}).paths[:2]
    ('$.alamat_ktp', '$.bidang_usaha')
    """
    try:
        return _direct(row, lenient)
    except (KeyError, TypeError, ValueError, AttributeError):
        pass  # the conversion below reports every problem, with its path
    if not isinstance(cast(object, row), Mapping):  # callers' rows are unchecked input
        return not_a_row(row)
    wire, problems = _convert(row)
    if lenient:
        problems = [p for p in problems if p.code != "row.unknown_column"]
    try:
        proposal = from_dict(Proposal, wire)
    except ValidationError as err:
        seen = {p.path for p in problems}
        for p in err.problems:
            if p.path == "$.proposer" and p.code == "missing":
                continue  # both proposer columns are missing, and reported as such
            column_path = _column_path(p.path)
            if column_path not in seen:
                problems.append(attrs.evolve(p, path=column_path))
    else:
        if not problems:
            return proposal
    problems.sort(key=lambda p: p.path)
    return ValidationError(problems)


def screen_rows(
    rows: Iterable[Mapping[str, str]],
    *,
    year: int,
    other_bank_credit_rule: OtherBankCreditRule = OtherBankCreditRule.REGULATION_TEXT,
    rules: Timeline[Programme] = PROGRAMMES,
    start: int = 0,
    lenient: bool = False,
) -> Iterator[ScreeningResult]:
    """:func:`~koperasi_id.bpum.screen` for CSV rows (``csv.DictReader``).

    Every problem of an invalid row is reported at once with the *column*
    name as its path (``$.telepon``), whether it came from the row format or
    from a value check. ``lenient`` ignores unknown columns. Pass ``start=2``
    for file line numbers under a one-line header.

    >>> import csv, io
    >>> text = '''nik,kk,nama,alamat_ktp,bidang_usaha,telepon,pekerjaan,punya_kur,punya_kredit_bank_lain,jenis_pengusul,wilayah_pengusul
    ... 1871010101900001,1871010101100001,Siti,Jl. Kartini 5,warung,081234567890,pedagang,tidak,ya,dinas_kabupaten_kota,18.71
    ... 1871014101900002,,Rina,Jl. Pahlawan 2,jahit,0812,pedagang,tidak,tidak,dinas_kabupaten_kota,18.71
    ... '''
    >>> for r in screen_rows(csv.DictReader(io.StringIO(text)), year=2021, start=2):
    ...     print(r.index, r.outcome.value, [str(p) for p in r.problems])
    2 layak []
    3 tidak_valid ['$.telepon: an Indonesian mobile number has 10 to 13 digits with its leading 0, got 4 [phone.length]']
    """
    return screen_structured(
        (structure_row(row, lenient=lenient) for row in rows),
        year=year,
        other_bank_credit_rule=other_bank_credit_rule,
        rules=rules,
        start=start,
    )
