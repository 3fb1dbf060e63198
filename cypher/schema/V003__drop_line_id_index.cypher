// The relationship index on CONTAINS.lineId (V002) is dropped: no read uses it, and the planner would serve
// MERGE (o)-[:CONTAINS {lineId}]->(p) from it instead of expanding the order's own few lines, which on a large
// import turned each MERGE into a long index scan. Expanding from the order is bounded by the order's size.
DROP INDEX order_line_id IF EXISTS;
