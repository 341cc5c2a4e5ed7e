"""An HTML article's publication date: what the page's markup states, else the date line the
article opens or closes with (« Publié le 12/03/2019 à 10h05 »), else none.

Never a date read from anywhere in the page's text: htmldate's extensive search turns the
footer's « © 2025 », or any year the page names, into 1 January of that year, and it cost a
sixth of the extraction (issue 29). So the markup is read by htmldate's fast search only (the
URL, <meta>, JSON-LD, <abbr> and <time> elements, date-classed elements), then microdata it
does not read (``itemprop="datePublished"`` on an element, ``<time pubdate>``), then the
article's own lines. The words of a date line are in the languages' resources
(``[publication_line]`` in ``blocks.toml``, months in ``language.toml``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import htmldate
from lxml import etree

from essentiel import resources

# A date line is among the article's first or last lines, and short: a sentence of the body
# that names a date is not one.
LINES_READ = 3
MAX_LINE_WORDS = 25
# htmldate's own lower bound: no web page is older.
EARLIEST = dt.date(1995, 1, 1)

# The attribute's owner rather than every element tested: the same elements, in the same
# order, in half the time.
_MICRODATA = "//@itemprop[.='datePublished']/.. | //time[@pubdate]"
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}\s*(?:[h:]\s*\d{0,2}|(?=[ap]\.?m\b))(?:[:.]\d\d)?", re.I)
_NOT_WORD = re.compile(r"[\W\d_]+")


def publication_date(
    tree: etree._Element,
    url: str | None,
    lines: Sequence[str],
    today: dt.date | None = None,
) -> dt.date | None:
    """The page's publication date: markup first, then the article's date line (``lines``:
    the article's text, line by line), else None."""
    latest = today or dt.date.today()
    published = markup_date(tree, url, latest)
    if published is not None:
        return published
    return date_line_date(lines, latest)


def markup_date(tree: etree._Element, url: str | None, latest: dt.date) -> dt.date | None:
    """The date the page's markup states (htmldate's fast search, then microdata), else None.
    Reads ``tree`` and leaves it as it was."""
    found = htmldate.find_date(
        tree,
        extensive_search=False,
        original_date=True,
        url=url,
        max_date=latest.isoformat(),
    )
    published = _iso_date(found, latest)
    if published is not None:
        return published
    return microdata_date(tree, latest)


def microdata_date(tree: etree._Element, latest: dt.date) -> dt.date | None:
    """``datePublished`` microdata on an element, or a ``<time pubdate>``: its machine
    readable attribute, else its text when that is a date alone."""
    for element in tree.xpath(_MICRODATA):
        for name in ("content", "datetime"):
            published = _iso_date(element.get(name), latest)
            if published is not None:
                return published
        text = " ".join(element.itertext()).strip()
        if text:
            published = _date_alone(text, latest)
            if published is not None:
                return published
    return None


def date_line_date(lines: Sequence[str], latest: dt.date) -> dt.date | None:
    """The date of a publication line among the first and last lines: a date after a
    publication cue (« Publié le », "Posted on"), or a line that is a date alone (its
    weekday and time aside). An update's date alone is not the publication's."""
    ends = [*lines[:LINES_READ], *lines[max(LINES_READ, len(lines) - LINES_READ) :]]
    for line in ends:
        if len(line.split()) > MAX_LINE_WORDS:
            continue
        published = _after_cue(line, latest)
        if published is None:
            published = _date_alone(line, latest)
        if published is not None:
            return published
    return None


@dataclass(frozen=True)
class _LineRules:
    published_cue: re.Pattern[str]
    updated_cue: re.Pattern[str]
    # One expression per way the language writes a full date; groups d, m, y.
    dates: tuple[re.Pattern[str], ...]
    month_numbers: dict[str, int]
    day_first: bool
    leftovers: frozenset[str]  # words a date-only line may hold: weekdays, fillers


@cache
def _rules() -> tuple[_LineRules, ...]:
    rules = []
    for code in resources.supported_languages():
        line = resources.language_data(code, "blocks").get("publication_line")
        if not line:
            continue
        dates = resources.raw(code).get("dates", {})
        months: list[str] = dates["months"]
        names = {name.lower(): number for number, name in enumerate(months, 1)}
        month_numbers = dict(names)
        for abbreviation in line.get("month_abbreviations", []):
            # An abbreviation is the start of its month's name (« juil. », not « juin »).
            month_numbers[abbreviation.lower()] = next(
                number for name, number in names.items() if name.startswith(abbreviation.lower())
            )
        month = rf"(?P<m>{resources.alternation(list(month_numbers))})\.?"
        ordinal = r"(?:er|st|nd|rd|th)?"
        day = rf"(?P<d>\d{{1,2}}){ordinal}"
        year = r"(?P<y>\d{4})(?!\d)"
        rules.append(
            _LineRules(
                published_cue=_cue(line["published_cues"]),
                updated_cue=_cue(line.get("updated_cues", [])),
                dates=(
                    re.compile(rf"(?<!\d){day}\s+{month},?\s+{year}", re.I),
                    re.compile(rf"(?<!\w){month}\s+{day},?\s+{year}", re.I),
                ),
                month_numbers=month_numbers,
                day_first=line["numeric_order"] == "dmy",
                leftovers=frozenset(
                    word.lower() for word in [*dates.get("weekdays", []), *line.get("fillers", [])]
                ),
            )
        )
    return tuple(rules)


def _cue(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    return re.compile(
        rf"(?:^|[|•·,;–—-]\s*)(?:{resources.alternation(words)})(?![\w-])\s*:?\s*", re.I
    )


def _after_cue(line: str, latest: dt.date) -> dt.date | None:
    """The date right after a publication cue, its weekday and « le » / "on" aside."""
    for rules in _rules():
        for cue in rules.published_cue.finditer(line):
            rest = line[cue.end() :]
            # The date may come after a weekday or « le » / "on": any word skipped must be one.
            for start in sorted({0, *(m.end() for m in re.finditer(r"\s+", rest[:40]))}):
                words = _NOT_WORD.sub(" ", rest[:start]).split()
                if any(word.lower() not in rules.leftovers for word in words):
                    break
                published = _date_at(rest[start:], rules, latest)
                if published is not None:
                    return published
    return None


def _date_at(text: str, rules: _LineRules, latest: dt.date) -> dt.date | None:
    """A full date at the start of ``text``, written as ``rules``' language writes it."""
    for pattern in rules.dates:
        found = pattern.match(text)
        if found:
            month = rules.month_numbers[found["m"].lower()]
            return _valid(int(found["y"]), month, int(found["d"]), latest)
    found = _ISO.match(text)
    if found:
        return _valid(int(found[1]), int(found[2]), int(found[3]), latest)
    found = _NUMERIC.match(text)
    if found:
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        day, month = (first, second) if rules.day_first else (second, first)
        return _valid(year, month, day, latest)
    return None


def _date_alone(line: str, latest: dt.date) -> dt.date | None:
    """The date of a line that holds nothing else (a weekday, a time, fillers aside). A
    numeric date must be unambiguous here (no cue says in which order it is written): a day
    over 12, the same day and month, or dots."""
    for rules in _rules():
        if rules.updated_cue.search(line):
            return None
        for pattern in rules.dates:
            found = pattern.search(line)
            if found and _only_leftovers(line, found.span(), rules):
                month = rules.month_numbers[found["m"].lower()]
                return _valid(int(found["y"]), month, int(found["d"]), latest)
    for pattern in (_ISO, _NUMERIC):
        found = pattern.search(line)
        if found is None:
            continue
        if not any(_only_leftovers(line, found.span(), rules) for rules in _rules()):
            continue
        if pattern is _ISO:
            return _valid(int(found[1]), int(found[2]), int(found[3]), latest)
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        # Dots: the day comes first wherever dates are written so (« 10.11.2021 »).
        if found[0].count(".") == 2 or first > 12 >= second:
            return _valid(year, second, first, latest)
        if second > 12 >= first:
            return _valid(year, first, second, latest)
        if first == second:
            return _valid(year, first, first, latest)
    return None


def _only_leftovers(line: str, span: tuple[int, int], rules: _LineRules) -> bool:
    rest = _TIME.sub(" ", line[: span[0]] + " " + line[span[1] :])
    return all(word.lower() in rules.leftovers for word in _NOT_WORD.sub(" ", rest).split())


def _iso_date(value: str | None, latest: dt.date) -> dt.date | None:
    found = _ISO.match(value.strip()) if value else None
    return _valid(int(found[1]), int(found[2]), int(found[3]), latest) if found else None


def _valid(year: int, month: int, day: int, latest: dt.date) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if EARLIEST <= date <= latest else None
