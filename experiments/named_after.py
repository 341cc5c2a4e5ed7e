"""A person the box describes and the text names only after: how often, and on what evidence?

    PYTHONPATH=src .venv/bin/python experiments/named_after.py --data FILE [--start N]
        [--limit N] [--show N]

Issue 33, item 3: « l'édile » in a bullet, « Luc Lemonnier posait nu » in the sentence after.
Each row is digested with the default settings (an ``html`` field as a page, else ``text``
with its ``title`` and ``date``/``published``); the box's bullets, in the order shown, are read
at the step that names a description before the bullet naming its person
(``keypoints.name_before_named``, wrapped here, its output unchanged). Listed: each definite
description of a person (an article, a ``[quotes] person_nouns`` or ``[standalone]
described_persons`` noun, read whole by ``naming._description_end``) kept by a bullet outside
quotation marks, when some person's first name mention in the body comes after that sentence
(``in_sentence``: the persons the description's sentence names, maybe the one described). For
each such description:

- ``before``: the persons named in the body before it (one of them may be the one described);
- ``role_beside``: the persons first named after it, the only person of that role, whose role
  set beside their name (``Entity.roles`` or ``roles.role_beside`` at any mention of the name)
  holds every word of the description after its article (``naming._said_beside``' reading),
  the role's first person noun being the description's (not « de la fille de l'octogénaire »
  for « l'octogénaire »): the strongest evidence, the only one a bracketed name would be given
  on;
- ``next_subject``: a person first named, as the main verb's subject or inside it, in the next
  sentence, of the description's gender when the first name tells it;
- ``later``: the persons first named in the next three sentences.

Which person the description is, and whether that person is named after it, is read by hand
from the listing (``--show``): the columns are candidates, not answers.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import essentiel.keypoints as keypoints
from essentiel import Pipeline
from essentiel.analyze import ParsedSentence
from essentiel.facts.entities import first_name_gender
from essentiel.facts.names import fold
from essentiel.keypoints.compress import is_subject, quoted_ranges
from essentiel.keypoints.naming import (
    _described_as,
    _description_end,
    _person_nouns,
    _words_after_article,
)
from essentiel.keypoints.roles import role_beside
from essentiel.keypoints.standalone import definite_articles
from essentiel.model import Entity, EntityKind, KeyPoint, MentionForm, Span

RESERVED_VALID = range(246, 1500)


def rows(data: Path, start: int, limit: int) -> Iterator[tuple[int, dict[str, Any]]]:
    opener = gzip.open if data.suffix == ".gz" else open
    with opener(data, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= start + limit:
                break
            if number >= start:
                yield number, json.loads(line)


def _first_names(entities: Sequence[Entity]) -> dict[int, Span]:
    found = {}
    for k, entity in enumerate(entities):
        names = [m.span for m in entity.mentions if m.form is MentionForm.NAME]
        if entity.kind is EntityKind.PERSON and names:
            found[k] = min(names, key=lambda s: s.start)
    return found


def _holds(description: str, role_words: str, code: str) -> bool:
    words = [fold(w) for w in _words_after_article(description)]
    said = [fold(w) for w in _words_after_article(role_words, all_words=True)]
    nouns = _person_nouns(code)
    head = next((w for w in words if w in nouns), None)
    return (
        bool(words)
        and all(w in said for w in words)
        and head is not None
        and next((w for w in said if w in nouns), None) == head
    )


def _role_evidence(
    description: str, k: int, entities: Sequence[Entity], sentences: list[ParsedSentence], code: str
) -> str | None:
    """The words beside person ``k``'s name that hold the description, when no other person
    is described with the description's noun."""
    entity = entities[k]
    said = [r.evidence.text for r in entity.roles]
    for m in entity.mentions:
        if m.form is MentionForm.NAME:
            role = role_beside(m.span, sentences, code)
            if role is not None:
                said.append(role.evidence.text)
    held = next((s for s in said if _holds(description, s, code)), None)
    if held is None:
        return None
    noun = fold(_words_after_article(description)[0])
    if any(
        _described_as(other, noun)
        for j, other in enumerate(entities)
        if j != k and other.kind is EntityKind.PERSON
    ):
        return None
    return held


def _subject_names(sentence: ParsedSentence, spans: dict[int, Span]) -> list[int]:
    """Persons (of ``spans``) whose first name mention stands in the sentence's main subject."""
    root = sentence.span.root
    found = []
    for child in root.children:
        if not is_subject(child):
            continue
        a = sentence.offset + child.left_edge.idx
        b = sentence.offset + child.right_edge.idx + len(child.right_edge.text)
        found += [k for k, s in spans.items() if a <= s.start < b]
    return found


def descriptions_named_after(
    points: Sequence[KeyPoint],
    sentences: list[ParsedSentence],
    entities: Sequence[Entity],
    text: str,
) -> list[dict[str, Any]]:
    firsts = _first_names(entities)
    found: list[dict[str, Any]] = []
    seen: set[int] = set()
    for b, point in enumerate(points):
        for fragment in point.fragments:
            for i, sentence in enumerate(sentences):
                if not (sentence.start < fragment.end and fragment.start < sentence.end):
                    continue
                here = sorted(
                    {
                        e.name
                        for e in entities
                        if e.kind is EntityKind.PERSON
                        for m in e.mentions
                        if m.form is MentionForm.NAME
                        and sentence.start <= m.span.start < sentence.end
                    }
                )
                after = {k: s for k, s in firsts.items() if s.start >= sentence.end}
                if not after:
                    continue
                quoted = quoted_ranges(sentence.text)
                for tok in sentence.span:
                    at = sentence.offset + tok.idx
                    head = tok.head
                    if (
                        at in seen
                        or not fragment.start <= at < fragment.end
                        or tok.lower_ not in definite_articles(sentence.lang)
                        or head.pos_ != "NOUN"
                        or not {fold(head.lemma_), fold(head.lower_)} & _person_nouns(sentence.lang)
                        or any(a <= at - sentence.start < z for a, z in quoted)
                    ):
                        continue
                    end = _description_end(
                        sentence, at, sentence.offset + head.idx + len(head.text)
                    )
                    if end is None:
                        continue
                    seen.add(at)
                    description = text[at:end]
                    gender = {"Fem": "f", "Masc": "m"}.get(
                        (tok.morph.get("Gender") or head.morph.get("Gender") or [""])[0]
                    )
                    beside = {
                        entities[k].name: held
                        for k in after
                        if (
                            held := _role_evidence(
                                description, k, entities, sentences, sentence.lang
                            )
                        )
                    }
                    nxt = sentences[i + 1] if i + 1 < len(sentences) else None
                    subjects = [
                        entities[k].name
                        for k in (_subject_names(nxt, after) if nxt else [])
                        if gender is None
                        or first_name_gender(entities[k].name, sentence.lang) in {None, gender}
                    ]
                    stop = sentences[i + 4].start if i + 4 < len(sentences) else len(text)
                    found.append(
                        {
                            "bullet": b,
                            "description": description,
                            "subject": is_subject(head),
                            "in_sentence": here,
                            "before": sorted(
                                entities[k].name for k, s in firsts.items() if s.start < at
                            ),
                            "role_beside": beside,
                            "next_subject": subjects,
                            "later": [entities[k].name for k, s in after.items() if s.start < stop],
                            "sentence": sentence.text,
                            "next": nxt.text if nxt else "",
                        }
                    )
    return found


def listing(
    items: Iterator[tuple[int, dict[str, Any]]], pipeline: Pipeline | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """(rows digested, the descriptions listed) for the rows ``items``."""
    wrapped = keypoints.name_before_named
    current: dict[str, Any] = {}
    listed: list[dict[str, Any]] = []

    def watch(points, sentences, entities, text, verifier):  # type: ignore[no-untyped-def]
        out = wrapped(points, sentences, entities, text, verifier)
        for item in descriptions_named_after(out, list(sentences), entities, text):
            listed.append({"row": current["row"], **item})
        return out

    keypoints.name_before_named = watch  # type: ignore[assignment]
    try:
        pipeline = pipeline or Pipeline()
        count = 0
        for number, row in items:
            current["row"] = row.get("id", number)
            count += 1
            if "html" in row:
                pipeline.digest(row["html"])
            else:
                published = row.get("published") or row.get("date")
                pipeline.digest(row["text"], title=row.get("title"), published=published)
    finally:
        keypoints.name_before_named = wrapped
    return count, listed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--show", type=int, default=0, help="list this many descriptions")
    args = parser.parse_args(argv)
    if "abstract_valid" in args.data.name and (
        args.start + args.limit > RESERVED_VALID.start and args.start < RESERVED_VALID.stop
    ):
        print("validation pages from 246 are not for this experiment")
        return 2
    count, listed = listing(rows(args.data, args.start, args.limit))
    for item in listed[: args.show]:
        print(
            f"{item['row']} b{item['bullet']} «{item['description']}»  before={item['before']}"
            f" in_sentence={item['in_sentence']}"
        )
        print(f"    {item['sentence']}")
        print(f"    >> {item['next'][:200]}")
        print(
            f"    role_beside={item['role_beside']} next_subject={item['next_subject']}"
            f" later={item['later']}"
        )
    print(
        f"{count} rows: {len(listed)} descriptions with a person first named after their"
        f" sentence; role beside the name holding the description:"
        f" {sum(1 for x in listed if x['role_beside'])}; a person first named as the next"
        f" sentence's subject: {sum(1 for x in listed if x['next_subject'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
