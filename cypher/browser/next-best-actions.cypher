// Next best actions (`custograph actions`): the customers worth most with their action, highest expected value
// first, with the reasons and the product to offer. In Neo4j Browser, first set the action, or null for all:
//   :param action => 'WIN_BACK'
// The policy's actions: WIN_BACK, RETAIN, CROSS_SELL, SECOND_PURCHASE, BIRTHDAY, REACTIVATE, NO_ACTION.
MATCH (c:Customer)
WHERE c.nextAction IS NOT NULL AND ($action IS NULL OR c.nextAction = $action)
OPTIONAL MATCH (p:Product {productId: c.nextActionProductId})
RETURN c.customerId AS customer, c.name AS name, c.nextActionLabel AS action,
       round(c.nextActionValue, 2) AS expectedValue, round(c.nextActionUplift, 2) AS uplift, p.name AS offer,
       c.nextActionReasons AS reasons
ORDER BY c.nextActionValue DESC, c.customerId
LIMIT 50
