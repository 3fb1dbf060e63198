// Everything held on one customer, for a GDPR data export: its profile, its identities from each source, its orders
// with their lines and products, its current segment, and the profiles merged into it. Derived relationships that
// name other customers (SIMILAR) are left out: they are about other people too.
// Parameters: $customerId. Index: constraint customer_id.
MATCH (c:Customer {customerId: $customerId})
RETURN properties(c) AS profile,
       [(i:Identity)-[link:IDENTIFIES]->(c) | {source: i.source, externalId: i.externalId, email: i.email,
         phone: i.phone, primary: coalesce(link.primary, false)}] AS identities,
       [(c)-[:PLACED]->(o:Order) | {order: properties(o),
         lines: [(o)-[l:CONTAINS]->(p:Product) | {productId: p.productId, productName: p.name,
                  quantity: l.quantity, unitPrice: l.unitPrice, discount: coalesce(l.discount, 0.0)}]}] AS orders,
       [(c)-[:IN_SEGMENT]->(s:Segment {current: true}) | {segmentId: s.segmentId, name: s.name}] AS segments,
       [(c)-[log:MERGED]->(m:MergedCustomer) | {merge: properties(log), profile: properties(m)}] AS merged
