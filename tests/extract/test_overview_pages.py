"""Structures of overview and list pages and of money sentences, written for these tests (one rule each): a
heading line that ends short of the wrap width, a participle clause that sets up the subject, "the hub" named by
its heading, money "from" a funder, the size of an industry against industry funding, and relative clauses."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.text import split_sentences


def run(text, url="https://www.riverside.edu/research/industry", **kw):
    return extract_document(text, document_id="o", url=url, published="2023-03-01", **kw)


# a page laid out as headings and short rows, with one long line: it reads as hard-wrapped
OVERVIEW = (
    "Industry collaboration at Riverside University\n\n"
    "Joint laboratories and centres\n\n"
    "Riverside University and Hitachi Ltd established a joint laboratory in 2016 to develop grid storage.\n\n"
    "Centre for Autonomous Systems\n"
    "Co-founded with Boeing in 2019, the centre brings together 60 researchers from both organisations.\n\n"
    "Riverside Biomedical Innovation Hub\n"
    "Launched in partnership with Pfizer Inc in 2021, the hub supports early-stage drug discovery.\n\n"
    "Facts and figures\n"
    "More than 300 industry-sponsored research projects each year\n"
    "45 licensing agreements signed in 2022\n"
    "$120 million in industry research funding since 2018\n")


def test_a_line_that_ends_far_short_of_the_wrap_width_before_a_capital_ends_there():
    texts = [s.text for s in split_sentences(OVERVIEW)]
    assert "Centre for Autonomous Systems" in texts
    assert "More than 300 industry-sponsored research projects each year" in texts
    assert "45 licensing agreements signed in 2022" in texts


def test_hard_wrapped_prose_still_joins_its_lines():
    text = ("Under the agreement signed on Monday the university and the city\n"
            "of Westbrook will build a research park for clean energy firms and\n"
            "Cyber Security R&D Lab, WIL@NUS Corporate Laboratory will open\n"
            "Laboratory space for up to forty companies in the first phase of\n"
            "the park, which the two sides expect to complete within five years.\n")
    assert len(split_sentences(text)) == 1


def test_a_participle_clause_before_the_subject_sets_the_subject_up_and_the_heading_names_it():
    got = {p["name"]: (p["partner"], p["date"]) for p in run(OVERVIEW)["platforms"]}
    assert got["Centre for Autonomous Systems"] == ("Boeing", "2019")
    assert got["Riverside Biomedical Innovation Hub"] == ("Pfizer Inc", "2021")


def test_the_hub_that_no_name_on_the_page_explains_is_no_platform():
    text = "Launched in partnership with Pfizer Inc in 2021, the hub supports early-stage drug discovery."
    assert run(text)["platforms"] == []


def test_list_rows_each_give_their_figure():
    got = run(OVERVIEW)
    assert {(c["quantity"], c["unit"]) for c in got["counts"]} >= {(300, "program"), (45, "agreement")}
    assert [(f["amount"], f["currency"]) for f in got["funding"]] == [(120_000_000, "USD")]


def test_money_from_a_funder_names_the_funder():
    got = run("The partnership is backed by £25 million of funding from the Engineering and Physical Sciences "
              "Research Council.\n\nThe lab is supported by a S$30 million grant from the National Research "
              "Foundation.")["funding"]
    assert [(f["amount"], f["funder"]) for f in got] == [
        (25_000_000, "Engineering and Physical Sciences Research Council"),
        (30_000_000, "National Research Foundation")]


def test_approved_money_is_funding_and_an_industrys_size_is_not():
    got = run("The state government has approved Rs 50 crore for the centre of excellence at IIT Madras.")
    assert [(f["amount"], f["currency"]) for f in got["funding"]] == [(500_000_000, "INR")]
    assert run("Westbrook has a $120 million industry of boat builders.")["funding"] == []


def test_a_relative_clause_counts_for_the_body_it_hangs_on():
    text = ("Last year, Guangxi University and Jiangcheng City jointly established the Beibu Gulf Marine Industry "
            "Research Institute, which has since incubated 12 companies.")
    [c] = run(text, url="http://www.chinadaily.com.cn/a/202109/14/WS6140.html")["counts"]
    assert (c["quantity"], c["unit"], c["subject"]) == (12, "enterprise", "Beibu Gulf Marine Industry Research Institute")


def test_a_platform_co_built_under_an_agreement_takes_the_agreements_other_side():
    text = ("Jiangcheng City signed an agreement with the Chinese Academy of Sciences' Institute of Process "
            "Engineering to co-build a green chemistry research institute in the city's high-tech zone.")
    [p] = run(text, url="http://www.chinadaily.com.cn/a/202109/14/WS6140.html")["platforms"]
    assert (p["university"], p["partner"]) == ("Chinese Academy of Sciences", "Jiangcheng City")


def test_a_company_at_a_university_is_the_labs_partner_unless_the_page_never_expands_it():
    text = ("NTU's corporate labs include the Rolls-Royce@NTU Corporate Lab, the Delta-NTU Corporate Lab for "
            "Cyber-Physical Systems and the WIL@NTU Corporate Lab.")
    got = {p["name"]: p["partner"] for p in run(text, url="https://www.ntu.edu.sg/news/2021/a.html")["platforms"]}
    assert got == {"Rolls-Royce@NTU Corporate Lab": "Rolls-Royce",
                   "Delta-NTU Corporate Lab for Cyber-Physical Systems": "Delta", "WIL@NTU Corporate Lab": None}


def test_a_year_in_brackets_after_a_platforms_name_dates_it_and_is_no_part_of_the_name():
    text = ("Current partnerships include the Siemens Digital Industries Lab (established 2018) and the ABB "
            "Robotics Lab (2020).")
    got = {p["name"]: (p["partner"], p["date"]) for p in run(text)["platforms"]}
    # (and "Current", an adjective opening the sentence, is nobody's name)
    assert got == {"Siemens Digital Industries Lab": (None, "2018"), "ABB Robotics Lab": (None, "2020")}


def test_a_campus_of_a_family_the_table_lists_in_part_is_a_university():
    from pipelines.reference import UniversityIndex

    idx = UniversityIndex.default()
    got = [name for _, _, name in idx.find_campuses(
        "Indian Institute of Technology Dharwad (IIT Dharwad), IIT Delhi, NIT Calicut, the UN Security Council "
        "and Hebei Medical University Hospital")]
    # a listed campus is its row; an unlisted one is named as the newer campuses are; no two-letter family
    # ("UN") and no name that is a longer name's tail
    assert got == ["Indian Institute of Technology Dharwad", "Indian Institute of Technology Dharwad",
                   "Indian Institute of Technology, Delhi", "National Institute of Technology Calicut"]
    text = ("Indian Institute of Technology Dharwad (IIT Dharwad) signed a Memorandum of Understanding with "
            "Bharat Electronics Limited on Monday.")
    [a] = run(text, url="https://www.iitdh.ac.in/news/2023/mou-bel")["agreements"]
    assert (a["university"], a["partner"]) == ("Indian Institute of Technology Dharwad", "Bharat Electronics Limited")


def test_a_centre_of_excellence_keeps_its_field_in_its_name():
    got = run("IIT Madras set up a Centre of Excellence in Electric Mobility with Tata Motors in 2022.")["platforms"]
    assert [(p["name"], p["partner"]) for p in got] == [("Centre of Excellence in Electric Mobility", "Tata Motors")]
    got = run("The university opened a centre of excellence in Chennai with Tata Motors in 2022.")["platforms"]
    assert [p["name"] for p in got] == [None]


HIT = ("Two central government departments and a provincial government signed a cooperation deal in Beijing on "
       "November 14.\n\nAccording to the agreement, the Ministry of Education and the Commission of Science, "
       "Technology and Industry for National Defense will give 300 million yuan each to Harbin Institute of "
       "Technology.")


def test_a_name_whose_of_lists_fields_stays_whole_and_money_each_comes_from_each_giver():
    got = run(HIT, url="http://www.peopledaily.com.cn/english/199911/15/a.html")["funding"]
    assert sorted((f["amount"], f["funder"]) for f in got) == [
        (300_000_000, "Commission of Science, Technology and Industry for National Defense"),
        (300_000_000, "Ministry of Education")]


def test_givers_of_money_under_the_agreement_are_its_parties():
    got = run(HIT)["agreements"]  # (published 2023-03-01: the signing on November 14 is of 2022)
    assert sorted((a["university"], a["partner"], a["agreement_type"], a["date"]) for a in got) == [
        ("Harbin Institute of Technology", "Commission of Science, Technology and Industry for National Defense",
         "co_construction", "2022-11-14"),
        ("Harbin Institute of Technology", "Ministry of Education", "co_construction", "2022-11-14")]
    # money promised with no agreement behind it makes no party
    assert run("The Ministry of Education will give 300 million yuan to Harbin Institute of Technology.")[
        "agreements"] == []


def test_a_collaboration_that_describes_a_listed_lab_is_its_partner_not_an_agreement():
    text = ("The programme helped Westbrook University to strengthen partnerships with industry through the "
            "Shell-Westbrook Energy Laboratory, WIL@Westbrook Corporate Laboratory and the Imaging Development Lab, "
            "a collaboration between Westbrook University and ImaginAb Inc, among others.")
    got = run(text, url="https://www.westbrook.edu/news/2021/labs.html")
    assert got["agreements"] == []
    partners = {p["name"]: p["partner"] for p in got["platforms"]}
    assert partners["Imaging Development Lab"] == "ImaginAb Inc"
    # an acronym the page never expands names nobody, even where the page has one partner to lend
    assert partners["WIL@Westbrook Corporate Laboratory"] is None


def test_bodies_that_are_somewhere_are_a_places_size_not_a_count():
    assert run("More than 400 technology companies are already operating in the Waigaoqiao area.")["counts"] == []
    assert run("Twelve firms are based in the science park.")["counts"] == []
    got = run("So far, 64 enterprises have settled in the industrial park built by the two sides.")["counts"]
    assert [(c["quantity"], c["unit"]) for c in got] == [(64, "enterprise")]


PRESS = ("Westbrook, Indiana partner on semiconductor hub\n\n"
         "WEST LAFAYETTE, Ind. - Westbrook University and Indiana today announced a partnership to build a "
         "semiconductor hub.\n\n"
         "The state will invest $30 million over five years in the hub.\n\n"
         "Last year, Westbrook University signed a memorandum of understanding with SkyWater Technology.\n\n"
         "Westbrook University already works with more than 60 companies in the semiconductor industry.")


def test_a_dateline_in_capitals_under_a_headline_is_no_party():
    got = run(PRESS, url="https://www.westbrook.edu/news/2023/03/hub.html")
    assert all("LAFAYETTE" not in str(p["partner"]) for p in got["platforms"] + got["agreements"])


def test_the_state_is_the_us_state_the_page_names():
    [f] = run(PRESS, url="https://www.westbrook.edu/news/2023/03/hub.html")["funding"]
    assert (f["amount"], f["funder"]) == (30_000_000, "Indiana")


def test_a_name_ending_in_what_a_firm_sells_is_a_company_unless_it_starts_with_a_place():
    from pipelines.extract.chunks import classify_name

    assert [classify_name(n) for n in ("SkyWater Technology", "Tata Motors", "Zibo Technology",
                                       "Ministry of Science and Technology")] == [
        "enterprise", "enterprise", "org", "ministry"]
    got = run(PRESS, url="https://www.westbrook.edu/news/2023/03/hub.html")["agreements"]
    sky = [a for a in got if a["partner"] == "SkyWater Technology"]
    assert [(a["partner_type"], a["agreement_type"], a["date"]) for a in sky] == [
        ("enterprise", "industry_university_research", "2022")]


def test_working_with_companies_is_cooperation_not_a_size():
    got = run(PRESS, url="https://www.westbrook.edu/news/2023/03/hub.html")["counts"]
    assert [(c["quantity"], c["unit"], c["subject"]) for c in got] == [(60, "enterprise", "Westbrook University")]


HUBS = ("Minister announces $40 million for three new research hubs\n\n"
        "The Minister today announced $40 million in Australian Government funding for three Industrial "
        "Transformation Research Hubs led by the University of Queensland, Monash University and the University "
        "of Adelaide.\n\n"
        "The hubs will partner with 25 companies, including BHP, Rio Tinto and Woodside Energy.")


def test_a_headline_sums_up_a_figure_in_its_own_words_and_several_leaders_hold_it_jointly():
    got = run(HUBS, url="https://ministers.example.gov.au/2023/05/12/media-release")["counts"]
    # one count of hubs (the headline's repeats the body's), held by no single one of the three universities
    assert sorted((c["quantity"], c["unit"], c["subject"]) for c in got if c["unit"] == "platform") == [
        (3, "platform", None)]


def test_the_funding_a_body_names_is_its_money():
    got = run(HUBS, url="https://ministers.example.gov.au/2023/05/12/media-release")["funding"]
    assert [(f["amount"], f["funder"]) for f in got] == [(40_000_000, "Australian Government")]


def test_the_last_two_names_of_a_list_joined_by_and_are_two_names():
    from pipelines.extract import _prepare
    from pipelines.extract.names import refine_mentions
    from pipelines.extract.nlp import parse

    [view] = [v for v in _prepare(HUBS, document_id="h").views if "Rio" in v.clean]
    view.doc = parse([view.clean])[0]
    refine_mentions(view)  # (the recogniser reads "Rio Tinto" as a place and "Woodside Energy" as a company)
    assert [m.text for m in view.mentions if m.text.startswith(("Rio", "Woodside"))] == ["Rio Tinto", "Woodside Energy"]
    [view] = _prepare("The Ministry of Education, the Commission of Science, Technology and Industry for National "
                      "Defense and Heilongjiang Province signed.", document_id="h").views
    assert not any(m.text == "Industry for National Defense" for m in view.mentions)
    # a company whose name has an "and" stays whole after a comma: the split follows the recogniser's names
    text = ("Xiangtan University signed agreements with Xiangtan City, Hunan Valin Xiangtan Iron and Steel Co., "
            "Ltd. and Zoomlion.")
    assert ("Xiangtan University", "Hunan Valin Xiangtan Iron and Steel Co., Ltd.") in [
        (a["university"], a["partner"]) for a in run(text)["agreements"]]


def test_a_joint_names_short_form_is_the_company_the_sentence_names_in_full():
    text = ("- HNUST-CRRC Rail Transit Technology Innovation Center, jointly established with CRRC Zhuzhou "
            "Locomotive Co., Ltd. in 2020\n- SANY-HNUST Intelligent Manufacturing Joint Laboratory (2017)\n")
    got = {p["name"]: (p["partner"], p["date"]) for p in run(text, url="https://www.hnust.edu.cn/english/x.htm")[
        "platforms"]}
    assert got == {"HNUST-CRRC Rail Transit Technology Innovation Center": ("CRRC Zhuzhou Locomotive Co., Ltd.", "2020"),
                   "SANY-HNUST Intelligent Manufacturing Joint Laboratory": ("SANY", "2017")}


def test_a_hope_to_set_up_a_body_sets_nothing_up_and_a_profiles_figures_are_its_size():
    text = ("Both sides expressed the hope to establish a joint research center in Dorwick in the future.\n\n"
            "Founded in 1952, Westbrook University has 24 schools, 3 national engineering research centers and 12 "
            "provincial key laboratories.")
    got = run(text)
    assert got["platforms"] == [] and got["counts"] == []


def test_a_named_body_run_in_partnership_with_someone_is_a_platform_whatever_the_verb():
    text = ("Westbrook University will host the ARC Research Hub for Smart Manufacturing in partnership with "
            "Arup Group Limited.")
    got = [(p["name"], p["university"], p["partner"]) for p in run(text)["platforms"]]
    assert got == [("ARC Research Hub for Smart Manufacturing", "Westbrook University", "Arup Group Limited")]
    # a body hosted with no partnership is no platform of a cooperation
    assert run("Westbrook University will host the ARC Research Hub for Smart Manufacturing.")["platforms"] == []


def test_dated_rows_of_a_record_of_signings_are_agreements_of_the_pages_university():
    text = ("Office of Local Cooperation: 2024 work summary\n\n"
            "Twelve cooperation agreements were concluded in 2024.\n"
            "Among the year's signings:\n"
            "- March: strategic cooperation agreement with the People's Government of Kaveri Province\n"
            "- 18 June: framework agreement with the Westbrook Municipal People's Government on marine research\n"
            "- November: research agreement with China Three Gorges Corporation on hydropower\n"
            "- Cooperation agreement with Northfield City\n")
    out = extract_document(text, document_id="p", url="https://www.orion.edu/news/1.html", published="2025-01-14",
                           university="Orion University")
    got = [(a["university"], a["partner"], a["date"]) for a in out["agreements"]]
    assert got == [("Orion University", "Kaveri Province", "2024-03"),
                   ("Orion University", "Westbrook City", "2024-06-18"),
                   ("Orion University", "China Three Gorges Corporation", "2024-11")]
