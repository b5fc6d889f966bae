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
