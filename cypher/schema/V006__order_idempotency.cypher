// Orders placed through the API carry the caller's idempotency key; it is unique, so a retried request can never
// create a second order.
CREATE CONSTRAINT order_idempotency_key IF NOT EXISTS FOR (o:Order) REQUIRE o.idempotencyKey IS UNIQUE;
