// The change counter that app instances sharing one database use to drop each other's stale caches.
CREATE CONSTRAINT cache_epoch_name IF NOT EXISTS FOR (e:CacheEpoch) REQUIRE e.name IS UNIQUE;
