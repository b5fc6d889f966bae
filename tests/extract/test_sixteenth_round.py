"""Rules of the sixteenth round, each on sentences written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document

PAGE = ("Orion University and Xiangyang City deepen cooperation\n\n"
        "Orion University and Xiangyang City signed a strategic cooperation agreement on May 8, 2023.\n\n"
        "{}")


def counts(sentence: str) -> list[tuple]:
    got = extract_document(PAGE.format(sentence), document_id="p", url="https://en.orion.edu.cn/news/1.htm",
                           published="2023-05-09")
    return [(c["quantity"], c["unit"]) for c in got["counts"]]


def test_figures_of_an_undertaking_are_a_plan_not_a_count():
    assert counts("The two sides agreed to build a joint laboratory and to train 500 engineers each year.") == []
    assert counts("The city pledged to support 20 joint projects over the next three years.") == []
    assert counts("Both sides committed to setting up 6 research centers.") == []
    assert counts("The university promised to send 30 experts to the city.") == []


def test_what_was_agreed_on_or_done_is_still_counted():
    assert counts("So far the university has sent 45 experts to the city and set up 4 joint research centers "
                  "there.") == [(45, "person"), (4, "platform")]
    assert counts("The two sides have agreed on and launched 12 joint projects.") == [(12, "program")]


def test_a_figure_run_into_a_word_stays_in_a_platforms_name():
    got = extract_document("Orion University news\n\nOrion University and China Unicom set up a 5G application "
                           "laboratory in 2023.", document_id="p", url="https://en.orion.edu.cn/news/1.htm",
                           published="2024-04-20")
    assert [p["name"] for p in got["platforms"]] == ["5G application laboratory"]
    # (a figure apart from the word is still no part of it: "a $66 million corporate lab")
    got = extract_document("Orion University news\n\nOrion University and Bosch opened a 20 million yuan joint "
                           "laboratory in 2023.", document_id="p", url="https://en.orion.edu.cn/news/1.htm",
                           published="2024-04-20")
    [p] = got["platforms"]
    assert not (p["name"] or "")[:1].isdigit() and "million" not in (p["name"] or "")


def agreements(sentence: str) -> list[tuple]:
    got = extract_document("Orion University news\n\n" + sentence, document_id="p",
                           url="https://en.orion.edu.cn/news/1.htm", published="2024-04-20")
    return [(a["university"], a["partner"], a["date"]) for a in got["agreements"]], got["platforms"]


def test_an_agreement_named_by_its_sides_across_a_dash_pairs_them():
    assert agreements("The Orion University-Weichai Power cooperation agreement was signed on October 8.") == (
        [("Orion University", "Weichai Power", "2023-10-08")], [])
    # the agreement a ceremony is of; its side is no platform ("City" here is Jinan's, not a science city)
    assert agreements("The signing ceremony of the Orion University-Jinan City strategic cooperation agreement was "
                      "held on October 8.") == ([("Orion University", "Jinan City", "2023-10-08")], [])


def test_a_dash_inside_one_name_names_no_second_side():
    # (a university's own hyphen: "Zhejiang Sci-Tech University" is one side, and no agreement has one side)
    assert agreements("The Zhejiang Sci-Tech University cooperation agreement was signed on October 8.") == ([], [])


def test_funding_a_fund_is_no_programme_value_and_will_fund_is_a_pledge():
    def kinds(sentence):
        got = extract_document("Orion University news\n\n" + sentence, document_id="p",
                               url="https://en.orion.edu.cn/news/1.htm", published="2024-04-20")
        return [(f["amount"], f["kind"]) for f in got["funding"]]

    assert kinds("Under the agreement, Weichai Power will fund research at Orion University with 20 million yuan "
                 "over three years.") == [(20_000_000, "commitment")]
    assert kinds("The provincial government has allocated a special fund of 100 million yuan for the "
                 "co-construction of Orion University.") == [(100_000_000, "commitment")]
    # (a programme's value stays one: "a 10 million yuan project")
    assert kinds("Orion University and Weichai Power launched a 10 million yuan project on engines.") == [
        (10_000_000, "program_value")]


def test_a_capitals_dateline_with_a_postal_code_names_no_party():
    from pipelines.extract.text import split_sentences

    got = [s.clean for s in split_sentences("HAMILTON, ON, March 4, 2025 /CNW/ - Orion Steel and McMaster "
                                           "University have signed a research agreement.")]
    assert got == ["Orion Steel and McMaster University have signed a research agreement."]


def test_a_month_on_an_undated_page_takes_the_year_the_page_gave():
    text = ("Orion University Annual Report\n\nOur partnerships continued to grow in 2023.\n\n"
            "In March, Orion University and the City of Greater Geelong signed a Strategic Partnership Agreement.")
    got = extract_document(text, document_id="p", url="https://www.orion.edu.au/annual-report.pdf")
    assert [(a["partner"], a["date"], a["date_precision"]) for a in got["agreements"]] == [
        ("Greater Geelong City", "2023-03", "month")]
    # (no year anywhere: convention 7 leaves it null)
    got = extract_document(text.replace(" in 2023", ""), document_id="p", url="https://www.orion.edu.au/report.pdf")
    assert [a["date"] for a in got["agreements"]] == [None]


def test_a_fund_set_up_is_an_investment_and_one_still_to_be_set_up_a_pledge():
    def kinds(sentence):
        got = extract_document("Orion University news\n\n" + sentence, document_id="p",
                               url="https://en.orion.edu.cn/news/1.htm", published="2024-04-20")
        return [f["kind"] for f in got["funding"]]

    assert kinds("Zibo City and Orion University have set up a 1 billion yuan industrial investment fund.") == [
        "investment"]
    assert kinds("The province will provide Orion University with 1 billion yuan of special construction funds.") == [
        "commitment"]


def test_a_body_signing_on_behalf_of_a_government_is_no_party_the_government_is():
    assert agreements("The agreement was signed by the Director of the Hunan Provincial Department of Education on "
                      "behalf of the Hunan Provincial People's Government and by Orion University President Li Hua.")[0] == [
        ("Orion University", "Hunan Province", None)]
    assert agreements("The first MoU, signed by the Principal Secretary, Department of Electronics, IT, BT and S&T on "
                      "behalf of the Government of Karnataka and by the Registrar of Orion University, was exchanged "
                      "in the presence of the Chief Minister.")[0] == [("Orion University", "Karnataka", None)]
    # (without "on behalf of" the department is the party)
    assert agreements("The agreement was signed by the Hunan Provincial Department of Education and Orion "
                      "University.")[0] == [("Orion University", "Hunan Provincial Department of Education", None)]


def test_the_place_of_a_signing_and_a_later_clause_of_saying_name_no_side():
    assert agreements("The agreement was signed Monday at the company's Burlington Street East offices.")[0] == []
    assert agreements("The council and Orion University first signed a civic agreement in November 2019, and "
                      "council officers say it has since become the template for the council's partnership work "
                      "with Sunderland College and the local NHS foundation trust.")[0] == []
    # (a second signing after ", and" still names its side)
    got = agreements("At the same ceremony, Orion University and Baise City signed an agreement, and the School of "
                     "Materials signed a technical service contract with Guangxi Huayin Aluminium Co., Ltd.")[0]
    assert ("Orion University", "Guangxi Huayin Aluminium Co., Ltd.", None) in got


def test_thousands_grouped_by_a_space_are_one_figure_but_table_columns_stay_apart():
    assert counts("Since 2012 the university has trained 3 200 artisans together with 27 companies.") == [
        (27, "enterprise"), (3200, "trainee")]
    assert all(q != 141156 for q, _ in counts("Technology transfer agreements (no.) 141 156"))


def test_a_goal_an_exploration_and_campuses_are_no_counts():
    assert counts("Xiangyang City has set a goal of training 10,000 additional battery workers.") == []
    assert counts("Orion University is exploring a partnership with two medical device companies.") == []
    assert (4, "institution") not in counts("With more than 61,000 students across four campuses, Orion University "
                                            "works with industry.")
    # (what was done is counted)
    assert counts("Orion University has trained 10,000 battery workers with 12 companies.") == [
        (10000, "trainee"), (12, "enterprise")]


def test_a_name_with_a_capital_inside_a_word_is_a_company_not_a_person():
    assert agreements("ArcelorMittal Dofasco and McMaster University have signed a five-year master research "
                      "agreement.")[0] == [("McMaster University", "ArcelorMittal Dofasco", None)]
    # (a name prefix is no brand: a person stays no party)
    assert agreements("John McDonald and McMaster University have signed a research agreement.")[0] == []


def test_a_platform_whose_founding_is_only_explored_is_none():
    def names(sentence):
        got = extract_document("Orion University news\n\n" + sentence, document_id="p",
                               url="https://en.orion.edu.cn/news/1.htm", published="2024-04-20")
        return [p["platform_type"] for p in got["platforms"]]

    assert names("The two sides will also explore the establishment of a joint postdoctoral workstation and a "
                 "graduate training base for marine engineering.") == []
    assert names("The two sides completed the establishment of a joint postdoctoral workstation.") == ["workstation"]


def test_a_named_gateway_is_a_platform_and_a_bare_gateway_none():
    def plats(sentence):
        got = extract_document("Orion University news\n\n" + sentence, document_id="p",
                               url="https://en.orion.edu.cn/news/1.htm", published="2024-04-20")
        return [(p["name"], p["platform_type"]) for p in got["platforms"]]

    assert plats("Orion University and the Port of Ningbo launched the Offshore Energy Gateway last year.") == [
        ("Offshore Energy Gateway", "service_platform")]
    assert plats("Ningbo is a gateway to the sea and Orion University opened a campus there.") == []


def test_a_groups_short_form_takes_the_full_name_the_page_gave():
    text = ("Orion University news\n\nOn October 19, Orion University and China Kweichow Moutai Distillery (Group) "
            "Co., Ltd. signed a strategic cooperation agreement.\n\nOrion University Vice President Zhu Ling and "
            "Moutai Group Deputy General Manager Wang Yu signed the agreement on behalf of the two sides.")
    got = extract_document(text, document_id="p", url="https://en.orion.edu.cn/news/1.htm", published="2023-10-20")
    assert {a["partner"] for a in got["agreements"]} == {"China Kweichow Moutai Distillery (Group) Co., Ltd."}


def test_the_two_sides_under_an_agreement_told_before_name_no_new_pair():
    text = ("Orion University news\n\nOrion University and Jiangxi Province signed a strategic cooperation agreement "
            "on November 6.\n\nIn addition, Ganjiang New Area and Beijing Institute of Technology signed an agreement "
            "to build an institute.\n\nUnder the agreement with Orion University, the two sides will also jointly "
            "build a think tank.")
    got = extract_document(text, document_id="p", url="https://en.orion.edu.cn/news/1.htm", published="2024-11-08")
    assert ("Orion University", "Ganjiang New Area") not in {(a["university"], a["partner"]) for a in got["agreements"]}
    # (a framing agreement with its subject named still pairs them)
    got = extract_document("Orion University news\n\nUnder a new partnership with Siemens, Orion University will open "
                           "a lab.", document_id="p", url="https://en.orion.edu.cn/news/1.htm", published="2024-11-08")
    assert [(a["university"], a["partner"]) for a in got["agreements"]] == [("Orion University", "Siemens")]


def test_practice_bases_a_university_has_are_a_tally_not_its_size():
    assert counts("Orion University now has 15 practice bases in the city.") == [(15, "practice_base")]
    # (what a university has of its own stays its size)
    assert counts("Orion University now has 15 research institutes and 2,000 teachers.") == []


def test_the_companies_a_colon_or_such_as_lists_are_each_a_company():
    assert agreements("Orion University entered into strategic partnerships with three companies: Haier, Hisense and "
                      "Tsingtao Brewery.")[0] == [("Orion University", "Haier", None), ("Orion University", "Hisense", None),
                                                  ("Orion University", "Tsingtao Brewery", None)]
    # (a colon followed by a clause lists nobody)
    assert agreements("Orion University has partnerships with local companies: it works on batteries.")[0] == []
