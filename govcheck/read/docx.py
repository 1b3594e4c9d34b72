"""Word documents (.docx, .docm): a small lxml walker over ``word/document.xml``.

Why not python-docx's ``.text``: it silently drops text inside content controls
(``w:sdt``), which is exactly where council templates put dates and checkboxes
(see /work/shared/deps.md section 2).  This walker reads the package with
``zipfile`` and ``lxml`` and walks ``w:body`` in document order.

What becomes a line (see :mod:`govcheck.read.base` for the contract):

* a body paragraph is one line (a ``w:br``/``w:cr`` inside it starts another line with
  the same ``where``); ``where`` is ``"paragraph N"``, N counting every body paragraph
  (empty ones too, so the count follows the document), and lines with no text are
  left out;
* a table row is one line, cells joined by TAB; a cell's paragraphs are joined by a
  space, and tabs and line breaks inside a cell become spaces; a nested table is
  flattened into its cell (its rows and cells joined by spaces); a cell spanning
  several grid columns (``w:gridSpan``) is one cell; a vertically merged continuation
  cell (``w:vMerge`` without ``restart``) is empty; ``where`` is ``"table T, row R"``;
* text boxes (``w:txbxContent``) follow the paragraph that anchors them;
* automatic list numbers (``word/numbering.xml``) are rendered as Word shows them,
  so a numbered paragraph reads ``2.1 That Cabinet approves ...``; bullets read ``•``.

Text: ``w:t`` runs, ``w:tab`` -> TAB, ``w:noBreakHyphen`` -> ``-``; inserted text
(``w:ins``, ``w:moveTo``) is kept and deleted text (``w:del``, ``w:moveFrom``) dropped,
i.e. the document as it reads with tracked changes accepted.  Hidden text
(``w:vanish``) and placeholder text of an unfilled content control
(``w:showingPlcHdr``) are dropped.  The walker descends into content controls (block,
row, cell and inline), hyperlinks, smart tags, custom XML, simple fields and the
results of complex fields (field codes in ``w:instrText`` are not text).

Checkboxes are normalised to ``☒`` (checked) and ``☐`` (unchecked) where they stand:

* content-control checkbox ``w14:checkbox``: the state is ``w14:checked/@w14:val``;
  the glyph run inside the control is ignored, so a control marked checked whose
  visible glyph is ☐ reads ☒;
* legacy form field (``w:fldChar`` with ``w:ffData/w:checkBox``, a FORMCHECKBOX): the
  state is ``w:checked`` if present (its val defaults to on), otherwise ``w:default``,
  and any glyph written as the field's result is ignored;
  a legacy drop-down (``w:ddList``) reads as its selected entry;
* glyphs typed as text: ☐ □ -> ☐; ☒ ⊠ ☑ -> ☒;
* symbol-font glyphs, in ``w:sym`` or as text in a run whose font is the symbol font
  (private-use U+F0xx or the plain 8-bit code): Wingdings ``o`` ``p`` ``q`` ``r``
  ``0xA8`` (empty squares) -> ☐ and ``x`` ``0xFD`` ``0xFE`` (boxed x, boxed tick) -> ☒;
  Wingdings 2 ``0xA3`` -> ☐ and ``Q`` ``R`` ``S`` ``T`` -> ☒.  Private-use characters
  with no font named are read as Wingdings.  Tick and cross marks without a box
  (✓ ✗) and ■ are left as they are: whether they mean "chosen" is not certain.

Headers and footers go to ``Document.properties["header"]`` / ``["footer"]`` (lines
joined by newlines, each distinct part once), never into the body lines.  Core
properties give ``title``, ``author`` (dc:creator), ``lastModifiedBy``, ``created``
and ``modified``.  Not read: footnotes, endnotes, comments, ``w:altChunk`` (embedded
HTML/RTF) and text inside charts or SmartArt.

Safety: at most ``MAX_ENTRIES`` zip entries; each part read is checked against its
declared decompressed size (all parts read together at most ``MAX_DECOMPRESSED``) and
its compression ratio before it is inflated, and zipfile never inflates past the
declared size; XML is parsed without entity resolution, network access or huge-tree
mode, and a part declaring a DTD (Word never writes one) is refused.

Both the transitional and the Strict OOXML namespace are read.

Speed (2-core development VM, best of 60 runs, including unzip): the fixtures read in
3.5-4.5 ms; a 10,400-word report of 820 lines with every paragraph auto-numbered in
about 21 ms, or 32 ms once re-saved by LibreOffice with verbose run properties.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from govcheck.read.base import CHECKED, UNCHECKED, Document, Line, ReadError
from govcheck import recache

MB = 1024 * 1024
MAX_DECOMPRESSED = 64 * MB      # all parts read, together
MAX_RATIO = 200                 # decompressed : compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 4 * MB
MAX_ENTRIES = 10_000

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_CORE_FIELDS = (("dc", "title", "title"), ("dc", "creator", "author"),
                ("cp", "lastModifiedBy", "lastModifiedBy"),
                ("dcterms", "created", "created"), ("dcterms", "modified", "modified"))

_TRUE = frozenset({"1", "true", "on"})

# glyphs typed as text (and Wingdings private-use code points, the usual encoding of a
# symbol-font character in w:t) -> the normalised pair
_TEXT_GLYPHS = {"☐": UNCHECKED, "□": UNCHECKED, "☒": CHECKED, "⊠": CHECKED, "☑": CHECKED}
_SYMBOL_FONTS = {
    "wingdings": {0x6F: UNCHECKED, 0x70: UNCHECKED, 0x71: UNCHECKED, 0x72: UNCHECKED,
                  0xA8: UNCHECKED, 0x78: CHECKED, 0xFD: CHECKED, 0xFE: CHECKED},
    "wingdings 2": {0xA3: UNCHECKED, 0x51: CHECKED, 0x52: CHECKED, 0x53: CHECKED,
                    0x54: CHECKED},
}
_TEXT_TABLE = {ord(k): v for k, v in _TEXT_GLYPHS.items()}
# for a run in a symbol font: its 8-bit codes and their private-use forms
_FONT_TABLES = {
    font: {**_TEXT_TABLE, **table, **{0xF000 + c: g for c, g in table.items()}}
    for font, table in _SYMBOL_FONTS.items()
}
# for any other text: typed glyphs, and private-use codes read as Wingdings
_GLYPH_TABLE = {**_TEXT_TABLE,
                **{0xF000 + c: g for c, g in _SYMBOL_FONTS["wingdings"].items()}}
_DECORATIVE_FONTS = frozenset({"symbol", "wingdings 3", "webdings", "zapf dingbats",
                               "zapfdingbats"})
_MAYBE_GLYPH = recache.compile("[☐□☒⊠☑\uf000-\uf0ff]")


def read(path: str, data: bytes, fmt: str) -> Document:
    pkg = _Package(data)
    _, _, body, rels, walker = _walk(pkg)
    w = walker.w
    lines = [Line(i, text, where=where) for i, (text, where) in enumerate(walker.lines, 1)]
    if not lines:
        raise ReadError("no text in the document: nothing to check "
                        "(is it a scanned image?)")

    props = _core_properties(pkg)
    for kind in ("header", "footer"):
        text = _header_footer(pkg, rels, body, w, kind)
        if text:
            props[kind] = text
    return Document(path=path, format="docx", lines=lines, properties=props)


def _walk(pkg: "_Package", record: bool = False):
    """Parse the main part and walk its body: (main part name, root element, body,
    relationships, walker).  With ``record`` the walker also keeps, for each line, the
    element it came from (``walker.elements``): the ``w:p`` of a paragraph line, or the
    list of ``w:tc`` of a table row line (one per cell joined by TAB)."""
    main = pkg.main_part()
    raw = pkg.raw(main)
    root = pkg.parse(raw, main)
    w = etree.QName(root).namespace
    if w not in (W_TRANSITIONAL, W_STRICT) or etree.QName(root).localname != "document":
        raise ReadError(f"not a valid Word document: {main} is not a WordprocessingML "
                        "document")
    body = root.find(f"{{{w}}}body")
    if body is None:
        raise ReadError(f"not a valid Word document: {main} has no body")
    rels = pkg.rels(main)
    numbering = _numbering(pkg, rels, w)

    walker = _Walker(w, numbering, raw, record=record)
    walker.block(body)
    return main, root, body, rels, walker


def line_elements(data: bytes):
    """The package, its main part name, the parsed main part, and for each line as
    :func:`read` numbers it (line N is ``elements[N - 1]``) the element it was read
    from: a ``w:p``, or for a table row the list of its ``w:tc`` in the order their
    texts are joined by TAB.  The same walk as :func:`read`, so a finding's line maps
    to the element it was read from.  For annotating a copy (:mod:`govcheck.annotate`);
    raises ReadError as :func:`read` does."""
    pkg = _Package(data)
    main, root, _, _, walker = _walk(pkg, record=True)
    if not walker.lines:
        raise ReadError("no text in the document: nothing to check "
                        "(is it a scanned image?)")
    return pkg, main, root, walker.lines, walker.elements


# --------------------------------------------------------------------------- package


class _Package:
    """The zip container, with a decompression budget for every part read."""

    def __init__(self, data: bytes):
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except zipfile.BadZipFile as e:
            raise ReadError(f"not a valid Word document: the zip container is damaged "
                            f"or truncated ({e})") from None
        except (OSError, ValueError, EOFError, NotImplementedError) as e:
            # NotImplementedError: a (damaged) header naming a zip version or feature
            # zipfile does not support
            raise ReadError(f"not a valid Word document: cannot open the zip "
                            f"container ({e})") from None
        if len(infos) > MAX_ENTRIES:
            raise ReadError(f"refusing a possible zip bomb: {len(infos):,} entries, over "
                            f"the {MAX_ENTRIES:,}-entry limit")
        # OPC part names are case-insensitive
        self.names = {i.filename.lower(): i for i in infos}
        self.used = 0
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True,
                                       huge_tree=False, remove_comments=True,
                                       remove_pis=True)

    def has(self, name: str) -> bool:
        return name.lower() in self.names

    def raw(self, name: str) -> bytes:
        info = self.names[name.lower()]
        size = info.file_size
        if self.used + size > MAX_DECOMPRESSED:
            raise ReadError(f"refusing a possible zip bomb: decompressed size over the "
                            f"{MAX_DECOMPRESSED // MB} MB limit ({info.filename} "
                            f"declares {size:,} bytes)")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(f"refusing a possible zip bomb: {info.filename} expands "
                            f"{size / max(info.compress_size, 1):,.0f} times, over the "
                            f"{MAX_RATIO}:1 compression-ratio limit")
        self.used += size
        try:
            # zipfile stops inflating at the declared size, so a lying header cannot
            # make this read more than was checked above
            with self.zf.open(info) as fh:
                return fh.read(size + 1)
        except RuntimeError as e:      # encrypted entry
            raise ReadError(f"not a readable Word document: {e}") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError) as e:
            raise ReadError(f"not a valid Word document: {info.filename} is damaged "
                            f"({e})") from None

    def xml(self, name: str):
        return self.parse(self.raw(name), name)

    def parse(self, data: bytes, name: str):
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError as e:
            msg = str(e).splitlines()[0] if str(e) else "syntax error"
            raise ReadError(f"not a valid Word document: {name} is not well-formed XML "
                            f"({msg})") from None
        if root.getroottree().docinfo.doctype:
            # Word never writes a DTD; one here only serves entity tricks
            raise ReadError(f"not a valid Word document: {name} declares a DTD")
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part name) for ``part`` ("" = package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        data = self.raw(rels_name)         # size limits apply; bad XML is only ignored
        try:
            root = self.parse(data, rels_name)
        except ReadError:
            return {}
        out = {}
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (rel.get("Type") or "", name)
        return out

    def main_part(self) -> str:
        for rtype, name in self.rels("").values():
            if rtype.endswith("/officeDocument") and self.has(name):
                return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise ReadError(f"not a Word document: the zip has no word/document.xml"
                        f"{self._looks_like()}")

    def _looks_like(self) -> str:
        if self.has("xl/workbook.xml"):
            return " (it looks like an Excel workbook)"
        if self.has("ppt/presentation.xml"):
            return " (it looks like a PowerPoint presentation)"
        if self.has("mimetype") and self.has("content.xml"):
            return " (it looks like an OpenDocument file: save it as .docx)"
        return ""


def _rel_of_type(rels: dict[str, tuple[str, str]], suffix: str) -> str | None:
    for rtype, name in rels.values():
        if rtype.endswith(suffix):
            return name
    return None


def _core_properties(pkg: _Package) -> dict[str, str]:
    name = _rel_of_type(pkg.rels(""), "/core-properties") or "docProps/core.xml"
    if not pkg.has(name):
        return {}
    data = pkg.raw(name)
    try:
        root = pkg.parse(data, name)
    except ReadError:
        return {}       # broken metadata is no reason to refuse the text
    props = {}
    for prefix, local, key in _CORE_FIELDS:
        el = root.find(f"{{{CORE_NS[prefix]}}}{local}")
        if el is not None and el.text and el.text.strip():
            props[key] = el.text.strip()
    return props


def _header_footer(pkg: _Package, rels, body, w: str, kind: str) -> str:
    """Text of the header (or footer) parts, in section order, each distinct text once."""
    names: list[str] = []
    ref_tag = f"{{{w}}}{kind}Reference"
    rid_attr = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    rid_strict = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"
    sections = body.xpath("w:sectPr | w:p/w:pPr/w:sectPr", namespaces={"w": w})
    for ref in (r for sect in sections for r in sect.iterchildren(ref_tag)):
        rel = rels.get(ref.get(rid_attr) or ref.get(rid_strict) or "")
        if rel and rel[1] not in names and pkg.has(rel[1]):
            names.append(rel[1])
    if not names:   # no section references them: take the parts by name
        pattern = recache.compile(rf"word/{kind}(\d*)\.xml$")
        found = [(int(m.group(1) or 0), n) for n in pkg.names
                 if (m := pattern.match(n))]
        names = [n for _, n in sorted(found)]
    texts: list[str] = []
    for name in names:
        raw = pkg.raw(name)
        try:
            root = pkg.parse(raw, name)
        except ReadError:
            continue    # a broken header is no reason to refuse the body
        walker = _Walker(etree.QName(root).namespace or w, None, raw)
        walker.block(root, where=kind)
        text = "\n".join(t for t, _ in walker.lines)
        if text and text not in texts:
            texts.append(text)
    return "\n".join(texts)


# ------------------------------------------------------------------------- numbering


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LVL_REF = recache.compile(r"%([1-9])")


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa..
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FORMATTERS = {
    "decimal": str,
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "decimalZero": lambda n: f"{n:02d}",
    "ordinal": _ordinal,
    "none": lambda n: "",
}


def _format_number(n: int, fmt: str) -> str:
    """A list number in Word's format ``fmt``; unknown formats read as decimal."""
    return _FORMATTERS.get(fmt, str)(n)


class _Level:
    __slots__ = ("start", "fmt", "text", "parts", "restart", "legal", "suffix", "style")

    def __init__(self, lvl, w: str):
        def val(name: str, default=None):
            el = lvl.find(f"{{{w}}}{name}")
            if el is None:
                return default
            return el.get(f"{{{w}}}val", default)

        try:
            self.start = int(val("start", "1"))
        except ValueError:
            self.start = 1
        self.fmt = val("numFmt", "decimal")
        self.text = val("lvlText", None)
        # "%1.%2" -> ("", 0, ".", 1, ""): literal text and 0-based level references
        self.parts = tuple(int(x) - 1 if i % 2 else x
                           for i, x in enumerate(_LVL_REF.split(self.text or "")))
        restart = val("lvlRestart", None)
        self.restart = int(restart) if restart and restart.isdigit() else None
        self.legal = lvl.find(f"{{{w}}}isLgl") is not None and \
            val("isLgl", "1") in _TRUE
        self.suffix = {"nothing": "", "space": " "}.get(val("suff", "tab"), " ")
        self.style = val("pStyle", None)


class _Numbering:
    """Renders automatic list numbers the way Word counts them.

    Counters belong to the abstract definition, so two list instances (``w:num``)
    sharing one continue each other, unless an instance overrides a level's start
    (``w:lvlOverride/w:startOverride``), which restarts that level when the instance
    is first used.  A level restarts when a higher level advances, unless its
    ``w:lvlRestart`` says otherwise.
    """

    def __init__(self, numbering, styles: dict[str, tuple[str | None, int | None,
                                                         str | None]], w: str):
        q = lambda n: f"{{{w}}}{n}"  # noqa: E731
        val = q("val")
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}     # abstract id -> numbering style id
        for a in numbering.iter(q("abstractNum")):
            aid = a.get(q("abstractNumId"), "")
            self.abstract[aid] = {int(lvl.get(q("ilvl"), "0")): _Level(lvl, w)
                                  for lvl in a.iter(q("lvl"))}
            link = a.find(q("numStyleLink"))
            if link is not None:
                self.style_link[aid] = link.get(val, "")
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        for n in numbering.iter(q("num")):
            ref = n.find(q("abstractNumId"))
            if ref is None:
                continue
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in n.iter(q("lvlOverride")):
                ilvl = int(ov.get(q("ilvl"), "0"))
                so = ov.find(q("startOverride"))
                if so is not None and (so.get(val) or "").lstrip("-").isdigit():
                    starts[ilvl] = int(so.get(val))
                lvl = ov.find(q("lvl"))
                if lvl is not None:
                    levels[ilvl] = _Level(lvl, w)
            self.nums[n.get(q("numId"), "")] = (ref.get(val, ""), starts, levels)
        # paragraph style -> (numId, ilvl), following w:basedOn
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        if styles:
            own = styles
            for sid in own:
                num_id, ilvl, based = own[sid]
                seen = {sid}
                while (num_id is None or ilvl is None) and based and based not in seen:
                    seen.add(based)
                    b_num, b_ilvl, based_next = own.get(based, (None, None, None))
                    num_id = num_id if num_id is not None else b_num
                    ilvl = ilvl if ilvl is not None else b_ilvl
                    based = based_next
                if num_id is not None:
                    self.style_num[sid] = (num_id, ilvl)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self.defs: dict[str, _ListDef | None] = {}
        self._ppr, self._numpr = q("pPr"), q("numPr")
        self._numid, self._ilvl, self._pstyle, self._val = (q("numId"), q("ilvl"),
                                                             q("pStyle"), val)

    def _def(self, num_id: str) -> "_ListDef | None":
        if num_id in self.defs:
            return self.defs[num_id]
        entry = self.nums.get(num_id)
        d = None
        if entry is not None:
            aid, starts, overrides = entry
            link = self.style_link.get(aid)
            if link and not self.abstract.get(aid):
                linked = self.style_num.get(link)
                if linked and linked[0] in self.nums:
                    aid = self.nums[linked[0]][0]
            d = _ListDef(aid, self.abstract.get(aid, {}), starts, overrides)
        self.defs[num_id] = d
        return d

    def label(self, ppr) -> str | None:
        """The number (with its suffix) of a paragraph, given its ``w:pPr``."""
        numpr = style = None
        for c in ppr:           # w:pStyle comes first, w:numPr later
            tag = c.tag
            if tag == self._pstyle:
                style = c.get(self._val)
            elif tag == self._numpr:
                numpr = c
                break
        if numpr is None:
            if style is None or style not in self.style_num:
                return None             # the common case: not a list paragraph
            num_id, ilvl = self.style_num[style]
        else:
            num_id = ilvl = None
            for c in numpr:
                if c.tag == self._numid:
                    num_id = c.get(self._val)
                elif c.tag == self._ilvl and (c.get(self._val) or "").isdigit():
                    ilvl = int(c.get(self._val))
            if (num_id is None or ilvl is None) and style in self.style_num:
                s_num, s_ilvl = self.style_num[style]
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_ilvl
        if not num_id or num_id == "0":
            return None
        d = self._def(num_id)
        if d is None:
            return None
        if ilvl is None:
            ilvl = next((k for k, lv in enumerate(d.levels)
                         if lv is not None and style and lv.style == style), 0)
        ilvl = max(0, min(ilvl, 8))

        counters = self.counters.get(d.aid)
        if counters is None:
            counters = self.counters[d.aid] = [None] * 9
        if num_id not in self.started:
            self.started.add(num_id)
            for k in d.overridden:
                counters[k] = None
        value = counters[ilvl]
        counters[ilvl] = d.start[ilvl] if value is None else value + 1
        for k in d.resets[ilvl]:
            counters[k] = None
        lv = d.levels[ilvl]
        if lv is None or lv.text is None:
            return None
        if lv.fmt == "bullet":
            return "•" + lv.suffix
        text = lv.text
        if len(lv.parts) > 1:
            text = "".join([part if part.__class__ is str else d.number(counters, ilvl, part)
                            for part in lv.parts])
        return (text + lv.suffix) if text.strip() else None


class _ListDef:
    """One list instance (w:num) resolved: its levels with overrides applied, start
    values, and which deeper levels restart when a level advances."""

    __slots__ = ("aid", "levels", "start", "overridden", "resets", "formatters", "legal")

    def __init__(self, aid: str, levels: dict[int, _Level], starts: dict[int, int],
                 overrides: dict[int, _Level]):
        self.aid = aid
        self.levels = [overrides.get(k) or levels.get(k) for k in range(9)]
        self.start = [starts.get(k, lv.start if lv else 1)
                      for k, lv in enumerate(self.levels)]
        self.overridden = tuple(k for k in starts if 0 <= k <= 8)
        self.formatters = [_FORMATTERS.get(lv.fmt if lv else "decimal", str)
                           for lv in self.levels]
        self.legal = [bool(lv and lv.legal) for lv in self.levels]
        resets = []
        for i in range(9):
            deeper = []
            for k in range(i + 1, 9):
                lv = self.levels[k]
                restart = lv.restart if lv else None
                if restart is None or (restart != 0 and i < restart):
                    deeper.append(k)
            resets.append(tuple(deeper))
        self.resets = resets

    def number(self, counters: list[int | None], ilvl: int, k: int) -> str:
        value = counters[k]
        if value is None:       # a level not used yet: Word shows one less than start
            value = self.start[k] - (0 if k == ilvl else 1)
        if k < ilvl and self.legal[ilvl]:
            return str(value)
        return self.formatters[k](value)


def _numbering(pkg: _Package, rels, w: str) -> _Numbering | None:
    """List numbering, or None.  Damaged numbering or styles parts only cost the
    numbers; the size limits still apply to them."""
    name = _rel_of_type(rels, "/numbering")
    if not name or not pkg.has(name):
        return None
    numbering_raw = pkg.raw(name)
    styles_name = _rel_of_type(rels, "/styles")
    styles_raw = pkg.raw(styles_name) if styles_name and pkg.has(styles_name) else b""
    try:
        numbering = pkg.parse(numbering_raw, name)
        styles: dict = {}
        if b"numPr" in styles_raw:      # only styles carrying numbering matter here
            styles = _style_table_fast(styles_raw)
            if styles is None:
                styles = _style_table(pkg.parse(styles_raw, styles_name), w)
        return _Numbering(numbering, styles, w)
    except (ReadError, ValueError, TypeError, AttributeError):
        return None     # odd numbering definitions: read the text without numbers


def _style_table(root, w: str) -> dict[str, tuple[str | None, int | None, str | None]]:
    """styleId -> (numId, ilvl, basedOn) of every style, from the parsed styles part."""
    q = lambda n: f"{{{w}}}{n}"  # noqa: E731
    val = q("val")
    style_tag, based_tag, ppr_tag, numpr_tag = q("style"), q("basedOn"), q("pPr"), q("numPr")
    numid_tag, ilvl_tag = q("numId"), q("ilvl")
    own = {}
    for s in root.iterchildren(style_tag):
        based = num_id = ilvl = None
        for c in s:
            if c.tag == based_tag:
                based = c.get(val)
            elif c.tag == ppr_tag:
                for n in c:
                    if n.tag == numpr_tag:
                        for e in n:
                            if e.tag == numid_tag:
                                num_id = e.get(val)
                            elif e.tag == ilvl_tag and (e.get(val) or "").isdigit():
                                ilvl = int(e.get(val))
        own[s.get(q("styleId"), "")] = (num_id, ilvl, based)
    return own


_STYLE_ID = recache.compile(rb'\sw:styleId="([^"&]*)"')
_BASED_ON = recache.compile(rb'<w:basedOn\s+w:val="([^"&]*)"')
_NUM_ID = recache.compile(rb'<w:numId\s+w:val="(-?\d+)"')
_ILVL = recache.compile(rb'<w:ilvl\s+w:val="(\d+)"')


def _style_table_fast(raw: bytes):
    """The same table as :func:`_style_table`, by scanning the bytes.

    A large styles part (python-docx's template has 350 KB of them) costs several
    milliseconds to parse, and only a handful of values are wanted.  This handles the
    layout Word and LibreOffice write (``w:`` prefix, double quotes, no comments) and
    returns None for anything else, which is then parsed properly.
    """
    if b"<w:styles" not in raw or b"<!--" in raw or b"<![CDATA[" in raw \
            or b"w:styleId='" in raw or b"w:val='" in raw:
        return None
    own = {}
    for chunk in raw.split(b"</w:style>")[:-1]:
        start = chunk.rfind(b"<w:style ")
        if start < 0:
            return None
        block = chunk[start:]
        m = _STYLE_ID.search(block)
        if m is None:
            continue
        based = _BASED_ON.search(block)
        num_id = ilvl = None
        if b"<w:numPr" in block:
            n = _NUM_ID.search(block)
            i = _ILVL.search(block)
            num_id = n.group(1).decode() if n else None
            ilvl = int(i.group(1)) if i else None
        own[m.group(1).decode("utf-8", "replace")] = (
            num_id, ilvl, based.group(1).decode("utf-8", "replace") if based else None)
    return own


# ---------------------------------------------------------------------------- walker


def _on(el, attr: str, default: str = "1") -> bool:
    return (el.get(attr) or default).lower() in _TRUE


class _Walker:
    """Walks block content (body, cell, content control, text box) into lines."""

    def __init__(self, w: str, numbering: _Numbering | None, raw: bytes = b"vanish fonts",
                 record: bool = False):
        q = lambda n: f"{{{w}}}{n}"  # noqa: E731
        self.w = w
        self.numbering = numbering
        # with ``record``, the element of each line (see _walk); None on the read path
        self.elements: list | None = [] if record else None
        # Run properties matter only for hidden text and symbol fonts; a part that
        # names neither lets the walk skip every w:rPr (a third of a Word document).
        self.read_rpr = b"vanish" in raw or b"ingdings" in raw
        self.lines: list[tuple[str, str]] = []
        self.paragraphs = 0
        self.tables = 0
        self.VAL = q("val")
        self.P, self.TBL, self.TR, self.TC = q("p"), q("tbl"), q("tr"), q("tc")
        self.R, self.T, self.TAB, self.PTAB = q("r"), q("t"), q("tab"), q("ptab")
        self.BR, self.CR, self.SYM = q("br"), q("cr"), q("sym")
        self.NBH = q("noBreakHyphen")
        self.PPR, self.RPR, self.RFONTS, self.VANISH = (q("pPr"), q("rPr"), q("rFonts"),
                                                        q("vanish"))
        self.SDT, self.SDTPR, self.SDTCONTENT = q("sdt"), q("sdtPr"), q("sdtContent")
        self.PLACEHOLDER = q("showingPlcHdr")
        self.CHECKBOX14 = f"{{{W14}}}checkbox"
        self.CHECKED14 = f"{{{W14}}}checked"
        self.VAL14 = f"{{{W14}}}val"
        self.FLDCHAR, self.FFDATA = q("fldChar"), q("ffData")
        self.FLDTYPE = q("fldCharType")
        self.FF_CHECKBOX, self.FF_CHECKED, self.FF_DEFAULT = (q("checkBox"), q("checked"),
                                                              q("default"))
        self.FF_DDLIST, self.FF_RESULT, self.FF_ENTRY = (q("ddList"), q("result"),
                                                         q("listEntry"))
        self.SYM_FONT, self.SYM_CHAR = q("font"), q("char")
        self.ASCII, self.HANSI = q("ascii"), q("hAnsi")
        self.TCPR, self.VMERGE, self.TRPR = q("tcPr"), q("vMerge"), q("trPr")
        self.DEL, self.CELLDEL = q("del"), q("cellDel")
        self.TXBX = q("txbxContent")
        self.ALT = f"{{{MC}}}AlternateContent"
        self.CHOICE, self.FALLBACK = f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
        self.MATH_T = f"{{{MATH}}}t"
        self.MATH_BLOCKS = frozenset({f"{{{MATH}}}oMath", f"{{{MATH}}}oMathPara"})
        self.INLINE_DESCEND = frozenset(q(n) for n in (
            "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "dir",
            "bdo"))
        self.BLOCK_DESCEND = frozenset(q(n) for n in ("customXml", "ins", "moveTo"))
        self.RUN_OBJECTS = frozenset(q(n) for n in ("drawing", "pict", "object"))
        self._boxes: list = []
        self._in_checkbox_field = False     # between a FORMCHECKBOX's begin and end

    # ---- blocks

    def block(self, parent, cell: list[str] | None = None, where: str | None = None):
        """Walk block-level children.  ``cell`` collects paragraph texts of a table
        cell; otherwise lines are emitted, ``where`` fixing their location."""
        P, TBL, SDT = self.P, self.TBL, self.SDT
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, cell, where)
            elif tag == TBL:
                self.table(child, cell)
            elif tag == SDT:
                content = self._sdt_content(child)
                if content is not None:
                    self.block(content, cell, where)
            elif tag in self.BLOCK_DESCEND:
                self.block(child, cell, where)
            elif tag == self.ALT:
                branch = self._branch(child)
                if branch is not None:
                    self.block(branch, cell, where)

    def paragraph(self, p, cell: list[str] | None, where: str | None):
        if cell is None and where is None:
            self.paragraphs += 1
            where = f"paragraph {self.paragraphs}"
        label = None
        if self.numbering is not None and len(p) and p[0].tag == self.PPR:
            label = self.numbering.label(p[0])
        parts: list[str] = []
        boxes, self._boxes = self._boxes, []
        self.inline(p, parts)
        found, self._boxes = self._boxes, boxes
        text = "".join(parts)
        if _MAYBE_GLYPH.search(text):
            text = text.translate(_GLYPH_TABLE)
        if label and text.strip():
            text = label + text
        if cell is not None:
            cell.append(text)
        else:
            for line in text.split("\n"):
                line = line.strip(" \t")
                if line:
                    self.lines.append((line, where))
                    if self.elements is not None:
                        self.elements.append(p)
        for box in found:
            self.block(box, cell, where if cell is not None else f"{where}, text box")

    def table(self, tbl, cell: list[str] | None):
        if cell is None:
            self.tables += 1
            number = self.tables
        tcs = [] if self.elements is not None and cell is None else None
        rows = self._rows(tbl, tcs)
        for r, cells in enumerate(rows, 1):
            if not any(cells):
                continue
            if cell is None:
                self.lines.append(("\t".join(cells), f"table {number}, row {r}"))
                if tcs is not None:
                    self.elements.append(tcs[r - 1])
            else:
                cell.append(" ".join(c for c in cells if c))

    def _rows(self, tbl, tcs: list | None = None) -> list[list[str]]:
        """The rows' cell texts; with ``tcs``, each row's ``w:tc`` (one per cell text)
        is appended to it too."""
        rows: list[list[str]] = []
        TRPR, TCPR, DEL, CELLDEL, VMERGE = (self.TRPR, self.TCPR, self.DEL, self.CELLDEL,
                                            self.VMERGE)
        for tr in self._children(tbl, self.TR):
            deleted = False
            for c in tr[:2]:                    # w:tblPrEx?, w:trPr?
                if c.tag == TRPR:
                    deleted = any(e.tag == DEL for e in c)
            if deleted:
                continue                        # a deleted row (tracked change)
            cells = []
            if tcs is not None:
                tcs.append(row_tcs := [])
            for tc in self._children(tr, self.TC):
                if len(tc) and tc[0].tag == TCPR:
                    merged = deleted_cell = False
                    for e in tc[0]:
                        if e.tag == VMERGE:
                            merged = e.get(self.VAL, "continue") != "restart"
                        elif e.tag == CELLDEL:
                            deleted_cell = True
                    if deleted_cell:
                        continue
                    if merged:                  # continuation of a vertical merge
                        cells.append("")
                        if tcs is not None:
                            row_tcs.append(tc)
                        continue
                parts: list[str] = []
                self.block(tc, parts)
                cells.append(" ".join(" ".join(parts).split()))
                if tcs is not None:
                    row_tcs.append(tc)
            rows.append(cells)
        return rows

    def _children(self, parent, tag):
        """Children with ``tag``, looking through row/cell-level content controls and
        custom XML."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif child.tag == self.SDT:
                content = self._sdt_content(child)
                if content is not None:
                    yield from self._children(content, tag)
            elif child.tag in self.BLOCK_DESCEND:
                yield from self._children(child, tag)

    def _sdt_content(self, sdt):
        pr = sdt.find(self.SDTPR)
        if pr is not None:
            ph = pr.find(self.PLACEHOLDER)
            if ph is not None and _on(ph, self.VAL):
                return None     # the prompt text of an unfilled control
        return sdt.find(self.SDTCONTENT)

    def _branch(self, alt):
        branch = alt.find(self.CHOICE)
        return branch if branch is not None else alt.find(self.FALLBACK)

    # ---- inline

    def inline(self, parent, parts: list[str]):
        R, PPR = self.R, self.PPR
        for child in parent:
            tag = child.tag
            if tag == R:
                self.run(child, parts)
            elif tag == PPR:
                continue
            elif tag in self.INLINE_DESCEND:
                self.inline(child, parts)
            elif tag == self.SDT:
                pr = child.find(self.SDTPR)
                box = pr.find(self.CHECKBOX14) if pr is not None else None
                if box is not None:
                    # the state, not the glyph run inside the control
                    checked = box.find(self.CHECKED14)
                    parts.append(CHECKED if checked is not None
                                 and _on(checked, self.VAL14) else UNCHECKED)
                    continue
                content = self._sdt_content(child)
                if content is not None:
                    self.inline(content, parts)
            elif tag == self.ALT:
                branch = self._branch(child)
                if branch is not None:
                    self.inline(branch, parts)
            elif tag in self.MATH_BLOCKS:
                parts.append("".join(t.text or "" for t in child.iter(self.MATH_T)))
            # w:del, w:moveFrom, w:pPr, bookmarks, comments: no text

    def run(self, r, parts: list[str]):
        table = _GLYPH_TABLE
        T = self.T
        for c in r:
            tag = c.tag
            if tag == T:
                text = c.text
                if text and not self._in_checkbox_field:
                    # typed glyphs are normalised per paragraph; symbol fonts here
                    parts.append(text if table is _GLYPH_TABLE else text.translate(table))
            elif tag == self.RPR:
                if not self.read_rpr:
                    continue
                for e in c:
                    etag = e.tag
                    if etag == self.VANISH:
                        if _on(e, self.VAL):
                            return      # hidden text
                    elif etag == self.RFONTS:
                        font = (e.get(self.ASCII) or e.get(self.HANSI) or "").lower()
                        table = _FONT_TABLES.get(font, _GLYPH_TABLE)
            elif tag == self.TAB or tag == self.PTAB:
                parts.append("\t")
            elif tag == self.BR or tag == self.CR:
                parts.append("\n")
            elif tag == self.SYM:
                if not self._in_checkbox_field:
                    parts.append(self._sym(c))
            elif tag == self.FLDCHAR:
                kind = c.get(self.FLDTYPE)
                if kind == "begin":
                    parts.append(self._form_field(c))
                elif kind == "end":
                    self._in_checkbox_field = False
            elif tag == self.NBH:
                parts.append("-")
            elif tag in self.RUN_OBJECTS or tag == self.ALT:
                self._collect_boxes(c)

    def _sym(self, sym) -> str:
        font = (sym.get(self.SYM_FONT) or "").lower()
        try:
            raw = int(sym.get(self.SYM_CHAR) or "", 16)
        except ValueError:
            return ""
        code = raw - 0xF000 if raw >= 0xF000 else raw
        table = _SYMBOL_FONTS.get(font)
        if table is not None:
            return table.get(code, "")
        if font in _DECORATIVE_FONTS:
            return ""       # a decorative glyph with no text meaning
        if raw >= 0xF000:   # a private-use code with no known font: read as Wingdings
            return _SYMBOL_FONTS["wingdings"].get(code, "")
        return _TEXT_GLYPHS.get(chr(raw), chr(raw)) if raw >= 0x20 else ""

    def _form_field(self, fld) -> str:
        ff = fld.find(self.FFDATA)
        if ff is None:
            return ""
        box = ff.find(self.FF_CHECKBOX)
        if box is not None:
            # a result glyph some tools write after the field code is not the state
            self._in_checkbox_field = True
            checked = box.find(self.FF_CHECKED)
            if checked is not None:
                return CHECKED if _on(checked, self.VAL) else UNCHECKED
            default = box.find(self.FF_DEFAULT)
            return CHECKED if default is not None and _on(default, self.VAL) else UNCHECKED
        dd = ff.find(self.FF_DDLIST)
        if dd is not None:
            entries = [e.get(self.VAL, "") for e in dd.iter(self.FF_ENTRY)]
            chosen = dd.find(self.FF_RESULT)
            if chosen is None:
                chosen = dd.find(self.FF_DEFAULT)
            try:
                index = int(chosen.get(self.VAL, "0")) if chosen is not None else 0
            except ValueError:
                index = 0
            return entries[index] if 0 <= index < len(entries) else ""
        return ""       # text form fields show their result runs, read as text

    def _collect_boxes(self, obj):
        if obj.tag == self.ALT:
            obj = self._branch(obj)
            if obj is None:
                return
        for box in obj.iter(self.TXBX):
            # only the outermost text boxes: inner ones are walked with their parent
            parent = box.getparent()
            while parent is not None and parent is not obj and parent.tag != self.TXBX:
                parent = parent.getparent()
            if parent is None or parent is obj:
                self._boxes.append(box)
