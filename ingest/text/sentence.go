// Package text turns raw German text into clean, normalised text: Decode
// finds the character set of a file's bytes, Normalize cleans the text (NFC,
// hyphenation, white space). Sentences are split by the German language layer
// (package german); Sentence and Sentences are kept here for the pipeline.
package text

import "github.com/laendergraph/laendergraph/german"

// Sentence is one sentence of a text: the byte range [Start, End).
type Sentence = german.Sentence

// Sentences splits t into sentences (see german.Sentences).
func Sentences(t string) []Sentence { return german.Sentences(t) }

// RunningText returns the lines of t that read as running text (see
// german.RunningText).
func RunningText(t string) string { return german.RunningText(t) }
