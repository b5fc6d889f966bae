"""Who a mention is, by what the page and its site say around it (a pass of ``refine.refine_mentions``).

* a company whose brand is in lower case is one name ("thyssenkrupp North America, LLC");
* letters in brackets after a placeholder are its short form ("the park's administrative committee (SIPAC)");
* a ministry's or department's "of" that lists portfolios is one name ("the Ministry of Education, Culture, Sports,
  Science and Technology"), and the short forms in brackets after it are its own;
* a place before "campus", and a university's town ("X University, Coimbatore and ITC Limited"), are no parties;
* on a state's own site, a department named without a place, or a portfolio named after the state ("Queensland
  Health"), is the state (convention 2; states by their bare names, convention 6).

Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.lexicon import _STOP_CAPS, Mention
from pipelines.extract.places import company_name, table_place


def refine_names(v) -> None:
    """Correct ``v.mentions`` in place (``v``: a SentenceView whose ``doc`` is parsed)."""
    _portfolio_lists(v)
    _state_departments(v)
    _lowercase_brands(v)
    _campus_places(v)
    _bracketed_short_forms(v)


# a company whose brand is written in lower case ("thyssenkrupp North America, LLC", "thyssenkrupp Marine Systems GmbH"):
# a word no dictionary knows, then capitalised words and a legal form
_LOWER_BRAND = re.compile(r"(?<![\w-])(?P<brand>[a-z][a-z0-9]{3,})(?: [A-Z][\w&-]*){1,5},? (?:LLC|Inc\.?|Ltd\.?|GmbH|AG|SE|"
                          r"S\.A\.|Co\., Ltd\.|Corporation|Corp\.|Limited|PLC|plc|B\.V\.|N\.V\.)(?![\w])")


def _lowercase_brands(v) -> None:
    """A company whose name opens with its brand in lower case is one mention of the whole name, not the words
    after the brand ("North America" and "LLC" of "thyssenkrupp North America, LLC")."""
    from pipelines.extract.nlp import is_word

    for m in _LOWER_BRAND.finditer(v.clean):
        brand = m.group("brand")
        tok = next((t for t in v.doc if t.idx == m.start()), None)
        if is_word(brand) or brand in _STOP_CAPS or tok is None or tok.pos_ in (
                "ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "ADV", "VERB", "ADJ", "NUM"):
            continue  # ("with Changzhou Siyao Pharmaceuticals Co., Ltd.": a word of the sentence, no brand)
        text = m.group().rstrip()
        inside = [x for x in v.mentions if m.start() <= x.start and x.end <= m.end()]
        if any(x.start < m.end() and m.start() < x.end and x not in inside for x in v.mentions):
            continue
        v.mentions[:] = [x for x in v.mentions if x not in inside]
        v.mentions.append(Mention(m.start(), m.start() + len(text), text, company_name(text), "enterprise"))
        v.mentions.sort(key=lambda x: x.start)


def _bracketed_short_forms(v) -> None:
    """"the park's administrative committee (SIPAC)": letters in brackets right after a body, which the page did not
    spell out as a name of its own, are that body's short form, no second party."""
    for i, m in enumerate(v.mentions):
        if m.kind == "org" and re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", m.text) and v.clean[m.start - 1:m.start] == "(" \
                and v.clean[m.end:m.end + 1] == ")" and m.text not in v.state.ctx.aliases and i > 0:
            prev = v.mentions[i - 1]
            if prev.kind == "placeholder" and not v.clean[prev.end:m.start - 1].strip():
                m.kind = "committee"


def _campus_places(v) -> None:
    """A place named before "campus" says where something is ("held on MSU's East Lansing campus"), no party; so does
    a town a university is named with ("Tamil Nadu Agricultural University, Coimbatore and ITC Limited signed")."""
    gpe = {e.start_char for e in v.doc.ents if e.label_ == "GPE"}
    for i, m in enumerate(v.mentions):
        if i and re.fullmatch(r"[A-Z][a-z]{3,}", m.text) and (m.kind == "org" or m.kind in ("enterprise", "government") and (
                m.start in gpe or table_place(m.text) is not None)) and v.mentions[i - 1].kind == "university" \
                and re.fullmatch(r"(?:\s*\([A-Z]{2,8}\))?,\s*", v.clean[v.mentions[i - 1].end:m.start]) \
                and re.match(r"\s*(?:,|and\b|\()", v.clean[m.end:]):
            m.kind = "committee"
    for m in v.mentions:
        if m.kind in ("org", "government") and re.match(r"\s+campus\b", v.clean[m.end:]) and \
                re.search(r"(?:'s|\u2019s)\s+$", v.clean[max(0, m.start - 20):m.start]):
            m.kind = "committee"


# a government department whose name carries no place: "The Water Resources Department", "the Department of Higher
# Education" (no "Odisha", "N.C.", "Free State")
_BARE_DEPARTMENT = re.compile(r"(?:Department of [A-Z][\w&',\- ]+|(?:[A-Z][\w&',-]* |& ){1,6}Department)")


def _state_departments(v) -> None:
    """On a state's own site ("iprdodisha.gov.in"), a department named without a place is one of the state's, and so
    is a portfolio named after the state ("Queensland Health"): it acts for the state, which is the party
    (convention 2; states by bare name, convention 6)."""
    from pipelines.extract.doc_context import state_names
    from pipelines.extract.places import table_place

    pub = v.state.ctx.publisher
    if not pub or pub not in state_names() or v.state.ctx.university:
        return
    for m in v.mentions:
        name = m.name or m.text
        if m.kind == "agency" and _BARE_DEPARTMENT.fullmatch(name) and not any(
                table_place(w) for w in re.findall(r"[A-Z][a-z]+", name)) or m.kind in ("org", "agency") and re.fullmatch(
                    re.escape(pub) + r" (?:Health|Education|Treasury|Transport|Police|Water|Environment|Agriculture)", name):
            # ("Queensland Health" on Queensland's own site: the state's health department by its own name)
            m.kind, m.name, m.level = "government", pub, "State"


# what may follow a ministry's "of X": more portfolios, each one to four capitalised words, the last after "and"
# (", Culture, Sports, Science and Technology", ", River Development and Ganga Rejuvenation")
# (the last portfolio may join two words by "and" itself: "..., Manufacturing and Regional and Rural Development")
_PORTFOLIOS = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|&)){0,3})*,?\s+and\s+[A-Z][a-z]+"
                         r"(?:\s+(?:[A-Z][a-z]+|and\s+[A-Z][a-z]+)){0,4}(?![\w-])(?!\s+[A-Z])")
_SHORT_FORMS = re.compile(r"\s*\((?:[A-Z][A-Za-z]{0,7}(?:\s*(?:,|&)\s*|\s+)?)+\)")


def _portfolio_lists(v) -> None:
    """A ministry or a department whose "of" lists portfolios is one body ("the Ministry of Education, Culture,
    Sports, Science and Technology", "the Department of Water Resources, River Development and Ganga
    Rejuvenation"), not one party per portfolio: the words after the commas are common nouns (one word a dictionary
    does not know at most, "Ganga"), and no company, university, place or body of its own stands among them
    ("the Ministry of Power, Tata Steel and Infosys" is three parties). Initials in brackets right after it are its
    short forms ("(DoWR, RD & GR)"), no parties either."""
    from pipelines.extract.nlp import is_word

    for i, m in enumerate(v.mentions):
        if m.kind not in ("ministry", "agency") or not re.search(
                r"\b(?:of|for) [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: (?:and|&) [A-Z][a-z]+(?: [A-Z][a-z]+)?)?$", m.text):
            continue
        cont = _PORTFOLIOS.match(v.clean, m.end)
        if not cont:
            continue
        inside = [x for x in v.mentions[i + 1:] if x.start < cont.end()]
        words = re.findall(r"[A-Za-z]+", cont.group())  # (capitalised ones counted: "and" is no lemma)
        # (a field's words the company patterns took for a firm's, "Science and Technology", are no company; a brand
        # of one word is: "Siemens", "Google")
        if any(x.end > cont.end() or x.kind not in ("org", "committee") and not (
                x.kind == "enterprise" and len(re.findall(r"[A-Z][a-z]+", x.text)) >= 2 and all(
                    is_word(w) for w in re.findall(r"[A-Z][a-z]+", x.text))) for x in inside) \
                or sum(1 for w in words if w[:1].isupper() and not is_word(w)) > 1:
            continue
        text = v.clean[m.start:cont.end()]
        whole = Mention(m.start, cont.end(), text, text, m.kind, locative=m.locative)
        short = _SHORT_FORMS.match(v.clean, cont.end())
        for x in v.mentions:
            if short and short.start() <= x.start and x.end <= short.end():
                x.kind = "committee"  # ("(DoWR, RD & GR)": the body's own short forms)
        v.mentions[:] = [x for x in v.mentions if x is not m and x not in inside] + [whole]
        v.mentions.sort(key=lambda x: x.start)
        return _portfolio_lists(v)  # (the list changed: look again for another ministry)
