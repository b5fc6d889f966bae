"""Rules of the twenty-seventh round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_the_two_universities_and_the_three_companies_are_the_ones_named_before():
    # a signing whose sides are told by number and kind: the universities and the companies the sentences before
    # named, one agreement of all five (convention 2: the universities' pair too)
    page = ("The Ministry of Science will support the new Battery Campus of the University of Ulm and the Karlsruhe "
            "Institute of Technology with 20 million euros, the minister said on Thursday. Varta, BASF and Trumpf have "
            "joined the campus as founding partners.\n\n"
            "The two universities and the three companies signed the cooperation agreement on Wednesday.\n")
    rows = facts(page, "agreements", url="https://mwk.example.de/en/press/x", published="2024-05-16")
    assert pairs(rows) == {
        ("University of Ulm", "Karlsruhe Institute of Technology"),
        *{(u, c) for u in ("University of Ulm", "Karlsruhe Institute of Technology")
          for c in ("Varta", "BASF", "Trumpf")}}
    assert {r["partner_type"] for r in rows if r["partner"] in ("Varta", "BASF", "Trumpf")} == {"enterprise"}


def test_the_four_institutions_of_a_consortium_are_every_pair_of_them():
    # "a consortium agreement between the four institutions": four universities named before, one agreement of the
    # four, so every pair of them is a row, not only the host's pairs
    page = ("A new research centre for marine robotics will be hosted by University College Cork in partnership with "
            "Dublin City University, Maynooth University and University of Limerick.\n\n"
            "A consortium agreement between the four institutions was signed last month.\n")
    rows = facts(page, "agreements", url="https://www.example.ie/news/x", published="2024-02-07")
    unis = {"University College Cork", "Dublin City University", "Maynooth University", "University of Limerick"}
    assert {frozenset(p) for p in pairs(rows)} == {frozenset((a, b)) for a in unis for b in unis if a < b}


def test_an_agreement_the_two_signed_with_no_pronoun_hung_on_a_side():
    # "an agreement the carmaker and the university signed in May 2021": the parse hangs "signed" on the second
    # side, yet the clause tells of the agreement before it; "the carmaker" is the company the page names
    page = ("Purdue opens battery lab\n\n"
            "Toyota Motor North America, Inc. and Purdue University opened a battery recycling laboratory on Tuesday.\n\n"
            "The lab builds on an agreement the carmaker and the university signed in May 2021 to expand joint "
            "research.\n")
    rows = facts(page, "agreements", url="https://www.example.com/news/x", published="2024-04-10")
    assert ("Purdue University", "Toyota Motor North America, Inc.", "2021-05") in {
        (r["university"], r["partner"], r["date"]) for r in rows}


def test_a_memorandum_that_a_and_b_signed_is_a_signing():
    # "a memorandum of understanding that A and B signed in 2022": the clause hangs on "understanding"
    page = ("The new programme follows a memorandum of understanding that Purdue University and the state of Indiana "
            "signed in 2022 to coordinate semiconductor curricula.\n")
    rows = facts(page, "agreements", url="https://www.example.com/news/x", published="2024-04-10")
    assert {(r["university"], r["partner"], r["date"]) for r in rows} == {("Purdue University", "Indiana", "2022")}


def test_the_institute_in_lower_case_is_the_pages_own_institute():
    page = ("IIT Bombay and Tata Steel to develop green steel\n\n"
            "Later in the day, the institute and Tata Steel Limited signed an agreement for a joint research programme "
            "on hydrogen-based steelmaking.\n")
    rows = facts(page, "agreements", url="https://www.iitb.ac.in/news/x", published="2024-02-02")
    assert pairs(rows) == {("Indian Institute of Technology, Bombay", "Tata Steel Limited")}


def test_a_companys_board_signs_for_the_company():
    # "the member of the Siemens AG Board of Management" signs for Siemens (convention 2), and "Siemens AG" is the
    # "Siemens Group" the page names first (one company by two legal forms)
    page = ("TUM and Siemens Group found institute for industrial AI\n\n"
            "The Technical University of Munich and Siemens Group have founded the TUM-Siemens Institute for Industrial "
            "AI.\n\n"
            "The cooperation agreement was signed on 9 March by the President of TUM and the member of the Siemens AG "
            "Board of Management responsible for technology.\n")
    rows = facts(page, "agreements", url="https://www.tum.de/en/news/x", published="2024-03-12")
    assert ("Technical University of Munich", "Siemens Group", "2024-03-09") in {
        (r["university"], r["partner"], r["date"]) for r in rows}
    assert not any("Board" in r["partner"] for r in rows)


def test_an_agreement_signed_by_four_parties_is_one_agreement_of_all():
    # "An agreement signed last Thursday by A (a), B (b), the C Foundation (c) and D Ltda. creates ...": the
    # foundation after a bracketed short name is a party too, and the two universities' pair is a row
    page = ("An agreement signed on 6 June 2024 by the University of São Paulo (USP), the State University of Campinas "
            "(Unicamp), the São Paulo Research Foundation (FAPESP) and Embraer Ltda. creates the Centre for Aviation "
            "Fuels.\n")
    rows = facts(page, "agreements", url="https://jornal.usp.br/english/x", published="2024-06-11")
    assert pairs(rows) == {
        ("University of São Paulo", "State University of Campinas"),
        *{(u, p) for u in ("University of São Paulo", "State University of Campinas")
          for p in ("São Paulo Research Foundation", "Embraer Ltda")}}


def test_a_brazilian_page_writes_the_day_first():
    # "Published: 11/06/2024" on a .br site is 11 June (the country's short date writes the day first)
    page = ("Published: 11/06/2024\n\n"
            "The University of São Paulo signed an agreement with Petrobras last Thursday.\n")
    rows = facts(page, "agreements", url="https://jornal.usp.br/english/x", published=None)
    assert [r["date"] for r in rows] == ["2024-06"]


def test_a_descriptor_before_a_name_is_no_second_party():
    # "the oil company Sinopec": the descriptor says what the name after it is, not the page's other company
    page = ("Tianjin University and Sinopec Group open a catalysis centre\n\n"
            "Tianjin University, the Tianjin Municipal Government and the oil company Petrobras on Tuesday (12th) "
            "signed an agreement creating a centre for refinery catalysts.\n")
    rows = facts(page, "agreements", url="https://www.tju.edu.cn/english/x", published="2023-09-14")
    assert {(r["partner"], r["date"]) for r in rows} == {("Tianjin City", "2023-09-12"), ("Petrobras", "2023-09-12")}


def test_a_and_b_will_each_contribute_is_one_row_per_giver():
    # and the ", and" clause that pays salaries does not void the sum told before it
    page = ("The University of São Paulo, FAPESP and Raízen signed an agreement creating the centre in September "
            "2023.\n\n"
            "FAPESP and Raízen will each contribute R$ 20 million, and USP will cover the remainder through salaries "
            "and laboratories.\n")
    rows = facts(page, "funding", url="https://jornal.usp.br/english/x", published="2023-09-14")
    assert sorted((r["funder"], r["amount"]) for r in rows) == [("FAPESP", 20_000_000), ("Raízen", 20_000_000)]


def test_an_agencys_short_name_is_the_full_name_the_page_gave():
    # "the Highways Department" a later sentence names is the "Tamil Nadu Highways Department" named in full
    page = ("Anna University on Monday signed an MoU with the Tamil Nadu Highways Department on road safety.\n\n"
            "Under the MoU with the Highways Department, the university will set up a centre for pavement research.\n")
    rows = facts(page, "agreements", url="https://www.annauniv.edu/news/x", published="2024-01-10")
    assert {r["partner"] for r in rows} == {"Tamil Nadu Highways Department"}


def test_a_centre_of_excellence_keeps_its_field_after_in():
    # the parse hangs "in Advanced Manufacturing and Robotics" on the verb; after "of Excellence" it names the field
    page = ("IIT Kanpur on Tuesday signed an MoU with the Uttar Pradesh government to set up a Centre of Excellence in "
            "Advanced Manufacturing and Robotics at its campus.\n")
    rows = facts(page, "platforms", url="https://www.iitk.ac.in/news/x", published="2024-01-10")
    assert [r["name"] for r in rows] == ["Centre of Excellence in Advanced Manufacturing and Robotics"]


def test_an_indefinite_apposition_says_what_a_platform_is():
    # "the Centre for X (CX), an Engineering Research Centre to be headquartered at ...": one body, described;
    # and the headline's lower-case "centre for hydrogen" is that body, whoever the headline pairs it with
    page = ("USP, Unicamp and FAPESP create centre for hydrogen storage\n\n"
            "An agreement signed on 6 June 2024 by the University of São Paulo (USP), the State University of Campinas "
            "(Unicamp) and the São Paulo Research Foundation (FAPESP) creates the Centre for Hydrogen Storage "
            "Innovation (CHSI), an Engineering Research Centre to be headquartered at USP's Polytechnic School.\n")
    rows = facts(page, "platforms", url="https://jornal.usp.br/english/x", published="2024-06-11")
    assert [r["name"] for r in rows] == ["Centre for Hydrogen Storage Innovation"]


def test_no_contract_signed_is_no_signing():
    page = ("Fudan University and Shanghai Electric Group have reached an agreement in principle on a battery project, "
            "although no contract has been signed, a university spokesperson said.\n")
    assert facts(page, "agreements", url="https://www.fudan.edu.cn/en/x", published="2024-03-11") == []


def test_it_after_a_sentence_about_a_company_is_the_company():
    # "Geely, which ..., has set up ... On the same day, it also signed ... with X": "it" is the company the sentence
    # before is about (the parse hangs "Geely" off the verb), not the page's university
    page = ("Zhejiang University news\n\n"
            "Zhejiang University and Zhejiang Geely Holding Group Co., Ltd. signed an agreement on Friday.\n\n"
            "Geely, which reported revenue of 179 billion yuan last year, has set up joint laboratories with 14 "
            "universities, according to the company. On the same day, it also signed an investment agreement with the "
            "Binjiang district government for a software headquarters.\n")
    rows = facts(page, "agreements", url="https://www.zju.edu.cn/english/x", published="2024-03-11")
    assert {p for _, p in pairs(rows)} == {"Zhejiang Geely Holding Group Co., Ltd."}


def test_agencies_of_a_government_are_not_the_government():
    # "with agencies of the Maharashtra government", "with state and central government bodies": unnamed bodies
    # of a government; the government is no side of their agreements
    page = ("IIT Bombay on Tuesday signed three memoranda of understanding with agencies of the Maharashtra government "
            "at a ceremony in Mumbai.\n\n"
            "With the three agreements, the institute has now signed 38 MoUs with state and central government bodies, "
            "a spokesperson said.\n")
    assert facts(page, "agreements", url="https://www.iitb.ac.in/news/x", published="2024-05-10") == []


def test_universities_signing_with_unnamed_government_bodies_are_no_pair():
    page = "Tsinghua University and Peking University signed agreements with the provincial government bodies on Monday.\n"
    assert facts(page, "agreements", url="https://www.example.com/news/x", published="2024-05-01") == []


def test_a_one_word_town_after_a_university_is_no_party_of_a_tripartite_mou():
    # "tripartite": three parties, and four names read; "Jorhat" after the university's comma is where it is
    page = ("The third is a tripartite MoU between IIT Delhi, Punjab Agricultural University (PAU), Ludhiana and the "
            "Directorate of Agriculture, Punjab on drone-based crop advisories.\n")
    rows = facts(page, "agreements", url="https://home.iitd.ac.in/news/x", published="2024-01-16")
    assert "Ludhiana" not in {p for _, p in pairs(rows)}
    assert ("Indian Institute of Technology, Delhi", "Punjab Agricultural University") in pairs(rows)


def test_an_infinitive_with_a_deadline_is_a_plan_but_not_under_a_past_act():
    page = ("- Hub to train 1,200 hydrogen workers by 2030\n\n"
            "By the end of 2024, Nanhai had attracted 21 universities and research institutes to set up 24 new R&D "
            "institutions in the district.\n")
    rows = facts(page, "counts", url="https://www.example.gov.cn/x", published="2025-01-10")
    assert {r["quantity"] for r in rows} == {21, 24}


def test_a_one_word_short_form_inside_a_companys_name_is_that_company():
    # "Bosch" is a word of "Robert Bosch GmbH", the one company the page names with it
    page = ("Karlsruhe Institute of Technology and Robert Bosch GmbH will open a centre for industrial AI.\n\n"
            "KIT and Bosch signed the cooperation agreement for the centre in Karlsruhe on 4 March.\n")
    rows = facts(page, "agreements", url="https://www.kit.edu/kit/english/x", published="2024-03-08")
    assert {p for _, p in pairs(rows)} == {"Robert Bosch GmbH"}


def test_a_headlines_count_of_agreements_repeats_the_storys():
    # "inks three MoUs" in the headline is the "signed three memoranda of understanding" of the story, whatever
    # holder the headline's section words give it
    page = ("Pune News / IIT-Bombay inks three MoUs with state agencies on roads, water and metro\n\n"
            "The Indian Institute of Technology Bombay (IIT-B) on Tuesday signed three memoranda of understanding "
            "(MoUs) with agencies of the Maharashtra government at a function in Mumbai.\n")
    rows = facts(page, "counts", url="https://www.hindustantimes.com/cities/x", published="2024-05-29")
    assert [(r["quantity"], r["subject"]) for r in rows] == [(3, "Indian Institute of Technology, Bombay")]


def test_a_company_after_a_countrys_adjective_keeps_the_pages_short_name():
    # "Honda" of "American Honda Motor Co., Inc." is the page's own word for the whole company
    page = ("The Ohio State University and American Honda Motor Co., Inc. opened a battery centre.\n\n"
            "It builds on the master research agreement Ohio State and Honda signed in 2019.\n")
    rows = facts(page, "agreements", url="https://news.osu.edu/x", published="2025-02-10")
    assert ("The Ohio State University", "Honda", "2019") in {(r["university"], r["partner"], r["date"]) for r in rows}


def test_under_an_agreement_the_main_clause_tells_the_sides():
    # "Under a five-year agreement renewed in March 2024, X provides ... research at Y's institute": X and Y
    page = ("Under a five-year agreement renewed in March 2024, BHP Group Limited provides A$6 million for mine "
            "rehabilitation research at UQ's Sustainable Minerals Institute.\n")
    rows = facts(page, "agreements", url="https://www.uq.edu.au/news/x", published="2024-05-02")
    assert {(r["university"], r["partner"], r["date"]) for r in rows} == {
        ("University of Queensland", "BHP Group Limited", "2024-03")}


def test_a_companys_board_member_signs_for_the_company():
    page = ("The Technical University of Munich (TUM) and Siemens AG will establish a joint campus.\n\n"
            "A framework agreement was signed in Munich on 3 July by TUM President Prof. Klaus Brenner, Siemens Board "
            "Member for Technology Dr. Martina Vogt and Bavarian Science Minister Stefan Weidinger.\n")
    rows = facts(page, "agreements", url="https://www.tum.de/en/news/x", published="2024-07-05")
    assert pairs(rows) == {("Technical University of Munich", "Siemens AG")}


def test_a_body_that_was_a_party_to_the_agreement_signed_it():
    page = ("KAIST and Hyundai Motor Company signed an agreement on Monday to build a battery centre. Daejeon "
            "Metropolitan City was also a party to the agreement, pledging to speed up permits.\n\n"
            "The University of Strathclyde and Glasgow City Council renewed their MoU on Monday. For the first time, "
            "Scottish Enterprise has joined the partnership as a third signatory.\n")
    rows = facts(page, "agreements", url="https://www.example.com/news/x", published="2024-03-20")
    assert {("Korea Advanced Institute of Science and Technology", "Daejeon City"),
            ("University of Strathclyde", "Scottish Enterprise")} <= pairs(rows)


def test_a_platforms_name_goes_on_after_its_short_name_in_brackets():
    # "a University Technology Centre (UTC) in Hybrid-Electric Propulsion Systems": "in" after the bracketed short
    # name names the centre's field (not a place: "the Hangzhou Research Institute (HRI) in Hangzhou")
    page = ("The University of Bath and Rolls-Royce have opened a University Technology Centre (UTC) in Hybrid-Electric "
            "Propulsion Systems, the 32nd UTC in the company's network.\n\n"
            "Zhejiang University set up the Hangzhou Research Institute (HRI) in Hangzhou in 2020.\n")
    rows = facts(page, "platforms", url="https://www.bath.ac.uk/announcements/x", published="2024-03-01")
    assert {r["name"] for r in rows} == {"University Technology Centre (UTC) in Hybrid-Electric Propulsion Systems",
                                          "Hangzhou Research Institute"}


def test_a_universitys_and_does_not_swallow_a_companys_first_word():
    # "The University of Michigan and Ford signed": "Ford" opens "Ford Motor Company", which the page names, so the
    # "and" joins two sides, not the parts of one university's name
    page = ("Battery Hub - University of Michigan, with Ford Motor Company ($18 million)\n\n"
            "The University of Michigan and Ford signed a master research agreement in January.\n")
    rows = facts(page, "agreements", url="https://www.michiganbusiness.org/press/x", published="2025-03-26")
    assert pairs(rows) == {("University of Michigan", "Ford Motor Company")}


def test_a_state_department_in_lower_case_is_that_department():
    # Indian news: "the state water resources department", "the state department of industries, commerce and public
    # enterprises": departments of the state the page is about, by their names, not the state itself
    page = ("IIT-Guwahati inks pacts with Assam departments\n\n"
            "GUWAHATI: IIT-Guwahati on Tuesday signed two memoranda of understanding \u2014 with the state water "
            "resources department and the state department of industries, commerce and public enterprises \u2014 at a "
            "function in Dispur.\n\n"
            "Assam has 33 districts, and the state plans more flood studies.\n")
    rows = facts(page, "agreements", url="https://timesofindia.indiatimes.com/city/guwahati/x", published="2025-03-19")
    assert {p for _, p in pairs(rows)} == {"Assam Water Resources Department",
                                           "Assam Industries, Commerce and Public Enterprises Department"}
