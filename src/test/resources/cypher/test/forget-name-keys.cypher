// Makes a store look as it did before name keys: no nameKey on any node, no collation recorded.
// Parameters: none.
MATCH (n) WHERE n.nameKey IS NOT NULL OR n:CustographSetting
REMOVE n.nameKey
WITH n WHERE n:CustographSetting
DELETE n
