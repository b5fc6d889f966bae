"""Parties of the twelfth round; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.reference.index import UniversityIndex


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def pairs(text, **kw):
    return [(a["university"], a["partner"], a["partner_type"]) for a in run(text, **kw)["agreements"]]


def test_a_campus_by_two_initials_and_its_place_is_the_table_row():
    idx = UniversityIndex.default()
    assert [name for *_, name in idx.find_campuses("a deal between UW-Green Bay and the county")] == [
        "University of Wisconsin - Green Bay"]
    assert [name for *_, name in idx.find_campuses("students of UC Davis met")] == ["University of California, Davis"]
    # two letters before a word the table does not list as a campus are no university
    assert idx.find_campuses("UN Women and UW Lecture series") == []


def test_two_initials_campus_signs_as_its_university():
    got = pairs("The regents approved a memorandum of understanding between UW-Green Bay and the City of Green Bay.")
    assert got == [("University of Wisconsin - Green Bay", "Green Bay City", "city")]


def test_a_university_name_followed_by_health_system_is_another_body():
    got = pairs("Carver University signed a clinical training agreement with Mayo Clinic Health System in 2019.")
    assert got == [("Carver University", "Mayo Clinic Health System", "other")]


def test_places_in_a_labelled_parenthesis_are_where_a_body_is_not_parties():
    got = pairs('Carver University and Orbis Optics Corporation (Headquarters: Hale City, Westmark Province; '
                'hereinafter "Orbis") concluded a comprehensive partnership agreement on May 2.')
    assert [p for _, p, _ in got] == ["Orbis Optics Corporation"]
    got = pairs("Carver University and Orbis Optics Corporation (based in Hale City) signed an agreement on May 2.")
    assert [p for _, p, _ in got] == ["Orbis Optics Corporation"]


def test_a_campus_after_a_comma_is_the_university_an_abbreviation_defines():
    page = ("The University of Nigeria, Nsukka (UNN) and Kogi State Government have signed a memorandum of "
            "understanding on solar research. UNN will host the programme.")
    got = pairs(page, url="https://www.unn.edu.ng/news/1/")
    assert [(u, p) for u, p, _ in got] == [("University of Nigeria", "Kogi")]


def test_a_place_in_brackets_that_ends_a_university_name_is_no_abbreviation():
    page = ("The ministry signed an agreement with China University of Geosciences (Wuhan) on May 3. "
            "On the same day, the Education Department and the Wuhan Municipal Education Bureau signed a memorandum "
            "on school visits.")
    got = pairs(page, url="http://jyt.example.gov.cn/news/1.html")
    assert all(p != "Education Department" for _, p, _ in got)


def test_a_company_the_recogniser_reads_as_a_facility_after_another_company_is_a_second_party():
    got = pairs("Carver University signed cooperation agreements with Orbis Group and Hale Tyre on Monday.")
    assert [(p, t) for _, p, t in got] == [("Orbis Group", "enterprise"), ("Hale Tyre", "enterprise")]


def test_a_university_named_with_its_city_and_initials_is_a_university():
    page = ("Carver University Halden (CUH) and the Orbis Institute for Marine Energy Systems have on Monday, "
            "17 November 2025, signed a cooperation agreement.")
    got = pairs(page, published="2025-11-19")
    assert got == [("Carver University Halden", "Orbis Institute for Marine Energy Systems", "research_institute")]


def test_an_abbreviation_with_an_accented_letter_is_defined():
    page = ("The University of Liège (ULiège) leads the project. ULiège and Orbis Group signed a framework "
            "agreement on 9 December 2025.")
    assert pairs(page, published="2025-12-10") == [("University of Liège", "Orbis Group", "enterprise")]


def test_a_signed_letter_of_intent_is_an_intention_not_an_agreement():
    assert pairs("Carver University and Orbis Group have signed a letter of intent to explore a research partnership.") == []
    assert pairs("Carver University and Orbis Group signed an LoI on joint training.") == []
    assert pairs("Carver University and Orbis Group signed a memorandum of understanding on joint training.") != []


def test_an_agreement_told_as_an_aim_is_no_agreement():
    page = ("In talks on Tuesday, Carver University and Orbis Group set up a working group, with the aim of concluding "
            "a partnership agreement by the summer.")
    assert pairs(page) == []


def test_the_last_two_of_a_list_of_companies_are_two_companies():
    got = pairs("Carver University signed MoUs with Orbis Motors Ltd, Kestrel Leyland and Hale Software Corporation.")
    assert [p for _, p, _ in got] == ["Orbis Motors Ltd", "Kestrel Leyland", "Hale Software Corporation"]
    # a place after a company's suffix and a comma is part of its name, no company of its own
    got = pairs("Carver University signed an agreement with Siemens Ltd., China in June.")
    assert [p for _, p, _ in got] != ["China"] and all(p != "China" for _, p, _ in got)


def test_a_body_a_signer_is_part_of_is_no_party():
    page = ("Carver University, a part of the Westmark University System, signed an agreement with Orbis Group on "
            "Monday.")
    assert pairs(page) == [("Carver University", "Orbis Group", "enterprise")]


def test_a_campus_written_with_in_is_the_tables_campus_at():
    page = ("The University of Alabama in Huntsville signed a Space Act Agreement with NASA's Marshall Space Flight "
            "Center and Orbis Dynamics on Monday.")
    got = pairs(page, url="https://www.example.org/news/1")
    assert {u for u, _, _ in got} == {"University of Alabama at Huntsville"}
    assert [p for _, p, _ in got] == ["NASA's Marshall Space Flight Center", "Orbis Dynamics"]


def test_in_and_a_month_after_a_university_is_no_campus():
    got = run("Carver University, which signed a memorandum with Purdue University in August, will run the course.")
    assert [a["partner"] for a in got["agreements"]] == ["Purdue University"]


def test_a_sentence_that_leaves_out_its_verb_pairs_each_subject_with_its_own_with():
    page = ("Carver University signed with Hale District, and Westbrook University of Technology with Orbis Group, the "
            "maker of pumps.")
    assert sorted((u, p) for u, p, _ in pairs(page)) == [("Carver University", "Hale District"),
                                                         ("Westbrook University of Technology", "Orbis Group")]
    page = "Carver University signed an agreement with Hale City, and Westbrook University with Kestrel District."
    assert sorted((u, p) for u, p, _ in pairs(page)) == [("Carver University", "Hale City"),
                                                         ("Westbrook University", "Kestrel District")]


def test_a_company_the_page_calls_its_universitys_company_signs_for_the_university():
    page = ("Carver Innovations (CVI), the technology transfer company of Carver University, today signed a licence "
            "agreement with Orbis Bio Ltd. CVI has concluded 200 licences since 2001.")
    got = pairs(page)
    assert [(u, p) for u, p, _ in got] == [("Carver University", "Orbis Bio Ltd")]


def test_university_college_and_a_city_is_a_university():
    got = pairs("University College Cork signed a research agreement with Orbis Group on Monday.")
    assert [(u, p) for u, p, _ in got] == [("University College Cork", "Orbis Group")]


def test_a_chinese_universitys_acronym_by_the_syllables_of_its_place_word():
    page = ("Yanshan University and Hale City signed an agreement on May 2. YSU and Orbis Group also signed a "
            "contract on May 3.")
    got = pairs(page, url="https://www.example.cn/news/1")
    assert ("Yanshan University", "Orbis Group", "enterprise") in got
    assert all(u == "Yanshan University" for u, _, _ in got)


def test_an_announced_agreement_is_one_and_announced_plans_are_not():
    assert pairs("Carver University today announced a licence agreement with Orbis Bio Ltd.") == [
        ("Carver University", "Orbis Bio Ltd", "enterprise")]
    assert pairs("Carver University announced plans to sign an agreement with Orbis Bio Ltd.") == []


def test_a_zone_then_and_a_company_in_capitals_are_two_bodies():
    page = ("The institute is run jointly by Carver University, the Management Committee of Hale Economic and "
            "Technological Development Zone and CITIC Orbis.")
    names = [m for m in run(page)["platforms"]]
    assert names and all("CITIC" not in (p["partner"] or "") or p["partner"] == "CITIC Orbis" for p in names)
