"""Rules of the nineteenth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from tests.extract.page_facts import facts


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


def test_rows_of_a_signing_lead_pair_their_university_with_the_other_side_whichever_comes_first():
    page = ("Press Note\n\nThe State Government and academic institutions exchanged five MoUs in Gandhinagar on "
            "21 January 2025.\n\nThe MoUs signed are:\n"
            "\u2022 Gujarat State Biotechnology Mission (GSBTM) with Nirma University for a Biotech Incubation Centre.\n"
            "\u2022 Gujarat Maritime Board with a private port operator for a ship repair cluster.\n"
            "\u2022 Gujarat Technological University (GTU) with Tata Electronics for training of students.\n")
    got = facts(page, "agreements", url="https://news.example.in/press/211")
    assert sorted((a["university"], a["partner"]) for a in got) == [
        ("Gujarat Technological University", "Tata Electronics"),
        ("Nirma University", "Gujarat State Biotechnology Mission")]


def test_the_high_tech_zone_a_page_defines_is_the_zone_it_names_in_full():
    page = ("New-type R&D institutions gather in Jinan High-tech Zone\n\n"
            "Jinan High-tech Industrial Development Zone (hereinafter referred to as \"the high-tech zone\") has "
            "introduced 31 institutions.\n\nOn September 12, the high-tech zone and Xidian University signed a "
            "cooperation agreement on co-building an institute of integrated circuits.")
    got = facts(page, "agreements", url="http://en.jinanhitech.gov.cn/Invest/1.html", published="2023-09-14")
    assert [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in got] == [
        ("Xidian University", "Jinan High-tech Industrial Development Zone", "development_zone", "2023-09-12")]


def pairs(got):
    return sorted((a["university"], a["partner"]) for a in got)


def test_we_on_a_citys_work_report_is_the_city_and_its_list_of_universities_are_no_pairs():
    page = ("Report on the Work of the Government\n\nMianyang City made progress in 2023. We deepened the cooperation "
            "between city and universities, signed school-local cooperation agreements with 16 universities including "
            "Sichuan University and Southwest Jiaotong University in 2023. Mianyang City will go on.")
    got = facts(page, "agreements", url="http://en.my.gov.cn/2024-02/02/c_1.htm", published="2024-02-02")
    assert pairs(got) == [("Sichuan University", "Mianyang City"), ("Southwest Jiaotong University", "Mianyang City")]


def test_signers_titled_by_their_bodies_sign_for_the_state_and_the_universities_listed():
    page = ("Ministerial Media Statements\n\nThe agreements were signed on Tuesday at Parliament House by the "
            "Director-General of Queensland Health and the vice-chancellors of CQUniversity, James Cook University "
            "and the University of Southern Queensland.\n\n- Saitama sister-state agreement renewed")
    got = facts(page, "agreements", url="https://statements.qld.gov.au/statements/1", published="2025-06-12")
    assert pairs(got) == [("Central Queensland University", "Queensland"), ("James Cook University", "Queensland"),
                          ("University of Southern Queensland", "Queensland")]


def test_signatories_on_behalf_of_the_three_parties_add_no_parties():
    page = ("News\n\nOn May 9, Wuhan University of Technology, the People's Government of Xiangzhou District and "
            "Dongfeng Huashen Motor Co., Ltd. signed a tripartite strategic cooperation agreement. Deputy district "
            "mayor Zhou Hao, Gao Yuan, deputy dean of Huashen Technical Center, and Hu Bin, director of our Office of "
            "Science and Technology Cooperation signed the agreement on behalf of the three parties.")
    got = facts(page, "agreements", url="http://news.whut.edu.cn/1.htm", published="2024-05-13")
    assert pairs(got) == [("Wuhan University of Technology", "Dongfeng Huashen Motor Co., Ltd."),
                          ("Wuhan University of Technology", "Xiangzhou District")]


def test_a_lower_case_brand_opens_its_companys_name_and_an_or_gives_a_short_form():
    page = ("News\n\nMichigan State University has signed a five-year master research agreement with thyssenkrupp "
            "North America, LLC, the U.S. arm of the German group. MSU also renewed its memorandum of understanding "
            "with the Michigan Economic Development Corporation, or MEDC, on Sept. 10. The MEDC supports startups.")
    got = facts(page, "agreements", url="https://msutoday.msu.edu/news/1", published="2024-09-16")
    assert pairs(got) == [("Michigan State University", "Michigan Economic Development Corporation"),
                          ("Michigan State University", "thyssenkrupp North America, LLC")]
    # (a word of the sentence before a company is no brand: "with Changzhou Siyao Pharmaceuticals Co., Ltd.")
    row = facts("News\n\nThe university signed an agreement with Changzhou Siyao Pharmaceuticals Co., Ltd. on May 3.",
                "agreements", url="https://www.cczu.edu.cn/news/1.htm")
    assert [a["partner"] for a in row] == ["Changzhou Siyao Pharmaceuticals Co., Ltd."]


def test_a_universitys_town_and_a_campus_place_are_no_parties():
    page = ("Press release\n\nTamil Nadu Agricultural University, Coimbatore and ITC Limited signed an MoU on 12 August "
            "2024. The agreement was signed on MSU's East Lansing campus.")
    got = facts(page, "agreements", url="https://news.example.in/pr/842")
    assert pairs(got) == [("Tamil Nadu Agricultural University", "ITC Limited")]


def test_a_citys_industrial_park_is_a_zone_and_a_bracketed_short_form_after_it_no_second_party():
    page = ("SUZHOU, Nov. 21 (Xinhua) -- The Suzhou Industrial Park renewed its cooperation agreement with Xi'an "
            "Jiaotong-Liverpool University (XJTLU) on Thursday. Under the renewed agreement, the park's administrative "
            "committee (SIPAC) will provide 300 million yuan to XJTLU.")
    got = facts(page, "agreements", url="https://english.news.cn/20241121/1.htm", published="2024-11-21")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Suzhou Industrial Park", "development_zone")]


def test_a_table_of_cooperation_content_names_agreements_row_by_row_dated_by_year_and_month():
    page = ("School-local Cooperation\n\nMain school-local cooperation projects in recent years\n"
            "No.\tPartner\tCooperation content\tDate\n"
            "1\tPeople's Government of Tai'an City\tStrategic cooperation framework agreement\t2019.03\n"
            "2\tShandong Hi-Speed Group Co., Ltd.\tLetter of intent on green transportation ecology\t2023.06\n"
            "3\tPeople's Government of Zibo City\tUnder negotiation\t-\n")
    got = facts(page, "agreements", url="https://www.sdau.edu.cn/local/1.htm")
    assert [(a["partner"], a["date"], a["date_precision"]) for a in got] == [("Tai'an City", "2019-03", "month")]


def test_a_signing_recalled_in_the_past_perfect_does_not_stop_the_pages_day_dating_its_rows():
    page = ("Press Release No: 842 Date: 12.08.2024\n\nFour Memoranda of Understanding were exchanged today "
            "(12.08.2024) at the Secretariat.\n\n1. Tamil Nadu Industrial Development Corporation Limited (TIDCO) entered into an MoU with the Indian Institute of Technology "
            "Madras for a Deep Tech Centre.\n\nIt may be recalled that the Government had signed an MoU with IIT Madras "
            "in August 2022.")
    got = facts(page, "agreements", url="https://news.example.in/pr/842")
    assert ("Tamil Nadu Industrial Development Corporation Limited", "2024-08-12") in {(a["partner"], a["date"]) for a in got}


def test_on_the_14th_it_signed_is_a_day_of_the_pages_month_and_a_research_institute_listed_is_a_party():
    page = ("Press release\n\nDate 2024.11.15\n\nChangwon Special City announced that on the 14th it signed a four-party "
            "business agreement (MOU) with Changwon National University, KERI and Hanwha Aerospace Co., Ltd. in the "
            "city hall.\n\nKorea Electrotechnology Research Institute (KERI) will support testing.")
    got = facts(page, "agreements", url="https://www.changwon.go.kr/eng/news/1", published="2024-11-15")
    assert {("Hanwha Aerospace Co., Ltd.", "2024-11-14"), ("Korea Electrotechnology Research Institute", "2024-11-14")} \
        <= {(a["partner"], a["date"]) for a in got}


def test_the_body_whose_name_is_the_sites_domain_is_a_party():
    page = ("Partnerships\n\nIn November 2022, Alberta Innovates signed a five-year memorandum of understanding with the "
            "University of Lethbridge to expand research on irrigation.")
    got = facts(page, "agreements", url="https://albertainnovates.ca/impact/partnerships/", published="2023-06-30")
    assert pairs(got) == [("University of Lethbridge", "Alberta Innovates")]


def test_a_body_agreed_on_in_talks_is_no_platform_set_up():
    page = ("News\n\nJiangxi and Tsinghua University reached consensus on building a joint research center for advanced "
            "ceramics in Jingdezhen. Jiangxi and Peking University established the Ganjiang Innovation Institute.")
    got = facts(page, "platforms", url="https://www.jiangxi.gov.cn/en/1.htm")
    assert [p["name"] for p in got] == ["Ganjiang Innovation Institute"]


def test_a_weekday_that_is_the_day_the_page_dated_just_before_is_that_day():
    page = ("News\n\nThe Civil Aviation Administration of China and the Sichuan provincial people's government signed an "
            "agreement in Chengdu on October 22 to jointly build the Civil Aviation Flight University of China (CAFUC). Also on "
            "Wednesday, CAFUC signed an agreement with the Deyang municipal government.")
    got = facts(page, "agreements", url="https://www.sc.gov.cn/en/1.htm", published="2025-10-24")
    assert ("Deyang City", "2025-10-22", "day") in {(a["partner"], a["date"], a["date_precision"]) for a in got}
    # (a weekday that is not the dated day keeps the month, as convention 7 gives it)
    other = facts(page.replace("Also on Wednesday", "On Thursday"), "agreements", url="https://www.sc.gov.cn/en/1.htm",
                  published="2025-10-24")
    assert ("Deyang City", "2025-10", "month") in {(a["partner"], a["date"], a["date_precision"]) for a in other}
