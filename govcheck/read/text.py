"""Plain text and Markdown (with optional YAML front matter)."""

from __future__ import annotations

from govcheck.read import decode_bytes
from govcheck.read.base import Document, ReadError
from govcheck.yamlsafe import YamlError, load_yaml


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """Return (front matter, its first line, body, body's first line).

    Front matter is a YAML block between ``---`` fences at the very top.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, 0, text, 1
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), 2, "".join(lines[i + 1:]), i + 2
    return None, 0, text, 1


def read(path: str, data: bytes, fmt: str) -> Document:
    text, encoding = decode_bytes(data)
    props = {"encoding": encoding}
    if fmt != "markdown":
        return Document.from_text(path, "text", text, properties=props)
    fm, fm_line, body, body_line = split_front_matter(text)
    front = None
    if fm is not None and fm.strip():
        try:
            loaded = load_yaml(fm, path)
        except YamlError as e:
            raise ReadError(f"front matter, line {e.line + fm_line - 1}: {e.message}") from None
        if not isinstance(loaded.data, dict):
            raise ReadError(f"front matter, line {fm_line}: expected a mapping of field: value")
        front = {k: (v, loaded.lines.get((k,), 1) + fm_line - 1)
                 for k, v in loaded.data.items()}
    doc = Document.from_text(path, "markdown", body, first_line=body_line, properties=props)
    doc.data = front
    return doc
