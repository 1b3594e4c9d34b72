"""What a browser sends, made safe to check: names, sizes, counts and zips.

Nothing here touches the network or keeps anything: :func:`unpack` takes the uploaded
files (name and bytes), expands a zip of an agenda folder within limits, and writes
each document into a private temporary folder under a name of govcheck's choosing (the
document keeps the name the user gave, for display).  The caller removes the folder.

Limits (:class:`Limits`) stop an upload from filling the disk or memory: the request
size, the number of files, the number of entries in a zip, what a zip may expand to in
all and per entry, and the compression ratio of an entry.  A breach is an
:class:`UploadError` with a one-line message, the same kind of line the command line
prints; it is never a stack trace.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MB = 1024 * 1024

# the formats govcheck reads (govcheck.read): anything else in a zip is left out
CHECKABLE = frozenset({".txt", ".md", ".markdown", ".yaml", ".yml", ".json", ".docx",
                       ".docm", ".pdf", ".html", ".htm"})


def size(n: int) -> str:
    """Bytes as a person reads them: ``60 MB``, ``900 KB``."""
    if n >= MB:
        return f"{n / MB:,.0f} MB" if n % MB == 0 else f"{n / MB:,.1f} MB"
    return f"{max(1, round(n / 1024)):,} KB"


class UploadError(ValueError):
    """An upload govcheck will not take, with the reason in one line."""


@dataclass(frozen=True)
class Limits:
    request_bytes: int = 60 * MB     # the whole request, as sent
    files: int = 50                  # documents checked in one run (after zips expand)
    zip_entries: int = 500           # entries in one zip, folders included
    zip_expanded: int = 200 * MB     # what one zip expands to, in all
    file_bytes: int = 50 * MB        # one document, uploaded or expanded
    zip_ratio: int = 200             # expanded : compressed, for an entry over 1 MB


@dataclass
class Upload:
    """One document to check: where it was written and the name it is shown by."""

    path: Path
    name: str
    data: bytes = field(repr=False)

    @property
    def is_word(self) -> bool:
        return Path(self.name).suffix.lower() in (".docx", ".docm")


def safe_name(name: str) -> str:
    """A file name a browser sent, reduced to its last part with no folder, no control
    characters and no leading dots: ``../../etc/passwd`` -> ``passwd``."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    base = base.lstrip(". ").strip()
    return base[:120] or "upload"


def unpack(files: list[tuple[str, bytes]], folder: Path, limits: Limits = Limits()) -> tuple[list[Upload], list[str]]:
    """Write each uploaded document (a zip expanded into its documents) into ``folder``.

    Returns the documents to check, in the order given, and notes on what was left out
    (a zip's entries that are not documents govcheck reads).  Raises UploadError when a
    limit is passed or a zip cannot be opened."""
    if not files:
        raise UploadError("no file was chosen: choose or drop one or more documents")
    out: list[Upload] = []
    notes: list[str] = []
    taken: set[str] = set()

    def add(name: str, data: bytes) -> None:
        if len(out) >= limits.files:
            raise UploadError(f"more than {limits.files} documents in one run: check them "
                              "in smaller batches, or use `govcheck check` on the folder")
        if len(data) > limits.file_bytes:
            raise UploadError(f"{name}: {size(len(data))}, over the "
                              f"{size(limits.file_bytes)} limit for one document")
        shown = name
        n = 2
        while shown in taken:       # two uploads of the same name stay apart
            stem, dot, suffix = name.rpartition(".")
            shown = f"{stem} ({n}).{suffix}" if dot else f"{name} ({n})"
            n += 1
        taken.add(shown)
        # on disk: a numbered folder of govcheck's own, holding the safe base name
        sub = folder / f"{len(out) + 1:04d}"
        sub.mkdir()
        path = sub / safe_name(PurePosixPath(name).name)
        path.write_bytes(data)
        out.append(Upload(path=path, name=shown, data=data))

    for name, data in files:
        name = safe_name(name)
        if name.lower().endswith(".zip"):
            _expand(name, data, add, notes, limits)
        else:
            add(name, data)
    if not out:
        raise UploadError("nothing to check: the upload holds no document govcheck reads "
                          "(Word, PDF, text, Markdown, HTML, YAML or JSON)")
    return out, notes


def _expand(zip_name: str, data: bytes, add, notes: list[str], limits: Limits) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UploadError(f"{zip_name}: not a zip file govcheck can open (damaged or "
                          "truncated)") from None
    if len(infos) > limits.zip_entries:
        raise UploadError(f"{zip_name}: {len(infos):,} entries, over the "
                          f"{limits.zip_entries}-entry limit for a zip")
    total = 0
    skipped = 0
    for info in infos:
        if info.is_dir():
            continue
        inner = _inner_name(info.filename)
        if inner is None or PurePosixPath(inner).suffix.lower() not in CHECKABLE:
            skipped += 1
            continue
        if info.flag_bits & 0x1:
            raise UploadError(f"{zip_name}: {inner} is encrypted: govcheck cannot read it")
        expanded = info.file_size
        total += expanded
        if total > limits.zip_expanded:
            raise UploadError(f"{zip_name}: expands to more than "
                              f"{size(limits.zip_expanded)}, the limit for a zip")
        if expanded > MB and expanded > limits.zip_ratio * max(info.compress_size, 1):
            raise UploadError(f"{zip_name}: {inner} expands "
                              f"{expanded / max(info.compress_size, 1):,.0f} times, over the "
                              f"{limits.zip_ratio}:1 limit (a possible zip bomb)")
        if expanded > limits.file_bytes:
            raise UploadError(f"{zip_name}: {inner} is {size(expanded)}, over the "
                              f"{size(limits.file_bytes)} limit for one document")
        try:
            with zf.open(info) as fh:
                # zipfile stops at the declared size, so this reads no more than checked
                content = fh.read(expanded + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
            raise UploadError(f"{zip_name}: cannot read {inner} ({e})") from None
        add(f"{zip_name}/{inner}", content)
    if skipped:
        notes.append(f"{zip_name}: {skipped} entr{'y' if skipped == 1 else 'ies'} left "
                     "out, not a document govcheck reads")


def _inner_name(name: str) -> str | None:
    """An entry's path inside its zip, or None if it climbs out (``../x``), is absolute,
    or is a system file (``__MACOSX/``, ``.DS_Store``, ``~$`` Word lock files)."""
    name = name.replace("\\", "/")
    norm = posixpath.normpath(name)
    if name.startswith("/") or norm.startswith("..") or ":" in norm.split("/")[0]:
        return None
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if not parts or parts[0] == "__MACOSX" or any(p.startswith((".", "~$")) for p in parts):
        return None
    return "/".join(safe_name(p) for p in parts)
