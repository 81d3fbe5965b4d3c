"""Keys, signatures, consent, access decisions and the audit chain: who may read and what may leave."""
