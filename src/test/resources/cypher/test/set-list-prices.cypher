// Test: gives the products P1 and P2 list prices (10.00 and 4.50), which an order may leave out.
// Parameters: none.
MATCH (p:Product) WHERE p.productId IN ['P1', 'P2']
SET p.price = CASE p.productId WHEN 'P1' THEN 10.0 ELSE 4.5 END
