"""Bad and odd inputs (issue 9): each bad file gets one stderr line naming it and the reason,
the batch goes on, the exit status is 1; odd but readable files are processed."""

import json
import os
import pathlib

import pytest
from typer.testing import CliRunner

from builders import NAV_ONLY_PAGE, make_image_pdf, make_pdf, png_bytes
from coopextract import extract_text
from coopextract.run.cli import app
import coopextract.read as read_module
from coopextract.read import read

GOOD = "On 12 May 2019 a delegation from the National Library of Georgia visited the library in Baku.\n"


def _pdf_bytes(tmp_path, **kw):
    path = make_pdf(tmp_path / "_build.pdf", [[["A paragraph of the annual report on cooperation."]]], **kw)
    data = path.read_bytes()
    path.unlink()
    return data


def bad_inputs(tmp_path):
    """name → (bytes, words the stderr line must contain)."""
    pdf = _pdf_bytes(tmp_path)
    scanned = make_image_pdf(tmp_path / "_scan.pdf", tmp_path / "_scan.png").read_bytes()
    for leftover in ("_scan.pdf", "_scan.png"):
        (tmp_path / leftover).unlink()
    return {
        "empty.txt": (b"", "empty"),
        "blank.md": (b"   \r\n\t\n\n  ", "whitespace"),
        "photo.txt": (png_bytes(), "binary"),
        "truncated.pdf": (pdf[: len(pdf) // 2], "truncated"),
        "locked.pdf": (_pdf_bytes(tmp_path, user_password="secret"), "encrypted"),
        "scanned.pdf": (scanned, "OCR"),
        "menu.html": (NAV_ONLY_PAGE.encode(), "no article text"),
        "empty.pdf": (b"", "empty"),
        "empty.html": (b"", "empty"),
    }


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    return result


def test_each_bad_file_one_line_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = bad_inputs(tmp_path)
    for name, (data, _) in bad.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD)
    out = tmp_path / "out.jsonl"
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for name, (_, reason) in bad.items():
        mine = [line for line in lines if f"{name}:" in line]
        assert len(mine) == 1, (name, lines)
        assert reason.lower() in mine[0].lower(), mine
    assert lines[-1] == f"coopextract: {len(bad)} of {len(bad) + 1} inputs failed"
    assert [json.loads(l)["doc_id"] for l in out.read_text().splitlines()] == ["good"]


def test_a_file_that_disappears_mid_batch(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(GOOD)
    real = read_module.read_file_bytes

    def vanish(path):
        if path.endswith("b.txt") and os.path.exists(path):
            os.unlink(path)  # deleted after the directory walk, before it is read
        return real(path)

    monkeypatch.setattr(read_module, "read_file_bytes", vanish)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert [l for l in result.stderr.splitlines() if "b.txt" in l] == [f"{folder / 'b.txt'}: file disappeared while being read"]
    assert [json.loads(l)["doc_id"] for l in result.stdout.splitlines()] == ["a", "c"]


def test_an_unreadable_file(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "secret.txt"):
        (folder / name).write_text(GOOD)
    (folder / "secret.txt").chmod(0)
    if os.access(folder / "secret.txt", os.R_OK):  # root ignores permissions: deny the read ourselves
        real = read_module.read_file_bytes

        def deny(path):
            if path.endswith("secret.txt"):
                raise PermissionError(13, "Permission denied", path)
            return real(path)

        monkeypatch.setattr(read_module, "read_file_bytes", deny)
    try:
        result = run("extract", folder)
    finally:
        (folder / "secret.txt").chmod(0o644)
    assert result.exit_code == 1
    assert [l for l in result.stderr.splitlines() if "secret.txt" in l] == [f"{folder / 'secret.txt'}: permission denied"]
    assert [json.loads(l)["doc_id"] for l in result.stdout.splitlines()] == ["a"]


def test_a_crash_inside_the_pipeline_costs_one_input_only(tmp_path, monkeypatch):
    import coopextract.pipeline.segment as segment

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text("A paragraph that a buggy stage cannot handle.\n")
    real = segment.segment

    def buggy(source, models_dir=None):
        if source.doc_id == "b":
            raise IndexError("list index out of range")
        return real(source, models_dir)

    monkeypatch.setattr(segment, "segment", buggy)
    result = run("extract", folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"{folder / 'b.txt'}: internal error, please report it "
                                             "(IndexError: list index out of range)")
    assert [json.loads(l)["doc_id"] for l in result.stdout.splitlines()] == ["a"]


def _offsets_hold(paragraphs, text):
    for p in paragraphs:
        assert text[p.source.char_start:p.source.char_end] == p.text
        for item in [*p.dates, *p.people, *p.institutions, *p.locations]:
            assert item.char_start <= item.char_end <= len(text)


@pytest.mark.parametrize("name, data, expected", [
    ("windows.txt", b"First paragraph.\r\n\r\nSecond paragraph.\r\n", ["First paragraph.", "Second paragraph."]),
    ("oldmac.txt", b"First paragraph.\r\rSecond paragraph.\r", ["First paragraph.", "Second paragraph."]),
    ("nul.txt", b"A report\x00 with a stray NUL.\n\nAnd more.", ["A report with a stray NUL.", "And more."]),
    ("mixed.txt", "Русский абзац о библиотеке.\n\n".encode() + "Kütüphane işbirliği protokolü.\n".encode("cp1254"),
     ["Русский абзац о библиотеке.", "Kütüphane işbirliği protokolü."]),
    ("mojibake.txt", "Kütüphane işbirliği.".encode().decode("latin_1").encode(), ["Kütüphane işbirliği."]),
    ("rtl.txt", "المكتبة الوطنية في باكو استقبلت وفداً عام 2019.\n\nהספרייה הלאומית.\n".encode(),
     ["المكتبة الوطنية في باكو استقبلت وفداً عام 2019.", "הספרייה הלאומית."]),
    ("combining.txt", "Bibliothe\u0300que, s\u0327ehir, Ba\u0301ku\u0308 and \u0915\u093f\u0924\u093e\u092c.".encode(),
     ["Bibliothèque, şehir, Bákü and \u0915\u093f\u0924\u093e\u092c."]),
])
def test_odd_but_readable_files_are_processed(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    result = run("extract", path)
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == expected
    source = read(path)
    for record in records:
        assert source.text[record["source"]["char_start"]:record["source"]["char_end"]] == record["text"]


def test_a_20_mb_single_line_is_read_and_cut_into_bounded_pieces(tmp_path):
    from coopextract.extract import WINDOW_CHARS
    from coopextract.pipeline.segment import MAX_BLOCK_CHARS, segment, windows

    sentence = "In 2019 the library received 40 books and visited partners in Baku; "
    text = (sentence * (20_000_000 // len(sentence) + 1))[:20_000_000]
    path = tmp_path / "huge.txt"
    path.write_text(text)
    source = read(path)
    assert len(source.text) == 20_000_000
    blocks = segment(source)
    assert len(blocks) >= 20_000_000 // MAX_BLOCK_CHARS
    assert all(source.text[b.char_start:b.char_end] == b.text for b in blocks)
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks)
    parts = windows(blocks, WINDOW_CHARS)
    assert len(parts) >= 10 and all(sum(len(b.text) for b in part) <= WINDOW_CHARS for part in parts)


def test_a_huge_single_line_goes_through_the_whole_pipeline_in_pieces(monkeypatch):
    """The same path as a 20 MB line (blocks cut, document processed in windows) at a size the
    CI can afford: the two limits are scaled down with the text."""
    import coopextract.extract as extract
    import coopextract.pipeline.segment as segment

    monkeypatch.setattr(segment, "MAX_BLOCK_CHARS", 2_000)
    monkeypatch.setattr(extract, "WINDOW_CHARS", 10_000)
    sentence = "On 12 May 2019 the library received 40 books from the National Library of Georgia in Baku. "
    text = (sentence * 400).strip()
    paragraphs = extract_text(text)
    assert len(paragraphs) >= len(text) // 2_000
    _offsets_hold(paragraphs, text)
    assert "".join(p.text for p in paragraphs).replace(" ", "") == text.replace(" ", "")


def test_extract_text_takes_odd_line_endings_and_nuls():
    paragraphs = extract_text("One.\r\rTwo\x00 words.\r\n\r\nThree.")
    assert [p.text for p in paragraphs] == ["One.", "Two words.", "Three."]
