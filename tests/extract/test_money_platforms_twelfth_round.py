"""Money and platforms of the twelfth round; each rule on sentences written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url="https://www.example.com/news/2025/05/1.html", published="2025-05-06"):
    return extract_document(text, document_id="n", url=url, published=published)


def amounts(text, **kw):
    return [f["amount"] for f in run(text, **kw)["funding"]]


def test_money_of_a_signing_between_bodies_none_of_them_a_university_is_no_funding():
    page = ("Hale City signed a strategic cooperation agreement with Carver University, under which the city will "
            "invest 20 million yuan in a joint institute; Orbis Group and the Hale Zone Management Committee signed an "
            "investment agreement on a 5 billion yuan battery plant; and Lukou District signed a 1.2 billion yuan "
            "drone project with a Shenzhen company.")
    assert amounts(page) == [20_000_000]


def test_contracts_a_university_signed_with_named_partners_keep_their_value():
    # the signers come after the verb: the university's own contracts, told in the passive
    page = ("Carver University | Annual report\n\nIn 2024 framework agreements were concluded with Hale City and "
            "Westbrook County, and 1,416 technology contracts were signed with enterprises, worth a combined 742 "
            "million yuan.")
    assert amounts(page, url="https://www.example.edu/report") == [742_000_000]


def test_a_threshold_for_each_of_a_class_is_no_sum_but_a_yearly_amount_is():
    assert amounts("Carver University signed 1,200 contracts with firms; of these, 214 were worth more than 1 million "
                   "yuan each.") == []
    got = run("Under the agreement, Hale City will raise at least 100 million yuan each year for joint projects with "
              "Carver University.")["funding"]
    assert [(f["amount"], f["per"]) for f in got] == [(100_000_000, "year")]


def test_a_body_named_by_two_nations_is_a_joint_platform_not_a_university():
    page = ("The Chinese-Canadian University College (CCUC) was founded by Carver University and the Westbrook "
            "Exchange Service in 1998.")
    got = run(page)["platforms"]
    assert [(p["platform_type"], p["university"], p["partner"], p["date"]) for p in got] == [
        ("college", "Carver University", "Westbrook Exchange Service", "1998")]
    assert run(page)["agreements"] == []


def test_a_campus_named_by_two_nations_is_a_platform_and_any_other_campus_is_not():
    got = run("The Sino-Italian Campus, set up with Politecnico di Milano in 2006, offers eight double degree "
              "programs.", url="https://www.example.edu/cooperation")["platforms"]
    assert [(p["name"], p["date"]) for p in got] == [("Sino-Italian Campus", "2006")]
    assert run("The Hale Campus, set up with Politecnico di Milano in 2006, offers eight programs.")["platforms"] == []


def test_rupees_on_a_pakistani_page_are_pakistani_rupees():
    got = run("Under the MoU, Orbis Telecom will set up a lab at Carver University with equipment worth Rs. 25 million.",
              url="https://www.carver.edu.pk/news/1")["funding"]
    assert [(f["amount"], f["currency"]) for f in got] == [(25_000_000, "PKR")]
    got = run("Under the MoU, Orbis Telecom will set up a lab at Carver University with equipment worth Rs. 25 million.",
              url="https://www.carver.ac.in/news/1")["funding"]
    assert [f["currency"] for f in got] == ["INR"]


def test_wages_and_placement_offers_are_no_funding():
    assert amounts("Associates are paid between £30,000 and £36,000 a year.") == []
    assert amounts("1,870 students were placed in campus recruitment, with a highest offer of ₹48 lakh per annum.") == []


def test_a_row_naming_a_university_and_a_locality_is_a_platform_of_the_two_dated_by_its_row():
    page = ("Some of the platforms co-built by Yantai and universities:\n\n"
            "China Agricultural University Yantai Apple Industry Institute – research institute – 2023\n"
            "Tianjin University Yantai Chemical Pilot-Scale Base – pilot base – 2024\n")
    got = run(page, url="https://english.news.cn/2025/1.htm")["platforms"]
    assert [(p["university"], p["partner"], p["date"]) for p in got] == [
        ("China Agricultural University", "Yantai City", "2023"), ("Tianjin University", "Yantai City", "2024")]
