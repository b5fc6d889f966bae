"""Rules of the twenty-third round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document


def facts(text: str, kind: str, url: str = "https://en.example.edu.cn/news/1.html", published: str | None = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


def test_words_of_a_platforms_name_that_read_as_a_company_name_no_company_of_their_own():
    # "the NWPU-ZTE Future Materials Joint Institute": "ZTE Future" reads as a company inside the platform's name,
    # but the page names the company "ZTE" everywhere else; the agreement, the institute's partner and the funder
    # are "ZTE"
    page = ("On June 3, ZTE and Northwestern Polytechnical University signed an agreement in Xi'an to jointly "
            "establish the NWPU-ZTE Future Materials Joint Institute. ZTE will invest 50 million yuan per year in the "
            "institute for five years.\n")
    doc = extract_document(page, document_id="p", url="https://en.nwpu.edu.cn/news/1.html", published="2024-06-04")
    assert [a["partner"] for a in doc["agreements"]] == ["ZTE"]
    assert [(p["name"], p["partner"]) for p in doc["platforms"]] == [
        ("NWPU-ZTE Future Materials Joint Institute", "ZTE")]
    assert [f["funder"] for f in doc["funding"]] == ["ZTE"]
