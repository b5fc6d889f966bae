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


def gov(text):
    return [(c["quantity"], c["unit"]) for c in extract_document(
        text, document_id="n", url="http://www.westmark.gov.cn/news/1.html", published="2025-03-01")["counts"]]


def test_figures_of_a_sentence_with_a_deadline_ahead_are_targets_in_every_conjunct():
    assert gov("By 2027 the city will co-build 15 new R&D institutions, conclude cooperation agreements with 30 "
               "universities and carry out 1,000 projects.") == []


def test_we_will_on_a_governments_page_is_its_plan():
    assert gov("We will sign agreements with at least 20 more universities and add 60 joint R&D platforms.") == []


def test_bodies_that_are_to_be_set_up_are_a_plan():
    assert gov("Ten industrial colleges are to be set up jointly by universities and local enterprises.") == []


def test_a_regions_high_tech_enterprises_and_universities_are_statistics_not_cooperation():
    assert gov("The number of national high-tech enterprises reached 3,210, up 9.6%.") == []
    assert gov("Hale City has 5.58 million residents, yet only seven institutions of higher learning.") == []
    # firms a university worked with stay a count, whatever kind of firm they are
    assert counts("Carver University has helped 120 high-tech enterprises solve technical problems.") == [
        (120, "enterprise")]


def test_an_ordinal_place_is_no_figure():
    assert gov("Westmark rose to 15th place nationally in regional innovation capability.") == []
