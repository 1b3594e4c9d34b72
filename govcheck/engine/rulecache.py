"""A cache of validated rule packs, so a run whose rules have not changed skips YAML
parsing and schema validation (what pre-commit pays on every commit).

The cache is JSON (never pickle: a cache file must not be able to run code), keyed by
the govcheck version and the bytes of every rule file, in ``$GOVCHECK_CACHE_DIR`` or
the user's cache directory.  Anything wrong with it (missing, corrupt, unwritable,
stale) just means the pack is validated again.  ``GOVCHECK_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from govcheck.digest import sha256

FORMAT = 2
KEEP = 8          # cached packs kept


def cache_dir() -> Path | None:
    if os.environ.get("GOVCHECK_NO_CACHE"):
        return None
    base = os.environ.get("GOVCHECK_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "govcheck" if xdg else Path.home() / ".cache" / "govcheck"


def key(root: Path, files: list[Path], texts: list[str]) -> str:
    from govcheck import __version__

    h = sha256(f"{FORMAT}|{__version__}".encode())
    # the code that validates a rule: an edited schema or field table (in development,
    # before the version changes) must not be hidden behind an old cache
    here = Path(__file__).resolve().parent
    for src in (here / "rules.py", here / "predicates.py", here / "profile.py",
                here.parent / "fields.py", here.parent / "model.py"):
        try:
            st = src.stat()
            h.update(f"{src.name}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            pass
    for p, t in zip(files, texts):
        h.update(str(p.relative_to(root)).encode() + b"\0" + t.encode() + b"\0")
    return h.hexdigest()


def _path(k: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"rules-{k[:32]}.json"


def read(k: str, root: Path, compile_conditions, compile_rule):
    """The cached pack's rules, compiled: its named conditions first
    (``compile_conditions(data)``), then each rule (``compile_rule(spec, path, lines,
    conditions)``); None on a miss."""
    p = _path(k)
    if p is None or not p.is_file():
        return None
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
        if doc.get("key") != k:
            return None
        shared = compile_conditions(doc["conditions"])
        return [compile_rule(r["spec"], root / r["file"],
                             {tuple(loc): line for loc, line in r["lines"]}, shared)
                for r in doc["rules"]]
    except Exception:  # noqa: BLE001 - a bad cache is only a cache miss
        return None


def write(k: str, root: Path, rules, conditions: dict) -> None:
    p = _path(k)
    if p is None:
        return
    doc = {"key": k, "conditions": conditions, "rules": [{
        "file": str(Path(r.source).relative_to(root)),
        "spec": r.data,
        "lines": [[list(loc), line] for loc, line in r.lines.items()],
    } for r in rules]}
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        import tempfile     # only when writing: a warm run never pays for it

        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".rules-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh)
        os.replace(tmp, p)
        # keep the few most recent packs (several checkouts or versions), drop the rest
        old = sorted(p.parent.glob("rules-*.json"), key=lambda f: f.stat().st_mtime,
                     reverse=True)[KEEP:]
        for f in old:
            f.unlink(missing_ok=True)
    except OSError:
        pass


def _doc_path(kind: str, k: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"{kind}-{k[:32]}.json"


def read_doc(kind: str, k: str) -> dict | None:
    """A cached JSON document of ``kind`` (``vocabulary``) under key ``k``, or None."""
    p = _doc_path(kind, k)
    if p is None or not p.is_file():
        return None
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
        return doc if doc.get("key") == k else None
    except Exception:  # noqa: BLE001 - a bad cache is only a cache miss
        return None


def write_doc(kind: str, k: str, doc: dict) -> None:
    p = _doc_path(kind, k)
    if p is None:
        return
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{kind}-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({**doc, "key": k}, fh)
        os.replace(tmp, p)
        old = sorted(p.parent.glob(f"{kind}-*.json"), key=lambda f: f.stat().st_mtime,
                     reverse=True)[KEEP:]
        for f in old:
            f.unlink(missing_ok=True)
    except OSError:
        pass
