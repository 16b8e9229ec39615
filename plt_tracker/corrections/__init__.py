"""Corrections (koreksi) and voids (batal) of the register's records."""
