"""Rules of the twenty-fourth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract.names import classify_name
from pipelines.reference import UniversityIndex
from tests.extract.page_facts import facts


def _pairs(rows: list[dict]) -> set[tuple[str, str]]:
    return {(a["university"], a["partner"]) for a in rows}


def test_a_legal_form_after_a_comma_closes_the_companys_name():
    # ", LLC" and ", S.A. de C.V." end the company's name; they are no signer of their own
    page = ("Clemson University signed a memorandum of understanding on Tuesday with Palmetto Battery Works, LLC, and "
            "the South Carolina Department of Commerce to train battery technicians.\n\n"
            "Universidad de Guadalajara signed a research agreement with Grupo Cementero del Pacífico, S.A. de C.V. "
            "on 9 April.\n")
    rows = facts(page, "agreements", url="https://news.clemson.edu/2024/x", published="2024-04-10")
    partners = {a["partner"] for a in rows}
    assert {"Palmetto Battery Works, LLC", "South Carolina Department of Commerce"} <= partners
    assert "Grupo Cementero del Pacífico, S.A. de C.V." in partners
    assert not partners & {"LLC", "S.A. de C.V."}


def test_an_agreement_between_a_list_of_parties_is_one_agreement_of_them_all():
    # "The agreement between A, B, C, D and E": the universities' pairs too (convention 2); a hospital trust is a
    # body of its own
    page = ("The agreement between the University of Bath, Bath Spa University, Bath and North East Somerset Council "
            "and the Royal United Hospitals Bath NHS Foundation Trust was signed at the Guildhall on Friday 8 March "
            "2024.\n")
    rows = facts(page, "agreements", url="https://www.bath.ac.uk/news/2024/x", published="2024-03-09")
    assert ("University of Bath", "Bath Spa University") in _pairs(rows)
    assert ("University of Bath", "Royal United Hospitals Bath NHS Foundation Trust") in _pairs(rows)
    assert ("Bath Spa University", "Royal United Hospitals Bath NHS Foundation Trust") in _pairs(rows)


def test_a_system_or_a_trust_is_an_organisation_that_signs():
    assert classify_name("Technical College System of Georgia") == "org"
    page = "Kennesaw State University signed an articulation agreement with the Technical College System of Georgia.\n"
    rows = facts(page, "agreements", url="https://www.kennesaw.edu/news/x", published="2024-04-10")
    assert [a["partner"] for a in rows] == ["Technical College System of Georgia"]


def test_a_university_by_its_current_official_name():
    # convention 6: TU Dresden's official English name since 2023; its older names still resolve to it
    index = UniversityIndex.default()
    for name in ("TU Dresden", "Dresden University of Technology", "TUD Dresden University of Technology"):
        assert index.by_name(name).name == "TUD Dresden University of Technology"
    assert index.by_name("HTW Dresden").name == "Dresden University of Applied Sciences"
