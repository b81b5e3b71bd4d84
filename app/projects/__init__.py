"""Implementers and projects: the awards under a program, one IATI activity each."""
