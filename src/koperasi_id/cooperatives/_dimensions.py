"""What a registry summary can be broken down by (its own module: the CLI's ``--help`` lists it)."""

from __future__ import annotations

from typing import Final, Literal, get_args

__all__ = ["DEFAULT_BREAKDOWNS", "DIMENSIONS", "Dimension"]

#: What a registry can be broken down by: ``region`` is the regency/city of
#: the domicile (``18.71``), ``province`` its province (``18``).
Dimension = Literal["region", "province", "kind", "form", "mode", "principle"]
DIMENSIONS: Final[tuple[Dimension, ...]] = get_args(Dimension)
#: The breakdowns of a summary unless ``by=`` says otherwise.
DEFAULT_BREAKDOWNS: Final[tuple[Dimension, ...]] = ("kind", "form", "region")
