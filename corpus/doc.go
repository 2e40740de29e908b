// Package corpus is the vocabulary of laendergraph: the domain types that every
// other package speaks (Document, Land, Topic, Series, Meeting, Person,
// Strategy, Evidence and the facts that tie them together), the registry of the
// 16 Länder, the topic thesaurus, the meeting series, and the embedded demo
// corpus.
//
// It imports only the standard library. Pure domain logic that needs no storage
// (merging meeting mentions into meetings, date arithmetic on partial dates,
// near-duplicate fingerprints) lives here too, so that it can be tested without
// a database.
package corpus
