"""Structures of pages from outside the development part, written for these tests (one rule each): partnership
verbs and framing phrases, councils by formal name, signatories' titles, press short names of universities,
stat blocks and list rows of overview pages, audiences by the parse, and more currencies."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document
from pipelines.extract.text import split_sentences
from pipelines.reference import UniversityIndex
from pipelines.reference.index import short_names


def run(text, **kw):
    kw.setdefault("document_id", "s")
    kw.setdefault("published", "2023-05-10")
    kw.setdefault("url", "https://news.example.org/2023/05/a.html")
    return extract_document(text, **kw)


def pairs(text, **kw):
    return [(a["university"], a["partner"]) for a in run(text, **kw)["agreements"]]


def counts(text, **kw):
    return [(c["quantity"], c["unit"], c["qualifier"]) for c in run(text, **kw)["counts"]]


# ------------------------------------------------------------------ agreements

@pytest.mark.parametrize("sentence, expected", [
    # the verb itself states a standing partnership (convention 3)
    ("University College Dublin has partnered with Intel Corporation to support spin-out companies.",
     ("University College Dublin", "Intel Corporation")),
    # a partnership announced by both sides, the object misread as the subject of its purpose clause
    ("The University of Toronto and Siemens Canada announced a partnership to advance quantum computing.",
     ("University of Toronto", "Siemens Canada")),
    # a clause framed by a partnership: the subject and the 'with' party, whatever the clause then plans
    ("Under a new partnership with the Government of Karnataka, the Indian Institute of Science will set up a "
     "centre for brain research.", ("Indian Institute of Science", "Karnataka")),
])
def test_partnership_verbs_and_framing_phrases_state_an_agreement(sentence, expected):
    assert expected in pairs(sentence)


def test_a_partnership_only_planned_is_still_no_agreement():
    assert pairs("The University of Toronto will partner with Siemens Canada next year.") == []
    assert pairs("Under a proposed partnership with Siemens Canada, the University of Toronto would open a lab.") == []


@pytest.mark.parametrize("sentence, partner", [
    ("A memorandum of agreement was concluded between Stellenbosch University and the City of Cape Town.",
     "Cape Town City"),
    ("Delft University of Technology signed an agreement with the Municipality of Delft on campus development.",
     "Delft City"),
])
def test_a_council_by_its_formal_name_is_its_place(sentence, partner):
    assert [p for _, p in pairs(sentence)] == [partner]


def test_a_signatory_s_title_before_the_name_is_no_party_but_the_body_after_of_is():
    got = pairs("On behalf of their institutions, Vice President Chen of Tianjin University and Deputy Mayor Zhao "
                "of Binhai New Area signed the agreement.")
    assert got == [("Tianjin University", "Binhai New Area")]


# ------------------------------------------------------------------ university short names

@pytest.mark.parametrize("name, expected", [
    ("Indian Institute of Technology, Delhi", ["IIT Delhi"]),
    ("University of California, Berkeley", ["UC Berkeley"]),
    ("Delft University of Technology", ["TU Delft"]),
    ("Technical University of Munich", ["TU Munich"]),
    ("Stellenbosch University", []),
])
def test_short_names_are_derived_from_the_official_name(name, expected):
    assert short_names(name, "XX") == expected


def test_short_names_resolve_and_chinese_universities_get_no_tu_form():
    idx = UniversityIndex.default()
    assert idx.by_name("IIT Delhi").name == "Indian Institute of Technology, Delhi"
    assert idx.by_name("TU Delft").name == "Delft University of Technology"
    assert short_names("Dalian University of Technology", "CN") == []
    assert pairs("IIT Delhi signed an MoU with the Government of Karnataka.") == [
        ("Indian Institute of Technology, Delhi", "Karnataka")]


# ------------------------------------------------------------------ counts

def test_a_stat_block_figure_takes_its_label_from_the_next_line():
    text = ("Our impact in numbers\n\n500+\nindustry partners\n\n45\njoint laboratories\n\n"
            "The university works with companies of every size.\nNumber of MoUs signed: 32\n"
            "Industry-sponsored PhD studentships - 85\n")
    sentences = [s.clean for s in split_sentences(text)]
    assert "500+ industry partners" in sentences and "45 joint laboratories" in sentences
    # a labelled figure ends its list row: the next row is a sentence of its own
    assert "Number of MoUs signed: 32" in sentences
    got = counts(text)
    # (a tile of the university's own spin-out companies would be no count: no partners, the twenty-second round)
    assert (500, "enterprise", "at_least") in got and (45, "platform", "exact") in got
    assert (32, "agreement", "exact") in got and (85, "program", "exact") in got


@pytest.mark.parametrize("sentence", [
    "More than 200 people attended the signing ceremony.",
    "The ceremony was attended by 300 guests from universities and enterprises.",
    "Some 500 experts gathered in Wuhan for the forum.",
    "Over 600 experts and entrepreneurs were invited to attend the conference.",
])
def test_an_audience_is_no_count(sentence):
    assert counts(sentence) == []


def test_people_a_platform_gathered_are_a_count():
    assert counts("The platform has gathered 27 academicians and 400 doctoral researchers.") == [
        (27, "person", "exact"), (400, "person", "exact")]


def test_the_parse_s_counted_noun_beats_a_later_unit_word():
    got = counts("The university's 11 overseas campuses and 4 joint institutes welcome students from abroad.")
    assert got == [(11, "institution", "exact"), (4, "platform", "exact")]


def test_person_times_count_people():
    assert counts("A cumulative 4,600 person-times have received training at the base.") == [(4600, "person", "exact")]


# ------------------------------------------------------------------ funding

@pytest.mark.parametrize("sentence, amount, currency", [
    ("The Department of Science and Technology sanctioned Rs 100 crore for the technology hub at IIT Bombay.",
     1_000_000_000, "INR"),
    ("The centre is funded with R40 million from the Department of Science and Innovation.", 40_000_000, "ZAR"),
])
def test_more_funding_verbs_and_currencies(sentence, amount, currency):
    assert [(f["amount"], f["currency"]) for f in run(sentence)["funding"]] == [(amount, currency)]


def test_a_capital_r_before_other_words_is_no_rand():
    assert run("R&D spending at the lab reached R2D2 levels.")["funding"] == []


# ------------------------------------------------------------------ more parties and platforms

def test_ministries_sharing_a_head_word_are_different_bodies():
    got = pairs("The Ministry of Education, the Ministry of Finance and Henan Province signed an agreement to "
                "support Zhengzhou University.")
    assert sorted(p for _, p in got) == ["Henan Province", "Ministry of Education", "Ministry of Finance"]


def platforms(text, **kw):
    return [(p["name"], p["platform_type"], p["partner"]) for p in run(text, **kw)["platforms"]]


def test_plaques_unveiled_for_quoted_platforms_set_both_up_and_a_capitalised_common_noun_is_no_partner():
    got = platforms('Leaders from both sides unveiled the plaques for the "Joint Innovation Center for Smart '
                    'Agriculture" and the "Postgraduate Workstation".')
    assert got == [("Joint Innovation Center for Smart Agriculture", "center", None),
                   ("Postgraduate Workstation", "workstation", None)]


def test_a_second_platform_coordinated_after_a_complement_is_not_part_of_the_first_name():
    got = platforms("Leaders from both sides unveiled the plaques for the Joint Innovation Center for Smart "
                    "Agriculture and the Postgraduate Workstation.")
    assert got[0][0] == "Joint Innovation Center for Smart Agriculture"


@pytest.mark.parametrize("sentence, name", [
    ("The school-local cooperation platform, named the Jinggangshan Red Culture Research Center, was launched.",
     "Jinggangshan Red Culture Research Center"),
    ("The two sides set up a joint laboratory called the Smart Grid Lab in 2019.", "Smart Grid Lab"),
])
def test_a_platform_named_or_called_takes_that_name(sentence, name):
    assert [n for n, _, _ in platforms(sentence)] == [name]


def test_a_list_of_names_one_per_line_is_one_platform_per_line_even_in_wrapped_text():
    text = ("Our corporate laboratories with industry partners across the island\n"
            "Delta-NTU Corporate Lab for Cyber-Physical Systems\n"
            "SMRT-NTU Smart Urban Rail Corporate Laboratory\n"
            "ST Engineering-NTU Corporate Lab\n"
            "The university also runs several joint research institutes with\n"
            "companies based in the region and in the wider Asian market today\n")
    got = platforms(text, url="https://www.ntu.edu.sg/research/industry")
    assert ("SMRT-NTU Smart Urban Rail Corporate Laboratory", "laboratory", "SMRT") in got
    assert ("ST Engineering-NTU Corporate Lab", "laboratory", "ST Engineering") in got
    assert len(got) == 3


def test_list_rows_with_the_label_before_the_figure_are_counts():
    text = ("KAIST and Samsung mark 20 years of cooperation\n\nResearch projects: 150\nJoint patents filed: 45\n"
            "Students supported - 1,200\nIndustry partners 500+\nTotal research funding: KRW 30 billion\n")
    got = counts(text)
    assert got == [(150, "program", "exact"), (45, "technology", "exact"), (1200, "person", "exact"),
                   (500, "enterprise", "at_least")]
    # a row's figure repeated by a sentence of the body is one count, evidenced by the sentence
    body = counts(text + "Since 2001, the partnership has produced 150 joint research projects.\n")
    assert body.count((150, "program", "exact")) == 1


def test_letters_before_a_figure_are_no_currency():
    # "partne-rs 500" is not 500 rupees, nor "worke-rs 300"
    assert run("Industry partners 500+")["funding"] == []
    assert [(f["amount"], f["currency"]) for f in run("The state will give Rs 500 crore.")["funding"]] == [
        (5_000_000_000, "INR")]


def test_the_institute_is_the_page_s_own_institute_only_when_it_is_one():
    sentence = "The Institute entered into an MoU with Infosys to train 500 students in emerging technologies."
    assert pairs(sentence, url="https://www.iitm.ac.in/happenings/press-releases") == [
        ("Indian Institute of Technology, Madras", "Infosys")]
    assert pairs(sentence, url="https://www.pku.edu.cn/news/1.html") == []  # Peking University is no institute


def test_a_date_after_a_company_name_is_not_part_of_it():
    got = run("An MoU was signed between PSG College of Technology and Roots Industries India Ltd on 14 February "
              "2020.")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("PSG College of Technology", "Roots Industries India Ltd", "2020-02-14")]


def test_table_rows_are_sentences_of_their_own_in_wrapped_text():
    text = ("MoUs signed with industries by the college during the academic year\n"
            "S.No | Name of the Industry | Date of Signing | Purpose\n"
            "1 | Tata Consultancy Services Ltd, Chennai | 12.03.2019 | Training and placement\n"
            "2 | Larsen & Toubro Limited, Mumbai | 05.07.2019 | Internships\n"
            "The college has signed MoUs with 45 industries for training and research\n"
            "and plans more agreements with firms in the region next year\n")
    rows = [s.clean for s in split_sentences(text) if s.clean.startswith(("1 |", "2 |"))]
    assert len(rows) == 2 and rows[0].endswith("Training and placement")


@pytest.mark.parametrize("sentence, partner", [
    ("Kongu Engineering College signed an MoU with Bosch Global Software Technologies Pvt Ltd.",
     "Bosch Global Software Technologies Pvt Ltd"),
    ("The University of Manchester signed a research agreement with AstraZeneca plc.", "AstraZeneca"),  # (lower case)
    ("Delft University of Technology signed a memorandum of understanding with BASF SE.", "BASF SE"),
    ("Monash University entered into a partnership agreement with BHP Group Limited.", "BHP Group Limited"),
])
def test_legal_forms_of_many_countries_mark_a_company_named_as_the_page_writes_it(sentence, partner):
    assert [p for _, p in pairs(sentence)] == [partner]


@pytest.mark.parametrize("sentence, expected", [
    ("KAIST and Samsung Heavy Industries have cooperated in shipbuilding research since 2001.",
     ("Korea Advanced Institute of Science and Technology", "Samsung Heavy Industries", "2001")),
    ("Samsung Heavy Industries has worked with KAIST for two decades.",
     ("Korea Advanced Institute of Science and Technology", "Samsung Heavy Industries", None)),
    ("The University of Sheffield and Rolls-Royce have a long-standing partnership in advanced manufacturing.",
     ("The University of Sheffield", "Rolls-Royce", None)),
])
def test_cooperation_over_a_span_of_time_or_a_partnership_held_is_a_standing_partnership(sentence, expected):
    assert [(a["university"], a["partner"], a["date"]) for a in run(sentence)["agreements"]] == [expected]


def test_working_with_a_company_once_is_no_partnership():
    assert pairs("Students worked with Rolls-Royce engineers on a design project last week.") == []
    assert pairs("The University of Sheffield will cooperate with Rolls-Royce for ten years.") == []


@pytest.mark.parametrize("sentence, years", [
    ("The province will earmark 400 million yuan during 2021-2023 to the university.", 3),
    ("The city will provide 50 million yuan from 2021 to 2025 to the joint institute.", 5),
])
def test_a_span_of_calendar_years_is_the_funding_period_counted_inclusively(sentence, years):
    assert [f["period_years"] for f in run(sentence)["funding"]] == [years]


def test_undated_money_on_a_page_reporting_one_signing_takes_the_signing_date():
    text = ("On March 3, 2021, Wuhan University and Xiangyang City signed a strategic cooperation agreement. "
            "The city will provide 50 million yuan to the joint research institute.")
    assert [f["date"] for f in run(text)["funding"]] == ["2021-03-03"]
    # on a page with signings at different times, undated money stays undated
    text2 = ("On March 3, 2021, Wuhan University and Xiangyang City signed a strategic cooperation agreement. "
             "In May 2019, Wuhan University and Yichang City signed a framework agreement. "
             "The city will provide 50 million yuan to the joint research institute.")
    assert [f["date"] for f in run(text2)["funding"]] == [None]


def subjects(text, **kw):
    return [(c["quantity"], c["subject"]) for c in run(text, **kw)["counts"]]


def test_it_in_the_next_sentence_holds_what_the_body_before_did():
    text = ("At the fair, Kunshan City signed contracts for 12 talent projects with universities. "
            "It also signed off on 8 academician workstation projects.")
    assert subjects(text) == [(12, "Kunshan City"), (8, "Kunshan City")]


def test_a_person_s_possessive_is_no_holder_the_platform_is():
    text = ("The Shenzhen Institute of Peking University was set up in 2001 by the city and the university. "
            "Wang's institute has set up 10 research teams with local companies.")
    assert subjects(text) == [(10, "Shenzhen Institute of Peking University")]


def test_a_count_whose_sentence_names_no_holder_has_none_unless_the_publisher_narrates():
    news = ("Wuhan University and Xiangyang City signed a strategic cooperation agreement on Monday. "
            "Some 40 contracts have been signed so far.")
    assert subjects(news) == [(40, None)]
    # the sentence names the page's actor somewhere, not as the subject
    located = ("Sichuan Province signed agreements with 12 universities in 2019. "
               "Up to now, 873 cooperation platforms have been built around the province.")
    assert (873, "Sichuan Province") in subjects(located)
    # a page in the first person: the publisher is the one that did it
    narrated = ("We make joint efforts with universities. Sichuan Province signed agreements with 12 universities. "
                "Our partners keep growing. Over 2,800 cadres have been sent to the other side for a temporary post.")
    assert (2800, "Sichuan Province") in subjects(narrated)


def test_full_width_punctuation_of_chinese_sites_reads_like_ascii():
    text = ("Sichuan University and Yibin City signed a strategic cooperation agreement on May 5，2019。"
            "The two sides will build a research institute。Wuhan University（WHU）signed an agreement with "
            "Xiangyang City on March 3, 2020.")
    assert len(split_sentences(text)) == 3
    got = [(a["university"], a["partner"], a["date"]) for a in run(text)["agreements"]]
    assert got == [("Sichuan University", "Yibin City", "2019-05-05"),
                   ("Wuhan University", "Xiangyang City", "2020-03-03")]


@pytest.mark.parametrize("sentence, expected", [
    ("The University of Leeds has teamed up with Siemens Energy to cut emissions.",
     [("University of Leeds", "Siemens Energy")]),
    ("The University of Auckland joined forces with Fonterra to set up a dairy research lab.",
     [("University of Auckland", "Fonterra")]),
    # a headline's comma coordinates its parties
    ("Zhejiang University, Hangzhou ink pact on digital economy", [("Zhejiang University", "Hangzhou City")]),
    # "New Area" is part of a district's name; a second partner the parser hung on the verb is still a partner
    ("At the ceremony, Fudan University signed agreements with Shanghai Pudong New Area and SAIC Motor "
     "respectively.", [("Fudan University", "Shanghai Pudong New Area"), ("Fudan University", "SAIC Motor")]),
])
def test_more_ways_to_say_two_bodies_partner(sentence, expected):
    assert pairs(sentence) == expected


def test_teaming_up_only_planned_is_no_partnership():
    assert pairs("The University of Leeds will team up with Siemens Energy next year.") == []


def test_company_at_university_names_a_corporate_lab_and_an_email_address_names_nothing():
    got = run("Rolls-Royce@NTU Corporate Lab", url="https://www.ntu.edu.sg/research/industry")["platforms"]
    assert [(p["name"], p["university"]) for p in got] == [
        ("Rolls-Royce@NTU Corporate Lab", "Nanyang Technological University")]
    idx = UniversityIndex.default()
    assert idx.find_all("Write to office@ntu.edu.sg for details.", abbreviations=True) == []


@pytest.mark.parametrize("when, date", [
    ("on Monday (May 8)", "2023-05-08"),          # a weekday restated by its date: the day
    ("in the autumn of 2017", "2017"),              # a season of a year: the year
    ("on the 5th of June", "2022-06-05"),           # a day after the page's month: the year before
])
def test_more_date_shapes(when, date):
    got = run(f"Wuhan University signed an agreement with Xiangyang City {when}.")["agreements"]
    assert [a["date"] for a in got] == [date]


def test_a_place_before_a_university_s_name_is_no_partner():
    got = pairs("Shanghai Fudan University and Xin Development Group signed a contract to set up a research center.")
    assert [p for _, p in got] == ["Xin Development Group"]


def test_a_collaboration_that_a_facility_is_said_to_be_is_a_platform_not_an_agreement():
    text = "The 19,000 sq ft research facility is a five-year collaboration between NTU and Nanofilm Technologies."
    assert pairs(text, url="https://www.ntu.edu.sg/news/a") == []
    # the same noun as a standing partnership of its own is an agreement
    assert pairs("The collaboration between NTU and Nanofilm Technologies began in 2018.",
                 url="https://www.ntu.edu.sg/news/a") == [("Nanyang Technological University", "Nanofilm Technologies")]


@pytest.mark.parametrize("sentence, expected", [
    ("Officials from Guangxi and Tsinghua University inked a strategic cooperation agreement.",
     [("Tsinghua University", "Guangxi Zhuang Autonomous Region")]),  # (its official name)
    # a verb coordinated after another shares its passive subject; delegates act for their place
    ("A plan was drawn up and signed by the Hebei delegates and the president of Tsinghua University.",
     [("Tsinghua University", "Hebei Province")]),
])
def test_people_acting_for_a_place_make_it_a_party(sentence, expected):
    assert pairs(sentence) == expected


def test_a_place_visited_is_still_no_party():
    assert pairs("Officials from Tsinghua University visited Guangxi last week.") == []


def test_a_yearly_amount_said_before_it_and_a_hyphenated_amount():
    got = run("Each year, the municipal government will provide 50 million yuan in special funds for the institute.")
    assert [(f["amount"], f["per"]) for f in got["funding"]] == [(50_000_000, "year")]
    got = run("A 100-million-yuan fund was established to support scientific research at Wuhan University.")
    assert [(f["amount"], f["currency"], f["kind"]) for f in got["funding"]] == [(100_000_000, "CNY", "investment")]  # (a fund set up: convention 8)


@pytest.mark.parametrize("sentence, kind", [
    ("Zhongshan City signed an agreement with Wuhan University of Technology to co-build the Advanced Materials "
     "Research Center.", "joint_platform"),
    ("The Ministry of Education and Hubei Province signed an agreement to co-construct Wuhan University of "
     "Technology.", "co_construction"),
])
def test_co_building_a_platform_is_a_joint_platform_and_co_constructing_a_university_is_co_construction(sentence, kind):
    assert {a["agreement_type"] for a in run(sentence)["agreements"]} == {kind}


def test_a_partnership_that_has_been_established_is_a_state_and_takes_no_signing_date():
    text = ("On March 3, 2021, Wuhan University and Xiangyang City signed a strategic cooperation agreement. "
            "Xiangyang City has established a partnership with Tongji University in talent introduction. "
            "Yichang City and Tongji University have formed a new partnership.")
    got = {(a["university"], a["partner"]): a["date"] for a in run(text)["agreements"]}
    assert got[("Wuhan University", "Xiangyang City")] == "2021-03-03"
    assert got[("Tongji University", "Xiangyang City")] is None
    assert got[("Tongji University", "Yichang City")] == "2021-03-03"  # news of the page's day


def test_a_year_alone_on_a_line_stays_a_timeline_heading():
    sentences = [s.clean for s in split_sentences("Milestones\n\n2019\nSigned an agreement with Xiangyang City\n")]
    assert "2019" in sentences
