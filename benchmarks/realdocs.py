"""The realdocs test set (``../shared/realdocs``): MANIFEST parsing and group-A phrase recall.

Phrase rule (shared by ``tests/test_extract_realdocs.py`` and ``benchmarks/bench_extract.py``): a
phrase is found when :func:`oitbase.thai.fuzzy_contains` finds it in the extracted text, i.e. after
:func:`oitbase.thai.fold` of both, as a substring within ``floor(10 % × folded phrase length)``
Levenshtein edits.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from oitbase.extract import Extracted
from oitbase.thai import FUZZY_TOLERANCE, Folded, fuzzy_contains

REALDOCS = Path(os.environ.get("OIT_REALDOCS", Path(__file__).resolve().parents[2] / "shared" / "realdocs"))

#: Pages the group-A phrases were read from (MANIFEST per-file notes); page 1 otherwise.
PHRASE_PAGES: dict[str, tuple[int, ...]] = {
    "phichai-contact.pdf": (1, 3),  # "A1 from p1; A2, A3, B2 from p3"
}


@dataclass
class RealDoc:
    name: str
    pages: int
    hard_case: str
    phrases: list[str]

    @property
    def path(self) -> Path:
        return REALDOCS / self.name

    @property
    def phrase_pages(self) -> tuple[int, ...]:
        return PHRASE_PAGES.get(self.name, (1,))


def load_manifest(root: Path = REALDOCS) -> list[RealDoc]:
    """Rows of the MANIFEST table (empty when the set is absent)."""
    manifest = root / "MANIFEST.md"
    if not manifest.exists():
        return []
    docs = []
    for line in manifest.read_text("utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        pages = re.match(r"\d+", cells[1])
        docs.append(RealDoc(name=cells[0].strip("`"), pages=int(pages.group()) if pages else 1,
                            hard_case=cells[7], phrases=[p.strip() for p in cells[-1].split(" · ") if p.strip()]))
    return docs


def found_phrases(ext: Extracted, phrases: list[str], tolerance: float = FUZZY_TOLERANCE) -> list[bool]:
    folded = Folded(ext.text)
    return [fuzzy_contains(folded, p, tolerance) for p in phrases]
