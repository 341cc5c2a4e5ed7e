"""HTML extraction (issue 29, item 4): the article's text as trafilatura finds it on the page
string, the text that sits directly in the article element, and our block labels kept."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from essentiel.clean import clean
from essentiel.html_metadata import read_metadata
from essentiel.ingest import ingest, looks_like_html
from essentiel.model import BlockKind

ROOT = Path(__file__).resolve().parents[1]
EVAL_SET = ROOT.parent / "shared" / "eval-data" / "trafilatura-eval" / "trafilatura_eval.jsonl.gz"

PARAGRAPHS = [
    "Le conseil municipal de Villeneuve a adopté mardi soir son budget pour l'année prochaine, "
    "après quatre heures de débats parfois vifs entre la majorité et l'opposition.",
    "La maire, Claire Dumont, a défendu une hausse de 3 % des dépenses d'investissement, "
    "consacrée surtout à la rénovation des écoles et à la piste cyclable du centre.",
    "L'opposition a dénoncé « une fuite en avant » et voté contre, en réclamant un audit des "
    "comptes de la régie des eaux avant la fin du premier trimestre.",
    "Les impôts locaux ne bougeront pas, a promis l'adjoint aux finances, qui a rappelé que le "
    "taux est resté stable depuis six ans malgré l'inflation.",
    "Le prochain conseil se tiendra le 14 janvier, avec à l'ordre du jour le plan local "
    "d'urbanisme et la vente de deux terrains communaux.",
]
TITLE = "Villeneuve adopte son budget après un long débat"


def page(article: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><title>{TITLE}</title>{head}</head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
        f"<article>{article}</article>"
        "<footer>Mentions légales — Contact — Publicité</footer></body></html>"
    )


def texts(html: str) -> list[str]:
    return [line.text for line in ingest(html).lines]


def test_text_directly_in_the_article_element_is_kept() -> None:
    # Paragraphs written straight into <article>, between <p> elements, with inline markup:
    # trafilatura leaves them as loose text in its <main>, which the XML reading dropped.
    article = (
        f"<h1>{TITLE}</h1>\n{PARAGRAPHS[0]}\n<p>{PARAGRAPHS[1]}</p>\n"
        f"{PARAGRAPHS[2][:40]}<em>{PARAGRAPHS[2][40:70]}</em>{PARAGRAPHS[2][70:]}\n"
        f"<p>{PARAGRAPHS[3]}</p>\n{PARAGRAPHS[4]}"
    )
    lines = texts(page(article))
    for paragraph in PARAGRAPHS:
        assert paragraph in lines
    # Each loose run is a paragraph of its own, not glued to its neighbours.
    assert lines.index(PARAGRAPHS[0]) + 1 == lines.index(PARAGRAPHS[1])


def test_a_control_character_in_the_article_no_longer_loses_it() -> None:
    # lxml.html's tree kept the stray control character; trafilatura's XML could not hold it
    # and the whole article was lost (« no article text found »). trafilatura's own loader
    # drops it, as it does when given the page string.
    damaged = list(PARAGRAPHS)
    damaged[2] = damaged[2].replace("un audit", "un\x1d audit")
    lines = texts(page(f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in damaged)))
    assert PARAGRAPHS[2] in lines
    assert PARAGRAPHS[4] in lines


def test_a_page_with_an_encoding_declaration_is_read() -> None:
    # lxml refuses a str that declares its encoding; trafilatura's loader parses its bytes.
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page(
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    assert PARAGRAPHS[1] in texts(html)


def test_a_page_that_opens_on_its_style_block_is_html() -> None:
    html = "<style>\n.article { margin: 0 auto; }\n" + "/* mise en page */\n" * 300 + "</style>"
    html += page("".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    assert looks_like_html(html)
    raw = ingest(html)
    assert raw.source_format == "html"
    assert not any("<p>" in line.text for line in raw.lines)


def test_blocks_are_still_labelled() -> None:
    article = (
        # A chapô in bold, its bold broken around a comma as editors' tools leave it.
        "<p><strong>Les élus ont voté le budget 2026 de la commune par 21 voix contre 8"
        "</strong>,<strong> après une séance tendue.</strong></p>"
        f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
        "<h2>Une opposition divisée</h2>"
        f"<p>{PARAGRAPHS[2]}</p>"
        "<p><b>Les impôts gelés</b></p>"
        f"<p>{PARAGRAPHS[3]}</p><p>Photo d'illustration. Archives municipales</p>"
        f"<p>{PARAGRAPHS[4]}</p>"
    )
    cleaned = clean(ingest(page(article)))
    kinds = {block.span.text: block.kind for block in cleaned.blocks}
    assert cleaned.title == TITLE
    chapo = "Les élus ont voté le budget 2026 de la commune par 21 voix contre 8, après une séance tendue."
    assert kinds[chapo] is BlockKind.PUBLISHER_SUMMARY
    assert kinds["Une opposition divisée"] is BlockKind.SUBHEADING
    assert kinds["Les impôts gelés"] is BlockKind.SUBHEADING
    assert kinds["Photo d'illustration. Archives municipales"] is BlockKind.CAPTION
    for paragraph in PARAGRAPHS:
        assert kinds[paragraph] is BlockKind.BODY


def test_the_headline_printed_again_is_labelled() -> None:
    cleaned = clean(ingest(page(f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))))
    kinds = {block.span.text: block.kind for block in cleaned.blocks}
    assert cleaned.title == TITLE
    assert kinds[TITLE] is BlockKind.HEADLINE_REPEAT


def test_a_standfirst_marked_by_class_is_a_publisher_summary() -> None:
    standfirst = (
        "Après quatre heures de débat, la majorité a fait adopter un budget en hausse de 3 %."
    )
    article = f"<p class='chapo'>{standfirst}</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    cleaned = clean(ingest(page(article)))
    kinds = {block.span.text: block.kind for block in cleaned.blocks}
    assert kinds[standfirst] is BlockKind.PUBLISHER_SUMMARY


def test_the_benchmark_metric_counts_segments() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from extraction import Confusion  # bench/ is not a package

    confusion = Confusion()
    gold = {"with": ["budget pour  l'année", "absent ici"], "without": ["Mentions légales"]}
    assert confusion.add(gold, PARAGRAPHS[0]) == (1, 0, 1, 1)
    assert confusion.add(gold, None) == (0, 0, 2, 1)
    scores = confusion.scores()
    assert scores["precision"] == 1.0 and scores["recall"] == 0.25


@pytest.mark.skipif(not EVAL_SET.exists(), reason="../shared/eval-data/trafilatura-eval absent")
def test_every_page_of_the_evaluation_set_is_recognised_as_html() -> None:
    with gzip.open(EVAL_SET, "rt", encoding="utf-8") as stream:
        pages = [json.loads(line)["html"].lstrip("\ufeff") for line in stream]
    assert all(looks_like_html(html) for html in pages)


@pytest.mark.parametrize(
    "head",
    [
        "<meta property='og:site_name' content='La Gazette de Villeneuve'>"
        "<meta property='article:published_time' content='2025-11-18T19:30:00+01:00'>"
        "<link rel='canonical' href='https://gazette.example.org/politique/budget-2026'>",
        # No metadata: the title element, the URL given.
        "",
        # JSON-LD only (read by essentiel.html_metadata._read_json_ld), one script of another
        # type and one broken script beside it.
        '<script type=\'application/ld+json\'>{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "headline": "Budget 2026 : la ville gèle ses impôts", '
        '"publisher": {"@type": "Organization", "name": "La Gazette"}}</script>'
        "<script type='text/javascript'>var headline = 'autre titre';</script>"
        '<script type=\'application/ld+json\'>{"headline": "Titre cassé", </script>',
    ],
)
def test_metadata_is_what_trafilatura_finds(head: str) -> None:
    html = page(
        "<p>Publié le 18 novembre 2025.</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS), head
    )
    url = "https://gazette.example.org/budget"
    theirs = bare_extraction(html, url=url, with_metadata=True)
    ours = read_metadata(load_html(html), url)
    assert theirs is not None
    # The date is not compared: trafilatura's is htmldate's extensive search, ours is read by
    # essentiel.publication_date (tests/test_publication_date.py).
    assert (ours.title, ours.url, ours.hostname, ours.site_name) == (
        theirs.title,
        theirs.url,
        theirs.hostname,
        theirs.sitename,
    )
