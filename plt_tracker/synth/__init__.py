"""Synthetic data at scale: ten years of a register for 1 to 552 pemda, deterministic for a seed.

`layout` decides the pemda and their OPDs and posts, `people` the officials'
names and NIPs, `history` simulates each OPD's posts over the years (pure
functions producing plain rows), `writer` inserts those rows in batches with
SQLAlchemy Core, and `commands` is `flask plt synth`.
"""
