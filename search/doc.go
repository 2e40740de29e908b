// Package search is the German full-text index of laendergraph, built on
// Bleve.
//
// Analysts search German policy text, where the word they type is often part
// of a longer one ("Strategie" in "Digitalisierungsstrategie"), written as an
// abbreviation ("KI", "OZG", "NRW", "DMK"), misspelt, or negated ("keine
// Cyberwehr"). The laendergraph analysis answers each of these:
//
//   - Every text is indexed twice: as whole words (lower case, umlauts
//     folded, light German stemming, a stop list that keeps negations) and as
//     compound parts, split with an embedded word list (data/words.txt) by
//     longest match with the linking elements -s-, -es-, -n-, -en-. A query
//     word is searched in both, the parts with a lower weight, so whole-word
//     matches rank above matches inside compounds, and a compound in the
//     query matches its parts as a phrase.
//   - Query words and phrases are expanded with the synonyms and
//     abbreviations of the topic thesaurus, the Länder registry and the
//     meeting series: equivalents (KI ↔ Künstliche Intelligenz, NRW ↔
//     Nordrhein-Westfalen, DMK ↔ Digitalministerkonferenz) at nearly full
//     weight, other synonyms of a topic at a low weight and only for unquoted
//     words. A term is never expanded to its broader topic.
//   - A negation binds to the word after it, so "keine Cyberwehr" is a phrase
//     (with up to two words between).
//   - When a query finds almost nothing, words of five letters or more that
//     find nothing on their own are searched fuzzily and a "did you mean"
//     is built from the index's own words.
//
// The query language has words, "phrases" (also „…“), -exclusions, OR,
// (groups) and the filters land:, kind:, topic:, year: and series:; a
// rejected query is a *QueryError saying where. Results carry highlights
// (the whole compound is marked when a part matched), facets, relevance or
// date order, and opaque cursors that page without a ceiling.
//
// Options.Analysis "de" builds a plain Bleve German index with the same
// query language, to measure what the laendergraph analysis adds
// (TestRelevance, BenchmarkIndex, BenchmarkSearch).
package search
