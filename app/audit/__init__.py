"""The append-only audit trail: one event per change, in the change's own transaction."""
