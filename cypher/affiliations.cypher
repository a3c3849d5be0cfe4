// name: affiliations
// answers: Who speaks for which organisation, with the title given and the evidence (the rows of affiliations.csv).
MATCH (p:Person)-[r:AFFILIATED_WITH]->(o:Organization)
WITH p, o, r, coalesce(r.evidence, []) AS evidence
RETURN p.name AS person,
       o.name AS organization,
       coalesce(r.title, '') AS title,
       CASE size(evidence) WHEN 0 THEN '' ELSE reduce(s = head(evidence), x IN tail(evidence) | s + '\n' + x) END AS evidence
ORDER BY person, organization
