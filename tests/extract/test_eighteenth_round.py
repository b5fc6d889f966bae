"""Rules of the eighteenth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from pipelines.extract import extract_document
from pipelines.extract.money import find_money


def facts(text: str, kind: str, url: str = "https://en.example.gov.cn/news/1.html", published: str = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


def test_malaysian_press_scales_mil_and_bil_are_millions_and_billions():
    got = find_money("Orion Tech will contribute RM5.2mil to the lab, part of a RM1.1bil expansion.")
    assert [(m.amount, m.currency) for m in got] == [(5_200_000, "MYR"), (1_100_000_000, "MYR")]
    # (a count of things in millions is no money)
    assert find_money("the plant makes 3 mil pieces a year") == []


def test_a_platform_built_by_named_sides_is_one_whoever_the_sentence_says_inaugurated_it():
    page = ("News\n\nThe province will channel 400 million yuan to the Tianmu Lake Laboratory of Water Science.\n\n"
            "The laboratory, built jointly by the provincial government and Nanchang University, was inaugurated in "
            "December 2022.")
    got = facts(page, "platforms")
    assert [(p["name"], p["platform_type"], p["university"], p["date"]) for p in got] == [
        ("Tianmu Lake Laboratory of Water Science", "laboratory", "Nanchang University", "2022-12")]
    # (inaugurated with nobody named as its builder: a body with no founder in the sentence, no fact)
    assert facts("News\n\nThe laboratory was inaugurated in December 2022.", "platforms") == []


def test_money_from_a_budget_to_a_named_body_is_funding_for_that_body():
    page = ("News\n\nJiangxi will channel 900 million yuan from the provincial budget to the Tianmu Lake Laboratory of "
            "Water Science in the three years from 2024 to 2026.")
    got = facts(page, "funding")
    assert [(f["amount"], f["per"], f["period_years"], f["recipient"]) for f in got] == [
        (900_000_000, "total", 3, "Tianmu Lake Laboratory of Water Science")]
    # (a budget's own size is still no funding)
    assert facts("News\n\nThe provincial budget for science is 8.6 billion yuan this year.", "funding") == []


def test_a_body_that_received_money_is_its_recipient_and_money_chipped_in_is_invested():
    page = ("News\n\nThe Tianmu Lake Laboratory of Water Science opened in 2022 at Nanchang University.\n\n"
            "Since its launch, the laboratory has received 380 million yuan in start-up funds from the provincial "
            "finance, while Nanchang City has chipped in another 120 million yuan.")
    got = {f["amount"]: f for f in facts(page, "funding")}
    assert got[380_000_000]["recipient"] == "Tianmu Lake Laboratory of Water Science"
    assert got[120_000_000]["kind"] == "investment" and got[120_000_000]["funder"] == "Nanchang City"


def test_a_science_and_technology_courtyard_is_a_research_base_and_several_are_no_name():
    page = ("News\n\nOn April 18, 2024, the Longjing Tea Science and Technology Courtyard, jointly set up by Zhejiang "
            "University and the Xihu District People's Government, was unveiled.")
    got = facts(page, "platforms", published="2024-04-20")
    assert [(p["name"], p["platform_type"], p["partner"]) for p in got] == [
        ("Longjing Tea Science and Technology Courtyard", "research_base", "Xihu District")]
    page = ("News\n\nZhejiang University and Xihu District signed an agreement under which three new Science and "
            "Technology Courtyards (STCs) will be set up.")
    assert all(p["name"] is None for p in facts(page, "platforms"))


def test_a_research_institute_of_its_own_that_launches_a_body_is_its_partner_without_its_country():
    page = ("News\n\nJiangnan University and Germany's Fraunhofer Institute for Laser Technology ILT opened "
            "the Sino-German Photonics Joint Center in Hangzhou last month. The two signed a cooperation agreement in "
            "Aachen in September 2022.")
    plats = facts(page, "platforms", published="2024-04-12")
    assert [(p["university"], p["partner"]) for p in plats] == [
        ("Jiangnan University", "Fraunhofer Institute for Laser Technology ILT")]
    agrs = facts(page, "agreements", published="2024-04-12")
    assert [(a["university"], a["partner"], a["partner_type"], a["date"]) for a in agrs] == [
        ("Jiangnan University", "Fraunhofer Institute for Laser Technology ILT", "research_institute",
         "2022-09")]


def test_rows_under_a_heading_of_agreements_are_agreements_dated_by_their_brackets():
    page = ("Office of Industry Interaction\n\nHighlights of 2023-24\nMoUs signed with industry and government: 19\n\n"
            "Recent MoUs\n"
            "1. Korix Steel Ltd – to set up a centre of excellence in steel processing (12 January 2024)\n"
            "2. Odisha Space Applications Centre (ORSAC) – training in geospatial technologies (3 February 2024)\n"
            "3. Veltra Industries Ltd – joint PhD programme in aluminium technology (22 March 2024)\n"
            "4. Indus Refinery Ltd – draft MoU on a corrosion testing facility under discussion\n")
    got = facts(page, "agreements", url="https://www.nitrkl.ac.in/Research/IndustryInteraction", published="2024-04-01")
    assert [(a["partner"], a["date"]) for a in got] == [
        ("Korix Steel Ltd", "2024-01-12"), ("Odisha Space Applications Centre", "2024-02-03"),
        ("Veltra Industries Ltd", "2024-03-22")]
    assert {a["university"] for a in got} == {"National Institute of Technology Rourkela"}


def test_numbered_colon_rows_without_a_heading_of_agreements_keep_their_own_sides():
    page = ("News\n\nThe following agreements were signed at the conference on June 18, 2025:\n"
            "1. Weifang Binhai Development Zone and Harbin Institute of Technology: a joint R&D agreement on fuel cells;\n")
    got = facts(page, "agreements", published="2025-06-19")
    assert [(a["university"], a["date"]) for a in got] == [("Harbin Institute of Technology", "2025-06-18")]


def test_a_company_named_hereinafter_after_other_words_in_the_bracket_is_that_company():
    page = ("News release\n\nApril 8, 2024\n\nKyushu University and Orion Electric Power Co., Inc. (Headquarters: "
            "Fukuoka City; hereinafter \"Orden\") concluded a comprehensive partnership agreement on April 8, 2024.\n\n"
            "Kyushu University and Orden first signed a joint research agreement in 2016.")
    got = facts(page, "agreements", url="https://www.kyushu-u.ac.jp/en/topics/view/1", published="2024-04-08")
    assert {(a["partner"].rstrip("."), a["date"]) for a in got} == {
        ("Orion Electric Power Co., Inc", "2024-04-08"), ("Orion Electric Power Co., Inc", "2016")}


def test_an_agreement_the_two_parties_signed_is_a_signing_of_the_pair_however_the_parse_hangs_it():
    page = ("Press release\n\nCHANGSHA, March 7, 2024 — Korix Heavy Industry and Hunan University today opened the "
            "Korix-Hunan University Joint Laboratory for Smart Machinery.\n\n"
            "The laboratory was set up under a five-year agreement the two parties signed on January 18.")
    got = facts(page, "agreements", url="https://www.korix.com/press/1.html", published="2024-03-08")
    assert [(a["university"], a["partner"], a["date"]) for a in got] == [
        ("Hunan University", "Korix Heavy Industry", "2024-01-18")]


def test_a_headline_that_names_its_sides_before_the_verb_leaves_them_out_of_the_body_name():
    page = ("Korix and Hunan University Open Joint Laboratory for Smart Machinery\n\n"
            "CHANGSHA, March 7, 2024 — Korix Heavy Industry and Hunan University today opened the "
            "Korix-Hunan University Joint Laboratory for Smart Machinery.")
    got = facts(page, "platforms", url="https://www.korix.com/press/1.html", published="2024-03-08")
    assert [(p["name"], p["partner"]) for p in got] == [
        ("Korix-Hunan University Joint Laboratory for Smart Machinery", "Korix Heavy Industry")]


def test_at_the_launch_dates_a_signing_by_the_launch_the_page_told():
    page = ("News\n\nSINGAPORE - A corporate laboratory for energy research was launched at the Singapore University of "
            "Technology and Design (SUTD) on Tuesday.\n\n"
            "At the launch, SUTD and Korix Energy also signed a research collaboration agreement.\n\n"
            "Korix Energy last month signed a power purchase agreement with a data centre operator.")
    got = facts(page, "agreements", url="https://www.straitstimes.com/singapore/1", published="2024-05-21")
    assert [(a["partner"], a["date"]) for a in got] == [("Korix Energy", "2024-05")]


def test_a_price_before_a_body_is_no_part_of_its_name():
    page = ("News\n\nA $48 million (US$35.5 million) corporate laboratory to develop energy technologies was launched "
            "by the Singapore University of Technology and Design and Korix Energy on Tuesday.")
    got = facts(page, "platforms", url="https://www.straitstimes.com/singapore/1", published="2024-05-21")
    assert [(p["name"], p["platform_type"]) for p in got] == [(None, "laboratory")]


def test_a_body_told_in_lower_case_takes_the_one_name_the_page_gives_a_body_of_its_type():
    page = ("News\n\nChina University of Mining and Technology and the University of Johannesburg on Tuesday launched a "
            "joint research center on mine safety.\n\n"
            "Named the Sino-African Centre for Deep Mining, the center is hosted by the University of Johannesburg.")
    got = facts(page, "platforms", url="https://english.news.cn/1.htm", published="2023-11-16")
    assert [p["name"] for p in got] == ["Sino-African Centre for Deep Mining"]


def test_a_possessive_ordinal_gloss_of_a_named_body_is_no_second_body_and_to_the_centre_is_that_body():
    page = ("Report\n\nIn March 2025 the University of Leicester and Korix Aero opened the Centre for Quiet Propulsion "
            "at the science park, the company's fourth University Technology Centre on the campus. Korix Aero is "
            "contributing £6 million to the Centre over five years.")
    got = extract_document(page, document_id="p", url="https://le.ac.uk/news/1", published="2025-04-01")
    assert [p["name"] for p in got["platforms"]] == ["Centre for Quiet Propulsion"]
    assert [f["recipient"] for f in got["funding"]] == ["Centre for Quiet Propulsion"]


def test_a_relative_clause_of_a_named_body_that_tells_who_runs_or_set_it_up_founds_it():
    page = ("Our partners\n\nThe Humber Wind Skills Hub, which we run with Siemens Energy at the Green Port site, opened its "
            "doors in June 2023.\n\n"
            "It will work alongside the Siemens Energy-Hull Blade Test Laboratory, a smaller facility the partners set up in 2019.")
    got = facts(page, "platforms", url="https://www.hull.ac.uk/news/1", published="2024-01-10")
    assert sorted((p["name"], p["university"], p["partner"], p["date"]) for p in got) == [
        ("Humber Wind Skills Hub", "University of Hull", "Siemens Energy", "2023-06"),
        ("Siemens Energy-Hull Blade Test Laboratory", "University of Hull", "Siemens Energy", "2019")]


def test_a_stat_line_keeps_its_figure_before_a_bracket_and_counts_what_its_participle_is_said_of():
    page = ("Office of Industry Interaction\n\nHighlights of 2023-24\n"
            "Sponsored research projects sanctioned: 86 (₹41.7 crore)\n"
            "Consultancy assignments completed: 132 (₹6.85 crore)\n"
            "Students placed in industry internships: 640+\n")
    got = extract_document(page, document_id="p", url="https://www.nitrkl.ac.in/Research/1", published="2024-04-01")
    assert sorted((c["quantity"], c["unit"]) for c in got["counts"]) == [
        (86, "program"), (132, "program"), (640, "person")]
    assert {f["amount"]: f["kind"] for f in got["funding"]}[68_500_000] == "contract_value"


def test_order_classes_are_training_classes_and_an_economy_s_added_value_is_no_money_given():
    page = ("News\n\nOther figures released by the department:\n"
            "• 1,087 order classes sponsored by companies\n\n"
            "The province's digital economy core industries generated added value of 960 billion yuan last year.")
    got = extract_document(page, document_id="p", url="https://english.zjol.com.cn/1.shtml", published="2024-04-12")
    assert [(c["quantity"], c["unit"]) for c in got["counts"]] == [(1087, "training_class")]
    assert got["funding"] == []


def test_a_signing_and_its_renewal_coordinated_with_dates_of_their_own_are_two_rows():
    page = ("News\n\nOn June 11, 2024, Weichai Power Co., Ltd. and Shandong University renewed their joint laboratory "
            "agreement.\n\nIts founding agreement was signed in December 2013 and renewed in 2019.")
    got = facts(page, "agreements", url="https://en.weichai.com/news/1.html", published="2024-06-12")
    assert sorted(a["date"] for a in got) == ["2013-12", "2019", "2024-06-11"]


def test_the_two_universities_are_the_two_the_sentence_named():
    page = ("News\n\nOn Wednesday the ministry and the province signed an agreement on Qinghai University.\n\n"
            "Qinghai University has received counterpart assistance from Tsinghua University since 2001, when the two "
            "universities signed a pairing-assistance agreement.")
    got = facts(page, "agreements", url="https://english.news.cn/1.htm", published="2023-09-07")
    assert ("Qinghai University", "Tsinghua University", "2001") in [(a["university"], a["partner"], a["date"])
                                                                     for a in got]


def test_at_the_launch_is_the_launch_not_the_last_date_told_before_it():
    page = ("News\n\nXUZHOU, Nov. 14, 2023 -- China University of Mining and Technology and the University of "
            "Johannesburg on Tuesday launched a joint research center on mine safety.\n\n"
            "The two universities signed a memorandum of understanding on the center in March.\n\n"
            "At the launch, the University of Johannesburg also signed a research agreement with Sibanye-Stillwater.")
    got = facts(page, "agreements", url="https://english.news.cn/1.htm", published="2023-11-15")
    assert [a["date"][:7] for a in got if a["partner"] == "Sibanye-Stillwater"] == ["2023-11"]


def test_research_income_from_industry_is_a_contract_value_and_a_university_s_total_income_is_not_funding():
    page = ("Our year in numbers\n\n$96.4m research income from industry and government partners\n\n"
            "Total research income for the year was $512 million.")
    got = facts(page, "funding", url="https://www.deakin.edu.au/research/1", published="2024-03-01")
    assert [(f["amount"], f["kind"]) for f in got] == [(96_400_000, "contract_value")]


def test_bodies_whose_representatives_signed_are_the_parties():
    page = ("News\n\nThe Lusatia Circular Construction Centre (LC3) opened at the Brandenburg University of Technology "
            "Cottbus-Senftenberg (BTU) on Friday.\n\n"
            "LC3 is a joint undertaking of BTU, the Fraunhofer Institute for Building Physics IBP and the "
            "City of Cottbus, whose representatives signed the cooperation agreement on 14 June 2024.")
    got = facts(page, "agreements", url="https://www.b-tu.de/en/news/1", published="2024-06-15")
    assert sorted((a["partner"], a["date"]) for a in got) == [
        ("Cottbus City", "2024-06-14"), ("Fraunhofer Institute for Building Physics IBP", "2024-06-14")]


def test_a_body_named_only_as_where_another_sits_names_no_body_told_in_lower_case():
    page = ("News\n\nThe University of Nevada, Reno will open a training and testing center for battery technicians "
            "this fall.\n\nThe $6.1 million Northern Nevada Battery Workforce Center will take up most of the second "
            "floor of the University's Innevation Center on Sierra Street.")
    got = facts(page, "platforms", url="https://www.unr.edu/nevada-today/news/1", published="2024-02-20")
    assert [p["name"] for p in got] == ["Northern Nevada Battery Workforce Center"]


def test_money_with_no_recipient_on_the_page_of_one_body_goes_to_that_body():
    page = ("News\n\nAn agreement to build the Greater Bay Area Solid-State Battery Innovation Center was signed on "
            "Monday between South China University of Technology and Huangpu District.\n\n"
            "Under the agreement, Huangpu District will offer 200 million yuan in funding over the next five years.")
    got = facts(page, "funding", url="https://www2.scut.edu.cn/news/1.htm", published="2024-05-08")
    assert [(f["funder"], f["recipient"]) for f in got] == [
        ("Huangpu District", "Greater Bay Area Solid-State Battery Innovation Center")]


def test_dates_respectively_go_to_the_sides_in_their_order_and_a_level_word_opening_a_compound_is_no_place():
    page = ("2023 work summary\n\nI. Deepening province-university cooperation\n\n"
            "1. The Henan provincial government signed strategic cooperation agreements with Zhejiang University and "
            "Harbin Institute of Technology in April and July respectively.")
    got = facts(page, "agreements", url="http://kjt.henan.gov.cn/2024/01-10/1.html", published="2024-01-10")
    assert sorted((a["university"], a["partner"], a["date"]) for a in got) == [
        ("Harbin Institute of Technology", "Henan Province", "2023-07"),
        ("Zhejiang University", "Henan Province", "2023-04")]


def test_a_nationality_is_no_party_and_an_abbreviation_spells_the_body_before_it_not_the_university():
    page = ("News\n\nOn May 27, NUAA and French aerospace group Safran signed an agreement in Nanjing to renew the "
            "NUAA-Safran Joint Laboratory on Aero-engine Materials.\n\n"
            "Nanjing University of Aeronautics and Astronautics and Korea Aerospace Industries (KAI) signed a "
            "scholarship agreement on May 7.")
    got = facts(page, "agreements", url="https://iao.nuaa.edu.cn/news/1.htm", published="2024-05-30")
    pairs = [(a["university"], a["partner"]) for a in got]
    assert ("Nanjing University of Aeronautics and Astronautics", "Korea Aerospace Industries") in pairs
    assert all(p != "French" and "Korea Aerospace Industries" not in u for u, p in pairs)


def test_a_university_that_only_names_the_event_a_later_signing_is_dated_by_is_no_side_of_it():
    page = ("News\n\nOn March 20, LONGi Green Energy Technology Co., Ltd. and Xi'an Jiaotong University (XJTU) signed "
            "a strategic cooperation agreement.\n\n"
            "On the same day as the XJTU signing, LONGi Hydrogen signed an electrolyser supply contract with China "
            "Energy Engineering Corporation.")
    got = facts(page, "agreements", url="https://www.longi.com/en/news/1", published="2024-03-21")
    assert [(a["university"], a["partner"]) for a in got] == [
        ("Xi'an Jiaotong University", "LONGi Green Energy Technology Co., Ltd.")]
