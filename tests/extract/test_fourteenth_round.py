"""Rules of the fourteenth round; each rule on pages written for these tests (not copied from any page)."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.dates import section_year


def run(text, url="https://www.example.gov.cn/art/2024/3/2/art_1.html", published="2024-03-02"):
    return extract_document(text, document_id="n", url=url, published=published)


REVIEW = ("Report on the Work of the Provincial Government (Excerpt)\n\n"
          "I. Looking back at our work in 2023\n\n"
          "The Sichuan Provincial Government signed a strategic cooperation agreement with Sichuan University, and the "
          "province's cities opened many new research bases.\n\n"
          "II. Main tasks for 2024\n\n"
          "The Sichuan Provincial Government signed a strategic cooperation agreement with Chongqing University.\n")


def test_a_heading_reviewing_a_past_year_dates_the_undated_facts_of_its_section():
    got = {a["university"]: (a["date"], a["date_precision"]) for a in run(REVIEW)["agreements"]}
    assert got["Sichuan University"] == ("2023", "year")


def test_a_heading_naming_the_pages_year_ends_the_reviewed_section():
    got = {a["university"]: a["date"] for a in run(REVIEW)["agreements"]}
    assert got.get("Chongqing University") is None


def test_section_year_reads_only_short_headings():
    assert section_year("2022 in review", "2023-01-05") == ("2022", "year")
    assert section_year("Highlights of 2021:", "2023-01-05") == ("2021", "year")
    assert section_year("II. Main tasks for 2023", "2023-01-05") is False
    # a sentence that names a year is no heading
    assert section_year("The university signed an agreement with the city in 2021.", "2023-01-05") is None
    assert section_year("Since 2015 the two sides have trained engineers together in many fields of work", None) is None


def test_an_autonomous_region_is_given_by_its_official_name():
    text = ("The People's Government of Ningxia Hui Autonomous Region and Ningxia University signed a strategic "
            "cooperation agreement on 12 May 2024.")
    got = [(a["university"], a["partner"], a["partner_type"]) for a in run(text, url="https://www.nxu.edu.cn/x")["agreements"]]
    assert got == [("Ningxia University", "Ningxia Hui Autonomous Region", "province")]


def test_a_city_government_the_page_abbreviates_stays_a_city():
    text = ("Anna University signed a memorandum of understanding with the Madurai Municipal Corporation (MMC) on "
            "4 June 2024. MMC will host the new flood-monitoring laboratory.")
    got = [(a["partner"], a["partner_type"]) for a in run(text, url="https://www.annauniv.edu/news/x")["agreements"]]
    assert got == [("Madurai City", "city")]


def test_the_city_government_is_the_city_its_own_sentence_named():
    text = ("Baotou is home to many research institutes, and the Baotou government funds most of them. "
            "In Chifeng, Inner Mongolia University and the city government signed an agreement in March to build "
            "a grassland ecology station.")
    got = [(a["university"], a["partner"]) for a in run(text, url="http://www.news.cn/x")["agreements"]]
    assert got == [("Inner Mongolia University", "Chifeng City")]


BOARD = ("Heidelberg University and Boehringer Ingelheim GmbH renewed their research alliance. The agreement was "
         "signed on 3 May 2024 by the Rector of Heidelberg University and a member of the Executive Board of "
         "Boehringer Ingelheim.")


def test_a_companys_board_signs_for_the_company():
    got = {(a["partner"], a["date"]) for a in run(BOARD, url="https://www.uni-heidelberg.de/en/news/x")["agreements"]}
    assert ("Boehringer Ingelheim GmbH", "2024-05-03") in got
    assert not any("Board" in p for p, _ in got)


def test_a_board_of_a_body_that_is_no_company_keeps_its_name():
    text = "The University of Moratuwa signed an agreement with the Board of Investment of Sri Lanka on 2 May 2024."
    got = [a["partner"] for a in run(text, url="https://uom.lk/news/x")["agreements"]]
    assert got and all(p.startswith("Board of Investment") for p in got)  # no company follows "of": kept whole


def test_a_common_word_opening_a_sentence_is_no_funder():
    text = ("Wuhan University of Technology reviewed its year. Horizontal research funds reached 520 million yuan "
            "in 2023, up 8 percent.")
    got = run(text, url="https://www.whut.edu.cn/x")["funding"]
    assert [f["amount"] for f in got] == [520_000_000]
    assert got[0]["funder"] is None


def test_a_company_named_at_a_rows_start_keeps_its_name():
    text = ("Aalto University works with many companies.\n\n"
            "• Kemira – agreement on water chemistry research, 2021\n")
    got = [(a["partner"], a["date"]) for a in run(text, url="https://www.aalto.fi/en/x")["agreements"]]
    assert got == [("Kemira", "2021")]


def test_a_line_of_figures_with_a_kind_of_partner_is_no_partner_cards_agreement():
    text = ("Jiangnan University reviewed its cooperation.\n\n"
            "Indicator\n"
            "Research contracts signed with local enterprises\n"
            "1,204\n")
    assert run(text, url="https://www.jiangnan.edu.cn/x")["agreements"] == []


def test_a_clause_after_while_tells_another_signing_with_its_own_parties():
    text = ("At the same ceremony, Hunan University and Central South University signed an agreement on joint "
            "doctoral training, while the Changsha municipal government and Sany Group inked a deal on a new "
            "industrial park.")
    got = sorted((a["university"], a["partner"]) for a in run(text, url="http://www.hunan.gov.cn/x")["agreements"])
    assert got == [("Hunan University", "Central South University")]


def test_bodies_named_in_the_presence_of_at_a_clauses_end_are_witnesses():
    text = ("Anna University signed an MoU with the Chennai Metropolitan Water Supply and Sewerage Board on 4 June "
            "2024. The MoU was exchanged in the presence of the Vice-Chancellor and the Managing Director of "
            "Larsen & Toubro.")
    got = [a["partner"] for a in run(text, url="https://www.annauniv.edu/news/x")["agreements"]]
    assert not any("Larsen" in p for p in got)


def test_the_chinese_university_of_hong_kong_shenzhen_is_a_university_of_its_own():
    text = ("Longgang District and The Chinese University of Hong Kong, Shenzhen (CUHK-Shenzhen) renewed their "
            "cooperation agreement on 12 November 2025.")
    got = [(a["university"], a["partner"]) for a in run(text, url="https://www.szdaily.com/x")["agreements"]]
    assert got == [("The Chinese University of Hong Kong, Shenzhen", "Longgang District")]
    from pipelines.reference.index import UniversityIndex
    assert UniversityIndex.default().by_domain("https://www.cuhk.edu.cn/en/news").name == \
        "The Chinese University of Hong Kong, Shenzhen"


def test_a_place_in_a_datelines_capitals_is_named_in_title_case():
    text = "LONGGANG District and Shenzhen University signed a cooperation agreement on 12 November 2025."
    assert [a["partner"] for a in run(text, url="https://www.szdaily.com/x")["agreements"]] == ["Longgang District"]


def test_a_place_whose_counted_cities_signed_is_no_party():
    text = ("All eleven prefecture-level cities of Shanxi have now signed cooperation agreements with Taiyuan "
            "University of Technology.")
    assert run(text, url="https://www.tyut.edu.cn/x")["agreements"] == []
    named = "The Shanxi Provincial Government signed a cooperation agreement with Taiyuan University of Technology."
    assert [a["partner"] for a in run(named, url="https://www.tyut.edu.cn/x")["agreements"]] == ["Shanxi Province"]


CARDS = ("Songshan Lake Science Park, Dongguan\n\n"
         "Our research institutes\n\n"
         "Dongguan Institute of Advanced Batteries\n"
         "Founded by Sun Yat-sen University and the Dongguan Municipal Government in 2018 in the park's north zone.\n\n"
         "Dongguan Robotics Research Institute\n"
         "Established in 2020 by Jinan University and the city, the institute runs a testing line open to small firms.\n")


def test_a_platform_card_names_the_body_its_next_line_says_was_set_up():
    got = sorted((p["name"], p["university"], p["partner"], p["date"])
                 for p in run(CARDS, url="http://www.dg.gov.cn/x", published="2024-05-06")["platforms"])
    assert got == [("Dongguan Institute of Advanced Batteries", "Sun Yat-sen University", "Dongguan City", "2018"),
                   ("Dongguan Robotics Research Institute", "Jinan University", "Dongguan City", "2020")]


def test_a_name_line_without_a_founding_line_after_it_gives_no_platform():
    text = ("Dongguan Institute of Advanced Batteries\n"
            "The institute was visited by a delegation from Shenzhen on Monday.\n")
    assert run(text, url="http://www.dg.gov.cn/x", published="2024-05-06")["platforms"] == []


def test_money_put_into_a_hub_for_its_first_years_is_funding_over_that_period():
    text = ("Cardiff University and the Welsh Government opened the Cardiff Net Zero Skills Hub on 2 May 2024. "
            "The government has agreed to put £250,000 a year into the hub for its first four years.")
    got = [(f["amount"], f["per"], f["period_years"], f["recipient"])
           for f in run(text, url="https://www.cardiff.ac.uk/news/x", published="2024-05-03")["funding"]]
    assert got == [(250000, "year", 4, "Cardiff Net Zero Skills Hub")]


def test_a_plans_figures_in_a_list_are_no_counts():
    text = ("Key figures of the new centre\n"
            "- 12 patent applications targeted by 2029\n"
            "- Doctoral students to be trained each year: about 30\n"
            "- 18 researchers and engineers\n")
    got = [c["quantity"] for c in run(text, url="https://www.unistra.fr/x", published="2025-02-01")["counts"]]
    assert got == [18]


def test_figures_of_what_will_be_signed_or_taken_in_are_no_counts():
    text = ("Next year Hunan University will sign cooperation agreements with all 14 cities of the province. "
            "In the first phase, 25 doctoral scholars will be inducted into the centre.")
    assert run(text, url="https://www.hnu.edu.cn/x", published="2025-02-01")["counts"] == []


def test_a_bracketed_item_number_is_no_count_and_a_number_word_no_place():
    text = ("(3) New platforms.\n"
            "Seven provincial-level platforms built jointly with enterprises were approved, bringing the total to 33.")
    got = [(c["quantity"], c["subject"]) for c in run(text, url="https://www.hnu.edu.cn/x", published="2025-02-01")["counts"]]
    assert 3 not in [q for q, _ in got]
    assert all(s is None or "Province" not in s for _, s in got)


def test_a_region_after_a_possessive_is_named_by_its_own_words():
    text = ("North China's Inner Mongolia Autonomous Region had set up 52 industrial technology research institutes "
            "with universities from other provinces by the end of June.")
    got = [(c["quantity"], c["subject"]) for c in run(text, url="http://www.news.cn/x", published="2025-08-19")["counts"]]
    assert got == [(52, "Inner Mongolia Autonomous Region")]


def test_two_universities_that_conclude_one_memorandum_with_a_partner_are_a_pair_too():
    text = ("The University of Cape Town and Stellenbosch University on 4 March 2025 concluded a memorandum of "
            "agreement with the Western Cape Department of Health.")
    got = sorted((a["university"], a["partner"]) for a in run(text, url="https://www.uct.ac.za/news/x")["agreements"])
    assert ("University of Cape Town", "Stellenbosch University") in got
    assert len(got) == 3


def test_the_agreement_among_three_parties_pairs_every_university():
    text = ("The agreement among Purdue University, Indiana University and the Indiana Economic Development "
            "Corporation was signed on 3 March 2025.")
    got = sorted((a["university"], a["partner"]) for a in run(text, url="https://www.purdue.edu/newsroom/x")["agreements"])
    assert ("Purdue University", "Indiana University") in got or ("Indiana University", "Purdue University") in got


def test_universities_signing_agreements_each_with_a_city_are_no_pair():
    text = "Peking University and Tsinghua University signed cooperation agreements with Beijing City on 3 March 2025."
    got = [(a["university"], a["partner"]) for a in run(text, url="http://www.news.cn/x")["agreements"]]
    assert all(p == "Beijing City" for _, p in got) and len(got) == 2


def test_a_wire_tag_after_a_datelines_date_is_no_party():
    text = ("Hitachi and three universities\n\n"
            "RALEIGH, N.C., March 3, 2025 /PRNewswire/ -- Hitachi Energy today announced agreements with "
            "North Carolina State University and Duke University.")
    got = sorted(a["partner"] for a in run(text, url="https://www.prnewswire.com/news-releases/x.html")["agreements"])
    assert got == ["Hitachi Energy", "Hitachi Energy"]


PARTNER_CARDS = ("Our strategic partners\n\n"
                 "Sandvik | Industry | Manufacturing\n"
                 "Framework agreement since 2017. Nine industrial doctoral students are enrolled.\n\n"
                 "Forward-Looking Statements\n"
                 "This page contains forward-looking statements about the benefits of the agreements.\n")


def test_a_card_title_with_category_cells_names_the_partner_and_a_plural_heading_none():
    got = [(a["partner"], a["date"]) for a in run(PARTNER_CARDS, url="https://www.chalmers.se/en/collaborate/x")["agreements"]]
    assert got == [("Sandvik", "2017")]


def test_an_agreement_formalised_is_concluded():
    text = "Deakin University and the Victorian Government have formalised a five-year partnership agreement."
    got = [(a["partner"], a["partner_type"]) for a in run(text, url="https://www.deakin.edu.au/news/x")["agreements"]]
    assert got == [("Victoria", "province")]


def test_a_headlines_state_government_and_a_states_initials_on_an_australian_page_are_the_state():
    text = ("Curtin and State Government lock in energy partnership\n\n"
            "- Five-year agreement signed with the WA Government on 2 May 2024\n")
    got = {(a["partner"], a["partner_type"]) for a in run(text, url="https://www.curtin.edu.au/news/x")["agreements"]}
    assert got == {("Western Australia", "province")}


def test_a_newspaper_told_the_figures_is_no_party():
    text = ("Last year, Jilin University renewed its agreement with Changchun City. The university has signed "
            "cooperation agreements with 28 county-level governments since 2018, a staff member of its social "
            "service office told the Global Times.")
    got = [a["partner"] for a in run(text, url="http://www.globaltimes.cn/page/x.shtml")["agreements"]]
    assert got == ["Changchun City"]


DATED_CELLS = ("Serving local development\n\n"
               "Recent agreements\n"
               "• April 2025 | Nantong City | strategic cooperation agreement on marine engineering\n"
               "• October 2024 | Jiangsu Provincial Department of Transport | framework agreement on smart ports\n"
               "• 2024 | Nantong City | plan to be drafted on a joint fund\n")


def test_rows_of_a_date_a_body_and_an_agreement_are_the_pages_agreements():
    got = [(a["university"], a["partner"], a["date"], a["agreement_type"])
           for a in run(DATED_CELLS, url="https://www.ntu.edu.cn/x", published="2025-06-01")["agreements"]]
    assert got == [("Nantong University", "Nantong City", "2025-04", "strategic_cooperation"),
                   ("Nantong University", "Jiangsu Provincial Department of Transport", "2024-10", "framework")]


def test_a_university_unit_and_a_company_after_it_are_two_bodies():
    text = ("On 17 June 2025, HFUT's School of Automotive Engineering and Anhui Jianghuai Automobile Group signed an "
            "agreement on jointly training engineering master's students.")
    got = [(a["university"], a["partner"]) for a in run(text, url="https://www.hfut.edu.cn/x")["agreements"]]
    assert got == [("Hefei University of Technology", "Anhui Jianghuai Automobile Group")]


def test_a_decimal_comma_before_a_scale_word_is_a_decimal_point():
    text = ("The University of Pretoria and the Gauteng Department of Economic Development signed an agreement on "
            "4 March 2025. The department has committed R12,5 million over three years, while the university will "
            "contribute R3,2 million in kind.")
    got = sorted(f["amount"] for f in run(text, url="https://www.up.ac.za/news/x")["funding"])
    assert got == [3_200_000, 12_500_000]


MONEY_LIST = ("Intel and three Oregon universities\n\n"
              "Intel signed memoranda of understanding with three Oregon universities on 6 October 2025.\n\n"
              "Under the agreements, Intel will provide:\n"
              "• $4 million to Oregon State University to open a semiconductor teaching lab\n"
              "• $2 million to Portland State University for technician certificates\n\n"
              "The company employs 23,000 people in Oregon.\n"
              "• $9 million of new equipment arrived at the Hillsboro site last year\n")


def test_amounts_listed_under_a_lead_that_says_who_gives_them_are_funding():
    got = sorted((f["amount"], f["funder"], f["recipient"], f["kind"])
                 for f in run(MONEY_LIST, url="https://newsroom.intel.com/x", published="2025-10-08")["funding"])
    assert got == [(2_000_000, "Intel", "Portland State University", "commitment"),
                   (4_000_000, "Intel", "Oregon State University", "commitment")]


def test_money_put_into_an_industry_college_is_no_size_of_an_industry():
    text = "BYD will invest 30 million yuan in the industry college over five years for training equipment."
    got = [(f["amount"], f["period_years"]) for f in run(text, url="https://www.szpu.edu.cn/x")["funding"]]
    assert got == [(30_000_000, 5)]
