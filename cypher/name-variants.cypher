// name: name-variants
// answers: Which entities were found under the most names (abbreviations, English names, ASR misspellings)?
// param: limit int = 15
MATCH (n)
WHERE n:Organization OR n:Person OR n:Model OR n:Product
RETURN head(labels(n)) AS label,
       n.name AS name,
       size(n.aliases) AS variants,
       n.aliases AS aliases
ORDER BY variants DESC, name
LIMIT $limit
