"""The pipeline: ingest -> clean -> analyze -> keypoints (with verify) -> Digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

from essentiel import resources
from essentiel.analyze import analyze, keep_words, parse_zone, pipeline
from essentiel.clean import Cleaned, clean
from essentiel.collection import digest_ended, full_collections_held
from essentiel.encoding import decoding_notices
from essentiel.errors import InputTooLarge, NoArticle, UnsupportedLanguage
from essentiel.facts import extract_facts
from essentiel.ingest import DEFAULT_MAX_BYTES, ingest
from essentiel.keypoints import ArticleContext, KeyPointSettings, build_keypoints
from essentiel.model import Article, BlockKind, Digest, Notice
from essentiel.threads import default_blas_threads, limit_blas_threads

# An HTML page's main text shorter than this is page furniture, not an article: the shortest
# news brief runs to three or four sentences.
MIN_ARTICLE_WORDS = 25
# spaCy's default Language.max_length: the longest text one parse accepts.
PARSE_MAX_CHARS = 1_000_000
# Latin stops, and the full stops of other scripts (the danda of Bengali and Hindi, the
# ideographic stop, the Arabic question mark and Urdu full stop): a page in a language we do
# not support is an unsupported language, not a page without an article.
_SENTENCE_END = re.compile(r"(?:[.!?…][»\"”’)]*(?:\s|$))|[।॥。！？؟۔]")


@dataclass(frozen=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    keypoints: KeyPointSettings = field(default_factory=KeyPointSettings)
    # BLAS/OpenMP threads of this process (essentiel.threads): 1 unless ESSENTIEL_BLAS_THREADS
    # says otherwise; 0 leaves the libraries' default (one per core). Per process, not per
    # pipeline: the last Pipeline built sets it.
    blas_threads: int = field(default_factory=default_blas_threads)

    def __post_init__(self) -> None:
        if self.blas_threads < 0:
            raise ValueError("need blas_threads >= 0")


class Pipeline:
    """Reusable digest pipeline. Heavy resources (spaCy) are loaded once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        limit_blas_threads(self.settings.blas_threads)
        # Seconds spent per stage over this pipeline's life, wall clock and this process's CPU
        # (read by bench/throughput.py; on a shared machine only the CPU figure is stable).
        self.stage_seconds: defaultdict[str, float] = defaultdict(float)
        self.stage_cpu_seconds: defaultdict[str, float] = defaultdict(float)
        self._clock = time.perf_counter()
        self._cpu_clock = time.process_time()

    def _lap(self, stage: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.stage_seconds[stage] += now - self._clock
        self.stage_cpu_seconds[stage] += cpu - self._cpu_clock
        self._clock, self._cpu_clock = now, cpu

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
        # Full garbage collections held to the end of the digest (essentiel.collection): the
        # one that runs then, if due, is counted in the "output" stage.
        with full_collections_held():
            result = self._digest(
                source,
                published=published,
                lang=lang,
                url=url,
                article_id=article_id,
                title=title,
            )
        digest_ended()  # now and then, the memory freed goes back to the system
        self._lap("output")
        return result

    def _digest(
        self,
        source: str | bytes,
        *,
        published: dt.date | dt.datetime | str | None,
        lang: str | None,
        url: str | None,
        article_id: str | None,
        title: str | None,
    ) -> Digest:
        if isinstance(published, str):
            published = _iso_date(published)
        supported = resources.supported_languages()
        if lang is not None and lang not in supported:
            raise ValueError(f"lang={lang!r} is not supported; supported: {', '.join(supported)}")
        self._clock, self._cpu_clock = time.perf_counter(), time.process_time()
        raw = ingest(source, max_bytes=self.settings.max_bytes, url=url)
        self._lap("ingest")
        cleaned = clean(raw, lang_hint=lang, headline=title)
        self._lap("clean")
        notices: list[Notice] = decoding_notices(cleaned.text)

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
        if raw.source_format == "html":
            _require_article(cleaned)
        if cleaned.lang not in resources.supported_languages():
            partial = Digest(article=article, sentences=[], keypoints=[], notices=notices)
            found = cleaned.lang or "unknown"
            raise UnsupportedLanguage(
                f"language {found!r} is not supported (supported: "
                f"{', '.join(resources.supported_languages())}); clean text and blocks only",
                partial,
            )
        _require_parseable(cleaned)
        # The spaCy docs live only inside the zone; the Digest holds text and offsets.
        with parse_zone([cleaned.lang]):
            analysis = analyze(cleaned.blocks, cleaned.lang)
            self._lap("analyze")
            sentences = [s for s in analysis.sentences if s.lang == cleaned.lang]
            published_day = _as_date(published_value) if published_value else None
            # Facts first: the key points name a pronoun's person from the entities.
            facts = extract_facts(
                cleaned.text,
                analysis,
                cleaned.lang,
                published_day,
                lap=self._lap,
                title=article.title,
            )
            standfirst = " ".join(
                b.span.text for b in cleaned.blocks if b.kind is BlockKind.PUBLISHER_SUMMARY
            )
            keypoint_settings = self.settings.keypoints
            if any(n.code == "published_conflict" for n in notices):
                # The page's date and the caller's disagree: a weekday's calendar date would
                # rest on a guess (round 36: a sidebar's date read as the page's, « Tuesday
                # [October 31] » for 7 November); the bullets keep the weekday bare.
                keypoint_settings = replace(keypoint_settings, day_brackets=False)
            keypoints, kp_notices = build_keypoints(
                cleaned.text,
                sentences,
                resources.language(cleaned.lang),
                article.title,
                keypoint_settings,
                published_day,
                ArticleContext(
                    standfirst=standfirst or None, entities=facts.entities, dates=facts.dates
                ),
            )
            self._lap("keypoints")
            result = Digest(
                article=article,
                keypoints_title=resources.language(cleaned.lang).box_title,
                sentences=[s.to_model(cleaned.text) for s in analysis.sentences],
                keypoints=keypoints,
                dates=facts.dates,
                figures=facts.figures,
                entities=facts.entities,
                quotes=facts.quotes,
                notices=notices + kp_notices,
            )
        # Out of the zone: this article's new words kept for the next ones (analyze.keep_words).
        keep_words(cleaned.lang, cleaned.text)
        self._lap("output")
        return result


def _require_article(cleaned: Cleaned) -> None:
    """An HTML page whose main text is a few words of furniture (a breadcrumb, « Page
    introuvable », a cookie banner) has no article: that is bad input (exit 3, HTTP 422
    no_article), whatever the language detector makes of the crumbs."""
    body = [
        cleaned.text[b.span.start : b.span.end] for b in cleaned.blocks if b.kind is BlockKind.BODY
    ]
    # Only paragraphs with a sentence in them count: « Accueil › Politique › Local » has none.
    words = sum(len(text.split()) for text in body if _SENTENCE_END.search(text))
    if words < MIN_ARTICLE_WORDS:
        raise NoArticle(
            f"no article in the HTML page: its main text is {words} word(s) of page furniture"
        )
    if cleaned.lang is None:
        raise NoArticle(
            "no article in the HTML page: no paragraph of its main text is long enough to be one"
        )


def _require_parseable(cleaned: Cleaned) -> None:
    """spaCy refuses a text over its max_length with a ValueError (and would need about 1 GB
    per 100,000 characters to parse it); a paragraph that long is refused as too large."""
    longest = max((b.span.end - b.span.start for b in cleaned.blocks), default=0)
    if longest > PARSE_MAX_CHARS:
        raise InputTooLarge(
            f"a paragraph is {longest:,} characters long, over the parser's limit of "
            f"{PARSE_MAX_CHARS:,} characters per paragraph"
        )


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
