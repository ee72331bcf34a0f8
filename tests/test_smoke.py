import json
import subprocess
import sys

from coopextract import extract_text
from coopextract.records import Paragraph


def test_extract_text_gives_valid_paragraph_records():
    paragraphs = extract_text("On May 6, 2019, guests visited the library.\n\nThey met the staff.\n", doc_id="t")
    assert [p.source.paragraph for p in paragraphs] == [0, 1]
    assert all(isinstance(p, Paragraph) for p in paragraphs)
    assert paragraphs[1].text == "They met the staff."


def test_cli_schema_is_json():
    out = subprocess.run([sys.executable, "-m", "coopextract.run.cli", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["title"] == "Paragraph"
