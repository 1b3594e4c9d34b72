"""Readers: one per input format, each producing a :class:`Document`.

The format is decided by content first (a PDF or a Word file renamed ``.txt`` is still
read as what it is), then by extension.  Heavy libraries (PDF, DOCX, HTML) are imported
only by their own reader module, only when a file of that kind is read.
"""

from __future__ import annotations

import importlib
import os

from govcheck.read.base import Document, Line, ReadError

__all__ = ["Document", "Line", "ReadError", "read_path", "SUPPORTED_SUFFIXES",
           "DEFAULT_MAX_BYTES"]

from govcheck import DEFAULT_MAX_BYTES  # noqa: E402 - re-exported

# suffix -> format name; format name -> module that reads it (imported lazily)
_SUFFIX_FORMAT = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".yaml": "yaml", ".yml": "yaml", ".json": "json",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".docm": "docx",
    ".pdf": "pdf",
}
_FORMAT_MODULE = {
    "text": "govcheck.read.text",
    "markdown": "govcheck.read.text",
    "yaml": "govcheck.read.structured",
    "json": "govcheck.read.structured",
    "html": "govcheck.read.html",
    "docx": "govcheck.read.docx",
    "pdf": "govcheck.read.pdf",
}
SUPPORTED_SUFFIXES = frozenset(_SUFFIX_FORMAT)


def sniff_format(path: str | os.PathLike, head: bytes) -> str:
    """Decide the format from the first bytes, falling back to the extension."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE compound file: Word 97-2003 .doc, or a .docx encrypted with a password
        raise ReadError("an old Word (.doc) or password-protected Word file: save it as "
                        ".docx without a password, or as PDF")
    if head.startswith(b"{\\rtf"):
        raise ReadError("an RTF file: save it as .docx or PDF")
    suffix = os.path.splitext(os.path.basename(os.fspath(path)))[1]
    suffix_format = _SUFFIX_FORMAT.get(suffix.lower(), "text")
    if suffix_format in ("pdf", "docx"):
        # the extension claims a binary container but the content is not one
        kind = "PDF" if suffix_format == "pdf" else "Word (zip)"
        raise ReadError(f"not a {kind} file: the content does not match the "
                        f"{suffix} extension")
    if suffix_format not in ("html",):
        lowered = head[:512].lstrip().lower()
        if lowered.startswith((b"<!doctype html", b"<html")):
            return "html"
    return suffix_format


def read_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
              display: str | None = None) -> Document:
    """Read one file into a Document, or raise ReadError with a one-line reason.

    The file is opened read-only and never modified.  (Plain ``os`` calls, not
    ``pathlib``: ``Path`` interns every name it parses, for the life of the process.)
    """
    import stat

    shown = display or str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    size = st.st_size
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory")
    if size == 0:
        raise ReadError("empty file: nothing to check")
    if size > max_bytes:
        raise ReadError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
                        f"(raise it with --max-file-size)")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from None
    fmt = sniff_format(path, data[:1024])
    module = importlib.import_module(_FORMAT_MODULE[fmt])
    return module.read(shown, data, fmt)


def decode_text(data: bytes) -> str:
    """The text of ``data`` (see :func:`decode_bytes`)."""
    return decode_bytes(data)[0]


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes look like UTF-16 text without a byte
    order mark (every other byte zero, as ASCII text saved as UTF-16 is), else None."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of a text file and the encoding it was read as, detected, not guessed:
    UTF-8 (with or without a byte order mark), UTF-16 (what Windows Notepad calls
    Unicode: by its byte order mark, or its zero bytes), else Windows-1252 when the bytes
    are valid in it.  Anything else, and binary content, is a ReadError."""
    import codecs

    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", "strict"), "UTF-8 with a byte order mark"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise ReadError("not valid UTF-16 text (save the file as UTF-8)") from None
    elif (enc := _utf16_without_bom(data[:512])) is not None:
        try:
            text, encoding = data.decode(enc), "UTF-16 (no byte order mark)"
        except UnicodeDecodeError:
            raise ReadError("not valid UTF-16 text (save the file as UTF-8)") from None
    else:
        if b"\x00" in data[:8192]:
            raise ReadError("binary file: not text, and not a format govcheck reads")
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as e:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                line = data[: e.start].count(b"\n") + 1
                raise ReadError(f"not valid UTF-8, UTF-16 or Windows-1252 text: byte "
                                f"0x{data[e.start]:02x} at line {line} (save the file as "
                                "UTF-8)") from None
    if not text.strip():
        raise ReadError("empty file: nothing to check")
    return text, encoding
