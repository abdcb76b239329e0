"""Hostile and broken files: each ends with a clear error within 5 s and 500 MB, and the
rest of the batch is still checked.

Each file is loaded in a fresh interpreter that reports its own peak resident memory
(``ru_maxrss``: the whole process, imports included, C allocations included — an upper
bound) and the wall-clock time of the load; an address-space limit of 2 GiB protects the
machine if a guard ever fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from loader_makers import (
    XXE_DOCUMENT,
    billion_laughs,
    fake_encrypted_office,
    hidden_xlsx,
    pdf_bomb,
    pdf_pages,
    planted_docx,
    planted_pdf,
    planted_text,
    replace_member,
    zip_bomb_docx,
)

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
from gkrules.errors import GkrulesError
from gkrules.loaders import LoaderRegistry
from gkrules.plugins import PluginManager
registry = LoaderRegistry(PluginManager().loaders())
start = time.perf_counter()
try:
    registry.load_path(Path(sys.argv[1]))
    error = None
except GkrulesError as exc:
    error = exc.message
seconds = time.perf_counter() - start
print(json.dumps({"error": error, "seconds": seconds,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
LIMIT_SECONDS = 5.0
LIMIT_MB = 500.0
W_DOC = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' \
        b"<w:p><w:r><w:t>LOL</w:t></w:r></w:p></w:body></w:document>"
X_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' \
          b'<row r="1"><c r="A1" t="inlineStr"><is><t>LOL</t></is></c></row></sheetData></worksheet>'


def _limit_memory():  # in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def probe(path: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=60,
                          preexec_fn=_limit_memory, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


CASES = {
    # name: (file name, builder(path), words the error must contain)
    "zip-bomb-1GiB": ("bomb.docx", lambda p: zip_bomb_docx(p), "压缩炸弹"),
    "zip-bomb-lying-header": ("bomb-lying.docx", lambda p: zip_bomb_docx(p, lie=True), "已损坏"),
    "xxe-docx": ("xxe.docx", lambda p: p.write_bytes(replace_member(planted_docx(), "word/document.xml",
                                                                    XXE_DOCUMENT)), "DTD"),
    "billion-laughs-docx": ("laughs.docx", lambda p: p.write_bytes(replace_member(
        planted_docx(), "word/document.xml", billion_laughs(W_DOC))), "实体"),
    "billion-laughs-xlsx": ("laughs.xlsx", lambda p: p.write_bytes(replace_member(
        hidden_xlsx(), "xl/worksheets/sheet1.xml", billion_laughs(X_SHEET))), "实体"),
    "truncated-docx": ("cut.docx", lambda p: p.write_bytes(planted_docx()[: len(planted_docx()) * 2 // 3]), "已损坏"),
    "encrypted-pdf": ("locked.pdf", lambda p: p.write_bytes(pdf_pages([["秘密"]], encrypt="secret")), "已加密"),
    "pdf-as-docx": ("report.docx", lambda p: p.write_bytes(planted_pdf()), "扩展名与内容不符"),
    "pdf-bomb-1GiB": ("bomb.pdf", lambda p: p.write_bytes(pdf_bomb()), "上限"),
    "encrypted-office": ("locked.xlsx", lambda p: p.write_bytes(fake_encrypted_office()), "已加密"),
    "empty-file": ("empty.txt", lambda p: p.write_bytes(b""), "0 字节"),
    "huge-single-line": ("line.txt", lambda p: p.write_bytes("统计".encode() * (20 << 20 >> 3)), "一行长达"),
    "truncated-pdf": ("cut.pdf", lambda p: p.write_bytes(planted_pdf()[:300]), "PDF"),
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, build, _words in CASES.values():
        build(folder / name)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_gives_a_clear_error_in_bounded_time_and_memory(case, hostile_dir):
    name, _build, words = CASES[case]
    result = probe(hostile_dir / name)
    assert result["error"] is not None, f"{case}: loaded without error"
    assert words in result["error"], result["error"]
    assert "Traceback" not in result["error"]
    assert result["seconds"] < LIMIT_SECONDS, result
    assert result["maxrss_mb"] < LIMIT_MB, result


@pytest.mark.slow
def test_batch_with_hostile_files_still_checks_the_rest(hostile_dir, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name, _build, _words in CASES.values():
        (batch / name).write_bytes((hostile_dir / name).read_bytes())
    (batch / "good.txt").write_text(planted_text(), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gkrules", "check", str(batch), "--format", "json",
                           "--today", "2024-05-20"], capture_output=True, text=True, timeout=120,
                          preexec_fn=_limit_memory)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["complete"] is False
    docs = {Path(d["source"]).name: d for d in report["documents"]}
    assert set(docs) == {name for name, _b, _w in CASES.values()} | {"good.txt"}
    assert [f["rule"] for f in docs["good.txt"]["findings"] if f["checker"] == "confidential-marker"] == ["secrecy-mark"]
    for name, _build, words in CASES.values():
        errors = docs[name]["errors"]
        assert len(errors) == 1 and words in errors[0]["message"], (name, errors)
