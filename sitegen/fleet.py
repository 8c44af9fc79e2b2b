"""A fleet of generated unit sites served on 127.0.0.1, with its units register, for batch tests and benchmarks.

Each site is :func:`sitegen.sampler.sample_spec` of its own seed (layouts, unit types and defects vary by seed) and
served on its own port, so every unit is its own host. ``down`` units point at a port where nothing listens (a site
that is down).
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitegen.build import build_site
from sitegen.ports import free_port
from sitegen.sampler import sample_spec
from sitegen.serve import Pace, serve_directory


@dataclass
class FleetUnit:
    code: str
    name: str
    province: str
    parent: str
    layout: str
    unit_type: str
    fiscal_year: int  # the year the site's documents are of: the register asks for it
    site_dir: Path | None  # None: the unit's site is down
    #: The port the site is served on, the same every time (a unit's address, and so its evidence URLs, stay put).
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def build_fleet(dest: Path, count: int, first_seed: int = 7000, down: int = 1) -> list[FleetUnit]:
    """``count`` units: ``count - down`` generated sites under ``dest`` and ``down`` units whose site is down."""
    units = []
    for i in range(count):
        seed = first_seed + i
        spec = sample_spec(seed)
        site_dir = None
        if i >= down:
            site_dir = dest / f"site-{seed}"
            if not (site_dir / "index.html").exists() and not (site_dir / "routes.json").exists():
                build_site(spec, site_dir)
        units.append(
            FleetUnit(
                code=f"{6000000 + seed}",
                name=spec.unit_name,
                province=spec.province,
                parent=f"อำเภอ{spec.district}",
                layout=spec.layout,
                unit_type=spec.unit_type,
                fiscal_year=spec.fiscal_year,
                site_dir=site_dir,
                port=free_port(),
            )
        )
    return units


@contextlib.contextmanager
def serve_fleet(
    units: list[FleetUnit], instead: dict[str, Path] | None = None, latency: float = 0.0, per_second: float = 0.0
) -> Iterator[list[FleetUnit]]:
    """Serve every unit's site on its port (nothing listens on a down unit's); ``instead`` maps a unit's code to
    another directory to serve for it (a site that changed). ``latency``/``per_second``: each site answers that many
    seconds late and at most that many responses a second (a slow unit server; :class:`sitegen.serve.Pace`)."""
    instead = instead or {}
    with contextlib.ExitStack() as stack:
        for unit in units:
            root = instead.get(unit.code, unit.site_dir)
            if root is not None:
                pace = Pace(latency, per_second) if latency or per_second else None
                stack.enter_context(serve_directory(root, port=unit.port, pace=pace))
        yield units


def write_register(path: Path, units: list[FleetUnit]) -> Path:
    """The units register of the fleet as CSV (UTF-8 with BOM, as Excel writes it)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["code", "name", "url", "type", "province", "parent", "year"])
        for u in units:
            out.writerow([u.code, u.name, u.url, u.unit_type, u.province, u.parent, u.fiscal_year])
    return path
