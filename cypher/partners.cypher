// name: partners
// answers: Which organisations partnered with this organisation, on what basis (signing, joint-launch, stated), at which forums, and where is it said?
// param: org string = 中国电信
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH (o)-[r:PARTNERS_WITH]-(partner:Organization)
RETURN partner.name AS partner,
       r.basis AS basis,
       [forumId IN coalesce(r.forums, []) | coalesce(head(COLLECT { MATCH (f:Forum {id: forumId}) RETURN f.name }), forumId)] AS forums,
       r.evidence AS evidence
ORDER BY partner
