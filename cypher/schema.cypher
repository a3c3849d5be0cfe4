// schema: the uniqueness constraints on id for every forumkg label and the full-text index over names and aliases.
// forumkg load creates them itself; run this file (cypher-shell -f cypher/schema.cypher) to create them by hand.

CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT model_id IF NOT EXISTS FOR (n:Model) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT signingevent_id IF NOT EXISTS FOR (n:SigningEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT forum_id IF NOT EXISTS FOR (n:Forum) REQUIRE n.id IS UNIQUE;
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Organization|Person|Model|Product|SigningEvent|Forum) ON EACH [n.name, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
