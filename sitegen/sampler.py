"""Seeded sampling of site specs for the accuracy benchmark: unit, layout, options and item states.

``sample_spec(seed)`` is deterministic. About 70–85 % of the items are left "ok"; the rest are defects drawn
from ``STATE_SUPPORT`` with the item-specific hard negatives (wrong year, wrong 6-month period, "no risk",
copied ITAS text, no photos, annual reports without problems/obstacles) weighted up, and three items per
site, rotating with the seed, are always defective so every item is a hard negative on many sites.

The patterns of real unit websites that broke the crawler (long Thai file names, ``javascript:`` mega-menus,
many script-built pages some of which fail when rendered) are drawn from a second generator seeded with the
same seed, so adding them left every other option of a seed's site as it was. They are drawn for the
benchmark's seeds (:data:`PATTERN_SEEDS`, the tuning and reporting splits) unless ``patterns`` says
otherwise; specs of other seeds (the fixed specs tests derive from small seeds) stay without them.

The patterns of real unit sites on which the engine misjudged (pages under construction, reports saying
nothing was done, a neighbouring item's document under the item's link, the neighbour's document beside the
item's own one: ``model.PATTERN_STATES``) and the Thai-digit poor scans are drawn the same way from a third
generator: they only turn "ok" items into the new states, so every other state and option stays as it was.
"""

from __future__ import annotations

import random

from .model import ITEM_CODES, NEIGHBOURS, PATTERN_STATES, SIDE_NEIGHBOURS, STATE_SUPPORT, SiteSpec
from .plans import make_items

#: (subdistrict, romanised name, district, province, postcode)
PLACES = [
    ("หนองบัว", "nongbua", "เมือง", "อุดรธานี", "41000"), ("ดอนแก้ว", "donkaew", "แม่ริม", "เชียงใหม่", "50180"),
    ("บ้านเหล่า", "banlao", "เมือง", "ขอนแก่น", "40000"), ("ท่าช้าง", "thachang", "บางกล่ำ", "สงขลา", "90110"),
    ("โคกสูง", "khoksung", "โคกสูง", "สระแก้ว", "27120"), ("นาดี", "nadee", "นาดี", "ปราจีนบุรี", "25220"),
    ("หัวทะเล", "huatalay", "เมือง", "นครราชสีมา", "30000"), ("ป่าแดด", "padad", "ป่าแดด", "เชียงราย", "57190"),
    ("วังทอง", "wangthong", "วังทอง", "พิษณุโลก", "65130"), ("บางปลา", "bangpla", "บางพลี", "สมุทรปราการ", "10540"),
    ("ศรีสงคราม", "srisongkhram", "ศรีสงคราม", "นครพนม", "48150"), ("ห้วยยาง", "huaiyang", "ทับสะแก", "ประจวบคีรีขันธ์",
                                                                  "77130"),
    ("เขาพระ", "khaopra", "พิปูน", "นครศรีธรรมราช", "80270"), ("ทุ่งกว้าง", "thungkwang", "สอง", "แพร่", "54120"),
    ("สำโรง", "samrong", "อุทุมพรพิสัย", "ศรีสะเกษ", "33120"), ("โนนสะอาด", "nonsaat", "โนนสะอาด", "อุดรธานี", "41240"),
    ("แม่ปะ", "maepa", "แม่สอด", "ตาก", "63110"), ("คลองขลุง", "khlongkhlung", "คลองขลุง", "กำแพงเพชร", "62120"),
    ("หนองแวง", "nongwaeng", "เทพารักษ์", "นครราชสีมา", "30210"), ("บ่อทอง", "bothong", "บ่อทอง", "ชลบุรี", "20270"),
]
_KINDS = [("องค์การบริหารส่วนตำบล", "อบต.", "abt"), ("เทศบาลตำบล", "ทต.", "tambon"), ("เทศบาลเมือง", "ทม.", "city")]
_LAYOUT_WEIGHTS = {"lao_cms": 3, "files_module": 3, "wordpress": 2, "static": 2}
_COMMON_WEIGHT = {"missing": 1.0, "placeholder": 1.0, "offsite_only": 1.0, "broken_link": 1.0}
#: Seeds whose sites draw the real-site patterns by default (benchmarks.accuracy's splits).
PATTERN_SEEDS = range(1000, 3000)
#: Chance of long Thai file names per layout (WordPress-like เทศบาล sites upload them as they are).
_LONG_NAMES = {"wordpress": 0.5, "static": 0.35, "lao_cms": 0.25, "files_module": 0.25}
#: Chance of a ``javascript:`` mega-menu (vendor CMSs first) when the menu is not built by script.
_JS_LINKS = {"lao_cms": 0.4, "files_module": 0.2, "wordpress": 0.1, "static": 0.15}
#: Chance of a site with 60+ script-built pages (some failing when rendered).
_SCRIPT_SITE = 0.2
#: Items whose evidence is a document or page a script menu may hide (O7's page is the news section, O9 is
#: also linked from every footer).
_JS_CANDIDATES = [c for c in ITEM_CODES if c not in ("O7", "O9")]
#: Per misjudged pattern: chance that a benchmark site has it on one "ok" item, chance of a second item, and
#: item weights (the cases the trial on real sites met: O18 E-Service under construction, O35 "not done as no
#: risk was found", plans and announcements under report items). About 3 new states per 43-item site.
_MISJUDGED: dict[str, tuple[float, float, dict[str, float]]] = {
    "under_construction": (0.75, 0.25, {"O18": 3.0, "O28": 1.5, "O8": 1.5}),
    "nothing_done": (0.55, 0.2, {"O35": 3.0, "O43": 1.5}),
    "neighbour_doc": (0.75, 0.3, {"O13": 1.5, "O33": 1.5, "O37": 1.5, "O38": 1.5}),
    "side_by_side": (0.55, 0.2, {}),
}
#: Chance that a benchmark site's E-Service page offers only blank forms to download (a college fixture's case).
_FORMS_TO_DOWNLOAD = 0.5
#: Thai-digit poor scans: on every third seed's site that has scans (rotating, so each split has several),
#: making up this share of its scans.
_THAI_SCAN_EVERY = 3
_THAI_SCAN_SHARES = (0.5, 1.0)


def _state(rng: random.Random, code: str) -> str:
    options = sorted(STATE_SUPPORT[code] - {"ok"} - set(PATTERN_STATES))  # drawn apart, see sample_spec
    weights = [_COMMON_WEIGHT.get(s, 3.0) for s in options]
    return rng.choices(options, weights)[0]


def sample_states(rng: random.Random, seed: int) -> dict[str, str]:
    p_ok = rng.uniform(0.70, 0.85)
    forced = {ITEM_CODES[(seed * 7 + k * 11) % len(ITEM_CODES)] for k in range(3)}
    return {code: _state(rng, code) for code in ITEM_CODES if code in forced or rng.random() > p_ok}


def misjudged_states(rng: random.Random, states: dict[str, str]) -> dict[str, str]:
    """New pattern states for some of the items ``states`` leaves "ok" (code → state).

    A neighbour's document goes only under an item with a neighbour that stays "ok" (patterns.py picks that
    one), so no neighbour's truth is contradicted by its document turning up elsewhere.
    """
    out: dict[str, str] = {}

    def fits(code: str, state: str) -> bool:
        if code in states or code in out or state not in STATE_SUPPORT[code]:
            return False
        neighbours = {"neighbour_doc": NEIGHBOURS, "side_by_side": SIDE_NEIGHBOURS}.get(state)
        return neighbours is None or any(n not in states and n not in out for n, _ in neighbours[code])

    for state, (p_site, p_second, weights) in _MISJUDGED.items():
        n = (rng.random() < p_site) * (1 + (rng.random() < p_second))
        for _ in range(n):
            free = [c for c in ITEM_CODES if fits(c, state)]
            if free:
                out[rng.choices(free, [weights.get(c, 1.0) for c in free])[0]] = state
    return out


def sample_spec(seed: int, patterns: bool | None = None) -> SiteSpec:
    """A realistic random site spec; the same seed always gives the same spec.

    ``patterns``: draw the real-site patterns (long Thai file names, ``javascript:`` menus, script-built
    pages with render faults, the misjudged pattern states, Thai-digit scans); by default only for
    :data:`PATTERN_SEEDS`.
    """
    rng = random.Random(f"oit-sitegen-{seed}")
    sub, roman, district, province, postcode = rng.choice(PLACES)
    kind, short, prefix = rng.choice(_KINDS)
    layout = rng.choices(list(_LAYOUT_WEIGHTS), list(_LAYOUT_WEIGHTS.values()))[0]
    states = sample_states(rng, seed)
    js_menu = rng.random() < 0.3
    present = [c for c in _JS_CANDIDATES if states.get(c, "ok") not in ("missing", "offsite_only", "placeholder")]
    js_only = tuple(sorted(rng.sample(present, rng.randint(2, 5)), key=ITEM_CODES.index)) if js_menu else ()
    encoding = "utf-8"
    if layout != "wordpress":
        encoding = rng.choices(["utf-8", "tis-620", "windows-874"], [0.65, 0.2, 0.15])[0]
    on = seed in PATTERN_SEEDS if patterns is None else patterns
    pat = random.Random(f"oit-sitegen-patterns-{seed}")
    long_names = pat.choice((0.5, 1.0)) if pat.random() < _LONG_NAMES[layout] else 0.0
    js_links = not js_menu and pat.random() < _JS_LINKS[layout]
    free = [c for c in present if c not in js_only]
    js_link_only = tuple(sorted(pat.sample(free, pat.randint(2, 4)), key=ITEM_CODES.index)) if js_links else ()
    script = pat.random() < _SCRIPT_SITE
    if not on:
        long_names, js_links, js_link_only, script = 0.0, False, (), False
    # the main generator's last draws, in the order they always had
    fiscal_year = rng.choice((2566, 2567))
    ita_index = rng.random() < (0.35 if layout == "static" else 0.6)
    scan_share = rng.choice((0.0, 0.1, 0.2))
    broken_share = rng.choice((0.0, 0.05, 0.1))
    xlsx = rng.random() < 0.5
    mis = random.Random(f"oit-sitegen-misjudged-{seed}")
    new_states = misjudged_states(mis, states)
    thai_scans = mis.choice(_THAI_SCAN_SHARES)
    if not on or not scan_share or seed % _THAI_SCAN_EVERY:  # a third of the sites with scans, by rotation
        thai_scans = 0.0
    if not on:
        new_states = {}
    # Later patterns draw from their own stream, so the earlier draws stay as they were.
    forms = random.Random(f"oit-sitegen-forms-{seed}")
    if on and forms.random() < _FORMS_TO_DOWNLOAD and "O18" not in states and "O18" not in new_states:
        new_states["O18"] = "forms_to_download"
    states_all = {**states, **new_states}
    return SiteSpec(
        seed=seed,
        unit_name=f"{kind}{sub}",
        unit_short=f"{short}{sub}",
        unit_type="lao",
        province=province,
        district=district,
        subdistrict=sub,
        postcode=postcode,
        domain=f"www.{roman}{'' if prefix == 'abt' else prefix}.go.th",
        fiscal_year=fiscal_year,
        layout=layout,
        ita_index=ita_index,
        items=make_items(states_all),
        js_menu=js_menu,
        js_only=js_only,
        encoding=encoding,
        scan_share=scan_share,
        broken_share=broken_share,
        xlsx=xlsx,
        long_names=long_names,
        js_links=js_links,
        js_link_only=js_link_only,
        script_pages=pat.randint(60, 90) if script else 0,
        render_faults=pat.randint(4, 10) if script else 0,
        thai_scans=thai_scans,
    )
