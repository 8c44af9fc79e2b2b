"""Predict the OIT score from item verdicts (see ``scoring.score``)."""

from scoring.score import band_for, compute_scores, rank_fixes, score_items

__all__ = ["band_for", "compute_scores", "rank_fixes", "score_items"]
