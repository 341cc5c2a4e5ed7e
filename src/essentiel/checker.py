"""Moved to ``essentiel.check``: the checker of anyone's summary, in the checking package.

This path still imports (every name, through ``__getattr__``) and warns once that it is
deprecated; new code imports from ``essentiel.check``.
"""

from __future__ import annotations

import warnings
from typing import Any

from essentiel.check import checker
from essentiel.check.checker import (
    CANNOT_TELL_BELOW,
    EVIDENCE_SENTENCES,
    Checker,
    check,
    split_summary,
    verifier_for,
)

warnings.warn(
    "essentiel.checker is deprecated: import from essentiel.check (Checker, check) "
    "or essentiel.check.checker",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "CANNOT_TELL_BELOW",
    "EVIDENCE_SENTENCES",
    "Checker",
    "check",
    "split_summary",
    "verifier_for",
]


def __getattr__(name: str) -> Any:
    """Any other name of the old module (private ones too), from where it lives now."""
    for module in (checker,):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
