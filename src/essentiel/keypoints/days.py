"""A relative day in a bullet given its calendar date, in brackets: « mercredi [22 janvier] ».

The box is read away from the article's page and day: in a media monitor's digest, an
archive, a newsletter sent a week later (and by the blind judges, who named « mercredi », «
jeudi » and « ce mercredi » as relative dates in six of round 28's forty boxes). French news
writes « mercredi 22 janvier » itself when it wants the day to last; the bullet does the same
as an editorial insertion, marked by brackets as a name put in place of a pronoun is.

A day is given only when the date extractor (``facts/dates.py``) resolved the words against
the publication date to one calendar day (« mercredi », « ce jeudi soir », « hier », not « la
semaine dernière » nor a night between two days), the words hold no number of their own (« le
jeudi 23 janvier » needs nothing), and the bullet keeps them whole. The verifier reads the
bracket as a date against the publication date and fails the bullet when it is not the day
the source's words give (``Verifier._inserted_day``); the bullet is then made without it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from essentiel import resources
from essentiel.check.verifier import Insertion
from essentiel.model import DateGrain, DateMention

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GRAINS = frozenset({DateGrain.DAY, DateGrain.PART_OF_DAY})


def relative_days(mentions: Sequence[DateMention]) -> list[DateMention]:
    """The mentions a bracketed day may follow: one day, resolved against the publication
    date, written without a number."""
    return [
        m
        for m in mentions
        if m.anchor == "publication"
        and m.grain in _GRAINS
        and m.value is not None
        and _DAY.match(m.value)
        and not any(ch.isdigit() for ch in m.span.text)
    ]


@cache
def _labels(code: str) -> tuple[str, str, tuple[str, ...]]:
    dates = resources.raw(code).get("dates", {})
    return (
        str(dates.get("day_label", "")),
        str(dates.get("first_day", "1")),
        tuple(str(m) for m in dates.get("months", [])),
    )


def day_label(iso: str, code: str) -> str | None:
    """« 22 janvier », "January 22" (``[dates] day_label``); None for a language that has none."""
    pattern, first, months = _labels(code)
    if not pattern or len(months) != 12:
        return None
    day = dt.date.fromisoformat(iso)
    month = months[day.month - 1]
    return pattern.format(
        day=first if day.day == 1 else str(day.day), month=month, Month=month.capitalize()
    )


def day_brackets(
    fragments: Sequence[tuple[int, int]], days: Sequence[DateMention], code: str
) -> list[tuple[int, str, Insertion]]:
    """Where in the joined ``fragments`` each kept relative day ends, the bracket to set
    there (with its leading space) and what it stands for."""
    found: list[tuple[int, str, Insertion]] = []
    joined = 0
    for a, b in fragments:
        for mention in days:
            span = mention.span
            if a <= span.start and span.end <= b and mention.value is not None:
                label = day_label(mention.value, code)
                if label is None:
                    continue
                insertion = Insertion(replaced=span, names=(label,), evidence=span, kind="date")
                found.append((joined + span.end - a, f" [{label}]", insertion))
        joined += b - a
    return found
