"""What the service offers other systems: the change feed and signed webhooks."""
