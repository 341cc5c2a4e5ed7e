"""Clean: lines -> labelled blocks and the clean text that every span points into.

Each line is labelled by language-specific markers (resources/<lang>/blocks.toml) and layout rules:
embedded posts, related-link teasers, captions, bylines, a leading publisher summary, a headline,
the headline printed again in the body, and subheadings (intertitles). What is left is body;
broken body lines (a sentence cut by a scraper's line break) are joined.
Labelled blocks stay in the clean text, with their kind: nothing is silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from essentiel import language, resources
from essentiel.facts.names import fold
from essentiel.ingest import RawDocument, RawLine
from essentiel.model import Block, BlockKind, Span

BLOCK_SEPARATOR = "\n\n"
_TERMINAL = re.compile(r"[.!?…:;]\s*[»\"”’')]*\s*$|[»\"”]\s*$")
_SENTENCE_END = re.compile(r"[.!?…]\s*[»\"”’')]*\s*$")
_JOINING_START = re.compile(r"^[,;.)\]}]")
_MENTION = re.compile(r"(?:^|\s)[@#]\w+")
HEADLINE_MAX_WORDS = 25
# An intertitle is a short line: « - Poursuites "inacceptables" - », « Télétravail recommandé ».
SUBHEADING_MAX_WORDS = 15
# In plain text, a line with no final punctuation is an intertitle only when shorter than this;
# a longer one is a sentence a line break cut (``_glue`` joins it to the next).
TEXT_SUBHEADING_MAX_WORDS = 12
# AFP's intertitles, as Orange Actu prints them: « - Du Mexique au Chili - ».
_DASHED = re.compile(r"^[-–—]\s+\S.*\s[-–—]$")
_WORDS = re.compile(r"\w+")
# A bullet of a summary box is a short line; a long paragraph that opens with a dash is body.
SUMMARY_BULLET_MAX_WORDS = 40
TEASER_MAX_WORDS = 35
# Bylines and publisher summaries sit at the edges of an article; deeper lines are body.
EDGE_LINES = 4


@dataclass
class Cleaned:
    text: str
    blocks: list[Block]
    lang: str | None
    title: str | None


@dataclass
class _Line:
    text: str
    raw: RawLine
    lang: str | None
    kind: BlockKind | None = None
    reason: str = ""
    joined: bool = False  # text grew by line repair: its language is identified again


def clean(raw: RawDocument, lang_hint: str | None = None, headline: str | None = None) -> Cleaned:
    """``headline``: the article's title when the caller knows it and the input may not carry
    it (a dataset's title field), so that the body's copy of it is labelled."""
    lines = [_Line(r.text, r, language.identify(r.text)) for r in raw.lines]
    doc_lang = lang_hint or language.majority((line.text, line.lang) for line in lines)
    codes = resources.supported_languages()
    markers = (
        [resources.language(doc_lang)]
        if doc_lang in codes
        else [resources.language(code) for code in codes]
    )

    # Only in a text known to be in the language (« d" » is no elision in German).
    elided = markers[0].elided_words if len(markers) == 1 else frozenset()
    if elided:
        for line in lines:
            line.text = mend_elided_quotes(line.text, elided)
    _label_embedded_posts(lines, doc_lang)
    for lang_res in markers:
        _label_markers(lines, lang_res.blocks)
    title = _label_leading_blocks(lines, raw)
    lines = _label_headline_repeats(lines, title or headline)
    _label_subheadings(lines, html=raw.source_format == "html")
    for line in lines:
        if line.kind is None:
            line.kind, line.reason = BlockKind.BODY, "default"
    if not any(line.kind is BlockKind.BODY for line in lines):
        # A summary box needs an article under it: without one, what looked like the box is
        # the article itself (a text that opens with « - »), and it must not be lost.
        for line in lines:
            if line.kind is BlockKind.PUBLISHER_SUMMARY:
                line.kind, line.reason = BlockKind.BODY, "default (no body under the summary box)"
    merged = _repair_line_breaks(
        lines, html=raw.source_format == "html", lang=markers[0] if len(markers) == 1 else None
    )
    merged = split_glued_paragraphs(merged, markers)
    for line in merged:
        if line.kind is BlockKind.BODY:
            line.text = without_list_mark(line.text)
    text, blocks = _assemble(merged, doc_lang)
    body_lang = language.majority(
        (text[b.span.start : b.span.end], b.lang) for b in blocks if b.kind is BlockKind.BODY
    )
    return Cleaned(text=text, blocks=blocks, lang=lang_hint or body_lang or doc_lang, title=title)


def _label_embedded_posts(lines: list[_Line], doc_lang: str | None) -> None:
    common = resources.common()
    for i, line in enumerate(lines):
        if line.kind is not None:
            continue
        signature = common.post_signature.search(line.text)
        if signature:
            line.kind, line.reason = BlockKind.EMBEDDED_POST, "social post signature"
            if signature.start() <= 2:
                _extend_post_backwards(lines, i, doc_lang)
        elif common.post_token.search(line.text):
            line.kind, line.reason = BlockKind.EMBEDDED_POST, "social post link"


def _extend_post_backwards(lines: list[_Line], i: int, doc_lang: str | None) -> None:
    """A signature alone on its line closes a post whose text is on the lines just above.

    The line right above is the post's text; lines further up belong to it only when they look
    like it (another language than the article, @mentions or #hashtags).
    """
    j = i - 1
    while j >= 0 and lines[j].kind is None:
        line = lines[j]
        foreign = line.lang is not None and line.lang != doc_lang
        if j < i - 1 and not (foreign or _MENTION.search(line.text)):
            break
        line.kind, line.reason = BlockKind.EMBEDDED_POST, "text of the social post below"
        if line.raw.paragraph_start:
            break
        j -= 1


def _label_markers(lines: list[_Line], markers: resources.BlockMarkers) -> None:
    n = len(lines)
    for i, line in enumerate(lines):
        if line.kind is not None:
            continue
        text = line.text
        words = len(text.split())
        if markers.related_marker_line and markers.related_marker_line.match(text):
            line.kind, line.reason = BlockKind.RELATED_LINK, f"marker «{text}»"
            nxt = lines[i + 1] if i + 1 < n else None
            if nxt and nxt.kind is None and len(nxt.text.split()) <= TEASER_MAX_WORDS:
                nxt.kind, nxt.reason = BlockKind.RELATED_LINK, "teaser after a related-link marker"
        elif markers.related_marker_prefix and markers.related_marker_prefix.match(text):
            line.kind, line.reason = BlockKind.RELATED_LINK, "related-link marker and teaser"
        elif markers.caption and words <= markers.caption_max_words and markers.caption.match(text):
            line.kind, line.reason = BlockKind.CAPTION, "caption or photo credit"
        elif (
            markers.byline
            and words <= markers.byline_max_words
            and (i < EDGE_LINES or i >= n - 2)
            and markers.byline.match(text)
        ):
            line.kind, line.reason = BlockKind.BYLINE, "byline or dateline"


def _label_leading_blocks(lines: list[_Line], raw: RawDocument) -> str | None:
    """Headline (plain text only) and the publisher's summary box at the top of the article."""
    title = raw.title
    common = resources.common()
    unlabelled = [line for line in lines if line.kind is None]
    if raw.source_format == "text" and len(unlabelled) >= 2:
        first, second = unlabelled[0], unlabelled[1]
        continued = _JOINING_START.match(second.text) or second.text[0].islower()
        if (
            first is lines[0]
            and not continued
            and len(first.text.split()) <= HEADLINE_MAX_WORDS
            and not _SENTENCE_END.search(first.text)
            and not common.bullet_prefix.match(first.text)
        ):
            first.kind, first.reason = BlockKind.HEADLINE, "first line: short, no final full stop"
            title = title or first.text

    profile = resources.publisher(raw.hostname)
    first_paragraph = profile is not None and profile.standfirst == "first_paragraph"
    in_summary_box = False
    for position, line in enumerate(lines):
        if line.kind is not None and line.kind is not BlockKind.PUBLISHER_SUMMARY:
            if in_summary_box:
                break
            continue
        if line.kind is BlockKind.PUBLISHER_SUMMARY:
            continue
        if (
            common.bullet_prefix.match(line.text)
            and len(line.text.split()) <= SUMMARY_BULLET_MAX_WORDS
        ):
            line.kind, line.reason = BlockKind.PUBLISHER_SUMMARY, "leading bullet list"
            in_summary_box = True
            continue
        if line.raw.summary_hint and position < EDGE_LINES + 2:
            line.kind, line.reason = BlockKind.PUBLISHER_SUMMARY, "marked as standfirst by the page"
            in_summary_box = True
            continue
        if line.raw.bold and not line.raw.heading and len(line.text.split()) >= 8:
            line.kind, line.reason = BlockKind.PUBLISHER_SUMMARY, "bold lead paragraph (chapô)"
            in_summary_box = True
            continue
        if first_paragraph and profile is not None and not in_summary_box and not line.raw.heading:
            line.kind = BlockKind.PUBLISHER_SUMMARY
            line.reason = f"standfirst of {profile.host} (publisher profile)"
        break
    return title


def _words_of(text: str) -> list[str]:
    return [w.casefold() for w in _WORDS.findall(text)]


def _label_headline_repeats(lines: list[_Line], headline: str | None) -> list[_Line]:
    """The headline printed again in the body: a line that is the headline, or that opens with
    it and runs on into the first sentence (« Séisme aux Philippines Un séisme de magnitude
    ... »), which is split there. Labelled, so that it never becomes a key point."""
    title = _words_of(headline) if headline else []
    if len(title) < 3:
        return lines
    out: list[_Line] = []
    for line in lines:
        if line.kind is not None:
            out.append(line)
            continue
        said = _words_of(line.text)
        if said == title:
            line.kind, line.reason = BlockKind.HEADLINE_REPEAT, "the headline, printed again"
            out.append(line)
            continue
        end = _prefix_end(line.text, len(title)) if said[: len(title)] == title else None
        rest = line.text[end:].strip() if end is not None else ""
        if end is not None and rest[:1].isupper():
            head = _Line(line.text[:end].strip(), line.raw, line.lang)
            head.kind, head.reason = BlockKind.HEADLINE_REPEAT, "the headline, run into the text"
            out.append(head)
            out.append(_Line(rest, line.raw, line.lang, joined=True))
            continue
        out.append(line)
    return out


def _prefix_end(text: str, words: int) -> int:
    """Where the first ``words`` words of ``text`` end, with the punctuation right after them."""
    matches = list(_WORDS.finditer(text))
    end = matches[words - 1].end()
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return end


def _label_subheadings(lines: list[_Line], *, html: bool) -> None:
    """Intertitles inside the body, so that no sentence is glued to them. In HTML, what the
    page marks: a heading element, a short paragraph all in bold, AFP's « - Titre - », a short
    line in capitals. In plain text, a short line with no final punctuation between a finished
    sentence and a capitalised one."""
    for i, line in enumerate(lines):
        if line.kind is not None or i == 0:
            continue
        text = line.text
        words = len(text.split())
        if words > SUBHEADING_MAX_WORDS:
            continue
        nxt = next((other for other in lines[i + 1 :] if other.kind is None), None)
        if nxt is None:
            continue  # nothing under it: a sign-off (« dch/vm/map »), not a heading
        if html:
            upper = words >= 2 and text.upper() == text and any(c.isalpha() for c in text)
            if line.raw.heading:
                reason = "heading element"
            elif _DASHED.match(text):
                reason = "intertitle between dashes"
            elif line.raw.bold and not _SENTENCE_END.search(text):
                reason = "short paragraph in bold"
            elif upper and not _SENTENCE_END.search(text):
                reason = "short line in capitals"
            else:
                continue
        else:
            prev = lines[i - 1]
            if (
                words >= TEXT_SUBHEADING_MAX_WORDS
                or _TERMINAL.search(text)
                or not _TERMINAL.search(prev.text)
                or not (nxt.text[:1].isupper() or nxt.text[:1] in '«"“')
                # What a heading titles is a paragraph: a short line with no final stop
                # under it is the rest of the same phrase (« ... la projection du film »
                # | « Le Grand Bleu »), a title of a work, not what a heading announces.
                or not (
                    _TERMINAL.search(nxt.text) or len(nxt.text.split()) >= TEXT_SUBHEADING_MAX_WORDS
                )
            ):
                continue
            reason = "short line with no final punctuation before a sentence"
        line.kind, line.reason = BlockKind.SUBHEADING, reason


def _repair_line_breaks(
    lines: list[_Line], *, html: bool, lang: resources.Language | None
) -> list[_Line]:
    """Join body lines that a scraper cut inside a sentence."""
    merged: list[_Line] = []
    for line in lines:
        prev = merged[-1] if merged else None
        if prev is not None and prev.kind is BlockKind.BODY and line.kind is BlockKind.BODY:
            glue = _glue(prev, line, html=html, lang=lang)
            if glue is not None:
                prev.text = prev.text + glue + line.text
                prev.reason = "default; scraped line breaks joined"
                prev.joined = True
                continue
        merged.append(_Line(line.text, line.raw, line.lang, line.kind, line.reason))
    return merged


def _glue(prev: _Line, line: _Line, *, html: bool, lang: resources.Language | None) -> str | None:
    """The string that joins two lines of one sentence, or None when they are separate."""
    text = line.text
    if _JOINING_START.match(text):
        return ""
    if text.startswith(("»", "”")):
        return " "
    if line.raw.heading or prev.raw.heading:
        return None
    # A lowercase start continues the sentence unless the line before ended one; a closing
    # quote or a colon alone does not end it (« ... "renforcer la protection"\ndu ciel ... »).
    if text[0].islower() and not _SENTENCE_END.search(prev.text):
        return " "
    if _TERMINAL.search(prev.text):
        return None
    # A line with no final punctuation before a capitalised one is a sentence cut in two when
    # it is long, or when it opens an attribution that the next line completes (in HTML, a
    # <p> cut around a name in italics: « Selon le quotidien italien » | « Corriere della
    # Serra, ... »). A short one is an intertitle (« Campagne chaotique »).
    words = len(prev.text.split())
    if words >= (8 if html else 12) or (lang is not None and lang.according_to.search(prev.text)):
        return " "
    return None


# Where a sentence ends inside a paragraph: its final punctuation and closing marks, then
# (spaces and) what opens a sentence. « M. Dupont » is not an end (see _INITIAL).
# Signs that open an item of a list (« • », « ► »): what follows one is an item or a heading
# of its own, never the rest of the sentence before it.
LIST_MARKS = "•●▪►■◆▶♦"
# (A dash may stand before a quote: « ... extérieures.- "Menace pour l'humanité" Le 24 mars ».)
_RUN_START = re.compile(
    rf"[.!?…]+[\"»”’)\]]*\s*(?=(?:[-–—]\s*)?[\"«“(\-–—{LIST_MARKS}]?\s*[A-ZÀ-ÖØ-Þ0-9])"
)
_INITIAL = re.compile(r"[\s(][A-ZÀ-ÖØ-Þ]")
# A video's credit with no title before it in its run (« - 06/01par BFMTV »): its title is the
# sentence before when that one is a question or an exclamation (« Âge pivot: quel compromis
# possible? »), and goes with it; a sentence ending on a full stop is the article's.
_BARE_CREDIT = re.compile(r"^[-–—]\s*\d{1,2}/\d{2}")


def split_glued_paragraphs(lines: list[_Line], langs: list[resources.Language]) -> list[_Line]:
    """Body lines cut where text copied from a page ran one paragraph into the next without a
    space (language data: ``[sentences] paragraph_openers``, « ... sur la départementalePeu avant
    midi ... »). What ran in is a subheading when it is short, from the last sentence end before the
    glue (an intertitle, a video's title or credit: « Un accident sur la départementale »,
    « Par franceinfo »), else the end of a paragraph that lost its final stop (then a body block of
    its own). Either way no sentence, so no key point, holds both sides of the glue.

    In French (``[sentences] glued_after_lowercase_word``) any capitalised word glued to a
    lowercase one starts a paragraph (« ... en examenRapidement, ... »), not only an opener.
    A list's mark before a capital (« • », « ► ») starts one too, and the item's heading
    glued to its text (« • Baisse du prix du gazInitialement estimée ... ») is set apart; the
    mark is dropped from a body block (``without_list_mark``).

    With a space, only a heading is cut off: a short run from a sentence end, with no final
    stop, before an opener and a lowercase word (« Cinq blessés graves Parmi les victimes, ...
    »), and not ending on a word that opens a title (``[sentences] title_words``)."""
    found = [lang.glued_paragraph for lang in langs if lang.glued_paragraph is not None]
    # Only in a text known to be in the language: names and code glued the same way are common
    # in others (« realDonaldTrump », « {{#topArticle »).
    after_lowercase = len(langs) == 1 and langs[0].glued_after_lowercase_word
    dashed_starts = len(langs) == 1 and langs[0].dashed_paragraph_start
    spaced = [lang.spaced_heading for lang in langs if lang.spaced_heading is not None]
    titles = frozenset().union(*(lang.title_words for lang in langs))
    credits = frozenset().union(*(lang.credit_words for lang in langs))
    not_headings = tuple(opening for lang in langs for opening in lang.heading_never_opens)
    if not found:
        return lines
    out: list[_Line] = []
    for line in (piece for whole in lines for piece in _without_dashed_intertitles(whole)):
        if line.kind is not BlockKind.BODY:
            out.append(line)
            continue
        glued = {m.end() for p in found for m in p.finditer(line.text)} - {0}
        glued |= _credit_ends(line.text, glued, credits)
        glued |= _glued_quotes(line.text)
        headings = _quoted_headings(line.text)
        glued = {at for at in glued if not any(a < at < b for a, b in headings)}
        glued |= {b for _, b in headings} | {a for a, _ in headings if a > 0}
        glued |= _glued_acronyms(line.text)
        if after_lowercase:
            glued |= {m.start() for m in _GLUED_YEAR.finditer(line.text)}
            glued |= _glued_after_lowercase_words(line.text, titles)
            glued |= _glued_after_names(line.text)
            glued |= _glued_before_names(line.text)
        glued |= _list_items(line.text)
        if dashed_starts:
            glued |= {match.start() for match in _DASHED_START.finditer(line.text)}
            glued |= {
                match.end()
                for lang in langs
                if lang.dashed_heading is not None
                for match in lang.dashed_heading.finditer(line.text)
            }
        headed = {m.end() for p in spaced for m in p.finditer(line.text)} - glued
        points = sorted((at, at in headed) for at in glued | headed)
        if not points:
            out.append(line)
            continue
        lang = language.identify(line.text) if line.joined else line.lang
        reason = "run into the next paragraph without a space"
        for start, end, kind in _glued_pieces(line.text, points, titles, not_headings):
            text = line.text[start:end].strip()
            if not text:
                continue
            piece = _Line(text, line.raw, lang, kind, line.reason)
            if kind is BlockKind.SUBHEADING:
                piece.reason = f"short run with no final punctuation, {reason}"
            out.append(piece)
    return out


# A video's credit set apart at its credit word (« ... à l'âge de 88 anspar Pause PeopleNé le
# 12 septembre 1931 ... ») ends where its outlet's last word runs into the next paragraph: a
# capitalised word glued to a lowercase letter within the outlet's first words, and a
# lowercase word after it (a sentence goes on; « par LyonMag Le maire » is a name in camel case).
_CREDIT_OUTLET_WORDS = 4
_GLUED_SENTENCE_START = re.compile(
    r"(?<=[a-zà-öø-ÿ])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]*(?= [a-zà-öø-ÿ])"
    # « ... par Non Stop ZappingThierry Ardisson a expliqué »: a first name run into the
    # outlet, then the surname and a lowercase word (not « LyonMag Le maire »: too short).
    r"|(?<=[a-zà-öø-ÿ])[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,}(?= [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ-]+ [a-zà-öø-ÿ])"
)


def _credit_ends(text: str, starts: set[int], credits: frozenset[str]) -> set[int]:
    """Where the paragraph after a video's credit starts, glued to the credit's outlet."""
    points: set[int] = set()
    for at in starts:
        word, space, _ = text[at : at + 16].partition(" ")
        if not space or word not in credits:
            continue
        outlet_start = at + len(word) + 1
        words = text[outlet_start : outlet_start + 120].split(" ")[:_CREDIT_OUTLET_WORDS]
        # Searched on past the outlet's words (the look-ahead reads what follows them), kept
        # only when it starts within them.
        match = _GLUED_SENTENCE_START.search(text, outlet_start, outlet_start + 200)
        if match is not None and match.start() < outlet_start + len(" ".join(words)):
            points.add(match.start())
    return points


# A straight quote mark that opens a quote right after a lowercase letter or a word in
# capitals (« ... pas satisfaits"Nous ne sommes ... », « ... LA LOI ASILE"Avant, le ... »): a
# heading glued to the quote that opens the next paragraph.
# Not a mark that closes one (« ... "Un plan caché"Cette mère »): there the run before is as
# often a paragraph's quoted end as a quoted heading, and setting it apart took 10 of 660 gold
# quotes out of the facts (bench/facts_fr.py, 2026-12-06).
# A word in capitals is four letters or more (CAPITALS_HEADING_MIN), not an acronym
# (« la CGT"Nous » is a missing space inside the sentence as often as a heading's end).
_GLUED_QUOTE = re.compile(r'(?:(?<=[a-zà-öø-ÿ])|(?<=[A-ZÀ-ÖØ-Þ]{4}))"(?=[A-ZÀ-ÖØ-Þ])')


def _glued_quotes(text: str) -> set[int]:
    """Where a paragraph starts at a glued quote mark that opens a quote (an even number of
    marks before it)."""
    points: set[int] = set()
    marks, counted = 0, 0  # marks before ``counted``, carried forward: linear in the text
    for match in _GLUED_QUOTE.finditer(text):
        at = match.start()
        marks += text.count('"', counted, at)
        counted = at
        if marks % 2 == 0:
            points.add(at)
    return points - {0}


# A short quote that opens a sentence and is followed, with no comma nor cue, by a
# capitalised word (« ... selon X. "Une dangereuse première" Jean-Luc Mélenchon, leader de
# LFI, dénonce ... », « ... en 2022."On prend des coups" Édouard Philippe a encore évoqué »): an
# intertitle quoting the paragraph under it, run into that paragraph. Read as one sentence it
# gave the quote to the name after it (the twenty-first judged round's unfaithful bullet). A
# quote said in the sentence has a comma or a cue after it (« "Nous gagnerons", a dit X »); a
# title in quotes as the subject, a verb (« "Le Monde" a révélé »).
_QUOTED_HEADING = re.compile(
    r'(?:^|(?<=[.!?…])\s*)(?:"|“|«\s?)([^".!?…“”«»:;,]{1,80}?)(?:\s?»|"|”) (?=[A-ZÀ-ÖØ-Þ])'
)
QUOTED_HEADING_MAX_WORDS = 12
# The same with its subject before the quote, a quote of the subject's words that opens on a
# lowercase word (« Les forces de l'ordre "méritent la reconnaissance de la nation" Emmanuel
# Macron a affirmé ... », round 43; « Pierre Joxe "pressant et grossier" La plainte ... »): no
# comma, up to TEXT_SUBHEADING_MAX_WORDS words in all. A quote opening on a capital after a
# noun is a name (« le chef de la division "Bois et papier" Paul Girard »).
_SUBJECT_QUOTED_HEADING = re.compile(
    r'(?:^|(?<=[.!?…])\s*)[A-ZÀ-ÖØ-Þ][^".!?…“”«»:;,\n]{0,70}? (?P<open>"|“|«\s?)'
    r'(?P<quote>[a-zà-öø-ÿ][^".!?…“”«»:;,]{1,90}?)(?:\s?»|"|”) (?=[A-ZÀ-ÖØ-Þ])'
)
# Fewer words in the quote are a word the sentence quotes before its object or a name (« Elle
# a assuré qu'il avait "bien tué" Estelle Mouzin », « le "marcheur" Romain Grau »; train rows
# 0-9999: 9 such, every one of one or two words).
SUBJECT_QUOTED_HEADING_MIN_WORDS = 3
# A name's initials before the quote (« J.P. "The Big Bopper" Richardson »): a nickname
# between the first name and the surname, not an intertitle after a sentence's stop.
_INITIAL_BEFORE = re.compile(r"(?:^|[\s.-])[A-ZÀ-ÖØ-Þ]\.\s*$")


# The same intertitle glued on both sides: its opening mark right after the sentence before
# (its stop, and the mark closing that sentence's quote), its closing mark right against the
# paragraph's first word (« ... sur la plateforme Clic-P."Des contraintes en plus"Pour certains
# commerçants, ... », the twenty-eighth judged round's empty box; « ... a-t-elle
# développé."Cela doit être réciproque"Dans cette hypothèse ... »). No stop inside but a
# question or exclamation mark, or an ellipsis, at its end: a quoted paragraph that ends on
# its full stop (« ... grandiose."Aujourd'hui ... ») is not one. Up to SUBHEADING_MAX_WORDS,
# commas allowed (« "On change d'hôtel, on change de date" »): glued on both sides, nothing
# else reads so. Straight marks count: the opening one must open (an even number before).
_GLUED_QUOTED_HEADING = re.compile(
    r'[.!?…]["»”]?\s?(?P<open>["“«])\s?[^"“”«».!?…\n]{1,160}?[!?…]?\s?["”»](?=[A-ZÀ-ÖØ-Þ])'
)


def _quoted_headings(text: str) -> list[tuple[int, int]]:
    """Each quoted intertitle: where its opening mark stands and where the paragraph under it
    starts (the capitalised word after it)."""
    spans: list[tuple[int, int]] = []
    for m in _QUOTED_HEADING.finditer(text):
        if len(m.group(1).split()) > QUOTED_HEADING_MAX_WORDS:
            continue
        if m.start() and _INITIAL_BEFORE.search(text, max(0, m.start() - 4), m.start() + 1):
            continue
        opening = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        spans.append((opening, m.end()))
    for m in _SUBJECT_QUOTED_HEADING.finditer(text):
        opening = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if text.count('"', 0, m.start("open")) % 2 or any(a <= opening < b for a, b in spans):
            continue
        if (
            len(m.group(0).split()) < TEXT_SUBHEADING_MAX_WORDS
            and len(m.group("quote").split()) >= SUBJECT_QUOTED_HEADING_MIN_WORDS
        ):
            spans.append((opening, m.end()))
    for m in _GLUED_QUOTED_HEADING.finditer(text):
        opening = m.start("open")
        if text.count('"', 0, opening) % 2 or any(a <= opening < b for a, b in spans):
            continue
        # Words, from the mark on (« habitude." "De ... » is two quotes, not one), and not a
        # title opening inside a quote (« ... saison d'"On n'est pas couché" »).
        if not text[opening + 1 : opening + 2].strip() and text[opening] == '"':
            continue
        if text[m.end() - 2 : m.end() - 1] in "'’" or not any(c.isalpha() for c in m[0]):
            continue
        if len(text[opening : m.end()].split()) <= SUBHEADING_MAX_WORDS:
            spans.append((opening, m.end()))
    return sorted(spans)


# An acronym or a word in capitals run into a capitalised word (« ... de sympathisants
# PSFrançois Hollande ... », « ... PENSIONS ALIMENTAIRESMise en place ... »): a heading that
# ended on it, glued to the paragraph after. The next word begins with a capital and ends on
# lowercase letters, so names written in camel case that end on a capital (« DGFiP ») are
# not cut; Roman numerals before a suffix (« XIXème ») are not either.
_CAPITALS_THEN_WORD = re.compile(
    r"(?<![\w'’])([A-ZÀ-ÖØ-Þ]{2,})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}(?![\w]))"
)
_ROMAN = frozenset("IVXLCDM")
# A run of capitals this long is a word in capitals (an upper-case intertitle), not a name
# written in camel case (« INCa », « RDCongo », « JCDecaux »): cut whether known or not.
CAPITALS_HEADING_MIN = 4


@cache
def known_acronyms() -> frozenset[str]:
    """The acronyms of the organisations the resources know (« PS », « CGT », « AFP »): written
    in capitals, two letters or more."""
    groups = resources.common_data("organisations").values()
    return frozenset(
        name
        for category in groups
        for group in category
        for name in group
        if len(name) >= 2 and name.isalpha() and name.isupper()
    )


def _glued_acronyms(text: str) -> set[int]:
    """Where a paragraph starts right after a known acronym or a word in capitals that a
    heading ended on, with no space."""
    points: set[int] = set()
    for match in _CAPITALS_THEN_WORD.finditer(text):
        capitals, at = match.group(1), match.end()
        if set(capitals + text[at]) <= _ROMAN:
            continue  # « XIXème », « VIIème »: a century or a district
        if capitals in known_acronyms() or len(capitals) >= CAPITALS_HEADING_MIN:
            points.add(at)
    return points


# A lowercase word of two letters or more (after an elided article, « l'été ») glued to a
# capitalised word, to a capital alone before a lowercase word (« frontièresA partir »), or to
# an acronym (« Une partie du personnel infectéeBFM Paris indique ... », the twenty-fifth
# judged round). Searched as the place between the two letters first (a regex that tried a
# word at every position cost twice as much), then the word before it is read backwards.
# A paragraph that opens on a year, run into a sentence's stop (« ... en particulier jeudi et
# vendredi.2019 avait été la troisième année la plus chaude ... », round 43): one sentence held
# both, and a cut took the second's main clause. A word of three letters or more before the
# stop (not « p.2019 »), and a space or a comma after the year.
_GLUED_YEAR = re.compile(r"(?<=[a-zà-öø-ÿ]{3}\.)(?=(?:1[5-9]|20)[0-9]{2}[ ,])")
_LOWERCASE_THEN_CAPITAL = re.compile(
    r"(?<=[a-zà-öø-ÿ])"
    r"(?=[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]{2}|['’][a-zà-öø-ÿA-ZÀ-ÖØ-Þ]|\s[a-zà-öø-ÿ]|[A-ZÀ-ÖØ-Þ]))"
)
_LOWERCASE_WORD_BEFORE = re.compile(r"(?:[a-zà-öø-ÿ]{1,2}['’])?([a-zà-öø-ÿ]{2,})")


def _glued_after_lowercase_words(text: str, titles: frozenset[str]) -> set[int]:
    """Where a paragraph starts right after a lowercase word with no space, whatever its first
    word (« ... en examenRapidement, ... »). Not after a word that opens a title (« créé
    parRyan Murphy » is a missing space inside the sentence)."""
    points: set[int] = set()
    for match in _LOWERCASE_THEN_CAPITAL.finditer(text):
        at = match.start()
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-_"):
            start -= 1
        word = _LOWERCASE_WORD_BEFORE.fullmatch(text, start, at)
        if word is None or word.group(1) in titles:
            continue
        # Before an acronym, a word of two letters is a brand in camel case (« beIN Sports »).
        if text[at + 1 : at + 2].isupper() and len(word.group(1)) < 3:
            continue
        points.add(at)
    return points


# A capitalised word glued to a capitalised word of five letters or more, then a space
# (« ... du chanteur AmirCerise sur le gâteau ... »). Names written in camel case end on short
# words (« LyonMag », « TéléStar », « RoissyBus », « FranceInfo »).
# The name may also be capitals and a number, a channel's (« ... par rapport à TF1Revenant sur
# la période ... », the twenty-first judged round).
_NAME_THEN_WORD = re.compile(r"(?<=[a-zà-öø-ÿ0-9])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,}[ ,])")
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}|[A-ZÀ-ÖØ-Þ]{1,4}[0-9]{1,2}")


def _glued_after_names(text: str) -> set[int]:
    """Where a heading that ends on a name runs into the next paragraph (« Une lettre du
    chanteur AmirCerise sur le gâteau, le chanteur Amir lui a écrit »): a short run from a
    sentence end, whose last word is a name the text also writes alone, while the glued whole
    appears nowhere else. A name written in camel case (« YouTube », « BlaBlaCar ») has no
    first part written alone; the list items' rule (``_item_heading_glue``) is the same
    evidence."""
    points: set[int] = set()
    # The matches come in order: each run start is looked for from the one before (a scan
    # from the paragraph's start for each would grow with its length squared).
    run_start = 0
    for match in _NAME_THEN_WORD.finditer(text):
        at = match.start()
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
        left = text[start:at]
        if not _NAME.fullmatch(left):
            continue
        run_start = _run_start(text, run_start, at)
        if len(text[run_start:at].split()) > TEXT_SUBHEADING_MAX_WORDS:
            continue
        if _written_alone(text, left, start, at):
            points.add(at)
    return points


# After a sentence's end, one capitalised word of five letters or more glued to a
# capitalised word and a space (« ... de 2017.RétropédalageÉliane Houlette a été entendue »).
_WORD_THEN_NAME = re.compile(
    r"(?:(?<=[.!?…»\"”])|^)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{4,}(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})(?= )"
)


def _glued_before_names(text: str) -> set[int]:
    """Where a one-word heading runs into a paragraph that opens on a name (« Rétropédalage »
    and « Éliane Houlette a été entendue »): the name is written alone elsewhere in the text,
    the glued whole nowhere else (a name in camel case, « MacKenzie », has no « Kenzie »
    alone)."""
    points: set[int] = set()
    for match in _WORD_THEN_NAME.finditer(text):
        name = match.group("name")
        alone = re.compile(rf"(?<![\w'’]){re.escape(name)}(?![\w])")
        if alone.search(text) is not None and text.count(match.group()) == 1:
            points.add(match.start("name"))
    return points


def _written_alone(text: str, left: str, word_start: int, at: int) -> bool:
    """Whether ``left``, the name a heading ended on where the next paragraph was glued at
    ``at``, is written alone elsewhere in ``text`` while the glued word (from ``word_start``)
    is written nowhere else: a heading run into its paragraph (« Dupont » and « DupontSeuls »),
    not a name in camel case (« YouTube »: no « You » alone)."""
    rest = _WORD_START.match(text, at)
    word = text[word_start:at] + (rest.group() if rest else "")
    alone = re.compile(rf"(?<![\w'’]){re.escape(left)}(?![\w])")
    return alone.search(text) is not None and text.count(word) == 1


# AFP's intertitle between dashes run into the text, as a dataset's text keeps it (« ... 20.047
# décès.- "Chiffres inquiétants" -Le ministère ... »): after a sentence's end, a dash and a
# space, a short run, a space and a dash glued to the next paragraph's first word.
_DASHED_RUN_IN = re.compile(
    r"(?:(?<=[.!?…»\"”)])|^)\s?(?P<heading>- (?P<words>[^\n]{1,150}?) -)(?=[A-ZÀ-ÖØ-Þ«\"“])"
)
_STOP_INSIDE = re.compile(r"[.!?…][\"»”]?\s")


def _without_dashed_intertitles(line: _Line) -> list[_Line]:
    """A body line with AFP's intertitles run into it, as pieces: the body before, the
    intertitle (a subheading), the body after."""
    if line.kind is not BlockKind.BODY or " -" not in line.text:
        return [line]
    pieces: list[_Line] = []
    cursor = 0
    for match in _DASHED_RUN_IN.finditer(line.text):
        words = match.group("words")
        if len(words.split()) > SUBHEADING_MAX_WORDS or _STOP_INSIDE.search(words):
            continue
        before = line.text[cursor : match.start("heading")].strip()
        if before:
            pieces.append(_Line(before, line.raw, line.lang, BlockKind.BODY, line.reason))
        heading = _Line(match.group("heading"), line.raw, line.lang, BlockKind.SUBHEADING)
        heading.reason = "intertitle between dashes, run into the text"
        pieces.append(heading)
        cursor = match.end()
    if not pieces:
        return [line]
    rest = line.text[cursor:].strip()
    if rest:
        pieces.append(_Line(rest, line.raw, line.lang, BlockKind.BODY, line.reason))
    return pieces


# A hyphen glued to a capital after a sentence's end (« ... de jour en jour. -À 10 mois du
# premier tour ... »): a paragraph's start, where a dateline was (``without_list_mark``), in a
# language whose resources say so (``[sentences] dashed_paragraph_start``).
_DASHED_START = re.compile(r"(?<=[.!?…»\"”] )-(?=[A-ZÀ-ÖØ-Þ«\"“])")

_LIST_MARK = re.compile(rf"[{LIST_MARKS}](?=\s*[\"«“A-ZÀ-ÖØ-Þ0-9])")
# What may end the heading of a list item, glued to the item's text: a lowercase letter or a
# closing quote before a capitalised word (« • Baisse du prix du gazInitialement ... »,
# « • Chômage partiel "longue durée"A côté ... »), or a name glued to one (« • Nouveau record
# pour Martin DupontSeuls 12 % ... »).
_ITEM_HEADING_END = re.compile(r"(?<=[a-zà-öø-ÿ\"»”])(?=[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|\s[a-zà-öø-ÿ]))")
# A sentence's stop, not a number's point (« 35.000 »).
_SENTENCE_STOP = re.compile(r"[.!?…](?!\w)")


def _list_items(text: str) -> set[int]:
    """Where the items of a list run into a paragraph start: at each list mark before a
    capital (« ... après.• Baisse du prix du gaz »), and where an item's heading, short and
    with no final stop, is glued to the text under it."""
    if not any(mark in text for mark in LIST_MARKS):  # most paragraphs: no regex run
        return set()
    points = {match.start() for match in _LIST_MARK.finditer(text)} - {0}
    for match in _LIST_MARK.finditer(text):
        stop = _SENTENCE_STOP.search(text, match.end())
        end = stop.start() if stop else len(text)
        for mark in _LIST_MARK.finditer(text, match.end(), end):
            end = mark.start()
            break
        at = _item_heading_end(text, match.end(), end)
        if at is not None:
            points.add(at)
    return points


# Or a hyphen glued to the heading's last word before the text (« • Près de 35.000
# communes- Début 2019, la France ... »).
_ITEM_HEADING_DASH = re.compile(r"(?<=[\w\"»”)])- (?=[A-ZÀ-ÖØ-Þ])")


def _item_heading_end(text: str, start: int, end: int) -> int | None:
    """The first place between ``start`` and ``end`` where a list item's heading is glued to
    its text, within a heading's length."""
    glued = _item_heading_glue(text, start, end)
    dash = _ITEM_HEADING_DASH.search(text, start, glued or end)
    if dash is not None and len(text[start : dash.start()].split()) <= SUBHEADING_MAX_WORDS:
        return dash.end()
    return glued


def _item_heading_glue(text: str, start: int, end: int) -> int | None:
    for match in _ITEM_HEADING_END.finditer(text, start, end):
        at = match.start()
        if len(text[start:at].split()) > SUBHEADING_MAX_WORDS:
            return None
        if text[at - 1] == '"':
            if text.count('"', start, at) % 2:
                continue  # the mark opens a quote (« "Bernard ») rather than closing one
            return at
        token_start = max(text.rfind(" ", start, at), text.rfind("\n", start, at)) + 1
        left = text[token_start:at].lstrip('"«“(')
        if _LOWERCASE_WORD.fullmatch(left):
            return at
        # A capitalised word glued to another: a name written in camel case (« YouTube »,
        # « HuffPost ») unless its first part stands as a word elsewhere in the text, as the
        # name a heading ended on does (« Dupont »), and the whole never does.
        if len(left) >= 3 and _written_alone(text, left, token_start, at):
            return at
    return None


_WORD_START = re.compile(r"\w*")
# A lowercase word of two letters or more, after an elided article or not: not the first letter
# of a name written in camel case (« iPhone »).
_LOWERCASE_WORD = re.compile(r"(?:[a-zà-öø-ÿ]{1,2}['’])?[a-zà-öø-ÿ]{2,}")


def _glued_pieces(
    text: str,
    points: list[tuple[int, bool]],
    titles: frozenset[str],
    not_headings: tuple[str, ...] = (),
) -> list[tuple[int, int, BlockKind]]:
    pieces: list[tuple[int, int, BlockKind]] = []
    cursor = 0
    for point, spaced in points:
        start = _run_start(text, cursor, point)
        run = text[start:point].strip()
        if run.count('"') % 2 == 1 and run.endswith('"'):
            # « ... du Nord."Ma langue a été plus vite que ma raison" Après ... »: the mark the
            # sentence end seemed to close opens the quoted heading.
            back = len(text[cursor:start].rstrip()) + cursor
            if back > cursor and text[back - 1] == '"':
                start, run = back - 1, text[back - 1 : point].strip()
        if spaced and not _spaced_heading(run, titles, not_headings):
            continue
        if _BARE_CREDIT.match(run) and text[cursor:start].rstrip().endswith(("?", "!", "…")):
            titled = _run_start(text, cursor, start - 1)
            if len(text[titled:point].split()) <= SUBHEADING_MAX_WORDS:
                start, run = titled, text[titled:point].strip()
        # A run that ends a sentence, or announces a list (« ... examinés : ► Diversification
        # »), is no heading: a list mark after it only cuts.
        if (
            0 < len(run.split()) <= SUBHEADING_MAX_WORDS
            and not _SENTENCE_END.search(run)
            and not run.endswith((":", ";"))
        ):
            if text[cursor:start].strip():
                pieces.append((cursor, start, BlockKind.BODY))
            pieces.append((start, point, BlockKind.SUBHEADING))
        else:
            pieces.append((cursor, point, BlockKind.BODY))
        cursor = point
    pieces.append((cursor, len(text), BlockKind.BODY))
    return pieces


@cache
def _first_names() -> frozenset[str]:
    """First names, folded as ``facts.names.fold`` folds (``resources/common/first_names.toml``,
    the list the facts stage reads genders from)."""
    data = resources.common_data("first_names")
    return frozenset(n for key in ("female", "male") for n in data.get(key, []))


def _spaced_heading(run: str, titles: frozenset[str], not_headings: tuple[str, ...] = ()) -> bool:
    words = run.split()
    # A first name before the opener is a name's start (« Angélique Six n'avait plus donné de
    # signes de vie », round 47: « Six » opens sentences too, and « Angélique » was set apart).
    if words and words[-1][:1].isupper() and fold(words[-1]) in _first_names():
        return False
    # The last word without an elided article (« dans l'émission Au tableau ! »: a title
    # follows « émission » however it is written).
    last = re.sub(r"^\w{1,2}['’]", "", words[-1].lower()) if words else ""
    return (
        0 < len(words) < TEXT_SUBHEADING_MAX_WORDS
        and not run[:1].islower()
        and not _opens_on(run.lower(), not_headings)
        and words[-1].lower() not in titles
        and last not in titles
        and not words[-1].lower().endswith(("'", "’"))
    )


def _opens_on(run: str, marks: tuple[str, ...]) -> bool:
    """Whether ``run`` opens on one of ``marks`` as whole words (« si », not « Silence »)."""
    return any(run.startswith(mark if mark.endswith(("'", "’")) else mark + " ") for mark in marks)


def _run_start(text: str, cursor: int, point: int) -> int:
    """Where the run glued at ``point`` starts: after the last sentence end before it, not
    before ``cursor``."""
    start = cursor
    for match in _RUN_START.finditer(text, cursor, point):
        at, end = match.span()
        if end >= point or (text[at] == "." and _INITIAL.match(text, at - 2, at)):
            continue
        if text[at - 1 : at].isdigit() and text[end : end + 1].isdigit():
            continue  # « 40.000 », « 1.300 »: a number, not an end
        start = end
    return start


# A list mark at a paragraph's start, or a hyphen glued to its first word, left from a page's
# list or a dispatch's dateline (« • Météo France a placé ... », « -Marie-Claire Dupont veut
# ... »): no part of the sentence. Not a hyphen before a digit (« -5 % »: a negative number),
# nor a spaced one or a dash, which may open a line of dialogue (« – Je n'ai rien vu ») or
# name who said what is above (« —Joe L., age 10 »).
_LEADING_LIST_MARK = re.compile(
    rf"^(?:[{LIST_MARKS}]\s*(?=[\"«“A-ZÀ-ÖØ-Þ0-9])|-(?=[\"«“A-ZÀ-ÖØ-Þ]))"
)


def without_list_mark(text: str) -> str:
    """``text`` without the list mark or dash it opens on, when a sentence follows it."""
    match = _LEADING_LIST_MARK.match(text)
    return text[match.end() :] if match else text


_ELIDED_QUOTE = re.compile(r"(?<=\w)\"(?=[aeiouyhéèêëàâîïôûœAEIOUYHÉÈÊËÀÂÎÏÔÛŒ])")


def mend_elided_quotes(text: str, elided: frozenset[str]) -> str:
    """A straight double quote typed for the apostrophe of an elided word (« de l"épidémie »,
    « qu"il »), made the apostrophe again: the same length, so no offset moves. Kept when it
    also opens a quote that the next mark closes (« qu"un tiers" des ponts »: the apostrophe
    and the opening mark in one)."""
    mended: set[int] = set()
    for match in _ELIDED_QUOTE.finditer(text) if '"' in text else ():
        at = start = match.start()
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        if (start == 0 or text[start - 1] not in "'’") and text[start:at].lower() in elided:
            mended.add(at)
    if not mended:
        return text
    apostrophe = "’" if text.count("’") > text.count("'") else "'"
    chars = list(text)
    for at in sorted(mended):
        before = text.count('"', 0, at) - sum(1 for other in mended if other < at)
        nxt = text.find('"', at + 1)
        while nxt in mended:
            nxt = text.find('"', nxt + 1)
        closes = nxt != -1 and not text[nxt - 1].isspace() and not text[nxt + 1 : nxt + 2].isalnum()
        if before % 2 == 0 and closes:
            continue  # « qu"un tiers" »: it opens the quote that the next mark closes
        chars[at] = apostrophe
    return "".join(chars)


def _assemble(lines: list[_Line], doc_lang: str | None) -> tuple[str, list[Block]]:
    parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for index, line in enumerate(lines):
        if parts:
            offset += len(BLOCK_SEPARATOR)
        start, end = offset, offset + len(line.text)
        lang = (language.identify(line.text) if line.joined else line.lang) or doc_lang
        kind = line.kind or BlockKind.BODY
        blocks.append(
            Block(
                index=index,
                kind=kind,
                span=Span(start=start, end=end, text=line.text),
                lang=lang,
                reason=line.reason,
            )
        )
        parts.append(line.text)
        offset = end
    return BLOCK_SEPARATOR.join(parts), blocks
