"""Dates, money and counts of the eleventh round; each rule on sentences written for these tests (not copied from any page)."""

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


def test_last_season_is_the_latest_such_season_before_publication_at_year_precision():
    page = "Carver University and Hale County signed a memorandum of understanding last fall."
    got = run(page, published="2025-08-20")["agreements"]
    assert [(a["date"], a["date_precision"]) for a in got] == [("2024", "year")]
    got = run(page, published="2025-12-20")["agreements"]
    assert [(a["date"], a["date_precision"]) for a in got] == [("2025", "year")]


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


def test_a_deadline_after_the_pages_year_dates_no_agreement():
    page = ("The Hale Government on Wednesday signed five memoranda of understanding. Carver University signed with "
            "the Hale Skill Mission to train 5,000 young people in drone farming by 2027.")
    got = run(page, published="2025-02-19")["agreements"]
    assert [(a["partner"], a["date"]) for a in got] == [("Hale Skill Mission", "2025-02")]


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


def test_member_units_of_an_alliance_are_counted_as_institutions():
    page = "Currently, the Carver University alliance has 87 member units, including 23 universities and 64 enterprises."
    got = {(c["quantity"], c["unit"]) for c in run(page)["counts"]}
    assert (87, "institution") in got


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


@pytest.mark.parametrize("text, quantity, unit", [
    ("Until now, Carver University has cooperation with 29 regency and city governments.", 29, "other"),
    ("Carver University's monitoring network now counts 86 farms and ranches.", 86, "enterprise"),
    ("Carver University works with 40 cooperatives in the county.", 40, "enterprise"),
])
def test_governments_farms_and_cooperatives_are_counted(text, quantity, unit):
    assert (quantity, unit) in {(c["quantity"], c["unit"]) for c in run(text)["counts"]}


def test_governments_that_are_no_partners_are_no_count():
    assert run("Carver University hosted officials from 12 governments at a forum.")["counts"] == []


@pytest.mark.parametrize("text", [
    "No more than 20 centers will be approved this year.",
    "In 2021 the Carver Industrial College was among the first batch of 50 national industrial colleges selected by "
    "the Ministry of Education.",
])
def test_a_quota_and_a_batch_a_body_belongs_to_are_no_counts(text):
    assert run(text)["counts"] == []


def test_a_year_word_before_the_second_amounts_verb_makes_it_yearly():
    text = ("Under the agreement, Hale County once gives Carver University 3 million yuan as a start-up fund, and every "
            "year arranges not less than 1 million yuan for operations.")
    got = {(f["amount"], f["per"]) for f in run(text)["funding"]}
    assert got == {(3000000, "total"), (1000000, "year")}


def test_a_ceiling_for_each_of_many_is_no_funding():
    text = "Startups incubated at Carver University will be eligible for seed support of up to \u20b915 lakh each."
    assert run(text)["funding"] == []


@pytest.mark.parametrize("text, amount", [
    ("A renewed master research agreement with Carver University adds $6 million for ocean research.", 6000000),
    ("State budget co-financing for Carver University: EUR 414,000", 414000),
])
def test_money_added_for_research_and_a_budgets_co_financing_are_funding(text, amount):
    assert [f["amount"] for f in run(text)["funding"]] == [amount]
