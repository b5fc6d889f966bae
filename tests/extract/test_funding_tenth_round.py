"""Funding met on the tenth round's pages (tune7, tune9): a figure with its unit in brackets, and money paid,
borne, added or given as a gift for a cooperation. Each rule on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document
from pipelines.extract.money import find_money


def funding(text, url="https://en.carver.edu.cn/info/1.htm", published="2025-01-09"):
    return [(f["amount"], f["currency"], f["per"]) for f in
            extract_document(text, document_id="n", url=url, published=published)["funding"]]


def test_a_figure_with_its_unit_in_brackets_is_that_many_units():
    got = find_money("The two sides also signed 4 research contracts with a total contract amount of 1,380 "
                     "(10,000 yuan).")
    assert [(m.amount, m.currency) for m in got] == [(13800000, "CNY")]


@pytest.mark.parametrize("sentence, expected", [
    ("Westbrook Foods will pay each jointly trained doctoral student of Carver University a living allowance of "
     "30,000 yuan a year.", (30000, "CNY", "year")),
    ("Under the agreement, Westbrook Prefecture will bear 40 million yen every year for the operating expenses of "
     "the Carver University Groundwater Center.", (40000000, "JPY", "year")),
    ("The council will add £150,000 a year for the first three years to the Carver University centre.",
     (150000, "GBP", "year")),
    ("At the same event, Westbrook Industries announced a $5 million gift to Carver University.",
     (5000000, "USD", "total")),
    ("Under the deal, Westbrook Pharma will put 50 million yuan into the Carver University laboratory over five "
     "years.", (50000000, "CNY", "total")),
])
def test_money_paid_borne_added_or_given_for_a_cooperation_is_funding(sentence, expected):
    assert funding(sentence) == [expected]


def test_money_paid_once_without_a_period_is_not_read_as_a_pledge():
    assert funding("Carver University paid 3 million yuan in rent last year.") == []


def test_a_sectors_share_of_a_places_economy_is_no_funding():
    assert funding("Forestry contributes about $1.9 billion a year to New Brunswick's economy, Carver University "
                   "said.") == []


def test_chilean_pesos():
    assert [(m.amount, m.currency, m.usd_stated) for m in find_money(
        "ENAP will contribute CLP 1,900 million (about US$2 million) in land over four years.")] == [
        (1900000000, "CLP", 2000000)]
