// Test-only: a graph that breaks each rule of invariant-violations.cypher once, and one customer that keeps them all.
// Parameters: none.
CREATE (sound:Customer {customerId: 'SOUND'})<-[:IDENTIFIES {primary: true}]-(:Identity {source: 'test', externalId: 'SOUND'})
CREATE (p:Product {productId: 'P1'})
CREATE (sound)-[:PLACED]->(good:Order {orderId: 'GOOD', total: 10.0})-[:CONTAINS {quantity: 2, unitPrice: 5.0, discount: 0.0}]->(p)
CREATE (sound)-[:PLACED]->(:Order {orderId: 'WRONG-TOTAL', total: 12.0})-[:CONTAINS {quantity: 2, unitPrice: 5.0, discount: 0.0}]->(p)
CREATE (:Order {orderId: 'NOBODYS', total: 5.0})-[:CONTAINS {quantity: 1, unitPrice: 5.0, discount: 0.0}]->(p)
CREATE (sound)-[:PLACED]->(:Order {orderId: 'EMPTY', total: 0.0})
CREATE (:Customer {customerId: 'ANONYMOUS'})
CREATE (:Identity {source: 'test', externalId: 'STRAY'})
