// Test: an operator's uniqueness rule that an analytics run breaks (many customers share an RFM segment).
// Parameters: none.
CREATE CONSTRAINT test_rfm_segment IF NOT EXISTS FOR (c:Customer) REQUIRE c.rfmSegment IS UNIQUE
