"""University names met on the tenth round's pages (tune8, tune9): a name whose "of" part lists fields with
commas, a campus written with its family's abbreviation in brackets, a university's name in brackets that the
page uses afterwards, and an abbreviation defined right after another sentence. Each rule on sentences written
for these tests."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.doc_context import _own_sentence
from pipelines.extract.lexicon import generic_universities


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_university_whose_of_part_lists_fields_keeps_its_commas():
    s = "She thanked the Westbrook University of Marine Sciences, Fisheries and Technology for its help."
    assert [s[a:b] for a, b in generic_universities(s)] == [
        "Westbrook University of Marine Sciences, Fisheries and Technology"]


def test_a_list_of_universities_is_not_one_name():
    s = "the University of Westbrook, Carver University and Hale University signed the charter."
    assert [s[a:b] for a, b in generic_universities(s)] == [
        "University of Westbrook", "Carver University", "Hale University"]


def test_a_university_with_fields_signs_whole():
    got = run("On May 5, 2025, the Westbrook State government signed an MoU with the Westbrook University of "
              "Digital Sciences, Innovation and Technology for an AI centre.")["agreements"]
    assert {a["university"] for a in got} == {"Westbrook University of Digital Sciences, Innovation and Technology"}


def test_a_campus_with_the_familys_abbreviation_in_brackets_is_one_university():
    got = run("On May 5, 2025, the Indian Institute of Technology (IIT) Palakkad signed an MoU with the Kerala "
              "government on chip design.")["agreements"]
    assert [a["university"] for a in got] == ["Indian Institute of Technology Palakkad"]


def test_a_universitys_name_in_brackets_is_how_the_page_calls_it_again():
    got = run("On May 5, 2025, the State government signed an MoU with the Westbrook University of Digital Sciences, "
              "Innovation and Technology (Digital University Westbrook) for an AI centre. At the same function, "
              "Infosys signed an MoU with Digital University Westbrook on internships.")["agreements"]
    assert {a["university"] for a in got} == {"Westbrook University of Digital Sciences, Innovation and Technology"}
    assert "Infosys" in {a["partner"] for a in got}


def test_an_abbreviation_is_defined_by_its_own_sentence():
    assert _own_sentence("Maharashtra agreed on Monday. The Carver Institute of Technology") == \
        "The Carver Institute of Technology"
    assert _own_sentence("Westbrook Machinery Co. Ltd. and the Carver Institute") == \
        "Westbrook Machinery Co. Ltd. and the Carver Institute"
    got = run("Maharashtra agreed on Monday. The Carver Institute of Technology (CIT) signed an MoU with Maharashtra "
              "on May 5, 2025. CIT will train 300 engineers.")["agreements"]
    assert {a["university"] for a in got} == {"Carver Institute of Technology"}


def test_an_autonomous_prefecture_after_the_is_a_place():
    got = run("The Yanbian Korean Autonomous Prefecture signed a framework agreement with Carver University on "
              "May 5, 2025.")["agreements"]
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Yanbian Prefecture", "prefecture")]


def test_a_founders_possessive_opens_a_universitys_name():
    got = run("On May 5, 2025, Westbrook City signed an agreement with King Carver's University of Technology "
              "Hale on water research.")["agreements"]
    assert [a["university"] for a in got] == ["King Carver's University of Technology Hale"]


def test_a_companys_ordinal_after_a_place_is_part_of_its_name():
    got = run("On May 5, 2025, Carver University signed an agreement with Inner Mongolia First Machinery Group "
              "Co., Ltd. on training engineers.")["agreements"]
    assert [a["partner"] for a in got] == ["Inner Mongolia First Machinery Group Co., Ltd."]


def test_rows_under_a_signing_lead_are_agreements_of_the_schools_university():
    page = ("On May 20, 2025, Carver University signed a strategic cooperation agreement with Hale City.\n"
            "That afternoon, deans signed agreements with Hale enterprises on behalf of their schools:\n"
            "- School of Metallurgy with Hale Steel Union Co., Ltd., on hydrogen-based ironmaking;\n"
            "- School of Materials with Hale Rare Earth (Group) High-Tech Co., Ltd., on magnets;\n"
            "- School of Mechanical Engineering with Hale First Machinery Group Co., Ltd., on training engineers.\n"
            "The two sides will meet again next year.")
    got = run(page, url="https://en.carver.edu.cn/news/2025/0522/1.htm")["agreements"]
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Hale City", "2025-05-20"), ("Hale First Machinery Group Co., Ltd.", "2025-05-20"),
        ("Hale Rare Earth (Group) High-Tech Co., Ltd.", "2025-05-20"), ("Hale Steel Union Co., Ltd.", "2025-05-20")]
    assert {a["university"] for a in got} == {"Carver University"}


def test_rows_without_a_signing_lead_are_no_agreements():
    page = ("Carver University has many strengths:\n"
            "- School of Metallurgy with Hale Steel Union Co., Ltd., on hydrogen-based ironmaking;\n")
    assert run(page, url="https://en.carver.edu.cn/news/2025/0522/1.htm")["agreements"] == []


def test_a_document_titled_after_a_university_word_is_no_university():
    page = "Westbrook's universities and city council sign Civic University Agreement"
    assert run(page, url="https://www.example.ac.uk/news/2025/03/1.html")["agreements"] == []


def test_a_schools_of_part_lists_its_subjects():
    got = run("Carver University held a ceremony. On May 5, 2025, the School of Resources, Environment and Materials "
              "signed a technical service "
              "contract with Westbrook Aluminium Co., Ltd. on red mud.", url="https://www.carver.edu.cn/info/1.htm")
    assert [a["partner"] for a in got["agreements"]] == ["Westbrook Aluminium Co., Ltd."]


def test_a_board_named_by_the_entity_recogniser_still_acts_for_its_body():
    page = ("The Province of Westbrook and Carver University (CU) have renewed their partnership agreement. On "
            "Thursday 10 April 2025, the President of CU's Executive Board and a member of the Provincial Executive "
            "signed the renewed agreement.")
    got = run(page, url="https://www.carver.nl/en/news/2025/4/1.html")["agreements"]
    assert {a["partner"] for a in got} <= {"Westbrook Province", "Westbrook"}


def test_a_countrys_possessive_is_no_part_of_a_universitys_name():
    got = run("In June 2025, Carver University, Vietnam's Hanoi University of Science and Technology and Westbrook "
              "Copper Co., Ltd. concluded a tripartite agreement to jointly train engineers.")["agreements"]
    names = {a["university"] for a in got} | {a["partner"] for a in got}
    assert "Hanoi University of Science and Technology" in names
    assert not any("Vietnam's" in n for n in names)


def test_a_companys_legal_form_after_corp_or_a_comma_stays_in_its_name():
    got = run("On May 5, 2025, Carver University signed cooperation agreements respectively with Westbrook Automobile "
              "Group Corp., Ltd. on chassis control, Hale Metals Group Holding Co., Ltd. on copper, and Dunmore "
              "Provincial Energy Group Co., Ltd. on power.")["agreements"]
    assert sorted(a["partner"] for a in got) == [
        "Dunmore Provincial Energy Group Co., Ltd.", "Hale Metals Group Holding Co., Ltd.",
        "Westbrook Automobile Group Corp., Ltd."]


def test_an_agencys_for_part_lists_its_fields():
    got = run("The funding deed between the Department for Industry, Innovation and Science and Carver University "
              "was signed on May 5, 2025.")["agreements"]
    assert [a["partner"] for a in got] == ["Department for Industry, Innovation and Science"]


def test_a_universitys_board_acting_on_behalf_of_another_university_is_no_party():
    got = run("The University of Westbrook Board of Regents on Friday approved a cooperative agreement on behalf of "
              "Carver University with the Westbrook Department of Environment and Hale County.",
              url="https://westbrook.edu/news/2025/1.html", published="2025-06-16")["agreements"]
    assert {a["university"] for a in got} == {"Carver University"}


def test_a_label_run_into_a_universitys_name_is_cut_at_the():
    s = "Comunicaciones The University of Carver (UdeC), the Ministry of Energy and Hale signed an agreement."
    assert [s[a:b] for a, b in generic_universities(s)] == ["The University of Carver"]
