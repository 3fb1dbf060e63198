// Makes a store look as it did before name keys: no nameKey on any node, none among the fields a merge filled, no
// collation recorded.
// Parameters: none.
CALL () {
  MATCH ()-[m:MERGED]->()
  SET m.filledFields = [field IN m.filledFields WHERE field <> 'nameKey']
}
MATCH (n) WHERE n.nameKey IS NOT NULL OR n:CustographSetting
REMOVE n.nameKey
WITH n WHERE n:CustographSetting
DELETE n
