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
  resolves it; « le lendemain », « ce jour-là »: from the last day the text named, if any;
- a day and month with no year (« le 20 juin ») is the nearest one, unless it is months away
  and its clause looks the other way (« depuis », past or future tense), or over four months
  ahead under no future verb (news tells what happened); « derniers » / « prochains » closing
  a list of days turns them all; the end of a range is on or after its start;
- a weekday beside a day and month is checked against the calendar, but near publication a
  contradicting weekday is the writer's slip; « le mercredi 26 » (no month) is found on the
  calendar, and with no such day near publication its weekday is the slip; the second
  weekday of « lundi et mardi » follows the first;
- a season months ahead under no future verb, or a month after a past participle
  (« déclenché en octobre »), is the last one; « qui devaient se tenir en mars » (a future
  seen from the past) the nearest one;
- « du lundi au vendredi » (a weekly schedule) and « le Journal du dimanche » are no dates,
  nor are habits and kinds: « chaque samedi », « le samedi soir » (on Saturday evenings),
  « chaque mois de mai », « pour un mois de septembre »;
- « l'automne prochain » is the next to begin (this year's in July); « en juin de l'année
  dernière » takes the year named after it; a part of the day right after a day is that day's
  (« le lendemain en fin d'après-midi »).
Words come from resources/<lang>/language.toml ([dates] and [temporal]).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from essentiel import resources
from essentiel.facts.figures import word_value
from essentiel.model import Anchor, DateGrain, DateMention, Span
from essentiel.resources import alternation

# Positions of words under a future, past and present verb (past None: no parse).
TenseSets = tuple[set[int], set[int] | None, set[int]]
# The tense of the verb governing the words in [start, end) of a block's text, as
# ``_Context.tense_at`` reads it from TenseSets, for a caller that reads only those words.
TenseReader = Callable[[int, int], str | None]
# The lemma of the verb governing the words in [start, end), and whether that verb is a
# participle with no auxiliary standing before them (« des données rendues publiques
# aujourd'hui »): ``facts.BlockTenses.verb_at``.
VerbReader = Callable[[int, int], tuple[str, bool] | None]
# Rules whose value never depends on the tense of the clause.
_NO_TENSE = frozenset(
    {
        "explicit",
        "month_year",
        "year",
        "bare_year",
        "relative_day",
        "last_night",
        "this_part",
        "unit",
        "ago",
        "text_day",
    }
)


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
    one: frozenset[str]
    forward: re.Pattern[str]
    since: re.Pattern[str]
    decade: re.Pattern[str]
    decade_words: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    feasts_fixed: dict[str, tuple[int, int]]
    feasts_easter: dict[str, int]
    year_parts: dict[str, int]
    year_parts_with_year: frozenset[str]
    ordinals: dict[str, int]
    period_edge_units: dict[str, str]
    narrated_parts: dict[str, str]
    year_before_after: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # Per pattern, words (lowercase) of which every match holds one: a text holding none is
    # not scanned for it (``find``). Empty: always scanned.
    needs: tuple[tuple[str, ...], ...]
    # Patterns tried only right after a date (« octobre et de novembre »), or on their own.
    coordinated_month: re.Pattern[str]
    # « les 24 novembre, 1er et 8 décembre derniers »: the plural that closes a list of days
    # turns every one of them (matched right after a day of the list).
    list_tail: re.Pattern[str]
    # « sont attendues samedi », « Attendu mercredi en Chine », « c'est mercredi que sont
    # attendues les conclusions »: a weekday awaited is ahead, whatever the parse says.
    awaited_before: re.Pattern[str]
    awaited_after: re.Pattern[str]
    # What stands between the two days of a range (« du 2 au 9 mars », « entre le 2 et le 9 »).
    range_joiner: re.Pattern[str]
    # « entre septembre et novembre 2016 », « en juin, juillet et août 2020 »: the months
    # after a month that end on a year (matched right after the month); and what stands
    # between the two months of a range (« de juillet 2019 à mars »).
    month_range_end: re.Pattern[str]
    month_joiner: re.Pattern[str]
    # « du lundi au vendredi »: two bare weekdays as a range, a weekly schedule (no date).
    frequency_range: re.Pattern[str]
    # « qui devaient se tenir en mars »: a future seen from the past.
    future_in_past: re.Pattern[str]
    # « un trafic normal est annoncé pour mardi »: a weekday after these is a day aimed at,
    # ahead whatever the tense of the announcing.
    deadline: re.Pattern[str]
    # « sa participation au prochain gala samedi soir »: a weekday after « prochain » and
    # the noun it qualifies (matched on the words before the weekday).
    next_noun: re.Pattern[str]
    # Names of outlets that hold a date word (« le Journal du dimanche », « Aujourd'hui en
    # France »): the word is part of the name, no date.
    dated_names: re.Pattern[str]
    # Nouns a feast qualifies as a kind of thing, no day (« le marché de Noël », « ses
    # courses de Noël »).
    feast_kinds: frozenset[str]
    # « chaque samedi », « le samedi soir » (on Saturdays), « chaque mois de mai », « pour un
    # mois de septembre »: the words before a weekday or a month that make it a habit or a
    # kind, no day of the calendar (matched on the words before the hit).
    habitual_weekday: re.Pattern[str] = field(default=re.compile("(?!)"))
    habitual_month: re.Pattern[str] = field(default=re.compile("(?!)"))
    # « le lundi suivant », « dès le lundi »: a weekday after the habitual article that these
    # close, or that these open, is a day.
    habitual_exceptions: re.Pattern[str] = field(default=re.compile("(?!)"))
    habitual_exceptions_before: re.Pattern[str] = field(default=re.compile("(?!)"))
    # « a appelé à un nouveau rassemblement vendredi »: a weekday after these and a few words
    # of what is called for is ahead, whatever the tense of the call.
    called_for: re.Pattern[str] = field(default=re.compile("(?!)"))
    # « la première semaine de septembre »: the words before a month that name one of its
    # weeks (group ``wk``, a key of ``month_weeks``: 1 the first, -1 the last).
    month_week: re.Pattern[str] | None = None
    month_weeks: dict[str, int] = field(default_factory=dict)
    # ``needs`` without repeats (six patterns need a month, three a weekday ...), and per
    # pattern the index of its words among them (-1: none needed): find tests each set of
    # words once per text.
    need_sets: tuple[tuple[str, ...], ...] = field(init=False, repr=False)
    need_of: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        sets = tuple(dict.fromkeys(words for words in self.needs if words))
        object.__setattr__(self, "need_sets", sets)
        object.__setattr__(
            self, "need_of", tuple(sets.index(words) if words else -1 for words in self.needs)
        )


def _joiner(words: list[str]) -> str:
    """A group matching one of these words, or nothing at all when the language has none."""
    return rf"(?:{alternation(words)})" if words else "(?!)"


def _preposition(words: list[str]) -> str:
    """An optional word before the next: a space after it, none after an elision (« d'avril »)."""
    if not words:
        return ""
    spaced = [w for w in words if not w.endswith(("'", "’"))]
    elided = [w for w in words if w.endswith(("'", "’"))]
    forms = ([rf"(?:{alternation(spaced)})\s+"] if spaced else []) + (
        [rf"(?:{alternation(elided)})"] if elided else []
    )
    return rf"(?:{'|'.join(forms)})?"


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
    # A word boundary that a hyphen does not break (« mi-mars » is one word), but the dash
    # closing an intertitle glued to its paragraph does (« - Merkel visée -Vendredi, »).
    b, e = r"(?:(?<![\w-])|(?<=\s-))", r"(?![\w-])"
    # « 1 er mai »: the ordinal's ending is sometimes cut off by a space.
    day = rf"(?P<d>\d{{1,2}}|{first})(?:st|nd|rd|th|\s?er)?"
    year = r"(?P<y>(?:1[89]|20)\d{2})"
    if code == "en":
        explicit = (
            rf"{b}(?:(?:{this})\s+)?(?:(?P<wd>{wd}),?\s+)?(?:(?:{day_prefix})\s+)?"
            rf"(?:(?P<m>{mo})\s+{day}|{day.replace('P<d>', 'P<d2>')}\s+(?:of\s+)?(?P<m2>{mo}))"
            rf"(?:,?\s+{year})?{e}"
        )
    else:
        explicit = (
            # « jeudi soir 22 mars »: a part of the day may stand between weekday and day.
            # « les 16-17 octobre »: the second day follows a hyphen.
            rf"(?:{b}|(?<=\d-))(?:(?:{this})\s+)?(?:(?P<wd>{wd})(?:\s+(?P<part>{part}))?\s+)?"
            rf"(?:(?:{day_prefix})\s+)?"
            rf"{day}\s+(?P<m>{mo})(?:\s+{year}|\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}"
        )
    nb = t["night_between"]
    night_prefix = alternation([nb["prefix"], *nb.get("also_prefix", [])])
    ago = t["ago"]
    ago_before = alternation([ago["before"], *ago.get("also_before", [])]) if ago["before"] else ""
    ago_before = rf"(?:{ago_before})\s+" if ago_before else ""
    ago_after = r"\s+" + re.escape(ago["after"]) if ago["after"] else ""
    hedge = rf"(?:(?:{alternation(ago['hedges'])})\s*)?" if ago.get("hedges") else ""
    numbers = alternation(
        [w for w in data["numbers"]["words"] if w not in data["numbers"].get("ignore", [])]
        + ago.get("one", [])
    )
    count = rf"(?P<n>\d{{1,3}}|{numbers})\s+(?P<ago_unit>{alternation(list(ago['units']))})"
    wd_glued = rf"(?:{b}|(?<=[^\W\d_])(?=(?-i:[A-Z])))"  # « par BFMTVMardi, » (glued paragraphs)
    patterns = [
        ("explicit", explicit),
        ("month_year", rf"{b}(?P<m>{mo})\s+{year}{e}"),
        (
            # « à partir de mai 2022 », « mi-mars 2020 »: with its year, that month.
            "month",
            rf"{b}(?:{alternation(t['month_prepositions'])})[\s-]*(?<=[\s'’-])(?P<m>{mo})"
            rf"(?:\s+(?P<last>{last})|\s+(?P<next>{nxt})|\s+{year})?{e}",
        ),
        # « octobre dernier », « janvier prochain » with no preposition.
        ("month", rf"{b}(?P<m>{mo})(?:\s+(?P<last>{last})|\s+(?P<next>{nxt})){e}"),
        (
            "night_between",
            rf"{b}(?:{night_prefix})\s+(?P<wd>{wd})\s+{re.escape(nb['joiner'])}\s+(?P<wd2>{wd})"
            rf"(?:\s+(?P<d>\d{{1,2}})\s+(?P<m>{mo})(?:\s+{year})?)?{e}",
        ),
        (
            "weekday",
            # Not « chaque samedi »: a frequency, no date (the guideline leaves them out;
            # ``habitual_weekday`` drops them in ``find``).
            rf"{wd_glued}"
            rf"(?:(?P<this>{this})\s+|(?P<last_pre>{last})\s+|(?P<next_pre>{nxt})\s+)?"
            rf"(?P<wd>{wd})(?:\s+(?:en\s+)?(?P<part>{part}))?"
            rf"(?:\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}",
        ),
        (
            # « le mercredi 26 », « samedi 7, à Paris »: a weekday and a day of the month
            # with no month, the calendar says which (not « lundi 18.616 cas »,
            # « vendredi 10 lignes »: a count after a weekday).
            "weekday_day",
            rf"{wd_glued}(?:(?:{this})\s+)?(?P<wd>{wd})(?:\s+(?P<part>{part}))?"
            rf"\s+(?P<d>\d{{1,2}}|{first})(?:er)?(?![\w%]|[.,]\d|\s*(?:h\d|heures?\b))"
            rf"(?=\s*[,.;:!?)»\"”]|\s+(?:{alternation(t.get('day_joiners', ['and']))})\s|\s*$)",
        ),
        (
            "relative_day",
            # Not « les règles d'aujourd'hui » (of now) nor « jusqu'à aujourd'hui » (so far).
            rf"{b}(?<![dD]['’])(?<!jusqu'à )(?<!jusqu’à )"
            rf"(?P<rel>{alternation(list(t['day_offsets']))})(?:\s+(?P<part>{part}))?{e}",
        ),
        ("last_night", rf"{b}(?:{alternation(t['last_night'])}){e}"),
        ("this_part", rf"{b}(?:{this})\s+(?P<part>{part}){e}"),
        (
            "unit",
            rf"{b}(?:(?P<earlier>{alternation(t['earlier'])})\s+)?"
            # « ce mois-ci »: « -ci » says this one too.
            rf"(?:(?P<this>{this})\s*(?P<unit>{units})(?:-ci)?"
            rf"|(?:(?:{art})\s*)?(?P<unit2>{units})\s+(?P<rel>{last}|{nxt})"
            rf"|(?P<rel2>{last}|{nxt})\s+(?P<unit3>{units})){e}",
        ),
        # « en 2017 », « mi-2016 »
        ("year", rf"{b}(?:{alternation(t['year_prepositions'])})(?:\s+|(?<=mi)-){year}{e}"),
        # A year on its own (« élu en 2017 » is read above; « la saison 2019-2020 », « 2022 »):
        # shorter than any other rule that holds it, so it only stands when none does.
        (
            "bare_year",
            rf"(?:(?<![\w.,/-])|(?<=(?:1[89]|20)\d{{2}}[-/])){year}(?![\w%]|[.,]\d|\s?%)",
        ),
        ("ago", rf"{b}{ago_before}{hedge}{count}{ago_after}{e}"),
        (
            "event",
            rf"{b}(?P<anchor>{alternation(list(t['event_anchors']))})\s*(?P<event>[^,.;:!?«»\"]{{2,80}}?)"
            rf"(?=\s*[,.;:!?«»\"]|$)",
        ),
    ]
    if ago.get("ahead"):
        patterns.append(("ahead", rf"{b}{re.escape(ago['ahead'])}\s+{hedge}{count}{e}"))
    if ago.get("later"):
        patterns.append(("later", rf"{b}{hedge}{count}\s+(?:{alternation(ago['later'])}){e}"))
    if ago.get("sooner"):
        # « trois ans plus tôt »: back from the date the text gave before, as « plus tard »
        # counts on from it.
        patterns.append(("sooner", rf"{b}{hedge}{count}\s+(?:{alternation(ago['sooner'])}){e}"))
    if nb.get("joiner_days"):
        night_joiners = alternation([nb["joiner_days"], nb["joiner"]])
        patterns.append(
            (
                "night_days",
                # « dans la nuit du 9 au 10 mars », « … de samedi 28 à dimanche 29 avril »,
                # « … du 30 septembre au 1er octobre » and « dans la nuit du 21 juin », the
                # night that begins on that day
                rf"{b}(?:{night_prefix})\s+(?:(?:{wd})\s+)?(?:(?P<d0>\d{{1,2}}|{first})(?:er)?\s+"
                rf"(?:(?:{mo})\s+)?(?:{night_joiners})\s+(?:(?P<wd2>{wd})\s+)?)?"
                rf"(?P<d>\d{{1,2}}|{first})(?:er)?\s+(?P<m>{mo})(?:\s+{year})?{e}",
            )
        )
    if t.get("decade_words"):
        patterns.append(
            (
                "decade",
                rf"{b}(?:{alternation(t['decades'])})\s+"
                rf"(?P<dec>{alternation(list(t['decade_words']))}|\d0){e}",
            )
        )
    if t.get("weekend"):
        patterns.append(
            (
                "weekend",
                rf"{b}(?:(?P<this>{alternation(t['weekend_openers'])})\s+)"
                rf"(?:{alternation(t['weekend'])})(?:\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}",
            )
        )
    if t.get("seasons"):
        season = alternation(list(t["seasons"]))
        opener = alternation(t["season_openers"])
        patterns.append(
            (
                "season",
                rf"{b}(?:(?P<edge>{alternation(t['period_edges'])})\s+(?:de\s+l['’]|du\s+)"
                rf"|(?P<sopen>{opener})\s*|du\s+(?=(?:{season})\s+(?:(?:1[89]|20)\d{{2}}|{last}|{nxt})))"
                rf"(?<=[\s'’])(?P<season>{season})"
                rf"(?:\s+{year}|\s+(?P<last>{last})|\s+(?P<next>{nxt}))?{e}",
            )
        )
    if t.get("back_to_school"):
        patterns.append(
            (
                "rentree",
                rf"{b}(?:{alternation(t['back_to_school'])})(?:\s+{year})?{e}"
                # Not « la rentrée dans l'atmosphère », « la rentrée d'impôts », nor « la
                # rentrée scolaire du 11 mai » (the day says when).
                r"(?!\s+(?:dans|d['’]|du\s+\d))",
            )
        )
    if t.get("feasts_fixed"):
        feasts = alternation([*t["feasts_fixed"], *t["feasts_easter"]])
        # Capitalised, as a feast is written (« la Pentecôte », not « la toussaint » of a
        # quote's typo; « le Père Noël » has no opener).
        patterns.append(
            (
                "feast",
                rf"{b}(?:{alternation(t['feast_openers'])})\s+(?:(?:la|le)\s+|l['’])?"
                rf"(?P<feast>(?:lundi\s+de\s+)?(?=(?-i:[A-ZÉ]))(?:{feasts}))(?:\s+{year})?{e}"
                # « Noël Le Graët »: a first name, not the feast.
                r"(?!\s+(?-i:[A-ZÉ]))",
            )
        )
    if t.get("year_parts"):
        patterns.append(
            (
                "year_part",
                rf"{b}(?:(?:{art})\s*|au\s+)?(?P<ord>{alternation(list(t['ordinals']))})\s+"
                rf"(?P<ypart>{alternation(list(t['year_parts']))})"
                rf"(?:\s+(?:(?:{alternation(t.get('year_part_joiners') or [])})\s*)?{year})?{e}",
            )
        )
    if t.get("period_edge_units"):
        patterns.append(
            (
                "period_edge",
                rf"{b}(?:(?:{art})\s*|en\s+|au\s+)?(?P<edge>{alternation(t['period_edges'])})\s+"
                rf"(?P<punit>{alternation(list(t['period_edge_units']))})"
                rf"(?:\s+(?P<last>{last})|\s+(?P<next>{nxt})|\s+{year})?{e}"
                # « la fin du mois d'août »: the month named, read by the month rule.
                rf"(?!\s*d(?:e\s+|['’]\s*)(?:{mo}){e})",
            )
        )
    if t.get("narrated_parts"):
        patterns.append(
            (
                "narrated_part",
                rf"{b}(?:(?P<earlier>{alternation(t['earlier'])})\s+)?"
                rf"(?:{alternation(t['narrated_part_openers'])})\s*(?<=[\s'’])"
                rf"(?P<npart>{alternation(list(t['narrated_parts']))}){e}(?!\s+d[eu]\s|\s+d['’])",
            )
        )
    if t.get("that_year"):
        patterns.append(("that_year", rf"{b}(?:{alternation(t['that_year'])}){e}"))
        patterns.append(
            ("year_rel", rf"{b}(?P<yrel>{alternation(list(t['year_before_after']))}){e}")
        )
    if t.get("text_days"):
        patterns.append(
            (
                "text_day",
                rf"{b}(?P<tday>{alternation(list(t['text_days']))})(?:\s+(?P<part>{part}))?{e}"
                r"(?!\s+(?:d[eu]|des)\s|\s+d['’])",
            )
        )
    if t.get("eve"):
        patterns.append(
            ("eve", rf"{b}(?:{alternation(t['eve'])}){e}(?!\s+(?:d[eu]|au|d['’]|des)\b)")
        )
    if t.get("day_joiners"):
        joiner = alternation(t["day_joiners"])
        # « les 16 et 23 août », « entre le 13 et le 16 février »: the first day alone.
        patterns.append(
            (
                "coordinated_day",
                rf"{b}(?:(?:{day_prefix})\s+)?(?P<d>\d{{1,2}})(?:er)?"
                # « les 16-17 octobre »: two days joined by a hyphen.
                rf"(?=(?:\s*,\s*\d{{1,2}})*(?:\s+(?:{joiner})\s+(?:(?:{day_prefix})\s+)?|-)"
                rf"\d{{1,2}}(?:er)?\s+(?P<m>{mo})(?:\s+{year})?{e})",
            )
        )
        # « fin avril, le 30 précisément »: a day of the month the text just named.
        patterns.append(
            (
                "bare_day",
                rf"{b}(?:{day_prefix})\s+(?P<d>\d{{1,2}})(?:er)?"
                rf"(?![\w%-]|\s*(?:%|{mo}|[.,]\d|h\d|heures?)|\s+(?:{joiner})\s)",
            )
        )
    plural_last = alternation(t.get("last_plural") or ["(?!)"])
    plural_next = alternation(t.get("next_plural") or ["(?!)"])
    # « les 3, 10 et 17 derniers »: a list of days closed by a plural « last » or « next ».
    coordinators = _joiner(t.get("list_coordinators", []))
    list_article = _joiner(t.get("list_day_articles", []))
    list_tail = re.compile(
        rf"(?:(?:\s*,\s*|\s+{coordinators}\s+)(?:(?:{day_prefix}|{list_article})\s+)?"
        rf"(?:\d{{1,2}}|{first})(?:er)?(?:\s+(?:{mo}))?)*"
        rf"\s+(?:(?P<last>{plural_last})|(?P<next>{plural_next})){e}",
        re.IGNORECASE,
    )
    coordinated_month = re.compile(
        rf"(?:\s*,\s*|\s+{_joiner(t.get('month_coordinators', []))}\s+)"
        rf"{_preposition(t.get('coordinated_month_prepositions', []))}(?P<m>{mo}){e}",
        re.IGNORECASE,
    )
    month_joiners = _joiner(t.get("month_range_joiners", []))
    month_lead = rf"(?:(?:{art})\s*)?(?:{_joiner(t.get('month_range_edges', []))}[\s-]*)?"
    month_lead += _preposition(t.get("coordinated_month_prepositions", []))
    month_step = rf"(?:\s*,\s*|\s+{month_joiners}\s+){month_lead}"
    month_range_end = re.compile(
        rf"(?:{month_step}(?:{mo})(?!\s+(?:1[89]|20)\d{{2}}){e})*"
        rf"{month_step}(?P<m>{mo})\s+{year}{e}",
        re.IGNORECASE,
    )
    # The vocabulary each pattern cannot match without (see _Grammar.needs): a month, a
    # weekday, a unit ... Each list must be the words of an alternation every match goes through.
    needs: dict[str, list[str]] = {
        "explicit": list(months),
        "month_year": list(months),
        "month": list(months),
        "night_days": list(months),
        "coordinated_day": list(months),
        "night_between": list(weekdays),
        "weekday": list(weekdays),
        "weekday_day": list(weekdays),
        "ago": list(ago["units"]),
        "later": list(ago.get("later") or []),
        "sooner": list(ago.get("sooner") or []),
        "ahead": [ago["ahead"]] if ago.get("ahead") else [],
        "season": list(t.get("seasons", {})),
        "feast": [*t.get("feasts_fixed", {}), *t.get("feasts_easter", {})],
        "year_part": list(t.get("year_parts", {})),
        "period_edge": list(t.get("period_edge_units", {})),
        "narrated_part": list(t.get("narrated_parts", {})),
        # Phrases matched whole (their alternation is of literal phrases), and the year's
        # literal first two digits: the patterns below scan every block otherwise, and most
        # blocks hold none of these (issue 31).
        "relative_day": list(t["day_offsets"]),
        "last_night": list(t["last_night"]),
        "this_part": list(t["parts_of_day"]),
        "event": list(t["event_anchors"]),
        "year": ["18", "19", "20"],
        "bare_year": ["18", "19", "20"],
        "weekend": list(t.get("weekend") or []),
        "that_year": list(t.get("that_year") or []),
        "year_rel": list(t.get("year_before_after", {})),
        "text_day": list(t.get("text_days", {})),
        "eve": list(t.get("eve") or []),
        "rentree": list(t.get("back_to_school") or []),
        "decade": list(t.get("decades") or []),
    }
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
        one=frozenset(ago.get("one", [])),
        # « jusqu'à "mardi inclus" »: a quote mark may open after the marker.
        forward=re.compile(
            rf"(?:{alternation(t['forward_markers'])})\s*[\"«“]?\s*$", re.IGNORECASE
        ),
        since=re.compile(
            rf"(?:{alternation(t['since_markers'])})\s*$" if t.get("since_markers") else "(?!)",
            re.IGNORECASE,
        ),
        decade=re.compile(
            # « les années 1970 et 1990 »: the second is a decade too.
            rf"(?:{alternation(t['decades'])})\s+"
            rf"(?:(?:1[89]|20)\d0\s+{_joiner(t.get('decade_joiners', []))}\s+)?$"
            if t.get("decades")
            else "(?!)",
            re.IGNORECASE,
        ),
        decade_words=t.get("decade_words", {}),
        seasons={k: (v[0], v[1]) for k, v in t.get("seasons", {}).items()},
        feasts_fixed={
            k.lower(): (int(v[:2]), int(v[3:])) for k, v in t.get("feasts_fixed", {}).items()
        },
        feasts_easter={k.lower(): v for k, v in t.get("feasts_easter", {}).items()},
        year_parts=t.get("year_parts", {}),
        year_parts_with_year=frozenset(w.lower() for w in t.get("year_parts_with_year", [])),
        ordinals={k.lower(): v for k, v in t.get("ordinals", {}).items()},
        period_edge_units={k.lower(): v for k, v in t.get("period_edge_units", {}).items()},
        narrated_parts=t.get("narrated_parts", {}),
        year_before_after={k.lower(): v for k, v in t.get("year_before_after", {}).items()},
        patterns=tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in patterns),
        needs=tuple(_needed_words(needs.get(name, [])) for name, _ in patterns),
        coordinated_month=coordinated_month,
        list_tail=list_tail,
        awaited_before=re.compile(
            rf"{b}(?:{alternation(t['awaited'])})\s+$" if t.get("awaited") else "(?!)",
            re.IGNORECASE,
        ),
        awaited_after=re.compile(
            rf"\s+{_preposition(t.get('awaited_relatives', []))}"
            rf"(?:(?:{alternation(t.get('awaited_copulas') or ['(?!)'])})\s+)?"
            rf"(?:{alternation(t['awaited'])}){e}"
            if t.get("awaited")
            else "(?!)",
            re.IGNORECASE,
        ),
        range_joiner=re.compile(
            rf"\s*(?:{alternation(t['range_joiners'])})\s*(?:(?:{day_prefix})\s+)?"
            if t.get("range_joiners")
            else "(?!)",
            re.IGNORECASE,
        ),
        month_range_end=month_range_end,
        month_joiner=re.compile(rf"\s+{month_joiners}\s+{month_lead}", re.IGNORECASE),
        frequency_range=_frequency_range(t.get("frequency_range"), wd, part, b),
        deadline=_ending_with(t.get("deadline_markers", []), b),
        next_noun=re.compile(
            rf"{b}(?:{nxt})\s+(?:[^\W\d_][\w'’-]*\s+){{1,{int(t.get('next_noun_words', 0))}}}$"
            if t.get("next_noun_words")
            else "(?!)",
            re.IGNORECASE,
        ),
        future_in_past=_listed(t.get("future_in_past"), lambda a: rf"{b}(?:{a})(?![\w-])"),
        dated_names=_dated_names(
            [*weekdays, *months, *(k.lower() for k in t["day_offsets"])],
            b,
            t.get("dated_titles", []),
        ),
        feast_kinds=frozenset(w.lower() for w in t.get("feast_kinds", [])),
        habitual_weekday=_ending_with(t.get("habitual_weekday_openers", []), b),
        habitual_month=_ending_with(t.get("habitual_month_openers", []), b),
        habitual_exceptions=_listed(t.get("habitual_exceptions"), lambda a: rf"\s+(?:{a}){e}"),
        habitual_exceptions_before=_listed(
            t.get("habitual_exceptions_before"), lambda a: rf"{b}(?:{a})\s+\w+\s+$"
        ),
        month_week=re.compile(
            rf"{b}(?:(?:{art})\s*)?(?P<wk>{alternation(list(t['month_weeks']))})\s+"
            rf"(?:{alternation(t['month_week_nouns'])})\s+(?:de\s+|d['’])$",
            re.IGNORECASE,
        )
        if t.get("month_weeks")
        else None,
        month_weeks={k.lower(): v for k, v in t.get("month_weeks", {}).items()},
        called_for=re.compile(
            rf"{b}(?:{alternation(t['called_for'])})\s+"
            rf"(?:[^\W\d_][\w'’-]*\s+){{0,{int(t.get('called_for_words', 0))}}}$"
            if t.get("called_for")
            else "(?!)",
            re.IGNORECASE,
        ),
    )


def _listed(words: list[str] | None, pattern: Callable[[str], str]) -> re.Pattern[str]:
    """``pattern`` of the alternation of ``words`` (case-insensitive); one that never matches
    when the language lists none."""
    if not words:
        return re.compile("(?!)")
    return re.compile(pattern(alternation(words)), re.IGNORECASE)


def _ending_with(words: list[str], b: str) -> re.Pattern[str]:
    """One of ``words`` as the last words before a position (searched on the text before it)."""
    if not words:
        return re.compile("(?!)")
    return re.compile(rf"{b}(?:{alternation(words)})\s+$", re.IGNORECASE)


def _frequency_range(
    words: dict[str, list[str]] | None, wd: str, part: str, b: str
) -> re.Pattern[str]:
    """« du lundi au vendredi »: two bare weekdays (no day of the month after either) that a
    range's opener and joiner tie together."""
    if not words:
        return re.compile("(?!)")
    day = rf"(?:{wd})(?:\s+(?:{part}))?"
    return re.compile(
        rf"{b}(?:{alternation(words['openers'])})\s+{day}\s+"
        rf"(?:{alternation(words['joiners'])})\s+{day}(?!\w|\s*\d)",
        re.IGNORECASE,
    )


def _dated_names(date_words: list[str], b: str, titles: list[str] | None = None) -> re.Pattern[str]:
    """The outlets of resources/common/organisations.toml whose name holds one of
    ``date_words``, matched with or without their article (« Journal du Dimanche »), and the
    programmes' titles of the language file (« Vivement dimanche »)."""
    folded = {w.lower() for w in date_words}
    names = [
        re.sub(r"^(?:Le|La|Les|L['’])\s*", "", name)
        for group in resources.common_data("organisations").get("outlets", [])
        for name in group
        if folded & set(re.split(r"[\s'’-]+", name.lower()))
        or any(w in name.lower() for w in folded if "'" in w or " " in w)
    ]
    names += titles or []
    if not names:
        return re.compile("(?!)")
    spelled = [r"\s+".join(re.escape(w) for w in n.split()).replace("'", "['’]") for n in names]
    return re.compile(rf"{b}(?:{'|'.join(spelled)})(?!\w)", re.IGNORECASE)


# Characters that re.IGNORECASE matches to a Latin letter other than the one str.lower() gives
# (« ſ » is an « s » to it, « İ » and « ı » an « i », « μ » the micro sign): a text or a word
# holding one is not prefiltered by substring (tests/test_facts_cost.py works the set out).
CASE_TRAPS = frozenset("İıſΜμµ")


def _needed_words(words: list[str]) -> tuple[str, ...]:
    if any(not CASE_TRAPS.isdisjoint(w) for w in words):
        return ()
    return tuple(sorted({w.lower() for w in words}))


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
    # Each pattern scans the whole text; one whose words (a month, a weekday ...) the text
    # does not hold cannot match, and is skipped: the same hits for a third of the cost.
    # Each set of words is looked for once (str.__contains__ mapped over it: no generator).
    if CASE_TRAPS.isdisjoint(text):
        lowered = text.lower()
        held = [any(map(lowered.__contains__, words)) for words in g.need_sets]
        scanned = [need < 0 or held[need] for need in g.need_of]
    else:
        scanned = [True] * len(g.patterns)
    hits = [
        _Hit(m.start(), m.end(), name, m)
        for (name, pattern), scan in zip(g.patterns, scanned, strict=True)
        if scan
        for m in pattern.finditer(text)
        if m.group(0).strip()
    ]
    # « la surface de Mars », « vers Mars »: a capitalised month after a lowercase word is a
    # name (French writes its months lower case), not a date.
    hits = [h for h in hits if not (h.rule == "month" and _capitalised_month(h))]
    hits = _without_habits(hits, text, g)
    # « du lundi au vendredi »: a weekly schedule; « le Journal du dimanche »: a name.
    # Looked for only where a hit could be inside one: most blocks have no date at all.
    patterns = [g.frequency_range] if any(h.rule == "weekday" for h in hits) else []
    skipped = [
        (m.start(), m.end())
        for pattern in ([g.dated_names, *patterns] if hits else [])
        for m in pattern.finditer(text)
    ]
    if skipped:
        hits = [
            h for h in hits if not any(start <= h.start and h.end <= end for start, end in skipped)
        ]
    # « la canicule de juillet »: the span is the month, as « de » is left out of it after
    # « octobre et de novembre » below.
    hits = [_Hit(h.match.start("m"), h.end, h.rule, h.match) if _after_de(h) else h for h in hits]
    kept = _non_overlapping(hits)
    # « les mois d'octobre et de novembre », « en juin, juillet »: a month coordinated with a
    # month just read is a month too, though no preposition of its own says so.
    extra: list[_Hit] = []
    for hit in kept:
        last = hit
        while last.rule in {"month", "month_year"}:
            m = g.coordinated_month.match(text, last.end)
            if m is None:
                break
            # The span is the month alone (« de novembre » → « novembre »).
            coordinated = _Hit(m.start("m"), m.end(), "month", m)
            if any(not (coordinated.end <= k.start or coordinated.start >= k.end) for k in kept):
                break
            extra.append(coordinated)
            last = coordinated
    return sorted(kept + extra, key=lambda h: h.start)


def _without_habits(hits: list[_Hit], text: str, g: _Grammar) -> list[_Hit]:
    """The hits that are no habit (``_habitual``), nor a weekday coordinated right after a
    habitual one (« que le samedi soir ou dimanche matin »)."""
    kept: list[_Hit] = []
    habits: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if _habitual(hit, text, g) or (
            hit.rule == "weekday"
            and any(
                h.rule == "weekday" and _COORDINATED.fullmatch(text, h.end, hit.start)
                for h in habits
            )
        ):
            habits.append(hit)
        else:
            kept.append(hit)
    return kept


# What joins two weekdays of one habit (« le samedi soir ou dimanche matin »).
_COORDINATED = re.compile(r"\s*(?:,|et|ou|and|or)\s*", re.IGNORECASE)


def _habitual(hit: _Hit, text: str, g: _Grammar) -> bool:
    """« chaque samedi », « ne lever les gardes à vue que le samedi soir », « organisées chaque
    mois de mai », « le plus bas pour un mois de septembre »: a habit or a kind of day, no
    date; not « le lundi suivant », a day counted from the one narrated, nor « dès le
    vendredi matin »."""
    before = text[max(0, hit.start - 20) : hit.start]
    if hit.rule == "weekday":
        return (
            bool(g.habitual_weekday.search(before))
            and not g.habitual_exceptions.match(text, hit.end)
            and not g.habitual_exceptions_before.search(before)
        )
    return hit.rule == "month" and bool(g.habitual_month.search(before))


def _capitalised_month(hit: _Hit) -> bool:
    month = hit.match.group("m")
    opener = hit.match.group(0)[: hit.match.start("m") - hit.match.start()]
    return month[:1].isupper() and month[1:].islower() and opener[:1].islower()


def _after_de(hit: _Hit) -> bool:
    if hit.rule != "month":
        return False
    if hit.match.groupdict().get("y"):
        return True  # « en mars 2019 », « à partir de mai 2022 »: the month and year
    opener = hit.match.group(0)[: hit.match.start("m") - hit.match.start()]
    return opener.strip().lower() in {"de", "d'", "d’"}


def is_count(mention: DateMention, code: str) -> bool:
    """Does the expression hold a count of units (« il y a douze ans », « cinq ans plus
    tard »)? Its number is a figure too (bench/gold/README.md counts it as both)."""
    return any(
        pattern.fullmatch(mention.span.text)
        for name, pattern in grammar(code).patterns
        if name in {"ago", "ahead", "later", "sooner"}
    )


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
    published: dt.date, month: int, day: int, weekday: int | None = None, side: int = 0
) -> dt.date | None:
    """The date with that day and month closest to publication (news rarely looks > 6 months).
    With a weekday (« samedi 18 mai »), the closest year where the calendar agrees with it,
    if one does: "Saturday, May 18" published in November 2019 is 2019-05-18, a Saturday, not
    2020-05-18, a Monday."""
    candidates: list[dt.date] = []
    for year in (published.year - 1, published.year, published.year + 1):
        with contextlib.suppress(ValueError):
            candidates.append(dt.date(year, month, day))
    if side:
        candidates = [c for c in candidates if (c - published).days * side > 0]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: abs(c - published))
    agreeing = [c for c in candidates if weekday is not None and c.weekday() == weekday]
    if not agreeing or abs((nearest - published).days) <= _SLIP_DAYS:
        return nearest
    return min(agreeing, key=lambda c: abs(c - published))


def _night_ending(morning: dt.date) -> str:
    """The night that ends on the morning of ``morning``, as an ISO interval of two days."""
    return f"{(morning - dt.timedelta(days=1)).isoformat()}/{morning.isoformat()}"


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# A day and month this close to publication is read without the tense of its clause.
_NEAR_DAYS = 90
# How far from publication « le mercredi 26 » (no month) is looked for.
_WEEKDAY_DAY_REACH = 200
# Further ahead than this, a day and month under no future verb is the one before.
_FAR_AHEAD_DAYS = 120
# « la veille » counts from the day the text last named if that day is at most this many
# days before publication (a week: the news of the days before).
_EVE_REACH_DAYS = 7
# … and named at most this many characters before it (the two or three sentences before).
_EVE_REACH_CHARS = 400
# A month put off to (« reporté en octobre ») is the one to come if at most this many months
# ahead.
_POSTPONED_MONTHS = 6
# A weekday that the calendar contradicts for a day this near publication is a slip of the
# writer's (« mardi 31 janvier » published on Wednesday 31 January 2018: 31 January 2017 was
# a Tuesday, but a year back is the less likely reading), not a day a year away.
_SLIP_DAYS = 14
# « vendredi 19 » (no month) with no Friday 19th this near publication: the weekday is the slip.
_WEEKDAY_SLIP_DAYS = 40
# How far after a date of a past year a bare month still continues its narration.
_NARRATED_REACH = 300


class DateResolver:
    def __init__(self, code: str) -> None:
        self.code = code
        self.g = grammar(code)
        temporal = resources.raw(code)["temporal"]
        self.g_this = frozenset(w.lower() for w in temporal["this"])
        self.g_participle_endings = tuple(temporal.get("past_participle_endings", []))
        self.g_forward_participles = frozenset(temporal.get("forward_participles", []))
        self.g_postponed = frozenset(temporal.get("postponed_participles", []))
        self.g_postponed_links = frozenset(temporal.get("postponed_links", []))
        self.g_nowadays = frozenset(w.lower() for w in temporal.get("nowadays", []))
        self.g_today_verbs = frozenset(w.lower() for w in temporal.get("today_verbs", []))
        self.g_compared = _ending_with(temporal.get("nowadays_compared", []), r"(?<![\w-])")
        # A participle before « aujourd'hui » may be of either list (« rendus publics »).
        self.g_today_participles = self.g_today_verbs | frozenset(
            w.lower() for w in temporal.get("today_participles", [])
        )

    def mentions(
        self,
        text: str,
        offset: int,
        published: dt.date | None,
        future_at: set[int] | Callable[[], set[int]] | None = None,
        past_at: set[int] | None = None,
        present_at: set[int] | None = None,
        earlier: list[DateMention] | None = None,
        tenses: Callable[[], TenseSets] | None = None,
        tense_reader: TenseReader | None = None,
        counted: Callable[[int, int], bool] | None = None,
        verb_reader: VerbReader | None = None,
    ) -> list[DateMention]:
        """Temporal expressions of ``text`` (which starts at ``offset`` in the clean text).

        ``future_at``, ``past_at`` and ``present_at`` hold the positions (relative to
        ``text``) of words governed by a verb in that tense, from the parse: a bare weekday
        or month there looks forward, back, or to the nearest one. Without ``past_at`` (no
        parse), whatever is not future reads as past narration. ``tenses``, when given, finds
        the three sets itself and is called only if an expression needs a tense (most blocks
        have none: reading every word's verb costs more than the dates themselves); so may
        ``future_at``. ``earlier`` holds the dates the text gave before ``text``: « cinq ans
        plus tard », « cette année-là », « dans la soirée » count from the last of them.
        ``tense_reader``, when given, answers for the words of an expression alone, in place
        of the three sets (the same answers: ``facts.BlockTenses``). ``counted``, when given,
        says from the parse whether the number in [start, end) counts the noun after it
        (« 2000 personnes », « un panel de 1822 Français »): such a year on its own is a figure.
        ``verb_reader``, when given, names the verb governing an expression (``VerbReader``).
        """
        if tenses is None:

            def given() -> TenseSets:
                future = future_at() if callable(future_at) else future_at
                return (future or set(), past_at, present_at or set())

            tenses = given
        result: list[DateMention] = []
        rules: list[str] = []
        context = _Context(
            tenses,
            list(earlier or []),
            offset,
            text,
            read_tense=tense_reader,
            read_verb=verb_reader,
            flashback=next((p for name, p in self.g.patterns if name == "sooner"), None),
        )
        for hit in find(text, self.code):
            if hit.rule == "bare_year" and counted is not None and counted(hit.start, hit.end):
                continue
            try:
                mention = self._resolve(hit, text, offset, published, context)
            except (OverflowError, ValueError):
                # « hier » said on 0001-01-01, « l'an prochain » on 9999-12-31: no such day.
                mention = self._mention(hit, text, offset, None, DateGrain.DAY, "unresolved")
            if mention is not None:
                result.append(mention)
                rules.append(hit.rule)
                context.before.append(mention)
        result = _month_of_the_year_after(_dated_by_apposition(result), text, offset)
        result = self._week_of_the_month(result, text, offset)
        return _part_of_the_day_after(result, rules)

    def _week_of_the_month(
        self, mentions: list[DateMention], text: str, offset: int
    ) -> list[DateMention]:
        """« la première semaine de septembre »: the week holding the month's first day
        (its second: a week later; its last: the week of the month's last day), written
        before a month the month rule read. ``text`` is the block's, from ``offset``."""
        if self.g.month_week is None:
            return mentions
        out = list(mentions)
        for i, mention in enumerate(out):
            if not (
                mention.grain == DateGrain.MONTH
                and mention.value
                and re.fullmatch(r"\d{4}-\d{2}", mention.value)
            ):
                continue
            start = mention.span.start - offset
            m = self.g.month_week.search(text, max(0, start - 40), start)
            if m is None:
                continue
            year, month = int(mention.value[:4]), int(mention.value[5:])
            index = self.g.month_weeks[m.group("wk").lower()]
            first = dt.date(year, month, 1)
            if index > 0:
                day = first + dt.timedelta(weeks=index - 1)
            else:  # the last week: the one of the month's last day
                day = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            span = Span(
                start=offset + m.start(),
                end=mention.span.end,
                text=text[m.start() : start] + mention.span.text,
            )
            out[i] = mention.model_copy(
                update={"span": span, "value": _iso_week(day), "grain": DateGrain.WEEK}
            )
        # « dernière semaine » of « la dernière semaine de juin », read as last week: inside.
        return [
            d
            for d in out
            if not any(
                w is not d and w.span.start <= d.span.start and d.span.end <= w.span.end
                for w in out
                if w.grain == DateGrain.WEEK
            )
        ]

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
        self, hit: _Hit, text: str, offset: int, published: dt.date | None, context: _Context
    ) -> DateMention | None:
        m, g = hit.match, self.g
        # Only the expressions below that look around the publication date need a tense.
        tense = None if hit.rule in _NO_TENSE else context.tense(hit)
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
            resolved = self._day_and_month(
                hit, text, groups, context, published, month, day_of_month, weekday
            )
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            value = resolved.isoformat() if resolved else None
            return out(value, grain, "publication", part=part)
        if hit.rule == "month_year":
            month = g.months[groups["m"]]
            return out(f"{groups['y']}-{month:02d}", DateGrain.MONTH, "absolute")
        if hit.rule in {"year", "bare_year"}:
            year_at = hit.start + m.start("y") - m.start()
            if int(groups["y"]) % 10 == 0 and g.decade.search(text[max(0, year_at - 25) : year_at]):
                # « les années 1980 »: the decade.
                first_year = int(groups["y"])
                return out(f"{first_year}/{first_year + 9}", DateGrain.YEAR, "absolute")
            return out(groups["y"], DateGrain.YEAR, "absolute")
        if published is None:
            anchor_text = groups.get("event") if hit.rule == "event" else None
            return out(None, DateGrain.DAY, "unresolved", anchor_text=anchor_text)
        if hit.rule == "month":
            month = g.months[groups["m"]]
            before_month = text[max(0, m.start() - 20) : m.start("m")]
            if groups.get("y"):
                return out(f"{groups['y']}-{month:02d}", DateGrain.MONTH, "absolute")
            span_year = self._month_range_year(hit, text, month, context)
            if span_year is not None and not (groups.get("last") or groups.get("next")):
                # « entre septembre et novembre 2016 », « de juillet 2019 à mars »: the year
                # the range gives.
                return out(f"{span_year}-{month:02d}", DateGrain.MONTH, "absolute")
            narrated = self._narrated_year(hit, groups, context, month, published, before_month)
            if narrated is not None:
                year, anchor = narrated
                return out(
                    f"{year}-{month:02d}", DateGrain.MONTH, "text", anchor_text=anchor.span.text
                )
            if groups.get("last"):  # « en février dernier »: strictly before this month
                year = published.year if month < published.month else published.year - 1
            elif groups.get("next"):  # « en mars prochain »: strictly after
                year = published.year if month > published.month else published.year + 1
            elif (
                self._after_postponed(text, m.start())
                and (month - published.month) % 12 <= _POSTPONED_MONTHS
            ):
                # « la foire a été reportée en octobre » in August: the one to come,
                # whatever the tense of the auxiliary (not one most of a year away).
                year = published.year if month >= published.month else published.year + 1
            elif g.since.search(before_month) or tense == "past":
                # « depuis mars », « en décembre » in past narration: the last one begun, as a
                # bare weekday is the last one.
                year = published.year if month <= published.month else published.year - 1
            elif tense == "future" and self._future_in_past(text, m.start()):
                # « qui devaient se tenir en mars », « initialement prévu en mai »: the future
                # of a past plan, the nearest one.
                month_number = month
                year = min(
                    (published.year - 1, published.year, published.year + 1),
                    key=lambda y: abs((y - published.year) * 12 + month_number - published.month),
                )
            elif g.forward.search(before_month) or tense == "future":
                # « se tiendra en mars »: this one or the next to come.
                year = published.year if month >= published.month else published.year + 1
            elif tense == "unparsed":
                year = published.year if month <= published.month else published.year - 1
            else:
                # Present or no verb (« pour un vote espéré fin octobre »): the nearest one;
                # but one months ahead right after a past participle is the one before (« le
                # soulèvement déclenché en octobre » read in June; not « s'il n'y a pas de
                # reprise en septembre » read in May).
                month_number = month
                year = min(
                    (published.year - 1, published.year, published.year + 1),
                    key=lambda y: abs((y - published.year) * 12 + month_number - published.month),
                )
                if (
                    dt.date(year, month, 15) - published
                ).days > _FAR_AHEAD_DAYS and self._after_past_participle(text, m.start()):
                    year -= 1
            return out(f"{year}-{month:02d}", DateGrain.MONTH, "publication")
        if hit.rule == "night_between":
            if (
                tense == "future"
                or (tense != "past" and g.forward.search(text[: hit.start]))
                or (tense != "past" and g.weekdays[groups["wd"]] == published.weekday())
            ):
                # « dans la nuit de lundi à mardi, on attend des rafales » on a Monday: tonight
                second = _weekday_on_or_after(published, g.weekdays[groups["wd2"]])
            else:
                second = _weekday_on_or_before(published, g.weekdays[groups["wd2"]])
            if groups.get("d") and groups.get("m"):
                month, day_of_month = g.months[groups["m"]], int(groups["d"])
                if groups.get("y"):
                    # « 31 février 2025 » is no date: keep the weekday's reading.
                    with contextlib.suppress(ValueError):
                        second = dt.date(int(groups["y"]), month, day_of_month)
                else:
                    # « dans la nuit de mercredi à jeudi 7 juin »: the year where 7 June is a
                    # Thursday, as for « jeudi 7 juin » alone.
                    weekday = g.weekdays[groups["wd2"]]
                    second = _nearest_year(published, month, day_of_month, weekday) or second
            return out(_night_ending(second), DateGrain.PART_OF_DAY, "publication", part="night")
        if hit.rule == "weekday":
            weekday = g.weekdays[groups["wd"]]
            partner = self._coordinated_weekday(hit, context)
            if partner is not None and not (groups.get("last") or groups.get("next")):
                # « L'OMS réunit lundi et mardi … »: the second day of a pair follows the first.
                day = _weekday_on_or_after(partner, weekday, strict=True)
            elif groups.get("last") or groups.get("last_pre"):
                day = _weekday_on_or_before(published, weekday, strict=True)
            elif groups.get("next") or groups.get("next_pre"):
                day = _weekday_on_or_after(published, weekday, strict=True)
            elif g.since.search(text, max(0, hit.start - 30), hit.start):
                # « Depuis dimanche soir, le pays est le théâtre … »: the last one begun.
                day = _weekday_on_or_before(published, weekday)
            elif tense is None and (named := self._named_before(weekday, context)) is not None:
                # « L'élection aura lieu samedi. […] L'issue du vote de samedi est incertaine »:
                # a weekday with no verb of its own is the one the text already named.
                day = named
            elif (
                tense == "future"
                or (tense != "past" and g.forward.search(text[: hit.start]))
                or g.awaited_before.search(text, 0, hit.start)
                or g.awaited_after.match(text, hit.end)
                or g.next_noun.search(text, max(0, hit.start - 60), hit.start)
                or g.called_for.search(text, max(0, hit.start - 60), hit.start)
                or g.deadline.search(text, max(0, hit.start - 20), hit.start)
            ):
                day = _weekday_on_or_after(published, weekday)
            elif tense == "present":
                # « L'OMS réunit lundi et mardi »: this week's, before or after.
                before = _weekday_on_or_before(published, weekday)
                after = _weekday_on_or_after(published, weekday)
                day = before if published - before <= after - published else after
            else:
                day = _weekday_on_or_before(published, weekday)
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            return out(day.isoformat(), grain, "publication", part=part)
        if hit.rule == "relative_day":
            if groups["rel"] in self.g_nowadays and not self._today(hit, context):
                return None  # « aujourd'hui disparue », « ne le prévoit pas aujourd'hui »
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
            event = (m.group("event") or "").strip()
            dated = self.mentions(event, 0, published)
            if (
                len(dated) == 1
                and dated[0].grain == DateGrain.DAY
                and (event_day := _single_day(dated[0])) is not None
                and len(dated[0].span.text) >= len(event) - 3
            ):
                # « au lendemain du 1er mai »: the event is itself a day.
                shift = g.anchors.get(" ".join(groups["anchor"].split()))
                if shift is not None:
                    value = (event_day + dt.timedelta(days=shift)).isoformat()
                    return out(value, DateGrain.DAY, "text")
            return out(None, DateGrain.DAY, "text", anchor_text=event)
        return self._resolve_more(hit, groups, published, tense, context, out)

    def _day_and_month(
        self,
        hit: _Hit,
        text: str,
        groups: dict[str, Any],
        context: _Context,
        published: dt.date,
        month: int,
        day_of_month: int,
        weekday: int | None,
    ) -> dt.date | None:
        """A day and month written without a year: the nearest one, unless « dernier » /
        « prochain » (its own or the plural closing its list) or its clause says otherwise."""
        last, after = groups.get("last"), groups.get("next")
        if not (last or after):
            tail = self.g.list_tail.match(text, hit.end)
            if tail is not None:
                last, after = tail.group("last"), tail.group("next")
        if last or after:
            # « le 23 mars dernier », « le 15 juin prochain »: strictly before or after.
            return _nearest_year(published, month, day_of_month, weekday, -1 if last else 1)
        start = self._range_start(hit, context)
        if start is not None:
            # « du 14 septembre au 14 novembre »: the end of a range, on or after its start.
            with contextlib.suppress(ValueError):
                for year in (start.year, start.year + 1):
                    end = dt.date(year, month, day_of_month)
                    if end >= start:
                        return end
        resolved = _nearest_year(published, month, day_of_month, weekday)
        named = next(
            (
                day
                for day in (
                    _single_day(d) for d in reversed(context.before) if d.anchor == "absolute"
                )
                if day is not None and (day.month, day.day) == (month, day_of_month)
            ),
            None,
        )
        if named is not None and named != resolved and context.tense(hit) != "future":
            # « le 1er mai 2018 … "Le 1er mai, si j'avais pu rester chez moi" »: a day and
            # month the text gave with its year, named again without it, is the same day.
            return named
        since = self.g.since.search(text[max(0, hit.start - 20) : hit.start])
        if resolved is not None and (
            abs((resolved - published).days) > _NEAR_DAYS or (since and resolved > published)
        ):
            resolved = self._by_tense(hit, context, published, resolved, weekday, bool(since), text)
        return resolved

    def _after_past_participle(self, text: str, start: int) -> bool:
        """Is the word before ``start`` a past participle that does not look ahead
        (« déclenché », not « programmé »)?"""
        words = text[max(0, start - 30) : start].split()
        if not words:
            return False
        word = words[-1].lower().strip(",;:")
        return word.endswith(self.g_participle_endings) and word not in self.g_forward_participles

    def _after_postponed(self, text: str, start: int) -> bool:
        """Is the word before ``start`` a participle of putting off (« reporté »,
        « repoussé »)?"""
        words = [w.lower().strip(",;:") for w in text[max(0, start - 40) : start].split()]
        if len(words) > 1 and words[-1] in self.g_postponed_links:
            words.pop()  # « reportée à fin mars »
        return bool(words) and words[-1] in self.g_postponed

    def _future_in_past(self, text: str, start: int) -> bool:
        """Does the sentence, before ``start``, say a future seen from the past (« devaient »,
        « initialement prévu »)?"""
        opening = max(
            text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start)
        )
        return self.g.future_in_past.search(text, opening + 1, start) is not None

    def _narrated_year(
        self,
        hit: _Hit,
        groups: dict[str, Any],
        context: _Context,
        month: int,
        published: dt.date,
        before_month: str,
    ) -> tuple[int, DateMention] | None:
        """« Le 19 avril 2013, le parquet ouvre une information. Fin avril, … »: a bare month
        just after a day or month the text dated in a past year, and not before it in that
        year, is of the year narrated, not of publication's: under a past verb, or a present
        one when the narrated date was in the present too. Not without a verb, nor under a
        future one, nor after « dernier », « prochain », « depuis » or « d'ici », which look
        from publication."""
        g = self.g
        tense = context.tense(hit)
        if groups.get("last") or groups.get("next") or tense in {None, "future"}:
            return None
        if g.since.search(before_month) or g.forward.search(before_month):
            return None
        previous = context.last_value()
        if previous is None or previous.value is None or previous.anchor != "absolute":
            return None
        if previous.grain not in {DateGrain.DAY, DateGrain.MONTH} or len(previous.value) < 7:
            return None
        if context.offset + hit.start - previous.span.end > _NARRATED_REACH:
            return None
        year, previous_month = int(previous.value[:4]), int(previous.value[5:7])
        if year >= published.year or month < previous_month:
            return None
        if tense == "present":
            # A narration goes on in its tense: « Le 19 avril 2013, le parquet ouvre … Fin
            # avril, le journal révèle » (a historical present), not « avait été enregistré
            # le 26 mai 2010. On est encore au mois de mai » (the present of publication).
            start = previous.span.start - context.offset
            if start < 0 or context.tense_at(start, start + len(previous.span.text)) != tense:
                return None
        return year, previous

    def _named_before(self, weekday: int, context: _Context) -> dt.date | None:
        """The day of the last earlier mention that names this weekday (« samedi », « samedi
        soir », « samedi 4 juillet »), if its value is that weekday."""
        for mention in reversed(context.before):
            words = mention.span.text.lower().split()
            if not any(self.g.weekdays.get(w) == weekday for w in words):
                continue
            day = _single_day(mention)
            if day is not None and day.weekday() == weekday:
                return day
        return None

    def _coordinated_weekday(self, hit: _Hit, context: _Context) -> dt.date | None:
        """The day of the weekday just before ``hit`` when the two are coordinated
        (« lundi et mardi », « jeudi ou vendredi »), else None."""
        previous = context.before[-1] if context.before else None
        if previous is None or previous.grain not in {DateGrain.DAY, DateGrain.PART_OF_DAY}:
            return None
        words = previous.span.text.lower().split()
        if not words or (words[-1] not in self.g.weekdays and words[0] not in self.g.weekdays):
            return None
        gap = context.text[previous.span.end - context.offset : hit.start]
        if not re.fullmatch(r"\s*(?:,|et|ou|and|or)\s*", gap, re.IGNORECASE):
            return None
        return _single_day(previous)

    def _month_range_year(self, hit: _Hit, text: str, month: int, context: _Context) -> int | None:
        """The year of a month that a range or list gives it: the year closing the months
        after it (« entre [septembre] et novembre 2016 »: the last on or after it), or the
        year of the month and year that opens the range it closes (« de juillet 2019 à
        [mars] »: on or after it)."""
        tail = self.g.month_range_end.match(text, hit.end)
        if tail is not None:
            end_month, end_year = self.g.months[tail.group("m").lower()], int(tail.group("y"))
            return end_year if month <= end_month else end_year - 1
        start = context.before[-1] if context.before else None
        if (
            start is None
            or start.grain is not DateGrain.MONTH
            or start.anchor != "absolute"
            or not start.value
            or not re.fullmatch(r"\d{4}-\d{2}", start.value)
        ):
            return None
        gap_start = start.span.end - context.offset
        if gap_start < 0 or not self.g.month_joiner.fullmatch(
            text, gap_start, hit.match.start("m")
        ):
            return None
        start_year, start_month = int(start.value[:4]), int(start.value[5:])
        return start_year if month >= start_month else start_year + 1

    def _range_start(self, hit: _Hit, context: _Context) -> dt.date | None:
        """The day a range opens with, when ``hit`` closes it (« du 14 septembre au
        [14 novembre] », « entre le 2 et [le 9 mars] »): the last date given, a day, just
        before a joiner."""
        anchor = context.before[-1] if context.before else None
        if anchor is None or anchor.value is None or anchor.grain is not DateGrain.DAY:
            return None
        gap = context.text[anchor.span.end - context.offset : hit.start]
        if not self.g.range_joiner.fullmatch(gap):
            return None
        return _single_day(anchor)

    def _today(self, hit: _Hit, context: _Context) -> bool:
        """Is « aujourd'hui » the day of publication, not « nowadays »? Under a past or
        future verb; after the participle, with no auxiliary, of a one-day act (« des
        chiffres rendus publics aujourd'hui », not « aujourd'hui disparue » nor « âgée
        aujourd'hui de 49 ans »); under the present of a verb that tells a one-day act
        (« J'annonce aujourd'hui que », ``[temporal] today_verbs``)."""
        if self.g_compared.search(context.text, max(0, hit.start - 40), hit.start):
            return False  # « le double par rapport à aujourd'hui »: the present state of things
        tense = context.tense(hit)
        if tense in {"past", "future", "unparsed"}:
            return True
        verb = context.read_verb(hit.start, hit.end) if context.read_verb else None
        if verb is None:
            return False
        lemma, participle_before = verb
        if participle_before:
            # Not « une profession aujourd'hui en souffrance » under « venu », « âgée
            # aujourd'hui de 49 ans »: only the participle of a one-day act.
            return lemma in self.g_today_participles
        return tense == "present" and lemma in self.g_today_verbs

    def _by_tense(
        self,
        hit: _Hit,
        context: _Context,
        published: dt.date,
        nearest: dt.date,
        weekday: int | None,
        since: bool,
        text: str = "",
    ) -> dt.date:
        """A day and month months away from publication, on the side the clause says:
        « depuis le 1er janvier » in December, or « il a été élu le 20 décembre » in July, is
        the one before; « se tiendra le 10 février » in July the one after. A weekday the
        calendar agrees with wins. The tense is read only here: it costs a parse of verbs.

        A day over four months ahead that no future verb nor « jusqu'au », « à partir du »
        looks forward to is the one before: news tells what happened (« le 3 février, la
        commune enregistre son premier cas » in September, a historical present; « depuis la
        première manifestation le 17 novembre » in June, no verb at all)."""
        if weekday is not None and nearest.weekday() == weekday:
            return nearest
        tense = "past" if since else context.tense(hit)
        if tense == "future" and self._future_in_past(text, hit.start):
            # « initialement prévu le 15 mars », « devait avoir lieu le 12 avril »: the future
            # of a past plan, the nearest one.
            return nearest
        side = -1 if tense == "past" and nearest > published else 0
        side = 1 if tense == "future" and nearest < published else side
        if (
            tense in {None, "present"}
            and (nearest - published).days > _FAR_AHEAD_DAYS
            and not self.g.forward.search(text[max(0, hit.start - 20) : hit.start])
        ):
            side = -1
        if not side:
            return nearest
        other = _nearest_year(published, nearest.month, nearest.day, weekday, side)
        return other if other is not None and abs((other - published).days) < 366 else nearest

    def _resolve_more(
        self,
        hit: _Hit,
        groups: dict[str, Any],
        published: dt.date,
        tense: str | None,
        context: _Context,
        out: Callable[..., DateMention],
    ) -> DateMention | None:
        """The rules added for issue 32: counts ahead and from the text, weekends, seasons,
        feasts, parts of a year, edges of a period, parts of a narrated day, coordinated
        and bare days."""
        g = self.g
        rule = hit.rule
        if rule in {"ahead", "later", "sooner"}:
            count = self._count(groups["n"] or "")
            if count is None:
                return None
            count = -count if rule == "sooner" else count
            unit = g.ago_units[groups["ago_unit"]]
            if rule == "ahead":
                if unit == "day":
                    day = published + dt.timedelta(days=count)
                    return out(day.isoformat(), DateGrain.DAY, "publication")
                return out(_shift(published, unit, count), DateGrain(unit), "publication")
            # « trois ans plus tôt » goes back from a past event the text narrates, not from
            # the day of the telling (« a annoncé mercredi ») or a day ahead.
            anchor = context.last_value(published if rule == "sooner" else None)
            value = _shift_value(anchor.value, unit, count) if anchor and anchor.value else None
            grain = DateGrain.DAY if value and _DAY.fullmatch(value) else DateGrain(unit)
            return out(value, grain, "text", anchor_text=anchor and anchor.span.text)
        if rule == "night_days":
            month = g.months[groups["m"]]
            day_of_month = int(groups["d"]) if groups["d"].isdigit() else 1
            second: dt.date | None
            if groups.get("y"):
                try:
                    second = dt.date(int(groups["y"]), month, day_of_month)
                except ValueError:
                    return None
            else:
                weekday = g.weekdays.get(groups.get("wd2") or "")
                second = _nearest_year(published, month, day_of_month, weekday)
                if second is not None and abs((second - published).days) > _NEAR_DAYS:
                    second = self._by_tense(hit, context, published, second, weekday, False)
            if second is None:
                return None
            if not groups.get("d0"):
                second += dt.timedelta(days=1)  # « la nuit du 21 juin »: it ends on the 22nd
            return out(_night_ending(second), DateGrain.PART_OF_DAY, "publication", part="night")
        if rule == "decade":
            dec = groups["dec"]
            first_year = g.decade_words.get(dec) or 1900 + int(dec)
            return out(f"{first_year}/{first_year + 9}", DateGrain.YEAR, "absolute")
        if rule == "weekend":
            # « dès ce week-end », « d'ici ce week-end »: the one to come, whatever the tense.
            ahead = bool(g.forward.search(context.text[max(0, hit.start - 20) : hit.start]))
            if groups.get("next") or ((tense == "future" or ahead) and not groups.get("last")):
                saturday = (
                    published - dt.timedelta(days=1)
                    if published.weekday() == 6 and not groups.get("next")
                    else _weekday_on_or_after(published, 5, strict=bool(groups.get("next")))
                )
            else:
                saturday = _weekday_on_or_before(published, 5)
                if groups.get("last") and published.weekday() >= 5:
                    saturday -= dt.timedelta(days=7)
            sunday = saturday + dt.timedelta(days=1)
            return out(
                f"{saturday.isoformat()}/{sunday.isoformat()}", DateGrain.WEEK, "publication"
            )
        if rule == "season":
            season = hit.match.group("season")
            opener = hit.match.group(0)[: hit.match.start("season") - hit.match.start()]
            if season[:1].isupper() and opener[:1].islower():
                # « le Printemps marseillais », « au Printemps de Bourges »: a capital after a
                # lower-case article is a name's (a list, a festival), not the season.
                return None
            # « a promis une nouvelle appellation pour l'automne »: a season aimed at is ahead.
            ahead = bool(
                g.forward.search(context.text[max(0, hit.start - 20) : hit.start])
                or g.deadline.search(context.text, max(0, hit.start - 20), hit.start)
            )
            return out(*self._season(groups, published, tense, ahead))
        if rule == "rentree":
            month = int(resources.raw(self.code)["temporal"]["back_to_school_month"])
            year = int(groups["y"]) if groups.get("y") else published.year
            if not groups.get("y"):
                # « a demandé le report de la rentrée » in late August: the one at hand.
                if tense == "past" and published.month < month - 1:
                    year -= 1
                elif tense == "future" and published.month > month + 1:
                    year += 1
            return out(f"{year:04d}-{month:02d}", DateGrain.MONTH, "publication")
        if rule == "feast":
            # « l'esprit de Noël »: the noun without its elided article.
            noun = re.split(
                r"['’]", " ".join(context.text[max(0, hit.start - 30) : hit.start].split()[-1:])
            )[-1:]
            if noun and noun[0].lower() in g.feast_kinds and hit.match.group(0)[:2].lower() == "de":
                return None  # « le marché de Noël »: a kind of market, no day
            return out(self._feast(groups, published, tense), DateGrain.DAY, "publication")
        if rule == "year_part":
            if not groups.get("y") and groups["ypart"].lower() in g.year_parts_with_year:
                return None  # « la première moitié du match »: no year, no date
            size = g.year_parts.get(groups["ypart"].lower(), 0)
            # « Première moitié de 2018 » opening a sentence: the lists are lowercase.
            index = g.ordinals.get(groups["ord"].lower(), 0)
            if not size or not 1 <= index <= 12 // size:
                return None
            year = int(groups["y"]) if groups.get("y") else published.year
            first, last = (index - 1) * size + 1, index * size
            return out(f"{year}-{first:02d}/{year}-{last:02d}", DateGrain.MONTH, "publication")
        if rule == "period_edge":
            return out(*self._period_edge(groups, published))
        if rule == "narrated_part":
            if (
                hit.match.group(0).lower().startswith("en ")
                and not g.narrated_parts[groups["npart"]]
            ):
                return None  # « travailler en journée »: in the daytime, no day
            part = g.narrated_parts[groups["npart"]] or None
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            anchor = context.last_value()
            narrated = _single_day(anchor) if anchor else None
            if anchor is None or narrated is None:
                return out(published.isoformat(), grain, "publication", part=part)
            day = narrated
            if context.offset + hit.start - anchor.span.end in range(3):
                # « le lendemain en fin d'après-midi », « mardi 2 juillet dans la soirée »: the
                # part of the day right after it, however far back that day is.
                return out(day.isoformat(), grain, "text", part=part, anchor_text=anchor.span.text)
            # The day narrated is near publication (not « l'élection du 3 novembre » five
            # weeks ahead), and not past when the verb is future (« sera inhumé dans
            # l'après-midi » after « mort jeudi »).
            if abs((day - published).days) > 7 or (tense == "future" and day < published):
                return out(published.isoformat(), grain, "publication", part=part)
            return out(day.isoformat(), grain, "text", part=part, anchor_text=anchor.span.text)
        if rule in {"that_year", "year_rel"}:
            step = g.year_before_after.get(groups.get("yrel") or "", 0)
            anchor = context.last_value()
            if anchor is None or not anchor.value:
                if rule == "that_year":
                    return out(None, DateGrain.YEAR, "unresolved")
                return out(str(published.year + step), DateGrain.YEAR, "publication")
            year = int(anchor.value[:4]) + step
            return out(str(year), DateGrain.YEAR, "text", anchor_text=anchor.span.text)
        if rule == "text_day":
            step = int(resources.raw(self.code)["temporal"]["text_days"][groups["tday"]])
            part_of_day = resources.raw(self.code)["temporal"].get("text_day_parts", {}).get(
                groups["tday"]
            ) or self.g.parts.get(groups.get("part") or "")
            grain = DateGrain.PART_OF_DAY if part_of_day else DateGrain.DAY
            anchor = context.last_value()
            narrated = _single_day(anchor) if anchor else None
            if anchor is None or narrated is None:
                # « ce jour-là » after « en mars 2017 »: no day to count from.
                return out(None, grain, "text", part=part_of_day)
            day = narrated + dt.timedelta(days=step)
            return out(
                day.isoformat(), grain, "text", part=part_of_day, anchor_text=anchor.span.text
            )
        if rule == "eve":
            # « Jeudi, le ministre a parlé. La veille, … »: the day before the day the text
            # last named, when that day is in the week before publication and named in the
            # sentences just before; else the day before publication (the page tells its own
            # day, and a day named paragraphs back is no longer the one spoken of).
            anchor = context.last_value()
            narrated = _single_day(anchor) if anchor else None
            if (
                anchor is not None
                and narrated is not None
                and 0 < (published - narrated).days <= _EVE_REACH_DAYS
                and context.offset + hit.start - anchor.span.end <= _EVE_REACH_CHARS
            ):
                day = narrated - dt.timedelta(days=1)
                return out(day.isoformat(), DateGrain.DAY, "text", anchor_text=anchor.span.text)
            day = published - dt.timedelta(days=1)
            return out(day.isoformat(), DateGrain.DAY, "publication")
        if rule == "weekday_day":
            found = self._weekday_day(groups, published, tense, context)
            part = g.parts.get(groups.get("part") or "")
            grain = DateGrain.PART_OF_DAY if part else DateGrain.DAY
            return out(found and found.isoformat(), grain, "publication", part=part)
        if rule == "coordinated_day":
            month = g.months[groups["m"]]
            day_of_month = int(groups["d"]) if groups["d"].isdigit() else 1
            if groups.get("y"):
                try:
                    return out(
                        dt.date(int(groups["y"]), month, day_of_month).isoformat(),
                        DateGrain.DAY,
                        "absolute",
                    )
                except ValueError:
                    return None
            resolved = self._day_and_month(
                hit, context.text, groups, context, published, month, day_of_month, None
            )
            return out(resolved and resolved.isoformat(), DateGrain.DAY, "publication")
        if rule == "bare_day":
            # Only right after a date that names the month (« fin avril, le 30 »).
            anchor = context.last_value()
            if anchor is None or not anchor.value or len(anchor.value) < 7:
                return None
            if context.offset + hit.start - anchor.span.end > 80:
                return None
            day_of_month = int(groups["d"]) if groups["d"].isdigit() else 1
            try:
                day = dt.date(int(anchor.value[:4]), int(anchor.value[5:7]), day_of_month)
            except ValueError:
                return None
            return out(day.isoformat(), DateGrain.DAY, "text", anchor_text=anchor.span.text)
        return None

    def _weekday_day(
        self, groups: dict[str, Any], published: dt.date, tense: str | None, context: _Context
    ) -> dt.date | None:
        """« le mercredi 26 » with no month: the days near publication that are a Wednesday
        and a 26th (one every few months). The one beside the last day the text named
        (« le mardi 25 février … le mercredi 26 »), else the side the tense says, else the
        nearest."""
        weekday = self.g.weekdays[groups["wd"]]
        day_text = groups["d"]
        day_of_month = int(day_text) if day_text.isdigit() else 1
        candidates = [
            day
            for shift in range(-_WEEKDAY_DAY_REACH, _WEEKDAY_DAY_REACH + 1)
            for day in [published + dt.timedelta(days=shift)]
            if day.day == day_of_month and day.weekday() == weekday
        ]
        if not candidates:
            return None
        anchor = context.last_value()
        narrated = _single_day(anchor) if anchor else None
        if narrated is not None:
            beside = [c for c in candidates if abs((c - narrated).days) <= 10]
            if beside:
                return beside[0]
        if all(abs((c - published).days) > _WEEKDAY_SLIP_DAYS for c in candidates):
            # « vendredi 19 » published on Thursday 24 October 2019, a Saturday that month:
            # no Friday 19th is near, so the weekday is the writer's slip and the day of the
            # month is the one near publication (not a Friday 19th three months back).
            candidates = [
                day
                for shift in range(-_WEEKDAY_SLIP_DAYS, _WEEKDAY_SLIP_DAYS + 1)
                for day in [published + dt.timedelta(days=shift)]
                if day.day == day_of_month
            ]
            if not candidates:
                return None
        if tense == "future":
            pool = [c for c in candidates if c >= published]
        elif tense in {"past", "unparsed"}:
            pool = [c for c in candidates if c <= published]
        else:
            pool = []
        return min(pool or candidates, key=lambda c: abs(c - published))

    def _count(self, n_text: str) -> int | None:
        if n_text.isdigit():
            return int(n_text)
        if n_text.lower() in self.g.one:
            return 1
        value = word_value(n_text, self.code)
        return int(value) if value is not None else None

    def _season(
        self, groups: dict[str, Any], published: dt.date, tense: str | None, ahead: bool = False
    ) -> tuple[str, DateGrain, Anchor]:
        """A season: the one of the year its own year or « dernier » / « prochain » says;
        with « cet », « ce », « cette », this year's (« il se déclarerait d'ici cet été » in
        May is this summer), unless it has not begun and a past verb tells it; else by the
        tense, and one that has not begun and is months away is the one before unless a
        future verb or « d'ici » looks to it (« fermés tout l'automne » in February is last
        autumn)."""
        first, last = self.g.seasons[groups["season"]]
        wraps = last < first  # winter: December to February
        if groups.get("y"):
            year = int(groups["y"])
        else:
            # This year's season; a winter begun last December while it still lasts.
            year = published.year - 1 if wraps and published.month <= last else published.year
            starts = dt.date(year, first, 1)
            ends_year = year + 1 if wraps else year
            ended = (ends_year, last) < (published.year, published.month)
            this = (groups.get("sopen") or "").lower() in self.g_this
            if groups.get("last"):
                year -= 1 if not ended else 0
            elif groups.get("next"):
                # « l'automne prochain » in July is the one to come this year; « l'été
                # prochain » in July, next year's.
                year += 1 if starts <= published else 0
            elif this:
                # « cet hiver » in May: next winter, unless a past verb tells the one just
                # ended (« Cet hiver, les urgences ont été débordées »).
                if tense == "past" and starts > published:
                    year -= 1
            elif tense == "past" and starts > published and not ahead:
                # Not « a promis une appellation pour l'automne », « prolongé jusqu'à l'été ».
                year -= 1
            elif tense == "future" and ended:
                year += 1
            elif tense != "future" and not ahead and (starts - published).days > _FAR_AHEAD_DAYS:
                year -= 1
        end_year = year + 1 if wraps else year
        anchor: Anchor = "absolute" if groups.get("y") else "publication"
        edge = groups.get("edge")
        if edge == "début":
            return f"{year:04d}-{first:02d}", DateGrain.MONTH, anchor
        if edge == "fin":
            return f"{end_year:04d}-{last:02d}", DateGrain.MONTH, anchor
        return f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}", DateGrain.MONTH, anchor

    def _feast(self, groups: dict[str, Any], published: dt.date, tense: str | None) -> str | None:
        name = " ".join(groups["feast"].split())
        monday = name.startswith("lundi")
        name = name.split()[-1]
        years = (
            (int(groups["y"]),)
            if groups.get("y")
            else (published.year - 1, published.year, published.year + 1)
        )
        days: list[dt.date] = []
        for year in years:
            if name in self.g.feasts_fixed:
                month, day = self.g.feasts_fixed[name]
                days.append(dt.date(year, month, day))
            elif name in self.g.feasts_easter:
                days.append(_easter(year) + dt.timedelta(days=self.g.feasts_easter[name]))
        days = [d + dt.timedelta(days=1) if monday else d for d in days]
        if not days:
            return None
        if len(days) > 1:
            if tense == "future":
                days = [d for d in days if d >= published] or days
            elif tense == "past":
                days = [d for d in days if d <= published] or days
        return min(days, key=lambda d: abs(d - published)).isoformat()

    def _period_edge(
        self, groups: dict[str, Any], published: dt.date
    ) -> tuple[str, DateGrain, Anchor]:
        unit = self.g.period_edge_units[groups["punit"]]
        step = -1 if groups.get("last") else 1 if groups.get("next") else 0
        start = groups["edge"] == "début"
        if unit == "year":
            # « fin d'année 2021 »: the year said, else the one of publication.
            year = int(groups["y"]) if groups.get("y") else published.year + step
            return f"{year:04d}-{1 if start else 12:02d}", DateGrain.MONTH, "publication"
        if unit == "month":
            return _shift(published, "month", step), DateGrain.MONTH, "publication"
        day = published + dt.timedelta(weeks=step)
        if start:
            return _iso_week(day), DateGrain.WEEK, "publication"
        # « en fin de semaine »: Friday to Sunday.
        friday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=4)
        sunday = friday + dt.timedelta(days=2)
        return f"{friday.isoformat()}/{sunday.isoformat()}", DateGrain.WEEK, "publication"


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


def _easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _single_day(mention: DateMention) -> dt.date | None:
    """The day a mention names: « 2020-09-26 », or the morning of a night interval."""
    if mention.value is None or mention.grain not in {DateGrain.DAY, DateGrain.PART_OF_DAY}:
        return None
    last = mention.value.split("/")[-1]
    if len(last) != 10:
        return None
    try:
        return dt.date.fromisoformat(last)
    except ValueError:
        return None


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shift_value(value: str, unit: str, count: int) -> str | None:
    """``count`` units after the date ``value`` names, at the grain of ``unit`` (weeks after a
    day: a day); None when ``value`` is coarser than ``unit`` (« un mois plus tard » after « en
    2008 »)."""
    first = value.split("/")[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first):
            day = dt.date.fromisoformat(first)
            if unit == "day":
                return (day + dt.timedelta(days=count)).isoformat()
            if unit == "week":
                # « le 18 octobre … une semaine plus tard »: a day too, the same weekday.
                return (day + dt.timedelta(weeks=count)).isoformat()
            return _shift(day, unit, count)
        if re.fullmatch(r"\d{4}-\d{2}", first) and unit in {"month", "year"}:
            return _shift(dt.date(int(first[:4]), int(first[5:7]), 1), unit, count)
        if re.fullmatch(r"\d{4}", first) and unit == "year":
            return f"{int(first) + count:04d}"
    except (ValueError, OverflowError):
        return None
    return None


@dataclass
class _Context:
    """What resolving one block knows beyond the expression: tenses and earlier dates."""

    find_tenses: Callable[[], TenseSets]
    before: list[DateMention]
    offset: int
    text: str = ""
    known: TenseSets | None = None
    read_tense: TenseReader | None = None
    read_verb: VerbReader | None = None
    # « né 24 ans plus tôt »: a flashback, which the narration does not go on from (a « deux
    # semaines plus tard » after it counts from the date before it).
    flashback: re.Pattern[str] | None = None

    def tense(self, hit: _Hit) -> str | None:
        return self.tense_at(hit.start, hit.end)

    def tense_at(self, start: int, end: int) -> str | None:
        """The tense of the verb governing the words in [start, end) of this block's text."""
        if self.read_tense is not None:
            return self.read_tense(start, end)

        def under(positions: set[int]) -> bool:
            return any(start <= p < end for p in positions)

        if self.known is None:
            self.known = self.find_tenses()
        future_at, past_at, present_at = self.known
        if under(future_at):
            return "future"
        if past_at is None:
            return "unparsed"  # no parse: past narration unless a marker looks forward
        if under(past_at):
            return "past"
        if under(present_at):
            return "present"
        return None

    def last_value(self, before: dt.date | None = None) -> DateMention | None:
        """The last date the text gave with a value (beginning before the day ``before``,
        when given)."""
        return next(
            (
                d
                for d in reversed(self.before)
                if d.value
                and (before is None or _first_day(d.value) < before)
                and not (self.flashback and self.flashback.fullmatch(d.span.text))
            ),
            None,
        )


def _first_day(value: str) -> dt.date:
    """The first day of an ISO value (« 2019-07-29 », « 2019-W30 », « 2019-07 », « 1940 », or an
    interval of them); the last day there is when it cannot be read."""
    first = value.split("/")[0]
    with contextlib.suppress(ValueError):
        if re.fullmatch(r"\d{4}-W\d{2}", first):
            return dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
        if re.fullmatch(r"\d{4}(-\d{2})?", first):
            return dt.date(int(first[:4]), int(first[5:7] or 1), 1)
        return dt.date.fromisoformat(first)
    return dt.date.max


def _part_of_the_day_after(mentions: list[DateMention], rules: list[str]) -> list[DateMention]:
    """« en début d'après-midi vendredi »: a part of the day right before a day is that
    day's (not the day the text named before)."""
    out = list(mentions)
    for i in range(len(out) - 1):
        mention, after = out[i], out[i + 1]
        day = _single_day(after)
        if (
            rules[i] == "narrated_part"
            and day is not None
            and 0 < after.span.start - mention.span.end <= 2
            and mention.value != day.isoformat()
        ):
            out[i] = mention.model_copy(
                update={"value": day.isoformat(), "anchor": after.anchor, "anchor_text": None}
            )
    return out


_OF_THE_YEAR = re.compile(r"\s+d(?:e\s+|['’]\s*)")


def _month_of_the_year_after(
    mentions: list[DateMention], text: str, offset: int
) -> list[DateMention]:
    """« En juin de l'année dernière », « en mars de cette année »: a month of the year named
    right after it (« de » between) is of that year, not the one publication gives it.
    ``text`` is the block's, which starts at ``offset`` in the clean text."""
    out = list(mentions)
    for i, mention in enumerate(out[:-1]):
        after = out[i + 1]
        gap = text[mention.span.end - offset : after.span.start - offset]
        if (
            mention.grain == DateGrain.MONTH
            and mention.anchor == "publication"
            and mention.value
            and re.fullmatch(r"\d{4}-\d{2}", mention.value)
            and after.grain == DateGrain.YEAR
            and after.value
            and re.fullmatch(r"\d{4}", after.value)
            and _OF_THE_YEAR.fullmatch(gap)
        ):
            out[i] = mention.model_copy(update={"value": f"{after.value}-{mention.value[5:]}"})
    return out


def _dated_by_apposition(mentions: list[DateMention]) -> list[DateMention]:
    """« le lendemain de son repas, dimanche 17 février »: an event-anchored expression takes
    the date the text sets beside it; so does one counted from another date (« la lettre ne
    part que le lendemain, mercredi 7 », where the day before was itself a « lendemain »),
    when the date beside it gives its day of the month."""
    out = list(mentions)
    for i, mention in enumerate(out[:-1]):
        after = out[i + 1]
        if (
            (mention.value is None or mention.grain == DateGrain.DAY)
            and mention.anchor == "text"
            and 0 < after.span.start - mention.span.end <= 2
            and after.value
            and after.grain == DateGrain.DAY
            and (mention.value is None or any(c.isdigit() for c in after.span.text))
        ):
            if (
                mention.value
                and after.anchor == "publication"
                and after.value[:4] != mention.value[:4]
            ):
                # « le 24 mars 1962 … deux semaines plus tard, le 3 avril »: the day beside
                # one counted from the text's date is in that date's year, not publication's.
                with contextlib.suppress(ValueError):
                    day = dt.date(
                        int(mention.value[:4]), int(after.value[5:7]), int(after.value[8:10])
                    )
                    out[i + 1] = after = after.model_copy(
                        update={"value": day.isoformat(), "anchor": "text"}
                    )
            out[i] = mention.model_copy(update={"value": after.value})
    return out


# Rules of the words that count from the day they are said (« hier », « ce soir », « cette
# nuit », « la veille » with no day named before it).
_DEICTIC_RULES = frozenset({"relative_day", "this_part", "last_night", "eve"})
# How far around a quote its cue clause is looked at for the day it was said.
_CUE_REACH = 160
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def spoken_on(
    mentions: list[DateMention],
    quotes: list[tuple[int, int, int, int]],
    text: str,
    published: dt.date | None,
    code: str,
) -> list[DateMention]:
    """« "Nous avons compté douze nids de plus qu'hier", a déclaré jeudi le garde »: words inside
    a quote that count from the day they are said (``_DEICTIC_RULES``) count from the day its
    cue clause names (outside the quote, in the same sentence), when that day is in the week
    before publication; the page's own date is the day after, often. ``quotes`` holds each
    direct quote's content and cue as (content start, content end, cue start, cue end)."""
    if published is None or not quotes or not mentions:
        return mentions
    out = list(mentions)

    def rule(mention: DateMention) -> str | None:
        hits = find(mention.span.text, code)
        return (
            hits[0].rule
            if len(hits) == 1 and hits[0].end - hits[0].start == len(mention.span.text)
            else None
        )

    inside_any = [(a, b) for a, b, _, _ in quotes]
    for a, b, cue_start, cue_end in quotes:
        deictic = [
            i
            for i, m in enumerate(out)
            if a <= m.span.start
            and m.span.end <= b
            and m.anchor == "publication"
            and m.value
            and rule(m) in _DEICTIC_RULES
        ]
        if not deictic:
            continue
        # The cue's sentence: from the sentence end before the quote (or its cue) to the one
        # after, at most ``_CUE_REACH`` characters on either side of the quote.
        left = max(0, min(a, cue_start) - _CUE_REACH)
        ends = list(_SENTENCE_END.finditer(text, left, min(a, cue_start)))
        left = ends[-1].end() if ends else left
        right = min(len(text), max(b, cue_end) + _CUE_REACH)
        after = next(iter(_SENTENCE_END.finditer(text, max(b + 1, cue_end), right)), None)
        right = after.start() if after else right
        said = [
            (day, m)
            for m in out
            if left <= m.span.start
            and m.span.end <= right
            and not any(x <= m.span.start < y for x, y in inside_any)
            and m.anchor in {"publication", "absolute"}
            and (day := _single_day(m)) is not None
            and rule(m) not in _DEICTIC_RULES
        ]
        if not said:
            continue
        day, _ = min(said, key=lambda dm: abs(dm[1].span.start - cue_start))
        shift = (day - published).days
        if not -_EVE_REACH_DAYS <= shift < 0:
            continue
        for i in deictic:
            value = out[i].value or ""
            moved = "/".join(
                (dt.date.fromisoformat(v) + dt.timedelta(days=shift)).isoformat()
                for v in value.split("/")
            )
            out[i] = out[i].model_copy(update={"value": moved, "anchor": "text"})
    return out
