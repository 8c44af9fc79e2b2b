"""Small in-memory reports of many units (the roll-up and unit history tests)."""

from __future__ import annotations

from oitbase.model import ItemResult, Report, ScoreCard

CODES = ("O1", "O2", "O3", "O4")


def unit_report(name: str, score: float, statuses: str, band: str = "", codes: tuple[str, ...] = CODES) -> Report:
    """A report whose items ``codes`` have the statuses of ``statuses`` (P pass, p partial, f fail, u unknown)."""
    status = {"P": "pass", "p": "partial", "f": "fail", "u": "unknown"}
    items = [
        ItemResult(
            code=code,
            name=f"ข้อ {code}",
            sub_indicator="9.1",
            status=status[s],
            confidence=0.9,
            fix=f"เผยแพร่ {code}",
        )
        for code, s in zip(codes, statuses, strict=True)
    ]
    band = band or ("ผ่านดี" if score >= 85 else "ต้องปรับปรุง" if score >= 70 else "ต้องปรับปรุงโดยด่วน")
    return Report(
        unit_name=name,
        url="https://x.go.th",
        unit_type="lao",
        fiscal_year=2568,
        catalog_id="nacc-2568",
        catalog_version="1",
        catalog_confidence="medium",
        run_id=1,
        started="2025-03-01T09:00:00+07:00",
        finished="2025-03-01T09:30:00+07:00",
        partial=False,
        partial_reason="",
        score=ScoreCard(oit=score, indicators={}, sub_indicators={}, band=band),
        items=items,
    )
