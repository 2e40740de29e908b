// Package graph is the knowledge graph of laendergraph, stored with Cayley:
// documents, Länder, topics, meeting series, people and strategies, tied
// together by facts that each cite the sentence they come from.
//
// A Store is opened on disk with Open (Cayley's LevelDB backend) or in memory
// with NewMemory (Cayley's memstore, for tests). Put stores what ingest
// extracted from documents, replacing everything stored before for the same
// documents; Delete removes documents. The readers (Documents, LandTopics,
// Mentions, MeetingMentions, …) return corpus types with full evidence; an
// explorer walks the graph with Neighbours, and WriteNQuads exports it.
//
// # Schema
//
// Every quad's label is the IRI of the document whose text supports it,
// "doc:<DocID>"; replacing or deleting a document removes exactly the quads
// with its label. Within one document no quad appears twice; the same
// statement made by two documents is two quads that differ in their label.
//
// Node IRIs:
//
//	doc:<DocID>            a document
//	land:<Code>            a Land ("land:BW")
//	topic:<TopicID>        a topic of the thesaurus
//	series:<SeriesID>      a meeting series
//	person:<PersonID>      a person
//	strategy:<StrategyID>  a Land's strategy
//	fact:<DocID>/<n>       a reified fact: LandTopic, Mention, TopicMention,
//	                       ChairTerm, Person or Strategy statement
//	mention:<DocID>/<n>    a meeting mention
//
// n counts from 1 in the order of the Extraction (facts and meeting mentions
// share one count); readers return facts in that
// order. Identifiers are written as they are, except that characters an
// N-Quads IRI may not hold (space, control characters, <>"{}|^`\) and "%"
// are percent-encoded.
//
// Predicates are IRIs with the prefix "lg:". Every node except the plain
// entity nodes (land:, topic:, series:, person:, strategy:) has lg:kind, whose
// object is one of lg:Document, lg:LandTopic, lg:Mention,
// lg:TopicMention, lg:MeetingMention, lg:ChairTerm, lg:Person, lg:Strategy.
//
//	document   lg:file lg:title lg:source lg:date lg:docKind lg:format
//	           lg:hash (content hash) lg:fingerprint (corpus.Fingerprint.String)
//	           lg:ingestedAt (RFC 3339, UTC) — strings
//	           lg:publishedBy land:  lg:duplicateOf doc:
//	           lg:mentionsLand land:*  lg:mentionsTopic topic:*
//	           lg:mentionsSeries series:*
//	every fact lg:evidence: the evidence record, a JSON literal typed rdf:JSON,
//	           {"doc", "span", "quote", "file", "title", "source", "date"}:
//	           span in code points, end exclusive; doc (the cited document)
//	           only when it is another one, file, title, source and date only
//	           where they differ from the cited document's, which supplies
//	           them on reading. Facts citing one sentence cite equal literals.
//	           (Graphs written before the records hold an evidence: node with
//	           lg:inDoc, lg:quote, lg:spanStart, lg:spanEnd; still read.)
//	LandTopic  lg:land land:  lg:topic topic:  lg:relation "has"|"adopted"|"strategy"
//	Mention    lg:land land:
//	TopicMention lg:topic topic:
//	ChairTerm  lg:series series:  lg:chair land:*  lg:from lg:to (dates)
//	Person     lg:person person:  lg:name lg:honorific lg:role lg:party
//	           lg:date (strings)  lg:land land:
//	Strategy   lg:strategy strategy:  lg:land land:  lg:title  lg:year (int)
//	meeting    lg:series series:  lg:ordinal (int)  lg:start lg:end lg:place
//	mention    lg:venue (strings)  lg:host land:*  lg:chair land:*
//	           lg:participant land:*  lg:topic topic:*  lg:planned true
//
// Convenience edges between entities, for exploring (labelled like the rest):
//
//	land:X lg:has|lg:adopted|lg:inStrategy topic:Y   from a LandTopic
//	                                                 (lg:relatedTo for other relations)
//	land:X lg:chairs series:S                        from a ChairTerm
//	person:P lg:memberOf land:X, person:P lg:name    from a Person statement
//	strategy:S lg:ofLand land:X, strategy:S lg:title from a Strategy statement
//
// Literals are strings, except spans, ordinals and years (integers) and
// lg:planned (boolean). Dates are partial ISO dates as strings. Empty strings,
// zero numbers, false and empty lists are not stored, so they come back as the
// zero value (lists as nil). Lists come back in a canonical order: Länder as
// the registry lists them, topics and series sorted, each once.
//
// # Reading
//
// Cayley's KV backends fetch every quad and every value with a random read:
// traversing the facts of 1,000 documents took 0.3–0.4 s on LevelDB. Readers therefore answer from a cache of every document decoded
// (its metadata and facts), loaded from the graph on the first read (or by
// Warm) and kept current by Put and Delete, through an index of the facts by
// kind, Land and topic that is rebuilt once after each write (Generation
// tells when). Warm writes the decoded cache to a snapshot beside the graph
// folder, which the next start loads instead; Put and Delete remove it first.
// Neighbours, WriteNQuads and Stats read the graph itself.
//
// # Writing
//
// Put computes, per document, the difference between the quads stored under
// its label and the new ones, and applies it with ApplyDeltas: removals
// first, then additions (one transaction holding both loses quad directions
// in Cayley 0.7.7's KV backends), in batches of about 20,000 quads split at
// document boundaries. A LevelDB graph created by Open has, besides Cayley's default
// indexes, an index on the label, so that a document's quads are found
// without a full scan.
package graph
