// The change counter itself, created with the schema: a change published later only updates it, so an app that has
// just started never adds a node under a backup running through Bolt.
MERGE (e:CacheEpoch {name: 'custograph'})
ON CREATE SET e.version = 0;
