"""Each finding as a block: what, where, the law, and what to do (rich, colour on a TTY)."""

from __future__ import annotations

import io

from govcheck.render import summary_line

_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def render(result, ctx) -> str:
    from rich.console import Console
    from rich.markup import escape

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=ctx.color, no_color=not ctx.color,
                      width=100, highlight=False, soft_wrap=False)
    for f in result.findings:
        loc = f.location
        where = f"{loc.path}:{loc.line}:{loc.column}"
        if loc.page:
            where += f" (page {loc.page})"
        sev = f.severity.value
        console.print(f"[{_STYLE[sev]}]{f.code}[/] [{_STYLE[sev]}]{sev}[/] "
                      f"[bold]{escape(f.title or f.name)}[/] [dim]\\[{f.name}][/]")
        console.print(f"  [dim]-->[/] {escape(where)}")
        console.print(f"  {escape(f.message)}")
        console.print(f"  [bold]law:[/] {escape(f.citation.instrument)}, "
                      f"{escape(f.citation.provision)}  {escape(f.citation.url)}")
        if f.exception:
            console.print(f"  [bold]covered by:[/] {escape(f.exception.title)} "
                          f"({escape(f.exception.citation.provision)})  "
                          f"{escape(f.exception.citation.url)}")
        console.print(f"  [bold]fix:[/] {escape(f.fix)}")
        console.print()
    for e in result.errors:
        console.print(f"[bold red]error[/]: {escape(e.path)}: {escape(e.message)}")
    console.print(escape(summary_line(result, ctx)))
    return buf.getvalue()
