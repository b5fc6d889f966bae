"""Page layouts and names of the thirteenth round; each rule on pages written for these tests (not copied from
any page)."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.dates import DateContext, find_dates


def run(text, url="https://www.polimi.it/en/annual-report-2024.pdf", published="2025-04-02"):
    return extract_document(text, document_id="n", url=url, published=published)


TABLE = ("POLITECNICO DI MILANO - ANNUAL REPORT 2024\n\n"
         "Politecnico di Milano works with companies on long research programmes.\n\n"
         "Table 3 - Industrial partners\n\n"
         "Partner                Agreement since     Joint platform (opened)\n"
         "Orbis Systems          2015                e-Drive Testing Lab (2017)\n"
         "Halemark Energy        2020                4D Imaging Joint Lab (2022)\n"
         "Westbrook Bank         2021                -\n")


def test_a_partner_table_with_the_year_of_the_agreement_gives_one_agreement_per_row():
    got = sorted((a["university"], a["partner"], a["date"]) for a in run(TABLE)["agreements"])
    assert got == [("Politecnico di Milano", "Halemark Energy", "2020"),
                   ("Politecnico di Milano", "Orbis Systems", "2015"),
                   ("Politecnico di Milano", "Westbrook Bank", "2021")]


def test_years_under_a_column_of_dates_are_no_counts():
    assert [c["quantity"] for c in run(TABLE)["counts"]] == []


def test_a_platform_cell_keeps_its_lower_case_or_figure_prefix_and_gives_its_year_as_the_date():
    got = sorted((p["name"], p["partner"], p["date"]) for p in run(TABLE)["platforms"])
    assert got == [("4D Imaging Joint Lab", "Halemark Energy", "2022"),
                   ("e-Drive Testing Lab", "Orbis Systems", "2017")]


def test_a_table_of_figures_still_counts_years_that_are_no_dates():
    page = ("Carver University in figures\n\n"
            "City            Agreements signed     Projects\n"
            "Hale            12                    2019\n")
    got = [(c["quantity"], c["unit"]) for c in run(page, url="https://www.carver.edu/figures")["counts"]]
    assert (12, "agreement") in got


def test_the_first_word_of_the_pages_university_names_it():
    page = ("Politecnico di Milano - News\n\n"
            "In May 2025 the Politecnico and Orbis Group signed a framework agreement on hydrogen engines.")
    got = [(a["university"], a["partner"], a["date"]) for a in run(page)["agreements"]]
    assert got == [("Politecnico di Milano", "Orbis Group", "2025-05")]


def test_the_first_word_of_another_university_is_no_reference_to_the_page_university():
    page = ("Carver University - News\n\n"
            "In May 2025 the Politecnico and Orbis Group signed a framework agreement on hydrogen engines.")
    got = [a["university"] for a in run(page, url="https://www.carver.edu/news/1")["agreements"]]
    assert "Politecnico di Milano" not in got


def test_years_joined_to_a_dated_year_are_dates_of_their_own():
    dates = find_dates("the agreement was renewed 2015 and 2023, and again in 2019, 2021 and 2024",
                       DateContext(published="2025-01-01"))
    assert [(d.value, d.kind) for d in dates] == [("2015", "year"), ("2023", "joined_year"), ("2019", "year"),
                                                   ("2021", "joined_year"), ("2024", "joined_year")]


def test_a_joined_year_is_no_amount():
    dates = find_dates("signed in 2019 and 2020 yuan were paid", DateContext(published="2025-01-01"))
    assert [d.value for d in dates] == ["2019"]


def test_a_partner_list_row_renewed_in_two_years_gives_a_row_per_year():
    page = ("Carver University | Research partners\n\nIndustry partners\n\n"
            "• Orbis Chemical Company Limited – cooperation agreement first signed in 1998, renewed 2012 and 2022\n"
            "• Hale Chemical Industry Park – strategic agreement, 2018\n")
    got = sorted((a["partner"], a["date"]) for a in run(page, url="https://www.carver.edu/partners")["agreements"])
    assert got == [("Hale Chemical Industry Park", "2018"), ("Orbis Chemical Company Limited", "1998"),
                   ("Orbis Chemical Company Limited", "2012"), ("Orbis Chemical Company Limited", "2022")]


def test_a_former_name_resolves_to_the_current_university():
    page = ("Brampton City News\n\n"
            "In 2018 the city and Ryerson University signed a memorandum on cybersecurity training.")
    got = [a["university"] for a in run(page, url="https://www.brampton.ca/news/1")["agreements"]]
    assert got == ["Toronto Metropolitan University"]


FACT_SHEET = ("Westbrook University\n\nFact Sheet: Serving the Region (2024)\n\nOffice of Cooperation | 2025-02-18\n\n"
              "In 2024, Westbrook University kept putting its research to work. Key figures for the year:\n\n"
              "AGREEMENTS\n"
              "• Strategic cooperation agreements with the people's governments of Jieyang City (March) and Zhaoqing "
              "City (November)\n"
              "• Framework agreement with Orbis Motors Co., Ltd. on battery packs (July)\n\n"
              "MONEY\n• Research contracts with enterprises: 1.12 billion yuan\n\n"
              "TARGETS FOR 2025\n• 25 new agreements and 10 new joint platforms\n")


def test_bullets_that_open_on_an_agreement_with_parties_dated_in_brackets_are_agreements_of_those_months():
    got = sorted((a["partner"], a["date"]) for a in run(FACT_SHEET, url="https://www.westbrook-u.edu.cn/facts",
                                                         published="2025-02-18")["agreements"])
    assert got == [("Jieyang City", "2024-03"), ("Orbis Motors Co., Ltd.", "2024-07"), ("Zhaoqing City", "2024-11")]


def test_a_section_heading_in_capitals_is_no_partner_card():
    got = [a["partner"] for a in run(FACT_SHEET, url="https://www.westbrook-u.edu.cn/facts",
                                     published="2025-02-18")["agreements"]]
    assert "MONEY" not in got and "TARGETS FOR 2025" not in got


def test_an_undated_bullet_on_an_agreement_is_no_record():
    page = "Westbrook University\n\nOur goals\n\n• Framework agreement with Orbis Motors on battery packs\n"
    assert run(page, url="https://www.westbrook-u.edu.cn/goals")["agreements"] == []


def test_a_row_of_a_record_without_a_list_marker_of_its_own_is_merged_whatever_its_origin():
    # (rows of the page's own layouts carry no "_enumerated" mark: merging them must not fail)
    from pipelines.extract.agreement_merge import merge
    rows = [{"university": "Westbrook University", "partner": "Hale City", "date": None, "date_precision": None},
            {"university": "Westbrook University", "partner": "Hale City", "date": None, "date_precision": None,
             "_enumerated": False}]
    assert len(merge(rows, False)) == 1


def test_the_next_day_and_days_later_count_from_the_last_day_told():
    ctx = DateContext(published="2025-06-12")
    ctx.last_day = "2025-06-09"
    got = [(d.value, d.kind) for d in find_dates("The next day, and two days later, the city signed", ctx)]
    assert got == [("2025-06-10", "days_later"), ("2025-06-11", "days_later")]
    ctx.last_day = "2025-06-12"
    assert [d.value for d in find_dates("the following day", ctx)] == [None]  # (not after the page)


def test_a_signing_the_page_reports_takes_no_date_after_the_page():
    page = ("Westbrook University news\n\nOn June 9, Westbrook University and the University of Hale signed an "
            "agreement to set up a joint institute. The institute will run joint research and enrol its first cohort "
            "of 40 master's students in September 2026. The two universities also renewed the student exchange "
            "agreement they first signed in 2018.")
    dates = sorted(a["date"] for a in run(page, url="https://www.westbrook-u.edu/n/1", published="2025-06-12")["agreements"])
    assert "2026-09" not in dates and "2025-06-09" in dates


def test_a_page_of_a_month_keeps_a_day_of_that_month():
    page = ("Westbrook University newsletter, November 2023\n\nWestbrook University and the Hale Academy of Sciences "
            "renewed their strategic cooperation agreement on 2 November.")
    got = [a["date"] for a in run(page, url="https://www.westbrook-u.edu/n/2", published="2023-11")["agreements"]]
    assert got == ["2023-11-02"]


def test_a_platform_noun_alone_names_no_platform():
    page = "Westbrook University annual review\n\nPlatform construction made new progress."
    assert run(page, url="https://www.westbrook-u.edu/n/3")["platforms"] == []


def test_a_bare_name_row_under_a_lead_of_bodies_set_up_is_a_platform_of_its_university():
    page = ("Hale Municipal People's Government\n\nOn August 27, 2025 Hale City signed agreements with Westbrook "
            "University and Carver University.\n\nThree institutes were inaugurated in the park at the same time:\n"
            "- Westbrook University Hale Institute of Marine Drugs\n"
            "- Westbrook University Coastal Materials Research Center\n"
            "- Carver University Blue Food Innovation Center\n")
    got = sorted((p["name"], p["university"]) for p in run(page, url="http://www.hale.gov.cn/n/1",
                                                           published="2025-08-28")["platforms"])
    assert ("Carver University Blue Food Innovation Center", "Carver University") in got
    assert ("Westbrook University Coastal Materials Research Center", "Westbrook University") in got


def test_a_name_row_without_a_lead_is_no_platform():
    page = ("Hale Municipal People's Government\n\nOur partners:\n- Carver University Blue Food Innovation Center\n")
    assert run(page, url="http://www.hale.gov.cn/n/2", published="2025-08-28")["platforms"] == []


def test_in_after_a_names_complement_names_its_field_unless_a_place_follows():
    got = [p["name"] for p in run("Westbrook University has entered into an agreement with Orbis Medical Center for "
                                  "setting up a Centre for AI in Cancer Imaging at the hospital's campus.")["platforms"]]
    assert got == ["Centre for AI in Cancer Imaging"]
    got = [p["name"] for p in run("Westbrook University and Orbis Motors opened the Centre for Research in Hangzhou "
                                  "in May.")["platforms"]]
    assert got == ["Centre for Research"]
