"""The box's first bullet tells the news, not the background.

The first bullet is the candidate that best states the headline's event
(``headline_candidates``). That candidate may be background told in the pluperfect (« Le
ministre avait évoqué des discussions ... »): its words match the headline, but an editor
opens the box on what happened, then gives the background. The twenty-ninth judged round
marked « background first » or « poor order » in several boxes where another bullet of the
same box told the headline's event (« la préfecture du département a décidé jeudi de
renforcer les mesures »).

So when the first bullet is in the pluperfect, the box's bullet told in neither the pluperfect
nor the imperfect that restates at least ``SHARE`` of what the first restates of the headline
(``Headline.match``), the most of them, goes first; the others keep their order. Nothing
changes when no bullet qualifies, or when the new order would leave a description before the
name that places it (the caller compares, as for the article's order).

Tried and left out: the imperfect (French news narrates in it, « Jean-Marc Dumontet rouvrait
lundi soir cinq de ses salles », « Le grand canidé était bien un loup »), and a first bullet
that opens on a quote (the quote is often the news: « "Les tirs ont entraîné la mort de deux
personnes" ... »); on the text of validation pages 0–299 each moved as many boxes for the
worse as for the better.
"""

from __future__ import annotations

from essentiel.analyze import ParsedSentence
from essentiel.keypoints.headline import Headline
from essentiel.model import KeyPoint

# How much of the first bullet's headline match the fact must restate.
SHARE = 0.5
# Below this match the first bullet states too little of the headline to be moved.
LEAST = 0.2


def background(sentence: ParsedSentence) -> bool:
    """The main verb is in the pluperfect (« avait évoqué », « s'était rendu »): what had
    happened before the news."""
    root = sentence.span.root
    # The participle may be a causative's (« avait fait exploser »: « fait » hangs on the
    # infinitive).
    verbs = [root, *(c for c in root.children if c.pos_ in {"VERB", "AUX"} and c.i < root.i)]
    participle = any("Part" in t.morph.get("VerbForm", []) for t in verbs)
    return participle and any(
        c.dep_ in {"aux", "aux:tense"} and "Imp" in c.morph.get("Tense", []) for c in root.children
    )


def past_narration(sentence: ParsedSentence) -> bool:
    """The main verb, its auxiliary or its copula is in the imperfect or the pluperfect (« ne
    risquait pas », « était âgé », « avait conclu »): a bullet that may tell the news in the
    imperfect, but cannot be shown to; not the one to put first in its place."""
    root = sentence.span.root
    words = [root, *(c for c in root.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return any("Imp" in t.morph.get("Tense", []) for t in words)


def news_first(
    items: list[tuple[int, KeyPoint]],
    sentences: list[ParsedSentence],
    headline: Headline | None,
    code: str,
) -> list[tuple[int, KeyPoint]]:
    """``items`` (rank, bullet), the first the headline's statement: the same, or the box's
    bullet that states the news in place of a first bullet that is background."""
    if headline is None or len(items) < 2:
        return items
    first_rank = items[0][0]
    if not background(sentences[first_rank]):
        return items
    lead = headline.match(sentences[first_rank], code)
    if lead < LEAST:
        return items
    facts = [
        (headline.match(sentences[rank], code), k)
        for k, (rank, _) in enumerate(items[1:], 1)
        if not past_narration(sentences[rank])
    ]
    facts = [(match, k) for match, k in facts if match >= SHARE * lead]
    if not facts:
        return items
    _, best = max(facts, key=lambda item: (item[0], -item[1]))
    return [items[best], *(item for k, item in enumerate(items) if k != best)]
