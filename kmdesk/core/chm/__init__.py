"""The Clearing-House side: sync adapters and outbox, pull, matchmaking, suggestions and the directory."""
