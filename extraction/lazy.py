"""A property computed on first read and kept on the instance."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class cached(Generic[T]):  # noqa: N801 - reads as the decorator it replaces
    """functools.cached_property without the lock Python 3.11 takes at each first read (3.12 dropped it): table rows
    and row readings are made by the hundred per report and each reads its property once or twice. The value goes into
    the instance's __dict__, so later reads never reach this descriptor (frozen dataclasses too, as with
    cached_property)."""

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.func(instance)
        return value
