"""Legacy Office files (.doc, .xls, .ppt, .rtf) through Debian tools.

First choice: LibreOffice (``soffice``, when installed) converts the file to DOCX/XLSX/PDF, which the
regular extractors read (tables kept). Each conversion gets its own temporary
``-env:UserInstallation`` profile: two conversions sharing a profile silently lose a file.
Fallback: ``catdoc`` / ``xls2csv`` / ``catppt`` from the small Debian package ``catdoc``.
When neither works the file is reported as unsupported, with the reason.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from oitbase.extract import Extracted, PageText, first_lines, text_features

LEGACY_NAMES = {"doc": "Word", "xls": "Excel", "ppt": "PowerPoint", "rtf": "RTF"}
#: LibreOffice target format per legacy extension.
_SOFFICE_TARGET = {"doc": "docx", "rtf": "docx", "xls": "xlsx", "ppt": "pdf"}
_CATDOC = {"doc": ["catdoc", "-w", "-d", "utf-8"], "rtf": ["catdoc", "-w", "-d", "utf-8"],
           "xls": ["xls2csv", "-d", "utf-8", "-q", "0", "-c", "\t"], "ppt": ["catppt", "-d", "utf-8"]}
CONVERT_TIMEOUT_S = 120.0


def _unsupported(ext: str, why: str) -> Extracted:
    return Extracted(kind="other",
                     error=f"ไฟล์ {LEGACY_NAMES[ext]} รูปแบบเก่ายังไม่รองรับหรือเสียหาย (legacy .{ext}: {why})")


def _soffice(body: bytes, ext: str, timeout: float) -> bytes | None:
    exe = shutil.which("soffice")
    if not exe:
        return None
    target = _SOFFICE_TARGET[ext]
    with tempfile.TemporaryDirectory(prefix="oit-lo-") as tmp:
        src = Path(tmp) / f"in.{ext}"
        src.write_bytes(body)
        profile = (Path(tmp) / "profile").as_uri()
        try:
            subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", target, "--outdir", tmp, str(src)],
                           capture_output=True, timeout=timeout)
        except (OSError, subprocess.SubprocessError):
            return None
        out = Path(tmp) / f"in.{target}"
        return out.read_bytes() if out.exists() and out.stat().st_size else None


def _catdoc(body: bytes, ext: str, timeout: float) -> str | None:
    cmd = _CATDOC[ext]
    if not shutil.which(cmd[0]):
        return None
    with tempfile.NamedTemporaryFile(suffix=f".{ext}") as tmp:
        tmp.write(body)
        tmp.flush()
        try:
            proc = subprocess.run([*cmd, tmp.name], capture_output=True, timeout=timeout)
        except (OSError, subprocess.SubprocessError):
            return None
    text = proc.stdout.decode("utf-8", "replace")
    return text if proc.returncode == 0 and text.strip() else None


def extract_legacy(body: bytes, ext: str, url: str = "", *, max_pages: int = 300,
                   timeout: float = CONVERT_TIMEOUT_S) -> Extracted:
    """Text of a legacy Office file; ``kind`` is the extension ("doc", "xls", "ppt", "rtf")."""
    converted = _soffice(body, ext, timeout)
    if converted is not None:
        from oitbase.extract import extract

        ext_doc = extract(converted, "", f"converted.{_SOFFICE_TARGET[ext]}", max_pages=max_pages)
        if not ext_doc.error and "\u00d0\u00cf" not in ext_doc.text[:200]:  # not the OLE header as text
            ext_doc.kind = ext
            for page in ext_doc.pages:
                page.method = ext
            return ext_doc
    text = _catdoc(body, ext, timeout)
    if text is None:
        tools = "LibreOffice or catdoc not installed" if not (shutil.which("soffice") or shutil.which(
            _CATDOC[ext][0])) else "conversion failed"
        return _unsupported(ext, tools)
    chunks = text.split("\f") if ext in ("xls", "ppt") else [text]
    chunks = [c.strip("\n") for c in chunks if c.strip()] or [""]
    pages = [PageText(number=n, text=c, method=ext, chars=len(c)) for n, c in enumerate(chunks[:max_pages], 1)]
    joined = "\n\n".join(p.text for p in pages)
    features = text_features(joined)
    if ext in ("xls", "ppt"):
        features["pages"] = len(chunks)
        if len(chunks) > max_pages:
            features["pages_skipped"] = len(chunks) - max_pages
    return Extracted(kind=ext, title=next(iter(first_lines(joined, 1)), ""), headings=first_lines(pages[0].text),
                     text=joined, pages=pages, features=features)
