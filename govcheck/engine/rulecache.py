"""A cache of validated rule packs, so a run whose rules have not changed skips YAML
parsing and schema validation (what pre-commit pays on every commit).

The cache is JSON (never pickle: a cache file must not be able to run code), keyed by
the govcheck version and the name, size and modification time (in nanoseconds) of every
rule file, as make, mypy and ruff key theirs: a warm run reads no rule file at all.  It
is in ``$GOVCHECK_CACHE_DIR`` or the user's cache directory.  Anything wrong with it (missing, corrupt, unwritable,
stale) just means the pack is validated again.  ``GOVCHECK_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from govcheck.digest import sha256

FORMAT = 4
KEEP = 8          # cached packs kept


def cache_dir() -> Path | None:
    if os.environ.get("GOVCHECK_NO_CACHE"):
        return None
    base = os.environ.get("GOVCHECK_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "govcheck" if xdg else Path.home() / ".cache" / "govcheck"


def stamp(h, path: Path, name: str) -> None:
    """Add a file's name, size and modification time to the hash ``h`` (a missing file
    adds its name only)."""
    try:
        st = os.stat(path)
        h.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    except OSError:
        h.update(f"{name}\0-\0".encode())


def key(root: Path, files: list[Path]) -> str:
    """The cache key of the pack whose rule files are ``files`` under ``root``."""
    from govcheck import __version__

    h = sha256(f"{FORMAT}|{__version__}".encode())
    # the code that validates a rule: an edited schema or field table (in development,
    # before the version changes) must not be hidden behind an old cache
    here = Path(__file__).resolve().parent
    for src in (here / "rules.py", here / "predicates.py", here / "profile.py",
                here.parent / "fields.py", here.parent / "model.py"):
        stamp(h, src, src.name)
    for p in files:
        stamp(h, p, os.path.relpath(p, root))
    return h.hexdigest()


def _path(k: str, kind: str = "rules") -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"{kind}-{k[:32]}.json"


class _Lines:
    """The cached pack's side file: each rule's table of source lines (key path -> line
    in the rule file) and its cases, read only when one is asked for.  Lines are for
    error messages and ``govcheck test``, cases for ``govcheck test`` and the rule docs;
    a check needs neither, and they are two thirds of the cache."""

    def __init__(self, k: str) -> None:
        self.k = k
        self.doc: dict | None = None

    def _part(self, part: str, i: int) -> list:
        if self.doc is None:
            self.doc = {}
            p = _path(self.k, "lines")
            try:
                doc = json.loads(p.read_text(encoding="utf-8")) if p is not None else {}
                if doc.get("key") == self.k:
                    self.doc = doc
            except Exception:  # noqa: BLE001 - without it, errors say line 1
                pass
        rows = self.doc.get(part) or []
        return rows[i] if i < len(rows) else []

    def table(self, i: int) -> dict:
        return {tuple(loc): line for loc, line in self._part("rules", i)}

    def cases(self, i: int) -> list:
        rows = self._part("cases", i)
        if not self.doc:
            # a rule without its cases would pass ``govcheck test`` with nothing run
            raise RuntimeError(f"the rule cache's side file {_path(self.k, 'lines')} is "
                               "missing or damaged: run again with GOVCHECK_NO_CACHE=1")
        return rows


class LazyLines:
    """One rule's line table, read from the side file when first used."""

    __slots__ = ("_source", "_i", "_d")

    def __init__(self, source: _Lines, i: int) -> None:
        self._source, self._i, self._d = source, i, None

    def _get(self) -> dict:
        if self._d is None:
            self._d = self._source.table(self._i)
        return self._d

    def __contains__(self, loc) -> bool:
        return loc in self._get()

    def __getitem__(self, loc) -> int:
        return self._get()[loc]

    def items(self):
        return self._get().items()

    def __len__(self) -> int:
        return len(self._get())


class LazyCases:
    """One rule's cases (a sequence of ``Case``), read from the side file and made when
    first used: ``make(list_of_dicts)`` makes them."""

    __slots__ = ("_source", "_i", "_make", "_list")

    def __init__(self, source: _Lines, i: int, make) -> None:
        self._source, self._i, self._make, self._list = source, i, make, None

    def _get(self) -> list:
        if self._list is None:
            self._list = self._make(self._source.cases(self._i))
        return self._list

    def __getitem__(self, i):
        return self._get()[i]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self):
        return iter(self._get())

    def __eq__(self, other) -> bool:
        return self._get() == list(other)

    def __repr__(self) -> str:
        return repr(self._get())


def read(k: str, root: Path, compile_conditions, compile_rule):
    """The cached pack's rules, compiled: its named conditions first
    (``compile_conditions(data)``), then each rule (``compile_rule(spec, path, lines,
    conditions, side)``, ``side`` giving the rule's cases); None on a miss."""
    p = _path(k)
    # the side file (lines and cases) is written first: without it, the pack is a miss
    if p is None or not p.is_file() or not _path(k, "lines").is_file():
        return None
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
        if doc.get("key") != k:
            return None
        shared = compile_conditions(doc["conditions"])
        side = _Lines(k)
        top = os.fspath(root)
        return [compile_rule(r["spec"], os.path.join(top, r["file"]), LazyLines(side, i),
                             shared, (side, i))
                for i, r in enumerate(doc["rules"])]
    except Exception:  # noqa: BLE001 - a bad cache is only a cache miss
        return None


def write(k: str, root: Path, rules, conditions: dict) -> None:
    p = _path(k)
    if p is None:
        return
    doc = {"key": k, "conditions": conditions, "rules": [{
        "file": str(Path(r.source).relative_to(root)),
        "spec": {n: v for n, v in r.data.items() if n != "cases"},
    } for r in rules]}
    lines = {"key": k, "rules": [[[list(loc), line] for loc, line in r.lines.items()]
                                 for r in rules],
             "cases": [r.data.get("cases") or [] for r in rules]}
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: a warm run never pays for it

        # the lines first: a reader that finds the pack finds its lines
        for kind, data in (("lines", lines), ("rules", doc)):
            fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{kind}-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, _path(k, kind))
        # keep the few most recent packs (several checkouts or versions), drop the rest
        for kind in ("rules", "lines"):
            old = sorted(p.parent.glob(f"{kind}-*.json"), key=lambda f: f.stat().st_mtime,
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
