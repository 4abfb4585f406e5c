"""The bundled demo corpus: five real articles about the Israel–Lebanon ceasefire (2024–2025).

``seeds.jsonl`` gives each file its id and publication date (estimated from the text; the files carry
no metadata of their own).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from truce.records import Article

__all__ = ["demo_articles"]


def demo_articles() -> list[Article]:
    """The five demo articles, in id order, with their publication dates."""
    folder = resources.files("truce") / "data" / "demo"
    articles = []
    for line in (folder / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = (folder / row["file"]).read_text(encoding="utf-8")
        title = text.strip().splitlines()[0] if text.strip() else None
        articles.append(
            Article(
                id=row["id"],
                text=text,
                title=title,
                published=dt.date.fromisoformat(row["published"]),
                published_source="metadata",
                source=f"demo:{row['file']}",
            )
        )
    return articles
