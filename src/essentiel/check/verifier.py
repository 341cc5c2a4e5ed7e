"""Verify: an independent check of a bullet against the source spans it cites.

It does not know how the bullet was made. It re-reads the bullet and, clause by clause:

1. aligns each bullet clause with the window of 1-3 consecutive source clauses whose content
   words match it best (F1 of content words);
2. requires every proper name, number, date expression and quoted string of the bullet clause to
   stand in that window (a number found only elsewhere in the source is a failure: « 539 engins »
   when the source says « 550 engins, dont 539 drones »). Facts are read and compared with the
   fact extractors' own code: numbers by value (``facts.figures.read_numbers``: « 2.600 » is
   « 2600 », « cinq » is « 5 »), dates by their resolved calendar value when the publication
   date is known (``facts.dates``: « vendredi » is « ce vendredi 4 juillet », « jeudi 3
   juillet » is not), names by spelling-tolerant comparison (``facts.names``: « Zelenskyy » is
   « Zelensky »);
3. requires quoted strings to be quoted, verbatim, in the source, and source quotes reused in the
   bullet to keep their quote marks;
4. requires the attribution of every source sentence the bullet draws on to survive: an
   according-to phrase (« D'après Kiev », « selon l'armée de l'air ukrainienne ») and, when the
   sentence reports speech (a quote or « ... que »), its speech verb and named speaker.
   An attribution governs the whole sentence it stands in (French news puts it at either end);
   a speaker a bracketed name stands for (« a affirmé [Michel Aoun] » for « a affirmé M. Aoun
   ») survives, when the bracket passes the check of 5, and so does an incise whose pronoun
   it replaced, the rest of the incise kept (« a ajouté [Paul Morel] » for « a-t-il ajouté »);
5. requires a name the bullet inserts in brackets (« [Jean Dupont] avait informé ... », for
   « Il avait informé ... ») to be a name of the entity the replaced words resolve to, with its
   mention in the text as evidence (``check_insertions``), and a day it inserts after a relative
   one (« mercredi [22 janvier] ») to be the day those words give against the publication date;
   the brackets are blanked for the checks above;
6. requires a role the bullet inserts in brackets after a person's name (« Vladimir Ourine
   [directeur du Bolchoï] », ``kind`` "role") to be the text's words set right beside a
   mention of that name: the evidence is those words and the name together, the role before
   the name (« chanteur Mark Hollis », « procureur de Chartres, Rémi Coutin ») or after it in
   apposition (« Vladimir Ourine, 73 ans, directeur du Bolchoï »), and the name is the one the
   bullet writes right before the bracket (a role of another person fails);
7. requires a definite article the bullet puts in brackets for the source's demonstrative
   (« [Le] petit garçon » for « Ce petit garçon », ``kind`` "article", when the headline says
   the noun) to be that demonstrative's article before the word after it (``definite_for``:
   « [L'] » before a vowel), with the source's noun among the next words (``check_article``);
   a failure is a problem (no check kind of schema 1.5 records it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from essentiel import resources
from essentiel.check.claims import (
    _NAME,
    _QUOTE_CHARS,
    _QUOTED,
    ClaimReader,
    Fact,
    _fold,
    clauses,
)
from essentiel.facts.figures import read_numbers
from essentiel.facts.names import same_name
from essentiel.model import Check, CheckKind, Span, Verdict
from essentiel.resources import Language

MAX_WINDOW = 3  # source clauses a bullet clause may draw on
# Words after a bracketed article (``check_article``) among which its noun stands (« [Le] petit
# garçon »: adjectives between).
ARTICLE_REACH = 4
# An editorial insertion: a name in square brackets standing for words of the source that
# refer to it (« [Jean Dupont] avait informé ... » for « Il avait informé ... »).
_INSERTED = re.compile(r"\[([^\[\]]+)\]")
MAX_SPAN = 5  # consecutive source clauses those may spread over (skipping what was cut)
_THAT = {"fr": ("que", "qu'", "qu’"), "en": ("that",)}


@dataclass(frozen=True)
class Insertion:
    """What a bracketed name in a bullet stands for: the source words it replaces (a pronoun
    or a description: « il », « le conservateur du parc »), the names of the entity the text
    ties them to, and a mention of that entity's name in the text (the evidence)."""

    replaced: Span
    names: tuple[str, ...]
    evidence: Span
    # "role": the bracket is a role (``names`` holds its words) that ``evidence`` (the role and
    # a mention of the person's name, side by side in the text) sets beside the name the
    # bullet writes right before the bracket.
    # "date": the bracket is the calendar day that the source's words (``evidence``, « mercredi
    # », « hier ») give against the publication date, set after them (« mercredi [22 janvier]
    # »); ``names`` holds that bracket's text, which the verifier reads as a date.
    # "article": the bracket is the definite article an editor put for the source's
    # demonstrative (``replaced``: « Ce », « Cette ») before the noun ``evidence`` (« [Le]
    # petit garçon » for « Ce petit garçon », the headline having introduced the noun;
    # ``keypoints.pointing.headline_article_repair``); ``check_article``.
    kind: str = "name"


def check_insertions(bullet: str, insertions: Sequence[Insertion]) -> tuple[list[Check], list[str]]:
    """Every bracketed name of ``bullet`` must be a name of the entity its insertion resolves
    to, and the text must name it there: a wrong name inserted fails, and so does a bracket
    nobody resolved. A bracketed day (``kind`` "date") is left to ``Verifier.verify``, which
    knows the publication date."""
    checks: list[Check] = []
    problems: list[str] = []
    not_names = {i.names[0] for i in insertions if not _names_someone(i) and i.names}
    names = [i for i in insertions if _names_someone(i)]
    for match in _INSERTED.finditer(bullet):
        name = match.group(1).strip()
        if name in not_names:
            continue
        found = next(
            (
                i
                for i in names
                if same_name(name, i.evidence.text) and any(same_name(name, n) for n in i.names)
            ),
            None,
        )
        checks.append(
            Check(
                kind=CheckKind.NAME,
                text=name,
                found=found is not None,
                evidence=found.evidence if found else None,
            )
        )
        if found is None:
            problems.append(f"inserted name «{name}» is not the entity the source words refer to")
    return checks, problems


def _names_someone(insertion: Insertion) -> bool:
    """The bracket is a name put for the replaced words (not a day or a role set after them,
    nor an article put for a demonstrative)."""
    return insertion.kind not in ("date", "role", "article")


@cache
def _demonstrative_articles(code: str) -> dict[str, str]:
    """``[pointing] demonstrative_articles``: each demonstrative's definite article."""
    return dict(resources.raw(code).get("pointing", {}).get("demonstrative_articles", {}))


def definite_for(demonstrative: str, following: str, code: str) -> str | None:
    """The definite article (lowercase) that stands for ``demonstrative`` before the word
    ``following`` (``[pointing] demonstrative_articles``; ``elided_article`` for one of
    ``elidable_articles`` before a vowel); None when the word is no demonstrative of the
    language, or when the article before that word is not known: « cette » before an « h »
    (« la hausse », « l'histoire »). « ce » before an « h » is « le » (a mute « h » takes
    « cet »: « cet homme », « l'homme »)."""
    data = resources.raw(code).get("pointing", {})
    article = _demonstrative_articles(code).get(demonstrative.lower())
    if article is None or not following[:1].isalpha():
        return None
    first = _fold(following[:1])
    if article not in data.get("elidable_articles", []):
        return article
    if first == "h" and article in data.get("unsure_before_h", []):
        return None
    return str(data.get("elided_article", article)) if first in "aeiouy" else article


def check_article(insertion: Insertion, bullet: str, code: str) -> bool:
    """The bracketed article is the definite article of the demonstrative it replaced
    (``definite_for``) before the word that follows the bracket in the bullet, and the noun
    of the source the demonstrative determined (``evidence``, right after it there) is among
    the bullet's next ``ARTICLE_REACH`` words: one word changed, the noun the source's own."""
    article = insertion.names[0]
    mark = f"[{article}]"
    at = bullet.find(mark)
    if at < 0:
        return False
    after = bullet[at + len(mark) :].split()[:ARTICLE_REACH]
    expected = definite_for(insertion.replaced.text.strip(), after[0] if after else "", code)
    gap = insertion.evidence.start - insertion.replaced.end
    return (
        expected is not None
        and _fold(expected) == _fold(article)
        and gap >= 0
        and len(after) >= 1
        and _fold(insertion.evidence.text) in {_fold(w.strip(",;:")) for w in after}
    )


def _inserted_problem(insertion: Insertion, check: Check) -> str:
    """The line a failed bracketed day, article or role adds to the verdict's problems."""
    evidence = insertion.evidence.text
    if insertion.kind == "date":
        return (
            f"inserted date «{check.text}» is not the day «{evidence}» gives against the "
            "publication date"
        )
    if insertion.kind == "article":
        return (
            f"inserted article «{check.text}» is not the definite article of "
            f"«{insertion.replaced.text.strip()}» before «{evidence}»"
        )
    return f"inserted role «{check.text}» is not set beside that person's name in «{evidence}»"


def _demonstrative_phrase(insertion: Insertion, sources: Sequence[Span]) -> Span:
    """The source's words from the demonstrative the bracketed article stands for to its noun
    (« Ce petit garçon »): the check's evidence, from which ``standalone.insertions_of`` reads
    the insertion back (its first word the demonstrative, its last the noun)."""
    start, end = insertion.replaced.start, insertion.evidence.end
    for source in sources:
        if source.start <= start and end <= source.end:
            text = source.text[start - source.start : end - source.start]
            return Span(start=start, end=end, text=text)
    return insertion.evidence


def _restored(bullet: str, insertions: Sequence[Insertion]) -> str:
    """The bullet with each bracketed name that passed ``check_insertions``'s test put back as
    the source's words it replaced (« [Michel Aoun] » -> « M. Aoun »)."""
    names = [i for i in insertions if _names_someone(i)]

    def back(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        found = next(
            (
                i
                for i in names
                if same_name(name, i.evidence.text) and any(same_name(name, n) for n in i.names)
            ),
            None,
        )
        return found.replaced.text if found is not None else match.group(0)

    return _INSERTED.sub(back, bullet)


def _find_folded(words: list[str], folded: str) -> tuple[int, int] | None:
    r"""Where ``words`` stand in ``folded`` as whole words with any spaces between them: the
    first match of ``(?<!\w)w1\s+w2...(?!\w)``, found without compiling a pattern per item
    (each bullet's names and phrases are new strings: compiling them cost ~1.3 ms a page)."""
    if not words:
        return None
    first = words[0]
    start = folded.find(first)
    while start >= 0:
        if start == 0 or not _word_char(folded[start - 1]):
            end = _rest_of(words, folded, start + len(first))
            if end is not None:
                return start, end
        start = folded.find(first, start + 1)
    return None


def _rest_of(words: list[str], folded: str, at: int) -> int | None:
    """The end of ``words[1:]`` matched from ``at`` (each after one or more spaces) when a
    non-word character or the text's end follows; None otherwise."""
    for word in words[1:]:
        j = at
        while j < len(folded) and folded[j].isspace():
            j += 1
        if j == at or not folded.startswith(word, j):
            return None
        at = j + len(word)
    return at if at == len(folded) or not _word_char(folded[at]) else None


def _word_char(ch: str) -> bool:
    r"""What ``\w`` matches in a ``str`` pattern: ``str.isalnum()`` or the underscore."""
    return ch.isalnum() or ch == "_"


def _editor_note(notes: Sequence[str]) -> re.Pattern[str] | None:
    """A parenthetical that ends on the newsroom's mark (« (…, ndlr) »), with the space
    before it."""
    if not notes:
        return None
    marks = "|".join(re.escape(n) for n in sorted(notes, key=len, reverse=True))
    return re.compile(rf"\s*\([^()]*(?:{marks})\s*\)", re.IGNORECASE)


@dataclass(frozen=True)
class _SourceClause:
    sentence: int
    start: int  # absolute clean-text offset
    end: int
    text: str


class Verifier(ClaimReader):
    """A bullet checked against the source spans it cites (the verdict of one key point)."""

    def __init__(self, lang: Language, published: dt.date | None = None) -> None:
        super().__init__(lang, published)
        self.that = _THAT.get(lang.code, ())
        self.editor_note = _editor_note(lang.editor_notes)

    # ---- where it should be --------------------------------------------------------------

    def _find(self, fact: Fact, text: str) -> tuple[int, int] | None:
        """Position of the fact in ``text`` under the comparison rules of its kind."""
        if fact.kind is CheckKind.NUMBER:
            for start, end, number in read_numbers(text, self.lang.code):
                if number == fact.value:
                    return start, end
            return None
        if fact.kind is CheckKind.DATE and fact.value is not None:
            for start, end, iso in self._dates(text):
                if iso == fact.value:
                    return start, end
            return None
        if fact.kind is CheckKind.QUOTE:
            wanted = _fold(" ".join(fact.text.split()))
            for match in _QUOTED.finditer(text):
                inner = next(g for g in match.groups() if g is not None)
                folded = _fold(" ".join(inner.split()))
                if wanted in folded:
                    return match.start(), match.end()
                if self.editor_note is not None and self.editor_note.search(inner):
                    # The speaker's words without the newsroom's note inside them (« … le
                    # tribunal (elle a porté plainte depuis, ndlr), c'est … »), as a cut
                    # gives them: still verbatim.
                    bare = _fold(" ".join(self.editor_note.sub("", inner).split()))
                    if wanted in bare:
                        return match.start(), match.end()
            return None
        found = self._find_words(fact.text, text)
        if found is None and fact.kind is CheckKind.NAME:
            # Another spelling of the same name (Zelenskyy / Zelensky, Poutine / Putin).
            for match in _NAME.finditer(text):
                if same_name(fact.text, match.group(1)):
                    return match.start(1), match.end(1)
        return found

    def _find_words(self, item: str, text: str) -> tuple[int, int] | None:
        folded = _fold(text)
        # _fold keeps length for Latin text (accents become combining marks we drop, 1:1 in NFC
        # input); fall back to a plain search where it does not.
        if len(folded) != len(text):
            index = text.lower().find(item.lower())
            return (index, index + len(item)) if index >= 0 else None
        return _find_folded([_fold(p) for p in item.split()], folded)

    def _align(
        self,
        clause_words: set[str],
        source: list[_SourceClause],
        quotes: list[Fact],
        words: list[set[str]],
    ) -> list[int]:
        """The source clauses a bullet clause comes from.

        The clause with the best content-word F1 is the seed, among those that hold every
        quote of the bullet clause when some do: words quoted verbatim say where they come
        from, and a shorter clause that shares them unquoted (a page's subheading « "Une
        victoire pour le droit" » above « "C'est une victoire pour le droit", a dit
        l'avocat ») must not win on F1. Clauses of the same sentence
        within MAX_SPAN of it join while they bring words of the bullet clause still missing
        (a compressed bullet joins « Le navire » and « est venu heurter le quai » across the
        relative clause it cut), up to MAX_WINDOW clauses. A clause that would bring only a
        number or a date does not join: « la Russie a envoyé 539 engins » must not borrow 539
        from « dont 539 drones ».

        ``words``: the content words of each source clause. Returns the indexes of the
        clauses, in order.
        """
        if not source or not clause_words:
            return [0] if source else []

        def f1(k: int) -> tuple[float, int]:
            overlap = len(clause_words & words[k])
            if not overlap:
                return (0.0, 0)
            precision, recall = overlap / len(clause_words), overlap / len(words[k])
            return (2 * precision * recall / (precision + recall), overlap)

        holding = (
            [k for k in range(len(source)) if self._holds(quotes, source[k])] if quotes else []
        )
        seed = max(holding or range(len(source)), key=f1)
        kept = [seed]
        covered = clause_words & words[seed]
        while len(kept) < MAX_WINDOW:
            gains = [
                (len((clause_words & words[k]) - covered), k)
                for k in range(max(0, seed - MAX_SPAN + 1), min(len(source), seed + MAX_SPAN))
                if k not in kept and source[k].sentence == source[seed].sentence
            ]
            joined = False
            for _, k in sorted(gains, reverse=True):
                new = (clause_words & words[k]) - covered
                if len(new) >= 2 or any(not self._is_figure(w) for w in new):
                    kept.append(k)
                    covered |= new
                    joined = True
                    break
            if not joined:
                break
        return sorted(kept)

    def _holds(self, quotes: list[Fact], clause: _SourceClause) -> bool:
        return all(self._find(q, clause.text) is not None for q in quotes)

    def _is_figure(self, word: str) -> bool:
        """A bare number or date word (« 539 », « trois », « vendredi »), not « 48-year-old »."""
        return (
            word.replace(",", "").replace(".", "").isdigit()
            or self.lang.number_word.fullmatch(word) is not None
            or self.lang.date_word.fullmatch(word) is not None
            or self.lang.month_word.fullmatch(word) is not None
        )

    # ---- the verdict ----------------------------------------------------------------------

    def verify(
        self, bullet: str, sources: list[Span], insertions: Sequence[Insertion] = ()
    ) -> Verdict:
        """``insertions``: what the bullet's bracketed names stand for (check_insertions);
        the rest of the bullet is checked against ``sources`` with the brackets blanked."""
        inserted_checks, inserted_problems = check_insertions(bullet, insertions)
        said = _INSERTED.sub(lambda m: " " * len(m.group(0)), bullet)
        source_clauses = [
            _SourceClause(k, span.start + c.start, span.start + c.end, c.text)
            for k, span in enumerate(sources)
            for c in clauses(span.text)
        ]
        # Read once per verdict, not once per clause of the bullet.
        source_words = [self.content_words(c.text) for c in source_clauses]
        checks: list[Check] = []
        problems: list[str] = []
        used_sentences: set[int] = set()
        for index, clause in enumerate(clauses(said)):
            # What follows a colon may open a sentence of its own (« Nantes: Qu’a fait ... »,
            # "SCORE: The ..."): its capitalised first word is read as at a bullet's start.
            opens = index == 0 or said[clause.start - 1] == ":"
            words = self.content_words(clause.text)
            if not source_clauses:
                break
            facts = self.facts(clause.text, sentence_start=opens)
            quotes = [f for f in facts if f.kind is CheckKind.QUOTE]
            kept = self._align(words, source_clauses, quotes, source_words)
            window = [source_clauses[k] for k in kept]
            if words & set().union(*(source_words[k] for k in kept)):
                used_sentences.update(c.sentence for c in window)
            for fact in facts:
                evidence = self._locate(fact, window)
                if evidence is None:
                    elsewhere = self._locate(fact, source_clauses)
                    where = (
                        "is in the source, but not in the clause this part of the bullet comes from"
                        if elsewhere
                        else "is not in the source"
                    )
                    problems.append(f"{fact.kind.value} «{fact.text}» {where}")
                checks.append(
                    Check(
                        kind=fact.kind,
                        text=fact.text,
                        found=evidence is not None,
                        evidence=evidence,
                    )
                )
        problems.extend(self._dropped_quote_marks(bullet, sources, checks))
        # A bracketed name stands for the source's words it replaced: an attribution whose
        # speaker it names survives (« ..., a affirmé [Michel Aoun] » for « a affirmé M. Aoun »).
        restored = _restored(bullet, insertions)
        for k in sorted(used_sentences):
            for phrase, span in self.attributions(sources[k]):
                survived = (
                    self._find_words(phrase, bullet) is not None
                    or (restored != bullet and self._find_words(phrase, restored) is not None)
                    or self._named_in_place(phrase, span, bullet, insertions)
                )
                checks.append(
                    Check(kind=CheckKind.ATTRIBUTION, text=phrase, found=survived, evidence=span)
                )
                if not survived:
                    problems.append(f"attribution «{phrase}» of the source is missing")
        checks.extend(inserted_checks)
        problems.extend(inserted_problems)
        # The bracketed day, article and role, each read against its own evidence.
        judges: dict[str, Callable[[Insertion], Check]] = {
            "date": lambda insertion: self._inserted_day(insertion, sources),
            "article": lambda insertion: self._inserted_article(insertion, bullet, sources),
            "role": lambda insertion: self._inserted_role(insertion, bullet),
        }
        for insertion in insertions:
            judge = judges.get(insertion.kind)
            if judge is None or f"[{insertion.names[0]}]" not in bullet:
                continue
            check = judge(insertion)
            checks.append(check)
            if not check.found:
                problems.append(_inserted_problem(insertion, check))
        return Verdict(passed=not problems, checks=checks, problems=problems)

    def _named_in_place(
        self, phrase: str, span: Span, bullet: str, insertions: Sequence[Insertion]
    ) -> bool:
        """The attribution survives with the pronoun in it replaced by a bracketed name the
        bullet carries (« a-t-il ajouté » as « a ajouté [Paul Morel] »: the name goes after
        the participle, so the source's words do not come back in place)."""
        for insertion in insertions:
            replaced = insertion.replaced
            if not _names_someone(insertion) or not span.start <= replaced.start < replaced.end:
                continue
            if replaced.end > span.end or f"[{insertion.names[0]}]" not in bullet:
                continue
            a, b = replaced.start - span.start, replaced.end - span.start
            rest = phrase[:a] + phrase[b:]
            if rest.strip() and self._find_words(rest, bullet) is not None:
                return True
        return False

    def _inserted_role(self, insertion: Insertion, bullet: str) -> Check:
        """The bracketed role stands in its evidence right beside a name (before it, a comma
        at most between; or after it in apposition: a comma, an age, a determiner), of two
        words or more, and the bullet writes that name right before the bracket."""
        role = insertion.names[0]
        evidence = insertion.evidence.text
        words = _role_words(self.lang.code)
        name = None
        # A role that opened its sentence is bracketed without the capital the start gave it.
        if evidence.startswith(role) or (
            evidence[1:].startswith(role[1:]) and evidence[:1].lower() == role[:1]
        ):
            found = re.fullmatch(r"\s*,?\s*(?P<name>.+)", evidence[len(role) :])
            name = found.group("name") if found else None
        elif evidence.endswith(role):
            found = words.after.fullmatch(evidence[: len(evidence) - len(role)])
            name = found.group("name") if found else None
        at = bullet.find(f"[{role}]")
        said = bullet[:at].split()
        last = _fold(role.split()[-1]) if role.split() else ""
        found_here = (
            name is not None
            # A role that ends on its preposition has the name for complement (« porte-parole
            # de Joe Biden »): it is someone else's.
            and last not in words.open_words
            and len(name.split()) >= 2
            and len(role.split()) <= words.max_words
            and all(w[:1].isupper() for w in (name.split()[0], name.split()[-1]))
            and len(said) >= len(name.split())
            and same_name(" ".join(said[-len(name.split()) :]), name)
        )
        return Check(
            kind=CheckKind.ROLE,
            text=role,
            found=found_here,
            evidence=insertion.evidence if found_here else None,
        )

    def _inserted_article(self, insertion: Insertion, bullet: str, sources: list[Span]) -> Check:
        """The bracketed article is the one the source's demonstrative takes before its noun
        (``check_article``); its evidence the source's words from one to the other."""
        found = check_article(insertion, bullet, self.lang.code)
        return Check(
            kind=CheckKind.ARTICLE,
            text=insertion.names[0],
            found=found,
            evidence=_demonstrative_phrase(insertion, sources) if found else None,
        )

    def _inserted_day(self, insertion: Insertion, sources: list[Span]) -> Check:
        """The bracketed day is the one the source's words give: both read by the date
        extractor against the publication date, the source's words in their sentence (its
        tense may send « jeudi » forward)."""
        said = {iso for _, _, iso in self._dates(insertion.names[0]) if iso}
        wanted = insertion.evidence
        given = None
        for span in sources:
            if not span.start <= wanted.start < wanted.end <= span.end:
                continue
            for start, end, iso in self._dates(span.text):
                if span.start + start < wanted.end and wanted.start < span.start + end:
                    given = iso
        found = given is not None and given in said
        return Check(
            kind=CheckKind.DATE,
            text=insertion.names[0],
            found=found,
            evidence=wanted if found else None,
        )

    def _locate(self, fact: Fact, window: list[_SourceClause]) -> Span | None:
        for clause in window:
            position = self._find(fact, clause.text)
            if position is not None:
                a, b = position
                return Span(start=clause.start + a, end=clause.start + b, text=clause.text[a:b])
        return None

    def _dropped_quote_marks(
        self, bullet: str, sources: list[Span], checks: list[Check]
    ) -> list[str]:
        problems = []
        bare_bullet = _fold(" ".join(_QUOTE_CHARS.sub(" ", bullet).split()))
        quoted_in_bullet = [_fold(q.text) for q in checks if q.kind is CheckKind.QUOTE]
        for span in sources:
            for match in _QUOTED.finditer(span.text):
                inner = next(g for g in match.groups() if g is not None)
                words = inner.split()
                if len(words) < 4:
                    continue
                folded = _fold(" ".join(words))
                if folded in bare_bullet and not any(folded in q for q in quoted_in_bullet):
                    problems.append(f"quote «{inner}» is used without its quote marks")
        return problems

    def attributions(self, source: Span) -> list[tuple[str, Span]]:
        """Attribution phrases of a source sentence: « d'après Kiev », « a déclaré X »."""
        text = source.text
        found: list[tuple[str, Span]] = []
        for match in self.lang.according_to.finditer(text):
            end = len(text)
            for stop in (",", ";", ".", ":", "»", '"', "”"):
                k = text.find(stop, match.end())
                if 0 <= k < end:
                    end = k
            phrase = text[match.start() : end].strip()
            found.append((phrase, _span_of(source, match.start(), match.start() + len(phrase))))
        reports_speech = _QUOTE_CHARS.search(text) is not None
        for match in self.lang.speech_verb.finditer(text):
            # « (dit "RCC-M") » names a thing; nobody is speaking inside a parenthesis.
            if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
                continue
            after = text[match.end() :].lstrip()
            indirect = any(after.lower().startswith(t) for t in self.that)
            if not (reports_speech or indirect):
                continue
            phrase = match.group(0)
            speaker = _NAME.match(after)
            if speaker and not indirect:
                gap = len(text) - len(after)
                end = gap + speaker.end(1)
                phrase = text[match.start() : end]
            found.append((phrase, _span_of(source, match.start(), match.start() + len(phrase))))
        return found


@dataclass(frozen=True)
class _RoleWords:
    after: re.Pattern[str]  # a name, then what may stand between it and its apposed role
    max_words: int
    open_words: frozenset[str]  # a role cannot end on one (« de », "of"), folded


@cache
def _role_words(code: str) -> _RoleWords:
    """``[roles]`` of the language: the determiners and the age that may stand between a name
    and the role apposed to it, and the most words a role has."""
    syntax = resources.role_syntax(code)
    determiners = "|".join(re.escape(d) for d in sorted(syntax.determiners, key=len, reverse=True))
    det = rf"(?:(?:{determiners})(?:\s+|(?<=['’])))?" if determiners else ""
    return _RoleWords(
        after=re.compile(rf"(?P<name>[^,]+?)\s*,\s*(?:{syntax.age})?{det}", re.IGNORECASE),
        max_words=syntax.max_words,
        open_words=frozenset(_fold(w) for w in [*syntax.determiners, *syntax.prepositions]),
    )


def _span_of(source: Span, start: int, end: int) -> Span:
    return Span(start=source.start + start, end=source.start + end, text=source.text[start:end])
