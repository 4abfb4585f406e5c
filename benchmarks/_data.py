"""Shared helpers for benchmarks: where the development data is, and reading Guardian articles."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

from truce.records import Article

ROOT = Path(__file__).resolve().parents[1]


def shared_eval() -> Path:
    env = os.environ.get("TRUCE_SHARED")
    base = Path(env) if env else ROOT.parent / "shared"
    path = base / "eval"
    if not path.is_dir():
        raise SystemExit(f"development data not found at {path}; set TRUCE_SHARED")
    return path


def guardian_articles(limit: int | None = None) -> list[Article]:
    """Real Guardian articles (Syria, 2019) from ../shared/eval/guardian_sdf, as Articles."""
    csv.field_size_limit(1 << 30)
    path = shared_eval() / "guardian_sdf" / "Guardian_SDF_sample.csv"
    articles = []
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if limit is not None and i >= limit:
                break
            articles.append(
                Article(
                    id=f"guardian-{row.get('') or i}",
                    text=row["text"],
                    published=dt.date.fromisoformat(row["date"]),
                    published_source="metadata",
                    outlet="The Guardian",
                )
            )
    return articles
