"""A straight-line first try at structuring an attrs class, before cattrs' detailed one.

cattrs' generated function (``detailed_validation``) wraps every field in its
own ``try`` and collects every error with its path; that is what reports all
problems at once. Most records have none, so the converter first runs a
plainer function built here from **the same hooks** (read from cattrs' own
generated function), which also skips a call layer for the commonest values:

- a ``bool`` or ``str`` field whose value already has that exact type is
  taken as it is (what the strict hook returns for it);
- an optional field holding ``None`` is ``None`` (what the optional hook
  returns), anything else goes straight to the inner hook;
- a value type given as text goes straight to its cached ``parse``.

Anything else calls the field's hook. The first exception of any kind (a bad
value, a missing key, an unknown key, a constructor's check) abandons the
try and the caller runs cattrs' detailed function from the start, which
reports every problem as before: the hooks are pure, so running one twice
changes nothing but the time. While a detailed run is under way, nested
objects skip their own first try (:func:`detailed`): a bad value is read once
more for each object around it (linear in the depth, never 2**depth).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs

#: Hooks that return a value of one exact type unchanged: hook -> the type.
EXACT: weakref.WeakKeyDictionary[Callable[..., Any], type] = weakref.WeakKeyDictionary()
#: Optional hooks: hook -> (inner hook, inner type).
OPTIONAL: weakref.WeakKeyDictionary[Callable[..., Any], tuple[Callable[..., Any], Any]] = (
    weakref.WeakKeyDictionary()
)
#: Value-type hooks: hook -> the cached ``parse`` it applies to a str.
TEXT: weakref.WeakKeyDictionary[Callable[..., Any], Callable[[str], Any]] = (
    weakref.WeakKeyDictionary()
)

#: ``depth`` > 0 while this thread is inside a detailed (fallback) run.
state = threading.local()


@contextmanager
def detailed() -> Iterator[None]:
    """Mark this thread as inside a detailed run (nested objects skip their first try)."""
    state.depth = getattr(state, "depth", 0) + 1
    try:
        yield
    finally:
        state.depth -= 1


def first_try(
    cl: type, detailed_fn: Callable[..., Any], *, forbid_extra_keys: bool
) -> Callable[[dict[str, Any], type], Any] | None:
    """The plain structuring function of ``cl``, or ``None`` where it does not apply.

    ``detailed_fn`` is cattrs' generated function for ``cl``; its default
    arguments hold each field's hook (``__c_structure_<name>``) and type
    (``__c_type_<name>``). A class with ``init=False`` fields, aliases,
    attrs converters or a hook shape this module does not know gets
    ``None``: the detailed function alone, as before.
    """
    code = getattr(detailed_fn, "__code__", None)
    defaults = getattr(detailed_fn, "__defaults__", None)
    if code is None or not defaults:
        return None
    names = code.co_varnames[: code.co_argcount]
    bound = dict(zip(names[len(names) - len(defaults) :], defaults, strict=True))
    fields = attrs.fields(cl)
    if any(not a.init or a.alias != a.name or a.converter is not None for a in fields):
        return None
    env: dict[str, Any] = {"__cl": cl, "__names": frozenset(a.name for a in fields)}
    lines = ["def first_try(o, _):"]
    if forbid_extra_keys:
        lines.append("  if not o.keys() <= __names: raise KeyError")
    lines.append("  res = {}")
    for i, a in enumerate(fields):
        hook = bound.get(f"__c_structure_{a.name}")
        kind = bound.get(f"__c_type_{a.name}")
        if hook is None or f"__c_type_{a.name}" not in bound or isinstance(hook, type):
            return None  # a passthrough or a one-argument call: leave it to cattrs
        indent = "  "
        if a.default is not attrs.NOTHING:
            lines.append(f"  if {a.name!r} in o:")
            indent = "    "
        lines.append(f"{indent}v = o[{a.name!r}]")
        lines.append(f"{indent}res[{a.name!r}] = {_expression(hook, kind, i, env)}")
    lines.append("  return __cl(**res)")
    exec("\n".join(lines), env)  # our own text: field names only as quoted literals
    built: Callable[[dict[str, Any], type], Any] = env["first_try"]
    return built


def _known(table: weakref.WeakKeyDictionary[Callable[..., Any], Any], hook: object) -> Any:
    # Only this library's own hooks are in the tables; a builtin or an
    # unhashable callable (no weak reference, no hash) is simply not one.
    try:
        return table.get(hook)  # type: ignore[call-overload]
    except TypeError:
        return None


def _expression(hook: Callable[..., Any], kind: Any, i: int, env: dict[str, Any]) -> str:
    env[f"__h{i}"], env[f"__t{i}"] = hook, kind
    call = f"__h{i}(v, __t{i})"
    exact = _known(EXACT, hook)
    if exact is not None:
        env[f"__x{i}"] = exact
        return f"v if type(v) is __x{i} else {call}"
    parse = _known(TEXT, hook)
    if parse is not None:
        env[f"__p{i}"] = parse
        return f"__p{i}(v) if type(v) is str else {call}"
    optional = _known(OPTIONAL, hook)
    if optional is not None:
        inner, inner_kind = optional
        env[f"__i{i}"], env[f"__it{i}"] = inner, inner_kind
        inner_call = f"__i{i}(v, __it{i})"
        parse = _known(TEXT, inner)
        if parse is not None:
            env[f"__p{i}"] = parse
            inner_call = f"(__p{i}(v) if type(v) is str else {inner_call})"
        return f"None if v is None else {inner_call}"
    return call
