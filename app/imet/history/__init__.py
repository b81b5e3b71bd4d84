"""IMET completions recorded before the service existed: aggregates per partner and year."""
