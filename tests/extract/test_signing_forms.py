"""Signing forms and party names met on the eighth round's blind pages (tune5), each rule on sentences written
for these tests: signatures put to an agreement, an acronym after a whole body, a zone's people's government,
a university's initials as the object of co-construction (and since when), and a university never merged
with a company that shares its words."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.names import same_entity


def pairs(text, url="https://www.example.com/news/1.html", published="2024-06-17"):
    doc = extract_document(text, document_id="s", url=url, published=published)
    return sorted((a["university"], a["partner"], a["date"]) for a in doc["agreements"])


def test_signatures_put_to_an_agreement_are_a_signing():
    got = pairs("Hebei University of Technology and Xiqing District put their signatures to a cooperation "
                "agreement on Monday.")
    assert got == [("Hebei University of Technology", "Xiqing District", "2024-06")]
    assert pairs("Hebei University of Technology and Xiqing District affixed their seals to the framework "
                 "agreement in March 2023.") == [("Hebei University of Technology", "Xiqing District", "2023-03")]
    # a signature put to something that is no agreement
    assert pairs("The mayor of Xiqing District put his signature to the guest book of Hebei University of "
                 "Technology on Monday.") == []


def test_an_acronym_after_a_whole_body_is_another_party():
    got = pairs("Shandong University, the Qingdao West Coast New Area People's Government and SINOPEC put their "
                "signatures to a three-party agreement on Monday.")
    assert {p for _, p, _ in got} == {"Qingdao West Coast New Area", "SINOPEC"}
    # a ministry's field in capitals stays part of its name
    got = pairs("Pusan National University signed a memorandum with the Ministry of Science and ICT on Monday.")
    assert [p for _, p, _ in got] == ["Ministry of Science and ICT"]


def test_a_zones_peoples_government_is_the_zone():
    for gov in ("the Lingang New Area People's Government", "the People's Government of Lingang New Area"):
        got = pairs(f"Tongji University signed a cooperation agreement with {gov} on Monday.")
        assert [p for _, p, _ in got] == ["Lingang New Area"], gov


def test_a_university_by_its_initials_is_co_constructed_and_since_when():
    got = pairs("SWJTU, which is jointly built by the Ministry of Education and Sichuan Province, opened a new campus.",
                url="https://www.swjtu.edu.cn/a/1.html")
    assert got == [("Southwest Jiaotong University", "Ministry of Education", None),
                   ("Southwest Jiaotong University", "Sichuan Province", None)]
    got = pairs("Hubei University, which has been jointly built by the Ministry of Education and the Hubei "
                "Provincial Government since 2019, will expand.")
    assert got == [("Hubei University", "Hubei Province", "2019"), ("Hubei University", "Ministry of Education", "2019")]
    # initials that are no university: no co-construction
    assert pairs("WHTZ, which is jointly built by Wuhan City and Hubei Province, hosts 30 institutes.") == []


def test_a_university_is_never_a_company_that_shares_its_words():
    assert not same_entity("Singapore Institute of Technology", "Singapore Technologies Engineering Ltd")
    got = pairs("Singapore Technologies Engineering Ltd, Nanyang Technological University and the Singapore "
                "Institute of Technology today inked a tripartite Memorandum of Understanding.")
    assert {(u, p) for u, p, _ in got} == {
        ("Nanyang Technological University", "Singapore Institute of Technology"),
        ("Nanyang Technological University", "Singapore Technologies Engineering Ltd"),
        ("Singapore Institute of Technology", "Singapore Technologies Engineering Ltd")}


def test_a_governments_own_site_names_the_government_that_signs_agentless_agreements():
    text = ("Minister welcomes research partnerships\n\n"
            "Research partnership agreements with Monash University and Deakin University were signed in "
            "Geelong on Monday.")
    got = pairs(text, url="https://www.premier.vic.gov.au/minister-welcomes-research", published="2024-09-12")
    assert got == [("Deakin University", "Victoria", "2024-09"), ("Monash University", "Victoria", "2024-09")]


def test_a_memorandum_approved_in_a_councils_minutes_is_of_the_council_and_dated_by_the_meeting():
    text = ("Meeting of Cabinet - Derbyshire County Council\n\n"
            "The report sought approval of a memorandum of understanding on adult skills.\n\n"
            "RESOLVED\n"
            "1) that the memorandum of understanding with the University of Derby and Nottingham Trent University "
            "be approved;")
    got = pairs(text, url="https://www.derbyshire.gov.uk/meetings/cabinet-14-november", published="2024-11-14")
    assert got == [("Nottingham Trent University", "Derbyshire County", "2024-11-14"),
                   ("University of Derby", "Derbyshire County", "2024-11-14"),
                   ("University of Derby", "Nottingham Trent University", "2024-11-14")]


def test_a_governments_cabinet_endorsing_a_memorandum_is_the_government():
    text = ("Hydrogen partnership endorsed\n\n"
            "Cabinet has endorsed a memorandum of understanding with the University of Queensland on hydrogen "
            "networks, to be signed in Brisbane later this month.")
    got = pairs(text, url="https://statements.qld.gov.au/statements/99", published="2025-05-20")
    # (approved on the page's day: "later this month" is when it will be signed)
    assert got == [("University of Queensland", "Queensland", "2025-05-20")]


def test_a_national_governments_site_names_no_actor():
    from pipelines.extract.doc_context import build_context

    assert build_context("The ministry signed.", None, "https://www.gov.cn/xinwen/1.htm").publisher is None
    assert build_context("x", None, "https://english.ganzhou.gov.cn/a.html").publisher == "Ganzhou City"
    assert build_context("Cardiff Council met.", None, "https://www.cardiff.gov.uk/a").publisher is None


def test_a_nations_adjective_before_a_level_word_is_no_place():
    got = pairs("On Friday the University of Twente and the Province of Gelderland signed a three-way pact with "
                "Radboud University, the first such pact between a Dutch province and two universities.",
                url="https://www.utwente.nl/en/news/1", published="2025-06-18")
    assert {(u, p) for u, p, _ in got} == {
        ("Radboud University", "Gelderland Province"), ("University of Twente", "Gelderland Province"),
        ("University of Twente", "Radboud University")}


def test_a_universitys_brand_of_u_and_its_place_is_the_university():
    got = pairs("In March 2024, UOttawa and the City of Ottawa signed a research partnership agreement.",
                url="https://www.uottawa.ca/news/1", published="2024-03-20")
    assert got == [("University of Ottawa", "Ottawa City", "2024-03")]


def test_coordinated_agreements_each_between_their_own_sides():
    got = pairs("The agreement between Sichuan University and Yibin City and the agreement between Chengdu "
                "University and Mianyang City were signed on Monday.", url="https://www.scu.edu.cn/x",
                published="2024-04-16")
    assert got == [("Chengdu University", "Mianyang City", "2024-04"), ("Sichuan University", "Yibin City", "2024-04")]


def test_an_approval_is_dated_by_its_meeting_not_by_the_signing_still_to_come():
    text = ("The presidents' meeting approved the framework agreement between Sichuan University and the People's "
            "Government of Yibin City and the strategic agreement between Sichuan University and the People's "
            "Government of Luzhou City, and decided that both agreements will be signed at a conference in May.")
    got = pairs(text, url="https://www.scu.edu.cn/x", published="2024-04-16")
    assert got == [("Sichuan University", "Luzhou City", "2024-04-16"), ("Sichuan University", "Yibin City", "2024-04-16")]
    text = ("The University Council, at its meeting held on 30 May 2024, approved a memorandum of understanding "
            "between the University of Nairobi and the County Government of Machakos.")
    assert pairs(text, url="https://www.uonbi.ac.ke/news/1", published="2024-06-03") == [
        ("University of Nairobi", "Machakos County", "2024-05-30")]


def test_two_companies_signing_is_no_agreement_of_a_university_named_later_in_the_sentence():
    text = ("On the same day, Midea Group Co., Ltd. and Siemens AG signed a memorandum on smart factories, and a "
            "Midea delegation held talks with Shandong University.")
    assert pairs(text, url="https://www.midea.com/news/1") == []


def test_a_bylines_department_is_no_name_of_the_company_and_a_dateline_may_name_the_country():
    from pipelines.extract.text import split_sentences

    text = ("Midea signs with Shandong University\n\n"
            "2023-10-26 | Midea Group Corporate Communications\n\n"
            "FOSHAN, China, October 26, 2023 \u2014 Midea today signed a cooperation agreement with Shandong "
            "University.")
    assert pairs(text, url="https://www.midea.com/news/1", published="2023-10-26") == [
        ("Shandong University", "Midea", "2023-10-26")]
    assert split_sentences(text)[-1].clean.startswith("Midea today signed")


def test_a_list_of_signings_gives_each_agreement_with_its_own_partner_and_date():
    text = ("In 2024, key signings included a strategic cooperation agreement with the People's Government of Yulin "
            "City in April, and a framework agreement on hydrogen with China Shenhua Energy Co., Ltd. (Shenhua Energy) on "
            "19 September.")
    got = pairs(text, url="https://www.cumt.edu.cn/info/1.htm", published="2024-12-30")
    assert got == [("China University of Mining and Technology", "China Shenhua Energy Co., Ltd.", "2024-09-19"),
                   ("China University of Mining and Technology", "Yulin City", "2024-04")]


def test_a_platform_co_built_by_a_university_and_a_zone_is_no_co_construction_of_the_university():
    text = ("The Xidian University Integrated Circuit Innovation Institute, co-built by Xidian University and the "
            "Xi'an Hi-tech Industries Development Zone, opened in the Software City.")
    assert pairs(text, url="http://en.xdz.gov.cn/info/1.htm") == []


def test_an_approval_told_after_its_dated_meeting_is_dated_by_the_meeting():
    text = ("On April 16, Sichuan University held the 9th President's Office Meeting of 2024.\n\n"
            "The meeting deliberated and approved the framework agreement between Sichuan University and the "
            "People's Government of Yibin City.")
    assert pairs(text, url="https://www.scu.edu.cn/x", published="2024-04-19") == [
        ("Sichuan University", "Yibin City", "2024-04-16")]


def test_an_acronym_the_page_never_defines_is_the_body_whose_initials_it_spells():
    text = ("Hebei University of Technology and CATRI signed a cooperation agreement on Monday.\n\n"
            "China Aero Testing and Research Institute Co., Ltd., based in Tianjin, will provide test rigs.")
    assert pairs(text, url="https://www.hebut.edu.cn/x") == [
        ("Hebei University of Technology", "China Aero Testing and Research Institute Co., Ltd.", "2024-06")]


def test_a_hereinafter_name_with_its_legal_form_and_a_universitys_hereinafter_short_name():
    text = ("The delegation visited Guangxi Yuchai Machinery Co., Ltd. (hereinafter \"Yuchai\").\n\n"
            "An industry-university-research cooperation agreement between Central South University and Yuchai was "
            "signed on April 19, 2024.")
    assert pairs(text, url="https://en.csu.edu.cn/x") == [
        ("Central South University", "Guangxi Yuchai Machinery Co., Ltd", "2024-04-19")]
    text = ("On May 21, 2024, an agreement was signed by the Municipal Government and the University of Science and "
            "Technology of China (hereinafter referred to as USTC).")
    assert pairs(text, url="https://www.hefei.gov.cn/x") == [
        ("University of Science and Technology of China", "Hefei City", "2024-05-21")]


def test_names_put_to_a_memorandum_and_koreas_provinces_by_their_romanised_names():
    assert pairs("Kangwon National University and Gangwon-do put their names to a memorandum of understanding on "
                 "Monday.", url="https://www.kangwon.ac.kr/x", published="2025-04-18") == [
        ("Kangwon National University", "Gangwon Province", "2025-04")]


def test_the_pages_title_defines_what_an_acronym_stands_for():
    from pipelines.extract import extract_document

    doc = extract_document("In March 2025, CAAS and Nanyang Technological University signed a memorandum of "
                           "understanding.", document_id="t", url="https://www.caas.gov.sg/x",
                           title="Partnerships | Civil Aviation Authority of Singapore (CAAS)")
    assert [(a["university"], a["partner"]) for a in doc["agreements"]] == [
        ("Nanyang Technological University", "Civil Aviation Authority of Singapore")]


def test_a_department_with_its_government_in_apposition_signs_for_the_government():
    text = ("The Higher Education, Science & Technology (HEST) Department, Government of Karnataka entered into "
            "Memoranda of Understanding with the Indian Institute of Science and Bangalore University on Monday.")
    got = pairs(text, url="https://www.karnataka.gov.in/news/1", published="2025-01-20")
    assert {(u, p) for u, p, _ in got} == {("Indian Institute of Science", "Karnataka"),
                                           ("Bangalore University", "Karnataka")}
    text = ("It may be noted that the State Cabinet in its meeting held on 10.01.2025 had also approved an MoU with "
            "Bangalore University.")
    assert pairs(text, url="https://www.karnataka.gov.in/news/1", published="2025-01-20") == [
        ("Bangalore University", "Karnataka", "2025-01-10")]


def test_a_years_list_of_signings_each_row_a_date_and_a_comma():
    text = ("Major agreements signed in 2023:\n"
            "In March, a strategic cooperation agreement with the People's Government of Changzhou City;\n"
            "On June 8, a joint R&D agreement on food safety with Jiangsu Yanghe Brewery Joint-Stock Co., Ltd., under "
            "which a joint laboratory was set up;\n")
    got = pairs(text, url="https://www.jiangnan.edu.cn/info/1.htm", published="2024-01-10")
    assert got == [("Jiangnan University", "Changzhou City", "2023-03"),
                   ("Jiangnan University", "Jiangsu Yanghe Brewery Joint-Stock Co., Ltd.", "2023-06-08")]


def test_a_department_of_a_government_behind_a_dateline_signs_for_the_government():
    text = ("Bengaluru: The Higher Education, Science & Technology (HEST) Department, Government of Karnataka entered "
            "into Memoranda of Understanding with the Indian Institute of Science and Bangalore University on Monday.")
    got = pairs(text, url="https://www.karnataka.gov.in/news/1", published="2025-01-20")
    assert {(u, p) for u, p, _ in got} == {("Indian Institute of Science", "Karnataka"),
                                           ("Bangalore University", "Karnataka")}


def test_a_university_before_a_governments_department_stays_a_party():
    text = "Peking University signed a memorandum with the Science Department, Government of Ontario on Monday."
    assert [(u, p) for u, p, _ in pairs(text, url="https://news.pku.edu.cn/x", published="2025-01-20")] == [
        ("Peking University", "Ontario")]

