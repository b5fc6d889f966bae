"""Rules of the twentieth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from tests.extract.page_facts import facts


def test_a_mexican_or_brazilian_state_government_is_the_state_by_its_bare_name():
    page = ("Press\n\nGuadalajara, May 6, 2024.- The Government of Jalisco signed a collaboration agreement today with "
            "the University of Guadalajara on water research.")
    got = facts(page, "agreements", url="https://www.jalisco.gob.mx/prensa/1")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in got] == [
        ("University of Guadalajara", "Jalisco", "province")]
    br = ("News\n\nOn May 6, 2024 the Government of Paraná signed an agreement with the Federal University of Paraná on "
          "agricultural research.")
    got = facts(br, "agreements", url="https://www.aen.pr.gov.br/noticia/1")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Paraná", "province")]


def test_a_commitment_in_a_sentence_opened_by_a_wire_dateline_is_read():
    # the dateline's date is attached to the sentence with no text of its own; reading it as the bound of a
    # period ("starting 2024") used to raise IndexError and lose the page
    page = ("NEWS PROVIDED BY\nUniversity of Calgary\nOct 03, 2024, 10:00 ET\n\n"
            "CALGARY, AB, Oct. 3, 2024 /CNW/ - A new research centre at the University of Calgary will study carbon "
            "storage, thanks to a $20-million, 10-year commitment from Cenovus Energy Inc.\n")
    got = facts(page, "funding", url="https://www.newswire.ca/news-releases/1.html")
    assert [(f["amount"], f["currency"], f["period_years"]) for f in got] == [(20_000_000, "CAD", 10)]


def test_a_weekday_after_a_wire_dateline_keeps_convention_7s_month():
    # the dateline is the report's day, not the signing's: "on Monday" is the page's month (convention 7), and the
    # sentence that refers back to the agreement gets no finer date from the dateline either
    page = ("News\n\nNANCHANG, March 18 (Xinhua) -- The Ministry of Education and the government of Jiangxi Province on "
            "Monday signed an agreement to jointly build Nanchang University. Under the agreement, the province will "
            "support the university's new campus.\n")
    got = facts(page, "agreements", url="http://www.news.cn/english/20250318/abc/c.html", published=None)
    assert sorted((a["partner"], a["date"], a["date_precision"]) for a in got) == [
        ("Jiangxi Province", "2025-03", "month"), ("Ministry of Education", "2025-03", "month")]


def test_a_dateline_with_a_state_abbreviation_and_its_date_in_brackets_dates_the_page():
    page = ("Newsroom\n\nState and University Partner on Workforce Center\n\n"
            "FRANKFORT, Ky. (May 9, 2025) - The Kentucky Cabinet for Economic Development, the University of Kentucky "
            "(UK) and Toyota Motor Manufacturing, Kentucky, Inc. (TMMK) on Thursday signed a memorandum of "
            "understanding to build a workforce center.\n")
    doc = extract_document(page, document_id="p", url="https://www.kentucky.gov/Pages/Activity-stream.aspx?prId=1")
    assert doc["document"]["published"] == "2025-05-09"
    assert sorted((a["partner"], a["partner_type"], a["date"]) for a in doc["agreements"]) == [
        ("Kentucky Cabinet for Economic Development", "government_agency", "2025-05"),
        ("Toyota Motor Manufacturing, Kentucky, Inc.", "enterprise", "2025-05")]


def test_a_ministry_whose_of_lists_portfolios_is_one_party():
    page = ("News\n\nOn May 3, 2024, Kyoto University signed an agreement with the Ministry of Education, Culture, "
            "Sports, Science and Technology on a new programme.")
    assert [(a["partner"], a["partner_type"]) for a in facts(page, "agreements")] == [
        ("Ministry of Education, Culture, Sports, Science and Technology", "ministry")]
    # (companies listed after a ministry are parties of their own)
    three = "News\n\nOn May 3, 2024, IIT Delhi signed MoUs with the Ministry of Power, Tata Steel and Infosys."
    assert sorted(a["partner"] for a in facts(three, "agreements")) == ["Infosys", "Ministry of Power", "Tata Steel"]


def test_a_department_named_with_its_ministry_signs_for_the_ministry_and_its_short_forms_are_no_parties():
    page = ("News\n\nThe Department of Water Resources, River Development and Ganga Rejuvenation (DoWR, RD & GR), "
            "Ministry of Jal Shakti, signed Memoranda of Understanding with the Indian Institute of Technology Roorkee "
            "and the National Institute of Technology Srinagar in New Delhi on February 11, 2025.")
    got = facts(page, "agreements", url="https://pib.gov.in/PressReleasePage.aspx?PRID=1")
    assert sorted((a["university"], a["partner"]) for a in got) == [
        ("Indian Institute of Technology, Roorkee", "Ministry of Jal Shakti"),
        ("National Institute of Technology Srinagar", "Ministry of Jal Shakti")]


def test_rows_of_sides_and_a_comma_before_what_they_signed_are_agreements_of_the_lead():
    page = ("News\n\nOn September 26, 2024, the province-university cooperation conference was held in Jinan.\n\n"
            "The following agreements were signed at the conference:\n"
            "1. Shandong Provincial People's Government and Zhejiang University, strategic cooperation agreement;\n"
            "2. Jinan Municipal People's Government and Tianjin University, agreement on co-building the Tianjin "
            "University Jinan Institute of Intelligent Manufacturing;\n"
            "3. Weichai Power Co., Ltd. and Shandong Hi-Speed Group Co., Ltd., strategic cooperation agreement.\n")
    got = facts(page, "agreements", url="http://www.shandong.gov.cn/art/2024/9/27/art_1.html")
    assert sorted((a["university"], a["partner"], a["agreement_type"], a["date"]) for a in got) == [
        ("Tianjin University", "Jinan City", "joint_platform", "2024-09-26"),
        ("Zhejiang University", "Shandong Province", "strategic_cooperation", "2024-09-26")]


def test_what_is_co_built_is_the_head_of_its_phrase_not_a_university_inside_its_name():
    from pipelines.extract.agreement_types import agreement_type

    assert agreement_type("an agreement on co-building the Tianjin University Jinan Institute of Intelligent "
                          "Manufacturing") == "joint_platform"
    assert agreement_type("an agreement on the co-construction of Anhui University") == "co_construction"


def _platforms(text: str, url: str = "https://en.hnu.edu.cn/info/1.htm"):
    return [(p["name"], p["university"], p["partner"]) for p in facts(text, "platforms", url=url, published="2024-01-10")]


def test_bodies_that_went_into_operation_are_set_up_and_the_ones_listed_together_are_no_partners_of_each_other():
    page = ("News\n\nFour research institutes went into operation: the Changde Institute of Intelligent Equipment and "
            "the Yueyang Green Chemical Engineering Institute.")
    assert _platforms(page) == [("Changde Institute of Intelligent Equipment", "Hunan University", None),
                                ("Yueyang Green Chemical Engineering Institute", "Hunan University", None)]
    began = "News\n\nThe Changde Institute of Intelligent Equipment began operations in May 2023."
    assert [p[0] for p in _platforms(began)] == ["Changde Institute of Intelligent Equipment"]
    # (a research institute that sets one up with the university is its partner all the same)
    with_cas = ("News\n\nHunan University and the Chinese Academy of Agricultural Sciences set up the Changde "
                "Institute of Intelligent Equipment.")
    assert _platforms(with_cas) == [("Changde Institute of Intelligent Equipment", "Hunan University",
                                     "Chinese Academy of Agricultural Sciences")]


def test_a_unit_after_in_the_is_where_a_centre_is_not_its_field():
    page = ("CHENNAI, 9th August 2024: IIT Madras today signed an MoU with Mahindra & Mahindra, which will set up a "
            "Centre for Precision Agriculture Sensing in the Department of Engineering Design.")
    got = facts(page, "platforms", url="https://www.iitm.ac.in/happenings/press-releases/1")
    assert [p["name"] for p in got] == ["Centre for Precision Agriculture Sensing"]
    # (the ordinal dateline is the report's, no party: only the company signs with the institute)
    assert [a["partner"] for a in facts(page, "agreements", url="https://www.iitm.ac.in/happenings/1")] == [
        "Mahindra & Mahindra"]


def test_a_partner_rows_month_standing_after_a_comma_or_after_renewed_dates_it():
    page = ("Strategic Partnerships\n\nOur main regional agreements are listed below.\n\n"
            "Cork City Council \u2013 Civic Partnership Agreement, first signed in 2019 and renewed in May 2024\n"
            "Cork County Council \u2013 Memorandum of Understanding on coastal resilience, March 2022\n")
    got = facts(page, "agreements", url="https://www.ucc.ie/en/innovation/partnerships/", published=None)
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Cork City", "2019"), ("Cork City", "2024-05"), ("Cork County", "2022-03")]


def test_the_ministry_alone_is_the_ministry_the_page_named():
    page = ("News\n\nOn October 15, 2024, the Ministry of Food and Agriculture signed an MoU with the University for "
            "Development Studies (UDS). The Ministry's earlier agreement with KNUST was signed in 2019.")
    got = facts(page, "agreements", url="https://mofa.gov.gh/site/news/1")
    assert ("Kwame Nkrumah University of Science and Technology", "Ministry of Food and Agriculture", "ministry") in [
        (a["university"], a["partner"], a["partner_type"]) for a in got]
    assert all(a["partner"] != "Ministry" for a in got)


def test_initials_the_site_gives_its_own_university_make_no_campus_of_a_family_the_table_does_not_list():
    page = ("News\n\nOn May 3, 2024, CSU and the Yueyang municipal government signed an agreement to jointly build "
            "the CSU-Yueyang Green Chemical Engineering Research Institute.")
    got = facts(page, "platforms", url="https://en.csu.edu.cn/info/1012/1.htm")
    assert [(p["name"], p["university"]) for p in got] == [
        ("CSU-Yueyang Green Chemical Engineering Research Institute", "Central South University")]
    # (on another site the family's campus stands: "CSU Maritime")
    other = "News\n\nOn May 3, 2024, CSU Maritime signed an MoU with Solano County."
    assert [a["university"] for a in facts(other, "agreements", url="https://www.calstate.edu/news/1")] == [
        "California State University Maritime"]


def test_a_table_cell_that_names_the_agreement_about_a_body_names_the_body():
    page = ("News\n\nSelected agreements signed by the university are listed below.\n\n"
            "Date\tPartner\tAgreement\n"
            "12 January\tXianyang Municipal People's Government\tStrategic cooperation framework agreement\n"
            "8 March\tAVIC Xi'an Aircraft Industry Group Co., Ltd.\tAgreement on the NPU-XAC Composite Structures Joint "
            "Laboratory\n"
            "19 April\tTaicang Municipal People's Government, Jiangsu\tRenewed agreement on co-building the NPU Yangtze "
            "River Delta Research Institute\n"
            "30 May\tAdministrative Committee of Xi'an Hi-tech Industries Development Zone\tTechnology transfer "
            "cooperation agreement\n")
    got = facts(page, "platforms", url="https://en.nwpu.edu.cn/info/1.htm", published="2024-07-08")
    assert [p["name"] for p in got] == ["NPU-XAC Composite Structures Joint Laboratory",
                                        "NPU Yangtze River Delta Research Institute"]


def test_a_sentence_under_the_agreement_dated_by_the_pages_signing_repeats_no_row():
    page = ("News\n\nNANCHANG, March 18 (Xinhua) -- The Ministry of Education, the government of Jiangxi Province and "
            "the municipal government of Ganzhou on Monday signed an agreement to jointly build Gannan Normal "
            "University.\n\nUnder the agreement, the ministry will support the university's teacher training, while "
            "Jiangxi will provide 1.2 billion yuan over the next five years.\n")
    got = facts(page, "agreements", url="http://www.news.cn/english/20250318/abc/c.html", published=None)
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Ganzhou City", "2025-03"), ("Jiangxi Province", "2025-03"), ("Ministry of Education", "2025-03")]


def test_a_government_named_after_its_leader_is_the_government_the_page_publishes_for():
    page = ("Media statement\n\nThe Cook Government has today signed a funding agreement with Curtin University to "
            "establish a critical minerals hub. Premier Roger Cook said the hub would train engineers.")
    got = facts(page, "agreements", url="https://www.wa.gov.au/government/media-statements/1", published="2024-03-12")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Western Australia", "province")]
    # (a party's name says the same: "Cook Labor Government"; a surname no leader bears stays as written)
    party = ("Cook Labor Government\n\nThe Cook Government has today signed a funding agreement with Curtin "
             "University to establish a critical minerals hub.")
    assert [a["partner"] for a in facts(party, "agreements", url="https://www.wa.gov.au/ms/1",
                                        published="2024-03-12")] == ["Western Australia"]


def test_the_new_area_alone_is_the_zone_the_page_named():
    page = ("News\n\nOn March 27, 2024, Harbin Engineering University (HEU) and the Qingdao West Coast New Area "
            "Management Committee signed a new round of strategic cooperation agreement in Qingdao. Under the "
            "agreement, the New Area will provide 1 billion yuan over the next ten years for HEU's research and talent "
            "programs in Qingdao.")
    got = facts(page, "agreements", url="https://en.hrbeu.edu.cn/info/1.htm")
    assert [(a["partner"], a["partner_type"]) for a in got] == [("Qingdao West Coast New Area", "development_zone")]


def _counts(text: str):
    return [(c["quantity"], c["unit"]) for c in facts(text, "counts", url="https://en.njtech.edu.cn/info/1.htm",
                                                      published="2024-07-08")]


def test_bodies_an_events_audience_came_from_are_no_counts():
    assert _counts("News\n\nLeaders of the provincial government, heads of 27 universities inside and outside the "
                   "province and representatives of 16 cities attended the conference.") == []
    assert _counts("News\n\nMore than 300 experts from 40 universities attended the forum co-hosted by NJTech.") == []
    assert _counts("News\n\nLast month, the presidents of three Ohio universities toured the construction site.") == []
    # (partners a place drew, and partners a university signed with, are counts)
    assert _counts("News\n\nQingdao has drawn 24 universities and research institutes from outside the city to set up "
                   "campuses or research institutes here since 2016.") == [(24, "institution")]
    assert _counts("News\n\nThe university has signed cooperation agreements with 40 universities and 120 "
                   "enterprises.") == [(40, "university"), (120, "enterprise")]


def _money(text: str):
    return [(f["amount"], f["currency"]) for f in facts(text, "funding", url="https://en.xmu.edu.cn/info/1.htm",
                                                        published="2024-12-10")]


def test_money_for_a_companys_production_site_in_a_sentence_without_research_is_no_funding():
    assert _money("News\n\nThe company and the Ningde government separately signed an agreement on a 13-billion-yuan "
                  "sodium-ion battery production base on the same day.") == []
    assert _money("News\n\nToyota has invested more than $10 billion in its Georgetown plant since 1988.") == []
    # (a pilot plant or line of a body of research is that body's)
    assert _money("News\n\nUnder the deal, King-Friend will put 50 million yuan into the laboratory over five years, "
                  "covering research equipment and a pilot production line.") == [(50_000_000, "CNY")]


def test_what_a_body_cost_and_money_put_into_it_past_a_bracketed_conversion_are_funding():
    assert _money("News\n\nBuilt in 18 months, the laboratory cost R$ 24 million, of which R$ 18 million came from WEG "
                  "and R$ 6 million from the state agency.") == [(24_000_000, "BRL"), (18_000_000, "BRL"), (6_000_000, "BRL")]
    assert _money("News\n\nThe two sides signed a memorandum in January, and Hyundai will put 30 billion won ($21.8 "
                  "million) into the center over five years.") == [(30_000_000_000, "KRW")]
    # (what living costs is no money for a cooperation)
    assert _money("News\n\nThe cost of living in the city rose, and rents cost $2,000 a month.") == []
