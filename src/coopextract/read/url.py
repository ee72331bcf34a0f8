"""``http://`` and ``https://`` inputs: fetched once (standard library ``urllib``), then read
as HTML, or as PDF when the server says so (or the body is one), or as plain text.

Only an address the user gave is fetched, with a timeout and a size limit; redirects are
followed. The address is the document's ``path``; a page's own date is its reference date.
Nothing here runs at import.
"""

import urllib.error
import urllib.request

from coopextract.errors import EmptyInput, InputError

# Seconds to wait for the server to answer (and between two reads): a slow news site answers
# in a few seconds, a dead one never.
FETCH_TIMEOUT = 30
# Bytes read at most: 50 MB holds any annual report as PDF; more is not a document page.
MAX_FETCH_BYTES = 50 * 1024 * 1024
USER_AGENT = "coopextract (library cooperation records)"


def fetch(url: str, timeout: float = FETCH_TIMEOUT, limit: int = MAX_FETCH_BYTES) -> tuple[bytes, str]:
    """(the body, its content type in lower case) of ``url``, or an :class:`InputError`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            ctype = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"cannot be fetched: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(url, f"cannot be fetched: {exc.reason}") from None
    except TimeoutError:
        raise InputError(url, f"cannot be fetched: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:     # connection reset, bad address, http.client errors
        raise InputError(url, f"cannot be fetched: {exc}") from None
    if len(data) > limit:
        raise InputError(url, f"larger than {limit // (1024 * 1024)} MB: download it and pass the file")
    return data, ctype


def read_url(url: str):
    data, ctype = fetch(url)
    if not data.strip():
        raise EmptyInput(url, "the server sent an empty page")
    if ctype == "application/pdf" or data.startswith(b"%PDF"):
        from coopextract.read.pdf import read_pdf_bytes

        return read_pdf_bytes(data, url)
    if ctype in ("text/plain", "text/markdown"):
        from coopextract.read.text import source_from_bytes

        return source_from_bytes(data, url)
    if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
        raise InputError(url, f"unsupported content type {ctype!r}; expected an HTML page or a PDF")
    from coopextract.read.html import source_from_html

    return source_from_html(data, url)
