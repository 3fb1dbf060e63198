// For each of a batch of products, the products most often bought with it according to the latest rules run
// (BOUGHT_WITH, see rules/replace-bought-with), highest lift first, at most $limit each.
// Parameters: $ids (product ids), $limit. Index: constraint product_id.
UNWIND $ids AS id
MATCH (:Product {productId: id})-[r:BOUGHT_WITH]->(b:Product)
WITH id, r, b
ORDER BY r.lift DESC, r.confidence DESC, b.productId
RETURN id AS productId,
       collect({productId: b.productId, support: r.support, confidence: r.confidence, lift: r.lift,
                count: r.count})[0..$limit] AS together
