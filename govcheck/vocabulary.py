"""Council wording as data: the words councils use to ask and answer.

The law is in the rule files; the wording is in ``rules/vocabulary/``:

``labels.yaml``           how each field is asked for (``Is this a key decision?``)
``answers.yaml``          yes / no / "not applicable" / exempt and ward answers
``headings.yaml``         the headings that say what a document is
``recommendations.yaml``  the verbs that make a recommendation note, agree, approve...
``citations.yaml``        wording that cites the law: urgency routes, nation evidence
``councils.yaml``         the register of UK principal councils (generated)

Every entry carries ``examples: {match: [...], no_match: [...]}``; one harness
(``govcheck test``, ``tests/test_vocabulary.py``) runs them all.  Files are validated
by a pydantic schema (unknown keys are errors with ``file:line``) only when they
change: the validated vocabulary is cached as JSON beside the rule pack, so a warm run
reads neither YAML nor the schema.  Expressions compile when first used.

A council profile may add labels of its own (``labels:`` in the profile, entries of the
same shape as ``labels.yaml``): they are tried before the bundled ones.
"""

from __future__ import annotations

import json
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any

from govcheck import recache
from govcheck.digest import sha256
from govcheck.struct import field, struct
from govcheck.yamlsafe import shown_path

__all__ = ["LabelSpec", "WordEntry", "Vocabulary", "VocabularyError", "active", "activate",
           "load", "FILES"]

FILES = ("labels.yaml", "answers.yaml", "headings.yaml", "recommendations.yaml",
         "citations.yaml", "councils.yaml")
FORMAT = 1


class VocabularyError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


# ---------------------------------------------------------------------------
# Compiled forms (plain dataclasses: what the extractor uses)

@struct(frozen=True)
class LabelSpec:
    """One way of asking for a field.  ``starts`` are the words the label can begin
    with, derived from the pattern when the vocabulary is validated."""

    field: str
    kind: str
    starts: tuple[str, ...]
    pattern: str
    negate: bool = False
    generic: bool = False
    marks: str | None = None
    source: str = ""         # file:line of the entry
    column: bool = False     # only a table's column heading (a header row's cell)


@struct
class WordEntry:
    """A named piece of wording: literal ``words`` and/or regular expression
    ``patterns`` (joined with ``|``), the ``value`` a match gives, and the
    provision it is about (``citation``), if any."""

    name: str
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    value: Any = None
    case_sensitive: bool = False
    citation: dict | None = None
    source: str = ""
    first_words: tuple[str, ...] = ()   # headings: the words the heading can begin with
    _rx: re.Pattern | None = field(default=None, repr=False)

    @property
    def rx(self) -> re.Pattern:
        """The entry's expression: its patterns, or its words as whole words."""
        if self._rx is None:
            parts = list(self.patterns)
            if self.words:
                parts.append(r"\b(?:" + "|".join(
                    re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(self.words, key=len, reverse=True)) + r")\b")
            self._rx = recache.compile("|".join(parts),
                                  0 if self.case_sensitive else re.IGNORECASE)
        return self._rx

    @cached_property
    def wordset(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.words)


class Vocabulary:
    """The compiled vocabulary: labels in table order, and the word entries of each
    file by name (``vocab.answers["yes"]``)."""

    def __init__(self, labels: list[LabelSpec], groups: dict[str, dict[str, WordEntry]],
                 examples: list[dict] | None = None, councils: list[dict] | None = None,
                 root: Path | None = None):
        self.labels = tuple(labels)
        self.councils = councils or []   # {name, nation, places, welsh, ended}
        self.groups = groups
        self.root = root
        self._examples = examples
        by_word: dict[str, tuple[int, ...]] = {}
        for i, spec in enumerate(self.labels):
            for w in spec.starts:
                by_word[w] = by_word.get(w, ()) + (i,)
        self.by_word = by_word
        self.compiled: list[re.Pattern | None] = [None] * len(self.labels)

    @property
    def examples(self) -> list[dict]:
        """Every entry's examples (for the harness): not kept in the cache, so read
        from the files when first asked for."""
        if self._examples is None:
            self._examples = load(self.root, use_cache=False)._examples or []
        return self._examples

    def group(self, name: str) -> dict[str, WordEntry]:
        return self.groups.get(name, {})

    def entry(self, group: str, name: str) -> WordEntry:
        try:
            return self.groups[group][name]
        except KeyError:
            raise VocabularyError(f"vocabulary/{group}.yaml", 1,
                                  f"the entry {name!r} is missing") from None

    def with_labels(self, extra: list[LabelSpec]) -> "Vocabulary":
        """This vocabulary with a council's own labels tried first."""
        return Vocabulary(list(extra) + list(self.labels), self.groups, self._examples,
                          self.councils, self.root)


# ---------------------------------------------------------------------------
# Schema (validated on a cache miss only)

def _schema():
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, field_validator

    from govcheck.fields import FIELDS

    class _Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class Example(_Strict):
        text: str
        value: Any = None
        field: str | None = None   # labels: the field the value is read into, if not the label's

    class Examples(_Strict):
        match: list[str | Example] = Field(min_length=1)
        no_match: list[str] = Field(default_factory=list)

    class Cit(_Strict):
        instrument: str
        provision: str
        url: str

    class Label(_Strict):
        field: str
        kind: str
        patterns: list[str] = Field(min_length=1)
        negate: bool = False
        generic: bool = False
        column: bool = False
        marks: Literal["decision", "notice", "meeting"] | None = None
        lang: Literal["en", "cy", "en+cy"] = "en"
        note: str | None = None
        examples: Examples

        @field_validator("field")
        @classmethod
        def _field(cls, v: str) -> str:
            if v not in FIELDS:
                raise ValueError(f"unknown field {v!r}")
            return v

        @field_validator("kind")
        @classmethod
        def _kind(cls, v: str) -> str:
            from govcheck.extract.contract import LABEL_KINDS

            if v not in LABEL_KINDS:
                raise ValueError(f"no answer reader for kind {v!r}; known kinds: "
                                 f"{', '.join(sorted(LABEL_KINDS))}")
            return v

    class Entry(_Strict):
        name: str
        means: str
        words: list[str] = Field(default_factory=list)
        patterns: list[str] = Field(default_factory=list)
        value: Any = None
        case_sensitive: bool = False
        lang: Literal["en", "cy", "en+cy"] = "en"
        citation: Cit | None = None
        examples: Examples

    class LabelsFile(_Strict):
        labels: list[Label]

    def entries_file(key: str):
        from pydantic import create_model

        return create_model(f"{key.title()}File", __base__=_Strict, **{key: (list[Entry], ...)})

    return Label, Entry, LabelsFile, entries_file


def default_dir() -> Path:
    from govcheck.engine.rules import default_rules_dir

    return default_rules_dir() / "vocabulary"


def _first_words(items, acc: str = "") -> set[str]:
    """The words a parsed expression can begin with (lower case)."""
    from re import _constants as c  # the parser's own opcodes

    if not items:
        return {acc}
    (op, av), rest = items[0], list(items[1:])
    if op is c.LITERAL:
        ch = chr(av)
        return _first_words(rest, acc + ch.lower()) if ch.isalpha() else {acc}
    if op is c.SUBPATTERN:
        return _first_words(list(av[-1]) + rest, acc)
    if op is c.BRANCH:
        return set().union(*(_first_words(list(b) + rest, acc) for b in av[1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, _hi, sub = av
        out = _first_words(rest, acc) if lo == 0 else set()
        return out | _first_words(list(sub) + rest, acc)
    return {acc}


def pattern_words(pattern: str) -> set[str]:
    """The words an expression anchored at a line's start (``^\\s*``) can begin with."""
    from re import _constants as c
    from re import _parser

    items = list(_parser.parse(pattern, re.IGNORECASE))
    while items and (items[0][0] is c.AT or (items[0][0] in (c.MAX_REPEAT, c.MIN_REPEAT)
                                              and items[0][1][0] == 0)):
        items = items[1:]
    return _first_words(items) - {""}


def label_starts(pattern: str) -> tuple[str, ...]:
    """The words a label pattern can begin with: how a cell's first word picks the
    labels worth trying."""
    from re import _parser

    words = _first_words(list(_parser.parse(pattern, re.IGNORECASE)))
    if "" in words:
        raise ValueError("the pattern can begin with something other than a word")
    return tuple(sorted(words))


def _validate_file(path: Path, text: str) -> tuple[str, list[dict]]:
    """(group name, plain entries with their ``source``) for one vocabulary file."""
    from pydantic import ValidationError

    from govcheck.yamlsafe import YamlError, load_yaml

    shown = shown_path(path)
    try:
        loaded = load_yaml(text, shown)
    except YamlError as e:
        raise VocabularyError(shown, e.line, e.message) from None
    group = path.stem
    if group == "councils":
        return group, _validate_councils(loaded, shown)
    Label, Entry, LabelsFile, entries_file = _schema()
    model = LabelsFile if group == "labels" else entries_file(group)
    if not isinstance(loaded.data, dict):
        raise VocabularyError(shown, 1, f"expected a mapping with '{group}:'")
    try:
        doc = model.model_validate(loaded.data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        # a union's branch names ("str", "Example") are not keys of the file
        keyloc = tuple(x for x in loc if not (isinstance(x, str) and x[:1].isupper())
                       and x not in ("str",))
        where = ".".join(str(x) for x in keyloc) or group
        raise VocabularyError(shown, loaded.line_of(keyloc), f"{where}: {err['msg']}") from None
    out = []
    names: set[str] = set()
    for i, e in enumerate(getattr(doc, group)):
        line = loaded.line_of((group, i))
        where = f"{shown}:{line}"
        d = e.model_dump(mode="json")
        d["source"] = where
        for j, p in enumerate(d["patterns"]):
            try:
                recache.compile(p)
            except re.error as err:
                raise VocabularyError(shown, loaded.line_of((group, i, "patterns", j)),
                                      f"pattern does not compile: {err}") from None
        if group == "labels":
            try:
                d["starts"] = list(label_starts("|".join(d["patterns"])))
            except ValueError as err:
                raise VocabularyError(shown, line, str(err)) from None
        else:
            if group == "headings":
                from govcheck.extract.contract import HEADING_GROUPS

                need = HEADING_GROUPS.get(d["name"], set())
                have = set(recache.compile("|".join(d["patterns"])).groupindex)
                if need - have:
                    raise VocabularyError(shown, line, f"{d['name']}: the pattern needs the "
                                          f"named group(s) {', '.join(sorted(need - have))}")
                d["first_words"] = sorted(set().union(*(pattern_words(p)
                                                        for p in d["patterns"])))
            if not d["words"] and not d["patterns"]:
                raise VocabularyError(shown, line, f"{d['name']}: give words or patterns")
            if d["name"] in names:
                raise VocabularyError(shown, line, f"{d['name']}: the name is used twice")
            names.add(d["name"])
        out.append(d)
    return group, out


def _validate_councils(loaded, shown: str) -> list[dict]:
    """The council register (generated by scripts/gen_councils.py): what nation
    detection needs of each council."""
    import datetime as dt
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, ValidationError

    class Council(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str
        code: str | None = None
        nation: Literal["england", "wales", "scotland"]
        type: str
        places: list[str] = Field(min_length=1)
        names: list[str] = Field(default_factory=list)
        welsh: list[str] = Field(default_factory=list)
        ended: dt.date | None = None

    class Register(BaseModel):
        model_config = ConfigDict(extra="forbid")
        source: dict
        welsh_names_source: str | None = None
        councils: list[Council]

    try:
        reg = Register.model_validate(loaded.data)
    except ValidationError as e:
        loc = tuple(e.errors()[0]["loc"])
        raise VocabularyError(shown, loaded.line_of(loc),
                              f"{'.'.join(map(str, loc))}: {e.errors()[0]['msg']}") from None
    import unicodedata

    def fold(text: str) -> str:      # "Ynys Môn" is also written "Ynys Mon"
        return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(ch))

    return [{"name": c.name, "nation": c.nation,
             "places": sorted({p for place in c.places for p in (place, fold(place))}),
             "welsh": c.welsh,
             "ended": c.ended.isoformat() if c.ended else None,
             "source": f"{shown}:{loaded.line_of(('councils', i))}"}
            for i, c in enumerate(reg.councils)]


def _read_texts(root: Path) -> list[tuple[Path, str]]:
    out = []
    for name in FILES:
        p = root / name
        if not p.is_file():
            raise VocabularyError(shown_path(p), 1, "vocabulary file not found")
        try:
            out.append((p, p.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as e:
            raise VocabularyError(shown_path(p), 1, f"cannot read: {e}") from None
    return out


def _key(root: Path) -> str:
    """The cache key: the version, this code, and each file's name, size and
    modification time (a warm run reads no vocabulary file)."""
    from govcheck import __version__
    from govcheck.engine.rulecache import stamp

    h = sha256(f"vocabulary|{FORMAT}|{__version__}".encode())
    here = Path(__file__).resolve()
    for src in (here, here.parent / "fields.py", here.parent / "extract" / "contract.py"):
        stamp(h, src, src.name)
    for name in FILES:
        stamp(h, root / name, name)
    return h.hexdigest()


def _runtime(data: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """What a run needs of the validated files: no examples, no descriptions."""
    out: dict[str, list[dict]] = {}
    for group, entries in data.items():
        if group == "councils":
            out[group] = [{k: c[k] for k in ("name", "nation", "places", "welsh", "ended")}
                          for c in entries]
            continue
        out[group] = [{k: v for k, v in d.items() if k not in ("examples", "means", "note")}
                      for d in entries]
        # the cache is shared by every working directory: a source is kept as the file's
        # name and line, and shown from wherever the run is (:func:`_sources_shown`)
        for d in out[group]:
            d["source"] = f"{group}.yaml:{d['source'].rsplit(':', 1)[1]}"
    return out


def _sources_shown(data: dict[str, list[dict]], root: Path) -> dict[str, list[dict]]:
    """The cached entries with each ``source`` as this working directory shows it."""
    for group, entries in data.items():
        if group == "councils":
            continue
        shown = shown_path(os.path.join(root, f"{group}.yaml"))
        for d in entries:
            d["source"] = f"{shown}:{d['source'].rsplit(':', 1)[1]}"
    return data


def _build(data: dict[str, list[dict]], root: Path | None = None,
           with_examples: bool = True) -> Vocabulary:
    labels = [LabelSpec(field=d["field"], kind=d["kind"], starts=tuple(d["starts"]),
                        pattern="|".join(d["patterns"]), negate=d["negate"],
                        generic=d["generic"], marks=d["marks"], source=d["source"],
                        column=d.get("column", False))
              for d in data.get("labels", [])]
    groups: dict[str, dict[str, WordEntry]] = {}
    examples = []
    for group, entries in data.items():
        if group == "councils":
            continue
        for d in entries:
            if with_examples:
                examples.append({"group": group, **{k: d[k] for k in ("source", "examples")},
                                 "name": d.get("name"), "field": d.get("field"),
                                 "kind": d.get("kind"), "value": d.get("value")})
            if group == "labels":
                continue
            groups.setdefault(group, {})[d["name"]] = WordEntry(
                name=d["name"], words=tuple(d["words"]), patterns=tuple(d["patterns"]),
                value=d["value"], case_sensitive=d["case_sensitive"],
                citation=d["citation"], source=d["source"],
                first_words=tuple(d.get("first_words", ())))
    return Vocabulary(labels, groups, examples if with_examples else None,
                      data.get("councils", []), root)


def load(root: Path | None = None, use_cache: bool = True) -> Vocabulary:
    """The vocabulary in ``root`` (the bundled one by default): from the cache when the
    files have not changed, else validated and cached."""
    from govcheck.engine import rulecache

    root = Path(root) if root else default_dir()
    k = _key(root)
    if use_cache:
        doc = rulecache.read_doc("vocabulary", k)
        if doc is not None:
            try:
                return _build(_sources_shown(doc["data"], root), root, with_examples=False)
            except (KeyError, TypeError):
                pass
    texts = _read_texts(root)
    data = dict(_validate_file(p, t) for p, t in texts)
    if use_cache:
        rulecache.write_doc("vocabulary", k, {"data": _runtime(data)})
    return _build(data, root)


def profile_labels(entries: list, source: str) -> list[LabelSpec]:
    """A council profile's own labels (``labels:`` in the profile), validated as
    ``labels.yaml`` entries are."""
    from pydantic import ValidationError

    Label, *_ = _schema()
    out = []
    for i, e in enumerate(entries or []):
        try:
            spec = Label.model_validate(e)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(x) for x in ("labels", i, *first["loc"]))
            raise VocabularyError(source, 1, f"{where}: {first['msg']}") from None
        try:
            pattern = "|".join(spec.patterns)
            recache.compile(pattern)
            starts = label_starts(pattern)
        except (re.error, ValueError) as err:
            raise VocabularyError(source, 1, f"labels.{i}: {err}") from None
        out.append(LabelSpec(spec.field, spec.kind, starts, pattern, spec.negate,
                             spec.generic, spec.marks, f"{source}: labels[{i}]",
                             spec.column))
    return out


_ACTIVE: Vocabulary | None = None
_BASE: Vocabulary | None = None


def active() -> Vocabulary:
    """The vocabulary in use in this process (the bundled one unless :func:`activate`
    chose another)."""
    global _ACTIVE, _BASE
    if _ACTIVE is None:
        _BASE = _ACTIVE = load()
    return _ACTIVE


def activate(profile: dict | None = None, root: Path | None = None) -> Vocabulary:
    """Use the vocabulary in ``root`` (bundled by default) with ``profile``'s own labels,
    for the rest of this process (a run, or a worker of a run)."""
    global _ACTIVE, _BASE
    base = load(root) if root else (_BASE or load())
    if not root:
        _BASE = base
    extra = (profile or {}).get("labels")
    _ACTIVE = base.with_labels(profile_labels(extra, str((profile or {}).get("name", "profile"))))\
        if extra else base
    return _ACTIVE


def activate_for(rules_root, profile: dict | None) -> Vocabulary:
    """The vocabulary of a run: the rule pack's own ``vocabulary/`` if it has one, else
    the bundled one, with the profile's labels."""
    root = Path(rules_root) / "vocabulary" if rules_root else None
    return activate(profile, root if root is not None and root.is_dir() else None)


def use(vocab: Vocabulary) -> None:
    """Make ``vocab`` the active vocabulary (the test harness runs a vocabulary this way)."""
    global _ACTIVE
    _ACTIVE = vocab


def example_json() -> str:
    """For debugging: the active vocabulary's examples as JSON."""
    return json.dumps(active().examples, indent=1, default=str)
