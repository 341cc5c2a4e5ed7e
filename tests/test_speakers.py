"""Who said it: the speaker errors issue 32 lists, each on original French text we write."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel.model import Digest, Entity, EntityKind, Quote
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


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # A charge is what someone holds, not who holds it.
        (
            "Le maire de Vannes, Hervé Guillou, conteste toute faute. Les accusations affirment "
            "qu'il a favorisé une entreprise de son frère lors de trois marchés publics.",
            "il a favorisé",
        ),
        # A fire reports nothing.
        (
            "Un entrepôt a brûlé dans la nuit à Brest. Selon l'incendie, « les flammes ont "
            "atteint le toit en quelques minutes à peine ».",
            "les flammes",
        ),
        # A lead (or none) is what the police follow, not someone who speaks.
        (
            "Les enquêteurs cherchent toujours le conducteur. Aucune piste ne permet de dire que "
            "le chauffard connaissait la victime avant le drame.",
            "le chauffard",
        ),
    ],
)
def test_events_charges_and_leads_are_not_speakers(
    pipeline: Pipeline, text: str, start: str
) -> None:
    assert _speaker(_digest(pipeline, text), start) is None


# ---- issue 32, items 2–4: the ranking over candidates, descriptions, kinds ------------------


def _entity(digest: Digest, name: str) -> Entity:
    found = [e for e in digest.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.kind) for e in digest.entities]
    return found[0]


def test_a_description_stands_for_the_person_the_text_described_so(pipeline: Pipeline) -> None:
    # « le sénateur » is the man introduced as one, not the minister named after him.
    text = (
        "Philippe Marchal, sénateur de la Manche, a écrit au ministre de l'Intérieur, "
        "Arnaud Ferrand. Il réclame une protection pour les maires agressés. "
        "Arnaud Ferrand n'a pas encore répondu à ce courrier envoyé jeudi. "
        "« Les maires ne peuvent pas rester seuls face à la violence », a souligné le "
        "sénateur."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les maires ne peuvent") == "Philippe Marchal"


def test_a_description_continues_the_person_quoted_before(pipeline: Pipeline) -> None:
    text = (
        "« Nous allons vers un hiver difficile », a déclaré Hans Verbeke lors d'une conférence "
        "de presse à Copenhague. « Les hôpitaux doivent se préparer dès maintenant », a "
        "ajouté le médecin belge."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les hôpitaux doivent") == "Hans Verbeke"


def test_an_outlet_description_stands_for_the_outlet(pipeline: Pipeline) -> None:
    # A gazetteer entry makes « Voici » an organisation (not the adverb) and an outlet, which
    # « le magazine » may stand for.
    text = (
        "Déjà en août, Voici évoquait la rupture du couple. "
        "Le magazine affirme que la chanteuse aurait quitté Paris pour la Bretagne."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "la chanteuse aurait quitté") == "Voici"


def test_the_inverted_subject_of_an_incise_after_a_complement(pipeline: Pipeline) -> None:
    # « à l'AFP » is who was told; the speaker is the name after it.
    text = (
        "Le tribunal a tranché en faveur des militants. "
        "« C'est une très belle victoire pour nous tous », a déclaré sur Twitter Yannick "
        "Morvan, chef de file des écologistes bretons. "
        "« Nous avons dû inventer une autre manière d'enseigner aux enfants », explique à "
        "l'AFP Ravi Kulkarni, un instituteur du village."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "C'est une très belle") == "Yannick Morvan"
    assert _speaker(digest, "Nous avons dû inventer") == "Ravi Kulkarni"


def test_a_pronoun_is_not_a_name_inside_the_quotes(pipeline: Pipeline) -> None:
    text = (
        "Karim Haddad a présenté mardi son premier roman à Lyon. "
        "« Mon ami Lucas Bernard m'a poussé à écrire pendant le confinement », a-t-il "
        "raconté devant une salle comble."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Mon ami Lucas") == "Karim Haddad"


def test_a_pronoun_is_not_the_complement_of_another_noun(pipeline: Pipeline) -> None:
    # « l'assistant de Sébastien Morel »: Morel is named last, but Lenoir is the subject.
    text = (
        "Hugo Lenoir, l'assistant parlementaire de Sébastien Morel, dément ces accusations. "
        "« Cette vidéo est un pur montage et je porterai plainte », a-t-il affirmé."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Cette vidéo est") == "Hugo Lenoir"


def test_a_release_speaks_for_the_body_quoted_before(pipeline: Pipeline) -> None:
    text = (
        "« Les forces de l'ordre ont été prises à partie par des casseurs », a précisé la "
        "préfecture. « Aucun blessé grave n'est à déplorer à cette heure », conclut le "
        "communiqué."
    )
    digest = _digest(pipeline, text)
    closing = _speaker(digest, "Aucun blessé grave")
    assert closing is not None and "préfecture" in closing


def test_an_entity_lists_its_roles_with_their_evidence(pipeline: Pipeline) -> None:
    text = (
        "Philippe Marchal, sénateur de la Manche, a écrit au gouvernement mardi. "
        "« Les maires sont en danger », a souligné le sénateur."
    )
    digest = _digest(pipeline, text)
    roles = _entity(digest, "Philippe Marchal").roles
    assert [r.role for r in roles] == ["senateur"]
    evidence = roles[0].evidence
    assert evidence.text.startswith("sénateur de la Manche")
    assert digest.article.text[evidence.start : evidence.end] == evidence.text


def test_a_known_organisation_is_not_a_place_nor_merged_into_one(pipeline: Pipeline) -> None:
    text = (
        "Météo-France a placé douze départements en vigilance orange. "
        "Air France a annulé une trentaine de vols au départ de Nice. "
        "La France entière suit l'épisode, a indiqué franceinfo, citant France Info Bretagne."
    )
    digest = _digest(pipeline, text)
    assert _entity(digest, "Météo-France").kind is EntityKind.ORGANISATION
    airline = _entity(digest, "Air France")
    assert airline.kind is EntityKind.ORGANISATION
    assert all(m.span.text != "France" for m in airline.mentions)


def test_a_name_goes_on_through_a_hyphen_the_tagger_stopped_at(pipeline: Pipeline) -> None:
    text = "Le Théâtre du Rond-Point a annoncé la reprise de ses spectacles en septembre."
    digest = _digest(pipeline, text)
    assert _entity(digest, "Théâtre du Rond-Point").name == "Théâtre du Rond-Point"


def test_a_name_opened_by_a_body_noun_is_a_body(pipeline: Pipeline) -> None:
    # The tagger reads « Cirque du Soleil » and « Compagnie des Alpes » as places; their first
    # noun says they are bodies. A person keeps the tagger's kind.
    text = (
        "Le Cirque du Soleil a annoncé lundi la suppression de 2.000 postes. Selon un "
        "communiqué du Cirque du Soleil, les tournées reprendront en 2021. La Compagnie des "
        "Alpes a annoncé la fermeture de deux parcs. Marc Office a salué la décision."
    )
    digest = _digest(pipeline, text)
    assert _entity(digest, "Cirque du Soleil").kind is EntityKind.ORGANISATION
    assert _entity(digest, "Compagnie des Alpes").kind is EntityKind.ORGANISATION
    assert _entity(digest, "Marc Office").kind is EntityKind.PERSON


def test_a_sentence_opener_is_no_name(pipeline: Pipeline) -> None:
    # « Rester » opens a sentence inside the quote: no entity, so no speaker for « il ».
    text = (
        "« Je regarde les leçons peintes sur les murs du village », raconte Yash Patil, 13 "
        "ans. « Mes amis me manquent beaucoup. Rester à la maison, c'est ennuyeux », "
        "poursuit-il."
    )
    digest = _digest(pipeline, text)
    assert all(not e.name.startswith("Rester") for e in digest.entities)
    assert _speaker(digest, "Mes amis me manquent") == "Yash Patil"


def test_a_quote_without_a_speech_verb_goes_to_the_subject_of_its_clause(
    pipeline: Pipeline,
) -> None:
    # No cue: the quote is the object of « espère »; the subject, not the person quoted
    # three sentences before, said it.
    text = (
        "« La découverte reste fragile », a prévenu Paul Girard, astronome à Lyon. "
        "L'équipe de Claire Vasseur a publié ses mesures lundi. "
        "La professeure Claire Vasseur « espère avoir écarté toutes les autres explications "
        "possibles » avant de conclure."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "espère avoir écarté") == "Claire Vasseur"


def test_a_union_description_stands_for_the_union(pipeline: Pipeline) -> None:
    text = (
        "La FNSEA a salué jeudi les annonces du ministre de l'Agriculture. "
        "« C'est un soutien tangible pour les producteurs de fruits cette année », estime le "
        "syndicat majoritaire dans un communiqué."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "C'est un soutien") == "FNSEA"


def test_an_inverted_subject_after_a_courtesy_title_or_untyped(pipeline: Pipeline) -> None:
    # The point of « M. » ends no clause; a name the tagger could not type still speaks.
    text = (
        "Le Défenseur des droits a publié son rapport annuel mardi. "
        "« Reconnaître une faute, c'est construire de la confiance », abonde M. Toubin. "
        "« Nous avons peint les leçons sur les murs du village », explique à l'AFP Ram "
        "Gaikwad, un enseignant de 47 ans."
    )
    digest = _digest(pipeline, text)
    toubin = _speaker(digest, "Reconnaître une faute")
    assert toubin is not None and toubin.endswith("Toubin")
    assert _speaker(digest, "Nous avons peint") == "Ram Gaikwad"


def test_a_feminine_description_goes_to_the_woman_described_after_her_name(
    pipeline: Pipeline,
) -> None:
    # The parser hangs « vice-procureure » on « l'AFP »; it still describes the name before
    # it, which makes her a woman, which « la magistrate » then finds.
    text = (
        "Les deux frères seront jugés à l'automne, a indiqué à l'AFP Hélène Roussac, "
        "vice-procureure au parquet de Dijon. Le garçon, âgé de 19 ans, avait reçu des "
        "menaces. « Ils voulaient montrer que leur amour était plus fort », a détaillé la "
        "magistrate."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Ils voulaient montrer") == "Hélène Roussac"
    roles = [r.role for r in _entity(digest, "Hélène Roussac").roles]
    assert roles == ["vice procureure"] or roles == ["vice procureur"]


# ---- issue 32, item 2: speaker errors of the development gold, by kind -------------------------
# Each row: the text, the start of one quote, the speaker it must have, and the error kind it
# guards against (as counted in the report of bench/facts_fr.py --errors).

_SPEAKER_CASES = [
    pytest.param(
        "La députée du Morbihan Claire Le Goff a déposé un amendement mardi. « Ce texte ne "
        "protège pas les locataires », a regretté sur BFM-Radio la députée du Morbihan.",
        "Ce texte ne protège",
        "Claire Le Goff",
        id="description-with-a-place-complement-and-an-outlet-before-it",
    ),
    pytest.param(
        "« Nous ne fermerons pas l'usine », a promis Marc Vidal, le maire de la ville. « Je "
        "connais chaque ouvrier depuis vingt ans », a ajouté l'ancien syndicaliste.",
        "Je connais chaque",
        "Marc Vidal",
        id="a-former-role-continues-the-person-quoted-before",
    ),
    pytest.param(
        "« Le virus circule moins l'été », rappelle M. Morel. « Aucune étude ne montre le "
        "contraire », ajoute l'épidémiologiste.",
        "Aucune étude ne montre",
        "Morel",
        id="an-epicene-description-after-l-apostrophe-has-no-gender",
    ),
    pytest.param(
        "L'élue écologiste Martine Roux a voté contre le budget. Le projet a été mal préparé "
        "selon elle pendant toute la session, et « coûtera des millions aux contribuables ».",
        "coûtera des millions",
        "Martine Roux",
        id="according-to-a-pronoun-is-the-pronoun-alone",
    ),
    pytest.param(
        "« C'est la première fois qu'un éléphant vient si près », explique Jacques Gomis, le "
        "conservateur du parc. « Les animaux se sentent en sécurité », ajoute-t-il.Braconnage "
        "et sécheresse menacent pourtant la réserve.",
        "Les animaux se sentent",
        "Jacques Gomis",
        id="a-euphonic-t-before-a-glued-sentence-is-no-speaker",
    ),
    pytest.param(
        "Le maire de Lyon, Pierre Garnier, a rendu hommage à son ancien mentor. « C'était un "
        "homme d'une grande fidélité », a-t-il déclaré.L'ancien Premier ministre a aussi salué "
        "le discours du président, « un texte juste et très beau ».",
        "un texte juste",
        "Pierre Garnier",
        id="a-title-the-tagger-took-for-a-name-is-a-description",
    ),
    pytest.param(
        "« La ventilation compte plus que la climatisation », rappelle Louis Berthier, "
        "directeur de l'institut de santé de Genève. « Aucune étude ne montre le contraire », "
        "ajoute l'épidémiologiste.",
        "Aucune étude ne montre",
        "Louis Berthier",
        id="a-description-continues-the-person-quoted-before-who-has-another-role",
    ),
    pytest.param(
        "« Ce vol n'a rien de symbolique », avait estimé la procureure Anne Collet. Dans sa "
        "décision, le juge a relaxé les militants. « La désobéissance civile peut se "
        "comprendre », a écrit le juge.",
        "La désobéissance civile",
        "le juge",
        id="a-rival-role-is-not-the-person-quoted-before",
    ),
    pytest.param(
        "Plus de 40.000 cas ont été recensés en une semaine dans la région, selon le bilan de "
        "l'Agence régionale de santé. Le nombre de morts reste stable, « autour de cinquante par "
        "jour », selon la même source.",
        "autour de cinquante",
        "Agence régionale de santé",
        id="the-same-source-is-the-source-cited-before",
    ),
    # A description that names its holder is that holder, not the description's words.
    pytest.param(
        "Les sauveteurs ont fouillé les décombres toute la nuit. « Tout a tremblé pendant une "
        "minute », a raconté à l'AFP un officier de la gendarmerie locale, le capitaine Hugo "
        "Ferrand. « Les habitants dorment dehors », a-t-il ajouté.",
        "Les habitants dorment",
        "Hugo Ferrand",
        id="a-description-with-its-name-in-apposition-after-it",
    ),
    pytest.param(
        "La route du littoral reste fermée. « Nous avons perdu la moitié de la saison », a "
        "déploré la gérante du camping, Nathalie Brunet, jeudi.",
        "Nous avons perdu",
        "Nathalie Brunet",
        id="a-description-with-a-complement-then-its-name-in-apposition",
    ),
    pytest.param(
        "Les algues vertes reviennent sur la côte. « La situation ne cesse de s'aggraver », "
        "écrit le magazine Terre Sauvage dans son dernier numéro.",
        "La situation ne cesse",
        "Terre Sauvage",
        id="a-description-with-its-name-right-after-its-noun",
    ),
    pytest.param(
        "Les ventes ont chuté au printemps. Selon le quotidien, Julie Marchand quitterait la "
        "direction de l'enseigne avant la fin de l'année.",
        "Julie Marchand quitterait",
        "le quotidien",
        id="the-name-after-the-comma-of-selon-x-is-what-x-says",
    ),
    pytest.param(
        "La réforme a été adoptée. « Le texte est mal né », a jugé l'ancien conseiller de "
        "François Lemoine, Arnaud Pical.",
        "Le texte est mal né",
        "Arnaud Pical",
        id="a-name-in-the-complement-of-a-description-is-not-its-holder",
    ),
    # A pronoun continues a speaker kept as written only if it agrees with it.
    pytest.param(
        "« Nous n'avons reçu aucune consigne », ont regretté les responsables des écoles "
        "privées. Le directeur régional, Paul Arnaud, a répondu dans la soirée. « Les consignes "
        "partiront demain », a-t-il assuré.",
        "Les consignes partiront",
        "Paul Arnaud",
        id="a-singular-pronoun-is-not-a-plural-speaker-kept-as-written",
    ),
    pytest.param(
        "« Les urgences débordent », a alerté mardi le syndicat des infirmiers. La ministre de "
        "la Santé, Claire Vautrin, a promis des renforts. « Trois cents postes seront "
        "ouverts », a-t-elle annoncé.",
        "Trois cents postes",
        "Claire Vautrin",
        id="a-feminine-pronoun-is-not-a-masculine-speaker-kept-as-written",
    ),
    # An outlet noun before a name (« a confié au journal local X ») is not what X is.
    pytest.param(
        "« Le bus n'est jamais arrivé », a confié au journal local Martine Caradec, adjointe "
        "aux écoles de Plouzané. La mairie a cherché un autre car toute la matinée. « Nous "
        "avons appelé vingt transporteurs », a poursuivi l'adjointe.",
        "Nous avons appelé vingt",
        "Martine Caradec",
        id="an-outlet-noun-before-a-name-describes-no-person",
    ),
    # A quoted fragment inside the claim of « selon X » is X's words.
    pytest.param(
        "Les protocoles de désinfection de certaines usines relèvent d'« une prudence poussée à "
        "l'absurde », selon Marc Delorme. Le port du masque reste la meilleure protection.",
        "une prudence poussée",
        "Marc Delorme",
        id="a-fragment-inside-an-according-to-claim-is-the-source-s",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), _SPEAKER_CASES)
def test_speaker_errors_by_kind(
    pipeline: Pipeline, text: str, quote: str, speaker: str | None
) -> None:
    assert _speaker(_digest(pipeline, text), quote) == speaker


def test_a_general_role_stands_for_the_person_given_a_role_it_covers(pipeline: Pipeline) -> None:
    # « la magistrate » is the woman the text made « vice-procureure », named paragraphs back.
    text = (
        "Deux frères seront jugés en juin pour des violences sur leur voisin, a indiqué "
        "Claire Vasseur, vice-procureure au parquet de Vesoul. "
        "Les faits remontent à la fin de l'hiver dans un village de la Haute-Saône. "
        "Le voisin avait refusé de leur vendre un terrain près de l'église. "
        "Les deux hommes l'ont attendu devant sa grange un dimanche soir. "
        "Un troisième homme a pris la fuite avant l'arrivée des gendarmes. "
        "« Les coups ont duré plusieurs minutes, sous les yeux de ses enfants », a détaillé "
        "la magistrate."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les coups ont duré") == "Claire Vasseur"


def test_a_description_continues_the_person_a_pronoun_quoted_before(pipeline: Pipeline) -> None:
    # The quote before named its speaker by a pronoun; the name itself is out of the window.
    text = (
        "Jean-Marc Rivière a rendu hommage samedi à son ami disparu. "
        "La cérémonie s'est tenue dans la cathédrale de la ville. "
        "Des centaines d'habitants s'étaient massés sur le parvis. "
        "Les drapeaux de la mairie étaient en berne depuis la veille. "
        "Les commerçants avaient baissé leurs rideaux pour la journée. "
        "« Il a marqué toute une génération », a-t-il déclaré à la sortie. "
        "« Pendant trente ans, nous avons travaillé côte à côte », a également écrit "
        "l'ancien maire de Rouen."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il a marqué") == "Jean-Marc Rivière"
    assert _speaker(digest, "Pendant trente ans") == "Jean-Marc Rivière"


def test_a_description_with_no_evidence_is_the_topic_of_the_sentence_before(
    pipeline: Pipeline,
) -> None:
    # The parser reads the name in apposition as a conjunct; it is still who the text is
    # about, not the minister it wrote to.
    text = (
        "Le président (UDI) de la commission des Finances du Sénat, Bernard Lalande, a "
        "interpellé Julien Moreau sur la dette des hôpitaux dans une lettre. "
        "« Ces retards de paiement mettent en danger les petites cliniques », a réagi le "
        "sénateur du Morbihan, cité dans un communiqué."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Ces retards de paiement") == "Bernard Lalande"


def test_a_pronoun_after_a_person_named_since_the_quote_is_that_person(
    pipeline: Pipeline,
) -> None:
    # « il » is not the newspaper kept as written: a man was named after its quote.
    text = (
        "« Les ventes de cigarettes ont reculé de 8 % en un an », écrit le quotidien. "
        "Un prix de 2 euros a été justifié par Marc Delorme, le président de la fédération "
        "des buralistes. « Notre but n'est pas de gagner de l'argent », avance-t-il."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Notre but") == "Marc Delorme"


def test_a_relative_pronoun_speaks_for_its_antecedent_not_the_marker_before_it(
    pipeline: Pipeline,
) -> None:
    text = (
        "La lycéenne a été placée dans un foyer de la ville, toujours selon le parquet, qui "
        "précise que ses parents ignorent où elle se trouve."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "ses parents ignorent") == "le parquet"


def test_a_piece_of_news_speaks_for_the_outlet_that_published_it(pipeline: Pipeline) -> None:
    text = (
        "La mairie de Lyon va fermer trois piscines municipales cet été, selon une "
        "information du Parisien publiée lundi soir."
    )
    digest = _digest(pipeline, text)
    speaker = _speaker(digest, "La mairie de Lyon")
    assert speaker is not None and speaker.endswith("Parisien") and "information" not in speaker


def test_a_member_described_by_the_party_is_the_member_not_the_party(pipeline: Pipeline) -> None:
    text = (
        "La députée Claire Morel a défendu son texte mardi. « Nous ne lâcherons rien », a "
        "lancé la députée LREM devant la presse."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Nous ne lâcherons") == "Claire Morel"


def test_a_member_the_tagger_glued_to_the_party_name_is_still_the_member(
    pipeline: Pipeline,
) -> None:
    # The tagger reads « élue LREM » as one proper name: the lower-case noun is still the
    # member's description, and the member is the deputy quoted before, not the party.
    text = (
        "« Nous avons renforcé la loi », explique la députée Anne Vasseur dans une tribune. "
        "« Aucune époque ne justifie ce crime », affirme l'élue LREM avant de conclure."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Aucune époque") == "Anne Vasseur"


def test_a_source_ends_at_a_sentence_end_glued_to_a_dash(pipeline: Pipeline) -> None:
    # Subheadings glued between dashes (« .- Des excuses tardives -M. ») are not the source.
    text = (
        "Le prêtre avait reçu de nombreuses plaintes pour son comportement « déplaisant, "
        "étrange et violent », selon la commission.- Des excuses tardives -M. Dubreuil a "
        "reconnu qu'il aurait dû agir plus tôt."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "déplaisant, étrange") == "la commission"
    assert _speaker(digest, "il aurait dû agir") == "Dubreuil"


def test_the_defenseur_des_droits_is_an_office_not_a_place(pipeline: Pipeline) -> None:
    # The tagger reads the capitalised « Défenseur » as a place name: it must be the office,
    # held here by the man quoted just before, and the pronoun after it goes on with him.
    text = (
        "« Il faut cesser de tout confondre », a estimé Marc Lebrun dans un entretien au Monde. "
        "Le ministre de l'Intérieur Paul Ferrand a promis des sanctions devant le Sénat. "
        "« Reconnaître une faute, c'est bâtir la confiance », répond M. Lebrun. Le reçu remis "
        "lors d'un contrôle « n'est pas la panacée », selon le Défenseur des droits. "
        "Il recommande « une forme de traçabilité » des contrôles."
    )
    digest = _digest(pipeline, text)
    assert not any(e.name == "Défenseur" for e in digest.entities)
    assert _speaker(digest, "n'est pas la panacée") == "Marc Lebrun"
    assert _speaker(digest, "une forme de traçabilité") == "Marc Lebrun"


def test_a_cue_taken_for_a_noun_keeps_its_inverted_subject(pipeline: Pipeline) -> None:
    # « note » after the quote is tagged a noun; its subject is not the préfecture the
    # quoted words are about.
    text = (
        "Pendant la grève, la préfecture a d'ailleurs \"publié les chiffres des contrôles "
        'routiers" et compté combien "ont donné lieu à des amendes, des retraits, etc.", note le '
        "Défenseur des droits. Claire Vidal, sa porte-parole, a confirmé ces chiffres."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "publié les chiffres") == "le Défenseur des droits"


def test_a_reflexive_incise_has_an_inverted_subject(pipeline: Pipeline) -> None:
    # « …, s'inquiète le médiateur » is an incise: the description after it speaks, and the
    # relative « qui » after it too; a reflexive verb after its subject keeps that subject.
    text = (
        "Les expulsions locatives sont en hausse en 2024, s'inquiète le médiateur du logement, "
        "qui souligne jeudi que ses services sont débordés par les demandes. Le bailleur Paul "
        "Morel conteste ces chiffres."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les expulsions locatives") == "le médiateur du logement"
    assert _speaker(digest, "ses services sont débordés") == "le médiateur du logement"
    text = (
        "Le maire Paul Martin s'inquiète que les travaux prennent du retard cet hiver. "
        "« Nous ferons tout pour tenir les délais », a-t-il promis."
    )
    assert _speaker(_digest(pipeline, text), "les travaux prennent") == "Paul Martin"


def test_the_reported_clause_is_not_the_speaker_of_an_inserted_cue(pipeline: Pipeline) -> None:
    # The parser makes « Ce » of the reported clause the subject of « a précisé »: the
    # speaker is the inverted subject after the cue. An opening « Comme le révèle X, » keeps X.
    text = (
        "Après les aides accordées en mai, le gouvernement a ajouté une enveloppe pour la "
        "filière. Ce seront donc quelque 3 millions d'hectolitres qui pourraient être distillés, "
        "a précisé le ministre de l'Agriculture Paul Girard. Les producteurs demandaient davantage."
    )
    assert _speaker(_digest(pipeline, text), "Ce seront donc") == "Paul Girard"
    text = (
        "Un automobiliste a forcé l'entrée du commissariat de Brest dans la nuit. Comme le révèle "
        "Le Télégramme, les agents ont d'abord pris sa voiture pour celle d'un médecin de garde."
    )
    assert _speaker(_digest(pipeline, text), "les agents ont") == "Télégramme"


def test_a_kin_description_is_the_person_the_text_described_so(pipeline: Pipeline) -> None:
    # « Nicole Martin, la mère du pompier » (which the parser makes the subject of « s'est
    # confiée », hanging the name on « la cour ») ties « mère » to her: « sa mère » is her,
    # and « elle » after it too. With no such evidence « sa mère » names nobody we know.
    text = (
        "Une semaine après l'hommage rendu dans la cour de la caserne, Nicole Martin, la mère "
        "du pompier qui a sauvé trois enfants à Rouen, s'est confiée mardi sur France Inter. "
        "Le capitaine Paul Girard a salué son courage. « Il savait ce qu'il risquait », confie "
        "sa mère. « Je suis fière de lui et de son engagement », a-t-elle ajouté."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il savait ce") == "Nicole Martin"
    assert _speaker(digest, "Je suis fière") == "Nicole Martin"
    text = (
        "Le pompier Paul Girard est mort dans l'incendie de Rouen, a annoncé le préfet Marc "
        "Dubois. « Il savait ce qu'il risquait », confie sa mère."
    )
    assert _speaker(_digest(pipeline, text), "Il savait ce") == "sa mère"


def test_a_complement_before_a_comma_is_not_described_by_the_subject_after_it(
    pipeline: Pipeline,
) -> None:
    # « Sur son compte Twitter, la fondation … évoque »: the fondation is not Twitter.
    text = (
        "Les promeneurs ont pu photographier des images étonnantes ce week-end sur la côte "
        "bretonne, rapporte France 3 lundi. Sur son compte Twitter, la fondation marine Stichting "
        "De Noordzee évoque \"une étincelle 'magique' dans la mer de Carnac ce soir\", en "
        "publiant des photos de lignes lumineuses."
    )
    assert _speaker(_digest(pipeline, text), "une étincelle") == "Stichting De Noordzee"


def test_a_narrative_infinitive_goes_on_with_the_speaker(pipeline: Pipeline) -> None:
    # « Avant d'ajouter : "…" » has no subject: the speaker of the sentence before; a plain
    # infinitive after another verb (« compte ajouter ») does not.
    text = (
        "Joint par téléphone, le maire Paul Girard conteste ces accusations. « C'est une "
        "manœuvre politique », a-t-il déclaré. Avant d'ajouter : « Nous irons devant la justice "
        "s'il le faut. »"
    )
    assert _speaker(_digest(pipeline, text), "Nous irons devant") == "Paul Girard"
    text = (
        "« Le stade sera prêt en juin », a assuré la présidente du club, Anne Kervella. Le club "
        "compte ajouter : « Rendez-vous à l'inauguration de ce grand stade ! »"
    )
    assert _speaker(_digest(pipeline, text), "Rendez-vous") is None


def test_an_outlet_named_after_a_contracted_article_is_an_outlet(pipeline: Pipeline) -> None:
    # « du Parisien » is « de » + « Le Parisien »: « le quotidien » then stands for it, and
    # « il » after a person named since the paper spoke is that person, not the paper.
    text = (
        "Les pharmacies vont vendre des tests rapides, selon une information du Parisien. "
        "À commencer par les grandes villes, explique le quotidien. Les tests seront vendus 6 "
        "euros, un prix défendu par Paul Girard, le président de l'ordre des pharmaciens. "
        "« Nous ne cherchons pas à faire de bénéfice sur ces tests », a-t-il assuré."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "À commencer par") == "Parisien"
    assert _speaker(digest, "Nous ne cherchons") == "Paul Girard"
    # « dans Le Parisien » after an incise's verb is where it was said, not who said it.
    text = (
        "Certains élus s'inquiètent d'une faible mobilisation. « Ce ne sera pas une grande "
        "marche pour le climat », lance dans Le Parisien un élu de la majorité."
    )
    assert _speaker(_digest(pipeline, text), "Ce ne sera pas") is None


def test_a_name_after_a_body_noun_is_that_body(pipeline: Pipeline) -> None:
    # « l'association de défense des locataires ALTD » makes ALTD an organisation that
    # « l'association » later stands for; an acronym never described so does not.
    text = (
        "Mis en place en 2021 à la demande de l'association de défense des locataires ALTD, le "
        "registre recense les logements insalubres. « Plus d'un tiers des signalements restent "
        "sans réponse des bailleurs », dénonce par ailleurs l'association."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Plus d'un tiers") == "ALTD"
    assert any(e.name == "ALTD" and e.kind is EntityKind.ORGANISATION for e in digest.entities)
    text = (
        "Mis en place en 2021 par le ministère, le registre ALTD recense les logements "
        "insalubres. « Plus d'un tiers des signalements restent sans réponse des bailleurs », "
        "dénonce l'association."
    )
    assert _speaker(_digest(pipeline, text), "Plus d'un tiers") == "l'association"


def test_a_quote_with_no_cue_goes_to_the_subject_of_the_sentence_before(
    pipeline: Pipeline,
) -> None:
    # No speech verb, no speaker quoted before: the person the text just made act.
    text = (
        "Les obsèques du pompier se sont tenues jeudi à Morlaix. "
        "Sa sœur, Hélène Corbin, a pris la parole devant la foule réunie dans l'église. "
        "« Il aimait son métier plus que tout. »"
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il aimait son métier") == "Hélène Corbin"


def test_a_quote_with_no_cue_after_a_sentence_with_no_named_subject_stays_unknown(
    pipeline: Pipeline,
) -> None:
    # The sentence before names Hélène Corbin only as who the town honoured: not a subject.
    text = (
        "Les obsèques du pompier se sont tenues jeudi à Morlaix. "
        "La ville a rendu hommage à Hélène Corbin, sa sœur, devant l'église. "
        "« Il aimait son métier plus que tout. »"
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il aimait son métier") is None


def test_a_pronoun_goes_on_with_a_first_name_that_just_spoke(pipeline: Pipeline) -> None:
    # « Sékou » alone is no person to the tagger (it reads a place); having spoken, he is who
    # « il » is, not the lawyer named earlier.
    text = (
        "L'avocat des lycéens, Slim Benali, a dénoncé une décision injuste. "
        "Les jeunes ont annoncé leur intention de faire appel. "
        "« On ne va pas lâcher le combat », a dit Sékou. "
        "Les autorités « refusent de voir la réalité depuis longtemps », a-t-il ajouté."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "On ne va pas") == "Sékou"
    assert _speaker(digest, "refusent de voir") == "Sékou"


def test_a_surname_with_a_particle_keeps_it_after_a_courtesy_title(pipeline: Pipeline) -> None:
    # « M. Le Gall » is Yves Le Gall, not a person called « Le » nor « Gall ».
    text = (
        "Yves Le Gall, maire de Quimperlé, a présenté lundi son plan pour le centre-ville. "
        "« Les commerces doivent revivre avant l'été », a expliqué M. Le Gall devant le conseil. "
        "« Nous avons déjà trouvé les crédits », a ajouté M. Le Gall."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les commerces doivent") == "Yves Le Gall"
    assert _speaker(digest, "Nous avons déjà") == "Yves Le Gall"


def test_the_ministry_before_a_name_is_not_part_of_the_name(pipeline: Pipeline) -> None:
    # « le ministre de l'Agriculture Hervé Le Corre »: the ministry is the role's complement.
    text = (
        "Le ministre de l'Agriculture Hervé Le Corre a dénoncé jeudi des prix « intenables ». "
        "« Nous réunirons les distributeurs dès lundi », a prévenu le ministre sur une radio. "
        "« Je ne laisserai pas les éleveurs seuls », a précisé M. Le Corre."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "intenables") == "Hervé Le Corre"
    assert _speaker(digest, "Nous réunirons") == "Hervé Le Corre"
    assert _speaker(digest, "Je ne laisserai") == "Hervé Le Corre"


def test_the_station_a_speaker_spoke_on_is_not_the_speaker(pipeline: Pipeline) -> None:
    # « sur France Culture » says where she spoke; « elle » is the spokeswoman.
    text = (
        "« Je vous confirme que l'État n'était pas au courant » des projets de l'industriel, a "
        "insisté Nadia Karim, la porte-parole du gouvernement. Plus tôt dans la journée, elle "
        "avait assuré sur France Culture ne pas croire que le choix de vendre l'usine ait été "
        "« une erreur » : « à l'époque, il y avait une cohérence d'ensemble »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "une erreur") == "Nadia Karim"
    assert _speaker(digest, "à l'époque") == "Nadia Karim"
    assert all(q.speaker_name != "France Culture" for q in digest.quotes)


def test_a_role_is_never_someone_the_text_names_only_later(pipeline: Pipeline) -> None:
    # The mayor of Lège is not the mayor of Sein, who is named after him.
    text = (
        "Sur le bassin d'Arcachon, les maisons ont rouvert, mais le maire de Lège assure que "
        "« tout est calme ». En Bretagne, l'île de Sein réserve les bateaux « aux résidents "
        "principaux de l'île », dit le maire Paul Renard."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "tout est calme") != "Paul Renard"
    assert _speaker(digest, "aux résidents") == "Paul Renard"


def test_a_woman_shown_so_by_a_pronoun_is_not_the_mayor_after_her(pipeline: Pipeline) -> None:
    # « a-t-elle tweeté » marks Claire Vidal as a woman: « le maire » is Louis Perrin.
    text = (
        "Le maire de Vernay, Louis Perrin, a comparé la police à celle de Vichy. Claire Vidal "
        "s'est émue de ces propos. « Une comparaison insensée et scandaleuse », a-t-elle tweeté. "
        "Dans un communiqué, le maire dit « regretter que son propos ait pu porter à confusion »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Une comparaison insensée") == "Claire Vidal"
    assert _speaker(digest, "regretter que son propos") == "Louis Perrin"


def test_a_pronoun_s_gender_keeps_a_role_without_evidence_off_her(pipeline: Pipeline) -> None:
    # Nothing says who the mayor is; « a-t-elle tweeté » says it is not Claire Vidal.
    text = (
        "Patrick Leroux, élu à Vernay en juin, a comparé la police à celle de Vichy. Claire "
        "Vidal s'est émue de ces propos. « Une comparaison insensée et scandaleuse », a-t-elle "
        "tweeté. Dans un communiqué, le maire dit « regretter que son propos ait pu porter à "
        "confusion »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "regretter que son propos") != "Claire Vidal"


def test_a_quote_inside_an_opinion_is_the_holder_s_not_the_last_speaker(pipeline: Pipeline) -> None:
    # « Pour la communauté de communes, … "…" »: its words, not the mayor's quoted before.
    text = (
        "« Il y a du monde sur les plages », regrette Patrick Renaud, maire de la commune. Pour "
        "la communauté de communes de l'île, le confinement devrait « se faire à son domicile et "
        "non dans une résidence secondaire »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "se faire à son domicile") == "la communauté de communes de l'île"


def test_a_quote_after_a_sentence_that_makes_a_new_source_speak_is_theirs(
    pipeline: Pipeline,
) -> None:
    # The préfecture's denial comes between Marc Tellier's words and the quote.
    text = (
        "« J'évite d'en prendre trop dans la figure », a répondu Marc Tellier. Sur Twitter, la "
        "préfecture de police a démenti avoir chargé le cortège. « Les forces de l'ordre ont "
        "pour mission de faire respecter l'ordre public »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Les forces de l'ordre") == "la préfecture de police"


def test_a_participle_cue_has_the_speaker_of_its_clause(pipeline: Pipeline) -> None:
    # « ajoutant que … »: the elected official who has just spoken goes on.
    text = (
        "Le député Damien Roux a réclamé plus de fermeté. « C'est mieux qu'avant, mais les "
        "discours ne suffisent pas », a estimé l'élu républicain, ajoutant qu'il n'était « pas "
        "pour un gouvernement des annonces »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "C'est mieux") == "Damien Roux"
    assert _speaker(digest, "pas pour un gouvernement") == "Damien Roux"


def test_a_reflexive_speech_verb_is_a_cue(pipeline: Pipeline) -> None:
    # « s'est emporté » is « s'emporter », a speech verb, though its lemma is « emporter ».
    text = (
        "La plateforme promet des arrêts de travail en ligne. « Il n'est pas question que des "
        "arrêts soient délivrés ainsi », s'est emporté Nicolas Ravel, directeur de la caisse, "
        "dans un quotidien."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il n'est pas question") == "Nicolas Ravel"


def test_an_impersonal_passive_after_a_quote_is_no_pronoun_speaker(pipeline: Pipeline) -> None:
    # « est-il précisé dans le communiqué »: « il » is impersonal; the release is the group's.
    text = (
        "Le groupe Transval annonce l'ouverture de dix agences. « Transval poursuit ses efforts "
        "afin que soient ouverts d'autres bureaux d'ici l'été », est-il précisé dans le "
        "communiqué."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Transval poursuit") == "Transval"


def test_the_mayor_called_l_edile_is_the_mayor_named_before(pipeline: Pipeline) -> None:
    # « L'édile » is a person noun: the mayor the text has just named.
    text = (
        "Interrogé par une radio, le maire de Vernay, Louis Perrin, indique qu'il va créer un "
        "collectif « pour ne pas laisser les habitants seuls ». L'édile, qui a tenu une réunion "
        "publique, se dit déterminé à savoir « qui a pu relâcher ce produit »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "qui a pu relâcher") == "Louis Perrin"


# ---- tenth session: rules read off fresh OrangeSum train articles (rows 9000–9999) ----------


def test_a_masculine_pronoun_skips_a_woman_the_quotes_marked_as_one(pipeline: Pipeline) -> None:
    # « a-t-elle admis » marks her a woman; « a t-il ajouté » a paragraph down is the man named
    # before her, even outside the ranking's window.
    text = (
        "« Les prix payés aux éleveurs restent trop bas », a regretté Bruno Caradec lors d'une "
        "conférence de presse. Il a appelé les industriels à revoir leurs contrats. Le ministre "
        "a ensuite laissé la parole à sa voisine. La secrétaire d'Etat, Odile Ferrand, a détaillé "
        "les contrôles prévus. « Ce n'est pas suffisant, bien sûr », a-t-elle admis. Les "
        "contrôles dureront jusqu'à l'été. Les syndicats attendent des résultats. Le ministre "
        "s'est enfin félicité des conversions au bio. « Jamais la filière n'a autant grandi », a "
        "t-il ajouté."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Ce n'est pas suffisant") == "Odile Ferrand"
    assert _speaker(digest, "Jamais la filière") == "Bruno Caradec"


def test_a_capitalised_name_mid_sentence_is_a_name_whatever_its_tag(pipeline: Pipeline) -> None:
    # The tagger reads « Dider » (a misspelt given name) as a verb; mid-sentence, after the
    # incise's verb, it opens the inverted subject.
    text = (
        "Le ministre a présenté un premier bilan de la loi. « Il n'est plus possible que les "
        "éleveurs vendent à perte », a déploré Dider Garnier lors d'une conférence de presse."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il n'est plus possible") == "Dider Garnier"


def test_an_incise_participle_after_its_auxiliary_is_a_cue_whatever_its_tag(
    pipeline: Pipeline,
) -> None:
    # « a nié » (the tagger gives « nié » no verb tag) and « opine » report speech: the name
    # after them speaks, not the man named in the sentence before.
    text = (
        "Paul Verdier a été entendu par les juges. « Ce n'est pas moi qui ai rédigé ces notes », "
        "a nié Hélène Verdier. « Je pense que c'est une faute grave », opine Marc Olivier, "
        "professeur de droit."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Ce n'est pas moi") == "Hélène Verdier"
    assert _speaker(digest, "Je pense que") == "Marc Olivier"


def test_the_latter_as_a_subject_parsed_as_a_passive_one(pipeline: Pipeline) -> None:
    # « Cette dernière a assuré que … »: the parser labels the subject a passive one; with no
    # passive auxiliary it is the subject, and the fragment quoted in the report is hers.
    text = (
        "La ministre, Claire Dubois, a présenté le plan. Le patron de la banque, Paul Roux, a "
        "répondu. Cette dernière a également assuré que la hausse était faible, loin de « ce "
        "qu'on a pu lire ici ou là »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "la hausse était faible") == "Claire Dubois"
    assert _speaker(digest, "ce qu'on a pu lire") == "Claire Dubois"


def test_words_quoted_inside_reported_speech_are_the_reporter_s(pipeline: Pipeline) -> None:
    # « prendre à la légère » sits in the clause Marc Lenoir reports; « les Français » there
    # is no speaker, and « a-t-il ajouté » after it is Marc Lenoir again.
    text = (
        'Marc Lenoir a visité un hôpital jeudi. Il a déploré que "trop" de Français continuent '
        'à "prendre à la légère" les consignes. « Ce n\'est pas respecté », a-t-il ajouté.'
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "prendre à la légère") == "Marc Lenoir"
    assert _speaker(digest, "Ce n'est pas respecté") == "Marc Lenoir"


def test_a_report_inside_a_report_keeps_its_own_speaker(pipeline: Pipeline) -> None:
    # The judge named inside the clause Anne Morel reports speaks his own words.
    text = (
        "Anne Morel a raconté que le juge Pierre Lagarde lui avait dit « de ne rien signer » "
        "avant l'audience."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "de ne rien signer") != "Anne Morel"


def test_a_relative_clause_after_the_subject_is_no_apposition(pipeline: Pipeline) -> None:
    # « Le chef de l'Etat, qui s'est entretenu avec X, a ajouté »: X is who he spoke with.
    text = (
        "Dimanche soir, Emmanuel Macron avait dénoncé une « attaque lâche ». Le chef de l'Etat, "
        "qui s'est entretenu avec son homologue nigérien Mahamadou Issoufou, a ajouté que leur "
        "« détermination » demeurait intacte."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "détermination") == "Emmanuel Macron"


def test_a_spokesperson_of_a_body_speaks_for_it(pipeline: Pipeline) -> None:
    # « le porte-parole de Southwest » (the body's short name) is the company's voice, not the
    # photographer the role would be tied to by proximity.
    text = (
        "Jean Blanc, photographe, a pris un vol vers Dallas. « Je lui ai demandé s'il avait un "
        "masque », raconte-t-il. « Nous ne contrôlons pas nos clients », a expliqué un "
        "porte-parole de Southwest Airlines. Les équipages n'ont aucun pouvoir. « Nous devons "
        "compter sur le bon sens » des gens, a également souligné le porte-parole de Southwest, "
        "laissant entendre que rien n'était possible."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Nous devons compter") == "Southwest Airlines"


def test_who_was_told_is_not_who_spoke(pipeline: Pipeline) -> None:
    # « une source gouvernementale à l'Agence France-Presse »: the agency was told.
    text = "Cinq Britanniques ont été tués, a indiqué une source gouvernementale à l'Agence France-Presse."
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Cinq Britanniques") != "Agence France-Presse"


def test_someone_s_relatives_are_not_that_person(pipeline: Pipeline) -> None:
    text = "Selon les proches de Youcef Tahar, l'hôpital n'a pas tout fait pour le sauver."
    digest = _digest(pipeline, text)
    assert _speaker(digest, "l'hôpital n'a pas") != "Youcef Tahar"


def test_the_subject_of_a_narrative_infinitive(pipeline: Pipeline) -> None:
    # « Et l'élu d'enchaîner : "…" »: « l'élu » is the subject (the parser gives the infinitive
    # none here), not nobody and not the prefect quoted before.
    text = (
        "Paul Morin, élu de la commune, a visité le chantier mardi. La préfète Claire Vidal a "
        'promis des aides. "Nous ferons tout pour rouvrir la route", a déclaré Claire Vidal. '
        "Et l'élu d'enchaîner : \"Personne ne sera laissé de côté\"."
    )
    digest = _digest(pipeline, text)
    found = [q for q in digest.quotes if q.content.text.startswith("Personne ne sera")]
    assert len(found) == 1 and found[0].speaker is not None
    assert found[0].speaker.text == "l'élu"
    assert found[0].speaker_name != "Claire Vidal"


def test_a_role_an_adjective_of_allegiance_and_a_name(pipeline: Pipeline) -> None:
    # « le président nigérien Mahamadou Issoufou » ties « président » to him, though the
    # nationality list does not hold « nigérien »: the later « Le président » is him.
    text = (
        "Le président nigérien Mahamadou Issoufou a reçu les familles des victimes. Le chef de "
        "la diplomatie française, Jean-Yves Le Drian, a promis que « les responsables devront "
        "répondre de leurs actes ». Le président a lui aussi condamné une « attaque lâche »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "attaque lâche") == "Mahamadou Issoufou"


def test_a_role_with_its_complement_then_a_second_description_and_the_name(
    pipeline: Pipeline,
) -> None:
    text = (
        "Le président Donald Trump a réagi mardi. Jeudi, le président de la commission des "
        "Transports de la Chambre, le démocrate Peter DeFazio, a appelé les compagnies à "
        "maintenir « une largeur de siège entre les passagers »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "une largeur de siège") == "Peter DeFazio"


def test_a_foreign_name_the_tagger_cannot_read_after_the_incise_verb(pipeline: Pipeline) -> None:
    # « note Chris Low de FHN Financial »: the analyst speaks, not his firm.
    text = (
        "Wall Street a fini en hausse. « L'engagement de la banque centrale y est pour "
        "beaucoup », note Chris Low de FHN Financial."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "L'engagement de la banque") == "Chris Low"


def test_a_description_after_sentences_that_go_on_with_their_topic(pipeline: Pipeline) -> None:
    # The sentences between name nobody but a pronoun stands for the man named first: « cet
    # homme de 36 ans » is him.
    text = (
        "Ruel Damaso n'arrivait plus à vivre dans la capitale. Il avait déjà décidé de rentrer "
        "dans sa ville natale. Le confinement l'a pris de court. Il se retrouve coincé dans le "
        "terminal. « Nous n'avons plus d'argent », confie à l'AFP cet homme de 36 ans."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Nous n'avons plus") == "Ruel Damaso"


def test_the_pensioner_is_the_man_named_before(pipeline: Pipeline) -> None:
    # « le retraité » is a noun for a person: the man the paragraph is about.
    text = (
        "Guy Lemaire a été arrêté par erreur en octobre. Guy Lemaire souhaite comprendre ce qui "
        "s'est passé. « On est dans la science-fiction », avait témoigné le retraité en décembre."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "On est dans la science") == "Guy Lemaire"


def test_who_was_heard_saying_it(pipeline: Pipeline) -> None:
    # « un témoin, qui affirme avoir entendu Paul Faure dire "…" »: Paul Faure said it.
    text = (
        "Le député Karim Benali a reconnu un geste violent. Une version confirmée par un témoin "
        'de la scène, qui affirme avoir entendu Paul Faure dire "sale voleur" au député.'
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "sale voleur") == "Paul Faure"


def test_a_feminine_role_tied_by_proximity_gives_way_to_the_woman_marked_since(
    pipeline: Pipeline,
) -> None:
    # « La présidente de la commission » is not the president named last, whose gender the
    # text never gave, once « a-t-elle assuré » has marked Anne Dufresne as a woman.
    text = (
        "Anne Dufresne a renoncé à briguer le perchoir. « C'est une décision personnelle », "
        "a-t-elle assuré mardi. Elle passait pourtant pour la favorite d'Emmanuel Macron. La "
        "présidente de la commission des Lois avait assuré « en privé » jeudi qu'elle avait "
        "parlé « quelques minutes » avec le chef de l'État."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "quelques minutes") == "Anne Dufresne"


def test_the_agent_of_a_passive_is_not_the_topic_a_pronoun_continues(pipeline: Pipeline) -> None:
    # « Il avait été choisi par Charles Chapelle » keeps the paragraph on the actor: the next
    # « se plaisait-il à raconter » is him, not the director who chose him.
    text = (
        "Robert Carrel a prêté sa voix à de nombreux personnages. Il était aussi la voix d'un "
        "détective célèbre. Il avait été choisi par Charles Chapelle lui-même pour un premier "
        "rôle. « Dès que je vois un personnage, je trouve sa voix », se plaisait-il à raconter."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Dès que je vois") == "Robert Carrel"


def test_the_release_is_the_one_a_quote_before_introduced(pipeline: Pipeline) -> None:
    # « a indiqué dans un communiqué le procureur X » … « selon le communiqué »: his release.
    text = (
        "Un nouveau cas de cheval mutilé a été signalé lundi dans le Jura. « J'appelle toute "
        "personne susceptible de fournir des informations à contacter la gendarmerie », a "
        "indiqué dans un communiqué le procureur de la République, Lionel Parent. Lundi soir, "
        "des blessures ont été constatées sur un cheval à Courlans, selon le communiqué."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Lundi soir, des blessures") == "Lionel Parent"


def test_a_role_and_its_complement_before_a_name_with_no_comma_are_that_person(
    pipeline: Pipeline,
) -> None:
    # « le procureur de la République de Vesoul Jean Dupuis »: no comma before the name, and
    # the role is his, not that of the man named before; « le ministre » later is the man the
    # text made « le ministre de l'Intérieur Gérard Lombard », not the spokesman named last.
    text = (
        "Le tribunal a condamné deux hommes mardi. « Les faits sont graves », a souligné le "
        "ministère public, représenté par Paul Moreau. Une enquête est toujours en cours sur ce "
        "réseau qui « exploite la misère des gens », a indiqué à l'AFP le procureur de la "
        "République de Vesoul Jean Dupuis.\n\n"
        "La décision a surpris le ministre de l'Intérieur Gérard Lombard. Plus tard, le "
        "porte-parole du gouvernement Benoît Girard a jugé la décision « sévère ». « Rien n'est "
        "joué », a ajouté le ministre."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "exploite la misère") == "Jean Dupuis"
    assert _speaker(digest, "Rien n'est joué") == "Gérard Lombard"
    people = {e.name: e for e in digest.entities if e.kind is EntityKind.PERSON}
    assert "procureur" in {r.role for r in people["Jean Dupuis"].roles}
    assert not any(r.role == "procureur" for r in people["Paul Moreau"].roles)
    assert "porte parole" in {r.role for r in people["Benoît Girard"].roles}


def test_a_role_after_its_complement_needs_a_name_of_its_own(pipeline: Pipeline) -> None:
    # « l'avocat de la famille Martin » names the family, not the lawyer: no role for Martin.
    text = (
        "Le procès s'est ouvert lundi à Lyon. « Nous attendons la vérité », a déclaré l'avocat "
        "de la famille Martin devant le palais de justice."
    )
    digest = _digest(pipeline, text)
    assert not any(
        r.role == "avocat" for e in digest.entities if "Martin" in e.name for r in e.roles
    )


def test_a_former_role_is_described_by_its_noun(pipeline: Pipeline) -> None:
    # « l'ex-chef de l'État » is a « chef »: the person the sentence before made its subject.
    text = (
        "L'heure semble grave pour que Nicolas Dupré décide de sortir de son silence. Lundi, "
        "l'ex-chef de l'État a appelé sa famille politique au « rassemblement ». La veille, la "
        "numéro deux du parti avait été écartée."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "rassemblement") == "Nicolas Dupré"


def test_a_judicial_role_is_not_the_man_described_as_someone_else(pipeline: Pipeline) -> None:
    # The prosecutor is never named: neither « le procureur » nor « le magistrat » after it is
    # the director named and quoted before; the magistrate is the prosecutor as written.
    text = (
        "Le suspect a été arrêté dimanche à Lyon. « Une personne fragile », a affirmé Didier "
        "Lenoir, directeur de l'office des réfugiés. Lors de son audition, le suspect a dit "
        "avoir entendu des voix, a déclaré le procureur de la République de Lyon, dimanche. "
        "« Ses propos demeuraient incohérents et confus », a ajouté le magistrat."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Une personne fragile") == "Didier Lenoir"
    assert _speaker(digest, "Ses propos") == "le procureur de la République de Lyon"
    lenoir = next(e for e in digest.entities if e.name == "Didier Lenoir")
    assert not any(m.span.text.startswith("le procureur") for m in lenoir.mentions)


def test_a_description_after_an_inverted_subject_describes_it(pipeline: Pipeline) -> None:
    # « explique Jacques Gomez, le conservateur de ce parc »: the parser makes the description
    # the verb's object; it is his, and « le conservateur du parc » later is him.
    text = (
        "Un éléphant a été vu dans le parc national. « C'est la première fois depuis des années "
        "qu'un éléphant s'approche d'aussi près », explique Jacques Gomez, le conservateur de "
        "ce grand parc composé d'une savane. Les observations vont se poursuivre. « Il faudrait "
        "qu'il compte une dizaine d'individus », explique le conservateur du parc."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Il faudrait") == "Jacques Gomez"
    gomez = next(e for e in digest.entities if e.name == "Jacques Gomez")
    assert "conservateur" in {r.role for r in gomez.roles}


def test_a_role_with_a_party_in_parentheses_is_tied_to_the_name_after(pipeline: Pipeline) -> None:
    # « le maire (PS) de la ville, Patrick Hadrien »: the parenthesis does not cut the
    # apposition, and « le maire » later is not the senator named last.
    text = (
        "La stèle a été vandalisée dans la nuit de jeudi. « C'est inadmissible et scandaleux », "
        "précise le maire (PS) de la ville, Patrick Hadrien. Les réactions sont unanimes. De "
        "son côté, le sénateur (PS) Rachid Tamel dénonce un « acte extrêmement grave ». « Nous "
        "porterons plainte », a ajouté le maire."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "C'est inadmissible") == "Patrick Hadrien"
    assert _speaker(digest, "Nous porterons") == "Patrick Hadrien"
    party = next(e for e in digest.entities if e.name == "PS")
    assert "maire" not in {r.role for r in party.roles}


def test_a_description_that_names_its_holder_is_not_the_person_described_so_before(
    pipeline: Pipeline,
) -> None:
    # « le conservateur général des parcs, le colonel X » is X, not the curator named before.
    text = (
        "Un éléphant a été vu dans le parc national. « C'est la première fois depuis des années "
        "qu'un éléphant s'approche d'aussi près », explique Jacques Gomez, le conservateur de "
        "ce grand parc composé d'une savane. La population a été décimée dans le pays, a "
        "expliqué à l'AFP le conservateur général des parcs nationaux du Sénégal, le colonel "
        "Boucar Ndiour. « Il faudrait qu'il compte une dizaine d'individus », explique le "
        "conservateur du parc."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "La population") == "Boucar Ndiour"
    gomez = next(e for e in digest.entities if e.name == "Jacques Gomez")
    assert not any("général" in m.span.text for m in gomez.mentions)


def test_the_complement_of_a_former_role_is_not_its_holder(pipeline: Pipeline) -> None:
    # « l'ex-conseiller de Paul Girard » is not Paul Girard, as « le conseiller de X » is not X.
    text = (
        "Le maire Paul Girard a présenté son budget mardi devant le conseil municipal. « Ce "
        "budget ne tient pas », a estimé l'ex-conseiller de Paul Girard."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "Ce budget") != "Paul Girard"


def test_a_role_is_the_person_the_text_described_by_it_before_the_man_named_last(
    pipeline: Pipeline,
) -> None:
    # « Michel Dupuy, le préfet de police de Paris, connaissait … » (two subjects of one verb):
    # « Le préfet de police » later is him, not the man the text named last.
    text = (
        "Michel Dupuy, le préfet de police de Paris, connaissait bien Alexandre Bernard. Le "
        "Canard enchaîné révèle que Michel Dupuy a écrit à Alexandre Bernard en janvier. Le "
        "préfet de police avait dénoncé « des copinages malsains » et pointé le comportement "
        "d'Alexandre Bernard."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "des copinages") == "Michel Dupuy"
    dupuy = next(e for e in digest.entities if e.name == "Michel Dupuy")
    assert "prefet" in {r.role for r in dupuy.roles}


def test_the_subject_of_a_condition_is_not_the_pronoun_that_speaks(pipeline: Pipeline) -> None:
    # « Si X maintient …, prévient-il »: the text supposes something of X; « il » is the
    # senator quoted just before.
    text = (
        "Le sénateur Jean Morel a critiqué le projet sur France Inter. « C'est un texte mal "
        "écrit », a-t-il lancé. Si le ministre Pierre Dufour maintient sa réforme, prévient-il, "
        "« la majorité va se diviser »."
    )
    digest = _digest(pipeline, text)
    assert _speaker(digest, "la majorité va se diviser") == "Jean Morel"


def test_first_names_listed_together_are_people_who_speak_together(pipeline: Pipeline) -> None:
    # The tagger reads a first name alone as a place or a body; three of them listed are
    # three people.
    text = (
        "En mars 2023, Souleymane, Idriss et Hamza avaient été contrôlés à la gare de Lille. "
        "Les policiers les avaient fouillés devant tout le wagon. "
        "« Nous n'avions rien fait de mal », ont-ils déclaré à leur avocat."
    )
    digest = _digest(pipeline, text)
    assert {e.kind for e in digest.entities if e.name in {"Souleymane", "Idriss", "Hamza"}} == {
        EntityKind.PERSON
    }
    assert _speaker(digest, "Nous n'avions rien fait") == "Souleymane, Idriss et Hamza"


def test_places_listed_together_stay_places(pipeline: Pipeline) -> None:
    text = "Les orages ont frappé Lille, Roubaix et Tourcoing dans la nuit de samedi à dimanche."
    digest = _digest(pipeline, text)
    kinds = {e.name: e.kind for e in digest.entities}
    assert all(kinds.get(n, EntityKind.PLACE) is EntityKind.PLACE for n in ("Lille", "Roubaix"))


@pytest.mark.parametrize(
    "opening",
    [
        "La maire de Lille, Anne Dupuis, a rencontré mardi la maire de Roubaix, Claire Petit.",
        "Anne Dupuis, maire de Lille, a rencontré mardi Claire Petit, maire de Roubaix.",
    ],
)
def test_a_role_with_a_complement_goes_to_who_held_it_with_that_complement(
    pipeline: Pipeline, opening: str
) -> None:
    # Two mayors: « la maire de Lille » is the one the text made mayor of Lille, not the
    # mayor named last.
    text = (
        f"{opening} Les deux femmes ont signé un accord sur les transports. "
        "« C'est une première étape », a déclaré la maire de Lille."
    )
    assert _speaker(_digest(pipeline, text), "C'est une première étape") == "Anne Dupuis"


def test_a_surname_after_a_person_noun_is_that_person_when_the_tagger_missed_it(
    pipeline: Pipeline,
) -> None:
    # The tagger reads « cardinal Ruiz » as one name, which is no name; the surname alone is.
    text = (
        "George Ruiz a été nommé archevêque en 2014. Le taux atteignait 15%.Le cardinal Ruiz "
        "a été entendu à plusieurs reprises. Les juges sont persuadés qu'en 1985 le cardinal "
        "Ortega savait tout."
    )
    digest = _digest(pipeline, text)
    assert [m.span.text for m in _entity(digest, "George Ruiz").mentions] == [
        "George Ruiz",
        "Ruiz",
    ]
    assert _entity(digest, "Ortega").kind is EntityKind.PERSON


def test_an_acronym_after_a_person_noun_is_no_name(pipeline: Pipeline) -> None:
    text = "Le député LR a voté contre le texte. Le maire Les Républicains de la ville s'est tu."
    digest = _digest(pipeline, text)
    assert not [e for e in digest.entities if e.kind is EntityKind.PERSON]
