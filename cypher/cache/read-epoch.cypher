// The shared change counter: how many times app instances have changed cached data on this database.
// Parameters: none. Index: constraint cache_epoch_name.
OPTIONAL MATCH (e:CacheEpoch {name: 'custograph'})
RETURN coalesce(e.version, 0) AS version
