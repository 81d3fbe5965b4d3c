"""Network half of sync: outbox runner and target errors."""
