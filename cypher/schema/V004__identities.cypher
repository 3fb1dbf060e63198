// Identity resolution: every source's customer id is an (:Identity {source, externalId}) that IDENTIFIES one
// customer, unique per source. Identities are found by their normalised email and phone when a record from another
// source arrives. A customer merged into another becomes a (:MergedCustomer) kept under the survivor's merge log;
// its id stays reserved (no new customer takes it) so that an undo can bring it back.
CREATE CONSTRAINT identity_key IF NOT EXISTS FOR (i:Identity) REQUIRE (i.source, i.externalId) IS UNIQUE;
CREATE INDEX identity_email IF NOT EXISTS FOR (i:Identity) ON (i.email);
CREATE INDEX identity_phone IF NOT EXISTS FOR (i:Identity) ON (i.phone);
CREATE INDEX merged_customer_id IF NOT EXISTS FOR (m:MergedCustomer) ON (m.customerId);
