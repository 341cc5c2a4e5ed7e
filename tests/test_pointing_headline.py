"""A demonstrative whose noun the headline introduces: the definite article in brackets
instead of a refusal (issue 33, item 3; nineteenth session). « Ce petit garçon de 2 ans est
tombé ... » points back, yet the reader of the box has just read « ... un petit garçon tombé
dans un puits » above it: the bullet reads « [Le] petit garçon de 2 ans est tombé ... », the
one word the editor changed in brackets, checked by the verifier. Original sentences."""

from __future__ import annotations

from dataclasses import replace

from essentiel import resources
from essentiel.analyze import ParsedSentence, pipeline, sentences_of
from essentiel.check.verifier import Insertion, Verifier, check_article, definite_for
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.pointing import headline_article_repair
from essentiel.keypoints.standalone import _article_insertion
from essentiel.model import CheckKind, Span
from essentiel.pipeline import Pipeline, Settings

TITLE = "Ardèche : une chèvre coincée sur une corniche sauvée par les pompiers"
BODY = (
    "Les sapeurs-pompiers de l'Ardèche sont intervenus mardi au-dessus des gorges.\n\n"
    "Cette chèvre de quatre ans était bloquée depuis trois jours sur une corniche à quarante "
    "mètres du sol, près du village de Balazuc.\n\n"
    "Un randonneur avait donné l'alerte en entendant ses cris depuis le sentier.\n\n"
    "Deux hommes du groupe de montagne sont descendus en rappel pour la hisser dans un "
    "harnais.\n\n"
    "L'animal a été rendu à son éleveur, qui le cherchait depuis samedi.\n\n"
    "Les pompiers rappellent qu'il ne faut jamais tenter soi-même ce genre de sauvetage."
)


def _repair(title: str, body: str, index: int) -> tuple[str, str] | None:
    """The bracket and the source's words it replaces for sentence ``index`` of ``body``."""
    sentences, offset = [], 0
    for k, block in enumerate(body.split("\n\n")):
        spans = sentences_of(pipeline("fr")(block))
        sentences.extend(ParsedSentence(k, offset, span, "fr") for span in spans)
        offset += len(block) + 2
    repair = headline_article_repair(index, sentences, "fr", title, body)
    return None if repair is None else (repair.mark, body[repair.start : repair.end])


def _box(on: bool, title: str = TITLE, body: str = BODY) -> list[str]:
    settings = Settings()
    keypoints = replace(settings.keypoints, headline_article=on)
    digest = Pipeline(replace(settings, keypoints=keypoints)).digest(body, lang="fr", title=title)
    assert all(point.verdict.passed for point in digest.keypoints)
    return [point.text for point in digest.keypoints]


def test_a_demonstrative_the_headline_introduces_becomes_the_definite_article() -> None:
    assert _repair(TITLE, BODY, 1) == ("[La]", "Cette")
    before = _box(False)
    after = _box(True)
    assert not any("chèvre de quatre ans" in text for text in before)
    assert any(text.startswith("[La] chèvre de quatre ans était bloquée") for text in after)


def test_the_article_is_elided_before_a_vowel() -> None:
    title = "Nantes : une exposition de maquettes de navires attire les foules"
    body = (
        "Le musée portuaire accueille depuis samedi des milliers de visiteurs.\n\n"
        "Cette exposition inédite présente quarante maquettes construites par des marins "
        "retraités."
    )
    assert _repair(title, body, 1) == ("[L']", "Cette ")
    body = body.replace("Cette exposition inédite", "Cet ancien hangar")
    title = title.replace("une exposition de maquettes", "un ancien hangar")
    assert _repair(title, body, 1) == ("[L']", "Cet ")


def test_no_article_for_a_noun_the_headline_does_not_say_nor_a_time() -> None:
    title = "Ardèche : une chèvre coincée sur une corniche sauvée par les pompiers"
    body = (
        "Les sapeurs-pompiers de l'Ardèche sont intervenus mardi au-dessus des gorges.\n\n"
        "Cette opération de sauvetage a mobilisé deux hommes du groupe de montagne."
    )
    assert _repair(title, body, 1) is None
    # The same stem is not the same word: « gratuité » under « gratuite ».
    title = "Ardèche : la cantine gratuite pour les écoliers de Privas"
    body = (
        "Le conseil municipal a voté lundi soir la mesure.\n\n"
        "Cette gratuité coûtera 80.000 euros par an à la commune."
    )
    assert _repair(title, body, 1) is None
    # One of several the headline announced is not « the » one.
    title = "Vannes : des chevreuils aperçus dans le centre-ville"
    body = (
        "Plusieurs habitants ont alerté la police municipale dimanche matin.\n\n"
        "Ce chevreuil a été repoussé vers la forêt par les agents de l'Office de la biodiversité."
    )
    assert _repair(title, body, 1) is None
    assert _repair(title.replace("des chevreuils aperçus", "un chevreuil aperçu"), body, 1)
    title = "Grève des contrôleurs : mardi noir dans les gares"
    body = (
        "Les syndicats ont confirmé leur appel à la grève.\n\n"
        "Ce mardi sera la journée la plus difficile pour les voyageurs, selon la direction."
    )
    assert _repair(title, body, 1) is None


def test_no_article_when_the_sentence_before_names_another_one() -> None:
    title = "Rennes : la consultation des kinésithérapeutes passera à 20 euros"
    body = (
        "Les kinésithérapeutes pourront aussi assurer la première consultation de prévention "
        "des chutes chez les personnes âgées.\n\n"
        "Cette consultation sera facturée 30 euros par les praticiens libéraux."
    )
    assert _repair(title, body, 1) is None
    body = body.replace("la première consultation de prévention des chutes", "des bilans")
    assert _repair(title, body, 1) == ("[La]", "Cette")


def test_no_article_in_someone_s_words_nor_before_an_h() -> None:
    title = "Lyon : une hausse des loyers de 4 % dénoncée par les locataires"
    body = (
        "Le bailleur social a annoncé la mesure lundi.\n\n"
        "Cette hausse touchera près de 3.000 logements du quartier de la Duchère."
    )
    assert _repair(title, body, 1) is None  # « la hausse » or « l'h... »: not known
    assert definite_for("ce", "héros", "fr") == "le"  # a mute « h » would take « cet »
    title = "Ardèche : une chèvre coincée sur une corniche sauvée par les pompiers"
    body = (
        "Les sapeurs-pompiers de l'Ardèche sont intervenus mardi.\n\n"
        '"Cette chèvre était épuisée et déshydratée", a raconté le lieutenant Paul Vidal.'
    )
    assert _repair(title, body, 1) is None


def test_the_verifier_checks_the_bracketed_article() -> None:
    source_text = "Cette chèvre de quatre ans était bloquée sur une corniche."
    source = Span(start=0, end=len(source_text), text=source_text)
    replaced = Span(start=0, end=5, text="Cette")
    noun = Span(start=6, end=12, text="chèvre")
    verifier = Verifier(resources.language("fr"))

    def verdict(article: str, bullet: str) -> bool:
        insertion = Insertion(replaced=replaced, names=(article,), evidence=noun, kind="article")
        return verifier.verify(bullet, [source], [insertion]).passed

    good = "[La] chèvre de quatre ans était bloquée sur une corniche."
    assert verdict("La", good)
    # The verdict lists the check, its evidence the source's words from the demonstrative to
    # the noun (schema 1.6), from which the insertion is read back for a later re-check (a
    # day's or a name's bracket added to the same bullet).
    insertion = Insertion(replaced=replaced, names=("La",), evidence=noun, kind="article")
    checks = verifier.verify(good, [source], [insertion]).checks
    article = [c for c in checks if c.kind == CheckKind.ARTICLE]
    assert len(article) == 1 and article[0].found and article[0].evidence is not None
    assert article[0].evidence.text == "Cette chèvre"
    back = _article_insertion("La", article[0].evidence)
    assert (back.replaced, back.evidence) == (replaced, noun)
    assert verifier.verify(good, [source], [back]).passed
    # The wrong article, or another noun after it, fails.
    assert not verdict("Le", good.replace("[La]", "[Le]"))
    assert not verdict("La", "[La] brebis de quatre ans était bloquée sur une corniche.")
    insertion = Insertion(replaced=replaced, names=("Les",), evidence=noun, kind="article")
    assert not check_article(insertion, "[Les] chèvre de quatre ans", "fr")


def test_no_article_for_a_person_under_a_headline_that_names_one() -> None:
    title = "Montélimar : une infirmière de 52 ans élue maire"
    body = (
        "Le conseil municipal s'est réuni samedi matin.\n\n"
        "Cette infirmière de 52 ans a été élue au premier tour avec 24 voix sur 33."
    )
    assert _repair(title, body, 1) == ("[L']", "Cette ")
    sentences = [ParsedSentence(0, 0, s, "fr") for s in sentences_of(pipeline("fr")(body))]
    index = next(k for k, s in enumerate(sentences) if s.text.startswith("Cette"))
    repair = headline_article_repair(index, sentences, "fr", title, body, title_person=True)
    assert repair is None  # « Cette infirmière » is the person the headline names


def test_a_name_is_introduced_on_a_bullet_with_an_article() -> None:
    # The article's check is read back off the verdict (``insertions_of``): the surname's
    # full name, bracketed after the box is made, is verified with it, not refused.
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead")
    title = "Isère : un petit garçon de 2 ans tombé dans un puits sauvé par les pompiers"
    body = (
        "Comment le capitaine Paul Morand a-t-il réussi ce sauvetage ?\n\n"
        "Ce petit garçon de 2 ans est tombé dans un puits de six mètres à Voiron avant d'être "
        "remonté par M. Morand, a indiqué la préfecture.\n\n"
        "Il a été transporté à l'hôpital de Grenoble."
    )
    points = Pipeline(Settings(keypoints=settings)).digest(body, lang="fr", title=title).keypoints
    texts = [p.text for p in points]
    assert any(t.startswith("[Le] petit garçon") and "[Paul Morand]" in t for t in texts), texts
    assert all(p.verdict.passed for p in points)
