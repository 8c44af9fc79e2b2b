"""Data model of a generated test site: the spec (what to build) and the content blocks (what was built)."""

from __future__ import annotations

from dataclasses import dataclass, field

#: FY 2566/2567 OIT items (same numbering both years), see shared/reference/oit-items.md.
ITEM_NAMES: dict[str, str] = {
    "O1": "โครงสร้าง",
    "O2": "ข้อมูลผู้บริหาร",
    "O3": "อำนาจหน้าที่",
    "O4": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O5": "ข้อมูลการติดต่อ",
    "O6": "กฎหมายที่เกี่ยวข้อง",
    "O7": "ข่าวประชาสัมพันธ์",
    "O8": "Q&A",
    "O9": "Social Network",
    "O10": "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "O11": "แผนดำเนินงานและการใช้งบประมาณประจำปี",
    "O12": "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน",
    "O13": "รายงานผลการดำเนินงานประจำปี",
    "O14": "คู่มือหรือมาตรฐานการปฏิบัติงาน",
    "O15": "คู่มือหรือมาตรฐานการให้บริการ",
    "O16": "ข้อมูลเชิงสถิติการให้บริการ",
    "O17": "รายงานผลการสำรวจความพึงพอใจการให้บริการ",
    "O18": "E-Service",
    "O19": "แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ",
    "O20": "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "O21": "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "O22": "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "O23": "นโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "O24": "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล",
    "O25": "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล",
    "O26": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "O27": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O28": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O29": "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O30": "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "O31": "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "O32": "การสร้างวัฒนธรรม No Gift Policy",
    "O33": "รายงานผลตามนโยบาย No Gift Policy",
    "O34": "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี",
    "O35": "การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "O36": "แผนปฏิบัติการป้องกันการทุจริต",
    "O37": "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน",
    "O38": "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี",
    "O39": "ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ",
    "O40": "การขับเคลื่อนจริยธรรม",
    "O41": "การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ",
    "O42": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "O43": "การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}
ITEM_CODES: tuple[str, ...] = tuple(ITEM_NAMES)

_YEAR_ITEMS = {
    "O11", "O12", "O13", "O16", "O17", "O19", "O20", "O21", "O22", "O23", "O24", "O26", "O29", "O30",
    "O31", "O32", "O33", "O34", "O35", "O36", "O37", "O38", "O40", "O41", "O42", "O43",
}
_COMMON = {"ok", "missing", "placeholder", "offsite_only"}

#: Which defect states each item supports (beyond ok/missing/placeholder/offsite_only).
STATE_SUPPORT: dict[str, set[str]] = {
    code: _COMMON | ({"wrong_year"} if code in _YEAR_ITEMS else set()) for code in ITEM_CODES
}
for _code in ("O12", "O24", "O37"):
    STATE_SUPPORT[_code].add("wrong_period")
for _code in ("O13", "O22", "O26", "O38"):
    STATE_SUPPORT[_code].add("no_problems")
STATE_SUPPORT["O5"].add("no_map")
STATE_SUPPORT["O2"].add("no_photo")
STATE_SUPPORT["O34"] |= {"no_risk", "general_risk"}
STATE_SUPPORT["O42"].add("copied_itas")
#: A link to the item that answers 404 (the page or its documents were never uploaded). O7's page is the
#: news section itself, so it cannot be broken on its own.
for _code in ITEM_CODES:
    if _code != "O7":
        STATE_SUPPORT[_code].add("broken_link")

#: Patterns of real unit sites on which the engine misjudged (drawn only for the benchmark seeds, see sampler):
#: a page that only says it is under construction; a report saying nothing was done in the year; a
#: neighbouring item's real document under the item's link; the neighbour's document listed before the
#: item's own one on the item's page.
PATTERN_STATES = ("under_construction", "nothing_done", "neighbour_doc", "side_by_side", "forms_to_download")
#: Items whose online service a unit may replace by blank forms to download, fill in by hand and bring in.
FORMS_TO_DOWNLOAD_ITEMS = ("O18",)
#: Items whose evidence is a page a unit may publish as "under construction".
UNDER_CONSTRUCTION_ITEMS = ("O1", "O2", "O8", "O10", "O18", "O28", "O30")
#: Items that need actions or results in the year, where "nothing was done" fails.
NOTHING_DONE_ITEMS = ("O24", "O32", "O35", "O40", "O43")
#: Item → its neighbours whose real document a unit puts under the item's link: (neighbour, state of the
#: neighbour's builder that gives its document of the year the item asks for, see patterns.py).
NEIGHBOURS: dict[str, tuple[tuple[str, str], ...]] = {
    "O12": (("O11", "ok"),),
    "O13": (("O11", "ok"),),
    "O21": (("O19", "ok"),),
    "O22": (("O19", "ok"), ("O20", "wrong_year")),
    "O24": (("O23", "ok"),),
    "O26": (("O23", "wrong_year"),),
    "O33": (("O31", "ok"), ("O32", "wrong_year")),
    "O35": (("O34", "ok"),),
    "O37": (("O36", "ok"),),
    "O38": (("O36", "ok"),),
    "O43": (("O42", "ok"),),
}
#: Neighbours that publish documents (O32's activity is a page: it can replace O33's report, not sit beside it).
SIDE_NEIGHBOURS: dict[str, tuple[tuple[str, str], ...]] = {
    code: tuple(n for n in ns if n[0] != "O32") for code, ns in NEIGHBOURS.items()
}
for _code in UNDER_CONSTRUCTION_ITEMS:
    STATE_SUPPORT[_code].add("under_construction")
for _code in NOTHING_DONE_ITEMS:
    STATE_SUPPORT[_code].add("nothing_done")
for _code in FORMS_TO_DOWNLOAD_ITEMS:
    STATE_SUPPORT[_code].add("forms_to_download")
for _code in NEIGHBOURS:
    STATE_SUPPORT[_code].add("neighbour_doc")
for _code in SIDE_NEIGHBOURS:
    STATE_SUPPORT[_code].add("side_by_side")

#: Layouts known to the builder (see layouts.py and layouts_cms.py).
LAYOUT_NAMES = ("lao_cms", "files_module", "wordpress", "static")
#: Page encodings: utf-8, or TIS-620 declared in the HTTP header (some pages without a meta), or windows-874
#: declared only in meta tags with a charset-less header (some pages declare nothing at all).
ENCODINGS = ("utf-8", "tis-620", "windows-874")
#: Forms a PDF document can take (docx/xlsx are chosen per item by the content builders and ``xlsx``).
PDF_FORMS = ("text", "scan", "broken")

#: Items where an off-site channel (social network, online form) is what the criterion asks for.
OFFSITE_OK = {"O9", "O18"}


@dataclass
class ItemPlan:
    code: str
    state: str
    expect: str
    reason: str


@dataclass
class SiteSpec:
    seed: int
    unit_name: str
    unit_short: str
    unit_type: str  # "lao" | "agency"
    province: str
    district: str
    subdistrict: str
    fiscal_year: int  # พ.ศ.
    layout: str
    ita_index: bool
    items: dict[str, ItemPlan]
    postcode: str = "40000"
    domain: str = "www.example.go.th"
    #: Main menu built by JavaScript; links of ``js_only`` items appear only in that menu (a browser sees them).
    js_menu: bool = False
    js_only: tuple[str, ...] = ()
    encoding: str = "utf-8"
    #: Share of PDFs published as image-only scans / with an unusable text layer ("broken fonts").
    scan_share: float = 0.0
    broken_share: float = 0.0
    #: Statistics (O16) and monthly procurement summaries (O21) as Excel workbooks.
    xlsx: bool = False
    #: Share of documents saved under long Thai file names (50–90 Thai letters with spaces and parentheses,
    #: as clerks name them), linked with percent-encoded hrefs (> 400 characters), see ``filenames.py``.
    long_names: float = 0.0
    #: The main menu is a vendor-CMS mega-menu of ``javascript:`` links (``href="javascript:void(0)"`` with an
    #: onclick handler, ``javascript:gotoMenu(1143)`` …) on every page; targets resolve statically from the
    #: HTML. Links of ``js_link_only`` items appear only in that menu (and the ITA table), see ``jslinks.py``.
    js_links: bool = False
    js_link_only: tuple[str, ...] = ()
    #: Pages (other than the homepage) whose content an inline script writes at load time, so only a browser
    #: sees it; ``render_faults`` of them fail when rendered (a resource answers 500, a script resource or a
    #: fetch hangs, the connection is dropped on the second request), driven by ``_faults.json`` (sitegen.serve).
    #: Faults never hide content from a browser user, so the ground truth does not change. See ``jspages.py``.
    script_pages: int = 0
    render_faults: int = 0
    #: Share of the scanned PDFs that write every date and year in Thai digits (๑๕ ตุลาคม ๒๕๖๖) and are poorer
    #: scans (lower resolution, blur, specks, more skew), so OCR confuses digits; a reader still sees the year.
    thai_scans: float = 0.0


@dataclass
class Doc:
    """A document (PDF or DOCX) rendered from simple HTML."""

    slug: str
    title: str
    html: str
    fmt: str = "pdf"
    year: int | None = None
    #: Date for file metadata and upload folder, "YYYYMMDD" in ค.ศ.
    date: str = "20240115"
    path: str = ""
    #: Wide tables (สขร.1, risk matrices) are printed on landscape pages.
    landscape: bool = False
    #: "text" | "scan" | "broken" for PDFs; "docx" / "xlsx" for office files.
    form: str = "text"
    #: A poorer scan whose digits are all Thai (``SiteSpec.thai_scans``; only with form "scan").
    thai_scan: bool = False


@dataclass
class Block:
    """What one OIT item looks like on the site: a page, its documents, or an off-site link."""

    code: str
    section: str
    title: str
    slug: str
    body: str = ""
    docs: list[Doc] = field(default_factory=list)
    external: str | None = None
    #: "page" | "doc" | "external": what the assessor would open as evidence.
    evidence: str = "page"
    #: An empty page / '#' link instead of content (state "placeholder").
    empty: bool = False
    url: str = ""
    #: The link exists but its target answers 404 (state "broken_link").
    broken: bool = False
    #: The neighbouring item whose document the block shows (states "neighbour_doc", "side_by_side").
    neighbour: str = ""
    #: The documents the "ok" block had, for blocks of a pattern state: their forms are drawn as before, so
    #: the forms of every other document of the site do not change (build._assign_forms).
    base_docs: list[Doc] | None = None

    @property
    def evidence_url(self) -> str | None:
        if self.empty:
            return self.url or "#"
        if self.evidence == "external":
            return self.external
        if self.evidence == "doc" and self.docs:
            return self.docs[0].path
        return self.url


@dataclass
class Page:
    """A non-evidence page (news, tourism, gallery …)."""

    slug: str
    title: str
    body: str
    section: str
    date: str = ""
    url: str = ""


#: Menu sections shared by all layouts: key → Thai label.
SECTIONS: dict[str, str] = {
    "about": "เกี่ยวกับเรา",
    "personnel": "บุคลากร",
    "plan": "แผนพัฒนา",
    "budget": "งบประมาณ/การดำเนินงาน",
    "service": "งานบริการ",
    "procurement": "จัดซื้อจัดจ้าง",
    "hr": "การบริหารงานบุคคล",
    "complaint": "ร้องเรียน/ร้องทุกข์",
    "integrity": "ป้องกันการทุจริต",
    "news": "ข่าวสาร",
    "tourism": "ท่องเที่ยว/OTOP",
    "contact": "ติดต่อเรา",
}
