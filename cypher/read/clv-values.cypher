// Every customer's CLV from the latest analytics run, smallest first: the API bins them into a histogram.
// Parameters: none.
MATCH (c:Customer)
WHERE c.clv IS NOT NULL
RETURN c.clv AS clv
ORDER BY clv
