"""Shared helpers for writing the unit's Thai pages and documents, and the per-item dispatcher."""

from __future__ import annotations

import html as _html
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .model import ITEM_NAMES, OFFSITE_OK, PATTERN_STATES, STATE_SUPPORT, Block, Doc, SiteSpec
from .thai import Org, date_th, iso, make_org, td


class Ctx:
    """Everything a content builder needs: the spec, the unit's people and a seeded RNG."""

    def __init__(self, spec: SiteSpec) -> None:
        self.spec = spec
        self.fy = spec.fiscal_year
        self.rng = random.Random(spec.seed)
        self.org: Org = make_org(spec.unit_name, spec.unit_short, spec.unit_type, self.rng)
        self.slug_n = 0
        self.slug_prefix = "d"

    @contextmanager
    def aside(self, key: str) -> Iterator[None]:
        """Write content with a random generator and document numbers of its own (``key``), so what is
        written inside leaves the main stream, and every item built after it, as it would have been."""
        saved = self.rng, self.slug_n, self.slug_prefix
        self.rng = random.Random(f"{self.spec.seed}-{key}")
        self.slug_n, self.slug_prefix = 0, "x" + "".join(ch for ch in key if ch.isalnum()) + "-"
        try:
            yield
        finally:
            self.rng, self.slug_n, self.slug_prefix = saved

    # --- small writing helpers -------------------------------------------------------------------
    def thai_digits(self) -> bool:
        """Most Thai official documents use Thai digits; some are typed with ASCII ones."""
        return self.rng.random() < 0.65

    @property
    def name(self) -> str:
        return self.org.name

    @property
    def place(self) -> str:
        s = self.spec
        return f"อำเภอ{s.district} จังหวัด{s.province}"

    def who(self, role: str) -> str:
        return self.org.people.get(role) or self.org.people[self.org.head]

    def announce(self, subject: str, paras: list[str], day: int, month: int, year: int, thai: bool,
                 signer: str | None = None, extra: str = "") -> str:
        """An official announcement (ประกาศ…) with subject, body, date line and signature."""
        signer = signer or self.org.head
        body = "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{td(p, thai)}</p>" for p in paras)
        return (
            f"<h1>ประกาศ{self.name}</h1><p class='c'>เรื่อง {td(subject, thai)}</p>"
            f"<p class='c'>**********************</p>{body}{extra}"
            f"<p>&nbsp;&nbsp;&nbsp;&nbsp;จึงประกาศให้ทราบโดยทั่วกัน</p>"
            f"<p class='c'>ประกาศ ณ วันที่ {date_th(day, month, year, thai)}</p>"
            + self.signature(signer)
        )

    def signature(self, role: str) -> str:
        return (f"<p class='c'><br>(ลงชื่อ) ..............................<br>({self.who(role)})<br>"
                f"{role}{self.name}</p>")

    def cover(self, title: str, year_line: str, thai: bool, by: str = "") -> str:
        by = by or self.org.office
        return (
            f"<h1>{td(title, thai)}</h1><p class='c'>{td(year_line, thai)}</p>"
            f"<p class='c'><br>{by}<br>{self.name}<br>{self.place}</p>"
        )

    @staticmethod
    def table(header: list[str], rows: list[list[object]]) -> str:
        head = "".join(f"<th>{h}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return f"<table><tr>{head}</tr>{body}</table>"

    def problems(self, thai: bool, topic: str) -> str:
        return (
            "<h2>ปัญหา อุปสรรค และข้อเสนอแนะ</h2>"
            f"<p>ปัญหา อุปสรรค: {td(topic, thai)}</p>"
            "<p>ข้อเสนอแนะ: ควรวางแผนการดำเนินงานล่วงหน้าให้สอดคล้องกับงบประมาณที่ได้รับจัดสรร "
            "และจัดให้มีการติดตามผลเป็นรายไตรมาส รายงานผู้บริหารทราบอย่างต่อเนื่อง</p>"
        )

    def doc(self, title: str, html: str, year: int | None, day: int, month: int, year_be: int,
            fmt: str = "pdf") -> Doc:
        self.slug_n += 1
        return Doc(slug=f"{self.slug_prefix}{self.slug_n:03d}", title=title, html=html, fmt=fmt, year=year,
                   date=iso(day, month, year_be))

    def paras(self, *texts: str) -> str:
        return "".join(f"<p>{t}</p>" for t in texts)


def esc(text: str) -> str:
    return _html.escape(text, quote=True)


Builder = Callable[[Ctx, str], Block]
_REGISTRY: dict[str, Builder] = {}


def item(code: str) -> Callable[[Builder], Builder]:
    """Register the content builder of one OIT item."""

    def deco(fn: Builder) -> Builder:
        _REGISTRY[code] = fn
        return fn

    return deco


#: Off-site links used for "offsite_only" items (the crawler never fetches them).
def offsite_url(ctx: Ctx, code: str) -> tuple[str, str]:
    n = ctx.rng.randrange(10**9, 10**10)
    if code == "O9":
        page = f"{ctx.spec.domain.removeprefix('www.').split('.')[0]}.{n % 1000}"
        return f"https://www.facebook.com/{page}", "Facebook Fanpage"
    if code == "O18":
        return f"https://docs.google.com/forms/d/e/1FAIpQLSf{n}Xq/viewform", "ยื่นคำร้องออนไลน์ (Google Forms)"
    if code in ("O28", "O30", "O8"):
        return f"https://www.facebook.com/groups/{n}", "กลุ่ม Facebook ของหน่วยงาน"
    return (f"https://drive.google.com/drive/folders/1{n}AbCdEfGhIjKlMn?usp=sharing",
            f"{ITEM_NAMES[code]} (Google Drive)")


def build_block(ctx: Ctx, code: str, state: str) -> Block | None:
    """The content of one item in the given state (None when nothing is published)."""
    from . import items_basic, items_integrity, items_money  # noqa: F401  (register builders)

    if state not in STATE_SUPPORT[code]:
        raise ValueError(f"state {state!r} is not supported for {code}")
    if state == "missing":
        return None
    if state in PATTERN_STATES:
        from . import patterns

        base = _REGISTRY[code](ctx, "ok")  # the main stream advances as for the "ok" item
        with ctx.aside(f"{code}-{state}"):
            block = patterns.build(ctx, code, state, base, _REGISTRY)
        block.base_docs = base.docs
        return block
    block = _REGISTRY[code](ctx, "ok" if state in ("placeholder", "offsite_only", "broken_link") else state)
    if state == "placeholder":
        block.body, block.docs, block.empty, block.evidence = "", [], True, "page"
    elif state == "broken_link":
        block.broken = True
    elif state == "offsite_only":
        url, label = offsite_url(ctx, code)
        block.docs, block.external, block.evidence = [], url, "external"
        block.body = f"<p><a href='{esc(url)}' target='_blank'>{esc(label)}</a></p>"
    return block


def expectation(code: str, state: str) -> str:
    if state in ("ok", "side_by_side") or (state == "offsite_only" and code in OFFSITE_OK):
        return "pass"
    return "fail"
