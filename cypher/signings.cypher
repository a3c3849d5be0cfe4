// name: signings
// answers: Which agreements were signed on stage: each signing event with its forum, parties and signatories.
MATCH (e:SigningEvent)
RETURN e.name AS event,
       e.subject AS subject,
       e.date AS date,
       head([(e)-[:HELD_AT]->(f:Forum) | f.name]) AS forum,
       [(o:Organization)-[:PARTY_TO]->(e) | o.name] AS parties,
       [(p:Person)-[s:SIGNED]->(e) | CASE WHEN coalesce(s.onBehalfOf, '') = '' THEN p.name ELSE p.name + ' (' + s.onBehalfOf + ')' END] AS signatories
ORDER BY date, event
