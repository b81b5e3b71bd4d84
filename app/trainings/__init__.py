"""Trainings: sex-disaggregated training records, their rollup, bulk import and export."""
