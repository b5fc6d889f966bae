"""Dates of the twelfth round; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/12/1.html", published="2025-12-10"):
    return extract_document(text, document_id="n", url=url, published=published)


def dated(text, **kw):
    return sorted((a["partner"], a["date"] or "") for a in run(text, **kw)["agreements"])


def test_a_renewed_agreement_that_has_stood_since_a_year_is_also_an_agreement_of_that_year():
    page = ("Carver University and Orbis Group renewed on 9 December 2025 the framework agreement that has linked "
            "the two institutions since 2011.")
    assert dated(page) == [("Orbis Group", "2011"), ("Orbis Group", "2025-12-09")]


def test_an_extended_agreement_that_dates_itself_is_also_an_agreement_of_its_year():
    got = dated("Carver University extended its 2018 partnership agreement with Orbis Group through 2030.")
    assert ("Orbis Group", "2018") in got and len(got) == 2
    # (the deadline is no date of either)
    assert all(d != "2030" for _, d in got)


def test_a_rows_year_set_off_by_a_dash_is_no_year_of_the_agreement_noun():
    page = ("Carver University: our partnerships\n\n2017 - Signed a memorandum of understanding with Hale City\n"
            "2019 - Opened a research hub in the centre of Hale City with funding from Orbis Group\n"
            "2021 - MoU with Hale City renewed for a further five years\n")
    got = dated(page, url="https://www.example.edu/partners")
    assert ("Hale City", "2017") in got and all(d in ("2017", "2021") for p, d in got if p == "Hale City")


def test_parties_each_with_a_date_after_their_name_get_their_own_dates():
    page = ("Hale City signed strategic cooperation agreements with Carver University in April and with Westbrook "
            "University in October.")
    got = sorted((a["university"], a["date"]) for a in run(page, published="2025-01-10")["agreements"])
    assert got == [("Carver University", "2024-04"), ("Westbrook University", "2024-10")]


def test_years_later_counts_from_the_year_told_last():
    page = ("In April 2014 Carver University and Orbis Group signed their first agreement. Three years later the two "
            "sides inked a strategic cooperation agreement.")
    assert dated(page, published="2025-09-10") == [("Orbis Group", "2014-04"), ("Orbis Group", "2017")]
    # (never a year after the page's)
    page = "In 2024 Carver University and Orbis Group signed an MoU. Five years later they signed an agreement."
    assert ("Orbis Group", "2029") not in dated(page, published="2025-09-10")


def test_undated_signings_take_the_day_of_the_event_the_page_opens_on():
    page = ("On June 8, a delegation from Hale City came to Carver University for a cooperation symposium.\n\n"
            "[Image]\nCarver University and Hale City sign the strategic cooperation agreement.\n"
            "Under the agreement, Hale City will provide the institute with 8 million yuan.\n")
    got = run(page, published="2025-06-10")
    assert [(a["partner"], a["date"]) for a in got["agreements"]] == [("Hale City", "2025-06-08")]
    assert [f["date"] for f in got["funding"]] == [None]  # (money keeps the date its own sentence gives)
