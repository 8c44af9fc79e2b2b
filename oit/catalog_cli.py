"""``oit catalog …``: list, show, validate, compare, create and import OIT item catalogs."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from checklist.catalog import CatalogError, bundled_catalogs, catalog_chain, load_catalog, normalise_unit_type
from oit.cli_common import FILE_TO_WRITE, FiscalYear, fail


@click.group()
def catalog():
    """แคตตาล็อกรายการ OIT รายปี — OIT item catalogs."""


@catalog.command("list")
def catalog_list():
    """List bundled catalogs: scheme, fiscal year, items, unknown items, confidence, and the list an assumed
    catalog carries forward."""
    click.echo(f"{'id':<12} {'scheme':<7} {'FY':<5} {'version':<8} {'items':>5} {'unknown':>7}  confidence  note")
    for path in bundled_catalogs():
        try:
            cat = load_catalog(path)
        except CatalogError as exc:
            click.echo(f"{path.name}: INVALID {exc}")
            continue
        unknown = sum(1 for it in cat.items if it.unknown)
        note = f"assumed from {cat.assumed_from}" if cat.assumed_from else ""
        click.echo(
            f"{cat.id:<12} {cat.scheme:<7} {cat.fiscal_year:<5} v{cat.version:<7} {len(cat.items):>5} {unknown:>7}  "
            f"{cat.confidence:<10}  {note}".rstrip()
        )


@catalog.command("new")
@click.option("--year", type=FiscalYear(), required=True, help="the new fiscal year, พ.ศ. (e.g. 2571)")
@click.option("--from", "base", required=True, help="the catalog to carry forward: a bundled id or a file")
@click.option("--out", type=FILE_TO_WRITE, help="file to write (default: <scheme>-<year>.yaml here)")
@click.option("--force", is_flag=True, help="overwrite an existing file")
def catalog_new(year, base, out, force):
    """เริ่มแคตตาล็อกปีใหม่ — write a catalog for YEAR that extends BASE with the year rules moved on, ready to edit."""
    from checklist.catalog_years import new_catalog_text

    try:
        scheme = load_catalog(base).scheme
    except CatalogError as exc:
        fail(str(exc))
    out = out or Path(f"{scheme}-{year}.yaml")
    if out.exists() and not force:
        fail(f"{out} มีอยู่แล้ว (exists; use --force to overwrite)")
    if out.exists() and out.resolve() in catalog_chain(base):
        fail(f"{out} เป็นแคตตาล็อกต้นทางของ {base} (is {base} or a catalog it extends; give another --out)")
    try:
        text = new_catalog_text(base, year, out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        cat = load_catalog(out)
    except CatalogError as exc:
        fail(str(exc))
    unknown = sum(1 for it in cat.items if it.unknown)
    click.echo(f"{out}: {cat.id}, FY {cat.fiscal_year}, {len(cat.items)} items ({unknown} unknown), assumed from "
               f"{cat.assumed_from}; edit it, then `oit check URL --catalog {out}`")  # fmt: skip


@catalog.command("show")
@click.argument("name")
@click.option("--unit-type", default=None, help="apply this unit type's variants (default: the catalog's first)")
def catalog_show(name, unit_type):
    """Show a catalog's items (id or file)."""
    try:
        cat = load_catalog(name)
        ut = normalise_unit_type(unit_type) if unit_type else cat.unit_types[0]
    except (CatalogError, ValueError) as exc:
        fail(str(exc))
    click.echo(f"{cat.id} FY{cat.fiscal_year} v{cat.version} — {cat.title} (confidence {cat.confidence})")
    names = cat.sub_indicator_names()
    current = None
    for it in cat.items_for(ut):
        if it.sub_indicator != current:
            current = it.sub_indicator
            click.echo(f"\n{current} {names.get(current, '')}")
        flags = f" [{it.year_rule.value}]" if it.year_rule.value != "none" else ""
        click.echo(f"  {it.code:<4} {it.name}{flags} ({it.confidence})")


@catalog.command("validate")
@click.argument("files", nargs=-1)
def catalog_validate(files):
    """Validate catalog files (default: all bundled). Each problem is printed as FILE:LINE: Thai / English; the exit
    code is 1 when any file has one."""
    from checklist.catalog_check import check_catalog

    paths = files or [str(p) for p in bundled_catalogs()]
    bad = 0
    for p in paths:
        cat, problems = check_catalog(p)
        if problems:
            bad += 1
            click.echo(f"FAIL {p}: {len(problems)} problem{'s' if len(problems) > 1 else ''}")
            for problem in problems:
                click.echo(problem.render())
        else:
            click.echo(f"OK   {p}: {cat.id}, {len(cat.items)} items")
    sys.exit(1 if bad else 0)


@catalog.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--unit-type", default=None, help="compare the items of one unit type (variants applied)")
def catalog_diff(old, new, unit_type):
    """What changed from catalog OLD to NEW (ids or files): items added, removed, renamed, renumbered (paired by
    name similarity) and changed year rules, elements, negative rules and off-site policy."""
    from checklist.diff import diff_catalogs, render_diff

    try:
        a, b = load_catalog(old), load_catalog(new)
        if unit_type:
            ut = normalise_unit_type(unit_type)
            a = a.model_copy(update={"items": a.items_for(ut)})
            b = b.model_copy(update={"items": b.items_for(ut)})
    except (CatalogError, ValueError) as exc:
        fail(str(exc))
    for line in render_diff(diff_catalogs(a, b)):
        click.echo(line)


@catalog.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "catalog_id", default=None, help="the catalog's id (default: <scheme>-<year>)")
@click.option("--year", type=FiscalYear(), default=None, help="fiscal year พ.ศ. (needed unless the id ends in one)")
@click.option("--scheme", default="nacc", show_default=True)
@click.option("--base", default=None, help="a bundled id or file whose items are reused when code and name match")
@click.option("--out", type=FILE_TO_WRITE, default=None, help="default: <id>.yaml here")
@click.option("--force", is_flag=True, help="overwrite --out if it exists")
def catalog_import(file, catalog_id, year, scheme, base, out, force):
    """Turn a spreadsheet of NACC's items (xlsx or csv: code, name, sub-indicator, what must be shown, year rule)
    into a catalog file, and say what could not be mapped."""
    from checklist.catalog_import import catalog_yaml, import_id_and_year, read_table, render_report, rows_to_catalog

    try:
        catalog_id, year = import_id_and_year(catalog_id, year, scheme)
        out = out or Path(f"{catalog_id}.yaml")
        if out.exists() and not force:
            fail(f"{out} exists: give --force to overwrite it, or another --out")
        base_catalog = load_catalog(base) if base else None
        today = date.today()
        result = rows_to_catalog(
            read_table(file), catalog_id=catalog_id, fiscal_year=year, scheme=scheme, base=base_catalog,
            source_name=file.name, imported_on=today,
        )  # fmt: skip
    except (CatalogError, ValueError) as exc:
        fail(str(exc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(catalog_yaml(result, file.name, today), encoding="utf-8")
    try:
        load_catalog(out)
    except CatalogError as exc:  # a bug of the import: say so rather than leave a file that does not load quietly
        fail(f"the file written does not load, please report it: {exc}", code=1)
    for line in render_report(result, out):
        click.echo(line)
