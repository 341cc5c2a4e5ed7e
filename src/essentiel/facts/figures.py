"""Figures: the numbers of the body, with their value, unit, qualifier and the noun they count.

- digits in the language's format (« 2.600 », « 48 000 », « 1,5 » in French; "1,200", "4.2" in
  English), a scale word (« 1,5 milliard »), a unit (« 20 % », « 126 km/h », « 340 millions de
  dollars »);
- number words, read by text2num (« cinq cents », "twenty-two");
- a qualifier just before (« plus de », "at least");
- the noun counted, from the parse (« 550 engins »);
- part-of relations: « 550 engins, dont 539 drones » makes 539 drones a part of 550 engins.
Not figures: dates and times, ordinals (« 11e », "21st"), years, and numbers inside names
(« COVID-19 », « France 2 »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc
from text_to_num import text2num

from essentiel import resources
from essentiel.analyze import doc_text
from essentiel.intervals import Intervals
from essentiel.model import Figure, Span
from essentiel.resources import alternation


@dataclass(frozen=True)
class _Rules:
    code: str
    number: re.Pattern[str]
    words: re.Pattern[str]
    qualifier: re.Pattern[str]
    part_of: re.Pattern[str]
    scales: dict[str, float]
    units: dict[str, str]
    unit_after: re.Pattern[str]
    currency_before: re.Pattern[str]
    not_counts: re.Pattern[str]
    time_after: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    decimal: str


@cache
def rules(code: str) -> _Rules:
    data: dict[str, Any] = resources.raw(code)
    f = data["figures"]
    decimal = f["decimal_separator"]
    if decimal == ",":
        digits = r"\d{1,3}(?:[.  ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    else:
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    ignore = set(data["numbers"].get("ignore", []))
    # Ordinals, fractions and collective nouns are numbers, but not counts of something.
    not_cardinal = set(f.get("not_cardinals", []))
    count_words = [w for w in data["numbers"]["words"] if w not in ignore | not_cardinal]
    joiner = r"(?:[\s-]+(?:et[\s-]+|and[\s-]+)?)"
    word_alt = alternation(count_words)
    units_alt = alternation(list(f["units"]))
    scales_alt = alternation(list(f["scales"]))
    return _Rules(
        code=code,
        number=re.compile(rf"(?<![\w.,/:-])(?:{digits})(?![\w-]|[.,]\d)"),
        words=re.compile(rf"(?<![\w-])(?:{word_alt})(?:{joiner}(?:{word_alt}))*(?![\w-])", re.I),
        qualifier=re.compile(rf"(?:^|\s)({alternation(f['qualifiers'])})\s*$", re.I),
        part_of=re.compile(rf"(?<![\w-])(?:{alternation(f['part_of'])})(?![\w-])", re.I),
        scales={k.lower(): float(v) for k, v in f["scales"].items()},
        units=f["units"],
        unit_after=re.compile(
            rf"^\s?(?:(?P<scale>{scales_alt})\s*)?(?:(?:de\s+|d['’]|of\s+)?(?P<unit>{units_alt}))?(?![\w])",
            re.I,
        ),
        currency_before=re.compile(r"([$£€])\s?$"),
        not_counts=re.compile(rf"(?<![\w-])(?:{alternation(f['not_counts'])})(?![\w-])", re.I),
        time_after=re.compile(rf"^\s?(?:{'|'.join(f['time_suffixes'])})", re.I),
        ordinal_after=re.compile(rf"^(?:{alternation(f['ordinal_suffixes'])})\b", re.I),
        decimal=decimal,
    )


_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")


def _value(number: str, decimal: str) -> float | None:
    cleaned = number.replace(" ", "").replace(" ", "")
    if decimal == ",":
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def word_value(words: str, code: str) -> float | None:
    """« cinq cents » → 500.0, "twenty-two" → 22.0 (text2num); None when it is not a number."""
    try:
        return float(text2num(words.lower().replace("-", " ").strip(), code))
    except ValueError:
        return None


def read_numbers(text: str, code: str) -> list[tuple[int, int, float]]:
    """Every number of a text as (start, end, value), digits and number words, with no
    filtering: what the verifier compares (« 2.600 » and « 2600 » are the same number)."""
    r = rules(code)
    found = []
    for m in r.number.finditer(text):
        value = _value(m.group(0), r.decimal)
        if value is not None:
            found.append((m.start(), m.end(), value))
    for m in r.words.finditer(text):
        value = word_value(m.group(0), code)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return sorted(found)


@dataclass
class _Raw:
    start: int  # block-relative
    end: int
    number_start: int
    number_end: int
    value: float
    unit: str | None
    qualifier: str | None
    counts: str | None


class FigureExtractor:
    def __init__(self, code: str) -> None:
        self.code = code
        self.r = rules(code)

    def figures(
        self, doc: Doc, offset: int, exclude: list[tuple[int, int]], first_index: int
    ) -> list[Figure]:
        """Figures of one parsed block; ``exclude`` holds clean-text spans (dates) to skip.

        ``first_index`` is the index the first figure will have in Digest.figures, so that
        part-of links point into the digest-wide list.
        """
        text = doc_text(doc)
        taken = Intervals((a - offset, b - offset) for a, b in exclude)
        raws: list[_Raw] = []
        # Digits first: « 340 millions » is one figure, not 340 and then « millions ».
        for candidates in (self._numbers(text), self._number_words(text)):
            for raw in candidates:
                if taken.overlaps(raw.number_start, raw.number_end):
                    continue
                self._complete(raw, doc, text)
                raws.append(raw)
                taken.add(raw.start, raw.end)
        raws.sort(key=lambda r: r.number_start)
        result: list[Figure] = []
        for k, raw in enumerate(raws):
            part_of = self._part_of(raws, k, doc, text)
            result.append(
                Figure(
                    span=Span(
                        start=offset + raw.start,
                        end=offset + raw.end,
                        text=text[raw.start : raw.end],
                    ),
                    number=Span(
                        start=offset + raw.number_start,
                        end=offset + raw.number_end,
                        text=text[raw.number_start : raw.number_end],
                    ),
                    value=raw.value,
                    unit=raw.unit,
                    counts=raw.counts,
                    qualifier=raw.qualifier,
                    part_of=first_index + part_of if part_of is not None else None,
                )
            )
        return result

    def _numbers(self, text: str) -> list[_Raw]:
        found = []
        for m in self.r.number.finditer(text):
            # What the checks read around the number, not the rest of the block each time
            # (copies of the whole block per number made the cost quadratic).
            after = text[m.end() : m.end() + _AFTER_WINDOW]
            before = _words_before(text, m.start())
            if (
                self.r.time_after.match(after)
                or self.r.ordinal_after.match(after)
                or _YEAR.match(m.group(0))
            ):
                continue
            if _inside_name(before, after):
                continue
            value = _value(m.group(0), self.r.decimal)
            if value is None:
                continue
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
        return found

    def _number_words(self, text: str) -> list[_Raw]:
        found = []
        for m in self.r.words.finditer(text):
            window = text[max(0, m.start() - 12) : m.end() + 12]
            if self.r.not_counts.search(window):
                continue
            value = word_value(m.group(0), self.code)
            if value is None:
                continue
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
        return found

    def _complete(self, raw: _Raw, doc: Doc, text: str) -> None:
        """Scale, unit, currency, qualifier and counted noun around the number."""
        after = self.r.unit_after.match(text[raw.number_end : raw.number_end + _AFTER_WINDOW])
        if after and (after.group("scale") or after.group("unit")):
            if after.group("scale"):
                raw.value *= self.r.scales[after.group("scale").lower()]
            if after.group("unit"):
                raw.unit = self.r.units.get(after.group("unit")) or self.r.units.get(
                    after.group("unit").lower()
                )
            raw.end = raw.number_end + after.end()
        # Both patterns end at the number (``$``): searched in the words just before it, from
        # where the spaces before the number begin, not over the whole block before it.
        currency = self.r.currency_before.search(
            text, _window_start(text, raw.number_start), raw.number_start
        )
        if currency:
            raw.unit = raw.unit or self.r.units.get(currency.group(1))
            raw.start = currency.start()
        qualifier = self.r.qualifier.search(text, _window_start(text, raw.start), raw.start)
        if qualifier:
            raw.qualifier = qualifier.group(1)
            raw.start = qualifier.start(1)
        noun = self._counted_noun(doc, raw)
        if noun is not None and raw.unit is None:
            raw.counts = noun.text
            raw.end = max(raw.end, noun.idx + len(noun.text))

    def _counted_noun(self, doc: Doc, raw: _Raw) -> Any:
        span = doc.char_span(raw.number_start, raw.number_end, alignment_mode="expand")
        if span is None:
            return None
        last = span[-1]
        # A common noun: « 21.500 dans le Finistère » does not count Finistère.
        # Counted things are common nouns, lowercase in both languages (the tagger sometimes
        # calls « Finistère » a NOUN).
        head = last.head
        if (
            last.dep_ == "nummod"
            and head.pos_ == "NOUN"
            and 0 < head.i - last.i <= 4
            and head.text[:1].islower()
        ):
            return head
        # "1,200 new jobs", « 2.600 de passagers »: a noun within the next few words, with only
        # modifiers (or « de » / "of") between.
        for tok in doc[last.i + 1 : last.i + 4]:
            if tok.pos_ == "NOUN" and tok.text[:1].islower():
                return tok
            linking = tok.pos_ == "ADP" and tok.lower_ in {"de", "d'", "d’", "of"}
            if not (tok.pos_ in {"ADJ", "NUM"} or linking) or tok.is_punct:
                break
        return None

    def _part_of(self, raws: list[_Raw], k: int, doc: Doc, text: str) -> int | None:
        """« 550 engins, dont 539 drones »: the nearest figure before, in the same sentence."""
        if k == 0:
            return None
        prev = raws[k - 1]
        between = text[prev.end : raws[k].start]
        if not self.r.part_of.search(between) or len(between) > 40:
            return None
        a = doc.char_span(prev.number_start, prev.number_end, alignment_mode="expand")
        b = doc.char_span(raws[k].number_start, raws[k].number_end, alignment_mode="expand")
        if a is None or b is None or a[0].sent.start != b[0].sent.start:
            return None
        return k - 1


# Characters read after a number: every unit, scale, time or ordinal suffix is far shorter
# (clean text has no runs of spaces: clean.py makes each one space).
_AFTER_WINDOW = 120
# Characters read before a number, past the spaces right before it: a currency sign or a
# qualifier (« environ », « près de ») is far shorter.
_BEFORE_WINDOW = 120


def _window_start(text: str, end: int) -> int:
    r"""Where a pattern anchored at ``end`` (« ...\s*$ ») can start: within _BEFORE_WINDOW
    characters before the run of spaces that ends at ``end``."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return max(0, start - _BEFORE_WINDOW)


def _words_before(text: str, end: int) -> str:
    """The text before ``end``, enough of it for _inside_name: its last two words whole."""
    start, reach = _window_start(text, end), _BEFORE_WINDOW
    while start > 0 and len(text[start:end].split()) < 3:
        start, reach = max(0, start - reach), reach * 2
    return text[start:end]


def _inside_name(before: str, after: str) -> bool:
    """« France 2 », « Ligue 1 »: a number right after a capitalised word, mid-sentence."""
    words = before.rstrip().split()
    if not words or before[-1:] not in (" ", " "):
        return False
    last = words[-1]
    if not last[-1].isalnum():  # « en Belgique, 705 personnes »
        return False
    mid_sentence = len(words) > 1 and not words[-2].endswith((".", "!", "?", ":"))
    return last[:1].isupper() and mid_sentence and not after[:1].isalpha()
