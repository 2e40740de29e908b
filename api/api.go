// Package api serves laendergraph over HTTP: a JSON API under /api/v1 (search,
// questions, Länder, topics, documents, meetings, series, people, the graph),
// its OpenAPI description at /openapi.json, and a small web explorer at /.
//
// Handlers are thin: they read and check the parameters, call the graph, the
// index or the answer engine with the request's context, and write JSON.
// Errors become HTTP statuses in one place (fail); every request is logged
// once by middleware. The package uses the graph and the index through the
// small interfaces Graph and Index, so tests can run it over in-memory
// backends.
package api

import (
	"cmp"
	"context"
	_ "embed"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

// Graph is what the API reads from the knowledge graph. An empty land or
// topic matches every Land or topic.
type Graph interface {
	Documents(ctx context.Context) ([]corpus.Document, error)
	Document(ctx context.Context, id corpus.DocID) (corpus.Document, error)
	LandTopics(ctx context.Context, f graph.FactFilter) ([]corpus.LandTopic, error)
	Mentions(ctx context.Context, land corpus.LandCode) ([]corpus.Mention, error)
	TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error)
	MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error)
	// Meetings returns the merged meetings (corpus.MergeMeetings) that f selects.
	Meetings(ctx context.Context, f graph.MeetingFilter) ([]corpus.Meeting, error)
	ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error)
	Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error)
	People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error)
	// Organisations returns the statements about organisations: all for
	// land "", else those of the Land or tying the Land to them.
	Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error)
	// Laws returns the statements about laws: all for land "", else the Land's.
	Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error)
	Neighbours(ctx context.Context, node string) ([]corpus.Edge, error)
	// ExportNQuads writes the graph as N-Quads in the public namespace.
	ExportNQuads(ctx context.Context, w io.Writer) error
	Stats(ctx context.Context) (graph.Stats, error)
}

// Index is what the API reads from the full-text index.
type Index interface {
	Search(ctx context.Context, req search.Request) (*search.Result, error)
	Each(ctx context.Context, req search.Request, fn func(search.Hit) error) error
	Count(ctx context.Context) (uint64, error)
	// Text returns a document's stored text and the spans q matches.
	Text(ctx context.Context, id corpus.DocID, q string) (search.Text, error)
}

// Config holds what the API serves.
type Config struct {
	Graph Graph
	Index Index
	// Answer answers /api/v1/ask; nil means an engine over Graph and Index.
	Answer *answer.Engine
	// Registry and Thesaurus name Länder and topics; nil means the built-in ones.
	Registry  *corpus.Registry
	Thesaurus *corpus.Thesaurus
	// Logger receives one line per request; nil discards them.
	Logger  *slog.Logger
	Version string
	// AllowOrigins are the origins whose pages may call the API (CORS);
	// "*" allows any. Empty: no CORS headers, browsers allow only this
	// server's own pages.
	AllowOrigins []string
	// RequestTimeout bounds the work of one request, streamed exports
	// aside; 0 means DefaultRequestTimeout, negative no bound.
	RequestTimeout time.Duration
	// StreamTimeout is how long a streamed export waits for the client to
	// take the next part before it gives up; 0 means DefaultStreamTimeout.
	StreamTimeout time.Duration
	// Writer, if set, takes uploads and deletions; Tokens may write (none:
	// every write is refused).
	Writer Writer
	Tokens *Tokens
	// ReadTokens, if set, close the reads under /api/v1 to all but their
	// bearer tokens and Tokens; the explorer page, /openapi.json and
	// /healthz stay open.
	ReadTokens *Tokens
	// MaxUpload bounds the body of one upload in bytes; 0 means 256 MB.
	MaxUpload int64
	// GraphQueryTimeout bounds a graph query (0: DefaultGraphQueryTimeout);
	// GraphQueryWork is the most links it may look at (0:
	// graph.DefaultQueryWork).
	GraphQueryTimeout time.Duration
	GraphQueryWork    int
	// Context bounds the background work: uploads are ingested as jobs
	// until it ends (nil: for ever). KeepJobs ended jobs are kept for
	// reading (0: DefaultKeepJobs) and at most QueuedJobs wait (0:
	// DefaultQueuedJobs) before uploads are refused with 503.
	Context              context.Context
	KeepJobs, QueuedJobs int
	// Watches keeps the saved searches of /api/v1/watches (nil: none can
	// be saved).
	Watches WatchStore
	// Prepare, with a Context and a Graph that is a Notifier, computes the
	// Land profiles (and so the graph's fact index and merged meetings) in
	// the background at start and after every change of the graph, until
	// Context ends; /healthz says "ready" once they are there for the
	// graph as it is.
	Prepare bool
}

// server holds the dependencies of the handlers.
type server struct {
	g       Graph
	ix      Index
	ans     *answer.Engine
	reg     *corpus.Registry
	th      *corpus.Thesaurus
	log     *slog.Logger
	version string
	views   answer.Views
	// requestTimeout and streamTimeout: see Config.
	requestTimeout time.Duration
	streamTimeout  time.Duration
	writer         Writer
	tokens         *Tokens
	readTokens     *Tokens
	maxUpload      int64
	queryTimeout   time.Duration
	queryWork      int
	metrics        *metrics
	jobs           *jobQueue
	watches        WatchStore
	profiles       profileCache
	mergedMemo     mergedMemo
	meetingsMemo   meetingsMemo
	seriesMemo     seriesMemo
	// preparing is set when prepare runs; prepared holds the generation
	// it last finished plus one (0: none yet).
	preparing bool
	prepared  atomic.Uint64
}

// quietGin switches gin out of its debug mode, which prints the route table
// to stdout past the logger; requests are logged through slog instead. Only
// this package imports gin, so it is done here, once.
var quietGin sync.Once

// New returns the HTTP handler of the API and the web explorer.
func New(cfg Config) http.Handler {
	quietGin.Do(func() { gin.SetMode(gin.ReleaseMode) })
	s := &server{g: cfg.Graph, ix: cfg.Index, ans: cfg.Answer, reg: cfg.Registry, th: cfg.Thesaurus, log: cfg.Logger, version: cfg.Version}
	if s.reg == nil {
		s.reg = corpus.Laender()
	}
	if s.th == nil {
		s.th = corpus.DefaultThesaurus()
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.ans == nil {
		s.ans = answer.New(Knowledge(s.g), s.ix, s.reg, s.th)
	}
	s.views = answer.Views{Reg: s.reg, Th: s.th}
	s.requestTimeout = cmp.Or(cfg.RequestTimeout, DefaultRequestTimeout)
	s.streamTimeout = cmp.Or(cfg.StreamTimeout, DefaultStreamTimeout)
	s.writer, s.tokens, s.maxUpload = cfg.Writer, cfg.Tokens, cmp.Or(cfg.MaxUpload, 256<<20)
	s.readTokens = cfg.ReadTokens
	s.queryTimeout = cmp.Or(cfg.GraphQueryTimeout, DefaultGraphQueryTimeout)
	s.queryWork = cmp.Or(cfg.GraphQueryWork, graph.DefaultQueryWork)
	s.metrics = newMetrics(s.g, s.ix)
	s.watches = cfg.Watches
	if s.writer != nil {
		s.jobs = newJobQueue(cfg.Context, s.writer, s.metrics, cfg.KeepJobs, cfg.QueuedJobs, func(j *Job, err error) {
			s.log.Error("ingest job failed", "job", j.ID, "files", j.Total, "done", j.Done, "error", err.Error())
		})
	}
	if n, ok := s.g.(Notifier); ok && cfg.Prepare && cfg.Context != nil {
		s.preparing = true
		go s.prepare(cfg.Context, n)
	}
	h := &handler{engine: s.routes(), origins: map[string]bool{}}
	for _, o := range cfg.AllowOrigins {
		h.origins[strings.TrimRight(o, "/")] = true
	}
	return h
}

// routes lists every route of the API.
func (s *server) routes() *gin.Engine {
	r := gin.New()
	r.HandleMethodNotAllowed = true // 405 with Allow for a known path
	r.Use(s.logRequests, s.recoverPanics, deadline(s.requestTimeout))
	r.NoRoute(s.notFound)
	r.NoMethod(s.methodNotAllowed)

	r.GET("/", s.page)
	r.GET("/healthz", s.health)
	r.GET("/openapi.json", s.openAPI)
	r.GET("/metrics", s.requireReadToken, s.metrics.handler())

	v1 := r.Group("/api/v1", s.requireReadToken)
	v1.GET("/search", s.search)
	v1.GET("/ask", s.ask)
	v1.GET("/laender", s.laender)
	v1.GET("/laender/:code", s.land)
	v1.GET("/topics", s.topics)
	v1.GET("/topics/:id", s.topic)
	v1.GET("/matrix", s.matrix)
	v1.GET("/documents", s.documents)
	v1.GET("/documents/:id", s.document)
	v1.GET("/documents/:id/text", s.documentText)
	v1.POST("/documents", s.requireToken, s.uploadDocuments)
	v1.DELETE("/documents/:id", s.requireToken, s.deleteDocument)
	v1.GET("/jobs", s.requireToken, s.jobsList)
	v1.GET("/jobs/:id", s.requireToken, s.jobByID)
	v1.GET("/watches", s.watchesList)
	v1.POST("/watches", s.requireToken, s.addWatch)
	v1.GET("/watches/:id", s.watchByID)
	v1.DELETE("/watches/:id", s.requireToken, s.deleteWatch)
	v1.GET("/watches/:id/feed.atom", s.watchFeed)
	v1.GET("/meetings", s.meetings)
	v1.GET("/meetings/:id", s.meeting)
	v1.GET("/series", s.seriesList)
	v1.GET("/series/:id", s.series)
	v1.GET("/people", s.people)
	v1.GET("/people/:id", s.person)
	v1.GET("/organisations", s.organisations)
	v1.GET("/organisations/:id", s.organisation)
	v1.GET("/laws", s.laws)
	v1.GET("/laws/:id", s.law)
	v1.GET("/strategies/:id", s.strategy)
	v1.GET("/graph/neighbours", s.neighbours)
	v1.GET("/graph/view", s.graphView)
	v1.GET("/graph/path", s.graphPath)
	v1.GET("/graph/query", s.graphQuery)
	v1.GET("/export/graph.nq", s.exportGraph)
	v1.GET("/export/graph.graphml", s.exportGraphML)
	v1.GET("/export/graph.gexf", s.exportGEXF)
	return r
}

//go:embed openapi.json
var openAPIJSON []byte

//go:embed index.html
var indexHTML []byte

func (s *server) openAPI(c *gin.Context) { c.Data(http.StatusOK, "application/json", openAPIJSON) }

func (s *server) page(c *gin.Context) {
	c.Header("Content-Security-Policy", pageCSP)
	c.Data(http.StatusOK, "text/html; charset=utf-8", indexHTML)
}

// health reports that the service runs, how much it holds, and whether it
// is ready: whether what a change of the graph makes stale has been
// computed again (see prepare), so that no request has to compute it.
func (s *server) health(c *gin.Context) {
	ctx := c.Request.Context()
	st, err := s.g.Stats(ctx)
	if err != nil {
		s.fail(c, err)
		return
	}
	n, err := s.ix.Count(ctx)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "ready": s.ready(), "version": s.version, "documents": st.Documents, "quads": st.Quads, "indexed": n})
}

// Knowledge returns g as the knowledge the answer engine reads; when g is
// Generational, so is the knowledge, and the engine keeps what it derives
// from the whole graph for a generation.
func Knowledge(g Graph) answer.Knowledge {
	if gg, ok := g.(Generational); ok {
		return generationalKnowledge{knowledge{g}, gg}
	}
	return knowledge{g}
}

// generationalKnowledge is the knowledge of a Generational graph.
type generationalKnowledge struct {
	knowledge
	g Generational
}

func (k generationalKnowledge) Generation() uint64 { return k.g.Generation() }

// knowledge adapts a Graph to answer.Knowledge.
type knowledge struct{ g Graph }

func (k knowledge) LandTopics(ctx context.Context, land corpus.LandCode, topic corpus.TopicID) ([]corpus.LandTopic, error) {
	return k.g.LandTopics(ctx, graph.FactFilter{Land: land, Topic: topic})
}

func (k knowledge) MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error) {
	return k.g.MeetingMentions(ctx)
}

func (k knowledge) Meetings(ctx context.Context) ([]corpus.Meeting, error) {
	return k.g.Meetings(ctx, graph.MeetingFilter{})
}

func (k knowledge) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) {
	return k.g.ChairTerms(ctx)
}

func (k knowledge) Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error) {
	return k.g.Strategies(ctx, land)
}

func (k knowledge) TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error) {
	return k.g.TopicMentions(ctx, topic)
}

func (k knowledge) Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error) {
	return k.g.Organisations(ctx, land)
}

func (k knowledge) Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error) {
	return k.g.Laws(ctx, land)
}

func (k knowledge) People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error) {
	return k.g.People(ctx, land)
}
