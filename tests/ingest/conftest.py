"""Fixtures for the ingest tests: a news page with the clutter real pages carry."""

from __future__ import annotations

import pytest

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Drone strike near Tyre kills two | Example News</title>
<meta property="og:title" content="Drone strike near Tyre kills two">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-11-18T09:30:00Z">
<script>window.tracking = {a: 1}; function f() { return 2; }</script>
<style>body { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<script>document.write("ad")</script>
<article><h1>Drone strike near Tyre kills two</h1>
<p>An Israeli drone strike on a car near the southern Lebanese city of Tyre killed two people on
Tuesday, the Lebanese health ministry said in a statement.</p>
<p>The Israeli military said it had struck a Hezbollah operative who was rebuilding the group's
infrastructure in the area, in violation of the ceasefire understandings.</p></article>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"""


@pytest.fixture(scope="session")
def page_html() -> str:
    """An article page with scripts, styles, navigation and a footer around two paragraphs."""
    return PAGE
