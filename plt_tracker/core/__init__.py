"""Pieces every area shares: dates, time zone, i18n, transactions, settings."""
