"""Rules of the twenty-eighth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_a_university_co_built_under_an_agreement_has_a_co_construction_agreement():
    # "is jointly built by A, B and C under an agreement signed in 2017": the agreement a co-construction is under is
    # a co-construction one (convention 1), one row per government, dated by its signing
    page = ("About us\n\n"
            "Ningbo University is co-built by the Ministry of Education and Zhejiang Province under a memorandum signed "
            "in 2019.\n")
    rows = facts(page, "agreements", url="https://www.example.edu.cn/about.html", published="2024-01-10")
    assert pairs(rows) == {("Ningbo University", "Ministry of Education"), ("Ningbo University", "Zhejiang Province")}
    assert {(r["agreement_type"], r["date"]) for r in rows} == {("co_construction", "2019")}


def test_a_signed_agreement_of_a_stated_kind_keeps_its_kind_beside_a_co_construction():
    # the kind the agreement's own words give stays ("a strategic cooperation agreement")
    page = ("Shandong University, jointly built by the Ministry of Education and Shandong Province, signed a strategic "
            "cooperation agreement with Weihai City on Monday.\n")
    rows = facts(page, "agreements", url="https://www.example.edu.cn/news/2.html", published="2024-04-03")
    assert ("Shandong University", "Weihai City") in pairs(rows)
    assert {r["agreement_type"] for r in rows if r["partner"] == "Weihai City"} == {"strategic_cooperation"}


def test_a_short_form_leaves_out_the_group_and_legal_form_of_the_name():
    # "China Information and Communication Technologies Group Corporation (CICT)": the letters are the initials of
    # the name's first words, "Group Corporation" is left out of the short form; the company is the whole name, not
    # "Communication Technologies Group Corporation"
    page = ("Selected partners\n\n"
            "China Information and Communication Technologies Group Corporation (CICT) - framework agreement signed in "
            "May 2021 covering optical networks\n\n"
            "CICT engineers will work at the university's laboratories.\n")
    rows = facts(page, "agreements", url="https://english.hust.edu.cn/partners.htm", published="2024-06-01")
    assert pairs(rows) == {("Huazhong University of Science and Technology",
                            "China Information and Communication Technologies Group Corporation")}
    assert rows[0]["date"] == "2021-05"


def test_an_adverb_opening_the_sentence_is_no_name_and_leaves_the_county_a_party():
    # "Separately, Hotan county, ... concluded ... with X": "Separately" is no organisation, so the county after its
    # comma is not read as where that organisation lies; the county is the partner, not the prefecture of the
    # apposition
    page = ("Separately, Hotan county, a major walnut grower in the prefecture, concluded a technology transfer "
            "agreement with Xinjiang Agricultural University on Friday covering orchard management.\n")
    rows = facts(page, "agreements", url="https://www.example.cn/news/3.html", published="2024-05-20")
    assert pairs(rows) == {("Xinjiang Agricultural University", "Hotan County")}
    assert rows[0]["partner_type"] == "county"


def test_a_card_line_about_an_agreement_under_negotiation_is_no_agreement():
    # a partner card whose line says the agreement is being negotiated (and only a letter of intent was exchanged):
    # an intention (convention 4); the card above it with a signed agreement stays
    page = ("Key partners\n\n"
            "Hangzhou Steam Turbine Group\n"
            "A cooperation agreement on turbine testing was signed in 2021.\n\n"
            "Zhejiang Seaport Group\n"
            "A letter of intent on port automation was exchanged in 2023; a formal agreement is under negotiation.\n")
    rows = facts(page, "agreements", url="https://www.zju.edu.cn/partners.html", published="2024-02-01")
    assert {r["partner"] for r in rows} == {"Hangzhou Steam Turbine Group"}


def test_a_company_named_without_its_legal_form_is_the_company_the_page_names_in_full():
    # "SAIC Motor" after the card heading "SAIC Motor Corporation Limited": "Limited" is a legal form, no word of
    # the company's identity, so the two are one company, written as the page's fullest name
    page = ("Key partners\n\n"
            "Weichai Power Corporation Limited\n"
            "Shandong University and Weichai Power renewed their strategic cooperation agreement in June 2023.\n")
    rows = facts(page, "agreements", url="https://www.sdu.edu.cn/partners.html", published="2024-02-01")
    assert {r["partner"] for r in rows} == {"Weichai Power Corporation Limited"}


def test_an_approved_memorandum_is_dated_by_the_meeting_that_approved_it():
    # the memorandum the page tells of is approved (convention 4); the next sentence says on which day the cabinet
    # approved it, which dates it rather than the page's own date
    page = ("Leeds City Council's executive board has approved a memorandum of understanding with the University of "
            "Leeds.\n\n"
            "The MoU was approved at an executive board meeting on Tuesday, March 12, and will be signed in May.\n")
    rows = facts(page, "agreements", url="https://www.example.co.uk/news/leeds-mou", published="2024-03-15")
    assert [(r["partner"], r["date"], r["date_precision"]) for r in rows] == [("Leeds City", "2024-03-12", "day")]


def test_the_three_organisations_of_a_memorandum_make_it_one_agreement_of_all_three():
    # "a memorandum with A and B that will see the three organisations ...": the sentence counts its parties, as many
    # as it names, so the memorandum is one of three and the universities' pair is a row too (convention 2)
    page = ("Cardiff City Council has signed a memorandum of understanding with Cardiff University and Cardiff "
            "Metropolitan University that will see the three organisations share research facilities.\n")
    rows = facts(page, "agreements", url="https://www.example.co.uk/news/cardiff-mou", published="2024-03-15")
    assert {frozenset(p) for p in pairs(rows)} == {
        frozenset(("Cardiff University", "Cardiff City")), frozenset(("Cardiff Metropolitan University", "Cardiff City")),
        frozenset(("Cardiff University", "Cardiff Metropolitan University"))}


def test_initials_inside_a_platform_name_keep_the_whole_name():
    # "the X University Silicon Substrate LED Pilot Research Base": "LED" are initials inside a title-case name,
    # though the parser may read them as the verb "led"; the name is whole, not "Pilot Research Base"
    page = ("Jiangxi Normal University and the Nanchang Economic and Technological Development Zone unveiled two jointly "
            "built platforms on June 3: the Jiangxi Normal University Micro LED Display Pilot Research Base and the "
            "Yaohu Technology Transfer Service Platform.\n")
    rows = facts(page, "platforms", url="https://www.jxnu.edu.cn/x.html", published="2024-06-05")
    assert {r["name"] for r in rows} == {"Jiangxi Normal University Micro LED Display Pilot Research Base",
                                         "Yaohu Technology Transfer Service Platform"}


def test_a_body_the_page_describes_as_an_agency_is_an_agency():
    # "Ontario Genomics, the province's genomics research agency, ...": a name with no kind word, which the
    # apposition says is an agency; the memorandum it signs with the university is an agreement with that agency
    page = ("The University of Guelph and Ontario Genomics, the province's genomics research agency, have opened a new "
            "crop genomics hub in Guelph.\n\n"
            "The hub grows out of a memorandum of understanding that the university and Ontario Genomics signed last "
            "November.\n")
    rows = facts(page, "agreements", url="https://news.example.ca/guelph-hub", published="2024-05-10")
    assert [(r["university"], r["partner"], r["partner_type"], r["date"]) for r in rows] == [
        ("University of Guelph", "Ontario Genomics", "government_agency", "2023-11")]


def test_an_amount_before_a_platform_word_is_no_name_and_a_hub_is_a_centre():
    # a headline's "launch $25-million hub": the amount says what the hub costs, not which hub it is; the body the
    # article names ("the Prairie Water Innovation Hub") is the one platform, a centre
    page = ("U of S, Water Security Agency launch $25-million hub to speed up drought research\n\n"
            "The University of Saskatchewan and the Water Security Agency have launched the Prairie Water Innovation Hub "
            "to speed up drought research.\n")
    rows = facts(page, "platforms", url="https://news.example.ca/usask-hub", published="2024-05-10")
    assert [(r["name"], r["platform_type"]) for r in rows] == [("Prairie Water Innovation Hub", "center")]


def test_money_for_a_body_another_will_run_sets_that_body_up_with_the_funder():
    # "the council will put GBP 300,000 a year into a X Lab, to be run by Y University": the money and the running
    # set the lab up; the funder is its partner, the university that runs it its university
    page = ("Under the memorandum, the city council will put £300,000 a year for four years into a Sheffield Housing "
            "Data Lab, to be run by Sheffield Hallam University at its city campus.\n")
    rows = facts(page, "platforms", url="https://www.sheffield.gov.uk/news/x", published="2024-05-10")
    assert [(r["name"], r["platform_type"], r["university"]) for r in rows] == [
        ("Sheffield Housing Data Lab", "laboratory", "Sheffield Hallam University")]



def test_a_body_described_then_named_under_the_agreement_is_one_platform():
    # the agreement's sentence describes what it will build in lower case, the next names it: one platform, under
    # its name and the name's type (a "platform for X" named "Institute of X" is that institute)
    page = ("Ocean University of China and the Qingdao municipal government signed an agreement on Monday to build an "
            "innovation platform for deep-sea mining equipment.\n\n"
            "Under the agreement, the two sides will jointly set up the Qingdao Institute of Deep-Sea Mining Equipment "
            "in the West Coast New Area.\n")
    rows = facts(page, "platforms", url="https://www.ouc.edu.cn/news/x.html", published="2024-04-10")
    assert [(r["name"], r["platform_type"]) for r in rows] == [("Qingdao Institute of Deep-Sea Mining Equipment",
                                                                "institute")]


def test_a_described_body_and_a_named_body_for_other_things_stay_two():
    # the name says nothing of what the description is for: two platforms
    page = ("Ocean University of China and the Qingdao municipal government signed an agreement on Monday to build an "
            "innovation platform for deep-sea mining equipment.\n\n"
            "The two sides also opened the Qingdao Institute of Coastal Tourism in the West Coast New Area.\n")
    rows = facts(page, "platforms", url="https://www.ouc.edu.cn/news/x.html", published="2024-04-10")
    assert len(rows) == 2


def test_hyphened_initials_are_the_university_they_abbreviate():
    # "IIT-M" on a page about the Indian Institute of Technology, Madras: the initials of its words, hyphened before
    # the campus's; the agreements it signs are the institute's, not a body called "IIT-M"
    page = ("The Indian Institute of Technology, Madras on Monday signed an MoU with the Tamil Nadu government.\n\n"
            "Over the past three years, IIT-M has signed 41 MoUs with state bodies, according to the institute.\n")
    rows = facts(page, "counts", url="https://timesofindia.example.com/chennai/x", published="2024-02-14")
    assert {(r["quantity"], r["subject"]) for r in rows} >= {(41, "Indian Institute of Technology, Madras")}


def test_money_a_goal_is_of_is_no_funding():
    # "has set a goal of attracting $10 billion in investment by 2030": an aim, no money given; the sum provided to
    # the hub stays
    page = ("Alberta Innovates will provide $30 million to the new hub at the University of Calgary.\n\n"
            "The province has set a goal of attracting $10 billion in clean-technology investment by 2030.\n")
    rows = facts(page, "funding", url="https://www.ucalgary.ca/news/x", published="2024-06-13")
    assert [r["amount"] for r in rows] == [30000000]


def test_a_body_described_in_lower_case_takes_the_name_the_page_gives_it():
    # the agreement's sentence describes "an agro-processing innovation hub", the next names it in full; a centre the
    # page names later (a hub is a centre too) is another body, not the hub's name
    page = ("Nakuru County Government and Egerton University on Tuesday signed a Memorandum of Understanding that will "
            "see the two institutions establish an agro-processing innovation hub at the university's Njoro campus.\n\n"
            "The county would set aside Sh80 million to equip the Nakuru Agro-Processing Innovation Hub, the governor "
            "said.\n\n"
            "The governor later toured the university's Tatton Agriculture Park Visitor Centre.\n")
    rows = facts(page, "platforms", url="https://www.kenyanews.example.ke/x", published="2024-03-14")
    assert [(r["name"], r["partner"]) for r in rows] == [("Nakuru Agro-Processing Innovation Hub", "Nakuru County")]


def test_a_companys_officer_makes_it_a_company_and_group_of_a_title_is_no_company():
    # "Mr X, Group Chief Technology Officer of Keppel Infrastructure": "Group" opens a title, no company; and the
    # name a corporate officer is of is a company, though the recogniser reads it as a person's
    page = ("Nanyang Technological University and Surbana Jurong have launched a joint corporate laboratory.\n\n"
            "The agreement to set up the lab was signed on Monday by Professor Lam Khin Yong, NTU Vice President, and "
            "Mr Daniel Koh, Group Chief Technology Officer of Surbana Jurong.\n")
    rows = facts(page, "agreements", url="https://www.ntu.edu.sg/news/x", published="2024-03-07")
    assert {(r["partner"], r["partner_type"]) for r in rows} == {("Surbana Jurong", "enterprise")}


def test_signings_told_by_their_number_since_a_year_are_a_tally_not_an_agreement():
    # "has signed 14 MoUs with IIT Bombay since 2020": a tally (its count is a fact), no agreement of its own; the day's
    # signing the page reports stays
    page = ("The Indian Institute of Technology Bombay signed an MoU with the Maharashtra government on Monday.\n\n"
            "With this, the State government has signed 14 MoUs with IIT Bombay since 2020, officials said.\n")
    rows = facts(page, "agreements", url="https://www.example.in/news/x", published="2024-03-20")
    assert [(r["partner"], r["date"]) for r in rows] == [("Maharashtra", "2024-03")]


def test_the_two_alone_as_signers_are_the_pair_the_page_named():
    # "the result of a cooperation agreement the two signed in May": "the two" is the pair the page named before
    page = ("Wuhan University and China Three Gorges Corporation on Tuesday opened a joint laboratory for hydropower "
            "equipment.\n\n"
            "The laboratory is the result of a five-year cooperation agreement the two signed in May.\n")
    rows = facts(page, "agreements", url="https://en.whu.edu.cn/news/x", published="2023-09-12")
    assert [(r["university"], r["partner"], r["date"]) for r in rows] == [
        ("Wuhan University", "China Three Gorges Corporation", "2023-05")]


def test_in_and_a_field_go_on_naming_a_centre_but_a_place_does_not():
    # "the University Technology Centre in Gas Turbine Transmission Systems": after "in", capitalised words ending on
    # a field's word name the centre's field, without a short name in brackets before; "in Greater Manchester" is
    # where a centre is
    page = ("Since 2001 the University of Sheffield and Rolls-Royce have jointly run the University Technology Centre in "
            "Advanced Bearing Systems.\n\n"
            "The university and the council also opened the Digital Health Centre in Greater Manchester in 2019.\n")
    rows = facts(page, "platforms", url="https://www.sheffield.ac.uk/news/x", published="2024-03-07")
    assert {r["name"] for r in rows} == {"University Technology Centre in Advanced Bearing Systems",
                                         "Digital Health Centre"}


def test_the_two_alone_in_a_sentence_naming_a_body_is_not_the_pages_pair():
    # "The agreement with Lund University, which replaces the agreement the two signed in 2020": "the two" are the
    # sides of this sentence's agreement, not the page's first pair
    page = ("Chalmers University of Technology and Volvo Cars signed a research agreement on Monday.\n\n"
            "Volvo Cars also signed an agreement with Lund University on Monday.\n\n"
            "The agreement with Lund University, which replaces the agreement the two signed in 2020, covers battery "
            "safety.\n")
    rows = facts(page, "agreements", url="https://www.example.se/news/x", published="2024-03-12")
    assert ("Chalmers University of Technology", "Volvo Cars", "2020") not in {
        (r["university"], r["partner"], r["date"]) for r in rows}


def test_an_agreement_a_new_one_replaces_is_a_signing_of_its_own():
    # "signed a framework agreement ..., replacing the agreement they first concluded in 2015": the replaced agreement
    # is dated by its own clause, a row of its own (as a renewal's first signing is); the new one keeps its day
    page = ("On 12 March, LKAB and Umeå University signed a ten-year framework agreement on mining research, "
            "replacing the agreement they first concluded in 2015.\n")
    rows = facts(page, "agreements", url="https://www.umu.se/en/news/x", published="2024-03-14")
    assert sorted(r["date"] for r in rows) == ["2015", "2024-03-12"]
    assert {r["partner"] for r in rows} == {"LKAB"}


def test_a_body_that_also_signed_the_agreement_as_a_partner_is_a_party_to_it():
    # "X also signed the agreement as an associated partner": a party to the agreement the page told before, with the
    # page's university, on that agreement's day
    page = ("Kiel University and the shipyard ThyssenKrupp Marine Systems signed a research agreement on 4 March 2024.\n\n"
            "The Schleswig-Holstein Ministry of Economic Affairs also signed the agreement as an associated partner and "
            "will provide test berths.\n")
    rows = facts(page, "agreements", url="https://www.uni-kiel.de/en/news/x", published="2024-03-06")
    assert ("Kiel University", "Schleswig-Holstein Ministry of Economic Affairs") in pairs(rows)
