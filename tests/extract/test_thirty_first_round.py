"""Rules of the thirty-first round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts


def test_a_universitys_contracts_are_money_it_receives():
    # "Ridgeway University signed 430 technology contracts with enterprises, worth 96 million yuan": the university
    # is paid for the work; it is the recipient, not the funder, whether named or "the university"
    page = ("Ridgeway University of Technology (RUT) serves Hengshui.\n\n"
            "Last year, RUT signed 430 technology contracts with enterprises in Hengshui, with a contract value of "
            "96 million yuan.\n\n"
            "In 2023, the university signed 1,210 technical service contracts with enterprises, with a total contract "
            "value of 310 million yuan.\n")
    rows = facts(page, "funding", url="https://en.rut.edu.cn/info/1.htm", published="2024-02-10")
    got = {(r["amount"], r["kind"], r["funder"], r["recipient"]) for r in rows}
    assert got == {(96_000_000, "contract_value", None, "Ridgeway University of Technology"),
                   (310_000_000, "contract_value", None, "Ridgeway University of Technology")}


def test_a_contract_with_one_named_company_is_paid_by_it():
    page = ("Ridgeway University of Technology signed a technology development contract with Hengshui Kaixin "
            "Machinery Co., Ltd. on March 3, with a contract value of 4.5 million yuan.\n")
    rows = facts(page, "funding", url="https://en.rut.edu.cn/info/2.htm", published="2024-03-05")
    assert [(r["funder"], r["recipient"]) for r in rows] == [
        ("Hengshui Kaixin Machinery Co., Ltd.", "Ridgeway University of Technology")]


def test_givers_and_sums_given_respectively_pair_in_order():
    # "A and B will contribute X and Y respectively": each giver its own sum, not both givers on both sums
    page = ("Lakehead University and Thunder Bay City signed an agreement on May 2 to set up the Northern Mining "
            "Skills Hub.\n\n"
            "Vale and the city will contribute C$4 million and C$1.2 million respectively, and the university will "
            "provide teaching staff.\n")
    rows = facts(page, "funding", url="https://www.lakeheadu.ca/news/1", published="2024-05-03")
    assert {(r["amount"], r["funder"]) for r in rows} == {(4_000_000, "Vale"), (1_200_000, "Thunder Bay City")}


def test_sums_without_respectively_keep_their_joint_givers():
    # no "respectively": the two givers stand together behind the sum (the rule above does not split them)
    page = ("Lakehead University and Thunder Bay City signed an agreement on May 2 to set up the Northern Mining "
            "Skills Hub.\n\nVale and the city will together contribute C$5.2 million to the hub.\n")
    rows = facts(page, "funding", url="https://www.lakeheadu.ca/news/2", published="2024-05-03")
    assert [r["funder"] for r in rows] == ["Vale; Thunder Bay City"]


def test_a_brand_in_small_letters_after_its_initials_is_part_of_the_name():
    # "SK hynix": the small word is no English word, so it belongs to the company's name; "LG signed", "IBM and"
    # keep the sentence's words out of the name
    page = ("CHEONGJU -- Chungbuk National University and SK hynix signed an agreement on Tuesday to set up a chip "
            "packaging institute.\n\nChungbuk National University and LG Chem signed a separate agreement on "
            "battery materials.\n")
    rows = facts(page, "agreements", url="https://www.koreaherald.com/view.php?ud=1", published="2024-04-03")
    assert {r["partner"] for r in rows} == {"SK hynix", "LG Chem"}
    page = ("Pusan National University and LG signed an agreement on Tuesday on battery research.\n")
    rows = facts(page, "agreements", url="https://www.koreaherald.com/view.php?ud=2", published="2024-04-03")
    assert [r["partner"] for r in rows] == ["LG"]


def test_the_day_a_page_reports_on_is_not_the_day_of_the_signing():
    # "announced on the 15th that it held the ceremony on the 12th": the signing's day is the 12th
    page = ("News > 2025.09.15\n\nInha University announced on the 15th that it held an opening ceremony for a "
            "joint aviation laboratory on the 12th, after signing a joint research agreement with Korean Air that "
            "morning.\n")
    rows = facts(page, "agreements", url="https://www.inha.ac.kr/eng/news/1", published="2025-09-15")
    assert [(r["partner"], r["date"]) for r in rows] == [("Korean Air", "2025-09-12")]


def test_a_reported_day_with_no_other_day_still_dates_the_signing():
    page = ("Inha University announced on September 15 that it has signed a joint research agreement with Korean "
            "Air.\n")
    rows = facts(page, "agreements", url="https://www.inha.ac.kr/eng/news/2", published="2025-09-16")
    assert [(r["partner"], r["date"]) for r in rows] == [("Korean Air", "2025-09-15")]


def test_a_heading_of_signings_leads_the_list_of_sides_below_it():
    # "Highlights of the signings:" after a dated signing: each "<A> and <B>: <agreement>" row is an agreement of
    # that day
    page = ("Release time: 2024-11-08\n\n"
            "Nanjing Jiangbei New Area signed 12 cooperation agreements on November 6 during its innovation week.\n\n"
            "Highlights of the signings:\n\n"
            "1. Jiangbei New Area Administrative Committee and Nanjing Tech University: agreement to establish the "
            "Nanjing Tech Jiangbei Institute of Catalysis\n"
            "2. Jiangbei New Area Administrative Committee and Hohai University: strategic cooperation agreement on "
            "water engineering talent\n")
    rows = facts(page, "agreements", url="http://www.njjb.gov.cn/english/news/1.htm", published="2024-11-08")
    assert {(r["university"], r["date"]) for r in rows} == {("Nanjing Tech University", "2024-11-06"),
                                                            ("Hohai University", "2024-11-06")}


def test_a_heading_with_no_signing_before_it_leads_nothing():
    page = ("Highlights of the agreements:\n\n"
            "1. Jiangbei New Area Administrative Committee and Hohai University: strategic cooperation agreement on "
            "water engineering talent\n")
    rows = facts(page, "agreements", url="http://www.njjb.gov.cn/english/news/2.htm", published="2024-11-08")
    assert [r["date"] for r in rows] in ([], [None])


def test_a_later_date_an_agreement_provides_for_is_not_its_signing():
    # "signed an agreement on opening a branch, which will teach from September 2025" on a page of June 2024: the
    # signing is the forum's day the page told, not September 2025
    page = ("By Staff in Nation on 14 June 2024\n\n"
            "Universities from Kazakhstan and China signed a series of cooperation documents on June 12 at a rectors' "
            "forum in Astana.\n\n"
            "Kazakhstan's Ministry of Science and Higher Education signed an agreement with Xi'an Jiaotong University "
            "on opening a branch of the Chinese university in Astana, which will teach engineering from September "
            "2025.\n")
    rows = facts(page, "agreements", url="https://astanatimes.com/2024/06/x/", published="2024-06-14")
    assert [(r["university"], r["date"]) for r in rows] == [("Xi'an Jiaotong University", "2024-06-12")]


def test_talks_on_an_agreement_under_a_partner_card_are_no_agreement():
    page = ("Strategic partners\n\nStrathmore works with a few organisations in long-term partnerships.\n\n"
            "Kenya Power\nA master research agreement was signed on 3 May 2024, covering grid analytics.\n\n"
            "Safaricom\nTalks on a new framework agreement are continuing.\n")
    rows = facts(page, "agreements", url="https://strathmore.edu/partners/", published="2024-06-01")
    assert {r["partner"] for r in rows} == {"Kenya Power"}


def test_spanish_company_names_keep_their_connectors_and_legal_forms():
    # "Industrias Químicas y Mineras, S.A.": "y" joins a name's words as "and" does, and a legal form after a comma
    # closes it ("S.L." as "S.A." does)
    page = ("Industrias Químicas y Mineras, S.A. and Universidad Arturo Prat signed a research agreement on March 4.\n\n"
            "Universidad Arturo Prat also signed an agreement with Aguas del Altiplano, S.L. on desalination.\n")
    rows = facts(page, "agreements", url="https://www.unap.cl/en/news/1", published="2024-03-06")
    assert {r["partner"] for r in rows} == {"Industrias Químicas y Mineras, S.A.", "Aguas del Altiplano, S.L."}


def test_a_regional_government_is_its_region():
    page = ("The National University of San Agustín signed a cooperation agreement with the Regional Government of "
            "Arequipa on April 22 on water studies.\n")
    rows = facts(page, "agreements", url="https://www.unsa.edu.pe/en/news/1", published="2024-04-24")
    assert [(r["partner"], r["partner_type"]) for r in rows] == [("Arequipa Region", "province")]


def test_a_ministry_named_by_a_list_of_its_fields_is_one_body():
    page = ("Universidad de Murcia, the Regional Ministry of Education, Universities, Research and Innovation of "
            "the Region of Murcia and Hero España, S.A. signed an agreement on May 7 to create a food research chair.\n")
    rows = facts(page, "agreements", url="https://www.um.es/en/news/1", published="2024-05-08")
    assert {r["partner"] for r in rows} == {
        "Regional Ministry of Education, Universities, Research and Innovation of the Region of Murcia",
        "Hero España, S.A."}


def test_names_in_a_list_after_a_ministry_stay_bodies_of_their_own():
    # "the Ministry of Science, Huawei and ZTE": names, no fields (the words of a field list are English words)
    page = "The Ministry of Science, Huawei and ZTE signed an agreement with Zhejiang University on May 7.\n"
    rows = facts(page, "agreements", url="https://www.zju.edu.cn/english/news/1", published="2024-05-08")
    assert {r["partner"] for r in rows} == {"Ministry of Science", "Huawei", "ZTE"}


def test_a_body_told_by_its_country_is_a_party():
    # "an MoU with China's Beijing Institute of Technology": the country is no word of the name, and the
    # university is no place
    page = ("Cairo University signed three cooperation agreements on Monday.\n\n"
            "The third is a memorandum of understanding with China's Beijing Institute of Technology on solar "
            "energy.\n\nAin Shams University also signed an agreement with Japan's Tohoku University on Monday.\n")
    rows = facts(page, "agreements", url="https://english.ahram.org.eg/News/1.aspx", published="2024-03-05")
    assert {(r["university"], r["partner"]) for r in rows} == {
        ("Cairo University", "Beijing Institute of Technology"), ("Ain Shams University", "Tohoku University")}


TABLE_PAGE = ("Co-built Research Platforms\n\nResearch > Research Platforms > Co-built Platforms\n\n"
              "Selected co-built platforms\n\n"
              "Platform | Co-builder | Type | Established\n"
              "Xinjiang University Science Park (Shuimogou) | Shuimogou District | Science park | 2009\n"
              "China-Kazakhstan Joint Laboratory of Arid Ecology | Al-Farabi Kazakh National University | "
              "Joint laboratory | 2018\n"
              "XJU Changji Pilot Base for Cotton Machinery | Changji Municipal People's Government | Pilot base | 2021\n\n"
              "In March 2024, the XJU Changji Pilot Base for Cotton Machinery was upgraded to a regional-level pilot base "
              "and moved into a new plant.\n\n"
              "Key laboratories approved by the Ministry of Education, such as the Key Laboratory of Oasis Ecology, "
              "are built by XJU on its own.\n")


def test_a_table_of_the_pages_platforms_reads_each_row_whole():
    # a name with its site in brackets, another university in the co-builder column (the page's university's
    # partner), the table's year over a later "upgraded" mention; no platform from the page's trail of sections, nor
    # a key laboratory built by the university on its own
    rows = facts(TABLE_PAGE, "platforms", url="https://en.xju.edu.cn/research/co-built.htm", published="2024-05-08")
    got = {(r["name"].split(" (")[0], r["university"], r["partner"], r["date"]) for r in rows}
    assert got == {
        ("Xinjiang University Science Park", "Xinjiang University", "Shuimogou District", "2009"),
        ("China-Kazakhstan Joint Laboratory of Arid Ecology", "Xinjiang University",
         "Al-Farabi Kazakh National University", "2018"),
        ("XJU Changji Pilot Base for Cotton Machinery", "Xinjiang University", "Changji City", "2021")}


def test_two_bodies_of_one_short_name_in_different_years_stay_two():
    # the same full name merges whatever the dates; a short name ("the lab", three words or fewer) does not
    page = ("Hefei University of Technology and Hefei City opened the Smart Grid Laboratory in 2015.\n\n"
            "Hefei University of Technology and Anqing City opened the Smart Grid Laboratory in 2019.\n")
    rows = facts(page, "platforms", url="https://en.hfut.edu.cn/info/1.htm", published="2024-05-08")
    assert sorted(r["date"] for r in rows) == ["2015", "2019"]


def test_figures_that_are_no_tally_of_cooperation():
    # a year after "since", an enrolment, a capacity, an event's audience
    page = ("TU Freiberg signed an agreement with Saxony on May 3, 2024.\n\n"
            '"Freiberg has been training mining engineers since 1765," the rector said.\n\n'
            "Saxony has 14 universities with a total enrolment of about 105,000 students.\n\n"
            "The new centre has space for up to 60 researchers.\n\n"
            "The forum, opened by the minister, brought together more than 100 rectors from 70 universities.\n\n"
            "The agreement was signed in front of around 150 business leaders.\n")
    assert facts(page, "counts", url="https://tu-freiberg.de/en/news/1", published="2024-05-04") == []


def test_what_a_new_body_brings_together_still_counts():
    page = ("Carver University and Westbrook Steel signed an agreement on May 5, 2025. The Carver Steel Centre will "
            "bring together 11 companies from the region.\n")
    rows = facts(page, "counts", url="https://www.carver.edu/news/1", published="2025-05-06")
    assert [(r["quantity"], r["unit"]) for r in rows] == [(11, "enterprise")]


def test_a_university_named_after_the_is_no_group_of_universities():
    # "... to the Shandong University Yantai Institute": "the <name> University" is no "the ten universities" whose
    # list follows; the next sentence's university is no party of the city's
    page = ("In March 2024, Shandong University renewed its agreement with the People's Government of Yantai City.\n\n"
            "Under the renewed agreement, Yantai will provide 20 million yuan a year to the Shandong University Yantai "
            "Institute of Industrial Technology, which the two sides set up in 2018.\n\n"
            "The university ranks among the country's top 30 institutions in the Nature Index.\n")
    rows = facts(page, "agreements", url="https://www.en.sdu.edu.cn/info/1.htm", published="2024-04-10")
    assert [(r["partner"], r["date"]) for r in rows] == [("Yantai City", "2024-03")]


def test_students_enrolled_in_a_co_run_college_still_count():
    page = ("Nanchang Hangkong University and AVIC Hongdu set up the Hongdu Aviation Industrial College in 2021.\n\n"
            "The college's first cohort of 120 undergraduates enrolled this autumn.\n")
    rows = facts(page, "counts", url="https://www.nchu.edu.cn/en/info/1.htm", published="2024-10-08")
    assert [r["quantity"] for r in rows] == [120]


def test_a_short_form_of_a_named_company_is_the_company_not_a_person():
    # "Ford Otosan will contribute ..." after "Ford Otosan, S.A.": the company (its words read as a person's name)
    page = ("Koç University and Ford Otosan, S.A. signed a three-year agreement on May 3 to create a chair in "
            "electric mobility.\n\nUnder the agreement, Ford Otosan will contribute 450,000 euros a year to the chair.\n")
    rows = facts(page, "funding", url="https://www.ku.edu.tr/en/news/1", published="2024-05-06")
    assert [r["funder"] for r in rows] == ["Ford Otosan, S.A."]


def test_money_over_that_period_takes_the_agreements_term():
    # "renewed ... for a further five years. The company has committed £6 million over that period to ...": five years;
    # and the year a relative clause gives the centre ("which the two opened in 2013") does not date the money
    page = ("Northern Grid\nOur strategic partnership agreement with Northern Grid was renewed in June 2023 for a "
            "further five years. The company has committed £6 million over that period to research at the Grid "
            "Demonstration Centre, which the two partners opened in 2013.\n")
    rows = facts(page, "funding", url="https://www.strath.ac.uk/partnerships/", published="2024-01-10")
    assert [(r["amount"], r["period_years"]) for r in rows] == [(6_000_000, 5)]
    assert rows[0]["date"] != "2013"


def test_money_under_the_renewed_agreement_is_of_the_renewal():
    page = ("Zhejiang University renewed its cooperation agreement with the Huzhou Municipal People's Government in "
            "May 2024. The agreement was first signed in 2014.\n\nUnder the renewed agreement, Huzhou will provide 50 "
            "million yuan a year to the Zhejiang University Huzhou Institute of Industrial Technology for the next five "
            "years.\n")
    rows = facts(page, "funding", url="https://www.zju.edu.cn/english/info/1.htm", published="2024-05-20")
    assert [(r["funder"], r["date"]) for r in rows] == [("Huzhou City", "2024-05")]


def test_the_regional_government_is_the_pages_region():
    page = ("Universidad de Tarapacá and the Regional Government of Arica signed an agreement on May 2 to set up the "
            "Arica Solar Research Center.\n\nThe university will contribute its laboratories, while the regional "
            "government committed CLP 900 million to the center.\n")
    rows = facts(page, "funding", url="https://www.uta.cl/en/news/1", published="2024-05-03")
    assert [r["funder"] for r in rows] == ["Arica Region"]


def test_money_in_more_currencies_by_code_and_name():
    # the ISO code before the figure or the currency's name after it ("EGP 75 million", "450 million tenge")
    page = ("Cairo University and the Ministry of Communications signed an agreement on March 4 to set up an AI "
            "centre.\n\nThe ministry will fund the centre with EGP 75 million over three years, and Satbayev University "
            "will receive 450 million tenge (about $1 million) from KazMunayGas.\n\nThe Regional Government of "
            "Arica committed CLP 900 million to the Arica Solar Research Center.\n")
    rows = facts(page, "funding", url="https://english.ahram.org.eg/News/2.aspx", published="2024-03-05")
    assert {(r["amount"], r["currency"]) for r in rows} == {(75_000_000, "EGP"), (450_000_000, "KZT"),
                                                            (900_000_000, "CLP")}


def test_a_proper_name_listed_after_a_side_of_a_signing_is_a_side():
    # "Murdoch University and Rio Tinto signed ...": the recogniser reads nothing there; a name of proper words listed
    # after the university is the other side (not one the recogniser calls a person, not English words)
    page = "Murdoch University and Rio Tinto signed an agreement on Wednesday to set up an iron ore research hub.\n"
    rows = facts(page, "agreements", url="https://www.murdoch.edu.au/news/1", published="2024-08-09")
    assert [r["partner"] for r in rows] == ["Rio Tinto"]


def test_a_level_a_plan_raises_something_to_is_no_money():
    page = ("Kunming University of Science and Technology signed 20 agreements with enterprises in 2023.\n\n"
            "In 2024, KUST plans to raise the value of technology contracts to 500 million yuan.\n\n"
            "Yuxi City will raise its support for the joint institute to 50 million yuan a year.\n")
    rows = facts(page, "funding", url="https://www.kust.edu.cn/en/info/1.htm", published="2024-02-01")
    assert [r["amount"] for r in rows] == [50_000_000]


def test_an_agreement_still_under_discussion_is_none():
    page = ("Zhejiang University renewed its agreement with the Huzhou Municipal People's Government on May 3.\n\n"
            "A separate memorandum between the university and Anji County on tea science is still under discussion, "
            "officials said. An agreement between Zhejiang University and Deqing County was signed in 2019.\n")
    rows = facts(page, "agreements", url="https://www.zju.edu.cn/english/info/2.htm", published="2024-05-06")
    assert {r["partner"] for r in rows} == {"Huzhou City", "Deqing County"}


def test_a_bodys_joint_lab_with_another_is_their_platform_of_its_year():
    # "Sinopec's joint laboratory with Tianjin University, set up in 2019": a joint body of the two, dated by its
    # participle
    page = ("Sinopec signed a strategic agreement with Tianjin University on Friday.\n\n"
            "The agreement builds on Sinopec's joint laboratory with Tianjin University, set up in 2019, which has "
            "completed 43 projects.\n")
    rows = facts(page, "platforms", url="https://www.tju.edu.cn/english/info/1.htm", published="2024-05-13")
    assert [(r["university"], r["partner"], r["platform_type"], r["date"]) for r in rows] == [
        ("Tianjin University", "Sinopec", "laboratory", "2019")]


def test_a_listed_name_is_no_person_nor_a_pair_of_names():
    # a person by a word of address ("Shri Anoop Menon"), two names joined by "and" in a headline: no side
    page = ("NITC signs MoUs with CSL and KSUM\n\n"
            "The MoUs were exchanged by the Director, NITC, with the Director (Technical), CSL and Shri Anoop Menon, "
            "CEO, in the presence of the minister on September 16, 2025.\n")
    rows = facts(page, "agreements", url="https://nitc.ac.in/news/1", published="2025-09-17")
    assert not any("Menon" in r["partner"] for r in rows)


def test_a_universitys_total_research_spending_is_no_funding():
    page = ("Purdue University signed an agreement with Cummins on May 3, 2024.\n\n"
            "Total research expenditures across the university reached $850 million in fiscal year 2023.\n\n"
            "Cummins will provide $5 million to the joint engine laboratory.\n")
    rows = facts(page, "funding", url="https://www.purdue.edu/newsroom/1", published="2024-05-04")
    assert [r["amount"] for r in rows] == [5_000_000]


def test_an_m_glued_to_a_figure_before_a_currency_is_millions():
    page = "Zhejiang University, Geely renew partnership with 300m yuan fund\n\nThe fund was set up on May 3, 2024.\n"
    rows = facts(page, "funding", url="https://www.chinadaily.com.cn/a/1.html", published="2024-05-04")
    assert [r["amount"] for r in rows] == [300_000_000]


def test_a_name_an_officials_title_is_set_off_before_is_a_person():
    # "the State Secretary for Environment, Infrastructure and Logistics, Natália Resende, signed": a person, no side
    page = ("On the same occasion, the Rector and the Minas Gerais State Secretary for Economic Development, Natália "
            "Resende, signed a technical cooperation agreement between UFMG and the State Secretariat for Economic "
            "Development on May 6, 2024.\n")
    rows = facts(page, "agreements", url="https://ufmg.br/en/news/1", published="2024-05-07")
    assert not any("Resende" in r["partner"] for r in rows)


def test_agreements_told_in_the_passive_after_a_counted_signing_are_its_signers():
    # "The administrative committee of X Park signed agreements with three universities on May 8. The agreements were
    # signed with A, B and C, with officials of the city's bureau looking on": the park (a zone its committee signs
    # for) is the other side; the onlookers are none
    page = ("Date: 2024-05-10\n\n"
            "The administrative committee of Guangming Science City Industrial Park signed agreements with three "
            "universities on May 8.\n\n"
            "The agreements were signed with Sun Yat-sen University, Shenzhen University and Southern University of "
            "Science and Technology, with officials of the Shenzhen Municipal Science and Technology Bureau looking "
            "on.\n")
    rows = facts(page, "agreements", url="http://www.sz.gov.cn/en/news/1.html", published="2024-05-10")
    assert {(r["university"], r["partner"]) for r in rows} == {
        (u, "Guangming Science City Industrial Park") for u in (
            "Sun Yat-sen University", "Shenzhen University", "Southern University of Science and Technology")}
