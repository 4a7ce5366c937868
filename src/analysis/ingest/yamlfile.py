"""YAML files the project is configured with, read strictly: syntax errors, duplicated keys,
unknown keys and wrong types all stop with the file and line, never a silent default.

A typo such as `paramters:` would otherwise drop every parameter without a word; here the
pydantic model of each file forbids keys it does not declare and says which ones it expects.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import InputError

Model = TypeVar("Model", bound=BaseModel)


class ConfigError(InputError, ValueError):
    """A YAML file that cannot be read or does not match its declared shape."""


def _lines(node: yaml.Node, path: tuple = (), out: dict | None = None, file: Path | None = None) -> dict:
    """Line (1-based) of every key path in a composed YAML tree; duplicated keys are refused."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)  # a key's own line, not the line its value starts on
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise ConfigError.at(file, f"key {key!r} appears twice (lines {seen[key]} and {line})",
                                     line=line, expected="each key once")
            seen[key] = line
            out[path + (key,)] = line
            _lines(value_node, path + (key,), out, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, path + (index,), out, file)
    return out


def read(path: Path) -> tuple[Any, dict]:
    """The document and the line of each key path; errors name the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError.at(path, f"cannot read the file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError.at(path, f"not UTF-8 text (byte offset {exc.start})", expected="a UTF-8 YAML file") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        document = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError.at(path, f"YAML syntax error: {exc.problem or exc.context}",
                             line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise ConfigError.at(path, f"YAML error: {exc}") from None
    return document, (_lines(node, file=path) if node is not None else {(): 1})


def line_of(lines: dict, location: tuple) -> int | None:
    """The line of the deepest key path of `location` that the file has."""
    for end in range(len(location), -1, -1):
        if tuple(location[:end]) in lines:
            return lines[tuple(location[:end])]
    return None


def _without_none(annotation: Any) -> Any:
    """`Model | None` -> `Model`; anything else unchanged."""
    args = get_args(annotation)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _model_at(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
    """The pydantic model that owns the last key of `location` (to list the keys it accepts)."""
    current: Any = model
    for key in location[:-1]:
        current = _without_none(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(key)
            current = field.annotation if field else None
        elif get_origin(current) in (dict, list, tuple):  # a dict key or list index: its value type
            current = get_args(current)[-1]
        else:
            return None
    current = _without_none(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def explain(path: Path, lines: dict, error: ValidationError, model: type[BaseModel]) -> ConfigError:
    """The first problem of a validation error as one message with file, line, key and expectation."""
    # an unknown key first: a typo (`titel:`) also makes the real key look missing
    first = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
    location = tuple(first["loc"])
    dotted = ".".join(str(part) for part in location) or "(top level)"
    line = line_of(lines, location)
    if first["type"] == "extra_forbidden":
        owner = _model_at(model, location)
        expected = f"one of {', '.join(owner.model_fields)}" if owner else "a declared key"
        return ConfigError.at(path, f"unknown key {location[-1]!r} at {dotted}", line=line, expected=expected)
    value = first.get("input")
    shown = "" if isinstance(value, (dict, list)) else f" (value {value!r})"
    return ConfigError.at(path, f"{dotted}: {first['msg']}{shown}", line=line)


def load(path: Path, model: type[Model]) -> Model:
    """Read a YAML file and validate it against `model` (unknown keys refused)."""
    document, lines = read(path)
    try:
        return model.model_validate(document if document is not None else {})
    except ValidationError as exc:
        raise explain(path, lines, exc, model) from None
