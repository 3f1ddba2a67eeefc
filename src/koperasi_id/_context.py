"""The decimal context every computation of the library runs in.

A module of its own, importing nothing but :mod:`decimal`: the lazy loader
(``koperasi_id._lazy``) enters it for every first use of a public name, and
``import koperasi_id.kur`` (or building the command line's parser) must not
pull in the number policy, the masking function and ``attrs`` with it.
:mod:`koperasi_id._numbers` re-exports it beside ``computes``.
"""

from __future__ import annotations

import decimal

__all__ = ["CONTEXT"]

#: The decimal context every computation of the library runs in: Python's own
#: default context, fixed. The caller's context (``decimal.getcontext()``) is
#: theirs: a precision of 3 or a trap on ``Inexact`` set for their own
#: arithmetic must not change a schedule, a percentage or a total computed
#: here (the 28 digits are what keep arithmetic on accepted input exact: see
#: the number policy in :mod:`koperasi_id._numbers`).
CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
