"""Error classes with messages that name the file and say what to do.

The library raises these; only ``cli.py`` turns them into exit statuses. ``str(error)`` is
always one line: ``<path>: <reason>``.
"""


def display_path(path) -> str:
    """``path`` as printable UTF-8: a file name's bytes that are not UTF-8 (held by Python as
    lone surrogates) are written ``\\xNN``, so one odd name can be shown and stored in a record."""
    path = str(path)
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:   # a surrogate no file name gives
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


class CoopExtractError(Exception):
    """Base class of every error coopextract raises on purpose."""


class InputError(CoopExtractError):
    """An input file cannot be read as a document (one line: path and reason)."""

    def __init__(self, path, reason: str):
        self.path = display_path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedInput(InputError):
    """The file's extension is not one coopextract reads."""


class EmptyInput(InputError):
    """The file has no text (empty, whitespace only, or no extractable article)."""


class BinaryInput(InputError):
    """The file is binary, not text."""


class PdfInputError(InputError):
    """The PDF is encrypted, truncated or has no text layer."""


class OutputError(CoopExtractError):
    """The output cannot go where it was asked: a directory, or a folder that does not exist."""


class WriteError(CoopExtractError, OSError):
    """The output could not be written whole (no space, no permission, a device error):
    ``PATH: cannot write (reason)``. Any previous output file is left as it was. It is also an
    ``OSError``, as the failure it reports."""

    def __init__(self, path, reason: str):
        self.path = display_path(path)
        super().__init__(f"{self.path}: cannot write ({reason})")


class ModelsError(CoopExtractError):
    """A pattern or word-list file in models/ is missing or malformed."""
