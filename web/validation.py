"""Checks of JSON request bodies, with messages a client can act on.

The field tables are read from the request schemas of `web/openapi.json`, so the document the
API publishes is the one contract: what it says a field may hold is what the views accept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from flask import current_app, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType


@dataclass(frozen=True)
class Field:
    """What one field of a request body may hold: a string, or a list of strings."""

    required: bool = False
    max_length: int = 500  # characters of a string, or items of a list
    min_length: int = 0  # characters after trimming
    choices: tuple[str, ...] = ()
    is_list: bool = False
    item_max_length: int = 500


OPENAPI_PATH = Path(__file__).with_name("openapi.json")


@cache
def _schemas() -> dict[str, Any]:
    return json.loads(OPENAPI_PATH.read_text("utf-8"))["components"]["schemas"]


def _resolved(prop: dict[str, Any]) -> dict[str, Any]:
    """A property with `$ref` / `allOf` references replaced by what they point to."""
    for ref in [prop.get("$ref"), *(p.get("$ref") for p in prop.get("allOf", []))]:
        if ref:
            prop = {
                **_schemas()[ref.rsplit("/", 1)[-1]],
                **{k: v for k, v in prop.items() if k not in ("$ref", "allOf")},
            }
    return prop


def request_fields(schema: str) -> dict[str, Field]:
    """The field table of one request body schema of the OpenAPI document."""
    spec = _schemas()[schema]
    required = set(spec.get("required", ()))
    fields = {}
    for name, raw in spec["properties"].items():
        prop = _resolved(raw)
        if prop.get("type") == "array":
            item = prop.get("items", {})
            fields[name] = Field(
                required=name in required,
                is_list=True,
                max_length=prop.get("maxItems", 500),
                item_max_length=item.get("maxLength", 500),
            )
        else:
            fields[name] = Field(
                required=name in required,
                max_length=prop.get("maxLength", 500),
                min_length=prop.get("minLength", 0),
                choices=tuple(prop.get("enum", ())),
            )
    return fields


def read_json_object() -> dict[str, Any]:
    """The request body as a JSON object, or a 415/400 that says what is wrong."""
    if not request.is_json:
        raise UnsupportedMediaType("send the body as JSON with Content-Type: application/json")
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    # A body with Content-Length is refused by Flask before it is read. A chunked one has none, and
    # Werkzeug's stream silently stops at the limit, so read the raw input one byte past it to
    # tell "too large" from "cut short".
    if request.content_length is not None:
        raw = request.get_data(cache=False)
    else:
        raw = request.environ["wsgi.input"].read(limit + 1)
    if len(raw) > limit:
        raise RequestEntityTooLarge(f"the request body is larger than {limit} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
        raise BadRequest("the request body is not valid JSON") from None
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
        if body.get(name) is None and field.required:
            raise BadRequest(f"{name} is required")
        if name not in body:
            continue
        if body[name] is None:
            raise BadRequest(f"{name} must not be null; leave it out instead")
        clean[name] = _check_list(name, body[name], field) if field.is_list else _check_string(name, body[name], field)
    return clean


def _check_string(name: str, value: Any, field: Field) -> str:
    if not isinstance(value, str):
        raise BadRequest(f"{name} must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # JSON allows lone surrogates ("\ud800"); text storage does not
        raise BadRequest(f"{name} holds characters that are not valid Unicode text") from None
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
