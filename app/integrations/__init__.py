"""What the service offers other systems: the change feed, signed webhooks, the IATI 2.03
export."""
