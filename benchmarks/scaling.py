"""Time and peak memory of one document against its size, for plain text and for PDF (issue 19).

    python benchmarks/scaling.py                      # ~10 min on a 2-core machine; writes benchmarks/SCALING.md
    python benchmarks/scaling.py --text-kb 10,160 --pdf-pages 1,10 --out /tmp/s.md    # a quick look

Each document is extracted in a fresh process that has built the pipeline and extracted one
sentence first, so the figures are of the document alone: CPU seconds (user + system) of
the command line's path (reading, ``extract.iter_paragraphs``, a JSON line per record kept until
the input is done), and the process's peak resident memory (VmHWM) with what
it adds over the loaded pipeline. The text is the distinct text at hand, in this order: the
library documents of ``corpus/raw`` and ``corpus/dev/raw`` and the TimeBank 1.2 + AQUAINT news
of ``../shared/devdata/timebank`` (when present), blank-line separated; a larger size repeats
it. Each PDF is made here with fpdf2 from the same text: A4, a running header, a page number,
a bold heading and ~450 words a page. The slope is the least-squares slope of log(CPU) against
log(characters): 1.0 is time linear in the size, 2.0 quadratic.
"""

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LIBRARY_DIRS = (ROOT / "corpus" / "raw", ROOT / "corpus" / "dev" / "raw")
TIMEBANK = ROOT.parent / "shared" / "devdata" / "timebank"
OUT = HERE / "SCALING.md"
TEXT_KB = (10, 40, 160, 640, 2560, 10240, 20480)        # 10 KB to 20 MB, each 4x the last but one
PDF_PAGES = (1, 10, 100, 400, 1400)
PAGE_WORDS = 450                                        # one A4 page of a report at 11 pt
WARM_UP = "On 3 May 2021 the director of the National Library of Spain visited Ankara University."


# ------------------------------------------------------------------------------- inputs

def pool() -> str:
    """All distinct text at hand, documents apart by a blank line."""
    sys.path.insert(0, str(ROOT / "src"))
    from coopextract.read import read

    texts, seen = [], set()
    for folder in LIBRARY_DIRS:
        for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".pdf")):
            texts.append(read(str(path)).text.strip())
    if TIMEBANK.is_dir():
        sys.path.insert(0, str(HERE))
        from timebank import read_tml

        from coopextract.read.text import normalise

        texts += [normalise(read_tml(path)[1]).strip() for path in sorted(TIMEBANK.rglob("*.tml"))]
    out = []
    for text in texts:
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return "\n\n".join(out)


def text_of(source: str, chars: int) -> str:
    """``chars`` characters of ``source`` (repeated as needed), cut at a paragraph end."""
    whole = source * (chars // len(source) + 1)
    cut = whole.rfind("\n\n", 0, chars)
    return whole[: cut if cut > chars // 2 else chars].strip() + "\n"


def make_pdf(path: Path, source: str, pages: int) -> int:
    """A report of ``pages`` pages set from ``source``; returns its number of words."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            self.set_font("helvetica", size=8)
            self.cell(0, 6, "Annual Report of the National Library", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("helvetica", size=8)
            self.cell(0, 6, str(self.page_no()), align="C")

    words = source.encode("latin-1", "replace").decode("latin-1").split()
    pdf = Report()
    pdf.set_auto_page_break(False)
    at = 0
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("helvetica", style="B", size=13)
        pdf.cell(0, 8, f"Cooperation with partners, part {page + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font("helvetica", size=11)
        for _ in range(5):
            chunk = [words[(at + i) % len(words)] for i in range(PAGE_WORDS // 5)]
            at += len(chunk)
            for line in textwrap.wrap(" ".join(chunk), 88):
                pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5.5)
    pdf.output(str(path))
    return at


# ------------------------------------------------------------------------------- the worker

def _hwm_mb() -> float:
    """Peak resident memory of this process since it started (VmHWM), MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker(path: str) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from coopextract import extract_text
    from coopextract.extract import iter_paragraphs
    from coopextract.read import read
    from coopextract.records import to_json_line

    extract_text(WARM_UP)
    loaded = _hwm_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    lines, paragraphs, events = [], 0, 0     # as the command line does: one input's JSON lines, records let go
    for paragraph in iter_paragraphs(read(path)):
        lines.append(to_json_line(paragraph))
        paragraphs += 1
        events += len(paragraph.events)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    chars = len(read(path).text) if path.endswith(".pdf") else len(Path(path).read_text(encoding="utf-8"))
    return {"cpu": cpu, "wall": wall, "peak_mb": _hwm_mb(), "loaded_mb": loaded, "chars": chars,
            "paragraphs": paragraphs, "events": events}


def measure(path: Path) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([sys.executable, __file__, "--worker", str(path)], capture_output=True, text=True,
                          env=env, timeout=3600)
    if done.returncode:
        raise SystemExit(f"scaling.py: the worker failed on {path}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------------------- report

def slope(points) -> float:
    """Least-squares slope of log(y) against log(x)."""
    xs, ys = [math.log(x) for x, _ in points], [math.log(max(y, 1e-9)) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def table(rows, first: str) -> list[str]:
    lines = [f"| {first} | characters | words | CPU s | µs per character | peak MB | over the loaded pipeline MB | events |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, words, r in rows:
        lines.append(f"| {label} | {r['chars']:,} | {words:,} | {r['cpu']:.2f} | {1e6 * r['cpu'] / r['chars']:.1f} | "
                     f"{r['peak_mb']:.0f} | {r['peak_mb'] - r['loaded_mb']:.0f} | {r['events']:,} |")
    return lines


def report(text_rows, pdf_rows, pool_chars: int, minutes: float) -> str:
    out = ["# Scaling: one document, time and peak memory against its size",
           "",
           "Written by `python benchmarks/scaling.py` (issue 19). Each document runs alone in a fresh process "
           "after the pipeline is built and warmed on one sentence; CPU is user + system seconds of "
           "the command line's path (reading, `extract.iter_paragraphs`, a JSON line per record kept until the input is done), peak is the process's VmHWM. The slope is the least-squares "
           "slope of log CPU (or log of the memory added) against log characters: 1.0 is linear.",
           "",
           f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
           f"distinct text at hand {pool_chars:,} characters (larger sizes repeat it); run took {minutes:.1f} min.",
           ""]
    for name, rows, first in (("Plain text (.txt)", text_rows, "size"), ("PDF (fpdf2, ~450 words a page)", pdf_rows, "pages")):
        if not rows:
            continue
        out += [f"## {name}", ""] + table(rows, first) + [""]
        if len(rows) >= 2:
            cpu = slope([(r["chars"], r["cpu"]) for _, _, r in rows])
            added = slope([(r["chars"], max(r["peak_mb"] - r["loaded_mb"], 1.0)) for _, _, r in rows])
            per = [1e6 * r["cpu"] / r["chars"] for _, _, r in rows]
            out += [f"Slope of CPU against size: **{cpu:.2f}** (µs per character from {per[0]:.1f} to {per[-1]:.1f}); "
                    f"slope of the memory added: {added:.2f}; peak from {rows[0][2]['peak_mb']:.0f} MB to "
                    f"{rows[-1][2]['peak_mb']:.0f} MB.", ""]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--text-kb", default=",".join(map(str, TEXT_KB)), help="text sizes, KB (1024 characters)")
    parser.add_argument("--pdf-pages", default=",".join(map(str, PDF_PAGES)), help="PDF page counts")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return 0
    started = time.perf_counter()
    source = pool()
    text_rows, pdf_rows = [], []
    with tempfile.TemporaryDirectory(prefix="coop_scaling_") as tmp:
        for kb in (int(k) for k in args.text_kb.split(",") if k):
            path = Path(tmp) / f"text_{kb}kb.txt"
            text = text_of(source, kb * 1024)
            path.write_text(text, encoding="utf-8")
            result = measure(path)
            path.unlink()
            label = f"{kb / 1024:g} MB" if kb >= 1024 else f"{kb} KB"
            text_rows.append((label, len(text.split()), result))
            print(f"text {label}: {result['cpu']:.2f} s CPU, peak {result['peak_mb']:.0f} MB", file=sys.stderr)
        for pages in (int(n) for n in args.pdf_pages.split(",") if n):
            path = Path(tmp) / f"report_{pages}.pdf"
            words = make_pdf(path, source, pages)
            result = measure(path)
            path.unlink()
            pdf_rows.append((f"{pages:,}", words, result))
            print(f"pdf {pages} pages: {result['cpu']:.2f} s CPU, peak {result['peak_mb']:.0f} MB", file=sys.stderr)
    Path(args.out).write_text(report(text_rows, pdf_rows, len(source), (time.perf_counter() - started) / 60) + "\n",
                              encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
