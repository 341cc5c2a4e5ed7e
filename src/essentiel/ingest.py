"""Ingest: raw bytes or text (plain or HTML) -> lines of text with page metadata.

HTML goes through trafilatura (main text, title, URL, site name) and ``publication_date`` (the
date). Plain text is taken as it is. Nothing here decides what a line *is*: that is the clean
stage's job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from urllib.parse import urlsplit

from lxml import etree
from lxml.etree import strip_tags
from lxml.html import HtmlElement
from trafilatura.settings import Document, Extractor
from trafilatura.utils import sanitize_tree
from trafilatura.xml import (
    CONTROL_PARSER,
    build_xml_output,
    delete_element,
    keeps_empty,
    remove_empty_elements,
    strip_double_tags,
)

from essentiel import resources
from essentiel.encoding import decode_bytes, without_surrogates
from essentiel.errors import BinaryInput, EmptyInput, InputTooLarge, NoArticle
from essentiel.html_cascade import sequence
from essentiel.html_metadata import read_metadata
from essentiel.html_tree import parse_page, xml_valid
from essentiel.publication_date import date_line_date, markup_date

DEFAULT_MAX_BYTES = 5_000_000

# Signatures of common binary formats, so their error names what the file is.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
}
# A page may open on what belongs in its head without the <html> and <head> tags (a <style>
# or <script> block, a <meta>): no plain text opens like that.
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml|meta|link|style|script|title)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(?:p|div|article|section|span|br|h[1-6]|a|main)\b[^>]*>", re.I)
# Horizontal spaces (and the zero-width space): a run of them is one space. Written as a
# translation to spaces, then a collapse of space runs, each done only where there is one:
# the regex over the class tested every character of every line (7x slower).
_TO_SPACES = str.maketrans(dict.fromkeys("\t\f\v\u200b", " "))
_SPACE_RUN = re.compile("  +")


@dataclass
class RawLine:
    text: str
    paragraph_start: bool = False
    bold: bool = False
    summary_hint: bool = False
    heading: bool = False


@dataclass
class RawDocument:
    lines: list[RawLine]
    source_format: str
    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    hostname: str | None = None
    published: dt.date | None = None


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes -> text: size and binary checks, then UTF-8 or the declared or detected encoding
    (essentiel.encoding)."""
    if len(data) > max_bytes:
        raise InputTooLarge(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if not data.strip():
        raise EmptyInput("input is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryInput(f"input is binary ({what}), not text or HTML")
    if _too_many_nuls(data.count(b"\x00"), len(data)):
        raise BinaryInput("input is binary (it contains NUL bytes), not text or HTML")
    # A few stray NULs in a text (a padded template, a bad copy) carry nothing: dropped before
    # decoding, where in UTF-8 or a single-byte charset a NUL byte is a character of its own.
    text = decode_bytes(data.replace(b"\x00", b""))
    _reject_control_characters(text)
    return text


# Binary data (images, executables, compressed or UTF-16 data) has NULs by the hundred per
# thousand bytes; a text page with a few stray ones (a template padded with NULs after an
# image tag) has a handful in 100,000. Above one per thousand, the input is taken for binary.
NUL_PER_THOUSAND = 1


def _too_many_nuls(nuls: int, size: int) -> bool:
    return nuls * 1000 > NUL_PER_THOUSAND * size


# Control characters that text does not carry: below U+0020, except \t \n \f \r. As bytes:
# in UTF-8 a byte below 0x20 is that character and nothing else.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])


def control_characters(text: str) -> int:
    """How many control characters ``text`` holds: the bytes that bytes.translate deletes from
    its UTF-8, at memory speed (a regex over the characters took ten times longer: 0.3 ms
    per development page of bench/extraction.py)."""
    data = text.encode("utf-8", errors="surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _reject_control_characters(text: str) -> None:
    sample = text[:65536]
    if control_characters(sample) > max(8, len(sample) // 100):
        raise BinaryInput("input looks binary: too many control characters for text")


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text):
        return True
    head = text[:4096]
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= 2


def ingest(
    source: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, url: str | None = None
) -> RawDocument:
    # A text whose UTF-8 has no control character (the common case, checked at memory speed
    # on the UTF-8 the size is measured on) needs neither the NUL and control character
    # checks nor, as HTML, the parser's deletion of them (essentiel.html_tree).
    known_xml_valid = False
    if isinstance(source, bytes):
        text = decode(source, max_bytes)
    else:
        try:
            utf8 = source.encode("utf-8")
            has_surrogates = False
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 encoder takes it
            utf8 = source.encode("utf-8", errors="surrogatepass")
            has_surrogates = True
        if len(utf8) > max_bytes:
            raise InputTooLarge(
                f"input is {len(utf8):,} bytes, over the limit of {max_bytes:,} bytes"
            )
        if not source or source.isspace():  # as « not source.strip() », without its copy
            raise EmptyInput("input is empty")
        known_xml_valid = xml_valid(utf8)
        if not known_xml_valid:
            # Text the caller decoded (a declared charset, a JSON string) gets the checks
            # bytes get.
            nuls = source.count("\x00")
            if _too_many_nuls(nuls, len(source)):
                raise BinaryInput("input is binary (it contains NUL characters), not text or HTML")
            if nuls:  # a copy of the page otherwise
                source = source.replace("\x00", "")
            _reject_control_characters(source)
        text = (without_surrogates(source) if has_surrogates else source).lstrip("\ufeff")
    if looks_like_html(text):
        return _from_html(text, url, known_xml_valid=known_xml_valid)
    return _from_text(text, url)


def _from_text(text: str, url: str | None) -> RawDocument:
    lines: list[RawLine] = []
    paragraph_start = True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _normalise(raw)
        if not line:
            paragraph_start = True
            continue
        lines.append(RawLine(line, paragraph_start=paragraph_start))
        paragraph_start = False
    if not lines:
        raise EmptyInput("input has no text")
    return RawDocument(lines=lines, source_format="text", url=url, hostname=_host(url))


def _from_html(page: str, url: str | None, *, known_xml_valid: bool = False) -> RawDocument:
    # Parsed once, as trafilatura's own loader parses a page string (comments dropped, an
    # encoding declaration or broken markup handled), with cheaper element classes
    # (essentiel.html_tree). lxml.html's default parser gave it another tree, on which some
    # pages lost half their article and pages with an XML declaration failed.
    tree = parse_page(page, known_xml_valid=known_xml_valid)
    if tree is None:
        raise NoArticle("HTML page could not be parsed")
    _drop_footnote_calls(tree)
    # Everything read from the page's tree is read before trafilatura extracts the article:
    # trafilatura prunes the tree it is given, and given this one it needs no copy of it.
    summaries = _publisher_summaries(tree)
    bold = _bold_lines(tree)
    metadata = read_metadata(tree, url)
    latest = dt.date.today()
    markup_published = markup_date(tree, metadata.url, latest)
    main = _article_tree(tree, metadata.url or url)
    del tree  # pruned by trafilatura
    lines = _xml_lines(main) if main is not None else []
    if not lines:
        raise NoArticle("no article text found in the HTML page")
    if any(_might_be_a_menu(line.text) for line in lines):
        # The page parsed again, as it was: one page in ten pays for it, where a copy of the
        # tree for trafilatura cost every page a third of a parse.
        page_again = parse_page(page, known_xml_valid=known_xml_valid)
        lines = _without_menus(lines, _menu_lines(page_again))
        if not lines:
            raise NoArticle("no article text found in the HTML page")
    for line in lines:
        line.summary_hint = line.text in summaries
        # A line's letters are drawn out (a regex per line) only on a page that has bold lines.
        line.bold = line.bold or (bool(bold) and _NOT_LETTERS.sub("", line.text) in bold)
    return RawDocument(
        lines=lines,
        source_format="html",
        title=metadata.title,
        url=metadata.url or url,
        site_name=metadata.site_name or metadata.hostname,
        hostname=metadata.hostname or _host(metadata.url or url),
        published=markup_published
        if markup_published is not None
        else date_line_date([line.text for line in lines], latest),
    )


# A footnote's call: a number, a bracketed one or a sign, alone in its <sup>.
_FOOTNOTE_CALL = re.compile(r"\s*\[?(?:\d{1,3}|[*†‡§])\]?\s*")


def _drop_footnote_calls(tree: HtmlElement) -> None:
    """Drop the calls of footnotes (« points<a href="#fn-1"><sup>1</sup></a> », Wikipedia's
    « <sup><a href="#cite_note-3">[3]</a></sup> »): read as text they glue a number to the
    word before it (« endorsement points1 », judged round 36). Only a <sup> holding nothing
    but the call and linked to a place in the page (a fragment link around it or inside it):
    « m<sup>2</sup> » and « 1<sup>er</sup> » stay."""
    for sup in list(tree.iter("sup")):
        if not _FOOTNOTE_CALL.fullmatch(sup.text_content()):
            continue
        parent = sup.getparent()
        around = parent is not None and parent.tag == "a" and not (parent.text or "").strip()
        link = parent if around else next(sup.iter("a"), None)
        if link is None or not (link.get("href") or "").startswith("#"):
            continue
        alone = around and len(link) == 1 and not (sup.tail or "").strip()
        target = link if alone else sup
        if target.getparent() is not None:
            target.drop_tree()


def _bare_extraction(tree: etree._Element, url: str | None) -> Document | None:
    """``trafilatura.bare_extraction(tree, url=url, output_format="xml", include_formatting=
    False, include_comments=False, include_images=False, with_metadata=False, deduplicate=
    False)`` at the version in requirements.lock (trafilatura.core), on ``tree`` itself:
    given a tree, bare_extraction works on a copy of it (half a millisecond a page, 2% of
    the extraction), which ingest has no use for. Without metadata, target language, XPath
    to prune or deduplication, what is left of it is this: the extraction sequence, the tree
    size limit of trafilatura's settings and the minimal sizes; the sequence is trafilatura's
    with the page's text measured only when needed (essentiel.html_cascade). Prunes ``tree``."""
    options = Extractor(
        output_format="xml",
        comments=False,
        formatting=False,
        images=False,
        dedup=False,
        url=url,
        with_metadata=False,
    )
    try:
        body, text, comments_body, comments = sequence(tree, options, options.url)
        if options.max_tree_size:
            if len(body) > options.max_tree_size:
                strip_tags(body, "hi")
            if len(body) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return None
    except (TypeError, ValueError):  # as bare_extraction: trafilatura's "discarding data"
        return None
    document = Document()
    document.raw_text, document.commentsbody = text, comments_body
    document.body = body
    return document


def _article_tree(tree: etree._Element, url: str | None) -> etree._Element | None:
    """trafilatura's article as its XML output's <main> element, built as ``trafilatura.extract
    (output_format="xml")`` builds it (trafilatura.core.determine_returnstring and
    trafilatura.xml.control_xml_output at the version in requirements.lock), without the
    last two steps: the pretty-printed string and our parse of it back into a tree, which cost
    a tenth of the whole extraction and only added indentation to the text of table rows and
    cells. Its Unicode normalisation (NFC, on the whole string) is done per line instead.
    trafilatura prunes ``tree``."""
    document = _bare_extraction(tree, url)
    if document is None:
        return None
    for element in document.body.iter("*"):
        if len(element) == 0 and not element.text and not element.tail and not keeps_empty(element):
            delete_element(element, keep_tail=False)
    strip_double_tags(document.body)
    remove_empty_elements(document.body)
    output = sanitize_tree(build_xml_output(document))
    # trafilatura's own round trip, "necessary for cleaning": its parser drops blank text.
    output = etree.fromstring(etree.tostring(output, encoding="unicode"), CONTROL_PARSER)
    _indent_as_pretty_printed(output)
    return output.find("main")


def _indent_as_pretty_printed(root: etree._Element) -> None:
    """Give the tree the whitespace that libxml2's pretty-printer writes and a parser reads
    back: a newline and two spaces per level around the children of an element that holds
    elements only (no text of its own, no tail on a child); nothing inside an element with
    text, at any depth. The lines are read from that whitespace: paragraphs side by side
    in one <div> or <cell> are separated by it alone."""
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        children = list(element)
        if not children or element.text is not None or any(c.tail is not None for c in children):
            continue  # mixed content: written as it is, and all that it holds
        inner = "\n" + "  " * (depth + 1)
        element.text = inner
        for child in children:
            child.tail = inner
            stack.append((child, depth + 1))
        children[-1].tail = "\n" + "  " * depth


def _publisher_summaries(tree: etree._Element) -> set[str]:
    """Texts of elements the publisher marked as chapô/standfirst (by class or id)."""
    fragments, class_words = _summary_markers(tuple(resources.common().summary_classes))
    marked: list[etree._Element] = []
    # The class and id values as plain strings (one XPath each, then a regex or a set test),
    # and an element fetched only for a value that matches: the n-th value belongs to the
    # n-th element carrying the attribute. A third faster than values that know their
    # element (lxml's "smart" strings), twice as fast as reading both attributes of every
    # element, and 8x faster than testing each class fragment in XPath.
    # Several matching values are fetched in one pass (a page marks up to 50 elements so):
    # one XPath per value walked the page again for each.
    indexes = _matching_values(_CLASS_VALUES(tree), class_words)
    if len(indexes) == 1:
        marked.extend(_NTH_WITH_CLASS(tree, n=indexes[0] + 1))
    elif indexes:
        positions = " ".join(str(index + 1) for index in indexes)
        marked.extend(_POSITIONS_WITH_CLASS(tree, positions=f" {positions} "))
    for index, value in enumerate(_ID_VALUES(tree)):
        if value in fragments:
            marked.extend(_NTH_WITH_ID(tree, n=index + 1))
    found: set[str] = set()
    for element in marked:
        text = _normalise(element.text_content())
        if 20 <= len(text) <= 1200:
            found.add(text)
    return found


_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
_ID_VALUES = etree.XPath("//@id", smart_strings=False)
_NTH_WITH_CLASS = etree.XPath("(//*[@class])[$n]")
# The elements carrying a class whose position among them is in $positions (" 3 17 45 ").
_POSITIONS_WITH_CLASS = etree.XPath(
    "(//*[@class])[contains($positions, concat(' ', position(), ' '))]"
)
_NTH_WITH_ID = etree.XPath("(//*[@id])[$n]")


@dataclass(frozen=True)
class _ClassWords:
    """The summary fragments, to be found as a whole word of a class attribute (words split
    at XML spaces, as XPath's normalize-space() splits them); ``in_value``: that test as a
    regex, on one value."""

    words: tuple[str, ...]
    in_value: re.Pattern[str]


# Joins the class values into one string to look for each word with str.find: a character
# no attribute value holds (the page's NULs are dropped before parsing; checked all the same).
_VALUE_SEPARATOR = "\x00"
_WORD_BOUNDS = frozenset(" \t\r\n" + _VALUE_SEPARATOR)


def _matching_values(values: list[str], words: _ClassWords) -> list[int]:
    """The indexes of the ``values`` in which one of the words is, in order. Each word looked
    for with str.find in the values joined, then its bounds checked: a regex search per value
    cost 0.75 ms a page (400 values on average), a regex scan of the values joined as much."""
    joined = _VALUE_SEPARATOR.join(values)
    if joined.count(_VALUE_SEPARATOR) != max(len(values) - 1, 0):  # a value holds one
        return [index for index, value in enumerate(values) if words.in_value.search(value)]
    starts: set[int] = set()
    for word in words.words:
        start = joined.find(word)
        while start != -1:
            end = start + len(word)
            if (start == 0 or joined[start - 1] in _WORD_BOUNDS) and (
                end == len(joined) or joined[end] in _WORD_BOUNDS
            ):
                starts.add(start)
            start = joined.find(word, start + 1)
    if not starts:
        return []
    ends = list(accumulate(len(value) + 1 for value in values))  # past each separator
    return sorted({bisect_right(ends, start) for start in starts})


@cache
def _summary_markers(fragments: tuple[str, ...]) -> tuple[frozenset[str], _ClassWords]:
    """The fragments as ids, and as words of a class attribute."""
    words = "|".join(map(re.escape, fragments))
    return frozenset(fragments), _ClassWords(
        words=fragments,
        in_value=re.compile(rf"(?:^|[ \t\r\n])(?:{words})(?=$|[ \t\r\n])"),
    )


_BOLD_TAGS = frozenset({"b", "strong"})
# Inline elements: a line of text runs through them; any other element is a block of its own.
_INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span"}
    | {"strong", "sub", "sup", "time", "u"}
)
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _enclosing_blocks(
    tree: etree._Element, tags: tuple[str, ...], at_least: int = 1
) -> list[etree._Element]:
    """The block elements (not inline ones) that hold ``at_least`` elements of ``tags`` (in
    their own lines, not in a nested block), each once, in document order."""
    blocks: dict[etree._Element, int] = {}
    for element in tree.iter(*tags):
        block = element.getparent()
        while block is not None and block.tag in _INLINE_TAGS:
            block = block.getparent()
        if block is not None:
            blocks[block] = blocks.get(block, 0) + 1
    return [block for block, count in blocks.items() if count >= at_least]


def _bold_lines(tree: etree._Element) -> set[str]:
    """The lines the page sets all in bold (<b>, <strong>), as their letters alone: a line is
    bold when every letter of it is (« <b>Le maire a parlé</b>, <b>mardi.</b> » is). Read
    from the page rather than from trafilatura's formatting output: asking trafilatura to keep
    formatting changes what it extracts (on some pages it then loses article text, keeps
    boilerplate it drops otherwise, or glues a word to the bold one before it)."""
    found: set[str] = set()
    for block in _enclosing_blocks(tree, ("b", "strong")):
        for text, bold in _html_lines(block):
            key = _NOT_LETTERS.sub("", text)
            if bold and key:
                found.add(key)
    return found


# A site menu that trafilatura keeps as a line of the article (« Accueil | Blog | Contact »):
# three links or more in one line, with nothing between them but these separators.
_MENU_SEPARATOR = re.compile(r"[|•·»]")
_ONLY_SEPARATORS = re.compile(r"[\s|•·»/–—>-]*")
MENU_MIN_LINKS = 3


def _might_be_a_menu(text: str) -> bool:
    """Cheap test on the article's lines: only a page that has one pays for _menu_lines."""
    return len(_MENU_SEPARATOR.findall(text, 0, 2000)) >= MENU_MIN_LINKS - 1


def _without_menus(lines: list[RawLine], menus: set[str]) -> list[RawLine]:
    kept: list[RawLine] = []
    starts_paragraph = False
    for line in lines:
        if _NOT_LETTERS.sub("", line.text) in menus:
            starts_paragraph = starts_paragraph or line.paragraph_start
            continue
        line.paragraph_start = line.paragraph_start or starts_paragraph
        starts_paragraph = False
        kept.append(line)
    return kept


def _menu_lines(tree: etree._Element) -> set[str]:
    """The page's lines (as their letters alone) made of MENU_MIN_LINKS links or more and
    separators: every letter of the line sits in a link, and what lies between the links is
    spaces and _ONLY_SEPARATORS."""
    found: set[str] = set()
    # A block with fewer links of its own than a menu has holds no menu line: its lines are
    # not read (most blocks with links are paragraphs with one or two).
    for block in _enclosing_blocks(tree, ("a",), at_least=MENU_MIN_LINKS):
        for runs in _link_runs(block):
            links = [text for text, in_link in runs if in_link]
            between = "".join(text for text, in_link in runs if not in_link)
            letters = _NOT_LETTERS.sub("", "".join(links))
            if (
                sum(1 for text in links if _NOT_LETTERS.sub("", text)) >= MENU_MIN_LINKS
                and _ONLY_SEPARATORS.fullmatch(between)
                and letters
            ):
                found.add(letters)
    return found


def _link_runs(block: etree._Element) -> list[list[tuple[str, bool]]]:
    """A block's lines (split at <br> and nested blocks) as runs of (text, inside a link),
    one run per link and per stretch of text between links."""
    lines: list[list[tuple[str, bool]]] = [[(block.text or "", False)]]

    def walk(node: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br" or child.tag not in _INLINE_TAGS:
                lines.append([])
            elif child.tag == "a":
                lines[-1].append(("".join(child.itertext()), True))
            else:
                lines[-1].append((child.text or "", False))
                walk(child)
            if child.tail:
                lines[-1].append((child.tail, False))

    walk(block)
    return lines


def _html_lines(block: etree._Element) -> list[tuple[str, bool]]:
    """A block's text as (line, all its letters are bold) pairs, lines split at <br> and at
    nested blocks."""
    lines: list[tuple[str, bool]] = []
    current: list[tuple[str, bool]] = []

    def close() -> None:
        text = "".join(piece for piece, _ in current)
        letters = sum(map(str.isalpha, text))
        bold_letters = sum(sum(map(str.isalpha, piece)) for piece, bold in current if bold)
        lines.append((text, letters > 0 and bold_letters == letters))
        current.clear()

    def walk(node: etree._Element, bold: bool) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br" or child.tag not in _INLINE_TAGS:
                close()
            else:
                current.append((child.text or "", bold or child.tag in _BOLD_TAGS))
                walk(child, bold or child.tag in _BOLD_TAGS)
            if child.tail:
                current.append((child.tail, bold))

    current.append((block.text or "", False))
    walk(block, False)
    close()
    return lines


def _normalise(text: str) -> str:
    """Runs of horizontal spaces (space, tab, form feed, vertical tab, zero-width space) as
    one space, the ends stripped (of any white space)."""
    if "\t" in text or "\f" in text or "\v" in text or "\u200b" in text:
        text = text.translate(_TO_SPACES)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.strip()


# trafilatura's block elements under <main>; anything else there (<hi>, <ref>, <lb/>, <del>)
# is inline, part of a run of text that sits directly in the article element.
_XML_BLOCKS = frozenset({"p", "head", "list", "table", "quote", "code", "div", "graphic"})


def _xml_lines(main: etree._Element) -> list[RawLine]:
    """trafilatura's XML -> lines; <lb/> splits a paragraph, a fully bold line is marked bold."""
    lines: list[RawLine] = []
    for element in _main_units(main):
        units = element.findall(".//item") if element.tag == "list" else [element]
        if element.tag == "table":
            units = element.findall(".//row")
        for unit in units:
            first = True
            for text, bold in _split_on_breaks(unit):
                clean = unicodedata.normalize("NFC", _normalise(text))
                if not clean:
                    continue
                lines.append(
                    RawLine(clean, paragraph_start=first, bold=bold, heading=unit.tag == "head")
                )
                first = False
    return lines


def _main_units(main: etree._Element) -> list[etree._Element]:
    """<main>'s block elements, with the text that sits directly in it (before, between or
    after them, with its inline markup) gathered into paragraphs of their own. trafilatura
    leaves a page's loose article text there; reading the children alone lost it. A <main>
    with no block element at all is what trafilatura's fallback made of a page without an
    article (its menu's crumbs): its loose text is not taken for one."""
    if not any(child.tag in _XML_BLOCKS for child in main):
        return list(main)
    units: list[etree._Element] = []
    loose: etree._Element | None = None

    def add_text(text: str | None) -> None:
        nonlocal loose
        if not text or not text.strip():
            return
        if loose is None:
            loose = etree.Element("p")
            units.append(loose)
        if len(loose):
            loose[-1].tail = (loose[-1].tail or "") + text
        else:
            loose.text = (loose.text or "") + text

    add_text(main.text)
    for child in list(main):
        tail, child.tail = child.tail, None
        if child.tag in _XML_BLOCKS or not isinstance(child.tag, str):
            loose = None
            if isinstance(child.tag, str):
                units.append(child)
        else:
            if loose is None:
                loose = etree.Element("p")
                units.append(loose)
            loose.append(child)  # moved: the XML document is ours, read once
        add_text(tail)
    return units


def _split_on_breaks(unit: etree._Element) -> list[tuple[str, bool]]:
    """An element's text as (line, whole line is bold) pairs, one per <lb/>-separated line."""
    pieces: list[tuple[str, bool]] = []  # (text, bold) runs, with "\n" for breaks

    def walk(node: etree._Element, bold: bool) -> None:
        is_bold = bold or (node.tag == "hi" and "#b" in (node.get("rend") or ""))
        if node.tag == "lb":
            pieces.append(("\n", False))
        elif node.tag == "cell" and pieces:
            pieces.append((" | ", is_bold))
        if node.text and node.tag != "lb":
            pieces.append((node.text, is_bold))
        for child in node:
            walk(child, is_bold)
            if child.tail:
                pieces.append((child.tail, is_bold))

    walk(unit, False)
    lines: list[tuple[str, bool]] = []
    # Letters are counted only where a run is bold: with formatting left out of trafilatura's
    # output (ingest asks for none) none is, and counting them was half of this function.
    counted = any(bold for _, bold in pieces)
    text, letters, bold_letters = "", 0, 0
    for piece, bold in [*pieces, ("\n", False)]:
        if piece == "\n":
            lines.append((text, counted and letters > 0 and bold_letters == letters))
            text, letters, bold_letters = "", 0, 0
            continue
        text += piece
        if counted:
            n = sum(map(str.isalnum, piece))  # 3x faster than a generator over the characters
            letters += n
            bold_letters += n if bold else 0
    return lines


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
