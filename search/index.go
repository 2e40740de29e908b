package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/laendergraph/laendergraph/corpus"
)

// Options configure an Index. The zero value works.
type Options struct {
	// Thesaurus holds the topics whose synonyms and abbreviations expand
	// queries; nil means corpus.DefaultThesaurus().
	Thesaurus *corpus.Thesaurus
	// Registry holds the Länder names and abbreviations; nil means
	// corpus.Laender().
	Registry *corpus.Registry
	// Analysis is AnalysisLaendergraph (the default) or AnalysisDE (plain
	// Bleve German, for the before/after measurement). An existing index
	// keeps the analysis it was built with; asking for another one is an
	// error.
	Analysis string
}

func (o *Options) setDefaults() {
	if o.Thesaurus == nil {
		o.Thesaurus = corpus.DefaultThesaurus()
	}
	if o.Registry == nil {
		o.Registry = corpus.Laender()
	}
}

// Index is a German full-text index of documents. It is safe for concurrent
// use.
type Index struct {
	b        bleve.Index
	opts     Options
	analysis string
	fields   analysisConfig
	syn      *expander
	facets   facetCache
	results  resultCache
}

// Index field names.
const (
	fTitle       = "title"
	fTitleParts  = "title_parts"
	fText        = "text"
	fTextParts   = "text_parts"
	fSpell       = "spell"
	fFile        = "file"
	fDate        = "date"
	fDateFirst   = "date_first"
	fDateLast    = "date_last"
	fYear        = "year"
	fKind        = "kind"
	fLand        = "land"
	fLaender     = "laender"
	fLands       = "lands" // publishing Land and mentioned Länder: filter and facet "land"
	fTopics      = "topics"
	fSeries      = "series"
	fDuplicateOf = "duplicate_of"
	fSource      = "source"
	fFormat      = "format"
	fContentHash = "content_hash"
	fIngestedAt  = "ingested_at"
	fDemo        = "demo"
)

// analysisKey is the internal key under which an index records its analysis.
var analysisKey = []byte("laendergraph.analysis")

// analysisVersion changes when the laendergraph analysis changes in a way
// that needs a rebuilt index. Version 2 adds pair tokens to the word and
// compound-part fields (pairFilter); indexes of version 1 are still read,
// searching phrases as before. Version 3 drops the genitive -s after r
// (genitiveFilter); an index of version 2 keeps its own analysis, which its
// stored mapping names, and is read as before.
const analysisVersion = "3"

// deVersion is the version of the plain German analysis.
const deVersion = "1"

const batchSize = 1000

// Open opens the index stored in dir, creating it when missing.
func Open(ctx context.Context, dir string, opts Options) (*Index, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	opts.setDefaults()
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		b, err := bleve.Open(dir)
		if err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		ix, err := attach(b, opts)
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		return ix, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) == 0 {
		// bleve wants to create the directory itself
		if err := os.Remove(dir); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
	}
	ix, err := create(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return ix, nil
}

// NewMemory returns an empty index held in memory.
func NewMemory(opts Options) (*Index, error) {
	opts.setDefaults()
	ix, err := create("", opts)
	if err != nil {
		return nil, fmt.Errorf("new memory index: %w", err)
	}
	return ix, nil
}

func analysisName(s string) (string, error) {
	switch s {
	case "", AnalysisLaendergraph:
		return AnalysisLaendergraph, nil
	case AnalysisDE:
		return AnalysisDE, nil
	}
	return "", fmt.Errorf("unknown analysis %q (want %q or %q): %w", s, AnalysisLaendergraph, AnalysisDE, corpus.ErrInvalid)
}

func create(dir string, opts Options) (*Index, error) {
	name, err := analysisName(opts.Analysis)
	if err != nil {
		return nil, err
	}
	m, err := newMapping(name, compoundWords(opts.Thesaurus, opts.Registry))
	if err != nil {
		return nil, err
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	version := analysisVersion
	if name == AnalysisDE {
		version = deVersion
	}
	if err := b.SetInternal(analysisKey, []byte(name+"/"+version)); err != nil {
		b.Close()
		return nil, err
	}
	ix, err := attach(b, opts)
	if err != nil {
		b.Close()
		return nil, err
	}
	return ix, nil
}

// attach wraps an open Bleve index, checking the analysis it was built with.
func attach(b bleve.Index, opts Options) (*Index, error) {
	stored, err := b.GetInternal(analysisKey)
	if err != nil {
		return nil, err
	}
	var name string
	pairs := false
	switch string(stored) {
	case AnalysisLaendergraph + "/" + analysisVersion, AnalysisLaendergraph + "/2":
		name, pairs = AnalysisLaendergraph, true
	case AnalysisLaendergraph + "/1":
		name = AnalysisLaendergraph
	case AnalysisDE + "/" + deVersion:
		name = AnalysisDE
	default:
		return nil, fmt.Errorf("index built with analysis %q, this version needs a rebuilt index: %w", stored, corpus.ErrInvalid)
	}
	if opts.Analysis != "" && opts.Analysis != name {
		return nil, fmt.Errorf("index built with analysis %q, asked for %q: %w", name, opts.Analysis, corpus.ErrInvalid)
	}
	ix := &Index{b: b, opts: opts, analysis: name}
	ix.fields = analysisConfig{word: de.AnalyzerName}
	if name == AnalysisLaendergraph {
		ix.fields = analysisConfig{word: analyzerWord, parts: analyzerParts, pairs: pairs}
		ix.syn = newExpander(opts.Thesaurus, opts.Registry, newSplitter(compoundWords(opts.Thesaurus, opts.Registry)))
		if err := ix.loadLearned(); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

func newMapping(analysis string, words []string) (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	cfg, err := addAnalysis(m, analysis, words)
	if err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = cfg.word
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = scoringModel

	text := func(name, analyzer string, store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(name string, store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name = name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	stored := func(name string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}

	dm := bleve.NewDocumentStaticMapping()
	title := []*mapping.FieldMapping{text(fTitle, cfg.word, true)}
	body := []*mapping.FieldMapping{text(fText, cfg.word, true), text(fSpell, analyzerSpell, false)}
	if cfg.parts != "" {
		title = append(title, text(fTitleParts, cfg.parts, false))
		body = append(body, text(fTextParts, cfg.parts, false))
	}
	dm.AddFieldMappingsAt(fTitle, title...)
	dm.AddFieldMappingsAt(fText, body...)
	for _, f := range []struct {
		name             string
		store, docValues bool
	}{
		{fFile, true, false}, {fDate, true, true}, {fDateFirst, false, false}, {fDateLast, false, false},
		{fYear, false, true}, {fKind, true, true}, {fLand, true, false}, {fLaender, true, false},
		{fLands, false, true}, {fTopics, true, true}, {fSeries, true, true}, {fDuplicateOf, true, false},
	} {
		dm.AddFieldMappingsAt(f.name, kw(f.name, f.store, f.docValues))
	}
	for _, name := range []string{fSource, fFormat, fContentHash, fIngestedAt, fDemo} {
		dm.AddFieldMappingsAt(name, stored(name))
	}
	m.DefaultMapping = dm
	return m, nil
}

// Close closes the index.
func (ix *Index) Close() error {
	if err := ix.b.Close(); err != nil {
		return fmt.Errorf("close index: %w", err)
	}
	return nil
}

// Put adds or replaces documents, matched by ID. A document without an ID
// gets corpus.NewDocID(File). Writes go in batches.
func (ix *Index) Put(ctx context.Context, docs []corpus.Document) error {
	defer ix.results.invalidate()
	for start := 0; start < len(docs); start += batchSize {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("put documents: %w", err)
		}
		batch := ix.b.NewBatch()
		for _, d := range docs[start:min(start+batchSize, len(docs))] {
			id := d.ID
			if id == "" {
				if d.File == "" {
					return fmt.Errorf("put documents: document without id or file: %w", corpus.ErrInvalid)
				}
				id = corpus.NewDocID(d.File)
			}
			if err := batch.Index(string(id), indexDoc(d)); err != nil {
				return fmt.Errorf("put document %s: %w", id, err)
			}
		}
		if err := ix.b.Batch(batch); err != nil {
			return fmt.Errorf("put documents: %w", err)
		}
		var texts []string
		for _, d := range docs[start:min(start+batchSize, len(docs))] {
			texts = append(texts, d.Title, d.Text)
		}
		if err := ix.learnFrom(texts); err != nil {
			return fmt.Errorf("put documents: %w", err)
		}
	}
	return nil
}

// indexDoc turns d into the value Bleve indexes.
func indexDoc(d corpus.Document) map[string]interface{} {
	m := map[string]interface{}{
		fTitle: d.Title,
		fText:  d.Text,
		fFile:  d.File,
		fKind:  string(d.Kind),
	}
	setStr := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	setStr(fLand, string(d.Land))
	setStr(fSource, d.Source)
	setStr(fFormat, d.Format)
	setStr(fContentHash, d.ContentHash)
	setStr(fDuplicateOf, string(d.DuplicateOf))
	if d.Demo {
		m[fDemo] = "true"
	}
	if !d.IngestedAt.IsZero() {
		m[fIngestedAt] = d.IngestedAt.UTC().Format(time.RFC3339Nano)
	}
	if d.Date.Known() {
		m[fDate] = string(d.Date)
		m[fDateFirst] = string(d.Date.First())
		m[fDateLast] = string(d.Date.Last())
		m[fYear] = strconv.Itoa(d.Date.Year())
	}
	strs := func(k string, vs []string) {
		if len(vs) > 0 {
			m[k] = vs
		}
	}
	var laender, lands []string
	seen := map[string]bool{}
	if d.Land != "" {
		lands = append(lands, string(d.Land))
		seen[string(d.Land)] = true
	}
	for _, l := range d.Laender {
		laender = append(laender, string(l))
		if !seen[string(l)] {
			seen[string(l)] = true
			lands = append(lands, string(l))
		}
	}
	strs(fLaender, laender)
	strs(fLands, lands)
	var topics, series []string
	for _, t := range d.Topics {
		topics = append(topics, string(t))
	}
	for _, s := range d.Series {
		series = append(series, string(s))
	}
	strs(fTopics, topics)
	strs(fSeries, series)
	return m
}

// Delete removes documents by ID; unknown IDs are ignored.
func (ix *Index) Delete(ctx context.Context, ids []corpus.DocID) error {
	defer ix.results.invalidate()
	for start := 0; start < len(ids); start += batchSize {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("delete documents: %w", err)
		}
		batch := ix.b.NewBatch()
		for _, id := range ids[start:min(start+batchSize, len(ids))] {
			batch.Delete(string(id))
		}
		if err := ix.b.Batch(batch); err != nil {
			return fmt.Errorf("delete documents: %w", err)
		}
	}
	return nil
}

// Count returns the number of documents in the index.
func (ix *Index) Count(ctx context.Context) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	n, err := ix.b.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}
