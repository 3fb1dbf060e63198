// Test: orders placed through the API whose stored total is not the sum of their lines (unit price x quantity x (1 - discount)), to the cent.
// Parameters: none.
MATCH (o:Order {source: 'api'})-[l:CONTAINS]->()
WITH o, round(sum(l.unitPrice * l.quantity * (1 - coalesce(l.discount, 0.0))), 2) AS lines
WHERE abs(o.total - lines) > 0.005
RETURN o.orderId AS orderId, o.total AS total, lines
