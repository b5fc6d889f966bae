"""Rules of the nineteenth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document


def facts(text: str, kind: str, url: str = "https://en.example.edu.cn/news/1.html", published: str = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


UNI_URL = "https://en.ysu.edu.cn/info/1012/5531.htm"  # Yanshan University's own site


def test_a_table_of_contracts_with_a_partners_column_gives_one_agreement_and_one_payer_per_row():
    page = ("News\n\nIn 2023, our school signed 96 horizontal research contracts. The major ones are as follows:\n\n"
            "No.\tProject name\tCooperative unit\tContract amount (10,000 yuan)\n"
            "1\tIntelligent rolling line control\tTangshan Iron and Steel Group Co., Ltd.\t420\n"
            "2\tBearing fatigue test platform\tWafangdian Bearing Co., Ltd.\t150\n")
    got = facts(page, "agreements", url=UNI_URL)
    assert sorted((a["university"], a["partner"], a["agreement_type"], a["date"]) for a in got) == [
        ("Yanshan University", "Tangshan Iron and Steel Group Co., Ltd.", "industry_university_research", "2023"),
        ("Yanshan University", "Wafangdian Bearing Co., Ltd.", "industry_university_research", "2023")]
    money = facts(page, "funding", url=UNI_URL)
    assert sorted((f["amount"], f["funder"], f["recipient"]) for f in money) == [
        (1_500_000, "Wafangdian Bearing Co., Ltd.", "Yanshan University"),
        (4_200_000, "Tangshan Iron and Steel Group Co., Ltd.", "Yanshan University")]
    # (a table of funds with no partners' column is no table of contracts: no agreement)
    plain = ("News\n\nProject\tFunding (10,000 yuan)\nIntelligent rolling line control\t420\n"
             "Bearing fatigue test platform\t150\n")
    assert facts(plain, "agreements", url=UNI_URL) == []


def test_a_zone_whose_name_holds_economic_and_technological_is_one_body():
    page = ("News\n\nOn May 8, Anhui University signed an agreement with the Management Committee of Wuhu Economic and "
            "Technological Development Zone.")
    got = facts(page, "agreements")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in got] == [
        ("Anhui University", "Wuhu Economic and Technological Development Zone", "development_zone")]
    # (two whole bodies joined by "and" are still two)
    two = "News\n\nOn May 8, the Ministry of Education and Anhui Province signed an agreement to co-build Anhui University."
    assert sorted(a["partner"] for a in facts(two, "agreements")) == ["Anhui Province", "Ministry of Education"]


def test_the_company_described_by_a_common_noun_is_the_one_company_the_page_named():
    page = ("News\n\nA battery consortium led by Hefei University of Technology and Anhui Conch Group Co., Ltd. was "
            "launched on Monday. The university and the cement company signed an agreement on the same day to lead "
            "it jointly.")
    got = facts(page, "agreements")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in got] == [
        ("Hefei University of Technology", "Anhui Conch Group Co., Ltd.", "enterprise")]
    # (two companies named before: "the company" says which of them no more)
    two = ("News\n\nAnhui Conch Group Co., Ltd. and Chery Automobile Co., Ltd. joined a consortium on Monday. "
           "Hefei University of Technology and the company signed an agreement on the same day.")
    assert facts(two, "agreements") == []


def test_a_company_named_in_full_and_by_its_first_word_is_one_partner():
    page = ("News\n\nKnorr-Bremse Asia Pacific and Tongji University signed a cooperation agreement on May 3 to set up "
            "a joint laboratory for rail brakes. Under the agreement, Knorr-Bremse will invest EUR 2 million in the "
            "laboratory.")
    got = facts(page, "agreements", published="2024-05-10")
    assert [(a["partner"], a["date"]) for a in got] == [("Knorr-Bremse Asia Pacific", "2024-05-03")]


def test_a_government_is_no_short_form_of_its_own_bureau():
    page = ("News\n\nOn May 3, Shenzhen University signed an agreement with Nanshan District. On the same day it signed "
            "an agreement with Nanshan District Science and Technology Bureau.")
    got = facts(page, "agreements")
    assert sorted(a["partner"] for a in got) == ["Nanshan District", "Nanshan District Science and Technology Bureau"]


def test_an_indigenous_government_is_a_party():
    page = ("News\n\nThe Confederated Tribes of the Umatilla Indian Reservation signed a memorandum of agreement with "
            "Oregon State University on March 4.")
    got = facts(page, "agreements", url="https://today.oregonstate.edu/news/1")
    assert [(a["university"], a["partner"]) for a in got] == [
        ("Oregon State University", "Confederated Tribes of the Umatilla Indian Reservation")]


def test_a_title_that_ends_on_the_sites_university_names_the_pages_own_university():
    page = "News\n\nOn June 17, our school and Qujing Municipal People's Government signed a supplementary agreement."
    got = extract_document(page, document_id="p", url="https://www.example.edu.cn/en/coop.htm", published="2024-08-01",
                           title="School-local Cooperation-Yunnan University")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [("Yunnan University", "Qujing City", "2024-06-17")]
    # (a title that only tells of a university's news names no site: "our school" stays unknown)
    other = extract_document(page, document_id="p", url="https://www.example.edu.cn/en/coop.htm", published="2024-08-01",
                             title="Qujing signs with Yunnan University")["agreements"]
    assert other == []


def test_a_timeline_row_opening_with_year_dot_month_is_dated_by_it():
    page = ("About us\n\n2013.05 Nanjing University and Wujin District signed the agreement on co-building the "
            "research center.\n2016.09 The center moved into its new building.")
    got = facts(page, "agreements", url="https://www.nju.edu.cn/en/about.htm")
    assert [(a["partner"], a["date"], a["date_precision"]) for a in got] == [("Wujin District", "2013-05", "month")]


def test_a_county_whose_name_is_a_pronouns_letters_is_a_place():
    page = "News\n\nLast year, Anhui Agricultural University renewed its agreement with She county in Huangshan."
    got = facts(page, "agreements", url="https://news.example.com/a/1", published="2025-07-13")
    assert [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in got] == [
        ("Anhui Agricultural University", "She County", "county", "2024")]


def test_the_two_sides_that_open_a_platform_are_the_pair_their_sentence_named():
    page = ("News\n\nOn Thursday, Jilin Agricultural University and the government of Fusong county signed an agreement. "
            "Last year, Anhui Agricultural University renewed its agreement with Shexian County, and the two sides "
            "opened the Shexian Tea Science and Technology Backyard in October.")
    got = facts(page, "platforms", url="https://news.example.com/a/1", published="2025-07-13")
    backyard = [p for p in got if p["name"] == "Shexian Tea Science and Technology Backyard"]
    assert [(p["university"], p["partner"]) for p in backyard] == [("Anhui Agricultural University", "Shexian County")]


def test_a_body_an_agreement_is_about_is_no_side_of_it():
    page = ("Siheung City, Gyeonggi Province and Seoul National University sign agreement on Bio-Convergence Campus\n\n"
            "Date 2024.06.04\n\nThe three parties signed the agreement on June 3.")
    got = facts(page, "agreements", url="https://www.siheung.go.kr/eng/news/1")
    assert "Bio-Convergence Campus" not in {a["partner"] for a in got}
    assert {"Siheung City", "Gyeonggi Province"} <= {a["partner"] for a in got}


def test_the_city_of_x_council_is_the_citys_government():
    page = "News\n\nThe City of Launceston Council and the University renewed their memorandum of understanding on Thursday."
    got = facts(page, "agreements", url="https://www.utas.edu.au/news/1", published="2024-08-10")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in got] == [
        ("University of Tasmania", "Launceston City", "city")]


def test_a_department_named_without_a_place_on_a_states_own_site_is_the_state():
    page = ("Press release\n\nThe Water Resources Department signed an MoU with the Indian Institute of Technology "
            "Bhubaneswar on 14 August 2025 for setting up a Centre of Excellence for Flood Modelling.")
    got = facts(page, "agreements", url="https://iprdodisha.gov.in/press-release/2025/08/14/mous")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Odisha", "province")]
    # (on a news site the department keeps its own name: nothing says whose it is)
    news = facts(page, "agreements", url="https://news.example.com/2025/08/14/mous")
    assert [a["partner"] for a in news] == ["Water Resources Department"]


def test_a_body_that_signs_on_behalf_of_or_represents_a_government_is_that_government():
    page = ("News\n\nThe Higher Education Department, on behalf of the Government of Tamil Nadu, signed a tripartite "
            "MoU with Anna University and Zoho Corporation on 13 August 2024.")
    got = facts(page, "agreements", url="https://news.example.com/a/2")
    assert sorted(a["partner"] for a in got) == ["Tamil Nadu", "Zoho Corporation"]
    page2 = ("News\n\nThe University of the Free State concluded a Memorandum of Agreement with the Free State "
             "Provincial Government, represented by the Department of Agriculture and Rural Development, in August 2025.")
    got2 = facts(page2, "agreements", url="https://www.ufs.ac.za/news/1")
    assert [a["partner"] for a in got2] == ["Free State Province"]
