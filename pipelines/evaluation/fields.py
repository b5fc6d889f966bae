"""Field accuracy: how many fields of a matched fact equal the gold's.

The fields of each type are ``pipelines.extract.FIELDS`` (evidence and
provenance are not fields). For one matched (predicted, gold) pair, each field
the gold fact carries is compared; a field absent from the gold fact (the key
missing, e.g. ``partner_province`` in gold that does not annotate it) is not
scored, while a gold null is (null equals only null):

* names (university, partner, funder, recipient, subject, platform name,
  partner_province): the fuzzy name rule used for matching (``names``);
* numbers (amount, amount_usd_stated, quantity, period_years): within 1 % of
  the gold value;
* date: equal at the gold's precision (gold ``2021-08`` accepts ``2021-08`` and
  ``2021-08-12``, not ``2021``); ``date_precision`` is a field of its own;
* every other field (types, units, currency, qualifier, per, kind,
  date_precision): equal, ignoring case and surrounding space.

A pair's field accuracy is the share of its scored fields that are equal; a
type's (and the overall) field accuracy is the mean over matched pairs, so
each matched fact weighs the same.
"""

from __future__ import annotations

from pipelines.evaluation.matching import date_agrees
from pipelines.evaluation.names import names_match

NAME_FIELDS = frozenset({"university", "partner", "funder", "recipient", "subject", "name", "partner_province"})
NUMBER_FIELDS = frozenset({"amount", "amount_usd_stated", "quantity", "period_years"})
DATE_FIELDS = frozenset({"date"})
NUMBER_TOLERANCE = 0.01


def fact_fields() -> dict[str, tuple[str, ...]]:
    """The fields of each fact type, as the extractor defines them."""
    from pipelines.extract import FIELDS

    return FIELDS


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def field_equal(field: str, pred: object, gold: object) -> bool:
    """Is the predicted value of ``field`` equal to the gold value (rules in the module docstring)?"""
    if _blank(gold) or _blank(pred):
        return _blank(gold) and _blank(pred)
    if field in NAME_FIELDS:
        return names_match(str(pred), str(gold))
    if field in NUMBER_FIELDS:
        try:
            p, g = float(pred), float(gold)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
        return abs(p - g) <= NUMBER_TOLERANCE * abs(g)
    if field in DATE_FIELDS:
        return date_agrees(pred, gold)
    return str(pred).strip().lower() == str(gold).strip().lower()


def compare_fields(fact_type: str, pred: dict, gold: dict) -> dict[str, bool]:
    """{field: equal} for every field of the type that the gold fact carries."""
    return {f: field_equal(f, pred.get(f), gold.get(f)) for f in fact_fields()[fact_type] if f in gold}


def pair_accuracy(checks: dict[str, bool]) -> float | None:
    """Share of equal fields of one pair; None when no field was scored."""
    return sum(checks.values()) / len(checks) if checks else None
