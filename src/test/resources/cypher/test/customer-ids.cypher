// Test and bench only: every customer's id.
MATCH (c:Customer)
RETURN c.customerId AS customerId
