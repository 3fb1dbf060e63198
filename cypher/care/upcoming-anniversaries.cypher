// Customer care: customers whose sign-up anniversary (registeredAt) falls in the next $days days (today included),
// soonest first, with the years they have been customers. The sign-up day itself is not an anniversary.
// Parameters: $today (date), $days, $limit. Index: none (reads every customer with registeredAt).
MATCH (c:Customer)
WHERE c.registeredAt IS NOT NULL
WITH c, date(c.registeredAt) AS signedUp
WITH c, signedUp, date({year: $today.year, month: signedUp.month, day: 1}) + duration({days: signedUp.day - 1}) AS thisYear
WITH c, signedUp, CASE WHEN thisYear < $today
                       THEN date({year: $today.year + 1, month: signedUp.month, day: 1}) + duration({days: signedUp.day - 1})
                       ELSE thisYear END AS next
WHERE next <= $today + duration({days: $days}) AND next.year > signedUp.year
RETURN c.customerId AS customerId, next AS date, next.year - signedUp.year AS years,
       c.clv AS clv, c.churnProbability AS churnProbability, c.pAlive AS pAlive
ORDER BY date, customerId
LIMIT $limit
