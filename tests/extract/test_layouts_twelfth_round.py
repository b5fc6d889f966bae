"""Page layouts of the twelfth round; each rule on pages written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="http://edu.westmark.gov.cn/english/news/2025/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


LEAD = "A signing ceremony was held in Hale City on April 28, 2025.\n\nThe following agreements were signed at the ceremony:\n\n"


def test_rows_of_sides_and_a_colon_under_a_signing_lead_are_agreements_of_the_lead_day():
    page = LEAD + ("1. Carver University and Orbis Group: joint laboratory agreement on battery recycling;\n"
                   "2. Westbrook University and Hale City: strategic cooperation agreement.\n")
    got = [(a["university"], a["partner"], a["date"]) for a in run(page)["agreements"]]
    assert got == [("Carver University", "Orbis Group", "2025-04-28"), ("Westbrook University", "Hale City", "2025-04-28")]


def test_a_colon_row_that_co_constructs_universities_gives_one_row_per_university_and_government():
    page = LEAD + ("1. The Ministry of Education and the Westmark Provincial People's Government: co-construction of "
                   "Carver University and Westbrook University;\n")
    got = sorted((a["university"], a["partner"], a["agreement_type"]) for a in run(page)["agreements"])
    assert got == [("Carver University", "Ministry of Education", "co_construction"),
                   ("Carver University", "Westmark Province", "co_construction"),
                   ("Westbrook University", "Ministry of Education", "co_construction"),
                   ("Westbrook University", "Westmark Province", "co_construction")]


def test_colon_rows_need_the_signing_lead_right_before_them():
    page = ("Our partners over the years.\n\n"
            "1. Carver University and Orbis Group: joint laboratory agreement on battery recycling;\n")
    assert run(page)["agreements"] == []
