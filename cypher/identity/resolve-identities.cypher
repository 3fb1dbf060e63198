// Identity resolution, read side: for each incoming customer record, what the graph already knows about it.
//   known, knownPrimary   the customer this source id already resolves to, and whether that identity created it
//   explicitExists        whether the record's explicit customer id (customers-jsonl `id`) is an existing customer
//   byEmail / byPhone     the customers that identities from ANOTHER source with the same normalised email / phone
//                         resolve to (same-source ids are the source's own decision: never merged)
//   ownIdTaken            whether externalId is already a customer id, live or merged
//   qualifiedIdTaken      the same for "source:externalId", the id a new customer gets when externalId is taken
//   adoptable             a customer whose id is externalId but that no identity claims (data loaded before
//                         identities existed): the record takes it over instead of creating a twin
//   *Keys                 the property names the matched customer already has, so a merge fills only what is missing
// Parameters: $records = [{index, source, externalId, explicitId, email, phone}].
// Indexes: constraints identity_key, customer_id; indexes identity_email, identity_phone, merged_customer_id.
// Each look-up is a subquery of its own: the planner then plans eight small independent parts instead of joining six
// optional matches in one. Joined, this was the catalogue's most expensive statement to plan, again on every new
// database; as subqueries it plans in 10-50% less time, and runs no slower. The identity look-ups name their index:
// planned while the store has no identities (the first import or stream batch), the planner otherwise chose to scan
// every identity for each record, and kept that plan as the identities grew into the thousands.
UNWIND $records AS r
CALL (r) {
  OPTIONAL MATCH (identity:Identity {source: r.source, externalId: r.externalId})-[link:IDENTIFIES]->(known:Customer)
  USING INDEX SEEK identity:Identity(source, externalId)
  RETURN known.customerId AS known, coalesce(link.primary, false) AS knownPrimary, keys(known) AS knownKeys
}
CALL (r) {
  OPTIONAL MATCH (explicit:Customer {customerId: r.explicitId})
  RETURN explicit IS NOT NULL AS explicitExists, keys(explicit) AS explicitKeys
}
CALL (r) {
  OPTIONAL MATCH (own:Customer {customerId: r.externalId})
  RETURN own IS NOT NULL AS ownExists, own IS NOT NULL AND NOT EXISTS { (:Identity)-[:IDENTIFIES]->(own) } AS adoptable
}
CALL (r) {
  OPTIONAL MATCH (ownMerged:MergedCustomer {customerId: r.externalId})
  RETURN ownMerged IS NOT NULL AS ownMergedExists
}
CALL (r) {
  OPTIONAL MATCH (qualified:Customer {customerId: r.source + ':' + r.externalId})
  RETURN qualified IS NOT NULL AS qualifiedExists
}
CALL (r) {
  OPTIONAL MATCH (qualifiedMerged:MergedCustomer {customerId: r.source + ':' + r.externalId})
  RETURN qualifiedMerged IS NOT NULL AS qualifiedMergedExists
}
CALL (r) {
  RETURN COLLECT {
    MATCH (i:Identity {email: r.email})-[:IDENTIFIES]->(c:Customer)
    USING INDEX SEEK i:Identity(email)
    WHERE i.source <> r.source
    RETURN {customerId: c.customerId, keys: keys(c)}
  } AS byEmail
}
CALL (r) {
  RETURN COLLECT {
    MATCH (i:Identity {phone: r.phone})-[:IDENTIFIES]->(c:Customer)
    USING INDEX SEEK i:Identity(phone)
    WHERE i.source <> r.source
    RETURN {customerId: c.customerId, keys: keys(c)}
  } AS byPhone
}
RETURN r.index AS index, known, knownPrimary, knownKeys, explicitExists, explicitKeys, byEmail, byPhone,
       ownExists OR ownMergedExists AS ownIdTaken, qualifiedExists OR qualifiedMergedExists AS qualifiedIdTaken,
       adoptable
