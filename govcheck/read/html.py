"""HTML pages: ModernGov (mod.gov) and CMIS council sites, saved reports, news pages.

The page is flattened to lines in reading order, the way a person reads it in a
browser, with the site's chrome left out:

* **Blocks** (``p``, ``div``, ``li``, ``h1``–``h6``, ``dt``/``dd``, ``blockquote`` ...)
  each start a new line; ``<br>`` starts a new line; ``<pre>`` keeps its own lines.
  Inline elements (``span``, ``a``, ``strong`` ...) run on within their line, and
  whitespace (non-breaking spaces included) collapses to one space.
* **Labels stay with their values.**  An inline label - an element whose class names a
  label (ModernGov ``<span class="mgLabel">``, ``fieldLabel``...) or a ``strong``/``b``
  ending in ``:`` - is followed on the same line by what comes after it:
  ``<p><span class="mgLabel">Is Key decision?:&nbsp;</span>Yes</p>`` reads
  ``Is Key decision?: Yes``.  The label keeps its own colon; a label without one gets
  ``:``.  When the label's block holds nothing else, the next block's first line joins
  it.  A block label (``dt``, ``<div class="label">``) joins the first line of the block
  that follows it (``dd``, the value ``div``).
* **Table rows** become one line, cells joined by a TAB (``Meeting Date<TAB>26/03/2019``);
  the text of a cell is one line (its paragraphs and ``<br>`` joined by a space); empty
  trailing cells are dropped and empty rows skipped.  A row used for page layout - a
  cell holding a table, a heading or other sectioning element, a single cell holding
  several blocks, or any row of a ``role="presentation"`` table - is not a data row:
  its cells are read as blocks.
* **Checkboxes**: ``<input type="checkbox" checked>`` (and radio buttons) become
  ``☒``, unchecked ``☐``, where the input stands: ``<input checked="" type="checkbox"/>
  No`` reads ``☒ No``.  Legacy Word symbols (a Wingdings ``þ``/``ý``/``x`` or ``¨``/``o``)
  and ``☑``/``⊠``/``⌧`` are normalised the same way.
* **Chrome is dropped**: ``head``, ``script``, ``style``, ``noscript``, ``template``,
  ``nav``, the site's ``footer`` and ``header`` (not those inside ``article``/``main``/
  ``section``; a site header holding the page's ``h1`` keeps the heading),
  form controls other than checkboxes, hidden elements (``hidden``, ``aria-hidden``,
  ``display:none``), ARIA navigation/banner/contentinfo/search regions, and elements whose
  class or id names breadcrumbs (ModernGov ``mgBread``), cookie notices, skip links, menus,
  site headers/footers, share bars or screen-reader-only text.

``Line.where`` names the source: ``table 2, row 3`` for a table row (tables numbered in
reading order, chrome not counted), otherwise the block's tag with its id (``#...``) or
first class (``.``), e.g. ``p``, ``h2.mgSubTitleTxt``, ``dd``, ``li``.

``Document.properties``: ``title`` (``<title>``, else the first ``h1``), ``page_type``
when recognised (:data:`PAGE_TYPES`), ``url`` (canonical link or ``og:url``), ``lang``,
and ``encoding`` (the one the page was decoded with; ``encoding_note`` when that
needed a fallback).

Encoding: a byte-order mark wins, then the page's own declaration (``<meta charset>``,
``http-equiv`` Content-Type, XML declaration; ``iso-8859-1``/``ascii`` mean
windows-1252 as in browsers), then UTF-8, then windows-1252.  A page declared UTF-8
that is not valid UTF-8 (a common mislabel) is read as windows-1252 and noted.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from govcheck.read.base import CHECKED, UNCHECKED, Document, Line, ReadError
from govcheck import recache

__all__ = ["read", "PAGE_TYPES"]

PAGE_TYPES = ("ieDecisionDetails", "mgIssueHistoryHome", "mgListPlanItems",
              "mgReasonsRestricted", "mgAi", "cmis")

# ---------------------------------------------------------------------------
# decoding

_PRESCAN_BYTES = 16384
_META_CHARSET_RE = recache.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""",
                              re.IGNORECASE)
_XML_DECL_RE = recache.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
                          re.IGNORECASE)
# WHATWG: these labels all mean windows-1252 in a browser
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                    "us-ascii", "ascii", "cp819", "ibm819", "iso-ir-100", "x-cp1252",
                    "cp1252", "windows-1252"}


def _declared_encoding(head: bytes) -> str | None:
    m = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in _AS_WINDOWS_1252:
        return "windows-1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        # a page that says UTF-16 but has no BOM and reached us as ASCII-compatible
        # bytes is UTF-8 (HTML standard, "prescan a byte stream")
        return "utf-8"
    return name


def _decode(data: bytes) -> tuple[str, str, str | None]:
    """Return (text, encoding used, note) or raise ReadError."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, None
            except UnicodeDecodeError as e:
                raise ReadError(f"not valid {enc.upper()} text after its byte-order mark "
                                f"(byte {e.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        raise ReadError("binary file: not an HTML page")
    declared = _declared_encoding(data[:_PRESCAN_BYTES])
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared, None
        except UnicodeDecodeError:
            return (data.decode(declared, "replace"), declared,
                    f"some bytes are not valid {declared} and were replaced")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    note = ("declared UTF-8 but not valid UTF-8; read as windows-1252" if declared
            else "no charset declared and not valid UTF-8; read as windows-1252")
    try:
        return data.decode("windows-1252"), "windows-1252", note
    except UnicodeDecodeError:
        return data.decode("windows-1252", "replace"), "windows-1252", note


# ---------------------------------------------------------------------------
# what is chrome, what is a block, what is a label

_DROP_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "nav", "iframe", "frame",
    "frameset", "object", "embed", "svg", "math", "canvas", "audio", "video", "map",
    "button", "select", "option", "optgroup", "datalist", "textarea", "meta", "link",
    "title", "base",
})
_SITE_PARTS = frozenset({"header", "footer"})
_CONTENT_SECTIONS = frozenset({"article", "main", "section"})
_BADGE_TOKEN_RE = recache.compile(r"^label-(?:default|primary|secondary|success|info|warning|danger)$")
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu",
                         "menubar", "toolbar", "dialog", "alertdialog"})
_CHROME_TOKEN_RE = recache.compile(r"""^(?:
      mgbread[\w-]*         # ModernGov breadcrumbs
    | [\w-]*breadcrumb[\w-]*
    | [\w-]*cookie[\w-]*    # cookie notices and banners
    | newsletter[\w-]*
    | skip(?:[-_]?(?:link|links|nav|content|main)|[-_]?to[-_][\w-]+)?
    | nav | navbar | navigation | menu | mainmenu | menubar | megamenu
    | (?:site|global|main|top|primary|mega|header|footer|side|sub|left|right|utility)
      [-_]?(?:nav|navigation|menu|links)
    | (?:site|global|page|masthead)[-_]?(?:header|footer|banner)
    | footer | masthead
    | social(?:[-_][\w-]+|media|links|bar)? | share(?:[-_][\w-]+|this|bar|buttons|links)?
    | sharing
    | sr[-_]only | visually[-_]?hidden | screen[-_]?reader[-_]?(?:text|only)
    | back[-_]?to[-_]?top
    | mgfooter | mgsitesearch | mgmenu\w*
    | search[-_]?(?:box|form|bar)?
)$""", re.VERBOSE)
_HIDDEN_STYLE_RE = recache.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form",
    "header", "footer", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
    "p", "section", "summary", "ul", "caption", "td", "th", "tr", "tbody", "thead",
    "tfoot", "table", "pre", "listing", "xmp", "plaintext",
}) | _HEADINGS
# a cell holding one of these is page layout, not a data cell
_LAYOUT_MARKERS = frozenset({"table", "main", "article", "section", "aside", "header",
                             "footer", "form", "fieldset"}) | _HEADINGS
_LABEL_TOKEN_RE = recache.compile(r"label$|^label", re.IGNORECASE)
_BOLD = frozenset({"strong", "b"})

# Word's legacy checkbox symbols in a Wingdings run
_WINGDINGS_BOXES = {"þ": CHECKED, "ý": CHECKED, "x": CHECKED, "¨": UNCHECKED, "o": UNCHECKED,
                    "q": UNCHECKED}
_GLYPHS = str.maketrans({"☑": CHECKED, "⊠": CHECKED, "⌧": CHECKED})
_INVISIBLE_RE = recache.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_RE = recache.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip().translate(_GLYPHS)


def _tag(el: Any) -> str | None:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else None


def _tokens(el: Any) -> list[str]:
    return (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])


def _is_chrome(el: Any, tag: str) -> bool:
    if tag in _DROP_TAGS:
        return True
    if tag == "input":
        return (el.get("type") or "").lower() not in ("checkbox", "radio")
    if tag in _SITE_PARTS and not any(_tag(a) in _CONTENT_SECTIONS
                                      or (a.get("role") or "").lower() == "main"
                                      for a in el.iterancestors()):
        # the site's own header and footer; a header holding the page's h1 stays
        # (its menus and search boxes still go, by the rules below)
        if tag == "footer" or not any(_tag(d) == "h1" for d in el.iterdescendants()):
            return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if _HIDDEN_STYLE_RE.search(el.get("style") or ""):
        return True
    if (el.get("role") or "").lower() in _DROP_ROLES:
        return True
    if tag in ("html", "body"):
        return False
    return any(_CHROME_TOKEN_RE.match(t.lower()) for t in _tokens(el))


def _has_label_class(el: Any) -> bool:
    tokens = (el.get("class") or "").split()
    if any(_BADGE_TOKEN_RE.match(t.lower()) for t in tokens):
        return False    # a Bootstrap badge (``label label-info``), not a field label
    return any(_LABEL_TOKEN_RE.search(t) for t in tokens)


def _is_field_label(el: Any, tag: str) -> bool:
    """An inline field label: ``span.mgLabel``-like, or ``strong``/``b`` ending in ``:``.

    A ``<label>`` element is the caption of a form control (``☒ No``), never a field
    label, and nothing holding a checkbox is one either.
    """
    if tag == "label" or any(_tag(d) == "input" for d in el.iterdescendants()):
        return False
    return _has_label_class(el) or (tag in _BOLD and _norm(el.text_content()).endswith(":"))


def _describe(el: Any) -> str:
    tag = _tag(el) or "?"
    if el.get("id"):
        return f"{tag}#{el.get('id')}"
    classes = (el.get("class") or "").split()
    return f"{tag}.{classes[0]}" if classes else tag


def _as_label(text: str) -> str:
    text = text.strip()
    if not text or text.endswith((":", "：")):
        return text
    return text + ":"


# ---------------------------------------------------------------------------
# flattening


class _Flattener:
    def __init__(self, tables: list[int] | None = None) -> None:
        self.out: list[tuple[str, str]] = []
        self._buf: list[str] = []
        self._buf_where: str | None = None
        self._where: list[str] = ["body"]
        self._hold = False          # a label waits for its value: do not break the line
        self._pre = 0
        self._tables = tables if tables is not None else [0]

    # -- the line buffer
    def _text(self, text: str | None) -> None:
        if not text:
            return
        if self._pre:
            parts = text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.flush(force=True)
                self._add(part)
        else:
            self._add(text)

    def _add(self, text: str) -> None:
        if not self._buf:
            self._buf_where = self._where[-1]
        self._buf.append(text)
        if not text.isspace() and text:
            self._hold = False

    def _mark(self, mark: str) -> None:
        self._add(f" {mark} ")
        self._hold = False

    def flush(self, force: bool = False) -> None:
        if self._hold and not force:
            return
        self._hold = False
        text = _norm("".join(self._buf))
        if text:
            self.out.append((text, self._buf_where or self._where[-1]))
        self._buf = []
        self._buf_where = None

    def lines_of(self, el: Any) -> list[str]:
        """The lines an element alone would give (for one table cell or a label)."""
        sub = _Flattener(self._tables)
        sub._where = [_describe(el)]
        sub._children(el)
        sub.flush(force=True)
        return [t for t, _ in sub.out]

    # -- the walk
    def walk(self, el: Any) -> None:
        tag = _tag(el)
        if tag is None or _is_chrome(el, tag):
            return
        if tag == "br":
            self.flush(force=True)
        elif tag == "input":
            self._mark(CHECKED if "checked" in el.attrib else UNCHECKED)
        elif tag == "img":
            return
        elif tag == "table":
            self._table(el)
        elif tag in _BLOCK_TAGS:
            self._block(el)
        elif _is_field_label(el, tag):
            self._inline_label(el)
        elif "wingdings" in (el.get("style") or "").lower() and \
                _norm(el.text_content()) in _WINGDINGS_BOXES:
            self._mark(_WINGDINGS_BOXES[_norm(el.text_content())])
        else:
            self._children(el)

    def _children(self, el: Any) -> None:
        self._text(el.text)
        kids = list(el)
        for i, kid in enumerate(kids):
            if self._is_label_block(kid):
                # a block label: on its own line, or joined to its value's first line
                self.flush()
                self._where.append(_describe(kid))
                self._add(_as_label(" ".join(self.lines_of(kid))) + " ")
                self._where.pop()
                if self._value_after(kid, kids[i + 1] if i + 1 < len(kids) else None) is None:
                    self.flush(force=True)
                else:
                    self._hold = True
                self._text(kid.tail)
            else:
                self.walk(kid)
                self._text(kid.tail)

    @staticmethod
    def _is_label_block(el: Any) -> bool:
        """A ``dt`` or a block whose class names a label, holding a short inline text."""
        tag = _tag(el)
        if tag is None or tag not in _BLOCK_TAGS or tag in _HEADINGS or tag == "table":
            return False
        if not (tag == "dt" or _has_label_class(el)) or _is_chrome(el, tag):
            return False
        if any(_tag(d) == "input" for d in el.iterdescendants()):
            return False
        if any(_tag(d) in _BLOCK_TAGS for d in el.iterdescendants()):
            return False
        return 0 < len(_norm(el.text_content())) <= 200

    def _value_after(self, kid: Any, nxt: Any) -> Any:
        """The element a block label pairs with (the ``dd``, the value ``div``), if any."""
        if nxt is None or (kid.tail or "").strip():
            return None
        ntag = _tag(nxt)
        if ntag is None or ntag in _HEADINGS or ntag in ("table", "hr", "br") \
                or self._is_label_block(nxt) or _is_chrome(nxt, ntag):
            return None
        return nxt

    def _block(self, el: Any, where: str | None = None) -> None:
        tag = _tag(el)
        self.flush()
        self._where.append(where or _describe(el))
        if tag in ("pre", "listing", "xmp", "plaintext"):
            self._pre += 1
        self._children(el)
        if tag in ("pre", "listing", "xmp", "plaintext"):
            self._pre -= 1
        self.flush(force=True)
        self._where.pop()

    def _inline_label(self, el: Any) -> None:
        text = " ".join(self.lines_of(el))
        if not text:
            return
        self._add(_as_label(text) + " ")
        self._hold = True

    # -- tables
    def _rows(self, table: Any) -> list[Any]:
        rows = []
        for child in table:
            tag = _tag(child)
            if tag == "tr":
                rows.append(child)
            elif tag in ("thead", "tbody", "tfoot"):
                rows.extend(r for r in child if _tag(r) == "tr")
        return rows

    def _is_layout_row(self, table: Any, cells: list[Any]) -> bool:
        if (table.get("role") or "").lower() in ("presentation", "none"):
            return True
        for cell in cells:
            blocks = 0
            for d in cell.iterdescendants():
                dtag = _tag(d)
                if dtag in _LAYOUT_MARKERS and not _is_chrome(d, dtag):
                    return True
                if dtag in _BLOCK_TAGS:
                    blocks += 1
            if len(cells) == 1 and blocks >= 2:
                return True
        return False

    def _table(self, table: Any) -> None:
        self.flush(force=True)
        self._tables[0] += 1
        number = self._tables[0]
        for child in table:
            if _tag(child) == "caption" and not _is_chrome(child, "caption"):
                self._block(child, where=f"table {number} caption")
        for r, row in enumerate(self._rows(table), start=1):
            if _is_chrome(row, "tr"):
                continue
            where = f"table {number}, row {r}"
            cells = [c for c in row if _tag(c) in ("td", "th") and not _is_chrome(c, _tag(c))]
            if self._is_layout_row(table, cells):
                for c, cell in enumerate(cells, start=1):
                    self._block(cell, where=f"{where}, cell {c}")
                continue
            texts = [_norm(" ".join(self.lines_of(cell))) for cell in cells]
            while texts and not texts[-1]:
                texts.pop()
            if any(texts):
                self.out.append(("\t".join(texts), where))


# ---------------------------------------------------------------------------
# page properties

_PAGE_NAMES = r"(ieDecisionDetails|mgIssueHistoryHome|mgListPlanItems|mgReasonsRestricted|mgAi)"
_PAGE_FILE_RE = recache.compile(r"\b" + _PAGE_NAMES + r"\.aspx\b", re.IGNORECASE)
_PAGE_CLASS_RE = recache.compile(_PAGE_NAMES, re.IGNORECASE)
_CANONICAL_NAME = {p.lower(): p for p in PAGE_TYPES}
_CMIS_RE = recache.compile(r"cmis", re.IGNORECASE)
_HEADING_TYPES = (
    (recache.compile(r"^(decision details|manylion y penderfyniad)\b", re.I), "ieDecisionDetails"),
    (recache.compile(r"^(issue history|issue details|hanes y mater|manylion y mater)\b", re.I),
     "mgIssueHistoryHome"),
    (recache.compile(r"^(reasons? (for restriction|restricted)|rhesymau wedi'u cyfyngu)", re.I),
     "mgReasonsRestricted"),
    (recache.compile(r"^(forward plan|plan items|notice of key decisions|blaenraglen)", re.I),
     "mgListPlanItems"),
    (recache.compile(r"^(agenda item|eitem agenda)\b", re.I), "mgAi"),
)


def _page_type(root: Any) -> str | None:
    urls = (root.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
            + root.xpath("//meta[@property='og:url' or @name='og:url']/@content")
            + root.xpath("//form/@action") + root.xpath("//base/@href"))
    for url in urls:
        m = _PAGE_FILE_RE.search(url)
        if m:
            return _CANONICAL_NAME[m.group(1).lower()]
    markers = urls + root.xpath("//meta[@name='generator' or @name='Generator']/@content")
    body = root.find("body")
    if body is not None:
        markers += _tokens(body)
        for token in _tokens(body):
            m = _PAGE_CLASS_RE.search(token)
            if m:
                return _CANONICAL_NAME[m.group(1).lower()]
    if any(_CMIS_RE.search(m) for m in markers):
        return "cmis"
    for heading in root.xpath("//h1|//h2")[:6]:
        text = _norm(heading.text_content())
        for pattern, kind in _HEADING_TYPES:
            if pattern.search(text):
                return kind
    return None


def _properties(root: Any, encoding: str, note: str | None) -> dict[str, str]:
    props: dict[str, str] = {}
    title = root.find(".//title")
    text = _norm(title.text_content()) if title is not None else ""
    if not text:
        h1 = root.xpath("//h1")
        text = _norm(h1[0].text_content()) if h1 else ""
    if text:
        props["title"] = text
    kind = _page_type(root)
    if kind:
        props["page_type"] = kind
    url = (root.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
           + root.xpath("//meta[@property='og:url']/@content"))
    if url and url[0].strip():
        props["url"] = url[0].strip()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        props["lang"] = lang.strip()
    props["encoding"] = encoding
    if note:
        props["encoding_note"] = note
    return props


# ---------------------------------------------------------------------------


def read(path: str, data: bytes, fmt: str) -> Document:
    from lxml import etree
    from lxml import html as lxml_html

    text, encoding, note = _decode(data)
    if not text.strip():
        raise ReadError("empty file: nothing to check")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        raise ReadError("no text found in the HTML page") from None
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        # libxml2 stops reading below 256 levels of nesting: refuse, never truncate
        raise ReadError("the page is nested too deeply to read (over 256 levels of elements)")
    props = _properties(root, encoding, note)
    flat = _Flattener()
    try:
        flat.walk(root)
    except RecursionError:
        raise ReadError("the page is nested too deeply to read") from None
    flat.flush(force=True)
    if not flat.out:
        raise ReadError("no text found in the HTML page")
    lines = [Line(i, t, where=w) for i, (t, w) in enumerate(flat.out, start=1)]
    return Document(path=path, format="html", lines=lines, properties=props)
