// name: shortest-path
// answers: How are two organisations connected: the shortest chain of partnerships, signings, people and forums between them (mentions not counted)?
// param: from string = 商汤科技
// param: to string = 清华大学
MATCH (a:Organization)
WHERE a.name = $from OR $from IN a.aliases
MATCH (b:Organization)
WHERE (b.name = $to OR $to IN b.aliases) AND b <> a
MATCH path = shortestPath((a)-[:PARTNERS_WITH|AFFILIATED_WITH|DEVELOPS|OFFERS|PARTY_TO|SIGNED|HELD_AT|ORGANIZED|SPOKE_AT*..8]-(b))
RETURN [n IN nodes(path) | n.name] AS chain,
       [r IN relationships(path) | type(r)] AS links,
       length(path) AS hops,
       path
