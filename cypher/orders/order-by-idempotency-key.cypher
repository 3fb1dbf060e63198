// The order an earlier request with this idempotency key created, with the fingerprint of that request.
// Parameters: $key. Index: constraint order_idempotency_key.
MATCH (o:Order {idempotencyKey: $key})
RETURN o.orderId AS orderId, o.requestFingerprint AS fingerprint
