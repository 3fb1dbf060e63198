// Whether the demo data set was loaded here: 'complete', 'loading' (a load that was interrupted), or no row.
// Parameters: none.
MATCH (d:CustographDemo)
RETURN d.status AS status, d.seed AS seed
