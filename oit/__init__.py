"""OIT self-check: check a Thai government unit's website against NACC's ITA/OIT items.

The library API is :func:`oit.check_site` (``oit/api.py``); the ``oit`` command is a thin layer over it.
"""

from oitbase import __version__

__all__ = ["__version__", "check_site"]


def __getattr__(name: str):  # noqa: ANN202 - a lazy import: ``import oit`` stays light, and free of cycles
    if name == "check_site":
        from oit.api import check_site

        return check_site
    raise AttributeError(f"module 'oit' has no attribute {name!r}")
