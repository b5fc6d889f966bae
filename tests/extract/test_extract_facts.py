"""The four fact rules on sentences written for these tests (not copied from the shared pages)."""

from __future__ import annotations

import time

import pytest

from pipelines.extract import ExtractionError, FIELDS, extract_document


def run(text, **kw):
    kw.setdefault("document_id", "t")
    return extract_document(text, **kw)


def pairs(result):
    return {(a["university"], a["partner"]) for a in result["agreements"]}


def test_output_shape_and_provenance():
    text = "Menu\nOn May 4, Hunan University signed a strategic cooperation agreement with Yueyang City.\nFooter"
    out = run(text, url="http://news.example.cn/2019-05/06/c_1.htm")
    assert list(out) == ["document", "agreements", "funding", "platforms", "counts"]
    assert out["document"]["published"] == "2019-05-06"
    [a] = out["agreements"]
    assert list(a)[: len(FIELDS["agreements"])] == list(FIELDS["agreements"])
    assert text[a["evidence_start"]:a["evidence_end"]] == a["evidence"]
    assert a["document_id"] == "t" and a["url"].startswith("http")
    assert (a["university"], a["partner"], a["date"], a["date_precision"]) == ("Hunan University", "Yueyang City", "2019-05-04", "day")
    assert a["partner_type"] == "city" and a["agreement_type"] == "strategic_cooperation"


def test_bad_input_names_the_document():
    with pytest.raises(ExtractionError, match="doc-9"):
        extract_document(None, document_id="doc-9")  # type: ignore[arg-type]
    with pytest.raises(ExtractionError, match="doc-9"):
        extract_document("x", document_id="doc-9", published="last May")


@pytest.mark.parametrize("sentence,partner,ptype,province", [
    ("Wuhan University signed a framework agreement with the People's Government of Xiaogan City, Hubei Province.",
     "Xiaogan City", "city", "Hubei"),
    ("Wuhan University signed a cooperation agreement with the Jingzhou Municipal People's Government.",
     "Jingzhou City", "city", "Hubei"),  # province from the divisions table
    ("Wuhan University and the Enshi municipal government inked a cooperation plan.", "Enshi City", "city", None),
    ("Wuhan University signed an agreement with Hongshan District of Wuhan City.", "Hongshan District", "district", None),
    ("The Hubei Provincial People's Government signed an agreement with Wuhan University.", "Hubei Province", "province", None),
    ("Wuhan University signed an agreement with the Wuhan Municipal Science and Technology Bureau.",
     "Wuhan Municipal Science and Technology Bureau", "government_agency", None),
    ("Wuhan University signed an agreement with Donghu High-tech Industrial Development Zone.",
     "Donghu High-tech Industrial Development Zone", "development_zone", None),
    ("Wuhan University signed an agreement with Changjiang Cable Technology Co., Ltd.", "Changjiang Cable Technology Co., Ltd.",
     "enterprise", None),
])
def test_partner_canonical_names(sentence, partner, ptype, province):
    [a] = run(sentence)["agreements"]
    assert (a["university"], a["partner"], a["partner_type"], a["partner_province"]) == ("Wuhan University", partner, ptype, province)


def test_enumeration_gives_one_agreement_per_partner():
    text = ("Hunan University signed cooperation agreements with local governments of Yiyang, Loudi and Shaoyang cities "
            "of Hunan Province; Ganzhou city of Jiangxi Province, and Guilin city of Guangxi.")
    got = {a["partner"]: a["partner_province"] for a in run(text)["agreements"]}
    assert got == {"Yiyang City": "Hunan", "Loudi City": "Hunan", "Shaoyang City": "Hunan", "Ganzhou City": "Jiangxi",
                   "Guilin City": "Guangxi"}  # province from the divisions table


def test_level_first_enumeration_and_pinyin_joining():
    out = run("Lanzhou University signed agreements with the counties of Yuzhong, Gaolan and Yongdeng last week.")
    assert {a["partner"] for a in out["agreements"]} == {"Yuzhong County", "Gaolan County", "Yongdeng County"}
    out = run("Lanzhou University signed agreements with cities such as Tian Shui, Pingliang and Wuwei.")
    assert {a["partner"] for a in out["agreements"]} == {"Tianshui City", "Pingliang City", "Wuwei City"}


def test_abbreviation_defined_in_text_and_the_university():
    text = ("Nanchang Hangkong University (NCHU) welcomed guests on Monday. "
            "NCHU and the Jiujiang municipal people's government signed a strategic agreement. "
            "Later the university signed a contract with Jiangling Motors Co., Ltd.")
    got = pairs(run(text))
    assert ("Nanchang Hangkong University", "Jiujiang City") in got
    assert ("Nanchang Hangkong University", "Jiangling Motors Co., Ltd.") in got


def test_passive_and_between_and_ceremony():
    out = run("A memorandum of understanding between Fudan University and Jiading District was signed in March 2018.")
    [a] = out["agreements"]
    assert (a["partner"], a["date"], a["date_precision"]) == ("Jiading District", "2018-03", "month")
    out = run("Fudan University and the Minhang district government held a strategic cooperation signing ceremony.")
    assert pairs(out) == {("Fudan University", "Minhang District")}


def test_co_construction_by_ministry_and_province():
    text = "The Ministry of Education signed an agreement with the Gansu Provincial People's Government to jointly develop Lanzhou University."
    out = run(text)
    assert {(a["partner"], a["partner_type"], a["agreement_type"]) for a in out["agreements"]} == {
        ("Ministry of Education", "ministry", "co_construction"), ("Gansu Province", "province", "co_construction")}


def test_standing_partnership_and_bare_city_learned_from_page():
    text = ("Leaders of the CPC Baotou Municipal Committee attended. "
            "Baotou has established a partnership with Inner Mongolia University in talent training.")
    assert pairs(run(text)) == {("Inner Mongolia University", "Baotou City")}


@pytest.mark.parametrize("sentence", [
    "Jilin University hoped to sign a cooperation agreement with Siping City next year.",
    "A delegation from Siping City visited Jilin University to discuss cooperation.",
    "The Siping City leaders and Jilin University reached their agreement on further cooperation during the talk.",
    "Jilin University will seek more cooperation with Siping City.",
    "Jilin University expressed the intention to deepen cooperation with Siping City.",
])
def test_no_agreement_from_wishes_visits_and_talks(sentence):
    assert run(sentence)["agreements"] == []


def test_timeline_headings_date_the_entries_below():
    text = ("Partnerships\n\n\nNanjing University signed agreements with Suqian City.\n\nMay 2016\n\n"
            "Nanjing University signed a strategic agreement with Huai'an City.\n\n\n"
            "Nanjing University and Lianyungang City signed a framework agreement.\n\nSept. 2014\n\n"
            "Nanjing University signed a cooperation agreement with Yancheng City.")
    got = {a["partner"]: a["date"] for a in run(text)["agreements"]}
    assert got == {"Suqian City": None, "Huai'an City": "2016-05", "Lianyungang City": "2016-05", "Yancheng City": "2014-09"}


def test_repeated_mentions_of_one_signing_are_one_row():
    text = ("Shanxi Normal University Signed an Agreement With Linfen City\n"
            "On June 3, Shanxi Normal University signed a strategic cooperation agreement with the Linfen municipal government. "
            "The signing of the agreement between Shanxi Normal University and Linfen City was warmly welcomed.")
    out = run(text, published="2020-06-05")
    [a] = out["agreements"]
    assert a["date"] == "2020-06-03"


def test_event_reference_takes_the_event_date():
    text = ("On October 12, Guangxi University hosted a forum on the campus. "
            "The event concluded with a strategic cooperation agreement between the university and the Nanning Municipal Bureau of Commerce.")
    [a] = run(text, published="2022-10-14")["agreements"]
    assert (a["university"], a["partner"], a["date"]) == ("Guangxi University", "Nanning Municipal Bureau of Commerce", "2022-10-12")


def test_funding_fields():
    text = ("Under the agreement, Qujing city will provide at least 20 million yuan ($2.9 million) each year "
            "over the next five years for projects with Yunnan University.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["currency"], f["amount_usd_stated"], f["qualifier"], f["per"], f["period_years"]) == (
        20000000, "CNY", 2900000, "at_least", "year", 5)
    assert f["recipient"] == "Yunnan University"


@pytest.mark.parametrize("sentence,kind", [
    ("The 52 contracts signed with Anhui University are valued at RMB 80 million in total.", "contract_value"),
    ("The 14 programs set up last year were valued at about 300 million yuan.", "program_value"),
    ("Kunlun Tech Co., Ltd. invested 40 million yuan in the joint lab with Anhui University.", "investment"),
    ("Kunlun Tech Co., Ltd. donated 5 million yuan to Anhui University.", "commitment"),
])
def test_funding_kind(sentence, kind):
    [f] = run(sentence)["funding"]
    assert f["kind"] == kind and f["per"] == "total"


@pytest.mark.parametrize("sentence", [
    "Hefei's 300-billion valued chip industry keeps growing.",
    "Its annual funding for research was over 200 million yuan, ranking it 9th in the country.",
    "The research spending proportion reached 7%.",
])
def test_not_funding(sentence):
    assert run(sentence)["funding"] == []


def test_platforms_named_in_title_case_quotes_and_lower_case():
    text = ("Chongqing University and Yubei District jointly established the Chongqing University Yubei Robotics Institute. "
            "The university also launched the \"Western Smart Manufacturing Alliance\" with local firms. "
            "Chongqing University set up a rural revitalization research base in partnership with Wulong District.")
    got = {p["name"]: p["platform_type"] for p in run(text)["platforms"]}
    assert got == {"Chongqing University Yubei Robotics Institute": "institute",
                   "Western Smart Manufacturing Alliance": "alliance",
                   "rural revitalization research base": "research_base"}


def test_no_platform_from_generic_or_existing_units():
    text = ("The two sides will jointly build innovation platforms. "
            "The person in charge of the College of Chemistry attended the event. "
            "They jointly set up the new research center.")
    assert run(text)["platforms"] == []


def test_counts_units_qualifiers_and_words():
    text = ("Since 2019, Hohai University has signed cooperation agreements with 12 State-owned enterprises and "
            "seven private companies. Over 150 academician and expert workstations and roughly 600 practice bases "
            "have been built, among which 40 are in Jiangsu. Nearly 3,000 training classes were held for 90,000 trainees.")
    got = {(c["quantity"], c["unit"], c["qualifier"]) for c in run(text)["counts"]}
    assert got == {(12, "enterprise", "exact"), (7, "enterprise", "exact"), (150, "workstation", "at_least"),
                   (600, "practice_base", "approximately"), (40, "practice_base", "exact"),
                   (3000, "training_class", "approximately"), (90000, "trainee", "exact")}


def test_not_counts():
    text = ("The province covers 156,700 sq. km with a population of 40 million. The 30-member delegation, "
            "including two vice mayors, toured for 3 days. The university, founded 90 years ago, ranks 12th. "
            "More than 500 people attended the ceremony.")
    assert run(text)["counts"] == []


def test_university_from_url_domain():
    out = run("The university signed an agreement with Xiangxi Prefecture.", url="https://en.xtu.edu.cn/news/1.htm")
    assert out["document"]["university"] == "Xiangtan University"
    assert pairs(out) == {("Xiangtan University", "Xiangxi Prefecture")}


def test_passive_founding_of_a_lower_case_platform():
    text = "The teaching practice base of the Lishui Elderly Care Service Center was officially opened in May 2019."
    [p] = run(text)["platforms"]
    assert p["name"] == "teaching practice base of the Lishui Elderly Care Service Center"
    assert p["platform_type"] == "internship_base" and p["date"] == "2019-05"


def test_co_founder_centre_is_not_the_platform():
    text = 'Ningbo University and the Beilun Innovation Service Center built the "marine equipment testing service platform".'
    got = [p["name"] for p in run(text)["platforms"]]
    assert got == ["marine equipment testing service platform"]
