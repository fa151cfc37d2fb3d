"""Settings: defaults, the environment, test overrides, and bad values rejected at create_app."""

from __future__ import annotations

import pytest

from web.config import SETTINGS, ConfigError, load_config


def test_every_setting_has_a_default_and_description():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert all(s.name.startswith("ASSISTANT_") and s.description.endswith(".") for s in SETTINGS)
    assert {
        "ASSISTANT_CORPUS",
        "ASSISTANT_DB",
        "ASSISTANT_STAFF_TOKEN",
        "ASSISTANT_RATE_LIMIT",
        "ASSISTANT_FRAME_ANCESTORS",
        "ASSISTANT_LOG_QUESTIONS",
        "ASSISTANT_EVAL_SET",
        "ASSISTANT_TRUSTED_PROXIES",
        "ASSISTANT_CACHE_DIR",
        "ASSISTANT_DATABASE_URL",
        "ASSISTANT_RATE_LIMIT_STORAGE",
        "ASSISTANT_FEEDBACK_LIMIT",
        "ASSISTANT_FEEDBACK_DAILY_CAP",
        "ASSISTANT_RETENTION_DAYS",
        "ASSISTANT_SECRET_KEY",
        "ASSISTANT_TRUSTED_HOSTS",
        "ASSISTANT_CLINIC_NAME",
        "ASSISTANT_CLINIC_LOGO",
        "ASSISTANT_CLINIC_PHONE",
        "ASSISTANT_CLINIC_CONTACT_URL",
        "ASSISTANT_CLINIC_BOOKING_URL",
        "ASSISTANT_CLINIC_ACCENT",
        "ASSISTANT_CLINIC_PRIVACY_URL",
    } == set(names)


def test_defaults_parse():
    config = load_config()
    assert config["ASSISTANT_RATE_LIMIT"] == (30, 60)
    assert config["ASSISTANT_FRAME_ANCESTORS"] == "'self'"
    assert config["ASSISTANT_LOG_QUESTIONS"] is True
    assert config["ASSISTANT_CACHE_DIR"] == "instance/cache"
    assert load_config({"ASSISTANT_CACHE_DIR": "off"})["ASSISTANT_CACHE_DIR"] is None
    assert config["ASSISTANT_STAFF_TOKEN"] is None
    assert config["ASSISTANT_CORPUS"] == "corpus"


def test_environment_is_read_and_test_config_wins(monkeypatch):
    monkeypatch.setenv("ASSISTANT_RATE_LIMIT", "5/second")
    monkeypatch.setenv("ASSISTANT_LOG_QUESTIONS", "0")
    config = load_config({"ASSISTANT_LOG_QUESTIONS": "yes"})
    assert config["ASSISTANT_RATE_LIMIT"] == (5, 1)
    assert config["ASSISTANT_LOG_QUESTIONS"] is True


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("30/minute", (30, 60)), (" 10 / hour ", (10, 3600)), ("2/SECOND", (2, 1)), ("off", None), ("OFF", None)],
)
def test_rate_limit_values(value, parsed):
    assert load_config({"ASSISTANT_RATE_LIMIT": value})["ASSISTANT_RATE_LIMIT"] == parsed


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("ASSISTANT_RATE_LIMIT", "30/fortnight", "'30/fortnight'"),
        ("ASSISTANT_RATE_LIMIT", "0/minute", "'0/minute'"),
        ("ASSISTANT_RATE_LIMIT", "lots", "'lots'"),
        ("ASSISTANT_RATE_LIMIT", "", "''"),
        ("ASSISTANT_FRAME_ANCESTORS", "'self'; script-src *", "script-src"),
        ("ASSISTANT_FRAME_ANCESTORS", "", "''"),
        ("ASSISTANT_FRAME_ANCESTORS", "'unsafe-inline'", "unsafe-inline"),
        ("ASSISTANT_FRAME_ANCESTORS", "'none' https://a.example", "'none' https://a.example"),
        ("ASSISTANT_LOG_QUESTIONS", "maybe", "'maybe'"),
        ("ASSISTANT_DB", "  ", "'  '"),
        ("ASSISTANT_CORPUS", "", "''"),
        ("ASSISTANT_TRUSTED_PROXIES", "-1", "'-1'"),
        ("ASSISTANT_TRUSTED_PROXIES", "lots", "'lots'"),
        ("ASSISTANT_TRUSTED_PROXIES", "9", "'9'"),
        ("ASSISTANT_CLINIC_LOGO", "https://cdn.example/logo.png", "cdn.example"),
        ("ASSISTANT_CLINIC_LOGO", "//cdn.example/logo.png", "cdn.example"),
        ("ASSISTANT_CLINIC_PHONE", "call us", "'call us'"),
        ("ASSISTANT_CLINIC_ACCENT", "blue", "'blue'"),
        ("ASSISTANT_CLINIC_CONTACT_URL", "javascript:alert(1)", "javascript"),
        ("ASSISTANT_CLINIC_PRIVACY_URL", 'https://a.example/"x', "a.example"),
    ],
)
def test_malformed_settings_are_rejected_with_their_value(make_app, name, value, shown):
    with pytest.raises(ConfigError, match=name) as error:
        make_app(**{name: value})
    assert shown in str(error.value)


@pytest.mark.parametrize("token", ["short", "x" * 31, "a token with ünïcode chars!! and more of them"])
def test_weak_staff_token_is_rejected_without_echoing_it(make_app, token):
    with pytest.raises(ConfigError, match="ASSISTANT_STAFF_TOKEN") as error:
        make_app(ASSISTANT_STAFF_TOKEN=token)
    assert token not in str(error.value)


@pytest.mark.parametrize(
    "value",
    [
        "'self'",
        "'none'",
        "https://clinic.example",
        "'self' https://*.clinic.example:443",
        "https:",
        "clinic.example/chat",
    ],
)
def test_frame_ancestor_sources_accepted(value):
    assert load_config({"ASSISTANT_FRAME_ANCESTORS": value})["ASSISTANT_FRAME_ANCESTORS"] == value


def test_missing_corpus_raises_corpus_error_naming_it(tmp_path):
    from assistant import CorpusError
    from web import create_app

    with pytest.raises(CorpusError, match="nowhere"):
        create_app({"ASSISTANT_CORPUS": str(tmp_path / "nowhere"), "ASSISTANT_DB": str(tmp_path / "db.sqlite")})


def test_web_readme_documents_every_setting_with_its_default():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "web" / "README.md").read_text("utf-8")
    for setting in SETTINGS:
        default = f"`{setting.default}`" if setting.default else "(unset)"
        assert f"| `{setting.name}` | {default} | {setting.description} |" in readme


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("ASSISTANT_RATE_LIMIT_STORAGE", "mongodb://x", "memory:// or redis://"),
        ("ASSISTANT_FEEDBACK_LIMIT", "lots", "ASSISTANT_FEEDBACK_LIMIT must look like"),
        ("ASSISTANT_FEEDBACK_DAILY_CAP", "0", "whole number of 1 or more"),
        ("ASSISTANT_RETENTION_DAYS", "-5", "whole number of 1 or more"),
        ("ASSISTANT_SECRET_KEY", "too-short", "at least 32 characters"),
    ],
)
def test_new_settings_reject_bad_values(name, value, fragment):
    with pytest.raises(ConfigError, match=fragment):
        load_config({name: value})


def test_database_url_defaults_to_the_sqlite_file():
    assert load_config({"ASSISTANT_DB": "x/y.db"})["ASSISTANT_DATABASE_URL"] == "x/y.db"
    url = "postgresql://app@127.0.0.1:5432/faq"
    assert load_config({"ASSISTANT_DATABASE_URL": url})["ASSISTANT_DATABASE_URL"] == url


def test_staff_token_command_prints_a_token_the_app_accepts(capsys):
    from assistant.cli import main

    assert main(["staff-token"]) == 0
    token = capsys.readouterr().out.strip()
    assert len(token) == 43 and load_config({"ASSISTANT_STAFF_TOKEN": token})["ASSISTANT_STAFF_TOKEN"] == token


def test_evaluation_set_defaults_to_the_one_shipped_with_the_corpus(tmp_path):
    from assistant.evaluation import load_cases
    from tests.helpers import CORPUS

    assert load_config()["ASSISTANT_EVAL_SET"] == "corpus/examples.jsonl"
    assert load_config({"ASSISTANT_CORPUS": str(tmp_path)})["ASSISTANT_EVAL_SET"] == str(tmp_path / "examples.jsonl")
    assert len(load_cases(CORPUS / "examples.jsonl")) >= 120  # the bundled corpus ships a usable set
