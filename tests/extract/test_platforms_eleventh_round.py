"""Platforms of the eleventh round; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_an_industrial_college_founded_by_two_sides_is_a_platform_not_a_co_construction():
    page = ("Carver Robotics Industrial College (CRIC) is a modern industrial college jointly founded by Carver "
            "University and Westbrook Motor Group. It opened in 2021.")
    got = run(page)
    assert got["agreements"] == []
    assert [(p["name"].split(" (")[0], p["platform_type"]) for p in got["platforms"]] == [
        ("Carver Robotics Industrial College", "college")]


def test_an_innovation_district_is_a_platform_not_a_government():
    page = ("Carver University and Hale County launched the Riverside Innovation District in April under a "
            "memorandum of understanding signed last fall.")
    got = run(page, published="2025-08-20")
    assert [(a["partner"], a["partner_type"]) for a in got["agreements"]] == [("Hale County", "county")]
    assert [(p["name"], p["platform_type"]) for p in got["platforms"]] == [
        ("Riverside Innovation District", "industrial_park")]


def test_colleges_run_with_partners_are_platforms_even_when_the_parse_reads_run_as_a_verb():
    page = ("Carver University runs eight industrial colleges. They enrolled 2,300 undergraduates, and two of them, the Future "
            "Automobile Industrial College run with Hale New Area and the Smart Farming Industrial College run with "
            "Westbrook Group, were named provincial key colleges.")
    got = run(page)
    assert {(p["name"], p["partner"]) for p in got["platforms"]} == {
        ("Future Automobile Industrial College", "Hale New Area"), ("Smart Farming Industrial College", "Westbrook Group")}
    assert (8, "platform") in {(c["quantity"], c["unit"]) for c in got["counts"]}


def test_a_planned_body_is_still_no_platform():
    page = "Carver University and Westbrook Group will discuss a proposed research institute in Hale."
    assert run(page)["platforms"] == []


def test_a_participle_after_an_approved_object_founds_it_with_its_agents():
    page = ("The Ministry of Education approved the Key Laboratory of Coastal Ecology, jointly built by Carver "
            "University and Hale Province.")
    got = run(page)["platforms"]
    assert [(p["name"], p["university"], p["partner"]) for p in got] == [
        ("Key Laboratory of Coastal Ecology", "Carver University", "Hale Province")]


def test_the_body_a_new_centre_is_housed_at_is_no_platform_set_up():
    page = ("On May 5, 2025, Carver University and Hale County signed a memorandum of understanding creating the Hale "
            "Water Learning Center, which will be housed at Carver's Hale Basin Research and Extension Center.")
    got = run(page)["platforms"]
    assert [p["name"] for p in got] == ["Hale Water Learning Center"]


@pytest.mark.parametrize("text, name, partner", [
    ("Carver Institute of Technology (CIT), Hale, inked a pact with Westbrook Group for a green hydrogen research "
     "lab, with the company putting up Rs 4 crore.", "green hydrogen research lab", "Westbrook Group"),
    ("Carver University and Westbrook Technologies exchanged agreements for a Centre for Invention and Training on "
     "the campus.", "Centre for Invention and Training", "Westbrook Technologies"),
])
def test_the_body_an_agreement_is_for_is_set_up_by_it(text, name, partner):
    got = run(text)["platforms"]
    assert [(p["name"], p["partner"]) for p in got] == [(name, partner)]


def test_a_body_an_agreement_without_a_university_is_for_is_no_platform():
    page = ("Carver University news. Separately, the state government signed an MoU with Westbrook Energy for a "
            "500 MW solar park.")
    assert run(page, url="https://www.example.edu/news/1")["platforms"] == []
