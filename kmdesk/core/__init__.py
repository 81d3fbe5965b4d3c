"""The domain, storage, policy and I/O of kmdesk. Nothing below this package imports Qt."""
