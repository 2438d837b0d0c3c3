"""Processing provider and algorithms; each algorithm calls one core function."""

from liaocheng_plugin.processing.provider import LiaochengProvider

__all__ = ["LiaochengProvider"]
