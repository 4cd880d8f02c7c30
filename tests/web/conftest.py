"""A real server (`newsevents serve` in a subprocess) over a store built from the samples, and Debian's
Chromium driven by Playwright. Nothing here reaches beyond 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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
