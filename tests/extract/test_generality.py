"""Wordings the shared pages do not contain, written for these tests (one rule each)."""

from __future__ import annotations

import pytest

from pipelines.extract import extract_document


def run(text, **kw):
    kw.setdefault("document_id", "g")
    kw.setdefault("published", "2023-05-10")
    return extract_document(text, **kw)


def platform_names(text, **kw):
    return [p["name"] for p in run(text, **kw)["platforms"]]


# ------------------------------------------------------------------ platforms

@pytest.mark.parametrize("sentence, name", [
    # modifiers that are stop words elsewhere stay inside a name that ends in a platform head
    ("Officials unveiled the Postgraduate Joint Training Base in Loudi.", "Postgraduate Joint Training Base"),
    ("The New Energy Materials Transfer Center, jointly built by the two sides, opened today.",
     "New Energy Materials Transfer Center"),
    ("The two sides set up the Academician Workstation of Jishou University.", "Academician Workstation of Jishou University"),
    # a provincial key laboratory is one name, not a government plus a lab
    ("The Gansu Provincial Key Laboratory of Arid Crops was established by the university and the county.",
     "Gansu Provincial Key Laboratory of Arid Crops"),
    # "for"-phrases belong to the name
    ("Jiangnan University and Wuxi City built the Wuxi Joint Center for Food Safety.", "Wuxi Joint Center for Food Safety"),
    # a lower-case platform with its "for ..." complement, stopping before "with"
    ("The university set up a joint laboratory for marine robots with Haier.", "joint laboratory for marine robots"),
])
def test_platform_names_keep_modifiers_and_complements(sentence, name):
    assert name in platform_names(sentence, university="Hunan University")


def test_schools_are_places_not_platforms():
    names = platform_names("The university has established a teaching practice base at Yiyang No. 3 Middle School.",
                           university="Hunan University")
    assert names == ["teaching practice base"]
