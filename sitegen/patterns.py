# ruff: noqa: E501  (long Thai prose reads better unwrapped)
"""Blocks of the real-site patterns on which the engine misjudged (``model.PATTERN_STATES``).

- ``under_construction``: the item's page exists, is titled with the item's name and linked like any other,
  carries the unit's name and a few lines, but only says the page or system is under construction.
- ``nothing_done``: the item's own document (right header, year and title) says nothing was done in the year;
  written by the item's builder (items_*.py).
- ``neighbour_doc``: the item's link, with the item's own link text, leads to a neighbouring item's real
  document of the year the item asks for, so only the kind of document is wrong.
- ``side_by_side``: the item's page lists the neighbour's document first and the item's own one after it.
- ``forms_to_download``: the E-Service page only lists blank request forms (PDF, Word) to print, fill in by hand
  and bring to the office; the forms' own "เรื่อง ......" is a blank. Some pages say so, some only list them.

:func:`build` gets the item's "ok" block (already built from the main random stream) and runs inside
``Ctx.aside``, so the other items of the site are written as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from .content import Ctx, esc
from .model import ITEM_NAMES, NEIGHBOURS, SIDE_NEIGHBOURS, Block, Doc
from .thai import MONTHS, phone

#: The fiscal year each neighbour-capable item asks for, relative to the assessed year (annual reports: the
#: previous year; plans, 6-month reports and actions: the assessed year), see shared/reference/oit-items.md.
ASKED_YEAR = {"O12": 0, "O13": -1, "O21": 0, "O22": -1, "O24": 0, "O26": -1, "O33": -1, "O35": 0, "O37": 0,
              "O38": -1, "O43": 0}

#: What is "being built" on each under-construction page (the item's system or data).
_UC_WHAT = {
    "O1": "ข้อมูลโครงสร้างองค์กร", "O2": "ข้อมูลคณะผู้บริหาร", "O8": "ระบบกระดานถาม-ตอบ (Q&amp;A)",
    "O10": "ข้อมูลนโยบายคุ้มครองข้อมูลส่วนบุคคล", "O18": "ระบบบริการออนไลน์ (E-Service)",
    "O28": "ระบบรับแจ้งเรื่องร้องเรียนการทุจริตออนไลน์", "O30": "ข้อมูลการมีส่วนร่วมของประชาชน",
}
_UC_HEADS = ["อยู่ระหว่างปรับปรุงระบบ", "ระบบอยู่ระหว่างการพัฒนา", "อยู่ระหว่างการปรับปรุงข้อมูล",
             "หน้านี้อยู่ระหว่างการปรับปรุง", "ยังไม่เปิดให้บริการ", "Coming soon", "Under Construction"]
_UC_SORRY = ["ขออภัยในความไม่สะดวก", "ขออภัยในความไม่สะดวกมา ณ โอกาสนี้", "ต้องขออภัยในความไม่สะดวก",
             "ขออภัยในความไม่สะดวกค่ะ"]
_UC_WHY = [
    "เพื่อให้ประชาชนสามารถเข้าถึงข้อมูลข่าวสารและรับบริการได้อย่างสะดวก รวดเร็ว และมีประสิทธิภาพยิ่งขึ้น",
    "เพื่อรองรับการเปลี่ยนแปลงระบบเว็บไซต์ใหม่ตามมาตรฐานเว็บไซต์ภาครัฐ และเพื่อความปลอดภัยของข้อมูลผู้ใช้งาน",
    "เนื่องจากอยู่ระหว่างการย้ายข้อมูลไปยังระบบเว็บไซต์ใหม่ ซึ่งพัฒนาโดยผู้ให้บริการรายใหม่",
]


def _text_len(html: str) -> int:
    import re

    return len(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def under_construction(c: Ctx, base: Block) -> Block:
    """A page titled with the item's name that only says it is under construction (no form, no service link)."""
    code, rng = base.code, c.rng
    title = base.title if code != "O30" and rng.random() < 0.6 else ITEM_NAMES[code]
    what = _UC_WHAT[code]
    gap = " " if what.endswith(")") else ""
    system = what.startswith("ระบบ")
    head = rng.choice(_UC_HEADS)
    parts = []
    if head in ("Coming soon", "Under Construction"):
        parts.append(f"<h3>{head}</h3><p>{what} {'อยู่ระหว่างการพัฒนา' if system else 'อยู่ระหว่างการปรับปรุงข้อมูล'}</p>")
    elif head.startswith("ระบบ"):
        parts.append(f"<h3>{head}</h3>")
    else:
        parts.append(f"<h3>{what} {head}</h3>")
    if rng.random() < 0.35:
        parts.append("<p><img src='{img}/construction.png' width='320' alt='อยู่ระหว่างปรับปรุง (Under Construction)'></p>")
    state = rng.choice(["อยู่ระหว่างการพัฒนาระบบ", "อยู่ระหว่างดำเนินการปรับปรุง", "ยังไม่เปิดให้บริการ"] if system else
                       ["อยู่ระหว่างการปรับปรุงข้อมูล", "อยู่ระหว่างดำเนินการปรับปรุง", "อยู่ระหว่างจัดทำข้อมูลให้เป็นปัจจุบัน"])
    parts.append(f"<p>{esc(c.name)} {rng.choice(['ขอแจ้งให้ทราบว่า ', 'ขอเรียนแจ้งว่า ', ''])}{what}{gap}{state} "
                 f"{rng.choice(_UC_SORRY)}</p>")
    if rng.random() < 0.45:  # an explanatory paragraph: the page has 400–900 characters
        month = MONTHS[rng.randrange(6)]
        more = [f"ทั้งนี้ คาดว่าจะดำเนินการแล้วเสร็จและเปิดให้ใช้งานได้ภายในเดือน{month} {c.fy}",
                "ในระหว่างนี้ หากท่านมีความประสงค์จะติดต่อราชการ สามารถติดต่อได้ด้วยตนเอง ณ สำนักงาน ในวันและเวลาราชการ "
                "(วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น.)",
                "หน่วยงานจะแจ้งให้ทราบอีกครั้งเมื่อดำเนินการแล้วเสร็จ และขอขอบคุณทุกท่านที่ให้ความสนใจติดตามข้อมูลข่าวสารของหน่วยงาน"
                "มาโดยตลอด"]
        picked = [m for m in more if rng.random() < 0.6] or [more[0]]
        parts.append(f"<p>{esc(c.name)} ได้ดำเนินการปรับปรุงและพัฒนา{what} {rng.choice(_UC_WHY)} " + " ".join(picked) + "</p>")
    if rng.random() < 0.4:
        parts.append(f"<p>สอบถามเพิ่มเติม โทร {phone(rng, mobile=False)} {rng.choice(['ในวันและเวลาราชการ', c.org.office, ''])}</p>")
    return Block(code, base.section, title, base.slug, "".join(parts), [], evidence="page")


def neighbour_docs(c: Ctx, code: str, registry: dict[str, Callable[[Ctx, str], Block]],
                   side: bool = False) -> tuple[str, Block]:
    """(neighbour's code, the neighbour's block whose documents are of the year ``code`` asks for).

    The neighbour is one whose own item is "ok": its document is on the site anyway, so a copy under another
    item cannot contradict the neighbour's truth (a "missing" or "wrong_year" neighbour would then have its
    right document published after all). Specs without such a neighbour take any.
    """
    options = (SIDE_NEIGHBOURS if side else NEIGHBOURS)[code]
    plans = c.spec.items
    neighbour, state = c.rng.choice([n for n in options if n[0] in plans and plans[n[0]].state == "ok"] or options)
    block = registry[neighbour](c, state)
    year = c.fy + ASKED_YEAR[code]
    docs = [d for d in block.docs if d.year == year] or block.docs[:1]
    block.docs = docs[:2]
    return neighbour, block


def neighbour_doc(c: Ctx, base: Block, registry: dict[str, Callable[[Ctx, str], Block]]) -> Block:
    """The item's block (title, section, link text) whose evidence is the neighbour's document or page."""
    neighbour, nb = neighbour_docs(c, base.code, registry)
    if not nb.docs:  # a page neighbour (O32's activity record under O33)
        block = Block(base.code, base.section, base.title, base.slug, nb.body, [], evidence="page")
    else:
        block = Block(base.code, base.section, base.title, base.slug, base.body, nb.docs, evidence=base.evidence)
    block.neighbour = neighbour
    return block


def side_by_side(c: Ctx, base: Block, registry: dict[str, Callable[[Ctx, str], Block]]) -> Block:
    """The item's page listing the neighbour's document first and the item's own documents after it."""
    neighbour, nb = neighbour_docs(c, base.code, registry, side=True)
    docs: list[Doc] = nb.docs + base.docs
    body = base.body or f"<p>{esc(ITEM_NAMES[neighbour])} และ{esc(ITEM_NAMES[base.code])}</p>"
    block = Block(base.code, base.section, base.title, base.slug, body, docs, evidence="page")
    block.neighbour = neighbour
    return block


_FORMS = ["แบบคำร้องทั่วไป", "แบบคำร้องขอรับความช่วยเหลือ", "แบบคำขออนุญาตใช้อาคารสถานที่", "แบบคำร้องขอใช้น้ำประปา",
          "แบบคำร้องแจ้งซ่อมไฟฟ้าส่องสว่าง", "แบบคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ", "แบบคำร้องขอความอนุเคราะห์รถบรรทุกน้ำ"]
_DOTS = "." * 60


def _blank_form(c: Ctx, name: str) -> str:
    """A blank request form as units publish it: the unit's header, a subject and every detail left to fill in."""
    head = f"เรียน {c.org.head}{c.org.short.removeprefix(c.org.kind)}"
    return (f"<h1>{esc(name)}</h1><p class='c'>{esc(c.name)}</p>"
            f"<p>เขียนที่ {_DOTS}</p><p>วันที่ ........ เดือน .................... พ.ศ. ............</p>"
            f"<p>เรื่อง {_DOTS}</p><p>{esc(head)}</p>"
            f"<p>ข้าพเจ้า {_DOTS} อายุ ........ ปี อยู่บ้านเลขที่ ........ หมู่ที่ ........ ตำบล{esc(c.spec.subdistrict)}</p>"
            f"<p>มีความประสงค์ {_DOTS}{_DOTS}</p><p>ลงชื่อ {_DOTS} ผู้ยื่นคำร้อง</p>")


def forms_to_download(c: Ctx, base: Block) -> Block:
    """The E-Service item's page with only blank forms to download (``forms_to_download`` above)."""
    rng = c.rng
    names = rng.sample(_FORMS, rng.randint(2, 4))
    year = c.fy
    docs = []
    for i, name in enumerate(names):
        doc = c.doc(name, _blank_form(c, name), None, 1 + i, 10, year - 1, fmt="docx" if i and rng.random() < 0.4 else "pdf")
        docs.append(doc)
    intro = rng.choice([
        "<p>ดาวน์โหลดแบบฟอร์มคำร้อง กรอกข้อมูลให้ครบถ้วน แล้วนำมายื่นด้วยตนเองที่สำนักงาน ในวันและเวลาราชการ</p>",
        "<p>แบบฟอร์มสำหรับประชาชน</p>",
        f"<p>งานบริการประชาชน {esc(c.name)}</p>",
    ])
    return Block(base.code, base.section, base.title, base.slug, intro, docs, evidence="page")


def build(c: Ctx, code: str, state: str, base: Block, registry: dict[str, Callable[[Ctx, str], Block]]) -> Block:
    if state == "under_construction":
        return under_construction(c, base)
    if state == "nothing_done":
        return registry[code](c, "nothing_done")
    if state == "neighbour_doc":
        return neighbour_doc(c, base, registry)
    if state == "side_by_side":
        return side_by_side(c, base, registry)
    if state == "forms_to_download":
        return forms_to_download(c, base)
    raise ValueError(f"not a pattern state: {state!r}")
