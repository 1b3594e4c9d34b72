"""``govcheck serve``: the checker as a local web page, for report authors who never
open a terminal.

One page to choose or drop documents (Word, PDF, text, Markdown, HTML, YAML or JSON
records, or a zip of an agenda folder), a council profile and an "as at" date; one
results page with each document's findings beside its own text, each finding linked to
the line it points at; downloads of the same run as an HTML clearance report, JSON,
SARIF, and each Word document with the findings as comments.

Safe by default:

* it listens on 127.0.0.1 only, and answers only requests addressed to it by that name
  (a web page elsewhere cannot reach it through a rebound host name);
* a request from another origin cannot post to it;
* uploads are checked against :class:`~govcheck.serve.uploads.Limits` and written to a
  private temporary folder removed before the response is sent; the downloads travel in
  the response itself, so nothing is kept on the server and nothing is logged beyond
  counts;
* templates escape every value taken from a document; responses carry a strict
  Content-Security-Policy (no inline script or style, nothing from elsewhere);
* a bad upload gets one line saying why, like the command line; never a stack trace.

The run policy is the command line's (:func:`govcheck.api.check_paths`): the same rule
pack, profiles, configuration (select, ignore, waivers) and findings.
"""

from __future__ import annotations

import base64
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from govcheck import __version__
from govcheck.serve.uploads import MB, Limits, UploadError, size, unpack

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


@dataclass
class Settings:
    """What a server runs with: the command line's options and configuration."""

    host: str = "127.0.0.1"
    port: int = 8765
    rules_dir: str | None = None
    profile: str | None = None          # the profile chosen when the page opens
    select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    waivers: list = field(default_factory=list)
    fail_on: str = "error"
    limits: Limits = field(default_factory=Limits)
    log: bool = True                    # one line of counts per run, on stderr


def create_app(settings: Settings | None = None) -> Starlette:
    """The application.  The rule pack and profiles are loaded once, here."""
    from govcheck.api import load_rules

    settings = settings or Settings()
    pack, _ = load_rules(settings.rules_dir, None)
    state = _State(settings, pack)
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)

    def page(name: str, status: int = 200, **values) -> HTMLResponse:
        html = env.get_template(name).render(version=__version__, **values)
        return HTMLResponse(html, status_code=status,
                            headers={"cache-control": "no-store"})

    def problem(message: str, status: int) -> HTMLResponse:
        return page("problem.html", status=status, message=message)

    async def index(request: Request) -> Response:
        return page("index.html", profiles=state.profiles, chosen=settings.profile or "",
                    today=dt.date.today().isoformat(), limits=settings.limits,
                    mb=MB)

    async def check(request: Request) -> Response:
        if not _same_origin(request):
            return problem("this page only takes uploads from govcheck's own page", 403)
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return problem("the upload did not say its size: send it from govcheck's "
                           "page", 411)
        if int(length) > settings.limits.request_bytes:
            return problem(f"the upload is {size(int(length))}, over the "
                           f"{size(settings.limits.request_bytes)} limit: check fewer "
                           "documents at a time", 413)
        try:
            form = await request.form(max_files=settings.limits.files * 4,
                                      max_fields=20, max_part_size=MB)
        except Exception as e:  # noqa: BLE001 - a malformed request body, in one line
            return problem(f"the upload could not be read: {e}", 400)
        try:
            files = []
            for item in form.getlist("files"):
                if hasattr(item, "read") and item.filename:
                    files.append((item.filename, await item.read()))
            profile = str(form.get("profile") or "") or None
            as_of = _as_of(str(form.get("as_of") or ""))
            if profile is not None and profile not in state.profile_names:
                raise UploadError(f"unknown council profile {profile!r}")
        except UploadError as e:
            return problem(str(e), 400)
        finally:
            await form.close()
        try:
            view = await run_in_threadpool(state.run, files, profile, as_of)
        except UploadError as e:
            return problem(str(e), 400)
        except Exception as e:  # noqa: BLE001 - the last line of defence, as in the CLI
            return problem(f"internal error: {type(e).__name__}: {e} (please report it)",
                           500)
        return page("results.html", **view)

    async def not_found(request: Request, exc) -> Response:
        return problem("no such page", 404)

    async def not_allowed(request: Request, exc) -> Response:
        return problem("that is not something this page does", 405)

    app = Starlette(routes=[
        Route("/", index, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
    ], exception_handlers={404: not_found, 405: not_allowed})
    hosts = {"127.0.0.1", "localhost", "[::1]", settings.host, "testserver"}
    return _Guard(app, hosts)


class _Guard:
    """ASGI middleware: answer only requests addressed to this server by one of its own
    names (a defence against DNS rebinding), and add the security headers to every
    response."""

    def __init__(self, app, hosts: set[str]):
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name.lower() not in self.hosts:
            response = Response("govcheck: this server answers only to its own address\n",
                                status_code=421, media_type="text/plain")
            return await self._with_headers(response)(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        return await self.app(scope, receive, send_with_headers)

    @staticmethod
    def _with_headers(response: Response) -> Response:
        for k, v in HEADERS:
            response.headers[k.decode()] = v.decode()
        return response


def _same_origin(request: Request) -> bool:
    """A browser names the page a form was posted from; a post from any other site is
    refused.  A client that sends no Origin (a script, the test client) is allowed: it
    could send anything anyway."""
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def _as_of(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UploadError(f"{value!r} is not a date in YYYY-MM-DD form") from None


class _State:
    """What the server loads once: the rule pack, the profiles, rule explanations."""

    def __init__(self, settings: Settings, pack):
        self.settings = settings
        self.pack = pack
        self.profiles = _profiles(pack)
        self.profile_names = {p["name"] for p in self.profiles}
        self._explained: dict[str, str] = {}

    def explain(self, code: str) -> str:
        """What ``govcheck rule CODE`` prints."""
        if code not in self._explained:
            from govcheck.docs import rule_doc

            versions = self.pack.find(code)
            self._explained[code] = rule_doc(versions, self.pack) if versions else ""
        return self._explained[code]

    def run(self, files: list[tuple[str, bytes]], profile: str | None,
            as_of: dt.date | None) -> dict:
        """Check the uploaded files and build the results page's values.  The files live
        in a temporary folder for the length of this call only."""
        s = self.settings
        with tempfile.TemporaryDirectory(prefix="govcheck-serve-") as tmp:
            uploads, notes = unpack(files, Path(tmp), s.limits)
            result, texts = _check(uploads, self.pack, profile, as_of, s)
            view = _view(result, uploads, texts, notes, self, profile, as_of)
        if s.log:
            counts = result.counts
            print(f"govcheck serve: checked {len(uploads)} document(s): "
                  f"{counts['error']} error(s), {counts['warning']} warning(s), "
                  f"{counts['info']} info, {len(result.errors)} unreadable",
                  file=sys.stderr, flush=True)
        return view


def _profiles(pack) -> list[dict]:
    from govcheck.api import _load_profile, profiles_root

    out = []
    for path in sorted((profiles_root(pack) / "profiles").glob("*.yaml")):
        try:
            p = _load_profile(pack, path.stem)
        except Exception:  # noqa: BLE001 - a broken profile is left off the list
            continue
        label = p.get("council") or f"{path.stem.split('-')[0].title()} default"
        out.append({"name": path.stem, "label": label, "nation": p.get("nation", "")})
    out.sort(key=lambda p: (not p["name"].endswith("-default"), p["label"]))
    return out


def _check(uploads, pack, profile, as_of, settings: Settings):
    """Run the command line's policy on the uploads; findings and errors name each
    document as the user knows it."""
    from govcheck.api import check_paths, renamed
    from govcheck.read import read_path
    from govcheck.read.base import ReadError

    result = check_paths([u.path for u in uploads], pack=pack, profile=profile,
                         as_of=as_of, select=settings.select, ignore=settings.ignore,
                         waivers=settings.waivers, fail_on=settings.fail_on, jobs=1,
                         max_bytes=settings.limits.file_bytes)
    result = renamed(result, {u.path: u.name for u in uploads})
    # the text shown beside the findings (the run does not keep its documents)
    texts = {}
    for u in uploads:
        try:
            texts[u.name] = read_path(u.path, display=u.name,
                                      max_bytes=settings.limits.file_bytes).lines
        except ReadError:
            texts[u.name] = None        # reported in result.errors
    return result, texts


def _data_uri(media_type: str, data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def _view(result, uploads, texts, notes, state: _State, profile, as_of) -> dict:
    from govcheck.render import RenderContext, render, summary_line

    ctx = RenderContext(version=__version__, fail_on=result.fail_on,
                        failing=result.failing, rules=result.rules)
    by_doc: dict[str, list] = {u.name: [] for u in uploads}
    for f in result.findings:
        by_doc.setdefault(f.location.path, []).append(f)
    errors = {e.path: e.message for e in result.errors}
    docs = []
    for i, u in enumerate(uploads, 1):
        docs.append(_doc_view(f"d{i}", u, by_doc.get(u.name, []), texts.get(u.name),
                              errors.get(u.name), state, result))
    stem = "govcheck-report"
    downloads = [
        {"label": "Clearance report (HTML)", "file": f"{stem}.html",
         "href": _data_uri("text/html", render("html", result, ctx))},
        {"label": "Findings (JSON)", "file": f"{stem}.json",
         "href": _data_uri("application/json", render("json", result, ctx))},
        {"label": "Findings (SARIF)", "file": f"{stem}.sarif",
         "href": _data_uri("application/sarif+json", render("sarif", result, ctx))},
    ]
    for d in docs:
        if d["annotated"]:
            downloads.append({"label": f"{d['name']} with comments (Word)",
                              "file": d["annotated_name"], "href": d["annotated"]})
    counts = result.counts
    return {
        "docs": docs, "downloads": downloads, "notes": notes,
        "summary": summary_line(result, ctx), "counts": counts,
        "profile": profile or "each record's nation default",
        "as_of": (as_of or result.today or dt.date.today()).isoformat(),
        "failing": result.failing, "fail_on": result.fail_on,
    }


def _doc_view(doc_id, upload, findings, lines, error, state: _State, result) -> dict:
    rank = {"error": 3, "warning": 2, "info": 1}
    # where a person finds a line: "table 1, row 9", "paragraph 4", "page 2, line 7"
    where = {ln.number: ln.describe() for ln in lines or []}
    items = []
    hits: dict[int, list] = {}
    for j, f in enumerate(findings, 1):
        fid = f"{doc_id}-f{j}"
        line = f.location.line
        sev = f.severity.value
        hits.setdefault(line, []).append((fid, sev, f.code))
        c = f.citation
        items.append({
            "id": fid, "code": f.code, "name": f.name, "severity": sev,
            "title": f.title or f.name, "message": f.message, "fix": f.fix,
            "where": where.get(line) or f.location.human(), "anchor": f"{doc_id}-l{line}",
            "law": {"instrument": c.instrument, "provision": c.provision, "url": c.url},
            "exception": None if f.exception is None else {
                "title": f.exception.title,
                "instrument": f.exception.citation.instrument,
                "provision": f.exception.citation.provision,
                "url": f.exception.citation.url},
            "waiver": None if f.waiver is None else {
                "reason": f.waiver.reason, "approved_by": f.waiver.approved_by,
                "expires": f.waiver.expires.isoformat()},
            "explanation": state.explain(f.code),
        })
    shown_lines = []
    for ln in lines or []:
        marks = hits.get(ln.number, [])
        worst = max((m[1] for m in marks), key=rank.get, default=None)
        shown_lines.append({"n": ln.number, "text": ln.text, "where": ln.describe(),
                            "id": f"{doc_id}-l{ln.number}", "marks": marks,
                            "severity": worst})
    annotated = annotated_name = None
    if upload.is_word and lines is not None:
        annotated_name = f"{Path(upload.name).stem}.checked.docx"
        annotated = _annotated(upload.data, findings, result)
    counts = {s: sum(1 for f in findings if f.severity.value == s) for s in rank}
    return {"id": doc_id, "name": upload.name, "findings": items, "lines": shown_lines,
            "error": error, "counts": counts, "annotated": annotated,
            "annotated_name": annotated_name}


def _summary(findings, result) -> str:
    counts = {s: sum(1 for f in findings if f.severity.value == s)
              for s in ("error", "warning", "info")}
    found = ", ".join(f"{n} {s}{'s' if n != 1 and s != 'info' else ''}"
                      for s, n in counts.items() if n) or "no findings"
    as_of = (result.today or dt.date.today()).isoformat()
    return (f"govcheck {__version__} checked this document as at {as_of}: {found}. "
            "Each finding is a comment at the paragraph or table cell it is about, with "
            "the law and what to do.")


def _annotated(data: bytes, findings, result) -> str | None:
    """The Word document with a comment at each finding, as a download; None if it
    cannot be written (the findings are still shown)."""
    try:
        from govcheck.annotate import annotate_docx
    except ImportError:
        return None
    from govcheck.read.base import ReadError

    try:
        out = annotate_docx(data, findings, summary=_summary(findings, result))
    except ReadError:
        return None
    return _data_uri("application/vnd.openxmlformats-officedocument."
                     "wordprocessingml.document", out)
