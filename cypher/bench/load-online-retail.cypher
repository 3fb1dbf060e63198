// The Online Retail import written in plain Cypher with LOAD CSV and MERGE, as Neo4j's own guides would do it:
// the yardstick bench/import.sh measures `custograph import --format online-retail` against. It does what the
// importer does to the graph (customers with their online-retail identity, products, orders with their lines,
// cancellations, anonymous orders) but
// without the importer's validation, standardisation and rejects file: rows with a price of 0 or less, or a
// quantity of 0 or less outside a cancellation, are skipped.
// Parameters: $file, a file name under the server's import directory (server.directories.import).
// Index: constraints customer_id, product_id, order_id (cypher/schema).
LOAD CSV WITH HEADERS FROM 'file:///' + $file AS row
CALL (row) {
  WITH row
  WHERE toFloat(row.UnitPrice) > 0 AND (row.InvoiceNo STARTS WITH 'C' OR toInteger(row.Quantity) > 0)
  MERGE (o:Order {orderId: row.InvoiceNo})
  SET o.orderDate = date(substring(row.InvoiceDate, 0, 10)),
      o.status = CASE WHEN row.InvoiceNo STARTS WITH 'C' THEN 'cancelled' ELSE 'completed' END,
      o.country = row.Country
  MERGE (p:Product {productId: row.StockCode})
  SET p.name = coalesce(p.name, row.Description)
  MERGE (o)-[l:CONTAINS {lineId: $file + '-' + toString(linenumber())}]->(p)
  SET l.quantity = toInteger(row.Quantity), l.unitPrice = toFloat(row.UnitPrice), l.discount = 0.0
  WITH o, row
  WHERE row.CustomerID IS NOT NULL
  MERGE (c:Customer {customerId: toString(toInteger(toFloat(row.CustomerID)))})
  SET c.country = row.Country
  MERGE (i:Identity {source: 'online-retail', externalId: c.customerId})
  MERGE (i)-[:IDENTIFIES]->(c)
  MERGE (c)-[:PLACED]->(o)
  SET o.source = 'online-retail', o.sourceCustomerId = c.customerId
} IN TRANSACTIONS OF 5000 ROWS
