// Test-only: every order's stored total.
// Parameters: none.
MATCH (o:Order)
RETURN o.orderId AS orderId, o.total AS total
