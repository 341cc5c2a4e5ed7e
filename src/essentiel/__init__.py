"""essentiel: faithful key points and the facts behind them, from raw news articles.

>>> import essentiel
>>> d = essentiel.digest(open("article.html").read(), published="2025-07-04")
>>> [k.text for k in d.keypoints]
"""

from essentiel.check import Checker, check
from essentiel.errors import (
    BinaryInput,
    EmptyInput,
    EssentielError,
    InputError,
    InputTooLarge,
    NoArticle,
    UnsupportedLanguage,
)
from essentiel.keypoints import KeyPointSettings
from essentiel.model import SCHEMA_VERSION, Digest
from essentiel.pipeline import Pipeline, Settings, digest

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "BinaryInput",
    "Checker",
    "Digest",
    "EmptyInput",
    "EssentielError",
    "InputError",
    "InputTooLarge",
    "KeyPointSettings",
    "NoArticle",
    "Pipeline",
    "Settings",
    "UnsupportedLanguage",
    "__version__",
    "check",
    "digest",
]
