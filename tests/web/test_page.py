"""The page in a real browser (Debian Chromium via Playwright), against `newsevents serve` run in a
subprocess over a store built from the samples. Nothing here reaches beyond 127.0.0.1.

Fixtures live in this module, not in a conftest.py: other test folders import the root conftest by
name, and a second `conftest` module would shadow it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("playwright")

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

HOSTILE = (
    "Dock workers protest over unpaid wages <b onmouseover=\"window.__pwned = 3\">now</b>\n\n"
    "HAMBURG, March 3 (Newsevents Wire) - Dock workers in Hamburg protested on Monday over unpaid wages. "
    "A banner read <script>window.__pwned = 1</script> and a leaflet showed "
    '<img src=x onerror="window.__pwned = 2"> beside the union logo.\n\n'
    '"We want our money," union leader Anna Berger said.\n'
)

# Written for these tests: a trip with known coordinates, so drawing a journey does not depend on how
# well the journeys stage does on any one article.
TRIP_TEXT = "Ferry captain Ola Berg sailed from Bergen to Aberdeen and then to Reykjavik in May.\n"


def _trip_doc():
    from newsevents.schema import Document, Journey, Ref, Stop

    def stop(name: str, lat: float, lon: float, role: str) -> Stop:
        start = TRIP_TEXT.index(name)
        return Stop(name=name, lat=lat, lon=lon, start=start, end=start + len(name), text=name, role=role)

    return Document(
        id="trip0000000000001", text=TRIP_TEXT, published="2024-05-20", source="trip",
        journeys=[Journey(person=Ref(name="Ola Berg"), stops=[
            stop("Bergen", 60.39, 5.32, "origin"), stop("Aberdeen", 57.15, -2.09, "waypoint"),
            stop("Reykjavik", 64.14, -21.94, "destination")])],
    )


def _published() -> dict[str, str]:
    out = {}
    for line in (ROOT / "samples" / "published.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, date = line.split("\t")[:2]
            out[name] = date
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    import newsevents
    from newsevents.store import open_store

    pub = _published()
    docs = [newsevents.extract(p.read_text(encoding="utf-8"), published=pub.get(p.name), source=p.stem)
            for p in sorted((ROOT / "samples").glob("*.txt"))]
    docs.append(newsevents.extract(HOSTILE, published="2024-03-04", source="hostile", html=False))
    example = ROOT.parent / "shared" / "examples" / "guatemala.txt"
    if example.exists():  # the story the project started from: its journey should be on the map
        docs.append(newsevents.extract(example.read_text(encoding="utf-8"), published="2019-07-28", source="example"))
    docs.append(_trip_doc())
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with open_store(path) as st:
        st.write(docs)
    return path


@pytest.fixture(scope="session")
def server(web_store) -> str:
    port = _free_port()
    log = open(web_store.with_suffix(".log"), "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsevents.cli", "serve", "--store", str(web_store), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("server did not start: " + web_store.with_suffix(".log").read_text()[-2000:])
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
        pytest.skip("Debian chromium is not installed (scripts/debian-packages.txt)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page on the app, loaded, with every request it makes recorded."""
    # bypass_csp: the page's own CSP would also stop Playwright's injected polling; turning it off here
    # also means the hostile-article test proves the escaping itself, without CSP as a safety net
    ctx = browser.new_context(viewport={"width": 1400, "height": 860}, bypass_csp=True)
    pg = ctx.new_page()
    pg.requests_seen = []
    pg.errors_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    pg.on("pageerror", lambda e: pg.errors_seen.append(str(e)))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=60_000)
    yield pg
    ctx.close()


@pytest.fixture()
def shot():
    """Save a screenshot under artifacts/web/ (gitignored): what CI keeps for a person to look at."""

    def take(page, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return take




def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(server + path, timeout=10) as r:
        return json.loads(r.read())


def counts(page) -> dict[str, int]:
    return page.evaluate("""() => ({
        events: document.querySelectorAll('#events li.event').length,
        quotes: document.querySelectorAll('#quotes .quote').length,
        docs: document.querySelectorAll('#docs li.doc').length,
        markers: document.querySelectorAll('circle.marker').length })""")


def renders(page) -> int:
    return int(page.evaluate("+document.body.dataset.renders || 0"))


def test_page_loads_offline_and_draws_markers(page, server, shot):
    assert page.locator("path.country").count() > 200  # 1:10m Natural Earth countries
    n = counts(page)
    assert n["markers"] >= 4 and n["docs"] >= 5 and n["events"] > 0 and n["quotes"] > 0
    # every marker sits inside the drawn map
    inside = page.evaluate("""() => [...document.querySelectorAll('circle.marker')].every(c =>
        isFinite(+c.getAttribute('cx')) && isFinite(+c.getAttribute('cy')) && +c.getAttribute('r') > 0)""")
    assert inside
    assert all(u.startswith(server) for u in page.requests_seen), [u for u in page.requests_seen if not u.startswith(server)]
    assert not page.errors_seen
    shot(page, "page")


def test_clicking_a_marker_shows_its_records(page, shot):
    assert page.locator("#detail").is_hidden()
    # a real click where a marker is the topmost thing under the pointer
    xy = page.evaluate("""() => {
        for (const c of document.querySelectorAll('circle.marker')) {
            const b = c.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
            if (document.elementFromPoint(x, y) === c) return [x, y];
        }
        return null; }""")
    assert xy, "no marker can be clicked"
    page.mouse.click(*xy)
    page.wait_for_selector("#detail:not([hidden])")
    items = page.locator("#detail li.detail-item")
    assert items.count() >= 1
    items.first.click()  # and a record opens its article
    page.wait_for_selector("#article:not([hidden])")
    shot(page, "marker-click")


def test_brushing_the_timeline_shrinks_the_lists(page, shot):
    before = counts(page)
    bars = page.evaluate("""() => [...document.querySelectorAll('#timeline rect.bar')]
        .filter(r => +r.getAttribute('height') > 0)
        .map(r => { const b = r.getBoundingClientRect(); return [b.left, b.width, b.top, b.height]; })""")
    assert len(bars) >= 2
    left, width, top, height = bars[-1]  # only the latest stretch of time
    y = top + height / 2
    start = renders(page)
    page.mouse.move(left - 2, y)
    page.mouse.down()
    page.mouse.move(left + width + 2, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"(+document.body.dataset.renders || 0) > {start} && document.body.dataset.loading === '0'")
    after = counts(page)
    assert 0 < after["events"] < before["events"]
    assert after["docs"] < before["docs"]
    assert after["quotes"] <= before["quotes"]
    assert page.evaluate("document.querySelectorAll('#timeline rect.bar.out').length") >= 1
    shot(page, "brushed")
    # reset brings everything back
    start = renders(page)
    page.click("#reset")
    page.wait_for_function(f"(+document.body.dataset.renders || 0) > {start} && document.body.dataset.loading === '0'")
    assert counts(page)["events"] == before["events"]


def test_legend_filters_events_by_type(page):
    before = counts(page)
    types = page.locator("#legend button.legend-type")
    assert types.count() >= 2
    chosen = types.first.get_attribute("data-type")
    start = renders(page)
    types.first.click()
    page.wait_for_function(f"(+document.body.dataset.renders || 0) > {start} && document.body.dataset.loading === '0'")
    shown = page.locator("#events li.event .type").all_inner_texts()
    assert shown and set(shown) == {chosen}
    assert len(shown) < before["events"]


def test_search_box_filters(page):
    before = counts(page)
    start = renders(page)
    page.fill("#q", "Nairobi")
    page.press("#q", "Enter")
    page.wait_for_function(f"(+document.body.dataset.renders || 0) > {start} && document.body.dataset.loading === '0'")
    after = counts(page)
    assert 0 < after["docs"] < before["docs"]
    assert any("Nairobi" in t for t in page.locator("#docs li.doc").all_inner_texts())


def test_article_view_highlights_and_links_records(page, shot):
    page.locator("#docs li.doc", has_text="Nairobi").first.click()
    page.wait_for_selector("#article:not([hidden])")
    kinds = page.evaluate("""() => [...new Set([...document.querySelectorAll('#article-text .hl')].map(n => n.dataset.kind))]""")
    assert {"entity", "place", "time", "quote"} <= set(kinds)
    # the highlighted text is exactly the document text, nothing added or lost
    doc_text = page.evaluate("window.__ne.doc.text")
    assert page.evaluate("document.getElementById('article-text').textContent") == doc_text
    page.locator("#article-text .hl-place").first.click()
    page.wait_for_selector("#record:not([hidden])")
    assert page.locator("#record [data-record='place']").count() == 1
    assert "country" in page.inner_text("#record")
    shot(page, "article")


def test_a_record_has_a_link(browser, server):
    doc = api(server, "/api/documents?q=Nairobi")["rows"][0]
    # under the page's own Content-Security-Policy this time: nothing it needs may be blocked
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: m.type in ("error", "warning") and problems.append(m.text))
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.goto(f"{server}/#doc/{doc['id']}/place/0")
    pg.wait_for_selector("#record:not([hidden]) [data-record='place']", timeout=60_000)
    assert pg.locator("#article-text .hl-place.active").count() >= 1
    assert "Nairobi" in pg.inner_text("#article-title")
    assert pg.locator("circle.marker").count() > 0
    assert not problems, problems
    ctx.close()


def test_hostile_article_renders_as_text(page, shot):
    page.locator("#docs li.doc", has_text="Dock workers").first.click()
    page.wait_for_selector("#article:not([hidden])")
    text = page.evaluate("document.getElementById('article-text').textContent")
    assert "<script>window.__pwned = 1</script>" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert "<b onmouseover=" in page.inner_text("#article-title")  # the headline too
    assert page.evaluate("document.querySelectorAll('#article script, #article img, #article b, #article [onerror]').length") == 0
    assert page.evaluate("document.querySelectorAll('#side b, #side [onmouseover]').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not page.errors_seen
    shot(page, "hostile")


def test_journeys_are_drawn_as_paths(page, server):
    journeys = api(server, "/api/journeys?limit=100")["rows"]
    drawable = [j for j in journeys if sum(s["lat"] is not None for s in j["stops"]) >= 2]
    assert drawable  # at least the hand-made trip
    paths = page.evaluate("""() => [...document.querySelectorAll('path.journey')]
        .filter(p => (p.getAttribute('d') || '').length > 10).map(p => p.dataset.person)""")
    assert len(paths) == len(drawable)
    assert "Ola Berg" in paths
    assert page.locator("circle.stop").count() >= 3


def test_border_towns_fall_in_the_right_country(page):
    """Why 1:10m: at 1:50m and 1:110m these two land on the wrong side of the border."""
    where = page.evaluate("""() => {
        const find = (name) => window.__ne.countries.find(f => f.properties.name === name);
        const mx = find('Mexico'), us = find('United States of America');
        const juarez = [-106.46084, 31.72024], elpaso = [-106.48693, 31.75872];  // GeoNames
        return { juarezMx: d3.geoContains(mx, juarez), juarezUs: d3.geoContains(us, juarez),
                 elpasoUs: d3.geoContains(us, elpaso), elpasoMx: d3.geoContains(mx, elpaso) };
    }""")
    assert where == {"juarezMx": True, "juarezUs": False, "elpasoUs": True, "elpasoMx": False}


def test_api_docs_render_offline(browser, server):
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    pg = ctx.new_page()
    seen: list[str] = []
    pg.on("request", lambda r: seen.append(r.url))
    pg.goto(server + "/docs")
    pg.wait_for_selector(".swagger-ui .opblock", timeout=60_000)
    assert pg.locator(".swagger-ui .opblock").count() >= 6
    assert all(u.startswith(server) or u.startswith("data:") for u in seen), seen
    ctx.close()
