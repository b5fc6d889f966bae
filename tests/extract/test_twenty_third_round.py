"""Rules of the twenty-third round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from tests.extract.page_facts import facts


def test_words_of_a_platforms_name_that_read_as_a_company_name_no_company_of_their_own():
    # "the NWPU-ZTE Future Materials Joint Institute": "ZTE Future" reads as a company inside the platform's name,
    # but the page names the company "ZTE" everywhere else; the agreement, the institute's partner and the funder
    # are "ZTE"
    page = ("On June 3, ZTE and Northwestern Polytechnical University signed an agreement in Xi'an to jointly "
            "establish the NWPU-ZTE Future Materials Joint Institute. ZTE will invest 50 million yuan per year in the "
            "institute for five years.\n")
    doc = extract_document(page, document_id="p", url="https://en.nwpu.edu.cn/news/1.html", published="2024-06-04")
    assert [a["partner"] for a in doc["agreements"]] == ["ZTE"]
    assert [(p["name"], p["partner"]) for p in doc["platforms"]] == [
        ("NWPU-ZTE Future Materials Joint Institute", "ZTE")]
    assert [f["funder"] for f in doc["funding"]] == ["ZTE"]


def test_a_university_then_a_comma_and_a_company_is_a_list_of_signers_not_a_campus():
    # "Purdue University" has campuses the table lists ("Purdue University Northwest"); a comma followed by a word
    # the table does not list as a campus starts the next signer
    page = ("Purdue University, Allison Transmission Inc. and the Indiana Department of Workforce Development signed "
            "a memorandum of understanding on May 8 to train electric drivetrain technicians.\n")
    rows = facts(page, "agreements", url="https://www.purdue.edu/newsroom/1.html", published="2024-05-10")
    assert {a["university"] for a in rows} == {"Purdue University"}
    assert {a["partner"] for a in rows} >= {"Allison Transmission Inc", "Indiana Department of Workforce Development"}


def test_names_after_an_officials_title_are_persons_never_parties():
    # "by Principal Iain Gillespie and Councillor John Alexander": two persons the parse reads as one name
    page = ("The University of Dundee and Dundee City Council renewed their partnership agreement on Tuesday.\n\n"
            "The agreement was signed at the university's Fleming Centre by Principal Iain Gillespie and Councillor "
            "John Alexander, Leader of Dundee City Council.\n\n"
            "Under the renewed agreement the three partners will commit a combined £2 million over four years.\n")
    rows = facts(page, "agreements", url="https://www.dundee.ac.uk/news/2024/x", published="2024-10-14")
    assert [(a["university"], a["partner"]) for a in rows] == [("University of Dundee", "Dundee City")]


def test_a_body_after_a_title_modifier_stays_a_body():
    # (a negative control, passes before the rule too: "General" opens "the General Assembly", a body's name, not a
    # person's title, so the funder is kept; that it is read as "Assembly" is a known weakness, docs/extraction.md)
    page = ("The General Assembly has set aside $1.2 million a year for the Coastal Resilience Center that East "
            "Carolina University and Pitt County opened on May 2.\n")
    funding = facts(page, "funding", url="https://news.ecu.edu/2024/05/03/x", published="2024-05-03")
    assert [f["amount"] for f in funding] == [1200000]
    assert funding[0]["funder"] is not None


def test_undated_renewal_takes_the_news_signing_not_the_original_one():
    # the page reports a renewal signed "on Tuesday" (the publication month) and recalls the original MoU of
    # March 2018: the sentence that names the renewal's sides, undated, is the news
    page = ("Posted on 14 October 2024\n\n"
            "The University of Dundee and Dundee City Council have extended the memorandum of understanding that "
            "underpins the city's waterfront innovation programme.\n\n"
            "The extended MoU was signed at the university on Tuesday. It follows the first MoU, which the two "
            "organisations signed in March 2018.\n")
    rows = facts(page, "agreements", url="https://www.dundee.ac.uk/news/2024/x", published="2024-10-14")
    assert ("Dundee City", "2024-10") in [(a["partner"], a["date"]) for a in rows]


def test_a_headline_renewing_a_laboratory_sets_up_no_platform():
    page = ("Haier and Ocean University of China Renew Joint Laboratory for a Second Term\n\n"
            "On May 6, Haier Group and Ocean University of China renewed their agreement on the Haier-OUC Joint "
            "Laboratory of Marine Appliances, which was set up in 2016.\n")
    names = [p["name"] for p in facts(page, "platforms", url="https://en.ouc.edu.cn/news/1.html",
                                       published="2024-05-08")]
    assert names == ["Haier-OUC Joint Laboratory of Marine Appliances"]
