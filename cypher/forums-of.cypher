// name: forums-of
// answers: At which forums does this organisation appear, how often is it mentioned there, and did it organise the forum?
// param: org string = 商汤科技
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH (o)-[r:MENTIONED_IN|ORGANIZED]->(f:Forum)
WITH f, collect(type(r)) AS how, sum(coalesce(r.count, 0)) AS mentions
RETURN f.name AS forum,
       f.date AS date,
       'ORGANIZED' IN how AS organized,
       mentions
ORDER BY date, forum
