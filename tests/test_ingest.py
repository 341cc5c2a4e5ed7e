from __future__ import annotations

import re

import pytest
from lxml import etree

from essentiel.errors import BinaryInput, EmptyInput, InputTooLarge, NoArticle
from essentiel.html_tree import parse_page
from essentiel.ingest import (
    _indent_as_pretty_printed,
    _menu_lines,
    _normalise,
    control_characters,
    decode,
    ingest,
    looks_like_html,
)

FRENCH = "Le maire de Brest a annoncé jeudi la fermeture de la piscine municipale pour travaux."


def test_utf8_with_bom_is_decoded() -> None:
    assert decode(("\ufeff" + FRENCH).encode("utf-8")) == FRENCH


def test_cp1252_bytes_are_detected_and_decoded() -> None:
    text = FRENCH + " Les élèves iront à la piscine de Quimper à la rentrée, a précisé l'élu."
    assert decode(text.encode("cp1252")) == text


def test_declared_html_charset_is_used() -> None:
    page = (
        '<html><head><meta charset="iso-8859-15"><title>Œuvres</title></head><body>'
        "<p>Le musée a prêté 120 œuvres à la fondation, a indiqué sa directrice mardi.</p></body></html>"
    )
    assert decode(page.encode("iso-8859-15")) == page


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"hello\x00\x00\x00world\x00", "NUL"),
    ],
)
def test_binary_input_is_refused_with_its_nature(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput, match=what):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"   "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        ingest(data)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\u00a0\u2003\n"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyInput):
        ingest(text)


def test_size_limit_applies_to_bytes_and_text() -> None:
    with pytest.raises(InputTooLarge, match="over the limit of 10 bytes"):
        ingest(FRENCH.encode(), max_bytes=10)
    with pytest.raises(InputTooLarge):
        ingest(FRENCH, max_bytes=10)


def test_html_is_recognised() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("  <div class='a'><p>Un</p><p>Deux</p></div>")
    assert not looks_like_html("Le prix <b>fixé</b> par l'État reste inchangé.")


PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Brest ferme sa piscine</title>
<meta property="og:site_name" content="Le Quotidien de l'Ouest">
<meta property="article:published_time" content="2025-03-06T10:00:00+01:00">
<link rel="canonical" href="https://example.org/brest-piscine"></head>
<body><nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
<article><h1>Brest ferme sa piscine</h1>
<p class="chapo">La piscine municipale de Brest fermera ses portes pendant dix-huit mois à partir du 1er avril pour une rénovation complète.</p>
<p>Le maire a annoncé jeudi que les travaux coûteraient 14 millions d'euros, dont 4 millions financés par la région.
Les nageurs du club local s'entraîneront à Landerneau pendant la durée du chantier.</p>
<p>"C'est un mal nécessaire, le bâtiment date de 1974 et ne répond plus aux normes", a expliqué l'adjoint aux sports, Paul Kerhervé, lors du conseil municipal.</p>
<p>Les associations d'usagers ont réclamé une navette gratuite vers Landerneau, une demande que la mairie dit étudier.</p>
</article><footer>© Le Quotidien de l'Ouest — Mentions légales — Contact</footer></body></html>"""


def test_html_page_gives_text_and_metadata() -> None:
    raw = ingest(PAGE)
    assert raw.source_format == "html"
    assert raw.title == "Brest ferme sa piscine"
    assert raw.url == "https://example.org/brest-piscine"
    assert raw.published is not None and raw.published.isoformat() == "2025-03-06"
    texts = [line.text for line in raw.lines]
    assert any("14 millions d'euros" in t for t in texts)
    assert not any("Mentions légales" in t for t in texts)
    chapo = [line for line in raw.lines if line.text.startswith("La piscine municipale")]
    assert chapo and chapo[0].summary_hint


def test_html_without_article_is_refused() -> None:
    page = "<html><head><title>Erreur</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>"
    with pytest.raises(NoArticle):
        ingest(page)


def _padded_with_nuls(page: str) -> str:
    # A template that pads an image tag with NULs, as some CMSs do: 11 of them, twice, in a
    # page of real size (its inline style sheet alone is 30,000 characters).
    nuls = "\x00" * 11
    style = "".join(f".bloc-{n} {{ margin: {n % 7}px; color: #{n:06x}; }}\n" for n in range(800))
    banner = f'<a href="/abonnement"><img src="/pub.gif" alt="">{nuls}</a>'
    return (
        page.replace("</head>", f"<style>{style}</style></head>")
        .replace("<body>", "<body>" + banner)
        .replace("</article>", nuls + "</article>")
    )


def test_a_few_nuls_in_a_page_are_dropped_not_taken_for_binary() -> None:
    page = _padded_with_nuls(PAGE)
    assert page.count("\x00") == 22
    for source in (page, page.encode("utf-8")):
        raw = ingest(source)
        texts = [line.text for line in raw.lines]
        assert any("14 millions d'euros" in t for t in texts)
        assert not any("\x00" in t for t in texts)
        assert raw.title == "Brest ferme sa piscine"


def test_nuls_dropped_from_decoded_bytes() -> None:
    data = (FRENCH * 20).encode("utf-8") + b"\x00"
    assert decode(data) == FRENCH * 20


@pytest.mark.parametrize("as_text", [False, True])
def test_nuls_over_one_per_thousand_are_binary(as_text: bool) -> None:
    # 3 NULs after a 1,000-character text: 3 per thousand.
    text = (FRENCH * 12)[:1000] + "\x00\x00\x00"
    with pytest.raises(BinaryInput, match="NUL"):
        ingest(text if as_text else text.encode("utf-8"))
    # UTF-16 without a byte-order mark: a NUL for every ASCII letter.
    with pytest.raises(BinaryInput, match="NUL"):
        ingest(FRENCH.encode("utf-16-le"))


@pytest.mark.parametrize(
    "xml",
    [
        "<doc><main><div><p>Le conseil a voté.</p><p>La halle rouvrira.</p></div></main></doc>",
        "<doc><main><table><row><cell><p>Loyer</p></cell><cell>620 €</cell></row>"
        "<row><cell>Charges</cell><cell><hi>80 €</hi></cell></row></table></main></doc>",
        "<doc><main>Texte libre <hi>en gras</hi><p>Un <hi>mot</hi> <hi>fort</hi>.</p>"
        "<list><item><p>un</p></item></list></main></doc>",
    ],
)
def test_the_article_tree_is_spaced_as_its_pretty_printed_copy(xml: str) -> None:
    """The article's lines are read from the tree trafilatura builds, no longer from its
    pretty-printed XML string: the whitespace that separated paragraphs must be the same."""
    tree = etree.fromstring(xml)
    printed = etree.fromstring(etree.tostring(tree, pretty_print=True))
    _indent_as_pretty_printed(tree)
    assert etree.tostring(tree) == etree.tostring(printed)


# A table layout whose menu row trafilatura keeps in the article.
MENU_PAGE = """<html><head><title>Le marché couvert rouvre ses portes</title></head><body>
<table><tbody><tr><td><h1>Le marché couvert rouvre ses portes</h1></td></tr>
<tr><td><a href="/ville.htm">Vie locale</a> | <a href="/blog.htm">Carnet</a> |
<a href="/archives.htm">Archives 2024</a> | <a href="/contact.htm">Nous écrire</a></td></tr>
</tbody></table>
<table><tbody><tr><td>
<p>Après quatorze mois de travaux, le marché couvert de Vannes a rouvert samedi matin. Les
commerçants, installés pendant le chantier sous des barnums sur la place voisine, ont retrouvé
leurs étals dès six heures.</p>
<p>La rénovation a coûté 4,8 millions d'euros, dont un tiers apporté par la région. La charpente
d'origine, qui date de 1882, a été conservée et traitée contre les insectes.</p>
<p>Les horaires sont affichés sur <a href="/a">le site de la ville</a> | <a href="/b">la page
du marché</a> | <a href="/c">l'office de tourisme</a> et à l'entrée des halles.</p>
<p>« Nous avons enfin un lieu digne de nos produits », a déclaré une fromagère installée depuis
vingt ans. La mairie prévoit d'ouvrir le marché le dimanche à partir du mois de juin.</p>
</td></tr></tbody></table></body></html>"""


def test_a_menu_line_of_links_is_not_article_text() -> None:
    texts = " ".join(line.text for line in ingest(MENU_PAGE).lines)
    assert "Carnet" not in texts and "Nous écrire" not in texts
    assert "quatorze mois de travaux" in texts and "digne de nos produits" in texts
    # Links with words of the sentence between them are not a menu.
    assert "et à l'entrée des halles" in texts and "office de tourisme" in texts


def test_menu_lines_are_read_in_blocks_with_enough_links_of_their_own() -> None:
    tree = parse_page(
        "<html><body><div><span><a href='/'>Accueil</a></span> · <a href='/s'>Sport</a> · "
        "<b><a href='/m'>Météo</a></b></div>"
        "<div><a href='/a'>Annonces</a> | <a href='/j'>Jeux</a><p><a href='/c'>Contact</a></p>"
        "</div><p>Le club de Lorient a gagné samedi.</p></body></html>"
    )
    assert tree is not None
    # Links nested in inline elements count; a link in a nested block is another line's.
    assert _menu_lines(tree) == {"AccueilSportMétéo"}


def test_a_lone_surrogate_in_text_is_replaced_and_counted_in_the_size() -> None:
    text = FRENCH.replace("piscine", "pis\ud800cine")
    raw = ingest(text)
    assert "pis\ufffdcine" in raw.lines[0].text
    # The surrogate counts as the 3 bytes it would take: the limit is the same as before.
    size = len(text.encode("utf-8", errors="surrogatepass"))
    assert ingest(text, max_bytes=size).lines
    with pytest.raises(InputTooLarge, match=f"input is {size:,} bytes"):
        ingest(text, max_bytes=size - 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le conseil a voté à l'unanimité, jeudi, « sans débat ».", 0),
        # Tab, line feed, form feed and carriage return are text; VT, NUL, ESC, US are not.
        ("Ordre du jour :\t1.\n2.\f3.\r\n", 0),
        ("Budget\x0b2026\x00 : 14 M€\x1b[0m fin\x1f", 4),
        # Characters outside ASCII (their UTF-8 bytes are all above 0x7f) and a lone surrogate.
        ("Crédit 𝄞 \ud800 dû\x01 à Nîmes\x08", 2),
        ("\x7f\x85\u2028 ne sont pas comptés", 0),
    ],
)
def test_control_characters_are_those_below_space_except_layout(text: str, expected: int) -> None:
    assert control_characters(text) == expected
    assert control_characters(text) == len(re.findall(r"[\x00-\x08\x0b\x0e-\x1f]", text))


@pytest.mark.parametrize(
    "text",
    [
        "  Le  maire\ta parlé\u200b\u200b jeudi. ",
        "Quai\f \v nord\n  Quai  sud\u00a0 ",
        "\u200b",
        "\t \t",
        "Rien à changer.",
        "Deux\n\nlignes  \n",
    ],
)
def test_normalise_collapses_horizontal_space_runs_as_the_regex_did(text: str) -> None:
    assert _normalise(text) == re.sub(r"[ \t\f\v\u200b]+", " ", text).strip()


def test_footnote_calls_are_dropped_and_exponents_kept() -> None:
    # A footnote's call read as text glues its number to the word before it (« points1 »);
    # an exponent (m², 1er) is no call: it links to nothing in the page.
    page = PAGE.replace(
        "dont 4 millions financés par la région.",
        'dont 4 millions<a class="note" href="#fn-1"><sup>1</sup></a> financés par la région'
        '<sup><a href="#cite-2">[2]</a></sup>, pour un bassin de 1 250 m<sup>2</sup> rouvert le '
        "1<sup>er</sup> octobre.",
    )
    texts = " ".join(line.text for line in ingest(page).lines)
    assert "dont 4 millions financés par la région, pour un bassin" in texts
    assert "m2 rouvert le 1er octobre" in texts
