"""Backups of the whole database and restoring them into an empty one, of any kind.

`plt backup FILE` copies an SQLite database with SQLite's online backup API,
and writes any database as a portable dump (a zip of one JSON-lines file per
table of db.metadata, with the schema revision); `plt restore FILE` reads
either into an empty, migrated SQLite, PostgreSQL or MariaDB database.
"""
