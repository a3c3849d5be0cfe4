// name: people
// answers: Who speaks for this organisation: its people with the titles they were introduced with, and the forums where they spoke.
// param: org string = 中国电信
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH (p:Person)-[r:AFFILIATED_WITH]->(o)
RETURN p.name AS person,
       r.title AS title,
       p.titles AS titles,
       [(p)-[:SPOKE_AT]->(f:Forum) | f.name] AS forums
ORDER BY person
