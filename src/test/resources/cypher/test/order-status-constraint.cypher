// Test: an operator's own uniqueness rule (no two orders share a status), which an import can break.
// Parameters: none.
CREATE CONSTRAINT test_order_status IF NOT EXISTS FOR (o:Order) REQUIRE o.status IS UNIQUE
