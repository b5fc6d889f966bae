"""Rules of the eleventh round, each on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def test_a_day_of_the_month_followed_by_a_place_is_a_date():
    # "on the 14th at Hale City Hall": the day of the page's month; a capitalised place after "at" is no month
    page = "Carver University signed a research agreement with Hale City on the 14th at Hale City Hall."
    got = run(page, published="2025-05-16")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Hale City", "2025-05-14")]


def test_a_day_of_the_month_before_a_title_is_still_not_read_as_a_date():
    # "the 3rd Plenary Session": an ordinal before a capitalised name is no day
    page = "Carver University signed a research agreement with Hale City on the 3rd Plenary Session of the forum."
    got = run(page, published="2025-05-16")["agreements"]
    assert [a["date"] for a in got] != ["2025-05-03"]


def test_a_government_listed_after_a_bracketed_university_is_a_party():
    # the bracket after the university's name cuts the parse; the city listed next is still one of the parties
    page = ("Carver University signed a three-party agreement with the Westbrook Institute of Science and "
            "Technology (WIST), Hale Metropolitan City and others on May 5, 2025 to build a mobility centre.")
    got = run(page)["agreements"]
    pairs = {(a["university"], a["partner"]) for a in got}
    assert ("Carver University", "Hale City") in pairs


def test_separate_agreements_of_one_body_with_universities_make_no_university_pair():
    page = "On May 5, 2025, Hale City signed cooperation agreements with Carver University and Westbrook University."
    got = run(page, url="https://www.hale.gov.example/news/2025/05/1.html")["agreements"]
    assert {a["partner"] for a in got} == {"Hale City"}


def test_an_industrial_college_founded_by_two_sides_is_a_platform_not_a_co_construction():
    page = ("Carver Robotics Industrial College (CRIC) is a modern industrial college jointly founded by Carver "
            "University and Westbrook Motor Group. It opened in 2021.")
    got = run(page)
    assert got["agreements"] == []
    assert [(p["name"].split(" (")[0], p["platform_type"]) for p in got["platforms"]] == [
        ("Carver Robotics Industrial College", "college")]


def test_a_university_jointly_built_by_two_governments_is_still_a_co_construction():
    page = "Carver University is jointly built by the Ministry of Education and Hale Province."
    got = run(page)["agreements"]
    assert {a["agreement_type"] for a in got} == {"co_construction"}


def test_a_headline_in_capitals_gives_no_agreement_of_its_own():
    page = ("HALE GOVT INKS THREE MoUs WITH CARVER UNIVERSITY, WIST AND WESTBROOK UNIVERSITY\n"
            "The Hale State Government on May 5, 2025 signed a memorandum of understanding with Carver University.")
    got = run(page)["agreements"]
    assert got and all(a["evidence"].startswith("The Hale") for a in got)


def test_a_title_joined_by_an_ampersand_is_no_party():
    page = ("Carver University, Hale City and Westbrook Motors concluded a partnership agreement on May 5, 2025. "
            "The agreement was signed by the President of Carver University, the Mayor of Hale and the President & "
            "CEO of Westbrook Motors.")
    got = run(page)["agreements"]
    assert all("CEO" not in a["partner"] for a in got)
    assert {a["partner"] for a in got} >= {"Hale City", "Westbrook Motors"}


def test_an_innovation_district_is_a_platform_not_a_government():
    page = ("Carver University and Hale County launched the Riverside Innovation District in April under a "
            "memorandum of understanding signed last fall.")
    got = run(page, published="2025-08-20")
    assert [(a["partner"], a["partner_type"]) for a in got["agreements"]] == [("Hale County", "county")]
    assert [(p["name"], p["platform_type"]) for p in got["platforms"]] == [
        ("Riverside Innovation District", "industrial_park")]


def test_smart_city_is_an_idea_not_a_city():
    page = "On May 5, 2025, Carver University signed an MoU with the Hale Authority on Smart City research."
    got = run(page)["agreements"]
    assert all(a["partner"] != "Smart City" for a in got)


def test_last_season_is_the_latest_such_season_before_publication_at_year_precision():
    page = "Carver University and Hale County signed a memorandum of understanding last fall."
    got = run(page, published="2025-08-20")["agreements"]
    assert [(a["date"], a["date_precision"]) for a in got] == [("2024", "year")]
    got = run(page, published="2025-12-20")["agreements"]
    assert [(a["date"], a["date_precision"]) for a in got] == [("2025", "year")]


_TABLE = ("The Hale Provincial Department of Education has announced its 2024 batch of provincial engineering "
          "research centers.\n\n"
          "Center\tHost university\tCo-building enterprise\n"
          "Tungsten and Rare Earth Advanced Materials Engineering Research Center\tCarver University\tWestbrook "
          "Tungsten Co., Ltd.\n"
          "Smart Harbour Logistics Engineering Research Center\tHale University\t-\n")


def test_a_tab_separated_table_of_platforms_and_builders_is_read_row_by_row():
    got = run(_TABLE, url="https://www.hale.gov.example/english/news/202412/t1.htm", published="2024-12-27")
    rows = [(p["name"], p["university"], p["partner"], p["date"]) for p in got["platforms"]]
    assert rows == [("Tungsten and Rare Earth Advanced Materials Engineering Research Center", "Carver University",
                     "Westbrook Tungsten Co., Ltd.", "2024-12-27")]


def test_a_row_with_an_empty_builder_cell_is_no_partnership():
    got = run(_TABLE, url="https://www.hale.gov.example/english/news/202412/t1.htm", published="2024-12-27")
    assert all("Harbour" not in p["name"] for p in got["platforms"])


def test_an_agreement_the_noun_phrase_dates_itself_is_an_agreement_of_that_year():
    page = "Under its 2021 framework agreement with Westbrook Air Lines, Carver University placed 120 students."
    got = run(page, published="2025-06-10")["agreements"]
    assert [(a["university"], a["partner"], a["partner_type"], a["date"], a["date_precision"]) for a in got] == [
        ("Carver University", "Westbrook Air Lines", "enterprise", "2021", "year")]


def test_an_agreement_of_a_year_between_two_sides_takes_that_year_not_the_pages():
    page = ("On 3 June 2025 Carver University opened a laboratory. It builds upon the cooperation agreement of 2018 "
            "between Carver University and the Hale Institute for Ocean Research.")
    got = run(page, published="2025-06-04")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Hale Institute for Ocean Research", "2018")]


def test_a_first_nation_keeps_first_nation_in_its_name():
    page = "On May 5, 2025, Carver University signed a memorandum with the Hale Lake First Nation."
    got = run(page, url="https://www.carver.ca/news/2025/05/1.html")["agreements"]
    assert [a["partner"] for a in got] == ["Hale Lake First Nation"]


def test_a_place_tech_short_name_is_the_one_listed_institute_of_technology():
    page = "On May 5, 2025, Georgia Tech signed a research agreement with Westbrook Air Lines."
    got = run(page)["agreements"]
    assert [a["university"] for a in got] == ["Georgia Institute of Technology"]


_ACHIEVEMENTS = ("Carver University has built research institutes with its partners, listed below (partner: platform, "
                 "year founded; results).\n\n"
                 "Hale City, Westbrook: Carver Hale Research Institute, 2019; 168 projects with local firms, 9 joint "
                 "laboratories\n"
                 "Westbrook Motor Group Co., Ltd.: strategic cooperation agreement renewed in 2023; 126 joint projects\n"
                 "Ashford City, Westbrook: cooperation agreement signed in May 2024; an institute under construction\n"
                 "Tags: MoU, Hale City, Partnerships\n")


def test_rows_of_a_partner_list_with_a_colon_are_rows_not_one_wrapped_sentence():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    assert {(a["partner"], a["date"]) for a in got["agreements"]} == {
        ("Westbrook Motor Group Co., Ltd.", "2023"), ("Ashford City", "2024-05")}


def test_a_platform_named_in_a_partner_row_is_set_up_with_that_partner_in_the_year_given():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    assert [(p["name"], p["partner"], p["date"]) for p in got["platforms"]] == [
        ("Carver Hale Research Institute", "Hale City", "2019")]


def test_figures_of_a_partner_row_are_the_platforms_or_the_universitys_never_the_partners():
    got = run(_ACHIEVEMENTS, url="https://www.carver.edu.cn/cooperation/index.htm", published="2025-02-01")
    subjects = {c["quantity"]: c["subject"] for c in got["counts"]}
    assert subjects[168] == "Carver Hale Research Institute"
    assert subjects[126] == "Carver University"


def test_a_deadline_after_the_pages_year_dates_no_agreement():
    page = ("The Hale Government on Wednesday signed five memoranda of understanding. Carver University signed with "
            "the Hale Skill Mission to train 5,000 young people in drone farming by 2027.")
    got = run(page, published="2025-02-19")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Hale Skill Mission", "2025-02")]


def test_a_headline_in_capitals_does_not_hide_the_days_signing_from_the_body():
    page = ("HALE GOVT INKS FIVE MoUs WITH CARVER UNIVERSITY, IIT WESTBROOK, ASHFORD INSTITUTE AND HALE UNIVERSITY\n\n"
            "- \u20b948.5 CRORE AGRITECH INNOVATION HUB TO COME UP AT CARVER UNIVERSITY\n"
            "- STATE HAS SIGNED 62 MoUs WITH UNIVERSITIES SINCE MARCH 2022: CABINET MINISTER\n\n"
            "Hale City, February 19:\n\n"
            "The Hale Government on Wednesday signed five memoranda of understanding. The Hale Science Council "
            "signed with Carver University for a Centre of Excellence in Groundwater Informatics.")
    got = run(page, url="https://www.hale.gov.in/news/1", published="2025-02-19")["agreements"]
    assert [(a["university"], a["date"]) for a in got] == [("Carver University", "2025-02")]


def test_firms_students_were_placed_with_are_counted_as_partners():
    page = "Last year, 2,150 Carver University students were placed on industrial attachment with 640 companies."
    got = {(c["quantity"], c["unit"]) for c in run(page)["counts"]}
    assert (640, "enterprise") in got


def test_firms_projects_were_done_with_are_counted():
    page = "In 2024, Carver University's gateways completed 712 projects with 486 companies."
    got = {(c["quantity"], c["unit"]) for c in run(page)["counts"]}
    assert got >= {(712, "program"), (486, "enterprise")}


def test_a_company_with_employees_is_still_a_size_not_a_tally():
    page = "Westbrook Motors, a company with 3,000 employees, visited Carver University on Monday."
    assert run(page)["counts"] == []


def test_a_number_in_quotes_names_a_class_of_universities():
    page = ("Since 2015, Hale City has brought in institutes of 29 universities, 16 of them former \"985\" "
            "universities.")
    got = [c["quantity"] for c in run(page)["counts"]]
    assert 985 not in got and 29 in got


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


def test_a_partnership_agreement_for_training_people_is_talent_training():
    from pipelines.extract.agreement_types import agreement_type
    assert agreement_type("concluded a comprehensive partnership agreement on the development of semiconductor "
                          "human resources") == "talent_training"
    assert agreement_type("signed a partnership agreement covering research and regional growth") == "strategic_cooperation"


def test_the_two_sides_after_a_joint_platforms_name_are_its_university_and_partner():
    page = ("Students visit the Hale Dairy training farm run by Westbrook Dairy. A technician works on a pilot line "
            "of the Carver University-Westbrook Joint Research Center for Dairy Probiotics in Hale County. The two "
            "sides signed an agreement in 2022 to set up the center.")
    got = run(page)["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Carver University", "Westbrook Dairy", "2022")]


def test_a_participle_after_an_approved_object_founds_it_with_its_agents():
    page = ("The Ministry of Education approved the Key Laboratory of Coastal Ecology, jointly built by Carver "
            "University and Hale Province.")
    got = run(page)["platforms"]
    assert [(p["name"], p["university"], p["partner"]) for p in got] == [
        ("Key Laboratory of Coastal Ecology", "Carver University", "Hale Province")]


def test_member_units_of_an_alliance_are_counted_as_institutions():
    page = "Currently, the Carver University alliance has 87 member units, including 23 universities and 64 enterprises."
    got = {(c["quantity"], c["unit"]) for c in run(page)["counts"]}
    assert (87, "institution") in got


def test_respectively_pairs_two_lists_in_order():
    page = ("On June 9, 2023, Hale City and Ashford City concluded framework agreements with Carver University and "
            "Westbrook University respectively.")
    got = run(page)["agreements"]
    assert {(a["university"], a["partner"]) for a in got} == {("Carver University", "Hale City"),
                                                            ("Westbrook University", "Ashford City")}


def test_a_city_municipality_administration_and_an_isle_council_are_their_places():
    page = ("On 12 August 2024 Carver University signed a partnership agreement with Hale City Municipality "
            "Administration. On 13 August 2024 Carver University signed an agreement with Isle of Ashford County "
            "Council.")
    got = run(page)["agreements"]
    assert {(a["partner"], a["partner_type"]) for a in got} == {("Hale City", "city"), ("Isle of Ashford County", "county")}


_CARDS = ("Our partners\n\n"
          "Carver University works with more than 350 partners. A few of them:\n\n"
          "Westbrook Energy Corporation\n"
          "Research partner since 2016. A renewed master research agreement (2024) runs to 2029.\n"
          "Read more \u2192\n\n"
          "City of St. Ashford\n"
          "Memorandum of understanding on urban sustainability, signed in 2021.\n"
          "Read more \u2192\n\n"
          "Hale Robotics Inc.\n"
          "Supplier of simulators for the teaching lab.\n"
          "Read more \u2192\n")


def test_lines_under_a_partner_card_title_tell_the_universitys_agreement_with_it():
    got = run(_CARDS, url="https://www.example.org/research/partners", published="2025-04-08")["agreements"]
    assert {(a["university"], a["partner"], a["date"]) for a in got} == {
        ("Carver University", "Westbrook Energy Corporation", "2024"), ("Carver University", "St. Ashford City", "2021")}


@pytest.mark.parametrize("text, amount, currency", [
    ("Under the agreement, Westbrook Ltd. will fund a research program at Carver University in the amount of NIS 6.5 "
     "million (about $1.9 million).", 6500000, "ILS"),
    ("The two enterprises will invest a total of MOP 36 million (approximately RMB 33 million) in the Carver University "
     "laboratories.", 36000000, "MOP"),
    ("Vinnova will grant SEK 40 million to Carver University for the centre.", 40000000, "SEK"),
])
def test_more_currencies_and_the_stated_amount_before_a_bracketed_conversion(text, amount, currency):
    got = [(f["amount"], f["currency"]) for f in run(text)["funding"]]
    assert got == [(amount, currency)]


def test_a_code_in_lower_case_is_no_currency():
    assert run("Carver University students try 5 million times a year.")["funding"] == []


@pytest.mark.parametrize("text", [
    "Westbrook Ltd. closed a $9 million seed round, led by an agritech fund, in September.",
    "The global market for drought-tolerant seeds is projected to exceed $14 billion by 2030.",
    "The government wants to double the value of the tech sector to $20 billion by 2030.",
    "Hale Tea Group signed a 30 million yuan supply contract with a Shanghai tea chain.",
    "The council's long-term plan sets out $39 billion of capital investment over the next decade.",
])
def test_financing_market_sizes_targets_and_trade_are_no_partnership_funding(text):
    assert run(text, published="2025-05-06")["funding"] == []


def test_patents_a_body_registered_are_its_own_not_technology_moved_to_partners():
    page = ("Founded in 1964, Carver University's transfer office has registered over 11,000 patents covering 3,200 "
            "inventions and has licensed over 1,100 technologies to industry.")
    got = {(c["quantity"], c["unit"]) for c in run(page)["counts"]}
    assert got == {(1100, "technology")}


def test_figures_under_a_targets_label_are_no_counts():
    page = "Target indicators by 2027: 25 pilots completed, 20 enterprises supported by Carver University."
    assert run(page)["counts"] == []


def test_the_body_a_new_centre_is_housed_at_is_no_platform_set_up():
    page = ("On May 5, 2025, Carver University and Hale County signed a memorandum of understanding creating the Hale "
            "Water Learning Center, which will be housed at Carver's Hale Basin Research and Extension Center.")
    got = run(page)["platforms"]
    assert [p["name"] for p in got] == ["Hale Water Learning Center"]


def test_undated_signings_of_a_page_about_an_event_take_the_events_day():
    page = ("The 2024 Carver University Alumni Forum was held at the Hale Road Campus on October 19, bringing "
            "together 260 alumni.\n\n"
            "Beyond the gifts, Carver University signed strategic cooperation agreements with Westbrook Power "
            "Technology Co., Ltd. and Ashford Avionics Co., Ltd.")
    got = run(page, published="2024-10-22")["agreements"]
    assert {(a["partner"], a["date"]) for a in got} == {("Westbrook Power Technology Co., Ltd.", "2024-10-19"),
                                                      ("Ashford Avionics Co., Ltd.", "2024-10-19")}


def test_a_weekday_with_day_and_month_in_brackets_is_that_day():
    page = "Carver University and Hale City Government signed a cooperation agreement on Monday (14/7)."
    got = run(page, url="https://www.carver.ac.id/news/1", published="2025-07-16")["agreements"]
    assert [(a["date"], a["date_precision"]) for a in got] == [("2025-07-14", "day")]


def test_the_government_of_the_state_of_x_is_the_state():
    page = "On May 5, 2025, Carver University and the Government of the State of Hale signed a general agreement."
    got = run(page)["agreements"]
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Hale", "province")]


def test_an_agreement_signed_with_a_city_on_a_universitys_page_is_the_universitys():
    page = ("Carver University news. A cooperation agreement signed with Hale City in May 2021 led to the Carver Hale "
            "Institute, which opened a year later.")
    got = run(page, url="https://www.example.edu/news/1")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [("Carver University", "Hale City", "2021-05")]


def test_the_university_on_a_citys_page_is_the_one_just_named():
    page = ("Researchers from Westbrook University inspect a tea base in Hale City. Three students from Carver University "
            "live in the village. The biggest body is the Carver University Hale Research Institute, opened in 2020. "
            "In March, the city and the university signed an agreement to expand it. Westbrook University has "
            "stationed 58 experts in Hale.")
    got = run(page, url="https://www.chinadaily.com.cn/a/202504/1.html", published="2025-04-10")["agreements"]
    assert [a["university"] for a in got] == ["Carver University"]


@pytest.mark.parametrize("text, quantity, unit", [
    ("Until now, Carver University has cooperation with 29 regency and city governments.", 29, "other"),
    ("Carver University's monitoring network now counts 86 farms and ranches.", 86, "enterprise"),
    ("Carver University works with 40 cooperatives in the county.", 40, "enterprise"),
])
def test_governments_farms_and_cooperatives_are_counted(text, quantity, unit):
    assert (quantity, unit) in {(c["quantity"], c["unit"]) for c in run(text)["counts"]}


def test_governments_that_are_no_partners_are_no_count():
    assert run("Carver University hosted officials from 12 governments at a forum.")["counts"] == []


def test_a_university_name_does_not_swallow_a_company_after_and():
    page = ("The two platforms come from the strategic cooperation agreement signed by Carver University of "
            "Petroleum and Westbrook Group in October 2022.")
    got = run(page)["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Carver University of Petroleum", "Westbrook Group", "2022-10")]


def test_names_listed_after_companies_among_them_are_each_a_company():
    page = ("Carver University on Tuesday signed a consortium agreement with eight mining companies, among them "
            "Westbrook Resources, Hale Gold, Ashford and Norvale Business.")
    got = run(page)["agreements"]
    assert {(a["partner"], a["partner_type"]) for a in got} == {
        ("Westbrook Resources", "enterprise"), ("Hale Gold", "enterprise"), ("Ashford", "enterprise"),
        ("Norvale Business", "enterprise")}


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
