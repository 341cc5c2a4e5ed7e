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
from trafilatura.utils import is_dubious_html, repair_faulty_html

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


def _from_bytes(page: str) -> HtmlElement | None:
    try:
        return fromstring(page.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura's fromstring_bytes: any lxml failure is no tree
        return None


def parse_page(page: str) -> HtmlElement | None:
    """The page's tree as ``trafilatura.utils.load_html(page)`` builds it, None where it gives
    none (unparseable, or a page that does not look like HTML and parses to a single element)."""
    beginning = page[:50].lower()
    check_flag = is_dubious_html(beginning)
    page = repair_faulty_html(page, beginning)
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
