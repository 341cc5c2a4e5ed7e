"""Score our key points, the baselines and any system outputs on one evaluation set, in one run.

Every system is scored the same way: ROUGE with both tokenizers against the reference, our
checker on its summary (does it name a person, number, date or quote the article does not
support?), bullets and words per summary, and time per document where we run it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from essentiel import resources
from essentiel.check.checker import Checker
from essentiel.errors import EssentielError
from essentiel.evaluation.baselines import graph_rank, lead, with_datelines_joined
from essentiel.evaluation.data import EvalItem
from essentiel.evaluation.rouge import ROUGE_TYPES, TOKENIZERS, rouge
from essentiel.keypoints.compress import count_words
from essentiel.model import Digest, ProblemKind, SentenceVerdict
from essentiel.pipeline import Pipeline

OURS = "essentiel"
LEADS = (1, 2, 3)
GRAPH_METHODS = ("lexrank", "textrank")
# The facts a reader relies on: a summary that gets one of these wrong is misinforming.
FACT_KINDS = frozenset({ProblemKind.NAME, ProblemKind.NUMBER, ProblemKind.DATE, ProblemKind.QUOTE})
# Stages a LEAD baseline needs from our pipeline: reading, cleaning and the sentence split.
_SPLIT_STAGES = ("ingest", "clean", "analyze")


@dataclass
class SystemScore:
    """Sums over documents; ``summary()`` turns them into means."""

    name: str
    kind: str  # "ours" | "baseline" | "external"
    documents: int = 0
    rouge: dict[str, dict[str, float]] = field(
        default_factory=lambda: {t: dict.fromkeys(ROUGE_TYPES, 0.0) for t in TOKENIZERS}
    )
    bullets: int = 0
    words: int = 0
    verified: int = 0  # bullets our key-point verifier passed (ours only)
    checked_sentences: int = 0
    supported_sentences: int = 0
    fact_problem_summaries: int = 0
    # The rows whose summary the checker flags for a fact: what to read to see why.
    fact_problem_ids: list[str] = field(default_factory=list)
    checked_summaries: int = 0
    seconds: float = 0.0
    timed: bool = True

    def add(self, summary: list[str], reference: list[str], seconds: float | None) -> None:
        self.documents += 1
        scores = rouge(summary, reference)
        for tok in TOKENIZERS:
            for kind in ROUGE_TYPES:
                self.rouge[tok][kind] += scores[tok, kind]
        self.bullets += len(summary)
        self.words += sum(count_words(s) for s in summary)
        if seconds is None:
            self.timed = False
        else:
            self.seconds += seconds

    def summary(self) -> dict[str, Any]:
        n = max(1, self.documents)
        return {
            "name": self.name,
            "kind": self.kind,
            "documents": self.documents,
            "rouge": {
                tok: {kind: round(value / n, 2) for kind, value in by_type.items()}
                for tok, by_type in self.rouge.items()
            },
            "bullets_per_summary": round(self.bullets / n, 2),
            "words_per_summary": round(self.words / n, 1),
            "verified_share": round(self.verified / self.bullets, 4)
            if self.kind == "ours" and self.bullets
            else None,
            "checker_supported_share": round(self.supported_sentences / self.checked_sentences, 4)
            if self.checked_sentences
            else None,
            "fact_problem_share": round(self.fact_problem_summaries / self.checked_summaries, 4)
            if self.checked_summaries
            else None,
            "fact_problem_ids": self.fact_problem_ids,
            "ms_per_document": round(1000 * self.seconds / n, 1) if self.timed else None,
        }


@dataclass
class Evaluation:
    """One run over an evaluation set; call ``add`` per item, then ``report``."""

    pipeline: Pipeline
    check: bool = True
    graph_sentences: tuple[int, ...] = (2, 3)
    systems: dict[str, SystemScore] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)
    documents: int = 0

    def __post_init__(self) -> None:
        self.checker = Checker(self.pipeline)

    def _system(self, name: str, kind: str) -> SystemScore:
        if name not in self.systems:
            self.systems[name] = SystemScore(name, kind)
        return self.systems[name]

    def add(self, item: EvalItem) -> None:
        self.documents += 1
        before = dict(self.pipeline.stage_seconds)
        start = time.perf_counter()
        try:
            digest = self.pipeline.digest(
                item.article, published=item.published, lang=item.lang, title=item.title
            )
        except EssentielError as exc:
            # Every system we run scores zero on an article we cannot read; say which.
            self.failures.append({"id": item.id, "error": f"{type(exc).__name__}: {exc}"})
            for name, kind in self._our_systems():
                self._system(name, kind).add([], item.reference, 0.0)
            for name, summary in item.system_outputs.items():
                self._system(name, "external").add(summary, item.reference, None)
            return
        total = time.perf_counter() - start
        split = sum(self.pipeline.stage_seconds[s] - before.get(s, 0.0) for s in _SPLIT_STAGES)
        bullets = [k.text for k in digest.keypoints]
        ours = self._system(OURS, "ours")
        ours.add(bullets, item.reference, total)
        ours.verified += sum(1 for k in digest.keypoints if k.verdict.passed)
        self._check(ours, digest, bullets, item.id)

        code = digest.article.lang or "en"
        sentences = with_datelines_joined(
            [s.span.text for s in digest.sentences], resources.language(code)
        )
        for k in LEADS:
            score = self._system(f"lead-{k}", "baseline")
            score.add(lead(sentences, k), item.reference, split)
            self._check(score, digest, lead(sentences, k), item.id)
        for method in GRAPH_METHODS:
            for k in self.graph_sentences:
                t0 = time.perf_counter()
                picked = graph_rank(method, sentences, code, k)
                elapsed = split + time.perf_counter() - t0
                score = self._system(f"{method}-{k}", "baseline")
                score.add(picked, item.reference, elapsed)
                self._check(score, digest, picked, item.id)
        for name, summary in item.system_outputs.items():
            score = self._system(name, "external")
            score.add(summary, item.reference, None)
            self._check(score, digest, summary, item.id)

    def _our_systems(self) -> Iterable[tuple[str, str]]:
        yield OURS, "ours"
        for k in LEADS:
            yield f"lead-{k}", "baseline"
        for method in GRAPH_METHODS:
            for k in self.graph_sentences:
                yield f"{method}-{k}", "baseline"

    def _check(self, score: SystemScore, digest: Digest, summary: list[str], item_id: str) -> None:
        if not self.check or not summary:
            return
        result = self.checker.check_digest(digest, "\n".join(summary))
        score.checked_summaries += 1
        score.checked_sentences += len(result.sentences)
        score.supported_sentences += sum(
            1 for s in result.sentences if s.verdict is SentenceVerdict.SUPPORTED
        )
        if any(p.kind in FACT_KINDS for s in result.sentences for p in s.problems):
            score.fact_problem_summaries += 1
            score.fact_problem_ids.append(item_id)

    def report(self, **context: Any) -> dict[str, Any]:
        order = {"ours": 0, "baseline": 1, "external": 2}
        systems = sorted(self.systems.values(), key=lambda s: (order[s.kind], s.name))
        return {
            **context,
            "documents": self.documents,
            "failed": len(self.failures),
            "failures": self.failures,
            "systems": [s.summary() for s in systems],
        }


def evaluate(
    items: Iterable[EvalItem],
    pipeline: Pipeline,
    *,
    check: bool = True,
    on_item: Callable[[EvalItem], None] | None = None,
) -> Evaluation:
    run = Evaluation(pipeline, check=check)
    for item in items:
        run.add(item)
        if on_item is not None:
            on_item(item)
    return run
