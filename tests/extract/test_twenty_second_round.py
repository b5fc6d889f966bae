"""Rules of the twenty-second round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document


def facts(text: str, kind: str, url: str = "https://en.example.edu.cn/news/1.html", published: str | None = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


def test_a_table_of_two_years_gives_one_count_per_year_from_the_rows_labels():
    # "Indicator | 2023 | 2022": each year's figure is a count of what the row's label names (not only the last)
    page = ("Key figures\n\nThe Technology Transfer Office of Ghent University reports its figures.\n\n"
            "Indicator | 2023 | 2022\nResearch contracts signed with industry | 318 | 296\n"
            "New joint laboratories | 9 | 7\n")
    got = facts(page, "counts", url="https://www.ugent.be/en/research/ttk/figures.htm", published="2024-04-02")
    assert sorted((c["quantity"], c["unit"]) for c in got) == [
        (7, "platform"), (9, "platform"), (296, "agreement"), (318, "agreement")]


def test_a_column_of_targets_gives_no_count_and_a_row_of_money_under_a_year_is_funding():
    # "Item | 2023 | Target for 2025": the target column is a plan (no count); a row whose label names money
    # ("Value of technology contracts (billion yuan)") is an amount of that year
    page = ("Hunan province-university cooperation\n\nMain indicators (2023)\n"
            "Item | 2023 | Target for 2025\nNew joint R&D platforms | 41 | 100\nProfessionals trained | 8,200 | 20,000\n"
            "Value of technology contracts (billion yuan) | 3.2 | 6\n")
    doc = extract_document(page, document_id="p", url="http://english.hunan.gov.cn/news/2024/1.html",
                           published="2024-02-01")
    assert sorted((c["quantity"], c["unit"]) for c in doc["counts"]) == [(41, "platform"), (8200, "person")]
    assert [(f["amount"], f["currency"], f["kind"], f["date"]) for f in doc["funding"]] == [
        (3200000000, "CNY", "contract_value", "2023")]
