"""``python -m koperasi_id``: the same as the ``koperasi-id`` command."""

from koperasi_id.cli import main

raise SystemExit(main())
