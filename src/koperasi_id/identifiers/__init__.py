"""Indonesian identifiers as immutable, validated value types.

Every type follows one contract (the :class:`~koperasi_id._values.ValueType`
one, modelled on python-stdnum):

- ``T.parse(raw)`` normalises (spaces, NBSP, dots and dashes are stripped;
  only ASCII digits may remain; a non-string is refused) and returns a value
  or raises :class:`~koperasi_id.errors.ValidationError` carrying *every*
  problem found, each with a stable code (``nik.serial_zero``). Options are
  keyword-only and have defaults.
- ``T.is_valid(raw)`` never raises, whatever ``raw`` is.
- ``str(value)`` is the canonical form; ``value.display()`` the human one;
  ``value.warnings`` holds problems that do not make it invalid (a region code
  retired by a split, a checksum accepted in lenient mode).
- The converter (:mod:`koperasi_id.serialization`) structures each type from
  its canonical string, so a bad identifier in an entity is reported at its
  field path.

A NIK is personal data (UU 27/2022): its ``repr`` and every error message are
masked; :func:`mask_nik` masks raw text for logs.

>>> from koperasi_id.identifiers import Nik, Npwp, Kbli
>>> Nik.is_valid("1871010101900001"), Nik.is_valid(None)  # synthetic
(True, False)
>>> Npwp.parse("01.234.567.4-123.000").display()  # synthetic
'01.234.567.4-123.000'
>>> Kbli.parse("64141").section
'K'
"""

from typing import TYPE_CHECKING

from koperasi_id import _hypothesis_plugin
from koperasi_id._lazy import lazy_exports

if TYPE_CHECKING:
    from koperasi_id.identifiers._business import (
        COOPERATIVE_FINANCE_KBLI,
        KBLI_2020_DIVISIONS,
        NIB_LAW,
        Kbli,
        KbliVersion,
        Nib,
    )
    from koperasi_id.identifiers._cooperative import (
        AHU_COOPERATIVE_SEGMENTS,
        AHU_FIRST_YEAR,
        AHU_LAW,
        LEGACY_BH_YEARS,
        NIK_KOPERASI_LENIENT_LENGTHS,
        NIK_KOPERASI_STRICT_LENGTH,
        NOMOR_INDUK_KOPERASI_LAW,
        BadanHukumForm,
        NomorBadanHukum,
        NomorIndukKoperasi,
    )
    from koperasi_id.identifiers._kk import NomorKk
    from koperasi_id.identifiers._nik import NIK_LAW, Nik, Sex, mask_nik
    from koperasi_id.identifiers._tax import (
        NITKU_RULE,
        NPWP16_LAW,
        Nitku,
        Npwp,
        NpwpKind,
        luhn_check_digit,
    )

__all__ = [
    "AHU_COOPERATIVE_SEGMENTS",
    "AHU_FIRST_YEAR",
    "AHU_LAW",
    "COOPERATIVE_FINANCE_KBLI",
    "KBLI_2020_DIVISIONS",
    "LEGACY_BH_YEARS",
    "NIB_LAW",
    "NIK_KOPERASI_LENIENT_LENGTHS",
    "NIK_KOPERASI_STRICT_LENGTH",
    "NIK_LAW",
    "NITKU_RULE",
    "NOMOR_INDUK_KOPERASI_LAW",
    "NPWP16_LAW",
    "BadanHukumForm",
    "Kbli",
    "KbliVersion",
    "Nib",
    "Nik",
    "Nitku",
    "NomorBadanHukum",
    "NomorIndukKoperasi",
    "NomorKk",
    "Npwp",
    "NpwpKind",
    "Sex",
    "luhn_check_digit",
    "mask_nik",
]

#: Where each public name lives; it is imported from there on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.identifiers._business": (
        "COOPERATIVE_FINANCE_KBLI",
        "KBLI_2020_DIVISIONS",
        "NIB_LAW",
        "Kbli",
        "KbliVersion",
        "Nib",
    ),
    "koperasi_id.identifiers._cooperative": (
        "AHU_COOPERATIVE_SEGMENTS",
        "AHU_FIRST_YEAR",
        "AHU_LAW",
        "LEGACY_BH_YEARS",
        "NIK_KOPERASI_LENIENT_LENGTHS",
        "NIK_KOPERASI_STRICT_LENGTH",
        "NOMOR_INDUK_KOPERASI_LAW",
        "BadanHukumForm",
        "NomorBadanHukum",
        "NomorIndukKoperasi",
    ),
    "koperasi_id.identifiers._kk": ("NomorKk",),
    "koperasi_id.identifiers._nik": (
        "NIK_LAW",
        "Nik",
        "Sex",
        "mask_nik",
    ),
    "koperasi_id.identifiers._tax": (
        "NITKU_RULE",
        "NPWP16_LAW",
        "Nitku",
        "Npwp",
        "NpwpKind",
        "luhn_check_digit",
    ),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
