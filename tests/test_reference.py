"""Tests for pipelines.reference: the universities table, its loader and the lookups."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipelines.reference import (
    DEFAULT_PATH,
    ReferenceDataError,
    University,
    UniversityIndex,
    load_universities,
    normalize_name,
)

HEADER = "name,abbreviations,aliases,domains,province,city,country,double_first_class,type,source\n"


def write_csv(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    p = tmp_path / "unis.csv"
    p.write_text(header + body, encoding="utf-8")
    return p


def uni(name: str, *, abbreviations=(), aliases=(), domains=(), dfc=False, type="university") -> University:
    return University(name, tuple(abbreviations), tuple(aliases), tuple(domains), None, None, "CN", dfc, type)


@pytest.fixture(scope="module")
def idx() -> UniversityIndex:
    return UniversityIndex.default()


# --------------------------------------------------------------------------- loader validation


def test_load_good_file(tmp_path):
    p = write_csv(
        tmp_path,
        "Xiangtan University,XTU,,xtu.edu.cn;XTU.edu.cn.bak.example,Hunan,Xiangtan,cn,true,university,t\n"
        "\n"
        "Chinese Academy of Sciences,CAS,,cas.cn,Beijing,Beijing,CN,false,research_academy,t\n",
    )
    rows = load_universities(p)
    assert [u.name for u in rows] == ["Xiangtan University", "Chinese Academy of Sciences"]
    xtu = rows[0]
    assert xtu.abbreviations == ("XTU",)
    assert xtu.domains == ("xtu.edu.cn", "xtu.edu.cn.bak.example")
    assert xtu.country == "CN" and xtu.double_first_class is True and xtu.province == "Hunan"
    assert rows[1].type == "research_academy" and rows[1].double_first_class is False


@pytest.mark.parametrize(
    "body, message",
    [
        (",XTU,,xtu.edu.cn,Hunan,Xiangtan,CN,true,university,t\n", r"unis\.csv:2: missing name"),
        (
            "Xiangtan University,XTU,,xtu.edu.cn,,,CN,true,university,t\n"
            "xiangtan  university,,,,,,CN,false,university,t\n",
            r"unis\.csv:3: duplicate name 'xiangtan  university' \(same as 'Xiangtan University' on line 2\)",
        ),
        (
            "Xiangtan University,XTU,,xtu.edu.cn,,,CN,true,university,t\n"
            "Other University,OU,,XTU.edu.cn,,,CN,false,university,t\n",
            r"unis\.csv:3: domain 'xtu\.edu\.cn' of 'Other University' is also used by 'Xiangtan University'",
        ),
        (
            "Xiangtan University,XTU,,xtu.edu.cn,,,CN,true,university,t\n"
            "Other University,OU,Xiangtan University,ou.edu.cn,,,CN,false,university,t\n",
            r"unis\.csv:3: alias 'Xiangtan University' of 'Other University' already names 'Xiangtan University'",
        ),
        ("Xiangtan University,XTU,,http://xtu.edu.cn/,,,CN,true,university,t\n", r"unis\.csv:2: bad domain"),
        ("Xiangtan University,XTU,,xtu.edu.cn,,,CN,maybe,university,t\n", r"unis\.csv:2: double_first_class"),
        ("Xiangtan University,XTU,,xtu.edu.cn,,,CN,true,college,t\n", r"unis\.csv:2: type must be one of"),
        ("Xiangtan University,XTU,,xtu.edu.cn,,,China,true,university,t\n", r"unis\.csv:2: country must be"),
        ("Xiangtan University,X T U,,xtu.edu.cn,,,CN,true,university,t\n", r"unis\.csv:2: bad abbreviation"),
        ("Xiangtan University,XTU,,xtu.edu.cn,,,CN,true,university,t,extra\n", r"unis\.csv:2: too many fields"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, body, message):
    p = write_csv(tmp_path, body)
    with pytest.raises(ReferenceDataError, match=message):
        load_universities(p)


def test_missing_column_and_missing_file(tmp_path):
    p = write_csv(tmp_path, "Xiangtan University,XTU\n", header="name,abbreviations\n")
    with pytest.raises(ReferenceDataError, match=r"unis\.csv:1: missing column\(s\) aliases, domains"):
        load_universities(p)
    with pytest.raises(ReferenceDataError, match=r"nope\.csv: cannot read"):
        load_universities(tmp_path / "nope.csv")


def test_reference_error_is_a_value_error():
    assert issubclass(ReferenceDataError, ValueError)


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Xiangtan University", "Xiangtan University"),
        ("  xiangtan   UNIVERSITY ", "Xiangtan University"),
        ("The Xiangtan University", "Xiangtan University"),
        ("Xi'an Jiaotong University", "Xi'an Jiaotong University"),
        ("Xi\u2019an Jiaotong University", "Xi'an Jiaotong University"),
        ("Xian Jiaotong University", "Xi'an Jiaotong University"),
        ("Shanghai Jiaotong University", "Shanghai Jiao Tong University"),
        ("shanghai jiao-tong university", "Shanghai Jiao Tong University"),
        ("Qinghua University", "Tsinghua University"),
        ("Tsinghua", "Tsinghua University"),
        ("Beijing University", "Peking University"),
        ("National Defense Science and Technology University", "National University of Defense Technology"),
        ("Northwest A & F University", "Northwest A&F University"),
        ("Penn State", "Pennsylvania State University"),
        ("China University of Geosciences, Beijing", "China University of Geosciences (Beijing)"),
        ("Sun Yat-Sen University", "Sun Yat-sen University"),
    ],
)
def test_by_name_variants(idx, text, expected):
    u = idx.by_name(text)
    assert u is not None, text
    assert u.name == expected


@pytest.mark.parametrize("text", ["", "University", "Xiangtan", "Peking", "XTU", "Xiangtan University of Nowhere"])
def test_by_name_misses(idx, text):
    assert idx.by_name(text) is None


def test_by_abbreviation(idx):
    assert idx.by_abbreviation("XTU").name == "Xiangtan University"
    assert idx.by_abbreviation("xtu").name == "Xiangtan University"
    assert idx.by_abbreviation("THU").name == "Tsinghua University"
    assert idx.by_abbreviation("PKU").name == "Peking University"
    assert idx.by_abbreviation("SJTU").name == "Shanghai Jiao Tong University"
    assert idx.by_abbreviation("UESTC").name == "University of Electronic Science and Technology of China"
    assert idx.by_abbreviation("SUSTech").name == "Southern University of Science and Technology"
    assert idx.by_abbreviation("(XJTU)").name == "Xi'an Jiaotong University"
    assert idx.by_abbreviation("XTU's").name == "Xiangtan University"
    assert idx.by_abbreviation("ZZZZ") is None
    assert idx.by_abbreviation("") is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("xtu.edu.cn", "Xiangtan University"),
        ("en.xtu.edu.cn", "Xiangtan University"),
        ("https://en.xtu.edu.cn/english/Research/Cooperation/University/", "Xiangtan University"),
        ("www.tsinghua.edu.cn/en/info/1245/3130.htm", "Tsinghua University"),
        ("HTTP://WWW.TSINGHUA.EDU.CN:8080/", "Tsinghua University"),
        ("https://ese.sustc.edu.cn/en/news/detail.aspx?nc=1", "Southern University of Science and Technology"),
        ("english.ynu.edu.cn", "Yunnan University"),
        ("https://news.psu.edu/story/1", "Pennsylvania State University"),
    ],
)
def test_by_domain_suffix(idx, value, expected):
    assert idx.by_domain(value).name == expected


@pytest.mark.parametrize("value", ["notxtu.edu.cn", "xtu.edu.cn.evil.com", "edu.cn", "", "http://", "chinadaily.com.cn"])
def test_by_domain_respects_dot_boundaries(idx, value):
    assert idx.by_domain(value) is None


# --------------------------------------------------------------------------- find_all


def names(idx, text, **kw):
    return [(text[s:e], u.name) for s, e, u in idx.find_all(text, **kw)]


def test_find_all_possessive_and_curly_apostrophe(idx):
    text = "A delegation toured Xi\u2019an Jiaotong University's campus and Xi'an Jiaotong University."
    assert names(idx, text) == [
        ("Xi\u2019an Jiaotong University", "Xi'an Jiaotong University"),
        ("Xi'an Jiaotong University", "Xi'an Jiaotong University"),
    ]


def test_find_all_longest_match_wins(idx):
    text = "Shanxi University of Finance and Economics and Shanxi University signed."
    assert names(idx, text) == [
        ("Shanxi University of Finance and Economics", "Shanxi University of Finance and Economics"),
        ("Shanxi University", "Shanxi University"),
    ]
    # same rule with a private index, so the test does not depend on the table
    small = UniversityIndex([uni("Shanxi University"), uni("Shanxi University of Finance and Economics")])
    got = small.find_all("at Shanxi University of Finance and Economics.")
    assert [(u.name) for _, _, u in got] == ["Shanxi University of Finance and Economics"]


def test_find_all_drops_unknown_longer_name(idx):
    small = UniversityIndex([uni("Peking University", aliases=["Beijing University"])])
    assert small.find_all("Beijing University of Chemical Technology") == []
    assert [u.name for *_, u in small.find_all("Beijing University of Hunan Province")] == ["Peking University"]


def test_find_all_offsets_and_order(idx):
    text = "Qinghua University, Beijing University and the National Defense Science and Technology University"
    got = idx.find_all(text)
    assert [u.name for *_, u in got] == [
        "Tsinghua University",
        "Peking University",
        "National University of Defense Technology",
    ]
    for s, e, _ in got:
        assert text[s:e] in text and not text[s:e].lower().startswith("the ")
    assert [s for s, *_ in got] == sorted(s for s, *_ in got)


def test_find_all_word_boundaries_and_sentence_breaks(idx):
    assert idx.find_all("Tsinghuaville and Fudanese") == []
    # a full stop between the words breaks a name
    assert names(idx, "We met Shanxi. University staff came.") == []
    # a line break inside a name (PDF text) does not
    assert names(idx, "signed with Xiangtan\nUniversity") == [("Xiangtan\nUniversity", "Xiangtan University")]


def test_find_all_single_word_alias_guards(idx):
    assert names(idx, "Nankai District of Tianjin") == []
    assert names(idx, "Tongji Hospital in Wuhan") == []
    assert names(idx, "Tsinghua signed") == [("Tsinghua", "Tsinghua University")]


def test_find_all_abbreviations_opt_in(idx):
    text = "XTU signed with XJTU's partners; xtu is lower case."
    assert names(idx, text) == []
    assert names(idx, text, abbreviations=True) == [
        ("XTU", "Xiangtan University"),
        ("XJTU", "Xi'an Jiaotong University"),
    ]


def test_default_is_cached():
    assert UniversityIndex.default() is UniversityIndex.default()


def test_normalize_name():
    assert normalize_name("The Xi\u2019an  Jiao-Tong University") == "xian jiao tong university"
    assert normalize_name("Northwest A&F University") == "northwest a and f university"


# --------------------------------------------------------------------------- table sanity

TEST_MATERIAL = [
    "Xiangtan University", "Taiyuan University of Technology", "Xi'an University of Technology",
    "Yunnan University", "Shandong Normal University", "Jinan University", "Shanxi University",
    "Henan Agricultural University", "Southern University of Science and Technology",
    "Zhejiang Shuren University", "Shandong University of Technology", "Xi'an Jiaotong University",
    "Tongji University", "Arizona State University", "Pennsylvania State University",
    "University of Nottingham", "Tsinghua University", "Peking University", "Renmin University of China",
    "Shanghai Jiao Tong University", "Sichuan University", "Wuhan University", "Beihang University",
    "Tianjin University", "University of Electronic Science and Technology of China",
    "National University of Defense Technology", "Chinese Academy of Sciences",
    "Chinese Academy of Engineering", "China Academy of Engineering Physics",
    "Chinese Academy of Agricultural Sciences", "Chinese Academy of Social Sciences",
]
SMALL_WORDS = {"of", "and", "for", "the", "in", "at", "on"}


def test_table_loads_and_has_every_double_first_class_university():
    rows = load_universities()
    assert sum(u.double_first_class for u in rows) >= 147
    by_name = {u.name: u for u in rows}
    for name in TEST_MATERIAL:
        assert name in by_name, name
    assert by_name["Chinese Academy of Sciences"].type == "research_academy"
    assert by_name["Xiangtan University"].double_first_class
    assert not by_name["Zhejiang Shuren University"].double_first_class


def test_table_no_duplicates_and_title_case():
    rows = load_universities()
    names_ = [u.name for u in rows]
    assert len(names_) == len(set(names_))
    domains = [d for u in rows for d in u.domains]
    assert len(domains) == len(set(domains))
    for u in rows:
        assert u.type in {"university", "research_academy", "research_institute"}
        assert u.country and re.fullmatch(r"[A-Z]{2}", u.country), u.name
        assert u.name == u.name.strip() and "  " not in u.name
        if u.generated:
            continue  # world-list rows keep their own spelling (accents, dots, digits, "ifs University College")
        assert re.fullmatch(r"[A-Za-z][A-Za-z'&(),\- ]+", u.name), u.name
        for word in re.split(r"[ (]", u.name):
            if not word:
                continue
            assert word[0].isupper() or word in SMALL_WORDS, (u.name, word)
        if u.country == "CN":
            assert u.province and u.city, u.name


def test_table_is_plain_utf8_csv_with_header():
    with DEFAULT_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert header == HEADER.strip().split(",")
        for row in reader:
            assert len(row) == len(header), row


def test_every_gold_university_resolves(idx):
    # names the hand annotations use for the university side
    for name in TEST_MATERIAL:
        assert idx.by_name(name).name == name


def test_find_all_longer_unknown_names_are_not_shorter_known_ones():
    small = UniversityIndex(
        [uni("Southwest University"), uni("China Agricultural University"), uni("Hunan University")]
    )
    assert small.find_all("Southwest University for Nationalities") == []
    assert small.find_all("Hunan University of Humanities, Science and Technology") == []
    assert small.find_all("South China Agricultural University") == []
    # lower-case compass word: an ordinary mention
    assert [u.name for *_, u in small.find_all("in southwest China Agricultural University")] == [
        "China Agricultural University"
    ]
    assert [u.name for *_, u in small.find_all("Southwest University, Chongqing")] == ["Southwest University"]


def test_find_all_skips_acronyms_that_are_common_english(idx):
    text = "The CPU and BIT of the CAS system; ASU and XTU signed."
    assert names(idx, text, abbreviations=True) == [
        ("ASU", "Arizona State University"),
        ("XTU", "Xiangtan University"),
    ]
    assert idx.by_abbreviation("CAS").name == "Chinese Academy of Sciences"


def test_find_all_on_devset_page(idx, shared_dir):
    page = shared_dir / "devset" / "pages" / "109_dongguan_scitech_town.txt"
    if not page.is_file():
        pytest.skip("shared devset not available")
    got = {u.name for *_, u in idx.find_all(page.read_text(encoding="utf-8"))}
    assert {
        "Peking University",
        "Tsinghua University",
        "Wuhan University",
        "National University of Defense Technology",
    } <= got


def test_find_all_ignores_urls_and_addresses(idx):
    text = (
        "URL: https://example.com/shanxi-university-furthers-cooperation.html "
        "see www.tsinghua.edu.cn or mail xtu@xtu.edu.cn; Shanxi University (Taiyuan) and XTU."
    )
    assert names(idx, text, abbreviations=True) == [
        ("Shanxi University", "Shanxi University"),
        ("XTU", "Xiangtan University"),
    ]


def test_find_all_slash_between_names_is_not_a_url(idx):
    assert names(idx, "Peking University/Tsinghua University") == [
        ("Peking University", "Peking University"),
        ("Tsinghua University", "Tsinghua University"),
    ]


# --------------------------------------------------------------------------- the compiled table


def test_former_names_resolve_to_the_university_today(idx):
    assert idx.by_name("Harbin Polytechnical University").name == "Harbin Institute of Technology"
    assert idx.by_name("Zhongshan University").name == "Sun Yat-sen University"
    assert idx.by_name("South China Institute of Technology").name == "South China University of Technology"
    assert idx.by_name("Huazhong Institute of Technology").name == "Huazhong University of Science and Technology"
    assert idx.by_name("Tongji Medical University").name == "Huazhong University of Science and Technology"
    assert idx.by_name("Beijing Institute of Aeronautics").name == "Beihang University"
    assert idx.by_name("Xuzhou Normal University").name == "Jiangsu Normal University"
    text = "Harbin Polytechnical University, also known as China's cradle of engineers, and Tongji Medical University"
    assert names(idx, text) == [
        ("Harbin Polytechnical University", "Harbin Institute of Technology"),
        ("Tongji Medical University", "Huazhong University of Science and Technology"),
    ]


def test_chinese_university_only_in_the_world_list(idx):
    u = idx.by_name("Jimei University")
    assert (u.name, u.country, u.province, u.city, u.generated) == ("Jimei University", "CN", "Fujian", "Xiamen", True)
    assert idx.by_domain("https://www.jmu.edu.cn/info/1.htm") is u
    assert names(idx, "Xiamen University and Jimei University signed") == [
        ("Xiamen University", "Xiamen University"),
        ("Jimei University", "Jimei University"),
    ]
    # provincial universities the list lacks are curated; a longer name is found whole
    assert names(idx, "Hunan University of Humanities, Science and Technology signed with Loudi") == [
        ("Hunan University of Humanities, Science and Technology",
         "Hunan University of Humanities, Science and Technology"),
    ]
    assert idx.by_domain("zjou.edu.cn").name == "Zhejiang Ocean University"  # not the list's stale owner
    # a misspelt name of the list is corrected, not kept as an alias
    assert idx.by_name("Kunming University of Science and Technology").domains == ("kmust.edu.cn",)
    assert idx.by_name("Kunmimg University of Science and Technology") is None


def test_curated_rows_win_over_the_world_list(idx):
    # the list spells Shanghai Jiao Tong "Jiaotong": the curated official name stays canonical
    assert idx.by_name("Shanghai Jiaotong University").name == "Shanghai Jiao Tong University"
    hohai = idx.by_name("Hohai University")
    assert hohai.double_first_class and hohai.source == "moe-dfc-2022" and hohai.abbreviations == ("HHU",)
    assert idx.by_name("Hehai University") is None          # the list's misspelling is dropped
    assert idx.by_domain("hhuc.edu.cn") is hohai             # its campus domain is kept


def test_foreign_universities(idx):
    monash = idx.by_name("Monash University")
    assert monash.country == "AU" and idx.by_domain("www.monash.edu") is monash
    assert idx.by_name("Korea University").country == "KR"           # curated over the list's Japanese namesake
    assert idx.by_name("Korea University (Japan)").country == "JP"   # the clash keeps both, qualified
    assert idx.by_name("Northeastern University").country == "CN"
    assert idx.by_domain("northeastern.edu").name == "Northeastern University (United States)"
    # English names of universities the list gives in their own language
    tum = idx.by_name("Technische Universität München")
    assert tum.name == "Technical University of Munich" and "tum.de" in tum.domains
    assert names(idx, "with the Free University of Berlin and KU Leuven") == [
        ("Free University of Berlin", "Freie Universität Berlin"), ("KU Leuven", "KU Leuven"),
    ]
    text = "Monash University and the National University of Singapore met Seoul National University."
    assert [u.name for *_, u in idx.find_all(text)] == [
        "Monash University", "National University of Singapore", "Seoul National University",
    ]


def test_foreign_universities_by_the_short_names_they_go_by(idx):
    # short names in capitals from world_overrides.csv's abbreviations column, matched only as written; "UNSW
    # Sydney" and "U of T" as aliases
    text = "UNSW Sydney, UQ, UBC, U of T and Wits University signed with MIT; a uq of paper"
    assert [u.name for *_, u in idx.find_all(text, abbreviations=True)] == [
        "University of New South Wales", "University of Queensland", "University of British Columbia",
        "University of Toronto", "University of the Witwatersrand", "Massachusetts Institute of Technology",
    ]
    assert idx.by_name("University College London").abbreviations == ("UCL",)


def test_world_list_names_need_capitals_and_no_longer_name(idx):
    # "National University" (US) is in the list: not matched in lower case, nor as the
    # tail of an unknown longer name
    assert idx.by_name("National University").country == "US"
    assert names(idx, "a national university in the west") == []
    assert names(idx, "Gyeongsang Cheonan National University signed") == []
    assert names(idx, "entering the National University Foundation's top 15") == []
    # a capitalised headline verb is no part of a name
    assert names(idx, "Xiangtan University Hosts University of Melbourne Delegation") == [
        ("Xiangtan University", "Xiangtan University"), ("University of Melbourne", "University of Melbourne"),
    ]
    assert names(idx, "signed with National University in San Diego") == [
        ("National University", "National University")
    ]


def test_cas_institutes_keep_their_own_names(idx):
    text = (
        "the Institute of Physics, Chinese Academy of Sciences, the Dalian Institute of Chemical Physics "
        "and the Chinese Academy of Sciences signed"
    )
    got = [(text[s:e], u.name, u.type) for s, e, u in idx.find_all(text)]
    assert got == [
        ("Institute of Physics, Chinese Academy of Sciences",
         "Institute of Physics, Chinese Academy of Sciences", "research_institute"),
        ("Dalian Institute of Chemical Physics",
         "Dalian Institute of Chemical Physics, Chinese Academy of Sciences", "research_institute"),
        ("Chinese Academy of Sciences", "Chinese Academy of Sciences", "research_academy"),
    ]
    assert idx.by_domain("https://www.dicp.ac.cn/").name.startswith("Dalian Institute of Chemical Physics")
    # a generic institute name alone is not taken as the CAS institute
    assert idx.by_name("Institute of Physics") is None


def test_ambiguous_abbreviations_are_stored_but_not_guessed(idx):
    assert {u.name for u in idx.abbreviation_candidates("HUST")} == {
        "Huazhong University of Science and Technology", "Hanoi University of Science and Technology",
    }
    assert {u.name for u in idx.abbreviation_candidates("tju")} == {"Tianjin University", "Tongji University"}
    assert idx.by_abbreviation("HUST") is None
    assert idx.by_abbreviation("TJU") is None
    assert idx.get("NTU") is None


def test_resolve_abbreviation_by_page_domain(idx):
    r = idx.resolve_abbreviation
    assert r("HUST", page_url="http://english.hust.edu.cn/info/1.htm").name == (
        "Huazhong University of Science and Technology")
    assert r("HUST", page_url="https://hust.edu.vn/en/news").name == "Hanoi University of Science and Technology"
    assert r("TJU", page_url="https://www.tongji.edu.cn/en/").name == "Tongji University"
    assert r("NTU", page_url="https://www.ntu.ac.uk/about-us/news").name == "Nottingham Trent University"
    assert r("XTU", page_url="https://www.ntu.ac.uk/").name == "Xiangtan University"  # unique: always its row
    assert r("ZZZZ", page_url="https://www.ntu.ac.uk/") is None


def test_resolve_abbreviation_by_context(idx):
    r = idx.resolve_abbreviation
    ctx = "Tongji University (TJU) and the city signed; TJU will build a lab."
    assert r("TJU", page_url="https://news.cgtn.com/a.html", context=ctx).name == "Tongji University"
    ctx = "A delegation from Hanoi University of Science and Technology visited Singapore."
    assert r("HUST", context=ctx).name == "Hanoi University of Science and Technology"
    # no page domain, no full name: a Chinese context picks the one Chinese candidate
    assert r("HUST", context="HUST and Wuhan East Lake High-tech Zone in China").name == (
        "Huazhong University of Science and Technology")
    assert r("HUST", page_url="https://www.chinadaily.com.cn/a/1.html").name == (
        "Huazhong University of Science and Technology")          # .cn page
    # a Chinese place named in the context makes it Chinese too
    assert r("SCU", context="SCU signed an agreement with Chengdu").name == "Sichuan University"
    assert r("SCU", context="SCU signed an agreement with Santa Clara County") is None
    assert r("NTU", context="NTU opened an office in Taiwan") is None
    assert r("NTU", context="the facility in Jurong is a collaboration between NTU and a firm") is None
    # both TJU candidates are Chinese: still ambiguous
    assert r("TJU", context="TJU signed an agreement in China") is None
    assert r("HUST", context="HUST signed an agreement") is None


def test_find_all_resolves_shared_abbreviations_with_the_page(idx):
    text = "TJU signed an agreement with the city. TJU students will intern there."
    assert names(idx, text, abbreviations=True) == []  # ambiguous: left out
    got = names(idx, text, abbreviations=True, page_url="https://en.tongji.edu.cn/news/1.htm")
    assert got == [("TJU", "Tongji University"), ("TJU", "Tongji University")]
    text = "Tianjin University (TJU) signed; TJU will host."
    assert names(idx, text, abbreviations=True) == [
        ("Tianjin University", "Tianjin University"), ("TJU", "Tianjin University"), ("TJU", "Tianjin University"),
    ]


def test_shared_abbreviation_mechanism_on_a_private_table():
    a = University("Alpha University", ("AU1",), (), ("alpha.edu.cn",), None, None, "CN", False, "university")
    b = University("Beta University", ("AU1",), (), ("beta.ac.uk",), None, None, "GB", False, "university")
    small = UniversityIndex([a, b])
    assert small.by_abbreviation("AU1") is None
    assert small.resolve_abbreviation("AU1", page_url="https://beta.ac.uk/x") is b
    assert small.resolve_abbreviation("AU1", page_url="https://www.example.co.uk/x") is b   # .uk -> GB
    assert small.resolve_abbreviation("AU1", context="Beta University and AU1") is b
    assert small.resolve_abbreviation("AU1", context="AU1 opened a campus in China") is a
    assert small.resolve_abbreviation("AU1", context="AU1 opened a campus") is None


def test_shared_abbreviations_load(tmp_path):
    p = write_csv(
        tmp_path,
        "Tianjin University,TJU,,tju.edu.cn,Tianjin,Tianjin,CN,true,university,t\n"
        "Tongji University,TJU,,tongji.edu.cn,Shanghai,Shanghai,CN,true,university,t\n",
    )
    small = UniversityIndex(load_universities(p))
    assert small.by_abbreviation("TJU") is None
    assert small.resolve_abbreviation("TJU", page_url="tongji.edu.cn").name == "Tongji University"


def _gold_names(shared_dir):
    """(university names, every other party name) of the gold annotations."""
    import json

    unis, parties = set(), set()
    for f in list((shared_dir / "gold").glob("*.json")) + list((shared_dir / "devset" / "gold").glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        for kind in ("agreements", "funding", "platforms", "counts"):
            for fact in doc.get(kind) or []:
                if fact.get("university"):
                    unis.add(fact["university"])
                if fact.get("partner_type") == "university" and fact.get("partner"):
                    unis.add(fact["partner"])
                for key in ("partner", "funder", "recipient", "subject"):
                    if isinstance(fact.get(key), str):
                        parties.update(v.strip() for v in fact[key].split(";"))
                parties.update(o for o in fact.get("other_parties") or [] if isinstance(o, str))
    return unis, parties


def test_every_university_of_the_gold_resolves_to_itself(idx, shared_dir):
    unis, parties = _gold_names(shared_dir)
    assert len(unis) > 50
    wrong = {n: getattr(idx.by_name(n), "name", None) for n in unis if getattr(idx.by_name(n), "name", None) != n}
    assert wrong == {}
    # no other party name of the gold is turned into a different canonical name
    renamed = {n: idx.by_name(n).name for n in parties if idx.by_name(n) and idx.by_name(n).name != n}
    assert renamed == {}


def test_committed_table_is_what_the_build_makes(shared_dir):
    from pipelines.reference.sources.build_universities import build

    src = shared_dir / "reference" / "world_universities_and_domains.json"
    if not src.is_file():
        pytest.skip("world list not available")
    text, _ = build(src)
    assert text == DEFAULT_PATH.read_text(encoding="utf-8"), "run python -m pipelines.reference.sources.build_universities"


def test_build_merges_fixes_and_resolves_clashes(tmp_path):
    import json

    from pipelines.reference.sources.build_universities import BuildError, build

    curated = tmp_path / "curated.csv"
    curated.write_text(
        HEADER
        + "Hohai University,HHU,,hhu.edu.cn,Jiangsu,Nanjing,CN,true,university,moe-dfc-2022\n"
        + "Northeastern University,NEU,,neu.edu.cn,Liaoning,Shenyang,CN,true,university,moe-dfc-2022\n",
        encoding="utf-8",
    )
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(
        "json_name,country,action,name,aliases,domains,province,city,note\n"
        "Hehai University,CN,fix,Hohai University,,,,,misspelt\n"
        "Xuzhou Normal University,CN,merge,Jiangsu Normal University,,jsnu.edu.cn,Jiangsu,Xuzhou,renamed\n"
        "Jimei University,CN,keep,,,,Fujian,Xiamen,\n",
        encoding="utf-8",
    )
    world = [
        {"name": "Hehai University", "domains": ["hhu.edu.cn"], "alpha_two_code": "CN", "country": "China", "state-province": None},
        {"name": "Xuzhou Normal University", "domains": ["xznu.edu.cn"], "alpha_two_code": "CN", "country": "China", "state-province": None},
        {"name": "Jimei University", "domains": ["jmu.edu.cn"], "alpha_two_code": "CN", "country": "China", "state-province": None},
        {"name": "Northeastern University", "domains": ["northeastern.edu"], "alpha_two_code": "US", "country": "United States", "state-province": "MA"},
        {"name": "Monash University", "domains": ["monash.edu"], "alpha_two_code": "AU", "country": "Australia", "state-province": None},
        {"name": "Monash University", "domains": ["monash.edu.au"], "alpha_two_code": "AU", "country": "Australia", "state-province": None},
    ]
    src = tmp_path / "world.json"
    src.write_text(json.dumps(world), encoding="utf-8")
    text, report = build(src, curated, overrides)
    out = tmp_path / "out.csv"
    out.write_text(text, encoding="utf-8")
    rows = {u.name: u for u in load_universities(out)}
    assert rows["Hohai University"].aliases == () and rows["Hohai University"].double_first_class
    jsnu = rows["Jiangsu Normal University"]
    assert (jsnu.aliases, jsnu.domains, jsnu.province) == (("Xuzhou Normal University",), ("xznu.edu.cn", "jsnu.edu.cn"), "Jiangsu")
    assert rows["Jimei University"].source == "world-domains" and rows["Jimei University"].city == "Xiamen"
    assert rows["Northeastern University"].country == "CN"
    assert rows["Northeastern University (United States)"].domains == ("northeastern.edu",)
    assert rows["Monash University"].domains == ("monash.edu", "monash.edu.au")  # listed twice: merged
    assert "name clash: 'Northeastern University' (US)" in report
    # an unreviewed Chinese row stops the build
    world.append({"name": "Nowhere University", "domains": ["nowhere.edu.cn"], "alpha_two_code": "CN", "country": "China", "state-province": None})
    src.write_text(json.dumps(world), encoding="utf-8")
    with pytest.raises(BuildError, match="Chinese rows not reviewed.*Nowhere University"):
        build(src, curated, overrides)


# --------------------------------------------------------------------------- administrative divisions

from pipelines.reference.divisions import (  # noqa: E402
    DIVISIONS_PATH,
    LEVELS,
    Division,
    DivisionIndex,
    load_divisions,
    place_key,
)

DIV_HEADER = "name,level,province,aliases,source\n"


def write_div(tmp_path: Path, body: str, header: str = DIV_HEADER) -> Path:
    p = tmp_path / "div.csv"
    p.write_text(header + body, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def div() -> DivisionIndex:
    return DivisionIndex.default()


def test_divisions_table_has_every_province_and_prefecture_level_division():
    rows = load_divisions()
    province_level = [d for d in rows if d.level in ("province", "autonomous_region", "municipality", "sar")]
    # 23 provinces (with Taiwan), 5 autonomous regions, 4 municipalities, 2 SARs
    assert len(province_level) == 34
    prefecture_level = [d for d in rows if d.level in ("city", "prefecture", "autonomous_prefecture", "league")]
    assert len(prefecture_level) == 333  # 293 cities, 7 prefectures, 30 autonomous prefectures, 3 leagues
    assert sum(d.level == "city" for d in rows) == 293
    by_prov = {}
    for d in prefecture_level:
        by_prov[d.province] = by_prov.get(d.province, 0) + 1
    assert by_prov["Guangdong"] == 21 and by_prov["Jiangsu"] == 13 and by_prov["Shandong"] == 16
    assert by_prov["Sichuan"] == 21 and by_prov["Xinjiang"] == 14


def test_division_canonical_names_follow_the_spec(div):
    assert div.place("Weihai").canonical == "Weihai City"
    assert div.place("Sichuan").canonical == "Sichuan Province"
    assert div.place("Beijing").canonical == "Beijing City"
    assert div.place("Yanbian").canonical == "Yanbian Prefecture"
    assert div.place("Hotan").canonical == "Hotan Prefecture"
    assert div.place("Haidian").canonical == "Haidian District"
    assert div.place("Weihai").partner_type == "city" and div.place("Weihai").province == "Shandong"


def test_division_spellings_and_aliases(div):
    assert place_key("Xi’an") == place_key("Xian") == place_key("xi an")
    assert div.place("Xian").canonical == "Xi'an City"
    assert div.place("Lvliang").canonical == "Lyuliang City"
    assert div.place("Xiangfan").canonical == "Xiangyang City"   # former name
    assert div.place("Shi Jiazhuang").canonical == "Shijiazhuang City"
    assert div.place("Shaanxi").canonical == "Shaanxi Province" and div.place("Shanxi").canonical == "Shanxi Province"
    assert div.place("Springfield") is None


@pytest.mark.parametrize("name", ["Suzhou", "Taizhou", "Fuzhou", "Yulin", "Yichun"])
def test_two_cities_with_one_pinyin_name_get_no_province(div, name):
    p = div.place(name)
    assert p.canonical == f"{name} City" and p.province is None
    assert {d.province for d in div.find(name)} and len(div.find(name)) == 2
    assert div.province_of(f"{name} City") is None


def test_names_of_different_levels_are_ambiguous_but_provinces_win(div):
    assert div.place("Chaoyang") is None            # city in Liaoning, district of Beijing
    assert div.place("Jilin").canonical == "Jilin Province"  # province over the city of the same name
    assert div.place("Hebei").canonical == "Hebei Province"  # province over the Tianjin district
    assert div.province_of("Chaoyang City") == "Liaoning"    # the level word settles it
    assert div.province_of("Chaoyang District") == "Beijing"
    assert div.province_of("Lvliang City") == "Shanxi"
    assert div.province_of("Yuhu District") is None          # not in the table


def test_divisions_table_rows_are_well_formed():
    rows = load_divisions()
    provinces = {d.name for d in rows if d.province == d.name}
    for d in rows:
        assert d.level in LEVELS and d.province in provinces and d.source == "mca-2023", d
    assert DIVISIONS_PATH.read_bytes().startswith(DIV_HEADER.encode())


@pytest.mark.parametrize("body, message", [
    ("Hebei,province,Hebei,,x\n,city,Hebei,,x\n", r"div\.csv:3: missing name"),
    ("Hebei,province,Hebei,,x\nTangshan,town,Hebei,,x\n", r"div\.csv:3: unknown level 'town'"),
    ("Hebei,province,Hebei,,x\nTangshan,city,Atlantis,,x\n", r"div\.csv:3: province 'Atlantis' of 'Tangshan' is no province-level row"),
    ("Hebei,province,Hebei,,x\nTangshan,city,Hebei,,x\nTangshan,city,Hebei,,x\n", r"div\.csv:4: duplicate 'Tangshan'"),
    ("Hebei,province,Hebei,,x\ntangshan,city,Hebei,,x\n", r"div\.csv:3: 'tangshan' is not a capitalised place name"),
    ("Hebei,province,Hebei,,x\nTangshan,city,Hebei,Hebei,x\n", r"div\.csv:3: alias 'Hebei' of 'Tangshan' is the name"),
    ("Hebei,province,Jilin,,x\n", r"div\.csv:2: province-level 'Hebei' must be its own province"),
    ("Hebei,province,Hebei,,x\nTangshan,city,,,x\n", r"div\.csv:3: missing province"),
])
def test_bad_division_rows_name_file_and_line(tmp_path, body, message):
    with pytest.raises(ReferenceDataError, match=message):
        load_divisions(write_div(tmp_path, body))


def test_divisions_missing_column_and_file(tmp_path):
    with pytest.raises(ReferenceDataError, match=r"div\.csv:1: missing column\(s\) province"):
        load_divisions(write_div(tmp_path, "Hebei,province\n", header="name,level\n"))
    with pytest.raises(ReferenceDataError, match=r"nope\.csv: cannot read"):
        load_divisions(tmp_path / "nope.csv")


def test_divisions_small_file_and_default_cache(tmp_path):
    rows = load_divisions(write_div(tmp_path, "Hebei,province,Hebei,,x\nTangshan,city,Hebei,Tang Shan,x\n\n"))
    assert rows[1] == Division("Tangshan", "city", "Hebei", ("Tang Shan",), "x")
    assert DivisionIndex(rows).place("Tang Shan").canonical == "Tangshan City"
    assert DivisionIndex.default() is DivisionIndex.default()


def test_foreign_states_are_bare_names_of_partner_type_province(div):
    from pipelines.reference.divisions import load_states

    states = load_states()
    assert {d.name for d in states} >= {"Karnataka", "Victoria", "Ohio", "Ontario", "Jammu and Kashmir"}
    assert div.place("Karnataka").canonical == "Karnataka" and div.place("Karnataka").partner_type == "province"
    assert div.place("Victorian").canonical == "Victoria"       # the adjective Australian pages use
    assert div.place("Orissa").canonical == "Odisha"            # a former name
    assert div.place("Hebei").canonical == "Hebei Province"     # Chinese rows unchanged
    assert div.place("Baden-Württemberg").partner_type == "province"  # a hyphen and an umlaut in the name
    assert div.place("Bayern").canonical == "Bavaria" and div.place("Johor").canonical == "Johor"


def test_a_malformed_state_row_names_file_and_line(tmp_path):
    from pipelines.reference import ReferenceDataError
    from pipelines.reference.divisions import load_states

    bad = tmp_path / "states.csv"
    bad.write_text("name,country,aliases,source\nOhio,US,,x\nnew york,US,,x\n")
    with pytest.raises(ReferenceDataError, match=r"states.csv:3: 'new york'"):
        load_states(bad)


def test_a_domains_label_in_capitals_is_a_short_name_of_its_university():
    rows = [uni("Pohang University of Science and Technology", domains=("postech.ac.kr",)),
            uni("Indiana University", domains=("indiana.edu",)),  # a word of its name: a place, no short name
            uni("Alpha Institute", domains=("tecnal.edu",)), uni("Beta College", domains=("tecnal.ac.uk",)),  # shared
            uni("Gamma University", abbreviations=("GAMMA",), domains=("gammau.edu",)),
            uni("Delta University", domains=("gamma.edu",))]  # another row's abbreviation: left to that row
    index = UniversityIndex(rows)
    assert index.by_abbreviation("POSTECH").name == "Pohang University of Science and Technology"
    assert index.by_abbreviation("INDIANA") is None and index.by_abbreviation("TECNAL") is None
    assert index.by_abbreviation("GAMMA").name == "Gamma University"
    found = index.find_all("POSTECH and the city of Pohang signed; postech students came.", abbreviations=True)
    assert [(a, b, u.name) for a, b, u in found] == [(0, 7, "Pohang University of Science and Technology")]


def test_the_ohio_state_university_under_its_own_name_and_its_short_one(idx):
    # the world list names it "Ohio State University - Columbus"; the university and the press say "The Ohio State
    # University" and "Ohio State"
    assert idx.by_domain("news.osu.edu").name == "The Ohio State University"
    assert [u.name for *_, u in idx.find_all("Ohio State and Honda signed")] == ["The Ohio State University"]


def test_latin_american_universities_by_the_english_names_they_use(idx):
    # the world list gives their own language's names; English pages (and the gold) use the English ones, so a page
    # on usp.br is the University of São Paulo's, and "Universidade de São Paulo" is the same university
    assert idx.by_domain("jornal.usp.br").name == "University of São Paulo"
    assert idx.by_name("Universidade Estadual de Campinas").name == "University of Campinas"
    assert idx.by_name("Universidad Nacional Autónoma de México").name == "National Autonomous University of Mexico"
    assert idx.resolve_abbreviation("UFSC", page_url="https://noticias.ufsc.br/x").name == \
        "Federal University of Santa Catarina"


def test_european_universities_by_the_english_names_they_use(idx):
    assert idx.by_domain("www.universiteitleiden.nl").name == "Leiden University"
    assert idx.by_domain("www.univie.ac.at").name == "University of Vienna"
    assert idx.by_name("Universitat de Barcelona").name == "University of Barcelona"
    assert idx.by_domain("ki.se").name == "Karolinska Institutet"
