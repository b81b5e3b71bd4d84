"""Reports: figures aggregated in SQL, each stating its filters and method."""
