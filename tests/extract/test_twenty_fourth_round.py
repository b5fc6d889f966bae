"""Rules of the twenty-fourth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract.names import classify_name
from pipelines.reference import UniversityIndex
from tests.extract.page_facts import facts, pairs


def test_a_legal_form_after_a_comma_closes_the_companys_name():
    # ", LLC" and ", S.A. de C.V." end the company's name; they are no signer of their own
    page = ("Clemson University signed a memorandum of understanding on Tuesday with Palmetto Battery Works, LLC, and "
            "the South Carolina Department of Commerce to train battery technicians.\n\n"
            "Universidad de Guadalajara signed a research agreement with Grupo Cementero del Pacífico, S.A. de C.V. "
            "on 9 April.\n")
    rows = facts(page, "agreements", url="https://news.clemson.edu/2024/x", published="2024-04-10")
    partners = {a["partner"] for a in rows}
    assert {"Palmetto Battery Works, LLC", "South Carolina Department of Commerce"} <= partners
    assert "Grupo Cementero del Pacífico, S.A. de C.V." in partners
    assert not partners & {"LLC", "S.A. de C.V."}


def test_an_agreement_between_a_list_of_parties_is_one_agreement_of_them_all():
    # "The agreement between A, B, C, D and E": the universities' pairs too (convention 2); a hospital trust is a
    # body of its own
    page = ("The agreement between the University of Bath, Bath Spa University, Bath and North East Somerset Council "
            "and the Royal United Hospitals Bath NHS Foundation Trust was signed at the Guildhall on Friday 8 March "
            "2024.\n")
    rows = facts(page, "agreements", url="https://www.bath.ac.uk/news/2024/x", published="2024-03-09")
    assert ("University of Bath", "Bath Spa University") in pairs(rows)
    assert ("University of Bath", "Royal United Hospitals Bath NHS Foundation Trust") in pairs(rows)
    assert ("Bath Spa University", "Royal United Hospitals Bath NHS Foundation Trust") in pairs(rows)


def test_a_system_or_a_trust_is_an_organisation_that_signs():
    assert classify_name("Technical College System of Georgia") == "org"
    page = "Kennesaw State University signed an articulation agreement with the Technical College System of Georgia.\n"
    rows = facts(page, "agreements", url="https://www.kennesaw.edu/news/x", published="2024-04-10")
    assert [a["partner"] for a in rows] == ["Technical College System of Georgia"]


def test_a_university_by_its_current_official_name():
    # convention 6: TU Dresden's official English name since 2023; its older names still resolve to it
    index = UniversityIndex.default()
    for name in ("TU Dresden", "Dresden University of Technology", "TUD Dresden University of Technology"):
        assert index.by_name(name).name == "TUD Dresden University of Technology"
    assert index.by_name("HTW Dresden").name == "Dresden University of Applied Sciences"


def test_the_city_council_alone_is_the_pages_city():
    # "the City Council" with no place: the council of the city the page is about ("councils as <Place> City")
    page = ("The University of Leicester and Leicester City Council signed a civic agreement on 2 May 2024.\n\n"
            "It builds on a memorandum of understanding that the University first signed with the City Council in "
            "2016 on the regeneration of the waterside.\n")
    rows = facts(page, "agreements", url="https://le.ac.uk/news/2024/may/x", published="2024-05-03")
    assert {(a["partner"], a["date"]) for a in rows} == {("Leicester City", "2024-05-02"), ("Leicester City", "2016")}


def test_the_possibility_of_signing_is_no_signing():
    # convention 4: a wish to explore signing is an intention
    page = ("On April 17, a delegation led by the Vice Mayor of Jiujiang visited Nanchang University to discuss "
            "cooperation in new materials.\n\n"
            "She hoped that the two sides would explore the possibility of signing a strategic cooperation "
            "agreement in the near future and building joint laboratories in new materials.\n")
    assert facts(page, "agreements", url="https://en.ncu.edu.cn/news/1.html", published="2023-04-18") == []


def test_a_cooperation_that_dates_back_to_a_year_when_a_signing_took_place_takes_that_year():
    # "dates back to 2016, when X signed ...": the signing of the "when" clause is of that year, not of the news;
    # a cooperation that only "dates back to 2012" gives no date of a signing
    page = ("Wuhan University and the Wuhan Donghu Science City renewed their strategic cooperation agreement on "
            "June 12.\n\n"
            "The cooperation dates back to 2016, when Wuhan University signed a framework agreement with the Hubei "
            "Provincial People's Government covering talent and technology transfer.\n")
    rows = facts(page, "agreements", url="https://en.whu.edu.cn/info/1.htm", published="2024-06-13")
    assert ("Hubei Province", "2016") in {(a["partner"], a["date"]) for a in rows}


def test_a_ministry_named_by_its_fields_goes_on_after_and_the():
    # "the Bavarian State Ministry of Science and the Arts and BMW AG": one ministry, then a company
    page = ("The Technical University of Munich, the Ministry of Education and the Arts and Siemens AG have signed a "
            "cooperation agreement establishing the Munich Grid Lab.\n")
    rows = facts(page, "agreements", url="https://www.tum.de/en/news/x", published="2024-07-05")
    assert {a["partner"] for a in rows} == {"Ministry of Education and the Arts", "Siemens AG"}


def test_rows_of_labelled_partners_are_rows_of_their_own_with_their_bracketed_dates():
    # hard-wrapped lines "<party> (<short form>) (<month year>): <agreement>" are one row each, however long the
    # label, and the month in brackets dates the row
    page = ("Recent agreements\n"
            "Department of Higher and Technical Education, Government of the State of Maharashtra (June 2023): MoU to "
            "set up a skills hub at Pune\n"
            "Tata Motors Limited (TML) (March 2023): five-year framework agreement on battery recycling\n"
            "Bajaj Auto Limited (January 2023): renewal of an earlier agreement on two-wheeler electrification\n")
    rows = facts(page, "agreements", url="https://www.iitb.ac.in/en/industry-partnerships", published="2023-07-01")
    got = {(a["partner"], a["date"]) for a in rows}
    assert {("Tata Motors Limited", "2023-03"), ("Bajaj Auto Limited", "2023-01")} <= got


def test_numbered_rows_under_a_lead_that_ends_with_with_are_the_partners():
    # "The MoUs were signed with:" then "1. X (XL), for ...;": the page's university signed with each row's body,
    # on the signing's day
    page = ("Indian Institute of Technology Bombay signed Memoranda of Understanding with three organisations on 12th "
            "March 2024 at the Victor Menezes Convention Centre.\n\n"
            "The MoUs were signed with:\n"
            "1. Bharat Petroleum Corporation Limited (BPCL), for a Centre of Excellence in Green Hydrogen, for which "
            "BPCL has committed Rs 20 crore;\n"
            "2. Mazagon Dock Shipbuilders Limited (MDL), for joint research on hull coatings; and\n"
            "3. Maharashtra Pollution Control Board, Government of Maharashtra, for air quality monitoring.\n")
    rows = facts(page, "agreements", url="https://www.iitb.ac.in/en/news/1.html", published="2024-03-13")
    got = {(a["university"], a["partner"], a["date"]) for a in rows}
    uni = "Indian Institute of Technology, Bombay"  # (the reference table's name)
    assert {(uni, "Bharat Petroleum Corporation Limited", "2024-03-12"),
            (uni, "Mazagon Dock Shipbuilders Limited", "2024-03-12"),
            (uni, "Maharashtra Pollution Control Board", "2024-03-12")} <= got


def test_the_bodies_a_counted_kind_of_partner_names_after_a_comma_are_the_partners():
    # (the parse hangs the list on "companies" as an apposition, and the signing's role phrases lose it)
    page = ("Zhejiang University (ZJU) last Friday signed industry-university-research cooperation agreements with "
            "two Ningbo-based companies, Ningbo Joyson Electronic Co., Ltd. and Ningbo Tuopu Group Co., Ltd.\n")
    rows = facts(page, "agreements", url="https://www.zju.edu.cn/english/news/1.html", published="2024-05-10")
    assert {a["partner"] for a in rows} == {"Ningbo Joyson Electronic Co., Ltd.", "Ningbo Tuopu Group Co., Ltd."}


def test_a_list_after_a_board_goes_on_and_a_metropolitan_assembly_is_its_city():
    # "with the Ghana Cocoa Board (COCOBOD), Newmont Ghana Gold (Ghana) Limited and the Tamale Metropolitan
    # Assembly (TaMA)": three partners; a Ghanaian metropolitan assembly is the city's council (convention 6)
    page = ("The University for Development Studies (UDS) on Friday signed Memoranda of Understanding with the Ghana "
            "Cocoa Board (COCOBOD), Newmont Golden Ridge (Ghana) Limited and the Tamale Metropolitan Assembly (TaMA) "
            "at a ceremony in Tamale.\n")
    rows = facts(page, "agreements", url="https://www.uds.edu.gh/news/1", published="2024-06-10")
    partners = {a["partner"] for a in rows}
    assert "Newmont Golden Ridge (Ghana) Limited" in partners
    assert "Tamale City" in partners


def test_a_kind_of_body_in_a_headline_is_no_company():
    # "Signs MoUs with State, BEL", "with Four Cities": a kind of body, no name
    for headline in ("IIT Madras signs MoUs with State, HAL for aerospace research\n",
                     "Central South University Signs Agreements with Four Cities in Hunan\n"):
        rows = facts(headline, "agreements", url="https://www.example.ac.in/news/1", published="2024-02-01")
        assert not {a["partner"] for a in rows} & {"State", "Cities"}


def test_a_renewal_by_pronoun_is_a_row_of_its_own():
    # "first signed an agreement in October 2012 and renewed it in 2017": the signing and its renewal, one row each
    page = ("Shandong University and Weihai City renewed their strategic cooperation agreement on July 5, 2022.\n\n"
            "The two sides first signed a strategic cooperation agreement in October 2012 and renewed it in 2017.\n")
    rows = facts(page, "agreements", url="https://www.en.sdu.edu.cn/info/1.htm", published="2022-07-06")
    assert {a["date"] for a in rows if a["partner"] == "Weihai City"} == {"2022-07-05", "2012-10", "2017"}


def test_a_yen_sign_on_a_japanese_page_is_the_yen():
    page = ("Osaka University and Panasonic Holdings Corporation signed a comprehensive partnership agreement on "
            "March 4, 2024. Under the agreement, Panasonic will fund ¥800 million over five years for joint "
            "research on batteries.\n")
    rows = facts(page, "funding", url="https://www.osaka-u.ac.jp/en/news/2024/03/x", published="2024-03-05")
    assert [(f["amount"], f["currency"]) for f in rows] == [(800_000_000, "JPY")]
    # (on a Chinese page the same sign is the yuan)
    rows = facts(page.replace("Osaka University", "Zhejiang University").replace("Panasonic Holdings Corporation",
                                                                                 "Geely Holding Group Co., Ltd."),
                 "funding", url="https://www.zju.edu.cn/english/news/x", published="2024-03-05")
    assert [f["currency"] for f in rows] == ["CNY"]


def test_the_free_state_of_a_german_state_is_that_state():
    page = ("The Free State of Thuringia is funding the new photonics centre of Friedrich Schiller University Jena "
            "with 9.6 million euros until 2028.\n")
    rows = facts(page, "funding", url="https://www.uni-jena.de/en/news/x", published="2024-05-16")
    assert [f["funder"] for f in rows] == ["Thuringia"]


def test_a_co_verb_is_one_verb():
    # "co-founded" split into "co", "-", "founded" made "co" the sentence's verb: no platform was found
    from pipelines.extract.nlp import parse

    doc = parse(["The centre was co-founded by the university and the company."])[0]
    verb = next(t for t in doc if t.text == "co-founded")
    assert (verb.lemma_, verb.dep_) == ("co-found", "ROOT")
    page = ("In 2017, the Hydraulic Machinery Engineering Research Center of Hunan Province was co-founded by Central "
            "South University and Sany Heavy Industry Co., Ltd.\n")
    rows = facts(page, "platforms", url="https://en.csu.edu.cn/info/1.htm", published="2024-05-20")
    assert [(p["name"], p["partner"], p["date"]) for p in rows] == [
        ("Hydraulic Machinery Engineering Research Center of Hunan Province", "Sany Heavy Industry Co., Ltd.", "2017")]


def test_a_companys_short_form_defined_in_brackets_is_the_company():
    # "Xuzhou Construction Machinery Group Co., Ltd. (XCMG)": the platform "CUMT-XCMG ..." and the agreement with
    # "XCMG" name that company, as the page writes it in full
    page = ("On the morning of May 19, the unveiling ceremony of the CUMT-XCMG Joint Research Center for Intelligent "
            "Mining Equipment was held at the university. Song Xuefeng, Party Secretary of CUMT, and Wang Min, "
            "Chairman of Xuzhou Construction Machinery Group Co., Ltd. (XCMG), unveiled the plaque together.\n\n"
            "At the ceremony, a five-year strategic cooperation agreement between CUMT and XCMG was also signed.\n")
    url = "https://global.cumt.edu.cn/info/1.htm"
    assert [p["partner"] for p in facts(page, "platforms", url=url, published="2023-05-20")] == [
        "Xuzhou Construction Machinery Group Co., Ltd."]
    assert [a["partner"] for a in facts(page, "agreements", url=url, published="2023-05-20")] == [
        "Xuzhou Construction Machinery Group Co., Ltd."]


def test_two_fields_joined_by_and_stay_inside_one_name():
    # "Science and Technology" inside a name is no coordination of two bodies
    page = ("Hainan University signed a cooperation agreement with the Administration Bureau of Sanya Yazhou Bay "
            "Science and Technology City on March 3, 2024.\n")
    rows = facts(page, "agreements", url="https://ha.hainanu.edu.cn/en/info/1.htm", published="2024-03-04")
    assert [a["partner"] for a in rows] == ["Administration Bureau of Sanya Yazhou Bay Science and Technology City"]
    page = ("The Ministry of Science and Technology and the Ministry of Education have recognised Zhejiang University's "
            "science park, bringing the number of national university science parks to 151.\n")
    rows = facts(page, "counts", url="https://www.zju.edu.cn/english/news/2.html", published="2024-03-04")
    assert [c["subject"] for c in rows if c["quantity"] == 151] == ["Ministry of Science and Technology"]


def test_a_year_and_quarter_in_the_url_give_a_month_day_its_year():
    from pipelines.extract.dates import date_from_url

    assert date_from_url("https://www.purdue.edu/newsroom/releases/2025/Q1/x.html") == "2025"
    page = ("WEST LAFAYETTE, Ind. — Purdue University and Cummins Inc. signed a memorandum of understanding Wednesday "
            "(Feb. 12) to grow the state's hydrogen workforce.\n")
    rows = facts(page, "agreements", url="https://www.purdue.edu/newsroom/releases/2025/Q1/x.html", published=None)
    assert [(a["partner"], a["date"]) for a in rows] == [("Cummins Inc", "2025-02-12")]


def test_a_universitys_own_foundation_signs_for_it():
    # convention 2: "the Purdue Research Foundation, which manages the university's intellectual property, signed a
    # license agreement with X": Purdue University's agreement with X, no agreement with its own foundation
    page = ("Purdue University and Cummins Inc. signed a memorandum of understanding on February 12, 2025.\n\n"
            "On the same day, the Purdue Research Foundation, which manages the university's intellectual property, "
            "signed an exclusive license agreement with HyMem Membranes & Catalysts, Inc., a Lafayette start-up "
            "founded by Purdue chemists.\n")
    rows = facts(page, "agreements", url="https://www.purdue.edu/newsroom/x.html", published="2025-02-13")
    assert {(a["university"], a["partner"]) for a in rows} == {
        ("Purdue University", "Cummins Inc"), ("Purdue University", "HyMem Membranes & Catalysts, Inc.")}
