"""Command line: ``govcheck check | annotate | extract | init | rules | rule | test``.

``annotate`` writes a copy of a Word document with a Word comment at each finding
(:mod:`govcheck.annotate`); for any other input it writes the HTML clearance report.

Each command is a plain function that returns an exit code (like pre-commit):
0 no failing findings, 1 failing findings, 2 govcheck could not do its job (bad
usage, unreadable input or rule pack, internal error).  No traceback reaches the user
unless GOVCHECK_DEBUG is set.  Heavy modules are imported inside the commands.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys

import click

from govcheck import __version__
from govcheck import DEFAULT_MAX_BYTES, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SEVERITIES
from govcheck.render import FORMATS


def _fail(message: str) -> int:
    click.echo(f"govcheck: error: {message}", err=True)
    return EXIT_ERROR


def guarded(fn):
    """Turn every failure into a one-line message and exit code 2."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from govcheck.config import ConfigError
        from govcheck.engine.profile import ProfileError
        from govcheck.engine.rules import RuleError
        from govcheck.selection import SelectionError
        from govcheck.vocabulary import VocabularyError

        try:
            code = fn(*args, **kwargs)
        except (RuleError, ProfileError, SelectionError, VocabularyError, ConfigError) as e:
            code = _fail(str(e))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            code = EXIT_ERROR
        except KeyboardInterrupt:
            code = _fail("interrupted")
        except Exception as e:  # noqa: BLE001 - the last line of defence
            if os.environ.get("GOVCHECK_DEBUG"):
                raise
            code = _fail(f"internal error: {type(e).__name__}: {e} "
                         "(set GOVCHECK_DEBUG=1 for a traceback, and please report it)")
        sys.exit(code)
    return wrapper


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _config(config_path):
    """The configuration: the file named, else the closest one (a ConfigError is a
    one-line message and exit code 2, through :func:`guarded`)."""
    from pathlib import Path

    from govcheck.config import find_config, load_config

    return load_config(Path(config_path) if config_path else find_config())


def _split(values) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


rules_option = click.option("--rules", "rules_dir", type=click.Path(file_okay=False),
                            help="Rule pack directory (default: the bundled rules).")
select_option = click.option("--select", multiple=True,
                             help="Rules to run: code, prefix or name (comma-separated).")
ignore_option = click.option("--ignore", multiple=True,
                             help="Rules to skip: code, prefix or name (comma-separated).")
as_of_option = click.option("--as-of", callback=_parse_date, metavar="YYYY-MM-DD",
                            help="The date to treat as today for deadline rules.")
config_option = click.option("--config", "config_path",
                             type=click.Path(dir_okay=False, exists=True),
                             help="Configuration file (default: the closest govcheck.toml, "
                                  ".govcheck.toml or pyproject.toml with [tool.govcheck]).")
profile_option = click.option("--profile", "profile_name", metavar="NAME|PATH",
                              help="Council profile: a bundled name (england-default, "
                                   "birmingham) or a YAML file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govcheck")
def main():
    """Check council decision reports, notices and agendas against the law."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@select_option
@ignore_option
@click.option("--output-format", type=click.Choice(list(FORMATS)),
              help="Report format (default: concise; github in GitHub Actions).")
@click.option("--output-file", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@as_of_option
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help="Lowest severity that makes the run fail (exit 1); default error.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail.")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each rule produced, instead of the findings.")
@click.option("--max-file-size", type=click.IntRange(min=1),
              help="Largest input file read, in bytes (default 50 MB).")
@click.option("--jobs", "-j", type=click.IntRange(min=0),
              help="Worker processes (0: one per CPU). Default: a batch starts in one "
                   "process and moves to one worker per CPU once it has run half a "
                   "second with as much work left (where the benchmark shows it pays).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True,
              help="Colour the report: auto (on a terminal, unless NO_COLOR is set; "
                   "FORCE_COLOR forces it), always or never.")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress bar (it is shown only on a terminal, for a batch).")
@click.option("--stdin-filename", metavar="NAME",
              help="The name of the document read from standard input ('-'): its suffix "
                   "says how to read it, and findings point at it (for editors).")
@click.option("--skip-non-records", is_flag=True,
              help="Skip YAML and JSON files that are not govcheck records even when "
                   "named (a pre-commit hook names every file it passes).")
@config_option
@rules_option
@profile_option
@guarded
def check(paths, select, ignore, output_format, output_file, as_of, fail_on, exit_zero,
          statistics, max_file_size, jobs, color, quiet, stdin_filename, skip_non_records,
          config_path, rules_dir, profile_name):
    """Check files and directories (txt, md, yaml, json, docx, pdf, html)."""

    cfg = _config(config_path)
    return run_check(
        paths,
        select=_split(select) or cfg.get("select", []),
        ignore=_split(ignore) or cfg.get("ignore", []),
        output_format=output_format or cfg.get("output-format") or _auto_format(),
        output_file=output_file,
        as_of=as_of, fail_on=fail_on or cfg.get("fail-on", "error"), exit_zero=exit_zero,
        rules_dir=rules_dir or cfg.get("rules"), profile_name=profile_name or cfg.get("profile"),
        max_bytes=max_file_size or cfg.get("max-file-size", DEFAULT_MAX_BYTES),
        exclude=cfg.get("exclude", []),
        jobs=jobs,
        waivers=cfg.get("waivers", []), statistics=statistics,
        skip_non_records=skip_non_records, stdin_filename=stdin_filename, color=color,
        quiet=quiet)


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False),
              help="Where to write the annotated copy (default: <stem>.checked.docx "
                   "beside the input; for a document that is not a Word file, "
                   "<stem>.checked.html).")
@select_option
@ignore_option
@as_of_option
@config_option
@rules_option
@profile_option
@guarded
def annotate(input_path, output, select, ignore, as_of, config_path, rules_dir,
             profile_name):
    """Write a copy of a Word document with a comment at each finding (for a PDF,
    text, HTML, YAML or JSON input: the HTML clearance report)."""

    cfg = _config(config_path)
    return run_annotate(
        input_path, output,
        select=_split(select) or cfg.get("select", []),
        ignore=_split(ignore) or cfg.get("ignore", []),
        as_of=as_of, fail_on=cfg.get("fail-on", "error"),
        rules_dir=rules_dir or cfg.get("rules"),
        profile_name=profile_name or cfg.get("profile"),
        max_bytes=cfg.get("max-file-size", DEFAULT_MAX_BYTES),
        waivers=cfg.get("waivers", []))


def run_annotate(input_path, output=None, *, select=(), ignore=(), as_of=None,
                 fail_on="error", rules_dir=None, profile_name=None,
                 max_bytes=DEFAULT_MAX_BYTES, waivers=()) -> int:
    """Check one document (the policy is :func:`govcheck.api.check_paths`) and write
    the annotated copy, or the HTML report for a document that is not a Word file."""
    from pathlib import Path

    from govcheck.api import check_paths
    from govcheck.check import display_path
    from govcheck.read import ReadError, sniff_format

    source = Path(input_path)
    if source.is_dir():
        return _fail(f"{input_path}: is a directory: annotate takes one document")
    word = False
    if source.is_file():
        try:
            with source.open("rb") as fh:
                head = fh.read(1024)
            word = sniff_format(source, head) == "docx"
        except (ReadError, OSError):
            word = source.suffix.lower() in (".docx", ".docm")   # the check says why
    if word:
        target = Path(output) if output else source.with_name(f"{source.stem}.checked.docx")
    elif output and Path(output).suffix.lower() in (".html", ".htm"):
        target = Path(output)
    elif output:
        target = Path(output).with_suffix(".html")
    else:
        target = source.with_name(f"{source.stem}.checked.html")
    if _same_file(source, target):
        return _fail(f"{target}: refusing to overwrite the input; give another name "
                     "with -o")

    result = check_paths([str(source)], rules_dir=rules_dir, profile=profile_name,
                         as_of=as_of, select=select, ignore=ignore, waivers=waivers,
                         fail_on=fail_on, max_bytes=max_bytes)
    if result.errors:
        for e in result.errors:
            click.echo(f"govcheck: error: {e.path}: {e.message}", err=True)
        return EXIT_ERROR
    from govcheck.render import RenderContext, render, summary_line

    ctx = RenderContext(version=__version__, fail_on=fail_on, failing=result.failing,
                        rules=result.rules)
    if not word:
        text = render("html", result, ctx)
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as e:
            return _fail(f"cannot write {target}: {e.strerror or e}")
        click.echo(f"govcheck: {input_path} is not a Word document, so it cannot carry "
                   f"comments: the HTML clearance report is in {target}", err=True)
        click.echo(f"wrote {target}: HTML clearance report, "
                   f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}")
        return result.exit_code()

    from govcheck.annotate import annotate_docx

    shown = display_path(source)
    findings = [f for f in result.findings if f.location.path == shown]
    today = result.today or dt.date.today()
    profile = (result.profile or {}).get("name") or profile_name or "england-default"
    summary = "\n".join([
        f"govcheck {__version__} checked this document on {today.isoformat()} "
        f"(council profile '{profile}'):",
        summary_line(result, ctx),
        "Each finding is a comment on the paragraph or table cell it is about, with "
        "the law and what to do." if findings else
        "govcheck found nothing to report in this document.",
    ])
    try:
        annotated = annotate_docx(source.read_bytes(), findings, summary=summary)
    except ReadError as e:
        return _fail(f"{shown}: {e}")
    except OSError as e:
        return _fail(f"{shown}: cannot read: {e.strerror or e}")
    try:
        target.write_bytes(annotated)
    except OSError as e:
        return _fail(f"cannot write {target}: {e.strerror or e}")
    n = len(findings) + 1
    click.echo(f"wrote {target}: {n} comment{'s' if n != 1 else ''} "
               f"({len(findings)} finding{'s' if len(findings) != 1 else ''} and a summary)")
    return result.exit_code()


def _same_file(a, b) -> bool:
    """Whether two paths name the same file (the second may not exist yet)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


class progress_bar:
    """A progress bar on standard error (files done, rate, time left) for a batch, when
    standard error is a terminal and not ``quiet``; nothing in a CI log.  rich is
    imported only when a bar is shown."""

    def __init__(self, quiet: bool):
        self.on = not quiet and sys.stderr.isatty()
        self.bar = self.task = None

    def __enter__(self):
        return self.update if self.on else None

    def update(self, done: int, total: int) -> None:
        if total < 2:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress,
                                       ProgressColumn, TextColumn, TimeRemainingColumn)
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task):
                    return Text(f"{task.speed:,.0f} files/s" if task.speed else "")

            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                Rate(), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("check", total=total)
        self.bar.update(self.task, completed=done)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def use_color(choice: str, output_file=None) -> bool:
    """``always`` and ``never`` decide; ``auto`` colours a terminal, unless NO_COLOR is
    set (no-color.org), and FORCE_COLOR colours even a pipe; a report written to a file
    is never coloured."""
    if output_file or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _auto_format() -> str:
    """Annotations when running in GitHub Actions (as yamllint does), else concise."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "concise"


def _statistics(result, ctx, fmt: str = "concise") -> str:
    """Findings per rule, most first (like ruff --statistics); a JSON list with
    ``--output-format json``."""
    import json
    from collections import Counter

    from govcheck.render import summary_line

    counts = Counter((f.code, f.name, f.severity.value) for f in result.findings)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        return json.dumps([{"code": code, "name": name, "severity": sev, "count": n}
                           for (code, name, sev), n in ordered], indent=2) + "\n"
    rows = [f"{n:5}  {code:6} {sev:8} {name}" for (code, name, sev), n in ordered]
    return "\n".join(rows + [summary_line(result, ctx)]) + "\n"


def run_check(paths, *, select=(), ignore=(), output_format="concise", output_file=None,
              as_of=None, fail_on="error", exit_zero=False, rules_dir=None, profile_name=None,
              max_bytes=DEFAULT_MAX_BYTES, exclude=(), jobs=None, waivers=(),
              statistics=False, skip_non_records=False, stdin_filename=None,
              color="auto", quiet=False) -> int:
    """Run the check (the policy is :func:`govcheck.api.check_paths`), then render.  A
    path ``-`` is standard input, named ``stdin_filename``."""
    from govcheck.api import check_bytes, check_paths
    from govcheck.render import RenderContext, chunks

    options = dict(rules_dir=rules_dir, profile=profile_name, as_of=as_of, select=select,
                   ignore=ignore, waivers=waivers, fail_on=fail_on, exclude=exclude,
                   jobs=jobs, max_bytes=max_bytes, skip_non_records=skip_non_records)
    if "-" in paths:
        if len(paths) > 1:
            return _fail("'-' (standard input) cannot be given with other paths")
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            return _fail(f"standard input is larger than {max_bytes} bytes")
        result = check_bytes(data, stdin_filename or "-", **options)
    else:
        with progress_bar(quiet) as progress:
            result = check_paths(paths, progress=progress, **options)
    ctx = RenderContext(version=__version__, fail_on=fail_on, failing=result.failing,
                        color=use_color(color, output_file),
                        rules=result.rules)
    # written as it is made: a big batch's output is never held whole
    pieces = [_statistics(result, ctx, output_format)] if statistics \
        else chunks(output_format, result, ctx)
    if output_file:
        try:
            with open(output_file, "w", encoding="utf-8") as fh:
                fh.writelines(pieces)
        except OSError as e:
            return _fail(f"cannot write {output_file}: {e.strerror or e}")
    else:
        sys.stdout.writelines(pieces)
    if result.errors and (output_format not in ("concise", "full", "github") or output_file):
        for e in result.errors:
            click.echo(f"govcheck: error: {e.path}: {e.message}", err=True)
    return result.exit_code(exit_zero)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@rules_option
@guarded
def rules_cmd(fmt, rules_dir):
    """List the rules."""
    import json

    from govcheck.engine.rules import RulePack
    from pathlib import Path

    pack = RulePack.load(Path(rules_dir) if rules_dir else None)
    latest = pack.latest()
    if fmt == "json":
        click.echo(json.dumps([{
            "code": r.code, "name": r.name, "title": r.spec.title,
            "severity": r.spec.severity.value, "jurisdictions": r.spec.jurisdictions,
            "citation": {"instrument": r.spec.citation.instrument,
                         "provision": r.spec.citation.provision,
                         "url": r.spec.citation.url},
        } for r in latest], indent=2, ensure_ascii=False))
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("code", "name", "severity", "nations", "provision", "title"):
        table.add_column(col)
    for r in latest:
        s = r.spec
        table.add_row(r.code, r.name, s.severity.value, ",".join(s.jurisdictions),
                      f"{_short_instrument(s.citation.instrument)} {s.citation.provision}",
                      s.title)
    Console(width=160, highlight=False).print(table)
    return EXIT_OK


def _short_instrument(instrument: str) -> str:
    import re

    m = re.search(r"\((SI \d{4}/\d+)\)", instrument)
    return m.group(1) if m else instrument


@main.command("rule")
@click.argument("code")
@rules_option
@guarded
def rule_cmd(code, rules_dir):
    """Explain a rule: what it checks, why, the law, an example and the fix."""
    from pathlib import Path

    from govcheck.docs import rule_doc
    from govcheck.engine.rules import RulePack

    pack = RulePack.load(Path(rules_dir) if rules_dir else None)
    versions = pack.find(code)
    if not versions:
        from govcheck.records import suggest

        return _fail(f"unknown rule {code!r}"
                     f"{suggest(code.upper(), list(pack.by_code))}; see `govcheck rules`")
    click.echo(rule_doc(versions, pack))
    return EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--nation", type=click.Choice(["england", "wales", "scotland"]),
              help="The nation when the document does not show it (default: the "
                   "profile's, else england).")
@profile_option
@rules_option
@guarded
def extract(paths, fmt, nation, profile_name, rules_dir):
    """Show every field read from each file (directories are walked), its value and
    where it was read."""
    from govcheck.check import discover, display_path, document_records
    from govcheck.read import ReadError, read_path
    from pathlib import Path

    if profile_name or rules_dir:
        from govcheck import vocabulary
        from govcheck.engine.profile import load_profile
        from govcheck.engine.rules import default_rules_dir

        root = Path(rules_dir) if rules_dir else default_rules_dir()
        profile = load_profile(profile_name, root)
        vocabulary.activate(profile, root / "vocabulary" if rules_dir else None)
        nation = nation or profile.get("nation")
    nation = nation or "england"
    from govcheck.docs import extract_json, extract_text

    files, errors = discover(list(paths))
    for e in errors:
        click.echo(f"govcheck: error: {e.path}: {e.message}", err=True)
    status = EXIT_ERROR if errors else EXIT_OK
    documents = []
    for f in files:
        shown = display_path(Path(f))
        try:
            doc = read_path(f, display=shown)
            records, notes = document_records(doc, nation)
        except ReadError as e:
            click.echo(f"govcheck: error: {shown}: {e}", err=True)
            status = EXIT_ERROR
            continue
        if fmt == "json":
            documents.append(extract_json(shown, records, notes))
        else:
            click.echo(extract_text(shown, records, notes, doc.lines,
                                    (doc.properties or {}).get("encoding")), nl=False)
    if fmt == "json" and documents:
        # one document as before; several as a JSON list of them
        import json

        click.echo(documents[0] if len(documents) == 1 else
                   json.dumps([json.loads(d) for d in documents], indent=2,
                              ensure_ascii=False) + "\n", nl=False)
    return status


STARTER_CONFIG = """\
# govcheck configuration (written by `govcheck init`).  Paths are relative to this file.
# Every option can also be given on the command line, which wins.

# The council profile: a bundled one (`govcheck` ships profiles for real councils, e.g.
# "birmingham"), or a YAML file of your own.  It sets the key-decision threshold, the
# call-in period and how clear days are counted, each with where it was taken from.
# profile = "birmingham"

# The lowest severity that fails a run (exit 1): error, warning or info.
fail-on = "error"

# Rules to run or to leave out: a code (KD001), a family (KD) or a name.
# select = ["KD", "EX"]
# ignore = ["RC002"]

# Files never checked (globs; a bare name matches anywhere).
# exclude = ["reports/drafts/*", "*.draft.docx"]

# A finding a person has decided does not apply: who approved it, why, and until when.
# It is reported as waived, never hidden; an expired waiver is an error (GC004) and one
# that matches nothing is a warning (GC005).
# [[waivers]]
# rule = "KD001"
# path = "reports/2024-04-04-recovery-plan.docx"
# reason = "Special urgency agreed by the Chair of Scrutiny on 2 April 2024"
# approved-by = "Monitoring Officer"
# expires = 2025-04-04
"""


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this computer's own address "
                   "(127.0.0.1, localhost, ::1) lets other machines reach the page.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-open", is_flag=True, help="Do not open the page in a browser.")
@config_option
@rules_option
@profile_option
@guarded
def serve_cmd(host, port, no_open, config_path, rules_dir, profile_name):
    """Check documents in your browser: a page on this computer, nothing leaves it."""
    import socket

    from govcheck.serve import LOCAL_HOSTS, missing_library

    missing = missing_library()
    if missing:
        return _fail(missing)
    cfg = _config(config_path)
    if host not in LOCAL_HOSTS:
        click.echo(f"govcheck: warning: listening on {host}: other machines on the "
                   "network can reach this page and upload documents to it", err=True)
    # say plainly when the port is taken, before the server starts
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.bind((host, port))
    except OSError as e:
        return _fail(f"cannot listen on {host}:{port}: {e.strerror or e}; "
                     "choose another port with --port")
    from govcheck.serve import run
    from govcheck.serve.app import Settings

    from govcheck.api import load_rules

    profile = profile_name or cfg.get("profile")
    load_rules(rules_dir or cfg.get("rules"), profile)    # a bad pack or profile: exit 2 now
    settings = Settings(host=host, port=port, rules_dir=rules_dir or cfg.get("rules"),
                        profile=profile, select=cfg.get("select", []),
                        ignore=cfg.get("ignore", []), waivers=cfg.get("waivers", []),
                        fail_on=cfg.get("fail-on", "error"))
    run(settings, open_browser=not no_open)
    return EXIT_OK


@main.command("init")
@click.option("--force", is_flag=True, help="Overwrite an existing govcheck.toml.")
@guarded
def init_cmd(force):
    """Write a commented starter govcheck.toml in this directory."""
    from pathlib import Path

    target = Path("govcheck.toml")
    if target.exists() and not force:
        return _fail("govcheck.toml already exists (--force to overwrite)")
    target.write_text(STARTER_CONFIG, encoding="utf-8")
    click.echo("wrote govcheck.toml: edit the profile, fail-on and waivers for your council")
    return EXIT_OK


@main.command("test")
@click.argument("rules_dir", required=False, type=click.Path(file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List every case, not only failures.")
@guarded
def test_cmd(rules_dir, verbose):
    """Run every rule's own test cases."""
    from govcheck.api import load_rules
    from govcheck.engine.cases import run_all

    pack, profile = load_rules(rules_dir, None)
    failed = _report_cases(run_all(pack, profile), verbose,
                           lambda r: f"{r.rule.path}:{r.line}: {r.id}",
                           f"({len(pack.rules)} rules)", "passed")
    # the council wording: every vocabulary example
    from pathlib import Path

    from govcheck import vocabulary
    from govcheck.vocabcheck import run_examples

    vocab = vocabulary.load(Path(pack.root) / "vocabulary") \
        if (Path(pack.root) / "vocabulary").is_dir() else vocabulary.active()
    bad = _report_cases(run_examples(vocab), verbose, lambda r: f"{r.source}: {r.id}",
                        f"({len(vocab.examples)} entries)", "vocabulary examples passed")
    return EXIT_FINDINGS if failed or bad else EXIT_OK


def _report_cases(results, verbose: bool, where, total: str, passed: str) -> int:
    """Print failing (or, verbose, all) results and a count line; the number failed."""
    failed = [r for r in results if not r.ok]
    for r in results:
        if verbose or not r.ok:
            click.echo(f"{'ok  ' if r.ok else 'FAIL'} {where(r)}"
                       + (f": {r.detail}" if r.detail else ""))
    click.echo(f"{len(results) - len(failed)} {passed}, {len(failed)} failed {total}")
    return len(failed)


if __name__ == "__main__":  # pragma: no cover
    main()
