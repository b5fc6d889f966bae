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


PARTNERS = ("Carver University | International Office\n\nPartner universities\n\n"
            "Carver University has agreements with 120 universities. Selected partners with agreements in force are "
            "listed below, with the year the first agreement was signed.\n\n"
            "Canada\nWestbrook University (1994)\nUniversity of Hale (2011)\n")


def test_name_and_year_lines_under_a_partner_list_lead_are_agreements_of_that_year():
    got = [(a["university"], a["partner"], a["date"], a["date_precision"])
           for a in run(PARTNERS, url="https://www.example.edu/partners")["agreements"]]
    assert got == [("Carver University", "Westbrook University", "1994", "year"),
                   ("Carver University", "University of Hale", "2011", "year")]


def test_name_and_year_lines_without_the_lead_are_no_agreements():
    page = PARTNERS.replace("Selected partners with agreements in force are listed below, with the year the first "
                            "agreement was signed.", "Our alumni live all over the world.")
    assert run(page, url="https://www.example.edu/partners")["agreements"] == []


def test_a_masthead_naming_the_university_and_its_office_gives_no_pair_to_a_later_agreement():
    got = [a["partner"] for a in run(PARTNERS, url="https://www.example.edu/partners")["agreements"]]
    assert "International Office" not in got


def test_a_signing_at_the_opening_ceremony_is_dated_by_the_event_told_before():
    page = ("The Hale Innovation Conference opened in Hale City on September 21.\n\n"
            "At the opening ceremony, Hale City signed a strategic cooperation agreement with Carver University.\n")
    got = [(a["partner"], a["date"]) for a in run(page, published="2024-09-23")["agreements"]]
    assert got == [("Hale City", "2024-09-21")]


def test_name_year_and_description_rows_under_a_signing_lead_are_agreements_of_their_years():
    page = ("Carver University | Knowledge Transfer Partnerships\n\nWhich businesses have we worked with?\n"
            "KTPs signed in the last two years include:\n"
            "- Orbis Precision Ltd (2024): low-waste machining of brackets\n"
            "- Kestrel Glass (2023): a digital kiln scheduling system\n")
    got = [(a["partner"], a["date"]) for a in run(page, url="https://www.example.ac.uk/ktp")["agreements"]]
    assert got == [("Orbis Precision Ltd", "2024"), ("Kestrel Glass", "2023")]


def test_a_universitys_governing_body_approving_an_mou_acts_for_it():
    # (the page's own university, known by its web domain)
    page = "University news\n\nThe Syndicate has approved an MoU with Orbis Group for a Centre of Excellence."
    got = [(a["university"], a["partner"]) for a in run(page, url="https://www.annauniv.edu/news/1")["agreements"]]
    assert got == [("Anna University", "Orbis Group")]
    # on a page that is no university's, "the Senate" is no university
    page = "State news\n\nThe Senate has approved an MoU with Orbis Group for a Centre of Excellence."
    assert run(page, url="https://www.example.gov/news/1")["agreements"] == []
