"""Key points: select news-carrying body sentences, compress them, verify each bullet.

A bullet that fails verification is replaced by its uncompressed source sentence when that
passes and fits the word limit, otherwise dropped; selection then moves on to the next candidate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from essentiel.analyze import ParsedSentence
from essentiel.keypoints.compress import Compressor, count_words
from essentiel.keypoints.learned import score_learned
from essentiel.keypoints.select import (
    OPENING_MARKS,
    Candidate,
    badly_cut,
    content_lemmas,
    inside_long_quotes,
    inside_single_quotes,
    next_best,
    rarity,
    score_sentences,
    speakerless_quotes,
    unfinished,
)
from essentiel.model import KeyPoint, Notice, Span
from essentiel.resources import SELECTORS, Language
from essentiel.verify import Verifier


@dataclass(frozen=True)
class KeyPointSettings:
    max_keypoints: int = 3
    min_keypoints: int = 2
    max_words: int = 30
    target_words: int = 25
    # Bullets beyond min_keypoints only for candidates scoring at least this share of the best
    # one: 0 (the default) fills up to max_keypoints; higher values keep the extra bullets for
    # articles that have another point nearly as strong as their first.
    extra_ratio: float = 0.0
    # "learned": the shipped model (keypoints/learned.py); "heuristic": select.py's weights;
    # "lead": the body's order, first sentences first (the news lead, as LEAD-k takes it,
    # with the same candidates, compression and verification). None: the article language's
    # choice (``[keypoints] selector`` in its language.toml): the model was trained on French
    # abstracts only, and on English highlights the lead does better (docs/benchmarks.md).
    selector: str | None = None
    # The model learned what journalists' abstracts restate (mostly the lead); select.py's
    # score knows what a key point is made of (names, figures, dates). Half and half keeps
    # ROUGE within noise of the model alone on held-out articles and does not pass over a
    # figure-laden sentence for a filler like « Washington n'a pas commenté » (the seed).
    learned_weight: float = 0.5

    def __post_init__(self) -> None:
        if self.selector is not None and self.selector not in SELECTORS:
            raise ValueError(f"selector {self.selector!r}: choose one of {', '.join(SELECTORS)}")
        if not 1 <= self.min_keypoints <= self.max_keypoints:
            raise ValueError("need 1 <= min_keypoints <= max_keypoints")
        if not 0.0 <= self.learned_weight <= 1.0:
            raise ValueError("need 0 <= learned_weight <= 1")
        if not 0.0 <= self.extra_ratio <= 1.0:
            raise ValueError("need 0 <= extra_ratio <= 1")
        if not 1 <= self.target_words <= self.max_words:
            raise ValueError("need 1 <= target_words <= max_words")


def bullet_text(text: str, fragments: list[tuple[int, int]]) -> str:
    """The bullet a reader sees: fragments joined, first letter capitalised, final stop kept.

    Only the first word's letter: « 64% des habitants ... » stays as it is, not « 64% Des »;
    and never a letter inside a quote, whose words are someone's (« "non, jamais", a répondu
    ... » keeps its « non »)."""
    joined = "".join(text[a:b] for a, b in fragments).strip()
    for i, ch in enumerate(joined):
        if ch in OPENING_MARKS:
            break
        if ch.isalpha():
            return joined[:i] + ch.upper() + joined[i + 1 :]
        if ch.isdigit():
            break
    return joined


def build_keypoints(
    text: str,
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    settings: KeyPointSettings,
    published: dt.date | None = None,
) -> tuple[list[KeyPoint], list[Notice]]:
    compressor = Compressor(lang)
    verifier = Verifier(lang, published)
    selector = settings.selector or lang.selector
    if selector == "learned":
        candidates = score_learned(sentences, lang, title, settings.learned_weight)
    elif selector == "lead":
        candidates = [
            replace(c, score=1.0 / (1.0 + c.rank)) for c in score_sentences(sentences, lang, title)
        ]
    else:
        candidates = score_sentences(sentences, lang, title)
    # After scoring, so that the model sees the candidates it was trained on.
    passed_over = (
        inside_long_quotes(sentences)
        | inside_single_quotes(sentences)
        | speakerless_quotes(sentences)
        | unfinished(sentences)
        | badly_cut(sentences)
    )
    candidates = [c for c in candidates if c.rank not in passed_over]
    # « Selon lui, la décision a été prise ... »: whose claim it is was said in another
    # sentence; as a bullet it would be a claim with nobody's name on it.
    if lang.according_to_pronoun is not None:
        unnamed = lang.according_to_pronoun
        candidates = [c for c in candidates if not unnamed.search(c.sentence.span.text)]
    weight = rarity(sentences)
    # What each chosen bullet actually says (after compression): redundancy is judged on that.
    chosen: list[tuple[Candidate, frozenset[str]]] = []
    made: list[tuple[int, KeyPoint]] = []
    notices: list[Notice] = []
    best = max((c.score for c in candidates), default=0.0)
    while len(made) < settings.max_keypoints:
        cand = next_best(candidates, chosen, weight)
        if cand is None:
            break
        if len(made) >= settings.min_keypoints and cand.score < settings.extra_ratio * best:
            break  # a bullet beyond the minimum must be nearly as important as the best one
        point = _make(
            text, cand.sentence, compressor, verifier, settings, notices, lead=cand.rank == 0
        )
        said: frozenset[str] = frozenset()
        if point is not None:
            made.append((cand.rank, point))
            said = content_lemmas(cand.sentence, [(f.start, f.end) for f in point.fragments])
        chosen.append((cand, said))
    if len(made) < settings.min_keypoints:
        notices.append(
            Notice(
                code="few_keypoints",
                message=f"only {len(made)} key point(s): the body has too few sentences that "
                "stand alone and pass verification",
            )
        )
    return [point for _, point in sorted(made, key=lambda item: item[0])], notices


def _make(
    text: str,
    sentence: ParsedSentence,
    compressor: Compressor,
    verifier: Verifier,
    settings: KeyPointSettings,
    notices: list[Notice],
    lead: bool = False,
) -> KeyPoint | None:
    source = Span(start=sentence.start, end=sentence.end, text=text[sentence.start : sentence.end])
    # The article's first sentence states the news: its figures and actors stay.
    compressed = compressor.compress(
        sentence.span, sentence.offset, settings.target_words, settings.max_words, lead=lead
    )
    if compressed.words <= settings.max_words:
        bullet = bullet_text(text, compressed.fragments)
        verdict = verifier.verify(bullet, [source])
        if verdict.passed:
            return KeyPoint(
                text=bullet,
                sources=[source],
                fragments=[Span(start=a, end=b, text=text[a:b]) for a, b in compressed.fragments],
                removed=compressed.removed,
                fallback=False,
                verdict=verdict,
            )
        failed = "; ".join(verdict.problems)
    else:
        failed = None
    if count_words(source.text) > settings.max_words:
        if failed:
            notices.append(
                Notice(
                    code="keypoint_dropped",
                    message=f"a bullet failed verification ({failed}) and its source sentence "
                    f"is over {settings.max_words} words: dropped",
                )
            )
        return None
    whole = [(source.start, source.end)]
    bullet = bullet_text(text, whole)
    verdict = verifier.verify(bullet, [source])
    if not verdict.passed:
        notices.append(
            Notice(
                code="keypoint_dropped",
                message="a source sentence failed verification against itself: "
                + "; ".join(verdict.problems),
            )
        )
        return None
    if failed:
        notices.append(
            Notice(
                code="keypoint_fallback",
                message=f"a compressed bullet failed verification ({failed}); "
                "its source sentence is shown instead",
            )
        )
    return KeyPoint(
        text=bullet,
        sources=[source],
        fragments=[source],
        removed=[],
        fallback=failed is not None,
        verdict=verdict,
    )
