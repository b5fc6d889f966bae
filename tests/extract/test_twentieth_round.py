"""Rules of the twentieth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document


def facts(text: str, kind: str, url: str = "https://en.example.edu.cn/news/1.html", published: str = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


def test_a_mexican_or_brazilian_state_government_is_the_state_by_its_bare_name():
    page = ("Press\n\nGuadalajara, May 6, 2024.- The Government of Jalisco signed a collaboration agreement today with "
            "the University of Guadalajara on water research.")
    got = facts(page, "agreements", url="https://www.jalisco.gob.mx/prensa/1")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in got] == [
        ("University of Guadalajara", "Jalisco", "province")]
    br = ("News\n\nOn May 6, 2024 the Government of Paraná signed an agreement with the Federal University of Paraná on "
          "agricultural research.")
    got = facts(br, "agreements", url="https://www.aen.pr.gov.br/noticia/1")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Paraná", "province")]


def test_a_commitment_in_a_sentence_opened_by_a_wire_dateline_is_read():
    # the dateline's date is attached to the sentence with no text of its own; reading it as the bound of a
    # period ("starting 2024") used to raise IndexError and lose the page
    page = ("NEWS PROVIDED BY\nUniversity of Calgary\nOct 03, 2024, 10:00 ET\n\n"
            "CALGARY, AB, Oct. 3, 2024 /CNW/ - A new research centre at the University of Calgary will study carbon "
            "storage, thanks to a $20-million, 10-year commitment from Cenovus Energy Inc.\n")
    got = facts(page, "funding", url="https://www.newswire.ca/news-releases/1.html")
    assert [(f["amount"], f["currency"], f["period_years"]) for f in got] == [(20_000_000, "CAD", 10)]


def test_a_weekday_after_a_wire_dateline_keeps_convention_7s_month():
    # the dateline is the report's day, not the signing's: "on Monday" is the page's month (convention 7), and the
    # sentence that refers back to the agreement gets no finer date from the dateline either
    page = ("News\n\nNANCHANG, March 18 (Xinhua) -- The Ministry of Education and the government of Jiangxi Province on "
            "Monday signed an agreement to jointly build Nanchang University. Under the agreement, the province will "
            "support the university's new campus.\n")
    got = facts(page, "agreements", url="http://www.news.cn/english/20250318/abc/c.html", published=None)
    assert sorted((a["partner"], a["date"], a["date_precision"]) for a in got) == [
        ("Jiangxi Province", "2025-03", "month"), ("Ministry of Education", "2025-03", "month")]


def test_a_dateline_with_a_state_abbreviation_and_its_date_in_brackets_dates_the_page():
    page = ("Newsroom\n\nState and University Partner on Workforce Center\n\n"
            "FRANKFORT, Ky. (May 9, 2025) - The Kentucky Cabinet for Economic Development, the University of Kentucky "
            "(UK) and Toyota Motor Manufacturing, Kentucky, Inc. (TMMK) on Thursday signed a memorandum of "
            "understanding to build a workforce center.\n")
    doc = extract_document(page, document_id="p", url="https://www.kentucky.gov/Pages/Activity-stream.aspx?prId=1")
    assert doc["document"]["published"] == "2025-05-09"
    assert sorted((a["partner"], a["partner_type"], a["date"]) for a in doc["agreements"]) == [
        ("Kentucky Cabinet for Economic Development", "government_agency", "2025-05"),
        ("Toyota Motor Manufacturing, Kentucky, Inc.", "enterprise", "2025-05")]
