"""Parties, agreement types and page furniture met on the tenth round's blind pages (tune9), each rule on
sentences written for these tests."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document
from pipelines.extract.agreement_types import agreement_type


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_headlines_listed_under_a_related_news_heading_are_links_not_facts():
    page = ("On May 5, 2025, Carver University and the Westbrook Academy of Sciences signed an agreement on joint "
            "postgraduate training.\n"
            "Related news\n"
            "· Carver University signs strategic cooperation agreement with Hale City\n"
            "· Carver University delegation visits Westbrook\n")
    got = run(page)["agreements"]
    assert [a["partner"] for a in got] == ["Westbrook Academy of Sciences"]


def test_a_story_after_a_heading_line_is_still_read():
    page = ("Latest news\n"
            "On May 5, 2025, Carver University signed a strategic cooperation agreement with Hale City. The two "
            "sides will build a joint laboratory.\n")
    assert [a["partner"] for a in run(page)["agreements"]] == ["Hale City"]


@pytest.mark.parametrize("text, kind", [
    ("signed a consortium agreement with eight mining companies", "industry_university_research"),
    ("signed settlement agreements with three universities for research institutes in the zone", "joint_platform"),
    ("signed a talent cooperation agreement under which the city will fund doctoral posts", "talent_training"),
    ("renewed its student exchange agreement with Hale University", "talent_training"),
    ("an agreement on the joint training of postgraduates", "talent_training"),
    ("on jointly training professional master's students", "talent_training"),
])
def test_agreement_type_from_what_the_agreement_is(text, kind):
    assert agreement_type(text) == kind


def test_an_officials_portfolio_after_for_is_no_party():
    page = ("Hong Kong, 9 May 2025 - Carver University and Westbrook Gas signed an agreement to set up a joint "
            "hydrogen laboratory. The agreement was signed by Carver University's Vice-President for Research and "
            "Development and Westbrook Gas's Managing Director.")
    got = run(page)["agreements"]
    assert {a["partner"] for a in got} == {"Westbrook Gas"}


def test_a_board_of_a_named_body_acts_for_it():
    page = ("The Province of Overijssel and Carver University have renewed their partnership agreement. On "
            "Thursday 10 April 2025, the President of Carver's Executive Board and a provincial minister signed "
            "the renewed agreement.")
    got = run(page, url="https://www.example.nl/news/2025/04/1.html")["agreements"]
    assert "Executive Board" not in " ".join(a["partner"] for a in got)


def test_the_university_and_a_company_are_two_parties():
    page = ("The University of Westbrook leads the new hub. Separately, the University and Carver Foods signed a "
            "four-year research agreement in October covering fish genomics.")
    got = run(page, url="https://www.example.edu/news/x", published="2024-11-02")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("University of Westbrook", "Carver Foods", "2024-10")]


def test_the_province_on_a_canadian_provinces_site_is_the_province():
    page = ("Nova Scotia is training more family doctors. The Province has signed funding agreements with Carver "
            "University and Hale University to open a teaching centre.")
    got = run(page, url="https://news.novascotia.ca/en/2025/09/30/doctors", published="2025-09-30")["agreements"]
    assert {(a["university"], a["partner"]) for a in got} == {
        ("Carver University", "Nova Scotia"), ("Hale University", "Nova Scotia")}


def test_two_universities_signing_on_a_third_partys_page_are_in_the_order_named():
    page = ("Hale University and Carver University signed a memorandum of understanding on medical education in "
            "2022. Carver University will host the first cohort. Carver University is in Sydney.")
    got = run(page, url="https://news.example.gov/en/2025/09/30/doctors")["agreements"]
    assert [(a["university"], a["partner"]) for a in got] == [("Hale University", "Carver University")]


def test_universities_after_with_are_not_parties_to_each_other():
    got = run("Westbrook Govt signs four MoUs with Carver University, Hale University and Dunmore University")
    assert not [a for a in got["agreements"] if a["partner_type"] == "university"]


def test_universities_signing_with_companies_in_general_are_not_parties_to_each_other():
    got = run("Universities in Westbrook, led by Carver University and Hale University, signed 12,806 technology "
              "contracts with enterprises in 2023.")
    assert got["agreements"] == []


def test_a_tallys_start_is_no_day_of_the_pages_signing():
    page = ("Four Memoranda of Understanding were signed today at the Secretariat between departments of the State "
            "Government and universities.\n"
            "(i) The Westbrook Water Board signed an MoU with Carver University for a flood centre.\n"
            "With today's agreements, the State Government has signed 23 MoUs with universities since June 2024.")
    got = run(page, published="2025-08-14")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Westbrook Water Board", "2025-08-14")]


def test_a_state_office_site_is_the_states():
    from pipelines.extract.doc_context import _government_site
    assert _government_site(["iprdodisha", "gov", "in"], "") == "Odisha"
    assert _government_site(["pib", "gov", "in"], "") is None


def test_the_unit_a_tables_figures_are_in_is_no_amount():
    from pipelines.extract.money import find_money
    assert find_money("Details of the projects (amounts in 10,000 yuan) are as follows:") == []
    assert find_money("Its investment plan is as follows (unit: 10,000 yuan):") == []
    assert [m.amount for m in find_money("The city will give each team 10,000 yuan.")] == [10000]


def test_it_signing_on_a_universitys_page_is_that_university():
    page = ("Carver University looks back on 2023. In February, it signed a memorandum of understanding on academic "
            "cooperation with Hale University in Thailand. In April, it renewed its student exchange agreement with "
            "the University of Westbrook.")
    got = run(page, url="https://en.carver.edu.cn/info/1.htm", published="2024-01-10")["agreements"]
    assert sorted((a["university"], a["partner"]) for a in got) == [
        ("Carver University", "Hale University"), ("Carver University", "University of Westbrook")]


def test_it_signing_on_a_governments_page_is_not_a_university():
    page = ("Westbrook City looks back on 2023 with Carver University. In February, it signed a cooperation agreement "
            "with Hale City.")
    got = run(page, url="https://www.westbrook.gov.cn/info/1.htm", published="2024-01-10")["agreements"]
    assert ("Carver University", "Hale City") not in {(a["university"], a["partner"]) for a in got}
