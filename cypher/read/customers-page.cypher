// One page of customers, filtered and sorted, for the customers connection. Keyset pagination: the page starts
// after the (sortKey, customerId) of the previous page's last customer, so deep pages cost no more than the first.
// Read backward ($backward true: `last`/`before`), the page is the customers just before the cursor, read nearest
// first; the API turns them round. Only one pair of the ORDER BY expressions is not null, so each direction sorts
// by (sortKey, customerId) alone.
// Parameters: $country, $namePrefix (case-insensitive), $segmentId (members of that segment), $email
//             (the customer's or one of its identities', any case); null = no filter; $orderBy ('NAME' or 'ID'),
//             $backward, $cursorKey, $cursorId (null for the first page, or the last when backward), $limit.
// Index: customer_country, customer_name, constraint customer_id.
MATCH (c:Customer)
WHERE ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($segmentId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {segmentId: $segmentId}) })
  AND ($email IS NULL OR c.email = toLower($email)
       OR EXISTS { (:Identity {email: toLower($email)})-[:IDENTIFIES]->(c) })
// NAME sorts by the name's collation key (graph/NameOrder: letters, in the database's language), then the name itself.
WITH c, CASE $orderBy WHEN 'NAME' THEN coalesce(c.nameKey, '') + ' ' + coalesce(c.name, '') ELSE c.customerId END
        AS sortKey
WHERE $cursorKey IS NULL
   OR (NOT $backward AND (sortKey > $cursorKey OR (sortKey = $cursorKey AND c.customerId > $cursorId)))
   OR ($backward AND (sortKey < $cursorKey OR (sortKey = $cursorKey AND c.customerId < $cursorId)))
RETURN c, sortKey
ORDER BY CASE WHEN $backward THEN null ELSE sortKey END, CASE WHEN $backward THEN null ELSE c.customerId END,
         CASE WHEN $backward THEN sortKey END DESC, CASE WHEN $backward THEN c.customerId END DESC
LIMIT $limit
