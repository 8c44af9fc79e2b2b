"""Which OIT items a short text (a link text, a title, headings) names, by the items' terms.

The matcher takes plain ``(code, terms)`` pairs, or a ``{code: [terms]}`` mapping (the JSON form of the
``OIT_ITEM_NAMES`` crawl setting), so it needs no catalog: the application gives the names of the catalog it
checks against. Texts and terms are compared folded (``oitbase.thai.fold``), as the checklist engine compares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from oitbase.thai import fold

#: Texts remembered per matcher (menus repeat the same link texts on every page).
CACHE_SIZE = 50_000


class ItemNames:
    """Which items a short text names; ``total`` is how many items have a term to be named by."""

    def __init__(self, names: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]]):
        pairs = names.items() if isinstance(names, Mapping) else names
        self.terms = [(code, [f for f in (fold(t) for t in terms if t) if f]) for code, terms in pairs]
        self.total = len(self.terms)
        self._cache: dict[str, set[str]] = {}

    def codes_named(self, text: str) -> set[str]:
        if (hit := self._cache.get(text)) is not None:
            return hit
        key = fold(text)
        codes = {code for code, terms in self.terms if any(t in key for t in terms)}
        if len(self._cache) < CACHE_SIZE:
            self._cache[text] = codes
        return codes

    @classmethod
    def from_setting(cls, value) -> ItemNames | None:  # noqa: ANN001 - a dict, or its JSON text from "-s NAME=…"
        """The matcher of an ``OIT_ITEM_NAMES`` value (``{code: [terms]}`` or its JSON text); None when empty."""
        if isinstance(value, str):
            import json

            value = json.loads(value) if value.strip() else {}
        if not value:
            return None
        return cls({str(code): [str(t) for t in terms] for code, terms in dict(value).items()})
