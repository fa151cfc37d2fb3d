"""`python -m bench`: every benchmark, one after another, with the machine they ran on.

Prints each table, writes bench/results/<name>.json for each and bench/results/summary.md with
all the tables (the README's Performance section is pasted from it). A full run takes about
ten minutes on two cores; --only picks some, e.g. `python -m bench --only inprocess,coldstart`.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench import coldstart, http, inprocess, scale
from bench.common import RESULTS, machine

BENCHMARKS = {
    "inprocess": (inprocess.run, inprocess.format_table),
    "scale": (scale.run, scale.format_table),
    "coldstart": (coldstart.run, coldstart.format_table),
    "http": (http.run, http.format_table),
}


def machine_line() -> str:
    m = machine()
    return (
        f"Machine: {m['cores']} cores, {m['cpu']}; Python {m['python']}, numpy {m['numpy']}; "
        f"load average {m['load_average_1min']:.2f} at the start"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BENCHMARKS), help=f"comma-separated, from {', '.join(BENCHMARKS)}")
    args = parser.parse_args(argv)
    names = args.only.split(",")
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    header = machine_line()
    print(header + "\n", flush=True)
    sections = [header]
    started = time.perf_counter()
    for name in names:
        run, format_table = BENCHMARKS[name]
        print(f"== {name} ==", flush=True)
        data = run()
        sections.append(format_table(data) if data is not None else f"{name}: skipped")
        print(flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    summary = RESULTS / "summary.md"
    summary.write_text("\n\n".join(sections) + "\n", "utf-8")
    print(f"All done in {time.perf_counter() - started:.0f} s; tables in {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
