"""``@struct`` behaves as ``@dataclass`` does for what govcheck uses of it: fields in
order, defaults and factories, keyword and positional arguments, the same errors,
equality, repr, frozen instances and their hash, ``__post_init__``, inheritance, and
pickling (a worker process sends results back)."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from dataclasses import field as dc_field

import pytest

from govcheck.struct import FrozenInstanceError, field, struct


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
    for obj in (Item("a", ["t"], 2, "n"), Point(1, 2), Labelled("a")):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and back.__class__ is obj.__class__
