"""Rules of the twenty-sixth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_one_with_a_and_the_other_with_b_gives_both_sides():
    # the distributive "one with A (ABC) and the other with B" after a date: the parse hangs "one" on the date and
    # "the other" on the first side, yet each names a side of the signing
    page = ("The Indian Institute of Technology Madras (IIT Madras) signed two Memoranda of Understanding (MoUs) on "
            "Monday, one with the Tamil Nadu State Disaster Management Authority (TNSDMA) and the other with NLC India "
            "Limited (NLCIL).\n")
    rows = facts(page, "agreements", url="https://www.iitm.ac.in/happenings/press-releases/x", published="2024-03-08")
    assert {p for _, p in pairs(rows)} == {"Tamil Nadu State Disaster Management Authority", "NLC India Limited"}


def test_a_description_in_apposition_names_no_party():
    # "B (KSM), the nodal agency of the Government of Kerala": the description says whose agency B is; the
    # government is no side of the signing
    page = ("Cochin University of Science and Technology signed an MoU with Kerala Startup Mission (KSM), the nodal "
            "agency of the Government of Kerala for startups, on 4 June 2024.\n")
    rows = facts(page, "agreements", url="https://www.cusat.ac.in/news/x", published="2024-06-05")
    assert {p for _, p in pairs(rows)} == {"Kerala Startup Mission"}


def test_money_for_industry_university_research_projects_is_funding():
    # "industry-" opening a compound is no industry whose size the figure gives
    page = ("Hunan University: local cooperation\n\n"
            "The provincial finance department earmarked 900 million yuan in 2023 for industry-university-research "
            "projects with Hunan University.\n")
    rows = facts(page, "funding", url="https://en.hnu.edu.cn/info/1.htm", published="2024-01-10")
    assert [r["amount"] for r in rows] == [900_000_000]


def test_a_word_of_pay_in_a_contrasting_clause_does_not_void_the_sum():
    # "A and B will contribute R$ 30 million, while C provides researchers' salaries": the salaries are C's share in
    # kind, no figure of pay
    page = ("The agreement creating the centre was signed by Unicamp, Natura and FAPESP in May 2024.\n\n"
            "Natura and FAPESP will together contribute R$ 30 million over five years, while Unicamp provides "
            "researchers' salaries and laboratories.\n")
    rows = facts(page, "funding", url="https://www.unicamp.br/en/news/x", published="2024-05-20")
    assert [(r["amount"], r["currency"], r["period_years"]) for r in rows] == [(30_000_000, "BRL", 5)]


def test_a_decimal_sum_added_for_training_is_funding():
    # "added $2.5 million for workforce training": the decimal point of the figure ends no sentence
    page = ("The company is providing $12 million for the lab over four years. The Michigan Economic Development "
            "Corporation added $2.5 million for workforce training equipment.\n")
    rows = facts(page, "funding", url="https://news.umich.edu/x", published="2024-04-02")
    assert sorted(r["amount"] for r in rows) == [2_500_000, 12_000_000]


def test_a_province_told_by_its_country_signs():
    # "Southwest China's Guizhou province signed ...": the province itself, not a place something lies in
    page = ("Southwest China's Yunnan province signed strategic cooperation agreements with Tsinghua University and "
            "Fudan University in Kunming on Tuesday.\n")
    rows = facts(page, "agreements", url="https://www.chinadaily.com.cn/a/202405/x.html", published="2024-05-09")
    assert pairs(rows) == {("Tsinghua University", "Yunnan Province"), ("Fudan University", "Yunnan Province")}


def test_a_brand_in_small_letters_before_the_legal_form_is_one_company():
    page = ("Seoul National University signed a three-way agreement with Seoul City and SK hynix Inc. on Tuesday to "
            "train chip engineers.\n")
    rows = facts(page, "agreements", url="https://en.snu.ac.kr/news/x", published="2024-03-14")
    assert {p for _, p in pairs(rows)} == {"Seoul City", "SK hynix Inc."}


def test_a_campus_city_in_brackets_names_that_university_not_a_short_form():
    # "HKUST (Guangzhou)" / "HKUST(GZ)" is a university of its own (in the reference table); the city in brackets
    # is no short form of the Hong Kong university, and "HKUST" inside "HKUST(GZ)" is not the Hong Kong one
    page = ("HKUST (Guangzhou) signs deal with Panyu district\n\n"
            "Mainland campus of Hong Kong University of Science and Technology opens a lab\n\n"
            "The Hong Kong University of Science and Technology (Guangzhou) signed a framework agreement with the Panyu "
            "district government on Friday to set up the HKUST(GZ)-Panyu Institute for Robotics.\n")
    rows = facts(page, "agreements", url="https://www.scmp.com/news/x", published="2024-02-26")
    assert pairs(rows) == {("The Hong Kong University of Science and Technology (Guangzhou)", "Panyu District")}


def test_money_in_a_list_of_goals_is_a_target():
    # the rows under "Our goals for 2030" are targets (convention 9), whatever verb opens them
    page = ("Partnerships by the numbers\n\n"
            "Industry-sponsored research funding | $48.2 million\n\n"
            "Our goals for 2030\n\n"
            "Grow co-op employers to 8,000\n"
            "Raise $80 million a year in research funding from partners\n")
    rows = facts(page, "funding", url="https://uwaterloo.ca/partnerships/x", published="2024-04-01")
    assert [r["amount"] for r in rows] == [48_200_000]


def test_an_agreement_signed_by_representatives_of_all_parties_pairs_the_universities_too():
    # one agreement, its parties all in the "by" phrase of the signing: every pair with a university (convention 2)
    page = ("The civic agreement was signed on Thursday by representatives of the University of Leeds, Leeds Beckett "
            "University and Leeds City Council.\n")
    rows = facts(page, "agreements", url="https://www.leeds.ac.uk/news/x", published="2023-06-20")
    assert pairs(rows) == {("University of Leeds", "Leeds Beckett University"), ("University of Leeds", "Leeds City"),
                           ("Leeds Beckett University", "Leeds City")}


def test_iit_ism_dhanbad_is_one_university():
    # the reference table knows the school by the IIT name it has had since 2016, brackets and all
    page = ("The Ministry of Coal today signed Memoranda of Understanding with Indian Institute of Technology "
            "(Indian School of Mines) Dhanbad and Indian Institute of Technology Kharagpur.\n")
    rows = facts(page, "agreements", url="https://pib.gov.in/x", published="2025-01-10")
    assert {u for u, _ in pairs(rows)} == {"Indian Institute of Technology (Indian School of Mines) Dhanbad",
                                           "Indian Institute of Technology, Kharagpur"}


def test_money_set_aside_in_a_budget_for_joint_projects_is_funding():
    # "in its fiscal 2024 budget" says where the money comes from; no budget figure of the prefecture
    page = ("Hokkaido University and the prefecture renewed their agreement in April 2024.\n\n"
            "Hokkaido Prefecture has earmarked 90 million yen in its fiscal 2024 budget for joint projects with the "
            "university.\n")
    rows = facts(page, "funding", url="https://www.global.hokudai.ac.jp/news/x", published="2024-04-20")
    assert [(r["amount"], r["currency"], r["funder"]) for r in rows] == [(90_000_000, "JPY", "Hokkaido Prefecture")]


def test_a_centres_budget_is_its_programme_value():
    page = ("Unicamp, FAPESP and Natura signed an agreement to create the Centre for Amazon Bioproducts.\n\n"
            "The centre will have a budget of R$ 60 million over ten years, half of it from Natura.\n")
    rows = facts(page, "funding", url="https://www.unicamp.br/en/news/x", published="2024-05-20")
    assert [(r["amount"], r["kind"], r["period_years"]) for r in rows] == [(60_000_000, "program_value", 10)]


def test_a_universitys_research_funding_in_all_is_no_cooperation_money():
    page = ("Sichuan University signed agreements with four cities in 2023.\n\n"
            "The university's total research funding reached 5.2 billion yuan in 2023.\n")
    rows = facts(page, "funding", url="https://en.scu.edu.cn/info/x.htm", published="2024-01-15")
    assert rows == []


def test_a_companys_short_form_in_brackets_after_its_legal_name_is_that_company():
    # "China Railway Construction Corporation Limited (CRCC Group)": where the page later writes the short form,
    # the company is the one named in full (convention 6)
    page = ("Industry partners\n\n"
            "China Railway Construction Corporation Limited (CRCC Group)\n"
            "Central South University and CRCC Group renewed their strategic cooperation agreement in 2022.\n")
    rows = facts(page, "agreements", url="https://en.csu.edu.cn/info/x.htm", published="2024-01-10")
    assert pairs(rows) == {("Central South University", "China Railway Construction Corporation Limited")}


def test_money_a_university_requested_is_no_commitment():
    page = ("The state has made no new commitment, but officials said they would consider the university's request "
            "for $12 million for a pilot plant next year.\n")
    rows = facts(page, "funding", url="https://news.uwa.edu.au/x", published="2025-03-01")
    assert rows == []


def test_two_coordinated_sides_that_sign_with_no_object_signed_together():
    page = "Signings at the fair\n\n- Northwest University and Shaanxi Coal Group signed on smart mine safety.\n"
    rows = facts(page, "agreements", url="https://en.nwu.edu.cn/info/x.htm", published="2024-05-10")
    assert pairs(rows) == {("Northwest University", "Shaanxi Coal Group")}
    # (not the signatories who sign for their bodies)
    page = ("The President of Northwest University and the Chairman of Shaanxi Coal Group signed on behalf of their "
            "institutions.\n")
    assert facts(page, "agreements", url="https://en.nwu.edu.cn/info/x.htm", published="2024-05-10") == []


def test_a_headline_company_with_its_purpose_is_the_company():
    # title case joins "Agrisense for Saline Soil Technology" into one chunk; the page names the company "Agrisense
    # Ltd." in its text
    page = ("Tel Aviv University Signs License Agreement with Agrisense for Saline Soil Technology\n\n"
            "The university today announced a license agreement with Agrisense Ltd., an agritech start-up.\n")
    rows = facts(page, "agreements", url="https://ramot.org/news/x", published="2025-06-02")
    assert {p for _, p in pairs(rows)} == {"Agrisense Ltd"}


def test_a_title_before_a_companys_name_is_no_part_of_it():
    page = ("Song Li, President of the university, and Wang Ke, Chairman of Sany Heavy Industry Co., Ltd. (SANY Group), "
            "attended.\n\n"
            "A five-year strategic cooperation agreement between Central South University and SANY Group was also signed.\n")
    rows = facts(page, "agreements", url="https://en.csu.edu.cn/info/x.htm", published="2024-05-10")
    assert pairs(rows) == {("Central South University", "Sany Heavy Industry Co., Ltd.")}


def test_a_government_by_its_place_and_a_company_are_two_parties_and_a_weekday_with_its_day_dates_the_signing():
    # "the Government of Bahia and Braskem signed, this Tuesday (4), ...": two bodies (a government named by its
    # place, then a company), and the weekday's bracket gives the day of the page's month
    page = ("The Federal University of Bahia (UFBA), the Government of Bahia and Braskem signed, this Tuesday (4), a "
            "term of technical-scientific cooperation to create a recycling laboratory.\n")
    rows = facts(page, "agreements", url="https://www.ufba.br/en/news/x", published="2025-11-05")
    assert {(a["partner"], a["date"]) for a in rows} == {("Bahia", "2025-11-04"), ("Braskem", "2025-11-04")}


def test_a_brazilian_limitada_is_a_company():
    page = ("The University of Campinas (Unicamp) and Raízen Energia Ltda. signed an agreement on May 3 to create a "
            "biofuels centre.\n")
    rows = facts(page, "agreements", url="https://www.unicamp.br/en/news/x", published="2024-05-06")
    assert [(a["partner"], a["partner_type"]) for a in rows] == [("Raízen Energia Ltda", "enterprise")]


def test_a_strategic_partner_of_a_named_side_since_a_year_is_a_standing_partnership():
    page = "Industry partners\n\nOPPO has been a strategic partner of Tsinghua University since 2019.\n"
    rows = facts(page, "agreements", url="https://www.tsinghua.edu.cn/en/info/x.htm", published="2024-01-10")
    assert [(a["university"], a["partner"], a["date"]) for a in rows] == [("Tsinghua University", "OPPO", "2019")]



def test_a_headlines_one_word_company_that_opens_a_short_form_is_that_company():
    # "carmaker BAIC" in the headline; the text defines "Beijing Automotive Industry Holding Co., Ltd. (BAIC Group)"
    page = ("Peking University signs deals with Haidian district and carmaker BAIC\n\n"
            "Peking University signed a framework agreement with the Haidian district government last Friday.\n\n"
            "It also inked a deal with Beijing Automotive Industry Holding Co., Ltd. (BAIC Group) on Saturday covering "
            "hydrogen vehicles.\n")
    rows = facts(page, "agreements", url="https://english.pku.edu.cn/news/x", published="2024-02-26")
    assert {p for _, p in pairs(rows)} == {"Haidian District", "Beijing Automotive Industry Holding Co., Ltd."}


def test_rows_under_a_lead_of_industry_partners_are_companies_even_where_the_recogniser_reads_a_person():
    page = ("The Indian Institute of Technology Bombay on Monday signed six memoranda of understanding.\n\n"
            "The industry MoUs were signed with:\n"
            "• Mahindra Electric, for a battery laboratory;\n"
            "• Ashok Leyland, on electric bus drivetrains;\n"
            "• Godrej Aerospace, on satellite parts.\n")
    rows = facts(page, "agreements", url="https://www.iitb.ac.in/en/news/x", published="2024-01-08")
    assert {(a["partner"], a["partner_type"]) for a in rows} == {
        ("Mahindra Electric", "enterprise"), ("Ashok Leyland", "enterprise"), ("Godrej Aerospace", "enterprise")}


def test_a_metropolitan_government_is_its_city():
    page = "KAIST, Chungnam National University and the Daejeon Metropolitan Government signed a three-way agreement.\n"
    rows = facts(page, "agreements", url="https://news.kaist.ac.kr/news/x", published="2024-04-12")
    assert ("Korea Advanced Institute of Science and Technology", "Daejeon City") in pairs(rows)


def test_a_list_row_that_says_a_body_is_a_partnership_names_a_platform_not_an_agreement():
    page = ("Our centres\n\n"
            "- Ontario Centre for Soil Health - a partnership between Guelph, the Region of Waterloo and the Province of "
            "Ontario, opened in 2019.\n")
    rows = facts(page, "agreements", url="https://news.uoguelph.ca/x", published="2024-03-01")
    assert rows == []


def test_a_figures_label_under_a_tables_header_is_no_agreement_with_the_header():
    page = ("Table 4  Local cooperation (as of 31 December 2022)\n\n"
            "Item | Number\n"
            "Framework agreements in force with provinces and cities | 52\n"
            "Joint laboratories with enterprises | 140\n")
    rows = facts(page, "agreements", url="https://en.sjtu.edu.cn/info/x.htm", published="2023-03-01")
    assert rows == []


def test_a_list_rows_founding_participle_after_a_dash_founds_the_name_before_it():
    page = ("Industry labs\n\n"
            "- Ford Canada Mobility Lab - co-founded with Ford Motor Company of Canada in 2020.\n"
            "- Waterloo-Nokia Wireless Centre - set up with Nokia Canada in 2022.\n")
    rows = facts(page, "platforms", url="https://uwaterloo.ca/partnerships/x", published="2024-03-01")
    assert {(p["name"], p["date"]) for p in rows} == {("Ford Canada Mobility Lab", "2020"),
                                                      ("Waterloo-Nokia Wireless Centre", "2022")}


def test_general_opening_a_name_is_no_title():
    page = ("Labs\n\nThe University of Waterloo and General Motors Canada co-founded the GM Canada Automotive Software "
            "Lab in 2021.\n")
    rows = facts(page, "platforms", url="https://uwaterloo.ca/x", published="2024-03-01")
    assert [p["partner"] for p in rows] == ["General Motors Canada"]


def test_a_footers_visitor_counter_is_no_count():
    page = ("Wuhan University signed an agreement with Xiangyang City on Monday.\n\n"
            "Copyright © Wuhan University | Visitors: 1,204,117\n")
    rows = facts(page, "counts", url="https://en.whu.edu.cn/info/x.htm", published="2024-03-01")
    assert rows == []


def test_a_money_cell_in_a_table_with_a_column_per_year_is_the_latest_years_money_and_keeps_the_table():
    # an amount in a cell ("$92.4m") keeps the rows after it under the header, and is the latest year's money
    page = ("Key figures\n\n"
            "| Measure | 2023 | 2022 |\n"
            "| Research contracts with industry | 910 | 870 |\n"
            "| Value of industry research income | $92.4m | $88.1m |\n"
            "| Active partnership agreements with government | 140 | 131 |\n")
    counts = facts(page, "counts", url="https://www.monash.edu/annual-report/x", published="2024-04-01")
    assert {140, 910} <= {c["quantity"] for c in counts}
    funding = facts(page, "funding", url="https://www.monash.edu/annual-report/x", published="2024-04-01")
    assert [(f["amount"], f["currency"], f["kind"], f["date"]) for f in funding] == [
        (92_400_000, "AUD", "contract_value", "2023")]
