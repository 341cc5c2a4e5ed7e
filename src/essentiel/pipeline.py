"""The pipeline: ingest -> clean -> analyze -> keypoints (with verify) -> Digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import defaultdict
from dataclasses import dataclass, field

from essentiel import resources
from essentiel.analyze import analyze, parse_zone, pipeline
from essentiel.clean import clean
from essentiel.errors import NoArticle, UnsupportedLanguage
from essentiel.facts import extract_facts
from essentiel.ingest import DEFAULT_MAX_BYTES, ingest
from essentiel.keypoints import ArticleContext, KeyPointSettings, build_keypoints
from essentiel.model import Article, BlockKind, Digest, Notice


@dataclass(frozen=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    keypoints: KeyPointSettings = field(default_factory=KeyPointSettings)


class Pipeline:
    """Reusable digest pipeline. Heavy resources (spaCy) are loaded once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        # Seconds spent per stage over this pipeline's life (read by bench/throughput.py).
        self.stage_seconds: defaultdict[str, float] = defaultdict(float)
        self._clock = time.perf_counter()

    def _lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stage_seconds[stage] += now - self._clock
        self._clock = now

    def warm_up(self, langs: tuple[str, ...] | None = None) -> None:
        """Load the spaCy pipelines now rather than on the first article."""
        for code in langs or resources.supported_languages():
            pipeline(code)

    def digest(
        self,
        source: str | bytes,
        *,
        published: dt.date | dt.datetime | str | None = None,
        lang: str | None = None,
        url: str | None = None,
        article_id: str | None = None,
        title: str | None = None,
    ) -> Digest:
        """Digest one article. ``title`` is its headline when the input does not carry one
        (a plain-text body from a dataset or a CMS field); a headline found in the input wins.
        ``published`` may be an ISO date string (« 2025-07-04 »)."""
        if isinstance(published, str):
            published = _iso_date(published)
        supported = resources.supported_languages()
        if lang is not None and lang not in supported:
            raise ValueError(f"lang={lang!r} is not supported; supported: {', '.join(supported)}")
        self._clock = time.perf_counter()
        raw = ingest(source, max_bytes=self.settings.max_bytes, url=url)
        self._lap("ingest")
        cleaned = clean(raw, lang_hint=lang)
        self._lap("clean")
        notices: list[Notice] = []

        published_value: dt.date | dt.datetime | None = raw.published
        published_from: str | None = "input" if raw.published else None
        if published is not None:
            if raw.published is None:
                published_value, published_from = published, "caller"
            elif _as_date(published) != raw.published:
                notices.append(
                    Notice(
                        code="published_conflict",
                        message=f"the page says it was published on {raw.published.isoformat()}; "
                        f"that date is kept over the caller's {published.isoformat()}",
                    )
                )

        article = Article(
            id=article_id or hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest()[:16],
            url=raw.url,
            title=cleaned.title or raw.title or title,
            site_name=raw.site_name,
            published=published_value,
            published_from=published_from,
            lang=cleaned.lang,
            source_format=raw.source_format,
            text=cleaned.text,
            blocks=cleaned.blocks,
        )
        if not any(b.kind is BlockKind.BODY for b in cleaned.blocks):
            raise NoArticle("no body text: every block is a caption, link, post or summary")
        if cleaned.lang not in resources.supported_languages():
            partial = Digest(article=article, sentences=[], keypoints=[], notices=notices)
            found = cleaned.lang or "unknown"
            raise UnsupportedLanguage(
                f"language {found!r} is not supported (supported: "
                f"{', '.join(resources.supported_languages())}); clean text and blocks only",
                partial,
            )
        # The spaCy docs live only inside the zone; the Digest holds text and offsets.
        with parse_zone([cleaned.lang]):
            analysis = analyze(cleaned.blocks, cleaned.lang)
            self._lap("analyze")
            sentences = [s for s in analysis.sentences if s.lang == cleaned.lang]
            # Facts first: the key points name a pronoun's person from the entities.
            facts = extract_facts(
                cleaned.text,
                analysis,
                cleaned.lang,
                _as_date(published_value) if published_value else None,
                lap=self._lap,
            )
            standfirst = " ".join(
                b.span.text for b in cleaned.blocks if b.kind is BlockKind.PUBLISHER_SUMMARY
            )
            keypoints, kp_notices = build_keypoints(
                cleaned.text,
                sentences,
                resources.language(cleaned.lang),
                article.title,
                self.settings.keypoints,
                _as_date(published_value) if published_value else None,
                ArticleContext(standfirst=standfirst or None, entities=facts.entities),
            )
            self._lap("keypoints")
            result = Digest(
                article=article,
                sentences=[s.to_model(cleaned.text) for s in analysis.sentences],
                keypoints=keypoints,
                dates=facts.dates,
                figures=facts.figures,
                entities=facts.entities,
                quotes=facts.quotes,
                notices=notices + kp_notices,
            )
        self._lap("output")
        return result


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"published={value!r}: expected an ISO date such as 2025-07-04") from None


_default: Pipeline | None = None


def digest(
    text_or_html: str | bytes,
    published: dt.date | dt.datetime | str | None = None,
    lang: str | None = None,
    *,
    url: str | None = None,
) -> Digest:
    """Digest one article (plain text or an HTML page) with the default settings."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.digest(text_or_html, published=published, lang=lang, url=url)
