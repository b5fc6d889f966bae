"""decode_bytes: header, then the page's own declaration, then detection; never raises."""

from __future__ import annotations

import random

import pytest

from pipelines.parse import decode_bytes
from pipelines.parse.decode import charset_from_content_type, sniff_declared_charset

ZH = (
    "湘潭大学与湘潭市人民政府签署战略合作协议。双方将在科技创新、人才培养、成果转化等领域"
    "开展全面合作，共同建设产学研合作基地，推动地方经济社会高质量发展。"
)
PAGE = f"<html><head><title>校地合作</title></head><body><p>{ZH}</p></body></html>"


def test_utf8_header_is_used():
    text, enc = decode_bytes(PAGE.encode("utf-8"), "text/html; charset=UTF-8")
    assert (text, enc) == (PAGE, "utf-8")


def test_lying_utf8_header_over_gbk_body_is_detected():
    body = PAGE.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text, enc = decode_bytes(body, "text/html; charset=utf-8")
    assert text == PAGE
    assert enc == "gb18030"


def test_lying_header_falls_back_to_meta_charset():
    page = PAGE.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    text, enc = decode_bytes(page.encode("gbk"), 'text/html; charset="utf-8"')
    assert text == page and enc == "gb18030"


def test_meta_charset_without_header():
    page = "<!doctype html><html><head><meta charset='gb2312'></head><body><p>合作协议</p></body></html>"
    text, enc = decode_bytes(page.encode("gb2312"), None)
    assert "合作协议" in text and enc == "gb18030"


def test_xml_declaration_is_a_declaration():
    page = '<?xml version="1.0" encoding="GBK"?><html><body><p>合作协议</p></body></html>'
    text, enc = decode_bytes(page.encode("gbk"), "text/html")
    assert "合作协议" in text and enc == "gb18030"


def test_gb2312_label_is_decoded_as_gb18030():
    # 镕 and 喆 are GBK characters outside GB2312: a strict GB2312 decode would fail.
    page = "<meta charset=gb2312><p>朱镕基 张喆 合作</p>"
    body = page.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb2312")
    text, enc = decode_bytes(body, "text/html; charset=GB2312")
    assert text == page and enc == "gb18030"


def test_detection_without_any_declaration():
    text, enc = decode_bytes(PAGE.encode("gb18030"), None)
    assert text == PAGE and enc == "gb18030"


def test_single_byte_label_over_utf8_body_prefers_utf8():
    body = "<p>Café “quotes” — 合作</p>".encode("utf-8")
    text, enc = decode_bytes(body, "text/html; charset=iso-8859-1")
    assert text == "<p>Café “quotes” — 合作</p>" and enc == "utf-8"


def test_latin1_page_stays_latin1():
    text, enc = decode_bytes("<p>Café déjà vu</p>".encode("latin-1"), "text/html; charset=iso-8859-1")
    assert text == "<p>Café déjà vu</p>"


def test_utf8_bom_wins():
    text, enc = decode_bytes(b"\xef\xbb\xbf<p>\xe5\x90\x88</p>", "text/html; charset=gbk")
    assert text == "<p>合</p>" and enc == "utf-8-sig"


@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8", "text/html; charset=no-such-codec"])
def test_garbage_bytes_never_raise(content_type):
    rng = random.Random(7)
    body = bytes(rng.randrange(256) for _ in range(5000))
    text, enc = decode_bytes(body, content_type)
    assert isinstance(text, str) and text
    assert enc


def test_invalid_utf8_tail_is_replaced_not_raised():
    body = b"<p>ok</p>" + b"\xff\xfe\xfd" * 3
    text, _ = decode_bytes(body, "text/html; charset=utf-8")
    assert text.startswith("<p>ok</p>")


def test_empty_body():
    assert decode_bytes(b"", None) == ("", "utf-8")


def test_non_bytes_is_a_clear_error():
    with pytest.raises(TypeError, match="bytes"):
        decode_bytes("already text", None)  # type: ignore[arg-type]


def test_header_and_meta_parsing_helpers():
    assert charset_from_content_type("text/html;charset='GB2312'") == "gb18030"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type("text/html; charset=bogus") is None
    assert sniff_declared_charset(b'<meta http-equiv="content-type" content="text/html; charset=big5">') == "big5"
