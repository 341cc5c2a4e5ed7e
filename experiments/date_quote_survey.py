"""What do French dates and quotes miss, or get suspiciously, on articles nobody annotated?

    .venv/bin/python experiments/date_quote_survey.py [--documents 2000] [--skip 0]
        [--examples 3] [--json experiments/out/date_quote_survey.json] [--dates-only]

Reads OrangeSum *train* articles (in file order, from line ``--skip``; the articles of the
French facts gold, development and held aside, are left out by id so that the survey tunes
on none of them), digests each one's facts as the pipeline does (clean, analyse, facts; no
key points) with its publication date, and counts by pattern:

- dates missed (alone with ``--dates-only``, which reads no parse and so runs on thousands
  of articles in minutes): date-like words (months, weekdays, « hier », « la veille », « l'an
  dernier », « ce week-end », seasons, « mi-mars », years, « le 1er »...) that no date
  mention covers;
- dates suspicious: a weekday beside a day and month that the calendar contradicts for the
  value given, « prochain » or a future verb resolved before publication, « dernier » or
  « depuis » resolved after it;
- quotes missed: a « … » or "…" span of a sentence or more (a verb and at least
  ``LONG_WORDS`` words) that no quote's content overlaps, by what stands before it;
- quotes suspicious: a detected direct quote of at most three words (a title, a nickname,
  scare quotes?), by the word before it; a detected direct quote right after the words of a
  charge (« mis en examen pour "…" »: the offence's name, which the guideline leaves out),
  found by the survey's own expression ``CHARGE``, not the extractor's.

Counts are what the survey measures; the examples printed with ``--examples`` are for the
reader's eye only (they are the articles' words: none of them goes into a test or a doc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from essentiel.analyze import analyze, parse_zone
from essentiel.clean import clean
from essentiel.facts import extract_facts
from essentiel.facts.dates import DateResolver
from essentiel.facts.quotes import quote_pairs
from essentiel.ingest import ingest
from essentiel.model import BlockKind, DateMention

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_train.jsonl.gz"
GOLD = sorted((ROOT / "bench" / "gold").glob("fr-facts-*.jsonl"))
LONG_WORDS = 6

_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
# Date-like words, each under the name it is counted by (the first that matches names it).
DATE_LIKE: list[tuple[str, str]] = [
    ("weekday", rf"\b(?:{_WEEKDAYS})\b"),
    ("day month", rf"\b(?:1er|\d{{1,2}})\s+(?:{_MONTHS})\b"),
    ("edge month", rf"\b(?:mi|début|fin)[\s-]+(?:{_MONTHS})\b"),
    ("month", rf"\b(?:{_MONTHS})\b"),
    ("le N / le 1er", r"\ble\s+(?:1er|\d{1,2})\b(?!\s*(?:%|h\b|heures?))"),
    ("hier/demain/aujourd'hui", r"\b(?:avant-hier|après-demain|hier|demain|aujourd['’]hui)\b"),
    ("la veille / le lendemain", r"\b(?:la\s+veille|le\s+lendemain|au\s+lendemain)\b"),
    ("week-end", r"\bweek[\s-]?end\b"),
    # Not a count (« huit mois », « chaque semaine »: durations and frequencies).
    ("semaine", r"(?<!chaque )(?<!par )(?<!\d )\bsemaine\b"),
    ("mois", r"\b(?:ce|le|du|au|même|cours\s+du)\s+mois\b(?!\s+d[e'’])"),
    ("an/année", r"\b(?:l['’]an|l['’]année|cette\s+année|année)\b"),
    # A season after an article or a preposition (« été » is a participle too).
    (
        "season",
        r"\b(?:l['’]|cet\s+|ce\s+|en\s+|au\s+|d['’]|du\s+|le\s+|cette\s+)"
        r"(?:printemps|été|automne|hiver)\b",
    ),
    ("part of day", r"\b(?:ce\s+matin|ce\s+soir|cette\s+nuit|la\s+nuit|soirée|matinée)\b"),
    ("year", r"(?<![\w.,])(?:19|20)\d{2}(?![\w%])"),
    ("feast", r"\b(?:Noël|Pâques|Toussaint|Pentecôte|Ascension|Nouvel\s+An)\b"),
]
_DATE_LIKE = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in DATE_LIKE]
_FEAST_CASE = re.compile(DATE_LIKE[-1][1])
_WD = {w: i for i, w in enumerate(_WEEKDAYS.split("|"))}
_EXPLICIT_WD = re.compile(rf"\b({_WEEKDAYS})\s+(?:1er|\d{{1,2}})\s+(?:{_MONTHS})", re.IGNORECASE)
_NEXT = re.compile(r"\bprochaine?s?\b", re.IGNORECASE)
_LAST = re.compile(r"\b(?:derni(?:er|ère)s?|passée?s?)\b", re.IGNORECASE)
_SINCE = re.compile(r"\bdepuis\s*$", re.IGNORECASE)
CHARGE = re.compile(
    r"(?:(?:examen|enquête|ouverte?|judiciaire|poursuivie?s?|condamnée?s?|jugée?s?|procès|"
    r"plaintes?|garde\s+à\s+vue|écrouée?s?|inculpée?s?|interpellée?s?)"
    r"(?:\s+[^\s\"«»“”.,;:!?]+){0,6}?\s+pour|chefs?\s+d(?:e|['’]))\s*[«“\"]?\s*$",
    re.IGNORECASE,
)
_SPEECH_HINT = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:déclaré|dit|expliqué|affirmé|indiqué|"
    r"ajouté|estimé|souligné|précisé|assuré|confié|raconté|lancé|témoigné|écrit|annoncé)\b"
    r"|\b(?:explique|dit|affirme|estime|souligne|précise|assure|raconte|confie|ajoute|"
    r"déclare|indique|lance|témoigne|écrit|annonce)\b",
    re.IGNORECASE,
)


def articles(limit: int, skip: int, held: set[str]) -> Iterator[dict[str, Any]]:
    n = 0
    with gzip.open(TRAIN, "rt", encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if i < skip:
                continue
            row = json.loads(line)
            if row["id"] in held:
                continue
            yield row
            n += 1
            if n >= limit:
                return


def gold_ids() -> set[str]:
    # Only the ids are read, to leave those articles out: never their annotations.
    return {json.loads(line)["id"] for path in GOLD for line in path.open() if line.strip()}


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _verb_tense(doc: Any, start: int, end: int) -> str | None:
    """The tense of the verb governing the words at [start, end) of the block's doc."""
    for tok in doc:
        if start <= tok.idx < end:
            head = tok
            for _ in range(4):
                if head.pos_ in {"VERB", "AUX"} or head.head is head:
                    break
                head = head.head
            verb = head
            if verb.pos_ not in {"VERB", "AUX"}:
                return None
            if "Cnd" in verb.morph.get("Mood"):
                return None  # « il se rendrait le 18 juin »: the future of a past
            tenses = set(verb.morph.get("Tense"))
            for child in verb.children:
                if child.dep_ in {"aux", "aux:tense", "aux:pass"}:
                    tenses |= {"Past"} if "Pres" in child.morph.get("Tense") else set()
                    tenses |= set(child.morph.get("Tense")) & {"Fut"}
            if "Fut" in tenses:
                return "future"
            if "Past" in tenses or "Imp" in tenses:
                return "past"
            return "present"
    return None


def _key(text: str, a: int, b: int) -> str:
    """The word before and the match, lower-cased: what the counts group on."""
    before = re.findall(r"[\w'’-]+", text[max(0, a - 25) : a])
    return f"{(before[-1] if before else '^').lower()} | {text[a:b].lower()}"


def survey(documents: int, skip: int, examples: int, dates_only: bool) -> dict[str, Any]:
    held = gold_ids()
    missed: Counter[str] = Counter()
    missed_keys: dict[str, Counter[str]] = defaultdict(Counter)
    suspicious: Counter[str] = Counter()
    quote_missed: Counter[str] = Counter()
    quote_short: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    totals: Counter[str] = Counter()

    def show(kind: str, text: str, a: int, b: int) -> None:
        if len(shown[kind]) < examples:
            shown[kind].append(" ".join(text[max(0, a - 60) : b + 40].split()))

    def count_missed(text: str, base: int, body: str, date_spans: list[tuple[int, int]]) -> None:
        taken: list[tuple[int, int]] = []
        for name, pattern in _DATE_LIKE:
            for m in pattern.finditer(body):
                a, b = base + m.start(), base + m.end()
                if _covered(taken, a, b):
                    continue
                if name == "feast" and not _FEAST_CASE.fullmatch(m.group()):
                    continue
                taken.append((a, b))
                totals["date-like"] += 1
                if not _covered(date_spans, a, b):
                    missed[name] += 1
                    missed_keys[name][_key(text, a, b)] += 1
                    show("missed " + name, text, a, b)

    for row in articles(documents, skip, held):
        published = dt.date.fromisoformat(row["date"]) if row.get("date") else None
        if published is None:
            continue
        cleaned = clean(ingest(row["text"]), lang_hint="fr")
        if cleaned.lang != "fr":
            continue
        totals["articles"] += 1
        if dates_only:
            # No parse: the date spans do not depend on it (only some values do, by tense).
            resolver = DateResolver("fr")
            found: list[DateMention] = []
            for block in cleaned.blocks:
                if block.kind is BlockKind.BODY:
                    found += resolver.mentions(block.span.text, block.span.start, published)
            spans = [(d.span.start, d.span.end) for d in found]
            totals["dates"] += len(spans)
            for block in cleaned.blocks:
                if block.kind is BlockKind.BODY:
                    count_missed(cleaned.text, block.span.start, block.span.text, spans)
            continue
        with parse_zone(["fr"]):
            analysis = analyze(cleaned.blocks, "fr")
            facts = extract_facts(cleaned.text, analysis, "fr", published)
            text = cleaned.text
            date_spans = [(d.span.start, d.span.end) for d in facts.dates]
            totals["dates"] += len(date_spans)
            totals["quotes"] += len(facts.quotes)
            for block, doc in analysis.docs:
                base = block.span.start
                body = doc.text
                count_missed(text, base, body, date_spans)
                # ---- dates suspicious
                for d in facts.dates:
                    if not base <= d.span.start < block.span.end or not d.value:
                        continue
                    first = d.value.split("/")[0]
                    last = d.value.split("/")[-1]
                    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", first):
                        continue
                    # The weekday of the day it is written beside (a night's morning is its last).
                    wd = list(_EXPLICIT_WD.finditer(d.span.text))[-1:]
                    if (
                        wd
                        and len(last) == 10
                        and dt.date.fromisoformat(last).weekday() != _WD[wd[0].group(1).lower()]
                    ):
                        suspicious["weekday contradicts the calendar"] += 1
                        show("weekday contradicts", text, d.span.start, d.span.end)
                    pub = published.isoformat()[: len(last)]
                    after = text[d.span.end : d.span.end + 12]
                    before = text[max(0, d.span.start - 10) : d.span.start]
                    if _NEXT.search(d.span.text) and last < pub:
                        suspicious["prochain resolved before publication"] += 1
                        show("prochain before", text, d.span.start, d.span.end)
                    if _LAST.search(d.span.text) and first > pub:
                        suspicious["dernier resolved after publication"] += 1
                        show("dernier after", text, d.span.start, d.span.end)
                    if _SINCE.search(before) and first > pub:
                        suspicious["depuis resolved after publication"] += 1
                        show("depuis after", text, d.span.start, d.span.end)
                    if d.anchor != "publication" or _NEXT.search(after) or _LAST.search(after):
                        continue
                    tense = _verb_tense(doc, d.span.start - base, d.span.end - base)
                    if tense == "future" and last < pub:
                        suspicious["future verb resolved before publication"] += 1
                        show("future before", text, d.span.start, d.span.end)
                    if tense == "past" and first > pub:
                        suspicious["past verb resolved after publication"] += 1
                        show("past after", text, d.span.start, d.span.end)
                # ---- quotes
                contents = [(q.content.start, q.content.end) for q in facts.quotes]
                for a, b, _closed in quote_pairs(body):
                    words = len(body[a:b].split())
                    a, b = base + a, base + b
                    if words < LONG_WORDS:
                        continue
                    totals["long quote marks"] += 1
                    if _covered(contents, a, b):
                        continue
                    before = text[max(base, a - 40) : a - 1].rstrip()
                    if CHARGE.search(text[max(base, a - 70) : a]):
                        why = "a charge (left out by the guideline)"
                    elif before.endswith(":"):
                        why = "after a colon"
                    elif not before or before[-1] in '.!?»"”':
                        why = "opens its sentence"
                    elif _SPEECH_HINT.search(text[b : b + 80]):
                        why = "speech verb after"
                    else:
                        why = "inside a sentence"
                    quote_missed[why] += 1
                    show("quote missed " + why, text, a, b)
            for q in facts.quotes:
                if q.kind.value != "direct":
                    continue
                if CHARGE.search(text[max(0, q.content.start - 70) : q.content.start]):
                    totals["direct quotes after a charge"] += 1
                    show("charge quote", text, q.content.start, q.content.end)
                if len(q.content.text.split()) > 3:
                    continue
                key = _key(text, q.content.start - 1, q.content.start - 1).split(" | ")[0]
                quote_short[key] += 1
                totals["short direct quotes"] += 1
                show("short quote", text, q.content.start, q.content.end)
    return {
        "totals": dict(totals),
        "dates_missed": dict(missed.most_common()),
        "dates_missed_by_context": {
            k: dict(v.most_common(25)) for k, v in sorted(missed_keys.items())
        },
        "dates_suspicious": dict(suspicious.most_common()),
        "quotes_missed": dict(quote_missed.most_common()),
        "short_quotes_by_word_before": dict(quote_short.most_common(30)),
        "examples": dict(shown),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--dates-only", action="store_true", help="the missed dates alone, without a parse"
    )
    args = parser.parse_args()
    if not TRAIN.exists():
        print(f"no data at {TRAIN}", file=sys.stderr)
        return 2
    result = survey(args.documents, args.skip, args.examples, args.dates_only)
    if not args.examples:
        result.pop("examples")
    out = json.dumps(result, ensure_ascii=False, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(out + "\n", encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
