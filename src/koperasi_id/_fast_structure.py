"""A straight-line first try at structuring an attrs class, before cattrs' detailed one.

cattrs' generated function (``detailed_validation``) wraps every field in its
own ``try`` and collects every error with its path; that is what reports all
problems at once. Most records have none, so the converter first runs a
plainer function built here from **the same hooks** (read from cattrs' own
generated function), which also skips a call layer for the commonest values:

- a hook may register a *shortcut* (:data:`SHORTCUTS_IN`): an expression
  that gives, for the commonest values, exactly what the hook returns, and
  calls the hook for every other value (a ``bool`` that is a ``bool``, a
  plain-digit amount, an ``int`` within the number policy);
- an optional field holding ``None`` is ``None`` (what the optional hook
  returns), anything else goes straight to the inner hook (or its shortcut);
- a value type given as text goes straight to its cached ``parse``.

Anything else calls the field's hook. :func:`plain_unstructure` does the
same for ``to_dict`` (:data:`SHORTCUTS_OUT`). The first exception of any kind (a bad
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
from cattrs.fns import identity

Hook = Callable[..., Any]
#: An expression in ``v`` (the value) and ``{call}`` (the hook's call), with the
#: names it uses: what the hook returns for ``v``, for every ``v``.
Shortcut = tuple[str, dict[str, Any]]

#: Structure hooks' shortcuts: hook -> shortcut.
SHORTCUTS_IN: weakref.WeakKeyDictionary[Hook, Shortcut] = weakref.WeakKeyDictionary()
#: Unstructure hooks' shortcuts: hook -> shortcut.
SHORTCUTS_OUT: weakref.WeakKeyDictionary[Hook, Shortcut] = weakref.WeakKeyDictionary()
#: Optional structure hooks: hook -> (inner hook, inner type).
OPTIONAL: weakref.WeakKeyDictionary[Hook, tuple[Hook, Any]] = weakref.WeakKeyDictionary()
#: Optional unstructure hooks: hook -> the inner hook.
OPTIONAL_OUT: weakref.WeakKeyDictionary[Hook, Hook] = weakref.WeakKeyDictionary()
#: Value-type hooks: hook -> the cached ``parse`` it applies to a str.
TEXT: weakref.WeakKeyDictionary[Hook, Callable[[str], Any]] = weakref.WeakKeyDictionary()


class _State(threading.local):
    # A class attribute, so every thread reads 0 before its first detailed
    # run: a thread-local attribute that is missing costs a raised and caught
    # AttributeError inside ``getattr(state, "depth", 0)``, on every object
    # and list of every record (about a microsecond each).
    depth = 0


#: ``depth`` > 0 while this thread is inside a detailed (fallback) run.
state = _State()


@contextmanager
def detailed() -> Iterator[None]:
    """Mark this thread as inside a detailed run (nested objects skip their first try)."""
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1


def _hooks(generated: Hook) -> dict[str, Any] | None:
    # cattrs passes each field's hook (and type) as a default argument of the
    # function it generates: the very hooks its detailed run calls.
    code = getattr(generated, "__code__", None)
    if code is None:
        return None
    defaults = getattr(generated, "__defaults__", None) or ()
    names = code.co_varnames[: code.co_argcount]
    return dict(zip(names[len(names) - len(defaults) :], defaults, strict=True))


def first_try(
    cl: type, detailed_fn: Hook, *, forbid_extra_keys: bool
) -> Callable[[dict[str, Any], type], Any] | None:
    """The plain structuring function of ``cl``, or ``None`` where it does not apply.

    ``detailed_fn`` is cattrs' generated function for ``cl``; its default
    arguments hold each field's hook (``__c_structure_<name>``) and type
    (``__c_type_<name>``). A class with ``init=False`` fields, aliases,
    attrs converters or a hook shape this module does not know gets
    ``None``: the detailed function alone, as before.
    """
    bound = _hooks(detailed_fn)
    fields = attrs.fields(cl)
    if bound is None or any(
        not a.init or a.alias != a.name or a.converter is not None for a in fields
    ):
        return None
    env: dict[str, Any] = {"__cl": cl, "__names": frozenset(a.name for a in fields)}
    lines = ["def first_try(o, _):"]
    if forbid_extra_keys:
        lines.append("  if not o.keys() <= __names: raise KeyError")
    lines.append("  res = {}")
    for i, a in enumerate(fields):
        hook = bound.get(f"__c_structure_{a.name}")
        if hook is None or f"__c_type_{a.name}" not in bound or isinstance(hook, type):
            return None  # a passthrough or a one-argument call: leave it to cattrs
        env[f"__h{i}"], env[f"__t{i}"] = hook, bound[f"__c_type_{a.name}"]
        indent = "  "
        if a.default is not attrs.NOTHING:
            lines.append(f"  if {a.name!r} in o:")
            indent = "    "
        lines.append(f"{indent}v = o[{a.name!r}]")
        lines.append(f"{indent}res[{a.name!r}] = {_read(hook, f'__h{i}(v, __t{i})', i, env)}")
    lines.append("  return __cl(**res)")
    exec("\n".join(lines), env)  # our own text: field names only as quoted literals
    built: Callable[[dict[str, Any], type], Any] = env["first_try"]
    return built


def _known(table: weakref.WeakKeyDictionary[Hook, Any], hook: object) -> Any:
    # Only this library's own hooks are in the tables; a builtin or an
    # unhashable callable (no weak reference, no hash) is simply not one.
    try:
        return table.get(hook)  # type: ignore[call-overload]
    except TypeError:
        return None


def _shortcut(
    table: weakref.WeakKeyDictionary[Hook, Any], hook: Hook, call: str, env: dict[str, Any]
) -> str | None:
    found: Shortcut | None = _known(table, hook)
    if found is None:
        return None
    template, names = found
    env.update(names)
    return "(" + template.format(call=call) + ")"


def _read(hook: Hook, call: str, i: int, env: dict[str, Any]) -> str:
    quick = _shortcut(SHORTCUTS_IN, hook, call, env)
    if quick is not None:
        return quick
    parse = _known(TEXT, hook)
    if parse is not None:
        env[f"__p{i}"] = parse
        return f"__p{i}(v) if type(v) is str else {call}"
    optional = _known(OPTIONAL, hook)
    if optional is not None:
        inner, inner_kind = optional
        env[f"__i{i}"], env[f"__it{i}"] = inner, inner_kind
        inner_call = f"__i{i}(v, __it{i})"
        quick = _shortcut(SHORTCUTS_IN, inner, inner_call, env)
        parse = _known(TEXT, inner)
        if quick is not None:
            inner_call = quick
        elif parse is not None:
            env[f"__p{i}"] = parse
            inner_call = f"(__p{i}(v) if type(v) is str else {inner_call})"
        return f"None if v is None else {inner_call}"
    return call


# --- the way out ---------------------------------------------------------------


def plain_unstructure(
    cl: type, generated: Hook, hook_of: Callable[[Any], Hook]
) -> Callable[[Any], Any] | None:
    """``to_dict`` of ``cl`` with the hooks of cattrs' ``generated`` function, fewer calls.

    The same fields in the same order, each through the same hook, except
    where a hook's shortcut (:data:`SHORTCUTS_OUT`) or ``None`` in an
    optional field gives the value without the call. ``None`` where this
    does not apply. ``hook_of`` is the converter's ``get_unstructure_hook``:
    a field missing from ``generated``'s arguments must be one whose hook is
    cattrs' identity (which cattrs writes inline), or the class keeps
    cattrs' function.
    """
    bound = _hooks(generated)
    fields = attrs.fields(cl)
    if bound is None or any(not a.init for a in fields):
        return None  # cattrs leaves init=False fields out; keep its function
    if set(bound) - {f"__c_unstr_{a.name}" for a in fields}:
        return None  # arguments this module does not know (omit_if_default...)
    env: dict[str, Any] = {}
    lines = ["def plain_unstructure(instance):", "  res = {}"]
    for i, a in enumerate(fields):
        hook = bound.get(f"__c_unstr_{a.name}")
        if hook is None:
            if a.type is None or hook_of(a.type) != identity:
                return None  # not where cattrs keeps this field's hook: do not guess
            lines.append(f"  res[{a.name!r}] = instance.{a.name}")
            continue
        env[f"__h{i}"] = hook
        lines.append(f"  v = instance.{a.name}")
        lines.append(f"  res[{a.name!r}] = {_written(hook, f'__h{i}(v)', i, env)}")
    lines.append("  return res")
    exec("\n".join(lines), env)  # our own text: field names as attribute names and literals
    built: Callable[[Any], Any] = env["plain_unstructure"]
    return built


def _written(hook: Hook, call: str, i: int, env: dict[str, Any]) -> str:
    quick = _shortcut(SHORTCUTS_OUT, hook, call, env)
    if quick is not None:
        return quick
    inner = _known(OPTIONAL_OUT, hook)
    if inner is not None:
        env[f"__i{i}"] = inner
        inner_call = f"__i{i}(v)"
        return f"None if v is None else {_shortcut(SHORTCUTS_OUT, inner, inner_call, env) or inner_call}"
    return call
