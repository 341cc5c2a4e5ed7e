"""Names the tagger misses or leaves apart: courtesy titles (« M. Despaux », « Mme Lorin ») tied
to the person of that surname named last, of the title's gender, and a name right after an
inverted speech verb kept as a person. Original French sentences we write."""

from __future__ import annotations

import datetime as dt

from essentiel.model import Digest, EntityKind
from essentiel.pipeline import Pipeline


def _digest(pipe: Pipeline, text: str) -> Digest:
    return pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))


def _owner(digest: Digest, surface: str) -> str | None:
    """The entity one mention of ``surface`` (its first occurrence) belongs to."""
    start = digest.article.text.index(surface)
    for entity in digest.entities:
        for m in entity.mentions:
            if m.span.start <= start < m.span.end:
                return entity.name
    return None


def test_a_title_and_surname_join_the_full_name_named_before(pipeline: Pipeline) -> None:
    text = (
        "Le viticulteur Bertrand Despaux, président de la coopérative de Cadillac, a reçu le "
        "ministre mardi. Selon M. Despaux, la récolte a baissé d'un tiers en deux ans."
    )
    digest = _digest(pipeline, text)
    assert _owner(digest, "Despaux, la") == "Bertrand Despaux"


def test_mme_goes_to_the_woman_of_that_surname_not_the_man_named_last(pipeline: Pipeline) -> None:
    text = (
        "Julie Lorin est devenue directrice du refuge en 2015. "
        "Son frère, Marc Lorin, s'occupe des chevaux recueillis l'hiver dernier. "
        "Mme Lorin a demandé une aide de la région pour agrandir les écuries."
    )
    digest = _digest(pipeline, text)
    assert _owner(digest, "Lorin a demandé") == "Julie Lorin"


def test_m_goes_to_the_man_of_that_surname_not_the_woman_named_last(pipeline: Pipeline) -> None:
    text = (
        "Marc Lorin est né à Quimper en 1968 et a repris la ferme familiale. "
        "Julie Lorin, sa sœur, a ouvert le refuge en 2015. "
        "M. Lorin a expliqué que les écuries étaient trop petites."
    )
    digest = _digest(pipeline, text)
    assert _owner(digest, "Lorin a expliqué") == "Marc Lorin"


def test_a_bare_title_is_no_name(pipeline: Pipeline) -> None:
    text = (
        "L'astronome Hélène Vautrin a publié ses mesures jeudi. "
        "Le Pr Vautrin « espère avoir écarté toutes les autres explications », selon son équipe."
    )
    digest = _digest(pipeline, text)
    assert all(e.name not in {"Pr", "Pr."} for e in digest.entities)


def test_a_name_after_an_inverted_speech_verb_is_a_person(pipeline: Pipeline) -> None:
    text = (
        "La digue a cédé dans la nuit de samedi à dimanche. "
        "« L'eau est montée de quarante centimètres en une heure », a déclaré Gwenaël Kerbiriou, "
        "maire de Plouzévet."
    )
    digest = _digest(pipeline, text)
    people = [e for e in digest.entities if e.kind is EntityKind.PERSON]
    assert any(e.name == "Gwenaël Kerbiriou" for e in people), [
        (e.kind, e.name) for e in digest.entities
    ]
    quote = next(q for q in digest.quotes if q.content.text.startswith("L'eau"))
    assert quote.speaker_name == "Gwenaël Kerbiriou"


def test_a_name_with_a_role_in_apposition_is_a_person(pipeline: Pipeline) -> None:
    text = (
        "Les pompiers ont évacué quarante maisons dimanche. "
        "Yannig Le Goarnig, maire de Plouzévet, a ouvert la salle des fêtes aux sinistrés."
    )
    digest = _digest(pipeline, text)
    assert _owner(digest, "Goarnig") is not None
    owner = next(e for e in digest.entities if e.name == _owner(digest, "Goarnig"))
    assert owner.kind is EntityKind.PERSON
