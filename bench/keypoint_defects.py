"""The reader's measure: count the key points a reader would stumble on, and the boxes.

A bullet passes the verifier when every name, number, date and quote in it is in its source;
it can still read badly, or the box can miss the news. This counts, over the default digests
of a set of articles, each kind of defect that blind judging found (issue 33). Per bullet:

- ``needs_context``: the bullet does not stand alone. Four ways, also counted apart:
  ``context_pronoun`` (it opens on a pronoun or a demonstrative, « C'est le deuxième cas »,
  « Ces derniers ... »; « en » only where the parse reads a pronoun, not « En 2019, », or
  the main verb's subject is a personal pronoun, « Âgé de 70 ans, il ... »),
  ``context_link`` (a discourse link, « Car ... », « Mais il y a également ... »; « Outre »
  only with a demonstrative or a pronoun after it, « Outre cela, »: « Outre les 78 excès
  relevés, » says what it adds to),
  ``context_temporal`` (a time known from the sentence before, « Entretemps, », « À
  l'époque, », « Déjà, », « Pour l'occasion, », or a time counted from another sentence's,
  « Trois mois plus tard, », « Deux jours plus tôt, »: the engine's ``[compress]
  relative_time_*``; not one followed by its hour, « Peu après 23 heures, ») and
  ``context_description`` (the main verb's subject is a definite description, « L'humoriste
  a annoncé ... », and the bullet names nobody; not a subject the reader knows without a
  name, ``[standalone] known_without_name``: « Le gouvernement »). A pronoun the key points
  replaced by a name in brackets (« [Jean Dupont] a annoncé ») and an impersonal « il »
  (« D'après les pompiers, il a fallu ... ») need nothing; nor does a pronoun standing for
  the subject of the bullet just before when that bullet is the article's sentence before it
  and cut no other noun the pronoun could stand for (a follow-on, ``keypoints/follow_on.py``:
  judges mark such pairs as readable as any),
  counted apart as ``follow_ons``;
- ``no_finite_verb``: no finite verb in what the bullet keeps (« Une publication qui ... »),
  or only a subordinate clause (« Avant que les secours n'arrivent sur place. », the test
  the selector applies: ``compress.subordinate_only``), or a noun and its relative clause
  (« Une rumeur que le ministère a tenu à démentir », the « que » read as a conjunction;
  « Dans la matinée, un motard qui a été contrôlé à 174 km/h », a head after a preposition:
  judged rounds 31 and 32, ``select.opens_relative``);
  a verb the parse hung on the subject's noun, in a relative clause closed by a comma before
  it (« Les soldes, qui doivent s'achever le 11 août, ne permettront pas ... ») or read as a
  noun (« La police enquête ... ») is the main one, as the selector reads it; so is one the
  parse hung under a participle (« un défaut lié à X serait à l'origine »), in a « relative
  clause » with no relative pronoun, as a conjunct with no « et » after a relative clause, or
  read as an adjective with its subject before it (« Le gouvernement insiste sur ... »); so is
  a finite auxiliary the tagger did not read as a verb, heading the clause with its subject
  or serving a verb (« X, un jeune Malien de 22 ans, a escaladé ... », « a » tagged X;
  ``[verb] finite_auxiliaries``);
- ``quote_cut``: the bullet starts or ends inside a quotation that the source closes
  (« 1 million » a d'abord expliqué X. »);
- ``unclosed_quote``: otherwise, the bullet's quote marks do not pair up;
- ``glued_heading``: a heading or a paragraph with no final stop run into the sentence
  (« ... grandeur nature La Banque centrale ... »), also with no space between (« ... sur la
  départementalePeu avant midi ... », « ... de BrestMais les ... », « - 12/03par BFMTVL'usine
  ... »), or three capitalised words in a row (an upper-case intertitle; not inside a
  quotation, where they are the speaker's: « "SIX MORE YEARS !", a tweeté ... »; a
  hyphenated run is one word, « RMC-BFM TV »); a title after its noun with an elided article
  (« l'émission Dans le rétro ») is no heading;
- ``headline_repeated``: the bullet repeats the headline (the page's title printed again in
  the body, taken for a sentence): nearly all its words, in a bullet about as long or opening
  with them; a longer lead that states the same news in its own order is not counted;
- ``stray_comma``: where compression cut words, a comma left between a subject and its verb
  (« Si ce second tour, ne pouvait ... ») or a word and what completes it (« a décidé, de
  tester »), or before a name that closes the bullet, whose host the cut took (« ... et
  embrassés, Fabrizio Carboni. »); not where only a bracketed aside was cut, beside the
  source's own comma; nor a comma left before a finite verb where the cut words opened on
  a comma (« la chaîne X, a affirmé que ... »), unless the verb opens a cue that closes the
  sentence (« ..., a précisé la police ») or is inverted (« , a-t-il dit »);
- ``broken_cut``: compression took what a word it kept needs: the bullet ends on an
  auxiliary or a modal whose verb went (« les manifestants ont . »; ``[compress]
  auxiliary_lemmas``), or nothing but an adverb or a link is left before its first finite
  verb while the source had its subject there (« Parallèlement, ont estimé ... »), or a kept
  word hangs on a word the cut took (« un mouvement[, qui pousse les banques,] à revoir leurs
  règles »; not on an opening label cut whole, « [C'est une scène ... :] une octogénaire ... »,
  where the parse hangs the rest on the label), or an elision is undone at the cut (« estime
  que il »), or an attribution's opener is kept without the claim it attributes (« Comme le
  précise Le Monde. »); not a word the parse hung on a word of a cut aside, brackets or a link
  adverb (« 450 gigatonnes[ (450 milliards de tonnes)] de glace », « rapporte[ en effet]
  lundi »);
- ``lost_key_figure``: the bullet is made from the lead sentence and compression dropped one
  of its figures (the deaths cut, the injured kept); a number inside an entity's name (« une
  information d'Europe 1 ») is no figure;
- ``points_back``: a word anywhere in the bullet, not only at its opening, points at a
  sentence the box does not show (the sixth judged round's least readable boxes). Ten ways,
  also counted apart: ``back_demonstrative`` (« au-dessus de cette barre », a demonstrative
  and a noun neither the bullet nor an earlier bullet introduced, itself or another way (nor
  the headline, the same word: « ce défilé » under « Un dernier défilé ... »): a
  word of its family or its equivalents, « ce scrutin » after « les élections », or a word
  of its kind, « cet homme » after a person's name; not a time, « cette semaine », nor a
  noun a relative clause, an « of » complement or a name defines), ``back_cue``
  (« ..., a-t-il ajouté », « ..., souligne le quotidien », in a bullet that names no one),
  ``back_clitic`` (« Jean Dupont le pensait »: an object pronoun with no noun before it but
  its verb's subject; in the box's first bullet, « en » too: « ne s'est pas privé d'en faire
  part »), ``back_additive`` (« également », « aussi », « non plus », « en même
  temps », « un autre »: unless what it adds to is in the bullet or the box) and
  ``back_quote`` (a first-person word in a bullet that names no one) and ``back_possessive``
  ("Many of his followers ...": a possessive whose owner is named neither before it nor in
  an earlier bullet), ``back_phrase`` (« Toujours selon ... », « comme indiqué
  précédemment », « le montant en question », « aurait alors obtenu », « Autre problème :
  »), ``back_count`` (« Une trentaine se sont portées candidates »: a count with no noun,
  as subject; « Tous deux ont été arrêtés », « Les deux parties ont échangé ... »: a count of
  people the box has not introduced), ``back_role`` (« l'intervention de la députée »: a
  role with a definite article and nothing that says whose, in a bullet that names nobody)
  and ``back_image`` (« On voit un obstacle ... », « On entend un coup de feu »: a video or
  a photo the box does not show). ``back_additive`` also counts a comparison with nothing
  to compare with (« un scénario similaire », « veut aller plus vite », « a fait encore
  mieux »: ``[pointing] bare_comparatives``). The test is the
  engine's own (``keypoints/pointing.py``, lists in ``[pointing]`` of the language's
  resources), which the selector also applies (``refuse_pointing``, ``refuse_additive``):
  run with ``--keypoints refuse_pointing:0 --keypoints refuse_additive:0`` to count what it
  would choose without. Read by hand on 70 bullets of pages 1-245 and 67 of train pages,
  most are right; a referent the bullet holds under another word (« Les quatre Français ...
  des ressortissants de ce pays ») is counted wrongly. A bullet over several sentences (a
  quote joined whole, the headline's event told over two) introduces the words of all of
  them to the bullets below it, as the selection counts them (before 2026-12-07, those of
  its first sentence only). One way the measure counts alone, the engine not testing it:
  ``back_en`` (« Rémy Heitz en a profité pour ... », « L'explication en a été donnée ... »:
  « en » on the main verb, outside ``[clitic] idioms`` and quotation marks, not a count of
  a noun the bullet names, not after the article's sentence before as the bullet above;
  ``clitic_back``); « y » is left out, most of those the rule found were told by the
  headline or the bullet above. One more that ``points_back`` does not return, tested
  apart by the engine too (``pointing.unintroduced_event``, refused by the selector when
  ``refuse_event``): ``back_event``, a definite noun that leans on the article rather than
  the box (round 38's judges' first complaint, in 20 of 40 boxes): a noun only a text
  defines (``[pointing] text_nouns``: « Les faits ont eu lieu vendredi », « a ironisé
  l'intéressé »), or a noun of the story's event (``event_nouns``: « Le drame s'est noué
  ... », « La scène se passe ... », « responsables de l'altercation ») that neither the
  headline nor a bullet above told under that noun, its family or its ``equivalents``,
  and that no complement, clause or name defines on the spot (« l'affaire Benalla »); not
  inside quotation marks. ``back_act``, the same for a noun of an act or a wait
  (``act_nouns``: « L'attente prend fin ... », « Une fois la consignation levée »; round 40).
  ``back_definite`` (``pointing.unintroduced_definite``, refused by the selector from the
  second bullet when ``refuse_definite``): any other singular noun after a definite article
  that an earlier sentence of the article introduced (« une cagnotte », « un centre
  commercial », « la réforme des retraites ») and neither the headline nor a bullet above
  said, with nothing that defines it on the spot (« la cagnotte », « le centre », « la
  réforme »; rounds 44-45's most frequent complaint), not a noun known alone (``[pointing]
  unique_nouns``) nor a role the text gives someone it names;
- ``unplaced``: a description or a pronoun anywhere in the bullet that stands for an entity
  the reader cannot place, « which one? » (the most frequent note of the judges on OrangeSum
  train rows 18000-18039: « précise la chaîne », « Plusieurs avancent ... », « l'élu » before
  anyone is named). Placed means named in the headline, in a bullet above (the box in its
  order), or in this bullet before it, or carrying what says whose (« le maire de Brest »,
  « le président sortant Andrzej Duda »). Nine ways, also counted apart: ``unplaced_tied`` (a
  description the digest's entities tie to a person or an organisation whose name the reader
  was not told, even when the bullet names someone else), ``unplaced_description`` (a
  singular definite description of a person, a body or a building tied to nothing, with no
  name of its kind before it and its noun said nowhere above), ``unplaced_quantifier``
  (« Plusieurs », « Certains » as a subject), ``unplaced_pronoun`` (a subject pronoun of a
  clause other than the main one with no noun of its number before it), ``unplaced_moment``
  (« A cette heure », « Un peu plus tôt dans la journée », « à ce moment-là »: when?),
  ``unplaced_thing`` (« un tel portefeuille », « là aussi »: which?), ``unplaced_link``
  (« Conséquence, », « Quant au ... »: of what?, at the opening), ``unplaced_ordinal`` (« La
  seconde soirée » before the box says there were two) and ``unplaced_source`` (« Selon le
  quotidien, ... », « ..., poursuit la radio locale » with no outlet named before it: which
  paper says so?). The test is the
  engine's own (``keypoints/placing.py``, lists in ``[placing]``), which the selector also
  applies (``refuse_unplaced``, ``names_first``): run with ``--keypoints refuse_unplaced:0
  --keypoints names_first:0`` to count what it would choose without. Apart, not a defect:
  the descriptions only the headline places (« l'élu » under « Fenech lance une pétition »;
  the judges still asked which one in some);
- ``unintroduced_name``: a person's first mention in the box (the box in its order; the
  headline does not count: round 35's judges marked « M. Kabuga » unintroduced under « ...
  Félicien Kabuga présenté au parquet ») is a surname alone or a courtesy title and a
  surname (« M. Kabuga », « Mme Hidalgo », "Mr Whitfield"; ``[standalone]
  courtesy_titles``), while the digest's entity for that person has a fuller name (capitalised
  first names before the same surname) that the text gave before that mention and the box
  has not given: not in a bullet above, nor in brackets (« [Félicien Kabuga] »), nor later in
  the same bullet. A mention inside quotation marks is the speaker's and does not count; a
  surname with no courtesy title counts only where the parse tags it a person (« chez Fendi »
  is a fashion house). The test is the engine's own (``keypoints/standalone.py``,
  ``short_mentions``), which repairs what it finds (``introduce_names``, ``--keypoints
  introduce_names:0`` to count what the box shows without). Where a bracketed full name
  stands in place of the words it replaced (a surname, or a subject pronoun: « Cravate rouge,
  [X] s'est rendu »), the checks of what a cut left (``stray_comma``, ``broken_cut``) read
  those words as kept: the bracket is no cut.

Per box: ``any_defect`` (a bullet with at least one of the above), ``no_named_subject`` (no
bullet names anyone or anything: no proper noun and no named entity in any of them) and
``misses_headline`` (no bullet states the headline's event, as defined below; a box whose
body never states it is ``headline_not_in_body``, counted apart), ``opens_off_headline`` (a
later bullet states it, the first does not: a teaser or a detail opens the box) and
``leaves_out_headline_name`` (the body says a name of the headline, a word of its event
written with a capital past its first, and no bullet says any of them).

**Missing the headline's event.** The event is the headline's content words (nouns, proper
nouns, verbs, adjectives, numbers; stop words and an opening rubric, « VIDÉO. », out). A
bullet's word says one of them when they share a lemma or a folded form, a stem (one of five
letters or more begins the other, « fouille » / « fouillé », or they share six, « présidence » /
« président »), a family of ``[headline] equivalents`` (« mort » / « décès », « incendie » / «
feu »), a number's value (« cinq » / « 5 »; a round figure within 5 %, « 20.000 morts » / «
20.265 »), or an entity: a proper noun of the headline matches any mention of the digest's
entity whose name holds it (« le ministre de l'Intérieur » for « Collomb » when the digest ties
them; a bracketed name counts; a hyphenated name the parse cuts in parts, « Alpes-de-Haute-
Provence », is one word, said through any of its parts). A bullet covers the headline when it
says at least ``HEADLINE_COVERAGE`` (0.30) of them. The same test on every body sentence, whole
(but the headline printed again in the body, ``headline_repeated``, which states nothing a
bullet could), says whether the body states the event at all: when none does (a teaser, a
question, a figure only the headline gives), no box can, and the box is counted apart
(``headline_not_in_body``), never hidden; ``misses_headline`` is the share of the other boxes
that no bullet covers. The
threshold was set by reading the boxes of the first 50 French pages (``--dev``, printed apart
with ``--show`` and left out of the reported rate; the English run leaves out its first 10, but
nothing was tuned on English). Read against 194 boxes of pages 51–245 sorted by hand (the box
states the event, it does not though the body does, the body never does), it agrees on 156: it
finds about half the paraphrases (13 of 27 before this definition), and a bullet that repeats a
third of the headline's words about something else still passes for covering it. English CNN/DM
rows have no headline: the measure reads one from the article's address (Daily Mail addresses
carry the headline, « ...article-3023941/Gary-Locke-set-confirmed-... »; CNN's carry a few words
of it); the engine never sees it. A box with no headline is not judged. A bullet made of a quote
joined over several sentences says the words of all of them; a capitalised word after a word of
its clause is one of the headline's names whatever the headline's parse tags it (« Trump
provoque Macron »: an adverb). On validation pages 1–499 (2026-12-06) those two fixes turned 4
of 87 misses into boxes that state the event; read by hand, one does (the minister's quote on
school dress), three only in part. Since 2026-12-07 (miss23) a word the headline's parse tags an
adverb or leaves untagged in a role no adverb plays, or right after the subject's noun with no
verb before it (« Le rectorat dément ... », « Hong Kong : ... »), is a word of the event, and
so is a capitalised word opening the headline or a part of it that is a word of a name of the
digest's entities (« Macron hué à Brest »: « Macron » read as an adverb, said by « le chef de
l'État » when the digest ties them). The measure is the script's own: it never asks the selector
what it matched.

Word lists are in ``src/essentiel/resources/<lang>/defects.toml``. The parse is the digest's
own (the hook sits on ``build_keypoints``, inside the parse zone); only the headline is parsed
apart. Each row is digested with its publication date when it has one (OrangeSum rows do:
the box users see, its days dated, « dimanche [9 août] »; ``--no-date`` for the figures before
2026-12-07, which had none). Deterministic; about as fast as the digests themselves.

    .venv/bin/python bench/keypoint_defects.py --source html --documents 1500
    .venv/bin/python bench/keypoint_defects.py --source html --skip 1000 --documents 195 --dev 0
    .venv/bin/python bench/keypoint_defects.py --lang en --where dataset=cnndm --dev 10 \
        --data ../shared/eval-data/frank/frank_documents.jsonl.gz --documents 75

``--keypoints FIELD:VALUE`` (repeatable) digests with a key-point setting other than the
default, to count what another selection would show (``--keypoints refuse_pointing:0
--keypoints refuse_additive:0``: the boxes before the selector refused words that point back).

Prints the counts and, with ``--show N``, N examples of each; ``--jsonl`` writes one line per
document (its bullets and their defects), so that two runs can be compared on what both read.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz"
CONTEXT_KINDS = ("context_pronoun", "context_link", "context_temporal", "context_description")
BULLET_KINDS = (
    "needs_context",
    "no_finite_verb",
    "quote_cut",
    "unclosed_quote",
    "glued_heading",
    "headline_repeated",
    "stray_comma",
    "broken_cut",
    "lost_key_figure",
    "points_back",
    "unplaced",
    "unintroduced_name",
)
# The ways a word past the bullet's opening points back: ``keypoints/pointing.py``'s list,
# copied so that the script reads no model for --help (a test keeps them equal).
POINTING_KINDS = (
    "back_demonstrative",
    "back_cue",
    "back_clitic",
    "back_additive",
    "back_quote",
    "back_possessive",
    "back_phrase",
    "back_count",
    "back_role",
    "back_image",
)
# The ways a description or a pronoun is not placed: ``keypoints/placing.py``'s list, copied
# for the same reason (a test keeps them equal).
PLACING_KINDS = (
    "unplaced_tied",
    "unplaced_description",
    "unplaced_quantifier",
    "unplaced_pronoun",
    "unplaced_moment",
    "unplaced_thing",
    "unplaced_link",
    "unplaced_ordinal",
    "unplaced_source",
)
# Ways ``points_back`` does not return: « en » on the main verb standing for something the
# box does not show (``clitic_back``; the measure alone counts it), and a definite noun of the
# story's event or of the text the box never introduced (``back_event``: « Les faits ont eu
# lieu ... », « le drame »; ``pointing.unintroduced_event``, which the selector also applies).
# « L'attente prend fin ... », « Une fois la consignation levée »: an act or a wait the box
# never told (``back_act``: ``unintroduced_event`` with ``acts``; judged round 40).
MEASURE_POINTING_KINDS = ("back_en", "back_event", "back_act", "back_definite")
SUB_KINDS = {
    "needs_context": CONTEXT_KINDS,
    "points_back": (*POINTING_KINDS, *MEASURE_POINTING_KINDS),
    "unplaced": PLACING_KINDS,
}
BOX_KINDS = (
    "any_defect",
    "no_named_subject",
    "misses_headline",
    "headline_not_in_body",
    "opens_off_headline",
    "leaves_out_headline_name",
)
# Share of the headline's content words one bullet must hold to state its event. Set by reading
# the boxes of the first 50 OrangeSum validation pages (49 with a box): 21 miss the headline's
# event; below 0.30 flags 23, agreeing on 33 of 49 (14 flagged and missing, 9 flagged wrongly,
# 7 missing and not flagged). 0.25 flags 9 (16 errors), 0.35 flags 28 (17 errors).
HEADLINE_COVERAGE = 0.30
# A bullet repeats the headline when it holds this share of its words, in a run or not.
HEADLINE_REPEAT = 0.9
HEADLINE_MIN_WORDS = 4
# Figure units (``Figure.unit``) that measure time: not the count a lead is about.
DURATION_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_NAMED_ENTITY = {"PER", "PERSON", "ORG", "LOC", "GPE", "NORP", "FAC", "EVENT", "WORK_OF_ART"}
_OPEN_MARKS = {"«": "»", "“": "”"}
_CLOSE_MARKS = {v: k for k, v in _OPEN_MARKS.items()}
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_RELATIVES = frozenset({"acl:relcl", "relcl"})
_BRACKETED = re.compile(r"\[[^\]]+\]")
# A hyphenated run is one word, a name (« sur RMC-BFM TV »: two words, not three).
_UPPER_WORD = r"[A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})*"
_UPPER_RUN = re.compile(rf"(?<![\w-])(?:{_UPPER_WORD}[\s'’]+){{2,}}{_UPPER_WORD}(?![\w-])")
# Paragraphs run together without a space, as text copied from a page has them: a word that
# opens in lowercase with at least three lowercase letters, then a capitalised word
# (« départementalePeu », « matinAu »; not « iPhone », « macOS », « YouTube »), or a video's date
# credit run into « par » (« 12/03/2020par X »).
_GLUED_NO_SPACE = re.compile(r"(?<![\w'’])[a-zà-öø-ÿ]{3,}[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]|\d{2}par [A-Z]")


@dataclass(frozen=True)
class Words:
    """A language's lists from ``resources/<lang>/defects.toml``."""

    pronouns: tuple[str, ...]
    # Openers that are pronouns only when the parse reads them so (« en »: « En 2019, ... »).
    pronoun_only: frozenset[str]
    not_anaphoric: tuple[str, ...]
    links: tuple[str, ...]
    temporal: tuple[str, ...]
    # Temporal openers that point back only with their comma (« En attendant, ... »): with
    # what is awaited after them (« En attendant un nouveau procès, ... ») they stand.
    temporal_with_comma: frozenset[str]
    links_with_comma: frozenset[str]
    definite_articles: frozenset[str]
    # Subjects known without a name (« Le gouvernement », « L'automne »).
    known_without_name: frozenset[str]
    glued: re.Pattern[str]
    glued_to_name: re.Pattern[str]
    # Words after which a capitalised article is part of a name (« de La Rochelle »).
    name_links: frozenset[str]
    # Finite forms of the auxiliaries (« a », « ont », « est »): finite whatever the tagger
    # reads them as (``[verb] finite_auxiliaries``).
    finite_auxiliaries: frozenset[str] = frozenset()
    # The adverbial pronouns that stand for a thing said before (``[clitic] pronouns``: « en »),
    # and the idioms in which they stand for nothing (``[clitic] idioms``: « en croire »), as
    # "pronoun verb-lemma [word after the verb]".
    back_clitics: frozenset[str] = frozenset()
    clitic_idioms: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    @functools.cache
    def of(cls, code: str) -> Words:
        from essentiel.keypoints.standalone import known_without_name
        from essentiel.resources import alternation, language_data, raw, relative_time_openers

        data = language_data(code, "defects")
        opener, heading = data["opener"], data["heading"]
        openers = alternation(heading["sentence_openers"])
        # A lowercase word (not one that makes the capital part of a name), a space, then an
        # opener with a lowercase word (or, for « L' », a letter) after it.
        glued = re.compile(
            rf"(?P<before>[\w’'%)]+)\s+(?P<opener>(?:{openers}))(?:(?<=['’])|\s+)(?=[a-zà-öø-ÿ])"
        )
        # A capitalised word or an upper-case run (an outlet: « BFMTVLe maire ») with an
        # opener glued to it, no space between.
        glued_to_name = re.compile(
            rf"(?:[A-ZÀ-ÖØ-Þ0-9]{{2}}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)(?P<opener>(?:{openers}))"
            rf"(?:(?<=['’])|\s+)(?=[a-zà-öø-ÿ])"
        )
        by_length = sorted(opener["pronouns"], key=len, reverse=True)
        return cls(
            pronouns=tuple(by_length),
            pronoun_only=frozenset(opener.get("pronoun_only", [])),
            not_anaphoric=tuple(opener["not_anaphoric"]),
            links=tuple(sorted(opener["links"], key=len, reverse=True)),
            temporal=tuple(
                sorted(
                    opener["temporal"] + relative_time_openers(raw(code).get("compress", {})),
                    key=len,
                    reverse=True,
                )
            ),
            temporal_with_comma=frozenset(
                opener.get("temporal_with_comma", [])
                + relative_time_openers(raw(code).get("compress", {}))
            ),
            links_with_comma=frozenset(opener.get("links_with_comma", [])),
            definite_articles=frozenset(opener["definite_articles"]),
            known_without_name=known_without_name(code),
            glued=glued,
            glued_to_name=glued_to_name,
            name_links=frozenset(w.lower() for w in heading["name_links"]),
            finite_auxiliaries=frozenset(data.get("verb", {}).get("finite_auxiliaries", [])),
            back_clitics=frozenset(data.get("clitic", {}).get("pronouns", [])),
            clitic_idioms=tuple(
                (parts[0], parts[1], parts[2] if len(parts) > 2 else "")
                for parts in (idiom.split() for idiom in data.get("clitic", {}).get("idioms", []))
            ),
        )


def _starts_with(text: str, phrases: Iterable[str]) -> str | None:
    """The phrase ``text`` opens with as whole words (case-insensitive), or None."""
    lowered = text.lower().lstrip("«“\"' ")
    for phrase in phrases:
        if lowered.startswith(phrase):
            rest = lowered[len(phrase) : len(phrase) + 1]
            if not rest or not (rest.isalnum() or rest in "-") or phrase[-1] in "'’":
                return phrase
    return None


# ---- per bullet --------------------------------------------------------------------------------


def _preposition_opener(tokens: Sequence[Any]) -> bool:
    """The bullet's first word is no pronoun in the parse (« En 2019, », « En France, »), and
    no pronoun follows it (« En l'incluant, » points back: an object before a verb, whatever
    the parse calls it)."""
    words = [t for t in tokens if not t.is_punct][:3]
    if not words or any(t.pos_ == "PRON" for t in words[:2]):
        return False
    if words[0].dep_.startswith("nsubj") and not any(
        c.dep_ in {"nmod", "prep"} for c in words[0].children
    ):
        return False  # « Toutes ne sont pas ... »: the subject, whatever the parse calls it
    if len(words) > 1 and "Fin" in words[1].morph.get("VerbForm", []):
        return False  # « En témoigne ... »: a finite verb after it, the pronoun
    return not (len(words) == 3 and words[1].pos_ == "DET" and words[2].pos_ in {"VERB", "AUX"})


def with_named_gaps(
    text: str,
    fragments: Sequence[tuple[int, int]],
    bullet: str,
    pronouns: Iterable[str] = (),
) -> list[tuple[int, int]]:
    """``fragments`` with the gaps a bracketed full name stands in read as kept: « M. Kabuga »
    replaced in place by « [Félicien Kabuga] » (``standalone.introduce_names``) is no cut, and
    the checks of what a cut left (``stray_comma``, ``broken_cut``) read the words it stands
    for: a gap that opens on words ending with the last word of a bracketed name, up to that
    word (five words at most: the courtesy title and the name); or a gap that is one subject
    pronoun (``pronouns``) the name replaced (« Cravate rouge, [Donald Trump] s'est rendu »
    for « Cravate rouge, il s'est rendu »: no cut, no stray comma)."""
    names = [m.group(1).split() for m in _BRACKETED_NAME.finditer(bullet)]
    if not names or len(fragments) < 2:
        return list(fragments)
    merged = [fragments[0]]
    for a, b in fragments[1:]:
        end = merged[-1][1]
        gap = text[end:a]
        # The replaced words open the gap; what follows them may be a cut of its own (« a
        # souligné M. X[, sans donner plus de détails] . »).
        upto = next(
            (
                found.end()
                for n in names
                if n
                for found in [re.search(rf"(?<!\w){re.escape(n[-1])}(?!\w)", gap)]
                if found is not None and len(gap[: found.end()].split()) <= 5
            ),
            None,
        )
        if upto is None and gap.strip().lower() in pronouns:
            upto = len(gap)
        if upto is not None and end + upto >= a:
            merged[-1] = (merged[-1][0], b)
            continue
        if upto is not None:
            merged[-1] = (merged[-1][0], end + upto)
        merged.append((a, b))
    return merged


_BRACKETED_NAME = re.compile(r"\[([^\[\]]+)\]")


def kept_tokens(sentence: Any, fragments: Sequence[tuple[int, int]]) -> list[Any]:
    """The tokens of ``sentence`` (a ParsedSentence) within ``fragments`` (clean offsets)."""
    return [
        tok
        for tok in sentence.span
        if any(a <= sentence.offset + tok.idx < b for a, b in fragments)
    ]


def bullet_tokens(sentences: Sequence[Any], fragments: Sequence[tuple[int, int]]) -> list[Any]:
    """The tokens within ``fragments`` of every parsed sentence they reach: a bullet made of
    a quote that runs over several sentences (« "Ça a toujours existé. Il faut ...", a
    relevé X ») says the words of all of them, not only of its first."""
    return [
        tok
        for sentence in sentences
        if any(a < sentence.end and sentence.start < b for a, b in fragments)
        for tok in kept_tokens(sentence, fragments)
    ]


def verbless(sentences: Sequence[Any], fragments: Sequence[tuple[int, int]], words: Words) -> bool:
    """No sentence the bullet keeps has a finite verb in its main clause: a quote joined over
    several sentences (« "Au revoir Marc. Je suis bien triste ...", écrit-elle ») opening on
    a greeting says its news in a later one."""
    from essentiel.keypoints.compress import subordinate_only

    spanned = [
        kept_tokens(s, fragments)
        for s in sentences
        if any(a < s.end and s.start < b for a, b in fragments)
    ]
    return all(
        no_main_verb(tokens, words.finite_auxiliaries) or subordinate_only(tokens)
        for tokens in spanned
        if tokens
    )


def context_defect(
    bullet: str,
    sentence: Any,
    fragments: Sequence[tuple[int, int]],
    lang: Any,
    words: Words,
    introduced: frozenset[str] = frozenset(),
    headline: str = "",
    after_previous: bool = False,
) -> str | None:
    """How the bullet fails to stand alone (one of CONTEXT_KINDS), or None. ``introduced``:
    the words of the box's earlier bullets (« L'homme ... » after « Un homme de 44 ans ... »
    reads well); ``headline``: what the reader read first (« La cérémonie comprendra ... »
    under « ... remplacé par une cérémonie militaire »); ``after_previous``: the bullet above
    is the article's sentence just before this one, so a time counted from it (« Le même
    jour, », « Le lendemain, ») is counted from what the reader just read."""
    from essentiel.facts.names import fold
    from essentiel.keypoints.compress import is_finite_verb
    from essentiel.keypoints.pointing import headline_words, told_in_family
    from essentiel.keypoints.select import adjunct_cleft, impersonal_opener, pronoun_subject
    from essentiel.keypoints.standalone import person_nouns

    if _starts_with(bullet, words.not_anaphoric):
        return None
    link = _starts_with(bullet, words.links)
    if link and not _completed(bullet, link, words.links_with_comma):
        return "context_link"
    temporal = _starts_with(bullet, words.temporal)
    if (
        temporal
        and not after_previous
        and not _dated(bullet, temporal)
        and not _completed(bullet, temporal, words.temporal_with_comma)
    ):
        return "context_temporal"
    tokens = kept_tokens(sentence, fragments)
    pronoun = _starts_with(bullet, words.pronouns)
    # « C'est sans surprise que le parti a annoncé ... »: « ce » stands for the clause after
    # the relative, which has its own subject (the engine's own reading of the cleft).
    cleft = fragments[0][0] <= sentence.start and adjunct_cleft(sentence.span, lang.code)
    # « Il avait été prévu que ... », « Il est important que ... »: an impersonal « il » opens
    # the sentence and refers to nobody (the engine's own reading).
    impersonal = fragments[0][0] <= sentence.start and impersonal_opener(sentence.span, lang)
    if (
        pronoun
        and not cleft
        and not impersonal
        and not (pronoun in words.pronoun_only and _preposition_opener(tokens))
    ):
        return "context_pronoun"
    root = sentence.span.root
    # The subject pronoun was replaced by the name, in brackets (« [Jean Dupont] a annoncé »,
    # « Jeudi, [Jean Dupont] était invité »): the bullet names who.
    named = _BRACKETED.search(bullet) is not None
    if root in tokens and not named and pronoun_subject(sentence.span, lang):
        pronoun = next(c for c in root.children if c.lower_ in lang.subject_pronouns)
        before = [t for t in tokens if t.i < pronoun.i]
        # A leading clause with its own verb and noun may hold the referent (« Si les travaux
        # prennent du retard, ils coûteront plus cher »).
        if not (
            any(is_finite_verb(t) for t in before)
            and any(t.pos_ in {"NOUN", "PROPN"} for t in before)
        ):
            return "context_pronoun"
    # A leading phrase, then the pronoun (« Âgé de 70 ans, il a quitté ... »), where the parse
    # may not have made the pronoun the main verb's subject.
    # A leading clause with its own verb may hold the referent (« Si d'autres transferts
    # avaient lieu, ils ... »): only a phrase without one (« Âgé de 70 ans, ») counts.
    lead, comma, rest = bullet.partition(",")
    leading = [t for t in tokens if t.idx + sentence.offset < fragments[0][0] + len(lead)]
    if (
        comma
        and not named
        and not _impersonal_subject(sentence, lang)
        and len(lead.split()) <= 8
        and not any(is_finite_verb(t) for t in leading)
        and _starts_with(rest.strip(), sorted(lang.subject_pronouns, key=len, reverse=True))
        and not _starts_with(rest.strip(), words.not_anaphoric)
    ):
        return "context_pronoun"
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    # A subject inside quotation marks is the speaker's (« "La réparation sera menée au plus
    # tôt", a précisé la direction »): the quote names what the speaker means.
    if subject is not None and _inside_quote(sentence, subject):
        subject = None
    if subject is not None and root in tokens and subject in tokens:
        phrase = list(subject.subtree)
        first = phrase[0].lower_
        if (
            first in words.definite_articles
            and subject.pos_ == "NOUN"
            # One someone or something (« Le suspect »); a plural is as often a group the
            # reader knows without a name (« Les autorités », « Les habitants »).
            and "Plur" not in subject.morph.get("Number", [])
            and subject.tag_ not in {"NNS", "NNPS"}
            and subject.lemma_.lower() not in introduced
            # Its noun, a word of its family or an equivalent, said by the headline.
            and not told_in_family(subject, headline_words(headline), lang.code)
            and fold(subject.lemma_) not in words.known_without_name
            and fold(subject.lower_) not in words.known_without_name
            # A bare description (article, noun, adjectives): « The cost of divorce » or « Le
            # navire, qui ... » say what they mean; « L'humoriste » does not.
            and all(t.pos_ in {"DET", "NOUN", "ADJ"} for t in phrase)
            and not any(t.ent_type_ for t in phrase)
            # A person by a person's name only: « Le comédien explique ... avec l'association
            # Solidarité Paysans » names the association, not the actor.
            and not (
                names_a_person(tokens)
                if fold(subject.lemma_) in person_nouns(lang.code)
                else names_something(tokens)
            )
        ):
            return "context_description"
    return None


def _inside_quote(sentence: Any, token: Any) -> bool:
    """``token`` stands inside quotation marks that open before it in its sentence."""
    before = sentence.span.doc.text[sentence.span.start_char : token.idx]
    return (
        before.count("«") > before.count("»")
        or before.count("“") > before.count("”")
        or before.count('"') % 2 == 1
    )


def _dated(bullet: str, opener: str) -> bool:
    """The temporal opener is followed by the time it is counted from (« Peu après 23 heures,
    ... », « Plus tard dans la soirée » is not): it points back to nothing."""
    rest = bullet.lower().lstrip("«“\"' ")[len(opener) :].lstrip()
    return rest[:1].isdigit()


def _completed(bullet: str, opener: str, with_comma: frozenset[str]) -> bool:
    """The opener, one of ``with_comma``, is followed by what it waits for (« En attendant un
    nouveau procès en appel, la mère ... », « Surtout connu pour ... »), not by its comma: it
    points back to nothing."""
    if opener not in with_comma:
        return False
    rest = bullet.lower().lstrip("«“\"' ")[len(opener) :].lstrip()
    return not rest.startswith(",")


def _impersonal_subject(sentence: Any, lang: Any) -> bool:
    """The main verb's subject is an impersonal pronoun (« D'après les pompiers, il a fallu
    deux heures ... »), which refers to nobody."""
    from essentiel.keypoints.select import _impersonal

    root = sentence.span.root
    return any(
        c.dep_.startswith(("nsubj", "expl")) and c.lower_ in lang.impersonal_pronouns
        for c in root.children
    ) and _impersonal(root, lang)


def no_main_verb(tokens: Sequence[Any], auxiliaries: frozenset[str] = frozenset()) -> bool:
    """No finite verb in the bullet's main clause: none at all (« Une enquête menée par le
    quotidien régional. »), or only inside a clause hung on a noun (« Une publication qui a
    fait réagir les internautes. »); the selector's own test (``select.main_clause_verb``).
    ``auxiliaries``: the language's finite auxiliary forms, finite whatever their tag."""
    from essentiel.keypoints.compress import is_finite_verb
    from essentiel.keypoints.select import (
        main_clause_verb,
        opens_relative,
        past_tense_read_as_participle,
    )

    if main_clause_verb(tokens):
        return False
    if _misread_auxiliary(tokens, auxiliaries):
        return False
    if _two_clauses_merged(tokens):
        return False
    # A finite verb the parse hung on a noun as a plain modifier, with no relative pronoun,
    # is the parse's mistake for the main verb (« Au moins huit personnes, dont cinq enfants,
    # ont été blessées »), as the selector reads it (``select.verbless_fragment``); « Le poste
    # qu'occupait X » keeps its relative pronoun and stays a fragment.
    inside = {tok.i for tok in tokens}
    for tok in tokens:
        if not is_finite_verb(tok):
            continue
        node = (
            tok if tok.dep_ not in {"aux", "aux:tense", "aux:pass", "auxpass", "cop"} else tok.head
        )
        # Up from the verb, a participle the parse hung on a noun with no relative pronoun
        # before any relative clause: the parse's mistake for the main verb, also when the
        # verb hangs further down (« un court-circuit lié à un respirateur serait à l'origine
        # du drame »: « serait » under « origine », under « lié »).
        up = node
        while up.head.i != up.i and up.head.i in inside and up.dep_ not in _RELATIVES:
            relative = any("Rel" in c.morph.get("PronType", []) for c in up.children)
            if up.dep_ == "acl" and not relative:
                return False
            up = up.head
        # A « relative clause » with no relative pronoun (« un défaut lié à un radiateur serait
        # à l'origine de l'incendie », « serait à l'origine » hung on « défaut »): the main one;
        # not one the parse opened on « que » as a conjunction (« Une rumeur que le ministère
        # a tenu à démentir »: ``select.opens_relative``).
        if up.dep_ in _RELATIVES and up.head.i in inside and not opens_relative(up):
            return False
        # A verb the parse made a conjunct of a relative clause's with no « et » or « ou »
        # between them is the main verb after the clause (« Les communes dans lesquelles le
        # maire a été élu sont concernées »).
        if node.dep_ == "conj" and not any(c.dep_ == "cc" for c in node.children):
            return False
        if _swallowed_main_verb(node, inside):
            return False
    roots = [t for t in tokens if t.head.i == t.i or t.head.i not in inside]
    # A verb the tagger read as an adjective or a noun, with its subject before it and no
    # article of its own (« Le gouvernement insiste sur le fait que ... »): a statement.
    if any(
        root.pos_ in {"ADJ", "NOUN"}
        and any(c.dep_ == "nsubj" and c.i < root.i for c in root.children)
        and not any(c.dep_ in {"det", "cop", "case"} for c in root.children)
        for root in roots
    ):
        return False
    # An English past tense tagged as a participle ("A snowstorm caught drivers ..."), as
    # the selector reads it.
    if any(past_tense_read_as_participle(root) for root in roots):
        return False
    for root in roots:
        for clause in (c for c in root.children if c.dep_ in _RELATIVES and c.i in inside):
            # « Les soldes, qui doivent s'achever le 11 août, ne permettront pas ... »: a finite
            # verb after the comma that closes the relative clause is the main one, which the
            # parse hung in the clause. (« Le poste qu'occupait X à l'époque » has none.)
            commas = [t.i for t in clause.subtree if t.text == "," and t.i > clause.i]
            if any(
                is_finite_verb(t) and t.i in inside and commas and t.i > commas[0]
                for t in clause.subtree
            ):
                return False
        relatives = [c for c in root.children if c.dep_ in _RELATIVES]
        verbs = [
            t
            for t in tokens
            if t.pos_ in {"VERB", "AUX"}
            and not any(a.dep_ in _RELATIVES for a in t.ancestors)
            and t.dep_ not in _RELATIVES
        ]
        # No verb at all outside relative clauses, and none hung on the head noun: the parse
        # read the main verb as a noun (« La police du Portugal enquête sur ... »), as the
        # selector reads it (``select.verbless_fragment``).
        # Not a head noun after a preposition (« Dans la matinée, ..., un motard qui a été
        # contrôlé »): a time or a place, no verb misread, when no relative clause holds a
        # comma (one that does may have swallowed the main clause): the selector's reading.
        if (
            root.pos_ in {"NOUN", "PROPN"}
            and not verbs
            and not relatives
            and not (
                any(c.dep_ == "case" for c in root.children)
                and all(
                    opens_relative(t) and not any(u.text == "," for u in t.subtree)
                    for t in tokens
                    if t.dep_ in _RELATIVES
                )
            )
        ):
            return False
    return True


def _two_clauses_merged(tokens: Sequence[Any]) -> bool:
    """Two finite auxiliaries on one verb of a relative clause, words between them: the parse
    ran the clause into the main one (« Le détenu qui était dans une cour est monté sur le
    toit »: « était » and « est » both on « monté »). A verb takes one finite auxiliary; the
    second is the main clause's."""
    from essentiel.keypoints.compress import is_finite_verb

    inside = {tok.i for tok in tokens}
    for tok in tokens:
        if tok.dep_ not in _RELATIVES:
            continue
        finite = sorted(
            c.i
            for c in tok.children
            if c.i in inside
            and c.dep_ in {"aux", "aux:tense", "aux:pass", "auxpass", "cop"}
            and is_finite_verb(c)
        )
        if len(finite) >= 2 and finite[-1] - finite[0] > 1:
            return True
    return False


def _swallowed_main_verb(node: Any, inside: set[int]) -> bool:
    """A second verb the parse hung inside a relative clause, after the clause's own verb,
    with nothing that opens a clause of its own (no subject, no conjunction, no « et », no
    relative pronoun): the main verb after the clause (« une voiture qui était garée au soleil
    a pris feu », « les gagnants, qui veulent rester anonymes, disposaient de 60 jours »),
    whatever dependency the parse gave it (an adverbial clause, a complement, none)."""
    clause = next(
        (a for a in node.ancestors if a.dep_ in _RELATIVES and a.i in inside and a.i < node.i),
        None,
    )
    if clause is None or node.dep_ in _RELATIVES:
        return False
    return not any(
        c.dep_.startswith("nsubj")
        or c.dep_ in {"mark", "cc"}
        or "Rel" in c.morph.get("PronType", [])
        for c in node.children
    )


def _misread_auxiliary(tokens: Sequence[Any], auxiliaries: frozenset[str]) -> bool:
    """A finite auxiliary the tagger did not read as a verb (« Mamoudou Gassama, un jeune
    Malien de 22 ans, a escaladé ... »: « a » tagged X, its participle a name), heading the
    clause with its subject, or serving a verb outside any clause hung on a noun: the main
    verb, as ``select.main_clause_verb`` reads a tagged one."""
    from essentiel.keypoints.compress import is_finite_verb

    inside = {tok.i for tok in tokens}
    for tok in tokens:
        if tok.lower_ not in auxiliaries or is_finite_verb(tok):
            continue
        heads = tok.head.i == tok.i or tok.head.i not in inside
        if heads and any(c.dep_.startswith("nsubj") and c.i < tok.i for c in tok.children):
            return True
        # « George Conway, un critique du président, a tweeté une photo »: « a » and
        # « tweeté » both tagged X, the participle the clause's head with the subject.
        head = tok.head
        if (
            head.i != tok.i
            and head.i in inside
            and (head.head.i == head.i or head.head.i not in inside)
            and any(c.dep_.startswith("nsubj") and c.i < tok.i for c in head.children)
        ):
            return True
        if tok.dep_ not in {"aux", "aux:tense", "aux:pass", "auxpass"} or tok.head.i not in inside:
            continue
        node = tok.head
        while node.dep_ not in _NOUN_CLAUSES and node.head.i != node.i and node.head.i in inside:
            node = node.head
        if node.dep_ not in _NOUN_CLAUSES or node.head.i not in inside:
            return True
    return False


_NOUN_CLAUSES = frozenset({"acl", "acl:relcl", "relcl"})


def names_a_person(tokens: Iterable[Any]) -> bool:
    """A person's name in the bullet: a person entity, or a proper noun of no type."""
    return any(
        (t.ent_type_ in {"PER", "PERSON"} and t.is_alpha) or (t.pos_ == "PROPN" and not t.ent_type_)
        for t in tokens
    )


def names_something(tokens: Iterable[Any]) -> bool:
    """A proper noun or a named entity among ``tokens``."""
    return any(
        tok.pos_ == "PROPN" or (tok.ent_type_ in _NAMED_ENTITY and tok.is_alpha) for tok in tokens
    )


def quote_defect(text: str, zone: tuple[int, int], start: int, end: int, bullet: str) -> str | None:
    """``quote_cut`` when the bullet (``text[start:end]``) starts or ends inside a quotation
    closed within ``zone`` (its block), ``unclosed_quote`` when its own marks do not pair up,
    else None. Guillemets and curly marks open and close; a straight mark toggles."""
    depth_at_start = _depth(text, zone[0], start)
    depth_at_end = _depth(text, zone[0], end)
    # A quotation open at the bullet's start counts when the block closes it; a mark the block
    # never closes (« une lettre qui demande son "exclusion immédiate. Des militants ... »)
    # is the source's stray one, and the bullet reads as narration.
    if depth_at_start > 0 and _closed_after(text, zone[0], start, zone[1], depth_at_start):
        return "quote_cut"
    if depth_at_end > depth_at_start and _depth(text, end, zone[1], opened=depth_at_end) == 0:
        return "quote_cut"
    if _depth(bullet, 0, len(bullet), sides=False) != 0 or _stray_close(bullet):
        return "unclosed_quote"
    return None


def _depth(text: str, start: int, end: int, opened: int = 0, sides: bool = True) -> int:
    """Quotations open at ``end`` when reading ``text`` from ``start`` with ``opened`` open.
    ``sides``: a straight mark whose neighbours say it opens while one is open, or closes
    while none is, is a stray one and skipped (``_straight_side``); without, each toggles
    (the bullet's own marks, which must pair up)."""
    depth = opened
    straight = sides and opened > 0  # read on from inside a quotation: a mark may close it
    for k in range(start, end):
        ch = text[k]
        if ch in _OPEN_MARKS:
            depth += 1
        elif ch in _CLOSE_MARKS:
            depth = max(0, depth - 1)
        elif ch == '"':
            side = _straight_side(text, k) if sides else None
            if side == "open" and straight:
                continue  # the one open before never closed: a stray mark, this one opens
            if side == "close" and not straight:
                continue  # nothing open to close: a stray mark
            straight = not straight
            depth += 1 if straight else -1
            depth = max(0, depth)
    return depth


def _straight_side(text: str, k: int) -> str | None:
    """Whether the straight mark at ``k`` opens (a space or an opening bracket before it, a
    word after it: « lance "nice ») or closes (a word or a stop before it, a space or a stop
    after it: « you" (ravi »), read off its neighbours; None when they do not say. An article
    that leaves one quotation unclosed (« "How are you ? (comment vas-tu ?), lance X ») then
    does not turn every later quotation of its paragraph inside out."""
    before = text[k - 1] if k > 0 else " "
    after = text[k + 1] if k + 1 < len(text) else " "
    if (before.isspace() or before in "([—–-") and (after.isalnum() or after in "'’«“…"):
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]…"):
        return "close"
    return None


def _closed_after(text: str, zone_start: int, start: int, end: int, depth: int) -> bool:
    """Whether a quotation open at ``start`` (``depth`` deep, reading from ``zone_start``)
    closes before ``end``."""
    return any(
        (ch in _CLOSE_MARKS or ch == '"') and _depth(text, zone_start, k + 1) < depth
        for k, ch in enumerate(text[start:end], start)
    )


def _stray_close(text: str) -> bool:
    """A closing mark before any opening one (the bullet starts inside a quote)."""
    depth = 0
    for ch in text:
        if ch in _OPEN_MARKS:
            depth += 1
        elif ch in _CLOSE_MARKS:
            if depth == 0:
                return True
            depth -= 1
    return False


def glued_heading(bullet: str, words: Words) -> bool:
    """A heading or a paragraph with no final stop run into the bullet's sentence."""
    if _GLUED_NO_SPACE.search(bullet):
        return True
    # An upper-case run inside a quotation is the speaker's own (a tweet in capitals: « "SIX
    # MORE YEARS !", a tweeté ... »), not an intertitle.
    if any(_depth(bullet, 0, m.start()) == 0 for m in _UPPER_RUN.finditer(bullet)):
        return True
    if any(
        _depth(bullet, 0, m.start("opener")) == 0
        # An acronym that ends in a capital opener (« NASA released », "FIFA admitted") is
        # one word, not an outlet glued to « A ».
        and not (m.group("opener").isupper() and bullet[m.start("opener") - 1].isupper())
        for m in words.glued_to_name.finditer(bullet)
    ):
        return True
    links = words.name_links
    for match in words.glued.finditer(bullet):
        before = match.group("before")
        # With its elided article: « dans l'émission Dans le rétro » is « émission ».
        bare = re.sub(r"^\w{1,3}['’]", "", before.lower())
        if (
            before[:1].isupper()
            or before.lower() in links
            or bare in links
            or before.lower().endswith(("'", "’"))
        ):
            continue
        # Inside a quotation, capitals are the speaker's (a title: « "le film La Vie" »).
        if _depth(bullet, 0, match.start("opener")) > 0:
            continue
        # « ... de médecine (...) C'est un calvaire »: the ellipsis of words left out between
        # two sentences stands where the stop was.
        if before == ")" and bullet[: match.start("before")].endswith(("(...", "(…")):
            continue
        return True
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def headline_repeated(bullet: str, headline: str | None) -> bool:
    """The bullet holds the headline's words (at least HEADLINE_REPEAT of them)."""
    if not headline:
        return False
    title = _words(headline)
    if len(title) < HEADLINE_MIN_WORDS:
        return False
    words = _words(bullet)
    if sum(w in set(words) for w in title) < HEADLINE_REPEAT * len(title):
        return False
    # The title printed again is about as long as the title, or opens the bullet, run into its
    # sentence; a longer sentence that states the same news in its own order (« Le rectorat de
    # Lille a confirmé ... avoir mis en ligne par erreur ... les résultats du baccalauréat »
    # under « Baccalauréat : le rectorat de Lille reconnaît avoir mis les résultats en ligne
    # par erreur ») is the lead the headline was written from.
    if len(words) <= 1.5 * len(title) + 3:
        return True
    opening = set(words[: len(title) + 1])
    return sum(w in opening for w in title) >= HEADLINE_REPEAT * len(title)


def stray_comma(sentence: Any, fragments: Sequence[tuple[int, int]], lang: Any) -> bool:
    """At a cut, a comma left between a subject and its verb or a word and its complement,
    or before a name that closes the sentence, whose host the cut took."""
    return any(
        _comma_between_subject_and_verb(sentence, fragments, k)
        or _comma_before_complement(sentence, fragments, k, lang)
        or _orphan_name(sentence, fragments, k)
        or _comma_before_finite_verb(sentence, fragments, k, lang)
        for k in range(1, len(fragments))
    )


def _comma_before_finite_verb(
    sentence: Any, fragments: Sequence[tuple[int, int]], k: int, lang: Any
) -> bool:
    """« la chaîne X[, citant des sources ...], a affirmé qu'il ... »: the cut words opened on a
    comma, the next fragment opens on the other one, and a finite verb follows it. Read off the
    words: the parse may hang the subject elsewhere. Not a verb inverted (« , a-t-il dit »)
    nor a cue that ends the bullet verb first (« ..., a précisé la police. »)."""
    from essentiel.keypoints.compress import is_finite_verb

    text = sentence.span.doc.text
    gap = text[fragments[k - 1][1] - sentence.offset : fragments[k][0] - sentence.offset]
    start, end = fragments[k][0] - sentence.offset, fragments[k][1] - sentence.offset
    after = text[start:end]
    if not (gap.lstrip().startswith(",") and after.lstrip().startswith(",")):
        return False
    comma = start + after.index(",")
    verb = next((t for t in sentence.span if t.idx > comma), None)
    if verb is None or not is_finite_verb(verb):
        return False
    # The comma closes an aside the bullet keeps: « son programme, visant à limiter la
    # crise[, qui ...], a été gonflé » (the segment before the cut opens on a participle or a
    # relative pronoun).
    opened = text.rfind(",", 0, fragments[k - 1][1] - sentence.offset)
    head = next((t for t in sentence.span if t.idx > opened and not t.is_punct), None)
    if (
        opened >= 0
        and head is not None
        and ("Part" in head.morph.get("VerbForm", []) or "Rel" in head.morph.get("PronType", []))
    ):
        return False
    if text[verb.idx + len(verb.text) :].startswith(("-", "‑")):
        return False
    rest = " ".join(text[a - sentence.offset : b - sentence.offset] for a, b in fragments[k:])[
        after.index(",") + 1 :
    ]
    cue = lang.speech_verb.match(rest.lstrip())
    if cue and not re.search(r"\b(?:que|qu['’]|that)\b|:", rest.lstrip()[cue.end() :]):
        return False
    # A verb of saying with its speaker after it and little more: « ..., détaille le CepiDc
    # sur son site internet. » (not « Le film, raconte la désagrégation du couple, à ... »).
    # Or with its subject after it: « ..., a déclaré depuis Copenhague le directeur de ...,
    # Hans Kluge. »
    tail = text[verb.idx + len(verb.text) : fragments[-1][1] - sentence.offset]
    head = verb.head if verb.dep_ in {"aux", "aux:tense", "aux:pass", "auxpass", "cop"} else verb
    return not (
        head.lemma_.lower() in _speech_lemmas(lang.code)
        and not re.search(r"\b(?:que|qu['’]|that)\b|:", tail)
        and (
            len(tail.split()) <= 8
            or any(c.dep_.startswith("nsubj") and c.i > head.i for c in head.children)
        )
    )


@functools.cache
def _speech_lemmas(code: str) -> frozenset[str]:
    from essentiel import resources

    return frozenset(resources.raw(code).get("quotes", {}).get("speech_lemmas", []))


@functools.cache
def _auxiliary_lemmas(code: str) -> frozenset[str]:
    from essentiel import resources

    return frozenset(resources.raw(code).get("compress", {}).get("auxiliary_lemmas", []))


def broken_cut(
    sentence: Any, fragments: Sequence[tuple[int, int]], lang: Any, inserted: bool = False
) -> bool:
    """Compression took what a word it kept needs: the bullet ends on an auxiliary or a modal
    whose verb went (« les manifestants ont . »), or only an adverb or a link stays before its
    first finite verb while the source had a noun or a pronoun there (« Parallèlement, ont
    estimé ... »: the subject went)."""
    from essentiel.keypoints.compress import is_finite_verb, pointing_label_end

    words = [t for t in sentence.span if not t.is_punct and not t.is_space]

    def kept(tok: Any) -> bool:
        at = sentence.offset + tok.idx
        return any(a <= at < b for a, b in fragments)

    left = [t for t in words if kept(t)]
    if not left or len(left) == len(words):
        return False
    # An opening label the compression drops (« C'est une scène ... : », ``[compress]
    # pointing_labels``) ends on a colon, and a sentence begins after it: a kept word the
    # parse hung on the label's words is the parse's slip, as under a cut connective.
    label = pointing_label_end(sentence.span.text, lang.code)
    base = sentence.span[0].idx
    labelled = bool(label) and all(t.idx - base >= label for t in left)
    asides = resources_words(lang.code, "additive_adverbs")
    if _hangs_on_cut(words, kept, labelled, asides) or _elision_undone(
        sentence, fragments, lang.code
    ):
        return True
    # « Comme le précise X. »: an attribution's opener kept without what it attributes.
    openers = resources_words(lang.code, "attribution_openers")
    if left[0].lower_ in openers and not any(
        t.text == "," for t in sentence.span if kept(t) and t.i > left[0].i
    ):
        return True
    last = left[-1]
    if (
        last is not words[-1]
        and last.pos_ in {"AUX", "VERB"}
        and last.lemma_.lower() in _auxiliary_lemmas(lang.code)
    ):
        return True
    if inserted:
        return False  # the subject the cut took is the bracketed name's place
    taken = False
    for tok in words:
        if not kept(tok):
            taken = taken or tok.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
            continue
        if tok.pos_ in {"ADV", "CCONJ"}:
            continue
        return taken and bool(is_finite_verb(tok))
    return False


def resources_words(code: str, key: str) -> frozenset[str]:
    """A word list of the language's ``[compress]`` table."""
    from essentiel import resources

    return frozenset(resources.raw(code).get("compress", {}).get(key, []))


_NOT_HANGING = frozenset({"cc", "punct", "fixed", "flat", "flat:name", "compound"})


def _hangs_on_cut(
    words: Sequence[Any],
    kept: Any,
    labelled: bool = False,
    asides: frozenset[str] = frozenset(),
) -> bool:
    """A kept word whose governor the cut took: « un mouvement contre le racisme[, qui pousse
    les banques,] à revoir leurs règles », « … le temps du ramadan[, venus du Maroc,] les deux
    pays d'origine » (as the parse reads it). Not a link word (« et », which the parse may hang
    anywhere), nor a word hung on a punctuation mark, nor below a cut of the sentence's first
    three words or fewer (a connective, which the parse may make the head), or below an
    opening label cut whole (``labelled``), nor on a word of a cut aside (``_in_cut_aside``:
    an aside governs nothing outside it)."""
    first = next((i for i, t in enumerate(words) if kept(t)), 0)
    opening = {t.i for t in words[:first]} if first <= 3 or labelled else set()
    for tok in words:
        head = tok.head
        # Only a word the cut phrase ran on into (its head before it), and not one of a
        # fixed expression the parse split (« ainsi de nouveau »).
        if not kept(tok) or head.i >= tok.i or head.is_punct or tok.dep_ in _NOT_HANGING:
            continue
        # A cut root is no kept word's loss but the bullet's (``no_finite_verb``): the parse
        # may make a closing cue the root (« …, rapporte Ouest-France »).
        if head.i in opening or kept(head) or head.dep_ == "ROOT":
            continue
        # A verb the parse hung on a noun (« ont à leur tour manifesté » read as « tour
        # manifesté »): the parse's slip more often than the cut's.
        if tok.pos_ in {"VERB", "AUX"} and head.pos_ not in {"VERB", "AUX"}:
            continue
        if tok.pos_ == "PROPN":
            continue  # a name stands for itself, wherever the parse hung it
        if _in_cut_aside(head, kept, asides, (words[0].i, words[-1].i + 1)):
            continue
        if _second_copy(head, words, kept):
            continue
        if any(w.i == head.i for w in words):
            return True
    return False


def _second_copy(head: Any, words: Sequence[Any], kept: Any) -> bool:
    """The cut word is the second copy of words the source wrote twice in a row (the
    ``repeated_words`` cut: « est morte est morte dimanche »): its first copy, kept just
    before, holds what hung on it."""
    at = next((k for k, w in enumerate(words) if w.i == head.i), None)
    if at is None:
        return False
    return any(kept(w) and w.lower_ == head.lower_ for w in words[max(0, at - 3) : at])


def _in_cut_aside(head: Any, kept: Any, asides: frozenset[str], bounds: tuple[int, int]) -> bool:
    """``head`` is a word of a cut aside: inside brackets the cut took whole (« 450
    gigatonnes[ (environ 450 milliards de tonnes)] de glace »), or a cut link adverb
    (``[compress] additive_adverbs``: « dénonce[ de son côté] une "ignominie" », « rapporte[ en
    effet] lundi »). An aside governs nothing outside it: a kept word the parse hung on one
    (« de glace » on « milliards ») is the parse's slip, not the cut's (read on 5 bullets of
    OrangeSum train rows 12300-12599, eighteenth session)."""
    doc = head.doc
    first = last = head.i
    while first > bounds[0] and not kept(doc[first - 1]):
        first -= 1
    while last + 1 < min(bounds[1] + 1, len(doc)) and not kept(doc[last + 1]):
        last += 1
    run = doc[first : last + 1]
    opening = [t.i for t in run if t.text == "(" and t.i < head.i]
    if opening and any(t.text == ")" and t.i > head.i for t in run):
        inner = doc[opening[-1] + 1 : head.i]
        if not any(t.text == ")" for t in inner):
            return True
    said = " ".join(t.lower_ for t in run if not t.is_punct and not t.is_space)
    return said in asides


def _elision_undone(sentence: Any, fragments: Sequence[tuple[int, int]], code: str) -> bool:
    """« estime que[, selon l'étude,] il y aurait » -> « que il »: a word that elides before a
    vowel (``[compress] elided_words``) left before one at a cut."""
    elided = resources_words(code, "elided_words")
    if not elided:
        return False
    text = sentence.span.doc.text
    for (_, end), (start, _) in itertools.pairwise(fragments):
        before = text[: end - sentence.offset].split()
        after = text[start - sentence.offset :].lstrip(" ,").split()
        if (
            before
            and after
            and before[-1].lower() in elided
            and after[0][:1].lower() in "aeiouàâéèêëîïôûœ"
        ):
            return True
    return False


def _orphan_name(sentence: Any, fragments: Sequence[tuple[int, int]], k: int) -> bool:
    """« ... se sont serré la main et embrassés[, sous les regards ... du directeur régional
    du CICR], Fabrizio Carboni. »: the last fragment is a comma and a name alone, the
    apposition of words the cut took (the thirteenth judged round)."""
    if k != len(fragments) - 1:
        return False
    text = sentence.span.doc.text
    after = text[fragments[k][0] - sentence.offset : fragments[k][1] - sentence.offset]
    if not after.lstrip().startswith(","):
        return False
    words = after.strip(" ,.;!?").split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)


_NAME_PARTICLES = frozenset({"de", "du", "des", "la", "le", "d'", "d’", "of", "the", "van", "von"})


def _comma_between_subject_and_verb(
    sentence: Any, fragments: Sequence[tuple[int, int]], k: int
) -> bool:
    """« Si ce second tour[, prévu le 22 mars], ne pouvait »: the fragment before the cut or
    the one after it keeps a comma at the cut, and a subject before the cut has its verb
    after it."""
    text = sentence.span.doc.text
    before = text[fragments[k - 1][0] - sentence.offset : fragments[k - 1][1] - sentence.offset]
    after = text[fragments[k][0] - sentence.offset : fragments[k][1] - sentence.offset]
    if not (before.rstrip().endswith(",") or after.lstrip().startswith(",")):
        return False
    if before.rstrip().endswith(",") and after.lstrip().startswith(","):
        return False  # two commas: the other rule's case, or an apposition kept whole
    cut = fragments[k - 1][1]
    # Only a bracketed aside was cut (« Juliette (15 ans), Sophie Marceau ... », « Xavier
    # Rigo, directeur de l'APRR (Rhône), a décidé »): the comma is the source's own, where it
    # stood beside the brackets.
    deleted = text[cut - sentence.offset : fragments[k][0] - sentence.offset].strip()
    if deleted.startswith(("(", "[")) and deleted.endswith((")", "]")):
        return False
    for tok in sentence.span:
        at = sentence.offset + tok.idx
        if not (tok.dep_.startswith("nsubj") and any(a <= at < b for a, b in fragments[:k])):
            continue
        verb_at = sentence.offset + tok.head.idx
        if _asides_paired(text, sentence.offset, fragments, at + len(tok), verb_at):
            continue
        if verb_at >= cut and any(a <= verb_at < b for a, b in fragments[k:]):
            # Nothing of the source between the subject and the cut but the comma itself:
            # the subject's phrase ends at the cut.
            phrase_end = sentence.offset + max(t.idx + len(t) for t in tok.subtree)
            gap = text[phrase_end - sentence.offset : cut - sentence.offset]
            if gap.strip() in {"", ","}:
                return True
    return False


def _asides_paired(
    text: str, offset: int, fragments: Sequence[tuple[int, int]], start: int, end: int
) -> bool:
    """The words kept between a subject (ending at ``start``) and its verb (at ``end``) hold
    commas in pairs (« La mort de X[, un marin de 46 ans], lors d'une tempête
    lundi, a été suivie »): an aside kept whole between its two commas, none stray."""
    kept = "".join(
        text[max(a, start) - offset : min(b, end) - offset]
        for a, b in fragments
        if a < end and b > start
    )
    commas = kept.count(",")
    return commas > 0 and commas % 2 == 0


def _comma_before_complement(
    sentence: Any, fragments: Sequence[tuple[int, int]], k: int, lang: Any
) -> bool:
    """At the join before fragment ``k``: a comma, then a phrase that completes (object,
    complement, oblique) a word kept before the join."""
    from essentiel.keypoints.compress import COMPLETING

    text = sentence.span.doc.text
    # The deleted words opened with a comma and the next fragment opens with the other one:
    # « ont détecté[, dans la nuit], un dépassement ». (A comma that stood in the source next to
    # a deleted parenthetical is the source's punctuation, not the deletion's.)
    gap = text[fragments[k - 1][1] - sentence.offset : fragments[k][0] - sentence.offset]
    after = text[fragments[k][0] - sentence.offset : fragments[k][1] - sentence.offset]
    if not (gap.lstrip().startswith(",") and after.lstrip().startswith(",")):
        return False
    incise = after.lstrip()[1:].split(",")[0]
    if lang.speech_verb.search(incise) or lang.according_to.search(incise):
        return False  # « ..., a affirmé X », « ..., selon X »: an attribution keeps its comma
    start, end = fragments[k][0] - sentence.offset, fragments[k][1] - sentence.offset
    first = next((t for t in sentence.span if start <= t.idx < end and t.is_alpha), None)
    if first is None:
        return False
    top = first
    while top.head.i != top.i and start <= top.head.idx < end:
        top = top.head
    head_at = top.head.idx + sentence.offset
    return (
        top.dep_ in COMPLETING
        and head_at < fragments[k - 1][1]
        and any(a <= head_at < b for a, b in fragments[:k])
    )


def lost_figures(
    figures: Iterable[Any],
    lead: tuple[int, int],
    fragments: Sequence[tuple[int, int]],
    entities: Sequence[Any] = (),
    side: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """The figures (``Digest.figures``) of the lead sentence (``lead``, clean offsets) that a
    bullet made from it (``fragments``) does not keep. Durations and ages (« depuis trois
    semaines », « un homme de 44 ans ») are the sentence's detail, not its count; a number
    inside a name of the digest's ``entities`` (« une information d'Europe 1 ») counts
    nothing. Nor does a number within ``side`` (clean offsets, ``side_numbers`` of the lead's
    parse): in brackets or in a clause that describes a noun (« un comité, comptant 55.000
    membres, a déposé 50 plaintes »: the complaints are the count, the members a detail)."""
    from essentiel.model import MentionForm

    names = [
        (m.span.start, m.span.end)
        for entity in entities
        for m in entity.mentions
        if m.form is MentionForm.NAME
    ]
    return [
        figure.span.text
        for figure in figures
        if lead[0] <= figure.number.start < lead[1]
        and figure.unit not in DURATION_UNITS
        and not any(a <= figure.number.start < b for a, b in fragments)
        and not any(a <= figure.number.start < b for a, b in names)
        and not any(a <= figure.number.start < b for a, b in side)
    ]


# A number under one of these links describes a noun by a participle or an apposition, or
# stands beside the clause (« un comité, comptant 55.000 membres, », « : les deux garçons
# sont placés »): not the lead's count. Not a relative clause: « Le séisme, qui a fait 200
# morts, a frappé ... » keeps its count there.
_SIDE_LINKS = frozenset({"acl", "appos", "parataxis"})


def side_numbers(sentence: Any) -> list[tuple[int, int]]:
    """The clean offsets of the numbers of ``sentence`` (the lead, parsed) that are no count
    of it: in brackets, or under a participle, an apposition or a clause beside the main one.
    Read inside the parse zone (the digest frees its parses after the key points)."""
    text = sentence.span.doc.text
    spans = []
    for token in sentence.span:
        if not token.like_num and token.pos_ != "NUM":
            continue
        before = text[sentence.span.start_char : token.idx]
        node, side = token, before.count("(") > before.count(")")
        while not side and node.head.i != node.i:
            side = node.dep_ in _SIDE_LINKS
            node = node.head
        if side:
            start = sentence.offset + token.idx
            spans.append((start, start + len(token.text)))
    return spans


# ---- per box -----------------------------------------------------------------------------------


def _fold(word: str) -> str:
    """Lowercase, straight apostrophe, no accents: how the measure compares two words."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class EventWord:
    """One content word of the headline: the keys a bullet's word must share with it (its
    lemma and form, folded; its family of ``[headline] equivalents``; ``ent:N`` for each
    entity of the digest whose name holds it; ``num:V`` for a number) and its folded forms
    for the shared-stem rule."""

    text: str
    keys: frozenset[str]
    forms: frozenset[str]
    # The headline's predicate: a verb (« évacués », « licencie ») or a number (« 200 »).
    # Recorded (``--jsonl``), not required: requiring a bullet to say it agreed far worse with
    # reading (the parse of a headline misplaces its verb, the body rewords it).
    predicate: bool = False


@dataclass(frozen=True)
class Said:
    """What a bullet (or a body sentence) says, in the form ``EventWord`` is matched against."""

    keys: frozenset[str]
    forms: frozenset[str]
    numbers: tuple[float, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """A language's ``[headline]`` lists (``resources/<lang>/defects.toml``)."""

    families: dict[str, str]  # folded word -> family key
    rubric: frozenset[str]
    stop: frozenset[str]

    @classmethod
    @functools.cache
    def of(cls, code: str) -> Lexicon:
        from essentiel.check.claims import stop_words
        from essentiel.resources import language_data

        data = language_data(code, "defects").get("headline", {})
        families = {
            _fold(word): f"syn:{n}"
            for n, family in enumerate(data.get("equivalents", []))
            for word in family
        }
        stop = frozenset(_fold(w) for w in stop_words(code))
        return cls(families, frozenset(data.get("rubric_words", [])), stop)


def _word_keys(token_text: str, lemma: str, lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """The exact keys and the stem forms of one word (a hyphenated word's parts apart)."""
    keys: set[str] = set()
    forms: set[str] = set()
    for raw in {token_text, lemma}:
        folded = _fold(raw).split("'", 1)[-1] if "'" in _fold(raw)[:3] else _fold(raw)
        for part in {folded, *folded.split("-")}:
            if not part:
                continue
            keys.add(part)
            forms.add(part)
            family = lexicon.families.get(part)
            if family:
                keys.add(family)
    return keys, forms


def _name_words(entities: Sequence[Any]) -> list[frozenset[str]]:
    """Per entity, the folded words of its name and of the aliases that are names (written
    with a capital): what a headline's proper noun is matched to."""
    out = []
    for entity in entities:
        names = [entity.name, *(a for a in entity.aliases if a[:1].isupper())]
        out.append(
            frozenset(
                _fold(w).split("'", 1)[-1]
                for name in names
                for w in _WORD.findall(name)
                if w[:1].isupper() and len(w) > 1
            )
        )
    return out


def headline_event(doc: Any, code: str, entities: Sequence[Any] = ()) -> tuple[EventWord, ...]:
    """The headline's event as content words (nouns, proper nouns, verbs, adjectives,
    numbers; stop words out). An opening rubric (« VIDÉO. », « EXCLUSIF : ») is left out: it
    says what the page is, not what happened. A topic label (« Coronavirus : ») stays: left
    out, it agreed worse with reading (the body's statement of the event repeats it). A
    proper noun also matches every mention of the digest's entity whose name holds it
    (« Macron » / « le chef de l'État »), a number its value, a word its family of
    equivalents."""
    lexicon = Lexicon.of(code)
    tokens = list(doc)
    start = 0
    for k, tok in enumerate(tokens[:5]):
        if tok.text in {":", "."} and k > 0:
            label = tokens[:k]
            if all(t.text.isupper() or _fold(t.text) in lexicon.rubric for t in label):
                start = k + 1
            break
    names = _name_words(entities)
    capitals = any(t.text[:1].isupper() for t in tokens[1:])
    words: list[EventWord] = []
    # The hyphenated name each word belongs to (« Alpes-de-Haute-Provence », which the parse
    # cuts in parts, « Meurthe-et-Moselle », which it does not): one word of the event.
    compound = [0] * len(tokens)
    for k in range(1, len(tokens)):
        joined = not tokens[k - 1].whitespace_ and "-" in {tokens[k - 1].text, tokens[k].text}
        compound[k] = compound[k - 1] if joined else k
    parts: dict[int, int] = {}  # compound -> index in ``words`` of its first content word
    for k, tok in enumerate(tokens[start:], start):
        folded = _fold(tok.text)
        if tok.pos_ == "NUM" or tok.text[:1].isdigit():
            values = [v for _, _, v in read_numbers_of(tok.text, code)]
            keys = {f"num:{v:g}" for v in values} or {folded}
            words.append(EventWord(tok.text, frozenset(keys), frozenset(), predicate=True))
            continue
        if (
            (
                tok.pos_ not in _CONTENT_POS
                and not _name_in_clause(tokens, k, start)
                and not _misread_content(tokens, k, start)
                and not _entity_opener(tok, k, start, names)
            )
            or tok.is_stop
            or folded in lexicon.stop
            or folded in lexicon.rubric
            or len(tok.text) < 2
        ):
            continue
        keys, forms = _word_keys(tok.text, tok.lemma_, lexicon)
        if tok.text[:1].isupper() or not capitals:
            keys |= {f"ent:{n}" for n, words_of in enumerate(names) if folded in words_of}
        predicate = tok.pos_ in {"VERB", "AUX"} or (tok.dep_ == "ROOT" and tok.pos_ != "PROPN")
        word = EventWord(tok.text, frozenset(keys), frozenset(forms), predicate)
        at = parts.get(compound[k])
        if at is not None and tok.text[:1].isupper() and words[at].text[:1].isupper():
            # A part of the same hyphenated name: said when any of its parts is said.
            first = words[at]
            words[at] = EventWord(
                f"{first.text}-{tok.text}",
                first.keys | word.keys,
                first.forms | word.forms,
                first.predicate or word.predicate,
            )
            continue
        parts.setdefault(compound[k], len(words))
        words.append(word)
    return tuple(words)


def _misread_content(tokens: Sequence[Any], k: int, start: int) -> bool:
    """A word the headline's parse tags an adverb or leaves untagged (``X``) where it is a
    verb or a name: in a role no adverb plays (« L'Élysée dément que ... »: « dément » an
    adjective's role; « Hong Kong : ... »: « Hong » the root), or right after the headline's
    subject noun with no verb before it (« Le rectorat dément la fermeture ... »: an adverb
    for the only verb). Adverbs where adverbs stand (« circule davantage ») stay out."""
    tok = tokens[k]
    if tok.pos_ not in {"ADV", "X"} or not tok.is_alpha or len(tok.text) < 3:
        return False
    if tok.dep_ not in {"advmod", "fixed", "flat", "compound"}:
        return True
    before = tokens[start:k]
    return (
        bool(before)
        and before[-1].pos_ in {"NOUN", "PROPN"}
        and not any(t.pos_ in {"VERB", "AUX"} for t in before)
    )


def _entity_opener(tok: Any, k: int, start: int, names: Sequence[frozenset[str]]) -> bool:
    """A word that opens the headline or a part of it (after a colon, a quote mark), capitalised
    as any such word is, that is a word of a name of the digest's entities (« Macron rattrapé
    par le fisc »: « Macron » read as an adverb): the name ``_name_in_clause`` cannot tell by
    its capital."""
    return (
        (k == start or not tok.nbor(-1).is_alpha)
        and tok.text[:1].isupper()
        and tok.is_alpha
        and any(_fold(tok.text) in words for words in names)
    )


def _name_in_clause(tokens: Sequence[Any], k: int, start: int) -> bool:
    """A capitalised word after a word of its clause is a name, whatever the headline's
    parse tags it (« Trump provoque Macron face aux caméras »: « Macron » read as an
    adverb)."""
    tok = tokens[k]
    return k > start and tok.text[:1].isupper() and tok.text.isalpha() and tokens[k - 1].is_alpha


def read_numbers_of(text: str, code: str) -> list[tuple[int, int, float]]:
    from essentiel.facts.figures import read_numbers

    return read_numbers(text, code)


def said_by(
    tokens: Iterable[Any],
    code: str,
    entities: Sequence[Any] = (),
    spans: Sequence[tuple[int, int]] = (),
    inserted: str = "",
) -> Said:
    """What ``tokens`` say: their words (any part of speech: the parser tags a headline's
    verb as a noun and the other way), their numbers, and the entities (indices in
    ``entities``) with a mention inside ``spans`` (clean-text offsets) or named in
    ``inserted`` (the bullet's bracketed name)."""
    lexicon = Lexicon.of(code)
    keys: set[str] = set()
    forms: set[str] = set()
    numbers: list[float] = []
    text = []
    for tok in tokens:
        text.append(tok.text_with_ws)
        k, f = _word_keys(tok.text, tok.lemma_, lexicon)
        keys |= k
        forms |= f
    for _, _, value in read_numbers_of("".join(text), code):
        numbers.append(value)
        keys.add(f"num:{value:g}")
    folded_insert = _fold(inserted)
    for n, entity in enumerate(entities):
        if any(any(a <= m.span.start < b for a, b in spans) for m in entity.mentions) or (
            folded_insert and _fold(entity.name) in folded_insert
        ):
            keys.add(f"ent:{n}")
    return Said(frozenset(keys), frozenset(forms), tuple(numbers))


def _round_number_near(key: str, numbers: Sequence[float]) -> bool:
    """A headline's round figure (« 20.000 morts ») for the exact one of the body (« 20.265
    personnes »): within 5 % above or below, not for years."""
    value = float(key[4:])
    round_figure = value >= 100 and value % 10 == 0 and not 1900 <= value <= 2100
    return round_figure and any(abs(x - value) <= 0.05 * value for x in numbers)


def _shares_stem(forms: frozenset[str], said: frozenset[str]) -> bool:
    """Two words of one stem: one (5 letters or more) begins the other (« appel » /
    « appelons », « fouille » / « fouillé » once folded), or they share their first 6
    letters (« présidence » / « président »)."""
    for a in forms:
        if len(a) < 5:
            continue
        for b in said:
            if len(b) < 5:
                continue
            if a.startswith(b) or b.startswith(a):
                return True
            if len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6]:
                return True
    return False


def event_matched(word: EventWord, said: Said) -> bool:
    if word.keys & said.keys:
        return True
    if any(k.startswith("num:") for k in word.keys):
        return any(_round_number_near(k, said.numbers) for k in word.keys if k.startswith("num:"))
    return _shares_stem(word.forms, said.forms)


def headline_coverage(event: Sequence[EventWord], bullets: Sequence[Said]) -> float:
    """The largest share of the headline's event words one bullet says."""
    if not event:
        return 1.0
    return max(
        (sum(event_matched(w, said) for w in event) / len(event) for said in bullets),
        default=0.0,
    )


def opens_off_headline(record: dict[str, Any]) -> bool:
    """A bullet of the box states the headline's event, the first does not: the box opens on
    something else (a teaser, a detail, a witness's words; issue 33, « l'annonce vient
    tard »). Read off the record's ``matched`` (per bullet, per event word)."""
    event, matched = record.get("event") or [], record.get("matched") or []
    if not event or len(matched) < 2:
        return False
    shares = [sum(said) / len(event) for said in matched]
    return shares[0] < HEADLINE_COVERAGE <= max(shares[1:])


def left_out_names(record: dict[str, Any]) -> list[str]:
    """The headline's names (event words written with a capital, past its first word) that a
    body sentence says and no bullet does, when the box says none of them: the box never names
    what the headline is about (issue 33: « le château jamais nommé », « l'accord commercial
    du titre absent »)."""
    event = record.get("event") or []
    body, box = record.get("body_matched") or [], record.get("matched") or []
    names = [k for k, word in enumerate(event) if k > 0 and word["text"][:1].isupper()]
    said = [k for k in names if any(sentence[k] for sentence in body)]
    if not said or any(bullet[k] for bullet in box for k in said):
        return []
    return [event[k]["text"] for k in said]


def headline_from_url(url: str | None) -> str | None:
    """A headline read off an article address: the slug's words (Daily Mail, CNN)."""
    if not url:
        return None
    path = urlsplit(url.split("id_/", 1)[-1]).path.rstrip("/")
    parts = [p for p in path.split("/") if p and p not in {"index.html"}]
    if not parts:
        return None
    slug = re.sub(r"\.html?$", "", parts[-1])
    slug = re.sub(r"^(?:article-\d+|index)$", "", slug)
    # Long digit runs are ids (« 3023941 »), short ones the headline's figures.
    words = [w for w in re.split(r"[-_]", slug) if w and not (w.isdigit() and len(w) >= 5)]
    return " ".join(words) if len(words) >= 3 else None


# ---- the run -----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts over document records (``audit_box``'s, completed in ``main``)."""

    dev: int
    show: int
    documents: int = 0
    bullets: int = 0
    boxes: int = 0
    judged_boxes: int = 0  # boxes with a headline, outside the dev documents
    bullet_counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                *BULLET_KINDS,
                *CONTEXT_KINDS,
                *POINTING_KINDS,
                *MEASURE_POINTING_KINDS,
                *PLACING_KINDS,
                "any",
            ),
            0,
        )
    )
    box_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BOX_KINDS, 0))
    headline_in_body: int = 0  # documents whose body holds the headline as a block of its own
    follow_ons: int = 0  # bullets whose pronoun stands for the bullet before's subject
    placed_by_headline: int = 0  # descriptions only the headline places (not defects)
    examples: dict[str, list[str]] = field(default_factory=dict)
    dev_lines: list[str] = field(default_factory=list)

    def example(self, kind: str, text: str) -> None:
        shown = self.examples.setdefault(kind, [])
        if len(shown) < self.show:
            shown.append(text)

    def add(self, record: dict[str, Any]) -> None:
        self.documents += 1
        self.headline_in_body += bool(record.get("headline_in_body"))
        for words in record.get("placed_by_headline", []):
            self.placed_by_headline += 1
            self.example("placed_by_headline", f"{words}  <- {record.get('headline')}")
        if not record["bullets"]:
            return
        self.boxes += 1
        any_defect = False
        for bullet in record["bullets"]:
            self.bullets += 1
            if bullet.get("follows_on"):
                self.follow_ons += 1
                self.example("follows_on", f"{bullet['text']}\n      <- {bullet['source']}")
            for kind in bullet["defects"]:
                self.bullet_counts[kind] = self.bullet_counts.get(kind, 0) + 1
                extra = f"  [lost: {', '.join(bullet['lost'])}]" if bullet["lost"] else ""
                if bullet.get("unplaced"):
                    extra += f"  [which? {bullet['unplaced']}]"
                if kind == "unintroduced_name":
                    extra += "".join(f"  [{a} for {b}]" for a, b in bullet["unintroduced"])
                self.example(kind, f"{bullet['text']}{extra}\n      <- {bullet['source']}")
            if bullet["defects"]:
                self.bullet_counts["any"] += 1
                any_defect = True
        if any_defect:
            self.box_counts["any_defect"] += 1
        if record["no_named_subject"]:
            self.box_counts["no_named_subject"] += 1
            self.example("no_named_subject", " | ".join(b["text"] for b in record["bullets"]))
        coverage = record["coverage"]
        if coverage is None:
            return
        body = record.get("body_coverage")
        where = f" (body {body:.2f})" if body is not None else ""
        line = f"{coverage:.2f}{where}  {record['headline']}\n      " + "\n      ".join(
            b["text"] for b in record["bullets"]
        )
        if self.documents <= self.dev:
            self.dev_lines.append(line)
            return
        self.judged_boxes += 1
        if body is not None and body < HEADLINE_COVERAGE:
            # No body sentence states the headline's event: no box could; counted apart.
            self.box_counts["headline_not_in_body"] += 1
            self.example("headline_not_in_body", line)
        elif coverage < HEADLINE_COVERAGE:
            self.box_counts["misses_headline"] += 1
            self.example("misses_headline", line)
        elif opens_off_headline(record):
            self.box_counts["opens_off_headline"] += 1
            self.example("opens_off_headline", line)
        if left_out_names(record):
            self.box_counts["leaves_out_headline_name"] += 1
            names = ", ".join(left_out_names(record))
            self.example("leaves_out_headline_name", f"[{names}] {line}")

    @property
    def stating_boxes(self) -> int:
        """Judged boxes whose body states the headline's event: the rate's denominator."""
        return self.judged_boxes - self.box_counts["headline_not_in_body"]

    def report(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "bullets": self.bullets,
            "boxes": self.boxes,
            "judged_boxes": self.judged_boxes,
            "stating_boxes": self.stating_boxes,
            "bullet_defects": self.bullet_counts,
            "box_defects": self.box_counts,
            "headline_in_body": self.headline_in_body,
            "follow_ons": self.follow_ons,
            "placed_by_headline": self.placed_by_headline,
        }

    def print(self) -> None:
        bullets = max(1, self.bullets)
        print(f"{self.documents} articles, {self.boxes} boxes, {self.bullets} bullets")
        print("per bullet:")
        order = [k for kind in BULLET_KINDS for k in (kind, *SUB_KINDS.get(kind, ()))]
        for kind in (*order, "any"):
            count = self.bullet_counts.get(kind, 0)
            sub = (*CONTEXT_KINDS, *POINTING_KINDS, *MEASURE_POINTING_KINDS, *PLACING_KINDS)
            label = f"  {kind}" if kind in sub else kind
            print(f"  {label:<22} {count:>5}  ({100 * count / bullets:.1f} %)")
            for example in self.examples.get(kind, []):
                print(f"    - {example}")
        print("per box:")
        for kind in BOX_KINDS:
            count = self.box_counts[kind]
            total = {
                "misses_headline": self.stating_boxes,
                "opens_off_headline": self.stating_boxes,
                "headline_not_in_body": self.judged_boxes,
                "leaves_out_headline_name": self.judged_boxes,
            }.get(kind, self.boxes)
            print(f"  {kind:<24} {count:>5}  ({100 * count / max(1, total):.1f} % of {total})")
            for example in self.examples.get(kind, []):
                print(f"    - {example}")
        print(
            f"follow-on bullets (a pronoun for the bullet before's subject; not a defect): "
            f"{self.follow_ons}"
        )
        for example in self.examples.get("follows_on", []):
            print(f"    - {example}")
        print(f"headline printed again as a body block: {self.headline_in_body} articles")
        print(
            f"descriptions placed by the headline alone (not a defect): {self.placed_by_headline}"
        )
        for example in self.examples.get("placed_by_headline", []):
            print(f"    - {example}")
        if self.show and self.dev_lines:
            print(
                f"dev documents (the first {self.dev}; coverage, headline, box; not in the rate):"
            )
            for line in self.dev_lines:
                print(f"    {line}")


def audit_box(
    text: str,
    sentences: list[Any],
    points: list[Any],
    lang: Any,
    words: Words,
    headline: str | None,
    headline_doc: Any,
    entities: Sequence[Any] = (),
) -> dict[str, Any]:
    """The defects of one box that its parse shows: a record per bullet and the box's own.
    (``lost_key_figure`` needs the digest's figures: ``main`` adds it.) ``entities``: the
    digest's, whose mentions let a bullet name the headline's people another way."""
    from essentiel.keypoints.follow_on import follows_on, keeps_subject
    from essentiel.keypoints.placing import unplaced
    from essentiel.keypoints.pointing import (
        earlier_nouns,
        entity_roles,
        named_kinds,
        names_someone,
        unintroduced_definite,
        unintroduced_event,
    )
    from essentiel.keypoints.standalone import short_mentions

    placed_words: list[str | None] = []
    by_headline: list[str] = []
    by_start = {s.start: s for s in sentences}
    index = {s.start: i for i, s in enumerate(sentences)}
    earlier = earlier_nouns(sentences, lang.code)
    records = []
    previous: tuple[int, list[tuple[int, int]]] | None = None  # the bullet before: index, kept
    said: list[frozenset[str]] = []
    told: list[Said] = []
    named = False
    persons_told: set[int] = set()  # the persons the bullets above mentioned
    for point in points:
        sentence = by_start[point.sources[0].start]
        fragments = with_named_gaps(
            text,
            [(f.start, f.end) for f in point.fragments],
            point.text,
            lang.subject_pronouns,
        )
        tokens = kept_tokens(sentence, fragments)
        found: list[str] = []
        introduced = frozenset().union(*said)
        at = index[sentence.start]
        # The bullet above is the article's sentence just before this one: what a « y », an
        # « en » or a « Le même jour » of this one stands for is there.
        after_previous = previous is not None and previous[0] == at - 1
        context = context_defect(
            point.text,
            sentence,
            fragments,
            lang,
            words,
            introduced,
            headline or "",
            after_previous,
        )
        # A pronoun standing for the subject of the bullet just before, which is the article's
        # sentence before it (``keypoints.follow_on``): read as the article wrote it.
        follows = (
            context == "context_pronoun"
            and previous is not None
            and previous[0] == at - 1
            and follows_on(sentences[at - 1], sentence, lang)
            and keeps_subject(sentences[at - 1], previous[1], sentence, lang)
        )
        if context and not follows:
            found += ["needs_context", context]
        previous = (at, fragments)
        if verbless(sentences, fragments, words):
            found.append("no_finite_verb")
        zone = _block_zone(text, sentence)
        quote = quote_defect(text, zone, fragments[0][0], fragments[-1][1], point.text)
        if quote:
            found.append(quote)
        if glued_heading(point.text, words):
            found.append("glued_heading")
        if headline_repeated(point.text, headline):
            found.append("headline_repeated")
        if stray_comma(sentence, fragments, lang):
            found.append("stray_comma")
        if broken_cut(sentence, fragments, lang, bool(_BRACKETED.search(point.text))):
            found.append("broken_cut")
        back = points_back(sentence, fragments, lang.code, introduced, point.text, bool(said))
        if back == "back_demonstrative":
            # « ce défilé » under « Un dernier défilé pour ... »: the headline said that very
            # noun (not a word of its family), as the selector's ``told`` reads it.
            titled = headline_nouns(tokens, lang.code, headline)
            if titled:
                back = points_back(
                    sentence, fragments, lang.code, introduced | titled, point.text, bool(said)
                )
        # A quote joined whole over several sentences (« "Je me suis braqué. (...)", souligne
        # X »): its speaker, named in a later sentence, is the bullet's.
        if back == "back_quote" and names_someone(bullet_tokens(sentences, fragments), point.text):
            back = None
        if back:
            found += ["points_back", back]
        clitic = None if back else clitic_back(sentence, tokens, words, after_previous)
        if clitic:
            found += ["points_back", "back_en"]
        event = (
            None
            if back or clitic
            else unintroduced_event(sentence, fragments, lang.code, introduced, headline or "")
        )
        if event:
            found += ["points_back", "back_event"]
        act = (
            None
            if back or clitic or event
            else unintroduced_event(
                sentence, fragments, lang.code, introduced, headline or "", acts=True
            )
        )
        if act:
            found += ["points_back", "back_act"]
        definite = (
            None
            if back or clitic or event or act
            else unintroduced_definite(
                sentence,
                fragments,
                lang.code,
                earlier[at],
                introduced,
                headline or "",
                entity_roles(entities),
            )
        )
        if definite:
            found += ["points_back", "back_definite"]
        # What the reader read before this bullet: the headline, then the bullets above it.
        told_text = "\n".join([headline or "", *(r["text"] for r in records)])
        place = unplaced(
            sentence, fragments, lang.code, entities, told_text, point.text, elided_counts=True
        )
        if place is not None:
            found += ["unplaced", place.kind]
            placed_words.append(place.words)
        else:
            placed_words.append(None)
            # Placed by the headline alone (« l'élu » under « Fenech lance une pétition »):
            # not a defect, counted apart (the judges still asked which one in some).
            untitled = "\n".join(r["text"] for r in records)
            alone = unplaced(sentence, fragments, lang.code, entities, untitled, point.text)
            if alone is not None:
                by_headline.append(alone.words)
        shorts = short_mentions(
            fragments, point.text, list(entities), text, lang.code, sentences, persons_told
        )
        if shorts:
            found.append("unintroduced_name")
        named = named or names_something(tokens)
        # What the bullet says, from every sentence it spans (a quote joined over several, a
        # statement over two): the bullets below it read all of it, so every sentence of it
        # introduces its words (« ... ouvert à tous les départements » before « ces
        # départements »), as the selection counts them (``take_quote``).
        spanned = bullet_tokens(sentences, fragments)
        said.append(
            frozenset(w for tok in spanned for w in (tok.lemma_.lower(), tok.lower_))
            | named_kinds(spanned, lang.code)
        )
        inserted = " ".join(re.findall(r"\[([^\]]+)\]", point.text))
        told.append(said_by(spanned, lang.code, entities, fragments, inserted))
        records.append(
            {
                "text": point.text,
                "source": sentence.span.text,
                "fragments": fragments,
                "from_lead": sentence is sentences[0],
                "lead": [sentences[0].start, sentences[0].end],
                "defects": found,
                "follows_on": follows,
                "unplaced": placed_words[-1],
                # « M. Kabuga » -> « Félicien Kabuga »: the short mention, the fuller name.
                "unintroduced": [[text[m.start : m.end], m.evidence.text] for m in shorts],
                "clitic": clitic,
                "event": event,
                "definite": definite,
                "lost": [],
            }
        )
    event = headline_event(headline_doc, lang.code, entities) if headline_doc is not None else ()
    # The headline printed again in the body (a sentence that is the headline,
    # ``headline_repeated``) is not the body stating its event: as a bullet it is a defect.
    body = (
        [
            said_by(s.span, lang.code, entities, [(s.start, s.end)])
            for s in sentences
            if not headline_repeated(s.span.text, headline)
        ]
        if event
        else []
    )
    return {
        "headline": headline,
        "headline_words": [w.text for w in event],
        "coverage": headline_coverage(event, told) if event else None,
        "event": [{"text": w.text, "predicate": w.predicate} for w in event],
        "matched": [[event_matched(w, t) for w in event] for t in told],
        "body_matched": [[event_matched(w, b) for w in event] for b in body],
        # The best any body sentence does: below the threshold, the body never states the
        # headline's event (a teaser, a question, a figure only the headline gives).
        "body_coverage": headline_coverage(event, body) if event else None,
        "no_named_subject": bool(points) and not named,
        "placed_by_headline": by_headline,
        "bullets": records,
    }


def points_back(
    sentence: Any,
    fragments: Sequence[tuple[int, int]],
    code: str,
    introduced: frozenset[str],
    bullet: str,
    below: bool = False,
) -> str | None:
    """How a word past the bullet's opening points at a sentence the box does not show (one
    of POINTING_KINDS), or None: the engine's own test (``keypoints.pointing``), which the
    selector also applies when ``refuse_pointing`` is on."""
    from essentiel.keypoints.pointing import points_back as found

    return found(sentence, fragments, code, introduced, bullet, below)


def headline_nouns(tokens: Sequence[Any], code: str, headline: str | None) -> frozenset[str]:
    """The nouns after a demonstrative of the bullet (« ces pédiatres ») that the headline says
    as the same word (« des pédiatres dénoncent ... »): lowercase, as ``points_back``'s
    ``introduced`` holds them. Not a word of the noun's family: « ce fonds » under « ... le
    budget ... » may be another one."""
    from essentiel.keypoints.pointing import PointingWords, headline_words

    if not headline:
        return frozenset()
    said = headline_words(headline)
    demonstratives = PointingWords.of(code).demonstratives
    nouns = {t.head for t in tokens if t.lower_ in demonstratives and t.pos_ == "DET"}
    return frozenset(
        word
        for noun in nouns
        for word in (noun.lower_.replace("’", "'"), noun.lemma_.lower())
        if noun.lower_.replace("’", "'") in said
    )


def clitic_back(
    sentence: Any, tokens: Sequence[Any], words: Words, after_previous: bool = False
) -> str | None:
    """The pronoun of ``[clitic] pronouns`` (« en ») on the bullet's main verb that stands
    for a thing the box does not show (« Rémy Heitz en a profité pour ... », « L'explication
    en a été donnée jeudi par sa fille »), as "pronoun verb", or None. Only the pronoun the
    parse hangs on the sentence's head verb: in a clause of its own (« une diapositive qui
    en a choqué plus d'un », « pour en commencer une ») it stands for a word of the clause
    before, in the bullet. Not inside quotation marks (the speaker's words), not in an idiom
    (``[clitic] idioms``: « si l'on en croit », « on en sait plus sur ... », « il y a »), not
    counted by a number with a noun before it (« X comptait 80 comptes, Y en avait 30 »),
    and not in a bullet whose sentence follows the one of the bullet above in the article
    (``after_previous``: the referent is there)."""
    from essentiel.keypoints.pointing import in_idiom

    if not words.back_clitics or after_previous:
        return None
    inside = {tok.i for tok in tokens}
    span = sentence.span
    for tok in tokens:
        if tok.lower_ not in words.back_clitics or tok.pos_ != "PRON":
            continue
        verb = tok.head
        if verb.i not in inside or verb.head.i != verb.i:
            continue
        before = span.doc[span.start : tok.i].text
        if (
            before.count("«") > before.count("»")
            or before.count('"') % 2
            or (before.count("“") > before.count("”"))
        ):
            continue
        if in_idiom(tok, verb, words.clitic_idioms):
            continue
        # « X comptait 80 comptes, Y en avait 30 »: a count of a noun said before it.
        earlier = [t for t in tokens if t.i < tok.i]
        if any(c.pos_ == "NUM" and c.dep_ == "obj" for c in verb.children) and any(
            t.pos_ in {"NOUN", "PROPN"} for t in earlier
        ):
            continue
        return f"{tok.text} {verb.text}"
    return None


def _block_zone(text: str, sentence: Any) -> tuple[int, int]:
    """The clean-text region of the sentence's block (where its quotes open and close)."""
    start = sentence.offset
    end = text.find("\n\n", start)
    return start, len(text) if end < 0 else end


def _same(block: str, headline: str | None) -> bool:
    """A body block that is the headline printed again (its words, nearly all, and few more)."""
    if not headline:
        return False
    title, said = _words(headline), _words(block)
    if len(title) < HEADLINE_MIN_WORDS or len(said) > 1.5 * len(title) + 3:
        return False
    return headline_repeated(block, headline)


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--source", choices=("text", "html"), default=None)
    parser.add_argument("--documents", type=int, default=1500)
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the file's first SKIP documents (a slice)"
    )
    parser.add_argument("--lang", default=None, help="fr or en (default: the file's)")
    parser.add_argument(
        "--dev",
        type=int,
        default=50,
        help="the first DEV documents set the headline threshold: left out of its rate",
    )
    add_where_option(parser)
    parser.add_argument(
        "--only-ids",
        type=Path,
        help="keep only the documents with these ids (a file of ids, or bench/judging/used.jsonl: "
        "the documents already judged, so that the rest stays unread for later judging rounds)",
    )
    parser.add_argument(
        "--keypoints",
        action="append",
        default=[],
        metavar="FIELD:VALUE",
        help="a key-point setting other than the default (refuse_pointing:0), to compare",
    )
    parser.add_argument(
        "--no-date",
        action="store_true",
        help="digest without the rows' publication dates (the figures before 2026-12-07)",
    )
    parser.add_argument("--show", type=int, default=0, help="examples to print per defect")
    parser.add_argument("--json", type=Path, help="also write the counts as JSON here")
    parser.add_argument("--jsonl", type=Path, help="write one line per document here")
    parser.add_argument(
        "--records",
        type=Path,
        help="count the lines a --jsonl run wrote (its first --documents) instead of digesting",
    )
    args = parser.parse_args(argv)
    tally = Tally(dev=args.dev, show=args.show)
    if args.records:
        with args.records.open(encoding="utf-8") as handle:
            for line in list(handle)[: args.documents]:
                tally.add(json.loads(line))
    else:
        if not args.data.is_file():
            print(f"error: {args.data}: no such file", file=sys.stderr)
            return 2
        _digest_all(args, tally)
    tally.print()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"data": args.data.name, "source": args.source, "dev": args.dev}
        args.json.write_text(json.dumps(report | tally.report(), indent=2) + "\n")
    return 0


def _settings(fields: list[str]) -> Any:
    """The pipeline's settings with the key-point fields given as FIELD:VALUE (a number, 0/1
    for a switch, or a word for a text field: ``selector_model:lexical``)."""
    from dataclasses import fields as fields_of
    from dataclasses import replace

    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    types = {f.name: f.type for f in fields_of(KeyPointSettings)}
    values: dict[str, Any] = {}
    for spec in fields:
        name, _, raw = spec.partition(":")
        if name not in types:
            raise SystemExit(f"--keypoints {spec}: no such key-point setting")
        kind = str(types[name])
        values[name] = (
            bool(int(raw))
            if kind == "bool"
            else float(raw)
            if kind == "float"
            else int(raw)
            if kind == "int"
            else raw
        )
    settings = Settings()
    return replace(settings, keypoints=replace(settings.keypoints, **values))


def _digest_all(args: argparse.Namespace, tally: Tally) -> None:
    import gzip

    import essentiel.pipeline as pipeline_module
    from essentiel.analyze import pipeline as spacy_pipeline
    from essentiel.evaluation.data import read_items
    from essentiel.model import BlockKind
    from essentiel.pipeline import Pipeline

    where = dict(args.where)
    items = list(read_items(args.data, source=args.source, where=where))
    if args.only_ids:
        from judging import read_id_file

        keep = read_id_file(args.only_ids)
        items = [item for item in items if item.id in keep]
    items = items[args.skip : args.skip + args.documents]
    # Addresses are not in EvalItem: read them off the rows, for the English headline.
    opener = gzip.open if args.data.suffix == ".gz" else open
    with opener(args.data, "rt", encoding="utf-8") as handle:
        urls = {str(row.get("id")): row.get("url") for row in map(json.loads, handle)}
    real = pipeline_module.build_keypoints
    current: dict[str, Any] = {}

    def audited(text: str, sentences: list[Any], lang: Any, *rest: Any):  # type: ignore[no-untyped-def]
        points, notices = real(text, sentences, lang, *rest)
        headline = current["headline"]
        doc = spacy_pipeline(lang.code)(headline) if headline else None
        words = Words.of(lang.code)
        context = rest[3] if len(rest) > 3 else None
        entities = context.entities if context is not None else []
        current["box"] = audit_box(text, sentences, points, lang, words, headline, doc, entities)
        current["side"] = side_numbers(sentences[0]) if sentences else []
        return points, notices

    out = args.jsonl.open("w", encoding="utf-8") if args.jsonl else None
    pipeline_module.build_keypoints = audited  # type: ignore[assignment]
    started = time.perf_counter()
    try:
        pipeline = Pipeline(_settings(args.keypoints))
        for n, item in enumerate(items, 1):
            current.clear()
            current["headline"] = item.title or headline_from_url(urls.get(item.id))
            # The row's publication date when it has one (OrangeSum's ``date``): the box users
            # see, with its days dated (« dimanche [9 août] »), as ``evaluation.run`` digests it.
            digest = pipeline.digest(
                item.article,
                published=None if args.no_date else item.published,
                lang=args.lang or item.lang,
                title=item.title,
            )
            record = {"id": item.id, **current["box"]}
            for bullet in record["bullets"]:
                if bullet["from_lead"]:
                    lead = (bullet["lead"][0], bullet["lead"][1])
                    bullet["lost"] = lost_figures(
                        digest.figures, lead, bullet["fragments"], digest.entities, current["side"]
                    )
                    if bullet["lost"]:
                        bullet["defects"].append("lost_key_figure")
            record["headline_in_body"] = any(
                b.kind is BlockKind.BODY and _same(b.span.text, record["headline"])
                for b in digest.article.blocks
            )
            tally.add(record)
            if out:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                out.flush()
            if n % 25 == 0 or n == len(items):
                rate = n / (time.perf_counter() - started)
                print(f"\r  {n}/{len(items)} articles, {rate:.2f}/s", end="", file=sys.stderr)
    finally:
        pipeline_module.build_keypoints = real  # type: ignore[assignment]
        if out:
            out.close()
    print(file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
