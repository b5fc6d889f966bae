"""Who may be a party, on sentences written for these tests: an institute of its own signs as a research
institute, a university's unit does not, and a platform "co-built by" a university and a zone is a platform,
not the co-construction of a university (convention 3 against convention 1)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.edu/news/story.html"):
    return extract_document(text, document_id="p", url=url, published="2024-09-20")


def test_an_institute_of_its_own_signs_as_a_research_institute():
    got = run("Orion University concluded a memorandum of understanding with the Korea Institute of Machinery "
              "and Materials on turbine materials on 12 September.")["agreements"]
    assert [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in got] == [
        ("Orion University", "Korea Institute of Machinery and Materials", "research_institute", "2024-09-12")]


def test_a_universitys_own_institute_is_no_party():
    got = run("The festival was one of the programs covered by the cooperation between Institute of Cultural "
              "Industry, Orion University and Dazhou City.")["agreements"]
    assert {a["partner"] for a in got} <= {"Dazhou City"}


def test_an_institute_to_be_built_is_no_party_of_the_signing():
    got = run("Orion University signed an agreement with Kaveri City to build the Kaveri Institute of Advanced "
              "Materials.")["agreements"]
    assert [a["partner"] for a in got] == ["Kaveri City"]


def test_platforms_co_built_by_a_university_and_a_zone_are_no_co_construction_of_a_university():
    doc = run("Among the platforms inaugurated last year were the Qingdao Institute of Marine Biomanufacturing, "
              "co-built by Orion University and the Qingdao West Coast New Area, and the Yantai Green Chemical "
              "Engineering Research Institute, co-built by Kaveri University and the Yantai Economic and "
              "Technological Development Zone.")
    assert doc["agreements"] == []
    assert {p["name"] for p in doc["platforms"]} == {"Qingdao Institute of Marine Biomanufacturing",
                                                     "Yantai Green Chemical Engineering Research Institute"}


def test_a_university_co_built_by_a_ministry_and_a_city_still_is():
    got = run("Orion University is co-built by the Ministry of Education and Kaveri City.")["agreements"]
    assert {(a["partner"], a["agreement_type"]) for a in got} == {
        ("Ministry of Education", "co_construction"), ("Kaveri City", "co_construction")}


def test_a_list_of_universities_the_brackets_broke_for_the_parser_are_all_parties():
    got = run("The Kerala government on Tuesday inked memoranda of understanding with the Indian Institute of "
              "Science (IISc), Visvesvaraya Technological University (VTU), Mangalore University and Orion "
              "University to set up centres.")["agreements"]
    assert {a["university"] for a in got} == {"Indian Institute of Science", "Visvesvaraya Technological University",
                                             "Mangalore University", "Orion University"}


def test_a_university_after_other_words_is_no_continuation_of_the_list():
    got = run("Orion University signed an agreement with Kaveri City, and the event was hosted at Mangalore "
              "University.")["agreements"]
    assert [(a["university"], a["partner"]) for a in got] == [("Orion University", "Kaveri City")]


def test_pacts_inked_with_several_partners_each_in_its_own_with_phrase():
    got = run("The three industry pacts were inked with Larsen & Toubro for joint research, with Godrej & Boyce for "
              "an apprenticeship programme, and with Mahindra & Mahindra, which will license a battery technology.",
              url="https://www.iitb.ac.in/news/1")["agreements"]
    assert {a["partner"] for a in got} == {"Larsen & Toubro", "Godrej & Boyce", "Mahindra & Mahindra"}


def test_an_mou_with_a_partner_signed_in_a_year_told_in_passing():
    got = run("The University's MoU with the Nairobi City County Government, signed in 2022, has so far enabled "
              "640 students to train.", url="https://www.uonbi.ac.ke/news/1")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Nairobi City County", "2022")]


def test_a_company_named_in_capitals_with_its_legal_form_is_a_company():
    got = run("Orion University and KAVERI MOTORS CORPORATION have extended their partnership agreement for a "
              "further five years.")["agreements"]
    assert [(a["partner"], a["partner_type"]) for a in got] == [("KAVERI MOTORS CORPORATION", "enterprise")]


def test_a_year_the_page_recalls_before_its_signing_leaves_the_page_one_signing():
    text = ("Orion University and Kaveri City Extend Cooperation Agreement\n\n"
            "Orion University and Kaveri City have extended their cooperation agreement until 2035. The new "
            "agreement was signed on 4 February 2025.\n\n"
            "In addition, a memorandum was signed between Orion University and the Ministry of Culture.\n\n"
            "At the same event, Orion University and Kaveri Motors Co., Ltd. renewed their framework agreement, "
            "which was first concluded in 2012, for another five years.")
    got = {a["partner"]: a["date"] for a in run(text)["agreements"] if a["date"] != "2012"}
    assert got["Ministry of Culture"] == "2025-02-04"


def test_what_an_agreement_is_for_gives_its_type():
    from pipelines.extract.agreements import agreement_type
    assert agreement_type("Kaveri Province and Orion University signed a four-party agreement to train process "
                          "engineers for the cluster.") == "talent_training"
    assert agreement_type("A collaboration agreement on developing semiconductor human resources was signed.") == \
        "talent_training"
    assert agreement_type("Orion University signed a double-degree agreement with Politecnico di Torino.") == \
        "talent_training"
    assert agreement_type("The agency and Orion University entered into an MoU to open a joint commercialization "
                          "office.") == "technology_transfer"
    assert agreement_type("Orion University signed an agreement with Kaveri City on water research.") == "other"
    assert agreement_type("Orion University signed a strategic cooperation agreement to train teachers.") == \
        "strategic_cooperation"


def test_a_renewal_recalling_its_first_signing_gives_both_rows():
    text = ("Orion University and Kaveri City extended their agreement. The new agreement was signed on 4 February "
            "2025. At the same event, Orion University and Kaveri Motors GmbH renewed their framework agreement on "
            "vehicle research, which was first concluded in 2012, for another five years. On 4 February 2025 "
            "Orion University also renewed its strategic cooperation agreement with the People's Government of "
            "Kuancheng District, first signed in 2019.")
    got = sorted((a["partner"], a["date"], a["partner_province"]) for a in run(text)["agreements"]
                 if a["partner"] != "Kaveri City")
    assert got == [("Kaveri Motors GmbH", "2012", None), ("Kaveri Motors GmbH", "2025-02-04", None),
                   ("Kuancheng District", "2019", None), ("Kuancheng District", "2025-02-04", None)]


def test_an_agreement_held_since_a_year_with_the_body_a_relative_clause_hangs_on():
    got = run("The Suzhou Municipal Government, with which Orion University has had a partnership agreement "
              "since 2022, will contribute 6 million yuan to equip the laboratory.")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Suzhou City", "2022")]


def test_signers_possessives_name_their_bodies_and_a_foreign_acronym_its_body():
    text = ("The Kaveri Research Foundation (FAPKR) and the pulp producer Solano have launched a centre hosted by "
            "Orion University.\n\nThe agreement creating the center was signed on June 3 by FAPKR's scientific "
            "director, Solano's vice-president for innovation and Orion University's rector.")
    out = extract_document(text, document_id="p", url="https://agencia.example.br/1", published="2025-06-05")
    got = {(a["university"], a["partner"], a["partner_type"]) for a in out["agreements"]}
    assert got == {("Orion University", "Kaveri Research Foundation", "other"),
                   ("Orion University", "Solano", "enterprise")}


def test_an_abbreviation_of_the_tail_of_a_name_stands_for_the_whole_name_and_uow_for_its_university():
    text = ("Westbrook State University signed an apprenticeship agreement in August with the Ohio Department of "
            "Labor and Economic Opportunity (LEO), which will register the program. In June 2024 UOW and "
            "Shoalhaven City Council signed a memorandum of understanding.")
    out = extract_document(text, document_id="p", url="https://www.uow.edu.au/news/1", published="2024-08-20")
    got = {(a["university"], a["partner"]) for a in out["agreements"]}
    assert ("Westbrook State University", "Ohio Department of Labor and Economic Opportunity") in got
    assert ("University of Wollongong", "Shoalhaven City") in got
