// Unique business keys: every node an import MERGEs on has a constraint, which is also the index behind each
// look-up by id (customer(id), product(id), order(id)). Applied once at start-up by SchemaMigrator.
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (c:Customer) REQUIRE c.customerId IS UNIQUE;
CREATE CONSTRAINT order_id IF NOT EXISTS FOR (o:Order) REQUIRE o.orderId IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (p:Product) REQUIRE p.productId IS UNIQUE;
CREATE CONSTRAINT category_name IF NOT EXISTS FOR (c:Category) REQUIRE c.name IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:CustographMigration) REQUIRE m.version IS UNIQUE;
