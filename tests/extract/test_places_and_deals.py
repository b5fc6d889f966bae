"""Bare place names as parties (divisions table), "X Provincial/Municipal Government" and deal wordings.

Sentences written for these tests; none comes from the shared pages.
"""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document


def run(text, **kw):
    kw.setdefault("document_id", "p")
    kw.setdefault("published", "2023-05-10")
    return extract_document(text, **kw)


def agreements(text, **kw):
    return [(a["university"], a["partner"], a["partner_type"], a["partner_province"]) for a in run(text, **kw)["agreements"]]


def partners(text, **kw):
    return [a["partner"] for a in run(text, **kw)["agreements"]]


# ------------------------------------------------------------------ 1. bare place names are governments

@pytest.mark.parametrize("sentence, expected", [
    ("Shandong University signed a strategic cooperation agreement with Weihai on Monday.",
     ("Shandong University", "Weihai City", "city", "Shandong")),
    ("Nanjing University and Changzhou signed a framework agreement on March 3.",
     ("Nanjing University", "Changzhou City", "city", "Jiangsu")),
    # an alias spelling gives the canonical name
    ("Taiyuan University of Technology inked a cooperation agreement with Lvliang.",
     ("Taiyuan University of Technology", "Lyuliang City", "city", "Shanxi")),
    # a prefecture and an autonomous prefecture keep their own level
    ("Xinjiang University signed a cooperation agreement with Hotan.",
     ("Xinjiang University", "Hotan Prefecture", "prefecture", "Xinjiang")),
    # a county-level city and a district of a municipality
    ("Soochow University signed a cooperation agreement with Kunshan.",
     ("Soochow University", "Kunshan City", "city", "Jiangsu")),
    ("Peking University signed a cooperation agreement with Haidian.",
     ("Peking University", "Haidian District", "district", "Beijing")),
])
def test_bare_place_in_party_position_is_its_government(sentence, expected):
    assert agreements(sentence) == [expected]


def test_a_list_of_bare_places_gives_one_agreement_each():
    got = agreements("Zhejiang University signed cooperation agreements with Jinhua, Quzhou and Lishui.")
    assert [p for _, p, _, _ in got] == ["Jinhua City", "Quzhou City", "Lishui City"]
    assert {prov for *_, prov in got} == {"Zhejiang"}
    got = partners("Fuzhou University and Xiamen and Quanzhou signed a tripartite agreement on June 2.")
    assert "Xiamen City" in got and "Quanzhou City" in got


def test_bare_place_as_subject_of_a_funding_sentence():
    f = run("Under the agreement, Weifang will invest 200 million yuan in the new campus of Shandong University.")["funding"]
    assert f and f[0]["amount"] == 200_000_000


@pytest.mark.parametrize("name", ["Taizhou", "Fuzhou", "Yulin", "Suzhou"])
def test_ambiguous_city_names_get_no_province(name):
    [(_, partner, ptype, province)] = agreements(f"Southeast University signed a cooperation agreement with {name}.")
    assert (partner, ptype, province) == (f"{name} City", "city", None)


def test_the_text_names_the_province_of_an_ambiguous_city():
    [(_, partner, _, province)] = agreements(
        "Southeast University signed a cooperation agreement with Taizhou City, Zhejiang Province.")
    assert (partner, province) == ("Taizhou City", "Zhejiang")


def test_the_province_of_a_named_city_comes_from_the_table():
    [(_, partner, _, province)] = agreements("Wuhan University signed an agreement with the Yichang Municipal People's Government.")
    assert (partner, province) == ("Yichang City", "Hubei")


@pytest.mark.parametrize("sentence", [
    # inside longer names: a park, a university, a company
    "Nanjing University signed a cooperation agreement with Suzhou Industrial Park.",
    "Shenzhen Mindray Co., Ltd. signed a cooperation agreement with Sichuan University.",
    # a person whose given name is a city
    "Li Jinhua, president of the institute, signed the agreement with Zhejiang University.",
    "Wang Yulin signed the cooperation agreement on behalf of Sichuan University.",
    # locatives and possessives
    "In Suzhou, Soochow University signed a cooperation agreement with Huawei.",
    "Suzhou's economy will benefit after Soochow University signed a cooperation agreement with Huawei.",
    "The ceremony in Weihai saw Shandong University sign a cooperation agreement with Haier.",
])
def test_place_names_that_are_not_parties(sentence):
    got = partners(sentence)
    assert not {"Suzhou City", "Shenzhen City", "Jinhua City", "Yulin City", "Weihai City", "Nanjing City"} & set(got)


def test_a_name_of_two_levels_is_not_guessed():
    # Chaoyang is a city of Liaoning and a district of Beijing: no partner from the bare name
    assert partners("Liaoning University signed a cooperation agreement with Chaoyang.") == []


# ------------------------------------------------------------------ 2. "X Provincial/Municipal Government"

@pytest.mark.parametrize("sentence, partner, ptype", [
    ("Anhui University signed a strategic cooperation agreement with the Anhui Provincial Government.",
     "Anhui Province", "province"),
    ("The Anhui Provincial Government and Anhui University signed a framework agreement in May.",
     "Anhui Province", "province"),
    ("Anhui University signed a cooperation agreement with the Anhui provincial government.", "Anhui Province", "province"),
    ("Anhui University signed a cooperation agreement with Hefei Municipal Government.", "Hefei City", "city"),
    ("Soochow University signed a cooperation agreement with the Kunshan municipal government.", "Kunshan City", "city"),
    ("Soochow University signed a cooperation agreement with the Kunshan City Government.", "Kunshan City", "city"),
    # agencies keep their own names
    ("Anhui University signed a cooperation agreement with the Anhui Provincial Department of Education.",
     "Anhui Provincial Department of Education", "government_agency"),
    ("Anhui University signed a cooperation agreement with the Anhui Provincial Government Office.",
     "Anhui Provincial Government Office", "government_agency"),
])
def test_provincial_and_municipal_governments(sentence, partner, ptype):
    got = [(p, t) for _, p, t, _ in agreements(sentence)]
    assert got == [(partner, ptype)]


def test_a_municipal_government_gets_its_province_from_the_table():
    [(_, partner, _, province)] = agreements("Anhui University signed a cooperation agreement with Hefei Municipal Government.")
    assert (partner, province) == ("Hefei City", "Anhui")


# ------------------------------------------------------------------ 3. deals and partnerships

def agreement_rows(text):
    return [(a["university"], a["partner"], a["agreement_type"], a["date"]) for a in run(text)["agreements"]]


@pytest.mark.parametrize("sentence, expected", [
    # (a deal to train people is talent training, with a company too: as the synthetic sets' annotators record it)
    ("Hunan University inked a deal with Sany on Tuesday, May 2, to train welding engineers.",
     ("Hunan University", "Sany", "talent_training", "2023-05-02")),
    ("Hunan University signed a deal with Changsha on April 20.", ("Hunan University", "Changsha City", "other", "2023-04-20")),
    ("Hunan University and Zoomlion sealed a partnership on intelligent cranes.", ("Hunan University", "Zoomlion", "industry_university_research", None)),
    ("Hunan University signed a memorandum of understanding (MoU) with Lenovo on March 8.",
     ("Hunan University", "Lenovo", "industry_university_research", "2023-03-08")),
    ("Hunan University entered into a partnership with Huawei in April.", ("Hunan University", "Huawei", "industry_university_research", "2023-04")),
    ("Hunan University struck a deal with Zhuzhou to share laboratories.", ("Hunan University", "Zhuzhou City", "other", None)),
    # (a deal on internships trains people: talent_training since the thirty-third round)
    ("Hunan University reached a deal with Xiangtan on student internships.",
     ("Hunan University", "Xiangtan City", "talent_training", None)),
    # passive, and the type from the text
    ("A strategic cooperation deal was sealed between Hunan University and Yueyang.",
     ("Hunan University", "Yueyang City", "strategic_cooperation", None)),
    ("Hunan University clinched a framework deal with Hengyang.", ("Hunan University", "Hengyang City", "framework", None)),
])
def test_deals_and_partnerships_are_agreements(sentence, expected):
    assert agreement_rows(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Hunan University has done a great deal of work with Sany over the years.",
    "Hunan University spent a good deal of money on laboratories shared with Sany.",
    "Hunan University signed up volunteers to deal with problems at Sany.",
    "Hunan University will deal with Sany on the patent issue.",
    "Hunan University dealt with Sany for a decade.",
    "Hunan University hopes to seal a deal with Sany next year.",
    "Hunan University plans to strike a deal with Zhuzhou.",
    "Hunan University reached out to its partnership network, including Sany.",
    "The deal with Sany is a good deal for Hunan University, a professor said.",
])
def test_other_senses_of_deal_and_wishes_are_not_agreements(sentence):
    assert agreement_rows(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Jishou University signed a cooperation agreement with Xiangxi Tujia and Miao Autonomous Prefecture.",
     ("Xiangxi Prefecture", "prefecture", "Hunan")),
    ("Yanbian University signed a cooperation agreement with the Yanbian Korean Autonomous Prefecture.",
     ("Yanbian Prefecture", "prefecture", "Jilin")),
    ("Guangxi University signed a cooperation agreement with the Guangxi Zhuang Autonomous Region.",
     ("Guangxi Zhuang Autonomous Region", "province", None)),  # (its official name)
])
def test_autonomous_divisions_are_named_by_their_place(sentence, expected):
    assert [(p, t, prov) for _, p, t, prov in agreements(sentence)] == [expected]


def test_a_province_abroad_named_province_of_x_and_an_abbreviation_with_a_slash():
    out = extract_document(
        "Westbrook University of Technology (WU/t), Kaveri University and the Province of Gelderland signed a "
        "covenant on Monday. It builds on a talent pact that WU/t and the province first concluded in 2022.",
        document_id="p", url="https://www.westbrook.edu/news/1.html", published="2025-03-05")["agreements"]
    got = {(a["university"], a["partner"], a["date"], a["agreement_type"]) for a in out}
    assert ("Westbrook University of Technology", "Gelderland Province", "2025-03", "other") in got
    assert ("Westbrook University of Technology", "Gelderland Province", "2022", "talent_training") in got
    assert not any("WU" in a["partner"] for a in out)


def test_a_dated_signing_of_other_deals_dates_the_pages_undated_university_agreement():
    out = extract_document(
        "Sixteen projects were signed on September 20 at the autumn investment conference of the zone.\n\n"
        "In a side ceremony, Orion University and Kaveri Motors signed an agreement on joint research.",
        document_id="p", url="https://www.example.gov.cn/news/1.html", published="2023-09-22")["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in out] == [
        ("Orion University", "Kaveri Motors", "2023-09-20")]


def test_the_zones_administrative_committee_signs_for_the_zone_the_page_names():
    out = extract_document(
        "Kaveri Industrial Park is a development zone in the east of the city.\n\n"
        "In April, the park's administrative committee and Orion University put pen to paper on an agreement to "
        "build a research base. The zone also entered into a strategic cooperation agreement with Westbrook "
        "University.", document_id="p", url="https://www.kaveri-park.gov.cn/news/1.html", published="2024-05-01")
    got = {(a["university"], a["partner"], a["partner_type"]) for a in out["agreements"]}
    assert got == {("Orion University", "Kaveri Industrial Park", "development_zone"),
                   ("Westbrook University", "Kaveri Industrial Park", "development_zone")}


def test_a_council_on_its_own_site_is_its_city_and_the_council_refers_to_it():
    out = extract_document(
        "Kaverton Council | News\n\n"
        "63 CIVIC PARTNERSHIP AGREEMENT\n\n"
        "The Cabinet considered renewing the civic agreement that the Council first signed with Orion University "
        "in March 2021. The renewed agreement sets a goal of 600 student placements a year by 2030.",
        document_id="p", url="https://kaverton.moderngov.co.uk/ieListDocuments.aspx", published="2024-11-14")
    assert [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in out["agreements"]] == [
        ("Orion University", "Kaverton City", "city", "2021-03")]
    assert out["counts"] == []


def test_a_provinces_page_telling_agreements_sealed_including_ones_with_universities():
    text = ("Kaveri Province | News\n\nKaveri Province ties up with universities\n\n"
            "By the close of 2023, Kaveri Province had tied up with 43 universities through province-level "
            "cooperation agreements.\n\nSeven of those agreements were sealed last year, including ones with "
            "Orion University, Westbrook University and Northfield University.\n\n"
            "University | Platforms co-built | Funds (million yuan)\nOrion University | 3 | 9.0")
    out = extract_document(text, document_id="p", url="https://www.kaveri.gov.cn/english/1.html",
                           published="2024-01-10")
    assert {(a["university"], a["partner"], a["date"]) for a in out["agreements"]} == {
        ("Orion University", "Kaveri Province", "2023"), ("Westbrook University", "Kaveri Province", "2023"),
        ("Northfield University", "Kaveri Province", "2023")}
    assert (3, "platform") in [(c["quantity"], c["unit"]) for c in out["counts"]]


def test_the_three_parties_are_the_three_the_sentence_before_named():
    text = ("The Smart Welding AI Center, a joint research hub of Orion University, Kaverton City and Kaveri Heavy "
            "Industries (KV HHI), was formally opened on Monday. The three parties had signed a business agreement "
            "in April to set up the center.")
    out = extract_document(text, document_id="p", url="https://news.orion.edu/1", published="2024-10-08",
                           university="Orion University")
    assert {(a["university"], a["partner"], a["date"]) for a in out["agreements"]} == {
        ("Orion University", "Kaverton City", "2024-04"), ("Orion University", "Kaveri Heavy Industries", "2024-04")}


def test_that_morning_is_the_day_the_page_told_before():
    text = ("Orion University unveiled two platforms in Sanya on March 28, 2024. The first rests on a cooperation "
            "agreement that Orion University and Kaveri Shipbuilding Corporation signed that morning.")
    out = extract_document(text, document_id="p", url="https://www.orion.edu/n/1", published="2024-03-29")
    assert [(a["partner"], a["date"]) for a in out["agreements"]] == [("Kaveri Shipbuilding Corporation", "2024-03-28")]


def test_a_council_on_a_page_whose_address_does_not_parse_is_no_error():
    out = extract_document("Kaverton Council signed an agreement with Orion University on 2 May 2024.",
                           document_id="p", url="http://[unclosed/news", published="2024-05-03")
    assert [a["university"] for a in out["agreements"]] == ["Orion University"]
