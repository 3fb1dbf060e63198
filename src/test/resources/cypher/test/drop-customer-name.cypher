// Takes a customer's name (and its key) away, to make a survivor that a merge fills a name into.
// Parameters: $customerId.
MATCH (c:Customer {customerId: $customerId})
REMOVE c.name, c.nameKey
