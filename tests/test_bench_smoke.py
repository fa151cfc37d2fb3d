"""Every benchmark runs at a tiny size, so none of them can rot. No timing is asserted.

The HTTP benchmark needs wrk: it is skipped without it, except in CI (env CI set), where
.ci/run installs wrk and a missing one is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from bench import coldstart, engine_scale, http, inprocess, scale
from bench.__main__ import main as bench_main
from bench.common import ROOT
from bench.synthetic import (
    MAX_TERMS,
    MIN_TERMS,
    article_passage_texts,
    synthetic_passages,
    synthetic_queries,
    write_articles,
)

pytestmark = pytest.mark.slow  # property-based, fuzzing or subprocess work: seconds each


def test_synthetic_corpus_is_seeded_and_zipf_shaped():
    passages = synthetic_passages(500, seed=3)
    assert passages == synthetic_passages(500, seed=3)
    assert passages != synthetic_passages(500, seed=4)
    assert all(MIN_TERMS <= len(p) <= MAX_TERMS for p in passages)
    counts = [n for _, n in Counter(t for p in passages for t in p).most_common()]
    assert counts[0] > 20 * counts[99]  # Zipf: the commonest word far outnumbers the hundredth
    vocabulary = {t for p in passages for t in p}
    for query in synthetic_queries(passages, 50, seed=3):
        assert 2 <= len(query) <= 5 and len(set(query)) == len(query) and set(query) <= vocabulary


def test_inprocess_benchmark_prints_a_table_and_writes_json(tmp_path, capsys):
    data = inprocess.run(rounds=1, limit=5, results=tmp_path)
    assert (tmp_path / "inprocess.json").is_file()
    assert data["max_abs_score_difference"] < 1e-6
    assert "FieldIndex.get_scores (body)" in capsys.readouterr().out


@pytest.mark.slow
def test_scale_benchmark_measures_each_system_in_its_own_process(tmp_path):
    data = scale.run(sizes=(200,), queries=20, repeats=1, results=tmp_path, engine_sizes=(100,), engine_repeats=1)
    rows = {r["system"]: r for r in data["rows"]}
    assert set(rows) == set(scale.SYSTEMS)
    for name in ("FieldIndex", "rank-bm25"):
        assert rows[name]["build_s"] > 0 and rows[name]["peak_rss_mb"] > 0
    assert "build_s" in rows["bm25s"] or "not installed" in rows["bm25s"]["skipped"]
    engine = {r["system"]: r for r in data["engine"]["rows"]}
    assert set(engine) == set(engine_scale.SYSTEMS)
    assert all(r["passages"] == 100 and r["build_s"] > 0 and r["ask_p50_ms"] > 0 for r in engine.values())
    assert engine["engine, cached start"]["first_answer_s"] > 0
    assert "whole engine" in scale.format_table(data)
    assert (tmp_path / "scale.json").is_file() and (tmp_path / "engine_scale.json").is_file()


def test_synthetic_articles_are_the_passages_other_systems_index(tmp_path):
    from assistant import Assistant

    passages = write_articles(tmp_path, 2)
    assert [p.text for p in Assistant.from_directory(tmp_path).passages] == article_passage_texts(passages)


@pytest.mark.load
def test_coldstart_benchmark_reaches_a_first_answer_in_process_and_from_the_server(tmp_path):
    data = coldstart.run(repeats=1, before=False, results=tmp_path)
    assert data["in_process"]["first answer (engine as shipped)"]["median_s"] > 0
    (server,) = data["server"].values()
    assert server["runs"][0]["kind"] == "answer"
    assert (tmp_path / "coldstart.json").is_file()


@pytest.mark.load
def test_http_benchmark_loads_the_real_server_without_errors(tmp_path):
    if shutil.which("wrk") is None:
        if os.environ.get("CI"):
            pytest.fail("wrk is missing; .ci/run installs it")
        pytest.skip("wrk is not installed (apt-get install wrk)")
    configs = (("sync", 1, True), ("gthread", 1, True, False))  # both worker classes; with and without the reply cache
    data = http.run(configs=configs, connections=(4,), duration=1, rounds=1, results=tmp_path)
    for config in data["configs"]:
        (load,) = config["loads"]
        for route in ("ask", "echo"):
            assert load[route]["requests"] > 0
            assert load[route]["errors"] == 0, load[route]["runs"]
    assert "no reply cache" in http.format_table(data)
    assert (tmp_path / "http.json").is_file()


def test_engine_import_leaves_scipy_stats_out_and_scipy_importable():
    code = (
        "import sys; import assistant; assert 'scipy.stats' not in sys.modules, 'scipy.stats was imported'; "
        "import importlib.util; assert importlib.util.find_spec('scipy') is None or __import__('scipy')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_bench_command_rejects_unknown_benchmark_names(capsys):
    with pytest.raises(SystemExit) as stop:
        bench_main(["--only", "inprocess,speed"])
    assert stop.value.code == 2
    assert "unknown benchmark(s) speed" in capsys.readouterr().err
