"""Page layouts of the eleventh round: headlines in capitals, tab-separated tables of platforms, partner lists with a colon, partner cards; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_headline_in_capitals_gives_no_agreement_of_its_own():
    page = ("HALE GOVT INKS THREE MoUs WITH CARVER UNIVERSITY, WIST AND WESTBROOK UNIVERSITY\n"
            "The Hale State Government on May 5, 2025 signed a memorandum of understanding with Carver University.")
    got = run(page)["agreements"]
    assert got and all(a["evidence"].startswith("The Hale") for a in got)


_TABLE = ("The Hale Provincial Department of Education has announced its 2024 batch of provincial engineering "
          "research centers.\n\n"
          "Center\tHost university\tCo-building enterprise\n"
          "Tungsten and Rare Earth Advanced Materials Engineering Research Center\tCarver University\tWestbrook "
          "Tungsten Co., Ltd.\n"
          "Smart Harbour Logistics Engineering Research Center\tHale University\t-\n")


def test_a_tab_separated_table_of_platforms_and_builders_is_read_row_by_row():
    got = run(_TABLE, url="https://www.hale.gov.example/english/news/202412/t1.htm", published="2024-12-27")
    rows = [(p["name"], p["university"], p["partner"], p["date"]) for p in got["platforms"]]
    assert rows == [("Tungsten and Rare Earth Advanced Materials Engineering Research Center", "Carver University",
                     "Westbrook Tungsten Co., Ltd.", "2024-12-27")]


def test_a_row_with_an_empty_builder_cell_is_no_partnership():
    got = run(_TABLE, url="https://www.hale.gov.example/english/news/202412/t1.htm", published="2024-12-27")
    assert all("Harbour" not in p["name"] for p in got["platforms"])


_ACHIEVEMENTS = ("Carver University has built research institutes with its partners, listed below (partner: platform, "
                 "year founded; results).\n\n"
                 "Hale City, Westbrook: Carver Hale Research Institute, 2019; 168 projects with local firms, 9 joint "
                 "laboratories\n"
                 "Westbrook Motor Group Co., Ltd.: strategic cooperation agreement renewed in 2023; 126 joint projects\n"
                 "Ashford City, Westbrook: cooperation agreement signed in May 2024; an institute under construction\n"
                 "Tags: MoU, Hale City, Partnerships\n")


def test_rows_of_a_partner_list_with_a_colon_are_rows_not_one_wrapped_sentence():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    assert {(a["partner"], a["date"]) for a in got["agreements"]} == {
        ("Westbrook Motor Group Co., Ltd.", "2023"), ("Ashford City", "2024-05")}


def test_a_platform_named_in_a_partner_row_is_set_up_with_that_partner_in_the_year_given():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    assert [(p["name"], p["partner"], p["date"]) for p in got["platforms"]] == [
        ("Carver Hale Research Institute", "Hale City", "2019")]


def test_figures_of_a_partner_row_are_the_platforms_or_the_universitys_never_the_partners():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    subjects = {c["quantity"]: c["subject"] for c in got["counts"]}
    assert subjects[168] == "Carver Hale Research Institute"
    assert subjects[126] == "Carver University"


def test_a_headline_in_capitals_does_not_hide_the_days_signing_from_the_body():
    page = ("HALE GOVT INKS FIVE MoUs WITH CARVER UNIVERSITY, IIT WESTBROOK, ASHFORD INSTITUTE AND HALE UNIVERSITY\n\n"
            "- \u20b948.5 CRORE AGRITECH INNOVATION HUB TO COME UP AT CARVER UNIVERSITY\n"
            "- STATE HAS SIGNED 62 MoUs WITH UNIVERSITIES SINCE MARCH 2022: CABINET MINISTER\n\n"
            "Hale City, February 19:\n\n"
            "The Hale Government on Wednesday signed five memoranda of understanding. The Hale Science Council "
            "signed with Carver University for a Centre of Excellence in Groundwater Informatics.")
    got = run(page, url="https://www.hale.gov.in/news/1", published="2025-02-19")["agreements"]
    assert [(a["university"], a["date"]) for a in got] == [("Carver University", "2025-02")]


_CARDS = ("Our partners\n\n"
          "Carver University works with more than 350 partners. A few of them:\n\n"
          "Westbrook Energy Corporation\n"
          "Research partner since 2016. A renewed master research agreement (2024) runs to 2029.\n"
          "Read more \u2192\n\n"
          "City of St. Ashford\n"
          "Memorandum of understanding on urban sustainability, signed in 2021.\n"
          "Read more \u2192\n\n"
          "Hale Robotics Inc.\n"
          "Supplier of simulators for the teaching lab.\n"
          "Read more \u2192\n")


def test_lines_under_a_partner_card_title_tell_the_universitys_agreement_with_it():
    got = run(_CARDS, url="https://www.example.org/research/partners", published="2025-04-08")["agreements"]
    assert {(a["university"], a["partner"], a["date"]) for a in got} == {
        ("Carver University", "Westbrook Energy Corporation", "2024"), ("Carver University", "St. Ashford City", "2021")}
