"""Seeded sampling of site specs for the accuracy benchmark: unit, layout, options and item states.

``sample_spec(seed)`` is deterministic. About 70–85 % of the items are "ok"; the rest are defects drawn
from ``STATE_SUPPORT`` with the item-specific hard negatives (wrong year, wrong 6-month period, "no risk",
copied ITAS text, no photos, annual reports without problems/obstacles) weighted up, and three items per
site, rotating with the seed, are always defective so every item is a hard negative on many sites.
"""

from __future__ import annotations

import random

from .model import ITEM_CODES, STATE_SUPPORT, SiteSpec
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
#: Items whose evidence is a document or page a script menu may hide (O7's page is the news section, O9 is
#: also linked from every footer).
_JS_CANDIDATES = [c for c in ITEM_CODES if c not in ("O7", "O9")]


def _state(rng: random.Random, code: str) -> str:
    options = sorted(STATE_SUPPORT[code] - {"ok"})
    weights = [_COMMON_WEIGHT.get(s, 3.0) for s in options]
    return rng.choices(options, weights)[0]


def sample_states(rng: random.Random, seed: int) -> dict[str, str]:
    p_ok = rng.uniform(0.70, 0.85)
    forced = {ITEM_CODES[(seed * 7 + k * 11) % len(ITEM_CODES)] for k in range(3)}
    return {code: _state(rng, code) for code in ITEM_CODES if code in forced or rng.random() > p_ok}


def sample_spec(seed: int) -> SiteSpec:
    """A realistic random site spec; the same seed always gives the same spec."""
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
        fiscal_year=rng.choice((2566, 2567)),
        layout=layout,
        ita_index=rng.random() < (0.35 if layout == "static" else 0.6),
        items=make_items(states),
        js_menu=js_menu,
        js_only=js_only,
        encoding=encoding,
        scan_share=rng.choice((0.0, 0.1, 0.2)),
        broken_share=rng.choice((0.0, 0.05, 0.1)),
        xlsx=rng.random() < 0.5,
    )
