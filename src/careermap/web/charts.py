"""Bar charts as inline SVG, drawn by the templates from the geometry worked out here.

No chart library and no script: a :class:`RangeChart` holds, for each row, where its
middle-half bar (25th to 75th percentile) and its median mark fall on a shared scale, and
the ticks of that scale. The template ``parts/range_chart.html`` draws it, every label
autoescaped, with a table of the same figures beside it for screen readers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Bar", "RangeChart", "Tick", "range_chart"]

#: each row is a label line (name left, median right) over its bar, so that the chart
#: stays legible when a phone shrinks it to its width
WIDTH = 360
PAD = 10
PLOT_W = WIDTH - 2 * PAD
ROW_H = 42
TOP = 26
BOTTOM = 6


@dataclass(frozen=True)
class Bar:
    """One row: a label, and the figures (None where there are too few to show)."""

    label: str
    median: int | None
    p25: int | None = None
    p75: int | None = None
    n: int | None = None
    note: str = ""


@dataclass(frozen=True)
class PlacedBar:
    bar: Bar
    y: float
    x0: float | None
    width: float | None
    xm: float | None


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class RangeChart:
    title: str
    rows: list[PlacedBar]
    ticks: list[Tick]
    width: int
    height: int
    left: int = PAD
    right: int = WIDTH - PAD
    top: int = TOP


def _step(top: float) -> float:
    """A round tick step giving four to eight ticks up to ``top``."""
    raw = top / 5
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _short_money(v: float) -> str:
    return f"${v / 1000:,.0f}k" if v >= 1000 else f"${v:,.0f}"


def range_chart(title: str, bars: list[Bar]) -> RangeChart:
    """The geometry of a chart of ``bars`` on one scale from 0 to a round maximum."""
    values = [v for b in bars for v in (b.p75, b.median, b.p25) if v is not None]
    high = max(values) if values else 1
    step = _step(high * 1.05)
    top = step * math.ceil(high * 1.05 / step)

    def x(v: float) -> float:
        return PAD + PLOT_W * v / top

    rows: list[PlacedBar] = []
    for i, b in enumerate(bars):
        y = TOP + i * ROW_H
        x0 = width = None
        if b.p25 is not None and b.p75 is not None:
            x0, width = x(b.p25), max(2.0, x(b.p75) - x(b.p25))
        xm = x(b.median) if b.median is not None else None
        rows.append(PlacedBar(b, y, x0, width, xm))
    ticks = [Tick(x(step * k), _short_money(step * k)) for k in range(round(top / step) + 1)]
    height = TOP + ROW_H * max(1, len(bars)) + BOTTOM
    return RangeChart(title, rows, ticks, WIDTH, height)
