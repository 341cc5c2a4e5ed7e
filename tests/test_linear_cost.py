"""Cost that grows with the input, not with its square (issue 29).

No timing here (speed is bench/scaling.py's and bench/hostile.py's): each test counts the
work a stage does on a small input and on one four times larger, or checks that a fast
look-up answers exactly what the full scan it replaced answered.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from essentiel import analyze
from essentiel.facts import entities, figures, quotes
from essentiel.facts.entities import EntityIndex, _Mention, _merge
from essentiel.facts.names import same_name, same_word
from essentiel.intervals import Intervals
from essentiel.keypoints.features import _entity_labels
from essentiel.model import (
    Block,
    BlockKind,
    Entity,
    EntityKind,
    EntityMention,
    MentionForm,
    Span,
)
from essentiel.pipeline import Pipeline

FIRST = ["Marie", "Jean", "Claire", "Louis", "Sophie", "Paul", "Camille", "Hugo"]
SYLLABLES = ["ber", "dan", "mor", "lau", "fon", "gar", "ri", "no", "sel", "va", "tin", "vil"]


def _people(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    found: set[str] = set()
    while len(found) < n:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        found.add(f"{rng.choice(FIRST)} {surname}")
    return sorted(found)


def _mentions(names: list[str]) -> list[_Mention]:
    """Each person by full name, then by surname, as an article names them."""
    out, at = [], 0
    for name in names:
        for text in (name, name.split()[-1]):
            out.append(_Mention(at, at + len(text), text, EntityKind.PERSON, MentionForm.NAME, 0))
            at += len(text) + 20
    return out


def _merge_all_pairs(mentions: list[_Mention]) -> list[list[str]]:
    """The merge as it was: every mention against every cluster (the reference)."""
    clusters: list[Any] = []
    for m in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
        target = None
        for c in reversed(clusters):
            # The same rule as the merge: a surname for a person, places and bodies only by
            # their whole name (``_by_whole_name``).
            whole = entities._by_whole_name(c, m)
            same = same_word if whole else same_name
            if entities._compatible(c, m) and any(same(m.text, n) for n in c.names):
                target = c
                break
        if target is None:
            target = entities._Cluster()
            clusters.append(target)
        target.kinds[m.kind] += 1
        if m.text not in target.names:
            target.names.append(m.text)
        target.mentions.append(m)
    return sorted(sorted(x.start for x in c.mentions) for c in clusters)


def test_merging_names_compares_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def counted(a: str, b: str) -> bool:
        nonlocal calls
        calls += 1
        return same_name(a, b)

    monkeypatch.setattr(entities, "same_name", counted)
    counts = []
    for n in (100, 400):
        calls = 0
        _merge(_mentions(_people(n, seed=n)))
        counts.append(calls)
    # Every cluster against every mention made this 16 times more (about 20,000 then 320,000).
    assert counts[0] > 0 and counts[1] <= 6 * counts[0], counts


def test_merging_by_key_merges_as_all_pairs_did() -> None:
    names = [
        "Volodymyr Zelensky",
        "Zelenskyy",
        "Зеленський",
        "Vladimir Poutine",
        "Putin",
        "Kiev",
        "Kyiv",
        "Marine Le Pen",
        "Jean-Marie Le Pen",
        "Le Pen",
        *_people(60, seed=3),
    ]
    rng = random.Random(5)
    mentions = []
    for k in range(400):
        text = rng.choice(names)
        if rng.random() < 0.5:
            text = text.split()[-1]
        kind = rng.choice([EntityKind.PERSON, EntityKind.PLACE, EntityKind.ORGANISATION])
        mentions.append(_Mention(k * 40, k * 40 + len(text), text, kind, MentionForm.NAME, 0))
    got = sorted(sorted(m.start for m in c.mentions) for c in _merge(mentions))
    assert got == _merge_all_pairs(mentions)


def _random_index(seed: int) -> EntityIndex:
    rng = random.Random(seed)
    ents = []
    for k in range(40):
        mentions = []
        for _ in range(rng.randint(1, 6)):
            a = rng.randrange(0, 3_000)
            b = a + rng.randint(2, 40)
            form = rng.choice([MentionForm.NAME, MentionForm.NAME, MentionForm.ROLE])
            mentions.append(
                EntityMention(span=Span(start=a, end=b, text="x" * (b - a)), form=form, block=0)
            )
        mentions.sort(key=lambda m: m.span.start)
        kind = rng.choice([EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE])
        ents.append(Entity(kind=kind, name=f"E{k}", aliases=[], mentions=mentions))
    genders = [rng.choice([None, "f", "m"]) for _ in ents]
    return EntityIndex(ents, genders)


def _all_mentions(index: EntityIndex) -> list[tuple[int, int, int]]:
    return [(m.span.start, m.span.end, k) for k, e in enumerate(index.entities) for m in e.mentions]


@pytest.mark.parametrize("seed", range(5))
def test_entity_lookups_answer_as_full_scans(seed: int) -> None:
    index = _random_index(seed)
    people = {EntityKind.PERSON, EntityKind.ORGANISATION}
    rng = random.Random(seed + 100)
    for _ in range(300):
        start = rng.randrange(0, 3_100)
        end = start + rng.randint(1, 60)
        head = rng.choice([None, start, start + 1])
        found = [(b - a, a, b, k) for a, b, k in _all_mentions(index) if a < end and b > start]
        want = None
        if head is not None and [m for m in found if m[1] <= head < m[2]]:
            want = max(m for m in found if m[1] <= head < m[2])[3]
        else:
            if head is not None:
                found = [m for m in found if index.entities[m[3]].kind in people]
            want = max(found)[3] if found else None
        assert index.at(start, end, head) == want
        if want is not None:
            longest = max(
                (
                    m
                    for m in index.entities[want].mentions
                    if m.span.start < end and start < m.span.end
                ),
                key=lambda m: m.span.end - m.span.start,
            )
            assert index.mention_in(want, start, end) is longest
        gender = rng.choice([None, "f", "m"])
        best: tuple[int, int] | None = None
        for k, e in enumerate(index.entities):
            if e.kind is not EntityKind.PERSON or not index.compatible(k, gender):
                continue
            for m in e.mentions:
                if (
                    m.form is MentionForm.NAME
                    and m.span.end <= start
                    and (best is None or m.span.start > best[0])
                ):
                    best = (m.span.start, k)
        assert index.person_before(start, gender) == (best[1] if best else None)
        named = max(
            (
                (a, k)
                for a, b, k in _all_mentions(index)
                if b <= start
                and start - b <= 600
                and index.entities[k].kind is EntityKind.ORGANISATION
                and any(
                    m.span.start == a and m.form is MentionForm.NAME
                    for m in index.entities[k].mentions
                )
            ),
            default=None,
        )
        got = index.named_before(start, frozenset({EntityKind.ORGANISATION}), within=600)
        assert got == (named[1] if named else None)


def test_intervals_answer_as_a_scan() -> None:
    rng = random.Random(1)
    spans: list[tuple[int, int]] = []
    intervals = Intervals()
    for _ in range(500):
        a = rng.randrange(0, 5_000)
        b = a + rng.randint(1, 80)
        want = any(x < b and a < y for x, y in spans)
        assert intervals.overlaps(a, b) is want
        if rng.random() < 0.5:
            spans.append((a, b))
            intervals.add(a, b)


class _CountingPattern:
    """A compiled pattern that counts the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.chars = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        self.chars += end - pos
        return self.pattern.search(text, pos, end)


def test_figures_read_a_window_not_the_whole_block() -> None:
    nlp = spacy.blank("fr")
    counts = []
    for n in (100, 400):
        text = " ".join(
            f"Le budget atteint {k + 2} millions d'euros cette année." for k in range(n)
        )
        extractor = figures.FigureExtractor("fr")
        pattern = _CountingPattern(extractor.r.currency_before)
        extractor.r = figures._Rules(**{**extractor.r.__dict__, "currency_before": pattern})
        found = extractor.figures(nlp(text), 0, [], 0)
        assert len(found) == n
        counts.append(pattern.chars)
    # The whole block before each number made this 16 times more.
    assert counts[1] <= 6 * counts[0], counts


@pytest.fixture(scope="module")
def nlp_fr() -> Any:
    return analyze.pipeline("fr")


def test_roles_look_for_their_name_nearby_only(
    monkeypatch: pytest.MonkeyPatch, nlp_fr: Any
) -> None:
    calls = 0
    apposed = entities._apposed

    def counted(between: str) -> bool:
        nonlocal calls
        calls += 1
        return apposed(between)

    monkeypatch.setattr(entities, "_apposed", counted)
    counts = []
    for n in (20, 80):
        sentences = [
            f"Le maire de la ville a reçu {name} mardi à la mairie." for name in _people(n, seed=n)
        ]
        text = " ".join(sentences)
        block = Block(
            index=0,
            kind=BlockKind.BODY,
            span=Span(start=0, end=len(text), text=text),
            lang="fr",
            reason="test",
        )
        calls = 0
        entities.extract_entities(text, [(block, nlp_fr(text), "fr")], "fr")
        counts.append(calls)
    # Every name after each role made this 16 times more.
    assert counts[0] > 0 and counts[1] <= 6 * counts[0], counts


def test_entity_labels_are_spacys_span_ents() -> None:
    nlp = spacy.blank("fr")
    doc: Doc = nlp("Marie Dubois a vu Paul Girard à Rennes puis à Brest avec la SNCF hier soir .")
    doc.ents = [
        SpacySpan(doc, 0, 2, label="PER"),
        SpacySpan(doc, 4, 6, label="PER"),
        SpacySpan(doc, 7, 8, label="LOC"),
        SpacySpan(doc, 10, 11, label="LOC"),
        SpacySpan(doc, 13, 14, label="ORG"),
    ]
    cache: dict[int, Any] = {}
    for a in range(len(doc)):
        for b in range(a + 1, len(doc) + 1):
            span = doc[a:b]
            assert _entity_labels(span, cache) == [e.label_ for e in span.ents]


def _block(text: str, start: int = 7) -> Block:
    return Block(
        index=3,
        kind=BlockKind.BODY,
        span=Span(start=start, end=start + len(text), text=text),
        lang="fr",
        reason="test",
    )


def test_a_long_paragraph_is_parsed_in_pieces_at_sentence_ends() -> None:
    text = " ".join(
        f"Le conseil de la ville numéro {k} a voté le budget mardi soir." for k in range(200)
    )
    pieces = analyze.parse_pieces(_block(text), limit=1_000)
    assert len(pieces) > 10
    assert all(len(p.span.text) <= 1_000 for p in pieces)
    for piece in pieces:
        assert piece.index == 3 and piece.kind is BlockKind.BODY
        assert text[piece.span.start - 7 : piece.span.end - 7] == piece.span.text
        assert piece.span.text.endswith(".")
    # Nothing but the spaces between them is left out.
    assert " ".join(p.span.text for p in pieces) == text
    assert analyze.parse_pieces(_block("Court."), limit=1_000) == [_block("Court.")]


def test_batches_hold_at_most_their_characters() -> None:
    pieces = [_block("x" * n, start=k * 1_000) for k, n in enumerate([400, 300, 500, 900, 50])]
    batches = analyze.parse_batches(pieces, limit=1_000)
    assert [[len(p.span.text) for p in b] for b in batches] == [[400, 300], [500], [900, 50]]


def test_a_paragraph_parsed_in_pieces_keeps_its_offsets(
    monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline
) -> None:
    monkeypatch.setattr(analyze, "PARSE_PIECE_CHARS", 600)
    body = " ".join(
        f"« Nous voterons le budget numéro {k} », a déclaré Marie Dubois, maire de Rennes. "
        f"Selon Paul Girard, le projet coûtera {k + 3} millions d'euros."
        for k in range(30)
    )
    digest = pipeline.digest("Le budget\n\n" + body, lang="fr", published="2025-06-01")
    text = digest.article.text
    assert len(digest.sentences) >= 55
    for s in digest.sentences:
        assert text[s.span.start : s.span.end] == s.span.text
    for q in digest.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
    names = {e.name for e in digest.entities}
    assert {"Marie Dubois", "Paul Girard"} <= names


class _CountingDoc:
    """A parsed doc that counts the tokens handed out one by one."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.touched = doc, 0

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self) -> Any:
        for tok in self.doc:
            self.touched += 1
            yield tok

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, int):
            self.touched += 1
        return self.doc[i]


def test_a_source_phrase_reads_the_tokens_after_its_marker_only(nlp_fr: Any) -> None:
    extractor = quotes.QuoteExtractor("fr")
    counts = []
    for n in (25, 100):
        text = " ".join(
            f"Selon {name}, le budget de la ville augmentera l'an prochain."
            for name in _people(n, seed=n)
        )
        doc = _CountingDoc(nlp_fr(text))
        found = [
            extractor._source_phrase(doc, m.end(), lambda _i: False)  # type: ignore[arg-type]
            for m in extractor.r.according_to.finditer(text)
        ]
        assert len(found) == n and all(f is not None for f in found)
        counts.append(doc.touched)
    # A list of the rest of the block per marker made this 16 times more.
    assert counts[1] <= 6 * counts[0], counts
