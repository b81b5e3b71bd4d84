"""Mechanisms every domain shares: settings, database, errors, auth, pagination, audit."""
