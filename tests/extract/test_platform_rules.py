"""The platform rules (pipelines/extract/platforms.py), each on sentences written for these tests.

The wordings are invented: a rule that passes here reads the structure of a sentence (its parse, the platform
head nouns, founding verbs, the parties' entity types), not a phrase of one page.
"""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document
from pipelines.extract.platforms import same_platform


def platforms(text, **kw):
    kw.setdefault("document_id", "p")
    kw.setdefault("published", "2022-06-20")
    return extract_document(text, **kw)["platforms"]


def names(text, **kw):
    return [p["name"] for p in platforms(text, **kw)]


# ------------------------------------------------------------------ which phrases are platforms set up

def test_objects_the_parse_hangs_on_the_founding_verb_are_all_platforms():
    got = platforms("The two sides agreed on several projects, including building a marine data platform, "
                    "coastal ecology center and policy think tank.", university="Fuzhou University")
    assert sorted(p["platform_type"] for p in got) == ["center", "other", "service_platform"]


def test_plural_head_nouns_the_lemmatizer_misreads_still_head_a_list():
    got = names("More than six demonstration bases have been built, among them are Minjiang Tea Base, "
                "Wuyi Forestry Base and Fuzhou University Ocean Base.", university="Fuzhou University")
    assert {"Minjiang Tea Base", "Wuyi Forestry Base"} <= set(got)


def test_one_of_which_is_a_member_of_the_platforms_set_up():
    got = names("Three laboratories were set up under the provincial scheme, one of which is the Laboratory "
                "for Coastal Robotics at Xiamen University.")
    assert got == ["Laboratory for Coastal Robotics"]


@pytest.mark.parametrize("sentence", [
    "Fujian Normal University plans to build a robotics center.",
    "Fujian Normal University is required to set up a data center in the new district.",
    "Fuzhou University and Sanming City signed an agreement, with the aim of establishing a forestry research "
    "institute.",
])
def test_a_body_only_planned_aimed_at_or_required_is_no_platform(sentence):
    assert platforms(sentence) == []


def test_a_joint_body_named_before_a_noun_of_its_own_is_a_platform():
    got = platforms("The Fujian Normal University - Minjiang Shipping Group Joint Laboratory Management Committee "
                    "met on Monday.")
    assert [(p["name"], p["partner"]) for p in got] == [
        ("Fujian Normal University - Minjiang Shipping Group Joint Laboratory", "Minjiang Shipping Group")]


# ------------------------------------------------------------------ names and types

def test_a_title_case_name_continues_over_its_name_prepositions():
    got = platforms("Officials of Fuzhou City and Fujian Normal University jointly unveiled the Key Laboratory "
                    "under the Provincial Department of Culture about Minnan Heritage Studies (Quanzhou Center).")
    assert [(p["name"], p["platform_type"]) for p in got] == [
        ("Key Laboratory under the Provincial Department of Culture about Minnan Heritage Studies (Quanzhou Center)",
         "center")]


# ------------------------------------------------------------------ partners

@pytest.mark.parametrize("sentence, partner", [
    # the other side of a dash in a joint name: a place is its government, a company is itself
    ("The Zhejiang University-Huzhou Smart Textile Institute was opened last week.", "Huzhou City"),
    ("The Fujian Normal University - Minjiang Shipping Group Joint Laboratory was founded in 2019.",
     "Minjiang Shipping Group"),
    # "in partnership with X", on the verb or on the platform noun
    ("Fuzhou University established a marine robotics base in partnership with the People's Government of "
     "Lianjiang County.", "Lianjiang County"),
    # "join X in building Y": the object of the joining verb co-founds
    ("Five universities signed a contract to join Putian in building a science town.", "Putian City"),
])
def test_the_co_founder_comes_from_the_structure(sentence, partner):
    [p] = platforms(sentence)
    assert p["partner"] == partner


def test_a_person_or_an_adverb_is_never_a_partner():
    [p] = platforms("Afterwards Li Minghua and Wang Jianguo unveiled the Minjiang Cultural Research Base of "
                    "Fujian Normal University.")
    assert p["university"] == "Fujian Normal University" and p["partner"] is None


def test_the_next_clause_with_phrase_is_not_the_partner():
    text = ("Fujian Normal University cooperated with the Fuzhou Municipal Tourism Bureau to build the Minjiang "
            "Tourism Research Base; and joined hands with the Fuzhou Municipal Culture Bureau to build the "
            "Fuzhou Opera Research Institute.")
    got = {p["name"]: p["partner"] for p in platforms(text)}
    assert got["Minjiang Tourism Research Base"] == "Fuzhou Municipal Tourism Bureau"
    assert got["Fuzhou Opera Research Institute"] == "Fuzhou Municipal Culture Bureau"


def test_a_platform_without_a_founder_takes_the_partner_of_the_page_agreement():
    text = ("Fujian Normal University signed a strategic cooperation agreement with Putian City on May 3. "
            "At the ceremony the Mazu Culture Research Base was unveiled.")
    [p] = platforms(text)
    assert (p["name"], p["partner"]) == ("Mazu Culture Research Base", "Putian City")


# ------------------------------------------------------------------ one body, one fact

def test_names_whose_words_are_one_anothers_are_one_body_and_distinct_joint_labs_are_two():
    assert same_platform("Putian Food Research Institute", "Fujian Normal University Putian Food Research Institute")
    assert same_platform("Minjiang-Putian Industrial Park", "Minjiang University-Putian Industrial Park")
    assert not same_platform("Alpha-FNU Joint Laboratory", "Beta-FNU Joint Laboratory")


def test_a_body_mentioned_twice_keeps_the_sentence_naming_its_co_founders():
    text = ("Fujian Normal University has opened a research institute in the south of the province.\n"
            "The institute, unveiled on Saturday, was jointly established by Putian City, Fujian Normal University "
            "and Putian University.")
    [p] = platforms(text)
    assert p["evidence"].startswith("The institute") and p["partner"] == "Putian City"


def test_a_headline_and_the_body_naming_one_park_give_one_fact_with_the_body_date():
    text = ("Minjiang University and Putian Sign Agreement to Build Minjiang University-Putian Industrial Park\n"
            "Minjiang University and the city of Putian signed an agreement to build the Minjiang-Putian Industrial "
            "Park on May 3, 2021.")
    [p] = platforms(text)
    assert p["date"] == "2021-05-03" and p["partner"] == "Putian City"


def test_a_university_body_named_after_a_locality_is_a_platform_of_that_locality():
    [p] = platforms("Last year the Quanzhou Marine Engineering Institute of Fuzhou University trained 300 engineers.")
    assert (p["name"], p["university"], p["partner"]) == (
        "Quanzhou Marine Engineering Institute of Fuzhou University", "Fuzhou University", "Quanzhou City")


def test_a_university_name_alone_or_a_city_government_is_no_locality_platform():
    assert platforms("Fuzhou University Institute of Chemistry held a workshop.") == []
    assert platforms("The cooperation between Fuzhou University and Quanzhou City covers tourism.") == []


@pytest.mark.parametrize("sentence, name", [
    ("The unveiling ceremony of the Lishui Ecological Research Institute was held at Zhejiang University.",
     "Lishui Ecological Research Institute"),
    ("Zhejiang University and Lishui City held a plaque-unveiling ceremony for the Lishui Ecology Research "
     "Institute.", "Lishui Ecology Research Institute"),
    ("The launch event of the Hangzhou Smart Logistics Lab of Zhejiang University took place on Monday.",
     "Hangzhou Smart Logistics Lab of Zhejiang University"),
])
def test_a_founding_ceremony_of_a_body_sets_it_up(sentence, name):
    assert names(sentence) == [name]


def test_a_ceremony_that_founds_nothing_sets_up_nothing():
    assert platforms("The award ceremony of the Lishui Ecological Research Institute was held on Monday.") == []


def test_the_founding_participle_is_no_part_of_the_name():
    assert names("The jointly built Lishui Ecology Research Institute of Zhejiang University hosted a forum "
                 "on Monday.") == ["Lishui Ecology Research Institute of Zhejiang University"]


@pytest.mark.parametrize("sentence, kind", [
    ("Fuzhou University and Ningde City established an industry-university-research consortium.", "alliance"),
    ("Zhejiang University and Lishui City inaugurated an academy of ecological civilization.", "institute"),
])
def test_academies_and_consortia_are_platform_heads(sentence, kind):
    assert [p["platform_type"] for p in platforms(sentence)] == [kind]


def test_a_participle_clause_sets_up_the_subject_and_an_anaphor_takes_the_name_the_page_gives():
    text = ("Li Jun is the director of the Minjiang Marine Research Institute of Xiamen University.\n"
            "Founded by Xiamen University and Fuzhou City in 2018, Li's institute has trained 200 engineers.")
    [p] = platforms(text)
    assert (p["name"], p["university"], p["partner"], p["date"]) == (
        "Minjiang Marine Research Institute of Xiamen University", "Xiamen University", "Fuzhou City", "2018")
    assert p["evidence"].startswith("Founded by")


def test_a_body_only_named_is_no_fact_and_an_owner_is_no_name():
    assert platforms("Li Jun is the director of the Minjiang Marine Research Institute of Xiamen University.") == []
    [p] = platforms("Founded by Xiamen University and Fuzhou City in 2018, Li's institute has trained 200 engineers.")
    assert p["name"] is None


def test_a_name_in_passing_sharing_a_few_words_is_another_body_but_a_short_form_of_a_set_up_one_is_it():
    long = "Marine Creative Industry Research Institute of Xiamen University"
    assert not same_platform("Institute of Marine Industry", long, strict=True)
    assert same_platform("Xiamen-Putian Marine Institute", "Xiamen University Putian Marine Technology Research Institute")
    assert same_platform("Putian Marine Lab", "Putian Marine Laboratory of Xiamen University")


def test_unveiling_the_plaques_for_bodies_sets_them_up():
    got = names("The two sides also unveiled plaques for the Minjiang Ocean Research Center and the Putian Shoe "
                "Design Base.", university="Fuzhou University")
    assert got == ["Minjiang Ocean Research Center", "Putian Shoe Design Base"]


@pytest.mark.parametrize("sentence", [
    "The Lakeside Energy Centre is a collaboration between the University of Leeds and Northern Gas Networks.",
    "The Lakeside Energy Centre, a joint venture between the University of Leeds and Northern Gas Networks, "
    "opened on Monday.",
])
def test_a_body_said_to_be_a_collaboration_of_named_sides_is_a_platform_of_those_sides(sentence):
    [p] = platforms(sentence)
    assert (p["name"], p["university"], p["partner"]) == (
        "Lakeside Energy Centre", "University of Leeds", "Northern Gas Networks")


def test_a_body_that_is_one_side_s_project_is_no_joint_platform():
    assert platforms("The Lakeside Energy Centre is a project of the University of Leeds.") == []


def test_a_place_before_a_university_name_is_no_partner():
    [p] = platforms("Shanghai Fudan University and Lingang Materials Group signed a contract to set up a research "
                    "and innovation center.")
    assert (p["university"], p["partner"]) == ("Fudan University", "Lingang Materials Group")


def test_the_co_founder_the_sentence_names_beats_the_locality_in_the_name():
    [p] = platforms("Fuzhou University and Putian University jointly unveiled the Quanzhou Heritage Center of Fuzhou "
                    "University.")
    assert p["partner"] == "Putian University"


def test_a_body_known_by_its_name_alone_takes_no_date_from_a_meeting():
    [p] = platforms("On May 3, 2021, the Fujian Normal University - Minjiang Shipping Group Joint Laboratory held its "
                    "annual meeting.")
    assert p["date"] is None


@pytest.mark.parametrize("sentence", [
    "The Ningde Battery Lab, jointly run by Fuzhou University and Ningde City, hosted a forum.",
    "Fuzhou University and CATL jointly operate the Ningde Battery Lab.",
    "The Ningde Battery Lab is co-managed by Fuzhou University and CATL.",
    "The Ningde Battery Lab of Fuzhou University was put into operation in May.",
])
def test_a_body_run_jointly_or_put_into_operation_is_set_up(sentence):
    assert names(sentence, university="Fuzhou University")[0].startswith("Ningde Battery Lab")


def test_a_body_one_side_runs_is_not_set_up_by_that_sentence():
    assert platforms("Fuzhou University runs the Ningde Battery Lab.") == []


def test_a_described_body_after_the_is_named_unless_it_refers_back():
    [p] = platforms("Fuzhou University and Mawei District jointly established the marine equipment testing base.")
    assert p["name"] == "marine equipment testing base"
    text = ("Fuzhou University set up the Mawei Marine Research Center in May.\n"
            "The new research center was built together with Mawei District.")
    [p] = platforms(text)
    assert (p["name"], p["partner"]) == ("Mawei Marine Research Center", "Mawei District")


def test_a_named_body_modifying_its_construction_is_set_up():
    got = names("Fuzhou University will strengthen the Minjiang Culture Research Center construction with the "
                "Fuzhou Municipal Culture Bureau.")
    assert got == ["Minjiang Culture Research Center"]


def test_one_name_set_up_in_two_different_years_is_two_facts():
    text = ("In 2015, Fuzhou University and Mawei District built the Mawei Innovation Industrial Park.\n"
            "In 2019, Fuzhou University and Changle District built the Fuzhou University Mawei Innovation "
            "Industrial Park.")
    assert len(platforms(text)) == 2


def test_the_page_universitys_initials_inside_a_joint_name_make_a_joint_platform():
    from pipelines.extract import extract_document
    text = ("Orion University of Applied Design works with companies.\n\n"
            "Current laboratories\n\n"
            "• Kaveri Motors-OUAD Battery Laboratory (2016) – cells and packs\n"
            "• Keppel-OUAD Urban Cooling Centre (2021) – district cooling")
    got = extract_document(text, document_id="p", url="https://www.ouad.edu.sg/research/labs/",
                           university="Orion University of Applied Design")["platforms"]
    assert {(p["name"], p["university"], p["partner"], p["date"]) for p in got} == {
        ("Kaveri Motors-OUAD Battery Laboratory", "Orion University of Applied Design", "Kaveri Motors", "2016"),
        ("Keppel-OUAD Urban Cooling Centre", "Orion University of Applied Design", "Keppel", "2021")}


def test_a_body_that_names_a_platforms_owner_is_no_platform_of_its_own():
    from pipelines.extract import extract_document
    got = extract_document("The internship base of the Orion-Kaveri Social Work Service Center was completed.",
                           document_id="p", url="https://www.orion.edu/news/1.html")["platforms"]
    assert [p["platform_type"] for p in got] == ["internship_base"]


def test_a_campus_owned_by_someone_a_planned_body_and_a_currencys_letters_are_no_part_of_a_platform():
    from pipelines.extract import extract_document
    text = ("Orion University and Kaveri City opened the Kaveri Semiconductor Test Bed Center on Orion's Suwon "
            "campus in 2022. The university was in talks with three companies about a planned science park on its "
            "main campus. In March 2024 Orion University and SP Group signed an agreement that set up the Grid "
            "Analytics Lab, with S$18 million (US$13.4 million) in funding.")
    got = extract_document(text, document_id="p", url="https://www.orion.edu/news/1.html")["platforms"]
    assert {(p["name"], p["partner"]) for p in got} == {
        ("Kaveri Semiconductor Test Bed Center", "Kaveri City"), ("Grid Analytics Lab", "SP Group")}


def test_a_body_only_hoped_for_or_applied_for_is_no_platform():
    text = ("Orion University signed an agreement with Kaveri City on Monday. The mayor hoped that the university "
            "would help the city build a world-class marine research base. The province issued a letter of support "
            "for the university's application to build a national engineering research center.")
    assert platforms(text, url="https://www.orion.edu/news/1.html") == []


def test_a_named_platform_in_apposition_to_what_was_opened_is_set_up():
    text = ("Orion University and Kaveri Motors opened a jointly run research space, the Kaveri Battery Co-design "
            "Laboratory, on the north campus.")
    assert names(text, url="https://www.orion.edu/news/1.html") == ["Kaveri Battery Co-design Laboratory"]


def test_a_name_glossed_by_a_platform_noun_in_apposition_is_the_platforms_name():
    text = ("Orion University and Kaveri City signed an agreement establishing the GreenLoop Circular Materials, "
            "a joint research platform for recycling batteries.")
    assert names(text, url="https://www.orion.edu/news/1.html") == ["GreenLoop Circular Materials"]


def test_rows_of_a_list_of_bodies_set_up_or_run_with_a_partner():
    text = ("Our joint bodies include:\n\n"
            "• Kaveri Innovation Node, set up with the Kaveri Science and Technology Group in 2022\n"
            "• Westbrook Mine Rehabilitation Centre, run with Westbrook Mining since 2021\n")
    got = {(p["name"], p["partner"]) for p in platforms(text, university="Orion University",
                                                        url="https://www.orion.edu/partners")}
    assert ("Kaveri Innovation Node", "Kaveri Science and Technology Group") in got


def test_a_university_glossed_by_the_parse_is_no_platform_name():
    text = ("- With Westbrook University, a joint postgraduate training base was established at Kaveri's campus "
            "under a talent-training agreement.")
    got = platforms(text, url="https://www.kaveri.com/news/1")
    assert [(p["name"], p["university"]) for p in got] == [("joint postgraduate training base", "Westbrook University")]


def test_a_technology_station_set_up_together_is_a_platform_a_railway_station_is_not():
    text = ("A technology service station for the bamboo industry, co-built by Orion University and Kaveri Town, "
            "was put into use on the same day. Orion University also opened a railway station with Kaveri Town.")
    got = platforms(text, url="https://www.orion.edu/news/1", university="Orion University")
    assert [p["platform_type"] for p in got] == ["service_platform"]
    assert "railway" not in (got[0]["name"] or "")


def test_a_list_row_names_a_body_before_a_dash_and_its_co_runner_after_it():
    from pipelines.extract import extract_document

    text = ("Shared facilities\n"
            "Our partners co-lead these facilities with us:\n"
            "Suncor Oil Sands Imaging Laboratory - with Suncor Energy, opened 2021\n"
            "Prairie Grid Analytics Hub - launched with SaskPower in May 2023\n")
    doc = extract_document(text, document_id="r", url="https://www.usask.ca/research/partners")
    assert sorted((p["name"], p["partner"], p["date"]) for p in doc["platforms"]) == [
        ("Prairie Grid Analytics Hub", "SaskPower", "2023-05"),
        ("Suncor Oil Sands Imaging Laboratory", "Suncor Energy", "2021")]
    assert {p["university"] for p in doc["platforms"]} == {"University of Saskatchewan"}


def test_list_rows_hosted_by_a_university_and_several_bodies_named_in_the_plural():
    from pipelines.extract import extract_document

    text = ("Our Centres\n"
            "Centre of Excellence for Smart Ports (CESP) \u2013 hosted by the National University of Singapore, set up "
            "with PSA Corporation in 2024\n"
            "Green Shipping Fuels Laboratory \u2013 hosted by Nanyang Technological University, established in 2023 "
            "with Shell\n")
    doc = extract_document(text, document_id="r", url="https://www.mpa.gov.sg/x")
    assert sorted((p["name"], p["university"], p["partner"], p["date"]) for p in doc["platforms"]) == [
        ("Centre of Excellence for Smart Ports", "National University of Singapore", "PSA Corporation", "2024"),
        ("Green Shipping Fuels Laboratory", "Nanyang Technological University", "Shell", "2023")]
    # "Centres of Excellence" names several bodies: no platform of that name, and no merging the named ones into it
    text = ("The State signed MoUs with IIT Madras and Anna University to set up AI Centres of Excellence.\n\n"
            "1. Centre of Excellence in AI for Health \u2013 IIT Madras, Chennai\n"
            "2. Centre of Excellence in AI for Farming \u2013 Anna University, Chennai\n")
    doc = extract_document(text, document_id="r", url="https://www.tn.gov.in/x")
    assert sorted(p["name"] for p in doc["platforms"]) == [
        "Centre of Excellence in AI for Farming", "Centre of Excellence in AI for Health"]


def test_a_gloss_after_a_name_and_a_body_only_talked_of():
    from pipelines.extract import extract_document

    doc = extract_document("The Centre for Mining Electrification, a joint laboratory of the University of Newcastle "
                           "and Ampcontrol, opened at the Callaghan campus in 2020.", document_id="g",
                           url="https://www.newcastle.edu.au/x")
    assert [p["name"] for p in doc["platforms"]] == ["Centre for Mining Electrification"]
    doc = extract_document("They also discussed the possibility of establishing a rare earth research institute in "
                           "Baotou with Lanzhou University.", document_id="g", url="https://www.lzu.edu.cn/x")
    assert doc["platforms"] == []


def test_a_bullet_row_naming_a_lab_then_with_whom_and_since_when():
    from pipelines.extract import extract_document

    page = ("Other industry labs on our campus include:\n"
            "• Rail Systems Reliability Lab, with SMRT Trains (since 2023)\n"
            "• Food Innovation and Sensory Lab, with Ajinomoto (since 2022)\n")
    got = extract_document(page, document_id="l", url="https://www.singaporetech.edu.sg/news/x")["platforms"]
    assert sorted((p["name"], p["partner"], p["date"]) for p in got) == [
        ("Food Innovation and Sensory Lab", "Ajinomoto", "2022"), ("Rail Systems Reliability Lab", "SMRT Trains", "2023")]
    assert {p["university"] for p in got} == {"Singapore Institute of Technology"}


def test_a_names_hyphen_at_a_line_wrap_is_kept():
    from pipelines.extract.text import clean

    assert clean("renewed the SIT-\nSembcorp Applied Energy Lab") == "renewed the SIT-Sembcorp Applied Energy Lab"
