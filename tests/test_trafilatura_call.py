"""ingest's call of trafilatura on the page's own tree gives what bare_extraction gives on a copy
of it (essentiel.ingest._bare_extraction follows trafilatura.core.bare_extraction)."""

from __future__ import annotations

from copy import deepcopy

import pytest
from lxml import etree
from trafilatura.core import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from essentiel.ingest import _bare_extraction, ingest

PARAGRAPHS = (
    "<p>Le conseil municipal de Quimper a voté lundi soir la création d'une ligne de bus "
    "gratuite entre la gare et l'hôpital, après deux heures de débat.</p>"
    "<p>La ligne coûtera 600 000 euros par an, financés pour moitié par l'agglomération. Les "
    "premiers bus circuleront en septembre, toutes les vingt minutes en semaine.</p>"
    "<p>« C'est une demande ancienne des soignants », a rappelé l'adjointe aux mobilités.</p>"
)
ARTICLE = (
    "<html><head><title>Quimper : un bus gratuit vers l'hôpital</title></head><body>"
    "<nav><ul><li><a href='/'>Accueil</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
    f"<article><h1>Quimper : un bus gratuit vers l'hôpital</h1>{PARAGRAPHS}</article>"
    "<div class='comments'><p>Enfin ! Il était temps, merci pour les soignants.</p></div>"
    "<footer><p>© 2026 Le Journal de Cornouaille</p></footer></body></html>"
)
SHORT = (
    "<html><body><div><span>Menu</span></div><div><div><div>Quimper vote un bus gratuit vers "
    "l'hôpital.</div></div></div><ul><li>Sport</li><li>Météo</li><li>Annonces</li></ul>"
    "</body></html>"
)
EMPTY = "<html><head><title>Rien</title></head><body><div></div></body></html>"
# Text beside the article that trafilatura's page measure (html2txt) drops, an <aside>: the
# cheap bound leaves the recall escalation open, html2txt closes it.
BRIEF = (
    "<p>Brève {}: le marché couvert de Douarnenez rouvre ses portes après travaux, annonce la "
    "mairie.</p>"
)
ASIDE = ARTICLE.replace(
    "<footer>", f"<aside>{''.join(BRIEF.format(i) for i in range(30))}</aside><footer>"
)
# Link cards under the article, which html2txt keeps: the extraction is under a fifth of the
# page's text and trafilatura retries it in recall mode.
CARD = "<div class='card'><a href='/a{0}'>Le marché de Douarnenez rouvre, épisode {0}</a></div>"
CARDS = ARTICLE.replace("<footer>", f"{''.join(CARD.format(i) for i in range(80))}<footer>")


def _as_xml(document: Document | None) -> tuple[str, str, str] | None:
    if document is None:
        return None
    return (
        etree.tostring(document.body, encoding="unicode"),
        etree.tostring(document.commentsbody, encoding="unicode"),
        document.raw_text or "",
    )


@pytest.mark.parametrize("page", [ARTICLE, SHORT, EMPTY, ASIDE, CARDS])
def test_trafilatura_on_the_tree_itself_gives_what_bare_extraction_gives(page: str) -> None:
    url = "https://www.example.fr/quimper/bus.html"
    theirs = bare_extraction(
        load_html(page),
        url=url,
        output_format="xml",
        include_formatting=False,
        include_comments=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    assert theirs is None or isinstance(theirs, Document)
    assert _as_xml(_bare_extraction(load_html(page), url)) == _as_xml(theirs)


def test_the_tree_is_read_before_trafilatura_prunes_it() -> None:
    # trafilatura prunes the tree it is given (here its navigation list): what ingest reads
    # from the page is read from the page as it was.
    tree = load_html(ARTICLE)
    before = etree.tostring(tree)
    _bare_extraction(deepcopy(tree), None)
    assert etree.tostring(tree) == before
    pruned = load_html(ARTICLE)
    _bare_extraction(pruned, None)
    assert etree.tostring(pruned) != before
    raw = ingest(ARTICLE, url="https://www.example.fr/quimper/bus.html")
    assert raw.title == "Quimper : un bus gratuit vers l'hôpital"
    assert any("600 000 euros" in line.text for line in raw.lines)


def test_the_escalation_is_decided_by_the_page_text_where_the_bound_leaves_it_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The pages above take the three paths: the bound settles it (ARTICLE), html2txt does
    # (ASIDE), trafilatura retries in recall mode (CARDS).
    from essentiel import html_cascade

    measured: list[str] = []
    retried: list[str] = []
    html2txt, retry = html_cascade.html2txt, html_cascade._recall_retry
    for name, page in (("article", ARTICLE), ("aside", ASIDE), ("cards", CARDS)):
        monkeypatch.setattr(
            html_cascade, "html2txt", lambda t, n=name: (measured.append(n), html2txt(t))[1]
        )
        monkeypatch.setattr(
            html_cascade, "_recall_retry", lambda *a, n=name: (retried.append(n), retry(*a))[1]
        )
        _bare_extraction(load_html(page), None)
    assert measured == ["aside", "cards"]
    assert retried == ["cards"]


SCRIPTED = (
    "<html><head><style>p { color: red }</style></head><body>\n  <div>\n\t<p>Un   mot</p>"
    "<script>var texte = 'long ' + 'script ' + 'ignoré';</script>queue du script<br>après"
    "<style>.x { margin: 0 }</style><aside>encadré <b>gras</b></aside>"
    "<div class='footer'>pied</div><ul><li>un</li><li>deux\x0b trois</li></ul></div>"
    "\u00a0fin\u2009de page </body></html>"
)


@pytest.mark.parametrize("page", [ARTICLE, SHORT, EMPTY, ASIDE, CARDS, SCRIPTED])
def test_the_page_text_bound_is_never_below_what_html2txt_gives(page: str) -> None:
    from trafilatura.baseline import html2txt

    from essentiel.html_cascade import page_text_bound

    tree = load_html(page)
    assert tree is not None
    actual = len(html2txt(tree))
    assert actual <= page_text_bound(tree)
    # Without a body, html2txt reads the element itself: so does the bound.
    div = tree.find(".//div")
    if div is not None:
        assert len(html2txt(div)) <= page_text_bound(div)


# Comment containers and lists, and near misses: « commentary », a Disqus id on a list, a
# « comments » class not at the start of a div's class but after « article- ».
THREADS = (
    "<html><body><article><h1>Titre</h1>"
    f"{PARAGRAPHS}</article>"
    "<div id='comments'><p>un</p></div><section class='Comment-box'><p>deux</p></section>"
    "<div class='commentary'><p>analyse</p></div><div class='x article-comments'><p>t</p></div>"
    "<ul id='disqus_thread'><li>garde</li></ul><ol class='comment-list'><li>part</li></ol>"
    "<ul id='comol-3'><li>part aussi</li></ul><details id='dsq-comments'><p>p</p></details>"
    "<div class='infinite-scroll'><h1>Suite</h1><p>suite</p></div>"
    "<aside class='mvp-post-add-box'><p>ajout</p></aside>"
    "<section class='elementor-share-buttons'><a>partager</a></section>"
    "</body></html>"
)


@pytest.mark.parametrize("page", [ARTICLE, SHORT, EMPTY, ASIDE, CARDS, THREADS])
def test_the_raw_tree_is_pruned_as_trafilatura_prunes_it(page: str) -> None:
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    from essentiel.html_cascade import comment_containers, raw_tree_pruned

    theirs, ours = load_html(page), load_html(page)
    assert theirs is not None and ours is not None
    assert comment_containers(ours) == REMOVE_COMMENTS_AND_LISTS_XPATH[0](ours)
    for comments in (False, True):
        theirs, ours = load_html(page), load_html(page)
        prune_unwanted_nodes(theirs, RAW_TREE_PRUNE_XPATH)
        if comments:
            prune_unwanted_nodes(theirs, REMOVE_COMMENTS_AND_LISTS_XPATH)
        raw_tree_pruned(ours, comments=comments)
        assert etree.tostring(ours) == etree.tostring(theirs)
    if page is THREADS:
        assert len(REMOVE_COMMENTS_AND_LISTS_XPATH[0](load_html(page))) == 6


def test_the_raw_tree_xpaths_are_the_ones_html_cascade_follows() -> None:
    # html_cascade finds from Python what these select: a new trafilatura that changes them
    # must change it too.
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    comments = " ".join(REMOVE_COMMENTS_AND_LISTS_XPATH[0].path.split())
    assert len(REMOVE_COMMENTS_AND_LISTS_XPATH) == 1
    assert comments == (
        ".//*[self::div or self::list or self::section or self::details or self::ol or "
        "self::ul][ re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)') "
        "or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')][ not(self::ol "
        "or self::ul) or re:test(@id, '^(?:[Cc]omment(?!ary)|comol)') or re:test(@class, "
        "'^[Cc]omment(?!ary)|(?:article|post)-comments')]"
    )
    endless, share = (" ".join(x.path.split()) for x in RAW_TREE_PRUNE_XPATH)
    assert "re:test(@id, 'mvp-post-add-(?:box|wrap)|infinite-?scroll') or " in endless
    assert "re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')" in endless
    assert share == (
        ".//*[self::div or self::section or self::aside][contains(@class, "
        "'elementor-share-buttons')]"
    )
