"""Benchmarks run by hand: `python -m bench` runs them all (see bench/__main__.py)."""
