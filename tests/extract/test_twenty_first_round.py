"""Rules of the twenty-first round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from tests.extract.page_facts import facts


def test_a_table_of_bodies_under_a_name_column_gives_each_row_its_name_partner_and_year():
    # "Name | Co-building party | Year": the platform is the Name column's cell (not a city another cell names), its
    # partner the co-building cell and its date the Year cell
    page = ("Social Service\n\nWuhan University of Technology has built research institutes with local governments.\n\n"
            "Local research institutes\nName | Co-building party | Year\n"
            "Xiangyang Institute of Advanced Materials | Xiangyang Municipal People's Government | 2013\n"
            "Jingmen Green Building Research Institute | Jingmen City | 2018\n")
    got = facts(page, "platforms", url="https://english.whut.edu.cn/research/1.html")
    rows = sorted((p["name"], p["partner"], p["date"]) for p in got if p["name"] and "Institute" in p["name"])
    assert rows == [("Jingmen Green Building Research Institute", "Jingmen City", "2018"),
                    ("Xiangyang Institute of Advanced Materials", "Xiangyang City", "2013")]


def test_a_table_of_agreements_headed_by_the_kind_of_partner_gives_one_row_per_partner():
    # "Locality | Agreement | Signing time", "Enterprise", "County": the column of the bodies signed with; a row whose
    # date cell is empty is the agreement all the same, undated (not the page's date)
    page = ("Cooperation with Localities\n\nDate: 2024-05-10\n\nMain cooperation agreements\n"
            "Locality | Agreement | Signing time\n"
            "Yueyang City | Strategic cooperation agreement | March 2021\n"
            "Liuyang City | Agreement on counterpart assistance | —\n\n"
            "Enterprise partners\nNo. | Enterprise | Agreement | Date\n"
            "1 | Sany Heavy Industry Co., Ltd. | Joint laboratory agreement | 2020.09\n")
    doc = extract_document(page, document_id="p", url="https://english.csu.edu.cn/cooperation/1.html", published=None)
    assert sorted((a["partner"], a["date"]) for a in doc["agreements"]) == [
        ("Liuyang City", None), ("Sany Heavy Industry Co., Ltd.", "2020-09"), ("Yueyang City", "2021-03")]
    assert doc["counts"] == []  # (the row's number is no count of agreements)


def test_a_table_of_agreements_concluded_with_companies_separated_by_tabs():
    page = ("Industry collaboration\n\nOsaka University reports on its partnerships.\n\n"
            "Comprehensive partnership agreements\nCompany\tConcluded\n"
            "Panasonic Holdings Corporation\tApril 2017\nDaikin Industries, Ltd.\tJune 2021\n")
    got = facts(page, "agreements", url="https://www.osaka-u.ac.jp/en/research/1.html", published="2024-07-01")
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Daikin Industries, Ltd.", "2021-06"), ("Panasonic Holdings Corporation", "2017-04")]


def test_a_row_of_a_table_is_no_date_line_of_the_page():
    # with no publication date given, the first row's date is no page date: a later row's signing is not "after
    # the page" and keeps its own date
    page = ("Partnerships with County Governments\n\nSelected county MoUs\nCounty | Date signed | Focus areas\n"
            "Nyeri County | 3 March 2019 | Coffee processing\nMeru County | 12 May 2023 | Water harvesting\n")
    got = facts(page, "agreements", url="https://www.dkut.ac.ke/linkages/counties/", published=None)
    assert sorted((a["partner"], a["date"]) for a in got) == [("Meru County", "2023-05-12"), ("Nyeri County", "2019-03-03")]


def test_a_numeric_date_written_with_dots_is_day_first_on_any_site():
    page = ("MoUs\n\nAnna University signed an MoU with Salzer Electronics Limited on 12.01.2022 for joint "
            "product development.\n")
    got = facts(page, "agreements", url="https://www.sonatech.edu/mou.php", published="2023-01-01")
    assert [(a["partner"], a["date"]) for a in got] == [("Salzer Electronics Limited", "2022-01-12")]


def test_a_row_naming_only_places_governments_is_no_platform():
    # a table of agreements with localities: the locality's cell is the partner, never a body set up
    page = ("Cooperation with Localities\n\nUpdate time: 2023-06-12\n\nMain cooperation agreements (part)\n"
            "Locality | Agreement | Signing time\n"
            "Zhuzhou City | Strategic cooperation framework agreement | 2019\n"
            "Shunde District, Foshan City | Industry-university-research cooperation agreement | 2018\n")
    got = extract_document(page, document_id="p", url="https://en.hnu.edu.cn/cooperation/1.html", published=None)
    assert got["platforms"] == []
    assert sorted((a["partner"], a["date"]) for a in got["agreements"]) == [("Shunde District", "2018"),
                                                                            ("Zhuzhou City", "2019")]


def test_a_numbered_table_of_platforms_laid_out_one_cell_per_line():
    page = ("School-local Cooperation\n\nThe university has set up platforms with governments and enterprises. The "
            "following are some of them.\n\nNo.\nPlatform\nPartner\nYear\n"
            "1\nRizhao Institute of Port Logistics\nRizhao City\n2016\n"
            "2\nLinyi Smart Agriculture Research Center\nLinyi Municipal Bureau of Agriculture\n2019\n"
            "3\nQUST-Sailun Tire College\nSailun Group\n2021\n\nIn recent years, cooperation has deepened.\n")
    got = facts(page, "platforms", url="https://en.qust.edu.cn/cooperation/1.html")
    assert sorted((p["name"], p["date"]) for p in got) == [
        ("Linyi Smart Agriculture Research Center", "2019"), ("QUST-Sailun Tire College", "2021"),
        ("Rizhao Institute of Port Logistics", "2016")]
    assert {p["name"]: p["partner"] for p in got}["Rizhao Institute of Port Logistics"] == "Rizhao City"


def test_a_time_column_dates_each_row_and_the_row_number_is_no_count():
    page = ("Innovation Platforms\n\nRelease time:2023-09-14\n\nList of some R&D institutions in the zone\n"
            "No.\nName\nCo-builder\nTime\n"
            "1\nShandong University Jinan Institute of Smart Grids\nShandong University\n2019.06\n"
            "2\nJinan Institute of Advanced Ceramics\nUniversity of Jinan\n2020.11\n"
            "3\nBeihang Jinan Aero-Engine Research Institute\nBeihang University\n2021.07\n\nMore institutions will come.\n")
    doc = extract_document(page, document_id="p", url="http://www.jinan-htz.gov.cn/art/1.html", published=None)
    assert sorted((p["name"], p["date"]) for p in doc["platforms"]) == [
        ("Beihang Jinan Aero-Engine Research Institute", "2021-07"),
        ("Jinan Institute of Advanced Ceramics", "2020-11"),
        ("Shandong University Jinan Institute of Smart Grids", "2019-06")]
    assert doc["counts"] == []
