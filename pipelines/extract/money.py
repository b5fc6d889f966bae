"""Money amounts: number, scale word, currency, qualifier and a stated conversion.

"at least 100 million yuan ($15.46 million)" -> 100000000 CNY, at_least, usd 15460000.
Scale words: thousand, million, billion, trillion, "10,000 yuan", wan (10^4), yi (10^8).
A number without a currency (an industry's "100-billion" size) or a percentage is not money.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

_WORD_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10, "a": 1, "an": 1}
# digits, or a number word before a scale word ("one billion yuan", "a million dollars")
# (a decimal comma before a scale word, as South African and continental pages write it: "R18,5 million")
_NUM = (r"\d{1,3},\d{1,2}(?=\s?(?:million|billion|bn|mn|m)\b)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
        r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Aa]n?)(?=\s(?:thousand|million|billion)\b)")
_SCALE = (r"thousand|million|billion|trillion|mln|bln|bn|mn|wan|yi|hundred million|ten thousand|10,000|100 million|"
          r"lakh crores?|crores?|lakhs?|lacs?|mil|bil|k|m")  # "RM5.2mil", "RM1.1bil": the Malaysian press
_CUR_PRE = (r"US\s?\$|U\.S\.\s?\$|HK\$|S\$|A\$|AU\$|C\$|CA\$|NZ\$|NT\$|R\$|RMB|CNY|USD|EUR|GBP|SGD|AUD|CAD|NZD|INR|KRW|"
            r"ZAR|BRL|JPY|CHF|MYR|KES|MXN|MX\$|KSh\.?|Ksh\.?|(?-i:Sh)(?=\s?\d)|RM(?=\s?\d)|Rs\.?|₹|₩|\$|¥|￥|£|€|"
            r"NGN|₦|VND|₫|TWD|THB|฿|IDR|CLP|Rp\.?(?=\s?\d)|₪|₺|₱|(?-i:ILS|NIS|MOP\$?|TRY|AED|SAR|PHP|PKR|SEK|NOK|DKK|PLN)|"
            r"(?-i:KZT|EGP|PEN|COP|ARS|GHS|UGX|TZS|ETB|BDT|LKR|NPR|RUB|CZK|HUF|RON|UAH|QAR|KWD|MAD)|"
            r"\bR(?=\d[\d,.]*\s?(?:million|billion|bn|m)\b)")  # the South African rand: "R40 million"
_CUR_POST = (r"yuan|renminbi|RMB|CNY|U\.S\. dollars|US dollars|Singapore dollars|Australian dollars|Canadian dollars|"
             r"dollars|USD|pounds(?: sterling)?|sterling|GBP|euros?|EUR|Hong Kong dollars|HKD|yen|JPY|rupees|INR|"
             r"won|KRW|rand|ZAR|SGD|AUD|CAD|reais|BRL|Swiss francs|CHF|ringgit|MYR|New Zealand dollars|NZD|Mexican pesos|pesos|MXN|"
             r"shillings|KES|naira|NGN|VND|New Taiwan dollars|TWD|baht|THB|rupiah|IDR|Chilean pesos|CLP|"
             r"shekels|patacas|lira|dirhams|riyals|Philippine pesos|kronor|kroner|zloty|"
             r"tenge|soles|cedis|birr|taka|rubles|roubles|forints|Egyptian pounds|"
             r"(?-i:ILS|NIS|MOP|TRY|AED|SAR|PHP|PKR|SEK|NOK|DKK|PLN|KZT|EGP|PEN|COP|ARS|GHS|UGX|TZS|ETB|BDT|LKR|NPR|RUB|"
             r"CZK|HUF|RON|UAH|QAR|KWD|MAD)")
QUALIFIERS = [
    ("at_least", r"at least|more than|over|above|no less than|not less than|upwards of|in excess of|exceeding"),
    ("approximately", r"about|nearly|roughly|some|around|approximately|close to|almost|approx\.|an estimated"),
    ("at_most", r"up to|at most|no more than|less than|under|not more than|a maximum of"),
]
_QUAL = "|".join(q for _, q in QUALIFIERS)

MONEY = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?:a total of\s+)?"
    rf"(?:(?<![A-Za-z])(?P<pre>{_CUR_PRE})\s?(?P<n1>{_NUM})(?:\s?-?(?P<s1>{_SCALE})\b)?(?:\s(?P<post1>yuan|dollars))?"
    rf"|(?P<n2>{_NUM})(?:\s?-?(?P<s2>{_SCALE}))?(?:\s|-(?=\w+\s))(?P<post2>{_CUR_POST})\b)", re.I)  # "a 100-million-yuan fund"
_CONVERSION = re.compile(
    rf"^\s*\((?:about |approximately |approx\. ?|around |roughly |nearly |some |or |c\. ?|~ ?)?(?:(?P<pre>US\s?\$|U\.S\.\s?\$|\$|USD)\s?(?P<n1>{_NUM})"
    rf"(?:\s?(?P<s1>{_SCALE})\b)?|(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALE}))?\s(?:U\.S\. dollars|US dollars|dollars|USD))\)", re.I)

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9,
          "trillion": 1e12, "wan": 1e4, "ten thousand": 1e4, "10,000": 1e4, "yi": 1e8, "hundred million": 1e8,
          "100 million": 1e8, "mn": 1e6, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
          "lacs": 1e5, "lakh crore": 1e12, "lakh crores": 1e12, "mil": 1e6, "bil": 1e9}
CURRENCIES = {"yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "¥": "CNY", "￥": "CNY",
              "$": "USD", "us$": "USD", "us $": "USD", "u.s.$": "USD", "u.s. $": "USD", "usd": "USD", "dollars": "USD",
              "u.s. dollars": "USD", "us dollars": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
              "pounds sterling": "GBP", "sterling": "GBP", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
              "hk$": "HKD", "hkd": "HKD", "hong kong dollars": "HKD", "yen": "JPY", "jpy": "JPY",
              "s$": "SGD", "sgd": "SGD", "singapore dollars": "SGD", "a$": "AUD", "au$": "AUD", "aud": "AUD",
              "australian dollars": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "canadian dollars": "CAD",
              "rupees": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "₹": "INR", "won": "KRW", "krw": "KRW",
              "₩": "KRW", "rand": "ZAR", "zar": "ZAR", "r": "ZAR", "r$": "BRL", "reais": "BRL", "brl": "BRL",
              "nz$": "NZD", "nzd": "NZD", "new zealand dollars": "NZD", "nt$": "TWD", "chf": "CHF",
              "swiss francs": "CHF", "rm": "MYR", "ringgit": "MYR", "myr": "MYR",
              "ksh": "KES", "ksh.": "KES", "kes": "KES", "shillings": "KES", "sh": "KES", "pesos": "MXN", "mexican pesos": "MXN",
              "mxn": "MXN", "mx$": "MXN", "ngn": "NGN", "₦": "NGN", "naira": "NGN", "vnd": "VND", "₫": "VND",
              "twd": "TWD", "new taiwan dollars": "TWD", "thb": "THB", "฿": "THB", "baht": "THB", "idr": "IDR",
              "rp": "IDR", "rp.": "IDR", "rupiah": "IDR", "clp": "CLP", "chilean pesos": "CLP",
              "ils": "ILS", "nis": "ILS", "₪": "ILS", "shekels": "ILS", "mop": "MOP", "mop$": "MOP", "patacas": "MOP",
              "try": "TRY", "₺": "TRY", "lira": "TRY", "aed": "AED", "dirhams": "AED", "sar": "SAR", "riyals": "SAR",
              "php": "PHP", "₱": "PHP", "philippine pesos": "PHP", "pkr": "PKR", "sek": "SEK", "kronor": "SEK",
              "nok": "NOK", "kroner": "NOK", "dkk": "DKK", "pln": "PLN", "zloty": "PLN",
              # (more ISO codes as pages write them before or after the figure, and the names of some)
              **{c.lower(): c for c in ("KZT", "EGP", "PEN", "COP", "ARS", "GHS", "UGX", "TZS", "ETB", "BDT", "LKR",
                                        "NPR", "RUB", "CZK", "HUF", "RON", "UAH", "QAR", "KWD", "MAD")},
              "tenge": "KZT", "soles": "PEN", "cedis": "GHS", "birr": "ETB", "taka": "BDT", "rubles": "RUB",
              "roubles": "RUB", "forints": "HUF", "egyptian pounds": "EGP"}
# a bare "$" is the dollar of the page's country (by its web domain)
DOLLAR_BY_TLD = {"sg": "SGD", "au": "AUD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "tw": "TWD"}


RUPEE_BY_TLD = {"pk": "PKR", "lk": "LKR", "np": "NPR"}
SHILLING_BY_TLD = {"ug": "UGX", "tz": "TZS"}
YEN_SIGN_BY_TLD = {"jp": "JPY"}


def _by_domain(url: str | None, by_tld: dict[str, str], default: str) -> str:
    """The currency a sign or word means on a page at this URL, by the country of its web domain."""
    from pipelines.extract.text import page_host

    host = page_host(url)
    return by_tld.get(host.rsplit(".", 1)[-1], default) if host else default


def rupee_currency(url: str | None) -> str:
    """ISO code of "Rs." / "rupees" on a page at this URL: the country's rupee, else the Indian one."""
    return _by_domain(url, RUPEE_BY_TLD, "INR")


def shilling_currency(url: str | None) -> str:
    """ISO code of "Sh80 million" / "shillings" on a page at this URL: the country's shilling, else Kenya's."""
    return _by_domain(url, SHILLING_BY_TLD, "KES")


def yen_sign_currency(url: str | None) -> str:
    """ISO code of a bare "¥" on a page at this URL: the yen on a Japanese page, else the yuan."""
    return _by_domain(url, YEN_SIGN_BY_TLD, "CNY")


def dollar_currency(url: str | None) -> str:
    """ISO code of a bare "$" on a page at this URL: the country's dollar, else USD."""
    return _by_domain(url, DOLLAR_BY_TLD, "USD")


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    qualifier: str
    usd_stated: float | None
    text: str


def _number(n: str, scale: str | None) -> float:
    if re.fullmatch(r"\d{1,3},\d{1,2}", n):
        n = n.replace(",", ".")  # "18,5 million": a decimal comma
    value = float(_WORD_NUMS.get(n.lower(), 0) if n.lower() in _WORD_NUMS else n.replace(",", ""))
    if scale:
        value *= SCALES.get(scale.lower(), 1)
    return value


def _clean_amount(v: float) -> float | int:
    return int(round(v)) if abs(v - round(v)) < 1e-6 else round(v, 2)


def qualifier_of(word: str | None) -> str:
    if not word:
        return "exact"
    w = word.lower()
    for q, pat in QUALIFIERS:
        if re.fullmatch(pat, w, re.I):
            return q
    return "exact"


_CUE = re.compile(r"yuan|rmb|renminbi|cny|usd|dollar|pound|sterling|euro|gbp|eur\b|hkd|yen|jpy|rupee|inr|rs\b|won\b|"
                  r"krw|rand\b|zar|sgd|aud|cad|[$¥￥£€₹₩₦₫฿]|\bR\d|reais|brl|chf|franc|ringgit|myr|\bRM\s?\d|nzd|\bksh|\bkes\b|(?-i:\bSh\s?\d)|peso|mxn|"
                  r"ngn|naira|vnd|twd|thb|baht|idr|rupiah|\bRp\.?\s?\d|[₪₺₱]|shekel|pataca|lira|dirham|riyal|kron|zloty|"
                  r"tenge|soles|cedis|birr|taka|ruble|rouble|forint|"
                  r"(?-i:ILS|NIS|MOP|TRY|AED|SAR|PHP|PKR|SEK|NOK|DKK|PLN|KZT|EGP|PEN|COP|ARS|GHS|UGX|TZS|ETB|BDT|LKR|NPR|"
                  r"RUB|CZK|HUF|RON|UAH|QAR|KWD|MAD|CLP)", re.I)


def find_money(text: str) -> list[Money]:
    """Money amounts in a cleaned sentence, in order (a conversion in brackets belongs to the amount before)."""
    if not _CUE.search(text):
        return []
    return list(_find_money(text))


@lru_cache(maxsize=2048)
def _find_money(text: str) -> tuple[Money, ...]:
    out: list[Money] = []
    for m in MONEY.finditer(text):
        if out and m.start() < out[-1].end:
            continue
        g = m.groupdict()
        if g["n1"]:
            num, scale, cur = g["n1"], g["s1"], g["pre"]
            if g["post1"] and g["post1"].lower() == "yuan":
                cur = "yuan"
        else:
            num, scale, cur = g["n2"], g["s2"], g["post2"]
        if scale and scale.lower() == "m" and not g["n1"] and not re.search(r"\dm\b", m.group()):
            scale = None  # (a lone "m" after a space is no scale; glued to the figure it is: "a 300m yuan fund")
        if re.match(r"\s*%|\s*percent", text[m.end():]):
            continue
        unit = re.fullmatch(r"(?P<u>10,000|ten thousand|100 million)\s*(?:yuan|RMB|CNY)", m.group().strip(), re.I)
        figure = re.search(rf"(?:(?P<qual>{_QUAL})\s+)?(?P<n>{_NUM})\s*\(\s*$", text[:m.start()], re.I) if unit else None
        if figure and (not out or out[-1].end <= figure.start()):
            # "a total contract amount of 1,380 (10,000 yuan)": the figure before the bracket, in the bracket's unit
            out.append(Money(figure.start(), m.end() + (1 if text[m.end():m.end() + 1] == ")" else 0),
                             _clean_amount(_number(figure.group("n"), unit.group("u"))), "CNY",
                             qualifier_of(figure.group("qual")), None, text[figure.start():m.end() + 1]))
            continue
        if re.fullmatch(r"(?:10,000|ten thousand|1,000|100 million)\s*(?:yuan|RMB|CNY)", m.group().strip(), re.I) and \
                re.search(r"(?:\b(?:units?|amounts?|figures?|values?)\s*(?:[:\uff1a]|are in|in)|\(\s*(?:in|unit\s*:?))\s*$",
                          text[:m.start()], re.I):
            continue  # "(amounts in 10,000 yuan)", "(unit: 10,000 yuan)": the unit a table's figures are in
        if out and re.fullmatch(r"\s*\((?:about |approximately |approx\. ?|around |roughly |nearly |some |or |c\. ?|~ ?)?",
                                text[out[-1].end:m.start()]):
            continue  # "5.6 billion RMB (£650 Mn)": a conversion in brackets restates the amount before
        currency = CURRENCIES.get(re.sub(r"\s+", " ", cur.lower()), None) if cur else None
        if currency is None:
            continue
        amount = _number(num, scale)
        if not math.isfinite(amount) or amount > 1e15:
            continue  # an absurd figure (hundreds of digits) is no amount of money
        usd = None
        end = m.end()
        c = _CONVERSION.match(text[end:])
        if c and currency != "USD":
            cg = c.groupdict()
            usd = _number(cg["n1"] or cg["n2"], cg["s1"] or cg["s2"])
            end += c.end()
        out.append(Money(m.start(), end, _clean_amount(amount), currency, qualifier_of(g["qual"]),
                         _clean_amount(usd) if usd is not None else None, text[m.start():end]))
    return tuple(out)
