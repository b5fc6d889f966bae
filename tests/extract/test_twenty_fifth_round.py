"""Rules of the twenty-fifth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, pairs


def test_a_founding_participle_after_a_comma_founds_the_name_before_it():
    # ", set up in 2019 together with Y" and ", established in 2011," after a body's whole name: the body was set
    # up, dated by the participle, however the parse hung the participle (on the verb, on an earlier noun)
    page = ("Makerere University also runs the Kampala Food Safety Hub, set up in 2019 together with the Uganda "
            "Manufacturers Association, and a seed bank.\n\n"
            "Both partners extended their agreement on the Tullow Centre for Petroleum Geoscience, established in "
            "2011, for a further three years.\n")
    rows = facts(page, "platforms", url="https://news.mak.ac.ug/2024/05/x", published="2024-05-02")
    by_name = {p["name"]: p for p in rows}
    hub = by_name["Kampala Food Safety Hub"]
    assert (hub["university"], hub["partner"], hub["date"]) == ("Makerere University", "Uganda Manufacturers Association", "2019")
    assert by_name["Tullow Centre for Petroleum Geoscience"]["date"] == "2011"


def test_a_remit_after_an_officials_title_is_no_party():
    # "the Principal Secretary, Energy and Infrastructure" and "Pro Vice-Chancellor (Research, Innovation and
    # Enterprise)": a portfolio of words of fields, no body that signs
    page = ("The MoU was exchanged by the Vice-Chancellor of Egerton University and the Principal Secretary, Energy and "
            "Infrastructure, of Nakuru County on Monday.\n\n"
            "It was signed by the county's Trade Executive and the university's Deputy Vice-Chancellor (Research, "
            "Innovation and Enterprise), Prof. Jane Wambui.\n")
    rows = facts(page, "agreements", url="https://www.egerton.ac.ke/news/2024/x", published="2024-06-12")
    partners = {a["partner"] for a in rows}
    assert "Nakuru County" in partners
    assert not partners & {"Energy and Infrastructure", "Innovation and Enterprise"}


def test_a_one_word_short_form_of_a_company_the_page_names_in_full_is_that_company():
    # "DMG Group" in the headline, "DMG" (initials of no known kind) in the text: one company, as the page writes
    # it in full
    page = ("TU Berlin and DMG Group open joint lab for machine tools\n\n"
            "The lab builds on a research agreement that TU Berlin and DMG signed in May 2021.\n")
    rows = facts(page, "agreements", url="https://www.tu.berlin/en/news/2024/x", published="2024-02-01")
    assert [(a["partner"], a["partner_type"]) for a in rows] == [("DMG Group", "enterprise")]


def test_two_companies_each_with_its_legal_form_are_two_partners():
    # "X Corporation and Y Co., Ltd.": the first name ends at its suffix, the "and" opens the second
    page = ("Hunan University signed cooperation agreements with Changsha City, as well as with Hunan Valin Steel "
            "Corporation and CRRC Zhuzhou Electric Co., Ltd., on Friday.\n")
    partners = {a["partner"] for a in facts(page, "agreements", url="https://en.hnu.edu.cn/info/1.htm")}
    assert {"Hunan Valin Steel Corporation", "CRRC Zhuzhou Electric Co., Ltd."} <= partners


def test_it_that_signs_is_the_university_the_sentence_before_was_about():
    # on a news site, not the university's own: "it" is the university the sentence before spoke of
    page = ("Guangxi University, founded in 1928, has about 40,000 students. In the afternoon it signed strategic "
            "cooperation agreements with the Nanning municipal government and with Guangxi Beibu Gulf Port Group "
            "Co., Ltd.\n")
    rows = facts(page, "agreements", url="https://www.chinadaily.com.cn/a/202406/19/x.html", published="2024-06-19")
    assert pairs(rows) == {("Guangxi University", "Nanning City"),
                            ("Guangxi University", "Guangxi Beibu Gulf Port Group Co., Ltd.")}


def test_bodies_listed_after_centres_run_with_a_university_were_set_up_with_it():
    # "three centres run with X, including A and B": a participle the parse tags as a present verb still says the
    # listed bodies are run jointly
    page = ("Daejeon already hosts three quantum research centers run with KAIST, including the Daejeon Quantum "
            "Sensing Center and the Yuseong Photonics Testbed.\n")
    rows = facts(page, "platforms", url="https://www.daejeon.go.kr/eng/news/1", published="2024-05-02")
    assert {(p["name"], p["university"]) for p in rows} == {
        ("Daejeon Quantum Sensing Center", "Korea Advanced Institute of Science and Technology"),
        ("Yuseong Photonics Testbed", "Korea Advanced Institute of Science and Technology")}


def test_a_body_dedicated_is_opened_and_the_dedication_dates_what_is_signed_at_it():
    # "dedicated the X Lab" opens it ("a centre dedicated to X" does not); "At the dedication, the two partners
    # also signed ..." is dated by the dedication's day
    page = ("Purdue and Cummins dedicate battery lab\n\n"
            "Purdue University and Cummins on Monday dedicated the Cummins-Purdue Battery Durability Lab, a facility "
            "dedicated to heavy-duty electrification.\n\n"
            "At the dedication, the two partners also signed a five-year internship agreement.\n")
    rows = facts(page, "platforms", url="https://www.purdue.edu/newsroom/2024/Q3/x.html", published="2024-09-18")
    assert [(p["name"], p["partner"]) for p in rows] == [("Cummins-Purdue Battery Durability Lab", "Cummins")]
    rows = facts(page, "agreements", url="https://www.purdue.edu/newsroom/2024/Q3/x.html", published="2024-09-18")
    assert [(a["partner"], a["date"][:7]) for a in rows] == [("Cummins", "2024-09")]


def test_bare_names_a_plural_level_word_lists_are_places_of_that_level():
    # "with 11 other county governments, including A, B and C": each a county, a partner
    page = ("Egerton University signed similar agreements with 11 other county governments, including Nakuru, "
            "Baringo and Kericho, last year.\n")
    rows = facts(page, "agreements", url="https://www.egerton.ac.ke/news/2024/x", published="2024-06-12")
    assert {(a["partner"], a["partner_type"]) for a in rows} == {
        ("Nakuru County", "county"), ("Baringo County", "county"), ("Kericho County", "county")}


def test_students_a_university_welcomed_are_its_size_no_count():
    page = ("USask welcomed 26,000 students this fall. Under the agreement with Nutrien, 120 students were placed in "
            "paid internships.\n")
    rows = facts(page, "counts", url="https://news.usask.ca/articles/2024/x.php", published="2024-10-01")
    assert [c["quantity"] for c in rows] == [120]


def test_a_signing_a_relative_clause_tells_beside_a_dated_renewal_is_a_row_of_its_own():
    # "under a memorandum the two organizations signed in June 2021, ... when the MOU was renewed this spring": the
    # signing and the renewal, each dated
    page = ("Dalhousie University and the Nova Scotia Research Council opened the Ocean Sensors Centre on Monday.\n\n"
            "The centre was established under a memorandum of understanding the two organizations signed in June "
            "2021, and its scope was widened when the MOU was renewed this spring.\n")
    rows = facts(page, "agreements", url="https://www.dal.ca/news/2024/11/22/x.html", published="2024-11-22")
    assert sorted(a["date"] for a in rows) == ["2021-06", "2024"]
    assert {a["partner"] for a in rows} == {"Nova Scotia Research Council"}


def test_a_company_the_page_names_by_one_word_is_a_party_where_a_list_names_it_again():
    # "steelmaker Gerdau" makes the word a company; "signed by USP, Gerdau and FAPESP" then lists it
    page = ("USP and Gerdau open steel research center\n\n"
            "The University of São Paulo and steelmaker Gerdau opened the Center for Low-Carbon Steel on Monday.\n\n"
            "The agreement creating the center was signed by USP, Gerdau and FAPESP in March.\n")
    rows = facts(page, "agreements", url="https://jornal.usp.br/en/2023/11/x", published="2023-11-28")
    assert ("University of São Paulo", "Gerdau") in pairs(rows)


def test_a_two_column_table_of_figures_under_its_header_gives_each_row_a_count():
    # "City | New platforms" then "Changzhou | 37": a short two-cell table reads as the wider ones do
    page = ("Jiangsu universities and cities built 412 new platforms in 2023.\n\n"
            "City | New platforms\nChangzhou | 37\nNantong | 29\n\n"
            "Byline | 2024-01-05\n")
    rows = facts(page, "counts", url="https://english.jiangsu.gov.cn/art/2024/1/5/x.html", published="2024-01-05")
    got = {(c["quantity"], c["unit"], c["subject"]) for c in rows}
    assert {(37, "platform", "Changzhou City"), (29, "platform", "Nantong City")} <= got


def test_a_minister_named_by_title_on_the_governments_page_signs_for_the_government():
    # "The Minister for X today signed agreements with A and B" on the state's own page: the state and each
    # university (convention 2); a minister named by a person's name is still no party of its own
    page = ("The Minister for Skills today signed funding agreements with Deakin University and Federation "
            "University to set up two regional training hubs.\n")
    rows = facts(page, "agreements", url="https://www.premier.vic.gov.au/2024/x", published="2024-05-02")
    assert pairs(rows) == {("Deakin University", "Victoria"), ("Federation University", "Victoria")}


def test_whom_a_fair_drew_or_a_delegation_met_is_no_count():
    page = ("The agreements were signed at the 2024 Weifang Talent Fair, which drew more than 900 graduates and 210 "
            "employers.\n\n"
            "The delegation also met representatives of NTU and four Singapore-based chip companies.\n\n"
            "Under the agreements, 35 enterprises will host interns from Weifang University.\n")
    rows = facts(page, "counts", url="https://www.weifang.gov.cn/en/news/1", published="2024-05-02")
    assert [c["quantity"] for c in rows] == [35]


def test_a_body_only_studied_or_agreed_on_in_talks_is_not_set_up():
    for sentence in ("The two sides reached consensus on jointly studying the establishment of a hydrogen research "
                     "institute and agreed to set up a working group.",
                     "The university and the county will study the establishment of a tea research center."):
        assert facts(sentence + "\n", "platforms", url="https://www.example.gov.cn/news/1.html") == []


def test_every_figure_of_a_places_size_statistic_is_its_size():
    # "X has A and B and more than C": the later figures of the list are the same statistic, no count
    page = ("Baden-Württemberg currently has 9 state universities and universities of applied sciences and more than "
            "40 non-university research institutes. Under the agreement, 12 companies joined the alliance.\n")
    rows = facts(page, "counts", url="https://www.baden-wuerttemberg.de/en/news/1", published="2024-05-02")
    assert [c["quantity"] for c in rows] == [12]


def test_sh_before_a_figure_is_the_shilling_of_the_pages_country_and_money_owed_is_no_funding():
    page = ("Under the agreement, the county will allocate Sh50 million to the Meru Dairy Innovation Hub at Meru "
            "University of Science and Technology. Vice-chancellors asked the Treasury to release pending bills of "
            "Sh4.2 billion owed to the universities. Public universities will receive Sh48.1 billion in capitation next "
            "year.\n")
    rows = facts(page, "funding", url="https://www.nation.africa/kenya/news/x", published="2024-05-02")
    assert [(f["amount"], f["currency"]) for f in rows] == [(50_000_000, "KES")]
    rows = facts(page.replace("county", "district"), "funding", url="https://www.monitor.co.ug/news/x")
    assert [f["currency"] for f in rows] == ["UGX"]
