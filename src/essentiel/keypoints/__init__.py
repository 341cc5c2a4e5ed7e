"""Key points: select news-carrying body sentences, compress them, verify each bullet.

The first bullet states the event the headline announces (``headline.py``; the lead when
there is no headline): the next statement of it is tried when one cannot be a bullet, no cut
takes the headline's words, and it may run a few words longer than the others; when the
statement tried cannot be one, a quote over several sentences that states the headline is the
first bullet whole, with its speaker (``headline_quote``). The others
are the next best candidates, never the article's closing sentence while others remain; with
no headline, the lead's next sentences that can be bullets first (``untitled_lead``). A
subject that needs the sentence before is named in brackets (``standalone.py``). A bullet
that fails verification is replaced by its uncompressed source sentence when that passes and
fits the word limit, otherwise dropped; selection then moves on to the next candidate. No
bullet starts or ends inside a quote: a quote over several sentences is never cut into
candidates; when the box is short, it is one bullet whole, if it fits and names its speaker.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from spacy.tokens import Token

from essentiel import resources
from essentiel.analyze import ParsedSentence
from essentiel.check.claims import stop_words
from essentiel.check.verifier import Verifier
from essentiel.facts.entities import title_persons
from essentiel.facts.figures import read_numbers
from essentiel.facts.names import fold
from essentiel.facts.quotes import rules as quote_rules
from essentiel.keypoints.compress import (
    Compressor,
    count_words,
    pointing_label_end,
    subordinate_only,
)
from essentiel.keypoints.days import dated_once, day_brackets, days_by_sentence
from essentiel.keypoints.follow_on import follow_ons, keeps_subject
from essentiel.keypoints.headline import Headline, name_stems, rubric_stems, word_stems
from essentiel.keypoints.headline_subject import OPENING_SENTENCES, headline_subject_repair
from essentiel.keypoints.learned import (
    MAX_EMBEDDED,
    MAX_PIECES,
    MAX_RANK,
    PRESELECTED,
    SELECTOR_MODELS,
    score_learned,
)
from essentiel.keypoints.naming import (
    Naming,
    name_before_named,
    named_entities,
    names_subject,
    naming_marks,
    namings_by_sentence,
)
from essentiel.keypoints.order import news_first
from essentiel.keypoints.placing import refuse_unplaced, unplaced_in_order, unplaced_source
from essentiel.keypoints.pointing import (
    earlier_nouns,
    entity_roles,
    headline_article_repair,
    introduces,
    kept,
    named_kinds,
    names_headline_word,
    points_back,
    unintroduced_definite,
    unintroduced_event,
)
from essentiel.keypoints.roles import introduce_roles
from essentiel.keypoints.select import (
    MIN_WORDS,
    OPENING_MARKS,
    Candidate,
    content_lemmas,
    has_finite_verb,
    long_quote_runs,
    next_best,
    passed_over,
    rarity,
    score_sentences,
    stands_alone,
    unbalanced_quotes,
)
from essentiel.keypoints.standalone import (
    SubjectRepair,
    incise_repair,
    introduce_names,
    person_nouns,
    repair_subject,
    said_words,
    unnamed_description,
    with_insertion,
)
from essentiel.model import (
    DateMention,
    Entity,
    EntityKind,
    KeyPoint,
    MentionForm,
    Notice,
    Span,
    Verdict,
)
from essentiel.resources import SELECTORS, Language

_TITLE_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class ArticleContext:
    """What the selection knows beyond the body's sentences: the publisher's own summary (the
    chapô, part of the editor's statement of the news, never a bullet) and the entities the
    text ties pronouns and descriptions to."""

    standfirst: str | None = None
    entities: list[Entity] = field(default_factory=list)
    # The body's dates as the facts stage resolved them: the relative days a bullet keeps get
    # their calendar date (``KeyPointSettings.day_brackets``).
    dates: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True)
class KeyPointSettings:
    max_keypoints: int = 3
    min_keypoints: int = 2
    # Compressed towards ``target_words``, at most ``max_words``: 30 and 36 since the
    # fourteenth judged round (2026-12-06, 40 new French articles, blind): against 25 and 30,
    # the judges marked the longer box above in 11 articles and below in 4 (the same box in
    # 24), informativeness 3.03 against 2.67, readability 2.85 both; what the shorter limit
    # cut was the headline's event too long to fit (« Au lendemain de l'attaque ..., l'assaillant
    # présumé a "assumé son acte" ... ») or its figures and places. ROUGE-1 on ``make tune``'s
    # first 300 articles 28.97 against 29.04, boxes missing the headline 26.3 against 29.3 %.
    max_words: int = 36
    target_words: int = 30
    # A language may name its own limits (``[keypoints] target_words``, ``max_words``: English
    # keeps 25 and 30); they replace the two above unless this is off (a caller that sets the
    # limits itself, as the CLI's --max-words does).
    words_from_language: bool = True
    # Bullets beyond min_keypoints only for candidates scoring at least this share of the best
    # one: 0 (the default) fills up to max_keypoints; higher values keep the extra bullets for
    # articles that have another point nearly as strong as their first.
    extra_ratio: float = 0.0
    # "learned": the shipped model (keypoints/learned.py); "heuristic": select.py's weights;
    # "lead": the body's order, first sentences first (the news lead, as LEAD-k takes it,
    # with the same candidates, compression and verification). None: the article language's
    # choice (``[keypoints] selector`` in its language.toml): the model was trained on French
    # abstracts only, and on English highlights the lead does better (docs/benchmarks.md).
    selector: str | None = None
    # The model learned what journalists' abstracts restate (mostly the lead); select.py's
    # score knows what a key point is made of (names, figures, dates). Half and half keeps
    # ROUGE within noise of the model alone on held-out articles and does not pass over a
    # figure-laden sentence for a filler like « Washington n'a pas commenté » (the seed).
    learned_weight: float = 0.5
    # The first bullet is chosen among this many of the body's first candidates: the event the
    # headline announces is told early, and a late sentence that repeats the headline's words
    # (a quote, a recap) is not its statement. 0: no headline pick, the best candidate first.
    headline_candidates: int = 5
    # ... unless a candidate further on, among the body's first ``headline_later``
    # candidates, says this much more of the headline's words than every early one does
    # (``Headline.match`` without the embedding, which only the best-scored candidates have):
    # then it is tried first. A lead written around the event (the context first, the
    # figure, the reaction) may state it only in its sixth sentence. 0 margin: never.
    headline_later: int = 10
    later_margin: float = 0.3
    # How much the selection score counts beside the headline match for the first bullet.
    headline_weight: float = 0.5
    # The lead (the first candidate) is the first bullet when its headline value is within
    # this much of the best early candidate's: the news lead states the headline's event.
    lead_margin: float = 0.0
    # ... or when it holds at least this share of the headline (``Headline.match``): a lead
    # that states the headline's event is its statement, even if a later sentence repeats
    # more of the headline's words (a quote, a recap). 0: only the margin decides.
    lead_match: float = 0.0
    # How many of the early candidates, best headline match first, the first bullet tries
    # when the one before could not be made a bullet (over the limit after its cuts, failed
    # verification, a description naming nobody) before the box falls back to the best
    # remaining candidate, often a side detail.
    headline_tries: int = 3
    # The first bullet is compressed with the lead's guard (its figures and actors stay when
    # it fits the limit whole): it states the headline's who, what and how many.
    headline_guard: bool = False
    # No cut of the first bullet takes one of the headline's content words (``Headline``'s
    # stems): compression must not drop the event the bullet was chosen to state.
    headline_keep: bool = True
    # ... nor of a later bullet whose sentence states the headline while no bullet above does
    # (``restates``): the first bullet was another statement, and the cut of this one took
    # the headline's words. Not with the lead selector (English's default), which picks no
    # headline statement; measured on French only.
    headline_keep_later: bool = True
    # The first bullet may run this many words over ``max_words``: a lead that carries its
    # attribution and date is often a few words over the box's limit, and without it the
    # headline's event was told by no bullet (``make tune``, 2026-12-05: with tries and keep,
    # +10 words took ROUGE-1 from 28.55 to 29.04 and the boxes missing the headline from 43.7 %
    # to 36.3 %; +5: 28.83 and 39.3 %).
    headline_extra_words: int = 10
    # When neither the headline's statement nor its main clause fits that limit, the statement
    # may run up to this many words more (cut as before, or whole), unless a quote states the
    # headline: the cut that reads better is tried first (issue 33, tenth session; with
    # ``headline_extra_words`` at 14 for every try, a lead whose main clause states the event
    # better stood whole). Pages 1-245: boxes missing the headline 18 -> 16 of 186, defective
    # bullets 17 -> 16; ``make tune``'s first 300 ROUGE-1 28.88 -> 28.93, misses 27.3 -> 26.7 %.
    headline_whole_words: int = 4
    # The same extra words for the lead selector's first bullet (English by default).
    lead_extra_words: bool = True
    # Text with no headline (nor chapô): the lead is the statement of the news (issue 33, item
    # 2: on agency stories without a headline, the judges put LEAD-3 first, our boxes having
    # skipped the lead's next facts for later detail or cut the lead). The first bullet is the
    # lead, tried whole as the lead selector's (``lead_whole``), and the lead's next sentences
    # that can be bullets are favoured (``[keypoints] untitled_lead_sentences``,
    # ``untitled_lead_weight`` in the language's file) over later detail, through the same
    # checks as any bullet. Off: the selector's order alone after the lead.
    untitled_lead: bool = True
    # ... and with the lead selector (English's default), which keeps follow-ons out, a
    # follow-on of the lead's (``follow_on``: « He said he once believed ... » after the bullet
    # that named him). Off: on FRANK's 75 CNN/DM documents it changes 2 boxes, both towards
    # LEAD-3 and read as better, but the reader's measure flags both follow-ons' pronouns
    # (« he » after a bracketed name, « He » after a bullet naming two males): defective
    # bullets 7 -> 9 of 223; left for a blind judging.
    untitled_follow_on: bool = False
    # ... and it is first tried whole (compressed only as far as that limit), then cut
    # towards the target as any bullet: with no headline above it, the lead is the box's only
    # statement of the news, and what the cut to the target took was its cause (« have filed
    # a missing persons report[ after his older brother disappeared three days ago] »).
    # FRANK's 75 CNN/DM articles: 12 first bullets keep their cause or their figures, ROUGE-1
    # 39.29 -> 39.30; XSum's 74, 5 boxes; French (the learned selector) untouched.
    lead_whole: bool = True
    # When the headline's statement cannot be the first bullet as it is (too long after its
    # cuts, or refused), its main clause is tried before the next statement: what stands
    # before its subject and the clauses around it cut (``Compressor.compress``'s ``clause``).
    headline_clause: bool = True
    # A quote that runs over several sentences (no sentence of it stands alone) among the
    # body's first ``headline_later`` sentences, and says more of the headline than every
    # candidate the first bullet would try (``Headline.match``, its best sentence), is the
    # first bullet whole (``joined_quote``) when it fits the first bullet's limit and names its
    # speaker: the headline often quotes the end of such a quote (« "... Il n'en a jamais été
    # question", a assuré le porte-parole »), and no candidate stated it.
    headline_quotes: bool = True
    # The same for a statement over two sentences: a quote, a figure or a question, then a
    # sentence that opens on words pointing at it (« "40.000 jeunes" d'ici 2020. C'est ce que
    # prévoit le secrétaire d'Etat ... », « ... est-elle relancée? Telle est la question après
    # ... »: ``[keypoints] points_to_sentence_before``), neither of which is a bullet alone:
    # the two as one bullet whole (``headline_pair``), on the same terms as the quote.
    headline_pairs: bool = True
    # The closing sentence is left out of articles longer than this many times the box's
    # bullets; 0: never left out.
    closing_after: int = 2
    # A bullet whose subject is a bare definite description of a person (``[quotes]
    # person_nouns``) and that names nobody (« La chanteuse avait mis un terme ... ») is no
    # bullet unless one shown before it said the noun, or it is the article's first sentence;
    # languages without ``[standalone] definite_articles`` never refuse ("the" in English
    # since issue 33's English lists: "The senator said ...").
    refuse_unnamed: bool = True
    # The same, from the second bullet, for a bare description of a thing or an event that
    # stands for what the sentence before said (``[standalone] described_things``: « La mesure
    # entrera en vigueur ... », « L'accident a fait ... ») and that no earlier bullet
    # introduced. Refusing every thing not known without a name cost 0.11 ROUGE-1 on the
    # first 300 ``make tune`` articles (28.89 to 28.78); the listed nouns only, with
    # ``judge_lead``, none (28.90; 2026-12-05), for 19 fewer defects of 700 bullets on
    # OrangeSum validation pages 1-245 (39 to 20, with the organisations named in brackets).
    refuse_unnamed_things: bool = True
    # The same for a description of any thing or event the reader does not know without a
    # name, listed in ``described_things`` or not (« La déferlante a fait 44 blessés », « Le
    # convoi est reparti ... »), when another candidate is left that scores at least this
    # share of this one's (0: only the listed nouns are refused). The list was read on
    # validation pages 1-245; on pages 246-499, which nobody had read, 16 of 712 bullets
    # still described a thing or a person never named (issue 33). Not in the article's first
    # sentence, which no sentence comes before.
    unnamed_margin: float = 0.8
    # A bullet with a word past its opening that points at a sentence the box does not show
    # (``pointing.py``: « ..., a-t-il ajouté », « Jean Dupont le pensait », a first-person
    # quote with no speaker) is no bullet; the next best is tried. On the first 300 ``make
    # tune`` train articles (2026-12-06), ROUGE-1 28.92 with none of the three switches,
    # 28.88 with these two, 28.42 with all three (before two fixes that only refuse less).
    refuse_pointing: bool = True
    # The same for an additive word (« également », « aussi », « non plus », « un autre »).
    refuse_additive: bool = True
    # The same for a demonstrative and a noun no bullet introduced, itself or another way
    # (« au-dessus de cette barre »; not « ce scrutin » after « les élections », nor « cet
    # homme » after a name), when another candidate is left that scores at least
    # ``demonstrative_margin`` of this one's score (0: always refused). On the first 300
    # ``make tune`` train articles (2026-12-06), ROUGE-1 29.20 off, 28.84 always refused,
    # 29.13 with the margin at 0.8 (0.85: 29.14, 0.9: 29.16, 0.7: 28.99); on OrangeSum
    # validation pages 1-245, 24 of 704 bullets point back by a demonstrative off, 0 always
    # refused, 6 at 0.8. With the longer bullets (towards 30 words, at most 36), which keep
    # more of them, 0.6 (2026-12-06): pages 1-245 11 -> 5 (defective bullets 3.5 -> 2.7 %),
    # pages 501-700 4.3 -> 3.4 %, English 2.7 -> 1.8 %, misses 16 -> 16 and 31 -> 32, ROUGE-1
    # 28.93 -> 28.82 (0.4: 28.84); the judges marked words pointing back the most of any
    # bullet's feature (experiments/readability_drivers.py).
    refuse_demonstrative: bool = True
    demonstrative_margin: float = 0.6
    # With ``refuse_demonstrative``: not in the first bullet, which states the headline's event
    # (the headline above it has often introduced the noun: « cette décision » under « ... une
    # décision américaine »). Off: at margin 0.8, ROUGE-1 29.18 on, but 12 demonstratives
    # left on pages 1-245 instead of 6.
    demonstrative_from_second: bool = False
    # A subject opening on a demonstrative whose noun the headline says (« Ce petit garçon de 2
    # ans est tombé ... » under « ... un petit garçon tombé dans un puits ») is a candidate with
    # the definite article in brackets instead (« [Le] petit garçon ... »;
    # ``pointing.headline_article_repair``), no longer refused as pointing back.
    headline_article: bool = True
    # The same for a possessive whose owner the bullet does not name ("Many of his followers
    # backed Clinton": someone else's followers; ``pointing._possessive``): ROUGE-1 unchanged
    # on the same articles (29.13, and CNN/DM's 75 FRANK documents), 1 bullet of 704 on pages
    # 1-245 when not refused, 2 of 835 on OrangeSum train articles 5,000-5,299.
    refuse_possessive: bool = True
    # A bullet with a description or a pronoun the reader cannot place (``placing.py``:
    # « précise la chaîne », « l'élu » with nobody named before, « Plusieurs avancent ... »)
    # is no bullet when another candidate is left that scores at least ``unplaced_margin`` of
    # its score (0: never refused). The headline and the bullets shown before it place it.
    # From the second bullet on: the first states the headline's event.
    refuse_unplaced: bool = True
    unplaced_margin: float = 0.8
    # A bullet that cites an outlet by a description no outlet's name placed (« Selon le
    # quotidien, ... », « ..., poursuit la radio locale »: ``placing.unplaced_source``) is no
    # bullet, the first too: the reader cannot tell who says so,
    # and the text never named it before (judged rounds 33-34: « Selon le quotidien,
    # l'homme »). A source the text named is resolved, not refused (``unplaced_tied``).
    refuse_unplaced_source: bool = True
    # A bullet with a definite noun that leans on the article (``pointing.unintroduced_event``:
    # « Les faits ont eu lieu vendredi », « a ironisé l'intéressé », « Le drame s'est noué »
    # with no drame told above) is no bullet when another candidate is left that scores at
    # least ``event_margin`` of its score (0: always refused): round 38's judges named such
    # words first, in 20 of 40 boxes. The first bullet too: « Les faits ont eu lieu ... »
    # opened boxes under a headline that told the event in other words. Not a bullet that
    # names what the headline names (``pointing.names_headline_word``): the rivals that
    # stood in for « Julie Depardieu se remémore la scène » read worse.
    refuse_event: bool = True
    event_margin: float = 0.8
    # The same for a noun of an act or a wait the box never told (``unintroduced_event`` with
    # ``acts``: « L'attente prend fin ... », « Une fois la consignation levée »), under
    # ``act_margin``: round 40's judges named both.
    refuse_act: bool = True
    act_margin: float = 0.5
    # The same for a definite noun that stands for a thing an earlier sentence of the article
    # introduced and the box does not (``pointing.unintroduced_definite``: « la décision »,
    # « le centre », « la coque » never explained; the judges' most frequent complaint in
    # rounds 44-45), under ``definite_margin``: the sentence that introduces the thing is
    # often the better bullet. Off: judged blind on the boxes it changes (round 48, 2026-12-07),
    # better in 1 of 4 (the rival bullets lost the news: « le symbole nazi », the operators'
    # count); the reader's measure still counts the kind (``back_definite``).
    refuse_definite: bool = False
    definite_margin: float = 0.8
    # ... when another candidate is left that scores at least this share of its score (a
    # box of one bullet is worse than a source the reader cannot place).
    unplaced_source_margin: float = 0.8
    # The box in the article's order instead of the headline's statement first when, read
    # without its headline, that order leaves fewer descriptions unplaced (« Le député
    # Georges Fenech ... » before « Mercredi soir, l'élu a envoyé ... »): the judges marked
    # « opens on l'élu before Fenech is named ».
    names_first: bool = True
    # The whole box in the article's order, the headline's statement in its place (off: the
    # headline's statement first). The thirty-first judged round named the order of the
    # bullets in 8 of 40 boxes (« ordre illogique »: the suspect's flight before the
    # stabbing); in the thirty-second (an A/B on 40 train boxes whose order differs,
    # ``experiments/variant_rows.py --variant order=article_order:1``) the box in the
    # article's order ranked above the headline's statement first in 26 of 40, readability
    # 2.92 against 2.73, informativeness 3.52 against 3.45.
    article_order: bool = True
    # Judge only from the second bullet: the first states the headline's event, under its
    # headline (all three switches on: 28.53).
    pointing_from_second: bool = False
    # Judge the first bullet and the article's first sentence as the others (not the first
    # bullet's description of a thing when ``refuse_unnamed_things`` is off): a page's first
    # body sentence often follows its chapô (« Mais l'actrice va mieux ... », « Le soutien
    # n'est pas surprenant ... »), and the headline does not say which one (« La ville
    # catalane s'est placée en état d'alerte » under « Barcelone en alerte »).
    judge_lead: bool = True
    # The headline's words count as told to the reader (the box stands under the headline):
    # « Le suspect avait été vu ... » under « ... : le suspect repéré à Hong Kong » stands.
    # Off: the reader's measure judges a bullet by the box alone (on: ROUGE-1 28.92, 5 more
    # defects on pages 1-245).
    title_introduces: bool = False
    # A person the bullet describes but does not name (« Le ministre de la Santé a avancé
    # ... ») gets the name the text ties the description to, in brackets after it, checked
    # by the verifier (keypoints/naming.py): the judges' most frequent complaint was a
    # description the box never names (thirtieth round). Off: four blind audits on fresh
    # train rows found 86-93 % of the names right (experiments/naming_audit.py), and a wrong
    # name is an unfaithful bullet; the tie needs evidence the facts stage does not give yet.
    name_descriptions: bool = False
    # A person's first mention in the box by a surname, alone or after « M. »/« Mme » (« M.
    # Kabuga »), is the full name the text named the person by before, in brackets (« [Félicien
    # Kabuga] »), checked by the verifier (``standalone.introduce_names``): round 35's judges
    # marked « M. Kabuga », « M. de Rugy », « M. Verney » as people the box never introduces.
    # With it, a description above the bullet that names its person gets the name after it
    # when a role tied by evidence holds its words (``naming.name_before_named``).
    introduce_names: bool = True
    # A person's first full name in the box, when the bullet does not say who the person is,
    # is followed by the role the text sets beside the name, in brackets (« Vladimir Ourine
    # [directeur du Bolchoï] »), checked by the verifier (``roles.introduce_roles``): round
    # 36's judges' first complaint was a person « cité sans fonction ».
    introduce_roles: bool = True
    # A quote whose speaker is only the inverted pronoun of its incise (« "…", a-t-elle insisté
    # ») names the person the text ties it to (« a insisté [Michèle Rubirola] »,
    # ``standalone.incise_repair``) and may be a bullet; off, it is passed over (issue 33).
    name_incise: bool = True
    # A sentence whose subject pronoun stands for the subject of the sentence before it
    # (« Elle est accusée ... » after « Une enseignante de 37 ans a été mise en examen ... »)
    # may be a bullet right after that sentence's bullet (``follow_on``): the reader reads
    # the two as the article wrote them.
    follow_on: bool = True
    follow_on_share: float = 0.9
    # A pronoun subject opening one of the body's first sentences that restates the headline
    # is replaced by the headline's subject in brackets (``headline_subject.py``).
    headline_subject: bool = True
    # The learned selector embeds and scores only this many candidates (at least
    # max_keypoints), the best by select.py's score: the sentence encoder's cost is per
    # sentence embedded (issue 31).
    max_embedded: int = MAX_EMBEDDED
    # And embeds each from its first pieces only, this many at most (sentencepiece tokens,
    # begin and end marks counted; ``learned.MAX_PIECES``); 0: whole sentences.
    embedded_pieces: int = MAX_PIECES
    # The learned selector's similarities (``learned.SELECTOR_MODELS``): "embedding", the
    # sentence encoder's cosines; "lexical", TF-IDF cosines of word stems, no encoder (issue
    # 31: the encoder is most of the key-point stage's CPU); "vectors+lexical" (the default
    # since 2026-12-06), those and the cosines of the parse's static word vectors, no encoder
    # either: on the same 200 validation pages the key-point stage 16.8 ms of CPU against
    # 29.8, the digest 1.35x the floor against 1.55x; make tune's first 300 ROUGE-1 28.84
    # against 28.70; judged blind on 40 train articles where the boxes differ (round 27),
    # informativeness 3.25 / readability 2.98 against 3.20 / 2.90, above the encoder's box in
    # 21, below in 19; pages 1-245: 28 defective bullets against 27, 19 boxes missing the
    # headline against 15 (docs/experiments.md). A parse with no vectors (English's small
    # model) reads the encoder's model (``learned.WITHOUT_VECTORS``).
    selector_model: str = "vectors+lexical"
    # When not 0, the learned selector embeds only this many candidates, the best by the
    # shipped lexical model's score (no encoder), instead of ``max_embedded`` by select.py's
    # (``learned.PRESELECTED``, a two-stage selector: issue 31). 0: as before.
    preselected: int = PRESELECTED
    # The bullets after the first are drawn near the ones already made: a candidate's score is
    # multiplied by (1 - proximity_decay) per sentence between it and the nearest bullet
    # beyond the next one. 0 (the default): no preference. In the judged rounds, where our
    # bullets stood more than 2.5 sentences apart on average our box was marked 0.72 below
    # LEAD-2 on the same article, 0.10 below where they stood closer (57 and 61 of 118 French
    # articles, experiments/readability_drivers.py). With ``before_first`` 0.5, on ``make
    # tune``'s first 300 articles (2026-12-05): 0.1 took the boxes spread that far from 37.9 %
    # to 28.6 % for ROUGE-1 28.89 -> 28.92, but the reader's measure
    # (bench/keypoint_defects.py, OrangeSum validation pages 1-245) rose from 5.5 % to 6.1 %
    # of bullets (neighbours that continue the sentence before: « Mais permet aussi ... »,
    # « L'hebdomadaire ajoute ... »), so it stays off until a blind round says which counts;
    # 0.2: 24.8 % for 28.87 and 6.0 %, and from 0.15 the seed's attack bullet (« 550 engins
    # ... », five sentences past the others) gives way to « Washington n'a pas commenté ».
    # Applied to the third bullet only (tried, not kept), 0.1 without ``before_first``: spread
    # 2.73 -> 2.41 sentences, ROUGE-1 28.92, reader's measure 5.8 %.
    proximity_decay: float = 0.0
    # What the score of a candidate that comes before the first bullet in the article is
    # multiplied by: the box shows the others in the article's order after the first, so such
    # a bullet reads out of order (1, the default: no change; 0: never chosen unless nothing
    # else is). Alone, 0.5 took ROUGE-1 from 28.90 to 29.01 on the same articles and the
    # boxes in the article's order from 66 % to 84 %, but drew the bullets further apart
    # (spread 2.73 -> 2.96 sentences); boxes out of order were not marked lower than LEAD-2
    # on the same article than the others were (-0.37 and -0.41).
    before_first: float = 1.0
    # ... and, for a candidate before the first bullet that says less than
    # ``before_first_share`` of what the first bullet's sentence says of the headline's own
    # words (no figure, at most one headline word the first lacks, not what a later bullet
    # goes on from), this factor as well: shown in the article's order, it would open the box
    # in the headline statement's place (a hook, « La Terre et la Lune vont jouer à
    # cache-cache. »), the judges' « l'annonce vient tard ». Off (1.0) until judged: at 0.3,
    # ``make tune``'s first 300 boxes whose first bullet misses the headline 49.0 -> 46.3 %,
    # ROUGE-1 29.28 -> 29.21; of validation 0-119's boxes 9 change, 3 better (the hook gone),
    # 4 level, 2 worse (the hook held the headline's other half, « la primauté de la justice
    # irakienne »; the sentence that announced the news, « ... est racontée dans une BD »).
    before_first_unrelated: float = 1.0
    before_first_share: float = 0.3
    # A box short of ``min_keypoints`` bullets takes a quote that runs over several sentences
    # whole (``joined_quote``), when it fits ``max_words`` and names its speaker: a short
    # article made of quotes had no bullet at all, since no sentence of a quote stands alone.
    join_quotes: bool = True
    # A box with no bullet at all takes the article's first sentence (the lead states the news)
    # cut to its main clause and up to this many words over the first bullet's limit, verified
    # as any bullet: a short article whose lead ran long gave an empty box (the seventh judged
    # round's « Ma poule » article, 548 characters); 0: an empty box stays empty.
    empty_box_extra_words: int = 20
    # A relative day the bullet keeps (« mercredi », « hier ») is followed by its calendar
    # date in brackets, « mercredi [22 janvier] », when the publication date resolves it
    # (keypoints/days.py); the box is read away from the article's day.
    day_brackets: bool = True
    # ... once per box: a later bullet on the same day keeps its « vendredi » bare.
    day_once: bool = True
    # A first bullet told in the pluperfect (background) gives its place to the box's bullet
    # that tells the headline's news (keypoints/order.py).
    news_first: bool = True
    # ... and when that first sentence cannot be one (someone's words, a question, too long
    # even cut), the body's first statement that can (``last_resort``): a quote over several
    # sentences whole or cut at a sentence end inside it (``cut_quote``), else the first
    # sentence that stands alone, else the first with a main clause and a finite verb, cut to
    # its main clause; the reader's checks (pointing back, descriptions) do not refuse it: a
    # box with no bullet is marked 1 on every count by the judges (rounds 25 and 28).
    # A quote over several sentences too long to join whole (``joined_quote``) is cut at the
    # end of one of its sentences, its mark closed before its speaker (``cut_quote``: « "Nous
    # fermerons le site", a annoncé Paul Morel. »), for a box short of ``min_keypoints`` and
    # for the empty box's last resort.
    cut_quotes: bool = True
    # A statement of the headline's event tried first, made, and refused there by the reader's
    # checks (pointing back, a description nobody was named for) stays a candidate for the
    # later bullets, judged then beside the bullets before it (« l'homme est soupçonné ... »
    # after « un responsable de quatre agences ... a été placé en garde à vue »). Off: it is
    # dropped from the box.
    retry_refused_first: bool = True
    # From the second bullet on, a candidate's value is multiplied by (1 + this × the share of
    # the headline's names and figures it says that no bullet above has said): the box names
    # the headline's place, person and figure when a body sentence that can be a bullet does
    # (issue 33: « Cuba jamais nommée », « les 39 heures absentes »). A name is a capital the
    # text writes after a lowercase word; a figure, one the text says (``Headline.named_in``).
    # 0: the selection score alone. Nineteenth session (docs/experiments.md): train
    # 20000-20299, 14 boxes of 300 change, validation 0-245 13 of 245; boxes that leave out a
    # name or figure of the headline the body says 69 -> 66 and 36 -> 30; ``make tune`` 29.18
    # -> 29.23; every headline content word, not only names and figures, churned more boxes
    # for no gain.
    headline_cover: float = 2.0
    # The body's first candidate is no candidate when it is a teaser (``teaser_lead``: short,
    # at most one headline word, while the next early statement says the headline and all the
    # teaser says of it): the box opens on the news, not on « Un vol de tourisme a viré au
    # drame » (issue 33, the judges' « accroche superflue »).
    drop_teaser: bool = True

    def __post_init__(self) -> None:
        if self.selector is not None and self.selector not in SELECTORS:
            raise ValueError(f"selector {self.selector!r}: choose one of {', '.join(SELECTORS)}")
        if not 1 <= self.min_keypoints <= self.max_keypoints:
            raise ValueError("need 1 <= min_keypoints <= max_keypoints")
        if not 0.0 <= self.learned_weight <= 1.0:
            raise ValueError("need 0 <= learned_weight <= 1")
        if not 0.0 <= self.extra_ratio <= 1.0:
            raise ValueError("need 0 <= extra_ratio <= 1")
        if not 1 <= self.target_words <= self.max_words:
            raise ValueError("need 1 <= target_words <= max_words")
        if self.headline_candidates < 0 or self.closing_after < 0:
            raise ValueError("need headline_candidates >= 0 and closing_after >= 0")
        if self.headline_weight < 0.0 or self.lead_margin < 0.0:
            raise ValueError("need headline_weight >= 0 and lead_margin >= 0")
        if self.headline_cover < 0.0:
            raise ValueError("need headline_cover >= 0")
        if not 0.0 <= self.before_first <= 1.0:
            raise ValueError("need 0 <= before_first <= 1")
        if not 0.0 <= self.proximity_decay < 1.0:
            raise ValueError("need 0 <= proximity_decay < 1")
        if self.max_embedded < 1:
            raise ValueError("need max_embedded >= 1")
        if self.preselected < 0:
            raise ValueError("need preselected >= 0 (0: off)")
        if self.embedded_pieces != 0 and self.embedded_pieces < 3:
            raise ValueError("need embedded_pieces 0 (whole) or >= 3")
        if self.selector_model not in SELECTOR_MODELS:
            choices = ", ".join(SELECTOR_MODELS)
            raise ValueError(f"selector_model {self.selector_model!r}: choose one of {choices}")
        if self.headline_extra_words < 0 or self.headline_whole_words < 0:
            raise ValueError("need headline_extra_words >= 0 and headline_whole_words >= 0")
        if self.headline_later < 0 or self.later_margin < 0.0:
            raise ValueError("need headline_later >= 0 and later_margin >= 0")
        if self.headline_tries < 1 or not 0.0 <= self.lead_match <= 1.0:
            raise ValueError("need headline_tries >= 1 and 0 <= lead_match <= 1")


def bullet_text(
    text: str, fragments: list[tuple[int, int]], inserted: Sequence[tuple[int, str]] = ()
) -> str:
    """The bullet a reader sees: fragments joined, first letter capitalised, final stop kept;
    ``inserted``: (position in the joined fragments, words) of editorial insertions set there,
    brackets included (« [Jean Dupont] », « [22 janvier] »).

    Only the first word's letter: « 64% des habitants ... » stays as it is, not « 64% Des »;
    and never a letter inside a quote, whose words are someone's (« "non, jamais", a répondu
    ... » keeps its « non »)."""
    joined = "".join(text[a:b] for a, b in fragments)
    # From the last position back, so that each position still counts the joined text's own.
    for at, words in sorted(inserted, key=lambda item: item[0], reverse=True):
        joined = f"{joined[:at]}{words}{joined[at:]}"
    joined = joined.strip()
    for i, ch in enumerate(joined):
        if ch in OPENING_MARKS:
            break
        if ch.isalpha():
            return joined[:i] + ch.upper() + joined[i + 1 :]
        if ch.isdigit():
            break
    return joined


def build_keypoints(
    text: str,
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    settings: KeyPointSettings,
    published: dt.date | None = None,
    context: ArticleContext | None = None,
    without: int = -1,
) -> tuple[list[KeyPoint], list[Notice]]:
    """The box and its notices. ``without``: the rank of a sentence that is no candidate (the
    teaser, ``drop_teaser``; none looked for then)."""
    refused: list[int] = []
    points, notices = _build_keypoints(
        text, sentences, lang, title, settings, published, context, refused, without
    )
    # A bullet given way for a definite noun the box does not introduce
    # (``refuse_definite``) is worth a rival, not a thinner box: the rival may be refused in
    # turn by another check (« a précisé la préfecture » once the bullet that said
    # « La préfecture de police » gave way). Then the box as it was without the refusal.
    if refused and len(points) < settings.max_keypoints:
        lenient = replace(settings, refuse_definite=False)
        others = _build_keypoints(
            text, sentences, lang, title, lenient, published, context, None, without
        )
        if len(others[0]) > len(points):
            return others
    return points, notices


def _build_keypoints(
    text: str,
    sentences: list[ParsedSentence],
    lang: Language,
    title: str | None,
    settings: KeyPointSettings,
    published: dt.date | None = None,
    context: ArticleContext | None = None,
    refused_definite: list[int] | None = None,
    without: int = -1,
) -> tuple[list[KeyPoint], list[Notice]]:
    """``build_keypoints``; ``refused_definite`` takes the rank of each candidate refused for
    a definite noun the box does not introduce."""
    context = context or ArticleContext()
    if settings.words_from_language and lang.keypoint_words is not None:
        target, most = lang.keypoint_words
        settings = replace(settings, target_words=target, max_words=most)
    compressor = Compressor(lang)
    verifier = Verifier(lang, published)
    # The relative days a bracket may follow, by sentence (keypoints/days.py).
    days = (
        days_by_sentence(context.dates, sentences, text, lang.code, published)
        if settings.day_brackets and published
        else {}
    )
    # The persons' descriptions a bracketed name may follow, by sentence (keypoints/naming.py),
    # and the persons the bullets made so far named.
    namings = (
        namings_by_sentence(context.entities, sentences, title, text)
        if settings.name_descriptions and context.entities
        else {}
    )
    named_so_far: set[int] = set()
    selector = settings.selector or lang.selector
    lemma_sets = [content_lemmas(s) for s in sentences]  # read by every step below
    # The nouns the article said before each sentence, and the roles it gives the named: what
    # a definite noun of a bullet may stand for (``unintroduced_definite``).
    earlier = earlier_nouns(sentences, lang.code) if settings.refuse_definite else []
    roles = entity_roles(context.entities)
    repairs: dict[int, SubjectRepair] = {}
    if context.entities:
        for i in range(min(len(sentences), MAX_RANK)):
            repair = repair_subject(i, sentences, lang, context.entities, text, title)
            if repair is not None and (settings.name_incise or not repair.incise):
                repairs[i] = repair
    headline = Headline.of([title or "", context.standfirst or ""], lang.code)
    # No headline above the box: the lead states the news (``untitled_lead``).
    untitled = headline is None and settings.untitled_lead
    if settings.headline_subject:
        # A pronoun opening the body on the headline's news: the headline's subject named.
        for i in range(min(len(sentences), OPENING_SENTENCES)):
            if i not in repairs:
                repair = headline_subject_repair(
                    i, sentences, lang, title, text, headline, context.standfirst
                )
                if repair is not None:
                    repairs[i] = repair
    if settings.headline_article and title:
        # A demonstrative whose noun the headline says: the definite article instead.
        # Whole words: « Macron » names a person in the headline, « Roux » in « Rouxel » not.
        title_person = bool(title_persons(title, context.entities))
        for i in range(min(len(sentences), MAX_RANK)):
            if i not in repairs:
                repair = headline_article_repair(i, sentences, lang.code, title, text, title_person)
                if repair is not None:
                    repairs[i] = repair
    # A quote over several sentences whose closing incise's pronoun the text ties to one
    # person, by its first sentence (``joined_quote``).
    run_repairs = (
        quote_run_repairs(sentences, lang, context.entities, text, title)
        if settings.name_incise and context.entities
        else {}
    )
    # A quote whose incise pronoun is named in brackets is no longer someone's words with
    # nobody's name on them.
    excluded = passed_over(sentences, lang, frozenset(i for i, r in repairs.items() if r.incise))
    # Sentences that may follow on the bullet of the sentence before them, and only there;
    # with the lead selector, only with no headline and ``untitled_follow_on``.
    follows = (
        follow_ons(sentences, lang, MAX_RANK, excluded)
        if settings.follow_on and (selector != "lead" or (untitled and settings.untitled_follow_on))
        else {}
    )
    for i in repairs:
        follows.pop(i, None)  # named in brackets, it stands alone
    named = frozenset(i for i, r in repairs.items() if r.pronoun)
    if selector == "learned":
        candidates = score_learned(
            sentences,
            lang,
            title,
            settings.learned_weight,
            lemma_sets,
            named,
            # A box of more bullets than the cap (the experiments' « every bullet ») has the
            # model score as many.
            max(settings.max_embedded, settings.max_keypoints),
            # Not embedded (the encoder's cost is per sentence): no candidates (issue 31).
            frozenset(excluded),
            settings.selector_model,
            settings.embedded_pieces,
            max(settings.preselected, settings.max_keypoints) if settings.preselected else 0,
        )
    elif selector == "lead":
        candidates = [
            replace(c, score=1.0 / (1.0 + c.rank))
            for c in score_sentences(sentences, lang, title, lemma_sets, named)
        ]
    else:
        candidates = score_sentences(sentences, lang, title, lemma_sets, named)
    # The learned selector left them out before embedding; the others' scores read them all.
    candidates = [c for c in candidates if c.rank not in excluded]
    # The closing sentence of an article (a recap, an aside, what comes next) is not a key
    # point by default: only in a short article, whose end is still its core, or when the
    # box would otherwise be short of bullets.
    closing = len(sentences) - 1
    if (
        settings.closing_after
        and len(sentences) > settings.closing_after * settings.max_keypoints
        and (sum(1 for c in candidates if c.rank != closing) >= settings.max_keypoints)
    ):
        candidates = [c for c in candidates if c.rank != closing]
    candidates = [c for c in candidates if c.rank != without]
    # A teaser that opens the box before the headline's statement (``teaser_lead``) is no
    # candidate, when the box made without it opens on that statement (at the end); otherwise
    # (the statement refused, or passed over for a quote) the box stays as it is.
    teaser = (
        teaser_lead(candidates, headline, title or "", lang.code, context, settings)
        if settings.drop_teaser and without == -1 and headline is not None and selector != "lead"
        else None
    )
    # The statement after it, what the box made without it must open on.
    statement = (
        min((c for c in candidates if c.rank > teaser.rank), key=lambda c: c.rank)
        if teaser is not None
        else None
    )
    weight = rarity(sentences, lemma_sets)
    lead_window = untitled_window(candidates, lang) if untitled else -1
    lead_factor = 1.0 + lang.untitled_lead[1]
    # What each chosen bullet actually says (after compression): redundancy is judged on that.
    chosen: list[tuple[Candidate, frozenset[str]]] = []
    made: list[tuple[int, KeyPoint]] = []
    shown: list[tuple[int, frozenset[str]]] = []  # (rank, words) of each bullet made
    notices: list[Notice] = []
    best = max((c.score for c in candidates), default=0.0)
    # The lead selector takes the body's order, its first sentence first: no headline pick.
    pending = (
        headline_candidates(candidates, headline, lang.code, settings)[: settings.headline_tries]
        if selector != "lead" and settings.headline_candidates
        else []
    )
    # A follow-on joins the candidates when the bullet it follows is made (a candidate of the
    # selector, it would change the others' features; before, a rival of the others), scored
    # a share of that sentence's score: it comes next unless something says more.
    scored = {c.rank: c for c in candidates}
    following = {j: i for i, j in follows.items() if j in scored and i not in scored}
    offered: dict[int, int] = {}  # follow-on → the sentence it follows, made
    lead_point: KeyPoint | None = None
    # A quote over several sentences that states the headline better than the statements
    # left to try: made now, taken when the one before it could not be a bullet.
    quoted = None
    if pending and settings.headline_quotes and headline is not None:
        first_limits = replace(
            settings, max_words=settings.max_words + settings.headline_extra_words
        )
        quoted = headline_quote(
            text, sentences, headline, lang.code, verifier, first_limits, run_repairs
        )
        if settings.headline_pairs:
            pair = headline_pair(text, sentences, headline, lang.code, verifier, first_limits)
            if pair is not None and (quoted is None or pair[2] > quoted[2]):
                quoted = pair
    tried_first = 0

    def take_quote(found: tuple[tuple[int, int], KeyPoint, float]) -> KeyPoint:
        """The quote as the first bullet, its words said and shown as a bullet's."""
        (first_quoted, last_quoted), point, _ = found
        made.append((first_quoted, point))
        run = sentences[first_quoted : last_quoted + 1]
        said_run = frozenset().union(*(content_lemmas(q) for q in run))
        stand_in = Candidate(sentences[last_quoted], last_quoted, 0.0, said_run, {})
        chosen.append((stand_in, said_run))
        shown.append(
            (first_quoted, frozenset().union(*(said_words(q, [(q.start, q.end)]) for q in run)))
        )
        return point

    keep_near = 1.0 - settings.proximity_decay
    covers = settings.headline_cover > 0.0 and headline is not None and selector != "lead"
    # The headline's words and figures each candidate says (``headline_cover``), by rank.
    tells: dict[int, frozenset[str | float]] = {}
    # ... of them, the names and figures the text carries too.
    keys: frozenset[str | float] = (
        headline.named_in(title or "", text, lang.code) if covers and headline else frozenset()
    )
    box_told: dict[int, frozenset[str | float]] = {}  # by the number of bullets made

    def told_by(rank: int, text: str) -> frozenset[str | float]:
        if rank not in tells and headline is not None:
            tells[rank] = headline.told(text, lang.code) & keys
        return tells.get(rank, frozenset())

    def unrelated_before(rank: int) -> bool:
        """The sentence says less of the headline's own words than ``before_first_share`` of
        what the first bullet's sentence says (``before_first_unrelated``), carries no figure
        and adds at most one headline word the first does not say: not a part of the headline
        the statement leaves out (« ... rappelle la primauté de la justice irakienne »), nor a
        figure (« En 2019, 232.200 interruptions ... » before « il s'agit du plus haut niveau »)."""
        if settings.before_first_unrelated >= 1.0 or headline is None or not made:
            return False
        if any(r == rank + 1 for r, _ in made[1:]):
            return False  # what a later bullet goes on from (« Marine Le Pen en a fait ... »)
        first, text = sentences[made[0][0]].text, sentences[rank].text
        return (
            headline.title_share_of(text)
            < settings.before_first_share * headline.title_share_of(first)
            and not read_numbers(text, lang.code)
            and len(headline.told(text, lang.code) - headline.told(first, lang.code)) < 2
        )

    def placed(cand: Candidate) -> float:
        """How much a candidate's distance to the bullets made costs it."""
        if not made:
            return 1.0
        gap = min(abs(cand.rank - rank) for rank, _ in made)
        early = settings.before_first if cand.rank < made[0][0] else 1.0
        if cand.rank < made[0][0] and unrelated_before(cand.rank):
            early *= settings.before_first_unrelated
        return float(early * keep_near ** max(0, gap - 1))

    def near(cand: Candidate) -> float:
        """``placed``, and what the candidate adds to the box's coverage of the headline's
        names and figures (``headline_cover``)."""
        value = placed(cand)
        if cand.rank <= lead_window:
            value *= lead_factor
        if made and keys and headline is not None:
            said = box_told.get(len(made))
            if said is None:
                told = [headline.told(p.text, lang.code) for _, p in made]
                said = keys & frozenset().union(*told)
                box_told[len(made)] = said
            adds = len(told_by(cand.rank, cand.sentence.text) - said)
            value *= 1.0 + settings.headline_cover * adds / len(keys)
        return value

    # The headline stands above the box: what it says, the reader has been told (« L'accident
    # a fait trois blessés » under « Spectaculaire accident lors d'une balade à cheval »).
    titled = frozenset(
        w.lower() for w in _TITLE_WORD.findall(title or "") if settings.title_introduces
    )
    # A candidate refused for a definite noun that a sentence not yet tried introduced
    # (``refuse_definite``: « la cagnotte » after « Une cagnotte a été ouverte ... ») waits
    # for that sentence, tried next, then is a candidate again: the box says both.
    waiting: dict[int, Candidate] = {}  # the introducer's rank -> the candidate waiting
    introducer_next: Candidate | None = None
    introducer_keeps: frozenset[int] = frozenset()  # the noun its bullet must keep
    definite_phrase: list[str] = []  # the phrase the current candidate was refused for
    while len(made) < settings.max_keypoints:
        if (
            not made
            and quoted is not None
            and headline is not None
            and all(headline.match(c.sentence, lang.code) < quoted[2] for c in pending[:1])
        ):
            # The statement to try (or, after one that could not be a bullet, the next) says
            # less of the headline than the quote.
            lead_point = take_quote(quoted)
            pending = []
            continue
        # The first bullet: the headline's statement, tried in order; then the best others.
        first = not made and bool(pending)
        tried_first += first
        cand: Candidate | None = (
            pending.pop(0)
            if first
            else next_best(candidates, chosen, weight, near, [p.text for _, p in made])
        )
        kept_noun: frozenset[int] = frozenset()
        if introducer_next is not None and not first:
            cand, introducer_next = introducer_next, None
            kept_noun, introducer_keeps = introducer_keeps, frozenset()
        if cand is None:
            break
        if len(made) >= settings.min_keypoints and cand.score < settings.extra_ratio * best:
            break  # a bullet beyond the minimum must be nearly as important as the best one
        repair = repairs.get(cand.rank)
        keep = (
            # Not in an opening label the bullet drops (« C'est une scène ... à Auxerre : »):
            # the words it shares with the headline are said again after it, or not at all.
            headline.words_in(cand.sentence, pointing_label_end(cand.sentence.span.text, lang.code))
            if settings.headline_keep
            and headline is not None
            and (first or (selector != "lead" and restates(cand, headline, made, settings)))
            else frozenset()
        ) | kept_noun
        # The lead selector's first bullet is its statement of the news too (no headline to
        # pick by): a lead over the limit by its attribution (« ..., the government said on
        # Wednesday ») was dropped whole and the box opened on a side detail.
        # With no headline, the lead tried first is that statement (``untitled_lead``); not a
        # later sentence tried when it was refused, which keeps the first bullet's limit only.
        lead_first = (
            not made and (selector == "lead" or (untitled and first)) and settings.lead_extra_words
        )
        limits = (
            replace(settings, max_words=settings.max_words + settings.headline_extra_words)
            if first or lead_first
            else settings
        )
        lead = cand.rank == 0 or (first and settings.headline_guard)
        judged = (
            settings.refuse_unnamed
            or settings.refuse_pointing
            or settings.refuse_additive
            or settings.refuse_demonstrative
            or settings.refuse_possessive
            or settings.refuse_unplaced
        )

        def told_text(made: list[tuple[int, KeyPoint]], rank: int) -> str:
            """The headline and the bullets the reader has read above this one."""
            return "\n".join(
                [
                    title or "",
                    *(
                        p.text
                        for r, p in made
                        if r < rank or (p is made[0][1] and not settings.article_order)
                    ),
                ]
            )

        def rival(cand: Candidate = cand) -> float:
            """The best other candidate's score, as a share of this one's."""
            # Picked by place only: a rival that names the headline's place would otherwise
            # stand in with a lower score, and a refusal that waits for a better candidate
            # would no longer find one.
            other = next_best(
                candidates,
                [*chosen, (cand, frozenset())],
                weight,
                placed,
                [p.text for _, p in made],
            )
            return other.score / cand.score if other is not None and cand.score > 0 else 0.0

        def clear_rival(told: frozenset[str], cand: Candidate = cand) -> float:
            """``rival`` among the candidates whose whole sentence leans on no definite noun
            the box does not introduce (``unintroduced_definite``): a rival refused in turn
            thinned the box (« la préfecture » once the bullet that said it gave way)."""
            passed: list[tuple[Candidate, frozenset[str]]] = [*chosen, (cand, frozenset())]
            while cand.score > 0:
                other = next_best(candidates, passed, weight, placed)
                if other is None:
                    break
                whole = [(other.sentence.start, other.sentence.end)]
                earlier_words = earlier[other.rank]
                if (
                    unintroduced_definite(
                        other.sentence, whole, lang.code, earlier_words, told, title or "", roles
                    )
                    is None
                ):
                    return other.score / cand.score
                passed.append((other, frozenset()))
            return 0.0

        # The headline's statement too long as it is, or refused: its main clause, cut of
        # what stands before its subject and of the clauses around it, before the next one.
        cuts = [(False, limits)]
        if lead_first and settings.lead_whole:
            cuts.insert(0, (False, replace(limits, target_words=limits.max_words)))
        if first and settings.headline_clause:
            cuts.append((True, limits))
        # ... and, last, the statement a few words over, when no quote states the headline
        # instead (``headline_whole_words``).
        if first and settings.headline_whole_words and quoted is None:
            over = limits.max_words + settings.headline_whole_words
            cuts.append((False, replace(limits, max_words=over)))
        # What each try said: the one that made the bullet's, or the first's when none did.
        said_by_try: list[list[Notice]] = []
        refused = False  # a try made a bullet the reader's checks refused
        for clause, allowed in cuts:
            tried: list[Notice] = []
            said_by_try.append(tried)
            point = _make(
                text,
                cand.sentence,
                compressor,
                verifier,
                allowed,
                tried,
                repair,
                lead,
                keep,
                clause,
                days.get(cand.sentence.start, ()),
                namings.get(cand.sentence.start, ()),
                frozenset(named_so_far),
            )
            if keep and not first:
                # A later bullet that keeps the headline's words (``restates``): not when that
                # cut is no bullet, or loses a name the free cut keeps (« À Vinzelles, ... »
                # for « ... Journal de Saône-et-Loire »).
                free = _make(
                    text,
                    cand.sentence,
                    compressor,
                    verifier,
                    allowed,
                    [],
                    repair,
                    lead,
                    frozenset(),
                    clause,
                    days.get(cand.sentence.start, ()),
                    namings.get(cand.sentence.start, ()),
                    frozenset(named_so_far),
                )
                if free is not None and (point is None or names_lost(point.text, free.text)):
                    point = free
            if point is None:
                continue
            if not judged:
                break
            fragments = fragments_of(point)
            # What the reader has been told by the bullets shown before this one: those
            # earlier in the article, and the headline's statement unless the box is in the
            # article's order (``article_order``: it is shown in its place). Unless
            # ``judge_lead``, not judged in the article's first sentence: the lead is written
            # to be read first (« La saison touristique a commencé samedi ... » describes
            # nobody the reader should know).
            first_shown = shown[0][0] if shown and not settings.article_order else None
            before = [w for r, w in shown if r < cand.rank or r == first_shown]
            # A thing or an event is judged from the second bullet: the first states the
            # headline's event, which the headline above it has introduced (« L'avion a
            # terminé sa course ... » under « Un avion s'écrase ... »).
            things = settings.refuse_unnamed_things and (settings.judge_lead or not first)
            told = frozenset().union(titled, *before)
            if (
                (
                    settings.refuse_unnamed
                    and (cand.rank > 0 or settings.judge_lead)
                    and not names_subject(
                        cand.sentence, namings.get(cand.sentence.start, ()), point.text
                    )
                    and (
                        unnamed_description(cand.sentence, fragments, lang.code, told, things)
                        or (
                            things
                            # The article's first sentence is written to be read first (« La
                            # saison touristique a commencé samedi ... »): only the listed nouns.
                            and cand.rank > 0
                            and settings.unnamed_margin > 0
                            and unnamed_description(
                                cand.sentence, fragments, lang.code, told, things, any_thing=True
                            )
                            and rival() >= settings.unnamed_margin
                        )
                    )
                )
                or (
                    (made or not settings.pointing_from_second)
                    and _refused_pointing(
                        cand.sentence,
                        fragments,
                        lang.code,
                        told,
                        point,
                        settings,
                        bool(made),
                        rival,
                    )
                )
                or (
                    settings.refuse_unplaced
                    # Not the first bullet: it states the headline's event, under the
                    # headline, which names most of what it describes (a refused statement
                    # gave way to a side detail: « ..., a annoncé le parti présidentiel »
                    # after « La République en marche »).
                    and bool(made)
                    and refuse_unplaced(
                        cand.sentence,
                        fragments,
                        lang.code,
                        context.entities,
                        told_text(made, cand.rank),
                        point.text,
                        rival,
                        settings.unplaced_margin,
                    )
                )
                or (
                    settings.refuse_event
                    and unintroduced_event(cand.sentence, fragments, lang.code, told, title or "")
                    is not None
                    and not names_headline_word(cand.sentence, fragments, title or "")
                    and (settings.event_margin <= 0 or rival() >= settings.event_margin)
                )
                or (
                    settings.refuse_act
                    and unintroduced_event(
                        cand.sentence, fragments, lang.code, told, title or "", acts=True
                    )
                    is not None
                    and not names_headline_word(cand.sentence, fragments, title or "")
                    and (settings.act_margin <= 0 or rival() >= settings.act_margin)
                )
                or (
                    settings.refuse_definite
                    # From the second bullet, as a thing's description: the first states the
                    # headline's event, which tells the reader what « la cagnotte » is for
                    # (« Les internautes se mobilisent pour sauver des chevaux »).
                    and bool(made)
                    and _noted(
                        definite_phrase,
                        unintroduced_definite(
                            cand.sentence,
                            fragments,
                            lang.code,
                            earlier[cand.rank],
                            told,
                            title or "",
                            roles,
                        ),
                    )
                    and (
                        settings.definite_margin <= 0
                        or clear_rival(told) >= settings.definite_margin
                        or _waits_for(candidates, chosen, cand, definite_phrase, lang.code)
                        is not None
                    )
                    and _noted(refused_definite, cand.rank)
                )
                or (
                    settings.refuse_unplaced_source
                    # The rival's score only for a bullet that cites an outlet unplaced: it
                    # costs a pass over the candidates.
                    and unplaced_source(
                        cand.sentence,
                        fragments,
                        lang.code,
                        context.entities,
                        told_text(made, cand.rank),
                        point.text,
                    )
                    and rival() >= settings.unplaced_source_margin
                )
            ):
                point = None
                refused = True
            else:
                break
        notices.extend(said_by_try[-1] if point is not None else said_by_try[0])
        introducer = (
            _waits_for(candidates, chosen, cand, definite_phrase, lang.code)
            if point is None and refused and made
            else None
        )
        definite_phrase.clear()
        if introducer is not None:
            waiting[introducer[0].rank] = cand
            chosen.append((cand, frozenset()))  # out of next_best's way meanwhile
            introducer_next = introducer[0]
            introducer_keeps = frozenset({introducer[1]})
            continue
        if point is None and first and refused and settings.retry_refused_first:
            # Made, but refused as the box's first bullet by the reader's checks (« l'homme »,
            # « ce déplacement » with nothing before it): it stays a candidate for a later
            # slot, where the bullets shown before it may introduce what it points at.
            continue
        said: frozenset[str] = frozenset()
        if point is not None and judged:
            fragments = fragments_of(point)
            # Its words and lemmas, and the kinds of what it names (« cet homme » then stands
            # for the person it named).
            kinds = named_kinds(kept(cand.sentence, fragments), lang.code)
            shown.append((cand.rank, said_words(cand.sentence, fragments) | kinds))
        if point is not None:
            if not made:
                lead_point = point
            made.append((cand.rank, point))
            if namings:
                named_so_far.update(
                    named_entities(context.entities, fragments_of(point), point.text)
                )
            on = following.get(cand.rank)
            if on is not None and keeps_subject(
                cand.sentence, fragments_of(point), sentences[on], lang
            ):
                share = cand.score * settings.follow_on_share
                candidates.append(Candidate(sentences[on], on, share, lemma_sets[on], {}))
                offered[on] = cand.rank
            said = content_lemmas(cand.sentence, fragments_of(point))
        chosen.append((cand, said))
        waiter = waiting.pop(cand.rank, None)
        if waiter is not None:
            chosen[:] = [(c, w) for c, w in chosen if c is not waiter]
    if settings.join_quotes and len(made) < settings.min_keypoints:
        for first_quoted, last_quoted in long_quote_runs(sentences):
            if len(made) >= settings.min_keypoints:
                break
            if any(first_quoted <= rank <= last_quoted for rank, _ in made):
                continue
            run = sentences[first_quoted : last_quoted + 1]
            repair = run_repairs.get(first_quoted)
            # The box's first bullet has the first bullet's limit: the body's first quote, cut
            # to fit it, before a later and lesser one that fits whole.
            limits = (
                settings
                if made
                else replace(settings, max_words=settings.max_words + settings.headline_extra_words)
            )
            point = quote_run_point(text, run, verifier, limits, repair)
            if point is not None:
                made.append((first_quoted, point))
    if not made and settings.empty_box_extra_words and sentences:
        found = last_resort(
            text,
            sentences,
            lang,
            excluded,
            compressor,
            verifier,
            settings,
            notices,
            repairs,
            days,
            run_repairs,
        )
        if found is not None:
            made.append(found)
            lead_point = found[1]
    if len(made) < settings.min_keypoints:
        notices.append(
            Notice(
                code="few_keypoints",
                message=f"only {len(made)} key point(s): the body has too few sentences that "
                "stand alone and pass verification",
            )
        )
    # The article's order (``article_order``), or the headline's event first and then the
    # others in the article's order; a follow-on right after the bullet it follows.
    ordered = sorted(made, key=lambda item: item[0])
    rest = [(rank, point) for rank, point in ordered if point is not lead_point]
    if lead_point is not None:
        rest.insert(0, next(item for item in ordered if item[1] is lead_point))

    def read(items: list[tuple[int, KeyPoint]]) -> int:
        bullets = [(sentences[r], fragments_of(p), p.text) for r, p in items]
        return unplaced_in_order(bullets, lang.code, context.entities)

    if settings.article_order:
        # The whole box in the article's order: no statement moved first; but a bullet that
        # points at what a later bullet of the box introduces comes after it (« Grande comme
        # trois terrains, cette serre ... » after « La nouvelle serre est la quatrième ... »).
        # Only when a bullet was picked before one the article tells earlier: otherwise each
        # was judged against those shown before it.
        picked = [rank for rank, _ in made]
        rest = (
            list(ordered)
            if picked == sorted(picked)
            else introducers_first(list(ordered), sentences, lang.code, titled, picked)
        )
    elif settings.news_first and lead_point is not None:
        # The news first, not background (keypoints/order.py), unless a description would
        # then come before its name.
        moved = news_first(rest, sentences, headline, lang.code)
        if moved is not rest and read(moved) <= read(rest):
            rest = moved
    # The article's order, when it names first whom the headline's statement describes.
    if (
        not settings.article_order
        and settings.names_first
        and rest
        and ordered
        and rest[0] is not ordered[0]
        and read(ordered) < read(rest)
    ):
        rest = list(ordered)
    for item in [item for item in rest if item[0] in offered]:
        rest.remove(item)
        at = next(k for k, (rank, _) in enumerate(rest) if rank == offered[item[0]])
        rest.insert(at + 1, item)
    points = [point for _, point in rest]
    if days and settings.day_once:
        points = dated_once(points, days, lang.code, verifier.verify)
    if settings.introduce_names and context.entities:
        points = introduce_names(points, sentences, context.entities, text, lang.code, verifier)
        points = name_before_named(points, sentences, context.entities, text, verifier)
    if settings.introduce_roles and context.entities:
        points = introduce_roles(points, sentences, context.entities, text, lang.code, verifier)
    if teaser is not None and statement is not None and points and _opens_on(points[0], teaser):
        args = (text, sentences, lang, title, settings, published, context)
        box = build_keypoints(*args, without=teaser.rank)
        # ... and it is no thinner, nor leaves out a name or figure of the headline the usual
        # box says (« Puy-de-Dôme », said by the teaser only).
        assert headline is not None
        headline_keys = headline.named_in(title or "", text, lang.code)

        def told_names(box: list[KeyPoint]) -> frozenset[str | float]:
            return headline_keys & frozenset().union(
                *(headline.told(p.text, lang.code) for p in box)
            )

        if (
            box[0]
            and _opens_on(box[0][0], statement)
            and len(box[0]) >= len(points)
            and told_names(box[0]) >= told_names(points)
        ):
            return box
    return points, notices


def untitled_window(candidates: list[Candidate], lang: Language) -> int:
    """The last body sentence of the lead a text with no headline favours: that of its
    ``untitled_lead_sentences``-th candidate after the first (-1: none favoured). Sentences
    that cannot be bullets (no stand-alone subject, someone's words with nobody's name) are
    not candidates, so the window reaches past them to the lead's next statements."""
    count, weight = lang.untitled_lead
    if count <= 0 or weight <= 0.0 or not candidates:
        return -1
    ranks = sorted(c.rank for c in candidates)
    return ranks[min(count, len(ranks) - 1)]


def _noted(record: list[Any] | None, item: Any) -> bool:
    """Whether ``item`` is something (not None), added to ``record`` when kept."""
    if item is not None and record is not None:
        record.append(item)
    return item is not None


def _waits_for(
    candidates: list[Candidate],
    chosen: list[tuple[Candidate, frozenset[str]]],
    cand: Candidate,
    phrases: list[str],
    code: str,
) -> tuple[Candidate, int] | None:
    """The candidate not yet tried, before ``cand`` in the article, whose sentence introduces
    the noun of ``phrases``' last (« Une cagnotte a été ouverte ... » for « la cagnotte »),
    and the index of that noun in its doc (its bullet must keep it): ``cand`` waits for it
    (``refuse_definite``)."""
    if not phrases:
        return None
    noun = phrases[-1].replace("’", "'").split("'")[-1].split()[-1]
    tried = {id(c) for c, _ in chosen}
    for other in sorted(candidates, key=lambda c: c.rank):
        if other.rank >= cand.rank:
            break
        if id(other) in tried or other is cand:
            continue
        at = introduces(other.sentence, noun)
        if at is not None:
            return other, at
    return None


def introducers_first(
    items: list[tuple[int, KeyPoint]],
    sentences: list[ParsedSentence],
    code: str,
    titled: frozenset[str] = frozenset(),
    picked: list[int] | None = None,
) -> list[tuple[int, KeyPoint]]:
    """``items`` (rank, bullet) in the article's order, or with one later bullet moved just
    before an earlier one when that takes away a word pointing back (``points_back``: « cette
    serre » after the bullet that says « la nouvelle serre ») and leaves no more of them: the
    selection judged each bullet against the bullets picked before it, which the article's
    order may show after it. ``picked``: the ranks in the order the selection took them; only
    a bullet taken after one the article tells later is looked at first (the others were
    judged against what the article's order shows before them)."""

    def told_before(order: list[tuple[int, KeyPoint]], upto: int) -> frozenset[str]:
        told: frozenset[str] = titled
        for rank, point in order[:upto]:
            fragments = fragments_of(point)
            told = told | said_words(sentences[rank], fragments)
            told = told | named_kinds(kept(sentences[rank], fragments), code)
        return told

    def points(order: list[tuple[int, KeyPoint]], k: int) -> bool:
        rank, point = order[k]
        told = told_before(order, k)
        return points_back(sentences[rank], fragments_of(point), code, told, point.text) is not None

    def pointing(order: list[tuple[int, KeyPoint]]) -> int:
        return sum(points(order, k) for k in range(len(order)))

    if len(items) < 2:
        return items
    if picked is not None:
        later = {r for k, r in enumerate(picked) if any(q > r for q in picked[:k])}
        if not any(points(items, k) for k, (rank, _) in enumerate(items) if rank in later):
            return items
    best, least = items, pointing(items)
    if not least:
        return items
    for k in range(len(items)):
        for j in range(k + 1, len(items)):
            moved = [*items[:k], items[j], *(item for i, item in enumerate(items[k:], k) if i != j)]
            count = pointing(moved)
            if count < least:
                best, least = moved, count
    return best


def fragments_of(point: KeyPoint) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in point.fragments]


def _refused_pointing(
    sentence: ParsedSentence,
    fragments: list[tuple[int, int]],
    code: str,
    told: frozenset[str],
    point: KeyPoint,
    settings: KeyPointSettings,
    later: bool = True,
    rival: Callable[[], float] | None = None,
) -> bool:
    """A word past the bullet's opening points at a sentence the box does not show
    (``pointing.points_back``) and the settings refuse that kind. ``later``: the bullet is
    not the box's first; ``rival``: the best other candidate's score, as a share of this
    one's (``demonstrative_margin``)."""
    demonstrative = settings.refuse_demonstrative and (
        later or not settings.demonstrative_from_second
    )
    refused = {
        "back_additive": settings.refuse_additive,
        "back_demonstrative": demonstrative,
        "back_possessive": settings.refuse_possessive,
    }
    if not (settings.refuse_pointing or any(refused.values())):
        return False
    kind = points_back(sentence, fragments, code, told, point.text, later)
    if kind is None:
        return False
    if kind == "back_demonstrative" and demonstrative and settings.demonstrative_margin > 0:
        return rival is not None and rival() >= settings.demonstrative_margin
    return refused.get(kind, settings.refuse_pointing)


def headline_candidates(
    candidates: list[Candidate],
    headline: Headline | None,
    code: str,
    settings: KeyPointSettings | None = None,
) -> list[Candidate]:
    """The candidates that state the headline's event, the best first: among the first
    ``headline_candidates`` in the body's order, by headline match, the selection score
    (``headline_weight``) breaking near-ties; the lead first when it is within
    ``lead_margin`` of the best or holds ``lead_match`` of the headline. The others follow
    only if they say something of the headline. With no headline, the lead: the first
    candidate."""
    settings = settings or KeyPointSettings()
    early = sorted(candidates, key=lambda c: c.rank)[: settings.headline_candidates]
    if not early:
        return []
    if headline is None:
        return early[:1]
    top = max(c.score for c in early) or 1.0
    matches = [headline.match(c.sentence, code, c.features.get("cos_title")) for c in early]
    values = [
        m + settings.headline_weight * c.score / top for m, c in zip(matches, early, strict=True)
    ]
    order = sorted(range(len(early)), key=lambda k: -values[k])
    lead_states = settings.lead_match > 0.0 and matches[0] >= settings.lead_match
    if lead_states or values[0] >= values[order[0]] - settings.lead_margin:
        order = [0, *(k for k in order if k != 0)]
    found = [early[k] for k in order if k == order[0] or matches[k] > 0.0]
    later = later_statement(candidates, headline, code, settings)
    return [later, *found] if later is not None else found


def restates(
    cand: Candidate,
    headline: Headline,
    made: list[tuple[int, KeyPoint]],
    settings: KeyPointSettings,
) -> bool:
    """A later bullet's sentence states the headline (at least ``QUOTE_TITLE_SHARE`` of its
    own words) while no bullet made so far does: its cut keeps the headline's words as the
    first bullet's does (« Alors que plusieurs cas de bébés nés sans bras avaient été
    signalés ..., d'autres ont été repérés dans les Bouches-du-Rhône » was cut to « D'autres
    ont été repérés ... » under « Bébés nés sans bras : trois nouveaux cas ... »)."""
    if not settings.headline_keep_later:
        return False
    if headline.title_share(cand.sentence) < QUOTE_TITLE_SHARE:
        return False
    return all(headline.title_share_of(point.text) < QUOTE_TITLE_SHARE for _, point in made)


def names_lost(kept: str, other: str) -> bool:
    """A name (a word written with a capital past the bullet's first) that ``other`` says and
    ``kept`` does not."""
    capitals = {w for w in _TITLE_WORD.findall(other)[1:] if w[:1].isupper()}
    return bool(capitals - set(_TITLE_WORD.findall(kept)))


def later_statement(
    candidates: list[Candidate],
    headline: Headline,
    code: str,
    settings: KeyPointSettings,
) -> Candidate | None:
    """The candidate after the first ``headline_candidates`` (up to ``headline_later``) that
    says the most of the headline, when it says at least ``later_margin`` more of its words
    than each early candidate: the sentence that states the event the lead only leads up to.
    Compared on words alone: the embedding's cosine is known for the best-scored candidates
    only, and a recap or a quote that repeats the headline's words is rarely that far
    ahead."""
    if settings.later_margin <= 0.0 or settings.headline_later <= settings.headline_candidates:
        return None
    in_order = sorted(candidates, key=lambda c: c.rank)
    early = in_order[: settings.headline_candidates]
    later = in_order[settings.headline_candidates : settings.headline_later]
    if not early or not later:
        return None
    said = max(headline.match(c.sentence, code) for c in early)
    matches = [headline.match(c.sentence, code) for c in later]
    best = max(range(len(later)), key=lambda k: matches[k])  # the first of equals
    return later[best] if matches[best] >= said + settings.later_margin else None


# A teaser lead is a short sentence: a statement of news runs longer (« Un vol de tourisme a
# viré au drame, dans le Puy-de-Dôme. », 11 words, before « Un pilote et son passager sont
# morts dimanche ... »).
TEASER_MAX_WORDS = 20
# It says at most this many of the headline's own words and figures ...
TEASER_MAX_TOLD = 1
# ... and the statement after it this many more, the names the teaser says among them.
TEASER_MORE_TOLD = 2


def teaser_lead(
    candidates: list[Candidate],
    headline: Headline,
    title: str,
    code: str,
    context: ArticleContext,
    settings: KeyPointSettings,
) -> Candidate | None:
    """The body's first candidate when it is a teaser, not the news: a short sentence
    (``TEASER_MAX_WORDS``) that says at most ``TEASER_MAX_TOLD`` of the headline's own words,
    no figure, no date, no quote and no person but by a name of the headline (no description
    of one, no pronoun for one), while the next candidate states the headline
    (``QUOTE_TITLE_SHARE`` of its words), says the headline's names the first says
    (``name_stems``) and ``TEASER_MORE_TOLD`` more words (« La tempête continue de souffler
    sur l'est du pays. » before « Météo France maintient 10 départements en vigilance orange
    »). The judges' « accroche superflue » (issue 33): the box opened on it, and as a later
    bullet it tells nothing the headline and the statement do not. None when the body has no
    more candidates than the box has bullets: a teaser is then better than a shorter box."""
    if len(candidates) <= settings.max_keypoints:
        return None
    in_order = sorted(candidates, key=lambda c: c.rank)
    lead, statement = in_order[0], in_order[1]
    text = lead.sentence.text
    # Neither the rubric's words (« Puy-de-Dôme : ») nor an elided article's (« d'un »).
    unsaid = rubric_stems(title) | stop_words(code)
    told = frozenset(w for w in headline.told(text, code) if w not in unsaid)
    if (
        len(text.split()) > TEASER_MAX_WORDS
        or len(told) > TEASER_MAX_TOLD
        or read_numbers(text, code)
        or any(m in text for m in QUOTE_MARKS)
        or _within(lead.sentence, [d.span for d in context.dates])
    ):
        return None  # a figure, a date or someone's words are news
    names = name_stems(title)
    # Every mention of a person: by a name the headline does not say, or by a description.
    persons = [
        m.span
        for e in context.entities
        if e.kind is EntityKind.PERSON
        for m in e.mentions
        if m.form is not MentionForm.NAME or not word_stems(m.span.text) & names
    ]
    if _within(lead.sentence, persons) or any(_tells_of_person(t) for t in lead.sentence.span):
        # Someone the headline does not name, whom a pronoun stands for or a noun describes
        # (« Le chef de l'État souhaitait lui offrir un strapontin », « Le pourvoi du chanteur a
        # été rejeté »): a fact about a person, not a teaser.
        return None
    more = frozenset(w for w in headline.told(statement.sentence.text, code) if w not in unsaid)
    if (
        told & names <= more
        and len(more) >= len(told) + TEASER_MORE_TOLD
        and headline.title_share(statement.sentence) >= QUOTE_TITLE_SHARE
    ):
        return lead
    return None


# A quote's marks: a sentence with one holds someone's words.
QUOTE_MARKS = ('"', "«", "»", "“", "”")


def _tells_of_person(tok: Token) -> bool:
    """An object pronoun that stands for a person (``[standalone] teaser_pronouns``: « lui »),
    or a singular noun that describes one (``person_nouns``: « le pourvoi du chanteur »): the
    sentence tells of someone."""
    if tok.pos_ == "NOUN":
        described = person_nouns(tok.doc.lang_)
        return "Sing" in tok.morph.get("Number", []) and fold(tok.lemma_) in described
    return tok.pos_ == "PRON" and tok.lower_ in _person_pronouns(tok.doc.lang_)


@cache
def _person_pronouns(code: str) -> frozenset[str]:
    return frozenset(resources.raw(code).get("standalone", {}).get("teaser_pronouns", []))


def _opens_on(point: KeyPoint, cand: Candidate) -> bool:
    """The bullet is made from the candidate's sentence."""
    sentence = cand.sentence
    return any(sentence.start <= start < sentence.end for start, _ in fragments_of(point))


def _within(sentence: ParsedSentence, spans: list[Span]) -> bool:
    return any(sentence.start <= span.start < sentence.end for span in spans)


def headline_candidate(
    candidates: list[Candidate],
    headline: Headline | None,
    code: str,
    settings: KeyPointSettings | None = None,
) -> Candidate | None:
    """The candidate that states the headline's event (``headline_candidates``' first)."""
    return next(iter(headline_candidates(candidates, headline, code, settings)), None)


# The share of the headline's own words a quote must say to state its event: a quote that
# echoes one word of it (« ... l'un des cinq démissionnaires » under « Démission groupée ... »)
# is a reaction, not the news (read on OrangeSum validation pages 246-499).
QUOTE_TITLE_SHARE = 0.3


def quote_run_repairs(
    sentences: list[ParsedSentence],
    lang: Language,
    entities: list[Entity],
    text: str,
    title: str | None = None,
) -> dict[int, SubjectRepair]:
    """The named incise pronoun of each quote over several sentences whose speaker is only
    that pronoun (« "… . …", a-t-il dit »), by the quote's first sentence."""
    found = {}
    for first, last in long_quote_runs(sentences):
        repair = incise_repair(last, sentences, lang, entities, text, first, title)
        if repair is not None:
            found[first] = repair
    return found


def headline_quote(
    text: str,
    sentences: list[ParsedSentence],
    headline: Headline,
    code: str,
    verifier: Verifier,
    settings: KeyPointSettings,
    run_repairs: dict[int, SubjectRepair] | None = None,
) -> tuple[tuple[int, int], KeyPoint, float] | None:
    """The quote over several sentences (``long_quote_runs``) opening among the body's first
    ``headline_later`` sentences that says the most of the headline's own words (the best of
    its sentences, ``Headline.title_share``), at least ``QUOTE_TITLE_SHARE`` of them, as one
    bullet whole (``joined_quote``, within ``settings.max_words``), with its (first, last)
    sentence and its ``Headline.match``; None when there is none or the best cannot be a
    bullet. ``run_repairs``: the named incise pronoun of a quote, by its first sentence
    (``quote_run_repairs``)."""
    runs = [(a, b) for a, b in long_quote_runs(sentences) if a < settings.headline_later]
    scored = [(max(headline.title_share(q) for q in sentences[a : b + 1]), (a, b)) for a, b in runs]
    for share, (first, last) in sorted(scored, key=lambda item: -item[0]):
        if share < QUOTE_TITLE_SHARE:
            break
        run = sentences[first : last + 1]
        match = max(headline.match(q, code) for q in run)
        # Too long whole, its first sentences up to the one that says the headline
        # (``cut_quote``): the quote's own words with its speaker.
        best = max(range(len(run)), key=lambda k: headline.title_share(run[k]))
        repair = (run_repairs or {}).get(first)
        point = quote_run_point(text, run, verifier, settings, repair, through=best)
        if point is not None:
            return (first, last), point, match
    return None


def headline_pair(
    text: str,
    sentences: list[ParsedSentence],
    headline: Headline,
    code: str,
    verifier: Verifier,
    settings: KeyPointSettings,
) -> tuple[tuple[int, int], KeyPoint, float] | None:
    """The headline's event told over two sentences of one paragraph among the body's first
    ``headline_later``: the second opens on words that point at the first as a whole
    (``[keypoints] points_to_sentence_before``: « C'est ce que prévoit ... », « Telle est la
    question ... », « C'est en ces termes que ... »), so neither is a bullet alone (the first
    is a quote, a figure or a question; the second points back). The two whole as one
    bullet, with its (first, last) sentence and its ``Headline.match`` (the better of the
    two sentences'), when they say at least ``QUOTE_TITLE_SHARE`` of the headline's own
    words together, fit ``settings.max_words``, pair their quote marks and pass the
    verifier; the one that says the most of the headline. None otherwise."""
    openers = _pointing_openers(code)
    if not openers:
        return None
    found: list[tuple[float, float, int]] = []
    for i in range(1, min(len(sentences), settings.headline_later)):
        second = sentences[i].text.lstrip(" -–—").lower().replace("’", "'")
        if not second.startswith(openers) or sentences[i - 1].block != sentences[i].block:
            continue
        share = headline.title_share_of(f"{sentences[i - 1].text} {sentences[i].text}")
        if share < QUOTE_TITLE_SHARE:
            continue
        match = max(headline.match(sentences[k], code) for k in (i - 1, i))
        found.append((share, match, i))
    for _, match, i in sorted(found, key=lambda item: (-item[0], item[2])):
        start, end = sentences[i - 1].start, sentences[i].end
        source = Span(start=start, end=end, text=text[start:end])
        if count_words(source.text) > settings.max_words:
            continue
        bullet = bullet_text(text, [(start, end)])
        if unbalanced_quotes(bullet):
            continue
        verdict = verifier.verify(bullet, [source], [])
        if not verdict.passed:
            continue
        point = KeyPoint(
            text=bullet,
            sources=[source],
            fragments=[Span(start=start, end=end, text=source.text)],
            removed=[],
            fallback=False,
            verdict=verdict,
        )
        return (i - 1, i), point, match
    return None


@cache
def _pointing_openers(code: str) -> tuple[str, ...]:
    words = resources.raw(code).get("keypoints", {}).get("points_to_sentence_before", [])
    return tuple(w.lower().replace("’", "'") for w in words)


# Who a quote's words are someone's: a person or an organisation the parser tagged.
_SPEAKER_LABELS = frozenset({"PER", "PERSON", "ORG"})


def quote_run_point(
    text: str,
    run: list[ParsedSentence],
    verifier: Verifier,
    settings: KeyPointSettings,
    repair: SubjectRepair | None = None,
    through: int = 0,
    cut_settings: KeyPointSettings | None = None,
) -> KeyPoint | None:
    """The bullet of a quote over the sentences of ``run``: whole (``joined_quote``), else
    its first sentences up to ``through`` at least (``cut_quote``, under ``cut_settings``,
    ``settings`` by default) when ``settings.cut_quotes``; ``repair`` names its incise's
    pronoun (``quote_run_repairs``)."""
    whole = joined_quote(text, run, verifier, settings, repair)
    if whole is not None or not settings.cut_quotes:
        return whole
    return cut_quote(text, run, verifier, cut_settings or settings, through, repair)


def joined_quote(
    text: str,
    run: list[ParsedSentence],
    verifier: Verifier,
    settings: KeyPointSettings,
    repair: SubjectRepair | None = None,
) -> KeyPoint | None:
    """One bullet of a quote that runs over the sentences of ``run`` (« "Nous fermerons le
    site. Les salariés seront reclassés", a annoncé Paul Morel »), whole: no sentence of it
    stands alone, and a cut inside would split the quote. None when it is over
    ``max_words``, or names nobody as its speaker outside the marks (« ..., a-t-il dit »: a
    pronoun; « ..., a répondu le député »: a description), unless ``repair`` names the
    pronoun (``standalone.incise_repair`` with the run's first sentence: « ..., a dit [Paul
    Morel] »)."""
    start, end = run[0].start, run[-1].end
    source = Span(start=start, end=end, text=text[start:end])
    if count_words(source.text) > settings.max_words:
        return None
    first, last = run[0].span, run[-1].span
    opened = next((t.i for t in first if t.text in OPENING_MARKS), first.end)
    closed = max((t.i for t in last if t.text in _CLOSING_MARKS), default=last.start - 1)
    attribution = [*first.doc[first.start : opened], *last.doc[closed + 1 : last.end]]
    if any(t.ent_type_ in _SPEAKER_LABELS for t in attribution):
        repair = None
    elif repair is None:
        return None
    if not _opens_on_quote(list(first.doc[first.start : opened]), run[0].lang):
        return None
    named = _named(text, [(start, end)], repair)
    if named is None:
        return None
    fragments, bullet, _ = named
    if unbalanced_quotes(bullet) or count_words(bullet) > settings.max_words:
        return None
    verdict = verifier.verify(bullet, [source], [repair.insertion] if repair else [])
    if not verdict.passed:
        return None
    return KeyPoint(
        text=bullet,
        sources=[source],
        fragments=[Span(start=a, end=b, text=text[a:b]) for a, b in fragments],
        removed=["subject_named"] if repair else [],
        fallback=False,
        verdict=verdict,
    )


_CLOSING_MARKS = frozenset({'"', "»", "”"})


def _opens_on_quote(before: Sequence[Token], code: str = "") -> bool:
    """Whether what stands before a quote's opening mark in its sentence lets the quote open a
    bullet: nothing, or a clause that hands over to it with a colon (« Paul Morel a déclaré :
    "… »), or one whose verb of speech has a named speaker as its subject, the quote going on
    from it (« Paul Morel a estimé que ce n'était "pas légal. J'imagine que … " »: ``[quotes]
    speech_lemmas``). Anything else is a sentence of its own glued to the quote (« Une aventure
    qui ne se déroulera pas comme prévu..."Ce livre est drôle… »), which the bullet would open
    on."""
    words = [t for t in before if not t.is_space]
    if not words or words[-1].text == ":":
        return True
    if not code or words[-1].text in {".", "!", "?", "…", "..."}:
        return False
    speech = quote_rules(code).speech
    inside = {t.i for t in words}
    return any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in speech
        and any(
            c.dep_.startswith("nsubj")
            and c.i in inside
            and any(w.ent_type_ in _SPEAKER_LABELS for w in c.subtree)
            for c in t.children
        )
        for t in words
    )


_QUOTE_OPENERS = frozenset({'"', "«", "“"})


def cut_quote(
    text: str,
    run: list[ParsedSentence],
    verifier: Verifier,
    settings: KeyPointSettings,
    through: int = 0,
    repair: SubjectRepair | None = None,
) -> KeyPoint | None:
    """One bullet of a quote that runs over the sentences of ``run`` and is too long to be one
    whole (``joined_quote``): its first sentences, as many as fit ``max_words`` (at least up
    to the sentence ``through``, counted in ``run``), cut at the end of the last one kept, and
    the quote closed by its own mark before its speaker: « "Nous fermerons le site. Les
    salariés seront reclassés dans la région", a annoncé Paul Morel. » gives « "Nous
    fermerons le site", a annoncé Paul Morel. ». Every piece is the source's: the quote from
    its start to the cut (the full stop before the mark dropped, as French prints a quote
    before its cue; a question or exclamation mark kept), then the closing mark and what
    follows it. With the speaker before the quote (« Paul Morel a déclaré : "Nous ... »), the
    kept sentences keep their stop and the closing mark ends the bullet. None when the speaker
    is nobody named (a pronoun, a description: ``joined_quote``'s rule, and its ``repair``),
    when something but the cue follows the closing mark (another quote), or when nothing fits
    or verifies."""
    if len(run) < 2:
        return None
    first, last = run[0].span, run[-1].span
    opened = next((t for t in first if t.text in _QUOTE_OPENERS), None)
    # The quote opened in the first sentence closes at the last sentence's first closing
    # mark: a later one closes another quote of the cue clause (« 2010", a fait valoir X,
    # déplorant le "spectacle désolant" entre ... »), and taking it kept the cue's tail as
    # the quote's (round 42). Another quote after the close refuses the cut below.
    closing = min((t.i for t in last if t.text in _CLOSING_MARKS), default=None)
    if opened is None or closing is None:
        return None
    tail = list(last.doc[closing + 1 : last.end])
    if any(t.text in _QUOTE_OPENERS or t.text in _CLOSING_MARKS for t in tail):
        return None
    before = list(first.doc[first.start : opened.i])
    if not _opens_on_quote(before, run[0].lang):
        return None
    cue = [t for t in tail if not t.is_punct]
    if any(t.ent_type_ in _SPEAKER_LABELS for t in (cue or before)):
        repair = None
    elif repair is None or not cue:
        return None
    mark = last.doc[closing]
    mark_start = run[-1].offset + mark.idx
    mark_end = mark_start + len(mark.text)
    # The space a guillemet keeps inside (« ... bureau » a expliqué X) stays with the mark.
    while mark.text == "»" and mark_start > run[-1].start and text[mark_start - 1].isspace():
        mark_start -= 1
    quote_start = run[0].offset + opened.idx
    source = Span(start=run[0].start, end=run[-1].end, text=text[run[0].start : run[-1].end])
    for k in range(len(run) - 2, through - 1, -1):
        end = run[k].start + len(run[k].text.rstrip())
        if cue and text[end - 1 : end] == "." and text[end - 3 : end] != "...":
            end -= 1  # « "Nous fermerons le site", a annoncé ... »: the stop goes
        end = len(text[:end].rstrip())
        if end <= quote_start + 1:
            continue
        named = _named(
            text, [(run[0].start, end), (mark_start, run[-1].end if cue else mark_end)], repair
        )
        if named is None:
            continue
        fragments, bullet, _ = named
        if count_words(bullet) > settings.max_words or unbalanced_quotes(bullet):
            continue
        verdict = verifier.verify(bullet, [source], [repair.insertion] if repair else [])
        if not verdict.passed:
            continue
        return KeyPoint(
            text=bullet,
            sources=[source],
            fragments=[Span(start=a, end=b, text=text[a:b]) for a, b in fragments],
            removed=["quote_cut", *(["subject_named"] if repair else [])],
            fallback=False,
            verdict=verdict,
        )
    return None


def last_resort(
    text: str,
    sentences: list[ParsedSentence],
    lang: Language,
    excluded: set[int],
    compressor: Compressor,
    verifier: Verifier,
    settings: KeyPointSettings,
    notices: list[Notice],
    repairs: dict[int, SubjectRepair],
    days: dict[int, list[DateMention]] | None = None,
    run_repairs: dict[int, SubjectRepair] | None = None,
) -> tuple[int, KeyPoint] | None:
    """The bullet of a box that has none, with its sentence's rank: the body's first statement
    that can be one, up to ``empty_box_extra_words`` over the first bullet's limit. In the
    body's order, first the sentences that stand alone (``stands_alone``, or named in
    brackets) and the quotes over several sentences that name their speaker (whole or
    ``cut_quote``), then any sentence with a main clause and a finite verb; each cut to its
    main clause and verified as any bullet. None when nothing passes the verifier."""
    first = settings.max_words + settings.headline_extra_words
    limits = replace(settings, max_words=first + settings.empty_box_extra_words)
    # A quote is cut within the first bullet's limit: what is cut is the speaker's, not lost.
    cut_limits = replace(settings, max_words=first)
    runs = dict(long_quote_runs(sentences))
    for strict in (True, False):
        for i, sentence in enumerate(sentences):
            if strict and i in runs:  # the second pass would try them again, to the same end
                run = sentences[i : runs[i] + 1]
                repair = (run_repairs or {}).get(i)
                point = quote_run_point(
                    text, run, verifier, limits, repair, cut_settings=cut_limits
                )
                if point is not None:
                    return i, point
            if i in excluded:
                continue
            if strict and not stands_alone(sentence, lang, i in repairs):
                continue
            if not strict and not statement(sentence):
                continue
            point = _make(
                text,
                sentence,
                compressor,
                verifier,
                limits,
                notices,
                repairs.get(i),
                lead=i == 0,
                clause=True,
                days=(days or {}).get(sentence.start, ()),
            )
            if point is not None:
                return i, point
    return None


def statement(sentence: ParsedSentence) -> bool:
    """A sentence a reader can take as a statement, if not one that stands alone: long enough,
    neither a question nor an announcement (a final « ? » or « : »), not a piece the split cut
    (it opens in lower case or on a comma), with a finite verb and a main clause."""
    text = sentence.text.strip()
    return (
        len(text.split()) >= MIN_WORDS
        and not text.endswith(("?", ":"))
        and not text.rstrip('»"” ').endswith("?")
        and not text[:1].islower()
        and text[:1] not in ",;)]"
        and has_finite_verb(sentence.span)
        and not subordinate_only(list(sentence.span))
    )


def _make(
    text: str,
    sentence: ParsedSentence,
    compressor: Compressor,
    verifier: Verifier,
    settings: KeyPointSettings,
    notices: list[Notice],
    repair: SubjectRepair | None = None,
    lead: bool = False,
    keep: frozenset[int] = frozenset(),
    clause: bool = False,
    days: Sequence[DateMention] = (),
    namings: Sequence[Naming] = (),
    named_before: frozenset[int] = frozenset(),
) -> KeyPoint | None:
    """``days``: the sentence's relative days a bracket may follow (``days_by_sentence``);
    ``namings``: its persons' descriptions a name may follow (``namings_by_sentence``), of
    persons earlier bullets have not named (``named_before``)."""
    source = Span(start=sentence.start, end=sentence.end, text=text[sentence.start : sentence.end])
    # The article's first sentence states the news: its figures and actors stay.
    compressed = compressor.compress(
        sentence.span,
        sentence.offset,
        settings.target_words,
        settings.max_words,
        lead=lead,
        keep=keep,
        clause=clause,
    )
    if compressed.words <= settings.max_words:
        named = _named(text, compressed.fragments, repair)
        if named is None:
            return None  # the subject to name was cut: the sentence cannot stand alone
        fragments, bullet, at = named
        if unbalanced_quotes(bullet):
            return None  # a quote the bullet opens or closes but not both: cut in two
        bullet, verdict = _verified_with_brackets(
            text,
            fragments,
            repair,
            at,
            days,
            sentence.lang,
            bullet,
            verifier,
            source,
            namings,
            named_before,
        )
        if verdict.passed:
            return KeyPoint(
                text=bullet,
                sources=[source],
                fragments=[Span(start=a, end=b, text=text[a:b]) for a, b in fragments],
                removed=compressed.removed + (["subject_named"] if repair else []),
                fallback=False,
                verdict=verdict,
            )
        failed = "; ".join(verdict.problems)
    else:
        failed = None
    if count_words(source.text) > settings.max_words:
        if failed:
            notices.append(
                Notice(
                    code="keypoint_dropped",
                    message=f"a bullet failed verification ({failed}) and its source sentence "
                    f"is over {settings.max_words} words: dropped",
                )
            )
        return None
    named = _named(text, [(source.start, source.end)], repair)
    if named is None:
        return None
    whole, bullet, at = named
    if unbalanced_quotes(bullet):
        return None
    bullet, verdict = _verified_with_brackets(
        text,
        whole,
        repair,
        at,
        days,
        sentence.lang,
        bullet,
        verifier,
        source,
        namings,
        named_before,
    )
    if not verdict.passed:
        notices.append(
            Notice(
                code="keypoint_dropped",
                message="a source sentence failed verification against itself: "
                + "; ".join(verdict.problems),
            )
        )
        return None
    if failed:
        notices.append(
            Notice(
                code="keypoint_fallback",
                message=f"a compressed bullet failed verification ({failed}); "
                "its source sentence is shown instead",
            )
        )
    return KeyPoint(
        text=bullet,
        sources=[source],
        fragments=[Span(start=a, end=b, text=text[a:b]) for a, b in whole],
        removed=["subject_named"] if repair else [],
        fallback=failed is not None,
        verdict=verdict,
    )


def _verified_with_brackets(
    text: str,
    fragments: list[tuple[int, int]],
    repair: SubjectRepair | None,
    at: int | None,
    days: Sequence[DateMention],
    code: str,
    bullet: str,
    verifier: Verifier,
    source: Span,
    namings: Sequence[Naming] = (),
    named: frozenset[int] = frozenset(),
) -> tuple[str, Verdict]:
    """The bullet with its relative days dated (``day_brackets``) and its persons described
    but not named given their names (``naming_marks``), when the verifier accepts it so
    (both, else the names alone, else the days alone); else the bullet as it was, verified.
    ``at``: where the repair's bracketed name goes in the joined ``fragments`` (``_named``);
    ``named``: the persons earlier bullets named."""
    insertions = [repair.insertion] if repair is not None else []
    brackets = day_brackets(fragments, days, code) if days else []
    names = (
        naming_marks(
            fragments, [n for n in namings if repair is None or n.name != repair.name], named
        )
        if namings
        else []
    )
    if (brackets or names) and (repair is None or at is not None):
        base = [(at, repair.mark)] if at is not None and repair is not None else []
        tries = [[*brackets, *names]] + ([names, brackets] if brackets and names else [])
        for extra in tries:
            marks = [*base, *((p, label) for p, label, _ in extra)]
            dated = bullet_text(text, fragments, marks)
            verdict = verifier.verify(dated, [source], [*insertions, *(i for _, _, i in extra)])
            if verdict.passed:
                return dated, verdict
    return bullet, verifier.verify(bullet, [source], insertions)


def _named(
    text: str, fragments: list[tuple[int, int]], repair: SubjectRepair | None
) -> tuple[list[tuple[int, int]], str, int | None] | None:
    """The fragments and the bullet, with the repair's name in brackets in place of the words
    it replaces, and where in the joined fragments that name goes; None when the fragments do
    not keep those words whole."""
    if repair is None:
        return fragments, bullet_text(text, fragments), None
    cut = with_insertion(text, fragments, repair)
    if cut is None:
        return None
    kept, at = cut
    return kept, bullet_text(text, kept, [(at, repair.mark)]), at
