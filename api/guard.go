package api

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// The defaults of Config's time limits.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultStreamTimeout  = time.Minute
)

// apiCSP is the Content-Security-Policy of every response but the explorer:
// JSON, CSV and N-Quads load nothing and are framed nowhere.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// pageCSP allows the explorer its own inline script (by hash, so an injected
// script does not run), inline styles, images from itself and data: URLs
// (the favicon), and requests to this API only.
var pageCSP = "default-src 'none'; script-src " + scriptHashes(indexHTML) +
	"; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

var inlineScript = regexp.MustCompile(`(?is)<script[^>]*>(.*?)</script>`)

// scriptHashes returns the CSP source expressions ('sha256-…') of the inline
// scripts of page, or 'none'.
func scriptHashes(page []byte) string {
	var out []string
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		out = append(out, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	if len(out) == 0 {
		return "'none'"
	}
	return strings.Join(out, " ")
}

// handler is the API's http.Handler: the gin engine behind the headers every
// response carries, CORS and HEAD requests.
type handler struct {
	engine *gin.Engine
	// origins may call the API from a browser; "*" any. Empty: CORS off.
	origins map[string]bool
}

// Routes lists the routes of the engine.
func (h *handler) Routes() gin.RoutesInfo { return h.engine.Routes() }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Content-Security-Policy", apiCSP)
	if len(h.origins) > 0 {
		hd.Add("Vary", "Origin")
		if o := r.Header.Get("Origin"); o != "" && (h.origins[o] || h.origins["*"]) {
			hd.Set("Access-Control-Allow-Origin", o)
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				hd.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE")
				hd.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
				hd.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
	}
	if r.Method == http.MethodHead {
		// A HEAD is the GET without its body, which the server drops.
		r = r.Clone(r.Context())
		r.Method = http.MethodGet
	}
	h.engine.ServeHTTP(w, r)
}

// deadline gives every request but the streamed exports a deadline of d:
// the handlers pass the request's context down, so the work behind a request
// stops when its time is up (and the client gets a 503).
func deadline(d time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		if d <= 0 || streaming(c) {
			c.Next()
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// streaming reports whether c streams an export, which takes as long as the
// data and the client need; its writes are bounded instead (see firstWrite).
func streaming(c *gin.Context) bool {
	switch c.FullPath() {
	case "/api/v1/export/graph.nq":
		return true
	case "/api/v1/search":
		f := c.Query("format")
		return f == "csv" || f == "jsonl"
	case "/api/v1/documents":
		return c.Request.Method == http.MethodPost // an upload takes as long as its ingest
	}
	return false
}
