"""Counts of the twelfth round; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def counts(text):
    return [(c["quantity"], c["unit"]) for c in run(text)["counts"]]


def test_a_plural_subject_that_rose_to_a_figure_is_a_tally():
    # "X rose / increased to N": the figure is what the tally of X came to, not a rank
    assert counts("Joint laboratories with local firms increased to 45 from 30 in 2020.") == [(45, "platform")]
    assert counts("The number of partner enterprises rose to 230.") == [(230, "enterprise")]


def test_a_time_after_the_figure_still_closes_the_clause():
    assert counts("The number of cooperation agreements reached 120 last year.") == [(120, "agreement")]


def test_one_body_that_rose_to_a_figure_is_a_rank_not_a_tally():
    assert counts("Carver University rose to 45 in the national league table.") == []
    assert counts("Its ranking climbed to 45 this year.") == []
