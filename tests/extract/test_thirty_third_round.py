"""Rules of the thirty-third round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, platform_sides as _platforms


def _agreements(page: str, **kw) -> set[tuple]:
    return {(a["university"], a["partner"], a["date"]) for a in facts(page, "agreements", **kw)}


def test_a_first_signing_told_by_it_in_the_next_sentence_is_a_row_of_its_own():
    page = ("Jiangsu University and the People's Government of Yangzhong City renewed their framework cooperation "
            "agreement on March 4. The two sides originally signed it in 2016 and have since opened six joint "
            "platforms.\n")
    assert _agreements(page, url="https://en.ujs.edu.cn/info/1.htm", published="2025-03-06") == {
        ("Jiangsu University", "Yangzhong City", "2025-03-04"), ("Jiangsu University", "Yangzhong City", "2016")}


def test_it_signed_without_first_is_no_earlier_signing():
    # (a later sentence that tells the same signing again, with no word of a first one, adds no row)
    page = ("Jiangsu University and the People's Government of Yangzhong City reached a framework cooperation "
            "agreement on March 4. Officials of the two sides signed it in the city's conference centre.\n")
    assert _agreements(page, url="https://en.ujs.edu.cn/info/2.htm", published="2025-03-06") == {
        ("Jiangsu University", "Yangzhong City", "2025-03-04")}


def test_a_partner_cell_of_one_name_with_and_is_the_whole_name():
    page = ("MoUs with industry\n\n"
            "S.No\tOrganisation\tDate of MoU\tPurpose\n"
            "1\tHalden Engineering and Business Solutions\t14.02.2023\tJoint laboratory for embedded systems\n"
            "2\tMeridian Foods Private Limited\t09.09.2022\tInternships in food processing\n")
    got = _agreements(page, url="https://www.psgtech.edu/iipc/mou2.php", published="2024-01-10")
    assert got == {("PSG College of Technology", "Halden Engineering and Business Solutions", "2023-02-14"),
                   ("PSG College of Technology", "Meridian Foods Private Limited", "2022-09-09")}


def test_a_field_after_in_on_a_title_case_name_is_part_of_it():
    page = ("Jiangsu University opened the Technology Station in Hydrogen and Fuel Cell Materials with Zhenjiang "
            "Hydrogen Energy Co., Ltd. on May 6.\n")
    names = {p[0] for p in _platforms(page, url="https://en.ujs.edu.cn/info/3.htm", published="2025-05-08")}
    assert names == {"Technology Station in Hydrogen and Fuel Cell Materials"}


def test_a_place_after_in_is_no_part_of_the_name():
    page = ("Jiangsu University opened the Advanced Materials Research Institute in Zhenjiang with Zhenjiang "
            "Hydrogen Energy Co., Ltd. on May 6.\n")
    names = {p[0] for p in _platforms(page, url="https://en.ujs.edu.cn/info/4.htm", published="2025-05-08")}
    assert names == {"Advanced Materials Research Institute"}


def test_a_signing_of_two_other_bodies_beside_the_university_word_is_none_of_its():
    # "the university deals" (a modifier) and "the university is not a party to it" name no side of the signing
    page = ("Jiangsu University signed a cooperation agreement with Zhenjiang Hydrogen Energy Co., Ltd. on May 6.\n\n"
            "Outside the university deals, Zhenjiang City and Eastport Paints Co., Ltd. signed a land agreement for a "
            "coatings plant.\n\n"
            "Yangzhong City separately concluded an investment agreement with Meridian Foods Co., Ltd.; the university "
            "is not a party to it.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://en.ujs.edu.cn/info/5.htm", published="2025-05-08")}
    assert got == {("Jiangsu University", "Zhenjiang Hydrogen Energy Co., Ltd.")}


def test_a_persons_own_contract_is_no_agreement():
    page = ("Jiangsu University signed a talent training agreement with Zhenjiang Hydrogen Energy Co., Ltd. on May 6.\n\n"
            "Among the speakers was Wang Lei, a 2024 graduate who signed a contract with Eastport Paints Co., Ltd. in "
            "July.\n\n"
            "Zhou Min, a postdoctoral scholar at the university, signed a two-year contract with Meridian Foods Co., "
            "Ltd. in August.\n\n"
            "Another alumnus signed an employment contract with Yangzhong Valve Co., Ltd.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://en.ujs.edu.cn/info/6.htm", published="2025-09-08")}
    assert got == {("Jiangsu University", "Zhenjiang Hydrogen Energy Co., Ltd.")}


def test_a_body_among_the_witnesses_is_no_party():
    page = ("Jiangsu University signed a cooperation agreement with Zhenjiang Hydrogen Energy Co., Ltd. on May 6.\n\n"
            "Eastport Paints Co., Ltd. and Meridian Foods Co., Ltd. also signed a supply contract at the event, with "
            "the UJS president among the witnesses.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://en.ujs.edu.cn/info/7.htm", published="2025-05-08")}
    assert got == {("Jiangsu University", "Zhenjiang Hydrogen Energy Co., Ltd.")}


def test_rows_under_a_lead_of_signings_between_schools_and_companies_name_both_sides():
    page = ("At the closing ceremony on October 24, three agreements were signed between schools of Jiangsu "
            "University and companies:\n\n"
            "- School of Materials Science and Engineering and Zhenjiang Hydrogen Energy Co., Ltd.: joint laboratory "
            "for fuel cells\n"
            "- School of Computer Science and Technology and iFLYTEK Co., Ltd.: talent training\n"
            "- School of Management and Meridian Foods Co., Ltd.: graduate internships\n")
    got = _agreements(page, url="https://en.ujs.edu.cn/info/8.htm", published="2024-10-25")
    assert got == {("Jiangsu University", p, "2024-10-24") for p in (
        "Zhenjiang Hydrogen Energy Co., Ltd.", "iFLYTEK Co., Ltd.", "Meridian Foods Co., Ltd.")}


def test_a_company_short_form_after_a_name_with_and_keeps_the_whole_name():
    page = ("Key agreements (partner | agreement | year signed)\n\n"
            "Benxi Iron and Steel Group Co., Ltd. (Bensteel) | Industry-university-research cooperation agreement | 2016\n"
            "Dalian Shipbuilding Industry Co., Ltd. (DSIC) | Talent training agreement | 2019\n")
    got = _agreements(page, url="https://en.dlut.edu.cn/info/1.htm", published="2024-10-25")
    assert got == {("Dalian University of Technology", "Benxi Iron and Steel Group Co., Ltd.", "2016"),
                   ("Dalian University of Technology", "Dalian Shipbuilding Industry Co., Ltd.", "2019")}


def test_a_possessor_in_an_apposition_is_no_party():
    page = ("Zhenjiang Robotics Co., Ltd., Eastport Group's robotics subsidiary, signed a talent training agreement "
            "with Jiangsu University on May 6.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.example.com/news/1.html", published="2025-05-08")}
    assert got == {("Jiangsu University", "Zhenjiang Robotics Co., Ltd.")}


def test_our_county_on_a_governments_page_is_the_county():
    page = ("Yangzhong County People's Government\n\n"
            "Since the signing of the comprehensive cooperation agreement in 2020, our county and Jiangsu University "
            "have carried out close cooperation around the valve industry.\n")
    assert _agreements(page, url="http://www.yangzhong.gov.cn/english/2024-09/06/1.html", published="2024-09-06") == {
        ("Jiangsu University", "Yangzhong County", "2020")}


def test_letters_that_spell_a_whole_zone_name_after_of_stand_for_the_zone():
    # "the Jinji Lake Business and Innovation District of Suzhou Industrial Park (SIP)": SIP is the park, not the
    # district
    page = ("The Jinji Lake Business and Innovation District of Suzhou Industrial Park (SIP) hosts 12 universities.\n\n"
            "At the event, SIP signed an agreement with Jiangsu University to build the UJS Institute of Intelligent "
            "Valves.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.example.gov.cn/news/1.html",
                                             published="2024-05-24")}
    assert got == {("Jiangsu University", "Suzhou Industrial Park")}


def test_bringing_to_a_figure_the_number_counts_the_same_things():
    page = ("Five joint research institutes were added in the city's districts during the year, bringing to 17 the "
            "number of institutes the university runs with local governments.\n")
    got = {(c["quantity"], c["unit"]) for c in facts(page, "counts", url="https://en.ujs.edu.cn/info/9.htm",
                                                      published="2024-12-20")}
    assert got == {(5, "platform"), (17, "platform")}


def test_a_unit_at_a_university_signs_for_it():
    page = ("WMG at the University of Warwick, Eastport Motors Limited (EML) and the West Midlands Combined Authority "
            "(WMCA) have signed a three-way accord on battery skills.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.example.co.uk/news/1.html",
                                             published="2025-05-14")}
    assert got == {("University of Warwick", "Eastport Motors Limited"),
                   ("University of Warwick", "West Midlands Combined Authority")}


def test_ordinal_rows_after_agreements_signed_with_a_number_of_partners():
    page = ("Jiangsu University held its school-enterprise cooperation day on December 4, during which agreements were "
            "signed with three enterprises.\n\n"
            "The first, a cooperation agreement on hydrogen valves, was concluded with Zhenjiang Hydrogen Energy Co., "
            "Ltd.\n\n"
            "The second, with AVIC Zhenjiang Research Institute of Aircraft Systems, provides for the joint training "
            "of doctoral students.\n\n"
            "The third agreement was made with Eastport Paints Co., Ltd., a coatings maker in the zone.\n")
    got = _agreements(page, url="https://en.ujs.edu.cn/info/11.htm", published="2024-12-06")
    assert got == {("Jiangsu University", p, "2024-12-04") for p in (
        "Zhenjiang Hydrogen Energy Co., Ltd.", "AVIC Zhenjiang Research Institute of Aircraft Systems",
        "Eastport Paints Co., Ltd.")}


def test_raising_ones_own_funds_to_a_level_is_an_aim_not_money_given():
    page = ("In 2025 the university plans to raise horizontal research funds to 600 million yuan.\n\n"
            "Zhenjiang City will raise its funding for the UJS Institute of Intelligent Valves to 50 million yuan a "
            "year.\n")
    got = {(f["amount"], f["per"]) for f in facts(page, "funding", url="https://en.ujs.edu.cn/info/12.htm",
                                                   published="2025-01-10")}
    assert got == {(50000000, "year")}


def test_a_headlines_company_for_a_centre_is_the_company_the_text_names():
    page = ("IIT Madras signs MoU with Larsen & Toubro for Green Hydrogen Centre\n\n"
            "CHENNAI, 21 January 2025: The Indian Institute of Technology Madras (IIT Madras) today signed a Memorandum "
            "of Understanding with Larsen & Toubro Limited (L&T) to set up a Green Hydrogen Centre on its campus.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.iitm.ac.in/happenings/press-releases/1",
                                             published="2025-01-21")}
    assert got == {("Indian Institute of Technology, Madras", "Larsen & Toubro Limited")}


def test_a_partner_cards_agreement_being_prepared_is_none_yet():
    page = ("Strategic partners\n\n"
            "Eastport Paints AB | Industry | Coatings\n"
            "Framework agreement since 2016. 14 industrial PhD students are currently enrolled.\n\n"
            "Meridian Shipping AB | Industry | Maritime\n"
            "Partner since 2024 in maritime decarbonisation; a partnership agreement is being prepared.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.chalmers.se/en/collaborate/partners/",
                                             published="2025-01-10")}
    assert got == {("Chalmers University of Technology", "Eastport Paints AB")}


def test_the_leading_word_of_the_pages_university_is_the_university():
    page = ("McMaster also signed a master research agreement with Hamilton Steelworks Inc. in May 2023 covering "
            "hydrogen-based ironmaking.\n")
    got = _agreements(page, url="https://www.mcmaster.ca/research/report-2023/", published="2024-02-01")
    assert got == {("McMaster University", "Hamilton Steelworks Inc", "2023-05")}


def test_a_signing_ceremony_held_without_was_is_a_signing():
    # (a machine translation's passive without "was"; "our county": the county whose page it is)
    page = ("Yangzhong County People's Government Portal\n\n"
            "Early this month, our county and Jiangsu University school-local cooperation signing ceremony in the "
            "university grandly held.\n")
    assert _agreements(page, url="http://www.yangzhong.gov.cn/art/2023/10/17/art_1.html", published="2023-10-17") == {
        ("Jiangsu University", "Yangzhong County", "2023-10")}


def test_a_countrys_tally_on_a_chinese_page_is_chinas():
    page = ("Chinese universities signed 518,000 technology contracts with enterprises in 2023.\n\n"
            "Nationwide, universities transferred or licensed about 61,000 patents to companies during the year.\n")
    got = {(c["quantity"], c["subject"]) for c in facts(page, "counts", url="https://www.globaltimes.cn/page/1.html",
                                                         published="2024-03-01")}
    assert got == {(518000, "China"), (61000, "China")}


def test_a_universitys_own_students_in_a_table_are_no_count():
    page = ("Key figures | 2022 | 2023\n"
            "Full-time students | 42,610 | 43,050\n"
            "Joint research institutes with local governments | 23 | 27\n")
    got = {(c["quantity"], c["unit"]) for c in facts(page, "counts", url="https://en.ujs.edu.cn/info/13.htm",
                                                      published="2024-03-01")}
    assert (42610, "person") not in got and (43050, "person") not in got and (27, "platform") in got


def test_a_collaborative_research_division_with_a_company_is_a_joint_laboratory():
    page = ("Kyushu University and Genkai Semiconductor Co., Ltd. jointly established the Genkai Power Device "
            "Collaborative Research Division in April 2023.\n")
    got = {(p["name"], p["platform_type"]) for p in facts(page, "platforms", url="https://www.kyushu-u.ac.jp/en/1",
                                                            published="2023-05-01")}
    assert got == {("Genkai Power Device Collaborative Research Division", "laboratory")}


def test_the_type_of_an_agreement_that_sets_up_a_platform_or_trains_people():
    page = ("Jiangsu University signed a memorandum of understanding with Zhenjiang Hydrogen Energy Co., Ltd. on May 6 "
            "creating H2-VALVE, a joint laboratory on hydrogen valves.\n\n"
            "Jiangsu University entered into an MoU with the Zhenjiang Agriculture Bureau on May 7 for a Seed "
            "Technology Hub.\n\n"
            "Jiangsu University signed an agreement with Eastport Paints Co., Ltd. on May 8 covering cyber security "
            "training of its engineers.\n\n"
            "Jiangsu University and Yangzhong City signed a comprehensive cooperation agreement on May 9.\n")
    got = {(a["partner"], a["agreement_type"]) for a in facts(page, "agreements", url="https://en.ujs.edu.cn/info/14.htm",
                                                               published="2025-05-10")}
    assert got == {("Zhenjiang Hydrogen Energy Co., Ltd.", "joint_platform"),
                   ("Zhenjiang Agriculture Bureau", "joint_platform"),
                   ("Eastport Paints Co., Ltd.", "talent_training"),
                   ("Yangzhong City", "strategic_cooperation")}


def test_a_joint_names_partner_is_the_whole_body_the_sentence_names_alone():
    page = ("Mitacs and Eastport Grid together are investing $1.4 million in the project, which will fund graduate "
            "interns at the new UJS-Eastport Grid Resilience Centre opened by Jiangsu University.\n")
    got = {(p["name"], p["partner"]) for p in facts(page, "platforms", url="https://en.ujs.edu.cn/info/15.htm",
                                                     published="2025-05-10")}
    assert got == {("UJS-Eastport Grid Resilience Centre", "Eastport Grid")}


def test_money_for_a_named_bodys_things_goes_to_that_body():
    page = ("Jiangsu University and Zhenjiang Valve Co., Ltd. opened the UJS-Zhenjiang Valve Research Center on May 6, "
            "2025.\n\n"
            "According to the agreement, Zhenjiang Valve will invest 12 million yuan (about US$1.7 million) over five "
            "years in the center's equipment and research projects, and the university will assign 20 researchers.\n")
    got = {(f["amount"], f["recipient"]) for f in facts(page, "funding", url="https://en.ujs.edu.cn/info/16.htm",
                                                         published="2025-05-08")}
    assert got == {(12000000, "UJS-Zhenjiang Valve Research Center")}


def test_rd_institutions_are_platforms_and_agreements_with_governments_count_agreements():
    page = ("Since 2021, Zhenjiang has jointly built 73 new R&D institutions with universities.\n\n"
            "Jiangsu University has signed cooperation agreements with 26 provincial and municipal governments.\n")
    got = {(c["quantity"], c["unit"]) for c in facts(page, "counts", url="https://en.ujs.edu.cn/info/17.htm",
                                                      published="2025-01-10")}
    assert got == {(73, "platform"), (26, "agreement")}


def test_figures_of_requirements_and_of_agreements_under_negotiation_are_no_tallies():
    page = ("Jiangsu University has signed agreements with 12 partners in Central Asia.\n\n"
            "Agreements with a further 14 partners in Eastern Europe are under negotiation.\n\n"
            "The partner enterprise shall commit 3 million yuan to the center, and the center shall have no fewer "
            "than ten full-time researchers.\n")
    got = {c["quantity"] for c in facts(page, "counts", url="https://en.ujs.edu.cn/info/18.htm", published="2025-01-10")}
    assert got == {12}


def test_a_department_whose_portfolios_join_words_by_and_is_one_body():
    page = ("UQ signed an agreement with the Queensland Department of Natural Resources and Mines, Manufacturing and "
            "Regional and Rural Development on 12 August 2025.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.uq.edu.au/news/article/2025/08/1",
                                             published="2025-08-14")}
    assert got == {("University of Queensland", "Queensland Department of Natural Resources and Mines, Manufacturing "
                                                "and Regional and Rural Development")}


def test_a_letter_of_intent_signed_with_a_body_is_no_agreement_and_yesterdays_signing_dates_the_accord():
    page = ("Wednesday 14 May 2025\n\n"
            "WMG at the University of Warwick, Eastport Motors Limited (EML) and the West Midlands Combined Authority "
            "(WMCA) have signed a three-way accord on battery skills.\n\n"
            "The accord was signed yesterday at WMG's Energy Innovation Centre by the Dean of WMG.\n\n"
            "WMG also signed a letter of intent with Coventry City Council on a battery recycling pilot.\n")
    got = _agreements(page, url="https://warwick.ac.uk/newsandevents/pressreleases/1", published="2025-05-14")
    assert got == {("University of Warwick", "Eastport Motors Limited", "2025-05-13"),
                   ("University of Warwick", "West Midlands Combined Authority", "2025-05-13")}


def test_a_places_unnamed_department_and_a_faculties_letters_are_no_parties():
    page = ("UQ inks critical minerals agreements with Queensland department and Indonesian ministry\n\n"
            "Last week, UQ's Faculty of Engineering, Built Environment and Information Technology (EBIT) also entered "
            "into a cooperation agreement with the Ministry of Energy and Mineral Resources of Indonesia.\n")
    got = {(u, p) for u, p, _ in _agreements(page, url="https://www.uq.edu.au/news/article/2025/08/2",
                                             published="2025-08-14")}
    assert got == {("University of Queensland", "Ministry of Energy and Mineral Resources of Indonesia")}


def test_of_the_figure_told_before_is_no_count_of_its_own():
    page = ("Joint platforms approved at provincial level: 134\n\n"
            "Of the 134 new platforms, 48 were set up with private manufacturers.\n")
    got = [(c["quantity"], c["unit"], c["evidence_start"]) for c in facts(
        page, "counts", url="https://www.zj.gov.cn/art/2024/3/12/1.html", published="2024-03-12")]
    assert sorted(q for q, _, _ in got) == [48, 134] and all(u == "platform" for _, u, _ in got)
    assert next(start for q, _, start in got if q == 134) == 0
