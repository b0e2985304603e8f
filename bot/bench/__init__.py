"""Benchmarks of the store, the link path and real traffic, out of the runtime path: they print numbers."""
