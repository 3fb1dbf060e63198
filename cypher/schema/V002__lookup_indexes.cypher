// Indexes for the filters and sort orders the API offers: customers by name (prefix search, sort) and country,
// products by name, orders by date, and the line id on CONTAINS (the MERGE key of an order line).
CREATE INDEX customer_name IF NOT EXISTS FOR (c:Customer) ON (c.name);
CREATE INDEX customer_country IF NOT EXISTS FOR (c:Customer) ON (c.country);
CREATE INDEX product_name IF NOT EXISTS FOR (p:Product) ON (p.name);
CREATE INDEX order_date IF NOT EXISTS FOR (o:Order) ON (o.orderDate);
CREATE INDEX order_line_id IF NOT EXISTS FOR ()-[l:CONTAINS]-() ON (l.lineId);
