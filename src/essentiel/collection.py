"""Python's cyclic garbage collector during a digest: young generations only, the full
collection once at the end when one was due.

Why: a full (generation-2) collection walks every tracked object outside the frozen ones,
and a long digest holds objects that grow with its text (its sentences, entities, quotes
and the digest being built). The interpreter runs one after every ten younger collections
whose survivors exceed a quarter of the old generation, and a digest's temporaries survive
the young collections in numbers out of proportion to what stays alive: over a 2 MB article
that was 8 full collections of about 150 ms each (2 at 500 KB, of 40 ms), a collector cost
per KB that doubled from 10 KB to 2 MB (bench/scaling.py, issue 29). The full collections
of a digest freed nothing at all in that run: the cyclic garbage a digest makes dies young
and the young generations still collect it.

So while a digest runs, the old generation's threshold is lifted; when the last digest in
the process ends, the threshold is restored and, if a full collection fell due meanwhile
(the interpreter's count of younger collections passed it), that one collection runs then:
one walk of what is alive at the end of the digest, linear in its size. Digests in several
threads of one process share the hold: the first in sets it, the last out lifts it.

And the models, once loaded, are out of the collector's reach (``freeze_loaded``): spaCy's
pipelines, the encoder and the selector are half a million tracked objects that live as long
as the process, and every full collection walked them all (about 150 ms, once every 60 to 100
pages of a long run: 1.4 ms of CPU per page on OrangeSum validation pages 5-104, issue 31).

And what the process frees goes back to the system now and then (``digest_ended``): glibc's
allocator keeps the memory a digest frees (its parse's arrays, its objects) for the next
allocations and returns only the top of its heap, so a long run's resident set carried 20 to
35 MiB of freed memory, more or less at any moment (bench/memory.py read +17 MiB at one
checkpoint and -29 MiB at the next, caches unchanged; ``malloc_trim`` gave back 23-33 MiB at
each of them, issue 31). Every TRIM_EVERY digests the free pages are handed back: 1-2 ms of
CPU, on glibc only (elsewhere nothing is done).
"""

from __future__ import annotations

import ctypes
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Larger than any count of younger collections a digest reaches (one per 7,000 allocations).
_HELD_THRESHOLD = 2**30
# The youngest generation's threshold during a digest (the interpreter's default: 700 net
# allocations). A digest's temporaries mostly die before a collection at either threshold,
# and each young collection walks the containers alive then (a doc's token lists, its
# sentences): in the digests of OrangeSum validation pages 0-199, 1.23 young collections a
# page at 700 (0.20 ms of CPU a page), 0.61 at 5,000 (0.12 ms), most of them as the hold
# ends; 50,000 saved nothing more (issue 31).
_HELD_YOUNG = 5_000

_lock = threading.Lock()
_holders = 0
_saved_threshold = 0
_saved_young = 0


def freeze_loaded() -> None:
    """Move every object alive now (a model just loaded, and what the process held before)
    to the collector's permanent generation, which no collection walks (``gc.freeze``): the
    garbage already made is collected first. What the process held at that moment is never
    collected if it later becomes cyclic garbage: a snapshot taken once per model loaded,
    as the workers' template does (essentiel.worker)."""
    gc.collect()
    gc.freeze()


@contextmanager
def full_collections_held() -> Iterator[None]:
    """Young collections inside (the youngest less often: _HELD_YOUNG); at most one full
    collection, at the end."""
    global _holders, _saved_threshold, _saved_young
    with _lock:
        _holders += 1
        if _holders == 1:
            young, middle, old = gc.get_threshold()
            _saved_threshold, _saved_young = old, young
            gc.set_threshold(max(young, _HELD_YOUNG), middle, _HELD_THRESHOLD)
    try:
        yield
    finally:
        due = False
        with _lock:
            _holders -= 1
            if _holders == 0:
                _, middle, _ = gc.get_threshold()
                gc.set_threshold(_saved_young, middle, _saved_threshold)
                # get_count()[2]: younger collections since the last full one.
                due = gc.isenabled() and gc.get_count()[2] > _saved_threshold
        if due:
            gc.collect(2)


# Digests between two returns of free memory to the system (malloc_trim): its 1-2 ms of CPU
# are 0.02-0.04 ms a digest.
TRIM_EVERY = 50
_digests = 0


def _find_malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, found among the process's own symbols; None elsewhere."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


malloc_trim = _find_malloc_trim()


def digest_ended() -> None:
    """Count a digest; after every TRIM_EVERY, give the free memory back to the system."""
    global _digests
    with _lock:
        _digests += 1
        due = _digests % TRIM_EVERY == 0
    if due and malloc_trim is not None:
        malloc_trim(0)
