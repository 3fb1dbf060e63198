// Test: one node holding a property of every type a backup must carry exactly (and a relationship with some).
// Parameters: none.
CREATE (n:OddValues {text: 'naïve ✓', flag: true, big: 9007199254740993, third: 1.0 / 3, notANumber: 0.0 / 0.0,
                     infinite: 1.0 / 0.0, day: date('2011-12-09'), at: datetime('2011-12-09T08:26:00.123456789+01:00[Europe/Paris]'),
                     local: localdatetime('2011-12-09T08:26:00'), clock: time('08:26:00+01:00'),
                     wallClock: localtime('08:26:00'), took: duration('P1Y2M3DT4H5M6.000000007S'),
                     where: point({longitude: 2.35, latitude: 48.85}), here: point({x: 1.0, y: 2.0, z: 3.0}),
                     names: ['a', 'b'], numbers: [1, 2, 3], days: [date('2020-01-01'), date('2020-01-02')]})
CREATE (m:OddValues:Second)
CREATE (n)-[:ODD {at: date('2000-02-29'), weights: [0.5, 0.25]}]->(m)
CREATE (n)-[:SELF]->(n)
