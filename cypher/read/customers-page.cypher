// One page of customers, filtered and sorted, for the customers connection. Keyset pagination: the page starts
// after the (sortKey, customerId) of the previous page's last customer, so deep pages cost no more than the first.
// Parameters: $country, $namePrefix (case-insensitive), $segmentId (members of that segment), $email
//             (the customer's or one of its identities', any case); null = no filter; $orderBy ('NAME' or 'ID'),
//             $afterKey, $afterId (null on the first page), $limit.
// Index: customer_country, customer_name, constraint customer_id.
MATCH (c:Customer)
WHERE ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($segmentId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {segmentId: $segmentId}) })
  AND ($email IS NULL OR c.email = toLower($email)
       OR EXISTS { (:Identity {email: toLower($email)})-[:IDENTIFIES]->(c) })
WITH c, CASE $orderBy WHEN 'NAME' THEN coalesce(c.name, '') ELSE c.customerId END AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND c.customerId > $afterId)
RETURN c, sortKey
ORDER BY sortKey, c.customerId
LIMIT $limit
