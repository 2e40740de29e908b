// Package german is laendergraph's one German language layer, shared by every
// package that reads text (ingest/extract, ingest/meeting, ingest/dates and
// answer): sentence splitting, one tokenizer, the calendar words (months,
// weekdays, seasons) and the recogniser of Länder in their German forms
// (names, genitives, inflected adjectives, aliases such as "Freistaat
// Bayern", regions).
//
// It imports only corpus (for the Länder registry) and the standard library
// plus golang.org/x/text, so that ingest and answer read text the same way.
package german
