"""Evaluation: ROUGE (two tokenizers), baselines and our checker, in one run (``essentiel eval``).

Needs the ``eval`` extra (rouge-score, sumy); the digest pipeline does not.
"""

from essentiel.evaluation.data import EvalDataError, EvalItem, read_items
from essentiel.evaluation.rouge import rouge
from essentiel.evaluation.run import Evaluation, evaluate

__all__ = ["EvalDataError", "EvalItem", "Evaluation", "evaluate", "read_items", "rouge"]
