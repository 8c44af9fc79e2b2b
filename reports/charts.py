"""Small server-side charts as inline SVG: self-contained (no script, no external reference), every text escaped.

Each chart is ``role="img"`` with a Thai ``<title>``/``aria-label`` and a ``<desc>`` that says its numbers in words;
its ``viewBox`` is 360 units wide and it is drawn at ``width:100%``, so it is 1:1 on a 360 px phone and scales up.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 360
#: Scores are 0–100.
TOP = 100.0
FONT = "font-family:inherit;font-size:12px"
#: A bar label longer than this is cut (the table beside the chart has it in full).
LABEL_CHARS = 42


def _svg(height: int, title: str, desc: str, body: list[str]) -> Markup:
    t = escape(title)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'style="max-width:40rem;height:auto;display:block" role="img" aria-label="{t}">'
        f"<title>{t}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>"
    )


def _n(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def histogram(scores: Sequence[float], bins: int = 10) -> list[tuple[float, float, int]]:
    """``bins`` equal ranges of 0–100 as ``(low, high, count)``; a range holds ``low <= s < high``, the last
    one also 100 (scores outside 0–100 count in the first or last range)."""
    bins = max(1, int(bins))
    step = TOP / bins
    counts = [0] * bins
    for s in scores:
        counts[min(max(int(float(s) // step), 0), bins - 1)] += 1
    return [(i * step, (i + 1) * step, c) for i, c in enumerate(counts)]


def score_histogram_svg(
    scores: Sequence[float], bins: int = 10, title: str = "การกระจายของคะแนน OIT (distribution of OIT scores)"
) -> Markup:
    """Bars of how many units scored in each range of 0–100, the count written on each bar."""
    rows = histogram(scores, bins)
    height, left, bottom, top = 180, 8, 24, 16
    plot_h = height - bottom - top
    slot = (WIDTH - 2 * left) / len(rows)
    peak = max((c for _, _, c in rows), default=0) or 1
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - left}" y2="{height - bottom}" stroke="#8a929c"/>']
    for i, (low, high, count) in enumerate(rows):
        h = plot_h * count / peak
        x, y = left + i * slot, height - bottom - h
        label = f"{_n(low)}–{_n(high)}: {count} หน่วยงาน (units)"
        body.append(
            f'<rect class="bar" data-count="{count}" x="{x + 1:.1f}" y="{y:.1f}" width="{slot - 2:.1f}" '
            f'height="{h:.1f}" fill="#2f6fdb"><title>{escape(label)}</title></rect>'
        )
        body.append(f'<text x="{x + slot / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" style="{FONT}">{count}</text>')
        if i % max(1, len(rows) // 5) == 0:
            body.append(f'<text x="{x:.1f}" y="{height - 8}" style="{FONT};fill:#5b6470">{_n(low)}</text>')
    body.append(f'<text x="{WIDTH - left}" y="{height - 8}" text-anchor="end" style="{FONT};fill:#5b6470">100</text>')
    desc = "; ".join(f"{_n(lo)}–{_n(hi)}: {c}" for lo, hi, c in rows)
    return _svg(height, title, desc, body)


def trend_svg(
    points: Sequence[tuple[str, float | None]], title: str = "คะแนน OIT ตามรอบการตรวจ (score over time)"
) -> Markup:
    """A line of the score over the checks, oldest first; a ``None`` score (the check had a crawl problem) breaks
    the line and is drawn as a red ✗ on the axis."""
    height, left, right, bottom, top = 170, 30, 12, 30, 12
    plot_w, plot_h = WIDTH - left - right, height - bottom - top
    step = plot_w / max(1, len(points) - 1)

    def y_of(score: float) -> float:
        return top + plot_h * (1 - min(max(score, 0.0), TOP) / TOP)

    body = []
    for tick in (0, 50, 100):
        y = y_of(tick)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="#d7dbe0"/>')
        body.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" style="{FONT};fill:#5b6470">{tick}</text>')
    segment: list[str] = []
    segments: list[list[str]] = [segment]
    marks = []
    for i, (label, score) in enumerate(points):
        x = left + (i * step if len(points) > 1 else plot_w / 2)
        if score is None:
            segment = []
            segments.append(segment)
            tip = escape(f"{label}: ปัญหาการเก็บข้อมูล (crawl problem)")
            marks.append(
                f'<text class="problem" x="{x:.1f}" y="{y_of(0) + 4:.1f}" text-anchor="middle" '
                f'style="font-size:14px;fill:#b3261e">✗<title>{tip}</title></text>'
            )
            continue
        y = y_of(float(score))
        segment.append(f"{x:.1f},{y:.1f}")
        tip = escape(f"{label}: {float(score):.2f}")
        marks.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2f6fdb"><title>{tip}</title>')
        marks.append("</circle>")
    for seg in segments:
        if len(seg) > 1:
            body.append(f'<polyline points="{" ".join(seg)}" fill="none" stroke="#2f6fdb" stroke-width="2"/>')
    body += marks
    if points:
        body.append(f'<text x="{left}" y="{height - 8}" style="{FONT};fill:#5b6470">{escape(points[0][0])}</text>')
    if len(points) > 1:
        body.append(
            f'<text x="{WIDTH - right}" y="{height - 8}" text-anchor="end" style="{FONT};fill:#5b6470">'
            f"{escape(points[-1][0])}</text>"
        )
    desc = "; ".join(f"{label}: {'–' if s is None else f'{float(s):.2f}'}" for label, s in points)
    return _svg(height, title, desc, body)


def hbar_svg(rows: Sequence[tuple[str, float, str]], title: str = "ข้อที่ไม่ผ่านมากที่สุด (items failed most)") -> Markup:
    """Horizontal bars, one per ``(label, share 0..1, value text)``, label above its bar (fits a phone)."""
    row_h, left = 34, 8
    height = max(1, len(rows)) * row_h + 6
    body = []
    for i, (label, share, text) in enumerate(rows):
        y = 4 + i * row_h
        w = (WIDTH - 2 * left) * min(max(float(share), 0.0), 1.0)
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        body.append(f'<text x="{left}" y="{y + 11}" style="{FONT}">{escape(short)}</text>')
        body.append(f'<rect x="{left}" y="{y + 16}" width="{WIDTH - 2 * left}" height="12" rx="3" fill="#e3e6ea"/>')
        body.append(f'<rect class="bar" x="{left}" y="{y + 16}" width="{w:.1f}" height="12" rx="3" fill="#b3261e"/>')
        body.append(f'<text x="{WIDTH - left}" y="{y + 11}" text-anchor="end" style="{FONT}">{escape(text)}</text>')
    desc = "; ".join(f"{label}: {text}" for label, _, text in rows)
    return _svg(height, title, desc, body)
