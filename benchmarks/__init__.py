"""Benchmarks run by hand (see docs/benchmarks.md); ``benchmarks.corpus`` is importable."""
