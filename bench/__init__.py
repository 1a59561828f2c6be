"""Benchmarks that print Lianxin's performance figures (not timed tests).

`python -m bench` runs them all; `python -m bench search kdf_s` runs a subset, by module
or figure name. Each figure is printed on its own line as `bench: NAME = VALUE UNIT`.
"""
