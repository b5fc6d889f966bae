"""Names shared by the scorer's modules."""

from __future__ import annotations

FACT_TYPES = ("agreements", "funding", "platforms", "counts")


class EvaluationError(ValueError):
    """A gold file, page or split file is unusable; the message names it."""
