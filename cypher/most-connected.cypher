// name: most-connected
// answers: Which organisations have the most partners, people, models, products, signings and forums they organised (mentions not counted)?
// param: limit int = 10
MATCH (o:Organization)
WITH o,
     COUNT { (o)-[:PARTNERS_WITH]-(:Organization) } AS partners,
     COUNT { (o)<-[:AFFILIATED_WITH]-(:Person) } AS people,
     COUNT { (o)-[:DEVELOPS|OFFERS]->() } AS models_and_products,
     COUNT { (o)-[:PARTY_TO]->(:SigningEvent) } AS signings,
     COUNT { (o)-[:ORGANIZED]->(:Forum) } AS organized
WITH o, partners, people, models_and_products, signings, organized,
     partners + people + models_and_products + signings + organized AS connections
WHERE connections > 0
RETURN o.name AS organization, connections, partners, people, models_and_products, signings, organized
ORDER BY connections DESC, organization
LIMIT $limit
