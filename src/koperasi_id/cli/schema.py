"""``koperasi-id schema``: the JSON Schema of a record type, or OpenAPI components for all.

Other systems validate their documents with it before sending them (see the
docs page "Using koperasi_id from other systems"). ``TYPE`` is a record type
of ``validate`` (``cooperative``, ``kur-application``...) or any public type
by its schema key (``kur.Schedule``, ``cooperatives.RatRecord``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from koperasi_id.cli._common import EXIT_OK, add_lang_option, lazy_choices, tr
from koperasi_id.cli.validate import ENTITY_TYPES, entity_type


def _names() -> list[str]:
    from koperasi_id.schema import public_types, schema_key

    return [*sorted(ENTITY_TYPES), *(schema_key(t) for t in public_types())]


def add_parser(subparsers: Any) -> None:
    """Declare ``schema`` and its arguments."""
    p = subparsers.add_parser(
        "schema",
        help="JSON Schema (draft 2020-12) of a record type, or OpenAPI components",
    )
    kind = p.add_argument(
        "type",
        nargs="?",
        metavar="TYPE",
        help="a record type of validate (cooperative, business, kur-application, bpum-proposal) "
        "or a schema key such as kur.Schedule",
    )
    lazy_choices(kind, _names)
    p.add_argument(
        "--openapi",
        action="store_true",
        help="print OpenAPI 'components' with the schema of every public type instead",
    )
    add_lang_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema as JSON."""
    from koperasi_id.cli._common import UsageError
    from koperasi_id.schema import components, json_schema, public_types, schema_key

    if args.openapi:
        body = {"components": components()}
    elif args.type is None:
        raise UsageError(
            tr(
                args.lang,
                "sebutkan TYPE (mis. cooperative, kur.Schedule) atau berikan --openapi",
                "name a TYPE (e.g. cooperative, kur.Schedule) or give --openapi",
            )
        )
    elif args.type in ENTITY_TYPES:
        body = json_schema(entity_type(args.type))
    else:
        by_key = {schema_key(t): t for t in public_types()}
        body = json_schema(by_key[args.type])
    print(json.dumps(body, ensure_ascii=False, indent=2))
    return EXIT_OK
