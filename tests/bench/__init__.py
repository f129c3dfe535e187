"""Benchmarks of the kiosk suite, each figure beside a baseline measured in the same run: python -m tests.bench."""
