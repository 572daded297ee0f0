"""Rendering helpers: Rich for people, JSON for programs."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

__all__ = ["console", "emit_json", "err_console", "money", "plain", "safe", "snippet", "table"]

#: emoji=False: ":rocket:" in a résumé stays text; highlight=False: no guessed colours
console = Console(highlight=False, soft_wrap=False, emoji=False)
err_console = Console(stderr=True, highlight=False, emoji=False)

# C0 and C1 controls but tab and newline, and the bidirectional overrides that can make a
# terminal show text in another order than it is
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """Text from a document or a data file, safe to write to a terminal: control
    characters (escape sequences included) and direction overrides removed."""
    return _UNSAFE.sub("", str(text))


def safe(text: object) -> str:
    """:func:`plain`, and escaped for Rich markup, so "[/bold]" or "[link=...]" stays text."""
    return escape(plain(text))


def _default(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, set | frozenset):
        return sorted(obj)
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(obj)
    raise TypeError(f"cannot serialise {type(obj).__name__}")


def emit_json(data: Any) -> None:
    """JSON for programs. Non-ASCII is escaped, so no control or direction character
    from a document reaches a terminal that shows the output."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    sys.stdout.write(json.dumps(data, default=_default, ensure_ascii=True, indent=2))
    sys.stdout.write("\n")


def table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Table:
    """A table whose title and cells are data: each is shown as written, never as markup."""
    t = Table(
        title=None if title is None else safe(title),
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    for c in columns:
        t.add_column(safe(c), overflow="fold")
    for r in rows:
        t.add_row(*("" if v is None else safe(v) for v in r))
    return t


def money(v: float | int | None) -> str:
    return "—" if v is None else f"${v:,.0f}"


def snippet(text: str, names: Sequence[str], width: int = 70) -> str:
    """``text`` cut to ``width`` characters around the first of ``names`` it contains."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    low = flat.lower()
    hits = [i for i in (low.find(n.lower()) for n in names if n) if i >= 0]
    at = min(hits) if hits else 0
    start = max(0, min(at - width // 3, len(flat) - width))
    cut = flat[start : start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(flat) else "")
