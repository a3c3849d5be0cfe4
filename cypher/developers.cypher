// name: developers
// answers: Which organisation develops which model, with the evidence (the rows of developers.csv).
MATCH (o:Organization)-[r:DEVELOPS]->(m:Model)
WITH o, m, coalesce(r.evidence, []) AS evidence
RETURN o.name AS organization,
       m.name AS model,
       CASE size(evidence) WHEN 0 THEN '' ELSE reduce(s = head(evidence), x IN tail(evidence) | s + '\n' + x) END AS evidence
ORDER BY organization, model
