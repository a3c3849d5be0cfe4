// name: partnership-network
// answers: The partnership network: every PARTNERS_WITH path between organisations, to draw in Neo4j Browser.
MATCH path = (:Organization)-[:PARTNERS_WITH]->(:Organization)
RETURN path
