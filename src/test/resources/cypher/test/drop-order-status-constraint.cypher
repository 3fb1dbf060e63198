// Test: removes the test's uniqueness rule on order statuses.
// Parameters: none.
DROP CONSTRAINT test_order_status IF EXISTS
