"""Documents as users have them (issue 17): Markdown, HTML tables and headings, Word files,
web addresses, colliding file names, PDF hyphens and title-case headings, ref_date checks."""

import functools
import http.server
import io
import threading

import pytest

from builders import make_pdf
from coopextract import extract_file, extract_text
from coopextract.errors import EmptyInput, InputError
from coopextract.pipeline.segment import heading_kind, lower_words, segment
from coopextract.read import SourceText, read
from coopextract.read.markdown import inline, markdown_blocks
from coopextract.read.pdf import join_hyphenated
from coopextract.run.batch import run_batch, unique_doc_ids

VISITS_MD = """# Annual Report 2022

Our partner, the [National Library of Wales](https://library.wales), **signed** a _memorandum_ with `us`.

## International Relations

- 5 May 2022: a delegation of the National Library of Estonia visited the library
- 3 July 2022: agreement signed with the Royal Library of Denmark

| Date | Partner | Event |
|------|---------|-------|
| 12 March 2022 | British Library | A delegation of the British Library visited the library. |
"""

VISITS_HTML = """<html><head><title>Visits</title><meta name="date" content="2022-12-20"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<article>
<h1>International visits in 2022</h1>
<p>In 2022 the National Library of Wales received several delegations from partner libraries abroad,
listed in the table below.</p>
<h2>Delegations</h2>
<table>
<tr><th>Date</th><th>Visitor</th><th>Event</th></tr>
<tr><td>12 March 2022</td><td>British Library</td><td>A delegation of the British Library visited the library.</td></tr>
<tr><td>3 July 2022</td><td>Royal Library of Denmark</td><td>The two libraries signed a memorandum of understanding.</td></tr>
</table>
</article>
<footer>Copyright 2022</footer>
</body></html>
"""


def events_of(paragraphs):
    return [(e.event_type, e.date.start if e.date else None) for p in paragraphs for e in p.events]


def offsets_hold(source, paragraphs):
    for p in paragraphs:
        assert source.text[p.source.char_start:p.source.char_end] == p.text
        for span in [*p.people, *p.institutions, *p.locations, *p.dates]:
            assert source.text[span.char_start:span.char_end] in (getattr(span, "name", None), getattr(span, "text", None)) \
                or span.char_end <= len(source.text)


# ---------------------------------------------------------------- Markdown


@pytest.mark.parametrize("markdown, plain", [
    ("[National Library of Wales](https://library.wales)", "National Library of Wales"),
    ("![logo](logo.png) and [a link][ref]", "logo and a link"),
    ("**bold**, __strong__, *em*, _em_ and ~~gone~~", "bold, strong, em, em and gone"),
    ("`code` and ``double `tick` code``", "code and double `tick` code"),
    ("snake_case_word and 5 * 3 * 2 stay", "snake_case_word and 5 * 3 * 2 stay"),
    (r"an escaped \*star\*", "an escaped *star*"),
    ("<https://example.org>", "https://example.org"),
])
def test_markdown_inline_markup_is_removed(markdown, plain):
    assert inline(markdown) == plain


def test_markdown_blocks_headings_items_and_rows():
    blocks = markdown_blocks(VISITS_MD + "\nSetext Title\n============\n\n> a quoted line\n")
    assert blocks == [
        ("Annual Report 2022", True),
        ("Our partner, the National Library of Wales, signed a memorandum with us.", False),
        ("International Relations", True),
        ("5 May 2022: a delegation of the National Library of Estonia visited the library", False),
        ("3 July 2022: agreement signed with the Royal Library of Denmark", False),
        ("Date | Partner | Event", False),
        ("12 March 2022 | British Library | A delegation of the British Library visited the library.", False),
        ("Setext Title", True),
        ("a quoted line", False),
    ]


def test_markdown_document_sections_names_and_events(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(VISITS_MD, encoding="utf-8")
    source = read(path)
    paragraphs = extract_file(path)
    offsets_hold(source, paragraphs)
    names = {i.name for p in paragraphs for i in p.institutions}
    assert "National Library of Wales" in names
    assert not any("](" in n or "**" in n for n in names)
    assert [p.section for p in paragraphs][1:3] == ["Annual Report 2022", "International Relations"]
    assert ("visit", "2022-05-05") in events_of(paragraphs)        # a list item is its own sentence
    assert ("visit", "2022-03-12") in events_of(paragraphs)        # a table row


def test_markdown_list_items_led_by_a_date_are_body_text_with_their_events(tmp_path):
    path = tmp_path / "partners.md"
    path.write_text("# Partners\n\n- 3 July 2022: agreement signed with the Royal Library of Denmark\n"
                    "- 14 March 2023: staff of the National Library of Estonia visited the library\n", encoding="utf-8")
    paragraphs = extract_file(path)
    assert [p.section for p in paragraphs] == ["Partners"] * 3     # only the marked heading is one
    assert set(events_of(paragraphs)) >= {("agreement", "2022-07-03"), ("visit", "2023-03-14")}


def test_markdown_of_markup_only_is_empty(tmp_path):
    path = tmp_path / "rules.md"
    path.write_text("---\n\n***\n", encoding="utf-8")
    with pytest.raises(EmptyInput, match="rules.md"):
        read(path)


# ---------------------------------------------------------------- HTML


def test_html_table_rows_are_paragraphs_and_headings_sections(tmp_path):
    path = tmp_path / "visits.html"
    path.write_text(VISITS_HTML, encoding="utf-8")
    source = read(path)
    assert "12 March 2022 | British Library | A delegation of the British Library visited the library." in source.text
    assert [source.text[a:b] for a, b in source.headings] == ["International visits in 2022", "Delegations"]
    assert "Home" not in source.text and "Copyright" not in source.text
    paragraphs = extract_file(path)
    offsets_hold(source, paragraphs)
    assert ("visit", "2022-03-12") in events_of(paragraphs)
    assert ("agreement", "2022-07-03") in events_of(paragraphs)
    assert {p.section for p in paragraphs if p.events} == {"International visits in 2022", "Delegations"}


# ---------------------------------------------------------------- DOCX


def make_docx(path, body):
    import docx

    document = docx.Document()
    for kind, content in body:
        if kind == "table":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for i, row in enumerate(content):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        elif kind.startswith("h"):
            document.add_heading(content, int(kind[1:]))
        else:
            document.add_paragraph(content)
    document.save(str(path))
    return path


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path):
    path = make_docx(tmp_path / "annual.docx", [
        ("h0", "Annual Report 2022"),
        ("h1", "International Relations"),
        ("p", "On 12 March 2022 a delegation of the British Library visited the National Library of Wales."),
        ("table", [("Date", "Partner", "Event"),
                   ("3 July 2022", "Royal Library of Denmark", "The two libraries signed a memorandum of understanding.")]),
        ("p", ""),
        ("p", "Closing words."),
    ])
    source = read(path)
    assert source.text.split("\n\n") == [
        "Annual Report 2022", "International Relations",
        "On 12 March 2022 a delegation of the British Library visited the National Library of Wales.",
        "Date | Partner | Event",
        "3 July 2022 | Royal Library of Denmark | The two libraries signed a memorandum of understanding.",
        "Closing words.\n"]
    paragraphs = extract_file(path)
    offsets_hold(source, paragraphs)
    assert events_of(paragraphs) == [("visit", "2022-03-12"), ("agreement", "2022-07-03")]
    assert {p.section for p in paragraphs if p.events} == {"International Relations"}


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04 not really a zip", "not a readable .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "password-protected"),
    (b"", "empty file"),
])
def test_bad_docx_is_one_line_naming_the_file(tmp_path, data, reason):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as caught:
        read(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)


# ---------------------------------------------------------------- web addresses (a local server)


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "visits.html").write_text(VISITS_HTML, encoding="utf-8")
    make_pdf(tmp_path / "report.pdf", [[["On 12 March 2019 a delegation visited the library."]]], header=None)
    (tmp_path / "moved.html").write_text("", encoding="utf-8")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path == "/old":
                self.send_response(301)
                self.send_header("Location", "/visits.html")
                self.end_headers()
                return
            if self.path == "/report":                         # a PDF by content type, no extension
                data = (tmp_path / "report.pdf").read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    thread.join()


def test_an_address_is_fetched_and_read_as_html(server):
    source = read(f"{server}/old")                     # the redirect is followed
    assert source.path == f"{server}/old"
    assert source.doc_date == "2022-12-20"
    assert "British Library" in source.text
    paragraphs = extract_file(f"{server}/visits.html")
    assert paragraphs[0].source.path == f"{server}/visits.html" and paragraphs[0].doc_id == "visits"
    assert ("agreement", "2022-07-03") in events_of(paragraphs)


def test_an_address_serving_a_pdf_is_read_as_pdf(server):
    source = read(f"{server}/report")
    assert source.pages and "12 March 2019" in source.text


@pytest.mark.parametrize("tail, reason", [("/missing.html", "HTTP 404"), ("/moved.html", "empty page")])
def test_a_failed_fetch_is_one_line(server, tail, reason):
    with pytest.raises(InputError, match=reason) as caught:
        read(server + tail)
    assert str(caught.value).startswith(server + tail) and "\n" not in str(caught.value)


def test_a_failed_fetch_fails_that_input_only(server, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("On 12 May 2019 the director visited the library.\n", encoding="utf-8")
    errors, out = [], io.StringIO()
    failed, done = run_batch([server + "/missing.html", str(good)], out, on_error=errors.append)
    assert (failed, done) == (1, 1) and len(errors) == 1 and "HTTP 404" in errors[0]


def test_reading_never_fetches_at_import(monkeypatch):
    import urllib.request

    import coopextract.read.url  # noqa: F401

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("fetched"))
    assert read.__module__ == "coopextract.read"


# ---------------------------------------------------------------- unique document ids


@pytest.mark.parametrize("paths, expected", [
    (["a/report.txt", "b/report.txt", "c/other.txt"], {"a/report.txt": "a/report", "b/report.txt": "b/report"}),
    (["x/a/report.txt", "x/b/deep/report.pdf"], {"x/a/report.txt": "a/report", "x/b/deep/report.pdf": "b/deep/report"}),
    (["d/report.txt", "d/report.md"], {"d/report.txt": "report.txt", "d/report.md": "report.md"}),
    (["one.txt", "two.txt"], {}),
])
def test_colliding_names_get_path_ids(paths, expected):
    assert unique_doc_ids(paths)[0] == expected


def test_colliding_inputs_get_distinct_event_ids_and_a_warning(tmp_path):
    text = "On 12 May 2019 a delegation of the National Library of Azerbaijan visited the State Library.\n"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    warnings, out = [], io.StringIO()
    failed, done = run_batch([str(tmp_path)], out, level="event", on_error=warnings.append)
    assert (failed, done) == (0, 2)
    ids = [line.split('"id":"', 1)[1].split('"', 1)[0] for line in out.getvalue().splitlines()]
    assert ids == ["a/report:p0:e0", "b/report:p0:e0"]
    assert len(warnings) == 1 and "report" in warnings[0] and "a/report.txt" in warnings[0]


# ---------------------------------------------------------------- PDF hyphens, title-case headings


@pytest.mark.parametrize("head, tail, words, joined", [
    ("inter", "national", "library", True),                 # "inter" is no word
    ("docu", "ment", "library", True),
    ("well", "known", "the known library", False),          # both halves are words
    ("co", "operation", "cooperation library", True),      # the document writes it joined
    ("long", "term", "a long-term plan, a term", False),   # the document writes it hyphenated
    ("with", "out", "", True),                              # the joined word is an English word
    ("in", "formation", "formation", True),                 # a two-letter half: a cut word
])
def test_hyphen_at_a_line_end(head, tail, words, joined):
    from coopextract.read.pdf import document_words

    assert join_hyphenated(head, tail, document_words([words])) is joined


def test_pdf_keeps_a_real_hyphen(tmp_path):
    source = read(make_pdf(tmp_path / "h.pdf", [[[
        "The library is a well-", "known partner of the inter-", "national community that is known to all."]]],
        header=None, page_numbers=False))
    assert "a well-known partner of the international community" in source.text


@pytest.mark.parametrize("lines, expected", [
    (["The library is a well-", "known partner of the inter-", "national community."],
     "a well-known partner of the international community."),                 # the issue's words, once each
    (["In 2019 the co-", "operation with partners grew, and cooperation", "is our aim."],
     "In 2019 the cooperation with partners grew"),                            # the document writes it joined
    (["It is a long-", "term plan: long-term plans are ours."], "It is a long-term plan"),
])
def test_pdf_line_end_hyphens(tmp_path, lines, expected):
    source = read(make_pdf(tmp_path / "h.pdf", [[lines]], header=None, page_numbers=False))
    assert expected in source.text


_PARTNERS = ["Georgia", "Estonia", "Latvia", "Finland", "Korea", "Norway", "Serbia"]


def body(n):
    """Two paragraphs of regular 11 pt text, their words different for each ``n`` (a line
    repeated at the top or bottom of several pages, digits aside, is a running header)."""
    one, two = _PARTNERS[n % 7], _PARTNERS[(n + 3) % 7]
    return [[f"In May a delegation of the National Library of {one} visited the",
             f"library in Baku and signed an agreement with {one} on the exchange of publications."],
            [f"In June the library held an exhibition of rare maps of {two} from the collection",
             f"of the National Library of {two}, opened by its director."]]


def _sections(tmp_path, pages):
    path = make_pdf(tmp_path / "report.pdf", pages, header=None, page_numbers=False)
    source = read(path)
    return source, [(p.text, p.section) for p in extract_file(path)]


def test_pdf_lines_larger_or_bold_than_the_body_are_headings(tmp_path):
    """Issue 17: headings by font, not only by numbering or title case (sentence case here,
    so no rule on the words alone takes them)."""
    pages = [[[("Visits and exchanges of the year", "", 15)], *body(1),
              [("Work with partners abroad", "B", 11)], *body(2)],
             [[("Exhibitions held in the library", "B", 13)], *body(3)]]
    source, sections = _sections(tmp_path, pages)
    assert [source.text[a:b] for a, b in source.headings] == [
        "Visits and exchanges of the year", "Work with partners abroad", "Exhibitions held in the library"]
    assert [s for t, s in sections] == (["Visits and exchanges of the year"] * 3 + ["Work with partners abroad"] * 3
                                        + ["Exhibitions held in the library"] * 3)
    headings = [p for p in extract_file(tmp_path / "report.pdf") if p.text == p.section]
    assert len(headings) == 3 and not any(p.events for p in headings)     # headings yield no events


@pytest.mark.parametrize("line", [
    ("Signed in Baku on 12 May 2019, the agreement covers exchanges.", "B", 11),   # a bold sentence
    ("rare maps and atlases", "", 11.5),                                          # barely larger
    ("Notes", "", 9),                                                             # smaller
    ("Exchanges of publications with thirty partner libraries in Europe and Asia grew again this year as planned", "", 15),
])
def test_pdf_lines_that_are_not_headings(tmp_path, line):
    source, sections = _sections(tmp_path, [[[line], *body(1)]])
    assert source.headings == ()


def test_a_pdf_page_set_all_in_bold_has_no_bold_headings(tmp_path):
    bold = [[(line, "B", 11) for line in paragraph] for paragraph in body(1)]
    source, _ = _sections(tmp_path, [[[("Work with partners abroad", "B", 11)], *bold]])
    assert source.headings == ()


def test_pdf_pages_are_read_one_at_a_time_and_let_go(tmp_path, monkeypatch):
    """A 1,400-page PDF peaked at 1.37 GB: pdfplumber keeps every page it has read."""
    import pdfplumber.page

    log = []
    Page = pdfplumber.page.Page
    real_close, real_lines = Page.close, Page.extract_text_lines
    monkeypatch.setattr(Page, "close", lambda self: log.append(("close", self.page_number)) or real_close(self))
    monkeypatch.setattr(Page, "extract_text_lines",
                        lambda self, **kw: log.append(("read", self.page_number)) or real_lines(self, **kw))
    path = make_pdf(tmp_path / "long.pdf", [body(n) for n in range(6)], header=None, page_numbers=False)
    source = read(path)
    assert log[:12] == [(step, n) for n in range(1, 7) for step in ("read", "close")]
    assert [n for n, _, _ in source.pages] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("line, heading", [
    ("International Relations", True),
    ("Cooperation with Foreign Libraries", True),
    ("Huseyn Huseynov", False),                                  # a name: not words of the text
    ("Exchange, Relations, Cooperation", False),
    ("10 March 2023", False),
    ("International relations grew.", False),
    ("Relations", False),
])
def test_title_case_lines_are_headings_in_plain_text(line, heading):
    common = lower_words("international relations, cooperation with foreign libraries and exchange")
    assert (heading_kind(line, title_case=common) == "section") is heading
    assert heading_kind(line) in (None, "section") and (heading_kind(line) == "section") is False


def test_title_case_heading_becomes_the_section():
    text = ("International Relations\n\nIn 2019 the library kept up its international relations with "
            "partners.\n\nHuseyn Huseynov\n\nThe director wrote this report.\n")
    blocks = segment(SourceText(path="t.txt", text=text))
    assert [b.kind for b in blocks] == ["heading", "body", "body", "body"]
    assert blocks[-1].section == "International Relations"


# ---------------------------------------------------------------- ref_date


@pytest.mark.parametrize("value", ["10/01/2024", "2024-13-01", "yesterday"])
def test_ref_date_in_another_form_is_refused(value):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        extract_text("Yesterday the director visited the library.", ref_date=value)


def test_ref_date_in_iso_form_resolves_relative_dates():
    paragraphs = extract_text("Yesterday the director visited the library.", ref_date="2024-01-10")
    assert [d.start for p in paragraphs for d in p.dates] == ["2024-01-09"]


def test_a_dated_table_row_is_not_the_pages_own_date(tmp_path):
    page = ("<html><head><title>Visitors</title></head><body><main><h1>International visitors</h1>"
            "<p>The library welcomes colleagues from abroad every year; some of the visits are listed below.</p>"
            "<table><tr><th>Date</th><th>Visit</th></tr>"
            "<tr><td>2009.05.04</td><td>A delegation of the National Library of Finland visited the library.</td></tr>"
            "<tr><td>2010.08.27</td><td>The director of the Bergen Public Library visited the library.</td></tr>"
            "</table></main></body></html>")
    path = tmp_path / "visitors.html"
    path.write_text(page, encoding="utf-8")
    assert read(path).doc_date is None
