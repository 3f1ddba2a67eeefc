"""Strategies for the existing credits of a KUR application (SLIK entries, ``koperasi_id.kur``).

:func:`existing_credits` draws any credit as SLIK shows it; the application
strategies in ``_kur`` draw from the two sets here: credits that never fail a
check, and credits that fail ``kur.existing_credit`` alone.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from hypothesis import strategies as st

from koperasi_id.kur import Collectibility, CreditKind, ExistingCredit, Scheme
from koperasi_id.strategies._common import check_enum

__all__ = ["existing_credits"]

_JT = Decimal(1_000_000)
_HARMLESS_OPEN = (
    CreditKind.MORTGAGE,
    CreditKind.PRODUCTIVE_MOTORCYCLE,
    CreditKind.PENSION_DECREE,
    CreditKind.CREDIT_CARD,
    CreditKind.WAREHOUSE_RECEIPT,
    CreditKind.HOUSEHOLD_CONSUMER,
)
_NOT_CONCURRENT = (
    CreditKind.PEER_TO_PEER,
    CreditKind.GOVERNMENT_PROGRAMME,
    CreditKind.COMMERCIAL_PRODUCTIVE,
)
_BAD_GRADES = tuple(c for c in Collectibility if c is not Collectibility.CURRENT)


def existing_credits(*, kind: CreditKind | str | None = None) -> st.SearchStrategy[ExistingCredit]:
    """Credits as SLIK shows them: open (with an outstanding balance) or closed (nothing left)."""
    which = check_enum("kind", kind, CreditKind)
    kinds = st.just(which) if which is not None else st.sampled_from(CreditKind)
    return kinds.flatmap(_credit)


@functools.cache
def _credit(kind: CreditKind) -> st.SearchStrategy[ExistingCredit]:
    return _drawn_credit(kind)


_GRADES = st.sampled_from(Collectibility)
_SCHEMES_OR_NONE = st.none() | st.sampled_from(Scheme)


@st.composite
def _drawn_credit(draw: st.DrawFn, kind: CreditKind) -> ExistingCredit:
    jt = draw(st.integers(1, 2_000))
    closed = draw(st.booleans())
    return ExistingCredit(
        kind=kind,
        plafond=jt * _JT,
        outstanding=Decimal(0) if closed else draw(st.integers(0, jt)) * _JT,
        collectibility=Collectibility.CURRENT if closed else draw(_GRADES),
        closed=closed,
        same_lender=draw(st.booleans()),
        scheme=draw(_SCHEMES_OR_NONE) if kind is CreditKind.KUR else None,
    )


def _harmless_credits() -> st.SearchStrategy[tuple[ExistingCredit, ...]]:
    """Credits that never fail a check: allowed kinds while current, or closed KUR."""
    open_: st.SearchStrategy[ExistingCredit] = st.builds(
        lambda kind, jt, share: ExistingCredit(
            kind=kind, plafond=jt * _JT, outstanding=(jt * share // 100) * _JT
        ),
        st.sampled_from(_HARMLESS_OPEN),
        st.integers(1, 500),
        st.integers(0, 100),
    )
    closed_kur = st.builds(
        lambda jt, scheme: ExistingCredit(
            kind=CreditKind.KUR, plafond=jt * _JT, closed=True, same_lender=True, scheme=scheme
        ),
        st.integers(1, 100),
        st.sampled_from(Scheme),
    )
    return st.lists(open_ | closed_kur, max_size=3).map(tuple)


_HARMLESS_CREDITS = _harmless_credits()
#: A credit that fails ``kur.existing_credit`` alone: a kind that may not run
#: alongside KUR, or an allowed kind that is not current (lancar).
_FAILING_CREDITS = st.one_of(
    st.builds(
        lambda kind, jt: ExistingCredit(kind=kind, plafond=jt * _JT, outstanding=jt * _JT),
        st.sampled_from(_NOT_CONCURRENT),
        st.integers(1, 300),
    ),
    st.builds(
        lambda kind, grade, jt: ExistingCredit(
            kind=kind, plafond=jt * _JT, outstanding=jt * _JT, collectibility=grade
        ),
        st.sampled_from(_HARMLESS_OPEN),
        st.sampled_from(_BAD_GRADES),
        st.integers(1, 300),
    ),
)
