// Customer care: customers whose birthday falls in the next $days days (today included), soonest first, with the age
// they turn. A 29 February birthday falls on 1 March in other years.
// Parameters: $today (date), $days. Index: none (reads every customer with a birthDate).
MATCH (c:Customer)
WHERE c.birthDate IS NOT NULL
WITH c, date({year: $today.year, month: c.birthDate.month, day: 1}) + duration({days: c.birthDate.day - 1}) AS thisYear
WITH c, CASE WHEN thisYear < $today
             THEN date({year: $today.year + 1, month: c.birthDate.month, day: 1}) + duration({days: c.birthDate.day - 1})
             ELSE thisYear END AS next
WHERE next <= $today + duration({days: $days})
RETURN c.customerId AS customerId, next AS date, next.year - c.birthDate.year AS years,
       c.clv AS clv, c.churnProbability AS churnProbability, c.pAlive AS pAlive
ORDER BY date, customerId
LIMIT $limit
