"""Benchmarks: `python -m benchmarks [names...]` (or `make bench`) runs benchmarks/bench_<name>.py modules."""
