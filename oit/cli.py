"""The ``oit`` command: check a unit's website, run the demo, re-render reports, manage catalogs."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from checklist.catalog import (
    Catalog,
    CatalogError,
)
from checklist.catalog_check import catalog_problems
from checklist.catalog_years import CatalogChoice, choose_catalog
from oit.batch_cli import batch
from oit.browse import browse_command
from oit.catalog_cli import catalog
from oit.cli_common import DIR_TO_WRITE, FILE_TO_WRITE, STORE_TO_READ, FiscalYear, OneLineErrors, fail, plain
from oit.schedule_cli import schedule
from oit.serve_cli import serve
from oit.units_cli import diff, history, units
from oit.worker_cli import worker
from oitbase import __version__
from oitbase.extract.cli import extract_command
from oitbase.model import STATUS_TH, Report
from oitbase.thai import fold
from reports.formats import FORMATS as REPORT_FORMATS
from storage import store

if TYPE_CHECKING:
    from oit.check import CrawlOptions


def pick_catalog(year: int | None, catalog_file: str | None, scheme: str | None = None) -> tuple[Catalog, int, str]:
    """(catalog, fiscal year, catalog path) from --year/--scheme/--catalog: by default the fiscal year under way,
    with the newest earlier list carried forward when the year has none (see ``checklist.catalog_years``)."""
    try:
        choice = choose_catalog(year, scheme, catalog_file)
    except CatalogError as exc:
        problems = catalog_problems(catalog_file) if catalog_file else []
        fail("\n".join(p.render() for p in problems) if problems else str(exc))
        raise  # unreachable
    if choice.carried:
        click.echo(carried_message(choice), err=True)
    return choice.catalog, choice.fiscal_year, str(choice.path)


def carried_message(choice: CatalogChoice) -> str:
    base = choice.path.stem
    return (
        f"oit: ตรวจปีงบประมาณ {choice.fiscal_year} ด้วยรายการของ {base} โดยเลื่อนปี (carrying {base} forward to "
        f"FY {choice.fiscal_year}; `oit catalog new` writes it as a file to edit)"
    )


def print_summary(report: Report, paths: dict[str, Path], elapsed: float | None = None, top: int = 5) -> None:
    s = report.score
    n = len(report.items)
    counts = {k: sum(1 for it in report.items if it.status == k) for k in STATUS_TH}
    click.echo("")
    click.secho(f"ผลการตรวจ OIT ล่วงหน้า: {report.unit_name or report.url}", bold=True)
    click.echo(
        f"{report.url} · ปีงบประมาณ {report.fiscal_year} · แคตตาล็อก {report.catalog_id} "
        f"v{report.catalog_version} (ความเชื่อมั่น {report.catalog_confidence})"
    )
    if report.catalog_notice:
        click.secho(f"⚠ เกณฑ์ที่ใช้ตรวจ: {report.catalog_notice}", fg="yellow", bold=True)
    fit = report.site_list
    if fit.get("mismatches"):
        click.secho(
            f"หน้า ITA ของเว็บไซต์ไม่ตรงกับแคตตาล็อก {len(fit['mismatches'])} ข้อ: {plain(fit['summary_th'])}",
            fg="yellow", bold=bool(fit.get("likely_out_of_date")),
        )  # fmt: skip
        for m in fit["mismatches"][:5]:
            click.echo(f"  {plain(m['message_th'])}")
    elif fit.get("page_year") and fit["page_year"] != report.fiscal_year:
        click.echo(plain(fit["summary_th"]))
    if report.crawl_problem:
        click.secho(f"ปัญหาการเก็บข้อมูล (crawl problem): {plain(report.crawl_problem)}", fg="red", bold=True)
        click.echo("  ข้อที่ไม่พบถูกนับเป็น \"ตรวจไม่ได้\" ไม่ใช่ \"ไม่ผ่าน\" (items not found are not failures)")
    if report.partial:
        click.secho(f"ผลบางส่วน (partial): {report.partial_reason}", fg="yellow")
    click.secho(f"คะแนน OIT ที่คาดการณ์: {s.oit:.2f} ({s.band})", bold=True)
    click.echo("  " + " · ".join(f"ตัวชี้วัด {k}: {v:.2f}" for k, v in s.indicators.items()))
    click.echo(
        f"รายการผ่าน {counts['pass']}/{n} · ไม่ครบ {counts['partial']} · ไม่พบ {counts['fail']} · "
        f"ตรวจไม่ได้ {counts['unknown']}"
    )
    if report.catalog_items_unknown:
        click.echo(
            f"ข้อที่แคตตาล็อกยังไม่ทราบชื่อหรือเกณฑ์ {report.catalog_items_unknown} ข้อ ไม่นับในคะแนน "
            f"({report.catalog_items_unknown} items unknown to the catalog, left out of the score)"
        )
    review = [it.code for it in report.items if it.review]
    if review:
        click.secho(f"ผ่านแต่ควรตรวจด้วยตา (ความมั่นใจต่ำ) {len(review)} ข้อ: {', '.join(review)}", fg="yellow")
    if report.fixes:
        click.echo("สิ่งที่ควรแก้ก่อน (เรียงตามคะแนนที่จะได้เพิ่ม):")
        for i, code in enumerate(report.fixes[:top], 1):
            it = report.item(code)
            why = it.missing[0] if it.missing else (it.notes[0] if it.notes else "")
            click.echo(f"  {i}. {it.code} {it.name} (+{it.gain:.2f}) {plain(why)}")
    if report.unreadable:
        click.echo(f"อ่านไม่ได้ {len(report.unreadable)} รายการ (ดูรายละเอียดในรายงาน)")
    if report.skipped:
        click.echo(f"ลิงก์ที่ไม่ได้เปิด {len(report.skipped)} ลิงก์ พร้อมเหตุผล (links not followed: see the report)")
    if rendered := report.stats.get("rendered"):
        why = ", ".join(f"{k.removeprefix('rendered_why_')} {v}" for k, v in report.stats.items()
                        if k.startswith("rendered_why_"))  # fmt: skip
        click.echo(f"เรนเดอร์ JavaScript {rendered} หน้า ({why}; rendered pages and why)")
    for w in report.warnings:
        click.secho(f"คำเตือน: {w}", fg="yellow")
    if paths:
        click.echo("รายงาน: " + ", ".join(str(p) for p in paths.values()))
    if elapsed is not None:
        click.echo(f"ใช้เวลา {elapsed:.1f} วินาที")


def run_check(
    url: str,
    *,
    year: int | None,
    catalog_file: str | None,
    scheme: str | None = None,
    out_dir: Path | None,
    json_file: Path | None,
    db_path: Path | None,
    options: CrawlOptions,
    unit_type: str | None,
    formats: tuple[str, ...],
    answer_sheet: Path | None = None,
) -> Report:
    from oit.api import plan_check, run_plan
    from oit.check import CheckError
    from reports import write_reports

    started = time.monotonic()
    db_path = db_path or (out_dir.parent if out_dir else Path("oit-report")) / "oit.db"
    try:
        plan = plan_check(
            url, year=year, scheme=scheme, catalog=catalog_file, unit_type=unit_type, store=db_path, options=options
        )  # fmt: skip
    except CatalogError as exc:
        problems = catalog_problems(catalog_file) if catalog_file else []
        fail("\n".join(p.render() for p in problems) if problems else str(exc))
    except ValueError as exc:
        fail(str(exc))
    fy = plan.choice.fiscal_year

    def said(name: str, data: dict) -> None:
        if name == "catalog" and data["carried"]:
            click.echo(carried_message(plan.choice), err=True)
        elif name == "resume":
            click.echo(f"oit: ตรวจต่อจากการตรวจครั้งที่ {data['run_id']} (resuming run {data['run_id']})", err=True)
        elif name == "crawl" and options.progress:
            click.echo(f"กำลังตรวจ {data['url']} (ปีงบประมาณ {fy}, แคตตาล็อก {data['catalog']}) …", err=True)

    try:
        report = run_plan(plan, on_event=said, in_process=True)
    except CheckError as exc:
        fail(str(exc))
    host = urlsplit(report.url).hostname or "site"
    out_dir = out_dir or Path("oit-report") / f"{host}-{fy}"
    paths = write_reports(report, out_dir, formats=formats)
    if answer_sheet:
        paths.update(write_answer_sheet_files(report, answer_sheet))
    if json_file:
        json_file.parent.mkdir(parents=True, exist_ok=True)
        json_file.write_text(paths_json(report), encoding="utf-8")
        paths["json-file"] = json_file
    print_summary(report, paths, time.monotonic() - started)
    return report


def write_answer_sheet_files(report: Report, target: Path) -> dict[str, Path]:
    """The ITAS answer sheet as ``target`` with .csv and .xlsx (any suffix given is replaced)."""
    from reports import write_answer_sheet

    target = Path(target)
    stem = target.with_suffix("") if target.suffix.lower() in (".csv", ".xlsx") else target
    return {f"{k}-file": v for k, v in write_answer_sheet(report, stem.parent, basename=stem.name).items()}


def paths_json(report: Report) -> str:
    from reports import report_to_json_dict

    return json.dumps(report_to_json_dict(report), ensure_ascii=False, indent=2)


def unit_type_option(f):
    return click.option(
        "--unit-type",
        default=None,
        help="ประเภทหน่วยงาน: อปท. (lao), agency หรือ school (default: the catalog's first unit type)",
    )(f)


def pick_unit_type(cat: Catalog, unit_type: str | None) -> str:
    """The unit type given (normalised), else the catalog's first; one the catalog has no list for stops here."""
    from oit.api import unit_type_for

    try:
        return unit_type_for(cat, unit_type)
    except ValueError as exc:
        fail(str(exc))
        raise  # unreachable


@click.group(cls=OneLineErrors)
@click.version_option(__version__, prog_name="oit")
def main() -> None:
    """ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT (ITA) ล่วงหน้า — self-check against NACC's OIT items."""


@main.command()
@click.argument("url")
@click.option("--year", type=FiscalYear(), help="ปีงบประมาณ พ.ศ. ที่ประเมิน (default: the fiscal year under way)")
@click.option("--scheme", help="รายการของภาคส่วน: nacc (default) หรือ ovec (วิทยาลัยอาชีวศึกษา); see `oit catalog list`")
@click.option("--catalog", "catalog_file", help="catalog YAML file or bundled id (e.g. nacc-2567)")
@click.option("--out", "out_dir", type=DIR_TO_WRITE, help="report directory")
@click.option("--json", "json_file", type=FILE_TO_WRITE, help="also write the JSON report here")
@click.option("--db", "db_path", type=FILE_TO_WRITE, help="SQLite store (runs are kept)")
@click.option("--max-pages", default=3000, show_default=True, type=click.IntRange(min=1), help="pages + documents")
@click.option("--max-depth", default=6, show_default=True, type=click.IntRange(min=0), help="link depth from home")
@click.option(
    "--time-limit",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.5),
    help="minutes the whole check may take; then what was fetched is judged (the report says partial)",
)
@click.option(
    "--stall-timeout",
    default=120.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="seconds without any progress after which the crawl ends itself (0: never)",
)
@unit_type_option
@click.option("--ignore-robots", is_flag=True, help="ไม่ทำตาม robots.txt (only for your own site)")
@click.option(
    "--format",
    "formats",
    default="html,json,md,csv",
    show_default=True,
    callback=lambda ctx, param, value: report_formats(value),
    help="report formats, comma-separated: html, json, md, csv",
)
@click.option("--quiet", is_flag=True, help="no progress line")
@click.option("--verbose", is_flag=True, help="show Scrapy's log")
@click.option(
    "--answer-sheet",
    "answer_sheet",
    type=FILE_TO_WRITE,
    help="also write the ITAS answer sheet as FILE.csv and FILE.xlsx (always written in --out as itas-answer-sheet)",
)
@click.option("--resume", is_flag=True, help="ตรวจต่อจากครั้งที่ค้าง (continue the unit's unfinished run)")
@click.option("--no-render", is_flag=True, help="do not render JavaScript pages with Chromium")
@click.option("--no-ocr", is_flag=True, help="do not OCR scanned pages (faster; scans are reported unreadable)")
@click.option("--no-cache", is_flag=True, help="do not use the HTTP cache of earlier runs")
@click.option(
    "--offsite-documents",
    default="",
    help="comma-separated hosts or URL globs whose documents may be fetched (e.g. drive.google.com)",
)
@click.option(
    "--full",
    is_flag=True,
    help="เก็บทุกหน้า: fetch every page within the limits, also after the verdicts stopped changing (slower)",
)
def check(
    url,
    year,
    scheme,
    catalog_file,
    out_dir,
    json_file,
    db_path,
    max_pages,
    max_depth,
    time_limit,
    stall_timeout,
    unit_type,
    ignore_robots,
    formats,
    quiet,
    verbose,
    answer_sheet,
    resume,
    no_render,
    no_ocr,
    no_cache,
    offsite_documents,
    full,
):
    """ตรวจเว็บไซต์ URL — crawl a unit's website and predict its OIT score."""
    from oit.check import CrawlOptions

    options = CrawlOptions(
        max_pages=max_pages,
        max_depth=max_depth,
        obey_robots=not ignore_robots,
        progress=not quiet,
        log_level="INFO" if verbose else "ERROR",
        resume=resume,
        time_limit=time_limit * 60,
        stall_timeout=stall_timeout,
        settle=not full,
        extra=crawl_switches(no_render, no_ocr, no_cache, offsite_documents),
    )
    run_check(
        url,
        year=year,
        catalog_file=catalog_file,
        scheme=scheme,
        out_dir=out_dir,
        json_file=json_file,
        db_path=db_path,
        options=options,
        unit_type=unit_type,
        formats=formats,
        answer_sheet=answer_sheet,
    )


def report_formats(value: str) -> tuple[str, ...]:
    """``--format html,json`` checked before anything is fetched."""
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in REPORT_FORMATS]
    if bad or not formats:
        raise click.BadParameter(
            f"{', '.join(bad) or 'nothing'} is not a report format: use {', '.join(REPORT_FORMATS)}"
        )
    return formats


def crawl_switches(no_render: bool, no_ocr: bool, no_cache: bool, offsite_documents: str) -> dict:
    """Crawler settings from the command's switches (only those the user changed)."""
    extra: dict = {}
    if no_render:
        extra["OIT_RENDER_JS"] = False
    if no_ocr:
        extra["OIT_OCR"] = False
    if no_cache:
        extra["HTTPCACHE_ENABLED"] = False
    hosts = [h.strip() for h in offsite_documents.split(",") if h.strip()]
    if hosts:
        extra["OIT_OFFSITE_DOCUMENTS"] = hosts
    return extra


@main.command()
@click.option("--db", "db_path", required=True, type=STORE_TO_READ)
@click.option("--run", "run_id", type=click.IntRange(min=1), help="run id (default: the latest)")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="html", show_default=True)
@click.option("--output", "-o", type=FILE_TO_WRITE, help="file to write (default: stdout)")
@click.option("--recheck", is_flag=True, help="judge the stored crawl again with the current catalog")
@click.option("--year", type=FiscalYear(), help="with --recheck: fiscal year (its catalog; default: the run's)")
@click.option("--scheme", help="with --recheck --year: the scheme (default: the run's)")
@click.option("--catalog", "catalog_file", help="with --recheck: catalog file or id")
@click.option(
    "--answer-sheet",
    "answer_sheet",
    type=FILE_TO_WRITE,
    help="also write the ITAS answer sheet (มี/ไม่มี, URL, where) as FILE.csv and FILE.xlsx",
)
@unit_type_option
def report(db_path, run_id, fmt, output, recheck, year, scheme, catalog_file, answer_sheet, unit_type):
    """สร้างรายงานใหม่จากข้อมูลที่เก็บไว้ — re-render a report from the store, without crawling."""
    from oit.check import evaluate_run, stored_report
    from reports import render

    recheck = recheck or bool(year or scheme or catalog_file)  # asking for a year or catalog is asking to re-judge
    try:
        db = store.open_db(db_path, read_only=True)
        run = store.get_run(db, run_id)
        judged = store.latest_evaluation(db, run["id"])
        if recheck or judged is None:
            db = store.open_db(db_path)
            last = judged or run  # the newest judgement's year, catalog and unit type, else the crawl's
            if catalog_file:  # the catalog asked for, of its own year unless a year is given
                cat, fy, path = pick_catalog(year, catalog_file, scheme)
            elif year:  # that year's catalog, of the run's scheme
                stored = json.loads(last.get("settings") or "{}").get("catalog_scheme") or "nacc"
                cat, fy, path = pick_catalog(year, None, scheme or stored)
            else:  # the run's own year and catalog
                cat, fy, path = pick_catalog(
                    last.get("fiscal_year"), last.get("catalog_path") or run.get("catalog_path")
                )
            ut = pick_unit_type(cat, unit_type or last.get("unit_type"))
            rep = evaluate_run(db, run["id"], cat, fy, ut, path)
        else:
            rep = stored_report(db, run["id"])
    except (LookupError, ValueError, store.DatabaseError) as exc:
        fail(str(exc))
    if answer_sheet:
        for path in write_answer_sheet_files(rep, answer_sheet).values():
            click.echo(str(path), err=True)
    text = render(rep, fmt)
    if output:
        output.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        click.echo(str(output), err=True)
    else:
        click.echo(text)


@main.command()
@click.option("--db", "db_path", required=True, type=STORE_TO_READ)
def runs(db_path):
    """รายการการตรวจที่เก็บไว้ — list stored runs with their scores."""
    try:
        db = store.open_db(db_path, read_only=True)
        rows = store.list_runs(db)
    except (LookupError, store.DatabaseError) as exc:
        fail(str(exc))
    for run in rows:
        score = json.loads(run["score"]) if run.get("score") else {}
        click.echo(
            f"{run['id']:>4}  {run['started']}  {run['status']:<9} {run['unit_url']}  "
            f"FY{run.get('fiscal_year') or '-'}  OIT {score.get('oit', '-')}  {score.get('band', '')}"
        )


@main.command()
@click.option("--db", "db_path", required=True, type=STORE_TO_READ)
@click.option("--run", "run_id", type=click.IntRange(min=1))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.argument("query")
def search(db_path, run_id, limit, query):
    """ค้นข้อความในหน้าเว็บและเอกสารที่เก็บไว้ — full-text search (works for Thai)."""
    from oitbase.thai import Folded

    try:
        db = store.open_db(db_path, read_only=True)
        rows = store.search(db, fold(query), run_id=run_id, limit=limit)
    except (LookupError, store.DatabaseError) as exc:
        fail(str(exc))
    for row in rows:
        snippet = Folded(row["text"] or "").snippet(query, width=70)
        click.echo(f"[{row['run_id']}] {row['url']}\n    {row['title'] or ''}\n    {snippet}")


@main.command("upgrade-store")
@click.option("--db", "db_path", required=True, type=STORE_TO_READ)
def upgrade_store(db_path):
    """ปรับฐานข้อมูลให้เป็นรุ่นปัจจุบัน — bring a store written by an older oit up to date (keeps every run)."""
    try:
        before, after = store.upgrade(db_path)
    except (LookupError, store.DatabaseError) as exc:
        fail(str(exc))
    if before == after:
        click.echo(f"{db_path}: up to date (store version {after})")
    else:
        click.echo(f"{db_path}: store version {before} → {after}")


main.add_command(extract_command)
main.add_command(catalog)
main.add_command(schedule)
main.add_command(browse_command)
main.add_command(units)
main.add_command(batch)
main.add_command(history)
main.add_command(diff)
main.add_command(worker)
main.add_command(serve)


if __name__ == "__main__":
    main()
