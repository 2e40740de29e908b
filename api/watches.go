package api

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// Watch is a saved search: its Atom feed lists the newest documents that
// match Query, so that an analyst's feed reader tells them when a Land
// publishes on their topic.
type Watch struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Query   string    `json:"query"` // the search query language, filters included: "Cyberwehr land:BW"
	Created time.Time `json:"created"`
}

// WatchStore keeps the saved searches. The API declares it; main keeps
// them in the data folder.
type WatchStore interface {
	Watches(ctx context.Context) ([]Watch, error)
	// AddWatch stores w (its ID is new).
	AddWatch(ctx context.Context, w Watch) error
	// DeleteWatch removes a watch; an unknown id is corpus.ErrNotFound.
	DeleteWatch(ctx context.Context, id string) error
}

// feedEntries is how many documents a watch's feed lists.
const feedEntries = 50

// watchesList lists the saved searches.
func (s *server) watchesList(c *gin.Context) {
	if s.watches == nil {
		c.JSON(http.StatusOK, gin.H{"watches": []Watch{}})
		return
	}
	ws, err := s.watches.Watches(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"watches": ws})
}

// watchByID answers one saved search.
func (s *server) watchByID(c *gin.Context) {
	w, err := s.watch(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, w)
}

func (s *server) watch(ctx context.Context, id string) (Watch, error) {
	if s.watches != nil {
		ws, err := s.watches.Watches(ctx)
		if err != nil {
			return Watch{}, err
		}
		for _, w := range ws {
			if w.ID == id {
				return w, nil
			}
		}
	}
	return Watch{}, fmt.Errorf("watch %q: %w", clip(id), corpus.ErrNotFound)
}

// addWatch saves a search: JSON {"name": …, "query": …}. The query must
// parse; it answers with the watch and the address of its feed.
func (s *server) addWatch(c *gin.Context) {
	if s.watches == nil {
		s.fail(c, errNoWriter)
		return
	}
	var in struct{ Name, Query string }
	dec := json.NewDecoder(io.LimitReader(c.Request.Body, 64<<10))
	if err := dec.Decode(&in); err != nil {
		s.fail(c, invalid("a JSON body {\"name\": …, \"query\": …} is required: %v", err))
		return
	}
	in.Name, in.Query = strings.TrimSpace(in.Name), strings.TrimSpace(in.Query)
	switch {
	case in.Query == "":
		s.fail(c, invalid("query is empty"))
		return
	case utf8.RuneCountInString(in.Query) > search.MaxQueryLen:
		s.fail(c, invalid("query longer than %d characters", search.MaxQueryLen))
		return
	case utf8.RuneCountInString(in.Name) > maxParamLen:
		s.fail(c, invalid("name longer than %d characters", maxParamLen))
		return
	}
	ctx := c.Request.Context()
	if _, err := s.ix.Search(ctx, search.Request{Query: in.Query, Limit: 1}); err != nil {
		s.fail(c, err) // a syntax error is 400 with its position
		return
	}
	w := Watch{ID: "w" + strings.ToLower(rand.Text()[:12]), Name: in.Name, Query: in.Query, Created: time.Now().UTC()}
	if w.Name == "" {
		w.Name = w.Query
	}
	if err := s.watches.AddWatch(ctx, w); err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/watches/"+w.ID)
	c.JSON(http.StatusOK, gin.H{"watch": w, "feed": "/api/v1/watches/" + w.ID + "/feed.atom"})
}

// deleteWatch removes a saved search.
func (s *server) deleteWatch(c *gin.Context) {
	if s.watches == nil {
		s.fail(c, errNoWriter)
		return
	}
	if err := s.watches.DeleteWatch(c.Request.Context(), c.Param("id")); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"deleted": c.Param("id")})
}

// The Atom document of a feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary"`
}

// watchFeed serves a saved search as an Atom feed: the newest documents
// (by the time they were ingested) that match it, at most feedEntries.
func (s *server) watchFeed(c *gin.Context) {
	ctx := c.Request.Context()
	w, err := s.watch(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	docs, err := s.newest(ctx, w.Query, feedEntries)
	if err != nil {
		s.fail(c, err)
		return
	}
	base := "http://" + c.Request.Host
	if c.Request.TLS != nil {
		base = "https://" + c.Request.Host
	}
	self := base + "/api/v1/watches/" + w.ID + "/feed.atom"
	f := atomFeed{
		ID:      "urn:laendergraph:watch:" + w.ID,
		Title:   "laendergraph: " + w.Name,
		Updated: w.Created.UTC().Format(time.RFC3339),
		Links:   []atomLink{{Rel: "self", Href: self, Type: "application/atom+xml"}, {Rel: "alternate", Href: base + "/#search=" + url.QueryEscape(w.Query), Type: "text/html"}},
		Author:  atomPerson{Name: "laendergraph"},
	}
	for i, d := range docs {
		updated := d.IngestedAt.UTC().Format(time.RFC3339)
		if i == 0 {
			f.Updated = updated
		}
		e := atomEntry{
			ID:      "urn:laendergraph:doc:" + string(d.ID) + ":" + d.ContentHash,
			Title:   cmp.Or(d.Title, d.File),
			Updated: updated,
			Links:   []atomLink{{Rel: "alternate", Href: base + "/#doc=" + string(d.ID), Type: "text/html"}},
			Summary: feedSummary(d, s.reg),
		}
		if t, ok := d.Date.Time(); ok {
			e.Published = t.UTC().Format(time.RFC3339)
		}
		if strings.HasPrefix(d.Source, "http://") || strings.HasPrefix(d.Source, "https://") {
			e.Links = append(e.Links, atomLink{Rel: "related", Href: d.Source})
		}
		f.Entries = append(f.Entries, e)
	}
	c.Header("Content-Type", "application/atom+xml; charset=utf-8")
	c.Status(http.StatusOK)
	io.WriteString(c.Writer, xml.Header)
	enc := xml.NewEncoder(c.Writer)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		_ = c.Error(err)
	}
}

// newest returns the n documents matching q that were ingested last, newest
// first. It walks every hit, keeping the n newest.
func (s *server) newest(ctx context.Context, q string, n int) ([]corpus.Document, error) {
	var docs []corpus.Document
	newer := func(a, b corpus.Document) int {
		if c := b.IngestedAt.Compare(a.IngestedAt); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	}
	err := s.ix.Each(ctx, search.Request{Query: q}, func(h search.Hit) error {
		docs = append(docs, h.Doc)
		if len(docs) >= 4*n {
			slices.SortFunc(docs, newer)
			docs = docs[:n]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(docs, newer)
	return docs[:min(n, len(docs))], nil
}

// feedSummary says what a document is: Land, kind, date, file.
func feedSummary(d corpus.Document, reg *corpus.Registry) string {
	var parts []string
	if d.Land != "" {
		if l, ok := reg.Get(d.Land); ok {
			parts = append(parts, l.Name)
		} else {
			parts = append(parts, string(d.Land))
		}
	}
	if d.Kind != "" {
		parts = append(parts, string(d.Kind))
	}
	if d.Date != "" {
		parts = append(parts, string(d.Date))
	}
	parts = append(parts, d.File)
	return strings.Join(parts, " · ")
}
