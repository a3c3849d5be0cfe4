// name: signing-participants
// answers: Every party and signatory of every signing event, with the forum and evidence (the rows of signings.csv).
MATCH (participant)-[r:PARTY_TO|SIGNED]->(e:SigningEvent)
WITH e, participant, r, coalesce(r.evidence, []) AS evidence
RETURN e.name AS event,
       participant.name AS participant,
       CASE type(r) WHEN 'PARTY_TO' THEN 'party' ELSE 'signatory' END AS role,
       coalesce(r.onBehalfOf, '') AS on_behalf_of,
       coalesce(head([(e)-[:HELD_AT]->(f:Forum) | f.name]), '') AS forum,
       CASE size(evidence) WHEN 0 THEN '' ELSE reduce(s = head(evidence), x IN tail(evidence) | s + '\n' + x) END AS evidence
ORDER BY event, role, participant
