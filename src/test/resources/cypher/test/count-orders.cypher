// Test: how many orders the graph holds.
// Parameters: none.
MATCH (o:Order)
RETURN count(o) AS orders
