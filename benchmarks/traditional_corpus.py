"""Score gkrules on a traditional-script copy of the development corpus.

Every text document of every case (txt, html, csv, md; the XML parts of docx and xlsx) is
converted simplified → traditional with OpenCC (s2t, the converter gkrules uses the other way
round); PDFs, other binaries and the JSON sidecars (the host's metadata) are copied as they
are. The copy is scored with the corpus's own score.py, so the figures compare directly with
the simplified run; expected.json is unchanged (conversion keeps every line where it was).

    python benchmarks/traditional_corpus.py --corpus /work/shared/corpus \\
        --cmd "/path/to/venv/bin/gkrules check --format json" [--out /tmp/trad-corpus]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import opencc

TEXT = {".txt", ".html", ".htm", ".csv", ".md", ".xml"}
ZIPPED = {".docx", ".xlsx"}


def convert_file(src: Path, dst: Path, s2t) -> None:
    ext = src.suffix.lower()
    if ext == ".json":
        # labels refer to files and lines, which do not change; sidecars are the host's
        # metadata (enumerated values such as 主动公开), not the document
        shutil.copy2(src, dst)
    elif ext in TEXT:
        raw = src.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            shutil.copy2(src, dst)  # GBK fixtures keep their bytes (the encoding is what they test)
            return
        dst.write_text(s2t.convert(text), encoding="utf-8", newline="")
    elif ext in ZIPPED:
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename.endswith(".xml"):
                    data = s2t.convert(data.decode("utf-8")).encode("utf-8")
                zout.writestr(item, data)
    else:
        shutil.copy2(src, dst)


def build(corpus: Path, out: Path) -> None:
    s2t = opencc.OpenCC("s2t")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(corpus, out, ignore=shutil.ignore_patterns("cases"))
    for src in sorted((corpus / "cases").rglob("*")):
        dst = out / src.relative_to(corpus)
        if src.is_dir():
            dst.mkdir(parents=True, exist_ok=True)
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        convert_file(src, dst, s2t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="gkrules-trad-")) / "corpus"
    build(args.corpus, out)
    result = out / "result.json"
    subprocess.run([sys.executable, str(out / "score.py"), "--cmd", args.cmd, "--json", str(result)], check=True)
    print(json.dumps(json.loads(result.read_text()).get("summary", {}), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
