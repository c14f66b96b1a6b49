-- Every listing of people is ordered by name (ORDER BY search_key, id: the directory's pages, a class, a group,
-- recipients). Without an index in that order, each page of a France-size directory (10,000 to 30,000 people)
-- read and sorted the whole table: 39 ms for the first 20 of 30,178 people, 0.07 ms with this index (session 25,
-- docs/benchmarks.md). The text_pattern_ops index it replaces served no query: every search is a LIKE '%word%'
-- (a word anywhere in the name), which no B-tree can serve, so an import pays one index entry per person, as before.
DROP INDEX ent_user_search;
CREATE INDEX ent_user_name_order ON ent_user (search_key, id);
