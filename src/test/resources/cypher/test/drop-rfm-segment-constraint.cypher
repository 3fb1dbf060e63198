// Test: removes the test's uniqueness rule on RFM segments.
// Parameters: none.
DROP CONSTRAINT test_rfm_segment IF EXISTS
