"""Counts met on the tenth round's pages (tune6-tune9): a part of a whole named with a possessive, "with all N",
an MoU tally after "has", a subset opened by "Of the contracts,". Each rule on sentences written for these tests."""

from __future__ import annotations

from pipelines.extract import extract_document


def counts(text, url="https://en.carver.edu.cn/info/1.htm", published="2024-05-01"):
    return [(c["quantity"], c["unit"]) for c in extract_document(text, document_id="n", url=url,
                                                                   published=published)["counts"]]


def test_a_part_of_a_places_whole_is_counted():
    assert counts("Carver University has concluded cooperation agreements with nine of Westbrook's 14 "
                  "prefecture-level cities.")[0][0] == 9


def test_a_part_named_by_an_adjective_is_no_count():
    assert counts("Two of Westbrook's leading universities will pool scientists and money for the test field.") == []


def test_agreements_with_all_n_places_are_counted():
    assert [q for q, _ in counts("Since 2019, Carver University has signed cooperation agreements with all 11 "
                                 "cities of Westbrook.")] == [11]


def test_a_tally_of_mous_a_university_has_is_counted():
    assert counts("The Vice-Chancellor said the University now has 12 active MoUs with state governments.") == [
        (12, "agreement")]


def test_a_subset_opened_by_of_the_contracts_counts_what_the_sentence_before_counted():
    got = counts("Universities in Westbrook signed 3,418 technology contracts with enterprises in 2023. Of the "
                 "contracts, 2,045 were signed with enterprises within the province.")
    assert got == [(3418, "agreement"), (2045, "agreement")]


def test_three_party_without_a_hyphen_describes_the_agreement():
    assert counts("Our district, Carver University and Westbrook Automobile signed three party cooperation "
                  "agreement on May 5, 2025.") == []


def test_an_indian_grouped_figure_is_read_whole():
    assert counts("TASK has trained 1,20,000 engineering students in collaboration with partner colleges.",
                  url="https://www.telangana.gov.in/news/1.html")[0] == (120000, "trainee")


def test_a_second_conjunct_of_trained_people_is_trainees_too():
    assert counts("By the end of 2023, Carver University had trained 5,200 grassroots cadres and 4,600 technicians "
                  "in Westbrook.") == [(5200, "trainee"), (4600, "trainee")]


def test_workstations_a_university_has_are_cooperation():
    assert counts("We also have 41 graduate workstations in local enterprises.") == [(41, "workstation")]


def test_a_part_of_a_whole_named_with_its_figure_counts_what_the_whole_counts():
    got = counts("Carver University signed 1,347 contracts in 2023. Of the 1,347 contracts signed in 2023, 486 were "
                 "with enterprises in Westbrook.")
    assert (486, "agreement") in got


def test_a_figure_after_reached_counts_its_clauses_subject():
    assert counts("The Carver Institute's incubated enterprises have reached 63.") == [(63, "enterprise")]


def test_a_sum_of_money_after_reached_is_no_count():
    assert counts("Carver University's research funding reached 300 million yuan.") == []


def test_people_a_cooperation_will_train_are_a_plan():
    assert counts("The Carver hub will train 12 PhD students and five postdoctoral researchers.") == []


def test_a_goal_to_train_is_a_target():
    assert counts("The Carver consortium's stated goal is to train 500 engineers and technicians by 2030.") == []


def test_what_a_new_body_will_bring_together_is_counted():
    got = counts("Carver University and Westbrook Steel signed an agreement on May 5, 2025. The Carver Steel Centre "
                 "will bring together 11 companies from the region.")
    assert (11, "enterprise") in got


def test_a_student_body_a_university_hosts_is_its_size():
    assert counts("Carver University currently hosts more than 1,300 international students.") == []


def test_students_a_company_has_hosted_for_training_are_counted():
    assert counts("Westbrook Motors has hosted 230 Carver University field-training students over the past three "
                  "years.")[0][0] == 230


def test_bodies_a_place_hosts_are_counted():
    assert counts("Westbrook's Science and Education Town now hosts 11 such institutes.") == [(11, "platform")]


def test_members_a_body_represents_and_representatives_of_universities_are_no_counts():
    assert counts("The association, which represents more than 1,000 manufacturers, welcomed the proposals.") == []
    assert counts("The Governor met with representatives of 46 universities.") == []


def test_a_figure_after_a_possessive_names_the_parties():
    assert counts("Westbrook's three universities have put their names to a civic agreement with Westbrook City "
                  "Council.") == []


def test_a_tables_number_and_a_sections_number_are_no_counts():
    assert counts("Table 1 Industry-funded research contracts, January-September 2023") == []
    assert counts("7.05 School-enterprise joint R&D platforms (cumulative)") == []


def test_industrial_projects_signed_at_an_investment_conference_are_no_partnership():
    text = ("Sixteen projects, with a planned investment totaling 21.4 billion yuan, were signed on September 20 at the "
            "autumn investment promotion conference of the Westbrook zone.")
    assert counts(text) == []
    assert extract_document(text, document_id="n", url="https://www.westbrook.gov.cn/1.html",
                            published="2023-09-21")["funding"] == []


def test_projects_a_university_signs_at_an_investment_conference_stay_counted():
    assert counts("At the investment promotion conference, Carver University signed 12 research projects with "
                  "Westbrook companies.")[0][0] == 12


def test_a_figure_in_digits_after_a_possessive_is_a_tally():
    assert counts("Carver University's 21 local research institutes were co-built with city governments.")[0][0] == 21
