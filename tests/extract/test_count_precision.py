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
