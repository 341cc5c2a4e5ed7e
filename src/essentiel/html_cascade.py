"""trafilatura's extraction cascade (``trafilatura.core.trafilatura_sequence`` at the version in
requirements.lock) for ingest's options, without its most expensive test when a cheap bound
answers it.

The cascade's last stage retries a short extraction in recall mode when it covers less than a
fifth of the page's text, and measures that text with ``html2txt(tree)``: a copy of the whole
page, an XPath with two regex tests per element, and a walk over every block element. It runs
on every page whose extraction is under 3,000 characters, three pages in four of OrangeSum's,
and cost 2 ms a page, a sixth of the whole extraction (issue 31), to escalate none of the first
300 validation pages. ``page_text_bound`` gives at least the length of that text for a tenth
of the cost; only when a fifth of the bound is more than the extraction is the text itself
measured, as trafilatura measures it, so the cascade decides what trafilatura decides.

What is left of ``trafilatura_sequence`` with comments off (ingest's options): the comment
capture and the forum-post salvage it feeds are not reachable, nor is a comments-on pruning of
the escalation's input. Reachable code is otherwise trafilatura's own, called through its own
functions (tests/test_trafilatura_call.py compares the result with ``bare_extraction``'s),
but for the two prunings of the raw tree, whose XPaths test each element's id and class with
EXSLT regular expressions, a call back into Python per test: 2.4 ms a page. The same elements
are found with the same regular expressions from Python (``raw_tree_pruned``), in a tenth of
that: the comment containers by a walk over the elements of the six tags they may have, the
infinite-scroll and share-button containers, which no page of 500 had, only where one of the
page's id or class values could match (else their XPaths are not run at all).

The cascade's code is adapted from trafilatura 2.3.1 (``trafilatura/core.py``,
``trafilatura_sequence``; Copyright Adrien Barbaresi and contributors), licensed under the
Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0); the changes are
the ones described above: the comments-off paths only, the recall retry's page-text test
behind a bound, the raw-tree prunings done from Python.
"""

from __future__ import annotations

import logging
import re
from copy import copy

from lxml import etree
from lxml.etree import Element
from lxml.html import HtmlElement
from trafilatura.baseline import _BLOCK_ELEMS, baseline, html2txt
from trafilatura.core import (
    ESCALATION_ACCEPT_RATIO,
    ESCALATION_JUSTEXT_RATIO,
    ESCALATION_MAX_LENGTH,
    ESCALATION_PAGE_SHARE,
    _extract_and_compare,
    _forum_thread_page,
    _prepare_tree,
    _recall_retry,
)
from trafilatura.external import justext_rescue
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_XPATH

LOGGER = logging.getLogger("trafilatura.core")  # its warnings, under its own logger's name

# The text nodes html2txt may keep: every one under the page's body but the text of <script>
# and <style> elements, which its basic_cleaning deletes (their tails stay).
_KEPT_TEXTS = etree.XPath(
    "descendant-or-self::text()[not(parent::script or parent::style)]", smart_strings=False
)


# What REMOVE_COMMENTS_AND_LISTS_XPATH (and RAW_TREE_PRUNE_XPATH) say, at the version in
# requirements.lock (tests/test_trafilatura_call.py checks the XPaths are still these).
_COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")
_COMMENT_ID = re.compile("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile("^(?:[Cc]omment(?!ary)|comol)")
_COMMENT_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments")
_ENDLESS = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_SHARE_BUTTONS = "elementor-share-buttons"
_ID_AND_CLASS_VALUES = etree.XPath("//@id|//@class", smart_strings=False)


def comment_containers(tree: HtmlElement) -> list[HtmlElement]:
    """What ``REMOVE_COMMENTS_AND_LISTS_XPATH[0](tree)`` selects, in the same (document)
    order: a div, section, details (or trafilatura's list) whose id or class says comments,
    and an ol or ul whose id or class says so without naming Disqus. EXSLT's re:test is
    Python's re.search on the attribute's value ('' when it has none)."""
    found = []
    for element in tree.iterdescendants(_COMMENT_TAGS):
        id_ = element.get("id") or ""
        class_ = element.get("class") or ""
        if (_COMMENT_ID.search(id_) or _COMMENT_CLASS.search(class_)) and (
            element.tag not in ("ol", "ul")
            or _COMMENT_LIST_ID.search(id_)
            or _COMMENT_CLASS.search(class_)
        ):
            found.append(element)
    return found


def raw_tree_pruned(tree: HtmlElement, *, comments: bool) -> HtmlElement:
    """``prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)``, then, when ``comments`` (the
    comments are pruned), ``prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)``:
    the same elements deleted in the same order."""
    # Every element the first two XPaths select has an id or class value that holds the
    # pattern: where no value does, they select nothing.
    values = "\n".join(_ID_AND_CLASS_VALUES(tree))
    endless, share = RAW_TREE_PRUNE_XPATH
    if _ENDLESS.search(values):
        prune_unwanted_nodes(tree, [endless])
    if _SHARE_BUTTONS in values:
        prune_unwanted_nodes(tree, [share])
    if comments:
        for element in comment_containers(tree):
            delete_element(element)  # the tail text is preserved
    return tree


def page_text_bound(tree: HtmlElement) -> int:
    """At least ``len(trafilatura.baseline.html2txt(tree))``, without copying the tree.

    html2txt takes the text of the page's <body> (or of ``tree`` without one) after deleting
    some elements (their tails kept, in place) and putting one space before the text and one
    before the tail of each block element left, and returns ``" ".join(text.split())``: the
    text's non-space characters plus one space between words. Its characters other than those
    spaces come, in order, from the text nodes counted here (deletions only drop characters,
    its control-character filter too). Dropping characters adds no word and no non-space
    character; each space put in splits at most one word in two, and there are at most two
    per block element of the body as it was. So the result is at most the non-space
    characters of the kept text nodes, plus their words, plus two per block element."""
    body = tree.find(".//body")
    if body is None:
        body = tree
    words = "".join(_KEPT_TEXTS(body)).split()
    blocks = sum(1 for _ in body.iter(*_BLOCK_ELEMS))
    return sum(map(len, words)) + len(words) + 2 * blocks


def sequence(
    tree: HtmlElement, options: Extractor, url: str | None = None
) -> tuple[etree._Element, str, etree._Element, str]:
    """``trafilatura_sequence(tree, options, url)`` for ``options`` with comments off: the
    same body, text, (empty) comments body and comments. Prunes ``tree``."""
    if options.comments:
        raise ValueError("sequence() follows trafilatura's cascade with comments off only")
    is_forum = _forum_thread_page(tree)
    # raw-tree prune so the external extractors inherit it too; comments off: prune the raw
    # tree so all stages inherit it, lists are still ol/ul here
    tree = raw_tree_pruned(tree, comments=options.focus == "precision" or not is_forum)
    cleaned_tree, cleaned_tree_backup = _prepare_tree(tree, options, url)
    if options.focus == "precision" and not is_forum:
        cleaned_tree = prune_unwanted_nodes(cleaned_tree, REMOVE_COMMENTS_XPATH)

    postbody, temp_text = _extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)

    # 3. rescue: baseline on the original tree, accepted only if it adds text
    if len(temp_text) < options.min_extracted_size and options.focus != "precision":
        b_body, b_text, b_len = baseline(tree)
        LOGGER.debug("non-clean extracted length: %s (extraction)", b_len)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text

    # 4. recall escalation: the page's text measured only when the bound leaves it open.
    if (
        options.focus == "balanced"
        and 0 < len(temp_text) < ESCALATION_MAX_LENGTH
        and len(temp_text) < ESCALATION_PAGE_SHARE * page_text_bound(tree)
        and len(temp_text) < ESCALATION_PAGE_SHARE * len(html2txt(tree))
    ):
        # a copy so a shared Extractor never leaks the "recall" focus back to the caller
        r_options = copy(options)
        r_options.focus = "recall"
        esc_tree = tree  # comments off: already pruned
        r_text = ""
        try:
            r_body, r_text = _recall_retry(esc_tree, r_options, url)
        except Exception as err:  # pragma: no cover
            LOGGER.warning("recall retry failed: %s %s", err, url)
        j_text = ""
        if not options.fast:
            try:
                j_body, j_text = justext_rescue(copy(esc_tree), options)
            except Exception as err:  # pragma: no cover
                LOGGER.warning("justext candidate failed: %s %s", err, url)
        len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
        if j_len > r_len and j_len > ESCALATION_JUSTEXT_RATIO * len_text:
            postbody, temp_text = j_body, j_text
        elif r_len >= options.min_extracted_size and r_len > ESCALATION_ACCEPT_RATIO * len_text:
            postbody, temp_text = r_body, r_text

    return postbody, temp_text, Element("body"), ""
