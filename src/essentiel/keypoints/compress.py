"""Compress a sentence into a bullet by deleting whole segments, never adding a word.

A sentence is cut into top-level segments at commas (commas inside quotes or parentheses do not
count). Deletions are whole segments or parentheticals:

- always: parentheticals, trailing detail (« , en particulier contre Kiev ») and an opening
  connective (« Toutefois, », « Mais »);
- while the bullet is longer than its target: non-restrictive relatives, appositions and
  circumstantial adjuncts between commas (« , à l'issue d'un long dispositif, »), a trailing
  adjunct or apposition (« , après une nouvelle attaque ... », « , le maire de la commune »),
  a leading circumstantial clause (« Au lendemain de l'appel ..., »), an adjunct the parse
  hangs on a verb with no comma before it (« s'est effondré lors des intempéries de mardi »),
  an aside between dashes
  (« - dont fraude fiscale et blanchiment - »), a verbless gloss after a final dash
  (« - une première depuis 2019 »);
- only while the bullet is over its limit (a sentence too long to be a bullet otherwise): a
  relative clause after the last comma, a participle phrase that describes a noun before
  it (« , rassemblés devant la préfecture dès l'aube, »), and a verb's last conjunct after
  « et » / "and" (« a été blessé et a été transporté à l'hôpital » -> « a été blessé »).

A segment that carries attribution (« selon X », « d'après X », a speech verb) or a quote is
never deleted: whose claim it is, and their exact words, are part of the fact. Nor is a
deletion made that takes the main verb, the subject of a verb the bullet keeps, or the last
finite verb: what is left must still be a statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from essentiel.resources import Language

_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
_QUOTE_CHARS = '«»“”"'


@dataclass(frozen=True)
class Segment:
    start: int  # sentence-relative, first character of the segment (after the comma and space)
    end: int  # sentence-relative, one past the last character (before the comma / final stop)


@dataclass(frozen=True)
class Deletion:
    start: int  # sentence-relative, inclusive
    end: int  # sentence-relative, exclusive
    rule: str
    always: bool
    cost: int  # informative tokens lost: entities, numbers
    # Only while the bullet is over its limit, not merely its target: a description whose
    # loss makes a sentence that is too long a bullet, but is kept in one that already fits.
    last_resort: bool = False


@dataclass(frozen=True)
class Compressed:
    fragments: list[tuple[int, int]]  # absolute clean-text offsets, in order
    removed: list[str]
    words: int


def count_words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def segments(text: str) -> tuple[list[Segment], int]:
    """Top-level comma segments of ``text`` and where its final punctuation starts."""
    body_end = len(text.rstrip())
    while body_end > 0 and text[body_end - 1] in ".!?…":
        body_end -= 1
    result: list[Segment] = []
    depth_paren = 0
    in_straight = False
    depth_guillemet = 0
    seg_start = 0
    for i, ch in enumerate(text[:body_end]):
        if ch == "(":
            depth_paren += 1
        elif ch == ")":
            depth_paren = max(0, depth_paren - 1)
        elif ch in _OPEN_QUOTES:
            depth_guillemet += 1
        elif ch in _CLOSE_QUOTES:
            depth_guillemet = max(0, depth_guillemet - 1)
        elif ch == '"':
            in_straight = not in_straight
        elif ch == "," and not (
            depth_paren or depth_guillemet or in_straight or _in_number(text, i)
        ):
            result.append(Segment(seg_start, i))
            seg_start = i + 1
            while seg_start < body_end and text[seg_start] == " ":
                seg_start += 1
    result.append(Segment(seg_start, body_end))
    return [s for s in result if s.end > s.start], body_end


def connective_end(sent: SpacySpan, lang: Language) -> int:
    """Where ``sent`` goes on after an opening connective the bullet drops (« Toutefois, »,
    « But »), or 0. Not when what follows hangs on it: « Et de lancer : ... » (a narrative
    infinitive) is no sentence without its « Et »."""
    end = lang.leading_connective(sent.text)
    if not end:
        return 0
    base = sent.start_char
    following = next((tok for tok in sent if tok.idx - base >= end), None)
    if following is None or following.dep_ == "mark" or following.pos_ in {"VERB", "AUX"}:
        return 0
    return end


def _in_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted passages: « », “ ” and pairs of straight quotes."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES and opened is None:
            opened = i
        elif ch in _CLOSE_QUOTES and opened is not None:
            ranges.append((opened, i + 1))
            opened = None
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                ranges.append((straight, i + 1))
                straight = None
    return ranges


_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "of", "von", "van"})


def _between_capitals(text: str, start: int, end: int) -> bool:
    """Is the span wedged inside a name (« l'ARS (…) Bretagne », « LR (…) du Plessis »)?"""
    before = text[:start].rstrip().split()
    after = text[end:].lstrip().split()
    if not before or not after:
        return False
    last = re.split(r"['’]", before[-1])[-1]
    following = after[1] if after[0].lower() in _PARTICLES and len(after) > 1 else after[0]
    following = (
        re.split(r"['’]", following)[-1] if following[:2].lower() in ("d'", "d’") else following
    )
    return last[:1].isupper() and following[:1].isupper()


def _parentheticals(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


_DASH_ASIDE = re.compile(r" ([-–—]) [^-–—]+? \1(?= )")
_TRAILING_DASH = re.compile(r" [-–—] [^-–—]+$")


def _dash_asides(text: str) -> list[tuple[int, int]]:
    """Asides between two spaced dashes (« - ... - », « – ... – »): from the space before
    the first dash to the second dash, so the words on both sides meet with one space."""
    return [(m.start(), m.end()) for m in _DASH_ASIDE.finditer(text)]


class Compressor:
    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def _attributes(self, piece: str) -> bool:
        """Whether ``piece`` says whose claim it is (« selon X », a speech verb)."""
        return bool(self.lang.according_to.search(piece) or self.lang.speech_verb.search(piece))

    def _protected(self, piece: str) -> bool:
        return self._attributes(piece) or any(q in piece for q in _QUOTE_CHARS)

    def _according_to_phrases(self, text: str) -> list[tuple[int, int]]:
        """« selon X » / « d'après X » up to the next comma: the phrase that names a source."""
        phrases = []
        for match in self.lang.according_to.finditer(text):
            comma = text.find(",", match.end())
            phrases.append((match.start(), comma if comma >= 0 else len(text)))
        return phrases

    def _cost(self, sent: SpacySpan, start: int, end: int) -> int:
        base = sent.start_char
        return sum(
            1
            for tok in sent
            if start <= tok.idx - base < end
            and (tok.ent_type_ or tok.like_num or self.lang.date_word.fullmatch(tok.text))
        )

    def _root_inside(self, sent: SpacySpan, seg: Segment) -> bool:
        offset = sent.root.idx - sent.start_char
        return seg.start <= offset < seg.end

    def _first_token(self, sent: SpacySpan, seg: Segment) -> Token | None:
        base = sent.start_char
        for tok in sent:
            if tok.idx - base >= seg.start:
                return tok
        return None

    def candidates(self, sent: SpacySpan) -> list[Deletion]:
        text = sent.text
        segs, body_end = segments(text)
        found: list[Deletion] = []
        quotes = quoted_ranges(text)
        sources = self._according_to_phrases(text)
        connective = connective_end(sent, self.lang)
        if connective:
            # « Mais la préfecture a maintenu ... »: the tie to the sentence before goes.
            found.append(Deletion(0, connective, "connective", True, 0))
        for start, end in _parentheticals(text):
            inner = text[start:end]
            # Inside a quote a parenthetical is part of the quoted words: removing it misquotes.
            # Inside « selon l'Association des maires de France (AMF) » it names the source.
            # Between two capitalised words, removing it makes one false name of two
            # (« le maire de Lyon (PS) Gérard Collomb »).
            if (
                self.lang.according_to.search(inner)
                or any(a < start < b for a, b in quotes + sources)
                or _between_capitals(text, start, end)
            ):
                continue
            # Take the space before "(" with it, so no double space is left behind.
            left = start - 1 if start > 0 and text[start - 1] == " " else start
            found.append(Deletion(left, end, "parenthetical", True, self._cost(sent, start, end)))
        for k, seg in enumerate(segs):
            piece = text[seg.start : seg.end]
            if self._protected(piece):
                continue
            first, last = k == 0, k == len(segs) - 1
            comma = text.rfind(",", 0, seg.start)  # the comma that opens this segment
            if not first and self.lang.opens_with(piece, self.lang.detail_marker_words):
                found.append(Deletion(comma, seg.end, "detail", True, 0))
            elif first and len(segs) > 1 and not self._root_inside(sent, seg):
                nxt = segs[1].start
                # « After Adebayor posted a video ..., it is not hard to see why »: the clause
                # holds what the pronoun after it refers to; without it the bullet is « It is
                # not hard to see why ».
                if self.lang.opens_with(
                    piece, self.lang.leading_openers
                ) and not self.lang.opens_with(text[nxt:], self.lang.anaphoric_openers):
                    found.append(
                        Deletion(0, nxt, "leading_clause", False, self._cost(sent, 0, nxt))
                    )
            elif not first and not last and not self._root_inside(sent, seg):
                tok = self._first_token(sent, seg)
                is_relative = self.lang.opens_with(piece, self.lang.relative_openers)
                # « Les agriculteurs, rassemblés devant la préfecture dès l'aube, ont obtenu »:
                # a participle phrase that describes a noun before it is an apposition too.
                appos = tok is not None and tok.head.dep_ == "appos"
                described = _describes_noun_before(sent, seg, sources)
                is_apposition = appos or described
                # « Les policiers, à l'issue d'un important dispositif, pensent ... »: the
                # words that open a leading circumstantial clause open an inserted one too.
                is_adjunct = self.lang.opens_with(piece, self.lang.leading_openers)
                if is_relative or is_apposition or is_adjunct:
                    rule = (
                        "relative_clause"
                        if is_relative
                        else "apposition"
                        if is_apposition
                        else "adjunct"
                    )
                    # « Le navire, qui ..., est venu » -> « Le navire est venu »: when the main
                    # verb comes next, the closing comma goes too (subject meets its verb); so
                    # it does when what comes next completes what came before (« a décidé,
                    # mardi, de tester » -> « a décidé de tester », not « a décidé, de tester »).
                    end = seg.end
                    following = segs[k + 1]
                    # (Not before an attribution: « ..., a affirmé lundi l'OMS » keeps its
                    # comma, whatever the parse made of it.)
                    completes = _completes(sent, seg, following) and not self._attributes(
                        text[following.start : following.end]
                    )
                    if (self._root_inside(sent, following) or completes) and not _between_capitals(
                        text, comma, seg.end + 1
                    ):
                        end = seg.end + 1
                    found.append(
                        Deletion(
                            comma,
                            end,
                            rule,
                            False,
                            self._cost(sent, seg.start, seg.end),
                            last_resort=not (is_relative or appos or is_adjunct),
                        )
                    )
            elif last and not first and not self._root_inside(sent, seg):
                tok = self._first_token(sent, seg)
                participle = (
                    tok is not None
                    and "Part" in tok.morph.get("VerbForm", [])
                    and ("Pres" in tok.morph.get("Tense", []) or tok.tag_ == "VBG")
                )
                # « ... a reçu les commerçants et Jean Dupont, le maire de la commune. »
                appos = tok is not None and tok.head.dep_ == "appos"
                described = _describes_noun_before(sent, seg, sources)
                apposition = appos or described
                # « ... à deux ans de prison avec sursis, qui s'ajoutent à une amende. »: a
                # relative after the last comma describes a noun before it.
                relative = self.lang.opens_with(piece, self.lang.relative_openers)
                opener = self.lang.opens_with(piece, self.lang.trailing_openers)
                if participle or apposition or relative or opener:
                    rule = (
                        "trailing_clause"
                        if participle
                        else "relative_clause"
                        if relative
                        else "apposition"
                        if apposition
                        else "trailing_clause"
                    )
                    found.append(
                        Deletion(
                            comma,
                            seg.end,
                            rule,
                            False,
                            self._cost(sent, seg.start, seg.end),
                            # A participle, an apposition or an adjunct with an opener goes
                            # towards the target, as before; a relative or another phrase
                            # describing a noun only while the bullet is over its limit.
                            last_resort=not (participle or appos or opener),
                        )
                    )
        for start, end in _dash_asides(text):
            # « reconnu coupable des sept chefs - dont exploitation sexuelle ... - après six
            # semaines »: an aside between dashes, like a parenthetical but only when too long.
            inner = text[start:end]
            if self._protected(inner) or any(a < start < b for a, b in quotes + sources):
                continue
            found.append(Deletion(start, end, "dash_aside", False, self._cost(sent, start, end)))
        found.extend(self._verb_adjuncts(sent, body_end, quotes + sources))
        found.extend(self._second_conjuncts(sent, body_end, quotes + sources))
        trailing = _TRAILING_DASH.search(text[:body_end])
        if trailing is not None:
            # « ... fell to just nine per cent - a 25 per cent drop in the last decade »: a
            # verbless gloss after a dash. With a verb it says something of its own (« - if
            # clients are brave enough to sign a waiver ») and stays.
            start, end = trailing.span()
            inner = text[start:end]
            base = sent.start_char
            verbless = not any(
                tok.pos_ in {"VERB", "AUX"} for tok in sent if start <= tok.idx - base < end
            )
            if (
                verbless
                and not self._protected(inner)
                and not any(a < start < b for a, b in quotes + sources)
            ):
                found.append(
                    Deletion(start, end, "trailing_dash", False, self._cost(sent, start, end))
                )
        return found

    def _verb_adjuncts(
        self, sent: SpacySpan, body_end: int, guarded: list[tuple[int, int]]
    ) -> list[Deletion]:
        """Adjuncts hung on a verb with no comma before them, by the parse: « was shot in the
        abdomen during a robbery », « emerged on Sunday, just days after he had insisted ... ».

        Only after their verb, opening with a preposition or conjunction of the language's
        list, and running to the end of the sentence, to a coordinator, or to a comma before
        an attribution: cut anywhere else, the words around would have to be rejoined by
        hand. Not on a participle that describes a noun, nor on a negated verb."""
        if not self.lang.adjunct_relations:
            return []
        text = sent.text
        base = sent.start_char
        found: list[Deletion] = []
        for tok in sent:
            verb = tok.head
            if (
                tok.dep_ not in self.lang.adjunct_relations
                or verb.pos_ not in {"VERB", "AUX"}
                or tok.i < verb.i
                # « un message diffusé lors de la remise des prix »: without its adjunct the
                # participle dangles (« diffusé. »).
                or verb.dep_.startswith(("acl", "amod"))
                # « n'a pas quitté son bureau pendant la crise »: under a negation the adjunct
                # bounds what is denied; without it the bullet denies more.
                or _negated(verb)
            ):
                continue
            subtree = sorted(tok.subtree, key=lambda t: t.i)
            first, last = subtree[0], subtree[-1]
            if len(subtree) != last.i - first.i + 1 or first.i <= verb.i:
                continue  # not one stretch of words after the verb
            if not (sent.start <= first.i and last.i < sent.end):
                continue
            if verb.dep_ == "ROOT" and not any(
                is_subject(c) and not first.i <= c.i <= last.i for c in verb.children
            ):
                # « a déclaré au tribunal après le verdict l'avocate »: the parse
                # found no subject for the main verb; the adjunct may hold it.
                continue
            lead = next((t for t in subtree if t.dep_ in {"mark", "case"} or t.i == tok.i), tok)
            start, end = first.idx - base, last.idx - base + len(last)
            if not self.lang.opens_with(text[lead.idx - base : end], self.lang.adjunct_openers):
                continue
            after = text[end:].lstrip()
            nxt = next((t for t in sent if t.i > last.i), None)
            # At a comma, only before an attribution (« ... lors d'une audition, a déclaré
            # X »): elsewhere the parse may have cut a phrase that goes on past the comma
            # (« après la diffusion, dimanche soir, d'un reportage »).
            if not (
                end >= body_end
                or (nxt is not None and nxt.dep_ == "cc")
                or (after[:1] == "," and self._protected(after[1:].split(",")[0]))
            ):
                continue
            piece = text[start:end]
            # A speech verb may go here: the whole subtree goes, what was said with who said
            # it (« after he had insisted that ... »). A quote or « selon X » stays.
            if (
                any(q in piece for q in _QUOTE_CHARS)
                or self.lang.according_to.search(piece)
                or any(a < start < b for a, b in guarded)
            ):
                continue
            # Take what opened it with it: the space, and a comma or spaced dash before it.
            left = len(text[:start].rstrip())
            if left > 0 and (
                text[left - 1] == ","
                or (text[left - 1] in "-–—" and text[left - 2 : left - 1] == " ")
            ):
                left = len(text[: left - 1].rstrip())
            found.append(Deletion(left, end, "verb_adjunct", False, self._cost(sent, start, end)))
        return found

    def _second_conjuncts(
        self, sent: SpacySpan, body_end: int, guarded: list[tuple[int, int]]
    ) -> list[Deletion]:
        """A verb's last conjunct, from its coordinator to the end of the sentence: « was shot
        in the abdomen and later died Thursday » -> « was shot in the abdomen ». What is left
        is the first of two claims the sentence made together, so it is still the sentence's
        claim; a last resort, for sentences too long to be a bullet otherwise.

        Only a coordinator that joins two claims both made, as the first one's equal (« and »;
        never « or »: « will resign or be fired » does not say « will resign »; nor « but »:
        « may have its rich kids, but in Mexico ... » puts its point after it), only when
        the first verb has words of its own after it (« arrested and charged him » shares
        its object), and not in a sentence with a correlative (« both cut jobs and raised
        prices »). Only where the two claims are asserted: the first verb is the main one, or
        reported or wanted by it (« a annoncé qu'il serait naturalisé et qu'il ... »), with no
        negation on the way. In a relative clause the two conditions pick out the noun (« the
        plants that lost money and employ fewer than fifty » are not all « the plants that
        lost money »), in an adverbial clause they bound the claim (« if ... and ... »), and
        under a negation one of them may be what is denied."""
        if not self.lang.conjunct_coordinators:
            return []
        text = sent.text
        base = sent.start_char
        if self.lang.correlatives is not None and self.lang.correlatives.search(text):
            return []
        found: list[Deletion] = []
        for tok in sent:
            head = tok.head
            if (
                tok.dep_ != "conj"
                or tok.pos_ not in {"VERB", "AUX"}
                or head.pos_ not in {"VERB", "AUX"}
                or tok.i <= head.i
                or not sent.start <= head.i < sent.end
                or not _asserted(head)
            ):
                continue
            subtree = sorted(tok.subtree, key=lambda t: t.i)
            first, last = subtree[0], subtree[-1]
            if len(subtree) != last.i - first.i + 1 or last.idx - base + len(last) < body_end:
                continue  # not one stretch of words running to the end of the sentence
            # The coordinator opens the conjunct (UD hangs it there) or comes right before it
            # (spaCy's English hangs it on the first verb).
            cc = first if first.dep_ == "cc" else sent.doc[first.i - 1]
            if cc.dep_ != "cc" or cc.lower_ not in self.lang.conjunct_coordinators:
                continue
            own = [
                c
                for c in head.children
                if head.i < c.i < cc.i and c.dep_ not in {"punct", "cc", "conj"}
            ]
            if not own:
                continue
            # A conjunct with a subject of its own and no comma before its « et » may have
            # taken the first one's last noun as a second subject: in « un miracle : la saison
            # en cours et la nouvelle vont s'enchaîner », the parse joined « vont » to the verb
            # before, and the bullet would have ended on « la saison en cours. ».
            if any(is_subject(c) for c in tok.children) and sent.doc[cc.i - 1].text != ",":
                continue
            # The parse may hang the final stop on the conjunct: it stays with the bullet.
            start, end = cc.idx - base, min(last.idx - base + len(last), body_end)
            # The parse may run the last conjunct over the sentence's attribution (« ... et
            # sont citées par 22 %, indique le baromètre »): whose claim it is stays.
            if self._protected(text[start:end]) or any(a < start < b for a, b in guarded):
                continue
            left = len(text[:start].rstrip())
            if left > 0 and text[left - 1] == ",":
                left = len(text[: left - 1].rstrip())
            found.append(
                Deletion(
                    left,
                    end,
                    "second_conjunct",
                    False,
                    self._cost(sent, start, end),
                    last_resort=True,
                )
            )
        return found

    def _with_dependents(self, sent: SpacySpan, deletion: Deletion) -> Deletion | None:
        """Extend a deletion over the following segments that hang on what it removes.

        « y compris pour les Patriot, des systèmes coûteux et modernes »: the apposition
        describes the Patriot; left alone it would describe something else. When what hangs on
        the deleted words is an attribution (« , où 705 personnes sont mortes, selon les
        chiffres officiels »), the deletion is cancelled: kept alone, the attribution would
        move to another claim.
        """
        base = sent.start_char
        segs, _ = segments(sent.text)
        end = deletion.end
        for seg in segs:
            if seg.start < end:
                continue
            heads = [
                tok.head.idx - base
                for tok in sent
                if seg.start <= tok.idx - base < seg.end
                and not seg.start <= tok.head.idx - base < seg.end
            ]
            piece = sent.text[seg.start : seg.end]
            # A dropped detail takes the rest of its list: verbless, unattributed segments
            # after it (the parser often attaches them to the noun before the detail).
            continues_detail = (
                deletion.rule == "detail"
                and not self._protected(piece)
                and not any(
                    tok.pos_ in {"VERB", "AUX"}
                    for tok in sent
                    if seg.start <= tok.idx - base < seg.end
                )
            )
            hangs = bool(heads) and all(deletion.start <= h < end for h in heads)
            if self._protected(piece) and (hangs or self._may_own(sent, deletion, end, piece)):
                return None
            if continues_detail or hangs:
                end = seg.end
            else:
                break
        if end == deletion.end:
            return deletion
        return replace(deletion, end=end)

    def _may_own(self, sent: SpacySpan, deletion: Deletion, end: int, piece: str) -> bool:
        """Could the according-to segment right after the deletion be the source of it alone?

        It could when the deleted words are a clause of their own (a verb with a subject):
        « , où 45 personnes ont été blessées, selon les chiffres officiels ». A verbless detail
        (« , en particulier contre Kiev, selon l'armée de l'air ») makes no claim of its own.
        """
        if not self.lang.according_to.match(piece):
            return False
        base = sent.start_char
        inside = [tok for tok in sent if deletion.start <= tok.idx - base < end]
        return any(tok.dep_.startswith("nsubj") for tok in inside) and any(
            tok.pos_ in {"VERB", "AUX"} for tok in inside
        )

    def deletions(self, sent: SpacySpan) -> list[Deletion]:
        """What ``compress`` may delete from ``sent``: the candidates, each extended to the
        words that depend on it (a candidate that cannot be is left out)."""
        return [
            extended
            for d in self.candidates(sent)
            if (extended := self._with_dependents(sent, d)) is not None
        ]

    def compress(
        self, sent: SpacySpan, offset: int, target_words: int, limit: int | None = None
    ) -> Compressed:
        """Apply the always-on deletions, then the others, cheapest first, while over
        ``target_words``; then the last-resort ones while over ``limit`` (the target when
        none is given)."""
        text = sent.text
        base = offset + sent.start_char
        deletions = self.deletions(sent)
        core = _Core.of(sent)
        chosen: list[Deletion] = []
        for deletion in (d for d in deletions if d.always):
            if core.kept_by(sent, [*chosen, deletion]):
                chosen.append(deletion)
        optional = sorted(
            (d for d in deletions if not d.always),
            key=lambda d: (d.last_resort, d.cost, -(d.end - d.start)),
        )
        for deletion in optional:
            bound = target_words
            if deletion.last_resort and limit is not None:
                bound = max(limit, target_words)
            if count_words(_apply(text, chosen)) <= bound:
                break  # the last-resort ones come last, and their bound is never lower
            if core.kept_by(sent, [*chosen, deletion]):
                chosen.append(deletion)
        kept = _kept_ranges(len(text), chosen)
        if kept and chosen:
            # A deletion from the start that ends at a comma leaves « , not far from ... ».
            first_start, first_end = kept[0]
            while first_start < first_end and text[first_start] in ",;: ":
                first_start += 1
            kept[0] = (first_start, first_end)
            kept = [(a, b) for a, b in kept if b > a]
        kept_text = "".join(text[a:b] for a, b in kept)
        return Compressed(
            fragments=[(base + a, base + b) for a, b in kept],
            removed=sorted({d.rule for d in chosen}),
            words=count_words(kept_text),
        )


# Relations by which a word completes its head: object, complement, oblique (UD and spaCy's
# English labels).
COMPLETING = frozenset(
    {
        "obj", "iobj", "xcomp", "ccomp", "obl", "obl:arg", "obl:mod", "obl:agent", "nmod",
        "dobj", "dative", "prep", "attr", "acomp", "oprd", "agent",
    }
)  # fmt: skip


def _negated(verb: Token) -> bool:
    """Whether the parse gives ``verb`` a negation (English ``neg``, French « ne » / « pas »)."""
    return any(c.dep_ == "neg" or "Neg" in c.morph.get("Polarity", []) for c in verb.children)


# Relations by which a clause is asserted with the verb it hangs on: reported (« a annoncé
# qu'il ... »), wanted or attempted (« visent à ... »), or coordinated with it.
_ASSERTED = frozenset({"ccomp", "xcomp", "conj", "parataxis"})


def _asserted(verb: Token) -> bool:
    """Whether ``verb``'s clause is asserted by the sentence: the way from it up to the main
    verb goes only through reported, wanted and coordinated clauses, none of them negated."""
    node = verb
    while True:
        if _negated(node):
            return False
        if node.dep_ == "ROOT" or node.head is node:
            return True
        if node.dep_ not in _ASSERTED:
            return False
        node = node.head


def _describes_noun_before(sent: SpacySpan, seg: Segment, sources: list[tuple[int, int]]) -> bool:
    """Whether ``seg`` is one participle phrase hung on a noun before it (« , rassemblés
    devant la préfecture », « , opposés à la réforme », ", backed by the UN"): it describes
    that noun and says nothing the sentence needs to stand. Not a noun of a « selon X »
    (``sources``): « selon des documents de l'enquête, consultés par l'hebdomadaire » is whose
    claim it is."""
    base = sent.start_char
    inside = [tok for tok in sent if seg.start <= tok.idx - base < seg.end]
    tops = [
        tok
        for tok in inside
        if tok.pos_ != "PUNCT" and not seg.start <= tok.head.idx - base < seg.end
    ]
    if len(tops) != 1:
        return False
    top = tops[0]
    # A participle, not any adjective: « coupable de détournement de fonds, travail
    # dissimulé, faux » ends a list the parse hung as an adjective on the noun before.
    return (
        top.dep_ in {"acl", "amod"}
        and "Part" in top.morph.get("VerbForm", [])
        and top.head.pos_ in {"NOUN", "PROPN", "PRON"}
        and top.head.idx - base < seg.start
        and not any(a <= top.head.idx - base < b for a, b in sources)
        # Its own subject, an auxiliary or a conjunction would make it a clause
        # (« , lorsqu'un débat s'était transformé en ... »), not a description.
        and not any(
            is_subject(tok) or tok.dep_.startswith(("aux", "cop", "mark")) or tok.pos_ == "SCONJ"
            for tok in inside
        )
    )


def _completes(sent: SpacySpan, deleted: Segment, nxt: Segment) -> bool:
    """Whether the segment after ``deleted`` completes a word before it: its words that hang
    outside it all hang, by a completing relation, on words before the deleted segment."""
    base = sent.start_char
    outside = [
        tok
        for tok in sent
        if nxt.start <= tok.idx - base < nxt.end and not nxt.start <= tok.head.idx - base < nxt.end
    ]
    return bool(outside) and all(
        tok.head.idx - base < deleted.start and tok.dep_ in COMPLETING for tok in outside
    )


def is_subject(tok: Token) -> bool:
    """A verb's subject, impersonal « il » included (French UD labels it ``expl:subj``)."""
    return tok.dep_.startswith(("nsubj", "expl:subj"))


def is_finite_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and "Fin" in tok.morph.get("VerbForm", [])


@dataclass(frozen=True)
class _Core:
    """What deletions must leave of a sentence: its main verb (the parse's root); each verb's
    subjects while the verb stays; one of its finite verbs; and, among the verbs whose
    subjects all lie inside the sentence, one with its subjects."""

    root: Token
    subjects: list[tuple[Token, list[Token]]]
    inside: list[tuple[Token, list[Token]]]
    finite: list[Token]

    @classmethod
    def of(cls, sent: SpacySpan) -> _Core:
        subjects = [
            (tok, subj) for tok in sent if (subj := [c for c in tok.children if is_subject(c)])
        ]
        # The parse may put a verb's subject outside the sentence (across a caption our
        # split cut off): then the sentence's own subjects are all in clauses a deletion may
        # take, and one of them, with its verb, must stay.
        inside = [
            (verb, subj)
            for verb, subj in subjects
            if sent.start <= verb.i < sent.end and all(sent.start <= t.i < sent.end for t in subj)
        ]
        finite = [t for t in sent if is_finite_verb(t)]
        return cls(sent.root, subjects, inside, finite)

    def kept_by(self, sent: SpacySpan, deletions: list[Deletion]) -> bool:
        """Whether the bullet left by ``deletions`` still has all of it. A trailing clause
        that ran to the end of the sentence took « dans le port aurait des conséquences
        lourdes » and left « L'arrivée d'un navire comme le Caronia - 300 mètres de long. »;
        a deleted subject left « A été rapidement soupçonné du vol ... » or "Remains a
        respected figure in the game."."""
        base = sent.start_char

        def deleted(tok: Token) -> bool:
            return any(d.start <= tok.idx - base < d.end for d in deletions)

        def intact(verb: Token, subj: list[Token]) -> bool:
            return not deleted(verb) and not any(deleted(t) for t in subj)

        if deleted(self.root):
            return False
        if any(not deleted(verb) and not intact(verb, subj) for verb, subj in self.subjects):
            return False
        if self.inside and not any(intact(verb, subj) for verb, subj in self.inside):
            return False
        return not self.finite or not all(deleted(tok) for tok in self.finite)


def _kept_ranges(length: int, deletions: list[Deletion]) -> list[tuple[int, int]]:
    removed = sorted((d.start, d.end) for d in deletions)
    kept: list[tuple[int, int]] = []
    cursor = 0
    for start, end in removed:
        if start > cursor:
            kept.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        kept.append((cursor, length))
    return [(a, b) for a, b in kept if b > a]


def _apply(text: str, deletions: list[Deletion]) -> str:
    return "".join(text[a:b] for a, b in _kept_ranges(len(text), deletions))
