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
