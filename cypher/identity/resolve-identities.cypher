// Identity resolution, read side: for each incoming customer record, what the graph already knows about it.
//   known, knownPrimary   the customer this source id already resolves to, and whether that identity created it
//   explicitExists        whether the record's explicit customer id (customers-jsonl `id`) is an existing customer
//   byEmail / byPhone     a customer that an identity from ANOTHER source with the same normalised email / phone
//                         resolves to (same-source ids are the source's own decision: never merged)
//   ownIdTaken            whether externalId is already a customer id, live or merged
//   qualifiedIdTaken      the same for "source:externalId", the id a new customer gets when externalId is taken
//   adoptable             a customer whose id is externalId but that no identity claims (data loaded before
//                         identities existed): the record takes it over instead of creating a twin
//   *Keys                 the property names the matched customer already has, so a merge fills only what is missing
// Parameters: $records = [{index, source, externalId, explicitId, email, phone}].
// Indexes: constraints identity_key, customer_id; indexes identity_email, identity_phone, merged_customer_id.
UNWIND $records AS r
CALL (r) {
  OPTIONAL MATCH (:Identity {source: r.source, externalId: r.externalId})-[link:IDENTIFIES]->(c:Customer)
  RETURN c.customerId AS known, coalesce(link.primary, false) AS knownPrimary, keys(c) AS knownKeys
  LIMIT 1
}
CALL (r) {
  OPTIONAL MATCH (c:Customer {customerId: r.explicitId})
  RETURN c IS NOT NULL AS explicitExists, keys(c) AS explicitKeys
  LIMIT 1
}
CALL (r) {
  OPTIONAL MATCH (i:Identity {email: r.email})-[:IDENTIFIES]->(c:Customer)
  WHERE i.source <> r.source
  RETURN c.customerId AS byEmail, keys(c) AS byEmailKeys
  ORDER BY c.customerId
  LIMIT 1
}
CALL (r) {
  OPTIONAL MATCH (i:Identity {phone: r.phone})-[:IDENTIFIES]->(c:Customer)
  WHERE i.source <> r.source
  RETURN c.customerId AS byPhone, keys(c) AS byPhoneKeys
  ORDER BY c.customerId
  LIMIT 1
}
WITH r, known, knownPrimary, knownKeys, explicitExists, explicitKeys, byEmail, byEmailKeys, byPhone, byPhoneKeys,
     r.source + ':' + r.externalId AS qualifiedId
RETURN r.index AS index, known, knownPrimary, knownKeys, explicitExists, explicitKeys,
       byEmail, byEmailKeys, byPhone, byPhoneKeys,
       EXISTS { MATCH (:Customer {customerId: r.externalId}) }
         OR EXISTS { MATCH (:MergedCustomer {customerId: r.externalId}) } AS ownIdTaken,
       EXISTS { MATCH (:Customer {customerId: qualifiedId}) }
         OR EXISTS { MATCH (:MergedCustomer {customerId: qualifiedId}) } AS qualifiedIdTaken,
       EXISTS {
         MATCH (c:Customer {customerId: r.externalId})
         WHERE NOT EXISTS { MATCH (:Identity)-[:IDENTIFIES]->(c) }
       } AS adoptable
