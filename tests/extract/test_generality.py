"""Wordings the shared pages do not contain, written for these tests (one rule each)."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document


def run(text, **kw):
    kw.setdefault("document_id", "g")
    kw.setdefault("published", "2023-05-10")
    return extract_document(text, **kw)


def platform_names(text, **kw):
    return [p["name"] for p in run(text, **kw)["platforms"]]


# ------------------------------------------------------------------ platforms

@pytest.mark.parametrize("sentence, name", [
    # modifiers that are stop words elsewhere stay inside a name that ends in a platform head
    ("Officials unveiled the Postgraduate Joint Training Base in Loudi.", "Postgraduate Joint Training Base"),
    ("The New Energy Materials Transfer Center, jointly built by the two sides, opened today.",
     "New Energy Materials Transfer Center"),
    ("The two sides set up the Academician Workstation of Jishou University.", "Academician Workstation of Jishou University"),
    # a provincial key laboratory is one name, not a government plus a lab
    ("The Gansu Provincial Key Laboratory of Arid Crops was established by the university and the county.",
     "Gansu Provincial Key Laboratory of Arid Crops"),
    # "for"-phrases belong to the name
    ("Jiangnan University and Wuxi City built the Wuxi Joint Center for Food Safety.", "Wuxi Joint Center for Food Safety"),
    # a lower-case platform with its "for ..." complement, stopping before "with"
    ("The university set up a joint laboratory for marine robots with Haier.", "joint laboratory for marine robots"),
])
def test_platform_names_keep_modifiers_and_complements(sentence, name):
    assert name in platform_names(sentence, university="Hunan University")


def test_schools_are_places_not_platforms():
    names = platform_names("The university has established a teaching practice base at Yiyang No. 3 Middle School.",
                           university="Hunan University")
    assert names == ["teaching practice base"]


# ------------------------------------------------------------------ agreements

def agreements(text, **kw):
    return [(a["university"], a["partner"], a["partner_type"]) for a in run(text, **kw)["agreements"]]


@pytest.mark.parametrize("sentence, partner", [
    # one-word company names: well-known ones that look like pinyin, and non-pinyin words after "with"
    ("The university signed a strategic cooperation agreement with Huawei on Monday.", "Huawei"),
    ("The university renewed its framework agreement with Lenovo.", "Lenovo"),
    ("Siemens and the university signed a memorandum of understanding.", "Siemens"),
    # a corporate word inside the name ("... Corporation of China")
    ("The university inked a cooperation agreement with State Grid Corporation of China.",
     "State Grid Corporation of China"),
])
def test_one_word_and_corporate_company_names(sentence, partner):
    assert agreements(sentence, university="Jishou University") == [("Jishou University", partner, "enterprise")]


def test_countries_and_pinyin_words_are_not_lone_companies():
    assert agreements("The university signed a cooperation agreement with Germany.", university="Jishou University") == []
    assert agreements("The university signed a cooperation agreement with Xiuning.", university="Jishou University") == []


def test_list_of_companies_is_split():
    got = agreements("The university signed agreements with two firms, Sinopec and Baidu.", university="Jishou University")
    assert [p for _, p, _ in got] == ["Sinopec", "Baidu"]


def test_province_after_a_comma_is_the_city_province():
    out = run("Jimei University signed a cooperation agreement with Longyan City, Fujian Province, on May 2.")
    [a] = out["agreements"]
    assert (a["partner"], a["partner_province"], a["date"]) == ("Longyan City", "Fujian", "2023-05-02")


def test_on_behalf_of_the_two_sides_keeps_both_signers():
    got = agreements("The contract was signed by Jishou University and Hunan Tobacco Group on behalf of the two sides.")
    assert got == [("Jishou University", "Hunan Tobacco Group", "enterprise")]


# ------------------------------------------------------------------ counts

def counts(text, **kw):
    return [(c["quantity"], c["unit"], c["qualifier"]) for c in run(text, **kw)["counts"]]


@pytest.mark.parametrize("sentence, expected", [
    ("Twenty-four enterprises joined the industry-education alliance.", [(24, "enterprise", "exact")]),
    # a unit before "and" + a verb phrase
    ("The partners have signed more than 40 cooperation agreements and set up seven joint centers.",
     [(40, "agreement", "at_least"), (7, "platform", "exact")]),
    # a verb that is not in the unit phrase ends it
    ("Some 1,500 interns took part in the programme at 32 practice bases set up by the two sides.",
     [(1500, "person", "approximately"), (32, "practice_base", "exact")]),
    ("Over the past five years the university has trained 3,400 technicians for the county.",
     [(3400, "trainee", "exact")]),
])
def test_count_wordings(sentence, expected):
    assert counts(sentence, university="Jishou University") == expected


@pytest.mark.parametrize("sentence", [
    "The prefecture has 4,000 high-tech enterprises with an output value of 90 billion yuan.",
    "The district is home to 2,600 industrial enterprises above designated size.",
    "The medical college has 2,300 students and 160 teachers.",
    "The science park houses 300 companies employing 12,000 people.",
])
def test_sizes_of_places_and_institutions_are_not_counts(sentence):
    assert counts(sentence, university="Jishou University") == []


# ------------------------------------------------------------------ funding

def funding(text, **kw):
    return [(f["amount"], f["currency"], f["per"], f["period_years"], f["kind"]) for f in run(text, **kw)["funding"]]


@pytest.mark.parametrize("sentence, expected", [
    ("The county will grant 30 million yuan to the institute over four years.", [(30000000, "CNY", "total", 4, "commitment")]),
    ("Hengyang will provide 5 yi yuan of supporting funds in the next decade.", [(500000000, "CNY", "total", 10, "commitment")]),
    ("The college received US$800,000 from the foundation for the partnership.", [(800000, "USD", "total", None, "commitment")]),
    ("The city allocates RMB 8 million a year for a five-year programme with the university.",
     [(8000000, "CNY", "year", 5, "commitment")]),
    # convention 8: money that "will" be invested is a commitment
    ("The company will invest 1,200 wan yuan in the joint laboratory.", [(12000000, "CNY", "total", None, "commitment")]),
    ("Partners pledged £2.4m and €1 bn to the consortium.", [(2400000, "GBP", "total", None, "commitment"),
                                                            (1000000000, "EUR", "total", None, "commitment")]),
])
def test_funding_wordings(sentence, expected):
    assert funding(sentence) == expected


# ------------------------------------------------------------------ names, dates, placeholders

def test_provincial_government_resolves_to_the_page_province():
    text = ("Officials in Qinghai province praised the plan.\n\n"
            "The provincial government signed a co-construction agreement with the Ministry of Education "
            "to jointly develop Qinghai University in 2018.")
    got = {(a["partner"], a["date"]) for a in run(text)["agreements"]}
    assert got == {("Qinghai Province", "2018"), ("Ministry of Education", "2018")}


def test_new_area_is_a_development_zone():
    [a] = run("Ningxia University inked a framework agreement with Yinchuan New Area.")["agreements"]
    assert (a["partner"], a["partner_type"]) == ("Yinchuan New Area", "development_zone")


def test_month_of_last_year():
    [p] = run("Jishou University and Xiangxi Tobacco Co., Ltd. jointly established the Tea Research Center "
              "in May last year.", published="2021-04-08")["platforms"]
    assert p["date"] == "2020-05"


def test_two_sides_after_a_named_partner_is_that_pair():
    text = ("In 2016 Jishou University signed a strategic cooperation agreement with Huaihua City.\n\n"
            "In 2019 Jishou University signed a cooperation agreement with Luxi County, and the two sides "
            "co-founded the Luxi Orange Industrial Park.")
    got = [(a["partner"], a["date"]) for a in run(text)["agreements"]]
    assert got == [("Huaihua City", "2016"), ("Luxi County", "2019")]


def test_currency_code_is_not_an_organisation():
    text = "Jishou University signed a contract with Hunan Tea Group, with the company investing RMB 30 million."
    assert [a["partner"] for a in run(text)["agreements"]] == ["Hunan Tea Group"]


def test_trained_with_a_qualifier_counts_trainees():
    assert counts("The partners trained more than 900 village doctors.") == [(900, "trainee", "at_least")]


def test_second_platform_after_and():
    names = platform_names("The two sides will jointly build the Wuling Tea Research Institute and a joint "
                           "laboratory for tea processing.", university="Jishou University")
    assert names == ["Wuling Tea Research Institute", "joint laboratory for tea processing"]


@pytest.mark.parametrize("sentence, expected", [
    # a number word inside a name, and a reference back to parties already named, are no figures
    ("Yangtze Four Rivers University signed agreements with the two universities of the county.", []),
    # a group of universities and research bodies counts institutions (as every annotated example does)
    ("So far the county has cooperated with 41 universities and research institutes.", [(41, "institution", "exact")]),
    # else the first conjunct's unit counts a coordinated group
    ("So far the county has signed 41 agreements and memoranda with universities.", [(41, "agreement", "exact")]),
])
def test_count_references_and_coordination(sentence, expected):
    assert counts(sentence) == expected


def test_a_company_sharing_words_with_the_university_is_still_a_partner():
    # "Hunan Forestry University" and "Hunan Greenleaf Forestry Co." share two of three words;
    # a university and a company are never the same party.
    out = run("On May 3, the university signed a cooperation agreement with Hunan Greenleaf Forestry Co., Ltd.",
              university="Hunan Forestry University")
    assert [(a["university"], a["partner"], a["partner_type"]) for a in out["agreements"]] == [
        ("Hunan Forestry University", "Hunan Greenleaf Forestry Co., Ltd.", "enterprise")]


@pytest.mark.parametrize("sentence, partner", [
    # the alias names the organisation beside the parenthesis, not the pair joined by "and"
    ("Example University and Qilu Seed Breeding Group Corporation (hereinafter referred to as Qilu Seed) met. "
     "On May 2, the university signed a strategic cooperation agreement with Qilu Seed.", "Qilu Seed Breeding Group Corporation"),
    # an "and" inside one name keeps the name whole
    ("The Department of Science and Technology of Gansu Province (hereinafter referred to as Gansu DST) and Example University "
     "signed a framework agreement on May 2.", "Department of Science and Technology of Gansu Province"),
])
def test_hereinafter_alias_binds_to_one_organisation(sentence, partner):
    partners = [a["partner"] for a in run(sentence, university="Example University")["agreements"]]
    assert partners == [partner]


@pytest.mark.parametrize("sentence, name", [
    ("The county and Example University agreed on building a sci-tech (science and technology) town near the port.",
     "sci-tech town"),
    ("Example University will help the city build a science city near the airport.", "science city"),
])
def test_science_towns_built_together_are_platforms(sentence, name):
    out = run(sentence, university="Example University")
    assert [(p["name"], p["platform_type"]) for p in out["platforms"]] == [(name, "other")]


def test_an_ordinary_town_is_not_a_platform():
    assert run("Example University built a dormitory in the old town of Lijiang.")["platforms"] == []


def test_a_list_of_partner_universities_continued_in_the_next_sentence():
    text = ("Yunnan Province signed strategic cooperation agreements with several universities, including Tongji "
            "University and Wuhan University. The list also includes Chinese Academy of Sciences and other institutes.")
    pairs = {(a["university"], a["partner"], a["agreement_type"]) for a in run(text)["agreements"]}
    assert pairs == {(u, "Yunnan Province", "strategic_cooperation")
                     for u in ("Tongji University", "Wuhan University", "Chinese Academy of Sciences")}


def test_a_list_is_continued_only_by_the_very_next_sentence():
    text = ("Yunnan Province signed strategic cooperation agreements with several universities, including Tongji "
            "University and Wuhan University. The weather was fine. The list also includes Chinese Academy of Sciences.")
    assert {a["university"] for a in run(text)["agreements"]} == {"Tongji University", "Wuhan University"}


def test_a_government_named_by_its_level_keeps_its_partner_type():
    text = ("Yunnan Province signed an agreement with Tongji University. Later the province signed strategic "
            "cooperation agreements with Wuhan University and Fudan University.")
    types = {(a["university"], a["partner"], a["partner_type"]) for a in run(text)["agreements"]}
    assert types == {(u, "Yunnan Province", "province") for u in ("Tongji University", "Wuhan University", "Fudan University")}
