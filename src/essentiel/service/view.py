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

from essentiel.model import BlockKind, Digest, MentionForm, Span

BLOCK_LABELS = {
    BlockKind.HEADLINE: "Headline",
    BlockKind.PUBLISHER_SUMMARY: "Publisher's summary",
    BlockKind.EMBEDDED_POST: "Embedded post",
    BlockKind.RELATED_LINK: "Related link (« Lire aussi »)",
    BlockKind.CAPTION: "Caption",
    BlockKind.BYLINE: "Byline",
    BlockKind.SUBHEADING: "Subheading",
    BlockKind.HEADLINE_REPEAT: "Headline, printed again",
}


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


@dataclass
class BlockView:
    index: int
    kind: str
    label: str | None
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


def ranges(spans: Iterable[Span | None]) -> str:
    return " ".join(f"{s.start}-{s.end}" for s in spans if s is not None and s.end > s.start)


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a page's own metadata is untrusted too."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", " ") if value == int(value) else f"{value:,.2f}"


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
            label=BLOCK_LABELS.get(block.kind),
            lang=block.lang,
            foreign=block.lang is not None and block.lang != article.lang,
        )
        inside = [c for c in cuts if block.span.start < c < block.span.end]
        edges = [block.span.start, *inside, block.span.end]
        view.segments = [Segment(a, b, text[a:b]) for a, b in pairwise(edges)]
        blocks.append(view)

    keypoints = [
        Item(
            label=p.text,
            ranges=ranges(p.sources),
            strong=ranges(p.fragments),
            detail="verified" if p.verdict.passed else "not verified",
            extra=tuple(
                f"{c.kind.value}: {c.text}" + ("" if c.found else " (not found)")
                for c in p.verdict.checks
            ),
        )
        for p in digest.keypoints
    ]
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
        Item(
            label=q.content.text,
            ranges=ranges((q.content, q.speaker, q.cue)),
            strong=ranges((q.content,)),
            detail=q.kind.value.replace("_", " "),
            extra=(q.speaker_name or "unknown speaker", q.resolution),
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
            detail=d.value or "unresolved",
            extra=(d.grain.value.replace("_", " "), d.anchor),
        )
        for d in digest.dates
    ]
    return {
        "digest": digest,
        "article": article,
        "url": safe_url(article.url),
        "blocks": blocks,
        "keypoints": keypoints,
        "keypoints_title": digest.keypoints_title,
        "entities": entities,
        "quotes": quotes,
        "figures": figures,
        "dates": dates,
        "notices": digest.notices,
    }
