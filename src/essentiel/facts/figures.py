"""Figures: the numbers of the body, with their value, unit, qualifier and the noun they count.

- digits in the language's format (« 2.600 », « 48 000 », « 1,5 » in French; "1,200", "4.2" in
  English), a scale word (« 1,5 milliard »), a unit (« 20 % », « 126 km/h », « 340 millions de
  dollars »);
- number words, read by text2num (« cinq cents », "twenty-two");
- approximate counts (« une vingtaine de »), fractions (« la moitié des », « deux tiers »), and
  « un »/« une » where it is the number one (« un an », « au moins une fois »);
- glued units (« 4m2 », « 1m50 ») and ranges (« 3 à 3,5 millions »: the scale is shared);
- a qualifier just before (« plus de », "at least");
- the noun counted, from the parse (« 550 engins »);
- part-of relations: « 550 engins, dont 539 drones » makes 539 drones a part of 550 engins.
Not figures: dates and times, ordinals (« 11e », "21st"), years, numbers inside names
(« COVID-19 », « France 2 »), labels (« le numéro 2 », « l'article 8 »), phone numbers and
codes in brackets after a name (« Loire (42) »).
"""

from __future__ import annotations

import itertools
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
    clock_before: frozenset[str]
    clock_unit: re.Pattern[str] | None
    approximate: re.Pattern[str] | None
    approximates: dict[str, float]
    fraction: re.Pattern[str] | None
    fractions: dict[str, float]
    fraction_counts: dict[str, float]
    one: re.Pattern[str] | None
    labels_before: frozenset[str]
    idioms: re.Pattern[str] | None
    adjective_homographs: frozenset[str]
    month_after: re.Pattern[str] | None


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
    approximates = {k.lower(): float(v) for k, v in f.get("approximates", {}).items()}
    fractions = {k.lower(): float(v) for k, v in f.get("fractions", {}).items()}
    fraction_counts = {k.lower(): float(v) for k, v in f.get("fraction_counts", {}).items()}
    one_words, one_units = f.get("one_words", []), f.get("one_units", [])
    after_qualifier = f.get("one_after_qualifier", [])
    times = f"|(?P<times>{alternation(after_qualifier)})" if after_qualifier else ""
    return _Rules(
        code=code,
        # Not inside « 1.5 » or « 12/03 »; but after a full stop glued to a word
        # (« …sociaux.20% des cas »: paragraphs glued by the source).
        number=re.compile(rf"(?:(?<![\w.,/:-])|(?<=[^\W\d_]\.))(?:{digits})(?![\w-]|[.,]\d)"),
        # « un collège de neuf-- »: a dash pair is punctuation, not a compound's hyphen.
        words=re.compile(
            rf"(?<![\w-])(?:{word_alt})(?:{joiner}(?:{word_alt}))*(?![\w]|-(?!-))", re.I
        ),
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
        clock_before=frozenset(w.lower() for w in f.get("clock_before", [])),
        clock_unit=re.compile(rf"^\s?(?:{alternation(f['clock_units'])})(?!\w)", re.I)
        if f.get("clock_units")
        else None,
        # « une vingtaine de », « sa cinquantaine d' »: the collective only when it counts
        # something (« en quarantaine » does not).
        approximate=re.compile(
            rf"(?<![\w-])(?:(?:{alternation(one_words)})\s+)?(?:{alternation(list(approximates))})"
            rf"(?=\s+(?:de|d['’]))",
            re.I,
        )
        if approximates and one_words
        else None,
        approximates=approximates,
        fraction=re.compile(
            # A bare « tiers » or « moitié » only before what it divides (« le tiers des »,
            # not « un pays tiers »); with a count (« les deux tiers ») it stands alone.
            rf"(?<![\w-])(?:(?P<count>{alternation(list(fraction_counts))})\s+"
            rf"(?P<part>{alternation(list(fractions))})(?![\w-])"
            rf"|(?P<bare>{alternation(list(fractions))})(?=\s+(?:des?|du|d['’])))",
            re.I,
        )
        if fractions
        else None,
        fractions=fractions,
        fraction_counts=fraction_counts,
        # « un an », « une semaine »; « fois » only after a qualifier (« au moins une fois »),
        # which _number_one checks.
        one=re.compile(
            rf"(?<![\w-])(?:{alternation(one_words)})"
            rf"(?=\s+(?:(?P<unit>{alternation(one_units)}){times})(?![\w-]))",
            re.I,
        )
        if one_words and one_units
        else None,
        labels_before=frozenset(w.lower() for w in f.get("labels_before", [])),
        adjective_homographs=frozenset(w.lower() for w in f.get("adjective_homographs", [])),
        idioms=re.compile("|".join(f["number_idioms"]), re.I) if f.get("number_idioms") else None,
        # « un mois de mai » names a month, it does not count one.
        month_after=re.compile(
            rf"\s+\w+\s+(?:de|d['’]|of)\s*(?:{alternation(data['dates']['months'])})(?!\w)",
            re.I,
        )
        if data.get("dates", {}).get("months")
        else None,
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


def counts_noun(doc: Doc, start: int, end: int) -> bool:
    """Does the number at [start, end) of ``doc``'s text count the common noun right after
    it (« a réuni 1900 personnes », « un panel de 1822 Français », « 2014 voix »)? A count
    above one takes a plural noun, by the tagger or by an invariant ending (« voix »); a
    year does not (« en 2018 et 2019 risque de … », the verb tagged a singular noun; « le
    bilan 2019 reste »; « zone Natura 2000. »). The parser's arcs are not read: it hangs a
    year's digits on the verb as a date as often as on the noun as a count."""
    span = doc.char_span(start, end)
    if span is None or len(span) != 1 or span[0].i + 1 >= len(doc):
        return False
    noun = doc[span[0].i + 1]
    return noun.pos_ == "NOUN" and (
        "Plur" in noun.morph.get("Number", []) or noun.lower_.endswith(("s", "x", "z"))
    )


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
    # Where the number, its scale and unit end, before the counted noun: what a later number
    # may not overlap (« 35 à 45 ans » holds two figures, « 340 millions » one).
    unit_end: int = -1
    scale: str | None = None


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
        # Fractions and approximate counts before number words: « deux tiers » is one figure.
        for candidates in (
            self._numbers(text, doc),
            self._glued(text),
            self._fractions(text),
            self._approximates(text),
            self._ones(text),
            self._number_words(text),
        ):
            for raw in candidates:
                if taken.overlaps(raw.number_start, raw.number_end):
                    continue
                if self._adjective(doc, text, raw):
                    continue
                self._complete(raw, doc, text)
                raws.append(raw)
                taken.add(raw.start, max(raw.number_end, raw.unit_end))
        raws.sort(key=lambda r: r.number_start)
        self._share_range_scale(raws, text)
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

    def _numbers(self, text: str, doc: Doc | None = None) -> list[_Raw]:
        found = []
        for m in self.r.number.finditer(text):
            # What the checks read around the number, not the rest of the block each time
            # (copies of the whole block per number made the cost quadratic).
            after = text[m.end() : m.end() + _AFTER_WINDOW]
            before = _words_before(text, m.start())
            if (
                self.r.time_after.match(after)
                or self.r.ordinal_after.match(after)
                or (
                    _YEAR.match(m.group(0))
                    # « 2000 personnes »: a year's digits that count a noun are a figure
                    and not (doc is not None and counts_noun(doc, m.start(), m.end()))
                )
            ):
                continue
            if self._in_number_idiom(text, m.start(), m.end()):
                continue
            padded = len(m.group(0)) == 2 and m.group(0).startswith("0")
            if _inside_name(before, after) or self._label_or_clock(before, after, padded):
                continue
            if _in_phone_number(text, m.start(), m.end()) or _code_after_name(text, m, before):
                continue
            value = _value(m.group(0), self.r.decimal)
            if value is None:
                continue
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
        return found

    def _number_words(self, text: str) -> list[_Raw]:
        found = []
        for m in self.r.words.finditer(text):
            if self._in_idiom(text, m.start(), m.end()):
                continue
            if self._label_or_clock(_words_before(text, m.start()), text[m.end() : m.end() + 20]):
                continue
            value = word_value(m.group(0), self.code)
            if value is not None:
                found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
                continue
            # « entre six et douze mois »: two numbers joined by « et », not one.
            for part in _AND.split(m.group(0)):
                value = word_value(part, self.code) if part.strip() else None
                if value is not None:
                    start = m.start() + m.group(0).index(part)
                    end = start + len(part)
                    found.append(_Raw(start, end, start, end, value, None, None, None))
        return found

    def _adjective(self, doc: Doc, text: str, raw: _Raw) -> bool:
        """« de l'air neuf », « un logement neuf »: the adjective, not nine; it follows the
        noun it qualifies (« neuf juges » precedes it)."""
        if text[raw.number_start : raw.number_end].lower() not in self.r.adjective_homographs:
            return False
        span = doc.char_span(raw.number_start, raw.number_end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root.head
        return head.i < span.root.i and head.pos_ == "NOUN"

    def _in_number_idiom(self, text: str, start: int, end: int) -> bool:
        """« 24 heures sur 24 », « 7 jours sur 7 »: always, not a count."""
        if self.r.idioms is None:
            return False
        window_start = max(0, start - 20)
        return any(
            m.start() + window_start <= start and m.end() + window_start >= end
            for m in self.r.idioms.finditer(text[window_start : end + 20])
        )

    def _in_idiom(self, text: str, start: int, end: int) -> bool:
        """« tous les deux », « le risque zéro »: an idiom that holds the number word (not one
        merely near it: « l'un des deux immeubles » counts two buildings)."""
        window_start = max(0, start - 16)
        return any(
            m.start() + window_start < end and m.end() + window_start > start
            for m in self.r.not_counts.finditer(text[window_start : end + 16])
        )

    def _label_or_clock(self, before: str, after: str, zero_padded: bool = False) -> bool:
        """« le numéro 2 », « l'article 8 » label something; « à 14 heures », « minuit 50 »,
        « 07 heures » are clock times."""
        words = before.rstrip().split()
        last = re.sub(r"^\W*(?:\w+['’])?", "", words[-1]).lower() if words else ""
        if last in self.r.labels_before:
            return True
        if last in {"minuit", "midi"} and last in self.r.clock_before:
            return True
        return bool(
            self.r.clock_unit is not None
            and self.r.clock_unit.match(after)
            and (last in self.r.clock_before or zero_padded)
        )

    def _glued(self, text: str) -> list[_Raw]:
        """« 4m2 », « 1m50 »: a number glued to its unit, which the digits pattern leaves out."""
        found = []
        for m in _GLUED.finditer(text):
            unit = m.group("unit")
            if unit.lower() == "m" and m.group("cents"):
                value = float(m.group("whole")) + float(m.group("cents")) / 100
            elif m.group("cents"):
                continue
            else:
                value = _value(m.group("whole"), self.r.decimal) or 0.0
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
            found[-1].unit = self.r.units.get(unit) or self.r.units.get(unit.lower())
        return found

    def _fractions(self, text: str) -> list[_Raw]:
        """« la moitié des », « un tiers des », « deux tiers »: a share of a whole."""
        if self.r.fraction is None:
            return []
        found = []
        for m in self.r.fraction.finditer(text):
            if m.group("bare"):
                value = self.r.fractions[m.group("bare").lower()]
            else:
                count = self.r.fraction_counts[m.group("count").lower()]
                value = count * self.r.fractions[m.group("part").lower()]
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
        return found

    def _approximates(self, text: str) -> list[_Raw]:
        """« une vingtaine de militants »: about twenty (the guideline counts it)."""
        if self.r.approximate is None:
            return []
        found = []
        for m in self.r.approximate.finditer(text):
            value = self.r.approximates[m.group(0).split()[-1].lower()]
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), value, None, None, None))
        return found

    def _ones(self, text: str) -> list[_Raw]:
        """« un an », « une semaine », « au moins une fois »: « un »/« une » as the number."""
        if self.r.one is None:
            return []
        found = []
        for m in self.r.one.finditer(text):
            if self.r.month_after and self.r.month_after.match(text, m.end(), m.end() + 40):
                continue
            if m.group("times"):
                before = _words_before(text, m.start()).replace("d'", "de ").replace("d’", "de ")
                if not self.r.qualifier.search(before.rstrip() + " "):
                    continue
            found.append(_Raw(m.start(), m.end(), m.start(), m.end(), 1.0, None, None, None))
        return found

    def _share_range_scale(self, raws: list[_Raw], text: str) -> None:
        """« 3 à 3,5 millions d'hectolitres », « entre 2 et 3 milliards »: the first number of a
        range takes the scale and unit written once after the second."""
        for first, second in itertools.pairwise(raws):
            between = text[first.unit_end : second.number_start]
            if first.scale or not second.scale or not _RANGE_JOINER.fullmatch(between):
                continue
            first.value *= self.r.scales[second.scale.lower()]
            first.unit = first.unit or second.unit

    def _complete(self, raw: _Raw, doc: Doc, text: str) -> None:
        """Scale, unit, currency, qualifier and counted noun around the number."""
        raw.unit_end = raw.number_end
        after = self.r.unit_after.match(text[raw.number_end : raw.number_end + _AFTER_WINDOW])
        if after and (after.group("scale") or after.group("unit")):
            if after.group("scale"):
                raw.scale = after.group("scale")
                raw.value *= self.r.scales[after.group("scale").lower()]
            if after.group("unit"):
                raw.unit = self.r.units.get(after.group("unit")) or self.r.units.get(
                    after.group("unit").lower()
                )
            raw.end = raw.unit_end = raw.number_end + after.end()
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


# « 4m2 », « 1m50 », « 12km »: digits glued to a unit (the digits pattern wants a boundary).
_GLUED = re.compile(
    r"(?<![\w.,/:-])(?P<whole>\d+(?:,\d+)?)(?P<unit>km²|km|m²|m2|cm|mm|kg|m)(?P<cents>\d{2})?(?![\w-])"
)
# « six et douze »: the « et » between two number words that text2num cannot read as one.
_AND = re.compile(r"[\s-]+et[\s-]+", re.I)
# What joins the two numbers of a range (« 3 à 3,5 », « 400 ou 500 », « entre 2 et 3 »).
_RANGE_JOINER = re.compile(r"\s*(?:à|a|ou|et|-|–)\s*")
# French phone numbers: « 0 805 65 50 50 », « 01 23 45 67 89 », « 01.23.45.67.89 ».
_PHONE = re.compile(r"(?<!\d)0\s?\d(?:\d\d\s?\d\d(?:[\s.]?\d\d){3}|\d?(?:[\s.]?\d\d){4})(?!\d)")


def _in_phone_number(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - 16)
    return any(
        m.start() + window_start <= start and m.end() + window_start >= end
        for m in _PHONE.finditer(text[window_start : end + 16])
    )


def _code_after_name(text: str, m: re.Match[str], before: str) -> bool:
    """« Loire (42) », « l'Ardèche (07) »: a code in brackets right after a name."""
    if text[m.start() - 1 : m.start()] != "(" or text[m.end() : m.end() + 1] != ")":
        return False
    words = before[:-1].rstrip().split()
    return bool(words) and re.sub(r"^\w+['’]", "", words[-1])[:1].isupper()


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
    last = re.sub(r"^\w+['’]", "", words[-1])  # « d'Europe 1 »
    if not last or not last[-1].isalnum():  # « en Belgique, 705 personnes »
        return False
    mid_sentence = len(words) > 1 and not words[-2].endswith((".", "!", "?", ":"))
    return last[:1].isupper() and mid_sentence and not after[:1].isalpha()
