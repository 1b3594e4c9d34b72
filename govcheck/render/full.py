"""Each finding as a block: what, where, the law, and what to do (colour on a TTY)."""

from __future__ import annotations

import io
import shutil
import textwrap

from govcheck.render import summary_line

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _block(label: str, text: str, width: int) -> list[str]:
    """``label`` then ``text`` wrapped under it with a hanging indent."""
    first = f"  {label}" if label else "  "
    return textwrap.wrap(" ".join(text.split()), width=width, initial_indent=first,
                         subsequent_indent=" " * len(first), break_on_hyphens=False,
                         break_long_words=False) or [first]


def chunks(result, ctx):
    from rich.console import Console
    from rich.markup import escape

    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=ctx.color, no_color=not ctx.color,
                      width=width + 20, highlight=False, soft_wrap=True)
    for f in result.findings:
        loc = f.location
        where = f"{loc.path}:{loc.line}:{loc.column}" + (
            f" ({loc.human()})" if loc.page_line is not None else "")
        sev = f.severity.value
        style = _STYLE[sev]
        covered = (" [dim](covered by a statutory exception)[/]" if f.exception
                   else " [dim](waived)[/]" if f.waiver else "")
        console.print(f"[{style}]{f.code} {sev}[/] [bold]{escape(f.title or f.name)}[/] "
                      f"[dim]\\[{f.name}][/]{covered}")
        console.print(f"  [dim]-->[/] {escape(where)}")
        if f.source:
            # the line as read, with a marker under what was read from it
            text = f.source if len(f.source) <= width else f.source[:width - 1] + "…"
            start = min(max(loc.column - 1, 0), max(len(text) - 1, 0))
            span = max(1, min(len(text) - start, 40))
            console.print(f"   [dim]|[/] {escape(text)}")
            console.print(f"   [dim]|[/] {' ' * start}[{style}]{'^' * span}[/]")
        lines = _block("", f.message, width)
        if f.citation.url:
            lines += _block("law: ", f"{f.citation.instrument}, {f.citation.provision} "
                                     f"<{f.citation.url}>", width)
        if f.exception:
            c = f.exception.citation
            lines += _block("covered by: ", f"{f.exception.title} ({c.instrument}, "
                                            f"{c.provision}) <{c.url}>", width)
        if f.waiver:
            w = f.waiver
            lines += _block("waived: ", f"{w.reason} (approved by {w.approved_by}, until "
                                        f"{w.expires.isoformat()}; {w.source})", width)
        lines += _block("fix: ", f.fix, width)
        for line in lines:
            console.print(escape(line))
        console.print()
        yield _drain(buf)
    for e in result.errors:
        console.print(f"[bold red]error[/]: {escape(e.path)}: {escape(e.message)}")
    console.print(escape(summary_line(result, ctx)))
    yield _drain(buf)


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def render(result, ctx) -> str:
    return "".join(chunks(result, ctx))
