"""Which catalog judges which fiscal year.

A unit prepares for the fiscal year under way (FY 2570 from 1 October 2026), usually before the year's list is
published. The year's bundled catalog is used when there is one; otherwise the newest earlier catalog of the same
scheme is *carried forward*: the same items with the fiscal year moved on. Year rules are relative to the assessed
year ("plans of the assessed year", "annual reports of the previous year"), so they move with it. A carried catalog
is low confidence and says, in every report, which list it assumes (``assumed_from`` and ``notice``).

``oit catalog new --year 2571 --from nacc-2570`` writes the same carried catalog as a file that ``extends`` the old
one, ready for the year's changes; :func:`carry_forward` builds it in memory when no file exists.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from checklist.catalog import Catalog, CatalogError, _bundled_index, load_catalog, resolve_catalog_path
from oitbase.thaidates import fiscal_year_of


def default_fiscal_year(today: dt.date | None = None) -> int:
    """The fiscal year units are preparing for: the one under way (1 Oct – 30 Sep, พ.ศ.)."""
    return fiscal_year_of(today or dt.date.today())


YEAR_SUFFIX = re.compile(r"-\d{4}$")
ASSUMED_SUFFIX = re.compile(r"\s*\(สมมุติจากรายการปี \d{4}\)$")


def carried_header(base: Catalog, year: int, version: str = "0.1") -> dict:
    """The header fields of ``base`` carried forward to ``year`` (everything else is inherited). A base that is
    itself assumed passes on the list it assumes."""
    origin = base.assumed_from or base.id
    origin_year = base.assumed_year if base.assumed_from else base.fiscal_year
    title = ASSUMED_SUFFIX.sub("", base.title or f"ITA {base.fiscal_year}")
    title = re.sub(rf"\b{base.fiscal_year}\b", str(year), title)
    stem = YEAR_SUFFIX.sub("", base.id)
    return {
        "id": f"{stem}-{year}",
        "fiscal_year": year,
        "version": version,
        "title": f"{title} (สมมุติจากรายการปี {origin_year})",
        "source": f"{base.id} v{base.version} carried forward to {year}: the same items, year rules moved on.",
        "confidence": "low",
        "assumed_from": origin,
        "assumed_year": origin_year,
        "notes": (
            f"Assumed: the {origin_year} list ({origin}) with the assessed year moved to {year}. "
            f"Replace or correct items (item_overrides:, items:) when the {year} list is published."
        ),
    }


def carry_forward(base: Catalog, year: int) -> Catalog:
    """``base`` judging ``year`` instead of its own year (low confidence, with the notice)."""
    return Catalog.model_validate({**base.model_dump(), **carried_header(base, year)})


@dataclass
class CatalogChoice:
    catalog: Catalog
    fiscal_year: int
    #: The file the crawl and a later re-check load (the base file when the catalog is carried in memory).
    path: Path
    #: True when no file exists for the year and the catalog was carried forward in memory.
    carried: bool = False


def bundled_schemes() -> dict[str, list[int]]:
    """Scheme -> the fiscal years it has a bundled catalog for."""
    out: dict[str, list[int]] = {}
    for scheme, year in sorted(_bundled_index()):
        out.setdefault(scheme, []).append(year)
    return out


def choose_catalog(
    year: int | None = None,
    scheme: str | None = None,
    catalog_file: str | Path | None = None,
    today: dt.date | None = None,
) -> CatalogChoice:
    """The catalog for a check: ``catalog_file`` (carried to ``year`` if that differs from its own year), else the
    bundled catalog of ``scheme`` for ``year`` (default: the fiscal year under way), else the newest earlier one of
    the scheme carried forward. Raises :class:`CatalogError` with a message for the user."""
    if catalog_file:
        path = resolve_catalog_path(catalog_file)
        cat = load_catalog(path)
        if scheme and scheme != cat.scheme:
            raise CatalogError(f"catalog {cat.id} is of scheme {cat.scheme}, not {scheme}")
        fy = year or cat.fiscal_year
        if fy == cat.fiscal_year:
            return CatalogChoice(cat, fy, path)
        if fy < cat.fiscal_year:
            raise CatalogError(
                f"catalog {cat.id} is for FY {cat.fiscal_year}: it cannot judge the earlier FY {fy} "
                f"(give that year's catalog, or --year {fy} alone)"
            )
        return CatalogChoice(carry_forward(cat, fy), fy, path, carried=True)
    scheme = scheme or "nacc"
    fy = year or default_fiscal_year(today)
    years = bundled_schemes().get(scheme)
    if not years:
        have = ", ".join(sorted(bundled_schemes()))
        raise CatalogError(f"no bundled catalog of scheme {scheme!r} (schemes: {have}); pass your own with --catalog")
    index = _bundled_index()
    if fy in years:
        path = index[(scheme, fy)]
        return CatalogChoice(load_catalog(path), fy, path)
    earlier = [y for y in years if y < fy]
    if not earlier:
        raise CatalogError(
            f"no bundled {scheme} catalog for fiscal year {fy} or before (have: {years}); pass your own with --catalog"
        )
    path = index[(scheme, max(earlier))]
    return CatalogChoice(carry_forward(load_catalog(path), fy), fy, path, carried=True)


NEW_FILE_HEADER = """\
# OIT items of the {scheme} list for fiscal year พ.ศ. {year}, carried forward from {base_id} ({base_year}).
# Written by `oit catalog new` on {today}. The items, terms and elements are inherited from {base_id}; year rules are
# relative to the assessed year, so plans and assessments are now of {year} and annual reports of {prev}.
# When the {year} list is published, correct what changed:
#   item_overrides:            # changed fields of an item, by code
#     - code: O5
#       name: "…"
#       year_rule: assessed
#   items:                     # whole new or replaced items (see docs/catalog.md)
# then raise `version` and `confidence`, and set `assumed_from: ""` (the reports stop calling the list assumed).
# Check it with `oit catalog validate {out_name}`.
"""


def new_catalog_text(base_ref: str, year: int, out: Path, today: dt.date | None = None) -> str:
    """The YAML of a catalog for ``year`` that extends ``base_ref`` (a bundled id or a file), ready to edit."""
    import yaml

    base_path = resolve_catalog_path(base_ref)
    base = load_catalog(base_path)
    if year <= base.fiscal_year:
        raise CatalogError(f"--year {year} must be after the year of {base.id} ({base.fiscal_year})")
    bundled = {p.resolve() for p in _bundled_index().values()}
    if base_path.resolve() in bundled and base_ref == base.id:
        extends = base.id  # a bundled id resolves from anywhere
    else:
        try:
            extends = str(base_path.resolve().relative_to(out.resolve().parent))
        except ValueError:
            extends = str(base_path.resolve())
    header = carried_header(base, year)
    body = yaml.safe_dump({"extends": extends, "scheme": base.scheme, **header}, allow_unicode=True,
                          sort_keys=False, width=110)  # fmt: skip
    head = NEW_FILE_HEADER.format(
        scheme=base.scheme, year=year, base_id=base.id, base_year=base.fiscal_year, prev=year - 1,
        today=(today or dt.date.today()).isoformat(), out_name=out.name,
    )  # fmt: skip
    return head + body
