"""Rules of the twenty-ninth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_a_campus_named_by_its_place_is_the_university_not_the_place():
    # "the Qingdao campus concluded an agreement with the Qingdao municipal government": the campus is the page's
    # university (its own), the city is the partner, not a party twice over
    page = ("Shandong University renewed its agreement with Jinan City in May 2023.\n\n"
            "In the same month, the Qingdao campus concluded a cooperation agreement with the Qingdao municipal "
            "government on ocean engineering.\n")
    rows = facts(page, "agreements", url="https://www.en.sdu.edu.cn/info/1.htm", published="2023-05-30")
    assert pairs(rows) == {("Shandong University", "Jinan City"), ("Shandong University", "Qingdao City")}
    assert {r["date"] for r in rows} == {"2023-05"}


def test_a_title_case_dateline_with_an_apostrophe_or_an_agency_tag_is_no_party():
    # "Xi'an, July 3, 2024 - ...": the dateline's city is where the story was filed, no signer; "Dhahran, February 19,
    # 2024, SPA -- ...": nor is the news agency that filed it
    page = ("Xi'an, July 3, 2024 - LONGi Green Energy Technology Co., Ltd. signed a strategic cooperation agreement with "
            "Northwestern Polytechnical University on Monday.\n")
    rows = facts(page, "agreements", url="https://www.longi.com/en/news/nwpu/", published="2024-07-03")
    assert pairs(rows) == {("Northwestern Polytechnical University", "LONGi Green Energy Technology Co., Ltd.")}
    page = ("Riyadh, March 4, 2024, SPA -- King Saud University and the Saudi Electricity Company signed an agreement "
            "today to establish a grid research center.\n")
    rows = facts(page, "agreements", url="https://www.spa.gov.sa/en/N2051", published="2024-03-04")
    assert pairs(rows) == {("King Saud University", "Saudi Electricity Company")}


def test_the_unit_an_owned_title_heads_is_no_party():
    # "Saudi Aramco's Senior Vice President of Technical Services": the official's unit, not a signer (nor is "Saudi
    # Aramco's Senior" a name)
    page = ("Saudi Aramco and King Fahd University of Petroleum and Minerals signed an agreement on February 19 to "
            "establish a carbon capture center.\n\n"
            "The agreement was signed by the President of the university and Saudi Aramco's Senior Vice President of "
            "Technical Services.\n")
    rows = facts(page, "agreements", url="https://www.arabnews.com/node/1", published="2024-02-20")
    assert pairs(rows) == {("King Fahd University of Petroleum and Minerals", "Saudi Aramco")}


def test_a_place_in_brackets_after_a_university_is_its_campus_not_a_party():
    # "Harbin Institute of Technology (Shenzhen)": the campus's city, no signer beside the district
    page = ("On December 8, the Nanshan District People's Government signed a cooperation agreement with Harbin "
            "Institute of Technology (Shenzhen) to build a low-altitude economy research institute.\n")
    rows = facts(page, "agreements", url="http://www.szns.gov.cn/english/news/1.html", published="2024-01-10")
    assert pairs(rows) == {("Harbin Institute of Technology", "Nanshan District")}


def test_the_two_are_the_pair_when_the_body_the_sentence_names_comes_after():
    # "The two signed an agreement ..., and Trina has pledged ...": the company named in the later clause is no
    # body of the signing's own, so "the two" is the pair told before
    page = ("The line belongs to the Trina Photovoltaic Industrial College, which Changzhou University opened in "
            "September with Trina Solar Co., Ltd., the module maker. The two signed an agreement to build the college "
            "in March, and Trina has pledged 30 million yuan over three years.\n")
    rows = facts(page, "agreements", url="https://www.chinadaily.com.cn/a/202411/05/1.html", published="2024-11-05")
    assert pairs(rows) == {("Changzhou University", "Trina Solar Co., Ltd.")}
    assert rows[0]["date"] == "2024-03"


def test_a_municipality_by_the_word_alone_is_the_city():
    # "the Haifa Municipality": the city's government (convention 6: "<Place> City")
    page = ("Technion - Israel Institute of Technology signed a cooperation agreement with the Haifa Municipality on "
            "Sunday on testing drone delivery corridors.\n")
    rows = facts(page, "agreements", url="https://en.globes.co.il/en/article-1", published="2024-06-10")
    assert pairs(rows) == {("Technion - Israel Institute of Technology", "Haifa City")}
    assert rows[0]["partner_type"] == "city"


def test_the_provincial_department_is_the_department_of_the_page_s_province():
    # "the provincial department of science and technology" on a page about Shaanxi province: "Shaanxi Provincial
    # Department of Science and Technology" (agencies keep their own name)
    page = ("Universities in Shaanxi province signed 5,000 technology contracts in 2023.\n\n"
            "On March 28, the provincial department of science and technology and Northwest A&F University signed an "
            "agreement to build a pilot base for dryland farming.\n")
    rows = facts(page, "agreements", url="http://english.shaanxi.gov.cn/news/1.html", published="2024-04-02")
    assert pairs(rows) == {("Northwest A&F University", "Shaanxi Provincial Department of Science and Technology")}


def test_an_agreement_that_the_three_partners_signed_is_the_three_the_list_before_named():
    # "governed by a framework agreement that the three partners signed": the parse reads "signed" as a participle
    # of "partners"; they are the three the sentence before lists (not the laboratory they opened)
    page = ("Université Grenoble Alpes (UGA), the CNRS and Schneider Electric inaugurated PowerLab Grenoble on 13 June, "
            "a joint laboratory.\n\n"
            "The laboratory is governed by a five-year framework agreement that the three partners signed in January "
            "2024.\n")
    rows = facts(page, "agreements", url="https://www.univ-grenoble-alpes.fr/news/powerlab", published="2024-06-14")
    assert pairs(rows) == {("Université Grenoble Alpes", "CNRS"), ("Université Grenoble Alpes", "Schneider Electric")}
    assert {r["date"] for r in rows} == {"2024-01"}


def test_officials_of_the_provincial_department_in_attendance_are_no_party():
    # a guard: "with ... officials of the provincial department of education in attendance" are witnesses, and
    # "the provincial department of education said" names the department, not "Department of Education Said"
    page = ("Zhejiang University renewed its strategic agreement with Geely on September 15.\n\n"
            "The agreement was signed by the university's president and Geely's chairman, with officials of the "
            "provincial department of education in attendance.\n")
    rows = facts(page, "agreements", url="https://www.chinadaily.com.cn/a/2023/09/16/1.html", published="2023-09-16")
    assert pairs(rows) == {("Zhejiang University", "Geely")}


def test_a_row_label_of_a_share_counts_nothing():
    # "Graduates staying in the North East (%) | 43 | 44": percentages, no people counted
    page = ("Key figures\n\n"
            "Indicator | 2022 | 2023\n"
            "Industry research partnerships | 120 | 135\n"
            "Graduates staying in the North East (%) | 43 | 44\n")
    rows = facts(page, "counts", url="https://www.ncl.ac.uk/about/key-figures/", published="2024-02-01")
    assert sorted(r["quantity"] for r in rows) == [120, 135]


def test_a_stat_line_of_patents_granted_is_no_count_but_patents_transferred_are():
    # "Patents granted: 3,150": the university's own property; "Patents transferred or licensed: 238": technology
    # moved to partners (convention 9)
    page = ("At a glance\n\n"
            "Patents granted: 3,150\n"
            "Patents transferred or licensed: 238\n")
    rows = facts(page, "counts", url="https://en.sjtu.edu.cn/about/glance.html", published="2024-02-01")
    assert [(r["quantity"], r["unit"]) for r in rows] == [(238, "technology")]


def test_a_stat_line_counts_the_head_of_its_label():
    # "Joint laboratories with enterprises: 41": laboratories are counted, the enterprises say whose partners
    page = ("At a glance\n\n"
            "Joint laboratories with enterprises: 41\n")
    rows = facts(page, "counts", url="https://en.sjtu.edu.cn/about/glance.html", published="2024-02-01")
    assert [(r["quantity"], r["unit"]) for r in rows] == [(41, "platform")]


def test_what_a_place_produced_venture_capital_and_targets_are_no_funding():
    page = ("Anji County and Zhejiang University opened a tea research institute on May 10.\n\n"
            "Anji produced about 2,000 tons of white tea last year, worth roughly 3.2 billion yuan.\n\n"
            "Venture investors poured about 1.1 billion yuan into the county's start-ups in 2023.\n\n"
            "Targets for 2025: a contract value of 1.6 billion yuan and 20 new joint centers.\n\n"
            "The county will invest 30 million yuan in the institute over five years.\n")
    rows = facts(page, "funding", url="http://www.news.cn/english/2024-05/11/c_1.htm", published="2024-05-11")
    assert [r["amount"] for r in rows] == [30000000]


def test_a_bulleted_row_names_a_centre_then_the_partner_and_the_year():
    # "- Smart Manufacturing Co-Creation Center - Toyota Motor East Japan, Inc., 2021" on a university's list of its
    # centres: the body after the dash set it up with the university, that year
    page = ("Co-Creation Research Centers\n\n"
            "Selected centers (partner, year opened)\n"
            "- Smart Manufacturing Co-Creation Center - Toyota Motor East Japan, Inc., 2021\n"
            "- Miyagi Disaster Resilience Research Base - Miyagi Prefecture, 2020\n")
    rows = facts(page, "platforms", url="https://www.tohoku.ac.jp/en/research/co_creation.html", published="2024-05-09")
    assert {(r["name"], r["university"], r["partner"], r["date"]) for r in rows} == {
        ("Smart Manufacturing Co-Creation Center", "Tohoku University", "Toyota Motor East Japan, Inc.", "2021"),
        ("Miyagi Disaster Resilience Research Base", "Tohoku University", "Miyagi Prefecture", "2020")}


def test_whose_campus_a_body_sits_on_is_no_part_of_its_name():
    # "the X Center on Kyushu University's Ito Campus": where the body is
    page = ("Kyushu University and Fukuoka Prefecture signed an agreement on June 5. Under the agreement, the two parties "
            "will open the Fukuoka Semiconductor Human Resources Development Center on Kyushu University's Ito Campus "
            "in October.\n")
    rows = facts(page, "platforms", url="https://www.kyushu-u.ac.jp/en/topics/view/1", published="2024-06-06")
    assert [r["name"] for r in rows] == ["Fukuoka Semiconductor Human Resources Development Center"]


def test_a_station_a_university_s_name_names_is_a_platform():
    # "the Zhejiang University Anji Ecological Agriculture Station, which the university and the county opened in
    # 2020": a research station, though its words name no research
    page = ("The institute will share a building with the Zhejiang University Anji Ecological Agriculture Station, "
            "which the university and the county opened in 2020.\n")
    rows = facts(page, "platforms", url="http://www.news.cn/english/20240511/1.html", published="2024-05-11")
    assert [(r["name"], r["university"], r["date"]) for r in rows] == [
        ("Zhejiang University Anji Ecological Agriculture Station", "Zhejiang University", "2020")]



def test_money_for_researchers_salaries_is_funding():
    # "covering research projects ... and the salaries of visiting engineers": what the money pays for, no pay rate
    page = ("Zhejiang University and Zhejiang Geely Holding Group signed an agreement on May 20 to establish a joint "
            "institute for automotive chips.\n\n"
            "Geely will provide 50 million yuan each year for five years to the institute, covering research projects "
            "and the salaries of visiting engineers.\n")
    rows = facts(page, "funding", url="https://www.zju.edu.cn/english/2024/0522/c1.html", published="2024-05-22")
    assert [(r["amount"], r["per"], r["period_years"]) for r in rows] == [(50000000, "year", 5)]


def test_a_table_of_joint_platforms_gives_what_each_partner_committed():
    # "Partner | Joint platform | Set up | Partner commitment": the commitment cell is the partner's money for the
    # platform, recurring and for a period as the cell says; the "Set up" column dates the platform, it counts nothing
    page = ("Industry Collaboration\n\n"
            "Partner | Joint platform | Set up | Partner commitment\n"
            "China Baowu Steel Group | SJTU-Baowu Low-Carbon Metallurgy Joint Laboratory | 2019 | 60 million yuan over "
            "five years\n"
            "Huawei Technologies Co., Ltd. | SJTU-Huawei Joint Innovation Center | 2021 | 15 million yuan per year\n")
    url = "https://en.sjtu.edu.cn/research/industry.html"
    money = facts(page, "funding", url=url, published="2024-02-20")
    assert {(r["amount"], r["per"], r["period_years"], r["funder"]) for r in money} == {
        (60000000, "total", 5, "China Baowu Steel Group"), (15000000, "year", None, "Huawei Technologies Co., Ltd.")}
    assert facts(page, "counts", url=url, published="2024-02-20") == []
    assert {(r["name"], r["date"]) for r in facts(page, "platforms", url=url, published="2024-02-20")} == {
        ("SJTU-Baowu Low-Carbon Metallurgy Joint Laboratory", "2019"), ("SJTU-Huawei Joint Innovation Center", "2021")}


def test_a_university_that_also_signed_the_agreement_joins_each_side_of_it():
    # "X University also signed the agreement as an academic partner": a party to the agreement told before
    # (convention 2): with its partners, and with its university as a pair of universities, on its day
    page = ("Tecnológico de Monterrey, the Government of the State of Nuevo León and Ternium México, S.A. de C.V. signed "
            "a collaboration agreement on November 27 to create the Center for Industrial Decarbonization.\n\n"
            "The Universidad Autónoma de Nuevo León (UANL) also signed the agreement as an academic partner and will "
            "contribute researchers.\n")
    rows = facts(page, "agreements", url="https://conecta.tec.mx/en/news/1", published="2023-11-28")
    uanl = "Autonomous University of Nuevo León"
    assert pairs(rows) >= {(uanl, "Nuevo León"), (uanl, "Ternium México, S.A. de C.V."),
                           ("Tecnológico de Monterrey", uanl)}
    assert {r["date"] for r in rows if uanl in (r["university"], r["partner"])} == {"2023-11-27"}


def test_rows_of_a_news_list_end_on_their_dates():
    # a news list whose rows close on their dates: each row is a headline of its own (not one run-on sentence), the
    # date is no part of a platform's name, a sentence-case headline's two sides "launch" a body, and a university
    # whose experts attend a signing of others is no party
    page = ("Local Cooperation News\n\n"
            "ZJUT and Quzhou co-build Quzhou Institute of Fluorine Silicon Materials  2024-06-18\n"
            "Lishui delegation visits ZJUT to discuss realizing the value of ecological products  2024-06-11\n"
            "ZJUT to set up Moganshan Institute of Rural Design with Deqing County  2024-05-08\n"
            "Keqiao District and ZJUT launch Textile Printing and Dyeing Modern Industry College  2024-04-26\n"
            "Tongxiang government and Alibaba Cloud sign digital economy agreement, ZJUT experts attend  2024-03-22\n"
            "ZJUT signs strategic cooperation agreement with Zhoushan Municipal People's Government  2024-03-12\n"
            "Wenzhou-ZJUT collaborative innovation achievements exhibition held  2024-01-16\n")
    url = "https://www.zjut.edu.cn/en/cooperation/news.htm"
    agreements = facts(page, "agreements", url=url, published="2024-06-20")
    assert [(r["partner"], r["date"]) for r in agreements] == [("Zhoushan City", "2024-03-12")]
    platforms = facts(page, "platforms", url=url, published="2024-06-20")
    assert {(r["name"], r["partner"], r["date"]) for r in platforms} == {
        ("Quzhou Institute of Fluorine Silicon Materials", "Quzhou City", "2024-06-18"),
        ("Moganshan Institute of Rural Design", "Deqing County", "2024-05-08"),
        ("Textile Printing and Dyeing Modern Industry College", "Keqiao District", "2024-04-26")}


def test_the_name_a_university_goes_by_before_a_dash_is_its_short_form():
    # "Technion - Israel Institute of Technology": the page then calls it "Technion" (a news page, no university of
    # its own; the table's hit is counted once, not again as the "Israel Institute of Technology" inside it)
    page = ("Technion - Israel Institute of Technology and Elbit Systems Ltd. signed an agreement on Sunday to "
            "establish an autonomous systems laboratory.\n\n"
            "Separately, Yissum, the technology transfer company of the Hebrew University of Jerusalem, said it is in "
            "talks with a medical device maker.\n\n"
            "Also on Sunday, Technion signed a cooperation agreement with the Haifa Municipality on testing drone "
            "delivery corridors.\n")
    rows = facts(page, "agreements", url="https://en.globes.co.il/en/article-technion-elbit", published="2024-06-10")
    assert ("Technion - Israel Institute of Technology", "Haifa City") in pairs(rows)


def test_a_headline_is_no_part_of_the_name_an_abbreviation_in_the_next_sentence_defines():
    # "... Carbon Capture Research Center" (a headline) then "King Fahd University of Petroleum and Minerals (KFUPM)":
    # the letters abbreviate the university, not "Research Center King Fahd University ..."
    page = ("KFUPM, Aramco Sign Agreement to Establish Carbon Capture Research Center\n\n"
            "Dhahran, February 19, 2024, SPA -- King Fahd University of Petroleum and Minerals (KFUPM) and Saudi Arabian "
            "Oil Company signed an agreement today to establish a carbon capture center.\n\n"
            "The agreement was signed by the President of KFUPM.\n")
    rows = facts(page, "agreements", url="https://www.spa.gov.sa/en/N2051", published="2024-02-19")
    assert pairs(rows) == {("King Fahd University of Petroleum and Minerals", "Saudi Arabian Oil Company")}


def test_start_ups_the_university_or_its_people_founded_are_its_own_no_partners():
    # "University-launched start-ups (cumulative)", "Start-ups founded by faculty and alumni": its own companies, as
    # spin-outs are (start-ups incubated with partner companies stay counts)
    page = ("Key indicators\n\n"
            "Indicator | FY2022 | FY2023\n"
            "Joint research contracts with companies | 1,561 | 1,640\n"
            "University-launched start-ups (cumulative) | 139 | 158\n\n"
            "In numbers\n"
            "Start-ups founded by faculty and alumni: 1,850\n"
            "Start-ups incubated with partner companies: 240\n")
    rows = facts(page, "counts", url="https://www.tohoku.ac.jp/en/research/indicators.html", published="2024-05-09")
    assert sorted(r["quantity"] for r in rows) == [240, 1561, 1640]


def test_a_college_named_for_a_university_and_a_company_is_a_joint_platform():
    # "the Shenzhen Polytechnic University-Inovance Industrial Robotics College": a college the university runs with
    # the company after the dash, no unit of the university (as "the X University School of Y" is)
    page = ("The latest, the Shenzhen Polytechnic University-Inovance Industrial Robotics College, was inaugurated on "
            "Nov 28, with Inovance Technology contributing teaching equipment.\n")
    rows = facts(page, "platforms", url="https://www.chinadaily.com.cn/a/202312/01/2.html", published="2023-12-01")
    assert [(r["name"], r["university"], r["platform_type"]) for r in rows] == [
        ("Shenzhen Polytechnic University-Inovance Industrial Robotics College", "Shenzhen Polytechnic University",
         "college")]
