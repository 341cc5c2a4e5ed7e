from __future__ import annotations

from essentiel.clean import clean
from essentiel.ingest import RawDocument, RawLine, ingest
from essentiel.model import BlockKind
from tests.conftest import SEED, needs_shared


def kinds(text: str) -> list[tuple[str, str]]:
    cleaned = clean(ingest(text))
    return [(b.kind.value, b.span.text) for b in cleaned.blocks]


@needs_shared
def test_seed_blocks_are_labelled() -> None:
    cleaned = clean(ingest(SEED.read_bytes()))
    blocks = cleaned.blocks
    assert cleaned.lang == "fr"
    assert [b.kind for b in blocks[:2]] == [BlockKind.PUBLISHER_SUMMARY] * 2
    posts = [b for b in blocks if b.kind is BlockKind.EMBEDDED_POST]
    assert len(posts) == 1 and posts[0].lang == "en"
    assert "pic.twitter.com" in posts[0].span.text
    related = [b.span.text for b in blocks if b.kind is BlockKind.RELATED_LINK]
    assert related[0] == "Lire aussi"
    assert related[1].startswith("Donald Trump fait un rare aveu")
    body = [b.span.text for b in blocks if b.kind is BlockKind.BODY]
    # The scraper's line breaks are repaired: the quote and its cue are one sentence again.
    assert any('espace aérien", a déclaré Volodymyr Zelensky' in t for t in body)
    assert any('renforcer la protection" du ciel ukrainien' in t for t in body)
    assert any('d\'"approfondie", et promis une réunion' in t for t in body)
    assert all(b.lang == "fr" for b in blocks if b.kind is BlockKind.BODY)


def test_clean_text_keeps_every_block_and_offsets_hold() -> None:
    text = (
        "Grève à la SNCF : le trafic perturbé mardi\n"
        "Par Jeanne Martin\n"
        "Le trafic sera très perturbé mardi sur l'ensemble du réseau, a annoncé la direction.\n"
        "LIRE AUSSI : Les syndicats appellent à une nouvelle journée de mobilisation\n"
        "Seul un TGV sur trois circulera, selon les prévisions de la SNCF publiées lundi soir.\n"
        "Photo : des voyageurs sur un quai de la gare de Lyon, lundi.\n"
    )
    cleaned = clean(ingest(text))
    got = [(b.kind, b.span.text) for b in cleaned.blocks]
    assert got[0] == (BlockKind.HEADLINE, "Grève à la SNCF : le trafic perturbé mardi")
    assert got[1] == (BlockKind.BYLINE, "Par Jeanne Martin")
    assert got[3][0] is BlockKind.RELATED_LINK
    assert got[5][0] is BlockKind.CAPTION
    assert [k for k, _ in got].count(BlockKind.BODY) == 2
    assert cleaned.title == "Grève à la SNCF : le trafic perturbé mardi"
    for block in cleaned.blocks:
        assert cleaned.text[block.span.start : block.span.end] == block.span.text


def test_par_ailleurs_is_not_a_byline() -> None:
    text = (
        "Le conseil municipal a voté le budget mardi soir après quatre heures de débat.\n"
        "Par ailleurs, la maire a confirmé la rénovation de l'école Jules-Ferry.\n"
    )
    assert all(kind == "body" for kind, _ in kinds(text))


def test_english_markers_and_post_on_its_own_lines() -> None:
    text = (
        "The mayor announced on Monday that the bridge would reopen in June after repairs.\n"
        "Related: City budget faces a $20 million shortfall\n"
        "Bridge reopening in June! Thank you to all the crews who worked through the winter.\n"
        "— City of Portmere (@PortmereCity) March 3, 2025\n"
        "The repairs cost $4.2 million, officials said.\n"
    )
    got = kinds(text)
    assert got[1][0] == "related_link"
    assert got[2][0] == "embedded_post"  # the post's text, above its signature
    assert got[3][0] == "embedded_post"
    assert got[4][0] == "body"


def test_markers_are_language_data() -> None:
    from essentiel import resources

    fr = resources.language("fr").blocks
    assert fr.related_marker_line is not None and fr.related_marker_line.match("À lire aussi")
    assert fr.related_marker_line.match("LIRE AUSSI :")
    en = resources.language("en").blocks
    assert en.related_marker_line is not None and en.related_marker_line.match("Read more")


def test_bold_lead_paragraph_is_publisher_summary() -> None:
    raw = RawDocument(
        lines=[
            RawLine("Orange avec AFP, publié le lundi 03 mars 2025 à 10h00", paragraph_start=True),
            RawLine(
                "Le Parlement a adopté lundi la réforme des retraites par 289 voix contre 270.",
                paragraph_start=True,
                bold=True,
            ),
            RawLine("Le texte avait été profondément remanié en commission la semaine dernière."),
        ],
        source_format="html",
    )
    blocks = clean(raw).blocks
    assert [b.kind for b in blocks] == [
        BlockKind.BYLINE,
        BlockKind.PUBLISHER_SUMMARY,
        BlockKind.BODY,
    ]


def test_line_break_repair_rules() -> None:
    text = (
        "Selon le ministère, le nombre de demandeurs d'emploi a baissé de 2,1 %\n"
        "au troisième trimestre, une première depuis deux ans.\n"
        '"Nous sommes sur la bonne voie"\n'
        ", a réagi la ministre du Travail.\n"
        "Les syndicats restent prudents.\n"
    )
    body = [t for k, t in kinds(text) if k == "body"]
    assert body == [
        "Selon le ministère, le nombre de demandeurs d'emploi a baissé de 2,1 % "
        "au troisième trimestre, une première depuis deux ans.",
        '"Nous sommes sur la bonne voie", a réagi la ministre du Travail.',
        "Les syndicats restent prudents.",
    ]


def test_html_intertitle_is_not_glued_to_the_next_paragraph() -> None:
    page = (
        "<html><body><article><p>La candidate a terminé loin derrière la maire sortante, réélue "
        "avec 48,7 % des voix dimanche soir à Paris.</p><p>Campagne chaotique</p><p>L'ancienne "
        "ministre était entrée en cours de route dans la course, après le retrait de son "
        "prédécesseur.</p><p>Selon le quotidien italien</p><p><i>Corriere della Sera</i>, la "
        "décision a été prise lundi soir par le conseil des ministres.</p></article></body></html>"
    )
    body = [b.span.text for b in clean(ingest(page)).blocks if b.kind is BlockKind.BODY]
    assert "Campagne chaotique" in body
    assert any(
        t.startswith("Selon le quotidien italien Corriere della Sera, la décision") for t in body
    )


def test_text_opening_with_a_dash_is_not_lost() -> None:
    one_paragraph = (
        "- La scène s'est déroulée mardi à l'issue d'un meeting à Strasbourg. Le maire, interrogé "
        "avec insistance par une journaliste, a refusé de répondre et a quitté la salle sous les "
        "huées de plusieurs militants venus l'interpeller sur la réforme des retraites."
    )
    assert [k for k, _ in kinds(one_paragraph)] == ["body"]
    short_box_only = "- Le maire a quitté la salle.\n- Les militants ont protesté."
    assert [k for k, _ in kinds(short_box_only)] == ["body", "body"]
