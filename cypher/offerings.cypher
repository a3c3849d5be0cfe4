// name: offerings
// answers: Which organisation offers which product, with the evidence (the rows of offerings.csv).
MATCH (o:Organization)-[r:OFFERS]->(p:Product)
WITH o, p, coalesce(r.evidence, []) AS evidence
RETURN o.name AS organization,
       p.name AS product,
       CASE size(evidence) WHEN 0 THEN '' ELSE reduce(s = head(evidence), x IN tail(evidence) | s + '\n' + x) END AS evidence
ORDER BY organization, product
