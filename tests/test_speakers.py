"""Who said it: the speaker errors issue 32 lists, each on original French text we write."""

from __future__ import annotations

import datetime as dt

from essentiel.model import Digest, Quote
from essentiel.pipeline import Pipeline


def _digest(pipe: Pipeline, text: str) -> Digest:
    return pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))


def _speaker(digest: Digest, start: str) -> str | None:
    found: list[Quote] = [q for q in digest.quotes if q.content.text.startswith(start)]
    assert len(found) == 1, [q.content.text for q in digest.quotes]
    return found[0].speaker_name


def test_a_feminine_pronoun_is_not_the_man_quoted_before(pipeline: Pipeline) -> None:
    text = (
        "Le maire, Paul Girard, a présenté mardi le budget de la commune. "
        "« Nous ne toucherons pas aux impôts locaux », a déclaré Paul Girard devant le conseil. "
        "La préfète du Finistère, Sophie Lemaire, a salué un effort de rigueur. "
        "« C'est un budget sérieux et prudent », a-t-elle ajouté."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Nous ne toucherons") == "Paul Girard"
    assert _speaker(digest, "C'est un budget") == "Sophie Lemaire"


def test_a_role_with_its_complement_is_tied_to_the_name_in_apposition(
    pipeline: Pipeline,
) -> None:
    # « la procureure » must not go to the man named just before it.
    text = (
        "« Le suspect a quitté le pays en 2019 », a expliqué la procureure de la République de "
        "Brest, Anne Kervella. L'avocat du suspect, Marc Dubreuil, conteste cette version des "
        "faits. « Rien dans le dossier ne permet de le dire », a répliqué Marc Dubreuil. "
        "« Les enquêteurs disposent de preuves solides », a ajouté la procureure."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Le suspect a quitté") == "Anne Kervella"
    assert _speaker(digest, "Les enquêteurs disposent") == "Anne Kervella"


def test_a_role_tied_by_proximity_does_not_pull_the_next_one_along(pipeline: Pipeline) -> None:
    # The first « la ministre » has no evidence: it may go to the nearest person, but that
    # guess must not make the second one, after Hélène Corbin is named, follow it.
    text = (
        "Le médecin Julien Roussel a estimé que les écoles devaient rester ouvertes. "
        "« Fermer les classes serait une erreur », a déclaré la ministre mardi. "
        "Hélène Corbin, ministre du Travail, a présenté un plan pour les entreprises. "
        "« Le télétravail reste la règle dans les bureaux », a précisé la ministre."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Le télétravail reste") == "Hélène Corbin"


def test_a_document_speaks_for_whoever_issued_it(pipeline: Pipeline) -> None:
    text = (
        "Selon un communiqué du ministère de l'Agriculture, trois cents exploitations sont "
        "touchées par la sécheresse dans le département. "
        "La Fédération nationale des pêcheurs a publié lundi son bilan annuel. "
        "« La saison est perdue pour la moitié des équipages », conclut le communiqué."
    )
    digest = _digest(pipeline, text)
    issuer = _speaker(digest, "trois cents exploitations")
    assert issuer is not None and "ministère de l'Agriculture" in issuer
    assert "communiqué" not in issuer
    closing = _speaker(digest, "La saison est perdue")
    assert closing is not None and "communiqué" not in closing


def test_a_relative_pronoun_speaks_for_its_antecedent(pipeline: Pipeline) -> None:
    text = (
        "Les manifestants ont croisé le ministre de l'Intérieur, qui a affirmé que les "
        "violences cesseraient rapidement."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "les violences cesseraient") == "le ministre de l'Intérieur"


def test_things_are_not_speakers(pipeline: Pipeline) -> None:
    text = (
        "La société Armor Transports refuse de payer les pénalités. "
        "Sa plainte affirme que les clauses de livraison ont été violées à plusieurs reprises."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "les clauses de livraison") is None
