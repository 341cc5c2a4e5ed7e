"""A person the box names without saying who they are gets the role the text sets beside the
name, in brackets after it (``keypoints/roles.py``), verified (``Verifier._inserted_role``).
Original sentences written for the tests."""

from __future__ import annotations

from essentiel import resources
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints.roles import introduce_roles, role_beside
from essentiel.model import (
    CheckKind,
    Entity,
    EntityKind,
    EntityMention,
    KeyPoint,
    MentionForm,
    Span,
    Verdict,
)

TEXT = (
    "Le conservateur du musée, Paul Gardet, a fermé les salles jeudi. "
    "Hélène Roussel, 58 ans, directrice de l'office de tourisme, a regretté la décision. "
    "Selon le procureur de Saint-Malo, Yves Caradec, aucune plainte n'a été déposée. "
    "Paul Gardet a promis de rouvrir les salles en mai. "
    "Hélène Roussel prévoit une perte de 2000 visiteurs. "
    "La mère de Lucie Brun, une infirmière, a prévenu la mairie. "
    "Lucie Brun a été soignée sur place. "
    "L'avocat de Marc Tessier a demandé un report. "
    "Marc Tessier a été entendu lundi."
)


def _sentences(text: str = TEXT) -> list[ParsedSentence]:
    doc = pipeline("fr")(text)
    return [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]


def _span(words: str, nth: int = 0, text: str = TEXT) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return Span(start=at, end=at + len(words), text=words)


def _person(name: str) -> Entity:
    mentions = [
        EntityMention(span=_span(name, k), form=MentionForm.NAME, block=0)
        for k in range(TEXT.count(name))
    ]
    return Entity(kind=EntityKind.PERSON, name=name, aliases=[], mentions=mentions)


def _point(sentence: str, text: str = TEXT) -> KeyPoint:
    source = _span(sentence, text=text)
    return KeyPoint(
        text=sentence,
        sources=[source],
        fragments=[source],
        removed=[],
        fallback=False,
        verdict=Verdict(passed=True, checks=[], problems=[]),
    )


def test_a_role_before_the_name_and_one_apposed_after_it() -> None:
    sentences = _sentences()
    before = role_beside(_span("Yves Caradec"), sentences, "fr")
    assert before is not None and before.role == "procureur de Saint-Malo"
    assert before.evidence.text == "procureur de Saint-Malo, Yves Caradec"
    after = role_beside(_span("Hélène Roussel"), sentences, "fr")
    assert after is not None and after.role == "directrice de l'office de tourisme"
    assert after.evidence.text.startswith("Hélène Roussel, 58 ans, ")


def test_no_role_for_a_name_that_is_a_complement() -> None:
    sentences = _sentences()
    # « La mère de Lucie Brun, une infirmière »: the nurse may be the mother.
    assert role_beside(_span("Lucie Brun"), sentences, "fr") is None
    # « L'avocat de Marc Tessier »: the lawyer is someone else.
    assert role_beside(_span("Marc Tessier"), sentences, "fr") is None


def test_the_box_gets_the_role_once_and_verified() -> None:
    sentences = _sentences()
    verifier = Verifier(resources.language("fr"), None)
    entities = [_person("Paul Gardet"), _person("Hélène Roussel")]
    points = [
        _point("Paul Gardet a promis de rouvrir les salles en mai."),
        _point("Hélène Roussel prévoit une perte de 2000 visiteurs."),
    ]
    out = introduce_roles(points, sentences, entities, TEXT, "fr", verifier)
    assert (
        out[0].text == "Paul Gardet [conservateur du musée] a promis de rouvrir les salles en mai."
    )
    assert out[1].text.startswith("Hélène Roussel [directrice de l'office de tourisme] prévoit")
    assert all(p.verdict.passed and "role_introduced" in p.removed for p in out)
    check = next(c for c in out[0].verdict.checks if c.kind is CheckKind.ROLE)
    assert (
        check.evidence is not None and check.evidence.text == "conservateur du musée, Paul Gardet"
    )
    # Named a second time in the box: no second bracket.
    again = introduce_roles([*points, points[0]], sentences, entities, TEXT, "fr", verifier)
    assert "[" not in again[2].text


def test_a_bullet_that_says_the_role_gets_none() -> None:
    sentences = _sentences()
    verifier = Verifier(resources.language("fr"), None)
    entities = [_person("Hélène Roussel")]
    said = "Hélène Roussel, 58 ans, directrice de l'office de tourisme, a regretté la décision."
    out = introduce_roles([_point(said)], sentences, entities, TEXT, "fr", verifier)
    assert out[0].text == said


def _verify(bullet: str, evidence: str, role: str) -> tuple[bool, list[str]]:
    verifier = Verifier(resources.language("fr"), None)
    source = _span("Paul Gardet a promis de rouvrir les salles en mai.")
    proof = _span(evidence)
    insertion = Insertion(replaced=proof, names=(role,), evidence=proof, kind="role")
    verdict = verifier.verify(bullet, [source], [insertion])
    return verdict.passed, verdict.problems


def test_the_verifier_passes_the_role_set_beside_that_name() -> None:
    passed, problems = _verify(
        "Paul Gardet [conservateur du musée] a promis de rouvrir les salles en mai.",
        "conservateur du musée, Paul Gardet",
        "conservateur du musée",
    )
    assert passed, problems


def test_the_verifier_fails_a_role_of_another_person() -> None:
    # The role is Yves Caradec's, set beside his name: not Paul Gardet's.
    passed, problems = _verify(
        "Paul Gardet [procureur de Saint-Malo] a promis de rouvrir les salles en mai.",
        "procureur de Saint-Malo, Yves Caradec",
        "procureur de Saint-Malo",
    )
    assert not passed and any("inserted role" in p for p in problems)


def test_the_verifier_fails_a_wrong_role() -> None:
    # Words the evidence does not set beside the name.
    passed, _ = _verify(
        "Paul Gardet [maire de Saint-Malo] a promis de rouvrir les salles en mai.",
        "conservateur du musée, Paul Gardet",
        "maire de Saint-Malo",
    )
    assert not passed


def test_the_verifier_fails_a_role_whose_complement_is_the_name() -> None:
    text = "L'avocat de Marc Tessier"
    assert text in TEXT
    verifier = Verifier(resources.language("fr"), None)
    source = _span("Marc Tessier a été entendu lundi.")
    proof = _span("avocat de Marc Tessier")
    insertion = Insertion(replaced=proof, names=("avocat de",), evidence=proof, kind="role")
    verdict = verifier.verify(
        "Marc Tessier [avocat de] a été entendu lundi.", [source], [insertion]
    )
    assert not verdict.passed


def test_english_titles_and_appositions() -> None:
    text = (
        "The council leader, Margaret Oakes, said the defences had held. "
        "Tom Ridley, 54, a shop owner in the town centre, said the water rose fast. "
        "Police chief Dan Moore declined to comment. "
        "A spokesman for Bill Evans said no."
    )
    doc = pipeline("en")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="en") for s in doc.sents]

    def role(name: str) -> str | None:
        found = role_beside(_span(name, text=text), sentences, "en")
        return found.role if found else None

    assert role("Margaret Oakes") == "council leader"
    assert role("Tom Ridley") == "shop owner in the town centre"
    assert role("Dan Moore") == "Police chief"
    # The spokesman is someone else's: the name is the complement.
    assert role("Bill Evans") is None


def test_an_elected_member_by_abbreviation_and_an_expert_by_field_are_roles() -> None:
    # English round 37: « Chi Onwurah, the Labour MP for Newcastle Central, who ... » was
    # named with no role; a relative after the apposition's comma does not stop it.
    text = (
        "Ruth Okafor, the Labour MP for Leeds North, who is backing the report, said it was "
        "damning. Lena Holm, the state epidemiologist, said cases were falling."
    )
    doc = pipeline("en")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="en") for s in doc.sents]
    found = role_beside(_span("Ruth Okafor", text=text), sentences, "en")
    assert found is not None and found.role == "Labour MP for Leeds North"
    found = role_beside(_span("Lena Holm", text=text), sentences, "en")
    assert found is not None and found.role == "state epidemiologist"


def test_a_role_is_not_cut_inside_a_coordinated_complement() -> None:
    # « secrétaire d'État à l'Égalité entre les femmes » is not her office: the role stops
    # only where a second role begins (« directrice … et ancienne conseillère »).
    text = (
        "Claire Dumont, secrétaire d'État à l'Égalité entre les femmes et les hommes, a défendu "
        "son entretien. Jeanne Roux, directrice de la banque régionale et ancienne conseillère "
        "du ministre, a salué le plan."
    )
    sentences = _sentences(text)
    assert role_beside(_span("Claire Dumont", text=text), sentences, "fr") is None
    second = role_beside(_span("Jeanne Roux", text=text), sentences, "fr")
    assert second is not None and second.role == "directrice de la banque régionale"


def test_a_name_after_its_team_s_possessive_gets_no_role() -> None:
    # « The Indiana Pacers' Chris Copeland [player for the Indiana Pacers] » (CNN/DM, read in
    # the twentieth session): the possessive already says whose player he is.
    from essentiel import Pipeline

    text = (
        "The Leeds Rhinos' Marcus Dale was injured in a crash on the M62 near Wakefield on "
        "Sunday night, police said. Marcus Dale, a winger for the Leeds Rhinos, was taken to "
        "hospital with a broken leg. The driver of the other car, a 41-year-old man, was "
        "arrested at the scene. The motorway was closed for six hours while officers examined "
        "the wreckage."
    )
    first = Pipeline().digest(text, lang="en").keypoints[0]
    assert first.text.startswith("The Leeds Rhinos' Marcus Dale was injured"), first.text
    assert "[" not in first.text


EN_TEXT = (
    "Former Wales captain Owen Pryce was cheering in the stands as his horse won at Chepstow. "
    "Owen Pryce bought a share in the gelding with two friends in 2019. "
    "The race was worth 40,000 pounds to the winner."
)


def _en(sentence: str) -> KeyPoint:
    return _point(sentence, EN_TEXT)


def _en_setting() -> tuple[list[ParsedSentence], Entity, Verifier]:
    doc = pipeline("en")(EN_TEXT)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="en") for s in doc.sents]
    name = "Owen Pryce"
    mentions = [
        EntityMention(span=_span(name, k, EN_TEXT), form=MentionForm.NAME, block=0)
        for k in range(EN_TEXT.count(name))
    ]
    entity = Entity(kind=EntityKind.PERSON, name=name, aliases=[], mentions=mentions)
    return sentences, entity, Verifier(resources.language("en"), None)


def test_a_role_that_opened_its_sentence_loses_the_capital_inside_the_bracket() -> None:
    sentences, entity, verifier = _en_setting()
    bought = _en("Owen Pryce bought a share in the gelding with two friends in 2019.")
    out = introduce_roles([bought], sentences, [entity], EN_TEXT, "en", verifier)
    assert out[0].text.startswith("Owen Pryce [former Wales captain] bought"), out[0].text
    assert out[0].verdict.passed


def test_no_bracket_for_a_role_another_bullet_of_the_box_states() -> None:
    sentences, entity, verifier = _en_setting()
    bought = _en("Owen Pryce bought a share in the gelding with two friends in 2019.")
    cheering = _en(
        "Former Wales captain Owen Pryce was cheering in the stands as his horse won at Chepstow."
    )
    out = introduce_roles([bought, cheering], sentences, [entity], EN_TEXT, "en", verifier)
    assert out[0].text == bought.text


def test_a_bullet_using_the_role_alone_keeps_the_bracket_before_it() -> None:
    sentences, entity, verifier = _en_setting()
    bought = _en("Owen Pryce bought a share in the gelding with two friends in 2019.")
    text = EN_TEXT + " The former Wales captain said the win was a dream."
    said = Span(start=len(EN_TEXT) + 1, end=len(text), text=text[len(EN_TEXT) + 1 :])
    again = KeyPoint(
        text=said.text,
        sources=[said],
        fragments=[said],
        removed=[],
        fallback=False,
        verdict=Verdict(passed=True, checks=[], problems=[]),
    )
    out = introduce_roles([bought, again], sentences, [entity], text, "en", verifier)
    assert out[0].text.startswith("Owen Pryce [former Wales captain] bought"), out[0].text
