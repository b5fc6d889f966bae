"""Rules of the twenty-second round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from tests.extract.page_facts import facts


def test_a_table_of_two_years_gives_one_count_per_year_from_the_rows_labels():
    # "Indicator | 2023 | 2022": each year's figure is a count of what the row's label names (not only the last)
    page = ("Key figures\n\nThe Technology Transfer Office of Ghent University reports its figures.\n\n"
            "Indicator | 2023 | 2022\nResearch contracts signed with industry | 318 | 296\n"
            "New joint laboratories | 9 | 7\n")
    got = facts(page, "counts", url="https://www.ugent.be/en/research/ttk/figures.htm", published="2024-04-02")
    assert sorted((c["quantity"], c["unit"]) for c in got) == [
        (7, "platform"), (9, "platform"), (296, "agreement"), (318, "agreement")]


def test_a_column_of_targets_gives_no_count_and_a_row_of_money_under_a_year_is_funding():
    # "Item | 2023 | Target for 2025": the target column is a plan (no count); a row whose label names money
    # ("Value of technology contracts (billion yuan)") is an amount of that year
    page = ("Hunan province-university cooperation\n\nMain indicators (2023)\n"
            "Item | 2023 | Target for 2025\nNew joint R&D platforms | 41 | 100\nProfessionals trained | 8,200 | 20,000\n"
            "Value of technology contracts (billion yuan) | 3.2 | 6\n")
    doc = extract_document(page, document_id="p", url="http://english.hunan.gov.cn/news/2024/1.html",
                           published="2024-02-01")
    assert sorted((c["quantity"], c["unit"]) for c in doc["counts"]) == [(41, "platform"), (8200, "person")]
    assert [(f["amount"], f["currency"], f["kind"], f["date"]) for f in doc["funding"]] == [
        (3200000000, "CNY", "contract_value", "2023")]


def test_bodies_present_as_observers_or_witnessing_are_no_parties_of_a_signing_between_others():
    # two government bodies sign; the universities only attend ("with A and B present as observers", "which the
    # University's Deputy Vice-Chancellor witnessed"): no agreement of theirs, and no agreement of the page's own
    # university either
    page = ("Soil research base opens\n\nJilin Agricultural University opened a soil research base with Siping City on "
            "May 8, 2024.\n\nAt the same event, the Jilin Provincial Department of Agriculture and the Siping "
            "municipal government signed a responsibility letter on soil conservation, with Jilin Agricultural "
            "University and the Jilin Academy of Agricultural Sciences present as observers.\n\n"
            "Later, the Jilin Provincial Department of Science and Technology and Siping City signed a separate "
            "framework on seed breeding, which the University's vice-president witnessed.\n")
    got = facts(page, "agreements", url="https://en.jlau.edu.cn/news/1.html", published="2024-05-10")
    assert got == []


def test_a_body_the_agreement_sets_up_is_no_side_of_it():
    # "The X Center was set up under a tripartite agreement signed by A, B and C"; a headline "A, B Sign Agreement
    # to Launch X Center": the centre is what the agreement makes
    page = ("Wuhan University and Hubei launch technology transfer centre\n\nWuhan University news, 5 June 2024.\n\n"
            "The Luojia Medical Technology Transfer Center was set up under a tripartite agreement signed on Monday by "
            "the university, the Hubei Provincial Department of Science and Technology and the management committee "
            "of Wuhan East Lake High-tech Zone.\n")
    got = facts(page, "agreements", url="https://en.whu.edu.cn/info/1.htm", published="2024-06-05")
    assert sorted(a["partner"] for a in got) == ["Hubei Provincial Department of Science and Technology",
                                                 "Wuhan East Lake High-tech Zone"]
    page = ("State, ASU Sign Agreement to Launch Advanced Packaging Center in Tempe\n\nPHOENIX (March 12, 2024) - "
            "Arizona Commerce Authority and Arizona State University signed an agreement today.\n")
    got = facts(page, "agreements", url="https://azgovernor.gov/news/2024/03/1", published="2024-03-12")
    assert [a["partner"] for a in got] == ["Arizona Commerce Authority"]


def test_a_name_in_brackets_after_a_party_is_its_other_name_not_another_party():
    page = ("Zibo signs with universities\n\nOn June 18, 2023, Zibo Municipal People's Government and Qilu University "
            "of Technology (Shandong Academy of Sciences) signed a strategic cooperation agreement.\n")
    got = facts(page, "agreements", url="http://www.zibo.gov.cn/news/1.html", published="2023-06-20")
    assert [(a["university"], a["partner"]) for a in got] == [("Qilu University of Technology", "Zibo City")]


def test_an_agreement_to_be_signed_only_after_a_step_is_no_agreement():
    # "before any agreements are signed", "once the memorandum is signed": not (yet) signed; a past "before the
    # institute was set up" tells a signing that happened
    page = ("Forum on county partnerships\n\nThe University of Nairobi hosted the county governors on 12 March 2024. "
            "He said the Council would form a technical committee to identify areas of collaboration before any "
            "agreements are signed.\n")
    assert facts(page, "agreements", url="https://www.uonbi.ac.ke/news/1", published="2024-03-13") == []
    page = "Nankai University and Tianjin signed the agreement in 2018, before the institute was set up.\n"
    got = facts(page, "agreements", url="https://en.nankai.edu.cn/info/1.htm", published="2024-03-13")
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [("Nankai University", "Tianjin City", "2018")]


def test_the_size_of_an_economy_or_a_sector_is_no_funding():
    page = ("Hubei and Wuhan University deepen cooperation\n\nWuhan University and Hubei Province signed an agreement "
            "on May 6, 2024. Hubei's space sector, in which many of our partners work, is now worth an estimated 88 "
            "billion yuan a year. "
            "The district's new energy industry output exceeded 100 billion yuan last year. Under the agreement, "
            "the province will provide 200 million yuan to the university's laboratory.\n")
    got = facts(page, "funding", url="https://en.whu.edu.cn/info/2.htm", published="2024-05-07")
    assert [f["amount"] for f in got] == [200000000]


def test_a_table_with_a_column_of_changes_reads_money_rows_and_a_byline_gives_no_count():
    # "Indicator | 2023 | Year-on-year": a money row's label gives its scale; the contract value goes to the
    # university; "Views: 2,417" in the byline is a page counter
    page = ("Shandong University serves local development\n"
            "Author: Office of Local Cooperation | Source: Shandong University | Date: 2024-01-09 | Views: 2,417\n\n"
            "The main indicators of the year are as follows:\n"
            "Indicator\t2023\tYear-on-year\nContract amount (100 million yuan)\t8.65\t+23.2%\n"
            "Enterprises served\t2,100\t+12.3%\n")
    doc = extract_document(page, document_id="p", url="https://www.sdu.edu.cn/info/1.htm", published="2024-01-09")
    assert [(f["amount"], f["kind"], f["funder"], f["recipient"], f["date"]) for f in doc["funding"]] == [
        (865000000, "contract_value", None, "Shandong University", "2023")]
    assert [(c["quantity"], c["unit"]) for c in doc["counts"]] == [(2100, "enterprise")]


def test_the_three_partners_who_sign_are_the_three_named_before_universities_paired_too():
    # "A, B University of Technology and C AG" (a company after a university's "of" part is a body of its own); "the
    # cooperation agreement had been signed by the three partners": one agreement of the three, the two
    # universities' pair included (convention 2)
    page = ("New battery research centre opened\n\nThe Lower Saxony Battery Research Centre was opened on 11 September "
            "2024. The centre is a joint facility of Technische Universität Braunschweig, Clausthal University of Technology "
            "and Continental AG. The cooperation agreement for the centre had been signed by the three partners in "
            "Hanover in February 2023.\n")
    got = facts(page, "agreements", url="https://www.tu-braunschweig.de/en/news/1", published="2024-09-12")
    assert sorted((a["university"], a["partner"], a["date"]) for a in got) == [
        ("Clausthal University of Technology", "Continental AG", "2023-02"),
        ("Technische Universität Braunschweig", "Clausthal University of Technology", "2023-02"),
        ("Technische Universität Braunschweig", "Continental AG", "2023-02")]


def test_the_three_institutions_may_count_an_organisation_of_no_known_kind_when_the_number_fits():
    page = ("FAPESP, UNICAMP and Boticario launch centre\n\nNovember 13, 2024\n\n"
            "FAPESP and Boticario will contribute R$ 10 million each, while UNICAMP's share of R$ 10 million will "
            "come in the form of salaries. The agreement establishing the centre was signed in August by the three "
            "institutions.\n")
    got = facts(page, "agreements", url="https://agencia.fapesp.br/en/1", published="2024-11-13")
    assert sorted(a["partner"] for a in got if a["date"] == "2024-08") == ["Boticario", "FAPESP"]


def test_a_four_way_agreement_keeps_a_province_listed_after_a_city():
    # "the city of Pohang, North Gyeongsang Province and POSCO signed a four-way agreement": four parties said,
    # four named; the province is one of them, not only where the city lies
    page = ("POSTECH signs hydrogen steel pact\n\nPohang University of Science and Technology, the city of Pohang, "
            "North Gyeongsang Province and POSCO Holdings signed a four-way agreement on Tuesday to establish a "
            "hydrogen steelmaking research centre.\n")
    got = facts(page, "agreements", url="https://www.koreaherald.com/view.php?ud=1", published="2024-10-16")
    assert sorted(a["partner"] for a in got) == ["North Gyeongsang Province", "POSCO Holdings", "Pohang City"]


def test_a_body_only_hoped_for_or_strived_for_is_no_platform():
    # "X hopes to make use of ... and jointly build an institute" (the parse coordinates the infinitive with the
    # wish), "make efforts to build a science park": plans, not bodies set up
    page = ("Binzhou delegation visits Tianjin University\n\nOn March 3, 2024, a Binzhou delegation visited Tianjin "
            "University. Binzhou sincerely hopes to make use of the advantages of Tianjin University in chemical "
            "engineering, and jointly build a high-level research institute in Binzhou. In the next step, the city will "
            "make efforts to build a world-leading science and technology park.\n")
    assert facts(page, "platforms", url="http://www.binzhou.gov.cn/news/1.html", published="2024-03-04") == []


def test_a_body_named_in_a_later_sentence_takes_that_name():
    # "A research institute on unmanned aerial vehicles (UAVs) jointly founded by A and B began operation. Named the
    # X Institute, the new body will ...": the body told is the one named (the description shares too few words
    # with the name for the page's merge to join them)
    page = ("Xi'an opens university-backed UAV institute\n\nXI'AN, May 21 (Xinhua) -- A research institute on "
            "unmanned aerial vehicles (UAVs) jointly founded by Northwestern Polytechnical University (NPU) and the "
            "Xi'an High-tech Industries Development Zone began operation on Tuesday, adding to a growing cluster of "
            "university-backed labs in the capital city of Shaanxi Province.\n\n"
            "Named the Xi'an Low-altitude Aircraft Research Institute, the new body will work on flight control.\n")
    got = facts(page, "platforms", url="http://www.news.cn/english/2024-05/21/c_1.htm", published="2024-05-21")
    named = [p for p in got if p["date"] == "2024-05-21"]
    assert [(p["name"], p["university"]) for p in named] == [
        ("Xi'an Low-altitude Aircraft Research Institute", "Northwestern Polytechnical University")]


def test_a_word_inside_a_public_bodys_name_does_not_veto_its_money():
    # "the Ministry of Trade and Export Development": no export; the acronym in brackets is the same funder
    page = ("USask opens minerals centre\n\nThe University of Saskatchewan opened the Prairie Critical Minerals "
            "Processing Centre on November 21, 2024. Prairies Economic Development Canada (PrairiesCan) invested "
            "$8.4 million in the centre, and the Government of Saskatchewan contributed $5 million through the "
            "Ministry of Trade and Export Development.\n")
    got = facts(page, "funding", url="https://news.usask.ca/articles/1.php", published="2024-11-22")
    assert sorted((f["amount"], f["funder"]) for f in got) == [
        (5000000, "Saskatchewan"), (8400000, "Prairies Economic Development Canada")]


def test_a_companys_own_plant_is_no_funding_and_a_longer_yearly_bearing_is():
    page = ("Packaging centre launched\n\nArizona State University launched the Advanced Packaging Center on March 12, "
            "2024. Amkor Technology, which is building a $2 billion packaging plant in Peoria, will contribute $5 million "
            "in equipment to the center. Tempe City will bear the operating costs of the laboratory, up to 50 million "
            "dollars per year for five years.\n")
    got = facts(page, "funding", url="https://news.asu.edu/20240312-1", published="2024-03-12")
    assert sorted((f["amount"], f["per"]) for f in got) == [(5000000, "total"), (50000000, "year")]


def test_a_list_of_bodies_with_a_value_column_gives_each_body_its_money_dated_by_its_row():
    page = ("Joint labs\n\nOur labs\nLab\tPartner\tLaunched\tProgramme value\n"
            "SIT-Keppel Sustainable Urban Systems Lab\tKeppel Ltd\t2021\tS$12 million\n"
            "SIT-Surbana Jurong Digitalisation Lab\tSurbana Jurong\t2019 (concluded 2023)\tS$5.5 million\n")
    got = facts(page, "funding", url="https://www.singaporetech.edu.sg/industry/joint-labs", published="2024-06-01")
    assert sorted((f["recipient"], f["amount"], f["currency"], f["kind"], f["date"]) for f in got) == [
        ("SIT-Keppel Sustainable Urban Systems Lab", 12000000, "SGD", "program_value", "2021"),
        ("SIT-Surbana Jurong Digitalisation Lab", 5500000, "SGD", "program_value", "2019")]


def test_the_university_as_a_place_of_others_signing_is_no_side_of_it():
    # "the provincial government also signed an agreement with the Municipality of Córdoba on the access roads to
    # the University": two governments' agreement; "The School of X signed ..." is still the university's
    page = ("UNC renews framework with the province\n\nThe Universidad Nacional de Córdoba and Córdoba Province renewed "
            "their framework agreement on October 7, 2025. During the ceremony, the provincial government also signed "
            "an agreement with the Municipality of Córdoba on the maintenance of the access roads to the University.\n")
    got = facts(page, "agreements", url="https://www.unc.edu.ar/en/news/1", published="2025-10-08")
    assert [a["partner"] for a in got] == ["Córdoba Province"]


def test_an_agreement_finalised_and_expected_to_be_signed_is_none_yet_but_one_approved_is():
    page = ("NPU local cooperation\n\nA cooperation agreement between Northwestern Polytechnical University and the "
            "Baoji Municipal People's Government has been finalised through consultation and is expected to be "
            "signed in August.\n")
    assert facts(page, "agreements", url="https://en.nwpu.edu.cn/info/1.htm", published="2023-06-20") == []
    # (an MoU approved but not yet signed is one, convention 4)
    page = ("Ministry of Food and Agriculture\n\nMoFA signs MoUs with universities\n\nPublished on 17 October 2024\n\n"
            "The Ministry of Food and Agriculture (MoFA) has signed a Memorandum of Understanding with the University "
            "for Development Studies (UDS) on extension research. A second MoU, with the University of Cape Coast "
            "(UCC), was approved by Cabinet last week and will be signed once a legal review has been completed.\n")
    got = facts(page, "agreements", url="https://mofa.gov.gh/site/media-centre/agricultural-news/1", published=None)
    assert sorted(a["university"] for a in got) == ["University for Development Studies", "University of Cape Coast"]


def test_a_day_of_this_year_or_last_year_keeps_its_day():
    # "on 8 January this year" on a page of March 2025: 2025-01-08 at day precision (not the year alone)
    page = ("Yibin park five years on\n\nUnder the second-phase agreement signed by Sichuan University and Yibin City "
            "on 8 January this year, the city will provide an operating subsidy. Sichuan University and Zigong City "
            "signed an agreement on March 3 last year.\n")
    got = facts(page, "agreements", url="https://en.scu.edu.cn/info/1.htm", published="2025-03-10")
    assert sorted((a["partner"], a["date"]) for a in got) == [("Yibin City", "2025-01-08"), ("Zigong City", "2024-03-03")]


def test_a_universitys_own_spin_outs_are_no_count_unless_a_partners_programme_supports_them():
    page = ("Key figures\n\nIndicator\t2023\t2022\nSpin-out companies formed\t3\t4\n"
            "Research contracts signed with industry\t412\t389\n\nThe university formed 9 new spin-off companies in "
            "2023. Through the High Growth Spinout Programme, funded by Scottish Enterprise, the university has "
            "supported 27 spin-out companies since 2019.\n")
    got = facts(page, "counts", url="https://www.strath.ac.uk/research/figures/", published="2024-05-01")
    assert sorted((c["quantity"], c["unit"]) for c in got) == [(27, "enterprise"), (389, "agreement"),
                                                                (412, "agreement")]


def test_a_universitys_own_students_and_graduates_are_no_count():
    # "Our 84,000 students ... are a resource", "has educated more than 160,000 graduates": its size; graduates a
    # company hired under the cooperation still are
    page = ("Forum with county governors\n\nThe University of Nairobi and Kiambu County signed an MoU on 12 March 2024. "
            "\"Our 84,000 students and 1,900 academic staff are a resource that every county should tap into,\" he "
            "said. The university has educated more than 160,000 graduates since 1956. Under the MoU, the county "
            "has hired 120 graduates of the university.\n")
    got = facts(page, "counts", url="https://www.uonbi.ac.ke/news/2", published="2024-03-13")
    assert [(c["quantity"], c["unit"]) for c in got] == [(120, "person")]


def test_money_invested_in_a_new_named_body_sets_it_up_and_its_short_name_is_no_part_of_its_name():
    page = ("Hydrogen hub\n\nThe Queensland Government will invest $12 million over four years in a new Hydrogen "
            "Research and Training Hub led by The University of Queensland, with industry partners.\n")
    got = facts(page, "platforms", url="https://statements.qld.gov.au/statements/1", published="2024-11-13")
    assert [(p["name"], p["university"]) for p in got] == [
        ("Hydrogen Research and Training Hub", "University of Queensland")]
    page = ("New centre\n\nFAPESP, the University of Campinas (UNICAMP) and Natura will invest R$ 48 million over ten "
            "years in the new Centre for Amazon Biodiversity Chemistry (CABQ), launched on Monday.\n")
    got = facts(page, "platforms", url="https://agencia.fapesp.br/en/2", published="2024-11-13")
    assert [(p["name"], p["university"]) for p in got] == [
        ("Centre for Amazon Biodiversity Chemistry", "University of Campinas")]


def test_it_that_signs_after_a_clause_about_a_company_is_that_company():
    # "Mitr Phol is the largest sugar producer ..., and it also signed an MOU with PTT": the company's own deal, no
    # agreement of the page's university; "In February, it signed ..." on the university's page still is its own
    page = ("KKU signs BCG MoU\n\nKhon Kaen University and Mitr Phol Sugar Corporation signed an MOU on 17 September "
            "2025. Mitr Phol is the largest sugar producer of Thailand, and it also signed an MOU with PTT Global "
            "Chemical in 2024.\n")
    got = facts(page, "agreements", url="https://www.kku.ac.th/en/news/1", published="2025-09-18")
    assert [a["partner"] for a in got] == ["Mitr Phol Sugar Corporation"]
