"""Terminal view of a Digest (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from essentiel.model import BlockKind, Digest, Quote, QuoteKind, SentenceVerdict, SummaryCheck

_KIND_LABEL = {
    BlockKind.HEADLINE: "headline",
    BlockKind.PUBLISHER_SUMMARY: "publisher summary",
    BlockKind.EMBEDDED_POST: "embedded post",
    BlockKind.RELATED_LINK: "related link",
    BlockKind.CAPTION: "caption",
    BlockKind.BYLINE: "byline",
    BlockKind.SUBHEADING: "subheading",
    BlockKind.HEADLINE_REPEAT: "headline, printed again",
}
PREVIEW_CHARS = 160


def _preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A direct quote is the speaker's words and is shown between the article language's marks;
# indirect and according-to speech (« selon X, … ») are the journalist's and are not.
_QUOTE_MARKS = {"fr": ("« ", " »"), "en": ("“", "”")}


def quoted(quote: Quote, lang: str | None) -> str:
    content = _preview(quote.content.text, 80)
    if quote.kind is not QuoteKind.DIRECT:
        return content
    opening, closing = _QUOTE_MARKS.get(lang or "", ("“", "”"))
    return opening + content + closing


def render(digest: Digest, console: Console) -> None:
    article = digest.article
    header = Text(article.title or "(untitled)", style="bold")
    meta = [
        article.published.isoformat() if article.published else "date unknown",
        article.site_name or "",
        f"lang: {article.lang or '?'}",
        article.url or "",
    ]
    header.append("\n" + " · ".join(m for m in meta if m), style="dim")

    bullets = Text()
    for i, point in enumerate(digest.keypoints):
        if i:
            bullets.append("\n")
        mark, style = ("✓", "green") if point.verdict.passed else ("✗", "red")
        bullets.append(f"{mark} ", style=style)
        bullets.append(point.text)
        how = (
            "source sentence (compressed bullet failed)"
            if point.fallback
            else ("removed: " + ", ".join(point.removed) if point.removed else "whole sentence")
        )
        checked = len(point.verdict.checks)
        bullets.append(f"\n  {how}; {checked} item(s) checked against the source", style="dim")
    if not digest.keypoints:
        bullets.append("no key points", style="dim")
    box = Panel(bullets, title=digest.keypoints_title, expand=True)
    parts: list[Table | Text | Panel] = [header, box]

    if digest.dates:
        dates = Table(title="Dates", expand=True)
        for column in ("as written", "resolved", "grain", "anchor"):
            dates.add_column(column)
        for d in digest.dates:
            grain = d.grain.value + (f" ({d.part_of_day})" if d.part_of_day else "")
            anchor = d.anchor + (f": {d.anchor_text}" if d.anchor_text else "")
            dates.add_row(d.span.text, d.value or "—", grain, _preview(anchor))
        parts.append(dates)
    if digest.figures:
        figures = Table(title="Figures", expand=True)
        for column in ("as written", "value", "unit", "counts", "part of"):
            figures.add_column(column)
        for f in digest.figures:
            whole = digest.figures[f.part_of].span.text if f.part_of is not None else ""
            figures.add_row(f.span.text, f"{f.value:,.10g}", f.unit or "", f.counts or "", whole)
        parts.append(figures)

    if digest.quotes:
        quotes = Table(title="Quotes", expand=True)
        for column in ("speaker", "kind", "what", "cue"):
            quotes.add_column(column)
        for q in digest.quotes:
            who = q.speaker_name or "unknown"
            if q.speaker is not None and q.resolution in {"pronoun", "role"}:
                who += f" (« {q.speaker.text} »)"
            elif q.resolution == "context":
                who += " (continued)"
            quotes.add_row(
                who,
                q.kind.value.replace("_", " "),
                quoted(q, article.lang),
                q.cue.text if q.cue else "",
            )
        parts.append(quotes)
    if digest.entities:
        entities = Table(title="Entities", expand=True)
        for column in ("name", "kind", "mentions", "also written"):
            entities.add_column(column)
        for e in digest.entities:
            kind = e.kind.value + (f", government of {e.government_of}" if e.government_of else "")
            entities.add_row(
                e.name, kind, str(len(e.mentions)), _preview(" · ".join(e.aliases), 80)
            )
        parts.append(entities)

    others = [b for b in article.blocks if b.kind is not BlockKind.BODY]
    if others:
        table = Table(title="Other blocks (kept, not used for key points)", expand=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("lang", no_wrap=True)
        table.add_column("text")
        for block in others:
            table.add_row(
                _KIND_LABEL.get(block.kind, block.kind.value),
                block.lang or "?",
                _preview(block.span.text),
            )
        parts.append(table)
    body = [b for b in article.blocks if b.kind is BlockKind.BODY]
    summary = Text(
        f"{len(body)} body block(s), {len(digest.sentences)} sentence(s), "
        f"{len(article.text):,} characters of clean text · id {article.id}",
        style="dim",
    )
    parts.append(summary)
    for notice in digest.notices:
        parts.append(Text(f"note [{notice.code}]: {notice.message}", style="yellow"))
    console.print(Group(*parts))


_VERDICT_MARK = {
    SentenceVerdict.SUPPORTED: ("✓", "green", "supported"),
    SentenceVerdict.UNSUPPORTED: ("✗", "red", "unsupported"),
    SentenceVerdict.CANNOT_TELL: ("?", "yellow", "cannot tell"),
}


def render_check(result: SummaryCheck, console: Console) -> None:
    """A checked summary: each sentence with its verdict, its problems and its evidence."""
    mark, style, label = _VERDICT_MARK[result.verdict]
    header = Text(f"{mark} summary {label}", style=f"bold {style}")
    header.append(f" · score {result.score:.2f}", style="dim")
    title = result.article.title or "(untitled)"
    header.append(f"\nagainst: {title} · lang: {result.article.lang or '?'}", style="dim")
    parts: list[Text | Panel] = [header]
    for sentence in result.sentences:
        mark, style, label = _VERDICT_MARK[sentence.verdict]
        body = Text()
        body.append(f"{mark} ", style=style)
        body.append(sentence.text)
        body.append(f"\n  {label}, score {sentence.score:.2f}", style="dim")
        for problem in sentence.problems:
            body.append(f"\n  • {problem.kind.value}: {problem.message}", style=style)
        if sentence.evidence:
            body.append("\n  closest in the article: ", style="dim")
            body.append(_preview(sentence.evidence[0].text, 200), style="italic")
        parts.append(Panel(body, expand=True))
    for notice in result.notices:
        parts.append(Text(f"note [{notice.code}]: {notice.message}", style="yellow"))
    console.print(Group(*parts))


def _cell(value: object, fmt: str = "{:.2f}", scale: float = 1.0) -> str:
    if value is None:
        return "–"
    assert isinstance(value, int | float)
    return fmt.format(value * scale)


def render_eval(report: dict[str, Any], console: Console) -> None:
    """The systems of an evaluation run side by side (ROUGE F1 in points)."""
    table = Table(
        title=f"{report['dataset']} · {report['documents']:,} document(s)"
        + (f" · {report['failed']} unreadable" if report["failed"] else ""),
        title_justify="left",
    )
    table.add_column("system")
    for label in ("R1", "R2", "RL", "RLsum"):
        table.add_column(label, justify="right")
    for label in ("R1·u", "R2·u", "RL·u"):
        table.add_column(label, justify="right", style="dim")
    for label in ("bullets", "words", "verified", "supported", "fact errs", "ms/doc"):
        table.add_column(label, justify="right")
    for system in report["systems"]:
        default, unicode = system["rouge"]["rouge-score"], system["rouge"]["unicode"]
        table.add_row(
            Text(system["name"], style="bold" if system["kind"] == "ours" else ""),
            *(_cell(default[k]) for k in ("rouge1", "rouge2", "rougeL", "rougeLsum")),
            *(_cell(unicode[k]) for k in ("rouge1", "rouge2", "rougeL")),
            _cell(system["bullets_per_summary"], "{:.1f}"),
            _cell(system["words_per_summary"], "{:.0f}"),
            _cell(system["verified_share"], "{:.1f} %", 100),
            _cell(system["checker_supported_share"], "{:.1f} %", 100),
            _cell(system["fact_problem_share"], "{:.1f} %", 100),
            _cell(system["ms_per_document"], "{:.0f}"),
        )
    console.print(table)
    console.print(
        Text(
            "ROUGE F1 with rouge-score's tokenizer (as published); ·u with a Unicode-word "
            "tokenizer that keeps accented letters. verified: bullets passing our verifier "
            "against their cited sources. supported: summary sentences our checker finds "
            "supported. fact errs: summaries naming a person, number, date or quote the "
            "article does not support.",
            style="dim",
        )
    )
    for failure in report["failures"][:5]:
        console.print(Text(f"unreadable {failure['id']}: {failure['error']}", style="yellow"))
