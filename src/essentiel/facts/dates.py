"""Dates: temporal expressions of the body, resolved against the publication date.

What news needs and general date parsers get wrong:
- « ce vendredi 4 juillet »: an explicit day, its year taken from the publication date;
- a bare weekday in past-tense narration (« vendredi ») is the most recent such day on or before
  publication, the same day included; in the future tense, the next one on or after it;
- « lundi dernier » / « lundi prochain » exclude the publication day;
- « hier soir », « ce matin », « au cours de la nuit » (the night before publication),
  « dans la nuit de jeudi à vendredi »;
- « plus tôt cette semaine », « la semaine dernière », « le mois dernier », « l'an dernier »;
- « au lendemain de l'appel »: anchored on an event of the text, kept as text when no date
  resolves it.
Words come from resources/<lang>/language.toml ([dates] and [temporal]).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from essentiel import resources
from essentiel.facts.figures import word_value
from essentiel.model import Anchor, DateGrain, DateMention, Span
from essentiel.resources import alternation


@dataclass(frozen=True)
class _Grammar:
    lang: str
    weekdays: dict[str, int]
    months: dict[str, int]
    day_offsets: dict[str, int]
    parts: dict[str, str]
    units: dict[str, str]
    last: frozenset[str]
    next: frozenset[str]
    anchors: dict[str, int]
    future_aux: frozenset[str]
    ago_units: dict[str, str]
    forward: re.Pattern[str]
    decade: re.Pattern[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def grammar(code: str) -> _Grammar:
    data: dict[str, Any] = resources.raw(code)
    dates, t = data["dates"], data["temporal"]
    weekdays = {w: i for i, w in enumerate(dates["weekdays"])}
    months = {m: i + 1 for i, m in enumerate(dates["months"])}
    wd, mo = alternation(list(weekdays)), alternation(list(months))
    part = alternation(list(t["parts_of_day"]))
    this, last, nxt = alternation(t["this"]), alternation(t["last"]), alternation(t["next"])
    first = alternation(t["first_of_month"])
    units = alternation(list(t["units"]))
    art = alternation(t["articles"]) if t["articles"] else "(?!)"
    day_prefix = alternation(t["day_prefix"])
    b, e = r"(?<![\w-])", r"(?![\w-])"
    day = rf"(?P<d>\d{{1,2}}|{first})(?:st|nd|rd|th|er)?"
    year = r"(?P<y>(?:1[89]|20)\d{2})"
    if code == "en":
        explicit = (
            rf"{b}(?:(?:{this})\s+)?(?:(?P<wd>{wd}),?\s+)?(?:(?:{day_prefix})\s+)?"
            rf"(?:(?P<m>{mo})\s+{day}|{day.replace('P<d>', 'P<d2>')}\s+(?:of\s+)?(?P<m2>{mo}))"
            rf"(?:,?\s+{year})?{e}"
        )
    else:
        explicit = (
            rf"{b}(?:(?:{this})\s+)?(?:(?P<wd>{wd})\s+)?(?:(?:{day_prefix})\s+)?"
            rf"{day}\s+(?P<m>{mo})(?:\s+{year})?{e}"
        )
    nb = t["night_between"]
    ago = t["ago"]
    ago_before = re.escape(ago["before"]) + r"\s+" if ago["before"] else ""
    ago_after = r"\s+" + re.escape(ago["after"]) if ago["after"] else ""
    numbers = alternation(
        [w for w in data["numbers"]["words"] if w not in data["numbers"].get("ignore", [])]
    )
    patterns = [
        ("explicit", explicit),
        ("month_year", rf"{b}(?P<m>{mo})\s+{year}{e}"),
        (
            "month",
            rf"{b}(?:{alternation(t['month_prepositions'])})[\s-]+(?P<m>{mo})"
            rf"(?:\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}",
        ),
        (
            "night_between",
            rf"{b}{re.escape(nb['prefix'])}\s+(?P<wd>{wd})\s+{re.escape(nb['joiner'])}\s+(?P<wd2>{wd})"
            rf"(?:\s+(?P<d>\d{{1,2}})\s+(?P<m>{mo})(?:\s+{year})?)?{e}",
        ),
        (
            "weekday",
            rf"{b}(?:(?P<this>{this})\s+|(?P<last_pre>{last})\s+|(?P<next_pre>{nxt})\s+)?"
            rf"(?P<wd>{wd})(?:\s+(?P<part>{part}))?(?:\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}",
        ),
        (
            "relative_day",
            rf"{b}(?P<rel>{alternation(list(t['day_offsets']))})(?:\s+(?P<part>{part}))?{e}",
        ),
        ("last_night", rf"{b}(?:{alternation(t['last_night'])}){e}"),
        ("this_part", rf"{b}(?:{this})\s+(?P<part>{part}){e}"),
        (
            "unit",
            rf"{b}(?:(?P<earlier>{alternation(t['earlier'])})\s+)?"
            rf"(?:(?P<this>{this})\s*(?P<unit>{units})"
            rf"|(?:(?:{art})\s*)?(?P<unit2>{units})\s+(?P<rel>{last}|{nxt})"
            rf"|(?P<rel2>{last}|{nxt})\s+(?P<unit3>{units})){e}",
        ),
        ("year", rf"{b}(?:{alternation(t['year_prepositions'])})\s+{year}{e}"),
        # A year on its own (« élu en 2017 » is read above; « la saison 2019-2020 », « 2022 »):
        # shorter than any other rule that holds it, so it only stands when none does.
        ("bare_year", rf"(?<![\w.,/-]){year}(?![\w%]|[.,]\d|\s?%)"),
        (
            "ago",
            rf"{b}{ago_before}(?P<n>\d{{1,3}}|{numbers})\s+"
            rf"(?P<ago_unit>{alternation(list(ago['units']))}){ago_after}{e}",
        ),
        (
            "event",
            rf"{b}(?P<anchor>{alternation(list(t['event_anchors']))})\s*(?P<event>[^,.;:!?«»\"]{{2,80}}?)"
            rf"(?=\s*[,.;:!?«»\"]|$)",
        ),
    ]
    return _Grammar(
        lang=code,
        weekdays=weekdays,
        months=months,
        day_offsets={k.lower(): v for k, v in t["day_offsets"].items()},
        parts=t["parts_of_day"],
        units=t["units"],
        last=frozenset(t["last"]),
        next=frozenset(t["next"]),
        anchors=t["event_anchors"],
        future_aux=frozenset(t["future_auxiliaries"]),
        ago_units={k.lower(): v for k, v in ago["units"].items()},
        forward=re.compile(rf"(?:{alternation(t['forward_markers'])})\s*$", re.IGNORECASE),
        decade=re.compile(
            rf"(?:{alternation(t['decades'])})\s+$" if t.get("decades") else "(?!)", re.IGNORECASE
        ),
        patterns=tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in patterns),
    )


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def _non_overlapping(hits: list[_Hit]) -> list[_Hit]:
    """Longest first, then earliest; a shorter hit inside a kept one is dropped."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def find(text: str, code: str) -> list[_Hit]:
    g = grammar(code)
    hits = [
        _Hit(m.start(), m.end(), name, m)
        for name, pattern in g.patterns
        for m in pattern.finditer(text)
        if m.group(0).strip()
    ]
    return _non_overlapping(hits)


def _weekday_on_or_before(day: dt.date, weekday: int, strict: bool = False) -> dt.date:
    back = (day.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return day - dt.timedelta(days=back)


def _weekday_on_or_after(day: dt.date, weekday: int, strict: bool = False) -> dt.date:
    ahead = (weekday - day.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return day + dt.timedelta(days=ahead)


def _nearest_year(
    published: dt.date, month: int, day: int, weekday: int | None = None
) -> dt.date | None:
    """The date with that day and month closest to publication (news rarely looks > 6 months).
    With a weekday (« samedi 18 mai »), the closest year where the calendar agrees with it,
    if one does: "Saturday, May 18" published in November 2019 is 2019-05-18, a Saturday, not
    2020-05-18, a Monday."""
    candidates: list[dt.date] = []
    for year in (published.year - 1, published.year, published.year + 1):
        with contextlib.suppress(ValueError):
            candidates.append(dt.date(year, month, day))
    agreeing = [c for c in candidates if weekday is not None and c.weekday() == weekday]
    pool = agreeing or candidates
    return min(pool, key=lambda c: abs(c - published)) if pool else None


def _night_ending(morning: dt.date) -> str:
    """The night that ends on the morning of ``morning``, as an ISO interval of two days."""
    return f"{(morning - dt.timedelta(days=1)).isoformat()}/{morning.isoformat()}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class DateResolver:
    def __init__(self, code: str) -> None:
        self.code = code
        self.g = grammar(code)

    def mentions(
        self,
        text: str,
        offset: int,
        published: dt.date | None,
        future_at: set[int] | Callable[[], set[int]] | None = None,
    ) -> list[DateMention]:
        """Temporal expressions of ``text`` (which starts at ``offset`` in the clean text).

        ``future_at`` holds the positions (relative to ``text``) of words governed by a verb in
        the future tense, from the parse: a bare weekday there looks forward. Or the function
        that finds them, called only if a bare weekday or month needs them (most blocks have
        none: reading every word's verb costs more than the dates themselves).
        """
        known: list[set[int]] = []

        def future() -> set[int]:
            if not known:
                known.append((future_at() if callable(future_at) else future_at) or set())
            return known[0]

        result = []
        for hit in find(text, self.code):
            try:
                mention = self._resolve(hit, text, offset, published, future)
            except OverflowError:
                # « hier » said on 0001-01-01, « l'an prochain » on 9999-12-31: no such day.
                mention = self._mention(hit, text, offset, None, DateGrain.DAY, "unresolved")
            if mention is not None:
                result.append(mention)
        return result

    def _mention(
        self,
        hit: _Hit,
        text: str,
        offset: int,
        value: str | None,
        grain: DateGrain,
        anchor: Anchor,
        part: str | None = None,
        anchor_text: str | None = None,
    ) -> DateMention:
        surface = text[hit.start : hit.end]
        return DateMention(
            span=Span(start=offset + hit.start, end=offset + hit.end, text=surface),
            value=value,
            grain=grain,
            part_of_day=part,
            anchor=anchor,
            anchor_text=anchor_text,
        )

    def _resolve(
        self,
        hit: _Hit,
        text: str,
        offset: int,
        published: dt.date | None,
        future_at: Callable[[], set[int]],
    ) -> DateMention | None:
        m, g = hit.match, self.g
        groups = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
        part = g.parts.get(groups.get("part") or "")

        def out(value: str | None, grain: DateGrain, anchor: Anchor, **kw: Any) -> DateMention:
            return self._mention(hit, text, offset, value, grain, anchor, **kw)

        if hit.rule == "explicit":
            month_name = groups.get("m") or groups.get("m2")
            month: int | None = g.months.get(month_name or "")
            day_text = groups.get("d") or groups.get("d2") or ""
            day_of_month = 1 if not day_text.isdigit() else int(day_text)
            if month is None or not 1 <= day_of_month <= 31:
                return None
            if groups.get("y"):
                # The calendar's own date: what dateparser gave for each day, month name and
                # year the pattern can match (checked on all of them), for ~1 ms a call less
                # and no second of building its time-zone patterns at the first (issue 31).
                try:
                    day = dt.date(int(groups["y"]), month, day_of_month)
                except ValueError:  # « 31 avril 2020 »: no such day
                    return None
                return out(day.isoformat(), DateGrain.DAY, "absolute")
            if published is None:
                return out(None, DateGrain.DAY, "unresolved")
            weekday = g.weekdays.get(groups.get("wd") or "")
            resolved = _nearest_year(published, month, day_of_month, weekday)
            return out(resolved.isoformat() if resolved else None, DateGrain.DAY, "publication")
        if hit.rule == "month_year":
            month = g.months[groups["m"]]
            return out(f"{groups['y']}-{month:02d}", DateGrain.MONTH, "absolute")
        if hit.rule in {"year", "bare_year"}:
            year_at = hit.start + m.start("y") - m.start()
            if int(groups["y"]) % 10 == 0 and g.decade.search(text[max(0, year_at - 15) : year_at]):
                # « les années 1980 »: the decade.
                first_year = int(groups["y"])
                return out(f"{first_year}/{first_year + 9}", DateGrain.YEAR, "absolute")
            return out(groups["y"], DateGrain.YEAR, "absolute")
        if published is None:
            anchor_text = groups.get("event") if hit.rule == "event" else None
            return out(None, DateGrain.DAY, "unresolved", anchor_text=anchor_text)
        if hit.rule == "month":
            month = g.months[groups["m"]]
            before_month = text[max(0, hit.start - 20) : hit.start + m.start("m") - m.start()]
            if groups.get("last"):  # « en février dernier »: strictly before this month
                year = published.year if month < published.month else published.year - 1
            elif groups.get("next"):  # « en mars prochain »: strictly after
                year = published.year if month > published.month else published.year + 1
            elif g.forward.search(before_month) or any(
                hit.start <= p < hit.end for p in future_at()
            ):
                # « se tiendra en mars »: this one or the next to come.
                year = published.year if month >= published.month else published.year + 1
            else:
                # « depuis mars », « en décembre » in past narration: the last one begun, as a
                # bare weekday is the last one (a month to come needs the future to say so).
                year = published.year if month <= published.month else published.year - 1
            return out(f"{year}-{month:02d}", DateGrain.MONTH, "publication")
        if hit.rule == "night_between":
            second = _weekday_on_or_before(published, g.weekdays[groups["wd2"]])
            if groups.get("d") and groups.get("m"):
                month, day_of_month = g.months[groups["m"]], int(groups["d"])
                if groups.get("y"):
                    # « 31 février 2025 » is no date: keep the weekday's reading.
                    with contextlib.suppress(ValueError):
                        second = dt.date(int(groups["y"]), month, day_of_month)
                else:
                    second = _nearest_year(published, month, day_of_month) or second
            return out(_night_ending(second), DateGrain.PART_OF_DAY, "publication", part="night")
        if hit.rule == "weekday":
            weekday = g.weekdays[groups["wd"]]
            if groups.get("last") or groups.get("last_pre"):
                day = _weekday_on_or_before(published, weekday, strict=True)
            elif groups.get("next") or groups.get("next_pre"):
                day = _weekday_on_or_after(published, weekday, strict=True)
            elif g.forward.search(text[: hit.start]) or any(
                hit.start <= p < hit.end for p in future_at()
            ):
                day = _weekday_on_or_after(published, weekday)
            else:
                day = _weekday_on_or_before(published, weekday)
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            return out(day.isoformat(), grain, "publication", part=part)
        if hit.rule == "relative_day":
            day = published + dt.timedelta(days=g.day_offsets[groups["rel"]])
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            return out(day.isoformat(), grain, "publication", part=part)
        if hit.rule == "last_night" or (hit.rule == "this_part" and part == "night"):
            return out(_night_ending(published), DateGrain.PART_OF_DAY, "publication", part="night")
        if hit.rule == "this_part":
            return out(published.isoformat(), DateGrain.PART_OF_DAY, "publication", part=part)
        if hit.rule == "unit":
            unit = g.units[groups.get("unit") or groups.get("unit2") or groups.get("unit3") or ""]
            rel = groups.get("rel") or groups.get("rel2")
            step = -1 if rel in g.last else 1 if rel in g.next else 0
            return out(_shift(published, unit, step), DateGrain(unit), "publication")
        if hit.rule == "ago":
            # « il y a douze ans », "three weeks ago".
            n_text = groups["n"] or ""
            count = int(n_text) if n_text.isdigit() else word_value(n_text, self.code)
            if count is None:
                return None
            unit = g.ago_units[groups["ago_unit"]]
            if unit == "day":
                return out(
                    (published - dt.timedelta(days=int(count))).isoformat(),
                    DateGrain.DAY,
                    "publication",
                )
            return out(_shift(published, unit, -int(count)), DateGrain(unit), "publication")
        if hit.rule == "event":
            return out(
                None,
                DateGrain.DAY,
                "text",
                anchor_text=(m.group("event") or "").strip(),
            )
        return None


def _shift(published: dt.date, unit: str, step: int) -> str:
    """The week, month or year ``step`` units from publication; OverflowError past the
    calendar (years 1 to 9999), as date arithmetic itself raises."""
    if unit == "week":
        return _iso_week(published + dt.timedelta(weeks=step))
    month_index = published.year * 12 + published.month - 1 + (step if unit == "month" else 0)
    year = month_index // 12 + (0 if unit == "month" else step)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{step:+d} {unit}(s) from {published} is outside the calendar")
    return f"{year:04d}-{month_index % 12 + 1:02d}" if unit == "month" else f"{year:04d}"
