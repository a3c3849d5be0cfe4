// name: find
// answers: Which entities have a name or alias like this (full-text, so 商汤 finds 商汤科技)?
// param: text string = 商汤
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN head(labels(node)) AS label,
       node.name AS name,
       node.aliases AS aliases,
       score
ORDER BY score DESC, name
LIMIT 20
