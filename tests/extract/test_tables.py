"""Tables of figures (pipelines/extract/tables.py), on tables written for these tests: the header says what
each column counts or what money it holds, the row's label who holds them."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.tables import cells, column_unit, is_header, money_column

PAGE = ("Province-wide results\n\n"
        "Shandong's cities worked with universities on many fronts in 2023.\n\n"
        "City | Agreements signed with universities | Platforms jointly built | Municipal funds invested (million yuan)\n"
        "Jinan | 48 | 21 | 320\n"
        "Qingdao | 55 | 26 | 410\n\n"
        "The figures come from the provincial department.")


def test_a_tables_rows_are_counts_and_money_of_the_place_each_row_names():
    doc = extract_document(PAGE, document_id="p", url="https://www.example.gov.cn/news/1.html")
    assert sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"]) == [
        (21, "platform", "Jinan City"), (26, "platform", "Qingdao City"),
        (48, "agreement", "Jinan City"), (55, "agreement", "Qingdao City")]
    assert sorted((f["amount"], f["currency"], f["kind"], f["funder"]) for f in doc["funding"]) == [
        (320000000, "CNY", "investment", "Jinan City"), (410000000, "CNY", "investment", "Qingdao City")]


def test_headers_name_units_and_money_rows_need_their_header():
    assert cells("City | Agreements | Platforms") == ["City", "Agreements", "Platforms"]
    # (two cells on a short line are a table's too, read as a row only under a two-cell header: "City | New platforms")
    assert cells("Jinan | 48") == ["Jinan", "48"]
    assert cells("Jinan signed agreements with 48 universities and institutes last year | Source: provincial data") is None
    assert column_unit("Agreements signed with universities") == "agreement"
    assert money_column("Municipal funds invested (million yuan)") == ("CNY", 1e6)
    assert is_header(["Year", "Agreements signed", "Enterprises served"])
    assert not is_header(["2019", "12", "30"])
    # rows with no header above them are no table: nothing is guessed
    doc = extract_document("Jinan | 48 | 21 | 320\nQingdao | 55 | 26 | 410", document_id="p",
                           url="https://www.example.gov.cn/news/1.html")
    assert doc["counts"] == [] and doc["funding"] == []


def test_a_row_per_year_is_the_pages_actors_and_dated_by_its_year():
    text = ("Orion University's partnerships in figures.\n\n"
            "Year | Agreements signed | Enterprises served\n2022 | 31 | 140\n2023 | 44 | 140\n")
    doc = extract_document(text, document_id="p", url="https://www.orion.edu/figures", university="Orion University")
    assert sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"]) == [
        (31, "agreement", "Orion University"), (44, "agreement", "Orion University"),
        (140, "enterprise", "Orion University"), (140, "enterprise", "Orion University")]


def test_an_agencys_own_page_is_the_agencys_and_its_table_lines_too():
    text = ("The Kaveri Innovation Agency (KIA) funds partnerships with universities.\n\n"
            "Programme | Output | KIA funding\n"
            "Seed Fund | 96 projects at 21 institutions | R41.2 million\n\n"
            "The agency signed agreements with 12 universities this year.")
    doc = extract_document(text, document_id="p", url="https://www.kia.org.za/annual-report/")
    assert {(c["quantity"], c["subject"]) for c in doc["counts"]} >= {
        (96, "Kaveri Innovation Agency"), (12, "Kaveri Innovation Agency")}


def test_rows_of_a_year_and_a_figure_count_what_their_caption_names():
    text = ("Orion University partnerships in figures\n\n"
            "Cooperation agreements signed with local governments, by year:\n2019 | 23\n2020 | 31\n\n"
            "Joint platforms\nYear | Number\n2020 | 12\n\n"
            "Visitors to the campus\n2021 | 4000\n\n"
            "A sentence ends the captions.\n2022 | 99\n")
    doc = extract_document(text, document_id="p", url="https://www.orion.edu/figures", university="Orion University")
    assert sorted((c["quantity"], c["unit"]) for c in doc["counts"]) == [
        (12, "platform"), (23, "agreement"), (31, "agreement")]


# The same table as a scrape of an HTML table flattens it (pipelines/extract/table_layout.py)
_ROWS = [("City", "Agreements signed with universities", "Platforms jointly built"),
         ("Jinan", "48", "21"), ("Qingdao", "55", "26")]
_EXPECTED = [(21, "platform", "Jinan City"), (26, "platform", "Qingdao City"),
             (48, "agreement", "Jinan City"), (55, "agreement", "Qingdao City")]


def _counts(text):
    doc = extract_document(text, document_id="p", url="https://www.example.gov.cn/news/1.html")
    return sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"])


def _page(table):
    return "Province-wide results\n\nShandong's cities worked with universities on many fronts in 2023.\n\n" + table


def test_a_table_laid_out_one_cell_per_line_reads_as_its_rows():
    assert _counts(_page("\n".join(c for row in _ROWS for c in row))) == _EXPECTED
    # blank lines between the cells, as many scrapes leave them
    assert _counts(_page("\n\n".join(c for row in _ROWS for c in row))) == _EXPECTED


def test_a_table_laid_out_with_tabs_or_runs_of_spaces_reads_as_its_rows():
    assert _counts(_page("\n".join("\t".join(row) for row in _ROWS))) == _EXPECTED
    assert _counts(_page("\n".join("    ".join(row) for row in _ROWS))) == _EXPECTED


def test_a_year_table_one_cell_per_line_counts_what_its_caption_names():
    text = ("Cooperation agreements signed with local governments\n\nYear\nNumber\n2019\n23\n2020\n31\n2021\n40\n\n"
            "Shandong University will report again next year.")
    doc = extract_document(text, document_id="p", url="https://www.sdu.edu.cn/info/1.htm")
    assert sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"]) == [
        (23, "agreement", "Shandong University"), (31, "agreement", "Shandong University"),
        (40, "agreement", "Shandong University")]


def test_cells_of_a_flattened_table_are_spans_of_the_page():
    from pipelines.extract.text import split_sentences

    text = _page("\n\n".join(c for row in _ROWS for c in row))
    rows = [s for s in split_sentences(text) if s.info.get("cells")]
    assert [s.info["cells"] for s in rows] == [list(r) for r in _ROWS]
    assert all(text[s.start:s.end] == s.text for s in rows)
    assert rows[1].text == "Jinan\n\n48\n\n21"


def test_short_lines_without_figures_or_prose_with_spaces_are_no_table():
    from pipelines.extract.text import split_sentences

    menu = "Home\nNews\nResearch\nAbout\nContact\nCampus\n"
    assert not any(s.info.get("cells") for s in split_sentences(menu))
    # one line per partner with its agreement: words, not figures, so the sentence rules read each line
    text = ("Partner governments\n\nJinan Municipal Government      Agreement signed 2019\n"
            "Qingdao Municipal Government      Agreement signed 2020")
    doc = extract_document(text, document_id="p", url="https://www.sdu.edu.cn/info/1.htm")
    assert sorted(a["partner"] for a in doc["agreements"]) == ["Jinan City", "Qingdao City"]
    prose = "Shandong University  signed an agreement with Jinan  on Monday, officials said."
    assert not any(s.info.get("cells") for s in split_sentences(prose))


def test_an_html_table_parsed_by_the_pipeline_gives_its_rows_counts():
    from pipelines.parse.core import parse_bytes

    html = ("<html><body><article><h1>Cooperation results of Shandong cities</h1><p>Shandong's cities worked with "
            "universities on many fronts in 2023, the provincial department said in its annual review of "
            "city-university cooperation published this week.</p><table><tr>"
            + "</tr><tr>".join("".join(f"<td>{c}</td>" for c in row) for row in _ROWS)
            + "</tr></table><p>The figures come from the provincial department.</p></article></body></html>")
    page = parse_bytes(html.encode(), content_type="text/html", url="https://www.example.gov.cn/news/1.html")
    assert _counts(page.text) == _EXPECTED


def test_a_table_of_platforms_gives_each_row_with_its_university_and_the_pages_government():
    text = ("Joint platforms awarded plaques\n\n"
            "The conference awarded plaques to three city-university platforms, namely:\n"
            "No. | Platform | Co-building university\n"
            "1 | Yichang Hydropower Equipment Research Institute | China Three Gorges University\n"
            "2 | Yichang Institute of Phosphorus Chemistry | Wuhan Institute of Technology\n"
            "3 | Yichang Citrus Quality Center | Huazhong Agricultural University\n")
    doc = extract_document(text, document_id="p", url="http://www.yichang.gov.cn/news/1.html")
    assert sorted((p["name"], p["university"], p["partner"]) for p in doc["platforms"]) == [
        ("Yichang Citrus Quality Center", "Huazhong Agricultural University", "Yichang City"),
        ("Yichang Hydropower Equipment Research Institute", "China Three Gorges University", "Yichang City"),
        ("Yichang Institute of Phosphorus Chemistry", "Wuhan Institute of Technology", "Yichang City")]


def test_a_table_with_a_column_per_year_counts_what_each_rows_label_names():
    text = ("Annual Report 2023-24: Engagement\n\n"
            "Table 3  Enterprise engagement, academic years\n"
            "Indicator\t2022-23\t2023-24\n"
            "Research collaboration agreements with companies\t41\t52\n"
            "Regional innovation partnership projects\t7\t11\n"
            "Invention disclosures\t30\t33\n")
    doc = extract_document(text, document_id="p", url="https://www.ul.ie/annual-report/engagement")
    assert sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"]) == [
        (7, "program", "University of Limerick"), (11, "program", "University of Limerick"),
        (41, "agreement", "University of Limerick"), (52, "agreement", "University of Limerick")]


def test_a_table_with_its_years_across_one_line_counts_each_rows_figures():
    text = ("Our cooperation in numbers\n\n"
            "Year 2019 2020 2021 2022\n"
            "Agreements signed with local governments 12 15 20 25\n"
            "Joint platforms 3 4 6 9\n\n"
            "The university will continue to deepen its cooperation.")
    got = _counts_of(text, "https://www.sdu.edu.cn/info/1.htm")
    assert got == sorted([(n, "agreement", "Shandong University") for n in (12, 15, 20, 25)]
                         + [(n, "platform", "Shandong University") for n in (3, 4, 6, 9)])
    # under a caption, a row labelled only "Number" counts what the caption names
    text = "Cooperation agreements signed with local governments\n\nYear\t2019\t2020\t2021\nNumber\t12\t15\t20"
    assert _counts_of(text, "https://www.sdu.edu.cn/info/1.htm") == [
        (12, "agreement", "Shandong University"), (15, "agreement", "Shandong University"),
        (20, "agreement", "Shandong University")]


def _counts_of(text, url):
    doc = extract_document(text, document_id="p", url=url)
    return sorted((c["quantity"], c["unit"], c["subject"]) for c in doc["counts"])


def test_a_table_of_projects_gives_each_rows_platform_and_its_yearly_money():
    text = ("Approved university-locality co-construction projects, 2024\n\n"
            "No. | Project | Undertaking university | Co-constructing party | Provincial subsidy (10,000 yuan per year)\n"
            "1 | Weifang Seed Industry College | Qingdao Agricultural University | Weifang Municipal People's Government | 300\n"
            "2 | Zibo Ceramics Laboratory | Shandong University of Technology | Zibo Municipal People's Government | 200\n")
    doc = extract_document(text, document_id="p", url="http://edu.shandong.gov.cn/art/1.html")
    assert sorted((p["name"], p["university"], p["partner"]) for p in doc["platforms"]) == [
        ("Weifang Seed Industry College", "Qingdao Agricultural University", "Weifang City"),
        ("Zibo Ceramics Laboratory", "Shandong University of Technology", "Zibo City")]
    assert sorted((f["amount"], f["per"], f["recipient"]) for f in doc["funding"]) == [
        (2000000, "year", "Shandong University of Technology"), (3000000, "year", "Qingdao Agricultural University")]


def test_a_stated_conversion_with_approx_and_a_yearly_amount_after_it():
    from pipelines.extract.money import find_money

    m = find_money("The province will invest 3 billion won (approx. 2.2 million US dollars) every year.")
    assert [(x.amount, x.currency, x.usd_stated) for x in m] == [(3000000000, "KRW", 2200000)]


def test_a_list_of_approved_platforms_two_spaces_apart_under_a_name_column_and_its_sections():
    from pipelines.extract import extract_document

    page = ("Notice on approving provincial platforms\n"
            "Attachment\n"
            "I. Provincial key laboratories\n"
            "No.  Name  Supporting unit  Co-building unit\n"
            "1  Westbrook Provincial Key Laboratory of Powder Metallurgy  Central South University  Carver Industry Co., Ltd.\n"
            "2  Westbrook Provincial Key Laboratory of Rice Seeds  Westbrook Biotech Co., Ltd.  /\n"
            "II. Provincial engineering technology research centers\n"
            "1  Westbrook Engineering Technology Research Center for Tower Cranes  Zoomlion Co., Ltd.  Hunan University\n")
    got = extract_document(page, document_id="t", url="http://kjt.hunan.gov.cn/x.html", published="2024-09-20")
    assert sorted((p["name"], p["university"], p["partner"]) for p in got["platforms"]) == [
        ("Westbrook Engineering Technology Research Center for Tower Cranes", "Hunan University", "Zoomlion Co., Ltd."),
        ("Westbrook Provincial Key Laboratory of Powder Metallurgy", "Central South University",
         "Carver Industry Co., Ltd.")]
