"""Rules of the thirty-second round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts, platform_sides as _platforms


def test_a_body_run_with_a_partner_in_a_main_clause_is_set_up_together():
    # "A has run the X Center for Y with B since 2019": the parse hangs "with B" on the name's last word; "A operates
    # the X Institute with B": a main clause's verb of running with a partner is running it jointly
    page = ("Lakeside University of Technology has run the Sino-Thai Joint Research Center for Smart Farming with "
            "Kasetsart University since 2019.\n\n"
            "The university also operates the Eastport Institute of Marine Coatings with Eastport Paints Co., Ltd.\n")
    got = _platforms(page, url="https://news.example.org/2024/1.html")
    assert got == {("Sino-Thai Joint Research Center for Smart Farming", "Lakeside University of Technology",
                    "Kasetsart University"),
                   ("Eastport Institute of Marine Coatings", "Lakeside University of Technology",
                    "Eastport Paints Co., Ltd.")}


def test_running_a_body_with_funding_or_staff_is_no_joint_body():
    page = ("Lakeside University of Technology runs the Lakeside Institute of Marine Coatings with 40 researchers.\n\n"
            "It operates the Lakeside Centre for Coastal Studies with support from the city.\n")
    assert _platforms(page, url="https://news.example.org/2024/2.html") == set()


def test_rows_parted_by_slashes_under_their_header_are_platforms():
    page = ("Platforms opened in the zone this year\n\n"
            "Platform / Host university / Co-builder / Opened\n"
            "Ridgeway Institute of Water Technology / Ridgeway University / Eastport High-tech Zone / January\n"
            "Eastport Drone Innovation Center / Lakeside University of Technology / Eastport Aviation Co., Ltd. / May\n")
    got = _platforms(page, url="https://www.eastport.gov.cn/news/1.html", published="2024-12-20")
    assert got == {("Ridgeway Institute of Water Technology", "Ridgeway University", "Eastport High-tech Zone"),
                   ("Eastport Drone Innovation Center", "Lakeside University of Technology",
                    "Eastport Aviation Co., Ltd.")}


def test_numbered_rows_parted_by_semicolons_under_a_bracketed_header_are_platforms():
    page = ("The province named 12 new engineering technology research centers this year.\n\n"
            "Selected centers in the batch (name; host; co-builder; year founded):\n\n"
            "1. Eastport Engineering Technology Research Center for Smart Pumps; Ridgeway University; Eastport Pump "
            "Co., Ltd.; 2021\n"
            "2. Eastport Engineering Technology Research Center for Marine Coatings; Lakeside University of "
            "Technology; Eastport Paints Co., Ltd.; 2019\n")
    rows = facts(page, "platforms", url="https://www.eastport.gov.cn/news/2.html", published="2024-12-20")
    assert {(p["name"], p["university"], p["partner"], p["date"]) for p in rows} == {
        ("Eastport Engineering Technology Research Center for Smart Pumps", "Ridgeway University",
         "Eastport Pump Co., Ltd.", "2021"),
        ("Eastport Engineering Technology Research Center for Marine Coatings", "Lakeside University of Technology",
         "Eastport Paints Co., Ltd.", "2019")}


def test_a_sentence_with_semicolons_is_no_row():
    # clauses parted by semicolons are a sentence, not a table's row: each keeps its own reading
    page = ("Ridgeway University signed 12 agreements; Lakeside University of Technology signed 10; Eastport City "
            "signed 8 agreements.\n")
    rows = facts(page, "counts", url="https://www.eastport.gov.cn/news/3.html")
    assert {r["quantity"] for r in rows} == {12, 10, 8}


def test_rows_of_a_list_with_partner_and_year_in_brackets_under_its_caption():
    # "Selected co-built platforms (partner, year)": each row is a name, then its partner and year in brackets (a
    # company's commas stay in its name; a remark after a semicolon is no cell)
    page = ("Lanzhou University of Technology (LUT) serves the province's industries through platforms built with "
            "cities and firms.\n\n"
            "Selected co-built platforms (partner, year)\n"
            "LUT Eastport Institute of Textile Materials (Eastport City, 2020)\n"
            "Ridgeway-Kaixin Automotive Engineering Research Center (Hengshui Kaixin Machinery Co., Ltd., 2018)\n"
            "Westvale Rare Earth Research Institute (Westvale City, 2021; named Westvale Testing Center until 2023)\n")
    rows = facts(page, "platforms", url="https://en.lut.edu.cn/coop.htm", published="2025-01-08")
    assert {(p["name"], p["partner"], p["date"]) for p in rows} == {
        ("LUT Eastport Institute of Textile Materials", "Eastport City", "2020"),
        ("Ridgeway-Kaixin Automotive Engineering Research Center", "Hengshui Kaixin Machinery Co., Ltd.", "2018"),
        ("Westvale Rare Earth Research Institute", "Westvale City", "2021")}


def test_a_body_built_on_its_own_or_a_universitys_own_body_is_no_joint_platform():
    page = ("Ridgeway University and Kaixin Motor Co., Ltd. signed an agreement on May 6 to set up the Ridgeway-Kaixin "
            "Institute of Vehicle Control.\n\n"
            "The university's Provincial Key Laboratory of Vehicle Dynamics, built on its own in 2016, will share test "
            "tracks with the new institute.\n\n"
            "The university's own Ridgeway Environment Research Institute, set up in 2008, will lend its wind tunnel.\n")
    got = _platforms(page, url="https://en.ridgeway.edu.cn/news/5.htm", published="2024-05-07")
    assert got == {("Ridgeway-Kaixin Institute of Vehicle Control", "Ridgeway University", "Kaixin Motor Co., Ltd.")}


def test_a_former_name_is_no_body_of_its_own():
    # "formerly called X", "was set up in 2016 as the X", "known as X until 2023": the body has one row, under its
    # present name
    page = ("The Kaixin Intelligent Vehicle Industry College of Ridgeway University was set up in 2016 as the "
            "Ridgeway-Kaixin Vehicle Engineering Practice Base and took its present name in 2022.\n")
    rows = facts(page, "platforms", url="https://en.ridgeway.edu.cn/news/6.htm", published="2024-05-07")
    assert [(p["name"], p["date"]) for p in rows] == [
        ("Kaixin Intelligent Vehicle Industry College of Ridgeway University", "2016")]


def test_a_faculty_of_a_university_is_no_platform():
    page = "The College of Agriculture of Ridgeway University was set up in 1927 with Eastport City.\n"
    assert _platforms(page, url="https://en.ridgeway.edu.cn/news/7.htm") == set()


def test_a_renamed_body_is_told_under_its_new_name():
    page = ("The Ridgeway-Leo Pump Technology Joint Laboratory, set up with Leo Pump Co., Ltd. in 2017, has been "
            "upgraded and renamed the Eastport Provincial Engineering Research Center for Smart Pumps.\n")
    rows = facts(page, "platforms", url="https://en.ridgeway.edu.cn/news/8.htm", published="2024-05-07")
    assert [(p["name"], p["platform_type"], p["partner"], p["date"]) for p in rows] == [
        ("Eastport Provincial Engineering Research Center for Smart Pumps", "center", "Leo Pump Co., Ltd.", "2017")]


def test_a_place_after_a_companys_legal_form_is_its_seat_no_party():
    page = ("Kaixin Electric Appliances, Inc. of Hengshui signed industry-university-research cooperation agreements "
            "with Ridgeway University and Lanzhou University of Technology on 16 May.\n")
    rows = facts(page, "agreements", url="https://www.kaixin.com/news/1.html", published="2025-05-19")
    assert {(a["university"], a["partner_type"]) for a in rows} == {("Ridgeway University", "enterprise"),
                                                                  ("Lanzhou University of Technology", "enterprise")}


def test_an_academy_among_the_parties_of_one_agreement_is_the_universitys_partner():
    page = ("A four-party agreement was signed by Sun Yat-sen University, the Nanhai district government, the "
            "Guangdong Academy of Sciences and Guangdong Haid Group Co., Limited to set up a feed research institute.\n")
    rows = facts(page, "agreements", url="https://www.chinadaily.com.cn/a/1.html", published="2024-09-28")
    assert {(a["university"], a["partner"], a["partner_type"]) for a in rows} == {
        ("Sun Yat-sen University", "Nanhai District", "district"),
        ("Sun Yat-sen University", "Guangdong Academy of Sciences", "research_institute"),
        ("Sun Yat-sen University", "Guangdong Haid Group Co., Limited", "enterprise")}


def test_an_academy_signing_beside_universities_with_one_partner_keeps_its_own_agreement():
    page = ("In November, Jinan signed strategic cooperation agreements with Beihang University and the Chinese "
            "Academy of Agricultural Sciences.\n")
    rows = facts(page, "agreements", url="https://www.jinan.gov.cn/a/1.html", published="2023-12-02")
    assert {(a["university"], a["partner"]) for a in rows} == {
        ("Beihang University", "Jinan City"), ("Chinese Academy of Agricultural Sciences", "Jinan City")}


def test_bodies_that_took_part_in_an_event_or_attended_it_are_no_tally():
    page = ("More than 260 companies and 37 universities took part in the spring matchmaking fair at the innovation "
            "hub.\n\n"
            "The ceremony was attended by the district Party secretary and heads of 20 medical device companies.\n\n"
            "More than 300 enterprises have taken part in the cooperation since 2019.\n")
    rows = facts(page, "counts", url="https://www.example.gov.cn/a/1.html", published="2024-05-10")
    assert [r["quantity"] for r in rows] == [300]


def test_a_participle_of_running_after_a_possessed_name_founds_the_body():
    # "ZJUT's X Institute, run with Y since 2019, has helped ...": the parse reads the participle as the name's verb
    page = ("ZJUT's Moganshan Research Institute, run with Deqing County since 2019, has so far helped 312 companies in "
            "the county solve technical problems.\n")
    rows = facts(page, "platforms", url="https://www.zjut.edu.cn/info/3.htm", published="2024-05-07")
    assert [(p["partner"], p["date"]) for p in rows] == [("Deqing County", "2019")]


def _counts(page: str, **kw) -> set[tuple]:
    return {(c["quantity"], c["unit"]) for c in facts(page, "counts", **kw)}


def test_the_total_a_figure_brings_the_count_to_counts_the_same_things():
    page = ("Universities in Hunan province signed 1,372 cooperation agreements with cities and enterprises in 2024, "
            "bringing the total since the campaign began in 2021 to 4,960, the department said.\n\n"
            "Ningbo added eight research institutes co-built with universities this year, bringing the number it hosts "
            "to 79.\n\n"
            "Ridgeway University licensed 436 patents to firms in 2024, against 388 the year before.\n")
    got = _counts(page, url="https://www.example.gov.cn/a/2.html", published="2025-01-10")
    assert {(1372, "agreement"), (4960, "agreement"), (8, "platform"), (79, "platform"), (436, "technology"),
            (388, "technology")} <= got


def test_a_figure_against_another_without_a_time_is_no_baseline():
    page = "Ridgeway University licensed 436 patents to firms in 2024, against 388 applications filed.\n"
    assert (388, "technology") not in _counts(page, url="https://www.example.gov.cn/a/3.html", published="2025-01-10")


def test_a_bodys_own_a_meetings_members_and_a_surveys_sample_are_no_tallies():
    page = ("The zone also operates 12 incubators of its own and covers an area of 613 square kilometers.\n\n"
            "Presidents of 58 universities from Shanghai, Jiangsu and Anhui met in Hefei on Wednesday for the annual "
            "university forum.\n\n"
            "The survey of 1,050 businesses found that cost and paperwork were the main barriers.\n\n"
            "The zone has signed 41 agreements with universities since 2015.\n")
    assert _counts(page, url="https://www.example.gov.cn/a/4.html", published="2025-01-10") == {(41, "agreement")}


def test_dividends_a_brand_value_an_offer_and_money_applied_for_are_no_funding():
    page = ("Ridgeway University and Kaixin Group signed an agreement on May 6 to set up a joint laboratory.\n\n"
            "Kaixin Group's subsidiary paid 22 billion yuan in dividends last year.\n\n"
            "The brand value of Hengshui Rice reached 8.6 billion yuan.\n\n"
            "The highest domestic placement offer this year was 6.3 million yuan per annum.\n\n"
            "The university has applied for federal structural funds of around 30 million yuan for the project.\n\n"
            "A separate proposal for a 40 million yuan innovation centre is awaiting a funding decision.\n")
    assert facts(page, "funding", url="https://news.example.org/2024/4.html", published="2024-05-07") == []


def test_money_a_laboratory_received_beside_patents_applied_for_stays():
    page = ("Kaixin Group has invested 12 million yuan in the Kaixin-Ridgeway Joint Laboratory; in three years the "
            "laboratory undertook 23 research projects and applied for 41 patents.\n")
    rows = facts(page, "funding", url="https://news.example.org/2024/5.html", published="2024-05-07")
    assert [(r["amount"], r["funder"]) for r in rows] == [(12_000_000, "Kaixin Group")]


def test_each_of_two_bodies_bearing_a_share_of_the_costs_gives_it():
    page = ("Ridgeway University, Eastport City and Westvale Province signed an agreement on April 21 to build a "
            "hydrogen steel institute.\n\n"
            "Westvale Province and Eastport City will each bear 10 billion won in construction costs.\n")
    rows = facts(page, "funding", url="https://news.example.org/2024/6.html", published="2025-04-22")
    assert {(r["amount"], r["funder"]) for r in rows} == {(10_000_000_000, "Westvale Province"),
                                                         (10_000_000_000, "Eastport City")}


def test_an_agreement_with_a_company_signed_in_a_month_on_a_universitys_page_is_the_universitys():
    # "The largest new project is a 36 million yuan agreement with X on Y, signed in September": the participle
    # hangs on the document's complement; the page's university is the other side
    page = ("Jiangsu University published its annual review of industry cooperation on January 16.\n\n"
            "The largest new project is a 36 million yuan agreement with Kaixin Machinery Group on intelligent "
            "agricultural machinery, signed in September.\n")
    rows = facts(page, "agreements", url="http://en.ujs.edu.cn/info/1051/1.htm", published="2024-01-18")
    assert [(a["university"], a["partner"], a["date"]) for a in rows] == [
        ("Jiangsu University", "Kaixin Machinery Group", "2023-09")]
