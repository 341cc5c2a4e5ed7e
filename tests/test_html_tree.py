"""essentiel.html_tree.parse_page builds the tree trafilatura's loader builds, with lxml.html's
element class for every element, and trafilatura extracts the same article from it."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import INVALID_XML_CHARS, load_html

from essentiel.html_tree import parse_page, xml_valid
from essentiel.ingest import _bare_extraction, ingest

ARTICLE = (
    "<!DOCTYPE html><html><head><title>Brest : le port agrandit son terminal</title>"
    "<meta property='og:site_name' content='Le Courrier du Finistère'></head><body>"
    "<nav><a href='/'>Accueil</a> | <a href='/eco'>Économie</a></nav>"
    "<!-- un commentaire de gabarit -->"
    "<form action='/recherche'><label>Chercher</label><input name='q' value='port'>"
    "<select name='rubrique'><option>Tout</option></select><textarea>…</textarea></form>"
    "<article><h1>Brest : le port agrandit son terminal</h1>"
    "<p class='chapo'>Le terminal à conteneurs gagnera douze hectares d'ici à 2029, a "
    "annoncé mardi la région.</p><p>Les travaux, estimés à 45 millions d'euros, commenceront "
    "au printemps. Les premiers quais seront livrés à l'automne suivant, selon le calendrier "
    "présenté aux élus.</p><p>« Nous doublons notre capacité », a déclaré la directrice du "
    "port devant la presse.</p></article><footer>© 2026</footer></body></html>"
)
WITH_XML_DECLARATION = (
    "<?xml version='1.0' encoding='utf-8'?><html><body><article><p>Une déclaration XML en "
    "tête de page : lxml refuse une chaîne Unicode qui en porte une.</p></article></body></html>"
)
NOT_HTML = "Une simple ligne de texte, sans balise."
PAGES = [ARTICLE, WITH_XML_DECLARATION, NOT_HTML, "<div><p>Un fragment seul.</p></div>"]


@pytest.mark.parametrize("page", PAGES)
def test_the_tree_is_trafilaturas(page: str) -> None:
    ours, theirs = parse_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(
            theirs, encoding="unicode"
        )


def test_every_element_is_an_html_element() -> None:
    tree = parse_page(ARTICLE)
    assert tree is not None
    elements = list(tree.iter())
    assert {element.tag for element in elements} >= {"form", "input", "select", "label"}
    assert all(type(element) is HtmlElement for element in elements)
    # What lxml.html's own class lookup gives: a subclass per form element.
    theirs = load_html(ARTICLE)
    assert theirs is not None
    assert type(next(theirs.iter("input"))) is not HtmlElement


def test_trafilatura_extracts_the_same_article_from_it() -> None:
    url = "https://www.example.fr/brest/port.html"
    ours_tree, theirs_tree = parse_page(ARTICLE), load_html(ARTICLE)
    assert ours_tree is not None and theirs_tree is not None
    ours, theirs = _bare_extraction(ours_tree, url), _bare_extraction(theirs_tree, url)
    assert ours is not None and theirs is not None
    assert "45 millions d'euros" in (ours.raw_text or "")
    assert etree.tostring(ours.body, encoding="unicode") == etree.tostring(
        theirs.body, encoding="unicode"
    )


@pytest.mark.parametrize("character", [*map(chr, [*range(0x00, 0x09), 0x0B, 0x0C]), "\ufffe"])
def test_a_character_the_loader_deletes_makes_the_text_not_xml_valid(character: str) -> None:
    assert INVALID_XML_CHARS.fullmatch(character)
    text = f"Le port de Brest{character} gagne douze hectares."
    assert not xml_valid(text.encode("utf-8"))


@pytest.mark.parametrize(
    "text", ["Quai\tnord\r\nQuai sud", "« Nous doublons » — 45 M€", "\ufeffune page", "\ufffd"]
)
def test_layout_characters_and_letters_are_xml_valid(text: str) -> None:
    assert not INVALID_XML_CHARS.search(text)
    assert xml_valid(text.encode("utf-8"))


@pytest.mark.parametrize(
    "page", [*PAGES, ARTICLE.replace("mardi", "mardi\x0c\x01"), "\ufffe" + ARTICLE]
)
def test_the_deletion_skipped_on_a_valid_page_gives_the_loaders_tree(page: str) -> None:
    known = xml_valid(page.encode("utf-8"))
    ours, theirs = parse_page(page, known_xml_valid=known), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None and theirs is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(
            theirs, encoding="unicode"
        )


def test_ingest_drops_the_characters_the_loader_deletes() -> None:
    raw = ingest(ARTICLE.replace("mardi la région", "mardi\x0c la\x01 région"))
    assert any("mardi la région" in line.text for line in raw.lines)
    assert ingest(ARTICLE).lines == raw.lines
