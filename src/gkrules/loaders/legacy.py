"""Legacy office formats (.doc, .wps, .xls, .et, .rtf): converted through LibreOffice when it
is installed (``soffice --headless --convert-to docx|xlsx``), otherwise refused with a
message that says how to convert them. Never a crash: a conversion that fails or overruns
its time limit is an InputError too.

LibreOffice runs in a private, throw-away profile (so concurrent conversions do not fight
over a lock), in its own process group, which is killed when the time limit passes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import attrs

from gkrules.errors import InputError, UnsupportedFormatError
from gkrules.loaders import sniff
from gkrules.loaders.options import LoadOptions
from gkrules.model import Document

EXTENSIONS = (".doc", ".wps", ".rtf", ".xls", ".et")
_TARGET = {".doc": "docx", ".wps": "docx", ".rtf": "docx", ".xls": "xlsx", ".et": "xlsx"}
_NAMES = {".doc": "Word 97-2003 文档", ".wps": "WPS 文字文档", ".rtf": "RTF 文档", ".xls": "Excel 97-2003 工作簿",
          ".et": "WPS 表格文档"}


def find_soffice() -> str | None:
    """The LibreOffice command: ``GKRULES_SOFFICE`` if set, else ``soffice``/``libreoffice`` on PATH."""
    configured = os.environ.get("GKRULES_SOFFICE")
    if configured:
        return shutil.which(configured) or (configured if os.access(configured, os.X_OK) else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def _target(ext: str, data: bytes) -> str:
    """docx or xlsx: what the file holds (an OLE2 file names its streams), else its extension."""
    held = sniff.ole2_kind(data) if data.startswith(b"\xd0\xcf\x11\xe0") else ""
    return held or _TARGET.get(ext, "docx")


def convert(data: bytes, ext: str, target: str, soffice: str, timeout: float) -> bytes:
    """Bytes of the file converted to ``target`` by LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="gkrules-convert-") as tmp:
        work = Path(tmp)
        src = work / f"input{ext}"
        src.write_bytes(data)
        out = work / "out"
        out.mkdir()
        cmd = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
               "--norestore", "--nologo", "--nolockcheck", "--convert-to", target, "--outdir", str(out), str(src)]
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        except OSError as exc:
            raise InputError(f"无法启动 LibreOffice（{soffice}）转换 {ext} 文件：{exc}") from None
        try:
            _stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise InputError(f"LibreOffice 转换 {ext} 文件超时（{timeout:g} 秒）：请手工另存为 .{target} 后再检查") from None
        finally:
            if proc.poll() is None:  # timed out, or the load budget interrupted us
                _kill_group(proc)
        produced = out / f"input.{target}"
        if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] if stderr else []
            why = f"（{detail[0][:200]}）" if detail else ""
            raise InputError(f"LibreOffice 未能把 {ext} 文件转换为 .{target}{why}：文件可能已损坏或加密，"
                             f"请用 WPS 或 Office 打开后另存为 .{target} 再检查")
        return produced.read_bytes()


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # soffice starts soffice.bin: end the whole group we started
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def load_legacy(data: bytes, source: str, options: LoadOptions) -> Document:
    ext = os.path.splitext(source)[1].lower()
    ext = ext if ext in _TARGET else ".doc"
    target = _target(ext, data)
    soffice = find_soffice() if options.convert_legacy else None
    if soffice is None:
        how = "（已在规则集中关闭 LibreOffice 自动转换）" if not options.convert_legacy else ""
        raise UnsupportedFormatError(
            f"不支持直接检查旧版{_NAMES[ext]}（{ext}）{how}：请用 WPS 或 Office 打开后另存为 .{target} 再检查；"
            f"或安装 LibreOffice（提供 soffice 命令），gkrules 会自动转换")
    converted = convert(data, ext, target, soffice, options.convert_timeout_seconds)
    if target == "docx":
        from gkrules.loaders.office import load_docx

        doc = load_docx(converted, source, options)
    else:
        from gkrules.loaders.office import load_xlsx

        doc = load_xlsx(converted, source, options)
    meta = attrs.evolve(doc.metadata, extra={**doc.metadata.extra, "converted_from": ext.lstrip(".")})
    return attrs.evolve(doc, sha256=hashlib.sha256(data).hexdigest(), metadata=meta)


__all__ = ["EXTENSIONS", "convert", "find_soffice", "load_legacy"]
