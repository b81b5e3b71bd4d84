"""The change feed: every committed change, in commit order, numbered by `seq`."""
