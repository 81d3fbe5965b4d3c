"""A community library shared through PostgreSQL: each device keeps its SQLite library as its
offline truth and replicates its signed rows through a hub (DESIGN.md, section 8).

What travels is what the library stores, sealed where it is sealed: records with their sealed
payloads and wrapped keys, history, consent events, attachments (in chunks), protocols,
communities, memberships and the public part of profiles. Sacred records never leave their
device. Each change carries its device and that device's sequence, is signed by the unlocked
profile, and takes the hub's order; every device verifies each change and applies it only if
its own rules allow it, quarantining (and naming) whatever fails. Concurrent edits of a record
merge field by field (``merge``); both values of a field changed on two devices are kept for a
person to choose (``conflicts``).

- ``server``: PostgreSQL (the hub's schema, roles, the statements a sync runs);
- ``device``: joining, status; ``sync``: stage, push, pull;
- ``stage``, ``apply_records``, ``apply_rows``: this device's rows to changes and back;
- ``envelope``, ``rules``: what is signed and what is believed; ``merge``, ``shadow``, ``conflicts``.
"""
