// The recency x frequency grid of the latest analytics run: for each pair of R and F scores (1-5, 5 best), how many
// customers and their average monetary value. Cells with no customer are left out.
// Parameters: none.
MATCH (c:Customer)
WHERE c.rfmR IS NOT NULL AND c.rfmF IS NOT NULL
RETURN c.rfmR AS r, c.rfmF AS f, count(*) AS customers, round(avg(c.monetary), 2) AS averageMonetary
ORDER BY r DESC, f DESC
