package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are what /metrics reports in the Prometheus text format: requests
// and their latencies by route, ingested files and deleted documents, ingest
// jobs, the sizes of the stores (read when scraped), and the Go runtime and
// process. They live in a registry of their own, so that two servers in one
// process (tests) do not share counters.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	files    *prometheus.CounterVec
	deleted  prometheus.Counter
	jobs     *prometheus.CounterVec
}

func newMetrics(g Graph, ix Index) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "laendergraph_http_requests_total",
			Help: "HTTP requests answered, by method, route (the pattern, \"unmatched\" for unknown paths) and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "laendergraph_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by method and route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"method", "route"}),
		files: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "laendergraph_ingest_files_total",
			Help: "Uploaded files ingested, by outcome (added, updated, unchanged, duplicate, failed, skipped).",
		}, []string{"outcome"}),
		deleted: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "laendergraph_documents_deleted_total",
			Help: "Documents deleted through the API.",
		}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "laendergraph_ingest_jobs_total",
			Help: "Ingest jobs ended, by final state (done, failed).",
		}, []string{"state"}),
	}
	m.reg.MustRegister(m.requests, m.duration, m.files, m.deleted, m.jobs,
		storeCollector{g: g, ix: ix},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one answered request.
func (m *metrics) observe(c *gin.Context, took time.Duration) {
	route := c.FullPath()
	if route == "" {
		route = "unmatched" // unknown paths would make a series each
	}
	method := c.Request.Method
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodDelete, http.MethodOptions, http.MethodPut, http.MethodPatch:
	default:
		method = "other"
	}
	m.requests.WithLabelValues(method, route, strconv.Itoa(c.Writer.Status())).Inc()
	m.duration.WithLabelValues(method, route).Observe(took.Seconds())
}

// handler serves the registry.
func (m *metrics) handler() gin.HandlerFunc {
	h := promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
	return func(c *gin.Context) { h.ServeHTTP(c.Writer, c.Request) }
}

// storeCollector reports the sizes of graph and index when scraped.
type storeCollector struct {
	g  Graph
	ix Index
}

var (
	descGraphDocs = prometheus.NewDesc("laendergraph_graph_documents", "Documents in the knowledge graph.", nil, nil)
	descGraphQuad = prometheus.NewDesc("laendergraph_graph_quads", "Quads in the knowledge graph.", nil, nil)
	descIndexDocs = prometheus.NewDesc("laendergraph_index_documents", "Documents in the full-text index.", nil, nil)
)

func (s storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descGraphDocs
	ch <- descGraphQuad
	ch <- descIndexDocs
}

// Collect reads the sizes; a store that cannot answer within a few seconds
// is left out of the scrape (reported as an invalid metric).
func (s storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if st, err := s.g.Stats(ctx); err == nil {
		ch <- prometheus.MustNewConstMetric(descGraphDocs, prometheus.GaugeValue, float64(st.Documents))
		ch <- prometheus.MustNewConstMetric(descGraphQuad, prometheus.GaugeValue, float64(st.Quads))
	} else {
		ch <- prometheus.NewInvalidMetric(descGraphDocs, err)
	}
	if n, err := s.ix.Count(ctx); err == nil {
		ch <- prometheus.MustNewConstMetric(descIndexDocs, prometheus.GaugeValue, float64(n))
	} else {
		ch <- prometheus.NewInvalidMetric(descIndexDocs, err)
	}
}
