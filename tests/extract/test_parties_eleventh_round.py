"""Agreements and parties of the eleventh round: multi-party sentences, names, places, agreement types, 'the university' and 'the two sides'; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


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


def test_a_university_jointly_built_by_two_governments_is_still_a_co_construction():
    page = "Carver University is jointly built by the Ministry of Education and Hale Province."
    got = run(page)["agreements"]
    assert {a["agreement_type"] for a in got} == {"co_construction"}


def test_a_title_joined_by_an_ampersand_is_no_party():
    page = ("Carver University, Hale City and Westbrook Motors concluded a partnership agreement on May 5, 2025. "
            "The agreement was signed by the President of Carver University, the Mayor of Hale and the President & "
            "CEO of Westbrook Motors.")
    got = run(page)["agreements"]
    assert all("CEO" not in a["partner"] for a in got)
    assert {a["partner"] for a in got} >= {"Hale City", "Westbrook Motors"}


def test_smart_city_is_an_idea_not_a_city():
    page = "On May 5, 2025, Carver University signed an MoU with the Hale Authority on Smart City research."
    got = run(page)["agreements"]
    assert all(a["partner"] != "Smart City" for a in got)


def test_a_first_nation_keeps_first_nation_in_its_name():
    page = "On May 5, 2025, Carver University signed a memorandum with the Hale Lake First Nation."
    got = run(page, url="https://www.carver.ca/news/2025/05/1.html")["agreements"]
    assert [a["partner"] for a in got] == ["Hale Lake First Nation"]


def test_a_place_tech_short_name_is_the_one_listed_institute_of_technology():
    page = "On May 5, 2025, Georgia Tech signed a research agreement with Westbrook Air Lines."
    got = run(page)["agreements"]
    assert [a["university"] for a in got] == ["Georgia Institute of Technology"]


def test_a_partnership_agreement_for_training_people_is_talent_training():
    from pipelines.extract.agreement_types import agreement_type
    assert agreement_type("concluded a comprehensive partnership agreement on the development of semiconductor "
                          "human resources") == "talent_training"
    assert agreement_type("signed a partnership agreement covering research and regional growth") == "strategic_cooperation"


def test_the_two_sides_after_a_joint_platforms_name_are_its_university_and_partner():
    page = ("Students visit the Hale Dairy training farm run by Westbrook Dairy. A technician works on a pilot line "
            "of the Carver University-Westbrook Joint Research Center for Dairy Probiotics in Hale County. The two "
            "sides signed an agreement in 2022 to set up the center.")
    got = run(page)["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Carver University", "Westbrook Dairy", "2022")]


def test_respectively_pairs_two_lists_in_order():
    page = ("On June 9, 2023, Hale City and Ashford City concluded framework agreements with Carver University and "
            "Westbrook University respectively.")
    got = run(page)["agreements"]
    assert {(a["university"], a["partner"]) for a in got} == {("Carver University", "Hale City"),
                                                            ("Westbrook University", "Ashford City")}


def test_a_city_municipality_administration_and_an_isle_council_are_their_places():
    page = ("On 12 August 2024 Carver University signed a partnership agreement with Hale City Municipality "
            "Administration. On 13 August 2024 Carver University signed an agreement with Isle of Ashford County "
            "Council.")
    got = run(page)["agreements"]
    assert {(a["partner"], a["partner_type"]) for a in got} == {("Hale City", "city"), ("Isle of Ashford County", "county")}


def test_the_government_of_the_state_of_x_is_the_state():
    page = "On May 5, 2025, Carver University and the Government of the State of Hale signed a general agreement."
    got = run(page)["agreements"]
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Hale", "province")]


def test_an_agreement_signed_with_a_city_on_a_universitys_page_is_the_universitys():
    page = ("Carver University news. A cooperation agreement signed with Hale City in May 2021 led to the Carver Hale "
            "Institute, which opened a year later.")
    got = run(page, url="https://www.example.edu/news/1")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [("Carver University", "Hale City", "2021-05")]


def test_the_university_on_a_citys_page_is_the_one_just_named():
    page = ("Researchers from Westbrook University inspect a tea base in Hale City. Three students from Carver University "
            "live in the village. The biggest body is the Carver University Hale Research Institute, opened in 2020. "
            "In March, the city and the university signed an agreement to expand it. Westbrook University has "
            "stationed 58 experts in Hale.")
    got = run(page, url="https://www.chinadaily.com.cn/a/202504/1.html", published="2025-04-10")["agreements"]
    assert [a["university"] for a in got] == ["Carver University"]


def test_a_university_name_does_not_swallow_a_company_after_and():
    page = ("The two platforms come from the strategic cooperation agreement signed by Carver University of "
            "Petroleum and Westbrook Group in October 2022.")
    got = run(page)["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Carver University of Petroleum", "Westbrook Group", "2022-10")]


def test_names_listed_after_companies_among_them_are_each_a_company():
    page = ("Carver University on Tuesday signed a consortium agreement with eight mining companies, among them "
            "Westbrook Resources, Hale Gold, Ashford and Norvale Business.")
    got = run(page)["agreements"]
    assert {(a["partner"], a["partner_type"]) for a in got} == {
        ("Westbrook Resources", "enterprise"), ("Hale Gold", "enterprise"), ("Ashford", "enterprise"),
        ("Norvale Business", "enterprise")}


def test_a_present_tense_signs_read_as_a_noun_is_still_a_signing_and_a_possessive_place_joins_a_zones_name():
    page = "2023\nCarver University signs with Hale's West Coast New Area to build the Carver Marine Institute."
    got = run(page)["agreements"]
    assert [(a["university"], a["partner"]) for a in got] == [("Carver University", "Hale West Coast New Area")]
