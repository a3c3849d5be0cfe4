// name: partnerships
// answers: All partnerships between organisations, with basis, forums and evidence (the rows of partnerships.csv).
MATCH (a:Organization)-[r:PARTNERS_WITH]->(b:Organization)
WITH a, b, r,
     [forumId IN coalesce(r.forums, []) | coalesce(head(COLLECT { MATCH (f:Forum {id: forumId}) RETURN f.name }), forumId)] AS forums,
     coalesce(r.evidence, []) AS evidence
RETURN a.name AS organization_a,
       b.name AS organization_b,
       coalesce(r.basis, '') AS basis,
       CASE size(forums) WHEN 0 THEN '' ELSE reduce(s = head(forums), x IN tail(forums) | s + '; ' + x) END AS forums,
       CASE size(evidence) WHEN 0 THEN '' ELSE reduce(s = head(evidence), x IN tail(evidence) | s + '\n' + x) END AS evidence
ORDER BY organization_a, organization_b
