"""French speakers: kinds of error read on articles nobody tuned on (fresh sample C, rows
17000-17299 of the OrangeSum train split, fifteenth session; issue 32). Original sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from essentiel.analyze import pipeline as nlp
from essentiel.facts.quotes import QuoteExtractor
from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def test_an_inverted_pronoun_is_the_subject_not_the_outlet_after_it(pipe: Pipeline) -> None:
    # « explique-t-il dans le quotidien Libération »: the outlet is where he said it.
    digest = _digest(
        pipe,
        'Le député Marc Leroy a présenté son texte lundi. "Il faudra encore plusieurs mois de '
        'travail avant un vote final", explique-t-il dans le quotidien Libération. Le texte '
        "reviendra en mars.",
    )
    assert _quote(digest, "Il faudra").speaker_name == "Marc Leroy"


def test_a_name_inside_the_quote_is_not_who_the_pronoun_is(pipe: Pipeline) -> None:
    # The speaker talks about Paul Girard; he is not the « il » of the cue.
    alone = _digest(
        pipe,
        "Un message ironique a été publié mardi. « Le dossier est entre les mains de Paul "
        "Girard, pas des miens », a-t-il expliqué.",
    )
    assert _quote(alone, "Le dossier").speaker_name is None
    named = _digest(
        pipe,
        "Jean Morin a quitté la réunion. « Le dossier est entre les mains de Paul Girard, pas "
        "des miens », a-t-il expliqué.",
    )
    assert _quote(named, "Le dossier").speaker_name == "Jean Morin"


def test_celui_qui_and_celle_qui_are_pronouns_with_a_gender(pipe: Pipeline) -> None:
    digest = _digest(
        pipe,
        "L'économiste Paul Renaud a publié une note sur la dette. « La dette ne peut plus "
        "grimper », explique dans Le Figaro celui qui conseille plusieurs ministres.",
    )
    assert _quote(digest, "La dette").speaker_name == "Paul Renaud"
    woman = _digest(
        pipe,
        "La ministre Claire Dubois s'est exprimée mardi devant les députés. « Il ne faut pas "
        "brûler les étapes », martèle celle qui veut encore rassurer sa majorité.",
    )
    assert _quote(woman, "Il ne faut").speaker_name == "Claire Dubois"
    # « celle » is not the man named last.
    man = _digest(
        pipe,
        "Le maire de Lyon, Pierre Martin, a présenté son budget lundi. « Nous ne toucherons pas "
        "aux impôts cette année », promet-il. « Il faut rester prudent », insiste celle qui "
        "dirige le groupe d'opposition.",
    )
    assert _quote(man, "Il faut rester").speaker_name != "Pierre Martin"


def test_a_person_given_by_pour_goes_on_speaking(pipe: Pipeline) -> None:
    # « Pour le sociologue X, "…" notamment "…", explique-t-il »: X, not who spoke before.
    digest = _digest(
        pipe,
        "Le ministre Paul Girard a défendu sa réforme. « Nous tiendrons bon », a-t-il dit. Pour "
        "le sociologue Marc Hubert, « le pays est fatigué » notamment « sur la question des "
        "salaires », explique-t-il dans un entretien.",
    )
    assert _quote(digest, "le pays est fatigué").speaker_name == "Marc Hubert"
    assert _quote(digest, "sur la question").speaker_name == "Marc Hubert"


def test_a_clause_complement_after_the_comma_is_no_apposition(pipe: Pipeline) -> None:
    # « relève cette équipe, dans une étude publiée par la revue X »: X published it.
    digest = _digest(
        pipe,
        'Une équipe de chercheurs vient de publier ses travaux."Les particules migrent vers les '
        'ganglions", relève cette équipe de chercheurs, dans une étude publiée mardi par la '
        "revue spécialisée Toxicology Letters.",
    )
    assert _quote(digest, "Les particules").speaker_name == "cette équipe de chercheurs"


def test_a_venue_the_parser_made_the_subject_gives_way_to_the_name_after_it() -> None:
    # « Sur RTL, X, le ministre, a assuré que … » parsed with the outlet as the subject and X
    # its conjunct (as the French model read one article): the preposition says the outlet is
    # the venue; the name after it speaks. The parse is written by hand, as the model gave it.
    words = ["Sur", "RTL", ",", "Paul", "Dupont", ",", "le", "ministre", ",", "a", "assuré"]
    words += ["que", "tout", "allait", "bien", "."]
    heads = [1, 10, 3, 1, 3, 3, 7, 3, 10, 10, 10, 13, 13, 10, 13, 10]
    deps = ["case", "nsubj", "punct", "conj", "flat:name", "punct", "det", "appos", "punct"]
    deps += ["aux:tense", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX"]
    pos += ["VERB", "SCONJ", "PRON", "VERB", "ADV", "PUNCT"]
    doc = Doc(nlp("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    span, head = QuoteExtractor("fr")._speaker_of(doc[10], lambda i: False)
    assert head is not None and head.text == "Paul"
    assert span is not None and doc.text[span[0] : span[1]] == "Paul Dupont"


def test_an_incise_right_after_the_quote_reports_it_whatever_its_verb(pipe: Pipeline) -> None:
    # « "…", éclaircit X », « "…", a encore énuméré M. X »: verbs the speech list does not
    # hold, read as cues by the incise's syntax (a glued sentence after the name).
    digest = _digest(
        pipe,
        'La ministre Anne Roux a visité le plateau. "Nous voulions comprendre comment ils '
        'avaient évolué", éclaircit Antoine Morel. Vos enfants vont adorer ce programme.',
    )
    assert _quote(digest, "Nous voulions").speaker_name == "Antoine Morel"
    glued = _digest(
        pipe,
        'La sénatrice Anne Roux a ouvert le débat. "Non, la réforme n\'est pas injuste", a '
        "balayé d'un revers de main le ministre Paul Girard.Sur ce point, les syndicats sont "
        "d'accord.",
    )
    assert _quote(glued, "Non, la réforme").speaker_name == "Paul Girard"
    # A title in quotes followed by its verb is no quote with a speaker.
    title = _digest(pipe, 'Le film "La Grande Vague", sort mercredi en salles à Paris.')
    assert all(q.speaker_name is None for q in title.quotes)


def test_a_speech_verb_in_the_middle_voice_has_no_speaker(pipe: Pipeline) -> None:
    # « Ces écarts s'expliquent par … », « les pertes s'annoncent … »: things, not speakers;
    # « le ministre s'est expliqué » still speaks.
    digest = _digest(
        pipe,
        "Le ministre Paul Girard a présenté les chiffres du trimestre. Ces écarts s'expliquent "
        'surtout par la "structure sectorielle" des économies. Les pertes s\'annoncent '
        '"historiques" pour le tourisme.',
    )
    assert all(q.speaker_name is None or "écarts" not in q.speaker_name for q in digest.quotes)
    assert all(q.speaker_name is None or "pertes" not in q.speaker_name for q in digest.quotes)
    # A person's reflexive « se dire » still reports her words.
    person = _digest(pipe, 'La ministre Anne Roux s\'est dite "très inquiète" pour la saison.')
    assert _quote(person, "très inquiète").speaker_name == "Anne Roux"


def test_an_incise_inside_the_marks_gives_the_speaker(pipe: Pipeline) -> None:
    # « "…, ajoute X. …" », « "…, explique encore le géologue. …" »: the cue inside the
    # quote marks, its subject after it.
    digest = _digest(
        pipe,
        'La ministre Anne Roux a visité la vallée. Les déchets restent sur place."Les sols '
        "n'ont pas été dépollués parce que cela coûte cher, ajoute Marc Aubry. On laisse donc "
        'ce passif à des milliers de personnes." Les élus demandent le déplacement des déchets.',
    )
    assert _quote(digest, "Les sols").speaker_name == "Marc Aubry"
    described = _digest(
        pipe,
        "La ministre Anne Roux a visité la vallée. Le géologue Marc Aubry l'accompagnait.\"On "
        'peut bien sûr agir, explique encore le géologue. Il faut informer la population." Les '
        "élus demandent le déplacement des déchets.",
    )
    assert _quote(described, "On peut").speaker_name == "Marc Aubry"


def test_a_name_a_preposition_governs_is_not_who_the_pronoun_is(pipe: Pipeline) -> None:
    # « diriger vers (le ministre) X quand il rappelle … »: the pronoun is the sentence's
    # topic, named before as a subject, not the name after « vers ».
    for target in ("Marc Dubois", "le ministre Marc Dubois"):
        digest = _digest(
            pipe,
            "Le sénateur Paul Girard a longuement défendu le budget devant la commission. Il "
            "reste prudent sur la suite. Une critique qu'il semble aussi adresser vers "
            f"{target} quand il rappelle qu'il faut « du sérieux budgétaire ».",
        )
        assert _quote(digest, "du sérieux").speaker_name == "Paul Girard"


def test_a_hyphenated_place_in_the_description_is_no_name_of_its_own(pipe: Pipeline) -> None:
    # « Le porte-parole du rectorat d'Aix-Marseille a nié … »: the parser split
    # « -Marseille » off as a name in apposition; the speaker is the whole description.
    digest = _digest(
        pipe,
        "Le proviseur a porté plainte. Le porte-parole du rectorat d'Aix-Marseille a nié toute "
        '"omerta", soulignant "l\'efficacité des procédures de sécurité, parfaitement '
        'appliquées".',
    )
    assert _quote(digest, "omerta").speaker_name == "Le porte-parole du rectorat d'Aix-Marseille"


def test_a_bare_epicene_role_gives_no_gender(pipe: Pipeline) -> None:
    # « Sarah Bellil, membre d'un collectif »: « membre » is either gender (the tagger says
    # masculine); « la militante » after her quote is her.
    digest = _digest(
        pipe,
        'La réunion a duré deux heures. En France, "on vit dans le déni, toutes celles et ceux '
        "qui dénoncent ces violences sont ignorés\", estime Sarah Bellil, membre d'un collectif. "
        "\"Les habitants n'osent pas se positionner sur le sujet de peur d'être critiqués\", "
        "assure la militante.",
    )
    assert _quote(digest, "Les habitants").speaker_name == "Sarah Bellil"


def test_one_of_a_group_is_not_the_group(pipe: Pipeline) -> None:
    # « estiment les militants » … « assure la militante »: one activist, not the group
    # quoted before by its plural description.
    digest = _digest(
        pipe,
        'Ce rassemblement a été un "succès" inédit, estiment les militants et associations '
        "engagés contre les violences. La préfecture n'a pas commenté. \"Les habitants n'osent "
        "pas se positionner sur le sujet de peur d'être critiqués\", assure la militante.",
    )
    assert _quote(digest, "Les habitants").speaker_name != "les militants et associations"


def test_an_incise_closing_the_sentence_gives_a_fragment_inside_it_its_speaker(
    pipe: Pipeline,
) -> None:
    # « Toutefois, "…" des produits ne peut pas être mesuré, estime Julie X »: the verb the
    # tagger left unlemmatised, its subject after it.
    digest = _digest(
        pipe,
        "L'étude a été publiée mardi. Toutefois, \"l'effet exact sur la santé\" des produits ne "
        "peut pas encore être mesuré, estime Julie Perrin, première auteure de l'étude.",
    )
    assert _quote(digest, "l'effet exact").speaker_name == "Julie Perrin"


def test_a_document_speaks_for_the_agent_of_its_participle(pipe: Pipeline) -> None:
    # « Selon des chiffres publiés en septembre par l'Ifop »: the institute issued them.
    digest = _digest(
        pipe,
        "Le tatouage séduit les jeunes. Selon des chiffres publiés en septembre 2018 par "
        "l'Ifop, 18% des Français de plus de 18 ans sont tatoués.",
    )
    assert _quote(digest, "18%").speaker_name == "Ifop"
