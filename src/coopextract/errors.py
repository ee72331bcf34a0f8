"""Error classes with messages that name the file and say what to do.

The library raises these; only ``cli.py`` turns them into exit statuses. ``str(error)`` is
always one line: ``<path>: <reason>``.
"""


class CoopExtractError(Exception):
    """Base class of every error coopextract raises on purpose."""


class InputError(CoopExtractError):
    """An input file cannot be read as a document (one line: path and reason)."""

    def __init__(self, path, reason: str):
        self.path = str(path)
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


class ModelsError(CoopExtractError):
    """A pattern or word-list file in models/ is missing or malformed."""
