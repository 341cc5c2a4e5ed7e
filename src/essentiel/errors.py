"""Errors a caller can act on. Each maps to one CLI exit code (documented in docs/cli.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from essentiel.model import Digest


class EssentielError(Exception):
    """Base class: a clear one-line message, and the CLI exit code that goes with it."""

    exit_code = 1
    code = "error"


class InputError(EssentielError):
    """The input cannot be digested: empty, binary, too large, unreadable, or no article in it."""

    exit_code = 3
    code = "bad_input"


class EmptyInput(InputError):
    code = "empty_input"


class BinaryInput(InputError):
    code = "binary_input"


class InputTooLarge(InputError):
    code = "input_too_large"


class NoArticle(InputError):
    code = "no_article"


class UnsupportedLanguage(EssentielError):
    """The article's language has no resources; ``partial`` still has its clean text and blocks."""

    exit_code = 4
    code = "unsupported_language"

    def __init__(self, message: str, partial: Digest) -> None:
        super().__init__(message)
        self.partial = partial

    def __reduce__(self) -> tuple[type[UnsupportedLanguage], tuple[str, Digest]]:
        # Raised in a worker process and re-raised in its parent: pickled with its partial.
        return (type(self), (str(self), self.partial))


class WorkTimeout(EssentielError):
    """A digest went over its time budget and was stopped (service: 503; batch: a row)."""

    code = "timeout"


class WorkCancelled(EssentielError):
    """The work was stopped before its end: its client went away, or the server is stopping."""

    code = "cancelled"
