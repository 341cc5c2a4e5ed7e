"""Moved to ``essentiel.check.verifier``: the verifier of our bullets, in the checking package.

This path still imports (every name, through ``__getattr__``) and warns once that it is
deprecated; new code imports from ``essentiel.check``.
"""

from __future__ import annotations

import warnings
from typing import Any

from essentiel.check import claims, verifier
from essentiel.check.claims import Clause, Fact, clauses, stop_words
from essentiel.check.verifier import MAX_SPAN, MAX_WINDOW, Verifier

warnings.warn(
    "essentiel.verify is deprecated: import from essentiel.check.verifier (Verifier) "
    "or essentiel.check.claims (clauses, Fact)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = ["MAX_SPAN", "MAX_WINDOW", "Clause", "Fact", "Verifier", "clauses", "stop_words"]


def __getattr__(name: str) -> Any:
    """Any other name of the old module (private ones too), from where it lives now."""
    for module in (verifier, claims):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
