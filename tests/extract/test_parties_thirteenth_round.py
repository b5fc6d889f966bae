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


def test_a_cosigner_told_after_a_sentence_on_the_money_still_joins_the_agreement_and_gives_its_money():
    page = ("Westbrook University and the Orbis Economic Development Authority signed an agreement on April 11 that "
            "creates a pilot plant. Under the agreement, the authority will provide $21 million and Westbrook "
            "University will put in $6.5 million. The Hale Corn Promotion Board, which also signed the agreement, will "
            "add $400,000 a year for five years.")
    out = run(page)
    assert ("Hale Corn Promotion Board", "2025-04-11") in [(a["partner"], a["date"]) for a in out["agreements"]]
    assert (400000, "year", "Hale Corn Promotion Board") in [(f["amount"], f["per"], f["funder"]) for f in out["funding"]]


RECORDS = ("Orbis Innovation Agency\n\nSEK 60 million for two new competence centres\n\nPublished 2 October 2025\n\n"
           "The agency is granting SEK 60 million to two new competence centres. The decision was made on 30 "
           "September.\n\n"
           "Centre: FerroLab - Competence Centre for Green Steel\nHost: Chalmers University of Technology\n"
           "Partners: 12\nFunding: SEK 30 million\n\n"
           "Centre: Forest Machines\nHost: Linköping University, with Uppsala University as co-host\nPartners: 8\n")


def test_records_of_a_centre_and_its_host_are_platforms_of_the_host():
    got = sorted((p["name"], p["university"], p["partner"], p["platform_type"])
                 for p in run(RECORDS, url="https://www.orbis-agency.se/en/news/1", published="2025-10-02")["platforms"])
    assert got == [("FerroLab - Competence Centre for Green Steel", "Chalmers University of Technology", None, "center"),
                   ("Forest Machines", "Linköping University", "Uppsala University", "center")]


def test_a_host_line_without_a_record_before_it_is_no_platform():
    page = "Our visiting scholars\n\nHost: Chalmers University of Technology\nDuration: six months\n"
    assert run(page, url="https://www.orbis-agency.se/en/news/2")["platforms"] == []


def test_an_earlier_figure_in_brackets_is_a_count_of_the_same_unit():
    page = "At 31 December 2024 Westbrook University had 34 joint laboratories with companies (31 in 2023)."
    assert sorted((c["quantity"], c["unit"]) for c in run(page)["counts"]) == [(31, "platform"), (34, "platform")]


def test_a_places_industrial_colleges_and_the_companies_involved_are_counts():
    page = ("Hale now has 41 municipal-level industrial colleges at 27 universities, with 386 companies involved in "
            "designing courses.")
    got = sorted((c["quantity"], c["unit"]) for c in run(page, url="https://www.haledaily.cn/news/1")["counts"])
    assert got == [(27, "university"), (41, "platform"), (386, "enterprise")]


def test_a_zones_investment_agreements_with_companies_are_no_count():
    page = "On the same day, the Hale High-tech Zone signed investment agreements with two new-material companies."
    assert run(page, url="https://www.haledaily.cn/news/1")["counts"] == []


ORDINALS = ("Hale State Government press note\n\n"
            "In the presence of the Chief Minister, the Government of Andhra Pradesh signed two Memoranda of "
            "Understanding at the Secretariat on Thursday.\n\n"
            "The first MoU, with Andhra University, provides for a Centre of Excellence in Drones.\n\n"
            "Under the second MoU, Sri Venkateswara University will set up a skilling hub with the State.")


def test_the_first_and_second_of_a_bodys_signed_agreements_are_agreements_with_the_party_each_names():
    got = sorted((a["university"], a["partner"], a["date"])
                 for a in run(ORDINALS, url="https://www.hale.gov.in/press/1", published="2025-02-14")["agreements"])
    assert got == [("Andhra University", "Andhra Pradesh", "2025-02"),
                   ("Sri Venkateswara University", "Andhra Pradesh", "2025-02")]


def test_an_ordinal_agreement_far_from_a_counted_signing_is_no_row():
    page = ("The Government of Andhra Pradesh signed two Memoranda of Understanding on Thursday.\n\n"
            + "The weather was fine.\n\n" * 5 + "The first MoU, with Andhra University, was praised by all.")
    assert run(page, url="https://www.hale.gov.in/press/1", published="2025-02-14")["agreements"] == []


def test_an_undated_signing_of_the_page_is_not_merged_into_the_pairs_earlier_signing():
    from pipelines.extract.agreement_merge import merge
    from pipelines.extract.text import Sentence

    def row(date, text):
        return {"university": "Westbrook University", "partner": "Hale City", "date": date,
                "date_precision": "year" if date else None, "_enumerated": False,
                "_ev": Sentence(0, len(text), text, text, 0)}

    undated = row(None, "Westbrook University and the City of Hale have signed a 10-year agreement.")
    earlier = row("2018", "In 2018 the city and Westbrook University signed a memorandum.")
    assert [f["date"] for f in merge([undated, earlier], False, ("2025-05-13", "day"))] == [None, "2018"]
    # (the page's signing unknown, or a relationship the undated row only recalls: one row, the dated one)
    assert [f["date"] for f in merge([undated, earlier], False, None)] == ["2018"]
    standing = row(None, "The memorandum builds on a long relationship between the two.")
    assert [f["date"] for f in merge([standing, earlier], False, ("2025-05-13", "day"))] == ["2018"]


def test_a_standing_relationship_still_merges_into_the_pairs_dated_agreement():
    page = ("In 2019 Westbrook University and the City of Hale signed a memorandum on water research.\n\n"
            "On May 13 the city signed a contract with Orbis Motors.\n\n"
            "The memorandum builds on a long relationship between Westbrook University and the city.")
    got = [(a["partner"], a["date"]) for a in run(page, published="2025-05-15")["agreements"]
           if a["university"] == "Westbrook University"]
    assert got == [("Hale City", "2019")]


def test_officials_of_bodies_sign_for_their_bodies_and_a_region_is_a_party():
    page = ("On 18 February 2025, the Rector of Westbrook University and the Marshal of the Halemark Region signed an "
            "agreement on cooperation in energy.")
    got = [(a["university"], a["partner"], a["partner_type"]) for a in run(page)["agreements"]]
    assert got == [("Westbrook University", "Halemark Region", "province")]


def test_the_autonomous_region_alone_is_no_party():
    page = ("Since the Autonomous Region and the Ministry of Natural Resources signed the agreement on jointly "
            "building Westbrook University in 2021, the region has allocated 50 million yuan a year.")
    assert "Autonomous Region" not in [a["partner"] for a in run(page)["agreements"]]


def test_a_short_form_of_the_pages_own_university_is_that_university():
    page = ("AGH University and the Halemark Region sign cooperation agreement\n\n"
            "On 18 February 2025, the Rector of AGH University of Krakow and the Marshal of the Halemark Region signed "
            "an agreement on cooperation in energy.")
    got = {a["university"] for a in run(page, url="https://www.agh.edu.pl/en/news/1", published="2025-02-19")["agreements"]}
    assert got == {"AGH University of Krakow"}


def test_a_short_form_that_is_a_university_of_its_own_stays_that_university():
    from pipelines.extract.context import _short_own
    assert _short_own("AGH University", "AGH University of Krakow")
    assert not _short_own("Shanghai University", "Shanghai University of Engineering Science")


def test_rows_under_a_heading_of_targets_are_no_facts():
    page = ("Westbrook University fact sheet\n\nKEY FIGURES\n• 23 cooperation agreements signed with enterprises\n\n"
            "TARGETS FOR 2025\n• 25 new agreements and 10 new joint platforms\n"
            "• Research contracts with enterprises of 1.3 billion yuan\n\n"
            "CONTACT\n• 12 staff in the cooperation office answer 40 calls a day\n")
    out = run(page)
    assert [c["quantity"] for c in out["counts"] if c["quantity"] in (23, 25, 10)] == [23]
    assert out["funding"] == []


def test_a_figure_of_the_year_before_and_the_total_a_figure_brings_are_counts():
    page = ("Westbrook University fact sheet\n\n"
            "• 23 cooperation agreements signed with local governments and enterprises (2023: 17)\n"
            "• 8 new joint platforms, bringing the total to 64\n")
    got = sorted((c["quantity"], c["unit"]) for c in run(page)["counts"])
    assert got == [(8, "platform"), (17, "agreement"), (23, "agreement"), (64, "platform")]


def test_talks_on_building_and_a_letter_of_intent_set_up_no_platform():
    for sentence in ("The two sides held talks on building an industrial technology research institute in Hale.",
                     "On the same day, Westbrook University and Orbis Energia signed a letter of intent regarding the "
                     "establishment of an energy storage laboratory at the Faculty of Energy."):
        assert run(sentence)["platforms"] == [], sentence


def test_a_companys_own_research_spending_and_staff_are_no_facts():
    out = run("In 2024, Orbis's R&D investment reached RMB 3.1 billion and its R&D team exceeded 5,000 engineers.")
    assert out["funding"] == [] and out["counts"] == []


def test_a_team_of_researchers_working_with_partners_is_still_a_count():
    out = run("Westbrook University and Orbis Motors set up a joint team of 30 researchers in 2024.")
    assert [c["quantity"] for c in out["counts"]] == [30]


def test_telephone_numbers_are_no_counts():
    for line in ("Westbrook University, Hale Pool, LN6 7TS | Press office: 01522 886244",
                 "Contact: Office of Cooperation | Tel: 020-3932 2135"):
        assert run(line)["counts"] == [], line


def test_each_party_takes_its_own_month_past_a_place_that_locates_it():
    page = ("Westbrook University signed strategic cooperation agreements with the People's Government of Hale City in "
            "April and the People's Government of Orbis District of Guilin in November.")
    got = sorted((a["partner"], a["date"]) for a in run(page, published="2025-01-20")["agreements"])
    assert got == [("Hale City", "2024-04"), ("Orbis District", "2024-11")]


def test_an_agreement_named_like_a_body_is_no_party_and_its_with_phrase_names_one():
    page = ("Westbrook University marked its first Partnership Day on Wednesday 11 June by signing memoranda of "
            "understanding with Hale County Council and the Environment Agency, and a Knowledge Transfer Partnership "
            "(KTP) with Orbis Energy.")
    assert [p for _, p in pairs(run(page, published="2025-06-12"))] == ["Environment Agency", "Hale County",
                                                                        "Orbis Energy"]


def test_memoranda_signed_alongside_an_agreement_have_their_own_parties():
    page = ("Westbrook University has signed a five-year Master Research Agreement (MRA) with rail operator Orbis, "
            "alongside memoranda of understanding with the Hale Department of Transport and Hale City Council.")
    assert [p for _, p in pairs(run(page))] == ["Hale City", "Hale Department of Transport", "Orbis"]


def test_the_agreement_was_signed_on_a_day_dates_the_agreement_just_told():
    page = ("Hale, 28th August 2025: Westbrook University has entered into a Memorandum of Agreement (MoA) with Orbis "
            "Medical Center for setting up a cancer imaging centre.\n\n"
            "The MoA was signed on 26th August by the Dean and the Director of Orbis Medical Center.")
    got = [(a["partner"], a["date"]) for a in run(page, published="2025-08-28")["agreements"]]
    assert got == [("Orbis Medical Center", "2025-08-26")]


def test_a_bare_place_after_a_body_and_a_comma_locates_it():
    # (the page names the city's government too, so that "Kolkata" is a place the page knows)
    page = ("Westbrook University has entered into a Memorandum of Agreement with Orbis Medical Center, Kolkata for "
            "setting up a cancer imaging centre.\n\nOn the same day Westbrook University signed a memorandum of understanding with "
            "the Kolkata Municipal Corporation on flood mapping.")
    first = [a["partner"] for a in run(page)["agreements"] if a["evidence_start"] == 0]
    assert first == ["Orbis Medical Center"]


def test_a_place_in_a_list_of_parties_stays_a_party():
    page = "Westbrook University signed agreements with Orbis Motors, Kolkata City and Hale Steel on May 6."
    assert "Kolkata City" in [p for _, p in pairs(run(page))]
