// Creates or updates product categories, keyed by name.
// Parameters: $rows = [{name, description}]. Index: constraint category_name.
UNWIND $rows AS row
MERGE (c:Category {name: row.name})
SET c.description = coalesce(row.description, c.description)
