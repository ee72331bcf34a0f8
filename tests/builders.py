"""Test inputs built on the fly: PDFs (fpdf2), news pages, images. No files are checked in."""

import struct
import zlib

NEWS_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>News | National Library</title>
<meta property="article:published_time" content="2023-05-14"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div class="menu"><a href="/catalogue">Electronic catalogue</a> | <a href="/services">Services for readers</a></div>
<main><article><h1>National Library hosts a delegation from Georgia</h1>
<p>On 12 May 2023 a delegation of the National Parliamentary Library of Georgia visited the National
Library in Baku. The guests toured the reading rooms and the rare books collection.</p>
<p>During the meeting the directors discussed the exchange of publications, joint digitisation projects
and training for young librarians. At the end of the visit the guests presented books about Georgian
history to the library.</p>
<p>The sides agreed to continue cooperation and to hold a joint exhibition next year in Tbilisi,
dedicated to the literary ties between the two countries.</p>
</article></main>
<aside class="sidebar"><h3>Popular</h3><ul><li><a href="/n1">Opening hours during the holidays</a></li>
<li><a href="/n2">New arrivals in March</a></li></ul></aside>
<footer><p>© 2023 National Library. All rights reserved.</p><p>Subscribe to our newsletter</p></footer>
</body></html>"""

NAV_ONLY_PAGE = """<!DOCTYPE html><html><head><title>Library</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<footer>© 2023 National Library</footer></body></html>"""


def png_bytes(width: int = 40, height: int = 20) -> bytes:
    """A valid white PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_pdf(path, pages, header="Annual Report of the National Library 2019", page_numbers=True,
             user_password=None):
    """A PDF whose ``pages`` are lists of paragraphs, each a list of lines set exactly as given
    (so a test decides where lines break and which word is hyphenated at a line end). A line
    is its text in 11 pt Helvetica, or ``(text, style, size)``: ``("Visits", "B", 14)``."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if header:
                self.set_font("helvetica", size=9)
                self.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
                self.ln(6)

        def footer(self):
            if page_numbers:
                self.set_y(-15)
                self.set_font("helvetica", size=9)
                self.cell(0, 8, str(self.page_no()), align="C")

    pdf = Report()
    if user_password:
        pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.set_auto_page_break(False)
    for paragraphs in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for lines in paragraphs:
            for line in lines:
                text, style, size = line if isinstance(line, tuple) else (line, "", 11)
                pdf.set_font("helvetica", style=style, size=size)
                pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    pdf.output(str(path))
    return path


def make_image_pdf(path, image_path):
    """A 'scanned' PDF: one page holding only an image, no text layer."""
    from fpdf import FPDF

    image_path.write_bytes(png_bytes(200, 100))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image_path), x=10, y=10, w=150)
    pdf.output(str(path))
    return path


def write_corpus(tmp_path, docs: dict):
    """A folder ``in`` under ``tmp_path`` holding ``docs`` ({file name: text})."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def invoke(app, args, input=None, forbidden=("Traceback",)):
    """The CLI run in-process; none of ``forbidden`` may appear on its standard error."""
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    for text in forbidden:
        assert text not in result.stderr, result.stderr
    return result


def build_script(name: str):
    """A build script of ``models/`` ("build_months", "build_lemmas") loaded as a module."""
    import importlib.util

    from coopextract.resources import models_dir

    spec = importlib.util.spec_from_file_location(name, models_dir() / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def events_of(text: str) -> list:
    """The events extracted from ``text``, in document order."""
    from coopextract import extract_text

    return [e for p in extract_text(text) for e in p.events]


def typed(text: str) -> set:
    """{(event type, date start)} of the events of ``text``."""
    return {(e.event_type, e.date.start if e.date else None) for e in events_of(text)}


def language_forms() -> dict:
    """The built table of the trigger words' forms in other languages."""
    from coopextract.pipeline.events.triggers import load_language_forms
    from coopextract.resources import models_dir

    return load_language_forms(models_dir() / "lemma_forms_languages.tsv")
