"""IMET nominations: embassies nominate candidates, reviewers move them through the workflow."""
