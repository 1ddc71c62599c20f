"""Controlling: the anonymised statistics per social space (tallies, suppression, release
audit) and the controlling report."""
