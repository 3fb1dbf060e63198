// Removes the restore marks from a batch of restored nodes; run until it returns 0.
// Parameters: $limit. Index: token lookup on CustographRestoring.
MATCH (n:CustographRestoring)
WITH n LIMIT $limit
REMOVE n:CustographRestoring, n.custographRestoreKey
RETURN count(n) AS cleared
