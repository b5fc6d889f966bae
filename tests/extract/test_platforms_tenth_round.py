"""Platforms met on the tenth round's pages (tune8, tune9): a quoted name before a plaque ceremony, a numbered
list's rows under a lead that says the bodies were set up, and a numbered row's number kept with its row. Each
rule on sentences written for these tests."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.text import split_sentences


def run(text, url="https://www.example.gov.cn/en/news/2023/1.html", published="2023-12-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_numbered_rows_number_stays_with_its_row():
    rows = [s.clean for s in split_sentences("The institutes are:\n1. Carver Institute of Robotics, in the zone;\n"
                                             "2. Hale Institute of Materials, in the zone.")]
    assert rows == ["The institutes are:", "1. Carver Institute of Robotics, in the zone;",
                    "2. Hale Institute of Materials, in the zone."]


def test_a_quoted_name_before_a_plaque_ceremony_is_a_platform():
    got = run('On June 12 morning, "Carver Agricultural University Westbrook Rural Revitalization Research Base" '
              'hang card ceremony in Gaoma Village grandly held.', url="https://www.westbrook.gov.cn/news/1.html",
              published="2024-06-13")["platforms"]
    assert [(p["name"], p["platform_type"]) for p in got] == [
        ("Carver Agricultural University Westbrook Rural Revitalization Research Base", "research_base")]


def test_rows_under_a_lead_that_bodies_were_set_up_are_platforms_with_the_signings_partner():
    page = ("On December 5, the Westbrook High-tech Zone signed co-construction agreements with Carver University "
            "(CU) and Hale University.\n"
            "The plaques of the following two institutes were then unveiled by leaders of the zone and the "
            "universities:\n"
            "1. CU Westbrook Institute of Unmanned Systems, focusing on drone swarms;\n"
            "2. Hale University Westbrook Institute of Chip Innovation, focusing on power chips.\n")
    got = run(page)["platforms"]
    assert sorted((p["name"], p["university"], p["partner"], p["date"]) for p in got) == [
        ("CU Westbrook Institute of Unmanned Systems", "Carver University", "Westbrook High-tech Zone", "2023-12-05"),
        ("Hale University Westbrook Institute of Chip Innovation", "Hale University", "Westbrook High-tech Zone",
         "2023-12-05")]


def test_rows_without_a_lead_are_not_made_platforms_of_the_last_signing():
    page = ("On December 5, the Westbrook High-tech Zone signed co-construction agreements with Carver University "
            "(CU) and Hale University.\n"
            "Our research directions are as follows\n"
            "1. CU Westbrook Institute of Unmanned Systems, focusing on drone swarms;\n")
    assert run(page)["platforms"] == []


def test_a_numbered_row_naming_host_and_co_builder_in_brackets_is_a_joint_platform():
    page = ("After expert evaluation, the Department has approved the following 3 platforms.\n"
            "1. Key Laboratory of Loess Hazards (Carver University)\n"
            "2. Key Laboratory of Engine Coatings (Hale University; co-built with Westbrook Aero-Engine Co., Ltd.)\n"
            "3. Engineering Research Center of Smart Water (Dunmore University)\n")
    got = run(page, url="http://jyt.shaanxi.gov.cn/en/tzgg/202412/t20241210_1.html", published="2024-12-10")
    assert [(p["name"], p["university"], p["partner"]) for p in got["platforms"]] == [
        ("Key Laboratory of Engine Coatings", "Hale University", "Westbrook Aero-Engine Co., Ltd.")]


def test_a_named_body_sited_at_a_university_in_a_cooperation_is_its_platform():
    page = ("The Westbrook government signed MoUs with Carver University and Hale University on July 15, 2025. "
            "The Westbrook Chip Design Centre will function at Carver University's north campus, and the centre "
            "will include a Battery Precursor Laboratory at Hale University's pilot precinct.")
    got = run(page, url="https://www.example.com/news/2025/07/1.html", published="2025-07-16")["platforms"]
    assert sorted((p["name"], p["university"]) for p in got) == [
        ("Battery Precursor Laboratory", "Hale University"), ("Westbrook Chip Design Centre", "Carver University")]


def test_a_named_body_merely_visited_at_a_university_is_no_platform():
    got = run("The minister toured the Westbrook Chip Design Centre at Carver University on Monday.")["platforms"]
    assert got == []


def test_students_who_will_visit_a_centre_at_a_university_make_no_platform():
    assert run("Students will visit the Westbrook Chip Design Centre at Carver University next week.")["platforms"] == []
