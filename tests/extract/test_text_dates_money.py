"""Sentence splitting, dates and money on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document
from pipelines.extract.dates import DateContext, date_from_text, date_from_url, find_dates, heading_date
from pipelines.extract.money import find_money
from pipelines.extract.text import clean, dedouble, split_sentences


def _texts(text):
    sents = split_sentences(text)
    for s in sents:
        assert text[s.start:s.end] == s.text
    return [s.text for s in sents]


def test_split_survives_abbreviations():
    text = ("Dr. Liu met Mr. Wang at No. 5 Main St. in Oct. 2019 and signed with Baiyun Tech Co. Ltd. a deal. "
            "The U.S. dollars were paid. The talks ended on Jan 17. According to the deal, more will follow.")
    assert _texts(text) == [
        "Dr. Liu met Mr. Wang at No. 5 Main St. in Oct. 2019 and signed with Baiyun Tech Co. Ltd. a deal.",
        "The U.S. dollars were paid.",
        "The talks ended on Jan 17.",
        "According to the deal, more will follow.",
    ]


def test_split_company_suffix_ending_a_sentence():
    text = "The college signed an agreement with Lanshan Paper Co. According to it, both will build a lab."
    assert len(_texts(text)) == 2


def test_pdf_lines_are_unwrapped_and_blank_lines_break():
    lines = ["In the 2015 exchange programme with Europe, Fujian "] + [
        "Province has put forward 6 items for the joint call, and the ", "ministry accepted four of them after the "
        "review in the same year, with more ", "proposals planned for the following rounds of the programme ",
        "in the coming years as the budget allows further growth "]
    text = "\n".join(lines) + "\n\nSecond block starts here."
    sents = split_sentences(text)
    assert "Fujian \nProvince has put forward 6 items" in sents[0].text
    assert sents[-1].text == "Second block starts here."


def test_html_lines_without_full_stop_are_separate():
    text = "Timeline of cooperation\nLingnan College-Foshan Municipal Government exchange launched\nThe next line."
    assert len(_texts(text)) == 3


def test_clean_and_doubled_headings():
    assert clean("the \u201cbase\u201d of People\u2019s\n Government") == 'the "base" of People\'s Government'
    assert dedouble("Modes of workModes of work") == "Modes of work"


@pytest.mark.parametrize("phrase,pub,expected", [
    ("signed on Mar 3.", "2020-05-01", ("2020-03-03", "day")),
    ("signed on Dec 28.", "2021-01-10", ("2020-12-28", "day")),  # after publication -> year before
    ("signed on Mar 3.", None, (None, None)),
    ("In September 2012, the two", None, ("2012-09", "month")),
    ("signed on 4 June 2019 in", None, ("2019-06-04", "day")),
    ("set up in 1995.", None, ("1995", "year")),
    ("only last year the city", "2019-08-29", ("2018", "year")),
    ("recently signed", "2019-08-29", ("2019-08", "month")),  # convention 7: the page's month
    ("recently signed", None, (None, None)),
    ("Friday, April 9, morning", "2010-04", ("2010-04-09", "day")),
])
def test_dates_in_sentences(phrase, pub, expected):
    found = [(d.value, d.precision) for d in find_dates(phrase, DateContext(published=pub)) if d.value]
    assert (found[0] if found else (None, None)) == expected


def test_plan_years_and_expo_names_are_not_dates():
    assert find_dates("the Outline (2021-2030) and Expo 2010", DateContext()) == []


def test_timeline_headings():
    assert heading_date("Sept. 2016") == ("2016-09", "month")
    assert heading_date("March 2011") == ("2011-03", "month")
    assert heading_date("2009") == ("2009", "year")
    assert heading_date("On March 3 2011 we met") is None


@pytest.mark.parametrize("url,expected", [
    ("http://news.example.cn/2022-03/07/c_1.htm", "2022-03-07"),
    ("http://example.cn/s/201705/09/WS1.html", "2017-05-09"),
    ("http://gov.example.cn/1/2/2018/6/5/abc.shtml", "2018-06-05"),
    ("https://en.example.edu.cn/2020/0912/c1a2/page.htm", "2020-09-12"),
    ("https://blog.example.com/2014/11/some-title", "2014-11"),
    ("https://example.com/about", None),
])
def test_publication_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("text,expected", [
    ("Menu\nUpdated:2017.03.05\nBody", "2017-03-05"),
    ("Date: June 02, 2016\nSource: office", "2016-06-02"),
    ("Posted: 12 May 2015 by staff", "2015-05-12"),
    ("Title\nTue, Jun 7 2016 10:00 views\nText", "2016-06-07"),
    ("Title\nMon, May 16 2022 13:30 times\nText", "2022-05-16"),  # a view counter after the time
    ("The 2019.08.29 meeting was updated later.", None),  # a date inside prose is not a date line
    ("No date at all here.", None),
])
def test_publication_date_from_text(text, expected):
    assert date_from_text(text) == expected


def test_money_with_scale_qualifier_and_conversion():
    [m] = find_money("The county will invest no less than 50 million yuan ($7.2 million) every year in the lab.")
    assert (m.amount, m.currency, m.qualifier, m.usd_stated) == (50000000, "CNY", "at_least", 7200000)
    [m] = find_money("contracts worth about RMB 1.5 billion")
    assert (m.amount, m.currency, m.qualifier) == (1500000000, "CNY", "approximately")
    [m] = find_money("a grant of 3 million pounds")
    assert (m.amount, m.currency) == (3000000, "GBP")
    [m] = find_money("an endowment of €12 million")
    assert (m.amount, m.currency) == (12000000, "EUR")
    [m] = find_money("800 wan yuan")
    assert m.amount == 8000000
    [m] = find_money("invested 5 billion yuan (720 million U.S. dollars)")
    assert m.usd_stated == 720000000


def test_not_money():
    assert find_money("the 500-billion valued steel industry") == []
    assert find_money("a research spending share of 6%") == []


def test_a_date_stamp_and_an_opening_dateline_are_not_part_of_the_sentence():
    from pipelines.extract.text import split_sentences

    text = " date 2023-11-28 SINGAPORE - A joint lab was launched at the college. BEIJING - not a dateline here."
    got = [s.text for s in split_sentences(text)]
    assert got == ["A joint lab was launched at the college.", "BEIJING - not a dateline here."]
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))  # still verbatim spans
    assert [s.text for s in split_sentences("Today date 2023-11-28 was set.")] == ["Today date 2023-11-28 was set."]


def test_trade_market_sizes_overspends_and_planned_investment_are_no_funding_but_money_put_into_research_is():
    def amounts(text):
        return [f["amount"] for f in extract_document(text, document_id="p", url="https://www.orion.edu/n/1",
                                                        published="2024-05-01")["funding"]]
    assert amounts("China imported chips worth about $350 billion in 2022, and the chip market topped 1.2 "
                   "trillion yuan.") == []
    assert amounts("Sixteen projects, with a planned investment totaling 21.4 billion yuan, were signed.") == []
    assert amounts("A projected overspend of £4.1 million was noted.") == []
    assert amounts("In 2024 Kaveri Motors put 560 million yuan into university research with Orion University.") \
        == [560_000_000]


def test_money_periods_and_the_date_of_a_commitment():
    from pipelines.extract import extract_document

    def money(text, url="https://www.example.gov.cn/news/1.html", published="2025-02-12"):
        doc = extract_document(text, document_id="f", url=url, published=published)
        return [(f["amount"], f["per"], f["period_years"], f["funder"], f["date"]) for f in doc["funding"]]

    # "over a period of five years"
    assert money("The Ministry of Mines shall provide financial support of Rs. 195 crore to the three Centres over a "
                 "period of five years.", url="https://pib.gov.in/x")[0][2] == 5
    # "a year through 2029" on a page of 2025: five years
    assert money("Under its terms, the state will provide $4 million a year through 2029 for equipment.",
                 url="https://news.osu.edu/x")[0][:3] == (4000000, "year", 5)
    # the start of the period is no date of the commitment; the provincial purse is the province's
    text = ("Shaanxi Province and the Ministry of Education signed the agreement on 5 September 2023.\n\n"
            "The provincial finance will arrange 150 million yuan every year for five years starting from 2024.")
    assert money(text, published="2023-09-06") == [(150000000, "year", 5, "Shaanxi Province", "2023-09-05")]


def test_money_spent_on_or_put_into_a_named_body_goes_to_it():
    from pipelines.extract import extract_document

    text = ("Under the deal, the province and the city will jointly spend 9 billion won a year for five years on "
            "the Battery Recycling Research Center.")
    doc = extract_document(text, document_id="f", url="https://koreajoongangdaily.joins.com/x", published="2025-07-10")
    assert [f["recipient"] for f in doc["funding"]] == ["Battery Recycling Research Center"]


def test_a_word_a_pdf_line_wrap_hyphenated_is_whole_again_and_a_compound_keeps_its_hyphen():
    from pipelines.extract.text import clean

    assert clean("On 8 March the Uni-\nversity signed a memo-\nrandum with Taiwan Semicon-\nductor") == \
        "On 8 March the University signed a memorandum with Taiwan Semiconductor"
    assert clean("TSMC commit-\nted funds; enrol-\nling 300") == "TSMC committed funds; enrolling 300"
    assert clean("a high-\ntech, production-\noriented and long-\nterm base") == \
        "a high-tech, production-oriented and long-term base"
    assert clean("a hyphen - \nthen a new line") == "a hyphen - then a new line"


def test_more_currencies_and_the_lakh_crore():
    got = [(m.amount, m.currency) for t in ("proposals worth Rs 4.2 lakh crore", "funding of ₦850 million",
                                            "VND 40 billion", "500 million baht", "TWD 3 billion", "Rp 5 billion")
           for m in find_money(t)]
    assert got == [(4_200_000_000_000, "INR"), (850_000_000, "NGN"), (40_000_000_000, "VND"), (500_000_000, "THB"),
                   (3_000_000_000, "TWD"), (5_000_000_000, "IDR")]


def funding_of(text, url="https://www.example.com/news/2025/02/1.html", published="2025-02-26"):
    return [(f["amount"], f["per"]) for f in
            extract_document(text, document_id="m", url=url, published=published)["funding"]]


def test_an_industrys_output_a_companys_capital_spending_and_a_sectors_share_of_the_economy_are_no_funding():
    assert funding_of("Westbrook's chip industry produced output of about $5.3 trillion in 2024, and Carver Motors "
                      "plans capital spending of over $38 billion in 2025.") == []
    assert funding_of("The state's steel sector contributes around $7.5 billion a year to the state economy.") == []
    assert funding_of("The two-day summit drew investment proposals worth Rs 30.77 lakh crore.") == []


def test_money_put_up_or_released_in_annual_tranches_is_funding():
    assert funding_of("Carver University signed an MoU with Infosys, which will put up Rs 80 lakh a year towards "
                      "stipends.") == [(8_000_000, "year")]
    assert funding_of("The state's share will be released in annual tranches of $15 million to Carver University.") \
        == [(15_000_000, "year")]


def test_a_sections_roman_numeral_opening_its_line_ends_no_sentence():
    got = [s.clean for s in split_sentences("Attachment\nII. Provincial engineering technology research centers\n")]
    assert got == ["Attachment", "II. Provincial engineering technology research centers"]
