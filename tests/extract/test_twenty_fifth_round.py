"""Rules of the twenty-fifth round, each on pages written for these tests (docs/extraction.md)."""

from __future__ import annotations

from tests.extract.page_facts import facts


def _pairs(rows: list[dict]) -> set[tuple[str, str]]:
    return {(a["university"], a["partner"]) for a in rows}


def test_a_founding_participle_after_a_comma_founds_the_name_before_it():
    # ", set up in 2019 together with Y" and ", established in 2011," after a body's whole name: the body was set
    # up, dated by the participle, however the parse hung the participle (on the verb, on an earlier noun)
    page = ("Makerere University also runs the Kampala Food Safety Hub, set up in 2019 together with the Uganda "
            "Manufacturers Association, and a seed bank.\n\n"
            "Both partners extended their agreement on the Tullow Centre for Petroleum Geoscience, established in "
            "2011, for a further three years.\n")
    rows = facts(page, "platforms", url="https://news.mak.ac.ug/2024/05/x", published="2024-05-02")
    by_name = {p["name"]: p for p in rows}
    hub = by_name["Kampala Food Safety Hub"]
    assert (hub["university"], hub["partner"], hub["date"]) == ("Makerere University", "Uganda Manufacturers Association", "2019")
    assert by_name["Tullow Centre for Petroleum Geoscience"]["date"] == "2011"
