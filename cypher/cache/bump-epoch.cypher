// Tells other app instances on this database that cached data changed: one instance bumps the shared change
// counter after its writes (at most a few times a second), and every instance polls it (read-epoch.cypher).
// Parameters: $instance (the writing instance's id). Index: constraint cache_epoch_name.
MERGE (e:CacheEpoch {name: 'custograph'})
SET e.version = coalesce(e.version, 0) + 1, e.by = $instance, e.changedAt = datetime()
RETURN e.version AS version
