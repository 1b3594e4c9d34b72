"""Plain record classes, made without compiling code: ``@struct`` for classes built
once per run (the rule pack's predicates and rules, configuration, vocabulary specs),
and, with ``init=False`` and a written-out ``__init__``, for those made once a line or a
value (lines, values read, findings).

:func:`dataclasses.dataclass` writes each class's ``__init__``, ``__repr__`` and
``__eq__`` as source and compiles it: about 0.4 ms a class, some 25 ms of a one-file
check for the fifty classes the engine defines.  These classes are made a few hundred
times a run at most, so a shared ``__init__`` that loops over the fields costs nothing
that matters, and defining them costs nothing either.  A class made thousands of times
writes its own ``__init__`` (``init=False``: about four times faster than the shared
one) and takes ``__repr__``, ``__eq__``, ``__hash__`` and pickling from here.

Supported, as :func:`dataclasses.dataclass` does them: fields from the class's own
annotations in order (after any ``@struct`` base's), defaults, :func:`field` with
``default``, ``default_factory``, ``compare`` and ``repr``, ``frozen=True`` (with
``__hash__``), ``slots=True``, ``init=False``, ``__post_init__`` (with the shared
``__init__``), and :func:`replace`.  ``ClassVar`` annotations are not fields.
"""

from __future__ import annotations

_MISSING = object()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen struct."""


class _Field:
    __slots__ = ("default", "factory", "compare", "repr")

    def __init__(self, default, factory, compare: bool, repr: bool):  # noqa: A002
        self.default, self.factory, self.compare, self.repr = default, factory, compare, repr


def field(*, default=_MISSING, default_factory=_MISSING, compare: bool = True,
          repr: bool = True, hash=None) -> _Field:  # noqa: A002
    """A field's options, as :func:`dataclasses.field` (``hash`` follows ``compare``)."""
    return _Field(default, default_factory, compare, repr)


def _fields(cls) -> tuple[tuple, ...]:
    """(name, default, factory, compare, repr) of each field, bases first."""
    out: dict[str, tuple] = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__struct_fields__", ()):
            out[f[0]] = f
    for name, ann in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(ann, str) and ann.startswith(("ClassVar", "typing.ClassVar")):
            continue
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, _Field):
            out[name] = (name, value.default, value.factory, value.compare, value.repr)
            if value.default is not _MISSING:
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
        else:
            out[name] = (name, value, _MISSING, True, True)
    return tuple(out.values())


def _with_slots(cls, names: tuple[str, ...]):
    """``cls`` made again with ``__slots__`` for its own fields (as dataclass does)."""
    inherited = {n for base in cls.__mro__[1:] for n in getattr(base, "__slots__", ())}
    body = {k: v for k, v in cls.__dict__.items()
            if k not in names and k not in ("__dict__", "__weakref__")}
    body["__slots__"] = tuple(n for n in names if n not in inherited)
    new = type(cls)(cls.__name__, cls.__bases__, body)
    new.__qualname__ = cls.__qualname__
    return new


def struct(cls=None, /, *, frozen: bool = False, slots: bool = False, init: bool = True):
    """Give ``cls`` ``__init__`` (unless ``init=False``: the class writes its own),
    ``__repr__``, ``__eq__`` (and ``__hash__`` when frozen) from its annotated fields;
    with ``slots=True``, ``__slots__`` for them."""

    def make(cls):
        fields = _fields(cls)
        names = tuple(f[0] for f in fields)
        if slots:
            cls = _with_slots(cls, names)
        compared = tuple(f[0] for f in fields if f[3])
        shown = tuple(f[0] for f in fields if f[4])
        seen_default = False
        for name, default, factory, *_ in fields:
            if default is _MISSING and factory is _MISSING:
                if seen_default:
                    raise TypeError(f"{cls.__name__}: field {name!r} without a default "
                                    "follows one with a default")
            else:
                seen_default = True
        put = object.__setattr__ if frozen else setattr
        post = getattr(cls, "__post_init__", None)

        specs = tuple((f[0], f[1], f[2]) for f in fields)     # name, default, factory
        count = len(specs)

        def __init__(self, *args, **kwargs):
            n = len(args)
            if n > count:
                raise TypeError(f"{cls.__name__}() takes {count} positional arguments "
                                f"but {n} were given")
            for name, value in zip(names, args):
                put(self, name, value)
            if kwargs:
                for name in names[:n]:
                    if name in kwargs:
                        raise TypeError(f"{cls.__name__}() got multiple values for "
                                        f"{name!r}")
            for name, default, factory in specs[n:]:
                if kwargs and name in kwargs:
                    put(self, name, kwargs.pop(name))
                elif default is not _MISSING:
                    put(self, name, default)
                elif factory is not _MISSING:
                    put(self, name, factory())
                else:
                    raise TypeError(f"{cls.__name__}() missing argument {name!r}")
            if kwargs:
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument "
                                f"{sorted(kwargs)[0]!r}")
            if post is not None:
                self.__post_init__()

        def __repr__(self):
            inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
            return f"{cls.__qualname__}({inner})"

        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return (tuple(getattr(self, n) for n in compared)
                    == tuple(getattr(other, n) for n in compared))

        if init:
            cls.__init__ = __init__
        cls.__repr__ = __repr__
        cls.__eq__ = __eq__
        cls.__struct_fields__ = fields
        cls.__match_args__ = names
        if slots:
            # no __dict__ to pickle: the fields in order (set past a frozen __setattr__)
            def __getstate__(self):
                return tuple(getattr(self, n) for n in names)

            def __setstate__(self, state):
                for n, v in zip(names, state):
                    object.__setattr__(self, n, v)

            cls.__getstate__ = __getstate__
            cls.__setstate__ = __setstate__
        if frozen:
            def __hash__(self):
                return hash(tuple(getattr(self, n) for n in compared))

            def __setattr__(self, name, value):
                raise FrozenInstanceError(f"cannot assign to field {name!r}")

            def __delattr__(self, name):
                raise FrozenInstanceError(f"cannot delete field {name!r}")

            cls.__hash__ = __hash__
            cls.__setattr__ = __setattr__
            cls.__delattr__ = __delattr__
        elif "__hash__" not in cls.__dict__:
            cls.__hash__ = None         # as a dataclass with eq: mutable, not hashable
        return cls

    return make if cls is None else make(cls)


def replace(obj, /, **changes):
    """A copy of the struct ``obj`` with ``changes`` (as :func:`dataclasses.replace`)."""
    names = obj.__match_args__
    for name in changes:
        if name not in names:
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    return type(obj)(**{n: changes[n] if n in changes else getattr(obj, n) for n in names})
