// Categories by name.
// Parameters: $names = [name]. Index: constraint category_name.
UNWIND $names AS name
MATCH (c:Category {name: name})
RETURN c
