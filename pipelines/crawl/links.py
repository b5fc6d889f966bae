"""Index pages: find the article links to follow (one level deep), and URL/site helpers."""

from __future__ import annotations

import ipaddress
import re
import warnings
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

HTTP_SCHEMES = ("http", "https")

# Second-level labels under a country code that are public suffixes in practice
# (edu.cn, gov.cn, com.cn, ac.uk, co.jp ...): a site is then the last three labels.
_GENERIC_SLD = {"ac", "co", "com", "edu", "gov", "net", "org", "mil", "ne", "or", "go", "nic", "sch"}


def host_of(url: str) -> str:
    """The lower-case host name of ``url`` (no port)."""
    return (urlsplit(url).hostname or "").lower()


def site_of(host: str) -> str:
    """The registrable domain of ``host`` (approximate: no public-suffix list).

    ``en.xtu.edu.cn`` -> ``xtu.edu.cn``; ``www.example.org`` -> ``example.org``;
    IP addresses and single-label hosts are their own site.
    """
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    if len(labels[-1]) == 2 and labels[-2] in _GENERIC_SLD:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url_a: str, url_b: str) -> bool:
    return site_of(host_of(url_a)) == site_of(host_of(url_b))


def host_allowed(host: str, allowed: tuple[str, ...] | list[str]) -> bool:
    """True when ``host`` is one of ``allowed`` or a subdomain of one."""
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.lower().strip().rstrip(".").lstrip("*").lstrip(".")
        if entry and (host == entry or host.endswith("." + entry)):
            return True
    return False


def extract_links(
    body: bytes,
    base_url: str,
    pattern: str | re.Pattern[str],
    max_links: int,
    *,
    charset: str | None = None,
) -> list[str]:
    """Absolute http(s) links of ``body`` whose URL matches ``pattern`` (``re.search``).

    Relative links resolve against ``<base href>`` or ``base_url``; fragments are
    dropped; duplicates and the page itself are skipped; at most ``max_links``,
    in page order.
    """
    regex = re.compile(pattern) if isinstance(pattern, str) else pattern
    if max_links <= 0 or not body:
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(body, "lxml", from_encoding=charset)
    base = base_url
    base_tag = soup.find("base", href=True)
    if base_tag is not None:
        base = urljoin(base_url, str(base_tag["href"]).strip())
    own = urldefrag(base_url)[0]
    found: list[str] = []
    seen: set[str] = {own}
    for a in soup.find_all("a", href=True):
        href = str(a["href"]).strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        try:
            absolute = urldefrag(urljoin(base, href))[0]
            scheme = urlsplit(absolute).scheme.lower()
        except ValueError:
            continue
        if scheme not in HTTP_SCHEMES or absolute in seen:
            continue
        if not regex.search(absolute):
            continue
        seen.add(absolute)
        found.append(absolute)
        if len(found) >= max_links:
            break
    return found
