// name: models-and-products
// answers: Which models does this organisation develop and which products does it offer?
// param: org string = 商汤科技
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH (o)-[r:DEVELOPS|OFFERS]->(x)
RETURN CASE type(r) WHEN 'DEVELOPS' THEN 'model' ELSE 'product' END AS kind,
       x.name AS name,
       x.versions AS versions,
       x.category AS category,
       r.evidence AS evidence
ORDER BY kind, name
