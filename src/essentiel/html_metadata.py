"""The page metadata ingest needs (title, URL, site name), read as trafilatura reads them.

trafilatura's ``with_metadata=True`` also looks for the author, categories, tags and licence,
which the digest never shows; those searches cost about as much as the date's. So the same
trafilatura functions are called here, in trafilatura's own order (trafilatura.metadata
.extract_metadata at the version pinned in pyproject.toml), for the fields we use only. The
date is not trafilatura's (htmldate's extensive search, which takes a copyright year for
one): ``publication_date`` reads it.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from html import unescape

from courlan import extract_domain
from lxml.html import HtmlElement
from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
from trafilatura.metadata import (
    JSON_MINIFY,
    META_URL,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document
from trafilatura.utils import line_processing


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    url: str | None
    hostname: str | None
    site_name: str | None


def read_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    """Title, canonical URL, host and site name, as trafilatura finds them."""
    document = examine_meta(tree)
    # trafilatura guards this call the same way: its JSON-LD reader raises on odd pages.
    with contextlib.suppress(Exception):
        document = _read_json_ld(tree, document)
    if not document.title:
        document.title = extract_title(tree)
    if not document.url:
        document.url = extract_url(tree, url)
    if document.url:
        document.hostname = extract_domain(document.url, fast=True)
    if not document.sitename:
        document.sitename = extract_sitename(tree)
    if document.sitename:
        document.sitename = document.sitename.lstrip("@")
        if (
            document.sitename
            and "." not in document.sitename
            and not document.sitename[0].isupper()
        ):
            document.sitename = document.sitename.title()
    elif document.url:
        found = META_URL.match(document.url)
        if found:
            document.sitename = found[1]
    # Document.clean_and_trim() on the four fields read here: it trims all twenty (the page's
    # description and image among them), half the cost of reading the metadata.
    return PageMetadata(
        title=_trimmed(document.title) or None,
        url=_trimmed(document.url) or None,
        hostname=_trimmed(document.hostname) or None,
        site_name=_trimmed(document.sitename) or None,
    )


def _trimmed(value: str | None) -> str | None:
    """One field as ``trafilatura.settings.Document.clean_and_trim`` (at the version in
    requirements.lock) leaves it: a string cut to 10,000 characters, its HTML entities
    decoded, its spaces and control characters trimmed (``line_processing``); what is not a
    string is left as it is."""
    if not isinstance(value, str):
        return value
    if len(value) > 10000:
        value = value[:9999] + "…"
    return line_processing(unescape(value))


_JSON_SCRIPT_TYPES = frozenset({"application/ld+json", "application/settings+json"})


def _read_json_ld(tree: HtmlElement, document: Document) -> Document:
    """``trafilatura.metadata.extract_meta_json`` at the version in requirements.lock, its
    scripts found by lxml's tag iterator (``iterdescendants``, in C) rather than by its XPath,
    which tested every element of the page: half its cost, a tenth of a millisecond a page."""
    for element in tree.iterdescendants("script"):
        if element.get("type") not in _JSON_SCRIPT_TYPES or not element.text:
            continue
        text = normalize_json(JSON_MINIFY.sub(r"\1", element.text))
        try:
            # strict=False as trafilatura: control characters from bad encodings are let in.
            document = extract_json(json.loads(text, strict=False), document)
        except json.JSONDecodeError:
            document = extract_json_parse_error(text, document)
    return document
