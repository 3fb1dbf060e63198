// Test: a few changes between two backups: a customer renamed, an order deleted with its lines, a new node linked to
// the customer, and a product's category link removed.
// Parameters: $customerId, $orderId.
MATCH (c:Customer {customerId: $customerId})
SET c.name = c.name + ' (renamed)'
WITH c
MATCH (o:Order {orderId: $orderId})
DETACH DELETE o
WITH c
CREATE (c)-[:NOTED]->(:Note {text: 'called on ' + toString(date('2024-01-01'))})
WITH c
MATCH (p:Product)-[r:IN_CATEGORY]->()
WITH r ORDER BY p.productId LIMIT 1
DELETE r
