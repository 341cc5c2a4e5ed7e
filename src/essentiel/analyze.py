"""Analyze: spaCy parse of the body blocks, with sentence and token offsets into the clean text.

Pipelines are loaded once per process (``pipeline``) and reused for every article. Each
article is parsed inside a spaCy memory zone (``parse_zone``): the strings and lexemes its new
words add to the vocabulary are freed when its digest is built, so a long-running service or
batch does not grow with every new word it meets.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

import numpy
import spacy
from spacy.language import Language as SpacyLanguage
from spacy.strings import get_string_id
from spacy.symbols import IDS
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import compile_infix_regex, compile_prefix_regex

from essentiel import resources
from essentiel.collection import freeze_loaded
from essentiel.lemmatizer import mend_lemmatizer
from essentiel.model import Block, BlockKind, Sentence, Span

_NEVER_STARTS_SENTENCE = frozenset(",;:)]}»”")
_CLOSING_QUOTES = frozenset('"»”')
_SINGLE_QUOTES = frozenset("'’")
_ELLIPSIS = re.compile(r"\.{3,}|…")
_ENDS_SENTENCE = re.compile(r"[.!?…]\s*[\"»”’)\]]*\s*$")
# « Charline F. était doctorante »: a name's initial, not the end of a sentence.
_ENDS_WITH_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-ÖØ-Þ]\.$")
# « J.P. "The Big Bopper" Richardson »: initials, then a nickname in quotes and the surname.
_ENDS_WITH_INITIALS = re.compile(r"(?:^|\s)(?:[A-ZÀ-ÖØ-Þ]\.-?\s?){1,3}$")
_OPENS_ON_NICKNAME = re.compile(r"[\"“«]\s?[^\"“”«».!?]{1,30}?\s?[\"”»]\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]")

# Paragraphs glued without a space (« la rentrée.Le Point Virgule », « l'OMS)."Cela va »,
# « (84%).Le constat »), as text copied out of HTML often has them: spaCy's tokenizer keeps
# « OMS)."Cela » as one token, so no sentence can end inside it. These infixes cut the final
# punctuation, the closing bracket or quote before it and the opening quote after it, when a
# capital follows. Two word characters before the point (not one) leave « U.S.A. » and
# « M.Dupont » alone; a lowercase letter after it leaves « lemonde.fr » alone.
_UPPER = "A-ZÀ-ÖØ-Þ"
_GLUED_SENTENCE_INFIXES = (
    rf"(?<=\w)[)\]\"»”]+(?=[.!?…]+[\"«“(]?[{_UPPER}])",
    # « (CNN)They may not be », « le parti (LREM)Le ministre »: an acronym's closing bracket
    # glued to the capitalised word after it, which opens a sentence (a dateline before it).
    rf"(?<=[{_UPPER}]{{2}})\)(?=[{_UPPER}][a-zà-ÿ])",
    rf"(?:(?<=\w\w)|(?<=[)\]\"»”%]))[.!?…]+(?=[\"«“(]?[{_UPPER}])",
    # « ... de France 3.Douze personnes »: a one-digit word (a channel's number, a count)
    # glued by its stop to the capitalised word that opens the next paragraph.
    rf"(?<=\d)[.!?…]+(?=[\"«“(]?[{_UPPER}][a-zà-ÿ])",
    rf"(?<=[.!?…])[\"«“](?=[{_UPPER}])",
)
# « "On dirait un gourou""Délire collectif ?" », « "Une mesure d'adaptation"Camille T. a nié »:
# a quoted subheading, which has no stop, glued to the paragraph it titles. The closing mark
# (and an opening one after it) is cut from the words around it.
_GLUED_QUOTE_PAIR_INFIXES = (
    rf'(?<=\w)"(?="?[{_UPPER}])',
    rf'(?<=\w")"(?=[{_UPPER}])',
)
# « un gâchis ».Ils »: the guillemet is split off as a prefix first, leaving « .Ils ».
# A capitalised elided word opening a sentence (« L'association », « D'autres », « Qu'il »).
_ELIDED_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ][a-z]?['’]")
_GLUED_SENTENCE_PREFIX = rf"[.!?…]+(?=[\"«“(]?[{_UPPER}])"


_loaded: dict[str, SpacyLanguage] = {}


def pipeline(lang: str) -> SpacyLanguage:
    """The spaCy pipeline of a supported language, loaded once per process."""
    nlp = _loaded.get(lang)
    if nlp is None:
        model = resources.language(lang).spacy_model
        with warnings.catch_warnings():
            # Model packages built for another spaCy patch release warn on load; compatible.
            warnings.simplefilter("ignore", UserWarning)
            nlp = _loaded[lang] = spacy.load(model)
        mend_tokenizer(nlp)
        mend_lemmatizer(nlp)
        freeze_loaded()  # never walked again by a full collection (essentiel.collection)
    return nlp


def mend_tokenizer(nlp: SpacyLanguage, quote_pairs: bool = True) -> None:
    """Teach ``nlp``'s tokenizer the glued-paragraph cuts (``quote_pairs=False`` leaves out
    the glued quote marks and furniture, for experiments/glued_sentences.py's comparison)."""
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *_GLUED_SENTENCE_INFIXES]
    if quote_pairs:
        infixes.extend(_GLUED_QUOTE_PAIR_INFIXES)
        # « ... on this deviceThe club said »: the furniture's last word, then a paragraph.
        # The tokenizer sees one word at a time, so the cue is that word glued to a capital
        # or a quote mark; _split_glued then sets the whole phrase apart.
        for phrase in resources.language(nlp.lang).set_apart_phrases:
            last = re.escape(phrase.split()[-1])
            infixes.append(rf'(?<=\b{last})(?=[{_UPPER}"“«])')
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = [*(nlp.Defaults.prefixes or ()), _GLUED_SENTENCE_PREFIX]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search


@contextmanager
def parse_zone(langs: Iterable[str] = ()) -> Iterator[None]:
    """Everything spaCy allocates for the parses made inside is freed on exit (spaCy's memory
    zones), for the pipelines of ``langs`` and every pipeline already loaded. Docs, spans and
    tokens made inside must not be touched after it: take their text and offsets out first.
    Not re-entrant and not thread-safe, like spaCy's zones: one zone per process at a time."""
    with ExitStack() as stack:
        for lang in dict.fromkeys([*_loaded, *langs]):
            stack.enter_context(pipeline(lang).memory_zone())
        yield


# Whitespace-separated words whose tokens and lexemes a pipeline keeps for the life of the
# process (keep_words), per language: the news vocabulary a long run meets again and again.
# Bounded, so that memory stays flat: at the bound, 13 MB more resident memory for 50,000
# words of OrangeSum train (spaCy's cuts and lexemes, and this set), the words themselves
# besides; 100,000 took 23 MB (issue 31: a worker flat within 50 MB).
KEPT_WORDS = 50_000
_kept_words: dict[str, set[str]] = {}
# Words met once and not kept (yet): a word is kept the second time an article holds it, so a
# name met once in a run is not cut twice for nothing. Emptied when this full (a few MB).
MET_ONCE = 50_000
_met_once: dict[str, set[str]] = {}


def keep_words(lang: str, text: str) -> None:
    """Make the words of ``text`` met in an earlier call permanent in ``lang``'s pipeline:
    its tokenizer's cache and vocabulary, until KEPT_WORDS words are kept. Called outside any
    parse_zone (after a digest, with its text).

    Why: inside a memory zone, what spaCy adds to a pipeline's vocabulary and tokenizer cache
    is transient, so each digest rebuilt the lexeme (its attribute functions, in Python) and
    the cut of every word the pipeline had not met outside a zone, that is, nearly all of
    them: 14 % of the parse (48.3 against 41.6 ms of CPU per page on validation pages 20-119,
    issue 31). A word's tokens and lexeme depend on the word alone (spaCy's tokenizer cuts
    each whitespace-separated word on its own and caches the cut), so the parses are the same.
    """
    pipeline_of = _loaded.get(lang)
    kept = _kept_words.setdefault(lang, set())
    if pipeline_of is None or len(kept) >= KEPT_WORDS:
        _met_once.pop(lang, None)  # no more words kept: nor counted
        return
    met = _met_once.setdefault(lang, set())
    new = []
    for word in dict.fromkeys(text.split()):
        if word in kept:
            continue
        if word in met:
            new.append(word)
        else:
            met.add(word)
    if len(met) >= MET_ONCE:
        met.clear()
    new = new[: KEPT_WORDS - len(kept)]
    if new:
        # Each is cut on its own, as in the article (and cached as such).
        pipeline_of.tokenizer(" ".join(new))
        kept.update(new)


@dataclass(frozen=True)
class ParsedSentence:
    """A body sentence: its spaCy span and where it stands in the clean text."""

    block: int
    offset: int  # clean-text offset of the block the spaCy doc was parsed from
    span: SpacySpan
    lang: str

    @cached_property
    def text(self) -> str:
        """``span.text``, read once: spaCy rebuilds a span's text from its tokens on every
        access, and the key points read each sentence's text several times. Sliced from the
        doc's text (doc_text), the same string."""
        span = self.span
        return doc_text(span.doc)[span.start_char : span.end_char]

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    def to_model(self, text: str) -> Sentence:
        return Sentence(
            block=self.block,
            span=Span(start=self.start, end=self.end, text=text[self.start : self.end]),
        )


# Blocks parsed for their names only: who the headline, the publisher's bullets and an
# embedded post name belongs to the article's entities.
NAMED_KINDS = frozenset(
    {
        BlockKind.HEADLINE,
        BlockKind.PUBLISHER_SUMMARY,
        BlockKind.EMBEDDED_POST,
        # An intertitle names people the body may not name again (« Bertrand, Pécresse et
        # Wauquiez dans le viseur »); the headline's copy, like the headline.
        BlockKind.SUBHEADING,
        BlockKind.HEADLINE_REPEAT,
    }
)


@dataclass
class Analysis:
    docs: list[tuple[Block, Doc]]
    sentences: list[ParsedSentence]
    # Every parsed block (body and NAMED_KINDS) with the language it was parsed in.
    parsed: list[tuple[Block, Doc, str]]

    def tokens(self) -> list[tuple[int, int, str]]:
        """Every body token as (start, end, text) in clean-text offsets."""
        return [
            (block.span.start + tok.idx, block.span.start + tok.idx + len(tok.text), tok.text)
            for block, doc in self.docs
            for tok in doc
        ]


# Where doc_text keeps a doc's text, in the doc's own user_data.
_TEXT_KEY = "essentiel.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins the doc's tokens anew on every access
    of ``Doc.text`` (a Token object made for each), and the sentence split, the dates, the
    figures, the entities and the quotes each read the whole block's text. A doc parsed by
    ``analyze`` holds the text it was parsed from (spaCy's tokenizer loses no character:
    ``doc.text`` is that text)."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_indices(doc: Doc, pos: Iterable[str], lowers: frozenset[int] = frozenset()) -> list[int]:
    """The indices of the tokens whose part of speech is one of ``pos`` or whose lowercase
    form is one of ``lowers`` (string ids: ``lower_ids``), read from the doc's arrays: a loop
    over ``doc`` makes a Token object for every word, and the facts' scans want a few verbs
    or nouns among them. A set lookup per word: numpy's isin costs more on a paragraph."""
    wanted = {IDS[tag] for tag in pos}
    if not lowers:
        return [i for i, tag in enumerate(doc.to_array("POS").tolist()) if tag in wanted]
    rows = doc.to_array(["POS", "LOWER"]).tolist()
    return [i for i, (tag, low) in enumerate(rows) if tag in wanted or low in lowers]


def lower_ids(words: Iterable[str]) -> frozenset[int]:
    """The string ids of ``words``, as a token's LOWER attribute holds them."""
    return frozenset(get_string_id(word) for word in words)


# Where sentences_of keeps a doc's sentences (token bounds), in the doc's own user_data: the
# key points, the quotes and their speakers all ask for them (issue 31).
_SENTENCES_KEY = "essentiel.sentences"


def sentences_of(doc: Doc) -> list[SpacySpan]:
    """spaCy's sentences, with its false cuts merged back (worked out once per doc: the
    doc is not changed after its parse).

    « "... d'ici ce soir", a déclaré X » is one sentence; the parser sometimes cuts it after
    the quote, or after a name's initial (« Charline F. | était doctorante »). Nothing starts
    with a comma, a lowercase word right after a closing quote or an initial continues the
    sentence, and a sentence does not end without final punctuation inside a
    block (« l'ARS (Agence régionale de santé) | Bretagne a annoncé ... »).
    """
    bounds = doc.user_data.get(_SENTENCES_KEY)
    if bounds is None:
        # Bounds, not spans: a span in its own doc's user_data would tie the two in a cycle.
        bounds = [(sent.start, sent.end) for sent in _sentences_of(doc)]
        doc.user_data[_SENTENCES_KEY] = bounds
    return [doc[start:end] for start, end in bounds]


def _sentences_of(doc: Doc) -> list[SpacySpan]:
    text = _DocText(doc)
    try:
        lang: resources.Language | None = resources.language(doc.lang_)
    except KeyError:
        lang = None
    titles = lang.dotted_titles if lang is not None else frozenset()
    merged: list[SpacySpan] = []
    for sent in _stops_on_their_side(doc):
        stripped = text.text[sent.start_char : sent.end_char].strip()  # sent.text, not rebuilt
        if not stripped:
            continue
        first = sent[0]
        prev = doc[first.i - 1] if first.i > 0 else None
        # A closing quote mark alone (« ... contents. | " ») belongs to the sentence before.
        alone = set(stripped) <= _CLOSING_QUOTES
        continues = (
            alone
            or first.text[0] in _NEVER_STARTS_SENTENCE
            or (
                prev is not None
                and first.text[0].islower()
                and (
                    prev.text in _CLOSING_QUOTES
                    or bool(merged and text.ends_with(_ENDS_WITH_INITIAL, merged[-1]))
                )
            )
            or (
                bool(merged)
                and _OPENS_ON_NICKNAME.match(stripped) is not None
                and text.ends_with(_ENDS_WITH_INITIALS, merged[-1])
            )
            or (
                bool(merged)
                and first.text[:1].isupper()
                and _ends_on_title(doc, merged[-1], titles)
            )
        )
        if merged and (continues or not text.ends_with(_ENDS_SENTENCE, merged[-1])):
            merged[-1] = doc[merged[-1].start : sent.end]
        else:
            merged.append(sent)
    merged = _straight_quotes_on_their_side(doc, text, merged)
    # Putting a mark on its side can leave a sentence opening on what follows a quote
    # (« "Délire collectif ?" | , "complot ?" | : "non !", a rétorqué le procureur. »).
    merged = _join_openings_on_punctuation(doc, text, merged)
    merged = _join_short_quotes(doc, text, merged)
    if lang is None:
        return merged
    split = [part for sent in merged for part in _split_glued(doc, text, sent, lang)]
    return _set_apart_list_numbers(doc, text, split)


def _ends_on_title(doc: Doc, sent: SpacySpan, titles: frozenset[str]) -> bool:
    """Does ``sent`` end on a title and its stop (« … de l'équipe du Pr. | Greaves est … »)?
    The tokenizer cuts the stop off a title it does not know, and the parser ends a sentence
    there; a name follows it, not a new sentence."""
    end = sent.end
    return (
        end - sent.start >= 2
        and doc[end - 1].text == "."
        and doc[end - 2].text in titles
        and not doc[end - 2].whitespace_
    )


_STOPS = frozenset({".", "!", "?", "…", "..."})


def _trailing_list_number(doc: Doc, text: _DocText, sent: SpacySpan) -> int | None:
    """The number a sentence ends on, before its stop, when it may be the next item's
    number of a numbered list (« ... the mega fight 1. »): one or two digits after a space,
    not a verb's or a preposition's (« The victim was 20. », « in 20. »)."""
    end = sent.end
    if end - sent.start < 4 or text.words[end - 1] != ".":
        return None
    word = text.words[end - 2]
    if not (word.isdigit() and len(word) <= 2) or not text.spaced[end - 3]:
        return None
    if text.spaced[end - 2] or doc[end - 3].pos_ in {"VERB", "AUX", "ADP"}:
        return None
    return int(word)


# How many sentences apart two numbers of one list may end: a caption with its stop, or an
# item of several sentences, stands between them (« ... from scratch 8. When out to eat, he
# ... before using them. Mayweather is a fan of the film 9. »).
_LIST_REACH = 3


def _set_apart_list_numbers(
    doc: Doc, text: _DocText, sentences: list[SpacySpan]
) -> list[SpacySpan]:
    """A numbered list copied as text puts each item's number at the end of the item before
    (« ... ahead of the mega fight 1. Twizzlers are his favourite snack 2. He ... »), so a
    sentence ends on « 1. » and the next on « 2. ». Where two sentences a few apart end on
    numbers that follow each other, each such number is set apart as a sentence of its own:
    no bullet carries it, and an item with no stop left reads as what it is (a caption or a
    list line, ``select`` keeps those out)."""
    numbers = [_trailing_list_number(doc, text, sent) for sent in sentences]
    if sum(n is not None for n in numbers) < 2:
        return sentences
    out: list[SpacySpan] = []
    for k, sent in enumerate(sentences):
        n = numbers[k]
        near = numbers[max(0, k - _LIST_REACH) : k + _LIST_REACH + 1]
        listed = n is not None and (n - 1 in near or n + 1 in near)
        if listed:
            out.extend((doc[sent.start : sent.end - 2], doc[sent.end - 2 : sent.end]))
        else:
            out.append(sent)
    return out


def _stops_on_their_side(doc: Doc) -> list[SpacySpan]:
    """spaCy's sentences, a stop the parser put at the start of a sentence given back to the
    sentence before it when a capitalised word follows it (« ... vers 7h45 | . Descendu
    d'une navette, ... »: the cut belongs after the stop, and the sentence after it was
    otherwise merged into the one before)."""
    sents = list(doc.sents)
    bounds = [(sent.start, sent.end) for sent in sents]
    for k in range(1, len(bounds)):
        start, end = bounds[k]
        if (
            end - start > 1
            and doc[start].text in _STOPS
            and doc[start + 1].text[:1].isupper()
            and bounds[k - 1][1] == start
        ):
            bounds[k - 1] = (bounds[k - 1][0], start + 1)
            bounds[k] = (start + 1, end)
    if bounds == [(sent.start, sent.end) for sent in sents]:
        return sents
    return [doc[a:b] for a, b in bounds if b > a]


_ONLY_CLOSING = re.compile(r"[\s\"»”’)\]]*")
_STRAIGHT_QUOTE = re.compile('"')


class _DocText:
    """A doc's text read once (spaCy rebuilds ``Doc.text`` on every access, a copy of the
    block each time) with the positions of its straight quote marks, so that what is asked
    per sentence or per mark costs no pass over the whole block; and its tokens' texts and
    trailing spaces, read once for the scans of _split_glued (a ``doc[i]`` is a new Token
    object each time, and those scans read each token up to a dozen times)."""

    # Characters of a sentence's end read to test how it ends, unless all are spaces or
    # closing marks (then the whole sentence is read).
    TAIL = 64

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        self.marks = [m.start() for m in _STRAIGHT_QUOTE.finditer(self.text)]
        self.words = [tok.text for tok in doc]
        self.spaced = doc.to_array("SPACY").astype(bool).tolist()

    def closes(self, at: int) -> bool:
        return _closes(self.text, at, bisect.bisect_left(self.marks, at))

    def ends_with(self, pattern: re.Pattern[str], span: SpacySpan) -> bool:
        """``pattern.search(span.text)`` for a pattern anchored at the end (``$``) that
        matches a few characters, then spaces and closing marks."""
        start, end = span.start_char, span.end_char
        tail = max(start, end - self.TAIL)
        if tail == start or _ONLY_CLOSING.fullmatch(self.text, tail, end):
            # The sentence itself, as its own string: « ^ » matches at its start.
            return pattern.search(self.text[start:end]) is not None
        return pattern.search(self.text, tail, end) is not None


_QUOTE_TOKENS = frozenset("\"'’”»")
_OPENING_QUOTES = frozenset("\"'‘“«")
_STOP_TOKEN = re.compile(r"[.!?…]+")


def _after_closed_quote(doc: Doc, i: int) -> bool:
    """Does token ``i`` open a sentence right after a quote closed by its stop (« ... on
    April 9.' Sources close to ... », « ... contents." "Les agents ... »)? The parser
    reads a single quote there as an apostrophe and runs on. The stop must be a token of
    its own: in « the U.S.' Capitol » the point is the abbreviation's and the quote a
    possessive."""
    # The quote mark first: most tokens follow none, and each token read is built anew.
    prev = doc[i - 1]
    if prev.text not in _QUOTE_TOKENS or not prev.whitespace_:
        return False
    tok, stop, word = doc[i], doc[i - 2], doc[i - 3]
    # French spaces « ? », « ! » from their word and « » » from the stop.
    if stop.whitespace_ and prev.text != "»":
        return False
    if not _STOP_TOKEN.fullmatch(stop.text) or (word.whitespace_ and stop.text[0] == "."):
        return False
    if not (word.text[-1].isalnum() or word.text[-1] in ')"”»'):
        return False
    first = tok.text[0]
    if first in _OPENING_QUOTES and i + 1 < len(doc):
        first = doc[i + 1].text[0]
    return first.isupper() or first.isdigit()


def _split_glued(
    doc: Doc, text: _DocText, sent: SpacySpan, lang: resources.Language
) -> list[SpacySpan]:
    """Cut ``sent`` where a sentence starts without the previous one having ended.

    A caption copied without its final stop runs into the paragraph after it (« ... than a
    colleague The cost of divorce can wreck retirement ... »), and the parser keeps the two
    as one. A listed opener (language data: « The », « He », « But » ...; « A » only where
    the parse reads a determiner) capitalised after
    a lowercase word and before another starts a sentence: mid-sentence, those words are
    lowercase, and in a name or a title the next word is capitalised too. After a quote
    closed by a stop, any capital starts one (« ... in her belly?' The embarrassing remark »,
    « ... on April 9.' Sources close to ... »).
    Page furniture (« Scroll down for video ») is set apart as a sentence of its own, and so
    is a dispatch's dateline (« PARIS (AFP) - », "TORONTO -- "): where it was filed is not
    what happened, and a bullet made of the sentence would start with it.
    """
    # The token tests read the doc's token texts and spaces (text.words, text.spaced) first,
    # and build a token only where those leave the question open.
    words, spaced = text.words, text.spaced
    cuts = {
        i
        for i in range(sent.start + 3, sent.end - 1)
        if words[i - 1] in _QUOTE_TOKENS and spaced[i - 1] and _after_closed_quote(doc, i)
    }
    # « ... par la majorité (LREM)Le ministre a salué »: a paragraph that ended on a bracket,
    # glued to the next one (the tokenizer cut the bracket off: _GLUED_SENTENCE_INFIXES).
    cuts.update(
        i
        for i in range(sent.start + 3, sent.end - 1)
        if words[i - 1] == ")"
        and not spaced[i - 1]
        and doc[i].is_title
        and doc[i].is_alpha
        and words[i - 2].isupper()
    )
    # « ... consultations du grand public...Samedi, l'ancien ministre »: an ellipsis glued to
    # the words on both sides (the tokenizer cut it off: _GLUED_SENTENCE_INFIXES) before a
    # capitalised word ends a sentence the parser ran on; spaced, it is a pause inside one.
    cuts.update(
        i
        for i in range(sent.start + 3, sent.end - 1)
        if _ELLIPSIS.fullmatch(words[i - 1])
        and not spaced[i - 1]
        and not spaced[i - 2]
        and doc[i].is_title
        and doc[i].is_alpha
    )
    # « "On dirait un gourou""Délire collectif ?" », « "Une mesure"Camille T. a nié »: a quoted
    # subheading, which has no stop, glued to the paragraph after it
    # (_GLUED_QUOTE_PAIR_INFIXES). The mark must close a quote: « selon"Le Monde" » opens one.
    heading_ends = {
        i
        for i in range(sent.start + 3, sent.end - 1)
        if words[i - 1] == '"'
        and not spaced[i - 1]
        and not spaced[i - 2]
        and words[i - 2][-1].isalnum()
        and (
            words[i] == '"'
            or (doc[i].is_title and doc[i].is_alpha)
            # « "pratiquement quotidiens"L'association »: an elided article or « Qu' ».
            or _ELIDED_CAPITAL.fullmatch(words[i]) is not None
        )
        and text.closes(doc[i - 1].idx)
    }
    for i in range(sent.start + 3, sent.end - 2):
        word = words[i]
        if word not in lang.glued_openers and not (
            word in lang.glued_determiners
            and doc[i].pos_ == "DET"
            and doc[i - 1].lower_ not in lang.letter_labels
        ):
            continue
        if not words[i + 1][:1].islower():
            continue
        last = words[i - 1][-1]
        if spaced[i - 1] and (last.islower() or last.isdigit() or last == "%"):
            cuts.add(i)
    sent_text = text.text[sent.start_char : sent.end_char]  # sent.text, not rebuilt
    if lang.set_apart is not None:
        for match in lang.set_apart.finditer(sent_text):
            for char in (match.start(), match.end()):
                at = _token_at(doc, text.text, sent.start_char + char)
                if at is not None and sent.start < at < sent.end:
                    cuts.add(at)
    dateline = lang.dateline.match(sent_text) if lang.dateline is not None else None
    if dateline is not None:
        at = _token_at(doc, text.text, sent.start_char + dateline.end())
        if at is not None and sent.start < at < sent.end:
            cuts.add(at)
    # A mark already cut from the words before it (furniture set apart: « ... on this device
    # | "For me ... ») opens the quote after it, whatever the count of marks says.
    cuts.update(i for i in heading_ends if i - 1 not in cuts)
    if not cuts:
        return [sent]
    bounds = [sent.start, *sorted(cuts), sent.end]
    return [doc[a:b] for a, b in pairwise(bounds)]


def _token_at(doc: Doc, text: str, char: int) -> int | None:
    """The index of the token starting at ``char``, or of the first one after the spaces
    there; None when ``char`` falls inside a token."""
    while char < len(text) and text[char].isspace():
        char += 1
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or doc[span.start].idx != char:
        return None
    return span.start


def _straight_quotes_on_their_side(
    doc: Doc, text: _DocText, sentences: list[SpacySpan]
) -> list[SpacySpan]:
    """A straight quote mark at a sentence boundary goes with the sentence it belongs to.

    « ... assume le vide!"De son côté » closes a quote: the mark ends the first sentence, not
    opens the second; « ... des Sages." | Je ne peux » opens one.
    """
    for i in range(1, len(sentences)):
        before, after = sentences[i - 1], sentences[i]
        first, last = doc[after.start], doc[before.end - 1]
        if first.text == '"' and len(after) > 1 and text.closes(first.idx):
            cut = after.start + 1
        elif last.text == '"' and len(before) > 1 and not text.closes(last.idx):
            cut = before.end - 1
        else:
            continue
        sentences[i - 1] = doc[before.start : cut]
        sentences[i] = doc[cut : after.end]
    return sentences


def _join_openings_on_punctuation(
    doc: Doc, text: _DocText, sentences: list[SpacySpan]
) -> list[SpacySpan]:
    """A sentence that opens on a comma, a colon or a closing bracket continues the one
    before it in the same block; so does one that opens on a lowercase letter after a quote
    that closed the sentence before (« ... de la commission des Lois!" | a t-elle lancé, ... »:
    the parser cut before the mark, which went back to its side)."""
    joined: list[SpacySpan] = []
    for sent in sentences:
        opening = text.text[sent.start_char : sent.end_char].lstrip()[:1]
        after_quote = (
            bool(joined)
            and opening.islower()
            and text.text[joined[-1].start_char : joined[-1].end_char].rstrip()[-1:]
            in _CLOSING_QUOTES
        )
        # A single mark that closes a quote inside the quotation (« Quand j'arrive à 'qui
        # vote Front national ? | ', il n'y a qu'une seule personne qui applaudit »): the
        # parser cut after the question mark; the comma after the mark goes on.
        after_single = (
            opening in _SINGLE_QUOTES
            and text.text[sent.start_char : sent.end_char].lstrip()[1:].lstrip()[:1]
            in _NEVER_STARTS_SENTENCE
        )
        if joined and (opening in _NEVER_STARTS_SENTENCE or after_quote or after_single):
            joined[-1] = doc[joined[-1].start : sent.end]
        else:
            joined.append(sent)
    return joined


# A short quote that holds a stop inside a sentence (« l'avertissement "Attention = danger.
# Dépasser la dose ..." devra figurer sur les boîtes »): at most this many words on each side
# of the parser's cut.
_SHORT_QUOTE_WORDS = 15
_WORDS = re.compile(r"\w+")


def _open_quote(text: _DocText, start: int, end: int) -> int | None:
    """Where a quote opens in text[start:end] and stays open to its end, or None."""
    chunk = text.text[start:end]
    for opening, closing in (("«", "»"), ("“", "”")):
        at = chunk.rfind(opening)
        if at >= 0 and closing not in chunk[at:]:
            return start + at
    # A straight mark opens only spaced before and glued to the word after (« le slogan
    # "Restez ... »): counting marks misreads a paragraph with an elided one (« d'"un ami »).
    lo, hi = bisect.bisect_left(text.marks, start), bisect.bisect_left(text.marks, end)
    marks = text.marks[lo:hi]
    if marks and _spaced(text.text, marks[-1], before=True):
        return marks[-1]
    return None


def _spaced(text: str, at: int, before: bool) -> bool:
    """The mark at ``at`` has a space on one side (``before`` or after) and a word character
    glued on the other."""
    if at == 0 or at + 1 >= len(text):
        return False
    left, right = text[at - 1], text[at + 1]
    return (left.isspace() and right.isalnum()) if before else (right.isspace() and left.isalnum())


def _close_quote(text: _DocText, start: int, end: int) -> int | None:
    """Where the first quote mark of text[start:end] closes a quote, when no mark opens one
    before it; None otherwise."""
    chunk = text.text[start:end]
    for at, char in enumerate(chunk):
        if char in "»”":
            return start + at
        if char in "«“":
            return None
        if char == '"':
            return start + at if _spaced(text.text, start + at, before=False) else None
    return None


def _join_short_quotes(doc: Doc, text: _DocText, sentences: list[SpacySpan]) -> list[SpacySpan]:
    """A short quote set inside a sentence as one of its words (« le message "Restez chez
    vous. Sauvez des vies" a été affiché ») is not cut at its own stop: the sentence before
    the cut opened the quote after a word of its own (not after a colon or a comma, where a
    quote is a sentence of its own), the one after closes it and goes on in lowercase, and
    the quote is a few words on each side."""
    joined: list[SpacySpan] = []
    for sent in sentences:
        if joined:
            before = joined[-1]
            opened = _open_quote(text, before.start_char, before.end_char)
            closed = (
                _close_quote(text, sent.start_char, sent.end_char) if opened is not None else None
            )
            if opened is not None and closed is not None:
                lead = text.text[before.start_char : opened].rstrip()
                inside = text.text[opened : before.end_char], text.text[sent.start_char : closed]
                rest = text.text[closed + 1 : sent.end_char].lstrip()
                if (
                    lead[-1:].isalpha()
                    and all(len(_WORDS.findall(part)) <= _SHORT_QUOTE_WORDS for part in inside)
                    and rest[:1].islower()
                ):
                    joined[-1] = doc[before.start : sent.end]
                    continue
        joined.append(sent)
    return joined


def _closes(text: str, at: int, marks_before: int | None = None) -> bool:
    """Does the straight quote mark at ``at`` close a quote? Glued to the word before and
    spaced from the one after, it closes; the reverse opens. Glued on both sides (paragraphs
    run together: « trade."Will »), it closes when an odd number of marks precede it in the
    block (English quotes running over paragraphs reopen without closing, so this can err)."""
    # Two marks glued together (« gourou""Délire »): a quote closes and the next opens.
    if at + 1 < len(text) and text[at + 1] == '"':
        return True
    if at > 0 and text[at - 1] == '"':
        return False
    space_before = at == 0 or text[at - 1].isspace()
    space_after = at + 1 >= len(text) or text[at + 1].isspace()
    if space_before != space_after:
        return space_after
    if marks_before is None:
        marks_before = text.count('"', 0, at)
    return marks_before % 2 == 1


def analyze(blocks: list[Block], default_lang: str) -> Analysis:
    """Parse body blocks, each with the pipeline of its own language when we have one, and the
    headline, publisher summary, embedded posts and subheadings written in a language we have."""
    supported = set(resources.supported_languages())
    by_lang: dict[str, list[Block]] = {}
    for block in blocks:
        if block.kind is BlockKind.BODY:
            lang = block.lang if block.lang in supported else default_lang
        elif block.kind in NAMED_KINDS and block.lang in supported:
            lang = block.lang
        else:
            continue
        by_lang.setdefault(lang, []).append(block)
    parsed: dict[tuple[int, int], tuple[Block, Doc, str]] = {}
    for lang, group in by_lang.items():
        nlp = pipeline(lang)
        pieces = [piece for block in group for piece in parse_pieces(block)]
        for batch in parse_batches(pieces):
            for piece, doc in zip(batch, nlp.pipe(p.span.text for p in batch), strict=True):
                # The tok2vec output each doc keeps (96 floats a token) serves nothing once
                # the pipeline has run (nothing here reads vectors or the tensor): freed, a
                # long article's docs take a third less memory.
                doc.tensor = numpy.zeros((0, 0), dtype="float32")
                doc.user_data[_TEXT_KEY] = piece.span.text  # what doc_text would rebuild
                parsed[piece.index, piece.span.start] = (piece, doc, lang)
    docs: list[tuple[Block, Doc]] = []
    sentences: list[ParsedSentence] = []
    for key in sorted(parsed):
        block, doc, lang = parsed[key]
        if block.kind is not BlockKind.BODY:
            continue
        docs.append((block, doc))
        for sent in sentences_of(doc):
            sentences.append(ParsedSentence(block.index, block.span.start, sent, lang))
    return Analysis(docs=docs, sentences=sentences, parsed=[parsed[k] for k in sorted(parsed)])


# The longest text one spaCy doc gets. spaCy's own advice is to keep docs short: a doc's
# memory and the cost of walking its sentences and entities grow with it, and a paragraph of a
# million characters took gigabytes. News paragraphs run to a few hundred words (the longest
# of 300 OrangeSum articles, glued paragraphs included, is under 7,000 characters).
PARSE_PIECE_CHARS = 10_000
# Where a long paragraph is cut: after a sentence's final punctuation (and closing marks),
# at the spaces before a capital, a digit or an opening mark.
_PIECE_END = re.compile(rf"(?<=[.!?…])[\"»”’)\]]*\s+(?=[«\"“(]?[{_UPPER}0-9])")


# The most characters spaCy parses in one batch. Its network runs a batch at once, and its
# working memory grows with the batch's text: about 1 GB for 300,000 characters, against
# 50 MB for 10,000. An article under this length is one batch, as it always was.
PARSE_BATCH_CHARS = 20_000


def parse_batches(pieces: list[Block], limit: int | None = None) -> list[list[Block]]:
    """``pieces`` in consecutive batches of at most ``limit`` characters (PARSE_BATCH_CHARS;
    a longer piece is a batch of its own)."""
    limit = limit or PARSE_BATCH_CHARS
    batches: list[list[Block]] = []
    size = 0
    for piece in pieces:
        length = piece.span.end - piece.span.start
        if not batches or size + length > limit:
            batches.append([])
            size = 0
        batches[-1].append(piece)
        size += length
    return batches


def parse_pieces(block: Block, limit: int | None = None) -> list[Block]:
    """``block`` as the pieces it is parsed in: itself when it is at most ``limit``
    characters long (PARSE_PIECE_CHARS), else pieces of at most that length, each a Block
    with the same index, kind and language and its own span of the clean text (offsets are
    kept). Cut at the last sentence end in the second half of each piece, else at the last
    space, else anywhere."""
    limit = limit or PARSE_PIECE_CHARS
    text = block.span.text
    if len(text) <= limit:
        return [block]
    ranges: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        ends = [m for m in _PIECE_END.finditer(text, low, high)]
        if ends:
            end, after = ends[-1].start(), ends[-1].end()
        else:
            space = max(text.rfind(" ", low, high), text.rfind("\n", low, high))
            end, after = (space, space + 1) if space > start else (high, high)
        ranges.append((start, end))
        start = after
    ranges.append((start, len(text)))
    base = block.span.start
    return [
        block.model_copy(update={"span": Span(start=base + a, end=base + b, text=text[a:b])})
        for a, b in ranges
        if a < b
    ]
