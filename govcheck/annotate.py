"""A copy of a Word document with a Word comment at each place a finding points to.

``govcheck annotate report.docx`` is for report authors who work in Word: they see
each finding as a comment on the paragraph, or the table cell, it is about, with the
law and what to do, and a summary comment on the first paragraph.

Where a comment goes is decided by the reader's own walk
(:func:`govcheck.read.docx.line_elements`): a finding's line is a line of the document
as the DOCX reader reads it, and the walk that numbered the lines also records the
element each line came from (the ``w:p`` of a paragraph, the ``w:tc`` of each cell of
a table row), so the mapping cannot drift from what was checked.  In a table row the
finding's column says which cell: the number of TABs before it.

The copy is written with lxml and zipfile: ``word/comments.xml`` is added (or an
existing comments part is extended, with ids after the highest one already used),
with its relationship and content type; in the document, ``w:commentRangeStart`` and
``w:commentRangeEnd`` go around the paragraph's (or the cell's) content, followed by
a run holding ``w:commentReference``.  Every other part is copied unchanged, the input
bytes are never modified, and for a fixed ``date`` the output is always the same.
Transitional and Strict OOXML are both handled.  The package is read with the
reader's zip safety limits; a file that is not a readable Word document raises
:class:`~govcheck.read.base.ReadError` with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable

from lxml import etree

from govcheck.model import Finding
from govcheck.read.base import ReadError
from govcheck.read.docx import PKG_REL, W_STRICT, line_elements
from govcheck import recache

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
# relationship type namespaces, transitional and Strict
REL_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

__all__ = ["annotate_docx", "comment_text"]


def comment_text(finding: Finding, where: str | None = None) -> list[str]:
    """The paragraphs of the comment for one finding; ``where`` is the reader's name
    for its place (``"table 1, row 9"``)."""
    f = finding
    title = f.title or f.name
    lines = [f"{f.code} [{f.severity.value}] {title}" if title
             else f"{f.code} [{f.severity.value}]"]
    if f.message:
        lines.append(f.message)
    c = f.citation
    law = ", ".join(x for x in (c.instrument, c.provision) if x)
    if c.url:
        law = f"{law} {c.url}" if law else c.url
    if law:
        lines.append(f"Law: {law}")
    if f.fix:
        lines.append(f"What to do: {f.fix}")
    if f.exception is not None:
        e = f.exception
        lines.append(f"Covered by a statutory exception: {e.title or e.name} "
                     f"({e.citation}); this finding does not fail the check.")
    if f.waiver is not None:
        w = f.waiver
        lines.append(f"Waived: {w.reason} (approved by {w.approved_by}, expires "
                     f"{w.expires.isoformat()}); this finding does not fail the check.")
    at = where or f.location.human()
    lines.append(f"Rule: {f.name}; read at {at} (line {f.location.line} of the text "
                 "govcheck reads).")
    return lines


def annotate_docx(data: bytes, findings: Iterable[Finding], *, summary: str,
                  author: str = "govcheck", initials: str = "GC",
                  date: dt.datetime | None = None) -> bytes:
    """A copy of the Word document ``data`` with one comment per finding, anchored on
    the paragraph or table cell it points to, and a comment holding ``summary`` on the
    first line of the body.  ``findings`` are for this document (their lines are the
    DOCX reader's lines).  Raises ReadError if ``data`` is not a readable Word
    document."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("annotate_docx takes the document's bytes")
    data = bytes(data)
    if not data.startswith(b"PK"):
        raise ReadError("not a Word document: the content is not a zip package (.docx)")
    pkg, main, root, lines, elements = line_elements(data)
    w = etree.QName(root).namespace
    strict = w == W_STRICT
    rel_ns = REL_STRICT if strict else REL_TRANSITIONAL
    when = (date or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    stamp = when.isoformat() + "Z"

    infos = pkg.zf.infolist()
    seen: set[str] = set()
    for info in infos:
        key = info.filename.lower()
        if key in seen:
            raise ReadError(f"not a valid Word document: the package holds "
                            f"{info.filename} twice")
        seen.add(key)

    # the comments part: the main part's existing one, or a new one beside it
    rels_name = _rels_name(main)
    rels_root = _xml_or_none(pkg, rels_name)
    comments_name = None
    if rels_root is not None:
        folder = posixpath.dirname(main)
        for rel in rels_root.iter(f"{{{PKG_REL}}}Relationship"):
            if (rel.get("Type") or "").endswith("/comments") \
                    and rel.get("TargetMode") != "External":
                comments_name = _target(folder, rel.get("Target") or "")
                break
    if comments_name is not None and pkg.has(comments_name):
        comments = pkg.xml(comments_name)
        if etree.QName(comments).localname != "comments":
            raise ReadError(f"not a valid Word document: {comments_name} is not a "
                            "comments part")
        new_part = False
    else:
        comments_name = _free_name(pkg, posixpath.join(posixpath.dirname(main),
                                                       "comments.xml"))
        comments = etree.Element(f"{{{w}}}comments", nsmap={"w": w})
        new_part = True
    cw = etree.QName(comments).namespace or w
    next_id = _highest_id(root, comments, w, cw) + 1

    # anchors: (first paragraph, last paragraph) for each line and column
    def anchor(line: int, column: int):
        if not 1 <= line <= len(elements):
            return None
        el = elements[line - 1]
        if isinstance(el, list):        # a table row: the cell the column falls in
            text = lines[line - 1][0]
            index = text.count("\t", 0, max(column - 1, 0))
            if not el:
                return None
            el = el[min(index, len(el) - 1)]
            paras = [p for p in el.iter(f"{{{w}}}p")]
            if not paras:
                p = etree.SubElement(el, f"{{{w}}}p")
                paras = [p]
            return _outside_text_box(paras[0], w), _outside_text_box(paras[-1], w)
        p = _outside_text_box(el, w)
        return p, p

    first = anchor(1, 1)
    placed: list[tuple[tuple, int]] = []
    texts: list[tuple[int, list[str]]] = []

    def add(where, paragraphs: list[str]):
        nonlocal next_id
        cid = next_id
        next_id += 1
        texts.append((cid, paragraphs))
        placed.append((where, cid))

    add(first, [t for t in summary.splitlines() if t.strip()] or [summary])
    for f in sorted(findings, key=lambda x: x.sort_key()):
        where = anchor(f.location.line, f.location.column)
        line = f.location.line
        paragraphs = comment_text(f, lines[line - 1][1] if 1 <= line <= len(lines)
                                  else None)
        if where is None:
            where = first
            paragraphs.append(f"(govcheck could not find line {f.location.line} of "
                              "this document: the comment is on the first paragraph.)")
        add(where, paragraphs)

    for cid, paragraphs in texts:
        comments.append(_comment(cw, cid, author, initials, stamp, paragraphs))
    for (start_p, end_p), cid in placed:
        _mark(w, start_p, end_p, cid)

    changed = {
        main.lower(): _serialize(root),
        comments_name.lower(): _serialize(comments),
    }
    added: list[str] = [comments_name] if new_part else []
    if new_part:
        # relationship from the main part, and the part's content type
        if rels_root is None:
            rels_root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
            added.append(rels_name)
        rid = _free_rid(rels_root)
        rel = etree.SubElement(rels_root, f"{{{PKG_REL}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", f"{rel_ns}/comments")
        rel.set("Target", posixpath.relpath(comments_name, posixpath.dirname(main) or "."))
        changed[rels_name.lower()] = _serialize(rels_root)
        if not pkg.has("[Content_Types].xml"):
            raise ReadError("not a valid Word document: [Content_Types].xml is missing")
        types = pkg.xml("[Content_Types].xml")
        part = "/" + comments_name
        if not any((o.get("PartName") or "").lower() == part.lower()
                   for o in types.iter(f"{{{CT_NS}}}Override")):
            over = etree.SubElement(types, f"{{{CT_NS}}}Override")
            over.set("PartName", part)
            over.set("ContentType", COMMENTS_CT)
        changed["[content_types].xml"] = _serialize(types)

    main_info = pkg.names[main.lower()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            key = info.filename.lower()
            body = changed.get(key)
            if body is None:
                body = pkg.raw(info.filename)        # the reader's size limits apply
            dst.writestr(_copy_info(info), body)
        for name in added:
            zi = zipfile.ZipInfo(name, date_time=main_info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = main_info.external_attr
            dst.writestr(zi, changed[name.lower()])
    return out.getvalue()


# ----------------------------------------------------------------------------- helpers


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def _target(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _xml_or_none(pkg, name: str):
    return pkg.xml(name) if pkg.has(name) else None


def _free_name(pkg, name: str) -> str:
    stem, ext = posixpath.splitext(name)
    n = 1
    while pkg.has(name):
        name = f"{stem}{n}{ext}"
        n += 1
    return name


def _free_rid(rels_root) -> str:
    used = {rel.get("Id") for rel in rels_root.iter(f"{{{PKG_REL}}}Relationship")}
    numbers = [int(m.group(1)) for i in used if i and (m := re.fullmatch(r"rId(\d+)", i))]
    n = max(numbers, default=0) + 1
    while f"rId{n}" in used:
        n += 1
    return f"rId{n}"


def _highest_id(root, comments, w: str, cw: str) -> int:
    """The highest comment id already used, in the comments part or the document."""
    ids = [c.get(f"{{{cw}}}id") for c in comments.iter(f"{{{cw}}}comment")]
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        ids.extend(e.get(f"{{{w}}}id") for e in root.iter(f"{{{w}}}{tag}"))
    numbers = [int(i) for i in ids if i and re.fullmatch(r"-?\d+", i)]
    return max(numbers, default=-1)


def _outside_text_box(p, w: str):
    """A paragraph inside a text box: the body paragraph that anchors the box (Word
    does not take comments inside text boxes)."""
    txbx = f"{{{w}}}txbxContent"
    while True:
        box = next((a for a in p.iterancestors(txbx)), None)
        if box is None:
            return p
        outer = next((a for a in box.iterancestors(f"{{{w}}}p")), None)
        if outer is None:
            return p
        p = outer


def _comment(w: str, cid: int, author: str, initials: str, stamp: str,
             paragraphs: list[str]):
    q = lambda n: f"{{{w}}}{n}"  # noqa: E731
    c = etree.Element(q("comment"))
    c.set(q("id"), str(cid))
    c.set(q("author"), author)
    c.set(q("date"), stamp)
    c.set(q("initials"), initials)
    for i, text in enumerate(paragraphs):
        p = etree.SubElement(c, q("p"))
        if i == 0:
            r = etree.SubElement(p, q("r"))
            etree.SubElement(r, q("annotationRef"))
        r = etree.SubElement(p, q("r"))
        t = etree.SubElement(r, q("t"))
        t.set(XML_SPACE, "preserve")
        t.text = _xml_safe(text)                # lxml escapes &, < and >
    return c


_XML_BAD = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Text XML 1.0 can hold: control characters (a tab stays) are dropped."""
    return _XML_BAD.sub("", text)


def _mark(w: str, start_p, end_p, cid: int) -> None:
    """``w:commentRangeStart`` at the start of ``start_p``'s content (after its
    properties), ``w:commentRangeEnd`` and the reference run at the end of ``end_p``."""
    q = lambda n: f"{{{w}}}{n}"  # noqa: E731
    start = etree.Element(q("commentRangeStart"))
    start.set(q("id"), str(cid))
    index = 0
    while index < len(start_p) and start_p[index].tag == q("pPr"):
        index += 1
    # after the starts already placed there, so comments keep their order
    while index < len(start_p) and start_p[index].tag == q("commentRangeStart"):
        index += 1
    start_p.insert(index, start)
    end = etree.SubElement(end_p, q("commentRangeEnd"))
    end.set(q("id"), str(cid))
    r = etree.SubElement(end_p, q("r"))
    rpr = etree.SubElement(r, q("rPr"))
    etree.SubElement(rpr, q("rStyle")).set(q("val"), "CommentReference")
    etree.SubElement(r, q("commentReference")).set(q("id"), str(cid))


def _serialize(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = info.external_attr
    zi.create_system = info.create_system
    return zi
