"""Benchmarks of roadmap; see CONTRIBUTING.md."""
