// The orders earlier requests or events created under any of these idempotency keys, with their fingerprints: what
// a batch of a stream's order events checks before it writes (orders/order-by-idempotency-key, for many keys).
// Parameters: $keys. Index: constraint order_idempotency_key.
UNWIND $keys AS key
MATCH (o:Order {idempotencyKey: key})
RETURN key, o.orderId AS orderId, o.requestFingerprint AS fingerprint
