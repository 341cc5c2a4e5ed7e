"""What the digest page shows, computed from a Digest: the article cut into segments at every
offset something points to, so that the page can highlight any span by character range.

Why segments: the spans overlap (a quote covers two sentences, an entity sits inside a quote),
so they cannot all be HTML elements nested in the text. Cutting the text at every boundary
gives flat ``<span data-a data-b>`` pieces; highlighting a range is marking the pieces inside
it. The template escapes every piece of text; only integers go into attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

from essentiel.model import BlockKind, Digest, KeyPoint, MentionForm, QuoteKind, Span

# The blocks the page frames and labels (the body is the plain text around them); the label
# itself is the interface's, ``[block]`` of resources/<ui>/interface.toml.
LABELLED_BLOCKS = frozenset(BlockKind) - {BlockKind.BODY}


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


@dataclass
class BlockView:
    index: int
    kind: str
    labelled: bool
    lang: str | None
    foreign: bool
    segments: list[Segment] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    """A clickable line of the page: its label and the ranges it highlights."""

    label: str
    ranges: str
    strong: str = ""
    detail: str = ""
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckView:
    """One item the verifier looked for in the sources: its kind (``[check_kind]``), the item
    as the bullet writes it, and whether it was found."""

    kind: str
    text: str
    found: bool


@dataclass(frozen=True)
class KeyPointView:
    """A bullet with its evidence beside it: the source sentences cut into pieces, each
    flagged when the bullet keeps it, so the page shows the kept words without the reader
    having to find the sentence in the article."""

    text: str
    ranges: str
    strong: str
    verified: bool
    evidence: tuple[tuple[tuple[str, bool], ...], ...]
    checks: tuple[CheckView, ...]
    anchor: int


@dataclass(frozen=True)
class QuoteView:
    """A quote as the page shows it. Only a direct quote is the speaker's own words and goes
    between quotation marks; indirect and according-to speech (« selon X, … ») are the
    journalist's words and are shown as reported speech."""

    kind: str
    content: str
    speaker: str | None
    ranges: str
    strong: str

    @property
    def verbatim(self) -> bool:
        return self.kind == QuoteKind.DIRECT.value


def ranges(spans: Iterable[Span | None]) -> str:
    return " ".join(f"{s.start}-{s.end}" for s in spans if s is not None and s.end > s.start)


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a page's own metadata is untrusted too."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:,.2f}"


def kept_pieces(source: Span, fragments: Iterable[Span]) -> tuple[tuple[str, bool], ...]:
    """The source sentence cut into pieces, each flagged when a fragment the bullet keeps
    covers it."""
    kept = sorted(
        (max(f.start, source.start), min(f.end, source.end))
        for f in fragments
        if f.start < source.end and source.start < f.end
    )
    pieces: list[tuple[str, bool]] = []
    at = source.start
    for start, end in kept:
        if start > at:
            pieces.append((source.text[at - source.start : start - source.start], False))
        if end > max(start, at):
            piece = source.text[max(start, at) - source.start : end - source.start]
            pieces.append((piece, True))
        at = max(at, end)
    if at < source.end:
        pieces.append((source.text[at - source.start :], False))
    return tuple(pieces)


def keypoint_view(point: KeyPoint) -> KeyPointView:
    return KeyPointView(
        text=point.text,
        ranges=ranges(point.sources),
        strong=ranges(point.fragments),
        verified=point.verdict.passed,
        evidence=tuple(kept_pieces(s, point.fragments) for s in point.sources),
        checks=tuple(CheckView(c.kind.value, c.text, c.found) for c in point.verdict.checks),
        anchor=point.sources[0].start if point.sources else 0,
    )


def article_view(digest: Digest) -> dict[str, Any]:
    article = digest.article
    text = article.text
    boundaries: set[int] = {0, len(text)}

    def cut(spans: Iterable[Span | None]) -> None:
        for s in spans:
            if s is not None:
                boundaries.update((s.start, s.end))

    cut(s.span for s in digest.sentences)
    for point in digest.keypoints:
        cut(point.sources)
        cut(point.fragments)
    for entity in digest.entities:
        cut(m.span for m in entity.mentions)
    for quote in digest.quotes:
        cut((quote.content, quote.cue, quote.speaker))
    cut(f.span for f in digest.figures)
    cut(d.span for d in digest.dates)

    cuts = sorted(boundaries)
    blocks: list[BlockView] = []
    for block in article.blocks:
        view = BlockView(
            index=block.index,
            kind=block.kind.value,
            labelled=block.kind in LABELLED_BLOCKS,
            lang=block.lang,
            foreign=block.lang is not None and block.lang != article.lang,
        )
        inside = [c for c in cuts if block.span.start < c < block.span.end]
        edges = [block.span.start, *inside, block.span.end]
        view.segments = [Segment(a, b, text[a:b]) for a, b in pairwise(edges)]
        blocks.append(view)

    keypoints = [keypoint_view(p) for p in digest.keypoints]
    entities = [
        Item(
            label=e.name,
            ranges=ranges(m.span for m in e.mentions),
            detail=e.kind.value,
            extra=(
                str(len(e.mentions)),
                ", ".join(
                    a
                    for a in e.aliases
                    if a not in {m.span.text for m in e.mentions if m.form is MentionForm.ROLE}
                ),
            ),
        )
        for e in sorted(digest.entities, key=lambda e: (-len(e.mentions), e.name))
    ]
    quotes = [
        QuoteView(
            kind=q.kind.value,
            content=q.content.text,
            speaker=q.speaker_name,
            ranges=ranges((q.content, q.speaker, q.cue)),
            strong=ranges((q.content,)),
        )
        for q in digest.quotes
    ]
    figures = [
        Item(
            label=f.span.text,
            ranges=ranges((f.span,)),
            strong=ranges((f.number,)),
            detail=_number(f.value),
            extra=(
                f.unit or "",
                f.counts or "",
                digest.figures[f.part_of].span.text if f.part_of is not None else "",
            ),
        )
        for f in digest.figures
    ]
    dates = [
        Item(
            label=d.span.text,
            ranges=ranges((d.span,)),
            detail=d.value or "",
            extra=(d.grain.value, d.anchor),
        )
        for d in digest.dates
    ]
    return {
        "digest": digest,
        "article": article,
        "url": safe_url(article.url),
        "blocks": blocks,
        "keypoints": keypoints,
        # The segments a key point's "see it in the article" link lands on.
        "anchors": {k.anchor for k in keypoints if k.ranges},
        "keypoints_title": digest.keypoints_title,
        "entities": entities,
        "quotes": quotes,
        "figures": figures,
        "dates": dates,
        "notices": digest.notices,
    }
