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


def test_a_row_of_the_universitys_partner_list_is_an_agreement_each_year_it_was_signed_or_renewed():
    page = ("Research partnerships\n"
            "Below are our largest partnerships.\n"
            "Carver Foods Ltd. (since 2011) - Research agreement renewed in 2021; funds a chair in grain science.\n"
            "City of Westbrook - Memorandum of understanding on flood research, 2017 (renewed 2023).\n"
            "Westbrook Tribal Council - Partnership agreement on community health, 2016.\n"
            "Westbrook Wheat Growers - Partner in our field station since 2015.\n"
            "CE Report - MoU with the city, item 12.\n")
    got = run(page, url="https://research.usask.ca/our-partners.php")["agreements"]
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Carver Foods Ltd", "2011"), ("Carver Foods Ltd", "2021"), ("Westbrook City", "2017"),
        ("Westbrook City", "2023"), ("Westbrook Tribal Council", "2016")]
    assert {a["university"] for a in got} == {"University of Saskatchewan"}


def test_the_relative_pronoun_that_signed_is_the_name_its_clause_hangs_on():
    got = run("Ivy Tech Community College, which signed a companion memorandum with Purdue University in August, "
              "will run the technician pathway.")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Ivy Tech Community College", "Purdue University", "2024-08")]  # (the August before the page)


NEWS_ROLL = ("International News\n"
             "[2024-12-06] Carver University and University of Birmingham renew joint PhD agreement\n"
             "On December 3 in Birmingham, Carver University and the University of Birmingham renewed their "
             "agreement on jointly supervised doctoral training.\n"
             "More >>\n"
             "[2024-11-08] Rail institute to train engineers\n"
             "Carver University and Westbrook Polytechnic University signed an agreement in Bangkok on November 6 to "
             "found a rail institute.\n")


def test_an_undated_pages_news_roll_dates_each_item_by_its_stamp_and_the_story_beats_its_headline():
    got = extract_document(NEWS_ROLL, document_id="roll", url="https://international.example.edu.cn/news.htm")
    assert sorted((a["partner"], a["date"]) for a in got["agreements"]) == [
        ("University of Birmingham", "2024-12-03"), ("Westbrook Polytechnic University", "2024-11-06")]


def pairs(text, **kw):
    return sorted((a["university"], a["partner"], a["partner_type"], a["date"]) for a in run(text, **kw)["agreements"])


def test_the_pages_own_abbreviation_beats_the_tables():
    got = pairs("Chonnam National University (CNU) held a ceremony on May 5, 2025. CNU signed an MoU with Carver "
                "Motors Ltd. on May 5, 2025.", url="https://www.jnu.ac.kr/news/1")
    assert {u for u, *_ in got} == {"Chonnam National University"}


def test_a_metropolitan_municipality_and_a_county_board_are_their_place():
    assert pairs("The University of Johannesburg and the City of Johannesburg Metropolitan Municipality signed an "
                 "MoU on May 5, 2025.") == [("University of Johannesburg", "Johannesburg City", "city", "2025-05-05")]
    assert pairs("On May 5, 2025, the memorandum was signed by Michigan State University and the Ingham County Board "
                 "of Commissioners.") == [("Michigan State University", "Ingham County", "county", "2025-05-05")]


def test_a_portfolio_after_head_of_is_no_party_and_the_same_ceremony_is_its_day():
    text = ("On May 5, 2025, Carver University signed an MoU with Westbrook Energy Ltd. The MoU was signed by "
            "Westbrook Energy's Head of Integrated Urban Solutions. At the same ceremony, Carver University and "
            "Westbrook Energy Ltd. renewed the agreement for their joint lab, first set up in 2021.")
    got = pairs(text)
    assert all("Integrated" not in p for _, p, _, _ in got)
    assert ("Carver University", "Westbrook Energy Ltd", "enterprise", "2021") not in got


def test_a_place_that_says_which_of_many_bodies_is_no_party():
    assert pairs("Since 2019, Nanchang University has signed cooperation agreements with all 11 prefecture-level "
                 "cities of Jiangxi.") == []
    assert pairs("Michigan State University Extension has signed energy-planning agreements with 19 Michigan counties "
                 "since 2020.") == []
    # a list's level word said once for all, and the definite plural that names each, are parties
    assert {p for _, p, _, _ in pairs("On May 5, 2025, Xiangtan University signed agreements with the counties of "
                                      "Guxian, Tianzhen and Yonghe.")} == {"Guxian County", "Tianzhen County", "Yonghe County"}


def test_a_newsletters_issue_month_dates_its_days_and_a_renewal_after_its_first_signing():
    page = ("ZZU NEWSLETTER                 No. 4, November 2023\n"
            "PARTNERSHIPS IN BRIEF\n"
            "Carver University and the Westbrook Academy of Sciences renewed their strategic cooperation agreement, "
            "first signed in 2020, on 2 November, and set up a joint center on the same day.\n")
    got = extract_document(page, document_id="nl", url="https://www.example.edu.cn/newsletter.pdf")
    assert sorted(a["date"] for a in got["agreements"]) == ["2020", "2023-11-02"]


def test_a_companys_short_name_after_its_place_is_its_full_name():
    text = ("Carver University and Chongqing Changan Automobile Co., Ltd. (Changan Automobile) signed a technology "
            "agreement on November 6, 2024. The two sides have set up three joint laboratories since Carver University "
            "and Changan Automobile concluded a strategic cooperation agreement in 2015.")
    assert {p for _, p, _, _ in pairs(text)} == {"Chongqing Changan Automobile Co., Ltd."}


def test_a_fields_initials_are_no_party():
    got = pairs("Carver University signed an MoA with Westbrook City on May 5, 2025 on semiconductor and AI human "
                "resources.")
    assert [p for _, p, _, _ in got] == ["Westbrook City"]


def test_a_clause_after_a_semicolon_with_its_own_verb_names_no_party_of_the_signing():
    assert pairs("On May 5, 2025, the Westbrook agreement of Carver University was renewed for five years; a "
                 "delegation from Sichuan Province visited Carver University to explore cooperation.") == []
    # a list's parts have no verb of their own and stay parties
    got = pairs("On May 5, 2025, Carver University signed agreements with Westbrook City; Ningbo City; and Hefei City.")
    assert {p for _, p, _, _ in got} == {"Westbrook City", "Ningbo City", "Hefei City"}


def test_a_partner_rows_since_and_renewed_years_are_read_past_the_dates_preposition():
    page = ("Our partners\n"
            "• Carver Lifts – strategic partnership agreement since 2014, renewed in 2024; co-funds a professorship\n")
    got = run(page, url="https://research.usask.ca/our-partners.php")["agreements"]
    assert sorted(a["date"] for a in got) == ["2014", "2024"]
