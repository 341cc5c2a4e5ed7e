"""The headline's subject named in place of a pronoun that opens the body on the same news.

News often states its event in the headline and then opens the body on a pronoun: under
« Des élus appellent à renoncer à la réforme », the body says « Ils appellent à renoncer à la
réforme en pleine crise. » That sentence is the statement of the headline's event, and it was
no candidate (a pronoun subject whose referent is elsewhere): the box then told side details.
Repaired the way newsrooms do, it reads « [Des élus] appellent à renoncer ... ».

The repair is made only when the text ties the pronoun to the headline's subject:

- the sentence is one of the body's first ``OPENING_SENTENCES`` and restates the headline
  (``Headline.match`` at least ``MIN_MATCH``: its words and figures), so its subject is the
  headline's;
- the headline (after an opening rubric, « Coronavirus : ») has a finite verb whose subject is
  a noun phrase, not a pronoun nor a quote, of the pronoun's number (and gender, for a
  singular pronoun, when both are known);
- no sentence between the body's start and the pronoun has a subject of that number that
  another noun heads (« Le maire a reçu les syndicats. Ils ... »: « ils » may be them);
- the subject's words are written in the text before the sentence (the headline block, the
  chapô, whole or without their determiner: « [Les directeurs d'école] » for the chapô's
  « aux directeurs d'école »): that mention is the evidence the verifier checks the bracket
  against (``check_insertions``). A headline given apart from the text (text input, the
  OrangeSum pages) is not in it; the chapô's own subject, when it is a noun phrase, is tried
  next (« plusieurs figures de la gauche appellent ... » for « Ils appellent ... »).

An impersonal « il » (« il faut », « il y a ») refers to nobody and is not repaired. A bare
singular description of a person as the subject (« L'actrice va mieux », ``person_nouns``) is
named the same way, on the same conditions, when the headline's subject is a name: « [Mireille
Vallon] va mieux »; never by another description (« [Des élus] » for « Les élus »). For a
description the sentence need restate less of the headline (``DESCRIPTION_MIN_MATCH``), and
only a subject before it that may be a person (a name, a ``person_nouns`` noun) competes:
« L'anecdote ... » does not stand for « la jeune femme ».
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.check.verifier import Insertion
from essentiel.facts.names import fold
from essentiel.keypoints.compress import is_finite_verb, is_subject
from essentiel.keypoints.headline import Headline
from essentiel.keypoints.select import impersonal
from essentiel.keypoints.standalone import SubjectRepair, definite_articles, person_nouns
from essentiel.model import Span
from essentiel.resources import Language

# The pronoun may open one of the body's first sentences: the lead and the one or two that
# complete it, where the headline's event is told.
OPENING_SENTENCES = 3
# How much of the headline (``Headline.match``) the sentence must restate.
MIN_MATCH = 0.3
# ... when its subject is a description of a person named by a name: the description, its
# gender and the absence of any other person before tie it to the name already, and a lead
# that restates the event in other words (« La jeune femme a été contrainte de quitter son
# domicile ... » under « Une ex Miss France victime d'une dégoûtante invasion ») says fewer of
# the headline's words (issue 33; read on validation pages 1-245).
DESCRIPTION_MIN_MATCH = 0.2
# A headline's subject longer than this is a clause, not a name for a bracket.
MAX_SUBJECT_WORDS = 8
# « Coronavirus : », « VIDÉO. »: a rubric before the headline's sentence.
_RUBRIC = re.compile(r"^[^:]{1,40}\s?:\s+|^[A-ZÉÈÀ]{3,}\.\s+")
_QUOTES = frozenset('"«»“”')
# A list item's marker before a chapô's first statement (« - Volodymyr Zelensky et ... »).
_LIST_MARKER = re.compile(r"^\s*[-–—•*·]\s+")
# Determiners a headline's subject may open with that the text may write otherwise
# (« Les directeurs » / « aux directeurs »).
_DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "des", "the", "a", "an"})


def headline_subject(title: str, lang: Language) -> tuple[str, Token] | None:
    """The headline's subject as written and its head word: the subject of the headline's
    finite main verb when it is a noun phrase; None otherwise (a headline without a verb, a
    pronoun or a quote as its subject). Of a chapô, its first sentence's."""
    return _subject_of(title, lang.code)


# Each of an article's opening sentences asks for the same headline and chapô: parsed once.
@lru_cache(maxsize=8)
def _subject_of(title: str, code: str) -> tuple[str, Token] | None:
    sentence = _RUBRIC.sub("", _LIST_MARKER.sub("", title.strip(), count=1), count=1)
    if not sentence:
        return None
    doc = pipeline(code)(sentence)
    root = next(iter(doc.sents)).root
    if is_finite_verb(root) or any(is_finite_verb(c) for c in root.children):
        subject = next((c for c in root.children if is_subject(c) and c.i < root.i), None)
        words = None
    else:
        subject, words = _participial_subject(doc, root)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(c.dep_ == "conj" for c in subject.children):
        # Several people or things (« Volodymyr Zelensky et Donald Trump ont échangé »): none
        # of them is the one « il », « elle » or « le président américain » stands for.
        return None
    if words is None:
        words = sorted(subject.subtree, key=lambda t: t.i)
    if len(words) > MAX_SUBJECT_WORDS or any(t.text in _QUOTES for t in words):
        return None
    if words[-1].i - words[0].i + 1 != len(words):
        return None  # not one run of words
    text = doc[words[0].i : words[-1].i + 1].text.strip(" ,")
    return (text, subject) if text else None


# The words a name is made of in the parse: « Patrick » heads « Balkany ».
_NAME_PARTS = frozenset({"flat:name", "flat", "compound"})


def _participial_subject(doc: Doc, root: Token) -> tuple[Token | None, list[Token] | None]:
    """A headline's passive without its auxiliary, the way French headlines state an event
    (« Emmanuel Macron hospitalisé après un malaise », « Patrick Balkany violemment pris à
    partie à Levallois-Perret »): the participle's subject, or the name the parse made the
    head with the participle hung on it. Only a name in the second form: « Une femme
    retrouvée morte » may be a noun phrase about a woman, not a statement about her. None when
    the headline has a finite verb anywhere (a relative clause makes it something else)."""
    if any(is_finite_verb(t) for t in doc):
        return None, None
    if _participle(root):
        return next((c for c in root.children if is_subject(c) and c.i < root.i), None), None
    if root.pos_ != "PROPN" or not any(
        c.dep_ == "acl" and _participle(c) and c.i > root.i for c in root.children
    ):
        return None, None
    words = [root]
    for child in root.children:
        if child.dep_ in _NAME_PARTS:
            words.extend(child.subtree)
    return root, sorted(words, key=lambda t: t.i)


def _participle(tok: Token) -> bool:
    return tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm", [])


def _opening_pronoun(sentence: ParsedSentence, lang: Language) -> Token | None:
    """The main verb's subject when it is a personal pronoun (``subject_pronouns``) before
    the verb, and not an impersonal « il »."""
    root = sentence.span.root
    for child in root.children:
        if child.dep_.startswith("expl"):
            return None  # « Il était 6 heures quand ... »: the parser's impersonal subject
        if (
            is_subject(child)
            and child.lower_ in lang.subject_pronouns
            and child.i < root.i
            and "-" not in child.text
        ):
            if child.lower_ in lang.impersonal_pronouns and impersonal(root, lang):
                return None
            return child
    # « Ils bénéficieront d'une prime de 450 euros, a précisé le ministre »: the parse makes
    # the speech verb the root and the pronoun opens the reported clause.
    first = next((t for t in sentence.span if not t.is_punct), None)
    if first is not None and opens_reported_clause(first, root) and first.lower_ in _personal(lang):
        return first
    return None


# How the parser hangs a reported clause on the speech verb after it (as its subject, too).
_REPORTED = frozenset({"ccomp", "parataxis", "nsubj", "csubj"})


def opens_reported_clause(first: Token, root: Token) -> bool:
    """``first`` is the subject of a clause that the sentence's root (a speech verb after it)
    reports: « Ils bénéficieront ..., a précisé le ministre »."""
    clause = first.head
    return (
        is_subject(first)
        and not first.dep_.startswith("expl")
        # or a root of its own: the parser may end a sentence at the closing quote mark.
        and ((clause.dep_ in _REPORTED and clause.head.i == root.i) or clause.dep_ == "ROOT")
        and clause.i < root.i
        and is_finite_verb(clause) | any(is_finite_verb(c) for c in clause.children)
    )


def _personal(lang: Language) -> frozenset[str]:
    """Subject pronouns that are persons' (« il », « ils »), not « celui-ci »."""
    return frozenset(p for p in lang.subject_pronouns if "-" not in p)


def _agrees(pronoun: Token, head: Token) -> bool:
    number = pronoun.morph.get("Number", [])
    said = head.morph.get("Number", [])
    if number and said and not set(number) & set(said):
        return False
    if "Sing" in number:
        gender = pronoun.morph.get("Gender", [])
        said_gender = head.morph.get("Gender", [])
        if gender and said_gender and not set(gender) & set(said_gender):
            return False
    return True


def _competing_subject(
    before: list[ParsedSentence], pronoun: Token, head: Token, persons: frozenset[str] = frozenset()
) -> bool:
    """A sentence before the pronoun's has a noun subject of the pronoun's number other than
    the headline's own head word: the pronoun may refer to it. With ``persons`` (the opener
    is a description of a person, ``person_nouns``), only a subject that may be a person
    competes: a name or one of those nouns (« L'anecdote » is nobody « la jeune femme » is)."""
    number = set(pronoun.morph.get("Number", []))
    for sentence in before:
        for tok in sentence.span:
            if not is_subject(tok) or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            if persons and tok.pos_ == "NOUN" and fold(tok.lemma_) not in persons:
                continue
            said = set(tok.morph.get("Number", []))
            if number and said and not number & said:
                continue
            if tok.lemma_.lower() != head.lemma_.lower():
                return True
    return False


def headline_subject_repair(
    index: int,
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    text: str,
    headline: Headline | None,
    standfirst: str | None = None,
) -> SubjectRepair | None:
    """How to name the pronoun subject of ``sentences[index]`` by the headline's subject (or
    the chapô's), or None when the text does not tie them (see the module's conditions)."""
    if (
        not (title or standfirst)
        or headline is None
        or index >= OPENING_SENTENCES
        or index >= len(sentences)
    ):
        return None
    sentence = sentences[index]
    pronoun = _opening_pronoun(sentence, lang)
    described = None if pronoun is not None else _person_description(sentence, lang)
    opener = pronoun if pronoun is not None else described
    if opener is None:
        return None
    least = MIN_MATCH if described is None else DESCRIPTION_MIN_MATCH
    if headline.match(sentence, lang.code) < least:
        return None
    start = sentence.offset + opener.idx
    if described is not None:
        words = sorted(described.subtree, key=lambda t: t.i)
        start = sentence.offset + words[0].idx
        end = sentence.offset + words[-1].idx + len(words[-1].text)
    else:
        end = start + len(opener.text)
    for statement in (title, standfirst):
        found = headline_subject(statement, lang) if statement else None
        if found is None:
            continue
        subject, head = found
        # A description is named only by a name (« [Mireille Darc] » for « L'actrice »), not
        # by another description (« [Des élus] » for « Les élus » says nothing more).
        if described is not None and head.pos_ != "PROPN":
            continue
        persons = person_nouns(lang.code) if described is not None else frozenset()
        if not _agrees(opener, head) or _competing_subject(
            sentences[:index], opener, head, persons
        ):
            continue
        evidence = _written_before(text, subject, start)
        if evidence is None:
            continue
        replaced = Span(start=start, end=end, text=text[start:end])
        insertion = Insertion(replaced=replaced, names=(subject,), evidence=evidence)
        return SubjectRepair(start, end, subject, insertion, pronoun is not None)
    return None


def _person_description(sentence: ParsedSentence, lang: Language) -> Token | None:
    """The main verb's subject when it is a bare definite description of a person before the
    verb (« L'actrice va mieux », « La chanteuse a annoncé ... »: an article, a noun of
    ``person_nouns``, adjectives), singular: who it is, the headline says by name."""
    root = sentence.span.root
    subject = next((c for c in root.children if is_subject(c) and c.i < root.i), None)
    if subject is None or subject.pos_ != "NOUN" or "Plur" in subject.morph.get("Number", []):
        return None
    phrase = sorted(subject.subtree, key=lambda t: t.i)
    if phrase[0].lower_ not in definite_articles(lang.code):
        return None
    # « Le maire de Levallois-Perret », « la sénatrice de l'Orne »: the place or body the
    # role is of, a name after « de », describes the person no less.
    of_names = {t.i for c in subject.children if _name_complement(c) for t in c.subtree}
    core = [t for t in phrase if t.i not in of_names]
    if not all(t.pos_ in {"DET", "NOUN", "ADJ"} for t in core) or any(t.ent_type_ for t in core):
        return None
    return subject if fold(subject.lemma_) in person_nouns(lang.code) else None


def _name_complement(tok: Token) -> bool:
    """``tok`` heads a complement of the noun made of a preposition, a determiner and a name
    only (« de Levallois-Perret », « de l'Orne »), after the noun."""
    return (
        tok.dep_ == "nmod"
        and tok.pos_ == "PROPN"
        and tok.i > tok.head.i
        and all(t.pos_ in {"ADP", "DET", "PROPN"} or t.text == "-" for t in tok.subtree)
    )


def _written_before(text: str, subject: str, before: int) -> Span | None:
    """Where the text writes the subject's words before ``before``: whole, or without its
    opening determiner (« directeurs d'école » in « aux directeurs d'école »)."""
    words = subject.split()
    forms = [subject]
    if len(words) > 1 and words[0].lower() in _DETERMINERS:
        forms.append(" ".join(words[1:]))
    for form in forms:
        at = text.find(form, 0, before)
        if at < 0:
            at = text.lower().find(form.lower(), 0, before)
        if at >= 0:
            return Span(start=at, end=at + len(form), text=text[at : at + len(form)])
    return None
