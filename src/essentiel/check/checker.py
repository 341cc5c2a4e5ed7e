"""Check: anyone's summary against its article, sentence by sentence.

The article is digested (clean text, sentences, entities, quotes, dates, figures). Each
summary sentence is then:

1. aligned with the article sentences that share most of its content words (the evidence);
2. verified against them by the same ``Verifier`` that checks our own key points: every name,
   number, date and quoted string must stand where the claim stands, compared by value through
   the fact extractors (« 505 engins » is not « 550 engins »; « jeudi 3 juillet » is not « ce
   vendredi 4 juillet »; a quote with one word changed is not the quote);
3. checked for a flipped negation (« n'ont pas convenu » against « ont convenu »), counting
   only the negations of the evidence in a clause that says what the summary sentence says;
4. checked for its attribution: « D'après X » / "according to X" / « X a déclaré » in the
   summary must name who the article says made the claim. X is supported when the evidence
   makes the same attribution in the same words, when it is the same entity as the article's
   source for that claim, when it is the speaker of a quote of the article that says the same
   thing, or when the article's source is a capital standing for its government and X is
   that country's head of state or government (« le président ukrainien » for « Kiev »).

A sentence is ``unsupported`` when one of these fails, ``cannot_tell`` when the article does not
say most of what it says (less than half of its content words are in the evidence), else
``supported``. Its score combines the share of its content words the evidence holds with the
share of its facts found, and is cut for a flipped negation or a wrong attribution.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from essentiel import resources
from essentiel.analyze import parse_zone, sentences_of
from essentiel.analyze import pipeline as spacy_pipeline
from essentiel.check.learned_score import load_checker_model
from essentiel.check.verifier import Verifier
from essentiel.facts.names import fold, same_name
from essentiel.model import (
    CheckedSentence,
    CheckKind,
    Digest,
    MentionForm,
    Problem,
    ProblemKind,
    SentenceVerdict,
    Span,
    SummaryCheck,
)
from essentiel.pipeline import Pipeline

EVIDENCE_SENTENCES = 3
CANNOT_TELL_BELOW = 0.5  # share of the sentence's content words found in its evidence
_BULLET = re.compile(r"^\s*(?:[-–—•●▪*]|\d+[.)])\s+")


@dataclass(frozen=True)
class _Rules:
    negation: re.Pattern[str]
    # A conjunction at most one word before a negation: it opens the negated clause (« ... in
    # late January and hadn't been heard from since »), the claims before it are others.
    conjoined: re.Pattern[str]
    according_to: re.Pattern[str]
    government_roles: tuple[str, ...]
    nationalities: dict[str, str]


@cache
def _rules(code: str) -> _Rules:
    data: dict[str, Any] = resources.raw(code)
    c = data["check"]
    return _Rules(
        negation=re.compile(c["negation"], re.IGNORECASE),
        conjoined=re.compile(
            rf"(?<!\w)(?:{resources.alternation(resources.language(code).clause_conjunctions)})"
            r"\s+(?:\S+\s+|\S+)?$",
            re.IGNORECASE,
        ),
        according_to=resources.language(code).according_to,
        government_roles=tuple(fold(r) for r in c["government_roles"]),
        nationalities={fold(k): v for k, v in data["entities"]["nationalities"].items()},
    )


class Checker:
    """Checks summaries; the pipeline (and its spaCy models) is loaded once."""

    def __init__(self, pipeline: Pipeline | None = None, *, learned: bool = True) -> None:
        """``learned=False`` keeps the rules' score (the mean of the sentence scores) instead
        of the shipped combiner's probability; verdicts and problems are the same either way."""
        self.pipeline = pipeline or Pipeline()
        self.learned = learned

    def check(
        self,
        article: str | bytes,
        summary: str,
        *,
        published: dt.date | None = None,
        lang: str | None = None,
        url: str | None = None,
    ) -> SummaryCheck:
        digest = self.pipeline.digest(article, published=published, lang=lang, url=url)
        return self.check_digest(digest, summary)

    def check_digest(self, digest: Digest, summary: str) -> SummaryCheck:
        code = digest.article.lang or "en"
        verifier = verifier_for(digest)
        sources = [s.span for s in digest.sentences]
        source_words = [verifier.content_words(s.text) for s in sources]
        checked = [
            self._sentence(text, digest, verifier, sources, source_words, code)
            for text in split_summary(summary, code)
        ]
        verdicts = {c.verdict for c in checked}
        overall = (
            SentenceVerdict.UNSUPPORTED
            if SentenceVerdict.UNSUPPORTED in verdicts
            else SentenceVerdict.CANNOT_TELL
            if SentenceVerdict.CANNOT_TELL in verdicts
            else SentenceVerdict.SUPPORTED
        )
        # The rules' score is the mean, not the minimum: human judgements of a summary (FRANK)
        # are the share of its sentences that hold, and the mean follows them better.
        score = sum(c.score for c in checked) / len(checked) if checked else 1.0
        model = load_checker_model() if self.learned and checked else None
        if model is not None:
            score = model.probability(digest, checked, verifier)
        return SummaryCheck(
            article=digest.article,
            verdict=overall,
            score=round(max(0.0, min(1.0, score)), 4),
            sentences=checked,
            notices=digest.notices,
        )

    def _sentence(
        self,
        text: str,
        digest: Digest,
        verifier: Verifier,
        sources: list[Span],
        source_words: list[set[str]],
        code: str,
    ) -> CheckedSentence:
        words = verifier.content_words(text)

        def f1(k: int) -> float:
            overlap = len(words & source_words[k])
            if not overlap:
                return 0.0
            p, r = overlap / len(words), overlap / len(source_words[k])
            return 2 * p * r / (p + r)

        ranked = sorted(range(len(sources)), key=f1, reverse=True)[:EVIDENCE_SENTENCES]
        ranked = [k for k in ranked if f1(k) > 0]
        evidence = [sources[k] for k in ranked]
        covered = words & set().union(*(source_words[k] for k in ranked)) if ranked else set()
        coverage = len(covered) / len(words) if words else 1.0
        in_order = sorted(evidence, key=lambda s: s.start)
        verdict = verifier.verify(text, in_order) if in_order else None
        checks = (
            [c for c in verdict.checks if c.kind is not CheckKind.ATTRIBUTION] if verdict else []
        )
        problems: list[Problem] = []
        for c in checks:
            if not c.found:
                problems.append(
                    Problem(
                        kind=ProblemKind(c.kind.value),
                        text=c.text,
                        message=f"{c.kind.value} «{c.text}» is not where the article says this",
                        closest=evidence[0] if evidence else None,
                    )
                )
        rules = _rules(code)
        best = evidence[0].text if evidence else ""
        if evidence and bool(rules.negation.search(text)) != _negates(best, text, verifier, rules):
            problems.append(
                Problem(
                    kind=ProblemKind.NEGATION,
                    text=text,
                    message="the negation is not the article's: one says yes where the other "
                    "says no",
                    closest=evidence[0],
                )
            )
        attribution = self._attribution(text, digest, evidence, words, verifier, rules)
        if attribution is not None:
            problems.append(attribution)
        facts_found = sum(c.found for c in checks) / len(checks) if checks else 1.0
        score = coverage * facts_found
        if any(p.kind in {ProblemKind.NEGATION, ProblemKind.ATTRIBUTION} for p in problems):
            score *= 0.3
        if problems:
            status = SentenceVerdict.UNSUPPORTED
        elif coverage < CANNOT_TELL_BELOW:
            status = SentenceVerdict.CANNOT_TELL
            missing = sorted(words - covered)
            problems.append(
                Problem(
                    kind=ProblemKind.CONTENT,
                    text=" ".join(missing[:8]),
                    message=f"{len(missing)} of its {len(words)} content words are not in the "
                    "article sentences closest to it",
                    closest=evidence[0] if evidence else None,
                )
            )
        else:
            status = SentenceVerdict.SUPPORTED
        return CheckedSentence(
            text=text,
            verdict=status,
            score=round(max(0.0, min(1.0, score)), 4),
            problems=problems,
            evidence=evidence,
            checks=checks,
        )

    def _attribution(
        self,
        text: str,
        digest: Digest,
        evidence: list[Span],
        words: set[str],
        verifier: Verifier,
        rules: _Rules,
    ) -> Problem | None:
        """The summary's « d'après X »: is X who the article says made this claim?"""
        marker = rules.according_to.search(text)
        if marker is None or not evidence:
            return None
        source = text[marker.end() :].split(",")[0].strip(" .;:")
        if not source:
            return None
        # The article attributes the claim the same way, in the same words (« Selon lui, »
        # in the summary and in the evidence): whoever « lui » is, the summary says what the
        # article says.
        said = fold(text[marker.start() : marker.end()] + " " + source)
        if any(said in fold(e.text) for e in evidence):
            return None
        claimed = _entity_named(source, digest)
        # Who the article credits: speakers of its quotes in the evidence sentences, and
        # speakers of any quote that says the same thing.
        speakers: set[int] = set()
        names: set[str] = set()
        for q in digest.quotes:
            in_evidence = any(
                (q.cue is not None and s.start <= q.cue.start < s.end)
                or s.start <= q.content.start < s.end
                for s in evidence
            )
            same_claim = len(words & verifier.content_words(q.content.text)) >= 2
            if in_evidence or same_claim:
                if q.speaker_entity is not None:
                    speakers.add(q.speaker_entity)
                if q.speaker_name:
                    names.add(q.speaker_name)
        if claimed is not None and claimed in speakers:
            return None
        if any(same_name(source, n) or fold(n) in fold(source) for n in names):
            return None
        # A capital speaks for its government, and so does that country's head of state.
        folded = fold(source)
        country = next((c for adj, c in rules.nationalities.items() if adj in folded.split()), None)
        governs = any(role in folded for role in rules.government_roles)
        for k in speakers:
            if country and governs and digest.entities[k].government_of == country:
                return None
        credited = sorted(names) or ["nobody it names"]
        return Problem(
            kind=ProblemKind.ATTRIBUTION,
            text=source,
            message=f"the article credits this to {', '.join(credited)}, not to «{source}»",
            closest=evidence[0],
        )


# What separates the clauses of a sentence, for finding the one a negation belongs to.
_CLAUSE_BREAK = re.compile(r"[,;:()«»\"“”]|\s[-–—]\s")


def _negates(evidence: str, claim: str, verifier: Verifier, rules: _Rules) -> bool:
    """Does the evidence negate what the summary sentence ``claim`` says?

    Only a negation in a clause the claim repeats, or that shares the claim's words, counts:
    « Les policiers sont venus expulser une famille » is not contradicted by the rest of its
    source sentence, « qui ne payait pas ses loyers », nor by « sans autre précision » at its
    end. A clause shares the claim when it holds two of the claim's content words, or all of
    its own. A conjunction right before the negation opens its clause too (« took his boat
    out in January and hadn't been heard from »); one further away may join two subjects
    (« Police and firefighters did not come » denies that the police came).
    """
    words, folded = verifier.content_words(claim), fold(claim)
    for match in rules.negation.finditer(evidence):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(evidence, 0, match.start())]
        start = breaks[-1] if breaks else 0
        joined = rules.conjoined.search(evidence, start, match.start())
        if joined is not None:
            start = joined.start()
        after = _CLAUSE_BREAK.search(evidence, match.end())
        text = evidence[start : after.start() if after else None]
        clause = verifier.content_words(text)
        shared = len(clause & words)
        repeated = re.search(rf"(?<!\w){re.escape(fold(text.strip()))}(?!\w)", folded)
        if repeated or (shared and shared >= min(2, len(clause))):
            return True
    return False


def verifier_for(digest: Digest) -> Verifier:
    """The verifier of the digest's language, resolving dates against its publication day."""
    published = digest.article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    return Verifier(resources.language(digest.article.lang or "en"), day)


def _entity_named(source: str, digest: Digest) -> int | None:
    """The entity a phrase names: by name (any spelling) or by a role the text tied to it."""
    folded = fold(source)
    for k, entity in enumerate(digest.entities):
        forms = [entity.name, *entity.aliases]
        roles = {fold(m.span.text) for m in entity.mentions if m.form is MentionForm.ROLE}
        if folded in roles or any(fold(f) == folded for f in forms):
            return k
        if any(same_name(source, f) for f in forms if f[:1].isupper()):
            return k
    return None


def split_summary(summary: str, code: str) -> list[str]:
    """Summary sentences: one per line for bullets, several per line for prose."""
    nlp = spacy_pipeline(code)
    found: list[str] = []
    with parse_zone([code]):
        for line in summary.splitlines():
            line = _BULLET.sub("", line).strip()
            if not line:
                continue
            found.extend(s.text.strip() for s in sentences_of(nlp(line)) if s.text.strip())
    return found


_default: Checker | None = None


def check(
    article: str | bytes,
    summary: str,
    published: dt.date | str | None = None,
    lang: str | None = None,
) -> SummaryCheck:
    """Check a summary against its article (plain text or an HTML page)."""
    global _default
    if _default is None:
        _default = Checker()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return _default.check(article, summary, published=published, lang=lang)
