// How many customers match the customers connection's filter (its totalCount).
// Parameters: $country, $namePrefix (null = no filter). Index: customer_country.
MATCH (c:Customer)
WHERE ($country IS NULL OR c.country = $country)
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
RETURN count(c) AS count
