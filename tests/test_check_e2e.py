"""End to end: `oit check` on generated unit websites (two layouts) served on 127.0.0.1."""

from __future__ import annotations

import json
import shutil

import pytest

from checklist.catalog import catalog_for_year
from scoring.score import compute_scores
from tests.helpers import check_report, run_oit

SITES = ["demo_site", "second_site"]


def _mismatches(site) -> list[str]:
    out = []
    for code, truth in site.truth["items"].items():
        got = site.items[code]
        if (truth["expect"] == "pass") != (got["status"] == "pass"):
            out.append(
                f"{code}: expected {truth['expect']} ({truth['state']}: {truth['reason']}), "
                f"got {got['status']} missing={got['missing']} evidence={[e['url'] for e in got['evidence']]}"
            )
    return out


@pytest.mark.parametrize("name", SITES)
def test_every_item_verdict_matches_the_ground_truth(name, request):
    site = request.getfixturevalue(name)
    assert len(site.report["items"]) == 43
    assert _mismatches(site) == []


@pytest.mark.parametrize("name", SITES)
def test_score_is_the_roll_up_of_the_true_verdicts(name, request):
    site = request.getfixturevalue(name)
    catalog = catalog_for_year(site.truth["fiscal_year"])
    truth_pass = {code: t["expect"] == "pass" for code, t in site.truth["items"].items()}
    oit, indicators, _ = compute_scores(catalog, truth_pass)
    assert site.report["score"]["oit"] == pytest.approx(oit, abs=0.01)
    assert site.report["score"]["indicators"]["10"] == pytest.approx(indicators["10"], abs=0.01)
    assert site.report["band"]["name"]


@pytest.mark.parametrize("name", SITES)
def test_evidence_urls_point_at_the_published_evidence(name, request):
    site = request.getfixturevalue(name)
    for code, truth in site.truth["items"].items():
        if truth["expect"] != "pass" or not truth.get("url") or truth["url"].startswith("http"):
            continue
        urls = [e["url"] for e in site.items[code]["evidence"]]
        assert any(u.endswith(truth["url"].lstrip("/")) or truth["url"].rstrip("/") in u for u in urls), (code, urls)
        assert site.items[code]["evidence"][0]["where"].startswith("หน้าแรก")


@pytest.mark.parametrize("name", SITES)
def test_fix_list_holds_every_failing_item_ranked_by_gain(name, request):
    site = request.getfixturevalue(name)
    fixes = site.report["fixes"]
    failing = {code for code, it in site.items.items() if it["status"] != "pass"}
    assert {f["code"] for f in fixes} == failing
    gains = [f["gain"] for f in fixes]
    assert gains == sorted(gains, reverse=True)
    assert all(g > 0 for g in gains)
    assert all(f["fix"] for f in fixes)


def test_demo_reports_the_specific_defects(demo_site):
    items = demo_site.items
    for code, truth in demo_site.truth["items"].items():
        if truth["state"] == "no_map":
            assert any("แผนที่" in m for m in items[code]["missing"]), items[code]
        if truth["state"] == "wrong_period":
            assert any("6 เดือน" in m or "ช่วงเวลา" in m for m in items[code]["missing"]), items[code]
        if truth["state"] == "no_risk":
            assert items[code]["status"] == "partial" and items[code]["missing"], items[code]


def test_reports_are_written_in_every_format(demo_site):
    report_dir = demo_site.out / "report"
    names = {p.suffix for p in report_dir.iterdir()}
    assert {".html", ".json", ".md", ".csv"} <= names
    html = next(report_dir.glob("*.html")).read_text(encoding="utf-8")
    assert "คะแนน" in html and demo_site.report["fixes"][0]["code"] in html
    assert "ตัวชี้วัดที่ 10 การป้องกันการทุจริต" in html


def test_report_is_rebuilt_from_the_store_alone(demo_site, tmp_path):
    out = tmp_path / "again.json"
    result = run_oit("report", "--db", str(demo_site.db), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["items"] == demo_site.report["items"]
    assert again["score"] == demo_site.report["score"]


def test_recheck_judges_the_stored_crawl_again_without_network(demo_site, tmp_path):
    out = tmp_path / "recheck.json"
    result = run_oit("report", "--db", str(demo_site.db), "--recheck", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    again = json.loads(out.read_text(encoding="utf-8"))
    assert [(i["code"], i["status"]) for i in again["items"]] == [
        (i["code"], i["status"]) for i in demo_site.report["items"]
    ]


def test_runs_are_kept_and_searchable(demo_site):
    result = run_oit("runs", "--db", str(demo_site.db))
    assert result.returncode == 0 and demo_site.base_url in result.stdout
    result = run_oit("search", "--db", str(demo_site.db), "ประเมินความเสี่ยง")
    assert result.returncode == 0 and "http://127.0.0.1" in result.stdout


def test_an_index_of_another_years_list_is_reported_item_by_item(demo_site, tmp_path):
    """The demo's ITA page follows the 43-item list of its year. Judged as FY 2570 (the 26-item list), a page
    that says 2567 is only noted as another year's page; the same page relabelled 2570 is compared code by
    code: the report says prominently that page and catalog differ, item by item, and which list it follows."""
    own = demo_site.report["site_list"]
    assert own and own["rows_compared"] >= 30 and own["mismatches"] == []
    db = tmp_path / "demo.db"  # a copy: the session's demo run stays as it was
    shutil.copy(demo_site.db, db)
    out = tmp_path / "2570.json"
    result = run_oit("report", "--db", str(db), "--recheck", "--year", "2570", "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    old = json.loads(out.read_text(encoding="utf-8"))
    assert old["catalog"]["id"] == "nacc-2570" and old["fiscal_year"] == 2570
    assert old["site_list"]["page_year"] == 2567 and not old["site_list"]["mismatches"]
    again = run_oit("report", "--db", str(db), "--recheck", "--format", "json", "-o", str(out))
    assert again.returncode == 0 and json.loads(out.read_text(encoding="utf-8"))["catalog"]["id"] == "nacc-2570"

    from sitegen.serve import serve_directory

    site = tmp_path / "site"
    shutil.copytree(demo_site.root, site)
    ita = site / demo_site.truth["ita_index"].strip("/") / "index.html"
    ita.write_text(ita.read_text(encoding="utf-8").replace("2567", "2570"), encoding="utf-8")
    with serve_directory(site) as base:
        rep = check_report(base, tmp_path, "relabelled", "--no-ocr", year="2570")
    fit = rep["site_list"]
    assert fit["likely_out_of_date"] and fit["better_catalog"] in ("nacc-2566", "nacc-2567"), fit["summary_en"]
    beyond = {m["code"] for m in fit["mismatches"] if m["kind"] == "not_in_catalog"}
    assert {"O27", "O43"} <= beyond  # the catalog stops at O26
    items = {it["code"]: it for it in rep["items"]}
    for m in fit["mismatches"]:
        if m["code"] in items:
            assert m["message_th"] in items[m["code"]]["notes"]
    assert 'id="site-list-notice"' in (tmp_path / "relabelled" / "oit-report.html").read_text(encoding="utf-8")
