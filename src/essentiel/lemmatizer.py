"""Two fixes to spaCy's rule lemmatizer, made on each pipeline once it is loaded.

Both belong upstream (spaCy's ``Lemmatizer`` and ``FrenchLemmatizer``); until they are there,
the patch is kept this small:

- **Lookup tables as sets.** The rule lemmatizer asks ``form in index`` of its ``lemma_index``
  tables, which spaCy loads as lists (up to 66,191 French nouns): a linear scan for every word
  not yet in its cache, ~30 ms per page in a fresh process, a third of the parse (issue 31).
  Frozensets answer the same membership test in constant time; nothing else reads the tables
  (the lemmatizer only tests membership and truthiness), so the lemmas are the same.
- **A bounded cache.** The lemmatizer caches every (word, part of speech) it has seen in a
  dict that spaCy's memory zones do not clear, so a long-running worker grew with every new
  word. It is replaced by one that forgets its oldest entries past ``LEMMA_CACHE_SIZE``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from spacy.language import Language as SpacyLanguage
from spacy.pipeline import Lemmatizer

# Entries of (word, part of speech[, morphology]) -> lemmas: ~10 MB when full. A page meets a
# few hundred; the ones it meets again (function words, the news' recurring vocabulary) come
# back at once after an eviction.
LEMMA_CACHE_SIZE = 50_000


class BoundedCache(OrderedDict[Any, Any]):
    """A dict that drops its oldest entry when a new one would take it past ``maxsize``."""

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        if len(self) > self.maxsize:
            self.popitem(last=False)


def mend_lemmatizer(nlp: SpacyLanguage, cache_size: int = LEMMA_CACHE_SIZE) -> None:
    """Give ``nlp``'s rule lemmatizer set lookups and a bounded cache (see the module)."""
    for _, component in nlp.pipeline:
        if not isinstance(component, Lemmatizer):
            continue
        lookups = component.lookups
        if "lemma_index" in lookups:
            index = lookups.get_table("lemma_index")
            for pos, forms in list(index.items()):
                if isinstance(forms, list):
                    index[pos] = frozenset(forms)
        component.cache = BoundedCache(cache_size)
