"""Speakers by the syntax of the cue clause (issue 32): an incise's inverted subject when the
parser hangs it on a date or takes it for a complement, or gives the verb the quoted clause's
subject. Original sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from essentiel.analyze import pipeline as nlp
from essentiel.facts.quotes import QuoteExtractor, _antecedent, _bare_subject, _cut_off
from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline()


def test_an_inverted_subject_after_a_date_speaks(pipe: Pipeline) -> None:
    # The parser hangs « le ministère » on « mars » (no preposition between them): still the
    # incise's subject, not the subject of the reported clause.
    d = _digest(
        pipe,
        'Les artisans "en difficulté" recevront une aide d\'urgence dès avril, a annoncé '
        "mardi 3 mars le ministère du Travail.",
    )
    assert _quote(d, "en difficulté").speaker_name == "le ministère du Travail"
    d = _digest(
        pipe,
        'Les mois de mai et de juin seront "très chargés" pour les jardiniers, où la demande va '
        "doubler, a affirmé lundi 2 mars la fédération nationale des pépiniéristes.",
    )
    assert _quote(d, "très chargés").speaker_name == "la fédération nationale des pépiniéristes"


# « Le moulin, situé à Dinan, "n'est pas à vendre", a encore expliqué Sonia. » as the parser
# read a sentence of this shape in an article: the quoted clause's subject given to the
# incise's verb, and the name after the verb taken for its complement.
def _parse() -> Doc:
    words = [
        "Le", "moulin", ",", "situé", "à", "Dinan", ",", '"', "n'", "est", "pas", "à", "vendre",
        '"', ",", "a", "encore", "expliqué", "Sonia", ".",
    ]  # fmt: skip
    heads = [1, 17, 1, 1, 5, 3, 12, 12, 12, 12, 12, 12, 17, 12, 17, 17, 17, 17, 17, 17]
    deps = [
        "det", "nsubj", "punct", "acl", "case", "obl", "punct", "punct", "advmod", "cop",
        "advmod", "mark", "ccomp", "punct", "punct", "aux:tense", "advmod", "ROOT", "xcomp",
        "punct",
    ]  # fmt: skip
    pos = [
        "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "PUNCT", "ADV", "AUX", "ADV",
        "ADP", "VERB", "PUNCT", "PUNCT", "AUX", "ADV", "VERB", "PROPN", "PUNCT",
    ]  # fmt: skip
    return Doc(nlp("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_subject_cut_off_by_the_closing_mark_is_not_the_incise_s() -> None:
    doc = _parse()
    a, b = doc[8].idx, doc[12].idx + len(doc[12].text)  # inside the marks
    assert _cut_off(doc[1], doc[17])
    span, head = QuoteExtractor("fr")._speaker_of(doc[17], lambda i: a <= i < b)
    assert head is not None and head.text == "Sonia"
    assert span == (doc[18].idx, doc[18].idx + len("Sonia"))


def test_a_subject_before_its_verb_with_no_mark_between_keeps_it(pipe: Pipeline) -> None:
    # No closing mark between « Le maire » and its verb: he speaks, not the person after.
    d = _digest(pipe, 'Le maire, interrogé dimanche, a qualifié le préfet de "menteur".')
    assert _quote(d, "menteur").speaker_name == "Le maire"


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(nlp("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_relative_pronoun_parsed_into_a_conjunct_speaks_for_the_phrase_before_it() -> None:
    # « Le projet a été critiqué par la Suède qui a exhorté Berlin à "tout revoir". », as the
    # parser read a sentence of this shape: the relative clause made a conjunct of
    # « critiqué », its « qui » no longer tied to « la Suède ».
    doc = _doc(
        ["Le", "projet", "a", "été", "critiqué", "par", "la", "Suède", "qui", "a", "exhorté",
         "Berlin", "à", '"', "tout", "revoir", '"', "."],
        [1, 4, 4, 4, 4, 7, 7, 4, 10, 10, 4, 10, 15, 15, 15, 10, 15, 4],
        ["det", "nsubj:pass", "aux:tense", "aux:pass", "ROOT", "case", "det", "obl:agent",
         "nsubj", "aux:tense", "conj", "obj", "mark", "punct", "obj", "xcomp", "punct",
         "punct"],
        ["DET", "NOUN", "AUX", "AUX", "VERB", "ADP", "DET", "PROPN", "PRON", "AUX", "VERB",
         "PROPN", "ADP", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
    )  # fmt: skip
    a, b = doc[14].idx, doc[15].idx + len("revoir")
    span, head = QuoteExtractor("fr")._speaker_of(doc[10], lambda i: a <= i < b)
    assert head is not None and head.text == "Suède"
    assert span is not None and doc.text[span[0] : span[1]] == "la Suède"


def test_the_antecedent_is_the_head_of_the_phrase_not_its_complement() -> None:
    # « une porte-parole du mouvement Terre Vive, qui »: the spokeswoman, not the movement.
    doc = _doc(
        ["une", "porte-parole", "du", "mouvement", "Terre", "Vive", ",", "qui", "salue"],
        [1, 8, 3, 1, 3, 4, 7, 8, 8],
        ["det", "nsubj", "case", "nmod", "appos", "flat:name", "punct", "nsubj", "ROOT"],
        ["DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "PUNCT", "PRON", "VERB"],
    )
    antecedent = _antecedent(doc[7])
    assert antecedent is not None and antecedent.text == "porte-parole"
    # Nothing nominal before it: none.
    doc = _doc(["Hier", ",", "qui", "parle", "?"], [3, 0, 3, 3, 3],
               ["advmod", "punct", "nsubj", "ROOT", "punct"],
               ["ADV", "PUNCT", "PRON", "VERB", "PUNCT"])  # fmt: skip
    assert _antecedent(doc[2]) is None


def test_a_finite_verb_the_lemmatiser_left_as_written_is_still_speech() -> None:
    # « La mairie estime que … » with « estime » given back as its own lemma, as the
    # lemmatiser does in some sentences: a speech verb by its form plus « r ».
    doc = Doc(
        nlp("fr").vocab,
        words=["La", "mairie", "estime", "que", "tout", "va", "bien"],
        heads=[1, 2, 2, 5, 5, 2, 5],
        deps=["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "advmod"],
        pos=["DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB", "ADV"],
        lemmas=["le", "mairie", "estime", "que", "tout", "aller", "bien"],
        morphs=["", "", "Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin", "", "", "", ""],
    )
    extractor = QuoteExtractor("fr")
    assert extractor._is_speech(doc[2])
    # After a relative pronoun it may be another verb's clause (« l'initiative, qui
    # demande le retrait … »): left to the lemma.
    doc = Doc(
        nlp("fr").vocab,
        words=["l'", "initiative", ",", "qui", "demande", "le", "retrait"],
        heads=[1, 1, 1, 4, 1, 6, 4],
        deps=["det", "ROOT", "punct", "nsubj", "acl:relcl", "det", "obj"],
        pos=["DET", "NOUN", "PUNCT", "PRON", "VERB", "DET", "NOUN"],
        lemmas=["le", "initiative", ",", "qui", "demande", "le", "retrait"],
        morphs=["", "", "", "", "Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin", "", ""],
    )
    assert not extractor._is_speech(doc[4])


def test_an_inverted_group_with_its_article_and_number_speaks(pipe: Pipeline) -> None:
    d = _digest(
        pipe,
        "Paul Marin et Luc Besson ont rencontré le préfet. \"C'est un signal très inquiétant "
        'pour les agriculteurs de la vallée", ont déclaré les deux élus.',
    )
    assert _quote(d, "C'est un signal").speaker_name == "Paul Marin et Luc Besson"
    d = _digest(
        pipe, '"Nous ne céderons rien sur les salaires", ont affirmé les trois syndicalistes.'
    )
    assert _quote(d, "Nous ne céderons").speaker_name == "les trois syndicalistes"
    # An age after the name is still no speaker.
    d = _digest(
        pipe, '"J\'ai connu ce quartier quand il était calme", a raconté Antonio Dias, 30 ans.'
    )
    assert _quote(d, "J'ai connu").speaker_name == "Antonio Dias"


def test_selon_lesquelles_attributes_the_claim_after_it_to_the_antecedent(pipe: Pipeline) -> None:
    d = _digest(
        pipe,
        "Le maire de Brennec a démenti des rumeurs selon lesquelles l'usine fermerait ses "
        "portes avant l'été.",
    )
    (q,) = d.quotes
    assert q.content.text == "l'usine fermerait ses portes avant l'été"
    assert q.speaker is not None and q.speaker.text == "des rumeurs"
    d = _digest(
        pipe, "Le syndicat cite une étude d'après laquelle les loyers ont doublé en dix ans."
    )
    (q,) = d.quotes
    assert q.content.text == "les loyers ont doublé en dix ans"
    assert q.speaker is not None and q.speaker.text == "une étude"


def test_an_adverb_before_selon_right_after_the_quote_keeps_it_the_cue(pipe: Pipeline) -> None:
    # « toujours selon X » right after the quote: X's words, not those of the verb of the
    # relative clause before (« qui a raconté »).
    d = _digest(
        pipe,
        'La jeune femme, qui a raconté les faits aux enquêteurs, a été placée "sous protection '
        'dans un foyer adapté", toujours selon le parquet de Rennes.',
    )
    q = _quote(d, "sous protection")
    assert q.cue is not None and q.cue.text == "selon"
    assert q.speaker_name == "le parquet de Rennes"


def test_a_pronoun_goes_to_its_own_sentence_s_subject_before_the_previous_speaker(
    pipe: Pipeline,
) -> None:
    d = _digest(
        pipe,
        '"Nous ne lâcherons rien", a prévenu Paul Girard. Le ministre Marc Lenoir a ensuite '
        'reçu les deux maires, qu\'il a félicités pour leur "accueil très chaleureux".',
    )
    assert _quote(d, "accueil").speaker_name == "Marc Lenoir"
    # With no subject of its own sentence, the pronoun still continues the speaker.
    d = _digest(
        pipe,
        '"Nous ne lâcherons rien", a prévenu Paul Girard. "Nous serons là demain matin devant '
        'la mairie", a-t-il ajouté.',
    )
    assert _quote(d, "Nous serons").speaker_name == "Paul Girard"


def _bare_parse(noun: str, number: str) -> Doc:
    # « Avec ce principe, le tribunal administratif rappelle que … », as the parser read a
    # sentence of this shape: the verb hung on the noun of the opening phrase, with no
    # subject, and the noun phrase before it taken for a complement of that noun.
    return Doc(
        nlp("fr").vocab,
        words=["Avec", "ce", "principe", ",", "le", noun, "administratif", "rappelle", "que",
               "tout", "va", "bien"],
        heads=[2, 2, 2, 2, 5, 2, 5, 2, 10, 10, 7, 10],
        deps=["case", "det", "ROOT", "punct", "det", "nmod", "amod", "acl", "mark", "nsubj",
              "ccomp", "advmod"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "ADJ", "VERB", "SCONJ", "PRON",
             "VERB", "ADV"],
        morphs=["", "", "", "", "", f"Number={number}", "", "Number=Sing|VerbForm=Fin", "", "",
                "", ""],
    )  # fmt: skip


def test_the_noun_phrase_right_before_a_finite_verb_with_no_subject_is_its_subject() -> None:
    doc = _bare_parse("tribunal", "Sing")
    subject = _bare_subject(doc[7])
    assert subject is not None and subject.text == "tribunal"
    span, head = QuoteExtractor("fr")._speaker_of(doc[7], lambda i: False)
    assert head is not None and head.text == "tribunal"
    assert span is not None and doc.text[span[0] : span[1]] == "le tribunal administratif"
    # Not a plural noun before a singular verb: no subject of it.
    assert _bare_subject(_bare_parse("juges", "Plur")[7]) is None


def test_a_quote_with_no_cue_goes_to_the_subject_of_its_clause(pipe: Pipeline) -> None:
    # No speech verb: the quote is what the clause's subject says or holds (the weekday the
    # parser also made a subject does not speak).
    d = _digest(
        pipe,
        "Dimanche, la mairie étudiera \"la possibilité d'ouvrir la piscine tout l'été aux "
        'enfants du quartier".',
    )
    assert _quote(d, "la possibilité").speaker_name == "la mairie"
    d = _digest(
        pipe,
        "D'autres témoins dans le nord de l'île ont fait état d'une secousse \"très forte mais "
        'heureusement très courte".',
    )
    speaker = _quote(d, "très forte").speaker
    assert speaker is not None and speaker.text.startswith("D'autres témoins")
    # A passive subject was told, not telling.
    d = _digest(
        pipe,
        "Les habitants n'ont été prévenus \"que trois jours avant le début des travaux du "
        'chantier".',
    )
    assert _quote(d, "que trois jours").speaker is None


def test_a_cue_less_quote_s_subject_with_a_name_beside_it_goes_to_the_name(pipe: Pipeline) -> None:
    # « le député LREM X »: the party beside the role is not who speaks; the person is.
    d = _digest(
        pipe,
        "Le député LREM Florian Morvan s'est prononcé mercredi en faveur d'une \"consultation "
        'sur plusieurs thèmes de la réforme".',
    )
    assert _quote(d, "consultation").speaker_name == "Florian Morvan"
