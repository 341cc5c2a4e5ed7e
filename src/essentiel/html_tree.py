"""An HTML page string -> the tree trafilatura's loader makes of it, with cheaper elements.

``trafilatura.utils.load_html`` at the version in requirements.lock, for a string, with one
change: its parser (lxml.html's) picks each element's Python class by calling a Python method,
``HtmlElementClassLookup.lookup``, every time an element is handed to Python, three million
times over the development pages of bench/extraction.py, most of them inside trafilatura's
own extraction. The parser here gives every element lxml.html's ``HtmlElement`` class (and
comments, processing instructions and entities their lxml.html classes) from lxml's C lookup.
The tree is the same (same libxml2 parser, same options); only <form>, <input>, <select>,
<textarea> and <label> lose the form helpers of their lxml.html subclasses, which neither
trafilatura nor htmldate nor ingest use.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS, is_dubious_html

# trafilatura.utils.HTML_PARSER's options.
_PARSER = etree.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=HtmlComment,
        pi=HtmlProcessingInstruction,
        entity=HtmlEntity,
    )
)


def _repaired(page: str, beginning: str, known_xml_valid: bool) -> str:
    """``trafilatura.utils.repair_faulty_html``, its deletion of INVALID_XML_CHARS skipped on
    a page known to have none."""
    if not known_xml_valid:
        page = INVALID_XML_CHARS.sub("", page)
    # libxml2/LXML issue: https://bugs.launchpad.net/lxml/+bug/1955915
    if "doctype" in beginning:
        first_line, _, rest = page.partition("\n")
        page = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    # self-closing <html/> in the first lines
    for line in page[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            page = FAULTY_HTML.sub(r"\1>", page, count=1)
            break
    return page


def _from_bytes(page: str) -> HtmlElement | None:
    try:
        return fromstring(page.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura's fromstring_bytes: any lxml failure is no tree
        return None


# The bytes of the characters trafilatura.utils.INVALID_XML_CHARS deletes, U+0000-U+001F but
# tab, newline and carriage return; with U+FFFE and U+FFFF, whose UTF-8 is three bytes each.
XML_INVALID_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_XML_INVALID_SEQUENCES = ("\ufffe".encode(), "\uffff".encode())


def xml_valid(utf8: bytes) -> bool:
    """Whether a text (given as its UTF-8) has none of the characters INVALID_XML_CHARS
    deletes: bytes.translate and two searches, at memory speed, where the regex's scan of the
    page was a third of a millisecond per development page."""
    return len(utf8.translate(None, XML_INVALID_BYTES)) == len(utf8) and not any(
        sequence in utf8 for sequence in _XML_INVALID_SEQUENCES
    )


def parse_page(page: str, *, known_xml_valid: bool = False) -> HtmlElement | None:
    """The page's tree as ``trafilatura.utils.load_html(page)`` builds it, None where it gives
    none (unparseable, or a page that does not look like HTML and parses to a single element).
    ``known_xml_valid``: the caller has checked (``xml_valid``) that the page has no character
    INVALID_XML_CHARS would delete, so the loader's deletion is skipped."""
    beginning = page[:50].lower()
    check_flag = is_dubious_html(beginning)
    page = _repaired(page, beginning, known_xml_valid)
    tree: HtmlElement | None = None
    fallback_parse = False
    try:
        tree = fromstring(page, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree = _from_bytes(page)
        fallback_parse = True
    except Exception:  # as load_html: lxml's other failures give no tree
        tree = None
    if (tree is None or len(tree) < 1) and not fallback_parse:
        tree = _from_bytes(page)
    if tree is not None and check_flag and len(tree) < 2:
        tree = None
    return tree
