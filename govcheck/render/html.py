"""A self-contained HTML clearance report, for circulating to report authors and
democratic services: findings grouped by document, each with the provision (linked to
legislation.gov.uk), the values read and what to do.  Everything is escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from govcheck.render import summary_line

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2rem auto;
max-width:60rem;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem}.meta{color:#555;margin-top:0}
h2{font-size:1.1rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.f{border-left:5px solid #999;padding:.4rem .8rem;margin:.8rem 0;background:#fafafa}
.error{border-color:#b00020}.warning{border-color:#c77700}.info{border-color:#1565c0}
.code{font-weight:700}.sev{text-transform:uppercase;font-size:.8rem;letter-spacing:.05em}
.where{font-family:ui-monospace,Consolas,monospace;font-size:.85rem;color:#444}
.law,.fix,.cov{margin:.3rem 0}.label{font-weight:600}
.clean{color:#2e7d32}.errors li{color:#b00020}
"""


def _finding(f) -> str:
    loc = f.location
    where = f"line {loc.line}" + (f" (page {loc.page}, line {loc.page_line})"
                                  if loc.page_line is not None else "")
    cov = ""
    if f.exception is not None:
        c = f.exception.citation
        cov = (f'<p class="cov"><span class="label">Covered by:</span> '
               f'{escape(f.exception.title)} (<a href="{escape(c.url)}">'
               f'{escape(c.instrument)}, {escape(c.provision)}</a>)</p>')
    if f.waiver is not None:
        w = f.waiver
        cov += (f'<p class="cov"><span class="label">Waived:</span> {escape(w.reason)} '
                f'(approved by {escape(w.approved_by)}, until {w.expires.isoformat()})</p>')
    c = f.citation
    return (f'<div class="f {f.severity.value}">'
            f'<div><span class="code">{escape(f.code)}</span> '
            f'<span class="sev">{f.severity.value}</span> {escape(f.title or f.name)} '
            f'<span class="where">{escape(where)}</span></div>'
            f'<p>{escape(f.message)}</p>'
            + (f'<p class="law"><span class="label">Law:</span> <a href="{escape(c.url)}">'
               f'{escape(c.instrument)}, {escape(c.provision)}</a></p>' if c.url else
               '<p class="law"><span class="label">Source:</span> govcheck itself</p>')
            + f'{cov}'
            f'<p class="fix"><span class="label">What to do:</span> {escape(f.fix)}</p></div>')


def chunks(result, ctx):
    parts = [
        "<!DOCTYPE html>", '<html lang="en-GB"><head><meta charset="utf-8">',
        "<title>govcheck clearance report</title>", f"<style>{_CSS}</style></head><body>",
        "<h1>govcheck clearance report</h1>",
        f'<p class="meta">govcheck {escape(ctx.version)}, {dt.date.today().isoformat()}. '
        f"{escape(summary_line(result, ctx))}</p>",
    ]
    if result.errors:
        parts.append("<h2>Could not be checked</h2><ul class=\"errors\">")
        parts += [f"<li>{escape(e.path)}: {escape(e.message)}</li>" for e in result.errors]
        parts.append("</ul>")
    if not result.findings:
        parts.append('<p class="clean">No findings.</p>')
    yield "\n".join(parts) + "\n"
    path = None
    for f in result.findings:       # sorted, so grouped by document
        if f.location.path != path:
            path = f.location.path
            yield f"<h2>{escape(path)}</h2>\n"
        yield _finding(f) + "\n"
    yield "</body></html>\n"


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
