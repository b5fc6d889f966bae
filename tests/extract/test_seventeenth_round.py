"""Rules of the seventeenth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document


def agreements(text: str, url: str = "https://www.example.gov.uk/news/1", published: str = "2025-03-13") -> list[tuple]:
    got = extract_document(text, document_id="p", url=url, published=published)
    return [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in got["agreements"]]


def test_the_council_in_lower_case_is_the_council_the_page_named():
    page = ("Council news\n\nBrackwater City Council runs housing, transport and libraries for the city.\n\n"
            "The council and the University of Sunderland first signed a civic agreement in November 2019.")
    assert agreements(page) == [("University of Sunderland", "Brackwater City", "city", "2019-11")]
    # (a page that named no council's place: "the council" is nobody)
    assert agreements("Campus news\n\nThe council and the University of Sunderland first signed a civic agreement "
                      "in November 2019.") == []


def test_signed_on_a_weekday_dates_the_agreement_the_sentence_before_told():
    page = ("Council news\n\nPublished: Thursday 13 March 2025\n\n"
            "Brackwater City Council and the University of Sunderland have renewed their civic partnership agreement, "
            "extending joint work on skills until 2030.\n\n"
            "The renewed agreement was signed on Tuesday at City Hall by the chief executive and the vice-chancellor.")
    assert agreements(page) == [("University of Sunderland", "Brackwater City", "city", "2025-03")]


def test_a_day_still_dates_it_and_a_weekday_never_overrides_a_day():
    page = ("Campus news\n\nOrion University has entered into an MoU with Brackwater City Council.\n\n"
            "The MoU was signed on 11 March 2025 by the registrar.")
    assert agreements(page, url="https://www.orion.ac.uk/news/1") == [
        ("Orion University", "Brackwater City", "city", "2025-03-11")]
    page = ("Campus news\n\nOrion University signed an MoU with Brackwater City Council on 11 March 2025.\n\n"
            "The MoU was signed on Tuesday by the registrar.")
    assert agreements(page, url="https://www.orion.ac.uk/news/1") == [
        ("Orion University", "Brackwater City", "city", "2025-03-11")]


def test_the_place_a_level_word_names_is_one_side_and_the_body_after_its_and_another():
    page = ("News\n\nPOSTECH, the city of Pohang and KORIX Future M signed a three-way agreement on Tuesday to set up "
            "a battery materials research center.")
    got = agreements(page, url="https://www.example.kr/news/1", published="2025-04-10")
    assert ("Pohang University of Science and Technology", "Pohang City", "city", "2025-04") in got
    assert ("Pohang University of Science and Technology", "KORIX Future M", "enterprise", "2025-04") in got


def test_a_brand_in_capitals_with_its_line_of_business_is_a_company_and_a_field_is_not():
    got = agreements("News\n\nOrion University and KORIX Chemical signed a cooperation agreement on May 8, 2024.",
                     url="https://en.orion.edu.cn/news/1.htm", published="2024-05-09")
    assert got == [("Orion University", "KORIX Chemical", "enterprise", "2024-05-08")]
    # (a field's initials before a word are no brand: "ICT Research" is not typed a company)
    got = agreements("News\n\nOrion University and ICT Research signed a cooperation agreement on May 8, 2024.",
                     url="https://en.orion.edu.cn/news/1.htm", published="2024-05-09")
    assert all(t != "enterprise" for _, _, t, _ in got)


def test_a_table_of_signings_gives_one_agreement_per_row_dated_by_its_date_cell():
    page = ("MoUs signed during 2023 | Orion Institute of Technology\n\n"
            "MoUs signed during the calendar year 2023\n\n"
            "Sl. No. | Partner organisation | Date of signing | Area / Purpose\n"
            "1 | Brackwater Steel Ltd (BSL), Eastfield Plant | 17.01.2023 | Joint research on slag\n"
            "2 | Kestrel Cables Limited | 24.04.2023 | Sponsored research\n"
            "3 | Harlow Foundry Ltd | 02.06.2023 | To be signed\n")
    got = agreements(page, url="https://www.orion.ac.in/mous-2023", published="2024-01-12")
    assert sorted((p, d) for _, p, _, d in got) == [("Brackwater Steel Ltd", "2023-01-17"),
                                                    ("Kestrel Cables Limited", "2023-04-24")]


def test_a_table_of_names_and_dates_that_are_no_signings_gives_no_agreement():
    page = ("Our partners\n\nPartner organisation | Date | Area\n"
            "1 | Brackwater Steel Ltd | 17.01.2023 | Visit of students\n")
    assert agreements(page, url="https://www.orion.ac.in/partners", published="2024-01-12") == []


def test_a_numbered_table_row_is_no_date_line_of_the_page():
    from pipelines.extract.dates import publication_date
    text = "Sl. No. | Partner | Date of signing | Area\n3 | Kestrel Cables | 24.04.2023 | Research\n\nLast updated: 12/01/2024"
    assert publication_date(text, "https://www.orion.ac.in/mous", None) == "2024-01-12"


def test_the_government_of_a_region_named_by_the_press_is_a_party():
    got = agreements("News\n\nChina's Ministry of Education and the government of northwest China's Qinghai Province "
                     "on Wednesday inked an agreement on jointly building Qinghai University.",
                     url="https://english.news.cn/1.htm", published="2023-09-06")
    assert {p for _, p, _, _ in got} == {"Ministry of Education", "Qinghai Province"}


def test_a_county_of_a_city_is_the_county_not_the_city():
    from pipelines.extract.places import _gov_mentions
    assert [m.name for m in _gov_mentions("an agreement with Sheyang County of Yancheng in October")] == ["Sheyang County"]
    assert [m.name for m in _gov_mentions("an agreement with the City of Cape Town")] == ["Cape Town City"]


def test_a_county_board_of_county_commissioners_acts_for_the_county():
    from pipelines.extract.places import _gov_mentions
    assert "Washoe County" in [m.name for m in _gov_mentions(
        "the Washoe County Board of County Commissioners approved an interlocal agreement")]


def test_a_states_adjective_before_a_common_noun_is_no_party_and_the_universitys_own_unit_neither():
    got = agreements("News\n\nThe precinct will sit alongside the University's Factory of the Future, which since "
                     "opening in 2019 has worked with 58 South Australian manufacturers on automation.",
                     url="https://news.orion.edu.au/1", published="2023-09-06")
    assert got == []
    # (the state's government by its adjective still signs: "the Victorian government")
    got = agreements("News\n\nThe Victorian government signed an agreement with Orion University on 5 May 2023.",
                     url="https://news.orion.edu.au/1", published="2023-09-06")
    assert [(p, d) for _, p, _, d in got] == [("Victoria", "2023-05-05")]


def test_entering_an_alliance_is_a_standing_partnership():
    got = agreements("News\n\nKestrel Systems Australia, which entered a ten-year research alliance with Orion "
                     "University in 2016, has committed $3 million of equipment to the precinct.",
                     url="https://news.example.com.au/1", published="2023-09-06")
    assert [(u, p, d) for u, p, _, d in got] == [("Orion University", "Kestrel Systems Australia", "2016")]


def test_an_agreements_initials_name_no_body():
    got = agreements("News\n\nOrion University and Brackwater City Council signed an MOU on 2 March 2022.\n\n"
                     "Under the MOU, the council will provide $850,000 a year for three years.",
                     url="https://news.orion.ca/1", published="2022-03-03")
    assert [p for _, p, _, _ in got] == ["Brackwater City"]


def test_its_founding_agreement_is_the_pair_the_page_just_named():
    page = ("News\n\nWeiland Power Co., Ltd. and Orion University renewed their joint laboratory agreement on June 11.\n\n"
            "The joint laboratory was set up at the company's headquarters in 2014.\n\n"
            "Its founding agreement was signed in December 2013.")
    got = agreements(page, url="https://www.weiland.com/news/1", published="2024-06-12")
    assert ("Orion University", "Weiland Power Co., Ltd.", "enterprise", "2013-12") in got
    # (its agreement with another body names its own pair)
    page = page.replace("Its founding agreement was signed", "Its agreement with Kestrel Cables was signed")
    got = agreements(page, url="https://www.weiland.com/news/1", published="2024-06-12")
    assert not any(d == "2013-12" and p == "Weiland Power Co., Ltd." for _, p, _, d in got)


def test_an_undated_annual_reports_months_are_of_the_year_it_reports():
    page = ("ORION UNIVERSITY ANNUAL REPORT 2023\n\nKey results\n\n"
            "Family companies: 1,187 (up from 1,102 in 2022).\n\n"
            "In May, Orion University and Brackwater City renewed their agreement on training talent.")
    got = extract_document(page, document_id="p", url="https://www.orion.ac.kr/report.pdf")
    assert [(a["partner"], a["date"]) for a in got["agreements"]] == [("Brackwater City", "2023-05")]
