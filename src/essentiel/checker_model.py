"""Moved to ``essentiel.check.learned_score``: the checker's learned score, in the checking package.

This path still imports (every name, through ``__getattr__``) and warns once that it is
deprecated; new code imports from ``essentiel.check``.
"""

from __future__ import annotations

import warnings
from typing import Any

from essentiel.check import learned_score
from essentiel.check.learned_score import (
    FEATURE_NAMES,
    MAX_ARTICLE_SENTENCES,
    MODEL_FILE,
    RECORD_FILE,
    CheckerModel,
    load_checker_model,
    summary_features,
)

warnings.warn(
    "essentiel.checker_model is deprecated: import from essentiel.check.learned_score",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "FEATURE_NAMES",
    "MAX_ARTICLE_SENTENCES",
    "MODEL_FILE",
    "RECORD_FILE",
    "CheckerModel",
    "load_checker_model",
    "summary_features",
]


def __getattr__(name: str) -> Any:
    """Any other name of the old module (private ones too), from where it lives now."""
    for module in (learned_score,):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
