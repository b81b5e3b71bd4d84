"""Indicators of the WPS outcomes: targets, locks, results, progress and derived metrics."""
