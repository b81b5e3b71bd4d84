"""Standard Webhooks: subscriptions, an outbox written with each change, a delivery worker."""
