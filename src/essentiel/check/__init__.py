"""Checking: is a text faithful to the article it came from?

One idea, two users. ``claims`` reads what a clause asserts (its content words, and the names,
numbers, dates and quotes it states); ``verifier`` holds the ``Verifier``, which checks each of
our key points against the source spans it cites; ``checker`` holds the ``Checker``, which
checks anyone's summary against its article with that same verifier; ``learned_score`` turns
the checker's signals into one probability (a model trained by ``make train-checker``).

``essentiel.check`` (the attribute of the ``essentiel`` package) is the ``check`` function, as
before this package existed; import from the modules with ``from essentiel.check... import``.
"""

from essentiel.check.checker import Checker, check, split_summary, verifier_for
from essentiel.check.verifier import Verifier

__all__ = ["Checker", "Verifier", "check", "split_summary", "verifier_for"]
