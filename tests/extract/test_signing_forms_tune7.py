"""Signing forms, parties and list layouts met on the ninth round's blind pages (tune7), each rule on sentences
written for these tests."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_funding_deed_is_an_agreement():
    got = run("On May 5, 2025, the Government of Westbrook signed a $2 million funding deed with Carver University "
              "to set up a battery centre.")["agreements"]
    assert [(a["university"], a["agreement_type"]) for a in got] == [("Carver University", "joint_platform")]


def test_a_second_with_coordinated_after_a_purpose_is_a_second_partner():
    got = run("On May 5, 2025, Carver University entered into separate MoUs with Westbrook Municipal Corporation, for "
              "an urban data lab, and with Infosys, which will fund internships.")["agreements"]
    assert {a["partner"] for a in got} == {"Westbrook City", "Infosys"}
