// How many customers match the customers connection's filter (its totalCount).
// Parameters: $country, $namePrefix, $segmentId, $email (null = no filter). Index: customer_country.
MATCH (c:Customer)
WHERE ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($segmentId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {segmentId: $segmentId}) })
  AND ($email IS NULL OR c.email = toLower($email)
       OR EXISTS { (:Identity {email: toLower($email)})-[:IDENTIFIES]->(c) })
RETURN count(c) AS count
