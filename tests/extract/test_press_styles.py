"""Press-office and wire styles, on pages written for these tests (one rule each): datelines with the
report's date, rupee abbreviations, money "backed by" an amount or given "for the centre", the state
government, contracts "worth X with industry"."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.text import split_sentences
from pipelines.parse.dates import date_from_line


def run(text, url="https://www.example.edu/news/story.html", **kw):
    return extract_document(text, document_id="p", url=url, **kw)


# ------------------------------------------------------------------ datelines

def test_a_capitals_dateline_with_its_date_is_cut_from_the_first_sentence():
    got = [s.clean for s in split_sentences("New lab opens\n\nMYSURU, 4 March 2024: Orion University and "
                                           "Kaveri Motors Ltd opened a battery laboratory.")]
    assert got == ["New lab opens", "Orion University and Kaveri Motors Ltd opened a battery laboratory."]
    got = [s.clean for s in split_sentences("Headline\n\nHEFEI, Sept 14 -- Anhui Province signed with 12 "
                                           "universities.")]
    assert got[1] == "Anhui Province signed with 12 universities."


def test_a_capitals_word_and_a_colon_without_a_date_is_no_dateline():
    assert [s.clean for s in split_sentences("NOTE: the campus is closed.")] == ["NOTE: the campus is closed."]


def test_a_dateline_with_a_year_dates_the_page_and_the_undated_founding():
    text = ("Orion University and Karnataka set up a mobility centre\n\n"
            "MYSURU, 4 March 2024: Orion University and the Government of Karnataka have established a Centre "
            "for Clean Mobility on the Orion campus.")
    got = run(text)
    assert got["document"]["published"] == "2024-03-04"
    [p] = got["platforms"]
    # the dateline's capitals are no party, and its date is the sentence's last resort
    assert (p["name"], p["partner"], p["date"]) == ("Centre for Clean Mobility", "Karnataka", "2024-03-04")


def test_a_dateline_line_gives_the_publication_date_only_with_a_full_date():
    assert date_from_line("PUNE, 21 July 2023: The institute and the city signed.") == "2023-07-21"
    assert date_from_line("DENVER, Colo., Dec. 11, 2023 -- Rocky College said") == "2023-12-11"
    assert date_from_line("PUNE, July 21 -- The institute and the city signed.") is None
    assert date_from_line("PUNE, 21 July 2023 The institute said") is None  # no colon or dash: free text


def test_a_dateline_without_a_year_names_no_counted_subject():
    text = ("Anhui widens university ties\n\n"
            "HEFEI, Sept 14 -- Anhui Province has signed strategic cooperation agreements with 31 universities "
            "since 2018, officials said.")
    [c] = run(text, url="http://www.example.gov.cn/2022-09/14/c_1.htm")["counts"]
    assert (c["quantity"], c["unit"], c["subject"]) == (31, "university", "Anhui Province")


# ------------------------------------------------------------------ money

def test_rupees_abbreviated_with_a_dot_do_not_end_the_sentence():
    [s] = split_sentences("The State Government has sanctioned Rs. 40 crore for the centre.")
    assert s.clean.endswith("for the centre.")


def test_the_state_government_gives_and_the_centre_named_before_receives():
    text = ("Orion University and the Government of Karnataka have established a Centre for Clean Mobility in "
            "Mysuru.\n\nThe State Government has sanctioned Rs. 40 crore for the centre.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["currency"], f["funder"], f["recipient"]) == (
        400_000_000, "INR", "Karnataka", "Centre for Clean Mobility")


def test_money_for_several_centres_goes_to_no_single_centre():
    text = ("Orion University and the Government of Karnataka have established a Centre for Clean Mobility.\n\n"
            "The State Government will channel Rs. 90 crore into the three centres.")
    [f] = run(text)["funding"]
    assert f["recipient"] is None


def test_a_body_backed_by_money_from_a_government_receives_it():
    text = ("A new centre for public-sector data has opened at the University of Westbrook.\n\n"
            "The Westbrook Public Data Hub is backed by £3.2 million from the Scottish Government over four years.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["currency"], f["period_years"], f["funder"], f["recipient"]) == (
        3_200_000, "GBP", 4, "Scottish Government", "Westbrook Public Data Hub")


def test_contracts_worth_an_amount_with_industry_are_money_not_an_industrys_size():
    text = ("Westbrook University of Technology works with industry.\n\n"
            "In 2023 the university signed technology contracts worth 380 million yuan with industry.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["kind"]) == (380_000_000, "contract_value")
    # ... while an industry's size stays out
    assert run("Westbrook City will invest in its 500 billion yuan automobile industry with the university.")[
        "funding"] == []
