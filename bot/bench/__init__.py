"""Benchmarks of the store and the link path, out of the runtime path: they print numbers."""
