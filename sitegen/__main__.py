"""``python -m sitegen demo``: build the bundled sample อบต. site, serve it on 127.0.0.1 and check it with ``oit``.

The generator is not part of the ``oit`` product (the wheel does not carry it); the demo runs from a clone
(``scripts/demo.sh``).
"""

from __future__ import annotations

from pathlib import Path

import click

from oit.check import CrawlOptions
from oit.cli import run_check
from oit.cli_common import DIR_TO_WRITE, OneLineErrors, fail
from oitbase.model import Report
from reports.formats import FORMATS as REPORT_FORMATS
from sitegen.demo import build_demo_site
from sitegen.serve import serve_directory


@click.group(cls=OneLineErrors)
def main() -> None:
    """The sample-site generator's commands."""


@main.command()
@click.option("--out", "out_dir", type=DIR_TO_WRITE, default=Path("oit-demo"), show_default=True)
@click.option("--quiet", is_flag=True)
def demo(out_dir: Path, quiet: bool):
    """ตัวอย่าง: ตรวจเว็บไซต์ อบต. ตัวอย่างที่ให้มาบน 127.0.0.1 — check the bundled sample site."""

    site_dir = out_dir / "site"
    try:
        truth = build_demo_site(site_dir)
    except OSError as exc:
        fail(f"cannot write the sample site in {out_dir}: {exc.strerror or exc}")
    with serve_directory(site_dir) as base_url:
        click.echo(f"เว็บไซต์ตัวอย่าง: {truth['unit_name']} ที่ {base_url}", err=True)
        report = run_check(
            base_url,
            year=truth["fiscal_year"],
            catalog_file=None,
            out_dir=out_dir / "report",
            json_file=None,
            db_path=out_dir / "oit.db",
            options=CrawlOptions(progress=not quiet, obey_robots=True),
            unit_type="lao",
            formats=REPORT_FORMATS,
        )
    agree, rows = compare_with_truth(report, truth)
    n = len(rows)
    click.secho(f"ตรงกับเฉลยของเว็บไซต์ตัวอย่าง {agree}/{n} รายการ ({100 * agree / n:.1f}%)", bold=True)
    for code, expect, got, reason in rows:
        if (expect == "pass") != (got == "pass"):
            click.echo(f"  ไม่ตรง {code}: เฉลย {expect}, ผลตรวจ {got} — {reason}")


def compare_with_truth(report: Report, truth: dict) -> tuple[int, list[tuple[str, str, str, str]]]:
    """Item agreement (pass vs not pass) between a report and a generated site's ground truth."""
    rows = []
    for code, t in truth["items"].items():
        got = report.item(code).status
        rows.append((code, t["expect"], got, t.get("reason", "")))
    agree = sum(1 for _, e, g, _ in rows if (e == "pass") == (g == "pass"))
    return agree, rows


if __name__ == "__main__":
    main(prog_name="python -m sitegen")
