"""Checks of JSON request bodies against small field tables, with messages a client can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType


@dataclass(frozen=True)
class Field:
    """What one field of a request body may hold: a string, or a list of strings."""

    required: bool = False
    max_length: int = 500  # characters of a string, or items of a list
    min_length: int = 0  # characters after trimming
    choices: tuple[str, ...] = ()
    is_list: bool = False
    item_max_length: int = 500


QUESTION = Field(required=True, min_length=1, max_length=500)
HISTORY = Field(is_list=True, max_length=10, item_max_length=500)


def read_json_object() -> dict[str, Any]:
    """The request body as a JSON object, or a 415/400 that says what is wrong."""
    if not request.is_json:
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json")
    body = request.get_json(silent=True)
    if body is None:
        raise BadRequest("the request body is not valid JSON")
    if not isinstance(body, dict):
        raise BadRequest("the request body must be a JSON object")
    return body


def validate(body: dict[str, Any], fields: dict[str, Field]) -> dict[str, Any]:
    """Return the body's fields, strings trimmed; unknown fields are rejected, not ignored."""
    unknown = sorted(set(body) - set(fields))
    if unknown:
        raise BadRequest(f"unknown field: {unknown[0]} (allowed: {', '.join(fields)})")
    clean: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in body or body[name] is None:
            if field.required:
                raise BadRequest(f"{name} is required")
            continue
        clean[name] = _check_list(name, body[name], field) if field.is_list else _check_string(name, body[name], field)
    return clean


def _check_string(name: str, value: Any, field: Field) -> str:
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string")
    value = value.strip()
    if not field.min_length <= len(value) <= field.max_length:
        raise BadRequest(
            f"{name} must be {field.min_length} to {field.max_length} characters after trimming (got {len(value)})"
        )
    if field.choices and value not in field.choices:
        raise BadRequest(f"{name} must be one of: {', '.join(field.choices)}")
    return value


def _check_list(name: str, value: Any, field: Field) -> list[str]:
    if not isinstance(value, list):
        raise BadRequest(f"{name} must be a list of strings")
    if len(value) > field.max_length:
        raise BadRequest(f"{name} may hold at most {field.max_length} items (got {len(value)})")
    item = Field(max_length=field.item_max_length)
    return [_check_string(f"{name}[{i}]", v, item) for i, v in enumerate(value)]
