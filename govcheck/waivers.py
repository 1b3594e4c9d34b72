"""Waivers: a person's recorded decision that a finding does not apply.

Not a statutory exception (those are in the rules).  A waiver names the rule (code,
prefix or name), the files it covers (a glob), the reason, who approved it and when it
expires.  A waived finding is still reported, with the waiver, and does not fail the
run.  A waiver past its expiry date no longer waives anything and is itself reported
(GC004, error); a waiver that matched nothing is reported as unused (GC005, warning), so
stale waivers do not pile up.  Waivers live in the configuration file::

    [[tool.govcheck.waivers]]
    rule = "KD003"
    path = "reports/2024-04-04-*"
    reason = "City-wide policy statement with no change to services in any ward"
    approved-by = "Monitoring Officer, 2 April 2024"
    expires = 2025-04-04
"""

from __future__ import annotations

import datetime as dt
import os
from govcheck.struct import replace
from fnmatch import fnmatch
from pathlib import Path
from govcheck.struct import struct

KEYS = {"rule", "path", "reason", "approved-by", "expires"}


class WaiverError(ValueError):
    pass


@struct(frozen=True)
class Waiver:
    rule: str
    path: str
    reason: str
    approved_by: str
    expires: dt.date
    source: str
    index: int

    def matches(self, finding) -> bool:
        from govcheck.selection import _specificity

        if not _specificity(self.rule, finding.code, finding.name):
            return False
        where = finding.location.path
        if os.path.isabs(self.path):
            # a pattern anchored at its configuration file's directory
            return fnmatch(str(Path(where).resolve()), self.path)
        return fnmatch(where, self.path) or fnmatch(where, f"*/{self.path}")

    def describe(self) -> str:
        return (f"waiver {self.index + 1} in {self.source} ({self.rule} on {self.path}, "
                f"approved by {self.approved_by})")


def parse(items, source: str, anchored: bool = False) -> list[Waiver]:
    """The waivers of a configuration file; with ``anchored``, a path pattern is
    relative to the file's directory (``source``), whatever directory govcheck runs in."""
    if not isinstance(items, list):
        raise WaiverError(f"{source}: waivers must be a list of tables ([[waivers]])")
    out = []
    for i, item in enumerate(items):
        where = f"{source}: waiver {i + 1}"
        if not isinstance(item, dict):
            raise WaiverError(f"{where}: must be a table")
        missing = sorted(KEYS - set(item))
        if missing:
            raise WaiverError(f"{where}: missing {', '.join(missing)} (a waiver needs "
                              "rule, path, reason, approved-by and expires)")
        extra = sorted(set(item) - KEYS)
        if extra:
            from govcheck.records import suggest

            raise WaiverError(f"{where}: unknown key {extra[0]!r}{suggest(extra[0], KEYS)}")
        expires = item["expires"]
        if isinstance(expires, str):
            try:
                expires = dt.date.fromisoformat(expires)
            except ValueError:
                raise WaiverError(f"{where}: expires must be a date (YYYY-MM-DD)") from None
        if not isinstance(expires, dt.date) or isinstance(expires, dt.datetime):
            raise WaiverError(f"{where}: expires must be a date (YYYY-MM-DD)")
        for k in ("rule", "path", "reason", "approved-by"):
            if not isinstance(item[k], str) or not item[k].strip():
                raise WaiverError(f"{where}: {k} must be a non-empty string")
        path = item["path"].strip()
        if anchored:
            from govcheck.config import anchor

            path = anchor(path, Path(source))
        out.append(Waiver(item["rule"].strip(), path, item["reason"].strip(),
                          item["approved-by"].strip(), expires, source, i))
    return out


def apply(findings, waivers: list[Waiver], pack, today: dt.date):
    """Attach live waivers to the findings they match; report expired and unused ones."""
    if not waivers:
        return findings
    from govcheck.engine.evaluate import builtin_finding
    from govcheck.model import Location, WaiverUsed

    from govcheck.spool import Findings

    used: set[int] = set()
    out = Findings()        # kept in order, in bounded memory, however many
    extra = []
    expired_rule = (pack.find("GC004") or [None])[-1]
    for f in findings:
        for w in waivers:
            if not w.matches(f):
                continue
            used.add(w.index)
            if today > w.expires:
                if expired_rule is not None:
                    extra.append(builtin_finding(
                        expired_rule, f.location,
                        f"{w.describe()} expired on {w.expires.isoformat()}; {f.code} "
                        f"applies again"))
                continue
            f = replace(f, waiver=WaiverUsed(
                reason=w.reason, approved_by=w.approved_by, expires=w.expires,
                source=w.source))
            break
        out.append(f)
    unused_rule = (pack.find("GC005") or [None])[-1]
    if unused_rule is not None:
        for w in waivers:
            if w.index not in used:
                extra.append(builtin_finding(unused_rule, Location(path=w.source),
                                             f"{w.describe()} matched no finding"))
    out.extend(extra)
    return out
