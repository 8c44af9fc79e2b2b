"""The bundled OIT catalogs: they validate, have the expected shape, and their data is usable."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from checklist.catalog import (
    Catalog,
    CatalogError,
    YearRule,
    bundled_catalogs,
    catalog_for_year,
    load_catalog,
)

try:
    from oitbase.thai import fold
except ImportError:  # pragma: no cover - fallback while oitbase.thai is not there
    _TONES = re.compile("[\u0e48-\u0e4c\u0e47\\s]")

    def fold(text: str) -> str:
        text = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        text = text.replace("\u0e4d\u0e32", "\u0e32").replace("\u0e33", "\u0e32")
        return _TONES.sub("", text).lower()


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CATALOG_DIR_FILE = Path(__file__).resolve().parents[1] / "checklist" / "catalogs" / "nacc-2567.yaml"
FULL_YEARS = (2565, 2566, 2567)
ALL_YEARS = (2565, 2566, 2567, 2568, 2569)
THAI = re.compile("[\u0e01-\u0e5b]")


def _cat(fy: int) -> Catalog:
    return load_catalog(f"nacc-{fy}")


# ─────────────────────────────── bundled catalogs ───────────────────────────────


@pytest.mark.parametrize("path", bundled_catalogs(), ids=lambda p: p.name)
def test_bundled_catalog_validates(path: Path) -> None:
    cat = load_catalog(path)
    assert cat.id == path.stem
    assert cat.items
    assert {b.name for b in cat.bands}
    assert cat.band_note
    assert cat.notes and cat.source


def test_every_year_is_bundled() -> None:
    ids = {p.stem for p in bundled_catalogs()}
    assert {f"nacc-{fy}" for fy in ALL_YEARS} <= ids
    for fy in ALL_YEARS:
        assert catalog_for_year(fy).fiscal_year == fy


@pytest.mark.parametrize("fy", FULL_YEARS)
def test_full_years_have_43_items_in_known_sub_indicators(fy: int) -> None:
    cat = _cat(fy)
    assert [it.code for it in cat.items] == [f"O{n}" for n in range(1, 44)]
    subs = cat.sub_indicator_names()
    assert set(subs) == {"9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"}
    for it in cat.items:
        assert it.sub_indicator in subs, it.code
        assert not it.unknown, it.code
    assert {i.code: i.weight for i in cat.indicators} == {"9": 1.0, "10": 1.0}


def test_2567_equals_2566_apart_from_header() -> None:
    a, b = _cat(2566), _cat(2567)
    assert a.items == b.items
    assert (a.indicators, a.sub_indicators, a.bands, a.band_note, a.unit_types) == (
        b.indicators,
        b.sub_indicators,
        b.bands,
        b.band_note,
        b.unit_types,
    )
    assert (b.id, b.fiscal_year) == ("nacc-2567", 2567)
    assert b.source != a.source and b.notes != a.notes


def test_bands() -> None:
    assert {b.name: b.min for b in _cat(2565).bands} == {
        "AA": 95, "A": 85, "B": 75, "C": 65, "D": 55, "E": 50, "F": 0,
    }  # fmt: skip
    for fy in (2566, 2567, 2568, 2569):
        bands = {b.name: b.min for b in _cat(fy).bands}
        assert bands == {"ผ่านดีเยี่ยม": 95, "ผ่านดี": 85, "ต้องปรับปรุง": 70, "ต้องปรับปรุงโดยด่วน": 0}
        assert "IIT" in _cat(fy).band_note and "EIT" in _cat(fy).band_note


@pytest.mark.parametrize("fy", FULL_YEARS)
def test_item_texts(fy: int) -> None:
    for it in _cat(fy).items:
        assert len(it.terms) >= 3, it.code
        assert THAI.search(it.fix) and THAI.search(it.criterion), it.code
        assert it.source, it.code
        assert all(h == h.lower() and h.isascii() for h in it.url_hints), it.code


@pytest.mark.parametrize("fy", ALL_YEARS)
def test_first_terms_are_unique(fy: int) -> None:
    firsts = [fold(it.terms[0]) for it in _cat(fy).items if it.terms]
    assert len(firsts) == len(set(firsts))


@pytest.mark.parametrize("fy", ALL_YEARS)
def test_no_empty_phrases_after_folding(fy: int) -> None:
    for it in _cat(fy).items_for("lao") + _cat(fy).items_for("agency"):
        phrases = [*it.terms, *it.exclude_terms]
        for el in it.elements:
            phrases += [*el.any, *el.all]
        for fb in it.forbid:
            phrases += [*fb.any, *fb.unless_any]
        assert all(fold(p) for p in phrases), it.code
        assert len({e.id for e in it.elements}) == len(it.elements), it.code


def _clashes(cat: Catalog) -> list[str]:
    """Item B's first term inside item A's first term, and B has no exclude term that rules A's name out."""
    out = []
    for a in cat.items:
        name_a = fold(a.terms[0])
        for b in cat.items:
            if b is a or not b.terms:
                continue
            if fold(b.terms[0]) in name_a and not any(fold(x) in name_a for x in b.exclude_terms):
                out.append(f"{a.code} '{a.terms[0]}' contains {b.code} '{b.terms[0]}'")
    return out


@pytest.mark.parametrize("fy", (2565, 2566))
def test_first_terms_are_distinct(fy: int) -> None:
    assert _clashes(_cat(fy)) == []


def test_any_term_of_2566_is_ruled_out_for_other_items_names() -> None:
    """Stronger: no term of item B matches item A's official name unless B excludes it."""
    cat = _cat(2566)
    bad = []
    for a in cat.items:
        name_a = fold(a.terms[0])
        for b in cat.items:
            if b is a:
                continue
            hits = [t for t in b.terms if fold(t) in name_a]
            if hits and not any(fold(x) in name_a for x in b.exclude_terms):
                bad.append(f"{b.code} terms {hits} match the name of {a.code}")
    assert bad == []


def test_distinguishing_words_2566() -> None:
    cat = _cat(2566)
    assert {"ป้องกันการทุจริต", "ทรัพยากรบุคคล"} <= set(cat.item("O12").exclude_terms)
    assert all(fold("ป้องกันการทุจริต") in fold(t) for t in cat.item("O37").terms)
    assert all(fold("ทรัพยากรบุคคล") in fold(t) or fold("บุคลากร") in fold(t) for t in cat.item("O24").terms)


def test_year_rules_2566() -> None:
    cat = _cat(2566)
    expect = {
        "O1": YearRule.none, "O2": YearRule.none, "O5": YearRule.none, "O6": YearRule.none,
        "O7": YearRule.dated_items, "O11": YearRule.assessed, "O12": YearRule.first_half,
        "O13": YearRule.previous, "O16": YearRule.assessed, "O19": YearRule.assessed,
        "O20": YearRule.assessed, "O22": YearRule.previous, "O24": YearRule.first_half,
        "O26": YearRule.previous, "O29": YearRule.assessed, "O31": YearRule.assessed,
        "O34": YearRule.assessed, "O37": YearRule.first_half, "O38": YearRule.previous,
        "O42": YearRule.analysis_of_previous, "O43": YearRule.assessed,
    }  # fmt: skip
    assert {c: cat.item(c).year_rule for c in expect} == expect
    assert {it.code for it in cat.items if it.offsite_counts} == {"O9", "O18"}


def test_required_elements_2566() -> None:
    cat = _cat(2566)
    ids = {it.code: {e.id for e in it.elements} for it in cat.items}
    assert {"address", "phone", "email", "map"} <= ids["O5"]
    assert {"progress", "budget_use"} <= ids["O12"]
    for code in ("O13", "O22", "O26", "O38"):
        assert "problems" in ids[code], code
    assert {"item_bought", "budget_price", "method", "winner", "reason", "contract"} <= ids["O21"]
    assert {"analysis", "weaknesses", "measures", "responsible", "steps", "monitoring"} <= ids["O42"]
    assert {"measures", "results"} <= ids["O43"]
    o28 = {e.id: e for e in cat.item("O28").elements}
    assert o28["online_channel"].required and not o28["web_form"].required
    assert {f.id for f in cat.item("O34").forbid} == {"no_risk_found", "general_risk_only"}
    assert cat.item("O42").forbid[0].unless_any == ["ผู้รับผิดชอบ"]
    problems = next(e for e in cat.item("O13").elements if e.id == "problems")
    assert "ไม่มีปัญหา" in problems.any


def test_patterns_2566() -> None:
    cat = _cat(2566)
    phone = next(e for e in cat.item("O5").elements if e.id == "phone").pattern
    for text in ("โทร 042-123456", "081-234-5678", "โทร. ๐-๔๒๓๑-๕๐๖๒", "02 123 4567"):
        assert re.search(phone, text), text
    assert not re.search(phone, "ปีงบประมาณ 2566")
    address = next(e for e in cat.item("O5").elements if e.id == "address").pattern
    assert re.search(address, "จังหวัดหนองบัวลำภู ๓๙๑๘๐") and re.search(address, "10210")
    assert not re.search(address, "พ.ศ. 2566")


def test_unit_type_variants() -> None:
    cat = _cat(2566)
    o1_lao = cat.item("O1").for_unit_type("lao")
    assert {"political_executive", "council"} <= {e.id for e in o1_lao.elements}
    assert o1_lao.variants == {}
    o1_agency = cat.item("O1").for_unit_type("agency")
    assert "council" not in {e.id for e in o1_agency.elements}
    o2_lao = cat.item("O2").for_unit_type("lao")
    photos = next(e for e in o2_lao.elements if e.id == "photos")
    assert (photos.feature, photos.per_person) == ("image", True) and "รองนายก" in photos.person_markers
    assert "นายก" in o2_lao.fix
    assert cat.items_for("lao")[1].elements == o2_lao.elements


def test_2565_numbering() -> None:
    cat = _cat(2565)
    assert cat.item("O5").name == "ข้อมูลการติดต่อ"
    assert cat.item("O11").year_rule is YearRule.first_half
    assert cat.item("O30").name.startswith("ช่องทางแจ้งเรื่องร้องเรียน")
    assert cat.item("O36").forbid and cat.item("O42").forbid
    assert cat.item("O42").year_rule is YearRule.analysis_of_previous
    assert [b.name for b in sorted(cat.bands, key=lambda b: -b.min)][0] == "AA"


@pytest.mark.parametrize("fy", (2568, 2569))
def test_partial_years(fy: int) -> None:
    cat = _cat(fy)
    codes = [it.code for it in cat.items]
    assert codes == [f"O{n}" for n in range(1, len(codes) + 1)]
    assert cat.confidence in ("low", "medium")
    subs = cat.sub_indicator_names()
    for it in cat.items:
        assert it.sub_indicator in subs
        if it.unknown:
            assert it.confidence == "low" and "ไม่ทราบ" in it.name, it.code
            assert it.code in it.name, it.code
    assert any(it.unknown for it in cat.items)
    assert not cat.item("O1").unknown and not cat.item("O3").unknown


# ─────────────────────────────── seeds: real documents ───────────────────────────────


def _seed(prefix: str) -> str:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip(f"seed {prefix} not available")
    return fold(files[0].read_text(encoding="utf-8"))


def _missing(item, text: str) -> list[str]:
    return [e.id for e in item.elements if e.required and e.any and not any(fold(p) in text for p in e.any)]


def _fired(item, text: str) -> list[str]:
    return [
        f.id
        for f in item.forbid
        if any(fold(p) in text for p in f.any) and not any(fold(p) in text for p in f.unless_any)
    ]


@pytest.mark.parametrize("seed", ["000", "002"])
def test_real_o42_documents_have_all_elements(seed: str) -> None:
    text = _seed(seed)
    for fy in (2565, 2566):
        item = _cat(fy).item("O42")
        assert _missing(item, text) == [] and _fired(item, text) == [], fy


@pytest.mark.parametrize("seed", ["003", "004"])
def test_real_o43_documents_have_all_elements(seed: str) -> None:
    item = _cat(2566).item("O43")
    assert _missing(item, _seed(seed)) == []


def test_itas_copy_is_forbidden() -> None:
    item = _cat(2566).item("O42")
    copied = fold("ข้อเสนอแนะจากระบบ ตัวชี้วัดที่ 9 หน่วยงานควรเปิดเผยข้อมูล มาตรการ")
    assert _fired(item, copied) == ["itas_copy"]


def test_risk_forbids() -> None:
    item = _cat(2566).item("O34")
    assert "no_risk_found" in _fired(item, fold("ผลการประเมินความเสี่ยงการทุจริต: ไม่พบความเสี่ยง"))
    general = fold("การประเมินผลการควบคุมภายใน ความเสี่ยงด้านการเงิน ระดับความเสี่ยง สูง")
    assert _fired(item, general) == ["general_risk_only"]
    real = fold("เหตุการณ์ความเสี่ยงการทุจริต การควบคุมภายใน ระดับความเสี่ยง สูง มาตรการ")
    assert _fired(item, real) == [] and _missing(item, real) == []


# ─────────────────────────────── invalid catalogs are rejected ───────────────────────────────

BASE = """\
id: test-1
fiscal_year: 2570
version: "0"
indicators: [{code: "9", name: "การเปิดเผยข้อมูล"}]
sub_indicators: [{code: "9.1", name: "ข้อมูลพื้นฐาน", indicator: "9"}]
bands: [{name: "ผ่าน", min: 0}]
items:
  - code: O1
    name: "โครงสร้าง"
    sub_indicator: "9.1"
    terms: ["โครงสร้าง"]
    elements: [{id: e1, label: "ตำแหน่ง", any: ["ผู้อำนวยการ"]}]
"""


def _write(tmp_path: Path, text: str, name: str = "cat.yaml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def test_minimal_catalog_is_valid(tmp_path: Path) -> None:
    assert load_catalog(_write(tmp_path, BASE)).item("O1").name == "โครงสร้าง"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('  - {code: O1, name: "ซ้ำ", sub_indicator: "9.1"}\n', "duplicate item codes"),
        ('  - {code: O2, name: "x", sub_indicator: "9.9"}\n', "unknown sub-indicator 9.9"),
        (
            '  - {code: O2, name: "x", sub_indicator: "9.1", variants: {hospital: {name: "y"}}}\n',
            "unknown unit type 'hospital'",
        ),
        (
            '  - {code: O2, name: "x", sub_indicator: "9.1", elements: [{id: empty, label: "x"}]}\n',
            "element 'empty' has no condition",
        ),
        ('  - {code: O2, name: "x", sub_indicator: "9.1", forbid: [{id: f, label: "x"}]}\n', "needs any"),
        ('  - {code: P2, name: "x", sub_indicator: "9.1"}\n', "O1..O99"),
        ('  - {code: O2, name: "x", sub_indicator: "9.1", year_rule: later}\n', "year_rule"),
        ('  - {code: O2, name: "x", sub_indicator: "9.1", colour: red}\n', "colour"),
    ],
    ids=["duplicate", "sub-indicator", "unit-type", "no-condition", "forbid", "code", "year", "extra"],
)
def test_invalid_catalog_is_rejected(tmp_path: Path, extra: str, message: str) -> None:
    path = _write(tmp_path, BASE + extra)
    with pytest.raises(CatalogError) as exc:
        load_catalog(path)
    assert message in str(exc.value)
    assert str(path) in str(exc.value)


BAD_REGEX = '  - {code: O2, name: "x", sub_indicator: "9.1", elements: [{id: p, label: "x", pattern: "([0-9"}]}\n'


def test_bad_regex_is_rejected_naming_file_and_pattern(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + BAD_REGEX)
    with pytest.raises(CatalogError) as exc:
        load_catalog(path)
    assert str(path) in str(exc.value) and "pattern" in str(exc.value)


def test_unknown_catalog_unit_type_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="unknown unit type 'hospital'"):
        load_catalog(_write(tmp_path, BASE + "unit_types: [lao, hospital]\n"))


def test_extends_and_item_overrides(tmp_path: Path) -> None:
    _write(tmp_path, BASE, "base.yaml")
    child = _write(
        tmp_path,
        """\
        extends: base.yaml
        id: test-2
        fiscal_year: 2571
        item_overrides:
          - {code: O1, name: "โครงสร้างและอำนาจหน้าที่", year_rule: assessed}
        items:
          - {code: O2, name: "ข้อมูลผู้บริหาร", sub_indicator: "9.1", terms: ["ข้อมูลผู้บริหาร"]}
        """,
        "child.yaml",
    )
    cat = load_catalog(child)
    assert (cat.id, cat.fiscal_year, cat.version) == ("test-2", 2571, "0")
    assert [it.code for it in cat.items] == ["O1", "O2"]
    o1 = cat.item("O1")
    assert o1.name == "โครงสร้างและอำนาจหน้าที่" and o1.year_rule is YearRule.assessed
    assert o1.terms == ["โครงสร้าง"] and o1.elements[0].id == "e1"  # untouched fields are kept


def test_item_override_of_missing_code_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, BASE, "base.yaml")
    child = _write(tmp_path, "extends: base.yaml\nitem_overrides: [{code: O9, name: x}]\n", "child.yaml")
    with pytest.raises(CatalogError, match="O9"):
        load_catalog(child)


def test_bundled_extends_a_bundled_file(tmp_path: Path) -> None:
    """A user's next-year file can extend a bundled catalog by file name."""
    child = _write(
        tmp_path,
        """\
        extends: nacc-2567.yaml
        id: my-2570
        fiscal_year: 2570
        confidence: low
        item_overrides:
          - {code: O5, confidence: low}
        """,
    )
    cat = load_catalog(child)
    assert cat.fiscal_year == 2570 and len(cat.items) == 43 and cat.item("O5").confidence == "low"


# ─────────────────────────────── diff between catalogs ───────────────────────────────


def test_diff_of_identical_lists_is_empty() -> None:
    from checklist.diff import diff_catalogs

    d = diff_catalogs(_cat(2566), _cat(2567))
    assert not d.added and not d.removed and not d.changed and len(d.paired) == 43


def test_diff_2565_to_2566_pairs_renumbered_items_by_name() -> None:
    from checklist.diff import diff_catalogs

    d = diff_catalogs(_cat(2565), _cat(2566))
    moved = {c.old.code: c.new.code for c in d.paired}
    assert moved["O36"] == "O34" and moved["O42"] == "O42" and moved["O34"] == "O31" and moved["O12"] == "O13"
    assert {"O10", "O39", "O40", "O41"} <= {it.code for it in d.added}
    assert "O32" in {it.code for it in d.removed}  # ช่องทางการรับฟังความคิดเห็น left the list


def test_diff_reports_changed_rules(tmp_path: Path) -> None:
    from checklist.diff import diff_catalogs, render_diff

    own = tmp_path / "my-2570.yaml"
    own.write_text(
        textwrap.dedent(
            f"""\
            extends: {CATALOG_DIR_FILE}
            id: my-2570
            fiscal_year: 2570
            version: "0.1"
            item_overrides:
              - code: O12
                year_rule: assessed
              - code: O20
                offsite_counts: true
              - code: O5
                name: "ข้อมูลการติดต่อและช่องทางการสอบถาม"
            """
        ),
        encoding="utf-8",
    )
    d = diff_catalogs(_cat(2567), load_catalog(own))
    changes = {c.new.code: c for c in d.changed}
    assert "year_rule: first_half → assessed" in changes["O12"].changes
    assert "offsite_counts: False → True" in changes["O20"].changes
    assert changes["O5"].renamed and not changes["O5"].renumbered
    text = "\n".join(render_diff(d))
    assert "renamed" in text and "0 removed, 0 added, 3 changed, 40 unchanged" in text


def test_catalog_diff_command() -> None:
    from tests.helpers import run_oit

    result = run_oit("catalog", "diff", "nacc-2567", "nacc-2568")
    assert result.returncode == 0, result.stderr
    assert "nacc-2567 (FY2567, 43 items) → nacc-2568 (FY2568, 28 items)" in result.stdout
    assert "removed" in result.stdout and "renumbered" in result.stdout


# ─────────────────────────────── per-person and signature rules in the data ───────────────────────────────


@pytest.mark.parametrize("fy", (2565, 2566, 2567, 2568))
@pytest.mark.parametrize("unit_type", ("lao", "agency"))
def test_executives_are_checked_per_person(fy: int, unit_type: str) -> None:
    code = "O2"
    item = _cat(fy).item(code).for_unit_type(unit_type)
    per_person = {e.id for e in item.elements if e.per_person}
    assert {"photos", "phone"} <= per_person


@pytest.mark.parametrize("fy,code", [(2565, "O34"), (2566, "O31"), (2567, "O31"), (2568, "O21")])
def test_no_gift_announcement_must_be_signed_by_the_head(fy: int, code: str) -> None:
    item = _cat(fy).item(code)
    assert any(e.signed_by and e.required for e in item.elements)
    lao = item.for_unit_type("lao")
    assert [e.signed_by for e in lao.elements if e.id == "signer"] == [["นายก"]]


def test_an_extends_loop_or_an_item_without_a_code_is_a_catalog_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nid: a-2570\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nid: b-2570\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="extends itself"):
        load_catalog(tmp_path / "a.yaml")
    (tmp_path / "c.yaml").write_text("extends: nacc-2569\nid: c-2570\nitems:\n  - name: no code\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="mapping with a code"):
        load_catalog(tmp_path / "c.yaml")


def test_a_misspelt_page_feature_is_a_catalog_error(tmp_path: Path) -> None:
    """A feature no extraction counts ("photo" for "image") would never match: the catalog says so at load."""
    bad = BASE + '  - {code: O2, name: "x", sub_indicator: "9.1", elements: [{id: p, label: "x", feature: photo}]}\n'
    with pytest.raises(CatalogError, match="unknown page feature 'photo'"):
        load_catalog(_write(tmp_path, bad))
    vocab = BASE + "evidence_types: [{id: form, label: x, starts: [แบบฟอร์ม], unless_feature: forms}]\n"
    with pytest.raises(CatalogError, match="unknown page feature 'forms'"):
        load_catalog(_write(tmp_path, vocab, "v.yaml"))
