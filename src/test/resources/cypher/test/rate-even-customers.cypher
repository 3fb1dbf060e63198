// Test-only: gives customers with an even numeric id a rating of (id mod 5) + 1 and every customer the same
// loyalty tier, for features read from customer properties (one varying and half missing, one constant).
MATCH (c:Customer)
SET c.loyaltyTier = 2
WITH c
WHERE toInteger(c.customerId) % 2 = 0
SET c.rating = toInteger(c.customerId) % 5 + 1
RETURN count(c) AS rated
