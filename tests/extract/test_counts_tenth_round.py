"""Counts met on the tenth round's pages (tune6-tune9): a part of a whole named with a possessive, "with all N",
an MoU tally after "has", a subset opened by "Of the contracts,". Each rule on sentences written for these tests."""

from __future__ import annotations

from pipelines.extract import extract_document


def counts(text, url="https://en.carver.edu.cn/info/1.htm", published="2024-05-01"):
    return [(c["quantity"], c["unit"]) for c in extract_document(text, document_id="n", url=url,
                                                                   published=published)["counts"]]


def test_a_part_of_a_places_whole_is_counted():
    assert counts("Carver University has concluded cooperation agreements with nine of Westbrook's 14 "
                  "prefecture-level cities.")[0][0] == 9


def test_a_part_named_by_an_adjective_is_no_count():
    assert counts("Two of Westbrook's leading universities will pool scientists and money for the test field.") == []


def test_agreements_with_all_n_places_are_counted():
    assert [q for q, _ in counts("Since 2019, Carver University has signed cooperation agreements with all 11 "
                                 "cities of Westbrook.")] == [11]


def test_a_tally_of_mous_a_university_has_is_counted():
    assert counts("The Vice-Chancellor said the University now has 12 active MoUs with state governments.") == [
        (12, "agreement")]


def test_a_subset_opened_by_of_the_contracts_counts_what_the_sentence_before_counted():
    got = counts("Universities in Westbrook signed 3,418 technology contracts with enterprises in 2023. Of the "
                 "contracts, 2,045 were signed with enterprises within the province.")
    assert got == [(3418, "agreement"), (2045, "agreement")]


def test_three_party_without_a_hyphen_describes_the_agreement():
    assert counts("Our district, Carver University and Westbrook Automobile signed three party cooperation "
                  "agreement on May 5, 2025.") == []
