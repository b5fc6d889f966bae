"""Figures that are no count of cooperation, on sentences written for these tests (one rule each): a phone
number's last group, the second year of a span ("2023-24"), "the other two" pointing back at bodies already
told, and a place's or a university's size in students."""

from __future__ import annotations

from pipelines.extract import extract_document


def counts(text, url="https://www.example.edu/news/story.html"):
    return [(c["quantity"], c["unit"]) for c in extract_document(text, document_id="p", url=url)["counts"]]


def test_the_groups_of_a_phone_number_are_no_counts():
    text = ("Orion University has signed agreements with 12 companies.\n\n"
            "Media contact: Orion University Media, +61 8 9266 4241\n"
            "Enquiries: Orion University Press Office, 020 7946 0312 universities desk")
    assert counts(text) == [(12, "enterprise")]


def test_the_second_year_of_a_span_is_no_count():
    text = ("Industry and community partnerships, 2023-24\n\n"
            "Over the year Orion University signed 31 agreements with industry partners.")
    assert counts(text) == [(31, "agreement")]


def test_the_other_two_points_back_at_platforms_already_told():
    text = ("Three platforms were unveiled at Orion University on Monday. The first was the Orion-Kaveri Joint "
            "Laboratory. The other two platforms unveiled were a training base and a design studio.")
    assert counts(text) == [(3, "platform")]


def test_a_student_body_is_no_count_but_students_placed_are():
    text = ("Orion University is ranked first for employability, and 42,000 students are enrolled across its "
            "three campuses. Between us we teach 60,000 students. Since 2019 the partnership with Leeds City "
            "Council has placed 1,150 students with local employers.")
    assert counts(text) == [(1150, "person")]


def facts(text, url="https://www.example.edu/news/story.html", university="Orion University"):
    return [(c["quantity"], c["unit"], c["subject"])
            for c in extract_document(text, document_id="p", url=url, university=university)["counts"]]


def test_the_rows_of_a_pages_figures_are_the_pages_actor_s_whatever_the_label_begins_with():
    text = ("Orion University closed 2024 with record figures.\n\nKey figures for 2024:\n\n"
            "- Science and technology commissioners dispatched: 214, serving 57 counties\n"
            "- Grassroots cadres trained: 3,500\n"
            "- Farmers and agricultural technicians trained: more than 21,000, in 146 training classes\n")
    assert facts(text) == [(214, "person", "Orion University"), (3500, "cadre", "Orion University"),
                           (21000, "trainee", "Orion University"), (146, "training_class", "Orion University")]


def test_research_institutions_built_together_are_platforms():
    text = "Orion University figures.\n\n- New-type R&D institutions jointly built: 42 in total, of which 7 were added in 2023\n"
    assert facts(text) == [(42, "platform", "Orion University"), (7, "platform", "Orion University")]


def test_a_student_body_in_a_table_row_targets_and_rules_are_no_counts():
    text = ("Orion University signed 12 agreements with companies in 2024.\n\n"
            "Undergraduate students | 17,950\n\n"
            "The university aims to raise the number of workstations to 7,000 by 2027. Each workstation must host "
            "at least three postgraduates a year. Visitors joined a two-week summer program.")
    assert facts(text) == [(12, "agreement", "Orion University")]


def test_we_is_the_publisher_not_the_funder_named_before_the_figure():
    text = ("Orion University annual review.\n\nThrough the Spinout Programme, funded by Scottish Enterprise, we "
            "have supported 27 spin-out companies since 2019.")
    assert facts(text) == [(27, "enterprise", "Orion University")]


def money(text, url="https://www.example.edu/news/story.html"):
    return [(f["amount"], f["qualifier"]) for f in extract_document(text, document_id="p", url=url)["funding"]]


def test_a_share_of_a_sum_a_ceiling_for_each_and_a_bodys_budget_are_no_funding():
    assert money("The province has allocated 41.2 million yuan in start-up funds for the new batch, or 100,000 "
                 "yuan per workstation.") == [(41200000, "exact")]
    assert money("Each award of up to $250,000 must be matched by the company partner.") == []
    assert money("Orion University's total expenditure in FY2023 was $296 million.") == []
    assert money("The agency's total budget for 2023/24 was R532 million.") == []


def test_rows_naming_their_holder_keep_it_even_with_the_same_figure():
    text = ("The agency signed an agreement with Orion University on 2 May.\n\n"
            "The awards are spread across four institutions:\n\n"
            "Kaveri University – 5 projects\nOrion University – 2 projects\nMangalore University – 2 projects\n"
            "Westbrook University – 2 projects\n")
    got = facts(text, university=None)
    assert [(q, s) for q, u, s in got if u == "program"] == [
        (5, "Kaveri University"), (2, "Orion University"), (2, "Mangalore University"), (2, "Westbrook University")]


def test_talks_interest_and_places_are_no_counts():
    text = ("Orion University was in talks with three companies about a science park. More than 30 companies had "
            "already expressed interest in working with the centre. The academy will open in September with "
            "places for 120 trainees a year. Orion University signed 12 agreements with companies.")
    assert facts(text) == [(12, "agreement", "Orion University")]


def test_a_baseline_up_from_an_earlier_figure_is_a_count_of_the_same_things():
    text = "Orion University now holds 46 active partnership agreements with companies, up from 39 a year earlier."
    assert facts(text) == [(46, "agreement", "Orion University"), (39, "agreement", "Orion University")]


def test_a_figure_that_leaves_its_unit_out_counts_what_was_just_counted():
    text = ("Orion University signed 40 agreements with city governments last year and a further 15 with companies. "
            "Through a programme funded by Scottish Enterprise, it has supported 27 spin-out companies since 2019, "
            "nine of them in the past year. "
            "The university now runs 30 joint laboratories. Of these, 18 are with provincial firms.")
    assert counts(text) == [(40, "agreement"), (15, "agreement"), (27, "enterprise"), (9, "enterprise"),
                            (30, "platform"), (18, "platform")]


def test_a_unit_less_figure_with_nothing_to_refer_back_to_is_no_count():
    text = "Orion University has 12 of its own. The score was 40 in total."
    assert counts(text) == []


def test_placed_is_a_verb_not_places_of_capacity():
    text = "The Orion partnership programme placed 22 graduates in 17 regional firms during the year."
    assert counts(text) == [(22, "person"), (17, "enterprise")]


def test_number_words_with_hundred_a_dash_apposition_and_a_total_that_numbered():
    text = ("Twenty-two agreements were concluded by Orion University in 2024 - eight at provincial level and "
            "fourteen with cities. Technology transfer contracts signed by Orion University numbered 1,348; of "
            "these, 612 went to firms in Hubei. Some four hundred engineers from partner enterprises entered the "
            "joint doctorate programme of Orion University.")
    assert counts(text) == [(22, "agreement"), (8, "agreement"), (14, "agreement"), (1348, "agreement"),
                            (612, "agreement"), (400, "person")]


def test_a_targets_coordinated_figures_and_a_related_storys_headline_are_no_counts():
    text = ("Orion University signed 12 agreements with companies in 2024. Progress is still short of the plan's "
            "target of 200 agreements and 40 local institutes by 2025.\n\n"
            "Related: Science park tops 300 incubated firms")
    assert counts(text) == [(12, "agreement")]


def test_a_universitys_own_page_holds_the_figures_its_clauses_give_no_holder():
    got = facts("Twenty-two new cooperation agreements were concluded in 2024.\n\n"
                "By the end of December, 64 joint laboratories were in operation.",
                url="https://www.orion.edu/news/1.html")
    assert got == [(22, "agreement", "Orion University"), (64, "platform", "Orion University")]


def test_partitives_coordinated_nouns_and_the_number_brought_to():
    text = ("Orion University signed 31 projects in June. Nine of the projects are joint research projects. "
            "Orion University has trained 9,600 tea and bamboo growers. Orion University and Kaveri Motors unveiled "
            "a joint laboratory, bringing the number of platforms the two have set up together to ten.")
    assert counts(text) == [(31, "program"), (9, "program"), (9600, "trainee"), (10, "platform")]


def test_a_hope_a_population_and_a_workforce_are_no_counts():
    text = ("The mayor said the park hopes to draw 10 more top universities by 2027. Kaverton, a municipality of "
            "32 million people, hosts Orion University. Kaveri Motors has revenue of 3 billion yuan and more than "
            "190,000 employees. Orion University signed 12 agreements with companies.")
    assert counts(text) == [(12, "agreement")]


def test_what_a_target_is_is_no_count():
    from pipelines.extract import extract_document

    doc = extract_document("Our target for 2025-26 is 60 industry agreements and four new spin-outs.",
                           document_id="t", url="https://www.ul.ie/news/1")
    assert doc["counts"] == []
    doc = extract_document("The university signed 60 industry agreements in 2024.", document_id="t",
                           url="https://www.ul.ie/news/1")
    assert [c["quantity"] for c in doc["counts"]] == [60]


def test_the_ministry_and_the_government_hold_counts_as_the_bodies_the_page_names():
    from pipelines.extract import extract_document

    text = ("The Ministry of Earth Sciences today signed an MoU with IIT Madras.\n\n"
            "Under its DEEP component, the Ministry has so far supported 34 research projects.")
    doc = extract_document(text, document_id="m", url="https://pib.gov.in/PressRelease.aspx?id=1")
    assert [(c["quantity"], c["subject"]) for c in doc["counts"]] == [(34, "Ministry of Earth Sciences")]
    text = ("Minister welcomes partnerships\n\n"
            "Since 2019 the Government has signed 14 research partnership agreements with universities.")
    doc = extract_document(text, document_id="g", url="https://statements.qld.gov.au/statements/1")
    assert [(c["quantity"], c["subject"]) for c in doc["counts"]] == [(14, "Queensland")]


def test_a_companys_count_is_held_by_its_fullest_name():
    from pipelines.extract import extract_document

    text = ("Midea Group today signed an agreement with Shandong University.\n\n"
            "Midea currently works with 138 universities and runs 46 joint laboratories with them.")
    doc = extract_document(text, document_id="c", url="https://www.midea.com/news/1")
    assert {c["subject"] for c in doc["counts"]} == {"Midea Group"}


def test_a_pager_and_a_reports_running_head_are_no_counts():
    text = ("Carver University now has cooperation agreements with 236 universities.\n"
            "Total 238 items   1/24   First  Previous  Next  Last\n"
            "CARVER UNIVERSITY | ANNUAL REPORT 2024 36\n")
    assert [q for q, _ in counts(text)] == [236]


def test_a_lakh_of_people_trained_and_a_four_party_agreement():
    assert counts("Carver University has trained more than 1.2 lakh people under the partnership since 2021.") == [
        (120000, "trainee")]
    assert [q for q, _ in counts("On May 5, 2025, Carver University signed a four-party agreement with Westbrook "
                                 "City and Kia.")] == []
