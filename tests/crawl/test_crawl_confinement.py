"""The crawler stays on the source's site and off internal addresses (issue 8, item 2).

Real servers on loopback addresses: 127.0.0.2 plays the source's site, 127.0.0.3
an "internal" host a hostile page points at. Loopback is refused unless
``allow_networks`` lists it, so each test chooses exactly what is allowed.
"""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from pipelines.crawl import CrawlConfigError, CrawlSettings, crawl_sources
from pipelines.crawl.fetcher import Fetcher
from pipelines.crawl.netguard import AddressPolicy, BlockedAddress, GuardedBackend, address_class
from pipelines.registry import IndexSpec, Source

PAGE = b"<html><head><title>T</title></head><body><p>Agreement signed.</p></body></html>"
SECRET = b"<html><body><p>internal secret: signed an agreement worth 9 billion yuan</p></body></html>"


def src(url: str, **kw) -> Source:
    return Source(id=kw.pop("id", "s1"), publisher="Test", url=url, **kw)


def crawl(sources, store, settings):
    return crawl_sources(sources, mode="live", store=store, settings=settings)


def test_loopback_is_refused_by_default_and_nothing_is_sent(serve, store, fast):
    server = serve("127.0.0.2")
    server.page("/p", PAGE)
    [r] = crawl([src(server.url("/p"))], store, fast.replace(allow_networks=()))
    assert not r.ok and r.content_hash is None
    assert "127.0.0.2 is a loopback address" in r.error and server.url("/p") in r.error
    assert "PARTNERSHIPS_CRAWL_ALLOW_NETWORKS" in r.error
    assert server.paths() == []  # not even robots.txt
    assert store.latest(server.url("/p")).error == r.error


def test_a_host_name_is_judged_by_the_address_it_resolves_to(serve, store, fast):
    server = serve("127.0.0.1")
    server.page("/p", PAGE)
    url = f"http://localhost:{server.port}/p"
    [r] = crawl([src(url)], store, fast.replace(allow_networks=()))
    assert not r.ok and "localhost resolves to" in r.error and "loopback" in r.error
    assert server.paths() == []
    [r] = crawl([src(url)], store, fast.replace(allow_networks=("127.0.0.1/32",)))
    assert r.ok and store.read_body(r.content_hash) == PAGE


def test_link_local_metadata_address_is_never_contacted(store, fast):
    # Refused on the address alone, before any connection: this test touches no network.
    url = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
    [r] = crawl([src(url)], store, fast)
    assert not r.ok and "169.254.169.254 is a link-local address" in r.error
    assert r.attempts == 1


def test_redirect_to_an_allowed_host_on_a_refused_network_is_refused(serve, store, fast):
    home, internal = serve("127.0.0.2"), serve("127.0.0.3")
    internal.page("/admin", SECRET)
    home.page("/moved", b"", status=302, headers={"Location": internal.url("/admin")})
    settings = fast.replace(allow_networks=("127.0.0.2/32",))
    [r] = crawl([src(home.url("/moved"), allow_hosts=("127.0.0.3",))], store, settings)
    assert not r.ok and "127.0.0.3 is a loopback address" in r.error
    assert internal.paths() == []  # neither the page nor its robots.txt


def test_index_links_to_another_site_are_not_followed(serve, store, fast):
    site, other = serve("127.0.0.2"), serve("127.0.0.3")
    other.page("/news/1.htm", SECRET)
    site.page("/news/2.htm", PAGE)
    site.page("/news/", f'<html><body><ul><li><a href="{other.url("/news/1.htm")}">x</a></li>'
                        f'<li><a href="/news/2.htm">y</a></li></ul></body></html>')
    source = src(site.url("/news/"), index=IndexSpec(link_pattern=r"/news/\d+\.htm$", max_links=1))
    results = crawl([source], store, fast)
    assert [r.url for r in results] == [site.url("/news/"), site.url("/news/2.htm")]  # max_links counts on-site links
    assert all(r.ok for r in results)
    assert other.paths() == []
    # ... unless the registry allows that host
    results = crawl([src(site.url("/news/"), index=source.index, allow_hosts=("127.0.0.3",))], store, fast)
    assert other.url("/news/1.htm") in [r.url for r in results]


def test_robots_txt_redirect_to_another_site_is_not_followed(serve, store, fast):
    site, other = serve("127.0.0.2"), serve("127.0.0.3")
    site.page("/robots.txt", b"", status=301, headers={"Location": other.url("/robots.txt")})
    other.page("/robots.txt", "User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"})
    site.page("/p", PAGE)
    [r] = crawl([src(site.url("/p"))], store, fast)
    assert r.ok  # the off-site file was not read: no rules, like a missing robots.txt
    assert other.paths() == []
    assert site.paths() == ["/robots.txt", "/p"]


def test_an_article_url_outside_the_site_is_refused_by_the_fetcher(serve, store, fast):
    site, other = serve("127.0.0.2"), serve("127.0.0.3")
    other.page("/x", SECRET)

    async def go():
        async with Fetcher(fast) as fetcher:
            return await fetcher.fetch(other.url("/x"), site=site.url("/"))

    outcome = asyncio.run(go())
    assert outcome.error and "outside the source's site" in outcome.error
    assert other.paths() == []


def test_connect_time_check_catches_a_changed_dns_answer(serve):
    """DNS rebinding: the name first resolves to a public address (passing the pre-check),
    then to loopback when the socket connects; the guarded backend refuses to connect."""
    server = serve("127.0.0.2")
    server.page("/p", PAGE)
    answers = iter([[ipaddress.ip_address("93.184.216.34")], [ipaddress.ip_address("127.0.0.2")]])

    class Rebinding(AddressPolicy):
        async def resolve(self, host, port):
            return next(answers)

    backend = GuardedBackend(Rebinding())

    async def go():
        assert await backend.policy.allowed_addresses("rebind.example", server.port)  # the pre-check passes
        await backend.connect_tcp("rebind.example", server.port)

    with pytest.raises(BlockedAddress, match="127.0.0.2 is a loopback address"):
        asyncio.run(go())
    assert server.paths() == []


def test_address_classes_and_settings():
    assert address_class(ipaddress.ip_address("10.1.2.3")) == "private"
    assert address_class(ipaddress.ip_address("::ffff:127.0.0.1")) == "loopback"
    assert address_class(ipaddress.ip_address("fe80::1")) == "link-local"
    assert address_class(ipaddress.ip_address("93.184.216.34")) is None
    env = {"PARTNERSHIPS_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8, 10.0.0.0/8"}
    settings = CrawlSettings.from_env(env)
    assert settings.allow_networks == ("127.0.0.0/8", "10.0.0.0/8")
    assert settings.address_policy.allows(ipaddress.ip_address("10.9.9.9")) is None
    assert CrawlSettings.from_env({}).allow_networks == ()
    with pytest.raises(CrawlConfigError, match="PARTNERSHIPS_CRAWL_ALLOW_NETWORKS.*not an IP network"):
        CrawlSettings.from_env({"PARTNERSHIPS_CRAWL_ALLOW_NETWORKS": "localhost"})
