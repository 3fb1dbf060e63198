// Next best actions (`custograph actions`): each customer's c.nextAction and its expected value c.nextActionValue.
// The API lists them highest value first, over all customers or for one action.
CREATE INDEX customer_next_action_value IF NOT EXISTS FOR (c:Customer) ON (c.nextActionValue);
CREATE INDEX customer_next_action IF NOT EXISTS FOR (c:Customer) ON (c.nextAction, c.nextActionValue);
