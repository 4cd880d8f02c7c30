"""Take a screenshot of a running `newsevents serve` page with Debian's Chromium (for docs and reviews).

    python -m newsevents.web.screenshot http://127.0.0.1:8000/ docs/screenshot.png --article Nairobi --whole-map

Why a module and not a test: the README picture is made from a real store on purpose, by a person,
while the browser tests save their own pictures under artifacts/.
"""

from __future__ import annotations

import sys

import click

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@click.command()
@click.argument("url")
@click.argument("out")
@click.option("--article", default=None, help="Open the first article whose headline contains this text.")
@click.option("--whole-map", is_flag=True, help="Keep the map on everything (not on the opened article).")
@click.option("--width", default=1400, show_default=True)
@click.option("--height", default=860, show_default=True)
def main(url: str, out: str, article: str | None, whole_map: bool, width: int, height: int) -> None:
    """Load URL (only 127.0.0.1/localhost), wait for the page to draw, save a PNG to OUT."""
    if not url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise click.ClickException("only a local server is screenshotted")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise click.ClickException("needs playwright: pip install 'newsevents[full]'") from None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        if article:
            page.locator("#docs li.doc", has_text=article).first.click()
            page.wait_for_selector("#article:not([hidden])")
        if whole_map:
            page.wait_for_timeout(700)
            page.evaluate("window.__ne.fitAll()")
        page.wait_for_timeout(600)  # let the zoom transition settle
        page.screenshot(path=out)
        browser.close()
    click.echo(out, err=True)


if __name__ == "__main__":
    sys.exit(main())
