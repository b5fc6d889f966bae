"""Rules of the thirtieth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_a_joint_body_a_university_runs_with_a_named_partner_is_a_platform():
    # "also runs a joint laboratory with Bosch": a joint body of the two, whenever it was set up (convention 3)
    page = ("Tongji University and the Taicang government opened a new automotive research institute on Friday.\n\n"
            "Tongji also operates a joint laboratory with Continental AG in Jiading, which is not part of the "
            "institute.\n")
    rows = facts(page, "platforms", url="https://en.tongji.edu.cn/info/1.htm", published="2024-05-10")
    lab = [p for p in rows if p["platform_type"] == "laboratory"]
    assert [(p["university"], p["partner"], p["name"]) for p in lab] == [("Tongji University", "Continental AG", None)]


def test_a_joint_body_with_no_named_other_side_is_no_platform():
    # "runs a joint laboratory with 40 researchers": a size, no other side; nor is a lab that is not said to be joint
    page = ("Wuhan University runs a joint laboratory with 40 researchers on its Optics Valley campus.\n\n"
            "Wuhan University also has a laboratory with Huawei engineers as visiting staff.\n")
    rows = facts(page, "platforms", url="https://en.whu.edu.cn/info/2.htm", published="2024-05-10")
    assert [p for p in rows if p["platform_type"] == "laboratory"] == []


def test_during_the_year_of_an_annual_report_is_the_year_it_covers():
    # "During the year, X signed ...": in a report on 2023 released in 2024, the year is 2023 (the report's), not
    # the release's; on a page that reports no year it dates nothing
    page = ("Annual Report 2023 | Local Cooperation\n\nReleased: 2024-04-18\n\n"
            "During the year, Yunnan University signed cooperation agreements with Baoshan City and Lijiang City.\n")
    rows = facts(page, "agreements", url="https://www.ynu.edu.cn/en/info/1.htm", published="2024-04-18")
    assert pairs(rows) == {("Yunnan University", "Baoshan City"), ("Yunnan University", "Lijiang City")}
    assert {(r["date"], r["date_precision"]) for r in rows} == {("2023", "year")}
    page = ("Local cooperation\n\nDuring the year, Yunnan University signed a cooperation agreement with Baoshan City "
            "on March 3, 2023.\n")
    rows = facts(page, "agreements", url="https://www.ynu.edu.cn/en/info/2.htm", published="2024-04-18")
    assert [r["date"] for r in rows] == ["2023-03-03"]


def test_a_bare_ordinal_after_a_counted_signing_is_one_of_its_agreements():
    # "signed three agreements on Thursday. The first, a memorandum with X, ... Under the second, A and B will ...
    # The third was signed with Z": each ordinal is one of the three, with its own partner, of the signing's day
    page = ("The University of Manitoba signed three agreements on Thursday, Oct. 17, at a ceremony in Winnipeg.\n\n"
            "The first, a five-year memorandum of understanding with Nutrien Ltd., sets up a shared soil laboratory.\n\n"
            "Under the second, the university and the City of Winnipeg will work together on flood mapping.\n\n"
            "The third was signed with the Manitoba Department of Agriculture for a soil-testing program.\n")
    rows = facts(page, "agreements", url="https://news.umanitoba.ca/three-agreements/", published="2024-10-18")
    assert {(u, p.rstrip(".")) for u, p in pairs(rows)} == {
        ("University of Manitoba", "Nutrien Ltd"), ("University of Manitoba", "Winnipeg City"),
        ("University of Manitoba", "Manitoba Department of Agriculture")}
    assert {r["date"] for r in rows} == {"2024-10-17"}


def test_a_bare_ordinal_with_no_counted_signing_before_is_nothing():
    # "The first, in 2019, ...": an ordinal with no agreements counted just before refers to none of them
    page = ("The University of Manitoba opened two research stations with local partners.\n\n"
            "The first, a field station with Manitoba Hydro, opened in 2019.\n")
    rows = facts(page, "agreements", url="https://news.umanitoba.ca/stations/", published="2024-10-18")
    assert rows == []


def test_a_score_in_a_table_of_figures_is_no_count():
    # "Satisfaction score of partner organisations (out of 5) | 4.31": a count is whole; the rows above it are counts
    page = ("Khon Kaen University | Annual Report 2023\n\n"
            "Indicator | FY2022 | FY2023\n"
            "Active agreements with local administrative organisations | 35 | 41\n"
            "Satisfaction score of partner organisations (out of 5) | 4.31 | 4.42\n")
    rows = facts(page, "counts", url="https://www.kku.ac.th/en/annual-report-2023", published="2024-03-01")
    assert sorted(c["quantity"] for c in rows) == [35, 41]


def test_a_tables_numbered_caption_a_rank_and_an_industrys_size_are_no_counts():
    # "Table 4-1 ...": the table's number; "the world's three largest steel companies": a rank; "the sector includes
    # more than 300 companies": an industry's size (convention 9); the agreements beside them are counted
    page = ("Table 4-1 Horizontal research projects with enterprises\n\n"
            "Ansteel ranks among the world's three largest steel companies and has signed 12 agreements with the "
            "university.\n\n"
            "B.C.'s clean-technology sector includes more than 300 companies and employs about 16,000 people.\n")
    rows = facts(page, "counts", url="https://www.neu.edu.cn/en/info/1.htm", published="2024-03-01")
    assert [(c["quantity"], c["unit"]) for c in rows] == [(12, "agreement")]


def test_thousands_grouped_by_a_space_after_a_clauses_comma_are_one_figure():
    # "In 2022, 6 840 TUT students completed placements": 6,840, not 6 and 840
    page = ("In 2022, 6 840 TUT students completed work-integrated learning placements with 2 115 employers.\n")
    rows = facts(page, "counts", url="https://www.tut.ac.za/news/1", published="2023-05-02")
    assert sorted(c["quantity"] for c in rows) == [2115, 6840]


def test_a_part_named_after_including_counts_what_the_whole_counts():
    # "32 research institutes and platforms have settled in the zone, including nine added in 2023": nine platforms
    page = ("So far, 32 university-linked research institutes and technology transfer platforms have settled in the "
            "zone, including nine added in 2023.\n")
    rows = facts(page, "counts", url="http://www.xdz.gov.cn/english/1.html", published="2024-02-01")
    assert sorted((c["quantity"], c["unit"]) for c in rows) == [(9, "platform"), (32, "platform")]


def test_bodies_that_now_number_a_figure_count_what_the_subject_names():
    # "Its co-built local institutes now number 19": 19 platforms (the subject's noun), no enterprises
    page = ("Zhejiang University has worked with its home province for decades. Its co-built local institutes now "
            "number 19.\n")
    rows = facts(page, "counts", url="https://www.zju.edu.cn/english/1.htm", published="2024-02-01")
    assert [(c["quantity"], c["unit"]) for c in rows] == [(19, "platform")]


def test_a_universitys_own_staff_in_a_figures_row_is_no_count():
    # "- Full-time faculty: 2,890": the university's own people; "- Engineers seconded to partner companies: 140" are
    # people its cooperation placed
    page = ("Hefei University of Technology at a glance\n\n- Full-time faculty: 2,890\n"
            "- Engineers seconded to partner companies: 140\n")
    rows = facts(page, "counts", url="https://en.hfut.edu.cn/info/1.htm", published="2024-02-01")
    assert [c["quantity"] for c in rows] == [140]


def test_a_table_of_institutions_with_a_column_of_co_builders_lists_platforms():
    # "No. | Institution | Co-builders | City": each row names a platform, its university and its partner (the
    # "City" column is where it is, no platform); a row with no university is a company's own
    page = ("Selected institutions of the 2023 batch\n\n"
            "No. | Institution | Co-builders | City\n"
            "1 | Qingdao Institute of Marine Bioresources Engineering | Ocean University of China; Qingdao West Coast "
            "New Area | Qingdao\n"
            "2 | Linyi Logistics Big Data Technology Research Institute | Linyi Zhongtong Logistics Co., Ltd. | Linyi\n")
    rows = facts(page, "platforms", url="http://kjt.shandong.gov.cn/english/art/1.html", published="2023-12-28")
    assert [(p["name"], p["university"], p["partner"]) for p in rows] == [
        ("Qingdao Institute of Marine Bioresources Engineering", "Ocean University of China",
         "Qingdao West Coast New Area")]


def test_a_body_one_side_built_alone_is_no_platform():
    # "opened its own Institute of X", "the X Park, which KKU built on its own": one side's body, not built together
    page = ("Northeastern University signed an agreement with Hunnan District in May. The university also opened its "
            "own Liaoning Institute of Digital Mining at its Nanhu campus in May.\n\n"
            "The Khon Kaen Science Park, which Khon Kaen University built on its own in 2015, now houses 90 "
            "companies.\n")
    rows = facts(page, "platforms", url="https://www.neu.edu.cn/en/info/2.htm", published="2024-06-01")
    assert rows == []


def test_the_months_of_a_years_review_released_the_next_year_are_of_the_year_reviewed():
    # "ZZU local cooperation in 2023: a year in review", released 2024-01-08: "January 12" and "April 20" are of
    # 2023 (a review of a year names no day of the next); a news page of the same date keeps the week-ahead reading
    page = ("ZZU local cooperation in 2023: a year in review\n\nReleased: 2024-01-08\n\n"
            "January 12 — ZZU signed a strategic cooperation agreement with the People's Government of Luoyang City.\n\n"
            "April 20 — ZZU and Pingdingshan City renewed their cooperation agreement.\n")
    rows = facts(page, "agreements", url="http://www5.zzu.edu.cn/english/info/1.htm", published="2024-01-08")
    assert sorted((r["partner"], r["date"]) for r in rows) == [("Luoyang City", "2023-01-12"),
                                                              ("Pingdingshan City", "2023-04-20")]
    page = "On January 12, Zhengzhou University signed a strategic cooperation agreement with Luoyang City.\n"
    rows = facts(page, "agreements", url="http://www5.zzu.edu.cn/english/info/2.htm", published="2024-01-15")
    assert [r["date"] for r in rows] == ["2024-01-12"]


def test_a_company_the_recogniser_names_and_another_name_after_and_are_two_bodies():
    # "in partnership with Teck Resources and E-One Moli Energy": two companies, not one called "Teck Resources and
    # E-One Moli Energy"; a field joined inside one name stays one name
    page = ("Simon Fraser University will build the Battery Innovation Centre in partnership with Teck Resources and "
            "E-One Moli Energy, which together are contributing $20 million.\n")
    rows = facts(page, "platforms", url="https://www.sfu.ca/sfunews/1.html", published="2024-04-17")
    assert [(p["name"], p["partner"]) for p in rows] == [("Battery Innovation Centre", "Teck Resources")]


def test_a_countrys_total_research_spending_is_no_funding():
    # "China's total research and development spending reached 3.09 trillion yuan": a country's statistic, as a
    # company's own R&D spending is; the institute's grant beside it is funding
    page = ("China's total research and development spending reached 3.09 trillion yuan in 2022, a vice minister said."
            "\n\nThe Hefei municipal government will provide 150 million yuan to the USTC Institute of Advanced "
            "Technology.\n")
    rows = facts(page, "funding", url="http://www.news.cn/english/1.htm", published="2024-05-17")
    assert [r["amount"] for r in rows] == [150000000]


def test_the_area_is_the_pages_new_area_and_nothing_on_other_pages():
    # "the area signed agreements with A and B" on Changchun New Area's page: the new area signs; on a page whose
    # zone is no area (or that names none) "the area" is a place's vicinity, no party
    page = ("Changchun New Area, a state-level new area in Jilin Province, works with universities.\n\n"
            "In April 2024, the area signed strategic cooperation agreements with Changchun University of Science and "
            "Technology and Jilin Agricultural University.\n")
    rows = facts(page, "agreements", url="http://www.ccxq.gov.cn/english/1.html", published="2024-06-01")
    assert pairs(rows) == {("Changchun University of Science and Technology", "Changchun New Area"),
                           ("Jilin Agricultural University", "Changchun New Area")}
    assert {r["partner_type"] for r in rows} == {"development_zone"}
    page = ("Suzhou Industrial Park hosts many universities.\n\n"
            "In April 2024, the area signed a strategic cooperation agreement with Soochow University.\n")
    rows = facts(page, "agreements", url="http://www.sipac.gov.cn/english/1.html", published="2024-06-01")
    assert ("Soochow University", "Suzhou Industrial Park") not in pairs(rows)


def test_a_university_name_written_without_its_of_is_the_university_the_table_lists():
    # "Wuhan University Technology": a slip for "Wuhan University of Technology", not Wuhan University; a body named
    # after a university ("Wuhan University Science Park") is no such slip
    page = "Wuhan University Technology and the People's Government of Zhongshan City signed an agreement on May 3.\n"
    rows = facts(page, "agreements", url="http://www.zs.gov.cn/english/1.html", published="2024-05-10")
    assert pairs(rows) == {("Wuhan University of Technology", "Zhongshan City")}
    page = "Wuhan University and Zhongshan City opened the Wuhan University Science Park on May 3.\n"
    rows = facts(page, "platforms", url="http://www.zs.gov.cn/english/2.html", published="2024-05-10")
    assert {p["university"] for p in rows} == {"Wuhan University"}


def test_a_station_is_a_research_base_unless_it_is_one_of_service():
    # "the Zhejiang University Anji Ecological Agriculture Station": a research base; "a technology service station for
    # the bamboo industry": a service platform
    page = ("Zhejiang University and Anji County opened the Zhejiang University Anji Ecological Agriculture Station in "
            "May.\n\nA technology service station for the bamboo industry, co-built by Zhejiang A&F University and "
            "Tianhuangping Town, was put into use on the same day.\n")
    rows = facts(page, "platforms", url="https://www.zju.edu.cn/english/2.htm", published="2024-05-20")
    assert sorted((p["university"], p["platform_type"]) for p in rows) == [
        ("Zhejiang A&F University", "service_platform"), ("Zhejiang University", "research_base")]



def test_a_places_high_tech_enterprises_are_its_statistic_not_a_count():
    # "Hunnan is home to the X Zone and more than 1,200 high-tech enterprises": the district's firms by kind; firms a
    # cooperation's institute incubated are counted
    page = ("Hunnan is home to the Shenyang Hunnan High-tech Industrial Development Zone and more than 1,200 high-tech "
            "enterprises.\n\nThe NEU Hunnan institute has incubated 120 high-tech enterprises since 2015.\n")
    rows = facts(page, "counts", url="http://www.hunnan.gov.cn/english/1.html", published="2024-06-10")
    assert [c["quantity"] for c in rows] == [120]
