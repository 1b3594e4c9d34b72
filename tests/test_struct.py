"""``@struct`` behaves as ``@dataclass`` does for what govcheck uses of it: fields in
order, defaults and factories, keyword and positional arguments, the same errors,
equality, repr, frozen instances and their hash, ``__post_init__``, inheritance, and
pickling (a worker process sends results back)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from dataclasses import field as dc_field

import pytest

from dataclasses import replace as dc_replace

from govcheck.struct import FrozenInstanceError, field, replace, struct


@struct
class Item:
    name: str
    tags: list = field(default_factory=list)
    weight: int = 1
    note: str = field(default="", compare=False, repr=False)


@dataclass
class ItemDC:
    name: str
    tags: list = dc_field(default_factory=list)
    weight: int = 1
    note: str = dc_field(default="", compare=False, repr=False)


@struct(frozen=True)
class Point:
    x: int
    y: int = 0


@struct(frozen=True, slots=True, init=False)
class Spot:
    """A hot class: slots, frozen, its own __init__."""

    x: int
    y: int = 0

    def __init__(self, x: int, y: int = 0) -> None:
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)


@dataclass(frozen=True, slots=True)
class SpotDC:
    x: int
    y: int = 0


@struct
class Labelled(Item):
    label: str = "x"

    def __post_init__(self):
        self.label = self.label.upper()


def test_arguments_and_defaults_as_a_dataclass():
    for cls in (Item, ItemDC):
        a = cls("a")
        b = cls("b", ["t"], weight=3)
        assert (a.name, a.tags, a.weight, a.note) == ("a", [], 1, "")
        assert (b.name, b.tags, b.weight) == ("b", ["t"], 3)
        assert a.tags is not cls("c").tags              # a fresh list each time


@pytest.mark.parametrize("args,kwargs", [((), {}), (("a", [], 1, "", 5), {}),
                                         (("a",), {"name": "b"}), (("a",), {"colour": 1})])
def test_wrong_arguments_are_type_errors_as_for_a_dataclass(args, kwargs):
    with pytest.raises(TypeError):
        ItemDC(*args, **kwargs)
    with pytest.raises(TypeError):
        Item(*args, **kwargs)


def test_equality_repr_and_hash():
    assert Item("a", note="x") == Item("a", note="y")   # note is not compared
    assert Item("a") != Item("b")
    assert Item("a") != ItemDC("a")
    assert repr(Item("a", ["t"])) == "Item(name='a', tags=['t'], weight=1)"
    assert repr(ItemDC("a", ["t"])).replace("ItemDC", "Item") == repr(Item("a", ["t"]))
    with pytest.raises(TypeError):
        hash(Item("a"))                                  # mutable: not hashable
    assert hash(Point(1, 2)) == hash(Point(1, 2)) and {Point(1): 1}[Point(1, 0)] == 1


def test_frozen_instances_cannot_change():
    p = Point(1, 2)
    with pytest.raises(FrozenInstanceError):
        p.x = 3
    with pytest.raises(AttributeError):
        del p.y
    assert (p.x, p.y) == (1, 2)


def test_inheritance_and_post_init():
    lab = Labelled("a", label="b")
    assert (lab.name, lab.weight, lab.label) == ("a", 1, "B")
    assert Labelled.__match_args__ == ("name", "tags", "weight", "note", "label")


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError):
        @struct
        class Bad:
            a: int = 1
            b: int


def test_pickles():
    for obj in (Item("a", ["t"], 2, "n"), Point(1, 2), Labelled("a"), Spot(1, 2)):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and back.__class__ is obj.__class__


def test_slots_and_a_written_out_init_as_a_slotted_frozen_dataclass():
    for cls in (Spot, SpotDC):
        s = cls(1, y=2)
        assert (s.x, s.y) == (1, 2)
        assert not hasattr(s, "__dict__")
        with pytest.raises((AttributeError, TypeError)):   # the dataclass: TypeError
            s.z = 3
        with pytest.raises(AttributeError):
            s.x = 3
        assert cls(1) == cls(1, 0) and hash(cls(1)) == hash(cls(1, 0))
    assert repr(Spot(1, 2)) == repr(SpotDC(1, 2)).replace("SpotDC", "Spot")
    assert Spot.__slots__ == ("x", "y") and Spot.__doc__.startswith("A hot class")


def test_replace_as_dataclasses_replace():
    for obj, rep in ((Item("a", ["t"], 2, "n"), replace), (ItemDC("a", ["t"], 2, "n"), dc_replace),
                     (Spot(1, 2), replace), (SpotDC(1, 2), dc_replace)):
        first = obj.__match_args__[0]
        new = rep(obj, **{first: 9})
        assert getattr(new, first) == 9 and type(new) is type(obj)
        assert new != obj and rep(new, **{first: getattr(obj, first)}) == obj
        with pytest.raises(TypeError):
            rep(obj, colour=1)
