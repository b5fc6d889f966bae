"""Parties, money, counts and platforms of the thirteenth round; each rule on sentences written for these tests
(not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://news.westbrook-u.edu/2025/04/story", published="2025-04-20"):
    return extract_document(text, document_id="n", url=url, published=published)


def pairs(out):
    return sorted((a["university"], a["partner"]) for a in out["agreements"])


def test_a_dateline_of_a_city_and_its_state_names_no_party():
    page = ("Westbrook news\n\nHALE, Iowa – Westbrook University and the Orbis Economic Development Authority signed "
            "an agreement on Friday to build a pilot plant.")
    assert pairs(run(page)) == [("Westbrook University", "Orbis Economic Development Authority")]


def test_a_body_that_also_signed_the_agreement_in_a_relative_clause_is_a_party_of_the_pairs_date():
    page = ("Westbrook University and the Orbis Economic Development Authority signed an agreement on April 11 that "
            "creates a pilot plant. The Hale Corn Promotion Board, which also signed the agreement, will add $400,000 "
            "a year for five years.")
    got = sorted((a["partner"], a["date"]) for a in run(page)["agreements"])
    assert got == [("Hale Corn Promotion Board", "2025-04-11"), ("Orbis Economic Development Authority", "2025-04-11")]


def test_bodies_that_countersigned_the_agreement_are_parties():
    page = ("On March 3 Westbrook University and Orbis Motors signed a ten-year agreement on batteries. The agreement, "
            "which was countersigned by the Hale Commission for Higher Education and the Orbis Port Authority, "
            "creates 300 jobs.")
    assert [p for _, p in pairs(run(page))] == ["Hale Commission for Higher Education", "Orbis Motors",
                                                 "Orbis Port Authority"]


def test_a_body_that_did_not_sign_the_agreement_is_no_party():
    page = ("On March 3 Westbrook University and Orbis Motors signed a ten-year agreement on batteries. The Hale "
            "Regional Government, which did not sign the agreement, approved a grant for the plant.")
    assert [p for _, p in pairs(run(page))] == ["Orbis Motors"]


def test_the_body_a_forum_belongs_to_is_no_party():
    page = ("Westbrook University signed 28 cooperation agreements on Tuesday at a university-industry cooperation "
            "forum of the Hale-Orbis Economic Circle.")
    assert pairs(run(page)) == []


def test_a_place_joined_to_a_place_that_locates_is_no_party():
    page = ("Westbrook University signed 36 cooperation agreements with local governments in Hunan and Jiangxi "
            "during the year.")
    assert run(page)["agreements"] == []


def test_witnesses_in_attendance_are_no_parties():
    page = ("On May 6 Westbrook University and Orbis Motors signed a cooperation agreement, with Hunan Vice Governor "
            "Li Ming and the Changsha Municipal Government's Secretary-General in attendance.")
    assert pairs(run(page)) == [("Westbrook University", "Orbis Motors")]


def test_a_company_name_that_holds_and_is_one_name():
    # (the recogniser reads "Sinopec Northwest Oil" as a person: the name before "and" is still the company's)
    page = ("Westbrook University inked a technology cooperation agreement with Sinopec Northwest Oil and Gas Company "
            "on shale gas.")
    assert pairs(run(page)) == [("Westbrook University", "Sinopec Northwest Oil and Gas Company")]


def test_two_companies_joined_by_and_stay_two():
    page = "Westbrook University signed research agreements with Orbis Motors and Halemark Steel Company on May 6."
    assert pairs(run(page)) == [("Westbrook University", "Halemark Steel Company"), ("Westbrook University", "Orbis Motors")]


def test_an_official_named_before_his_body_is_no_part_of_its_name():
    page = ("Westbrook University President Chen Hao and Director Qu Ping of the Changsha High-tech Zone "
            "Administrative Committee signed the agreement on May 6.")
    assert [p for _, p in pairs(run(page))] == ["Changsha High-tech Zone"]


def test_a_pro_rector_for_a_portfolio_names_no_body():
    page = ("Westbrook University President Chen Hao and the Hale University Pro-Rector for Innovation Anna Berg signed "
            "the agreement on May 6.")
    assert "Innovation Anna Berg" not in [p for _, p in pairs(run(page))]


def test_sizes_assets_ceilings_and_requests_are_no_funding():
    for sentence in ("Hale's marine economy is worth more than 130 billion yuan a year.",
                     "Orbis Motors, which signed the agreement, has total assets of more than 2 trillion yuan.",
                     "Funding per centre is capped at SEK 10 million a year.",
                     "Westbrook University asked lawmakers on Monday for $12 million over the next two years."):
        assert run(sentence)["funding"] == [], sentence


def test_a_request_to_start_an_institute_sets_none_up():
    page = ("Westbrook University asked lawmakers on Monday for $12 million to start a Hale Agricultural Technology "
            "Institute in Orbis.")
    assert run(page)["platforms"] == []


def test_what_a_plan_calls_for_is_no_count_but_what_it_did_is():
    assert run("The plan calls for 25 industry partners and 300 trained technicians within five years.")["counts"] == []
    got = run("Since 2015 the plan supported 2,400 students from rural areas to enter Westbrook University.")["counts"]
    assert [c["quantity"] for c in got] == [2400]


def test_a_participle_after_a_name_founds_it_with_its_partner():
    page = ("Westbrook University news\n\nIn May, the Hale Smart Transport Research Institute co-built with the "
            "Hale District Government was unveiled. In October, the Orbis Waterway Technology Center jointly built "
            "with Orbis Port Group started operation.")
    got = sorted((p["name"], p["partner"], p["date"]) for p in run(page, published="2025-01-10")["platforms"])
    assert got == [("Hale Smart Transport Research Institute", "Hale District", "2024-05"),
                   ("Orbis Waterway Technology Center", "Orbis Port Group", "2024-10")]
