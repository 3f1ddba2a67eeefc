"""One exception tree for the whole library, rooted in :class:`ValueError`.

Every error the library raises on purpose is a :class:`KoperasiIdError`, so a
caller can catch the library's complaints without catching its bugs::

    KoperasiIdError (ValueError)
    ├── ValidationError        bad input; carries every Problem with its path
    ├── NoRuleInForceError     a question asked for a date no regime covers
    ├── RuleInputError         the rule in force cannot answer with these inputs
    └── TransitionError        a lifecycle step that the state machine forbids

Every :class:`Problem` says what is wrong in Indonesian (``message_id``, the
default of :meth:`Problem.text`) and in English (``message``):

>>> err = ValidationError.single(
...     "nik.serial_zero", "serial must not be 0000",
...     message_id="nomor urut tidak boleh 0000", path="$.nik")
>>> isinstance(err, ValueError)
True
>>> err.problems[0].path
'$.nik'
>>> err.problems[0].text()
'nomor urut tidak boleh 0000'
>>> print(err)
1 problem: $.nik: serial must not be 0000 [nik.serial_zero]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Literal

import attrs

__all__ = [
    "KoperasiIdError",
    "Language",
    "NoRuleInForceError",
    "Problem",
    "RuleInputError",
    "TransitionError",
    "ValidationError",
    "in_language",
    "join_path",
]

#: The languages messages are written in: Indonesian (the default everywhere) and English.
Language = Literal["id", "en"]


def in_language(lang: Language, message_id: str, message_en: str) -> str:
    """``message_id`` for ``"id"``, ``message_en`` for ``"en"``; any other language is refused.

    The one choice of language behind :meth:`Problem.text` and
    :meth:`koperasi_id.decisions.Finding.message`.

    >>> in_language("en", "wajib diisi", "required")
    'required'
    >>> in_language("fr", "wajib diisi", "required")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ValueError: language must be 'id' or 'en', not 'fr'
    """
    if lang == "id":
        return message_id
    if lang == "en":
        return message_en
    raise _unknown_language(lang)


def _unknown_language(lang: object) -> ValueError:
    # The language came from a caller: masked.
    from koperasi_id._values import mask  # noqa: PLC0415 - _values imports this module

    return ValueError(f"language must be 'id' or 'en', not {mask(lang, limit=40, quote=True)}")


def join_path(prefix: str, path: str) -> str:
    """Append a relative path (``$.a[0]``) to a prefix (``$.members``).

    >>> join_path("$.members[3]", "$.nik")
    '$.members[3].nik'
    >>> join_path("$.members", "$[3]")
    '$.members[3]'
    >>> join_path("$", "$.nik")
    '$.nik'
    """
    if not isinstance(prefix, str) or not isinstance(path, str):
        raise TypeError("join_path takes two str paths")
    return prefix + path[1:] if path.startswith("$") else f"{prefix}.{path}"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input: where (a JSONPath-like ``path``), a stable
    machine ``code`` and a human message in English (``message``) and in
    Indonesian (``message_id``); input in either is masked.

    >>> p = Problem(path="$.nik", code="nik.length", message="a NIK has 16 digits, got 15",
    ...             message_id="NIK harus 16 digit, diisi 15")
    >>> p.text(), p.text("en") == p.message_en
    ('NIK harus 16 digit, diisi 15', True)
    >>> p.under("$.members[2]").text()
    'NIK harus 16 digit, diisi 15'
    """

    path: str = "$"
    code: str
    message: str
    message_id: str

    @property
    def message_en(self) -> str:
        """The English message (``message``), named as on a :class:`~koperasi_id.decisions.Finding`."""
        return self.message

    def text(self, lang: Language = "id") -> str:
        """The message in ``"id"`` (Indonesian, the default) or ``"en"``."""
        return in_language(lang, self.message_id, self.message)

    def describe(self, lang: Language = "id") -> str:
        """``path: message [code]`` in ``lang``; ``str()`` is the English one.

        >>> Problem(code="x.empty", message="the name is empty", message_id="nama wajib diisi",
        ...         path="$.name").describe()
        '$.name: nama wajib diisi [x.empty]'
        """
        return f"{self.path}: {self.text(lang)} [{self.code}]"

    def under(self, prefix: str) -> Problem:
        """The same problem seen from an enclosing object at ``prefix``."""
        # The constructor, not attrs.evolve: a row of invalid cells re-roots
        # every problem once per enclosing object, and evolve costs 3x as much.
        return Problem(
            path=join_path(prefix, self.path),
            code=self.code,
            message=self.message,
            message_id=self.message_id,
        )

    def __str__(self) -> str:
        return self.describe("en")


class KoperasiIdError(ValueError):
    """Base of every error the library raises deliberately.

    Every one survives pickling (batch workers, multiprocessing and Dask ship
    errors back to their parent) with its type, message and attributes.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickles (type, args) and calls __init__ again, which
        # rebuilds the message from what is now the finished message (a
        # TransitionError would append its "(allowed: ...)" twice). Restoring
        # the args and attributes as they are is right for every subclass.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(
    cls: type[KoperasiIdError], args: tuple[object, ...], state: dict[str, Any]
) -> KoperasiIdError:
    err = cls.__new__(cls, *args)
    err.args = args
    err.__dict__.update(state)
    return err


class ValidationError(KoperasiIdError):
    """Input that cannot become a valid value or entity.

    It carries *every* problem found, not just the first, each with a field
    path, so a form or a batch job can show them all at once.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__(self._summary())

    @classmethod
    def single(
        cls, code: str, message: str, *, message_id: str, path: str = "$"
    ) -> ValidationError:
        """Shortcut for an error with exactly one problem (English ``message``,
        Indonesian ``message_id``)."""
        return cls([Problem(path=path, code=code, message=message, message_id=message_id)])

    def under(self, prefix: str) -> ValidationError:
        """The same error with every path re-rooted at ``prefix``."""
        return type(self)(p.under(prefix) for p in self.problems)

    @property
    def codes(self) -> tuple[str, ...]:
        """The problems' codes, in order."""
        return tuple(p.code for p in self.problems)

    @property
    def paths(self) -> tuple[str, ...]:
        """The problems' paths, in order."""
        return tuple(p.path for p in self.problems)

    def text(self, lang: Language = "id") -> str:
        """Every problem on one line in ``lang``; ``str(err)`` is the English one.

        >>> ValidationError.single("x.empty", "the name is empty", message_id="nama wajib diisi",
        ...                        path="$.name").text()
        '1 masalah: $.name: nama wajib diisi [x.empty]'
        """
        n = len(self.problems)
        head = in_language(lang, f"{n} masalah", f"{n} problem{'s' if n != 1 else ''}")
        return head + ": " + "; ".join(p.describe(lang) for p in self.problems)

    def _summary(self) -> str:
        return self.text("en")


class NoRuleInForceError(KoperasiIdError):
    """No regime of a rule table covers the date asked about.

    >>> e = NoRuleInForceError("kur.rate", date(2019, 1, 1), covered=((date(2020, 1, 1), None),))
    >>> print(e)
    no kur.rate rule in force on 2019-01-01 (covered: 2020-01-01..open)
    """

    def __init__(
        self,
        table: str,
        as_of: date,
        *,
        covered: Sequence[tuple[date, date | None]] = (),
        hint: str = "",
    ) -> None:
        self.table = table
        self.as_of = as_of
        self.covered = tuple(covered)
        spans = ", ".join(f"{a.isoformat()}..{b.isoformat() if b else 'open'}" for a, b in covered)
        message = f"no {table} rule in force on {as_of.isoformat()}"
        if spans:
            message += f" (covered: {spans})"
        if hint:
            message += f"; {hint}"
        super().__init__(message)


class RuleInputError(KoperasiIdError):
    """The rule in force cannot answer with the inputs given, for example a
    criterion that the regime in force does not use. The message says what to
    pass instead."""


class TransitionError(KoperasiIdError):
    """A lifecycle event that is not allowed from the current state.

    ``allowed`` names the events that are.
    """

    def __init__(self, message: str, *, allowed: Sequence[str] = ()) -> None:
        self.allowed = tuple(allowed)
        if self.allowed:
            message += f" (allowed: {', '.join(self.allowed)})"
        elif message:
            message += " (no transition is allowed: the state is terminal)"
        super().__init__(message)
