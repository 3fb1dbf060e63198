// Test-only: every customer's stored profile.
// Parameters: none.
MATCH (c:Customer)
RETURN c.customerId AS customerId, c.name AS name, c.email AS email, c.phone AS phone, c.country AS country
