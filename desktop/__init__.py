"""Lianxin (连心): offline-first records and study for Party branches at overseas sites."""

from importlib import metadata

try:
    __version__ = metadata.version("lianxin")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

APP_NAME = "Lianxin"
