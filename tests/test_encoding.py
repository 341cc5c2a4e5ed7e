"""Decoding never guesses a whole file wrong: damaged UTF-8 stays UTF-8, legacy charsets are
read as such, and a digest of text decoded wrong says so."""

from __future__ import annotations

import random

import pytest

from essentiel import Pipeline
from essentiel.encoding import decode_bytes, mojibake
from essentiel.ingest import decode

ARTICLE = (
    "Le conseil municipal de Quimper a voté mardi soir la rénovation de la halle Saint-François, "
    "fermée depuis l'incendie de février. Les travaux, estimés à 3,2 millions d'euros, "
    "débuteront à l'automne et dureront dix-huit mois, a précisé l'adjointe chargée du "
    "patrimoine.\n\n"
    "« Nous avons choisi de garder la charpente d'origine, c'est l'âme du bâtiment », a "
    "déclaré la maire, Hélène Le Goff, devant une cinquantaine de commerçants venus assister à "
    "la séance. Les étals provisoires installés place Terre-au-Duc resteront en service "
    "jusqu'à la réouverture.\n\n"
    "L'opposition a dénoncé un coût « démesuré » et réclamé une étude indépendante. Selon elle, "
    "la facture pourrait dépasser quatre millions d'euros si les fondations se révèlent "
    "fragilisées. La majorité a répondu que l'expertise menée en été n'avait relevé aucun "
    "désordre structurel.\n\n"
    "Les commerçants, eux, attendent surtout une date : beaucoup disent avoir perdu près d'un "
    "tiers de leur chiffre d'affaires depuis le déménagement. La chambre de commerce évoque "
    "une aide exceptionnelle, dont le montant sera connu début décembre.\n"
)


def damaged(text: str, bad_bytes: int, seed: int = 29) -> bytes:
    """The text's UTF-8 with ``bad_bytes`` bytes that are invalid in UTF-8: a stray
    continuation byte, a lead byte cut from its sequence, or 0xFF."""
    data = bytearray(text.encode("utf-8"))
    rng = random.Random(seed)
    ascii_positions = [i for i, b in enumerate(data) if b == 0x20]
    for position in sorted(rng.sample(ascii_positions, bad_bytes), reverse=True):
        data[position:position] = rng.choice([b"\xa9", b"\xc3", b"\xff", b"\x9d"])
    return bytes(data)


@pytest.mark.parametrize("bad_bytes", [1, 6, 100])
def test_utf8_with_bad_bytes_stays_utf8(bad_bytes: int) -> None:
    text = decode(damaged(ARTICLE, bad_bytes))
    assert text.count("\ufffd") == bad_bytes
    assert text.replace("\ufffd", "") == ARTICLE
    assert mojibake(text) == []


@pytest.mark.parametrize("charset", ["latin-1", "cp1252"])
def test_legacy_charsets_are_read(charset: str) -> None:
    text = ARTICLE.replace("’", "'") if charset == "latin-1" else ARTICLE + "Le « off » — enfin…\n"
    assert decode(text.encode(charset)) == text


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("Élu à Brest, il a démissionné hier soir après un vote très serré.", "cp1252"),
        ("Ça coûte 12 € — c'est « cher », a-t-il lâché.", "cp1252"),
        ("Мэр объявил в четверг о закрытии городского бассейна на ремонт.", "cp1251"),
    ],
)
def test_a_short_legacy_text_is_not_read_as_a_neighbour_charset(text: str, charset: str) -> None:
    assert decode(text.encode(charset)) == text


def test_a_legacy_paragraph_in_a_utf8_file_is_read_as_cp1252() -> None:
    paragraphs = ARTICLE.split("\n\n")
    data = "\n\n".join(paragraphs[:2]).encode("utf-8") + b"\n\n"
    data += "\n\n".join(paragraphs[2:]).encode("cp1252")
    assert decode(data) == ARTICLE


def test_a_declared_charset_is_used_when_there_is_no_utf8() -> None:
    page = (
        '<html><head><meta charset="iso-8859-15"><title>Œuvres</title></head><body>'
        "<p>La fondation a reçu 120 œuvres, a indiqué sa directrice.</p></body></html>"
    )
    assert decode_bytes(page.encode("iso-8859-15")) == page


def test_mojibake_pairs_are_found() -> None:
    assert mojibake(ARTICLE) == []
    wrong = ARTICLE.encode("utf-8").decode("cp1252", errors="replace")
    assert {"Ã©", "Â«"} <= set(mojibake(wrong))
    assert mojibake("l’élu".encode().decode("cp1252")) == ["â€™", "Ã©"]
    assert mojibake("annoncĂŠ jeudi, ÂŤ Nous") == ["ĂŠ", "ÂŤ"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_damaged_utf8_digests_to_correct_french_with_a_notice(pipeline: Pipeline) -> None:
    digest = pipeline.digest(damaged(ARTICLE, 6))
    assert "réouverture" in digest.article.text and "Hélène Le Goff" in digest.article.text
    assert mojibake(digest.article.text) == []
    codes = {n.code for n in digest.notices}
    assert "replacement_characters" in codes
    for point in digest.keypoints:
        assert mojibake(point.text) == []


def test_mojibake_in_the_text_gives_a_notice(pipeline: Pipeline) -> None:
    wrong = ARTICLE.encode("utf-8").decode("cp1252", errors="replace")
    digest = pipeline.digest(wrong)
    notice = next(n for n in digest.notices if n.code == "mojibake")
    assert "Ã©" in notice.message
    clean = pipeline.digest(ARTICLE)
    assert not {"mojibake", "replacement_characters"} & {n.code for n in clean.notices}
