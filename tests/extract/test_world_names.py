"""Names from outside the English-speaking world, on sentences written for these tests (one rule each): accented
letters, universities under their own language's name, states and counties by their governments' names, a
company introduced by its trade, and currencies."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url=None, **kw):
    return extract_document(text, document_id="w", url=url, **kw)


def pairs(text, **kw):
    return {(a["university"], a["partner"], a["partner_type"]) for a in run(text, **kw)["agreements"]}


def test_accented_names_are_whole_names():
    got = pairs("On May 5, 2025, Universidad de Sonora signed a collaboration agreement with Grupo Bimbo S.A.B. and "
                "the Jalisco state government.")
    assert ("Universidad de Sonora", "Jalisco", "province") in got
    assert all("Sonora" in u for u, _, _ in got)


def test_universities_named_in_their_own_language_are_universities():
    for name in ("Université Grenoble Alpes", "Politecnico di Torino", "Technische Universität Westbrook",
                 "Universiti Teknologi Malaysia", "Tecnológico de Monterrey", "Universidade Federal do Ceará"):
        got = pairs(f"On May 5, 2025, {name} signed a research agreement with Carver Motors Ltd.")
        assert (name, "Carver Motors Ltd", "enterprise") in got, (name, got)


def test_a_state_government_is_the_state_by_its_bare_name():
    got = pairs("On May 5, 2025, Universiti Teknologi Malaysia and the Johor state government sealed a memorandum of "
                "agreement.")
    assert got == {("Universiti Teknologi Malaysia", "Johor", "province")}


def test_the_county_government_of_x_is_x_county():
    got = pairs("On May 5, 2025, the University of Nairobi signed an MoU with the County Government of Kiambu.")
    assert got == {("University of Nairobi", "Kiambu County", "county")}


def test_a_one_word_company_introduced_by_its_trade_is_a_company():
    got = pairs("On May 5, 2025, Tecnológico de Monterrey signed an agreement with steelmaker Ternium.")
    assert got == {("Tecnológico de Monterrey", "Ternium", "enterprise")}


def test_kenyan_shillings_are_money_and_name_nobody():
    text = ("The University of Nairobi and the County Government of Kiambu signed an MoU on May 5, 2025.\n\n"
            "The county will provide KSh 25 million for the programme.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["currency"], f["funder"]) == (25_000_000, "KES", "Kiambu County")


# ------------------------------------------------------------------ signings told the way wires and councils tell them

def test_a_capitals_place_and_a_colon_open_the_story_and_name_nobody():
    text = ("IIT-B signs MoUs\n\nMUMBAI: Westbrook University on Friday exchanged memoranda of understanding with the "
            "Carver Pollution Control Board.")
    got = pairs(text, url="https://www.example-news.in/2023/11/25/story.html")
    assert got == {("Westbrook University", "Carver Pollution Control Board", "other")}


def test_put_pen_to_paper_is_signing_and_a_terms_end_is_no_date():
    text = ("Published: 14 January 2025\n\n"
            "The University of Sheffield and Sheffield City Council have put pen to paper on a civic partnership "
            "agreement that will run until 2030.")
    got = run(text)["agreements"]
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("The University of Sheffield", "Sheffield City", None)]


def test_a_city_and_a_prefecture_of_one_name_are_two_partners():
    from pipelines.extract.names import same_entity

    assert not same_entity("Fukuoka Prefecture", "Fukuoka City")
    got = pairs("On October 28, 2024, Kyushu University, Fukuoka Prefecture and Fukuoka City signed a tripartite "
                "agreement.")
    assert got == {("Kyushu University", "Fukuoka Prefecture", "prefecture"), ("Kyushu University", "Fukuoka City", "city")}


def test_bodies_listed_after_a_government_partner_are_partners_too():
    got = pairs("On May 3, 2024, Westbrook University exchanged memoranda of understanding with the Carver state "
                "government, the Carver Pollution Control Board (CPCB) and three companies.")
    assert {p for _, p, _ in got} == {"Carver", "Carver Pollution Control Board"}


def test_pacts_inked_without_a_signer_named_are_the_pages_universitys():
    text = ("Westbrook University signed three agreements on Friday.\n\n"
            "The three industry pacts were inked with Larsen & Toubro, with Godrej & Boyce and with Carver Motors Ltd.")
    got = {(a["university"], a["partner"], a["partner_type"]) for a in run(text)["agreements"]}
    assert ("Westbrook University", "Larsen & Toubro", "enterprise") in got
    assert ("Westbrook University", "Godrej & Boyce", "enterprise") in got
    # ... while a company's deal with a company stays out
    assert run("Carver Motors Ltd signed an agreement with Larsen & Toubro on May 3, 2024.")["agreements"] == []


def test_an_abbreviation_that_is_no_initials_names_the_whole_name_before_it():
    from pipelines.extract.doc_context import build_context

    ctx = build_context("Busan Metropolitan City, Pusan National University and Korea Electric Power Corporation "
                        "(KEPCO) signed. The French Alternative Energies and Atomic Energy Commission (CEA) joined.",
                        None)
    assert ctx.aliases["KEPCO"][0] == "Korea Electric Power Corporation"
    assert ctx.aliases["CEA"][0] == "French Alternative Energies and Atomic Energy Commission"


def test_a_year_the_pages_signing_falls_in_does_not_hide_that_signing():
    text = ("Westbrook University on Friday signed an agreement with the Carver state government.\n\n"
            "The agreement was signed with Carver Motors Ltd as well.\n\n"
            "The university has signed 41 MoUs in 2023.")
    got = run(text, url="https://www.example-news.in/2023/11/25/story.html")["agreements"]
    assert {(a["partner"], a["date"]) for a in got} == {("Carver", "2023-11"), ("Carver Motors Ltd", "2023-11")}


def test_at_the_same_ceremony_is_the_day_told_before():
    text = ("On May 15, 2024, Central South University signed a strategic agreement with Yueyang City.\n\n"
            "At the same ceremony, the university concluded a talent training agreement with the Yueyang Economic "
            "and Technological Development Zone.\n\n"
            "On the same day, the university renewed its agreement with Carver Motors Ltd, first signed in 2019.")
    got = {(a["partner"], a["date"]) for a in run(text)["agreements"]}
    # (the first signing the renewal recalls is a row of its own: test_party_kinds.py)
    assert got == {("Yueyang City", "2024-05-15"), ("Yueyang Economic and Technological Development Zone", "2024-05-15"),
                   ("Carver Motors Ltd", "2024-05-15"), ("Carver Motors Ltd", "2019")}


# ------------------------------------------------------------------ a university's record of milestones

MILESTONES = ("Our partnerships\n\n"
              "The University of Westbrook works with councils and businesses.\n\n"
              "Partnership milestones\n\n"
              "2017 - Signed a memorandum of understanding with City of Carver to develop a smart city\n"
              "2019 - Entered into a five-year research agreement with Ausgrid on community batteries\n"
              "2021 - MoU with City of Carver renewed for a further five years\n"
              "2022 - Concluded a collaboration agreement with CSIRO on hydrogen\n")


def test_rows_of_a_record_that_open_with_their_verb_are_the_pages_universitys_and_dated_by_their_year():
    got = run(MILESTONES, university="University of Westbrook")["agreements"]
    assert {(a["university"], a["partner"], a["date"]) for a in got} == {
        ("University of Westbrook", "Carver City", "2017"), ("University of Westbrook", "Ausgrid", "2019"),
        ("University of Westbrook", "Carver City", "2021"), ("University of Westbrook", "CSIRO", "2022")}


def test_a_companys_own_deal_in_such_a_record_needs_a_signer():
    assert run("Carver Motors signed an agreement with Ausgrid in 2019.", university="University of Westbrook")[
        "agreements"] == []


def test_the_city_owned_utility_is_no_reference_to_the_city():
    text = ("Westbrook University and the City of Carver signed an agreement on May 3, 2024.\n\n"
            "Westbrook University also signed a research memorandum with Carver Energy, the city-owned utility, "
            "in 2021.")
    got = {(a["partner"], a["date"]) for a in run(text)["agreements"]}
    assert ("Carver Energy", "2021") in got and ("Carver City", "2021") not in got


def test_pinyin_is_read_only_from_real_syllables():
    from pipelines.extract.places import is_pinyin, place_name

    assert place_name("San Antonio") == "San Antonio" and place_name("Ma Anshan") == "Maanshan"
    assert not is_pinyin("Antonio") and not is_pinyin("Paulo") and is_pinyin("Luoyang") and is_pinyin("Bozhou")


def test_a_name_the_page_abbreviates_is_one_body_whatever_its_and():
    text = ("On May 28, 2024, the University of Nairobi and the Kenya Agricultural and Livestock Research "
            "Organization (KALRO) renewed their collaboration agreement.")
    assert pairs(text) == {("University of Nairobi", "Kenya Agricultural and Livestock Research Organization",
                            "other")}


def test_a_citys_rank_is_no_part_of_its_name():
    got = pairs("On September 10, 2024, Busan Metropolitan City and Pusan National University signed an agreement.")
    assert got == {("Pusan National University", "Busan City", "city")}


def test_a_published_line_with_its_weekday_dates_the_page():
    from pipelines.parse.dates import date_from_line

    assert date_from_line("Published on Wednesday, May 14, 2025") == "2025-05-14"


# ------------------------------------------------------------------ money and counts abroad

def test_pesos_with_their_stated_dollars_are_one_amount():
    from pipelines.extract.money import find_money

    [m] = find_money("The state will invest 180 million pesos (about US $9.3 million) in the centre.")
    assert (m.amount, m.currency, m.usd_stated) == (180_000_000, "MXN", 9_300_000)


def test_a_labs_total_budget_and_money_under_the_mou_are_funding_but_foreign_investment_is_not():
    text = ("On March 18, 2025, Université Grenoble Alpes and STMicroelectronics opened the NanoSecure Lab.\n\n"
            "The laboratory has a total budget of €24 million over five years.\n\n"
            "Carver County has set aside KSh 25 million in its budget for activities under the MoU.\n\n"
            "The state attracted US $8.9 billion in foreign direct investment last year.\n\n"
            "A planned gigafactory with an estimated investment of US $5 billion remains on hold.")
    got = {(f["amount"], f["currency"], f["kind"]) for f in run(text)["funding"]}
    assert got == {(24_000_000, "EUR", "program_value"), (25_000_000, "KES", "commitment")}


def test_one_of_the_ten_and_enterprises_above_designated_size_are_no_counts():
    text = ("Westbrook University, one of the 10 flagship national universities, signed agreements with 12 "
            "companies.\n\n"
            "Carver City, with more than 12,000 industrial enterprises above designated size, cooperates with it.")
    assert [(c["quantity"], c["unit"]) for c in run(text)["counts"]] == [(12, "enterprise")]


def test_an_acronym_opening_the_pages_university_name_is_that_university():
    text = ("RWTH Aachen University works with industry.\n\n"
            "On February 4, 2025, RWTH and Ford-Werke GmbH renewed their framework agreement for another five years.")
    got = pairs(text, university="RWTH Aachen University")
    assert got == {("RWTH Aachen University", "Ford-Werke GmbH", "enterprise")}


def test_a_multinationals_country_arm_is_a_company():
    got = pairs("On August 6, 2024, Universiti Teknologi Malaysia exchanged memoranda of understanding with Intel "
                "Malaysia and the Johor state government.")
    assert ("Universiti Teknologi Malaysia", "Intel Malaysia", "enterprise") in got


def test_a_title_case_headline_name_stops_before_its_verb():
    from pipelines.extract.names import build_context, find_mentions

    s = "Westbrook University and Carver Robotics Corporation Sign Research Agreement"
    names = [m.text for m in find_mentions(s, build_context(s, None))]
    assert "Carver Robotics Corporation" in names


def test_an_observatory_set_up_together_is_a_platform():
    text = ("The University of Sheffield and Sheffield City Council set up the Sheffield Heat Transition Observatory "
            "on January 10, 2025.")
    got = {(p["name"], p["platform_type"], p["partner"]) for p in run(text)["platforms"]}
    assert got == {("Sheffield Heat Transition Observatory", "other", "Sheffield City")}


def test_a_deal_signed_between_two_other_bodies_is_not_the_pages_universitys():
    text = ("Westbrook University news.\n\n"
            "The agreement was signed between Carver City and Daehan Motors Ltd on May 3, 2024.")
    assert run(text, university="Westbrook University")["agreements"] == []


def test_a_zones_administrative_committee_is_the_zone():
    from pipelines.extract import extract_document
    text = ("Orion University and the Administrative Committee of Changchun New Area signed an agreement on 3 May. "
            "Kaveri University signed an agreement with the Suzhou Industrial Park Administrative Committee on 4 May.")
    got = extract_document(text, document_id="p", url="https://www.example.edu/news/1.html")["agreements"]
    assert {(a["partner"], a["partner_type"]) for a in got} == {
        ("Changchun New Area", "development_zone"), ("Suzhou Industrial Park", "development_zone")}


def test_a_broken_reference_table_stops_extraction_with_its_file_and_line(tmp_path, monkeypatch):
    """Extracting without the places table would record wrong parties, not fewer: the error names the table."""
    import pytest

    from pipelines.extract import extract_document
    from pipelines.reference import ReferenceDataError
    from pipelines.reference import divisions

    bad = tmp_path / "states.csv"
    bad.write_text("name,country,aliases,source\nOhio,US,,iso-3166-2:US\nnew york,US,,iso-3166-2:US\n")
    monkeypatch.setattr(divisions, "STATES_PATH", bad)
    divisions.DivisionIndex.default.cache_clear()
    try:
        with pytest.raises(ReferenceDataError, match=r"states.csv:3"):
            extract_document("Orion University signed an agreement with Kaveri City on 3 May.", document_id="p",
                             url="https://www.example.edu/news/1.html")
    finally:
        monkeypatch.undo()
        divisions.DivisionIndex.default.cache_clear()


def test_german_and_malaysian_states_are_bare_names_of_type_province():
    from pipelines.extract import extract_document
    text = ("The State of Baden-Württemberg, the Karlsruhe Institute of Technology (KIT) and the University of "
            "Stuttgart signed a grant agreement on 4 February 2025. Universiti Teknologi Malaysia (UTM) and the Johor "
            "state government sealed a memorandum of agreement on 20 August 2024.")
    got = {(a["university"], a["partner"], a["partner_type"]) for a in extract_document(
        text, document_id="p", url="https://www.example.org/news/1.html")["agreements"]}
    assert {("Karlsruhe Institute of Technology", "Baden-Württemberg", "province"),
            ("University of Stuttgart", "Baden-Württemberg", "province"),
            ("Universiti Teknologi Malaysia", "Johor", "province")} <= got


def test_a_nigerian_state_government_is_the_state_and_a_local_government_council_its_district():
    got = pairs("On May 5, 2025, the University of Westbrook signed an MoU with the Ogun State Government. On the "
                "same day the University of Westbrook signed an MoU with Ado-Odo Local Government Council.")
    assert ("University of Westbrook", "Ogun", "province") in got
    assert ("University of Westbrook", "Ado-Odo District", "district") in got


def test_a_state_by_the_initials_its_press_uses():
    got = pairs("On May 5, 2025, the NSW Government signed a partnership agreement with the University of Westbrook.")
    assert got == {("University of Westbrook", "New South Wales", "province")}


def test_an_indian_municipal_corporation_is_the_city():
    got = pairs("On May 5, 2025, IIT Westbrook signed an MoU with the Nagpur Municipal Corporation on smart roads.")
    assert {(p, t) for _, p, t in got} == {("Nagpur City", "city")}


def test_a_hindi_university_name_ends_in_its_word_for_university():
    got = pairs("On May 5, 2025, Westbrook Krishi Vishwavidyalaya signed an MoU with Carver Seeds Ltd.")
    assert got == {("Westbrook Krishi Vishwavidyalaya", "Carver Seeds Ltd", "enterprise")}


def test_an_event_is_never_a_party():
    got = pairs("The second day of the Westbrook Investors Summit on May 5, 2025 saw an MoU signed by the University "
                "of Westbrook with Carver Motors Ltd.")
    assert all("Summit" not in p for _, p, _ in got), got


def test_a_german_universitys_listed_name_as_english_pages_write_it():
    got = pairs("On May 5, 2025, Otto von Guericke University Magdeburg signed a cooperation agreement with Carver "
                "Motors Ltd.")
    assert got == {("Otto-von-Guericke Universität Magdeburg", "Carver Motors Ltd", "enterprise")}


def test_a_vietnamese_peoples_committee_is_its_city():
    got = pairs("On May 5, 2025, the University of Danang and the People's Committee of Hue City signed a "
                "memorandum of agreement.")
    assert got == {("University of Danang", "Hue City", "city")}
