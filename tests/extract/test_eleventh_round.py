"""Rules of the eleventh round, each on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_day_of_the_month_followed_by_a_place_is_a_date():
    # "on the 14th at Hale City Hall": the day of the page's month; a capitalised place after "at" is no month
    page = "Carver University signed a research agreement with Hale City on the 14th at Hale City Hall."
    got = run(page, published="2025-05-16")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Hale City", "2025-05-14")]


def test_a_day_of_the_month_before_a_title_is_still_not_read_as_a_date():
    # "the 3rd Plenary Session": an ordinal before a capitalised name is no day
    page = "Carver University signed a research agreement with Hale City on the 3rd Plenary Session of the forum."
    got = run(page, published="2025-05-16")["agreements"]
    assert [a["date"] for a in got] != ["2025-05-03"]


def test_a_government_listed_after_a_bracketed_university_is_a_party():
    # the bracket after the university's name cuts the parse; the city listed next is still one of the parties
    page = ("Carver University signed a three-party agreement with the Westbrook Institute of Science and "
            "Technology (WIST), Hale Metropolitan City and others on May 5, 2025 to build a mobility centre.")
    got = run(page)["agreements"]
    pairs = {(a["university"], a["partner"]) for a in got}
    assert ("Carver University", "Hale City") in pairs


def test_separate_agreements_of_one_body_with_universities_make_no_university_pair():
    page = "On May 5, 2025, Hale City signed cooperation agreements with Carver University and Westbrook University."
    got = run(page, url="https://www.hale.gov.example/news/2025/05/1.html")["agreements"]
    assert {a["partner"] for a in got} == {"Hale City"}
