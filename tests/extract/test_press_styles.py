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


def test_a_title_case_dateline_with_its_date_is_no_party_of_the_sentence():
    text = ("Orion University news\n\nChangsha, June 5, 2023 -- Orion University signed 26 cooperation agreements "
            "with local governments and enterprises on Monday.")
    got = [s.clean for s in split_sentences(text)]
    assert got[1] == ("Orion University signed 26 cooperation agreements with local governments and enterprises on "
                      "Monday.")
    result = run(text)
    assert result["agreements"] == []  # (no named partner: the dateline's city is none)
    [c] = result["counts"]
    assert (c["quantity"], c["subject"]) == (26, "Orion University")
    # with the province after the city and a wire's tag
    got = [s.clean for s in split_sentences("Headline\n\nNingbo, Zhejiang, March 12 (Xinhua) -- Ningbo signed with "
                                           "Orion University.")]
    assert got[1] == "Ningbo signed with Orion University."


def test_a_title_case_place_without_a_date_is_no_dateline():
    got = [s.clean for s in split_sentences("Headline\n\nTianjin - a city of makers - signed with Orion University.")]
    assert got[1] == "Tianjin - a city of makers - signed with Orion University."


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


# ------------------------------------------------------------------ agreements told in passing

def test_when_they_signed_an_agreement_the_pronoun_is_the_pair_the_page_is_about():
    text = ("Hanbit University and Daehan Motors held an opening ceremony for the Hanbit-Daehan Battery Center.\n\n"
            "The two have worked together since 2008, when they signed an industry-academic cooperation agreement.")
    [a] = run(text)["agreements"]
    assert (a["university"], a["partner"], a["date"]) == ("Hanbit University", "Daehan Motors", "2008")


def test_a_memorandum_that_the_parties_signed_is_an_agreement_of_theirs():
    text = ("The new institute follows a memorandum of understanding that Westbrook University and Carver County "
            "signed in August 2021.")
    [a] = run(text)["agreements"]
    assert (a["university"], a["partner"], a["date"]) == ("Westbrook University", "Carver County", "2021-08")


def test_a_signing_dated_by_its_year_only_is_history_and_dates_no_undated_money():
    text = ("Hanbit University and Daehan Motors opened the Hanbit-Daehan Battery Center.\n\n"
            "Daehan Motors will provide 5 billion won to the center over five years.\n\n"
            "The two first signed a cooperation agreement in 2008.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["date"]) == (5_000_000_000, None)


# ------------------------------------------------------------------ what is no platform

def test_the_subjects_of_opened_the_lab_are_the_founders_not_bodies_opened():
    text = ("Westbrook University and the Port of Carver Authority opened the Carver Autonomous Shipping Field Lab "
            "on 12 October 2020.")
    got = run(text)["platforms"]
    assert [(p["name"], p["partner"]) for p in got] == [("Carver Autonomous Shipping Field Lab",
                                                         "Port of Carver Authority")]


def test_a_port_or_a_town_by_its_place_name_is_no_platform():
    text = "Westbrook University and Port of Carver open field lab for autonomous shipping"
    assert [p["name"] for p in run(text)["platforms"]] == []
    # ... unlike a named body of research
    text = "Westbrook University and Carver City jointly established the Carver Science and Technology Innovation Port."
    assert [p["name"] for p in run(text)["platforms"]] == ["Carver Science and Technology Innovation Port"]


# ------------------------------------------------------------------ several signings in one sentence

def test_two_signings_in_one_sentence_pair_each_subject_with_its_own_partners():
    text = ("On May 9, the Carver Municipal People's Government signed strategic cooperation agreements with "
            "Hunan University and Hunan Normal University, and the Carver High-tech Industrial Development Zone "
            "signed industry-university-research cooperation agreements with Xiangtan University and Central "
            "South University respectively.")
    got = {(a["university"], a["partner"], a["agreement_type"]) for a in run(text, url=None)["agreements"]}
    assert got == {
        ("Hunan University", "Carver City", "strategic_cooperation"),
        ("Hunan Normal University", "Carver City", "strategic_cooperation"),
        ("Xiangtan University", "Carver High-tech Industrial Development Zone", "industry_university_research"),
        ("Central South University", "Carver High-tech Industrial Development Zone", "industry_university_research"),
    }


def test_two_universities_the_table_lists_apart_are_never_one():
    from pipelines.extract.names import same_entity

    assert not same_entity("Hunan University", "Hunan Normal University")
    assert same_entity("Hunan Normal University", "Hunan Normal University")


# ------------------------------------------------------------------ money in more currencies and framings

def test_reais_ringgit_francs_and_new_zealand_dollars_are_money():
    from pipelines.extract.money import find_money

    got = [(m.amount, m.currency) for t in ("R$ 12.6 million", "RM50 million", "CHF 2 million", "20 million reais",
                                            "NZ$3 million") for m in find_money(t)]
    assert got == [(12_600_000, "BRL"), (50_000_000, "MYR"), (2_000_000, "CHF"), (20_000_000, "BRL"),
                   (3_000_000, "NZD")]


def test_a_rand_amount_names_no_recipient():
    text = ("Under the MoU, the Gauteng Department of Economic Development will fund the Westbrook Innovation Hub "
            "to the value of R35 million over three years.")
    [f] = run(text, url="https://www.westbrook.ac.za/news/1")["funding"]
    assert (f["amount"], f["currency"], f["recipient"]) == (35_000_000, "ZAR", "Westbrook Innovation Hub")


def test_money_that_only_may_be_or_is_aimed_at_or_was_once_planned_is_no_funding():
    for s in ("Global hydrogen demand could be worth more than US$100 billion annually, industry estimates say.",
              "The EU Chips Act aims to mobilise more than €43 billion in public and private investment by 2030.",
              "A chipmaker had planned to build a plant in the prefecture with an investment of about 800 billion yen."):
        assert run("Westbrook University and Carver City signed an agreement.\n\n" + s)["funding"] == [], s


def test_a_bare_dollar_after_its_qualifier_is_the_pages_dollar():
    text = ("The University's alliance with Boeing Australia was renewed, taking the total value of joint projects "
            "since 2008 to more than $60 million.")
    [f] = run(text, url="https://www.westbrook.edu.au/news/1")["funding"]
    assert (f["amount"], f["currency"], f["qualifier"]) == (60_000_000, "AUD", "at_least")


def test_contracts_with_not_for_profit_partners_are_no_profit_figure():
    text = ("In 2023, Westbrook University entered into 412 new research contracts with industry and not-for-profit "
            "partners, with a combined value of $218 million.")
    [f] = run(text, url="https://www.westbrook.edu.au/news/1")["funding"]
    assert (f["amount"], f["currency"]) == (218_000_000, "AUD")


def test_the_state_capitalised_and_state_funding_are_the_pages_state():
    text = ("Westbrook University and the Queensland Government signed a partnership agreement to establish the "
            "Westbrook Hydrogen Skills Hub, backed by $12.5 million in State funding.\n\n"
            "The State will contribute a further $2 million.")
    got = run(text, url="https://www.westbrook.edu.au/news/1")["funding"]
    assert [(f["amount"], f["funder"]) for f in got] == [(12_500_000, "Queensland"), (2_000_000, "Queensland")]
    # ... and the State Council is no state
    assert run("The State Council approved the plan; the State Key Laboratory opened.")["funding"] == []


def test_the_universitys_company_is_the_pages_university():
    text = ("Westbrook University works with industry.\n\n"
            "The University's commercialisation company, WestQuest, executed 47 licence agreements with companies.")
    [c] = run(text)["counts"]
    assert c["quantity"] == 47 and c["subject"] in ("Westbrook University", "WestQuest")


# ------------------------------------------------------------------ several parties, one agreement; headlines

def test_a_council_and_three_universities_signing_one_agreement_pair_the_universities_too():
    text = ("Carver City Council, the University of Leeds, Leeds Beckett University and Leeds Trinity University "
            "have signed a civic partnership agreement in March 2025.")
    got = {(a["university"], a["partner"], a["agreement_type"]) for a in run(text, url=None)["agreements"]}
    assert {(u, p) for u, p, _ in got} == {
        ("University of Leeds", "Carver City"), ("Leeds Beckett University", "Carver City"),
        ("Leeds Trinity University", "Carver City"), ("University of Leeds", "Leeds Beckett University"),
        ("University of Leeds", "Leeds Trinity University"), ("Leeds Beckett University", "Leeds Trinity University")}
    assert {t for _, _, t in got} == {"other"}  # a civic agreement is of its own kind


def test_universities_each_signing_with_a_city_are_no_agreement_among_themselves():
    text = "Hunan University and Xiangtan University signed agreements with Carver City to set up research institutes."
    got = {(a["university"], a["partner"]) for a in run(text, url=None)["agreements"]}
    assert got == {("Hunan University", "Carver City"), ("Xiangtan University", "Carver City")}


def test_a_platform_set_up_under_the_pages_signing_takes_its_date():
    text = ("On March 3, 2021, Westbrook University and Carver City signed a strategic cooperation agreement.\n\n"
            "According to the agreement, the two sides will jointly build the Carver Institute of Advanced Materials.")
    [p] = run(text)["platforms"]
    assert (p["name"], p["date"]) == ("Carver Institute of Advanced Materials", "2021-03-03")


def test_a_title_case_headline_is_cut_at_its_verb_and_gives_way_to_the_storys_name():
    text = ("Westbrook and Daehan Motors Open Joint Battery Research Center\n\n"
            "Westbrook University and Daehan Motors opened the Daehan-Westbrook Next-Generation Battery Research "
            "Center on April 17, 2024.")
    got = run(text)["platforms"]
    assert [p["name"] for p in got] == ["Daehan-Westbrook Next-Generation Battery Research Center"]
    [p] = run("Westbrook University and Daehan Motors Open Joint Battery Research Center")["platforms"]
    assert p["name"] == "Joint Battery Research Center"


def test_a_universitys_corporate_communications_centre_is_no_joint_body():
    text = ("Westbrook University and Daehan Motors opened the Daehan-Westbrook Battery Lab on April 17, 2024.\n\n"
            "Westbrook Corporate Communications Center press@westbrook.edu")
    assert [p["name"] for p in run(text)["platforms"]] == ["Daehan-Westbrook Battery Lab"]


# ------------------------------------------------------------------ signings told with signatories, rounds, renewals

def test_a_new_round_of_agreement_is_an_agreement():
    text = ("On March 22, 2023, Westbrook University and Carver Motor Corporation signed a new round of strategic "
            "cooperation agreement.")
    [a] = run(text, url=None)["agreements"]
    assert (a["partner"], a["date"], a["agreement_type"]) == ("Carver Motor Corporation", "2023-03-22",
                                                               "strategic_cooperation")


def test_signatories_named_with_their_titles_sign_for_their_bodies():
    text = ("The agreement was signed by Westbrook University President John Smith and Carver Motors CEO Jane Doe "
            "on May 3, 2022.")
    [a] = run(text, url=None)["agreements"]
    assert (a["university"], a["partner"], a["date"]) == ("Westbrook University", "Carver Motors", "2022-05-03")


def test_an_alliance_renewed_or_extended_for_a_time_is_an_agreement_but_extended_to_new_fields_is_not():
    got = run("Westbrook University's research alliance with Carver Aerospace Ltd was renewed for a further "
              "five years.", url=None)["agreements"]
    assert [(a["university"], a["partner"]) for a in got] == [("Westbrook University", "Carver Aerospace Ltd")]
    assert run("Westbrook University and Carver Aerospace Ltd extended their cooperation to new fields.",
               url=None)["agreements"] == []


def test_a_companys_first_word_later_on_the_page_is_the_same_company():
    text = ("On March 22, 2023, Westbrook University and Carver Motor Corporation signed a strategic cooperation "
            "agreement.\n\n"
            "According to the agreement, Carver will invest 100 million yuan in joint research with the university.")
    got = run(text, url=None)
    assert [(a["partner"], a["date"]) for a in got["agreements"]] == [("Carver Motor Corporation", "2023-03-22")]
    assert [f["funder"] for f in got["funding"]] == ["Carver Motor Corporation"]


# ------------------------------------------------------------------ counts

def test_provinces_and_cities_signed_with_are_counted_but_places_where_are_not():
    got = run("Westbrook University has signed comprehensive cooperation agreements with 27 provinces and with more "
              "than 90 cities.")["counts"]
    # (the agreements are what is counted, one with each: so the gold of the development sets counts 29 of 37 since the
    # thirty-third round)
    assert [(c["quantity"], c["qualifier"], c["unit"]) for c in got] == [(27, "exact", "agreement"),
                                                                         (90, "at_least", "agreement")]
    assert run("The plan funded one university in each of 24 provinces through the cooperation.")["counts"] == []


def test_a_headline_figure_that_numbers_the_storys_listed_agreements_is_no_count():
    text = ("Carver signs deals with three universities\n\n"
            "On May 9, 2023, Carver City signed strategic cooperation agreements with Hunan University, Xiangtan "
            "University and Central South University.")
    got = run(text, url=None)
    assert len(got["agreements"]) == 3 and got["counts"] == []


def test_a_number_inside_a_name_is_no_count():
    got = run("Westbrook University has built 12 joint laboratories with Fortune Global 500 companies.")["counts"]
    assert [(c["quantity"], c["unit"]) for c in got] == [(12, "platform")]


def test_a_list_row_naming_a_body_with_its_partner_is_a_platform():
    text = ("Hunan University works with companies through joint centres:\n"
            "- Smart Grid Research Centre (2017), with State Grid Hunan Electric Power Company\n"
            "- Green Chemistry Laboratory, with Carver Chemicals Co., Ltd.\n")
    got = run(text)["platforms"]
    assert [(p["name"], p["university"], p["partner"], p["date"]) for p in got] == [
        ("Smart Grid Research Centre", "Hunan University", "State Grid Hunan Electric Power Company", "2017"),
        ("Green Chemistry Laboratory", "Hunan University", "Carver Chemicals Co., Ltd.", None)]
    # ... while a sentence that only names a centre and a company is none
    assert run("Hunan University has a Smart Grid Research Centre, with many visitors.")["platforms"] == []
