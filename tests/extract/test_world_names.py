"""Names from outside the English-speaking world, on sentences written for these tests (one rule each): accented
letters, universities under their own language's name, states and counties by their governments' names, a
company introduced by its trade, and currencies."""

from __future__ import annotations

from pipelines.extract import extract_document


def run(text, url=None, **kw):
    return extract_document(text, document_id="w", url=url, **kw)


def pairs(text, **kw):
    return {(a["university"], a["partner"], a["partner_type"]) for a in run(text, **kw)["agreements"]}


def test_accented_names_are_whole_names():
    got = pairs("On May 5, 2025, Universidad de Sonora signed a collaboration agreement with Grupo Bimbo S.A.B. and "
                "the Jalisco state government.")
    assert ("Universidad de Sonora", "Jalisco", "province") in got
    assert all("Sonora" in u for u, _, _ in got)


def test_universities_named_in_their_own_language_are_universities():
    for name in ("Université Grenoble Alpes", "Politecnico di Torino", "Technische Universität Westbrook",
                 "Universiti Teknologi Malaysia", "Tecnológico de Monterrey", "Universidade Federal do Ceará"):
        got = pairs(f"On May 5, 2025, {name} signed a research agreement with Carver Motors Ltd.")
        assert (name, "Carver Motors Ltd", "enterprise") in got, (name, got)


def test_a_state_government_is_the_state_by_its_bare_name():
    got = pairs("On May 5, 2025, Universiti Teknologi Malaysia and the Johor state government sealed a memorandum of "
                "agreement.")
    assert got == {("Universiti Teknologi Malaysia", "Johor", "province")}


def test_the_county_government_of_x_is_x_county():
    got = pairs("On May 5, 2025, the University of Nairobi signed an MoU with the County Government of Kiambu.")
    assert got == {("University of Nairobi", "Kiambu County", "county")}


def test_a_one_word_company_introduced_by_its_trade_is_a_company():
    got = pairs("On May 5, 2025, Tecnológico de Monterrey signed an agreement with steelmaker Ternium.")
    assert got == {("Tecnológico de Monterrey", "Ternium", "enterprise")}


def test_kenyan_shillings_are_money_and_name_nobody():
    text = ("The University of Nairobi and the County Government of Kiambu signed an MoU on May 5, 2025.\n\n"
            "The county will provide KSh 25 million for the programme.")
    [f] = run(text)["funding"]
    assert (f["amount"], f["currency"], f["funder"]) == (25_000_000, "KES", "Kiambu County")
