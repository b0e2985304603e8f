"""Benchmarks: scripts that print numbers, out of the bot's runtime path."""
