"""Run every benchmark module in ``tests/perf`` (``make bench``); print one row per figure
and write ``bench.json``. ``run_benchmarks.py NAME`` runs only ``bench_NAME.py``."""

from __future__ import annotations

import importlib.util
import json
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from harness import BenchResult  # noqa: E402


def main(argv: list[str]) -> int:
    wanted = set(argv)
    rows: list[BenchResult] = []
    failures = 0
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        print(f"== {path.stem}", flush=True)
        try:
            spec.loader.exec_module(module)
            results = module.benchmarks()
        except Exception:
            traceback.print_exc()
            failures += 1
            continue
        for row in results:
            verdict = "" if row.passed is None else ("PASS" if row.passed else "FAIL")
            print(
                f"{row.name:<58} {row.value:>10.2f} {row.unit:<6} ref {row.reference:>10.2f} "
                f"({row.reference_label}) ratio {row.ratio:6.2f} {row.limit} {verdict}",
                flush=True,
            )
            rows.append(row)
    Path("bench.json").write_text(
        json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"wrote bench.json ({len(rows)} rows)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
