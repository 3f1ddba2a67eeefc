"""BPUM (Banpres Produktif Usaha Mikro): programmes, proposals, eligibility, screening, lifecycle.

The presidential productive aid for micro businesses ran in budget years 2020
(Permenkop UKM 6/2020, Rp2.400.000) and 2021 (Permenkop UKM 2/2021,
Rp1.200.000). This package holds:

- the programme of each year as dated, cited data (:data:`PROGRAMMES`,
  :func:`programme`, :func:`amount`);
- the :class:`Proposal` entity and its parts (:class:`Proposer`,
  :class:`ProposerType`, :class:`Occupation`, :class:`PhoneNumber`);
- :func:`assess`: one proposal against the criteria of one year, explained;
- :func:`screen` / :func:`screen_rows`: a whole proposal file, streaming, one
  :class:`ScreeningResult` per record, NIK duplicates flagged, with a
  :class:`ScreeningSummary` of the totals;
- the CSV row format (:data:`PROPOSAL_COLUMNS`, :func:`proposal_from_row`);
- the disbursement lifecycle (:class:`Status`, :class:`Event`,
  :func:`transition`, :func:`withdrawal_deadline`, :func:`due_for_return`).

>>> from koperasi_id import bpum
>>> bpum.amount(2021)
Decimal('1200000')
>>> bpum.transition(bpum.Status.CREDITED, bpum.Event.FUNDS_WITHDRAWN).is_terminal
True
"""

from typing import TYPE_CHECKING

from koperasi_id import _hypothesis_plugin
from koperasi_id._lazy import lazy_exports

if TYPE_CHECKING:
    from koperasi_id.bpum._eligibility import BpumAssessment, assess
    from koperasi_id.bpum._kinds import EXCLUDED_OCCUPATIONS, Occupation, ProposerType
    from koperasi_id.bpum._lifecycle import (
        DEFAULT_WITHDRAWAL_MONTHS,
        TERMINAL_STATUSES,
        TRANSITIONS,
        WITHDRAWAL_PERIOD,
        DisbursementRecord,
        Event,
        Status,
        advance,
        allowed_events,
        due_for_return,
        transition,
        withdrawal_deadline,
    )
    from koperasi_id.bpum._phone import PhoneNumber
    from koperasi_id.bpum._programmes import (
        PROGRAMMES,
        Criterion,
        OtherBankCreditRule,
        Programme,
        ProposalWindow,
        amount,
        programme,
        programme_regime,
        programme_years,
    )
    from koperasi_id.bpum._proposal import Proposal, Proposer, same_address
    from koperasi_id.bpum._results import (
        DUPLICATE_CODE,
        SCREENING_COLUMNS,
        ScreeningOutcome,
        ScreeningResult,
        ScreeningSummary,
    )
    from koperasi_id.bpum._rows import (
        PROPOSAL_COLUMNS,
        REQUIRED_COLUMNS,
        proposal_from_row,
        proposal_to_row,
        screen_rows,
        structure_row,
    )
    from koperasi_id.bpum._screening import screen, screen_numbered, screen_structured

__all__ = [
    "DEFAULT_WITHDRAWAL_MONTHS",
    "DUPLICATE_CODE",
    "EXCLUDED_OCCUPATIONS",
    "PROGRAMMES",
    "PROPOSAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "SCREENING_COLUMNS",
    "TERMINAL_STATUSES",
    "TRANSITIONS",
    "WITHDRAWAL_PERIOD",
    "BpumAssessment",
    "Criterion",
    "DisbursementRecord",
    "Event",
    "Occupation",
    "OtherBankCreditRule",
    "PhoneNumber",
    "Programme",
    "Proposal",
    "ProposalWindow",
    "Proposer",
    "ProposerType",
    "ScreeningOutcome",
    "ScreeningResult",
    "ScreeningSummary",
    "Status",
    "advance",
    "allowed_events",
    "amount",
    "assess",
    "due_for_return",
    "programme",
    "programme_regime",
    "programme_years",
    "proposal_from_row",
    "proposal_to_row",
    "same_address",
    "screen",
    "screen_numbered",
    "screen_rows",
    "screen_structured",
    "structure_row",
    "transition",
    "withdrawal_deadline",
]

#: Where each public name lives; it is imported from there on first use.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "koperasi_id.bpum._eligibility": (
        "BpumAssessment",
        "assess",
    ),
    "koperasi_id.bpum._lifecycle": (
        "DEFAULT_WITHDRAWAL_MONTHS",
        "TERMINAL_STATUSES",
        "TRANSITIONS",
        "WITHDRAWAL_PERIOD",
        "DisbursementRecord",
        "Event",
        "Status",
        "advance",
        "allowed_events",
        "due_for_return",
        "transition",
        "withdrawal_deadline",
    ),
    "koperasi_id.bpum._phone": ("PhoneNumber",),
    "koperasi_id.bpum._programmes": (
        "PROGRAMMES",
        "Criterion",
        "OtherBankCreditRule",
        "Programme",
        "ProposalWindow",
        "amount",
        "programme",
        "programme_regime",
        "programme_years",
    ),
    "koperasi_id.bpum._kinds": ("EXCLUDED_OCCUPATIONS", "Occupation", "ProposerType"),
    "koperasi_id.bpum._proposal": ("Proposal", "Proposer", "same_address"),
    "koperasi_id.bpum._rows": (
        "PROPOSAL_COLUMNS",
        "REQUIRED_COLUMNS",
        "proposal_from_row",
        "proposal_to_row",
        "screen_rows",
        "structure_row",
    ),
    "koperasi_id.bpum._results": (
        "DUPLICATE_CODE",
        "SCREENING_COLUMNS",
        "ScreeningOutcome",
        "ScreeningResult",
        "ScreeningSummary",
    ),
    "koperasi_id.bpum._screening": ("screen", "screen_numbered", "screen_structured"),
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# Last: Hypothesis can only be taught these types once they all exist.
_hypothesis_plugin.register_module_types(__name__)
