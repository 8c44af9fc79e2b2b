"""Benchmarks of oit-selfcheck (run them as modules, e.g. ``python -m benchmarks.accuracy``)."""
