"""The analysts' dashboard: static pages served at /dashboard that read the public API."""
