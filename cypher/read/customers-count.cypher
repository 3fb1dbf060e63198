// How many customers match the customers connection's filter (its totalCount).
// Parameters: $country, $namePrefix, $segmentId (null = no filter). Index: customer_country.
MATCH (c:Customer)
WHERE ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($segmentId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {segmentId: $segmentId}) })
RETURN count(c) AS count
