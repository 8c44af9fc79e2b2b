"""Catalog problems, explained: every reason a catalog file does not validate, in Thai and English, with the file
and line it is on (``oit catalog validate``).

``load_catalog`` stops at pydantic's raw message. Here the file is composed (``yaml`` nodes keep their lines), each
pydantic error's ``loc`` is walked down the nodes to the line, and the error is put in words a catalog author can
act on. With ``extends``, an error in a merged item points at the file that defines that part of the item: the
child's ``items``/``item_overrides`` entry when it gives the field, else the base file. Errors of the catalog-wide
validator (duplicate codes, unknown sub-indicators …) carry no ``loc``; their item is found by its code, and the
data is repaired and validated again so that every such problem is reported, not only the first.
"""

from __future__ import annotations

import copy
import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checklist.catalog import UNIT_TYPES, Catalog, CatalogError, _Loader, _merge, resolve_catalog_path

#: Rounds of repair-and-validate-again for catalog-wide errors (each round finds one).
MAX_ROUNDS = 200
_GENERIC_TH = "ค่านี้ไม่ถูกต้องตามแบบของแคตตาล็อก (ดูรายละเอียดภาษาอังกฤษ)"


@dataclass(frozen=True)
class Problem:
    """One reason a catalog file does not validate."""

    file: Path
    line: int | None  # 1-based
    where: str  # "items[3] (O4).elements[0].any"; "" for the file as a whole
    message_th: str
    message_en: str

    def render(self) -> str:
        """``FILE:LINE: <Thai> / <English> (where)``."""
        at = f"{self.file}:{self.line}" if self.line else str(self.file)
        where = f" ({self.where})" if self.where else ""
        return f"{at}: {self.message_th} / {self.message_en}{where}"


def catalog_problems(name: str | Path) -> list[Problem]:
    """Every problem of a catalog file (or bundled id), in file and line order per file; [] when it is valid."""
    return check_catalog(name)[1]


def check_catalog(name: str | Path) -> tuple[Catalog | None, list[Problem]]:
    """(the catalog, []) when the file is valid, else (None, its problems)."""
    try:
        path = resolve_catalog_path(name)
    except CatalogError as exc:
        return None, [Problem(Path(name), None, "", *_own_message(str(exc)))]
    checker = _Checker()
    merged = checker.read(path, ())
    if merged is None:
        return None, checker.in_order(path)
    cat = checker.validate(merged)
    return (cat if not checker.problems else None), checker.in_order(path)


# ── where each part of the merged data comes from ───────────────────────────────────────────────────────────────


@dataclass
class _Source:
    """A mapping node of one file: the root of a file or an item entry."""

    path: Path
    node: Node

    def line(self, steps: tuple = ()) -> int:
        return _line(self.node, steps)


@dataclass
class _Merged:
    """A file's data after ``extends``, with the node that defines each part of it."""

    data: dict
    #: the file's root mapping
    me: _Source
    #: top-level key → the root of the file that gives it
    top: dict[str, _Source]
    #: aligned with ``data["items"]``: the entries that make up each item, latest (the child's) last
    items: list[list[_Source]]


def _find_key(node: Node, key: Any) -> tuple[Node, Node] | None:
    if isinstance(node, MappingNode):
        for k, v in node.value:
            if isinstance(k, ScalarNode) and k.value == str(key):
                return k, v
    return None


def _line(node: Node, steps: tuple) -> int:
    """The 1-based line of the node at ``steps`` below ``node`` (a key's own line when the last step is a key); the
    deepest node that exists when the path goes further than the file does (a missing field)."""
    line = node.start_mark.line + 1
    for step in steps:
        if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
            continue
        found = _find_key(node, step)
        if found is None:
            break
        key, node = found
        line = key.start_mark.line + 1
    return line


def _entries(node: Node, key: str) -> list[Node]:
    found = _find_key(node, key)
    return list(found[1].value) if found and isinstance(found[1], SequenceNode) else []


def _code_of(entry: Any) -> str | None:
    return entry.get("code") if isinstance(entry, dict) and isinstance(entry.get("code"), str) else None


def _mergeable(entry: Any) -> bool:
    """``_merge`` sorts items by the number of their code: a mapping with a code like O12."""
    return _code_of(entry) is not None and re.fullmatch(r"[A-Za-z]\d+", entry["code"]) is not None


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def in_order(self, main: Path) -> list[Problem]:
        """The problems by file (``main`` first) and line."""
        files = list(dict.fromkeys([main, *(p.file for p in self.problems)]))
        return sorted(self.problems, key=lambda p: (files.index(p.file), p.line or 0))

    def add(self, source: _Source | Path, steps: tuple, where: str, message: tuple[str, str]) -> None:
        if isinstance(source, _Source):
            self.problems.append(Problem(source.path, source.line(steps), where, *message))
        else:
            self.problems.append(Problem(source, None, where, *message))

    # ── reading, with extends ──

    def read(self, path: Path, chain: tuple[Path, ...]) -> _Merged | None:
        parsed = self._parse(path)
        if parsed is None:
            return None
        root, data = parsed
        me = _Source(path, root)
        parent = data.get("extends")
        if not parent:
            items = [[_Source(path, n)] for n in _entries(root, "items")]
            return _Merged(data, me, dict.fromkeys(data, me), items)
        if not isinstance(parent, str):
            message = ("extends ต้องเป็นชื่อไฟล์หรือรหัสแคตตาล็อก", "extends must name a file or a catalog id")
            self.add(me, ("extends",), "extends", message)
            return None
        try:
            base_path = resolve_catalog_path(parent, relative_to=path.parent)
        except CatalogError as exc:
            self.add(me, ("extends",), "extends", _own_message(str(exc)))
            return None
        if base_path.resolve() in chain:
            self.add(me, ("extends",), "extends", (
                f"extends วนกลับมาที่ไฟล์เดิม ({base_path})", f"extends loops back to {base_path}"))  # fmt: skip
            return None
        base = self.read(base_path, (*chain, path.resolve()))
        if base is None:
            return None
        return self._merge(me, data, base)

    def _parse(self, path: Path) -> tuple[Node, dict] | None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.add(path, (), "", ("อ่านไฟล์ไม่ได้ (ต้องเป็นไฟล์ข้อความ UTF-8)", f"cannot read the file: {exc}"))
            return None
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        except yaml.YAMLError as exc:
            self.problems.append(_syntax_problem(path, text, exc))
            return None
        finally:
            loader.dispose()
        if not isinstance(data, dict):
            line = root.start_mark.line + 1 if root is not None else None
            self.problems.append(Problem(path, line, "", *_own_message("a catalog file must be a mapping")))
            return None
        return root, data

    def _merge(self, me: _Source, data: dict, base: _Merged) -> _Merged:
        """``_merge`` of ``catalog.py`` on the data, and the same bookkeeping of where each part comes from."""
        base_items = self._usable(base.me, "items", base.data.get("items") or [], base.items)
        by_code = {entry["code"]: layers for entry, layers in base_items}
        child = {}
        for key in ("item_overrides", "items"):
            entries = data.get(key) or []
            nodes = [[_Source(me.path, node)] for node in _entries(me.node, key)]
            child[key] = []
            for entry, layers in self._usable(me, key, entries, nodes):
                if key == "item_overrides" and entry["code"] not in by_code:
                    msg = f"item_overrides names {entry['code']}, which the base catalog does not have"
                    self.add(layers[0], ("code",), f"{key} ({entry['code']})", _own_message(msg))
                else:
                    child[key].append((entry, layers))
        for entry, layers in child["item_overrides"]:
            by_code[entry["code"]] = by_code[entry["code"]] + layers
        for entry, layers in child["items"]:
            by_code[entry["code"]] = layers
        out = _merge(
            {**base.data, "items": [e for e, _ in base_items]},
            {**data, **{key: [e for e, _ in pairs] for key, pairs in child.items()}},
        )
        top = {**base.top, **{k: me for k in data if k not in ("extends", "items", "item_overrides")}}
        return _Merged(out, me, top, [by_code[it["code"]] for it in out["items"]])

    def _usable(self, me: _Source, key: str, entries: Any, sources: list[list[_Source]]) -> list[tuple[dict, list]]:
        """The entries of an item list that ``_merge`` can take (mappings with a code like O12), with their sources;
        the others are problems."""
        if not isinstance(entries, list):
            self.add(me, (key,), key, _type_message(key, "list", entries))
            return []
        usable = []
        for i, (entry, layers) in enumerate(zip(entries, sources, strict=False)):
            if _mergeable(entry):
                usable.append((entry, layers))
            else:
                self.add(layers[-1], ("code",), f"{key}[{i}]", (
                    f"รายการใน {key} ต้องเป็นชุด key: value ที่มีรหัสข้อ (code) เช่น O12",
                    f"an entry of {key} needs a code like O12"))  # fmt: skip
        return usable

    # ── validation ──

    def validate(self, merged: _Merged) -> Catalog | None:
        state = _State(merged, self)
        for _ in range(MAX_ROUNDS):
            try:
                cat = Catalog.model_validate(state.data)
                break
            except ValidationError as exc:
                errors = exc.errors(include_url=False)
            bad_items: set[int] = set()
            done = False
            for err in errors:
                loc = tuple(err["loc"])
                if not loc:  # Catalog._consistent: it runs only once every field is valid, and stops at the first
                    done = not state.catalog_wide(str((err.get("ctx") or {}).get("error", err["msg"])))
                    continue
                kind, g = _match_own(str((err.get("ctx") or {}).get("error", "")))
                if kind == "variant_unit":
                    loc = (*loc, g["ut"].strip("'\""))  # the line of the unit type, not of ``variants:``
                state.report(loc, _explain(err, loc))
                if loc[0] == "items" and len(loc) > 1 and isinstance(loc[1], int):
                    bad_items.add(loc[1])
                else:
                    done = True  # the catalog-wide checks depend on what is wrong here: stop after this round
            if done:
                return None
            state.drop(bad_items)  # and validate the other items again, for the catalog-wide problems
        else:
            return None
        if not self.problems:
            self._variants(cat, state)
        return cat

    def _variants(self, cat: Catalog, state: _State) -> None:
        """``for_unit_type`` of each variant: an ``element_overrides`` id the item does not have fails only when a
        unit of that type is checked, so say it now."""
        for i, it in enumerate(cat.items):
            for unit_type in it.variants:
                try:
                    it.for_unit_type(unit_type)
                except ValueError as exc:
                    state.report(("items", i, "variants", unit_type, "element_overrides"), _own_message(str(exc)))


class _State:
    """The merged data being validated, round after round, and where each of its items comes from; items found
    wrong are dropped from it (``index`` keeps their numbers in the file's merged list)."""

    def __init__(self, merged: _Merged, checker: _Checker) -> None:
        self.merged, self.checker = merged, checker
        self.data = copy.deepcopy(merged.data)
        self.items = list(merged.items)
        self.index = list(range(len(self.items)))

    def codes(self) -> list[str | None]:
        return [_code_of(it) for it in self.data["items"]]

    def drop(self, drop: set[int]) -> None:
        keep = [i for i in range(len(self.items)) if i not in drop]
        self.data["items"] = [self.data["items"][i] for i in keep]
        self.items = [self.items[i] for i in keep]
        self.index = [self.index[i] for i in keep]

    def locate(self, loc: tuple) -> tuple[_Source, tuple]:
        """The node a ``loc`` of the merged data is written at, and the steps below it: for an item, the latest
        entry (the child's) that gives the field."""
        if loc[:1] == ("items",) and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(self.items):
            layers, rest = self.items[loc[1]], loc[2:]
            given = [s for s in layers if rest and _find_key(s.node, rest[0])]
            return (given or layers)[-1], rest
        if loc and loc[0] in self.merged.top:
            return self.merged.top[loc[0]], loc
        return self.merged.me, ()

    def where(self, loc: tuple) -> str:
        out = ""
        for n, step in enumerate(loc):
            if n == 1 and loc[0] == "items" and isinstance(step, int) and step < len(self.items):
                code = _code_of(self.data["items"][step])
                out += f"[{self.index[step]}]" + (f" ({code})" if code else "")
            elif isinstance(step, int):
                out += f"[{step}]"
            else:
                out += f".{step}" if out else str(step)
        return out

    def report(self, loc: tuple, message: tuple[str, str]) -> None:
        src, steps = self.locate(loc)
        self.checker.add(src, steps, self.where(loc), message)

    def catalog_wide(self, message: str) -> bool:
        """Report an error of ``Catalog._consistent`` at the line of what it names, and repair the data so that the
        next round finds the next one; False for a message it does not know."""
        kind, g = _match_own(message)
        codes = self.codes()
        if kind == "duplicate":
            again = {i for i, c in enumerate(codes) if c in codes[:i]}
            for i in sorted(again):
                first = self.locate(("items", codes.index(codes[i])))[0].line()
                self.report(("items", i, "code"), (
                    f"รหัสข้อ {codes[i]} ซ้ำกับข้อที่บรรทัด {first} (รหัสข้อต้องไม่ซ้ำกัน)",
                    f"duplicate item code {codes[i]} (also at line {first})"))  # fmt: skip
            self.drop(again)
        elif kind in ("item_unknown_sub", "not_kinds") and g["code"] in codes:
            i = codes.index(g["code"])
            self.report(
                ("items", i, "sub_indicator" if kind == "item_unknown_sub" else "not_kinds"), _own_message(message)
            )
            self.drop({i})
        elif kind == "sub_unknown_indicator":
            subs = [str(s.get("code")) if isinstance(s, dict) else None for s in self.data["sub_indicators"]]
            self.report(("sub_indicators", subs.index(g["sub"]), "indicator"), _own_message(message))
            self.data["indicators"] = [*self.data["indicators"], {"code": g["ind"], "name": g["ind"]}]
        elif kind == "unit_type":
            value = g["ut"].strip("'\"")
            self.report(("unit_types", self.data["unit_types"].index(value)), _own_message(message))
            self.data["unit_types"] = [u for u in self.data["unit_types"] if u != value]
        elif kind == "no_band":
            self.report(("bands",), _own_message(message))
            self.data["bands"] = [{"name": "-", "min": 0}]
        else:
            self.report((), _own_message(message))
            return False
        return True


# ── words ───────────────────────────────────────────────────────────────────────────────────────────────────────


#: The messages of the validators in ``checklist/catalog.py`` (and of reading ``extends``), in Thai.
_OWN = [
    ("duplicate", r"duplicate item codes: \[(?P<codes>.*)\]", "รหัสข้อซ้ำกัน: {codes}"),
    ("sub_unknown_indicator", r"sub-indicator (?P<sub>\S+) names unknown indicator (?P<ind>\S+)",
     "ตัวชี้วัดย่อย {sub} อ้างถึงตัวชี้วัด {ind} ซึ่งไม่มีใน indicators"),
    ("item_unknown_sub", r"item (?P<code>\S+) names unknown sub-indicator (?P<sub>\S+)",
     "ข้อ {code} อ้างถึงตัวชี้วัดย่อย {sub} ซึ่งไม่มีใน sub_indicators"),
    ("not_kinds", r"item (?P<code>\S+): not_kinds names unknown evidence types \[(?P<kinds>.*)\]",
     "ข้อ {code}: not_kinds มีประเภทหลักฐานที่ไม่รู้จัก {kinds} (ดู evidence_types)"),
    ("element_overrides", r"item (?P<code>\S+): element_overrides name unknown elements \[(?P<ids>.*)\]",
     "ข้อ {code}: element_overrides อ้างถึงองค์ประกอบ {ids} ซึ่งข้อนี้ไม่มี (ใช้ id ของ elements)"),
    ("variant_unit", r"unknown unit type (?P<ut>.*) in variants \(use (?P<use>.*)\)",
     "ประเภทหน่วยงาน {ut} ใน variants ไม่รู้จัก (ใช้ {use})"),
    ("unit_type", r"unknown unit type (?P<ut>.*)",
     "ประเภทหน่วยงาน {ut} ใน unit_types ไม่รู้จัก (ใช้ " + ", ".join(UNIT_TYPES) + ")"),
    ("no_band", r"a catalog needs at least one rating band", "แคตตาล็อกต้องมีระดับผลการประเมิน (bands) อย่างน้อยหนึ่งระดับ"),
    ("no_condition", r"element (?P<id>.*) has no condition .*",
     "องค์ประกอบ {id} ไม่มีเงื่อนไข ต้องมีอย่างน้อยหนึ่งอย่างใน any, all, pattern, feature หรือ signed_by"),
    ("per_person", r"element (?P<id>.*): per_person needs person_markers .*",
     "องค์ประกอบ {id}: per_person ต้องมี person_markers (ตำแหน่งที่ขึ้นต้นข้อมูลของแต่ละคน)"),
    ("person_markers", r"element (?P<id>.*): person_markers is only used with per_person: true",
     "องค์ประกอบ {id}: person_markers ใช้ได้เฉพาะเมื่อ per_person: true"),
    ("forbid", r"forbid rule (?P<id>.*) needs any or pattern", "กฎห้าม (forbid) {id} ต้องมี any หรือ pattern"),
    ("code", r"item code must look like O1\.\.O99, got (?P<got>.*)",
     "รหัสข้อต้องเป็น O1 ถึง O99 (ตัว O ภาษาอังกฤษตามด้วยตัวเลข) แต่ได้ {got}"),
    ("regex", r"pattern (?P<pattern>.*) is not a valid regular expression: (?P<why>.*)",
     "pattern {pattern} ไม่ใช่นิพจน์ปกติ (regular expression) ที่ถูกต้อง: {why}"),
    ("override_code", r"item_overrides names (?P<code>\S+), which the base catalog does not have",
     "item_overrides อ้างถึงข้อ {code} ซึ่งไม่มีในแคตตาล็อกต้นแบบ (extends)"),
    ("not_found", r"catalog not found: (?P<name>.*)", "ไม่พบไฟล์หรือแคตตาล็อก {name}"),
    ("not_mapping", r"a catalog file must be a mapping", "ไฟล์แคตตาล็อกต้องเป็นชุด key: value (mapping) ที่ระดับบนสุด"),
]  # fmt: skip
_OWN_RE = [(kind, re.compile(pattern), th) for kind, pattern, th in _OWN]


def _match_own(message: str) -> tuple[str | None, dict]:
    for kind, pattern, _ in _OWN_RE:
        m = pattern.fullmatch(message)
        if m:
            return kind, m.groupdict()
    return None, {}


def _own_message(message: str) -> tuple[str, str]:
    """(Thai, English) of a message of ``catalog.py``'s validators; a generic Thai sentence for others."""
    for _, pattern, th in _OWN_RE:
        m = pattern.fullmatch(message)
        if m:
            return th.format(**m.groupdict()), message
    return _GENERIC_TH, message


def _show(value: Any, thai: bool = False) -> str:
    if isinstance(value, dict):
        return "ชุด key: value {…}" if thai else "a mapping {…}"
    if isinstance(value, list):
        return "รายการ […]" if thai else "a list […]"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


_TYPES = {  # pydantic's type name → (Thai, English)
    "string": ("ข้อความ", "text (a string)"),
    "int": ("จำนวนเต็ม", "a whole number"),
    "float": ("ตัวเลข", "a number"),
    "bool": ("true หรือ false", "true or false"),
    "list": ("รายการ (list: [a, b] หรือบรรทัดที่ขึ้นต้นด้วย -)", "a list ([a, b] or lines starting with -)"),
    "dict": ("ชุด key: value (mapping)", "a mapping (key: value)"),
}
_TYPE_ERRORS = {
    "string_type": "string", "int_type": "int", "int_parsing": "int", "int_from_float": "int",
    "float_type": "float", "float_parsing": "float", "bool_type": "bool", "bool_parsing": "bool",
    "list_type": "list", "dict_type": "dict", "model_type": "dict", "model_attributes_type": "dict",
}  # fmt: skip


def _type_message(field: str, kind: str, value: Any) -> tuple[str, str]:
    th, en = _TYPES[kind]
    return f"`{field}` ต้องเป็น{th} แต่ได้ {_show(value, True)}", f"`{field}` must be {en}, got {_show(value)}"


def _field_name(loc: tuple) -> str:
    """``terms[2]``, ``name``: the last key of ``loc`` with the list index after it."""
    names = [s for s in loc if isinstance(s, str)]
    name = names[-1] if names else "catalog"
    return f"{name}[{loc[-1]}]" if loc and isinstance(loc[-1], int) else name


def _explain(err: dict, loc: tuple) -> tuple[str, str]:
    kind, ctx, value, field = err["type"], err.get("ctx") or {}, err.get("input"), _field_name(loc)
    if kind == "missing":
        return f"ขาดช่อง `{field}` ซึ่งต้องระบุ", f"missing required field `{field}`"
    if kind == "extra_forbidden":
        model = _model_at(loc[:-1])
        valid = list(model.model_fields) if model else []
        guess = difflib.get_close_matches(str(loc[-1]), valid, n=1, cutoff=0.6)
        if guess:
            return (f"ไม่รู้จักช่อง `{field}` — หมายถึง `{guess[0]}` หรือไม่",
                    f"unknown field `{field}` — did you mean `{guess[0]}`?")  # fmt: skip
        fields = ", ".join(valid)
        return f"ไม่รู้จักช่อง `{field}` (ช่องที่ใช้ได้: {fields})", f"unknown field `{field}` (valid fields: {fields})"
    if kind in _TYPE_ERRORS:
        return _type_message(field, _TYPE_ERRORS[kind], value)
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        guess = difflib.get_close_matches(str(value), re.findall(r"'([^']*)'", expected), n=1, cutoff=0.5)
        th = f"`{field}` ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected} แต่ได้ {_show(value, True)}"
        en = f"`{field}` must be one of {expected}, got {_show(value)}"
        if guess:
            th, en = f"{th} — หมายถึง '{guess[0]}' หรือไม่", f"{en} — did you mean '{guess[0]}'?"
        return th, en
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        return (f"`{field}` ไม่ตรงกับรูปแบบ {pattern} (ได้ {_show(value, True)})",
                f"`{field}` does not match the pattern {pattern} (got {_show(value)})")  # fmt: skip
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return f"`{field}` ต้องมีอย่างน้อย {n} รายการ", f"`{field}` needs at least {n} entries"
    if kind in ("value_error", "assertion_error"):
        return _own_message(str(ctx.get("error", err["msg"])))
    return _GENERIC_TH, f"`{field}`: {err['msg']}"


def _unwrap(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if args else tp
    return tp


def _model_at(steps: tuple) -> type[BaseModel] | None:
    """The model that validates the mapping at ``steps`` of a catalog (for the valid field names)."""
    tp: Any = Catalog
    for step in steps:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(step) if isinstance(step, str) else None
            if field is None:
                return None
            tp = field.annotation
        elif typing.get_origin(tp) in (list, dict):
            tp = typing.get_args(tp)[-1]
        else:
            return None
    tp = _unwrap(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


#: What a YAML parser's complaint usually means, in Thai.
_SYNTAX_HINTS = [
    ("mapping values are not allowed", "มีเครื่องหมาย : ในที่ที่ไม่ควรมี (ข้อความที่มี \": \" ต้องอยู่ในเครื่องหมายคำพูด) หรือย่อหน้าผิด"),
    ("could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อช่อง หรือข้อความหลายบรรทัดไม่ได้ย่อหน้า"),
    ("did not find expected key", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("expected <block end>", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("did not find expected '-' indicator", "รายการ (- …) ย่อหน้าไม่ตรงกัน"),
    ("expected ',' or ']'", "วงเล็บ [ ] ไม่ครบคู่ หรือขาดจุลภาคคั่น"),
    ("expected ',' or '}'", "วงเล็บ { } ไม่ครบคู่ หรือขาดจุลภาคคั่น"),
    ("found undefined alias", "อ้างถึง alias (*ชื่อ) ที่ไม่ได้ประกาศไว้"),
    ("found unexpected end of stream", "เครื่องหมายคำพูดไม่ครบคู่ (เปิดแล้วไม่ปิด)"),
    ("found unknown escape character", "ในเครื่องหมายคำพูดคู่ \\ ต้องเขียนเป็น \\\\ (หรือใช้เครื่องหมายคำพูดเดี่ยว)"),
]  # fmt: skip


def _syntax_problem(path: Path, text: str, exc: yaml.YAMLError) -> Problem:
    problem = getattr(exc, "problem", None) or str(exc)
    mark, context_mark = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None) or ""
    if "quoted scalar" in context and context_mark is not None:
        mark = context_mark  # the end of the file says nothing; the quote that is never closed does
    hint = next((th for en, th in _SYNTAX_HINTS if en in problem), "ไฟล์เขียนผิดรูปแบบ YAML")
    if mark is not None and "cannot start any token" in problem:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            hint, problem = "ห้ามใช้แท็บ (Tab) ย่อหน้า ให้ใช้ช่องว่าง", "a tab cannot indent YAML: use spaces"
    en = f"YAML syntax error: {problem}"
    if context and context_mark is not None:
        en += f" ({context} at line {context_mark.line + 1})"
    return Problem(path, mark.line + 1 if mark is not None else None, "", f"ไวยากรณ์ YAML ผิด: {hint}", en)
