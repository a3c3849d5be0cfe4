// name: co-occurring
// answers: Which pairs of organisations appear together at the most forums?
// param: limit int = 20
MATCH (a:Organization)-[:MENTIONED_IN]->(f:Forum)<-[:MENTIONED_IN]-(b:Organization)
WHERE a.id < b.id
WITH a, b, collect(f.name) AS forums
RETURN a.name AS organization_a,
       b.name AS organization_b,
       size(forums) AS forums_together,
       forums
ORDER BY forums_together DESC, organization_a, organization_b
LIMIT $limit
