"""Fuzzing parse and extract (issue 8): random bytes, random HTML and random (often broken) PDFs.

Each input goes through the plain-Python functions the stages call (pipelines.stages):
``parse_bytes`` and ``extract_guarded``, and, as the stages run them, inside the page-limit
wrapper ``run_with_budget``. Every outcome must be a result or a clean error (ParseError /
UnsupportedContent naming the page, or extract_guarded's one-line ValueError), never another
exception (a traceback in the run) and never a hang (the wrapper's time budget running out).

In the suite a few examples per kind run, derandomized (the same inputs every time, so the
suite never turns red by chance); ``make fuzz`` runs many more, random, and keeps failing
examples in .hypothesis/ to replay them. PARTNERSHIPS_FUZZ_EXAMPLES sets the number.
"""

from __future__ import annotations

import os

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines import limits
from pipelines.parse import ParsedPage, ParseError, parse_bytes
from pipelines.stages import extract_guarded

FUZZING = "PARTNERSHIPS_FUZZ_EXAMPLES" in os.environ  # make fuzz
EXAMPLES = int(os.environ.get("PARTNERSHIPS_FUZZ_EXAMPLES") or 0)
BUDGET_S = 60.0  # far above what any of these small inputs needs: running out of it is a hang


def fuzz_settings(suite_examples: int):
    return settings(
        max_examples=EXAMPLES or suite_examples,
        deadline=None,  # timing is the budget's business (and a shared machine's); hangs fail below
        derandomize=not FUZZING,
        database=None if not FUZZING else settings.default.database,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )


CONTENT_TYPES = st.sampled_from([
    None, "", "text/html", "text/html; charset=utf-8", "text/html; charset=gb2312", "text/html; charset=bogus",
    "application/xhtml+xml", "text/plain", "text/plain; charset=latin-1", "application/pdf",
    "application/octet-stream", "image/png", "application/json", "text/html;;charset=",
])
KINDS = st.sampled_from([None, "html", "pdf", "text"])

# pieces of the pages the extractors look for, so random pages reach deep into extraction
PHRASES = [
    "signed a strategic cooperation agreement with", "Xi'an University of Technology", "Foshan City",
    "the People's Government of", "will invest", "30 million yuan", "RMB 1.5 billion", "$2,000,000", "12 May 2021",
    "2021-05-12", "May 12th,2018", "last March", "joint research institute", "platform", "students", "teachers",
    "both sides will each contribute", "its twelfth joint institute", "by 2028", "Tsinghua University", "and",
    "Memorandum of Understanding", "1" * 400, "9" * 45 + ".5", "1,2,3,4,5,6,7,8,9,0," * 5, "\u5e74", "\u4e07\u5143",
    "\u00a0", "\u200b", "\ufeff", "\x00", "&amp;", "&#x0;", "&#99999999;", "<!--", "]]>", "\n", "...",
]
WORDS = st.one_of(st.sampled_from(PHRASES), st.text(max_size=12), st.from_regex(r"[0-9][0-9,.]{0,12}", fullmatch=True))
TEXT = st.lists(WORDS, max_size=25).map(" ".join)

TAGS = ["div", "p", "a", "span", "h1", "h3", "title", "time", "table", "tr", "td", "ul", "li", "article", "main",
        "script", "style", "nav", "footer", "iframe", "svg", "br", "img", "meta", "body", "html", "head", "font"]
ATTRS = st.dictionaries(
    st.sampled_from(["class", "id", "href", "content", "property", "name", "datetime", "charset", "http-equiv",
                     "style", "lang", "onclick"]),
    st.one_of(st.sampled_from(["article:published_time", "2021-05-12T08:00:00", "date", "pubdate", "content",
                               "text/html; charset=gbk", "utf-8", "display:none", "javascript:alert(1)"]),
              st.text(max_size=10)),
    max_size=3,
)


def _element(children):
    return st.builds(
        lambda tag, attrs, kids, close: f"<{tag}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + ">"
        + "".join(kids) + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), ATTRS, st.lists(children, max_size=4), st.booleans(),
    )


HTML = st.recursive(TEXT, _element, max_leaves=20).map(
    lambda body: body if body.lstrip().startswith("<") else f"<html><body><p>{body}</p></body></html>"
)
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "latin-1", "utf-16"])


def check_parse(body: bytes, content_type, kind) -> ParsedPage | None:
    """parse_bytes in-process: a ParsedPage or a ParseError (UnsupportedContent is one) naming the page."""
    try:
        page = parse_bytes(body, content_type=content_type, url="https://fuzz.example/page", kind=kind)
    except ParseError as exc:
        assert "https://fuzz.example/page" in str(exc), exc
        return None
    assert isinstance(page, ParsedPage) and isinstance(page.text, str)
    assert page.title is None or isinstance(page.title, str)
    return page


def check_extract(text: str, title: str | None = None) -> dict | None:
    """extract_guarded in-process: the facts of the page, or its one-line ValueError for numbers out of range."""
    try:
        facts = extract_guarded(text, document_id="fuzz", url="https://fuzz.example/page", published="2021-06-01",
                                title=title, university=None)
    except ValueError as exc:
        assert "out of range" in str(exc) and "\n" not in str(exc), exc
        return None
    assert isinstance(facts, dict)
    for fact_type in ("agreements", "funding", "platforms", "counts"):
        assert isinstance(facts.get(fact_type, []), list)
    return facts


CLEAN_STEP_ERRORS = {"ParseError", "UnsupportedContent", "ValueError"}


def in_budget(fn, *args, **kwargs):
    """fn as the stages run it: in the page-limit wrapper's worker. A result, or a clean error of the step;
    never the budget running out (a hang) nor a dead worker."""
    try:
        return limits.run_with_budget(fn, *args, seconds=BUDGET_S, what="fuzz", **kwargs)
    except limits.StepFailed as exc:
        assert exc.type_name in CLEAN_STEP_ERRORS, f"the step raised {exc}"
        return None
    except limits.LimitError as exc:  # BudgetExceeded (a hang) or a worker that died
        pytest.fail(f"{exc}")


def example(case, *args):
    """One example's checks: in-process in the suite (pytest-timeout guards it); under ``make fuzz`` in a
    worker of the page-limit wrapper, so an input that hangs fails its example (and is shrunk) instead of
    stopping the fuzzing."""
    if not FUZZING:
        return case(*args)
    try:
        return limits.run_with_budget(case, *args, seconds=BUDGET_S, what="fuzz example")
    except (limits.StepFailed, limits.LimitError) as exc:
        pytest.fail(f"{exc}")


@pytest.fixture(scope="module", autouse=True)
def _warm():
    from pipelines.extract import warm_up

    warm_up()  # once, as the extract stage does; the wrapper's workers inherit it


@fuzz_settings(60)
@given(body=st.one_of(st.binary(max_size=2048), st.binary(max_size=512).map(lambda b: b"%PDF-1.4\n" + b),
                      st.binary(max_size=512).map(lambda b: b"<html>" + b)),
       content_type=CONTENT_TYPES, kind=KINDS)
def test_random_bytes_parse_or_fail_cleanly(body, content_type, kind):
    example(bytes_case, body, content_type, kind)


def bytes_case(body, content_type, kind):
    page = check_parse(body, content_type, kind)
    if page is not None and page.text.strip():
        check_extract(page.text[:2000], page.title)


@fuzz_settings(15)
@given(html=HTML, encoding=ENCODINGS, content_type=CONTENT_TYPES, kind=st.sampled_from([None, "html"]))
def test_random_html_parses_and_extracts_or_fails_cleanly(html, encoding, content_type, kind):
    example(page_case, html.encode(encoding, errors="replace"), content_type, kind)


def page_case(body, content_type, kind):
    page = check_parse(body, content_type, kind)
    if page is not None:
        check_extract(page.text, page.title)


def make_pdf(title: str | None, pages: list[str]) -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text.encode("latin-1", errors="replace").decode("latin-1"))
    return bytes(pdf.output())


@st.composite
def pdfs(draw) -> bytes:
    """A PDF built with fpdf2 from random text, then often damaged: cut short, bytes overwritten, spliced."""
    body = make_pdf(draw(st.one_of(st.none(), st.text(max_size=20))), draw(st.lists(TEXT, min_size=1, max_size=3)))
    damage = draw(st.sampled_from(["none", "truncate", "overwrite", "splice"]))
    if damage == "truncate":
        body = body[: draw(st.integers(8, len(body)))]
    elif damage == "overwrite":
        data = bytearray(body)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        body = bytes(data)
    elif damage == "splice":
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.binary(min_size=1, max_size=200)) + body[at:]
    return body


@fuzz_settings(15)
@given(body=pdfs(), content_type=st.sampled_from(["application/pdf", None, "application/octet-stream"]),
       kind=st.sampled_from([None, "pdf"]))
def test_random_pdfs_parse_and_extract_or_fail_cleanly(body, content_type, kind):
    example(page_case, body, content_type, kind)


@fuzz_settings(4)
@given(body=st.one_of(HTML.map(str.encode), pdfs(), st.binary(max_size=1024)), content_type=CONTENT_TYPES)
def test_inside_the_page_limit_wrapper_a_result_or_a_clean_error_never_a_hang(body, content_type):
    page = in_budget(parse_bytes, body, content_type=content_type, url="https://fuzz.example/page", kind=None)
    if page is not None:
        text, _cut = limits.cap_text(page.text, 5000)
        facts = in_budget(extract_guarded, text, document_id="fuzz", url=None, published=None, title=page.title,
                          university=None)
        assert facts is None or isinstance(facts, dict)
