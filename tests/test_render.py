"""The review page: highlights, evidence, events table, timeline, gold differences, and the
page itself running without error in headless Chromium (skipped where Chromium is absent)."""

import html
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coopextract.records import DateValue, Event, Institution, Location, Paragraph, Person, Quantity, Source
from coopextract.review.evaluate import date_value_key as date_key
from coopextract.review.render import (
    DocView, gold_diff, render_page, render_paragraph, render_report,
    render_timeline, timeline_columns, _tick_step,
)

ROOT = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------------------------
# Records built by hand: a news item about a visit during which books were presented.

VISIT_TEXT = ("On 12 May 2023 a delegation of the National Parliamentary Library of Georgia headed by "
              "Director Nino Kavtaradze visited the National Library in Baku and presented 40 books. "
              "The sides agreed to hold a joint exhibition in Tbilisi.")
BASE = 500  # the paragraph's offset in its document: records carry document offsets


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return BASE + start, BASE + start + len(part)


def make_date(text, part, start, end=None, precision="day", inferred=False):
    a, b = span(text, part)
    end = end or start
    edtf = start if end == start else f"{start}/{end}"
    return DateValue(text=part, edtf=edtf, start=start, end=end, precision=precision, inferred=inferred,
                     char_start=a, char_end=b)


def make_event(n, etype, evidence, date=None, people=(), institutions=(), quantities=(), para=3, offsets=True,
               text=VISIT_TEXT):
    a, b = span(text, evidence) if offsets else (None, None)
    return Event(id=f"news:p{para}:e{n}", doc_id="news",
                 source=Source(path="news.txt", paragraph=para, char_start=BASE, char_end=BASE + len(text)),
                 event_type=etype, date=date, people=list(people), institutions=list(institutions),
                 quantities=list(quantities), evidence=evidence, confidence=0.8,
                 evidence_char_start=a, evidence_char_end=b)


def visit_paragraph(with_offsets=True) -> Paragraph:
    t = VISIT_TEXT
    date = make_date(t, "12 May 2023", "2023-05-12")
    person = Person(name="Nino Kavtaradze", title="Director", char_start=span(t, "Nino Kavtaradze")[0],
                    char_end=span(t, "Nino Kavtaradze")[1])
    georgia = Institution(name="National Parliamentary Library of Georgia", country="GE",
                          char_start=span(t, "National Parliamentary Library of Georgia")[0],
                          char_end=span(t, "National Parliamentary Library of Georgia")[1])
    national = Institution(name="National Library", char_start=span(t, "National Library")[0],
                           char_end=span(t, "National Library")[1])
    baku = Location(name="Baku", country="AZ", char_start=span(t, "Baku")[0], char_end=span(t, "Baku")[1])
    tbilisi = Location(name="Tbilisi", country="GE", char_start=span(t, "Tbilisi")[0], char_end=span(t, "Tbilisi")[1])
    books = Quantity(value=40, what="books", char_start=span(t, "40 books")[0], char_end=span(t, "40 books")[1])
    first = t[: t.index("books.") + len("books.")]
    second = t[len(first) + 1:]
    events = [
        make_event(0, "visit", first, date, [person], [georgia, national], offsets=with_offsets),
        make_event(1, "donation", first, date, [person], [georgia], [books], offsets=with_offsets),
        make_event(2, "agreement", second, None, [], [], offsets=with_offsets),
    ]
    return Paragraph(doc_id="news", source=Source(path="news.txt", paragraph=3, char_start=BASE,
                                                 char_end=BASE + len(t)),
                     section=None, text=t, dates=[date], people=[person], institutions=[georgia, national],
                     locations=[baku, tbilisi], events=events)


def dated_event(n, etype, start, para=0):
    text = f"Event {n} of type {etype} took place."
    src = Source(path="d.txt", paragraph=para, char_start=0, char_end=len(text))
    date = None if start is None else DateValue(text=start, edtf=start, start=start, end=start,
                                                precision="year" if len(start) == 4 else "day",
                                                char_start=0, char_end=1)
    return Event(id=f"d:p{para}:e{n}", doc_id="d", source=src, event_type=etype, date=date,
                 evidence=text, confidence=0.5)


def mark_pattern(text: str, label: str) -> str:
    """displaCy's entity markup: the text, then its label, inside one <mark>."""
    return r'<mark class="entity"[^>]*>\s*' + re.escape(text) + r'\s*<span[^>]*>\s*' + re.escape(label) + r'\s*</span>'


# ---------------------------------------------------------------------------------------------
# Highlights and evidence in the text


@pytest.mark.parametrize("text, label", [
    ("12 May 2023", "DATE"),
    ("Nino Kavtaradze", "PERSON"),
    ("National Parliamentary Library of Georgia", "ORG"),
    ("Baku", "LOC"),
    ("Tbilisi", "LOC"),
])
def test_each_entity_is_highlighted_with_its_kind(text, label):
    page = render_paragraph(visit_paragraph(), 0, None)
    assert re.search(mark_pattern(text, label), page), f"{text} not highlighted as {label}"


@pytest.mark.parametrize("with_offsets", [True, False], ids=["evidence-offsets", "evidence-found-in-text"])
def test_evidence_is_wrapped_and_badged_with_every_event_type_it_states(with_offsets):
    page = render_paragraph(visit_paragraph(with_offsets), 0, None)
    pieces = re.findall(r'<span class="evidence".*?(?=<span class="evidence"|$)', page, flags=re.S)
    assert len(pieces) == 2  # the visit+donation sentence, and the agreement sentence
    badges = [re.findall(r'<span class="badge"[^>]*>(\w+)</span>', p) for p in pieces]
    assert badges == [["visit", "donation"], ["agreement"]]
    assert 'id="ev-0-news_p3_e0"' in page and 'id="ev-0-news_p3_e2"' in page


def test_nested_entities_keep_the_longest_and_text_is_escaped():
    text = 'The <b>Library named after Nizami Ganjavi</b> & "friends"'
    inst = Institution(name="Library named after Nizami Ganjavi", char_start=text.index("Library"),
                       char_end=text.index("</b>"))
    person = Person(name="Nizami Ganjavi", char_start=text.index("Nizami"), char_end=text.index("</b>"))
    p = Paragraph(doc_id="x", source=Source(path="x.txt", paragraph=0, char_start=0, char_end=len(text)),
                  text=text, people=[person], institutions=[inst])
    page = render_paragraph(p, 0, None)
    assert re.search(mark_pattern("Library named after Nizami Ganjavi", "ORG"), page)
    assert "PERSON" not in page
    assert "<b>" not in page and "&lt;b&gt;" in page


def test_entity_offsets_outside_the_paragraph_are_skipped_not_fatal():
    p = visit_paragraph()
    p.locations.append(Location(name="Nowhere", char_start=BASE + 10_000, char_end=BASE + 10_007))
    page = render_paragraph(p, 0, None)
    assert "Nowhere" not in page and re.search(mark_pattern("Baku", "LOC"), page)


# ---------------------------------------------------------------------------------------------
# Events table and timeline


def test_table_has_one_row_per_event_with_type_and_year_for_the_filters():
    view = DocView(doc_id="news", path="news.txt", paragraphs=[visit_paragraph()])
    page = render_page([view])
    rows = re.findall(r'<tr class="event-row[^"]*" data-type="(\w+)" data-year="(\w+)"', page)
    assert rows == [("visit", "2023"), ("donation", "2023"), ("agreement", "none")]
    assert '<option value="2023">2023</option>' in page and '<option value="none">no date</option>' in page
    assert "40 books" in page and "Nino Kavtaradze" in page


@pytest.mark.parametrize("events, bars", [
    ([("visit", "2019"), ("visit", "2019-05-02"), ("agreement", "2021")], {("2019", "visit"), ("2021", "agreement")}),
    ([("donation", "1925"), ("exchange", "2020-01-01")], {("1925", "donation"), ("2020", "exchange")}),
    ([("meeting", None), ("visit", "2000")], {("2000", "visit")}),
])
def test_timeline_has_one_bar_per_year_and_type(events, bars):
    evs = [dated_event(i, t, d) for i, (t, d) in enumerate(events)]
    svg = render_timeline(evs, 0)
    assert set(re.findall(r'class="tl-bar" data-year="(\d+)" data-type="(\w+)"', svg)) == bars
    if any(d is None for _, d in events):
        assert "1 undated event(s) not shown" in svg


@pytest.mark.parametrize("years, columns", [
    ([2019], [2019]),
    ([2021, 2019], [2019, 2020, 2021]),
    ([1900, 1911], list(range(1900, 1912))),          # ten empty years: kept
    ([1760, 1765, 2019, 2020], [1760, 1761, 1762, 1763, 1764, 1765, None, 2019, 2020]),
    ([1918, 2022, 2023], [1918, None, 2022, 2023]),
])
def test_long_empty_stretches_become_one_break_column(years, columns):
    assert timeline_columns(years) == columns


def test_timeline_labels_the_first_year_after_a_break():
    svg = render_timeline([dated_event(0, "agreement", "1918"), dated_event(1, "visit", "2022-03-01"),
                           dated_event(2, "donation", "2023")], 0)
    labels = re.findall(r'class="tick">(\d{4})</text>', svg)
    assert labels[:2] == ["1918", "2022"] and svg.count('class="tl-break"') == 1


def test_timeline_without_dated_events_says_so():
    assert "No dated events (1 undated)" in render_timeline([dated_event(0, "visit", None)], 0)


@pytest.mark.parametrize("n_years, step", [(1, 1), (14, 1), (15, 2), (60, 5), (106, 10), (400, 50)])
def test_year_labels_thin_out_on_long_spans(n_years, step):
    assert _tick_step(n_years) == step


def test_page_is_self_contained_and_deterministic():
    views = [DocView(doc_id="news", path="news.txt", paragraphs=[visit_paragraph()])]
    page = render_page(views)
    assert page == render_page(views)
    assert not re.search(r'<link\b|\bsrc=|https?://', page)
    assert page.count("<script>") == 1 and "<style>" in page


# ---------------------------------------------------------------------------------------------
# All documents: the combined table, links both ways, the network


def two_documents() -> list[DocView]:
    """The visit paragraph, and a second report naming the Georgian library another way."""
    other = visit_paragraph()
    other.doc_id = "report"
    for e in other.events:
        e.doc_id = "report"
        e.id = e.id.replace("news:", "report:")
    other.institutions[0].name = "Georgian National Parliamentary Library"
    return [DocView(doc_id="news", path="news.txt", paragraphs=[visit_paragraph()]),
            DocView(doc_id="report", path="report.txt", paragraphs=[other])]


def test_combined_table_has_every_event_of_every_document_with_canonical_names():
    page = render_page(two_documents())
    rows = re.findall(r'<tr class="corpus-row" id="row-(ev-\d-[\w-]+)" data-doc="(\d)" data-type="(\w+)"', page)
    assert rows == [("ev-0-news_p3_e0", "0", "visit"), ("ev-0-news_p3_e1", "0", "donation"),
                    ("ev-0-news_p3_e2", "0", "agreement"), ("ev-1-report_p3_e0", "1", "visit"),
                    ("ev-1-report_p3_e1", "1", "donation"), ("ev-1-report_p3_e2", "1", "agreement")]
    corpus = page[page.index('id="all-events"'):page.index('id="doc-0"')]
    # one entity across the two documents: the second report's spelling is shown as the canonical name
    assert "Georgian National Parliamentary Library" not in corpus
    assert corpus.count("National Parliamentary Library of Georgia") >= 4
    assert page.count('<tr class="event-row') == 6          # the per-document tables are unchanged
    assert 'class="c-csv"' in page and "new Blob(" in page and 'href="#all-events"' in page


def test_highlighted_events_link_to_their_row_and_rows_link_back():
    page = render_page(two_documents())
    for anchor in ("ev-0-news_p3_e0", "ev-1-report_p3_e2"):
        assert f'<a class="to-row" href="#row-{anchor}">' in page            # text → row
        assert f'id="row-{anchor}"' in page
        assert re.search(rf'<td class="nocsv"><a href="#{anchor}"', page)    # row → text
        assert f'<a id="{anchor}"></a>' in page


def test_network_draws_institutions_that_took_part_in_an_event_together():
    page = render_page(two_documents())
    svg = page[page.index('<svg class="network"'):]
    svg = svg[:svg.index("</svg>")]
    nodes = re.findall(r'<g class="net-node" data-name="([^"]+)" data-id="([^"]+)"', svg)
    # "National Library" without a country in two documents: two libraries, not one
    assert sorted(nodes) == [("National Library", "org:national-library~news"),
                             ("National Library", "org:national-library~report"),
                             ("National Parliamentary Library of Georgia", "org:national-parliamentary-library-of-georgia:ge")]
    edges = re.findall(r'<line class="net-edge"[^>]*data-types="([^"]+)" data-years="([^"]*)"', svg)
    assert edges == [("visit", "2023"), ("visit", "2023")]
    assert "2 joint event(s)" in svg and "https://" not in svg and "xmlns" not in svg


def test_no_network_without_two_institutions_in_one_event():
    view = DocView(doc_id="d", path="d.txt", paragraphs=[Paragraph(doc_id="d", source=e.source, text=e.evidence,
                                                                   events=[e]) for e in [dated_event(0, "visit", "2019")]])
    page = render_page([view])
    assert "No two institutions take part in one event." in page and 'id="all-events"' in page


def test_corpus_table_escapes_what_the_records_hold():
    views = two_documents()
    evil = '<img src=x onerror=alert(1)>"\'&'
    views[0].paragraphs[0].events[0].trigger = evil
    views[0].paragraphs[0].events[0].institutions[0].name = evil + " Library of Georgia"
    views[0].doc_id = evil
    page = render_page(views)
    assert evil not in page and "<img" not in page
    assert html.escape(evil, quote=True) in page
    assert page.count("<script>") == 1


# ---------------------------------------------------------------------------------------------
# Gold comparison


@pytest.mark.parametrize("start, end, edtf, key", [
    ("2022-12-26", "2022-12-29", "2022-12-26/2022-12-29", "2022-12-26/2022-12-29"),
    ("2019-08-20", "2019-08-20", "2019-08-20", "2019-08-20"),
    ("2016", None, "2016/..", "2016/.."),
    ("2021-05", "2021-05", "2021-05", "2021-05"),
])
def test_date_key_is_the_gold_form(start, end, edtf, key):
    d = DateValue(text="x", edtf=edtf, start=start, end=end, precision="day", char_start=0, char_end=1)
    assert date_key(d) == key


def write_gold(tmp_path, **fields) -> Path:
    gold = {"doc": "news.txt", "events": [], "people": [], "institutions": [], "dates": []}
    gold.update(fields)
    path = tmp_path / "news.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


FIRST_SENTENCE = VISIT_TEXT[: VISIT_TEXT.index("books.") + len("books.")]


@pytest.mark.parametrize("gold_events, spurious_ids, missed_types", [
    # same type, date and paragraph: matched
    ([("visit", "2023-05-12", FIRST_SENTENCE)], {"news:p3:e1", "news:p3:e2"}, []),
    # both sentence events, and the undated agreement in the same paragraph
    ([("visit", "2023-05-12", FIRST_SENTENCE), ("donation", "2023-05-12", FIRST_SENTENCE),
      ("agreement", None, "The sides agreed")], set(), []),
    # a type the records lack is missed; the records' events are all spurious
    ([("exhibition", "2024", "a joint exhibition")], {"news:p3:e0", "news:p3:e1", "news:p3:e2"}, ["exhibition"]),
    # a right type with another date does not match
    ([("visit", "2023-05-13", FIRST_SENTENCE)], {"news:p3:e0", "news:p3:e1", "news:p3:e2"}, ["visit"]),
])
def test_gold_diff_events(tmp_path, gold_events, spurious_ids, missed_types):
    from coopextract.review.evaluate import load_gold

    events = [{"event_type": t, "date_start": d, "date_end": None, "evidence": ev} for t, d, ev in gold_events]
    diff = gold_diff([visit_paragraph()], load_gold(write_gold(tmp_path, events=events)))
    assert diff.spurious["events"] == spurious_ids
    assert [g.event_type for g in diff.missed["events"]] == missed_types


def test_gold_diff_lists_missed_and_spurious_items_and_the_page_marks_them(tmp_path):
    from coopextract.review.evaluate import load_gold

    gold = load_gold(write_gold(
        tmp_path, people=["Nino Kavtaradze", "Levan Beridze"],
        institutions=["National Parliamentary Library of Georgia"], dates=["2023-05-12", "2024"],
        events=[{"event_type": "exhibition", "date_start": "2024", "evidence": "a joint exhibition"}]))
    diff = gold_diff([visit_paragraph()], gold)
    assert diff.missed["people"] == ["Levan Beridze"]
    assert diff.missed["dates"] == ["2024"]
    assert diff.spurious["institutions"] == {"National Library"}
    assert diff.spurious["people"] == set() and diff.spurious["dates"] == set()
    assert (diff.fields["people"].tp, diff.fields["people"].fn, diff.fields["people"].fp) == (1, 1, 0)
    page = render_page([DocView(doc_id="news", path="news.txt", paragraphs=[visit_paragraph()], diff=diff)])
    assert re.search(mark_pattern("National Library", "ORG ✗"), page)
    assert re.search(mark_pattern("National Parliamentary Library of Georgia", "ORG"), page)
    assert re.search(mark_pattern("Nino Kavtaradze", "PERSON"), page)
    assert page.count('class="event-row spurious"') == 3
    assert "Levan Beridze" in page and "a joint exhibition" in page


def test_missed_gold_names_are_marked_where_the_text_writes_them(tmp_path):
    from coopextract.review.evaluate import load_gold

    para = visit_paragraph()
    para.people = []
    gold = load_gold(write_gold(tmp_path, people=["Nino Kavtaradze"],
                                institutions=["National Library", "Library of Georgia"]))
    page = render_paragraph(para, 0, gold_diff([para], gold))
    assert re.search(mark_pattern("Nino Kavtaradze", "MISSED PERSON"), page)
    # a missed name inside one the records hold does not hide it
    assert re.search(mark_pattern("National Parliamentary Library of Georgia", "ORG ✗"), page)
    assert "MISSED ORG" not in page


def test_gold_aliases_make_a_short_form_count_as_the_gold_name(tmp_path):
    from coopextract.review.evaluate import load_gold

    gold = load_gold(write_gold(tmp_path, institutions=["National Library of Azerbaijan",
                                                        "National Parliamentary Library of Georgia"],
                                aliases={"National Library": "National Library of Azerbaijan"}))
    diff = gold_diff([visit_paragraph()], gold)
    assert diff.spurious["institutions"] == set() and diff.missed["institutions"] == []


# ---------------------------------------------------------------------------------------------
# render_report on files


NEWS = ("On 12 May 2023 a delegation of the National Library of Georgia visited the National Library "
        "of Azerbaijan in Baku.\n\nThe guests presented books about Georgian history to the library.\n")


def test_report_renders_good_inputs_and_counts_bad_ones(tmp_path):
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    errors, out = [], io.StringIO()
    failed = render_report([str(tmp_path)], out, on_error=errors.append)
    assert failed == 1 and len(errors) == 1 and "empty.txt" in errors[0]
    page = out.getvalue()
    assert 'id="doc-0"' in page and "news" in page and "presented books" in page
    assert 'id="doc-1"' not in page


@pytest.mark.parametrize("gold_text, failed, note", [
    (None, 0, "no gold file news.json"),
    ("{not json", 1, "gold file unreadable"),
    ('{"doc": "news.txt", "evnts": []}', 1, "unknown keys"),
    ('{"doc": "news.txt", "events": [], "people": ["Nino Kavtaradze"], "institutions": [], "dates": []}', 0,
     "Differences from the gold"),
])
def test_report_with_gold_dir(tmp_path, gold_text, failed, note):
    raw, gold = tmp_path / "raw", tmp_path / "gold"
    raw.mkdir()
    gold.mkdir()
    (raw / "news.txt").write_text(NEWS, encoding="utf-8")
    if gold_text is not None:
        (gold / "news.json").write_text(gold_text, encoding="utf-8")
    errors, out = [], io.StringIO()
    assert render_report([str(raw)], out, gold=gold, on_error=errors.append) == failed
    assert len(errors) == failed
    assert note in out.getvalue()


def test_regression_line_separator_inside_a_paragraph_does_not_split_its_record(tmp_path):
    (tmp_path / "ls.txt").write_text("The library received books\u2028from partners in 2021.\n", encoding="utf-8")
    errors, out = [], io.StringIO()
    assert render_report([str(tmp_path)], out, on_error=errors.append) == 0 and errors == []
    assert "from partners" in out.getvalue()


def test_missing_gold_directory_is_reported_and_the_page_still_written(tmp_path):
    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    errors, out = [], io.StringIO()
    assert render_report([str(tmp_path / "news.txt")], out, gold=tmp_path / "nope", on_error=errors.append) == 1
    assert len(errors) == 1 and "gold directory not found" in errors[0]
    assert "presented books" in out.getvalue()


# ---------------------------------------------------------------------------------------------
# In a real browser


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = _chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium; .ci/run does)")
CHROMIUM_TIMEOUT = 120  # seconds; a cold start on a busy 2-core machine takes ~5


def run_chromium(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'chromium-profile'}", "--enable-logging=stderr", "--v=0",
            *extra, page.resolve().as_uri()]
    return subprocess.run(args, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def body_data(dom: str) -> dict:
    body = re.search(r"<body([^>]*)>", dom)
    assert body, "no <body> in the dumped DOM"
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', body.group(1)))


@needs_chromium
def test_corpus_page_runs_without_errors_in_chromium(tmp_path):
    out_dir = ROOT / "output"
    out_dir.mkdir(exist_ok=True)
    report, jsonl = out_dir / "report.html", tmp_path / "events.jsonl"
    cli = [sys.executable, "-m", "coopextract.run.cli"]
    subprocess.run(cli + ["render", str(ROOT / "corpus/raw"), "-o", str(report)], check=True, cwd=ROOT)
    subprocess.run(cli + ["extract", str(ROOT / "corpus/raw"), "--level", "event", "-o", str(jsonl)], check=True,
                   cwd=ROOT)
    n_events = sum(1 for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip())

    done = run_chromium(report, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    data = body_data(done.stdout)
    assert console_messages(done.stderr) == []
    assert "errors" not in data
    assert data.get("ready") == "ok"
    assert done.stdout.count('<tr class="event-row') == n_events == int(data["events"])

    shot = out_dir / "review-page.png"
    shot.unlink(missing_ok=True)
    run_chromium(report, tmp_path, f"--screenshot={shot}", "--window-size=1400,2000")
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


PROBE = """<script>
var doc = document.querySelector("section.doc"), type = doc.querySelector(".f-type");
var visible = function () { return doc.querySelectorAll("tr.event-row:not([hidden])").length; };
type.value = "visit"; type.dispatchEvent(new Event("change"));
document.body.dataset.visits = visible();
type.value = ""; type.dispatchEvent(new Event("change"));
var year = doc.querySelector(".f-year"); year.value = "2019"; year.dispatchEvent(new Event("change"));
document.body.dataset.in2019 = visible();
year.value = ""; year.dispatchEvent(new Event("change"));
var th = doc.querySelector('th[data-key="date"]');
th.click(); document.body.dataset.firstAsc = doc.querySelector("tr.event-row").dataset.date;
th.click(); document.body.dataset.firstDesc = doc.querySelector("tr.event-row").dataset.date;
doc.querySelector('.tl-bar[data-year="2021"]').dispatchEvent(new MouseEvent("click"));
document.body.dataset.afterBar = visible();
document.body.dataset.shown = doc.querySelector(".shown").textContent;
</script></body>"""


@needs_chromium
def test_filters_sorting_and_timeline_clicks_work_in_chromium(tmp_path):
    events = [dated_event(0, "visit", "2021-03-04", 0), dated_event(1, "visit", "2019", 1),
              dated_event(2, "agreement", "2019-06-01", 2), dated_event(3, "meeting", None, 3),
              dated_event(4, "donation", "2021-01-10", 4)]
    paragraphs = [Paragraph(doc_id="d", source=e.source, text=e.evidence, events=[e]) for e in events]
    page = render_page([DocView(doc_id="d", path="d.txt", paragraphs=paragraphs)]).replace("</body>", PROBE)
    path = tmp_path / "probe.html"
    path.write_text(page, encoding="utf-8")
    done = run_chromium(path, tmp_path, "--dump-dom")
    data = body_data(done.stdout)
    assert console_messages(done.stderr) == [] and data.get("ready") == "ok"
    assert (data["visits"], data["in2019"]) == ("2", "2")
    assert data.get("first-asc") == "2019"
    assert data.get("first-desc") == "2021-03-04"
    assert data.get("after-bar") == "2" and data.get("shown") == "2 of 5 events shown"


CORPUS_PROBE = """<script>
var sec = document.getElementById("all-events"), set = function (key, value) { document.body.dataset[key] = value; };
var shownRows = function () { return sec.querySelectorAll("tr.corpus-row:not([hidden])").length; };
var shownEdges = function () {
  return Array.prototype.filter.call(sec.querySelectorAll(".net-edge"), function (l) { return l.style.display !== "none"; }).length;
};
var type = sec.querySelector(".c-type"), year = sec.querySelector(".c-year"), doc = sec.querySelector(".c-doc");
type.value = "visit"; type.dispatchEvent(new Event("change")); set("cVisits", shownRows());
type.value = ""; type.dispatchEvent(new Event("change"));
doc.value = "1"; doc.dispatchEvent(new Event("change")); set("cDoc", shownRows());
doc.value = ""; doc.dispatchEvent(new Event("change"));
year.value = "none"; year.dispatchEvent(new Event("change")); set("cEdgesNone", shownEdges()); set("cUndated", shownRows());
year.value = ""; year.dispatchEvent(new Event("change")); set("cEdgesAll", shownEdges());
sec.querySelector('.net-node[data-id="org:national-library~report"]').dispatchEvent(new MouseEvent("click"));
set("cAfterNode", shownRows());
var size = -1;
URL.createObjectURL = function (blob) { size = blob.size; return "#"; };
HTMLAnchorElement.prototype.click = function () {};
sec.querySelector(".c-csv").click(); set("cCsv", size);
var th = sec.querySelector('th[data-key="doc"]'); th.click(); th.click();
set("cFirstDesc", sec.querySelector("tr.corpus-row").dataset.doc);
</script></body>"""


@needs_chromium
def test_corpus_table_filters_network_and_download_work_in_chromium(tmp_path):
    page = render_page(two_documents()).replace("</body>", CORPUS_PROBE)
    path = tmp_path / "corpus-probe.html"
    path.write_text(page, encoding="utf-8")
    done = run_chromium(path, tmp_path, "--dump-dom")
    data = body_data(done.stdout)
    assert console_messages(done.stderr) == [] and data.get("ready") == "ok"
    assert (data["c-visits"], data["c-doc"], data["c-undated"]) == ("2", "3", "2")
    assert (data["c-edges-none"], data["c-edges-all"]) == ("0", "2")
    assert data["c-after-node"] == "1"             # the report's visit: its "National Library" only
    assert int(data["c-csv"]) > 100 and data["c-first-desc"] == "1"

