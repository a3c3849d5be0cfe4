// name: neighbourhood
// answers: What is around this organisation, two hops out (partners, people, models, products, signings, forums): paths to draw in Neo4j Browser.
// param: org string = 中国电信
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH path = (o)-[:PARTNERS_WITH|AFFILIATED_WITH|DEVELOPS|OFFERS|PARTY_TO|SIGNED|HELD_AT|ORGANIZED|SPOKE_AT*1..2]-()
RETURN path
LIMIT 300
