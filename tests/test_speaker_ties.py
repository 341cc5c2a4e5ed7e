"""Descriptions tied to the person or body they stand for, by evidence the article gives
(issue 32, item 3): a title before a name, a body's category, the rest of the sentence.
Original sentences written for these tests."""

from __future__ import annotations

from essentiel.pipeline import Pipeline

from .conftest import digest_fr as _digest
from .conftest import quote_starting as _quote


def test_a_title_makes_the_person_the_category_it_marks(pipeline: Pipeline) -> None:
    # « sœur Agnès » is « la religieuse » two sentences on; the man named between is not.
    text = (
        "Au couvent de Lisieux, sœur Agnès Vernier accueille les visiteurs depuis trente ans. "
        "Le maire Paul Garnier est venu la saluer mardi. « Je n'ai jamais pensé partir d'ici », "
        "confie la religieuse."
    )
    quote = _quote(_digest(pipeline, text), "Je n'ai jamais pensé")
    assert quote.speaker_name == "Agnès Vernier"


def test_a_possessive_before_the_title_is_kin_not_a_title(pipeline: Pipeline) -> None:
    # « sa sœur Agnès » is his sister: nothing makes her « la religieuse ».
    text = (
        "Paul Garnier vit à Lisieux avec sa sœur Agnès Vernier depuis trente ans. « Je n'ai "
        "jamais pensé partir d'ici », confie la religieuse."
    )
    quote = _quote(_digest(pipeline, text), "Je n'ai jamais pensé")
    assert quote.speaker_name != "Agnès Vernier"


def test_a_description_the_sentence_goes_on_to_name_is_that_person(pipeline: Pipeline) -> None:
    # « Me » makes Lucas Ferrand an « avocat »; he is named after the description, in its
    # sentence, beyond a participle clause. The mayor named before is not the lawyer.
    text = (
        "Le maire de Brioude, Henri Dussol, a été relaxé jeudi. La décision est « juste », a "
        "indiqué l'avocat des riverains réunis en association, Me Lucas Ferrand."
    )
    quote = _quote(_digest(pipeline, text), "juste")
    assert quote.speaker_name == "Lucas Ferrand"


def test_a_body_noun_stands_for_the_body_of_its_category(pipeline: Pipeline) -> None:
    # « la radio locale » is the outlet named before (France Bleu is an outlet by the
    # gazetteer), not the town the next words name.
    text = (
        "Un incendie a détruit un entrepôt à Privas, selon France Bleu. Les flammes ont "
        "parcouru trois hectares, selon la radio locale, Saint-Julien étant épargnée."
    )
    quote = _quote(_digest(pipeline, text), "Les flammes ont parcouru")
    assert quote.speaker_name == "France Bleu"


def test_a_description_of_one_category_is_the_body_described_by_another_noun(
    pipeline: Pipeline,
) -> None:
    # The body's name holds « fédération »; « le syndicat » is a noun of the same category.
    text = (
        "Jeudi, la Fédération autonome des cheminots a appelé à la grève dans toute la région. "
        "Les cheminots sont « à bout », affirme le syndicat."
    )
    quote = _quote(_digest(pipeline, text), "à bout")
    assert quote.speaker_name == "Fédération autonome des cheminots"


def test_an_adjective_of_a_category_makes_the_noun_a_body_description(pipeline: Pipeline) -> None:
    # « la deuxième force syndicale »: no body noun, but an adjective of the unions' category.
    text = (
        "Jeudi, la Fédération autonome des cheminots a appelé à la grève dans toute la région. "
        "Les cheminots sont « à bout », estime la deuxième force syndicale du secteur."
    )
    quote = _quote(_digest(pipeline, text), "à bout")
    assert quote.speaker_name == "Fédération autonome des cheminots"


def test_a_document_of_a_described_body_speaks_for_the_body(pipeline: Pipeline) -> None:
    # « un communiqué de l'entreprise »: the company named before, not the words.
    text = (
        "Le constructeur Renault a fermé son usine de Flins mardi. Les salariés seront « tous "
        "reclassés », selon un communiqué de l'entreprise."
    )
    quote = _quote(_digest(pipeline, text), "tous reclassés")
    assert quote.speaker_name == "Renault"


def test_a_document_of_a_body_the_text_never_named_keeps_its_words(pipeline: Pipeline) -> None:
    text = (
        "Une usine a fermé à Flins mardi. Les salariés seront « tous reclassés », selon un "
        "communiqué de l'entreprise."
    )
    quote = _quote(_digest(pipeline, text), "tous reclassés")
    assert quote.speaker_name == "l'entreprise"


def test_a_pronoun_does_not_skip_the_man_made_subject_since(pipeline: Pipeline) -> None:
    # Paul Garnier spoke first; Marc Lenoir is the subject of the sentence since: « il ».
    text = (
        "Le maire Paul Garnier s'est dit « très surpris » par la décision. Dans un "
        "communiqué publié lundi, le conseiller Marc Lenoir s'en prend au maire. « Cette ville "
        "mérite mieux que des promesses », écrit-il."
    )
    quote = _quote(_digest(pipeline, text), "Cette ville mérite")
    assert quote.speaker_name == "Marc Lenoir"


def test_a_man_named_inside_what_the_speaker_said_is_not_that_subject(
    pipeline: Pipeline,
) -> None:
    # Marc Lenoir is the subject of what Paul Garnier says (« estime que … »): Garnier goes on.
    text = (
        "Le maire Paul Garnier s'est dit « très surpris » par la décision. Il estime que Marc "
        "Lenoir a toujours sa place au conseil. « Cette ville mérite mieux que des "
        "promesses », a-t-il ajouté."
    )
    quote = _quote(_digest(pipeline, text), "Cette ville mérite")
    assert quote.speaker_name == "Paul Garnier"


def test_a_set_epithet_stands_for_the_holder_of_its_office(pipeline: Pipeline) -> None:
    # « le premier flic de France » is the minister of the interior the text named, not the
    # prefect named since.
    text = (
        "Mardi, le ministre de l'Intérieur Paul Garnier s'est rendu à Rouen. Il a rencontré le "
        "préfet Marc Lenoir. Le premier flic de France a assuré que « la sécurité sera "
        "renforcée »."
    )
    quote = _quote(_digest(pipeline, text), "la sécurité sera")
    assert quote.speaker_name == "Paul Garnier"


def test_a_role_that_names_its_holder_further_on_is_not_the_man_named_before(
    pipeline: Pipeline,
) -> None:
    # « le président » would go to the man named just before by proximity; the phrase itself
    # names its holder after its complements.
    text = (
        "Mardi, le Premier ministre Paul Garnier a visité le site. Devant les ruines, le "
        "président LR du conseil départemental de l'Orne Marc Lenoir a promis que l'école "
        "serait « reconstruite avant un an »."
    )
    quote = _quote(_digest(pipeline, text), "reconstruite avant")
    assert quote.speaker_name == "Marc Lenoir"


def test_a_body_noun_is_never_a_body_of_another_category(pipeline: Pipeline) -> None:
    # « l'entreprise » read as an apposition to France Inter (an outlet) is still the
    # company: no tie across the gazetteer's categories.
    text = (
        "Les contrôleurs ont-ils été payés par la SNCF ? Selon des notes qu'a pu lire France "
        "Inter, l'entreprise ferroviaire aurait versé des primes. Interrogée, la direction de "
        "la SNCF a confirmé les versements. « Ces agents ont permis aux trains de rouler », a "
        "justifié l'entreprise."
    )
    quote = _quote(_digest(pipeline, text), "Ces agents ont permis")
    assert quote.speaker_name == "SNCF"
